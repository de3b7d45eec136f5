//! A whole dossier item as a value, of any kind: what the editor's forms change and hand back
//! in one [`super::Edit::Set`], and the dossier's own fields in one [`Head`].

use super::item::{Item, Part};
use crate::model::{
    Date, Dossier, Event, Indicator, Organization, Person, Precedent, Scenario, Source,
};

/// One item of a dossier, of any kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A key indicator.
    Indicator(Indicator),
    /// A person.
    Person(Person),
    /// An organisation.
    Organization(Organization),
    /// A timeline event.
    Event(Event),
    /// A scenario.
    Scenario(Scenario),
    /// A historical precedent.
    Precedent(Precedent),
    /// A source.
    Source(Source),
}

/// The dossier's own fields: what it is about and how things stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The topic, as a headline.
    pub title: String,
    /// One line under the title.
    pub subtitle: String,
    /// The day it was last brought up to date.
    pub as_of: Date,
    /// The situation, a paragraph per entry.
    pub overview: Vec<String>,
}

impl Head {
    /// The fields of `d`.
    pub fn of(d: &Dossier) -> Head {
        Head {
            title: d.title.clone(),
            subtitle: d.subtitle.clone(),
            as_of: d.as_of,
            overview: d.overview.clone(),
        }
    }

    /// Puts these fields into `d`.
    pub fn put(self, d: &mut Dossier) {
        d.title = self.title;
        d.subtitle = self.subtitle;
        d.as_of = self.as_of;
        d.overview = self.overview;
    }
}

impl Value {
    /// The item of `d` with `id`, as a value.
    pub fn of(d: &Dossier, id: &str) -> Option<Value> {
        fn find<T: Item + Clone>(list: &[T], id: &str) -> Option<T> {
            list.iter().find(|x| x.id() == id).cloned()
        }
        find(&d.indicators, id)
            .map(Value::Indicator)
            .or_else(|| find(&d.people, id).map(Value::Person))
            .or_else(|| find(&d.organizations, id).map(Value::Organization))
            .or_else(|| find(&d.timeline, id).map(Value::Event))
            .or_else(|| find(&d.scenarios, id).map(Value::Scenario))
            .or_else(|| find(&d.precedents, id).map(Value::Precedent))
            .or_else(|| find(&d.sources, id).map(Value::Source))
    }

    /// The list it belongs in.
    pub fn part(&self) -> Part {
        match self {
            Value::Indicator(_) => Part::Indicators,
            Value::Person(_) => Part::People,
            Value::Organization(_) => Part::Organizations,
            Value::Event(_) => Part::Timeline,
            Value::Scenario(_) => Part::Scenarios,
            Value::Precedent(_) => Part::Precedents,
            Value::Source(_) => Part::Sources,
        }
    }

    /// The item, whatever its kind.
    pub fn item(&self) -> &dyn Item {
        match self {
            Value::Indicator(x) => x,
            Value::Person(x) => x,
            Value::Organization(x) => x,
            Value::Event(x) => x,
            Value::Scenario(x) => x,
            Value::Precedent(x) => x,
            Value::Source(x) => x,
        }
    }

    /// Puts the value in place of the item of `d` with the same id; false if there is none.
    pub fn put(self, d: &mut Dossier) -> bool {
        fn put<T: Item>(list: &mut [T], x: T) -> bool {
            match list.iter_mut().find(|y| y.id() == x.id()) {
                Some(slot) => {
                    *slot = x;
                    true
                }
                None => false,
            }
        }
        match self {
            Value::Indicator(x) => put(&mut d.indicators, x),
            Value::Person(x) => put(&mut d.people, x),
            Value::Organization(x) => put(&mut d.organizations, x),
            Value::Event(mut x) => {
                // A date given is a date known: the "needs a date" flag goes with it.
                if x.date.is_some() {
                    x.undated = false;
                }
                put(&mut d.timeline, x)
            }
            Value::Scenario(x) => put(&mut d.scenarios, x),
            Value::Precedent(x) => put(&mut d.precedents, x),
            Value::Source(x) => put(&mut d.sources, x),
        }
    }
}
