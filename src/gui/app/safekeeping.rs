//! What stands between the window and lost work: the check before a save (the file changed
//! on disk since this window read it; Save As onto a file that exists), this window's crash
//! copy, and the copies of windows that have ended, offered and restored. Part of [`App`],
//! kept apart so the app's frame reads on its own.

use std::path::PathBuf;

use super::{App, Command, Dialog, Toast};
use crate::fingerprint::{self, Fingerprint, OnDisk};
use crate::gui::action::Answer;
use crate::gui::panels::modal::Unsure;
use crate::gui::recovery::Recovery;
use crate::gui::session::Session;
use crate::store::{self, StoreError};

impl App {
    /// Saves to `path` unless that would silently replace something: the brief's own file
    /// changed on disk since this window read or wrote it, or another file that exists.
    pub(super) fn save_checked(&mut self, path: PathBuf) {
        let own = self
            .session
            .path
            .as_deref()
            .is_some_and(|p| fingerprint::same_file(p, &path));
        if own {
            let changed = match &self.disk {
                Some(taken) => matches!(taken.compare(&path), OnDisk::Changed(_)),
                // Never read, so it cannot be vouched for: ask if there is anything to lose.
                None => path.is_file(),
            };
            if changed {
                self.runtime.dialog = Some(Dialog::ChangedOnDisk { path });
                return;
            }
        } else if std::fs::symlink_metadata(&path).is_ok() {
            self.runtime.dialog = Some(Dialog::Replace { path });
            return;
        }
        self.save(&path);
    }

    /// Acts on the answer to a question the app asked.
    pub(super) fn answer(&mut self, answer: Answer) {
        match answer {
            // Picked in the path dialog Open showed, after the unsaved changes were asked
            // about: not asked twice.
            Answer::OpenChosen(path) => self.run(Command::OpenPath(path), true),
            Answer::NewDossierAt(path) => self.new_dossier_at(&path),
            Answer::Restore => {
                let Some(found) = self.orphans.first().map(|o| &o.recovery) else {
                    return;
                };
                let unsure = match (&found.path, found.file()) {
                    (None, _) => None,
                    (Some(_), None) => Some(Unsure::Unnamed),
                    (Some(_), Some(file)) => match found.fingerprint.map(|f| f.compare(file)) {
                        Some(OnDisk::Same) => None,
                        Some(OnDisk::Missing) => Some(Unsure::Missing),
                        _ if !file.exists() => Some(Unsure::Missing),
                        _ => Some(Unsure::Changed),
                    },
                };
                let named = found.path.is_some();
                match unsure {
                    Some(unsure) => self.runtime.dialog = Some(Dialog::RecoverWhere(unsure)),
                    None => self.restore(named),
                }
            }
            Answer::RestoreOver => self.restore(true),
            Answer::RestoreUntitled => self.restore(false),
            Answer::KeepRecovered => {
                if !self.orphans.is_empty() {
                    self.orphans.remove(0).keep();
                }
            }
            Answer::DiscardRecovered => {
                if !self.orphans.is_empty() {
                    self.orphans.remove(0).resolve();
                }
            }
            Answer::Overwrite(path) => self.save(&path),
            Answer::Reload(path) => {
                self.runtime.after_save = None;
                self.open(&path);
            }
        }
    }

    /// Offers the next copy left by a window that has ended, when nothing else is asked and
    /// the window holds no unsaved changes a restore would replace.
    pub(super) fn offer_recovered(&mut self) {
        if self.runtime.dialog.is_none() && !self.orphans.is_empty() && !self.session.is_dirty() {
            self.runtime.dialog = Some(Dialog::Recover);
        }
    }

