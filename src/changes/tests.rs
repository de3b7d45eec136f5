use super::*;
use crate::compose;
use crate::model::{Brief, Event, EventDate};
use crate::store::{parse_brief, parse_dossier};

const DOSSIER: &str = r#"
version: 1
id: t
title: Test dossier
as_of: "2025-12-07"
indicators:
  - { id: ind-a, value: "≈19%", label: Territory held }
  - { id: ind-b, value: "2M+", label: Casualties }
people:
  - { id: ann, name: Ann, role: Envoy }
timeline:
  - { id: ev-1, date: "2022-02-24", category: Military, title: One }
  - { id: ev-2, date: "2025-11-19", category: Leak, title: Two }
  - { id: ev-3, date: "2025-12-02", category: Negotiation, title: Three }
"#;

const BRIEF: &str = r#"
version: 1
title: T
sections:
  - kind: changes
  - kind: indicators
  - kind: timeline
    from: "2025-11-01"
    categories: [Negotiation, Leak]
"#;

fn dossier() -> Dossier {
    parse_dossier(DOSSIER, "t.dossier.yaml").unwrap()
}

fn exported(d: &Dossier) -> Brief {
    let mut brief = parse_brief(BRIEF, "t.brief.yaml").unwrap();
    let record = record(d, &compose(d, &brief), "2025-12-02T14:05:00Z".into());
    brief.record_export(record);
    brief
}

fn event(id: &str, date: &str, category: &str, title: &str) -> Event {
    Event {
        id: id.into(),
        date: Some(EventDate::parse(date).unwrap()),
        undated: false,
        approximate: false,
        category: category.into(),
        title: title.into(),
        summary: String::new(),
        sources: Vec::new(),
    }
}

#[test]
fn the_record_holds_what_printed_with_fingerprints_and_figures() {
    let d = dossier();
    let brief = exported(&d);
    assert_eq!(brief.version, 2, "a brief with a record is version 2");
    let last = brief.last_export.unwrap();
    assert_eq!(last.dossier, "t");
    assert_eq!(last.day(), Date::new(2025, 12, 2));
    let ids: Vec<&str> = last.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        ["ind-a", "ind-b", "ev-2", "ev-3"],
        "ev-1 is outside the slice"
    );
    assert_eq!(last.items[0].value.as_deref(), Some("≈19%"));
    assert_eq!(last.items[2].value, None);
    assert!(last.items.iter().all(|i| i.hash.len() == 8));
}

#[test]
fn no_record_is_the_first_brief_and_an_unchanged_dossier_has_no_changes() {
    let d = dossier();
    let first = compose(&d, &parse_brief(BRIEF, "t").unwrap());
    assert_eq!(first.changes, Changes::default());
    let again = compose(&d, &exported(&d));
    assert!(again.changes.since.is_some());
    assert!(again.changes.is_empty(), "{:?}", again.changes);
    assert_eq!(again.changes.summary(), "nothing has changed");
}

#[test]
fn new_events_in_the_slice_changed_figures_and_removed_items_are_named_and_nothing_else() {
    let d = dossier();
    let brief = exported(&d);
    let mut week_later = d.clone();
    // In the slice: new. Outside it (too early, wrong category): not named.
    week_later
        .timeline
        .push(event("ev-4", "2025-12-08", "Negotiation", "Four"));
    week_later
        .timeline
        .push(event("ev-5", "2025-12-09", "Leak", "Five"));
    week_later
        .timeline
        .push(event("ev-old", "2024-05-01", "Negotiation", "Old"));
    week_later
        .timeline
        .push(event("ev-mil", "2025-12-08", "Military", "Shelling"));
    week_later.indicators[0].value = "≈20%".into();
    week_later.timeline.retain(|e| e.id != "ev-2");
    week_later.people[0].role = "Former envoy".into(); // not printed: not named
    let c = compose(&week_later, &brief).changes;
    let new: Vec<&str> = c.new.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(new, ["ev-4", "ev-5"]);
    assert_eq!(c.new[0].label, "8 Dec 2025 \u{2014} Four");
    assert_eq!(c.new[0].section, 2, "prints in the timeline section");
    assert_eq!(c.changed.len(), 1);
    assert_eq!(c.changed[0].id, "ind-a");
    assert_eq!(c.changed[0].old_value.as_deref(), Some("≈19%"));
    assert_eq!(c.changed[0].value.as_deref(), Some("≈20%"));
    assert_eq!(c.removed.len(), 1);
    assert_eq!(c.removed[0].id, "ev-2");
    assert!(!c.removed[0].in_dossier);
    assert_eq!(
        c.summary(),
        "2 new events in your slices, 1 indicator changed, 1 item removed from the dossier"
    );
    assert_eq!(c.badge("ev-4"), Some(Badge::New));
    assert_eq!(c.badge("ind-a"), Some(Badge::Changed));
    assert_eq!(c.badge("ev-3"), None);
}

