//! Every character accounted for. genpdf (through printpdf) leaves out, without a word, any
//! character its face has no glyph for. Before layout, each character of the composed brief
//! is checked: the main face prints it, or the fallback face does (the run is set in it, see
//! [`runs`]), or it is replaced by a same-meaning stand-in the main face has (U+2011 by a
//! hyphen) or, failing that, by U+FFFD; every replacement is reported with the character and
//! where it occurs, so nothing disappears in silence.

use ttf_parser::Face;

use super::fonts;
use crate::compose::{Body, Composed, Row};
use crate::model::Texts;

/// A character the PDF cannot print as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    /// The character.
    pub ch: char,
    /// What it became: a stand-in or U+FFFD.
    pub printed_as: String,
    /// Where it occurs, e.g. `section 2 "People": Vladimir Putin`.
    pub place: String,
}

impl MissingGlyph {
    /// A one-line description for a warning.
    pub fn describe(&self) -> String {
        let what = if self.printed_as == "\u{fffd}" {
            "has no glyph in the PDF font and prints as \u{fffd}".to_owned()
        } else {
            format!(
                "has no glyph in the PDF font and prints as \"{}\"",
                self.printed_as
            )
        };
        format!(
            "character U+{:04X} \"{}\" in {} {what}",
            u32::from(self.ch),
            self.ch,
            self.place
        )
    }
}

/// Stand-ins that mean the same, for characters a face may lack.
fn stand_in(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2011}' | '\u{2010}' | '\u{2212}' => "-",
        '\u{00a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' | '\u{2002}' | '\u{2003}' => " ",
        '\u{2018}' | '\u{2019}' => "'",
        '\u{201c}' | '\u{201d}' => "\"",
        '\u{2013}' => "-",
        '\u{2014}' => "--",
        '\u{2026}' => "...",
        '\u{2248}' => "~",
        _ => return None,
    })
}

/// The two faces text can be set in.
pub struct Faces {
    main: Option<Face<'static>>,
    fallback: Option<Face<'static>>,
}

impl Faces {
    /// The embedded faces; parsing them is cheap (tables are read lazily).
    pub fn load() -> Faces {
        Faces {
            main: Face::parse(fonts::REGULAR, 0).ok(),
            fallback: Face::parse(fonts::SYMBOLS, 0).ok(),
        }
    }

    /// True when the main face draws `c` (layout characters count as drawn).
    pub fn main_has(&self, c: char) -> bool {
        // Printable ASCII, nearly all of any text, needs no cmap lookup: Roboto has all of it
        // (the glyph tests check).
        matches!(c, ' '..='~' | '\n' | '\r' | '\t')
            || self
                .main
                .as_ref()
                .is_none_or(|f| f.glyph_index(c).is_some())
    }

    /// True when only the fallback face draws `c`.
    pub fn needs_fallback(&self, c: char) -> bool {
        !self.main_has(c)
            && self
                .fallback
                .as_ref()
                .is_some_and(|f| f.glyph_index(c).is_some())
    }
}

/// `text` cut into runs for the main face (`false`) and the fallback face (`true`).
pub fn runs<'t>(faces: &Faces, text: &'t str) -> Vec<(&'t str, bool)> {
    if plain(text) {
        return vec![(text, false)];
    }
    let mut runs: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut current = None;
    for (i, c) in text.char_indices() {
        let fallback = faces.needs_fallback(c);
        match current {
            Some(f) if f != fallback => {
                runs.push((&text[start..i], f));
                start = i;
            }
            _ => {}
        }
        current = Some(fallback);
    }
    if let Some(f) = current {
        runs.push((&text[start..], f));
    }
    runs
}

struct Checker {
    faces: Faces,
    missing: Vec<MissingGlyph>,
    fallback_used: bool,
}

impl Checker {
    fn has(&mut self, c: char) -> bool {
        if self.faces.main_has(c) {
            return true;
        }
        let fallback = self.faces.needs_fallback(c);
        self.fallback_used |= fallback;
        fallback
    }

    /// The text with every character the face can print; the others replaced and recorded.
    fn fix(&mut self, text: &mut String, place: &dyn Fn() -> String) {
        if plain(text) {
            return;
        }
        if text.chars().all(|c| self.has(c)) {
            return;
        }
        let faces = &self.faces;
        let mut fallback_used = false;
        let mut fixed = String::with_capacity(text.len());
        for c in text.chars() {
            let fallback = faces.needs_fallback(c);
            fallback_used |= fallback;
            if fallback || faces.main_has(c) {
                fixed.push(c);
                continue;
            }
            let printed = stand_in(c)
                .filter(|s| s.chars().all(|s| faces.main_has(s)))
                .unwrap_or("\u{fffd}");
            fixed.push_str(printed);
            if !self.missing.iter().any(|m| m.ch == c && m.place == place()) {
                self.missing.push(MissingGlyph {
                    ch: c,
                    printed_as: printed.to_owned(),
                    place: place(),
                });
            }
        }
        *text = fixed;
        self.fallback_used |= fallback_used;
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
        .all(|b| (0x20..0x7f).contains(&b) || matches!(b, b'\n' | b'\r' | b'\t'))
}

/// A composed brief every character of which the PDF can print.
pub struct Printable {
    /// The brief, with replacements made.
    pub composed: Composed,
    /// What had to be replaced, and where.
    pub missing: Vec<MissingGlyph>,
    /// Whether any run needs the fallback face, which is only loaded when it does.
    pub needs_fallback: bool,
}

/// The brief with every character printable, and what had to be replaced.
pub fn make_printable(mut c: Composed) -> Printable {
    let mut k = Checker {
        faces: Faces::load(),
        missing: Vec::new(),
        fallback_used: false,
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
        needs_fallback: k.fallback_used,
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
    fn stand_ins_and_replacements_are_reported_with_their_place() {
        let dossier = store::default_dossier().unwrap().doc;
        let mut brief = store::parse_brief(
            "version: 1\ntitle: \"Plan \u{2192} deal \u{4E2D} \u{2713}\"\nsections:\n  - kind: people\n",
            "t",
        )
        .unwrap();
        brief.subtitle = "Привет, Αθήνα, ≈ € £ 28\u{2011}point".into();
        let Printable {
            composed: c,
            missing,
            needs_fallback,
        } = make_printable(crate::compose(&dossier, &brief));
        assert!(needs_fallback);
        assert_eq!(
            c.subtitle, "Привет, Αθήνα, ≈ € £ 28\u{2011}point",
            "all printable as they are"
        );
        // The check mark is in the fallback face; the arrow and the CJK character in neither.
        assert_eq!(c.title, "Plan \u{fffd} deal \u{fffd} \u{2713}");
        assert_eq!(missing.len(), 2);
        assert!(
            missing[0]
                .describe()
                .starts_with("character U+2192 \"\u{2192}\" in the title has no glyph")
        );
        assert_eq!(missing[1].ch, '\u{4E2D}');
    }

    #[test]
    fn the_main_face_has_all_of_printable_ascii_as_main_has_assumes() {
        let face = Face::parse(fonts::REGULAR, 0).unwrap();
        for c in ' '..='~' {
            assert!(face.glyph_index(c).is_some(), "{c:?}");
        }
    }

    #[test]
    fn runs_split_where_the_face_changes() {
        let faces = Faces::load();
        assert_eq!(
            runs(&faces, "ok \u{2713}\u{2605} done"),
            [("ok ", false), ("\u{2713}\u{2605}", true), (" done", false)]
        );
        assert_eq!(runs(&faces, "plain"), [("plain", false)]);
    }
}
