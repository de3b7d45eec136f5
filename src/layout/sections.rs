//! The content of the brief as genpdf elements: the title block, then each section in the
//! form a reader expects — tables for indicators, people, organisations and the timeline,
//! numbered subsections for scenarios and precedents, boxed annotations, numbered endnotes.
//! Table rows, scenarios and precedents are kept whole on a page when they fit one.

use genpdf::elements::{
    Break, LinearLayout, PaddedElement, Paragraph, StyledElement, TableLayout, UnorderedList,
};
use genpdf::style::Style;
use std::rc::Rc;

use genpdf::{Alignment, Document, Element};

use super::blocks::{Boxed, Callout, Heading, Keep, RowRules, Rule, cell};
use super::page::SharedPages;
use super::{text, theme};
use crate::compose::{Body, Composed, ComposedSection, Endnote, Row};
use crate::model::{Annotation, Event, Indicator, Organization, Person, Precedent, Scenario};

fn body() -> Style {
    Style::new()
}

fn small() -> Style {
    Style::new().with_font_size(theme::TABLE_PT)
}

fn muted(size: u8) -> Style {
    Style::new().with_font_size(size).with_color(theme::MUTED)
}

/// One line of text in `style`; the style is set on the paragraph itself so that its line
/// height follows the font size.
fn line(text: impl Into<String>, style: Style) -> StyledElement<Paragraph> {
    text::paragraph(&text.into(), style).styled(style)
}

/// A paragraph per line of `text`; blank lines become space.
fn paragraphs(text: &str, style: Style) -> LinearLayout {
    let mut layout = LinearLayout::vertical();
    for l in text.trim().lines() {
        let l = l.trim_end().replace('\t', "    ");
        if l.trim().is_empty() {
            layout.push(Break::new(0.4).styled(style));
        } else {
            layout.push(line(l, style));
        }
    }
    layout
}

/// Paragraphs whose last line ends in endnote markers, e.g. "… [1, 3]".
fn cited(text: &str, cites: &[usize], style: Style) -> LinearLayout {
    if cites.is_empty() {
        return paragraphs(text, style);
    }
    let marks: Vec<String> = cites.iter().map(ToString::to_string).collect();
    let marker = format!("\u{a0}[{}]", marks.join(",\u{a0}"));
    let text = text.trim();
    let (before, last) = match text.rfind('\n') {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => ("", text),
    };
    let mut layout = paragraphs(before, style);
    let mut p = text::paragraph(&last.trim_end().replace('\t', "    "), style);
    p.push_styled(marker, style.with_font_size(7).with_color(theme::MUTED));
    layout.push(p.styled(style));
    layout
}

/// "Label. text" with the label in bold.
fn labelled(label: &str, text: &str, style: Style) -> StyledElement<Paragraph> {
    let mut p = Paragraph::default();
    p.push_styled(format!("{label} "), style.bold());
    text::push(&mut p, &text.trim().replace('\n', " "), style);
    p.styled(style)
}

/// Annotations as ruled boxes, one box for each run of the same kind.
fn annotation_boxes(annotations: &[Annotation], style: Style) -> Vec<Callout> {
    crate::compose::annotation_boxes(annotations)
        .map(|b| {
            let color = theme::annotation(b.kind);
            let mut content = LinearLayout::vertical();
            content.push(line(
                b.label.to_uppercase(),
                Style::new().bold().with_font_size(7).with_color(color),
            ));
            if let [only] = b.items {
                content.push(paragraphs(&only.text, style));
            } else {
                let mut list = UnorderedList::with_bullet("\u{2022}");
                for a in b.items {
                    list.push(paragraphs(&a.text, style));
                }
                content.push(list.styled(style));
            }
            Callout::new(content, color)
        })
        .collect()
}

/// Annotations as blocks, one per box.
fn annotation_blocks(annotations: &[Annotation], style: Style) -> Vec<Block> {
    crate::compose::annotation_boxes(annotations)
        .map(|b| {
            block(b.items.to_vec(), move |g| {
                let mut layout = LinearLayout::vertical();
                push_annotations(&mut layout, g, style);
                Box::new(layout)
            })
        })
        .collect()
}

fn push_annotations(layout: &mut LinearLayout, annotations: &[Annotation], style: Style) {
    for b in annotation_boxes(annotations, style) {
        layout.push(Break::new(0.3).styled(small()));
        layout.push(b);
    }
}

