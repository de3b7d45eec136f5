//! Undo as snapshots: a brief is small, so each step stores the whole brief, and the whole
//! dossier too when the step changed it (a dossier edit, which may also change the brief).
//! Consecutive edits of one text field merge into one step, so undo takes back a phrase, not
//! a keystroke.

use crate::model::{Brief, Dossier};

/// The documents as they were before a step.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The brief.
    pub brief: Brief,
    /// The dossier, when the step changed it.
    pub dossier: Option<Dossier>,
}

impl Snapshot {
    /// Before an edit of the brief alone.
    pub fn brief(brief: &Brief) -> Snapshot {
        Snapshot {
            brief: brief.clone(),
            dossier: None,
        }
    }
}

const CAP: usize = 100;

/// What an edit touched, to decide whether it merges with the one before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditKind {
    /// Typing in one text field, named by a stable key.
    Typing(String),
    /// Anything else: its own step.
    Other,
}

/// The undo and redo stacks.
#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    last: Option<EditKind>,
}

impl History {
    /// Records the state before an edit of `kind`.
    pub fn record(&mut self, before: Snapshot, kind: EditKind) {
        let merges = matches!(&kind, EditKind::Typing(_)) && self.last.as_ref() == Some(&kind);
        if !merges {
            self.undo.push(before);
            if self.undo.len() > CAP {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last = Some(kind);
    }

    /// Ends the current typing run, so the next keystroke starts a new step.
    pub fn break_merge(&mut self) {
        self.last = None;
    }

    /// The state to go back to, given the current one.
    pub fn undo(&mut self, brief: &Brief, dossier: &Dossier) -> Option<Snapshot> {
        let previous = self.undo.pop()?;
        self.redo.push(current(&previous, brief, dossier));
        self.last = None;
        Some(previous)
    }

    /// The state to go forward to, given the current one.
    pub fn redo(&mut self, brief: &Brief, dossier: &Dossier) -> Option<Snapshot> {
        let next = self.redo.pop()?;
        self.undo.push(current(&next, brief, dossier));
        self.last = None;
        Some(next)
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

/// The state now, holding the dossier when the step `other` is about it.
fn current(other: &Snapshot, brief: &Brief, dossier: &Dossier) -> Snapshot {
    Snapshot {
        brief: brief.clone(),
        dossier: other.dossier.as_ref().map(|_| dossier.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse_brief;

    fn brief(title: &str) -> Brief {
        parse_brief(&format!("version: 1\ntitle: {title}\nsections: []\n"), "t").unwrap()
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let d = crate::store::default_dossier().unwrap().doc;
        let mut h = History::default();
        h.record(
            Snapshot::brief(&brief("A")),
            EditKind::Typing("title".into()),
        );
        h.record(
            Snapshot::brief(&brief("AB")),
            EditKind::Typing("title".into()),
        );
        h.record(Snapshot::brief(&brief("ABC")), EditKind::Other);
        assert_eq!(h.undo(&brief("ABCD"), &d).unwrap().brief.title, "ABC");
        assert_eq!(h.undo(&brief("ABC"), &d).unwrap().brief.title, "A");
        assert!(!h.can_undo());
        assert_eq!(h.redo(&brief("A"), &d).unwrap().brief.title, "ABC");
    }

    #[test]
    fn a_dossier_step_keeps_both_documents_and_redo_brings_the_dossier_back() {
        let d = crate::store::default_dossier().unwrap().doc;
        let mut changed = d.clone();
        changed.title = "Changed".into();
        let mut h = History::default();
        let before = Snapshot {
            brief: brief("A"),
            dossier: Some(d.clone()),
        };
        h.record(before, EditKind::Other);
        let back = h.undo(&brief("A"), &changed).unwrap();
        assert_eq!(back.dossier.unwrap().title, d.title);
        let forward = h.redo(&brief("A"), &d).unwrap();
        assert_eq!(forward.dossier.unwrap().title, "Changed");
    }
}
