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

    /// Every commit reachable from HEAD, newest first by commit time (messages and times
    /// only: no trees are read, and no topological order is worked out).
    pub fn commits(&self) -> Result<Vec<CommitInfo>> {
        let mut out = vec![];
        if self.head_oid()?.is_none() {
            return Ok(out);
        }
        let mut walk = self.repo.revwalk().git()?;
        walk.push_head().git()?;
        for oid in walk {
            out.push(commit_info(&self.repo.find_commit(oid.git()?).git()?)?);
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

/// A file that differs between two trees: its path and its blob on each side (None: not
/// there, or not a file there).
pub(crate) struct TreeChange {
    pub(crate) path: String,
    pub(crate) old: Option<Oid>,
    pub(crate) new: Option<Oid>,
}

/// The files that differ between `old` and `new` (None: the empty tree), sorted by path.
/// Subtrees with the same ID on both sides are not opened, so the cost follows the size of
/// the change, not of the casebook (libgit2's tree-to-tree diff reads every tree). `only`
/// keeps paths equal to an entry or, for an entry ending in `/`, below it; empty keeps all.
pub(crate) fn tree_changes(
    repo: &Repository,
    old: Option<&Tree>,
    new: Option<&Tree>,
    only: &[&str],
) -> Result<Vec<TreeChange>> {
    let mut out = vec![];
    diff_level(repo, old, new, "", only, &mut out)?;
    Ok(out)
}

/// What a path is in a tree: a subtree, or anything else (a file, a link, a submodule)
/// with its mode.
#[derive(Clone, Copy)]
enum Side {
    Tree(Oid),
    Leaf(Oid, i32),
}

fn wanted(path: &str, is_tree: bool, only: &[&str]) -> bool {
    only.is_empty()
        || only.iter().any(|o| match o.strip_suffix('/') {
            Some(dir) => path.starts_with(o) || (is_tree && path == dir),
            None => path == *o || (is_tree && o.starts_with(&format!("{path}/"))),
        })
}

fn diff_level(
    repo: &Repository,
    old: Option<&Tree>,
    new: Option<&Tree>,
    prefix: &str,
    only: &[&str],
    out: &mut Vec<TreeChange>,
) -> Result<()> {
    let side = |e: &git2::TreeEntry| match e.kind() {
        Some(ObjectType::Tree) => Side::Tree(e.id()),
        _ => Side::Leaf(e.id(), e.filemode()),
    };
    let mut names: std::collections::BTreeMap<Vec<u8>, (Option<Side>, Option<Side>)> =
        std::collections::BTreeMap::new();
    for e in old.into_iter().flat_map(|t| t.iter()) {
        names.entry(e.name_bytes().to_vec()).or_default().0 = Some(side(&e));
    }
    for e in new.into_iter().flat_map(|t| t.iter()) {
        names.entry(e.name_bytes().to_vec()).or_default().1 = Some(side(&e));
    }
    for (name, (a, b)) in names {
        let path = format!("{prefix}{}", String::from_utf8_lossy(&name));
        let sub = |side: Option<Side>| -> Result<Option<Tree>> {
            match side {
                Some(Side::Tree(id)) => Ok(Some(repo.find_tree(id).git()?)),
                _ => Ok(None),
            }
        };
        let leaf = |side: Option<Side>| match side {
            Some(Side::Leaf(id, _)) => Some(id),
            _ => None,
        };
        let same = match (a, b) {
            (Some(Side::Tree(x)), Some(Side::Tree(y))) => x == y,
            (Some(Side::Leaf(x, m)), Some(Side::Leaf(y, n))) => x == y && m == n,
            _ => false,
        };
        if same {
            continue;
        }
        let (old_leaf, new_leaf) = (leaf(a), leaf(b));
        if (old_leaf.is_some() || new_leaf.is_some()) && wanted(&path, false, only) {
            // A file that became a link (or the reverse) is a deletion and an addition, as
            // git reports a type change.
            let kind = |side: Option<Side>| match side {
                Some(Side::Leaf(_, mode)) => Some(mode & 0o170000),
                _ => None,
            };
            if old_leaf.is_some() && new_leaf.is_some() && kind(a) != kind(b) {
                out.push(TreeChange {
                    path: path.clone(),
                    old: old_leaf,
                    new: None,
                });
                out.push(TreeChange {
                    path: path.clone(),
                    old: None,
                    new: new_leaf,
                });
            } else {
                out.push(TreeChange {
                    path: path.clone(),
                    old: old_leaf,
                    new: new_leaf,
                });
            }
        }
        let trees = matches!(a, Some(Side::Tree(_))) || matches!(b, Some(Side::Tree(_)));
        if trees && wanted(&path, true, only) {
            let (x, y) = (sub(a)?, sub(b)?);
            diff_level(repo, x.as_ref(), y.as_ref(), &format!("{path}/"), only, out)?;
        }
    }
    Ok(())
}

/// One commit as `verify` reads it: its changes under `cases/` and `policy/` and to
/// `casebook.toml` against the first parent (less what a merge took from another parent),
/// the casebook it acted under, its signature.
pub(crate) fn commit_record(repo: &Repository, commit: &git2::Commit) -> Result<CommitRecord> {
    let tree = commit.tree().git()?;
    let parents: Vec<git2::Commit> = commit.parents().collect();
    let first_tree = parents.first().map(|p| p.tree()).transpose().git()?;
    let cases_dir = format!("{CASES_DIR}/");
    let policy_dir = format!("{}/", dispute_core::policy::POLICY_DIR);
    let diff = tree_changes(
        repo,
        first_tree.as_ref(),
        Some(&tree),
        &[CASEBOOK_FILE, &cases_dir, &policy_dir],
    )?;
    let mut changes = vec![];
    let mut merged_from_other_side = vec![];
    for delta in diff {
        let path = delta.path;
        let blob = |id: Option<Oid>| -> Result<Option<Vec<u8>>> {
            match id {
                None => Ok(None),
                Some(id) => Ok(Some(repo.find_blob(id).git()?.content().to_vec())),
            }
        };
        // In a merge, a file that equals another parent's came from that side,
        // whose own commits are checked on their own.
        if parents.len() > 1
            && parents[1..].iter().any(|p| {
                p.tree()
                    .ok()
                    .and_then(|t| t.get_path(Path::new(&path)).ok())
                    .map(|e| e.id())
                    .is_some_and(|id| delta.new == Some(id))
            })
        {
            merged_from_other_side.push(path);
            continue;
        }
        changes.push(FileChange {
            old: blob(delta.old)?,
            new: blob(delta.new)?,
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
    let cases_dir = format!("{CASES_DIR}/");
    for t in &trees {
        for delta in tree_changes(repo, Some(t), Some(tree), &[&cases_dir])? {
            paths.insert(delta.path);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A tree of `files` (path, content; content "->x" makes a link to x).
    fn tree<'r>(repo: &'r Repository, files: &[(&str, &str)]) -> Tree<'r> {
        let mut index = git2::Index::new().unwrap();
        for (path, content) in files {
            let blob = repo
                .blob(content.trim_start_matches("->").as_bytes())
                .unwrap();
            let mode = if content.starts_with("->") {
                0o120000
            } else {
                0o100644
            };
            index
                .add(&git2::IndexEntry {
                    ctime: git2::IndexTime::new(0, 0),
                    mtime: git2::IndexTime::new(0, 0),
                    dev: 0,
                    ino: 0,
                    mode,
                    uid: 0,
                    gid: 0,
                    file_size: 0,
                    id: blob,
                    flags: path.len() as u16,
                    flags_extended: 0,
                    path: path.as_bytes().to_vec(),
                })
                .unwrap();
        }
        let oid = index.write_tree_to(repo).unwrap();
        repo.find_tree(oid).unwrap()
    }

    /// What libgit2's full diff says changed: (path, old blob, new blob).
    fn libgit2(repo: &Repository, a: &Tree, b: &Tree) -> Vec<(String, Option<Oid>, Option<Oid>)> {
        let diff = repo.diff_tree_to_tree(Some(a), Some(b), None).unwrap();
        let id = |f: git2::DiffFile| Some(f.id()).filter(|i| !i.is_zero());
        let mut out: Vec<_> = diff
            .deltas()
            .map(|d| {
                let p = d.new_file().path().or(d.old_file().path()).unwrap();
                (
                    p.to_string_lossy().into_owned(),
                    id(d.old_file()),
                    id(d.new_file()),
                )
            })
            .collect();
        out.sort();
        out
    }

    fn ours(
        repo: &Repository,
        a: &Tree,
        b: &Tree,
        only: &[&str],
    ) -> Vec<(String, Option<Oid>, Option<Oid>)> {
        let mut out: Vec<_> = tree_changes(repo, Some(a), Some(b), only)
            .unwrap()
            .into_iter()
            .map(|c| (c.path, c.old, c.new))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn tree_changes_agree_with_libgit2_and_skip_equal_subtrees() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init_bare(dir.path()).unwrap();
        let before = tree(
            &repo,
            &[
                ("casebook.toml", "a"),
                ("cases/2026/tax/00/TAX-2026-0001.toml", "one"),
                ("cases/2026/tax/00/TAX-2026-0002.toml", "two"),
                ("cases/2026/hrss/00/HRSS-2026-0001.toml", "three"),
                ("cases/2025/tax/00/TAX-2025-0001.toml", "old"),
                ("notes", "file"),
                ("link", "->casebook.toml"),
                ("README.md", "r"),
            ],
        );
        let after = tree(
            &repo,
            &[
                ("casebook.toml", "b"),
                ("cases/2026/tax/00/TAX-2026-0001.toml", "one, changed"),
                ("cases/2026/tax/00/TAX-2026-0003.toml", "new"),
                ("cases/2026/hrss/00/HRSS-2026-0001.toml", "three"),
                ("cases/2025/tax/00/TAX-2025-0001.toml", "old"),
                ("notes/inside", "a file became a directory"),
                ("link", "casebook.toml"),
            ],
        );
        let all = ours(&repo, &before, &after, &[]);
        assert_eq!(all, libgit2(&repo, &before, &after));
        assert_eq!(all.len(), 9, "{all:?}");
        // only the casebook and the cases
        let cases: Vec<String> = ours(&repo, &before, &after, &["casebook.toml", "cases/"])
            .into_iter()
            .map(|c| c.0)
            .collect();
        assert_eq!(
            cases,
            [
                "casebook.toml",
                "cases/2026/tax/00/TAX-2026-0001.toml",
                "cases/2026/tax/00/TAX-2026-0002.toml",
                "cases/2026/tax/00/TAX-2026-0003.toml"
            ]
        );
        // equal trees: nothing
        assert!(ours(&repo, &after, &after, &[]).is_empty());
    }
}
