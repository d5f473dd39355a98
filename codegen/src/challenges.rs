//! The challenge schema (`spec/challenges.json`): which `ChallengeResponses` keys each
//! `ChallengeNameType` value takes, and its cross-check against the model.
//!
//! The model only describes those keys in prose, so the schema carries them; the cross-check
//! keeps the two in step: a model that gains or loses a challenge stops generation with an error
//! naming the value and the file to edit. Resolved against the type space, the schema becomes
//! the rules of `cognito-challenge-rules` (with the model's constraints on key values), which
//! the output carries in that crate's text form for the macro and the command line.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use cognito_challenge_rules::Operation;

use crate::model::{Model, ShapeKind};

/// The enum whose values the schema must cover.
pub const CHALLENGE_ENUM: &str = "ChallengeNameType";

/// The generated type the SRP client's device verifier returns.
pub const SRP_VERIFIER_TYPE: &str = "DeviceSecretVerifierConfigType";

/// The two operations that take challenge responses, and the operation names the schema uses.
pub const USER_OPERATION: &str = "RespondToAuthChallenge";
pub const ADMIN_OPERATION: &str = "AdminRespondToAuthChallenge";

/// The schema as read.
#[derive(Debug, Clone, PartialEq)]
pub struct ChallengeSchema {
    /// Challenges in the file's order.
    pub challenges: Vec<Challenge>,
    /// Keys whose values follow a model shape's constraints.
    pub key_shapes: BTreeMap<String, String>,
}

/// One entry of the file: the challenge's rules (without the two things the model supplies,
/// its enum variant and its keys' constraints) and the documentation they were taken from.
#[derive(Debug, Clone, PartialEq)]
pub struct Challenge {
    pub rules: cognito_challenge_rules::Challenge,
    pub sources: Vec<Source>,
}

/// Where a challenge's rules come from: a quotation and its public source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The model's documentation of `member` (`ChallengeResponses of RespondToAuthChallenge`).
    Model { member: String, quote: String },
    /// An AWS CLI reference page (an `https://` address).
    CliReference { page: String, quote: String },
    /// Free text (a schema written before sources were structured).
    Text(String),
}

/// The `source` of a challenge: a text, an object, or a list of objects
/// (`{"from": "model", "member": …, "quote": …}` or
/// `{"from": "aws-cli-reference", "page": "https://…", "quote": …}`).
fn read_sources(value: Option<&Value>, path: &str) -> Result<Vec<Source>, SchemaError> {
    let one = |value: &Value, path: &str| -> Result<Source, SchemaError> {
        let object = object(value, path)?;
        let text = |key: &str| -> Result<String, SchemaError> {
            object
                .get(key)
                .and_then(Value::as_str)
                .filter(|t| !t.trim().is_empty())
                .map(str::to_owned)
                .ok_or_else(|| error(format!("{path}.{key}"), "expected a text"))
        };
        match object.get("from").and_then(Value::as_str) {
            Some("model") => Ok(Source::Model { member: text("member")?, quote: text("quote")? }),
            Some("aws-cli-reference") => {
                let page = text("page")?;
                // Sources are public: a page on the web, never a path on someone's machine.
                if !page.starts_with("https://") {
                    return Err(error(format!("{path}.page"), "expected a public `https://` address"));
                }
                Ok(Source::CliReference { page, quote: text("quote")? })
            }
            _ => Err(error(format!("{path}.from"), "expected `model` or `aws-cli-reference`")),
        }
    };
    match value {
        None => Ok(Vec::new()),
        Some(Value::String(text)) => Ok(vec![Source::Text(text.clone())]),
        Some(Value::Array(items)) => {
            items.iter().enumerate().map(|(i, item)| one(item, &format!("{path}[{i}]"))).collect()
        }
        Some(other) => Ok(vec![one(other, path)?]),
    }
}

/// A schema that cannot be used: where, what, and which file to edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    pub file: Option<PathBuf>,
    pub path: String,
    pub message: String,
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}: ", file.display())?;
        }
        write!(f, "challenge schema at `{}`: {}", self.path, self.message)
    }
}

