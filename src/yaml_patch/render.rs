//! Writing new entries and items in the file's block style.

use super::*;

pub(super) fn indent(col: usize) -> String {
    " ".repeat(col)
}

/// `key: value` for an entry whose key is at column `col`: the first line without
/// indentation, every line ending in a line break. `was` is how the old value was written,
/// so a changed value keeps its style (folded, quoted, flow).
pub(super) fn render_entry(
    key_name: &str,
    value: &Value,
    col: usize,
    was: Option<&Kind>,
) -> Result<String, Unsupported> {
    let inner = col + 2;
    let key = scalar_line(&Value::String(key_name.to_owned()))?;
    match value {
        Value::Mapping(map) if !map.is_empty() => {
            let mut out = format!("{key}:\n");
            for (k, v) in map {
                let k = k.as_str().ok_or(Unsupported)?;
                out.push_str(&indent(inner));
                out.push_str(&render_entry(k, v, inner, None)?);
            }
            Ok(out)
        }
        Value::Sequence(items) if !items.is_empty() => {
            if matches!(was, Some(Kind::FlowSeq))
                && let Some(flow) = flow_sequence(items)
                && col + key.len() + 2 + flow.len() <= FLOW_LINE_MAX
            {
                return Ok(format!("{key}: {flow}\n"));
            }
            let mut out = format!("{key}:\n");
            for item in items {
                out.push_str(&indent(inner));
                out.push_str(&render_item(item, inner, None)?);
            }
            Ok(out)
        }
        Value::String(text) => {
            let style = match was {
                Some(Kind::Scalar(style)) => Some(*style),
                _ => None,
            };
            // Text too long for one line is folded, as the samples write annotations, unless
            // it was quoted before.
            let long = col + key.len() + 2 + text.chars().count() > WRAP_COLUMN;
            let style = match style {
                _ if keeps_breaks(text) => Some(TScalarStyle::DoubleQuoted),
                None | Some(TScalarStyle::Plain) if long => Some(TScalarStyle::Folded),
                None if date_like(text) => Some(TScalarStyle::DoubleQuoted),
                style => style,
            };
            match styled(text, style, inner) {
                Some(styled) => Ok(format!("{key}: {styled}")),
                None => serialized(&single_entry(key_name, value), col),
            }
        }
        _ => serialized(&single_entry(key_name, value), col),
    }
}

/// `- value` for an item whose dash is at column `col`, laid out as [`render_entry`] does.
pub(super) fn render_item(
    value: &Value,
    col: usize,
    was: Option<&Kind>,
) -> Result<String, Unsupported> {
    let inner = col + 2;
    match value {
        Value::Mapping(map) if !map.is_empty() => {
            let mut out = String::from("- ");
            for (n, (k, v)) in map.iter().enumerate() {
                let k = k.as_str().ok_or(Unsupported)?;
                if n > 0 {
                    out.push_str(&indent(inner));
                }
                out.push_str(&render_entry(k, v, inner, None)?);
            }
            Ok(out)
        }
        Value::Sequence(items) if !items.is_empty() => {
            let mut out = String::from("- ");
            for (n, item) in items.iter().enumerate() {
                if n > 0 {
                    out.push_str(&indent(inner));
                }
                out.push_str(&render_item(item, inner, None)?);
            }
            Ok(out)
        }
        Value::String(text) => {
            let style = match was {
                _ if keeps_breaks(text) => Some(TScalarStyle::DoubleQuoted),
                Some(Kind::Scalar(style)) => Some(*style),
                _ if date_like(text) => Some(TScalarStyle::DoubleQuoted),
                _ => None,
            };
            match styled(text, style, inner) {
                Some(styled) => Ok(format!("- {styled}")),
                None => serialized(&Value::Sequence(vec![value.clone()]), col),
            }
        }
        _ => serialized(&Value::Sequence(vec![value.clone()]), col),
    }
}

pub(super) fn single_entry(key: &str, value: &Value) -> Value {
    let mut map = Mapping::new();
    map.insert(Value::String(key.to_owned()), value.clone());
    Value::Mapping(map)
}

