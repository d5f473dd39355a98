//! The runtime of the bindings `cognito-codegen` generates: what does not depend on the model.
//!
//! - [`support`]: the types generated code is made of (blobs, timestamps, unknown enum values,
//!   redaction, constraint rules, operation descriptors);
//! - [`wire`]: the AWS JSON protocol without I/O: an operation's input becomes an
//!   `http::Request`, a response its output or its error.
//!
//! Generated code names this crate by absolute path (`::cognito_idp_runtime`) and re-exports
//! these modules beside its own (`types`, `errors`, `operations`), so `cognito_idp::wire` and a
//! `build.rs` user's `cognito::wire` are this crate's `wire`.

pub mod support;
pub mod wire;

/// What generated code needs from other crates, so that a crate including it does not have to
/// declare them itself. Not an API: it changes with the generator.
#[doc(hidden)]
pub mod __private {
    pub use serde;
    pub use serde_json;
}
