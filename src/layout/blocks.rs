//! Page elements genpdf does not have: a section heading that keeps with what follows and
//! records its page, a ruled annotation box, a hairline, and a table with rules between rows
//! rather than a grid.

use genpdf::elements::{CellDecorator, LinearLayout};
use genpdf::render::Area;
use genpdf::style::{Color, Style};
use genpdf::{Context, Element, Margins, Mm, Position, RenderResult, Size};

use std::rc::Rc;

use super::page::SharedPages;
use super::theme;

/// A numbered section heading with a rule under it. It moves to the next page rather than sit
/// at the foot of one, and it records the page it lands on for the contents list.
pub struct Heading {
    text: String,
    number: usize,
    pages: SharedPages,
}

impl Heading {
    /// The heading of section `number`.
    pub fn new(number: usize, text: &str, pages: SharedPages) -> Heading {
        Heading {
            text: text.to_owned(),
            number,
            pages,
        }
    }
}

/// Room a heading wants below it for the start of its content.
const KEEP_WITH_NEXT_MM: f64 = 30.0;

impl Element for Heading {
    fn render(
        &mut self,
        context: &Context,
        mut area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        if area.size().height < Mm::from(KEEP_WITH_NEXT_MM) {
            return Ok(RenderResult {
                size: Size::new(0, 0),
                has_more: true,
            });
        }
        {
            let mut pages = self.pages.borrow_mut();
            let page = pages.current;
            let slot = self.number.saturating_sub(1);
            if pages.section_pages.len() <= slot {
                pages.section_pages.resize(slot + 1, 0);
            }
            pages.section_pages[slot] = page;
        }
        let above = Mm::from(4.0);
        area.add_offset(Position::new(0, above));
        let heading = style
            .bold()
            .with_font_size(theme::HEADING_PT)
            .with_color(theme::INK);
        let mut para = super::text::paragraph(
            &format!("{}\u{2003}{}", self.number, self.text),
            style.and(heading),
        );
        let result = para.render(context, area.clone(), style.and(heading))?;
        let y = result.size.height + Mm::from(0.8);
        area.draw_line(
            vec![Position::new(0, y), Position::new(area.size().width, y)],
            Style::new().with_color(theme::INK),
        );
        Ok(RenderResult {
            size: Size::new(area.size().width, above + y + Mm::from(2.5)),
            has_more: result.has_more,
        })
    }
}

/// A horizontal hairline across the area.
pub struct Rule {
    color: Color,
    space_mm: f64,
}

impl Rule {
    /// A hairline with `space_mm` above and below.
    pub fn new(color: Color, space_mm: f64) -> Rule {
        Rule { color, space_mm }
    }
}

impl Element for Rule {
    fn render(
        &mut self,
        _: &Context,
        area: Area<'_>,
        _: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        let y = Mm::from(self.space_mm);
        area.draw_line(
            vec![Position::new(0, y), Position::new(area.size().width, y)],
            Style::new().with_color(self.color),
        );
        Ok(RenderResult {
            size: Size::new(area.size().width, y * 2.0),
            has_more: false,
        })
    }
}

/// A ruled box with a coloured bar down its left side, for the staffer's own words.
pub struct Callout {
    content: LinearLayout,
    color: Color,
    first: bool,
}

impl Callout {
    /// Boxes `content` in `color`.
    pub fn new(content: LinearLayout, color: Color) -> Callout {
        Callout {
            content,
            color,
            first: true,
        }
    }
}

impl Element for Callout {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        // The box starts 1.5 mm down and ends 1.5 mm above the next block.
        let (top, bottom) = (Mm::from(1.5), Mm::from(1.5));
        let mut inner = area.clone();
        inner.add_margins(Margins::trbl(1.5 + 1.8, 3.0, 2.0, 4.5));
        let result = self.content.render(context, inner, style)?;
        let height = top + Mm::from(1.8) + result.size.height + Mm::from(2.0) + bottom;
        let width = area.size().width;
        let line = Style::new().with_color(self.color);
        let body_top = Mm::from(if self.first { 1.5 } else { 0.0 });
        let body_bottom = height - bottom;
        // A bar of close hairlines reads as one thick rule; genpdf draws no line widths.
        for i in 0..5 {
            let x = Mm::from(0.2 * f64::from(i));
            area.draw_line(
                vec![Position::new(x, body_top), Position::new(x, body_bottom)],
                line,
            );
        }
        area.draw_line(
            vec![
                Position::new(width, body_top),
                Position::new(width, body_bottom),
            ],
            line,
        );
        if self.first {
            area.draw_line(
                vec![Position::new(0, body_top), Position::new(width, body_top)],
                line,
            );
        }
        if !result.has_more {
            area.draw_line(
                vec![
                    Position::new(0, body_bottom),
                    Position::new(width, body_bottom),
                ],
                line,
            );
        }
        self.first = false;
        Ok(RenderResult {
            size: Size::new(width, height),
            has_more: result.has_more,
        })
    }
}

