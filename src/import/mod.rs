//! What the research desk writes, brought into a dossier: a story page becomes a new
//! dossier ([`story`]), a spreadsheet of events adds to one ([`events`]). Pure: text in,
//! dossier and located problems out; the CLI and the app read and write the files.

pub mod dates;
pub mod events;
pub mod slug;
pub mod story;

pub use events::{EventsImport, Separator, import_events};
pub use story::{StoryImport, import_story};
