// SPDX-License-Identifier: Apache-2.0 or MIT

//! The text layer. Briefing: new.
//!
//! Text is set by parley: shaping (harfrust), bidi (UAX #9), line-break opportunities
//! (UAX #14), script itemisation and per-cluster font fallback through fontique. This module
//! turns parley's lines into [`ShapedLine`]s of glyph runs that know the text each glyph
//! stands for, which is what the PDF writer needs for copying, searching and screen readers.
//!
//! What parley leaves to its caller is done here:
//! - soft hyphens (the staffer's, and those hypher adds to long words) are break points,
//!   drawn as a hyphen only where a line ends on one, and dropped from the line elsewhere;
//! - default-ignorable characters (joiners, direction marks, variation selectors, U+FEFF…)
//!   shape as they should but are never drawn;
//! - a character no face has is drawn as a stand-in glyph whose text is the character, so
//!   nothing is lost from the text layer, and is reported;
//! - justification stretches the spaces of every line but a paragraph's last.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use parley::{
    FontContext, FontFamily, FontFamilyName, FontStyle, FontWeight, Layout, LayoutContext,
    LineHeight, OverflowWrap, StyleProperty,
};

use crate::fonts::{FaceFacts, Font, TextSettings, WidthCache};
use crate::style::Style;

/// A face: the font data parley chose for a run (shared bytes and the index in a collection).
pub type Face = parley::FontData;

/// One glyph of a run, in ems of the run's size; offsets y up, as PDF has them.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// Glyph id in the face.
    pub id: u32,
    /// How far the pen moves after it.
    pub advance: f32,
    /// Horizontal offset from the pen.
    pub x_offset: f32,
    /// Vertical offset from the baseline, upwards.
    pub y_offset: f32,
    /// The bytes of the run's text it stands for (glyphs of one cluster share them).
    pub text: Range<usize>,
}

/// Glyphs of one face, size and style, in visual order, with their logical text.
#[derive(Clone, Debug)]
pub struct ShapedRun {
    /// The face.
    pub face: Face,
    /// Font size in points.
    pub size: f32,
    /// The style of the span it came from (colour and mark are what matter).
    pub style: Style,
    /// Where the run starts, in points from the start of the line.
    pub x: f32,
    /// The glyphs, left to right.
    pub glyphs: Vec<Glyph>,
    /// The text the glyphs stand for, in logical order.
    pub text: String,
    /// Which glyphs are word spaces, for justification.
    spaces: Vec<usize>,
    /// Set right to left: its glyphs, left to right, read from the end of its text.
    pub rtl: bool,
}

impl ShapedRun {
    /// Width in points.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum::<f32>() * self.size
    }
}

/// One line of a paragraph.
#[derive(Clone, Debug)]
pub struct ShapedLine {
    /// The runs, left to right.
    pub runs: Vec<ShapedRun>,
    /// The width of what is drawn (trailing spaces left out), in points.
    pub width: f32,
    /// The paragraph reads right to left, so its lines align to the right.
    pub rtl: bool,
    /// The line ends a paragraph, or a hard line break; justification leaves it ragged.
    pub last: bool,
}

impl ShapedLine {
    /// Stretches the word spaces so the line is `target` points wide.
    pub fn justify(&mut self, target: f32) {
        let spaces: usize = self.runs.iter().map(|r| r.spaces.len()).sum();
        let extra = target - self.width;
        // Lines that are nearly empty, or would gape, stay as they are.
        if spaces == 0 || extra <= 0.0 || extra / spaces as f32 > target * 0.08 {
            return;
        }
        let per = extra / spaces as f32;
        let mut x = self.runs.first().map_or(0.0, |r| r.x);
        for run in &mut self.runs {
            run.x = x;
            for &i in &run.spaces {
                if let Some(g) = run.glyphs.get_mut(i) {
                    g.advance += per / run.size;
                }
            }
            x += run.width();
        }
        self.width = target;
    }
}

/// A span of text in one style, as a paragraph holds it.
pub type Span<'a> = (&'a str, Style);

