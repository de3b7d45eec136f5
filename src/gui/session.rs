//! The open brief: the document undo covers, where it lives, its dossier, and the composed
//! brief and problems, redone only when the brief changes.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::history::{EditKind, History, Snapshot};
use crate::Opened;
use crate::compose::{Composed, compose};
use crate::model::{Brief, Dossier};
use crate::problem::Finding;
use crate::store::{self, Loaded, StoreError};
use crate::validate::validate_composed;

/// The brief being edited.
pub struct Session {
    /// The document.
    pub brief: Brief,
    /// Its file; `None` until first saved.
    pub path: Option<PathBuf>,
    /// The dossier it is made from, with the staffer's edits.
    pub dossier: Loaded<Dossier>,
    /// The dossier's file; `None` for the built-in dossier, which cannot be changed.
    pub dossier_file: Option<PathBuf>,
    /// The dossier as its file holds it: as read, then as last saved. `dossier.text` is that
    /// file's text, so a save changes only the lines of what changed.
    dossier_saved: Dossier,
    /// The dossier's file as this window last read or wrote it: a save checks it first.
    dossier_disk: Option<crate::fingerprint::Fingerprint>,
    /// Counts changes to the dossier, so the composition is redone after each.
    dossier_revision: u64,
    /// Undo and redo.
    pub history: History,
    /// For a brief started from another (a template over its dossier, or "New brief from
    /// this one"): that brief's file, against which a relative `dossier:` is resolved until
    /// the new brief is saved.
    origin: Option<PathBuf>,
    /// The brief as its file holds it: as read, then as last saved.
    saved: Brief,
    /// The text of that file, so a save changes only the lines of what changed since.
    saved_text: Option<String>,
    /// The composed brief and its problems, and the brief and dossier revision they were
    /// made from.
    derived: (Brief, u64, Arc<Composed>, Vec<Finding>),
    /// Which composition `derived` holds; see [`Session::revision`].
    revision: u64,
}

/// Revisions are counted across sessions, so pages of a brief closed a moment ago are never
/// taken for pages of the one opened after it.
static REVISIONS: AtomicU64 = AtomicU64::new(1);

fn next_revision() -> u64 {
    REVISIONS.fetch_add(1, Ordering::Relaxed)
}

impl Session {
    /// A new brief over the built-in dossier, with every section.
    pub fn new_default() -> Result<Session, StoreError> {
        let dossier = store::default_dossier()?;
        let brief = crate::start::brief_on(&dossier.doc, None);
        Ok(Session::from_parts(brief, None, dossier))
    }

    /// Opens a brief file and its dossier.
    pub fn open(path: &Path) -> Result<Session, StoreError> {
        let opened = Opened::open(path)?;
        let dossier_file = opened
            .brief
            .doc
            .dossier
            .as_deref()
            .map(|field| store::dossier_path(&opened.path, field));
        let mut session = Session::from_parts(opened.brief.doc, Some(opened.path), opened.dossier);
        session.saved_text = Some(opened.brief.text);
        session.dossier_disk = dossier_file
            .as_deref()
            .and_then(|p| crate::fingerprint::Fingerprint::of(p).ok());
        session.dossier_file = dossier_file;
        Ok(session)
    }

    /// A new brief on the dossier file `path` (made or imported a moment ago), read from it.
    pub fn on_dossier_file(path: &Path) -> Result<Session, StoreError> {
        let dossier = store::read_dossier(path)?;
        let field = std::path::absolute(path)
            .unwrap_or_else(|_| path.to_owned())
            .display()
            .to_string();
        let brief = crate::start::brief_on(&dossier.doc, Some(field));
        let mut session = Session::from_parts(brief, None, dossier);
        session.dossier_disk = crate::fingerprint::Fingerprint::of(path).ok();
        session.dossier_file = Some(path.to_owned());
        Ok(session)
    }

    /// A session on a brief and dossier already in memory.
    pub fn from_parts(brief: Brief, path: Option<PathBuf>, dossier: Loaded<Dossier>) -> Session {
        let derived = derive(&dossier.doc, &brief, 0);
        Session {
            dossier_saved: dossier.doc.clone(),
            dossier_file: None,
            dossier_disk: None,
            dossier_revision: 0,
            saved: brief.clone(),
            saved_text: None,
            brief,
            path,
            dossier,
            history: History::default(),
            origin: None,
            derived,
            revision: next_revision(),
        }
    }

