//! `briefing new dossier NAME` and `briefing new brief --dossier D NAME`: files that validate,
//! to start a brief on a topic of one's own.

use std::path::{Path, PathBuf};

use super::{Outcome, load_failed, refuse_existing, today};
use crate::model::{BRIEF_VERSION, Brief, DOSSIER_VERSION, Dossier, Section, SectionKind};
use crate::{import::slug::slugify, store};

/// `NAME` with `suffix` added unless it already ends so.
pub fn with_suffix(name: &Path, suffix: &str) -> PathBuf {
    if name.to_string_lossy().ends_with(suffix) {
        name.to_path_buf()
    } else {
        PathBuf::from(format!("{}{suffix}", name.display()))
    }
}

/// The topic as the staffer named it: the file name without its folder and suffix.
fn topic(path: &Path, suffix: &str) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(suffix).unwrap_or(&name);
    let words = stem.replace(['-', '_'], " ");
    let words = words.trim();
    if words.is_empty() {
        "New topic".to_owned()
    } else {
        let mut chars = words.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }
}

/// An empty dossier named for its file.
pub fn dossier(name: &Path, force: bool) -> Outcome {
    let path = with_suffix(name, ".dossier.yaml");
    if let Some(refused) = refuse_existing(&path, force) {
        return refused;
    }
    let title = topic(&path, ".dossier.yaml");
    let id = slugify(&title);
    let dossier = Dossier {
        version: DOSSIER_VERSION,
        id: if id.is_empty() { "dossier".into() } else { id },
        title,
        subtitle: String::new(),
        as_of: today(),
        overview: Vec::new(),
        indicators: Vec::new(),
        people: Vec::new(),
        organizations: Vec::new(),
        timeline: Vec::new(),
        scenarios: Vec::new(),
        precedents: Vec::new(),
        sources: Vec::new(),
    };
    write(&path, store::dossier_to_yaml(&dossier))
}

/// A brief on `dossier_path` with every section of the dossier.
pub fn brief(name: &Path, dossier_path: &Path, force: bool) -> Outcome {
    let path = with_suffix(name, ".brief.yaml");
    let dossier = match store::read_dossier(dossier_path) {
        Ok(d) => d,
        Err(e) => return load_failed(&e),
    };
    if let Some(refused) = refuse_existing(&path, force) {
        return refused;
    }
    let sections = SectionKind::ALL
        .iter()
        .filter(|k| !matches!(k, SectionKind::Notes | SectionKind::Changes))
        .map(|k| Section::new(*k))
        .collect();
    let brief = Brief {
        version: BRIEF_VERSION,
        dossier: Some(relative_to_brief(&path, dossier_path)),
        title: dossier.doc.title.clone(),
        subtitle: String::new(),
        meeting: Default::default(),
        prepared_for: String::new(),
        prepared_by: String::new(),
        marking: String::new(),
        page_size: Default::default(),
        language: "en".to_owned(),
        page_budget: None,
        include_annotations: true,
        press_marking: None,
        sections,
        annotations: Vec::new(),
        last_export: None,
    };
    write(&path, store::brief_to_yaml(&brief))
}

/// The dossier's path as the brief names it: relative to the brief's folder when both are
/// in one folder, otherwise absolute.
fn relative_to_brief(brief: &Path, dossier: &Path) -> String {
    let folder = |p: &Path| {
        p.parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .canonicalize()
            .ok()
    };
    let name = dossier
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match (folder(brief), folder(dossier)) {
        (Some(a), Some(b)) if a == b => name,
        (_, Some(b)) => b.join(name).display().to_string(),
        _ => dossier.display().to_string(),
    }
}

fn write(path: &Path, text: Result<String, serde_yaml::Error>) -> Outcome {
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            err!("briefing: {}: cannot write: {e}", path.display());
            return Outcome::Failed;
        }
    };
    if let Err(e) = store::write_atomic(path, text.as_bytes()) {
        err!("briefing: {e}");
        return Outcome::Failed;
    }
    out!("{}", path.display());
    Outcome::Ok
}
