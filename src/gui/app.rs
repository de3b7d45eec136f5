//! The eframe app: draws the panels, then applies what they asked for, in one place.

mod dossier;
mod safekeeping;

use std::path::{Path, PathBuf};

use egui::{Panel, ViewportCommand};

use super::action::{Action, Answer, Command, Edit, Focus, Selection};
use super::layout_worker::LayoutWorker;
use super::panels::modal::{self, Outcome, Unsure};
use super::panels::preview::{PreviewInput, PreviewState, ScrollTarget, ZOOM_STEP};
use super::prefs::{self, Prefs};
use super::recovery::{self, Keeper, Orphan};
use super::runtime::Runtime;
use super::session::Session;
use super::widths::{self, Side};
use super::{dialogs, fonts, panels};
use crate::fingerprint::Fingerprint;
use crate::model::Brief;
use crate::problem::Severity;
use crate::store;
use crate::{layout, pdf};

/// A modal question or message.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// A path to open, save to or export to; typed, or picked with Browse….
    Path {
        purpose: PathPurpose,
        text: String,
        /// Once Browse… opened no native dialog: the briefs in the folder, to pick from.
        fallback: Option<Vec<PathBuf>>,
    },
    /// The brief has unsaved changes: save, discard or cancel, then `then`.
    Unsaved { then: Command },
    /// Something failed; the brief that is open is untouched.
    Error { title: String, message: String },
    /// A window that has ended left unsaved changes: restore them? About the first of the
    /// app's claimed copies.
    Recover,
    /// The same copy's file is not as its edits left it: restore over it, or as a new brief?
    RecoverWhere(Unsure),
    /// The brief's file changed on disk since this window opened or saved it.
    ChangedOnDisk { path: PathBuf },
    /// Save As would replace an existing file.
    Replace { path: PathBuf },
    /// An edit of the built-in dossier: it cannot be changed; offer to save a copy.
    ReadOnlyDossier,
    /// Delete a dossier item the brief uses? `uses` says where.
    Delete { id: String, uses: Vec<String> },
    /// A new id for the item `from`, as typed so far.
    ChangeId { from: String, text: String },
    /// A new name for the event category `from`, as typed so far.
    RenameCategory { from: String, text: String },
    /// Where to write a press copy, and whether it keeps the bottom line and "Prepared for".
    PressCopy {
        text: String,
        keep_bottom_line: bool,
        keep_prepared_for: bool,
    },
}

/// What a path dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open a brief.
    Open,
    /// Save the brief.
    SaveAs,
    /// Export the PDF.
    Export,
    /// Start a new dossier.
    NewDossier,
    /// A story page or spreadsheet to import.
    Import,
    /// Where to save the dossier a story page becomes.
    ImportTo,
    /// Where to save a copy of the dossier.
    DossierCopy,
}

/// A short message at the foot of the window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Toast {
    /// What happened.
    pub text: String,
    /// The PDF just written, offered to open.
    pub pdf: Option<PathBuf>,
    /// Text offered to copy: the path of a file the system could not open.
    pub copy: Option<String>,
}

/// The desktop app.
pub struct App {
    /// The open brief.
    pub session: Session,
    /// What persists between runs.
    pub prefs: Prefs,
    /// What the editor shows.
    pub selection: Selection,
    /// Dialogs, messages, focus and pending commands: what lives only while the window runs.
    pub runtime: Runtime,
    /// The thread that lays the brief out, and the newest pages.
    pub layout: LayoutWorker,
    /// The preview's zoom and scrolling.
    pub preview: PreviewState,
    /// An item the editor's list should scroll to in the next frame (a change clicked).
    pub reveal: Option<String>,
    /// The dossier item whose form is open in the dossier editor.
    pub open_item: Option<String>,
    /// False in tests: Browse… then does nothing rather than open a native dialog.
    pub native_dialogs: bool,
    /// The program that opens a file or address with the system's choice of application;
    /// tests name one that fails.
    pub opener: Vec<String>,
    allow_close: bool,
    close_sent: bool,
    title: String,
    /// Where this window keeps its unsaved changes against a crash, and the thread that
    /// writes them.
    recovery: Option<Keeper>,
    /// The brief last handed to the recovery writer; `None` when no copy is kept.
    recovery_sent: Option<(Brief, u64)>,
    /// Copies left by windows that have ended, claimed by this one, offered one at a time.
    orphans: Vec<Orphan>,
    /// The brief's file as this window last read or wrote it: a save checks it first.
    disk: Option<Fingerprint>,
}

