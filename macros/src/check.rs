//! The schema's rules applied to the user's responses: every mistake becomes a spanned error,
//! and all of them are returned together.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::{Expr, Lit, LitStr};

use crate::parse::{Challenge, Entry, Key, Operation, Responses, Schema};
use crate::suggest;

/// Responses that passed every check.
pub struct Checked<'a> {
    pub challenge: &'a Challenge,
}

/// The key whose literal values are checked against `answers` and `when` rules.
const ANSWER: &str = "ANSWER";

/// Applies every rule; on failure, all errors combined into one.
pub fn check<'a>(
    schema: &'a Schema,
    operation: Operation,
    responses: &Responses,
) -> syn::Result<Checked<'a>> {
    let mut errors = Errors::default();
    let name = responses.challenge.to_string();
    let name_span = responses.challenge.span();

    let Some(challenge) = schema.challenge(&name) else {
        errors.push(name_span, unknown_challenge(schema, operation, &name));
        return Err(errors.finish().unwrap_or_else(|| syn::Error::new(name_span, "unknown challenge")));
    };

    if !challenge.operations.contains(&operation) {
        errors.push(name_span, wrong_operation(challenge, operation));
    }

    // Keys: known, not repeated.
    let mut given: HashMap<String, Span> = HashMap::new();
    for entry in &responses.entries {
        let key = entry.key.name();
        if !is_known_key(challenge, &entry.key, &key) {
            errors.push(entry.key.span(), unknown_key(challenge, &entry.key, &key));
            continue;
        }
        if let Some(&first) = given.get(&key) {
            let mut error = syn::Error::new(entry.key.span(), format!("duplicate key `{key}`"));
            error.combine(syn::Error::new(first, format!("`{key}` first given here")));
            errors.list.push(error);
            continue;
        }
        given.insert(key, entry.key.span());
    }

    for key in &challenge.required {
        if !given.contains_key(key) {
            errors.push(name_span, format!("challenge `{name}` is missing required key `{key}`"));
        }
    }

    // ANSWER's literal value and the rules that depend on it.
    if let Some(entry) =
        responses.entries.iter().find(|e| e.key.name() == ANSWER && given.contains_key(ANSWER))
    {
        if let Some(answer) = string_literal(&entry.value) {
            check_answer(challenge, responses, &given, answer, &mut errors);
        }
    }

    // Literal values against the model's constraints.
    for entry in &responses.entries {
        check_constraints(challenge, entry, &mut errors);
    }

    match errors.finish() {
        Some(error) => Err(error),
        None => Ok(Checked { challenge }),
    }
}

#[derive(Default)]
struct Errors {
    list: Vec<syn::Error>,
}

impl Errors {
    fn push(&mut self, span: Span, message: impl std::fmt::Display) {
        self.list.push(syn::Error::new(span, message));
    }

    fn finish(self) -> Option<syn::Error> {
        let mut list = self.list.into_iter();
        let mut first = list.next()?;
        for error in list {
            first.combine(error);
        }
        Some(first)
    }
}

/// `` `A`, `B`, `C` ``
fn quoted_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().map(|item| format!("`{item}`")).collect::<Vec<_>>().join(", ")
}

fn unknown_challenge(schema: &Schema, operation: Operation, name: &str) -> String {
    let all: Vec<&str> = schema.challenges.iter().map(|c| c.name.as_str()).collect();
    if let Some(close) = suggest::closest(name, &all) {
        return format!("unknown challenge `{name}`; did you mean `{close}`?");
    }
    let accepted: Vec<&str> = schema
        .challenges
        .iter()
        .filter(|c| c.operations.contains(&operation))
        .map(|c| c.name.as_str())
        .collect();
    if accepted.is_empty() {
        format!("unknown challenge `{name}`")
    } else {
        format!("unknown challenge `{name}`; expected one of {}", quoted_list(accepted))
    }
}

fn wrong_operation(challenge: &Challenge, operation: Operation) -> String {
    let name = &challenge.name;
    match challenge.operations.iter().find(|&&other| other != operation) {
        Some(other) => format!(
            "challenge `{name}` is answered only with {}: use `{}`",
            other.aws_name(),
            other.macro_name()
        ),
        None => format!("challenge `{name}` cannot be answered with {}", operation.aws_name()),
    }
}

fn is_known_key(challenge: &Challenge, key: &Key, name: &str) -> bool {
    if challenge.keys().any(|k| k == name) {
        return true;
    }
    matches!(key, Key::Str(_))
        && challenge
            .prefixes
            .iter()
            .any(|prefix| name.len() > prefix.len() && name.starts_with(prefix.as_str()))
}

