//! Page elements genpdf does not have: a heading that keeps with what follows and marks where
//! it lands, a ruled annotation box, a hairline, rules between table rows, a block kept whole
//! on a page, and the small elements that tie what is drawn to the structure tree and to
//! anchors.

use std::rc::Rc;

use genpdf::elements::{CellDecorator, LinearLayout};
use genpdf::render::Area;
use genpdf::style::{Color, Style};
use genpdf::{Context, Element, Margins, Mm, Position, RenderResult, Size};

use super::pages::{AnchorId, NodeId};
use super::state::{PageRef, Shared, node_mark};
use super::theme;

/// Width of rules between table rows, points.
const HAIRLINE_PT: f64 = 0.5;

fn pt(pt: f64) -> Mm {
    genpdf::pt_to_mm(pt)
}

/// Renders `inner` with everything it draws marked as part of `node`, unless it marks its own.
pub struct Tagged<E: Element> {
    inner: E,
    mark: usize,
}

impl<E: Element> Tagged<E> {
    /// `inner` as part of `node`.
    pub fn new(inner: E, node: NodeId) -> Tagged<E> {
        Tagged {
            inner,
            mark: node_mark(node),
        }
    }

    /// `inner` under a raw mark (an artifact's).
    pub fn with_mark(inner: E, mark: usize) -> Tagged<E> {
        Tagged { inner, mark }
    }
}

impl<E: Element> Element for Tagged<E> {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        self.inner.render(context, area, style.with_mark(self.mark))
    }
}

/// Nothing drawn here: the element starts on the next page.
pub fn next_page() -> RenderResult {
    RenderResult {
        size: Size::new(0, 0),
        has_more: true,
    }
}

/// Records where it lands as `anchor`; draws nothing and takes no room.
pub struct AnchorAt {
    anchor: AnchorId,
    state: Shared,
}

impl AnchorAt {
    /// Marks `anchor` here.
    pub fn new(anchor: AnchorId, state: &Shared) -> AnchorAt {
        AnchorAt {
            anchor,
            state: Rc::clone(state),
        }
    }
}

impl Element for AnchorAt {
    fn render(
        &mut self,
        _: &Context,
        area: Area<'_>,
        _: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        self.state.borrow_mut().place(self.anchor, area.origin());
        Ok(RenderResult::default())
    }
}

/// The page number of `anchor`, right-aligned in its cell; set after layout, when pages are
/// known. Takes one line.
pub struct PageNumber {
    anchor: AnchorId,
    state: Shared,
}

impl PageNumber {
    /// The page `anchor` lands on.
    pub fn new(anchor: AnchorId, state: &Shared) -> PageNumber {
        PageNumber {
            anchor,
            state: Rc::clone(state),
        }
    }
}

impl Element for PageNumber {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        let height = style.line_height(&context.font_cache);
        if area.size().height < height {
            return Ok(next_page());
        }
        let mut state = self.state.borrow_mut();
        if state.measuring == 0 {
            let page = state.page;
            let baseline = style
                .font(&context.font_cache)
                .glyph_height(style.font_size());
            state.page_refs.push(PageRef {
                anchor: self.anchor,
                place: super::state::Place {
                    page,
                    at: area.origin() + Position::new(0, baseline),
                },
                right: area.origin().x + area.size().width,
                style,
            });
        }
        Ok(RenderResult {
            size: Size::new(area.size().width, height),
            has_more: false,
        })
    }
}

/// Room a heading wants below it for the start of its content.
const KEEP_WITH_NEXT_MM: f64 = 24.0;

/// A section heading with a rule under it. It moves to the next page rather than sit at the
/// foot of one, and marks where it lands.
pub struct Heading {
    content: Box<dyn Element>,
    anchor: AnchorId,
    state: Shared,
    ruled: bool,
    keep_mm: f64,
    /// What must print on the same page: a table's header and first row.
    next: Option<Build>,
}

