//! Sorot's explorer: a Leptos client-side app over the engine in `crates/engine`.
//!
//! Pure modules hold the logic and are tested natively: [`bundled`] (the seed corpus), [`url`]
//! (the view state in the address), [`render`] (documents as paragraphs, mentions and hits),
//! [`stepper`] (stepping through an article's mentions), [`facet_lists`] (what the facets list), [`charts`]
//! (what the overview's charts draw), [`world`] (the world map's places), [`export`] (CSV and JSON of a view's numbers)
//! and [`timing`]. [`ui`] holds the components, one per file, which only call them.

pub mod bundled;
pub mod charts;
pub mod corpus_source;
pub mod export;
pub mod facet_lists;
pub mod offline;
pub mod render;
pub mod stepper;
pub mod timing;
pub mod ui;
pub mod url;
pub mod world;

/// The engine's time for each search the explorer made since the last call, in milliseconds,
/// for `bench/search-bench.js`: `wasmBindings.takeSearchTimes()`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = takeSearchTimes)]
pub fn take_search_times() -> Vec<f64> {
    timing::take_search_times()
}

/// In-app links registered now (see [`ui::links`]), for the browser tests: views remade many
/// times must leave none behind. `wasmBindings.liveLinks()`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = liveLinks)]
pub fn live_links() -> usize {
    ui::links::live()
}

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

/// Bytes of the WebAssembly memory, for the search benchmark (`bench/search-bench.js`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().map(|b| b.byte_length() as f64).unwrap_or(0.0))
        .unwrap_or(0.0)
}

/// The search engine alone, for `bench/search-bench.js`: parses a JSON Lines corpus, indexes
/// title and text (no annotation, as the peers do), then runs every query `rounds` times.
/// Returns `[parse ms, index ms, peak memory growth bytes, documents, index heap bytes, then
/// one time in ms per query run]`.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = benchEngine)]
pub fn bench_engine(jsonl: &str, queries: Vec<String>, rounds: u32) -> Vec<f64> {
    use sorot_engine::search::{IndexBuilder, Query, COMPOUNDS_TSV};
    let perf = web_sys::window().and_then(|w| w.performance()).expect("performance.now");
    let mem0 = memory_bytes();
    let t = perf.now();
    let parsed = sorot_engine::corpus::parse_jsonl(jsonl);
    let parse_ms = perf.now() - t;
    let t = perf.now();
    let mut b = IndexBuilder::new(COMPOUNDS_TSV);
    for d in &parsed.documents {
        b.add(d.title.as_deref().unwrap_or(""), &d.text);
    }
    let index = b.finish();
    let index_ms = perf.now() - t;
    let mut out =
        vec![parse_ms, index_ms, memory_bytes() - mem0, parsed.documents.len() as f64, index.heap_bytes() as f64];
    drop(parsed);
    for _ in 0..rounds {
        for q in &queries {
            let t = perf.now();
            std::hint::black_box(index.search(&Query::parse(q)));
            out.push(perf.now() - t);
        }
    }
    out
}
