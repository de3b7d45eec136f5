//! The modal dialogs: a path to type or browse for, unsaved changes, an error.

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

/// Asks for a path; returns the outcome and whether Browse… was clicked.
pub fn path_ui(ctx: &Context, purpose: PathPurpose, text: &mut String) -> (Outcome, bool) {
    let (title, confirm) = match purpose {
        PathPurpose::Open => ("Open a brief", "Open"),
        PathPurpose::SaveAs => ("Save the brief as", "Save"),
        PathPurpose::Export => ("Export the PDF to", "Export"),
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
        if !edit.has_focus() && text.is_empty() {
            edit.request_focus();
        }
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
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
            if ui.button("Save").clicked() {
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
        if ui.button("OK").clicked() {
            outcome = Outcome::Confirm;
        }
    });
    if response.should_close() && outcome == Outcome::Open {
        outcome = Outcome::Cancel;
    }
    outcome
}

/// Offers to restore what a previous run left unsaved.
pub fn recover_ui(ctx: &Context, name: &str, title: &str) -> Outcome {
    let mut outcome = Outcome::Open;
    Modal::new(Id::unique("recover-dialog")).show(ctx, |ui| {
        ui.set_width(480.0);
        ui.label(bold("Restore unsaved changes?").size(16.0));
        ui.label(format!(
            "Briefing closed without saving changes to {name} (\u{201c}{title}\u{201d}). Restore them?"
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                outcome = Outcome::Confirm;
            }
            if ui.button("Discard them").clicked() {
                outcome = Outcome::Cancel;
            }
        });
    });
    outcome
}