impl std::error::Error for SchemaError {}

fn error(path: impl Into<String>, message: impl Into<String>) -> SchemaError {
    SchemaError { file: None, path: path.into(), message: message.into() }
}

/// Reads the schema from JSON text.
pub fn read_schema(text: &str) -> Result<ChallengeSchema, SchemaError> {
    let root: Value = serde_json::from_str(text).map_err(|e| error("$", format!("not valid JSON: {e}")))?;
    let challenges = object(&root, "$")?
        .get("challenges")
        .ok_or_else(|| error("$", "missing required field `challenges`"))?;
    let challenges = object(challenges, "$.challenges")?
        .iter()
        .map(|(name, entry)| read_challenge(name, entry, &format!("$.challenges.{name}")))
        .collect::<Result<Vec<_>, _>>()?;
    let key_shapes = match root.get("key_shapes") {
        None => BTreeMap::new(),
        Some(value) => object(value, "$.key_shapes")?
            .iter()
            .map(|(key, shape)| Ok((key.clone(), string(shape, &format!("$.key_shapes.{key}"))?)))
            .collect::<Result<_, SchemaError>>()?,
    };
    Ok(ChallengeSchema { challenges, key_shapes })
}

fn object<'a>(value: &'a Value, path: &str) -> Result<&'a serde_json::Map<String, Value>, SchemaError> {
    value.as_object().ok_or_else(|| error(path, "expected an object"))
}

fn string(value: &Value, path: &str) -> Result<String, SchemaError> {
    value.as_str().map(str::to_owned).ok_or_else(|| error(path, "expected a string"))
}

fn strings(
    entry: &serde_json::Map<String, Value>,
    field: &str,
    path: &str,
) -> Result<Vec<String>, SchemaError> {
    match entry.get(field) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => {
            items.iter().enumerate().map(|(i, v)| string(v, &format!("{path}.{field}[{i}]"))).collect()
        }
        Some(_) => Err(error(format!("{path}.{field}"), "expected an array of strings")),
    }
}

fn read_challenge(name: &str, entry: &Value, path: &str) -> Result<Challenge, SchemaError> {
    let entry = object(entry, path)?;
    let operations = strings(entry, "operations", path)?;
    for (i, op) in operations.iter().enumerate() {
        if op != USER_OPERATION && op != ADMIN_OPERATION {
            return Err(error(
                format!("{path}.operations[{i}]"),
                format!("unknown operation `{op}`; expected `{USER_OPERATION}` or `{ADMIN_OPERATION}`"),
            ));
        }
    }
    if operations.is_empty() {
        return Err(error(
            format!("{path}.operations"),
            "a challenge must be accepted by at least one operation",
        ));
    }
    if !cognito_challenge_rules::is_identifier(name) {
        return Err(error(path, "a challenge name must be an identifier (letters, digits and `_`)"));
    }
    let required = strings(entry, "required", path)?;
    let optional = strings(entry, "optional", path)?;
    for (field, keys) in [("required", &required), ("optional", &optional)] {
        if let Some(i) = keys.iter().position(|k| !cognito_challenge_rules::is_identifier(k)) {
            return Err(error(
                format!("{path}.{field}[{i}]"),
                "a key must be an identifier (letters, digits and `_`); use `key_prefixes` for keys with a dot",
            ));
        }
    }
    if let Some(both) = required.iter().find(|k| optional.contains(k)) {
        return Err(error(path, format!("key `{both}` is both required and optional")));
    }
    let answers = strings(entry, "answers", path)?;
    let when_answer = match entry.get("when_answer") {
        None => Vec::new(),
        Some(rules) => object(rules, &format!("{path}.when_answer"))?
            .iter()
            .map(|(answer, rule)| {
                let rule_path = format!("{path}.when_answer.{answer}");
                let rule = object(rule, &rule_path)?;
                if !answers.is_empty() && !answers.contains(answer) {
                    return Err(error(&rule_path, format!("`{answer}` is not among `answers`")));
                }
                Ok(cognito_challenge_rules::AnswerRule {
                    answer: answer.clone(),
                    required: strings(rule, "required", &rule_path)?,
                    forbidden: strings(rule, "forbidden", &rule_path)?,
                })
            })
            .collect::<Result<_, _>>()?,
    };
    let known = |key: &String| required.contains(key) || optional.contains(key);
    for rule in &when_answer {
        if let Some(stray) = rule.required.iter().chain(&rule.forbidden).find(|k| !known(k)) {
            return Err(error(
                format!("{path}.when_answer.{}", rule.answer),
                format!("key `{stray}` is neither required nor optional for `{name}`"),
            ));
        }
    }
    if !when_answer.is_empty() && !known(&"ANSWER".to_owned()) {
        return Err(error(path, "`when_answer` needs an `ANSWER` key"));
    }
    let operations = [(USER_OPERATION, Operation::User), (ADMIN_OPERATION, Operation::Admin)]
        .into_iter()
        .filter_map(|(wire, operation)| operations.iter().any(|o| o == wire).then_some(operation))
        .collect();
    let rules = cognito_challenge_rules::Challenge {
        name: name.to_owned(),
        variant: String::new(),
        operations,
        required,
        optional,
        prefixes: strings(entry, "key_prefixes", path)?,
        answers,
        when_answer,
        constraints: Vec::new(),
    };
    Ok(Challenge { rules, sources: read_sources(entry.get("source"), &format!("{path}.source"))? })
}

