//! A write: lock, check, blobs and only the trees on the changed paths, the commit, one
//! guarded branch update (it fails if the branch moved), then the working tree and index.

use std::collections::HashSet;

use crate::loose::TreeEntry;
use crate::prelude::*;

impl Store {
    /// Take the writer lock, finish an interrupted write, and refuse on hand edits. The
    /// notices say what was recovered; the caller must show them.
    pub fn begin(&self) -> Result<(Writer<'_>, Notices)> {
        let lock = WriterLock::acquire(&self.repo.path().join(LOCK_FILE))?;
        crate::timings::mark("writer lock");
        let mut notices = vec![];
        if let Some(stale) = &lock.stale_pid {
            notices.push(dispute_i18n::t!("store-stale-lock", pid = stale.as_str()));
        }
        self.recover(&mut notices)?;
        crate::timings::mark("journal recovery");
        let check = self.start_check()?;
        crate::timings::mark("hand-edit check");
        let writer = Writer {
            store: self,
            _lock: lock,
            check,
            files: vec![],
            paths: HashSet::new(),
        };
        Ok((writer, Notices(notices)))
    }
}

/// A case's file path and the exact text to commit: serialised, parsed back and checked
/// against the case schema.
fn checked_case_text(case: &Case) -> Result<(String, String)> {
    let path = CaseId::parse(&case.id)?.path();
    let text = case.to_toml();
    let back = Case::from_toml(&text, &path)?;
    dispute_core::schema::check_case(&back, &path)?;
    Ok((path, text))
}

/// Who signs a commit: an operator's private key, wherever it lives (a file, an ssh-agent).
pub trait Signer {
    /// The armored SSH signature (namespace `git`) over a commit's content.
    fn sign(&self, payload: &[u8]) -> Result<String>;
}

/// What the user should know about a write (a stale lock cleared, an interrupted write
/// finished). Not to be dropped unread.
#[must_use = "notices tell the user what the store recovered: show them"]
#[derive(Debug, Default)]
pub struct Notices(pub Vec<String>);

/// A write in progress: the lock is held until it is dropped or committed. Files are put
/// as typed values, serialised and checked here; `commit` consumes the writer, so one
/// write is at most one commit.
pub struct Writer<'a> {
    pub(crate) store: &'a Store,
    _lock: WriterLock,
    /// The hand-edit check: `casebook.toml` when the write began, each file when put.
    check: HandEditCheck,
    /// (path, content) of the commit to be, in the order put.
    files: Vec<(String, String)>,
    /// The paths of `files`.
    paths: HashSet<String>,
}

