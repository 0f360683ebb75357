//! Native search benchmark on a JSON Lines corpus: time to annotate and index, query latency
//! (p50/p95 over bench/queries.txt, several rounds), and index size.
//!   cargo run --release -p sorot-engine --example search_bench [-- CORPUS.jsonl]
use std::time::Instant;

use sorot_engine::collection::{CollectionBuilder, Request};
use sorot_engine::corpus::parse_jsonl;
use sorot_engine::matcher::Matcher;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let path =
        std::env::args().nth(1).unwrap_or_else(|| root.join("../shared/corpora/clickid.jsonl").display().to_string());
    let text = std::fs::read_to_string(&path).expect("corpus");
    let queries: Vec<String> = std::fs::read_to_string(root.join("bench/queries.txt"))
        .expect("bench/queries.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(String::from)
        .collect();
    let t = Instant::now();
    let parsed = parse_jsonl(&text);
    let parse_ms = t.elapsed().as_secs_f64() * 1e3;
    let matcher = Matcher::bundled();
    let t = Instant::now();
    let mut n = 0;
    for d in &parsed.documents {
        n += matcher.find(&d.text).len();
    }
    let annotate_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let mut ib = sorot_engine::search::IndexBuilder::new(sorot_engine::search::COMPOUNDS_TSV);
    for d in &parsed.documents {
        ib.add(d.title.as_deref().unwrap_or(""), &d.text);
    }
    let add_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    std::hint::black_box(ib.finish());
    let finish_ms = t.elapsed().as_secs_f64() * 1e3;
    println!("phases: annotate {annotate_ms:.0} ms ({n} mentions), index add {add_ms:.0} ms, finish {finish_ms:.0} ms");
    let t = Instant::now();
    let mut b = CollectionBuilder::new(matcher);
    for d in parsed.documents {
        b.add(d);
    }
    let c = b.finish();
    let build_ms = t.elapsed().as_secs_f64() * 1e3;
    let mut times = Vec::new();
    let mut total_hits = 0;
    for _ in 0..5 {
        for q in &queries {
            let t = Instant::now();
            let r = c.search(&Request { query: q, ..Request::default() });
            std::hint::black_box(c.facets(&r));
            for h in r.hits.iter().take(20) {
                std::hint::black_box(c.snippet(h.doc as usize, &r.matched, 24).expect("in memory"));
            }
            times.push(t.elapsed().as_secs_f64() * 1e3);
            total_hits += r.hits.len();
        }
    }
    times.sort_by(f64::total_cmp);
    let q = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    println!("corpus {path}: {} documents, parse {parse_ms:.0} ms, annotate + index {build_ms:.0} ms", c.len());
    println!(
        "index: {} word forms, postings {:.1} MB, whole index about {:.1} MB",
        c.index().expect("in memory").vocabulary_size(),
        c.index().expect("in memory").postings_bytes() as f64 / 1e6,
        c.index().expect("in memory").heap_bytes() as f64 / 1e6
    );
    println!(
        "query + facets + 20 snippets, {} queries x 5: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms ({} hits in all)",
        queries.len(),
        q(0.5),
        q(0.95),
        times[times.len() - 1],
        total_hits
    );
}
