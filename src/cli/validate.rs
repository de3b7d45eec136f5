//! `briefing validate FILE`: every problem, each as `file:line:col: message`.

use std::path::Path;

use super::{Outcome, load_failed, report};
use crate::opened::dossier_problems;
use crate::{Opened, Problem, budget, compose, layout, store};

/// The page budget's warning, if the brief sets one and goes over it: found by laying the
/// brief out, as export would.
fn budget_problem(o: &Opened) -> Vec<Problem> {
    if o.brief.doc.page_budget.is_none() {
        return Vec::new();
    }
    let composed = compose(&o.dossier.doc, &o.brief.doc);
    let Ok(laid) = layout::lay_out(&composed) else {
        return Vec::new();
    };
    match budget::over_budget(composed.page_budget, &laid.pages) {
        Some(f) => o.brief.locate(&[&f]),
        None => Vec::new(),
    }
}

/// Validates a brief with its dossier, or a dossier on its own.
pub fn run(path: &Path) -> Outcome {
    // A file is a dossier or a brief by what it holds, not by its name.
    let kind = match store::kind_of(path) {
        Ok(kind) => kind,
        Err(e) => return load_failed(&e),
    };
    let problems = if kind == store::Kind::Dossier {
        match store::read_dossier(path) {
            Ok(d) => dossier_problems(&d),
            Err(e) => return load_failed(&e),
        }
    } else {
        match Opened::open(path) {
            Ok(o) => {
                let mut problems = o.problems();
                if !problems.iter().any(Problem::is_error) {
                    problems.extend(budget_problem(&o));
                }
                problems
            }
            Err(e) => return load_failed(&e),
        }
    };
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    if report(&problems) {
        err!(
            "{}: {errors} error(s), {warnings} warning(s)",
            path.display()
        );
        Outcome::Problems
    } else {
        out!("{}: ok ({warnings} warning(s))", path.display());
        Outcome::Ok
    }
}
