//! botocore's paginators (`paginators-1.json` beside a model): read, checked against the model,
//! and resolved into the members each paginated operation pages with.
//!
//! A paginator names the input member that carries the token (`input_token`), the output member
//! that gives the next one (`output_token`), the input member that sets the page size
//! (`limit_key`, optional) and the output list(s) whose items add up across pages
//! (`result_key`). A paginator that names a member the model lacks, or an operation it lacks,
//! stops generation with the JSON path of the name; forms the command line and the client
//! cannot serve (several tokens, JMESPath expressions, `more_results`) are reported as warnings
//! and that operation is left unpaginated.

use std::fmt;
use std::path::PathBuf;

use serde_json::Value;

use crate::model::Model;
use crate::typespace::{FieldDef, Kind, ShapeId, TypeSpace};

/// A paginator that does not fit its model.
#[derive(Debug)]
pub struct PaginatorError {
    pub file: Option<PathBuf>,
    /// The JSON path of what is wrong (`pagination.ListUsers.result_key`).
    pub path: String,
    pub message: String,
}

impl fmt::Display for PaginatorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}: ", file.display())?;
        }
        write!(f, "paginators at `{}`: {}", self.path, self.message)
    }
}

impl std::error::Error for PaginatorError {}

fn error(path: impl Into<String>, message: impl Into<String>) -> PaginatorError {
    PaginatorError { file: None, path: path.into(), message: message.into() }
}

/// One operation's paginator, resolved against the type space.
#[derive(Debug, Clone)]
pub struct Paginator {
    /// Index into [`TypeSpace::operations`].
    pub operation: usize,
    /// The input member the token goes in.
    pub input_token: FieldDef,
    /// The output member the next token comes in.
    pub output_token: FieldDef,
    /// The input member that sets the page size.
    pub limit_key: Option<FieldDef>,
    /// The output lists whose items add up across pages; the first is the primary one.
    pub result_keys: Vec<FieldDef>,
    /// Output members kept from the first page when pages are merged.
    pub non_aggregate_keys: Vec<FieldDef>,
}

