//! Nothing but tests: `tests/challenge_macros.rs` compiles `tests/ui/pass/*.rs` and
//! `tests/ui/fail/*.rs` against `cognito-idp` with trybuild.
