//! The exported PDF read back as a reader sees it: chosen sections present, dropped ones
//! absent, annotations present unless left out, the right paper size.

mod common;

use briefing::model::{AnnotationKind, ItemAnnotation, PageSize, Section, SectionKind};
use common::{all_text, export, folded, open_sample, page_size_pt};

#[test]
fn chosen_sections_print_and_unticked_ones_do_not() {
    let opened = open_sample("background-pack.brief.yaml");
    let mut brief = opened.brief.doc.clone();
    let dossier = &opened.dossier.doc;
    for s in &mut brief.sections {
        if matches!(s.kind, SectionKind::Precedents | SectionKind::People) {
            s.included = false;
        }
    }
    let text = all_text(&export(&opened, &brief));
    assert!(!text.contains("Historical precedents"));
    for p in &dossier.precedents {
        assert!(
            !text.contains(&folded(&p.title)),
            "dropped precedent printed: {}",
            p.title
        );
    }
    assert!(!text.contains("Stance"), "people table printed");
    for s in &dossier.scenarios {
        assert!(
            text.contains(&folded(&s.title)),
            "scenario missing: {}",
            s.title
        );
    }
}

#[test]
fn chosen_items_print_and_others_do_not() {
    let opened = open_sample("background-pack.brief.yaml");
    let dossier = &opened.dossier.doc;
    let mut brief = opened.brief.doc.clone();
    let mut people = Section::new(SectionKind::People);
    people.items = Some(vec![dossier.people[0].id.clone()]);
    brief.sections = vec![people];
    let text = all_text(&export(&opened, &brief));
    assert!(text.contains(&folded(&dossier.people[0].name)));
    assert!(!text.contains(&folded(&dossier.people[1].name)));
}

#[test]
fn annotations_print_in_boxes_and_the_press_copy_leaves_them_out() {
    let opened = open_sample("background-pack.brief.yaml");
    let dossier = &opened.dossier.doc;
    let mut brief = opened.brief.doc.clone();
    let event = &dossier.timeline[0];
    brief.annotations.push(ItemAnnotation {
        item: event.id.clone(),
        kind: AnnotationKind::TalkingPoint,
        text: "Stress the sequencing: ceasefire, then territory.".into(),
        every_section: false,
    });
    let text = all_text(&export(&opened, &brief));
    assert!(text.contains("Stress the sequencing: ceasefire, then territory."));
    assert!(text.contains("TALKING POINT"));

    brief.include_annotations = false;
    let text = all_text(&export(&opened, &brief));
    assert!(!text.contains("Stress the sequencing"));
    for a in &brief.annotations {
        assert!(
            !text.contains(&folded(&a.text)),
            "annotation in press copy: {}",
            a.text
        );
    }
    assert!(
        text.contains(&folded(&event.title)),
        "the item itself still prints"
    );
}

#[test]
fn a_slice_prints_exactly_its_events() {
    let opened = open_sample("principal-premeeting.brief.yaml");
    let dossier = &opened.dossier.doc;
    let mut brief = opened.brief.doc.clone();
    let mut slice = Section::new(SectionKind::Timeline);
    slice.from = briefing::model::Date::new(2022, 1, 1);
    slice.to = briefing::model::Date::new(2022, 12, 31);
    brief.sections = vec![slice];
    let text = all_text(&export(&opened, &brief));
    for e in &dossier.timeline {
        let in_2022 = e.date.unwrap().to_string().starts_with("2022");
        assert_eq!(text.contains(&folded(&e.title)), in_2022, "{}", e.title);
    }
}

#[test]
fn paper_size_follows_the_brief() {
    let opened = open_sample("principal-premeeting.brief.yaml");
    let mut brief = opened.brief.doc.clone();
    brief.page_size = PageSize::A4;
    let (w, h) = page_size_pt(&export(&opened, &brief));
    assert!(
        (w - 595.3).abs() < 1.0 && (h - 841.9).abs() < 1.0,
        "A4 is {w}x{h}"
    );
    brief.page_size = PageSize::Letter;
    let (w, h) = page_size_pt(&export(&opened, &brief));
    assert!(
        (w - 612.0).abs() < 1.0 && (h - 792.0).abs() < 1.0,
        "Letter is {w}x{h}"
    );
}

#[test]
fn contents_list_names_every_section_with_its_page() {
    let opened = open_sample("background-pack.brief.yaml");
    let pdf = export(&opened, &opened.brief.doc);
    let first = &common::pages_text(&pdf)[0];
    assert!(first.contains("CONTENTS"));
    let composed = briefing::compose(&opened.dossier.doc, &opened.brief.doc);
    for s in &composed.sections {
        assert!(
            first.contains(&format!("{} {}", s.number, s.heading)),
            "{}",
            s.heading
        );
    }
}

#[test]
fn every_script_prints_and_a_character_no_font_has_is_reported() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts/scripts.brief.yaml");
    let opened = briefing::Opened::open(&path).unwrap();
    let composed = briefing::compose(&opened.dossier.doc, &opened.brief.doc);
    let rendered = briefing::export::render(&composed, &Default::default()).unwrap();
    let text = all_text(&rendered.bytes);
    for words in [
        "Москва и Киев: переговоры продолжаются.",
        "Η Αθήνα παρακολουθεί.",
        "≈ €50 bn, or £43 bn",
        "Иван Иванов",
        "Συνάντηση πέντε ωρών.",
        "ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ — ΕΜΠΙΣΤΕΥΤΙΚΟ",
    ] {
        assert!(text.contains(words), "missing {words:?} in {text}");
    }
    // The non-breaking hyphen prints (Roboto has it) and reads back as a hyphen.
    assert!(
        text.contains("28-point plan") || text.contains("28\u{2011}point plan"),
        "{text}"
    );
    // Arabic, Hebrew and a brief's symbols print in the bundled faces; format characters
    // do their job undrawn (a soft hyphen breaks nothing mid-line, a joiner draws nothing).
    for words in [
        "Plan \u{2192} deal \u{21d2} peace; \u{2260} \u{2264} \u{2265} \u{2713} \u{2116} \u{bd}",
        "Verhandlungs\u{ad}bereitschafts\u{ad}erklärung",
    ] {
        let plain: String = words.chars().filter(|c| *c != '\u{ad}').collect();
        assert!(text.contains(&plain), "missing {plain:?} in {text}");
    }
    // The one character no font has (U+10FFFD) prints as a stand-in that carries it as its
    // text, and is reported, once, with its place.
    assert_eq!(rendered.missing.len(), 1, "{:?}", rendered.missing);
    let m = &rendered.missing[0];
    assert_eq!(m.ch, '\u{10FFFD}');
    assert!(
        m.describe().contains("section 2 \"People\": Иван Иванов"),
        "{}",
        m.describe()
    );
    assert!(
        text.contains("signs with \u{270D} and \u{10FFFD} in the margin"),
        "{text}"
    );
    let fonts = common::font_names(&rendered.bytes);
    assert!(
        fonts
            .iter()
            .any(|f| f.ends_with("+NotoSansSymbols2-Regular")),
        "{fonts:?}"
    );
}
