//! What one layout run learns as genpdf lays the brief out: the structure tree, where anchors
//! and sections land, which page is being filled, and the contents list's page numbers to
//! set once the pages are known. Shared by the elements of one run through [`Shared`].

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use genpdf::style::Style;
use genpdf::{Mm, Position};

use super::pages::{AnchorId, Artifact, NodeId, Role, Structure, Tag, Target};

/// Marks 0..3 are artifacts; a structure node `n` is mark `n + 3`.
const ARTIFACT_MARKS: usize = 3;

/// The style mark for an artifact.
pub fn artifact_mark(kind: Artifact) -> usize {
    match kind {
        Artifact::Header => 0,
        Artifact::Footer => 1,
        Artifact::Layout => 2,
    }
}

/// The style mark for a structure node.
pub fn node_mark(node: NodeId) -> usize {
    node.0 + ARTIFACT_MARKS
}

/// What a recorded mark stands for; unmarked lines and boxes are decoration.
pub fn role_of(mark: Option<usize>) -> Option<Role> {
    Some(match mark? {
        0 => Role::Artifact(Artifact::Header),
        1 => Role::Artifact(Artifact::Footer),
        2 => Role::Artifact(Artifact::Layout),
        m => Role::Content(NodeId(m - ARTIFACT_MARKS)),
    })
}

/// Where a recorded anchor is: page from 0 and position in mm.
#[derive(Debug, Clone, Copy, Default)]
pub struct Place {
    /// The page, from 0.
    pub page: usize,
    /// Top-left of what it marks, mm from the page's corner.
    pub at: Position,
}

/// A page number to set once the pages are known: a contents entry's.
#[derive(Debug, Clone, Copy)]
pub struct PageRef {
    /// Whose first page to print.
    pub anchor: AnchorId,
    /// Where it was laid out.
    pub place: Place,
    /// The right edge of its cell, mm.
    pub right: Mm,
    /// The style to set it in (its mark included).
    pub style: Style,
}

/// The state of one layout run.
#[derive(Debug, Default)]
pub struct State {
    /// The structure tree.
    pub structure: Structure,
    /// Where link nodes go, and their alt text.
    pub links: HashMap<NodeId, (Target, String)>,
    /// Anchors by id; `None` until laid out.
    pub anchors: Vec<Option<Place>>,
    /// The page being filled, from 0; becomes valid once the first page is decorated.
    pub page: usize,
    /// Pages started so far.
    pub pages_started: usize,
    /// True until the first kept block of the page renders: a table row there repeats its
    /// table's header.
    pub top_of_page: bool,
    /// Contents page numbers to set.
    pub page_refs: Vec<PageRef>,
    /// Set while an element is measured on a scratch page: nothing it records counts.
    pub measuring: usize,
}

/// The state shared by the elements of one run.
pub type Shared = Rc<RefCell<State>>;

impl State {
    /// A new structure node.
    pub fn node(&mut self, tag: Tag, parent: Option<NodeId>) -> NodeId {
        self.structure.add(tag, parent)
    }

    /// A new link node going to `target`.
    pub fn link(&mut self, target: Target, alt: String, parent: Option<NodeId>) -> NodeId {
        let id = self.structure.add(Tag::Link, parent);
        self.links.insert(id, (target, alt));
        id
    }

    /// A new anchor, placed later.
    pub fn anchor(&mut self) -> AnchorId {
        self.anchors.push(None);
        AnchorId(self.anchors.len() - 1)
    }

    /// Records where an anchor landed, unless measuring.
    pub fn place(&mut self, anchor: AnchorId, at: Position) {
        if self.measuring > 0 {
            return;
        }
        let page = self.page;
        if let Some(slot) = self.anchors.get_mut(anchor.0) {
            *slot = Some(Place { page, at });
        }
    }
}
