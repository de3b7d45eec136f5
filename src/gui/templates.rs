//! Briefs to start from: the shapes a staffer reaches for, filled from the dossier at hand,
//! and a copy of the open brief for the next meeting. Pure: no egui, no files; the app puts
//! the result in a new, unsaved session.

use crate::model::{
    Annotation, AnnotationKind, Brief, Dossier, Meeting, Order, Section, SectionKind,
};

/// A template on File → New.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// Talking points, the bottom line, key figures and a recent slice of the timeline.
    PreMeeting,
    /// Everything the dossier holds, oldest first, with sources.
    BackgroundPack,
    /// One page for the principal's pocket: bottom line, talking points, the latest events.
    OnePageCard,
}

impl Template {
    /// Every template, in menu order.
    pub const ALL: [Template; 3] = [
        Template::PreMeeting,
        Template::BackgroundPack,
        Template::OnePageCard,
    ];

    /// The name on the menu.
    pub fn label(self) -> &'static str {
        match self {
            Template::PreMeeting => "Pre-meeting brief",
            Template::BackgroundPack => "Background pack",
            Template::OnePageCard => "One-page card",
        }
    }

    /// What it holds, for a tooltip.
    pub fn hint(self) -> &'static str {
        match self {
            Template::PreMeeting => {
                "Talking points, bottom line, key figures and the latest events"
            }
            Template::BackgroundPack => "Every section the dossier has, oldest events first",
            Template::OnePageCard => "One page: bottom line, talking points, the latest events",
        }
    }

    /// The brief this template starts, over `dossier`; `base` gives the fields kept from the
    /// brief open now (dossier, marking, who it is by, paper).
    pub fn brief(self, dossier: &Dossier, base: &Brief) -> Brief {
        let talking_points = {
            let mut s = Section::new(SectionKind::Notes);
            s.heading = Some("Talking points".to_owned());
            s.annotations.push(Annotation {
                kind: AnnotationKind::TalkingPoint,
                text: String::new(),
            });
            s
        };
        let recent = |limit: usize| {
            let mut s = Section::new(SectionKind::Timeline);
            s.heading = Some("Latest developments".to_owned());
            s.order = Order::NewestFirst;
            s.limit = Some(limit);
            s
        };
        let (title, sections, budget) = match self {
            Template::PreMeeting => (
                "Pre-meeting brief",
                vec![
                    talking_points,
                    Section::new(SectionKind::Indicators),
                    recent(8),
                    Section::new(SectionKind::People),
                    Section::new(SectionKind::Scenarios),
                ],
                None,
            ),
            Template::BackgroundPack => (
                "Background pack",
                SectionKind::ALL
                    .into_iter()
                    .filter(|k| *k != SectionKind::Notes)
                    .map(Section::new)
                    .collect(),
                None,
            ),
            Template::OnePageCard => ("Card", vec![talking_points, recent(4)], Some(1)),
        };
        Brief {
            title: title.to_owned(),
            subtitle: dossier.title.clone(),
            meeting: Meeting {
                bottom_line: vec![String::new()],
                ..Meeting::default()
            },
            prepared_for: String::new(),
            page_budget: budget,
            include_annotations: true,
            sections,
            annotations: Vec::new(),
            ..base.clone()
        }
    }
}

/// The open brief as the start of the next one: the same sections and notes, the meeting
/// block cleared.
pub fn next_from(brief: &Brief) -> Brief {
    Brief {
        meeting: Meeting::default(),
        ..brief.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{default_dossier, parse_brief};

    fn base() -> Brief {
        parse_brief(
            "version: 1\ntitle: T\nmarking: SECRET\nmeeting: { purpose: P, participants: [putin] }\nsections:\n  - kind: people\nannotations:\n  - { item: putin, text: Watch him }\n",
            "t",
        )
        .unwrap()
    }

    #[test]
    fn every_template_composes_without_errors_and_keeps_the_marking() {
        let dossier = default_dossier().unwrap().doc;
        for template in Template::ALL {
            let brief = template.brief(&dossier, &base());
            assert_eq!(brief.marking, "SECRET");
            let composed = crate::compose::compose(&dossier, &brief);
            let errors: Vec<_> = crate::validate::validate_composed(&dossier, &brief, &composed)
                .into_iter()
                .filter(|f| f.severity == crate::problem::Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{template:?}: {errors:?}");
        }
        let card = Template::OnePageCard.brief(&dossier, &base());
        assert_eq!(card.page_budget, Some(1));
    }

    #[test]
    fn the_next_brief_keeps_sections_and_notes_and_clears_the_meeting() {
        let next = next_from(&base());
        assert_eq!(next.meeting, Meeting::default());
        assert_eq!(next.sections, base().sections);
        assert_eq!(next.annotations, base().annotations);
    }
}
