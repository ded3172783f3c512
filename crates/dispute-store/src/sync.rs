//! Sync with the central casebook (DESIGN §10): fetch, find the local actions not yet
//! there, replay them on top of the central head, push with a guarded update, and bring
//! the local branch, working tree and index along.
//!
//! The central casebook is the `origin` remote of a clone, its branch the clone's own
//! (`main`); `refs/remotes/origin/main` is what this clone last saw of it. Transports:
//! libgit2 (this build has neither TLS nor SSH) fetches over `file://`, local paths and
//! `git://`, and pushes over `git://`, where the server's `receive-pack` runs the hook. A
//! push to a local or `file://` remote goes through the `git` program, because libgit2's
//! local push writes the ref itself, without the central casebook's `pre-receive` hook and
//! without a guard; `ssh://`, `https://` and `user@host:path` go through `git` too, which
//! brings the user's ssh configuration and credential helpers.
//!
//! A push is guarded: it names the central head the replay was built on (the negotiation
//! callback, or `--force-with-lease`), and the server updates the branch only if it still
//! points there. If another office pushed first, sync fetches and replays again.
//!
//! Crash safety: before pushing, `.git/dispute/sync-pending` records the local head the
//! replay started from, the head pushed and the cases renumbered. If the process dies
//! after the push landed, the next sync sees the pushed head on the central casebook and
//! does not replay those actions twice; if it died before, the record is dropped. Moving
//! the local branch uses the store's journal like any commit.

use std::collections::{BTreeMap, HashSet};

use dispute_core::audit::Auditor;
use dispute_core::case::Action;
use dispute_core::identity::current_key;
use dispute_core::protocol::{ActionCode, BookAction, Trailer};
use dispute_core::sync::{self as replay, SyncError};

use crate::history::{commit_record, tree_changes};
use crate::prelude::*;
use crate::write::{Signer, Writer, Written, write_objects};

/// The remote every clone syncs with.
pub const REMOTE: &str = "origin";

/// How many times sync fetches and replays again when others pushed first.
const ATTEMPTS: u32 = 5;

/// Where sync keeps its own files inside `.git`.
const SYNC_DIR: &str = "dispute";
const PENDING_FILE: &str = "dispute/sync-pending";
const REJECTED_DIR: &str = "dispute/rejected";
const RENUMBERED_FILE: &str = "dispute/renumbered";
const FETCHED_FILE: &str = "dispute/last-fetch";
/// The head being pushed (so its objects are referenced while the push is under way).
const SYNC_REF: &str = "refs/dispute/sync";

/// The central casebook of a clone.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Remote {
    pub name: String,
    pub url: String,
    /// The branch, the same name on both sides (`main`).
    pub branch: String,
}

impl Remote {
    fn tracking_ref(&self) -> String {
        format!("refs/remotes/{}/{}", self.name, self.branch)
    }

    fn branch_ref(&self) -> String {
        format!("refs/heads/{}", self.branch)
    }
}

/// Private keys at hand, by public key.
pub trait Keyring {
    /// Look for the private halves of these public keys (`ssh-ed25519 AAAA…`); called once
    /// before any replay.
    fn load(&mut self, wanted: &[String]) -> Result<()>;
    /// The signer of one public key, if its private half was found.
    fn signer(&self, key: &str) -> Option<&dyn Signer>;
    /// The private half of this public key as able to decrypt department keys (a key file,
    /// not an ssh-agent), if found.
    fn opener(&self, key: &str) -> Option<dispute_core::seal::Opener>;
}

/// A local action sync could not replay on the central casebook: kept in
/// `.git/dispute/rejected/<commit>.json` with its inputs and the reason, and the original
/// commit under `refs/dispute/rejected/<commit>`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RejectedAction {
    /// The local commit that recorded it.
    pub commit: String,
    pub subject: String,
    pub action: Option<String>,
    /// The case as this clone numbered it.
    pub case: Option<String>,
    pub operator: Option<String>,
    /// When it happened (`At`).
    pub at: Option<String>,
    pub reason: String,
    /// What the operator entered (the registration's details, the command read back from
    /// the case, the casebook's new operator or settings).
    pub inputs: serde_json::Value,
}

/// What a sync did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct SyncReport {
    /// The common head of this clone and the central casebook now.
    pub head: String,
    /// Local actions now on the central casebook.
    pub pushed: usize,
    /// Actions of others this clone received.
    pub received: usize,
    /// Local cases whose provisional number was taken: (old, new).
    pub renumbered: Vec<(String, String)>,
    pub rejected: Vec<RejectedAction>,
    /// Merge commits of the local history, which record no action and were left out.
    pub merges_skipped: usize,
    /// How many times sync fetched and replayed (more than one: others pushed first).
    pub attempts: u32,
}

/// Where a clone stands against its central casebook, as of the last fetch.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SyncStatus {
    pub remote: Option<Remote>,
    /// Local actions not yet on the central casebook.
    pub waiting: usize,
    /// Actions on the central casebook this clone has not taken yet.
    pub behind: usize,
    /// Seconds since the last fetch.
    pub fetched_secs_ago: Option<u64>,
    pub rejected: usize,
    /// A sync was interrupted; the next one finishes it.
    pub interrupted: bool,
}

/// The record of a sync between its push and the local branch's move.
struct Pending {
    /// The local head the replay started from.
    orig: Oid,
    /// The head pushed.
    pushed: Oid,
    renumbered: Vec<(String, String)>,
}

impl Store {
    /// The central casebook this clone syncs with, if one is set.
    pub fn remote(&self) -> Result<Option<Remote>> {
        let config = self.repo.config().git()?;
        let Ok(url) = config.get_string(&format!("remote.{REMOTE}.url")) else {
            return Ok(None);
        };
        Ok(Some(Remote {
            name: REMOTE.to_string(),
            url,
            branch: self.branch()?,
        }))
    }

    /// The short name of the checked-out branch (`main`).
    pub(crate) fn branch(&self) -> Result<String> {
        let head = self.repo.find_reference("HEAD").git()?;
        let target = head.symbolic_target().git()?.unwrap_or("refs/heads/main");
        Ok(target
            .strip_prefix("refs/heads/")
            .unwrap_or(target)
            .to_string())
    }

    fn ref_oid(&self, name: &str) -> Option<Oid> {
        self.repo.refname_to_id(name).ok()
    }

    fn sync_path(&self, rel: &str) -> PathBuf {
        self.repo.path().join(rel)
    }