/// The paginators of the operations in `space`, from the text of `paginators-1.json`.
/// Paginators of operations the model has but the type space leaves out (an operation subset)
/// are skipped; forms that cannot be served are skipped with a warning.
pub fn resolve(
    text: &str,
    model: &Model,
    space: &TypeSpace,
    warnings: &mut Vec<String>,
) -> Result<Vec<Paginator>, PaginatorError> {
    let root: Value = serde_json::from_str(text).map_err(|e| error("$", format!("not valid JSON: {e}")))?;
    let pagination = root
        .get("pagination")
        .and_then(Value::as_object)
        .ok_or_else(|| error("$", "expected an object with a `pagination` object"))?;
    let mut paginators = Vec::new();
    for (name, config) in pagination {
        let path = format!("pagination.{name}");
        let config = config.as_object().ok_or_else(|| error(&path, "expected an object"))?;
        let Some(operation) = space.operations.iter().position(|op| op.wire_name == *name) else {
            if model.operations.iter().any(|op| op.name == *name) {
                continue;
            }
            return Err(error(&path, format!("the model has no operation `{name}`")));
        };
        let op = &space.operations[operation];
        let unsupported = |what: &str| format!("operation `{name}` is not paginated: its paginator {what}");
        let pages_method = format!("{}_pages", op.method_name.trim_start_matches("r#"));
        if space.operations.iter().any(|other| other.method_name.trim_start_matches("r#") == pages_method) {
            warnings.push(unsupported(&format!(
                "would add the client method `{pages_method}`, which another operation has"
            )));
            continue;
        }
        if let Some(key) = ["more_results"].iter().find(|key| config.contains_key(**key)) {
            warnings.push(unsupported(&format!("uses `{key}`, which is not supported")));
            continue;
        }
        let single = |key: &str| -> Result<Option<String>, PaginatorError> {
            match config.get(key) {
                None => Ok(None),
                Some(Value::String(member)) => Ok(Some(member.clone())),
                Some(Value::Array(items)) if items.len() == 1 && items[0].is_string() => {
                    Ok(items[0].as_str().map(str::to_owned))
                }
                Some(Value::Array(_)) => {
                    Err(error(format!("{path}.{key}"), "several tokens are not supported"))
                }
                Some(_) => Err(error(format!("{path}.{key}"), "expected a member name")),
            }
        };
        let (input_token, output_token) = match (single("input_token"), single("output_token")) {
            (Ok(Some(input)), Ok(Some(output))) => (input, output),
            (Err(e), _) | (_, Err(e)) if e.message.starts_with("several") => {
                warnings.push(unsupported(&format!("at `{}` has several tokens", e.path)));
                continue;
            }
            (Err(e), _) | (_, Err(e)) => return Err(e),
            _ => return Err(error(&path, "needs `input_token` and `output_token`")),
        };
        if !is_plain_name(&output_token) {
            warnings.push(unsupported(&format!(
                "takes its output token from an expression (`{path}.output_token`)"
            )));
            continue;
        }
        let input_fields = fields(space, op.input);
        let output_fields = fields(space, op.output);
        let member =
            |fields: &[FieldDef], key: &str, wanted: &str, side: &str| -> Result<FieldDef, PaginatorError> {
                fields.iter().find(|f| f.wire_name == wanted).cloned().ok_or_else(|| {
                    error(format!("{path}.{key}"), format!("the {side} of `{name}` has no member `{wanted}`"))
                })
            };
        let input_token = member(&input_fields, "input_token", &input_token, "input")?;
        let output_token = member(&output_fields, "output_token", &output_token, "output")?;
        for (key, field) in [("input_token", &input_token), ("output_token", &output_token)] {
            if !matches!(space.shape(field.shape).kind, Kind::String) {
                return Err(error(format!("{path}.{key}"), format!("`{}` is not a string", field.wire_name)));
            }
        }
        let limit_key = match single("limit_key")? {
            None => None,
            Some(key) => {
                let field = member(&input_fields, "limit_key", &key, "input")?;
                if !matches!(space.shape(field.shape).kind, Kind::Integer | Kind::Long) {
                    return Err(error(format!("{path}.limit_key"), format!("`{key}` is not an integer")));
                }
                Some(field)
            }
        };
        let names = |key: &str| -> Result<Vec<String>, PaginatorError> {
            match config.get(key) {
                None => Ok(Vec::new()),
                Some(Value::String(one)) => Ok(vec![one.clone()]),
                Some(Value::Array(items)) => items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        v.as_str()
                            .map(str::to_owned)
                            .ok_or_else(|| error(format!("{path}.{key}[{i}]"), "expected a member name"))
                    })
                    .collect(),
                Some(_) => Err(error(format!("{path}.{key}"), "expected a member name or a list of them")),
            }
        };
        let result_names = names("result_key")?;
        let aggregate_names = names("non_aggregate_keys")?;
        if let Some(expression) = result_names.iter().chain(&aggregate_names).find(|n| !is_plain_name(n)) {
            warnings.push(unsupported(&format!("names `{expression}`, an expression rather than a member")));
            continue;
        }
        if result_names.is_empty() {
            return Err(error(&path, "needs a `result_key`"));
        }
        let mut result_keys = Vec::new();
        for (i, wanted) in result_names.iter().enumerate() {
            let field = member(&output_fields, &format!("result_key[{i}]"), wanted, "output")?;
            if !matches!(space.shape(field.shape).kind, Kind::List(_)) {
                return Err(error(format!("{path}.result_key"), format!("`{wanted}` is not a list")));
            }
            result_keys.push(field);
        }
        let non_aggregate_keys = aggregate_names
            .iter()
            .enumerate()
            .map(|(i, wanted)| member(&output_fields, &format!("non_aggregate_keys[{i}]"), wanted, "output"))
            .collect::<Result<_, _>>()?;
        paginators.push(Paginator {
            operation,
            input_token,
            output_token,
            limit_key,
            result_keys,
            non_aggregate_keys,
        });
    }
    paginators.sort_by_key(|p| p.operation);
    Ok(paginators)
}

