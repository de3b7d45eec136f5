//! A story page as plain text -> a [`Dossier`]. Pure: text in, dossier and warnings out.
//!
//! The layout is the research desk's: a title and a subtitle, then sections headed Overview,
//! Key Indicators, People Involved, Organizations Involved, Timeline (numbered), Scenarios and
//! Historical Context. Within a section items are told apart by their shape (a figure, a name,
//! a number, a "Status:" or "Discussed by:" label), not by exact blank lines, so spacing,
//! bullets and the usual one-line variants ("Name — Role", "Name (Role): stance") read the
//! same. The page's events carry no dates: they come in page order, marked undated.

use crate::model::{
    DOSSIER_VERSION, Date, Dossier, Event, Indicator, Organization, Person, Precedent, Scenario,
    Source,
};
use crate::problem::{Problem, Severity};

use super::dates;
use super::slug::{Ids, slugify};

/// The id of the source every imported item cites: the story page itself.
pub const STORY_SOURCE_ID: &str = "src-story-page";

/// A story page read into a dossier.
#[derive(Debug, Clone)]
pub struct StoryImport {
    /// The dossier: every item with a fresh id, citing the page.
    pub dossier: Dossier,
    /// What the reader could not place or did not find, located in the page.
    pub warnings: Vec<Problem>,
}

/// The sections of a story page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Overview,
    Indicators,
    People,
    Organizations,
    Timeline,
    Scenarios,
    Precedents,
}

impl Part {
    const ALL: [Part; 7] = [
        Part::Overview,
        Part::Indicators,
        Part::People,
        Part::Organizations,
        Part::Timeline,
        Part::Scenarios,
        Part::Precedents,
    ];

    fn heading(self) -> &'static str {
        match self {
            Part::Overview => "Overview",
            Part::Indicators => "Key Indicators",
            Part::People => "People Involved",
            Part::Organizations => "Organizations Involved",
            Part::Timeline => "Timeline",
            Part::Scenarios => "Scenarios",
            Part::Precedents => "Historical Context",
        }
    }

    /// The section a heading line opens, if it is one.
    fn of_heading(line: &str) -> Option<Part> {
        let key = normal(line).replace("organisation", "organization");
        let part = match key.as_str() {
            "overview" => Part::Overview,
            "key indicators"
            | "indicators"
            | "key figures and indicators"
            | "key numbers"
            | "by the numbers" => Part::Indicators,
            "people involved" | "people" | "key people" | "key players" | "who's involved" => {
                Part::People
            }
            "organizations involved"
            | "organizations"
            | "key organizations"
            | "institutions involved" => Part::Organizations,
            "timeline" | "key events" | "chronology" | "timeline of events" => Part::Timeline,
            "scenarios" | "possible scenarios" | "future scenarios" | "what could happen" => {
                Part::Scenarios
            }
            "historical context"
            | "historical precedents"
            | "precedents"
            | "historical parallels" => Part::Precedents,
            _ => return None,
        };
        Some(part)
    }
}

/// One line of the page: its number (from 1) and its text, cleaned; blank lines are "".
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    number: usize,
    text: &'a str,
}

impl Line<'_> {
    fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Reads a story page; `name` names it in problems, `as_of` becomes the dossier's date.
