//! `codegen/src/runtime/srp.rs` compiled as it is embedded in the generated bindings, beside the
//! same stand-ins of the generated modules its unit tests use.

#[path = "../../../codegen/src/runtime/harness.rs"]
mod harness;

pub use harness::{challenge, srp, types};
