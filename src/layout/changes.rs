//! The "Since the last brief" box: what changed in the dossier since the brief was last
//! exported, each new or changed item a link to where it prints in this brief.

use genpdf::elements::LinearLayout;
use genpdf::style::Style;
use genpdf::{Document, Element};

use super::blocks::Callout;
use super::pages::{NodeId, Tag, Target};
use super::sections::{Cx, ItemBuild, bullet_list, line, muted, small};
use super::theme;
use crate::changes::{Change, Changes};

/// The box under the section's heading.
pub fn changes_box(doc: &mut Document, cx: &Cx, section: NodeId, changes: &Changes) {
    let aside = cx.node_in(Tag::Aside, section);
    let mut content = LinearLayout::vertical();
    let Some(since) = &changes.since else {
        let p = cx.node_in(Tag::Paragraph, aside);
        content.push(line(
            cx,
            "First brief on this dossier.",
            small().italic(),
            p,
        ));
        doc.push(Callout::new(content, theme::INK));
        return;
    };
    let when = since
        .day
        .map_or_else(|| since.at.clone(), |d| d.display_long());
    let intro = format!(
        "Since the last brief, exported {when} (dossier as of {}):",
        since.dossier_as_of.display_long()
    );
    let p = cx.node_in(Tag::Paragraph, aside);
    content.push(line(cx, &intro, muted(theme::TABLE_PT), p));
    if changes.is_empty() {
        let p = cx.node_in(Tag::Paragraph, aside);
        let text = "Nothing this brief prints has changed.";
        content.push(line(cx, text, small().italic(), p));
    }
    let new: Vec<String> = changes.new.iter().map(Change::printed_text).collect();
    let changed: Vec<String> = changes.changed.iter().map(Change::printed_text).collect();
    let linked = |list: &[Change], texts: Vec<String>| -> Vec<(String, Option<String>)> {
        list.iter()
            .zip(texts)
            .map(|(c, t)| (t, Some(c.id.clone())))
            .collect()
    };
    let removed = changes.removed.iter().map(|r| (r.text(), None)).collect();
    for (label, entries) in [
        ("NEW", linked(&changes.new, new)),
        ("CHANGED", linked(&changes.changed, changed)),
        ("NO LONGER IN THE BRIEF", removed),
    ] {
        if entries.is_empty() {
            continue;
        }
        let p = cx.node_in(Tag::Paragraph, aside);
        let style = Style::new().bold().with_font_size(7).with_color(theme::INK);
        content.push(line(cx, label, style, p));
        let items = entries
            .into_iter()
            .map(|(text, id)| {
                let cx = cx.clone();
                Box::new(move |body: NodeId| {
                    let anchor = id.as_ref().and_then(|id| cx.items.get(id)).copied();
                    let node = match anchor {
                        Some(anchor) => cx.state.borrow_mut().link(
                            Target::Anchor(anchor),
                            format!("Go to {text}"),
                            Some(body),
                        ),
                        None => body,
                    };
                    Box::new(line(&cx, &text, small(), node)) as Box<dyn Element>
                }) as ItemBuild
            })
            .collect();
        content.push(bullet_list(cx, aside, small(), items));
    }
    doc.push(Callout::new(content, theme::INK));
}
