//! Helpers shared by the integration tests (and `examples/fingerprint.rs`).
// Each test file uses some of these helpers, none all of them.
#![allow(dead_code)]

use std::time::{Duration, Instant};
pub mod describe;

/// The texts of the seed articles (`seeds/*.txt`), in file name order.
pub fn seed_texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut names: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    names
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// The fastest of `runs` runs of `f`: the figure least disturbed by the rest of the machine.
pub fn fastest(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .expect("at least one run")
}
