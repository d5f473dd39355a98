//! Replays the fuzz targets' seed corpus (`generated/fuzz/corpus/<target>/`) through the same
//! target functions `cargo fuzz` runs, so the targets keep compiling and their seeds keep
//! passing in the test command. The fuzzing itself is run by hand (`generated/fuzz/README.md`).

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod targets;

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut seeds = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("corpus entry").path();
        let data = std::fs::read(&path).expect("read seed");
        run(&data);
        seeds += 1;
    }
    assert!(seeds > 0, "no seeds in {}", dir.display());
}

#[test]
fn cli_plan() {
    replay("cli_plan", targets::cli_plan);
}

#[test]
fn cli_values() {
    replay("cli_values", targets::cli_values);
}

#[test]
fn decode_response() {
    replay("decode_response", targets::decode_response);
}

#[test]
fn timestamps_blobs() {
    replay("timestamps_blobs", targets::timestamps_blobs);
}

#[test]
fn srp_challenge() {
    replay("srp_challenge", targets::srp_challenge);
}

#[test]
fn model_reader() {
    replay("model_reader", targets::model_reader);
}
