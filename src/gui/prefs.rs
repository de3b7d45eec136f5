//! What the app remembers between runs (eframe persistence): recent files and the last brief.
//! Separate from the document, which undo covers, and from runtime state such as toasts.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The storage key.
pub const KEY: &str = "briefing-prefs";
const MAX_RECENT: usize = 10;

/// Preferences that persist between runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Recently opened or saved briefs, newest first.
    pub recent: Vec<PathBuf>,
    /// Where each brief was last exported, by brief path.
    pub last_exports: Vec<(PathBuf, PathBuf)>,
    /// Whether the preview pane is shown.
    pub preview: bool,
}

impl Prefs {
    /// Puts `path` first in the recent list.
    pub fn touch(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
    }

    /// The brief opened or saved last, if it still exists.
    pub fn last_brief(&self) -> Option<&Path> {
        self.recent
            .iter()
            .map(PathBuf::as_path)
            .find(|p| p.is_file())
    }

    /// Where `brief` was last exported to.
    pub fn last_export(&self, brief: &Path) -> Option<&Path> {
        self.last_exports
            .iter()
            .find(|(b, _)| b == brief)
            .map(|(_, pdf)| pdf.as_path())
    }

    /// Remembers where `brief` was exported to.
    pub fn set_last_export(&mut self, brief: &Path, pdf: &Path) {
        self.last_exports.retain(|(b, _)| b != brief);
        self.last_exports
            .insert(0, (brief.to_owned(), pdf.to_owned()));
        self.last_exports.truncate(MAX_RECENT * 2);
    }
}