    /// Restores the first copy offered: over its file (`over`), or as a new brief to save
    /// elsewhere. The copy goes only once its edits are safe in this window's own copy; if
    /// anything fails it stays, to be offered again.
    fn restore(&mut self, over: bool) {
        if self.orphans.is_empty() {
            return;
        }
        let orphan = self.orphans.remove(0);
        let found = &orphan.recovery;
        let restored = match (over, found.file()) {
            (true, Some(path)) => {
                let disk = Fingerprint::of(path).ok();
                Session::open(path).map(|mut s| {
                    s.brief = found.brief.clone();
                    (s, disk)
                })
            }
            _ => untitled(found).map(|s| (s, None)),
        };
        // The dossier's unsaved edits come back as one step to undo, if its file is known.
        let restored = restored.map(|(mut session, disk)| {
            if let Some(dossier) = found.dossier.clone() {
                // Refused only for the built-in dossier, whose edits cannot have been made.
                let _ = session.replace_dossier(dossier);
            }
            (session, disk)
        });
        match restored {
            Ok((session, disk)) => {
                self.replace_session(session);
                self.disk = disk;
                let copy = self.recovery_copy();
                let safe = self
                    .recovery
                    .as_mut()
                    .is_some_and(|k| k.write_now(Some(&copy)).is_ok());
                if safe {
                    self.recovery_sent = Some(self.sent_now());
                    orphan.resolve();
                } else {
                    orphan.keep();
                }
                self.runtime.toast = Some(Toast {
                    text: "Restored your unsaved changes".into(),
                    ..Default::default()
                });
                if self.session.path.is_none() {
                    self.run(Command::SaveAs, true);
                }
            }
            Err(e) => {
                orphan.keep();
                self.fail(
                    "Could not restore: the brief's file or dossier does not open; the copy is kept and offered again next time",
                    &e.to_string(),
                );
            }
        }
    }

    /// This window's unsaved changes, as a crash copy.
    fn recovery_copy(&self) -> Recovery {
        let dossier = self
            .session
            .dossier_is_dirty()
            .then_some(&self.session.dossier.doc);
        Recovery::now(self.session.path.as_deref(), self.disk, &self.session.brief)
            .with_dossier(dossier)
    }

    /// What a crash copy taken now holds, to tell whether the last one sent is current.
    fn sent_now(&self) -> (crate::model::Brief, u64) {
        (self.session.brief.clone(), self.session.dossier_revision())
    }

    /// The window ends, however it ends: keeps its unsaved changes, if any, for the next
    /// window to offer, and leaves other windows' copies it did not resolve where they are.
    fn shut_down(&mut self) {
        let last = self.session.is_dirty().then(|| self.recovery_copy());
        if let Some(keeper) = self.recovery.take() {
            keeper.finish(last.as_ref());
        }
        self.orphans.clear();
    }

    /// Hands the brief to the recovery writer when it has unsaved changes not yet kept, and
    /// removes the copy once there are none.
    pub(super) fn keep_recovery_copy(&mut self) {
        if self.recovery.is_none() {
            return;
        }
        let current = self
            .recovery_sent
            .as_ref()
            .is_some_and(|(brief, revision)| {
                *brief == self.session.brief && *revision == self.session.dossier_revision()
            });
        let copy = (self.session.is_dirty() && !current).then(|| self.recovery_copy());
        let Some(keeper) = &mut self.recovery else {
            return;
        };
        if let Some(copy) = copy {
            keeper.send(Some(copy));
            self.recovery_sent = Some(self.sent_now());
        } else if !self.session.is_dirty() && self.recovery_sent.take().is_some() {
            keeper.send(None);
        }
    }
}

/// eframe drops the app when the window closes, whether closed by the staffer, by the window
/// manager, or destroyed outright (then by unwinding, see [`super::run`]); a test's harness
/// drops it as a crash would end it. Each way, unsaved changes are kept for the next window.
/// Nothing here may panic: a panic while unwinding aborts.
impl Drop for App {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// A session on a crash copy as a new, untitled brief. Its dossier is found from where the
/// brief was, and named by absolute path, since the brief has no folder yet.
fn untitled(found: &Recovery) -> Result<Session, StoreError> {
    let mut brief = found.brief.clone();
    let dossier = match &brief.dossier {
        None => (store::default_dossier()?, None),
        Some(relative) => {
            let base = found
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from("untitled.brief.yaml"));
            let path = fingerprint::canonical(&store::dossier_path(&base, relative));
            let loaded = store::read_dossier(&path)?;
            brief.dossier = Some(path.display().to_string());
            (loaded, Some(path))
        }
    };
    let (dossier, dossier_file) = dossier;
    // A session takes the brief it is made from as saved; this one is not saved anywhere, so
    // it starts from a brief that differs and holds the restored one as its edit.
    let mut unsaved = brief.clone();
    unsaved.title.push_str(" (not saved)");
    let mut session = Session::from_parts(unsaved, None, dossier);
    session.brief = brief;
    session.dossier_file = dossier_file;
    Ok(session)
}
