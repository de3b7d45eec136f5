//! What the app remembers between runs (eframe persistence): recent files and the last brief.
//! Separate from the document, which undo covers, and from runtime state such as toasts.
//! Paths are kept absolute and canonical, so a run started in another folder never takes a
//! same-named file there for the one remembered.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::widths::PanelWidths;
use crate::fingerprint::canonical;

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
    /// How wide the side panels are.
    pub widths: PanelWidths,
}

impl Prefs {
    /// The preferences as loaded, made safe: paths kept relative by older builds name no
    /// file for certain (they meant the folder that run started in), so they are dropped.
    pub fn clamped(mut self) -> Prefs {
        self.recent.retain(|p| p.is_absolute());
        self.recent.truncate(MAX_RECENT);
        self.last_exports
            .retain(|(brief, pdf)| brief.is_absolute() && pdf.is_absolute());
        self.last_exports.truncate(MAX_RECENT * 2);
        self.widths = self.widths.clamped();
        self
    }

    /// Puts `path` first in the recent list, by its canonical path.
    pub fn touch(&mut self, path: &Path) {
        let path = canonical(path);
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
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
        let brief = canonical(brief);
        self.last_exports
            .iter()
            .find(|(b, _)| *b == brief)
            .map(|(_, pdf)| pdf.as_path())
    }

    /// Remembers where `brief` was exported to.
    pub fn set_last_export(&mut self, brief: &Path, pdf: &Path) {
        let brief = canonical(brief);
        self.last_exports.retain(|(b, _)| *b != brief);
        self.last_exports.insert(0, (brief, canonical(pdf)));
        self.last_exports.truncate(MAX_RECENT * 2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_kept_by_absolute_path() {
        let dir = tempfile::tempdir().unwrap();
        let brief = dir.path().join("a.brief.yaml");
        std::fs::write(&brief, "x").unwrap();
        let mut prefs = Prefs::default();
        prefs.touch(&dir.path().join(".").join("a.brief.yaml"));
        prefs.touch(&brief);
        assert_eq!(prefs.recent, vec![canonical(&brief)], "one entry per file");
        prefs.set_last_export(&brief, Path::new("out.pdf"));
        assert!(prefs.last_export(&brief).is_some_and(Path::is_absolute));
    }

    #[test]
    fn relative_paths_from_older_builds_are_dropped() {
        let prefs = Prefs {
            recent: vec!["a.brief.yaml".into(), canonical(Path::new("b.brief.yaml"))],
            last_exports: vec![("a.brief.yaml".into(), "a.pdf".into())],
            preview: true,
            widths: PanelWidths::default(),
        }
        .clamped();
        assert_eq!(prefs.recent.len(), 1);
        assert!(prefs.last_exports.is_empty());
    }
}
