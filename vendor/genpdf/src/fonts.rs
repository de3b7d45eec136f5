// SPDX-FileCopyrightText: 2020 Robin Krahl <robin.krahl@ireas.org>
// SPDX-License-Identifier: Apache-2.0 or MIT

//! Fonts, font families and a font cache.
//!
//! Briefing: rewritten around the text layer (see [`crate::shape`]). A [`FontCache`][] holds a
//! parley font context — a fontique collection with the faces the caller registered and,
//! where the platform has them, the system's fonts — and the family list every run is set
//! in. A [`Font`][] is no longer one face: it is a style (regular, bold, italic, bold italic)
//! of that family list, with the metrics of the list's first face, which sets the line
//! height. Which face draws each cluster is parley's per-cluster fallback. rusttype is gone.
//!
//! [`FontCache`]: struct.FontCache.html
//! [`Font`]: struct.Font.html

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

use skrifa::raw::TableProvider as _;

use crate::error::{Error, ErrorKind};
use crate::shape::Shaper;
use crate::style::Style;
use crate::Mm;

/// How text is set: the family list, hyphenation and justification.
///
/// Briefing: new.
#[derive(Clone, Debug, Default)]
pub struct TextSettings {
    /// Family names, first choice first; parley falls back along the list per cluster, then
    /// to the collection's per-script fallbacks.
    pub families: Vec<String>,
    /// Hyphenate words of body text in this language.
    pub hyphenate: Option<hypher::Lang>,
    /// Justify paragraphs (the last line of each is set ragged) at least this wide.
    pub justify: bool,
    /// Body text: paragraphs set no larger than this, and not wholly bold, are hyphenated
    /// and (when wide) justified; headings and titles are not.
    pub body_max_pt: u8,
}

/// The face data for the metrics of one style: the family list's first face in that style.
///
/// Briefing: holds bytes only; whoever writes the recorded pages embeds the faces it is told.
#[derive(Clone)]
pub struct FontData {
    bytes: std::sync::Arc<dyn AsRef<[u8]> + Send + Sync>,
}

impl fmt::Debug for FontData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FontData")
    }
}

impl FontData {
    /// Face data from bytes, which must be an OpenType or TrueType face.
    pub fn new(data: Vec<u8>) -> Result<FontData, Error> {
        Self::from_shared(std::sync::Arc::new(data))
    }

    /// Face data from shared bytes (Briefing: new; faces compiled in are not copied).
    pub fn from_shared(
        bytes: std::sync::Arc<dyn AsRef<[u8]> + Send + Sync>,
    ) -> Result<FontData, Error> {
        skrifa::FontRef::new((*bytes).as_ref())
            .map_err(|_| Error::new("Failed to read font data", ErrorKind::InvalidFont))?;
        Ok(FontData { bytes })
    }

    fn metrics(&self, bold: bool, italic: bool, idx: usize) -> Result<Font, Error> {
        let face = skrifa::FontRef::new((*self.bytes).as_ref())
            .map_err(|_| Error::new("Failed to read font data", ErrorKind::InvalidFont))?;
        let head = face
            .head()
            .map_err(|_| Error::new("Font has no head table", ErrorKind::InvalidFont))?;
        let upem = f32::from(head.units_per_em());
        if upem <= 0.0 {
            return Err(Error::new(
                "Font has no units per em",
                ErrorKind::InvalidFont,
            ));
        }
        let hhea = face
            .hhea()
            .map_err(|_| Error::new("Font has no hhea table", ErrorKind::InvalidFont))?;
        let ascent = f32::from(hhea.ascender().to_i16()) / upem;
        let descent = f32::from(hhea.descender().to_i16()) / upem;
        let line_gap = f32::from(hhea.line_gap().to_i16()) / upem;
        Ok(Font {
            idx,
            bold,
            italic,
            glyph_height: ascent - descent,
            line_height: ascent - descent + line_gap,
        })
    }
}

/// The fonts a document is set in and the machinery that shapes with them.
///
/// Briefing: a parley font context and layout context, the family list, and caches of
/// measured strings.
pub struct FontCache {
    pub(crate) shaper: RefCell<Shaper>,
    default_font_family: FontFamily<Font>,
    pub(crate) settings: TextSettings,
}

impl fmt::Debug for FontCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FontCache")
            .field("settings", &self.settings)
            .finish()
    }
}

impl FontCache {
    /// A cache over `context`, whose collection must hold the families `settings` names.
    /// `metrics` are the first family's four faces, for line heights.
    pub fn new(
        context: parley::FontContext,
        metrics: FontFamily<FontData>,
        settings: TextSettings,
    ) -> Result<FontCache, Error> {
        let default_font_family = FontFamily {
            regular: metrics.regular.metrics(false, false, 0)?,
            bold: metrics.bold.metrics(true, false, 1)?,
            italic: metrics.italic.metrics(false, true, 2)?,
            bold_italic: metrics.bold_italic.metrics(true, true, 3)?,
        };
        Ok(FontCache {
            shaper: RefCell::new(Shaper::new(context)),
            default_font_family,
            settings,
        })
    }

