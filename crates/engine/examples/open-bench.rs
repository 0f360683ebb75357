//! Times opening a bundle's metadata (what a page does before its first answer), natively.
//!   cargo run --release -p sorot-engine --example open-bench -- BUNDLE_DIR
use std::time::Instant;

use sorot_engine::bundle::Manifest;
use sorot_engine::collection::Collection;
use sorot_engine::gazetteer::Gazetteer;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: open-bench BUNDLE_DIR");
    let manifest = Manifest::parse(&std::fs::read(format!("{dir}/manifest.json")).unwrap()).unwrap();
    let meta = std::fs::read(format!("{dir}/{}", manifest.meta)).unwrap();
    let t = Instant::now();
    let g = Gazetteer::bundled();
    println!("gazetteer: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    for _ in 0..5 {
        let t = Instant::now();
        let c = Collection::from_bundle(&manifest, &meta, g.clone()).unwrap();
        println!("from_bundle ({} docs, {} KB): {:.1} ms", c.len(), meta.len() / 1000, t.elapsed().as_secs_f64() * 1e3);
    }
}
