//! What a file held when it was read or written: its length, modification time and a hash of
//! its bytes. The app keeps one for the brief it has open and one in each crash copy, so it can
//! tell, before writing, whether someone else changed the file since (another window, an
//! editor, a colleague's sync). Pure but for [`Fingerprint::of`], which reads the file; no
//! window, no YAML.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// What a file held at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Its length in bytes.
    pub len: u64,
    /// Its modification time, seconds since 1970 (0 when the system cannot tell).
    pub modified_secs: u64,
    /// The nanoseconds of that second.
    pub modified_nanos: u32,
    /// FNV-1a over its bytes: stable across runs and builds, unlike std's `DefaultHasher`,
    /// since crash copies are read back by a later run, maybe of a newer build.
    pub hash: u64,
}

/// How a file stands against the fingerprint taken when it was read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnDisk {
    /// It holds what it held then.
    Same,
    /// Its content differs: someone else wrote it.
    Changed(Fingerprint),
    /// It is no longer there.
    Missing,
    /// It cannot be read (permissions, not a regular file, too large); the reason.
    Unreadable(String),
}

/// Files larger than this are not fingerprinted: no brief comes near it (see
/// [`crate::store::MAX_FILE_BYTES`]), and a device must not be read without end.
const MAX_BYTES: u64 = crate::store::MAX_FILE_BYTES;

impl Fingerprint {
    /// The fingerprint of `bytes`, modified at `modified`.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Fingerprint {
        let since = modified
            .and_then(|m| m.duration_since(UNIX_EPOCH).ok())
            .unwrap_or_default();
        Fingerprint {
            len: bytes.len() as u64,
            modified_secs: since.as_secs(),
            modified_nanos: since.subsec_nanos(),
            hash: fnv1a(bytes),
        }
    }

    /// Reads the file at `path` and fingerprints it. Only regular files are read (a FIFO
    /// would block for ever), and at most [`crate::store::MAX_FILE_BYTES`] of them.
    pub fn of(path: &Path) -> std::io::Result<Fingerprint> {
        let meta = std::fs::metadata(path)?;
        if !meta.is_file() {
            return Err(std::io::Error::other("not a regular file"));
        }
        let file = std::fs::File::open(path)?;
        let mut bytes = Vec::new();
        file.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > MAX_BYTES {
            return Err(std::io::Error::other("file too large"));
        }
        Ok(Fingerprint::of_bytes(&bytes, meta.modified().ok()))
    }

    /// True when both were taken of the same content. The time is left out on purpose: a file
    /// touched, or copied back unchanged, holds nothing a write would lose.
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.len == other.len && self.hash == other.hash
    }

    /// How the file at `path` stands against this fingerprint now.
    pub fn compare(&self, path: &Path) -> OnDisk {
        match Fingerprint::of(path) {
            Ok(now) if now.same_content(self) => OnDisk::Same,
            Ok(now) => OnDisk::Changed(now),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => OnDisk::Missing,
            Err(e) => OnDisk::Unreadable(e.to_string()),
        }
    }
}

/// 64-bit FNV-1a: small, fast enough for a brief, and the same in every build.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(PRIME)
    })
}

/// The absolute, canonical form of `path`, so a file is named the same whatever folder the
/// app started in: symbolic links and `..` resolved when the file exists, else made absolute
/// against the current folder, else left as it is.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_owned())
}

/// True when `a` and `b` name the same file, by their canonical paths.
pub fn same_file(a: &Path, b: &Path) -> bool {
    canonical(a) == canonical(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_published_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn same_bytes_same_content_whatever_the_time() {
        let a = Fingerprint::of_bytes(b"title: A\n", Some(UNIX_EPOCH));
        let b = Fingerprint::of_bytes(b"title: A\n", Some(SystemTime::now()));
        assert!(a.same_content(&b));
        assert_ne!(a, b, "the time is kept");
        let c = Fingerprint::of_bytes(b"title: B\n", Some(UNIX_EPOCH));
        assert!(!a.same_content(&c), "one byte differs, same length");
    }

    #[test]
    fn a_file_rewritten_by_someone_else_is_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.brief.yaml");
        std::fs::write(&path, "title: A\n").unwrap();
        let taken = Fingerprint::of(&path).unwrap();
        assert_eq!(taken.len, 9);
        assert_eq!(taken.compare(&path), OnDisk::Same);
        std::fs::write(&path, "title: B\n").unwrap();
        assert!(matches!(taken.compare(&path), OnDisk::Changed(_)));
        std::fs::write(&path, "title: A\n").unwrap();
        assert_eq!(taken.compare(&path), OnDisk::Same, "back as it was");
        std::fs::remove_file(&path).unwrap();
        assert_eq!(taken.compare(&path), OnDisk::Missing);
    }

    #[test]
    fn a_folder_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Fingerprint::of(dir.path()).is_err());
        let taken = Fingerprint::of_bytes(b"", None);
        assert!(matches!(taken.compare(dir.path()), OnDisk::Unreadable(_)));
    }

    #[test]
    fn canonical_paths_are_absolute_even_for_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("a.brief.yaml");
        std::fs::write(&real, "x").unwrap();
        let dotted = dir.path().join("sub").join("..").join("a.brief.yaml");
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        assert_eq!(canonical(&dotted), canonical(&real));
        assert!(same_file(&dotted, &real));
        let gone = canonical(Path::new("no-such-file.brief.yaml"));
        assert!(gone.is_absolute(), "{}", gone.display());
        assert!(!same_file(
            &dir.path().join("a.brief.yaml"),
            Path::new("a.brief.yaml")
        ));
    }
}
