//! What can go wrong when writing, in words a staffer or a developer can act on. krilla's
//! validation errors name fonts and glyph ids; here they become the face, the text and the
//! page they came from.

use std::fmt;
use std::num::NonZeroU64;

use krilla::configure::{ValidationError, Validators};
use krilla::error::KrillaError;

use super::fonts::Fonts;
use crate::layout::pages::{Item, Pages};

/// Why [`write`](super::write) made no PDF.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PdfError {
    /// The layout gave no pages.
    #[error(
        "the layout made no pages, so there is no PDF to write\n\
         hint: this is a bug in Briefing; please report it with the brief"
    )]
    NoPages,
    /// The pages break a rule the writer relies on, e.g. a glyph id the face lacks.
    #[error(
        "{at}: {problem}\nhint: this is a bug in Briefing's layout; please report it with the brief"
    )]
    Layout {
        /// Where, e.g. "page 2, item 14".
        at: String,
        /// What is wrong.
        problem: String,
    },
    /// The file would not meet PDF/UA-1 (or PDF/A-2b): every reason, one a line.
    #[error("{}", Violation::lines(.0))]
    Standard(Vec<Violation>),
    /// krilla could not write the file.
    #[error(
        "the PDF cannot be written: {0}\nhint: this is a bug in Briefing; please report it with the brief"
    )]
    Write(String),
}

impl PdfError {
    /// A broken rule at a place on a page.
    pub(crate) fn layout(place: Place, problem: impl Into<String>) -> PdfError {
        PdfError::Layout {
            at: place.to_string(),
            problem: problem.into(),
        }
    }

    /// A broken rule somewhere else, e.g. "structure node 4".
    pub(crate) fn layout_at(at: impl Into<String>, problem: impl Into<String>) -> PdfError {
        PdfError::Layout {
            at: at.into(),
            problem: problem.into(),
        }
    }
}

/// One reason a standard was not met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The standards it breaks, e.g. "PDF/UA-1" or "PDF/A-2b and PDF/UA-1".
    pub standards: String,
    /// What is wrong and where, e.g. `the glyph for "→" is missing from face Roboto Bold`.
    pub problem: String,
    /// What to do about it.
    pub hint: &'static str,
}

impl Violation {
    fn lines(violations: &[Violation]) -> String {
        let mut out = String::new();
        for (i, v) in violations.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&format!(
                "the {} file cannot be made: {}\nhint: {}",
                v.standards, v.problem, v.hint
            ));
        }
        out
    }
}

/// An item on a page, for error messages and for krilla's `Location`, which carries it
/// through validation and back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    /// The page, from 0.
    pub page: usize,
    /// The item on the page, from 0.
    pub item: usize,
}

impl Place {
    /// Page in the high 32 bits, item in the low, plus one so it is never zero.
    pub fn to_location(self) -> Option<NonZeroU64> {
        let page = u32::try_from(self.page).ok()?;
        let item = u32::try_from(self.item).ok()?;
        let packed = (u64::from(page) << 32) | u64::from(item);
        NonZeroU64::new(packed.checked_add(1)?)
    }

    /// The inverse of [`Place::to_location`].
    pub fn from_location(location: NonZeroU64) -> Place {
        let packed = location.get() - 1;
        Place {
            page: (packed >> 32) as usize,
            item: (packed & u64::from(u32::MAX)) as usize,
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "page {}, item {}", self.page + 1, self.item + 1)
    }
}

/// krilla's error in our words.
pub(crate) fn from_krilla(error: KrillaError, pages: &Pages, fonts: &Fonts) -> PdfError {
    match error {
        KrillaError::Validation(errors) => {
            let mut violations: Vec<Violation> = Vec::new();
            for (error, validators) in &errors {
                let v = violation(error, *validators, pages, fonts);
                // A missing glyph is reported at every use; once is enough.
                if !violations.contains(&v) {
                    violations.push(v);
                }
            }
            PdfError::Standard(violations)
        }
        KrillaError::Font(font, message) => {
            let face = fonts.name_of(&font);
            PdfError::Write(format!("face {face} cannot be embedded: {message}"))
        }
        other => PdfError::Write(other.to_string()),
    }
}

