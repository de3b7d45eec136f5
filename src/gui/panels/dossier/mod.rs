//! The dossier editor: the dossier's own fields, and each list of items with a form per item.
//! Like every panel it reads and pushes actions; the app applies them through the core's
//! `edit::apply`, as one undo step each.
//!
//! `head` draws the dossier's own fields, `list` one list with the open item's form under
//! it, `forms` the form of each kind, and `fields` the fields the forms are made of.

mod fields;
mod forms;
mod head;
mod list;

pub use list::len as part_len;

use egui::{RichText, Ui};

use super::widgets::bold;
use crate::edit::Part;
use crate::gui::action::{Action, Command, Focus};
use crate::model::{Brief, Dossier};
use crate::problem::{Doc, Finding, Seg};

/// What the dossier editor shows.
pub struct DossierView<'a> {
    /// The dossier, with the staffer's edits.
    pub dossier: &'a Dossier,
    /// The open brief, to say which items it uses.
    pub brief: &'a Brief,
    /// The built-in dossier: shown, not changed, with "Save a copy as…" offered.
    pub read_only: bool,
    /// The dossier file's name, or "the built-in dossier".
    pub name: String,
    /// The dossier's own fields (`None`) or one list.
    pub part: Option<Part>,
    /// The item whose form is open.
    pub open: Option<&'a str>,
    /// Every problem found, the dossier's among them.
    pub findings: &'a [Finding],
}

impl<'a> DossierView<'a> {
    /// The dossier's problems whose path starts with `prefix`, each with the rest of its path.
    fn findings_under(&self, prefix: &[Seg]) -> Vec<(&'a [Seg], &'a Finding)> {
        self.findings
            .iter()
            .filter(|f| f.doc == Doc::Dossier && f.path.0.starts_with(prefix))
            .map(|f| (&f.path.0[prefix.len()..], f))
            .collect()
    }
}

/// The dossier editor, in the central panel.
pub fn dossier_ui(
    ui: &mut Ui,
    view: &DossierView,
    focus: Option<Focus>,
    actions: &mut Vec<Action>,
) {
    if view.read_only {
        read_only_banner_ui(ui, actions);
    }
    match view.part {
        None => {
            let focus = match focus {
                Some(Focus::HeadField(f)) => Some(f),
                Some(Focus::First) => Some("title"),
                _ => None,
            };
            head::head_ui(ui, view, focus, actions);
        }
        Some(part) => {
            let focus = match focus {
                Some(Focus::ItemField(f)) => Some(f),
                Some(Focus::First) => Some(""),
                _ => None,
            };
            list::part_ui(ui, view, part, focus, actions);
        }
    }
}

/// Says the built-in dossier cannot be changed, and offers a copy that can.
fn read_only_banner_ui(ui: &mut Ui, actions: &mut Vec<Action>) {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    bold("This is the dossier built into Briefing; it cannot be changed.")
                        .color(ui.visuals().warn_fg_color),
                );
                if ui.button("Save a copy as\u{2026}").clicked() {
                    actions.push(Action::Command(Command::SaveDossierCopy));
                }
            });
            ui.label(
                RichText::new("Edit the copy: the brief then uses it.")
                    .small()
                    .weak(),
            );
        });
    ui.add_space(6.0);
}
