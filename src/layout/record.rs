//! genpdf's recorded pages -> [`Pages`]: millimetres to points, fonts to faces, marks to
//! structure, link text to clickable areas; then what only the finished layout knows is set:
//! "Page X of Y" in every footer and the contents list's page numbers.

use std::sync::LazyLock;

use genpdf::render::{Drawn, RecordedPage};
use genpdf::style::Color;
use genpdf::{Mm, Position};

use super::furniture::{FOOTER_LINE_MM, FOOTER_TEXT_MM};
use super::pages::{
    Anchor, Artifact, Face, Glyph, GlyphRun, Item, Page, Pages, Point, Rect, Rgb, Role, Target,
};
use super::state::{State, role_of};
use super::theme;

/// Points per millimetre.
const PT_PER_MM: f64 = 72.0 / 25.4;

fn pt(mm: Mm) -> f32 {
    (f64::from(mm) * PT_PER_MM) as f32
}

fn point(p: Position) -> Point {
    Point {
        x: pt(p.x),
        y: pt(p.y),
    }
}

fn rgb(color: Option<Color>) -> Rgb {
    match color {
        Some(Color::Rgb(r, g, b)) => Rgb(r, g, b),
        Some(Color::Greyscale(g)) => Rgb(g, g, g),
        Some(Color::Cmyk(c, m, y, k)) => {
            let f = |v: u8| {
                let v = (255 - u16::from(v)) * (255 - u16::from(k)) / 255;
                u8::try_from(v).unwrap_or(u8::MAX)
            };
            Rgb(f(c), f(m), f(y))
        }
        None => Rgb(0, 0, 0),
    }
}

/// The regular face, for text set after layout: page numbers.
static REGULAR: LazyLock<Option<ttf_parser::Face<'static>>> =
    LazyLock::new(|| ttf_parser::Face::parse(super::fonts::REGULAR, 0).ok());

/// `text` in the regular face: glyphs, and the ascent less descent in ems.
fn typeset(text: &str) -> (Vec<Glyph>, f32) {
    let Some(f) = REGULAR.as_ref() else {
        return (Vec::new(), 1.0);
    };
    let upem = f32::from(f.units_per_em().max(1));
    let glyphs = text
        .char_indices()
        .map(|(i, c)| {
            let id = f.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
            Glyph {
                id: id.0,
                advance_em: f32::from(f.glyph_hor_advance(id).unwrap_or(0)) / upem,
                offset_em: (0.0, 0.0),
                text: i..i + c.len_utf8(),
            }
        })
        .collect();
    let height = (f32::from(f.ascender()) - f32::from(f.descender())) / upem;
    (glyphs, height)
}

/// A run of `text` in the regular face, its right edge at `right`.
fn right_aligned(
    text: &str,
    size_pt: f32,
    color: Rgb,
    right: f32,
    baseline: f32,
    role: Role,
) -> GlyphRun {
    let (glyphs, _) = typeset(text);
    let mut run = GlyphRun {
        face: Face::REGULAR,
        size_pt,
        color,
        origin: Point {
            x: 0.0,
            y: baseline,
        },
        glyphs,
        text: text.to_owned(),
        role,
    };
    run.origin.x = right - run.width_pt();
    run
}

fn convert(item: Drawn, state: &State, out: &mut Vec<Item>) {
    match item {
        Drawn::Text {
            face,
            font_size,
            color,
            mark,
            origin,
            glyphs,
            text,
        } => {
            let role = role_of(mark).unwrap_or(Role::Artifact(Artifact::Layout));
            let glyphs = glyphs
                .into_iter()
                .map(|g| Glyph {
                    id: u16::try_from(g.id).unwrap_or(0),
                    advance_em: g.advance,
                    offset_em: (g.x_offset, g.y_offset),
                    text: g.text,
                })
                .collect();
            let run = GlyphRun {
                face: super::fonts::face_of(&face),
                size_pt: font_size,
                color: rgb(color),
                origin: point(origin),
                glyphs,
                text,
                role,
            };
            push_run(run, state, out);
        }
        Drawn::Line {
            points,
            color,
            width,
            mark,
        } => {
            let role = role_of(mark).unwrap_or(Role::Artifact(Artifact::Layout));
            let width_pt = width.map_or(1.0, pt);
            for pair in points.windows(2) {
                out.push(Item::Line {
                    from: point(pair[0]),
                    to: point(pair[1]),
                    width_pt,
                    color: rgb(color),
                    role: decoration(role),
                });
            }
        }
        Drawn::Rect {
            origin,
            size,
            color,
            mark,
        } => {
            let role = role_of(mark).unwrap_or(Role::Artifact(Artifact::Layout));
            let o = point(origin);
            out.push(Item::Rect {
                rect: Rect {
                    x: o.x,
                    y: o.y,
                    width: pt(size.width),
                    height: pt(size.height),
                },
                fill: rgb(color),
                role: decoration(role),
            });
        }
    }
}

