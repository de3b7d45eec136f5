//! The section editor: heading, the items to show, a timeline slice's dates, categories,
//! order and limit with a live count, and the staffer's annotations on the section and on
//! its items. Long item lists draw only the rows in view.

use egui::{ComboBox, DragValue, TextEdit, Ui};

use super::widgets::{UnknownFix, bold, kind_name, named_button, optional_date_ui, unknown_id_ui};
use crate::compose;
use crate::gui::action::{Action, Edit, Focus};
use crate::gui::session::Session;
use crate::model::{
    Annotation, AnnotationKind, Brief, Dossier, ItemAnnotation, Order, Section, SectionKind,
};

/// Every item a section of `kind` can show: id and the label it is listed under.
pub fn candidates(dossier: &Dossier, kind: SectionKind) -> Vec<(String, String)> {
    let d = dossier;
    match kind {
        SectionKind::Indicators => d
            .indicators
            .iter()
            .map(|x| (x.id.clone(), format!("{} \u{2014} {}", x.value, x.label)))
            .collect(),
        SectionKind::People => d
            .people
            .iter()
            .map(|x| (x.id.clone(), format!("{} \u{2014} {}", x.name, x.role)))
            .collect(),
        SectionKind::Organizations => d
            .organizations
            .iter()
            .map(|x| (x.id.clone(), x.name.clone()))
            .collect(),
        SectionKind::Timeline => d
            .timeline
            .iter()
            .map(|e| {
                (
                    e.id.clone(),
                    format!(
                        "{} \u{00b7} {} \u{2014} {}",
                        e.date_label(),
                        e.category,
                        e.title
                    ),
                )
            })
            .collect(),
        SectionKind::Scenarios => d
            .scenarios
            .iter()
            .map(|x| (x.id.clone(), x.title.clone()))
            .collect(),
        SectionKind::Precedents => d
            .precedents
            .iter()
            .map(|x| (x.id.clone(), x.title.clone()))
            .collect(),
        SectionKind::Sources => d
            .sources
            .iter()
            .map(|x| {
                (
                    x.id.clone(),
                    format!("{} \u{2014} {}", x.publisher, x.title),
                )
            })
            .collect(),
        SectionKind::Overview | SectionKind::Notes | SectionKind::Changes => Vec::new(),
    }
}

