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

/// A story page of our own, from `tests/fixtures/story`, read as the CLI reads it.
fn fixture(name: &str) -> briefing::import::StoryImport {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/story")
        .join(name);
    let text = briefing::import::read_text(&path).expect("the fixture reads");
    let day = Date::new(2025, 12, 9).expect("a real day");
    import_story(&text, name, day).expect("the fixture imports")
}

fn counts(d: &briefing::model::Dossier) -> [usize; 6] {
    [
        d.indicators.len(),
        d.people.len(),
        d.organizations.len(),
        d.timeline.len(),
        d.scenarios.len(),
        d.precedents.len(),
    ]
}

fn warnings(import: &briefing::import::StoryImport) -> Vec<String> {
    import.warnings.iter().map(ToString::to_string).collect()
}

fn date_of(d: &briefing::model::Dossier, index: usize) -> String {
    d.timeline[index]
        .date
        .map_or_else(|| "undated".to_owned(), |x| x.to_string())
}

/// Windows line endings and a byte-order mark, a "Logo" line, one indicator, nine people
/// (some without the repeated name line, one without a stance, one "(acting)"), an
/// organisation without a Status line, dates in headlines and summaries, a short paragraph
/// inside a scenario and after a precedent, and the site's links after the story.
#[test]
fn a_river_treaty_page_with_windows_line_endings_comes_across_whole() {
    let import = fixture("tigris_water_talks.txt");
    let d = &import.dossier;
    assert_eq!(d.title, "Ankara and Baghdad Bargain Over the Tigris");
    assert!(
        d.subtitle.starts_with("A drought-stricken Iraq"),
        "{}",
        d.subtitle
    );
    assert!(!d.title.contains('\u{feff}') && !d.subtitle.contains('\r'));
    assert_eq!(d.overview.len(), 2);
    assert_eq!(counts(d), [1, 9, 3, 12, 4, 3], "{d:#?}");

    assert_eq!(d.indicators[0].value, "42%");
    assert_eq!(d.indicators[0].label, "Fall in Tigris inflow since 2000");

    let erdogan = &d.people[0];
    assert_eq!(erdogan.name, "Recep Tayyip Erdoğan");
    assert_eq!(erdogan.role, "President of Türkiye");
    assert!(
        erdogan
            .stance
            .starts_with("Offering larger summer releases")
    );
    let sharaa = &d.people[2];
    assert_eq!(sharaa.name, "Ahmed al-Sharaa");
    assert_eq!(sharaa.role, "Head of Syria’s transitional government");
    assert_eq!(sharaa.stance, "");
    let minister = &d.people[3];
    assert_eq!(minister.role, "Minister of Water Resources (acting)");
    assert_eq!(
        minister.stance,
        "Warning that storage has fallen below a fifth of capacity"
    );
    assert_eq!(d.people[5].name, "Fuad Hussein");
    assert_eq!(d.people[6].name, "İbrahim Yumaklı");
    assert_eq!(
        d.people[6].role,
        "Minister of Agriculture and Forestry of Türkiye"
    );
    assert_eq!(d.people[6].stance, "");
    assert_eq!(d.people[8].role, "Former UN Special Rapporteur on Water");

    let iraq = &d.organizations[1];
    assert_eq!(iraq.kind, "Government Body");
    assert!(iraq.status.starts_with("Downstream party"));
    assert_eq!(
        iraq.summary.lines().count(),
        2,
        "two paragraphs: {}",
        iraq.summary
    );
    let committee = &d.organizations[2];
    assert_eq!(committee.name, "Joint Technical Committee on Water");
    assert_eq!(committee.kind, "Bilateral commission");
    assert_eq!(committee.status, "");
    assert!(committee.summary.starts_with("A committee of engineers"));

    assert_eq!(
        d.timeline[0].title,
        "Ankara and Baghdad sign a water framework"
    );
    assert_eq!(date_of(d, 0), "2025-11-02");
    assert_eq!(date_of(d, 1), "2025-10-14", "the one date in the summary");
    assert!(d.timeline[2].summary.contains("\nIraqi officials welcome"));
    assert_eq!(date_of(d, 2), "undated");
    assert_eq!(d.timeline[9].title, "Basra water crisis sparks protests");
    assert_eq!(date_of(d, 9), "2025-07");
    assert_eq!(date_of(d, 10), "2024-04-22");
    assert_eq!(d.timeline[11].title, "Ilısu Dam begins to fill");
    assert_eq!(d.timeline[11].category, "Infrastructure");
    assert!(d.timeline.iter().all(|e| e.undated == e.date.is_none()));

    assert_eq!(
        d.scenarios[0].title,
        "Water for Projects: A Deal Without a Floor"
    );
    assert_eq!(d.scenarios[1].title, "A Binding Schedule Under Pressure");
    assert_eq!(d.scenarios[1].discussed_by, "");
    assert!(
        d.scenarios[2]
            .summary
            .ends_with("\nLikelihood: low in the near term")
    );
    assert_eq!(d.scenarios[3].discussed_by, "Security analysts");

    assert_eq!(
        d.precedents[0].period,
        "Negotiated 1951–1960 with World Bank mediation"
    );
    let protocol = &d.precedents[1];
    assert_eq!(protocol.title, "Euphrates Protocol (1987)");
    assert_eq!(protocol.period, "");
    assert!(protocol.what_happened.starts_with("Türkiye promised"));
    assert!(protocol.long_term.starts_with("The figure became"));
    let accord = &d.precedents[2];
    assert_eq!(accord.period, "April 1990");
    assert!(
        accord
            .relevance
            .ends_with("\nIraqi negotiators still cite it")
    );

    let shown = warnings(&import);
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(
        shown[0].starts_with(
            "tigris_water_talks.txt:237:1: warning: left out: the site's links after the story: \"More Latest News\" and the 2 lines after it"
        ),
        "{shown:#?}"
    );
}