/// A member name, not a JMESPath expression (`Foo.Bar`, `Foo || Bar`, `Items[-1]`).
fn is_plain_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn fields(space: &TypeSpace, shape: Option<ShapeId>) -> Vec<FieldDef> {
    match shape.map(|id| &space.shape(id).kind) {
        Some(Kind::Struct(def)) => def.fields.clone(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODEL: &str = include_str!("../../spec/cognito-idp/2016-04-18/service-2.json");

    fn resolved(
        paginators: &str,
        operations: Option<&[String]>,
    ) -> (Result<Vec<Paginator>, PaginatorError>, Vec<String>) {
        let model = crate::reader::read_model(MODEL).expect("the model");
        let space = TypeSpace::build(&model, operations).expect("the type space");
        let mut warnings = Vec::new();
        let result = resolve(paginators, &model, &space, &mut warnings);
        (result, warnings)
    }

    #[test]
    fn botocores_paginators_resolve_against_the_model() {
        let text = include_str!("../../spec/cognito-idp/2016-04-18/paginators-1.json");
        let (paginators, warnings) = resolved(text, None);
        let paginators = paginators.expect("resolved");
        assert_eq!(paginators.len(), 9);
        assert!(warnings.is_empty(), "{warnings:?}");
        let model = crate::reader::read_model(MODEL).unwrap();
        let space = TypeSpace::build(&model, None).unwrap();
        let users =
            paginators.iter().find(|p| space.operations[p.operation].wire_name == "ListUsers").unwrap();
        assert_eq!(users.input_token.wire_name, "PaginationToken");
        assert_eq!(users.limit_key.as_ref().map(|f| f.wire_name.as_str()), Some("Limit"));
        assert_eq!(users.result_keys[0].wire_name, "Users");
        // With a subset of operations, the others' paginators are skipped.
        let (subset, _) = resolved(text, Some(&["ListGroups".to_owned()]));
        assert_eq!(subset.unwrap().len(), 1);
    }

    #[test]
    fn a_name_the_model_lacks_stops_generation_with_its_json_path() {
        let paginator = |body: &str| format!(r#"{{"pagination": {{"ListUsers": {body}}}}}"#);
        for (body, path, words) in [
            (
                r#"{"input_token": "Token", "output_token": "PaginationToken", "result_key": "Users"}"#,
                "pagination.ListUsers.input_token",
                "no member `Token`",
            ),
            (
                r#"{"input_token": "PaginationToken", "output_token": "PaginationToken", "result_key": "Usrs"}"#,
                "pagination.ListUsers.result_key[0]",
                "no member `Usrs`",
            ),
            (
                r#"{"input_token": "PaginationToken", "output_token": "PaginationToken", "limit_key": "Filter", "result_key": "Users"}"#,
                "pagination.ListUsers.limit_key",
                "not an integer",
            ),
            (
                r#"{"input_token": "PaginationToken", "output_token": "PaginationToken", "result_key": "PaginationToken"}"#,
                "pagination.ListUsers.result_key",
                "not a list",
            ),
            (
                r#"{"input_token": "PaginationToken", "result_key": "Users"}"#,
                "pagination.ListUsers",
                "needs `input_token` and `output_token`",
            ),
        ] {
            let error = resolved(&paginator(body), None).0.expect_err(body);
            assert_eq!(error.path, path, "{body}");
            assert!(error.message.contains(words), "{body}: {error}");
        }
        let error = resolved(r#"{"pagination": {"ListUserz": {}}}"#, None).0.expect_err("unknown operation");
        assert_eq!(
            (error.path.as_str(), error.message.as_str()),
            ("pagination.ListUserz", "the model has no operation `ListUserz`")
        );
        assert!(resolved("[", None).0.expect_err("not JSON").path == "$");
    }

    #[test]
    fn forms_that_cannot_be_served_are_warned_about_and_left_unpaginated() {
        for body in [
            r#"{"input_token": ["PaginationToken", "X"], "output_token": ["PaginationToken", "Y"], "result_key": "Users"}"#,
            r#"{"input_token": "PaginationToken", "output_token": "Page.Token", "result_key": "Users"}"#,
            r#"{"input_token": "PaginationToken", "output_token": "PaginationToken", "result_key": "Users[].Username"}"#,
            r#"{"input_token": "PaginationToken", "output_token": "PaginationToken", "more_results": "Truncated", "result_key": "Users"}"#,
        ] {
            let (paginators, warnings) =
                resolved(&format!(r#"{{"pagination": {{"ListUsers": {body}}}}}"#), None);
            assert!(paginators.expect(body).is_empty(), "{body}");
            assert!(
                warnings.len() == 1 && warnings[0].starts_with("operation `ListUsers` is not paginated"),
                "{warnings:?}"
            );
        }
    }
}
