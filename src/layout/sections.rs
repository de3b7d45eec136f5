//! The content of the brief as genpdf elements, each tied to its place in the structure tree:
//! the title block, then each section in the form a reader expects — tables for indicators,
//! people, organisations and the timeline, numbered subsections for scenarios and precedents,
//! boxed annotations, numbered endnotes that citations link to.
//!
//! Page breaks: table rows, short tables (three rows or fewer), endnotes and short boxes are
//! kept whole; paragraphs break between lines but never leave one line alone; headings keep
//! room for what follows.

use std::rc::Rc;

use genpdf::elements::{Break, LinearLayout, PaddedElement, Paragraph, TableLayout};
use genpdf::style::Style;
use genpdf::{Document, Element};

use super::blocks::{
    AnchorAt, Boxed, Build, Callout, Heading, Keep, PageNumber, RowRules, Rule, Tagged, cell,
};
use super::bullets::Bullet;
use super::pages::{AnchorId, Artifact, NodeId, OutlineEntry, Tag, Target};
use super::state::{Shared, artifact_mark, node_mark};
use super::text::Setter;
use super::theme;
use crate::compose::{Body, Composed, ComposedSection, Endnote, Row};
use crate::model::{Annotation, Event, Indicator, Organization, Person, Precedent, Scenario};

/// What every builder needs: the run's state and the text setter.
#[derive(Clone)]
pub struct Cx {
    /// The run's state.
    pub state: Shared,
    /// Sets text.
    pub set: Setter,
    /// Anchors of the endnotes, by number - 1.
    pub notes: Rc<Vec<AnchorId>>,
    /// Anchors of the items the "Since the last brief" box links to, by id.
    pub items: Rc<std::collections::HashMap<String, AnchorId>>,
}

impl Cx {
    fn node(&self, tag: Tag, parent: Option<NodeId>) -> NodeId {
        self.state.borrow_mut().node(tag, parent)
    }

    /// A new structure node under `parent`.
    pub(super) fn node_in(&self, tag: Tag, parent: NodeId) -> NodeId {
        self.node(tag, Some(parent))
    }
}

fn body() -> Style {
    Style::new()
}

pub(super) fn small() -> Style {
    Style::new()
        .with_font_size(theme::TABLE_PT)
        .with_line_spacing(theme::TABLE_LINE_SPACING)
}

pub(super) fn muted(size: u8) -> Style {
    Style::new()
        .with_font_size(size)
        .with_color(theme::MUTED)
        .with_line_spacing(theme::TABLE_LINE_SPACING)
}

/// One line (or wrapped paragraph) of `text` in `style`, as part of `node`; the style is set
/// on the paragraph itself so that its line height follows the font size.
pub(super) fn line(cx: &Cx, text: &str, style: Style, node: NodeId) -> impl Element + use<> {
    Tagged::new(cx.set.paragraph(text, style).styled(style), node)
}

/// The lines of `text` as paragraphs of `node`; blank lines become space.
fn lines(cx: &Cx, text: &str, style: Style, node: NodeId) -> LinearLayout {
    let mut layout = LinearLayout::vertical();
    for l in text.trim().lines() {
        let l = l.trim_end().replace('\t', "    ");
        if l.trim().is_empty() {
            layout.push(Break::new(0.4).styled(style));
        } else {
            layout.push(line(cx, &l, style, node));
        }
    }
    layout
}

/// Each line of `text` its own paragraph node under `parent`.
fn paragraphs(cx: &Cx, text: &str, style: Style, parent: NodeId) -> LinearLayout {
    let mut layout = LinearLayout::vertical();
    for l in text.trim().lines() {
        let l = l.trim_end().replace('\t', "    ");
        if l.trim().is_empty() {
            layout.push(Break::new(0.4).styled(style));
        } else {
            let p = cx.node(Tag::Paragraph, Some(parent));
            layout.push(line(cx, &l, style, p));
        }
    }
    layout
}

