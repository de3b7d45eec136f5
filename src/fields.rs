//! Every misspelt field and wrongly typed value in a file, not just the first. serde stops at
//! the first; when it does, this walks the document against the JSON Schema generated from
//! the same types and reports each field the schema does not allow and each value of the wrong
//! kind (a list where text belongs, a section kind that does not exist), located.

use serde_json::Value as Json;
use serde_yaml::Value as Yaml;

use crate::problem::YamlPath;

/// A problem the walk found.
#[derive(Debug, Clone, PartialEq)]
pub enum Misfit {
    /// A field the schema does not allow: its name and the names allowed there.
    Unknown(String, Vec<String>),
    /// A value of the wrong kind: what was expected, what was found.
    WrongType(String, String),
    /// A name that is not one of the allowed ones: the name and the allowed ones.
    NotOneOf(String, Vec<String>),
    /// A field that must be there and is not.
    Missing(String),
}

/// Each misfit and where it is.
pub fn misfits(doc: &Yaml, schema: &Json) -> Vec<(YamlPath, Misfit)> {
    let mut found = Vec::new();
    walk(doc, schema, schema, &YamlPath::root(), &mut found);
    found
}

/// The JSON types and constant values a schema allows, through `$ref`s and alternatives.
fn allowed(root: &Json, schema: &Json, types: &mut Vec<String>, consts: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Json::as_str)
        && let Some(def) = reference
            .strip_prefix("#/$defs/")
            .and_then(|n| root.get("$defs")?.get(n))
    {
        allowed(root, def, types, consts);
    }
    match schema.get("type") {
        Some(Json::String(t)) => types.push(t.clone()),
        Some(Json::Array(ts)) => {
            types.extend(ts.iter().filter_map(Json::as_str).map(str::to_owned))
        }
        _ => {}
    }
    if let Some(c) = schema.get("const").and_then(Json::as_str) {
        consts.push(c.to_owned());
    }
    if let Some(values) = schema.get("enum").and_then(Json::as_array) {
        consts.extend(values.iter().filter_map(Json::as_str).map(str::to_owned));
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        for option in schema
            .get(key)
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            allowed(root, option, types, consts);
        }
    }
}

fn kind_of(value: &Yaml) -> &'static str {
    match value {
        Yaml::Null => "null",
        Yaml::Bool(_) => "boolean",
        Yaml::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Yaml::Number(_) => "number",
        Yaml::String(_) => "string",
        Yaml::Sequence(_) => "array",
        Yaml::Mapping(_) => "object",
        Yaml::Tagged(_) => "tagged value",
    }
}

fn describe(kind: &str) -> &str {
    match kind {
        "string" => "text",
        "array" => "a list",
        "object" => "a mapping",
        "integer" => "a whole number",
        "boolean" => "true or false",
        "null" => "nothing",
        other => other,
    }
}

/// The object schema behind `$ref`s and `anyOf`/`oneOf` (as `Option<T>` becomes).
fn resolve<'s>(root: &'s Json, schema: &'s Json) -> &'s Json {
    if let Some(reference) = schema.get("$ref").and_then(Json::as_str)
        && let Some(name) = reference.strip_prefix("#/$defs/")
        && let Some(def) = root.get("$defs").and_then(|d| d.get(name))
    {
        return resolve(root, def);
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        if let Some(options) = schema.get(key).and_then(Json::as_array)
            && let Some(object) = options
                .iter()
                .map(|o| resolve(root, o))
                .find(|o| o.get("properties").is_some() || o.get("items").is_some())
        {
            return object;
        }
    }
    schema
}

fn walk(
    doc: &Yaml,
    schema: &Json,
    root: &Json,
    path: &YamlPath,
    found: &mut Vec<(YamlPath, Misfit)>,
) {
    let (mut types, mut consts) = (Vec::new(), Vec::new());
    allowed(root, schema, &mut types, &mut consts);
    let kind = kind_of(doc);
    let fits = types.is_empty()
        || types
            .iter()
            .any(|t| t == kind || (t == "number" && kind == "integer"));
    if !fits {
        let mut expected: Vec<&str> = types
            .iter()
            .filter(|t| *t != "null")
            .map(|t| describe(t))
            .collect();
        expected.dedup();
        found.push((
            path.clone(),
            Misfit::WrongType(expected.join(" or "), describe(kind).to_owned()),
        ));
        return;
    }
    if let Yaml::String(text) = doc
        && !consts.is_empty()
        && !consts.contains(text)
    {
        found.push((path.clone(), Misfit::NotOneOf(text.clone(), consts)));
        return;
    }
    let schema = resolve(root, schema);
    match doc {
        Yaml::Mapping(map) => {
            let Some(properties) = schema.get("properties").and_then(Json::as_object) else {
                return;
            };
            let closed = schema.get("additionalProperties") == Some(&Json::Bool(false));
            // A required field that is absent, unless a misspelling of it is there instead:
            // that is reported as the unknown field, with the name as its hint.
            let misspelt: Vec<&str> = map
                .keys()
                .filter_map(|k| k.as_str())
                .filter(|k| !properties.contains_key(*k))
                .filter_map(|k| crate::compose::nearest(k, properties.keys().map(String::as_str)))
                .collect();
            for required in schema
                .get("required")
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(name) = required.as_str()
                    && !map.contains_key(name)
                    && !misspelt.contains(&name)
                {
                    found.push((path.clone(), Misfit::Missing(name.to_owned())));
                }
            }
            for (key, value) in map {
                let Some(name) = key.as_str() else { continue };
                match properties.get(name) {
                    Some(sub) => walk(value, sub, root, &path.key(name), found),
                    None if closed => {
                        let allowed = properties.keys().cloned().collect();
                        found.push((path.key(name), Misfit::Unknown(name.to_owned(), allowed)));
                    }
                    None => {}
                }
            }
        }
        Yaml::Sequence(items) => {
            if let Some(item) = schema.get("items") {
                for (i, value) in items.iter().enumerate() {
                    walk(value, item, root, &path.index(i), found);
                }
            }
        }
        _ => {}
    }
}
