//! Issue 12, "What's new since the last brief", end to end through the binary: export a brief,
//! change a copy of its dossier the way a research desk would over a week, then check what
//! `briefing changes` lists, what the brief file records and what the PDF's box says.

mod common;

use common::{briefing, stderr, stdout};

const PACK: &str = "background-pack.brief.yaml";

/// A copy of the samples with the pack exported once, before the week's changes.
fn exported_then_changed() -> tempfile::TempDir {
    let dir = common::copy_of_briefs();
    common::with_changes_section(&dir.path().join(PACK));
    let out = briefing(&["export", PACK, "-o", "first.pdf"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    common::a_week_later(dir.path());
    dir
}

#[test]
fn export_records_what_it_printed_changing_only_those_lines() {
    let dir = common::copy_of_briefs();
    let path = dir.path().join(PACK);
    let before = std::fs::read_to_string(&path).unwrap();
    let out = briefing(&["export", PACK], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = std::fs::read_to_string(&path).unwrap();
    // Every line as it was, but the version; the record is added at the end.
    let (kept, added) = after.split_at(after.find("\nlast_export:\n").unwrap() + 1);
    assert_eq!(kept, before.replacen("\nversion: 1\n", "\nversion: 2\n", 1));
    assert!(
        added.contains("\n  dossier: ukraine-peace-push-2025\n"),
        "{added}"
    );
    assert!(
        added.contains("\n  dossier_as_of: \"2025-12-07\"\n"),
        "{added}"
    );
    assert!(added.contains("- id: ind-territory\n"), "{added}");
    assert!(added.contains("value: ≈19%\n"), "{added}");
    assert!(
        added.contains("- id: ev-2025-11-23-geneva-framework\n"),
        "{added}"
    );
    assert!(
        !added.contains("src-story-page"),
        "sources are not recorded"
    );
    assert!(added.len() < 8 * 1024, "a few KB: {}", added.len());
    // The file still validates, and a second export changes only the time.
    let out = briefing(&["validate", PACK], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = briefing(&["export", PACK], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let again = std::fs::read_to_string(&path).unwrap();
    let differing = after.lines().zip(again.lines()).filter(|(a, b)| a != b);
    assert!(differing.map(|(a, _)| a).all(|l| l.starts_with("  at: ")));
}

#[test]
fn the_first_export_prints_first_brief_and_changes_says_so() {
    let dir = common::copy_of_briefs();
    common::with_changes_section(&dir.path().join(PACK));
    let out = briefing(&["changes", PACK], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("First brief on this dossier"),
        "{}",
        stdout(&out)
    );
    let out = briefing(&["export", PACK, "-o", "first.pdf"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pages = common::pages_text(&std::fs::read(dir.path().join("first.pdf")).unwrap());
    assert!(
        pages[0].contains("1 Since the last brief First brief on this dossier."),
        "{}",
        pages[0]
    );
}

#[test]
fn changes_names_every_change_and_nothing_else() {
    let dir = exported_then_changed();
    let out = briefing(&["changes", PACK], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(
        lines[0].ends_with(
            "; dossier as of 7 Dec 2025): 1 new event in your slices, 1 indicator changed, 1 item removed from the dossier"
        ),
        "{text}"
    );
    assert!(lines[0].starts_with("Since the last export ("), "{text}");
    assert_eq!(
        lines[1],
        "new      9 Dec 2025 \u{2014} Zelenskyy meets Macron, Starmer and Merz in London  [7 2025: the push for a deal]"
    );
    assert_eq!(
        lines[2],
        "changed  Share of Ukraine held by Russia: ≈19% \u{2192} ≈20%  [3 Key indicators]"
    );
    assert_eq!(
        lines[3],
        "removed  ev-2025-11-23-geneva-framework (removed from the dossier)"
    );
    assert!(
        !text.contains("build-up"),
        "an event outside every slice is not new"
    );
}

#[test]
fn changes_json_is_for_scripts() {
    let dir = exported_then_changed();
    let out = briefing(&["changes", PACK, "--json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["first_brief"], false);
    assert_eq!(json["new"][0]["id"], "ev-2025-12-09-london-meeting");
    assert_eq!(json["new"][0]["kind"], "event");
    assert_eq!(json["changed"][0]["id"], "ind-territory");
    assert_eq!(json["changed"][0]["old_value"], "≈19%");
    assert_eq!(json["changed"][0]["value"], "≈20%");
    assert_eq!(json["removed"][0]["id"], "ev-2025-11-23-geneva-framework");
    assert_eq!(json["removed"][0]["in_dossier"], false);
    assert_eq!(json["since"]["dossier_as_of"], "2025-12-07");
}

#[test]
fn the_pdf_box_says_the_same_and_links_to_the_items() {
    let dir = exported_then_changed();
    let out = briefing(&["export", PACK, "-o", "second.pdf"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = std::fs::read(dir.path().join("second.pdf")).unwrap();
    // Compared without spaces: text extraction runs a label into the line after it.
    let squeezed = |s: &str| s.split_whitespace().collect::<String>();
    let first = &common::pages_text(&bytes)[0];
    for expected in [
        "1 Since the last brief Since the last brief, exported",
        "(dossier as of 7 December 2025):",
        "NEW • 9 Dec 2025 \u{2014} Zelenskyy meets Macron, Starmer and Merz in London",
        "CHANGED • Share of Ukraine held by Russia: ≈19% \u{2b62} ≈20%",
        "NO LONGER IN THE BRIEF • ev-2025-11-23-geneva-framework (removed from the dossier)",
    ] {
        assert!(
            squeezed(first).contains(&squeezed(expected)),
            "{expected:?} not in {first}"
        );
    }
    assert!(!first.contains("build-up"));
    // The two entries are links into the document (internal GoTo), besides the contents'.
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let (_, page) = doc.get_pages().into_iter().next().unwrap();
    let annots = doc.get_page_annotations(page).unwrap();
    let goto = annots
        .iter()
        .filter(|a| {
            a.get(b"Dest").is_ok()
                || a.get(b"A")
                    .and_then(|x| x.as_dict())
                    .is_ok_and(|x| x.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"GoTo"))
        })
        .count();
    let contents_entries = 11;
    assert!(
        goto >= contents_entries + 2,
        "{goto} internal links on page 1"
    );
    // Exported, the record is new: nothing has changed since.
    let out = briefing(&["changes", PACK], dir.path());
    assert!(
        stdout(&out).ends_with(": nothing has changed\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_failed_export_leaves_the_brief_as_it_was() {
    let dir = common::copy_of_briefs();
    let path = dir.path().join(PACK);
    let before = std::fs::read(&path).unwrap();
    let out = briefing(&["export", PACK, "-o", "gone/out.pdf"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_read_only_brief_is_still_exported_with_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let dir = common::copy_of_briefs();
    let path = dir.path().join(PACK);
    let before = std::fs::read(&path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = briefing(&["export", PACK], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.path().join("background-pack.pdf").exists());
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{PACK}: warning: the PDF is written, but the brief could not record what it printed"
        )),
        "{err}"
    );
    assert!(err.contains("hint: make the brief writable"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn changes_exits_1_only_for_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.brief.yaml"), "version: 1\ntitel: x\n").unwrap();
    let out = briefing(&["changes", "b.brief.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("b.brief.yaml:2:1: unknown field \"titel\""),
        "{}",
        stderr(&out)
    );
}
