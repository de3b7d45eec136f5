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

mod index;
mod lines;
mod patch;
mod render;
#[cfg(test)]
mod tests;

use index::*;
use lines::*;
use patch::*;
use render::*;

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
