//! Reading and writing dossier and brief files: YAML in, typed documents out, every problem
//! located by file, line and column. The only module that knows the files are YAML.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::locate::Locator;
use crate::model::{BRIEF_VERSION, Brief, DOSSIER_VERSION, Dossier};
use crate::problem::{Doc, Finding, Problem, Severity, YamlPath};

/// The default dossier, compiled in so the app works from any folder.
pub const DEFAULT_DOSSIER_YAML: &str = include_str!("../briefs/ukraine-peace-push.dossier.yaml");

/// How problems name the built-in dossier.
pub const DEFAULT_DOSSIER_NAME: &str = "<built-in dossier>";

/// Files larger than this are refused before parsing: no brief or dossier comes near it.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// What went wrong reading or writing a file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be read at all.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file could not be written; the old file, if any, is untouched.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file was read but its content has problems.
    #[error("{}", join(.0))]
    Invalid(Vec<Problem>),
}

fn join(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A document together with the text it was read from, for locating problems found later.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    /// The parsed document.
    pub doc: T,
    /// The file as the user named it, or [`DEFAULT_DOSSIER_NAME`].
    pub name: String,
    /// The text it was parsed from.
    pub text: String,
}

impl<T> Loaded<T> {
    /// Ties findings about this document to its file, line and column.
    pub fn locate(&self, findings: &[&Finding]) -> Vec<Problem> {
        let locator = Locator::new(&self.text);
        findings
            .iter()
            .map(|f| Problem {
                severity: f.severity,
                file: self.name.clone(),
                position: locator.find(&f.path),
                message: f.message.clone(),
                hint: f.hint.clone(),
            })
            .collect()
    }
}

/// A file in the shipped `briefs/` folder of the source tree, for benchmarks and tests.
pub fn briefs_dir_sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("briefs")
        .join(name)
}

/// Reads a brief file.
pub fn read_brief(path: &Path) -> Result<Loaded<Brief>, StoreError> {
    let name = path.display().to_string();
    let text = read_text(path)?;
    let brief = parse_brief(&text, &name)
        .map_err(|problems| wrong_kind(problems, &text, &name, Kind::Brief))?;
    Ok(Loaded {
        doc: brief,
        name,
        text,
    })
}

/// Reads a dossier file.
pub fn read_dossier(path: &Path) -> Result<Loaded<Dossier>, StoreError> {
    let name = path.display().to_string();
    let text = read_text(path)?;
    let dossier = parse_dossier(&text, &name)
        .map_err(|problems| wrong_kind(problems, &text, &name, Kind::Dossier))?;
    Ok(Loaded {
        doc: dossier,
        name,
        text,
    })
}

/// A file that does not read as the kind wanted, because it is the other kind, is named
/// for what it is rather than listed field by field.
fn wrong_kind(problems: Vec<Problem>, text: &str, name: &str, wanted: Kind) -> StoreError {
    let Some(found) = kind_signal(text).filter(|k| *k != wanted) else {
        return StoreError::Invalid(problems);
    };
    let (message, hint) = match found {
        Kind::Dossier => (
            "this file is a dossier, not a brief",
            "open a brief made from it (its `dossier:` names this file), or start a new brief on it",
        ),
        Kind::Brief => (
            "this file is a brief, not a dossier",
            "a brief's `dossier:` names its dossier file; open that one",
        ),
    };
    StoreError::Invalid(vec![Problem {
        severity: Severity::Error,
        file: name.to_owned(),
        position: None,
        message: message.into(),
        hint: Some(hint.into()),
    }])
}

/// The built-in default dossier.
pub fn default_dossier() -> Result<Loaded<Dossier>, StoreError> {
    let dossier =
        parse_dossier(DEFAULT_DOSSIER_YAML, DEFAULT_DOSSIER_NAME).map_err(StoreError::Invalid)?;
    Ok(Loaded {
        doc: dossier,
        name: DEFAULT_DOSSIER_NAME.to_owned(),
        text: DEFAULT_DOSSIER_YAML.to_owned(),
    })
}