impl Writer<'_> {
    /// Add a case file: serialised here, and the exact text that will be committed is
    /// parsed back and checked against the case schema.
    pub fn put_case(&mut self, case: &Case) -> Result<()> {
        let (path, text) = checked_case_text(case)?;
        crate::timings::mark("case serialised, parsed back and checked");
        self.put(path, text)
    }

    /// Add many case files (an import), each checked as [`Writer::put_case`] does; the
    /// serialising and checking is spread over the machine's cores.
    pub fn put_cases(&mut self, cases: &[Case]) -> Result<()> {
        let texts = dispute_core::cores::map_runs(cases, 2, |part| {
            part.iter().map(checked_case_text).collect()
        })?;
        for (path, text) in texts {
            self.put(path, text)?;
        }
        crate::timings::mark("case files serialised, parsed back and checked");
        Ok(())
    }

    /// Put `casebook.toml`: serialised here, and the exact text parsed back (which checks
    /// it against the casebook schema and its own rules).
    pub fn put_casebook(&mut self, book: &Casebook) -> Result<()> {
        let text = book.to_toml();
        Casebook::parse(&text)?;
        self.put(CASEBOOK_FILE.to_string(), text)
    }

    /// Files not described by a schema (the repository's attributes, placeholders). A file
    /// with uncommitted changes in the working tree or the index is refused.
    pub(crate) fn put(&mut self, path: String, text: String) -> Result<()> {
        self.store.check_path(&mut self.check, &path)?;
        if !self.paths.insert(path.clone()) {
            self.files.retain(|(p, _)| *p != path);
        }
        self.files.push((path, text));
        Ok(())
    }

    /// How many files are put so far.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Commit the files put as one commit authored and committed by `author` and signed by
    /// `signer` (git's SSH signature in the `gpgsig` header), then bring the working tree
    /// in line. Returns the new commit id. The writer (and its lock) is consumed. Unsigned
    /// commits (`None`) are only for casebooks that do not require signing yet.
    pub fn commit(
        self,
        message: &Message,
        author: &Operator,
        signer: Option<&dyn Signer>,
    ) -> Result<Oid> {
        let files = &self.files[..];
        let store = self.store;
        let repo = &store.repo;
        let parent = store.head_oid()?;
        let sig = signature_now(&author.name, &author.email)?;
        let text = message.render();
        let write = if files.len() >= BULK {
            write_objects_packed
        } else {
            write_objects
        };
        let Written { commit, blobs, .. } =
            write(repo, parent, files, (&sig, &sig), &text, signer)?;
        crate::timings::mark("blobs, trees, commit");

        store.precheck_worktree(files)?;
        // Journal first, so a death after the branch moves is finished by the next command.
        // Not fsynced: it guards against a process killed part-way, which the page cache
        // survives; after a power loss the objects and the branch (libgit2 does not fsync
        // them either) are in the same state as the journal, and the hand-edit check and
        // `verify` see what is left.
        let journal = repo.path().join(JOURNAL_FILE);
        {
            let mut text = format!("{commit}\n");
            for (path, _) in files {
                text.push_str(path);
                text.push('\n');
            }
            let mut f = File::create(&journal)?;
            f.write_all(text.as_bytes())?;
        }
        faults::point("before-ref-update");
        let moved = self.update_branch(commit, parent, &message.subject);
        if let Err(e) = moved {
            let _ = fs::remove_file(&journal);
            return Err(e);
        }
        faults::point("after-ref-update");
        faults::fail("after-ref-update")?;
        crate::seq::advance(
            repo.path(),
            parent,
            commit,
            files.iter().map(|(p, _)| p.as_str()),
        );
        crate::timings::mark("journal + branch update");
        let written: Vec<(&str, &[u8], Oid)> = files
            .iter()
            .zip(blobs)
            .map(|((path, content), blob)| (path.as_str(), content.as_bytes(), blob))
            .collect();
        store.put_in_worktree(&written, &[], Some(self.check.index))?;
        crate::timings::mark("working tree + index");
        faults::point("after-index");
        fs::remove_file(&journal)?;
        pack_now_and_then(repo.path());
        crate::timings::mark("journal removed");
        Ok(commit)
    }

    pub(crate) fn update_branch(&self, new: Oid, old: Option<Oid>, subject: &str) -> Result<()> {
        let repo = &self.store.repo;
        let head = repo.find_reference("HEAD").git()?;
        let Some(branch) = head.symbolic_target().git()? else {
            return Err(Error::Internal(t!("store-detached-head")));
        };
        let log = format!("dispute: {subject}");
        let update = || match old {
            Some(old) => repo
                .reference_matching(branch, new, true, old, &log)
                .map(|_| ()),
            None => repo.reference(branch, new, false, &log).map(|_| ()),
        };
        // A ref held locked by someone else, typically the background `git gc --auto` a
        // write starts now and then (it packs the refs), is waited for a moment: only a
        // branch that really moved is refused.
        let mut result = update();
        let patience = Instant::now();
        while result
            .as_ref()
            .is_err_and(|e| e.code() == ErrorCode::Locked)
            && patience.elapsed() < Duration::from_secs(5)
        {
            std::thread::sleep(Duration::from_millis(20));
            result = update();
        }
        result.map_err(|e| match e.code() {
            ErrorCode::Modified | ErrorCode::Exists | ErrorCode::Locked => Error::HeadMoved,
            _ => Error::Git(e.message().to_string()),
        })
    }
}

/// `name` and `email` at this moment, for a commit's author and committer. The time comes
/// from the precise clock, the one the action's `At` was read from: libgit2's
/// `Signature::now` reads the coarse clock (`time()`), which can still show the previous
/// second for a few milliseconds after `At` showed the next, and the commit would then
/// record an action from its own future (refused when `sync` replays it).
pub(crate) fn signature_now(name: &str, email: &str) -> Result<Signature<'static>> {
    let now = chrono::Local::now();
    let offset = now.offset().local_minus_utc() / 60;
    Signature::new(name, email, &git2::Time::new(now.timestamp(), offset)).git()
}

/// From this many files on, a commit's blobs go into one pack.
pub(crate) const BULK: usize = 64;

/// The objects one commit wrote.
pub(crate) struct Written {
    pub(crate) commit: Oid,
    /// Each file's blob, in the order of the files.
    pub(crate) blobs: Vec<Oid>,
    pub(crate) root: Oid,
}

/// Write the blobs of `files` (loose), the trees on their paths and the commit, authored
/// and committed by `people` (author, committer).
pub(crate) fn write_objects(
    repo: &Repository,
    parent: Option<Oid>,
    files: &[(String, String)],
    people: (&Signature, &Signature),
    message: &str,
    signer: Option<&dyn Signer>,
) -> Result<Written> {
    let blobs = files
        .iter()
        .map(|(_, content)| crate::loose::write(repo.path(), ObjectType::Blob, content.as_bytes()))
        .collect::<Result<Vec<Oid>>>()?;
    write_commit(repo, parent, files, blobs, people, message, signer)
}