/// No repeated name lines, nine indicators (some not starting with a digit), people without
/// a stance or with it on a line of its own, parentheses in a name, an organisation with
/// neither Status nor summary, multi-paragraph summaries, and no Historical Context.
#[test]
fn a_port_strike_page_without_precedents_comes_across_whole() {
    let import = fixture("santos_port_strike.txt");
    let d = &import.dossier;
    assert_eq!(d.title, "Dockworkers Shut Brazil’s Busiest Port");
    assert_eq!(counts(d), [9, 5, 4, 10, 3, 0], "{d:#?}");

    let figures: Vec<&str> = d.indicators.iter().map(|i| i.value.as_str()).collect();
    assert_eq!(
        figures,
        [
            "14",
            "63",
            "US$210M",
            "Two-thirds",
            "1 in 4",
            "6,500",
            "40%",
            "R$ 18 billion",
            "3rd"
        ]
    );
    assert!(
        d.indicators
            .iter()
            .all(|i| !i.label.is_empty() && !i.detail.is_empty())
    );
    assert_eq!(d.indicators[2].label, "Estimated daily export losses");

    let lula = &d.people[0];
    assert_eq!(lula.name, "Luiz Inácio Lula da Silva");
    assert_eq!(lula.role, "President of Brazil");
    let minister = &d.people[1];
    assert_eq!(minister.role, "Minister of Ports and Airports (acting)");
    assert_eq!(
        minister.stance,
        "Offering federal mediation but refusing to reopen concession terms"
    );
    assert_eq!(
        d.people[2].role,
        "President of the Santos Dockworkers’ Union"
    );
    assert_eq!(d.people[2].stance, "");
    let port = &d.people[3];
    assert_eq!(
        port.role,
        "Chief Executive of the Santos Port Authority (interim)"
    );
    assert_eq!(
        port.stance,
        "Says the port can run on contingency crews for another ten days."
    );
    assert_eq!(d.people[4].name, "João Batista dos Santos");

    assert_eq!(
        d.organizations[0].name,
        "Santos Dockworkers’ Union (Sindestiva)"
    );
    assert_eq!(d.organizations[0].kind, "Trade Union");
    assert_eq!(d.organizations[1].status, "");
    assert_eq!(d.organizations[1].kind, "State-owned company");
    assert_eq!(d.organizations[2].status, "Mediator");
    assert_eq!(d.organizations[2].summary.lines().count(), 2);
    let carrier = &d.organizations[3];
    assert_eq!(
        (
            carrier.name.as_str(),
            carrier.kind.as_str(),
            carrier.status.as_str()
        ),
        ("CMA CGM", "Shipping line", "Diverting vessels to Paranaguá")
    );

    assert!(
        d.timeline[0]
            .summary
            .ends_with("\nThe union says it will comply but appeal.")
    );
    assert_eq!(d.timeline[9].title, "Port reform law takes effect");
    assert_eq!(d.timeline[9].category, "Legislation");
    assert!(
        d.timeline.iter().all(|e| e.undated),
        "no dates on this page"
    );

    assert_eq!(d.scenarios[1].title, "Court-Imposed Return to Work");
    assert_eq!(d.scenarios[1].discussed_by, "");
    assert!(d.scenarios[1].summary.starts_with("The labour court"));

    let shown = warnings(&import);
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(
        shown[0].contains("no \"Historical Context\" section"),
        "{shown:#?}"
    );
}

