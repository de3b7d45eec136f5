//! Saving without rewriting: given the text a document was read from, the document as read
//! and the document as it is now, makes the new text by changing only the lines of what
//! changed. Comments, key order, quoting, blank lines and block text of everything else stay
//! byte for byte as the staffer (or their editor) wrote them. Sits between the model and
//! [`crate::store`]'s writers; pure, no IO.
//!
//! How: the old text is indexed into a tree of block mappings and sequences with the lines
//! each entry and item spans (yaml-rust2's event parser gives a mark for every node, as in
//! [`crate::locate`]). The old and new documents are compared as `serde_yaml::Value`s; a
//! changed scalar rewrites its entry's lines, an added key or item is inserted after its
//! predecessor, a removed one loses its lines, and sequences are aligned (longest common
//! subsequence) so an edit inside one item touches only that item. Whatever the index does not
//! understand (flow collections, anchors, aliases, tags, merge keys) is replaced as a whole at
//! the smallest enclosing entry. [`to_string_over`] then reads the result back and falls back
//! to plain serialization if it does not read as the new document, so a patching mistake can
//! cost formatting but never content.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// Lines written in block text (folded `>-` scalars) wrap before this column.
const WRAP_COLUMN: usize = 92;

/// A flow sequence (`[a, b]`) stays one when its line fits within this many characters.
const FLOW_LINE_MAX: usize = 100;

/// Deeper nesting than this is not indexed; the file is then written afresh.
const MAX_DEPTH: usize = 200;

/// Sequence alignment beyond this many comparisons pairs items by position instead.
const MAX_ALIGN_CELLS: usize = 250_000;

/// The text to save `new` as, over `original`, the text `old` was read from: `original`
/// itself when nothing changed, otherwise `original` with only the changed lines rewritten.
/// The result always reads back as `new`; when the patch would not (or `original` does not
/// read as `old`), the text is `new` serialized afresh, after the original's leading comments.
pub fn to_string_over<T>(original: &str, old: &T, new: &T) -> Result<String, serde_yaml::Error>
where
    T: Serialize + DeserializeOwned,
{
    to_string_over_with(original, old, new, |text| serde_yaml::from_str(text).ok())
}

/// [`to_string_over`], checking the result with `read`: the reader the file will be opened
/// with, so whatever it accepts beyond plain serde (merge keys, say) is accepted here too.
pub fn to_string_over_with<T>(
    original: &str,
    old: &T,
    new: &T,
    read: impl Fn(&str) -> Option<T>,
) -> Result<String, serde_yaml::Error>
where
    T: Serialize,
{
    let old_value = serde_yaml::to_value(old)?;
    let new_value = serde_yaml::to_value(new)?;
    let reads_as_new = |text: &str| {
        read(text)
            .and_then(|doc| serde_yaml::to_value(doc).ok())
            .is_some_and(|value| value == new_value)
    };
    if let Some(text) = patch(original, &old_value, &new_value)
        && reads_as_new(&text)
    {
        return Ok(text);
    }
    let mut fresh = serde_yaml::to_string(new)?;
    if original.contains("\r\n") {
        fresh = fresh.replace('\n', "\r\n");
    }
    let with_comments = format!("{}{fresh}", leading_comments(original));
    Ok(if reads_as_new(&with_comments) {
        with_comments
    } else {
        fresh
    })
}

/// `original` with the differences between `old` and `new` applied to its lines, or `None`
/// when the text is not one this module can index. Unverified: [`to_string_over`] checks the
/// result. `original` is expected to read as `old`, up to keys `old` leaves at their default.
pub fn patch(original: &str, old: &Value, new: &Value) -> Option<String> {
    if old == new {
        return Some(original.to_owned());
    }
    let lines = Lines::new(original);
    let root = index(&lines)?;
    let mut patcher = Patcher {
        lines,
        edits: Vec::new(),
    };
    patcher.node(&root, old, new).ok()?;
    patcher.apply()
}

/// The comment lines (and blank lines among them) a file opens with, such as the
/// `# yaml-language-server` line, kept even when the rest is written afresh.
fn leading_comments(text: &str) -> String {
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !(trimmed.is_empty() || trimmed.starts_with('#')) {
            break;
        }
        end += line.len();
    }
    let head = &text[..end];
    if head.trim().is_empty() {
        String::new()
    } else if head.ends_with('\n') {
        head.to_owned()
    } else {
        format!("{head}\n")
    }
}

// ---------------------------------------------------------------------------------------
// Lines of the original text.

/// The text with the byte offset of each line; lines are numbered from 1, as yaml-rust2 does.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    newline: &'static str,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        Lines {
            text,
            starts,
            newline,
        }
    }

    /// The number of lines; a final line without a newline counts.
    fn count(&self) -> usize {
        if self.text.ends_with('\n') || self.text.is_empty() {
            self.starts.len() - 1
        } else {
            self.starts.len()
        }
    }

    /// The byte offset where `line` starts; past the last line, the end of the text.
    fn start(&self, line: usize) -> usize {
        if line == 0 {
            return 0;
        }
        self.starts
            .get(line - 1)
            .copied()
            .unwrap_or(self.text.len())
            .min(self.text.len())
    }

    /// A line without its line break; empty past the end.
    fn line(&self, line: usize) -> &'a str {
        if line == 0 || line > self.count() {
            return "";
        }
        let text = &self.text[self.start(line)..self.start(line + 1)];
        text.trim_end_matches('\n').trim_end_matches('\r')
    }

    /// The byte offset of a (line, column in characters) mark.
    fn offset(&self, line: usize, col: usize) -> Option<usize> {
        let text = self.line(line);
        let within = if col == text.chars().count() {
            text.len()
        } else {
            text.char_indices().nth(col)?.0
        };
        Some(self.start(line) + within)
    }

    /// The (line, column) of a byte offset.
    fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|s| *s <= offset).max(1);
        let col = self.text[self.start(line)..offset].chars().count();
        (line, col)
    }

    /// True when only whitespace precedes column `col` on `line`.
    fn owns_line(&self, line: usize, col: usize) -> bool {
        self.line(line).chars().take(col).all(char::is_whitespace)
    }

    /// The first line at or after `line` from a container's end mark: the mark's own line
    /// when nothing of the container precedes it there.
    fn end_line(&self, (line, col): (usize, usize)) -> usize {
        if line > self.count() {
            self.count() + 1
        } else if self.owns_line(line, col) {
            line
        } else {
            line + 1
        }
    }

    /// `end` moved up past trailing blank lines and comments at or left of `col`: those belong
    /// to what comes next. Never above `first + 1`.
    fn trim_end(&self, first: usize, mut end: usize, col: usize) -> usize {
        while end > first + 1 {
            let line = self.line(end - 1);
            let rest = line.trim_start();
            let indent = line.chars().count() - rest.chars().count();
            if rest.is_empty() || (rest.starts_with('#') && indent <= col) {
                end -= 1;
            } else {
                break;
            }
        }
        end
    }
}

