//! The status bar: problems, the page count against the page budget, where the brief lives,
//! and the latest message with what can be done about it (open the PDF just written, show its
//! folder).

use egui::{Context, RichText, Ui};

use super::widgets::bold;
use crate::gui::action::{Action, Command};
use crate::gui::app::App;
use crate::gui::locations::locate;
use crate::layout::pages::Pages;
use crate::model::Brief;
use crate::problem::{Finding, Severity};

/// The bar at the foot of the window. It reads the app and pushes actions, like every panel.
pub fn status_ui(ui: &mut Ui, app: &App, actions: &mut Vec<Action>) {
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
            actions.push(Action::Command(Command::ToggleProblems));
        }
        ui.separator();
        pages_ui(ui, app, actions);
        ui.separator();
        let place = app
            .session
            .path
            .as_ref()
            .map_or_else(|| "Not saved yet".to_owned(), |p| p.display().to_string());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(toast) = &app.runtime.toast {
                if ui
                    .small_button("\u{00d7}")
                    .on_hover_text("Dismiss")
                    .clicked()
                {
                    actions.push(Action::DismissToast);
                }
                if let Some(text) = &toast.copy
                    && ui.button("Copy path").clicked()
                {
                    actions.push(Action::Copy(text.clone()));
                }
                if let Some(pdf) = &toast.pdf {
                    if ui.button("Show folder").clicked() {
                        actions.push(Action::ShowFolder(pdf.clone()));
                    }
                    if ui.button("Open PDF").clicked() {
                        actions.push(Action::OpenFile(pdf.clone()));
                    }
                }
                ui.add(egui::Label::new(&toast.text).truncate())
                    .on_hover_text(&toast.text);
            } else {
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.add(egui::Label::new(RichText::new(place).weak()).truncate());
                });
            }
        });
    });
}

/// "3 pages", or, over the brief's page budget, a warning that opens how many pages each
/// section takes, so the staffer knows what to cut.
fn pages_ui(ui: &mut Ui, app: &App, actions: &mut Vec<Action>) {
    let Some(laid) = app.layout.laid() else {
        ui.label(RichText::new("Laying out\u{2026}").weak());
        return;
    };
    let count = laid.pages.count();
    let budget = app.session.brief.page_budget;
    match page_count_text(count, budget) {
        (text, false) => {
            ui.label(text);
        }
        (text, true) => {
            let warning = RichText::new(text).color(ui.visuals().warn_fg_color);
            if ui
                .button(warning)
                .on_hover_text("Show how many pages each section takes")
                .clicked()
            {
                actions.push(Action::Command(Command::ToggleBudget));
            }
        }
    }
}

/// What the status bar says about the page count, and whether it is over the budget.
pub fn page_count_text(count: usize, budget: Option<u32>) -> (String, bool) {
    let pages = if count == 1 {
        "1 page".to_owned()
    } else {
        format!("{count} pages")
    };
    match budget.and_then(|b| usize::try_from(b).ok()) {
        Some(budget) if count > budget => (
            format!(
                "{pages} \u{2014} {} over the budget of {budget}",
                count - budget
            ),
            true,
        ),
        _ => (pages, false),
    }
}

/// How many pages each section takes, in a window of its own.
pub fn budget_window(ctx: &Context, pages: &Pages, budget: Option<u32>, open: &mut bool) {
    // Beside the status bar it was opened from, clear of the sections list.
    let corner = ctx.content_rect().left_bottom() + egui::vec2(8.0, -40.0);
    egui::Window::new("Pages by section")
        .open(open)
        .pivot(egui::Align2::LEFT_BOTTOM)
        .default_pos(corner)
        .resizable(false)
        .show(ctx, |ui| {
            let (summary, _) = page_count_text(pages.count(), budget);
            ui.label(summary);
            ui.label(
                RichText::new("Pages each section fills; leave out or slice the longest to fit.")
                    .weak(),
            );
            ui.add_space(4.0);
            egui::Grid::new("pages-by-section")
                .num_columns(3)
                .spacing([12.0, 4.0])
                .striped(true)
                .show(ui, |ui| {
                    ui.label("");
                    ui.label(bold("Section"));
                    ui.label(bold("Pages"));
                    ui.end_row();
                    for s in &pages.sections {
                        ui.label(s.number.to_string());
                        ui.label(&s.heading);
                        ui.label(format!("{:.1}", s.pages));
                        ui.end_row();
                    }
                    // The title block and contents come before the first section.
                    let sections: f32 = pages.sections.iter().map(|s| s.pages).sum();
                    let front = pages.count() as f32 - sections;
                    if front >= 0.05 {
                        ui.label("");
                        ui.label(RichText::new("Title and contents").weak());
                        ui.label(RichText::new(format!("{front:.1}")).weak());
                        ui.end_row();
                    }
                });
        });
}

/// Every problem in the brief, in a window of its own: each says where it is in the
/// window's words, and a click there goes to the section or field at fault.
pub fn problems_window(
    ctx: &Context,
    brief: &Brief,
    dossier: &crate::model::Dossier,
    findings: &[Finding],
    actions: &mut Vec<Action>,
) {
    let mut open = true;
    egui::Window::new("Problems")
        .open(&mut open)
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
                    let (place, target) = locate(brief, dossier, f);
                    ui.horizontal_wrapped(|ui| {
                        ui.label(bold(mark).color(color));
                        ui.label(&f.message);
                    });
                    if let Some(hint) = &f.hint {
                        ui.label(RichText::new(format!("hint: {hint}")).weak());
                    }
                    match target {
                        Some(target) => {
                            if ui
                                .link(RichText::new(format!("at {place}")).small())
                                .on_hover_text("Go there")
                                .clicked()
                            {
                                actions.push(Action::GoTo(target));
                            }
                        }
                        None => {
                            ui.label(RichText::new(format!("at {place}")).small().weak());
                        }
                    }
                    ui.separator();
                }
            });
        });
    if !open {
        actions.push(Action::Command(Command::ToggleProblems));
    }
}
