//! The story page's narrative: the numbered Timeline, the Scenarios and the Historical
//! Context, each read item by item from the shape of its lines.

use crate::model::{Event, Precedent, Scenario};

use super::{Line, append, dates, labelled, split_dash, split_trailing_paren, title_like};

/// "12. Title", "12) Title", "12." or "12" alone: the number and the rest.
fn numbered(text: &str) -> Option<&str> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &text[digits..];
    if rest.is_empty() {
        return Some("");
    }
    let rest = rest.strip_prefix(['.', ')', ':'])?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

/// "Scenario 2: Title", "Scenario 2 — Title", "Scenario 2".
fn scenario_numbered(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("Scenario ")
        .or_else(|| text.strip_prefix("scenario "))?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let rest = rest[digits..]
        .trim_start()
        .trim_start_matches([':', '.', ')', '\u{2014}', '\u{2013}', '-']);
    Some(rest.trim())
}

/// True when the list's first item opens with a number: then only a numbered line opens
/// an item, and a short paragraph inside one ("Likelihood: low") stays in it.
fn numbered_list(body: &[Line], numbers: impl Fn(&str) -> bool) -> bool {
    body.iter()
        .find(|l| !l.is_blank())
        .is_some_and(|l| numbers(l.text))
}

pub(super) fn events(body: &[Line], left_out: &mut impl FnMut(&Line)) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    let mut after_blank = false;
    let numbered_only = numbered_list(body, |t| numbered(t).is_some());
    for line in body {
        if line.is_blank() {
            after_blank = true;
            continue;
        }
        let text = line.text;
        let starts = numbered(text);
        let current = out.last_mut();
        match (starts, current) {
            (Some(title), _) => out.push(event(title)),
            (None, Some(e)) if e.title.is_empty() => e.title = text.to_owned(),
            (None, Some(e)) => {
                let label = labelled(text, &["category", "type", "date", "when", "summary"]);
                // A date on a line of its own, as a "Date:" line would give it.
                let date_line = match label {
                    Some(("date" | "when", value)) => Some(dates::parse(value)),
                    None => dates::parse(text).ok().map(Ok),
                    Some(_) => None,
                };
                match (label, date_line) {
                    (_, Some(Ok(date))) => {
                        e.date = Some(date);
                        e.undated = false;
                    }
                    (_, Some(Err(_))) => append(&mut e.summary, text, after_blank),
                    (Some(("category" | "type", value)), _) if e.category.is_empty() => {
                        e.category = value.to_owned();
                    }
                    (Some(("category" | "type", value)), _) => {
                        append(&mut e.category, value, false);
                    }
                    (Some((_, value)), _) => append(&mut e.summary, value, after_blank),
                    (None, _)
                        if e.category.is_empty() && e.summary.is_empty() && title_like(text, 6) =>
                    {
                        e.category = text.to_owned();
                    }
                    (None, _) if !numbered_only && after_blank && title_like(text, 14) => {
                        out.push(event(text));
                    }
                    (None, _) => append(&mut e.summary, text, after_blank),
                }
            }
            (None, None) if title_like(text, 14) => out.push(event(text)),
            (None, None) => left_out(line),
        }
        after_blank = false;
    }
    for e in &mut out {
        date_from_text(e);
        if e.category.is_empty() {
            e.category = "Uncategorised".to_owned();
        }
    }
    out
}

/// An undated event from its headline.
fn event(title: &str) -> Event {
    Event {
        id: String::new(),
        date: None,
        undated: true,
        approximate: false,
        category: String::new(),
        title: title.to_owned(),
        summary: String::new(),
        sources: Vec::new(),
    }
}

/// The date the page states for an event without a date line: around its headline
/// ("December 2, 2025 — Kremlin talks", "Talks resume (March 3, 2025)", taken off the
/// headline), inside it ("Talks resume on March 3, 2025"), or else the one date its summary
/// gives ("On 14 October 2025, the ministry …"). Two dates in a summary are left alone: one
/// of them is background, and a wrong date is worse than none. A date line ("Date: …")
/// wins over all of these; the headline still loses its date.
fn date_from_text(e: &mut Event) {
    let title = e.title.trim();
    let around = split_dash(title)
        .or_else(|| title.split_once(": ").map(|(a, b)| (a.trim(), b.trim())))
        .and_then(|(head, rest)| dates::parse(head).ok().map(|d| (d, rest)))
        .or_else(|| {
            let (rest, tail) = split_trailing_paren(title).or_else(|| split_dash(title))?;
            dates::parse(tail).ok().map(|d| (d, rest))
        });
    if let Some((date, rest)) = around {
        e.title = rest.to_owned();
        e.date = e.date.or(Some(date));
    }
    if e.date.is_none() {
        let only = |text: &str| {
            let mut found: Vec<_> = dates::find(text).into_iter().map(|(_, d)| d).collect();
            found.dedup();
            match found.as_slice() {
                [date] => Some(*date),
                _ => None,
            }
        };
        e.date = only(&e.title).or_else(|| only(&e.summary));
    }
    e.undated = e.date.is_none();
}