impl Heading {
    /// A section heading: `content` (already tagged), ruled, anchored at `anchor`.
    pub fn new(content: impl Element + 'static, anchor: AnchorId, state: &Shared) -> Heading {
        Heading {
            content: Box::new(content),
            anchor,
            state: Rc::clone(state),
            ruled: true,
            keep_mm: KEEP_WITH_NEXT_MM,
            next: None,
        }
    }

    /// Keeps the heading on the page of the block `next` builds (measured first): a table's
    /// header row and first row, so the heading is never left alone at a page's foot.
    pub fn keep_with(mut self, next: Build) -> Heading {
        self.next = Some(next);
        self
    }

    /// A subsection heading: no rule, less room wanted below.
    pub fn sub(content: impl Element + 'static, anchor: AnchorId, state: &Shared) -> Heading {
        Heading {
            ruled: false,
            keep_mm: 16.0,
            ..Heading::new(content, anchor, state)
        }
    }
}

impl Element for Heading {
    fn render(
        &mut self,
        context: &Context,
        mut area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        if area.size().height < Mm::from(self.keep_mm) {
            return Ok(next_page());
        }
        if let Some(next) = &self.next {
            // The heading's own height (space above, the line, the rule) and what it heads.
            let own = Mm::from(if self.ruled { 14.0 } else { 9.0 });
            self.state.borrow_mut().measuring += 1;
            let measured = measure(context, style, area.size().width, next(false));
            self.state.borrow_mut().measuring -= 1;
            let need = own + measured?;
            // A block too tall for any page splits anyway; then the heading stays.
            if need > area.size().height && need <= Mm::from(KEEP_MAX_MM) {
                return Ok(next_page());
            }
        }
        let above = Mm::from(if self.ruled { 4.0 } else { 2.5 });
        area.add_offset(Position::new(0, above));
        self.state.borrow_mut().place(self.anchor, area.origin());
        let result = self.content.render(context, area.clone(), style)?;
        let mut height = above + result.size.height;
        if self.ruled {
            let y = result.size.height + Mm::from(0.8);
            area.draw_line_with_width(
                vec![Position::new(0, y), Position::new(area.size().width, y)],
                Style::new().with_color(theme::INK),
                Some(pt(0.8)),
            );
            height = above + y + Mm::from(2.5);
        } else {
            height += Mm::from(0.8);
        }
        Ok(RenderResult {
            size: Size::new(area.size().width, height),
            has_more: result.has_more,
        })
    }
}

/// A horizontal rule across the area.
pub struct Rule {
    color: Color,
    space_mm: f64,
    width_pt: f64,
}

impl Rule {
    /// A rule `width_pt` thick with `space_mm` above and below.
    pub fn new(color: Color, space_mm: f64, width_pt: f64) -> Rule {
        Rule {
            color,
            space_mm,
            width_pt,
        }
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
        area.draw_line_with_width(
            vec![Position::new(0, y), Position::new(area.size().width, y)],
            Style::new().with_color(self.color),
            Some(pt(self.width_pt)),
        );
        Ok(RenderResult {
            size: Size::new(area.size().width, y * 2.0),
            has_more: false,
        })
    }
}

/// A ruled box with a coloured bar down its left side, for the staffer's own words. It may
/// break across pages; the box is open at the break.
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
        if result.size.height == Mm::from(0.0) && result.has_more {
            return Ok(next_page());
        }
        let height = top + Mm::from(1.8) + result.size.height + Mm::from(2.0) + bottom;
        let width = area.size().width;
        let line = Style::new().with_color(self.color);
        let body_top = Mm::from(if self.first { 1.5 } else { 0.0 });
        let body_bottom = height - bottom;
        area.fill_rect(
            Position::new(0, body_top),
            Size::new(Mm::from(1.0), body_bottom - body_top),
            line,
        );
        let hair = Some(pt(HAIRLINE_PT));
        area.draw_line_with_width(
            vec![
                Position::new(width, body_top),
                Position::new(width, body_bottom),
            ],
            line,
            hair,
        );
        if self.first {
            area.draw_line_with_width(
                vec![Position::new(0, body_top), Position::new(width, body_top)],
                line,
                hair,
            );
        }
        if !result.has_more {
            area.draw_line_with_width(
                vec![
                    Position::new(0, body_bottom),
                    Position::new(width, body_bottom),
                ],
                line,
                hair,
            );
        }
        self.first = false;
        Ok(RenderResult {
            size: Size::new(width, height),
            has_more: result.has_more,
        })
    }
}

