//! The brief details form: title, meeting, bottom line, participants, who it is for and by,
//! marking, paper size. One column, each label above its field, so the form wraps to any
//! width the window leaves it and scrolls rather than pushing fields off the edge.

use egui::{Key, TextEdit, Ui};

use super::widgets::{bold, named_button, named_checkbox, optional_date_ui};
use crate::gui::action::{Action, Edit, Focus, ListField, TextField, list_of, text_of};
use crate::gui::session::Session;
use crate::model::{Brief, PageSize};

fn text_row(
    ui: &mut Ui,
    brief: &Brief,
    label: &str,
    field: TextField,
    multiline: bool,
    focus: bool,
    actions: &mut Vec<Action>,
) {
    let label = ui.label(label);
    let mut text = text_of(brief, field).to_owned();
    let edit = if multiline {
        TextEdit::multiline(&mut text).desired_rows(3)
    } else {
        TextEdit::singleline(&mut text)
    };
    let response = ui
        .add(edit.desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if focus {
        response.request_focus();
    }
    if response.changed() {
        actions.push(Action::Edit(Edit::SetText { field, text }));
    }
    ui.add_space(6.0);
}

/// A list of one-line entries: Enter in one starts the next, Backspace in an empty one
/// removes it, and "+ Add" puts the cursor in the new entry.
fn list_rows(
    ui: &mut Ui,
    brief: &Brief,
    label: &str,
    item: &str,
    list: ListField,
    focus: Option<Focus>,
    actions: &mut Vec<Action>,
) {
    ui.label(label);
    for (i, line) in list_of(brief, list).iter().enumerate() {
        ui.horizontal(|ui| {
            let mut text = line.clone();
            let name = format!("{item} {}", i + 1);
            let width = (ui.available_width() - 34.0).max(60.0);
            let edit = ui.add(TextEdit::singleline(&mut text).desired_width(width));
            let accessible = name.clone();
            edit.widget_info(move || {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, &accessible)
            });
            if focus == Some(Focus::Line(list, i)) {
                edit.request_focus();
                edit.scroll_to_me(None);
            }
            if edit.changed() {
                actions.push(Action::Edit(Edit::SetLine {
                    list,
                    index: i,
                    text: text.clone(),
                }));
            }
            if edit.lost_focus() && ui.input(|input| input.key_pressed(Key::Enter)) {
                actions.push(Action::Edit(Edit::InsertLine { list, index: i + 1 }));
            } else if edit.has_focus()
                && line.is_empty()
                && text.is_empty()
                && ui.input(|input| input.key_pressed(Key::Backspace))
            {
                actions.push(Action::Edit(Edit::RemoveLine { list, index: i }));
            }
            if named_button(ui, "\u{00d7}", &format!("Remove {name}"), true) {
                actions.push(Action::Edit(Edit::RemoveLine { list, index: i }));
            }
        });
    }
    if ui
        .small_button(format!("+ Add {}", item.to_lowercase()))
        .clicked()
    {
        actions.push(Action::Edit(Edit::AddLine { list }));
    }
    ui.add_space(6.0);
}

/// The details form; `focus` is a field to give the keyboard focus to this frame.
pub fn details_ui(ui: &mut Ui, session: &Session, focus: Option<Focus>, actions: &mut Vec<Action>) {
    let brief = &session.brief;
    let dossier = &session.dossier.doc;
    ui.label(bold("Brief details").size(18.0));
    ui.add(
        egui::Label::new(
            egui::RichText::new(format!(
                "Dossier: {} (as of {}) \u{2014} {}",
                dossier.title,
                dossier.as_of.display_long(),
                session.dossier.name
            ))
            .weak(),
        )
        .wrap(),
    );
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width());
            let first = focus == Some(Focus::First);
            text_row(ui, brief, "Title", TextField::Title, false, first, actions);
            text_row(
                ui,
                brief,
                "Subtitle",
                TextField::Subtitle,
                false,
                false,
                actions,
            );
            text_row(
                ui,
                brief,
                "Meeting purpose",
                TextField::Purpose,
                true,
                false,
                actions,
            );
            list_rows(
                ui,
                brief,
                "Bottom line up front",
                "Point",
                ListField::BottomLine,
                focus,
                actions,
            );

            ui.horizontal_wrapped(|ui| {
                ui.label("Date");
                let default = dossier.as_of;
                if let Some(date) =
                    optional_date_ui(ui, "Set", "meeting-date", brief.meeting.date, default)
                {
                    actions.push(Action::Edit(Edit::SetMeetingDate { date }));
                }
            });
            ui.add_space(6.0);
            text_row(ui, brief, "Time", TextField::Time, false, false, actions);
            text_row(
                ui,
                brief,
                "Place",
                TextField::Location,
                false,
                false,
                actions,
            );

            ui.label("Participants from the dossier");
            egui::ScrollArea::vertical()
                .id_salt("participants")
                .max_height(180.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for person in &dossier.people {
                        ui.horizontal(|ui| {
                            let on = brief.meeting.participants.contains(&person.id);
                            if let Some(on) =
                                named_checkbox(ui, on, &format!("Participant {}", person.name))
                            {
                                actions.push(Action::Edit(Edit::SetParticipant {
                                    id: person.id.clone(),
                                    on,
                                }));
                            }
                            ui.add(
                                egui::Label::new(format!(
                                    "{} \u{2014} {}",
                                    person.name, person.role
                                ))
                                .truncate(),
                            );
                        });
                    }
                });
            ui.add_space(6.0);
            list_rows(
                ui,
                brief,
                "Other participants",
                "Participant",
                ListField::OtherParticipants,
                focus,
                actions,
            );
            text_row(
                ui,
                brief,
                "Prepared for",
                TextField::PreparedFor,
                false,
                false,
                actions,
            );
            text_row(
                ui,
                brief,
                "Prepared by",
                TextField::PreparedBy,
                false,
                false,
                actions,
            );
            text_row(
                ui,
                brief,
                "Handling marking",
                TextField::Marking,
                false,
                false,
                actions,
            );

            ui.horizontal_wrapped(|ui| {
                ui.label("Paper");
                for (size, name) in [(PageSize::A4, "A4"), (PageSize::Letter, "Letter")] {
                    if ui.radio(brief.page_size == size, name).clicked() && brief.page_size != size
                    {
                        actions.push(Action::Edit(Edit::SetPageSize { size }));
                    }
                }
            });
            ui.add_space(6.0);
            let mut on = brief.include_annotations;
            if ui
                .checkbox(&mut on, "Print notes and talking points")
                .on_hover_text("Untick for a press-safe copy: every staff annotation is left out")
                .changed()
            {
                actions.push(Action::Edit(Edit::SetIncludeAnnotations { on }));
            }
            ui.add_space(12.0);
        });
}
