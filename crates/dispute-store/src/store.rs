//! The git-backed casebook: the only module that talks to git or writes files.
//!
//! Reads come from HEAD, never from the working tree. A write (`Store::begin` then
//! `Writer::commit`) holds the writer lock, refuses if `cases/` or `casebook.toml` carry
//! uncommitted hand edits, writes blobs and only the trees on the changed paths, makes the
//! commit, moves the branch with a guarded update (it fails if the branch moved), and only
//! then brings the working-tree files and their index entries in line. A journal written
//! before the branch moves lets the next command finish that last step if a process dies.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use git2::{ErrorCode, FileMode, ObjectType, Oid, Repository, Signature, Tree, TreeWalkMode};

use dispute_core::calendar::china;
use dispute_core::case::{Case, CaseId, Time};
use dispute_core::casebook::{Casebook, Operator};
use dispute_core::error::{Error, Result};
pub use dispute_core::protocol::{CASEBOOK_FILE, CASES_DIR};
use dispute_core::protocol::{CommitInfo, CommitRecord, FileChange, Message};
use dispute_core::summary::CaseSummary;

use crate::faults;

const LOCK_FILE: &str = "dispute.lock";
const JOURNAL_FILE: &str = "dispute-pending";
const STATE_FILE: &str = "dispute-state";
const SUMMARY_CACHE: &str = "dispute-summaries";
const DIRS_FILE: &str = "dispute-dirs";

/// git2's errors become the core's internal error; the store is the only place they arise.
trait Git<T> {
    fn git(self) -> Result<T>;
}

impl<T> Git<T> for std::result::Result<T, git2::Error> {
    fn git(self) -> Result<T> {
        self.map_err(|e| Error::Git(e.message().to_string()))
    }
}

/// What readers need of a commit: who, when, its message parsed by the protocol.
fn commit_info(commit: &git2::Commit) -> Result<CommitInfo> {
    let author = commit.author();
    let time = commit.time();
    let time: Time = chrono::DateTime::from_timestamp(time.seconds(), 0)
        .map(|t| t.with_timezone(&china()))
        .ok_or_else(|| Error::Internal("提交时间无效".into()))?;
    Ok(CommitInfo {
        commit: oid_short(commit.id()),
        author_name: author.name().unwrap_or("").to_string(),
        author_email: author.email().unwrap_or("").to_string(),
        time,
        message: Message::parse(commit.message().unwrap_or("")),
    })
}

/// A case file in HEAD that could not be read, with the reason.
#[derive(Debug)]
pub struct BadCase {
    pub path: String,
    pub error: Error,
}

pub struct Store {
    repo: Repository,
    root: PathBuf,
}

impl Store {
    /// The casebook at `dir` or the nearest parent holding `casebook.toml`.
    pub fn discover(start: &Path) -> Result<Store> {
        let start = fs::canonicalize(start).map_err(|_| Error::NoCasebook(start.to_path_buf()))?;
        let mut dir = start.as_path();
        loop {
            if dir.join(CASEBOOK_FILE).is_file() {
                return Store::open(dir);
            }
            match dir.parent() {
                Some(p) => dir = p,
                None => return Err(Error::NoCasebook(start.clone())),
            }
        }
    }

    pub fn open(dir: &Path) -> Result<Store> {
        // git itself does not re-hash every object it reads; `verify` checks the history.
        git2::opts::strict_hash_verification(false);
        let repo = Repository::open(dir).map_err(|_| Error::NoCasebook(dir.to_path_buf()))?;
        let root = repo
            .workdir()
            .ok_or_else(|| Error::NoCasebook(dir.to_path_buf()))?
            .to_path_buf();
        if fs::canonicalize(&root).ok() != fs::canonicalize(dir).ok() {
            // casebook.toml must sit at the top of its repository.
            return Err(Error::NoCasebook(dir.to_path_buf()));
        }
        Ok(Store { repo, root })
    }

    /// Create the repository if needed and make the first casebook commit.
    pub fn init(
        dir: &Path,
        book: &Casebook,
        message: &Message,
        author: &Operator,
    ) -> Result<Store> {
        fs::create_dir_all(dir)?;
        if dir.join(CASEBOOK_FILE).exists() {
            return Err(Error::AlreadyInitialised(dir.to_path_buf()));
        }
        let repo = match Repository::open(dir) {
            Ok(r)
                if r.workdir().and_then(|w| fs::canonicalize(w).ok())
                    == fs::canonicalize(dir).ok() =>
            {
                r
            }
            _ => {
                let mut opts = git2::RepositoryInitOptions::new();
                opts.initial_head("main");
                Repository::init_opts(dir, &opts).git()?
            }
        };
        let store = Store {
            root: repo.workdir().expect("non-bare").to_path_buf(),
            repo,
        };
        let writer = store.begin()?;
        let files = vec![
            (CASEBOOK_FILE.to_string(), book.to_toml()),
            (format!("{CASES_DIR}/.gitkeep"), String::new()),
            (".gitattributes".to_string(), GITATTRIBUTES.to_string()),
        ];
        writer.commit(&files, message, author)?;
        Ok(store)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn head_tree(&self) -> Result<Option<Tree<'_>>> {
        match self.repo.head() {
            Ok(head) => Ok(Some(head.peel_to_tree().git()?)),
            Err(e) if matches!(e.code(), ErrorCode::UnbornBranch | ErrorCode::NotFound) => Ok(None),
            Err(e) => Err(e).git(),
        }
    }

    fn head_oid(&self) -> Result<Option<Oid>> {
        match self.repo.head() {
            Ok(head) => Ok(Some(head.peel_to_commit().git()?.id())),
            Err(e) if matches!(e.code(), ErrorCode::UnbornBranch | ErrorCode::NotFound) => Ok(None),
            Err(e) => Err(e).git(),
        }
    }