/// The standards in a set of validators, e.g. "PDF/A-2b and PDF/UA-1".
fn standards(validators: Validators) -> String {
    let names: Vec<&str> = [
        validators.archival().map(|a| a.as_str()),
        validators.accessibility().map(|ua| ua.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if names.is_empty() {
        "PDF".to_owned()
    } else {
        names.join(" and ")
    }
}

/// ` on page 2 in "Go → there"`, or nothing when krilla gave no location.
fn place_of(location: Option<NonZeroU64>, pages: &Pages) -> String {
    let Some(location) = location else {
        return String::new();
    };
    let place = Place::from_location(location);
    let text = pages
        .pages
        .get(place.page)
        .and_then(|page| page.items.get(place.item))
        .and_then(|item| match item {
            Item::Text(run) => Some(run.text.as_str()),
            Item::Link { alt, .. } => Some(alt.as_str()),
            _ => None,
        });
    match text {
        Some(text) => format!(" on page {} in {text:?}", place.page + 1),
        None => format!(" on page {}", place.page + 1),
    }
}

const BUG: &str = "this is a bug in Briefing; please report it with the brief";

fn violation(
    error: &ValidationError,
    validators: Validators,
    pages: &Pages,
    fonts: &Fonts,
) -> Violation {
    let (problem, hint) = match error {
        ValidationError::ContainsNotDefGlyph(font, location, text) => (
            format!(
                "the glyph for {text:?} is missing from face {}{}",
                fonts.name_of(font),
                place_of(*location, pages)
            ),
            "replace the character or remove it; `briefing validate` lists every character the \
             fonts lack",
        ),
        ValidationError::NoCodepointMapping(font, glyph, location) => (
            format!(
                "glyph {} of face {} stands for no text{}",
                glyph.to_u32(),
                fonts.name_of(font),
                place_of(*location, pages)
            ),
            BUG,
        ),
        ValidationError::InvalidCodepointMapping(font, glyph, c, location) => (
            format!(
                "glyph {} of face {} stands for U+{:04X}, which a reader cannot use{}",
                glyph.to_u32(),
                fonts.name_of(font),
                u32::from(*c),
                place_of(*location, pages)
            ),
            "remove the invisible control character from the text",
        ),
        ValidationError::UnicodePrivateArea(font, glyph, c, location) => (
            format!(
                "glyph {} of face {} stands for U+{:04X}, a private-use character{}",
                glyph.to_u32(),
                fonts.name_of(font),
                u32::from(*c),
                place_of(*location, pages)
            ),
            "replace the private-use character with a standard one",
        ),
        ValidationError::NoDocumentTitle => (
            "the brief has no title".to_owned(),
            "give the brief a title",
        ),
        ValidationError::NoDocumentLanguage => ("the document has no language".to_owned(), BUG),
        ValidationError::MissingHeadingTitle => ("a heading has no title".to_owned(), BUG),
        ValidationError::MissingDocumentOutline => ("there are no bookmarks".to_owned(), BUG),
        ValidationError::MissingAnnotationAltText(location) => (
            format!("a link has no description{}", place_of(*location, pages)),
            BUG,
        ),
        ValidationError::MissingDocumentDate => ("the file has no creation date".to_owned(), BUG),
        ValidationError::RestrictedLicense(font) => (
            format!(
                "the licence of face {} forbids embedding it",
                fonts.name_of(font)
            ),
            BUG,
        ),
        ValidationError::TooLongString => (
            "a text is longer than the 32,767 characters a PDF string may hold".to_owned(),
            "shorten the longest text, e.g. the title or a note",
        ),
        other => (format!("{other:?}").to_lowercase(), BUG),
    };
    Violation {
        standards: standards(validators),
        problem,
        hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_survive_the_trip_through_a_location() {
        for place in [
            Place { page: 0, item: 0 },
            Place { page: 3, item: 141 },
            Place {
                page: 70_000,
                item: u32::MAX as usize,
            },
        ] {
            let location = place.to_location().expect("fits");
            assert_eq!(Place::from_location(location), place);
        }
    }

    #[test]
    fn messages_are_lowercase_and_carry_a_hint() {
        let e = PdfError::Standard(vec![Violation {
            standards: "PDF/UA-1".to_owned(),
            problem: "the brief has no title".to_owned(),
            hint: "give the brief a title",
        }]);
        assert_eq!(
            e.to_string(),
            "the PDF/UA-1 file cannot be made: the brief has no title\nhint: give the brief a title"
        );
        assert!(
            PdfError::NoPages
                .to_string()
                .starts_with("the layout made no pages")
        );
    }
}