#[test]
fn an_event_whose_summary_changed_is_changed_without_figures() {
    let d = dossier();
    let brief = exported(&d);
    let mut later = d.clone();
    later.timeline[2].summary = "Talks moved to Miami.".into();
    let c = compose(&later, &brief).changes;
    assert_eq!(c.changed.len(), 1);
    assert_eq!(c.changed[0].id, "ev-3");
    assert_eq!(
        (c.changed[0].old_value.clone(), c.changed[0].value.clone()),
        (None, None)
    );
    assert_eq!(c.summary(), "1 event changed");
}

#[test]
fn a_record_of_another_dossier_is_no_record() {
    let d = dossier();
    let brief = exported(&d);
    let mut other = d.clone();
    other.id = "other".into();
    let c = compose(&other, &brief).changes;
    assert_eq!(c, Changes::default());
}

#[test]
fn fingerprints_are_stable_across_builds() {
    // Written into briefs and read by later builds: the value must never drift.
    let e = event("ev-1", "2022-02-24", "Military", "One");
    assert_eq!(hash(&e), hash(&e.clone()));
    assert_eq!(hash(&e).len(), 8);
    let mut other = e.clone();
    other.title = "One.".into();
    assert_ne!(hash(&e), hash(&other));
}

#[test]
fn a_version_1_brief_holding_a_record_is_warned_about() {
    let d = dossier();
    let mut brief = exported(&d);
    let composed = compose(&d, &brief);
    let quiet = crate::validate::validate_composed(&d, &brief, &composed);
    assert!(quiet.iter().all(|f| !f.message.contains("last_export")));
    brief.version = 1;
    let warned = crate::validate::validate_composed(&d, &brief, &composed);
    let found = warned
        .iter()
        .find(|f| f.message.contains("last_export"))
        .unwrap();
    assert_eq!(found.severity, crate::Severity::Warning);
    assert_eq!(found.path.to_string(), "version");
}

#[test]
fn a_newer_build_reads_version_2_and_refuses_version_3() {
    let d = dossier();
    let brief = exported(&d);
    let text = crate::store::brief_to_yaml(&brief).unwrap();
    assert!(text.starts_with("version: 2\n"));
    assert_eq!(parse_brief(&text, "t").unwrap(), brief);
    let newer = text.replacen("version: 2", "version: 3", 1);
    let refused = parse_brief(&newer, "t.brief.yaml").unwrap_err();
    assert!(refused[0].message.contains("version 3 is newer"));
}

#[test]
fn an_item_the_brief_no_longer_selects_is_removed_but_still_named() {
    let d = dossier();
    let mut brief = exported(&d);
    // The staffer narrows the slice after the export: ev-2 (19 Nov) no longer prints.
    brief.sections[2].from = Date::new(2025, 12, 1);
    let c = compose(&d, &brief).changes;
    assert!(c.new.is_empty() && c.changed.is_empty());
    assert_eq!(c.removed.len(), 1);
    assert!(c.removed[0].in_dossier);
    assert_eq!(
        c.removed[0].text(),
        "19 Nov 2025 \u{2014} Two (no longer selected)"
    );
    assert_eq!(c.summary(), "1 item no longer selected");
}

#[test]
fn summaries_count_each_kind_in_the_plural() {
    let d = dossier();
    let brief = exported(&d);
    let mut later = d.clone();
    for (i, day) in [8, 9, 10].into_iter().enumerate() {
        let date = format!("2025-12-{day:02}");
        later
            .timeline
            .push(event(&format!("ev-n{i}"), &date, "Leak", "New"));
    }
    later.indicators[0].value = "≈20%".into();
    later.indicators[1].value = "2.1M".into();
    let c = compose(&later, &brief).changes;
    assert_eq!(
        c.summary(),
        "3 new events in your slices, 2 indicators changed"
    );
    assert_eq!(
        c.changed[1].printed_text(),
        format!("Casualties: 2M+ {PRINTED_ARROW} 2.1M")
    );
}
