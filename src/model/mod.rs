//! The data: a [`Dossier`] (what is known) and a [`Brief`] (what a staffer picks from it for
//! one meeting). Plain serde types with no IO; `store` reads and writes them.

mod brief;
mod date;
mod dossier;

pub use brief::{
    Annotation, AnnotationKind, BRIEF_VERSION, Brief, ItemAnnotation, Meeting, Order, PageSize,
    Section, SectionKind,
};
pub use date::{Date, DateError, EventDate};
pub use dossier::{
    Dossier, Event, Indicator, Organization, Person, Precedent, Scenario, Source, Texts,
};

/// The dossier format version this build writes and the newest it reads.
pub const DOSSIER_VERSION: u32 = 1;
