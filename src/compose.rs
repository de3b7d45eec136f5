//! (Dossier, Brief) -> [`Composed`]: the brief resolved into exactly what prints, in order,
//! with annotations attached and sources numbered. Pure; the PDF and the app's preview both
//! draw from this one value, so they cannot disagree.
//!
//! Nothing is dropped in silence: every id that does not resolve, and every annotation that
//! will not print, is reported in [`Composed::findings`].

use std::collections::{HashMap, HashSet};

use crate::changes::Changes;
use crate::edit::item::{self, Item};
use crate::model::{
    Annotation, Brief, Date, Dossier, Event, EventDate, Indicator, ItemAnnotation, Order,
    Organization, PageSize, Person, Precedent, Scenario, Section, SectionKind, Source,
};
use crate::problem::{Doc, Finding, YamlPath};

/// A brief resolved against its dossier: what the PDF and the preview show.
#[derive(Debug, Clone, PartialEq)]
pub struct Composed {
    /// Title on the first page.
    pub title: String,
    /// Line under the title.
    pub subtitle: String,
    /// Handling marking for every page; may be empty.
    pub marking: String,
    /// Left in every page's footer: the title, or e.g. "Press copy — " and the title.
    pub footer_title: String,
    /// Paper size.
    pub page_size: PageSize,
    /// BCP 47 language tag.
    pub language: String,
    /// The most pages the brief should take.
    pub page_budget: Option<u32>,
    /// Justify body text.
    pub justify: bool,
    /// Who the brief is for.
    pub prepared_for: String,
    /// Who prepared it.
    pub prepared_by: String,
    /// The dossier's title, for the footer line.
    pub dossier_title: String,
    /// When the dossier was last brought up to date.
    pub as_of: Date,
    /// The meeting block.
    pub meeting: MeetingBlock,
    /// The included sections, in order.
    pub sections: Vec<ComposedSection>,
    /// Unresolved ids and annotations that will not print.
    pub findings: Vec<Finding>,
    /// What changed in the dossier since the brief's last export, against what it prints now.
    pub changes: Changes,
}

/// The meeting block, ready to print.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeetingBlock {
    /// What the meeting is for.
    pub purpose: String,
    /// Bottom line up front.
    pub bottom_line: Vec<String>,
    /// The day, e.g. "9 December 2025".
    pub date: String,
    /// The time as written.
    pub time: String,
    /// Where.
    pub location: String,
    /// "Name, role" for dossier people, then the free names.
    pub participants: Vec<String>,
}

impl MeetingBlock {
    /// True when there is nothing to print.
    pub fn is_empty(&self) -> bool {
        self.purpose.is_empty()
            && self.bottom_line.is_empty()
            && self.date.is_empty()
            && self.time.is_empty()
            && self.location.is_empty()
            && self.participants.is_empty()
    }
}

/// One section as it prints.
#[derive(Debug, Clone, PartialEq)]
pub struct ComposedSection {
    /// Its position in the brief's list of sections (included or not), for the app.
    pub index: usize,
    /// Its number as printed, from 1.
    pub number: usize,
    /// What it shows.
    pub kind: SectionKind,
    /// Heading as printed.
    pub heading: String,
    /// Annotations on the section as a whole.
    pub annotations: Vec<Annotation>,
    /// The content.
    pub body: Body,
}

/// An item as it prints: the dossier item, its endnote numbers and its annotations.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<T> {
    /// The item's id, for links to where it prints.
    pub id: String,
    /// The dossier item.
    pub item: T,
    /// Endnote numbers of its sources.
    pub cites: Vec<usize>,
    /// The staffer's annotations on it.
    pub annotations: Vec<Annotation>,
}

/// A numbered endnote.
#[derive(Debug, Clone, PartialEq)]
pub struct Endnote {
    /// Its number, from 1.
    pub number: usize,
    /// The source.
    pub source: Source,
}

/// What a section shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Paragraphs.
    Overview(Vec<String>),
    /// A table of figures.
    Indicators(Vec<Row<Indicator>>),
    /// A table of people.
    People(Vec<Row<Person>>),
    /// A table of organisations.
    Organizations(Vec<Row<Organization>>),
    /// A slice of the timeline.
    Timeline {
        /// The events shown, in order.
        rows: Vec<Row<Event>>,
        /// How many events matched the slice before its limit.
        matching: usize,
        /// How many events the dossier has.
        total: usize,
    },
    /// Numbered scenarios.
    Scenarios(Vec<Row<Scenario>>),
    /// Numbered precedents.
    Precedents(Vec<Row<Precedent>>),
    /// Numbered endnotes.
    Sources(Vec<Endnote>),
    /// Only the section's annotations.
    Notes,
    /// The "Since the last brief" box: [`Composed::changes`].
    Changes,
}

