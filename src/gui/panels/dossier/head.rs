//! The dossier's own fields: title, subtitle, the day it was brought up to date, and the
//! overview, a paragraph per field.

use egui::{RichText, Ui};

use super::super::widgets::named_button;
use super::DossierView;
use super::fields::Form;
use super::forms::as_of_ui;
use crate::edit::{Edit, Head};
use crate::gui::action::Action;
use crate::gui::locations::part_name;
use crate::problem::Seg;

fn set(actions: &mut Vec<Action>, head: Head, typing: Option<String>) {
    actions.push(Action::DossierEdit {
        edit: Edit::SetHead(head),
        typing,
    });
}

/// The dossier's own fields, `focus` naming the one to focus in this frame.
pub fn head_ui(
    ui: &mut Ui,
    view: &DossierView,
    focus: Option<&'static str>,
    actions: &mut Vec<Action>,
) {
    let d = view.dossier;
    ui.heading("About the dossier");
    ui.label(
        RichText::new(format!("{} \u{b7} id: {}", view.name, d.id))
            .small()
            .weak(),
    );
    ui.add_space(4.0);
    let head = Head::of(d);
    let mut form = Form::new("head", focus);
    // Problems at the top level of the file, not in any list.
    form.findings = view
        .findings_under(&[])
        .into_iter()
        .filter(|(rest, _)| {
            !matches!(rest.first(), Some(Seg::Key(k)) if crate::edit::Part::ALL.iter().any(|p| p.key() == k))
        })
        .collect();
    egui::ScrollArea::vertical()
        .id_salt("dossier-head")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_enabled_ui(!view.read_only, |ui| {
                fields_ui(ui, &head, &mut form, actions);
            });
            ui.add_space(8.0);
            ui.separator();
            ui.label(RichText::new("In the dossier").strong());
            for part in crate::edit::Part::ALL {
                let n = super::list::len(d, part);
                if ui.link(format!("{} ({n})", part_name(part))).clicked() {
                    actions.push(Action::Select(crate::gui::action::Selection::Dossier(
                        Some(part),
                    )));
                }
            }
        });
}

fn fields_ui(ui: &mut Ui, head: &Head, form: &mut Form, actions: &mut Vec<Action>) {
    if let Some(title) = form.text(ui, "Title", "title", &head.title, 1) {
        let typing = form.typing("title");
        set(
            actions,
            Head {
                title,
                ..head.clone()
            },
            typing,
        );
    }
    if let Some(subtitle) = form.text(ui, "Subtitle", "subtitle", &head.subtitle, 1) {
        let typing = form.typing("subtitle");
        set(
            actions,
            Head {
                subtitle,
                ..head.clone()
            },
            typing,
        );
    }
    if let Some(as_of) = as_of_ui(ui, head.as_of, form) {
        let typing = form.typing("as_of");
        set(
            actions,
            Head {
                as_of,
                ..head.clone()
            },
            typing,
        );
    }
    ui.label("Overview, a paragraph per field");
    form.problems_ui(ui, "overview");
    let count = head.overview.len();
    for (i, paragraph) in head.overview.iter().enumerate() {
        ui.push_id(("overview", i), |ui| {
            let mut text = paragraph.clone();
            let response = ui.add(
                egui::TextEdit::multiline(&mut text)
                    .id_salt(("dossier-field", "head", "overview", i))
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            );
            let name = format!("Overview paragraph {}", i + 1);
            let accessible = name.clone();
            response.widget_info(move || {
                egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, &accessible)
            });
            if i == 0 {
                form.focus_if("overview", &response);
            }
            if response.changed() {
                let mut overview = head.overview.clone();
                overview[i] = text;
                let typing = form.typing(&format!("overview {i}"));
                set(
                    actions,
                    Head {
                        overview,
                        ..head.clone()
                    },
                    typing,
                );
            }
            ui.horizontal(|ui| {
                let mut moved = None;
                if named_button(ui, "\u{2191}", &format!("Move {name} up"), i > 0) {
                    moved = Some(i - 1);
                }
                if named_button(ui, "\u{2193}", &format!("Move {name} down"), i + 1 < count) {
                    moved = Some(i + 1);
                }
                if let Some(to) = moved {
                    let mut overview = head.overview.clone();
                    overview.swap(i, to);
                    set(
                        actions,
                        Head {
                            overview,
                            ..head.clone()
                        },
                        None,
                    );
                }
                if named_button(ui, "Remove", &format!("Remove {name}"), true) {
                    let mut overview = head.overview.clone();
                    overview.remove(i);
                    set(
                        actions,
                        Head {
                            overview,
                            ..head.clone()
                        },
                        None,
                    );
                }
            });
        });
    }
    if named_button(
        ui,
        "+ Add paragraph",
        "Add a paragraph to the overview",
        true,
    ) {
        let mut overview = head.overview.clone();
        overview.push(String::new());
        set(
            actions,
            Head {
                overview,
                ..head.clone()
            },
            None,
        );
    }
}
