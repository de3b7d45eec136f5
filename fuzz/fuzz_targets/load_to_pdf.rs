//! load -> validate -> compose -> render, on arbitrary bytes taken as a brief file over the
//! built-in dossier. Nothing may panic; every input ends in problems or in a PDF.
#![no_main]

use std::sync::OnceLock;

use briefing::model::Dossier;
use briefing::{compose, export, store, validate, yaml_patch};
use libfuzzer_sys::fuzz_target;

fn dossier() -> &'static Dossier {
    static DOSSIER: OnceLock<Dossier> = OnceLock::new();
    DOSSIER.get_or_init(|| match store::default_dossier() {
        Ok(d) => d.doc,
        Err(e) => panic!("the built-in dossier does not load: {e}"),
    })
}

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("briefing-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("input.brief.yaml");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let Ok(loaded) = store::read_brief(&path) else { return };
    // Saving without an edit gives the file back unchanged; with one, text that reads back
    // as the edited brief.
    let read = |text: &str| store::parse_brief(text, "fuzz").ok();
    match yaml_patch::to_string_over_with(&loaded.text, &loaded.doc, &loaded.doc, read) {
        Ok(same) => assert_eq!(same, loaded.text, "an unedited save changed the file"),
        Err(_) => return,
    }
    let mut edited = loaded.doc.clone();
    edited.title.push_str(" (edited)");
    if let Ok(text) = yaml_patch::to_string_over_with(&loaded.text, &loaded.doc, &edited, read) {
        assert_eq!(read(&text).as_ref(), Some(&edited), "a save does not read back");
    }
    let brief = loaded.doc;
    // A relative dossier path points nowhere here; fuzz against the built-in dossier.
    let findings = validate::validate(dossier(), &brief);
    let composed = compose(dossier(), &brief);
    if findings.iter().any(|f| f.severity == briefing::Severity::Error) {
        return;
    }
    let _ = export::render(&composed, &Default::default());
});