/// parley's contexts and what is learnt about faces along the way.
pub(crate) struct Shaper {
    fcx: FontContext,
    lcx: LayoutContext<u16>,
    layout: Layout<u16>,
    facts: HashMap<(u64, u32), FaceFacts>,
    widths: WidthCache,
    pub(crate) missing: Vec<char>,
}

/// The character drawn as nothing: format controls and the like (Unicode's default
/// ignorables, plus the object replacement character's neighbours that fonts never draw).
pub fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
        | '\u{ffa0}' | '\u{fff0}'..='\u{fff8}' | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}' | '\u{e0000}'..='\u{e0fff}')
}

/// A control character other than the line breaks and tab text may hold.
pub fn control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\t')
}

impl Shaper {
    pub(crate) fn new(fcx: FontContext) -> Shaper {
        Shaper {
            fcx,
            lcx: LayoutContext::new(),
            layout: Layout::new(),
            facts: HashMap::new(),
            widths: HashMap::new(),
            missing: Vec::new(),
        }
    }

    /// The width of `text` on one line, in points.
    pub(crate) fn width(
        &mut self,
        settings: &TextSettings,
        text: &str,
        font: Font,
        size: u8,
    ) -> f32 {
        let key = (font.index(), size, text.to_owned());
        if let Some(w) = self.widths.get(&key) {
            return *w;
        }
        let mut style = Style::new().with_font_size(size);
        if font.is_bold() {
            style.set_bold();
        }
        if font.is_italic() {
            style.set_italic();
        }
        let lines = self.shape(settings, &[(text, style)], None, false);
        let w = lines.iter().map(|l| l.width).fold(0.0, f32::max);
        self.widths.insert(key, w);
        w
    }

