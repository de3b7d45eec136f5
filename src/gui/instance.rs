//! Which window keeps which crash copy, and whether that window still runs.
//!
//! Each window names itself `recovery-<pid>-<start ms>-<n>` and holds an exclusive advisory
//! lock on `<name>.lock` in the state folder for as long as it runs. The operating system drops
//! the lock when the process ends, however it ends (`kill -9`, a power cut's reboot), so a lock
//! that can be taken belongs to a window that has ended. This uses std's own `File::try_lock`
//! (flock on Unix, LockFileEx on Windows) rather than a pid in a file: a pid is reused after a
//! crash and cannot tell two windows of one process apart, and checking `/proc` works on Linux
//! only. Another window that takes such a lock keeps it while it offers that copy, so two
//! windows started together never both offer the same one. No egui here.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The start of every crash copy's and lock's file name.
pub const PREFIX: &str = "recovery";

/// A lock file with no copy beside it and untouched this long belongs to a window that ended
/// with nothing to keep; younger ones may be a window between taking its lock and writing.
const STALE_LOCK: Duration = Duration::from_secs(60);

static STARTED: AtomicU64 = AtomicU64::new(0);

/// This window's name and its lock, held while it runs.
#[derive(Debug)]
pub struct Instance {
    /// `recovery-<pid>-<start ms>-<n>`.
    name: String,
    dir: PathBuf,
    /// Held, locked, until the window ends; dropping it releases the lock.
    lock: Option<File>,
}

impl Instance {
    /// Names this window and takes its lock in `dir`, creating the folder if needed.
    pub fn start(dir: &Path) -> std::io::Result<Instance> {
        std::fs::create_dir_all(dir)?;
        let started = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let n = STARTED.fetch_add(1, Ordering::Relaxed);
        let name = format!("{PREFIX}-{}-{started}-{n}", std::process::id());
        let path = lock_path(dir, &name);
        let file = OpenOptions::new()
            .create(true)
            .truncate(true)
            .write(true)
            .open(&path)?;
        file.try_lock().map_err(|e| match e {
            TryLockError::WouldBlock => std::io::Error::other("lock held by another window"),
            TryLockError::Error(e) => e,
        })?;
        Ok(Instance {
            name,
            dir: dir.to_owned(),
            lock: Some(file),
        })
    }

    /// Where this window keeps its crash copy.
    pub fn copy_path(&self) -> PathBuf {
        copy_path(&self.dir, &self.name)
    }

    /// This window's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Ends this window's claim: removes its lock file, then releases the lock. A copy left
    /// beside it is then offered by the next window that starts.
    pub fn finish(&mut self) {
        if let Some(file) = self.lock.take() {
            let _ = std::fs::remove_file(lock_path(&self.dir, &self.name));
            drop(file);
        }
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.finish();
    }
}

/// A copy left by a window that has ended, claimed by this one while it offers it.
#[derive(Debug)]
pub struct Claim {
    lock: PathBuf,
    _file: File,
}

impl Claim {
    /// The copy is dealt with (restored elsewhere or discarded by the staffer): its lock file
    /// goes too.
    pub fn resolve(self) {
        let _ = std::fs::remove_file(&self.lock);
    }
}

/// Claims the copy named `name` in `dir` if the window that wrote it has ended; `None` while it
/// runs, while another window offers it, or when this cannot be told (never speak for a window
/// that may still run).
pub fn claim(dir: &Path, name: &str) -> Option<Claim> {
    let lock = lock_path(dir, name);
    // A copy without a lock file was left on purpose by a window that closed with unsaved
    // changes, or by an older build: create the lock to claim it.
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock)
        .ok()?;
    file.try_lock().ok()?;
    Some(Claim { lock, _file: file })
}

/// Removes lock files left by windows that ended with nothing to keep.
pub fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(name) = own_name(&path, "lock") else {
            continue;
        };
        if copy_path(dir, &name).exists() {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > STALE_LOCK);
        if old && let Some(claim) = claim(dir, &name) {
            claim.resolve();
        }
    }
}

/// The names of the crash copies in `dir`, oldest first by name's time.
pub fn copies(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| own_name(&e.path(), "yaml"))
        .collect();
    names.sort();
    names
}

/// Where the copy named `name` lives.
pub fn copy_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("{name}.yaml"))
}

fn lock_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("{name}.lock"))
}

/// `recovery-…` from `recovery-….<extension>` (and `recovery` from the single copy of older
/// builds), else `None`.
fn own_name(path: &Path, extension: &str) -> Option<String> {
    if path.extension()?.to_str()? != extension {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    let ours = stem == PREFIX
        || stem
            .strip_prefix(PREFIX)
            .is_some_and(|rest| rest.starts_with('-'));
    ours.then(|| stem.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_running_window_cannot_be_claimed_and_an_ended_one_can() {
        let dir = tempfile::tempdir().unwrap();
        let mut running = Instance::start(dir.path()).unwrap();
        std::fs::write(running.copy_path(), "x").unwrap();
        let name = running.name().to_owned();
        assert_eq!(copies(dir.path()), vec![name.clone()]);
        assert!(claim(dir.path(), &name).is_none(), "it still runs");

        running.finish();
        let first = claim(dir.path(), &name).expect("it has ended");
        assert!(
            claim(dir.path(), &name).is_none(),
            "offered by one window at a time"
        );
        drop(first);
        assert!(claim(dir.path(), &name).is_some(), "kept for later");
    }

    #[test]
    fn a_window_that_dies_releases_its_lock() {
        let dir = tempfile::tempdir().unwrap();
        let mut running = Instance::start(dir.path()).unwrap();
        std::fs::write(running.copy_path(), "x").unwrap();
        let name = running.name().to_owned();
        // A crash: the operating system drops the lock; nobody removes the lock file.
        drop(running.lock.take());
        drop(running);
        assert!(lock_path(dir.path(), &name).exists());
        assert!(claim(dir.path(), &name).is_some());
    }

    #[test]
    fn two_windows_have_their_own_copies() {
        let dir = tempfile::tempdir().unwrap();
        let a = Instance::start(dir.path()).unwrap();
        let b = Instance::start(dir.path()).unwrap();
        assert_ne!(a.copy_path(), b.copy_path());
        assert!(claim(dir.path(), a.name()).is_none());
        assert!(claim(dir.path(), b.name()).is_none());
    }

    #[test]
    fn only_our_files_are_copies() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "recovery.yaml",
            "recovery-1-2-0.yaml",
            "recoveryish.yaml",
            "app.ron",
            "recovery-1-2-0.lock",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        assert_eq!(copies(dir.path()), vec!["recovery", "recovery-1-2-0"]);
    }

    #[test]
    fn a_fresh_lock_without_a_copy_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(lock_path(dir.path(), "recovery-9-9-9"), "").unwrap();
        sweep(dir.path());
        assert!(
            lock_path(dir.path(), "recovery-9-9-9").exists(),
            "too young: maybe a window starting"
        );
    }
}
