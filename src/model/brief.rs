//! The brief: what a staffer makes from a dossier for one meeting. Read from and written to
//! `*.brief.yaml`. It refers to dossier items by id only, so it survives edits to the dossier.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Date;
use super::last_export::{LAST_EXPORT_VERSION, LastExport};

/// The newest format version this build reads. It writes version 1 unless the brief holds a
/// `last_export` block, which needs version 2 (see briefs/README.md, "Versions").
pub const BRIEF_VERSION: u32 = LAST_EXPORT_VERSION;

/// The version of a brief without `last_export`: what a new brief starts as, so that older
/// builds still open it.
pub const BRIEF_VERSION_PLAIN: u32 = 1;

/// One meeting brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Brief {
    /// Format version of this file: 1, or 2 when it holds `last_export`.
    pub version: u32,
    /// The dossier, as a path relative to this file; absent for the built-in default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dossier: Option<String>,
    /// Title on the first page.
    pub title: String,
    /// One line under the title.
    #[serde(default)]
    pub subtitle: String,
    /// The meeting the brief is for.
    #[serde(default)]
    pub meeting: Meeting,
    /// Who the brief is for ("The Secretary").
    #[serde(default)]
    pub prepared_for: String,
    /// Who prepared it.
    #[serde(default)]
    pub prepared_by: String,
    /// Handling marking printed in the header and footer of every page.
    #[serde(default)]
    pub marking: String,
    /// Paper size.
    #[serde(default)]
    pub page_size: PageSize,
    /// The language the brief is written in, as a BCP 47 tag ("en", "en-GB", "fr"); screen
    /// readers and the PDF's metadata use it.
    #[serde(default = "english", skip_serializing_if = "is_english")]
    pub language: String,
    /// The most pages the brief should take; over it, the app and `validate` warn and say how
    /// many pages each section takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_budget: Option<u32>,
    /// Justify body text (straight right edges, hyphenated by `language:`); off sets it
    /// ragged right, as most briefs are.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub justify: bool,
    /// False leaves every staff annotation out: the press-safe copy.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub include_annotations: bool,
    /// The handling marking of the press copy (Export → Press copy…); absent for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub press_marking: Option<String>,
    /// The sections, in the order they print.
    pub sections: Vec<Section>,
    /// Annotations on single dossier items, wherever the item prints.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<ItemAnnotation>,
    /// Written by Briefing on each export: what it printed, to tell what changed since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_export: Option<LastExport>,
}

impl Brief {
    /// Records an export in the brief, raising its version to one that holds the record.
    pub fn record_export(&mut self, record: LastExport) {
        self.last_export = Some(record);
        self.version = self.version.max(LAST_EXPORT_VERSION);
    }
}

/// The meeting block on the first page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// What the meeting is for.
    #[serde(default)]
    pub purpose: String,
    /// Bottom line up front: the few points the principal must take in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bottom_line: Vec<String>,
    /// The day of the meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The time, as printed ("14:30–15:15 EST").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub time: String,
    /// Where.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    /// Participants from the dossier's people, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// Other participants, as printed ("Ambassador J. Smith, UK").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_participants: Vec<String>,
}

/// Paper size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PageSize {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 8.5 × 11 in.
    Letter,
}

/// What a section shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// The dossier's overview paragraphs.
    Overview,
    /// Key indicators, as a table.
    Indicators,
    /// People, as a table.
    People,
    /// Organisations, as a table.
    Organizations,
    /// A slice of the timeline, as a table.
    Timeline,
    /// Scenarios, as numbered subsections.
    Scenarios,
    /// Historical precedents, as numbered subsections.
    Precedents,
    /// The sources cited, as numbered endnotes.
    Sources,
    /// Only the staffer's own annotations, e.g. "Talking points".
    Notes,
    /// What changed in the dossier since the brief was last exported.
    Changes,
}

impl SectionKind {
    /// Every kind, in the order a full pack prints them.
    pub const ALL: [SectionKind; 10] = [
        SectionKind::Overview,
        SectionKind::Indicators,
        SectionKind::People,
        SectionKind::Organizations,
        SectionKind::Timeline,
        SectionKind::Scenarios,
        SectionKind::Precedents,
        SectionKind::Notes,
        SectionKind::Sources,
        // Last so that the older kinds keep their places; it prints where the staffer puts it.
        SectionKind::Changes,
    ];