/// Endnote markers, e.g. " [1, 3]", each number a link to its endnote, glued to the word
/// before so that a marker never starts a line.
fn push_marker(cx: &Cx, p: &mut Paragraph, cites: &[usize], style: Style, parent: NodeId) {
    let mark = style.with_font_size(7).with_color(theme::MUTED);
    p.push_styled("\u{a0}[", mark.with_mark(node_mark(parent)));
    for (i, n) in cites.iter().enumerate() {
        if i > 0 {
            p.push_styled(",\u{a0}", mark.with_mark(node_mark(parent)));
        }
        let target = cx.notes.get(n.saturating_sub(1)).copied();
        let node = match target {
            Some(anchor) => cx.state.borrow_mut().link(
                Target::Anchor(anchor),
                format!("Source {n}"),
                Some(parent),
            ),
            None => parent,
        };
        p.push_styled(n.to_string(), mark.with_mark(node_mark(node)));
    }
    p.push_styled("]", mark.with_mark(node_mark(parent)));
}

/// `text` whose last line ends in endnote markers, as part of `node`.
fn cited(cx: &Cx, text: &str, cites: &[usize], style: Style, node: NodeId) -> LinearLayout {
    if cites.is_empty() {
        return lines(cx, text, style, node);
    }
    let text = text.trim();
    let (before, last) = match text.rfind('\n') {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => ("", text),
    };
    let mut layout = lines(cx, before, style, node);
    let mut p = Paragraph::default();
    cx.set.push(
        &mut p,
        &last.trim_end().replace('\t', "    "),
        style.with_mark(node_mark(node)),
    );
    push_marker(cx, &mut p, cites, style, node);
    layout.push(p.styled(style));
    layout
}

/// Cited paragraphs, each line its own paragraph node under `parent`.
fn cited_paragraphs(
    cx: &Cx,
    text: &str,
    cites: &[usize],
    style: Style,
    parent: NodeId,
) -> LinearLayout {
    let text = text.trim();
    let all: Vec<&str> = text.lines().collect();
    let mut layout = LinearLayout::vertical();
    for (i, l) in all.iter().enumerate() {
        if l.trim().is_empty() {
            layout.push(Break::new(0.4).styled(style));
            continue;
        }
        let p = cx.node(Tag::Paragraph, Some(parent));
        let last = i + 1 == all.len();
        layout.push(cited(cx, l, if last { cites } else { &[] }, style, p));
    }
    layout
}

/// "Label. text" with the label in bold, a paragraph under `parent`.
fn labelled(
    cx: &Cx,
    label: &str,
    text: &str,
    style: Style,
    parent: NodeId,
) -> impl Element + use<> {
    let node = cx.node(Tag::Paragraph, Some(parent));
    let mut p = Paragraph::default();
    p.push_styled(format!("{label} "), style.bold());
    cx.set.push(&mut p, &text.trim().replace('\n', " "), style);
    Tagged::new(p.styled(style), node)
}

/// Builds a list item's content, given its body node.
pub(super) type ItemBuild = Box<dyn FnOnce(NodeId) -> Box<dyn Element>>;

/// Builds a table row's cells, given their nodes.
type RowCells<T> = fn(&Cx, &Row<T>, &[NodeId]) -> Vec<Box<dyn Element>>;

/// A bulleted list under `parent`, one item per element builder.
pub(super) fn bullet_list(
    cx: &Cx,
    parent: NodeId,
    style: Style,
    items: Vec<ItemBuild>,
) -> LinearLayout {
    let list = cx.node(Tag::List, Some(parent));
    let mut layout = LinearLayout::vertical();
    for build in items {
        let item = cx.node(Tag::ListItem, Some(list));
        let label = cx.node(Tag::Label, Some(item));
        let body = cx.node(Tag::ListBody, Some(item));
        layout.push(Bullet::new(
            "\u{2022}",
            style.with_mark(node_mark(label)),
            build(body),
        ));
    }
    layout
}

