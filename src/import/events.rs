//! A spreadsheet of events (CSV or TSV) -> events added to a dossier. Pure: text in, the
//! dossier changed and every row that was not added reported by line.
//!
//! Columns are found by their header, loosely: "Date"/"When", "Category"/"Type",
//! "Title"/"Headline", "Summary"/"Description", "Source"/"URL". Parsing is the `csv` crate's,
//! so quoted fields with commas, quotes and line breaks read as a spreadsheet wrote them.

use crate::model::{Dossier, Event, EventDate, Source};
use crate::problem::{Problem, Severity};

use super::dates;
use super::slug::{Ids, slugify};

/// What importing a spreadsheet did.
#[derive(Debug, Clone, Default)]
pub struct EventsImport {
    /// Ids of the events added, in row order.
    pub added: Vec<String>,
    /// Ids of the sources added for URLs the dossier did not have.
    pub new_sources: Vec<String>,
    /// Rows not added (errors) and rows added with a caveat (warnings), by line.
    pub problems: Vec<Problem>,
}

/// The separator between fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    /// Told by the header line: tabs, semicolons or commas, whichever it has most of.
    Sniff,
    /// Comma-separated.
    Comma,
    /// Tab-separated.
    Tab,
}

/// The columns the importer knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Date,
    Category,
    Title,
    Summary,
    Source,
}

impl Column {
    /// The column a header names, matched loosely: case, spaces and punctuation ignored.
    fn of_header(header: &str) -> Option<Column> {
        let key: String = header
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let any = |names: &[&str]| names.iter().any(|n| key == *n);
        let has = |names: &[&str]| names.iter().any(|n| key.contains(n));
        // Exact names first, then names that contain a telling word ("Event date").
        if any(&["date", "when", "day", "dated"]) {
            Some(Column::Date)
        } else if any(&["category", "type", "kind", "tag", "categories"]) {
            Some(Column::Category)
        } else if any(&["title", "headline", "event", "what", "name", "heading"]) {
            Some(Column::Title)
        } else if any(&[
            "summary",
            "description",
            "details",
            "detail",
            "desc",
            "notes",
            "text",
        ]) {
            Some(Column::Summary)
        } else if any(&["reference", "ref"]) || has(&["url", "link", "source"]) {
            Some(Column::Source)
        } else if has(&["date", "when"]) {
            Some(Column::Date)
        } else if has(&["categor", "type"]) {
            Some(Column::Category)
        } else if has(&["headline", "title"]) {
            Some(Column::Title)
        } else if has(&["summary", "descr", "detail"]) {
            Some(Column::Summary)
        } else {
            None
        }
    }

    fn name(self) -> &'static str {
        match self {
            Column::Date => "date",
            Column::Category => "category",
            Column::Title => "title",
            Column::Summary => "summary",
            Column::Source => "source",
        }
    }
}

