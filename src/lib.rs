//! Briefing: meeting briefs made from a dossier.
//!
//! The pipeline is pure and runs without a window: [`store`] reads a [`model::Brief`] and its
//! [`model::Dossier`] from YAML, [`validate`] lists every problem, [`compose`] resolves the
//! brief into exactly what prints, and [`pdf`] turns that into bytes. The CLI and the desktop
//! app are thin shells over these.

pub mod atomic;
pub mod budget;
pub mod changes;
pub mod cli;
pub mod compose;
pub mod edit;
pub mod export;
pub mod fields;
pub mod fingerprint;
pub mod guard;
#[cfg(feature = "gui")]
pub mod gui;
pub mod import;
pub mod layout;
pub mod limits;
pub mod locate;
pub mod model;
pub mod opened;
pub mod pdf;
pub mod problem;
pub mod schema;
pub mod start;
pub mod store;
pub mod synthetic;
pub mod validate;
pub mod wording;
pub mod yaml_patch;

pub use compose::{Composed, compose};
pub use opened::Opened;
pub use problem::{Problem, Severity};