    /// The content of a file in HEAD, if it exists there.
    fn read_head(&self, path: &str) -> Result<Option<Vec<u8>>> {
        let Some(tree) = self.head_tree()? else {
            return Ok(None);
        };
        match tree.get_path(Path::new(path)) {
            Ok(entry) => {
                let blob = entry
                    .to_object(&self.repo)
                    .git()?
                    .into_blob()
                    .map_err(|_| Error::CaseFileInvalid {
                        path: path.to_string(),
                        reason: "不是普通文件".into(),
                    })?;
                Ok(Some(blob.content().to_vec()))
            }
            Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e).git(),
        }
    }

    pub fn casebook(&self) -> Result<Casebook> {
        let bytes = self
            .read_head(CASEBOOK_FILE)?
            .ok_or_else(|| Error::NoCasebook(self.root.clone()))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| Error::CasebookInvalid("不是 UTF-8 文本".into()))?;
        Casebook::parse(&text)
    }

    /// A case as committed in HEAD, checked against the schema.
    pub fn case(&self, id: &CaseId) -> Result<Case> {
        let path = id.path();
        let bytes = self
            .read_head(&path)?
            .ok_or_else(|| Error::CaseNotFound(id.to_string()))?;
        let case = parse_case_bytes(&bytes, &path)?;
        dispute_core::schema::check_case(&case, &path)?;
        Ok(case)
    }

    /// The blobs of every case file in HEAD (optionally of one year), sorted by path.
    fn case_blobs(&self, year: Option<i32>) -> Result<Vec<(String, Oid)>> {
        let mut out = vec![];
        let Some(tree) = self.head_tree()? else {
            return Ok(out);
        };
        let cases = match tree.get_name(CASES_DIR) {
            Some(e) if e.kind() == Some(ObjectType::Tree) => self.repo.find_tree(e.id()).git()?,
            _ => return Ok(out),
        };
        let prefix = match year {
            Some(y) => match cases.get_name(&y.to_string()) {
                Some(e) if e.kind() == Some(ObjectType::Tree) => {
                    let t = self.repo.find_tree(e.id()).git()?;
                    collect_blobs(&t, &format!("{CASES_DIR}/{y}/"), &mut out)?;
                    return Ok(out);
                }
                _ => return Ok(out),
            },
            None => format!("{CASES_DIR}/"),
        };
        collect_blobs(&cases, &prefix, &mut out)?;
        Ok(out)
    }

    /// Every case in HEAD, and the files that could not be read (named, not fatal).
    pub fn cases(&self, year: Option<i32>) -> Result<(Vec<Case>, Vec<BadCase>)> {
        let blobs = self.case_blobs(year)?;
        let mut cases = Vec::with_capacity(blobs.len());
        let mut bad = vec![];
        let odb = self.repo.odb().git()?;
        for (path, oid) in blobs {
            let obj = odb.read(oid).git()?;
            match parse_case_bytes(obj.data(), &path) {
                Ok(c) => cases.push(c),
                Err(error) => bad.push(BadCase { path, error }),
            }
        }
        Ok((cases, bad))
    }

    /// A summary of every case in HEAD (optionally of one year), and the files that could
    /// not be read. Summaries are cached in `.git/dispute-summaries` by blob id and path, so only
    /// files changed since the last read are parsed (on two threads).
    pub fn summaries(&self, year: Option<i32>) -> Result<(Vec<CaseSummary>, Vec<BadCase>)> {
        let blobs = self.case_blobs(year)?;
        let cache_path = self.repo.path().join(SUMMARY_CACHE);
        let mut cache = load_summaries(&cache_path);
        let hit = |cache: &SummaryCache, path: &str, oid: &Oid| {
            cache.get(oid).is_some_and(|(p, _)| p == path)
        };
        let misses: Vec<&(String, Oid)> = blobs
            .iter()
            .filter(|(path, oid)| !hit(&cache, path, oid))
            .collect();
        let git_dir = self.repo.path().to_path_buf();
        type Parsed = (Oid, String, Result<CaseSummary, BadCase>);
        let parse = |chunk: &[&(String, Oid)]| -> Result<Vec<Parsed>> {
            let repo = Repository::open(&git_dir).git()?;
            let odb = repo.odb().git()?;
            let mut out = vec![];
            for (path, oid) in chunk {
                let obj = odb.read(*oid).git()?;
                let summary = parse_case_bytes(obj.data(), path)
                    .map(|c| CaseSummary::of(&c))
                    .map_err(|error| BadCase {
                        path: path.clone(),
                        error,
                    });
                out.push((*oid, path.clone(), summary));
            }
            Ok(out)
        };
        let parsed = if misses.len() < 64 {
            parse(&misses)?
        } else {
            let (a, b) = misses.split_at(misses.len() / 2);
            let (ra, rb) = std::thread::scope(|s| {
                let other = s.spawn(|| parse(b));
                (parse(a), other.join())
            });
            let mut all = ra?;
            all.extend(rb.map_err(|_| Error::Internal("解析线程异常退出".into()))??);
            all
        };
        let mut bad = vec![];
        let fresh = !parsed.is_empty();
        for (oid, path, summary) in parsed {
            match summary {
                Ok(s) => {
                    cache.insert(oid, (path, s));
                }
                Err(b) => bad.push(b),
            }
        }
        if fresh {
            if year.is_none() {
                let current: std::collections::HashSet<&Oid> =
                    blobs.iter().map(|(_, o)| o).collect();
                cache.retain(|oid, _| current.contains(oid));
            }
            // A cache that cannot be written only costs time on the next read.
            let _ = save_summaries(&cache_path, &cache);
        }
        let mut summaries = Vec::with_capacity(blobs.len());
        for (path, oid) in &blobs {
            if hit(&cache, path, oid)
                && let Some((_, s)) = cache.remove(oid)
            {
                summaries.push(s);
            }
        }
        bad.sort_by(|a, b| a.path.cmp(&b.path));
        Ok((summaries, bad))
    }

    /// The next free sequence number of a department in a year.
    pub fn next_seq(&self, dept: &str, year: i32) -> Result<u32> {
        let Some(tree) = self.head_tree()? else {
            return Ok(1);
        };
        let dir = format!("{CASES_DIR}/{year}/{}", dept.to_ascii_uppercase());
        let dept_tree = match tree.get_path(Path::new(&dir)) {
            Ok(e) if e.kind() == Some(ObjectType::Tree) => self.repo.find_tree(e.id()).git()?,
            _ => return Ok(1),
        };
        // The highest bucket holds the highest sequence.
        let bucket = dept_tree
            .iter()
            .filter(|e| e.kind() == Some(ObjectType::Tree))
            .filter_map(|e| Some((e.name().ok()?.parse::<u32>().ok()?, e.id())))
            .max();
        let Some((_, bucket)) = bucket else {
            return Ok(1);
        };
        let max = self
            .repo
            .find_tree(bucket)
            .git()?
            .iter()
            .filter_map(|e| {
                let id = CaseId::parse(e.name().ok()?.strip_suffix(".toml")?).ok()?;
                (id.year == year && id.dept == dept).then_some(id.seq)
            })
            .max()
            .unwrap_or(0);
        Ok(max + 1)
    }

    /// The commits that changed `path`, newest first.
    pub fn history(&self, path: &str) -> Result<Vec<CommitInfo>> {
        let mut out = vec![];
        let Some(_) = self.head_oid()? else {
            return Ok(out);
        };
        let mut walk = self.repo.revwalk().git()?;
        walk.push_head().git()?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::TIME)
            .git()?;
        let blob_at = |tree: &Tree| tree.get_path(Path::new(path)).ok().map(|e| e.id());
        for oid in walk {
            let commit = self.repo.find_commit(oid.git()?).git()?;
            let now = blob_at(&commit.tree().git()?);
            let changed = if commit.parent_count() == 0 {
                now.is_some()
            } else {
                commit
                    .parents()
                    .all(|p| p.tree().ok().and_then(|t| blob_at(&t)) != now)
            };
            if !changed {
                continue;
            }
            out.push(commit_info(&commit)?);
        }
        Ok(out)
    }

    /// Every commit from the first (or from after `since`) to HEAD, oldest first, with its
    /// changes under `cases/` and to `casebook.toml`, for `verify`.
    pub fn walk_history(
        &self,
        since: Option<&str>,
        mut each: impl FnMut(CommitRecord) -> Result<()>,
    ) -> Result<()> {
        if self.head_oid()?.is_none() {
            return Ok(());
        }
        let mut walk = self.repo.revwalk().git()?;
        walk.push_head().git()?;
        if let Some(rev) = since {
            let obj = self
                .repo
                .revparse_single(rev)
                .map_err(|_| Error::invalid("--since", format!("找不到提交 {rev}")))?;
            walk.hide(obj.peel_to_commit().git()?.id()).git()?;
        }
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)
            .git()?;
        for oid in walk {
            let commit = self.repo.find_commit(oid.git()?).git()?;
            let tree = commit.tree().git()?;
            let parents: Vec<git2::Commit> = commit.parents().collect();
            let first_tree = parents.first().map(|p| p.tree()).transpose().git()?;
            let mut opts = git2::DiffOptions::new();
            opts.pathspec(CASEBOOK_FILE)
                .pathspec(format!("{CASES_DIR}/"));
            let diff = self
                .repo
                .diff_tree_to_tree(first_tree.as_ref(), Some(&tree), Some(&mut opts))
                .git()?;
            let mut changes = vec![];
            let mut merged_from_other_side = vec![];
            for delta in diff.deltas() {
                let path = delta
                    .new_file()
                    .path()
                    .or(delta.old_file().path())
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let blob = |f: git2::DiffFile| -> Result<Option<Vec<u8>>> {
                    if f.id().is_zero() {
                        return Ok(None);
                    }
                    Ok(Some(self.repo.find_blob(f.id()).git()?.content().to_vec()))
                };
                let new_id = delta.new_file().id();
                // In a merge, a file that equals another parent's came from that side,
                // whose own commits are checked on their own.
                if parents.len() > 1
                    && parents[1..].iter().any(|p| {
                        p.tree()
                            .ok()
                            .and_then(|t| t.get_path(Path::new(&path)).ok())
                            .map(|e| e.id())
                            == Some(new_id).filter(|id| !id.is_zero())
                    })
                {
                    merged_from_other_side.push(path);
                    continue;
                }
                changes.push(FileChange {
                    old: blob(delta.old_file())?,
                    new: blob(delta.new_file())?,
                    path,
                });
            }
            let parent_casebook = match &first_tree {
                Some(t) => match t.get_name(CASEBOOK_FILE) {
                    Some(e) => Some(self.repo.find_blob(e.id()).git()?.content().to_vec()),
                    None => None,
                },
                None => None,
            };
            each(CommitRecord {
                info: commit_info(&commit)?,
                parents: parents.len(),
                changes,
                merged_from_other_side,
                parent_casebook,
            })?;
        }
        Ok(())
    }

    /// The case files present in a revision's tree (for `verify --since`).
    pub fn case_paths_at(&self, rev: &str) -> Result<Vec<String>> {
        let obj = self
            .repo
            .revparse_single(rev)
            .map_err(|_| Error::invalid("--since", format!("找不到提交 {rev}")))?;
        let tree = obj.peel_to_commit().git()?.tree().git()?;
        let mut out = vec![];
        if let Some(e) = tree.get_name(CASES_DIR)
            && let Ok(cases) = self.repo.find_tree(e.id())
        {
            let mut blobs = vec![];
            collect_blobs(&cases, &format!("{CASES_DIR}/"), &mut blobs)?;
            out = blobs.into_iter().map(|(p, _)| p).collect();
        }
        Ok(out)
    }

    /// Whether a case file exists in HEAD.
    pub fn case_exists(&self, id: &CaseId) -> Result<bool> {
        Ok(self.read_head(&id.path())?.is_some())
    }

    /// The newest commit whose message carries the trailer `key: value`.
    pub fn find_trailer(&self, key: &str, value: &str) -> Result<Option<String>> {
        if self.head_oid()?.is_none() {
            return Ok(None);
        }
        let mut walk = self.repo.revwalk().git()?;
        walk.push_head().git()?;
        let needle = format!("{key}: {value}");
        for oid in walk {
            let commit = self.repo.find_commit(oid.git()?).git()?;
            let message = commit.message().unwrap_or("");
            if message.contains(&needle) {
                let found = git2::message_trailers_strs(message)
                    .map(|t| t.iter().any(|(k, v)| k == key && v.trim() == value))
                    .unwrap_or(false);
                if found {
                    return Ok(Some(oid_short(commit.id())));
                }
            }
        }
        Ok(None)
    }

    /// git's `user.email` for this repository, if set.
    pub fn git_user_email(&self) -> Option<String> {
        self.repo.config().ok()?.get_string("user.email").ok()
    }

    /// Take the writer lock, finish an interrupted write, and refuse on hand edits.
    pub fn begin(&self) -> Result<Writer<'_>> {
        let lock = WriterLock::acquire(&self.repo.path().join(LOCK_FILE))?;
        let mut notices = vec![];
        if let Some(stale) = &lock.stale_pid {
            notices.push(format!("已清除进程 {stale} 遗留的写锁（该进程已不在运行）"));
        }
        self.recover(&mut notices)?;
        let (edits, dirs) = self.check_clean()?;
        if !edits.is_empty() {
            return Err(Error::HandEdits(edits));
        }
        Ok(Writer {
            store: self,
            _lock: lock,
            notices,
            dirs: std::cell::RefCell::new(dirs),
        })
    }

    /// If a previous command died after moving the branch but before updating the working
    /// tree, finish its working-tree step now.
    fn recover(&self, notices: &mut Vec<String>) -> Result<()> {
        let journal_path = self.repo.path().join(JOURNAL_FILE);
        let Ok(journal) = fs::read_to_string(&journal_path) else {
            return Ok(());
        };
        // Our process died holding git's own lock files; we hold the writer lock, so they
        // are ours and stale.
        for stale in [self.repo.path().join("index.lock"), self.ref_lock_path()?] {
            let _ = fs::remove_file(stale);
        }
        let mut lines = journal.lines();
        let commit = lines.next().and_then(|l| Oid::from_str(l.trim()).ok());
        let paths: Vec<String> = lines
            .map(str::to_string)
            .filter(|l| !l.is_empty())
            .collect();
        if commit.is_some() && commit == self.head_oid()? {
            self.sync_worktree(&paths)?;
            notices.push(format!(
                "上一次写入在更新工作区前中断，已按 HEAD 补齐：{}",
                paths.join("、")
            ));
        } else {
            notices.push("上一次写入在提交前中断，案卷库未被改动".to_string());
        }
        fs::remove_file(&journal_path)?;
        Ok(())
    }

    fn ref_lock_path(&self) -> Result<PathBuf> {
        let head = self.repo.find_reference("HEAD").git()?;
        let target = head
            .symbolic_target()
            .git()?
            .unwrap_or("refs/heads/main")
            .to_string();
        Ok(self.repo.path().join(format!("{target}.lock")))
    }

    /// Bring working-tree files and index entries of `paths` in line with HEAD.
    fn sync_worktree(&self, paths: &[String]) -> Result<()> {
        let mut index = self.repo.index().git()?;
        for path in paths {
            let content = self
                .read_head(path)?
                .ok_or_else(|| Error::Internal(format!("{path} 不在 HEAD 中")))?;
            self.write_worktree_file(path, &content)?;
            index.add_path(Path::new(path)).git()?;
        }
        index.write().git()?;
        Ok(())
    }

    /// Write a file below the root atomically, refusing to follow symlinks; its stat data.
    fn write_worktree_file(&self, path: &str, content: &[u8]) -> Result<fs::Metadata> {
        let mut dir = self.root.clone();
        let parts: Vec<&str> = path.split('/').collect();
        for part in &parts[..parts.len() - 1] {
            dir.push(part);
            match fs::symlink_metadata(&dir) {
                Ok(m) if m.is_dir() => {}
                Ok(_) => {
                    return Err(Error::HandEdits(vec![format!(
                        "{}（不是目录）",
                        dir.strip_prefix(&self.root).unwrap_or(&dir).display()
                    )]));
                }
                Err(_) => fs::create_dir(&dir)?,
            }
        }
        let target = self.root.join(path);
        if let Ok(m) = fs::symlink_metadata(&target)
            && !m.is_file()
        {
            return Err(Error::HandEdits(vec![format!("{path}（不是普通文件）")]));
        }
        let tmp = dir.join(format!(
            ".{}.tmp-{}",
            parts[parts.len() - 1],
            std::process::id()
        ));
        // No fsync: after a crash the journal, or the hand-edit check, brings the file back
        // in line with HEAD, which is the record.
        fs::write(&tmp, content)?;
        fs::rename(&tmp, &target)?;
        Ok(fs::symlink_metadata(&target)?)
    }

    /// Uncommitted changes under `cases/` and to `casebook.toml`: modified, deleted, added
    /// or staged files, named relative to the casebook.
    ///
    /// Like `git status`, this is O(number of case files): every tracked file is stat'ed
    /// (on two threads) and only hashed when its stat differs from the index. The comparison
    /// of the index with HEAD is skipped when the index is the one this tool wrote for the
    /// current HEAD (recorded in `.git/dispute-state`).
    pub fn hand_edits(&self) -> Result<Vec<String>> {
        Ok(self.check_clean()?.0)
    }

    /// `hand_edits`, and the directory times of a clean tree (for the next check).
    fn check_clean(&self) -> Result<(Vec<String>, DirStamps)> {
        let index = self.repo.index().git()?;
        let tracked: Vec<Tracked> = index
            .iter()
            .filter_map(|e| {
                let path = String::from_utf8(e.path).ok()?;
                (path == CASEBOOK_FILE || path.starts_with("cases/")).then_some(Tracked {
                    path,
                    oid: e.id,
                    mode: e.mode,
                    mtime: (e.mtime.seconds(), e.mtime.nanoseconds()),
                    size: e.file_size,
                })
            })
            .collect();
        let mut dirty = vec![];
        if !self.index_is_ours()? {
            dirty.extend(self.staged(&tracked)?);
        }
        dirty.extend(self.modified(&index, &tracked));
        let (untracked, dirs) = self.untracked(&tracked);
        dirty.extend(untracked);
        dirty.sort();
        dirty.dedup();
        Ok((dirty, dirs))
    }

    /// Paths whose index entry differs from HEAD (staged, or removed from the index).
    fn staged(&self, tracked: &[Tracked]) -> Result<Vec<String>> {
        let mut head: Vec<(String, Oid, u32)> = vec![];
        if let Some(tree) = self.head_tree()? {
            if let Some(e) = tree.get_name(CASEBOOK_FILE) {
                head.push((CASEBOOK_FILE.into(), e.id(), e.filemode() as u32));
            }
            if let Some(e) = tree.get_name(CASES_DIR)
                && let Ok(cases) = self.repo.find_tree(e.id())
            {
                cases
                    .walk(TreeWalkMode::PreOrder, |dir, e| {
                        if e.kind() != Some(ObjectType::Tree) {
                            let name = e.name().unwrap_or("");
                            head.push((
                                format!("{CASES_DIR}/{dir}{name}"),
                                e.id(),
                                e.filemode() as u32,
                            ));
                        }
                        git2::TreeWalkResult::Ok
                    })
                    .git()?;
            }
        }
        head.sort();
        let mut out = vec![];
        let (mut i, mut j) = (0, 0);
        while i < tracked.len() || j < head.len() {
            match (tracked.get(i), head.get(j)) {
                (Some(t), Some(h)) if t.path == h.0 => {
                    if t.oid != h.1 || t.mode != h.2 {
                        out.push(t.path.clone());
                    }
                    i += 1;
                    j += 1;
                }
                (Some(t), Some(h)) if t.path < h.0 => {
                    out.push(t.path.clone());
                    i += 1;
                }
                (Some(t), None) => {
                    out.push(t.path.clone());
                    i += 1;
                }
                (_, Some(h)) => {
                    out.push(h.0.clone());
                    j += 1;
                }
                (None, None) => break,
            }
        }
        Ok(out)
    }

    /// Tracked files whose working-tree content differs from the index.
    fn modified(&self, index: &git2::Index, tracked: &[Tracked]) -> Vec<String> {
        use std::os::unix::fs::MetadataExt;
        // An entry written in the same instant as the index may hide a later edit ("racy
        // git"): hash those.
        let index_mtime = index
            .path()
            .and_then(|p| fs::metadata(p).ok())
            .map(|m| (m.mtime(), m.mtime_nsec()));
        let root = self.root.as_path();
        let check = |chunk: &[Tracked]| -> Vec<String> {
            let mut out = vec![];
            let mut full = root.to_path_buf();
            for t in chunk {
                full.push(&t.path);
                let changed = match fs::symlink_metadata(&full) {
                    Err(_) => true,
                    // A symlink committed as such is what HEAD holds, not a hand edit (the
                    // case it stands for is reported unreadable by the commands that read it).
                    Ok(meta) if meta.is_symlink() && t.mode == 0o120000 => {
                        use std::os::unix::ffi::OsStrExt;
                        fs::read_link(&full).ok().and_then(|target| {
                            Oid::hash_object(ObjectType::Blob, target.as_os_str().as_bytes()).ok()
                        }) != Some(t.oid)
                    }
                    Ok(meta) if !meta.is_file() || (meta.mode() & 0o100) != (t.mode & 0o100) => {
                        true
                    }
                    Ok(meta) => {
                        let mtime = (meta.mtime(), meta.mtime_nsec());
                        let same = meta.len() as u32 == t.size
                            && mtime.0 as i32 == t.mtime.0
                            && mtime.1 as u32 == t.mtime.1;
                        let racy = index_mtime.is_none_or(|im| mtime >= im);
                        (!same || racy)
                            && Oid::hash_file(ObjectType::Blob, &full).ok() != Some(t.oid)
                    }
                };
                if changed {
                    out.push(t.path.clone());
                }
                full.clear();
                full.push(root);
            }
            out
        };
        if tracked.len() < 2000 {
            return check(tracked);
        }
        let (a, b) = tracked.split_at(tracked.len() / 2);
        std::thread::scope(|s| {
            let other = s.spawn(|| check(b));
            let mut out = check(a);
            out.extend(other.join().unwrap_or_default());
            out
        })
    }

    /// Entries under `cases/` that the index does not know (new files, symlinks, stray
    /// directories), and the modification time of every directory walked. A directory whose
    /// time is what it was after this tool's last write (recorded in `.git/dispute-dirs`)
    /// holds the same entries, so it is not read again; anything added, removed or renamed
    /// in it would have changed its time. Temporary files of a writer killed before its
    /// rename are removed.
    fn untracked(&self, tracked: &[Tracked]) -> (Vec<String>, DirStamps) {
        let before = load_dir_stamps(&self.repo.path().join(DIRS_FILE));
        let mut children: HashMap<&str, Vec<&str>> = HashMap::new();
        for dir in before.keys() {
            if let Some((parent, _)) = dir.rsplit_once('/') {
                children.entry(parent).or_default().push(dir);
            }
        }
        let mut now = DirStamps::new();
        let mut found: Vec<String> = vec![];
        let mut stack = vec![CASES_DIR.to_string()];
        while let Some(rel) = stack.pop() {
            let Ok(meta) = fs::symlink_metadata(self.root.join(&rel)) else {
                continue;
            };
            if !meta.is_dir() {
                found.push(rel);
                continue;
            }
            let stamp = dir_stamp(&meta);
            if before.get(&rel) == Some(&stamp) {
                stack.extend(
                    children
                        .get(rel.as_str())
                        .into_iter()
                        .flatten()
                        .map(|c| c.to_string()),
                );
                now.insert(rel, stamp);
                continue;
            }
            let Ok(entries) = fs::read_dir(self.root.join(&rel)) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name.starts_with('.') && name.contains(".tmp-") {
                    let _ = fs::remove_file(entry.path());
                    continue;
                }
                let path = format!("{rel}/{name}");
                match entry.file_type() {
                    Ok(t) if t.is_dir() => stack.push(path),
                    _ => found.push(path),
                }
            }
            // After any removal above: the time that describes what is there now.
            if let Ok(meta) = fs::symlink_metadata(self.root.join(&rel)) {
                now.insert(rel, dir_stamp(&meta));
            }
        }
        found.sort_unstable();
        let mut out = vec![];
        let mut known = tracked.iter().map(|t| t.path.as_str()).peekable();
        for path in found {
            while known.next_if(|k| *k < path.as_str()).is_some() {}
            if known.peek() != Some(&path.as_str()) {
                out.push(path);
            }
        }
        (out, now)
    }

    /// Whether the index is exactly the one this tool wrote after committing HEAD.
    fn index_is_ours(&self) -> Result<bool> {
        let Ok(stamp) = fs::read_to_string(self.repo.path().join(STATE_FILE)) else {
            return Ok(false);
        };
        Ok(Some(stamp) == self.index_stamp()?)
    }

    /// HEAD and the index file's identity (size, modification time, inode).
    fn index_stamp(&self) -> Result<Option<String>> {
        use std::os::unix::fs::MetadataExt;
        let Some(head) = self.head_oid()? else {
            return Ok(None);
        };
        let Ok(meta) = fs::metadata(self.repo.path().join("index")) else {
            return Ok(None);
        };
        Ok(Some(format!(
            "{head} {} {}.{} {}",
            meta.len(),
            meta.mtime(),
            meta.mtime_nsec(),
            meta.ino()
        )))
    }
}

