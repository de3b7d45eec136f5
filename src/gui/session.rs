//! The open brief: the document undo covers, where it lives, its dossier, and the composed
//! brief and problems, redone only when the brief changes.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::history::History;
use crate::Opened;
use crate::compose::{Composed, compose};
use crate::model::{BRIEF_VERSION_PLAIN, Brief, Dossier, PageSize, Section, SectionKind};
use crate::problem::Finding;
use crate::store::{self, Loaded, StoreError};
use crate::validate::validate_composed;

/// The marking a new brief starts with.
pub const DEFAULT_MARKING: &str = "INTERNAL \u{2014} FOR MEETING USE ONLY";

/// The brief being edited.
pub struct Session {
    /// The document.
    pub brief: Brief,
    /// Its file; `None` until first saved.
    pub path: Option<PathBuf>,
    /// The dossier it is made from.
    pub dossier: Loaded<Dossier>,
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
    /// The composed brief and its problems, and the brief they were made from.
    derived: (Brief, Arc<Composed>, Vec<Finding>),
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
        let brief = Brief {
            version: BRIEF_VERSION_PLAIN,
            dossier: None,
            title: "Untitled brief".into(),
            subtitle: dossier.doc.title.clone(),
            meeting: Default::default(),
            prepared_for: String::new(),
            prepared_by: String::new(),
            marking: DEFAULT_MARKING.into(),
            page_size: PageSize::A4,
            language: "en".to_owned(),
            page_budget: None,
            include_annotations: true,
            press_marking: None,
            // Every kind of the dossier; notes and changes are the staffer's to add.
            sections: SectionKind::ALL
                .into_iter()
                .filter(|k| !matches!(k, SectionKind::Notes | SectionKind::Changes))
                .map(Section::new)
                .collect(),
            annotations: Vec::new(),
            last_export: None,
        };
        Ok(Session::from_parts(brief, None, dossier))
    }

    /// Opens a brief file and its dossier.
    pub fn open(path: &Path) -> Result<Session, StoreError> {
        let opened = Opened::open(path)?;
        let mut session = Session::from_parts(opened.brief.doc, Some(opened.path), opened.dossier);
        session.saved_text = Some(opened.brief.text);
        Ok(session)
    }

    /// A session on a brief and dossier already in memory.
    pub fn from_parts(brief: Brief, path: Option<PathBuf>, dossier: Loaded<Dossier>) -> Session {
        let derived = derive(&dossier.doc, &brief);
        Session {
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
        next.saved = Brief {
            title: String::new(),
            ..next.brief.clone()
        };
        next
    }

    pub fn is_dirty(&self) -> bool {
        self.brief != self.saved
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
        if let (Some(old), Some(written)) = (old, &brief.dossier) {
            brief.dossier = Some(dossier_field(old, path, written));
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
        brief.version = brief.version.max(self.brief.version);
        self.brief = brief;
    }

    /// Recomposes and revalidates if the brief changed since the last time.
    pub fn refresh(&mut self) {
        if self.derived.0 != self.brief {
            self.derived = derive(&self.dossier.doc, &self.brief);
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
        &self.derived.1
    }

    /// The same, shared: the layout thread gets it without a copy of a long brief.
    pub fn composed_shared(&self) -> &Arc<Composed> {
        &self.derived.1
    }

    /// Every problem in the brief, as of the last [`Session::refresh`].
    pub fn findings(&self) -> &[Finding] {
        &self.derived.2
    }
}

fn derive(dossier: &Dossier, brief: &Brief) -> (Brief, Arc<Composed>, Vec<Finding>) {
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
    (brief.clone(), Arc::new(printable.composed), findings)
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
