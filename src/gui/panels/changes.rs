//! The line under the menu when the dossier changed since the brief's last export: "Since the
//! last export (2 Dec): 3 new events in your slices, 1 indicator changed, 1 item removed from
//! the dossier", and, unfolded, each item a click away in the editor and the preview.

use egui::{RichText, Ui};

use crate::changes::Changes;
use crate::gui::action::Action;

/// True when there is something to say: an earlier export, and the dossier changed since.
/// Items the staffer unticks while editing do not raise it (it would push the editor down
/// mid-edit); they are listed under it when it is up for other reasons.
pub fn shown(changes: &Changes) -> bool {
    changes.since.is_some() && changes.dossier_changed()
}

/// "Since the last export (2 Dec): …".
pub fn summary_text(changes: &Changes) -> String {
    let when = changes
        .since
        .as_ref()
        .and_then(|s| s.day)
        .map_or_else(String::new, |d| {
            let short = d.display_short();
            // "2 Dec 2025" -> "2 Dec": the year is rarely in doubt between two briefs.
            let day = short.rsplit_once(' ').map_or(short.as_str(), |(dm, _)| dm);
            format!(" ({day})")
        });
    format!("Since the last export{when}: {}", changes.summary())
}

/// The summary and, unfolded, the list.
pub fn changes_ui(ui: &mut Ui, changes: &Changes, actions: &mut Vec<Action>) {
    egui::CollapsingHeader::new(RichText::new(summary_text(changes)).strong())
        .id_salt("changes-since")
        .show(ui, |ui| {
            for (word, list) in [("New", &changes.new), ("Changed", &changes.changed)] {
                for c in list {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(word).weak());
                        if ui.link(c.printed_text()).clicked() {
                            actions.push(Action::ShowItem {
                                section: c.section,
                                id: c.id.clone(),
                            });
                        }
                    });
                }
            }
            for r in &changes.removed {
                ui.horizontal(|ui| {
                    ui.label(RichText::new("Removed").weak());
                    ui.label(r.text());
                });
            }
            ui.label(
                RichText::new("New and changed items are marked until the next export.").weak(),
            );
        });
}
