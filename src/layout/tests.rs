//! Layout tests: what a reader of the pages would find — every word, whole; structure; page
//! breaks.

use super::lay_out;
use super::pages::{Item, Pages, Role, Tag, Target};
use crate::compose::compose;
use crate::model::{AnnotationKind, Brief, Dossier, Section, SectionKind};
use crate::synthetic;

fn default_dossier() -> Dossier {
    crate::store::default_dossier().unwrap().doc
}

fn pages_of(dossier: &Dossier, brief: &Brief) -> Pages {
    lay_out(&compose(dossier, brief)).unwrap().pages
}

/// The text of the pages with all whitespace removed, so a word broken across lines reads
/// whole.
fn squeezed(pages: &Pages) -> String {
    pages.text().split_whitespace().collect()
}

const LONG_URL: &str = "https://www.example.org/reports/2025/12/ukraine-peace-framework-draft-analysis-and-annotated-text-of-the-twenty-eight-points?ref=briefing&section=appendix-b";
const EMAIL: &str =
    "first.lastname.of.a.very.long.address@directorate-general.foreign-affairs.example.gov";
const COMPOUND: &str =
    "Zaporizhzhia-nuclear-power-plant-administration-under-international-supervision-arrangement";

fn hostile() -> (Dossier, Brief) {
    let mut dossier = default_dossier();
    dossier.sources[0].url = Some(LONG_URL.to_owned());
    dossier.people[0].stance = format!("Write to {EMAIL} for the readout.");
    dossier.people[1].role = COMPOUND.to_owned();
    dossier.timeline[0].category = "Extraordinarily-long-category-name-that-cannot-fit".to_owned();
    let mut brief = synthetic::full_brief();
    brief.meeting.bottom_line = vec![format!("See {LONG_URL} before the meeting.")];
    let mut notes = Section::new(SectionKind::Notes);
    notes.annotations.push(crate::model::Annotation {
        kind: AnnotationKind::TalkingPoint,
        text: format!("Send {EMAIL} the {COMPOUND} paper and {LONG_URL}"),
    });
    brief.sections.push(notes);
    (dossier, brief)
}

#[test]
fn no_word_is_dropped_however_long() {
    let (dossier, brief) = hostile();
    let pages = pages_of(&dossier, &brief);
    let text = squeezed(&pages);
    for word in [
        LONG_URL,
        EMAIL,
        COMPOUND,
        "Extraordinarily-long-category-name-that-cannot-fit",
    ] {
        assert!(text.contains(word), "{word} is missing from the pages");
    }
}

#[test]
fn a_broken_url_gets_no_hyphen_and_every_line_stays_in_its_column() {
    let (dossier, brief) = hostile();
    let pages = pages_of(&dossier, &brief);
    for page in &pages.pages {
        for item in &page.items {
            if let Item::Text(run) = item {
                assert!(
                    run.origin.x + run.width_pt() <= page.width_pt - 40.0,
                    "a run runs past the margin: {:?}",
                    run.text
                );
            }
        }
    }
    // Pieces of the URL on separate lines, none ending in an added hyphen.
    let pieces: Vec<&str> = pages
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Text(r)
                if r.text.contains("twenty-eight") || r.text.contains("https://www.example") =>
            {
                Some(r.text.as_str())
            }
            _ => None,
        })
        .collect();
    assert!(!pieces.is_empty());
    assert!(squeezed(&pages).contains(LONG_URL));
}

#[test]
fn every_text_item_is_content_of_a_node_or_page_furniture() {
    let pages = pages_of(&default_dossier(), &synthetic::full_brief());
    for page in &pages.pages {
        for item in &page.items {
            if let Item::Text(run) = item
                && let Role::Content(node) = run.role
            {
                assert!(pages.structure.get(node).is_some(), "{:?}", run.text);
            }
        }
    }
}

