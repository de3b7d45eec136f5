//! What changed since the brief was last exported: (Dossier, Brief's `last_export`, what the
//! brief prints now) -> [`Changes`]. Pure. [`record`] makes the `last_export` block an export
//! writes; [`changes`] compares it with the dossier as it is now. `compose` puts the result
//! in [`crate::Composed::changes`], so the PDF's "Since the last brief" box, the app's
//! summary and badges, and `briefing changes` all say the same.
//!
//! Items are compared by id and by a fingerprint of their content; sources are left out (a
//! bibliography entry is not news) and so is the overview (it is not an item).

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::compose::{Body, Composed};
use crate::model::{Date, Dossier, LastExport, PrintedItem};

/// What changed since the last export.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Changes {
    /// The last export this is measured from; `None` for the first brief on this dossier.
    pub since: Option<Since>,
    /// Items the brief prints now that the last export did not.
    pub new: Vec<Change>,
    /// Items printed both times whose content changed.
    pub changed: Vec<Change>,
    /// Items the last export printed that the brief no longer prints.
    pub removed: Vec<Removed>,
}

/// The export changes are measured from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Since {
    /// When, as recorded: `"2025-12-02T14:05:00Z"`.
    pub at: String,
    /// Its day, when the record has one.
    pub day: Option<Date>,
    /// The dossier's `as_of` then.
    pub dossier_as_of: Date,
}

/// A new or changed item, where it prints now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Its id.
    pub id: String,
    /// What kind of item it is.
    pub kind: ItemKind,
    /// The brief's first section that prints it (its index in `sections`).
    pub section: usize,
    /// How it is named: an event's "8 Dec 2025 — title", an indicator's label, a name.
    pub label: String,
    /// Indicators: the figure the last export printed, when it differs.
    pub old_value: Option<String>,
    /// Indicators: the figure now.
    pub value: Option<String>,
}

/// The arrow between an old and a new figure on the page and in the window: Roboto has no
/// U+2192 "→", the fallback face has this one.
pub const PRINTED_ARROW: &str = "\u{2b62}";

impl Change {
    /// As listed on a terminal: "8 Dec 2025 — Talks in Miami", "Territory held: ≈19% → ≈20%".
    pub fn text(&self) -> String {
        self.text_with("\u{2192}")
    }

    /// As printed and shown in the window, with an arrow the faces have.
    pub fn printed_text(&self) -> String {
        self.text_with(PRINTED_ARROW)
    }

    fn text_with(&self, arrow: &str) -> String {
        let label = self.label.trim();
        match (&self.old_value, &self.value) {
            (Some(old), Some(new)) => format!("{label}: {old} {arrow} {new}"),
            (None, Some(new)) => format!("{label}: {new}"),
            _ => label.to_owned(),
        }
    }
}

/// An item the last export printed and the brief no longer prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Removed {
    /// Its id.
    pub id: String,
    /// Indicators: the figure last printed.
    pub value: Option<String>,
    /// How it is named, when the dossier still has it.
    pub label: Option<String>,
    /// True when the dossier still has it (the brief no longer selects it); false when it is
    /// gone from the dossier.
    pub in_dossier: bool,
}

impl Removed {
    /// As listed: "Territory held, last ≈19% (no longer selected)", "ev-2 (removed from the
    /// dossier)".
    pub fn text(&self) -> String {
        let name = self.label.as_deref().map_or(self.id.as_str(), str::trim);
        let value = self
            .value
            .as_ref()
            .map(|v| format!(", last {v}"))
            .unwrap_or_default();
        let why = if self.in_dossier {
            "no longer selected"
        } else {
            "removed from the dossier"
        };
        format!("{name}{value} ({why})")
    }
}

/// The kinds of item a brief prints and changes are told for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A key figure.
    Indicator,
    /// A person.
    Person,
    /// An organisation.
    Organization,
    /// A timeline event.
    Event,
    /// A scenario.
    Scenario,
    /// A precedent.
    Precedent,
}

impl ItemKind {
    /// "event", "events": for summaries.
    pub fn noun(self, count: usize) -> &'static str {
        let (one, many) = match self {
            ItemKind::Indicator => ("indicator", "indicators"),
            ItemKind::Person => ("person", "people"),
            ItemKind::Organization => ("organisation", "organisations"),
            ItemKind::Event => ("event", "events"),
            ItemKind::Scenario => ("scenario", "scenarios"),
            ItemKind::Precedent => ("precedent", "precedents"),
        };
        if count == 1 { one } else { many }
    }
}