pub(super) fn scenarios(body: &[Line], left_out: &mut impl FnMut(&Line)) -> Vec<Scenario> {
    let mut out: Vec<Scenario> = Vec::new();
    let mut after_blank = false;
    let numbered_only = numbered_list(body, |t| {
        numbered(t).or_else(|| scenario_numbered(t)).is_some()
    });
    for line in body {
        if line.is_blank() {
            after_blank = true;
            continue;
        }
        let text = line.text;
        let starts = numbered(text).or_else(|| scenario_numbered(text));
        match (starts, out.last_mut()) {
            (Some(title), _) => out.push(scenario(title)),
            (None, Some(s)) if s.title.is_empty() => s.title = text.to_owned(),
            (None, Some(s)) => match labelled(text, &["discussed by", "proposed by", "summary"]) {
                Some(("summary", value)) => append(&mut s.summary, value, false),
                Some((_, value)) => append(&mut s.discussed_by, value, false),
                None if !numbered_only && after_blank && title_like(text, 16) => {
                    out.push(scenario(text));
                }
                None => append(&mut s.summary, text, after_blank),
            },
            (None, None) if title_like(text, 16) => out.push(scenario(text)),
            (None, None) => left_out(line),
        }
        after_blank = false;
    }
    out
}

fn scenario(title: &str) -> Scenario {
    Scenario {
        id: String::new(),
        title: title.to_owned(),
        discussed_by: String::new(),
        summary: String::new(),
        sources: Vec::new(),
    }
}

/// Which text field of a precedent the lines go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Period,
    WhatHappened,
    Outcome,
    ShortTerm,
    LongTerm,
    Relevance,
}

const PRECEDENT_LABELS: [&str; 13] = [
    "what happened",
    "background",
    "outcome",
    "outcomes",
    "short term",
    "short-term",
    "long term",
    "long-term",
    "why it's relevant",
    "why it is relevant",
    "why it matters",
    "relevance",
    "period",
];

fn field_of(label: &str) -> Field {
    match label {
        "what happened" | "background" => Field::WhatHappened,
        "outcome" | "outcomes" => Field::Outcome,
        "short term" | "short-term" => Field::ShortTerm,
        "long term" | "long-term" => Field::LongTerm,
        "period" => Field::Period,
        _ => Field::Relevance,
    }
}

pub(super) fn precedents(body: &[Line], left_out: &mut impl FnMut(&Line)) -> Vec<Precedent> {
    let mut out: Vec<(Precedent, Option<Field>)> = Vec::new();
    let mut after_blank = false;
    // On a page whose precedents carry labels ("What Happened"), a headline is the line
    // before the labels (or before the period before them): a short last paragraph of
    // "Why It's Relevant" is not mistaken for the next precedent.
    let label_led = body
        .iter()
        .any(|l| labelled(l.text, &PRECEDENT_LABELS).is_some());
    let opens_precedent = |rest: &[Line]| {
        let mut next = rest.iter().filter(|l| !l.is_blank()).map(|l| l.text);
        let is_label = |t: &str| labelled(t, &PRECEDENT_LABELS).is_some();
        match (next.next(), next.next()) {
            (Some(first), _) if is_label(first) => true,
            (Some(first), Some(second)) => title_like(first, 16) && is_label(second),
            _ => false,
        }
    };
    for (i, line) in body.iter().enumerate() {
        if line.is_blank() {
            after_blank = true;
            continue;
        }
        let text = numbered(line.text)
            .filter(|t| !t.is_empty())
            .unwrap_or(line.text);
        let label = labelled(text, &PRECEDENT_LABELS);
        let Some((p, field)) = out.last_mut() else {
            if label.is_none() && title_like(text, 16) {
                out.push((precedent(text), None));
            } else {
                left_out(line);
            }
            after_blank = false;
            continue;
        };
        if let Some((label, value)) = label {
            let mut target = field_of(label);
            if target == Field::Outcome && !value.is_empty() {
                target = Field::ShortTerm;
            }
            *field = Some(target);
            if !value.is_empty() {
                append(slot(p, target), value, false);
            }
        } else if after_blank
            && title_like(text, 16)
            && field.is_some_and(|f| f != Field::Period && !slot(p, f).is_empty())
            && (!label_led || opens_precedent(body.get(i + 1..).unwrap_or_default()))
        {
            out.push((precedent(text), None));
        } else {
            let target = match *field {
                None if p.period.is_empty() && title_like(text, 16) => Field::Period,
                None => Field::WhatHappened,
                // Outcome text without "Short term:"/"Long term:" labels.
                Some(Field::Outcome) if p.short_term.is_empty() => Field::ShortTerm,
                Some(Field::Outcome) => Field::LongTerm,
                Some(f) => f,
            };
            if *field != Some(Field::Outcome) {
                *field = Some(target).filter(|f| *f != Field::Period);
            }
            let paragraph = after_blank && !slot(p, target).is_empty();
            append(slot(p, target), text, paragraph);
        }
        after_blank = false;
    }
    out.into_iter().map(|(p, _)| p).collect()
}

fn slot(p: &mut Precedent, field: Field) -> &mut String {
    match field {
        Field::Period => &mut p.period,
        Field::WhatHappened => &mut p.what_happened,
        Field::Outcome | Field::ShortTerm => &mut p.short_term,
        Field::LongTerm => &mut p.long_term,
        Field::Relevance => &mut p.relevance,
    }
}

fn precedent(title: &str) -> Precedent {
    Precedent {
        id: String::new(),
        title: title.to_owned(),
        period: String::new(),
        what_happened: String::new(),
        short_term: String::new(),
        long_term: String::new(),
        relevance: String::new(),
        sources: Vec::new(),
    }
}