/// Annotations as ruled boxes under `parent`, one box for each run of the same kind.
fn annotation_boxes(
    cx: &Cx,
    annotations: &[Annotation],
    style: Style,
    parent: NodeId,
) -> Vec<Callout> {
    crate::compose::annotation_boxes(annotations)
        .map(|b| {
            let color = theme::annotation(b.kind);
            let aside = cx.node(Tag::Aside, Some(parent));
            let mut content = LinearLayout::vertical();
            let label = cx.node(Tag::Paragraph, Some(aside));
            content.push(line(
                cx,
                &b.label.to_uppercase(),
                Style::new().bold().with_font_size(7).with_color(color),
                label,
            ));
            if let [only] = b.items {
                content.push(paragraphs(cx, &only.text, style, aside));
            } else {
                let items = b
                    .items
                    .iter()
                    .map(|a| {
                        let (cx, text) = (cx.clone(), a.text.clone());
                        Box::new(move |node| {
                            Box::new(lines(&cx, &text, style, node)) as Box<dyn Element>
                        }) as ItemBuild
                    })
                    .collect();
                content.push(bullet_list(cx, aside, style, items));
            }
            Callout::new(content, color)
        })
        .collect()
}

fn push_annotations(
    cx: &Cx,
    layout: &mut LinearLayout,
    annotations: &[Annotation],
    style: Style,
    parent: NodeId,
) {
    for b in annotation_boxes(cx, annotations, style, parent) {
        layout.push(Break::new(0.3).styled(small()));
        layout.push(b);
    }
}

/// Annotations as kept blocks under `parent`, one per box; a tall box may break.
fn annotation_keeps(cx: &Cx, annotations: &[Annotation], parent: NodeId) -> Vec<Keep> {
    crate::compose::annotation_boxes(annotations)
        .map(|b| {
            let (cx2, items) = (cx.clone(), b.items.to_vec());
            let build: Build = Rc::new(move |_| {
                let mut layout = LinearLayout::vertical();
                push_annotations(&cx2, &mut layout, &items, body(), parent);
                Box::new(layout)
            });
            Keep::new(build, &cx.state).at_most(45.0)
        })
        .collect()
}