/// serde_yaml's text for a one-line-headed value, its later lines moved to column `col`.
pub(super) fn serialized(value: &Value, col: usize) -> Result<String, Unsupported> {
    let text = serde_yaml::to_string(value).map_err(|_| Unsupported)?;
    let mut out = String::with_capacity(text.len() + 16);
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if n > 0 && line != "\n" {
            out.push_str(&indent(col));
        }
        out.push_str(line);
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// True for text that serde_yaml would write as a `|+` block, which keeps the blank lines
/// after it: the blank lines before the next entry of the file would join the text.
pub(super) fn keeps_breaks(text: &str) -> bool {
    let body = text.trim_end_matches('\n');
    text.len() > body.len() + 1 || (body.is_empty() && !text.is_empty())
}

/// True for text that starts like a date (`2025-12-09`): briefs/README.md asks for dates in
/// quotes, since some YAML readers and the schema check take a bare one for something else.
pub(super) fn date_like(text: &str) -> bool {
    matches!(text.as_bytes(), [a, b, c, d, b'-', ..]
        if [a, b, c, d].iter().all(|digit| digit.is_ascii_digit()))
}

/// A scalar as serde_yaml writes it, when that is one line.
pub(super) fn scalar_line(value: &Value) -> Result<String, Unsupported> {
    let text = serde_yaml::to_string(value).map_err(|_| Unsupported)?;
    let line = text.strip_suffix('\n').unwrap_or(&text);
    if line.contains('\n') {
        Err(Unsupported)
    } else {
        Ok(line.to_owned())
    }
}

/// A string in the style its old value was written in, when the style can hold it: the text
/// after `key: `, ending in a line break; block lines go to column `col`.
pub(super) fn styled(text: &str, style: Option<TScalarStyle>, col: usize) -> Option<String> {
    let printable =
        |c: char| !(c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}'));
    match style? {
        TScalarStyle::Folded => {
            let simple = !text.is_empty()
                && text.chars().all(printable)
                && !text.starts_with(char::is_whitespace)
                && !text.ends_with(char::is_whitespace);
            if !simple {
                return None;
            }
            let width = WRAP_COLUMN.saturating_sub(col).max(40);
            let mut out = String::from(">-\n");
            for line in wrap(text, width) {
                out.push_str(&indent(col));
                out.push_str(&line);
                out.push('\n');
            }
            Some(out)
        }
        // JSON escapes what YAML must see escaped, except what is not printable beyond ASCII.
        TScalarStyle::DoubleQuoted
            if text
                .chars()
                .all(|c| printable(c) || matches!(c, '\t' | '\n' | '\r' | '\0'..='\u{1F}')) =>
        {
            serde_json::to_string(text).ok().map(|quoted| quoted + "\n")
        }
        TScalarStyle::SingleQuoted if text.chars().all(printable) => {
            Some(format!("'{}'\n", text.replace('\'', "''")))
        }
        _ => None,
    }
}

/// Lines of at most `width` characters where that can be, broken only at single spaces
/// between two other characters: in folded text each such break reads back as that space.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    // Words joined wherever a break would not read back as one space.
    let mut words: Vec<String> = Vec::new();
    for piece in text.split(' ') {
        let joinable = match words.last() {
            None => false,
            Some(last) => {
                last.is_empty()
                    || last.ends_with(char::is_whitespace)
                    || piece.is_empty()
                    || piece.starts_with(char::is_whitespace)
            }
        };
        match words.last_mut() {
            Some(last) if joinable => {
                last.push(' ');
                last.push_str(piece);
            }
            _ => words.push(piece.to_owned()),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in words {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `[a, b]` for a sequence of scalars that can all be written so.
pub(super) fn flow_sequence(items: &[Value]) -> Option<String> {
    let mut parts = Vec::with_capacity(items.len());
    for item in items {
        if matches!(
            item,
            Value::Sequence(_) | Value::Mapping(_) | Value::Tagged(_)
        ) {
            return None;
        }
        let text = scalar_line(item).ok()?;
        let quoted = text.starts_with('\'') || text.starts_with('"');
        if !quoted && text.contains([',', '[', ']', '{', '}']) {
            return None;
        }
        parts.push(text);
    }
    Some(format!("[{}]", parts.join(", ")))
}
