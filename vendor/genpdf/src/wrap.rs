// SPDX-FileCopyrightText: 2020 Robin Krahl <robin.krahl@ireas.org>
// SPDX-License-Identifier: Apache-2.0 or MIT

//! Utilities for text wrapping.

use std::mem;

use crate::style;
use crate::Context;
use crate::Mm;

/// Combines a sequence of styled words into lines with a maximum width.
///
/// Briefing: rewritten so that no word is ever dropped. genpdf 0.2 stopped wrapping (and lost
/// the rest of the paragraph) at a word wider than the line. Now:
///
/// - Words that touch (no space between them, e.g. a word and the citation marker after it,
///   or runs of one word set in two faces) are kept on one line: a line breaks only after a
///   space.
/// - A word wider than the whole line is broken at the last good point that fits: after one
///   of `/ . - _ @ ? & = # : ,` (URLs, e-mail addresses, compounds), otherwise between any two
///   characters. No hyphen is added, so a URL or address copies back whole.
pub struct Wrapper<'c, 's, I: Iterator<Item = style::StyledStr<'s>>> {
    iter: std::iter::Peekable<I>,
    context: &'c Context,
    width: Mm,
    x: Mm,
    buf: Vec<style::StyledCow<'s>>,
    /// The rest of a unit that did not fit, to start the next line with.
    pending: Vec<style::StyledCow<'s>>,
}

impl<'c, 's, I: Iterator<Item = style::StyledStr<'s>>> Wrapper<'c, 's, I> {
    /// Creates a new wrapper for the given word sequence and with the given maximum width.
    pub fn new(iter: I, context: &'c Context, width: Mm) -> Wrapper<'c, 's, I> {
        Wrapper {
            iter: iter.peekable(),
            context,
            width,
            x: Mm(0.0),
            buf: Vec::new(),
            pending: Vec::new(),
        }
    }

    /// The next unbreakable unit: words up to and including one that ends in a space.
    fn next_unit(&mut self) -> Vec<style::StyledCow<'s>> {
        if !self.pending.is_empty() {
            return mem::take(&mut self.pending);
        }
        let mut unit: Vec<style::StyledCow<'s>> = Vec::new();
        while let Some(s) = self.iter.next() {
            let ends = s.s.ends_with(' ');
            unit.push(s.into());
            if ends {
                break;
            }
            match self.iter.peek() {
                Some(next) if !next.s.starts_with(' ') => {}
                _ => break,
            }
        }
        unit
    }

    fn unit_width(&self, unit: &[style::StyledCow<'s>]) -> Mm {
        unit.iter().map(|s| s.width(&self.context.font_cache)).sum()
    }

    /// The unit's width without its trailing space, which may hang past the margin.
    fn unit_ink_width(&self, unit: &[style::StyledCow<'s>]) -> Mm {
        match unit.split_last() {
            Some((last, rest)) => {
                let trimmed = style::StyledStr::new(last.s.trim_end_matches(' '), last.style);
                self.unit_width(rest) + trimmed.width(&self.context.font_cache)
            }
            None => Mm(0.0),
        }
    }

    /// Splits `unit` so that the first part is at most `room` wide, at the best break point;
    /// `None` if not even one character fits.
    fn split_unit(
        &self,
        unit: Vec<style::StyledCow<'s>>,
        room: Mm,
        anywhere: bool,
    ) -> Result<(Vec<style::StyledCow<'s>>, Vec<style::StyledCow<'s>>), Vec<style::StyledCow<'s>>>
    {
        // Every break candidate: (piece, byte offset after which to break, good point?).
        let fonts = &self.context.font_cache;
        let mut best_any: Option<(usize, usize)> = None;
        let mut best_good: Option<(usize, usize)> = None;
        let mut x = Mm(0.0);
        'pieces: for (pi, piece) in unit.iter().enumerate() {
            let mut chars = piece.s.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                let end = i + c.len_utf8();
                x += piece.style.char_width(fonts, c);
                if x > room {
                    break 'pieces;
                }
                let last_of_unit = pi + 1 == unit.len() && chars.peek().is_none();
                if last_of_unit {
                    break 'pieces;
                }
                best_any = Some((pi, end));
                if is_break_after(c) {
                    best_good = Some((pi, end));
                }
            }
        }
        let best = if anywhere {
            best_good.or(best_any)
        } else {
            best_good
        };
        let at = match best {
            Some(at) => at,
            None => return Err(unit),
        };
        let mut first = Vec::new();
        let mut rest = Vec::new();
        for (pi, piece) in unit.into_iter().enumerate() {
            if pi < at.0 {
                first.push(piece);
            } else if pi > at.0 {
                rest.push(piece);
            } else {
                let style = piece.style;
                let s = piece.s.into_owned();
                let (a, b) = s.split_at(at.1);
                first.push(style::StyledCow::new(a.to_owned(), style));
                if !b.is_empty() {
                    rest.push(style::StyledCow::new(b.to_owned(), style));
                }
            }
        }
        Ok((first, rest))
    }
}

