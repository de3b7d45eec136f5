//! One list of the dossier: its count, a box to add an item, a row per item, and the open
//! item's form below the list. Only the rows in view are laid out, so a timeline of
//! thousands of events costs what a screenful does.

use std::collections::HashSet;

use egui::{Key, RichText, TextEdit, Ui};

use super::super::widgets::{bold, named_button};
use super::DossierView;
use super::fields::Form;
use super::forms::item_form_ui;
use crate::edit::{Edit, Part, Value};
use crate::gui::action::{Action, Command};
use crate::gui::locations::part_name;
use crate::model::Dossier;
use crate::problem::{Doc, Seg};

/// How many items `part` of `d` holds.
pub fn len(d: &Dossier, part: Part) -> usize {
    match part {
        Part::Indicators => d.indicators.len(),
        Part::People => d.people.len(),
        Part::Organizations => d.organizations.len(),
        Part::Timeline => d.timeline.len(),
        Part::Scenarios => d.scenarios.len(),
        Part::Precedents => d.precedents.len(),
        Part::Sources => d.sources.len(),
    }
}

/// What one item of a part is called, and the plural.
fn noun(part: Part) -> (&'static str, &'static str) {
    match part {
        Part::Indicators => ("indicator", "indicators"),
        Part::People => ("person", "people"),
        Part::Organizations => ("organisation", "organisations"),
        Part::Timeline => ("event", "events"),
        Part::Scenarios => ("scenario", "scenarios"),
        Part::Precedents => ("precedent", "precedents"),
        Part::Sources => ("source", "sources"),
    }
}

/// "15 events", "1 person".
pub fn counted(part: Part, n: usize) -> String {
    let (one, many) = noun(part);
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The word the add box asks for: a name or a title.
fn asks_for(part: Part) -> &'static str {
    match part {
        Part::People | Part::Organizations => "Name",
        Part::Indicators => "What it counts",
        _ => "Title",
    }
}

/// Row `i` of `part`: its id and the line shown.
fn row(d: &Dossier, part: Part, i: usize) -> Option<(&str, String)> {
    fn named(id: &str, name: &str) -> String {
        if name.trim().is_empty() {
            format!("({id})")
        } else {
            name.to_owned()
        }
    }
    Some(match part {
        Part::Indicators => {
            let x = d.indicators.get(i)?;
            let line = if x.value.trim().is_empty() {
                named(&x.id, &x.label)
            } else {
                format!("{} \u{b7} {}", x.value, named(&x.id, &x.label))
            };
            (x.id.as_str(), line)
        }
        Part::People => {
            let x = d.people.get(i)?;
            let line = if x.role.trim().is_empty() {
                named(&x.id, &x.name)
            } else {
                format!("{} \u{2014} {}", named(&x.id, &x.name), x.role)
            };
            (x.id.as_str(), line)
        }
        Part::Organizations => {
            let x = d.organizations.get(i)?;
            (x.id.as_str(), named(&x.id, &x.name))
        }
        Part::Timeline => {
            let x = d.timeline.get(i)?;
            let date = match x.date {
                Some(date) => date.display_short(),
                None => "needs a date".to_owned(),
            };
            let line = format!(
                "{date}{} \u{b7} {} \u{2014} {}",
                if x.approximate { " (approx.)" } else { "" },
                x.category,
                named(&x.id, &x.title)
            );
            (x.id.as_str(), line)
        }
        Part::Scenarios => {
            let x = d.scenarios.get(i)?;
            (x.id.as_str(), named(&x.id, &x.title))
        }
        Part::Precedents => {
            let x = d.precedents.get(i)?;
            (x.id.as_str(), named(&x.id, &x.title))
        }
        Part::Sources => {
            let x = d.sources.get(i)?;
            let line = if x.publisher.trim().is_empty() {
                named(&x.id, &x.title)
            } else {
                format!("{} \u{2014} {}", x.publisher, named(&x.id, &x.title))
            };
            (x.id.as_str(), line)
        }
    })
}

/// One list of the dossier, and the open item's form.
pub fn part_ui(
    ui: &mut Ui,
    view: &DossierView,
    part: Part,
    focus: Option<&'static str>,
    actions: &mut Vec<Action>,
) {
    let d = view.dossier;
    let n = len(d, part);
    ui.heading(format!("{} ({})", part_name(part), counted(part, n)));
    ui.add_enabled_ui(!view.read_only, |ui| add_ui(ui, part, actions));
    ui.add_space(4.0);

    let open = view
        .open
        .and_then(|id| crate::edit::item::find(d, id))
        .and_then(|(p, i)| (p == part).then_some(i));
    let with_problems: HashSet<usize> = view
        .findings
        .iter()
        .filter(|f| f.doc == Doc::Dossier)
        .filter_map(|f| match f.path.0.as_slice() {
            [Seg::Key(k), Seg::Index(i), ..] if k == part.key() => Some(*i),
            _ => None,
        })
        .collect();
    if n == 0 {
        ui.label(RichText::new(format!("No {} yet: add one above.", noun(part).1)).weak());
        return;
    }
    list_ui(ui, view, part, n, open, &with_problems, actions);
    if let Some(i) = open
        && let Some((id, _)) = row(d, part, i)
        && let Some(value) = Value::of(d, id)
    {
        ui.separator();
        item_ui(ui, view, part, i, &value, focus, actions);
    }
}

