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

fn app_with_recovery(path: Option<PathBuf>, recovery: &Path) -> Harness<'static, App> {
    let recovery = recovery.to_owned();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(16)
        .build_eframe(move |cc| App::new_with_recovery(cc, path, Some(recovery)));
    harness.state_mut().native_dialogs = false;
    harness.run();
    harness
}

/// The crash copies in the folder `dir`.
fn copies(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("recovery") && name.ends_with(".yaml")
        })
        .collect();
    found.sort();
    found
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
    let before = std::fs::read_to_string(&path).unwrap();
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
    // One line added under the section; every other line, comments included, as it was.
    let after = std::fs::read_to_string(&path).unwrap();
    let at = before.find("  - kind: indicators\n").unwrap() + "  - kind: indicators\n".len();
    let expected = format!("{}    included: false\n{}", &before[..at], &before[at..]);
    assert_eq!(after, expected);
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
    settle(&mut harness);
    let section = previewed(&harness).sections[2].clone();
    assert_eq!(
        (section.number, section.heading.as_str()),
        (3, "Key indicators")
    );
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
    harness.get_by_label("19 of 19 events");

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

    harness.get_by_label("3 of 19 events");
    let section = &harness.state().session.brief.sections[index];
    assert_eq!(
        section.from.map(|d| d.to_string()).as_deref(),
        Some("2022-01-01")
    );
    assert_eq!(
        section.to.map(|d| d.to_string()).as_deref(),
        Some("2022-12-31")
    );
    // The preview shows the new slice's events.
    settle(&mut harness);
    let text = previewed(&harness).text();
    assert!(
        text.contains("Russia launches its full-scale invasion"),
        "{text}"
    );
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
/// to the app, a crash (the operating system drops a dead window's lock the same way).
fn untick_indicators_then_crash(path: &Path, copies_dir: &Path) {
    let mut harness = app_with_recovery(Some(path.to_owned()), copies_dir);
    harness.get_by_label("Include Key indicators").click();
    harness.run();
    wait_until("the copy is written", || copies(copies_dir).len() == 1);
}

fn type_into_title(harness: &mut Harness<'_, App>, text: &str) {
    let title = harness.get_by_label("Title");
    title.focus();
    harness.run();
    harness.get_by_label("Title").type_text(text);
    harness.run();
}

#[test]
fn unsaved_changes_survive_a_crash_and_are_offered_back() {
    let (_dir, path) = premeeting_copy();
    let state = tempfile::tempdir().unwrap();
    untick_indicators_then_crash(&path, state.path());
    assert!(
        saved(&path).sections[1].included,
        "the brief's own file is untouched"
    );

    let mut harness = app_with_recovery(Some(path.clone()), state.path());
    harness.get_by_label("Restore unsaved changes?");
    harness.get_by_label("Restore").click();
    harness.run();
    let app = harness.state();
    assert!(
        !app.session.brief.sections[1].included,
        "the change is back"
    );
    assert!(app.session.is_dirty(), "and still unsaved");
    assert_eq!(
        app.session.path.as_deref(),
        Some(path.canonicalize().unwrap().as_path())
    );
    assert_eq!(
        copies(state.path()).len(),
        1,
        "the old copy went once this window kept its own"
    );

    shortcut(&mut harness, Key::S);
    wait_until("saving removes the copy", || {
        copies(state.path()).is_empty()
    });
    assert!(!saved(&path).sections[1].included);
}

#[test]
fn discarding_the_recovered_changes_removes_the_copy() {
    let (_dir, path) = premeeting_copy();
    let state = tempfile::tempdir().unwrap();
    untick_indicators_then_crash(&path, state.path());
    let mut harness = app_with_recovery(Some(path.clone()), state.path());
    harness.get_by_label("Discard them").click();
    harness.run();
    assert!(copies(state.path()).is_empty());
    assert!(harness.state().session.brief.sections[1].included);
}

#[test]
fn the_offer_names_the_file_in_full_and_restores_onto_it_not_the_one_open() {
    let (_first, edited) = premeeting_copy();
    let (_second, other) = premeeting_copy();
    let other_before = std::fs::read(&other).unwrap();
    let state = tempfile::tempdir().unwrap();
    untick_indicators_then_crash(&edited, state.path());

    // Started on the other folder's file of the same name.
    let mut harness = app_with_recovery(Some(other.clone()), state.path());
    let edited_name = edited.canonicalize().unwrap().display().to_string();
    harness.get_by_label_contains(&format!("changes to {edited_name} ("));
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(
        harness.state().session.path.as_deref(),
        Some(edited.canonicalize().unwrap().as_path()),
        "restored onto the file it was made from"
    );
    shortcut(&mut harness, Key::S);
    assert!(!saved(&edited).sections[1].included);
    assert_eq!(
        std::fs::read(&other).unwrap(),
        other_before,
        "the same-named file is untouched"
    );
}

/// The issue's own steps: edit `principal-premeeting.brief.yaml`, named relative to the folder
/// the app started in, crash, then start the app from another folder holding a different file
/// of that name, and Restore then Save. The current folder is the whole process's, so each
/// start runs this test binary again, in its folder, as `in_a_folder_of_its_own`.
#[test]
fn a_copy_made_in_another_folder_never_lands_on_a_same_named_file_there() {
    let (first, edited) = premeeting_copy();
    let (second, other) = premeeting_copy();
    let other_before = std::fs::read(&other).unwrap();
    let state = tempfile::tempdir().unwrap();
    let start_in = |folder: &Path, role: &str| {
        let run = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "in_a_folder_of_its_own", "--test-threads=1"])
            .current_dir(folder)
            .env("BRIEFING_GUI_ROLE", role)
            .env("BRIEFING_GUI_STATE", state.path())
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{role} in {}:\n{}{}",
            folder.display(),
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        );
    };
    start_in(first.path(), "crash");
    start_in(second.path(), "restore-and-save");
    assert!(
        !saved(&edited).sections[1].included,
        "restored onto the file it was made from"
    );
    assert_eq!(
        std::fs::read(&other).unwrap(),
        other_before,
        "the same-named file is untouched"
    );
}

