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
    let findings = validate::validate(&dossier.doc, &brief.doc);
    let (in_brief, in_dossier): (Vec<_>, Vec<_>) =
        findings.iter().partition(|f| f.doc == Doc::Brief);
    let mut problems = brief.locate(&in_brief);
    problems.extend(dossier.locate(&in_dossier));
    sorted(problems)
}

/// Every problem in a dossier file on its own.
pub fn dossier_problems(dossier: &Loaded<Dossier>) -> Vec<Problem> {
    let findings = validate::validate_dossier(&dossier.doc);
    let refs: Vec<_> = findings.iter().collect();
    sorted(dossier.locate(&refs))
}
