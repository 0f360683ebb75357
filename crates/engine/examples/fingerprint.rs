//! Prints everything the explorer shows for the benchmark queries on a corpus, so that a
//! refactor can be checked for identical behaviour by comparing the output (or its hash) from
//! before and after:
//!   cargo run --release -p sorot-engine --example fingerprint -- CORPUS.jsonl | sha256sum
//! With `--bundle`, the same through a bundle of the corpus written in memory and read back
//! file by file as a page would: the two hashes must be equal.
//!
//! What is printed: see `tests/support/describe.rs`.

use std::collections::HashMap;

use sorot_engine::bundle::{BundleError, Manifest};
use sorot_engine::collection::{Collection, CollectionBuilder};
use sorot_engine::corpus::parse_jsonl;
use sorot_engine::gazetteer::Gazetteer;
use sorot_engine::matcher::Matcher;

#[path = "../tests/support/describe.rs"]
mod describe;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bundle = args.iter().any(|a| a == "--bundle");
    let path = args.iter().find(|a| !a.starts_with("--")).expect("usage: fingerprint [--bundle] CORPUS.jsonl");
    let text = std::fs::read_to_string(path).expect("corpus");
    let queries: Vec<String> = std::fs::read_to_string(root.join("bench/queries.txt"))
        .expect("bench/queries.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(String::from)
        .collect();
    let parsed = parse_jsonl(&text);
    let mut b = CollectionBuilder::new(Matcher::bundled());
    for d in parsed.documents {
        b.add(d);
    }
    let c = b.finish();
    if !bundle {
        print!("{}", describe::describe(&c, &queries, &|_| unreachable!("in memory")));
        return;
    }
    let files: HashMap<String, Vec<u8>> = sorot_engine::bundle::write(&c).expect("bundle").into_iter().collect();
    drop(c);
    let fetch = |name: &str| {
        files.get(name).cloned().ok_or_else(|| BundleError { file: name.into(), message: "missing".into() })
    };
    let manifest = Manifest::parse(&fetch("manifest.json").unwrap()).unwrap();
    let read =
        Collection::from_bundle(&manifest, &fetch(&manifest.meta).unwrap(), Gazetteer::bundled().clone()).unwrap();
    print!("{}", describe::describe(&read, &queries, &fetch));
}