/// Half of the test above, run in a folder of its own; does nothing when run on its own.
#[test]
fn in_a_folder_of_its_own() {
    let Ok(role) = std::env::var("BRIEFING_GUI_ROLE") else {
        return;
    };
    let state = PathBuf::from(std::env::var("BRIEFING_GUI_STATE").unwrap());
    let path = PathBuf::from("principal-premeeting.brief.yaml");
    match role.as_str() {
        "crash" => untick_indicators_then_crash(&path, &state),
        "restore-and-save" => {
            let mut harness = app_with_recovery(Some(path), &state);
            harness.get_by_label("Restore").click();
            harness.run();
            shortcut(&mut harness, Key::S);
            assert!(harness.query_by_label_contains("changed").is_none());
        }
        other => panic!("unknown role {other}"),
    }
}

#[test]
fn an_older_copy_naming_its_file_without_a_folder_is_only_restored_as_a_new_brief() {
    let (_dir, path) = premeeting_copy();
    let before = std::fs::read(&path).unwrap();
    let state = tempfile::tempdir().unwrap();
    // As older builds wrote it: one file for every window, the path as typed.
    let mut brief = saved(&path);
    brief.title = "Recovered title".into();
    brief.dossier = None;
    let old = format!(
        "path: principal-premeeting.brief.yaml\ntaken_at: 1\nbrief:\n{}",
        briefing::store::brief_to_yaml(&brief)
            .unwrap()
            .lines()
            .map(|l| format!("  {l}\n"))
            .collect::<String>()
    );
    std::fs::write(state.path().join("recovery.yaml"), old).unwrap();

    let mut harness = app_with_recovery(Some(path.clone()), state.path());
    harness.get_by_label("Restore").click();
    harness.run();
    harness.get_by_label("Which file?");
    assert!(harness.query_by_label("Restore over it").is_none());
    harness
        .get_by_label("Restore as a new brief\u{2026}")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.session.path, None, "untitled");
    assert_eq!(app.session.brief.title, "Recovered title");
    assert!(app.session.is_dirty());
    harness.get_by_label("Save the brief as");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn restoring_over_a_file_changed_since_asks_and_offers_a_new_brief() {
    let (_dir, path) = premeeting_copy();
    let state = tempfile::tempdir().unwrap();
    untick_indicators_then_crash(&path, state.path());
    // Someone else changes the file after the crash.
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("# reviewed by the desk\n");
    std::fs::write(&path, &text).unwrap();

    let mut harness = app_with_recovery(Some(path.clone()), state.path());
    harness.get_by_label("Restore").click();
    harness.run();
    harness.get_by_label_contains("changed since");
    harness.get_by_label("Restore over it");
    harness
        .get_by_label("Restore as a new brief\u{2026}")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.session.path, None);
    assert!(!app.session.brief.sections[1].included, "the edit is back");
    assert!(app.session.is_dirty());
    harness.get_by_label("Save the brief as");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "untouched");
    let kept = copies(state.path());
    assert_eq!(kept.len(), 1, "this window's own copy, the old one gone");
    let copy: briefing::gui::recovery::Recovery = briefing::store::read_yaml(&kept[0]).unwrap();
    assert!(!copy.brief.sections[1].included);
}

#[test]
fn a_copy_of_a_window_still_open_is_not_offered() {
    let (_dir, path) = premeeting_copy();
    let state = tempfile::tempdir().unwrap();
    let mut first = app_with_recovery(Some(path.clone()), state.path());
    first.get_by_label("Include Key indicators").click();
    first.run();
    wait_until("the copy is written", || copies(state.path()).len() == 1);

    let mut second = app_with_recovery(Some(path.clone()), state.path());
    second.run();
    assert!(second.query_by_label("Restore unsaved changes?").is_none());
    drop(second);
    assert_eq!(
        copies(state.path()).len(),
        1,
        "the second window's close leaves the first one's copy"
    );
    drop(first);

    let third = app_with_recovery(Some(path), state.path());
    third.get_by_label("Restore unsaved changes?");
}

#[test]
fn a_window_that_ends_at_once_still_keeps_its_changes() {
    let (_dir, path) = premeeting_copy();
    let state = tempfile::tempdir().unwrap();
    let mut harness = app_with_recovery(Some(path.clone()), state.path());
    harness.get_by_label("Include Key indicators").click();
    harness.run();
    // Destroyed before the writer's moment has passed.
    drop(harness);
    let kept = copies(state.path());
    assert_eq!(kept.len(), 1);
    let copy: briefing::gui::recovery::Recovery = briefing::store::read_yaml(&kept[0]).unwrap();
    assert!(!copy.brief.sections[1].included);
}

#[test]
fn a_failed_restore_then_quit_keeps_the_copy() {
    let (dir, path) = premeeting_copy();
    let state = tempfile::tempdir().unwrap();
    untick_indicators_then_crash(&path, state.path());
    let dossier = dir.path().join("ukraine-peace-push.dossier.yaml");
    let aside = dir.path().join("aside.yaml");
    std::fs::rename(&dossier, &aside).unwrap();

    let mut harness = app_with_recovery(None, state.path());
    harness.get_by_label("Restore").click();
    harness.run();
    harness.get_by_label_contains("Could not restore");
    harness.get_by_label("OK").click();
    harness.run();
    shortcut(&mut harness, Key::Q);
    assert!(harness.state().closing());
    drop(harness);
    assert_eq!(
        copies(state.path()).len(),
        1,
        "the recovered edits are kept"
    );

    std::fs::rename(&aside, &dossier).unwrap();
    let mut harness = app_with_recovery(None, state.path());
    harness.get_by_label("Restore").click();
    harness.run();
    assert!(!harness.state().session.brief.sections[1].included);
}

