//! The brief details form: title, meeting, bottom line, participants, who it is for and by,
//! marking, paper size.

use egui::{Grid, TextEdit, Ui};

use super::widgets::{bold, named_button, named_checkbox, optional_date_ui};
use crate::gui::action::{Action, Edit, ListField, TextField, list_of, text_of};
use crate::gui::session::Session;
use crate::model::PageSize;

fn text_row(
    ui: &mut Ui,
    brief: &crate::model::Brief,
    label: &str,
    field: TextField,
    multiline: bool,
    actions: &mut Vec<Action>,
) {
    let label = ui.label(label);
    let mut text = text_of(brief, field).to_owned();
    let edit = if multiline {
        TextEdit::multiline(&mut text).desired_rows(3)
    } else {
        TextEdit::singleline(&mut text)
    };
    if ui
        .add(edit.desired_width(f32::INFINITY))
        .labelled_by(label.id)
        .changed()
    {
        actions.push(Action::Edit(Edit::SetText { field, text }));
    }
    ui.end_row();
}

fn list_rows(
    ui: &mut Ui,
    brief: &crate::model::Brief,
    label: &str,
    item: &str,
    list: ListField,
    actions: &mut Vec<Action>,
) {
    ui.label(label);
    ui.vertical(|ui| {
        for (i, line) in list_of(brief, list).iter().enumerate() {
            ui.horizontal(|ui| {
                let mut text = line.clone();
                let name = format!("{item} {}", i + 1);
                let edit = ui.add(
                    TextEdit::singleline(&mut text).desired_width(ui.available_width() - 30.0),
                );
                let accessible = name.clone();
                edit.widget_info(move || {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, &accessible)
                });
                if edit.changed() {
                    actions.push(Action::Edit(Edit::SetLine {
                        list,
                        index: i,
                        text,
                    }));
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
    });
    ui.end_row();
}

/// The details form.
pub fn details_ui(ui: &mut Ui, session: &Session, actions: &mut Vec<Action>) {
    let brief = &session.brief;
    let dossier = &session.dossier.doc;
    ui.label(bold("Brief details").size(18.0));
    ui.label(
        egui::RichText::new(format!(
            "Dossier: {} (as of {}) \u{2014} {}",
            dossier.title,
            dossier.as_of.display_long(),
            session.dossier.name
        ))
        .weak(),
    );
    ui.add_space(6.0);
    egui::ScrollArea::vertical().show(ui, |ui| {
        Grid::new("details")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .striped(false)
            .show(ui, |ui| {
                text_row(ui, brief, "Title", TextField::Title, false, actions);
                text_row(ui, brief, "Subtitle", TextField::Subtitle, false, actions);
                text_row(
                    ui,
                    brief,
                    "Meeting purpose",
                    TextField::Purpose,
                    true,
                    actions,
                );
                list_rows(
                    ui,
                    brief,
                    "Bottom line up front",
                    "Point",
                    ListField::BottomLine,
                    actions,
                );

                ui.label("Date");
                let default = dossier.as_of;
                if let Some(date) =
                    optional_date_ui(ui, "Set", "meeting-date", brief.meeting.date, default)
                {
                    actions.push(Action::Edit(Edit::SetMeetingDate { date }));
                }
                ui.end_row();
                text_row(ui, brief, "Time", TextField::Time, false, actions);
                text_row(ui, brief, "Place", TextField::Location, false, actions);

                ui.label("Participants from the dossier");
                ui.vertical(|ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("participants")
                        .max_height(160.0)
                        .show(ui, |ui| {
                            for person in &dossier.people {
                                ui.horizontal(|ui| {
                                    let on = brief.meeting.participants.contains(&person.id);
                                    if let Some(on) = named_checkbox(
                                        ui,
                                        on,
                                        &format!("Participant {}", person.name),
                                    ) {
                                        actions.push(Action::Edit(Edit::SetParticipant {
                                            id: person.id.clone(),
                                            on,
                                        }));
                                    }
                                    ui.label(format!("{} \u{2014} {}", person.name, person.role));
                                });
                            }
                        });
                });
                ui.end_row();
                list_rows(
                    ui,
                    brief,
                    "Other participants",
                    "Participant",
                    ListField::OtherParticipants,
                    actions,
                );
                text_row(
                    ui,
                    brief,
                    "Prepared for",
                    TextField::PreparedFor,
                    false,
                    actions,
                );
                text_row(
                    ui,
                    brief,
                    "Prepared by",
                    TextField::PreparedBy,
                    false,
                    actions,
                );
                text_row(
                    ui,
                    brief,
                    "Handling marking",
                    TextField::Marking,
                    false,
                    actions,
                );

                ui.label("Paper");
                ui.horizontal(|ui| {
                    for (size, name) in [(PageSize::A4, "A4"), (PageSize::Letter, "Letter")] {
                        if ui.radio(brief.page_size == size, name).clicked()
                            && brief.page_size != size
                        {
                            actions.push(Action::Edit(Edit::SetPageSize { size }));
                        }
                    }
                });
                ui.end_row();

                ui.label("Staff annotations");
                let mut on = brief.include_annotations;
                if ui
                    .checkbox(&mut on, "Print notes and talking points")
                    .on_hover_text(
                        "Untick for a press-safe copy: every staff annotation is left out",
                    )
                    .changed()
                {
                    actions.push(Action::Edit(Edit::SetIncludeAnnotations { on }));
                }
                ui.end_row();
            });
    });
}
