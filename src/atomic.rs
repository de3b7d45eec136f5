//! Writing a file whole or not at all, without surprising its owner: the bytes go to a
//! temporary file beside the target, flushed, then renamed over it.
//!
//! - A replaced file keeps its permission bits, and its group where the user may set it; a
//!   new file gets the usual 0666 less the umask.
//! - A read-only target is refused, never replaced.
//! - A symbolic link is written through: its target is replaced, atomically, and the link
//!   stays a link.
//! - Temporary files are named `.NAME.briefing-PID-RANDOM.tmp`, removed on every failure
//!   path, and those a killed process left behind are removed the next time that folder is
//!   written.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How many links are followed before a chain of symbolic links is called a loop.
const MAX_LINKS: usize = 40;

/// A temporary file whose process is gone is stale at once; one whose process cannot be
/// checked is stale after this long.
const STALE_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// The marker in every temporary file's name.
const TAG: &str = ".briefing-";

/// Writes `bytes` to `path` whole or not at all; see the module documentation.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = resolve_links(path)?;
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(meta) = &existing {
        refuse_unless_replaceable(meta)?;
    }
    remove_stale(&dir);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}{TAG}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(new_file_permissions());
    let mut tmp = builder.tempfile_in(&dir)?;
    if let Some(meta) = &existing {
        keep_owner_and_mode(tmp.as_file(), meta);
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // On failure the temporary file is dropped, which removes it.
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// The file a path names once every symbolic link on it is followed; the path itself when
/// it is not a link. A dangling link resolves to the file it would create.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row; is there a loop?"
    )))
}

/// Refuses what must not be replaced by a rename: folders, devices and read-only files.
fn refuse_unless_replaceable(meta: &fs::Metadata) -> io::Result<()> {
    if meta.is_dir() {
        return Err(io::Error::other("it is a folder"));
    }
    if !meta.is_file() {
        return Err(io::Error::other(
            "it is not a regular file (a device, pipe or socket)",
        ));
    }
    if meta.permissions().readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only; make it writable or choose another name",
        ));
    }
    Ok(())
}

#[cfg(unix)]
fn new_file_permissions() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    // The operating system takes the umask off, as for any new file.
    fs::Permissions::from_mode(0o666)
}

/// The new file takes the old one's mode, and its group and owner where the user may set
/// them; what cannot be set is left as the system made it.
#[cfg(unix)]
fn keep_owner_and_mode(file: &fs::File, old: &fs::Metadata) {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()))
        .or_else(|_| std::os::unix::fs::fchown(file, None, Some(old.gid())));
    let _ = file.set_permissions(fs::Permissions::from_mode(old.mode() & 0o7777));
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &fs::File, old: &fs::Metadata) {
    let _ = file.set_permissions(old.permissions());
}

/// Makes the rename itself durable; a folder that cannot be synced is no reason to fail.
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Removes temporary files that killed processes left in `dir`. Only files whose names
/// carry this program's marker are touched.
fn remove_stale(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = temp_pid(&name) else { continue };
        let old = entry
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if pid != std::process::id() && (old || process_gone(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file's name, `.NAME.briefing-PID-RANDOM.tmp`.
fn temp_pid(name: &str) -> Option<u32> {
    if !name.starts_with('.') || !name.ends_with(".tmp") {
        return None;
    }
    let rest = &name[name.rfind(TAG)? + TAG.len()..];
    rest.split('-').next()?.parse().ok()
}

/// True when no process has this id. Where that cannot be told, false: only age removes.
fn process_gone(pid: u32) -> bool {
    let proc = Path::new("/proc");
    proc.join("self").exists() && !proc.join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    use std::os::unix::fs::PermissionsExt;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_file_is_written_whole_and_nothing_else_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.brief.yaml");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(names(dir.path()), ["a.brief.yaml"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("team.brief.yaml");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o664)).unwrap();
        write_atomic(&path, b"new").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o664);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_not_private_to_the_owner() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.pdf");
        write_atomic(&path, b"%PDF").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        // 0666 less whatever umask the test runs under; never tempfile's 0600.
        assert_ne!(mode, 0o600, "{mode:o}");
        assert_eq!(mode & 0o600, 0o600, "{mode:o}");
    }

    #[test]
    fn a_read_only_file_is_refused_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("locked.pdf");
        fs::write(&path, "keep me").unwrap();
        let mut perms = fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        fs::set_permissions(&path, perms).unwrap();
        let err = write_atomic(&path, b"new").unwrap_err();
        assert!(err.to_string().contains("read-only"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"keep me");
        assert_eq!(names(dir.path()), ["locked.pdf"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("shared");
        fs::create_dir(&shared).unwrap();
        let real = shared.join("real.pdf");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.pdf");
        std::os::unix::fs::symlink("shared/real.pdf", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
        assert_eq!(names(&shared), ["real.pdf"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_loop_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::os::unix::fs::symlink("b", &a).unwrap();
        std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
        assert!(write_atomic(&a, b"x").is_err());
    }

    #[test]
    fn stale_temporary_files_are_removed_and_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        // A pid no process has: above the kernel's limit.
        let stale = ".a.pdf.briefing-4194305-XyZ.tmp";
        let mine = format!(".a.pdf.briefing-{}-AbC.tmp", std::process::id());
        let foreign = ".a.pdf.other-1.tmp";
        for name in [stale, mine.as_str(), foreign] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        write_atomic(&dir.path().join("a.pdf"), b"%PDF").unwrap();
        let left = names(dir.path());
        assert!(!left.contains(&stale.to_owned()), "{left:?}");
        assert!(left.contains(&mine), "{left:?}");
        assert!(left.contains(&foreign.to_owned()), "{left:?}");
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub");
        fs::create_dir(&target).unwrap();
        assert!(write_atomic(&target, b"x").is_err());
        assert_eq!(names(dir.path()), ["sub"]);
    }

    #[test]
    fn temp_names_carry_the_pid() {
        assert_eq!(temp_pid(".x.pdf.briefing-123-abc.tmp"), Some(123));
        assert_eq!(temp_pid("x.pdf"), None);
        assert_eq!(temp_pid(".briefing-.tmp"), None);
    }
}
