use super::*;
use crate::model::{AnnotationKind, ItemAnnotation};
use crate::store::{parse_brief, parse_dossier};

const DOSSIER: &str = r#"
version: 1
id: t
title: Test dossier
as_of: "2025-12-07"
overview: ["One paragraph."]
indicators:
  - { id: ind-a, value: "≈19%", label: A, sources: [src-b] }
  - { id: ind-b, value: "2M+", label: B, sources: [src-a] }
people:
  - { id: ann, name: Ann, role: Envoy }
timeline:
  - { id: ev-1, date: "2022-02-24", category: Military, title: One, sources: [src-a] }
  - { id: ev-2, date: "2025-11-19", category: Leak, title: Two }
  - { id: ev-3, date: "2025-12-02", category: Negotiation, title: Three }
  - { id: ev-4, date: "2025-12", category: Negotiation, title: Four }
  - { id: ev-5, date: "2025", approximate: true, category: Leak, title: Five }
  - { id: ev-6, date: "2025-08-15/2025-10-21", category: Leak, title: Six }
  - { id: ev-7, date: "2025-12-06", category: Negotiation, title: Seven }
sources:
  - { id: src-a, publisher: A, title: Alpha }
  - { id: src-b, publisher: B, title: Beta }
  - { id: src-c, publisher: C, title: Gamma }
"#;

fn dossier() -> Dossier {
    parse_dossier(DOSSIER, "t.dossier.yaml").unwrap()
}

fn brief(sections: &str) -> Brief {
    let text = format!("version: 1\ntitle: T\nsections:\n{sections}");
    parse_brief(&text, "t.brief.yaml").unwrap()
}

fn timeline_titles(c: &Composed, n: usize) -> Vec<String> {
    match &c.sections[n].body {
        Body::Timeline { rows, .. } => rows.iter().map(|r| r.item.title.clone()).collect(),
        other => panic!("not a timeline: {other:?}"),
    }
}

#[test]
fn slice_filters_by_dates_inclusive() {
    let b = brief("  - { kind: timeline, from: \"2025-11-19\", to: \"2025-12-06\" }\n");
    let c = compose(&dossier(), &b);
    // ev-4 (all of December) reaches past the 6th, ev-5 (all of 2025) past both ends.
    assert_eq!(timeline_titles(&c, 0), ["Two", "Three", "Seven"]);
}

#[test]
fn slice_orders_newest_first_and_limits() {
    let b = brief("  - { kind: timeline, from: \"2025-01-01\", order: newest_first, limit: 3 }\n");
    let c = compose(&dossier(), &b);
    // A month sorts by its first day, ahead of the days within it.
    assert_eq!(timeline_titles(&c, 0), ["Seven", "Three", "Four"]);
    let Body::Timeline {
        matching, total, ..
    } = &c.sections[0].body
    else {
        panic!()
    };
    assert_eq!((*matching, *total), (6, 7));
}

#[test]
fn slice_filters_by_category_and_sorts_partial_dates() {
    let b = brief("  - { kind: timeline, categories: [Leak] }\n");
    let c = compose(&dossier(), &b);
    // The year 2025 starts on 1 January; the window on 15 August.
    assert_eq!(timeline_titles(&c, 0), ["Five", "Six", "Two"]);
}

#[test]
fn two_slices_in_one_brief() {
    let b = brief(concat!(
        "  - { kind: timeline, heading: \"Background, 2022\", to: \"2022-12-31\" }\n",
        "  - { kind: timeline, heading: Recent, from: \"2025-12-01\" }\n",
    ));
    let c = compose(&dossier(), &b);
    assert_eq!(c.sections[0].heading, "Background, 2022");
    assert_eq!(timeline_titles(&c, 0), ["One"]);
    assert_eq!(timeline_titles(&c, 1), ["Four", "Three", "Seven"]);
}