    /// Fetch the central casebook's branch into `refs/remotes/origin/<branch>`; its head
    /// (None: the central casebook has no such branch).
    pub fn fetch(&self, remote: &Remote) -> Result<Option<Oid>> {
        let spec = format!("+{}:{}", remote.branch_ref(), remote.tracking_ref());
        let unreachable = |detail: String| {
            Error::Sync(SyncError::Unreachable {
                url: remote.url.clone(),
                detail,
            })
        };
        if native(&remote.url, false) {
            let mut anon = self
                .repo
                .remote_anonymous(&remote.url)
                .map_err(|e| unreachable(e.message().to_string()))?;
            let connected = anon.connect(git2::Direction::Fetch);
            let has_branch = match connected {
                Ok(()) => anon
                    .list()
                    .map(|refs| refs.iter().any(|h| h.name() == remote.branch_ref()))
                    .map_err(|e| unreachable(e.message().to_string()))?,
                Err(e) => return Err(unreachable(e.message().to_string())),
            };
            let _ = anon.disconnect();
            if !has_branch {
                return Ok(None);
            }
            anon.fetch(&[&spec], None, None)
                .map_err(|e| unreachable(e.message().to_string()))?;
        } else {
            let out = git_command(self.repo.path())
                .args(["fetch", "--quiet", "--no-tags", &remote.url, &spec])
                .output()
                .map_err(|_| Error::Sync(SyncError::GitMissing))?;
            if !out.status.success() {
                let detail = String::from_utf8_lossy(&out.stderr).trim().to_string();
                if detail.contains("couldn't find remote ref") {
                    return Ok(None);
                }
                return Err(unreachable(detail));
            }
        }
        fs::create_dir_all(self.sync_path(SYNC_DIR))?;
        fs::write(self.sync_path(FETCHED_FILE), remote.url.as_bytes())?;
        Ok(self.ref_oid(&remote.tracking_ref()))
    }

    /// Clone the central casebook at `url` into `dir` (missing or empty): a working
    /// casebook with `origin` set. What is fetched must be a casebook.
    pub fn clone_from(url: &str, dir: &Path) -> Result<Store> {
        if let Ok(mut entries) = fs::read_dir(dir)
            && entries.next().is_some()
        {
            return Err(Error::Sync(SyncError::TargetExists(dir.to_path_buf())));
        }
        let existed = dir.exists();
        // Fetched without a checkout: the working tree is written below, while the summaries
        // of `list` are built on another thread.
        let cloned = if native(url, false) {
            let mut none = git2::build::CheckoutBuilder::new();
            none.dry_run();
            git2::build::RepoBuilder::new()
                .with_checkout(none)
                .clone(url, dir)
                .map(|_| ())
                .map_err(|e| {
                    Error::Sync(SyncError::Unreachable {
                        url: url.to_string(),
                        detail: e.message().to_string(),
                    })
                })
        } else {
            match std::process::Command::new("git")
                .args(["clone", "--quiet", "--no-checkout", url])
                .arg(dir)
                .stdin(std::process::Stdio::null())
                .output()
            {
                Err(_) => Err(Error::Sync(SyncError::GitMissing)),
                Ok(out) if out.status.success() => Ok(()),
                Ok(out) => Err(Error::Sync(SyncError::Unreachable {
                    url: url.to_string(),
                    detail: String::from_utf8_lossy(&out.stderr).trim().to_string(),
                })),
            }
        };
        let opened = cloned.and_then(|()| {
            let store = Store::open(dir).map_err(|_| {
                Error::Sync(SyncError::NotACasebook {
                    url: url.to_string(),
                })
            })?;
            store.casebook().map_err(|_| {
                Error::Sync(SyncError::NotACasebook {
                    url: url.to_string(),
                })
            })?;
            store.check_out_building_summaries()?;
            Ok(store)
        });
        if opened.is_err() {
            // Leave nothing half-made behind.
            if existed {
                if let Ok(entries) = fs::read_dir(dir) {
                    for e in entries.flatten() {
                        let p = e.path();
                        let _ = if p.is_dir() {
                            fs::remove_dir_all(&p)
                        } else {
                            fs::remove_file(&p)
                        };
                    }
                }
            } else {
                let _ = fs::remove_dir_all(dir);
            }
        }
        let store = opened?;
        fs::create_dir_all(store.sync_path(SYNC_DIR))?;
        fs::write(store.sync_path(FETCHED_FILE), url.as_bytes())?;
        Ok(store)
    }

    /// Write the working tree and index of a clone fetched without them, and meanwhile, on
    /// another thread, the summary cache from the objects fetched: the first `list` of a
    /// large casebook then reads summaries instead of parsing every case file. The cache is
    /// only a cache: if it cannot be built, `list` builds it.
    fn check_out_building_summaries(&self) -> Result<()> {
        std::thread::scope(|s| {
            let root = &self.root;
            let summaries = s.spawn(move || Store::open(root).and_then(|s| s.summaries(None)));
            let mut checkout = git2::build::CheckoutBuilder::new();
            checkout.force();
            let written = self.repo.checkout_head(Some(&mut checkout)).git();
            let _ = summaries.join();
            written
        })
    }

    /// Where this clone stands against its central casebook, from what it last fetched.
    pub fn sync_status(&self) -> Result<SyncStatus> {
        let remote = self.remote()?;
        let head = self.head_oid()?;
        let tracking = remote
            .as_ref()
            .and_then(|r| self.ref_oid(&r.tracking_ref()));
        let count = |from: Option<Oid>, hide: Option<Oid>| -> Result<usize> {
            let Some(from) = from else { return Ok(0) };
            let mut walk = self.repo.revwalk().git()?;
            walk.push(from).git()?;
            if let Some(h) = hide {
                walk.hide(h).git()?;
            }
            Ok(walk.count())
        };
        let (waiting, behind) = match remote {
            Some(_) => (count(head, tracking)?, count(tracking, head)?),
            None => (0, 0),
        };
        let fetched_secs_ago = fs::metadata(self.sync_path(FETCHED_FILE))
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .map(|d| d.as_secs());
        Ok(SyncStatus {
            remote,
            waiting,
            behind,
            fetched_secs_ago,
            rejected: self.rejected()?.len(),
            interrupted: self.sync_path(PENDING_FILE).exists(),
        })
    }

    /// The cases registered in this clone and not yet on the central casebook (as last
    /// fetched): their numbers are provisional. Empty for a casebook without a central one.
    pub fn provisional_ids(&self) -> Result<HashSet<String>> {
        let mut out = HashSet::new();
        let Some(remote) = self.remote()? else {
            return Ok(out);
        };
        let Some(head) = self.head_tree()? else {
            return Ok(out);
        };
        let central = match self.ref_oid(&remote.tracking_ref()) {
            Some(oid) => Some(self.repo.find_commit(oid).git()?.tree().git()?),
            None => None,
        };
        let cases_dir = format!("{CASES_DIR}/");
        for delta in tree_changes(&self.repo, central.as_ref(), Some(&head), &[&cases_dir])? {
            if delta.old.is_none()
                && delta.new.is_some()
                && let Some(name) = Path::new(&delta.path).file_stem()
            {
                out.insert(name.to_string_lossy().into_owned());
            }
        }
        Ok(out)
    }

