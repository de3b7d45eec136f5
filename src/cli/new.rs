//! `briefing new dossier NAME` and `briefing new brief --dossier D NAME`: files that validate,
//! to start a brief on a topic of one's own.

use std::path::Path;

use super::{Outcome, load_failed, refuse_existing};
use crate::start::{self, BRIEF_SUFFIX, DOSSIER_SUFFIX, with_suffix};
use crate::store;

/// An empty dossier named for its file.
pub fn dossier(name: &Path, force: bool) -> Outcome {
    let path = with_suffix(name, DOSSIER_SUFFIX);
    if let Some(refused) = refuse_existing(&path, force) {
        return refused;
    }
    let dossier = start::dossier_for_file(&path);
    write(&path, store::dossier_to_yaml(&dossier))
}

/// A brief on `dossier_path` with every section of the dossier.
pub fn brief(name: &Path, dossier_path: &Path, force: bool) -> Outcome {
    let path = with_suffix(name, BRIEF_SUFFIX);
    let dossier = match store::read_dossier(dossier_path) {
        Ok(d) => d,
        Err(e) => return load_failed(&e),
    };
    if let Some(refused) = refuse_existing(&path, force) {
        return refused;
    }
    let mut brief = start::brief_on(&dossier.doc, Some(relative_to_brief(&path, dossier_path)));
    brief.title = dossier.doc.title.clone();
    brief.subtitle = String::new();
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
