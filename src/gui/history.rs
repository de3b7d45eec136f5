//! Undo as snapshots of the brief: a brief is small, so each step stores the whole document.
//! Consecutive edits of one text field merge into one step, so undo takes back a phrase, not
//! a keystroke.

use crate::model::Brief;

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
    undo: Vec<Brief>,
    redo: Vec<Brief>,
    last: Option<EditKind>,
}

impl History {
    /// Records the state before an edit of `kind`.
    pub fn record(&mut self, before: &Brief, kind: EditKind) {
        let merges = matches!(&kind, EditKind::Typing(_)) && self.last.as_ref() == Some(&kind);
        if !merges {
            self.undo.push(before.clone());
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
    pub fn undo(&mut self, current: &Brief) -> Option<Brief> {
        let previous = self.undo.pop()?;
        self.redo.push(current.clone());
        self.last = None;
        Some(previous)
    }

    /// The state to go forward to, given the current one.
    pub fn redo(&mut self, current: &Brief) -> Option<Brief> {
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse_brief;

    fn brief(title: &str) -> Brief {
        parse_brief(&format!("version: 1\ntitle: {title}\nsections: []\n"), "t").unwrap()
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut h = History::default();
        h.record(&brief("A"), EditKind::Typing("title".into()));
        h.record(&brief("AB"), EditKind::Typing("title".into()));
        h.record(&brief("ABC"), EditKind::Other);
        assert_eq!(h.undo(&brief("ABCD")).unwrap().title, "ABC");
        assert_eq!(h.undo(&brief("ABC")).unwrap().title, "A");
        assert!(!h.can_undo());
        assert_eq!(h.redo(&brief("A")).unwrap().title, "ABC");
    }
}