/// Title, meeting details, bottom line and contents. Returns the section anchors, in order.
pub fn title_block(doc: &mut Document, c: &Composed, cx: &Cx) -> Vec<AnchorId> {
    let kicker = cx.node(Tag::Paragraph, None);
    doc.push(line(
        cx,
        "MEETING BRIEF",
        Style::new()
            .bold()
            .with_font_size(8)
            .with_color(theme::MUTED),
        kicker,
    ));
    doc.push(Break::new(0.3));
    let title = cx.node(
        Tag::Heading {
            level: 1,
            title: c.title.clone(),
        },
        None,
    );
    doc.push(line(
        cx,
        &c.title,
        Style::new()
            .bold()
            .with_font_size(theme::TITLE_PT)
            .with_color(theme::INK)
            .with_line_spacing(1.1),
        title,
    ));
    if !c.subtitle.is_empty() {
        let sub = cx.node(Tag::Paragraph, None);
        doc.push(line(
            cx,
            &c.subtitle,
            Style::new()
                .italic()
                .with_font_size(12)
                .with_color(theme::MUTED),
            sub,
        ));
    }
    doc.push(Rule::new(theme::INK, 2.0, 1.2));

    let m = &c.meeting;
    let when = [m.date.as_str(), m.time.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let details = [
        ("Meeting", m.purpose.clone()),
        ("When", when),
        ("Where", m.location.clone()),
        ("Participants", m.participants.join("; ")),
        ("Prepared for", c.prepared_for.clone()),
        ("Prepared by", c.prepared_by.clone()),
        (
            "Dossier",
            format!("{}, as of {}", c.dossier_title, c.as_of.display_long()),
        ),
    ];
    let table_node = cx.node(Tag::Table, None);
    let mut table = TableLayout::new(vec![18, 82]);
    for (label, value) in details.into_iter().filter(|(_, v)| !v.trim().is_empty()) {
        let row = cx.node(Tag::Row, Some(table_node));
        let th = cx.node(Tag::HeaderCell, Some(row));
        let td = cx.node(Tag::Cell, Some(row));
        let label = line(cx, label, small().bold().with_color(theme::MUTED), th);
        let value = lines(cx, &value, small(), td);
        let _ = table.push_row(vec![
            Box::new(PaddedElement::new(label, (0.5, 0, 0.5, 0))),
            Box::new(PaddedElement::new(value, (0.5, 0, 0.5, 0))),
        ]);
    }
    doc.push(table);

    if !m.bottom_line.is_empty() {
        let aside = cx.node(Tag::Aside, None);
        let mut content = LinearLayout::vertical();
        let label = cx.node(Tag::Paragraph, Some(aside));
        content.push(line(
            cx,
            "BOTTOM LINE UP FRONT",
            Style::new().bold().with_font_size(8).with_color(theme::INK),
            label,
        ));
        let items = m
            .bottom_line
            .iter()
            .map(|point| {
                let (cx, point) = (cx.clone(), point.clone());
                Box::new(move |node| {
                    Box::new(lines(&cx, &point, body().bold(), node)) as Box<dyn Element>
                }) as ItemBuild
            })
            .collect();
        content.push(bullet_list(cx, aside, body().bold(), items));
        doc.push(Break::new(0.5));
        doc.push(Callout::new(content, theme::INK));
    }

    let anchors: Vec<AnchorId> = c
        .sections
        .iter()
        .map(|_| cx.state.borrow_mut().anchor())
        .collect();
    if c.sections.len() > 1 {
        doc.push(Break::new(0.5));
        let label = cx.node(Tag::Paragraph, None);
        doc.push(line(
            cx,
            "CONTENTS",
            Style::new()
                .bold()
                .with_font_size(8)
                .with_color(theme::MUTED),
            label,
        ));
        doc.push(contents(c, cx, &anchors));
    }
    anchors
}

/// The contents list in two columns, read across, each entry a link to its section.
fn contents(c: &Composed, cx: &Cx, anchors: &[AnchorId]) -> TableLayout {
    let list = cx.node(Tag::List, None);
    let entry = |s: &ComposedSection, anchor: AnchorId| -> [Box<dyn Element>; 3] {
        let item = cx.node(Tag::ListItem, Some(list));
        let label = cx.node(Tag::Label, Some(item));
        let lbody = cx.node(Tag::ListBody, Some(item));
        let link = cx.state.borrow_mut().link(
            Target::Anchor(anchor),
            format!("Go to section {}, {}", s.number, s.heading),
            Some(lbody),
        );
        [
            Box::new(line(cx, &s.number.to_string(), small(), label)),
            Box::new(line(cx, &s.heading, small(), link)),
            Box::new(PaddedElement::new(
                Tagged::new(PageNumber::new(anchor, &cx.state).styled(small()), link),
                (0, 6, 0, 0),
            )),
        ]
    };
    let mut table = TableLayout::new(vec![3, 34, 8, 3, 34, 8]);
    let sections: Vec<(&ComposedSection, AnchorId)> =
        c.sections.iter().zip(anchors.iter().copied()).collect();
    for pair in sections.chunks(2) {
        let mut cells: Vec<Box<dyn Element>> = Vec::new();
        for i in 0..2 {
            match pair.get(i) {
                Some((s, a)) => cells.extend(entry(s, *a)),
                None => cells.extend([(); 3].map(|()| Box::new(Break::new(0)) as Box<dyn Element>)),
            }
        }
        let _ = table.push_row(cells);
    }
    table
}

/// One section: heading, body, then its annotations. Returns its outline entry.
pub fn section(
    doc: &mut Document,
    c: &Composed,
    s: &ComposedSection,
    anchor: AnchorId,
    cx: &Cx,
) -> OutlineEntry {
    let node = cx.node(Tag::Section, None);
    let title = format!("{}\u{2003}{}", s.number, s.heading);
    let heading_node = cx.node(
        Tag::Heading {
            level: 2,
            title: format!("{} {}", s.number, s.heading),
        },
        Some(node),
    );
    let heading_style = Style::new()
        .bold()
        .with_font_size(theme::HEADING_PT)
        .with_color(theme::INK);
    let heading = Heading::new(
        line(cx, &title, heading_style, heading_node),
        anchor,
        &cx.state,
    );
    let mut children = Vec::new();
    match &s.body {
        // A column empty in every row is left out: "As of" when no indicator is dated.
        Body::Indicators(rows) if rows.iter().all(|r| r.item.as_of.is_none()) => table(
            doc,
            cx,
            node,
            heading,
            rows,
            &[14, 86],
            &["Figure", "Indicator"],
            indicator_row,
        ),
        Body::Indicators(rows) => table(
            doc,
            cx,
            node,
            heading,
            rows,
            &[18, 66, 16],
            &["Figure", "Indicator", "As of"],
            indicator_row,
        ),
        Body::People(rows) => table(
            doc,
            cx,
            node,
            heading,
            rows,
            &[24, 30, 46],
            &["Name", "Role", "Stance"],
            person_row,
        ),
        Body::Organizations(rows) => table(
            doc,
            cx,
            node,
            heading,
            rows,
            &[28, 72],
            &["Organisation", "Position"],
            organization_row,
        ),
        Body::Timeline { rows, .. } if !rows.is_empty() => table(
            doc,
            cx,
            node,
            heading,
            rows,
            &[14, 14, 72],
            &["Date", "Category", "Event"],
            event_row,
        ),
        Body::Timeline { .. } => {
            doc.push(heading);
            let p = cx.node(Tag::Paragraph, Some(node));
            doc.push(line(
                cx,
                "No events in this period.",
                muted(theme::TABLE_PT).italic(),
                p,
            ));
        }
        Body::Overview(paras) => {
            doc.push(heading);
            for (i, p) in paras.iter().enumerate() {
                if i > 0 {
                    doc.push(Break::new(0.5));
                }
                doc.push(paragraphs(cx, p, body(), node));
            }
        }
        Body::Scenarios(rows) => {
            doc.push(heading);
            for (i, r) in rows.iter().enumerate() {
                children.push(scenario(doc, cx, node, s.number, i + 1, r));
            }
        }
        Body::Precedents(rows) => {
            doc.push(heading);
            for (i, r) in rows.iter().enumerate() {
                children.push(precedent(doc, cx, node, s.number, i + 1, r));
            }
        }
        Body::Sources(notes) => {
            doc.push(heading);
            endnotes(doc, cx, node, notes);
        }
        Body::Notes => doc.push(heading),
        Body::Changes => {
            doc.push(heading);
            super::changes::changes_box(doc, cx, node, &c.changes);
        }
    }
    for keep in annotation_keeps(cx, &s.annotations, node) {
        doc.push(keep);
    }
    OutlineEntry {
        title: format!("{} {}", s.number, s.heading),
        anchor,
        children,
    }
}

/// Rows at or under this count are kept on one page.
const SHORT_TABLE_ROWS: usize = 3;

/// A table: the heading kept with the header and the first row; each row kept whole; a
/// continued table repeats its header, marked "(continued)". A short table never splits.
#[allow(clippy::too_many_arguments)]
fn table<T: Clone + 'static>(
    doc: &mut Document,
    cx: &Cx,
    section: NodeId,
    heading: Heading,
    rows: &[Row<T>],
    weights: &[usize],
    header: &[&str],
    build: RowCells<T>,
) {
    let table_node = cx.node(Tag::Table, Some(section));
    let labels: Vec<String> = header.iter().map(ToString::to_string).collect();
    let head: Build = {
        let (cx, weights) = (cx.clone(), weights.to_vec());
        Rc::new(move |repeat| {
            let mut head = TableLayout::new(weights.clone());
            head.set_cell_decorator(RowRules::new(true));
            let style = Style::new()
                .bold()
                .with_font_size(theme::TABLE_PT)
                .with_color(theme::INK);
            let row = (!repeat).then(|| cx.node(Tag::Row, Some(table_node)));
            let cells = labels
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    let text = if repeat && i == 0 {
                        format!("{h} (continued)")
                    } else {
                        h.clone()
                    };
                    let paragraph = cx.set.paragraph(&text, style).styled(style);
                    match row {
                        Some(row) => {
                            let th = cx.node(Tag::HeaderCell, Some(row));
                            cell(Tagged::new(paragraph, th))
                        }
                        None => cell(Tagged::with_mark(
                            paragraph,
                            artifact_mark(Artifact::Layout),
                        )),
                    }
                })
                .collect();
            // One cell per weight, the one thing push_row checks.
            let _ = head.push_row(cells);
            Box::new(head)
        })
    };
    let row_build = |r: Row<T>| -> Build {
        let (cx, weights) = (cx.clone(), weights.to_vec());
        Rc::new(move |_| {
            let mut t = TableLayout::new(weights.clone());
            t.set_cell_decorator(RowRules::new(false));
            let row = cx.node(Tag::Row, Some(table_node));
            let cells: Vec<NodeId> = weights
                .iter()
                .map(|_| cx.node(Tag::Cell, Some(row)))
                .collect();
            let mut elements = build(&cx, &r, &cells);
            // Where the item prints, for the "Since the last brief" box's link to it.
            if let (Some(anchor), Some(first)) = (cx.items.get(&r.id), elements.first_mut()) {
                let mut marked = LinearLayout::vertical();
                marked.push(AnchorAt::new(*anchor, &cx.state));
                let content = std::mem::replace(first, Box::new(LinearLayout::vertical()));
                marked.push(Boxed(content));
                *first = Box::new(marked);
            }
            let _ = t.push_row(
                elements
                    .into_iter()
                    .zip(&cells)
                    .map(|(e, c)| cell(Tagged::new(Boxed(e), *c)))
                    .collect(),
            );
            Box::new(t)
        })
    };
    if rows.len() <= SHORT_TABLE_ROWS {
        let builds: Vec<Build> = rows.iter().cloned().map(row_build).collect();
        let head = Rc::clone(&head);
        let all: Build = Rc::new(move |_| {
            let mut layout = LinearLayout::vertical();
            layout.push(Boxed(head(false)));
            for b in &builds {
                layout.push(Boxed(b(false)));
            }
            Box::new(layout)
        });
        doc.push(heading.keep_with(Rc::clone(&all)));
        doc.push(Keep::new(all, &cx.state));
        return;
    }
    let mut heading = Some(heading);
    for (i, r) in rows.iter().cloned().enumerate() {
        let b = row_build(r);
        if i == 0 {
            let head = Rc::clone(&head);
            let first: Build = Rc::new(move |_| {
                let mut layout = LinearLayout::vertical();
                layout.push(Boxed(head(false)));
                layout.push(Boxed(b(false)));
                Box::new(layout)
            });
            if let Some(heading) = heading.take() {
                doc.push(heading.keep_with(Rc::clone(&first)));
            }
            doc.push(Keep::new(first, &cx.state));
        } else {
            doc.push(Keep::new(b, &cx.state).with_header(Rc::clone(&head)));
        }
    }
}

