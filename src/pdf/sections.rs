//! The content of the brief as genpdf elements: the title block, then each section in the
//! form a reader expects — tables for indicators, people, organisations and the timeline,
//! numbered subsections for scenarios and precedents, boxed annotations, numbered endnotes.

use genpdf::elements::{Break, LinearLayout, Paragraph, TableLayout, UnorderedList};
use genpdf::style::{Color, Style, StyledString};
use genpdf::{Alignment, Document, Element};

use super::blocks::{Callout, Heading, RowRules, Rule, cell};
use super::page::SharedPages;
use super::theme;
use crate::compose::{Body, Composed, ComposedSection, Endnote, Row};
use crate::model::{Annotation, AnnotationKind, Event};

fn style() -> Style {
    Style::new()
}

fn muted(size: u8) -> Style {
    Style::new().with_font_size(size).with_color(theme::MUTED)
}

/// A paragraph per line of `text`; blank lines become space.
fn paragraphs(text: &str, style: Style) -> LinearLayout {
    let mut layout = LinearLayout::vertical();
    for line in text.trim().lines() {
        let line = line.trim_end().replace('\t', "    ");
        if line.trim().is_empty() {
            layout.push(Break::new(0.4));
        } else {
            layout.push(Paragraph::new(StyledString::new(line, style)));
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
    let mut p = Paragraph::default();
    p.push_styled(last.trim_end().replace('\t', "    "), style);
    p.push_styled(marker, muted(7));
    layout.push(p);
    layout
}

/// "Label. text" with the label in bold.
fn labelled(label: &str, text: &str) -> Paragraph {
    let mut p = Paragraph::default();
    p.push_styled(format!("{label} "), style().bold());
    p.push_styled(text.trim().replace('\n', " "), style());
    p
}

fn table(weights: Vec<usize>, header: Option<&[&str]>) -> TableLayout {
    let mut table = TableLayout::new(weights);
    table.set_cell_decorator(RowRules::new(header.is_some()));
    if let Some(labels) = header {
        let cells = labels
            .iter()
            .map(|label| {
                cell(Paragraph::new(StyledString::new(
                    label.to_string(),
                    Style::new()
                        .bold()
                        .with_font_size(theme::TABLE_PT)
                        .with_color(theme::INK),
                )))
            })
            .collect();
        push_row(&mut table, cells);
    }
    table
}

fn push_row(table: &mut TableLayout, cells: Vec<Box<dyn Element>>) {
    // Every row here is built with as many cells as its table has columns, the one thing
    // push_row checks.
    let _ = table.push_row(cells);
}

fn kind_color(kind: AnnotationKind) -> Color {
    match kind {
        AnnotationKind::Note => theme::NOTE,
        AnnotationKind::TalkingPoint => theme::TALKING_POINT,
        AnnotationKind::Question => theme::QUESTION,
    }
}

fn plural(kind: AnnotationKind) -> &'static str {
    match kind {
        AnnotationKind::Note => "Staff notes",
        AnnotationKind::TalkingPoint => "Talking points",
        AnnotationKind::Question => "Questions to ask",
    }
}

/// Annotations as ruled boxes, one box for each run of the same kind.
fn annotation_boxes(annotations: &[Annotation]) -> Vec<Callout> {
    let mut boxes = Vec::new();
    for group in annotations.chunk_by(|a, b| a.kind == b.kind) {
        let Some(first) = group.first() else { continue };
        let kind = first.kind;
        let color = kind_color(kind);
        let label = if group.len() > 1 {
            plural(kind)
        } else {
            kind.label()
        };
        let mut content = LinearLayout::vertical();
        content.push(Paragraph::new(StyledString::new(
            label.to_uppercase(),
            Style::new().bold().with_font_size(7).with_color(color),
        )));
        if group.len() == 1 {
            content.push(paragraphs(&first.text, style()));
        } else {
            let mut list = UnorderedList::with_bullet("\u{2022}");
            for a in group {
                list.push(paragraphs(&a.text, style()));
            }
            content.push(list);
        }
        boxes.push(Callout::new(content, color));
    }
    boxes
}

fn push_annotations(layout: &mut LinearLayout, annotations: &[Annotation]) {
    for b in annotation_boxes(annotations) {
        layout.push(Break::new(0.3));
        layout.push(b);
    }
}

/// Title, meeting details, bottom line and contents.
pub fn title_block(doc: &mut Document, c: &Composed, section_pages: Option<&[usize]>) {
    doc.push(Paragraph::new(StyledString::new(
        "MEETING BRIEF",
        Style::new()
            .bold()
            .with_font_size(8)
            .with_color(theme::MUTED),
    )));
    doc.push(Break::new(0.4));
    doc.push(Paragraph::new(StyledString::new(
        c.title.clone(),
        Style::new()
            .bold()
            .with_font_size(theme::TITLE_PT)
            .with_color(theme::INK)
            .with_line_spacing(1.05),
    )));
    if !c.subtitle.is_empty() {
        doc.push(Paragraph::new(StyledString::new(
            c.subtitle.clone(),
            Style::new()
                .italic()
                .with_font_size(12)
                .with_color(theme::MUTED),
        )));
    }
    doc.push(Rule::new(theme::INK, 2.0));

    let m = &c.meeting;
    let when = [m.date.as_str(), m.time.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    let details: Vec<(&str, String)> = vec![
        ("Meeting", m.purpose.clone()),
        ("When", when),
        ("Where", m.location.clone()),
        ("Participants", m.participants.join("\n")),
        ("Prepared for", c.prepared_for.clone()),
        ("Prepared by", c.prepared_by.clone()),
        (
            "Dossier",
            format!("{}, as of {}", c.dossier_title, c.as_of.display_long()),
        ),
    ];
    let mut table = TableLayout::new(vec![18, 82]);
    for (label, value) in details.into_iter().filter(|(_, v)| !v.trim().is_empty()) {
        let label = Paragraph::new(StyledString::new(
            label,
            Style::new()
                .bold()
                .with_font_size(theme::TABLE_PT)
                .with_color(theme::MUTED),
        ));
        let value = paragraphs(&value, Style::new().with_font_size(theme::TABLE_PT));
        let _ = table.push_row(vec![
            Box::new(genpdf::elements::PaddedElement::new(
                label,
                (0.6, 0, 0.6, 0),
            )),
            Box::new(genpdf::elements::PaddedElement::new(
                value,
                (0.6, 0, 0.6, 0),
            )),
        ]);
    }
    doc.push(table);

    if !m.bottom_line.is_empty() {
        let mut content = LinearLayout::vertical();
        content.push(Paragraph::new(StyledString::new(
            "BOTTOM LINE UP FRONT",
            Style::new().bold().with_font_size(8).with_color(theme::INK),
        )));
        let mut list = UnorderedList::with_bullet("\u{2022}");
        for point in &m.bottom_line {
            list.push(paragraphs(point, Style::new().bold()));
        }
        content.push(list);
        doc.push(Break::new(0.6));
        doc.push(Callout::new(content, theme::INK));
    }

    if c.sections.len() > 1 {
        doc.push(Break::new(0.6));
        doc.push(Paragraph::new(StyledString::new(
            "CONTENTS",
            Style::new()
                .bold()
                .with_font_size(8)
                .with_color(theme::MUTED),
        )));
        let mut contents = TableLayout::new(vec![4, 86, 10]);
        for s in &c.sections {
            let page = section_pages
                .and_then(|p| p.get(s.number - 1))
                .map(ToString::to_string)
                .unwrap_or_default();
            let small = Style::new().with_font_size(theme::TABLE_PT);
            let _ = contents.push_row(vec![
                Box::new(Paragraph::new(StyledString::new(
                    s.number.to_string(),
                    small,
                ))),
                Box::new(Paragraph::new(StyledString::new(s.heading.clone(), small))),
                Box::new(Paragraph::new(StyledString::new(page, small)).aligned(Alignment::Right)),
            ]);
        }
        doc.push(contents);
    }
}

/// One section: heading, body, then its annotations.
pub fn section(doc: &mut Document, s: &ComposedSection, pages: SharedPages) {
    doc.push(Heading::new(s.number, &s.heading, pages));
    let mut layout = LinearLayout::vertical();
    match &s.body {
        Body::Overview(paras) => {
            for (i, p) in paras.iter().enumerate() {
                if i > 0 {
                    layout.push(Break::new(0.5));
                }
                layout.push(paragraphs(p, style()));
            }
        }
        Body::Indicators(rows) => layout.push(indicators(rows)),
        Body::People(rows) => {
            let mut t = table(vec![24, 30, 46], Some(&["Name", "Role", "Stance"]));
            for r in rows {
                let mut stance = cited(&r.item.stance, &r.cites, small());
                push_annotations(&mut stance, &r.annotations);
                push_row(
                    &mut t,
                    vec![
                        cell(paragraphs(&r.item.name, small().bold())),
                        cell(paragraphs(&r.item.role, small())),
                        cell(stance),
                    ],
                );
            }
            layout.push(t);
        }
        Body::Organizations(rows) => {
            let mut t = table(vec![28, 72], Some(&["Organisation", "Position"]));
            for r in rows {
                let mut name = paragraphs(&r.item.name, small().bold());
                name.push(paragraphs(&r.item.kind, muted(8)));
                let mut position = paragraphs(&r.item.status, small().italic());
                position.push(cited(&r.item.summary, &r.cites, small()));
                push_annotations(&mut position, &r.annotations);
                push_row(&mut t, vec![cell(name), cell(position)]);
            }
            layout.push(t);
        }
        Body::Timeline { rows, .. } => {
            if rows.is_empty() {
                layout.push(paragraphs(
                    "No events in this period.",
                    muted(theme::TABLE_PT).italic(),
                ));
            } else {
                layout.push(timeline(rows));
            }
        }
        Body::Scenarios(rows) => {
            for (i, r) in rows.iter().enumerate() {
                subheading(&mut layout, s.number, i + 1, &r.item.title);
                if !r.item.discussed_by.is_empty() {
                    layout.push(labelled_small("Discussed by", &r.item.discussed_by));
                }
                layout.push(cited(&r.item.summary, &r.cites, style()));
                push_annotations(&mut layout, &r.annotations);
            }
        }
        Body::Precedents(rows) => {
            for (i, r) in rows.iter().enumerate() {
                subheading(&mut layout, s.number, i + 1, &r.item.title);
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
                        layout.push(labelled(label, text));
                    }
                }
                if !r.cites.is_empty() {
                    layout.push(cited("", &r.cites, style()));
                }
                push_annotations(&mut layout, &r.annotations);
            }
        }
        Body::Sources(notes) => layout.push(endnotes(notes)),
        Body::Notes => {}
    }
    push_annotations(&mut layout, &s.annotations);
    doc.push(layout);
}