/// Title, meeting details, bottom line and contents.
pub fn title_block(doc: &mut Document, c: &Composed, section_pages: Option<&[usize]>) {
    doc.push(line(
        "MEETING BRIEF",
        Style::new()
            .bold()
            .with_font_size(8)
            .with_color(theme::MUTED),
    ));
    doc.push(Break::new(0.3));
    doc.push(line(
        c.title.clone(),
        Style::new()
            .bold()
            .with_font_size(theme::TITLE_PT)
            .with_color(theme::INK)
            .with_line_spacing(1.1),
    ));
    if !c.subtitle.is_empty() {
        doc.push(line(
            c.subtitle.clone(),
            Style::new()
                .italic()
                .with_font_size(12)
                .with_color(theme::MUTED),
        ));
    }
    doc.push(Rule::new(theme::INK, 2.0));

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
    let mut table = TableLayout::new(vec![18, 82]);
    for (label, value) in details.into_iter().filter(|(_, v)| !v.trim().is_empty()) {
        let label = line(label, small().bold().with_color(theme::MUTED));
        let value = paragraphs(&value, small());
        let _ = table.push_row(vec![
            Box::new(PaddedElement::new(label, (0.5, 0, 0.5, 0))),
            Box::new(PaddedElement::new(value, (0.5, 0, 0.5, 0))),
        ]);
    }
    doc.push(table);

    if !m.bottom_line.is_empty() {
        let mut content = LinearLayout::vertical();
        content.push(line(
            "BOTTOM LINE UP FRONT",
            Style::new().bold().with_font_size(8).with_color(theme::INK),
        ));
        let mut list = UnorderedList::with_bullet("\u{2022}");
        for point in &m.bottom_line {
            list.push(paragraphs(point, body().bold()));
        }
        content.push(list);
        doc.push(Break::new(0.5));
        doc.push(Callout::new(content, theme::INK));
    }

    if c.sections.len() > 1 {
        doc.push(Break::new(0.5));
        doc.push(line(
            "CONTENTS",
            Style::new()
                .bold()
                .with_font_size(8)
                .with_color(theme::MUTED),
        ));
        doc.push(contents(c, section_pages));
    }
}

/// The contents list in two columns, read down then across, to keep it short.
fn contents(c: &Composed, section_pages: Option<&[usize]>) -> TableLayout {
    let entry = |s: &ComposedSection| -> [Box<dyn Element>; 3] {
        let page = section_pages
            .and_then(|p| p.get(s.number - 1))
            .map(ToString::to_string)
            .unwrap_or_default();
        [
            Box::new(line(s.number.to_string(), small())),
            Box::new(line(s.heading.clone(), small())),
            Box::new(PaddedElement::new(
                Paragraph::new(page)
                    .aligned(Alignment::Right)
                    .styled(small()),
                (0, 6, 0, 0),
            )),
        ]
    };
    let rows = c.sections.len().div_ceil(2);
    let mut table = TableLayout::new(vec![3, 34, 8, 3, 34, 8]);
    for r in 0..rows {
        let mut cells: Vec<Box<dyn Element>> = Vec::new();
        for s in [c.sections.get(r), c.sections.get(r + rows)] {
            match s {
                Some(s) => cells.extend(entry(s)),
                None => cells.extend([(); 3].map(|()| Box::new(Break::new(0)) as Box<dyn Element>)),
            }
        }
        let _ = table.push_row(cells);
    }
    table
}

/// Builds one block of a section afresh; see [`Keep`].
type Block = Rc<dyn Fn() -> Box<dyn Element>>;

fn block<T: 'static>(data: T, build: impl Fn(&T) -> Box<dyn Element> + 'static) -> Block {
    Rc::new(move || build(&data))
}

/// One section: heading, body, then its annotations. Each block (a table row, a scenario, a
/// boxed note) is kept whole on a page, and the heading travels with the first block.
pub fn section(doc: &mut Document, s: &ComposedSection, pages: &SharedPages) {
    let (mut blocks, header) = body_blocks(s);
    let rows = blocks.len();
    blocks.extend(annotation_blocks(&s.annotations, body()));
    let (number, heading) = (s.number, s.heading.clone());
    let first = blocks.first().cloned();
    let head = header.clone();
    let for_heading = Rc::clone(pages);
    doc.push(Keep::new(
        move || {
            let mut layout = LinearLayout::vertical();
            layout.push(Heading::new(number, &heading, Rc::clone(&for_heading)));
            if let Some(h) = &head {
                layout.push(Boxed(h()));
            }
            if let Some(first) = &first {
                layout.push(Boxed(first()));
            }
            Box::new(layout)
        },
        Rc::clone(pages),
    ));
    for (i, b) in blocks.into_iter().enumerate().skip(1) {
        let keep = Keep::new(move || b(), Rc::clone(pages));
        doc.push(match &header {
            Some(h) if i < rows => {
                let h = Rc::clone(h);
                keep.with_header(move || h())
            }
            _ => keep,
        });
    }
}