// ---------------------------------------------------------------------------------------
// The index: block mappings and sequences with the lines of each entry and item.

struct Node {
    kind: Kind,
}

enum Kind {
    Map(Vec<Entry>),
    Seq(Vec<Item>),
    Scalar(TScalarStyle),
    /// A flow sequence, `[a, b]`: replaced whole, but written back in flow style.
    FlowSeq,
    /// Anything else: replaced whole.
    Other,
}

/// A block mapping entry: its key at (`line`, `col`), its lines up to `end` (exclusive).
struct Entry {
    key: String,
    line: usize,
    col: usize,
    end: usize,
    value: Node,
}

/// A block sequence item: its dash at (`line`, `col`), its lines up to `end` (exclusive).
struct Item {
    line: usize,
    col: usize,
    end: usize,
    value: Node,
}

#[derive(Default)]
struct Recorder {
    events: Vec<(Event, (usize, usize))>,
}

impl MarkedEventReceiver for Recorder {
    fn on_event(&mut self, event: Event, mark: Marker) {
        self.events.push((event, (mark.line(), mark.col())));
    }
}

/// The root of the text's first document, if it parses.
fn index(lines: &Lines) -> Option<Node> {
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

struct Builder<'e, 'l, 't> {
    lines: &'l Lines<'t>,
    events: &'e [(Event, (usize, usize))],
    next: usize,
}

