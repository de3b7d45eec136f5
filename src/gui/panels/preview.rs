//! The preview: the laid-out pages — the very value the PDF is written from — painted as
//! sheets of paper, item by item where layout put them, so what the staffer sees is what
//! prints: page breaks, running header and footer, "Page X of Y" and all.
//!
//! Only the pages in view are painted, so a 200-page brief costs what a two-page one does.

use std::ops::Range;

use egui::{
    Color32, CornerRadius, FontId, Painter, Pos2, Rect, RichText, Sense, Shadow, Stroke, Ui, Vec2,
    pos2, text::LayoutJob, vec2,
};

use super::widgets::bold;
use crate::gui::action::{Action, Command};
use crate::gui::fonts;
use crate::layout::pages::{AnchorId, Face, GlyphRun, Item, Page, Pages, Rgb, Target};

/// Space around and between the sheets, in screen points.
const GAP: f32 = 14.0;
/// Text smaller than this many screen points is drawn as grey bars: unreadable either way,
/// and a bar costs one rectangle where text costs a glyph each.
const MIN_TEXT: f32 = 3.5;
/// How far, in screen points, egui's width of a line may differ from the layout's before the
/// difference is spread between its letters.
const MAX_DRIFT: f32 = 0.3;
/// The zoom range, as a multiple of "fit width".
pub const ZOOM_RANGE: (f32, f32) = (0.25, 4.0);
/// One step of the zoom buttons and Ctrl +/-.
pub const ZOOM_STEP: f32 = 1.25;

/// A point of a page, in PDF points from its top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Place {
    /// The page, from 0.
    pub page: usize,
    /// From the left edge.
    pub x_pt: f32,
    /// From the top edge, downwards.
    pub y_pt: f32,
}

/// Where the preview should scroll to on its next frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ScrollTarget {
    /// The top of the first page.
    Start,
    /// A section's heading, by the section's index in the brief.
    Section(usize),
    /// Where a link goes.
    Anchor(AnchorId),
    /// `place`, shown `at` screen points from the top-left corner of the view.
    Place {
        /// The point of the page.
        place: Place,
        /// Where in the view it should appear.
        at: Vec2,
    },
}

/// The preview's view: zoom and scrolling. Runtime state, neither the document nor a
/// preference; the app changes it when it applies actions, the panel reports what it showed.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewState {
    /// Size as a multiple of "fit width"; 1 fits the page to the panel.
    pub zoom: f32,
    /// Where to scroll on the next frame; kept until the pages it needs have been laid out.
    pub scroll_to: Option<ScrollTarget>,
    /// The pages painted in the last frame.
    pub visible: Range<usize>,
    /// What was at the top-left corner of the view in the last frame.
    pub top: Option<Place>,
    /// What was in the middle of the view in the last frame, and where that middle is.
    pub middle: Option<(Place, Vec2)>,
}

impl Default for PreviewState {
    fn default() -> Self {
        PreviewState {
            zoom: 1.0,
            scroll_to: None,
            visible: 0..0,
            top: None,
            middle: None,
        }
    }
}

impl PreviewState {
    /// Sets the zoom, keeping what is in the middle of the view where it is.
    pub fn set_zoom(&mut self, zoom: f32) {
        let zoom = zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        if zoom == self.zoom || !zoom.is_finite() {
            return;
        }
        self.zoom = zoom;
        if self.scroll_to.is_none()
            && let Some((place, at)) = self.middle
        {
            self.scroll_to = Some(ScrollTarget::Place { place, at });
        }
    }
}

/// Where each page sits in the scrolled content, at one scale.
struct Sheets {
    /// Screen points per PDF point.
    scale: f32,
    /// Each page's rectangle, relative to the content's top-left corner.
    rects: Vec<Rect>,
    /// The whole content.
    size: Vec2,
}

impl Sheets {
    fn new(pages: &[Page], view_width: f32, zoom: f32) -> Sheets {
        let widest = pages.iter().map(|p| p.width_pt).fold(1.0_f32, f32::max);
        let scale = zoom * (view_width - 2.0 * GAP).max(40.0) / widest;
        let content_width = view_width.max(widest * scale + 2.0 * GAP);
        let mut y = GAP;
        let rects = pages
            .iter()
            .map(|p| {
                let size = vec2(p.width_pt, p.height_pt) * scale;
                let rect =
                    Rect::from_min_size(pos2(((content_width - size.x) / 2.0).round(), y), size);
                y += size.y + GAP;
                rect
            })
            .collect();
        Sheets {
            scale,
            rects,
            size: vec2(content_width, y),
        }
    }

