//! The tag tree: the structure nodes of [`Pages`] in reading order, each holding the marked
//! content and link annotations drawn for it.
//!
//! krilla hands out an `Identifier` only when content is drawn and takes the tree at the end,
//! and `Document::finish` panics if any identifier is not in the tree exactly once. So every
//! identifier is pushed here the moment it is made, and a node joins its parent's children the
//! first time anything of it is drawn: reading order is drawing order, and a node nothing was
//! drawn for is not written, so no group is ever empty.

use std::num::NonZeroU16;

use krilla::tagging::{
    Identifier, ListNumbering, Node, TableHeaderScope, Tag as KrillaTag, TagGroup, TagKind, TagTree,
};

use crate::layout::pages::{NodeId, Structure, Tag};

/// A child of a node: marked content or an annotation, or another node.
#[derive(Clone, Copy)]
enum Child {
    Leaf(Identifier),
    Node(usize),
}

/// The tree as it grows while the pages are drawn.
pub(crate) struct Tags<'a> {
    structure: &'a Structure,
    /// Children of each node, in reading order.
    children: Vec<Vec<Child>>,
    /// Whether the node is already a child of its parent (or of the root).
    attached: Vec<bool>,
    /// The top of the tree.
    roots: Vec<Child>,
}

impl<'a> Tags<'a> {
    pub fn new(structure: &'a Structure) -> Self {
        let n = structure.nodes.len();
        Tags {
            structure,
            children: (0..n).map(|_| Vec::new()).collect(),
            attached: vec![false; n],
            roots: Vec::new(),
        }
    }

    /// Puts `id` last among the children of `node`, attaching the node (and any ancestors not
    /// yet attached) first. Never drops an identifier: one for a node that does not exist goes
    /// to the top of the tree, since leaving it out would make krilla panic.
    pub fn push(&mut self, node: NodeId, id: Identifier) {
        if node.0 >= self.children.len() {
            self.roots.push(Child::Leaf(id));
            return;
        }
        self.attach(node.0);
        self.children[node.0].push(Child::Leaf(id));
    }

    /// Attaches the unattached part of the chain from `node` up, top first, so each node lands
    /// after what its parent already holds. A node is only ever put under a node attached before
    /// it, so the children lists form a tree even if the parents had a loop.
    fn attach(&mut self, node: usize) {
        let mut chain = Vec::new();
        let mut current = Some(node);
        while let Some(id) = current {
            if self.attached[id] || chain.len() > self.attached.len() {
                break;
            }
            chain.push(id);
            current = self
                .structure
                .get(NodeId(id))
                .and_then(|n| n.parent)
                .map(|p| p.0)
                .filter(|p| *p < self.attached.len());
        }
        for &id in chain.iter().rev() {
            if self.attached[id] {
                continue;
            }
            self.attached[id] = true;
            let parent = self
                .structure
                .get(NodeId(id))
                .and_then(|n| n.parent)
                .map(|p| p.0)
                .filter(|p| *p < self.attached.len() && self.attached[*p] && *p != id);
            match parent {
                Some(p) => self.children[p].push(Child::Node(id)),
                None => self.roots.push(Child::Node(id)),
            }
        }
    }

    /// The finished tree, with the document's language on its root.
    pub fn finish(mut self, language: &str) -> TagTree {
        let roots = std::mem::take(&mut self.roots);
        let mut tree = TagTree::new().with_lang(Some(language.to_owned()));
        for child in roots {
            tree.push(self.build(child));
        }
        tree
    }

    fn build(&mut self, child: Child) -> Node {
        match child {
            Child::Leaf(id) => Node::Leaf(id),
            Child::Node(index) => {
                let children = std::mem::take(&mut self.children[index]);
                let tag = self
                    .structure
                    .get(NodeId(index))
                    .map_or_else(|| KrillaTag::Div.into(), |n| kind(&n.tag));
                let nodes = children.into_iter().map(|c| self.build(c)).collect();
                Node::Group(TagGroup::with_children(tag, nodes))
            }
        }
    }
}

/// The PDF 1.7 structure type for a node.
fn kind(tag: &Tag) -> TagKind {
    match tag {
        Tag::Heading { level, title } => {
            let level = NonZeroU16::new(u16::from(*level)).unwrap_or(NonZeroU16::MIN);
            KrillaTag::Hn(level, Some(title.clone())).into()
        }
        Tag::Paragraph => KrillaTag::P.into(),
        Tag::Section => KrillaTag::Section.into(),
        Tag::Table => KrillaTag::Table.into(),
        Tag::Row => KrillaTag::TR.into(),
        // The layout's header cells head the columns below them.
        Tag::HeaderCell => KrillaTag::TH(TableHeaderScope::Column).into(),
        Tag::Cell => KrillaTag::TD.into(),
        // Every list the layout makes is bulleted with "•".
        Tag::List => KrillaTag::L(ListNumbering::Disc).into(),
        Tag::ListItem => KrillaTag::LI.into(),
        Tag::Label => KrillaTag::Lbl.into(),
        Tag::ListBody => KrillaTag::LBody.into(),
        // PDF 1.7 has no Aside (PDF 2.0 does) and krilla offers none; the PDF 2.0 role map
        // sends Aside to Div, so a reader sees what it would see for a 2.0 file. Note would be
        // wrong: it means a foot- or endnote.
        Tag::Aside => KrillaTag::Div.into(),
        Tag::Link => KrillaTag::Link.into(),
        Tag::Note => KrillaTag::Note.into(),
    }
}
