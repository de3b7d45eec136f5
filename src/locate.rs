//! Finds where a value sits in YAML text, so problems found on the parsed document can name
//! a line and column. serde_yaml keeps no positions once a document is parsed; yaml-rust2's
//! event parser reports a mark for every node, which is all this needs.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::problem::YamlPath;

/// Line and column (1-based) of every node in one YAML text, by path.
#[derive(Debug, Default)]
pub struct Locator {
    positions: HashMap<String, (usize, usize)>,
    keys: HashMap<String, (usize, usize)>,
}

impl Locator {
    /// Indexes a text. A text that does not parse gives an index of what came before the fault.
    pub fn new(text: &str) -> Locator {
        let mut index = Indexer::default();
        let mut parser = Parser::new_from_str(text);
        // A syntax error has been reported by serde_yaml already; keep what was indexed.
        let _ = parser.load(&mut index, false);
        Locator {
            positions: index.positions,
            keys: index.keys,
        }
    }

    /// The position of the key of the mapping entry at `path`, if there is one.
    pub fn find_key(&self, path: &YamlPath) -> Option<(usize, usize)> {
        self.keys.get(&path.to_string()).copied()
    }

    /// The position of the value at `path`, or of its nearest ancestor that exists.
    pub fn find(&self, path: &YamlPath) -> Option<(usize, usize)> {
        let mut path = path.clone();
        loop {
            if let Some(position) = self.positions.get(&path.to_string()) {
                return Some(*position);
            }
            if path.0.is_empty() {
                return None;
            }
            path = path.parent();
        }
    }
}

enum Frame {
    Map { path: YamlPath, key: Option<String> },
    Seq { path: YamlPath, next: usize },
}

#[derive(Default)]
struct Indexer {
    stack: Vec<Frame>,
    positions: HashMap<String, (usize, usize)>,
    keys: HashMap<String, (usize, usize)>,
}

impl Indexer {
    /// Where the next value goes, or `None` when the next scalar is a mapping key.
    fn next_value_path(&mut self) -> Option<YamlPath> {
        match self.stack.last_mut() {
            None => Some(YamlPath::root()),
            Some(Frame::Map { key: None, .. }) => None,
            Some(Frame::Map { path, key: Some(k) }) => Some(path.key(k)),
            Some(Frame::Seq { path, next }) => Some(path.index(*next)),
        }
    }

    /// Marks the current value of the innermost container as done.
    fn value_done(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Map { key, .. }) => *key = None,
            Some(Frame::Seq { next, .. }) => *next += 1,
            None => {}
        }
    }

    /// Scalars point at the value itself; containers keep the position of their key.
    fn record(&mut self, path: &YamlPath, mark: Marker, overwrite: bool) {
        let position = (mark.line(), mark.col() + 1);
        if overwrite {
            self.positions.insert(path.to_string(), position);
        } else {
            self.positions.entry(path.to_string()).or_insert(position);
        }
    }
}

impl MarkedEventReceiver for Indexer {
    fn on_event(&mut self, event: Event, mark: Marker) {
        match event {
            Event::Scalar(text, ..) => match self.next_value_path() {
                None => {
                    // A key: point problems about a missing or wrong value at the key too.
                    if let Some(Frame::Map { path, key }) = self.stack.last_mut() {
                        let at = path.key(&text);
                        *key = Some(text);
                        self.keys
                            .insert(at.to_string(), (mark.line(), mark.col() + 1));
                        self.record(&at, mark, true);
                    }
                }
                Some(path) => {
                    self.record(&path, mark, true);
                    self.value_done();
                }
            },
            Event::Alias(_) => {
                if let Some(path) = self.next_value_path() {
                    self.record(&path, mark, true);
                    self.value_done();
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                // A complex key (a mapping used as a key) gets a placeholder name.
                let path = self.next_value_path().unwrap_or_else(YamlPath::root);
                self.record(&path, mark, false);
                let frame = if matches!(event, Event::MappingStart(..)) {
                    Frame::Map { path, key: None }
                } else {
                    Frame::Seq { path, next: 0 }
                };
                self.stack.push(frame);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.value_done();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::YamlPath;

    #[test]
    fn finds_nested_values() {
        let text = "title: x\nsections:\n  - kind: indicators\n    items:\n      - a\n      - b\n";
        let locator = Locator::new(text);
        let root = YamlPath::root();
        assert_eq!(locator.find(&root.key("title")), Some((1, 8)));
        let items = root.key("sections").index(0).key("items");
        assert_eq!(locator.find(&items.index(1)), Some((6, 9)));
        assert_eq!(
            locator.find(&root.key("sections").index(0).key("kind")),
            Some((3, 11))
        );
        // A path that is not there falls back to its nearest ancestor.
        assert_eq!(locator.find(&items.index(7)), locator.find(&items));
    }
}
