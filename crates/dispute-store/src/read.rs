//! Reads from HEAD, never from the working tree: the casebook, one case, all cases or their
//! summaries, the next sequence number of a department and year (computed in `seq`).

use crate::prelude::*;

/// `.git/dispute-casebook-checked`: the schema digest and the blob of `casebook.toml`
/// last found valid.
const CHECKED_FILE: &str = "dispute-casebook-checked";

impl Store {
    pub(crate) fn head_tree(&self) -> Result<Option<Tree<'_>>> {
        match self.repo.head() {
            Ok(head) => Ok(Some(head.peel_to_tree().git()?)),
            Err(e) if matches!(e.code(), ErrorCode::UnbornBranch | ErrorCode::NotFound) => Ok(None),
            Err(e) => Err(e).git(),
        }
    }

    pub(crate) fn head_oid(&self) -> Result<Option<Oid>> {
        match self.repo.head() {
            Ok(head) => Ok(Some(head.peel_to_commit().git()?.id())),
            Err(e) if matches!(e.code(), ErrorCode::UnbornBranch | ErrorCode::NotFound) => Ok(None),
            Err(e) => Err(e).git(),
        }
    }

    /// The content of a file in HEAD, if it exists there.
    pub(crate) fn read_head(&self, path: &str) -> Result<Option<Vec<u8>>> {
        self.read_head_capped(path, &|_| Ok(()))
    }

    /// The content of a file in HEAD, if it exists there; `check_size` sees the blob's size
    /// before it is read and may refuse it.
    pub(crate) fn read_head_capped(
        &self,
        path: &str,
        check_size: &dyn Fn(u64) -> Result<()>,
    ) -> Result<Option<Vec<u8>>> {
        let Some(tree) = self.head_tree()? else {
            return Ok(None);
        };
        match tree.get_path(Path::new(path)) {
            Ok(entry) => {
                if entry.kind() == Some(ObjectType::Blob) {
                    let (size, _) = self.repo.odb().git()?.read_header(entry.id()).git()?;
                    check_size(size as u64)?;
                }
                let blob = entry
                    .to_object(&self.repo)
                    .git()?
                    .into_blob()
                    .map_err(|_| Error::CaseFileInvalid {
                        path: path.to_string(),
                        reason: t!("store-not-a-regular-file"),
                    })?;
                Ok(Some(blob.content().to_vec()))
            }
            Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e).git(),
        }
    }

    /// `casebook.toml` as committed in HEAD, checked. The schema check is the costly part
    /// of reading it and the file rarely changes: the blob last found valid is noted in
    /// `.git/dispute-casebook-checked` (with the schema's digest) and not checked against
    /// the schema again; a blob is content-addressed, so the same ID is the same text. Within
    /// one process a blob is parsed once.
    pub fn casebook(&self) -> Result<Casebook> {
        static PARSED: std::sync::Mutex<Option<(Oid, Casebook)>> = std::sync::Mutex::new(None);
        let oid = self
            .head_blob_id(CASEBOOK_FILE)?
            .ok_or_else(|| Error::NoCasebook(self.root.clone()))?;
        if let Ok(parsed) = PARSED.lock()
            && let Some((seen, book)) = parsed.as_ref()
            && *seen == oid
        {
            return Ok(book.clone());
        }
        let bytes = self
            .read_head_capped(CASEBOOK_FILE, &dispute_core::casebook::check_size)?
            .ok_or_else(|| Error::NoCasebook(self.root.clone()))?;
        let text =
            String::from_utf8(bytes).map_err(|_| Error::CasebookInvalid(t!("store-not-utf8")))?;
        let noted = self.repo.path().join(CHECKED_FILE);
        let mark = format!("{} {oid}\n", dispute_core::schema::casebook_schema_digest());
        let book = if fs::read_to_string(&noted).is_ok_and(|t| t == mark) {
            Casebook::parse_checked_before(&text)?
        } else {
            let book = Casebook::parse(&text)?;
            // Not noted only costs the check next time.
            let _ = fs::write(&noted, &mark);
            book
        };
        if let Ok(mut parsed) = PARSED.lock() {
            *parsed = Some((oid, book.clone()));
        }
        Ok(book)
    }

    /// The blob ID of `path` in HEAD's tree, if it is a file there.
    fn head_blob_id(&self, path: &str) -> Result<Option<Oid>> {
        let Some(tree) = self.head_tree()? else {
            return Ok(None);
        };
        match tree.get_path(Path::new(path)) {
            Ok(entry) if entry.kind() == Some(ObjectType::Blob) => Ok(Some(entry.id())),
            Ok(_) => Err(Error::CasebookInvalid(t!("store-not-a-regular-file"))),
            Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e).git(),
        }
    }

    /// A case as committed in HEAD, checked against the schema.
    pub fn case(&self, id: &CaseId) -> Result<Case> {
        let path = id.path();
        let bytes = self
            .read_head_capped(&path, &|size| case_size_ok(&path, size))?
            .ok_or_else(|| Error::CaseNotFound(id.to_string()))?;
        let case = parse_case_bytes(&bytes, &path)?;
        dispute_core::schema::check_case(&case, &path)?;
        Ok(case)
    }

    /// The blobs of every case file in HEAD (optionally of one year), sorted by path.
    pub(crate) fn case_blobs(&self, year: Option<i32>) -> Result<Vec<(String, Oid)>> {
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
            if let Err(error) = blob_size_ok(&odb, oid, &path) {
                bad.push(BadCase { path, error });
                continue;
            }
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
        crate::timings::mark("case files listed from HEAD");
        let cache_path = self.repo.path().join(SUMMARY_CACHE);
        let cache_file = read_summaries(&cache_path);
        let mut cache = Summaries::decode(cache_file.as_deref().unwrap_or_default());
        crate::timings::mark("summary cache loaded");
        let misses: Vec<&(String, Oid)> = blobs
            .iter()
            .filter(|(path, oid)| !cache.has(path, oid))
            .collect();
        let git_dir = self.repo.path().to_path_buf();
        type Parsed = (Oid, String, Result<CaseSummary, BadCase>);
        let parse = |chunk: &[&(String, Oid)]| -> Result<Vec<Parsed>> {
            let repo = Repository::open(&git_dir).git()?;
            let odb = repo.odb().git()?;
            let mut out = Vec::with_capacity(chunk.len());
            for (path, oid) in chunk {
                if let Err(error) = blob_size_ok(&odb, *oid, path) {
                    let bad = BadCase {
                        path: path.clone(),
                        error,
                    };
                    out.push((*oid, path.clone(), Err(bad)));
                    continue;
                }
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
            all.extend(rb.map_err(|_| Error::Internal(t!("store-parser-thread-died")))??);
            all
        };
        crate::timings::mark("changed case files parsed");
        let mut bad = vec![];
        let fresh = !parsed.is_empty();
        for (oid, path, summary) in parsed {
            match summary {
                Ok(s) => cache.add(oid, path, s),
                Err(b) => bad.push(b),
            }
        }
        if fresh {
            // Only the blobs of HEAD stay; a listing of one year keeps the other years'.
            let current: Option<std::collections::HashSet<&Oid>> = year
                .is_none()
                .then(|| blobs.iter().map(|(_, o)| o).collect());
            // A cache that cannot be written only costs time on the next read.
            let _ = cache.save(&cache_path, |oid| {
                current.as_ref().is_none_or(|c| c.contains(oid))
            });
        }
        let mut summaries = Vec::with_capacity(blobs.len());
        for (path, oid) in &blobs {
            if let Some(s) = cache.take(path, oid) {
                summaries.push(s);
            }
        }
        bad.sort_by(|a, b| a.path.cmp(&b.path));
        crate::timings::mark("summary cache saved, summaries collected");
        Ok((summaries, bad))
    }

    /// The next free sequence number of a department in a year: one past the highest ever
    /// used in HEAD's history (see `seq`), so a number is never handed out twice.
    pub fn next_seq(&self, dept: &str, year: i32) -> Result<u32> {
        Ok(self.highest_seq_ever(dept, year)? + 1)
    }

    /// Whether a case file exists in HEAD.
    pub fn case_exists(&self, id: &CaseId) -> Result<bool> {
        Ok(self.read_head(&id.path())?.is_some())
    }
}

