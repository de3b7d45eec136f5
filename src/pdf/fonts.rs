//! The faces as krilla fonts, loaded once per write and only if some run uses them. krilla
//! embeds a subset of each with a ToUnicode map built from the runs' text.

use krilla::text::Font;

use super::error::PdfError;
use crate::layout::pages::{Face, Item, Pages};

/// A face ready for krilla.
pub(crate) struct Loaded {
    /// The font krilla draws with.
    pub font: Font,
    /// How many glyphs the face has; glyph ids must be below it.
    pub glyph_count: u16,
}

/// The faces the pages use, indexed like [`Face::ALL`].
pub(crate) struct Fonts {
    loaded: [Option<Loaded>; Face::ALL.len()],
}

impl Fonts {
    /// Loads every face some text on the pages is set in.
    pub fn for_pages(pages: &Pages) -> Result<Fonts, PdfError> {
        let mut fonts = Fonts {
            loaded: Default::default(),
        };
        for page in &pages.pages {
            for item in &page.items {
                if let Item::Text(run) = item {
                    let slot = &mut fonts.loaded[index(run.face)];
                    if slot.is_none() {
                        *slot = Some(load(run.face)?);
                    }
                }
            }
        }
        Ok(fonts)
    }

    /// The face, if some run uses it.
    pub fn get(&self, face: Face) -> Option<&Loaded> {
        self.loaded[index(face)].as_ref()
    }

    /// The name of the face a krilla font was made from, for messages.
    pub fn name_of(&self, font: &Font) -> &'static str {
        Face::ALL
            .into_iter()
            .find(|face| self.get(*face).is_some_and(|loaded| &loaded.font == font))
            .map_or("(unknown)", face_name)
    }
}

fn index(face: Face) -> usize {
    match face {
        Face::Regular => 0,
        Face::Bold => 1,
        Face::Italic => 2,
        Face::BoldItalic => 3,
        Face::Symbols => 4,
    }
}

fn load(face: Face) -> Result<Loaded, PdfError> {
    let bytes = face.bytes();
    let unreadable = || PdfError::Write(format!("face {} cannot be read", face_name(face)));
    let glyph_count = ttf_parser::Face::parse(bytes, 0)
        .map_err(|_| unreadable())?
        .number_of_glyphs();
    // The bytes are compiled in, so krilla can borrow them without a copy.
    let font = Font::new(bytes.into(), 0).ok_or_else(unreadable)?;
    Ok(Loaded { font, glyph_count })
}

/// The name of a face as a reader would know it.
pub(crate) fn face_name(face: Face) -> &'static str {
    match face {
        Face::Regular => "Roboto Regular",
        Face::Bold => "Roboto Bold",
        Face::Italic => "Roboto Italic",
        Face::BoldItalic => "Roboto Bold Italic",
        Face::Symbols => "Noto Sans Symbols 2",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_face_loads() {
        for face in Face::ALL {
            let loaded = load(face).expect("compiled-in face");
            assert!(loaded.glyph_count > 100, "{face:?}");
        }
    }

    #[test]
    fn the_index_matches_the_order_of_all() {
        for (i, face) in Face::ALL.into_iter().enumerate() {
            assert_eq!(index(face), i);
        }
    }
}
