// SPDX-FileCopyrightText: 2020 Robin Krahl <robin.krahl@ireas.org>
// SPDX-License-Identifier: Apache-2.0 or MIT

//! Low-level rendering utilities.
//!
//! Briefing: this module no longer writes a PDF through printpdf. A [`Renderer`][] records each
//! page as a list of [`Drawn`][] items — glyph runs with their text, lines and filled
//! rectangles, each with the style's mark — and hands them over with [`Renderer::into_pages`][].
//! Whoever called the layout writes them out (Briefing: with krilla) or paints them (the app's
//! preview). The public shapes of `Area` and `TextSection` are kept, so elements are unchanged.
//!
//! [`Renderer`]: struct.Renderer.html
//! [`Drawn`]: enum.Drawn.html
//! [`Renderer::into_pages`]: struct.Renderer.html#method.into_pages

use std::cell::RefCell;

use crate::error::Error;
use crate::fonts;
use crate::style::{Color, Style};
use crate::{Margins, Mm, Position, Size};

/// Something drawn on a page, in millimetres from the page's top-left corner.
///
/// Briefing: new; replaces the printpdf calls.
#[derive(Clone, Debug, PartialEq)]
pub enum Drawn {
    /// A run of shaped glyphs on one baseline, in one face.
    Text {
        /// The face (Briefing: the font data parley chose for the run).
        face: crate::shape::Face,
        /// The font size in points.
        font_size: f32,
        /// The fill colour; `None` is black.
        color: Option<Color>,
        /// The mark of the style it was printed in.
        mark: Option<usize>,
        /// The pen position of the first glyph, on the baseline.
        origin: Position,
        /// The glyphs, left to right, each with the bytes of `text` it stands for.
        glyphs: Vec<crate::shape::Glyph>,
        /// The text printed, in logical order.
        text: String,
    },
    /// A stroked open polyline.
    Line {
        /// The points.
        points: Vec<Position>,
        /// The stroke colour; `None` is black.
        color: Option<Color>,
        /// The stroke width; `None` is the default of one point.
        width: Option<Mm>,
        /// The mark of the style it was drawn in.
        mark: Option<usize>,
    },
    /// A filled rectangle.
    Rect {
        /// Top-left corner.
        origin: Position,
        /// Its size.
        size: Size,
        /// The fill colour; `None` is black.
        color: Option<Color>,
        /// The mark of the style it was drawn in.
        mark: Option<usize>,
    },
}

/// A recorded page: its size and what is drawn on it, in drawing order.
///
/// Briefing: new.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordedPage {
    /// The page size.
    pub size: Size,
    /// The items, in drawing order.
    pub items: Vec<Drawn>,
}

/// Records a document with one or more pages.
pub struct Renderer {
    // invariant: pages.len() >= 1
    pages: Vec<Page>,
}

impl Renderer {
    /// Creates a new renderer with one page of the given size. The title is not used.
    pub fn new(size: impl Into<Size>, _title: impl AsRef<str>) -> Result<Renderer, Error> {
        Ok(Renderer {
            pages: vec![Page::new(size.into())],
        })
    }

    /// Adds a new page with the given size to the document.
    pub fn add_page(&mut self, size: impl Into<Size>) {
        self.pages.push(Page::new(size.into()))
    }

    /// Returns the number of pages in this document.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Returns a page of this document.
    pub fn get_page(&self, idx: usize) -> Option<&Page> {
        self.pages.get(idx)
    }

    /// Returns the first page of this document.
    pub fn first_page(&self) -> &Page {
        &self.pages[0]
    }

    /// Returns the last page of this document.
    pub fn last_page(&self) -> &Page {
        &self.pages[self.pages.len() - 1]
    }

    /// The recorded pages. Briefing: new, replaces `write`.
    pub fn into_pages(self) -> Vec<RecordedPage> {
        self.pages
            .into_iter()
            .map(|p| RecordedPage {
                size: p.size,
                items: p.layer.items.into_inner(),
            })
            .collect()
    }
}

/// A page of the document. Briefing: one layer per page; layers are no longer named or added.
pub struct Page {
    size: Size,
    layer: Layer,
}