/// The next free sequence number of a department in a year, in `tree`.
pub(crate) fn next_seq_in(repo: &Repository, tree: &Tree, dept: &str, year: i32) -> Result<u32> {
    let dir = format!("{CASES_DIR}/{year}/{}", dept.to_ascii_uppercase());
    let dept_tree = match tree.get_path(Path::new(&dir)) {
        Ok(e) if e.kind() == Some(ObjectType::Tree) => repo.find_tree(e.id()).git()?,
        _ => return Ok(1),
    };
    Ok(crate::seq::max_seq_in(repo, &dept_tree, dept, year)? + 1)
}

/// A case file over the size limit is refused before it is read.
fn case_size_ok(path: &str, size: u64) -> Result<()> {
    if size > dispute_core::case::MAX_CASE_FILE_BYTES as u64 {
        return Err(dispute_core::case::too_large(path, size));
    }
    Ok(())
}

/// [`case_size_ok`] from the object database's header, without reading the blob.
pub(crate) fn blob_size_ok(odb: &git2::Odb, oid: Oid, path: &str) -> Result<()> {
    let (size, _) = odb.read_header(oid).git()?;
    case_size_ok(path, size as u64)
}

pub(crate) fn parse_case_bytes(bytes: &[u8], path: &str) -> Result<Case> {
    let text = std::str::from_utf8(bytes).map_err(|_| Error::CaseFileInvalid {
        path: path.to_string(),
        reason: t!("store-not-utf8"),
    })?;
    Case::from_toml(text, path)
}

pub(crate) fn collect_blobs(tree: &Tree, prefix: &str, out: &mut Vec<(String, Oid)>) -> Result<()> {
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
