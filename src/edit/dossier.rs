//! Edits of a dossier, applied in one place: the app's dossier editor, the importers and the
//! tests all go through [`apply`]. An edit that changes what the open brief refers to (an id
//! changed or deleted) updates the brief in the same step, so the two never disagree.

use std::collections::HashSet;

use super::item::{self, Item, Part};
use super::slug::unique_id;
use super::value::{Head, Value};
use crate::model::{
    Brief, Date, Dossier, Event, EventDate, Indicator, Organization, Person, Precedent, Scenario,
    Source,
};

/// The category a new event gets when the dossier has none yet.
pub const FIRST_CATEGORY: &str = "General";

/// One change to a dossier.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A new item at the end of `part`, titled (or named) `title`, with an id made from it.
    Add {
        /// Which list.
        part: Part,
        /// Its title or name.
        title: String,
    },
    /// A new event dated `today`, in `category` (the one the staffer used last), else in the
    /// newest event's.
    QuickAddEvent {
        /// Today's date.
        today: Date,
        /// The category to use; `None` for the newest event's.
        category: Option<String>,
    },
    /// A copy of an item, just after it, with a new id.
    Duplicate {
        /// The item.
        id: String,
    },
    /// Removes an item. The brief stops picking it; its annotations are kept as orphans.
    Delete {
        /// The item.
        id: String,
    },
    /// Moves an item to another place in its list.
    Move {
        /// The item.
        id: String,
        /// Its new index.
        to: usize,
    },
    /// Changes an item's id everywhere: the dossier's citations and the brief's references.
    ChangeId {
        /// The id now.
        from: String,
        /// The new id.
        to: String,
    },
    /// Puts new field values into the item with the value's id (the id itself changes only
    /// with [`Edit::ChangeId`]). Giving an undated event a date clears its `undated` flag.
    Set(Value),
    /// The dossier's title, subtitle, as-of date and overview.
    SetHead(Head),
    /// Renames an event category on every event and in every slice of the brief.
    RenameCategory {
        /// The name now.
        from: String,
        /// The new name.
        to: String,
    },
}

/// What an edit did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// The id of the item made, moved or changed, for the editor to select.
    pub id: Option<String>,
    /// Places in the brief that were updated (references) or left (orphaned annotations).
    pub brief_changes: Vec<String>,
}

/// Why an edit was refused; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No item has this id.
    #[error("no item has the id \"{0}\"")]
    NoSuchItem(String),
    /// The new id is an id already.
    #[error("the id \"{0}\" is taken by another item")]
    IdTaken(String),
    /// The new id is not a slug.
    #[error(
        "\"{0}\" is not an id: start with a lowercase letter or digit; then use lowercase letters, digits, hyphens, dots or underscores"
    )]
    NotASlug(String),
    /// A category name that is blank.
    #[error("a category needs a name")]
    BlankCategory,
}

/// Where the brief refers to `id`, in words: for "this item is used by …" before a delete.
pub fn uses(brief: &Brief, id: &str) -> Vec<String> {
    let mut out = Vec::new();
    for s in &brief.sections {
        if s.items
            .as_ref()
            .is_some_and(|items| items.iter().any(|i| i == id))
        {
            out.push(format!(
                "picked in the section \"{}\"",
                s.heading_or_default()
            ));
        }
    }
    if brief.meeting.participants.iter().any(|p| p == id) {
        out.push("a participant of the meeting".to_owned());
    }
    let notes = brief.annotations.iter().filter(|a| a.item == id).count();
    if notes > 0 {
        out.push(format!("{notes} annotation(s) of yours"));
    }
    out
}

