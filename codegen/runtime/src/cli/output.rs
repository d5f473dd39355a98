//! What the command line prints for a response, as the AWS CLI v2 prints it: timestamps in ISO
//! 8601, `--query` applied, then the format `--output` names (`json`, `text`, `table`, `yaml`,
//! `yaml-stream`). Also the JSON shown by `--debug`, with the model's sensitive members hidden.

use ::serde_json::{Map, Value};

use super::{Member, Shape};

/// The formats of `--output` (and of a profile's `output` setting).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// JSON with four-space indents.
    Json,
    /// Tab-separated lines ([`super::text`]).
    Text,
    /// Boxed tables ([`super::table`]).
    Table,
    /// Block YAML.
    Yaml,
    /// Block YAML, each response (each page) an element of a top-level list.
    YamlStream,
    /// Nothing: only the exit status tells (the AWS CLI's `off`, for scripts).
    Off,
}

impl Format {
    /// The names `--output` takes.
    pub const NAMES: [&'static str; 6] = ["json", "text", "table", "yaml", "yaml-stream", "off"];

    /// The format named `name`, if it is one.
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "json" => Format::Json,
            "text" => Format::Text,
            "table" => Format::Table,
            "yaml" => Format::Yaml,
            "yaml-stream" => Format::YamlStream,
            "off" => Format::Off,
            _ => return None,
        })
    }
}