#[test]
fn two_windows_on_one_brief_the_second_save_asks() {
    let (_dir, path) = premeeting_copy();
    let mut first = app_on(Some(path.clone()));
    let mut second = app_on(Some(path.clone()));
    first.get_by_label("Include Key indicators").click();
    first.run();
    shortcut(&mut first, Key::S);
    assert!(!saved(&path).sections[1].included);

    type_into_title(&mut second, " (second window)");
    shortcut(&mut second, Key::S);
    second.get_by_label("principal-premeeting.brief.yaml changed on disk");
    assert!(
        !saved(&path).title.contains("second window"),
        "nothing written before the answer"
    );
    second.get_by_label("Cancel").click();
    second.run();
    assert!(!saved(&path).sections[1].included, "the first save stands");
    assert!(second.state().session.is_dirty());

    shortcut(&mut second, Key::S);
    second.get_by_label("Overwrite").click();
    second.run();
    assert!(saved(&path).title.ends_with(" (second window)"));
    assert!(!second.state().session.is_dirty());

    // The first window has not seen that save: its next save asks too; it reloads.
    type_into_title(&mut first, " (first)");
    shortcut(&mut first, Key::S);
    first.get_by_label("principal-premeeting.brief.yaml changed on disk");
    first.get_by_label("Reload from disk").click();
    first.run();
    let app = first.state();
    assert!(app.session.brief.title.ends_with(" (second window)"));
    assert!(
        !app.session.is_dirty(),
        "the first window's edits dropped, as asked"
    );
    assert!(saved(&path).title.ends_with(" (second window)"));
}

#[test]
fn save_as_over_an_existing_file_asks_first() {
    let (dir, path) = premeeting_copy();
    let other = dir.path().join("background-pack.brief.yaml");
    let before = std::fs::read(&other).unwrap();
    let mut harness = app_on(Some(path));
    let title = harness.state().session.brief.title.clone();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    let field = harness.get_by_label("Path");
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Path")
        .type_text(&other.display().to_string());
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("Replace background-pack.brief.yaml?");
    assert_eq!(std::fs::read(&other).unwrap(), before);
    // Enter takes the safe way out of a question that would write over something.
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("Save the brief as");
    assert_eq!(std::fs::read(&other).unwrap(), before);
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    harness.get_by_label("Save the brief as");
    assert_eq!(std::fs::read(&other).unwrap(), before);

    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("Replace").click();
    harness.run();
    assert_eq!(saved(&other).title, title);
    assert_eq!(
        harness.state().session.path.as_deref(),
        Some(other.as_path())
    );
}

#[test]
fn a_long_timeline_is_previewed_in_full() {
    let mut harness = app_on(None);
    let dossier = briefing::synthetic::dossier_with_events(500);
    let loaded = briefing::store::Loaded {
        doc: dossier,
        name: "generated".into(),
        text: String::new(),
    };
    let brief = briefing::synthetic::full_brief();
    harness.state_mut().session =
        briefing::gui::session::Session::from_parts(brief.clone(), None, loaded.clone());
    harness.run();
    settle(&mut harness);
    let composed = briefing::compose(&loaded.doc, &brief);
    let expected = briefing::layout::lay_out(&composed).unwrap().pages;
    assert!(expected.count() > 20, "{} pages", expected.count());
    assert_eq!(previewed(&harness).count(), expected.count());
    harness.get_by_label(&page_count(expected.count()));
}

