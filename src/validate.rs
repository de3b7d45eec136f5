//! Brief + Dossier -> every problem, each with where it is and, where it helps, a hint.
//! Checks what serde cannot: ids, references, date ranges, fields that only some section
//! kinds use. Reference resolution itself lives in `compose`, whose findings are included,
//! so the two cannot disagree about what an id means.

use std::collections::{HashMap, HashSet};

use crate::compose::{self, nearest};
use crate::edit::item::{self, Item};
use crate::model::{Brief, Dossier, SectionKind};
use crate::problem::{Doc, Finding, YamlPath};

/// The most characters one text field may hold: about eight printed pages. Longer text is
/// refused with a message rather than left to make export crawl.
pub const MAX_FIELD_CHARS: usize = 20_000;
/// The longest run without a space that can be wrapped onto lines in reasonable time.
pub const MAX_WORD_CHARS: usize = 500;
/// The most timeline events one brief may print: about a thousand pages.
pub const MAX_PRINTED_EVENTS: usize = 10_000;

/// Flags text too long for one field, or with a word too long to wrap.
fn check_text(out: &mut Vec<Finding>, doc: Doc, path: impl Fn() -> YamlPath, text: &str) {
    // Byte lengths bound character counts from above: most text is cleared without counting.
    if text.len() <= MAX_WORD_CHARS {
        return;
    }
    let chars = text.chars().count();
    if chars > MAX_FIELD_CHARS {
        out.push(
            Finding::error(
                doc,
                path(),
                format!("text of {chars} characters; one field holds at most {MAX_FIELD_CHARS}"),
            )
            .with_hint("split it, or keep the long version in a document of its own and cite it"),
        );
        return;
    }
    if let Some(word) = text
        .split_whitespace()
        .find(|w| w.chars().count() > MAX_WORD_CHARS)
    {
        out.push(
            Finding::error(
                doc,
                path(),
                format!("a word of {} characters without a space cannot be wrapped onto lines; at most {MAX_WORD_CHARS}", word.chars().count()),
            )
            .with_hint("break it with spaces"),
        );
    }
}

/// Every problem in a brief and the dossier it is made from.
pub fn validate(dossier: &Dossier, brief: &Brief) -> Vec<Finding> {
    validate_composed(dossier, brief, &compose::compose(dossier, brief))
}

/// The same, for a brief already composed: what composing found is not found twice.
pub fn validate_composed(
    dossier: &Dossier,
    brief: &Brief,
    composed: &compose::Composed,
) -> Vec<Finding> {
    let mut findings = validate_dossier(dossier);
    findings.extend(crate::limits::brief_counts(brief));
    findings.extend(brief_structure(dossier, brief));
    findings.extend(composed.findings.iter().cloned());
    if brief.last_export.is_some() && brief.version < crate::model::LAST_EXPORT_VERSION {
        // Builds that know only version 1 refuse the unknown field; the version must say so.
        findings.push(
            Finding::warning(
                Doc::Brief,
                YamlPath::root().key("version"),
                format!(
                    "the brief holds last_export, which needs format version {}; builds that read only version {} refuse it",
                    crate::model::LAST_EXPORT_VERSION,
                    brief.version
                ),
            )
            .with_hint(format!(
                "set `version: {}`; the next export does it for you",
                crate::model::LAST_EXPORT_VERSION
            )),
        );
    }
    findings
}

