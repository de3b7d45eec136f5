//! A brief on a topic of one's own, in the real app (egui_kittest): a dossier from nothing,
//! an event by quick add, a brief on it exported with the event in the PDF; a story page
//! imported; a spreadsheet with a bad row; the built-in dossier copied before it is changed.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use briefing::edit::Part;
use briefing::gui::App;
use briefing::gui::action::{Command, Selection};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn app_on(path: Option<PathBuf>) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(16)
        .build_eframe(move |cc| App::new(cc, path));
    harness.state_mut().native_dialogs = false;
    harness.run();
    harness
}

/// Opens the File menu and clicks `item`.
fn file_menu(harness: &mut Harness<'_, App>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

/// Types `path` into the path dialog, replacing what it suggests, and clicks `confirm`.
fn answer_path(harness: &mut Harness<'_, App>, path: &Path, confirm: &str) {
    harness.get_by_label("Path").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Path")
        .type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label(confirm).click();
    harness.run();
}

/// Types into whatever field has the keyboard focus.
fn type_here(harness: &mut Harness<'_, App>, text: &str) {
    harness.get_by(|n| n.is_focused()).type_text(text);
    harness.run();
}

fn seed_page() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources/003_9a9f430b0e65a9c1.txt")
}

#[test]
fn a_brief_on_a_new_topic_from_nothing_to_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let dossier = dir.path().join("water-talks.dossier.yaml");
    let mut harness = app_on(None);

    file_menu(&mut harness, "New dossier\u{2026}");
    harness.get_by_label("Save the new dossier as");
    answer_path(&mut harness, &dossier, "Create");
    assert!(dossier.is_file(), "the new dossier is written at once");
    let state = harness.state();
    assert_eq!(
        state.session.dossier_file.as_deref(),
        Some(dossier.as_path())
    );
    assert_eq!(state.session.dossier.doc.title, "Water talks");
    assert_eq!(state.selection, Selection::Dossier(None));

    // Quick add: one chord, then the title is typed straight in.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run();
    type_here(&mut harness, "Ministers meet on the river treaty");
    let state = harness.state();
    let timeline = &state.session.dossier.doc.timeline;
    assert_eq!(timeline.len(), 1);
    assert_eq!(timeline[0].title, "Ministers meet on the river treaty");
    assert_eq!(
        timeline[0].date,
        Some(briefing::model::EventDate::Day(briefing::start::today()))
    );
    assert!(state.window_title().starts_with('*'), "unsaved marker");

    // The brief is new and unnamed: Save asks where, and saves the dossier with it.
    let brief = dir.path().join("monday.brief.yaml");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    answer_path(&mut harness, &brief, "Save");
    let on_disk = briefing::store::read_dossier(&dossier).unwrap().doc;
    assert_eq!(
        on_disk.timeline[0].title,
        "Ministers meet on the river treaty"
    );
    let text = std::fs::read_to_string(&brief).unwrap();
    assert!(
        text.contains("\ndossier: water-talks.dossier.yaml\n"),
        "{text}"
    );
    assert!(!harness.state().window_title().starts_with('*'));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    let pdf = std::fs::read(dir.path().join("monday.pdf")).unwrap();
    let words = common::all_text(&pdf);
    assert!(
        common::folded(&words).contains("Ministers meet on the river treaty"),
        "{words}"
    );
}

#[test]
fn a_story_page_imported_in_the_app_becomes_a_dossier_with_every_item() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("story.dossier.yaml");
    let mut harness = app_on(None);
    file_menu(&mut harness, "Import\u{2026}");
    answer_path(&mut harness, &seed_page(), "Import");
    harness.get_by_label("Save the imported dossier as");
    answer_path(&mut harness, &out, "Import");
    let state = harness.state();
    let d = &state.session.dossier.doc;
    let counts = [
        d.indicators.len(),
        d.people.len(),
        d.organizations.len(),
        d.timeline.len(),
        d.scenarios.len(),
        d.precedents.len(),
    ];
    assert_eq!(counts, [5, 7, 4, 15, 5, 3]);
    assert_eq!(state.session.dossier_file.as_deref(), Some(out.as_path()));
    assert_eq!(briefing::store::read_dossier(&out).unwrap().doc, *d);
    // Every event needs a date, and the problems list says so, each one a click away.
    let needs = state
        .session
        .findings()
        .iter()
        .filter(|f| f.message.contains("needs a date"))
        .count();
    assert_eq!(needs, 15);

    // Dating one is a click on it in the timeline and a date typed into its form.
    let first = d.timeline[0].clone();
    harness
        .get_by_role_and_label(Role::Button, "Timeline (15)")
        .click();
    harness.run();
    harness.get_by_label_contains(&first.title).click();
    harness.run();
    assert_eq!(
        harness.state().open_item.as_deref(),
        Some(first.id.as_str())
    );
    let date = "Date: a day, a month, a year or a window";
    harness.get_by_label(date).focus();
    harness.run();
    harness.get_by_label(date).type_text("2025-12-07");
    harness.run();
    let state = harness.state();
    let dated = &state.session.dossier.doc.timeline[0];
    assert_eq!(
        dated.date,
        Some(briefing::model::EventDate::Day(
            briefing::model::Date::new(2025, 12, 7).unwrap()
        ))
    );
    assert!(!dated.undated);
    let needs = state
        .session
        .findings()
        .iter()
        .filter(|f| f.message.contains("needs a date"))
        .count();
    assert_eq!(needs, 14);
}

