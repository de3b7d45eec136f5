//! The furniture of every page: the handling marking at top and bottom, the brief's title in
//! the footer, the rules. "Page X of Y" is set after layout, when Y is known (see
//! [`super::record`]). Counts pages for the elements that note where they land.

use std::rc::Rc;

use genpdf::render::Area;
use genpdf::style::Style;
use genpdf::{Context, Margins, Mm, PageDecorator, Position};

use super::pages::Artifact;
use super::state::{Shared, artifact_mark};
use super::text::Setter;
use super::theme;

/// Where the footer's text line sits, mm above the page's bottom edge.
pub const FOOTER_LINE_MM: f64 = 15.5;
/// How far below the footer rule the footer's line of text starts.
pub const FOOTER_TEXT_MM: f64 = 1.2;

/// Draws header and footer and hands the content area to the document.
pub struct Furniture {
    /// The handling marking; may be empty.
    pub marking: String,
    /// Left of the footer.
    pub footer_title: String,
    /// Sets text.
    pub setter: Setter,
    /// Counts pages.
    pub state: Shared,
}

impl Furniture {
    /// Furniture for one run.
    pub fn new(marking: &str, footer_title: &str, setter: Setter, state: &Shared) -> Furniture {
        Furniture {
            marking: marking.to_owned(),
            footer_title: footer_title.to_owned(),
            setter,
            state: Rc::clone(state),
        }
    }
}

impl PageDecorator for Furniture {
    fn decorate_page<'a>(
        &mut self,
        context: &Context,
        mut area: Area<'a>,
        style: Style,
    ) -> Result<Area<'a>, genpdf::error::Error> {
        {
            let mut state = self.state.borrow_mut();
            state.page = state.pages_started;
            state.pages_started += 1;
            state.top_of_page = true;
        }
        let fonts = &context.font_cache;
        let size = area.size();
        let left = Mm::from(theme::MARGIN_SIDE_MM);
        let right = size.width - Mm::from(theme::MARGIN_SIDE_MM);
        let header = Style::new().with_mark(artifact_mark(Artifact::Header));
        let footer = Style::new().with_mark(artifact_mark(Artifact::Footer));
        let rule = |s: Style| s.with_color(theme::RULE);
        let hair = Some(genpdf::pt_to_mm(0.5));
        let small = style
            .with_font_size(theme::FOOTER_PT)
            .with_color(theme::MUTED);
        let marking = style
            .bold()
            .with_font_size(theme::MARKING_PT)
            .with_color(theme::MARKING);
        let set = self.setter;

        // The marking, centred at the top and again at the foot of the page.
        let print_marking = |y: Mm, place: Style| -> Result<(), genpdf::error::Error> {
            if self.marking.is_empty() {
                return Ok(());
            }
            let width = set.width(fonts, &self.marking, marking);
            let x = (size.width - width) / 2.0;
            set.print(
                &area,
                fonts,
                Position::new(x, y),
                marking.and(place),
                &self.marking,
            )
        };

        // Header: the marking over a hairline.
        print_marking(Mm::from(7.5), header)?;
        area.draw_line_with_width(
            vec![
                Position::new(left, Mm::from(12.5)),
                Position::new(right, Mm::from(12.5)),
            ],
            rule(header),
            hair,
        );

        // Footer: title left, marking centred, page right (set later).
        let top = size.height - Mm::from(FOOTER_LINE_MM);
        area.draw_line_with_width(
            vec![Position::new(left, top), Position::new(right, top)],
            rule(footer),
            hair,
        );
        // One line, at least 10 mm above the paper's edge: the title left, the marking
        // centred, "Page X of Y" right. The title is cut only where it would run into the
        // marking or the page number.
        let line = top + Mm::from(FOOTER_TEXT_MM);
        let page_room = set.width(fonts, "Page 999 of 999", small) + Mm::from(3.0);
        let marking_width = if self.marking.is_empty() {
            Mm::from(0.0)
        } else {
            set.width(fonts, &self.marking, marking) + Mm::from(6.0)
        };
        let title_room = if self.marking.is_empty() {
            right - left - page_room
        } else {
            (right - left - marking_width) / 2.0
        };
        let title = fit(&self.footer_title, title_room, |s| {
            set.width(fonts, s, small)
        });
        set.print(
            &area,
            fonts,
            Position::new(left, line),
            small.and(footer),
            &title,
        )?;
        // The marking's baseline on the title's.
        let shift = small.font(fonts).glyph_height(theme::FOOTER_PT)
            - marking.font(fonts).glyph_height(theme::MARKING_PT);
        print_marking(line + shift, footer)?;

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