#[test]
fn chosen_items_keep_dossier_order_and_unknown_ids_are_reported() {
    let b = brief("  - { kind: indicators, items: [ind-b, ind-x, ind-a] }\n");
    let c = compose(&dossier(), &b);
    let Body::Indicators(rows) = &c.sections[0].body else {
        panic!()
    };
    let ids: Vec<&str> = rows.iter().map(|r| r.item.id.as_str()).collect();
    assert_eq!(ids, ["ind-a", "ind-b"]);
    assert_eq!(c.findings.len(), 1);
    let f = &c.findings[0];
    assert_eq!(f.path.to_string(), "sections[0].items[1]");
    assert!(f.message.contains("ind-x"));
    assert_eq!(f.hint.as_deref(), Some("did you mean \"ind-a\"?"));
}

#[test]
fn an_id_of_the_wrong_kind_is_named_as_such() {
    let b = brief("  - { kind: people, items: [ev-1] }\n");
    let c = compose(&dossier(), &b);
    assert!(c.findings[0].message.contains("not among its people"));
}

#[test]
fn excluded_sections_do_not_print_and_numbers_close_up() {
    let b = brief(concat!(
        "  - { kind: overview, included: false }\n",
        "  - { kind: people }\n",
    ));
    let c = compose(&dossier(), &b);
    assert_eq!(c.sections.len(), 1);
    assert_eq!((c.sections[0].index, c.sections[0].number), (1, 1));
}

#[test]
fn annotations_attach_to_items_and_sections() {
    let mut b = brief(concat!(
        "  - kind: people\n",
        "    annotations: [{ kind: talking_point, text: Say this }]\n",
    ));
    b.annotations.push(ItemAnnotation {
        item: "ann".into(),
        kind: AnnotationKind::Question,
        text: "Ask her".into(),
        every_section: false,
    });
    let c = compose(&dossier(), &b);
    assert_eq!(c.sections[0].annotations[0].text, "Say this");
    let Body::People(rows) = &c.sections[0].body else {
        panic!()
    };
    assert_eq!(rows[0].annotations[0].text, "Ask her");
    assert!(c.findings.is_empty());

    b.include_annotations = false;
    let c = compose(&dossier(), &b);
    assert!(c.sections[0].annotations.is_empty());
    let Body::People(rows) = &c.sections[0].body else {
        panic!()
    };
    assert!(rows[0].annotations.is_empty());
}

#[test]
fn orphaned_annotations_are_reported_not_dropped() {
    let mut b = brief("  - { kind: people }\n");
    b.annotations.push(ItemAnnotation {
        item: "gone".into(),
        kind: AnnotationKind::Note,
        text: "Was on a deleted event".into(),
        every_section: false,
    });
    b.annotations.push(ItemAnnotation {
        item: "ev-1".into(),
        kind: AnnotationKind::Note,
        text: "Not in any section".into(),
        every_section: false,
    });
    let c = compose(&dossier(), &b);
    assert_eq!(c.findings.len(), 2);
    assert!(
        c.findings
            .iter()
            .all(|f| f.severity == crate::problem::Severity::Warning)
    );
    assert!(c.findings[0].message.contains("no such item"));
    assert!(c.findings[1].message.contains("no included section"));
}

#[test]
fn sources_are_numbered_in_order_of_first_citation() {
    let b = brief(concat!(
        "  - { kind: indicators }\n",
        "  - { kind: timeline, to: \"2022-12-31\" }\n",
        "  - { kind: sources }\n",
    ));
    let c = compose(&dossier(), &b);
    let Body::Indicators(rows) = &c.sections[0].body else {
        panic!()
    };
    assert_eq!(rows[0].cites, [1]); // ind-a cites src-b first
    assert_eq!(rows[1].cites, [2]);
    let Body::Sources(notes) = &c.sections[2].body else {
        panic!()
    };
    let order: Vec<(usize, &str)> = notes
        .iter()
        .map(|n| (n.number, n.source.id.as_str()))
        .collect();
    assert_eq!(order, [(1, "src-b"), (2, "src-a"), (3, "src-c")]);
}

#[test]
fn without_a_sources_section_nothing_is_cited() {
    let b = brief("  - { kind: indicators }\n");
    let c = compose(&dossier(), &b);
    let Body::Indicators(rows) = &c.sections[0].body else {
        panic!()
    };
    assert!(rows.iter().all(|r| r.cites.is_empty()));
}