    /// Sets `spans` as a paragraph broken to `width` points (one line if `None`).
    pub(crate) fn shape(
        &mut self,
        settings: &TextSettings,
        spans: &[Span<'_>],
        width: Option<f32>,
        hyphenate: bool,
    ) -> Vec<ShapedLine> {
        // The text, with soft hyphens added where hypher finds syllables in long words.
        let lang = settings.hyphenate.filter(|_| hyphenate && width.is_some());
        let mut text = String::new();
        let mut ranges = Vec::with_capacity(spans.len());
        for (s, _) in spans {
            let start = text.len();
            match lang {
                Some(lang) => push_hyphenated(&mut text, s, lang),
                None => text.push_str(s),
            }
            ranges.push(start..text.len());
        }
        if text.is_empty() {
            return Vec::new();
        }
        let names: Vec<FontFamilyName<'_>> = settings
            .families
            .iter()
            .map(|n| FontFamilyName::Named(Cow::Borrowed(n.as_str())))
            .collect();
        let mut builder = self.lcx.ranged_builder(&mut self.fcx, &text, 1.0, false);
        builder.push_default(StyleProperty::FontFamily(FontFamily::List(Cow::Borrowed(
            &names,
        ))));
        builder.push_default(StyleProperty::LineHeight(LineHeight::FontSizeRelative(1.0)));
        builder.push_default(StyleProperty::OverflowWrap(OverflowWrap::Anywhere));
        for (i, ((_, style), range)) in spans.iter().zip(&ranges).enumerate() {
            if range.is_empty() {
                continue;
            }
            let brush = <u16 as std::convert::TryFrom<usize>>::try_from(i).unwrap_or(u16::MAX);
            builder.push(StyleProperty::Brush(brush), range.clone());
            builder.push(
                StyleProperty::FontSize(f32::from(style.font_size())),
                range.clone(),
            );
            if style.is_bold() {
                builder.push(StyleProperty::FontWeight(FontWeight::BOLD), range.clone());
            }
            if style.is_italic() {
                builder.push(StyleProperty::FontStyle(FontStyle::Italic), range.clone());
            }
        }
        builder.build_into(&mut self.layout, &text);
        // Room for the hyphen a line may end with.
        let reserve = if lang.is_some() || text.contains('\u{ad}') {
            spans
                .iter()
                .map(|(_, s)| f32::from(s.font_size()))
                .fold(0.0, f32::max)
                * 0.3
        } else {
            0.0
        };
        self.layout
            .break_all_lines(width.map(|w| (w - reserve).max(1.0)));
        let rtl = self.layout.is_rtl();
        let mut out = Vec::with_capacity(self.layout.len());
        let count = self.layout.len();
        for (line_index, line) in self.layout.lines().enumerate() {
            let line_range = line.text_range();
            let ends_in_shy = matches!(line.break_reason(), parley::BreakReason::Regular)
                && text[..line_range.end].ends_with('\u{ad}');
            let explicit = matches!(line.break_reason(), parley::BreakReason::Explicit);
            let mut runs: Vec<ShapedRun> = Vec::new();
            let mut x = 0.0f32;
            // Spaces at the end of the line so far: their width and how many.
            let mut trailing = 0.0f32;
            let mut trailing_count = 0usize;
            for run in line.runs() {
                let face = run.font().clone();
                let size = run.font_size();
                if size <= 0.0 {
                    continue;
                }
                let key = (face.data.id(), face.index);
                let facts = *self
                    .facts
                    .entry(key)
                    .or_insert_with(|| FaceFacts::of(face.data.data(), face.index));
                // Clusters in logical order; ligature continuations join their start.
                let mut entries: Vec<Entry> = Vec::new();
                for cluster in run.clusters() {
                    let range = cluster.text_range();
                    if cluster.is_ligature_continuation() {
                        if let Some(last) = entries.last_mut() {
                            last.range.end = last.range.end.max(range.end);
                            last.advance += cluster.advance();
                            continue;
                        }
                    }
                    let glyphs: Vec<parley::Glyph> = cluster.glyphs().collect();
                    entries.push(Entry {
                        range,
                        glyphs,
                        advance: cluster.advance(),
                        brush: cluster.style().brush,
                        space: cluster.is_space_or_nbsp(),
                    });
                }
                let rtl_run = run.is_rtl();
                if rtl_run {
                    entries.reverse();
                }
                for e in entries {
                    let piece = &text[e.range.clone()];
                    let first = piece.chars().next().unwrap_or(' ');
                    let style = spans
                        .get(usize::from(e.brush))
                        .map_or_else(Style::new, |s| s.1);
                    let drawn_nothing = piece.chars().all(|c| invisible(c) || control(c));
                    if drawn_nothing {
                        // A soft hyphen, a joiner or a mark: no glyph, its width (none) kept.
                        x += e.advance;
                        continue;
                    }
                    let same = runs.last().is_some_and(|r: &ShapedRun| {
                        r.face.data.id() == face.data.id()
                            && r.face.index == face.index
                            && r.size == size
                            && r.style == style
                            && r.rtl == rtl_run
                    });
                    if !same {
                        trailing_count = 0;
                        runs.push(ShapedRun {
                            face: face.clone(),
                            size,
                            style,
                            x,
                            glyphs: Vec::new(),
                            text: String::new(),
                            spaces: Vec::new(),
                            rtl: rtl_run,
                        });
                    }
                    let Some(r) = runs.last_mut() else { continue };
                    // Marks and joiners inside a cluster stay in its text; they are not
                    // drawn as glyphs of their own. A soft hyphen inside a cluster (a
                    // ligature across a syllable break) is no part of what a reader copies.
                    let piece: Cow<'_, str> = if piece.contains('\u{ad}') {
                        Cow::Owned(piece.replace('\u{ad}', ""))
                    } else {
                        Cow::Borrowed(piece)
                    };
                    // The run's text is kept in reading order: clusters of a right-to-left
                    // run come in drawing order, so each goes in front of the ones before.
                    let trange = if rtl_run {
                        let n = piece.len();
                        r.text.insert_str(0, &piece);
                        for g in &mut r.glyphs {
                            g.text = g.text.start + n..g.text.end + n;
                        }
                        0..n
                    } else {
                        let start = r.text.len();
                        r.text.push_str(&piece);
                        start..r.text.len()
                    };
                    let missing = e.glyphs.iter().any(|g| g.id == 0)
                        && !first.is_whitespace()
                        && !invisible(first);
                    if missing {
                        for c in piece.chars() {
                            if !invisible(c) && !self.missing.contains(&c) {
                                self.missing.push(c);
                            }
                        }
                        let (id, adv) = facts.stand_in.unwrap_or((0, 0.5));
                        r.glyphs.push(Glyph {
                            id,
                            advance: adv,
                            x_offset: 0.0,
                            y_offset: 0.0,
                            text: trange,
                        });
                        x += adv * size;
                        continue;
                    }
                    if e.space {
                        r.spaces.push(r.glyphs.len());
                        trailing += e.advance;
                        trailing_count += 1;
                    } else {
                        trailing = 0.0;
                        trailing_count = 0;
                    }
                    let mut drawn = 0.0;
                    for g in &e.glyphs {
                        r.glyphs.push(Glyph {
                            id: g.id,
                            advance: g.advance / size,
                            x_offset: g.x / size,
                            y_offset: -g.y / size,
                            text: trange.clone(),
                        });
                        drawn += g.advance;
                    }
                    // A cluster with no glyph of its own (rare) draws nothing: keep the pen.
                    if e.glyphs.is_empty() {
                        x += e.advance;
                        continue;
                    }
                    x += drawn;
                }
            }
            // Trailing spaces are not part of the line's drawn width, nor stretched.
            let mut width = x - trailing;
            if let Some(last) = runs.last_mut() {
                for _ in 0..trailing_count {
                    last.spaces.pop();
                }
            }
            if ends_in_shy {
                // The hyphen goes at the visual end of the line's text: after the last run
                // for left-to-right text.
                let shy = line_range.end - '\u{ad}'.len_utf8()..line_range.end;
                let target = if rtl {
                    runs.first_mut()
                } else {
                    runs.last_mut()
                };
                if let Some(r) = target {
                    let key = (r.face.data.id(), r.face.index);
                    let hyphen = self.facts.get(&key).and_then(|f| f.hyphen);
                    if let Some((id, adv)) = hyphen {
                        let start = r.text.len();
                        r.text.push_str(&text[shy]);
                        let glyph = Glyph {
                            id,
                            advance: adv,
                            x_offset: 0.0,
                            y_offset: 0.0,
                            text: start..r.text.len(),
                        };
                        if rtl {
                            r.glyphs.insert(0, glyph);
                            r.spaces.iter_mut().for_each(|s| *s += 1);
                        } else {
                            r.glyphs.push(glyph);
                        }
                        let w = adv * r.size;
                        width += w;
                        if rtl {
                            for run in runs.iter_mut().skip(1) {
                                run.x += w;
                            }
                        }
                    }
                }
            }
            out.push(ShapedLine {
                runs,
                width: width.max(0.0),
                rtl,
                last: explicit || line_index + 1 == count,
            });
        }
        out
    }
}