/// The dossier a brief is made from: its `dossier` path, relative to the brief's folder, or the
/// built-in default. Problems with the path are located at the brief's `dossier` field.
pub fn dossier_for(
    brief: &Loaded<Brief>,
    brief_path: &Path,
) -> Result<Loaded<Dossier>, StoreError> {
    let Some(relative) = &brief.doc.dossier else {
        return default_dossier();
    };
    let path = dossier_path(brief_path, relative);
    let field = YamlPath::root().key("dossier");
    let problem = |message: String, hint: &str| {
        let finding = Finding::error(Doc::Brief, field.clone(), message).with_hint(hint);
        StoreError::Invalid(brief.locate(&[&finding]))
    };
    match fs::metadata(&path) {
        Err(e) => Err(problem(
            format!("dossier \"{}\" cannot be opened: {e}", path.display()),
            "the path is relative to the brief's folder; remove the field to use the built-in dossier",
        )),
        Ok(meta) if meta.is_dir() => Err(problem(
            format!("dossier \"{}\" is a folder, not a file", path.display()),
            "name a *.dossier.yaml file",
        )),
        Ok(_) => read_dossier(&path),
    }
}

/// What a file holds, told by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A brief: it has `sections`, `meeting` or `dossier`.
    Brief,
    /// A dossier: it has `as_of`, `timeline`, `overview` or the other lists only a dossier has.
    Dossier,
}

/// Whether a file is a brief or a dossier, by its top-level fields; a file that says
/// neither is taken for a brief, whose problems then say what is missing. Reading problems
/// (a pipe, a huge file, bad UTF-8) are reported as for reading the file itself.
pub fn kind_of(path: &Path) -> Result<Kind, StoreError> {
    let text = read_text(path)?;
    Ok(kind_of_text(&text))
}

fn kind_of_text(text: &str) -> Kind {
    kind_signal(text).unwrap_or(Kind::Brief)
}

/// What the top-level fields say a text is, if they say anything.
fn kind_signal(text: &str) -> Option<Kind> {
    const BRIEF: [&str; 4] = ["sections", "meeting", "dossier", "annotations"];
    const DOSSIER: [&str; 8] = [
        "as_of",
        "overview",
        "indicators",
        "people",
        "organizations",
        "timeline",
        "scenarios",
        "precedents",
    ];
    crate::guard::screen(text).ok()?;
    let Ok(serde_yaml::Value::Mapping(top)) = serde_yaml::from_str::<serde_yaml::Value>(text)
    else {
        return None;
    };
    let has = |names: &[&str]| names.iter().any(|n| top.contains_key(*n));
    if has(&BRIEF) {
        Some(Kind::Brief)
    } else if has(&DOSSIER) {
        Some(Kind::Dossier)
    } else {
        None
    }
}

/// Where a brief's `dossier` path points.
pub fn dossier_path(brief_path: &Path, relative: &str) -> PathBuf {
    brief_path.parent().unwrap_or(Path::new(".")).join(relative)
}

/// Where a brief's PDF goes by default: beside it, `x.brief.yaml` -> `x.pdf`.
pub fn pdf_path_for(brief: &Path) -> PathBuf {
    let name = brief
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = [".brief.yaml", ".brief.yml", ".yaml", ".yml"]
        .iter()
        .find_map(|ext| name.strip_suffix(ext))
        .unwrap_or(&name);
    let stem = if stem.is_empty() { "brief" } else { stem };
    brief.with_file_name(format!("{stem}.pdf"))
}

/// Parses a brief from text; `name` is used in problems.
pub fn parse_brief(text: &str, name: &str) -> Result<Brief, Vec<Problem>> {
    parse(text, name, "brief", BRIEF_VERSION, &|| {
        serde_json::to_value(schemars::schema_for!(Brief)).unwrap_or_default()
    })
}

/// Parses a dossier from text; `name` is used in problems.
pub fn parse_dossier(text: &str, name: &str) -> Result<Dossier, Vec<Problem>> {
    parse(text, name, "dossier", DOSSIER_VERSION, &|| {
        serde_json::to_value(schemars::schema_for!(Dossier)).unwrap_or_default()
    })
}

/// A brief as YAML text, as it is saved.
pub fn brief_to_yaml(brief: &Brief) -> Result<String, serde_yaml::Error> {
    serde_yaml::to_string(brief)
}

