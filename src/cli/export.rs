//! `briefing export BRIEF [-o OUT.pdf] [--no-annotations] [--pdfa]`.

use std::path::Path;

use super::{Outcome, load_failed, report, same_file};
use crate::{Opened, compose, layout, pdf, store};

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
    let options = pdf::Options {
        pdfa,
        created: Some(pdf::Timestamp::now()),
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
    out!(
        "{} ({} pages, {} KB)",
        out.display(),
        laid.pages.count(),
        bytes.len().div_ceil(1024)
    );
    Outcome::Ok
}
