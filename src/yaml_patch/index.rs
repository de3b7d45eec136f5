//! The index: block mappings and sequences with the lines of each entry and item.

use super::*;

pub(super) struct Node {
    pub(super) kind: Kind,
}

pub(super) enum Kind {
    Map(Vec<Entry>),
    Seq(Vec<Item>),
    Scalar(TScalarStyle),
    /// A flow sequence, `[a, b]`: replaced whole, but written back in flow style.
    FlowSeq,
    /// Anything else: replaced whole.
    Other,
}

/// A block mapping entry: its key at (`line`, `col`), its lines up to `end` (exclusive).
pub(super) struct Entry {
    pub(super) key: String,
    pub(super) line: usize,
    pub(super) col: usize,
    pub(super) end: usize,
    pub(super) value: Node,
}

/// A block sequence item: its dash at (`line`, `col`), its lines up to `end` (exclusive).
pub(super) struct Item {
    pub(super) line: usize,
    pub(super) col: usize,
    pub(super) end: usize,
    pub(super) value: Node,
}

#[derive(Default)]
pub(super) struct Recorder {
    pub(super) events: Vec<(Event, (usize, usize))>,
}

impl MarkedEventReceiver for Recorder {
    fn on_event(&mut self, event: Event, mark: Marker) {
        self.events.push((event, (mark.line(), mark.col())));
    }
}

/// The root of the text's first document, if it parses.
pub(super) fn index(lines: &Lines) -> Option<Node> {
    let mut recorder = Recorder::default();
    Parser::new_from_str(lines.text)
        .load(&mut recorder, false)
        .ok()?;
    let start = recorder
        .events
        .iter()
        .position(|(e, _)| matches!(e, Event::DocumentStart))?;
    let mut builder = Builder {
        lines,
        events: &recorder.events,
        next: start + 1,
    };
    let (root, _) = builder.node(0)?;
    Some(root)
}

pub(super) struct Builder<'e, 'l, 't> {
    pub(super) lines: &'l Lines<'t>,
    pub(super) events: &'e [(Event, (usize, usize))],
    pub(super) next: usize,
}

