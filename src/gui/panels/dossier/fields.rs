//! The fields the dossier's forms are made of: text, dates, an event's category and the
//! sources an item cites. Each returns the new value when the staffer changed it, and leaves
//! what to do with it to the form.

use egui::{RichText, Role, TextEdit, Ui, WidgetInfo};

use super::super::widgets::{from_jiff, named_button, named_checkbox, to_jiff};
use crate::gui::action::{Action, Command};
use crate::model::{Date, DateError, Dossier, EventDate};
use crate::problem::{Finding, Seg, Severity};

/// What every field of one form shares: the item (or "head"), the field to focus in this
/// frame, and the problems found in the form's fields.
pub struct Form<'a> {
    /// The item's id, or "head" for the dossier's own fields: names widgets and undo steps.
    pub key: &'a str,
    /// The field given the keyboard focus in this frame; "" for the form's first field.
    pub focus: Option<&'static str>,
    /// The problems of this item (or of the head), with the path inside it.
    pub findings: Vec<(&'a [Seg], &'a Finding)>,
    /// No field drawn yet: the next one is the form's first.
    pub first: bool,
}

impl<'a> Form<'a> {
    /// A form for `key`, focusing `focus` in this frame.
    pub fn new(key: &'a str, focus: Option<&'static str>) -> Form<'a> {
        Form {
            key,
            focus,
            findings: Vec::new(),
            first: true,
        }
    }

    /// What merges a run of keystrokes in `field` into one undo step.
    pub fn typing(&self, field: &str) -> Option<String> {
        Some(format!("{} {field}", self.key))
    }

    /// True when `field` is to get the focus in this frame; marks the first field drawn.
    fn wants_focus(&mut self, field: &str) -> bool {
        let first = std::mem::take(&mut self.first);
        match self.focus {
            Some("") => first,
            Some(f) => f == field,
            None => false,
        }
    }

    /// Gives `response` the focus if `field` is to have it.
    pub fn focus_if(&mut self, field: &str, response: &egui::Response) {
        if self.wants_focus(field) {
            response.request_focus();
            response.scroll_to_me(Some(egui::Align::Center));
        }
    }

    /// Small marked lines under a field for each problem found in it.
    pub fn problems_ui(&self, ui: &mut Ui, field: &str) {
        for (rest, finding) in &self.findings {
            let here = match rest.first() {
                Some(Seg::Key(k)) => k == field,
                None => field.is_empty(),
                _ => false,
            };
            if !here {
                continue;
            }
            let color = match finding.severity {
                Severity::Error => ui.visuals().error_fg_color,
                Severity::Warning => ui.visuals().warn_fg_color,
            };
            let label = ui.label(
                RichText::new(format!("\u{26a0} {}", finding.message))
                    .small()
                    .color(color),
            );
            if let Some(hint) = &finding.hint {
                label.on_hover_text(hint);
            }
        }
    }

    /// A text field with its label above it: one line, or `rows` lines when `rows > 1`.
    pub fn text(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &str,
        value: &str,
        rows: usize,
    ) -> Option<String> {
        let shown = ui.label(label);
        let mut text = value.to_owned();
        let edit = if rows > 1 {
            TextEdit::multiline(&mut text).desired_rows(rows)
        } else {
            TextEdit::singleline(&mut text)
        };
        let response = ui
            .add(
                edit.id_salt(("dossier-field", self.key, field))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(shown.id);
        self.focus_if(field, &response);
        self.problems_ui(ui, field);
        ui.add_space(4.0);
        response.changed().then_some(text)
    }

    /// A date typed as text, `parse` deciding what it may be: kept as typed while it is not
    /// a date (with the reason under it), handed back only once it is one. An empty field is
    /// no date, where `optional`. A calendar beside it sets a day.
    #[allow(clippy::too_many_arguments)]
    pub fn date<T: Copy + PartialEq + std::fmt::Display>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &str,
        value: Option<T>,
        parse: fn(&str) -> Result<T, DateError>,
        from_day: fn(Date) -> T,
        first_day: fn(T) -> Date,
        optional: bool,
        hint: &str,
    ) -> Option<Option<T>> {
        let shown = ui.label(label);
        let id = ui.make_persistent_id(("dossier-date", self.key, field));
        let mut text = ui
            .data(|d| d.get_temp::<String>(id))
            .unwrap_or_else(|| value.map(|v| v.to_string()).unwrap_or_default());
        let read = |text: &str| -> Option<Result<Option<T>, DateError>> {
            if text.trim().is_empty() {
                optional.then_some(Ok(None))
            } else {
                Some(parse(text).map(Some))
            }
        };
        let mut out = None;
        let parsed = ui
            .horizontal(|ui| {
                let readable = matches!(read(&text), Some(Ok(_)));
                let mut edit = TextEdit::singleline(&mut text)
                    .id(id.with("edit"))
                    .desired_width(170.0)
                    .hint_text(hint);
                if !readable {
                    edit = edit.text_color(ui.visuals().warn_fg_color);
                }
                let response = ui.add(edit).labelled_by(shown.id);
                self.focus_if(field, &response);
                let parsed = read(&text);
                match &parsed {
                    Some(Ok(_)) if !response.has_focus() => {
                        ui.data_mut(|d| d.remove::<String>(id));
                    }
                    _ => {
                        ui.data_mut(|d| d.insert_temp(id, text.clone()));
                    }
                }
                if response.changed()
                    && let Some(Ok(new)) = &parsed
                    && *new != value
                {
                    out = Some(*new);
                }
                let mut picked = to_jiff(value.map_or_else(crate::start::today, first_day));
                let salt = format!("dossier-calendar {} {field}", self.key);
                let button = egui_extras::DatePickerButton::new(&mut picked)
                    .id_salt(&salt)
                    .calendar_week(false)
                    .show_icon(false)
                    .format("Calendar");
                let calendar = ui.add(button);
                let name = format!("{label}: pick a day");
                calendar.widget_info(move || WidgetInfo::labeled(Role::Button, true, &name));
                if calendar.changed()
                    && let Some(day) = from_jiff(picked)
                {
                    ui.data_mut(|d| d.remove::<String>(id));
                    out = Some(Some(from_day(day)));
                }
                parsed
            })
            .inner;
        match parsed {
            Some(Err(e)) => {
                ui.label(
                    RichText::new(e.to_string())
                        .small()
                        .color(ui.visuals().warn_fg_color),
                );
            }
            None => {
                ui.label(
                    RichText::new("a date is needed")
                        .small()
                        .color(ui.visuals().warn_fg_color),
                );
            }
            Some(Ok(_)) => {}
        }
        self.problems_ui(ui, field);
        ui.add_space(4.0);
        out
    }

    /// An event's category: the categories in use to pick from, a field to type a new one,
    /// and renaming it on every event.
    pub fn category(
        &mut self,
        ui: &mut Ui,
        dossier: &Dossier,
        value: &str,
        actions: &mut Vec<Action>,
    ) -> Option<(String, bool)> {
        let mut out = None;
        let shown = ui.label("Category");
        ui.horizontal_wrapped(|ui| {
            let combo = egui::ComboBox::from_id_salt(("dossier-category", self.key))
                .selected_text("Pick\u{2026}")
                .width(80.0)
                .show_ui(ui, |ui| {
                    for category in categories(dossier) {
                        if ui.selectable_label(category == value, category).clicked()
                            && category != value
                        {
                            out = Some((category.to_owned(), false));
                        }
                    }
                });
            combo
                .response
                .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, "Categories in use"));
            let mut text = value.to_owned();
            let response = ui
                .add(
                    TextEdit::singleline(&mut text)
                        .id_salt(("dossier-field", self.key, "category"))
                        .desired_width(160.0),
                )
                .labelled_by(shown.id);
            self.focus_if("category", &response);
            if response.changed() {
                out = Some((text, true));
            }
            if named_button(
                ui,
                Command::AskRenameCategory(String::new()).label(),
                Command::AskRenameCategory(String::new()).label(),
                !value.trim().is_empty(),
            ) {
                actions.push(Action::Command(Command::AskRenameCategory(
                    value.to_owned(),
                )));
            }
        });
        self.problems_ui(ui, "category");
        ui.add_space(4.0);
        out
    }

    /// The sources an item cites: each chosen one by publisher and title, ids the dossier
    /// lacks marked, and a list of every source to tick.
    pub fn sources(
        &mut self,
        ui: &mut Ui,
        dossier: &Dossier,
        cited: &[String],
    ) -> Option<Vec<String>> {
        let mut out = None;
        ui.label("Sources");
        if cited.is_empty() {
            ui.label(RichText::new("none cited").weak().small());
        }
        for (i, id) in cited.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                match dossier.sources.iter().find(|s| &s.id == id) {
                    Some(s) => {
                        ui.label(format!("\u{2022} {}", source_line(s)));
                    }
                    None => {
                        let color = ui.visuals().warn_fg_color;
                        ui.label(
                            RichText::new(format!("\u{26a0} \u{201c}{id}\u{201d}: no such source"))
                                .color(color),
                        );
                    }
                }
                if named_button(ui, "\u{d7}", &format!("Stop citing {id}"), true) {
                    let mut list = cited.to_vec();
                    list.remove(i);
                    out = Some(list);
                }
            });
        }
        let popup = ui.menu_button("Choose sources\u{2026}", |ui| {
            if dossier.sources.is_empty() {
                ui.label("The dossier has no sources yet: add them under Sources.");
            }
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for s in &dossier.sources {
                        ui.horizontal(|ui| {
                            let on = cited.contains(&s.id);
                            if let Some(on) = named_checkbox(ui, on, &format!("Cite {}", s.id)) {
                                let mut list = cited.to_vec();
                                if on {
                                    list.push(s.id.clone());
                                } else {
                                    list.retain(|x| x != &s.id);
                                }
                                out = Some(list);
                            }
                            ui.label(source_line(s));
                        });
                    }
                });
        });
        popup
            .response
            .on_hover_text("Tick the sources this item draws on");
        self.problems_ui(ui, "sources");
        ui.add_space(4.0);
        out
    }
}