/// The blocks of a section's body, and for a table the header row its rows repeat.
fn body_blocks(s: &ComposedSection) -> (Vec<Block>, Option<Block>) {
    let blocks: Vec<Block> = match &s.body {
        Body::Overview(paras) => paras
            .iter()
            .enumerate()
            .map(|(i, p)| {
                block(p.clone(), move |p| {
                    let mut layout = LinearLayout::vertical();
                    if i > 0 {
                        layout.push(Break::new(0.5));
                    }
                    layout.push(paragraphs(p, body()));
                    Box::new(layout)
                })
            })
            .collect(),
        Body::Indicators(rows) => {
            return table_blocks(
                rows,
                &[18, 66, 16],
                &["Figure", "Indicator", "As of"],
                indicator_row,
            );
        }
        Body::People(rows) => {
            return table_blocks(rows, &[24, 30, 46], &["Name", "Role", "Stance"], person_row);
        }
        Body::Organizations(rows) => {
            return table_blocks(
                rows,
                &[28, 72],
                &["Organisation", "Position"],
                organization_row,
            );
        }
        Body::Timeline { rows, .. } if rows.is_empty() => vec![block((), |()| {
            Box::new(line(
                "No events in this period.",
                muted(theme::TABLE_PT).italic(),
            ))
        })],
        Body::Timeline { rows, .. } => {
            return table_blocks(
                rows,
                &[17, 15, 68],
                &["Date", "Category", "Event"],
                event_row,
            );
        }
        Body::Scenarios(rows) => rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                block((s.number, i + 1, r.clone()), |d| {
                    Box::new(scenario_block(d))
                })
            })
            .collect(),
        Body::Precedents(rows) => rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                block((s.number, i + 1, r.clone()), |d| {
                    Box::new(precedent_block(d))
                })
            })
            .collect(),
        Body::Sources(notes) => vec![block(notes.clone(), |n| Box::new(endnotes(n)))],
        Body::Notes => Vec::new(),
    };
    (blocks, None)
}

/// A table as blocks, one per row, each its own one-row table with the same column weights,
/// and its header row.
fn table_blocks<T: Clone + 'static>(
    rows: &[Row<T>],
    weights: &[usize],
    header: &[&str],
    build: fn(&Row<T>) -> Vec<Box<dyn Element>>,
) -> (Vec<Block>, Option<Block>) {
    let labels: Vec<String> = header.iter().map(ToString::to_string).collect();
    let head_weights = weights.to_vec();
    let head = block(labels, move |labels| {
        let mut head = TableLayout::new(head_weights.clone());
        head.set_cell_decorator(RowRules::new(true));
        let style = Style::new()
            .bold()
            .with_font_size(theme::TABLE_PT)
            .with_color(theme::INK);
        // One cell per weight, the one thing push_row checks.
        let _ = head.push_row(
            labels
                .iter()
                .map(|h| cell(line(h.clone(), style)))
                .collect(),
        );
        Box::new(head)
    });
    let blocks = rows
        .iter()
        .map(|r| {
            let weights = weights.to_vec();
            block(r.clone(), move |r| {
                let mut row = TableLayout::new(weights.clone());
                row.set_cell_decorator(RowRules::new(false));
                let _ = row.push_row(build(r).into_iter().map(|c| cell(Boxed(c))).collect());
                Box::new(row)
            })
        })
        .collect();
    (blocks, Some(head))
}

fn indicator_row(r: &Row<Indicator>) -> Vec<Box<dyn Element>> {
    let figure = line(
        r.item.value.clone(),
        Style::new()
            .bold()
            .with_font_size(14)
            .with_color(theme::INK),
    );
    let mut what = paragraphs(&r.item.label, small().bold());
    what.push(cited(&r.item.detail, &r.cites, small()));
    push_annotations(&mut what, &r.annotations, small());
    let as_of = r.item.as_of.map(|d| d.display_short()).unwrap_or_default();
    vec![
        Box::new(figure),
        Box::new(what),
        Box::new(paragraphs(&as_of, muted(theme::TABLE_PT))),
    ]
}

