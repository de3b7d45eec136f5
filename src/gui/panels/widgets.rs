//! Small pieces the panels share.

use egui::{Response, RichText, Role, Ui, WidgetInfo};

use crate::gui::fonts;
use crate::model::{Date, SectionKind};

/// Text in the bold face.
pub fn bold(text: impl Into<String>) -> RichText {
    RichText::new(text).family(egui::FontFamily::Name(fonts::BOLD.into()))
}

/// A checkbox whose visible label is elsewhere on the row; `name` is what screen readers and
/// tests find it by.
pub fn named_checkbox(ui: &mut Ui, checked: bool, name: &str) -> Option<bool> {
    let mut value = checked;
    let response: Response = ui.checkbox(&mut value, "");
    let name = name.to_owned();
    response.widget_info(move || WidgetInfo::selected(Role::CheckBox, true, value, &name));
    response.changed().then_some(value)
}

/// A small button whose accessible name says what it acts on.
pub fn named_button(ui: &mut Ui, text: &str, name: &str, enabled: bool) -> bool {
    let response = ui.add_enabled(enabled, egui::Button::new(text).small());
    let name = name.to_owned();
    response.widget_info(move || WidgetInfo::labeled(Role::Button, enabled, &name));
    response.on_hover_text(name_of_hover(text)).clicked()
}

fn name_of_hover(text: &str) -> &'static str {
    match text {
        "\u{2191}" => "Move up",
        "\u{2193}" => "Move down",
        _ => "",
    }
}

/// What a section kind is called in the window.
pub fn kind_name(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Overview => "Overview",
        SectionKind::Indicators => "Key indicators",
        SectionKind::People => "People",
        SectionKind::Organizations => "Organisations",
        SectionKind::Timeline => "Timeline slice",
        SectionKind::Scenarios => "Scenarios",
        SectionKind::Precedents => "Historical precedents",
        SectionKind::Sources => "Sources",
        SectionKind::Notes => "Notes and talking points",
        SectionKind::Changes => "Since the last brief",
    }
}

/// Our date as the date picker's.
pub fn to_jiff(date: Date) -> jiff::civil::Date {
    let fallback = jiff::civil::Date::constant(2025, 1, 1);
    match (
        i16::try_from(date.year),
        i8::try_from(date.month),
        i8::try_from(date.day),
    ) {
        (Ok(y), Ok(m), Ok(d)) => jiff::civil::Date::new(y, m, d).unwrap_or(fallback),
        _ => fallback,
    }
}

/// The date picker's date as ours.
pub fn from_jiff(date: jiff::civil::Date) -> Option<Date> {
    let (Ok(month), Ok(day)) = (u8::try_from(date.month()), u8::try_from(date.day())) else {
        return None;
    };
    Date::new(i32::from(date.year()), month, day)
}

/// An optional date: a tick box to set it, then the date as typed text (YYYY-MM-DD) and a
/// calendar. Returns the new value when it changed.
pub fn optional_date_ui(
    ui: &mut Ui,
    label: &str,
    salt: &str,
    value: Option<Date>,
    default: Date,
) -> Option<Option<Date>> {
    let mut changed = None;
    ui.horizontal_wrapped(|ui| {
        let mut on = value.is_some();
        if ui.checkbox(&mut on, label).changed() {
            changed = Some(on.then_some(value.unwrap_or(default)));
        }
        let Some(date) = value else { return };
        if let Some(typed) = date_text_ui(ui, &format!("{label} date"), salt, date) {
            changed = Some(Some(typed));
        }
        let mut picked = to_jiff(date);
        let button = egui_extras::DatePickerButton::new(&mut picked)
            .id_salt(salt)
            .calendar_week(false)
            .show_icon(false)
            .format("%-d %b %Y");
        if ui.add(button).changed() {
            changed = from_jiff(picked).map(Some);
        }
    });
    changed
}

/// A date typed as YYYY-MM-DD. While the field has focus its text is a draft, so a date can
/// be typed through invalid intermediate states; a complete valid date is returned at once.
/// A text that is no date stays as typed after the field is left, marked, with the reason,
/// rather than quietly turning back into the date before.
fn date_text_ui(ui: &mut Ui, name: &str, salt: &str, date: Date) -> Option<Date> {
    let id = ui.make_persistent_id(("date-text", salt));
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| date.to_string());
    let valid = Date::parse(&text).is_ok();
    let mut edit = egui::TextEdit::singleline(&mut text)
        .id(id.with("edit"))
        .desired_width(86.0)
        .hint_text("YYYY-MM-DD");
    if !valid {
        edit = edit.text_color(ui.visuals().error_fg_color);
    }
    let response = ui.add(edit);
    let accessible = name.to_owned();
    response.widget_info(move || WidgetInfo::labeled(Role::TextInput, true, &accessible));
    let parsed = Date::parse(&text);
    match &parsed {
        Ok(_) if !response.has_focus() => ui.data_mut(|d| d.remove::<String>(id)),
        _ => ui.data_mut(|d| {
            d.insert_temp(id, text.clone());
        }),
    }
    if let Err(e) = &parsed
        && !response.has_focus()
    {
        let color = ui.visuals().error_fg_color;
        ui.label(RichText::new(format!("\u{26a0} not a date, still {date}: {e}")).color(color))
            .on_hover_text("Type the date as YYYY-MM-DD, or pick it from the calendar");
    }
    if response.changed() {
        return parsed.ok().filter(|p| *p != date);
    }
    None
}

/// What to do about an id the dossier lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnknownFix {
    /// Take it out.
    Remove,
    /// Put the suggested id in its place.
    Replace(String),
}

/// A row for an id in a list that the dossier lacks: marked, with "Remove" and, when a known
/// id is close, "Use …" as one click.
pub fn unknown_id_ui(ui: &mut Ui, id: &str, suggestion: Option<&str>) -> Option<UnknownFix> {
    let mut fix = None;
    ui.horizontal_wrapped(|ui| {
        let color = ui.visuals().error_fg_color;
        ui.label(bold(format!("\u{26a0} \u{201c}{id}\u{201d}")).color(color));
        ui.label(RichText::new("not in the dossier").color(color));
        if named_button(ui, "Remove", &format!("Remove {id}"), true) {
            fix = Some(UnknownFix::Remove);
        }
        if let Some(s) = suggestion
            && named_button(
                ui,
                &format!("Use \u{201c}{s}\u{201d}"),
                &format!("Use {s}"),
                true,
            )
        {
            fix = Some(UnknownFix::Replace(s.to_owned()));
        }
    });
    fix
}