/// Annotations as they print: one box for each run of the same kind, labelled in the
/// singular or the plural. The PDF and the preview both set boxes from this.
pub fn annotation_boxes(annotations: &[Annotation]) -> impl Iterator<Item = AnnotationBox<'_>> {
    annotations
        .chunk_by(|a, b| a.kind == b.kind)
        .filter_map(|items| {
            let kind = items.first()?.kind;
            let label = if items.len() > 1 {
                kind.plural_label()
            } else {
                kind.label()
            };
            Some(AnnotationBox { kind, label, items })
        })
}

/// One box of annotations of one kind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnnotationBox<'a> {
    /// Their kind.
    pub kind: crate::model::AnnotationKind,
    /// The box's label, e.g. "Talking points".
    pub label: &'static str,
    /// The annotations in it, one or more.
    pub items: &'a [Annotation],
}

/// Resolves a brief against its dossier.
pub fn compose(dossier: &Dossier, brief: &Brief) -> Composed {
    let mut c = Composer::new(dossier, brief);
    let meeting = c.meeting();
    let mut sections = Vec::new();
    for (index, section) in brief.sections.iter().enumerate() {
        if !section.included || (section.kind == SectionKind::Notes && !brief.include_annotations) {
            continue;
        }
        let body = c.body(index, section);
        sections.push(ComposedSection {
            index,
            number: sections.len() + 1,
            kind: section.kind,
            heading: section.heading_or_default().trim().to_owned(),
            annotations: c.annotations_of_section(section),
            body,
        });
    }
    // Endnotes are numbered as items are met, so the sources list is filled last.
    for section in &mut sections {
        if let Body::Sources(notes) = &mut section.body {
            *notes = c.endnotes(&brief.sections[section.index]);
        }
    }
    c.report_unprinted_annotations();
    let now = crate::changes::printed(&sections);
    let changes = crate::changes::changes(dossier, brief.last_export.as_ref(), &now);
    Composed {
        title: brief.title.trim().to_owned(),
        footer_title: brief.title.trim().to_owned(),
        subtitle: brief.subtitle.trim().to_owned(),
        marking: brief.marking.trim().to_owned(),
        page_size: brief.page_size,
        language: brief.language.trim().to_owned(),
        page_budget: brief.page_budget,
        justify: brief.justify,
        prepared_for: brief.prepared_for.trim().to_owned(),
        prepared_by: brief.prepared_by.trim().to_owned(),
        dossier_title: dossier.title.clone(),
        as_of: dossier.as_of,
        meeting,
        sections,
        findings: c.findings,
        changes,
    }
}

/// The events a timeline section selects, in print order, and how many matched before the
/// limit. An event is in a date range only if all of its possible days are.
pub fn slice<'d>(dossier: &'d Dossier, section: &Section) -> (Vec<&'d Event>, usize) {
    let chosen: Option<HashSet<&str>> = section
        .items
        .as_ref()
        .map(|ids| ids.iter().map(String::as_str).collect());
    let events: Vec<&Event> = dossier
        .timeline
        .iter()
        .filter(|e| chosen.as_ref().is_none_or(|c| c.contains(e.id.as_str())))
        // An undated event cannot be shown to lie inside a range, so a range leaves it out.
        .filter(|e| {
            section
                .from
                .is_none_or(|from| e.date.is_some_and(|d| d.first_day() >= from))
        })
        .filter(|e| {
            section
                .to
                .is_none_or(|to| e.date.is_some_and(|d| d.last_day() <= to))
        })
        .filter(|e| section.categories.is_empty() || section.categories.contains(&e.category))
        .collect();
    // Undated events follow the dated ones in dossier order (the order of the page they were
    // imported from), whichever way the dated ones run.
    let (mut dated, undated): (Vec<&Event>, Vec<&Event>) =
        events.into_iter().partition(|e| e.date.is_some());
    dated.sort_by_key(|e| e.date.map(EventDate::sort_key));
    if section.order == Order::NewestFirst {
        dated.reverse();
    }
    let mut events = dated;
    events.extend(undated);
    let matching = events.len();
    if let Some(limit) = section.limit {
        events.truncate(limit);
    }
    (events, matching)
}