    /// The point of the content that shows `place`.
    fn content_pos(&self, place: Place) -> Option<Pos2> {
        let rect = self.rects.get(place.page)?;
        Some(rect.min + vec2(place.x_pt, place.y_pt) * self.scale)
    }

    /// The page and point at `pos` of the content; between pages, the top of the next one.
    fn place_at(&self, pos: Pos2) -> Option<Place> {
        let page = self
            .rects
            .partition_point(|r| r.bottom() < pos.y)
            .min(self.rects.len().checked_sub(1)?);
        let rect = self.rects.get(page)?;
        let local = (pos - rect.min) / self.scale;
        Some(Place {
            page,
            x_pt: local.x.max(0.0),
            y_pt: local.y.max(0.0),
        })
    }

    /// The pages that overlap `viewport`, a rectangle of the content.
    fn overlapping(&self, viewport: Rect) -> Range<usize> {
        let start = self.rects.partition_point(|r| r.bottom() < viewport.top());
        let end = self.rects.partition_point(|r| r.top() <= viewport.bottom());
        start..end.max(start)
    }
}

/// What the panel shows.
pub struct PreviewInput<'a> {
    /// The newest pages laid out, if any.
    pub pages: Option<&'a Pages>,
    /// True while a newer layout is on its way.
    pub updating: bool,
    /// Why the newest layout failed, if it did.
    pub error: Option<&'a str>,
}

/// The preview pane.
pub fn preview_ui(
    ui: &mut Ui,
    input: &PreviewInput<'_>,
    state: &mut PreviewState,
    actions: &mut Vec<Action>,
) {
    toolbar_ui(ui, input, state, actions);
    if let Some(error) = input.error {
        ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
    }
    let Some(pages) = input.pages else {
        ui.centered_and_justified(|ui| {
            ui.label(RichText::new("Laying out the pages\u{2026}").weak())
        });
        return;
    };
    pages_ui(ui, pages, input.updating, state, actions);
}

fn toolbar_ui(
    ui: &mut Ui,
    input: &PreviewInput<'_>,
    state: &PreviewState,
    actions: &mut Vec<Action>,
) {
    // Wrapped, so a narrow panel pushes buttons to a second row rather than growing wider.
    ui.horizontal_wrapped(|ui| {
        ui.label(bold("Preview"));
        let percent = input
            .pages
            .and_then(|p| p.pages.first())
            .map(|_| format!("{:.0}%", state.zoom * 100.0));
        let zoom_out = ui
            .add_enabled(
                state.zoom > ZOOM_RANGE.0,
                egui::Button::new("\u{2212}").small(),
            )
            .on_hover_text(hover(&Command::ZoomOut, ui));
        if zoom_out.clicked() {
            actions.push(Action::Command(Command::ZoomOut));
        }
        if let Some(percent) = percent {
            ui.label(percent)
                .on_hover_text("Size relative to the panel's width");
        }
        let zoom_in = ui
            .add_enabled(state.zoom < ZOOM_RANGE.1, egui::Button::new("+").small())
            .on_hover_text(hover(&Command::ZoomIn, ui));
        if zoom_in.clicked() {
            actions.push(Action::Command(Command::ZoomIn));
        }
        let fit = ui
            .add_enabled(state.zoom != 1.0, egui::Button::new("Fit width").small())
            .on_hover_text(hover(&Command::FitWidth, ui));
        if fit.clicked() {
            actions.push(Action::Command(Command::FitWidth));
        }
        if input.updating {
            ui.label(RichText::new("updating\u{2026}").weak().italics());
        }
    });
}

fn hover(command: &Command, ui: &Ui) -> String {
    match command.shortcut() {
        Some(s) => format!("{} ({})", command.label(), ui.ctx().format_shortcut(&s)),
        None => command.label().to_owned(),
    }
}

