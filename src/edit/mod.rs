//! Changes to a brief ([`brief`]) and to a dossier, in the core: the operations (add, duplicate, delete, move, change an
//! id, rename a category, quick add), the ids they make, and one trait for every kind of item.
//! The app, the importers and the tests use these; no panel edits a dossier by hand.

pub mod brief;
pub mod dossier;
pub mod item;
pub mod slug;
pub mod value;

pub use dossier::{Applied, Edit, EditError, apply, new_id, uses};
pub use item::{Item, Part};
pub use value::{Head, Value};
