//! The preview: the composed brief — the very value the PDF is made from — drawn as a page,
//! so every edit shows as it will print.

use egui::{Color32, Frame, Grid, Margin, RichText, Stroke, Ui};

use super::widgets::{bold, italic};
use crate::compose::{Body, Composed, ComposedSection, Row};
use crate::layout::theme;
use crate::model::Annotation;

const PAPER: Color32 = Color32::from_rgb(253, 253, 250);
const TEXT: Color32 = Color32::from_rgb(30, 30, 30);
const INK: Color32 = rgb(theme::INK);
const MUTED: Color32 = rgb(theme::MUTED);
const MARKING: Color32 = rgb(theme::MARKING);

/// The PDF's colours, so the preview and the page agree.
const fn rgb(color: genpdf::style::Color) -> Color32 {
    match color {
        genpdf::style::Color::Rgb(r, g, b) => Color32::from_rgb(r, g, b),
        genpdf::style::Color::Greyscale(g) => Color32::from_gray(g),
        genpdf::style::Color::Cmyk(..) => TEXT,
    }
}

/// The preview pane.
pub fn preview_ui(ui: &mut Ui, c: &Composed) {
    ui.horizontal(|ui| {
        ui.label(bold("Preview"));
        ui.label(RichText::new("as it will print").weak());
    });
    egui::ScrollArea::vertical()
        .id_salt("preview")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            Frame::new()
                .fill(PAPER)
                .stroke(Stroke::new(1.0, Color32::from_gray(200)))
                .inner_margin(Margin::same(18))
                .show(ui, |ui| {
                    ui.visuals_mut().override_text_color = Some(TEXT);
                    page_ui(ui, c);
                });
        });
}

fn page_ui(ui: &mut Ui, c: &Composed) {
    if !c.marking.is_empty() {
        ui.vertical_centered(|ui| ui.label(bold(&c.marking).size(10.0).color(MARKING)));
    }
    ui.label(bold("MEETING BRIEF").size(9.0).color(MUTED));
    ui.label(bold(&c.title).size(20.0).color(INK));
    if !c.subtitle.is_empty() {
        ui.label(italic(&c.subtitle).size(13.0).color(MUTED));
    }
    ui.separator();
    let m = &c.meeting;
    let when = [m.date.as_str(), m.time.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    Grid::new("meeting")
        .num_columns(2)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            for (label, value) in [
                ("Meeting", m.purpose.clone()),
                ("When", when),
                ("Where", m.location.clone()),
                ("Participants", m.participants.join("; ")),
                ("Prepared for", c.prepared_for.clone()),
                ("Prepared by", c.prepared_by.clone()),
            ] {
                if !value.trim().is_empty() {
                    ui.label(bold(label).size(11.0).color(MUTED));
                    ui.add(egui::Label::new(RichText::new(value).size(11.0)).wrap());
                    ui.end_row();
                }
            }
        });
    if !m.bottom_line.is_empty() {
        boxed(ui, INK, |ui| {
            ui.label(bold("BOTTOM LINE UP FRONT").size(9.0).color(INK));
            for point in &m.bottom_line {
                ui.horizontal_wrapped(|ui| {
                    ui.label("\u{2022}");
                    ui.label(bold(point));
                });
            }
        });
    }
    if c.sections.len() > 1 {
        ui.add_space(6.0);
        ui.label(bold("CONTENTS").size(9.0).color(MUTED));
        for s in &c.sections {
            ui.label(RichText::new(format!("{}  {}", s.number, s.heading)).size(11.0));
        }
    }
    for s in &c.sections {
        section_ui(ui, s);
    }
    if !c.marking.is_empty() {
        ui.add_space(12.0);
        ui.vertical_centered(|ui| ui.label(bold(&c.marking).size(10.0).color(MARKING)));
    }
}