/// Applies `edit` to the dossier, and to the brief where it refers to what changed.
pub fn apply(d: &mut Dossier, brief: &mut Brief, edit: &Edit) -> Result<Applied, EditError> {
    match edit {
        Edit::Add { part, title } => {
            let id = new_id(d, *part, title);
            add(d, *part, id.clone(), title.clone());
            Ok(made(id))
        }
        Edit::QuickAddEvent { today, category } => {
            let category = category
                .clone()
                .filter(|c| !c.trim().is_empty())
                .or_else(|| newest_category(d))
                .unwrap_or_else(|| FIRST_CATEGORY.to_owned());
            let id = new_id(d, Part::Timeline, &format!("{today}"));
            d.timeline.push(Event {
                id: id.clone(),
                date: Some(EventDate::Day(*today)),
                undated: false,
                approximate: false,
                category,
                title: String::new(),
                summary: String::new(),
                sources: Vec::new(),
            });
            Ok(made(id))
        }
        Edit::Duplicate { id } => {
            let (part, i) = item::find(d, id).ok_or_else(|| EditError::NoSuchItem(id.clone()))?;
            let title = item::items(d)
                .into_iter()
                .find(|(_, _, x)| x.id() == id)
                .map(|(_, _, x)| x.name().to_owned())
                .unwrap_or_default();
            let new = new_id(d, part, &title);
            duplicate(d, part, i, new.clone());
            Ok(made(new))
        }
        Edit::Delete { id } => {
            let (part, i) = item::find(d, id).ok_or_else(|| EditError::NoSuchItem(id.clone()))?;
            let brief_changes = uses(brief, id);
            remove(d, part, i);
            if part == Part::Sources {
                for (_, _, x) in item::items_mut(d) {
                    if let Some(cited) = x.cited_mut() {
                        cited.retain(|s| s != id);
                    }
                }
            }
            for s in &mut brief.sections {
                if let Some(items) = &mut s.items {
                    items.retain(|i| i != id);
                }
            }
            brief.meeting.participants.retain(|p| p != id);
            Ok(Applied {
                id: None,
                brief_changes,
            })
        }
        Edit::Move { id, to } => {
            let (part, i) = item::find(d, id).ok_or_else(|| EditError::NoSuchItem(id.clone()))?;
            move_item(d, part, i, *to);
            Ok(made(id.clone()))
        }
        Edit::ChangeId { from, to } => change_id(d, brief, from, to),
        Edit::Set(value) => {
            let id = value.item().id().to_owned();
            if value.clone().put(d) {
                Ok(made(id))
            } else {
                Err(EditError::NoSuchItem(id))
            }
        }
        Edit::SetHead(head) => {
            head.clone().put(d);
            Ok(Applied::default())
        }
        Edit::RenameCategory { from, to } => {
            let to = to.trim();
            if to.is_empty() {
                return Err(EditError::BlankCategory);
            }
            for e in d.timeline.iter_mut().filter(|e| e.category == *from) {
                e.category = to.to_owned();
            }
            let mut brief_changes = Vec::new();
            for s in &mut brief.sections {
                let mut renamed = false;
                for c in s.categories.iter_mut().filter(|c| *c == from) {
                    *c = to.to_owned();
                    renamed = true;
                }
                if renamed {
                    brief_changes.push(format!("the slice \"{}\"", s.heading_or_default()));
                }
            }
            Ok(Applied {
                id: None,
                brief_changes,
            })
        }
    }
}

/// The category of the newest dated event (the last listed among equals), else of the last
/// event listed: what a staffer adding today's news most likely wants.
fn newest_category(d: &Dossier) -> Option<String> {
    let newest = d
        .timeline
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.date.map(|date| (date.sort_key(), i, e)))
        .max_by_key(|(key, i, _)| (*key, *i))
        .map(|(_, _, e)| e);
    newest
        .or_else(|| d.timeline.last())
        .map(|e| e.category.clone())
}

fn made(id: String) -> Applied {
    Applied {
        id: Some(id),
        brief_changes: Vec::new(),
    }
}

/// An id for a new item of `part` titled `title`, unique across the dossier.
pub fn new_id(d: &Dossier, part: Part, title: &str) -> String {
    let all = item::items(d);
    let taken: HashSet<&str> = all.iter().map(|(_, _, x)| x.id()).collect();
    unique_id(part.id_prefix(), title, &taken)
}

