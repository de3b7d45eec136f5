//! The dossier: what is known about one topic. Read from `*.dossier.yaml`, never edited by a
//! brief. Every item carries a stable `id` (a slug) that briefs refer to.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::{Date, EventDate};

/// Everything known about one topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    /// Format version of this file; this build reads version 1.
    pub version: u32,
    /// A slug naming the dossier, e.g. `ukraine-peace-push-2025`.
    pub id: String,
    /// The topic, as a headline.
    pub title: String,
    /// One line under the title.
    #[serde(default)]
    pub subtitle: String,
    /// The day the dossier was last brought up to date.
    pub as_of: Date,
    /// The situation in a few paragraphs.
    #[serde(default)]
    pub overview: Vec<String>,
    /// Key figures and what they mean.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// The people involved.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Governments, blocs and other bodies involved.
    #[serde(default)]
    pub organizations: Vec<Organization>,
    /// Dated, categorised events, in any order.
    #[serde(default)]
    pub timeline: Vec<Event>,
    /// Ways the situation could develop.
    #[serde(default)]
    pub scenarios: Vec<Scenario>,
    /// Historical precedents and why they matter.
    #[serde(default)]
    pub precedents: Vec<Precedent>,
    /// Where the facts come from; items cite these by id.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// A key figure, written as it should be printed ("≈19%", "2M+").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable slug.
    pub id: String,
    /// The figure as printed.
    pub value: String,
    /// What the figure counts.
    pub label: String,
    /// What it means, in a sentence or two.
    #[serde(default)]
    pub detail: String,
    /// When the figure was true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// Ids of the sources behind it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A person involved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable slug.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Office or title.
    pub role: String,
    /// Where they stand and what they are doing.
    #[serde(default)]
    pub stance: String,
    /// Ids of the sources behind it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A government, bloc or other body involved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Stable slug.
    pub id: String,
    /// Name.
    pub name: String,
    /// What kind of body it is ("Government", "Supranational bloc").
    #[serde(default)]
    pub kind: String,
    /// Its position now, in a line.
    #[serde(default)]
    pub status: String,
    /// What it is doing, in a sentence or two.
    #[serde(default)]
    pub summary: String,
    /// Ids of the sources behind it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A dated event on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable slug.
    pub id: String,
    /// When: a day, a month, a year or a window of days. Absent only while the event is
    /// marked `undated` (an import from a page that gives no dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EventDate>,
    /// True while the date is not yet known: validation warns "needs a date", and the event
    /// prints after the dated ones, in dossier order, marked "undated".
    #[serde(default, skip_serializing_if = "is_false")]
    pub undated: bool,
    /// True when the date is not firmly established.
    #[serde(default, skip_serializing_if = "is_false")]
    pub approximate: bool,
    /// Category used to slice the timeline ("Public statement", "Summit").
    pub category: String,
    /// What happened, as a headline.
    pub title: String,
    /// What happened, in a sentence or two.
    #[serde(default)]
    pub summary: String,
    /// Ids of the sources behind it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A way the situation could develop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable slug.
    pub id: String,
    /// The scenario, as a headline.
    pub title: String,
    /// Who discusses it.
    #[serde(default)]
    pub discussed_by: String,
    /// How it would unfold.
    #[serde(default)]
    pub summary: String,
    /// Ids of the sources behind it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A historical precedent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Precedent {
    /// Stable slug.
    pub id: String,
    /// Name of the precedent.
    pub title: String,
    /// When, as printed ("1950–1953; armistice signed 27 July 1953").
    #[serde(default)]
    pub period: String,
    /// What happened.
    #[serde(default)]
    pub what_happened: String,
    /// The outcome in the short term.
    #[serde(default)]
    pub short_term: String,
    /// The outcome in the long term.
    #[serde(default)]
    pub long_term: String,
    /// Why it matters for this topic.
    #[serde(default)]
    pub relevance: String,
    /// Ids of the sources behind it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A document the dossier draws on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable slug.
    pub id: String,
    /// Who published it.
    pub publisher: String,
    /// Its title.
    pub title: String,
    /// When it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EventDate>,
    /// Author or authors, if named.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// Where to find it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Dossier {
    /// A dossier with nothing in it yet, on `title`, as of `as_of`: valid as it is.
    pub fn empty(id: &str, title: &str, as_of: Date) -> Dossier {
        Dossier {
            version: super::DOSSIER_VERSION,
            id: if id.is_empty() {
                "dossier".into()
            } else {
                id.to_owned()
            },
            title: title.to_owned(),
            subtitle: String::new(),
            as_of,
            overview: Vec::new(),
            indicators: Vec::new(),
            people: Vec::new(),
            organizations: Vec::new(),
            timeline: Vec::new(),
            scenarios: Vec::new(),
            precedents: Vec::new(),
            sources: Vec::new(),
        }
    }
}

impl Event {
    /// The date as printed in tables: "2 Dec 2025", or "undated".
    pub fn date_label(&self) -> String {
        self.date
            .map_or_else(|| "undated".to_owned(), EventDate::display_short)
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// The text fields of a dossier item, by their names in the file: what checks of text
/// (length, glyphs) walk, so every check sees the same fields.
pub trait Texts {
    /// A short name for the item in messages.
    fn name(&self) -> &str;
    /// The field that name is in, by its name in the file ("title", "name", "label").
    fn name_key(&self) -> &'static str;
    /// Each text field, by name.
    fn texts(&self) -> Vec<(&'static str, &String)>;
    /// Each text field, by name, to change.
    fn texts_mut(&mut self) -> Vec<(&'static str, &mut String)>;
}

macro_rules! texts {
    ($item:ty, $name:ident, [$($field:ident),*]) => {
        impl Texts for $item {
            fn name(&self) -> &str {
                &self.$name
            }
            fn name_key(&self) -> &'static str {
                stringify!($name)
            }
            fn texts(&self) -> Vec<(&'static str, &String)> {
                vec![$((stringify!($field), &self.$field)),*]
            }
            fn texts_mut(&mut self) -> Vec<(&'static str, &mut String)> {
                vec![$((stringify!($field), &mut self.$field)),*]
            }
        }
    };
}

texts!(Indicator, label, [value, label, detail]);
texts!(Person, name, [name, role, stance]);
texts!(Organization, name, [name, kind, status, summary]);
texts!(Event, title, [category, title, summary]);
texts!(Scenario, title, [title, discussed_by, summary]);
texts!(
    Precedent,
    title,
    [
        title,
        period,
        what_happened,
        short_term,
        long_term,
        relevance
    ]
);
texts!(Source, title, [publisher, title, author]);
