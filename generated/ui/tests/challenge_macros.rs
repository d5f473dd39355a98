//! `challenge_responses!` and `admin_challenge_responses!` as a user sees them: every challenge
//! compiles and builds the right map (`ui/pass`), and every kind of mistake is a compile error
//! at the offending token (`ui/fail`, with the exact compiler output in the `.stderr` files).
//!
//! Regenerate the `.stderr` files after a deliberate change of a message with
//! `TRYBUILD=overwrite cargo test -p cognito-idp-ui --test challenge_macros`, then read them.

#[test]
fn challenge_macros() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
}
