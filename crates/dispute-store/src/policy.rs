//! Policy consultations of the leading group in `policy/<YEAR>/`: read from HEAD, the next
//! free number of a year, and the writer's `put_policy`.

use dispute_core::policy::{POLICY_DIR, PolicyConsultation, PolicyId};

use crate::prelude::*;
use crate::write::Writer;

impl Store {
    /// Every policy consultation in HEAD, oldest number first, and the files that could not
    /// be read (named, not fatal).
    pub fn policies(&self) -> Result<(Vec<PolicyConsultation>, Vec<BadCase>)> {
        let mut out = vec![];
        let mut bad = vec![];
        let Some(tree) = self.head_tree()? else {
            return Ok((out, bad));
        };
        let dir = match tree.get_name(POLICY_DIR) {
            Some(e) if e.kind() == Some(ObjectType::Tree) => self.repo.find_tree(e.id()).git()?,
            _ => return Ok((out, bad)),
        };
        let mut blobs = vec![];
        collect_blobs(&dir, &format!("{POLICY_DIR}/"), &mut blobs)?;
        let odb = self.repo.odb().git()?;
        for (path, oid) in blobs {
            let obj = odb.read(oid).git()?;
            let parsed = std::str::from_utf8(obj.data())
                .map_err(|_| Error::CaseFileInvalid {
                    path: path.clone(),
                    reason: t!("store-not-utf8"),
                })
                .and_then(|text| PolicyConsultation::from_toml(text, &path));
            match parsed {
                Ok(p) => out.push(p),
                Err(error) => bad.push(BadCase { path, error }),
            }
        }
        out.sort_by_cached_key(|p| PolicyId::parse(&p.id).ok());
        Ok((out, bad))
    }

    /// The next free number of a year's policy consultations.
    pub fn next_policy_seq(&self, year: i32) -> Result<u32> {
        let Some(tree) = self.head_tree()? else {
            return Ok(1);
        };
        let dir = match tree.get_path(Path::new(&PolicyId::dir(year))) {
            Ok(e) if e.kind() == Some(ObjectType::Tree) => self.repo.find_tree(e.id()).git()?,
            _ => return Ok(1),
        };
        let max = dir
            .iter()
            .filter_map(|e| {
                let id = PolicyId::parse(e.name().ok()?.strip_suffix(".toml")?).ok()?;
                (id.year == year).then_some(id.seq)
            })
            .max()
            .unwrap_or(0);
        Ok(max + 1)
    }

    /// A file at `path` in the working tree that HEAD does not have: someone's uncommitted
    /// work, which a write there must not overwrite.
    pub fn untracked_file_at(&self, path: &str) -> Result<bool> {
        Ok(self.root.join(path).exists() && self.read_head(path)?.is_none())
    }
}

impl Writer<'_> {
    /// Put a policy consultation: serialised here, and the exact text parsed back and
    /// checked against its schema.
    pub fn put_policy(&mut self, p: &PolicyConsultation) -> Result<()> {
        let path = PolicyId::parse(&p.id)?.path();
        let text = p.to_toml();
        PolicyConsultation::from_toml(&text, &path)?;
        self.put(path, text)
    }
}
