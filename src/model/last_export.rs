//! The `last_export:` block of a brief: what its last export printed, written by Briefing on
//! each export and read back to tell what changed in the dossier since. Machine-written;
//! briefs/README.md documents it so a reader of the file knows what it is.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Date;

/// The brief format version that introduced `last_export`: older readers refuse unknown
/// fields, so a brief holding the block says so by its version.
pub const LAST_EXPORT_VERSION: u32 = 2;

/// What the last export printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LastExport {
    /// When it was exported, UTC: `"2025-12-02T14:05:00Z"`.
    pub at: String,
    /// The id of the dossier it was made from.
    pub dossier: String,
    /// That dossier's `as_of` date then.
    pub dossier_as_of: Date,
    /// Every dossier item it printed (indicators, people, organisations, events, scenarios,
    /// precedents), once each, in print order.
    #[serde(default)]
    pub items: Vec<PrintedItem>,
}

impl LastExport {
    /// The day of the export, when `at` starts with one.
    pub fn day(&self) -> Option<Date> {
        Date::parse(self.at.get(..10)?).ok()
    }
}

/// One item as the last export printed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrintedItem {
    /// The item's id in the dossier.
    pub id: String,
    /// A short fingerprint of the item's content: 8 hex digits; any edit to the item changes it.
    pub hash: String,
    /// Indicators only: the figure as printed (`"≈19%"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}