/// An index entry under `cases/` or `casebook.toml`.
struct Tracked {
    path: String,
    oid: Oid,
    mode: u32,
    mtime: (i32, u32),
    size: u32,
}

const GITATTRIBUTES: &str =
    "# dispute casebook: case files are text with LF line endings\n*.toml text eol=lf\n";

/// The first line of the summary cache. Bump the number when `CaseSummary` or the
/// obligations it holds change meaning; a new release of the tool starts a new cache too.
fn summary_version() -> String {
    format!("dispute-summaries 2 {}", env!("CARGO_PKG_VERSION"))
}

/// Summaries by blob, with the path the blob was read at: the same content at another path
/// is a miss, so a file copied to the wrong place is still parsed, and named.
type SummaryCache = HashMap<Oid, (String, CaseSummary)>;

fn load_summaries(path: &Path) -> SummaryCache {
    let Ok(text) = fs::read_to_string(path) else {
        return HashMap::new();
    };
    let Some((first, body)) = text.split_once('\n') else {
        return HashMap::new();
    };
    if first != summary_version() {
        return HashMap::new();
    }
    let parse = |part: &str| -> Vec<(Oid, (String, CaseSummary))> {
        part.lines()
            .filter_map(|line| {
                let mut fields = line.splitn(3, '\t');
                let (oid, file, json) = (fields.next()?, fields.next()?, fields.next()?);
                Some((
                    Oid::from_str(oid).ok()?,
                    (file.to_string(), serde_json::from_str(json).ok()?),
                ))
            })
            .collect()
    };
    // Two halves on two threads, split at a line boundary.
    let half = body.len() / 2;
    let middle = body.as_bytes()[half..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| half + i + 1)
        .unwrap_or(body.len());
    let (a, b) = body.split_at(middle);
    let (mut left, right) = std::thread::scope(|s| {
        let other = s.spawn(|| parse(b));
        (parse(a), other.join().unwrap_or_default())
    });
    left.extend(right);
    left.into_iter().collect()
}

