//! One page's items onto a krilla surface, each in a marked section: text as content of its
//! structure node, rules and boxes as artifacts.
//!
//! Lines and rectangles are always artifacts (of kind Layout unless the layout already made
//! them header or footer furniture): they are table rules, bars and box backgrounds, which a
//! screen reader should skip, and keeping them out of the nodes means a node is written only
//! if it has text or a link. The role the layout gave them decides nothing else.
//!
//! Nothing here can fail: the checks ran before the surface was made. That matters because
//! krilla panics if a surface is dropped with a section open, so an early return is not an
//! option here.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point as KrillaPoint, Rect as KrillaRect};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{Artifact as KrillaArtifact, ArtifactType, ContentTag, Identifier, SpanTag};
use krilla::text::{GlyphId, KrillaGlyph};

use super::error::Place;
use super::fonts::{Fonts, Loaded};
use super::tags::Tags;
use crate::layout::pages::{Artifact, GlyphRun, Item, NodeId, Page, Rgb, Role};

/// What the open marked section belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Content(NodeId),
    Artifact(Artifact),
}

/// Draws the page's items in order. `annotations` holds, by item index, the identifiers of the
/// link annotations already added to the page.
pub(crate) fn page(
    surface: &mut Surface<'_>,
    page_index: usize,
    page: &Page,
    annotations: &[Option<Identifier>],
    fonts: &Fonts,
    tags: &mut Tags<'_>,
) {
    let mut open: Option<Section> = None;
    for (item_index, item) in page.items.iter().enumerate() {
        let place = Place {
            page: page_index,
            item: item_index,
        };
        if let Some(location) = place.to_location() {
            surface.set_location(location);
        }
        match item {
            // A link draws nothing, so it neither opens nor closes a section; its annotation
            // joins its node here, in reading order.
            Item::Link { node, .. } => {
                if let Some(Some(id)) = annotations.get(item_index) {
                    tags.push(*node, *id);
                }
            }
            Item::Text(run) => {
                // A run with nothing to draw is skipped, so it cannot make its node appear.
                let Some(font) = fonts.get(run.face) else {
                    continue;
                };
                if run.glyphs.is_empty() {
                    continue;
                }
                let section = match run.role {
                    Role::Content(node) => Section::Content(node),
                    Role::Artifact(kind) => Section::Artifact(kind),
                };
                enter(surface, &mut open, section, tags);
                if let Role::Content(node) = run.role {
                    tags.text(node, &run.text);
                }
                text(surface, run, place, font);
            }
            Item::Line {
                from,
                to,
                width_pt,
                color,
                role,
            } => {
                let mut path = PathBuilder::new();
                path.move_to(from.x, from.y);
                path.line_to(to.x, to.y);
                // A zero-length line has no path; it would draw nothing anyway.
                if let Some(path) = path.finish() {
                    enter(surface, &mut open, decoration(*role), tags);
                    surface.set_fill(None);
                    surface.set_stroke(Some(Stroke {
                        paint: krilla_rgb(*color).into(),
                        width: width_pt.max(0.0),
                        ..Stroke::default()
                    }));
                    surface.draw_path(&path);
                    surface.set_stroke(None);
                }
            }
            Item::Rect { rect, fill, role } => {
                let rect = KrillaRect::from_xywh(rect.x, rect.y, rect.width, rect.height);
                let mut path = PathBuilder::new();
                if let Some(rect) = rect {
                    path.push_rect(rect);
                }
                // An empty rectangle has no path; it would fill nothing anyway.
                if let Some(path) = path.finish() {
                    enter(surface, &mut open, decoration(*role), tags);
                    surface.set_stroke(None);
                    surface.set_fill(Some(solid(*fill)));
                    surface.draw_path(&path);
                }
            }
        }
    }
    if open.is_some() {
        surface.end_tagged();
    }
    surface.reset_location();
}

/// The section a rule or box goes in: its artifact kind, or Layout.
fn decoration(role: Role) -> Section {
    match role {
        Role::Artifact(kind) => Section::Artifact(kind),
        Role::Content(_) => Section::Artifact(Artifact::Layout),
    }
}

/// Makes `want` the open section, closing the previous one. A new content section's
/// identifier goes straight into its node, so none is ever left out of the tree.
fn enter(
    surface: &mut Surface<'_>,
    open: &mut Option<Section>,
    want: Section,
    tags: &mut Tags<'_>,
) {
    if *open == Some(want) {
        return;
    }
    if open.is_some() {
        surface.end_tagged();
    }
    match want {
        Section::Content(node) => {
            let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
            tags.push(node, id);
        }
        Section::Artifact(kind) => {
            let kind = match kind {
                Artifact::Header => ArtifactType::Header,
                Artifact::Footer => ArtifactType::Footer,
                Artifact::Layout => ArtifactType::Layout,
            };
            // An artifact's identifier is a dummy that krilla does not expect in the tree.
            let _ = surface.start_tagged(ContentTag::Artifact(KrillaArtifact::with_kind(kind)));
        }
    }
    *open = Some(want);
}

fn text(surface: &mut Surface<'_>, run: &GlyphRun, place: Place, font: &Loaded) {
    let location = place.to_location();
    let glyphs: Vec<KrillaGlyph> = run
        .glyphs
        .iter()
        .map(|g| {
            KrillaGlyph::new(
                GlyphId::new(u32::from(g.id)),
                g.advance_em,
                g.offset_em.0,
                g.offset_em.1,
                0.0,
                g.text.clone(),
                location,
            )
        })
        .collect();
    surface.set_stroke(None);
    surface.set_fill(Some(solid(run.color)));
    surface.draw_glyphs(
        KrillaPoint::from_xy(run.origin.x, run.origin.y),
        &glyphs,
        font.font.clone(),
        &run.text,
        run.size_pt,
        false,
    );
}

fn krilla_rgb(color: Rgb) -> rgb::Color {
    rgb::Color::new(color.0, color.1, color.2)
}

fn solid(color: Rgb) -> Fill {
    Fill {
        paint: krilla_rgb(color).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}
