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
pub const FOOTER_LINE_MM: f64 = 15.0;

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
        print_marking(Mm::from(9.0), header)?;
        area.draw_line_with_width(
            vec![
                Position::new(left, Mm::from(14.5)),
                Position::new(right, Mm::from(14.5)),
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
        let title_room = (right - left) * 0.38;
        let title = fit(&self.footer_title, title_room, |s| {
            set.width(fonts, s, small)
        });
        set.print(
            &area,
            fonts,
            Position::new(left, top + Mm::from(1.5)),
            small.and(footer),
            &title,
        )?;
        print_marking(top + Mm::from(5.5), footer)?;

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
