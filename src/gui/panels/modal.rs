//! The modal dialogs: a path to type or browse for, unsaved changes, an error, a crash copy to
//! restore, a file changed on disk, a file Save As would replace.

use egui::{Context, Id, Modal, RichText, TextEdit};

use super::widgets::bold;
use crate::gui::app::PathPurpose;

/// How a dialog was answered this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still open.
    Open,
    /// The main button.
    Confirm,
    /// Cancel, Escape or a click outside.
    Cancel,
}

/// The answer to "save changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsaved {
    /// Not answered yet.
    Undecided,
    /// Save first.
    Save,
    /// Throw the changes away.
    Discard,
    /// Do nothing.
    Cancel,
}

/// True in the first frame a dialog of this `kind` is shown, when its first field or main
/// button takes the focus, so the staffer can type or press Enter at once.
pub(super) fn just_opened(ui: &egui::Ui, kind: &str) -> bool {
    let id = Id::unique(("dialog-shown", kind));
    let pass = ui.ctx().cumulative_pass_nr();
    let last = ui.data_mut(|d| {
        let last = d.get_temp::<u64>(id);
        d.insert_temp(id, pass);
        last
    });
    // Shown in the pass before: still open. Anything else: opened now.
    last.is_none_or(|last| last + 1 < pass)
}

/// Asks for a path; returns the outcome and whether Browse… was clicked. `fallback` is given
/// once Browse… could not open a native dialog: the folder's briefs, to pick from.
pub fn path_ui(
    ctx: &Context,
    purpose: PathPurpose,
    text: &mut String,
    fallback: Option<&[std::path::PathBuf]>,
) -> (Outcome, bool) {
    let (title, confirm) = match purpose {
        PathPurpose::Open => ("Open a brief", "Open"),
        PathPurpose::SaveAs => ("Save the brief as", "Save"),
        PathPurpose::Export => ("Export the PDF to", "Export"),
        PathPurpose::NewDossier => ("Save the new dossier as", "Create"),
        PathPurpose::Import => (
            "Import a story page (a new dossier) or a CSV/TSV of events (into this dossier)",
            "Import",
        ),
        PathPurpose::ImportTo => ("Save the imported dossier as", "Import"),
        PathPurpose::DossierCopy => ("Save a copy of the dossier as", "Save copy"),
    };
    let mut outcome = Outcome::Open;
    let mut browse = false;
    let response = Modal::new(Id::unique("path-dialog")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.label(bold(title).size(16.0));
        ui.add_space(6.0);
        let label = ui.label("Path");
        let edit = ui
            .add(TextEdit::singleline(text).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if just_opened(ui, "path") {
            edit.request_focus();
        }
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if let Some(briefs) = fallback {
            ui.add_space(6.0);
            ui.label(
                RichText::new("No file dialog could be opened here: type the path above.")
                    .color(ui.visuals().warn_fg_color),
            );
            if briefs.is_empty() {
                ui.label(RichText::new("There are no briefs in this folder.").weak());
            } else {
                ui.label("Or pick a brief in this folder:");
                egui::ScrollArea::vertical()
                    .max_height(200.0)
                    .show(ui, |ui| {
                        for brief in briefs {
                            let name = brief
                                .file_name()
                                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                            if ui.selectable_label(false, name).clicked() {
                                *text = brief.display().to_string();
                                if purpose == PathPurpose::Open {
                                    outcome = Outcome::Confirm;
                                }
                            }
                        }
                    });
            }
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Browse\u{2026}").clicked() {
                browse = true;
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let ready = !text.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new(confirm)).clicked() || (entered && ready)
                {
                    outcome = Outcome::Confirm;
                }
                if ui.button("Cancel").clicked() {
                    outcome = Outcome::Cancel;
                }
            });
        });
    });
    if response.should_close() && outcome == Outcome::Open {
        outcome = Outcome::Cancel;
    }
    (outcome, browse)
}