fn change_id(
    d: &mut Dossier,
    brief: &mut Brief,
    from: &str,
    to: &str,
) -> Result<Applied, EditError> {
    if !crate::validate::is_slug(to) {
        return Err(EditError::NotASlug(to.to_owned()));
    }
    if from == to {
        return Ok(made(to.to_owned()));
    }
    if item::find(d, to).is_some() {
        return Err(EditError::IdTaken(to.to_owned()));
    }
    let (part, _) = item::find(d, from).ok_or_else(|| EditError::NoSuchItem(from.to_owned()))?;
    for (_, _, x) in item::items_mut(d) {
        if x.id() == from {
            *x.id_mut() = to.to_owned();
        }
        if part == Part::Sources
            && let Some(cited) = x.cited_mut()
        {
            cited
                .iter_mut()
                .filter(|s| *s == from)
                .for_each(|s| *s = to.to_owned());
        }
    }
    let brief_changes = uses(brief, from);
    for s in &mut brief.sections {
        if let Some(items) = &mut s.items {
            items
                .iter_mut()
                .filter(|i| *i == from)
                .for_each(|i| *i = to.to_owned());
        }
    }
    for p in brief.meeting.participants.iter_mut().filter(|p| *p == from) {
        *p = to.to_owned();
    }
    for a in brief.annotations.iter_mut().filter(|a| a.item == from) {
        a.item = to.to_owned();
    }
    Ok(Applied {
        id: Some(to.to_owned()),
        brief_changes,
    })
}

/// Runs `$body` with `$list` bound to the dossier's list for `$part`.
macro_rules! on_list {
    ($d:expr, $part:expr, |$list:ident| $body:expr) => {
        match $part {
            Part::Indicators => {
                let $list = &mut $d.indicators;
                $body
            }
            Part::People => {
                let $list = &mut $d.people;
                $body
            }
            Part::Organizations => {
                let $list = &mut $d.organizations;
                $body
            }
            Part::Timeline => {
                let $list = &mut $d.timeline;
                $body
            }
            Part::Scenarios => {
                let $list = &mut $d.scenarios;
                $body
            }
            Part::Precedents => {
                let $list = &mut $d.precedents;
                $body
            }
            Part::Sources => {
                let $list = &mut $d.sources;
                $body
            }
        }
    };
}

fn duplicate(d: &mut Dossier, part: Part, i: usize, id: String) {
    on_list!(d, part, |list| {
        if let Some(mut copy) = list.get(i).cloned() {
            *copy.id_mut() = id;
            list.insert(i + 1, copy);
        }
    });
}

fn remove(d: &mut Dossier, part: Part, i: usize) {
    on_list!(d, part, |list| {
        if i < list.len() {
            list.remove(i);
        }
    });
}

fn move_item(d: &mut Dossier, part: Part, from: usize, to: usize) {
    on_list!(d, part, |list| {
        if from < list.len() {
            let x = list.remove(from);
            list.insert(to.min(list.len()), x);
        }
    });
}

