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

mod actors;
mod narrative;

use crate::problem::{Problem, Severity};
use actors::{indicators, organizations, people};
use narrative::{events, precedents, scenarios};

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
    let mut site_links = None;
    for (i, line) in lines.iter().copied().enumerate() {
        // The site's own links after the story ("More Latest News" and headlines) are not
        // the story's: left out, but said so, so nothing goes missing unannounced.
        let rest = lines.get(i + 1..).unwrap_or_default();
        if !parts.is_empty()
            && site_furniture(line.text)
            && !rest.iter().any(|l| Part::of_heading(l.text).is_some())
        {
            let left = rest.iter().filter(|l| !l.is_blank()).count();
            site_links = Some((line, left));
            break;
        }
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
    if let Some((line, left)) = site_links {
        let more = match left {
            0 => String::new(),
            1 => " and the line after it".to_owned(),
            n => format!(" and the {n} lines after it"),
        };
        warnings.push(problem(
            Severity::Warning,
            line.number,
            format!(
                "left out: the site's links after the story: {}{more}",
                excerpt(line.text)
            ),
            "if this is part of the story, delete the line and import again",
        ));
    }
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

/// A line that starts the site's links after a story: "More Latest News", "Related Stories".
fn site_furniture(text: &str) -> bool {
    matches!(
        normal(text).as_str(),
        "more latest news"
            | "latest news"
            | "more news"
            | "more stories"
            | "related"
            | "related news"
            | "related stories"
            | "related articles"
            | "read more"
            | "recommended"
            | "recommended for you"
            | "you may also like"
            | "trending"
            | "trending now"
    )
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
    // A company's or a person's abbreviation ends a name, not a sentence.
    const ABBREVIATIONS: [&str; 10] = [
        "Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "Sr.", "S.A.", "N.V.", "plc.", "Bros.",
    ];
    text.ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}'])
        && !ABBREVIATIONS
            .iter()
            .any(|a| text.ends_with(&format!(" {a}")))
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

/// A person's name: one to six capitalised words (particles such as "de" or "bin" allowed).
fn name_like(text: &str) -> bool {
    const PARTICLES: [&str; 22] = [
        "de", "da", "di", "del", "van", "von", "der", "den", "bin", "al", "la", "le", "ibn", "du",
        "dos", "das", "do", "e", "y", "ter", "zu", "bint",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=6).contains(&words.len())
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

#[cfg(test)]
mod tests;
