//! Pages -> PDF bytes, with krilla: fonts, tags, links, outline, metadata. Only shells write
//! files. (Placeholder until the krilla writer lands.)

use crate::layout::pages::Pages;

/// A moment, UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    /// Year.
    pub year: u16,
    /// Month 1-12.
    pub month: u8,
    /// Day 1-31.
    pub day: u8,
    /// Hour.
    pub hour: u8,
    /// Minute.
    pub minute: u8,
    /// Second.
    pub second: u8,
}

impl Timestamp {
    /// Now.
    pub fn now() -> Timestamp {
        Timestamp {
            year: 2026,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
        }
    }
}

/// How to write.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// PDF/A-2b.
    pub pdfa: bool,
    /// Creation date.
    pub created: Option<Timestamp>,
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// Not yet.
    #[error("the PDF writer is not built yet")]
    Missing,
}

/// Writes the pages.
pub fn write(_pages: &Pages, _options: &Options) -> Result<Vec<u8>, PdfError> {
    Err(PdfError::Missing)
}