fn section_ui(ui: &mut Ui, s: &ComposedSection) {
    ui.add_space(10.0);
    ui.label(
        bold(format!("{}   {}", s.number, s.heading))
            .size(16.0)
            .color(INK),
    );
    ui.separator();
    match &s.body {
        Body::Overview(paras) => {
            for p in paras {
                ui.add(egui::Label::new(p.as_str()).wrap());
                ui.add_space(4.0);
            }
        }
        Body::Indicators(rows) => table(
            ui,
            s.number,
            &["Figure", "Indicator", "As of"],
            rows,
            |ui, r| {
                ui.label(bold(&r.item.value).size(15.0).color(INK));
                ui.vertical(|ui| {
                    ui.label(bold(&r.item.label));
                    cited(ui, &r.item.detail, &r.cites);
                    annotations_ui(ui, &r.annotations);
                });
                ui.label(
                    RichText::new(r.item.as_of.map(|d| d.display_short()).unwrap_or_default())
                        .color(MUTED),
                );
            },
        ),
        Body::People(rows) => table(ui, s.number, &["Name", "Role", "Stance"], rows, |ui, r| {
            ui.label(bold(&r.item.name));
            ui.add(egui::Label::new(r.item.role.as_str()).wrap());
            ui.vertical(|ui| {
                cited(ui, &r.item.stance, &r.cites);
                annotations_ui(ui, &r.annotations);
            });
        }),
        Body::Organizations(rows) => table(
            ui,
            s.number,
            &["Organisation", "Position"],
            rows,
            |ui, r| {
                ui.vertical(|ui| {
                    ui.label(bold(&r.item.name));
                    ui.label(RichText::new(&r.item.kind).small().color(MUTED));
                });
                ui.vertical(|ui| {
                    ui.label(italic(&r.item.status));
                    cited(ui, &r.item.summary, &r.cites);
                    annotations_ui(ui, &r.annotations);
                });
            },
        ),
        Body::Timeline { rows, .. } if rows.is_empty() => {
            ui.label(italic("No events in this period.").color(MUTED));
        }
        Body::Timeline { rows, .. } => table(
            ui,
            s.number,
            &["Date", "Category", "Event"],
            rows,
            |ui, r| {
                ui.vertical(|ui| {
                    ui.label(bold(r.item.date.display_short()));
                    if r.item.approximate {
                        ui.label(italic("approx.").small().color(MUTED));
                    }
                });
                ui.label(RichText::new(&r.item.category).small().color(MUTED));
                ui.vertical(|ui| {
                    ui.label(bold(&r.item.title));
                    cited(ui, &r.item.summary, &r.cites);
                    annotations_ui(ui, &r.annotations);
                });
            },
        ),
        Body::Scenarios(rows) => {
            for (i, r) in rows.iter().enumerate() {
                ui.label(
                    bold(format!("{}.{}  {}", s.number, i + 1, r.item.title))
                        .size(13.0)
                        .color(INK),
                );
                if !r.item.discussed_by.is_empty() {
                    ui.label(
                        italic(format!("Discussed by: {}", r.item.discussed_by))
                            .small()
                            .color(MUTED),
                    );
                }
                cited(ui, &r.item.summary, &r.cites);
                annotations_ui(ui, &r.annotations);
                ui.add_space(6.0);
            }
        }
        Body::Precedents(rows) => {
            for (i, r) in rows.iter().enumerate() {
                ui.label(
                    bold(format!("{}.{}  {}", s.number, i + 1, r.item.title))
                        .size(13.0)
                        .color(INK),
                );
                ui.label(italic(&r.item.period).small().color(MUTED));
                for (label, text) in [
                    ("What happened.", &r.item.what_happened),
                    ("Short term.", &r.item.short_term),
                    ("Long term.", &r.item.long_term),
                    ("Why it matters.", &r.item.relevance),
                ] {
                    if !text.is_empty() {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(bold(label));
                            ui.label(text.as_str());
                        });
                    }
                }
                annotations_ui(ui, &r.annotations);
                ui.add_space(6.0);
            }
        }
        Body::Sources(notes) => {
            for n in notes {
                let s = &n.source;
                let date = s
                    .date
                    .map(|d| format!(" {}.", d.display_short()))
                    .unwrap_or_default();
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("{}. {}. {}.{date}", n.number, s.publisher, s.title))
                            .size(11.0),
                    )
                    .wrap(),
                );
            }
        }
        Body::Notes => {}
    }
    annotations_ui(ui, &s.annotations);
}

/// Rows the preview draws of one table; the PDF prints them all. Drawing thousands of rows
/// every frame would make the window stutter for no reader's benefit.
pub const PREVIEW_ROWS: usize = 60;

fn table<T>(
    ui: &mut Ui,
    section: usize,
    header: &[&str],
    rows: &[Row<T>],
    mut row_ui: impl FnMut(&mut Ui, &Row<T>),
) {
    Grid::new(("table", section))
        .num_columns(header.len())
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for h in header {
                ui.label(bold(*h).size(11.0).color(INK));
            }
            ui.end_row();
            for r in rows.iter().take(PREVIEW_ROWS) {
                row_ui(ui, r);
                ui.end_row();
            }
        });
    if rows.len() > PREVIEW_ROWS {
        ui.label(
            italic(format!(
                "\u{2026} and {} more rows, not drawn here; the PDF prints all {}.",
                rows.len() - PREVIEW_ROWS,
                rows.len()
            ))
            .color(MUTED),
        );
    }
}

fn cited(ui: &mut Ui, text: &str, cites: &[usize]) {
    let marks = if cites.is_empty() {
        String::new()
    } else {
        format!(
            " [{}]",
            cites
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    ui.add(egui::Label::new(format!("{text}{marks}")).wrap());
}

fn boxed(ui: &mut Ui, color: Color32, add: impl FnOnce(&mut Ui)) {
    Frame::new()
        .stroke(Stroke::new(1.0, color))
        .inner_margin(Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui);
        });
}

/// Annotations as the PDF sets them: one box for each run of the same kind.
fn annotations_ui(ui: &mut Ui, annotations: &[Annotation]) {
    for b in crate::compose::annotation_boxes(annotations) {
        let color = rgb(theme::annotation(b.kind));
        ui.add_space(3.0);
        boxed(ui, color, |ui| {
            ui.label(bold(b.label.to_uppercase()).size(9.0).color(color));
            for a in b.items {
                if b.items.len() > 1 {
                    ui.horizontal_wrapped(|ui| {
                        ui.label("\u{2022}");
                        ui.add(egui::Label::new(a.text.as_str()).wrap());
                    });
                } else {
                    ui.add(egui::Label::new(a.text.as_str()).wrap());
                }
            }
        });
    }
}