impl Builder<'_, '_, '_> {
    /// The next node and the mark where it starts.
    fn node(&mut self, depth: usize) -> Option<(Node, (usize, usize))> {
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
    fn sequence(
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
    fn dash_before(&self, (line, col): (usize, usize)) -> Option<(usize, usize)> {
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
    fn mapping(
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
fn node_start(node: &Node) -> Option<(usize, usize)> {
    match &node.kind {
        Kind::Map(entries) => entries.first().map(|e| (e.line, e.col)),
        Kind::Seq(items) => items.first().map(|i| (i.line, i.col)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// The patch: edits on byte ranges of the original text.

/// Replace `start..end` of the original with `text`; an insertion when the range is empty.
struct Edit {
    start: usize,
    end: usize,
    text: String,
}

/// This part of the text cannot be patched in place; the caller replaces what encloses it.
struct Unsupported;

type Step = Result<(), Unsupported>;

struct Patcher<'a> {
    lines: Lines<'a>,
    edits: Vec<Edit>,
}

impl Patcher<'_> {
    fn node(&mut self, node: &Node, old: &Value, new: &Value) -> Step {
        match (&node.kind, old, new) {
            (Kind::Map(entries), Value::Mapping(old), Value::Mapping(new)) => {
                self.mapping(entries, old, new)
            }
            (Kind::Seq(items), Value::Sequence(old), Value::Sequence(new)) => {
                self.sequence(items, old, new)
            }
            _ => Err(Unsupported),
        }
    }

    fn mapping(&mut self, entries: &[Entry], old: &Mapping, new: &Mapping) -> Step {
        // An emptied block mapping has no lines of its own to keep: `key: {}` replaces it.
        if new.is_empty() {
            return Err(Unsupported);
        }
        let find = |key: &str| entries.iter().find(|e| e.key == key);
        let keys = new
            .keys()
            .map(|k| k.as_str().ok_or(Unsupported))
            .collect::<Result<Vec<_>, _>>()?;
        for (i, (key, value)) in keys.iter().zip(new.values()).enumerate() {
            let before = old.get(*key);
            if before == Some(value) {
                continue;
            }
            if let Some(entry) = find(key) {
                self.entry(entry, before, value)?;
                continue;
            }
            // A new key goes after the nearest key before it that the text has, else before
            // the nearest one after it, else after the last entry.
            let after = keys
                .get(..i)
                .into_iter()
                .flatten()
                .rev()
                .find_map(|k| find(k));
            let ahead = keys
                .get(i + 1..)
                .into_iter()
                .flatten()
                .find_map(|k| find(k));
            let (at, col) = match (after, ahead) {
                (Some(e), _) => (self.lines.start(e.end), e.col),
                (None, Some(e)) if self.lines.owns_line(e.line, e.col) => {
                    (self.lines.start(e.line), e.col)
                }
                (None, Some(_)) => return Err(Unsupported),
                (None, None) => {
                    let last = entries.last().ok_or(Unsupported)?;
                    (self.lines.start(last.end), last.col)
                }
            };
            let text = format!("{}{}", indent(col), render_entry(key, value, col, None)?);
            self.push(at, at, text);
        }
        for key in old.keys() {
            if new.contains_key(key) {
                continue;
            }
            let key = key.as_str().ok_or(Unsupported)?;
            if let Some(entry) = find(key) {
                if !self.lines.owns_line(entry.line, entry.col) {
                    return Err(Unsupported);
                }
                let (start, end) = (self.lines.start(entry.line), self.lines.start(entry.end));
                self.push(start, end, String::new());
            }
        }
        Ok(())
    }

    /// An entry whose value changed: patched inside when it can be, else rewritten.
    fn entry(&mut self, entry: &Entry, old: Option<&Value>, new: &Value) -> Step {
        let mark = self.edits.len();
        if let Some(old) = old
            && self.node(&entry.value, old, new).is_ok()
        {
            return Ok(());
        }
        self.edits.truncate(mark);
        let start = self
            .lines
            .offset(entry.line, entry.col)
            .ok_or(Unsupported)?;
        let end = self.lines.start(entry.end);
        let text = render_entry(&entry.key, new, entry.col, Some(&entry.value.kind))?;
        let text = self.keep_comment(text, entry.line, entry.end, start);
        self.push(start, end, text);
        Ok(())
    }

    /// A one-line replacement for the one line at `line` keeps that line's trailing comment.
    fn keep_comment(&self, text: String, line: usize, end: usize, start: usize) -> String {
        let one_line = text.strip_suffix('\n').filter(|t| !t.contains('\n'));
        let (Some(new_line), true) = (one_line, end == line + 1) else {
            return text;
        };
        let old = &self.lines.text[start..self.lines.start(line) + self.lines.line(line).len()];
        match trailing_comment(old) {
            Some(comment) => format!("{new_line}{comment}\n"),
            None => text,
        }
    }

    fn sequence(&mut self, items: &[Item], old: &[Value], new: &[Value]) -> Step {
        if items.len() != old.len() || new.is_empty() {
            return Err(Unsupported);
        }
        let groups = align(old, new);
        // Items removed in one place and added in another move with their own text.
        let mut movable: Vec<usize> = groups
            .iter()
            .flat_map(|g| g.removed.iter().skip(g.added.len()).copied())
            .collect();
        let mut previous_end: Option<usize> = None;
        for group in &groups {
            for (&i, &j) in group.removed.iter().zip(&group.added) {
                let (Some(item), Some(before), Some(after)) =
                    (items.get(i), old.get(i), new.get(j))
                else {
                    return Err(Unsupported);
                };
                self.item(item, before, after)?;
                previous_end = Some(item.end);
            }
            let at = match previous_end {
                Some(end) => self.lines.start(end),
                None => {
                    let first = items.first().ok_or(Unsupported)?;
                    if !self.lines.owns_line(first.line, first.col) {
                        return Err(Unsupported);
                    }
                    self.lines.start(first.line)
                }
            };
            let col = items.first().map_or(0, |i| i.col);
            for &j in group.added.iter().skip(group.removed.len()) {
                let value = new.get(j).ok_or(Unsupported)?;
                let moved = movable
                    .iter()
                    .position(|&i| old.get(i) == Some(value))
                    .and_then(|k| {
                        let i = movable.remove(k);
                        items.get(i)
                    })
                    .filter(|item| self.lines.owns_line(item.line, item.col));
                let text = match moved {
                    Some(item) => {
                        let text = &self.lines.text
                            [self.lines.start(item.line)..self.lines.start(item.end)];
                        // Line ends as rendered text has them; `push` makes them the file's.
                        let text = text.replace("\r\n", "\n");
                        if text.ends_with('\n') {
                            text
                        } else {
                            format!("{text}\n")
                        }
                    }
                    None => format!("{}{}", indent(col), render_item(value, col, None)?),
                };
                self.push(at, at, text);
            }
            for &i in group.removed.iter().skip(group.added.len()) {
                let item = items.get(i).ok_or(Unsupported)?;
                if !self.lines.owns_line(item.line, item.col) {
                    return Err(Unsupported);
                }
                let (start, end) = (self.lines.start(item.line), self.lines.start(item.end));
                self.push(start, end, String::new());
            }
            if let Some(&i) = group.kept.last() {
                previous_end = items.get(i).map(|item| item.end);
            }
        }
        Ok(())
    }

    /// An item whose value changed: patched inside when it can be, else rewritten.
    fn item(&mut self, item: &Item, old: &Value, new: &Value) -> Step {
        let mark = self.edits.len();
        if self.node(&item.value, old, new).is_ok() {
            return Ok(());
        }
        self.edits.truncate(mark);
        let start = self.lines.offset(item.line, item.col).ok_or(Unsupported)?;
        let end = self.lines.start(item.end);
        let text = render_item(new, item.col, Some(&item.value.kind))?;
        let text = self.keep_comment(text, item.line, item.end, start);
        self.push(start, end, text);
        Ok(())
    }

    fn push(&mut self, start: usize, end: usize, text: String) {
        let text = if self.lines.newline == "\n" {
            text
        } else {
            text.replace('\n', self.lines.newline)
        };
        self.edits.push(Edit { start, end, text });
    }

    /// The original with every edit made; `None` if two edits overlap.
    fn apply(mut self) -> Option<String> {
        // A stable sort: insertions at one place stay in the order they were made.
        self.edits.sort_by_key(|e| e.start);
        let text = self.lines.text;
        let mut out = String::with_capacity(text.len() + 256);
        let mut cursor = 0;
        for edit in &self.edits {
            if edit.start < cursor || edit.end < edit.start {
                return None;
            }
            out.push_str(text.get(cursor..edit.start)?);
            if edit.start == text.len() && !text.is_empty() && !out.ends_with('\n') {
                out.push_str(self.lines.newline);
            }
            out.push_str(&edit.text);
            cursor = edit.end;
        }
        out.push_str(text.get(cursor..)?);
        Some(out)
    }
}

/// The comment that ends a one-line entry or item, with the space before it: found where
/// cutting the line there leaves a text that reads the same, so a `#` inside quotes is not
/// taken for one.
fn trailing_comment(line: &str) -> Option<&str> {
    // Each try parses the line: a few tries on a line of ordinary length.
    if line.len() > 2_000 {
        return None;
    }
    let whole: Value = serde_yaml::from_str(line).ok()?;
    // A comment needs a space before its `#`.
    line.match_indices(" #").take(8).find_map(|(at, _)| {
        let head = line[..at].trim_end();
        let cut: Value = serde_yaml::from_str(head).ok()?;
        (cut == whole).then(|| &line[head.len()..])
    })
}

/// One run of a sequence alignment: old items kept (the run's last one ends it), and the old
/// items removed and new items added before them. Removed and added items are paired in
/// order; the rest are deleted or inserted.
#[derive(Default)]
struct Group {
    removed: Vec<usize>,
    added: Vec<usize>,
    kept: Vec<usize>,
}

/// Aligns two sequences on equal items: a longest common subsequence after the common prefix
/// and suffix, cut into groups that each end at a kept item.
fn align(old: &[Value], new: &[Value]) -> Vec<Group> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (a, b) = (
        &old[prefix..old.len() - suffix],
        &new[prefix..new.len() - suffix],
    );
    let mut pairs: Vec<(usize, usize)> = (0..prefix).map(|i| (i, i)).collect();
    if a.len() * b.len() <= MAX_ALIGN_CELLS {
        // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
        let width = b.len() + 1;
        let mut lengths = vec![0u32; (a.len() + 1) * width];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                lengths[i * width + j] = if a[i] == b[j] {
                    lengths[(i + 1) * width + j + 1] + 1
                } else {
                    lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            if a[i] == b[j] {
                pairs.push((prefix + i, prefix + j));
                i += 1;
                j += 1;
            } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    pairs.extend((0..suffix).map(|k| (old.len() - suffix + k, new.len() - suffix + k)));
    let mut groups = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (ki, kj) in pairs {
        groups.push(Group {
            removed: (i..ki).collect(),
            added: (j..kj).collect(),
            kept: vec![ki],
        });
        (i, j) = (ki + 1, kj + 1);
    }
    groups.push(Group {
        removed: (i..old.len()).collect(),
        added: (j..new.len()).collect(),
        kept: Vec::new(),
    });
    groups
}

// ---------------------------------------------------------------------------------------
// Writing new entries and items in the file's block style.

fn indent(col: usize) -> String {
    " ".repeat(col)
}

/// `key: value` for an entry whose key is at column `col`: the first line without
/// indentation, every line ending in a line break. `was` is how the old value was written,
/// so a changed value keeps its style (folded, quoted, flow).
fn render_entry(
    key_name: &str,
    value: &Value,
    col: usize,
    was: Option<&Kind>,
) -> Result<String, Unsupported> {
    let inner = col + 2;
    let key = scalar_line(&Value::String(key_name.to_owned()))?;
    match value {
        Value::Mapping(map) if !map.is_empty() => {
            let mut out = format!("{key}:\n");
            for (k, v) in map {
                let k = k.as_str().ok_or(Unsupported)?;
                out.push_str(&indent(inner));
                out.push_str(&render_entry(k, v, inner, None)?);
            }
            Ok(out)
        }
        Value::Sequence(items) if !items.is_empty() => {
            if matches!(was, Some(Kind::FlowSeq))
                && let Some(flow) = flow_sequence(items)
                && col + key.len() + 2 + flow.len() <= FLOW_LINE_MAX
            {
                return Ok(format!("{key}: {flow}\n"));
            }
            let mut out = format!("{key}:\n");
            for item in items {
                out.push_str(&indent(inner));
                out.push_str(&render_item(item, inner, None)?);
            }
            Ok(out)
        }
        Value::String(text) => {
            let style = match was {
                Some(Kind::Scalar(style)) => Some(*style),
                _ => None,
            };
            // Text too long for one line is folded, as the samples write annotations, unless
            // it was quoted before.
            let long = col + key.len() + 2 + text.chars().count() > WRAP_COLUMN;
            let style = match style {
                _ if keeps_breaks(text) => Some(TScalarStyle::DoubleQuoted),
                None | Some(TScalarStyle::Plain) if long => Some(TScalarStyle::Folded),
                None if date_like(text) => Some(TScalarStyle::DoubleQuoted),
                style => style,
            };
            match styled(text, style, inner) {
                Some(styled) => Ok(format!("{key}: {styled}")),
                None => serialized(&single_entry(key_name, value), col),
            }
        }
        _ => serialized(&single_entry(key_name, value), col),
    }
}

/// `- value` for an item whose dash is at column `col`, laid out as [`render_entry`] does.
fn render_item(value: &Value, col: usize, was: Option<&Kind>) -> Result<String, Unsupported> {
    let inner = col + 2;
    match value {
        Value::Mapping(map) if !map.is_empty() => {
            let mut out = String::from("- ");
            for (n, (k, v)) in map.iter().enumerate() {
                let k = k.as_str().ok_or(Unsupported)?;
                if n > 0 {
                    out.push_str(&indent(inner));
                }
                out.push_str(&render_entry(k, v, inner, None)?);
            }
            Ok(out)
        }
        Value::Sequence(items) if !items.is_empty() => {
            let mut out = String::from("- ");
            for (n, item) in items.iter().enumerate() {
                if n > 0 {
                    out.push_str(&indent(inner));
                }
                out.push_str(&render_item(item, inner, None)?);
            }
            Ok(out)
        }
        Value::String(text) => {
            let style = match was {
                _ if keeps_breaks(text) => Some(TScalarStyle::DoubleQuoted),
                Some(Kind::Scalar(style)) => Some(*style),
                _ if date_like(text) => Some(TScalarStyle::DoubleQuoted),
                _ => None,
            };
            match styled(text, style, inner) {
                Some(styled) => Ok(format!("- {styled}")),
                None => serialized(&Value::Sequence(vec![value.clone()]), col),
            }
        }
        _ => serialized(&Value::Sequence(vec![value.clone()]), col),
    }
}

fn single_entry(key: &str, value: &Value) -> Value {
    let mut map = Mapping::new();
    map.insert(Value::String(key.to_owned()), value.clone());
    Value::Mapping(map)
}

/// serde_yaml's text for a one-line-headed value, its later lines moved to column `col`.
fn serialized(value: &Value, col: usize) -> Result<String, Unsupported> {
    let text = serde_yaml::to_string(value).map_err(|_| Unsupported)?;
    let mut out = String::with_capacity(text.len() + 16);
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if n > 0 && line != "\n" {
            out.push_str(&indent(col));
        }
        out.push_str(line);
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// True for text that serde_yaml would write as a `|+` block, which keeps the blank lines
/// after it: the blank lines before the next entry of the file would join the text.
fn keeps_breaks(text: &str) -> bool {
    let body = text.trim_end_matches('\n');
    text.len() > body.len() + 1 || (body.is_empty() && !text.is_empty())
}

/// True for text that starts like a date (`2025-12-09`): briefs/README.md asks for dates in
/// quotes, since some YAML readers and the schema check take a bare one for something else.
fn date_like(text: &str) -> bool {
    matches!(text.as_bytes(), [a, b, c, d, b'-', ..]
        if [a, b, c, d].iter().all(|digit| digit.is_ascii_digit()))
}

/// A scalar as serde_yaml writes it, when that is one line.
fn scalar_line(value: &Value) -> Result<String, Unsupported> {
    let text = serde_yaml::to_string(value).map_err(|_| Unsupported)?;
    let line = text.strip_suffix('\n').unwrap_or(&text);
    if line.contains('\n') {
        Err(Unsupported)
    } else {
        Ok(line.to_owned())
    }
}

/// A string in the style its old value was written in, when the style can hold it: the text
/// after `key: `, ending in a line break; block lines go to column `col`.
fn styled(text: &str, style: Option<TScalarStyle>, col: usize) -> Option<String> {
    let printable =
        |c: char| !(c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}'));
    match style? {
        TScalarStyle::Folded => {
            let simple = !text.is_empty()
                && text.chars().all(printable)
                && !text.starts_with(char::is_whitespace)
                && !text.ends_with(char::is_whitespace);
            if !simple {
                return None;
            }
            let width = WRAP_COLUMN.saturating_sub(col).max(40);
            let mut out = String::from(">-\n");
            for line in wrap(text, width) {
                out.push_str(&indent(col));
                out.push_str(&line);
                out.push('\n');
            }
            Some(out)
        }
        // JSON escapes what YAML must see escaped, except what is not printable beyond ASCII.
        TScalarStyle::DoubleQuoted
            if text
                .chars()
                .all(|c| printable(c) || matches!(c, '\t' | '\n' | '\r' | '\0'..='\u{1F}')) =>
        {
            serde_json::to_string(text).ok().map(|quoted| quoted + "\n")
        }
        TScalarStyle::SingleQuoted if text.chars().all(printable) => {
            Some(format!("'{}'\n", text.replace('\'', "''")))
        }
        _ => None,
    }
}

/// Lines of at most `width` characters where that can be, broken only at single spaces
/// between two other characters: in folded text each such break reads back as that space.
fn wrap(text: &str, width: usize) -> Vec<String> {
    // Words joined wherever a break would not read back as one space.
    let mut words: Vec<String> = Vec::new();
    for piece in text.split(' ') {
        let joinable = match words.last() {
            None => false,
            Some(last) => {
                last.is_empty()
                    || last.ends_with(char::is_whitespace)
                    || piece.is_empty()
                    || piece.starts_with(char::is_whitespace)
            }
        };
        match words.last_mut() {
            Some(last) if joinable => {
                last.push(' ');
                last.push_str(piece);
            }
            _ => words.push(piece.to_owned()),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in words {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `[a, b]` for a sequence of scalars that can all be written so.
fn flow_sequence(items: &[Value]) -> Option<String> {
    let mut parts = Vec::with_capacity(items.len());
    for item in items {
        if matches!(
            item,
            Value::Sequence(_) | Value::Mapping(_) | Value::Tagged(_)
        ) {
            return None;
        }
        let text = scalar_line(item).ok()?;
        let quoted = text.starts_with('\'') || text.starts_with('"');
        if !quoted && text.contains([',', '[', ']', '{', '}']) {
            return None;
        }
        parts.push(text);
    }
    Some(format!("[{}]", parts.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annotation, AnnotationKind, Brief, Date, Order, Section, SectionKind};
    use crate::store;

    const SAMPLES: [&str; 2] = [
        "background-pack.brief.yaml",
        "principal-premeeting.brief.yaml",
    ];

    fn sample(name: &str) -> (String, Brief) {
        let text = std::fs::read_to_string(store::briefs_dir_sample(name)).unwrap();
        let brief = store::parse_brief(&text, name).unwrap();
        (text, brief)
    }

    /// Saves `edit` of a sample; checks the result reads back as the edited brief.
    fn saved(name: &str, edit: impl FnOnce(&mut Brief)) -> (String, String) {
        let (text, old) = sample(name);
        let mut new = old.clone();
        edit(&mut new);
        let out = to_string_over(&text, &old, &new).unwrap();
        assert_eq!(store::parse_brief(&out, name).unwrap(), new, "{out}");
        (text, out)
    }

    /// The lines only in `a` and only in `b`, by a longest common subsequence of lines.
    fn line_diff(a: &str, b: &str) -> (Vec<String>, Vec<String>) {
        let a: Vec<&str> = a.lines().collect();
        let b: Vec<&str> = b.lines().collect();
        let w = b.len() + 1;
        let mut l = vec![0usize; (a.len() + 1) * w];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                l[i * w + j] = if a[i] == b[j] {
                    l[(i + 1) * w + j + 1] + 1
                } else {
                    l[(i + 1) * w + j].max(l[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        let (mut removed, mut added) = (Vec::new(), Vec::new());
        while i < a.len() || j < b.len() {
            if i < a.len() && j < b.len() && a[i] == b[j] {
                i += 1;
                j += 1;
            } else if j == b.len() || (i < a.len() && l[(i + 1) * w + j] >= l[i * w + j + 1]) {
                removed.push(a[i].to_owned());
                i += 1;
            } else {
                added.push(b[j].to_owned());
                j += 1;
            }
        }
        (removed, added)
    }

    fn assert_comments_kept(before: &str, after: &str) {
        assert!(
            after.starts_with("# yaml-language-server: $schema="),
            "{after}"
        );
        for line in before.lines().filter(|l| l.trim_start().starts_with('#')) {
            assert!(after.lines().any(|a| a == line), "lost {line:?}");
        }
    }

    #[test]
    fn unchanged_samples_are_byte_identical() {
        let mut seen = 0;
        for entry in std::fs::read_dir(store::briefs_dir_sample("")).unwrap() {
            let path = entry.unwrap().path();
            if !path.to_string_lossy().ends_with(".brief.yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let brief = store::parse_brief(&text, "sample").unwrap();
            assert_eq!(to_string_over(&text, &brief, &brief.clone()).unwrap(), text);
            seen += 1;
        }
        assert!(seen >= SAMPLES.len());
    }

    #[test]
    fn a_new_title_changes_one_line() {
        for name in SAMPLES {
            let (before, after) = saved(name, |b| b.title = "A new title: with a colon".into());
            let (removed, added) = line_diff(&before, &after);
            assert_eq!(removed.len(), 1, "{after}");
            assert!(removed[0].starts_with("title: "));
            // The old title was double-quoted; the new one is too.
            assert_eq!(
                added,
                vec!["title: \"A new title: with a colon\"".to_owned()]
            );
            assert_comments_kept(&before, &after);
        }
    }

    #[test]
    fn ticking_a_box_in_a_flow_list_changes_one_line() {
        let (before, after) = saved("principal-premeeting.brief.yaml", |b| {
            b.sections[1]
                .items
                .as_mut()
                .unwrap()
                .push("ind-energy".into());
        });
        let (removed, added) = line_diff(&before, &after);
        assert_eq!(removed, vec!["    items: [ind-territory, ind-casualties]"]);
        assert_eq!(
            added,
            vec!["    items: [ind-territory, ind-casualties, ind-energy]"]
        );
    }

    #[test]
    fn ticking_a_box_in_a_block_list_adds_one_line() {
        let (before, after) = saved("principal-premeeting.brief.yaml", |b| {
            let items = b.sections[2].items.as_mut().unwrap();
            items.insert(2, "ev-2025-12-03-new".into());
            items.remove(0);
        });
        let (removed, added) = line_diff(&before, &after);
        assert_eq!(
            removed,
            vec!["      - ev-2025-12-07-zelenskyy-constructive"]
        );
        assert_eq!(added, vec!["      - ev-2025-12-03-new"]);
        let at = after.find("ev-2025-12-03-new").unwrap();
        assert!(after.find("ev-2025-12-06-znpp-power-loss").unwrap() < at);
        assert!(at < after.find("ev-2025-12-02-kremlin-talks").unwrap());
    }

    #[test]
    fn picking_items_where_all_showed_adds_only_the_list() {
        let (before, after) = saved("background-pack.brief.yaml", |b| {
            b.sections[2].items = Some(vec!["kellogg".into(), "ushakov".into()]);
        });
        let (removed, added) = line_diff(&before, &after);
        assert!(removed.is_empty(), "{removed:?}");
        assert_eq!(
            added,
            vec!["    items:", "      - kellogg", "      - ushakov"]
        );
        assert!(after.contains("  - kind: people\n    items:\n      - kellogg\n"));
    }

    #[test]
    fn a_changed_annotation_keeps_its_folded_style_and_touches_only_itself() {
        let text = "The casualty figure is an estimate that covers both sides together; the \
                    sources give no breakdown by side, and none is expected before the talks.";
        let (before, after) = saved("background-pack.brief.yaml", |b| {
            b.sections[1].annotations[0].text = text.into();
        });
        let (removed, added) = line_diff(&before, &after);
        assert_eq!(removed.len(), 2, "{removed:?}");
        assert!(removed.iter().all(|l| l.starts_with("          ")));
        assert_eq!(added.len(), 2, "{added:?}");
        assert!(
            added
                .iter()
                .all(|l| l.starts_with("          ") && l.len() <= WRAP_COLUMN)
        );
        assert!(after.contains("        text: >-\n          The casualty figure is an"));
        assert_comments_kept(&before, &after);
    }

    #[test]
    fn an_added_section_adds_only_its_lines() {
        let (before, after) = saved("background-pack.brief.yaml", |b| {
            let mut notes = Section::new(SectionKind::Notes);
            notes.heading = Some("Questions".into());
            notes.annotations.push(Annotation {
                kind: AnnotationKind::Question,
                text: "Who speaks first?".into(),
            });
            b.sections.insert(3, notes);
        });
        let (removed, added) = line_diff(&before, &after);
        assert!(removed.is_empty(), "{removed:?}");
        assert_eq!(
            added,
            vec![
                "  - kind: notes",
                "    heading: Questions",
                "    annotations:",
                "      - kind: question",
                "        text: Who speaks first?",
            ]
        );
        assert!(after.contains("  - kind: people\n  - kind: notes\n"));
    }

    #[test]
    fn long_new_text_is_folded_like_the_rest() {
        let long = "word ".repeat(40);
        let (_, after) = saved("principal-premeeting.brief.yaml", |b| {
            b.annotations.push(crate::model::ItemAnnotation {
                item: "kellogg".into(),
                kind: AnnotationKind::Note,
                text: long.trim().into(),
                every_section: false,
            });
        });
        assert!(
            after.contains("\n  - item: kellogg\n    kind: note\n    text: >-\n      word word"),
            "{after}"
        );
        let new_lines = after.lines().skip_while(|l| !l.contains("item: kellogg"));
        assert!(new_lines.clone().count() > 4);
        assert!(
            new_lines
                .into_iter()
                .all(|l| l.chars().count() <= WRAP_COLUMN)
        );
    }

    #[test]
    fn a_removed_section_removes_only_its_lines() {
        let (before, after) = saved("background-pack.brief.yaml", |b| {
            b.sections.remove(5);
        });
        let (removed, added) = line_diff(&before, &after);
        assert!(added.is_empty(), "{added:?}");
        assert_eq!(removed.len(), 10, "{removed:?}");
        assert_eq!(removed[0], "  - kind: timeline");
        assert_eq!(removed[1], "    heading: \"2025: the push for a deal\"");
    }

    #[test]
    fn a_moved_section_keeps_its_text() {
        let (before, after) = saved("background-pack.brief.yaml", |b| {
            let section = b.sections.remove(1);
            b.sections.push(section);
        });
        let (removed, added) = line_diff(&before, &after);
        assert_eq!(removed.len(), 6, "{removed:?}");
        assert_eq!(removed, added);
    }

    #[test]
    fn defaults_written_in_the_file_are_edited_where_they_are() {
        // `order: oldest_first` is in the file, though the brief as read leaves it out.
        let (before, after) = saved("background-pack.brief.yaml", |b| {
            b.sections[4].order = Order::NewestFirst;
            b.sections[5].included = false;
            b.meeting.date = Some(Date::new(2025, 12, 9).unwrap());
        });
        let (removed, added) = line_diff(&before, &after);
        assert_eq!(removed, vec!["    order: oldest_first"]);
        assert_eq!(
            added,
            vec![
                "  date: \"2025-12-09\"",
                "    order: newest_first",
                "    included: false"
            ]
        );
    }

    #[test]
    fn a_default_restored_removes_its_line() {
        let (before, after) = saved("principal-premeeting.brief.yaml", |b| {
            b.sections[2].order = Order::OldestFirst;
            b.meeting.time.clear();
        });
        let (removed, added) = line_diff(&before, &after);
        assert_eq!(
            removed,
            vec!["  time: \"10:00–10:45 CET\"", "    order: newest_first"]
        );
        assert!(added.is_empty());
    }

    #[test]
    fn a_changed_line_keeps_its_comment() {
        let text = "version: 1\ntitle: \"A # b\"   # the title\npage_budget: 6 # at most\n\
                    sections:\n  - kind: people\n    items:\n      - a  # first\n      - b\n";
        let old = store::parse_brief(text, "x").unwrap();
        let mut new = old.clone();
        new.title = "C # d".into();
        new.page_budget = Some(5);
        new.sections[0].items = Some(vec!["z".into(), "b".into()]);
        let out = to_string_over(text, &old, &new).unwrap();
        assert_eq!(
            out,
            "version: 1\ntitle: \"C # d\"   # the title\npage_budget: 5 # at most\n\
             sections:\n  - kind: people\n    items:\n      - z  # first\n      - b\n"
        );
    }

    #[test]
    fn windows_line_endings_stay() {
        let (text, old) = sample("principal-premeeting.brief.yaml");
        let text = text.replace('\n', "\r\n");
        let mut new = old.clone();
        new.subtitle = "Another line".into();
        new.sections.push(Section::new(SectionKind::Sources));
        let out = to_string_over(&text, &old, &new).unwrap();
        assert_eq!(store::parse_brief(&out, "x").unwrap(), new);
        assert!(!out.replace("\r\n", "").contains('\n'), "{out:?}");
        let (removed, added) = line_diff(&text, &out);
        assert_eq!(removed.len(), 1);
        assert_eq!(added.len(), 2);
    }

    #[test]
    fn a_file_without_a_final_line_break_takes_appended_lines() {
        let text = "version: 1\ntitle: x\nsections:\n  - kind: overview";
        let old = store::parse_brief(text, "x").unwrap();
        let mut new = old.clone();
        new.sections.push(Section::new(SectionKind::People));
        new.page_budget = Some(4);
        let out = to_string_over(text, &old, &new).unwrap();
        assert_eq!(
            out,
            "version: 1\ntitle: x\npage_budget: 4\nsections:\n  - kind: overview\n  - kind: people\n"
        );
    }

    const ANCHORED: &str = "# yaml-language-server: $schema=schema/brief.schema.json\n\
        version: 1\n\
        title: &t Anchored title\n\
        subtitle: *t\n\
        sections: [{kind: overview}, {kind: people, items: [a, b]}]\n\
        annotations:\n  - {item: a, text: x}\n";

    #[test]
    fn anchors_and_flow_style_still_save_what_was_meant() {
        let old = store::parse_brief(ANCHORED, "x").unwrap();
        assert_eq!(old.subtitle, "Anchored title");
        let mut new = old.clone();
        new.title = "Plain title".into();
        new.sections[1].items = Some(vec!["b".into()]);
        new.annotations[0].text = "y".into();
        let out = to_string_over(ANCHORED, &old, &new).unwrap();
        assert_eq!(store::parse_brief(&out, "x").unwrap(), new, "{out}");
        assert!(out.starts_with("# yaml-language-server: $schema=schema/brief.schema.json\n"));
        // Unchanged, the file is kept as it is.
        assert_eq!(to_string_over(ANCHORED, &old, &old).unwrap(), ANCHORED);
    }

    #[test]
    fn an_edit_beside_an_alias_keeps_the_rest() {
        let old = store::parse_brief(ANCHORED, "x").unwrap();
        let mut new = old.clone();
        new.prepared_by = "Desk".into();
        new.sections.push(Section::new(SectionKind::Sources));
        let out = to_string_over(ANCHORED, &old, &new).unwrap();
        assert_eq!(store::parse_brief(&out, "x").unwrap(), new, "{out}");
        assert!(
            out.contains("title: &t Anchored title\nsubtitle: *t\n"),
            "{out}"
        );
    }

    #[test]
    fn merge_keys_are_replaced_whole_not_patched_inside() {
        let text = "base: &b {x: 1, y: 2}\n\
                    use:\n  <<: *b\n  z: 3\n\
                    other:\n  # kept\n  k: v\n";
        let old: Value = serde_yaml::from_str(text).unwrap();
        let mut new = old.clone();
        new["use"]["z"] = Value::from(4);
        new["other"]["k"] = Value::from("w");
        let out = to_string_over(text, &old, &new).unwrap();
        assert_eq!(serde_yaml::from_str::<Value>(&out).unwrap(), new, "{out}");
        assert!(out.contains("  # kept\n  k: w\n"), "{out}");
    }

    #[test]
    fn the_callers_reader_checks_the_patch() {
        // Read as a merge-aware reader reads it, `use` holds x, y and z.
        let merged = |text: &str| {
            let mut value: Value = serde_yaml::from_str(text).ok()?;
            value.apply_merge().ok()?;
            Some(value)
        };
        let text = "base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  z: 3\nother:\n  # kept\n  k: v\n";
        let old = merged(text).unwrap();
        let mut new = old.clone();
        new["use"]["y"] = Value::from(5);
        new["other"]["k"] = Value::from("w");
        let out = to_string_over_with(text, &old, &new, merged).unwrap();
        assert_eq!(merged(&out).unwrap(), new, "{out}");
        assert!(out.starts_with("base: &b {x: 1, y: 2}\nuse:\n"), "{out}");
        assert!(out.ends_with("other:\n  # kept\n  k: w\n"), "{out}");
        // A reader that refuses everything leaves only the fresh text, which it refuses too.
        let out = to_string_over_with(text, &old, &new, |_| None::<Value>).unwrap();
        assert_eq!(out, serde_yaml::to_string(&new).unwrap());
    }

    #[test]
    fn a_patch_that_would_read_differently_falls_back() {
        // `original` is not what `old` was read from: the patch would keep a stale line.
        let (text, old) = sample("principal-premeeting.brief.yaml");
        let stale = text.replace("page_size: a4", "page_size: letter");
        let mut new = old.clone();
        new.title = "T".into();
        let out = to_string_over(&stale, &old, &new).unwrap();
        assert_eq!(store::parse_brief(&out, "x").unwrap(), new);
        assert!(out.starts_with("# yaml-language-server"));
    }

    mod random_edits {
        use super::*;
        use proptest::prelude::*;

        #[derive(Debug, Clone)]
        enum EditOp {
            Title(String),
            Subtitle(String),
            AnnotationText(usize, String),
            Included(usize),
            Heading(usize, Option<String>),
            AddItem(usize, String),
            RemoveItem(usize),
            AllItems(usize),
            InsertSection(usize, usize),
            RemoveSection(usize),
            MoveSection(usize, usize),
            BottomLine(usize, String),
            RemoveAnnotation(usize),
            AddAnnotation(String, String),
            Order(usize),
            Budget(Option<u32>),
        }

        fn text() -> impl Strategy<Value = String> {
            prop_oneof![
                "[a-zA-Z ]{0,20}",
                "[a-z]{1,12}( [a-z]{1,12}){5,30}",
                ".{0,40}",
                "[ \\n\\t#:'\"\\-\\[\\]{}&*!|>%@`a-z]{0,30}",
            ]
        }

        fn edit() -> impl Strategy<Value = EditOp> {
            let n = 0usize..12;
            prop_oneof![
                text().prop_map(EditOp::Title),
                text().prop_map(EditOp::Subtitle),
                (n.clone(), text()).prop_map(|(i, t)| EditOp::AnnotationText(i, t)),
                n.clone().prop_map(EditOp::Included),
                (n.clone(), proptest::option::of(text())).prop_map(|(i, t)| EditOp::Heading(i, t)),
                (n.clone(), "[a-z0-9-]{1,20}").prop_map(|(i, t)| EditOp::AddItem(i, t)),
                n.clone().prop_map(EditOp::RemoveItem),
                n.clone().prop_map(EditOp::AllItems),
                (n.clone(), 0usize..9).prop_map(|(i, k)| EditOp::InsertSection(i, k)),
                n.clone().prop_map(EditOp::RemoveSection),
                (n.clone(), n.clone()).prop_map(|(a, b)| EditOp::MoveSection(a, b)),
                (n.clone(), text()).prop_map(|(i, t)| EditOp::BottomLine(i, t)),
                n.clone().prop_map(EditOp::RemoveAnnotation),
                ("[a-z0-9-]{1,20}", text()).prop_map(|(i, t)| EditOp::AddAnnotation(i, t)),
                n.clone().prop_map(EditOp::Order),
                proptest::option::of(0u32..40).prop_map(EditOp::Budget),
            ]
        }

        fn apply(brief: &mut Brief, op: EditOp) {
            let count = brief.sections.len().max(1);
            match op {
                EditOp::Title(t) => brief.title = t,
                EditOp::Subtitle(t) => brief.subtitle = t,
                EditOp::AnnotationText(i, t) => {
                    if let Some(a) = brief
                        .sections
                        .get_mut(i % count)
                        .and_then(|s| s.annotations.first_mut())
                    {
                        a.text = t;
                    } else if let Some(a) = brief.annotations.get_mut(i) {
                        a.text = t;
                    }
                }
                EditOp::Included(i) => {
                    if let Some(s) = brief.sections.get_mut(i % count) {
                        s.included = !s.included;
                    }
                }
                EditOp::Heading(i, t) => {
                    if let Some(s) = brief.sections.get_mut(i % count) {
                        s.heading = t;
                    }
                }
                EditOp::AddItem(i, t) => {
                    if let Some(s) = brief.sections.get_mut(i % count) {
                        s.items.get_or_insert_with(Vec::new).push(t);
                    }
                }
                EditOp::RemoveItem(i) => {
                    if let Some(items) = brief
                        .sections
                        .get_mut(i % count)
                        .and_then(|s| s.items.as_mut())
                        && !items.is_empty()
                    {
                        items.remove(i % items.len());
                    }
                }
                EditOp::AllItems(i) => {
                    if let Some(s) = brief.sections.get_mut(i % count) {
                        s.items = None;
                    }
                }
                EditOp::InsertSection(i, k) => {
                    let at = i % (brief.sections.len() + 1);
                    brief.sections.insert(at, Section::new(SectionKind::ALL[k]));
                }
                EditOp::RemoveSection(i) => {
                    if !brief.sections.is_empty() {
                        brief.sections.remove(i % count);
                    }
                }
                EditOp::MoveSection(a, b) => {
                    if !brief.sections.is_empty() {
                        let s = brief.sections.remove(a % count);
                        let at = b % (brief.sections.len() + 1);
                        brief.sections.insert(at, s);
                    }
                }
                EditOp::BottomLine(i, t) => {
                    let lines = &mut brief.meeting.bottom_line;
                    if lines.is_empty() || i % 3 == 0 {
                        lines.push(t);
                    } else {
                        let n = lines.len();
                        lines[i % n] = t;
                    }
                }
                EditOp::RemoveAnnotation(i) => {
                    if !brief.annotations.is_empty() {
                        let n = brief.annotations.len();
                        brief.annotations.remove(i % n);
                    }
                }
                EditOp::AddAnnotation(item, text) => {
                    brief.annotations.push(crate::model::ItemAnnotation {
                        item,
                        kind: AnnotationKind::TalkingPoint,
                        text,
                        every_section: false,
                    });
                }
                EditOp::Order(i) => {
                    if let Some(s) = brief.sections.get_mut(i % count) {
                        s.order = if s.order == Order::OldestFirst {
                            Order::NewestFirst
                        } else {
                            Order::OldestFirst
                        };
                    }
                }
                EditOp::Budget(b) => brief.page_budget = b,
            }
        }

        /// The samples as written, and written the ways other tools and older versions of
        /// this app write them: serde_yaml's own layout (sequences not indented, no comments),
        /// and with comments and blank lines between entries, with Unix and Windows line ends.
        fn variants() -> Vec<(String, Brief)> {
            let mut out = Vec::new();
            for name in SAMPLES {
                let (text, brief) = sample(name);
                let plain = serde_yaml::to_string(&brief).unwrap();
                let commented: String = text
                    .lines()
                    .map(|l| {
                        let top = l.starts_with(|c: char| c.is_ascii_lowercase());
                        if top || l.starts_with("  - kind:") {
                            let pad = if top { "" } else { "  " };
                            format!("\n{pad}# before {l:?}\n{l}  # on the line\n")
                        } else {
                            format!("{l}\n")
                        }
                    })
                    .collect();
                let crlf = commented.replace('\n', "\r\n");
                for variant in [text, plain, commented, crlf] {
                    assert_eq!(
                        store::parse_brief(&variant, name).unwrap(),
                        brief,
                        "{variant}"
                    );
                    out.push((variant, brief.clone()));
                }
            }
            out
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]
            #[test]
            fn random_edits_read_back_as_edited(
                which in 0usize..8,
                ops in proptest::collection::vec(edit(), 1..6),
            ) {
                let (text, old) = variants().swap_remove(which);
                let mut new = old.clone();
                let shown = format!("{ops:?}");
                for op in ops {
                    apply(&mut new, op);
                }
                let out = to_string_over(&text, &old, &new).unwrap();
                prop_assert_eq!(store::parse_brief(&out, "x").unwrap(), new.clone());
                let patched = patch(
                    &text,
                    &serde_yaml::to_value(&old).unwrap(),
                    &serde_yaml::to_value(&new).unwrap(),
                );
                // Not the fallback: the patch itself read back as the edited brief.
                prop_assert_eq!(patched.as_deref(), Some(out.as_str()), "{}", shown);
                // Every comment of the original that is not on a changed line survives.
                let (removed, _) = line_diff(&text, &out);
                for line in text.lines().filter(|l| l.contains('#') && !removed.iter().any(|r| r == l)) {
                    prop_assert!(out.lines().any(|o| o == line), "lost {:?}", line);
                }
                // And again from the saved text, as the next save does.
                let mut next = new.clone();
                next.title.push('!');
                let again = to_string_over(&out, &new, &next).unwrap();
                prop_assert_eq!(store::parse_brief(&again, "x").unwrap(), next);
            }
        }
    }
}
