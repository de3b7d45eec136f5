//! The real app, headless, driven through the labels a user sees (egui_kittest): tick, move,
//! slice, annotate, undo, save, export, close, open a broken file.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use briefing::gui::App;
use briefing::gui::action::Selection;
use briefing::model::SectionKind;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn app_on(path: Option<PathBuf>) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        // Grids settle their column widths over a few frames after a change.
        .with_max_steps(16)
        .build_eframe(move |cc| App::new(cc, path));
    harness.state_mut().native_dialogs = false;
    harness.run();
    harness
}

fn app_with_recovery(path: Option<PathBuf>, recovery: PathBuf) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(16)
        .build_eframe(move |cc| App::new_with_recovery(cc, path, Some(recovery)));
    harness.state_mut().native_dialogs = false;
    harness.run();
    harness
}

/// Waits up to five seconds for the recovery writer, which works on a thread of its own.
fn wait_until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..100 {
        if condition() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("timed out waiting until {what}");
}

fn premeeting_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = common::copy_of_briefs();
    let path = dir.path().join("principal-premeeting.brief.yaml");
    (dir, path)
}

fn shortcut(harness: &mut Harness<'_, App>, key: Key) {
    harness.key_press_modifiers(Modifiers::COMMAND, key);
    harness.run();
}

fn saved(path: &Path) -> briefing::model::Brief {
    briefing::store::read_brief(path).unwrap().doc
}

#[test]
fn unticking_a_section_and_saving_changes_the_file() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path.clone()));
    assert!(saved(&path).sections[1].included);
    harness.get_by_label("Include Key indicators").click();
    harness.run();
    assert!(
        harness.state().window_title().starts_with('*'),
        "unsaved marker"
    );
    shortcut(&mut harness, Key::S);
    let on_disk = saved(&path);
    assert_eq!(on_disk.sections[1].kind, SectionKind::Indicators);
    assert!(!on_disk.sections[1].included);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("included: false")
    );
    assert!(!harness.state().window_title().starts_with('*'));
}

#[test]
fn moving_a_section_down_reorders_the_brief_and_the_preview() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path.clone()));
    harness.get_by_label("Move Key indicators down").click();
    harness.run();
    let kinds: Vec<SectionKind> = harness
        .state()
        .session
        .brief
        .sections
        .iter()
        .map(|s| s.kind)
        .collect();
    assert_eq!(kinds[1], SectionKind::Timeline);
    assert_eq!(kinds[2], SectionKind::Indicators);
    let numbered = harness.state().session.composed().sections[2]
        .heading
        .clone();
    assert_eq!(numbered, "Key indicators");
    harness.get_by_label("3   Key indicators");
    shortcut(&mut harness, Key::S);
    assert_eq!(saved(&path).sections[2].kind, SectionKind::Indicators);
}

#[test]
fn a_new_timeline_slice_with_dates_counts_its_events_and_shows_in_the_preview() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path));
    harness.get_by_label("Add section").click();
    harness.run();
    harness.get_by_label("Timeline slice").click();
    harness.run();
    let index = harness.state().session.brief.sections.len() - 1;
    assert_eq!(harness.state().selection, Selection::Section(index));
    harness.get_by_label("18 of 18 events");

    harness.get_by_label("From").click();
    harness.run();
    harness.get_by_label("To").click();
    harness.run();
    let from = harness.get_by_label("From date");
    from.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("From date").type_text("2022-01-01");
    harness.run();
    let to = harness.get_by_label("To date");
    to.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("To date").type_text("2022-12-31");
    harness.run();

    harness.get_by_label("3 of 18 events");
    let section = &harness.state().session.brief.sections[index];
    assert_eq!(
        section.from.map(|d| d.to_string()).as_deref(),
        Some("2022-01-01")
    );
    assert_eq!(
        section.to.map(|d| d.to_string()).as_deref(),
        Some("2022-12-31")
    );
    // The preview shows the new slice's events and not the later ones.
    harness.get_by_label("Russia launches its full-scale invasion");
    let composed = harness.state().session.composed().clone();
    let last = composed.sections.last().unwrap();
    assert_eq!(last.heading, "Timeline");
    let briefing::compose::Body::Timeline { rows, .. } = &last.body else {
        panic!()
    };
    assert_eq!(rows.len(), 3);
}

#[test]
fn a_typed_talking_point_is_in_the_exported_pdf() {
    let (dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path));
    harness.get_by_label("Talking points").click();
    harness.run();
    harness.get_by_label("Add talking point").click();
    harness.run();
    let field = harness.get_by_label("Talking point 5");
    field.focus();
    harness.run();
    harness
        .get_by_label("Talking point 5")
        .type_text("Ask for a written role for the IAEA at the plant.");
    harness.run();
    shortcut(&mut harness, Key::E);
    let pdf = dir.path().join("principal-premeeting.pdf");
    let text = common::all_text(&std::fs::read(&pdf).unwrap());
    assert!(
        text.contains("Ask for a written role for the IAEA at the plant."),
        "{text}"
    );
    harness.get_by_label("Open PDF");
    harness.get_by_label("Show folder");
}

