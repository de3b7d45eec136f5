//! Where a problem is, in the window's words, and where clicking it goes. The core locates
//! problems by a path into the YAML (`sections[1].items[4]`); the staffer knows the window,
//! so the problems list says "Sections › Key indicators › items, line 5" and a click selects
//! that section or field. Pure: no egui.

use super::action::{Focus, ListField, Selection, TextField};
use crate::edit::{Part, item};
use crate::model::{Brief, Dossier};
use crate::problem::{Doc, Finding, Seg};

/// Where a click on a problem takes the staffer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// What the editor shows.
    pub selection: Selection,
    /// The field given the focus, if the problem is in one.
    pub focus: Option<Focus>,
    /// The dossier item whose form to open, for a problem in the dossier.
    pub open: Option<String>,
}

/// A problem's place in plain words, and where a click on it goes.
pub fn locate(brief: &Brief, dossier: &Dossier, finding: &Finding) -> (String, Option<Target>) {
    let segs = &finding.path.0;
    if finding.doc == Doc::Dossier {
        return in_dossier(dossier, segs);
    }
    let key = |i: usize| match segs.get(i) {
        Some(Seg::Key(k)) => Some(k.as_str()),
        _ => None,
    };
    let index = |i: usize| match segs.get(i) {
        Some(Seg::Index(n)) => Some(*n),
        _ => None,
    };
    let details = |focus: Option<Focus>| {
        Some(Target {
            selection: Selection::Details,
            focus,
            open: None,
        })
    };
    match key(0) {
        Some("sections") => {
            let Some(i) = index(1) else {
                return ("Sections".to_owned(), None);
            };
            let heading = brief.sections.get(i).map_or_else(
                || format!("section {}", i + 1),
                |s| s.heading_or_default().to_owned(),
            );
            let mut place = format!("Sections \u{203a} {heading}");
            let mut focus = None;
            if let Some(field) = key(2) {
                let field_name = if field == "annotations" {
                    "notes".to_owned()
                } else {
                    field.replace('_', " ")
                };
                place.push_str(&format!(" \u{203a} {field_name}"));
                if let Some(n) = index(3) {
                    let noun = if field == "annotations" {
                        "note"
                    } else {
                        "line"
                    };
                    place.push_str(&format!(", {noun} {}", n + 1));
                    if field == "annotations" {
                        focus = Some(Focus::SectionNote(n));
                    }
                }
                if field == "heading" {
                    focus = Some(Focus::Heading);
                }
            }
            let target = Target {
                selection: Selection::Section(i),
                focus,
                open: None,
            };
            (place, (i < brief.sections.len()).then_some(target))
        }
        Some("meeting") => {
            let field = key(1).unwrap_or("");
            let mut place = format!("Details \u{203a} {}", plain_key(field));
            let list = match field {
                "bottom_line" => Some(ListField::BottomLine),
                "other_participants" => Some(ListField::OtherParticipants),
                _ => None,
            };
            let n = index(2);
            if let Some(n) = n {
                place.push_str(&format!(", line {}", n + 1));
            }
            let focus = match (list, n) {
                (Some(list), Some(n)) => Some(Focus::Line(list, n)),
                _ => text_field(field).map(Focus::Text),
            };
            (place, details(focus))
        }
        Some("annotations") => {
            let n = index(1).unwrap_or(0);
            let item = brief.annotations.get(n).map_or("", |a| a.item.as_str());
            (
                format!("Notes on items \u{203a} note {} (on \"{item}\")", n + 1),
                details(Some(Focus::ItemNote(n))),
            )
        }
        Some(field) => (
            format!("Details \u{203a} {}", plain_key(field)),
            details(text_field(field).map(Focus::Text)),
        ),
        None => ("The brief".to_owned(), details(None)),
    }
}

/// A problem in the dossier: "Dossier › Timeline › Talks in Geneva › title", going to the
/// item's form and the field.
fn in_dossier(dossier: &Dossier, segs: &[Seg]) -> (String, Option<Target>) {
    let key = |i: usize| match segs.get(i) {
        Some(Seg::Key(k)) => Some(k.as_str()),
        _ => None,
    };
    let index = match segs.get(1) {
        Some(Seg::Index(n)) => Some(*n),
        _ => None,
    };
    let part = Part::ALL.into_iter().find(|p| Some(p.key()) == key(0));
    let Some(part) = part else {
        let field = key(0).unwrap_or("");
        let place = if field.is_empty() {
            "Dossier".to_owned()
        } else {
            format!("Dossier \u{203a} About \u{203a} {}", plain_key(field))
        };
        let target = Target {
            selection: Selection::Dossier(None),
            focus: Some(Focus::HeadField(static_field(field))),
            open: None,
        };
        return (place, Some(target));
    };
    let found = index.and_then(|i| {
        item::items(dossier)
            .into_iter()
            .find(|(p, n, _)| *p == part && *n == i)
            .map(|(_, _, x)| (x.id().to_owned(), x.name().to_owned()))
    });
    let mut place = format!("Dossier \u{203a} {}", part_name(part));
    if let Some((id, name)) = &found {
        let name = if name.trim().is_empty() { id } else { name };
        place.push_str(&format!(" \u{203a} {name}"));
    }
    let field = key(2).unwrap_or("");
    if !field.is_empty() {
        place.push_str(&format!(" \u{203a} {}", plain_key(field)));
    }
    let target = Target {
        selection: Selection::Dossier(Some(part)),
        focus: found
            .is_some()
            .then(|| Focus::ItemField(static_field(field))),
        open: found.map(|(id, _)| id),
    };
    (place, Some(target))
}

