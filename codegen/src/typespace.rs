//! The type space: the model resolved into Rust terms, ready to emit.
//!
//! Every shape gets an id and, where it becomes a Rust item, a unique name; fields and variants
//! get identifiers; recursion is broken with `Box`; patterns are compiled once to learn whether
//! the `regex` crate accepts them; constrained shapes get the name of their constraint static.
//! Docs are kept as the model's HTML ([`Docs`]). The emitter only walks this structure and never
//! looks at the model again.

use std::collections::{BTreeMap, BTreeSet};

use crate::docs::html_to_markdown;
use crate::model::{AuthType, Bound, Model, ShapeKind, TimestampFormat};
use crate::naming::{to_cli_kebab, to_screaming_snake, to_snake, to_upper_camel, Namer};

/// Index of a shape in [`TypeSpace::shapes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShapeId(pub usize);

/// The resolved model.
#[derive(Debug, Clone)]
pub struct TypeSpace {
    pub service: Service,
    /// All shapes of the model, sorted by model name; `included` says which are emitted.
    pub shapes: Vec<ShapeDef>,
    /// Emitted operations, in model order.
    pub operations: Vec<OperationDef>,
    /// Distinct patterns that validation uses, in a fixed order; indexed by [`PatternRef`].
    pub patterns: Vec<PatternDef>,
    /// Renames and skipped checks the user should know about.
    pub warnings: Vec<String>,
}

/// Service-wide facts.
#[derive(Debug, Clone)]
pub struct Service {
    pub full_name: String,
    /// `serviceId` (`Cognito Identity Provider`), which names the service's endpoint settings
    /// (`AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`); the full name when the model has none.
    pub service_id: String,
    pub endpoint_prefix: String,
    pub target_prefix: String,
    pub api_version: String,
    pub protocol: String,
    pub json_version: String,
    pub signing_name: String,
}

/// One shape, resolved.
#[derive(Debug, Clone)]
pub struct ShapeDef {
    pub wire_name: String,
    pub included: bool,
    /// Reached from an operation input (so it is serialized and validated).
    pub input: bool,
    /// Reached from an operation output or error.
    pub output: bool,
    /// The operations (indices into [`TypeSpace::operations`]) whose input, output or errors
    /// reach this shape; empty for shapes no operation uses.
    pub operations: Vec<usize>,
    pub docs: Docs,
    pub sensitive: bool,
    pub deprecated: Option<Option<String>>,
    pub min: Option<Bound>,
    pub max: Option<Bound>,
    pub pattern: Option<PatternRef>,
    /// This shape or something it contains has a constraint that `validate()` checks.
    pub needs_validation: bool,
    /// The name of the static holding this shape's own constraints (`min`, `max`, `pattern`),
    /// which every member of the shape is checked against. Claimed for every constrained
    /// shape, as type names are, so a subset of operations names them as the whole model does.
    pub rule: Option<String>,
    /// The command line's descriptor statics of this shape: `(shape, members)`
    /// (`ADMIN_INITIATE_AUTH_REQUEST`, `ADMIN_INITIATE_AUTH_REQUEST_MEMBERS`), claimed for every
    /// shape so that a subset names them as the whole does.
    pub descriptors: (String, String),
    pub kind: Kind,
}

/// The kind of constraint static that checks a shape's own value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// Length in characters, and a pattern: strings.
    Text,
    /// Length in bytes, elements or entries: blobs, lists, maps.
    Length,
    /// Range: numbers.
    Range,
}

impl ShapeDef {
    /// The kind of constraints a value of this shape can have, if any.
    pub fn rule_kind(&self) -> Option<RuleKind> {
        match self.kind {
            Kind::String => Some(RuleKind::Text),
            Kind::Blob | Kind::List(_) | Kind::Map(..) => Some(RuleKind::Length),
            Kind::Integer | Kind::Long | Kind::Float | Kind::Double => Some(RuleKind::Range),
            _ => None,
        }
    }

    /// Length bounds `validate()` checks (characters of a string, bytes of a blob, elements of
    /// a list or map), as whole numbers a length can meet; a minimum of zero or less holds for
    /// every value and is left out.
    pub fn length_bounds(&self) -> (Option<i64>, Option<i64>) {
        let whole = |bound: Bound, round: fn(f64) -> f64| match bound {
            Bound::Int(i) => i,
            Bound::Float(f) => round(f) as i64,
        };
        let min = self.min.map(|b| whole(b, f64::ceil)).filter(|m| *m > 0);
        (min, self.max.map(|b| whole(b, f64::floor)))
    }

    /// Range bounds of a number.
    pub fn range_bounds(&self) -> (Option<f64>, Option<f64>) {
        let as_float = |bound: Bound| match bound {
            Bound::Int(i) => i as f64,
            Bound::Float(f) => f,
        };
        (self.min.map(as_float), self.max.map(as_float))
    }

    /// The pattern `validate()` checks this string against: request strings only, and only
    /// patterns the `regex` crate accepts.
    pub fn checked_pattern(&self, patterns: &[PatternDef]) -> Option<PatternRef> {
        let string = matches!(self.kind, Kind::String);
        self.pattern.filter(|p| string && self.input && patterns[p.0].unsupported.is_none())
    }

    /// Whether `validate()` checks a constraint on this shape's own value (not only on values
    /// it holds).
    pub fn has_own_check(&self, patterns: &[PatternDef]) -> bool {
        let length = || self.length_bounds() != (None, None);
        match self.rule_kind() {
            Some(RuleKind::Text) => length() || self.checked_pattern(patterns).is_some(),
            Some(RuleKind::Length) => length(),
            Some(RuleKind::Range) => self.range_bounds() != (None, None),
            None => false,
        }
    }
}

/// What a shape becomes in Rust.
#[derive(Debug, Clone)]
pub enum Kind {
    /// A struct in `types`.
    Struct(StructDef),
    /// An exception struct in `errors`.
    Exception(ExceptionDef),
    /// A tagged union enum in `types`.
    Union(UnionDef),
    /// A string enum in `types`.
    Enum(EnumDef),
    String,
    Integer,
    Long,
    Float,
    Double,
    Boolean,
    Blob,
    Timestamp,
    Document,
    List(ShapeId),
    Map(ShapeId, ShapeId),
}

#[derive(Debug, Clone)]
pub struct StructDef {
    pub rust_name: String,
    pub fields: Vec<FieldDef>,
}

