//! Fixtures shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use briefing::model::Brief;
use briefing::{Opened, compose};

/// The shipped `briefs/` folder.
pub fn briefs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs")
}

/// Every sample brief shipped in `briefs/`.
pub fn sample_briefs() -> Vec<PathBuf> {
    let mut briefs: Vec<PathBuf> = std::fs::read_dir(briefs_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".brief.yaml"))
        .collect();
    briefs.sort();
    assert!(briefs.len() >= 2, "expected the sample briefs");
    briefs
}

/// A copy of `briefs/` in a fresh temporary folder.
pub fn copy_of_briefs() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(briefs_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

/// Opens a sample brief by file name.
pub fn open_sample(name: &str) -> Opened {
    Opened::open(&briefs_dir().join(name)).unwrap()
}

/// Exports a brief against the dossier of `opened`, returning the PDF bytes.
pub fn export(opened: &Opened, brief: &Brief) -> Vec<u8> {
    let composed = compose(&opened.dossier.doc, brief);
    briefing::export::render(&composed, &Default::default())
        .unwrap()
        .bytes
}

/// The text of each page of a PDF, with runs of whitespace made single spaces, as a reader
/// searching the page would see it.
pub fn pages_text(pdf_bytes: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf_bytes)
        .unwrap()
        .into_iter()
        .map(|p| {
            let folded = p.split_whitespace().collect::<Vec<_>>().join(" ");
            // A word hyphenated at a line's end reads whole: the hyphen drawn there stands
            // for a soft hyphen, which a reader's copy drops with the line break.
            folded.replace("\u{ad} ", "").replace('\u{ad}', "")
        })
        .collect()
}

/// All the text of a PDF as one string.
pub fn all_text(pdf_bytes: &[u8]) -> String {
    pages_text(pdf_bytes).join(" ")
}

/// Text as it reads once whitespace is folded, for comparing with extracted PDF text.
pub fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Width and height of the first page, in points.
pub fn page_size_pt(pdf: &[u8]) -> (f32, f32) {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let (_, page_id) = doc.get_pages().into_iter().next().unwrap();
    let page = doc.get_dictionary(page_id).unwrap();
    let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
    let num = |o: &lopdf::Object| {
        o.as_float()
            .or_else(|_| o.as_i64().map(|i| i as f32))
            .unwrap()
    };
    (num(&media[2]), num(&media[3]))
}

/// The base names of the fonts a PDF embeds, e.g. `ABCDEF+Roboto-Regular`.
pub fn font_names(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor".as_slice())
        })
        .filter_map(|d| d.get(b"FontName").and_then(|n| n.as_name()).ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect()
}

/// The dossier in `dir` as a research desk would leave it a week later: a new event inside the
/// background pack's 2025 slice, one from 2021 outside every slice, the territory figure
/// revised from ≈19% to ≈20%, and the Geneva framework event removed.
pub fn a_week_later(dir: &Path) {
    let path = dir.join("ukraine-peace-push.dossier.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "\ntimeline:\n",
        "\ntimeline:\n  - id: ev-2025-12-09-london-meeting\n    date: \"2025-12-09\"\n    \
         category: Summit\n    title: Zelenskyy meets Macron, Starmer and Merz in London\n  \
         - id: ev-2021-11-01-buildup\n    date: \"2021-11-01\"\n    category: Military\n    \
         title: Russian build-up on the border reported\n",
        1,
    );
    assert!(text.contains("value: \"≈19%\""));
    let text = text.replacen("value: \"≈19%\"", "value: \"≈20%\"", 1);
    let start = text.find("  - id: ev-2025-11-23-geneva-framework").unwrap();
    let end = start + 5 + text[start + 5..].find("\n  - id:").unwrap() + 1;
    let text = format!("{}{}", &text[..start], &text[end..]);
    std::fs::write(&path, text).unwrap();
}

/// Puts a "Since the last brief" section first in the brief at `path`, unless it has one.
pub fn with_changes_section(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    if text.contains("\n  - kind: changes\n") {
        return;
    }
    let text = text.replacen("\nsections:\n", "\nsections:\n  - kind: changes\n", 1);
    std::fs::write(path, text).unwrap();
}

/// Runs the `briefing` binary in `dir`, as a user would from that folder.
pub fn briefing(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

/// What a run printed to standard error.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What a run printed to standard output.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}