/// Every problem in a dossier on its own.
pub fn validate_dossier(d: &Dossier) -> Vec<Finding> {
    let mut out = crate::limits::dossier_counts(d);
    let root = YamlPath::root();
    if d.title.trim().is_empty() {
        out.push(Finding::error(
            Doc::Dossier,
            root.key("title"),
            "the dossier has no title",
        ));
    }
    // Every item of every kind with its path, in the file's order.
    let items: Vec<(YamlPath, &dyn Item)> = item::items(d)
        .into_iter()
        .map(|(part, i, x)| (root.key(part.key()).index(i), x))
        .collect();

    let mut first: HashMap<&str, &YamlPath> = HashMap::new();
    for (path, x) in &items {
        let id = x.id();
        if !is_slug(id) {
            out.push(
                Finding::error(Doc::Dossier, path.key("id"), format!("id \"{id}\" is not a slug"))
                    .with_hint("use lowercase letters, digits and hyphens, e.g. \"ev-2025-12-02-kremlin-talks\""),
            );
        }
        if let Some(earlier) = first.get(id) {
            out.push(
                Finding::error(
                    Doc::Dossier,
                    path.key("id"),
                    format!("duplicate id \"{id}\", first used at {earlier}"),
                )
                .with_hint(
                    "ids are shared by every kind of item and must be unique in the dossier",
                ),
            );
        } else {
            first.insert(id, path);
        }
    }
    let source_ids: HashSet<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
    for (path, x) in &items {
        for (i, s) in x.cited().iter().enumerate() {
            if !source_ids.contains(s.as_str()) {
                let hint = nearest(s, source_ids.iter().copied())
                    .map(|n| format!("did you mean \"{n}\"?"))
                    .unwrap_or_else(|| "add it under sources, or remove the reference".into());
                out.push(
                    Finding::error(
                        Doc::Dossier,
                        path.key("sources").index(i),
                        format!("unknown source \"{s}\""),
                    )
                    .with_hint(hint),
                );
            }
        }
    }
    check_text(&mut out, Doc::Dossier, || root.key("title"), &d.title);
    check_text(&mut out, Doc::Dossier, || root.key("subtitle"), &d.subtitle);
    for (i, p) in d.overview.iter().enumerate() {
        check_text(&mut out, Doc::Dossier, || root.key("overview").index(i), p);
    }
    for (path, x) in &items {
        if x.name().trim().is_empty() {
            let key = x.name_key();
            let noun = if key == "name" { "name" } else { key };
            out.push(
                Finding::warning(
                    Doc::Dossier,
                    path.key(key),
                    format!("\"{}\" has no {noun}", x.id()),
                )
                .with_hint(format!("give it a {noun}: it prints with an empty one")),
            );
        }
        for (field, text) in x.texts() {
            check_text(&mut out, Doc::Dossier, || path.key(field), text);
        }
    }
    for (i, e) in d.timeline.iter().enumerate() {
        let at = root.key("timeline").index(i);
        match (e.date, e.undated) {
            (None, true) => out.push(
                Finding::warning(
                    Doc::Dossier,
                    at.clone(),
                    format!("event \"{}\" needs a date", e.id),
                )
                .with_hint("give it a `date:` (a day, month, year or window) and remove `undated: true`"),
            ),
            (None, false) => out.push(
                Finding::error(
                    Doc::Dossier,
                    at.clone(),
                    format!("event \"{}\" has no date", e.id),
                )
                .with_hint("add `date:` (a day, month, year or window), or `undated: true` until the date is known"),
            ),
            (Some(_), true) => out.push(
                Finding::warning(
                    Doc::Dossier,
                    at.key("undated"),
                    format!("event \"{}\" has a date but is marked undated", e.id),
                )
                .with_hint("remove `undated: true`; the date is used"),
            ),
            (Some(_), false) => {}
        }
        if e.category.trim().is_empty() {
            out.push(Finding::error(
                Doc::Dossier,
                root.key("timeline").index(i).key("category"),
                format!("event \"{}\" has no category", e.id),
            ));
        }
    }
    out
}