    /// Every local action kept by a sync as no longer legal on the central casebook,
    /// oldest first.
    pub fn rejected(&self) -> Result<Vec<RejectedAction>> {
        let dir = self.sync_path(REJECTED_DIR);
        let Ok(entries) = fs::read_dir(&dir) else {
            return Ok(vec![]);
        };
        let mut out = vec![];
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "json")
                && let Ok(text) = fs::read_to_string(&path)
                && let Ok(r) = serde_json::from_str::<RejectedAction>(&text)
            {
                let time = entry.metadata().and_then(|m| m.modified()).ok();
                out.push((time, r));
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.at.cmp(&b.1.at)));
        Ok(out.into_iter().map(|(_, r)| r).collect())
    }

    /// The numbers sync changed, old → new, in order.
    pub fn renumbered(&self) -> Vec<(String, String)> {
        fs::read_to_string(self.sync_path(RENUMBERED_FILE))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| {
                let mut parts = l.split('\t');
                Some((parts.next()?.to_string(), parts.next()?.to_string()))
            })
            .collect()
    }

    fn read_pending(&self) -> Option<Pending> {
        let text = fs::read_to_string(self.sync_path(PENDING_FILE)).ok()?;
        let mut orig = None;
        let mut pushed = None;
        let mut renumbered = vec![];
        for line in text.lines() {
            let mut parts = line.split(' ');
            match (parts.next(), parts.next(), parts.next()) {
                (Some("orig"), Some(o), None) => orig = Oid::from_str(o).ok(),
                (Some("pushed"), Some(o), None) => pushed = Oid::from_str(o).ok(),
                (Some("renumber"), Some(a), Some(b)) => {
                    renumbered.push((a.to_string(), b.to_string()))
                }
                _ => {}
            }
        }
        Some(Pending {
            orig: orig?,
            pushed: pushed?,
            renumbered,
        })
    }

    fn write_pending(&self, p: &Pending) -> Result<()> {
        let mut text = format!("orig {}\npushed {}\n", p.orig, p.pushed);
        for (a, b) in &p.renumbered {
            text.push_str(&format!("renumber {a} {b}\n"));
        }
        let path = self.sync_path(PENDING_FILE);
        let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
        {
            let mut f = File::create(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
        }
        fs::rename(&tmp, &path)?;
        Ok(())
    }

    fn clear_pending(&self) -> Result<()> {
        match fs::remove_file(self.sync_path(PENDING_FILE)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
        if let Ok(mut r) = self.repo.find_reference(SYNC_REF) {
            let _ = r.delete();
        }
        Ok(())
    }

    /// An interrupted sync whose push reached the central casebook (`remote_head` holds
    /// it); a record whose push did not land is dropped.
    fn landed(&self, remote_head: Oid) -> Result<Option<Pending>> {
        let Some(p) = self.read_pending() else {
            return Ok(None);
        };
        let landed = p.pushed == remote_head
            || self
                .repo
                .graph_descendant_of(remote_head, p.pushed)
                .unwrap_or(false);
        if landed {
            Ok(Some(p))
        } else {
            self.clear_pending()?;
            Ok(None)
        }
    }

    /// Push `new` to the central casebook's branch, guarded: only if it still points at
    /// `expected`. The error carries the central casebook's words.
    fn push(&self, remote: &Remote, new: Oid, expected: Oid) -> Result<(), String> {
        let dst = remote.branch_ref();
        if native(&remote.url, true) {
            let repo = &self.repo;
            repo.reference(SYNC_REF, new, true, "dispute sync")
                .map_err(|e| e.message().to_string())?;
            let mut anon = repo
                .remote_anonymous(&remote.url)
                .map_err(|e| e.message().to_string())?;
            let said = std::cell::RefCell::new(String::new());
            let refused = std::cell::RefCell::new(None::<String>);
            let mut callbacks = git2::RemoteCallbacks::new();
            callbacks.sideband_progress(|data| {
                said.borrow_mut().push_str(&String::from_utf8_lossy(data));
                true
            });
            callbacks.push_negotiation(|updates| {
                match updates.iter().all(|u| u.src() == expected) {
                    true => Ok(()),
                    false => Err(git2::Error::from_str("stale")),
                }
            });
            callbacks.push_update_reference(|_, status| {
                if let Some(status) = status {
                    *refused.borrow_mut() = Some(status.to_string());
                }
                Ok(())
            });
            let mut opts = git2::PushOptions::new();
            opts.remote_callbacks(callbacks);
            let pushed = anon.push(&[&format!("{SYNC_REF}:{dst}")], Some(&mut opts));
            drop(opts);
            let said = remote_words(&said.into_inner());
            let refused = refused.into_inner();
            match (pushed, refused) {
                (Ok(()), None) => Ok(()),
                (Ok(()), Some(status)) => Err(format!("{said}\n{status}").trim().to_string()),
                (Err(e), _) => Err(format!("{said}\n{}", e.message()).trim().to_string()),
            }
        } else {
            let lease = format!("--force-with-lease={dst}:{expected}");
            let out = git_command(self.repo.path())
                .args(["push", "--quiet", "--no-verify", &lease, &remote.url])
                .arg(format!("{new}:{dst}"))
                .output()
                .map_err(|e| e.to_string())?;
            if out.status.success() {
                Ok(())
            } else {
                Err(remote_words(&String::from_utf8_lossy(&out.stderr)))
            }
        }
    }
}

/// Whether libgit2 can do this: fetch over local paths, `file://` and `git://`; push
/// only over `git://` (see the module's documentation).
fn native(url: &str, push: bool) -> bool {
    if url.starts_with("git://") {
        return true;
    }
    let local = url.starts_with("file://") || (!url.contains("://") && !scp_like(url));
    local && !push
}

/// `user@host:path` or `host:path`, which git reads as ssh.
fn scp_like(url: &str) -> bool {
    match (url.find(':'), url.find('/')) {
        (Some(colon), Some(slash)) => colon < slash,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The `git` program on this repository, with prompts for credentials left to the
/// terminal and hooks of this clone not run.
fn git_command(git_dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new("git");
    cmd.arg("--git-dir").arg(git_dir);
    cmd.stdin(std::process::Stdio::null());
    cmd
}

/// What the central casebook said: its `remote:` lines (the hook's reasons), without
/// git's own progress chatter.
fn remote_words(said: &str) -> String {
    let lines: Vec<&str> = said
        .lines()
        .map(|l| l.trim_end())
        .filter(|l| !l.trim().is_empty())
        .collect();
    let remote: Vec<String> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("remote:"))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    if remote.is_empty() {
        lines.join("\n")
    } else {
        remote.join("\n")
    }
}

/// The central casebook's branch update, checked as the `pre-receive` hook checks it:
/// every commit from `old` (exclusive; None: from the first) to `new` has one parent,
/// changes only case files and `casebook.toml` (the first commit also `.gitattributes`),
/// registers no case number that `old` already holds, and passes `verify`. The problems
/// found, one sentence each; none means the update may go in.
pub(crate) fn check_range(repo: &Repository, old: Option<Oid>, new: Oid) -> Result<Vec<String>> {
    let mut problems = vec![];
    let mut walk = repo.revwalk().git()?;
    walk.push(new).git()?;
    if let Some(old) = old {
        walk.hide(old).git()?;
    }
    walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)
        .git()?;
    let old_tree = match old {
        Some(o) => Some(repo.find_commit(o).git()?.tree().git()?),
        None => None,
    };
    let mut records = vec![];
    for oid in walk {
        let commit = repo.find_commit(oid.git()?).git()?;
        let short = oid_short(commit.id());
        if commit.parent_count() > 1 {
            problems.push(t!("sync-check-merge", commit = short.as_str()));
            continue;
        }
        let parent_tree = match commit.parent_count() {
            0 => None,
            _ => Some(commit.parent(0).git()?.tree().git()?),
        };
        let diff = tree_changes(repo, parent_tree.as_ref(), Some(&commit.tree().git()?), &[])?;
        if diff.is_empty() {
            problems.push(t!("sync-check-empty", commit = short.as_str()));
        }
        for delta in diff {
            let path = delta.path;
            let ours = path == CASEBOOK_FILE
                || path.starts_with("cases/")
                || path.starts_with("policy/")
                || (parent_tree.is_none() && path == ".gitattributes");
            if !ours {
                problems.push(t!(
                    "sync-check-foreign-file",
                    commit = short.as_str(),
                    path = path.as_str()
                ));
            }
        }
        let record = commit_record(repo, &commit)?;
        if let Some(tree) = &old_tree {
            for c in &record.changes {
                if c.old.is_none()
                    && c.new.is_some()
                    && c.path.starts_with("cases/")
                    && tree.get_path(Path::new(&c.path)).is_ok()
                {
                    let id = Path::new(&c.path)
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    problems.push(t!(
                        "sync-check-id-taken",
                        commit = short.as_str(),
                        id = id.as_str()
                    ));
                }
            }
        }
        records.push(record);
    }
    // The case files the history before `old` holds, of those the new commits add.
    let existing: Vec<String> = match &old_tree {
        Some(tree) => records
            .iter()
            .flat_map(|r| r.changes.iter())
            .filter(|c| c.old.is_none() && tree.get_path(Path::new(&c.path)).is_ok())
            .map(|c| c.path.clone())
            .collect(),
        None => vec![],
    };
    let mut auditor = Auditor::with_existing(existing);
    for r in &records {
        auditor.check(r);
    }
    for f in auditor.findings {
        let case = f.case.map(|c| format!(" {c}")).unwrap_or_default();
        problems.push(t!(
            "sync-check-finding",
            commit = f.commit.as_str(),
            case = case,
            rule = f.rule.as_str()
        ));
    }
    Ok(problems)
}

impl Writer<'_> {
    /// Sync with the central casebook: fetch; replay every local action not yet there, in
    /// order, on top of its head, each signed again by its operator's key from `keys`;
    /// push with a guarded update (again, from a fresh fetch, when others pushed first);
    /// then move the local branch, working tree and index to the pushed head. Actions no
    /// longer legal there are kept under `.git/dispute/rejected/`, listed in the report.
    pub fn sync(self, remote: &Remote, keys: &mut dyn Keyring) -> Result<SyncReport> {
        let store = self.store;
        let repo = &store.repo;
        let mut report = SyncReport::default();
        for attempt in 1..=ATTEMPTS {
            report.attempts = attempt;
            let remote_head = store.fetch(remote)?.ok_or_else(|| {
                Error::Sync(SyncError::RemoteEmpty {
                    url: remote.url.clone(),
                })
            })?;
            faults::point("sync-after-fetch");
            let head = store
                .head_oid()?
                .ok_or_else(|| Error::NoCasebook(store.root.clone()))?;
            if repo.merge_base(head, remote_head).is_err() {
                return Err(Error::Sync(SyncError::Unrelated {
                    url: remote.url.clone(),
                }));
            }
            let landed = store.landed(remote_head)?;
            let (local, merges) =
                local_commits(repo, head, remote_head, landed.as_ref().map(|p| p.orig))?;
            report.merges_skipped = merges;
            report.received = count_between(repo, remote_head, head)?;
            let mut renumbered = landed
                .as_ref()
                .map(|p| p.renumbered.clone())
                .unwrap_or_default();

            if local.is_empty() {
                // Nothing of ours to push: take the central head.
                self.advance(head, remote_head, remote)?;
                store.clear_pending()?;
                store.log_renumbered(&renumbered)?;
                report.head = remote_head.to_string();
                report.renumbered = renumbered;
                return Ok(report);
            }

            // Our actions sit on the central head already: push them as they are.
            let as_is = landed.is_none()
                && merges == 0
                && repo.merge_base(head, remote_head).ok() == Some(remote_head)
                && check_range(repo, Some(remote_head), head)?.is_empty();
            let (new_head, rejected, pushed) = if as_is {
                (head, vec![], local.len())
            } else {
                let mut replayer = Replayer::new(store, remote_head, &local, &renumbered)?;
                replayer.check_keys(keys, &local)?;
                for oid in &local {
                    replayer.replay(*oid, keys)?;
                }
                renumbered = replayer.renumbered;
                (replayer.head, replayer.rejected, replayer.pushed)
            };
            faults::point("sync-after-replay");
            store.keep_rejected(&local, &rejected)?;

            if new_head != remote_head {
                store.write_pending(&Pending {
                    orig: head,
                    pushed: new_head,
                    renumbered: renumbered.clone(),
                })?;
                faults::point("sync-before-push");
                if let Err(words) = store.push(remote, new_head, remote_head) {
                    let now = store.fetch(remote)?;
                    if now != Some(new_head) {
                        store.clear_pending()?;
                        if now != Some(remote_head) {
                            // Someone pushed first: fetch and replay again.
                            continue;
                        }
                        return Err(Error::Sync(SyncError::PushRefused { detail: words }));
                    }
                }
                faults::point("sync-after-push");
            }
            self.advance(head, new_head, remote)?;
            store.clear_pending()?;
            store.log_renumbered(&renumbered)?;
            report.head = new_head.to_string();
            report.pushed = pushed;
            report.renumbered = renumbered;
            report.rejected = rejected;
            return Ok(report);
        }
        Err(Error::Sync(SyncError::TooManyRaces(ATTEMPTS)))
    }

    /// Move the local branch from `old` to `new` (the central head) and bring the working
    /// tree and index along, through the journal like any commit; the remote-tracking
    /// branch follows.
    fn advance(&self, old: Oid, new: Oid, remote: &Remote) -> Result<()> {
        let store = self.store;
        let repo = &store.repo;
        repo.reference(&remote.tracking_ref(), new, true, "dispute sync")
            .git()?;
        if old == new {
            return Ok(());
        }
        let old_tree = repo.find_commit(old).git()?.tree().git()?;
        let new_tree = repo.find_commit(new).git()?.tree().git()?;
        let changed: Vec<(String, Option<Oid>)> =
            tree_changes(repo, Some(&old_tree), Some(&new_tree), &[])?
                .into_iter()
                .map(|d| (d.path, d.new))
                .collect();
        let journal = repo.path().join(JOURNAL_FILE);
        {
            let mut f = File::create(&journal)?;
            writeln!(f, "{new}")?;
            for (path, _) in &changed {
                writeln!(f, "{path}")?;
            }
            f.sync_all()?;
        }
        faults::point("sync-before-advance");
        if let Err(e) = self.update_branch(new, Some(old), "sync") {
            let _ = fs::remove_file(&journal);
            return Err(e);
        }
        faults::point("sync-after-advance");
        let changes: Vec<(&str, Option<Oid>)> = changed
            .iter()
            .map(|(path, blob)| (path.as_str(), *blob))
            .collect();
        store.put_blobs_in_worktree(&changes)?;
        fs::remove_file(&journal)?;
        crate::write::pack_now_and_then(repo.path());
        Ok(())
    }
}

