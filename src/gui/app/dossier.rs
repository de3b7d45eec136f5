//! The app's part in editing a dossier: its edits as undo steps, quick add, a copy of the
//! built-in dossier, a new dossier, and imports. The edits themselves are the core's
//! (`crate::edit`); this applies them and says what happened.

use std::path::{Path, PathBuf};

use super::{App, Dialog, PathPurpose, Toast};
use crate::edit::{self, Part};
use crate::gui::action::{Command, Focus, Selection};
use crate::gui::history::EditKind;
use crate::gui::panels::modal::Outcome;

impl App {
    /// Applies a dossier edit as one undo step (typing in one field merges).
    pub(super) fn edit_dossier(&mut self, edit: &edit::Edit, typing: Option<String>) {
        if self.session.dossier_is_built_in() {
            self.runtime.dialog = Some(Dialog::ReadOnlyDossier);
            return;
        }
        let kind = typing.map_or(EditKind::Other, EditKind::Typing);
        match self.session.edit_dossier(edit, kind) {
            Ok(applied) => self.after_dossier_edit(edit, &applied),
            Err(e) => self.fail("Not changed", &e),
        }
    }

    fn after_dossier_edit(&mut self, edit: &edit::Edit, applied: &edit::Applied) {
        match edit {
            edit::Edit::Add { .. }
            | edit::Edit::QuickAddEvent { .. }
            | edit::Edit::Duplicate { .. } => {
                if let Some(id) = &applied.id
                    && let Some((part, _)) = edit::item::find(&self.session.dossier.doc, id)
                {
                    self.selection = Selection::Dossier(Some(part));
                    self.runtime.focus = Some(Focus::ItemField(if part == Part::Timeline {
                        "title"
                    } else {
                        ""
                    }));
                }
                self.open_item = applied.id.clone();
            }
            edit::Edit::ChangeId { .. } => self.open_item = applied.id.clone(),
            edit::Edit::Delete { id } if self.open_item.as_deref() == Some(id) => {
                self.open_item = None;
            }
            edit::Edit::Set(edit::Value::Event(e)) if !e.category.trim().is_empty() => {
                self.runtime.last_category = Some(e.category.clone());
            }
            _ => {}
        }
        if !applied.brief_changes.is_empty() {
            self.runtime.toast = Some(Toast {
                text: format!("The brief follows: {}", applied.brief_changes.join("; ")),
                ..Default::default()
            });
        }
    }

    /// Runs the commands of the dossier editor and of File → New dossier and Import.
    pub(super) fn run_dossier(&mut self, command: Command) {
        match command {
            Command::QuickAdd => {
                let edit = edit::Edit::QuickAddEvent {
                    today: crate::start::today(),
                    category: self.runtime.last_category.clone(),
                };
                self.edit_dossier(&edit, None);
            }
            Command::SaveDossierCopy => {
                let text = format!(
                    "{}{}",
                    self.suggested_dir(),
                    copy_name(&self.session.dossier.doc.id)
                );
                self.ask_path(PathPurpose::DossierCopy, text);
            }
            Command::SaveDossierCopyTo(path) => self.save_dossier_copy(&path),
            Command::NewDossier => {
                let text = format!("{}new-topic.dossier.yaml", self.suggested_dir());
                self.ask_path(PathPurpose::NewDossier, text);
            }
            Command::Import => {
                let text = self.suggested_dir();
                self.ask_path(PathPurpose::Import, text);
            }
            Command::ImportFrom(path) => self.import_from(&path),
            Command::ImportStoryTo { from, to } => self.import_story_to(&from, &to),
            Command::AskDelete(id) => {
                let uses = edit::uses(&self.session.brief, &id);
                if uses.is_empty() {
                    self.edit_dossier(&edit::Edit::Delete { id }, None);
                } else {
                    self.runtime.dialog = Some(Dialog::Delete { id, uses });
                }
            }
            Command::AskChangeId(id) => {
                self.runtime.dialog = Some(Dialog::ChangeId {
                    text: id.clone(),
                    from: id,
                });
            }
            Command::AskRenameCategory(from) => {
                self.runtime.dialog = Some(Dialog::RenameCategory {
                    text: from.clone(),
                    from,
                });
            }
            _ => {}
        }
    }

    fn ask_path(&mut self, purpose: PathPurpose, text: String) {
        self.runtime.dialog = Some(Dialog::Path {
            purpose,
            text,
            fallback: None,
        });
    }