#[test]
fn a_slice_lists_only_the_notes_on_its_own_events() {
    let dir = common::copy_of_briefs();
    let mut harness = app_on(Some(dir.path().join("background-pack.brief.yaml")));
    let note = "First reported on 19 November; the text reached Zelenskyy on 20 November.";
    // The editor's note fields.
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

/// Waits for the layout thread to lay out the brief as it is now, then draws its pages.
fn settle(harness: &mut Harness<'_, App>) {
    assert!(
        harness.state_mut().settle(),
        "the layout thread did not answer within a minute"
    );
    harness.run();
}

/// The pages the preview shows.
fn previewed(harness: &Harness<'_, App>) -> briefing::layout::pages::Pages {
    harness
        .state()
        .layout
        .laid()
        .expect("pages laid out")
        .pages
        .clone()
}

fn page_count(count: usize) -> String {
    if count == 1 {
        "1 page".to_owned()
    } else {
        format!("{count} pages")
    }
}

#[test]
fn the_preview_shows_the_pages_layout_makes_for_every_sample() {
    for path in common::sample_briefs() {
        let mut harness = app_on(Some(path.clone()));
        settle(&mut harness);
        let opened = briefing::Opened::open(&path).unwrap();
        let composed = briefing::compose(&opened.dossier.doc, &opened.brief.doc);
        let expected = briefing::layout::lay_out(&composed).unwrap().pages;
        let shown = previewed(&harness);
        assert_eq!(shown.count(), expected.count(), "{}", path.display());
        assert_eq!(shown.text(), expected.text(), "{}", path.display());
        // The first sheet is painted, and named for screen readers; the status bar counts.
        harness.get_by_label(&format!("Page 1 of {}", expected.count()));
        harness.get_by_label(&page_count(expected.count()));
        assert!(!harness.state().layout.pending());
    }
}

/// The background pack, seven pages: long enough to scroll any section's heading to the top.
fn background_pack() -> (tempfile::TempDir, Harness<'static, App>) {
    let dir = common::copy_of_briefs();
    let mut harness = app_on(Some(dir.path().join("background-pack.brief.yaml")));
    settle(&mut harness);
    (dir, harness)
}

/// A section that starts after the second page and before the last.
fn middle_section(pages: &briefing::layout::pages::Pages) -> briefing::layout::pages::SectionSpan {
    pages
        .sections
        .iter()
        .find(|s| s.first_page >= 2 && s.first_page + 1 < pages.count())
        .expect("a section in the middle of the brief")
        .clone()
}

#[test]
fn clicking_a_section_scrolls_the_preview_to_its_heading() {
    let (_dir, mut harness) = background_pack();
    let pages = previewed(&harness);
    let span = middle_section(&pages);
    let anchor = pages.anchor(span.anchor).unwrap().clone();
    assert_eq!(
        harness.state().preview.top.unwrap().page,
        0,
        "starts at the top"
    );

    let heading = harness.state().session.brief.sections[span.index]
        .heading_or_default()
        .to_owned();
    harness.get_by_label(&heading).click();
    harness.run();
    let state = harness.state();
    assert_eq!(state.selection, Selection::Section(span.index));
    assert_eq!(state.preview.scroll_to, None, "the scroll was done");
    let top = state.preview.top.unwrap();
    assert_eq!(top.page, anchor.page, "{top:?} {anchor:?}");
    assert!(
        (0.0..40.0).contains(&(anchor.at.y - top.y_pt)),
        "the heading is just below the top of the view: {top:?} {anchor:?}"
    );
    harness.get_by_label(&format!("Page {} of {}", anchor.page + 1, pages.count()));

    // Back to the details: the title page.
    harness
        .get_all_by_label("Brief details")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().preview.top.unwrap().page, 0);
}

#[test]
fn a_contents_link_in_the_preview_scrolls_to_its_section() {
    let (_dir, mut harness) = background_pack();
    let pages = previewed(&harness);
    let span = middle_section(&pages);
    let anchor = pages.anchor(span.anchor).unwrap().clone();
    harness
        .get_all_by_label(&format!("Go to section {}, {}", span.number, span.heading))
        .next()
        .expect("the contents list links to the section")
        .click();
    harness.run();
    assert_eq!(harness.state().preview.top.unwrap().page, anchor.page);
}

#[test]
fn zooming_changes_the_size_of_the_pages_and_fit_width_restores_it() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path));
    settle(&mut harness);
    let sheet = |h: &Harness<'_, App>| {
        h.query_all_by_label_contains("Page 1 of ")
            .next()
            .unwrap()
            .rect()
            .width()
    };
    let fit = sheet(&harness);
    shortcut(&mut harness, Key::Plus);
    assert!((harness.state().preview.zoom - 1.25).abs() < 1e-4);
    let bigger = sheet(&harness);
    assert!(bigger > fit * 1.2, "{bigger} vs {fit}");
    harness.get_by_label("Fit width").click();
    harness.run();
    assert_eq!(harness.state().preview.zoom, 1.0);
    assert!((sheet(&harness) - fit).abs() < 1.0);
}

#[test]
fn the_status_bar_counts_pages_and_warns_over_the_page_budget() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path.clone()));
    settle(&mut harness);
    let pages = previewed(&harness);
    let count = pages.count();
    assert!(count >= 2, "the sample takes more than a page");
    harness.get_by_label(&page_count(count));
    assert!(harness.query_by_label_contains("over the budget").is_none());

    // A budget a page short, as the staffer would write it in the brief.
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(&format!("page_budget: {}\n", count - 1));
    std::fs::write(&path, text).unwrap();
    let mut harness = app_on(Some(path));
    settle(&mut harness);
    let warning = format!("{count} pages \u{2014} 1 over the budget of {}", count - 1);
    harness.get_by_label(&warning).click();
    harness.run();
    harness.get_by_label("Pages by section");
    for s in &pages.sections {
        assert!(
            harness.query_all_by_label(&s.heading).count() >= 1,
            "{} listed",
            s.heading
        );
        assert!(
            harness
                .query_all_by_label(&format!("{:.1}", s.pages))
                .count()
                >= 1,
            "{} pages of {} listed",
            s.pages,
            s.heading
        );
    }

    // Within the budget: the count (in the bar and the window still open), and no warning.
    harness.state_mut().session.brief.page_budget = Some(u32::try_from(count).unwrap());
    harness.run();
    settle(&mut harness);
    assert_eq!(harness.query_all_by_label(&page_count(count)).count(), 2);
    assert!(harness.query_by_label_contains("over the budget").is_none());
}

#[test]
fn a_typed_title_reaches_the_preview_once_laid_out() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path));
    settle(&mut harness);
    let before = previewed(&harness).text();
    let title = harness.get_by_label("Title");
    title.focus();
    harness.run();
    harness.get_by_label("Title").type_text(" (draft)");
    harness.run();
    settle(&mut harness);
    let after = previewed(&harness).text();
    assert_ne!(before, after);
    assert!(after.contains("(draft)"), "{after}");
    assert!(!harness.state().layout.pending());
}

#[test]
fn the_preview_keeps_its_width_as_the_staffer_clicks_around() {
    let (_dir, mut harness) = background_pack();
    let sheet = |h: &Harness<'_, App>| {
        let first = h.state().preview.visible.start + 1;
        let count = previewed(h).count();
        h.get_by_label(&format!("Page {first} of {count}"))
            .rect()
            .width()
    };
    let before = sheet(&harness);
    for _ in 0..3 {
        for section in ["Scenarios", "Key indicators", "Sources", "Overview"] {
            harness.get_by_label(section).click();
            harness.run();
        }
    }
    assert_eq!(sheet(&harness), before);
    // Never wider than 60% of the window, whatever the default.
    assert!(before < 1400.0 * 0.6, "{before}");
}

