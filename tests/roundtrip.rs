//! Property test: any brief the app can make survives save -> load unchanged, whatever the
//! text in it (quotes, colons, YAML keywords, leading spaces, any Unicode).

#![allow(clippy::unwrap_used)]

use briefing::model::{
    Annotation, AnnotationKind, BRIEF_VERSION, Brief, Date, ItemAnnotation, Meeting, Order,
    PageSize, Section, SectionKind,
};
use briefing::store;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        "[a-z ]{0,20}",
        Just("yes".to_owned()),
        Just("~".to_owned()),
        Just("null".to_owned()),
        Just("- not a list".to_owned()),
        Just("key: value # not a comment".to_owned()),
        Just("  leading and trailing  ".to_owned()),
        Just("line one\nline two\n\nafter a blank".to_owned()),
        Just("Привет ≈ € £ 28\u{2011}point".to_owned()),
    ]
}

fn date() -> impl Strategy<Value = Option<Date>> {
    proptest::option::of(
        (1900i32..2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap()),
    )
}

fn kind() -> impl Strategy<Value = AnnotationKind> {
    prop_oneof![
        Just(AnnotationKind::Note),
        Just(AnnotationKind::TalkingPoint),
        Just(AnnotationKind::Question)
    ]
}

fn annotation() -> impl Strategy<Value = Annotation> {
    (kind(), text()).prop_map(|(kind, text)| Annotation { kind, text })
}

fn section() -> impl Strategy<Value = Section> {
    (
        0usize..SectionKind::ALL.len(),
        proptest::option::of(text()),
        any::<bool>(),
        proptest::option::of(proptest::collection::vec("[a-z0-9-]{1,12}", 0..4)),
        (
            date(),
            date(),
            proptest::collection::vec(text(), 0..3),
            any::<bool>(),
            proptest::option::of(0usize..50),
        ),
        proptest::collection::vec(annotation(), 0..3),
    )
        .prop_map(
            |(k, heading, included, items, (from, to, categories, newest, limit), annotations)| {
                Section {
                    kind: SectionKind::ALL[k],
                    heading,
                    included,
                    items,
                    from,
                    to,
                    categories,
                    order: if newest {
                        Order::NewestFirst
                    } else {
                        Order::OldestFirst
                    },
                    limit,
                    annotations,
                }
            },
        )
}

fn brief() -> impl Strategy<Value = Brief> {
    (
        (text(), text(), proptest::option::of("[a-z./-]{1,20}")),
        (
            text(),
            proptest::collection::vec(text(), 0..3),
            date(),
            text(),
            text(),
        ),
        proptest::collection::vec(text(), 0..3),
        (text(), text(), text(), any::<bool>(), any::<bool>()),
        proptest::collection::vec(section(), 0..5),
        proptest::collection::vec(("[a-z0-9-]{1,12}", kind(), text()), 0..3),
    )
        .prop_map(
            |(
                (title, subtitle, dossier),
                (purpose, bottom_line, date, time, location),
                others,
                (pf, pb, marking, letter, ann),
                sections,
                notes,
            )| Brief {
                version: BRIEF_VERSION,
                dossier,
                title,
                subtitle,
                meeting: Meeting {
                    purpose,
                    bottom_line,
                    date,
                    time,
                    location,
                    participants: Vec::new(),
                    other_participants: others,
                },
                prepared_for: pf,
                prepared_by: pb,
                marking,
                page_size: if letter {
                    PageSize::Letter
                } else {
                    PageSize::A4
                },
                language: "en".to_owned(),
                page_budget: None,
                justify: letter,
                include_annotations: ann,
                press_marking: None,
                sections,
                annotations: notes
                    .into_iter()
                    .map(|(item, kind, text)| ItemAnnotation {
                        item,
                        kind,
                        text,
                        every_section: false,
                    })
                    .collect(),
                last_export: None,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn save_then_load_gives_the_same_brief(brief in brief()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("generated.brief.yaml");
        store::save_brief(&path, &brief).unwrap();
        let back = store::read_brief(&path).map_err(|e| TestCaseError::fail(e.to_string()))?.doc;
        prop_assert_eq!(back, brief);
    }
}
