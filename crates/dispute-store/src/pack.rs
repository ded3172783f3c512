//! Many blobs at once (an import) as one pack: each blob hashed and deflated on the
//! machine's cores, then written as a pack (git's pack format version 2, whole objects, no
//! deltas) with its index (`.idx` version 2) into `.git/objects/pack`, where git and
//! libgit2 find it. The formats are git's `Documentation/gitformat-pack.txt`; the tests
//! have `git verify-pack` and libgit2 read what is written here.
//!
//! Whole objects: a delta search among thousands of similar case files costs more than
//! the rest of an import, and git's automatic gc packs them with deltas later. Each
//! object's id is known before it is written, so nothing is read back and hashed again
//! (as libgit2's indexer would).

use std::collections::HashSet;
use std::io::BufWriter;

use sha1::{Digest, Sha1};

use crate::prelude::*;

/// Pack object type of a blob (git's `OBJ_BLOB`).
const OBJ_BLOB: u8 = 3;

/// One object as it goes into the pack.
struct Entry {
    id: Oid,
    /// The type-and-size header and the deflated content.
    bytes: Vec<u8>,
    /// CRC-32 of `bytes`, for the index.
    crc: u32,
}

/// Write `contents` as blobs into one new pack; returns each one's id, in order.
pub(crate) fn write_blobs(repo: &Repository, contents: &[&[u8]]) -> Result<Vec<Oid>> {
    let all = dispute_core::cores::map_runs(contents, 2, |part| {
        part.iter().map(|c| blob_entry(c)).collect()
    })?;
    let mut ids = Vec::with_capacity(contents.len());
    let mut seen = HashSet::with_capacity(contents.len());
    let mut entries = vec![];
    for entry in all {
        ids.push(entry.id);
        if seen.insert(entry.id) {
            entries.push(entry);
        }
    }
    let dir = repo.path().join("objects").join("pack");
    fs::create_dir_all(&dir)?;
    let temp = Temp(vec![
        dir.join(format!("tmp_pack_dispute_{}", std::process::id())),
        dir.join(format!("tmp_idx_dispute_{}", std::process::id())),
    ]);
    let (checksum, placed) = write_pack(&temp.0[0], &entries)?;
    fs::write(&temp.0[1], index_file(placed, &checksum))?;
    let name = hex(&checksum);
    // The pack first, its index last: git and libgit2 find a pack by its index.
    for (from, ext) in temp.0.iter().zip(["pack", "idx"]) {
        fs::set_permissions(from, std::os::unix::fs::PermissionsExt::from_mode(0o444))?;
        fs::rename(from, dir.join(format!("pack-{name}.{ext}")))?;
    }
    repo.odb().git()?.refresh().git()?;
    Ok(ids)
}

/// Temporary files removed when dropped (a no-op once they are renamed into place).
struct Temp(Vec<PathBuf>);

impl Drop for Temp {
    fn drop(&mut self) {
        for path in &self.0 {
            let _ = fs::remove_file(path);
        }
    }
}

/// An object's id, the CRC-32 of its entry and the entry's offset in the pack.
type Placed = (Oid, u32, u64);

/// Write the pack of `entries` to `path`: its checksum, and where each object went.
fn write_pack(path: &Path, entries: &[Entry]) -> Result<([u8; 20], Vec<Placed>)> {
    let count = u32::try_from(entries.len())
        .map_err(|_| Error::Internal("too many objects for one pack".into()))?;
    let mut file = BufWriter::with_capacity(1 << 20, File::create(path)?);
    let mut sha = Sha1::new();
    let mut put = |bytes: &[u8]| -> std::io::Result<()> {
        sha.update(bytes);
        file.write_all(bytes)
    };
    let mut header = b"PACK".to_vec();
    header.extend_from_slice(&2u32.to_be_bytes());
    header.extend_from_slice(&count.to_be_bytes());
    put(&header)?;
    let mut offset = header.len() as u64;
    let mut placed = Vec::with_capacity(entries.len());
    for e in entries {
        put(&e.bytes)?;
        placed.push((e.id, e.crc, offset));
        offset += e.bytes.len() as u64;
    }
    let checksum: [u8; 20] = sha.finalize().into();
    file.write_all(&checksum)?;
    file.into_inner().map_err(|e| e.into_error())?;
    Ok((checksum, placed))
}

/// The pack index (version 2) of the objects `placed` in the pack whose checksum is `pack`.
fn index_file(mut placed: Vec<Placed>, pack: &[u8; 20]) -> Vec<u8> {
    placed.sort_by_key(|(id, _, _)| *id);
    let mut out = vec![0xff, b't', b'O', b'c', 0, 0, 0, 2];
    let mut below = 0u32;
    for first in 0..=255u8 {
        below += placed
            .iter()
            .skip(below as usize)
            .take_while(|(id, _, _)| id.as_bytes()[0] == first)
            .count() as u32;
        out.extend_from_slice(&below.to_be_bytes());
    }
    for (id, _, _) in &placed {
        out.extend_from_slice(id.as_bytes());
    }
    for (_, crc, _) in &placed {
        out.extend_from_slice(&crc.to_be_bytes());
    }
    // Offsets from 2 GiB on go into a table of eight-byte offsets; the four-byte entry
    // holds the table's position with the high bit set.
    let mut large = vec![];
    for (_, _, offset) in &placed {
        let small = match u32::try_from(*offset) {
            Ok(o) if o < 0x8000_0000 => o,
            _ => {
                large.push(*offset);
                0x8000_0000 | (large.len() as u32 - 1)
            }
        };
        out.extend_from_slice(&small.to_be_bytes());
    }
    for offset in large {
        out.extend_from_slice(&offset.to_be_bytes());
    }
    out.extend_from_slice(pack);
    let own: [u8; 20] = Sha1::digest(&out).into();
    out.extend_from_slice(&own);
    out
}

