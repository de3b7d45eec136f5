//! Which characters the main face (Roboto) draws: the shipped content keeps to it, so the
//! samples never lean on a fallback face. What prints at all is `layout::glyphs`' check.

use ttf_parser::Face;

use super::fonts;

/// The characters of `text` that the regular face has no glyph for, each once, in order.
/// Line breaks and tabs are layout, not glyphs, and are skipped.
pub fn missing_chars(text: &str) -> Vec<char> {
    let Ok(face) = Face::parse(fonts::REGULAR, 0) else {
        // The face is compiled in; a test proves it parses.
        return Vec::new();
    };
    let mut missing = Vec::new();
    for c in text.chars() {
        if matches!(c, '\n' | '\r' | '\t') || missing.contains(&c) {
            continue;
        }
        if face.glyph_index(c).is_none() {
            missing.push(c);
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_characters_are_covered() {
        assert!(Face::parse(fonts::REGULAR, 0).is_ok());
        assert_eq!(
            missing_chars("’—“”–\u{2011}‘≈£€ Привет Αθήνα"),
            Vec::<char>::new()
        );
        assert_eq!(missing_chars("a\u{10FFFD}b"), vec!['\u{10FFFD}']);
    }
}