fn small() -> Style {
    Style::new().with_font_size(theme::TABLE_PT)
}

fn labelled_small(label: &str, text: &str) -> Paragraph {
    let mut p = Paragraph::default();
    p.push_styled(format!("{label}: "), muted(9).bold());
    p.push_styled(text.trim().replace('\n', " "), muted(9).italic());
    p
}

fn subheading(layout: &mut LinearLayout, section: usize, n: usize, title: &str) {
    layout.push(Break::new(0.6));
    layout.push(Paragraph::new(StyledString::new(
        format!("{section}.{n}\u{2002}{}", title.trim()),
        Style::new()
            .bold()
            .with_font_size(theme::SUBHEADING_PT)
            .with_color(theme::INK),
    )));
}

fn indicators(rows: &[Row<crate::model::Indicator>]) -> TableLayout {
    let mut t = table(vec![18, 66, 16], Some(&["Figure", "Indicator", "As of"]));
    for r in rows {
        let figure = Paragraph::new(StyledString::new(
            r.item.value.clone(),
            Style::new()
                .bold()
                .with_font_size(14)
                .with_color(theme::INK),
        ));
        let mut what = paragraphs(&r.item.label, small().bold());
        what.push(cited(&r.item.detail, &r.cites, small()));
        push_annotations(&mut what, &r.annotations);
        let as_of = r.item.as_of.map(|d| d.display_short()).unwrap_or_default();
        push_row(
            &mut t,
            vec![
                cell(figure),
                cell(what),
                cell(paragraphs(&as_of, muted(theme::TABLE_PT))),
            ],
        );
    }
    t
}