#[derive(Debug, Clone)]
pub struct ExceptionDef {
    pub rust_name: String,
    pub fields: Vec<FieldDef>,
    /// The error code as it appears on the wire (`__type`).
    pub code: String,
    pub fault: bool,
    pub http_status: Option<u16>,
}

#[derive(Debug, Clone)]
pub struct FieldDef {
    pub wire_name: String,
    pub rust_name: String,
    /// The command line's option (`client-id` for `--client-id`), apart from the global options.
    pub option: String,
    pub docs: Docs,
    pub shape: ShapeId,
    pub required: bool,
    /// Boxed to break a cycle of direct containment.
    pub boxed: bool,
    pub deprecated: Option<Option<String>>,
    pub idempotency_token: bool,
    /// For timestamp members: the wire format (member trait, else shape trait, else epoch).
    pub timestamp_format: TimestampFormat,
}

#[derive(Debug, Clone)]
pub struct UnionDef {
    pub rust_name: String,
    pub variants: Vec<VariantDef>,
    /// The variant a member the model does not list decodes to (forward compatibility, as
    /// enums have).
    pub catch_all: String,
    pub event_stream: bool,
}

#[derive(Debug, Clone)]
pub struct VariantDef {
    pub wire_name: String,
    pub rust_name: String,
    /// The command line's name of the variant in shorthand and skeletons.
    pub option: String,
    pub docs: Docs,
    pub shape: ShapeId,
    pub boxed: bool,
}

#[derive(Debug, Clone)]
pub struct EnumDef {
    pub rust_name: String,
    pub values: Vec<EnumValue>,
    /// The variant that keeps values the model does not list.
    pub catch_all: String,
}

#[derive(Debug, Clone)]
pub struct EnumValue {
    pub wire: String,
    pub rust_name: String,
}

/// Index into [`TypeSpace::patterns`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PatternRef(pub usize);

#[derive(Debug, Clone)]
pub struct PatternDef {
    /// The name of its static: after the first shape by name that has it (`USER_POOL_ID_TYPE_PATTERN`).
    pub name: String,
    /// The model's pattern.
    pub source: String,
    /// The regex that matches a whole value.
    pub anchored: String,
    /// Why the `regex` crate rejects it, if it does; the check is then skipped.
    pub unsupported: Option<String>,
    /// Some request member is checked against it (so the output has a compiled copy).
    pub checked: bool,
}

#[derive(Debug, Clone)]
pub struct OperationDef {
    pub wire_name: String,
    pub rust_name: String,
    /// The client's method (`admin_initiate_auth`), apart from the client's own methods.
    pub method_name: String,
    /// The command line's subcommand and the operation's cargo feature
    /// (`admin-initiate-auth`), apart from the features the generator writes itself.
    pub command_name: String,
    pub docs: Docs,
    /// `X-Amz-Target`.
    pub target: String,
    pub auth: AuthType,
    pub input: Option<ShapeId>,
    pub output: Option<ShapeId>,
    pub errors: Vec<ErrorVariant>,
    /// Name of the operation's error enum in `errors`.
    pub error_enum: String,
    pub deprecated: Option<Option<String>>,
    /// `endpoint.hostPrefix`, resolved against the input.
    pub host_prefix: Option<Vec<HostPart>>,
}

/// A piece of an operation's host prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostPart {
    Literal(String),
    /// `{label}`: an input member (`hostLabel: true`, a string) by wire and Rust name.
    Label {
        wire_name: String,
        field: String,
        required: bool,
    },
}

#[derive(Debug, Clone)]
pub struct ErrorVariant {
    pub shape: ShapeId,
    pub rust_name: String,
}

/// Names the command line's descriptor statics of every shape after it, apart from each other
/// and from the tables beside them.
fn name_descriptors(shapes: &mut [ShapeDef]) {
    let mut names = Namer::new();
    for table in ["COMMANDS", "CHALLENGE_SCHEMA"] {
        names.reserve(table);
    }
    for shape in shapes.iter_mut() {
        let base = to_screaming_snake(&shape.wire_name);
        let own = names.claim(&base);
        let members = names.claim(&format!("{base}_MEMBERS"));
        shape.descriptors = (own, members);
    }
}

/// The generated client's own methods, which operations' methods must not take.
const CLIENT_METHODS: &[&str] = &["builder", "endpoint", "call", "from", "clone", "fmt"];

/// The features the generator writes beside the operations' (see `Generated::cargo_features`),
/// and those of the checked-in crate's parts (`Features::CHECKED_IN`).
const GENERATED_FEATURES: &[&str] =
    &["all-operations", "default", "client", "cli", "challenge", "srp", "flows", "reverse-serde"];

/// The command line's global options, which the options of an operation's input must not take.
const GLOBAL_OPTIONS: &[&str] =
    &["region", "endpoint-url", "cli-input-json", "cli-input-yaml", "generate-cli-skeleton", "help"];

/// Name of the catch-all variant of string enums and error enums.
pub const CATCH_ALL: &str = "Unknown";
/// Name of the unmodeled-error variant of error enums.
pub const UNMODELED: &str = "Unhandled";

impl TypeSpace {
    pub fn shape(&self, id: ShapeId) -> &ShapeDef {
        &self.shapes[id.0]
    }

    /// Builds the type space for the given operations (all when `None`).
    pub fn build(model: &Model, operations: Option<&[String]>) -> Result<Self, String> {
        Builder::new(model).build(operations)
    }
}

struct Builder<'m> {
    model: &'m Model,
    ids: BTreeMap<&'m str, ShapeId>,
    names: Vec<&'m str>,
    warnings: Vec<String>,
}

impl<'m> Builder<'m> {
    fn new(model: &'m Model) -> Self {
        let names: Vec<&str> = model.shapes.keys().map(String::as_str).collect();
        let ids = names.iter().enumerate().map(|(i, n)| (*n, ShapeId(i))).collect();
        Builder { model, ids, names, warnings: Vec::new() }
    }

    fn id(&self, name: &str) -> ShapeId {
        // The reader has checked every reference, so the lookup cannot miss.
        self.ids[name]
    }