/// A `--query`, compiled.
pub struct Query(::jmespath::Expression<'static>);

impl Query {
    /// Compiles a JMESPath expression. The error says where it breaks, never what it says.
    pub fn compile(expression: &str) -> Result<Self, String> {
        ::jmespath::compile(expression).map(Query).map_err(|error| {
            format!("not a JMESPath expression (it breaks at character {})", error.offset + 1)
        })
    }

    /// The result of the query on `value`.
    pub fn apply(&self, value: &Value) -> Result<Value, String> {
        let data = ::jmespath::Variable::from_serializable(value)
            .map_err(|_| "--query: the response cannot be queried".to_owned())?;
        let result = self.0.search(data).map_err(|error| {
            format!("--query: the expression fails on this response ({})", runtime_reason(&error))
        })?;
        let mut result =
            ::serde_json::to_value(&*result).map_err(|_| "--query: the result cannot be shown".to_owned())?;
        restore_order(&mut result, value, self.0.as_ast());
        Ok(result)
    }
}

/// The `jmespath` crate keeps objects in key order; the AWS CLI keeps the response's order and
/// a multiselect hash's. An object of the result is put back in the order of the response's
/// object with the same keys, or of the expression's `{…}` with them.
fn restore_order(result: &mut Value, source: &Value, ast: &::jmespath::ast::Ast) {
    let mut orders: ::std::collections::HashMap<Vec<String>, Vec<String>> =
        ::std::collections::HashMap::new();
    let mut remember = |keys: Vec<String>| {
        let mut set = keys.clone();
        set.sort_unstable();
        orders.entry(set).or_insert(keys);
    };
    fn objects<'a>(value: &'a Value, out: &mut Vec<&'a Map<String, Value>>) {
        match value {
            Value::Object(object) => {
                out.push(object);
                object.values().for_each(|v| objects(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| objects(v, out)),
            _ => {}
        }
    }
    fn hashes(ast: &::jmespath::ast::Ast, out: &mut Vec<Vec<String>>) {
        use ::jmespath::ast::Ast;
        match ast {
            Ast::MultiHash { elements, .. } => {
                out.push(elements.iter().map(|pair| pair.key.clone()).collect());
                elements.iter().for_each(|pair| hashes(&pair.value, out));
            }
            Ast::Comparison { lhs, rhs, .. }
            | Ast::Projection { lhs, rhs, .. }
            | Ast::And { lhs, rhs, .. }
            | Ast::Or { lhs, rhs, .. }
            | Ast::Subexpr { lhs, rhs, .. } => {
                hashes(lhs, out);
                hashes(rhs, out);
            }
            Ast::Condition { predicate, then, .. } => {
                hashes(predicate, out);
                hashes(then, out);
            }
            Ast::Expref { ast: node, .. }
            | Ast::Flatten { node, .. }
            | Ast::Not { node, .. }
            | Ast::ObjectValues { node, .. } => hashes(node, out),
            Ast::Function { args, .. } => args.iter().for_each(|a| hashes(a, out)),
            Ast::MultiList { elements, .. } => elements.iter().for_each(|a| hashes(a, out)),
            Ast::Identity { .. }
            | Ast::Field { .. }
            | Ast::Index { .. }
            | Ast::Literal { .. }
            | Ast::Slice { .. } => {}
        }
    }
    let mut expression = Vec::new();
    hashes(ast, &mut expression);
    expression.into_iter().for_each(&mut remember);
    let mut found = Vec::new();
    objects(source, &mut found);
    for object in found {
        remember(object.keys().cloned().collect());
    }
    reorder(result, &orders);
}

fn reorder(value: &mut Value, orders: &::std::collections::HashMap<Vec<String>, Vec<String>>) {
    match value {
        Value::Object(object) => {
            object.values_mut().for_each(|v| reorder(v, orders));
            let mut keys: Vec<String> = object.keys().cloned().collect();
            keys.sort_unstable();
            if let Some(order) = orders.get(&keys) {
                let mut taken = ::std::mem::take(object);
                for key in order {
                    if let Some(v) = taken.remove(key) {
                        object.insert(key.clone(), v);
                    }
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| reorder(v, orders)),
        _ => {}
    }
}

impl ::std::fmt::Debug for Query {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_tuple("Query").field(&self.0.as_str()).finish()
    }
}

/// Why a query failed on a value, in words that quote neither the query nor the value.
fn runtime_reason(error: &::jmespath::JmespathError) -> &'static str {
    use ::jmespath::{ErrorReason, RuntimeError};
    match &error.reason {
        ErrorReason::Runtime(RuntimeError::InvalidType { .. }) => {
            "a function was given a value of the wrong type"
        }
        ErrorReason::Runtime(RuntimeError::InvalidReturnType { .. }) => {
            "an expression gave a value of the wrong type"
        }
        ErrorReason::Runtime(RuntimeError::UnknownFunction(_)) => "an unknown function",
        ErrorReason::Runtime(RuntimeError::NotEnoughArguments { .. }) => {
            "a function was given too few arguments"
        }
        ErrorReason::Runtime(RuntimeError::TooManyArguments { .. }) => {
            "a function was given too many arguments"
        }
        ErrorReason::Runtime(_) => "an error while evaluating it",
        ErrorReason::Parse(_) => "it does not parse",
    }
}

/// How a response is shown.
#[derive(Debug)]
pub struct Output<'a> {
    pub format: Format,
    pub query: Option<&'a Query>,
    /// Columns and colours of tables.
    pub table: super::table::Style,
}

impl Output<'_> {
    /// The text to print for `response` of operation `title` (its timestamps already in ISO
    /// 8601): nothing for an empty response, as the AWS CLI prints nothing for one.
    pub fn render(&self, title: &str, response: &Value) -> Result<String, String> {
        if matches!(response, Value::Object(o) if o.is_empty()) {
            return Ok(String::new());
        }
        let value = match self.query {
            Some(query) => query.apply(response)?,
            None => response.clone(),
        };
        Ok(match self.format {
            Format::Json => format!("{}\n", super::pretty(&value)),
            Format::Text => super::text::format(&value),
            Format::Table => super::table::format(title, &value, self.table),
            Format::Yaml => yaml(&value),
            Format::YamlStream => yaml(&Value::Array(vec![value])),
            Format::Off => String::new(),
        })
    }
}