/// Fails only when the text is not a story page at all (no title, or none of its headings).
pub fn import_story(text: &str, name: &str, as_of: Date) -> Result<StoryImport, Vec<Problem>> {
    let lines = clean_lines(text);
    let problem = |severity, number: usize, message: String, hint: &str| Problem {
        severity,
        file: name.to_owned(),
        position: (number > 0).then_some((number, 1)),
        message,
        hint: (!hint.is_empty()).then(|| hint.to_owned()),
    };
    // The header runs to the first section heading.
    let mut parts: Vec<(Part, Vec<Line>)> = Vec::new();
    let mut header: Vec<Line> = Vec::new();
    for line in lines {
        if let Some(part) = Part::of_heading(line.text) {
            parts.push((part, Vec::new()));
        } else if let Some((_, body)) = parts.last_mut() {
            body.push(line);
        } else {
            header.push(line);
        }
    }
    let headings = Part::ALL.map(Part::heading).join(", ");
    if parts.is_empty() {
        return Err(vec![problem(
            Severity::Error,
            0,
            format!(
                "this does not read as a story page: none of its headings ({headings}) is on a line of its own"
            ),
            "a story page has a title, then sections headed as above; a spreadsheet of events goes in with --into",
        )]);
    }
    let (title, subtitle) = title_and_subtitle(&header);
    let Some(title) = title else {
        return Err(vec![problem(
            Severity::Error,
            parts
                .first()
                .and_then(|(_, b)| b.first())
                .map_or(1, |l| l.number),
            "the page has no title before its first section".into(),
            "put the page's title on the first line",
        )]);
    };
    let mut warnings = Vec::new();
    for part in Part::ALL {
        if !parts.iter().any(|(p, _)| *p == part) {
            warnings.push(problem(
                Severity::Warning,
                0,
                format!("no \"{}\" section: the dossier has none", part.heading()),
                "",
            ));
        }
    }
    let mut d = Dossier {
        version: DOSSIER_VERSION,
        id: slug_or(&title, "dossier"),
        title: title.clone(),
        subtitle,
        as_of,
        overview: Vec::new(),
        indicators: Vec::new(),
        people: Vec::new(),
        organizations: Vec::new(),
        timeline: Vec::new(),
        scenarios: Vec::new(),
        precedents: Vec::new(),
        sources: vec![Source {
            id: STORY_SOURCE_ID.to_owned(),
            publisher: "Story page".to_owned(),
            title,
            date: None,
            author: String::new(),
            url: None,
        }],
    };
    let mut ids = Ids::of(&d);
    let cite = || vec![STORY_SOURCE_ID.to_owned()];
    for (part, body) in &parts {
        let mut left_out = |line: &Line| {
            warnings.push(problem(
                Severity::Warning,
                line.number,
                format!(
                    "left out: not part of any item in \"{}\": {}",
                    part.heading(),
                    excerpt(line.text)
                ),
                "start the item with its number or name, as the other items do",
            ));
        };
        match part {
            Part::Overview => d.overview.extend(paragraphs(body)),
            Part::Indicators => {
                for x in indicators(body, &mut left_out) {
                    d.indicators.push(Indicator {
                        id: ids.fresh("ind-", &x.label),
                        sources: cite(),
                        ..x
                    });
                }
            }
            Part::People => {
                for x in people(body, &mut left_out) {
                    d.people.push(Person {
                        id: ids.fresh("", &x.name),
                        sources: cite(),
                        ..x
                    });
                }
            }
            Part::Organizations => {
                for x in organizations(body, &mut left_out) {
                    d.organizations.push(Organization {
                        id: ids.fresh("org-", &x.name),
                        sources: cite(),
                        ..x
                    });
                }
            }
            Part::Timeline => {
                for x in events(body, &mut left_out) {
                    d.timeline.push(Event {
                        id: ids.fresh("ev-", &x.title),
                        sources: cite(),
                        ..x
                    });
                }
            }
            Part::Scenarios => {
                for x in scenarios(body, &mut left_out) {
                    d.scenarios.push(Scenario {
                        id: ids.fresh("sc-", &x.title),
                        sources: cite(),
                        ..x
                    });
                }
            }
            Part::Precedents => {
                for x in precedents(body, &mut left_out) {
                    d.precedents.push(Precedent {
                        id: ids.fresh("pr-", &x.title),
                        sources: cite(),
                        ..x
                    });
                }
            }
        }
    }
    Ok(StoryImport {
        dossier: d,
        warnings,
    })
}

/// The page's lines, trimmed, without bullets or markdown marks, a line repeating the one
/// before it (a picture's caption under its alt text) dropped.
fn clean_lines(text: &str) -> Vec<Line<'_>> {
    let mut out: Vec<Line> = Vec::new();
    let mut previous = "";
    for (i, raw) in text.lines().enumerate() {
        let text = clean(raw);
        if !text.is_empty() && text == previous {
            continue;
        }
        if !text.is_empty() {
            previous = text;
        }
        out.push(Line {
            number: i + 1,
            text,
        });
    }
    out
}

