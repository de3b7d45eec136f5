//! The laid-out brief: pages of positioned items. Layout makes this once; the PDF writer, the
//! app's preview and the page count all read it, so what the staffer sees is what prints.
//!
//! Coordinates are PDF points (1/72 inch) from the top-left corner of the page, y growing
//! downwards. Nothing here knows about genpdf, krilla or egui.

use std::ops::Range;

/// A point on a page, in points from its top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// From the left edge.
    pub x: f32,
    /// From the top edge, downwards.
    pub y: f32,
}

/// A rectangle on a page, in points; `y` is its top edge.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The faces text is set in; the bytes are in [`crate::layout::fonts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Face(pub u16);

impl Face {
    /// Roboto Regular.
    pub const REGULAR: Face = Face(0);
    /// Roboto Bold.
    pub const BOLD: Face = Face(1);
    /// Roboto Italic.
    pub const ITALIC: Face = Face(2);
    /// Roboto Bold Italic.
    pub const BOLD_ITALIC: Face = Face(3);
    /// Noto Sans Symbols 2.
    pub const SYMBOLS: Face = Face(4);

    /// The face's bytes and index in its file; `None` for a number no layout gave out.
    pub fn registered(self) -> Option<crate::layout::fonts::Registered> {
        crate::layout::fonts::registered(self)
    }

    /// The face's name, for messages.
    pub fn name(self) -> String {
        self.registered()
            .map_or_else(|| format!("face {}", self.0), |r| r.name)
    }
}

/// One glyph of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Glyph id in the face.
    pub id: u16,
    /// How far the pen moves after it, in ems (kerning included).
    pub advance_em: f32,
    /// Offset from the pen, in ems: right, and up.
    pub offset_em: (f32, f32),
    /// The bytes of the run's text it stands for.
    pub text: Range<usize>,
}

/// A line of glyphs in one face, size and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    /// The face.
    pub face: Face,
    /// Font size in points.
    pub size_pt: f32,
    /// Fill colour.
    pub color: Rgb,
    /// The pen position of the first glyph, on the baseline.
    pub origin: Point,
    /// The glyphs, left to right.
    pub glyphs: Vec<Glyph>,
    /// The text the glyphs stand for, as a reader copies it.
    pub text: String,
    /// What it is part of.
    pub role: Role,
}

impl GlyphRun {
    /// Width of the run in points.
    pub fn width_pt(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance_em).sum::<f32>() * self.size_pt
    }
}

/// Where a link goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A place in this document.
    Anchor(AnchorId),
    /// A web address or `mailto:`.
    Url(String),
}

/// Something drawn, or a clickable area.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text.
    Text(GlyphRun),
    /// A straight stroked line.
    Line {
        /// Start.
        from: Point,
        /// End.
        to: Point,
        /// Stroke width in points.
        width_pt: f32,
        /// Stroke colour.
        color: Rgb,
        /// What it is part of.
        role: Role,
    },
    /// A filled rectangle.
    Rect {
        /// Where.
        rect: Rect,
        /// Fill colour.
        fill: Rgb,
        /// What it is part of.
        role: Role,
    },
    /// A clickable area; draws nothing.
    Link {
        /// Where it can be clicked.
        rect: Rect,
        /// Where it goes.
        target: Target,
        /// The [`Tag::Link`] node it belongs to.
        node: NodeId,
        /// What it says, for a screen reader.
        alt: String,
    },
}

/// Page furniture a reader skips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Artifact {
    /// Running header.
    Header,
    /// Running footer.
    Footer,
    /// Rules, bars and other decoration.
    Layout,
}

/// What a drawn item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Content of a structure node.
    Content(NodeId),
    /// Furniture, outside the structure.
    Artifact(Artifact),
}

/// Index into [`Structure::nodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub usize);