fn person_row(r: &Row<Person>) -> Vec<Box<dyn Element>> {
    let mut stance = cited(&r.item.stance, &r.cites, small());
    push_annotations(&mut stance, &r.annotations, small());
    vec![
        Box::new(paragraphs(&r.item.name, small().bold())),
        Box::new(paragraphs(&r.item.role, small())),
        Box::new(stance),
    ]
}

fn organization_row(r: &Row<Organization>) -> Vec<Box<dyn Element>> {
    let mut name = paragraphs(&r.item.name, small().bold());
    name.push(paragraphs(&r.item.kind, muted(8)));
    let mut position = paragraphs(&r.item.status, small().italic());
    position.push(cited(&r.item.summary, &r.cites, small()));
    push_annotations(&mut position, &r.annotations, small());
    vec![Box::new(name), Box::new(position)]
}

fn event_row(r: &Row<Event>) -> Vec<Box<dyn Element>> {
    let e = &r.item;
    let mut date = paragraphs(&e.date.display_short(), small().bold());
    if e.approximate {
        date.push(line("approx.", muted(8).italic()));
    }
    let mut event = paragraphs(&e.title, small().bold());
    event.push(cited(&e.summary, &r.cites, small()));
    push_annotations(&mut event, &r.annotations, small());
    vec![
        Box::new(date),
        Box::new(paragraphs(&e.category, muted(8))),
        Box::new(event),
    ]
}

fn subheading(layout: &mut LinearLayout, section: usize, n: usize, title: &str) {
    layout.push(Break::new(0.6));
    layout.push(line(
        format!("{section}.{n}\u{2002}{}", title.trim()),
        Style::new()
            .bold()
            .with_font_size(theme::SUBHEADING_PT)
            .with_color(theme::INK),
    ));
}

fn scenario_block((section, n, r): &(usize, usize, Row<Scenario>)) -> LinearLayout {
    let mut layout = LinearLayout::vertical();
    subheading(&mut layout, *section, *n, &r.item.title);
    if !r.item.discussed_by.is_empty() {
        let mut p = Paragraph::default();
        p.push_styled("Discussed by: ", muted(9).bold());
        text::push(
            &mut p,
            &r.item.discussed_by.trim().replace('\n', " "),
            muted(9).italic(),
        );
        layout.push(p.styled(muted(9)));
    }
    layout.push(cited(&r.item.summary, &r.cites, body()));
    push_annotations(&mut layout, &r.annotations, body());
    layout
}

fn precedent_block((section, n, r): &(usize, usize, Row<Precedent>)) -> LinearLayout {
    let mut layout = LinearLayout::vertical();
    subheading(&mut layout, *section, *n, &r.item.title);
    if !r.item.period.is_empty() {
        layout.push(paragraphs(&r.item.period, muted(9).italic()));
    }
    for (label, text) in [
        ("What happened.", &r.item.what_happened),
        ("Short term.", &r.item.short_term),
        ("Long term.", &r.item.long_term),
        ("Why it matters.", &r.item.relevance),
    ] {
        if !text.trim().is_empty() {
            layout.push(Break::new(0.25));
            layout.push(labelled(label, text, body()));
        }
    }
    if !r.cites.is_empty() {
        layout.push(cited("Sources:", &r.cites, muted(8)));
    }
    push_annotations(&mut layout, &r.annotations, body());
    layout
}

fn endnotes(notes: &[Endnote]) -> TableLayout {
    let mut t = TableLayout::new(vec![5, 95]);
    for n in notes {
        let s = &n.source;
        let mut who = s.publisher.trim().to_owned();
        if !s.author.trim().is_empty() {
            who = format!("{who}, {}", s.author.trim());
        }
        let mut p = Paragraph::default();
        text::push(&mut p, &format!("{who}. "), small());
        text::push(
            &mut p,
            &format!("{}.", s.title.trim().trim_end_matches('.')),
            small().italic(),
        );
        if let Some(d) = s.date {
            p.push_styled(format!(" {}.", d.display_short()), small());
        }
        if let Some(url) = &s.url {
            text::push(&mut p, &format!(" {url}"), muted(8));
        }
        let _ = t.push_row(vec![
            Box::new(PaddedElement::new(
                line(format!("{}.", n.number), small()),
                (0.8, 0, 0.8, 0),
            )),
            Box::new(PaddedElement::new(p.styled(small()), (0.8, 0, 0.8, 0))),
        ]);
    }
    t
}