#[test]
fn exporting_over_the_brief_or_its_dossier_is_refused() {
    let (dir, path) = premeeting_copy();
    let dossier = dir.path().join("ukraine-peace-push.dossier.yaml");
    for input in [&path, &dossier] {
        let before = std::fs::read(input).unwrap();
        let mut harness = app_on(Some(path.clone()));
        harness
            .state_mut()
            .apply(briefing::gui::action::Action::Command(
                briefing::gui::action::Command::ExportTo(input.clone()),
            ));
        harness.run();
        harness.get_by_label("Not exported: the PDF would replace an input");
        assert_eq!(std::fs::read(input).unwrap(), before, "{}", input.display());
    }
}

/// Issue 12: export, let the dossier move on a week, reopen: the app names each change, each a
/// click away, badges new and changed items, and the next export clears them.
#[test]
fn reopened_after_the_dossier_moved_on_it_names_and_badges_each_change() {
    let dir = common::copy_of_briefs();
    let path = dir.path().join("background-pack.brief.yaml");
    common::with_changes_section(&path);
    let mut harness = app_on(Some(path.clone()));
    settle(&mut harness);
    assert!(
        harness
            .query_by_label_contains("Since the last export")
            .is_none(),
        "no earlier export, nothing to say"
    );
    // A brief without unsaved changes records its export at once, as the CLI does.
    shortcut(&mut harness, Key::E);
    assert!(!harness.state().window_title().starts_with('*'));
    let on_disk = saved(&path);
    assert_eq!(on_disk.version, 2);
    let day = on_disk.last_export.as_ref().unwrap().day().unwrap();
    drop(harness);

    common::a_week_later(dir.path());
    let mut harness = app_on(Some(path.clone()));
    settle(&mut harness);
    let short = day.display_short();
    let (day_month, _) = short.rsplit_once(' ').unwrap();
    let summary = format!(
        "Since the last export ({day_month}): 1 new event in your slices, 1 indicator changed, 1 item removed from the dossier"
    );
    harness.get_by_label(&summary).click();
    harness.run();
    // Each item a click away: the editor opens its section, the preview goes to the item.
    harness
        .get_by_label("Share of Ukraine held by Russia: ≈19% \u{2b62} ≈20%")
        .click();
    harness.run();
    assert_eq!(harness.state().selection, Selection::Section(2));
    harness.get_by_label("CHANGED");
    assert!(harness.query_by_label("NEW").is_none());
    harness
        .get_by_label("9 Dec 2025 \u{2014} Zelenskyy meets Macron, Starmer and Merz in London")
        .click();
    harness.run();
    assert_eq!(harness.state().selection, Selection::Section(6));
    let pages = previewed(&harness);
    let anchor = pages
        .item("ev-2025-12-09-london-meeting")
        .and_then(|a| pages.anchor(a))
        .unwrap()
        .clone();
    harness.run();
    let top = harness.state().preview.top.unwrap();
    assert!(
        top.page == anchor.page || top.page + 1 == anchor.page,
        "the preview shows the event's page {}, not {}",
        anchor.page,
        top.page
    );
    harness.get_by_label("NEW");
    harness.get_by_label("Removed");

    // The next export prints the box, records afresh, and the badges go.
    shortcut(&mut harness, Key::E);
    settle(&mut harness);
    let pdf = std::fs::read(dir.path().join("background-pack.pdf")).unwrap();
    let text: String = common::all_text(&pdf).split_whitespace().collect();
    for expected in [
        "NEW•9Dec2025—ZelenskyymeetsMacron,StarmerandMerzinLondon",
        "CHANGED•ShareofUkraineheldbyRussia:≈19%\u{2b62}≈20%",
        "ev-2025-11-23-geneva-framework(removedfromthedossier)",
    ] {
        assert!(text.contains(expected), "{expected} not in the PDF");
    }
    assert!(
        harness
            .query_by_label_contains("Since the last export")
            .is_none()
    );
    assert!(harness.query_by_label("NEW").is_none());
    assert!(harness.query_by_label("CHANGED").is_none());
    assert!(!harness.state().window_title().starts_with('*'));
    assert!(briefing::Opened::open(&path).is_ok());
}

/// With unsaved changes, an export keeps its record in the brief for the next Save, and undo
/// takes back the edit but not the export.
#[test]
fn an_export_with_unsaved_changes_is_recorded_by_the_next_save() {
    let (_dir, path) = premeeting_copy();
    let before = std::fs::read_to_string(&path).unwrap();
    let mut harness = app_on(Some(path.clone()));
    harness.get_by_label("Include Key indicators").click();
    harness.run();
    shortcut(&mut harness, Key::E);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        before,
        "the brief waits for Save"
    );
    harness.get_by_label_contains("Save keeps the record of what it printed");
    assert!(harness.state().session.brief.last_export.is_some());
    shortcut(&mut harness, Key::Z);
    assert!(harness.state().session.brief.sections[1].included, "undone");
    assert!(
        harness.state().session.brief.last_export.is_some(),
        "undo keeps the export's record"
    );
    shortcut(&mut harness, Key::S);
    let on_disk = saved(&path);
    assert_eq!(on_disk.version, 2);
    // The record is of what that export printed: no indicators. Ticked back, they are new.
    let recorded = on_disk.last_export.unwrap();
    assert!(!recorded.items.iter().any(|i| i.id.starts_with("ind-")));
    assert!(
        recorded
            .items
            .iter()
            .any(|i| i.id == "ev-2025-12-02-kremlin-talks")
    );
    harness.run();
    harness.get_by_label_contains("2 new indicators");
    let after = std::fs::read_to_string(&path).unwrap();
    let kept = &after[..after.find("\nlast_export:\n").unwrap() + 1];
    assert_eq!(kept, before.replacen("\nversion: 1\n", "\nversion: 2\n", 1));
}

