//! The furniture of every page: the handling marking at top and bottom, the brief's title and
//! "Page X of Y" in the footer. Also counts pages, so the contents list and the footer can
//! name real page numbers on the second pass.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use genpdf::render::Area;
use genpdf::style::Style;
use genpdf::{Context, Margins, Mm, PageDecorator, Position};

use super::{text, theme};

/// What one rendering pass learned about pages.
#[derive(Debug, Default, Clone)]
pub struct Pages {
    /// The page being laid out, from 1.
    pub current: usize,
    /// The page each section heading landed on, by section number - 1.
    pub section_pages: Vec<usize>,
    /// True until the first kept block of the page renders: a table row there repeats its
    /// table's header.
    pub top_of_page: bool,
    /// Kept blocks made so far in this pass; numbers them the same way in both passes.
    pub blocks: usize,
    /// Heights of kept blocks by number and width, measured in the first pass and reused in
    /// the second, which lays out the same blocks at the same widths.
    pub heights: Rc<RefCell<HashMap<(usize, u64), f64>>>,
}

/// Shared between the decorator and the headings during one pass.
pub type SharedPages = Rc<RefCell<Pages>>;

/// Draws header and footer and hands the content area to the document.
pub struct Furniture {
    /// The handling marking; may be empty.
    pub marking: String,
    /// Left of the footer.
    pub footer_title: String,
    /// The page count from the first pass; `None` on the first pass.
    pub total: Option<usize>,
    /// Page counter shared with the headings.
    pub pages: SharedPages,
}

impl PageDecorator for Furniture {
    fn decorate_page<'a>(
        &mut self,
        context: &Context,
        mut area: Area<'a>,
        style: Style,
    ) -> Result<Area<'a>, genpdf::error::Error> {
        let page = {
            let mut pages = self.pages.borrow_mut();
            pages.current += 1;
            pages.top_of_page = true;
            pages.current
        };
        let fonts = &context.font_cache;
        let size = area.size();
        let left = Mm::from(theme::MARGIN_SIDE_MM);
        let right = size.width - Mm::from(theme::MARGIN_SIDE_MM);
        let rule = Style::new().with_color(theme::RULE);
        let small = style
            .with_font_size(theme::FOOTER_PT)
            .with_color(theme::MUTED);
        let marking = style
            .bold()
            .with_font_size(theme::MARKING_PT)
            .with_color(theme::MARKING);

        // Header: the marking, centred, over a hairline.
        if !self.marking.is_empty() {
            let width = text::width(fonts, &self.marking, marking);
            let x = (size.width - width) / 2.0;
            text::print(
                &area,
                fonts,
                Position::new(x, Mm::from(9.0)),
                marking,
                &self.marking,
            )?;
        }
        area.draw_line(
            vec![
                Position::new(left, Mm::from(14.5)),
                Position::new(right, Mm::from(14.5)),
            ],
            rule,
        );

        // Footer: title left, marking centred, page right.
        let top = size.height - Mm::from(15.0);
        area.draw_line(
            vec![Position::new(left, top), Position::new(right, top)],
            rule,
        );
        let page_text = match self.total {
            Some(total) => format!("Page {page} of {total}"),
            None => format!("Page {page} of {page}"),
        };
        let page_width = small.str_width(fonts, &page_text);
        area.print_str(
            fonts,
            Position::new(right - page_width, top + Mm::from(1.5)),
            small,
            &page_text,
        )?;
        let title_room = (right - left) * 0.38;
        let title = fit(&self.footer_title, title_room, |s| {
            text::width(fonts, s, small)
        });
        text::print(
            &area,
            fonts,
            Position::new(left, top + Mm::from(1.5)),
            small,
            &title,
        )?;
        if !self.marking.is_empty() {
            let width = text::width(fonts, &self.marking, marking);
            let x = (size.width - width) / 2.0;
            text::print(
                &area,
                fonts,
                Position::new(x, top + Mm::from(5.5)),
                marking,
                &self.marking,
            )?;
        }

        area.add_margins(Margins::trbl(
            theme::MARGIN_TOP_MM,
            theme::MARGIN_SIDE_MM,
            theme::MARGIN_BOTTOM_MM,
            theme::MARGIN_SIDE_MM,
        ));
        Ok(area)
    }
}

/// `text` cut to fit `room`, ending in an ellipsis when cut.
fn fit(text: &str, room: Mm, width: impl Fn(&str) -> Mm) -> String {
    if width(text) <= room {
        return text.to_owned();
    }
    let mut cut: String = text.to_owned();
    while !cut.is_empty() {
        cut.pop();
        let candidate = format!("{}\u{2026}", cut.trim_end());
        if width(&candidate) <= room {
            return candidate;
        }
    }
    String::new()
}
