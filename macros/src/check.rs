//! The user's responses through the shared checker (`cognito-challenge-rules`), each problem
//! turned into an error at the offending token, all of them returned together.

use cognito_challenge_rules::{Audience, Challenge, Given, Operation, Problem, Schema, Subject};
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Expr, Lit, LitStr};

use crate::parse::Responses;

/// Applies every rule; on failure, all errors combined into one.
pub fn check<'a>(
    schema: &'a Schema,
    operation: Operation,
    responses: &Responses,
) -> syn::Result<&'a Challenge> {
    let keys: Vec<String> = responses.entries.iter().map(|entry| entry.key.name()).collect();
    let values: Vec<Option<String>> =
        responses.entries.iter().map(|entry| string_literal(&entry.value).map(LitStr::value)).collect();
    let given: Vec<Given<'_>> =
        keys.iter().zip(&values).map(|(key, value)| Given { key, value: value.as_deref() }).collect();
    let name = responses.challenge.to_string();
    let problems = match cognito_challenge_rules::check(schema, operation, &name, &given) {
        Ok(challenge) => return Ok(challenge),
        Err(problems) => problems,
    };
    let mut errors = problems.iter().map(|problem| {
        let mut error =
            syn::Error::new(span_of(responses, problem.subject()), problem.message(Audience::Macro));
        if let Problem::DuplicateKey { first, key, .. } = problem {
            error.combine(syn::Error::new(
                responses.entries[*first].key.span(),
                format!("`{key}` first given here"),
            ));
        }
        error
    });
    let mut combined =
        errors.next().unwrap_or_else(|| syn::Error::new(Span::call_site(), "invalid challenge responses"));
    for error in errors {
        combined.combine(error);
    }
    Err(combined)
}

fn span_of(responses: &Responses, subject: Subject) -> Span {
    match subject {
        Subject::ChallengeName => responses.challenge.span(),
        Subject::Key(index) => responses.entries[index].key.span(),
        Subject::Value(index) => {
            let value = &responses.entries[index].value;
            string_literal(value).map_or_else(|| value.span(), LitStr::span)
        }
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