fn save_summaries(path: &Path, cache: &SummaryCache) -> Result<()> {
    let mut text = String::with_capacity(cache.len() * 400);
    text.push_str(&summary_version());
    text.push('\n');
    for (oid, (file, summary)) in cache {
        let json = serde_json::to_string(summary).map_err(|e| Error::Internal(e.to_string()))?;
        text.push_str(&format!("{oid}\t{file}\t{json}\n"));
    }
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    fs::write(&tmp, text)?;
    fs::rename(&tmp, path)?;
    Ok(())
}

fn parse_case_bytes(bytes: &[u8], path: &str) -> Result<Case> {
    let text = std::str::from_utf8(bytes).map_err(|_| Error::CaseFileInvalid {
        path: path.to_string(),
        reason: "不是 UTF-8 文本".into(),
    })?;
    Case::from_toml(text, path)
}

fn collect_blobs(tree: &Tree, prefix: &str, out: &mut Vec<(String, Oid)>) -> Result<()> {
    tree.walk(TreeWalkMode::PreOrder, |dir, e| {
        if e.kind() == Some(ObjectType::Blob)
            && let Ok(name) = e.name()
            && name.ends_with(".toml")
        {
            out.push((format!("{prefix}{dir}{name}"), e.id()));
        }
        git2::TreeWalkResult::Ok
    })
    .git()?;
    out.sort();
    Ok(())
}