/// Checks the schema against the model: the same challenge names as `ChallengeNameType`, key
/// shapes that exist and are strings. Their constraints are taken from the type space, when
/// the schema is resolved.
pub fn cross_check(schema: &ChallengeSchema, model: &Model, schema_file: &Path) -> Result<(), SchemaError> {
    let with_file = |mut e: SchemaError| {
        e.file = Some(schema_file.to_path_buf());
        e
    };
    let values = match model.shape(CHALLENGE_ENUM).map(|s| &s.kind) {
        Some(ShapeKind::String { enum_values }) if !enum_values.is_empty() => enum_values,
        _ => {
            return Err(with_file(error(
                "$",
                format!(
                    "the model has no `{CHALLENGE_ENUM}` enum, so a challenge schema does not apply to it"
                ),
            )))
        }
    };
    let file = schema_file.display();
    for value in values {
        if !schema.challenges.iter().any(|c| &c.rules.name == value) {
            return Err(with_file(error(
                "$.challenges",
                format!(
                    "the model's {CHALLENGE_ENUM} has `{value}`, which has no entry: add `challenges.{value}` to {file} with its required and optional keys and the documentation they come from"
                ),
            )));
        }
    }
    for challenge in &schema.challenges {
        if !values.contains(&challenge.rules.name) {
            return Err(with_file(error(
                format!("$.challenges.{}", challenge.rules.name),
                format!(
                    "`{}` is not a value of the model's {CHALLENGE_ENUM}: remove it from {file} or fix its name",
                    challenge.rules.name
                ),
            )));
        }
    }
    for (key, shape_name) in &schema.key_shapes {
        let path = format!("$.key_shapes.{key}");
        let shape = model
            .shape(shape_name)
            .ok_or_else(|| with_file(error(&path, format!("the model has no shape `{shape_name}`"))))?;
        if !matches!(shape.kind, ShapeKind::String { .. }) {
            return Err(with_file(error(&path, format!("shape `{shape_name}` is not a string"))));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(path: &str) -> String {
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec").join(path)).unwrap()
    }

    #[test]
    fn reads_the_checked_in_schema() {
        let schema = read_schema(&spec("challenges.json")).unwrap();
        assert_eq!(schema.challenges.len(), 16);
        let admin_only: Vec<_> = schema
            .challenges
            .iter()
            .filter(|c| !c.rules.operations.contains(&Operation::User))
            .map(|c| c.rules.name.as_str())
            .collect();
        assert_eq!(admin_only, ["ADMIN_NO_SRP_AUTH"]);
        let select = &schema.challenges.iter().find(|c| c.rules.name == "SELECT_CHALLENGE").unwrap().rules;
        assert_eq!(select.answers, ["PASSWORD", "PASSWORD_SRP", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"]);
        let web = select.when_answer.iter().find(|r| r.answer == "WEB_AUTHN").unwrap();
        assert_eq!(web.required, ["CREDENTIAL"]);
        assert!(schema.challenges.iter().all(|c| !c.sources.is_empty()));
        // Every source is public: the model, or an AWS CLI reference page on the web.
        assert!(schema.challenges.iter().flat_map(|c| &c.sources).all(|s| !matches!(s, Source::Text(_))));
        let npr = &schema.challenges.iter().find(|c| c.rules.name == "NEW_PASSWORD_REQUIRED").unwrap().rules;
        assert_eq!(npr.prefixes, ["userAttributes."]);
    }

    #[test]
    fn sources_are_public_and_say_where_they_come_from() {
        let read =
            |json: &str| read_sources(Some(&serde_json::from_str(json).unwrap()), "challenges.X.source");
        let page = "https://awscli.amazonaws.com/v2/documentation/api/latest/reference/cognito-idp/x.html";
        assert_eq!(
            read(&format!(r#"[{{"from": "aws-cli-reference", "page": "{page}", "quote": "q"}}]"#)).unwrap(),
            [Source::CliReference { page: page.to_owned(), quote: "q".into() }]
        );
        let local = read(r#"{"from": "aws-cli-reference", "page": "../shared/seeds/x.txt", "quote": "q"}"#)
            .unwrap_err();
        assert_eq!(
            (local.path.as_str(), local.message.as_str()),
            ("challenges.X.source.page", "expected a public `https://` address")
        );
        let unknown = read(r#"[{"from": "a blog", "quote": "q"}]"#).unwrap_err();
        assert_eq!(unknown.path, "challenges.X.source[0].from");
        let no_quote = read(r#"{"from": "model", "member": "m"}"#).unwrap_err();
        assert_eq!(no_quote.path, "challenges.X.source.quote");
    }

    #[test]
    fn resolved_rules_take_constraints_from_the_type_space() {
        let model = crate::reader::read_model(&spec("cognito-idp/2016-04-18/service-2.json")).unwrap();
        let schema = read_schema(&spec("challenges.json")).unwrap();
        cross_check(&schema, &model, Path::new("spec/challenges.json")).unwrap();
        // Even with a subset whose operations never reach the key's shape.
        let subset = ["RespondToAuthChallenge".to_owned()];
        let space = crate::typespace::TypeSpace::build(&model, Some(&subset)).unwrap();
        let resolved = resolve(&schema, &model, &space, None, None, &mut Vec::new()).unwrap();
        let rules = resolved.rules();
        let totp = &rules.challenge("SOFTWARE_TOKEN_MFA").unwrap().constraints;
        let code = totp.iter().find(|c| c.key == "SOFTWARE_TOKEN_MFA_CODE").unwrap();
        assert_eq!((code.min, code.max, code.pattern.as_deref()), (Some(6), Some(6), Some("[0-9]+")));
        // The text the output carries reads back as the same rules.
        assert_eq!(rules.to_string().parse::<cognito_challenge_rules::Schema>().unwrap(), rules);
    }

    #[test]
    fn keys_that_are_not_identifiers_are_refused_with_their_path() {
        let dotted = r#"{"challenges":{"A":{"operations":["RespondToAuthChallenge"],"optional":["x.y"]}}}"#;
        assert_eq!(read_schema(dotted).unwrap_err().path, "$.challenges.A.optional[0]");
        let name = r#"{"challenges":{"A-B":{"operations":["RespondToAuthChallenge"]}}}"#;
        assert_eq!(read_schema(name).unwrap_err().path, "$.challenges.A-B");
    }

    #[test]
    fn a_model_with_a_new_challenge_is_rejected_with_the_file_to_edit() {
        let mut json: Value = serde_json::from_str(&spec("cognito-idp/2016-04-18/service-2.json")).unwrap();
        json["shapes"][CHALLENGE_ENUM]["enum"].as_array_mut().unwrap().push("QUANTUM_MFA".into());
        let model = crate::reader::read_model(&json.to_string()).unwrap();
        let schema = read_schema(&spec("challenges.json")).unwrap();
        let err = cross_check(&schema, &model, Path::new("spec/challenges.json")).unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("spec/challenges.json: "), "{message}");
        assert!(
            message.contains("`QUANTUM_MFA`") && message.contains("add `challenges.QUANTUM_MFA`"),
            "{message}"
        );
    }

    #[test]
    fn an_entry_the_enum_lacks_is_rejected() {
        let mut json: Value = serde_json::from_str(&spec("cognito-idp/2016-04-18/service-2.json")).unwrap();
        let values = json["shapes"][CHALLENGE_ENUM]["enum"].as_array_mut().unwrap();
        values.retain(|v| v != "WEB_AUTHN");
        let model = crate::reader::read_model(&json.to_string()).unwrap();
        let schema = read_schema(&spec("challenges.json")).unwrap();
        let err = cross_check(&schema, &model, Path::new("x.json")).unwrap_err();
        assert_eq!(err.path, "$.challenges.WEB_AUTHN");
    }

    #[test]
    fn malformed_entries_name_their_path() {
        let bad_op = r#"{"challenges":{"A":{"operations":["Nope"],"required":[]}}}"#;
        assert_eq!(read_schema(bad_op).unwrap_err().path, "$.challenges.A.operations[0]");
        let bad_rule = r#"{"challenges":{"A":{"operations":["RespondToAuthChallenge"],"required":["ANSWER"],
            "answers":["X"],"when_answer":{"X":{"required":["GHOST"]}}}}}"#;
        let err = read_schema(bad_rule).unwrap_err();
        assert_eq!(err.path, "$.challenges.A.when_answer.X");
        assert!(err.message.contains("`GHOST`"));
        assert_eq!(read_schema("[]").unwrap_err().message, "expected an object");
    }
}

/// The schema resolved against a type space: Rust names of everything the `challenge` module
/// emits. Built after the cross-check; emission reads only this.
#[derive(Debug, Clone)]
pub struct ChallengeSpace {
    pub challenges: Vec<ChallengeDef>,
    /// Rust name of the `ChallengeNameType` enum.
    pub enum_name: String,
    /// Request types with `from_answer`, when their operation is emitted.
    pub user_request: Option<RequestDef>,
    pub admin_request: Option<RequestDef>,
    /// Path from the crate root to the module that includes the generated file; `None` when the
    /// file is the crate root (the macros are then exported at the crate root).
    pub module_path: Option<String>,
    /// Crate name for doc examples that are compiled; `None` leaves them untested.
    pub doc_crate: Option<String>,
    /// What the `srp` module's conversions name; `None` (with a warning) when the model lacks
    /// one of them, and then there is no `srp` module.
    pub srp: Option<SrpDef>,
    /// The operations the `challenge`, `srp` and `flows` modules need, resolved once.
    pub needs: ModuleNeeds,
}

/// Which operations (indices into the type space's) each module needs, for its gate: a module
/// needs, from each of its groups, any one operation. The `*_operations` are the operations its
/// own feature turns on (so groups holding one of them add nothing to the gate).
#[derive(Debug, Clone, Default)]
pub struct ModuleNeeds {
    /// The two answer requests, and the operations that reach the challenge enum.
    pub challenge: Vec<Vec<usize>>,
    pub challenge_operations: Vec<usize>,
    /// Those, and the operations that reach the device verifier type.
    pub srp: Vec<Vec<usize>>,
    pub srp_operations: Vec<usize>,
    /// Those, and the two sign-in operations.
    pub flows: Vec<Vec<usize>>,
    pub flows_operations: Vec<usize>,
    /// Whether the type space has the four operations the flows call (the two sign-ins and the
    /// two answers); without them there are no flows.
    pub flows_possible: bool,
}

impl ModuleNeeds {
    fn resolve(space: &crate::typespace::TypeSpace) -> Self {
        let operation = |name: &str| space.operations.iter().position(|op| op.wire_name == name);
        let reaching = |shape: &str| {
            space.shapes.iter().find(|s| s.included && s.wire_name == shape).map(|s| s.operations.clone())
        };
        let challenge_operations: Vec<usize> =
            [USER_OPERATION, ADMIN_OPERATION].into_iter().filter_map(operation).collect();
        let mut challenge: Vec<Vec<usize>> = challenge_operations.iter().map(|&i| vec![i]).collect();
        challenge.extend(reaching(CHALLENGE_ENUM));
        let mut srp = challenge.clone();
        srp.extend(reaching(SRP_VERIFIER_TYPE));
        let srp_operations =
            [challenge_operations.clone(), operation("ConfirmDevice").into_iter().collect()].concat();
        let sign_in: Vec<usize> =
            ["InitiateAuth", "AdminInitiateAuth"].into_iter().filter_map(operation).collect();
        let devices: Vec<usize> =
            ["ConfirmDevice", "UpdateDeviceStatus"].into_iter().filter_map(operation).collect();
        let mut flows = srp.clone();
        flows.extend(sign_in.iter().chain(&devices).map(|&i| vec![i]));
        let flows_possible = challenge_operations.len() == 2 && sign_in.len() == 2 && devices.len() == 2;
        let mut flows_operations = [srp_operations.clone(), sign_in, devices].concat();
        flows_operations.sort_unstable();
        flows_operations.dedup();
        ModuleNeeds {
            challenge,
            challenge_operations,
            srp,
            srp_operations,
            flows,
            flows_operations,
            flows_possible,
        }
    }
}

/// The generated names SRP results convert into.
#[derive(Debug, Clone)]
pub struct SrpDef {
    /// Variants of the challenge enum for `PASSWORD_VERIFIER` and `DEVICE_PASSWORD_VERIFIER`.
    pub password_verifier_variant: String,
    pub device_password_verifier_variant: String,
    /// `DeviceSecretVerifierConfigType`, built with `new()` and these two setters.
    pub verifier_type: String,
    pub password_verifier_setter: String,
    pub salt_setter: String,
}

#[derive(Debug, Clone)]
pub struct ChallengeDef {
    /// Its rules (name, enum variant, operations, keys, answers, the model's constraints).
    pub rules: cognito_challenge_rules::Challenge,
    /// The typed-answer struct.
    pub struct_name: String,
    pub keys: Vec<KeyDef>,
    /// `(prefix, field name)`: keys `<prefix><name>` gathered in a map field.
    pub prefix_fields: Vec<(String, String)>,
    /// Whether every allowed answer is a challenge name, so `answer` is typed as the enum.
    pub answer_is_challenge_name: bool,
    pub sources: Vec<Source>,
}

impl ChallengeDef {
    pub fn user(&self) -> bool {
        self.rules.operations.contains(&cognito_challenge_rules::Operation::User)
    }
}

impl ChallengeSpace {
    /// The rules of every challenge, as the macro and the command line read them.
    pub fn rules(&self) -> cognito_challenge_rules::Schema {
        cognito_challenge_rules::Schema {
            challenges: self.challenges.iter().map(|c| c.rules.clone()).collect(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct KeyDef {
    pub key: String,
    pub field: String,
    pub required: bool,
}

/// The request type and which of its required members `from_answer` takes as arguments.
#[derive(Debug, Clone)]
pub struct RequestDef {
    pub type_name: String,
    /// Required members in constructor order: `None` is the challenge name, `Some(param)` an
    /// argument of `from_answer`.
    pub constructor: Vec<Option<String>>,
}

/// Resolves the schema; `None` (with a warning) when the emitted shapes lack the challenge enum.
pub fn resolve(
    schema: &ChallengeSchema,
    model: &Model,
    space: &crate::typespace::TypeSpace,
    module_path: Option<String>,
    doc_crate: Option<String>,
    warnings: &mut Vec<String>,
) -> Option<ChallengeSpace> {
    use crate::naming::{to_snake, to_upper_camel};
    use crate::typespace::Kind;

    let enum_def =
        space.shapes.iter().filter(|s| s.included && s.wire_name == CHALLENGE_ENUM).find_map(|s| {
            match &s.kind {
                Kind::Enum(e) => Some(e),
                _ => None,
            }
        });
    let Some(enum_def) = enum_def else {
        warnings.push(format!("no challenge module: the emitted shapes do not include `{CHALLENGE_ENUM}`"));
        return None;
    };
    // The typed answer structs share the module with the answer types and the macro re-export.
    let mut struct_names = crate::naming::Namer::new();
    for own in ["Answer", "ChallengeAnswer", "AdminChallengeAnswer", "AnyOperation", "AdminOnly"] {
        struct_names.reserve(own);
    }
    let mut claim = |namer: &mut crate::naming::Namer, what: String, wanted: String| {
        let got = namer.claim(&wanted);
        if got != wanted {
            warnings.push(format!("{what} is named `{got}`: `{wanted}` is taken"));
        }
        got
    };
    let challenges: Vec<ChallengeDef> = schema
        .challenges
        .iter()
        .map(|Challenge { rules, sources }| {
            let struct_name = claim(
                &mut struct_names,
                format!("the answer struct of `{}`", rules.name),
                to_upper_camel(&rules.name),
            );
            let mut fields = crate::naming::Namer::new();
            let variant = enum_def
                .values
                .iter()
                .find(|v| v.wire == rules.name)
                .map(|v| v.rust_name.clone())
                .unwrap_or_else(|| to_upper_camel(&rules.name));
            let keys = rules
                .required
                .iter()
                .map(|k| (k, true))
                .chain(rules.optional.iter().map(|k| (k, false)))
                .map(|(key, required)| KeyDef {
                    field: claim(
                        &mut fields,
                        format!("the field of `{struct_name}` for `{key}`"),
                        to_snake(key),
                    ),
                    key: key.clone(),
                    required,
                })
                .collect();
            let constraints =
                rules.keys().filter_map(|key| key_constraint(schema, model, space, key)).collect();
            let prefix_fields = rules
                .prefixes
                .iter()
                .map(|p| {
                    let wanted = to_snake(p.trim_end_matches(['.', '_', '-']));
                    (
                        p.clone(),
                        claim(&mut fields, format!("the field of `{struct_name}` for `{p}<name>`"), wanted),
                    )
                })
                .collect();
            let answer_is_challenge_name = !rules.answers.is_empty()
                && rules.answers.iter().all(|a| enum_def.values.iter().any(|v| &v.wire == a));
            ChallengeDef {
                rules: cognito_challenge_rules::Challenge { variant, constraints, ..rules.clone() },
                struct_name,
                keys,
                prefix_fields,
                answer_is_challenge_name,
                sources: sources.clone(),
            }
        })
        .collect();
    let request = |operation: &str, warnings: &mut Vec<String>| -> Option<RequestDef> {
        let op = space.operations.iter().find(|o| o.wire_name == operation)?;
        let shape = space.shape(op.input?);
        let Kind::Struct(def) = &shape.kind else { return None };
        if !def.fields.iter().any(|f| f.wire_name == "ChallengeResponses" && !f.required) {
            warnings.push(format!(
                "no `from_answer` on `{}`: it has no optional ChallengeResponses",
                def.rust_name
            ));
            return None;
        }
        let mut constructor = Vec::new();
        for field in def.fields.iter().filter(|f| f.required) {
            match field.wire_name.as_str() {
                "ChallengeName" => constructor.push(None),
                "ClientId" | "UserPoolId" => constructor.push(Some(field.rust_name.clone())),
                other => {
                    warnings.push(format!(
                        "no `from_answer` on `{}`: unexpected required member `{other}`",
                        def.rust_name
                    ));
                    return None;
                }
            }
        }
        Some(RequestDef { type_name: def.rust_name.clone(), constructor })
    };
    Some(ChallengeSpace {
        challenges,
        enum_name: enum_def.rust_name.clone(),
        user_request: request(USER_OPERATION, warnings),
        admin_request: request(ADMIN_OPERATION, warnings),
        module_path,
        doc_crate,
        srp: resolve_srp(space, enum_def, warnings),
        needs: ModuleNeeds::resolve(space),
    })
}

/// The model's constraints on `key`'s values, when the schema names a shape for it: its length
/// bounds as the type space rounds them for `validate()`, and its pattern (from the model, since
/// the type space keeps patterns only of the shapes the chosen operations reach).
fn key_constraint(
    schema: &ChallengeSchema,
    model: &Model,
    space: &crate::typespace::TypeSpace,
    key: &str,
) -> Option<cognito_challenge_rules::Constraint> {
    let shape_name = schema.key_shapes.get(key)?;
    let shape = space.shapes.iter().find(|s| &s.wire_name == shape_name)?;
    let (min, max) = shape.length_bounds();
    let length = |bound: Option<i64>| bound.map(|b| usize::try_from(b).unwrap_or(0));
    let pattern = model.shape(shape_name).and_then(|s| s.pattern.clone());
    let constraint = cognito_challenge_rules::Constraint {
        key: key.to_owned(),
        min: length(min),
        max: length(max),
        pattern,
    };
    (constraint.min.is_some() || constraint.max.is_some() || constraint.pattern.is_some())
        .then_some(constraint)
}

/// The names the `srp` module converts into, checked so that its code compiles: the two SRP
/// challenges are values of the challenge enum, and the verifier type is built by `new()` with
/// no argument and two string setters.
fn resolve_srp(
    space: &crate::typespace::TypeSpace,
    enum_def: &crate::typespace::EnumDef,
    warnings: &mut Vec<String>,
) -> Option<SrpDef> {
    use crate::typespace::Kind;
    let mut missing = |what: String| {
        warnings.push(format!("no srp module: {what}"));
        None
    };
    let variant = |wire: &str| enum_def.values.iter().find(|v| v.wire == wire).map(|v| v.rust_name.clone());
    let Some(password_verifier_variant) = variant("PASSWORD_VERIFIER") else {
        return missing(format!("`{CHALLENGE_ENUM}` has no value PASSWORD_VERIFIER"));
    };
    let Some(device_password_verifier_variant) = variant("DEVICE_PASSWORD_VERIFIER") else {
        return missing(format!("`{CHALLENGE_ENUM}` has no value DEVICE_PASSWORD_VERIFIER"));
    };
    let shape = space.shapes.iter().find(|s| s.included && s.wire_name == SRP_VERIFIER_TYPE);
    let Some(Kind::Struct(def)) = shape.map(|s| &s.kind) else {
        return missing(format!("the emitted shapes include no structure `{SRP_VERIFIER_TYPE}`"));
    };
    if let Some(required) = def.fields.iter().find(|f| f.required) {
        return missing(format!("`{SRP_VERIFIER_TYPE}` has a required member `{}`", required.wire_name));
    }
    let string_setter = |wire: &str| {
        def.fields
            .iter()
            .find(|f| f.wire_name == wire && matches!(space.shape(f.shape).kind, Kind::String))
            .map(|f| format!("with_{}", f.rust_name.trim_start_matches("r#")))
    };
    let (Some(password_verifier_setter), Some(salt_setter)) =
        (string_setter("PasswordVerifier"), string_setter("Salt"))
    else {
        return missing(format!("`{SRP_VERIFIER_TYPE}` lacks a string `PasswordVerifier` or `Salt`"));
    };
    Some(SrpDef {
        password_verifier_variant,
        device_password_verifier_variant,
        verifier_type: def.rust_name.clone(),
        password_verifier_setter,
        salt_setter,
    })
}
