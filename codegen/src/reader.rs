//! Reads a botocore `service-2.json` into the [`Model`], checking it as it goes.
//!
//! Every error names the JSON path of the offending value (`$.shapes.Foo.members.Bar.shape`) and
//! what is wrong with it, so a broken or newer model is diagnosed without a debugger.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::{Map, Value};

use crate::model::{
    AuthType, Bound, Deprecation, ErrorTrait, Member, MemberTarget, Metadata, Model, Operation, Shape,
    ShapeKind, Structure, TimestampFormat,
};

/// A model that could not be read: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    /// JSON path of the offending value, e.g. `$.shapes.Foo.members.Bar.shape`.
    pub path: String,
    /// What is wrong there.
    pub message: String,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid model at `{}`: {}", self.path, self.message)
    }
}

impl std::error::Error for ModelError {}

/// Parses model JSON text.
pub fn read_model(text: &str) -> Result<Model, ModelError> {
    let root: Value = serde_json::from_str(text)
        .map_err(|e| ModelError { path: "$".into(), message: format!("not valid JSON: {e}") })?;
    let root = Node::root(&root);
    let root_obj = root.object()?;
    let metadata = read_metadata(&root_obj.field("metadata")?)?;
    let shapes = read_shapes(&root_obj.field("shapes")?)?;
    let operations = read_operations(&root_obj.field("operations")?)?;
    let model = Model { metadata, operations, shapes };
    check_references(&model)?;
    check_container_nesting(&model)?;
    Ok(model)
}

/// A JSON value with the path that leads to it.
#[derive(Clone, Copy)]
struct Node<'a> {
    value: &'a Value,
    path: &'a Path<'a>,
}

/// A path kept as a linked list on the stack; rendered only when an error needs it.
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => f.write_str("$"),
            Path::Key(parent, key) => {
                let plain =
                    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                if plain {
                    write!(f, "{parent}.{key}")
                } else {
                    write!(f, "{parent}[{key:?}]")
                }
            }
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

struct Object<'a> {
    map: &'a Map<String, Value>,
    path: &'a Path<'a>,
}

impl<'a> Node<'a> {
    fn root(value: &'a Value) -> Self {
        Node { value, path: &Path::Root }
    }

    fn error(&self, message: impl Into<String>) -> ModelError {
        ModelError { path: self.path.to_string(), message: message.into() }
    }

    fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    fn object(&self) -> Result<Object<'a>, ModelError> {
        match self.value {
            Value::Object(map) => Ok(Object { map, path: self.path }),
            _ => Err(self.error(format!("expected an object, found {}", self.kind()))),
        }
    }

    fn string(&self) -> Result<&'a str, ModelError> {
        self.value.as_str().ok_or_else(|| self.error(format!("expected a string, found {}", self.kind())))
    }

    fn boolean(&self) -> Result<bool, ModelError> {
        self.value.as_bool().ok_or_else(|| self.error(format!("expected a boolean, found {}", self.kind())))
    }

    fn bound(&self) -> Result<Bound, ModelError> {
        match self.value {
            Value::Number(n) => match n.as_i64() {
                Some(i) => Ok(Bound::Int(i)),
                None => n.as_f64().map(Bound::Float).ok_or_else(|| self.error("number out of range")),
            },
            _ => Err(self.error(format!("expected a number, found {}", self.kind()))),
        }
    }

    fn array(&self) -> Result<&'a [Value], ModelError> {
        match self.value {
            Value::Array(items) => Ok(items),
            _ => Err(self.error(format!("expected an array, found {}", self.kind()))),
        }
    }

    /// An array of strings; an element of another kind is an error at its own path.
    fn strings(&self) -> Result<Vec<String>, ModelError> {
        self.array()?
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let path = Path::Index(self.path, i);
                Node { value: v, path: &path }.string().map(str::to_owned)
            })
            .collect()
    }
}