fn indicator_row(cx: &Cx, r: &Row<Indicator>, cells: &[NodeId]) -> Vec<Box<dyn Element>> {
    let (figure, what, as_of) = match cells {
        [figure, what, as_of] => (figure, what, Some(as_of)),
        [figure, what] => (figure, what, None),
        _ => return Vec::new(),
    };
    let figure = line(
        cx,
        &r.item.value,
        Style::new()
            .bold()
            .with_font_size(14)
            .with_color(theme::INK),
        *figure,
    );
    let mut content = lines(cx, &r.item.label, small().bold(), *what);
    content.push(cited(cx, &r.item.detail, &r.cites, small(), *what));
    push_annotations(cx, &mut content, &r.annotations, small(), *what);
    let mut cells: Vec<Box<dyn Element>> = vec![Box::new(figure), Box::new(content)];
    if let Some(as_of) = as_of {
        let date = r.item.as_of.map(|d| d.display_short()).unwrap_or_default();
        cells.push(Box::new(lines(cx, &date, muted(theme::TABLE_PT), *as_of)));
    }
    cells
}

fn person_row(cx: &Cx, r: &Row<Person>, cells: &[NodeId]) -> Vec<Box<dyn Element>> {
    let [name, role, stance_cell] = cells else {
        return Vec::new();
    };
    let mut stance = cited(cx, &r.item.stance, &r.cites, small(), *stance_cell);
    push_annotations(cx, &mut stance, &r.annotations, small(), *stance_cell);
    vec![
        Box::new(lines(cx, &r.item.name, small().bold(), *name)),
        Box::new(lines(cx, &r.item.role, small(), *role)),
        Box::new(stance),
    ]
}