// ---- issue 11: a window a staffer can work in all evening ----

fn app_at(path: Option<PathBuf>, size: egui::Vec2) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(16)
        .build_eframe(move |cc| App::new(cc, path));
    harness.state_mut().native_dialogs = false;
    harness.run();
    harness
}

/// Types into whatever has the keyboard focus: text lands only if the focus is right.
fn type_here(harness: &mut Harness<'_, App>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
}

fn press(harness: &mut Harness<'_, App>, key: Key) {
    harness.key_press(key);
    harness.run();
}

#[test]
fn at_1024_by_700_the_panels_hold_their_widths_and_every_field_is_on_screen() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_at(Some(path), egui::vec2(1024.0, 700.0));
    let title = harness.get_by_label("Title").rect();
    for _ in 0..20 {
        harness.get_by_label("Include Key indicators").click();
        harness.run();
    }
    assert_eq!(
        harness.get_by_label("Title").rect(),
        title,
        "the form never narrows"
    );
    assert!(title.width() > 300.0, "{title:?}");
    let preview = harness.state().prefs.widths.resolve(1024.0).1;
    let editor_right = 1024.0 - preview;
    assert!(
        title.right() <= editor_right,
        "{title:?} past {editor_right}"
    );
    // A remove button on a participant, and the timeline's To date and limit, within reach.
    let remove = harness.get_by_label("Remove Participant 1").rect();
    assert!(remove.right() <= editor_right, "{remove:?}");
    harness.get_by_label("The last three weeks").click();
    harness.run();
    for label in ["To", "To date", "At most"] {
        let rect = harness.get_by_label(label).rect();
        assert!(rect.right() <= editor_right, "{label}: {rect:?}");
    }
    // Long event labels are cut at the edge, not widening the editor under the preview.
    for note in harness.get_all_by_label_contains("Note on ") {
        let rect = note.rect();
        assert!(rect.right() <= editor_right, "{rect:?}");
    }
}

#[test]
fn widths_saved_broken_come_back_inside_their_bounds() {
    let prefs = briefing::gui::prefs::Prefs {
        widths: briefing::gui::widths::PanelWidths {
            sections: 4000.0,
            preview: Some(f32::NAN),
        },
        ..Default::default()
    }
    .clamped();
    let (sections, preview) = prefs.widths.resolve(1024.0);
    assert!(sections <= briefing::gui::widths::SECTIONS_RANGE.1);
    assert!(1024.0 - sections - preview >= briefing::gui::widths::EDITOR_MIN - 0.5);
}

#[test]
fn a_new_point_takes_the_focus_enter_starts_the_next_and_backspace_removes_an_empty_one() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path));
    let points = |h: &Harness<'_, App>| h.state().session.brief.meeting.bottom_line.clone();
    let before = points(&harness).len();
    harness.get_by_label("+ Add point").click();
    harness.run();
    type_here(&mut harness, "Ask about the plant");
    assert_eq!(points(&harness).len(), before + 1);
    assert_eq!(points(&harness)[before], "Ask about the plant");
    press(&mut harness, Key::Enter);
    assert_eq!(
        points(&harness).len(),
        before + 2,
        "Enter starts the next point"
    );
    type_here(&mut harness, "Then the guarantees");
    assert_eq!(points(&harness)[before + 1], "Then the guarantees");
    press(&mut harness, Key::Enter);
    assert_eq!(points(&harness).len(), before + 3);
    press(&mut harness, Key::Backspace);
    assert_eq!(
        points(&harness).len(),
        before + 2,
        "Backspace removes the empty one"
    );
    // The cursor is back in the point before, at its end.
    type_here(&mut harness, ".");
    assert_eq!(points(&harness)[before + 1], "Then the guarantees.");
}

#[test]
fn a_new_talking_point_and_a_new_item_note_take_the_focus() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path));
    harness.get_by_label("Key indicators").click();
    harness.run();
    let section = match harness.state().selection {
        Selection::Section(i) => i,
        other => panic!("a section is selected, not {other:?}"),
    };
    harness.get_by_label("Add talking point").click();
    harness.run();
    type_here(&mut harness, "Press on the plant");
    let notes = &harness.state().session.brief.sections[section].annotations;
    assert_eq!(notes.last().unwrap().text, "Press on the plant");

    let before = harness.state().session.brief.annotations.len();
    harness
        .get_all_by_label_contains("Annotate ")
        .next()
        .unwrap()
        .click();
    harness.run();
    type_here(&mut harness, "Check the figure");
    let notes = &harness.state().session.brief.annotations;
    assert_eq!(notes.len(), before + 1);
    assert_eq!(notes.last().unwrap().text, "Check the figure");
}

#[test]
fn tab_from_nowhere_starts_in_the_editor_and_ctrl_y_redoes() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path));
    press(&mut harness, Key::Tab);
    assert!(
        harness.get_by_label("Title").is_focused(),
        "Tab lands in Title"
    );
    type_here(&mut harness, "X");
    let title = harness.state().session.brief.title.clone();
    assert!(title.ends_with('X'), "{title}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(!harness.state().session.brief.title.ends_with('X'));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(harness.state().session.brief.title, title, "Ctrl+Y redoes");
}

