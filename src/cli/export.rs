//! `briefing export BRIEF [-o OUT.pdf] [--no-annotations] [--pdfa]`.

use std::path::Path;

use super::{Outcome, load_failed, report, same_file};
use crate::model::Brief;
use crate::{Composed, Opened, changes, compose, layout, pdf, store};

/// Exports a brief; problems go to stderr, the written path to stdout.
pub fn run(brief_path: &Path, output: Option<&Path>, no_annotations: bool, pdfa: bool) -> Outcome {
    let mut opened = match Opened::open(brief_path) {
        Ok(o) => o,
        Err(e) => return load_failed(&e),
    };
    if report(&opened.problems()) {
        err!("briefing: not exported: fix the errors above first");
        return Outcome::Problems;
    }
    // The brief as read: what the record is added to, whatever this export leaves out.
    let as_read = opened.brief.doc.clone();
    if no_annotations {
        opened.brief.doc.include_annotations = false;
    }
    let composed = compose(&opened.dossier.doc, &opened.brief.doc);
    let laid = match layout::lay_out(&composed) {
        Ok(l) => l,
        Err(e) => {
            err!("briefing: {}: {e}", brief_path.display());
            return Outcome::Failed;
        }
    };
    for m in &laid.missing {
        err!("{}: warning: {}", brief_path.display(), m.describe());
    }
    let now = pdf::Timestamp::now();
    let options = pdf::Options {
        pdfa,
        created: Some(now),
    };
    let bytes = match pdf::write(&laid.pages, &options) {
        Ok(b) => b,
        Err(e) => {
            err!("briefing: {}: {e}", brief_path.display());
            return Outcome::Failed;
        }
    };
    let out = output.map_or_else(|| store::pdf_path_for(brief_path), Path::to_path_buf);
    let inputs = [
        Some(brief_path.to_path_buf()),
        opened
            .brief
            .doc
            .dossier
            .as_ref()
            .map(|d| store::dossier_path(brief_path, d)),
    ];
    if let Some(input) = inputs.iter().flatten().find(|i| same_file(i, &out)) {
        err!(
            "briefing: {}: refusing to write the PDF over {}, an input of this export",
            out.display(),
            input.display()
        );
        err!(
            "hint: choose another name with -o, e.g. {}",
            store::pdf_path_for(brief_path).display()
        );
        return Outcome::Failed;
    }
    if let Err(e) = store::write_atomic(&out, &bytes) {
        err!("briefing: {e}");
        return Outcome::Failed;
    }
    // Only now that the PDF is written: a failed export leaves the brief as it was.
    record(&opened, &as_read, &composed, now);
    out!(
        "{} ({} pages, {} KB)",
        out.display(),
        laid.pages.count(),
        bytes.len().div_ceil(1024)
    );
    Outcome::Ok
}

/// Records in the brief what this export printed, changing only its `last_export` lines (and
/// `version`, the first time). A brief that cannot be written (read-only, a folder one may
/// not write to) still has its PDF: the staffer is warned, and the export stands.
fn record(opened: &Opened, as_read: &Brief, composed: &Composed, now: pdf::Timestamp) {
    let mut brief = as_read.clone();
    brief.record_export(changes::record(&opened.dossier.doc, composed, now.iso()));
    // Someone may have saved the brief while the PDF was made (the app, an editor): writing
    // the text read, plus the record, would undo their work. Only an unchanged file is written.
    let read = opened.brief.text.as_bytes();
    let changed = std::fs::read(&opened.path).is_ok_and(|on_disk| {
        on_disk != read && on_disk.strip_prefix(b"\xEF\xBB\xBF") != Some(read)
    });
    if changed {
        err!(
            "{}: warning: the PDF is written, but the brief changed on disk during the export, so it does not record what it printed",
            opened.path.display()
        );
        err!("hint: export again to record it");
        return;
    }
    let previous = Some((opened.brief.text.as_str(), as_read));
    if let Err(e) = store::save_brief_over(&opened.path, &brief, previous) {
        let reason = match &e {
            store::StoreError::Write { source, .. } | store::StoreError::Read { source, .. } => {
                source.to_string()
            }
            store::StoreError::Invalid(_) => e.to_string(),
        };
        err!(
            "{}: warning: the PDF is written, but the brief could not record what it printed: {reason}",
            opened.path.display()
        );
        err!(
            "hint: make the brief writable and export again; until then `briefing changes` compares with the export before"
        );
    }
}
