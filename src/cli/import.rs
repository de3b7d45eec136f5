//! `briefing import FILE -o OUT.dossier.yaml` (a story page becomes a new dossier) and
//! `briefing import FILE --into D.dossier.yaml` (a spreadsheet of events is added to one).

use std::path::Path;

use super::{Outcome, load_failed, refuse_existing, report, same_file, today};
use crate::import::{ReadError, import_events, import_story};
use crate::store;

/// Reads the file to import as text.
fn read(path: &Path) -> Result<String, Outcome> {
    crate::import::read_text(path).map_err(|e| {
        err!("briefing: {e}");
        match e {
            ReadError::NotText(_) => Outcome::Problems,
            ReadError::Unreadable { .. } => Outcome::Failed,
        }
    })
}

/// A story page into a new dossier file.
pub fn story(file: &Path, output: &Path, force: bool) -> Outcome {
    if same_file(file, output) {
        err!(
            "briefing: {}: refusing to write over the file being imported",
            output.display()
        );
        return Outcome::Failed;
    }
    let text = match read(file) {
        Ok(t) => t,
        Err(o) => return o,
    };
    if let Some(refused) = refuse_existing(output, force) {
        return refused;
    }
    let import = match import_story(&text, &file.display().to_string(), today()) {
        Ok(i) => i,
        Err(problems) => {
            report(&problems);
            return Outcome::Problems;
        }
    };
    report(&import.warnings);
    let d = &import.dossier;
    let yaml = match store::dossier_to_yaml(d) {
        Ok(y) => y,
        Err(e) => {
            err!("briefing: {}: cannot write: {e}", output.display());
            return Outcome::Failed;
        }
    };
    if let Err(e) = store::write_atomic(output, yaml.as_bytes()) {
        err!("briefing: {e}");
        return Outcome::Failed;
    }
    let undated = d.timeline.iter().filter(|e| e.undated).count();
    out!(
        "{}: {} indicators, {} people, {} organisations, {} events ({undated} undated), {} scenarios, {} precedents",
        output.display(),
        d.indicators.len(),
        d.people.len(),
        d.organizations.len(),
        d.timeline.len(),
        d.scenarios.len(),
        d.precedents.len()
    );
    if undated > 0 {
        err!(
            "hint: the page gives no dates for {}; `briefing validate {}` lists each event that needs one",
            if undated == d.timeline.len() {
                "its events".to_owned()
            } else {
                format!("{undated} of its events")
            },
            output.display()
        );
    }
    Outcome::Ok
}

/// A CSV or TSV of events into an existing dossier, saved over it changing only what the
/// import added.
pub fn events(file: &Path, into: &Path) -> Outcome {
    if same_file(file, into) {
        err!(
            "briefing: {}: the events to import and the dossier are the same file",
            into.display()
        );
        return Outcome::Failed;
    }
    let text = match read(file) {
        Ok(t) => t,
        Err(o) => return o,
    };
    let loaded = match store::read_dossier(into) {
        Ok(d) => d,
        Err(e) => return load_failed(&e),
    };
    let separator = crate::import::separator_for(file);
    let mut dossier = loaded.doc.clone();
    let import = import_events(&text, &file.display().to_string(), separator, &mut dossier);
    let failed = report(&import.problems);
    if !import.added.is_empty() {
        let saved =
            crate::yaml_patch::to_string_over_with(&loaded.text, &loaded.doc, &dossier, |t| {
                store::parse_dossier(t, "").ok()
            });
        let text = match saved {
            Ok(t) => t,
            Err(e) => {
                err!("briefing: {}: cannot write: {e}", into.display());
                return Outcome::Failed;
            }
        };
        if let Err(e) = store::write_atomic(into, text.as_bytes()) {
            err!("briefing: {e}");
            return Outcome::Failed;
        }
    }
    let left_out = import.problems.iter().filter(|p| p.is_error()).count();
    out!(
        "{}: {} event(s) added, {} new source(s){}",
        into.display(),
        import.added.len(),
        import.new_sources.len(),
        if left_out > 0 {
            format!(", {left_out} row(s) not added (see above)")
        } else {
            String::new()
        }
    );
    if failed {
        Outcome::Problems
    } else {
        Outcome::Ok
    }
}