/// Rules for tables: a rule under the header row, hairlines between rows.
pub struct RowRules {
    header: bool,
}

impl RowRules {
    /// Rules for a table whose first row is a header if `header`.
    pub fn new(header: bool) -> RowRules {
        RowRules { header }
    }
}

impl CellDecorator for RowRules {
    fn decorate_cell(&mut self, _: usize, row: usize, has_more: bool, area: Area<'_>, _: Style) {
        if has_more {
            return;
        }
        let size = area.size();
        let (color, width) = if self.header && row == 0 {
            (theme::INK, 0.8)
        } else {
            (theme::RULE, HAIRLINE_PT)
        };
        area.draw_line_with_width(
            vec![
                Position::new(0, size.height),
                Position::new(size.width, size.height),
            ],
            Style::new().with_color(color),
            Some(pt(width)),
        );
    }
}

/// Pads a cell so text clears the rules and its neighbours.
pub fn cell(element: impl Element + 'static) -> Box<dyn Element> {
    Box::new(genpdf::elements::PaddedElement::new(
        element,
        Margins::trbl(1.2, 2.0, 1.3, 0.0),
    ))
}

/// Builds a fresh copy of a block: genpdf elements are used up as they render, so a block
/// that is measured first has to be built twice. The flag asks for a repeat (a continued
/// table's header), which is drawn as page furniture.
pub type Build = Rc<dyn Fn(bool) -> Box<dyn Element>>;

/// Blocks taller than this split across pages like running text; shorter ones move whole
/// to the next page rather than break.
pub const KEEP_MAX_MM: f64 = 110.0;

/// A block kept on one page when it fits one: a table row, a short table, a boxed note.
pub struct Keep {
    build: Build,
    inner: Option<Box<dyn Element>>,
    /// Printed above the block when it opens a page: a table's header row.
    header: Option<Build>,
    state: Shared,
    max: Mm,
    /// Height measured at a width.
    measured: Option<(Mm, Mm)>,
}

impl Keep {
    /// Keeps what `build` makes together.
    pub fn new(build: Build, state: &Shared) -> Keep {
        Keep {
            build,
            inner: None,
            header: None,
            state: Rc::clone(state),
            max: Mm::from(KEEP_MAX_MM),
            measured: None,
        }
    }

    /// The same, with `header` printed above it if it lands at the top of a page.
    pub fn with_header(mut self, header: Build) -> Keep {
        self.header = Some(header);
        self
    }

    /// Kept whole only up to `mm` tall.
    pub fn at_most(mut self, mm: f64) -> Keep {
        self.max = Mm::from(mm);
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
        if self.inner.is_none() && area.size().height < self.max {
            let width = area.size().width;
            let height = match self.measured {
                Some((w, h)) if w == width => h,
                _ => {
                    self.state.borrow_mut().measuring += 1;
                    let h = measure(context, style, width, (self.build)(false));
                    self.state.borrow_mut().measuring -= 1;
                    let h = h?;
                    self.measured = Some((width, h));
                    h
                }
            };
            if height > area.size().height && height <= self.max {
                return Ok(next_page());
            }
        }
        let top = std::mem::replace(&mut self.state.borrow_mut().top_of_page, false);
        let inner = self.inner.get_or_insert_with(|| match &self.header {
            Some(header) if top => {
                let mut both = LinearLayout::vertical();
                both.push(Boxed(header(true)));
                both.push(Boxed((self.build)(false)));
                Box::new(both)
            }
            _ => (self.build)(false),
        });
        inner.render(context, area, style)
    }
}

/// The height `element` takes at `width`, found by laying it out on a scratch page that is
/// thrown away.
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