fn organization_row(cx: &Cx, r: &Row<Organization>, cells: &[NodeId]) -> Vec<Box<dyn Element>> {
    let [name_cell, position_cell] = cells else {
        return Vec::new();
    };
    let mut name = lines(cx, &r.item.name, small().bold(), *name_cell);
    name.push(lines(cx, &r.item.kind, muted(8), *name_cell));
    let mut position = lines(cx, &r.item.status, small().italic(), *position_cell);
    position.push(cited(
        cx,
        &r.item.summary,
        &r.cites,
        small(),
        *position_cell,
    ));
    push_annotations(cx, &mut position, &r.annotations, small(), *position_cell);
    vec![Box::new(name), Box::new(position)]
}

fn event_row(cx: &Cx, r: &Row<Event>, cells: &[NodeId]) -> Vec<Box<dyn Element>> {
    let [date_cell, category, event_cell] = cells else {
        return Vec::new();
    };
    let e = &r.item;
    let mut date = match e.date {
        Some(d) => lines(cx, &d.display_short(), small().bold(), *date_cell),
        None => lines(cx, "undated", muted(8).italic(), *date_cell),
    };
    if e.approximate && e.date.is_some() {
        date.push(line(cx, "approx.", muted(8).italic(), *date_cell));
    }
    let mut event = lines(cx, &e.title, small().bold(), *event_cell);
    event.push(cited(cx, &e.summary, &r.cites, small(), *event_cell));
    push_annotations(cx, &mut event, &r.annotations, small(), *event_cell);
    vec![
        Box::new(date),
        Box::new(lines(cx, &e.category, muted(8), *category)),
        Box::new(event),
    ]
}