/// A blob's id and its pack entry.
fn blob_entry(content: &[u8]) -> Result<Entry> {
    let id = crate::loose::object_id(ObjectType::Blob, content)?;
    let mut out = Vec::with_capacity(content.len() / 2 + 16);
    out.extend_from_slice(&entry_header(OBJ_BLOB, content.len()));
    let mut z = flate2::write::ZlibEncoder::new(out, flate2::Compression::fast());
    z.write_all(content)?;
    let bytes = z.finish()?;
    let crc = crc32fast::hash(&bytes);
    Ok(Entry { id, bytes, crc })
}

/// A pack entry's header: type in bits 4–6 of the first byte with the size's low four
/// bits, then the rest of the size seven bits a byte, the high bit saying more follow.
fn entry_header(kind: u8, size: usize) -> Vec<u8> {
    let mut out = vec![];
    let mut byte = (kind << 4) | (size & 0x0f) as u8;
    let mut rest = size >> 4;
    while rest > 0 {
        out.push(byte | 0x80);
        byte = (rest & 0x7f) as u8;
        rest >>= 7;
    }
    out.push(byte);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_headers_follow_git_pack_format() {
        // type 3, size 5: one byte 0b0_011_0101
        assert_eq!(entry_header(3, 5), vec![0x35]);
        // size 15 still fits in four bits
        assert_eq!(entry_header(3, 15), vec![0x3f]);
        // size 16: low bits 0 with continuation, then 1
        assert_eq!(entry_header(3, 16), vec![0xb0, 0x01]);
        // size 3000 = 0xbb8: low nibble 8, then 0xbb8 >> 4 = 187 = 0x3b + 0x80·1
        assert_eq!(entry_header(3, 3000), vec![0xb8, 0xbb, 0x01]);
    }

    #[test]
    fn blobs_written_as_a_pack_read_back_as_git_hashes_them() {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = Repository::init(dir.path()).expect("init");
        let big: Vec<u8> = (0..100_000u32).flat_map(|i| i.to_le_bytes()).collect();
        let contents: Vec<&[u8]> = vec![b"one\n", b"", &big, b"one\n", "案件".as_bytes()];
        let ids = write_blobs(&repo, &contents).expect("packed");
        assert_eq!(ids.len(), contents.len());
        assert_eq!(ids[0], ids[3], "same content, same blob");
        for (id, content) in ids.iter().zip(&contents) {
            let expected = Oid::hash_object(ObjectType::Blob, content).expect("hash");
            assert_eq!(*id, expected);
            let blob = repo.find_blob(*id).expect("in the pack");
            assert_eq!(blob.content(), *content);
        }
        let pack_dir = dir.path().join(".git/objects/pack");
        let names: Vec<String> = fs::read_dir(&pack_dir)
            .expect("pack dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names.len(),
            2,
            "a pack and its index, no temporary file: {names:?}"
        );
        let idx = names
            .iter()
            .find(|n| n.ends_with(".idx"))
            .expect("an index");
        let loose = fs::read_dir(dir.path().join(".git/objects"))
            .expect("objects")
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().len() == 2)
            .count();
        assert_eq!(loose, 0, "no loose objects");
        // git itself checks the pack against its index: every object's CRC, offset and id,
        // and both checksums.
        let verified = std::process::Command::new("git")
            .args(["verify-pack", "-v"])
            .arg(pack_dir.join(idx))
            .output();
        if let Ok(out) = verified {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success(),
                "{text}{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(text.matches(" blob ").count(), 4, "{text}");
        }
    }

    #[test]
    fn offsets_from_two_gib_on_go_into_the_large_offset_table() {
        let id = |b: u8| Oid::from_bytes(&[b; 20]).expect("id");
        let placed = vec![(id(2), 7, 0x8000_0000u64 + 5), (id(1), 9, 12)];
        let idx = index_file(placed, &[0xaa; 20]);
        let word = |at: usize| u32::from_be_bytes(idx[at..at + 4].try_into().expect("4"));
        assert_eq!(&idx[..8], &[0xff, b't', b'O', b'c', 0, 0, 0, 2]);
        let fanout = 8;
        assert_eq!(word(fanout), 0, "nothing starts with 00");
        assert_eq!(word(fanout + 4), 1, "one object up to 01");
        assert_eq!(word(fanout + 4 * 255), 2, "two objects in all");
        let ids = fanout + 256 * 4;
        assert_eq!(&idx[ids..ids + 20], &[1; 20], "sorted by id");
        let crcs = ids + 40;
        assert_eq!((word(crcs), word(crcs + 4)), (9, 7));
        let offsets = crcs + 8;
        assert_eq!(word(offsets), 12);
        assert_eq!(word(offsets + 4), 0x8000_0000, "the first large offset");
        let large = offsets + 8;
        assert_eq!(
            u64::from_be_bytes(idx[large..large + 8].try_into().expect("8")),
            0x8000_0005
        );
        assert_eq!(
            &idx[large + 8..large + 28],
            &[0xaa; 20],
            "the pack's checksum"
        );
        let own: [u8; 20] = Sha1::digest(&idx[..large + 28]).into();
        assert_eq!(&idx[large + 28..], &own, "the index's own checksum");
    }
}
