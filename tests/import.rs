//! Importing what the research desk writes: the seed story page becomes a dossier that
//! validates (undated events are its only warnings) and makes a brief that exports.

mod common;

use std::path::PathBuf;

use briefing::import::{Separator, import_events, import_story};
use briefing::model::{Brief, Date, Section, SectionKind};
use briefing::{compose, validate};

/// The seed story page, kept beside the repository in `shared/sources`.
fn seed_page() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/sources/003_9a9f430b0e65a9c1.txt");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the seed story page {} is needed: {e}", path.display()))
}

fn seed_dossier() -> briefing::model::Dossier {
    let day = Date::new(2025, 12, 9).expect("a real day");
    let import = import_story(&seed_page(), "003.txt", day).expect("the seed page imports");
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
    import.dossier
}

#[test]
fn the_seed_story_page_becomes_a_dossier_with_every_item() {
    let d = seed_dossier();
    assert_eq!(d.title, "Trump’s Contentious Push to End the Ukraine War");
    assert!(
        d.subtitle.starts_with("U.S.-brokered talks"),
        "{}",
        d.subtitle
    );
    assert_eq!(d.overview.len(), 2);
    let counts = [
        d.indicators.len(),
        d.people.len(),
        d.organizations.len(),
        d.timeline.len(),
        d.scenarios.len(),
        d.precedents.len(),
    ];
    assert_eq!(counts, [5, 7, 4, 15, 5, 3]);

    let figures: Vec<&str> = d.indicators.iter().map(|i| i.value.as_str()).collect();
    assert_eq!(figures, ["≈19%", "2M+", "28", "4th year", "5 hours"]);
    assert_eq!(d.indicators[1].label, "Estimated combined casualties");
    assert!(d.indicators[1].detail.starts_with("Kellogg’s estimate"));

    let kellogg = d.people.iter().find(|p| p.name == "Keith Kellogg").unwrap();
    assert_eq!(kellogg.role, "U.S. Special Envoy for Ukraine (outgoing)");
    assert_eq!(
        kellogg.stance,
        "Publicly signaling that a deal is near while acknowledging major unresolved issues"
    );
    let ushakov = &d.people[6];
    assert_eq!(ushakov.role, "Top Foreign Policy Aide to Vladimir Putin");
    assert!(ushakov.stance.contains("“serious, radical changes”"));

    let eu = &d.organizations[3];
    assert_eq!(eu.name, "European Union");
    assert_eq!(eu.kind, "Supranational bloc");
    assert!(eu.status.starts_with("Supporters of Ukraine pushing back"));
    assert!(eu.summary.starts_with("European governments back Ukraine"));
    assert_eq!(
        d.organizations[0].name,
        "U.S. Government (Trump Administration, Second Term)"
    );

    // Page order, undated, each with its category and summary.
    let first = &d.timeline[0];
    assert_eq!(
        first.title,
        "Zelenskyy calls U.S. talks ‘constructive but not easy’"
    );
    assert_eq!(first.category, "Public Statement");
    assert!(first.undated && first.date.is_none());
    assert_eq!(d.timeline[7].category, "Leak / Political Backlash");
    assert_eq!(
        d.timeline[14].title,
        "Russia launches full-scale invasion of Ukraine"
    );
    assert!(
        d.timeline
            .iter()
            .all(|e| e.undated && !e.summary.is_empty())
    );

    assert_eq!(
        d.scenarios[4].title,
        "Ceasefire First, Political Settlement Later"
    );
    assert!(d.scenarios[4].discussed_by.starts_with("IAEA officials"));
    assert!(
        d.scenarios[4]
            .summary
            .starts_with("A more incremental scenario")
    );

    let korea = &d.precedents[0];
    assert_eq!(korea.title, "Korean Armistice Agreement (1953)");
    assert_eq!(
        korea.period,
        "1950–1953 (war) / Armistice signed July 27, 1953"
    );
    assert!(korea.what_happened.starts_with("The Korean War ended"));
    assert!(korea.short_term.starts_with("A ceasefire stopped"));
    assert!(korea.long_term.starts_with("The division of Korea"));
    assert!(korea.relevance.starts_with("Several Ukraine proposals"));
    assert!(d.precedents[1].period.contains("November 21, 1995"));
    assert_eq!(d.precedents[2].period, "2014–2015 and aftermath");

    // Ids: slugs, unique across the whole dossier.
    let mut ids: Vec<&str> = d.timeline.iter().map(|e| e.id.as_str()).collect();
    ids.extend(d.people.iter().map(|p| p.id.as_str()));
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n);
    assert!(d.people.iter().any(|p| p.id == "keith-kellogg"));
}