#[test]
fn a_spreadsheet_with_a_bad_row_adds_the_rest_and_names_the_row() {
    let dir = common::copy_of_briefs();
    let brief = dir.path().join("principal-premeeting.brief.yaml");
    let csv = dir.path().join("desk.csv");
    std::fs::write(
        &csv,
        "Date,Category,Title,Summary\n\
         2025-12-09,Diplomacy,Talks in London with Macron,Leaders met in London.\n\
         2 Dec,Diplomacy,A row with a bad date,Never added.\n",
    )
    .unwrap();
    let mut harness = app_on(Some(brief));
    let before = harness.state().session.dossier.doc.timeline.len();
    file_menu(&mut harness, "Import\u{2026}");
    answer_path(&mut harness, &csv, "Import");
    harness.get_by_label("1 row(s) not added");
    harness.get_by_label_contains("desk.csv:3:1");
    harness.get_by_label("OK").click();
    harness.run();
    let state = harness.state();
    let timeline = &state.session.dossier.doc.timeline;
    assert_eq!(timeline.len(), before + 1);
    assert!(
        timeline
            .iter()
            .any(|e| e.title == "Talks in London with Macron")
    );
    assert!(!timeline.iter().any(|e| e.title == "A row with a bad date"));
    assert_eq!(state.selection, Selection::Dossier(Some(Part::Timeline)));
    // One step to undo, for the dossier as for the brief.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().session.dossier.doc.timeline.len(), before);
}

#[test]
fn the_built_in_dossier_is_copied_before_it_is_changed() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("peace.dossier.yaml");
    let mut harness = app_on(None);
    let events = harness.state().session.dossier.doc.timeline.len();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run();
    harness.get_by_label("The built-in dossier cannot be changed");
    assert_eq!(harness.state().session.dossier.doc.timeline.len(), events);
    harness.get_by_label("Save a copy as\u{2026}").click();
    harness.run();
    answer_path(&mut harness, &copy, "Save copy");
    assert!(copy.is_file());
    let state = harness.state();
    assert!(!state.session.dossier_is_built_in());
    assert_eq!(
        state.session.brief.dossier.as_deref(),
        Some(copy.display().to_string().as_str())
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run();
    assert_eq!(
        harness.state().session.dossier.doc.timeline.len(),
        events + 1
    );
}

#[test]
fn deleting_an_item_the_brief_uses_asks_and_keeps_the_notes() {
    let dir = common::copy_of_briefs();
    let brief = dir.path().join("principal-premeeting.brief.yaml");
    let mut harness = app_on(Some(brief));
    let state = harness.state();
    let annotated = state.session.brief.annotations[0].item.clone();
    let notes = state.session.brief.annotations.len();
    harness
        .state_mut()
        .run(Command::AskDelete(annotated.clone()), false);
    harness.run();
    harness.get_by_label_contains("The open brief uses it");
    harness.get_by_label("Delete").click();
    harness.run();
    let state = harness.state();
    assert!(briefing::edit::item::find(&state.session.dossier.doc, &annotated).is_none());
    assert_eq!(
        state.session.brief.annotations.len(),
        notes,
        "notes are kept"
    );
    assert!(state.window_title().starts_with('*'));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(briefing::edit::item::find(&harness.state().session.dossier.doc, &annotated).is_some());
}

#[test]
fn an_unsaved_dossier_edit_alone_is_asked_about_before_quitting() {
    let dir = common::copy_of_briefs();
    let brief = dir.path().join("principal-premeeting.brief.yaml");
    let dossier = dir.path().join("ukraine-peace-push.dossier.yaml");
    let before = std::fs::read(&dossier).unwrap();
    let mut harness = app_on(Some(brief));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run();
    type_here(&mut harness, "Envoys brief NATO ministers");
    assert!(harness.state().session.dossier_is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    harness.get_by_label_contains("and the dossier ukraine-peace-push.dossier.yaml");
    assert!(
        !harness.state().closing(),
        "not closed with the edit unsaved"
    );
    harness.get_by_label("Save").click();
    harness.run();
    assert!(harness.state().closing());
    let after = std::fs::read_to_string(&dossier).unwrap();
    assert_ne!(after.as_bytes(), before.as_slice());
    assert!(after.contains("Envoys brief NATO ministers"));
    // Only the new event's lines were added: the rest of the file is as it was.
    let old = String::from_utf8(before).unwrap();
    let kept = old.lines().filter(|l| after.contains(*l)).count();
    assert_eq!(kept, old.lines().count());
}

#[test]
fn change_id_updates_the_open_brief_and_refuses_a_taken_id() {
    let dir = common::copy_of_briefs();
    let brief = dir.path().join("principal-premeeting.brief.yaml");
    let mut harness = app_on(Some(brief));
    let state = harness.state();
    let from = state.session.brief.annotations[0].item.clone();
    let taken = state.session.dossier.doc.sources[0].id.clone();
    harness
        .state_mut()
        .run(Command::AskChangeId(from.clone()), false);
    harness.run();
    // The field opens with the id as it is, selected for typing over.
    assert!(harness.get_by_label("New id").is_focused());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("New id").type_text(&taken);
    harness.run();
    harness.get_by_label_contains("is the id of another item");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("New id").type_text("renamed-item");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let state = harness.state();
    assert!(briefing::edit::item::find(&state.session.dossier.doc, "renamed-item").is_some());
    assert_eq!(state.session.brief.annotations[0].item, "renamed-item");
    assert!(
        state
            .session
            .brief
            .annotations
            .iter()
            .all(|a| a.item != from)
    );
}
