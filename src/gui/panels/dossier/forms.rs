//! One form per kind of dossier item. A form changes a clone of the item and hands the whole
//! item back in one `Edit::Set`; the id is shown, never edited here ("Change id…" asks).

use egui::{RichText, Ui};

use super::super::widgets::named_checkbox;
use super::fields::{Form, parse_day, parse_event_date};
use crate::edit::{Edit, Value};
use crate::gui::action::Action;
use crate::model::{
    Date, Dossier, Event, EventDate, Indicator, Organization, Person, Precedent, Scenario, Source,
};

/// Pushes the changed item, `typing` in `field` (or a step of its own for `None`).
fn set(actions: &mut Vec<Action>, value: Value, typing: Option<String>) {
    actions.push(Action::DossierEdit {
        edit: Edit::Set(value),
        typing,
    });
}

/// A clone of `item` with `change` made to it.
fn changed<T: Clone>(item: &T, change: impl FnOnce(&mut T)) -> T {
    let mut new = item.clone();
    change(&mut new);
    new
}

/// The form of `value`, an item of `dossier`.
pub fn item_form_ui(
    ui: &mut Ui,
    dossier: &Dossier,
    value: &Value,
    form: &mut Form,
    actions: &mut Vec<Action>,
) {
    form.problems_ui(ui, "");
    match value {
        Value::Indicator(x) => indicator_ui(ui, dossier, x, form, actions),
        Value::Person(x) => person_ui(ui, dossier, x, form, actions),
        Value::Organization(x) => organization_ui(ui, dossier, x, form, actions),
        Value::Event(x) => event_ui(ui, dossier, x, form, actions),
        Value::Scenario(x) => scenario_ui(ui, dossier, x, form, actions),
        Value::Precedent(x) => precedent_ui(ui, dossier, x, form, actions),
        Value::Source(x) => source_ui(ui, x, form, actions),
    }
}

/// The text fields of a kind: label, name in the file, rows (1 for one line), and where
/// the text sits in the item.
type TextFields<T> = [(&'static str, &'static str, usize, fn(&mut T) -> &mut String)];

/// Draws `fields` of `item`, pushing the item changed when one is typed in.
fn texts_ui<T: Clone>(
    ui: &mut Ui,
    item: &T,
    fields: &TextFields<T>,
    wrap: fn(T) -> Value,
    form: &mut Form,
    actions: &mut Vec<Action>,
) {
    for (label, field, rows, slot) in fields {
        let mut probe = item.clone();
        let now = slot(&mut probe).clone();
        if let Some(text) = form.text(ui, label, field, &now, *rows) {
            *slot(&mut probe) = text;
            set(actions, wrap(probe), form.typing(field));
        }
    }
}

fn indicator_ui(
    ui: &mut Ui,
    dossier: &Dossier,
    x: &Indicator,
    form: &mut Form,
    actions: &mut Vec<Action>,
) {
    texts_ui(
        ui,
        x,
        &[
            ("Figure, as printed (\u{2248}19%, 2M+)", "value", 1, |x| {
                &mut x.value
            }),
            ("What it counts", "label", 1, |x| &mut x.label),
            ("What it means", "detail", 3, |x| &mut x.detail),
        ],
        Value::Indicator,
        form,
        actions,
    );
    if let Some(as_of) = form.date(
        ui,
        "True as of (empty: not said)",
        "as_of",
        x.as_of,
        parse_day,
        |d| d,
        |d| d,
        true,
        "YYYY-MM-DD",
    ) {
        let typing = form.typing("as_of");
        set(
            actions,
            Value::Indicator(changed(x, |x| x.as_of = as_of)),
            typing,
        );
    }
    sources_ui(ui, dossier, &x.sources, form, actions, |list| {
        Value::Indicator(changed(x, |x| x.sources = list))
    });
}

fn person_ui(
    ui: &mut Ui,
    dossier: &Dossier,
    x: &Person,
    form: &mut Form,
    actions: &mut Vec<Action>,
) {
    texts_ui(
        ui,
        x,
        &[
            ("Name", "name", 1, |x| &mut x.name),
            ("Office or title", "role", 1, |x| &mut x.role),
            ("Where they stand", "stance", 4, |x| &mut x.stance),
        ],
        Value::Person,
        form,
        actions,
    );
    sources_ui(ui, dossier, &x.sources, form, actions, |list| {
        Value::Person(changed(x, |x| x.sources = list))
    });
}

fn organization_ui(
    ui: &mut Ui,
    dossier: &Dossier,
    x: &Organization,
    form: &mut Form,
    actions: &mut Vec<Action>,
) {
    texts_ui(
        ui,
        x,
        &[
            ("Name", "name", 1, |x| &mut x.name),
            ("Kind of body", "kind", 1, |x| &mut x.kind),
            ("Position now, in a line", "status", 1, |x| &mut x.status),
            ("What it is doing", "summary", 3, |x| &mut x.summary),
        ],
        Value::Organization,
        form,
        actions,
    );
    sources_ui(ui, dossier, &x.sources, form, actions, |list| {
        Value::Organization(changed(x, |x| x.sources = list))
    });
}

