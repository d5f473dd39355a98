//! The runtime of the bindings `cognito-codegen` generates: what does not depend on the model.
//!
//! - [`support`]: the types generated code is made of (blobs, timestamps, unknown enum values,
//!   redaction, constraint rules, operation descriptors);
//! - [`wire`]: the AWS JSON protocol without I/O: an operation's input becomes an
//!   `http::Request`, a response its output or its error;
//! - [`srp`] (feature `srp`, on by default): the client side of Cognito's SRP sign-in, the
//!   `cognito-srp` crate;
//! - [`challenge_rules`] (feature `challenge`, on by default): the `ChallengeResponses` rules
//!   and the checker that `challenge_responses!` and the command line share, the
//!   `cognito-challenge-rules` crate;
//! - [`client`] (feature `client`): an async client for any operation, which generated
//!   `client` modules wrap with a method per operation;
//! - [`cli`] (feature `cli`): the command-line engine, which generated `cli` modules drive with
//!   their tables of commands and their dispatch function.
//!
//! Generated code names this crate by absolute path (`::cognito_idp_runtime`) and re-exports
//! these modules beside its own (`types`, `errors`, `operations`), so `cognito_idp::wire` and a
//! `build.rs` user's `cognito::wire` are this crate's `wire`.

pub mod support;
pub mod wire;

#[cfg(feature = "client")]
pub mod client;

#[cfg(feature = "cli")]
pub mod cli;

#[cfg(feature = "srp")]
#[doc(inline)]
pub use ::cognito_srp as srp;

#[cfg(feature = "challenge")]
#[doc(inline)]
pub use ::cognito_challenge_rules as challenge_rules;

/// What generated code needs from other crates, so that a crate including it does not have to
/// declare them itself. Not an API: it changes with the generator.
#[doc(hidden)]
pub mod __private {
    #[cfg(feature = "challenge")]
    pub use cognito_idp_macros;
    pub use serde;
    pub use serde_json;
}

#[cfg(all(test, feature = "srp"))]
mod tests {
    /// SRP's secrets print as every sensitive member of the bindings does.
    #[test]
    fn srp_redacts_with_the_bindings_marker() {
        assert_eq!(crate::srp::REDACTED, crate::support::REDACTED);
    }
}