/// Cell padding and rules for tables: a rule under the header row, hairlines between rows.
pub struct RowRules {
    columns: usize,
    header: bool,
}

impl RowRules {
    /// Rules for a table whose first row is a header if `header`.
    pub fn new(header: bool) -> RowRules {
        RowRules { columns: 0, header }
    }
}

impl CellDecorator for RowRules {
    fn set_table_size(&mut self, num_columns: usize, _: usize) {
        self.columns = num_columns;
    }

    fn decorate_cell(&mut self, _: usize, row: usize, has_more: bool, area: Area<'_>, _: Style) {
        if has_more {
            return;
        }
        let size = area.size();
        let color = if self.header && row == 0 {
            theme::INK
        } else {
            theme::RULE
        };
        area.draw_line(
            vec![
                Position::new(0, size.height),
                Position::new(size.width, size.height),
            ],
            Style::new().with_color(color),
        );
    }
}

/// Pads a cell so text clears the rules and its neighbours.
pub fn cell(element: impl Element + 'static) -> Box<dyn Element> {
    Box::new(genpdf::elements::PaddedElement::new(
        element,
        Margins::trbl(1.3, 2.0, 1.5, 0.0),
    ))
}

/// Builds a fresh copy of a block: genpdf elements are used up as they render, so a block
/// that is measured first has to be built twice.
pub type Build = Box<dyn Fn() -> Box<dyn Element>>;

/// Blocks taller than this split across pages like running text; shorter ones move whole
/// to the next page rather than break.
const KEEP_MAX_MM: f64 = 110.0;

/// A block kept on one page when it fits one: a table row, a scenario, a boxed note.
pub struct Keep {
    number: usize,
    build: Build,
    inner: Option<Box<dyn Element>>,
    /// Printed above the block when it opens a page: a table's header row.
    header: Option<Build>,
    pages: SharedPages,
}

impl Keep {
    /// Keeps what `build` makes together.
    pub fn new(build: impl Fn() -> Box<dyn Element> + 'static, pages: SharedPages) -> Keep {
        let number = {
            let mut p = pages.borrow_mut();
            p.blocks += 1;
            p.blocks
        };
        Keep {
            number,
            build: Box::new(build),
            inner: None,
            header: None,
            pages,
        }
    }

    /// The same, with `header` printed above it if it lands at the top of a page.
    pub fn with_header(mut self, header: impl Fn() -> Box<dyn Element> + 'static) -> Keep {
        self.header = Some(Box::new(header));
        self
    }
}

impl Element for Keep {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        // With room for the tallest block that is kept whole, there is nothing to decide.
        if self.inner.is_none() && area.size().height < Mm::from(KEEP_MAX_MM) {
            let width = area.size().width;
            let key = (self.number, f64::from(width).to_bits());
            let heights = Rc::clone(&self.pages.borrow().heights);
            let known = heights.borrow().get(&key).copied();
            let height = match known {
                Some(h) => Mm::from(h),
                None => {
                    let h = measure(context, style, width, (self.build)())?;
                    heights.borrow_mut().insert(key, f64::from(h));
                    h
                }
            };
            if height > area.size().height {
                return Ok(RenderResult {
                    size: Size::new(0, 0),
                    has_more: true,
                });
            }
        }
        let top = std::mem::replace(&mut self.pages.borrow_mut().top_of_page, false);
        let inner = self.inner.get_or_insert_with(|| match &self.header {
            Some(header) if top => {
                let mut both = LinearLayout::vertical();
                both.push(Boxed(header()));
                both.push(Boxed((self.build)()));
                Box::new(both)
            }
            _ => (self.build)(),
        });
        inner.render(context, area, style)
    }
}

/// The height `element` takes at `width`, found by laying it out on a scratch page that is
/// never written.
fn measure(
    context: &Context,
    style: Style,
    width: Mm,
    mut element: Box<dyn Element>,
) -> Result<Mm, genpdf::error::Error> {
    let scratch = genpdf::render::Renderer::new(Size::new(width, Mm::from(2000.0)), "")?;
    let area = scratch.first_page().first_layer().area();
    let result = element.render(context, area, style)?;
    Ok(result.size.height)
}

/// A boxed element, usable where genpdf wants a concrete one.
pub struct Boxed(pub Box<dyn Element>);

impl Element for Boxed {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        self.0.render(context, area, style)
    }
}