/// As [`write_objects`], with the blobs in one new pack rather than thousands of loose
/// objects, each of which would cost an inode ([`crate::pack`]).
pub(crate) fn write_objects_packed(
    repo: &Repository,
    parent: Option<Oid>,
    files: &[(String, String)],
    people: (&Signature, &Signature),
    message: &str,
    signer: Option<&dyn Signer>,
) -> Result<Written> {
    let contents: Vec<&[u8]> = files.iter().map(|(_, c)| c.as_bytes()).collect();
    let blobs = crate::pack::write_blobs(repo, &contents)?;
    crate::timings::mark("blobs packed");
    write_commit(repo, parent, files, blobs, people, message, signer)
}

/// The trees on the paths of `files` (whose blobs are written) and the commit.
fn write_commit(
    repo: &Repository,
    parent: Option<Oid>,
    files: &[(String, String)],
    blobs: Vec<Oid>,
    people: (&Signature, &Signature),
    message: &str,
    signer: Option<&dyn Signer>,
) -> Result<Written> {
    let (author, committer) = people;
    let parent_commit = parent.map(|p| repo.find_commit(p)).transpose().git()?;
    let base = parent_commit.as_ref().map(|c| c.tree()).transpose().git()?;
    let mut changes: Vec<(Vec<&str>, Oid)> = files
        .iter()
        .zip(&blobs)
        .map(|((path, _), blob)| (path.split('/').collect(), *blob))
        .collect();
    changes.sort();
    let tree_oid = write_tree(repo, base.as_ref(), &changes)?;
    let tree = repo.find_tree(tree_oid).git()?;
    let parents: Vec<&git2::Commit> = parent_commit.iter().collect();
    let buffer = repo
        .commit_create_buffer(author, committer, message, &tree, &parents)
        .git()?;
    let content = std::str::from_utf8(&buffer)
        .map_err(|_| Error::Internal("commit buffer is not UTF-8".into()))?;
    let commit = match signer {
        None => crate::loose::write(repo.path(), ObjectType::Commit, content.as_bytes())?,
        Some(signer) => {
            let signature = signer.sign(content.as_bytes())?;
            let body = crate::loose::signed_commit_body(content, SIGNATURE_HEADER, &signature)?;
            crate::loose::write(repo.path(), ObjectType::Commit, body.as_bytes())?
        }
    };
    Ok(Written {
        commit,
        blobs,
        root: tree_oid,
    })
}

/// The index entry of a file just written, from its stat data: no re-reading or re-hashing.
pub(crate) fn index_entry(path: &str, blob: Oid, meta: &fs::Metadata) -> git2::IndexEntry {
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
pub(crate) fn pack_now_and_then(git_dir: &Path) {
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
fn write_tree(repo: &Repository, base: Option<&Tree>, changes: &[(Vec<&str>, Oid)]) -> Result<Oid> {
    let mut entries = vec![];
    let mut rest = changes;
    while let Some((first, _)) = rest.first() {
        let head = first[0];
        let run = rest.iter().take_while(|(p, _)| p[0] == head).count();
        let (here, after) = rest.split_at(run);
        rest = after;
        let name = head.as_bytes().to_vec();
        if let Some((_, blob)) = here.iter().find(|(p, _)| p.len() == 1) {
            entries.push(TreeEntry {
                name,
                mode: FileMode::Blob.into(),
                id: *blob,
            });
            continue;
        }
        let sub_base = match base.and_then(|t| t.get_name(head)) {
            Some(e) if e.kind() == Some(ObjectType::Tree) => Some(repo.find_tree(e.id()).git()?),
            _ => None,
        };
        let below: Vec<(Vec<&str>, Oid)> =
            here.iter().map(|(p, o)| (p[1..].to_vec(), *o)).collect();
        entries.push(TreeEntry {
            name,
            mode: FileMode::Tree.into(),
            id: write_tree(repo, sub_base.as_ref(), &below)?,
        });
    }
    crate::loose::write(
        repo.path(),
        ObjectType::Tree,
        &crate::loose::tree_body(base, entries),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// For more than a second (so across a change of second), a signature made after the
    /// precise clock was read is never earlier than that reading, as a commit is never
    /// earlier than its action's `At`. With libgit2's `Signature::now` it was, for a few
    /// milliseconds after each second began.
    #[test]
    fn a_signature_is_never_earlier_than_the_clock_read_before_it() {
        let start = Instant::now();
        while start.elapsed() < Duration::from_millis(1200) {
            let before = chrono::Utc::now().timestamp();
            let sig = signature_now("甲", "a@example.org").unwrap();
            assert!(
                sig.when().seconds() >= before,
                "{} < {before}",
                sig.when().seconds()
            );
        }
    }
}
