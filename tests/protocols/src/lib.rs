//! AWS's protocol compliance tests for AWS JSON 1.1, as botocore carries them (`data/`), run
//! against bindings generated for each suite: see `tests/protocol.rs`.