/// Runs `f` on a child node; the child's path lives only for the call, which is all errors need.
fn with_key<T>(
    parent: &Path<'_>,
    key: &str,
    value: &Value,
    f: impl FnOnce(Node<'_>) -> Result<T, ModelError>,
) -> Result<T, ModelError> {
    let path = Path::Key(parent, key);
    f(Node { value, path: &path })
}

impl<'a> Object<'a> {
    fn error(&self, message: impl Into<String>) -> ModelError {
        ModelError { path: self.path.to_string(), message: message.into() }
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key)
    }

    /// A required field.
    fn field(&self, key: &str) -> Result<FieldRef<'a, '_>, ModelError> {
        match self.map.get(key) {
            Some(value) => Ok(FieldRef { value, parent: self.path, key: key.to_owned() }),
            None => Err(self.error(format!("missing required field `{key}`"))),
        }
    }

    fn opt(&self, key: &str) -> Option<FieldRef<'a, '_>> {
        self.map.get(key).map(|value| FieldRef { value, parent: self.path, key: key.to_owned() })
    }

    fn string(&self, key: &str) -> Result<String, ModelError> {
        self.field(key)?.with(|n| n.string().map(str::to_owned))
    }

    fn opt_string(&self, key: &str) -> Result<Option<String>, ModelError> {
        self.opt(key).map(|f| f.with(|n| n.string().map(str::to_owned))).transpose()
    }

    fn flag(&self, key: &str) -> Result<bool, ModelError> {
        Ok(self.opt(key).map(|f| f.with(|n| n.boolean())).transpose()?.unwrap_or(false))
    }

    fn deprecation(&self) -> Result<Option<Deprecation>, ModelError> {
        if self.flag("deprecated")? {
            Ok(Some(Deprecation { message: self.opt_string("deprecatedMessage")? }))
        } else {
            Ok(None)
        }
    }
}

/// A field of an object, not yet given a node (its path is built on demand).
struct FieldRef<'a, 'p> {
    value: &'a Value,
    parent: &'p Path<'p>,
    key: String,
}