pub fn oid_short(oid: Oid) -> String {
    oid.to_string()[..10].to_string()
}

/// A write in progress: the lock is held until it is dropped.
pub struct Writer<'a> {
    store: &'a Store,
    _lock: WriterLock,
    /// Things the user should know (a stale lock cleared, an interrupted write finished).
    pub notices: Vec<String>,
    /// Directory times of the clean tree found by `begin`, brought up to date by `commit`.
    dirs: std::cell::RefCell<DirStamps>,
}

impl Writer<'_> {
    /// Commit `files` (path, content) as one commit authored by `author`, then bring the
    /// working tree in line. Returns the new commit id.
    pub fn commit(
        &self,
        files: &[(String, String)],
        message: &Message,
        author: &Operator,
    ) -> Result<Oid> {
        let store = self.store;
        let repo = &store.repo;
        let parent = store.head_oid()?;
        let sig = Signature::now(&author.name, &author.email).git()?;
        let text = message.render();
        // Many files (an import): one pack rather than thousands of loose objects, each of
        // which costs an inode.
        let Written { commit, blobs, .. } = if files.len() >= BULK {
            write_objects_packed(repo, parent, files, &sig, &text)?
        } else {
            write_objects(repo, parent, files, &sig, &text)?
        };

        // Journal first, so a death after the branch moves is finished by the next command.
        let journal = repo.path().join(JOURNAL_FILE);
        {
            let mut f = File::create(&journal)?;
            writeln!(f, "{commit}")?;
            for (path, _) in files {
                writeln!(f, "{path}")?;
            }
            f.sync_all()?;
        }
        faults::point("before-ref-update");
        let moved = self.update_branch(commit, parent, &message.subject);
        if let Err(e) = moved {
            let _ = fs::remove_file(&journal);
            return Err(e);
        }
        faults::point("after-ref-update");
        let mut index = repo.index().git()?;
        for ((path, content), blob) in files.iter().zip(blobs) {
            let meta = store.write_worktree_file(path, content.as_bytes())?;
            faults::point("after-worktree-file");
            index.add(&index_entry(path, blob, &meta)).git()?;
        }
        index.set_version(4).git()?;
        index.write().git()?;
        self.record_dirs(files)?;
        if let Some(stamp) = store.index_stamp()? {
            fs::write(repo.path().join(STATE_FILE), stamp)?;
        }
        faults::point("after-index");
        fs::remove_file(&journal)?;
        pack_now_and_then(repo.path());
        Ok(commit)
    }

    /// Record the times of the directories this commit wrote into, with those `begin` found
    /// clean, for the next hand-edit check.
    fn record_dirs(&self, files: &[(String, String)]) -> Result<()> {
        let mut dirs = self.dirs.borrow_mut();
        let mut touched: Vec<&str> = vec![];
        for (path, _) in files {
            let mut p = path.as_str();
            while let Some((parent, _)) = p.rsplit_once('/') {
                touched.push(parent);
                p = parent;
            }
        }
        touched.sort_unstable();
        touched.dedup();
        for dir in touched
            .into_iter()
            .filter(|d| *d == CASES_DIR || d.starts_with("cases/"))
        {
            if let Ok(meta) = fs::symlink_metadata(self.store.root.join(dir)) {
                dirs.insert(dir.to_string(), dir_stamp(&meta));
            }
        }
        save_dir_stamps(&self.store.repo.path().join(DIRS_FILE), &dirs)
    }

    fn update_branch(&self, new: Oid, old: Option<Oid>, subject: &str) -> Result<()> {
        let repo = &self.store.repo;
        let head = repo.find_reference("HEAD").git()?;
        let Some(branch) = head.symbolic_target().git()? else {
            return Err(Error::Internal(
                "HEAD 不指向分支（分离状态），请先 git switch main".into(),
            ));
        };
        let log = format!("dispute: {subject}");
        let result = match old {
            Some(old) => repo
                .reference_matching(branch, new, true, old, &log)
                .map(|_| ()),
            None => repo.reference(branch, new, false, &log).map(|_| ()),
        };
        result.map_err(|e| match e.code() {
            ErrorCode::Modified | ErrorCode::Exists | ErrorCode::Locked => Error::HeadMoved,
            _ => Error::Git(e.message().to_string()),
        })
    }
}