#[test]
fn headings_links_and_outline_are_there() {
    let (dossier, brief) = hostile();
    let pages = pages_of(&dossier, &brief);
    let headings: Vec<(u8, &str)> = pages
        .structure
        .nodes
        .iter()
        .filter_map(|n| match &n.tag {
            Tag::Heading { level, title } => Some((*level, title.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(headings[0].0, 1, "the title is the one level-1 heading");
    assert!(
        headings
            .iter()
            .any(|(l, t)| *l == 2 && t.ends_with("Scenarios"))
    );
    assert!(
        headings.iter().any(|(l, _)| *l == 3),
        "subsections are level 3"
    );
    let links: Vec<&Target> = pages
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Link { target, .. } => Some(target),
            _ => None,
        })
        .collect();
    assert!(
        links
            .iter()
            .any(|t| matches!(t, Target::Url(u) if u.starts_with("http")))
    );
    let anchors = links
        .iter()
        .filter(|t| matches!(t, Target::Anchor(_)))
        .count();
    assert!(
        anchors > brief.sections.len(),
        "contents and citations link: {anchors}"
    );
    assert_eq!(pages.outline.len(), pages.sections.len());
    assert!(pages.outline.iter().any(|e| !e.children.is_empty()));
    for entry in &pages.outline {
        let a = pages.anchor(entry.anchor).unwrap();
        assert!(a.page < pages.count());
    }
}

#[test]
fn footers_count_pages_and_contents_name_the_right_page() {
    let brief = synthetic::full_brief();
    let pages = pages_of(&default_dossier(), &brief);
    let n = pages.count();
    for (i, page) in pages.pages.iter().enumerate() {
        let footer = format!("Page {} of {n}", i + 1);
        assert!(
            page.items
                .iter()
                .any(|it| matches!(it, Item::Text(r) if r.text == footer)),
            "page {} lacks {footer}",
            i + 1
        );
    }
    let last = pages.sections.last().unwrap();
    let number = (last.first_page + 1).to_string();
    let first_page_numbers: Vec<&str> = pages.pages[0]
        .items
        .iter()
        .filter_map(|it| match it {
            Item::Text(r) if r.text.chars().all(|c| c.is_ascii_digit()) => Some(r.text.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        first_page_numbers.contains(&number.as_str()),
        "{first_page_numbers:?}"
    );
}

#[test]
fn a_big_timeline_lays_out() {
    let dossier = synthetic::dossier_with_events(300);
    let pages = pages_of(&dossier, &synthetic::full_brief());
    assert!(pages.count() > 20);
    assert!(pages.text().contains("Page 1 of"));
}

/// Every run's text, in the order drawn.
fn run_texts(pages: &Pages) -> Vec<String> {
    pages
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Text(run) => Some(run.text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn right_to_left_names_keep_their_logical_text_and_format_characters_are_not_drawn() {
    let mut dossier = default_dossier();
    dossier.people[0].stance =
        "Met \u{645}\u{62d}\u{645}\u{62f} and \u{5e9}\u{5dc}\u{5d5}\u{5dd}; a\u{200d}b \u{200e}x\u{feff}y".into();
    let pages = pages_of(&dossier, &synthetic::full_brief());
    let runs = run_texts(&pages);
    // Each word's glyphs stand for its letters in reading order, not in drawing order.
    assert!(
        runs.iter()
            .any(|t| t.contains("\u{645}\u{62d}\u{645}\u{62f}")),
        "{runs:?}"
    );
    assert!(
        runs.iter()
            .any(|t| t.contains("\u{5e9}\u{5dc}\u{5d5}\u{5dd}")),
        "{runs:?}"
    );
    for run in pages.pages.iter().flat_map(|p| &p.items) {
        if let Item::Text(run) = run {
            for g in &run.glyphs {
                let text = &run.text[g.text.clone()];
                assert!(
                    !text.chars().all(genpdf::shape::invisible) || text == "\u{ad}",
                    "a format character drawn as a glyph: {text:?} in {:?}",
                    run.text
                );
            }
        }
    }
}

#[test]
fn a_soft_hyphen_breaks_only_where_the_line_ends() {
    let mut dossier = default_dossier();
    let word = "Verhandlungs\u{ad}bereitschafts\u{ad}erkl\u{e4}rung";
    dossier.people[0].stance = vec![word; 30].join(" ");
    let pages = pages_of(&dossier, &synthetic::full_brief());
    let runs = run_texts(&pages);
    // Mid-line the word reads whole; at a break it ends in the soft hyphen, drawn as "-".
    assert!(
        runs.iter()
            .any(|t| t.contains("Verhandlungsbereitschaftserkl\u{e4}rung"))
    );
    assert!(runs.iter().any(|t| t.ends_with('\u{ad}')), "{runs:?}");
}
