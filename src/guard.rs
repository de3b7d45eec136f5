//! A first pass over a YAML text, before it becomes a document: refuses what would cost
//! unbounded time or memory (deep nesting, alias amplification, too many nodes) and finds
//! what serde would report in the wrong place (a duplicate key) or not at all (merge keys
//! to apply). It streams parser events and stops at the first fault, so a hostile file costs
//! no more than the part of it read before the fault.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// Deepest nesting of lists and mappings; a brief needs six levels, a dossier five.
pub const MAX_DEPTH: usize = 32;

/// Most values in a document, counting each use of an alias as a copy of what it names.
pub const MAX_NODES: u64 = 500_000;

/// Most bytes of text in a document, counting each use of an alias as a copy.
pub const MAX_TEXT_BYTES: u64 = 32 * 1024 * 1024;

/// What the pass found in a text that may be parsed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Screened {
    /// The text uses `<<` merge keys, which must be applied before reading the document.
    pub merge_keys: bool,
}

/// Why a text is refused, and where (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// Line and column.
    pub position: (usize, usize),
    /// What is wrong, in a staffer's words.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

#[derive(Clone, Copy)]
struct Counts {
    nodes: u64,
    bytes: u64,
}

struct Frame {
    /// Anchor id, 0 for none.
    anchor: usize,
    /// The totals when the container started, to size what an anchor names.
    start: Counts,
    /// For a mapping, the keys seen so far and where; `None` for a list.
    keys: Option<HashMap<String, (usize, usize)>>,
    /// For a mapping, whether the next value is a key.
    expecting_key: bool,
}

struct Pass {
    stack: Vec<Frame>,
    totals: Counts,
    anchors: HashMap<usize, Counts>,
    /// Whether an alias has been used: the limits' messages then speak of copies.
    aliased: bool,
    screened: Screened,
}

/// Checks `text`. A syntax error ends the pass quietly: the parser that follows reports it.
pub fn screen(text: &str) -> Result<Screened, Fault> {
    let mut parser = Parser::new_from_str(text);
    let mut pass = Pass {
        stack: Vec::new(),
        totals: Counts { nodes: 0, bytes: 0 },
        anchors: HashMap::new(),
        aliased: false,
        screened: Screened::default(),
    };
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(next) => next,
            // The parser that follows reports a syntax error; but it slows down with the
            // square of bracket depth, so deep brackets are refused here first.
            Err(_) => return deep_brackets(text).map_or(Ok(pass.screened), Err),
        };
        match event {
            Event::StreamEnd => return Ok(pass.screened),
            Event::Scalar(value, style, anchor, _) => {
                pass.key(Some((&value, style)), mark)?;
                let size = Counts {
                    nodes: 1,
                    bytes: value.len() as u64,
                };
                pass.add(size, mark)?;
                if anchor > 0 {
                    pass.anchors.insert(anchor, size);
                }
                pass.value_done();
            }
            Event::Alias(id) => {
                pass.key(None, mark)?;
                pass.aliased = true;
                let size = pass
                    .anchors
                    .get(&id)
                    .copied()
                    .unwrap_or(Counts { nodes: 1, bytes: 0 });
                pass.add(size, mark)?;
                pass.value_done();
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                let is_map = matches!(event, Event::MappingStart(..));
                pass.key(None, mark)?;
                let start = pass.totals;
                pass.add(Counts { nodes: 1, bytes: 0 }, mark)?;
                pass.stack.push(Frame {
                    anchor,
                    start,
                    keys: is_map.then(HashMap::new),
                    expecting_key: true,
                });
                if pass.stack.len() > MAX_DEPTH {
                    return Err(Fault {
                        position: position(mark),
                        message: format!(
                            "lists and mappings are nested more than {MAX_DEPTH} deep here"
                        ),
                        hint: "a brief or dossier needs a few levels; is this the right file?"
                            .into(),
                    });
                }
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(frame) = pass.stack.pop()
                    && frame.anchor > 0
                {
                    let size = Counts {
                        nodes: pass.totals.nodes - frame.start.nodes,
                        bytes: pass.totals.bytes - frame.start.bytes,
                    };
                    pass.anchors.insert(frame.anchor, size);
                }
                pass.value_done();
            }
            _ => {}
        }
    }
}

impl Pass {
    /// Adds a value's size to the totals, refusing the document past the limits.
    fn add(&mut self, size: Counts, mark: Marker) -> Result<(), Fault> {
        self.totals.nodes = self.totals.nodes.saturating_add(size.nodes);
        self.totals.bytes = self.totals.bytes.saturating_add(size.bytes);
        let (copies, hint) = if self.aliased {
            (
                ", counting each alias as a copy",
                "aliases (*name) copy what their anchor (&name) names; use fewer, or write the values out",
            )
        } else {
            (
                "",
                "a brief or dossier holds far fewer; is this the right file?",
            )
        };
        if self.totals.nodes > MAX_NODES {
            return Err(Fault {
                position: position(mark),
                message: format!("the document holds more than {MAX_NODES} values by here{copies}"),
                hint: hint.into(),
            });
        }
        if self.totals.bytes > MAX_TEXT_BYTES {
            return Err(Fault {
                position: position(mark),
                message: format!(
                    "the document holds more than {} MB of text by here{copies}",
                    MAX_TEXT_BYTES / (1024 * 1024)
                ),
                hint: hint.into(),
            });
        }
        Ok(())
    }

