//! Starting from nothing: today's date, an empty dossier named for its file, and a new brief
//! on a dossier. The CLI's `briefing new` and the app's File → New and New dossier… use these,
//! so a brief or dossier started either way is the same.

use std::path::{Path, PathBuf};

use crate::import::slug::slugify;
use crate::model::{BRIEF_VERSION_PLAIN, Brief, Date, Dossier, PageSize, Section, SectionKind};

/// The marking a new brief starts with.
pub const DEFAULT_MARKING: &str = "INTERNAL \u{2014} FOR MEETING USE ONLY";

/// The file suffix of a dossier.
pub const DOSSIER_SUFFIX: &str = ".dossier.yaml";

/// The file suffix of a brief.
pub const BRIEF_SUFFIX: &str = ".brief.yaml";

/// Today's date in UTC.
pub fn today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    let (year, month, day) = crate::pdf::civil_from_days(days);
    i32::try_from(year)
        .ok()
        .and_then(|year| Date::new(year, month, day))
        .unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        })
}

/// `name` with `suffix` added unless it already ends so.
pub fn with_suffix(name: &Path, suffix: &str) -> PathBuf {
    if name.to_string_lossy().ends_with(suffix) {
        name.to_path_buf()
    } else {
        PathBuf::from(format!("{}{suffix}", name.display()))
    }
}

/// The topic as the staffer named its file: the name without folder and suffix, in words,
/// capitalised ("water-talks.dossier.yaml" is "Water talks").
pub fn topic(path: &Path, suffix: &str) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(suffix).unwrap_or(&name);
    let words = stem.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "New topic".to_owned(),
    }
}

/// An empty, valid dossier named for the file it will be saved as, as of today.
pub fn dossier_for_file(path: &Path) -> Dossier {
    let title = topic(path, DOSSIER_SUFFIX);
    Dossier::empty(&slugify(&title), &title, today())
}

/// A new brief on `dossier` (named in the file by `field`; `None` for the built-in one), with
/// every section the dossier can fill. Notes and "since the last brief" are the staffer's to
/// add.
pub fn brief_on(dossier: &Dossier, field: Option<String>) -> Brief {
    Brief {
        version: BRIEF_VERSION_PLAIN,
        dossier: field,
        title: "Untitled brief".into(),
        subtitle: dossier.title.clone(),
        meeting: Default::default(),
        prepared_for: String::new(),
        prepared_by: String::new(),
        marking: DEFAULT_MARKING.into(),
        page_size: PageSize::A4,
        language: "en".to_owned(),
        justify: false,
        page_budget: None,
        include_annotations: true,
        press_marking: None,
        sections: SectionKind::ALL
            .into_iter()
            .filter(|k| !matches!(k, SectionKind::Notes | SectionKind::Changes))
            .map(Section::new)
            .collect(),
        annotations: Vec::new(),
        last_export: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_becomes_a_topic_and_an_empty_dossier_that_validates() {
        assert_eq!(
            topic(Path::new("a/water-talks.dossier.yaml"), DOSSIER_SUFFIX),
            "Water talks"
        );
        assert_eq!(
            topic(Path::new(".dossier.yaml"), DOSSIER_SUFFIX),
            "New topic"
        );
        let d = dossier_for_file(Path::new("water_talks.dossier.yaml"));
        assert_eq!(
            (d.id.as_str(), d.title.as_str()),
            ("water-talks", "Water talks")
        );
        let brief = brief_on(&d, Some("water_talks.dossier.yaml".into()));
        let findings = crate::validate::validate(&d, &brief);
        let errors = findings
            .iter()
            .filter(|f| f.severity == crate::Severity::Error);
        assert_eq!(errors.count(), 0, "{findings:?}");
    }
}