/// A numbered subsection's heading, kept with what follows; returns its outline entry.
fn subheading(
    doc: &mut Document,
    cx: &Cx,
    parent: NodeId,
    number: &str,
    title: &str,
) -> OutlineEntry {
    let anchor = cx.state.borrow_mut().anchor();
    let text = format!("{number}\u{2002}{}", title.trim());
    let node = cx.node(
        Tag::Heading {
            level: 3,
            title: format!("{number} {}", title.trim()),
        },
        Some(parent),
    );
    let style = Style::new()
        .bold()
        .with_font_size(theme::SUBHEADING_PT)
        .with_color(theme::INK);
    doc.push(Heading::sub(
        line(cx, &text, style, node),
        anchor,
        &cx.state,
    ));
    OutlineEntry {
        title: format!("{number} {}", title.trim()),
        anchor,
        children: Vec::new(),
    }
}

fn scenario(
    doc: &mut Document,
    cx: &Cx,
    section: NodeId,
    number: usize,
    n: usize,
    r: &Row<Scenario>,
) -> OutlineEntry {
    let node = cx.node(Tag::Section, Some(section));
    if let Some(anchor) = cx.items.get(&r.id) {
        doc.push(AnchorAt::new(*anchor, &cx.state));
    }
    let entry = subheading(doc, cx, node, &format!("{number}.{n}"), &r.item.title);
    if !r.item.discussed_by.is_empty() {
        let p = cx.node(Tag::Paragraph, Some(node));
        let mut para = Paragraph::default();
        para.push_styled("Discussed by: ", muted(9).bold());
        cx.set.push(
            &mut para,
            &r.item.discussed_by.trim().replace('\n', " "),
            muted(9).italic(),
        );
        doc.push(Tagged::new(para.styled(muted(9)), p));
    }
    doc.push(cited_paragraphs(
        cx,
        &r.item.summary,
        &r.cites,
        body(),
        node,
    ));
    for keep in annotation_keeps(cx, &r.annotations, node) {
        doc.push(keep);
    }
    entry
}

