//! What the research desk writes, brought into a dossier: a story page becomes a new
//! dossier ([`story`]), a spreadsheet of events adds to one ([`events`]). Pure: text in,
//! dossier and located problems out; the CLI and the app read and write the files.

pub mod dates;
pub mod events;
pub mod slug;
pub mod story;

pub use events::{EventsImport, Separator, import_events};
pub use story::{StoryImport, import_story};

use std::path::Path;

/// Why a file to import could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// Missing, not a regular file, too large, or unreadable: the reason.
    #[error("{path}: {reason}")]
    Unreadable { path: String, reason: String },
    /// Not UTF-8.
    #[error(
        "{0}: not UTF-8 text\nhint: save it as UTF-8 (plain text, or CSV UTF-8) and import again"
    )]
    NotText(String),
}

/// Reads a file to import: a regular file, at most [`crate::store::MAX_FILE_BYTES`], UTF-8.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let shown = path.display().to_string();
    let unreadable = |reason: String| ReadError::Unreadable {
        path: shown.clone(),
        reason,
    };
    match std::fs::metadata(path) {
        Ok(m) if m.len() > crate::store::MAX_FILE_BYTES => {
            return Err(unreadable("too large to import".into()));
        }
        Ok(m) if !m.is_file() => return Err(unreadable("not a regular file".into())),
        Ok(_) => {}
        Err(e) => return Err(unreadable(format!("cannot read: {e}"))),
    }
    match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(text)) => Ok(text),
        Ok(Err(_)) => Err(ReadError::NotText(shown)),
        Err(e) => Err(unreadable(format!("cannot read: {e}"))),
    }
}

/// True when the file is a spreadsheet of events rather than a story page: named `.csv`,
/// `.tsv` or `.tab`, or, whatever its name, a first line of separated column names one of
/// which is a date.
pub fn is_table(path: &Path, text: &str) -> bool {
    let named = path.extension().is_some_and(|e| {
        ["csv", "tsv", "tab"]
            .iter()
            .any(|t| e.eq_ignore_ascii_case(t))
    });
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let columns = first.split([',', '\t', ';']).count();
    named || (columns >= 3 && first.split([',', '\t', ';']).any(|c| c.trim() == "date"))
}

/// The separator to read a spreadsheet with: tabs for `.tsv` and `.tab`, else sniffed.
pub fn separator_for(path: &Path) -> Separator {
    let tsv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv") || e.eq_ignore_ascii_case("tab"));
    if tsv {
        Separator::Tab
    } else {
        Separator::Sniff
    }
}
