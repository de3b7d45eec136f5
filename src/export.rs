//! Composed -> laid-out pages -> PDF bytes: the one route every export takes, for the CLI,
//! the app, the tests and the benchmarks. Pure: returns bytes; the shells write files.

use crate::compose::Composed;
use crate::layout::{self, LayoutError, glyphs::MissingGlyph, pages::Pages};
use crate::pdf::{self, PdfError};

/// What went wrong exporting.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The brief could not be laid out.
    #[error(transparent)]
    Layout(#[from] LayoutError),
    /// The PDF could not be written.
    #[error(transparent)]
    Pdf(#[from] PdfError),
}

/// An exported brief.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF file's bytes.
    pub bytes: Vec<u8>,
    /// The pages they were written from.
    pub pages: Pages,
    /// Characters the faces could not print as they are, and what was printed instead.
    pub missing: Vec<MissingGlyph>,
}

/// Lays out a composed brief and writes it as a PDF.
pub fn render(composed: &Composed, options: &pdf::Options) -> Result<Rendered, ExportError> {
    let laid = layout::lay_out(composed)?;
    let bytes = pdf::write(&laid.pages, options)?;
    Ok(Rendered {
        bytes,
        pages: laid.pages,
        missing: laid.missing,
    })
}