impl FieldRef<'_, '_> {
    fn with<T>(&self, f: impl FnOnce(Node<'_>) -> Result<T, ModelError>) -> Result<T, ModelError> {
        with_key(self.parent, &self.key, self.value, f)
    }
}

fn read_metadata(field: &FieldRef<'_, '_>) -> Result<Metadata, ModelError> {
    field.with(|node| {
        let obj = node.object()?;
        let protocol = obj.string("protocol")?;
        let protocols = match obj.opt("protocols") {
            Some(list) => list.with(|n| n.strings())?,
            None => vec![protocol.clone()],
        };
        check_protocol(&obj, &protocol, &protocols)?;
        Ok(Metadata {
            api_version: obj.string("apiVersion")?,
            endpoint_prefix: obj.string("endpointPrefix")?,
            protocol,
            protocols,
            json_version: obj.opt_string("jsonVersion")?,
            service_full_name: obj.string("serviceFullName")?,
            service_id: obj.opt_string("serviceId")?,
            signature_version: obj.opt_string("signatureVersion")?,
            signing_name: obj.opt_string("signingName")?,
            target_prefix: obj.opt_string("targetPrefix")?,
            uid: obj.opt_string("uid")?,
        })
    })
}

/// The emitted client speaks AWS JSON 1.1 only: a model of another protocol would get a client
/// that sends requests its service does not understand, so it is refused rather than generated.
fn check_protocol(metadata: &Object<'_>, protocol: &str, protocols: &[String]) -> Result<(), ModelError> {
    if protocol == JSON_PROTOCOL || protocols.iter().any(|p| p == JSON_PROTOCOL) {
        return Ok(());
    }
    let wanted = "cognito-codegen generates AWS JSON protocol (`json`) clients only";
    // The list, when there is one, is what a client chooses from, so it is what is reported.
    let (key, message) = match metadata.opt("protocols") {
        Some(_) => {
            let listed: Vec<String> = protocols.iter().map(|p| format!("`{p}`")).collect();
            let listed = if listed.is_empty() { "none".to_owned() } else { listed.join(", ") };
            ("protocols", format!("the model's protocols are {listed}; {wanted}"))
        }
        None => ("protocol", format!("the model's protocol is `{protocol}`; {wanted}")),
    };
    metadata.field(key)?.with(|n| Err(n.error(message)))
}

/// `metadata.protocol` of the AWS JSON protocols.
const JSON_PROTOCOL: &str = "json";

fn read_operations(field: &FieldRef<'_, '_>) -> Result<Vec<Operation>, ModelError> {
    field.with(|node| {
        let obj = node.object()?;
        obj.map
            .iter()
            .map(|(name, value)| with_key(node.path, name, value, |n| read_operation(name, n)))
            .collect()
    })
}

fn read_operation(key: &str, node: Node<'_>) -> Result<Operation, ModelError> {
    let obj = node.object()?;
    let name = obj.opt_string("name")?.unwrap_or_else(|| key.to_owned());
    if name != key {
        return Err(obj.error(format!("operation name `{name}` differs from its key `{key}`")));
    }
    let (http_method, request_uri) = match obj.opt("http") {
        Some(http) => http.with(|n| {
            let http = n.object()?;
            Ok((
                http.opt_string("method")?.unwrap_or_else(|| "POST".into()),
                http.opt_string("requestUri")?.unwrap_or_else(|| "/".into()),
            ))
        })?,
        None => ("POST".into(), "/".into()),
    };
    let shape_ref = |key: &str| -> Result<Option<String>, ModelError> {
        obj.opt(key).map(|f| f.with(|n| n.object()?.string("shape"))).transpose()
    };
    let errors = match obj.opt("errors") {
        Some(list) => list.with(|n| {
            n.array()?
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let path = Path::Index(n.path, i);
                    Node { value: v, path: &path }.object()?.string("shape")
                })
                .collect::<Result<Vec<_>, _>>()
        })?,
        None => Vec::new(),
    };
    let host_prefix = obj
        .opt("endpoint")
        .map(|endpoint| endpoint.with(|n| n.object()?.opt_string("hostPrefix")))
        .transpose()?
        .flatten();
    let request_compression = match obj.opt("requestcompression") {
        Some(compression) => compression.with(|n| match n.object()?.opt("encodings") {
            Some(list) => list.with(|n| n.strings()),
            None => Ok(Vec::new()),
        })?,
        None => Vec::new(),
    };
    Ok(Operation {
        host_prefix,
        request_compression,
        auth: read_auth(&obj)?,
        input: shape_ref("input")?,
        output: shape_ref("output")?,
        errors,
        documentation: obj.opt_string("documentation")?,
        deprecated: obj.deprecation()?,
        idempotent: obj.flag("idempotent")?,
        http_method,
        request_uri,
        name,
    })
}

/// `authtype: none` or an `auth` list of only `smithy.api#noAuth` means unsigned.
fn read_auth(obj: &Object<'_>) -> Result<AuthType, ModelError> {
    if let Some(auth_type) = obj.opt_string("authtype")? {
        return Ok(if auth_type == "none" { AuthType::None } else { AuthType::SigV4 });
    }
    if let Some(list) = obj.opt("auth") {
        let schemes = list.with(|n| n.strings())?;
        if !schemes.is_empty() && schemes.iter().all(|s| s == "smithy.api#noAuth") {
            return Ok(AuthType::None);
        }
    }
    Ok(AuthType::SigV4)
}

fn read_shapes(field: &FieldRef<'_, '_>) -> Result<BTreeMap<String, Shape>, ModelError> {
    field.with(|node| {
        let obj = node.object()?;
        obj.map
            .iter()
            .map(|(name, value)| {
                with_key(node.path, name, value, |n| read_shape(name, n)).map(|s| (name.clone(), s))
            })
            .collect()
    })
}