/// Asks whether to save changes before going on.
pub fn unsaved_ui(ctx: &Context, name: &str) -> Unsaved {
    let mut answer = Unsaved::Undecided;
    let response = Modal::new(Id::unique("unsaved-dialog")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.label(bold(format!("Save changes to {name}?")).size(16.0));
        ui.label("If you don\u{2019}t save, your changes will be lost.");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            // Save has the focus: Enter saves, Esc cancels.
            let save = ui.button("Save");
            if just_opened(ui, "unsaved") {
                save.request_focus();
            }
            if save.clicked() {
                answer = Unsaved::Save;
            }
            if ui.button("Discard").clicked() {
                answer = Unsaved::Discard;
            }
            if ui.button("Cancel").clicked() {
                answer = Unsaved::Cancel;
            }
        });
    });
    if response.should_close() && answer == Unsaved::Undecided {
        answer = Unsaved::Cancel;
    }
    answer
}

/// Shows an error until it is dismissed.
pub fn error_ui(ctx: &Context, title: &str, message: &str) -> Outcome {
    let mut outcome = Outcome::Open;
    let response = Modal::new(Id::unique("error-dialog")).show(ctx, |ui| {
        ui.set_width(620.0);
        ui.label(bold(title).size(16.0).color(ui.visuals().error_fg_color));
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                ui.label(RichText::new(message).monospace());
            });
        ui.add_space(8.0);
        let ok = ui.button("OK");
        if just_opened(ui, "error") {
            ok.request_focus();
        }
        if ok.clicked() {
            outcome = Outcome::Confirm;
        }
    });
    if response.should_close() && outcome == Outcome::Open {
        outcome = Outcome::Cancel;
    }
    outcome
}

/// Asks a question with a row of buttons; the last button is the one Escape or a click
/// outside stands for. Returns the index of the button chosen, once one is.
pub(super) fn ask_ui(
    ctx: &Context,
    id: &str,
    title: &str,
    body: &str,
    buttons: &[&str],
) -> Option<usize> {
    let mut chosen = None;
    let response = Modal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.label(bold(title).size(16.0));
        ui.label(body);
        ui.add_space(8.0);
        // Enter answers with the focused button: the first, unless that one writes over
        // something, when Enter takes the safe way out (the last) as Esc does.
        let destructive = matches!(
            buttons.first(),
            Some(&("Overwrite" | "Replace" | "Restore over it" | "Delete"))
        );
        let default = if destructive {
            buttons.len().saturating_sub(1)
        } else {
            0
        };
        let opened = just_opened(ui, id);
        ui.horizontal(|ui| {
            for (i, label) in buttons.iter().enumerate() {
                let button = ui.button(*label);
                if opened && i == default {
                    button.request_focus();
                }
                if button.clicked() {
                    chosen = Some(i);
                }
            }
        });
    });
    if response.should_close() && chosen.is_none() {
        chosen = buttons.len().checked_sub(1);
    }
    chosen
}

/// The answer to "restore unsaved changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recover {
    /// Not answered yet.
    Undecided,
    /// Restore them.
    Restore,
    /// Delete the copy.
    Discard,
    /// Keep the copy for next time.
    Later,
}

/// Offers to restore what a window that has ended left unsaved.
pub fn recover_ui(ctx: &Context, name: &str, title: &str) -> Recover {
    let body = format!(
        "A Briefing window closed without saving changes to {name} (\u{201c}{title}\u{201d}). Restore them?"
    );
    match ask_ui(
        ctx,
        "recover-dialog",
        "Restore unsaved changes?",
        &body,
        &["Restore", "Discard them", "Keep for later"],
    ) {
        None => Recover::Undecided,
        Some(0) => Recover::Restore,
        Some(1) => Recover::Discard,
        Some(_) => Recover::Later,
    }
}

/// Why a crash copy is not simply restored over its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsure {
    /// The file changed since the edits began.
    Changed,
    /// The file is gone.
    Missing,
    /// The copy, from an older build, does not name its file for certain.
    Unnamed,
}

/// The answer to "the file changed since: restore over it?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreWhere {
    /// Not answered yet.
    Undecided,
    /// Over the file.
    Over,
    /// As a new brief, to save elsewhere.
    Untitled,
    /// Not now; the copy is kept.
    Later,
}