    fn build(mut self, operations: Option<&[String]>) -> Result<TypeSpace, String> {
        let selected = self.select_operations(operations)?;
        let (input, output) = self.directions(&selected);
        let included: Vec<bool> = if operations.is_some() {
            input.iter().zip(&output).map(|(i, o)| *i || *o).collect()
        } else {
            vec![true; self.names.len()]
        };
        let mut shapes = self.resolve_shapes(&included, &input, &output);
        for (shape, operations) in shapes.iter_mut().zip(self.reached_by(&selected, &included)) {
            shape.operations = operations;
        }
        self.box_cycles(&mut shapes);
        let mut patterns = self.resolve_patterns(&mut shapes);
        mark_validation(&mut shapes, &patterns);
        self.name_rules(&mut shapes, &mut patterns);
        name_descriptors(&mut shapes);
        let operations = self.resolve_operations(&selected, &shapes);
        self.warn_of_unserved_traits(&selected);
        let meta = &self.model.metadata;
        let service = Service {
            full_name: meta.service_full_name.clone(),
            service_id: meta.service_id.clone().unwrap_or_else(|| meta.service_full_name.clone()),
            endpoint_prefix: meta.endpoint_prefix.clone(),
            target_prefix: meta.target_prefix.clone().unwrap_or_default(),
            api_version: meta.api_version.clone(),
            protocol: meta.protocol.clone(),
            json_version: meta.json_version.clone().unwrap_or_else(|| "1.0".into()),
            signing_name: meta.signing_name.clone().unwrap_or_else(|| meta.endpoint_prefix.clone()),
        };
        Ok(TypeSpace { service, shapes, operations, patterns, warnings: self.warnings })
    }

