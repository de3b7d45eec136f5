//! The dossier editor: the dossier's own fields, and each list of items with a form per item.
//! Like every panel it reads and pushes actions; the app applies them through the core's
//! `edit::apply`, as one undo step each.

use egui::Ui;

use crate::edit::Part;
use crate::gui::action::{Action, Focus};
use crate::model::{Brief, Dossier};
use crate::problem::Finding;

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

/// The dossier editor, in the central panel.
pub fn dossier_ui(
    ui: &mut Ui,
    view: &DossierView,
    focus: Option<Focus>,
    actions: &mut Vec<Action>,
) {
    let _ = (focus, actions);
    ui.heading(&view.name);
}
