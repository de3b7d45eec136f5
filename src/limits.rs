//! How many of each thing a brief or dossier may hold. Far above any real brief, low enough
//! that a hostile or runaway file is refused at once with a located message rather than
//! taking minutes or gigabytes to lay out. Every limit is listed in `briefs/README.md`.

use crate::model::{Brief, Dossier};
use crate::problem::{Doc, Finding, YamlPath};

/// Sections in one brief.
pub const MAX_SECTIONS: usize = 100;
/// Annotations on items in one brief.
pub const MAX_ANNOTATIONS: usize = 5_000;
/// Ids one section may pick.
pub const MAX_PICKS: usize = 10_000;
/// Points in a meeting's bottom line, participants, categories of a slice, and
/// annotations on one section.
pub const MAX_SHORT_LIST: usize = 200;
/// Items in one list of a dossier (events, people, sources, ...).
pub const MAX_DOSSIER_ITEMS: usize = 20_000;

fn too_many(doc: Doc, path: YamlPath, count: usize, what: &str, max: usize) -> Finding {
    Finding::error(
        doc,
        path,
        format!("{count} {what}; at most {max} are allowed"),
    )
    .with_hint("is this the right file? split it into several")
}

/// Lists of a brief longer than their limit.
pub fn brief_counts(b: &Brief) -> Vec<Finding> {
    let mut out = Vec::new();
    let root = YamlPath::root();
    let mut check = |path: YamlPath, count: usize, what: &str, max: usize| {
        if count > max {
            out.push(too_many(Doc::Brief, path, count, what, max));
        }
    };
    let m = root.key("meeting");
    for (path, count, what, max) in [
        (
            root.key("sections"),
            b.sections.len(),
            "sections",
            MAX_SECTIONS,
        ),
        (
            root.key("annotations"),
            b.annotations.len(),
            "annotations",
            MAX_ANNOTATIONS,
        ),
        (
            m.key("bottom_line"),
            b.meeting.bottom_line.len(),
            "bottom-line points",
            MAX_SHORT_LIST,
        ),
        (
            m.key("participants"),
            b.meeting.participants.len(),
            "participants",
            MAX_SHORT_LIST,
        ),
        (
            m.key("other_participants"),
            b.meeting.other_participants.len(),
            "other participants",
            MAX_SHORT_LIST,
        ),
    ] {
        check(path, count, what, max);
    }
    for (i, s) in b.sections.iter().take(MAX_SECTIONS).enumerate() {
        let at = root.key("sections").index(i);
        if let Some(items) = &s.items {
            check(at.key("items"), items.len(), "items picked", MAX_PICKS);
        }
        check(
            at.key("categories"),
            s.categories.len(),
            "categories",
            MAX_SHORT_LIST,
        );
        check(
            at.key("annotations"),
            s.annotations.len(),
            "annotations on one section",
            MAX_SHORT_LIST,
        );
    }
    out
}

/// Lists of a dossier longer than their limit.
pub fn dossier_counts(d: &Dossier) -> Vec<Finding> {
    let root = YamlPath::root();
    [
        ("overview", d.overview.len()),
        ("indicators", d.indicators.len()),
        ("people", d.people.len()),
        ("organizations", d.organizations.len()),
        ("timeline", d.timeline.len()),
        ("scenarios", d.scenarios.len()),
        ("precedents", d.precedents.len()),
        ("sources", d.sources.len()),
    ]
    .into_iter()
    .filter(|(_, n)| *n > MAX_DOSSIER_ITEMS)
    .map(|(name, n)| {
        too_many(
            Doc::Dossier,
            root.key(name),
            n,
            &format!("entries in {name}"),
            MAX_DOSSIER_ITEMS,
        )
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_thousand_sections_are_refused_at_the_list() {
        let mut brief =
            crate::store::parse_brief("version: 1\ntitle: T\nsections:\n  - kind: overview\n", "t")
                .unwrap();
        let one = brief.sections[0].clone();
        brief.sections = vec![one; 2_000];
        let found = brief_counts(&brief);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path.to_string(), "sections");
        assert!(found[0].message.contains("2000 sections"), "{found:?}");
    }

    #[test]
    fn the_samples_are_far_inside_every_limit() {
        let dossier = crate::store::default_dossier().unwrap().doc;
        assert!(dossier_counts(&dossier).is_empty());
    }
}
