//! The faces as krilla fonts, loaded once per write and only if some run uses them. krilla
//! embeds a subset of each with a ToUnicode map built from the runs' text.

use std::collections::HashMap;

use krilla::text::Font;

use super::error::PdfError;
use crate::layout::pages::{Face, Item, Pages};

/// A face ready for krilla.
pub(crate) struct Loaded {
    /// The font krilla draws with.
    pub font: Font,
    /// How many glyphs the face has; glyph ids must be below it.
    pub glyph_count: u16,
    /// The face's name, for messages.
    pub name: String,
}

/// The faces the pages use.
pub(crate) struct Fonts {
    loaded: HashMap<Face, Loaded>,
}

impl Fonts {
    /// Loads every face some text on the pages is set in.
    pub fn for_pages(pages: &Pages) -> Result<Fonts, PdfError> {
        let mut fonts = Fonts {
            loaded: HashMap::new(),
        };
        for page in &pages.pages {
            for item in &page.items {
                if let Item::Text(run) = item
                    && let std::collections::hash_map::Entry::Vacant(e) =
                        fonts.loaded.entry(run.face)
                {
                    e.insert(load(run.face)?);
                }
            }
        }
        Ok(fonts)
    }

    /// The face, if some run uses it.
    pub fn get(&self, face: Face) -> Option<&Loaded> {
        self.loaded.get(&face)
    }

    /// The name of the face a krilla font was made from, for messages.
    pub fn name_of(&self, font: &Font) -> &str {
        self.loaded
            .values()
            .find(|loaded| &loaded.font == font)
            .map_or("(unknown)", |l| l.name.as_str())
    }
}

fn load(face: Face) -> Result<Loaded, PdfError> {
    let unreadable = || PdfError::Write(format!("face {} cannot be read", face.name()));
    let registered = face.registered().ok_or_else(unreadable)?;
    let glyph_count = ttf_parser::Face::parse(registered.data(), registered.index)
        .map_err(|_| unreadable())?
        .number_of_glyphs();
    let data = krilla::Data::from(std::sync::Arc::clone(&registered.bytes));
    let font = Font::new(data, registered.index).ok_or_else(unreadable)?;
    Ok(Loaded {
        font,
        glyph_count,
        name: registered.name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_face_loads() {
        for i in 0..crate::layout::fonts::BUNDLED.len() {
            let face = Face(u16::try_from(i).unwrap());
            let loaded = load(face).expect("compiled-in face");
            assert!(loaded.glyph_count > 100, "{face:?}");
        }
    }
}
