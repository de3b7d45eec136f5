//! The story page's who and how much: Key Indicators, People Involved and Organizations
//! Involved, each read item by item from the shape of its lines.

use crate::model::{Indicator, Organization, Person};

use super::{
    Line, append, ends_sentence, figure_like, labelled, name_like, split_dash,
    split_trailing_paren, title_like,
};

pub(super) fn indicators(body: &[Line], left_out: &mut impl FnMut(&Line)) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = Vec::new();
    let mut after_blank = false;
    for line in body {
        if line.is_blank() {
            after_blank = true;
            continue;
        }
        let text = line.text;
        let awaiting_label = out.last().is_some_and(|x| x.label.is_empty());
        // "≈19% — Ukrainian territory under Russian control" on one line.
        let one_line = split_dash(text)
            .or_else(|| text.split_once(": ").map(|(a, b)| (a.trim(), b.trim())))
            .filter(|(value, _)| figure_like(value));
        if !awaiting_label && let Some((value, label)) = one_line {
            out.push(indicator(value, label));
        } else if !awaiting_label
            && (figure_like(text)
                || (after_blank
                    && title_like(text, 3)
                    && out.last().is_some_and(|x| !x.detail.is_empty()))
                || written_figure(text, out.last()))
        {
            out.push(indicator(text, ""));
        } else if let Some(x) = out.last_mut() {
            if x.label.is_empty() {
                x.label = text.to_owned();
            } else {
                append(&mut x.detail, text, after_blank);
            }
        } else {
            left_out(line);
        }
        after_blank = false;
    }
    out
}

/// A figure not starting with a digit ("US$210M", "Two-thirds", "R$ 18 billion"): a short
/// line right after an indicator's finished detail, since a detail is a sentence.
fn written_figure(text: &str, last: Option<&Indicator>) -> bool {
    last.is_some_and(|x| ends_sentence(&x.detail))
        && title_like(text, 4)
        && text.chars().count() <= 30
        && !text.contains(':')
}

fn indicator(value: &str, label: &str) -> Indicator {
    Indicator {
        id: String::new(),
        value: value.to_owned(),
        label: label.to_owned(),
        detail: String::new(),
        as_of: None,
        sources: Vec::new(),
    }
}

/// A bracket that belongs to the role, not the stance: "(acting)", "(outgoing)",
/// "(since 2023)".
fn role_qualifier(inside: &str) -> bool {
    const WORDS: [&str; 11] = [
        "acting",
        "interim",
        "outgoing",
        "incoming",
        "designate",
        "elect",
        "caretaker",
        "retired",
        "ret.",
        "former",
        "emeritus",
    ];
    let key = inside.trim().to_lowercase();
    WORDS.contains(&key.as_str())
        || (key.split_whitespace().count() <= 3
            && ["since ", "until ", "from ", "former ", "on leave"]
                .iter()
                .any(|w| key.starts_with(w)))
}

/// "Role (Stance)", "Role (acting) (Stance)", "Role — stance", "Role: stance" or just "Role".
fn role_and_stance(text: &str) -> (String, String) {
    if let Some((role, stance)) = split_trailing_paren(text)
        && !role_qualifier(stance)
    {
        return (role.to_owned(), stance.to_owned());
    }
    if let Some((role, stance)) =
        split_dash(text).or_else(|| text.split_once(": ").map(|(a, b)| (a.trim(), b.trim())))
    {
        return (role.to_owned(), stance.to_owned());
    }
    (text.to_owned(), String::new())
}

/// A whole person on one line: "Name (Role): stance", "Name — Role (Stance)",
/// "Name: Role", "Name (Role)".
fn person_on_one_line(text: &str) -> Option<Person> {
    let person = |name: &str, role: String, stance: String| Person {
        id: String::new(),
        name: name.to_owned(),
        role,
        stance,
        sources: Vec::new(),
    };
    if let Some((head, stance)) = text.split_once("):") {
        let head = format!("{head})");
        if let Some((name, role)) = split_trailing_paren(&head)
            && name_like(name)
        {
            return Some(person(name, role.to_owned(), stance.trim().to_owned()));
        }
    }
    if let Some((name, rest)) =
        split_dash(text).or_else(|| text.split_once(": ").map(|(a, b)| (a.trim(), b.trim())))
        && name_like(name)
    {
        let (role, stance) = role_and_stance(rest);
        return Some(person(name, role, stance));
    }
    if let Some((name, role)) = split_trailing_paren(text)
        && name_like(name)
        && name.split_whitespace().count() >= 2
    {
        return Some(person(name, role.to_owned(), String::new()));
    }
    None
}

pub(super) fn people(body: &[Line], left_out: &mut impl FnMut(&Line)) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    let mut after_blank = false;
    for line in body {
        if line.is_blank() {
            after_blank = true;
            continue;
        }
        let text = line.text;
        let current = out
            .last_mut()
            .filter(|p| p.role.is_empty() || p.stance.is_empty());
        match current {
            // The line after a name is the role, with the stance in brackets or after a dash.
            Some(p) if p.role.is_empty() => {
                let (role, stance) = role_and_stance(text);
                p.role = role;
                p.stance = stance;
            }
            // A line after the role is the stance, unless it is the next person's name.
            Some(p) if !(name_like(text) || after_blank && person_on_one_line(text).is_some()) => {
                // "(Stance)" on its own line, as it would be after the role.
                let stance = text
                    .strip_prefix('(')
                    .and_then(|t| t.strip_suffix(')'))
                    .unwrap_or(text);
                p.stance = stance.trim().to_owned();
            }
            _ => match person_on_one_line(text) {
                Some(p) => out.push(p),
                None if title_like(text, 8) => out.push(Person {
                    id: String::new(),
                    name: text.to_owned(),
                    role: String::new(),
                    stance: String::new(),
                    sources: Vec::new(),
                }),
                None => match out.last_mut() {
                    Some(p) => append(&mut p.stance, text, after_blank),
                    None => left_out(line),
                },
            },
        }
        after_blank = false;
    }
    out
}

pub(super) fn organizations(body: &[Line], left_out: &mut impl FnMut(&Line)) -> Vec<Organization> {
    let mut out: Vec<Organization> = Vec::new();
    let mut after_blank = false;
    for line in body {
        if line.is_blank() {
            after_blank = true;
            continue;
        }
        let text = line.text;
        let label = labelled(
            text,
            &[
                "status", "position", "kind", "type", "summary", "about", "role",
            ],
        );
        match (label, out.last_mut()) {
            (Some((label, value)), Some(o)) => {
                let field = match label {
                    "status" | "position" => &mut o.status,
                    "kind" | "type" => &mut o.kind,
                    _ => &mut o.summary,
                };
                append(field, value, false);
            }
            (_, Some(o))
                if o.kind.is_empty()
                    && o.status.is_empty()
                    && o.summary.is_empty()
                    && title_like(text, 6) =>
            {
                o.kind = text.to_owned();
            }
            (_, Some(o))
                if !(title_like(text, 12)
                    && (!o.summary.is_empty()
                        || (after_blank && !(o.status.is_empty() && o.kind.is_empty())))) =>
            {
                append(&mut o.summary, text, after_blank);
            }
            (_, _) if title_like(text, 12) => {
                let (name, kind) = split_dash(text).unwrap_or((text, ""));
                out.push(Organization {
                    id: String::new(),
                    name: name.to_owned(),
                    kind: kind.to_owned(),
                    status: String::new(),
                    summary: String::new(),
                    sources: Vec::new(),
                });
            }
            (_, _) => left_out(line),
        }
        after_blank = false;
    }
    out
}