fn timeline(rows: &[Row<Event>]) -> TableLayout {
    let mut t = table(vec![17, 15, 68], Some(&["Date", "Category", "Event"]));
    for r in rows {
        let e = &r.item;
        let mut date = paragraphs(&e.date.display_short(), small().bold());
        if e.approximate {
            date.push(paragraphs("approx.", muted(8).italic()));
        }
        let mut event = paragraphs(&e.title, small().bold());
        event.push(cited(&e.summary, &r.cites, small()));
        push_annotations(&mut event, &r.annotations);
        push_row(
            &mut t,
            vec![
                cell(date),
                cell(paragraphs(&e.category, muted(8))),
                cell(event),
            ],
        );
    }
    t
}

fn endnotes(notes: &[Endnote]) -> TableLayout {
    let mut t = TableLayout::new(vec![5, 95]);
    for n in notes {
        let s = &n.source;
        let mut parts = vec![s.publisher.trim().to_owned()];
        if !s.author.trim().is_empty() {
            parts.push(s.author.trim().to_owned());
        }
        let mut p = Paragraph::default();
        p.push_styled(format!("{}. ", parts.join(", ")), small());
        p.push_styled(
            format!("{}.", s.title.trim().trim_end_matches('.')),
            small().italic(),
        );
        if let Some(d) = s.date {
            p.push_styled(format!(" {}.", d.display_short()), small());
        }
        if let Some(url) = &s.url {
            p.push_styled(format!(" {url}"), muted(8));
        }
        let _ = t.push_row(vec![
            Box::new(genpdf::elements::PaddedElement::new(
                Paragraph::new(StyledString::new(format!("{}.", n.number), small())),
                (0.8, 0, 0.8, 0),
            )),
            Box::new(genpdf::elements::PaddedElement::new(p, (0.8, 0, 0.8, 0))),
        ]);
    }
    t
}