/// Modification times of directories under `cases/` (seconds, nanoseconds).
type DirStamps = std::collections::BTreeMap<String, (i64, i64)>;

fn dir_stamp(meta: &fs::Metadata) -> (i64, i64) {
    use std::os::unix::fs::MetadataExt;
    (meta.mtime(), meta.mtime_nsec())
}

fn load_dir_stamps(path: &Path) -> DirStamps {
    let mut map = DirStamps::new();
    let Ok(text) = fs::read_to_string(path) else {
        return map;
    };
    for line in text.lines() {
        let mut parts = line.splitn(3, ' ');
        if let (Some(s), Some(ns), Some(dir)) = (parts.next(), parts.next(), parts.next())
            && let (Ok(s), Ok(ns)) = (s.parse(), ns.parse())
        {
            map.insert(dir.to_string(), (s, ns));
        }
    }
    map
}

fn save_dir_stamps(path: &Path, dirs: &DirStamps) -> Result<()> {
    let mut text = String::with_capacity(dirs.len() * 40);
    for (dir, (s, ns)) in dirs {
        text.push_str(&format!("{s} {ns} {dir}\n"));
    }
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    fs::write(&tmp, text)?;
    fs::rename(&tmp, path)?;
    Ok(())
}

/// From this many files on, a commit's objects go into one pack.
const BULK: usize = 64;