impl Builder<'_, '_, '_> {
    /// The next node and the mark where it starts.
    pub(super) fn node(&mut self, depth: usize) -> Option<(Node, (usize, usize))> {
        if depth > MAX_DEPTH {
            return None;
        }
        let (event, mark) = self.events.get(self.next)?;
        let mark = *mark;
        self.next += 1;
        let other = Node { kind: Kind::Other };
        match event {
            Event::Scalar(_, style, anchor, tag) => {
                let kind = if *anchor == 0 && tag.is_none() {
                    Kind::Scalar(*style)
                } else {
                    Kind::Other
                };
                Some((Node { kind }, mark))
            }
            Event::Alias(_) => Some((other, mark)),
            Event::SequenceStart(anchor, tag) => {
                let plain = *anchor == 0 && tag.is_none();
                let mut values = Vec::new();
                loop {
                    let (event, end) = self.events.get(self.next)?;
                    if matches!(event, Event::SequenceEnd) {
                        self.next += 1;
                        let node = self.sequence(values, mark, *end, plain);
                        let first = node_start(&node).unwrap_or(mark);
                        return Some((node, first));
                    }
                    values.push(self.node(depth + 1)?);
                }
            }
            Event::MappingStart(anchor, tag) => {
                let plain = *anchor == 0 && tag.is_none();
                let mut pairs = Vec::new();
                loop {
                    let (event, end) = self.events.get(self.next)?;
                    if matches!(event, Event::MappingEnd) {
                        self.next += 1;
                        let node = self.mapping(pairs, *end, plain);
                        let first = node_start(&node).unwrap_or(mark);
                        return Some((node, first));
                    }
                    let key = match event {
                        Event::Scalar(text, _, 0, None) => Some(text.clone()),
                        _ => None,
                    };
                    let (_, key_mark) = self.node(depth + 1)?;
                    let (value, _) = self.node(depth + 1)?;
                    pairs.push((key, key_mark, value));
                }
            }
            _ => None,
        }
    }

    /// A block sequence when every item starts with its own dash, else a flow one or other.
    pub(super) fn sequence(
        &self,
        values: Vec<(Node, (usize, usize))>,
        start: (usize, usize),
        end: (usize, usize),
        plain: bool,
    ) -> Node {
        let flow = || {
            let at = self.lines.offset(start.0, start.1);
            let bracket = at.is_some_and(|at| self.lines.text[at..].starts_with('['));
            Node {
                kind: if bracket && plain {
                    Kind::FlowSeq
                } else {
                    Kind::Other
                },
            }
        };
        if !plain || values.is_empty() {
            return flow();
        }
        let mut items: Vec<Item> = Vec::with_capacity(values.len());
        for (value, first) in values {
            let Some((line, col)) = self.dash_before(first) else {
                return flow();
            };
            if let Some(previous) = items.last()
                && (previous.line >= line || previous.col != col)
            {
                return flow();
            }
            items.push(Item {
                line,
                col,
                end: 0,
                value,
            });
        }
        let last_end = self.lines.end_line(end);
        for i in 0..items.len() {
            let raw = items.get(i + 1).map_or(last_end, |next| next.line);
            let Some(item) = items.get_mut(i) else {
                return flow();
            };
            item.end = self.lines.trim_end(item.line, raw, item.col);
            if item.end <= item.line {
                return flow();
            }
        }
        Node {
            kind: Kind::Seq(items),
        }
    }

    /// The dash of a block sequence item whose value starts at `first`: the first character
    /// before it other than whitespace, when that is a `-` with only whitespace or other
    /// dashes before it on its line.
    pub(super) fn dash_before(&self, (line, col): (usize, usize)) -> Option<(usize, usize)> {
        let at = self.lines.offset(line, col)?;
        let before = self.lines.text[..at].trim_end_matches([' ', '\t', '\n', '\r']);
        if !before.ends_with('-') {
            return None;
        }
        let dash = before.len() - 1;
        let (dash_line, dash_col) = self.lines.position(dash);
        let prefix: String = self.lines.line(dash_line).chars().take(dash_col).collect();
        prefix
            .chars()
            .all(|c| c == ' ' || c == '-')
            .then_some((dash_line, dash_col))
    }

    /// A block mapping when every key is a plain-text scalar on its own line (the first may
    /// follow a sequence dash), all in one column.
    pub(super) fn mapping(
        &self,
        pairs: Vec<(Option<String>, (usize, usize), Node)>,
        end: (usize, usize),
        plain: bool,
    ) -> Node {
        let other = || Node { kind: Kind::Other };
        if !plain || pairs.is_empty() {
            return other();
        }
        let mut entries: Vec<Entry> = Vec::with_capacity(pairs.len());
        for (key, (line, col), value) in pairs {
            let Some(key) = key else { return other() };
            // A merge key's entries come from elsewhere: the text is not the document.
            if key == "<<" || entries.iter().any(|e| e.key == key) {
                return other();
            }
            let prefix: String = self.lines.line(line).chars().take(col).collect();
            let on_own_line = prefix.chars().all(char::is_whitespace);
            let after_dash = entries.is_empty() && prefix.chars().all(|c| c == ' ' || c == '-');
            if !(on_own_line || after_dash) {
                return other();
            }
            if let Some(previous) = entries.last()
                && (previous.line >= line || previous.col != col)
            {
                return other();
            }
            entries.push(Entry {
                key,
                line,
                col,
                end: 0,
                value,
            });
        }
        let last_end = self.lines.end_line(end);
        for i in 0..entries.len() {
            let raw = entries.get(i + 1).map_or(last_end, |next| next.line);
            let Some(entry) = entries.get_mut(i) else {
                return other();
            };
            entry.end = self.lines.trim_end(entry.line, raw, entry.col);
            if entry.end <= entry.line {
                return other();
            }
        }
        Node {
            kind: Kind::Map(entries),
        }
    }
}

/// Where a block node's text starts: its first key or first dash.
pub(super) fn node_start(node: &Node) -> Option<(usize, usize)> {
    match &node.kind {
        Kind::Map(entries) => entries.first().map(|e| (e.line, e.col)),
        Kind::Seq(items) => items.first().map(|i| (i.line, i.col)),
        _ => None,
    }
}