/// Block YAML with each mapping's keys in order, as the AWS CLI v2's YAML dumper writes it.
pub(super) fn yaml(value: &Value) -> String {
    // Serializing a JSON value cannot fail: its keys are strings.
    ::serde_norway::to_string(&sorted(value)).unwrap_or_default()
}

/// `value` with every object's keys sorted.
fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(object) => {
            let mut entries: Vec<(&String, &Value)> = object.iter().collect();
            entries.sort_unstable_by_key(|(key, _)| *key);
            Value::Object(entries.into_iter().map(|(key, value)| (key.clone(), sorted(value))).collect())
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

/// Rewrites the timestamps of `value` (a structure with `members`) from epoch seconds into ISO
/// 8601 text in the local time zone, as the AWS CLI v2 prints them by default.
pub fn timestamps_to_iso8601(value: &mut Value, members: &[Member]) {
    if let Value::Object(object) = value {
        structure_timestamps(object, members);
    }
}

fn structure_timestamps(object: &mut Map<String, Value>, members: &[Member]) {
    for member in members {
        if let Some(value) = object.get_mut(member.name) {
            shape_timestamps(value, member.shape);
        }
    }
}

fn shape_timestamps(value: &mut Value, shape: &Shape) {
    match (shape, value) {
        (Shape::Timestamp, value) => {
            let seconds = value.as_f64().and_then(crate::support::DateTime::from_secs_f64);
            if let Some(time) = seconds {
                *value = Value::String(iso8601_at(time, local_offset(time.secs())));
            }
        }
        (Shape::List(item), Value::Array(items)) => items.iter_mut().for_each(|v| shape_timestamps(v, item)),
        (Shape::Map(item), Value::Object(entries)) => {
            entries.values_mut().for_each(|v| shape_timestamps(v, item))
        }
        (Shape::Structure(members), Value::Object(object)) => structure_timestamps(object, members),
        _ => {}
    }
}

/// A time in UTC as the AWS CLI v2 prints it (Python's `isoformat()`):
/// `2023-11-14T22:13:20+00:00`, with microseconds when there are any
/// (`2023-11-14T22:13:20.123000+00:00`).
pub fn iso8601(time: crate::support::DateTime) -> String {
    iso8601_at(time, 0)
}

/// [`iso8601`] at `offset` seconds east of UTC (`2023-11-14T23:13:20+01:00`).
pub fn iso8601_at(time: crate::support::DateTime, offset: i32) -> String {
    let local = crate::support::DateTime::from_secs(time.secs().saturating_add(i64::from(offset)));
    let text = local.to_rfc3339();
    let seconds = text.trim_end_matches('Z');
    let sign = if offset < 0 { '-' } else { '+' };
    let east = offset.unsigned_abs();
    let mut zone = format!("{sign}{:02}:{:02}", east / 3600, east / 60 % 60);
    if !east.is_multiple_of(60) {
        zone.push_str(&format!(":{:02}", east % 60));
    }
    match time.subsec_nanos() / 1000 {
        0 => format!("{seconds}{zone}"),
        micros => format!("{seconds}.{micros:06}{zone}"),
    }
}

/// The local time zone's offset from UTC at `epoch_seconds`, in seconds east, as the C library
/// knows it (`TZ`, else `/etc/localtime`); 0 where it cannot tell.
pub fn local_offset(epoch_seconds: i64) -> i32 {
    #[cfg(unix)]
    {
        let Some(time) = ::libc::time_t::try_from(epoch_seconds).ok() else { return 0 };
        let mut tm = ::std::mem::MaybeUninit::<::libc::tm>::zeroed();
        // SAFETY: localtime_r only writes the `tm` it is given. This crate never changes the
        // environment, so nothing races with its reading of `TZ`.
        let converted = unsafe { ::libc::localtime_r(&time, tm.as_mut_ptr()) };
        if converted.is_null() {
            return 0;
        }
        // SAFETY: localtime_r succeeded and filled it.
        let tm = unsafe { tm.assume_init() };
        i32::try_from(tm.tm_gmtoff).unwrap_or(0)
    }
    #[cfg(not(unix))]
    {
        let _ = epoch_seconds;
        0
    }
}

/// `value` (a structure with `members`) with the values of sensitive members replaced by the
/// redaction marker, for `--debug`.
pub fn redacted(value: &Value, members: &[Member]) -> Value {
    let mut value = value.clone();
    if let Value::Object(object) = &mut value {
        redact_structure(object, members);
    }
    value
}

fn redact_structure(object: &mut Map<String, Value>, members: &[Member]) {
    for member in members {
        if let Some(value) = object.get_mut(member.name) {
            match member.sensitive {
                true => *value = Value::String(crate::support::REDACTED.to_owned()),
                false => redact_shape(value, member.shape),
            }
        }
    }
}

fn redact_shape(value: &mut Value, shape: &Shape) {
    match (shape, value) {
        (Shape::List(item), Value::Array(items)) => items.iter_mut().for_each(|v| redact_shape(v, item)),
        (Shape::Map(item), Value::Object(entries)) => {
            entries.values_mut().for_each(|v| redact_shape(v, item))
        }
        (Shape::Structure(members), Value::Object(object)) => redact_structure(object, members),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::serde_json::json;

    /// Every case in `tests/fixtures/cli_output`: the AWS CLI's own text and table output for the
    /// same response, recorded by `record.py` there.
    #[test]
    fn text_and_tables_match_the_aws_clis_own_output() {
        let dir = ::std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli_output");
        let mut cases = 0;
        for entry in ::std::fs::read_dir(&dir).expect("the fixtures") {
            let path = entry.expect("an entry").path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let case: Value = ::serde_json::from_str(&::std::fs::read_to_string(&path).unwrap()).unwrap();
            let (title, response) = (case["title"].as_str().unwrap(), &case["response"]);
            let expected =
                |extension: &str| ::std::fs::read_to_string(path.with_extension(extension)).unwrap();
            assert_eq!(super::super::text::format(response), expected("text"), "text of {}", path.display());
            let table = super::super::table::format(title, response, Default::default());
            assert_eq!(table, expected("table"), "table of {}\n{table}", path.display());
            cases += 1;
        }
        assert!(cases >= 12, "{cases} cases");
    }

    #[test]
    fn timestamps_print_as_the_aws_cli_v2_prints_them() {
        use crate::support::DateTime;
        assert_eq!(iso8601(DateTime::from_secs(1_700_000_000)), "2023-11-14T22:13:20+00:00");
        assert_eq!(
            iso8601(DateTime::from_secs_f64(1_700_000_000.123).unwrap()),
            "2023-11-14T22:13:20.123000+00:00"
        );
        assert_eq!(iso8601(DateTime::from_secs(0)), "1970-01-01T00:00:00+00:00");
        assert_eq!(iso8601_at(DateTime::from_secs(1_700_000_000), 3600), "2023-11-14T23:13:20+01:00");
        assert_eq!(
            iso8601_at(DateTime::from_secs(1_700_000_000), -(5 * 3600 + 30 * 60)),
            "2023-11-14T16:43:20-05:30"
        );
        assert_eq!(iso8601_at(DateTime::from_secs(0), 561), "1970-01-01T00:09:21+00:09:21");
        static TIMESTAMP: Shape = Shape::Timestamp;
        static STRING: Shape = Shape::String;
        static USER: Shape = Shape::Structure(&[
            Member::plain("Created", "created", false, &TIMESTAMP),
            Member::plain("Name", "name", false, &STRING),
        ]);
        static USERS: Shape = Shape::List(&USER);
        let members = [Member::plain("Users", "users", false, &USERS)];
        let mut value = json!({"Users": [{"Created": 1700000000.5, "Name": "1700000000"}]});
        timestamps_to_iso8601(&mut value, &members);
        // In the local time zone, whatever this machine's is.
        let local =
            iso8601_at(DateTime::from_secs_f64(1_700_000_000.5).unwrap(), local_offset(1_700_000_000));
        assert!(local.starts_with("2023-11-1") && local.contains(".500000"), "{local}");
        assert_eq!(value, json!({"Users": [{"Created": local, "Name": "1700000000"}]}));
    }

    #[test]
    fn a_query_applies_before_the_format() {
        let response = json!({"AuthenticationResult": {"AccessToken": "token", "ExpiresIn": 3600}});
        let query = Query::compile("AuthenticationResult.AccessToken").unwrap();
        let output = |format| Output { format, query: Some(&query), table: Default::default() };
        assert_eq!(output(Format::Text).render("InitiateAuth", &response).unwrap(), "token\n");
        assert_eq!(output(Format::Json).render("InitiateAuth", &response).unwrap(), "\"token\"\n");
        let secret = "[?Name=='hunter2'";
        let error = Query::compile(secret).unwrap_err();
        assert!(!error.contains("hunter2"), "{error}");
        // Objects keep the response's order, and a multiselect hash's, as the AWS CLI's do.
        let ordered =
            json!({"AuthenticationResult": {"TokenType": "Bearer", "AccessToken": "a", "IdToken": "i"}});
        let whole = Query::compile("AuthenticationResult").unwrap().apply(&ordered).unwrap();
        let keys: Vec<&String> = whole.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["TokenType", "AccessToken", "IdToken"]);
        let picked = Query::compile("AuthenticationResult.{Z: TokenType, A: AccessToken}").unwrap();
        let picked = picked.apply(&ordered).unwrap();
        assert_eq!(picked.as_object().unwrap().keys().collect::<Vec<_>>(), ["Z", "A"]);
        let length = Query::compile("length(@)").unwrap();
        let error = length.apply(&json!(5)).unwrap_err();
        assert!(error.contains("wrong type"), "{error}");
    }

    #[test]
    fn yaml_and_json_and_empty_responses() {
        let response = json!({"Users": [{"Username": "jane", "Enabled": true}], "Empty": {}});
        let output = |format| Output { format, query: None, table: Default::default() };
        // Keys sorted, as the AWS CLI v2 writes YAML.
        assert_eq!(
            output(Format::Yaml).render("ListUsers", &response).unwrap(),
            "Empty: {}\nUsers:\n- Enabled: true\n  Username: jane\n"
        );
        assert_eq!(
            output(Format::YamlStream).render("ListUsers", &response).unwrap(),
            "- Empty: {}\n  Users:\n  - Enabled: true\n    Username: jane\n"
        );
        assert!(output(Format::Json)
            .render("ListUsers", &response)
            .unwrap()
            .starts_with("{\n    \"Users\": [\n"));
        assert_eq!(output(Format::Off).render("ListUsers", &response).unwrap(), "");
        for format in [Format::Json, Format::Text, Format::Table, Format::Yaml, Format::YamlStream] {
            assert_eq!(output(format).render("DeleteUser", &json!({})).unwrap(), "", "{format:?}");
        }
    }

    #[test]
    fn debug_json_hides_sensitive_members_at_any_depth() {
        static STRING: Shape = Shape::String;
        static TOKENS: Shape = Shape::Structure(&[
            Member {
                name: "AccessToken",
                option: "access-token",
                required: false,
                shape: &STRING,
                sensitive: true,
                doc: "",
            },
            Member::plain("TokenType", "token-type", false, &STRING),
        ]);
        let members = [Member::plain("AuthenticationResult", "a", false, &TOKENS)];
        let value = json!({"AuthenticationResult": {"AccessToken": "secret-token", "TokenType": "Bearer"}});
        let shown = redacted(&value, &members).to_string();
        assert!(!shown.contains("secret-token") && shown.contains("Bearer"), "{shown}");
    }
}