fn pages_ui(
    ui: &mut Ui,
    pages: &Pages,
    updating: bool,
    state: &mut PreviewState,
    actions: &mut Vec<Action>,
) {
    // A page cut by the edge of the view is cut, as in a PDF viewer, not faded into the panel.
    ui.spacing_mut().scroll.fade.strength = 0.0;
    let view_width = ui.available_width();
    let sheets = Sheets::new(&pages.pages, view_width, state.zoom);
    let mut area = egui::ScrollArea::both()
        .id_salt("preview-pages")
        .auto_shrink([false, false]);
    if let Some(target) = state.scroll_to {
        match resolve(target, pages, &sheets) {
            Some(offset) => {
                area = area.scroll_offset(offset.max(Vec2::ZERO));
                state.scroll_to = None;
            }
            // The section may be in the pages still being laid out.
            None if updating => {}
            None => state.scroll_to = None,
        }
    }
    let background = if ui.visuals().dark_mode {
        Color32::from_gray(60)
    } else {
        Color32::from_gray(200)
    };
    let output = area.show_viewport(ui, |ui, viewport| {
        let (content, _) = ui.allocate_exact_size(sheets.size, Sense::hover());
        let origin = content.min;
        ui.painter()
            .rect_filled(viewport.translate(origin.to_vec2()), 0.0, background);
        let visible = sheets.overlapping(viewport);
        for i in visible.clone() {
            let (Some(page), Some(rect)) = (pages.pages.get(i), sheets.rects.get(i)) else {
                continue;
            };
            let rect = rect.translate(origin.to_vec2());
            page_ui(ui, page, rect, sheets.scale, (i, pages.count()), actions);
        }
        state.visible = visible;
        state.top = sheets.place_at(viewport.min);
        state.middle = sheets
            .place_at(viewport.center())
            .map(|p| (p, viewport.size() / 2.0));
        origin
    });
    // Ctrl+scroll (or a pinch) zooms, keeping the point under the pointer where it is; at half
    // egui's rate, a notch of the wheel is about one step of the buttons.
    let zoom_delta = ui.input(|i| i.zoom_delta()).sqrt();
    if zoom_delta != 1.0
        && let Some(pointer) = ui.input(|i| i.pointer.hover_pos())
        && output.inner_rect.contains(pointer)
    {
        let at = pointer - output.inner_rect.min;
        let in_content = pointer - output.inner.to_vec2();
        if let Some(place) = sheets.place_at(in_content) {
            actions.push(Action::ZoomPreview {
                zoom: state.zoom * zoom_delta,
                keep: ScrollTarget::Place { place, at },
            });
        }
    }
}

/// The scroll offset that shows `target`, if the pages have it.
fn resolve(target: ScrollTarget, pages: &Pages, sheets: &Sheets) -> Option<Vec2> {
    let at_anchor = |anchor: AnchorId| {
        let a = pages.anchor(anchor)?;
        let place = Place {
            page: a.page,
            x_pt: 0.0,
            y_pt: a.at.y,
        };
        // A little of what is above, so the heading is not flush with the edge.
        Some(sheets.content_pos(place)?.to_vec2() - vec2(GAP, GAP + 6.0 * sheets.scale))
    };
    match target {
        ScrollTarget::Start => Some(Vec2::ZERO),
        ScrollTarget::Section(index) => {
            let span = pages.sections.iter().find(|s| s.index == index)?;
            at_anchor(span.anchor)
        }
        ScrollTarget::Anchor(anchor) => at_anchor(anchor),
        ScrollTarget::Place { place, at } => Some(sheets.content_pos(place)?.to_vec2() - at),
    }
}