/// The kind of a structure node, after the PDF's standard structure types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tag {
    /// A heading; level 1 for the title and sections, 2 for subsections.
    Heading {
        /// 1 or more.
        level: u8,
        /// Its text.
        title: String,
    },
    /// A paragraph.
    Paragraph,
    /// A group of blocks, e.g. a section or a scenario.
    Section,
    /// A table.
    Table,
    /// A table row.
    Row,
    /// A header cell.
    HeaderCell,
    /// A data cell.
    Cell,
    /// A list.
    List,
    /// A list item.
    ListItem,
    /// A list item's bullet or number.
    Label,
    /// A list item's content.
    ListBody,
    /// A note beside the main text: a staff annotation box.
    Aside,
    /// A link: its text and its clickable area.
    Link,
    /// An endnote.
    Note,
}

/// A node of the structure tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What it is.
    pub tag: Tag,
    /// The node it is part of; `None` at the top.
    pub parent: Option<NodeId>,
}

/// The logical structure: nodes with parents. Children are in the order their content is
/// first drawn, which is the reading order; a node nothing was drawn for is not written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Structure {
    /// All nodes.
    pub nodes: Vec<Node>,
}

impl Structure {
    /// Adds a node and returns its id.
    pub fn add(&mut self, tag: Tag, parent: Option<NodeId>) -> NodeId {
        self.nodes.push(Node { tag, parent });
        NodeId(self.nodes.len() - 1)
    }

    /// The node.
    pub fn get(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id.0)
    }
}

/// Index into [`Pages::anchors`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AnchorId(pub usize);

/// A place links and the outline go to.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    /// The page, from 0.
    pub page: usize,
    /// The top of what it marks.
    pub at: Point,
}

/// A bookmark, with its subsections.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// As shown, e.g. "7.1 Ceasefire holds".
    pub title: String,
    /// Where it opens.
    pub anchor: AnchorId,
    /// Subsections.
    pub children: Vec<OutlineEntry>,
}

/// The pages a section of the brief takes, for the page budget and the app.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionSpan {
    /// Index in the brief's list of sections.
    pub index: usize,
    /// Its number as printed.
    pub number: usize,
    /// Its heading.
    pub heading: String,
    /// Where its heading is.
    pub anchor: AnchorId,
    /// The page it starts on, from 0.
    pub first_page: usize,
    /// The page it ends on, from 0.
    pub last_page: usize,
    /// Pages it fills, in page heights: its share of every page it is on.
    pub pages: f32,
}

/// Document information for the PDF's metadata.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// The brief's title.
    pub title: String,
    /// Who prepared it; may be empty.
    pub author: String,
    /// What it is about: the dossier's title.
    pub subject: String,
    /// BCP 47 language tag, e.g. "en".
    pub language: String,
}

/// One page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Width in points.
    pub width_pt: f32,
    /// Height in points.
    pub height_pt: f32,
    /// What is on it, in drawing order.
    pub items: Vec<Item>,
}

/// The laid-out brief.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pages {
    /// The pages, in order.
    pub pages: Vec<Page>,
    /// The structure tree the items point into.
    pub structure: Structure,
    /// Link and outline targets.
    pub anchors: Vec<Anchor>,
    /// Bookmarks: sections, then their subsections.
    pub outline: Vec<OutlineEntry>,
    /// Where each printed section is.
    pub sections: Vec<SectionSpan>,
    /// Title, author, subject, language.
    pub meta: Meta,
    /// Where the items the "Since the last brief" box names print, by id.
    pub items: Vec<(String, AnchorId)>,
}

impl Pages {
    /// Where the item `id` prints, when the "Since the last brief" box names it.
    pub fn item(&self, id: &str) -> Option<AnchorId> {
        self.items.iter().find(|(i, _)| i == id).map(|(_, a)| *a)
    }
}

impl Pages {
    /// How many pages.
    pub fn count(&self) -> usize {
        self.pages.len()
    }

    /// The anchor.
    pub fn anchor(&self, id: AnchorId) -> Option<&Anchor> {
        self.anchors.get(id.0)
    }

    /// All the text, page by page and run by run, for tests and search.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for page in &self.pages {
            for item in &page.items {
                if let Item::Text(run) = item {
                    out.push_str(&run.text);
                    out.push('\n');
                }
            }
        }
        out
    }
}
