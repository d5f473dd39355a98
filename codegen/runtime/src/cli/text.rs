//! `--output text`: the AWS CLI's tab-separated format, by its rules.
//!
//! A structure's scalar members, in key order, make one line (tab-separated), led by the name of
//! the member that holds the structure in capitals; its lists and structures follow, each under
//! its own name. A list of structures prints one such line per element, with the columns of
//! every scalar key any element has (blank where one lacks it); a list of scalars prints one
//! line per element under a name, or all of them on one line at the top. A scalar alone (what
//! `--query` often selects) prints bare. Values print as the AWS CLI prints them: `True`,
//! `False`, `None`, numbers and strings as they are.

use ::serde_json::Value;

/// `value` in the AWS CLI's text format, each line ending in `\n`.
pub fn format(value: &Value) -> String {
    let mut out = String::new();
    item(value, None, None, &mut out);
    out
}

/// A scalar as the AWS CLI's Python prints it with `str()`.
pub(crate) fn scalar(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Null => "None".into(),
        other => other.to_string(),
    }
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Object(_) | Value::Array(_))
}

fn item(value: &Value, identifier: Option<&str>, scalar_keys: Option<&[&str]>, out: &mut String) {
    match value {
        Value::Object(object) => structure(object, identifier, scalar_keys, out),
        Value::Array(items) => list(items, identifier, out),
        other => {
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

fn list(items: &[Value], identifier: Option<&str>, out: &mut String) {
    if items.iter().any(Value::is_object) {
        // Every scalar key of every element, so that the columns line up.
        let mut keys: Vec<&str> = items
            .iter()
            .filter_map(Value::as_object)
            .flat_map(|object| object.iter().filter(|(_, v)| is_scalar(v)).map(|(k, _)| k.as_str()))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        for element in items {
            item(element, identifier, Some(&keys), out);
        }
    } else if items.iter().any(Value::is_array) {
        let (scalars, nested): (Vec<&Value>, Vec<&Value>) = items.iter().partition(|v| is_scalar(v));
        if !scalars.is_empty() {
            scalar_list(&scalars, identifier, out);
        }
        for element in nested {
            item(element, identifier, None, out);
        }
    } else if !items.is_empty() {
        scalar_list(&items.iter().collect::<Vec<_>>(), identifier, out);
    }
}

fn scalar_list(items: &[&Value], identifier: Option<&str>, out: &mut String) {
    match identifier {
        Some(name) => {
            for element in items {
                out.push_str(&name.to_uppercase());
                out.push('\t');
                out.push_str(&scalar(element));
                out.push('\n');
            }
        }
        None => {
            let line: Vec<String> = items.iter().map(|v| scalar(v)).collect();
            out.push_str(&line.join("\t"));
            out.push('\n');
        }
    }
}

fn structure(
    object: &::serde_json::Map<String, Value>,
    identifier: Option<&str>,
    scalar_keys: Option<&[&str]>,
    out: &mut String,
) {
    let mut scalars: Vec<String> = Vec::new();
    let mut nested: Vec<(&str, &Value)> = Vec::new();
    match scalar_keys {
        None => {
            let mut entries: Vec<(&String, &Value)> = object.iter().collect();
            entries.sort_unstable_by_key(|(key, _)| *key);
            for (key, value) in entries {
                match is_scalar(value) {
                    true => scalars.push(scalar(value)),
                    false => nested.push((key, value)),
                }
            }
        }
        Some(keys) => {
            scalars.extend(keys.iter().map(|key| object.get(*key).map(scalar).unwrap_or_default()));
            let mut rest: Vec<(&String, &Value)> =
                object.iter().filter(|(key, _)| !keys.contains(&key.as_str())).collect();
            rest.sort_unstable_by_key(|(key, _)| *key);
            nested.extend(rest.into_iter().map(|(key, value)| (key.as_str(), value)));
        }
    }
    if !scalars.is_empty() {
        if let Some(name) = identifier {
            scalars.insert(0, name.to_uppercase());
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (name, value) in nested {
        item(value, Some(name), None, out);
    }
}