#[test]
fn ctrl_o_with_unsaved_changes_asks_once_and_the_path_field_has_the_focus() {
    let (dir, path) = premeeting_copy();
    let other = dir.path().join("background-pack.brief.yaml");
    let mut harness = app_on(Some(path));
    harness.get_by_label("Include Key indicators").click();
    harness.run();
    shortcut(&mut harness, Key::O);
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(
        harness.get_by_label("Path").is_focused(),
        "typing goes to the path"
    );
    // Select all and type over it, as a staffer would.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    type_here(&mut harness, &other.display().to_string());
    press(&mut harness, Key::Enter);
    assert!(
        harness.query_by_label_contains("Save changes").is_none(),
        "asked only once"
    );
    assert_eq!(
        harness.state().session.path.as_deref(),
        Some(other.as_path())
    );
}

#[test]
fn esc_cancels_and_enter_saves_in_the_unsaved_question() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path.clone()));
    harness.get_by_label("Include Key indicators").click();
    harness.run();
    shortcut(&mut harness, Key::N);
    harness.get_by_label_contains("Save changes");
    press(&mut harness, Key::Escape);
    assert!(harness.query_by_label_contains("Save changes").is_none());
    assert_eq!(
        harness.state().session.path.as_deref(),
        Some(path.as_path())
    );
    shortcut(&mut harness, Key::N);
    press(&mut harness, Key::Enter);
    assert!(!saved(&path).sections[1].included, "Enter saved first");
    assert_eq!(
        harness.state().session.path,
        None,
        "then started the new brief"
    );
}

#[test]
fn save_as_suggests_a_file_name_from_the_title() {
    let mut harness = app_on(None);
    harness
        .state_mut()
        .apply(briefing::gui::action::Action::Edit(
            briefing::gui::action::Edit::SetText {
                field: briefing::gui::action::TextField::Title,
                text: "Talks in Geneva: day 2".into(),
            },
        ));
    shortcut(&mut harness, Key::S);
    let text = harness.get_by_label("Path").value().unwrap();
    assert!(text.ends_with("talks-in-geneva-day-2.brief.yaml"), "{text}");
}

/// The premeeting sample with an unknown participant, a mistyped item and a note on a
/// mistyped event: every one refuses or spoils the export.
fn broken_premeeting() -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = premeeting_copy();
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace(
            "items: [ind-territory, ind-casualties]",
            "items: [ind-territory, ind-casualtes]",
        )
        .replace(
            "  date: \"2025-12-09\"",
            "  participants: [zelensky]\n  date: \"2025-12-09\"",
        )
        .replace(
            "  - item: ev-2025-12-06-znpp-power-loss",
            "  - item: ev-2025-12-06-znpp-power-los",
        );
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn errors(harness: &Harness<'_, App>) -> Vec<String> {
    harness
        .state()
        .session
        .findings()
        .iter()
        .filter(|f| f.severity == briefing::problem::Severity::Error)
        .map(|f| f.message.clone())
        .collect()
}

#[test]
fn every_problem_of_a_broken_brief_is_fixed_from_inside_the_window() {
    let (_dir, path) = broken_premeeting();
    let mut harness = app_on(Some(path));
    assert_eq!(errors(&harness).len(), 2, "{:?}", errors(&harness));
    harness.get_by_label_contains("error(s)").click();
    harness.run();
    // Plain locations, each a link to the place at fault.
    harness
        .get_by_label("at Sections \u{203a} Key indicators \u{203a} items, line 2")
        .click();
    harness.run();
    assert_eq!(harness.state().selection, Selection::Section(1));
    harness.get_by_label_contains("error(s)").click();
    harness.run();
    // The unknown id is shown in its list, with the did-you-mean as one click.
    harness.get_by_label("Use ind-casualties").click();
    harness.run();
    assert_eq!(
        harness.state().session.brief.sections[1].items,
        Some(vec![
            "ind-territory".to_owned(),
            "ind-casualties".to_owned()
        ])
    );
    // The unknown participant, in the participants list, removed.
    harness.get_by_label_contains("error(s)").click();
    harness.run();
    harness
        .get_by_label("at Details \u{203a} Participants from the dossier, line 1")
        .click();
    harness.run();
    assert_eq!(harness.state().selection, Selection::Details);
    harness.get_by_label_contains("error(s)").click();
    harness.run();
    harness.get_by_label("Remove zelensky").click();
    harness.run();
    assert!(errors(&harness).is_empty(), "{:?}", errors(&harness));
    // The note on a mistyped event prints nowhere: listed, and attached with one click.
    harness
        .get_by_label("Attach note 2 to ev-2025-12-06-znpp-power-loss")
        .click();
    harness.run();
    assert_eq!(
        harness.state().session.brief.annotations[1].item,
        "ev-2025-12-06-znpp-power-loss"
    );
    assert!(harness.query_by_label("Notes that print nowhere").is_none());
    assert!(
        harness.state().session.findings().is_empty(),
        "{:?}",
        harness.state().session.findings()
    );
}

#[test]
fn a_note_that_prints_nowhere_can_be_deleted_and_its_problem_goes_to_it() {
    let (_dir, path) = broken_premeeting();
    let mut harness = app_on(Some(path));
    harness.get_by_label("Include Key indicators").click();
    harness.run();
    harness.get_by_label_contains("error(s)").click();
    harness.run();
    harness
        .get_by_label_contains("at Notes on items \u{203a} note 2")
        .click();
    harness.run();
    assert_eq!(harness.state().selection, Selection::Details);
    assert!(
        harness
            .get_by_label("Note 2 on ev-2025-12-06-znpp-power-los")
            .is_focused()
    );
    harness.get_by_label_contains("error(s)").click();
    harness.run();
    harness.get_by_label("Delete note 2").click();
    harness.run();
    assert_eq!(harness.state().session.brief.annotations.len(), 1);
}

