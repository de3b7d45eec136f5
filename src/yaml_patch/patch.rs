//! The patch: edits on byte ranges of the original text.

use super::*;

/// Replace `start..end` of the original with `text`; an insertion when the range is empty.
pub(super) struct Edit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: String,
}

/// This part of the text cannot be patched in place; the caller replaces what encloses it.
pub(super) struct Unsupported;

pub(super) type Step = Result<(), Unsupported>;

pub(super) struct Patcher<'a> {
    pub(super) lines: Lines<'a>,
    pub(super) edits: Vec<Edit>,
}

impl Patcher<'_> {
    pub(super) fn node(&mut self, node: &Node, old: &Value, new: &Value) -> Step {
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

    pub(super) fn mapping(&mut self, entries: &[Entry], old: &Mapping, new: &Mapping) -> Step {
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
    pub(super) fn entry(&mut self, entry: &Entry, old: Option<&Value>, new: &Value) -> Step {
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
    pub(super) fn keep_comment(
        &self,
        text: String,
        line: usize,
        end: usize,
        start: usize,
    ) -> String {
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

    pub(super) fn sequence(&mut self, items: &[Item], old: &[Value], new: &[Value]) -> Step {
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
    pub(super) fn item(&mut self, item: &Item, old: &Value, new: &Value) -> Step {
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

    pub(super) fn push(&mut self, start: usize, end: usize, text: String) {
        let text = if self.lines.newline == "\n" {
            text
        } else {
            text.replace('\n', self.lines.newline)
        };
        self.edits.push(Edit { start, end, text });
    }

    /// The original with every edit made; `None` if two edits overlap.
    pub(super) fn apply(mut self) -> Option<String> {
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
pub(super) fn trailing_comment(line: &str) -> Option<&str> {
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
pub(super) struct Group {
    pub(super) removed: Vec<usize>,
    pub(super) added: Vec<usize>,
    pub(super) kept: Vec<usize>,
}

/// Aligns two sequences on equal items: a longest common subsequence after the common prefix
/// and suffix, cut into groups that each end at a kept item.
pub(super) fn align(old: &[Value], new: &[Value]) -> Vec<Group> {
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