    /// An operation's `endpoint.hostPrefix` as literal text and `{label}`s naming string members
    /// of the input marked `hostLabel`; `None`, with a warning, when a label names no such member.
    fn host_prefix(&mut self, op: &crate::model::Operation, shapes: &[ShapeDef]) -> Option<Vec<HostPart>> {
        let template = op.host_prefix.as_deref()?;
        let input = op.input.as_deref().map(|name| self.id(name));
        let fields = match input.map(|id| &shapes[id.0].kind) {
            Some(Kind::Struct(def)) => def.fields.as_slice(),
            _ => &[],
        };
        let members = match op.input.as_deref().and_then(|name| self.model.shapes.get(name)).map(|s| &s.kind)
        {
            Some(ShapeKind::Structure(s)) => s.members.as_slice(),
            _ => &[],
        };
        let mut parts = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                parts.push(HostPart::Literal(rest[..open].to_owned()));
            }
            let Some(close) = rest[open..].find('}') else { break };
            let label = &rest[open + 1..open + close];
            let member = members.iter().find(|m| m.name == label && m.host_label);
            let field = fields.iter().find(|f| f.wire_name == label);
            match (member, field) {
                (Some(_), Some(field)) if matches!(shapes[field.shape.0].kind, Kind::String) => {
                    parts.push(HostPart::Label {
                        wire_name: label.to_owned(),
                        field: field.rust_name.clone(),
                        required: field.required,
                    });
                }
                _ => {
                    self.warnings.push(format!(
                        "operation `{}`: the host prefix's label `{label}` is not a string member of the \
                         input marked hostLabel; the prefix is not applied",
                        op.name
                    ));
                    return None;
                }
            }
            rest = &rest[open + close + 1..];
        }
        if !rest.is_empty() {
            parts.push(HostPart::Literal(rest.to_owned()));
        }
        Some(parts)
    }

    /// Protocol features of the chosen operations that the output does not apply, said now
    /// rather than found at run time.
    fn warn_of_unserved_traits(&mut self, selected: &[usize]) {
        for &index in selected {
            let operation = &self.model.operations[index];
            let name = &operation.name;
            if !operation.request_compression.is_empty() {
                self.warnings.push(format!(
                    "operation `{name}` accepts compressed requests (requestcompression); they are sent \
                     uncompressed, which the service also accepts"
                ));
            }
        }
    }

    fn select_operations(&self, wanted: Option<&[String]>) -> Result<Vec<usize>, String> {
        let all = &self.model.operations;
        let Some(wanted) = wanted else { return Ok((0..all.len()).collect()) };
        let mut selected = BTreeSet::new();
        for name in wanted {
            match all.iter().position(|op| &op.name == name) {
                Some(i) => {
                    selected.insert(i);
                }
                None => {
                    let known: Vec<&str> = all.iter().map(|o| o.name.as_str()).collect();
                    let hint = cognito_challenge_rules::suggest::closest(name, &known)
                        .map(|s| format!(" (did you mean `{s}`?)"))
                        .unwrap_or_default();
                    return Err(format!("unknown operation `{name}`{hint}"));
                }
            }
        }
        Ok(selected.into_iter().collect())
    }

    /// Which shapes are reached from inputs, and which from outputs and errors.
    fn directions(&self, selected: &[usize]) -> (Vec<bool>, Vec<bool>) {
        let mut input = vec![false; self.names.len()];
        let mut output = vec![false; self.names.len()];
        for &i in selected {
            let op = &self.model.operations[i];
            if let Some(shape) = &op.input {
                self.mark(self.id(shape), &mut input);
            }
            for shape in op.output.iter().chain(&op.errors) {
                self.mark(self.id(shape), &mut output);
            }
        }
        (input, output)
    }

    /// For each shape, the positions in `selected` of the operations that reach it.
    fn reached_by(&self, selected: &[usize], included: &[bool]) -> Vec<Vec<usize>> {
        let mut reached = vec![Vec::new(); self.names.len()];
        for (position, &i) in selected.iter().enumerate() {
            let op = &self.model.operations[i];
            let mut seen = vec![false; self.names.len()];
            for shape in op.input.iter().chain(&op.output).chain(&op.errors) {
                self.mark(self.id(shape), &mut seen);
            }
            for (shape, _) in seen.iter().enumerate().filter(|(_, seen)| **seen) {
                reached[shape].push(position);
            }
        }
        // An emitted shape no operation reaches is never gated, so what it contains must not be
        // either: count those as reached by every operation.
        let mut always = vec![false; self.names.len()];
        for shape in (0..self.names.len()).filter(|&i| included[i] && reached[i].is_empty()) {
            self.mark(ShapeId(shape), &mut always);
        }
        for (reach, always) in reached.iter_mut().zip(always) {
            if always && !reach.is_empty() {
                *reach = (0..selected.len()).collect();
            }
        }
        reached
    }

    fn mark(&self, start: ShapeId, seen: &mut [bool]) {
        let mut stack = vec![start];
        while let Some(id) = stack.pop() {
            if std::mem::replace(&mut seen[id.0], true) {
                continue;
            }
            match &self.model.shapes[self.names[id.0]].kind {
                ShapeKind::Structure(s) => stack.extend(s.members.iter().map(|m| self.id(&m.shape))),
                ShapeKind::List { member } => stack.push(self.id(&member.shape)),
                ShapeKind::Map { key, value } => {
                    stack.push(self.id(&key.shape));
                    stack.push(self.id(&value.shape));
                }
                _ => {}
            }
        }
    }

    fn resolve_shapes(&mut self, included: &[bool], input: &[bool], output: &[bool]) -> Vec<ShapeDef> {
        let mut type_names = Namer::new();
        let mut error_names = Namer::new();
        let mut shapes = Vec::with_capacity(self.names.len());
        let any_direction =
            included.iter().zip(input.iter().zip(output)).map(|(inc, (i, o))| *inc && !*i && !*o);
        let unreferenced: Vec<bool> = any_direction.collect();
        for (index, name) in self.names.clone().into_iter().enumerate() {
            let shape = &self.model.shapes[name];
            let kind = match &shape.kind {
                ShapeKind::Structure(s) if shape.exception.is_some() => {
                    let rust_name = self.claim_type(&mut error_names, name);
                    let error = shape.exception.as_ref().expect("checked by the guard");
                    Kind::Exception(ExceptionDef {
                        fields: self.resolve_fields(name, &s.members),
                        code: error.code.clone().unwrap_or_else(|| name.to_owned()),
                        fault: error.fault,
                        http_status: error.http_status,
                        rust_name,
                    })
                }
                ShapeKind::Structure(s) if s.union || s.event_stream => {
                    let rust_name = self.claim_type(&mut type_names, name);
                    let mut variant_names = Namer::new();
                    variant_names.reserve(CATCH_ALL);
                    let mut options = Namer::new();
                    let variants = s
                        .members
                        .iter()
                        .map(|m| VariantDef {
                            rust_name: self.claim_member(
                                &mut variant_names,
                                name,
                                &m.name,
                                to_upper_camel(&m.name),
                            ),
                            option: self.claim_name(
                                &mut options,
                                "option",
                                name,
                                &m.name,
                                to_cli_kebab(&m.name),
                            ),
                            wire_name: m.name.clone(),
                            docs: docs(m.documentation.as_deref()),
                            shape: self.id(&m.shape),
                            boxed: false,
                        })
                        .collect();
                    Kind::Union(UnionDef {
                        rust_name,
                        variants,
                        catch_all: CATCH_ALL.to_owned(),
                        event_stream: s.event_stream,
                    })
                }
                ShapeKind::Structure(s) => {
                    let rust_name = self.claim_type(&mut type_names, name);
                    Kind::Struct(StructDef { rust_name, fields: self.resolve_fields(name, &s.members) })
                }
                ShapeKind::String { enum_values } if !enum_values.is_empty() => {
                    let rust_name = self.claim_type(&mut type_names, name);
                    Kind::Enum(self.resolve_enum(name, rust_name, enum_values))
                }
                ShapeKind::String { .. } => Kind::String,
                ShapeKind::List { member } => Kind::List(self.id(&member.shape)),
                ShapeKind::Map { key, value } => Kind::Map(self.id(&key.shape), self.id(&value.shape)),
                ShapeKind::Integer => Kind::Integer,
                ShapeKind::Long => Kind::Long,
                ShapeKind::Float => Kind::Float,
                ShapeKind::Double => Kind::Double,
                ShapeKind::Boolean => Kind::Boolean,
                ShapeKind::Blob => Kind::Blob,
                ShapeKind::Timestamp { .. } => Kind::Timestamp,
                ShapeKind::Document => Kind::Document,
            };
            shapes.push(ShapeDef {
                wire_name: name.to_owned(),
                included: included[index],
                input: input[index] || unreferenced[index],
                output: output[index] || unreferenced[index],
                operations: Vec::new(),
                docs: docs(shape.documentation.as_deref()),
                sensitive: shape.sensitive,
                deprecated: shape.deprecated.as_ref().map(|d| d.message.clone()),
                min: shape.min,
                max: shape.max,
                pattern: None,
                needs_validation: false,
                rule: None,
                descriptors: (String::new(), String::new()),
                kind,
            });
        }
        shapes
    }

    /// Names are claimed for every shape, included or not, so that emitting a subset of
    /// operations gives each type the same name as the full output does.
    fn claim_type(&mut self, scope: &mut Namer, wire: &str) -> String {
        let wanted = to_upper_camel(wire);
        let got = scope.claim(&wanted);
        if got != wanted {
            self.warnings.push(format!("shape `{wire}` is named `{got}`: `{wanted}` is taken"));
        }
        got
    }

    fn claim_member(&mut self, scope: &mut Namer, owner: &str, wire: &str, wanted: String) -> String {
        let got = scope.claim(&wanted);
        if got != wanted {
            self.warnings.push(format!("member `{owner}.{wire}` is named `{got}`: `{wanted}` is taken"));
        }
        got
    }

    /// Claims a name that is not a Rust item (a command-line option or command), reporting a
    /// rename as what it is.
    fn claim_name(
        &mut self,
        scope: &mut Namer,
        what: &str,
        owner: &str,
        wire: &str,
        wanted: String,
    ) -> String {
        let got = scope.claim(&wanted);
        if got != wanted {
            self.warnings.push(format!("the {what} of `{owner}.{wire}` is `{got}`: `{wanted}` is taken"));
        }
        got
    }

    fn resolve_fields(&mut self, owner: &str, members: &[crate::model::Member]) -> Vec<FieldDef> {
        let mut field_names = Namer::new();
        let mut options = Namer::new();
        // An operation's input members are options of its command, beside the global ones.
        if self.model.operations.iter().any(|op| op.input.as_deref() == Some(owner)) {
            for global in GLOBAL_OPTIONS {
                options.reserve(global);
            }
        }
        members
            .iter()
            .map(|m| {
                let target = &self.model.shapes[&m.shape];
                let shape_format = match &target.kind {
                    ShapeKind::Timestamp { format } => *format,
                    _ => None,
                };
                FieldDef {
                    rust_name: self.claim_member(&mut field_names, owner, &m.name, to_snake(&m.name)),
                    option: self.claim_name(&mut options, "option", owner, &m.name, to_cli_kebab(&m.name)),
                    wire_name: m.name.clone(),
                    docs: docs(m.documentation.as_deref()),
                    shape: self.id(&m.shape),
                    required: m.required,
                    boxed: false,
                    deprecated: m.deprecated.as_ref().map(|d| d.message.clone()),
                    idempotency_token: m.idempotency_token,
                    timestamp_format: m
                        .timestamp_format
                        .or(shape_format)
                        .unwrap_or(TimestampFormat::EpochSeconds),
                }
            })
            .collect()
    }

    fn resolve_enum(&mut self, owner: &str, rust_name: String, values: &[String]) -> EnumDef {
        let mut names = Namer::new();
        names.reserve(CATCH_ALL);
        let values = values
            .iter()
            .map(|wire| {
                let mut wanted = to_upper_camel(wire);
                if wanted == CATCH_ALL {
                    // A modeled `UNKNOWN` must not be confused with the catch-all.
                    wanted = format!("{CATCH_ALL}Value");
                }
                EnumValue {
                    rust_name: self.claim_member(&mut names, owner, wire, wanted),
                    wire: wire.clone(),
                }
            })
            .collect();
        EnumDef { rust_name, values, catch_all: CATCH_ALL.to_owned() }
    }

    /// Boxes every field that points back into its own strongly connected component of
    /// direct containment (struct fields and union variants, not list or map elements).
    fn box_cycles(&self, shapes: &mut [ShapeDef]) {
        let edges: Vec<Vec<usize>> = shapes.iter().map(|s| direct_children(s, shapes)).collect();
        let component = strongly_connected(&edges);
        let mut cyclic = vec![false; shapes.len()];
        for (node, targets) in edges.iter().enumerate() {
            if targets.iter().any(|t| component[*t] == component[node]) {
                cyclic[node] = true;
            }
        }
        for (node, shape) in shapes.iter_mut().enumerate() {
            let same = |target: ShapeId| cyclic[node] && component[target.0] == component[node];
            match &mut shape.kind {
                Kind::Struct(StructDef { fields, .. }) | Kind::Exception(ExceptionDef { fields, .. }) => {
                    for field in fields {
                        field.boxed = same(field.shape);
                    }
                }
                Kind::Union(u) => {
                    for variant in &mut u.variants {
                        variant.boxed = same(variant.shape);
                    }
                }
                _ => {}
            }
        }
    }

    /// Patterns of every emitted string shape: documented on the members that use them, and
    /// checked by `validate()` where the shape is part of a request.
    fn resolve_patterns(&mut self, shapes: &mut [ShapeDef]) -> Vec<PatternDef> {
        let pattern_of = |i: usize, shape: &ShapeDef| {
            (shape.included && matches!(shape.kind, Kind::String))
                .then(|| self.model.shapes[self.names[i]].pattern.clone())
                .flatten()
        };
        let sources: BTreeSet<String> =
            shapes.iter().enumerate().filter_map(|(i, s)| pattern_of(i, s)).collect();
        let mut patterns: Vec<PatternDef> = sources
            .into_iter()
            .map(|source| {
                let anchored = format!(r"\A(?:{source})\z");
                let unsupported = regex::RegexBuilder::new(&anchored)
                    .size_limit(1 << 22)
                    .build()
                    .err()
                    .map(|e| first_line(&e.to_string()));
                PatternDef { name: String::new(), source, anchored, unsupported, checked: false }
            })
            .collect();
        let mut warnings = Vec::new();
        for (i, shape) in shapes.iter_mut().enumerate() {
            let Some(source) = pattern_of(i, shape) else { continue };
            let index = patterns.iter().position(|p| p.source == source).expect("collected above");
            if let Some(why) = &patterns[index].unsupported {
                warnings.push(format!(
                    "pattern of shape `{}` is not checked: the regex crate rejects it ({why})",
                    shape.wire_name
                ));
            }
            patterns[index].checked |= shape.input && patterns[index].unsupported.is_none();
            shape.pattern = Some(PatternRef(index));
        }
        self.warnings.extend(warnings);
        patterns
    }

    /// Names the constraint statics: the shape's name in screaming snake case
    /// (`USER_POOL_ID_TYPE`), and each pattern's after the first shape by name that has it
    /// (`USER_POOL_ID_TYPE_PATTERN`), apart from each other. Every shape the model constrains
    /// takes part, included or not, so that a subset names them as the whole does, and adding a
    /// shape renames only what it collides with.
    fn name_rules(&self, shapes: &mut [ShapeDef], patterns: &mut [PatternDef]) {
        let mut names = Namer::new();
        for (index, shape) in shapes.iter_mut().enumerate() {
            let model = &self.model.shapes[self.names[index]];
            let constrained = model.min.is_some() || model.max.is_some() || model.pattern.is_some();
            if shape.rule_kind().is_some() && constrained {
                shape.rule = Some(names.claim(&to_screaming_snake(&shape.wire_name)));
            }
        }
        let first_shape_of = |source: &str| {
            (0..shapes.len())
                .filter(|&i| matches!(shapes[i].kind, Kind::String))
                .filter(|&i| self.model.shapes[self.names[i]].pattern.as_deref() == Some(source))
                .map(|i| shapes[i].wire_name.as_str())
                .min()
        };
        let mut by_shape: Vec<(&str, usize)> = patterns
            .iter()
            .enumerate()
            .filter_map(|(i, p)| first_shape_of(&p.source).map(|shape| (shape, i)))
            .collect();
        by_shape.sort();
        for (shape, i) in by_shape {
            patterns[i].name = names.claim(&format!("{}_PATTERN", to_screaming_snake(shape)));
        }
    }

    fn resolve_operations(&mut self, selected: &[usize], shapes: &[ShapeDef]) -> Vec<OperationDef> {
        let mut op_names = Namer::new();
        let mut method_names = Namer::new();
        for own in CLIENT_METHODS {
            method_names.reserve(own);
        }
        let mut command_names = Namer::new();
        for own in GENERATED_FEATURES {
            command_names.reserve(own);
        }
        let mut error_enum_names = Namer::new();
        for shape in shapes {
            if let Kind::Exception(e) = &shape.kind {
                error_enum_names.reserve(&e.rust_name);
            }
        }
        let target_prefix = self.model.metadata.target_prefix.clone().unwrap_or_default();
        // Names for all operations, so a subset names them as the full output does.
        let mut resolved = Vec::new();
        for (index, op) in self.model.operations.iter().enumerate() {
            let rust_name = op_names.claim(&to_upper_camel(&op.name));
            let method_name =
                self.claim_name(&mut method_names, "client method", "Client", &op.name, to_snake(&op.name));
            let command_name = self.claim_name(
                &mut command_names,
                "command and feature",
                "operations",
                &op.name,
                to_cli_kebab(&op.name),
            );
            let wanted_enum = format!("{rust_name}Error");
            let error_enum = error_enum_names.claim(&wanted_enum);
            if error_enum != wanted_enum {
                self.warnings.push(format!(
                    "error enum of operation `{}` is named `{error_enum}`: `{wanted_enum}` is taken",
                    op.name
                ));
            }
            if !selected.contains(&index) {
                continue;
            }
            let mut variant_names = Namer::new();
            variant_names.reserve(UNMODELED);
            let mut errors: Vec<ErrorVariant> = Vec::new();
            let mut codes = BTreeSet::new();
            for error in &op.errors {
                let shape = self.id(error);
                let Kind::Exception(exception) = &shapes[shape.0].kind else {
                    self.warnings.push(format!(
                        "operation `{}` lists `{error}` as an error, but it is not an exception: left out",
                        op.name
                    ));
                    continue;
                };
                if !codes.insert(exception.code.clone()) {
                    // Listed twice, or two shapes share a code: the first one decodes it.
                    continue;
                }
                errors.push(ErrorVariant { shape, rust_name: variant_names.claim(&exception.rust_name) });
            }
            resolved.push(OperationDef {
                target: if target_prefix.is_empty() {
                    op.name.clone()
                } else {
                    format!("{target_prefix}.{}", op.name)
                },
                wire_name: op.name.clone(),
                rust_name,
                method_name,
                command_name,
                docs: docs(op.documentation.as_deref()),
                auth: op.auth,
                input: op.input.as_deref().map(|s| self.id(s)),
                output: op.output.as_deref().map(|s| self.id(s)),
                errors,
                error_enum,
                deprecated: op.deprecated.as_ref().map(|d| d.message.clone()),
                host_prefix: self.host_prefix(op, shapes),
            });
        }
        resolved
    }
}