/// A dossier as YAML text.
pub fn dossier_to_yaml(dossier: &Dossier) -> Result<String, serde_yaml::Error> {
    serde_yaml::to_string(dossier)
}

/// Saves a brief over the file it was read from, changing only the lines of what changed
/// (see [`crate::yaml_patch`]): `previous` is the text read or last written and the brief it
/// held; without it the brief is written afresh. Returns the text written, which is the
/// `previous` text of the next save.
pub fn save_brief_over(
    path: &Path,
    brief: &Brief,
    previous: Option<(&str, &Brief)>,
) -> Result<String, StoreError> {
    let text = match previous {
        Some((text, read)) => {
            crate::yaml_patch::to_string_over_with(text, read, brief, |t| parse_brief(t, "").ok())
        }
        None => brief_to_yaml(brief),
    }
    .map_err(|e| StoreError::Write {
        path: path.display().to_string(),
        source: std::io::Error::other(e),
    })?;
    write_atomic(path, text.as_bytes())?;
    Ok(text)
}

/// Writes any serde value as YAML, atomically: for the app's own state files.
pub fn write_yaml<T: serde::Serialize>(path: &Path, value: &T) -> Result<(), StoreError> {
    let text = serde_yaml::to_string(value).map_err(|e| StoreError::Write {
        path: path.display().to_string(),
        source: std::io::Error::other(e),
    })?;
    write_atomic(path, text.as_bytes())
}

/// Reads a YAML state file written by [`write_yaml`]; `None` if it is absent or unreadable.
pub fn read_yaml<T: DeserializeOwned>(path: &Path) -> Option<T> {
    let text = fs::read_to_string(path).ok()?;
    serde_yaml::from_str(&text).ok()
}

/// Saves a brief atomically: the old file stays intact if anything fails.
pub fn save_brief(path: &Path, brief: &Brief) -> Result<(), StoreError> {
    let text = brief_to_yaml(brief).map_err(|e| StoreError::Write {
        path: path.display().to_string(),
        source: std::io::Error::other(e),
    })?;
    write_atomic(path, text.as_bytes())
}

/// Writes bytes to `path` whole or not at all, keeping a replaced file's permissions and
/// writing through a symbolic link; see [`crate::atomic`].
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    crate::atomic::write_atomic(path, bytes).map_err(|source| StoreError::Write {
        path: path.display().to_string(),
        source,
    })
}

