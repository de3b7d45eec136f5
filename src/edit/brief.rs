//! Edits of a brief, applied in one place: the app's panels push them, the app applies them
//! with [`Edit::apply`] and keeps each as an undo step. Pure: no window, no files.

use crate::model::{
    Annotation, AnnotationKind, Brief, Date, ItemAnnotation, Order, PageSize, Section, SectionKind,
};

/// The brief's text fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// Title.
    Title,
    /// Subtitle.
    Subtitle,
    /// Meeting purpose.
    Purpose,
    /// Meeting time.
    Time,
    /// Meeting place.
    Location,
    /// Who the brief is for.
    PreparedFor,
    /// Who prepared it.
    PreparedBy,
    /// Handling marking.
    Marking,
    /// The press copy's marking; empty for none.
    PressMarking,
}

/// The brief's lists of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListField {
    /// Bottom line up front, a point per entry.
    BottomLine,
    /// Participants not in the dossier.
    OtherParticipants,
}

/// An undoable change to the brief.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Tick or untick a section.
    SetIncluded { section: usize, included: bool },
    /// Move a section to another place in the order.
    MoveSection { from: usize, to: usize },
    /// Add a section at the end.
    AddSection { kind: SectionKind },
    /// Remove a section.
    RemoveSection { section: usize },
    /// A section's heading; empty for the default.
    SetHeading { section: usize, heading: String },
    /// Tick or untick one item; `all` is every id the section can show, in order.
    SetItem {
        section: usize,
        id: String,
        included: bool,
        all: Vec<String>,
    },
    /// Take an id out of a section's item list (one the dossier lacks, say).
    RemoveItemId { section: usize, id: String },
    /// Put `to` in place of `from` in a section's item list: the did-you-mean.
    ReplaceItemId {
        section: usize,
        from: String,
        to: String,
    },
    /// Put `to` in place of the participant id `from`.
    ReplaceParticipant { from: String, to: String },
    /// Show every item (`true`) or none.
    SetAllItems { section: usize, all: bool },
    /// A timeline slice's first day.
    SetFrom { section: usize, date: Option<Date> },
    /// A timeline slice's last day.
    SetTo { section: usize, date: Option<Date> },
    /// Tick or untick a category; `all` is every category of the dossier.
    SetCategory {
        section: usize,
        category: String,
        on: bool,
        all: Vec<String>,
    },
    /// Oldest or newest first.
    SetOrder { section: usize, order: Order },
    /// At most this many events.
    SetLimit {
        section: usize,
        limit: Option<usize>,
    },
    /// Add an empty annotation to a section.
    AddSectionAnnotation {
        section: usize,
        kind: AnnotationKind,
    },
    /// Change a section annotation.
    SetSectionAnnotation {
        section: usize,
        index: usize,
        annotation: Annotation,
    },
    /// Remove a section annotation.
    RemoveSectionAnnotation { section: usize, index: usize },
    /// Add an empty annotation to an item.
    AddItemAnnotation { item: String, kind: AnnotationKind },
    /// Change an item annotation.
    SetItemAnnotation {
        index: usize,
        annotation: ItemAnnotation,
    },
    /// Remove an item annotation.
    RemoveItemAnnotation { index: usize },
    /// A text field of the brief.
    SetText { field: TextField, text: String },
    /// One entry of a list.
    SetLine {
        list: ListField,
        index: usize,
        text: String,
    },
    /// Add an empty entry to a list.
    AddLine { list: ListField },
    /// Insert an empty entry into a list at `index` (Enter in the entry before).
    InsertLine { list: ListField, index: usize },
    /// Remove an entry from a list.
    RemoveLine { list: ListField, index: usize },
    /// The meeting day.
    SetMeetingDate { date: Option<Date> },
    /// Tick or untick a dossier person as participant.
    SetParticipant { id: String, on: bool },
    /// Paper size.
    SetPageSize { size: PageSize },
    /// Print staff annotations or not.
    SetIncludeAnnotations { on: bool },
}