/// Every id a section's editor lists: the kind's items, or a timeline's events within its
/// dates and categories. A note on one of these is edited in this section.
pub fn listed_ids(dossier: &Dossier, section: &Section) -> Vec<String> {
    if section.kind == SectionKind::Timeline {
        let open = Section {
            items: None,
            limit: None,
            ..section.clone()
        };
        return compose::slice(dossier, &open)
            .0
            .into_iter()
            .map(|e| e.id.clone())
            .collect();
    }
    candidates(dossier, section.kind)
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

/// The items a section lists that the dossier has no such item for, each marked with what
/// fixes it.
fn unknown_items_ui(
    ui: &mut Ui,
    dossier: &Dossier,
    section: &Section,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let Some(items) = &section.items else { return };
    let known: Vec<String> = if section.kind == SectionKind::Timeline {
        dossier.timeline.iter().map(|e| e.id.clone()).collect()
    } else {
        candidates(dossier, section.kind)
            .into_iter()
            .map(|(id, _)| id)
            .collect()
    };
    for id in items.iter().filter(|id| !known.contains(id)) {
        let suggestion = compose::nearest(id, known.iter().map(String::as_str));
        match unknown_id_ui(ui, id, suggestion) {
            Some(UnknownFix::Remove) => actions.push(Action::Edit(Edit::RemoveItemId {
                section: index,
                id: id.clone(),
            })),
            Some(UnknownFix::Replace(to)) => actions.push(Action::Edit(Edit::ReplaceItemId {
                section: index,
                from: id.clone(),
                to,
            })),
            None => {}
        }
    }
}

/// The editor for section `index`; `focus` is a field to give the keyboard focus to, and
/// `reveal` an item to scroll the list to, this frame only.
pub fn editor_ui(
    ui: &mut Ui,
    session: &Session,
    index: usize,
    focus: Option<Focus>,
    reveal: Option<&str>,
    actions: &mut Vec<Action>,
) {
    let Some(section) = session.brief.sections.get(index) else {
        return;
    };
    let dossier = &session.dossier.doc;
    ui.horizontal(|ui| {
        ui.label(bold(kind_name(section.kind)).size(18.0));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Remove section").clicked() {
                actions.push(Action::Edit(Edit::RemoveSection { section: index }));
            }
        });
    });
    ui.horizontal(|ui| {
        let label = ui.label("Heading");
        let mut heading = section.heading.clone().unwrap_or_default();
        let edit = TextEdit::singleline(&mut heading)
            .hint_text(section.kind.default_heading())
            .desired_width(f32::INFINITY);
        let response = ui.add(edit).labelled_by(label.id);
        if matches!(focus, Some(Focus::First | Focus::Heading)) {
            response.request_focus();
        }
        if response.changed() {
            actions.push(Action::Edit(Edit::SetHeading {
                section: index,
                heading,
            }));
        }
    });
    let mut included = section.included;
    if ui
        .checkbox(&mut included, "Include this section in the brief")
        .changed()
    {
        actions.push(Action::Edit(Edit::SetIncluded {
            section: index,
            included,
        }));
    }
    ui.separator();
    egui::ScrollArea::vertical().id_salt("editor").show(ui, |ui| {
        if section.kind == SectionKind::Timeline {
            slice_ui(ui, dossier, section, index, actions);
            ui.separator();
        }
        match section.kind {
            SectionKind::Overview => {
                ui.label(egui::RichText::new("The dossier\u{2019}s overview prints here as it is; there is nothing to pick.").weak());
            }
            SectionKind::Changes => {
                ui.label(egui::RichText::new("What changed in the dossier since this brief was last exported prints here: new events in your slices, changed figures, removed items, each linked to where it prints. The first export prints \u{201c}First brief on this dossier\u{201d}.").weak());
            }
            SectionKind::Notes => {
                ui.label(egui::RichText::new("A section of your own notes: add talking points, notes or questions below.").weak());
            }
            kind => {
                let cues = Cues { focus, reveal };
                items_ui(ui, session, section, index, kind, cues, actions);
            }
        }
        ui.separator();
        section_annotations_ui(ui, section, index, focus, actions);
    });
}

fn slice_ui(
    ui: &mut Ui,
    dossier: &Dossier,
    section: &Section,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let (events, _) = compose::slice(dossier, section);
    ui.label(
        bold(format!(
            "{} of {} events",
            events.len(),
            dossier.timeline.len()
        ))
        .size(15.0),
    );
    let first = dossier
        .timeline
        .iter()
        .filter_map(|e| e.date.map(|d| d.first_day()))
        .min()
        .unwrap_or(dossier.as_of);
    // One date a line: side by side, the To date's calendar ran past the editor's edge at
    // 1024 px and widened everything under it.
    if let Some(date) = optional_date_ui(ui, "From", "slice-from", section.from, first) {
        actions.push(Action::Edit(Edit::SetFrom {
            section: index,
            date,
        }));
    }
    if let Some(date) = optional_date_ui(ui, "To", "slice-to", section.to, dossier.as_of) {
        actions.push(Action::Edit(Edit::SetTo {
            section: index,
            date,
        }));
    }
    let mut all: Vec<String> = Vec::new();
    for e in &dossier.timeline {
        if !all.contains(&e.category) {
            all.push(e.category.clone());
        }
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Categories:");
        for category in &all {
            let mut on = section.categories.is_empty() || section.categories.contains(category);
            if ui.checkbox(&mut on, category).changed() {
                actions.push(Action::Edit(Edit::SetCategory {
                    section: index,
                    category: category.clone(),
                    on,
                    all: all.clone(),
                }));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        for (order, name) in [
            (Order::OldestFirst, "Oldest first"),
            (Order::NewestFirst, "Newest first"),
        ] {
            if ui.radio(section.order == order, name).clicked() && section.order != order {
                actions.push(Action::Edit(Edit::SetOrder {
                    section: index,
                    order,
                }));
            }
        }
        ui.add_space(16.0);
        let mut limited = section.limit.is_some();
        if ui.checkbox(&mut limited, "At most").changed() {
            let limit = limited.then_some(section.limit.unwrap_or(10));
            actions.push(Action::Edit(Edit::SetLimit {
                section: index,
                limit,
            }));
        }
        if let Some(limit) = section.limit {
            let mut value = limit;
            if ui
                .add(
                    DragValue::new(&mut value)
                        .range(1..=10_000)
                        .suffix(" events"),
                )
                .changed()
            {
                actions.push(Action::Edit(Edit::SetLimit {
                    section: index,
                    limit: Some(value),
                }));
            }
        }
    });
}

/// What to bring to the staffer's attention in an items list this frame.
#[derive(Clone, Copy)]
struct Cues<'a> {
    /// A field to give the keyboard focus to.
    focus: Option<Focus>,
    /// An item to scroll the list to.
    reveal: Option<&'a str>,
}

