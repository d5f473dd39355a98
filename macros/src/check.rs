//! The user's responses through the shared checker (`cognito-challenge-rules`), each problem
//! turned into an error at the offending token, all of them returned together.

use cognito_challenge_rules::{Audience, Challenge, Given, Operation, Problem, Schema, Subject};

use crate::error::{combined, Error};
use crate::parse::Responses;

/// Applies every rule; on failure, all errors combined into one.
pub fn check<'a>(
    schema: &'a Schema,
    operation: Operation,
    responses: &Responses,
) -> Result<&'a Challenge, Error> {
    let keys: Vec<String> = responses.entries.iter().map(|entry| entry.key.name()).collect();
    let values: Vec<Option<&str>> =
        responses.entries.iter().map(|entry| entry.value.literal.as_ref().map(|(_, v)| v.as_str())).collect();
    let given: Vec<Given<'_>> =
        keys.iter().zip(&values).map(|(key, value)| Given { key, value: *value }).collect();
    let name = responses.challenge.to_string();
    let problems = match cognito_challenge_rules::check(schema, operation, &name, &given) {
        Ok(challenge) => return Ok(challenge),
        Err(problems) => problems,
    };
    let errors = problems.iter().map(|problem| {
        let mut error = Error::new(span_of(responses, problem.subject()), problem.message(Audience::Macro));
        if let Problem::DuplicateKey { first, key, .. } = problem {
            error.combine(Error::new(
                responses.entries[*first].key.span(),
                format!("`{key}` first given here"),
            ));
        }
        error
    });
    Err(combined(errors)
        .unwrap_or_else(|| Error::new(proc_macro2::Span::call_site(), "invalid challenge responses")))
}

fn span_of(responses: &Responses, subject: Subject) -> proc_macro2::Span {
    match subject {
        Subject::ChallengeName => responses.challenge.span(),
        Subject::Key(index) => responses.entries[index].key.span(),
        Subject::Value(index) => {
            let value = &responses.entries[index].value;
            value.literal.as_ref().map_or(value.span, |(span, _)| *span)
        }
    }
}