/// The objects one commit wrote.
struct Written {
    commit: Oid,
    /// Each file's blob, in the order of the files.
    blobs: Vec<Oid>,
    trees: Vec<Oid>,
}

/// Write the blobs of `files`, the trees on their paths and the commit.
fn write_objects(
    repo: &Repository,
    parent: Option<Oid>,
    files: &[(String, String)],
    sig: &Signature,
    message: &str,
) -> Result<Written> {
    let parent_commit = parent.map(|p| repo.find_commit(p)).transpose().git()?;
    let base = parent_commit.as_ref().map(|c| c.tree()).transpose().git()?;
    let mut blobs = Vec::with_capacity(files.len());
    let mut changes: Vec<(Vec<&str>, Oid)> = Vec::with_capacity(files.len());
    for (path, content) in files {
        let blob = repo.blob(content.as_bytes()).git()?;
        blobs.push(blob);
        changes.push((path.split('/').collect(), blob));
    }
    changes.sort();
    let mut trees = vec![];
    let tree_oid = write_tree(repo, base.as_ref(), &changes, &mut trees)?;
    let tree = repo.find_tree(tree_oid).git()?;
    let parents: Vec<&git2::Commit> = parent_commit.iter().collect();
    let commit = repo
        .commit(None, sig, sig, message, &tree, &parents)
        .git()?;
    Ok(Written {
        commit,
        blobs,
        trees,
    })
}

