//! Compile-time checking of Cognito challenge responses.
//!
//! This crate is an implementation detail of `cognito-idp`. Its one macro is generic: it knows
//! nothing about Cognito by itself. The generated bindings define `challenge_responses!` and
//! `admin_challenge_responses!` as `macro_rules!` wrappers that pass the user's tokens together
//! with the challenge schema taken from AWS's model, so bindings regenerated from a newer model
//! bring their own rules.
//!
//! The layout follows `serde_derive` / `thiserror-impl`: `parse` reads the input's token trees,
//! `check` runs the checker the command line also uses (`cognito-challenge-rules`) and turns each
//! problem into an error at the offending token, and `expand` writes the tokens. It needs no
//! `syn`: the user's values are passed through as written, and a program using the macro does not
//! wait for `syn` to build.

mod check;
mod error;
mod expand;
mod parse;

use proc_macro::TokenStream;

/// Builds a checked `ChallengeAnswer` / `AdminChallengeAnswer` from a schema and the user's
/// challenge responses.
///
/// **Not for direct use.** It is called by the `challenge_responses!` and
/// `admin_challenge_responses!` macros that the generator writes into the `cognito-idp` crate;
/// use those. The input is:
///
/// ```text
/// @root { $crate }
/// @operation user            // or admin
/// @schema { SMS_MFA { variant SmsMfa; operations [user admin]; required [USERNAME SMS_MFA_CODE]; ... } ... }
/// @input { SMS_MFA { USERNAME: username, SMS_MFA_CODE: code } }
/// ```
///
/// Every mistake in the user's part (unknown challenge or key, duplicate or missing key, an
/// `ANSWER` or a literal value the model does not allow, malformed syntax) is a compile error at
/// the offending token.
#[doc(hidden)]
#[proc_macro]
pub fn challenge_responses_with_schema(input: TokenStream) -> TokenStream {
    expand(input.into()).into()
}

/// The macro, on `proc_macro2` tokens so it can be unit tested.
fn expand(input: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    let invocation = match parse::invocation(input) {
        Ok(invocation) => invocation,
        Err(error) => return expand::failure(&error, None),
    };
    let schema = &invocation.schema;
    let responses = match parse::responses(invocation.input.clone()) {
        Ok(responses) => responses,
        Err(error) => return expand::failure(&error, Some(expand::Fallback::new(&invocation, None))),
    };
    match check::check(schema, invocation.operation, &responses) {
        Ok(challenge) => expand::success(&invocation, &responses, challenge),
        Err(error) => {
            let challenge = schema.challenge(&responses.challenge.to_string());
            expand::failure(&error, Some(expand::Fallback::new(&invocation, challenge)))
        }
    }
}

#[cfg(test)]
mod tests;
