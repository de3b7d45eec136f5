//! Every misspelt field in a file, not just the first. serde stops at the first unknown field;
//! when it does, this walks the document against the JSON Schema generated from the same
//! types and reports each field the schema does not allow, located, with the nearest name.

use serde_json::Value as Json;
use serde_yaml::Value as Yaml;

use crate::problem::YamlPath;

/// Each unknown field: where it is, its name, and the names allowed there.
pub fn unknown_fields(doc: &Yaml, schema: &Json) -> Vec<(YamlPath, String, Vec<String>)> {
    let mut found = Vec::new();
    walk(doc, schema, schema, &YamlPath::root(), &mut found);
    found
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
    found: &mut Vec<(YamlPath, String, Vec<String>)>,
) {
    let schema = resolve(root, schema);
    match doc {
        Yaml::Mapping(map) => {
            let Some(properties) = schema.get("properties").and_then(Json::as_object) else {
                return;
            };
            let closed = schema.get("additionalProperties") == Some(&Json::Bool(false));
            for (key, value) in map {
                let Some(name) = key.as_str() else { continue };
                match properties.get(name) {
                    Some(sub) => walk(value, sub, root, &path.key(name), found),
                    None if closed => {
                        let allowed = properties.keys().cloned().collect();
                        found.push((path.key(name), name.to_owned(), allowed));
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