fn precedent(
    doc: &mut Document,
    cx: &Cx,
    section: NodeId,
    number: usize,
    n: usize,
    r: &Row<Precedent>,
) -> OutlineEntry {
    let node = cx.node(Tag::Section, Some(section));
    if let Some(anchor) = cx.items.get(&r.id) {
        doc.push(AnchorAt::new(*anchor, &cx.state));
    }
    let entry = subheading(doc, cx, node, &format!("{number}.{n}"), &r.item.title);
    if !r.item.period.is_empty() {
        doc.push(paragraphs(cx, &r.item.period, muted(9).italic(), node));
    }
    for (label, text) in [
        ("What happened.", &r.item.what_happened),
        ("Short term.", &r.item.short_term),
        ("Long term.", &r.item.long_term),
        ("Why it matters.", &r.item.relevance),
    ] {
        if !text.trim().is_empty() {
            doc.push(Break::new(0.25));
            doc.push(labelled(cx, label, text, body(), node));
        }
    }
    if !r.cites.is_empty() {
        let p = cx.node(Tag::Paragraph, Some(node));
        doc.push(cited(cx, "Sources:", &r.cites, muted(8), p));
    }
    for keep in annotation_keeps(cx, &r.annotations, node) {
        doc.push(keep);
    }
    entry
}

/// Endnotes as a numbered list, each kept whole and anchored for the citations; a URL is a
/// link.
fn endnotes(doc: &mut Document, cx: &Cx, section: NodeId, notes: &[Endnote]) {
    let list = cx.node(Tag::List, Some(section));
    for n in notes {
        let anchor = cx.notes.get(n.number.saturating_sub(1)).copied();
        let (cx2, n) = (cx.clone(), n.clone());
        let build: Build = Rc::new(move |_| {
            let cx = &cx2;
            let item = cx.node(Tag::ListItem, Some(list));
            let label = cx.node(Tag::Label, Some(item));
            let lbody = cx.node(Tag::ListBody, Some(item));
            let s = &n.source;
            let mut who = s.publisher.trim().to_owned();
            if !s.author.trim().is_empty() {
                who = format!("{who}, {}", s.author.trim());
            }
            let text = small().with_mark(node_mark(lbody));
            let mut p = Paragraph::default();
            cx.set.push(&mut p, &format!("{who}. "), text);
            cx.set.push(
                &mut p,
                &format!("{}.", s.title.trim().trim_end_matches('.')),
                text.italic(),
            );
            if let Some(d) = s.date {
                p.push_styled(format!(" {}.", d.display_short()), text);
            }
            if let Some(url) = &s.url {
                let link = cx.state.borrow_mut().link(
                    Target::Url(url.trim().to_owned()),
                    format!("Open {}", url.trim()),
                    Some(lbody),
                );
                p.push_styled(" ", text);
                cx.set
                    .push(&mut p, url.trim(), muted(8).with_mark(node_mark(link)));
            }
            let mut t = TableLayout::new(vec![5, 95]);
            let mut number = LinearLayout::vertical();
            if let Some(a) = anchor {
                number.push(AnchorAt::new(a, &cx.state));
            }
            number.push(line(cx, &format!("{}.", n.number), small(), label));
            let _ = t.push_row(vec![
                Box::new(PaddedElement::new(number, (0.8, 0, 0.8, 0))),
                Box::new(PaddedElement::new(p.styled(small()), (0.8, 0, 0.8, 0))),
            ]);
            Box::new(t)
        });
        doc.push(Keep::new(build, &cx.state).at_most(40.0));
    }
}