    /// True when the brief differs from its file.
    /// A new, unsaved brief over this session's dossier, its `dossier:` still read relative
    /// to this brief's file until it is saved elsewhere. Unsaved from the start, so closing
    /// it asks.
    pub fn started_from(&self, brief: Brief) -> Session {
        let mut next = Session::from_parts(brief, None, self.dossier.clone());
        next.origin = self.path.clone().or_else(|| self.origin.clone());
        next.dossier_file = self.dossier_file.clone();
        next.dossier_saved = self.dossier_saved.clone();
        next.dossier_disk = self.dossier_disk;
        next.saved = Brief {
            title: String::new(),
            ..next.brief.clone()
        };
        next
    }

    pub fn is_dirty(&self) -> bool {
        self.brief != self.saved || self.dossier_is_dirty()
    }

    /// True when the dossier differs from its file.
    pub fn dossier_is_dirty(&self) -> bool {
        self.dossier.doc != self.dossier_saved
    }

    /// True for the built-in dossier, which is read only: edits need a copy of it first.
    pub fn dossier_is_built_in(&self) -> bool {
        self.dossier_file.is_none()
    }

    /// The dossier file's name, or "the built-in dossier".
    pub fn dossier_name(&self) -> String {
        self.dossier_file
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || "the built-in dossier".into(),
                |n| n.to_string_lossy().into_owned(),
            )
    }

    /// Applies a dossier edit (and its part in the brief) as one undo step. Refused, with
    /// nothing changed, on the built-in dossier and when the edit itself is refused.
    pub fn edit_dossier(
        &mut self,
        edit: &crate::edit::Edit,
        kind: EditKind,
    ) -> Result<crate::edit::Applied, String> {
        if self.dossier_is_built_in() {
            return Err("the built-in dossier cannot be changed; save a copy of it first".into());
        }
        let before = Snapshot {
            brief: self.brief.clone(),
            dossier: Some(self.dossier.doc.clone()),
        };
        let applied = crate::edit::apply(&mut self.dossier.doc, &mut self.brief, edit)
            .map_err(|e| e.to_string())?;
        if Some(&self.dossier.doc) != before.dossier.as_ref() || self.brief != before.brief {
            self.history.record(before, kind);
            self.dossier_revision += 1;
        }
        Ok(applied)
    }

    /// Puts `dossier` in place of the open one as one undo step: for an import, made by the
    /// core on a copy. Refused on the built-in dossier.
    pub fn replace_dossier(&mut self, dossier: Dossier) -> Result<(), String> {
        if self.dossier_is_built_in() {
            return Err("the built-in dossier cannot be changed; save a copy of it first".into());
        }
        if dossier != self.dossier.doc {
            let before = Snapshot {
                brief: self.brief.clone(),
                dossier: Some(std::mem::replace(&mut self.dossier.doc, dossier)),
            };
            self.history.record(before, EditKind::Other);
            self.dossier_revision += 1;
        }
        Ok(())
    }

    /// Counts the dossier's changes in this session: equal counts, the same dossier.
    pub fn dossier_revision(&self) -> u64 {
        self.dossier_revision
    }

    /// Puts a snapshot from undo or redo in place of the documents.
    pub fn restore(&mut self, snapshot: Snapshot) {
        self.replace_brief_keeping_record(snapshot.brief);
        if let Some(dossier) = snapshot.dossier {
            self.dossier.doc = dossier;
            self.dossier_revision += 1;
        }
    }

    /// Takes back the last step; false if there was none.
    pub fn undo(&mut self) -> bool {
        match self.history.undo(&self.brief, &self.dossier.doc) {
            Some(previous) => {
                self.restore(previous);
                true
            }
            None => false,
        }
    }

    /// Puts back what undo took back; false if there was nothing.
    pub fn redo(&mut self) -> bool {
        match self.history.redo(&self.brief, &self.dossier.doc) {
            Some(next) => {
                self.restore(next);
                true
            }
            None => false,
        }
    }

    /// Saves the dossier's edits to its file, atomically, changing only the lines of what
    /// changed; nothing to do when it has none. Refused when the file changed on disk since it
    /// was read or saved here, so another's edits are never overwritten unseen.
    pub fn save_dossier(&mut self) -> Result<(), StoreError> {
        if !self.dossier_is_dirty() {
            return Ok(());
        }
        let Some(path) = self.dossier_file.clone() else {
            return Err(StoreError::Write {
                path: self.dossier.name.clone(),
                source: std::io::Error::other(
                    "the built-in dossier cannot be changed; save a copy of it first",
                ),
            });
        };
        if let Some(disk) = &self.dossier_disk
            && disk.compare(&path) != crate::fingerprint::OnDisk::Same
        {
            return Err(StoreError::Write {
                path: path.display().to_string(),
                source: std::io::Error::other(
                    "the dossier changed on disk since this window read it; your edits are \
                     still here: use File \u{2192} Save a copy of the dossier as\u{2026} to keep them",
                ),
            });
        }
        self.write_dossier(&path)
    }

    /// Writes the dossier, edits and all, to `path`, and edits go there from now on: the
    /// brief's `dossier:` names it (relative to the brief's folder when it has one). The
    /// original file is left as it is.
    pub fn save_dossier_copy(&mut self, path: &Path) -> Result<(), StoreError> {
        self.write_dossier(path)?;
        let field = match self.path.as_ref().or(self.origin.as_ref()) {
            Some(brief) => relative_to(path, brief),
            None => std::path::absolute(path)
                .unwrap_or_else(|_| path.to_owned())
                .display()
                .to_string(),
        };
        self.brief.dossier = Some(field);
        self.dossier_file = Some(path.to_owned());
        self.dossier.name = path.display().to_string();
        Ok(())
    }

    fn write_dossier(&mut self, path: &Path) -> Result<(), StoreError> {
        let text = crate::yaml_patch::to_string_over_with(
            &self.dossier.text,
            &self.dossier_saved,
            &self.dossier.doc,
            |t| store::parse_dossier(t, "").ok(),
        )
        .map_err(|e| StoreError::Write {
            path: path.display().to_string(),
            source: std::io::Error::other(e),
        })?;
        store::write_atomic(path, text.as_bytes())?;
        self.dossier.text = text;
        self.dossier_saved = self.dossier.doc.clone();
        self.dossier_disk = crate::fingerprint::Fingerprint::of(path).ok();
        Ok(())
    }

    /// The file name, or "Untitled".
    pub fn name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| "Untitled".into(), |n| n.to_string_lossy().into_owned())
    }

    /// Saves to `path` atomically, changing only the lines of the file that changed; a
    /// relative dossier path is rewritten only if it no longer points at the same dossier from
    /// the new folder.
    pub fn save_to(&mut self, path: &Path) -> Result<(), StoreError> {
        let mut brief = self.brief.clone();
        let old = self.path.as_ref().or(self.origin.as_ref());
        match (old, &brief.dossier) {
            (Some(old), Some(written)) => brief.dossier = Some(dossier_field(old, path, written)),
            // A dossier named by its absolute path (a brief started on a new dossier) is
            // named relative to the brief's folder, so the two can move together.
            (None, Some(written)) if Path::new(written).is_absolute() => {
                brief.dossier = Some(relative_to(Path::new(written), path));
            }
            _ => {}
        }
        let previous = self.saved_text.as_deref().map(|text| (text, &self.saved));
        let text = store::save_brief_over(path, &brief, previous)?;
        self.saved_text = Some(text);
        self.brief = brief;
        self.saved = self.brief.clone();
        self.path = Some(path.to_owned());
        Ok(())
    }

    /// Puts `brief` in place of the open one (an undo or redo), keeping the record of the last
    /// export: undo takes back edits, not exports, and badges must not come back.
    pub fn replace_brief_keeping_record(&mut self, mut brief: Brief) {
        brief.last_export = self.brief.last_export.clone();
        // Which dossier file the brief is on changes with a copy saved, not with undo.
        brief.dossier = self.brief.dossier.clone();
        brief.version = brief.version.max(self.brief.version);
        self.brief = brief;
    }

    /// Recomposes and revalidates if the brief changed since the last time.
    pub fn refresh(&mut self) {
        if self.derived.0 != self.brief || self.derived.1 != self.dossier_revision {
            self.derived = derive(&self.dossier.doc, &self.brief, self.dossier_revision);
            self.revision = next_revision();
        }
    }

    /// Names the composed brief: it changes whenever [`Session::refresh`] recomposes, and no
    /// two compositions in a run share one. The layout thread's pages carry it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The composed brief, as of the last [`Session::refresh`].
    pub fn composed(&self) -> &Composed {
        &self.derived.2
    }

    /// The same, shared: the layout thread gets it without a copy of a long brief.
    pub fn composed_shared(&self) -> &Arc<Composed> {
        &self.derived.2
    }

    /// Every problem in the brief, as of the last [`Session::refresh`].
    pub fn findings(&self) -> &[Finding] {
        &self.derived.3
    }
}

