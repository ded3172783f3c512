//! Case numbers are never handed out twice (issue 12): the next number of a department and
//! year is one past the highest ever used in the history of HEAD, not in HEAD's tree
//! alone, so a case file lost by a hand commit (or a half-finished write followed by a
//! plain `git commit`) does not free its number.
//!
//! The highest numbers are cached in `.git/dispute-seq` with the HEAD they were computed
//! at. When HEAD has moved on, only the commits since that HEAD are read; without a usable
//! cache the whole history is. In each commit only the department trees not seen before
//! are opened (a commit changes one or two), and in each the highest bucket.

use std::collections::{BTreeMap, HashSet};

use crate::prelude::*;

/// `.git/dispute-seq`: the HEAD on the first line, then `YEAR DEPT MAX` lines.
const SEQ_FILE: &str = "dispute-seq";

/// The highest sequence number used per (year, department code in lower case).
type Highest = BTreeMap<(i32, String), u32>;

impl Store {
    /// The highest sequence number of `dept` in `year` ever committed in HEAD's history.
    pub(crate) fn highest_seq_ever(&self, dept: &str, year: i32) -> Result<u32> {
        let Some(head) = self.head_oid()? else {
            return Ok(0);
        };
        let path = self.repo.path().join(SEQ_FILE);
        let (cached_at, mut highest) = load(&path);
        if cached_at != Some(head) {
            let mut walk = self.repo.revwalk().git()?;
            walk.push(head).git()?;
            // Numbers of the cached history stay used even if that history was rewound.
            if let Some(old) = cached_at
                && walk.hide(old).is_err()
            {
                highest.clear();
            }
            let mut seen: HashSet<Oid> = HashSet::new();
            for oid in walk {
                let commit = self.repo.find_commit(oid.git()?).git()?;
                let tree = commit.tree().git()?;
                self.note_highest(&tree, &mut seen, &mut highest)?;
            }
            // A cache that cannot be written only costs time on the next write.
            let _ = save(&path, head, &highest);
        }
        Ok(highest
            .get(&(year, dept.to_ascii_lowercase()))
            .copied()
            .unwrap_or(0))
    }

    /// Raise `highest` by the numbers in one commit's `cases/` tree.
    fn note_highest(
        &self,
        root: &Tree,
        seen: &mut HashSet<Oid>,
        highest: &mut Highest,
    ) -> Result<()> {
        let Some(cases) = root.get_name(CASES_DIR) else {
            return Ok(());
        };
        if !seen.insert(cases.id()) || cases.kind() != Some(ObjectType::Tree) {
            return Ok(());
        }
        let cases = self.repo.find_tree(cases.id()).git()?;
        for year in cases.iter() {
            let Some(y) = year.name().ok().and_then(|n| n.parse::<i32>().ok()) else {
                continue;
            };
            if year.kind() != Some(ObjectType::Tree) || !seen.insert(year.id()) {
                continue;
            }
            let year_tree = self.repo.find_tree(year.id()).git()?;
            for dept in year_tree.iter() {
                if dept.kind() != Some(ObjectType::Tree) || !seen.insert(dept.id()) {
                    continue;
                }
                let Some(code) = dept.name().ok().map(str::to_ascii_lowercase) else {
                    continue;
                };
                let dept_tree = self.repo.find_tree(dept.id()).git()?;
                let max = max_seq_in(&self.repo, &dept_tree, &code, y)?;
                let slot = highest.entry((y, code)).or_insert(0);
                *slot = (*slot).max(max);
            }
        }
        Ok(())
    }
}

/// The highest sequence in a department's tree of one year: in its highest bucket.
pub(crate) fn max_seq_in(
    repo: &Repository,
    dept_tree: &Tree,
    dept: &str,
    year: i32,
) -> Result<u32> {
    let bucket = dept_tree
        .iter()
        .filter(|e| e.kind() == Some(ObjectType::Tree))
        .filter_map(|e| Some((e.name().ok()?.parse::<u32>().ok()?, e.id())))
        .max();
    let Some((_, bucket)) = bucket else {
        return Ok(0);
    };
    Ok(repo
        .find_tree(bucket)
        .git()?
        .iter()
        .filter_map(|e| {
            let id = CaseId::parse(e.name().ok()?.strip_suffix(".toml")?).ok()?;
            (id.year == year && id.dept == dept).then_some(id.seq)
        })
        .max()
        .unwrap_or(0))
}

/// After a commit of this tool moved HEAD from `parent` to `commit`, writing the files at
/// `paths`: a cache computed at `parent` moves on to `commit`, raised by the numbers of the
/// case files written, so the next write need not read the new commit back. Any other
/// cache is left for the next read to bring up to date.
pub(crate) fn advance<'a>(
    git_dir: &Path,
    parent: Option<Oid>,
    commit: Oid,
    paths: impl Iterator<Item = &'a str>,
) {
    let path = git_dir.join(SEQ_FILE);
    let (cached_at, mut highest) = load(&path);
    if cached_at.is_none() || cached_at != parent {
        return;
    }
    for written in paths {
        let id = written
            .rsplit('/')
            .next()
            .and_then(|name| name.strip_suffix(".toml"))
            .and_then(|name| CaseId::parse(name).ok());
        // Only a case file at its own place counts, as when the trees are read.
        if let Some(id) = id.filter(|id| id.path() == written) {
            let slot = highest.entry((id.year, id.dept)).or_insert(0);
            *slot = (*slot).max(id.seq);
        }
    }
    // A cache that cannot be written only costs time on the next write.
    let _ = save(&path, commit, &highest);
}

fn load(path: &Path) -> (Option<Oid>, Highest) {
    let mut highest = Highest::new();
    let Ok(text) = fs::read_to_string(path) else {
        return (None, highest);
    };
    let mut lines = text.lines();
    let head = lines.next().and_then(|l| Oid::from_str(l.trim()).ok());
    for line in lines {
        let mut parts = line.split(' ');
        if let (Some(y), Some(d), Some(n), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
            && let (Ok(y), Ok(n)) = (y.parse(), n.parse())
        {
            highest.insert((y, d.to_string()), n);
        } else {
            // Not ours: start over from the whole history.
            return (None, Highest::new());
        }
    }
    (head, highest)
}

fn save(path: &Path, head: Oid, highest: &Highest) -> Result<()> {
    let mut text = format!("{head}\n");
    for ((y, d), n) in highest {
        text.push_str(&format!("{y} {d} {n}\n"));
    }
    replace_file(path, text.as_bytes())
}
