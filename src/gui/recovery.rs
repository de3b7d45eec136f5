//! Crash recovery. While the brief has unsaved changes, each window keeps a copy of its own in
//! the app's state folder, rewritten within a moment of each edit by a thread of its own so
//! typing never waits on the disk. A clean save removes it; closing the window with unsaved
//! changes leaves it. The next window to start offers the copies of windows that have ended
//! ([`super::instance`] tells which), never one of a window still open, and removes one only
//! once its edits are safe in that window or the staffer discarded them.
//!
//! A copy names its brief by absolute, canonical path, with a fingerprint of the file as it
//! was when the edits began, so a restore never lands on a same-named file in another folder,
//! nor silently over a file changed since.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::instance::{self, Claim, Instance};
use crate::fingerprint::{self, Fingerprint};
use crate::model::Brief;
use crate::store::{self, StoreError};

/// A brief with unsaved changes, as kept for recovery.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The file the brief belongs to, absolute and canonical; `None` for one never saved.
    /// Copies from older builds may hold a relative path, which names no file for certain.
    #[serde(default)]
    pub path: Option<PathBuf>,
    /// The file as it was when these edits began (opened or last saved); `None` in copies
    /// from older builds.
    #[serde(default)]
    pub fingerprint: Option<Fingerprint>,
    /// When the copy was taken, seconds since 1970.
    pub taken_at: u64,
    /// The brief, with its unsaved changes.
    pub brief: Brief,
    /// Its dossier, when that has unsaved changes too (made in the dossier editor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dossier: Option<crate::model::Dossier>,
}

impl Recovery {
    /// The same copy, keeping the dossier's unsaved changes too, if it has any.
    pub fn with_dossier(mut self, dossier: Option<&crate::model::Dossier>) -> Recovery {
        self.dossier = dossier.cloned();
        self
    }

    /// A copy of `brief` taken now, of edits begun on `path` when it held `fingerprint`.
    pub fn now(path: Option<&Path>, fingerprint: Option<Fingerprint>, brief: &Brief) -> Recovery {
        let taken_at = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Recovery {
            path: path.map(fingerprint::canonical),
            fingerprint,
            taken_at,
            brief: brief.clone(),
            dossier: None,
        }
    }

    /// The brief's file, if the copy names it for certain (by an absolute path).
    pub fn file(&self) -> Option<&Path> {
        self.path.as_deref().filter(|p| p.is_absolute())
    }
}

/// Where crash copies live by default: beside eframe's own state.
pub fn default_dir() -> Option<PathBuf> {
    eframe::storage_dir("briefing")
}

/// A copy left by a window that has ended, claimed by this one while it is offered.
#[derive(Debug)]
pub struct Orphan {
    /// The copy's file.
    pub copy: PathBuf,
    /// What it holds.
    pub recovery: Recovery,
    claim: Claim,
}

impl Orphan {
    /// The staffer discarded it, or its edits are safe elsewhere: the copy goes.
    pub fn resolve(self) {
        // The copy first: a lock file without a copy is harmless, a copy without one is
        // offered again.
        let _ = std::fs::remove_file(&self.copy);
        if !self.copy.exists() {
            self.claim.resolve();
        }
    }

    /// Not now: the copy stays, to be offered again by the next window that starts.
    pub fn keep(self) {}
}

/// The copies in `dir` whose windows have ended, claimed, oldest first. Copies that do not
/// read (a newer build's, or damaged) are left where they are, never removed.
pub fn orphans(dir: &Path) -> Vec<Orphan> {
    instance::sweep(dir);
    instance::copies(dir)
        .into_iter()
        .filter_map(|name| {
            let claim = instance::claim(dir, &name)?;
            let copy = instance::copy_path(dir, &name);
            let recovery = store::read_yaml(&copy)?;
            Some(Orphan {
                copy,
                recovery,
                claim,
            })
        })
        .collect()
}

/// This window's copy: its name and lock, and the thread that writes it.
pub struct Keeper {
    instance: Instance,
    writer: Writer,
}

impl Keeper {
    /// Names this window in `dir` and starts its writer.
    pub fn start(dir: &Path) -> std::io::Result<Keeper> {
        let instance = Instance::start(dir)?;
        let writer = Writer::start(instance.copy_path());
        Ok(Keeper { instance, writer })
    }

    /// Where this window's copy is kept.
    pub fn copy_path(&self) -> PathBuf {
        self.instance.copy_path()
    }

    /// Keeps `recovery` as the copy, or removes it when `None`, in the background.
    pub fn send(&mut self, recovery: Option<Recovery>) {
        self.writer.send(recovery);
    }

    /// The same, now, on this thread: for when another copy may go only once this one is
    /// safely written.
    pub fn write_now(&mut self, recovery: Option<&Recovery>) -> Result<(), StoreError> {
        self.writer.write_now(recovery, false)
    }

    /// The window ends: keeps `last` as the copy (or removes it when `None`), stops the
    /// writer and releases the lock, so the next window offers what was kept.
    pub fn finish(mut self, last: Option<&Recovery>) {
        let _ = self.writer.write_now(last, true);
        self.instance.finish();
    }
}

/// What the writer has written, shared between it and the window, so an older copy still
/// in the writer's hands never replaces a newer one the window wrote itself.
#[derive(Debug, Default)]
struct Written {
    generation: u64,
    closed: bool,
}

