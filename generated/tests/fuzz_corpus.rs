//! Replays the fuzz targets' seed corpus (`generated/fuzz/corpus/<target>/`) through the same
//! target functions `cargo fuzz` runs, so the targets keep compiling and their seeds keep
//! passing in the test command. The fuzzing itself is run by hand (`generated/fuzz/README.md`).

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod targets;

use std::path::Path;

/// A fuzz target's body.
type Target = fn(&[u8]);

fn replay(target: &str, run: Target) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut seeds = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("corpus entry").path();
        let data = std::fs::read(&path).expect("read seed");
        // Shown with the test's output if the seed fails.
        eprintln!("{}", path.display());
        run(&data);
        seeds += 1;
    }
    assert!(seeds > 0, "no seeds in {}", dir.display());
}

#[test]
fn every_target_passes_its_seed_corpus() {
    let targets: [(&str, Target); 6] = [
        ("cli_plan", targets::cli_plan),
        ("cli_values", targets::cli_values),
        ("decode_response", targets::decode_response),
        ("timestamps_blobs", targets::timestamps_blobs),
        ("srp_challenge", targets::srp_challenge),
        ("model_reader", targets::model_reader),
    ];
    for (target, run) in targets {
        replay(target, run);
    }
}
