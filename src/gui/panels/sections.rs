//! The list of sections down the left: tick to include, drag or use the arrows to reorder,
//! click to edit, add and remove.

use egui::{Sense, Stroke, Ui};

use super::widgets::{bold, kind_name, named_button, named_checkbox};
use crate::gui::action::{Action, Edit, Selection};
use crate::model::{Brief, SectionKind};

/// The sections panel.
pub fn sections_ui(ui: &mut Ui, brief: &Brief, selection: Selection, actions: &mut Vec<Action>) {
    ui.add_space(4.0);
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