impl App {
    /// The app as eframe starts it: on `file`, else on the last brief, else on a new one.
    /// Unsaved changes are kept against a crash beside eframe's state, when it keeps any.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> App {
        let recovery = cc.storage.and(recovery::default_dir());
        App::new_with_recovery(cc, file, recovery)
    }

    /// The same, keeping crash copies in the folder `recovery_dir` (none if `None`), where
    /// every window keeps its own and offers those of windows that have ended.
    pub fn new_with_recovery(
        cc: &eframe::CreationContext<'_>,
        file: Option<PathBuf>,
        recovery_dir: Option<PathBuf>,
    ) -> App {
        fonts::install(&cc.egui_ctx);
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value::<Prefs>(s, prefs::KEY))
            .map_or_else(
                || Prefs {
                    preview: true,
                    ..Prefs::default()
                },
                Prefs::clamped,
            );
        let mut app = App::with_prefs(prefs);
        let start = file.or_else(|| app.prefs.last_brief().map(Path::to_path_buf));
        if let Some(path) = start {
            app.run(Command::OpenPath(path), true);
        }
        if let Some(dir) = recovery_dir {
            app.orphans = recovery::orphans(&dir);
            match Keeper::start(&dir) {
                Ok(keeper) => app.recovery = Some(keeper),
                Err(e) => {
                    app.runtime.toast = Some(Toast {
                        text: format!(
                            "Unsaved changes are not kept against a crash: {}: {e}",
                            dir.display()
                        ),
                        ..Default::default()
                    });
                }
            }
            app.offer_recovered();
        }
        app
    }

    /// An app on a new brief, with no window or storage: for tests and benchmarks.
    pub fn with_prefs(prefs: Prefs) -> App {
        let session = match Session::new_default() {
            Ok(s) => s,
            // The built-in dossier is compiled in and checked by the tests.
            Err(e) => panic!("the built-in dossier does not load: {e}"),
        };
        App {
            session,
            prefs,
            selection: Selection::Details,
            runtime: Runtime::default(),
            layout: LayoutWorker::start(),
            preview: PreviewState::default(),
            reveal: None,
            open_item: None,
            native_dialogs: true,
            opener: dialogs::system_opener(),
            allow_close: false,
            close_sent: false,
            title: String::new(),
            recovery: None,
            recovery_sent: None,
            orphans: Vec::new(),
            disk: None,
        }
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Edit(edit) => self.edit(&edit),
            Action::DossierEdit { edit, typing } => self.edit_dossier(&edit, typing),
            Action::OpenItem(id) => {
                self.session.history.break_merge();
                self.open_item = id;
            }
            Action::Command(command) => self.run(command, false),
            Action::Select(selection) => {
                self.session.history.break_merge();
                self.selection = selection;
                // The preview follows: the section's heading, or the title for the details.
                self.preview.scroll_to = match selection {
                    Selection::Details => Some(ScrollTarget::Start),
                    Selection::Section(i) => Some(ScrollTarget::Section(i)),
                    Selection::Dossier(_) => None,
                };
            }
            Action::GoTo(target) => {
                if target.open.is_some() {
                    self.open_item = target.open.clone();
                }
                let selection = match (target.selection, target.focus) {
                    // A note on an item is edited in the first section that lists it.
                    (Selection::Details, Some(Focus::ItemNote(n))) => self
                        .session
                        .brief
                        .annotations
                        .get(n)
                        .and_then(|a| {
                            let dossier = &self.session.dossier.doc;
                            self.session.brief.sections.iter().position(|s| {
                                panels::editor::listed_ids(dossier, s).contains(&a.item)
                            })
                        })
                        .map_or(Selection::Details, Selection::Section),
                    (selection, _) => selection,
                };
                self.apply(Action::Select(selection));
                self.runtime.focus = target.focus;
            }
            Action::ScrollPreview(target) => self.preview.scroll_to = Some(target),
            Action::ShowItem { section, id } => {
                self.apply(Action::Select(Selection::Section(section)));
                self.reveal = Some(id.clone());
                if let Some(anchor) = self.layout.laid().and_then(|l| l.pages.item(&id)) {
                    self.preview.scroll_to = Some(ScrollTarget::Anchor(anchor));
                }
            }
            Action::ZoomPreview { zoom, keep } => {
                self.preview.set_zoom(zoom);
                self.preview.scroll_to = Some(keep);
            }
            Action::Answer(answer) => self.answer(answer),
            Action::ResizePanel { side, width } => self.prefs.widths.set(side, width),
            Action::OpenLink(url) => self.open_with_system(url.clone().into(), url),
            Action::OpenFile(path) => {
                let shown = path.display().to_string();
                self.open_with_system(path.into_os_string(), shown);
            }
            Action::ShowFolder(path) => {
                let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
                let shown = dir.display().to_string();
                self.open_with_system(dir.into_os_string(), shown);
            }
            Action::Copy(text) => {
                self.runtime.toast = Some(Toast {
                    text: format!("Copied {text}"),
                    ..Default::default()
                });
                self.runtime.to_clipboard = Some(text);
            }
            Action::DismissToast => self.runtime.toast = None,
        }
    }

    /// Sends the brief to the layout thread if it changed, and takes the pages it finished.
    fn lay_out(&mut self, ctx: Option<&egui::Context>) {
        self.session.refresh();
        self.layout
            .request(ctx, self.session.revision(), self.session.composed_shared());
        self.layout.poll();
    }

    /// Waits until the pages of the brief as it is now are laid out, at most a minute; false
    /// if they were not. For tests and benchmarks, which assert on what the preview shows; the
    /// window never waits.
    #[must_use]
    pub fn settle(&mut self) -> bool {
        self.lay_out(None);
        self.layout.settle(std::time::Duration::from_secs(60))
    }

    fn edit(&mut self, edit: &Edit) {
        let before = self.session.brief.clone();
        edit.apply(&mut self.session.brief);
        if self.session.brief == before {
            return;
        }
        self.session.history.record(
            super::history::Snapshot::brief(&before),
            super::action::undo_kind(edit),
        );
        // Keep the selection on the same section when sections move or go.
        if let Selection::Section(i) = self.selection {
            self.selection = match *edit {
                Edit::MoveSection { from, to } if from == i => Selection::Section(to),
                Edit::MoveSection { from, to } if from < i && to >= i => Selection::Section(i - 1),
                Edit::MoveSection { from, to } if from > i && to <= i => Selection::Section(i + 1),
                Edit::RemoveSection { section } if section == i => Selection::Details,
                Edit::RemoveSection { section } if section < i => Selection::Section(i - 1),
                _ => self.selection,
            };
        }
        if let Edit::AddSection { .. } = edit {
            self.selection =
                Selection::Section(self.session.brief.sections.len().saturating_sub(1));
        }
        self.runtime.focus = focus_after(edit, &self.session.brief);
    }

    /// Runs a command; `force` skips the unsaved-changes question (the user chose Discard).
    pub fn run(&mut self, command: Command, force: bool) {
        let guarded = matches!(
            command,
            Command::New
                | Command::NewFromTemplate(_)
                | Command::NewFromThis
                | Command::Open
                | Command::OpenPath(_)
                | Command::NewDossier
                | Command::ImportStoryTo { .. }
                | Command::Quit
        );
        if guarded && !force && self.session.is_dirty() {
            self.runtime.dialog = Some(Dialog::Unsaved { then: command });
            return;
        }
        match command {
            Command::New => match Session::new_default() {
                Ok(s) => self.replace_session(s),
                Err(e) => self.fail("Could not start a new brief", &e.to_string()),
            },
            Command::NewFromTemplate(template) => {
                let brief = template.brief(&self.session.dossier.doc, &self.session.brief);
                let session = self.session.started_from(brief);
                self.replace_session(session);
                self.runtime.focus = Some(Focus::Text(super::action::TextField::Title));
            }
            Command::NewFromThis => {
                let brief = super::templates::next_from(&self.session.brief);
                let session = self.session.started_from(brief);
                self.replace_session(session);
                self.runtime.focus = Some(Focus::Text(super::action::TextField::Purpose));
            }
            Command::Open => {
                let text = self.suggested_dir();
                self.runtime.dialog = Some(Dialog::Path {
                    purpose: PathPurpose::Open,
                    text,
                    fallback: None,
                });
            }
            Command::OpenPath(path) => self.open(&path),
            Command::Save => match self.session.path.clone() {
                Some(path) => self.run(Command::SaveTo(path), true),
                None => self.run(Command::SaveAs, true),
            },
            Command::SaveAs => {
                let text = match &self.session.path {
                    Some(p) => p.display().to_string(),
                    None => format!(
                        "{}{}.brief.yaml",
                        self.suggested_dir(),
                        file_stem_for(&self.session.brief.title)
                    ),
                };
                self.runtime.dialog = Some(Dialog::Path {
                    purpose: PathPurpose::SaveAs,
                    text,
                    fallback: None,
                });
            }
            Command::SaveTo(path) => self.save_checked(path),
            Command::ExportPdf => match self.default_export_path() {
                Some(path) => self.export(&path),
                None => self.run(Command::ExportAs, true),
            },
            Command::ExportAs => {
                let text = self.default_export_path().map_or_else(
                    || format!("{}brief.pdf", self.suggested_dir()),
                    |p| p.display().to_string(),
                );
                self.runtime.dialog = Some(Dialog::Path {
                    purpose: PathPurpose::Export,
                    text,
                    fallback: None,
                });
            }
            Command::ExportTo(path) => self.export(&path),
            Command::PressCopy => {
                let text = self.session.path.as_ref().map_or_else(
                    || format!("{}press-copy.pdf", self.suggested_dir()),
                    |p| {
                        let pdf = store::pdf_path_for(p);
                        pdf.with_extension("press.pdf").display().to_string()
                    },
                );
                self.runtime.dialog = Some(Dialog::PressCopy {
                    text,
                    keep_bottom_line: false,
                    keep_prepared_for: false,
                });
            }
            Command::ExportPressTo {
                path,
                keep_bottom_line,
                keep_prepared_for,
            } => {
                let brief = self
                    .session
                    .brief
                    .press_copy(keep_bottom_line, keep_prepared_for);
                let mut composed = crate::compose::compose(&self.session.dossier.doc, &brief);
                composed.footer_title = format!("Press copy \u{2014} {}", composed.title);
                let findings = crate::validate::validate_composed(
                    &self.session.dossier.doc,
                    &brief,
                    &composed,
                );
                self.write_pdf(&path, &composed, &findings, None, "Press copy written to");
            }
            Command::Undo => {
                if self.session.undo() {
                    self.clamp_selection();
                }
            }
            Command::Redo => {
                if self.session.redo() {
                    self.clamp_selection();
                }
            }
            Command::NewDossier
            | Command::Import
            | Command::ImportFrom(_)
            | Command::ImportStoryTo { .. }
            | Command::SaveDossierCopy
            | Command::SaveDossierCopyTo(_)
            | Command::QuickAdd
            | Command::AskDelete(_)
            | Command::AskChangeId(_)
            | Command::AskRenameCategory(_) => self.run_dossier(command),
            Command::TogglePreview => self.prefs.preview = !self.prefs.preview,
            Command::ToggleProblems => self.runtime.show_problems = !self.runtime.show_problems,
            Command::ToggleBudget => self.runtime.show_budget = !self.runtime.show_budget,
            Command::ZoomIn => self.preview.set_zoom(self.preview.zoom * ZOOM_STEP),
            Command::ZoomOut => self.preview.set_zoom(self.preview.zoom / ZOOM_STEP),
            Command::FitWidth => self.preview.set_zoom(1.0),
            Command::Quit => {
                self.allow_close = true;
                // Leaving on purpose: the changes were saved or the staffer discarded them, so
                // this window's copy goes, now rather than by the writer, which may not get
                // to run before the process ends. Copies of other windows not yet answered
                // stay, to be offered next time.
                if let Some(keeper) = self.recovery.take() {
                    keeper.finish(None);
                }
                self.recovery_sent = None;
                self.orphans.clear();
            }
        }
    }

    fn replace_session(&mut self, session: Session) {
        self.session = session;
        self.selection = Selection::Details;
        if let Some(path) = &self.session.path {
            self.prefs.touch(path);
        }
    }

    fn open(&mut self, path: &Path) {
        // Taken before reading: should the file change in between, the next save asks,
        // rather than the reverse.
        let disk = Fingerprint::of(path).ok();
        match Session::open(path) {
            Ok(s) => {
                self.replace_session(s);
                self.disk = disk;
                self.runtime.toast = Some(Toast {
                    text: format!("Opened {}", path.display()),
                    ..Default::default()
                });
            }
            Err(e) => self.fail(
                &format!("Could not open {}", path.display()),
                &e.to_string(),
            ),
        }
    }

    fn save(&mut self, path: &Path) {
        // The dossier first: a brief saved without the dossier edits it shows would print
        // something else when reopened.
        let dossier_edited = self.session.dossier_is_dirty();
        if let Err(e) = self.session.save_dossier() {
            self.runtime.after_save = None;
            self.fail(
                "Could not save the dossier; your changes are still here",
                &e.to_string(),
            );
            return;
        }
        match self.session.save_to(path) {
            Ok(()) => {
                // Read back: what is on disk now is what this window wrote, whatever form
                // the writer gave it.
                self.disk = Fingerprint::of(path).ok();
                self.prefs.touch(path);
                let also = if dossier_edited {
                    format!(" and the dossier {}", self.session.dossier_name())
                } else {
                    String::new()
                };
                self.runtime.toast = Some(Toast {
                    text: format!("Saved {}{also}", path.display()),
                    ..Default::default()
                });
                if let Some(next) = self.runtime.after_save.take() {
                    self.run(next, true);
                }
            }
            Err(e) => {
                self.runtime.after_save = None;
                self.fail(
                    "Could not save; your changes are still here",
                    &e.to_string(),
                );
            }
        }
    }

    fn export(&mut self, path: &Path) {
        if let Some(input) = self.input_at(path) {
            self.fail(
                "Not exported: the PDF would replace an input",
                &format!(
                    "{}: is the {input} itself\nhint: export to a .pdf file",
                    path.display()
                ),
            );
            return;
        }
        self.session.refresh();
        // The preview's pages, when they are of the brief as it is now: laid out once.
        let laid = self
            .layout
            .laid_for(self.session.revision())
            .map(std::sync::Arc::clone);
        let composed = std::sync::Arc::clone(self.session.composed_shared());
        let findings = self.session.findings().to_vec();
        if self.write_pdf(path, &composed, &findings, laid, "Exported") {
            if let Some(brief) = &self.session.path {
                self.prefs.set_last_export(brief, path);
            }
            // Only the brief's own export is recorded in it; a press copy is not.
            let recorded = self.record_export(pdf::Timestamp::now());
            if let Some(toast) = &mut self.runtime.toast {
                toast.text.push_str(&recorded);
            }
        }
    }

    /// Writes the PDF of `composed` to `path` unless `findings` hold an error, using `laid`
    /// when the pages are laid out already; says how it went. True once written.
    fn write_pdf(
        &mut self,
        path: &Path,
        composed: &crate::compose::Composed,
        findings: &[crate::problem::Finding],
        laid: Option<std::sync::Arc<crate::layout::Laid>>,
        done: &str,
    ) -> bool {
        if let Some(input) = self.input_at(path) {
            self.fail(
                "Not exported: the PDF would replace an input",
                &format!(
                    "{}: is the {input} itself\nhint: export to a .pdf file",
                    path.display()
                ),
            );
            return false;
        }
        let errors: Vec<String> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| {
                f.hint.as_ref().map_or_else(
                    || f.message.clone(),
                    |h| format!("{}\nhint: {h}", f.message),
                )
            })
            .collect();
        if !errors.is_empty() {
            self.fail("Not exported: fix these problems first", &errors.join("\n"));
            return false;
        }
        let now = pdf::Timestamp::now();
        let options = pdf::Options {
            pdfa: false,
            created: Some(now),
        };
        let laid = match laid {
            Some(laid) => Ok(laid),
            None => layout::lay_out(composed).map(std::sync::Arc::new),
        };
        let result = laid.map_err(|e| e.to_string()).and_then(|laid| {
            let bytes = pdf::write(&laid.pages, &options).map_err(|e| e.to_string())?;
            store::write_atomic(path, &bytes)
                .map(|()| laid.pages.count())
                .map_err(|e| e.to_string())
        });
        match result {
            Ok(page_count) => {
                self.runtime.toast = Some(Toast {
                    text: format!("{done} {} ({page_count} pages)", path.display()),
                    pdf: Some(path.to_owned()),
                    copy: None,
                });
                true
            }
            Err(e) => {
                self.fail("Could not export the PDF", &e);
                false
            }
        }
    }

    /// Hands `target` to the system's opener on a thread that waits for it, so no process is
    /// left unreaped and a failure is heard of: see [`App::poll_opening`].
    fn open_with_system(&mut self, target: std::ffi::OsString, shown: String) {
        let done = dialogs::open_with(&self.opener, target);
        self.runtime.opening.push((shown, done));
    }

    /// A file or address the opener could not open: said so, with its path to copy.
    fn poll_opening(&mut self, ctx: &egui::Context) {
        let mut failed = Vec::new();
        self.runtime
            .opening
            .retain(|(shown, done)| match done.try_recv() {
                Ok(Ok(())) | Err(std::sync::mpsc::TryRecvError::Disconnected) => false,
                Ok(Err(e)) => {
                    failed.push((shown.clone(), e));
                    false
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => true,
            });
        if !self.runtime.opening.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if let Some((shown, e)) = failed.pop() {
            self.runtime.toast = Some(Toast {
                text: format!("Nothing could open {shown}: {e}. Open it from your file manager"),
                pdf: None,
                copy: Some(shown),
            });
        }
    }

    /// Records in the brief what the export just written printed, so that changes are told
    /// from it and the badges go. A brief without unsaved changes is saved at once, as
    /// `briefing export` does, changing only its `last_export` lines; otherwise the record
    /// waits for the next Save with the rest. Returns what to add to the export's message.
    fn record_export(&mut self, now: pdf::Timestamp) -> String {
        let clean = !self.session.is_dirty();
        let record = crate::changes::record(
            &self.session.dossier.doc,
            self.session.composed(),
            now.iso(),
        );
        self.session.brief.record_export(record);
        let Some(path) = self.session.path.clone() else {
            return String::new();
        };
        let unchanged_on_disk = self
            .disk
            .as_ref()
            .is_some_and(|d| d.compare(&path) == crate::fingerprint::OnDisk::Same);
        if !clean || !unchanged_on_disk {
            return "; Save keeps the record of what it printed".to_owned();
        }
        match self.session.save_to(&path) {
            Ok(()) => {
                self.disk = Fingerprint::of(&path).ok();
                String::new()
            }
            Err(e) => format!("; the brief could not record what it printed: {e}"),
        }
    }

    fn fail(&mut self, title: &str, message: &str) {
        self.runtime.dialog = Some(Dialog::Error {
            title: title.to_owned(),
            message: message.to_owned(),
        });
    }

    /// Which of the brief's inputs `path` is, compared by canonical path, if any.
    fn input_at(&self, path: &Path) -> Option<&'static str> {
        let is = |input: &Path| crate::fingerprint::same_file(input, path);
        if self.session.path.as_deref().is_some_and(is) {
            return Some("brief");
        }
        let dossier = &self.session.dossier.name;
        (dossier != store::DEFAULT_DOSSIER_NAME && is(Path::new(dossier))).then_some("dossier")
    }

    fn default_export_path(&self) -> Option<PathBuf> {
        let brief = self.session.path.as_ref()?;
        Some(
            self.prefs
                .last_export(brief)
                .map_or_else(|| store::pdf_path_for(brief), Path::to_path_buf),
        )
    }

    /// The folder of the open brief, with a trailing separator, for typed paths.
    fn suggested_dir(&self) -> String {
        let dir = self
            .session
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let mut text = dir.display().to_string();
        if !text.is_empty() && !text.ends_with(std::path::MAIN_SEPARATOR) {
            text.push(std::path::MAIN_SEPARATOR);
        }
        text
    }

    fn clamp_selection(&mut self) {
        if let Selection::Section(i) = self.selection
            && i >= self.session.brief.sections.len()
        {
            self.selection = Selection::Details;
        }
    }

    /// True once the window has been told to close.
    pub fn closing(&self) -> bool {
        self.allow_close
    }

    /// The window title: file name, an unsaved marker, the app.
    pub fn window_title(&self) -> String {
        let marker = if self.session.is_dirty() { "*" } else { "" };
        format!("{marker}{} \u{2014} Briefing", self.session.name())
    }

    /// Handles a click on Browse… in the path dialog.
    fn browse(&self, purpose: PathPurpose, current: &str) -> Option<PathBuf> {
        if !self.native_dialogs {
            return None;
        }
        let current = (!current.is_empty()).then(|| Path::new(current));
        match purpose {
            PathPurpose::Open => dialogs::pick_brief(current),
            PathPurpose::SaveAs => dialogs::save_brief(current),
            PathPurpose::Export => dialogs::save_pdf(current),
            PathPurpose::NewDossier | PathPurpose::ImportTo | PathPurpose::DossierCopy => {
                dialogs::save_dossier(current)
            }
            PathPurpose::Import => dialogs::pick_import(current),
        }
    }

    fn shortcuts(&self, ctx: &egui::Context) -> Vec<Action> {
        if self.runtime.dialog.is_some() {
            return Vec::new();
        }
        // With the preview hidden, Ctrl +/- are left to egui, which zooms the whole window.
        let preview = self.prefs.preview;
        ctx.input_mut(|input| {
            Command::SHORTCUTS
                .iter()
                .filter(|c| preview || !c.is_zoom())
                .filter(|c| {
                    [c.shortcut(), c.other_shortcut()]
                        .into_iter()
                        .flatten()
                        .any(|s| input.consume_shortcut(&s))
                })
                .map(|c| Action::Command(c.clone()))
                .collect()
        })
    }

    fn window_events(ctx: &egui::Context) -> Vec<Action> {
        let dropped = ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()));
        dropped
            .map(|path| Action::Command(Command::OpenPath(path)))
            .into_iter()
            .collect()
    }

    /// A close request with unsaved changes is cancelled and asked about. Here rather than in
    /// `ui`, since eframe runs only `logic` while the window is minimised or hidden.
    fn close_requested(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.allow_close
            && self.session.is_dirty()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.runtime.dialog = Some(Dialog::Unsaved {
                then: Command::Quit,
            });
        }
    }

    fn dialog_ui(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let Some(dialog) = self.runtime.dialog.clone() else {
            return Vec::new();
        };
        let mut outcome = Outcome::Open;
        let mut actions = Vec::new();
        match dialog {
            Dialog::Path {
                purpose,
                mut text,
                mut fallback,
            } => {
                let (o, browse) = modal::path_ui(ctx, purpose, &mut text, fallback.as_deref());
                outcome = o;
                if browse {
                    match self.browse(purpose, &text) {
                        Some(picked) => text = picked.display().to_string(),
                        // rfd says nothing when no dialog could be shown, just as if the
                        // staffer had cancelled: say so, and offer the folder's briefs.
                        None => fallback = Some(briefs_near(&text)),
                    }
                }
                if outcome == Outcome::Confirm {
                    let path = PathBuf::from(text.trim());
                    actions.push(match purpose {
                        PathPurpose::Open => Action::Answer(Answer::OpenChosen(path)),
                        PathPurpose::SaveAs => Action::Command(Command::SaveTo(path)),
                        PathPurpose::Export => Action::Command(Command::ExportTo(path)),
                        PathPurpose::NewDossier => Action::Answer(Answer::NewDossierAt(path)),
                        PathPurpose::Import => Action::Command(Command::ImportFrom(path)),
                        PathPurpose::ImportTo => match self.runtime.importing.take() {
                            Some(from) => {
                                Action::Command(Command::ImportStoryTo { from, to: path })
                            }
                            None => Action::DismissToast,
                        },
                        PathPurpose::DossierCopy => {
                            Action::Command(Command::SaveDossierCopyTo(path))
                        }
                    });
                } else if let Some(Dialog::Path {
                    text: t,
                    fallback: f,
                    ..
                }) = &mut self.runtime.dialog
                {
                    *t = text;
                    *f = fallback;
                }
            }
            Dialog::Unsaved { then } => {
                let name = if self.session.dossier_is_dirty() {
                    format!(
                        "{} and the dossier {}",
                        self.session.name(),
                        self.session.dossier_name()
                    )
                } else {
                    self.session.name()
                };
                let choice = modal::unsaved_ui(ctx, &name);
                match choice {
                    modal::Unsaved::Save => {
                        outcome = Outcome::Confirm;
                        match self.session.path.clone() {
                            Some(path) => {
                                actions.push(Action::Command(Command::SaveTo(path)));
                                self.runtime.after_save = Some(then);
                            }
                            None => {
                                self.runtime.after_save = Some(then);
                                actions.push(Action::Command(Command::SaveAs));
                            }
                        }
                    }
                    modal::Unsaved::Discard => {
                        self.runtime.after_save = None;
                        self.runtime.dialog = None;
                        self.run(then, true);
                        return actions;
                    }
                    modal::Unsaved::Cancel => outcome = Outcome::Cancel,
                    modal::Unsaved::Undecided => {}
                }
            }
            Dialog::Error { title, message } => {
                outcome = modal::error_ui(ctx, &title, &message);
            }
            Dialog::Recover => {
                let Some(found) = self.orphans.first().map(|o| &o.recovery) else {
                    self.runtime.dialog = None;
                    return actions;
                };
                let name = found.path.as_ref().map_or_else(
                    || "an unsaved brief".to_owned(),
                    |p| p.display().to_string(),
                );
                let answer = match modal::recover_ui(ctx, &name, &found.brief.title) {
                    modal::Recover::Undecided => None,
                    modal::Recover::Restore => Some(Answer::Restore),
                    modal::Recover::Discard => Some(Answer::DiscardRecovered),
                    modal::Recover::Later => Some(Answer::KeepRecovered),
                };
                if let Some(answer) = answer {
                    outcome = Outcome::Confirm;
                    actions.push(Action::Answer(answer));
                }
            }
            Dialog::RecoverWhere(unsure) => {
                let name = self
                    .orphans
                    .first()
                    .and_then(|o| o.recovery.path.as_ref())
                    .map_or_else(String::new, |p| p.display().to_string());
                let answer = match modal::recover_where_ui(ctx, &name, unsure) {
                    modal::RestoreWhere::Undecided => None,
                    modal::RestoreWhere::Over => Some(Answer::RestoreOver),
                    modal::RestoreWhere::Untitled => Some(Answer::RestoreUntitled),
                    modal::RestoreWhere::Later => Some(Answer::KeepRecovered),
                };
                if let Some(answer) = answer {
                    outcome = Outcome::Confirm;
                    actions.push(Action::Answer(answer));
                }
            }
            Dialog::ChangedOnDisk { path } => {
                let name = file_name(&path);
                match modal::changed_on_disk_ui(ctx, &name) {
                    modal::Changed::Undecided => {}
                    modal::Changed::Overwrite => {
                        outcome = Outcome::Confirm;
                        actions.push(Action::Answer(Answer::Overwrite(path)));
                    }
                    modal::Changed::SaveAs => {
                        outcome = Outcome::Confirm;
                        actions.push(Action::Command(Command::SaveAs));
                    }
                    modal::Changed::Reload => {
                        outcome = Outcome::Confirm;
                        actions.push(Action::Answer(Answer::Reload(path)));
                    }
                    modal::Changed::Cancel => outcome = Outcome::Cancel,
                }
            }
            Dialog::PressCopy {
                mut text,
                mut keep_bottom_line,
                mut keep_prepared_for,
            } => {
                let marking = self.session.brief.press_marking.clone().unwrap_or_default();
                outcome = modal::press_copy_ui(
                    ctx,
                    &mut text,
                    &mut keep_bottom_line,
                    &mut keep_prepared_for,
                    &marking,
                );
                if outcome == Outcome::Confirm {
                    actions.push(Action::Command(Command::ExportPressTo {
                        path: PathBuf::from(text.trim()),
                        keep_bottom_line,
                        keep_prepared_for,
                    }));
                } else {
                    self.runtime.dialog = Some(Dialog::PressCopy {
                        text,
                        keep_bottom_line,
                        keep_prepared_for,
                    });
                }
            }
            Dialog::ReadOnlyDossier
            | Dialog::Delete { .. }
            | Dialog::ChangeId { .. }
            | Dialog::RenameCategory { .. } => {
                outcome = self.dossier_dialog_ui(ctx, dialog, &mut actions);
            }
            Dialog::Replace { path } => {
                match modal::replace_ui(ctx, &path.display().to_string(), &file_name(&path)) {
                    Outcome::Open => {}
                    Outcome::Confirm => {
                        outcome = Outcome::Confirm;
                        actions.push(Action::Answer(Answer::Overwrite(path)));
                    }
                    Outcome::Cancel => {
                        // Back to the path, to pick another name.
                        self.runtime.dialog = Some(Dialog::Path {
                            purpose: PathPurpose::SaveAs,
                            text: path.display().to_string(),
                            fallback: None,
                        });
                        return actions;
                    }
                }
            }
        }
        if outcome != Outcome::Open {
            // Answered: close it. The actions, applied next, may open the next dialog.
            self.runtime.dialog = None;
            if outcome == Outcome::Cancel {
                self.runtime.after_save = None;
            }
        }
        actions
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut actions = self.shortcuts(&ctx);
        actions.extend(App::window_events(&ctx));
        // Tab from nowhere starts in the editor, not in the menu bar, where Enter would run a
        // command by accident.
        if self.runtime.dialog.is_none()
            && ctx.memory(|m| m.focused().is_none())
            && ctx.input(|i| i.key_pressed(egui::Key::Tab) && i.modifiers.is_none())
        {
            self.runtime.focus = Some(Focus::First);
        }
        self.lay_out(Some(&ctx));

        Panel::top("menu").show(ui, |ui| {
            panels::menu::menu_ui(ui, self, &mut actions);
        });
        let changes = &self.session.composed().changes;
        if panels::changes::shown(changes) {
            Panel::top("changes").show(ui, |ui| {
                panels::changes::changes_ui(ui, changes, &mut actions);
            });
        }
        Panel::bottom("status").show(ui, |ui| {
            panels::status::status_ui(ui, self, &mut actions);
        });
        // Exact widths, the staffer's, clamped to the window: a panel never takes the width
        // its contents last needed, so it cannot creep wider with each click.
        let (sections_width, preview_width) = self.prefs.widths.resolve(ctx.content_rect().width());
        let sections = Panel::left("sections")
            .resizable(false)
            .exact_size(sections_width)
            .show(ui, |ui| {
                let dossier = panels::sections::DossierInfo {
                    dossier: &self.session.dossier.doc,
                    name: self.session.dossier_name(),
                    unsaved: self.session.dossier_is_dirty(),
                };
                panels::sections::sections_ui(
                    ui,
                    &self.session.brief,
                    &dossier,
                    self.selection,
                    &mut actions,
                );
            });
        let rect = sections.response.rect;
        if let Some(width) = widths::resize_handle_ui(
            ui,
            Side::Sections,
            rect.right(),
            rect.y_range(),
            sections_width,
        ) {
            actions.push(Action::ResizePanel {
                side: Side::Sections,
                width,
            });
        }
        if self.prefs.preview {
            let finished = self.layout.finished();
            let input = PreviewInput {
                pages: self.layout.laid().map(|l| &l.pages),
                updating: self.layout.pending(),
                error: finished
                    .and_then(|f| f.result.as_ref().err())
                    .map(String::as_str),
            };
            let preview = &mut self.preview;
            let shown = Panel::right("preview")
                .resizable(false)
                .exact_size(preview_width)
                .show(ui, |ui| {
                    panels::preview::preview_ui(ui, &input, preview, &mut actions);
                });
            let rect = shown.response.rect;
            if let Some(width) = widths::resize_handle_ui(
                ui,
                Side::Preview,
                rect.left(),
                rect.y_range(),
                preview_width,
            ) {
                actions.push(Action::ResizePanel {
                    side: Side::Preview,
                    width,
                });
            }
        }
        let focus = self.runtime.focus.take();
        let reveal = self.reveal.take();
        egui::CentralPanel::default().show(ui, |ui| match self.selection {
            Selection::Details => {
                panels::details::details_ui(ui, &self.session, focus, &mut actions);
            }
            Selection::Section(i) => {
                let reveal = reveal.as_deref();
                panels::editor::editor_ui(ui, &self.session, i, focus, reveal, &mut actions);
            }
            Selection::Dossier(part) => {
                let view = panels::dossier::DossierView {
                    dossier: &self.session.dossier.doc,
                    brief: &self.session.brief,
                    read_only: self.session.dossier_is_built_in(),
                    name: self.session.dossier_name(),
                    part,
                    open: self.open_item.as_deref(),
                    findings: self.session.findings(),
                };
                panels::dossier::dossier_ui(ui, &view, focus, &mut actions);
            }
        });
        if self.runtime.show_problems {
            panels::status::problems_window(
                &ctx,
                &self.session.brief,
                &self.session.dossier.doc,
                self.session.findings(),
                &mut actions,
            );
        }
        if self.runtime.show_budget
            && let Some(laid) = self.layout.laid()
        {
            let budget = self.session.brief.page_budget;
            panels::status::budget_window(&ctx, &laid.pages, budget, &mut self.runtime.show_budget);
        }
        actions.extend(self.dialog_ui(&ctx));

        for action in actions {
            self.apply(action);
        }
        focus_ring(&ctx);
        self.poll_opening(&ctx);
        if let Some(text) = self.runtime.to_clipboard.take() {
            ctx.copy_text(text);
        }
        self.offer_recovered();
        self.keep_recovery_copy();
        if self.allow_close && !self.close_sent {
            ctx.send_viewport_cmd(ViewportCommand::Close);
            self.close_sent = true;
        }
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.close_requested(ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, prefs::KEY, &self.prefs);
    }
}

