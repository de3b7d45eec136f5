//! Document information: title, author, subject, language, dates and the program that made it.
//! krilla writes it both to the Info dictionary and to XMP, and with PDF/UA it also tells
//! viewers to show the title, not the file name, in the window's title bar.

use krilla::metadata::Metadata;

use super::Options;
use super::time::Timestamp;
use crate::layout::pages::Meta;

/// "Briefing 0.1.0".
const PROGRAM: &str = concat!("Briefing ", env!("CARGO_PKG_VERSION"));

/// The language readers and screen readers assume when the layout names none.
pub(crate) const DEFAULT_LANGUAGE: &str = "en";

/// The document's language tag.
pub(crate) fn language(meta: &Meta) -> &str {
    let language = meta.language.trim();
    if language.is_empty() {
        DEFAULT_LANGUAGE
    } else {
        language
    }
}

/// The metadata. PDF/A requires a creation date, so without one given it is now.
pub(crate) fn metadata(meta: &Meta, options: &Options) -> Metadata {
    let mut metadata = Metadata::new()
        .title(meta.title.trim().to_owned())
        .language(language(meta).to_owned())
        .creator(PROGRAM.to_owned())
        .producer(PROGRAM.to_owned());
    let author = meta.author.trim();
    if !author.is_empty() {
        metadata = metadata.authors(vec![author.to_owned()]);
    }
    let subject = meta.subject.trim();
    if !subject.is_empty() {
        metadata = metadata.description(subject.to_owned());
    }
    let created = match options.created {
        Some(created) => Some(created),
        None if options.pdfa => Some(Timestamp::now()),
        None => None,
    };
    if let Some(created) = created {
        metadata = metadata.creation_date(created.to_krilla());
    }
    metadata
}