impl Store {
    /// Keep each rejected action (its record, and its commit under a ref so the objects
    /// stay); forget earlier records of these local commits, which were decided again.
    fn keep_rejected(&self, local: &[Oid], rejected: &[RejectedAction]) -> Result<()> {
        let dir = self.sync_path(REJECTED_DIR);
        fs::create_dir_all(&dir)?;
        for oid in local {
            let _ = fs::remove_file(dir.join(format!("{oid}.json")));
        }
        for r in rejected {
            let json =
                serde_json::to_string_pretty(r).map_err(|e| Error::Internal(e.to_string()))?;
            fs::write(dir.join(format!("{}.json", r.commit)), json)?;
            if let Ok(oid) = Oid::from_str(&r.commit) {
                self.repo
                    .reference(
                        &format!("refs/dispute/rejected/{oid}"),
                        oid,
                        true,
                        "dispute sync: rejected",
                    )
                    .git()?;
            }
        }
        Ok(())
    }

    fn log_renumbered(&self, renumbered: &[(String, String)]) -> Result<()> {
        if renumbered.is_empty() {
            return Ok(());
        }
        let known = self.renumbered();
        let mut f = OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.sync_path(RENUMBERED_FILE))?;
        for pair in renumbered {
            if !known.contains(pair) {
                writeln!(f, "{}\t{}", pair.0, pair.1)?;
            }
        }
        Ok(())
    }
}

