//! History walks: the commits that changed one case (`log`), every commit with its changes
//! for `verify`, and trailer look-ups. Messages are parsed by the core's protocol module.

use crate::prelude::*;

impl Store {
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
    /// changes under `cases/` and `policy/` and to `casebook.toml`, for `verify`.
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
                .map_err(|_| Error::invalid("--since", t!("store-no-such-commit", rev = rev)))?;
            walk.hide(obj.peel_to_commit().git()?.id()).git()?;
        }
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)
            .git()?;
        for oid in walk {
            let commit = self.repo.find_commit(oid.git()?).git()?;
            each(commit_record(&self.repo, &commit)?)?;
        }
        Ok(())
    }

    /// When the casebook was created: the time of its first commit.
    pub fn created_at(&self) -> Result<Option<Time>> {
        if self.head_oid()?.is_none() {
            return Ok(None);
        }
        let mut walk = self.repo.revwalk().git()?;
        walk.push_head().git()?;
        walk.simplify_first_parent().git()?;
        let mut first = None;
        for oid in walk {
            first = Some(oid.git()?);
        }
        match first {
            Some(oid) => Ok(Some(commit_info(&self.repo.find_commit(oid).git()?)?.time)),
            None => Ok(None),
        }
    }

    /// The case files present in a revision's tree (for `verify --since`).
    pub fn case_paths_at(&self, rev: &str) -> Result<Vec<String>> {
        let obj = self
            .repo
            .revparse_single(rev)
            .map_err(|_| Error::invalid("--since", t!("store-no-such-commit", rev = rev)))?;
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
}

/// One commit as `verify` reads it: its changes under `cases/` and `policy/` and to
/// `casebook.toml` against the first parent (less what a merge took from another parent),
/// the casebook it acted under, its signature.
pub(crate) fn commit_record(repo: &Repository, commit: &git2::Commit) -> Result<CommitRecord> {
    let tree = commit.tree().git()?;
    let parents: Vec<git2::Commit> = commit.parents().collect();
    let first_tree = parents.first().map(|p| p.tree()).transpose().git()?;
    let mut opts = git2::DiffOptions::new();
    opts.pathspec(CASEBOOK_FILE)
        .pathspec(format!("{CASES_DIR}/"))
        .pathspec(format!("{}/", dispute_core::policy::POLICY_DIR));
    let diff = repo
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
            Ok(Some(repo.find_blob(f.id()).git()?.content().to_vec()))
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
            Some(e) => Some(repo.find_blob(e.id()).git()?.content().to_vec()),
            None => None,
        },
        None => None,
    };
    let signature = match repo.extract_signature(&commit.id(), None) {
        Ok((sig, payload)) => Some(Signed {
            armored: String::from_utf8_lossy(&sig).into_owned(),
            payload: payload.to_vec(),
        }),
        Err(_) => None,
    };
    let merge_files = if parents.len() > 1 {
        merge_files(repo, &tree, &parents)?
    } else {
        vec![]
    };
    let committer = commit.committer();
    Ok(CommitRecord {
        info: commit_info(commit)?,
        parents: parents.len(),
        changes,
        merged_from_other_side,
        parent_casebook,
        committer_name: committer.name().unwrap_or("").to_string(),
        committer_email: committer.email().unwrap_or("").to_string(),
        signature,
        merge_files,
    })
}

/// Every case file that differs between a merge's result and any of its parents.
pub(crate) fn merge_files(
    repo: &Repository,
    tree: &Tree,
    parents: &[git2::Commit],
) -> Result<Vec<MergeFile>> {
    let blob_at = |t: &Tree, path: &str| -> Result<Option<Vec<u8>>> {
        match t.get_path(Path::new(path)) {
            Ok(e) => Ok(Some(repo.find_blob(e.id()).git()?.content().to_vec())),
            Err(_) => Ok(None),
        }
    };
    let trees: Vec<Tree> = parents
        .iter()
        .map(|p| p.tree())
        .collect::<std::result::Result<_, _>>()
        .git()?;
    let mut paths = std::collections::BTreeSet::new();
    for t in &trees {
        let mut opts = git2::DiffOptions::new();
        opts.pathspec(format!("{CASES_DIR}/"));
        let diff = repo
            .diff_tree_to_tree(Some(t), Some(tree), Some(&mut opts))
            .git()?;
        for delta in diff.deltas() {
            if let Some(p) = delta.new_file().path().or(delta.old_file().path()) {
                paths.insert(p.to_string_lossy().into_owned());
            }
        }
    }
    let mut out = vec![];
    for path in paths {
        let result = blob_at(tree, &path)?;
        let parents = trees
            .iter()
            .map(|t| blob_at(t, &path))
            .collect::<Result<Vec<_>>>()?;
        out.push(MergeFile {
            path,
            result,
            parents,
        });
    }
    Ok(out)
}

/// What readers need of a commit: who, when, its message parsed by the protocol.
pub(crate) fn commit_info(commit: &git2::Commit) -> Result<CommitInfo> {
    let author = commit.author();
    let time = commit.time();
    let time: Time = chrono::DateTime::from_timestamp(time.seconds(), 0)
        .map(|t| t.with_timezone(&china()))
        .ok_or_else(|| Error::Internal(t!("store-bad-commit-time")))?;
    Ok(CommitInfo {
        commit: oid_short(commit.id()),
        author_name: author.name().unwrap_or("").to_string(),
        author_email: author.email().unwrap_or("").to_string(),
        time,
        message: Message::parse(commit.message().unwrap_or("")),
    })
}