/// Write a commit's objects into the repository as one pack: built in memory, delta-compressed
/// on two threads, then indexed into `.git/objects/pack`.
fn write_objects_packed(
    repo: &Repository,
    parent: Option<Oid>,
    files: &[(String, String)],
    sig: &Signature,
    message: &str,
) -> Result<Written> {
    let bulk = Repository::open(repo.path()).git()?;
    let odb = bulk.odb().git()?;
    let mempack = odb.add_new_mempack_backend(1000).git()?;
    let written = write_objects(&bulk, parent, files, sig, message)?;
    let mut builder = bulk.packbuilder().git()?;
    builder.set_threads(2);
    let mut seen = std::collections::HashSet::new();
    let all = std::iter::once(written.commit)
        .chain(written.trees.iter().copied())
        .chain(written.blobs.iter().copied());
    for oid in all {
        if seen.insert(oid) {
            builder.insert_object(oid, None).git()?;
        }
    }
    let mut pack = git2::Buf::new();
    builder.write_buf(&mut pack).git()?;
    let disk = repo.odb().git()?;
    let mut writer = disk.packwriter().git()?;
    writer.write_all(&pack)?;
    writer.commit().git()?;
    mempack.reset().git()?;
    disk.refresh().git()?;
    Ok(written)
}

/// The index entry of a file just written, from its stat data: no re-reading or re-hashing.
fn index_entry(path: &str, blob: Oid, meta: &fs::Metadata) -> git2::IndexEntry {
    use std::os::unix::fs::MetadataExt;
    git2::IndexEntry {
        ctime: git2::IndexTime::new(meta.ctime() as i32, meta.ctime_nsec() as u32),
        mtime: git2::IndexTime::new(meta.mtime() as i32, meta.mtime_nsec() as u32),
        dev: meta.dev() as u32,
        ino: meta.ino() as u32,
        mode: 0o100644,
        uid: meta.uid(),
        gid: meta.gid(),
        file_size: meta.len() as u32,
        id: blob,
        flags: path.len().min(0xfff) as u16,
        flags_extended: 0,
        path: path.as_bytes().to_vec(),
    }
}

/// libgit2 never packs objects, so a casebook written only by this tool would collect loose
/// objects without end. Like git's own commands, look at one fan-out directory and, when
/// it suggests more than git's `gc.auto` threshold (6,700 loose objects), start
/// `git gc --auto` in the background. Without git on PATH nothing happens.
fn pack_now_and_then(git_dir: &Path) {
    let loose = fs::read_dir(git_dir.join("objects/17"))
        .map(|d| d.count())
        .unwrap_or(0);
    if loose > 6700 / 256 {
        let _ = std::process::Command::new("git")
            .args(["gc", "--auto", "--quiet"])
            .current_dir(git_dir)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
    }
}

/// Rebuild only the trees on the changed paths, starting from `base`. `changes` must be
/// sorted by path, so the changes below one directory are one contiguous run.
fn write_tree(
    repo: &Repository,
    base: Option<&Tree>,
    changes: &[(Vec<&str>, Oid)],
    written: &mut Vec<Oid>,
) -> Result<Oid> {
    let mut builder = repo.treebuilder(base).git()?;
    let mut rest = changes;
    while let Some((first, _)) = rest.first() {
        let head = first[0];
        let run = rest.iter().take_while(|(p, _)| p[0] == head).count();
        let (here, after) = rest.split_at(run);
        rest = after;
        if let Some((_, blob)) = here.iter().find(|(p, _)| p.len() == 1) {
            builder.insert(head, *blob, FileMode::Blob.into()).git()?;
            continue;
        }
        let sub_base = match base.and_then(|t| t.get_name(head)) {
            Some(e) if e.kind() == Some(ObjectType::Tree) => Some(repo.find_tree(e.id()).git()?),
            _ => None,
        };
        let below: Vec<(Vec<&str>, Oid)> =
            here.iter().map(|(p, o)| (p[1..].to_vec(), *o)).collect();
        let sub = write_tree(repo, sub_base.as_ref(), &below, written)?;
        builder.insert(head, sub, FileMode::Tree.into()).git()?;
    }
    let tree = builder.write().git()?;
    written.push(tree);
    Ok(tree)
}

/// The writer lock: an OS file lock on `.git/dispute.lock`, which the kernel releases when
/// the holder dies. The holder writes its PID into the file and clears it on release, so a
/// PID found on acquiring names a holder that died.
struct WriterLock {
    file: File,
    stale_pid: Option<String>,
}

impl WriterLock {
    fn acquire(path: &Path) -> Result<WriterLock> {
        let wait_ms: u64 = std::env::var("DISPUTE_LOCK_WAIT_MS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(3000);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) => {
                    if start.elapsed() >= Duration::from_millis(wait_ms) {
                        return Err(Error::Locked(wait_ms));
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(fs::TryLockError::Error(e)) => return Err(e.into()),
            }
        }
        let mut previous = String::new();
        file.read_to_string(&mut previous)?;
        let stale_pid = Some(previous.trim().to_string()).filter(|s| !s.is_empty());
        file.set_len(0)?;
        file.rewind()?;
        write!(file, "{}", std::process::id())?;
        Ok(WriterLock { file, stale_pid })
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dispute_core::case::Status;

    fn summary(i: usize) -> CaseSummary {
        CaseSummary {
            id: format!("TAX-2026-{:04}", i + 1),
            status: Status::Registered,
            track: None,
            category: None,
            payer: format!("芮城县第{i}号缴费单位{}", "王".repeat(i % 7)),
            district: "古魏镇".into(),
            receiving_dept: "tax".into(),
            received_at: dispute_core::calendar::parse_time("2026-11-20 09:30").unwrap(),
            assigned: vec![],
            obligations: vec![],
        }
    }

    #[test]
    fn summary_cache_round_trips_whatever_its_size() {
        // The loader splits the file in two at a line boundary, whatever bytes sit at the
        // middle (multi-byte Chinese text included).
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        for n in [0, 1, 2, 3, 7, 50, 333] {
            let cache: SummaryCache = (0..n)
                .map(|i| {
                    let oid =
                        Oid::hash_object(ObjectType::Blob, format!("{i}").as_bytes()).unwrap();
                    (oid, (format!("cases/x/{i}.toml"), summary(i)))
                })
                .collect();
            save_summaries(&path, &cache).unwrap();
            assert_eq!(load_summaries(&path), cache, "{n} entries");
        }
    }
}