/// Adds the events in `text` (a CSV or TSV with a header line) to `dossier`. `name` names
/// the file in problems. A row that cannot be read is reported as an error at its line and
/// not added; every other row is added. An event already in the dossier (same date and
/// title) is not added twice, and says so.
pub fn import_events(
    text: &str,
    name: &str,
    separator: Separator,
    dossier: &mut Dossier,
) -> EventsImport {
    let mut report = EventsImport::default();
    let delimiter = match separator {
        Separator::Comma => b',',
        Separator::Tab => b'\t',
        Separator::Sniff => sniff(text),
    };
    let problem = |severity, (line, column): (usize, usize), message: String| Problem {
        severity,
        file: name.to_owned(),
        position: Some((line, column)),
        message,
        hint: None,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            report.problems.push(problem(
                Severity::Error,
                (1, 1),
                format!("cannot read the header line: {e}"),
            ));
            return report;
        }
    };
    let mut columns: Vec<Option<Column>> = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        let column = Column::of_header(header).filter(|c| !columns.contains(&Some(*c)));
        if column.is_none() && !header.trim().is_empty() {
            report.problems.push(problem(
                Severity::Warning,
                (1, field_column(text, 0, delimiter, i)),
                format!("column \"{}\" is not used", header.trim()),
            ));
        }
        columns.push(column);
    }
    let missing: Vec<&str> = [Column::Date, Column::Title]
        .into_iter()
        .filter(|c| !columns.contains(&Some(*c)))
        .map(Column::name)
        .collect();
    if !missing.is_empty() {
        let mut p = problem(
            Severity::Error,
            (1, 1),
            format!(
                "no {} column: the header line reads \"{}\"",
                missing.join(" or "),
                headers.iter().collect::<Vec<_>>().join("\", \"")
            ),
        );
        p.hint =
            Some("the first line names the columns: date, category, title, summary, source".into());
        report.problems.push(p);
        return report;
    }
    let mut ids = Ids::of(dossier);
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e
                    .position()
                    .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
                report.problems.push(problem(
                    Severity::Error,
                    (line.max(1), 1),
                    format!("row not added: {}", plain_csv_error(&e)),
                ));
                continue;
            }
        };
        let (line, start) = record.position().map_or((0, 0), |p| {
            (
                usize::try_from(p.line()).unwrap_or(0),
                usize::try_from(p.byte()).unwrap_or(0),
            )
        });
        if record.iter().all(|f| f.trim().is_empty()) {
            continue; // a blank line between rows is not a row
        }
        let at = |field: Option<usize>| {
            (
                line,
                field.map_or(1, |i| field_column(text, start, delimiter, i)),
            )
        };
        let cell = |column: Column| {
            columns
                .iter()
                .position(|c| *c == Some(column))
                .map(|i| (i, record.get(i).unwrap_or("").trim()))
        };
        if record.len() > headers.len() {
            let mut p = problem(
                Severity::Error,
                at(Some(headers.len())),
                format!(
                    "row not added: it has {} fields, the header names {}",
                    record.len(),
                    headers.len()
                ),
            );
            p.hint = Some("quote a field that holds the separator: \"Geneva, Switzerland\"".into());
            report.problems.push(p);
            continue;
        }
        let Some((title_at, title)) = cell(Column::Title) else {
            continue;
        };
        if title.is_empty() {
            report.problems.push(problem(
                Severity::Error,
                at(Some(title_at)),
                "row not added: it has no title".into(),
            ));
            continue;
        }
        let (date_at, date_text) = cell(Column::Date).unwrap_or((0, ""));
        let date = if date_text.is_empty() {
            report.problems.push(problem(
                Severity::Warning,
                at(Some(date_at)),
                format!("\"{title}\" has no date: added as undated"),
            ));
            None
        } else {
            match dates::parse(date_text) {
                Ok(d) => Some(d),
                Err(e) => {
                    report.problems.push(problem(
                        Severity::Error,
                        at(Some(date_at)),
                        format!("row not added: {e}"),
                    ));
                    continue;
                }
            }
        };
        let category = match cell(Column::Category) {
            Some((_, c)) if !c.is_empty() => c.to_owned(),
            Some((i, _)) => {
                report.problems.push(problem(
                    Severity::Error,
                    at(Some(i)),
                    format!("row not added: \"{title}\" has no category"),
                ));
                continue;
            }
            None => "Uncategorised".to_owned(),
        };
        if let Some(twin) = dossier
            .timeline
            .iter()
            .find(|e| e.date == date && e.title.trim() == title)
        {
            report.problems.push(problem(
                Severity::Warning,
                at(Some(title_at)),
                format!("already in the dossier as \"{}\": not added again", twin.id),
            ));
            continue;
        }
        let sources = match cell(Column::Source) {
            Some((_, s)) if !s.is_empty() => {
                cited_sources(s, date, dossier, &mut ids, &mut report.new_sources)
            }
            _ => Vec::new(),
        };
        let summary = cell(Column::Summary).map_or("", |(_, s)| s);
        let prefix = match date {
            Some(d) => format!("ev-{}-", d.first_day()),
            None => "ev-".to_owned(),
        };
        let id = ids.fresh(&prefix, title);
        report.added.push(id.clone());
        dossier.timeline.push(Event {
            id,
            date,
            undated: date.is_none(),
            approximate: false,
            category,
            title: title.to_owned(),
            summary: summary.to_owned(),
            sources,
        });
    }
    report.problems = crate::problem::sorted(report.problems);
    report
}