struct Entry {
    range: Range<usize>,
    glyphs: Vec<parley::Glyph>,
    advance: f32,
    brush: u16,
    space: bool,
}

/// Words shorter than this are never hyphenated: a break in a short word helps little and
/// reads badly.
const MIN_HYPHENATED: usize = 7;

/// Appends `s` with a soft hyphen between the syllables of each long plain word. A token
/// that holds digits or the marks of an address, a path or a handle (`/ @ : . _`) inside it
/// is left whole, and so is a word in capitals (an acronym).
fn push_hyphenated(out: &mut String, s: &str, lang: hypher::Lang) {
    for token in s.split_inclusive(char::is_whitespace) {
        let core = token.trim_matches(|c: char| !c.is_alphanumeric());
        let plain = core.chars().all(char::is_alphabetic)
            && core.chars().skip(1).all(|c| !c.is_uppercase())
            && core.chars().count() >= MIN_HYPHENATED;
        if !plain {
            out.push_str(token);
            continue;
        }
        let Some(at) = token.find(core) else {
            out.push_str(token);
            continue;
        };
        out.push_str(&token[..at]);
        let mut first = true;
        for syllable in hypher::hyphenate(core, lang) {
            if !first {
                out.push('\u{ad}');
            }
            out.push_str(syllable);
            first = false;
        }
        out.push_str(&token[at + core.len()..]);
    }
}