    fn save_dossier_copy(&mut self, path: &Path) {
        if let Some(input) = self.input_at(path) {
            self.fail(
                "Not saved: the copy would replace an input",
                &format!("{}: is the {input} itself", path.display()),
            );
            return;
        }
        match self.session.save_dossier_copy(path) {
            Ok(()) => {
                self.runtime.toast = Some(Toast {
                    text: format!(
                        "Saved a copy of the dossier as {}; edits go there, and the brief now uses it",
                        path.display()
                    ),
                    ..Default::default()
                });
            }
            Err(e) => self.fail("Could not save a copy of the dossier", &e.to_string()),
        }
    }

    /// Starts an empty dossier at `path` (written at once, so it exists and validates) and
    /// a new brief on it, showing the dossier's own fields to fill in.
    pub(super) fn new_dossier_at(&mut self, path: &Path) {
        let path = crate::start::with_suffix(path, crate::start::DOSSIER_SUFFIX);
        if path.exists() {
            self.fail(
                "Not created: the file exists",
                &format!(
                    "{}: choose another name, or open a brief on it",
                    path.display()
                ),
            );
            return;
        }
        let dossier = crate::start::dossier_for_file(&path);
        let written = crate::store::dossier_to_yaml(&dossier)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                crate::store::write_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())
            });
        if let Err(e) = written {
            self.fail("Could not create the dossier", &e);
            return;
        }
        self.start_on_dossier(&path, format!("Started the dossier {}", path.display()));
    }

    fn start_on_dossier(&mut self, path: &Path, message: String) {
        match crate::gui::session::Session::on_dossier_file(path) {
            Ok(session) => {
                self.replace_session(session);
                self.disk = None;
                self.selection = Selection::Dossier(None);
                self.runtime.focus = Some(Focus::HeadField("title"));
                self.runtime.toast = Some(Toast {
                    text: message,
                    ..Default::default()
                });
            }
            Err(e) => self.fail("Could not open the dossier", &e.to_string()),
        }
    }

    fn import_from(&mut self, path: &Path) {
        let text = match crate::import::read_text(path) {
            Ok(t) => t,
            Err(e) => return self.fail("Could not import", &e.to_string()),
        };
        if crate::import::is_table(path, &text) {
            self.import_events(path, &text);
        } else {
            let to = path.with_extension("").with_extension("dossier.yaml");
            let to = if to.exists() {
                PathBuf::from(format!(
                    "{}{}",
                    self.suggested_dir(),
                    "imported.dossier.yaml"
                ))
            } else {
                to
            };
            self.runtime.importing = Some(path.to_owned());
            self.ask_path(PathPurpose::ImportTo, to.display().to_string());
        }
    }

    fn import_events(&mut self, path: &Path, text: &str) {
        if self.session.dossier_is_built_in() {
            self.runtime.dialog = Some(Dialog::ReadOnlyDossier);
            return;
        }
        let mut dossier = self.session.dossier.doc.clone();
        let separator = crate::import::separator_for(path);
        let import = crate::import::import_events(
            text,
            &path.display().to_string(),
            separator,
            &mut dossier,
        );
        let added = import.added.len();
        if added > 0 {
            if let Err(e) = self.session.replace_dossier(dossier) {
                return self.fail("Not imported", &e);
            }
            self.selection = Selection::Dossier(Some(Part::Timeline));
        }
        let left_out: Vec<String> = import
            .problems
            .iter()
            .filter(|p| p.is_error())
            .map(ToString::to_string)
            .collect();
        let summary = format!(
            "{added} event(s) added to {}, {} new source(s)",
            self.session.dossier_name(),
            import.new_sources.len()
        );
        if left_out.is_empty() {
            self.runtime.toast = Some(Toast {
                text: summary,
                ..Default::default()
            });
        } else {
            self.fail(
                &format!("{} row(s) not added", left_out.len()),
                &format!("{summary}.\n\n{}", left_out.join("\n")),
            );
        }
    }

    fn import_story_to(&mut self, from: &Path, to: &Path) {
        let to = crate::start::with_suffix(to, crate::start::DOSSIER_SUFFIX);
        if crate::fingerprint::same_file(from, &to) {
            return self.fail(
                "Not imported",
                &format!("{}: is the page being imported", to.display()),
            );
        }
        if to.exists() {
            return self.fail(
                "Not imported: the file exists",
                &format!("{}: choose another name", to.display()),
            );
        }
        let text = match crate::import::read_text(from) {
            Ok(t) => t,
            Err(e) => return self.fail("Could not import", &e.to_string()),
        };
        let import = match crate::import::import_story(
            &text,
            &from.display().to_string(),
            crate::start::today(),
        ) {
            Ok(i) => i,
            Err(problems) => {
                let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
                return self.fail("Not a story page", &lines.join("\n"));
            }
        };
        let written = crate::store::dossier_to_yaml(&import.dossier)
            .map_err(|e| e.to_string())
            .and_then(|y| crate::store::write_atomic(&to, y.as_bytes()).map_err(|e| e.to_string()));
        if let Err(e) = written {
            return self.fail("Could not write the dossier", &e);
        }
        let d = &import.dossier;
        let undated = d.timeline.iter().filter(|e| e.undated).count();
        let message = format!(
            "Imported {}: {} indicators, {} people, {} organisations, {} events ({undated} need a date), {} scenarios, {} precedents",
            to.display(),
            d.indicators.len(),
            d.people.len(),
            d.organizations.len(),
            d.timeline.len(),
            d.scenarios.len(),
            d.precedents.len()
        );
        self.start_on_dossier(&to, message);
    }
}