fn items_ui(
    ui: &mut Ui,
    session: &Session,
    section: &Section,
    index: usize,
    kind: SectionKind,
    cues: Cues<'_>,
    actions: &mut Vec<Action>,
) {
    let Cues { focus, reveal } = cues;
    let dossier = &session.dossier.doc;
    let changes = &session.composed().changes;
    // A timeline lists the events its dates and categories let through; picks narrow further.
    // Built from the slice directly: with thousands of events nothing here may be quadratic.
    // Events are labelled only when their row is drawn: a few dozen, not thousands.
    let (events, others) = if kind == SectionKind::Timeline {
        let open = Section {
            items: None,
            limit: None,
            ..section.clone()
        };
        (compose::slice(dossier, &open).0, Vec::new())
    } else {
        (Vec::new(), candidates(dossier, kind))
    };
    let listed: Vec<(&str, Option<&str>)> = if kind == SectionKind::Timeline {
        events.iter().map(|e| (e.id.as_str(), None)).collect()
    } else {
        others
            .iter()
            .map(|(id, label)| (id.as_str(), Some(label.as_str())))
            .collect()
    };
    let picked: Option<std::collections::HashSet<&str>> = section
        .items
        .as_ref()
        .map(|items| items.iter().map(String::as_str).collect());
    let chosen = |id: &str| picked.as_ref().is_none_or(|p| p.contains(id));
    ui.horizontal(|ui| {
        let count = listed.iter().filter(|(id, _)| chosen(id)).count();
        ui.label(bold(format!("Items: {count} of {} ticked", listed.len())));
        if ui.small_button("All").clicked() {
            actions.push(Action::Edit(Edit::SetAllItems {
                section: index,
                all: true,
            }));
        }
        if ui.small_button("None").clicked() {
            actions.push(Action::Edit(Edit::SetAllItems {
                section: index,
                all: false,
            }));
        }
    });
    let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    let mut list = egui::ScrollArea::vertical()
        .id_salt("items")
        .max_height(320.0)
        .auto_shrink([false, true]);
    if let Some(row) = reveal.and_then(|id| listed.iter().position(|(i, _)| *i == id)) {
        // A row or two above it stays in view, so the item is not hard against the edge.
        list = list.vertical_scroll_offset(row.saturating_sub(2) as f32 * row_height);
    }
    list.show_rows(ui, row_height, listed.len(), |ui, rows| {
        for (row, (id, label)) in listed[rows.clone()].iter().enumerate() {
            let id = *id;
            let label = match label {
                Some(l) => (*l).to_owned(),
                None => event_label(events[rows.start + row]),
            };
            ui.horizontal(|ui| {
                // A long label is cut at the editor's edge: let run on, it widened the whole
                // editor and pushed the notes' fields under the preview.
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                // The button first: a long label may run past the edge, the button must not.
                if named_button(ui, "+ note", &format!("Annotate {label}"), true) {
                    actions.push(Action::Edit(Edit::AddItemAnnotation {
                        item: id.to_owned(),
                        kind: AnnotationKind::Note,
                    }));
                }
                // Marked until the next export: printed now and not then, or changed since.
                if let Some(badge) = changes.badge(id) {
                    let color = match badge {
                        crate::changes::Badge::New => egui::Color32::from_rgb(20, 110, 70),
                        crate::changes::Badge::Changed => egui::Color32::from_rgb(170, 100, 0),
                    };
                    ui.label(
                        egui::RichText::new(badge.label())
                            .small()
                            .strong()
                            .color(color),
                    );
                }
                let mut on = chosen(id);
                if ui.checkbox(&mut on, label.as_str()).changed() {
                    let all = candidates(dossier, kind)
                        .into_iter()
                        .map(|(id, _)| id)
                        .collect();
                    actions.push(Action::Edit(Edit::SetItem {
                        section: index,
                        id: id.to_owned(),
                        included: on,
                        all,
                    }));
                }
            });
        }
    });
    unknown_items_ui(ui, dossier, section, index, actions);
    // Notes on the items this section lists: a 2022 slice does not show a note on a 2025 event.
    let shown: std::collections::HashSet<&str> = listed.iter().map(|(id, _)| *id).collect();
    item_annotations_ui(ui, &session.brief, dossier, kind, &shown, focus, actions);
}

