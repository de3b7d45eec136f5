//! Generated dossiers and briefs of any size, for benchmarks and tests of large input: the
//! default dossier's events repeated with fresh ids and dates, one a day going back.

use crate::model::{Brief, Date, Dossier, EventDate, Section, SectionKind};
use crate::store;

/// The default dossier with `events` timeline events.
pub fn dossier_with_events(events: usize) -> Dossier {
    // The built-in dossier is compiled in and checked by the tests.
    let mut dossier = match store::default_dossier() {
        Ok(d) => d.doc,
        Err(e) => panic!("the built-in dossier does not load: {e}"),
    };
    let seed = dossier.timeline.clone();
    let mut day = dossier.as_of;
    dossier.timeline = (0..events)
        .map(|i| {
            let mut event = seed[i % seed.len()].clone();
            event.id = format!("ev-generated-{i:06}");
            event.date = Some(EventDate::Day(day));
            event.undated = false;
            event.approximate = false;
            day = previous_day(day);
            event
        })
        .collect();
    dossier
}

/// A brief that shows every section of a dossier, with two timeline slices.
pub fn full_brief() -> Brief {
    let mut sections: Vec<Section> = SectionKind::ALL.iter().map(|k| Section::new(*k)).collect();
    let mut recent = Section::new(SectionKind::Timeline);
    recent.heading = Some("The last month".into());
    recent.from = Date::new(2025, 11, 7);
    sections.insert(5, recent);
    let as_of = Date {
        year: 2025,
        month: 12,
        day: 1,
    };
    let mut brief = crate::start::brief_on(&Dossier::empty("", "", as_of), None);
    brief.version = crate::model::BRIEF_VERSION;
    brief.title = "Generated brief".into();
    brief.subtitle = String::new();
    brief.sections = sections;
    brief
}

fn previous_day(d: Date) -> Date {
    if d.day > 1 {
        return Date {
            day: d.day - 1,
            ..d
        };
    }
    let (year, month) = if d.month > 1 {
        (d.year, d.month - 1)
    } else {
        (d.year - 1, 12)
    };
    (28..=31)
        .rev()
        .find_map(|day| Date::new(year, month, day))
        .unwrap_or(d)
}
