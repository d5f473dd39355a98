//! The rules of Amazon Cognito's `ChallengeResponses`: which keys each challenge takes, which
//! `ANSWER` values it allows and what they require, and the model's constraints on key values.
//!
//! AWS's model describes those keys only in prose, so `cognito-codegen` reads them from a
//! challenge schema (`spec/challenges.json`), checks it against the model and writes it into the
//! generated bindings in the text form of this crate ([`Schema`]'s `Display` and `FromStr`).
//! Three places then apply the same rules with the same [`check`]:
//!
//! - the `challenge_responses!` and `admin_challenge_responses!` proc-macro, at compile time,
//!   pointing each [`Problem`] at the offending token;
//! - the generated `cognito-idp` command line, before anything is sent;
//! - the generator, which refuses a schema the checker would read differently.
//!
//! Messages never repeat a value they were given: a key that is not a name of the schema is
//! named by its position, a refused challenge name or `ANSWER` by the option or token it came
//! from. Names of the schema (challenges, keys, allowed answers) are shown.

mod check;
mod schema;
pub mod suggest;
mod text;

pub use check::{check, Audience, Given, LengthRule, Problem, Subject};
pub use schema::{AnswerRule, Challenge, Constraint, Operation, Schema};
pub use text::{is_identifier, SchemaTextError};