fn unknown_key(challenge: &Challenge, key: &Key, name: &str) -> String {
    let challenge_name = &challenge.name;
    let keys: Vec<&str> = challenge.keys().collect();
    if let Key::Str(_) = key {
        if let Some(prefix) = challenge.prefixes.iter().find(|p| *p == name) {
            return format!("key `{name}` needs a name after the prefix `{prefix}`");
        }
    }
    if let Some(close) = suggest::closest(name, &keys) {
        return format!("unknown key `{name}` for challenge `{challenge_name}`; did you mean `{close}`?");
    }
    let prefixes = if challenge.prefixes.is_empty() {
        String::new()
    } else {
        format!(
            ", or a string key starting with {}",
            challenge.prefixes.iter().map(|p| format!("`\"{p}\"`")).collect::<Vec<_>>().join(" or ")
        )
    };
    if keys.is_empty() {
        format!("unknown key `{name}`: challenge `{challenge_name}` takes no keys{prefixes}")
    } else {
        format!(
            "unknown key `{name}` for challenge `{challenge_name}`; expected one of {}{prefixes}",
            quoted_list(keys)
        )
    }
}

/// The value if it is a plain string literal (possibly in an invisible group from `macro_rules!`).
fn string_literal(expr: &Expr) -> Option<&LitStr> {
    match expr {
        Expr::Lit(lit) if lit.attrs.is_empty() => match &lit.lit {
            Lit::Str(s) => Some(s),
            _ => None,
        },
        Expr::Group(group) if group.attrs.is_empty() => string_literal(&group.expr),
        _ => None,
    }
}

fn check_answer(
    challenge: &Challenge,
    responses: &Responses,
    given: &HashMap<String, Span>,
    answer: &LitStr,
    errors: &mut Errors,
) {
    let value = answer.value();
    let name = &challenge.name;
    if !challenge.answers.is_empty() && !challenge.answers.contains(&value) {
        let answers: Vec<&str> = challenge.answers.iter().map(String::as_str).collect();
        let message = match suggest::closest(&value, &answers) {
            Some(close) => {
                format!("`{value}` is not an allowed ANSWER for `{name}`; did you mean `{close}`?")
            }
            None => format!(
                "`{value}` is not an allowed ANSWER for `{name}`; expected one of {}",
                quoted_list(answers)
            ),
        };
        errors.push(answer.span(), message);
        return;
    }
    for when in challenge.whens.iter().filter(|w| w.answer == value) {
        for key in &when.required {
            if !given.contains_key(key) {
                errors.push(answer.span(), format!("ANSWER `{value}` requires key `{key}`"));
            }
        }
        for key in &when.forbidden {
            for entry in responses.entries.iter().filter(|e| e.key.name() == *key) {
                errors.push(entry.key.span(), format!("key `{key}` is not allowed with ANSWER `{value}`"));
            }
        }
    }
}

fn check_constraints(challenge: &Challenge, entry: &Entry, errors: &mut Errors) {
    let Some(lit) = string_literal(&entry.value) else { return };
    let key = entry.key.name();
    let value = lit.value();
    let length = value.chars().count();
    for constraint in challenge.constraints.iter().filter(|c| c.key == key) {
        let length_error = match (constraint.min, constraint.max) {
            (Some(min), Some(max)) if min == max && length != min => {
                Some(format!("must be {min} character{} long", plural(min)))
            }
            (Some(min), _) if length < min => {
                Some(format!("must be at least {min} character{} long", plural(min)))
            }
            (_, Some(max)) if length > max => {
                Some(format!("must be at most {max} character{} long", plural(max)))
            }
            _ => None,
        };
        let too_short_to_match = length_error.is_some() && value.is_empty();
        if let Some(rule) = length_error {
            errors.push(lit.span(), format!("`{key}` {rule} (the model's constraint), found {length}"));
        }
        // An empty value that is already too short says nothing more by failing the pattern.
        if too_short_to_match {
            continue;
        }
        if let Some(pattern) = &constraint.pattern {
            // A pattern the regex crate does not understand is not checked.
            if let Ok(regex) = regex::Regex::new(&format!(r"\A(?:{pattern})\z")) {
                if !regex.is_match(&value) {
                    errors.push(lit.span(), format!("`{key}` must match the model's pattern `{pattern}`"));
                }
            }
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