/// A source as the forms name it: "Reuters — Talks resume".
fn source_line(s: &crate::model::Source) -> String {
    if s.publisher.trim().is_empty() {
        s.title.clone()
    } else {
        format!("{} \u{2014} {}", s.publisher, s.title)
    }
}

/// The event categories in use, in the order they first appear.
pub fn categories(dossier: &Dossier) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    dossier
        .timeline
        .iter()
        .map(|e| e.category.as_str())
        .filter(|c| !c.trim().is_empty() && seen.insert(*c))
        .collect()
}

/// An event date's text as typed, read.
pub fn parse_event_date(text: &str) -> Result<EventDate, DateError> {
    EventDate::parse(text)
}

/// A day's text as typed, read.
pub fn parse_day(text: &str) -> Result<Date, DateError> {
    Date::parse(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_are_listed_once_in_the_order_first_used() {
        let mut d = Dossier::empty("d", "D", Date::new(2025, 1, 1).unwrap_or_else(|| panic!()));
        for (i, c) in ["Summit", "Statement", "Summit", "", "Vote"]
            .iter()
            .enumerate()
        {
            d.timeline.push(crate::model::Event {
                id: format!("ev-{i}"),
                date: None,
                undated: true,
                approximate: false,
                category: (*c).to_owned(),
                title: "t".into(),
                summary: String::new(),
                sources: Vec::new(),
            });
        }
        assert_eq!(categories(&d), ["Summit", "Statement", "Vote"]);
    }
}