/// Blank lines inside indicators, a stance after a dash and one with brackets inside it,
/// an organisation with neither Status nor summary before the next, dates on a line of
/// their own, before a headline and inside a summary, a single scenario, and precedents
/// with a "Period:" line, a bare period, or none.
#[test]
fn an_export_controls_page_comes_across_whole() {
    let import = fixture("chip_export_controls.txt");
    let d = &import.dossier;
    assert_eq!(
        d.title,
        "The Lithography Squeeze: Allies Split Over Chip Export Controls"
    );
    assert_eq!(counts(d), [3, 3, 3, 11, 1, 4], "{d:#?}");

    assert_eq!(d.indicators[0].value, "≈ 20%");
    assert_eq!(
        d.indicators[0].label,
        "Share of ASML sales going to China in 2025"
    );
    assert!(
        d.indicators[0]
            .detail
            .starts_with("Down from close to half")
    );
    assert!(d.indicators[1].detail.starts_with("The United States"));

    assert_eq!(d.people[0].name, "Ursula von der Leyen");
    assert_eq!(d.people[1].role, "Prime Minister of the Netherlands");
    assert_eq!(
        d.people[1].stance,
        "Seeking to protect ASML while keeping in step with Washington"
    );
    assert_eq!(d.people[2].role, "Minister of Commerce of China");
    assert!(
        d.people[2]
            .stance
            .ends_with("(including new mineral curbs)")
    );

    let tel = &d.organizations[1];
    assert_eq!(
        (
            tel.name.as_str(),
            tel.kind.as_str(),
            tel.status.as_str(),
            tel.summary.as_str()
        ),
        ("Tokyo Electron", "Equipment maker", "", "")
    );
    assert_eq!(d.organizations[2].name, "Bureau of Industry and Security");
    assert_eq!(d.organizations[2].status, "Drafting the servicing rule");

    assert_eq!(
        d.timeline[0].title,
        "Beijing tightens licensing of gallium and germanium"
    );
    assert_eq!(date_of(d, 0), "2025-12-02");
    assert_eq!(date_of(d, 1), "2025-12");
    assert_eq!(d.timeline[1].category, "Policy Decision");
    assert_eq!(date_of(d, 2), "2025-11-14");
    assert_eq!(date_of(d, 3), "2025-11-03");
    assert_eq!(date_of(d, 4), "undated");
    assert_eq!(d.timeline[10].category, "Trade Measure");

    assert_eq!(d.scenarios[0].title, "A Common Allied Rulebook");

    let periods: Vec<&str> = d.precedents.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(periods, ["1949–1994", "", "2010", ""]);
    assert_eq!(d.precedents[3].title, "Wassenaar Arrangement");
    assert!(d.precedents.iter().all(|p| !p.what_happened.is_empty()
        && !p.short_term.is_empty()
        && !p.long_term.is_empty()
        && !p.relevance.is_empty()));

    assert!(import.warnings.is_empty(), "{:#?}", warnings(&import));
}