    /// The heading used when the brief gives none.
    pub fn default_heading(self) -> &'static str {
        match self {
            SectionKind::Overview => "Overview",
            SectionKind::Indicators => "Key indicators",
            SectionKind::People => "People",
            SectionKind::Organizations => "Organisations",
            SectionKind::Timeline => "Timeline",
            SectionKind::Scenarios => "Scenarios",
            SectionKind::Precedents => "Historical precedents",
            SectionKind::Sources => "Sources",
            SectionKind::Notes => "Notes",
            SectionKind::Changes => "Since the last brief",
        }
    }

    /// The name used in files, e.g. `organizations`.
    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Overview => "overview",
            SectionKind::Indicators => "indicators",
            SectionKind::People => "people",
            SectionKind::Organizations => "organizations",
            SectionKind::Timeline => "timeline",
            SectionKind::Scenarios => "scenarios",
            SectionKind::Precedents => "precedents",
            SectionKind::Sources => "sources",
            SectionKind::Notes => "notes",
            SectionKind::Changes => "changes",
        }
    }

    /// True for kinds whose items can be picked one by one.
    pub fn has_items(self) -> bool {
        !matches!(
            self,
            SectionKind::Overview | SectionKind::Notes | SectionKind::Changes
        )
    }
}

/// One section of the brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// What the section shows.
    pub kind: SectionKind,
    /// Heading as printed; absent for the kind's default ("Key indicators").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// False keeps the section in the brief but leaves it out of the export.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub included: bool,
    /// The items shown, by id, in dossier order; absent shows all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<String>>,
    /// Timeline only: the first day shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Timeline only: the last day shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// Timeline only: the categories shown; empty shows all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// Timeline only: oldest or newest first.
    #[serde(default, skip_serializing_if = "is_default_order")]
    pub order: Order,
    /// Timeline only: at most this many events, counted from the start of the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    /// The staffer's annotations on the section as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<Annotation>,
}

impl Section {
    /// A section of the kind with every item and no annotations.
    pub fn new(kind: SectionKind) -> Section {
        Section {
            kind,
            heading: None,
            included: true,
            items: None,
            from: None,
            to: None,
            categories: Vec::new(),
            order: Order::default(),
            limit: None,
            annotations: Vec::new(),
        }
    }

    /// The heading as printed.
    pub fn heading_or_default(&self) -> &str {
        match &self.heading {
            Some(h) if !h.trim().is_empty() => h,
            _ => self.kind.default_heading(),
        }
    }
}

/// The order of a timeline slice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    /// Oldest first, as a chronology reads.
    #[default]
    OldestFirst,
    /// Newest first, as a situation update reads.
    NewestFirst,
}

/// What an annotation is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnnotationKind {
    /// Background for the principal.
    #[default]
    Note,
    /// Something the principal should say.
    TalkingPoint,
    /// Something the principal should ask.
    Question,
}

impl AnnotationKind {
    /// Every kind.
    pub const ALL: [AnnotationKind; 3] = [
        AnnotationKind::Note,
        AnnotationKind::TalkingPoint,
        AnnotationKind::Question,
    ];

    /// The label printed on the annotation's box.
    pub fn label(self) -> &'static str {
        match self {
            AnnotationKind::Note => "Staff note",
            AnnotationKind::TalkingPoint => "Talking point",
            AnnotationKind::Question => "Question to ask",
        }
    }

    /// The label printed on a box holding several of this kind.
    pub fn plural_label(self) -> &'static str {
        match self {
            AnnotationKind::Note => "Staff notes",
            AnnotationKind::TalkingPoint => "Talking points",
            AnnotationKind::Question => "Questions to ask",
        }
    }
}

/// A staffer's annotation on a section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Note, talking point or question.
    #[serde(default)]
    pub kind: AnnotationKind,
    /// The text; blank lines separate paragraphs.
    pub text: String,
}

/// A staffer's annotation on one dossier item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemAnnotation {
    /// The id of the dossier item it belongs to.
    pub item: String,
    /// Note, talking point or question.
    #[serde(default)]
    pub kind: AnnotationKind,
    /// The text; blank lines separate paragraphs.
    pub text: String,
    /// Print under the item in every included section that shows it, not only the first.
    #[serde(default, skip_serializing_if = "is_false")]
    pub every_section: bool,
}

impl ItemAnnotation {
    /// The annotation without its target.
    pub fn annotation(&self) -> Annotation {
        Annotation {
            kind: self.kind,
            text: self.text.clone(),
        }
    }
}

fn yes() -> bool {
    true
}

impl Brief {
    /// The press copy of this brief: no staff annotations, the press marking (none unless
    /// set), and without the bottom line and "Prepared for" unless they are kept. The brief
    /// itself is not changed.
    pub fn press_copy(&self, keep_bottom_line: bool, keep_prepared_for: bool) -> Brief {
        let mut copy = self.clone();
        copy.include_annotations = false;
        copy.marking = self.press_marking.clone().unwrap_or_default();
        if !keep_bottom_line {
            copy.meeting.bottom_line.clear();
        }
        if !keep_prepared_for {
            copy.prepared_for.clear();
        }
        copy
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn is_true(value: &bool) -> bool {
    *value
}

fn is_default_order(order: &Order) -> bool {
    *order == Order::default()
}

fn english() -> String {
    "en".to_owned()
}

fn is_english(language: &str) -> bool {
    language == "en"
}