#[test]
fn the_imported_dossier_validates_and_a_brief_on_it_exports() {
    let d = seed_dossier();
    let findings = validate::validate_dossier(&d);
    assert_eq!(findings.len(), 15, "{findings:#?}");
    assert!(
        findings
            .iter()
            .all(|f| f.severity == briefing::Severity::Warning
                && f.message.ends_with("needs a date")),
        "{findings:#?}"
    );
    assert_eq!(findings[0].path.to_string(), "timeline[0]");

    let mut brief: Brief = briefing::store::parse_brief(
        "version: 1\ntitle: On the imported page\nsections: [{kind: overview}]\n",
        "b",
    )
    .unwrap();
    brief.sections = SectionKind::ALL.iter().map(|k| Section::new(*k)).collect();
    let composed = compose(&d, &brief);
    let errors: Vec<_> = validate::validate_composed(&d, &brief, &composed)
        .into_iter()
        .filter(|f| f.severity == briefing::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let pdf = briefing::export::render(&composed, &Default::default())
        .unwrap()
        .bytes;
    let text = common::all_text(&pdf);
    assert!(text.contains("Witkoff and Kushner hold marathon Kremlin talks with Putin"));
    assert!(text.contains("undated"), "undated events are marked");
    // In page order: the first on the page prints before the last.
    let newest = text.find("constructive but not easy").unwrap();
    let oldest = text.find("Russia launches full-scale invasion").unwrap();
    assert!(newest < oldest);
}

#[test]
fn a_spreadsheet_adds_dated_events_to_the_imported_dossier() {
    let mut d = seed_dossier();
    let csv = "Date,Category/Type,Headline,Description,Source/URL\n\
               2025-12-02,High-Level Negotiation,Kremlin talks last five hours,,https://example.org/kremlin\n\
               2 Dec,Summit,A row without a year,,\n";
    let report = import_events(csv, "desk.csv", Separator::Sniff, &mut d);
    assert_eq!(
        report.added,
        ["ev-2025-12-02-kremlin-talks-last-five-hours"]
    );
    assert_eq!(report.problems.len(), 1);
    assert!(
        report.problems[0]
            .to_string()
            .starts_with("desk.csv:3:1: row not added: cannot read the date \"2 Dec\""),
        "{}",
        report.problems[0]
    );
    assert_eq!(d.timeline.len(), 16);
    assert_eq!(d.sources.len(), 2);
}

#[test]
fn an_event_with_neither_date_nor_undated_is_an_error_at_the_event() {
    let text = "version: 1\nid: d\ntitle: T\nas_of: \"2025-12-01\"\ntimeline:\n  - id: ev-a\n    category: Summit\n    title: A\n  - id: ev-b\n    date: \"2025-12-01\"\n    undated: true\n    category: Summit\n    title: B\n";
    let d = briefing::store::parse_dossier(text, "d.dossier.yaml").expect("it reads");
    let findings = validate::validate_dossier(&d);
    assert_eq!(findings.len(), 2, "{findings:#?}");
    assert_eq!(findings[0].severity, briefing::Severity::Error);
    assert_eq!(findings[0].message, "event \"ev-a\" has no date");
    assert_eq!(findings[0].path.to_string(), "timeline[0]");
    assert_eq!(findings[1].severity, briefing::Severity::Warning);
    assert_eq!(findings[1].path.to_string(), "timeline[1].undated");
}