/// The local commits not on the central casebook (`remote`), nor replayed by an
/// interrupted sync (`also_hide`), oldest first, and how many of them were merges (left
/// out: a merge records no action of its own).
fn local_commits(
    repo: &Repository,
    head: Oid,
    remote: Oid,
    also_hide: Option<Oid>,
) -> Result<(Vec<Oid>, usize)> {
    let mut walk = repo.revwalk().git()?;
    walk.push(head).git()?;
    walk.hide(remote).git()?;
    if let Some(h) = also_hide {
        walk.hide(h).git()?;
    }
    walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)
        .git()?;
    let mut out = vec![];
    let mut merges = 0;
    for oid in walk {
        let oid = oid.git()?;
        if repo.find_commit(oid).git()?.parent_count() > 1 {
            merges += 1;
        } else {
            out.push(oid);
        }
    }
    Ok((out, merges))
}

/// Commits reachable from `from` but not from `not`.
fn count_between(repo: &Repository, from: Oid, not: Oid) -> Result<usize> {
    let mut walk = repo.revwalk().git()?;
    walk.push(from).git()?;
    walk.hide(not).git()?;
    Ok(walk.count())
}

/// The replay of local commits on top of the central head: the state it builds (head,
/// tree, casebook), the numbers it changed, what it rejected.
struct Replayer<'s> {
    store: &'s Store,
    head: Oid,
    tree: Oid,
    book: Casebook,
    /// The central head the replay started from.
    base: Oid,
    /// Local case ID → its ID on the central casebook, where it changed.
    map: BTreeMap<String, String>,
    renumbered: Vec<(String, String)>,
    /// Local case IDs registered in the commits still to replay: never given to another.
    reserved: HashSet<String>,
    /// Local cases whose registration was rejected: their later actions have no case.
    dropped: HashSet<String>,
    rejected: Vec<RejectedAction>,
    pushed: usize,
}

/// One local commit as the replay reads it.
struct Recorded {
    record: CommitRecord,
    /// Author and committer of the original commit (their times are kept).
    author: git2::Time,
    committer: git2::Time,
    /// Whether it changes files other than case files and `casebook.toml`.
    foreign: bool,
}