impl Edit {
    /// Applies the edit. Out-of-range indices change nothing.
    pub fn apply(&self, brief: &mut Brief) {
        match self.clone() {
            Edit::SetIncluded { section, included } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.included = included;
                }
            }
            Edit::MoveSection { from, to } => {
                if from < brief.sections.len() && to < brief.sections.len() {
                    let s = brief.sections.remove(from);
                    brief.sections.insert(to, s);
                }
            }
            Edit::AddSection { kind } => brief.sections.push(Section::new(kind)),
            Edit::RemoveSection { section } => {
                if section < brief.sections.len() {
                    brief.sections.remove(section);
                }
            }
            Edit::SetHeading { section, heading } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.heading = (!heading.is_empty()).then_some(heading);
                }
            }
            Edit::SetItem {
                section,
                id,
                included,
                all,
            } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    let mut chosen: Vec<String> = s.items.clone().unwrap_or_else(|| all.clone());
                    chosen.retain(|c| *c != id);
                    if included {
                        chosen.push(id);
                    }
                    // Keep the dossier's order, and write "all" as no list at all.
                    let ordered: Vec<String> =
                        all.iter().filter(|a| chosen.contains(a)).cloned().collect();
                    let unknown = chosen.iter().filter(|c| !all.contains(c)).cloned();
                    let ordered: Vec<String> = ordered.into_iter().chain(unknown).collect();
                    s.items = (ordered != all).then_some(ordered);
                }
            }
            Edit::RemoveItemId { section, id } => {
                if let Some(items) = brief
                    .sections
                    .get_mut(section)
                    .and_then(|s| s.items.as_mut())
                {
                    items.retain(|i| *i != id);
                }
            }
            Edit::ReplaceItemId { section, from, to } => {
                if let Some(items) = brief
                    .sections
                    .get_mut(section)
                    .and_then(|s| s.items.as_mut())
                {
                    replace_once(items, &from, to);
                }
            }
            Edit::ReplaceParticipant { from, to } => {
                replace_once(&mut brief.meeting.participants, &from, to);
            }
            Edit::SetAllItems { section, all } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.items = if all { None } else { Some(Vec::new()) };
                }
            }
            Edit::SetFrom { section, date } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.from = date;
                }
            }
            Edit::SetTo { section, date } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.to = date;
                }
            }
            Edit::SetCategory {
                section,
                category,
                on,
                all,
            } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    let mut chosen = if s.categories.is_empty() {
                        all.clone()
                    } else {
                        s.categories.clone()
                    };
                    chosen.retain(|c| *c != category);
                    if on {
                        chosen.push(category);
                    }
                    let ordered: Vec<String> =
                        all.iter().filter(|a| chosen.contains(a)).cloned().collect();
                    s.categories = if ordered == all { Vec::new() } else { ordered };
                }
            }
            Edit::SetOrder { section, order } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.order = order;
                }
            }
            Edit::SetLimit { section, limit } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.limit = limit;
                }
            }
            Edit::AddSectionAnnotation { section, kind } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.annotations.push(Annotation {
                        kind,
                        text: String::new(),
                    });
                }
            }
            Edit::SetSectionAnnotation {
                section,
                index,
                annotation,
            } => {
                if let Some(a) = brief
                    .sections
                    .get_mut(section)
                    .and_then(|s| s.annotations.get_mut(index))
                {
                    *a = annotation;
                }
            }
            Edit::RemoveSectionAnnotation { section, index } => {
                if let Some(s) = brief.sections.get_mut(section)
                    && index < s.annotations.len()
                {
                    s.annotations.remove(index);
                }
            }
            Edit::AddItemAnnotation { item, kind } => {
                brief.annotations.push(ItemAnnotation {
                    item,
                    kind,
                    text: String::new(),
                    every_section: false,
                });
            }
            Edit::SetItemAnnotation { index, annotation } => {
                if let Some(a) = brief.annotations.get_mut(index) {
                    *a = annotation;
                }
            }
            Edit::RemoveItemAnnotation { index } => {
                if index < brief.annotations.len() {
                    brief.annotations.remove(index);
                }
            }
            Edit::SetText { field, text } => set_text(brief, field, text),
            Edit::SetLine { list, index, text } => {
                if let Some(line) = list_mut(brief, list).get_mut(index) {
                    *line = text;
                }
            }
            Edit::AddLine { list } => list_mut(brief, list).push(String::new()),
            Edit::InsertLine { list, index } => {
                let lines = list_mut(brief, list);
                lines.insert(index.min(lines.len()), String::new());
            }
            Edit::RemoveLine { list, index } => {
                let lines = list_mut(brief, list);
                if index < lines.len() {
                    lines.remove(index);
                }
            }
            Edit::SetMeetingDate { date } => brief.meeting.date = date,
            Edit::SetParticipant { id, on } => {
                brief.meeting.participants.retain(|p| *p != id);
                if on {
                    brief.meeting.participants.push(id);
                }
            }
            Edit::SetPageSize { size } => brief.page_size = size,
            Edit::SetIncludeAnnotations { on } => brief.include_annotations = on,
        }
    }
}