fn read_shape(name: &str, node: Node<'_>) -> Result<Shape, ModelError> {
    let obj = node.object()?;
    let type_name = obj.string("type")?;
    let timestamp_format = read_timestamp_format(&obj)?;
    let kind = match type_name.as_str() {
        "structure" if obj.flag("document")? => ShapeKind::Document,
        "structure" => ShapeKind::Structure(read_structure(&obj)?),
        "string" => ShapeKind::String { enum_values: read_enum(&obj)? },
        "list" => ShapeKind::List { member: read_target(&obj, "member")? },
        "map" => ShapeKind::Map { key: read_target(&obj, "key")?, value: read_target(&obj, "value")? },
        "integer" => ShapeKind::Integer,
        "long" => ShapeKind::Long,
        "float" => ShapeKind::Float,
        "double" => ShapeKind::Double,
        "boolean" => ShapeKind::Boolean,
        "blob" => ShapeKind::Blob,
        "timestamp" => ShapeKind::Timestamp { format: timestamp_format },
        other => {
            return Err(obj.field("type")?.with(|n| Err(n.error(format!("unknown shape type `{other}`"))))?)
        }
    };
    let exception = if obj.flag("exception")? || obj.get("error").is_some() {
        Some(read_error_trait(&obj)?)
    } else {
        None
    };
    let bound = |key: &str| obj.opt(key).map(|f| f.with(|n| n.bound())).transpose();
    Ok(Shape {
        name: name.to_owned(),
        kind,
        documentation: obj.opt_string("documentation")?,
        sensitive: obj.flag("sensitive")?,
        deprecated: obj.deprecation()?,
        min: bound("min")?,
        max: bound("max")?,
        pattern: obj.opt_string("pattern")?,
        exception,
    })
}

fn read_error_trait(obj: &Object<'_>) -> Result<ErrorTrait, ModelError> {
    let (code, http_status) = match obj.opt("error") {
        Some(error) => error.with(|n| {
            let error = n.object()?;
            let status = match error.opt("httpStatusCode") {
                Some(f) => Some(f.with(|n| {
                    n.value
                        .as_u64()
                        .and_then(|s| u16::try_from(s).ok())
                        .ok_or_else(|| n.error("expected an HTTP status code"))
                })?),
                None => None,
            };
            Ok((error.opt_string("code")?, status))
        })?,
        None => (None, None),
    };
    Ok(ErrorTrait { fault: obj.flag("fault")?, code, http_status })
}

fn read_timestamp_format(obj: &Object<'_>) -> Result<Option<TimestampFormat>, ModelError> {
    match obj.opt("timestampFormat") {
        None => Ok(None),
        Some(f) => f.with(|n| match n.string()? {
            "unixTimestamp" => Ok(Some(TimestampFormat::EpochSeconds)),
            "iso8601" => Ok(Some(TimestampFormat::Iso8601)),
            "rfc822" => Ok(Some(TimestampFormat::Rfc822)),
            other => Err(n.error(format!("unknown timestamp format `{other}`"))),
        }),
    }
}

fn read_enum(obj: &Object<'_>) -> Result<Vec<String>, ModelError> {
    match obj.opt("enum") {
        None => Ok(Vec::new()),
        Some(f) => f.with(|n| n.strings()),
    }
}

fn read_target(obj: &Object<'_>, key: &str) -> Result<MemberTarget, ModelError> {
    obj.field(key)?.with(|n| Ok(MemberTarget { shape: n.object()?.string("shape")? }))
}

