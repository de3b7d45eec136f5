//! The brief details form: title, meeting, bottom line, participants, who it is for and by,
//! marking, paper size. One column, each label above its field, so the form wraps to any
//! width the window leaves it and scrolls rather than pushing fields off the edge.

use egui::{Key, TextEdit, Ui};

use super::editor::{label_of, listed_ids};
use super::widgets::{
    UnknownFix, bold, named_button, named_checkbox, optional_date_ui, unknown_id_ui,
};
use crate::gui::action::{Action, Edit, Focus, ListField, TextField, list_of, text_of};
use crate::gui::session::Session;
use crate::model::{Brief, ItemAnnotation, PageSize};

fn text_row(
    ui: &mut Ui,
    brief: &Brief,
    label: &str,
    field: TextField,
    multiline: bool,
    focus: Option<Focus>,
    actions: &mut Vec<Action>,
) {
    let focus = focus == Some(Focus::Text(field))
        || (field == TextField::Title && focus == Some(Focus::First));
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
        response.scroll_to_me(Some(egui::Align::Center));
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
            // Points are sentences: the field wraps and grows rather than hiding their ends.
            // Enter starts the next point instead of a new line.
            let edit = ui.add(
                TextEdit::multiline(&mut text)
                    .desired_rows(1)
                    .return_key(None)
                    .desired_width(width),
            );
            let accessible = name.clone();
            edit.widget_info(move || {
                egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, &accessible)
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
            let enter =
                ui.input(|input| input.modifiers.is_none() && input.key_pressed(Key::Enter));
            if edit.has_focus() && enter {
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
            // First, where it is seen: these notes are lost until the staffer acts.
            orphan_notes_ui(ui, session, focus, actions);
            text_row(ui, brief, "Title", TextField::Title, false, focus, actions);
            text_row(
                ui,
                brief,
                "Subtitle",
                TextField::Subtitle,
                false,
                focus,
                actions,
            );
            text_row(
                ui,
                brief,
                "Meeting purpose",
                TextField::Purpose,
                true,
                focus,
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
            text_row(ui, brief, "Time", TextField::Time, false, focus, actions);
            text_row(
                ui,
                brief,
                "Place",
                TextField::Location,
                false,
                focus,
                actions,
            );

            ui.label("Participants from the dossier");
            // Ids the dossier lacks first, where the staffer looks, each with its fix.
            for id in &brief.meeting.participants {
                if dossier.people.iter().any(|p| p.id == *id) {
                    continue;
                }
                let known = dossier.people.iter().map(|p| p.id.as_str());
                match unknown_id_ui(ui, id, crate::compose::nearest(id, known)) {
                    Some(UnknownFix::Remove) => actions.push(Action::Edit(Edit::SetParticipant {
                        id: id.clone(),
                        on: false,
                    })),
                    Some(UnknownFix::Replace(to)) => {
                        actions.push(Action::Edit(Edit::ReplaceParticipant {
                            from: id.clone(),
                            to,
                        }));
                    }
                    None => {}
                }
            }
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
                focus,
                actions,
            );
            text_row(
                ui,
                brief,
                "Prepared by",
                TextField::PreparedBy,
                false,
                focus,
                actions,
            );
            text_row(
                ui,
                brief,
                "Handling marking",
                TextField::Marking,
                false,
                focus,
                actions,
            );
            text_row(
                ui,
                brief,
                "Press copy marking",
                TextField::PressMarking,
                false,
                focus,
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

/// Notes on items that no section of the brief lists, so no section's editor shows them:
/// each with "Attach to…" (the likely item first) and "Delete".
fn orphan_notes_ui(
    ui: &mut Ui,
    session: &Session,
    focus: Option<Focus>,
    actions: &mut Vec<Action>,
) {
    let brief = &session.brief;
    let dossier = &session.dossier.doc;
    let listed: Vec<Vec<String>> = brief
        .sections
        .iter()
        .map(|s| listed_ids(dossier, s))
        .collect();
    let orphans: Vec<usize> = brief
        .annotations
        .iter()
        .enumerate()
        .filter(|(_, a)| !listed.iter().any(|ids| ids.contains(&a.item)))
        .map(|(i, _)| i)
        .collect();
    if orphans.is_empty() {
        return;
    }
    ui.label(bold("Notes that print nowhere").color(ui.visuals().warn_fg_color));
    ui.add(
        egui::Label::new(
            egui::RichText::new(
                "No section of the brief lists the item these notes are on: attach each to \
                 another item, or delete it.",
            )
            .weak(),
        )
        .wrap(),
    );
    let mut choices: Vec<(String, String)> = Vec::new();
    for (section, ids) in brief.sections.iter().zip(&listed) {
        for id in ids {
            if !choices.iter().any(|(c, _)| c == id) {
                let label = label_of(dossier, section.kind, id).unwrap_or_else(|| id.clone());
                choices.push((id.clone(), label));
            }
        }
    }
    for i in orphans {
        let Some(note) = brief.annotations.get(i) else {
            continue;
        };
        ui.push_id(("orphan-note", i), |ui| {
            ui.horizontal_wrapped(|ui| {
                let color = ui.visuals().warn_fg_color;
                ui.label(
                    egui::RichText::new(format!(
                        "\u{26a0} {} on \u{201c}{}\u{201d}",
                        note.kind.label(),
                        note.item
                    ))
                    .color(color),
                );
                let suggestion =
                    crate::compose::nearest(&note.item, choices.iter().map(|(id, _)| id.as_str()));
                let attach = |to: &str| {
                    Action::Edit(Edit::SetItemAnnotation {
                        index: i,
                        annotation: ItemAnnotation {
                            item: to.to_owned(),
                            ..note.clone()
                        },
                    })
                };
                if let Some(s) = suggestion
                    && named_button(
                        ui,
                        &format!("Attach to \u{201c}{s}\u{201d}"),
                        &format!("Attach note {} to {s}", i + 1),
                        true,
                    )
                {
                    actions.push(attach(s));
                }
                ui.menu_button("Attach to\u{2026}", |ui| {
                    egui::ScrollArea::vertical()
                        .max_height(320.0)
                        .show(ui, |ui| {
                            for (id, label) in &choices {
                                if ui.button(label).clicked() {
                                    actions.push(attach(id));
                                    ui.close();
                                }
                            }
                        });
                });
                if named_button(ui, "Delete", &format!("Delete note {}", i + 1), true) {
                    actions.push(Action::Edit(Edit::RemoveItemAnnotation { index: i }));
                }
            });
            let mut text = note.text.clone();
            let edit = ui.add(
                TextEdit::multiline(&mut text)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            );
            let accessible = format!("Note {} on {}", i + 1, note.item);
            edit.widget_info(move || {
                egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, &accessible)
            });
            if focus == Some(Focus::ItemNote(i)) {
                edit.request_focus();
                edit.scroll_to_me(Some(egui::Align::Center));
            }
            if edit.changed() {
                actions.push(Action::Edit(Edit::SetItemAnnotation {
                    index: i,
                    annotation: ItemAnnotation {
                        text,
                        ..note.clone()
                    },
                }));
            }
        });
    }
    ui.separator();
}
