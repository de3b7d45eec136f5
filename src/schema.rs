//! JSON Schemas for both file formats, generated from the same Rust types serde reads, so
//! a YAML-aware editor validates and completes what Briefing will accept.

use crate::model::{Brief, Dossier};

/// The JSON Schema of `*.brief.yaml`, pretty-printed.
pub fn brief_schema() -> String {
    pretty(&schemars::schema_for!(Brief))
}

/// The JSON Schema of `*.dossier.yaml`, pretty-printed.
pub fn dossier_schema() -> String {
    pretty(&schemars::schema_for!(Dossier))
}

fn pretty(schema: &schemars::Schema) -> String {
    // A Schema is a JSON value; printing one cannot fail.
    serde_json::to_string_pretty(schema).unwrap_or_default() + "\n"
}