fn read_structure(obj: &Object<'_>) -> Result<Structure, ModelError> {
    let required: Vec<String> = match obj.opt("required") {
        None => Vec::new(),
        Some(f) => f.with(|n| n.strings())?,
    };
    let members_field = obj.opt("members");
    let members = match &members_field {
        None => Vec::new(),
        Some(f) => f.with(|n| {
            let members = n.object()?;
            members
                .map
                .iter()
                .map(|(name, value)| {
                    with_key(n.path, name, value, |m| read_member(name, m, required.contains(name)))
                })
                .collect::<Result<Vec<_>, _>>()
        })?,
    };
    if let Some(missing) = required.iter().find(|r| !members.iter().any(|m| &m.name == *r)) {
        return Err(obj
            .field("required")?
            .with(|n| Err(n.error(format!("required member `{missing}` is not among the members"))))?);
    }
    Ok(Structure { members, union: obj.flag("union")?, event_stream: obj.flag("eventstream")? })
}

fn read_member(name: &str, node: Node<'_>, required: bool) -> Result<Member, ModelError> {
    let obj = node.object()?;
    Ok(Member {
        name: name.to_owned(),
        shape: obj.string("shape")?,
        documentation: obj.opt_string("documentation")?,
        required,
        deprecated: obj.deprecation()?,
        boxed: obj.flag("box")?,
        idempotency_token: obj.flag("idempotencyToken")?,
        timestamp_format: read_timestamp_format(&obj)?,
        json_value: obj.flag("jsonvalue")?,
        host_label: obj.flag("hostLabel")?,
    })
}

/// Every shape name used anywhere must be defined, and operation inputs/outputs/errors must be
/// structures (errors: exceptions).
fn check_references(model: &Model) -> Result<(), ModelError> {
    let missing = |path: String, target: &str| ModelError {
        path,
        message: format!("unknown shape reference `{target}`"),
    };
    for (name, shape) in &model.shapes {
        let base = Path::Key(&Path::Root, "shapes");
        let at = Path::Key(&base, name);
        let check = |suffix: &[&str], target: &str| -> Result<(), ModelError> {
            if model.shapes.contains_key(target) {
                return Ok(());
            }
            let mut path = at.to_string();
            for part in suffix {
                path.push('.');
                path.push_str(part);
            }
            Err(missing(path, target))
        };
        match &shape.kind {
            ShapeKind::Structure(s) => {
                for m in &s.members {
                    check(&["members", &m.name, "shape"], &m.shape)?;
                }
            }
            ShapeKind::List { member } => check(&["member", "shape"], &member.shape)?,
            ShapeKind::Map { key, value } => {
                check(&["key", "shape"], &key.shape)?;
                check(&["value", "shape"], &value.shape)?;
                if !matches!(model.shapes[&key.shape].kind, ShapeKind::String { .. }) {
                    return Err(ModelError {
                        path: format!("{at}.key.shape"),
                        message: format!("map key shape `{}` is not a string", key.shape),
                    });
                }
            }
            _ => {}
        }
    }
    for op in &model.operations {
        let at = format!("$.operations.{}", op.name);
        for (key, target) in [("input", &op.input), ("output", &op.output)] {
            if let Some(target) = target {
                match model.shapes.get(target).map(|s| &s.kind) {
                    None => return Err(missing(format!("{at}.{key}.shape"), target)),
                    Some(ShapeKind::Structure(_)) => {}
                    Some(_) => {
                        return Err(ModelError {
                            path: format!("{at}.{key}.shape"),
                            message: format!("`{target}` is not a structure"),
                        })
                    }
                }
            }
        }
        for (i, target) in op.errors.iter().enumerate() {
            match model.shapes.get(target) {
                None => return Err(missing(format!("{at}.errors[{i}].shape"), target)),
                Some(s) if matches!(s.kind, ShapeKind::Structure(_)) => {}
                Some(_) => {
                    return Err(ModelError {
                        path: format!("{at}.errors[{i}].shape"),
                        message: format!("error shape `{target}` is not a structure"),
                    })
                }
            }
        }
    }
    Ok(())
}

/// How deep lists and maps may nest inside each other without a structure in between. Their
/// Rust type and their checks in `validate()` nest as deep, and `syn` parses them by recursion:
/// unoptimized (as build scripts usually run), about 40 KiB of stack a level, so past some 50
/// levels a 2 MiB thread stack overflows. Botocore's models nest at most 4.
pub const MAX_CONTAINER_NESTING: usize = 32;