/// One sheet: its shadow, the paper, then every item in the order it was laid out.
fn page_ui(
    ui: &Ui,
    page: &Page,
    rect: Rect,
    scale: f32,
    (index, count): (usize, usize),
    actions: &mut Vec<Action>,
) {
    let painter = ui.painter();
    let shadow = Shadow {
        offset: [1, 2],
        blur: 8,
        spread: 0,
        color: Color32::from_black_alpha(70),
    };
    painter.add(shadow.as_shape(rect, CornerRadius::ZERO));
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    // The sheet, for screen readers and tests: "Page 2 of 5".
    let sheet = ui.interact(rect, ui.scope_id().with(("page", index)), Sense::hover());
    let label = format!("Page {} of {count}", index + 1);
    sheet.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Image, true, &label));

    let painter = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let at = |x: f32, y: f32| rect.min + vec2(x, y) * scale;
    for (n, item) in page.items.iter().enumerate() {
        match item {
            Item::Text(run) => paint_run(&painter, run, rect.min, scale),
            Item::Line {
                from,
                to,
                width_pt,
                color,
                ..
            } => {
                let stroke = Stroke::new((width_pt * scale).max(0.5), color32(*color));
                painter.line_segment([at(from.x, from.y), at(to.x, to.y)], stroke);
            }
            Item::Rect { rect: r, fill, .. } => {
                let area = Rect::from_min_size(at(r.x, r.y), vec2(r.width, r.height) * scale);
                painter.rect_filled(area, 0.0, color32(*fill));
            }
            Item::Link {
                rect: r,
                target,
                alt,
                ..
            } => {
                let area = Rect::from_min_size(at(r.x, r.y), vec2(r.width, r.height) * scale);
                let id = ui.scope_id().with(("link", index, n));
                let response = ui
                    .interact(area, id, Sense::click())
                    .on_hover_cursor(egui::CursorIcon::PointingHand);
                let name = alt.clone();
                response
                    .widget_info(move || egui::WidgetInfo::labeled(egui::Role::Link, true, &name));
                let response = match target {
                    Target::Url(url) => response.on_hover_text(url),
                    Target::Anchor(_) => response,
                };
                if response.clicked() {
                    actions.push(match target {
                        Target::Anchor(a) => Action::ScrollPreview(ScrollTarget::Anchor(*a)),
                        Target::Url(url) => Action::OpenLink(url.clone()),
                    });
                }
            }
        }
    }
}

/// A run of glyphs — a line, as layout set it — as one galley in the same face and size, its
/// baseline on the run's. egui's shaping of Roboto comes within half a percent of the
/// layout's advances; the rest is spread between the letters, so every line ends exactly
/// where it ends in the PDF and word spacing stays even.
fn paint_run(painter: &Painter, run: &GlyphRun, page: Pos2, scale: f32) {
    let size = run.size_pt * scale;
    if size < MIN_TEXT {
        greek(painter, run, page, scale);
        return;
    }
    let color = color32(run.color);
    let font = FontId::new(size, fonts::family(run.face));
    // egui sets text left to right in its own faces: a run in another face, or set right to
    // left, is painted from its glyphs, exactly as it prints.
    let roboto = matches!(
        run.face,
        Face::REGULAR | Face::BOLD | Face::ITALIC | Face::BOLD_ITALIC
    );
    if (!roboto || run.text.chars().any(right_to_left))
        && crate::gui::shaped_run::paint(
            painter,
            run,
            page,
            scale,
            painter.ctx().pixels_per_point(),
        )
    {
        return;
    }
    let mut galley = painter.layout_no_wrap(run.text.clone(), font.clone(), color);
    let gaps = run.text.chars().count().saturating_sub(1);
    let error = run.width_pt() * scale - galley.rect.width();
    if error.abs() > MAX_DRIFT && gaps > 0 {
        let mut job = LayoutJob::simple_singleline(run.text.clone(), font, color);
        for section in &mut job.sections {
            section.format.extra_letter_spacing = error / gaps as f32;
        }
        galley = painter.layout_job(job);
    }
    let Some(row) = galley.rows.first() else {
        return;
    };
    let ascent = row.pos.y + row.row.glyphs.first().map_or(0.0, |g| g.pos.y);
    let left = page + vec2(run.origin.x, run.origin.y) * scale;
    painter.galley(pos2(left.x, left.y - ascent), galley, color);
}

/// A letter of a script written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko…).
fn right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

/// Text too small to read, as a light bar where it stands.
fn greek(painter: &Painter, run: &GlyphRun, page: Pos2, scale: f32) {
    let height = (run.size_pt * 0.45 * scale).max(0.5);
    let top = page.y + run.origin.y * scale - height;
    let left = page.x + run.origin.x * scale;
    let rect = Rect::from_min_size(pos2(left, top), vec2(run.width_pt() * scale, height));
    let c = color32(run.color);
    painter.rect_filled(rect, 0.0, c.gamma_multiply(0.35));
}

fn color32(Rgb(r, g, b): Rgb) -> Color32 {
    Color32::from_rgb(r, g, b)
}