fn event_label(e: &crate::model::Event) -> String {
    format!(
        "{} \u{00b7} {} \u{2014} {}",
        e.date_label(),
        e.category,
        e.title
    )
}

/// The label of one item of a kind, if the dossier has it.
pub fn label_of(dossier: &Dossier, kind: SectionKind, id: &str) -> Option<String> {
    if kind == SectionKind::Timeline {
        return dossier
            .timeline
            .iter()
            .find(|e| e.id == id)
            .map(event_label);
    }
    candidates(dossier, kind)
        .into_iter()
        .find(|(i, _)| i == id)
        .map(|(_, l)| l)
}

/// The first included section that prints item `id`, by index and heading: where a note on
/// it prints unless it is to print in every section.
pub fn first_printed_in(brief: &Brief, dossier: &Dossier, id: &str) -> Option<(usize, String)> {
    brief.sections.iter().enumerate().find_map(|(i, s)| {
        if !s.included {
            return None;
        }
        let prints = if s.kind == SectionKind::Timeline {
            compose::slice(dossier, s).0.iter().any(|e| e.id == id)
        } else {
            s.items
                .as_ref()
                .is_none_or(|items| items.iter().any(|x| x == id))
                && candidates(dossier, s.kind).iter().any(|(x, _)| x == id)
        };
        prints.then(|| (i, s.heading_or_default().to_owned()))
    })
}

fn item_annotations_ui(
    ui: &mut Ui,
    brief: &Brief,
    dossier: &Dossier,
    kind: SectionKind,
    shown: &std::collections::HashSet<&str>,
    focus: Option<Focus>,
    actions: &mut Vec<Action>,
) {
    let mine: Vec<(usize, &ItemAnnotation, String)> = brief
        .annotations
        .iter()
        .enumerate()
        .filter(|(_, a)| shown.contains(a.item.as_str()))
        .filter_map(|(i, a)| label_of(dossier, kind, &a.item).map(|label| (i, a, label)))
        .collect();
    if mine.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(bold("Notes on items"));
    for (i, a, label) in mine {
        ui.push_id(("item-note", i), |ui| {
            ui.label(egui::RichText::new(&label).small());
            let current = Annotation {
                kind: a.kind,
                text: a.text.clone(),
            };
            let focused = focus == Some(Focus::ItemNote(i));
            ui.horizontal_wrapped(|ui| {
                let at = first_printed_in(brief, dossier, &a.item);
                let text = match (&at, a.every_section) {
                    (None, _) => "Prints nowhere: no included section shows this item".to_owned(),
                    (Some((_, h)), false) => format!("Prints once, under \u{201c}{h}\u{201d}"),
                    (Some(_), true) => "Prints in every section that shows the item".to_owned(),
                };
                ui.label(egui::RichText::new(text).small().weak());
                let mut every = a.every_section;
                let tick = ui.checkbox(&mut every, "in every section");
                let name = format!("Note on {label} in every section");
                tick.widget_info(move || {
                    egui::WidgetInfo::selected(egui::Role::CheckBox, true, every, &name)
                });
                if tick.changed() {
                    actions.push(Action::Edit(Edit::SetItemAnnotation {
                        index: i,
                        annotation: ItemAnnotation {
                            every_section: every,
                            ..a.clone()
                        },
                    }));
                }
            });
            match annotation_ui(ui, &current, &format!("Note on {label}"), focused) {
                Some(Some(changed)) => actions.push(Action::Edit(Edit::SetItemAnnotation {
                    index: i,
                    annotation: ItemAnnotation {
                        item: a.item.clone(),
                        kind: changed.kind,
                        text: changed.text,
                        every_section: a.every_section,
                    },
                })),
                Some(None) => actions.push(Action::Edit(Edit::RemoveItemAnnotation { index: i })),
                None => {}
            }
        });
    }
}

