//! Every character accounted for, before layout: the one check `validate` and `export` share.
//!
//! Each character of the composed brief is either drawn by a face of the text layer (a
//! bundled face, or a font of the font folders or the system, as parley would choose it), or
//! is a format character that does its job undrawn (soft hyphen, joiners, direction marks,
//! variation selectors, U+FEFF), or is reported with where it occurs: a character no face
//! has prints as a visible stand-in (U+FFFD's glyph) that carries the character as its text,
//! so copying the PDF's text gives it back; a control character (NUL, the other C0 and C1
//! controls but tab and line break) prints as nothing. Either way the export goes ahead:
//! these are warnings, so export never refuses what validate accepts.

use std::cell::RefCell;
use std::collections::HashMap;

use ttf_parser::Face;

use super::fonts;
use crate::compose::{Body, Composed, Row};
use crate::model::Texts;

/// A character the PDF cannot print as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    /// The character.
    pub ch: char,
    /// What it became: U+FFFD's glyph (with the character as its text), or nothing.
    pub printed_as: String,
    /// Where it occurs, e.g. `section 2 "People": Vladimir Putin`.
    pub place: String,
}

impl MissingGlyph {
    /// A one-line description for a warning.
    pub fn describe(&self) -> String {
        let what = if self.printed_as.is_empty() {
            "is a control character and prints as nothing".to_owned()
        } else {
            "has no glyph in any font and prints as \u{fffd} (copying the text gives it back)"
                .to_owned()
        };
        format!(
            "character U+{:04X} {} in {} {what}",
            u32::from(self.ch),
            if self.ch.is_control() {
                String::new()
            } else {
                format!("\"{}\"", self.ch)
            },
            self.place
        )
    }
}

/// Which characters the text layer can draw.
pub struct Faces {
    bundled: Vec<Face<'static>>,
    /// Answers for characters no bundled face has, found by shaping them.
    others: RefCell<HashMap<char, bool>>,
    cache: RefCell<Option<genpdf::fonts::FontCache>>,
}

impl Faces {
    /// The bundled faces; parsing them is cheap (tables are read lazily).
    pub fn load() -> Faces {
        Faces {
            bundled: fonts::BUNDLED
                .iter()
                .filter_map(|(bytes, _)| Face::parse(bytes, 0).ok())
                .collect(),
            others: RefCell::new(HashMap::new()),
            cache: RefCell::new(None),
        }
    }

    /// True when some face draws `c`, or `c` needs no glyph (layout and format characters).
    pub fn has(&self, c: char) -> bool {
        if matches!(c, ' '..='~' | '\n' | '\t') || genpdf::shape::invisible(c) {
            return true;
        }
        if control(c) {
            return false;
        }
        if c.is_whitespace() || self.bundled.iter().any(|f| f.glyph_index(c).is_some()) {
            return true;
        }
        if let Some(known) = self.others.borrow().get(&c) {
            return *known;
        }
        let found = self.shaped(c);
        self.others.borrow_mut().insert(c, found);
        found
    }

    /// Whether the text layer finds a face for `c`, set on its own as layout would set it.
    fn shaped(&self, c: char) -> bool {
        let mut cache = self.cache.borrow_mut();
        if cache.is_none() {
            // No bundled face has it: the system's fonts may.
            fonts::load_system_fonts();
            *cache = fonts::cache(&fonts::Setting::default()).ok();
        }
        let Some(cache) = cache.as_ref() else {
            return false;
        };
        let mut buf = [0; 4];
        let text: &str = c.encode_utf8(&mut buf);
        let before = cache.missing().len();
        let _ = cache
            .default_font_family()
            .regular
            .str_width(cache, text, 10);
        cache.missing().len() == before
    }
}

/// A control character that text may not hold: the text layer's notion, less the carriage
/// return of a CRLF line break, which is layout too.
pub fn control(c: char) -> bool {
    genpdf::shape::control(c) && c != '\r'
}

struct Checker {
    faces: Faces,
    missing: Vec<MissingGlyph>,
}

impl Checker {
    /// Records each character the text layer cannot draw; drops control characters.
    fn fix(&mut self, text: &mut String, place: &dyn Fn() -> String) {
        if plain(text) || text.chars().all(|c| self.faces.has(c)) {
            return;
        }
        let mut fixed = String::with_capacity(text.len());
        for c in text.chars() {
            if self.faces.has(c) {
                fixed.push(c);
                continue;
            }
            let printed = if control(c) {
                ""
            } else {
                fixed.push(c);
                "\u{fffd}"
            };
            if !self.missing.iter().any(|m| m.ch == c && m.place == place()) {
                self.missing.push(MissingGlyph {
                    ch: c,
                    printed_as: printed.to_owned(),
                    place: place(),
                });
            }
        }
        *text = fixed;
    }
}

impl Checker {
    /// Fixes every text of a table's rows and their annotations.
    fn fix_rows<T: Texts>(&mut self, rows: &mut [Row<T>], at: &dyn Fn(&str) -> String) {
        for r in rows {
            let name = r.item.name().to_owned();
            for (_, text) in r.item.texts_mut() {
                self.fix(text, &|| at(&name));
            }
            for a in &mut r.annotations {
                let kind = a_label(a.kind);
                self.fix(&mut a.text, &|| format!("{}, a {kind}", at(&name)));
            }
        }
    }
}

/// Printable ASCII and line breaks, which the main face has: most text, checked cheaply.
fn plain(text: &str) -> bool {
    text.bytes()
        .all(|b| (0x20..0x7f).contains(&b) || matches!(b, b'\n' | b'\t'))
}

