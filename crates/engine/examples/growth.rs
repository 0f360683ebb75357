//! The cost curve on hostile layouts: one document of 50 KB … 1 MB on a single line, for the
//! three patterns that were once quadratic, annotated, and then annotated, indexed, searched
//! and given a snippet and its hits as the explorer does. Prints ms and ms per 100 KB; a
//! linear step keeps the last column flat.
//!   cargo run --release -p sorot-engine --example growth
use std::time::Instant;

use sorot_engine::collection::{Collection, Request};
use sorot_engine::corpus::Document;
use sorot_engine::matcher::Matcher;

fn main() {
    let m = Matcher::bundled();
    let patterns = [
        "Budi Jepang bertemu Andi Rusia di kota ",
        "Jordan Henderson dan Israel Adesanya bertemu ",
        "Kata Indra Jepang Dan Tono Rusia Juga ",
    ];
    println!("| pattern | size | annotate | ms / 100 KB | annotate + index + search + snippet | ms / 100 KB |");
    println!("|---|---|---|---|---|---|");
    for p in patterns {
        for kb in [50, 100, 200, 400, 800, 1000] {
            let text = p.repeat(kb * 1000 / p.len() + 1);
            let best = |f: &dyn Fn()| {
                (0..3)
                    .map(|_| {
                        let t = Instant::now();
                        f();
                        t.elapsed().as_secs_f64() * 1e3
                    })
                    .fold(f64::INFINITY, f64::min)
            };
            let annotate = best(&|| {
                std::hint::black_box(m.find(&text));
            });
            let all = best(&|| {
                let c = Collection::new(vec![Document::new("x", text.clone())], m);
                let r = c.search(&Request { query: "jepang OR israel", ..Request::default() });
                std::hint::black_box((
                    c.hits(0, &r.matched).expect("in memory"),
                    c.snippet(0, &r.matched, 28).expect("in memory"),
                ));
            });
            let per = |ms: f64| ms * 100.0 / kb as f64;
            println!(
                "| `{}` | {kb} KB | {annotate:.1} ms | {:.2} | {all:.1} ms | {:.2} |",
                p.trim(),
                per(annotate),
                per(all)
            );
        }
    }
}
