//! One trait for every kind of dossier item: its id, the sources it cites and its texts, so
//! code that walks a dossier's items is written once rather than once per kind.

use crate::model::{
    Dossier, Event, Indicator, Organization, Person, Precedent, Scenario, Source, Texts,
};

/// The lists of a dossier that hold items with ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// Key indicators.
    Indicators,
    /// People.
    People,
    /// Organisations.
    Organizations,
    /// Timeline events.
    Timeline,
    /// Scenarios.
    Scenarios,
    /// Historical precedents.
    Precedents,
    /// Sources.
    Sources,
}

impl Part {
    /// Every part, in the file's order.
    pub const ALL: [Part; 7] = [
        Part::Indicators,
        Part::People,
        Part::Organizations,
        Part::Timeline,
        Part::Scenarios,
        Part::Precedents,
        Part::Sources,
    ];

    /// The list's name in the file.
    pub fn key(self) -> &'static str {
        match self {
            Part::Indicators => "indicators",
            Part::People => "people",
            Part::Organizations => "organizations",
            Part::Timeline => "timeline",
            Part::Scenarios => "scenarios",
            Part::Precedents => "precedents",
            Part::Sources => "sources",
        }
    }

    /// The start of ids made for this part, so an id says what it names.
    pub fn id_prefix(self) -> &'static str {
        match self {
            Part::Indicators => "ind-",
            Part::People | Part::Organizations => "",
            Part::Timeline => "ev-",
            Part::Scenarios => "sc-",
            Part::Precedents => "prec-",
            Part::Sources => "src-",
        }
    }
}

/// What every dossier item has.
pub trait Item: Texts {
    /// Its id, unique across the dossier.
    fn id(&self) -> &str;
    /// The same, to change.
    fn id_mut(&mut self) -> &mut String;
    /// The ids of the sources it cites; none for a source itself.
    fn cited(&self) -> &[String];
    /// The same, to change; `None` for a source.
    fn cited_mut(&mut self) -> Option<&mut Vec<String>>;
}

macro_rules! item {
    ($($ty:ty),*) => {$(
        impl Item for $ty {
            fn id(&self) -> &str {
                &self.id
            }
            fn id_mut(&mut self) -> &mut String {
                &mut self.id
            }
            fn cited(&self) -> &[String] {
                &self.sources
            }
            fn cited_mut(&mut self) -> Option<&mut Vec<String>> {
                Some(&mut self.sources)
            }
        }
    )*};
}

item!(Indicator, Person, Organization, Event, Scenario, Precedent);

impl Item for Source {
    fn id(&self) -> &str {
        &self.id
    }
    fn id_mut(&mut self) -> &mut String {
        &mut self.id
    }
    fn cited(&self) -> &[String] {
        &[]
    }
    fn cited_mut(&mut self) -> Option<&mut Vec<String>> {
        None
    }
}

/// Every item of a dossier with its part and index, in the file's order.
pub fn items(d: &Dossier) -> Vec<(Part, usize, &dyn Item)> {
    fn of<T: Item>(part: Part, list: &[T]) -> impl Iterator<Item = (Part, usize, &dyn Item)> {
        list.iter()
            .enumerate()
            .map(move |(i, x)| (part, i, x as &dyn Item))
    }
    of(Part::Indicators, &d.indicators)
        .chain(of(Part::People, &d.people))
        .chain(of(Part::Organizations, &d.organizations))
        .chain(of(Part::Timeline, &d.timeline))
        .chain(of(Part::Scenarios, &d.scenarios))
        .chain(of(Part::Precedents, &d.precedents))
        .chain(of(Part::Sources, &d.sources))
        .collect()
}

/// Every item of a dossier, to change.
pub fn items_mut(d: &mut Dossier) -> Vec<(Part, usize, &mut dyn Item)> {
    fn of<T: Item>(
        part: Part,
        list: &mut [T],
    ) -> impl Iterator<Item = (Part, usize, &mut dyn Item)> {
        list.iter_mut()
            .enumerate()
            .map(move |(i, x)| (part, i, x as &mut dyn Item))
    }
    of(Part::Indicators, &mut d.indicators)
        .chain(of(Part::People, &mut d.people))
        .chain(of(Part::Organizations, &mut d.organizations))
        .chain(of(Part::Timeline, &mut d.timeline))
        .chain(of(Part::Scenarios, &mut d.scenarios))
        .chain(of(Part::Precedents, &mut d.precedents))
        .chain(of(Part::Sources, &mut d.sources))
        .collect()
}

/// Where the item with `id` is: its part and index.
pub fn find(d: &Dossier, id: &str) -> Option<(Part, usize)> {
    items(d)
        .into_iter()
        .find(|(_, _, x)| x.id() == id)
        .map(|(part, i, _)| (part, i))
}