fn derive(
    dossier: &Dossier,
    brief: &Brief,
    revision: u64,
) -> (Brief, u64, Arc<Composed>, Vec<Finding>) {
    let composed = compose(dossier, brief);
    let mut findings = validate_composed(dossier, brief, &composed);
    // The window shows what the PDF will print, replacements included, and lists them.
    let printable = crate::layout::glyphs::make_printable(composed);
    findings.extend(printable.missing.iter().map(|m| {
        Finding::warning(
            crate::problem::Doc::Brief,
            crate::problem::YamlPath::root(),
            m.describe(),
        )
    }));
    (
        brief.clone(),
        revision,
        Arc::new(printable.composed),
        findings,
    )
}

/// The `dossier` field of a brief moving from `old` to `new`: as written while it still
/// names the same file from the new folder (a mailed copy keeps its relative path), else
/// the dossier's path relative to the new folder.
fn dossier_field(old: &Path, new: &Path, written: &str) -> String {
    let dossier = store::dossier_path(old, written);
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
    let from_new = store::dossier_path(new, written);
    let same = match (
        std::fs::canonicalize(&dossier),
        std::fs::canonicalize(&from_new),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => absolute(&dossier) == absolute(&from_new),
    };
    if same {
        written.to_owned()
    } else {
        relative_to(&dossier, new)
    }
}

