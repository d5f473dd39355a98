//! The botocore model as read from `service-2.json`, before any Rust naming.
//!
//! Everything here is in the model's own terms (wire names, shape references by name); the
//! [`crate::typespace`] turns it into Rust terms. Nothing is emitted from this layer directly.

use std::collections::BTreeMap;

/// A whole service model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The `metadata` object.
    pub metadata: Metadata,
    /// Operations in model order.
    pub operations: Vec<Operation>,
    /// Shapes by their model name (sorted, so iteration is deterministic).
    pub shapes: BTreeMap<String, Shape>,
}

/// The parts of `metadata` the generator uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    pub api_version: String,
    pub endpoint_prefix: String,
    pub protocol: String,
    /// `protocols`, or `[protocol]` when the model has no list.
    pub protocols: Vec<String>,
    pub json_version: Option<String>,
    pub service_full_name: String,
    pub service_id: Option<String>,
    pub signature_version: Option<String>,
    pub signing_name: Option<String>,
    pub target_prefix: Option<String>,
    pub uid: Option<String>,
}

/// How a request is authorized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthType {
    /// Signed with AWS Signature Version 4 (the default).
    SigV4,
    /// `authtype: none` — sent without credentials.
    None,
}

/// One operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    pub name: String,
    pub http_method: String,
    pub request_uri: String,
    pub input: Option<String>,
    pub output: Option<String>,
    pub errors: Vec<String>,
    pub documentation: Option<String>,
    pub auth: AuthType,
    pub deprecated: Option<Deprecation>,
    pub idempotent: bool,
    /// `endpoint.hostPrefix`: a prefix of the host, with `{label}`s from the input.
    pub host_prefix: Option<String>,
    /// `requestcompression.encodings`: the compressions the service accepts.
    pub request_compression: Vec<String>,
}

/// `deprecated` with its optional message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deprecation {
    pub message: Option<String>,
}

/// A `min`/`max` bound: integral for lengths and integers, possibly fractional for doubles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    Int(i64),
    Float(f64),
}

/// Wire formats of timestamps (`timestampFormat`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimestampFormat {
    /// Seconds since the Unix epoch, fraction allowed: the JSON protocol's default.
    EpochSeconds,
    /// RFC 3339 date-time.
    Iso8601,
    /// RFC 7231 HTTP date.
    Rfc822,
}

/// The `error` trait of an exception shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorTrait {
    /// `fault: true`: the service's fault rather than the caller's.
    pub fault: bool,
    /// `error.code`, when it differs from the shape name.
    pub code: Option<String>,
    /// `error.httpStatusCode`.
    pub http_status: Option<u16>,
}

/// One shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub name: String,
    pub kind: ShapeKind,
    pub documentation: Option<String>,
    pub sensitive: bool,
    pub deprecated: Option<Deprecation>,
    pub min: Option<Bound>,
    pub max: Option<Bound>,
    pub pattern: Option<String>,
    /// Present on exception shapes.
    pub exception: Option<ErrorTrait>,
}

/// What a shape is.
#[derive(Debug, Clone, PartialEq)]
pub enum ShapeKind {
    Structure(Structure),
    String {
        enum_values: Vec<String>,
    },
    List {
        member: MemberTarget,
    },
    Map {
        key: MemberTarget,
        value: MemberTarget,
    },
    Integer,
    Long,
    Float,
    Double,
    Boolean,
    Blob,
    Timestamp {
        format: Option<TimestampFormat>,
    },
    /// A structure with `document: true`: free-form JSON.
    Document,
}

/// A structure's members.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    /// Members in model order.
    pub members: Vec<Member>,
    /// `union: true`: exactly one member is set.
    pub union: bool,
    /// `eventstream: true`.
    pub event_stream: bool,
}

/// The target of a list member or map key/value.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberTarget {
    pub shape: String,
}

/// A structure member.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub name: String,
    pub shape: String,
    pub documentation: Option<String>,
    pub required: bool,
    pub deprecated: Option<Deprecation>,
    /// The model's `box` trait: the member is nullable even when its target is a primitive. Rust
    /// already expresses that with `Option`, so it changes nothing in the output.
    pub boxed: bool,
    pub idempotency_token: bool,
    /// A member-level `timestampFormat` overriding the target shape's.
    pub timestamp_format: Option<TimestampFormat>,
    /// `jsonvalue: true`: a string that carries JSON text.
    pub json_value: bool,
    /// `hostLabel: true`: the value fills a `{label}` of the operation's host prefix.
    pub host_label: bool,
}

impl Model {
    /// The shape with this model name.
    pub fn shape(&self, name: &str) -> Option<&Shape> {
        self.shapes.get(name)
    }
}
