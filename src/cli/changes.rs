//! `briefing changes BRIEF [--json]`: what changed in the dossier since the brief was last
//! exported, as the "Since the last brief" box and the app say it.

use std::path::Path;

use super::{Outcome, load_failed};
use crate::changes::Changes;
use crate::{Opened, compose};

/// Lists the changes on stdout; exit 0 whatever changed, 1 only for a file that cannot be read
/// as a brief (2 if it cannot be read at all).
pub fn run(path: &Path, json: bool) -> Outcome {
    let opened = match Opened::open(path) {
        Ok(o) => o,
        Err(e) => return load_failed(&e),
    };
    let composed = compose(&opened.dossier.doc, &opened.brief.doc);
    let changes = &composed.changes;
    if json {
        let value = serde_json::json!({
            "brief": path.display().to_string(),
            "dossier": opened.dossier.doc.id,
            "dossier_as_of": opened.dossier.doc.as_of,
            "first_brief": changes.since.is_none(),
            "summary": changes.since.as_ref().map(|_| changes.summary()),
            "since": changes.since,
            "new": changes.new,
            "changed": changes.changed,
            "removed": changes.removed,
        });
        out!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    } else {
        for line in text(changes, &composed) {
            out!("{line}");
        }
    }
    Outcome::Ok
}

/// The listing, line by line.
fn text(changes: &Changes, composed: &crate::Composed) -> Vec<String> {
    let Some(since) = &changes.since else {
        return vec![
            "First brief on this dossier: no earlier export is recorded in the brief".into(),
        ];
    };
    let when = since
        .day
        .map_or_else(|| since.at.clone(), |d| d.display_short());
    let mut lines = vec![format!(
        "Since the last export ({when}; dossier as of {}): {}",
        since.dossier_as_of.display_short(),
        changes.summary()
    )];
    let heading = |index: usize| {
        composed
            .sections
            .iter()
            .find(|s| s.index == index)
            .map(|s| format!("  [{} {}]", s.number, s.heading))
            .unwrap_or_default()
    };
    for c in &changes.new {
        lines.push(format!("new      {}{}", c.text(), heading(c.section)));
    }
    for c in &changes.changed {
        lines.push(format!("changed  {}{}", c.text(), heading(c.section)));
    }
    for r in &changes.removed {
        lines.push(format!("removed  {}", r.text()));
    }
    lines
}
