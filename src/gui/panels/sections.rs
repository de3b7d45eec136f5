//! The panel down the left, with two tabs. Brief: the list of sections, tick to include,
//! drag or use the arrows to reorder, click to edit, add and remove. Dossier: the dossier's
//! own fields and each of its lists, with their counts.

use egui::{Sense, Stroke, Ui};

use super::widgets::{bold, kind_name, named_button, named_checkbox};
use crate::edit::Part;
use crate::gui::action::{Action, Edit, Selection};
use crate::gui::locations::part_name;
use crate::model::{Brief, Dossier, SectionKind};

/// What the left panel says about the dossier.
pub struct DossierInfo<'a> {
    /// The dossier, with the staffer's edits.
    pub dossier: &'a Dossier,
    /// Its file's name, or "the built-in dossier".
    pub name: String,
    /// True when it differs from its file.
    pub unsaved: bool,
}

/// The left panel: the Brief and Dossier tabs, and the list of the tab chosen.
pub fn sections_ui(
    ui: &mut Ui,
    brief: &Brief,
    dossier: &DossierInfo,
    selection: Selection,
    actions: &mut Vec<Action>,
) {
    ui.add_space(4.0);
    let in_dossier = matches!(selection, Selection::Dossier(_));
    ui.horizontal(|ui| {
        if ui.selectable_label(!in_dossier, bold("Brief")).clicked() && in_dossier {
            actions.push(Action::Select(Selection::Details));
        }
        if ui.selectable_label(in_dossier, bold("Dossier")).clicked() && !in_dossier {
            actions.push(Action::Select(Selection::Dossier(None)));
        }
    });
    ui.separator();
    if in_dossier {
        dossier_parts_ui(ui, dossier, selection, actions);
    } else {
        brief_sections_ui(ui, brief, selection, actions);
    }
}

/// The dossier tab: its own fields, then each list with its count, then its file.
fn dossier_parts_ui(
    ui: &mut Ui,
    info: &DossierInfo,
    selection: Selection,
    actions: &mut Vec<Action>,
) {
    let d = info.dossier;
    if ui
        .selectable_label(selection == Selection::Dossier(None), "About the dossier")
        .clicked()
    {
        actions.push(Action::Select(Selection::Dossier(None)));
    }
    for part in Part::ALL {
        let n = super::dossier::part_len(d, part);
        let selected = selection == Selection::Dossier(Some(part));
        if ui
            .selectable_label(selected, format!("{} ({n})", part_name(part)))
            .clicked()
        {
            actions.push(Action::Select(Selection::Dossier(Some(part))));
        }
    }
    ui.separator();
    ui.label(egui::RichText::new(&info.name).small());
    if info.unsaved {
        ui.label(
            egui::RichText::new("(unsaved changes)")
                .small()
                .color(ui.visuals().warn_fg_color),
        );
    }
}

/// The brief tab: its details, then its sections.
fn brief_sections_ui(ui: &mut Ui, brief: &Brief, selection: Selection, actions: &mut Vec<Action>) {
    if ui
        .selectable_label(selection == Selection::Details, bold("Brief details"))
        .clicked()
    {
        actions.push(Action::Select(Selection::Details));
    }
    ui.separator();
    ui.label(bold("Sections"));
    ui.label(
        egui::RichText::new("Tick to include; drag \u{2261} or use the arrows to reorder.")
            .small()
            .weak(),
    );
    ui.add_space(4.0);
    let count = brief.sections.len();
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .max_height(ui.available_height() - 40.0)
        .show(ui, |ui| {
            for (i, section) in brief.sections.iter().enumerate() {
                let heading = section.heading_or_default().to_owned();
                let row = ui.push_id(i, |ui| {
                    ui.horizontal(|ui| {
                        let handle = ui.dnd_drag_source(ui.scope_id().with("drag"), i, |ui| {
                            ui.label(egui::RichText::new("\u{2261}").weak());
                        });
                        handle.response.on_hover_text("Drag to reorder");
                        if let Some(included) =
                            named_checkbox(ui, section.included, &format!("Include {heading}"))
                        {
                            actions.push(Action::Edit(Edit::SetIncluded {
                                section: i,
                                included,
                            }));
                        }
                        let text = if section.included {
                            egui::RichText::new(&heading)
                        } else {
                            egui::RichText::new(&heading).weak().strikethrough()
                        };
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if named_button(
                                ui,
                                "\u{2193}",
                                &format!("Move {heading} down"),
                                i + 1 < count,
                            ) {
                                actions
                                    .push(Action::Edit(Edit::MoveSection { from: i, to: i + 1 }));
                            }
                            if named_button(ui, "\u{2191}", &format!("Move {heading} up"), i > 0) {
                                actions
                                    .push(Action::Edit(Edit::MoveSection { from: i, to: i - 1 }));
                            }
                            ui.with_layout(
                                egui::Layout::left_to_right(egui::Align::Center),
                                |ui| {
                                    let selected = selection == Selection::Section(i);
                                    let label = egui::Button::selectable(selected, text).truncate();
                                    if ui
                                        .add(label)
                                        // The heading may be cut short here: in full on hover.
                                        .on_hover_text(format!(
                                            "{heading} \u{2014} {}",
                                            kind_name(section.kind)
                                        ))
                                        .clicked()
                                    {
                                        actions.push(Action::Select(Selection::Section(i)));
                                    }
                                },
                            );
                        });
                    })
                    .response
                });
                let rect = row.inner.rect;
                let zone = ui.interact(
                    rect,
                    ui.scope_id().with(("drop-section", i)),
                    Sense::hover(),
                );
                if zone.dnd_hover_payload::<usize>().is_some() {
                    let y = rect.top();
                    ui.painter().hline(
                        rect.x_range(),
                        y,
                        Stroke::new(2.0, ui.visuals().selection.stroke.color),
                    );
                }
                // The line is drawn above row `i`: the section lands there, before it. Moving
                // down, taking the section out first shifts row `i` up by one.
                if let Some(from) = zone.dnd_release_payload::<usize>()
                    && let Some(to) = drop_target(*from, i)
                {
                    actions.push(Action::Edit(Edit::MoveSection { from: *from, to }));
                }
            }
        });
    ui.add_space(6.0);
    ui.menu_button("Add section", |ui| {
        for kind in SectionKind::ALL {
            if ui.button(kind_name(kind)).clicked() {
                actions.push(Action::Edit(Edit::AddSection { kind }));
            }
        }
    });
}

/// Where a section dragged from `from` lands when dropped on the line above row `row`; `None`
/// when it would not move.
pub fn drop_target(from: usize, row: usize) -> Option<usize> {
    let to = if from < row { row - 1 } else { row };
    (to != from).then_some(to)
}

#[cfg(test)]
mod tests {
    use super::drop_target;

    #[test]
    fn a_section_dropped_on_the_line_above_a_row_lands_just_before_it() {
        // Rows a b c d: dragging a onto the line above c gives b a c d.
        assert_eq!(drop_target(0, 2), Some(1));
        assert_eq!(drop_target(0, 1), None);
        assert_eq!(drop_target(3, 1), Some(1));
    }
}