fn docs(html: Option<&str>) -> Docs {
    Docs(html.map(str::to_owned))
}

/// Documentation from the model, kept as its HTML and turned into Markdown where it is
/// emitted: on the threads that print the items, rather than all of it before printing starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Docs(Option<String>);

impl Docs {
    /// The model's HTML, if it has docs here.
    pub fn html(&self) -> Option<&str> {
        self.0.as_deref()
    }

    /// The docs as Markdown, for rustdoc.
    pub fn markdown(&self) -> String {
        self.0.as_deref().map(html_to_markdown).unwrap_or_default()
    }
}

fn first_line(text: &str) -> String {
    text.lines().map(str::trim).rfind(|l| !l.is_empty()).unwrap_or("").to_owned()
}

/// Struct and union shapes a shape holds directly (without a list or map in between).
fn direct_children(shape: &ShapeDef, shapes: &[ShapeDef]) -> Vec<usize> {
    let aggregate =
        |id: ShapeId| matches!(shapes[id.0].kind, Kind::Struct(_) | Kind::Union(_) | Kind::Exception(_));
    let targets: Vec<ShapeId> = match &shape.kind {
        Kind::Struct(s) => s.fields.iter().map(|f| f.shape).collect(),
        Kind::Exception(e) => e.fields.iter().map(|f| f.shape).collect(),
        Kind::Union(u) => u.variants.iter().map(|v| v.shape).collect(),
        _ => Vec::new(),
    };
    targets.into_iter().filter(|t| aggregate(*t)).map(|t| t.0).collect()
}

