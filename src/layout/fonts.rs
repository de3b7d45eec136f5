//! The faces the PDF is set in, compiled into the binary so export works from any folder.
//!
//! Roboto (Apache-2.0): it has every character the content uses — curly quotes, dashes,
//! U+2011 non-breaking hyphen, ≈, £ and €, Cyrillic and Greek — where Liberation lacks U+2011
//! and Noto Sans lacks ≈. The app loads the same bytes so window and page agree.

use genpdf::fonts::{FontData, FontFamily};

/// Regular face.
pub const REGULAR: &[u8] = include_bytes!("../../fonts/Roboto-Regular.ttf");
/// Bold face.
pub const BOLD: &[u8] = include_bytes!("../../fonts/Roboto-Bold.ttf");
/// Italic face.
pub const ITALIC: &[u8] = include_bytes!("../../fonts/Roboto-Italic.ttf");
/// Bold italic face.
pub const BOLD_ITALIC: &[u8] = include_bytes!("../../fonts/Roboto-BoldItalic.ttf");

/// The fallback face.
pub const SYMBOLS: &[u8] = include_bytes!("../../fonts/NotoSansSymbols2-Regular.ttf");

/// The fallback family: the one symbols face in every style.
pub fn fallback_family() -> Result<FontFamily<FontData>, genpdf::error::Error> {
    let face = FontData::new(SYMBOLS.to_vec())?;
    Ok(FontFamily {
        regular: face.clone(),
        bold: face.clone(),
        italic: face.clone(),
        bold_italic: face,
    })
}

/// The body family for genpdf.
pub fn family() -> Result<FontFamily<FontData>, genpdf::error::Error> {
    Ok(FontFamily {
        regular: FontData::new(REGULAR.to_vec())?,
        bold: FontData::new(BOLD.to_vec())?,
        italic: FontData::new(ITALIC.to_vec())?,
        bold_italic: FontData::new(BOLD_ITALIC.to_vec())?,
    })
}