fn event_ui(ui: &mut Ui, dossier: &Dossier, x: &Event, form: &mut Form, actions: &mut Vec<Action>) {
    texts_ui(
        ui,
        x,
        &[("Title", "title", 1, |x| &mut x.title)],
        Value::Event,
        form,
        actions,
    );
    if x.undated || x.date.is_none() {
        ui.label(RichText::new("\u{26a0} needs a date").color(ui.visuals().warn_fg_color));
    }
    if let Some(date) = form.date(
        ui,
        "Date: a day, a month, a year or a window",
        "date",
        x.date,
        parse_event_date,
        EventDate::Day,
        EventDate::first_day,
        true,
        "YYYY-MM-DD, YYYY-MM, YYYY or \u{2026}/\u{2026}",
    ) {
        let typing = form.typing("date");
        set(actions, Value::Event(changed(x, |x| x.date = date)), typing);
    }
    if let Some(date) = x.date {
        ui.label(
            RichText::new(format!("prints as {}", date.display_short()))
                .weak()
                .small(),
        );
    }
    ui.horizontal(|ui| {
        if let Some(on) = named_checkbox(ui, x.approximate, "Approximate date") {
            set(
                actions,
                Value::Event(changed(x, |x| x.approximate = on)),
                None,
            );
        }
        ui.label("approximate (not firmly established)");
    });
    form.problems_ui(ui, "approximate");
    form.problems_ui(ui, "undated");
    if let Some((category, typed)) = form.category(ui, dossier, &x.category, actions) {
        let typing = if typed { form.typing("category") } else { None };
        set(
            actions,
            Value::Event(changed(x, |x| x.category = category)),
            typing,
        );
    }
    texts_ui(
        ui,
        x,
        &[("What happened", "summary", 3, |x| &mut x.summary)],
        Value::Event,
        form,
        actions,
    );
    sources_ui(ui, dossier, &x.sources, form, actions, |list| {
        Value::Event(changed(x, |x| x.sources = list))
    });
}

fn scenario_ui(
    ui: &mut Ui,
    dossier: &Dossier,
    x: &Scenario,
    form: &mut Form,
    actions: &mut Vec<Action>,
) {
    texts_ui(
        ui,
        x,
        &[
            ("Title", "title", 1, |x| &mut x.title),
            ("Discussed by", "discussed_by", 1, |x| &mut x.discussed_by),
            ("How it would unfold", "summary", 4, |x| &mut x.summary),
        ],
        Value::Scenario,
        form,
        actions,
    );
    sources_ui(ui, dossier, &x.sources, form, actions, |list| {
        Value::Scenario(changed(x, |x| x.sources = list))
    });
}

fn precedent_ui(
    ui: &mut Ui,
    dossier: &Dossier,
    x: &Precedent,
    form: &mut Form,
    actions: &mut Vec<Action>,
) {
    texts_ui(
        ui,
        x,
        &[
            ("Title", "title", 1, |x| &mut x.title),
            ("Period, as printed", "period", 1, |x| &mut x.period),
            ("What happened", "what_happened", 3, |x| {
                &mut x.what_happened
            }),
            ("Outcome in the short term", "short_term", 2, |x| {
                &mut x.short_term
            }),
            ("Outcome in the long term", "long_term", 2, |x| {
                &mut x.long_term
            }),
            ("Why it matters here", "relevance", 3, |x| &mut x.relevance),
        ],
        Value::Precedent,
        form,
        actions,
    );
    sources_ui(ui, dossier, &x.sources, form, actions, |list| {
        Value::Precedent(changed(x, |x| x.sources = list))
    });
}

fn source_ui(ui: &mut Ui, x: &Source, form: &mut Form, actions: &mut Vec<Action>) {
    texts_ui(
        ui,
        x,
        &[
            ("Publisher", "publisher", 1, |x| &mut x.publisher),
            ("Title", "title", 1, |x| &mut x.title),
            ("Author or authors", "author", 1, |x| &mut x.author),
        ],
        Value::Source,
        form,
        actions,
    );
    let url = x.url.clone().unwrap_or_default();
    if let Some(text) = form.text(ui, "Web address", "url", &url, 1) {
        let typing = form.typing("url");
        let url = (!text.trim().is_empty()).then_some(text);
        set(actions, Value::Source(changed(x, |x| x.url = url)), typing);
    }
    if let Some(date) = form.date(
        ui,
        "Published (empty: not said)",
        "date",
        x.date,
        parse_event_date,
        EventDate::Day,
        EventDate::first_day,
        true,
        "YYYY-MM-DD, YYYY-MM or YYYY",
    ) {
        let typing = form.typing("date");
        set(
            actions,
            Value::Source(changed(x, |x| x.date = date)),
            typing,
        );
    }
}

/// The sources an item cites, handing the item back with the new list.
fn sources_ui(
    ui: &mut Ui,
    dossier: &Dossier,
    cited: &[String],
    form: &mut Form,
    actions: &mut Vec<Action>,
    with: impl FnOnce(Vec<String>) -> Value,
) {
    if let Some(list) = form.sources(ui, dossier, cited) {
        set(actions, with(list), None);
    }
}

/// The dossier's own date, which it must have.
pub fn as_of_ui(ui: &mut Ui, as_of: Date, form: &mut Form) -> Option<Date> {
    form.date(
        ui,
        "Brought up to date on",
        "as_of",
        Some(as_of),
        parse_day,
        |d| d,
        |d| d,
        false,
        "YYYY-MM-DD",
    )
    .flatten()
}
