//! The seed articles come out exactly as annotated by hand in `fixtures/seeds.tsv`.

use std::collections::BTreeSet;

use sorot_engine::corpus::Document;
use sorot_engine::{annotate, Annotation};

const FIXTURE: &str = include_str!("fixtures/seeds.tsv");

fn seeds_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

#[test]
fn every_seed_mention_is_found_with_its_exact_span_and_nothing_else() {
    let want: BTreeSet<(String, String, u32, u32, String)> = FIXTURE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[0].into(), c[1].into(), c[2].parse().unwrap(), c[3].parse().unwrap(), c[4].into())
        })
        .collect();
    let docs: BTreeSet<&str> = want.iter().map(|w| w.0.as_str()).collect();
    assert_eq!(docs.len(), 5);
    let mut got = BTreeSet::new();
    for id in docs {
        let text = std::fs::read_to_string(seeds_dir().join(id)).unwrap();
        let doc = Document::new(id, text);
        for Annotation { doc, code, text, start, end, .. } in annotate(&doc) {
            got.insert((doc.to_string(), code.to_string(), start, end, text.to_string()));
        }
    }
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(missing.is_empty() && extra.is_empty(), "missing: {missing:#?}\nunexpected: {extra:#?}");
}