fn section_annotations_ui(
    ui: &mut Ui,
    section: &Section,
    index: usize,
    focus: Option<Focus>,
    actions: &mut Vec<Action>,
) {
    ui.label(bold("Notes on this section"));
    for (i, a) in section.annotations.iter().enumerate() {
        ui.push_id(("section-note", i), |ui| {
            let name = format!("{} {}", a.kind.label(), i + 1);
            let focused = focus == Some(Focus::SectionNote(i));
            match annotation_ui(ui, a, &name, focused) {
                Some(Some(annotation)) => {
                    actions.push(Action::Edit(Edit::SetSectionAnnotation {
                        section: index,
                        index: i,
                        annotation,
                    }));
                }
                Some(None) => actions.push(Action::Edit(Edit::RemoveSectionAnnotation {
                    section: index,
                    index: i,
                })),
                None => {}
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        for (kind, text) in [
            (AnnotationKind::TalkingPoint, "Add talking point"),
            (AnnotationKind::Note, "Add staff note"),
            (AnnotationKind::Question, "Add question"),
        ] {
            if ui.button(text).clicked() {
                actions.push(Action::Edit(Edit::AddSectionAnnotation {
                    section: index,
                    kind,
                }));
            }
        }
    });
}

/// One annotation: its kind, its text and a remove button. `Some(Some(new))` when it changed,
/// `Some(None)` when removed.
fn annotation_ui(
    ui: &mut Ui,
    annotation: &Annotation,
    name: &str,
    focus: bool,
) -> Option<Option<Annotation>> {
    let mut result = None;
    ui.horizontal(|ui| {
        let mut kind = annotation.kind;
        let combo = ComboBox::from_id_salt("kind")
            .selected_text(kind.label())
            .show_ui(ui, |ui| {
                for k in AnnotationKind::ALL {
                    ui.selectable_value(&mut kind, k, k.label());
                }
            });
        let accessible = format!("Kind of {name}");
        combo.response.widget_info(move || {
            egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &accessible)
        });
        if kind != annotation.kind {
            result = Some(Some(Annotation {
                kind,
                text: annotation.text.clone(),
            }));
        }
        if named_button(ui, "Remove", &format!("Remove {name}"), true) {
            result = Some(None);
        }
    });
    let mut text = annotation.text.clone();
    let edit = ui.add(
        TextEdit::multiline(&mut text)
            .desired_rows(2)
            .desired_width(f32::INFINITY)
            .hint_text("Write it as the principal should read it"),
    );
    let accessible = name.to_owned();
    edit.widget_info(move || {
        egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, &accessible)
    });
    if focus {
        edit.request_focus();
        edit.scroll_to_me(Some(egui::Align::Center));
    }
    if edit.changed() {
        result = Some(Some(Annotation {
            kind: annotation.kind,
            text,
        }));
    }
    ui.add_space(4.0);
    result
}