fn brief_structure(d: &Dossier, b: &Brief) -> Vec<Finding> {
    let mut out = Vec::new();
    let root = YamlPath::root();
    if b.title.trim().is_empty() {
        out.push(Finding::error(
            Doc::Brief,
            root.key("title"),
            "the brief has no title",
        ));
    }
    if b.sections.is_empty() {
        out.push(
            Finding::error(
                Doc::Brief,
                root.key("sections"),
                "the brief has no sections",
            )
            .with_hint("add at least one, e.g. `- kind: overview`"),
        );
    }
    for (field, text) in [
        ("title", &b.title),
        ("subtitle", &b.subtitle),
        ("prepared_for", &b.prepared_for),
        ("prepared_by", &b.prepared_by),
        ("marking", &b.marking),
    ] {
        check_text(&mut out, Doc::Brief, || root.key(field), text);
    }
    let m = root.key("meeting");
    for (field, text) in [
        ("purpose", &b.meeting.purpose),
        ("time", &b.meeting.time),
        ("location", &b.meeting.location),
    ] {
        check_text(&mut out, Doc::Brief, || m.key(field), text);
    }
    for (i, p) in b.meeting.bottom_line.iter().enumerate() {
        check_text(&mut out, Doc::Brief, || m.key("bottom_line").index(i), p);
    }
    for (i, p) in b.meeting.other_participants.iter().enumerate() {
        check_text(
            &mut out,
            Doc::Brief,
            || m.key("other_participants").index(i),
            p,
        );
    }
    for (i, a) in b.annotations.iter().enumerate() {
        check_text(
            &mut out,
            Doc::Brief,
            || root.key("annotations").index(i).key("text"),
            &a.text,
        );
    }
    let mut printed_events = 0;
    let categories: HashSet<&str> = d.timeline.iter().map(|e| e.category.as_str()).collect();
    for (i, s) in b.sections.iter().enumerate() {
        let at = root.key("sections").index(i);
        if s.kind != SectionKind::Timeline {
            let timeline_only = [
                ("from", s.from.is_some()),
                ("to", s.to.is_some()),
                ("categories", !s.categories.is_empty()),
                ("order", s.order != Default::default()),
                ("limit", s.limit.is_some()),
            ];
            for (field, set) in timeline_only {
                if set {
                    out.push(
                        Finding::error(
                            Doc::Brief,
                            at.key(field),
                            format!(
                                "\"{field}\" applies only to timeline sections, not {}",
                                s.kind.key()
                            ),
                        )
                        .with_hint("remove it, or change the section's kind to timeline"),
                    );
                }
            }
        }
        if !s.kind.has_items() && s.items.is_some() {
            out.push(Finding::error(
                Doc::Brief,
                at.key("items"),
                format!("{} sections have no items to pick", s.kind.key()),
            ));
        }
        if let (Some(from), Some(to)) = (s.from, s.to)
            && from > to
        {
            out.push(
                Finding::error(
                    Doc::Brief,
                    at.key("from"),
                    format!("\"from\" ({from}) is after \"to\" ({to})"),
                )
                .with_hint("swap the two dates"),
            );
        }
        for (j, c) in s.categories.iter().enumerate() {
            if !categories.contains(c.as_str()) {
                let mut known: Vec<&str> = categories.iter().copied().collect();
                known.sort_unstable();
                let hint = match nearest(c, known.iter().copied()) {
                    Some(n) => format!("did you mean \"{n}\"?"),
                    None => format!("the dossier's categories are: {}", known.join(", ")),
                };
                out.push(
                    Finding::error(
                        Doc::Brief,
                        at.key("categories").index(j),
                        format!("unknown category \"{c}\""),
                    )
                    .with_hint(hint),
                );
            }
        }
        if s.limit == Some(0) {
            out.push(Finding::warning(
                Doc::Brief,
                at.key("limit"),
                "a limit of 0 shows no events",
            ));
        }
        if let Some(h) = &s.heading {
            check_text(&mut out, Doc::Brief, || at.key("heading"), h);
        }
        for (j, a) in s.annotations.iter().enumerate() {
            check_text(
                &mut out,
                Doc::Brief,
                || at.key("annotations").index(j).key("text"),
                &a.text,
            );
        }
        let events = if s.included && s.kind == SectionKind::Timeline {
            compose::slice(d, s).0.len()
        } else {
            0
        };
        printed_events += events;
        if printed_events > MAX_PRINTED_EVENTS && events > 0 {
            out.push(
                Finding::error(
                    Doc::Brief,
                    at.clone(),
                    format!("the brief would print {printed_events} timeline events so far; at most {MAX_PRINTED_EVENTS} in one brief"),
                )
                .with_hint("narrow the slice with dates, categories or a limit"),
            );
        }
        if s.included && s.kind == SectionKind::Timeline && events == 0 {
            out.push(
                Finding::warning(
                    Doc::Brief,
                    at.clone(),
                    format!(
                        "timeline slice \"{}\" selects no events",
                        s.heading_or_default()
                    ),
                )
                .with_hint("widen the dates or categories"),
            );
        }
        for (j, a) in s.annotations.iter().enumerate() {
            if a.text.trim().is_empty() {
                out.push(Finding::warning(
                    Doc::Brief,
                    at.key("annotations").index(j).key("text"),
                    "empty annotation",
                ));
            }
        }
    }
    // Two printed sections under one heading read as one section cut in two.
    let mut headings: Vec<String> = Vec::new();
    for (i, s) in b.sections.iter().enumerate() {
        if !s.included {
            continue;
        }
        let heading = s.heading_or_default().trim().to_lowercase();
        if headings.contains(&heading) {
            out.push(
                Finding::warning(
                    Doc::Brief,
                    root.key("sections").index(i).key("heading"),
                    format!(
                        "two sections print under the heading \"{}\"",
                        s.heading_or_default()
                    ),
                )
                .with_hint("give this one a heading of its own"),
            );
        } else {
            headings.push(heading);
        }
    }
    for (j, a) in b.annotations.iter().enumerate() {
        if a.text.trim().is_empty() {
            out.push(Finding::warning(
                Doc::Brief,
                root.key("annotations").index(j).key("text"),
                "empty annotation",
            ));
        }
    }
    out
}

/// Lowercase letters, digits, `-`, `_` and `.`, starting with a letter or digit.
pub fn is_slug(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}
