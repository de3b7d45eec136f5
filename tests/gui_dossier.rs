//! The dossier editor in the real app (egui_kittest): the Dossier tab, a list, an event added
//! and written in its form; the built-in dossier shown but not changed.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::PathBuf;

use briefing::edit::Part;
use briefing::gui::App;
use briefing::gui::action::Selection;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn app_on(path: Option<PathBuf>) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .with_max_steps(16)
        .build_eframe(move |cc| App::new(cc, path));
    harness.state_mut().native_dialogs = false;
    harness.run();
    harness
}

#[test]
fn an_event_added_in_the_timeline_gets_its_summary_typed_in_its_form() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "ukraine-peace-push.dossier.yaml",
        "principal-premeeting.brief.yaml",
    ] {
        std::fs::copy(common::briefs_dir().join(name), dir.path().join(name)).unwrap();
    }
    let mut harness = app_on(Some(dir.path().join("principal-premeeting.brief.yaml")));
    assert!(!harness.state().session.dossier_is_built_in());

    harness.get_by_label("Dossier").click();
    harness.run();
    assert_eq!(harness.state().selection, Selection::Dossier(None));
    // Listed on the left, and the heading of the form in the middle.
    assert_eq!(harness.get_all_by_label("About the dossier").count(), 2);

    let events = harness.state().session.dossier.doc.timeline.len();
    harness
        .get_by_role_and_label(Role::Button, &format!("Timeline ({events})"))
        .click();
    harness.run();
    assert_eq!(
        harness.state().selection,
        Selection::Dossier(Some(Part::Timeline))
    );
    harness.get_by_label(&format!("Timeline ({events} events)"));

    harness.get_by_label("Title of the new event").focus();
    harness.run();
    harness
        .get_by_label("Title of the new event")
        .type_text("Envoys meet in Geneva");
    harness.run();
    harness.get_by_label("Add the event").click();
    harness.run();
    let state = harness.state();
    let timeline = &state.session.dossier.doc.timeline;
    assert_eq!(timeline.len(), events + 1);
    let added = timeline.last().unwrap();
    assert_eq!(added.title, "Envoys meet in Geneva");
    assert_eq!(state.open_item.as_deref(), Some(added.id.as_str()));

    // The form is open under the list; its title has the focus.
    assert!(harness.get_by_label("Title").is_focused());
    harness.get_by_label("What happened").focus();
    harness.run();
    harness
        .get_by_label("What happened")
        .type_text("Both delegations attended.");
    harness.run();
    let state = harness.state();
    let added = state.session.dossier.doc.timeline.last().unwrap();
    assert_eq!(added.summary, "Both delegations attended.");
    assert!(state.session.dossier_is_dirty());
    harness.get_by_label("(unsaved changes)");

    // A date that does not parse is kept as typed and not pushed; one that does is.
    let date = added.date;
    harness
        .get_by_label("Date: a day, a month, a year or a window")
        .focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Date: a day, a month, a year or a window")
        .type_text("2025-13");
    harness.run();
    assert_eq!(
        harness
            .state()
            .session
            .dossier
            .doc
            .timeline
            .last()
            .unwrap()
            .date,
        date
    );
    harness.get_by_label_contains("month out of range");
    harness.key_press(Key::Backspace);
    harness.key_press(Key::Backspace);
    harness.run();
    harness
        .get_by_label("Date: a day, a month, a year or a window")
        .type_text("11");
    harness.run();
    assert_eq!(
        harness
            .state()
            .session
            .dossier
            .doc
            .timeline
            .last()
            .unwrap()
            .date,
        Some(briefing::model::EventDate::Month(2025, 11))
    );
}

#[test]
fn the_built_in_dossier_is_shown_read_only_with_a_copy_offered() {
    let mut harness = app_on(None);
    assert!(harness.state().session.dossier_is_built_in());
    harness.get_by_label("Dossier").click();
    harness.run();
    harness.get_by_label("This is the dossier built into Briefing; it cannot be changed.");
    harness.get_by_label("Save a copy as\u{2026}");
    let before = harness.state().session.dossier.doc.clone();

    let title = harness.get_by_label("Title");
    assert!(title.accesskit_node().is_disabled());
    title.type_text("Something else");
    harness.run();
    assert_eq!(harness.state().session.dossier.doc, before);

    // Lists can still be browsed and items opened, but not changed.
    let people = before.people.len();
    harness
        .get_by_role_and_label(Role::Button, &format!("People ({people})"))
        .click();
    harness.run();
    let first = &before.people[0];
    harness.get_by_label_contains(&first.name).click();
    harness.run();
    assert_eq!(
        harness.state().open_item.as_deref(),
        Some(first.id.as_str())
    );
    let name = harness.get_by_label("Name");
    assert!(name.accesskit_node().is_disabled());
    name.type_text("X");
    harness.run();
    assert!(
        harness
            .get_by_label("Add the person")
            .accesskit_node()
            .is_disabled()
    );
    assert_eq!(harness.state().session.dossier.doc, before);
}