struct Composer<'a> {
    dossier: &'a Dossier,
    brief: &'a Brief,
    /// Which ids exist in the dossier, of any kind.
    known: HashSet<&'a str>,
    /// Sources by id.
    sources: HashMap<&'a str, &'a Source>,
    /// Endnote numbers in order of first citation; only when a sources section prints.
    numbers: Vec<&'a str>,
    cite: bool,
    /// Item annotations that have printed somewhere.
    printed: HashSet<usize>,
    findings: Vec<Finding>,
}

impl<'a> Composer<'a> {
    fn new(dossier: &'a Dossier, brief: &'a Brief) -> Composer<'a> {
        let d = dossier;
        let known = item::items(d).into_iter().map(|(_, _, x)| x.id()).collect();
        let cite = brief
            .sections
            .iter()
            .any(|s| s.included && s.kind == SectionKind::Sources);
        Composer {
            dossier,
            brief,
            known,
            sources: d.sources.iter().map(|s| (s.id.as_str(), s)).collect(),
            numbers: Vec::new(),
            cite,
            printed: HashSet::new(),
            findings: Vec::new(),
        }
    }

    fn meeting(&mut self) -> MeetingBlock {
        let m = &self.brief.meeting;
        let path = YamlPath::root().key("meeting").key("participants");
        // Dossier people in the dossier's order, whatever order they were ticked in; then the
        // free names. Empty entries never print.
        let mut participants: Vec<String> = self
            .dossier
            .people
            .iter()
            .filter(|p| m.participants.contains(&p.id))
            .map(|p| format!("{}, {}", p.name, p.role))
            .collect();
        for (i, id) in m.participants.iter().enumerate() {
            if !self.dossier.people.iter().any(|p| &p.id == id) {
                self.unknown(path.index(i), id, "people");
            }
        }
        participants.extend(nonempty(&m.other_participants));
        MeetingBlock {
            purpose: m.purpose.trim().to_owned(),
            bottom_line: nonempty(&m.bottom_line),
            date: m.date.map(Date::display_long).unwrap_or_default(),
            time: m.time.trim().to_owned(),
            location: m.location.trim().to_owned(),
            participants,
        }
    }

    fn body(&mut self, index: usize, section: &Section) -> Body {
        let d = self.dossier;
        let path = YamlPath::root().key("sections").index(index);
        match section.kind {
            SectionKind::Overview => Body::Overview(d.overview.clone()),
            SectionKind::Indicators => Body::Indicators(self.rows(&path, section, &d.indicators)),
            SectionKind::People => Body::People(self.rows(&path, section, &d.people)),
            SectionKind::Organizations => {
                Body::Organizations(self.rows(&path, section, &d.organizations))
            }
            SectionKind::Scenarios => Body::Scenarios(self.rows(&path, section, &d.scenarios)),
            SectionKind::Precedents => Body::Precedents(self.rows(&path, section, &d.precedents)),
            SectionKind::Timeline => {
                self.check_items(&path, section, |id| d.timeline.iter().any(|e| e.id == id));
                let (events, matching) = slice(d, section);
                let rows = events
                    .into_iter()
                    .map(|e| self.row(e.clone(), &e.id, &e.sources))
                    .collect();
                Body::Timeline {
                    rows,
                    matching,
                    total: d.timeline.len(),
                }
            }
            SectionKind::Sources => {
                self.check_items(&path, section, |id| d.sources.iter().any(|s| s.id == id));
                Body::Sources(Vec::new())
            }
            SectionKind::Notes => Body::Notes,
            SectionKind::Changes => Body::Changes,
        }
    }

    /// The chosen items of one kind, in dossier order; unknown chosen ids are reported.
    fn rows<T: Item + Clone>(
        &mut self,
        path: &YamlPath,
        section: &Section,
        all: &'a [T],
    ) -> Vec<Row<T>> {
        self.check_items(path, section, |id| all.iter().any(|x| x.id() == id));
        all.iter()
            .filter(|x| {
                section
                    .items
                    .as_ref()
                    .is_none_or(|ids| ids.iter().any(|id| id == x.id()))
            })
            .map(|x| self.row(x.clone(), x.id(), x.cited()))
            .collect()
    }

    fn check_items(&mut self, path: &YamlPath, section: &Section, exists: impl Fn(&str) -> bool) {
        let Some(ids) = &section.items else { return };
        let missing: Vec<(usize, String)> = ids
            .iter()
            .enumerate()
            .filter(|(_, id)| !exists(id))
            .map(|(i, id)| (i, id.clone()))
            .collect();
        for (i, id) in missing {
            let noun = match section.kind {
                SectionKind::Timeline => "timeline events".to_owned(),
                kind => kind.default_heading().to_lowercase(),
            };
            self.unknown(path.key("items").index(i), &id, &noun);
        }
    }

    /// `noun` names what the list holds, in the plural: "people", "key indicators".
    fn unknown(&mut self, path: YamlPath, id: &str, noun: &str) {
        let message = if self.known.contains(id) {
            format!("\"{id}\" is in the dossier, but not among its {noun}")
        } else {
            format!("unknown id \"{id}\": the dossier has no such item")
        };
        let hint = nearest(id, self.known.iter().copied())
            .map(|n| format!("did you mean \"{n}\"?"))
            .unwrap_or_else(|| "remove it or check the dossier".into());
        self.findings
            .push(Finding::error(Doc::Brief, path, message).with_hint(hint));
    }

    fn row<T>(&mut self, item: T, id: &str, sources: &'a [String]) -> Row<T> {
        let cites = if self.cite {
            sources.iter().filter_map(|s| self.number(s)).collect()
        } else {
            Vec::new()
        };
        Row {
            id: id.to_owned(),
            item,
            cites,
            annotations: self.annotations_of_item(id),
        }
    }

    /// The endnote number of a source, given on first citation.
    fn number(&mut self, id: &'a str) -> Option<usize> {
        self.sources.get(id)?;
        if let Some(i) = self.numbers.iter().position(|n| *n == id) {
            return Some(i + 1);
        }
        self.numbers.push(id);
        Some(self.numbers.len())
    }

    fn annotations_of_item(&mut self, id: &str) -> Vec<Annotation> {
        if !self.brief.include_annotations {
            return Vec::new();
        }
        let found: Vec<(usize, &ItemAnnotation)> = self
            .brief
            .annotations
            .iter()
            .enumerate()
            // Once, under the first section that shows the item, unless the staffer asked for
            // every section; a blank note prints nowhere.
            .filter(|(i, a)| a.item == id && (a.every_section || !self.printed.contains(i)))
            .filter(|(_, a)| !a.text.trim().is_empty())
            .collect();
        found
            .into_iter()
            .map(|(i, a)| {
                self.printed.insert(i);
                a.annotation()
            })
            .collect()
    }

    fn annotations_of_section(&self, section: &Section) -> Vec<Annotation> {
        if self.brief.include_annotations {
            let mut notes = section.annotations.clone();
            notes.retain(|a| !a.text.trim().is_empty());
            notes
        } else {
            Vec::new()
        }
    }

    /// Cited sources first, in citation order, then any others the section picks.
    fn endnotes(&mut self, section: &'a Section) -> Vec<Endnote> {
        let extra: Vec<&'a str> = match &section.items {
            Some(ids) => ids.iter().map(String::as_str).collect(),
            None => self.dossier.sources.iter().map(|s| s.id.as_str()).collect(),
        };
        for id in extra {
            self.number(id);
        }
        self.numbers
            .iter()
            .enumerate()
            .filter_map(|(i, id)| {
                self.sources.get(id).map(|s| Endnote {
                    number: i + 1,
                    source: (*s).clone(),
                })
            })
            .collect()
    }

    fn report_unprinted_annotations(&mut self) {
        if !self.brief.include_annotations {
            return;
        }
        for (i, a) in self.brief.annotations.iter().enumerate() {
            // A blank note prints nowhere by design; validation warns that it is empty.
            if self.printed.contains(&i) || a.text.trim().is_empty() {
                continue;
            }
            let path = YamlPath::root().key("annotations").index(i).key("item");
            let finding = if self.known.contains(a.item.as_str()) {
                Finding::warning(
                    Doc::Brief,
                    path,
                    format!(
                        "annotation on \"{}\" will not print: the item is in no included section",
                        a.item
                    ),
                )
                .with_hint("include a section that shows the item, or leave it as a private note")
            } else {
                Finding::warning(
                    Doc::Brief,
                    path,
                    format!(
                        "annotation on \"{}\" is kept but left out of the export: the dossier has no such item",
                        a.item
                    ),
                )
                .with_hint(
                    nearest(&a.item, self.known.iter().copied())
                        .map(|n| format!("did you mean \"{n}\"?"))
                        .unwrap_or_else(|| "point it at another item or delete it".into()),
                )
            };
            self.findings.push(finding);
        }
    }
}

/// The entries of a list that have any text, trimmed.
fn nonempty(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The closest known id, if one is close enough to be a likely typo.
pub fn nearest<'k>(id: &str, known: impl Iterator<Item = &'k str>) -> Option<&'k str> {
    known
        .map(|k| (k, strsim::damerau_levenshtein(id, k)))
        .filter(|(_, d)| *d <= 3)
        .min_by_key(|(k, d)| (*d, *k))
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests;