impl Page {
    fn new(size: Size) -> Page {
        Page {
            size,
            layer: Layer {
                items: RefCell::new(Vec::new()),
                size,
            },
        }
    }

    /// Returns the number of layers on this page: always one.
    pub fn layer_count(&self) -> usize {
        1
    }

    /// Returns the first layer of this page.
    pub fn first_layer(&self) -> &Layer {
        &self.layer
    }

    /// Returns the last layer of this page.
    pub fn last_layer(&self) -> &Layer {
        &self.layer
    }
}

/// The drawing surface of a page. Briefing: records what is drawn on it.
pub struct Layer {
    items: RefCell<Vec<Drawn>>,
    size: Size,
}

impl Layer {
    /// Returns a drawable area for this layer.
    pub fn area(&self) -> Area<'_> {
        Area::new(self, Position::default(), self.size)
    }

    fn push(&self, item: Drawn) {
        self.items.borrow_mut().push(item);
    }
}

/// A view on an area of a page that can be drawn on.
#[derive(Clone)]
pub struct Area<'a> {
    layer: &'a Layer,
    origin: Position,
    size: Size,
}

impl<'a> Area<'a> {
    fn new(layer: &'a Layer, origin: Position, size: Size) -> Area<'a> {
        Area {
            layer,
            origin,
            size,
        }
    }

    /// Reduces the size of the drawable area by the given margins.
    pub fn add_margins(&mut self, margins: impl Into<Margins>) {
        let margins = margins.into();
        self.origin.x += margins.left;
        self.origin.y += margins.top;
        self.size.width -= margins.left + margins.right;
        self.size.height -= margins.top + margins.bottom;
    }

    /// Returns the size of this area.
    pub fn size(&self) -> Size {
        self.size
    }

    /// The position of this area's top-left corner on its page. Briefing: new, for link
    /// targets and anchors.
    pub fn origin(&self) -> Position {
        self.origin
    }

    /// Adds the given offset to the area, reducing the drawable area.
    pub fn add_offset(&mut self, offset: impl Into<Position>) {
        let offset = offset.into();
        self.origin.x += offset.x;
        self.origin.y += offset.y;
        self.size.width -= offset.x;
        self.size.height -= offset.y;
    }

    /// Sets the size of this area.
    pub fn set_size(&mut self, size: impl Into<Size>) {
        self.size = size.into();
    }

    /// Sets the width of this area.
    pub fn set_width(&mut self, width: Mm) {
        self.size.width = width;
    }

    /// Sets the height of this area.
    pub fn set_height(&mut self, height: Mm) {
        self.size.height = height;
    }

    /// Splits this area horizontally using the given weights.
    pub fn split_horizontally(&self, weights: &[usize]) -> Vec<Area<'a>> {
        let total_weight: usize = weights.iter().sum();
        let factor = self.size.width / total_weight as f64;
        let widths = weights.iter().map(|weight| factor * *weight as f64);
        let mut offset = Mm(0.0);
        let mut areas = Vec::new();
        for width in widths {
            let mut area = self.clone();
            area.origin.x += offset;
            area.size.width = width;
            areas.push(area);
            offset += width;
        }
        areas
    }

    /// Draws a line with the given points and the given style. The points are relative to the
    /// upper left corner of the area.
    pub fn draw_line(&self, points: Vec<Position>, style: Style) {
        self.draw_line_with_width(points, style, None);
    }

    /// Draws a line of the given width. Briefing: new.
    pub fn draw_line_with_width(&self, points: Vec<Position>, style: Style, width: Option<Mm>) {
        let points = points.into_iter().map(|p| p + self.origin).collect();
        self.layer.push(Drawn::Line {
            points,
            color: style.color(),
            width,
            mark: style.mark(),
        });
    }

    /// Fills a rectangle; `position` is relative to the upper left corner of the area.
    /// Briefing: new.
    pub fn fill_rect(&self, position: Position, size: Size, style: Style) {
        self.layer.push(Drawn::Rect {
            origin: position + self.origin,
            size,
            color: style.color(),
            mark: style.mark(),
        });
    }

