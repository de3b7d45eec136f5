//! Crash recovery. While the brief has unsaved changes, a copy is kept in the app's state
//! folder, rewritten within a moment of each edit by a thread of its own so typing never waits
//! on the disk. A clean save or close removes it; if the app dies, the next start finds it and
//! offers to restore it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::model::Brief;
use crate::store;

/// A brief with unsaved changes, as kept for recovery.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The file the brief belongs to; `None` for one never saved.
    pub path: Option<PathBuf>,
    /// When the copy was taken, seconds since 1970.
    pub taken_at: u64,
    /// The brief, with its unsaved changes.
    pub brief: Brief,
}

impl Recovery {
    /// A copy of `brief` taken now.
    pub fn now(path: Option<&Path>, brief: &Brief) -> Recovery {
        let taken_at = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Recovery {
            path: path.map(Path::to_path_buf),
            taken_at,
            brief: brief.clone(),
        }
    }
}

/// Where the recovery copy lives by default: beside eframe's own state.
pub fn default_file() -> Option<PathBuf> {
    Some(eframe::storage_dir("briefing")?.join("recovery.yaml"))
}

/// The copy a previous run left behind at `file`, if any.
pub fn find(file: &Path) -> Option<Recovery> {
    store::read_yaml(file)
}

/// Removes the copy at `file`.
pub fn clear(file: &Path) {
    let _ = std::fs::remove_file(file);
}

/// Writes copies in the background; the latest one sent wins.
pub struct Writer {
    sender: Sender<Option<Recovery>>,
}

impl Writer {
    /// Starts the writing thread, keeping copies at `file`.
    pub fn start(file: PathBuf) -> Writer {
        let (sender, receiver) = channel();
        // Should the thread not start, copies are not kept; nothing else depends on them.
        let _ = std::thread::Builder::new()
            .name("recovery".into())
            .spawn(move || write_loop(&receiver, &file));
        Writer { sender }
    }

    /// Keeps `recovery` as the copy, or removes the copy when `None`.
    pub fn send(&self, recovery: Option<Recovery>) {
        let _ = self.sender.send(recovery);
    }
}

fn write_loop(receiver: &Receiver<Option<Recovery>>, path: &Path) {
    while let Ok(mut latest) = receiver.recv() {
        // Coalesce a burst of keystrokes into one write.
        std::thread::sleep(Duration::from_millis(300));
        while let Ok(newer) = receiver.try_recv() {
            latest = newer;
        }
        match latest {
            Some(recovery) => {
                if let Some(dir) = path.parent() {
                    let _ = std::fs::create_dir_all(dir);
                }
                let _ = store::write_yaml(path, &recovery);
            }
            None => clear(path),
        }
    }
}