/// `to` in place of `from`, or `from` dropped if `to` is listed already.
fn replace_once(list: &mut Vec<String>, from: &str, to: String) {
    if list.contains(&to) {
        list.retain(|i| i != from);
    } else if let Some(slot) = list.iter_mut().find(|i| *i == from) {
        *slot = to;
    }
}

/// The text of a field.
pub fn text_of(brief: &Brief, field: TextField) -> &str {
    let m = &brief.meeting;
    match field {
        TextField::Title => &brief.title,
        TextField::Subtitle => &brief.subtitle,
        TextField::Purpose => &m.purpose,
        TextField::Time => &m.time,
        TextField::Location => &m.location,
        TextField::PreparedFor => &brief.prepared_for,
        TextField::PreparedBy => &brief.prepared_by,
        TextField::Marking => &brief.marking,
        TextField::PressMarking => brief.press_marking.as_deref().unwrap_or(""),
    }
}

/// The entries of a list.
pub fn list_of(brief: &Brief, list: ListField) -> &[String] {
    match list {
        ListField::BottomLine => &brief.meeting.bottom_line,
        ListField::OtherParticipants => &brief.meeting.other_participants,
    }
}

fn list_mut(brief: &mut Brief, list: ListField) -> &mut Vec<String> {
    match list {
        ListField::BottomLine => &mut brief.meeting.bottom_line,
        ListField::OtherParticipants => &mut brief.meeting.other_participants,
    }
}

fn set_text(brief: &mut Brief, field: TextField, text: String) {
    let m = &mut brief.meeting;
    match field {
        TextField::Title => brief.title = text,
        TextField::Subtitle => brief.subtitle = text,
        TextField::Purpose => m.purpose = text,
        TextField::Time => m.time = text,
        TextField::Location => m.location = text,
        TextField::PreparedFor => brief.prepared_for = text,
        TextField::PreparedBy => brief.prepared_by = text,
        TextField::Marking => brief.marking = text,
        TextField::PressMarking => brief.press_marking = (!text.is_empty()).then_some(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse_brief;

    fn brief() -> Brief {
        parse_brief(
            "version: 1\ntitle: T\nsections:\n  - kind: indicators\n  - kind: people\n  - kind: timeline\n",
            "t",
        )
        .unwrap()
    }

    #[test]
    fn unticking_one_item_lists_the_rest_and_ticking_it_back_lists_none() {
        let mut b = brief();
        let all: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        Edit::SetItem {
            section: 0,
            id: "b".into(),
            included: false,
            all: all.clone(),
        }
        .apply(&mut b);
        assert_eq!(b.sections[0].items, Some(vec!["a".into(), "c".into()]));
        Edit::SetItem {
            section: 0,
            id: "b".into(),
            included: true,
            all,
        }
        .apply(&mut b);
        assert_eq!(b.sections[0].items, None);
    }

    #[test]
    fn sections_move_and_out_of_range_does_nothing() {
        let mut b = brief();
        Edit::MoveSection { from: 2, to: 0 }.apply(&mut b);
        let kinds: Vec<_> = b.sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SectionKind::Timeline,
                SectionKind::Indicators,
                SectionKind::People
            ]
        );
        let before = b.clone();
        Edit::MoveSection { from: 7, to: 0 }.apply(&mut b);
        Edit::RemoveSection { section: 9 }.apply(&mut b);
        assert_eq!(b, before);
    }

    #[test]
    fn bottom_line_points_are_added_edited_and_removed() {
        let mut b = brief();
        let list = ListField::BottomLine;
        Edit::AddLine { list }.apply(&mut b);
        Edit::AddLine { list }.apply(&mut b);
        Edit::SetLine {
            list,
            index: 1,
            text: "Two".into(),
        }
        .apply(&mut b);
        Edit::RemoveLine { list, index: 0 }.apply(&mut b);
        assert_eq!(list_of(&b, list), ["Two"]);
    }

    #[test]
    fn categories_all_ticked_are_written_as_none() {
        let mut b = brief();
        let all: Vec<String> = ["Leak", "Summit"].map(String::from).to_vec();
        Edit::SetCategory {
            section: 2,
            category: "Leak".into(),
            on: false,
            all: all.clone(),
        }
        .apply(&mut b);
        assert_eq!(b.sections[2].categories, ["Summit"]);
        Edit::SetCategory {
            section: 2,
            category: "Leak".into(),
            on: true,
            all,
        }
        .apply(&mut b);
        assert!(b.sections[2].categories.is_empty());
    }
}
