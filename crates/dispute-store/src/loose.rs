//! A commit's few objects (its blobs, the trees on the changed paths, the commit) written
//! as loose objects here rather than by libgit2. libgit2 first tries to "freshen" every
//! object it writes: it touches the loose file (which a new object does not have yet) and,
//! finding no pack that holds it, rescans the pack directory, five system calls before the
//! object is written at all. Here an object is hashed, deflated, written to a temporary
//! file beside its final name and renamed into place: a write that dies part-way leaves
//! only a `tmp_obj_` file, which `git gc` clears.
//!
//! The formats are git's (`Documentation/gitformat-loose.txt`, tree and commit objects
//! as `git cat-file` shows them); the tests check the ids against libgit2's.

use std::sync::atomic::{AtomicU32, Ordering};

use flate2::Compression;
use flate2::write::ZlibEncoder;
use sha1::{Digest, Sha1};

use crate::prelude::*;

/// Write one object; returns its id. An object already stored is written again all the
/// same: the rename gives it a new time, so a `git gc` pruning beside this write keeps it
/// (git touches such an object for the same reason).
pub(crate) fn write(git_dir: &Path, kind: ObjectType, body: &[u8]) -> Result<Oid> {
    let header = object_header(kind, body);
    let id = hash(&header, body)?;
    let hex = id.to_string();
    let dir = git_dir.join("objects").join(&hex[..2]);
    let path = dir.join(&hex[2..]);
    // git's loose objects are deflated for speed (`core.looseCompression` is 1).
    let mut z = ZlibEncoder::new(Vec::with_capacity(body.len() / 2 + 64), Compression::fast());
    z.write_all(header.as_bytes())?;
    z.write_all(body)?;
    let deflated = z.finish()?;
    static SERIAL: AtomicU32 = AtomicU32::new(0);
    let temp = dir.join(format!(
        "tmp_obj_dispute_{}_{}",
        std::process::id(),
        SERIAL.fetch_add(1, Ordering::Relaxed)
    ));
    let create = || {
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o444)
            .open(&temp)
    };
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = match create() {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            fs::create_dir_all(&dir)?;
            create()?
        }
        Err(e) => return Err(e.into()),
    };
    let written = file.write_all(&deflated).and_then(|()| {
        drop(file);
        fs::rename(&temp, &path)
    });
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(e.into());
    }
    Ok(id)
}

/// What git hashes and stores before an object's body: its type and size.
fn object_header(kind: ObjectType, body: &[u8]) -> String {
    format!("{} {}\0", kind.str(), body.len())
}

/// The id git gives the object of type `kind` with `body`, hashed with the `sha1` crate
/// (libgit2's `Oid::hash_object` uses its collision-detecting SHA-1, which is slower
/// over an import's blobs).
pub(crate) fn object_id(kind: ObjectType, body: &[u8]) -> Result<Oid> {
    hash(&object_header(kind, body), body)
}

/// The SHA-1 of an object's header and body: its id.
fn hash(header: &str, body: &[u8]) -> Result<Oid> {
    let mut sha = Sha1::new();
    sha.update(header.as_bytes());
    sha.update(body);
    Oid::from_bytes(&sha.finalize()).git()
}

/// A tree entry: its name, mode (as git writes it, in octal) and object.
pub(crate) struct TreeEntry {
    pub(crate) name: Vec<u8>,
    pub(crate) mode: i32,
    pub(crate) id: Oid,
}

/// The tree `base` (or an empty one) with `changes` put in: each replaces the entry of the
/// same name or is added. Sorted as git sorts a tree (a directory as if its name ended in
/// `/`) and serialised.
pub(crate) fn tree_body(base: Option<&Tree>, changes: Vec<TreeEntry>) -> Vec<u8> {
    let mut entries: Vec<TreeEntry> = base
        .map(|t| {
            t.iter()
                .map(|e| TreeEntry {
                    name: e.name_bytes().to_vec(),
                    mode: e.filemode_raw(),
                    id: e.id(),
                })
                .collect()
        })
        .unwrap_or_default();
    let mut at: HashMap<Vec<u8>, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.name.clone(), i))
        .collect();
    for change in changes {
        match at.get(&change.name) {
            Some(&i) => entries[i] = change,
            None => {
                at.insert(change.name.clone(), entries.len());
                entries.push(change);
            }
        }
    }
    entries.sort_by(|a, b| sort_key(a).cmp(sort_key(b)));
    let mut body = Vec::with_capacity(entries.len() * 48);
    for e in &entries {
        body.extend_from_slice(format!("{:o} ", e.mode).as_bytes());
        body.extend_from_slice(&e.name);
        body.push(0);
        body.extend_from_slice(e.id.as_bytes());
    }
    body
}

/// git's tree order: names compared bytewise, a directory as if followed by `/`.
fn sort_key(e: &TreeEntry) -> impl Iterator<Item = &u8> + '_ {
    let dir: &[u8] = if e.mode == i32::from(FileMode::Tree) {
        b"/"
    } else {
        b""
    };
    e.name.iter().chain(dir)
}