/// A file name for a copy of the dossier with id `id`.
fn copy_name(id: &str) -> String {
    format!(
        "{}.dossier.yaml",
        if id.is_empty() { "dossier" } else { id }
    )
}

impl App {
    /// The dossier editor's dialogs; returns how the one shown was answered.
    pub(super) fn dossier_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        dialog: Dialog,
        actions: &mut Vec<crate::gui::action::Action>,
    ) -> Outcome {
        use crate::gui::action::Action;
        use crate::gui::panels::dossier_modal as ask;
        match dialog {
            Dialog::ReadOnlyDossier => match ask::read_only_ui(ctx) {
                ask::ReadOnly::Undecided => Outcome::Open,
                ask::ReadOnly::SaveCopy => {
                    actions.push(Action::Command(Command::SaveDossierCopy));
                    Outcome::Confirm
                }
                ask::ReadOnly::Cancel => Outcome::Cancel,
            },
            Dialog::Delete { id, uses } => {
                let name = edit::Value::of(&self.session.dossier.doc, &id)
                    .map(|v| v.item().name().to_owned())
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| id.clone());
                let outcome = ask::delete_ui(ctx, &name, &uses);
                if outcome == Outcome::Confirm {
                    actions.push(Action::DossierEdit {
                        edit: edit::Edit::Delete { id },
                        typing: None,
                    });
                }
                outcome
            }
            Dialog::ChangeId { from, mut text } => {
                let to = text.trim().to_owned();
                let problem = if to == from {
                    Some("type the new id".to_owned())
                } else if !crate::validate::is_slug(&to) {
                    Some(
                        "an id starts with a lowercase letter or digit, then lowercase letters, \
                         digits, hyphens, dots or underscores"
                            .to_owned(),
                    )
                } else if edit::item::find(&self.session.dossier.doc, &to).is_some() {
                    Some(format!("\u{201c}{to}\u{201d} is the id of another item"))
                } else {
                    None
                };
                let body = format!(
                    "Ids tie the brief to the dossier. Changing \u{201c}{from}\u{201d} updates \
                     every reference to it in the dossier and in the open brief. Other briefs on \
                     this dossier will list it as unknown until they are opened and fixed."
                );
                let outcome = ask::text_ui(
                    ctx,
                    "change-id",
                    ("Change id", &body, "New id", "Change id"),
                    &mut text,
                    problem.as_deref(),
                );
                if outcome == Outcome::Confirm {
                    actions.push(Action::DossierEdit {
                        edit: edit::Edit::ChangeId { from, to },
                        typing: None,
                    });
                } else if outcome == Outcome::Open {
                    self.runtime.dialog = Some(Dialog::ChangeId { from, text });
                }
                outcome
            }
            Dialog::RenameCategory { from, mut text } => {
                let to = text.trim().to_owned();
                let problem = if to.is_empty() {
                    Some("a category needs a name".to_owned())
                } else if to == from {
                    Some("type the new name".to_owned())
                } else {
                    None
                };
                let count = self
                    .session
                    .dossier
                    .doc
                    .timeline
                    .iter()
                    .filter(|e| e.category == from)
                    .count();
                let body = format!(
                    "Renames \u{201c}{from}\u{201d} on its {count} event(s), and in the open \
                     brief's timeline slices. A name in use already merges the two."
                );
                let outcome = ask::text_ui(
                    ctx,
                    "rename-category",
                    ("Rename category everywhere", &body, "New name", "Rename"),
                    &mut text,
                    problem.as_deref(),
                );
                if outcome == Outcome::Confirm {
                    self.runtime.last_category = Some(to.clone());
                    actions.push(Action::DossierEdit {
                        edit: edit::Edit::RenameCategory { from, to },
                        typing: None,
                    });
                } else if outcome == Outcome::Open {
                    self.runtime.dialog = Some(Dialog::RenameCategory { from, text });
                }
                outcome
            }
            _ => Outcome::Open,
        }
    }
}
