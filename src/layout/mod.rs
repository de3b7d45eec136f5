//! Composed -> PDF bytes, with genpdf. Only shells write files.
//!
//! Two passes: the first lays the brief out to learn the page count and the page of every
//! section; the second prints "Page X of Y" and the contents list with those numbers. The
//! layout does not depend on them, so both passes break pages in the same places.

mod blocks;
pub mod coverage;
mod finish;
pub mod fonts;
pub mod glyphs;
mod page;
mod sections;
pub mod pages;
mod text;
pub mod theme;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use genpdf::{Document, Size};

use crate::compose::Composed;
use crate::model::PageSize;

pub use fonts::{BOLD, BOLD_ITALIC, ITALIC, REGULAR, SYMBOLS};
use page::{Furniture, Pages};

/// What went wrong making the PDF.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// genpdf failed: a font would not load or an element did not fit a page.
    #[error("cannot lay out the PDF: {0}")]
    Layout(#[from] genpdf::error::Error),
    /// The laid-out file could not be finished.
    #[error(transparent)]
    Finish(#[from] finish::FinishError),
}

/// A rendered brief.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF file's bytes.
    pub bytes: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
    /// Characters the font could not print as they are, and what was printed instead.
    pub missing: Vec<glyphs::MissingGlyph>,
}

/// Renders a composed brief to PDF bytes.
pub fn render(composed: &Composed) -> Result<Rendered, PdfError> {
    let glyphs::Printable {
        composed: printable,
        missing,
        needs_fallback,
    } = glyphs::make_printable(composed.clone());
    let composed = &printable;
    let heights = Rc::new(RefCell::new(HashMap::new()));
    let first = pass(composed, None, &heights, needs_fallback)?;
    let (bytes, pages) = pass(composed, Some(&first.1), &heights, needs_fallback)?;
    let meta = finish::Meta {
        title: composed.title.clone(),
        author: composed.prepared_by.clone(),
        subject: composed.dossier_title.clone(),
        outline: composed
            .sections
            .iter()
            .map(|s| {
                let page = pages.section_pages.get(s.number - 1).copied().unwrap_or(1);
                (format!("{} {}", s.number, s.heading), page)
            })
            .collect(),
    };
    Ok(Rendered {
        bytes: finish::finish(&bytes, &meta)?,
        pages: pages.current,
        missing,
    })
}

/// One layout pass; `known` carries the page numbers the first pass found.
fn pass(
    composed: &Composed,
    known: Option<&Pages>,
    heights: &Rc<RefCell<HashMap<(usize, u64), f64>>>,
    needs_fallback: bool,
) -> Result<(Vec<u8>, Pages), PdfError> {
    let pages = Rc::new(RefCell::new(Pages {
        heights: Rc::clone(heights),
        ..Pages::default()
    }));
    let mut doc = Document::new(fonts::family()?);
    // The fallback face is large; a brief that needs none of it does not pay for it.
    let fallback = if needs_fallback {
        Some(doc.add_font_family(fonts::fallback_family()?))
    } else {
        None
    };
    text::set_fallback(fallback);
    doc.set_title(&composed.title);
    doc.set_minimal_conformance();
    doc.set_font_size(theme::BODY_PT);
    doc.set_line_spacing(theme::LINE_SPACING);
    doc.set_paper_size(match composed.page_size {
        PageSize::A4 => Size::new(210.0, 297.0),
        PageSize::Letter => Size::new(215.9, 279.4),
    });
    doc.set_page_decorator(Furniture {
        marking: composed.marking.clone(),
        footer_title: composed.title.clone(),
        total: known.map(|k| k.current),
        pages: Rc::clone(&pages),
    });
    let section_pages = known.map(|k| k.section_pages.as_slice());
    sections::title_block(&mut doc, composed, section_pages);
    for section in &composed.sections {
        sections::section(&mut doc, section, &pages);
    }
    let mut bytes = Vec::new();
    // The first pass only learns page numbers; nothing it would write is kept.
    let layout_only = known.is_none();
    printpdf::LAYOUT_ONLY.with(|f| f.set(layout_only));
    let rendered = doc.render(&mut bytes);
    printpdf::LAYOUT_ONLY.with(|f| f.set(false));
    text::set_fallback(None);
    rendered?;
    let learned = pages.borrow().clone();
    Ok((bytes, learned))
}
