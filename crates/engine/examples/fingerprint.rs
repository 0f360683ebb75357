//! Prints everything the explorer shows for the benchmark queries on a corpus, so that a
//! refactor can be checked for identical behaviour by comparing the output (or its hash) from
//! before and after:
//!   cargo run --release -p sorot-engine --example fingerprint -- CORPUS.jsonl | sha256sum
//!
//! For each query of `bench/queries.txt`: the number of hits; the first 50 hits with their
//! score (bit-exact), snippet window and hit spans; the hit spans of the whole first document;
//! and the entity, outlet, year and month facets.
use std::fmt::Write as _;

use sorot_engine::collection::{CollectionBuilder, Request};
use sorot_engine::corpus::parse_jsonl;
use sorot_engine::matcher::Matcher;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let path = std::env::args().nth(1).expect("usage: fingerprint CORPUS.jsonl");
    let text = std::fs::read_to_string(&path).expect("corpus");
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
    let g = c.gazetteer();
    let mut out = String::new();
    // Prefixes of every query too: the explorer searches on every keystroke.
    let mut all = Vec::new();
    for q in &queries {
        for (i, _) in q.char_indices().skip(1) {
            all.push(q[..i].to_string());
        }
        all.push(q.clone());
    }
    for q in &all {
        let r = c.search(&Request { query: q, ..Request::default() });
        writeln!(out, "# {q}: {} hits", r.hits.len()).unwrap();
        for h in r.hits.iter().take(50) {
            let s = c.snippet(h.doc as usize, &r.matched, 28);
            let hits: Vec<String> = s.hits.iter().map(|x| format!("{}-{}", x.start, x.end)).collect();
            writeln!(
                out,
                "{} {:08x} {}-{} {}{} [{}]",
                c.docs()[h.doc as usize].id,
                h.score.to_bits(),
                s.span.start,
                s.span.end,
                u8::from(s.cut_before),
                u8::from(s.cut_after),
                hits.join(",")
            )
            .unwrap();
        }
        if let Some(h) = r.hits.first() {
            let all_hits: Vec<String> =
                c.hits(h.doc as usize, &r.matched).iter().map(|x| format!("{}-{}", x.start, x.end)).collect();
            writeln!(out, "hits {}", all_hits.join(",")).unwrap();
        }
        let facets = c.facets(&r);
        let ents: Vec<String> =
            facets.entities.iter().map(|e| format!("{}:{}:{}", g.entity(e.entity).code, e.docs, e.mentions)).collect();
        writeln!(out, "entities {}", ents.join(" ")).unwrap();
        writeln!(out, "outlets {:?}", facets.outlets).unwrap();
        writeln!(out, "years {:?} months {:?}", facets.years, facets.months).unwrap();
    }
    // Sorting and entity filters, on the whole queries.
    use sorot_engine::collection::Sort;
    for q in &queries {
        let top = c.facets(&c.search(&Request { query: q, ..Request::default() })).entities.clone();
        let ents: Vec<_> = top.iter().take(2).map(|e| e.entity).collect();
        for (sort, any) in [(Sort::Newest, false), (Sort::Oldest, true)] {
            let r = c.search(&Request { query: q, entities: &ents, any_entity: any, sort, ..Request::default() });
            let ids: Vec<&str> = r.hits.iter().take(30).map(|h| c.docs()[h.doc as usize].id.as_str()).collect();
            writeln!(out, "# {q} {sort:?} any={any}: {} hits {}", r.hits.len(), ids.join(" ")).unwrap();
        }
    }
    print!("{out}");
}