/// The briefs in the folder a typed path names (or is in), by name, at most fifty.
fn briefs_near(text: &str) -> Vec<PathBuf> {
    let typed = Path::new(text.trim());
    let dir = if typed.is_dir() {
        typed
    } else {
        typed.parent().unwrap_or(Path::new("."))
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(".brief.yaml"))
        })
        .collect();
    found.sort();
    found.truncate(50);
    found
}

/// A ring around the widget with the keyboard focus, in the selection colour, drawn over
/// everything: egui's own marks a focused button only as if pressed, too faint to follow Tab.
fn focus_ring(ctx: &egui::Context) {
    let Some(id) = ctx.memory(|m| m.focused()) else {
        return;
    };
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    let layer = egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("focus-ring"));
    let stroke = egui::Stroke::new(2.0, ctx.global_style().visuals.selection.stroke.color);
    ctx.layer_painter(layer)
        .with_clip_rect(response.interact_rect.expand(4.0))
        .rect_stroke(
            response.rect.expand(2.0),
            3.0,
            stroke,
            egui::StrokeKind::Outside,
        );
}

/// Where the keyboard goes after an edit: into the field a button just created, or, after
/// Backspace removed an empty entry, into the entry before it.
fn focus_after(edit: &Edit, brief: &Brief) -> Option<Focus> {
    let last = |n: usize| n.checked_sub(1);
    match *edit {
        Edit::AddLine { list } => {
            last(super::action::list_of(brief, list).len()).map(|i| Focus::Line(list, i))
        }
        Edit::InsertLine { list, index } => Some(Focus::Line(list, index)),
        Edit::RemoveLine { list, index } => {
            let len = super::action::list_of(brief, list).len();
            (len > 0).then(|| Focus::Line(list, index.saturating_sub(1).min(len - 1)))
        }
        Edit::AddSection { .. } => Some(Focus::Heading),
        Edit::AddSectionAnnotation { section, .. } => brief
            .sections
            .get(section)
            .and_then(|s| last(s.annotations.len()))
            .map(Focus::SectionNote),
        Edit::AddItemAnnotation { .. } => last(brief.annotations.len()).map(Focus::ItemNote),
        _ => None,
    }
}

/// A file name made from a brief's title: "Talks in Geneva: day 2" -> "talks-in-geneva-day-2".
pub fn file_stem_for(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.chars().count() >= 60 {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "untitled".to_owned()
    } else {
        stem.to_owned()
    }
}

/// The file name of `path`, for a dialog's title.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
