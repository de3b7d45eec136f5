//! Where a reader can jump: link annotations on the pages and the outline (bookmarks). Both
//! point at anchors, which the checks have made sure exist on real pages.

use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target as KrillaTarget};
use krilla::destination::{Destination, XyzDestination};
use krilla::geom::{Point as KrillaPoint, Rect as KrillaRect};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::Page as KrillaPage;
use krilla::tagging::Identifier;

use super::error::Place;
use crate::layout::pages::{AnchorId, Item, OutlineEntry, Page, Pages, Target};

/// Adds the page's links as tagged annotations, which must happen before its surface is made
/// (a second `surface()` call wipes the page). Returns, by item index, the identifier to put
/// into each link's node when the drawing reaches it, so the annotation sits in reading order.
/// A link with no area is left out: nothing could click it.
pub(crate) fn annotate(
    target_page: &mut KrillaPage<'_>,
    page_index: usize,
    page: &Page,
    pages: &Pages,
) -> Vec<Option<Identifier>> {
    page.items
        .iter()
        .enumerate()
        .map(|(item_index, item)| {
            let Item::Link {
                rect, target, alt, ..
            } = item
            else {
                return None;
            };
            let rect = KrillaRect::from_xywh(rect.x, rect.y, rect.width, rect.height)?;
            let alt = if alt.trim().is_empty() {
                fallback_alt(target, pages)
            } else {
                alt.clone()
            };
            let link = LinkAnnotation::new(rect, krilla_target(target, pages)?);
            let location = Place {
                page: page_index,
                item: item_index,
            }
            .to_location();
            let annotation = Annotation::new_link(link, Some(alt)).with_location(location);
            Some(target_page.add_tagged_annotation(annotation))
        })
        .collect()
}

/// PDF/UA wants every link described; when the layout gave no words, say where it goes.
fn fallback_alt(target: &Target, pages: &Pages) -> String {
    match target {
        Target::Url(url) => format!("link to {url}"),
        Target::Anchor(id) => match pages.anchor(*id) {
            Some(anchor) => format!("go to page {}", anchor.page + 1),
            None => "link".to_owned(),
        },
    }
}

fn krilla_target(target: &Target, pages: &Pages) -> Option<KrillaTarget> {
    Some(match target {
        Target::Anchor(id) => KrillaTarget::Destination(Destination::Xyz(destination(pages, *id)?)),
        Target::Url(url) => KrillaTarget::Action(Action::Link(LinkAction::new(url.clone()))),
    })
}

/// The anchor's page and point. `None` for an anchor that does not exist or is on a page that
/// does not: krilla would panic on it, and the checks have refused such pages already.
fn destination(pages: &Pages, id: AnchorId) -> Option<XyzDestination> {
    let anchor = pages.anchor(id)?;
    if anchor.page >= pages.count() {
        return None;
    }
    Some(XyzDestination::new(
        anchor.page,
        KrillaPoint::from_xy(anchor.at.x, anchor.at.y),
    ))
}

/// The bookmarks. PDF/UA requires an outline, so a brief with none gets one entry, its title,
/// opening at the first page.
pub(crate) fn outline(pages: &Pages, title: &str) -> Outline {
    let mut outline = Outline::new();
    for entry in &pages.outline {
        if let Some(node) = outline_node(pages, entry) {
            outline.push_child(node);
        }
    }
    if pages.outline.is_empty() {
        let top = XyzDestination::new(0, KrillaPoint::from_xy(0.0, 0.0));
        outline.push_child(OutlineNode::new(title.to_owned(), top));
    }
    outline
}

fn outline_node(pages: &Pages, entry: &OutlineEntry) -> Option<OutlineNode> {
    let mut node = OutlineNode::new(entry.title.clone(), destination(pages, entry.anchor)?);
    for child in &entry.children {
        if let Some(child) = outline_node(pages, child) {
            node.push_child(child);
        }
    }
    // Sections open with their subsections showing, as the printed contents would.
    Some(node.with_open(true))
}
