//! The status bar: problems, where the brief lives, and the latest message with what can be
//! done about it (open the PDF just written, show its folder).

use egui::{Context, RichText, Ui};

use super::widgets::bold;
use crate::gui::action::Action;
use crate::gui::app::App;
use crate::gui::dialogs;
use crate::problem::{Finding, Severity};

/// The bar at the foot of the window.
pub fn status_ui(ui: &mut Ui, app: &mut App, _actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let findings = app.session.findings();
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let warnings = findings.len() - errors;
        let summary = match (errors, warnings) {
            (0, 0) => RichText::new("No problems"),
            (0, w) => RichText::new(format!("{w} warning(s)")).color(ui.visuals().warn_fg_color),
            (e, w) => RichText::new(format!("{e} error(s), {w} warning(s)"))
                .color(ui.visuals().error_fg_color),
        };
        if ui
            .button(summary)
            .on_hover_text("Show every problem")
            .clicked()
        {
            app.show_problems = !app.show_problems;
        }
        ui.separator();
        let place = app
            .session
            .path
            .as_ref()
            .map_or_else(|| "Not saved yet".to_owned(), |p| p.display().to_string());
        ui.label(RichText::new(place).weak());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let Some(toast) = app.toast.clone() else {
                return;
            };
            if ui
                .small_button("\u{00d7}")
                .on_hover_text("Dismiss")
                .clicked()
            {
                app.toast = None;
            }
            if let Some(pdf) = &toast.pdf {
                if ui.button("Show folder").clicked()
                    && let Err(e) = dialogs::show_in_folder(pdf)
                {
                    app.toast = Some(crate::gui::app::Toast {
                        text: format!("Could not show the folder: {e}"),
                        pdf: None,
                    });
                }
                if ui.button("Open PDF").clicked()
                    && let Err(e) = dialogs::open_in_viewer(pdf)
                {
                    app.toast = Some(crate::gui::app::Toast {
                        text: format!("Could not open the PDF: {e}"),
                        pdf: None,
                    });
                }
            }
            ui.label(&toast.text);
        });
    });
}

/// Every problem in the brief, in a window of its own.
pub fn problems_window(ctx: &Context, findings: &[Finding], open: &mut bool) {
    egui::Window::new("Problems")
        .open(open)
        .default_width(520.0)
        .show(ctx, |ui| {
            if findings.is_empty() {
                ui.label("No problems: the brief exports as it is.");
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for f in findings {
                    let (mark, color) = match f.severity {
                        Severity::Error => ("Error", ui.visuals().error_fg_color),
                        Severity::Warning => ("Warning", ui.visuals().warn_fg_color),
                    };
                    ui.horizontal_wrapped(|ui| {
                        ui.label(bold(mark).color(color));
                        ui.label(&f.message);
                    });
                    if let Some(hint) = &f.hint {
                        ui.label(RichText::new(format!("hint: {hint}")).weak());
                    }
                    ui.label(RichText::new(format!("at {}", f.path)).small().weak());
                    ui.separator();
                }
            });
        });
}
