//! Lines of the original text, with the byte offset of each.

/// The text with the byte offset of each line; lines are numbered from 1, as yaml-rust2 does.
pub(super) struct Lines<'a> {
    pub(super) text: &'a str,
    pub(super) starts: Vec<usize>,
    pub(super) newline: &'static str,
}

impl<'a> Lines<'a> {
    pub(super) fn new(text: &'a str) -> Lines<'a> {
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
    pub(super) fn count(&self) -> usize {
        if self.text.ends_with('\n') || self.text.is_empty() {
            self.starts.len() - 1
        } else {
            self.starts.len()
        }
    }

    /// The byte offset where `line` starts; past the last line, the end of the text.
    pub(super) fn start(&self, line: usize) -> usize {
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
    pub(super) fn line(&self, line: usize) -> &'a str {
        if line == 0 || line > self.count() {
            return "";
        }
        let text = &self.text[self.start(line)..self.start(line + 1)];
        text.trim_end_matches('\n').trim_end_matches('\r')
    }

    /// The byte offset of a (line, column in characters) mark.
    pub(super) fn offset(&self, line: usize, col: usize) -> Option<usize> {
        let text = self.line(line);
        let within = if col == text.chars().count() {
            text.len()
        } else {
            text.char_indices().nth(col)?.0
        };
        Some(self.start(line) + within)
    }

    /// The (line, column) of a byte offset.
    pub(super) fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|s| *s <= offset).max(1);
        let col = self.text[self.start(line)..offset].chars().count();
        (line, col)
    }

    /// True when only whitespace precedes column `col` on `line`.
    pub(super) fn owns_line(&self, line: usize, col: usize) -> bool {
        self.line(line).chars().take(col).all(char::is_whitespace)
    }

    /// The first line at or after `line` from a container's end mark: the mark's own line
    /// when nothing of the container precedes it there.
    pub(super) fn end_line(&self, (line, col): (usize, usize)) -> usize {
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
    pub(super) fn trim_end(&self, first: usize, mut end: usize, col: usize) -> usize {
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