impl Changes {
    /// True when there is nothing to report (or no earlier export).
    pub fn is_empty(&self) -> bool {
        self.new.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }

    /// True when the dossier itself changed since the export: something new, changed or
    /// removed from it. Items the staffer stopped selecting are the staffer's own doing.
    pub fn dossier_changed(&self) -> bool {
        !self.new.is_empty()
            || !self.changed.is_empty()
            || self.removed.iter().any(|r| !r.in_dossier)
    }

    /// The state of an item for badges: new, changed, or neither.
    pub fn badge(&self, id: &str) -> Option<Badge> {
        if self.new.iter().any(|c| c.id == id) {
            Some(Badge::New)
        } else if self.changed.iter().any(|c| c.id == id) {
            Some(Badge::Changed)
        } else {
            None
        }
    }

    /// One line: "3 new events in your slices, 1 indicator changed, 1 item removed from the
    /// dossier".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        for (kind, count) in counted(&self.new) {
            let place = if kind == ItemKind::Event {
                " in your slices"
            } else {
                ""
            };
            parts.push(format!("{count} new {}{place}", kind.noun(count)));
        }
        for (kind, count) in counted(&self.changed) {
            parts.push(format!("{count} {} changed", kind.noun(count)));
        }
        let gone = self.removed.iter().filter(|r| !r.in_dossier).count();
        if gone > 0 {
            let noun = if gone == 1 { "item" } else { "items" };
            parts.push(format!("{gone} {noun} removed from the dossier"));
        }
        let unselected = self.removed.len() - gone;
        if unselected > 0 {
            let noun = if unselected == 1 { "item" } else { "items" };
            parts.push(format!("{unselected} {noun} no longer selected"));
        }
        if parts.is_empty() {
            "nothing has changed".to_owned()
        } else {
            parts.join(", ")
        }
    }
}

/// Counts by kind, in the order kinds first appear.
fn counted(list: &[Change]) -> Vec<(ItemKind, usize)> {
    let mut out: Vec<(ItemKind, usize)> = Vec::new();
    for c in list {
        match out.iter_mut().find(|(k, _)| *k == c.kind) {
            Some((_, n)) => *n += 1,
            None => out.push((c.kind, 1)),
        }
    }
    out
}

/// How an item is marked in the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Badge {
    /// Printed now, not last time.
    New,
    /// Its content changed since the last export.
    Changed,
}

impl Badge {
    /// The badge's text.
    pub fn label(self) -> &'static str {
        match self {
            Badge::New => "NEW",
            Badge::Changed => "CHANGED",
        }
    }
}

/// An item the brief prints: id, kind, section index.
#[derive(Debug, Clone, PartialEq)]
pub struct Printed {
    /// Its id.
    pub id: String,
    /// Its kind.
    pub kind: ItemKind,
    /// The first section printing it.
    pub section: usize,
}

/// Every item the composed sections print, once each, in print order.
pub fn printed(sections: &[crate::compose::ComposedSection]) -> Vec<Printed> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for s in sections {
        let ids: Vec<(&str, ItemKind)> = match &s.body {
            Body::Indicators(rows) => ids(rows, ItemKind::Indicator),
            Body::People(rows) => ids(rows, ItemKind::Person),
            Body::Organizations(rows) => ids(rows, ItemKind::Organization),
            Body::Timeline { rows, .. } => ids(rows, ItemKind::Event),
            Body::Scenarios(rows) => ids(rows, ItemKind::Scenario),
            Body::Precedents(rows) => ids(rows, ItemKind::Precedent),
            Body::Overview(_) | Body::Sources(_) | Body::Notes | Body::Changes => Vec::new(),
        };
        for (id, kind) in ids {
            if seen.insert(id.to_owned()) {
                out.push(Printed {
                    id: id.to_owned(),
                    kind,
                    section: s.index,
                });
            }
        }
    }
    out
}

fn ids<T: crate::edit::Item>(
    rows: &[crate::compose::Row<T>],
    kind: ItemKind,
) -> Vec<(&str, ItemKind)> {
    rows.iter().map(|r| (r.item.id(), kind)).collect()
}

