//! A brief file opened together with its dossier, checked as one: what the CLI exports and
//! the app edits.

use std::path::{Path, PathBuf};

use crate::model::{Brief, Dossier};
use crate::problem::{Doc, Problem, sorted};
use crate::store::{self, Loaded, StoreError};
use crate::validate;

/// A brief and the dossier it is made from.
#[derive(Debug, Clone)]
pub struct Opened {
    /// Where the brief was read from.
    pub path: PathBuf,
    /// The brief.
    pub brief: Loaded<Brief>,
    /// Its dossier.
    pub dossier: Loaded<Dossier>,
}

impl Opened {
    /// Reads a brief and its dossier.
    pub fn open(path: &Path) -> Result<Opened, StoreError> {
        let brief = store::read_brief(path)?;
        let dossier = store::dossier_for(&brief, path)?;
        Ok(Opened {
            path: path.to_owned(),
            brief,
            dossier,
        })
    }

    /// Every problem in the brief and its dossier, located in their files, errors first.
    pub fn problems(&self) -> Vec<Problem> {
        problems_of(&self.brief, &self.dossier)
    }
}

/// Every problem in a brief and its dossier, located in their files, errors first.
pub fn problems_of(brief: &Loaded<Brief>, dossier: &Loaded<Dossier>) -> Vec<Problem> {
    let composed = crate::compose(&dossier.doc, &brief.doc);
    let findings = validate::validate_composed(&dossier.doc, &brief.doc, &composed);
    let (in_brief, in_dossier): (Vec<_>, Vec<_>) =
        findings.iter().partition(|f| f.doc == Doc::Brief);
    let mut problems = brief.locate(&in_brief);
    problems.extend(dossier.locate(&in_dossier));
    problems.extend(replaced_characters(
        &crate::layout::glyphs::make_printable(composed).missing,
        &[(&brief.name, &brief.text), (&dossier.name, &dossier.text)],
    ));
    sorted(problems)
}

/// A warning for each character the PDF cannot print as it is, at its first place in each
/// file that holds it, so `validate` says before `export` what export will replace.
fn replaced_characters(
    missing: &[crate::layout::glyphs::MissingGlyph],
    files: &[(&String, &String)],
) -> Vec<Problem> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for m in missing {
        if !seen.insert(m.ch) {
            continue;
        }
        let mut found = false;
        for (name, text) in files {
            let Some(at) = text.find(m.ch) else { continue };
            found = true;
            let count = text.matches(m.ch).count();
            let before = &text[..at];
            let line = before.matches('\n').count() + 1;
            let column = before.chars().rev().take_while(|c| *c != '\n').count() + 1;
            let times = if count > 1 {
                format!("; {count} times in this file, the first here")
            } else {
                String::new()
            };
            out.push(Problem {
                severity: crate::problem::Severity::Warning,
                file: (*name).clone(),
                position: Some((line, column)),
                message: format!("{}{times}", m.describe()),
                hint: Some("export replaces it; use a character the fonts have, or keep it and accept the stand-in".into()),
            });
        }
        if let (false, Some((name, _))) = (found, files.first()) {
            out.push(Problem {
                severity: crate::problem::Severity::Warning,
                file: (*name).clone(),
                position: None,
                message: m.describe(),
                hint: None,
            });
        }
    }
    out
}

/// Every problem in a dossier file on its own.
pub fn dossier_problems(dossier: &Loaded<Dossier>) -> Vec<Problem> {
    let findings = validate::validate_dossier(&dossier.doc);
    let refs: Vec<_> = findings.iter().collect();
    sorted(dossier.locate(&refs))
}
