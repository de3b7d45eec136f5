//! The rules the pages must keep before krilla sees them. krilla panics, rather than returning
//! an error, on a text range that is not on a character boundary, a destination on a page that
//! does not exist or a tagged section left open; checking everything first means drawing
//! cannot fail halfway, with a section open.

use super::error::{PdfError, Place};
use super::fonts::Fonts;
use crate::layout::pages::{AnchorId, Item, NodeId, OutlineEntry, Pages, Role, Tag};

/// Deeper structure or outline nesting is refused: krilla walks both recursively, and real
/// briefs nest a handful of levels.
pub(crate) const MAX_DEPTH: usize = 64;

/// Every rule, first break reported.
pub(crate) fn pages(pages: &Pages, fonts: &Fonts) -> Result<(), PdfError> {
    if pages.pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    structure(pages)?;
    for (i, anchor) in pages.anchors.iter().enumerate() {
        let at = || format!("anchor {i}");
        if anchor.page >= pages.count() {
            return Err(PdfError::layout_at(
                at(),
                format!(
                    "it is on page {} of {}",
                    anchor.page.saturating_add(1),
                    pages.count()
                ),
            ));
        }
        if !(anchor.at.x.is_finite() && anchor.at.y.is_finite()) {
            return Err(PdfError::layout_at(at(), "its point is not a number"));
        }
    }
    outline(pages, &pages.outline, 1)?;
    for (page_index, page) in pages.pages.iter().enumerate() {
        if !(page.width_pt.is_finite()
            && page.height_pt.is_finite()
            && page.width_pt > 0.0
            && page.height_pt > 0.0)
        {
            return Err(PdfError::layout_at(
                format!("page {}", page_index + 1),
                format!("it is {} × {} pt", page.width_pt, page.height_pt),
            ));
        }
        for (item_index, item) in page.items.iter().enumerate() {
            let place = Place {
                page: page_index,
                item: item_index,
            };
            self::item(pages, fonts, item).map_err(|problem| PdfError::layout(place, problem))?;
        }
    }
    Ok(())
}

/// Parents exist, chains end, and not too deep.
fn structure(pages: &Pages) -> Result<(), PdfError> {
    let nodes = &pages.structure.nodes;
    // Depth of each node once known; filled as chains are walked, so the check is linear.
    let mut depth: Vec<Option<usize>> = vec![None; nodes.len()];
    for start in 0..nodes.len() {
        let mut chain = Vec::new();
        let mut current = Some(start);
        let base = loop {
            let Some(id) = current else { break 0 };
            if let Some(known) = depth[id] {
                break known;
            }
            if chain.len() > MAX_DEPTH {
                return Err(PdfError::layout_at(
                    format!("structure node {start}"),
                    format!("it is nested more than {MAX_DEPTH} deep, or its parents form a loop"),
                ));
            }
            chain.push(id);
            current = match nodes[id].parent {
                None => None,
                Some(NodeId(parent)) if parent < nodes.len() => Some(parent),
                Some(NodeId(parent)) => {
                    return Err(PdfError::layout_at(
                        format!("structure node {id}"),
                        format!("its parent {parent} does not exist"),
                    ));
                }
            };
        };
        for (k, id) in chain.iter().rev().enumerate() {
            depth[*id] = Some(base + k + 1);
        }
        if depth[start].is_some_and(|d| d > MAX_DEPTH) {
            return Err(PdfError::layout_at(
                format!("structure node {start}"),
                format!("it is nested more than {MAX_DEPTH} deep"),
            ));
        }
    }
    Ok(())
}

fn outline(pages: &Pages, entries: &[OutlineEntry], depth: usize) -> Result<(), PdfError> {
    for entry in entries {
        let at = || format!("bookmark {:?}", entry.title);
        if depth > MAX_DEPTH {
            return Err(PdfError::layout_at(
                at(),
                format!("it is nested more than {MAX_DEPTH} deep"),
            ));
        }
        anchor(pages, entry.anchor).map_err(|problem| PdfError::layout_at(at(), problem))?;
        outline(pages, &entry.children, depth + 1)?;
    }
    Ok(())
}

fn anchor(pages: &Pages, id: AnchorId) -> Result<(), String> {
    match pages.anchor(id) {
        Some(_) => Ok(()),
        None => Err(format!("it goes to anchor {}, which does not exist", id.0)),
    }
}

fn node(pages: &Pages, id: NodeId) -> Result<&Tag, String> {
    pages
        .structure
        .get(id)
        .map(|node| &node.tag)
        .ok_or_else(|| format!("structure node {} does not exist", id.0))
}

fn role(pages: &Pages, role: Role) -> Result<(), String> {
    match role {
        Role::Content(id) => node(pages, id).map(|_| ()),
        Role::Artifact(_) => Ok(()),
    }
}

fn finite(values: &[f32]) -> Result<(), String> {
    if values.iter().all(|v| v.is_finite()) {
        Ok(())
    } else {
        Err("a coordinate or size is not a number".to_owned())
    }
}

fn item(pages: &Pages, fonts: &Fonts, item: &Item) -> Result<(), String> {
    match item {
        Item::Text(run) => {
            role(pages, run.role)?;
            finite(&[run.size_pt, run.origin.x, run.origin.y])?;
            let Some(font) = fonts.get(run.face) else {
                return Err(format!("face {} is not loaded", run.face.name()));
            };
            for glyph in &run.glyphs {
                finite(&[glyph.advance_em])?;
                if glyph.id >= font.glyph_count {
                    return Err(format!(
                        "glyph {} is not in face {}, which has {} glyphs",
                        glyph.id,
                        run.face.name(),
                        font.glyph_count
                    ));
                }
                let range = &glyph.text;
                if range.start > range.end || run.text.get(range.clone()).is_none() {
                    return Err(format!(
                        "glyph {} stands for bytes {}..{} of {:?}, which is not a run of whole \
                         characters in it",
                        glyph.id, range.start, range.end, run.text
                    ));
                }
            }
            Ok(())
        }
        Item::Line {
            from,
            to,
            width_pt,
            role: r,
            ..
        } => {
            role(pages, *r)?;
            finite(&[from.x, from.y, to.x, to.y, *width_pt])
        }
        Item::Rect { rect, role: r, .. } => {
            role(pages, *r)?;
            finite(&[rect.x, rect.y, rect.width, rect.height])
        }
        Item::Link {
            rect,
            target,
            node: id,
            ..
        } => {
            finite(&[rect.x, rect.y, rect.width, rect.height])?;
            if !matches!(node(pages, *id)?, Tag::Link) {
                return Err(format!("its structure node {} is not a link", id.0));
            }
            match target {
                crate::layout::pages::Target::Anchor(a) => anchor(pages, *a),
                crate::layout::pages::Target::Url(_) => Ok(()),
            }
        }
    }
}
