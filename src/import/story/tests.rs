//! Story pages laid out a little differently from the seed: the reader follows the shape.

use super::*;

fn day() -> Date {
    Date::new(2025, 12, 9).unwrap()
}

const VARIANT: &str = "\
# Water Rights on the Upper Nile
Talks over the dam resume

## Overview
Egypt and Ethiopia meet again.

A second paragraph.

## Key Indicators:
- 74 bcm
- Annual flow at Aswan
- The river's average yearly flow.

- 3
- Countries at the table

## People Involved
Abiy Ahmed — Prime Minister of Ethiopia (Presses ahead with filling)
Abdel Fattah el-Sisi (President of Egypt): calls the dam an existential threat
Demeke Mekonnen
Deputy Prime Minister
Leads Ethiopia's delegation.

## Organisations Involved
African Union — Continental body
Status: Mediator

Hosts the talks.

World Bank
Financial institution
Status: Observer

## Timeline
1) Talks resume in Addis Ababa
Negotiation
The delegations meet for two days.

2. March 2, 2025 — Filling season ends
Milestone
Date: 2025-09-10
The reservoir reaches its target.

## Scenarios
Scenario 1: A deal on drought years
Discussed by: AU mediators
Both sides agree release rules.

Scenario 2 — Stalemate
Talks drift.

## Historical Context
1. Nile Waters Agreement (1959)
1959; signed November 8, 1959
What happened: Egypt and Sudan split the flow.
Short-term: Sudan built dams.
Long-term: Upstream states rejected it.
Why it matters: Ethiopia was not a party.
";

#[test]
fn a_differently_spaced_page_reads_the_same() {
    let import = import_story(VARIANT, "nile.txt", day()).unwrap();
    let d = &import.dossier;
    assert_eq!(d.title, "Water Rights on the Upper Nile");
    assert_eq!(d.subtitle, "Talks over the dam resume");
    assert_eq!(d.overview.len(), 2);
    let counts = [
        d.indicators.len(),
        d.people.len(),
        d.organizations.len(),
        d.timeline.len(),
        d.scenarios.len(),
        d.precedents.len(),
    ];
    assert_eq!(counts, [2, 3, 2, 2, 2, 1], "{d:#?}");
    assert_eq!(d.indicators[0].value, "74 bcm");
    assert_eq!(d.indicators[0].detail, "The river's average yearly flow.");
    assert_eq!(d.indicators[1].label, "Countries at the table");
    let abiy = &d.people[0];
    assert_eq!(
        (abiy.name.as_str(), abiy.role.as_str(), abiy.stance.as_str()),
        (
            "Abiy Ahmed",
            "Prime Minister of Ethiopia",
            "Presses ahead with filling"
        )
    );
    let sisi = &d.people[1];
    assert_eq!(sisi.role, "President of Egypt");
    assert_eq!(sisi.stance, "calls the dam an existential threat");
    assert_eq!(d.people[2].role, "Deputy Prime Minister");
    assert_eq!(d.people[2].stance, "Leads Ethiopia's delegation.");
    let au = &d.organizations[0];
    assert_eq!(
        (au.kind.as_str(), au.status.as_str()),
        ("Continental body", "Mediator")
    );
    assert_eq!(au.summary, "Hosts the talks.");
    assert_eq!(d.organizations[1].kind, "Financial institution");
    let first = &d.timeline[0];
    assert!(first.undated && first.date.is_none());
    assert_eq!(first.category, "Negotiation");
    let second = &d.timeline[1];
    assert_eq!(second.title, "Filling season ends");
    assert_eq!(
        second.date.unwrap().to_string(),
        "2025-09-10",
        "the Date: line wins"
    );
    assert!(!second.undated);
    assert_eq!(d.scenarios[0].title, "A deal on drought years");
    assert_eq!(d.scenarios[0].discussed_by, "AU mediators");
    assert_eq!(d.scenarios[1].title, "Stalemate");
    let nile = &d.precedents[0];
    assert_eq!(nile.title, "Nile Waters Agreement (1959)");
    assert_eq!(nile.period, "1959; signed November 8, 1959");
    assert_eq!(nile.short_term, "Sudan built dams.");
    assert_eq!(nile.relevance, "Ethiopia was not a party.");
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
}

