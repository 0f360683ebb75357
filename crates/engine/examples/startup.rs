//! Native figures to compare with `bench/browser-annotate.js`: compiling the bundled gazetteer
//! and annotating the five seed articles, medians of repeated runs.
//!   cargo run --release -p sorot-engine --example startup
use std::time::Instant;

use sorot_engine::matcher::Matcher;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let compile: Vec<f64> = (0..20)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(Matcher::compile_bundled());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut texts = Vec::new();
    for e in std::fs::read_dir(seeds).expect("seeds/") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "txt") {
            texts.push(std::fs::read_to_string(p).expect("seed text"));
        }
    }
    let m = Matcher::bundled();
    let annotate: Vec<f64> = (0..200)
        .map(|_| {
            let t = Instant::now();
            for text in &texts {
                std::hint::black_box(m.find(text));
            }
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    println!(
        "native: {} aliases; compile gazetteer median {:.2} ms; annotate {} seeds median {:.3} ms",
        m.gazetteer().aliases().len(),
        median(compile),
        texts.len(),
        median(annotate)
    );
}
