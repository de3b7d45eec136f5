//! Where a problem is, in the window's words, and where clicking it goes. The core locates
//! problems by a path into the YAML (`sections[1].items[4]`); the staffer knows the window,
//! so the problems list says "Sections › Key indicators › items, line 5" and a click selects
//! that section or field. Pure: no egui.

use super::action::{Focus, ListField, Selection, TextField};
use crate::model::Brief;
use crate::problem::{Doc, Finding, Seg};

/// Where a click on a problem takes the staffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// What the editor shows.
    pub selection: Selection,
    /// The field given the focus, if the problem is in one.
    pub focus: Option<Focus>,
}

/// A problem's place in plain words, and where a click on it goes (none for the dossier,
/// which the window does not edit).
pub fn locate(brief: &Brief, finding: &Finding) -> (String, Option<Target>) {
    let segs = &finding.path.0;
    if finding.doc == Doc::Dossier {
        return (format!("Dossier \u{203a} {}", finding.path), None);
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
        let (place, target) = locate(&brief(), &finding);
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
        let (place, target) = locate(&brief(), &finding);
        assert_eq!(place, "Details \u{203a} Bottom line up front, line 3");
        let target = target.unwrap();
        assert_eq!(target.focus, Some(Focus::Line(ListField::BottomLine, 2)));
    }
}