/// Tarjan's algorithm, iterative so deep models cannot overflow the stack. Returns a component
/// number per node.
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut component = vec![UNSEEN; n];
    let mut stack = Vec::new();
    let mut next_index = 0;
    let mut next_component = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some((node, child)) = work.pop() {
            if child == 0 {
                index[node] = next_index;
                low[node] = next_index;
                next_index += 1;
                stack.push(node);
                on_stack[node] = true;
            } else {
                let done = edges[node][child - 1];
                low[node] = low[node].min(low[done]);
            }
            let mut descended = false;
            for (offset, &target) in edges[node].iter().enumerate().skip(child) {
                if index[target] == UNSEEN {
                    work.push((node, offset + 1));
                    work.push((target, 0));
                    descended = true;
                    break;
                } else if on_stack[target] {
                    low[node] = low[node].min(index[target]);
                }
            }
            if descended {
                continue;
            }
            if low[node] == index[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = next_component;
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

/// A shape needs validation when it has a constraint of its own or holds, at any depth, one that
/// does: it is whatever reaches a constrained shape. Walking the containment edges backwards from
/// the constrained shapes visits each shape and edge once; iterating over all shapes to a fixed
/// point took one pass per level of nesting, quadratic in a chain of nested structures.
fn mark_validation(shapes: &mut [ShapeDef], patterns: &[PatternDef]) {
    let mut holders: Vec<Vec<usize>> = vec![Vec::new(); shapes.len()];
    for (holder, shape) in shapes.iter().enumerate() {
        for child in validated_children(&shape.kind) {
            holders[child.0].push(holder);
        }
    }
    let mut pending = Vec::new();
    for (index, shape) in shapes.iter_mut().enumerate() {
        shape.needs_validation = shape.has_own_check(patterns);
        if shape.needs_validation {
            pending.push(index);
        }
    }
    while let Some(index) = pending.pop() {
        for &holder in &holders[index] {
            if !std::mem::replace(&mut shapes[holder].needs_validation, true) {
                pending.push(holder);
            }
        }
    }
}

/// The shapes whose values `validate()` of a value of this kind looks into.
fn validated_children(kind: &Kind) -> Vec<ShapeId> {
    match kind {
        Kind::Struct(s) => s.fields.iter().map(|f| f.shape).collect(),
        Kind::Union(u) => u.variants.iter().map(|v| v.shape).collect(),
        Kind::List(item) => vec![*item],
        Kind::Map(k, v) => vec![*k, *v],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::read_model;

    fn space(shapes: &str, operations: &str) -> TypeSpace {
        let text = format!(
            r#"{{"metadata":{{"apiVersion":"1","endpointPrefix":"demo","protocol":"json",
            "serviceFullName":"Demo","targetPrefix":"Demo"}},"operations":{operations},"shapes":{shapes}}}"#
        );
        TypeSpace::build(&read_model(&text).unwrap(), None).unwrap()
    }

    fn by_name<'a>(space: &'a TypeSpace, wire: &str) -> &'a ShapeDef {
        space.shapes.iter().find(|s| s.wire_name == wire).unwrap()
    }

    #[test]
    fn constraint_statics_are_named_after_their_shapes_apart_from_each_other_and_the_patterns() {
        let space = space(
            r#"{"In":{"type":"structure","members":{"A":{"shape":"Name"},"B":{"shape":"NAME"},
                 "C":{"shape":"Pattern_0"},"D":{"shape":"Count"},"E":{"shape":"Free"}}},
               "Name":{"type":"string","min":1},"NAME":{"type":"string","max":2},
               "Pattern_0":{"type":"string","pattern":"[a-z]+"},
               "Count":{"type":"integer","min":0,"max":9},"Free":{"type":"string"}}"#,
            r#"{"Op":{"name":"Op","http":{"method":"POST","requestUri":"/"},"input":{"shape":"In"}}}"#,
        );
        let rule = |wire: &str| by_name(&space, wire).rule.clone();
        assert_eq!(rule("NAME").as_deref(), Some("NAME"));
        assert_eq!(rule("Name").as_deref(), Some("NAME2"));
        assert_eq!(rule("Pattern_0").as_deref(), Some("PATTERN_0"));
        assert_eq!(space.patterns[0].name, "PATTERN_0_PATTERN");
        assert_eq!(rule("Count").as_deref(), Some("COUNT"));
        assert_eq!(rule("Free"), None);
        assert!(by_name(&space, "Pattern_0").has_own_check(&space.patterns));
        assert_eq!(by_name(&space, "Count").range_bounds(), (Some(0.0), Some(9.0)));
        // A minimum length of zero holds for every value: not checked.
        assert_eq!(by_name(&space, "NAME").length_bounds(), (None, Some(2)));
    }

    #[test]
    fn client_methods_commands_and_options_are_claimed_apart() {
        let space = space(
            r#"{"In":{"type":"structure","members":{"SMSMfa":{"shape":"S"},"SmsMfa":{"shape":"S"},"Region":{"shape":"S"}}},
               "S":{"type":"string"}}"#,
            r#"{"Call":{"name":"Call","http":{"method":"POST","requestUri":"/"},"input":{"shape":"In"}},
                "AllOperations":{"name":"AllOperations","http":{"method":"POST","requestUri":"/"}}}"#,
        );
        let call = space.operations.iter().find(|op| op.wire_name == "Call").unwrap();
        // `call` is the client's own method.
        assert_eq!((call.method_name.as_str(), call.command_name.as_str()), ("call_2", "call"));
        let all = space.operations.iter().find(|op| op.wire_name == "AllOperations").unwrap();
        // `all-operations` is the feature the generator writes itself.
        assert_eq!(all.command_name, "all-operations_2");
        let Kind::Struct(input) = &by_name(&space, "In").kind else { panic!() };
        let options: Vec<&str> = input.fields.iter().map(|f| f.option.as_str()).collect();
        // `--region` is a global option.
        assert_eq!(options, ["sms-mfa", "sms-mfa_2", "region_2"]);
        assert!(
            space
                .warnings
                .iter()
                .any(|w| w == "the client method of `Client.Call` is `call_2`: `call` is taken"),
            "{:?}",
            space.warnings
        );
    }

    #[test]
    fn command_line_descriptors_are_named_after_their_shapes() {
        let space = space(
            r#"{"Foo":{"type":"structure","members":{}},"FooMembers":{"type":"structure","members":{}},
               "Commands":{"type":"string"}}"#,
            "{}",
        );
        let descriptors = |wire: &str| by_name(&space, wire).descriptors.clone();
        // Shapes in name order: Commands, Foo, FooMembers.
        assert_eq!(descriptors("Commands"), ("COMMANDS2".into(), "COMMANDS_MEMBERS".into()));
        assert_eq!(descriptors("Foo"), ("FOO".into(), "FOO_MEMBERS".into()));
        assert_eq!(descriptors("FooMembers"), ("FOO_MEMBERS2".into(), "FOO_MEMBERS_MEMBERS".into()));
    }

    #[test]
    fn adding_a_pattern_renames_no_other_static() {
        let ops = r#"{"Op":{"name":"Op","http":{"method":"POST","requestUri":"/"},"input":{"shape":"In"}}}"#;
        let names = |space: &TypeSpace| {
            let mut names: Vec<(String, String)> =
                space.patterns.iter().map(|p| (p.source.clone(), p.name.clone())).collect();
            names.sort();
            names
        };
        let before = space(
            r#"{"In":{"type":"structure","members":{"A":{"shape":"Code"},"B":{"shape":"Name"}}},
               "Code":{"type":"string","pattern":"[0-9]+"},"Name":{"type":"string","pattern":"[a-z]+"}}"#,
            ops,
        );
        // A shape whose name sorts first, with a pattern whose text sorts first.
        let after = space(
            r#"{"In":{"type":"structure","members":{"A":{"shape":"Code"},"B":{"shape":"Name"},"C":{"shape":"Aaa"}}},
               "Aaa":{"type":"string","pattern":"[ -~]+"},
               "Code":{"type":"string","pattern":"[0-9]+"},"Name":{"type":"string","pattern":"[a-z]+"}}"#,
            ops,
        );
        assert_eq!(
            names(&before),
            [("[0-9]+".into(), "CODE_PATTERN".into()), ("[a-z]+".into(), "NAME_PATTERN".into())]
        );
        let after = names(&after);
        assert!(after.contains(&("[ -~]+".into(), "AAA_PATTERN".into())), "{after:?}");
        assert!(names(&before).iter().all(|n| after.contains(n)), "{after:?}");
    }

    #[test]
    fn fractional_length_bounds_round_inwards() {
        let space = space(
            r#"{"In":{"type":"structure","members":{"A":{"shape":"S"}}},"S":{"type":"string","min":1.5,"max":2.5}}"#,
            r#"{"Op":{"name":"Op","http":{"method":"POST","requestUri":"/"},"input":{"shape":"In"}}}"#,
        );
        assert_eq!(by_name(&space, "S").length_bounds(), (Some(2), Some(2)));
    }

    #[test]
    fn operations_reaching_a_shape_count_inputs_outputs_errors_and_unreached_containers() {
        let space = space(
            r#"{"AIn":{"type":"structure","members":{"Shared":{"shape":"Shared"}}},
               "BOut":{"type":"structure","members":{"Shared":{"shape":"Shared"},"Own":{"shape":"Own"}}},
               "Shared":{"type":"string"},
               "Own":{"type":"string"},
               "Oops":{"type":"structure","members":{},"exception":true},
               "Loose":{"type":"structure","members":{"Own":{"shape":"Own"}}}}"#,
            r#"{"A":{"name":"A","input":{"shape":"AIn"},"errors":[{"shape":"Oops"}]},
                "B":{"name":"B","output":{"shape":"BOut"}},
                "C":{"name":"C"}}"#,
        );
        let ops = |wire: &str| by_name(&space, wire).operations.clone();
        assert_eq!(ops("AIn"), [0]);
        assert_eq!(ops("Oops"), [0]);
        assert_eq!(ops("Shared"), [0, 1]);
        // No operation reaches `Loose`, which is then always emitted, and so is what it holds.
        assert!(ops("Loose").is_empty());
        assert_eq!(ops("Own"), [0, 1, 2]);
    }

    #[test]
    fn direct_recursion_is_boxed_but_recursion_through_lists_is_not() {
        let space = space(
            r#"{"Node":{"type":"structure","members":{"Next":{"shape":"Node"},"Kids":{"shape":"Nodes"},"Leaf":{"shape":"Leaf"}}},
               "Nodes":{"type":"list","member":{"shape":"Node"}},
               "Leaf":{"type":"structure","members":{}},
               "A":{"type":"structure","members":{"B":{"shape":"B"}}},
               "B":{"type":"structure","members":{"A":{"shape":"A"}}}}"#,
            "{}",
        );
        let Kind::Struct(node) = &by_name(&space, "Node").kind else { panic!() };
        let boxed: Vec<_> = node.fields.iter().map(|f| (f.rust_name.as_str(), f.boxed)).collect();
        assert_eq!(boxed, [("next", true), ("kids", false), ("leaf", false)]);
        let Kind::Struct(a) = &by_name(&space, "A").kind else { panic!() };
        assert!(a.fields[0].boxed);
    }

    #[test]
    fn colliding_names_are_disambiguated_and_reported() {
        let space = space(
            r#"{"Foo":{"type":"structure","members":{"type":{"shape":"S"},"Type":{"shape":"S"}}},
               "FOO":{"type":"structure","members":{}},
               "S":{"type":"string","enum":["UNKNOWN","a b","A_B","SELF","0.5"]}}"#,
            "{}",
        );
        // Model names sort as FOO, Foo, S: FOO claims `Foo` first.
        let Kind::Struct(foo) = &by_name(&space, "Foo").kind else { panic!() };
        assert_eq!(foo.rust_name, "Foo2");
        let fields: Vec<_> = foo.fields.iter().map(|f| f.rust_name.as_str()).collect();
        assert_eq!(fields, ["r#type", "type_2"]);
        let Kind::Enum(e) = &by_name(&space, "S").kind else { panic!() };
        let variants: Vec<_> = e.values.iter().map(|v| v.rust_name.as_str()).collect();
        assert_eq!(variants, ["UnknownValue", "AB", "AB2", "SelfValue", "V0_5"]);
        // `type` and `Type` are one command-line option too.
        let options: Vec<_> = foo.fields.iter().map(|f| f.option.as_str()).collect();
        assert_eq!(options, ["type", "type_2"]);
        assert_eq!(space.warnings.len(), 4, "{:?}", space.warnings);
    }

    /// `S000000` holds `S000001` and so on; only the innermost holds a constrained string. Each
    /// name sorts before the one it holds: the order in which a pass over all shapes learns the
    /// least per pass.
    fn chain_of_structures(levels: usize) -> Model {
        use crate::model::{Member, Metadata, Operation, Shape, Structure};
        let name = |i: usize| format!("S{i:06}");
        let shape = |name: String, kind: ShapeKind, max: Option<Bound>| Shape {
            name,
            kind,
            documentation: None,
            sensitive: false,
            deprecated: None,
            min: None,
            max,
            pattern: None,
            exception: None,
        };
        let member = |target: String| Member {
            name: "Next".into(),
            shape: target,
            documentation: None,
            required: false,
            deprecated: None,
            boxed: false,
            idempotency_token: false,
            timestamp_format: None,
            json_value: false,
            host_label: false,
        };
        let mut shapes = BTreeMap::new();
        for i in 0..levels {
            let target = if i + 1 < levels { name(i + 1) } else { "Str".into() };
            let members = vec![member(target)];
            let kind = ShapeKind::Structure(Structure { members, union: false, event_stream: false });
            shapes.insert(name(i), shape(name(i), kind, None));
        }
        let text = ShapeKind::String { enum_values: Vec::new() };
        shapes.insert("Str".into(), shape("Str".into(), text, Some(Bound::Int(5))));
        shapes.insert("Unrelated".into(), shape("Unrelated".into(), ShapeKind::Boolean, None));
        Model {
            metadata: Metadata {
                api_version: "1".into(),
                endpoint_prefix: "demo".into(),
                protocol: "json".into(),
                protocols: vec!["json".into()],
                json_version: None,
                service_full_name: "Demo".into(),
                service_id: None,
                signature_version: None,
                signing_name: None,
                target_prefix: None,
                uid: None,
            },
            operations: vec![Operation {
                name: "Op".into(),
                http_method: "POST".into(),
                request_uri: "/".into(),
                input: Some(name(0)),
                output: None,
                errors: Vec::new(),
                documentation: None,
                auth: AuthType::SigV4,
                deprecated: None,
                idempotent: false,
                host_prefix: None,
                request_compression: Vec::new(),
            }],
            shapes,
        }
    }

    #[test]
    fn a_constraint_deep_in_a_long_chain_of_structures_reaches_every_holder() {
        // Deep enough that work quadratic in the depth takes half a minute (marking validation by
        // passes to a fixed point did, a pass per level), where linear work takes a fraction of a
        // second.
        let levels = 20_000;
        let space = TypeSpace::build(&chain_of_structures(levels), None).unwrap();
        let needing = space.shapes.iter().filter(|s| s.needs_validation).count();
        assert_eq!(needing, levels + 1, "every structure of the chain and the string");
        assert!(!by_name(&space, "Unrelated").needs_validation);
        assert!(by_name(&space, "S000000").input);
    }

    #[test]
    fn unsupported_patterns_are_reported_not_fatal() {
        let space = space(
            r#"{"In":{"type":"structure","members":{"A":{"shape":"Look"},"B":{"shape":"Plain"}}},
               "Look":{"type":"string","pattern":"(?!x).*"},
               "Plain":{"type":"string","pattern":"[a-z]+"}}"#,
            r#"{"Op":{"name":"Op","input":{"shape":"In"}}}"#,
        );
        assert_eq!(space.patterns.len(), 2);
        assert!(space.patterns.iter().any(|p| p.unsupported.is_some()));
        assert!(space.warnings.iter().any(|w| w.contains("`Look`")));
        assert!(by_name(&space, "In").needs_validation);
    }
}
