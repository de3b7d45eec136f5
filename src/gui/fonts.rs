//! The window draws text with the same faces as the PDF, so every character the brief prints
//! shows on screen too (egui's own fonts lack U+2011, among others), and the preview sets each
//! run of the laid-out pages in the very face the PDF embeds for it.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use crate::layout as pdf;
use crate::layout::pages::Face;

/// The family name of the bold face, for headings.
pub const BOLD: &str = "bold";
/// The family name of the italic face.
pub const ITALIC: &str = "italic";
/// The family name of the bold italic face.
pub const BOLD_ITALIC: &str = "bold-italic";
/// The family name of the fallback face for symbols Roboto lacks.
pub const SYMBOLS: &str = "symbols";

/// The family egui sets a face of the laid-out pages in.
pub fn family(face: Face) -> FontFamily {
    match face {
        Face::BOLD => FontFamily::Name(BOLD.into()),
        Face::ITALIC => FontFamily::Name(ITALIC.into()),
        Face::BOLD_ITALIC => FontFamily::Name(BOLD_ITALIC.into()),
        Face::SYMBOLS => FontFamily::Name(SYMBOLS.into()),
        _ => FontFamily::Proportional,
    }
}

/// The faces after Roboto in every family: the PDF's fallbacks, so what prints shows.
const FALLBACKS: [&str; 4] = [
    "NotoSansArabic",
    "NotoSansHebrew",
    "NotoSansMath",
    "NotoSansSymbols2",
];

/// Installs Roboto first in line, egui's own fonts after it for the symbols Roboto lacks.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in [
        ("Roboto", pdf::REGULAR),
        ("Roboto-Bold", pdf::BOLD),
        ("Roboto-Italic", pdf::ITALIC),
        ("Roboto-BoldItalic", pdf::BOLD_ITALIC),
        ("NotoSansSymbols2", pdf::SYMBOLS),
        ("NotoSansMath", pdf::fonts::MATH),
        ("NotoSansArabic", pdf::fonts::ARABIC),
        ("NotoSansHebrew", pdf::fonts::HEBREW),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    // Scripts no bundled face covers, in the system's faces the PDF would use for them.
    let mut system = Vec::new();
    for (i, face) in pdf::fonts::system_faces().into_iter().enumerate() {
        let name = format!("system-{i}");
        let mut data = FontData::from_owned(face.data().to_vec());
        data.index = face.index;
        fonts.font_data.insert(name.clone(), Arc::new(data));
        system.push(name);
    }
    let mut fallbacks: Vec<String> = FALLBACKS.iter().map(|s| (*s).to_owned()).collect();
    fallbacks.extend(system.iter().cloned());
    fallbacks.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    if let Some(list) = fonts.families.get_mut(&FontFamily::Proportional) {
        // The PDF's faces, so what prints shows in the window as it prints.
        list.insert(0, "Roboto".to_owned());
        for (i, name) in FALLBACKS
            .iter()
            .chain(system.iter().map(String::as_str).collect::<Vec<_>>().iter())
            .enumerate()
        {
            list.insert(i + 1, (*name).to_owned());
        }
        // egui's monospace face has the arrows and ≡ the reorder controls use.
        list.push("Hack".to_owned());
    }
    for (family, face) in [
        (BOLD, "Roboto-Bold"),
        (ITALIC, "Roboto-Italic"),
        (BOLD_ITALIC, "Roboto-BoldItalic"),
    ] {
        let mut list = vec![face.to_owned()];
        list.extend(fallbacks.iter().cloned());
        fonts.families.insert(FontFamily::Name(family.into()), list);
    }
    let mut symbols = vec!["NotoSansSymbols2".to_owned(), "Roboto".to_owned()];
    symbols.extend(fallbacks);
    fonts
        .families
        .insert(FontFamily::Name(SYMBOLS.into()), symbols);
    ctx.set_fonts(fonts);
}