/// The `last_export` record of an export of `composed` at `at` (`"2025-12-02T14:05:00Z"`).
/// Fingerprints are taken of the dossier's items, not of the composed copies, which the PDF
/// may have changed (a character no font has).
pub fn record(dossier: &Dossier, composed: &Composed, at: String) -> LastExport {
    let items = Items::of(dossier);
    LastExport {
        at,
        dossier: dossier.id.clone(),
        dossier_as_of: dossier.as_of,
        items: printed(&composed.sections)
            .iter()
            .filter_map(|p| {
                let item = items.get(&p.id)?;
                Some(PrintedItem {
                    id: p.id.clone(),
                    hash: item.hash.clone(),
                    value: item.value.clone(),
                })
            })
            .collect(),
    }
}

/// What changed since `last` (the brief's `last_export`), given the items the brief's
/// sections print now. A record of another dossier counts as no record: the first brief on
/// this one.
pub fn changes(dossier: &Dossier, last: Option<&LastExport>, now: &[Printed]) -> Changes {
    let Some(last) = last.filter(|l| l.dossier == dossier.id) else {
        return Changes::default();
    };
    let items = Items::of(dossier);
    let before: HashMap<&str, &PrintedItem> =
        last.items.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut out = Changes {
        since: Some(Since {
            at: last.at.clone(),
            day: last.day(),
            dossier_as_of: last.dossier_as_of,
        }),
        ..Changes::default()
    };
    for p in now {
        let Some(item) = items.get(&p.id) else {
            continue;
        };
        let change = |old_value: Option<String>| Change {
            id: p.id.clone(),
            kind: p.kind,
            section: p.section,
            label: item.label.clone(),
            old_value,
            value: item.value.clone(),
        };
        match before.get(p.id.as_str()) {
            None => out.new.push(change(None)),
            Some(old) if old.hash != item.hash => {
                let old_value = old.value.clone().filter(|v| Some(v) != item.value.as_ref());
                out.changed.push(change(old_value));
            }
            Some(_) => {}
        }
    }
    let shown: HashSet<&str> = now.iter().map(|p| p.id.as_str()).collect();
    for old in &last.items {
        if shown.contains(old.id.as_str()) {
            continue;
        }
        let item = items.get(&old.id);
        out.removed.push(Removed {
            id: old.id.clone(),
            value: old.value.clone(),
            label: item.map(|i| i.label.clone()),
            in_dossier: item.is_some(),
        });
    }
    out
}

/// A dossier item's fingerprint, name and (for indicators) figure.
struct Item {
    hash: String,
    label: String,
    value: Option<String>,
}

struct Items(HashMap<String, Item>);

impl Items {
    fn of(d: &Dossier) -> Items {
        let mut items = Items(HashMap::new());
        for x in &d.indicators {
            items.add(x, x.label.clone(), Some(x.value.clone()));
        }
        items.named(&d.people);
        items.named(&d.organizations);
        for x in &d.timeline {
            let date = x
                .date
                .map_or_else(|| "undated".to_owned(), |d| d.display_short());
            let label = format!("{date} \u{2014} {}", x.title.trim());
            items.add(x, label, None);
        }
        items.named(&d.scenarios);
        items.named(&d.precedents);
        items
    }

    /// Every item of a list, under its name. The fingerprint serialises the concrete type,
    /// so this stays generic rather than walking `edit::item::items`.
    fn named<T: crate::edit::Item + Serialize>(&mut self, list: &[T]) {
        for x in list {
            self.add(x, x.name().to_owned(), None);
        }
    }

    fn add<T: crate::edit::Item + Serialize>(
        &mut self,
        x: &T,
        label: String,
        value: Option<String>,
    ) {
        let hash = hash(x);
        self.0
            .insert(x.id().to_owned(), Item { hash, label, value });
    }

    fn get(&self, id: &str) -> Option<&Item> {
        self.0.get(id)
    }
}

/// 8 hex digits of FNV-1a over the item as JSON: the same in every build and on every
/// machine, and changed by any edit of any field.
fn hash<T: Serialize>(item: &T) -> String {
    // Serialising plain data to JSON cannot fail; an empty text would still fingerprint.
    let json = serde_json::to_vec(item).unwrap_or_default();
    let full = crate::fingerprint::fnv1a(&json);
    format!("{:08x}", (full >> 32) ^ (full & 0xffff_ffff))
}

#[cfg(test)]
mod tests;