    /// Returns the default font family for this font cache.
    pub fn default_font_family(&self) -> FontFamily<Font> {
        self.default_font_family
    }

    /// The faces `text` is set in, on one line, in order (Briefing: new). Runs drawn with
    /// the stand-in are left out.
    pub fn faces_of(&self, text: &str) -> Vec<crate::shape::Face> {
        let style = Style::new().with_font_size(10);
        let lines = self
            .shaper
            .borrow_mut()
            .shape(&self.settings, &[(text, style)], None, false);
        let missing = self.missing();
        lines
            .into_iter()
            .flat_map(|l| l.runs)
            .filter(|r| !r.text.chars().any(|c| missing.contains(&c)))
            .map(|r| r.face)
            .collect()
    }

    /// Characters no face could draw, each once, in the order met (Briefing: new). They were
    /// printed as a stand-in glyph carrying the character as its text.
    pub fn missing(&self) -> Vec<char> {
        self.shaper.borrow().missing.clone()
    }
}

/// A collection of fonts with different styles.
///
/// See the [module documentation](index.html) for details on the internals.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FontFamily<T: Clone + fmt::Debug> {
    /// The regular variant of this font family.
    pub regular: T,
    /// The bold variant of this font family.
    pub bold: T,
    /// The italic variant of this font family.
    pub italic: T,
    /// The bold italic variant of this font family.
    pub bold_italic: T,
}

impl<T: Clone + Copy + fmt::Debug + PartialEq> FontFamily<T> {
    /// Returns the font for the given style.
    pub fn get(&self, style: Style) -> T {
        if style.is_bold() && style.is_italic() {
            self.bold_italic
        } else if style.is_bold() {
            self.bold
        } else if style.is_italic() {
            self.italic
        } else {
            self.regular
        }
    }
}

/// A style of the document's family list.
///
/// Briefing: the weight and slant text is set in, with the first face's metrics in ems.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Font {
    idx: usize,
    bold: bool,
    italic: bool,
    line_height: f32,
    glyph_height: f32,
}

impl Font {
    /// Which of the four styles this is: 0 regular, 1 bold, 2 italic, 3 bold italic.
    pub fn index(&self) -> usize {
        self.idx
    }

    /// Whether the style is bold.
    pub fn is_bold(&self) -> bool {
        self.bold
    }

    /// Whether the style is italic.
    pub fn is_italic(&self) -> bool {
        self.italic
    }

    /// Returns the line height for text with this font and the given font size.
    pub fn get_line_height(&self, font_size: u8) -> Mm {
        crate::pt_to_mm(f64::from(self.line_height * f32::from(font_size)))
    }

    /// Returns the glyph height for text with this font and the given font size.
    pub fn glyph_height(&self, font_size: u8) -> Mm {
        crate::pt_to_mm(f64::from(self.glyph_height * f32::from(font_size)))
    }

    /// Returns the width of a character with this font and the given font size.
    pub fn char_width(&self, font_cache: &FontCache, c: char, font_size: u8) -> Mm {
        let mut buf = [0; 4];
        self.str_width(font_cache, c.encode_utf8(&mut buf), font_size)
    }

    /// Returns the width of a string with this font and the given font size, as shaped.
    pub fn str_width(&self, font_cache: &FontCache, s: &str, font_size: u8) -> Mm {
        let pt = font_cache
            .shaper
            .borrow_mut()
            .width(&font_cache.settings, s, *self, font_size);
        crate::pt_to_mm(f64::from(pt))
    }
}

/// Per-face facts the recorder needs: the hyphen's and the stand-in's glyphs.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FaceFacts {
    /// The hyphen glyph and its advance in ems.
    pub hyphen: Option<(u32, f32)>,
    /// The replacement character's glyph (or a box) and its advance in ems.
    pub stand_in: Option<(u32, f32)>,
}

impl FaceFacts {
    pub(crate) fn of(data: &[u8], index: u32) -> FaceFacts {
        use skrifa::MetadataProvider as _;
        let Ok(face) = skrifa::FontRef::from_index(data, index) else {
            return FaceFacts::default();
        };
        let charmap = face.charmap();
        let metrics = face.glyph_metrics(
            skrifa::instance::Size::unscaled(),
            skrifa::instance::LocationRef::default(),
        );
        let upem = face
            .head()
            .map(|h| f32::from(h.units_per_em()))
            .unwrap_or(1000.0)
            .max(1.0);
        let glyph = |chars: &[char]| {
            chars.iter().find_map(|c| {
                let id = charmap.map(*c)?;
                let advance = metrics.advance_width(id).unwrap_or(0.0) / upem;
                Some((id.to_u32(), advance))
            })
        };
        FaceFacts {
            hyphen: glyph(&['\u{2010}', '-']),
            stand_in: glyph(&['\u{fffd}', '\u{25a1}', '?']),
        }
    }
}

/// Widths measured once per document, by style, size and text.
pub(crate) type WidthCache = HashMap<(usize, u8, String), f32>;