/// Lists and maps that hold each other directly must end in a non-container within
/// [`MAX_CONTAINER_NESTING`] levels: a cycle of them would be a type of infinite size, and a long
/// chain overflows the stack of whatever walks its type. Every list or map has a single inner
/// container (a map's key is a string), so following those links with a depth remembered per
/// shape visits each shape once.
fn check_container_nesting(model: &Model) -> Result<(), ModelError> {
    let is_container =
        |name: &str| matches!(model.shapes[name].kind, ShapeKind::List { .. } | ShapeKind::Map { .. });
    // The container a list or map holds directly, and the key of the reference to it.
    let inner = |name: &str| -> Option<(&str, &'static str)> {
        let (target, key) = match &model.shapes[name].kind {
            ShapeKind::List { member } => (member.shape.as_str(), "member"),
            ShapeKind::Map { value, .. } => (value.shape.as_str(), "value"),
            _ => return None,
        };
        is_container(target).then_some((target, key))
    };
    let error = |name: &str, key: &str, message: String| {
        let shapes = Path::Key(&Path::Root, "shapes");
        ModelError { path: format!("{}.{key}.shape", Path::Key(&shapes, name)), message }
    };
    // Levels of containers from a list or map down to the first non-container.
    let mut depth: BTreeMap<&str, usize> = BTreeMap::new();
    for start in model.shapes.keys().map(String::as_str).filter(|name| is_container(name)) {
        if depth.contains_key(start) {
            continue;
        }
        let mut chain = vec![start];
        let mut position = BTreeMap::from([(start, 0)]);
        let mut below = loop {
            let last = chain[chain.len() - 1];
            let Some((target, key)) = inner(last) else { break 0 };
            if let Some(&known) = depth.get(target) {
                break known;
            }
            if let Some(&at) = position.get(target) {
                // A long cycle is named by its first links: enough to find it in the model.
                let mut cycle: Vec<String> =
                    chain[at..].iter().take(3).map(|name| format!("`{name}`")).collect();
                if chain.len() - at > 3 {
                    cycle.push("…".to_owned());
                }
                let message = format!(
                    "lists and maps hold each other without a structure in between ({} → `{target}`): \
                     no Rust type can hold such values",
                    cycle.join(" → ")
                );
                return Err(error(last, key, message));
            }
            position.insert(target, chain.len());
            chain.push(target);
        };
        for name in chain.into_iter().rev() {
            below += 1;
            if below > MAX_CONTAINER_NESTING {
                let key = inner(name).map_or("member", |(_, key)| key);
                let message = format!(
                    "lists and maps nest more than {MAX_CONTAINER_NESTING} levels deep from here without \
                     a structure in between; cognito-codegen does not emit types that deep"
                );
                return Err(error(name, key, message));
            }
            depth.insert(name, below);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal(shapes: &str, operations: &str) -> String {
        format!(
            r#"{{"metadata":{{"apiVersion":"2020-01-01","endpointPrefix":"demo","protocol":"json",
            "serviceFullName":"Demo","targetPrefix":"Demo"}},"operations":{operations},"shapes":{shapes}}}"#
        )
    }

    fn error_of(text: &str) -> ModelError {
        read_model(text).expect_err("model should be rejected")
    }

    #[test]
    fn reads_members_in_model_order_with_required_flags() {
        let text = minimal(
            r#"{"S":{"type":"structure","required":["b"],"members":{"z":{"shape":"Str"},"b":{"shape":"Str"},"a":{"shape":"Str"}}},
               "Str":{"type":"string","min":1,"max":5,"pattern":"[a-z]+","sensitive":true}}"#,
            "{}",
        );
        let model = read_model(&text).unwrap();
        let ShapeKind::Structure(s) = &model.shapes["S"].kind else { panic!("not a structure") };
        let names: Vec<_> = s.members.iter().map(|m| (m.name.as_str(), m.required)).collect();
        assert_eq!(names, [("z", false), ("b", true), ("a", false)]);
        let str_shape = &model.shapes["Str"];
        assert_eq!(str_shape.min, Some(Bound::Int(1)));
        assert!(str_shape.sensitive);
        assert_eq!(str_shape.pattern.as_deref(), Some("[a-z]+"));
    }

    #[test]
    fn unknown_member_shape_names_the_path() {
        let text = minimal(r#"{"S":{"type":"structure","members":{"Bar":{"shape":"Nope"}}}}"#, "{}");
        let err = error_of(&text);
        assert_eq!(err.path, "$.shapes.S.members.Bar.shape");
        assert!(err.message.contains("unknown shape reference `Nope`"), "{err}");
    }

    #[test]
    fn wrong_type_names_the_path() {
        let text = minimal(r#"{"S":{"type":"string","min":"one"}}"#, "{}");
        let err = error_of(&text);
        assert_eq!(err.path, "$.shapes.S.min");
        assert!(err.message.contains("expected a number, found a string"), "{err}");
    }

    #[test]
    fn missing_field_names_the_parent() {
        let text = minimal(r#"{"S":{"members":{}}}"#, "{}");
        let err = error_of(&text);
        assert_eq!(err.path, "$.shapes.S");
        assert!(err.message.contains("missing required field `type`"), "{err}");
    }

    #[test]
    fn unknown_shape_type_is_rejected() {
        let err = error_of(&minimal(r#"{"S":{"type":"bigdecimal"}}"#, "{}"));
        assert_eq!(err.path, "$.shapes.S.type");
    }

    #[test]
    fn operation_references_are_checked() {
        let err = error_of(&minimal(
            r#"{"In":{"type":"structure","members":{}}}"#,
            r#"{"Op":{"name":"Op","input":{"shape":"In"},"errors":[{"shape":"Gone"}]}}"#,
        ));
        assert_eq!(err.path, "$.operations.Op.errors[0].shape");
    }

    #[test]
    fn required_member_must_exist() {
        let err = error_of(&minimal(r#"{"S":{"type":"structure","required":["x"],"members":{}}}"#, "{}"));
        assert_eq!(err.path, "$.shapes.S.required");
    }

    #[test]
    fn keys_with_odd_characters_are_quoted_in_paths() {
        let err = error_of(&minimal(r#"{"a b":{"type":"list","member":{"shape":"x"}}}"#, "{}"));
        assert_eq!(err.path, "$.shapes[\"a b\"].member.shape");
    }

    #[test]
    fn invalid_json_is_an_error() {
        let err = error_of("{not json");
        assert_eq!(err.path, "$");
    }

    #[test]
    fn auth_none_is_read_from_either_trait() {
        let text = minimal(
            r#"{"In":{"type":"structure","members":{}}}"#,
            r#"{"A":{"name":"A","input":{"shape":"In"},"authtype":"none"},
               "B":{"name":"B","input":{"shape":"In"},"auth":["smithy.api#noAuth"]},
               "C":{"name":"C","input":{"shape":"In"}}}"#,
        );
        let model = read_model(&text).unwrap();
        let auth: Vec<_> = model.operations.iter().map(|o| o.auth).collect();
        assert_eq!(auth, [AuthType::None, AuthType::None, AuthType::SigV4]);
    }

    fn with_metadata(protocols: &str) -> String {
        format!(
            r#"{{"metadata":{{"apiVersion":"2020-01-01","endpointPrefix":"demo",{protocols},
            "serviceFullName":"Demo"}},"operations":{{}},"shapes":{{}}}}"#
        )
    }

    #[test]
    fn only_the_json_protocol_is_accepted() {
        for accepted in [
            r#""protocol":"json""#,
            r#""protocol":"json","protocols":["json"]"#,
            // The smithy-rpc-v2-cbor models that also speak JSON.
            r#""protocol":"smithy-rpc-v2-cbor","protocols":["smithy-rpc-v2-cbor","json"]"#,
        ] {
            read_model(&with_metadata(accepted)).unwrap_or_else(|e| panic!("{accepted}: {e}"));
        }
        let err = error_of(&with_metadata(r#""protocol":"rest-xml""#));
        assert_eq!(err.path, "$.metadata.protocol");
        assert_eq!(
            err.message,
            "the model's protocol is `rest-xml`; cognito-codegen generates AWS JSON protocol (`json`) clients only"
        );
        let err = error_of(&with_metadata(r#""protocol":"query","protocols":["query","ec2"]"#));
        assert_eq!(err.path, "$.metadata.protocols");
        assert!(err.message.starts_with("the model's protocols are `query`, `ec2`; "), "{err}");
        let err = error_of(&with_metadata(r#""protocol":"query","protocols":[]"#));
        assert!(err.message.starts_with("the model's protocols are none; "), "{err}");
    }

    /// A list `L0` holding `L1` and so on down to `L{levels - 1}`, which holds a string.
    fn nested_lists(levels: usize) -> String {
        let mut shapes: Vec<String> = (0..levels)
            .map(|i| {
                let inner = if i + 1 < levels { format!("L{}", i + 1) } else { "Str".to_owned() };
                format!(r#""L{i}":{{"type":"list","member":{{"shape":"{inner}"}}}}"#)
            })
            .collect();
        shapes.push(r#""Str":{"type":"string"}"#.to_owned());
        minimal(&format!("{{{}}}", shapes.join(",")), "{}")
    }

    #[test]
    fn lists_and_maps_nest_a_bounded_number_of_levels() {
        read_model(&nested_lists(MAX_CONTAINER_NESTING)).unwrap();
        let err = error_of(&nested_lists(MAX_CONTAINER_NESTING + 1));
        assert_eq!(err.path, "$.shapes.L0.member.shape");
        assert!(err.message.contains("more than 32 levels deep"), "{err}");
        // Far deeper than any stack would take were the chain followed by recursion.
        let err = error_of(&nested_lists(20_000));
        assert!(err.message.contains("more than 32 levels deep"), "{err}");
    }

    #[test]
    fn lists_and_maps_holding_each_other_are_rejected() {
        let err = error_of(&minimal(r#"{"L":{"type":"list","member":{"shape":"L"}}}"#, "{}"));
        assert_eq!(err.path, "$.shapes.L.member.shape");
        assert!(err.message.contains("(`L` → `L`)"), "{err}");
        let err = error_of(&minimal(
            r#"{"A":{"type":"list","member":{"shape":"M"}},"K":{"type":"string"},
               "M":{"type":"map","key":{"shape":"K"},"value":{"shape":"B"}},
               "B":{"type":"list","member":{"shape":"M"}}}"#,
            "{}",
        ));
        assert_eq!(err.path, "$.shapes.B.member.shape");
        assert!(err.message.contains("(`M` → `B` → `M`)"), "{err}");
        // Through a structure the cycle is fine: the structure can box it.
        read_model(&minimal(
            r#"{"L":{"type":"list","member":{"shape":"S"}},"S":{"type":"structure","members":{"L":{"shape":"L"}}}}"#,
            "{}",
        ))
        .unwrap();
    }

    #[test]
    fn reads_the_cognito_model() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../spec/cognito-idp/2016-04-18/service-2.json"
        ))
        .unwrap();
        let model = read_model(&text).unwrap();
        assert_eq!(model.operations.len(), 141);
        assert_eq!(model.shapes.len(), 685);
        assert_eq!(model.shapes.values().filter(|s| s.sensitive).count(), 15);
        let unsigned = model.operations.iter().filter(|o| o.auth == AuthType::None).count();
        assert_eq!(unsigned, 34);
    }
}
