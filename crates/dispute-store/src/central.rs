//! The central casebook (DESIGN §10): a bare repository on a county server that every
//! office's clone syncs with. `server init` creates it from a casebook's history and
//! installs its `pre-receive` hook; the hook (`dispute hook pre-receive`) lets in only
//! fast-forwards of the one branch by verified, signed, linear history, so the central
//! history is always a legal one.

use crate::prelude::*;
use crate::sync::{REMOTE, check_range};
use dispute_core::sync::SyncError;

/// A bare central casebook.
pub struct Central {
    repo: Repository,
}

impl Central {
    /// Create the bare repository `path` holding `source`'s history (all of it, or only its
    /// first commit: the rest then arrives by `dispute sync`, through the hook), with the
    /// `pre-receive` hook that runs `program hook pre-receive`. The history must be linear
    /// and verify clean. `source` gets `path` as its `origin` if it has none. Returns the
    /// central casebook's location as clones name it.
    pub fn create(path: &Path, source: &Store, whole: bool, program: &Path) -> Result<String> {
        if let Ok(mut entries) = fs::read_dir(path)
            && entries.next().is_some()
        {
            return Err(Error::Sync(SyncError::TargetExists(path.to_path_buf())));
        }
        if path.exists() && !path.is_dir() {
            return Err(Error::Sync(SyncError::TargetExists(path.to_path_buf())));
        }
        let src = &source.repo;
        let head = source
            .head_oid()?
            .ok_or_else(|| Error::NoCasebook(source.root.clone()))?;
        let tip = if whole {
            head
        } else {
            first_commit(src, head)?
        };
        let problems = check_range(src, None, tip)?;
        if let Some(first) = problems.first() {
            let more = problems.len() - 1;
            let reason = if more == 0 {
                first.clone()
            } else {
                t!(
                    "sync-not-publishable-more",
                    first = first.as_str(),
                    n = more
                )
            };
            return Err(Error::Sync(SyncError::NotPublishable(reason)));
        }
        let branch = source.branch()?;
        let mut opts = git2::RepositoryInitOptions::new();
        opts.bare(true).mkpath(true).initial_head(&branch);
        let bare = Repository::init_opts(path, &opts).git()?;
        let url = fs::canonicalize(path)?.to_string_lossy().into_owned();

        // Objects and the branch, from the source (libgit2's local push: no hook yet).
        const PUBLISH: &str = "refs/dispute/publish";
        src.reference(PUBLISH, tip, true, "dispute server init")
            .git()?;
        let pushed = src
            .remote_anonymous(&url)
            .and_then(|mut r| r.push(&[&format!("{PUBLISH}:refs/heads/{branch}")], None));
        if let Ok(mut r) = src.find_reference(PUBLISH) {
            let _ = r.delete();
        }
        pushed.git()?;

        let mut config = bare.config().git()?;
        for (key, value) in [
            ("receive.denyNonFastForwards", true),
            ("receive.denyDeletes", true),
            ("core.logAllRefUpdates", true),
        ] {
            config.set_bool(key, value).git()?;
        }
        install_hook(bare.path(), program)?;

        if source.remote()?.is_none() {
            src.remote(REMOTE, &url).git()?;
            src.reference(
                &format!("refs/remotes/{REMOTE}/{branch}"),
                tip,
                true,
                "dispute server init",
            )
            .git()?;
        }
        Ok(url)
    }

    /// The repository a `pre-receive` hook runs in (`GIT_DIR`, with the pushed objects
    /// still in quarantine: `GIT_OBJECT_DIRECTORY`, `GIT_ALTERNATE_OBJECT_DIRECTORIES`).
    pub fn open_from_env() -> Result<Central> {
        git2::opts::strict_hash_verification(false);
        let repo = Repository::open_from_env().git()?;
        Ok(Central { repo })
    }

    /// Why the update of `refname` from `old` to `new` (all zeros: none) may not go in;
    /// empty when it may. Only the branch HEAD names is updated, never deleted, only by
    /// fast-forward, and every new commit passes [`check_range`].
    pub fn check_update(&self, old: Oid, new: Oid, refname: &str) -> Result<Vec<String>> {
        let repo = &self.repo;
        let head = repo.find_reference("HEAD").git()?;
        let branch = head
            .symbolic_target()
            .git()?
            .unwrap_or("refs/heads/main")
            .to_string();
        if refname != branch {
            return Ok(vec![t!(
                "sync-hook-other-ref",
                refname = refname,
                branch = branch.as_str()
            )]);
        }
        if new.is_zero() {
            return Ok(vec![t!("sync-hook-delete", branch = branch.as_str())]);
        }
        if old.is_zero() {
            if repo.refname_to_id(&branch).is_ok() {
                return Ok(vec![t!("sync-hook-not-ff", branch = branch.as_str())]);
            }
            return check_range(repo, None, new);
        }
        if new == old {
            return Ok(vec![]);
        }
        if !repo.graph_descendant_of(new, old).git()? {
            return Ok(vec![t!("sync-hook-not-ff", branch = branch.as_str())]);
        }
        check_range(repo, Some(old), new)
    }
}

/// The first commit of the first-parent chain ending at `head`.
fn first_commit(repo: &Repository, head: Oid) -> Result<Oid> {
    let mut commit = repo.find_commit(head).git()?;
    while commit.parent_count() > 0 {
        commit = commit.parent(0).git()?;
    }
    Ok(commit.id())
}

/// `hooks/pre-receive`: a shell script that runs this program by its absolute path.
fn install_hook(git_dir: &Path, program: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let quoted = program.to_string_lossy().replace('\'', r"'\''");
    let script = format!(
        "#!/bin/sh\n\
         # dispute: the central casebook takes only fast-forwards of verified, signed,\n\
         # linear history (DESIGN §10). Installed by `dispute server init`.\n\
         exec '{quoted}' hook pre-receive\n"
    );
    let dir = git_dir.join("hooks");
    fs::create_dir_all(&dir)?;
    let path = dir.join("pre-receive");
    fs::write(&path, script)?;
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755))?;
    Ok(())
}