fn clean(raw: &str) -> &str {
    let mut text = raw.trim().trim_start_matches('\u{feff}').trim();
    text = text.trim_start_matches('#').trim();
    for bullet in ["- ", "* ", "• ", "· ", "▪ ", "– ", "— "] {
        if let Some(rest) = text.strip_prefix(bullet) {
            text = rest.trim();
            break;
        }
    }
    if let Some(inner) = text.strip_prefix("**").and_then(|t| t.strip_suffix("**")) {
        text = inner.trim();
    }
    text
}

/// Lowercase, single-spaced, without a trailing colon or markdown marks: for matching
/// headings and labels.
fn normal(text: &str) -> String {
    text.trim()
        .trim_end_matches(':')
        .replace(['\u{2019}', '\u{2018}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn slug_or(text: &str, fallback: &str) -> String {
    let slug = slugify(text);
    if slug.is_empty() {
        fallback.to_owned()
    } else {
        slug
    }
}

fn excerpt(text: &str) -> String {
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("\"{short}…\"")
    } else {
        format!("\"{short}\"")
    }
}

/// The header's title and subtitle: the first line that is not the site's furniture, and
/// what follows it.
fn title_and_subtitle(header: &[Line]) -> (Option<String>, String) {
    let mut seen: Vec<&str> = Vec::new();
    for line in header {
        let furniture = matches!(
            normal(line.text).as_str(),
            "logo" | "menu" | "home" | "share"
        );
        if !line.is_blank() && !furniture && !seen.contains(&line.text) {
            seen.push(line.text);
        }
    }
    let title = seen.first().map(|t| (*t).to_owned());
    let subtitle = seen.get(1..).unwrap_or_default().join(" ");
    (title, subtitle)
}

/// Paragraphs: runs of non-blank lines, each run joined into one.
fn paragraphs(body: &[Line]) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in body {
        if line.is_blank() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line.text);
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

/// Adds a line to a text field: with a space inside a paragraph, on a new line (a new
/// printed paragraph) after a blank line.
fn append(field: &mut String, text: &str, new_paragraph: bool) {
    if !field.is_empty() {
        field.push(if new_paragraph { '\n' } else { ' ' });
    }
    field.push_str(text);
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn ends_sentence(text: &str) -> bool {
    text.ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}'])
}

/// A headline: a short line that is not a sentence.
fn title_like(text: &str, max_words: usize) -> bool {
    !text.is_empty() && words(text) <= max_words && !ends_sentence(text)
}

/// A figure as printed: "≈19%", "2M+", "28", "4th year", "$1.2bn".
fn figure_like(text: &str) -> bool {
    let first = text.chars().next();
    first.is_some_and(|c| c.is_ascii_digit() || "≈~<>$€£+-±".contains(c))
        && words(text) <= 4
        && text.chars().count() <= 24
        && !text.ends_with('.')
}

/// A person's name: one to five capitalised words (particles such as "de" or "bin" allowed).
fn name_like(text: &str) -> bool {
    const PARTICLES: [&str; 14] = [
        "de", "da", "di", "del", "van", "von", "der", "den", "bin", "al", "la", "le", "ibn", "du",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && !text
            .chars()
            .any(|c| c.is_ascii_digit() || "():;,/".contains(c))
        && words.iter().all(|w| {
            // "el-Sisi", "al-Assad": a particle joined to the name by a hyphen.
            let last = w.rsplit('-').next().unwrap_or(w);
            PARTICLES.contains(w)
                || w.chars().next().is_some_and(char::is_uppercase)
                || last.chars().next().is_some_and(char::is_uppercase)
        })
        && (!text.ends_with('.') || words.last().is_some_and(|w| w.len() <= 3))
}

/// "Head (inside)" -> ("Head", "inside"), the parenthesis being the one that ends the text.
fn split_trailing_paren(text: &str) -> Option<(&str, &str)> {
    let body = text.strip_suffix(')')?;
    let mut depth = 0usize;
    for (i, c) in body.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => {
                let head = body[..i].trim();
                let inside = body[i + 1..].trim();
                return (!head.is_empty() && !inside.is_empty()).then_some((head, inside));
            }
            '(' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// "Head — rest" (an em or en dash, or a spaced hyphen or bar) -> ("Head", "rest").
fn split_dash(text: &str) -> Option<(&str, &str)> {
    [" \u{2014} ", " \u{2013} ", " - ", " | ", "\u{2014}"]
        .iter()
        .find_map(|sep| text.split_once(sep))
        .map(|(a, b)| (a.trim(), b.trim()))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
}

/// "Label: text" with the label one of `labels` (normalised) -> (label, text).
fn labelled<'t>(text: &'t str, labels: &[&'static str]) -> Option<(&'static str, &'t str)> {
    if let Some(label) = labels.iter().find(|l| normal(text) == **l) {
        return Some((label, ""));
    }
    let (head, rest) = text.split_once(':')?;
    let head = normal(head);
    labels
        .iter()
        .find(|l| head == **l)
        .map(|l| (*l, rest.trim()))
}

fn indicators(body: &[Line], left_out: &mut impl FnMut(&Line)) -> Vec<Indicator> {
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
                    && out.last().is_some_and(|x| !x.detail.is_empty())))
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

/// "Role (Stance)", "Role — stance", "Role: stance" or just "Role".
fn role_and_stance(text: &str) -> (String, String) {
    if let Some((role, stance)) = split_trailing_paren(text) {
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

fn people(body: &[Line], left_out: &mut impl FnMut(&Line)) -> Vec<Person> {
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
                p.stance = text.to_owned();
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

fn organizations(body: &[Line], left_out: &mut impl FnMut(&Line)) -> Vec<Organization> {
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
                    && (!o.summary.is_empty() || (after_blank && !o.status.is_empty()))) =>
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

fn events(body: &[Line], left_out: &mut impl FnMut(&Line)) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    let mut after_blank = false;
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
                match labelled(text, &["category", "type", "date", "when", "summary"]) {
                    Some(("date" | "when", value)) => match dates::parse(value) {
                        Ok(date) => {
                            e.date = Some(date);
                            e.undated = false;
                        }
                        Err(_) => append(&mut e.summary, text, after_blank),
                    },
                    Some(("category" | "type", value)) => e.category = value.to_owned(),
                    Some((_, value)) => append(&mut e.summary, value, false),
                    None if e.category.is_empty()
                        && e.summary.is_empty()
                        && title_like(text, 6) =>
                    {
                        e.category = text.to_owned();
                    }
                    None if after_blank && title_like(text, 14) => {
                        out.push(event(text));
                    }
                    None => append(&mut e.summary, text, after_blank),
                }
            }
            (None, None) if title_like(text, 14) => out.push(event(text)),
            (None, None) => left_out(line),
        }
        after_blank = false;
    }
    for e in &mut out {
        if e.category.is_empty() {
            e.category = "Uncategorised".to_owned();
        }
    }
    out
}

/// An undated event from its headline; a date written before the headline
/// ("December 2, 2025 — Kremlin talks") is kept.
fn event(title: &str) -> Event {
    let (date, title) = match split_dash(title).or_else(|| title.split_once(": ")) {
        Some((head, rest)) if dates::parse(head).is_ok() => (dates::parse(head).ok(), rest.trim()),
        _ => (None, title),
    };
    Event {
        id: String::new(),
        date,
        undated: date.is_none(),
        approximate: false,
        category: String::new(),
        title: title.to_owned(),
        summary: String::new(),
        sources: Vec::new(),
    }
}

fn scenarios(body: &[Line], left_out: &mut impl FnMut(&Line)) -> Vec<Scenario> {
    let mut out: Vec<Scenario> = Vec::new();
    let mut after_blank = false;
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
                Some((_, value)) => s.discussed_by = value.to_owned(),
                None if after_blank && title_like(text, 16) => {
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

fn precedents(body: &[Line], left_out: &mut impl FnMut(&Line)) -> Vec<Precedent> {
    let mut out: Vec<(Precedent, Option<Field>)> = Vec::new();
    let mut after_blank = false;
    for line in body {
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

#[cfg(test)]
mod tests;
