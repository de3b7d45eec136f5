//! The menu bar and the toolbar beside it. Labels and shortcuts come from [`Command`].

use egui::{Button, Ui};

use crate::gui::action::{Action, Command};
use crate::gui::app::App;
use crate::gui::panels::preview::ZOOM_RANGE;
use crate::gui::templates::Template;

fn item(ui: &mut Ui, command: Command, enabled: bool, actions: &mut Vec<Action>) {
    let mut button = Button::new(command.label());
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        actions.push(Action::Command(command));
    }
}

/// A toolbar button: the command's label, its shortcut in the tooltip.
fn tool(ui: &mut Ui, command: Command, enabled: bool, actions: &mut Vec<Action>) {
    let mut hint = command.hint().to_owned();
    if let Some(shortcut) = command.shortcut() {
        hint = format!("{hint} ({})", ui.ctx().format_shortcut(&shortcut));
    }
    if ui
        .add_enabled(enabled, Button::new(command.label()))
        .on_hover_text(hint)
        .clicked()
    {
        actions.push(Action::Command(command));
    }
}

/// File, Edit and View menus, then Export PDF, Undo and Redo as buttons.
pub fn menu_ui(ui: &mut Ui, app: &App, actions: &mut Vec<Action>) {
    let history = &app.session.history;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, Command::New, true, actions);
            ui.menu_button("New from template", |ui| {
                for template in Template::ALL {
                    if ui
                        .button(template.label())
                        .on_hover_text(template.hint())
                        .clicked()
                    {
                        actions.push(Action::Command(Command::NewFromTemplate(template)));
                    }
                }
            });
            item(ui, Command::NewFromThis, true, actions);
            item(ui, Command::NewDossier, true, actions);
            item(ui, Command::Open, true, actions);
            ui.menu_button("Open Recent", |ui| {
                if app.prefs.recent.is_empty() {
                    ui.label("No recent briefs");
                }
                for path in &app.prefs.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(Action::Command(Command::OpenPath(path.clone())));
                    }
                }
            });
            ui.separator();
            item(ui, Command::Save, true, actions);
            item(ui, Command::SaveAs, true, actions);
            item(ui, Command::SaveDossierCopy, true, actions);
            ui.separator();
            item(ui, Command::Import, true, actions);
            ui.separator();
            item(ui, Command::ExportPdf, true, actions);
            item(ui, Command::ExportAs, true, actions);
            item(ui, Command::PressCopy, true, actions);
            ui.separator();
            item(ui, Command::Quit, true, actions);
        });
        ui.menu_button("Edit", |ui| {
            item(ui, Command::Undo, history.can_undo(), actions);
            item(ui, Command::Redo, history.can_redo(), actions);
            ui.separator();
            item(ui, Command::QuickAdd, true, actions);
        });
        ui.menu_button("View", |ui| {
            let mut shown = app.prefs.preview;
            let mut label = String::from("Show preview");
            if let Some(s) = Command::TogglePreview.shortcut() {
                label = format!("{label}  ({})", ui.ctx().format_shortcut(&s));
            }
            if ui.checkbox(&mut shown, label).changed() {
                actions.push(Action::Command(Command::TogglePreview));
            }
            ui.separator();
            let zoom = app.preview.zoom;
            item(ui, Command::ZoomIn, shown && zoom < ZOOM_RANGE.1, actions);
            item(ui, Command::ZoomOut, shown && zoom > ZOOM_RANGE.0, actions);
            item(ui, Command::FitWidth, shown && zoom != 1.0, actions);
        });
        ui.separator();
        tool(ui, Command::ExportPdf, true, actions);
        tool(ui, Command::Undo, history.can_undo(), actions);
        tool(ui, Command::Redo, history.can_redo(), actions);
        let mut shown = app.prefs.preview;
        if ui.toggle_value(&mut shown, "Preview").changed() {
            actions.push(Action::Command(Command::TogglePreview));
        }
    });
}
