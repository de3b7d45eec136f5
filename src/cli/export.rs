//! `briefing export BRIEF [-o OUT.pdf] [--no-annotations]`.

use std::path::{Path, PathBuf};

use super::{Outcome, load_failed, report};
use crate::{Opened, compose, pdf, store};

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
    let rendered = match pdf::render(&composed) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("briefing: {}: {e}", brief_path.display());
            return Outcome::Failed;
        }
    };
    let out = output.map_or_else(|| default_output(brief_path), Path::to_path_buf);
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

/// `x.brief.yaml` -> `x.pdf`, in the same folder.
pub fn default_output(brief: &Path) -> PathBuf {
    let name = brief
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = [".brief.yaml", ".brief.yml", ".yaml", ".yml"]
        .iter()
        .find_map(|ext| name.strip_suffix(ext))
        .unwrap_or(&name);
    let stem = if stem.is_empty() { "brief" } else { stem };
    brief.with_file_name(format!("{stem}.pdf"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_sits_beside_the_brief() {
        assert_eq!(
            default_output(Path::new("briefs/a.brief.yaml")),
            Path::new("briefs/a.pdf")
        );
        assert_eq!(default_output(Path::new("x.yml")), Path::new("x.pdf"));
    }
}
