//! The writer lock and the journal. One writer at a time holds an OS file lock; a journal
//! written before the branch moves lets the next command finish a write whose process died
//! between the branch update and the working tree.

use crate::prelude::*;

impl Store {
    /// If a previous command died after moving the branch but before updating the working
    /// tree, finish its working-tree step now.
    pub(crate) fn recover(&self, notices: &mut Vec<String>) -> Result<()> {
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
        // Say what happened to that write: finished now, overtaken by another commit since,
        // or never committed.
        let head = self.head_oid()?;
        let subject = |c: Oid| {
            self.repo
                .find_commit(c)
                .ok()
                .and_then(|c| c.summary().ok().flatten().map(str::to_string))
        };
        let short = |c: Option<Oid>| c.map(oid_short).unwrap_or_default();
        match (commit, head) {
            (Some(c), Some(h)) if c == h => {
                self.sync_worktree(&paths)?;
                notices.push(t!(
                    "clerk-recovered-worktree",
                    subject = subject(c).unwrap_or_default(),
                    paths = paths.join(&t!("list-separator"))
                ));
            }
            (Some(c), Some(h)) if self.repo.graph_descendant_of(h, c).unwrap_or(false) => {
                notices.push(t!(
                    "clerk-recovered-overtaken",
                    subject = subject(c).unwrap_or_default(),
                    commit = oid_short(c),
                    head = oid_short(h)
                ));
            }
            _ => notices.push(t!("clerk-recovered-nothing", commit = short(commit))),
        }
        fs::remove_file(&journal_path)?;
        Ok(())
    }

    pub(crate) fn ref_lock_path(&self) -> Result<PathBuf> {
        let head = self.repo.find_reference("HEAD").git()?;
        let target = head
            .symbolic_target()
            .git()?
            .unwrap_or("refs/heads/main")
            .to_string();
        Ok(self.repo.path().join(format!("{target}.lock")))
    }
}

/// The writer lock: an OS file lock on `.git/dispute.lock`, which the kernel releases when
/// the holder dies. The holder writes its PID into the file and clears it on release, so a
/// PID found on acquiring names a holder that died.
pub(crate) struct WriterLock {
    file: File,
    pub(crate) stale_pid: Option<String>,
}

impl WriterLock {
    pub(crate) fn acquire(path: &Path) -> Result<WriterLock> {
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
