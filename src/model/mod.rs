//! The data: a [`Dossier`] (what is known) and a [`Brief`] (what a staffer picks from it for
//! one meeting). Plain serde types with no IO; `store` reads and writes them.

mod brief;
mod date;
mod dossier;
mod last_export;

pub use brief::{
    Annotation, AnnotationKind, BRIEF_VERSION, BRIEF_VERSION_PLAIN, Brief, ItemAnnotation, Meeting,
    Order, PageSize, Section, SectionKind,
};
pub use date::{Date, DateError, EventDate};
pub use dossier::{
    Dossier, Event, Indicator, Organization, Person, Precedent, Scenario, Source, Texts,
};
pub use last_export::{LAST_EXPORT_VERSION, LastExport, PrintedItem};

/// The dossier format version this build writes and the newest it reads.
pub const DOSSIER_VERSION: u32 = 1;