fn read_text(path: &Path) -> Result<String, StoreError> {
    let name = path.display().to_string();
    let read_err = |source| StoreError::Read {
        path: name.clone(),
        source,
    };
    let invalid = |message: String, hint: &str| {
        StoreError::Invalid(vec![Problem {
            severity: Severity::Error,
            file: name.clone(),
            position: None,
            message,
            hint: Some(hint.to_owned()),
        }])
    };
    let not_regular = |meta: &fs::Metadata| {
        if meta.is_dir() {
            Some(invalid(
                "is a folder, not a file".into(),
                "name a *.brief.yaml or *.dossier.yaml file",
            ))
        } else if !meta.is_file() {
            Some(invalid(
                "is not a regular file (a pipe, device or socket); it is not read".into(),
                "name a *.brief.yaml or *.dossier.yaml file",
            ))
        } else {
            None
        }
    };
    // Checked before opening: opening a pipe for reading waits for a writer.
    let meta = fs::metadata(path).map_err(read_err)?;
    if let Some(refused) = not_regular(&meta) {
        return Err(refused);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(invalid(
            format!(
                "file is {} MB; briefs and dossiers are refused above {} MB",
                meta.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            "is this the right file?",
        ));
    }
    let file = fs::File::open(path).map_err(read_err)?;
    // And again on what was opened, in case the name was swapped in between.
    if let Some(refused) = not_regular(&file.metadata().map_err(read_err)?) {
        return Err(refused);
    }
    // The cap holds while reading, whatever the file claimed to be when asked.
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(invalid(
            format!(
                "file is larger than {} MB, the most a brief or dossier may be",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            "is this the right file?",
        ));
    }
    decode(bytes, &name).map_err(|p| StoreError::Invalid(vec![p]))
}

/// Text from file bytes, refusing what is plainly not a YAML text file.
fn decode(bytes: Vec<u8>, name: &str) -> Result<String, Problem> {
    let problem = |position, message: String, hint: &str| Problem {
        severity: Severity::Error,
        file: name.to_owned(),
        position,
        message,
        hint: Some(hint.to_owned()),
    };
    if bytes.starts_with(b"%PDF") {
        return Err(problem(
            None,
            "this is a PDF, not a brief or dossier".into(),
            "open the *.brief.yaml file the PDF was exported from",
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(problem(
            None,
            "file is UTF-16; briefs and dossiers are UTF-8".into(),
            "save the file as UTF-8 in your editor",
        ));
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) if text.contains('\0') => Err(problem(
            None,
            "file is binary, not YAML text".into(),
            "open a *.brief.yaml or *.dossier.yaml file",
        )),
        Ok(text) => Ok(text),
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            let column = good.iter().rev().take_while(|b| **b != b'\n').count() + 1;
            Err(problem(
                Some((line, column)),
                "invalid UTF-8".into(),
                "save the file as UTF-8 in your editor",
            ))
        }
    }
}

#[derive(Deserialize)]
struct VersionOnly {
    version: Option<serde_yaml::Value>,
}

fn parse<T: DeserializeOwned>(
    text: &str,
    name: &str,
    what: &str,
    newest: u32,
    schema: &dyn Fn() -> serde_json::Value,
) -> Result<T, Vec<Problem>> {
    let problem = |position, message: String, hint: Option<String>| Problem {
        severity: Severity::Error,
        file: name.to_owned(),
        position,
        message,
        hint,
    };
    if text.trim().is_empty() {
        return Err(vec![problem(
            None,
            format!("file is empty; expected a {what}"),
            None,
        )]);
    }
    // Refuse what would cost unbounded time or memory before anything else reads the text.
    let screened = crate::guard::screen(text).map_err(|fault| {
        vec![problem(
            Some(fault.position),
            fault.message,
            Some(fault.hint),
        )]
    })?;
    // Check the version first: a newer file may have fields this build does not know.
    if let Ok(VersionOnly {
        version: Some(serde_yaml::Value::Number(n)),
    }) = serde_yaml::from_str::<VersionOnly>(text)
        && let Some(v) = n.as_u64()
        && v > u64::from(newest)
    {
        let position = Locator::new(text).find(&YamlPath::root().key("version"));
        return Err(vec![problem(
            position,
            format!("{what} format version {v} is newer than this build understands ({newest})"),
            Some("update Briefing to open this file".into()),
        )]);
    }
    // Merge keys (`<<: *base`) are applied on the document before it is read.
    let as_value = || {
        serde_yaml::from_str::<serde_yaml::Value>(text).and_then(|mut doc| {
            if screened.merge_keys {
                doc.apply_merge()?;
            }
            Ok(doc)
        })
    };
    let parsed = if screened.merge_keys {
        as_value().and_then(T::deserialize)
    } else {
        serde_yaml::from_str::<T>(text)
    };
    parsed.map_err(|e| {
        let first = from_serde(&e, text, name, what);
        let mut problems = vec![first.clone()];
        // serde stops at the first problem of its kind; report every one.
        if let Ok(doc) = as_value() {
            let locator = Locator::new(text);
            for (path, misfit) in crate::fields::misfits(&doc, &schema()) {
                let at = match misfit {
                    crate::fields::Misfit::Unknown(..) => locator.find_key(&path),
                    // A field missing from the whole document is missing at its start.
                    crate::fields::Misfit::Missing(_) if path.0.is_empty() => Some((1, 1)),
                    _ => locator.find(&path),
                };
                let Some(position) = at else { continue };
                if first.position.map(|(line, _)| line) == Some(position.0) {
                    continue; // serde's own report of the same spot
                }
                let within = |p: &YamlPath| {
                    let p = p.to_string();
                    if p.is_empty() {
                        String::new()
                    } else {
                        format!("{p}: ")
                    }
                };
                let quoted = |names: &[String]| {
                    names
                        .iter()
                        .map(|a| format!("\"{a}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let nearest = |name: &str, names: &[String]| {
                    crate::compose::nearest(name, names.iter().map(String::as_str))
                        .map(|n| format!("did you mean \"{n}\"?"))
                };
                let (message, hint) = match misfit {
                    crate::fields::Misfit::Unknown(field, allowed) => (
                        format!(
                            "{}unknown field \"{field}\", expected one of {}",
                            within(&path.parent()),
                            quoted(&allowed)
                        ),
                        nearest(&field, &allowed),
                    ),
                    crate::fields::Misfit::WrongType(expected, found) => (
                        format!("{}expected {expected}, found {found}", within(&path)),
                        None,
                    ),
                    crate::fields::Misfit::Missing(field) => (
                        format!("{}missing field \"{field}\"", within(&path)),
                        Some(format!("add `{field}:`; briefs/README.md describes it")),
                    ),
                    crate::fields::Misfit::NotOneOf(name, allowed) => (
                        format!(
                            "{}unknown value \"{name}\", expected one of {}",
                            within(&path),
                            quoted(&allowed)
                        ),
                        nearest(&name, &allowed),
                    ),
                };
                problems.push(Problem {
                    severity: Severity::Error,
                    file: name.to_owned(),
                    position: Some(position),
                    message,
                    hint,
                });
            }
        }
        crate::problem::sorted(problems)
    })
}

/// A serde_yaml error as a located problem, with a hint for misspelt fields.
fn from_serde(e: &serde_yaml::Error, text: &str, name: &str, what: &str) -> Problem {
    let full = e.to_string();
    // A syntax error that began earlier than where it was noticed (an unclosed quote, an
    // unclosed bracket) reads "PROBLEM at line L column C, while CONTEXT at line L column
    // C": the place it began is where the staffer must look.
    if let Some((problem, context)) = full.split_once(", while ")
        && let Some((context, at)) = context.rsplit_once(" at line ")
        && let Some(start) = line_column(at)
    {
        let problem = problem.split(" at line ").next().unwrap_or(problem);
        let message = if context.contains("quoted scalar") {
            format!("this quoted text is never closed ({problem} while reading it)")
        } else {
            format!("{problem} while {context} that starts here")
        };
        return Problem {
            severity: Severity::Error,
            file: name.to_owned(),
            position: Some(start),
            message: crate::wording::excerpts(&message),
            hint: Some("close the quote or bracket opened here".into()),
        };
    }
    // serde_yaml appends " at line L column C"; the position goes in front instead.
    let message = match full.rfind(" at line ") {
        Some(i) if e.location().is_some() => full[..i].to_owned(),
        _ => full.clone(),
    };
    let message = if message.starts_with("invalid type: unit value") {
        format!("expected a {what}, found an empty document")
    } else {
        crate::wording::plain(&message)
    };
    Problem {
        severity: Severity::Error,
        file: name.to_owned(),
        position: value_position(e, text).or(e.location().map(|l| (l.line(), l.column()))),
        hint: nearest_name_hint(&full),
        message,
    }
}

/// `5 column 12` (the rest of " at line 5 column 12") as (5, 12).
fn line_column(at: &str) -> Option<(usize, usize)> {
    let (line, column) = at.split_once(" column ")?;
    let column: String = column.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, column.parse().ok()?))
}

/// For a value serde rejected after reading it (a date), serde_yaml points at the mapping
/// that holds it; the value itself is the first occurrence of its text from there on.
fn value_position(e: &serde_yaml::Error, text: &str) -> Option<(usize, usize)> {
    let message = e.to_string();
    let value = message.split("invalid date \"").nth(1)?.split('"').next()?;
    let from = e.location()?.index();
    let at = from + text.get(from..)?.find(value)?;
    let before = text.get(..at)?;
    let line = before.matches('\n').count() + 1;
    let column = before.chars().rev().take_while(|c| *c != '\n').count() + 1;
    Some((line, column))
}

/// For `unknown field `titel`, expected one of `title`, ...` (or an unknown variant):
/// "did you mean "title"?".
fn nearest_name_hint(message: &str) -> Option<String> {
    let rest = message
        .split("unknown field `")
        .nth(1)
        .or_else(|| message.split("unknown variant `").nth(1))?;
    let (unknown, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let (best, distance) = candidates
        .iter()
        .map(|c| (*c, strsim::damerau_levenshtein(unknown, c)))
        .min_by_key(|(_, d)| *d)?;
    (distance <= 3 || best.contains(unknown) || unknown.contains(best))
        .then(|| format!("did you mean \"{best}\"?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "version: 1\ntitle: T\nsections:\n  - kind: overview\n";

    #[test]
    fn unknown_field_is_located_with_a_hint() {
        let text = "version: 1\ntitel: T\nsections: []\n";
        let problems = parse_brief(text, "x.brief.yaml").unwrap_err();
        let shown = problems[0].to_string();
        assert!(
            shown.starts_with("x.brief.yaml:2:1: unknown field \"titel\""),
            "{shown}"
        );
        assert!(shown.contains("hint: did you mean \"title\"?"), "{shown}");
    }

    #[test]
    fn every_misspelt_field_is_reported_not_just_the_first() {
        let text = "version: 1\ntitel: T\nsections:\n  - kind: overview\n    headng: H\nmeeting:\n  purpose: P\n  plase: Here\n  bottom_line: one point\npage_size: a5\n";
        let problems = parse_brief(text, "x.brief.yaml").unwrap_err();
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        // "title" is not also reported missing: "titel" is its misspelling.
        assert_eq!(problems.len(), 5, "{shown:#?}");
        assert!(
            shown[3]
                .starts_with("x.brief.yaml:9:16: meeting.bottom_line: expected a list, found text"),
            "{shown:#?}"
        );
        assert!(shown[4].starts_with("x.brief.yaml:10:12: page_size: unknown value \"a5\", expected one of \"a4\", \"letter\""), "{shown:#?}");
        assert!(
            shown[0].starts_with("x.brief.yaml:2:1: unknown field \"titel\""),
            "{shown:#?}"
        );
        assert!(
            shown[1].starts_with("x.brief.yaml:5:5: sections[0]: unknown field \"headng\""),
            "{shown:#?}"
        );
        assert!(
            shown[2].starts_with("x.brief.yaml:8:3: meeting: unknown field \"plase\""),
            "{shown:#?}"
        );
        assert!(
            shown[1].contains("hint: did you mean \"heading\"?"),
            "{shown:#?}"
        );
        assert!(
            shown[2].starts_with("x.brief.yaml:8:3: meeting: unknown field \"plase\""),
            "{shown:#?}"
        );
    }

    #[test]
    fn a_missing_required_field_is_reported_with_the_others() {
        let text = "version: 1\nsubtitle: S\nsections: [{kind: overview, headng: H}]\n";
        let shown: Vec<String> = parse_brief(text, "x.brief.yaml")
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            shown
                .iter()
                .any(|p| p.starts_with("x.brief.yaml:1:1: missing field \"title\"")),
            "{shown:#?}"
        );
        assert!(
            shown.iter().any(|p| p.contains("unknown field \"headng\"")),
            "{shown:#?}"
        );
    }

    #[test]
    fn newer_version_is_refused_by_name() {
        let text = "version: 9\ntitle: T\nsections: []\nfuture: yes\n";
        let shown = parse_brief(text, "x.brief.yaml").unwrap_err()[0].to_string();
        assert!(
            shown.starts_with("x.brief.yaml:1:10: brief format version 9 is newer"),
            "{shown}"
        );
    }

    #[test]
    fn not_yaml_files_are_named_for_what_they_are() {
        let pdf = decode(b"%PDF-1.7 ...".to_vec(), "a.yaml").unwrap_err();
        assert!(pdf.message.contains("PDF"));
        let utf16 = decode(vec![0xFF, 0xFE, b'v', 0], "a.yaml").unwrap_err();
        assert!(utf16.message.contains("UTF-16"));
        let bad = decode(b"title: ok\nx: \xC3\x28".to_vec(), "a.yaml").unwrap_err();
        assert_eq!(bad.position, Some((2, 4)));
        assert!(
            parse_brief("  \n", "a.yaml").unwrap_err()[0]
                .message
                .contains("empty")
        );
    }

    #[test]
    fn a_file_is_a_brief_or_a_dossier_by_what_it_holds() {
        assert_eq!(kind_of_text(MINIMAL), Kind::Brief);
        assert_eq!(kind_of_text(DEFAULT_DOSSIER_YAML), Kind::Dossier);
        assert_eq!(kind_of_text("title: only a title\n"), Kind::Brief);
        assert_eq!(kind_of_text(": : :"), Kind::Brief);
    }

    #[test]
    fn a_dossier_opened_as_a_brief_is_named_for_what_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("topic.yaml");
        fs::write(&path, DEFAULT_DOSSIER_YAML).unwrap();
        let err = read_brief(&path).unwrap_err().to_string();
        assert!(err.contains("is a dossier, not a brief"), "{err}");
        assert!(read_dossier(&path).is_ok());
        fs::write(&path, MINIMAL).unwrap();
        let err = read_dossier(&path).unwrap_err().to_string();
        assert!(err.contains("is a brief, not a dossier"), "{err}");
    }

    #[test]
    fn merge_keys_and_anchors_in_a_brief_work() {
        let text = "version: 1\ntitle: T\nsections:\n  - &base\n    kind: people\n    heading: Who\n  - <<: *base\n    kind: organizations\n";
        let brief = parse_brief(text, "m.brief.yaml").unwrap();
        assert_eq!(brief.sections.len(), 2);
        assert_eq!(brief.sections[1].heading.as_deref(), Some("Who"));
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens() {
        let text = "version: 1\ntitle: \"Talks in Geneva\nsubtitle: S\nsections: []\n\n\n";
        let shown = parse_brief(text, "q.brief.yaml").unwrap_err()[0].to_string();
        assert!(shown.starts_with("q.brief.yaml:2:8: "), "{shown}");
        assert!(shown.contains("never closed"), "{shown}");
    }

    #[test]
    fn a_duplicate_key_is_reported_at_its_own_line() {
        let text = "version: 1\ntitle: A\nsections: []\ntitle: B\n";
        let shown = parse_brief(text, "d.brief.yaml").unwrap_err()[0].to_string();
        assert!(shown.starts_with("d.brief.yaml:4:1: "), "{shown}");
        assert!(shown.contains("first is at line 2"), "{shown}");
    }

    #[test]
    fn rust_type_names_never_reach_the_staffer() {
        let text = "version: 1\ntitle: T\npage_budget: ten\nsections: []\n";
        let shown = parse_brief(text, "t.brief.yaml").unwrap_err()[0].to_string();
        assert!(shown.contains("a whole number"), "{shown}");
        assert!(
            !shown.contains("u32") && !shown.contains("usize"),
            "{shown}"
        );
        let shown = parse_dossier("just some text\n", "x.dossier.yaml").unwrap_err()[0].to_string();
        assert!(!shown.contains("struct"), "{shown}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.brief.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: nothing to test with
        }
        let err = read_brief(&fifo).unwrap_err().to_string();
        assert!(err.contains("not a regular file"), "{err}");
        let err = read_brief(Path::new("/dev/zero")).unwrap_err().to_string();
        assert!(err.contains("not a regular file"), "{err}");
    }

    #[test]
    fn the_default_dossier_parses() {
        let dossier = default_dossier().unwrap().doc;
        assert!(!dossier.timeline.is_empty());
    }

    #[test]
    fn atomic_write_replaces_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.brief.yaml");
        let brief = parse_brief(MINIMAL, "m").unwrap();
        save_brief(&path, &brief).unwrap();
        let back = read_brief(&path).unwrap().doc;
        assert_eq!(back, brief);
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn pdf_sits_beside_the_brief() {
        assert_eq!(
            pdf_path_for(Path::new("briefs/a.brief.yaml")),
            Path::new("briefs/a.pdf")
        );
        assert_eq!(pdf_path_for(Path::new("x.yml")), Path::new("x.pdf"));
    }

    #[test]
    fn failed_write_leaves_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("gone").join("b.brief.yaml");
        let err = write_atomic(&missing, b"x").unwrap_err();
        assert!(err.to_string().contains("cannot write"), "{err}");
    }
}
