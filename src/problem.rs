//! A problem found in a dossier or brief, located in its file.
//!
//! The core finds problems by a path into the document (`sections[2].items[1]`); `store`
//! turns that path into a line and column of the file it read, so every message can point
//! at the spot: `briefs/x.brief.yaml:14:7: unknown id "ev-foo"`.

use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Printed, but the brief still exports.
    Warning,
    /// The brief cannot be exported until it is fixed.
    Error,
}

/// Which of the two documents a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    /// The brief file.
    Brief,
    /// The dossier the brief is made from.
    Dossier,
}

/// One step into a YAML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A mapping key.
    Key(String),
    /// A sequence index, from 0.
    Index(usize),
}

/// Where in a document a value sits, e.g. `sections[2].items[1]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YamlPath(pub Vec<Seg>);

impl YamlPath {
    /// The document root.
    pub fn root() -> YamlPath {
        YamlPath(Vec::new())
    }

    /// This path extended by a key.
    pub fn key(&self, key: &str) -> YamlPath {
        let mut path = self.clone();
        path.0.push(Seg::Key(key.to_owned()));
        path
    }

    /// This path extended by an index.
    pub fn index(&self, index: usize) -> YamlPath {
        let mut path = self.clone();
        path.0.push(Seg::Index(index));
        path
    }

    /// The path one step up, or the root.
    pub fn parent(&self) -> YamlPath {
        let mut path = self.clone();
        path.0.pop();
        path
    }
}

impl fmt::Display for YamlPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A problem found by validation or composition, before it is tied to a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// Brief or dossier.
    pub doc: Doc,
    /// Where in the document.
    pub path: YamlPath,
    /// What is wrong, lowercase, no trailing period.
    pub message: String,
    /// What the user can do about it.
    pub hint: Option<String>,
}

impl Finding {
    /// An error in the given document.
    pub fn error(doc: Doc, path: YamlPath, message: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Error,
            doc,
            path,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning in the given document.
    pub fn warning(doc: Doc, path: YamlPath, message: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(doc, path, message)
        }
    }

    /// The same finding with a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Finding {
        self.hint = Some(hint.into());
        self
    }
}

/// A problem tied to a file, a line and a column: what the user is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The file as the user named it, or `<built-in dossier>`.
    pub file: String,
    /// 1-based line and column, when known.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
    /// What the user can do about it.
    pub hint: Option<String>,
}

impl Problem {
    /// True for errors, false for warnings.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        if self.severity == Severity::Warning {
            write!(f, ": warning")?;
        }
        write!(f, ": {}", escaped(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, "\nhint: {}", escaped(hint))?;
        }
        Ok(())
    }
}

/// `text` with control characters shown as `\u{1b}`, so a file's bytes never drive the
/// terminal that shows a message about it. Line breaks are kept.
pub fn escaped(text: &str) -> String {
    if !text.chars().any(is_shown_escaped) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if is_shown_escaped(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn is_shown_escaped(c: char) -> bool {
    c.is_control() && c != '\n' || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The problems of one load or check, errors first.
pub fn sorted(mut problems: Vec<Problem>) -> Vec<Problem> {
    problems.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.file.cmp(&b.file))
            .then_with(|| a.position.cmp(&b.position))
    });
    problems
}