#[test]
fn participants_resolve_to_name_and_role() {
    let text = "version: 1\ntitle: T\nmeeting:\n  participants: [ann, bob]\n  other_participants: [Guest]\nsections: []\n";
    let b = parse_brief(text, "t").unwrap();
    let c = compose(&dossier(), &b);
    assert_eq!(c.meeting.participants, ["Ann, Envoy", "Guest"]);
    assert_eq!(c.findings[0].path.to_string(), "meeting.participants[1]");
}

// ---- issue 11: what prints is what the staffer meant ----

fn note_on(item: &str, every_section: bool) -> ItemAnnotation {
    ItemAnnotation {
        item: item.into(),
        kind: AnnotationKind::Note,
        text: "Mind this one".into(),
        every_section,
    }
}

fn notes_per_section(c: &Composed) -> Vec<usize> {
    c.sections
        .iter()
        .map(|s| match &s.body {
            Body::Timeline { rows, .. } => rows.iter().map(|r| r.annotations.len()).sum(),
            _ => 0,
        })
        .collect()
}

#[test]
fn a_note_on_an_item_prints_once_unless_every_section_is_ticked() {
    let mut b = brief(concat!(
        "  - { kind: timeline, heading: Recent, from: \"2025-11-01\" }\n",
        "  - { kind: timeline, heading: Talks, categories: [Negotiation] }\n",
    ));
    b.annotations.push(note_on("ev-3", false));
    let c = compose(&dossier(), &b);
    assert_eq!(notes_per_section(&c), [1, 0]);
    assert!(c.findings.is_empty(), "{:?}", c.findings);
    b.annotations[0].every_section = true;
    let c = compose(&dossier(), &b);
    assert_eq!(notes_per_section(&c), [1, 1]);
}

#[test]
fn participants_print_in_dossier_order_and_empty_entries_never_print() {
    let d = parse_dossier(
        &DOSSIER.replace(
            "people:\n",
            "people:\n  - { id: bob, name: Bob, role: Aide }\n",
        ),
        "t",
    )
    .unwrap();
    let mut b = brief("  - { kind: overview }\n");
    b.meeting.participants = vec!["ann".into(), "bob".into()];
    b.meeting.other_participants = vec!["  ".into(), "Carol".into(), String::new()];
    b.meeting.bottom_line = vec![String::new(), "Point".into()];
    b.sections[0].annotations.push(crate::model::Annotation {
        kind: AnnotationKind::Note,
        text: " ".into(),
    });
    let c = compose(&d, &b);
    assert_eq!(c.meeting.participants, ["Bob, Aide", "Ann, Envoy", "Carol"]);
    assert_eq!(c.meeting.bottom_line, ["Point"]);
    assert!(c.sections[0].annotations.is_empty());
}

#[test]
fn two_sections_under_one_heading_are_warned_about() {
    let b = brief(concat!(
        "  - { kind: timeline, from: \"2025-11-01\" }\n",
        "  - { kind: timeline, to: \"2025-01-01\" }\n",
    ));
    let findings = crate::validate::validate(&dossier(), &b);
    assert!(
        findings.iter().any(|f| f
            .message
            .contains("two sections print under the heading \"Timeline\"")),
        "{findings:?}"
    );
}

#[test]
fn undated_events_follow_the_dated_ones_in_dossier_order_and_no_range_holds_them() {
    let mut d = dossier();
    d.timeline.truncate(3);
    for title in ["Later on the page", "Earlier on the page"] {
        let mut e = d.timeline[0].clone();
        e.id = format!("ev-{}", title.len());
        e.title = title.into();
        e.date = None;
        e.undated = true;
        d.timeline.insert(1, e);
    }
    let oldest = compose(&d, &brief("  - { kind: timeline }\n"));
    assert_eq!(
        timeline_titles(&oldest, 0),
        [
            "One",
            "Two",
            "Three",
            "Earlier on the page",
            "Later on the page"
        ]
    );
    let newest = compose(&d, &brief("  - { kind: timeline, order: newest_first }\n"));
    assert_eq!(
        timeline_titles(&newest, 0),
        [
            "Three",
            "Two",
            "One",
            "Earlier on the page",
            "Later on the page"
        ]
    );
    let ranged = compose(&d, &brief("  - { kind: timeline, from: \"2000-01-01\" }\n"));
    assert_eq!(timeline_titles(&ranged, 0), ["One", "Two", "Three"]);
}
