//! Everything the explorer shows for a set of queries, as text: what `examples/fingerprint.rs`
//! prints and `tests/bundle.rs` compares between a collection in memory and its bundle.

use std::fmt::Write as _;

use sorot_engine::bundle::BundleError;
use sorot_engine::collection::{Collection, Request, Response, Sort};

/// Reads a bundle's file by its path relative to the bundle's folder.
pub type Fetch<'a> = &'a dyn Fn(&str) -> Result<Vec<u8>, BundleError>;

/// The queries of `bench/queries.txt`, and every prefix of each (the explorer searches on every
/// keystroke).
pub fn queries_and_prefixes(queries: &[String]) -> Vec<String> {
    let mut all = Vec::new();
    for q in queries {
        for (i, _) in q.char_indices().skip(1) {
            all.push(q[..i].to_string());
        }
        all.push(q.clone());
    }
    all
}

fn ask(c: &Collection, r: &Request<'_>, fetch: Fetch<'_>) -> Response {
    c.search_with(r, fetch).unwrap_or_else(|e| panic!("{e}"))
}

/// For each query: the number of hits; the first 50 hits with their score (bit-exact), snippet
/// window and hit spans; the hit spans of the whole first document; the entity, outlet, year
/// and month facets. Then, for each whole query, its top two entities as filters with each
/// order.
pub fn describe(c: &Collection, queries: &[String], fetch: Fetch<'_>) -> String {
    let g = c.gazetteer();
    let mut out = String::new();
    for q in &queries_and_prefixes(queries) {
        let r = ask(c, &Request { query: q, ..Request::default() }, fetch);
        writeln!(out, "# {q}: {} hits", r.hits.len()).unwrap();
        c.load_texts_with(r.hits.iter().take(50).map(|h| h.doc as usize), fetch).unwrap();
        for h in r.hits.iter().take(50) {
            let s = c.snippet(h.doc as usize, &r.matched, 28).expect("loaded");
            let hits: Vec<String> = s.hits.iter().map(|x| format!("{}-{}", x.start, x.end)).collect();
            writeln!(
                out,
                "{} {:08x} {}-{} {}{} [{}]",
                c.id(h.doc as usize),
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
            let all_hits: Vec<String> = c
                .hits(h.doc as usize, &r.matched)
                .expect("loaded")
                .iter()
                .map(|x| format!("{}-{}", x.start, x.end))
                .collect();
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
    for q in queries {
        let top = c.facets(&ask(c, &Request { query: q, ..Request::default() }, fetch)).entities.clone();
        let ents: Vec<_> = top.iter().take(2).map(|e| e.entity).collect();
        for (sort, any) in [(Sort::Newest, false), (Sort::Oldest, true)] {
            let r = ask(c, &Request { query: q, entities: &ents, any_entity: any, sort, ..Request::default() }, fetch);
            let ids: Vec<&str> = r.hits.iter().take(30).map(|h| c.id(h.doc as usize)).collect();
            writeln!(out, "# {q} {sort:?} any={any}: {} hits {}", r.hits.len(), ids.join(" ")).unwrap();
        }
    }
    out
}
