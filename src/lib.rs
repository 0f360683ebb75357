//! Sorot's explorer: a Leptos client-side app over the engine in `crates/engine`.
//!
//! Pure modules ([`bundled`], [`url`], [`render`]) hold the logic and are tested natively;
//! [`ui`] holds the components, one per file, which only call them.

pub mod bundled;
pub mod render;
pub mod ui;
pub mod url;

/// Timings for the browser benchmark (`bench/browser-annotate.js`), called from JavaScript as
/// `wasmBindings.benchAnnotateSeeds(runs)`: milliseconds per run to find every mention in the
/// five seed articles.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = benchAnnotateSeeds)]
pub fn bench_annotate_seeds(runs: u32) -> Vec<f64> {
    let perf = web_sys::window().and_then(|w| w.performance()).expect("performance.now");
    let docs = bundled::documents();
    let m = sorot_engine::matcher::Matcher::bundled();
    (0..runs)
        .map(|_| {
            let t = perf.now();
            for d in &docs {
                std::hint::black_box(m.find(&d.text));
            }
            perf.now() - t
        })
        .collect()
}

/// Timings for the browser benchmark, called as `wasmBindings.benchCompileGazetteer(runs)`:
/// milliseconds per run to parse and compile the bundled gazetteer.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = benchCompileGazetteer)]
pub fn bench_compile_gazetteer(runs: u32) -> Vec<f64> {
    let perf = web_sys::window().and_then(|w| w.performance()).expect("performance.now");
    (0..runs)
        .map(|_| {
            let t = perf.now();
            std::hint::black_box(sorot_engine::matcher::Matcher::compile_bundled());
            perf.now() - t
        })
        .collect()
}
