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
    /// The first text drawn for each label node, for its list's numbering.
    label_text: Vec<Option<String>>,
}

impl<'a> Tags<'a> {
    pub fn new(structure: &'a Structure) -> Self {
        let n = structure.nodes.len();
        Tags {
            structure,
            children: (0..n).map(|_| Vec::new()).collect(),
            attached: vec![false; n],
            roots: Vec::new(),
            label_text: vec![None; n],
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
            tree.push(self.build(child, TableHeaderScope::Column));
        }
        tree
    }

    fn build(&mut self, child: Child, scope: TableHeaderScope) -> Node {
        let index = match child {
            Child::Leaf(id) => return Node::Leaf(id),
            Child::Node(index) => index,
        };
        let tag = self.structure.get(NodeId(index)).map(|n| &n.tag);
        let kind = match tag {
            Some(Tag::HeaderCell) => KrillaTag::TH(scope).into(),
            Some(Tag::List) => KrillaTag::L(self.numbering(index)).into(),
            Some(tag) => kind(tag),
            None => KrillaTag::Div.into(),
        };
        // Cells of a row that holds only header cells head the columns below; a header cell
        // beside data cells heads its row, as in a "Prepared for | Principals" table.
        let scope = if matches!(tag, Some(Tag::Row))
            && self.children[index]
                .iter()
                .all(|c| self.is(*c, |t| matches!(t, Tag::HeaderCell)))
        {
            TableHeaderScope::Column
        } else {
            TableHeaderScope::Row
        };
        let children = std::mem::take(&mut self.children[index]);
        let nodes = children.into_iter().map(|c| self.build(c, scope)).collect();
        Node::Group(TagGroup::with_children(kind, nodes))
    }

    /// Whether a child is a node whose tag passes `test`.
    fn is(&self, child: Child, test: impl Fn(&Tag) -> bool) -> bool {
        match child {
            Child::Node(index) => self
                .structure
                .get(NodeId(index))
                .is_some_and(|n| test(&n.tag)),
            Child::Leaf(_) => false,
        }
    }

    /// Notes the text of a label, from which its list's numbering is read.
    pub fn text(&mut self, node: NodeId, text: &str) {
        let is_label = self
            .structure
            .get(node)
            .is_some_and(|n| matches!(n.tag, Tag::Label));
        if let Some(slot) = self.label_text.get_mut(node.0)
            && is_label
            && slot.is_none()
        {
            *slot = Some(text.to_owned());
        }
    }

    /// The numbering of a list, read from the label of its first item: "•" is a disc, "1." a
    /// decimal, "a)" a letter. Anything else, or no label, is no numbering.
    fn numbering(&self, list: usize) -> ListNumbering {
        let first_child = |node: usize, tag: fn(&Tag) -> bool| {
            self.children[node].iter().find_map(|c| match *c {
                Child::Node(i) if self.is(*c, tag) => Some(i),
                _ => None,
            })
        };
        let label = first_child(list, |t| matches!(t, Tag::ListItem))
            .and_then(|item| first_child(item, |t| matches!(t, Tag::Label)))
            .and_then(|label| self.label_text[label].as_deref());
        let Some(c) = label.and_then(|text| text.trim().chars().next()) else {
            return ListNumbering::None;
        };
        match c {
            '\u{2022}' | '\u{25cf}' => ListNumbering::Disc,
            '\u{25e6}' | '\u{25cb}' => ListNumbering::Circle,
            '\u{25aa}' | '\u{25a0}' => ListNumbering::Square,
            '0'..='9' => ListNumbering::Decimal,
            'a'..='z' => ListNumbering::LowerAlpha,
            'A'..='Z' => ListNumbering::UpperAlpha,
            _ => ListNumbering::None,
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
        // Chosen in `Tags::build`, which sees the row.
        Tag::HeaderCell => KrillaTag::TH(TableHeaderScope::Column).into(),
        Tag::Cell => KrillaTag::TD.into(),
        // Chosen in `Tags::build`, which sees the first label.
        Tag::List => KrillaTag::L(ListNumbering::None).into(),
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
