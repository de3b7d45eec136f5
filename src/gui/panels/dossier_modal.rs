//! The dossier editor's questions: the built-in dossier cannot be changed, delete an item the
//! brief uses, a new id, a new category name.

use egui::{Context, Id, Modal, RichText, TextEdit};

use super::modal::{Outcome, ask_ui, just_opened};
use super::widgets::bold;

/// The answer to "the built-in dossier cannot be changed".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnly {
    /// Not answered yet.
    Undecided,
    /// Save a copy, and edit that.
    SaveCopy,
    /// Leave it.
    Cancel,
}

/// Says the built-in dossier is read only and offers a copy to edit.
pub fn read_only_ui(ctx: &Context) -> ReadOnly {
    match ask_ui(
        ctx,
        "read-only-dossier",
        "The built-in dossier cannot be changed",
        "It ships with Briefing and is replaced by each update. Save a copy of it as a file of \
         your own: the brief then uses the copy, and your edits go there.",
        &["Save a copy as\u{2026}", "Cancel"],
    ) {
        None => ReadOnly::Undecided,
        Some(0) => ReadOnly::SaveCopy,
        Some(_) => ReadOnly::Cancel,
    }
}

/// Asks before deleting `name`, which the brief uses as `uses` says.
pub fn delete_ui(ctx: &Context, name: &str, uses: &[String]) -> Outcome {
    let body = format!(
        "The open brief uses it: {}.\nDeleting it takes it out of the brief's sections and \
         participants. Your annotations on it are kept, listed under Problems as notes on an \
         item that is gone, to attach elsewhere or delete. Undo brings it all back.",
        uses.join("; ")
    );
    match ask_ui(
        ctx,
        "delete-item",
        &format!("Delete \u{201c}{name}\u{201d}?"),
        &body,
        &["Delete", "Cancel"],
    ) {
        None => Outcome::Open,
        Some(0) => Outcome::Confirm,
        Some(_) => Outcome::Cancel,
    }
}

/// Asks for a line of text: a new id, a new category name. `problem` says why the text as
/// typed will not do, and keeps the main button off.
pub fn text_ui(
    ctx: &Context,
    kind: &str,
    (title, body, label, confirm): (&str, &str, &str, &str),
    text: &mut String,
    problem: Option<&str>,
) -> Outcome {
    let mut outcome = Outcome::Open;
    let response = Modal::new(Id::unique(("text-dialog", kind))).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.label(bold(title).size(16.0));
        ui.label(body);
        ui.add_space(6.0);
        let named = ui.label(label);
        let edit = ui
            .add(TextEdit::singleline(text).desired_width(f32::INFINITY))
            .labelled_by(named.id);
        if just_opened(ui, kind) {
            edit.request_focus();
        }
        if let Some(problem) = problem {
            ui.label(RichText::new(problem).color(ui.visuals().warn_fg_color));
        }
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ok = ui.add_enabled(problem.is_none(), egui::Button::new(confirm));
            if ok.clicked() || (entered && problem.is_none()) {
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
