//! Generation time and peak heap memory, for the cognito-idp model and the largest JSON model
//! (sagemaker), each against a baseline measured in the same run: parsing the same model text
//! into a `serde_json::Value` (the least any generator must do).
//!
//! `cargo bench -p cognito-codegen --bench generate`. Models other than the checked-in one come
//! from `scripts/fetch-botocore` (into `target/botocore/`); missing ones are skipped with a note.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::time::{Duration, Instant};

/// Counts live and peak heap bytes while `COUNTING` is on. Timed runs leave it off: two threads
/// updating the same counters on every allocation slow each other down.
struct PeakAlloc;

static COUNTING: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for PeakAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() && COUNTING.load(Ordering::Relaxed) {
            let size = layout.size() as isize;
            let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        if COUNTING.load(Ordering::Relaxed) {
            LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        }
    }
}

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

/// Median wall time of `runs` calls and the peak heap growth of one call (memory allocated
/// before the call and freed in it counts as negative growth).
fn measure(runs: usize, mut f: impl FnMut()) -> (Duration, usize) {
    LIVE.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    f();
    COUNTING.store(false, Ordering::Relaxed);
    let peak = PEAK.load(Ordering::Relaxed).max(0) as usize;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[runs / 2], peak)
}

fn bench_model(name: &str, path: &Path, runs: usize) {
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("{name:<12} skipped: {} not found (run scripts/fetch-botocore)", path.display());
        return;
    };
    let (baseline, baseline_peak) = measure(runs, || {
        let value: serde_json::Value = serde_json::from_str(&text).expect("model is JSON");
        std::hint::black_box(value);
    });
    let mut bytes = 0;
    let (generate, peak) = measure(runs, || {
        let generated = cognito_codegen::generate_source(&text, None).expect("model generates");
        bytes = generated.source.len();
        std::hint::black_box(generated);
    });
    println!(
        "{name:<12} generate {:>8.1} ms  peak {:>6.1} MiB  output {:>5.2} MB | baseline serde_json::Value parse {:>6.1} ms  peak {:>5.1} MiB | ratio time {:>5.1}x  memory {:>4.1}x",
        generate.as_secs_f64() * 1e3,
        peak as f64 / (1 << 20) as f64,
        bytes as f64 / 1e6,
        baseline.as_secs_f64() * 1e3,
        baseline_peak as f64 / (1 << 20) as f64,
        generate.as_secs_f64() / baseline.as_secs_f64(),
        peak as f64 / baseline_peak as f64,
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a plain `cargo test --benches` passes nothing and only
    // smoke-tests that the models generate.
    let runs = if std::env::args().any(|a| a == "--bench") { 15 } else { 1 };
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    bench_model("cognito-idp", &workspace.join("spec/cognito-idp/2016-04-18/service-2.json"), runs);
    bench_model(
        "sagemaker",
        &workspace.join("target/botocore/data/sagemaker/2017-07-24/service-2.json"),
        runs.min(5),
    );
}