/// A composed brief every character of which the PDF can print.
pub struct Printable {
    /// The brief, with replacements made.
    pub composed: Composed,
    /// What had to be replaced, and where.
    pub missing: Vec<MissingGlyph>,
}

/// The brief with every character printable, and what had to be replaced.
pub fn make_printable(mut c: Composed) -> Printable {
    let mut k = Checker {
        faces: Faces::load(),
        missing: Vec::new(),
    };
    let top = |name: &'static str| move || name.to_owned();
    k.fix(&mut c.title, &top("the title"));
    k.fix(&mut c.subtitle, &top("the subtitle"));
    k.fix(&mut c.marking, &top("the marking"));
    k.fix(&mut c.prepared_for, &top("\"prepared for\""));
    k.fix(&mut c.prepared_by, &top("\"prepared by\""));
    k.fix(&mut c.dossier_title, &top("the dossier title"));
    let m = &mut c.meeting;
    for (text, name) in [
        (&mut m.purpose, "the meeting purpose"),
        (&mut m.date, "the meeting date"),
        (&mut m.time, "the meeting time"),
        (&mut m.location, "the meeting place"),
    ] {
        k.fix(text, &top(name));
    }
    for point in &mut m.bottom_line {
        k.fix(point, &top("the bottom line"));
    }
    for p in &mut m.participants {
        k.fix(p, &top("the participants"));
    }
    for s in &mut c.sections {
        let section = format!("section {} \"{}\"", s.number, s.heading);
        k.fix(&mut s.heading, &|| section.clone());
        for a in &mut s.annotations {
            k.fix(&mut a.text, &|| format!("{section}: a {}", a_label(a.kind)));
        }
        let at = |item: &str| format!("{section}: {item}");
        match &mut s.body {
            Body::Overview(paras) => {
                for p in paras {
                    k.fix(p, &|| at("overview"));
                }
            }
            Body::Indicators(rows) => k.fix_rows(rows, &at),
            Body::People(rows) => k.fix_rows(rows, &at),
            Body::Organizations(rows) => k.fix_rows(rows, &at),
            Body::Timeline { rows, .. } => k.fix_rows(rows, &at),
            Body::Scenarios(rows) => k.fix_rows(rows, &at),
            Body::Precedents(rows) => k.fix_rows(rows, &at),
            Body::Sources(notes) => {
                for n in notes {
                    let name = n.source.name().to_owned();
                    for (_, text) in n.source.texts_mut() {
                        k.fix(text, &|| at(&name));
                    }
                    if let Some(url) = &mut n.source.url {
                        k.fix(url, &|| at(&name));
                    }
                }
            }
            Body::Notes | Body::Changes => {}
        }
    }
    for change in c.changes.new.iter_mut().chain(c.changes.changed.iter_mut()) {
        k.fix(&mut change.label, &|| {
            "the changes since the last brief".to_owned()
        });
        for value in [&mut change.value, &mut change.old_value]
            .into_iter()
            .flatten()
        {
            k.fix(value, &|| "the changes since the last brief".to_owned());
        }
    }
    for removed in &mut c.changes.removed {
        for text in [&mut removed.label, &mut removed.value]
            .into_iter()
            .flatten()
        {
            k.fix(text, &|| "the changes since the last brief".to_owned());
        }
    }
    Printable {
        composed: c,
        missing: k.missing,
    }
}

fn a_label(kind: crate::model::AnnotationKind) -> String {
    kind.label().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store;

    #[test]
    fn every_script_and_symbol_a_staffer_types_is_drawn() {
        let faces = Faces::load();
        for c in "→⇒←≠≤≥✓№½•Привет Αθήνα Việt محمد بن سلمان שלום".chars()
        {
            assert!(faces.has(c), "{c:?}");
        }
        for c in [
            '\u{ad}', '\u{200d}', '\u{200c}', '\u{200e}', '\u{200f}', '\u{fe0f}', '\u{feff}',
            '\u{2060}', '\u{2067}',
        ] {
            assert!(faces.has(c), "format character {c:?} needs no glyph");
        }
        assert!(!faces.has('\u{0}'));
        assert!(!faces.has('\u{10FFFD}'));
    }

    #[test]
    fn what_no_face_has_is_kept_and_reported_and_controls_dropped() {
        let dossier = store::default_dossier().unwrap().doc;
        let mut brief = store::parse_brief(
            "version: 1\ntitle: \"Plan \u{2192} deal \u{10FFFD} \u{2713}\"\nsections:\n  - kind: people\n",
            "t",
        )
        .unwrap();
        brief.subtitle = "Привет\u{0}, Αθήνα, ≈ € £ 28\u{2011}point".into();
        let Printable {
            composed: c,
            missing,
        } = make_printable(crate::compose(&dossier, &brief));
        assert_eq!(c.subtitle, "Привет, Αθήνα, ≈ € £ 28\u{2011}point");
        assert_eq!(
            c.title, "Plan \u{2192} deal \u{10FFFD} \u{2713}",
            "kept for its text"
        );
        assert_eq!(missing.len(), 2, "{missing:?}");
        assert!(
            missing[0]
                .describe()
                .starts_with("character U+10FFFD \"\u{10FFFD}\" in the title has no glyph"),
            "{}",
            missing[0].describe()
        );
        assert_eq!(missing[1].ch, '\u{0}');
        assert!(missing[1].describe().contains("control character"));
    }
}