/// `target` as a path relative to the folder of `brief`, when one exists.
fn relative_to(target: &Path, brief: &Path) -> String {
    // A bare file name's parent is "", which `absolute` refuses: it is the current folder.
    let folder = match brief.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
    pathdiff::diff_paths(absolute(target), absolute(folder))
        .unwrap_or_else(|| absolute(target))
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "principal-premeeting.brief.yaml";
    const DOSSIER: &str = "ukraine-peace-push.dossier.yaml";

    /// A copy of a sample brief and its dossier in a fresh folder.
    fn copied() -> (tempfile::TempDir, PathBuf, String) {
        let dir = tempfile::tempdir().unwrap();
        for name in [SAMPLE, DOSSIER] {
            std::fs::copy(store::briefs_dir_sample(name), dir.path().join(name)).unwrap();
        }
        let path = dir.path().join(SAMPLE);
        let text = std::fs::read_to_string(&path).unwrap();
        (dir, path, text)
    }

    #[test]
    fn saving_unchanged_leaves_the_file_byte_for_byte() {
        let (_dir, path, text) = copied();
        let mut session = Session::open(&path).unwrap();
        session.save_to(&path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }

    #[test]
    fn saves_change_only_their_own_lines_one_after_another() {
        let (_dir, path, text) = copied();
        let mut session = Session::open(&path).unwrap();
        session.brief.sections[1]
            .items
            .as_mut()
            .unwrap()
            .push("ind-energy".into());
        session.save_to(&path).unwrap();
        session.brief.title = "Second save".into();
        session.save_to(&path).unwrap();
        let after = std::fs::read_to_string(&path).unwrap();
        let changed: Vec<_> = text
            .lines()
            .zip(after.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(text.lines().count(), after.lines().count());
        assert_eq!(changed.len(), 2, "{changed:?}");
        assert!(after.contains("items: [ind-territory, ind-casualties, ind-energy]\n"));
        assert!(after.contains("\ntitle: \"Second save\"\n"));
        assert!(!session.is_dirty());
    }

    #[test]
    fn save_as_elsewhere_points_the_dossier_back() {
        let (dir, path, _) = copied();
        let mut session = Session::open(&path).unwrap();
        let elsewhere = dir.path().join("sub").join(SAMPLE);
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        session.save_to(&elsewhere).unwrap();
        let text = std::fs::read_to_string(&elsewhere).unwrap();
        assert!(
            text.contains(&format!("\ndossier: ../{DOSSIER}\n")),
            "{text}"
        );
        assert!(text.starts_with("# yaml-language-server"));
        assert!(Session::open(&elsewhere).is_ok());
    }

    #[test]
    fn a_bare_file_name_keeps_its_dossier_as_written() {
        // Tests run in the crate's folder: "x.brief.yaml" there has the parent "".
        let written = "briefs/ukraine-peace-push.dossier.yaml";
        let bare = Path::new("x.brief.yaml");
        assert_eq!(dossier_field(bare, bare, written), written);
        // Moved from a folder to a bare name, the path is relative, not absolute.
        assert_eq!(
            dossier_field(Path::new("briefs/x.brief.yaml"), bare, DOSSIER),
            written
        );
        assert_eq!(relative_to(Path::new(written), bare), written);
    }
}
