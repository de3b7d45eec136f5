//! Pages -> PDF bytes, with krilla: fonts, tags, links, outline, metadata. The last stage of
//! the pipeline: [`crate::layout`] has placed every glyph, so this only draws, tags and
//! describes. Only shells write files.
//!
//! Every file is tagged and checked by krilla's PDF/UA-1 validator; with [`Options::pdfa`]
//! also by its PDF/A-2b one. Both need PDF 1.7 at most, so every file is PDF 1.7.

mod check;
mod draw;
mod error;
mod fonts;
mod links;
mod metadata;
mod tags;
mod time;

#[cfg(test)]
mod tests;

use krilla::configure::{Accessibility, Archival, ConfigurationBuilder, PdfVersion};
use krilla::page::PageSettings;
use krilla::{Document, SerializeSettings};

pub use error::{PdfError, Violation};
pub use time::{Timestamp, civil_from_days};

use crate::layout::pages::Pages;

/// How to write the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Also meet PDF/A-2b, for archiving.
    pub pdfa: bool,
    /// The creation date. `None` writes none, except that PDF/A requires one, so then it is
    /// [`Timestamp::now`].
    pub created: Option<Timestamp>,
}

/// The pages as a tagged PDF 1.7 that meets PDF/UA-1 (and PDF/A-2b with [`Options::pdfa`]).
///
/// Fails, never panics, when the pages break the layout's rules (see [`PdfError::Layout`]) or
/// the file would not meet the standard, e.g. a glyph the face lacks or no title.
pub fn write(pages: &Pages, options: &Options) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts::Fonts::for_pages(pages)?;
    check::pages(pages, &fonts)?;

    let mut document = Document::new_with(settings(options.pdfa)?);
    let mut tags = tags::Tags::new(&pages.structure);
    for (index, page) in pages.pages.iter().enumerate() {
        // The checks made sure the size is positive and finite.
        let Some(page_settings) = PageSettings::from_wh(page.width_pt, page.height_pt) else {
            return Err(PdfError::layout_at(
                format!("page {}", index + 1),
                "its size is not positive",
            ));
        };
        let mut target = document.start_page_with(page_settings);
        // Annotations before the surface: asking for the surface again would wipe the page.
        let annotations = links::annotate(&mut target, index, page, pages);
        let mut surface = target.surface();
        draw::page(&mut surface, index, page, &annotations, &fonts, &mut tags);
        surface.finish();
        target.finish();
    }

    let language = metadata::language(&pages.meta);
    document.set_tag_tree(tags.finish(language));
    document.set_outline(links::outline(pages, pages.meta.title.trim()));
    document.set_metadata(metadata::metadata(&pages.meta, options));
    document
        .finish()
        .map_err(|e| error::from_krilla(e, pages, &fonts))
}

/// Tagged, PDF/UA-1, and PDF/A-2b if asked: PDF 1.7 either way.
fn settings(pdfa: bool) -> Result<SerializeSettings, PdfError> {
    let mut builder = ConfigurationBuilder::new()
        .with_version(PdfVersion::Pdf17)
        .with_accessibility_validator(Accessibility::UA1);
    if pdfa {
        builder = builder.with_archival_validator(Archival::A2_B);
    }
    let configuration = builder
        .finish()
        .map_err(|e| PdfError::Write(format!("krilla refused the configuration: {e:?}")))?;
    Ok(SerializeSettings {
        enable_tagging: true,
        configuration,
        ..SerializeSettings::default()
    })
}
