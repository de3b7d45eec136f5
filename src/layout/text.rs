//! Text as the document sets it: every string the brief prints goes through here. Which face
//! draws each character is the text layer's choice (genpdf's `shape`, parley's per-cluster
//! fallback along the family list), so nothing here picks faces.

use genpdf::elements::Paragraph;
use genpdf::fonts::FontCache;
use genpdf::render::Area;
use genpdf::style::Style;
use genpdf::{Mm, Position};

/// Sets text in the document's faces.
#[derive(Clone, Copy, Default)]
pub struct Setter;

impl Setter {
    /// Appends `text` to a paragraph.
    pub fn push(self, p: &mut Paragraph, text: &str, style: Style) {
        p.push_styled(text, style);
    }

    /// A paragraph of `text`.
    pub fn paragraph(self, text: &str, style: Style) -> Paragraph {
        let mut p = Paragraph::default();
        self.push(&mut p, text, style);
        p
    }

    /// The width of `text` as it will be set.
    pub fn width(self, fonts: &FontCache, text: &str, style: Style) -> Mm {
        style.str_width(fonts, text)
    }

    /// Prints `text` on one line at `position`.
    pub fn print(
        self,
        area: &Area<'_>,
        fonts: &FontCache,
        position: Position,
        style: Style,
        text: &str,
    ) -> Result<(), genpdf::error::Error> {
        area.print_str(fonts, position, style, text).map(|_| ())
    }
}
