//! Sizes and colours of the printed brief, in one place.

use genpdf::style::Color;

/// Body text size.
pub const BODY_PT: u8 = 11;
/// Table text size.
pub const TABLE_PT: u8 = 9;
/// Footer text size.
pub const FOOTER_PT: u8 = 7;
/// Marking size, header and footer.
pub const MARKING_PT: u8 = 8;
/// Title size.
pub const TITLE_PT: u8 = 20;
/// Section heading size.
pub const HEADING_PT: u8 = 13;
/// Subsection heading size.
pub const SUBHEADING_PT: u8 = 11;
/// Line spacing factor for body text: Roboto's own line height is 1.17 em, so lines sit
/// 1.23 em apart.
pub const LINE_SPACING: f64 = 1.11;
/// Line spacing factor in tables, whose cells are short and ruled apart.
pub const TABLE_LINE_SPACING: f64 = 0.97;

/// Page margins, inside which the content flows.
pub const MARGIN_TOP_MM: f64 = 15.0;
/// Bottom margin, above the footer.
pub const MARGIN_BOTTOM_MM: f64 = 17.0;
/// Left and right margins.
pub const MARGIN_SIDE_MM: f64 = 26.0;

/// Headings and the title.
pub const INK: Color = Color::Rgb(22, 42, 78);
/// Secondary text: dates, categories, footers.
pub const MUTED: Color = Color::Rgb(95, 99, 104);
/// Table and page rules.
pub const RULE: Color = Color::Rgb(170, 175, 182);
/// The handling marking.
pub const MARKING: Color = Color::Rgb(150, 20, 30);
/// Staff notes.
pub const NOTE: Color = Color::Rgb(70, 90, 120);
/// Talking points.
pub const TALKING_POINT: Color = Color::Rgb(20, 110, 70);
/// Questions to ask.
pub const QUESTION: Color = Color::Rgb(170, 100, 0);

/// The colour of an annotation's box, by kind.
pub fn annotation(kind: crate::model::AnnotationKind) -> Color {
    match kind {
        crate::model::AnnotationKind::Note => NOTE,
        crate::model::AnnotationKind::TalkingPoint => TALKING_POINT,
        crate::model::AnnotationKind::Question => QUESTION,
    }
}