/// A list of the dossier as the window names it.
pub fn part_name(part: Part) -> &'static str {
    match part {
        Part::Indicators => "Key indicators",
        Part::People => "People",
        Part::Organizations => "Organisations",
        Part::Timeline => "Timeline",
        Part::Scenarios => "Scenarios",
        Part::Precedents => "Precedents",
        Part::Sources => "Sources",
    }
}

/// A field name of the dossier as a static string, for the focus; "" (the form's first
/// field) for one not known here.
fn static_field(field: &str) -> &'static str {
    const FIELDS: [&str; 28] = [
        "id",
        "title",
        "subtitle",
        "as_of",
        "overview",
        "value",
        "label",
        "detail",
        "sources",
        "name",
        "role",
        "stance",
        "kind",
        "status",
        "summary",
        "date",
        "undated",
        "approximate",
        "category",
        "discussed_by",
        "period",
        "what_happened",
        "short_term",
        "long_term",
        "relevance",
        "publisher",
        "author",
        "url",
    ];
    FIELDS.into_iter().find(|f| *f == field).unwrap_or("")
}

fn text_field(key: &str) -> Option<TextField> {
    Some(match key {
        "title" => TextField::Title,
        "subtitle" => TextField::Subtitle,
        "purpose" => TextField::Purpose,
        "time" => TextField::Time,
        "location" => TextField::Location,
        "prepared_for" => TextField::PreparedFor,
        "prepared_by" => TextField::PreparedBy,
        "marking" => TextField::Marking,
        _ => return None,
    })
}

/// A YAML key as the window labels it.
fn plain_key(key: &str) -> String {
    match key {
        "bottom_line" => "Bottom line up front".to_owned(),
        "other_participants" => "Other participants".to_owned(),
        "participants" => "Participants from the dossier".to_owned(),
        "purpose" => "Meeting purpose".to_owned(),
        "location" => "Place".to_owned(),
        "marking" => "Handling marking".to_owned(),
        other => {
            let mut words = other.replace('_', " ");
            if let Some(first) = words.get(..1) {
                let upper = first.to_uppercase();
                words.replace_range(..1, &upper);
            }
            words
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::YamlPath;
    use crate::store::parse_brief;

    fn dossier() -> Dossier {
        crate::store::default_dossier().unwrap().doc
    }

    fn brief() -> Brief {
        parse_brief(
            "version: 1\ntitle: T\nsections:\n  - kind: overview\n  - kind: indicators\n",
            "t",
        )
        .unwrap()
    }

    #[test]
    fn an_item_of_a_section_is_named_as_the_window_shows_it_and_counted_from_one() {
        let path = YamlPath::root()
            .key("sections")
            .index(1)
            .key("items")
            .index(4);
        let finding = Finding::error(Doc::Brief, path, "unknown id");
        let (place, target) = locate(&brief(), &dossier(), &finding);
        assert_eq!(
            place,
            "Sections \u{203a} Key indicators \u{203a} items, line 5"
        );
        assert_eq!(target.unwrap().selection, Selection::Section(1));
    }

    #[test]
    fn a_bottom_line_point_goes_to_its_field() {
        let path = YamlPath::root().key("meeting").key("bottom_line").index(2);
        let finding = Finding::error(Doc::Brief, path, "x");
        let (place, target) = locate(&brief(), &dossier(), &finding);
        assert_eq!(place, "Details \u{203a} Bottom line up front, line 3");
        let target = target.unwrap();
        assert_eq!(target.focus, Some(Focus::Line(ListField::BottomLine, 2)));
    }

    #[test]
    fn a_dossier_problem_names_the_item_and_opens_its_form_at_the_field() {
        let d = dossier();
        let path = YamlPath::root().key("timeline").index(2).key("summary");
        let finding = Finding::warning(Doc::Dossier, path, "x");
        let (place, target) = locate(&brief(), &d, &finding);
        assert_eq!(
            place,
            format!(
                "Dossier \u{203a} Timeline \u{203a} {} \u{203a} Summary",
                d.timeline[2].title
            )
        );
        let target = target.unwrap();
        assert_eq!(target.selection, Selection::Dossier(Some(Part::Timeline)));
        assert_eq!(target.open.as_deref(), Some(d.timeline[2].id.as_str()));
        assert_eq!(target.focus, Some(Focus::ItemField("summary")));
    }
}