/// Tabs, semicolons or commas: whichever the first line has most of (commas on a tie).
fn sniff(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    let (tabs, semis, commas) = (count('\t'), count(';'), count(','));
    if tabs > 0 && tabs >= commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

/// The column (in characters, from 1) where field `index` of the record starting at byte
/// `start` begins, found by walking the record as the CSV reader does.
fn field_column(text: &str, start: usize, delimiter: u8, index: usize) -> usize {
    let Some(rest) = text.get(start..) else {
        return 1;
    };
    let mut field = 0;
    let mut column = 1;
    let mut quoted = false;
    let mut field_start = 1;
    for c in rest.chars() {
        if field == index {
            return field_start;
        }
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => return 1,
            '\n' => column = 0,
            c if !quoted && u32::from(c) == u32::from(delimiter) => {
                field += 1;
                field_start = column + 1;
            }
            _ => {}
        }
        column += 1;
    }
    if field == index { field_start } else { 1 }
}

/// The csv crate's message, in the project's words.
fn plain_csv_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "it is not UTF-8 text; save the file as UTF-8".to_owned(),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("it has {len} fields, the header names {expected_len}"),
        _ => e.to_string(),
    }
}

/// The ids of the sources a cell names: URLs (separated by spaces or semicolons) become
/// dossier sources, an existing one with the same URL reused; anything else names a source
/// by id, publisher or title, or becomes a new source with that publisher.
fn cited_sources(
    cell: &str,
    date: Option<EventDate>,
    dossier: &mut Dossier,
    ids: &mut Ids,
    new_sources: &mut Vec<String>,
) -> Vec<String> {
    let is_url = |s: &str| s.starts_with("http://") || s.starts_with("https://");
    let parts: Vec<&str> = if cell.split([';', ' ', '\n']).any(|p| is_url(p.trim())) {
        cell.split([';', ' ', '\n', ','])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    } else {
        cell.split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    };
    let mut cited = Vec::new();
    for part in parts {
        let same = |s: &&Source| {
            if is_url(part) {
                s.url.as_deref().map(normal_url) == Some(normal_url(part))
            } else {
                s.id == part
                    || s.publisher.eq_ignore_ascii_case(part)
                    || s.title.eq_ignore_ascii_case(part)
            }
        };
        let id = match dossier.sources.iter().find(same) {
            Some(s) => s.id.clone(),
            None => {
                let source = if is_url(part) {
                    let (host, title) = url_parts(part);
                    Source {
                        id: ids.fresh("src-", &format!("{host} {title}")),
                        publisher: host,
                        title,
                        date,
                        author: String::new(),
                        url: Some(part.to_owned()),
                    }
                } else {
                    Source {
                        id: ids.fresh("src-", part),
                        publisher: part.to_owned(),
                        title: part.to_owned(),
                        date,
                        author: String::new(),
                        url: None,
                    }
                };
                new_sources.push(source.id.clone());
                let id = source.id.clone();
                dossier.sources.push(source);
                id
            }
        };
        if !cited.contains(&id) {
            cited.push(id);
        }
    }
    cited
}

/// A URL without its scheme, a leading "www." or a trailing slash, for comparing.
fn normal_url(url: &str) -> String {
    let url = url.trim();
    let url = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let url = url.strip_prefix("www.").unwrap_or(url);
    url.trim_end_matches('/').to_owned()
}

