//! `briefing export BRIEF [-o OUT.pdf] [--no-annotations]`.

use std::path::Path;

use super::{Outcome, load_failed, report};
use crate::{Opened, compose, layout, store};

/// Exports a brief; problems go to stderr, the written path to stdout.
pub fn run(brief_path: &Path, output: Option<&Path>, no_annotations: bool) -> Outcome {
    let mut opened = match Opened::open(brief_path) {
        Ok(o) => o,
        Err(e) => return load_failed(&e),
    };
    if report(&opened.problems()) {
        eprintln!("briefing: not exported: fix the errors above first");
        return Outcome::Problems;
    }
    if no_annotations {
        opened.brief.doc.include_annotations = false;
    }
    let composed = compose(&opened.dossier.doc, &opened.brief.doc);
    let rendered = match layout::render(&composed) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("briefing: {}: {e}", brief_path.display());
            return Outcome::Failed;
        }
    };
    for m in &rendered.missing {
        eprintln!("{}: warning: {}", brief_path.display(), m.describe());
    }
    let out = output.map_or_else(|| store::pdf_path_for(brief_path), Path::to_path_buf);
    if let Err(e) = store::write_atomic(&out, &rendered.bytes) {
        eprintln!("briefing: {e}");
        return Outcome::Failed;
    }
    println!(
        "{} ({} pages, {} KB)",
        out.display(),
        rendered.pages,
        rendered.bytes.len().div_ceil(1024)
    );
    Outcome::Ok
}