/// The box to add an item by its name or title; Enter adds, as does the button.
fn add_ui(ui: &mut Ui, part: Part, actions: &mut Vec<Action>) {
    let id = ui.make_persistent_id(("dossier-add", part.key()));
    let mut text = ui.data(|d| d.get_temp::<String>(id)).unwrap_or_default();
    let (one, _) = noun(part);
    let name = format!("{} of the new {one}", asks_for(part));
    ui.horizontal_wrapped(|ui| {
        let response = ui.add(
            TextEdit::singleline(&mut text)
                .id(id.with("edit"))
                .hint_text(&name)
                .desired_width(200.0),
        );
        let accessible = name.clone();
        response.widget_info(move || {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, &accessible)
        });
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let blank = text.trim().is_empty();
        let clicked = named_button(ui, "Add", &format!("Add the {one}"), !blank);
        if (entered || clicked) && !blank {
            actions.push(Action::DossierEdit {
                edit: Edit::Add {
                    part,
                    title: text.trim().to_owned(),
                },
                typing: None,
            });
            text.clear();
        }
        if part == Part::Timeline {
            let command = Command::QuickAdd;
            let hint = match command.shortcut() {
                Some(s) => format!(
                    "A new event dated today, in the last category used ({})",
                    ui.ctx().format_shortcut(&s)
                ),
                None => "A new event dated today, in the last category used".to_owned(),
            };
            if ui.button(command.label()).on_hover_text(hint).clicked() {
                actions.push(Action::Command(command));
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(id, text));
}

/// The rows of the list; only those in view are laid out. With a form open the list takes
/// a part of the height and keeps the open row in view.
#[allow(clippy::too_many_arguments)]
fn list_ui(
    ui: &mut Ui,
    view: &DossierView,
    part: Part,
    n: usize,
    open: Option<usize>,
    with_problems: &HashSet<usize>,
    actions: &mut Vec<Action>,
) {
    let d = view.dossier;
    let row_height = ui.spacing().interact_size.y;
    let step = row_height + ui.spacing().item_spacing.y;
    let mut area = egui::ScrollArea::vertical()
        .id_salt(("dossier-list", part.key()))
        .auto_shrink([false, true]);
    if let Some(i) = open {
        let height = (ui.available_height() * 0.3).max(3.0 * step);
        area = area.max_height(height);
        // Newly opened: bring its row into view, a little below the top.
        let seen = ui.make_persistent_id(("dossier-list-open", part.key()));
        let opened = view.open.map(str::to_owned);
        if ui.data(|m| m.get_temp::<Option<String>>(seen)) != Some(opened.clone()) {
            ui.data_mut(|m| m.insert_temp(seen, opened));
            area = area.vertical_scroll_offset((i as f32 - 1.0).max(0.0) * step);
        }
    }
    area.show_rows(ui, row_height, n, |ui, rows| {
        for i in rows {
            let Some((id, line)) = row(d, part, i) else {
                continue;
            };
            let selected = open == Some(i);
            let mut text = if with_problems.contains(&i) {
                RichText::new(format!("\u{26a0} {line}"))
            } else {
                RichText::new(line)
            };
            if selected {
                text = text.strong();
            }
            let response = ui.add(egui::Button::selectable(selected, text).truncate());
            if response.clicked() {
                let id = (!selected).then(|| id.to_owned());
                actions.push(Action::OpenItem(id));
            }
        }
    });
}

/// The open item: what it is, what can be done with it, and its form.
fn item_ui(
    ui: &mut Ui,
    view: &DossierView,
    part: Part,
    index: usize,
    value: &Value,
    focus: Option<&'static str>,
    actions: &mut Vec<Action>,
) {
    let item = value.item();
    let id = item.id().to_owned();
    let name = if item.name().trim().is_empty() {
        id.clone()
    } else {
        item.name().to_owned()
    };
    let count = len(view.dossier, part);
    ui.horizontal_wrapped(|ui| {
        ui.label(bold(&name));
        ui.label(RichText::new(format!("id: {id}")).small().weak());
    });
    ui.horizontal_wrapped(|ui| {
        ui.add_enabled_ui(!view.read_only, |ui| {
            if named_button(ui, "\u{2191}", "Move up", index > 0) {
                actions.push(dossier_edit(Edit::Move {
                    id: id.clone(),
                    to: index - 1,
                }));
            }
            if named_button(ui, "\u{2193}", "Move down", index + 1 < count) {
                actions.push(dossier_edit(Edit::Move {
                    id: id.clone(),
                    to: index + 1,
                }));
            }
            if named_button(ui, "Duplicate", "Duplicate", true) {
                actions.push(dossier_edit(Edit::Duplicate { id: id.clone() }));
            }
            let change = Command::AskChangeId(id.clone());
            if named_button(ui, change.label(), change.label(), true) {
                actions.push(Action::Command(change));
            }
            let delete = Command::AskDelete(id.clone());
            if named_button(ui, delete.label(), delete.label(), true) {
                actions.push(Action::Command(delete));
            }
        });
        if named_button(ui, "Close", "Close the form", true) {
            actions.push(Action::OpenItem(None));
        }
    });
    let uses = crate::edit::uses(view.brief, &id);
    if !uses.is_empty() {
        ui.label(
            RichText::new(format!("The brief uses it: {}", uses.join("; ")))
                .small()
                .weak(),
        );
    }
    ui.add_space(4.0);
    let mut form = Form::new(&id, focus);
    form.findings = view.findings_under(&[Seg::Key(part.key().to_owned()), Seg::Index(index)]);
    egui::ScrollArea::vertical()
        .id_salt(("dossier-form", part.key()))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_enabled_ui(!view.read_only, |ui| {
                item_form_ui(ui, view.dossier, value, &mut form, actions);
            });
        });
}

fn dossier_edit(edit: Edit) -> Action {
    Action::DossierEdit { edit, typing: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_say_what_they_count() {
        assert_eq!(counted(Part::Timeline, 15), "15 events");
        assert_eq!(counted(Part::People, 1), "1 person");
        assert_eq!(counted(Part::People, 7), "7 people");
    }
}