/// A commit's text with its signature put in as the header `field`, as libgit2's
/// `git_commit_create_with_signature` puts it (the same bytes, so the same id): after the
/// last header line, each further line of the signature indented by one space.
pub(crate) fn signed_commit_body(content: &str, field: &str, signature: &str) -> Result<String> {
    let Some(end) = content.find("\n\n") else {
        return Err(Error::Internal("commit buffer has no message".into()));
    };
    let mut out = String::with_capacity(content.len() + signature.len() + 64);
    out.push_str(&content[..=end]);
    out.push_str(field);
    out.push(' ');
    out.push_str(&signature.replace('\n', "\n "));
    out.push('\n');
    out.push_str(&content[end + 1..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo() -> (tempfile::TempDir, Repository) {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        (dir, repo)
    }

    #[test]
    fn a_blob_has_libgit2s_id_and_git_reads_it() {
        let (dir, repo) = repo();
        for body in [&b""[..], b"x", "案件 ".repeat(5000).as_bytes()] {
            let id = write(repo.path(), ObjectType::Blob, body).unwrap();
            assert_eq!(id, Oid::hash_object(ObjectType::Blob, body).unwrap());
            assert_eq!(repo.find_blob(id).unwrap().content(), body);
        }
        // Written again: the same id, nothing left beside it.
        let id = write(repo.path(), ObjectType::Blob, b"x").unwrap();
        let hex = id.to_string();
        let files: Vec<_> = fs::read_dir(repo.path().join("objects").join(&hex[..2]))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(files, [std::ffi::OsString::from(&hex[2..])]);
        let fsck = std::process::Command::new("git")
            .args(["fsck", "--strict", "--unreachable"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(fsck.status.success(), "{fsck:?}");
    }

    #[test]
    fn a_tree_is_sorted_and_serialised_as_libgit2_does() {
        let (_dir, repo) = repo();
        let blob = |t: &str| repo.blob(t.as_bytes()).unwrap();
        let mut sub = repo.treebuilder(None).unwrap();
        sub.insert("f", blob("f"), 0o100644).unwrap();
        let sub = sub.write().unwrap();
        // Names where git's order differs from plain byte order: "a.b" sorts before the
        // directory "a" (as "a/") but after a file "a".
        let mut base = repo.treebuilder(None).unwrap();
        base.insert("a", sub, 0o040000).unwrap();
        base.insert("a.b", blob("1"), 0o100644).unwrap();
        base.insert("run", blob("#!"), 0o100755).unwrap();
        base.insert("z", blob("z"), 0o100644).unwrap();
        let base = repo.find_tree(base.write().unwrap()).unwrap();
        let changes = || {
            vec![
                TreeEntry {
                    name: b"z".to_vec(),
                    mode: 0o100644,
                    id: blob("new z"),
                },
                TreeEntry {
                    name: b"a-".to_vec(),
                    mode: 0o040000,
                    id: sub,
                },
                TreeEntry {
                    name: "案".as_bytes().to_vec(),
                    mode: 0o100644,
                    id: blob("c"),
                },
            ]
        };
        let ours = write(
            repo.path(),
            ObjectType::Tree,
            &tree_body(Some(&base), changes()),
        )
        .unwrap();
        let mut theirs = repo.treebuilder(Some(&base)).unwrap();
        for c in changes() {
            theirs
                .insert(std::str::from_utf8(&c.name).unwrap(), c.id, c.mode)
                .unwrap();
        }
        assert_eq!(ours, theirs.write().unwrap());
        let empty = write(repo.path(), ObjectType::Tree, &tree_body(None, vec![])).unwrap();
        assert_eq!(empty, repo.treebuilder(None).unwrap().write().unwrap());
    }

    #[test]
    fn a_signed_commit_is_the_commit_libgit2_writes() {
        let (_dir, repo) = repo();
        let tree = repo
            .find_tree(repo.treebuilder(None).unwrap().write().unwrap())
            .unwrap();
        let sig =
            Signature::new("甲", "a@example.org", &git2::Time::new(1_700_000_000, 480)).unwrap();
        let buffer = repo
            .commit_create_buffer(&sig, &sig, "subject\n\nbody\n", &tree, &[])
            .unwrap();
        let content = std::str::from_utf8(&buffer).unwrap();
        for signature in [
            "-----BEGIN SSH SIGNATURE-----\nAAAA\nBBBB\n-----END SSH SIGNATURE-----\n",
            "-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----",
        ] {
            let body = signed_commit_body(content, SIGNATURE_HEADER, signature).unwrap();
            let ours = write(repo.path(), ObjectType::Commit, body.as_bytes()).unwrap();
            let theirs = repo
                .commit_signed(content, signature, Some(SIGNATURE_HEADER))
                .unwrap();
            assert_eq!(ours, theirs);
            let (read_back, _) = repo.extract_signature(&ours, None).unwrap();
            assert_eq!(read_back.as_str().unwrap(), signature);
        }
        assert!(signed_commit_body("tree x", "gpgsig", "s").is_err());
    }
}