/// Lines and boxes are decoration: a reader skips them, unless they belong to the running
/// header or footer.
fn decoration(role: Role) -> Role {
    match role {
        Role::Artifact(a) => Role::Artifact(a),
        Role::Content(_) => Role::Artifact(Artifact::Layout),
    }
}

/// Adds a run, and its clickable area first if it is the text of a link.
fn push_run(run: GlyphRun, state: &State, out: &mut Vec<Item>) {
    if let Role::Content(node) = run.role
        && let Some((target, alt)) = state.links.get(&node)
        && !run.text.trim().is_empty()
        && resolved(target, state)
    {
        let ascent = run.size_pt * 0.93;
        out.push(Item::Link {
            rect: Rect {
                x: run.origin.x,
                y: run.origin.y - ascent,
                width: run.width_pt(),
                height: run.size_pt * 1.2,
            },
            target: target.clone(),
            node,
            alt: alt.clone(),
        });
    }
    out.push(Item::Text(run));
}

/// True when a link's target exists: an anchor that was laid out, or any URL.
fn resolved(target: &Target, state: &State) -> bool {
    match target {
        Target::Anchor(a) => matches!(state.anchors.get(a.0), Some(Some(_))),
        Target::Url(url) => !url.trim().is_empty(),
    }
}

/// The pages, with footers' page numbers and the contents' numbers set.
pub fn pages(recorded: Vec<RecordedPage>, state: &State) -> Pages {
    let total = recorded.len();
    let mut pages: Vec<Page> = recorded
        .into_iter()
        .map(|p| {
            let mut items = Vec::with_capacity(p.items.len() + 1);
            for item in p.items {
                convert(item, state, &mut items);
            }
            Page {
                width_pt: pt(p.size.width),
                height_pt: pt(p.size.height),
                items,
            }
        })
        .collect();

    // "Page X of Y", right of the footer, where the decorator left room for it.
    let size = f32::from(theme::FOOTER_PT);
    let (_, height) = typeset("0");
    for (i, page) in pages.iter_mut().enumerate() {
        let right = page.width_pt - pt(Mm::from(theme::MARGIN_SIDE_MM));
        let top = page.height_pt - pt(Mm::from(FOOTER_LINE_MM)) + pt(Mm::from(FOOTER_TEXT_MM));
        let run = right_aligned(
            &format!("Page {} of {total}", i + 1),
            size,
            rgb(Some(theme::MUTED)),
            right,
            top + height * size,
            Role::Artifact(Artifact::Footer),
        );
        page.items.push(Item::Text(run));
    }

    // The contents list's page numbers.
    for r in &state.page_refs {
        let Some(Some(place)) = state.anchors.get(r.anchor.0) else {
            continue;
        };
        let role = role_of(r.style.mark()).unwrap_or(Role::Artifact(Artifact::Layout));
        let run = right_aligned(
            &(place.page + 1).to_string(),
            f32::from(r.style.font_size()),
            rgb(r.style.color()),
            pt(r.right),
            pt(r.place.at.y),
            role,
        );
        if let Some(page) = pages.get_mut(r.place.page) {
            push_run(run, state, &mut page.items);
        }
    }

    let anchors = state
        .anchors
        .iter()
        .map(|a| {
            let p = a.unwrap_or_default();
            Anchor {
                page: p.page,
                at: point(p.at),
            }
        })
        .collect();
    Pages {
        pages,
        structure: state.structure.clone(),
        anchors,
        ..Pages::default()
    }
}
