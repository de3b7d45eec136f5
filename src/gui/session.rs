//! The open brief: the document undo covers, where it lives, its dossier, and the composed
//! brief and problems, redone only when the brief changes.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::history::History;
use crate::Opened;
use crate::compose::{Composed, compose};
use crate::model::{BRIEF_VERSION, Brief, Dossier, PageSize, Section, SectionKind};
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
    saved: Brief,
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
            version: BRIEF_VERSION,
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
            // Every kind of the dossier; notes are the staffer's to add.
            sections: SectionKind::ALL
                .into_iter()
                .filter(|k| *k != SectionKind::Notes)
                .map(Section::new)
                .collect(),
            annotations: Vec::new(),
        };
        Ok(Session::from_parts(brief, None, dossier))
    }

    /// Opens a brief file and its dossier.
    pub fn open(path: &Path) -> Result<Session, StoreError> {
        let opened = Opened::open(path)?;
        Ok(Session::from_parts(
            opened.brief.doc,
            Some(opened.path),
            opened.dossier,
        ))
    }

    /// A session on a brief and dossier already in memory.
    pub fn from_parts(brief: Brief, path: Option<PathBuf>, dossier: Loaded<Dossier>) -> Session {
        let derived = derive(&dossier.doc, &brief);
        Session {
            saved: brief.clone(),
            brief,
            path,
            dossier,
            history: History::default(),
            derived,
            revision: next_revision(),
        }
    }

    /// True when the brief differs from its file.
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

    /// Saves to `path` atomically; a relative dossier path is rewritten to still point at the
    /// same dossier from the new folder.
    pub fn save_to(&mut self, path: &Path) -> Result<(), StoreError> {
        let mut brief = self.brief.clone();
        if let (Some(old), Some(relative)) = (&self.path, &brief.dossier) {
            let dossier = store::dossier_path(old, relative);
            brief.dossier = Some(relative_to(&dossier, path));
        }
        store::save_brief(path, &brief)?;
        self.brief = brief;
        self.saved = self.brief.clone();
        self.path = Some(path.to_owned());
        Ok(())
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

/// `target` as a path relative to the folder of `brief`, when one exists.
fn relative_to(target: &Path, brief: &Path) -> String {
    let folder = brief.parent().unwrap_or(Path::new("."));
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
    pathdiff::diff_paths(absolute(target), absolute(folder))
        .unwrap_or_else(|| absolute(target))
        .to_string_lossy()
        .into_owned()
}