#[test]
fn browse_without_a_native_dialog_says_so_and_lists_the_folders_briefs() {
    let (dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path));
    shortcut(&mut harness, Key::O);
    harness.get_by_label("Browse\u{2026}").click();
    harness.run();
    harness.get_by_label_contains("No file dialog could be opened here");
    harness.get_by_label("background-pack.brief.yaml").click();
    harness.run();
    assert_eq!(
        harness.state().session.path.as_deref(),
        Some(dir.path().join("background-pack.brief.yaml").as_path())
    );
}

#[test]
fn when_nothing_opens_the_pdf_the_message_says_where_it_is_with_a_copy_button() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path));
    harness.state_mut().opener = vec!["false".to_owned()];
    shortcut(&mut harness, Key::E);
    let pdf = harness
        .state()
        .runtime
        .toast
        .as_ref()
        .unwrap()
        .pdf
        .clone()
        .unwrap();
    harness.get_by_label("Open PDF").click();
    harness.run();
    for _ in 0..100 {
        if harness
            .state()
            .runtime
            .toast
            .as_ref()
            .is_some_and(|t| t.copy.is_some())
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.run();
    }
    harness.run();
    let toast = harness.state().runtime.toast.clone().unwrap();
    assert!(
        toast.text.starts_with("Nothing could open"),
        "{}",
        toast.text
    );
    assert_eq!(
        toast.copy.as_deref(),
        Some(pdf.display().to_string().as_str())
    );
    harness.get_by_label("Copy path").click();
    harness.run();
    assert!(
        harness
            .state()
            .runtime
            .toast
            .as_ref()
            .unwrap()
            .text
            .starts_with("Copied")
    );
}

#[test]
fn a_date_that_does_not_parse_stays_as_typed_and_says_why() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path));
    harness.get_by_label("The last three weeks").click();
    harness.run();
    let before = harness.state().session.brief.sections[2].to;
    harness.get_by_label("To date").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    type_here(&mut harness, "2025-13-45");
    press(&mut harness, Key::Enter);
    assert_eq!(harness.state().session.brief.sections[2].to, before);
    assert_eq!(
        harness.get_by_label("To date").value().as_deref(),
        Some("2025-13-45")
    );
    harness.get_by_label_contains("not a date");
}

#[test]
fn the_editor_says_where_a_note_on_an_item_prints_and_can_print_it_everywhere() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path));
    harness.get_by_label("The last three weeks").click();
    harness.run();
    let said = harness
        .get_all_by_label_contains("Prints once, under \u{201c}The last three weeks\u{201d}")
        .count();
    assert_eq!(said, 2, "one line per note on an event of the slice");
    harness
        .get_all_by_label_contains("in every section")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert!(
        harness
            .state()
            .session
            .brief
            .annotations
            .iter()
            .any(|a| a.every_section)
    );
    harness.get_by_label("Prints in every section that shows the item");
}

#[test]
fn file_new_offers_templates_over_the_dossier_at_hand() {
    let (dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("New from template").click();
    harness.run();
    harness.get_by_label("One-page card").click();
    harness.run();
    let state = harness.state();
    assert_eq!(state.session.path, None);
    assert_eq!(state.session.brief.page_budget, Some(1));
    assert_eq!(state.session.dossier.doc.id, "ukraine-peace-push-2025");
    assert!(state.session.is_dirty(), "closing it asks");
    // Saved into another folder, it still finds its dossier.
    let elsewhere = dir.path().join("cards");
    std::fs::create_dir(&elsewhere).unwrap();
    let card = elsewhere.join("card.brief.yaml");
    harness
        .state_mut()
        .apply(briefing::gui::action::Action::Command(
            briefing::gui::action::Command::SaveTo(card.clone()),
        ));
    harness.run();
    let reopened = briefing::Opened::open(&card).unwrap();
    assert_eq!(reopened.dossier.doc.id, "ukraine-peace-push-2025");
}

#[test]
fn a_new_brief_from_this_one_keeps_sections_and_notes_and_clears_the_meeting() {
    let (_dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path));
    let before = harness.state().session.brief.clone();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("New brief from this one").click();
    harness.run();
    let brief = &harness.state().session.brief;
    assert_eq!(harness.state().session.path, None);
    assert_eq!(brief.sections, before.sections);
    assert_eq!(brief.annotations, before.annotations);
    assert!(brief.meeting.purpose.is_empty() && brief.meeting.bottom_line.is_empty());
    assert!(harness.get_by_label("Meeting purpose").is_focused());
}

#[test]
fn a_press_copy_is_written_without_notes_or_marking_and_leaves_the_brief_unchanged() {
    let (dir, path) = premeeting_copy();
    let mut harness = app_on(Some(path));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Press copy\u{2026}").click();
    harness.run();
    let out = dir.path().join("press.pdf");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    type_here(&mut harness, &out.display().to_string());
    harness.get_by_label("Export press copy").click();
    harness.run();
    assert!(
        !harness.state().session.is_dirty(),
        "the brief is unchanged"
    );
    let text = common::all_text(&std::fs::read(&out).unwrap());
    assert!(text.contains("Press copy"), "{text}");
    assert!(!text.contains("INTERNAL"), "no handling marking by default");
    assert!(
        !text.contains("Minsk II is the warning"),
        "no talking points"
    );
    assert!(
        !text.contains("Washington says a deal is close"),
        "no bottom line"
    );
    assert!(!text.contains("The Principal"), "no Prepared for");
}