/// Whether a line may break after `c` inside a word too long for a line.
fn is_break_after(c: char) -> bool {
    matches!(
        c,
        '/' | '.'
            | '-'
            | '_'
            | '@'
            | '?'
            | '&'
            | '='
            | '#'
            | ':'
            | ','
            | ';'
            | '\u{2010}'
            | '\u{2013}'
    )
}

impl<'c, 's, I: Iterator<Item = style::StyledStr<'s>>> Iterator for Wrapper<'c, 's, I> {
    // This iterator yields pairs of lines and the length difference between the input words and
    // the line.
    type Item = (Vec<style::StyledCow<'s>>, usize);

    fn next(&mut self) -> Option<(Vec<style::StyledCow<'s>>, usize)> {
        loop {
            let unit = self.next_unit();
            if unit.is_empty() {
                break;
            }
            let width = self.unit_width(&unit);
            if self.x + self.unit_ink_width(&unit) <= self.width {
                self.x += width;
                self.buf.extend(unit);
                continue;
            }
            if self.unit_ink_width(&unit) <= self.width && !self.buf.is_empty() {
                // It fits on a line of its own: end this line and start the next with it.
                self.pending = unit;
                self.x = Mm(0.0);
                return Some((mem::take(&mut self.buf), 0));
            }
            // Wider than a whole line: fill this line with as much as fits, break, go on.
            let room = self.width - self.x;
            // Mid-line, break only at a good point; on a line of its own, anywhere.
            let anywhere = self.buf.is_empty();
            match self.split_unit(unit, room, anywhere) {
                Ok((first, rest)) => {
                    self.buf.extend(first);
                    self.pending = rest;
                    self.x = Mm(0.0);
                    return Some((mem::take(&mut self.buf), 0));
                }
                Err(unit) if !self.buf.is_empty() => {
                    self.pending = unit;
                    self.x = Mm(0.0);
                    return Some((mem::take(&mut self.buf), 0));
                }
                Err(unit) => {
                    // Not one character fits an empty line: print it anyway rather than lose
                    // it; it will run past the margin.
                    self.x = width;
                    self.buf.extend(unit);
                }
            }
        }

        if self.buf.is_empty() {
            None
        } else {
            self.x = Mm(0.0);
            Some((mem::take(&mut self.buf), 0))
        }
    }
}

/// Splits a sequence of styled strings into words.
pub struct Words<I: Iterator<Item = style::StyledString>> {
    iter: I,
    s: Option<style::StyledString>,
}

impl<I: Iterator<Item = style::StyledString>> Words<I> {
    /// Creates a new words iterator.
    pub fn new<IntoIter: IntoIterator<Item = style::StyledString, IntoIter = I>>(
        iter: IntoIter,
    ) -> Words<I> {
        Words {
            iter: iter.into_iter(),
            s: None,
        }
    }
}

impl<I: Iterator<Item = style::StyledString>> Iterator for Words<I> {
    type Item = style::StyledString;

    fn next(&mut self) -> Option<style::StyledString> {
        if self.s.as_ref().map(|s| s.s.is_empty()).unwrap_or(true) {
            self.s = self.iter.next();
        }

        if let Some(s) = &mut self.s {
            // Split at the first space or use the complete string
            let n = s.s.find(' ').map(|i| i + 1).unwrap_or_else(|| s.s.len());
            let mut tmp = s.s.split_off(n);
            mem::swap(&mut tmp, &mut s.s);
            Some(style::StyledString::new(tmp, s.style))
        } else {
            None
        }
    }
}