    /// In a mapping, checks a key for duplicates and merge keys.
    /// `scalar` is the key's text and style; `None` for a container or an alias as a key.
    fn key(&mut self, scalar: Option<(&str, TScalarStyle)>, mark: Marker) -> Result<(), Fault> {
        let Some(Frame {
            keys: Some(keys),
            expecting_key: true,
            ..
        }) = self.stack.last_mut()
        else {
            return Ok(());
        };
        let Some((text, style)) = scalar else {
            return Ok(()); // a complex key or an alias as a key: nothing to compare
        };
        if text == "<<" && style == TScalarStyle::Plain {
            self.screened.merge_keys = true;
        }
        let here = position(mark);
        if let Some(first) = keys.get(text) {
            return Err(Fault {
                position: here,
                message: format!(
                    "\"{}\" appears twice in this mapping; the first is at line {}",
                    crate::problem::escaped(text),
                    first.0
                ),
                hint: "keep one of the two".into(),
            });
        }
        keys.insert(text.to_owned(), here);
        Ok(())
    }

    /// A key or value of the innermost container is complete.
    fn value_done(&mut self) {
        if let Some(Frame {
            keys: Some(_),
            expecting_key,
            ..
        }) = self.stack.last_mut()
        {
            *expecting_key = !*expecting_key;
        }
    }
}

/// The first `[` or `{` nested deeper than [`MAX_DEPTH`], by a rough count that skips
/// comments and quoted text: for a text the YAML parser gave up on.
fn deep_brackets(text: &str) -> Option<Fault> {
    let (mut line, mut column, mut depth) = (1, 0, 0usize);
    let mut chars = text.chars().peekable();
    let mut previous = '\n';
    while let Some(c) = chars.next() {
        column += 1;
        match c {
            '\n' => (line, column) = (line + 1, 0),
            '#' if previous.is_whitespace() => {
                while chars.peek().is_some_and(|c| *c != '\n') {
                    chars.next();
                }
            }
            '"' | '\'' if previous.is_whitespace() || "[{,:-".contains(previous) => {
                while let Some(q) = chars.next() {
                    column += 1;
                    if q == '\n' {
                        (line, column) = (line + 1, 0);
                    } else if q == '\\' && c == '"' {
                        chars.next();
                        column += 1;
                    } else if q == c {
                        break;
                    }
                }
            }
            '[' | '{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(Fault {
                        position: (line, column),
                        message: format!("brackets are nested more than {MAX_DEPTH} deep here"),
                        hint: "a brief or dossier needs a few levels; is this the right file?"
                            .into(),
                    });
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        previous = c;
    }
    None
}

fn position(mark: Marker) -> (usize, usize) {
    (mark.line(), mark.col() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinary_brief_passes() {
        let text = "version: 1\ntitle: T\nsections:\n  - kind: overview\n    items: [a, b]\n";
        assert_eq!(screen(text), Ok(Screened::default()));
    }

    #[test]
    fn alias_amplification_is_refused_at_the_alias() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..8 {
            let prev = (b'a' + level - 1) as char;
            let this = (b'a' + level) as char;
            text.push_str(&format!(
                "{this}: &{this} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        let fault = screen(&text).unwrap_err();
        assert!(fault.message.contains("alias"), "{fault:?}");
        assert!(fault.position.0 > 1, "{fault:?}");
    }

    #[test]
    fn a_long_text_copied_by_aliases_is_refused() {
        let long = "x".repeat(1024 * 1024);
        let mut text = format!("a: &a {long}\nb: [");
        for _ in 0..40 {
            text.push_str("*a, ");
        }
        text.push_str("*a]\n");
        let fault = screen(&text).unwrap_err();
        assert!(fault.message.contains("MB of text"), "{fault:?}");
    }

    #[test]
    fn deep_nesting_is_refused_where_it_goes_too_deep() {
        let text = format!("a: {}{}\n", "[".repeat(1_000), "]".repeat(1_000));
        let fault = screen(&text).unwrap_err();
        assert!(fault.message.contains("nested"), "{fault:?}");
        assert_eq!(fault.position, (1, 4 + MAX_DEPTH));
        let mut block = String::new();
        for depth in 0..200 {
            block.push_str(&format!("{}k:\n", " ".repeat(depth)));
        }
        let fault = screen(&block).unwrap_err();
        assert_eq!(fault.position.0, MAX_DEPTH + 1, "{fault:?}");
        // Too deep for the YAML parser itself, and never closed.
        let text = format!("title: x\na: {}", "[{".repeat(40_000));
        let fault = screen(&text).unwrap_err();
        assert_eq!(fault.position, (2, 4 + MAX_DEPTH), "{fault:?}");
    }

    #[test]
    fn a_duplicate_key_is_reported_at_the_second() {
        let text = "title: A\nsubtitle: S\ntitle: B\n";
        let fault = screen(text).unwrap_err();
        assert_eq!(fault.position, (3, 1));
        assert!(fault.message.contains("line 1"), "{fault:?}");
    }

    #[test]
    fn the_same_key_in_two_mappings_is_fine() {
        let text = "sections:\n  - kind: a\n  - kind: b\nmeeting: {kind: c}\n";
        assert!(screen(text).is_ok());
    }

    #[test]
    fn merge_keys_are_noticed_and_legitimate_aliases_pass() {
        let text = "base: &b {kind: overview}\nsections:\n  - <<: *b\n    heading: H\n  - *b\n";
        assert_eq!(screen(text), Ok(Screened { merge_keys: true }));
    }

    #[test]
    fn a_syntax_error_is_left_to_the_parser() {
        assert!(screen("title: \"open\nnext: x\n").is_ok());
    }
}
