//! Parser messages in a staffer's words: serde and YAML speak of `usize`, `struct Brief` and
//! `unknown variant`; a staffer reads "a whole number", "a brief" and "unknown value". What
//! the file held is quoted as an excerpt, never whole.

/// Longest quoted excerpt of a file's text in a message, in characters.
pub const EXCERPT_CHARS: usize = 60;

/// Rewrites one serde_yaml message (without its position).
pub fn plain(message: &str) -> String {
    let message = message.replace('`', "\"");
    // serde_yaml puts the field's path in front: "meeting.date: invalid type: ...".
    for phrase in ["invalid type: ", "invalid value: ", "unknown variant "] {
        if let Some(at) = message.find(phrase)
            && at > 0
        {
            return format!("{}{}", &message[..at], sentence(&message[at..]));
        }
    }
    sentence(&message)
}

/// One message without a path in front.
fn sentence(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.rsplit_once(", expected ")
    {
        return format!(
            "expected {}, found {}",
            expected_words(expected),
            found_words(found)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ")
        && let Some((found, expected)) = rest.rsplit_once(", expected ")
    {
        return format!(
            "expected {}, found {}",
            expected_words(expected),
            found_words(found)
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return format!("unknown value {}", excerpts(rest));
    }
    excerpts(message)
}

/// What serde expected, as a staffer would say it.
fn expected_words(expected: &str) -> String {
    let words = match expected {
        "usize" | "u8" | "u16" | "u32" | "u64" => "a whole number",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a string" | "string" => "text",
        "a boolean" | "bool" => "true or false",
        "a sequence" => "a list",
        "a map" | "map" => "a mapping of fields",
        "struct Brief" => "a brief (a mapping with title, sections, …)",
        "struct Dossier" => "a dossier (a mapping with title, timeline, …)",
        other => {
            if let Some(name) = other.strip_prefix("struct ") {
                return format!("a mapping of {} fields", split_camel(name));
            }
            if other.starts_with("enum ") || other.starts_with("internally tagged enum ") {
                return "one of the allowed values".into();
            }
            return excerpts(other);
        }
    };
    words.to_owned()
}

/// What the file held, as a staffer would say it.
fn found_words(found: &str) -> String {
    if let Some(text) = found.strip_prefix("string ") {
        return format!("text {}", excerpts(text));
    }
    if let Some(n) = found.strip_prefix("integer ") {
        return format!("the number {}", n.trim_matches('"'));
    }
    if let Some(n) = found.strip_prefix("floating point ") {
        return format!("the number {}", n.trim_matches('"'));
    }
    if let Some(b) = found.strip_prefix("boolean ") {
        return b.trim_matches('"').to_owned();
    }
    match found {
        "sequence" => "a list".into(),
        "map" => "a mapping".into(),
        "unit value" => "nothing".into(),
        other => excerpts(other),
    }
}

/// `PersonRef` -> `person ref`.
fn split_camel(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Shortens every double-quoted run in `message` to an excerpt, and shows control
/// characters escaped.
pub fn excerpts(message: &str) -> String {
    let mut out = String::new();
    let mut parts = message.split('"');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        out.push('"');
        if i % 2 == 0 {
            out.push_str(&excerpt(part));
        } else {
            out.push_str(part);
        }
    }
    crate::problem::escaped(&out)
}

/// The start of `text`, at most [`EXCERPT_CHARS`] characters, saying how much was left out.
pub fn excerpt(text: &str) -> String {
    let count = text.chars().count();
    if count <= EXCERPT_CHARS {
        return text.to_owned();
    }
    let head: String = text.chars().take(EXCERPT_CHARS).collect();
    format!("{head}… ({} more characters)", count - EXCERPT_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_type_names_become_words() {
        assert_eq!(
            plain("invalid type: string \"ten\", expected usize"),
            "expected a whole number, found text \"ten\""
        );
        assert_eq!(
            plain("invalid type: sequence, expected struct Brief"),
            "expected a brief (a mapping with title, sections, …), found a list"
        );
        assert_eq!(
            plain("unknown variant `a5`, expected `a4` or `letter`"),
            "unknown value \"a5\", expected \"a4\" or \"letter\""
        );
        assert_eq!(
            plain("invalid type: map, expected a string"),
            "expected text, found a mapping"
        );
        assert_eq!(
            plain("page_budget: invalid type: string \"ten\", expected u32"),
            "page_budget: expected a whole number, found text \"ten\""
        );
    }

    #[test]
    fn a_whole_file_is_never_echoed() {
        let passwd = "root:x:0:0:root:/root:/bin/bash ".repeat(200);
        let shown = plain(&format!(
            "invalid type: string \"{passwd}\", expected struct Dossier"
        ));
        assert!(shown.len() < 250, "{shown}");
        assert!(shown.contains("more characters"), "{shown}");
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        let shown = plain("unknown variant `\u{1b}[31mred`, expected `a4`");
        assert!(!shown.contains('\u{1b}'), "{shown:?}");
        assert!(shown.contains("\\u{1b}"), "{shown:?}");
    }
}