#[test]
fn text_that_is_not_a_story_page_is_refused_by_name() {
    let err = import_story("date,title\n2025-01-01,x\n", "events.csv", day()).unwrap_err();
    assert!(
        err[0]
            .to_string()
            .starts_with("events.csv: this does not read as a story page"),
        "{}",
        err[0]
    );
}

#[test]
fn a_missing_section_and_a_stray_line_are_warned_about() {
    let page =
        "Title\n\nTimeline\nSome preamble that is no event.\n\n1. An event\nSummit\nIt happened.\n";
    let import = import_story(page, "p.txt", day()).unwrap();
    let shown: Vec<String> = import.warnings.iter().map(ToString::to_string).collect();
    assert!(
        shown
            .iter()
            .any(|w| w.starts_with("p.txt:4:1: warning: left out")),
        "{shown:#?}"
    );
    assert!(
        shown.iter().any(|w| w.contains("no \"Scenarios\" section")),
        "{shown:#?}"
    );
    assert_eq!(import.dossier.timeline.len(), 1);
}

#[test]
fn the_sites_links_after_the_story_are_left_out_with_a_warning_at_their_line() {
    let page =
        "Title\n\nScenarios\n\n1\n\nA deal\n\nBoth sides sign.\n\nMore Latest News\nOther story\n";
    let import = import_story(page, "p.txt", day()).unwrap();
    let shown: Vec<String> = import.warnings.iter().map(ToString::to_string).collect();
    assert!(
        shown.iter().any(|w| w.starts_with(
            "p.txt:11:1: warning: left out: the site's links after the story: \"More Latest News\" and the line after it"
        )),
        "{shown:#?}"
    );
    let s = &import.dossier.scenarios;
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].summary, "Both sides sign.");
}

#[test]
fn text_before_the_first_item_of_any_part_is_warned_about_at_its_line() {
    let page = "Title\n\nPeople Involved\nas of today, these people.\nAna Lima\nMinister\n\n\
                Organizations Involved\nsome stray words, then.\nPort Authority\nAgency\n\n\
                Scenarios\nA stray sentence before the first scenario.\n1\nA deal\nSummary.\n\n\
                Historical Context\nA stray sentence, then.\nSome Precedent (1990)\n\nWhat Happened\nIt did.\n";
    let import = import_story(page, "p.txt", day()).unwrap();
    let lines: Vec<usize> = import
        .warnings
        .iter()
        .filter(|w| w.message.starts_with("left out"))
        .filter_map(|w| w.position.map(|(line, _)| line))
        .collect();
    assert_eq!(lines, [4, 9, 14, 20], "{:#?}", import.warnings);
    let d = &import.dossier;
    assert_eq!(
        [
            d.people.len(),
            d.organizations.len(),
            d.scenarios.len(),
            d.precedents.len()
        ],
        [1, 1, 1, 1]
    );
}

#[test]
fn a_role_keeps_its_own_brackets_and_the_stance_its_own() {
    let page = "Title\n\nPeople Involved\nAna Lima\nMinister of Energy (acting)\nJoão Costa\n\
                Minister of Energy (acting) (Wants a quick deal)\n";
    let d = import_story(page, "p.txt", day()).unwrap().dossier;
    assert_eq!(d.people.len(), 2);
    assert_eq!(d.people[0].role, "Minister of Energy (acting)");
    assert_eq!(d.people[0].stance, "");
    assert_eq!(d.people[1].role, "Minister of Energy (acting)");
    assert_eq!(d.people[1].stance, "Wants a quick deal");
}
