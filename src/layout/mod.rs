//! Composed -> [`Pages`]: genpdf lays the brief out once; each page becomes a list of
//! positioned items tied to the structure tree. The PDF writer, the app's preview and the
//! page count all read the result.
//!
//! One pass: what only the finished layout knows — "Page X of Y" and the contents list's page
//! numbers — is set into the recorded pages afterwards, in room the layout left for it.

mod blocks;
mod bullets;
mod changes;
pub mod coverage;
pub mod fonts;
mod furniture;
pub mod glyphs;
pub mod pages;
mod record;
mod sections;
mod state;
mod text;
pub mod theme;

#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::rc::Rc;

use genpdf::{Document, Size};

use crate::compose::{Body, Composed};
use crate::model::PageSize;

pub use fonts::{BOLD, BOLD_ITALIC, ITALIC, REGULAR, SYMBOLS};
use pages::{Meta, Pages, SectionSpan};
use sections::Cx;
use state::State;
use text::Setter;

/// What went wrong laying the brief out.
#[derive(Debug, thiserror::Error)]
pub enum LayoutError {
    /// genpdf failed: a font would not load or an element did not fit a page.
    #[error("cannot lay out the brief: {0}")]
    Layout(#[from] genpdf::error::Error),
}

/// A laid-out brief.
#[derive(Debug, Clone)]
pub struct Laid {
    /// The pages.
    pub pages: Pages,
    /// Characters the faces could not print as they are, and what was printed instead.
    pub missing: Vec<glyphs::MissingGlyph>,
}

/// Lays a composed brief out into pages.
pub fn lay_out(composed: &Composed) -> Result<Laid, LayoutError> {
    let glyphs::Printable {
        composed: printable,
        missing,
        ..
    } = glyphs::make_printable(composed.clone());
    let c = &printable;
    let state = Rc::new(RefCell::new(State::default()));
    let setting = fonts::Setting {
        hyphenate: hyphenation(&c.language),
        justify: c.justify,
    };
    let mut doc = Document::new(fonts::cache(&setting)?);
    let set = Setter;
    doc.set_title(&c.title);
    doc.set_font_size(theme::BODY_PT);
    doc.set_line_spacing(theme::LINE_SPACING);
    doc.set_paper_size(match c.page_size {
        PageSize::A4 => Size::new(210.0, 297.0),
        PageSize::Letter => Size::new(215.9, 279.4),
    });
    doc.set_page_decorator(furniture::Furniture::new(
        &c.marking,
        &c.footer_title,
        set,
        &state,
    ));
    let notes = endnote_count(c);
    let notes = (0..notes).map(|_| state.borrow_mut().anchor()).collect();
    // The "Since the last brief" box links to where each new or changed item prints.
    let items = c
        .changes
        .new
        .iter()
        .chain(&c.changes.changed)
        .map(|change| (change.id.clone(), state.borrow_mut().anchor()))
        .collect();
    let cx = Cx {
        state: Rc::clone(&state),
        set,
        notes: Rc::new(notes),
        items: Rc::new(items),
    };
    let anchors = sections::title_block(&mut doc, c, &cx);
    let mut outline = Vec::new();
    for (section, anchor) in c.sections.iter().zip(&anchors) {
        outline.push(sections::section(&mut doc, c, section, *anchor, &cx));
    }
    let recorded = doc.render()?;
    let mut items: Vec<(String, pages::AnchorId)> =
        cx.items.iter().map(|(id, a)| (id.clone(), *a)).collect();
    items.sort_by(|a, b| a.0.cmp(&b.0));
    drop(cx);
    let state = state.borrow();
    let mut pages = record::pages(recorded, &state);
    pages.sections = spans(c, &anchors, &pages);
    pages.outline = outline;
    pages.items = items;
    pages.meta = Meta {
        title: c.title.clone(),
        author: c.prepared_by.clone(),
        subject: c.dossier_title.clone(),
        language: if c.language.is_empty() {
            "en".to_owned()
        } else {
            c.language.clone()
        },
    };
    Ok(Laid { pages, missing })
}

/// The hyphenation patterns for a brief's `language:` (a BCP 47 tag; English when unset).
fn hyphenation(language: &str) -> Option<genpdf::hypher::Lang> {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let primary = if primary.is_empty() {
        "en".to_owned()
    } else {
        primary
    };
    let code: [u8; 2] = primary.as_bytes().try_into().ok()?;
    genpdf::hypher::Lang::from_iso(code)
}

/// The highest endnote number any section prints.
fn endnote_count(c: &Composed) -> usize {
    c.sections
        .iter()
        .filter_map(|s| match &s.body {
            Body::Sources(notes) => notes.iter().map(|n| n.number).max(),
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

/// Where each section starts and ends, and how much of the pages it fills.
fn spans(c: &Composed, anchors: &[pages::AnchorId], pages: &Pages) -> Vec<SectionSpan> {
    let height = pages.pages.first().map_or(1.0, |p| p.height_pt.max(1.0));
    let at = |a: pages::AnchorId| {
        pages
            .anchor(a)
            .map_or(0.0, |a| a.page as f32 + a.at.y / height)
    };
    let end = pages.count() as f32;
    c.sections
        .iter()
        .zip(anchors)
        .enumerate()
        .map(|(i, (s, a))| {
            let start = at(*a);
            let stop = anchors.get(i + 1).map_or(end, |n| at(*n));
            let first_page = pages.anchor(*a).map_or(0, |a| a.page);
            let last_page = match anchors.get(i + 1).and_then(|n| pages.anchor(*n)) {
                Some(next) if next.at.y / height < 0.12 => next.page.saturating_sub(1),
                Some(next) => next.page,
                None => pages.count().saturating_sub(1),
            };
            SectionSpan {
                index: s.index,
                number: s.number,
                heading: s.heading.clone(),
                anchor: *a,
                first_page,
                last_page: last_page.max(first_page),
                pages: (stop - start).max(0.0),
            }
        })
        .collect()
}
