//! The `briefing` binary run as a user would: exit codes, what it prints, the files it
//! writes and does not write.

mod common;

use std::path::Path;
use std::process::Command;

use common::{briefing, stderr, stdout};

fn bad_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("bad")
}

#[test]
fn export_writes_the_pdf_beside_the_brief() {
    let dir = common::copy_of_briefs();
    let out = briefing(&["export", "principal-premeeting.brief.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pdf = dir.path().join("principal-premeeting.pdf");
    assert!(
        stdout(&out).contains("principal-premeeting.pdf (2 pages"),
        "{}",
        stdout(&out)
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert!(common::all_text(&bytes).contains("Talking points"));
}

#[test]
fn export_to_a_named_file_without_annotations() {
    let dir = common::copy_of_briefs();
    let out = briefing(
        &[
            "export",
            "principal-premeeting.brief.yaml",
            "-o",
            "press.pdf",
            "--no-annotations",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = common::all_text(&std::fs::read(dir.path().join("press.pdf")).unwrap());
    assert!(!text.contains("TALKING POINT"));
    assert!(
        !text.contains("Talking points"),
        "the notes section goes too"
    );
    assert!(!text.contains("How far do the European counter-plan"));
    assert!(text.contains("Key indicators"));
    assert!(!dir.path().join("principal-premeeting.pdf").exists());
}

#[test]
fn export_of_a_broken_brief_writes_nothing_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let brief = dir.path().join("broken.brief.yaml");
    std::fs::copy(bad_dir().join("several-problems.brief.yaml"), &brief).unwrap();
    let out = briefing(&["export", "broken.brief.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not exported"), "{}", stderr(&out));
    assert!(!dir.path().join("broken.pdf").exists());
}

#[test]
fn export_into_a_missing_folder_exits_2_and_names_the_path() {
    let dir = common::copy_of_briefs();
    let out = briefing(
        &[
            "export",
            "principal-premeeting.brief.yaml",
            "-o",
            "gone/out.pdf",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("gone/out.pdf: cannot write"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_missing_brief_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = briefing(&["validate", "nowhere.brief.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("nowhere.brief.yaml: cannot read"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn validate_passes_the_samples() {
    for path in common::sample_briefs() {
        let out = briefing(&["validate", path.to_str().unwrap()], Path::new("."));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(stdout(&out).contains(": ok"));
    }
    let dossier = common::briefs_dir().join("ukraine-peace-push.dossier.yaml");
    let out = briefing(&["validate", dossier.to_str().unwrap()], Path::new("."));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// Every file in tests/bad and the message it must produce, located.
const BAD: &[(&str, &str)] = &[
    (
        "bad-date.brief.yaml",
        "bad-date.brief.yaml:5:12: sections[0]: invalid date \"2025-02-30\"",
    ),
    (
        "duplicate-id.dossier.yaml",
        "duplicate-id.dossier.yaml:7:11: duplicate id \"ann\"",
    ),
    (
        "duplicate-id.dossier.yaml",
        ":7:60: unknown source \"src-missing\"",
    ),
    ("empty.brief.yaml", "empty.brief.yaml: file is empty"),
    ("exported.brief.yaml", "exported.brief.yaml: this is a PDF"),
    ("latin1.brief.yaml", "latin1.brief.yaml:2:11: invalid UTF-8"),
    (
        "missing-dossier.brief.yaml",
        "missing-dossier.brief.yaml:2:10: dossier",
    ),
    (
        "newer-version.brief.yaml",
        "newer-version.brief.yaml:1:10: brief format version 7 is newer",
    ),
    (
        "several-problems.brief.yaml",
        ":4:29: unknown id \"zelensky\"",
    ),
    (
        "several-problems.brief.yaml",
        "hint: did you mean \"zelenskyy\"?",
    ),
    (
        "several-problems.brief.yaml",
        ":7:28: unknown id \"ind-teritory\"",
    ),
    (
        "several-problems.brief.yaml",
        ":9:11: \"from\" (2025-12-01) is after \"to\" (2025-11-01)",
    ),
    (
        "several-problems.brief.yaml",
        ":11:18: unknown category \"Negotiations\"",
    ),
    (
        "several-problems.brief.yaml",
        ":13:12: \"limit\" applies only to timeline sections",
    ),
    (
        "several-problems.brief.yaml",
        ":15:11: warning: annotation on \"ev-gone\" is kept",
    ),
    ("several-problems.brief.yaml", "5 error(s), 2 warning(s)"),
    (
        "unknown-field.brief.yaml",
        "unknown-field.brief.yaml:2:1: unknown field \"titel\"",
    ),
    ("unknown-field.brief.yaml", "hint: did you mean \"title\"?"),
    (
        "several-typos.brief.yaml",
        "several-typos.brief.yaml:2:1: unknown field \"titel\"",
    ),
    (
        "several-typos.brief.yaml",
        ":5:5: sections[0]: unknown field \"headng\"",
    ),
    (
        "several-typos.brief.yaml",
        ":7:3: meeting: unknown field \"purpse\"",
    ),
    (
        "several-typos.brief.yaml",
        "hint: did you mean \"purpose\"?",
    ),
    (
        "wrong-kind.brief.yaml",
        ":4:11: sections[0].kind: unknown value \"timelines\"",
    ),
    ("wrong-kind.brief.yaml", "hint: did you mean \"timeline\"?"),
    (
        "wrong-type.brief.yaml",
        ":3:11: sections: expected a list, found text",
    ),
];

#[test]
fn every_bad_file_gets_exit_1_and_its_located_message() {
    for (file, expected) in BAD {
        let out = briefing(&["validate", file], &bad_dir());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{file}: {err}");
        assert!(
            err.contains(expected),
            "{file}: expected {expected:?} in:\n{err}"
        );
        assert!(!err.contains("panicked"), "{file}: {err}");
    }
    let listed: std::collections::HashSet<&str> = BAD.iter().map(|(f, _)| *f).collect();
    for entry in std::fs::read_dir(bad_dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            listed.contains(name.as_str()),
            "tests/bad/{name} has no expected message"
        );
    }
}

#[test]
fn schema_prints_json_schema_for_both_formats() {
    for (format, field) in [("brief", "include_annotations"), ("dossier", "timeline")] {
        let out = briefing(&["schema", format], Path::new("."));
        assert_eq!(out.status.code(), Some(0));
        let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(
            schema["$schema"]
                .as_str()
                .unwrap()
                .contains("json-schema.org")
        );
        assert!(
            schema["properties"][field].is_object(),
            "{format} has no {field}"
        );
        assert_eq!(
            schema["additionalProperties"],
            serde_json::Value::Bool(false)
        );
    }
}

#[test]
fn the_shipped_schema_files_are_current() {
    let dir = common::briefs_dir().join("schema");
    for format in ["brief", "dossier"] {
        let out = briefing(&["schema", format], Path::new("."));
        let shipped = std::fs::read_to_string(dir.join(format!("{format}.schema.json"))).unwrap();
        assert_eq!(
            stdout(&out),
            shipped,
            "briefs/schema/{format}.schema.json is stale: run `cargo run -- schema {format} > briefs/schema/{format}.schema.json`"
        );
    }
}

#[test]
fn no_arguments_and_help_explain_the_commands() {
    let out = briefing(&["--help"], Path::new("."));
    assert_eq!(out.status.code(), Some(0));
    for command in ["export", "validate", "schema"] {
        assert!(stdout(&out).contains(command));
    }
}

#[test]
fn export_warns_of_a_character_it_cannot_print() {
    let dir = tempfile::tempdir().unwrap();
    let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    for f in ["scripts.brief.yaml", "scripts.dossier.yaml"] {
        std::fs::copy(scripts.join(f), dir.path().join(f)).unwrap();
    }
    let out = briefing(&["export", "scripts.brief.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning: character U+10FFFD \"\u{10FFFD}\" in section 2 \"People\""),
        "{}",
        stderr(&out)
    );
}

/// Hostile and huge input, made on the fly: each is refused with a clear, located message
/// (a hang would fail the test by never finishing).
#[test]
fn hostile_input_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: String| std::fs::write(dir.path().join(name), text).unwrap();
    let lol = "[{item: x, text: lol}]";
    let mut bomb = format!("version: 1\ntitle: bomb\nsections: []\nannotations: [&a {lol}");
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        bomb.push_str(&format!(
            ", &{name} [{}]",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    bomb.push_str("]\n");
    write("bomb.brief.yaml", bomb);
    write(
        "deep.brief.yaml",
        format!(
            "version: 1\ntitle: deep\nsections: {}{}\n",
            "[".repeat(5000),
            "]".repeat(5000)
        ),
    );
    write(
        "line.brief.yaml",
        format!(
            "version: 1\ntitle: \"{}\"\nsections:\n  - kind: overview\n",
            "x".repeat(5_000_000)
        ),
    );
    let words = vec!["word"; 200_000].join(" ");
    write(
        "note.brief.yaml",
        format!(
            "version: 1\ntitle: t\nsections:\n  - kind: notes\n    annotations:\n      - text: \"{words}\"\n"
        ),
    );
    write(
        "huge.brief.yaml",
        format!(
            "version: 1\ntitle: t\nsections: []\n#{}\n",
            "x".repeat(50 << 20)
        ),
    );
    for (file, expected) in [
        ("bomb.brief.yaml", "bomb.brief.yaml:"),
        ("deep.brief.yaml", "deep.brief.yaml:3:"),
        (
            "line.brief.yaml",
            "line.brief.yaml:2:8: text of 5000000 characters; one field holds at most 20000",
        ),
        (
            "note.brief.yaml",
            "note.brief.yaml:6:15: text of 999999 characters",
        ),
        (
            "huge.brief.yaml",
            "huge.brief.yaml: file is 50 MB; briefs and dossiers are refused above 16 MB",
        ),
    ] {
        let out = briefing(&["export", file], dir.path());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{file}: {err}");
        assert!(
            err.contains(expected),
            "{file}: expected {expected:?} in:\n{}",
            &err[..err.len().min(2000)]
        );
        assert!(
            !dir.path()
                .join(file.replace(".brief.yaml", ".pdf"))
                .exists()
        );
    }
}

#[test]
fn export_never_writes_over_its_own_brief_or_dossier() {
    let dir = common::copy_of_briefs();
    let brief = dir.path().join("background-pack.brief.yaml");
    let before = std::fs::read(&brief).unwrap();
    for target in [
        "background-pack.brief.yaml",
        "./background-pack.brief.yaml",
        "ukraine-peace-push.dossier.yaml",
    ] {
        let out = briefing(
            &["export", "background-pack.brief.yaml", "-o", target],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2), "{target}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("an input of this export"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(
        std::fs::read(&brief).unwrap(),
        before,
        "the brief is untouched"
    );
    let dossier = std::fs::read_to_string(dir.path().join("ukraine-peace-push.dossier.yaml"));
    assert!(
        dossier.unwrap().contains("version:"),
        "the dossier is untouched"
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["schema", "dossier"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close our end before the child has written: its writes meet a broken pipe.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_ne!(out.status.code(), Some(101), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn validate_warns_over_the_page_budget_and_lists_what_each_section_takes() {
    let dir = common::copy_of_briefs();
    let path = dir.path().join("principal-premeeting.brief.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("\ntitle:", "\npage_budget: 1\ntitle:", 1),
    )
    .unwrap();
    let out = briefing(&["validate", "principal-premeeting.brief.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("warning: the brief takes 2 pages, 1 over its budget of 1"),
        "{err}"
    );
    assert!(err.contains("Key indicators: 0."), "{err}");
}

#[test]
fn export_pdfa_writes_a_tagged_archival_file() {
    let dir = common::copy_of_briefs();
    let out = briefing(
        &[
            "export",
            "principal-premeeting.brief.yaml",
            "-o",
            "archive.pdf",
            "--pdfa",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = std::fs::read(dir.path().join("archive.pdf")).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("pdfaid"), "PDF/A identification in the XMP");
    assert!(text.contains("/StructTreeRoot"), "tagged");
    assert!(common::all_text(&bytes).contains("Talking points"));
}

/// One anchored list reused by a thousand fields, the 1.26 GB case: refused where the
/// copies pile up, at once, not validated "ok".
#[test]
fn alias_amplification_is_refused_at_the_alias() {
    let dir = tempfile::tempdir().unwrap();
    let ids: Vec<String> = (0..1000).map(|i| format!("id-{i}")).collect();
    let mut text = format!(
        "version: 1\ntitle: t\nsections:\n  - kind: people\n    items: &many [{}]\n",
        ids.join(", ")
    );
    for _ in 0..1000 {
        text.push_str("  - kind: people\n    items: *many\n");
    }
    std::fs::write(dir.path().join("amp.brief.yaml"), text).unwrap();
    let out = briefing(&["validate", "amp.brief.yaml"], dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("amp.brief.yaml:"), "{err}");
    assert!(err.contains("counting each alias as a copy"), "{err}");
}

/// Pipes and devices are refused before they are opened: neither waits nor reads forever.
#[cfg(unix)]
#[test]
fn pipes_and_devices_are_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.brief.yaml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for target in [fifo.to_str().unwrap(), "/dev/zero"] {
        let out = briefing(&["validate", target], dir.path());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{target}: {err}");
        assert!(err.contains("not a regular file"), "{target}: {err}");
    }
    // As a brief's dossier too.
    std::fs::write(
        dir.path().join("b.brief.yaml"),
        "version: 1\ndossier: pipe.brief.yaml\ntitle: t\nsections:\n  - kind: overview\n",
    )
    .unwrap();
    let out = briefing(&["export", "b.brief.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
}

/// A dossier saved under any name is validated as a dossier, and a brief whose name happens
/// to contain ".dossier." as a brief.
#[test]
fn a_file_is_validated_by_what_it_holds() {
    let dir = common::copy_of_briefs();
    let d = dir.path();
    std::fs::copy(
        d.join("ukraine-peace-push.dossier.yaml"),
        d.join("topic.yaml"),
    )
    .unwrap();
    let out = briefing(&["validate", "topic.yaml"], d);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::copy(
        d.join("principal-premeeting.brief.yaml"),
        d.join("notes.dossier.brief.yaml"),
    )
    .unwrap();
    let out = briefing(&["validate", "notes.dossier.brief.yaml"], d);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// `validate` names, at their line and column, the characters `export` will replace.
#[test]
fn validate_locates_the_characters_export_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    for f in ["scripts.brief.yaml", "scripts.dossier.yaml"] {
        std::fs::copy(scripts.join(f), dir.path().join(f)).unwrap();
    }
    let out = briefing(&["validate", "scripts.brief.yaml"], dir.path());
    let err = stderr(&out);
    let text = std::fs::read_to_string(dir.path().join("scripts.dossier.yaml")).unwrap();
    let line = text.lines().position(|l| l.contains('\u{10FFFD}')).unwrap() + 1;
    assert!(
        err.contains(&format!("scripts.dossier.yaml:{line}:")) && err.contains("U+10FFFD"),
        "{err}"
    );
}

/// Export keeps a replaced PDF's permissions and writes through a symbolic link; a read-only
/// PDF is refused and left as it was.
#[cfg(unix)]
#[test]
fn export_respects_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let dir = common::copy_of_briefs();
    let d = dir.path();
    let pdf = d.join("team.pdf");
    std::fs::write(&pdf, "old").unwrap();
    std::fs::set_permissions(&pdf, std::fs::Permissions::from_mode(0o664)).unwrap();
    let out = briefing(
        &[
            "export",
            "principal-premeeting.brief.yaml",
            "-o",
            "team.pdf",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meta = std::fs::metadata(&pdf).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o664);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    std::fs::create_dir(d.join("shared")).unwrap();
    std::fs::write(d.join("shared/real.pdf"), "old").unwrap();
    std::os::unix::fs::symlink("shared/real.pdf", d.join("link.pdf")).unwrap();
    let out = briefing(
        &[
            "export",
            "principal-premeeting.brief.yaml",
            "-o",
            "link.pdf",
        ],
        d,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(d.join("link.pdf"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read(d.join("shared/real.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );

    let locked = d.join("locked.pdf");
    std::fs::write(&locked, "keep").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = briefing(
        &[
            "export",
            "principal-premeeting.brief.yaml",
            "-o",
            "locked.pdf",
        ],
        d,
    );
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&locked).unwrap(), b"keep");
}

#[test]
fn new_dossier_and_new_brief_write_files_that_validate_and_are_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = briefing(&["new", "dossier", "water-talks"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dossier = dir.path().join("water-talks.dossier.yaml");
    let text = std::fs::read_to_string(&dossier).unwrap();
    assert!(text.contains("title: Water talks"), "{text}");
    let out = briefing(&["validate", "water-talks.dossier.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let out = briefing(
        &[
            "new",
            "brief",
            "--dossier",
            "water-talks.dossier.yaml",
            "monday",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let brief = std::fs::read_to_string(dir.path().join("monday.brief.yaml")).unwrap();
    assert!(
        brief.contains("dossier: water-talks.dossier.yaml"),
        "{brief}"
    );
    let out = briefing(&["validate", "monday.brief.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // An existing file is kept unless --force says otherwise.
    std::fs::write(&dossier, "kept").unwrap();
    let out = briefing(&["new", "dossier", "water-talks"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&dossier).unwrap(), "kept");
    let out = briefing(&["new", "dossier", "water-talks", "--force"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn import_a_story_page_then_events_into_it_then_export() {
    let dir = tempfile::tempdir().unwrap();
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources/003_9a9f430b0e65a9c1.txt");
    std::fs::copy(&seed, dir.path().join("page.txt")).unwrap();
    let out = briefing(
        &["import", "page.txt", "-o", "peace.dossier.yaml"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("5 indicators, 7 people, 4 organisations, 15 events (15 undated), 5 scenarios, 3 precedents"),
        "{}",
        stdout(&out)
    );
    let out = briefing(&["validate", "peace.dossier.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).matches("needs a date").count(),
        15,
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("ok (15 warning(s))"));

    // Not over an existing file, and never over the input.
    let again = briefing(
        &["import", "page.txt", "-o", "peace.dossier.yaml"],
        dir.path(),
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exists"));
    let over = briefing(
        &["import", "page.txt", "-o", "page.txt", "--force"],
        dir.path(),
    );
    assert_eq!(over.status.code(), Some(2));
    assert!(
        std::fs::read_to_string(dir.path().join("page.txt"))
            .unwrap()
            .contains("Overview")
    );

    std::fs::write(
        dir.path().join("desk.csv"),
        "Date,Category,Title,Summary,URL\n\
         2025-12-08,Public Statement,\"Talks in London, with Macron\",\"Zelenskyy meets\nEuropean leaders\",https://example.org/london\n\
         2025-13-01,Summit,Impossible month,,\n",
    )
    .unwrap();
    let before = std::fs::read_to_string(dir.path().join("peace.dossier.yaml")).unwrap();
    let out = briefing(
        &["import", "desk.csv", "--into", "peace.dossier.yaml"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "a row was left out");
    assert!(
        stderr(&out).contains("desk.csv:4:1: row not added: invalid date \"2025-13-01\""),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("1 event(s) added, 1 new source(s), 1 row(s) not added"));
    let after = std::fs::read_to_string(dir.path().join("peace.dossier.yaml")).unwrap();
    assert!(after.starts_with(before.lines().next().unwrap()));
    assert!(after.contains("Talks in London, with Macron"));

    let out = briefing(
        &["new", "brief", "--dossier", "peace.dossier.yaml", "pack"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = briefing(&["export", "pack.brief.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = common::all_text(&std::fs::read(dir.path().join("pack.pdf")).unwrap());
    assert!(text.contains("Talks in London, with Macron"));
    assert!(text.contains("Witkoff and Kushner hold marathon Kremlin talks"));
}