/// Writes copies in the background; the latest one sent wins.
struct Writer {
    sender: Sender<(u64, Option<Recovery>)>,
    file: PathBuf,
    generation: u64,
    written: Arc<Mutex<Written>>,
}

impl Writer {
    fn start(file: PathBuf) -> Writer {
        let (sender, receiver) = channel();
        let written = Arc::new(Mutex::new(Written::default()));
        let shared = Arc::clone(&written);
        let path = file.clone();
        // Should the thread not start, only the copies written now are kept (at close).
        let _ = std::thread::Builder::new()
            .name("recovery".into())
            .spawn(move || write_loop(&receiver, &path, &shared));
        Writer {
            sender,
            file,
            generation: 0,
            written,
        }
    }

    fn send(&mut self, recovery: Option<Recovery>) {
        self.generation += 1;
        // A writer thread gone (it never started) is not an error worth a dialog.
        let _ = self.sender.send((self.generation, recovery));
    }

    fn write_now(&mut self, recovery: Option<&Recovery>, close: bool) -> Result<(), StoreError> {
        self.generation += 1;
        let mut written = self.written.lock().unwrap_or_else(PoisonError::into_inner);
        let result = keep(&self.file, recovery);
        written.generation = self.generation;
        written.closed |= close;
        result
    }
}

fn write_loop(receiver: &Receiver<(u64, Option<Recovery>)>, path: &Path, written: &Mutex<Written>) {
    while let Ok(mut latest) = receiver.recv() {
        // Coalesce a burst of keystrokes into one write.
        std::thread::sleep(Duration::from_millis(300));
        while let Ok(newer) = receiver.try_recv() {
            latest = newer;
        }
        let (generation, recovery) = latest;
        let mut done = written.lock().unwrap_or_else(PoisonError::into_inner);
        if done.closed {
            return;
        }
        if generation > done.generation {
            let _ = keep(path, recovery.as_ref());
            done.generation = generation;
        }
    }
}

/// Writes `recovery` to `path`, or removes `path` when `None`.
fn keep(path: &Path, recovery: Option<&Recovery>) -> Result<(), StoreError> {
    match recovery {
        Some(recovery) => {
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            store::write_yaml(path, recovery)
        }
        None => match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(StoreError::Write {
                path: path.display().to_string(),
                source: e,
            }),
            _ => Ok(()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brief(title: &str) -> Brief {
        store::parse_brief(&format!("version: 1\ntitle: {title}\nsections: []\n"), "t").unwrap()
    }

    #[test]
    fn a_copy_names_its_file_by_absolute_path() {
        let copy = Recovery::now(Some(Path::new("x.brief.yaml")), None, &brief("A"));
        assert!(copy.file().is_some_and(Path::is_absolute));
        let old = Recovery {
            path: Some("x.brief.yaml".into()),
            ..copy
        };
        assert_eq!(
            old.file(),
            None,
            "an older build's relative path names no file"
        );
    }

    #[test]
    fn a_copy_from_an_ended_window_is_offered_once_and_kept_until_resolved() {
        let dir = tempfile::tempdir().unwrap();
        let keeper = Keeper::start(dir.path()).unwrap();
        let copy = keeper.copy_path();
        keeper.finish(Some(&Recovery::now(None, None, &brief("A"))));
        assert!(copy.exists(), "closing with unsaved changes keeps them");

        let mut found = orphans(dir.path());
        assert_eq!(found.len(), 1);
        assert!(
            orphans(dir.path()).is_empty(),
            "claimed by the first window"
        );
        let orphan = found.remove(0);
        assert_eq!(orphan.recovery.brief.title, "A");
        orphan.keep();
        let again = orphans(dir.path());
        assert_eq!(again.len(), 1, "kept for later");
        for orphan in again {
            orphan.resolve();
        }
        assert!(!copy.exists());
        assert!(orphans(dir.path()).is_empty());
    }

    #[test]
    fn a_running_window_s_copy_is_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        let mut keeper = Keeper::start(dir.path()).unwrap();
        keeper
            .write_now(Some(&Recovery::now(None, None, &brief("A"))))
            .unwrap();
        assert!(keeper.copy_path().exists());
        assert!(orphans(dir.path()).is_empty());
        keeper.finish(None);
        assert!(orphans(dir.path()).is_empty(), "nothing was kept");
    }

    #[test]
    fn the_last_copy_written_at_close_wins_over_the_writer() {
        let dir = tempfile::tempdir().unwrap();
        let mut keeper = Keeper::start(dir.path()).unwrap();
        let copy = keeper.copy_path();
        keeper.send(Some(Recovery::now(None, None, &brief("old"))));
        keeper.finish(Some(&Recovery::now(None, None, &brief("new"))));
        std::thread::sleep(Duration::from_millis(600));
        let kept: Recovery = store::read_yaml(&copy).unwrap();
        assert_eq!(kept.brief.title, "new");
    }

    #[test]
    fn a_damaged_copy_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("recovery-1-1-1.yaml");
        std::fs::write(&copy, "not: [a copy").unwrap();
        assert!(orphans(dir.path()).is_empty());
        assert!(copy.exists());
    }
}