fn add(d: &mut Dossier, part: Part, id: String, title: String) {
    let as_of = d.as_of;
    match part {
        Part::Indicators => d.indicators.push(Indicator {
            id,
            value: String::new(),
            label: title,
            detail: String::new(),
            as_of: None,
            sources: Vec::new(),
        }),
        Part::People => d.people.push(Person {
            id,
            name: title,
            role: String::new(),
            stance: String::new(),
            sources: Vec::new(),
        }),
        Part::Organizations => d.organizations.push(Organization {
            id,
            name: title,
            kind: String::new(),
            status: String::new(),
            summary: String::new(),
            sources: Vec::new(),
        }),
        Part::Timeline => {
            let category = newest_category(d).unwrap_or_else(|| FIRST_CATEGORY.to_owned());
            d.timeline.push(Event {
                id,
                date: Some(EventDate::Day(as_of)),
                undated: false,
                approximate: false,
                category,
                title,
                summary: String::new(),
                sources: Vec::new(),
            });
        }
        Part::Scenarios => d.scenarios.push(Scenario {
            id,
            title,
            discussed_by: String::new(),
            summary: String::new(),
            sources: Vec::new(),
        }),
        Part::Precedents => d.precedents.push(Precedent {
            id,
            title,
            period: String::new(),
            what_happened: String::new(),
            short_term: String::new(),
            long_term: String::new(),
            relevance: String::new(),
            sources: Vec::new(),
        }),
        Part::Sources => d.sources.push(Source {
            id,
            publisher: String::new(),
            title,
            date: None,
            author: String::new(),
            url: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store;

    fn pair() -> (Dossier, Brief) {
        let d = store::default_dossier().unwrap().doc;
        let b = store::read_brief(&store::briefs_dir_sample("background-pack.brief.yaml"))
            .unwrap()
            .doc;
        (d, b)
    }

    #[test]
    fn a_new_item_gets_a_unique_slug_id_from_its_name() {
        let (mut d, mut b) = pair();
        let applied = apply(
            &mut d,
            &mut b,
            &Edit::Add {
                part: Part::People,
                title: "Keith Kellogg".into(),
            },
        )
        .unwrap();
        // The dossier has a Kellogg already: the new one is numbered.
        let id = applied.id.unwrap();
        assert!(id.starts_with("keith-kellogg"), "{id}");
        let person = d.people.last().unwrap();
        assert_eq!(person.id, id);
        assert_eq!(person.name, "Keith Kellogg");
        assert!(
            crate::validate::validate_dossier(&d)
                .iter()
                .all(|f| !f.message.contains("duplicate id"))
        );
    }

    #[test]
    fn quick_add_dates_today_in_the_last_category() {
        let (mut d, mut b) = pair();
        // The newest event's, not the last listed (the file lists newest first).
        let newest = d
            .timeline
            .iter()
            .max_by_key(|e| e.date.map(EventDate::sort_key))
            .unwrap();
        let last = newest.category.clone();
        assert_ne!(d.timeline.last().unwrap().category, last);
        let today = Date::new(2025, 12, 8).unwrap();
        let applied = apply(
            &mut d,
            &mut b,
            &Edit::QuickAddEvent {
                today,
                category: None,
            },
        )
        .unwrap();
        let e = d.timeline.last().unwrap();
        assert_eq!(Some(e.id.clone()), applied.id);
        assert_eq!(e.date, Some(EventDate::Day(today)));
        assert_eq!(e.category, last);
        assert!(e.id.starts_with("ev-2025-12-08"), "{}", e.id);
    }

    #[test]
    fn changing_an_id_updates_every_reference_in_the_brief_and_dossier() {
        let (mut d, mut b) = pair();
        let person = d.people[0].id.clone();
        b.meeting.participants = vec![person.clone()];
        b.annotations.push(crate::model::ItemAnnotation {
            item: person.clone(),
            kind: Default::default(),
            text: "ask".into(),
            every_section: false,
        });
        let applied = apply(
            &mut d,
            &mut b,
            &Edit::ChangeId {
                from: person.clone(),
                to: "the-principal".into(),
            },
        )
        .unwrap();
        assert_eq!(d.people[0].id, "the-principal");
        assert_eq!(b.meeting.participants, ["the-principal"]);
        assert_eq!(b.annotations.last().unwrap().item, "the-principal");
        assert!(!applied.brief_changes.is_empty());
        let source = d.sources[0].id.clone();
        let citing = d
            .timeline
            .iter()
            .filter(|e| e.sources.contains(&source))
            .count();
        apply(
            &mut d,
            &mut b,
            &Edit::ChangeId {
                from: source,
                to: "src-renamed".into(),
            },
        )
        .unwrap();
        let renamed = d
            .timeline
            .iter()
            .filter(|e| e.sources.iter().any(|s| s == "src-renamed"))
            .count();
        assert_eq!(renamed, citing);
        assert!(
            crate::validate::validate(&d, &b)
                .iter()
                .all(|f| f.severity != crate::Severity::Error),
            "{:?}",
            crate::validate::validate(&d, &b)
        );
    }

    #[test]
    fn a_taken_or_malformed_id_is_refused_and_nothing_changes() {
        let (mut d, mut b) = pair();
        let (first, second) = (d.people[0].id.clone(), d.people[1].id.clone());
        let before = (d.clone(), b.clone());
        assert_eq!(
            apply(
                &mut d,
                &mut b,
                &Edit::ChangeId {
                    from: first.clone(),
                    to: second.clone()
                }
            ),
            Err(EditError::IdTaken(second))
        );
        assert!(matches!(
            apply(
                &mut d,
                &mut b,
                &Edit::ChangeId {
                    from: first,
                    to: "Not A Slug".into()
                }
            ),
            Err(EditError::NotASlug(_))
        ));
        assert_eq!((d, b), before);
    }

    #[test]
    fn deleting_an_item_says_where_it_was_used_and_keeps_annotations() {
        let (mut d, mut b) = pair();
        let event = d.timeline[0].id.clone();
        b.annotations.push(crate::model::ItemAnnotation {
            item: event.clone(),
            kind: Default::default(),
            text: "keep me".into(),
            every_section: false,
        });
        let used = uses(&b, &event);
        assert!(used.iter().any(|u| u.contains("annotation")), "{used:?}");
        let applied = apply(&mut d, &mut b, &Edit::Delete { id: event.clone() }).unwrap();
        assert_eq!(applied.brief_changes, used);
        assert!(item::find(&d, &event).is_none());
        assert!(
            b.annotations
                .iter()
                .any(|a| a.item == event && a.text == "keep me")
        );
        assert!(
            b.sections
                .iter()
                .all(|s| s.items.as_ref().is_none_or(|i| !i.contains(&event)))
        );
    }

    #[test]
    fn duplicate_and_move_keep_ids_unique_and_order_as_asked() {
        let (mut d, mut b) = pair();
        let id = d.scenarios[0].id.clone();
        let copy = apply(&mut d, &mut b, &Edit::Duplicate { id: id.clone() })
            .unwrap()
            .id
            .unwrap();
        assert_ne!(copy, id);
        assert_eq!(d.scenarios[1].id, copy);
        assert_eq!(d.scenarios[1].title, d.scenarios[0].title);
        let last = d.scenarios.len() - 1;
        apply(
            &mut d,
            &mut b,
            &Edit::Move {
                id: id.clone(),
                to: last,
            },
        )
        .unwrap();
        assert_eq!(d.scenarios[last].id, id);
    }

    #[test]
    fn renaming_a_category_renames_it_in_the_slices_too() {
        let (mut d, mut b) = pair();
        let from = d.timeline[0].category.clone();
        b.sections[0].categories = vec![from.clone()];
        let count = d.timeline.iter().filter(|e| e.category == from).count();
        let applied = apply(
            &mut d,
            &mut b,
            &Edit::RenameCategory {
                from: from.clone(),
                to: "Talks".into(),
            },
        )
        .unwrap();
        assert_eq!(
            d.timeline.iter().filter(|e| e.category == "Talks").count(),
            count
        );
        assert_eq!(b.sections[0].categories, ["Talks"]);
        assert_eq!(applied.brief_changes.len(), 1);
    }

    #[test]
    fn set_changes_fields_but_not_the_id_and_a_date_clears_undated() {
        let (mut d, mut b) = pair();
        let mut e = d.timeline[0].clone();
        let id = e.id.clone();
        e.title = "Retitled".into();
        e.date = None;
        e.undated = true;
        apply(&mut d, &mut b, &Edit::Set(Value::Event(e.clone()))).unwrap();
        assert_eq!(d.timeline[0].title, "Retitled");
        assert!(d.timeline[0].undated);
        e.date = Some(EventDate::Day(Date::new(2025, 12, 1).unwrap()));
        apply(&mut d, &mut b, &Edit::Set(Value::Event(e))).unwrap();
        assert_eq!(d.timeline[0].id, id);
        assert!(!d.timeline[0].undated);
        let mut ghost = d.people[0].clone();
        ghost.id = "nobody-here".into();
        let before = d.clone();
        assert_eq!(
            apply(&mut d, &mut b, &Edit::Set(Value::Person(ghost))),
            Err(EditError::NoSuchItem("nobody-here".into()))
        );
        assert_eq!(d, before);
    }

    #[test]
    fn set_head_changes_the_dossiers_own_fields() {
        let (mut d, mut b) = pair();
        let mut head = Head::of(&d);
        head.title = "Another topic".into();
        head.overview = vec!["One paragraph.".into()];
        apply(&mut d, &mut b, &Edit::SetHead(head)).unwrap();
        assert_eq!(d.title, "Another topic");
        assert_eq!(d.overview, ["One paragraph."]);
    }
}