    /// Tries to draw the given string at the given position and returns `true` if the area was
    /// large enough to draw the string.
    pub fn print_str<S: AsRef<str>>(
        &self,
        font_cache: &fonts::FontCache,
        position: Position,
        style: Style,
        s: S,
    ) -> Result<bool, Error> {
        if let Some(mut section) = self.text_section(font_cache, position, style) {
            section.print_str(s, style)?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Creates a new text section at the given position if the text section fits in this area.
    ///
    /// The given style is only used to calculate the line height of the section.  The position is
    /// relative to the upper left corner of the area.
    pub fn text_section<'f>(
        &self,
        font_cache: &'f fonts::FontCache,
        position: Position,
        style: Style,
    ) -> Option<TextSection<'_, 'f, 'a>> {
        TextSection::new(font_cache, self, position, style)
    }
}

/// A text section that is drawn on an area of a page.
pub struct TextSection<'a, 'f, 'l> {
    font_cache: &'f fonts::FontCache,
    area: &'a Area<'l>,
    line_height: Mm,
    /// Briefing: the pen position on the page, on the baseline.
    pen: Position,
    /// Briefing: where the current line started.
    line_start: Mm,
    /// Briefing: where the last run this section printed ends, to join the next to it.
    run_end: Option<Mm>,
}

impl<'a, 'f, 'l> TextSection<'a, 'f, 'l> {
    fn new(
        font_cache: &'f fonts::FontCache,
        area: &'a Area<'l>,
        position: Position,
        style: Style,
    ) -> Option<TextSection<'a, 'f, 'l>> {
        let height = style.font(font_cache).glyph_height(style.font_size());

        if position.y + height > area.size.height {
            return None;
        }

        let line_height = style.line_height(font_cache);
        // Briefing: the baseline sits one glyph height (ascent less descent) below the top, as
        // printpdf's text cursor put it.
        let pen = area.origin + position + Position::new(0, height);
        Some(TextSection {
            font_cache,
            area,
            line_height,
            pen,
            line_start: pen.x,
            run_end: None,
        })
    }

    /// Tries to add a new line and returns `true` if the area was large enough to fit the new
    /// line.
    #[must_use]
    pub fn add_newline(&mut self) -> bool {
        let y_in_area = self.pen.y - self.area.origin.y;
        if y_in_area + self.line_height > self.area.size.height {
            false
        } else {
            self.pen.y += self.line_height;
            self.pen.x = self.line_start;
            self.run_end = None;
            true
        }
    }

    /// Prints the given string with the given style, shaped as one line.
    pub fn print_str(&mut self, s: impl AsRef<str>, style: Style) -> Result<(), Error> {
        let s = s.as_ref();
        if s.is_empty() {
            return Ok(());
        }
        let lines = self.font_cache.shaper.borrow_mut().shape(
            &self.font_cache.settings,
            &[(s, style)],
            None,
            false,
        );
        for line in &lines {
            self.area.record_line(line, self.pen);
            self.pen.x += crate::pt_to_mm(f64::from(line.width));
        }
        self.run_end = Some(self.pen.x);
        Ok(())
    }
}

impl<'a> Area<'a> {
    /// Records a shaped line with its left end at `pen.x` and its baseline at `pen.y` (page
    /// coordinates). Briefing: new.
    pub(crate) fn record_line(&self, line: &crate::shape::ShapedLine, pen: Position) {
        for run in &line.runs {
            if run.glyphs.is_empty() {
                continue;
            }
            let x = pen.x + crate::pt_to_mm(f64::from(run.x));
            self.layer.push(Drawn::Text {
                face: run.face.clone(),
                font_size: run.size,
                color: run.style.color(),
                mark: run.style.mark(),
                origin: Position::new(x, pen.y),
                glyphs: run.glyphs.clone(),
                text: run.text.clone(),
            });
        }
    }

    /// Records a shaped line at `position` in this area: its top-left corner, with the
    /// baseline `baseline` below it. Briefing: new.
    pub fn draw_shaped_line(
        &self,
        line: &crate::shape::ShapedLine,
        position: Position,
        baseline: Mm,
    ) {
        let pen = self.origin + position + Position::new(0, baseline);
        self.record_line(line, pen);
    }
}