#[test]
fn undo_takes_back_edits_and_typing_is_one_step() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path));
    let original = harness.state().session.brief.clone();
    harness.get_by_label("Include Key indicators").click();
    harness.run();
    let title = harness.get_by_label("Title");
    title.focus();
    harness.run();
    harness.get_by_label("Title").type_text(" (draft)");
    harness.run();
    assert!(harness.state().session.brief.title.ends_with(" (draft)"));
    shortcut(&mut harness, Key::Z);
    assert_eq!(harness.state().session.brief.title, original.title);
    assert!(!harness.state().session.brief.sections[1].included);
    shortcut(&mut harness, Key::Z);
    assert_eq!(harness.state().session.brief, original);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert!(!harness.state().session.brief.sections[1].included);
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path.clone()));
    harness.get_by_label("Include Key indicators").click();
    harness.run();
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    harness.get_by_label("Save changes to principal-premeeting.brief.yaml?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().closing());
    assert!(harness.state().session.is_dirty(), "nothing was lost");

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Quit").click();
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    assert!(harness.state().closing());
    assert!(!saved(&path).sections[1].included, "saved before closing");
}

#[test]
fn opening_a_broken_file_shows_why_and_keeps_the_open_brief() {
    let (dir, path) = premeeting_copy();
    let broken = dir.path().join("broken.brief.yaml");
    std::fs::write(&broken, "version: 1\ntitel: Oops\nsections: []\n").unwrap();
    let mut harness = app_on(Some(path.clone()));
    let before = harness.state().session.brief.clone();
    shortcut(&mut harness, Key::O);
    let field = harness.get_by_label("Path");
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Path")
        .type_text(&broken.display().to_string());
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    harness.get_by_label(&format!("Could not open {}", broken.display()));
    harness.get_by_label_contains("unknown field \"titel\"");
    harness.get_by_label("OK").click();
    harness.run();
    assert_eq!(harness.state().session.brief, before);
    assert_eq!(
        harness.state().session.path.as_deref(),
        Some(path.as_path())
    );
}

#[test]
fn a_new_brief_starts_over_the_built_in_dossier() {
    let mut harness = app_on(None);
    let state = harness.state();
    assert_eq!(state.session.path, None);
    assert_eq!(state.window_title(), "Untitled \u{2014} Briefing");
    assert!(
        state.session.findings().is_empty(),
        "{:?}",
        state.session.findings()
    );
    assert_eq!(
        harness.get_all_by_label("Brief details").count(),
        2,
        "the list entry and the form's heading"
    );
    harness.get_by_label("Include Key indicators");
    harness.run();
}

/// Unticks Key indicators, waits for the crash copy, and drops the app without closing it:
/// to the app, a crash.
fn untick_indicators_then_crash(path: &Path, copy: &Path) {
    let mut harness = app_with_recovery(Some(path.to_owned()), copy.to_owned());
    harness.get_by_label("Include Key indicators").click();
    harness.run();
    wait_until("the copy is written", || copy.exists());
}

#[test]
fn unsaved_changes_survive_a_crash_and_are_offered_back() {
    let (_dir, path) = premeeting_copy();
    let state = tempfile::tempdir().unwrap();
    let copy = state.path().join("recovery.yaml");
    untick_indicators_then_crash(&path, &copy);
    assert!(
        saved(&path).sections[1].included,
        "the brief's own file is untouched"
    );

    let mut harness = app_with_recovery(Some(path.clone()), copy.clone());
    harness.get_by_label("Restore unsaved changes?");
    harness.get_by_label("Restore").click();
    harness.run();
    let state = harness.state();
    assert!(
        !state.session.brief.sections[1].included,
        "the change is back"
    );
    assert!(state.session.is_dirty(), "and still unsaved");
    assert_eq!(state.session.path.as_deref(), Some(path.as_path()));

    shortcut(&mut harness, Key::S);
    wait_until("saving removes the copy", || !copy.exists());
    assert!(!saved(&path).sections[1].included);
}

#[test]
fn discarding_the_recovered_changes_removes_the_copy() {
    let (_dir, path) = premeeting_copy();
    let state = tempfile::tempdir().unwrap();
    let copy = state.path().join("recovery.yaml");
    untick_indicators_then_crash(&path, &copy);
    let mut harness = app_with_recovery(Some(path.clone()), copy.clone());
    harness.get_by_label("Discard them").click();
    harness.run();
    assert!(!copy.exists());
    assert!(harness.state().session.brief.sections[1].included);
}

#[test]
fn a_long_timeline_previews_its_first_rows_and_says_how_many_more_print() {
    let mut harness = app_on(None);
    let dossier = briefing::synthetic::dossier_with_events(500);
    let loaded = briefing::store::Loaded {
        doc: dossier,
        name: "generated".into(),
        text: String::new(),
    };
    harness.state_mut().session = briefing::gui::session::Session::from_parts(
        briefing::synthetic::full_brief(),
        None,
        loaded,
    );
    harness.run();
    let rows = briefing::gui::panels::preview::PREVIEW_ROWS;
    harness.get_by_label(&format!(
        "\u{2026} and {} more rows, not drawn here; the PDF prints all 500.",
        500 - rows
    ));
}

#[test]
fn a_slice_lists_only_the_notes_on_its_own_events() {
    let dir = common::copy_of_briefs();
    let mut harness = app_on(Some(dir.path().join("background-pack.brief.yaml")));
    let note = "First reported on 19 November; the text reached Zelenskyy on 20 November.";
    // The editor's note fields (the preview shows the note too, as text, wherever it prints).
    let editing = |harness: &Harness<'_, App>| {
        harness
            .query_all_by_role(egui::accesskit::Role::MultilineTextInput)
            .any(|n| n.value().as_deref() == Some(note))
    };
    harness.get_by_label("Background, 2022").click();
    harness.run();
    assert!(!editing(&harness), "a 2025 note under the 2022 slice");
    harness.get_by_label("2025: the push for a deal").click();
    harness.run();
    assert!(editing(&harness), "the note under its own slice");
}
