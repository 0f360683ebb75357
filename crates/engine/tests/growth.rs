//! Linear time on hostile layouts: a document on one line, or one paragraph, costs in
//! proportion to its length. Each case times the same work at a size and at 8× that size and
//! requires the ratio to stay under 16 (a quadratic step would make it about 64); the fastest
//! of a few runs is taken, so a busy machine slows both sides alike.

use sorot_engine::collection::{Collection, Request};
use sorot_engine::corpus::Document;
use sorot_engine::matcher::Matcher;

mod support;
use support::fastest;

/// Patterns that once made the matcher rescan the whole line at every name.
const PATTERNS: [&str; 3] = [
    "Budi Jepang bertemu Andi Rusia di kota ",
    "Jordan Henderson dan Israel Adesanya bertemu ",
    "Kata Indra Jepang Dan Tono Rusia Juga ",
];

fn repeated(pattern: &str, bytes: usize) -> String {
    pattern.repeat(bytes / pattern.len() + 1)
}

fn assert_linear(what: &str, small: usize, work: impl Fn(usize)) {
    let (a, b) = (fastest(3, || work(small)), fastest(3, || work(small * 8)));
    let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-6);
    assert!(ratio < 16.0, "{what}: 8x the input took {ratio:.1}x the time ({a:?} -> {b:?})");
}

#[test]
fn annotating_a_one_line_document_is_linear_in_its_length() {
    let m = Matcher::bundled();
    for p in PATTERNS {
        assert_linear(p, 20_000, |n| {
            std::hint::black_box(m.find(&repeated(p, n)));
        });
    }
}

#[test]
fn indexing_searching_and_snippets_of_one_huge_paragraph_are_linear() {
    for p in PATTERNS {
        assert_linear(p, 20_000, |n| {
            let c = Collection::new(vec![Document::new("x", repeated(p, n))], Matcher::bundled());
            let r = c.search(&Request { query: "jepang OR israel", ..Request::default() });
            std::hint::black_box(c.hits(0, &r.matched).expect("in memory"));
            std::hint::black_box(c.snippet(0, &r.matched, 28).expect("in memory"));
        });
    }
}
