//! Text with the fallback face: every string the PDF sets goes through here, so a run of
//! characters the main face lacks is set in the fallback face instead of vanishing.

use std::cell::RefCell;

use genpdf::elements::Paragraph;
use genpdf::fonts::{Font, FontCache, FontFamily};
use genpdf::render::Area;
use genpdf::style::Style;
use genpdf::{Mm, Position};

use super::glyphs::{Faces, runs};

thread_local! {
    static FACES: Faces = Faces::load();
    /// The fallback family of the document being laid out on this thread.
    static FALLBACK: RefCell<Option<FontFamily<Font>>> = const { RefCell::new(None) };
}

/// Sets the fallback family for the layout pass about to run on this thread.
pub fn set_fallback(family: Option<FontFamily<Font>>) {
    FALLBACK.with(|f| *f.borrow_mut() = family);
}

/// `text` as runs, each with the style to set it in.
fn styled(text: &str, style: Style) -> Vec<(String, Style)> {
    let fallback = FALLBACK.with(|f| *f.borrow());
    FACES.with(|faces| {
        runs(faces, text)
            .into_iter()
            .map(|(run, symbols)| match (symbols, fallback) {
                (true, Some(family)) => (run.to_owned(), style.with_font_family(family)),
                _ => (run.to_owned(), style),
            })
            .collect()
    })
}

/// Appends `text` to a paragraph.
pub fn push(p: &mut Paragraph, text: &str, style: Style) {
    for (run, run_style) in styled(text, style) {
        p.push_styled(run, run_style);
    }
}

/// A paragraph of `text`.
pub fn paragraph(text: &str, style: Style) -> Paragraph {
    let mut p = Paragraph::default();
    push(&mut p, text, style);
    p
}

/// The width of `text` as it will be set.
pub fn width(fonts: &FontCache, text: &str, style: Style) -> Mm {
    styled(text, style)
        .iter()
        .fold(Mm::from(0.0), |w, (run, s)| w + s.str_width(fonts, run))
}

/// Prints `text` on one line at `position`.
pub fn print(
    area: &Area<'_>,
    fonts: &FontCache,
    position: Position,
    style: Style,
    text: &str,
) -> Result<(), genpdf::error::Error> {
    let mut x = position.x;
    for (run, s) in styled(text, style) {
        area.print_str(fonts, Position::new(x, position.y), s, &run)?;
        x += s.str_width(fonts, &run);
    }
    Ok(())
}