impl<'s> Replayer<'s> {
    fn new(
        store: &'s Store,
        remote_head: Oid,
        local: &[Oid],
        renumbered: &[(String, String)],
    ) -> Result<Replayer<'s>> {
        let repo = &store.repo;
        let commit = repo.find_commit(remote_head).git()?;
        let tree = commit.tree().git()?;
        let book = book_in(repo, &tree)?;
        let mut reserved = HashSet::new();
        for oid in local {
            let c = repo.find_commit(*oid).git()?;
            let msg = Message::parse(c.message().unwrap_or(""));
            let registers = matches!(
                msg.trailers.action(),
                Some(ActionCode::Case(Action::Register))
                    | Some(ActionCode::Book(BookAction::Import))
            );
            if registers {
                for c in commit_record(repo, &c)?.changes {
                    if c.old.is_none()
                        && let Some(stem) = Path::new(&c.path).file_stem()
                    {
                        reserved.insert(stem.to_string_lossy().into_owned());
                    }
                }
            }
        }
        Ok(Replayer {
            store,
            head: remote_head,
            tree: tree.id(),
            book,
            base: remote_head,
            map: renumbered.iter().cloned().collect(),
            renumbered: renumbered.to_vec(),
            reserved,
            dropped: HashSet::new(),
            rejected: vec![],
            pushed: 0,
        })
    }

    /// Every operator whose actions will be signed again must have a key here; name
    /// those who have none, before anything is pushed.
    fn check_keys(&self, keys: &mut dyn Keyring, local: &[Oid]) -> Result<()> {
        let repo = &self.store.repo;
        let local_book = self.store.casebook()?;
        let mut operators: Vec<String> = vec![];
        for oid in local {
            let c = repo.find_commit(*oid).git()?;
            let msg = Message::parse(c.message().unwrap_or(""));
            if let Some(op) = msg.trailers.get(Trailer::Operator)
                && !operators.iter().any(|o| o == op)
            {
                operators.push(op.to_string());
            }
        }
        let keys_of = |id: &str| -> Vec<String> {
            [self.book.operator(id), local_book.operator(id)]
                .into_iter()
                .flatten()
                .flat_map(|o| o.keys.iter().map(|k| k.key.clone()))
                .collect()
        };
        let wanted: Vec<String> = operators.iter().flat_map(|o| keys_of(o)).collect();
        keys.load(&wanted)?;
        let required =
            self.book.integrity.signing_required || local_book.integrity.signing_required;
        if !required {
            return Ok(());
        }
        let mut missing: Vec<String> = operators
            .into_iter()
            .filter(|o| keys_of(o).iter().all(|k| keys.signer(k).is_none()))
            .collect();
        missing.sort();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(Error::Sync(SyncError::KeysMissing(missing)))
        }
    }

    fn read(&self, oid: Oid) -> Result<Recorded> {
        let repo = &self.store.repo;
        let commit = repo.find_commit(oid).git()?;
        let record = commit_record(repo, &commit)?;
        let parent_tree = match commit.parent_count() {
            0 => None,
            _ => Some(commit.parent(0).git()?.tree().git()?),
        };
        let foreign = tree_changes(repo, parent_tree.as_ref(), Some(&commit.tree().git()?), &[])?
            .iter()
            .any(|d| {
                d.path != CASEBOOK_FILE
                    && !d.path.starts_with("cases/")
                    && !d.path.starts_with("policy/")
            });
        Ok(Recorded {
            record,
            author: commit.author().when(),
            committer: commit.committer().when(),
            foreign,
        })
    }

    fn tree(&self) -> Result<Tree<'s>> {
        self.store.repo.find_tree(self.tree).git()
    }

    /// The case `id` on the central casebook as replayed so far.
    fn central_case(&self, id: &str) -> Result<Option<Case>> {
        let path = CaseId::parse(id)?.path();
        let tree = self.tree()?;
        match tree.get_path(Path::new(&path)) {
            Ok(e) => {
                let blob = self.store.repo.find_blob(e.id()).git()?;
                Ok(Some(parse_case_bytes(blob.content(), &path)?))
            }
            Err(_) => Ok(None),
        }
    }

    /// The number a local registration of `id` gets centrally: its own if free, else the
    /// next free one of its department and year that no other local case holds.
    fn number_for(&mut self, id: &str) -> Result<String> {
        self.reserved.remove(id);
        let cid = CaseId::parse(id)?;
        let tree = self.tree()?;
        if tree.get_path(Path::new(&cid.path())).is_err() {
            return Ok(id.to_string());
        }
        let mut seq = next_seq_in(&self.store.repo, &tree, &cid.dept, cid.year)?;
        loop {
            let candidate = CaseId::new(&cid.dept, cid.year, seq);
            let name = candidate.to_string();
            if !self.reserved.contains(&name)
                && tree.get_path(Path::new(&candidate.path())).is_err()
            {
                return Ok(name);
            }
            seq += 1;
        }
    }

    /// Replay one local commit; a refusal of the workflow is a rejection, kept, and the
    /// replay goes on.
    fn replay(&mut self, oid: Oid, keys: &dyn Keyring) -> Result<()> {
        let rec = self.read(oid)?;
        let msg = &rec.record.info.message;
        let operator = msg.trailers.get(Trailer::Operator).map(str::to_string);
        let mut rejection = RejectedAction {
            commit: oid.to_string(),
            subject: msg.subject.clone(),
            action: msg.trailers.get(Trailer::Action).map(str::to_string),
            case: msg.trailers.get(Trailer::Case).map(str::to_string),
            operator: operator.clone(),
            at: msg.trailers.get(Trailer::At).map(str::to_string),
            reason: String::new(),
            inputs: serde_json::Value::Null,
        };
        // The local cases this action registers: if it is rejected, they are not on the
        // central casebook, and their later actions have no case there.
        let registers: Vec<String> = match msg.trailers.action() {
            Some(ActionCode::Case(Action::Register))
            | Some(ActionCode::Book(BookAction::Import)) => rec
                .record
                .changes
                .iter()
                .filter(|c| c.old.is_none())
                .filter_map(|c| Path::new(&c.path).file_stem())
                .map(|s| s.to_string_lossy().into_owned())
                .collect(),
            _ => vec![],
        };
        let outcome = if rec.foreign {
            Err(t!("sync-reject-foreign-files"))
        } else {
            match (msg.trailers.action(), operator.as_deref()) {
                (Some(ActionCode::Case(action)), Some(op)) => {
                    self.case_action(&rec, action, op, keys, &mut rejection)
                }
                (Some(ActionCode::Book(BookAction::Import)), Some(op)) => {
                    self.import(&rec, op, keys, &mut rejection)
                }
                (Some(ActionCode::Book(BookAction::PolicyConsult)), Some(_)) => {
                    self.policy(&rec, &mut rejection)
                }
                (Some(ActionCode::Book(kind)), Some(op)) if kind.edits_casebook() => {
                    self.book_action(&rec, kind, op, keys, &mut rejection)
                }
                _ => Err(t!("sync-reject-not-an-action")),
            }
        };
        let staged = match outcome {
            Ok(staged) => staged,
            Err(reason) => {
                rejection.reason = reason;
                self.dropped.extend(registers);
                self.rejected.push(rejection);
                return Ok(());
            }
        };
        let renumber = staged.renumber.clone();
        match self.commit(&rec, staged, keys)? {
            Ok(()) => {
                self.pushed += 1;
                for (a, b) in renumber {
                    self.map.insert(a.clone(), b.clone());
                    self.renumbered.push((a, b));
                }
            }
            Err(reason) => {
                rejection.reason = reason;
                self.dropped.extend(registers);
                self.rejected.push(rejection);
            }
        }
        Ok(())
    }

    /// A case action: the same action with the same inputs on the central case.
    fn case_action(
        &mut self,
        rec: &Recorded,
        action: Action,
        op: &str,
        keys: &dyn Keyring,
        rejection: &mut RejectedAction,
    ) -> Result<Staged, String> {
        let [change] = rec.record.changes.as_slice() else {
            return Err(t!("sync-reject-not-an-action"));
        };
        let parse = |bytes: &Option<Vec<u8>>| -> Result<Option<Case>, String> {
            bytes
                .as_deref()
                .map(|b| parse_case_bytes(b, &change.path).map_err(|e| e.to_string()))
                .transpose()
        };
        let old = parse(&change.old)?;
        let new = parse(&change.new)?.ok_or_else(|| t!("sync-reject-not-an-action"))?;
        rejection.case = Some(new.id.clone());
        rejection.inputs = replay::inputs_of(old.as_ref(), &new);
        if self.dropped.contains(&new.id) {
            return Err(t!(
                "sync-reject-registration-rejected",
                id = new.id.as_str()
            ));
        }
        let central_id = if old.is_none() {
            self.number_for(&new.id).map_err(|e| e.to_string())?
        } else {
            self.map.get(&new.id).cloned().unwrap_or(new.id.clone())
        };
        let cid = CaseId::parse(&central_id).map_err(|e| e.to_string())?;
        let target = self.central_case(&central_id).map_err(|e| e.to_string())?;
        let (mut case, replayed) = replay::replay_case_action(
            &self.book,
            target.as_ref(),
            &cid,
            old.as_ref(),
            &new,
            rec.record.info.time,
        )?;
        if replayed != action {
            return Err(t!("sync-reject-not-an-action"));
        }
        let renumber = if old.is_none() && central_id != new.id {
            vec![(new.id.clone(), central_id.clone())]
        } else {
            vec![]
        };
        let actor = self.operator(op)?;
        let opener = current_key(&actor).and_then(|k| keys.opener(&k.key));
        replay::reseal_replayed(
            &self.book,
            target.as_ref(),
            &mut case,
            &new,
            opener.as_ref(),
            &actor.dept,
        )?;
        let before = target.as_ref().unwrap_or(&case);
        let message = Message::case_action(&self.book, &actor, before, &case, action);
        let path = cid.path();
        let text = checked_text(&case, &path)?;
        Ok(Staged {
            files: vec![(path, text)],
            message,
            actor,
            book: None,
            renumber,
        })
    }

    /// An import: the same cases, renumbered where taken, under the central operators.
    fn import(
        &mut self,
        rec: &Recorded,
        op: &str,
        keys: &dyn Keyring,
        rejection: &mut RejectedAction,
    ) -> Result<Staged, String> {
        let mut cases = vec![];
        for c in &rec.record.changes {
            let (None, Some(bytes)) = (&c.old, &c.new) else {
                return Err(t!("sync-reject-not-an-action"));
            };
            cases.push(parse_case_bytes(bytes, &c.path).map_err(|e| e.to_string())?);
        }
        rejection.inputs = serde_json::json!({
            "cases": cases.iter().map(|c| c.id.clone()).collect::<Vec<_>>()
        });
        let msg = &rec.record.info.message;
        if let Some(sha) = msg.trailers.get(Trailer::ImportSha256)
            && self.imported_centrally(sha).map_err(|e| e.to_string())?
        {
            return Err(t!("sync-reject-imported"));
        }
        let mut changes = vec![];
        for case in &mut cases {
            let central = self.number_for(&case.id).map_err(|e| e.to_string())?;
            if central != case.id {
                changes.push((case.id.clone(), central.clone()));
                case.id = central;
            }
        }
        let mut replayed = replay::replay_import(&self.book, op, &cases, rec.record.info.time)?;
        let actor = self.operator(op)?;
        // Sealed to the central casebook's department keys, which may differ from the
        // clone's (a department that got its key centrally meanwhile).
        let opener = current_key(&actor).and_then(|k| keys.opener(&k.key));
        for (case, local) in replayed.iter_mut().zip(&cases) {
            replay::reseal_replayed(&self.book, None, case, local, opener.as_ref(), &actor.dept)?;
        }
        let cases = replayed;
        let mut message = msg.clone();
        set_who(&mut message, &actor);
        let mut files = vec![];
        for case in &cases {
            let path = CaseId::parse(&case.id).map_err(|e| e.to_string())?.path();
            files.push((path.clone(), checked_text(case, &path)?));
        }
        Ok(Staged {
            files,
            message,
            actor,
            book: None,
            renumber: changes,
        })
    }

    /// A policy consultation of the leading-group office: the same record, under the next
    /// free number of its year on the central casebook when the clone's is taken there,
    /// naming the cases by their central numbers.
    fn policy(&mut self, rec: &Recorded, rejection: &mut RejectedAction) -> Result<Staged, String> {
        use dispute_core::policy::{PolicyConsultation, PolicyId};
        let [change] = rec.record.changes.as_slice() else {
            return Err(t!("sync-reject-not-an-action"));
        };
        let (None, Some(bytes)) = (&change.old, &change.new) else {
            return Err(t!("sync-reject-not-an-action"));
        };
        let text = std::str::from_utf8(bytes).map_err(|_| t!("sync-reject-not-an-action"))?;
        let local = PolicyConsultation::from_toml(text, &change.path).map_err(|e| e.to_string())?;
        rejection.inputs = serde_json::to_value(&local).unwrap_or(serde_json::Value::Null);
        let local_id = PolicyId::parse(&local.id).map_err(|e| e.to_string())?;
        let tree = self.tree().map_err(|e| e.to_string())?;
        let seq = if tree.get_path(Path::new(&local_id.path())).is_ok() {
            let dir = tree
                .get_path(Path::new(&PolicyId::dir(local_id.year)))
                .ok()
                .and_then(|e| self.store.repo.find_tree(e.id()).ok());
            let taken = dir.iter().flat_map(|d| d.iter()).filter_map(|e| {
                let name = e.name().ok()?.strip_suffix(".toml")?.to_string();
                PolicyId::parse(&name).ok().map(|id| id.seq)
            });
            taken.max().unwrap_or(0) + 1
        } else {
            local_id.seq
        };
        let case_exists = |id: &str| matches!(self.central_case(id), Ok(Some(_)));
        let central_id = |id: &str| self.map.get(id).cloned().unwrap_or(id.to_string());
        let policy = replay::replay_policy(
            &self.book,
            &local,
            seq,
            &case_exists,
            &central_id,
            rec.record.info.time,
        )?;
        let actor = self.operator(&policy.by)?;
        let path = PolicyId::parse(&policy.id)
            .map_err(|e| e.to_string())?
            .path();
        let renumber = if policy.id != local.id {
            vec![(local.id.clone(), policy.id.clone())]
        } else {
            vec![]
        };
        Ok(Staged {
            files: vec![(path, policy.to_toml())],
            message: Message::policy_consult(&actor, &policy),
            actor,
            book: None,
            renumber,
        })
    }

    /// An admin action: the same change of `casebook.toml`, made to the central one.
    fn book_action(
        &mut self,
        rec: &Recorded,
        kind: BookAction,
        op: &str,
        keys: &dyn Keyring,
        rejection: &mut RejectedAction,
    ) -> Result<Staged, String> {
        let [change] = rec.record.changes.as_slice() else {
            return Err(t!("sync-reject-not-an-action"));
        };
        let parse = |bytes: &Option<Vec<u8>>| -> Result<Casebook, String> {
            let text = std::str::from_utf8(bytes.as_deref().unwrap_or_default())
                .map_err(|_| t!("sync-reject-not-an-action"))?;
            Casebook::parse(text).map_err(|e| e.to_string())
        };
        if change.path != CASEBOOK_FILE {
            return Err(t!("sync-reject-not-an-action"));
        }
        let (before, after) = (parse(&change.old)?, parse(&change.new)?);
        rejection.inputs = book_inputs(&before, &after);
        let actor = self.operator(op)?;
        let opener = current_key(&actor).and_then(|k| keys.opener(&k.key));
        let next = replay::replay_book_action(
            kind,
            &before,
            &after,
            &self.book,
            op,
            opener.as_ref(),
            rec.record.info.time,
        )?;
        let mut message = rec.record.info.message.clone();
        set_who(&mut message, &actor);
        Ok(Staged {
            files: vec![(CASEBOOK_FILE.to_string(), next.to_toml())],
            message,
            actor,
            book: Some(next),
            renumber: vec![],
        })
    }

    /// Whether the central history since the replay's base holds an import of this file.
    fn imported_centrally(&self, sha: &str) -> Result<bool> {
        let repo = &self.store.repo;
        let mut walk = repo.revwalk().git()?;
        walk.push(self.base).git()?;
        let local_head = self.store.head_oid()?;
        if let Some(h) = local_head
            && let Ok(base) = repo.merge_base(h, self.base)
        {
            walk.hide(base).git()?;
        }
        for oid in walk {
            let c = repo.find_commit(oid.git()?).git()?;
            let m = Message::parse(c.message().unwrap_or(""));
            if m.trailers.get(Trailer::ImportSha256) == Some(sha) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// An operator of the central casebook, or the rejection naming the one it lacks.
    fn operator(&self, id: &str) -> Result<Operator, String> {
        self.book
            .operator(id)
            .cloned()
            .ok_or_else(|| t!("sync-reject-operator-unknown", id = id))
    }

    /// Write a replayed commit on top of the replay's head, signed by its operator: the
    /// author and committer are the operator as the central casebook knows them, with the
    /// original commit's times. A key at hand that is no longer the operator's current
    /// key there is a rejection; no key at all stops the sync.
    fn commit(
        &mut self,
        rec: &Recorded,
        staged: Staged,
        keys: &dyn Keyring,
    ) -> Result<Result<(), String>> {
        let actor = &staged.actor;
        let required = self.book.integrity.signing_required
            || staged
                .book
                .as_ref()
                .is_some_and(|b| b.integrity.signing_required);
        let signer = match current_key(actor).and_then(|k| keys.signer(&k.key)) {
            Some(s) => Some(s),
            None if !required => None,
            None => {
                let holds_other = actor.keys.iter().any(|k| keys.signer(&k.key).is_some());
                if holds_other || current_key(actor).is_none() {
                    return Ok(Err(t!("sync-reject-key-changed", id = actor.id.as_str())));
                }
                return Err(Error::Sync(SyncError::KeysMissing(vec![actor.id.clone()])));
            }
        };
        let repo = &self.store.repo;
        let author = Signature::new(&actor.name, &actor.email, &rec.author).git()?;
        let committer = Signature::new(&actor.name, &actor.email, &rec.committer).git()?;
        let text = staged.message.render();
        let Written { commit, root, .. } = write_objects(
            repo,
            Some(self.head),
            &staged.files,
            (&author, &committer),
            &text,
            signer,
        )?;
        self.head = commit;
        self.tree = root;
        if let Some(book) = staged.book {
            self.book = book;
        }
        Ok(Ok(()))
    }
}

/// A replayed action before it is written.
struct Staged {
    files: Vec<(String, String)>,
    message: Message,
    actor: Operator,
    /// The casebook after an admin action.
    book: Option<Casebook>,
    /// Local case numbers this action changes (old, new).
    renumber: Vec<(String, String)>,
}

/// A case file's text, read back and checked against the schema as every write is.
fn checked_text(case: &Case, path: &str) -> Result<String, String> {
    let text = case.to_toml();
    let back = Case::from_toml(&text, path).map_err(|e| e.to_string())?;
    dispute_core::schema::check_case(&back, path).map_err(|e| e.to_string())?;
    Ok(text)
}

/// The `Operator` and `Dept` trailers of a message, as the central casebook knows the
/// operator.
fn set_who(message: &mut Message, actor: &Operator) {
    for (k, v) in message.trailers.0.iter_mut() {
        if k == Trailer::Operator.key() {
            *v = actor.id.clone();
        } else if k == Trailer::Dept.key() {
            *v = actor.dept.clone();
        }
    }
}

/// The inputs of an admin action: the operator it changed (as it became) or the settings.
fn book_inputs(before: &Casebook, after: &Casebook) -> serde_json::Value {
    let changed: Vec<&Operator> = after
        .operators
        .iter()
        .filter(|a| before.operator(&a.id) != Some(*a))
        .collect();
    match changed.as_slice() {
        [op] => serde_json::json!({ "operator": op }),
        _ => serde_json::json!({
            "deadlines": after.deadlines,
            "integrity": after.integrity,
            "sync": after.sync,
        }),
    }
}

/// `casebook.toml` in a tree.
fn book_in(repo: &Repository, tree: &Tree) -> Result<Casebook> {
    let entry = tree
        .get_name(CASEBOOK_FILE)
        .ok_or_else(|| Error::CasebookInvalid(t!("sync-central-no-casebook")))?;
    let blob = repo.find_blob(entry.id()).git()?;
    let text = std::str::from_utf8(blob.content())
        .map_err(|_| Error::CasebookInvalid(t!("store-not-utf8")))?;
    Casebook::parse(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transports_follow_the_url() {
        assert!(native("git://127.0.0.1:9418/c.git", true));
        assert!(native("/srv/c.git", false));
        assert!(
            !native("/srv/c.git", true),
            "local pushes run the hook through git"
        );
        assert!(native("file:///srv/c.git", false));
        assert!(!native("ssh://host/srv/c.git", false));
        assert!(!native("git@host:c.git", false));
        assert!(!native("https://gitea.example/c.git", false));
    }

    #[test]
    fn the_remote_says_why() {
        let said = "remote: 错误：拒绝\nremote: 提示：先同步\nTo x\n ! [remote rejected] main";
        assert_eq!(remote_words(said), "错误：拒绝\n提示：先同步");
        assert_eq!(remote_words("错误：拒绝\n\n"), "错误：拒绝");
    }
}
