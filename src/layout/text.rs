//! Text with the fallback face: every string the brief sets goes through here, so a run of
//! characters the main face lacks is set in the fallback face instead of vanishing.

use std::sync::LazyLock;

use genpdf::elements::Paragraph;
use genpdf::fonts::{Font, FontCache, FontFamily};
use genpdf::render::Area;
use genpdf::style::Style;
use genpdf::{Mm, Position};

use super::glyphs::{Faces, runs};

static FACES: LazyLock<Faces> = LazyLock::new(Faces::load);

/// `text` as runs, each with the style to set it in.
fn styled(fallback: FontFamily<Font>, text: &str, style: Style) -> Vec<(String, Style)> {
    runs(&FACES, text)
        .into_iter()
        .map(|(run, symbols)| {
            if symbols {
                (run.to_owned(), style.with_font_family(fallback))
            } else {
                (run.to_owned(), style)
            }
        })
        .collect()
}

/// Sets text in the document's faces.
#[derive(Clone, Copy)]
pub struct Setter {
    /// The fallback family, in the document's font cache.
    pub fallback: FontFamily<Font>,
}

impl Setter {
    /// Appends `text` to a paragraph.
    pub fn push(self, p: &mut Paragraph, text: &str, style: Style) {
        for (run, run_style) in styled(self.fallback, text, style) {
            p.push_styled(run, run_style);
        }
    }

    /// A paragraph of `text`.
    pub fn paragraph(self, text: &str, style: Style) -> Paragraph {
        let mut p = Paragraph::default();
        self.push(&mut p, text, style);
        p
    }

    /// The width of `text` as it will be set.
    pub fn width(self, fonts: &FontCache, text: &str, style: Style) -> Mm {
        styled(self.fallback, text, style)
            .iter()
            .fold(Mm::from(0.0), |w, (run, s)| w + s.str_width(fonts, run))
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
        let mut x = position.x;
        for (run, s) in styled(self.fallback, text, style) {
            area.print_str(fonts, Position::new(x, position.y), s, &run)?;
            x += s.str_width(fonts, &run);
        }
        Ok(())
    }
}