/// A URL's host ("reuters.com") as publisher, and its last path segment made readable
/// ("russia-sends-non-paper" -> "Russia sends non paper") as title, or the host.
fn url_parts(url: &str) -> (String, String) {
    let rest = normal_url(url);
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let mut segments = rest.split('/');
    let host = segments.next().unwrap_or("").to_owned();
    let last = segments
        .rfind(|s| !s.is_empty() && !slugify(s).is_empty())
        .unwrap_or("");
    let last = last
        .rsplit_once('.')
        .filter(|(_, ext)| matches!(*ext, "html" | "htm" | "php" | "aspx"))
        .map_or(last, |(stem, _)| stem);
    let words: Vec<&str> = last
        .split(['-', '_', '+'])
        .filter(|w| !w.is_empty())
        .collect();
    // A trailing numeric id ("...-idUSKBN2") says nothing to a reader.
    let title = words.join(" ");
    let mut chars = title.chars();
    let title = match chars.next() {
        Some(c) if words.len() > 1 => c.to_uppercase().chain(chars).collect(),
        _ => host.clone(),
    };
    (host, title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn empty() -> Dossier {
        crate::store::parse_dossier(
            "version: 1\nid: d\ntitle: T\nas_of: \"2025-12-01\"\nsources:\n  - { id: src-r, publisher: Reuters, title: R, url: \"https://www.reuters.com/world/a-story/\" }\n",
            "d",
        )
        .unwrap()
    }

    #[test]
    fn headers_are_matched_loosely() {
        for (header, column) in [
            ("Date", Column::Date),
            ("When", Column::Date),
            ("Event date", Column::Date),
            ("Category/Type", Column::Category),
            ("Type", Column::Category),
            ("Headline", Column::Title),
            ("Headline/Title", Column::Title),
            ("Description", Column::Summary),
            ("Description/Summary", Column::Summary),
            ("Source/URL", Column::Source),
            ("Source URL", Column::Source),
        ] {
            assert_eq!(Column::of_header(header), Some(column), "{header}");
        }
        assert_eq!(Column::of_header("Mood"), None);
    }

    #[test]
    fn a_bad_row_is_reported_by_line_and_the_good_rows_are_added() {
        let csv = "When,Type,Headline,Description,Source/URL\n\
                   2025-12-02,Negotiation,Kremlin talks,\"Five hours, no deal\",https://reuters.com/world/a-story\n\
                   2025-02-30,Leak,Bad day,x,\n\
                   \"December 6, 2025\",Statement,\"Kellogg: \"\"last 10 metres\"\"\",\"Two lines\nof summary\",https://example.org/news/kellogg-last-ten-metres.html\n\
                   2025-12-07,,No category,,\n";
        let mut d = empty();
        let report = import_events(csv, "ev.csv", Separator::Sniff, &mut d);
        let shown: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
        assert_eq!(report.added.len(), 2, "{shown:#?}");
        assert_eq!(shown.len(), 2, "{shown:#?}");
        assert!(
            shown[0].starts_with("ev.csv:3:1: row not added: invalid date \"2025-02-30\""),
            "{shown:#?}"
        );
        assert!(
            shown[1].starts_with("ev.csv:6:12: row not added: \"No category\" has no category"),
            "{shown:#?}"
        );
        let kremlin = &d.timeline[0];
        assert_eq!(kremlin.id, "ev-2025-12-02-kremlin-talks");
        assert_eq!(kremlin.summary, "Five hours, no deal");
        assert_eq!(kremlin.sources, ["src-r"], "the existing source is reused");
        let kellogg = &d.timeline[1];
        assert_eq!(kellogg.title, "Kellogg: \"last 10 metres\"");
        assert_eq!(kellogg.summary, "Two lines\nof summary");
        assert_eq!(kellogg.date.unwrap().to_string(), "2025-12-06");
        assert_eq!(d.sources.len(), 2);
        assert_eq!(d.sources[1].publisher, "example.org");
        assert_eq!(d.sources[1].title, "Kellogg last ten metres");
        assert_eq!(kellogg.sources, [d.sources[1].id.clone()]);
        assert!(crate::validate::validate_dossier(&d).is_empty());
    }

    #[test]
    fn tabs_are_sniffed_and_a_second_import_adds_nothing_twice() {
        let tsv = "date\tcategory\ttitle\n2025-12\tSummit\tA summit\n\tSummit\tSome day\n";
        let mut d = empty();
        let first = import_events(tsv, "e.tsv", Separator::Sniff, &mut d);
        assert_eq!(first.added.len(), 2);
        assert!(
            first.problems[0]
                .to_string()
                .contains("e.tsv:3:1: warning: \"Some day\" has no date: added as undated"),
            "{:?}",
            first.problems
        );
        assert!(d.timeline[1].undated);
        let again = import_events(tsv, "e.tsv", Separator::Sniff, &mut d);
        assert!(again.added.is_empty());
        assert_eq!(d.timeline.len(), 2);
        assert!(
            again
                .problems
                .iter()
                .all(|p| p.message.contains("not added again") || p.message.contains("no date"))
        );
    }

    #[test]
    fn a_file_without_a_title_column_says_what_it_found() {
        let mut d = empty();
        let report = import_events(
            "Date,Notes\n2025-01-01,x\n",
            "e.csv",
            Separator::Comma,
            &mut d,
        );
        assert!(
            report.problems[0].to_string().starts_with(
                "e.csv:1:1: no title column: the header line reads \"Date\", \"Notes\""
            )
        );
        assert!(d.timeline.is_empty());
    }
}