/// Asks where to restore a crash copy whose file is not as the edits left it.
pub fn recover_where_ui(ctx: &Context, name: &str, unsure: Unsure) -> RestoreWhere {
    let untitled = "Restore as a new brief\u{2026}";
    let (title, body, buttons): (String, String, Vec<&str>) = match unsure {
        Unsure::Changed => (
            format!("{name} changed since"),
            format!(
                "{name} was changed after these edits were made. Restoring over it would replace \
                 that change when you save; restoring as a new brief keeps both."
            ),
            vec!["Restore over it", untitled, "Not now"],
        ),
        Unsure::Missing => (
            format!("{name} is gone"),
            format!("{name} no longer exists. Restore the edits as a new brief and save it."),
            vec![untitled, "Not now"],
        ),
        Unsure::Unnamed => (
            "Which file?".to_owned(),
            format!(
                "This copy, from an older version of Briefing, names {name} without its folder. \
                 Restore it as a new brief and save it where it belongs."
            ),
            vec![untitled, "Not now"],
        ),
    };
    match ask_ui(ctx, "recover-where-dialog", &title, &body, &buttons) {
        None => RestoreWhere::Undecided,
        Some(i) => match buttons.get(i).copied() {
            Some("Restore over it") => RestoreWhere::Over,
            Some(label) if label == untitled => RestoreWhere::Untitled,
            _ => RestoreWhere::Later,
        },
    }
}

/// The answer to "the file changed on disk".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// Not answered yet.
    Undecided,
    /// Write over it.
    Overwrite,
    /// Save elsewhere.
    SaveAs,
    /// Read it again, dropping the window's changes.
    Reload,
    /// Do nothing.
    Cancel,
}

/// Asks what to do about a save over a file someone else changed since it was opened.
pub fn changed_on_disk_ui(ctx: &Context, name: &str) -> Changed {
    let body = format!(
        "{name} was changed outside this window (another window, an editor, a sync) since you \
         opened or last saved it. Overwrite replaces that change; Reload from disk drops the \
         changes in this window."
    );
    match ask_ui(
        ctx,
        "changed-dialog",
        &format!("{name} changed on disk"),
        &body,
        &["Overwrite", "Save As\u{2026}", "Reload from disk", "Cancel"],
    ) {
        None => Changed::Undecided,
        Some(0) => Changed::Overwrite,
        Some(1) => Changed::SaveAs,
        Some(2) => Changed::Reload,
        Some(_) => Changed::Cancel,
    }
}

/// Asks before Save As replaces a file that exists.
pub fn replace_ui(ctx: &Context, path: &str, name: &str) -> Outcome {
    match ask_ui(
        ctx,
        "replace-dialog",
        &format!("Replace {name}?"),
        &format!("{path} already exists. Replacing it overwrites what it holds."),
        &["Replace", "Cancel"],
    ) {
        None => Outcome::Open,
        Some(0) => Outcome::Confirm,
        Some(_) => Outcome::Cancel,
    }
}

/// Where to write a press copy and what it keeps. The press copy leaves every staff
/// annotation out and carries the press marking; the brief itself is not changed.
pub fn press_copy_ui(
    ctx: &Context,
    text: &mut String,
    keep_bottom_line: &mut bool,
    keep_prepared_for: &mut bool,
    marking: &str,
) -> Outcome {
    let mut outcome = Outcome::Open;
    let response = Modal::new(Id::unique("press-dialog")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.label(bold("Export a press copy").size(16.0));
        ui.add_space(4.0);
        let marking = if marking.is_empty() {
            "no handling marking".to_owned()
        } else {
            format!("the marking \u{201c}{marking}\u{201d}")
        };
        ui.label(
            RichText::new(format!(
                "Without staff notes, talking points or questions; with {marking} and \u{201c}Press copy\u{201d} in the footer. The brief is not changed."
            ))
            .weak(),
        );
        ui.add_space(6.0);
        ui.checkbox(keep_bottom_line, "Keep the bottom line");
        ui.checkbox(keep_prepared_for, "Keep \u{201c}Prepared for\u{201d}");
        ui.add_space(6.0);
        let label = ui.label("Path");
        let edit = ui
            .add(TextEdit::singleline(text).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if just_opened(ui, "press") {
            edit.request_focus();
        }
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ready = !text.trim().is_empty();
            if ui
                .add_enabled(ready, egui::Button::new("Export press copy"))
                .clicked()
                || (entered && ready)
            {
                outcome = Outcome::Confirm;
            }
            if ui.button("Cancel").clicked() {
                outcome = Outcome::Cancel;
            }
        });
    });
    if response.should_close() && outcome == Outcome::Open {
        outcome = Outcome::Cancel;
    }
    outcome
}
