//! Co-occurrence counts what `annotate` finds in real text (each paragraph of the seed articles
//! as an article), and its log-likelihood ratio agrees with Dunning's own formulation, computed
//! here from entropies.

use std::collections::BTreeSet;

use sorot_engine::annotate;
use sorot_engine::collection::Collection;
use sorot_engine::cooccurrence::{llr, pmi};
use sorot_engine::corpus::Document;
use sorot_engine::matcher::Matcher;

mod support;
use support::seed_texts;

fn paragraphs() -> Vec<Document> {
    let mut docs = Vec::new();
    for text in seed_texts() {
        for para in text.split("\n\n").filter(|t| t.trim().len() > 40) {
            docs.push(Document::new(format!("p{}", docs.len()), para));
        }
    }
    docs
}

/// Dunning (1993): G² = 2 (Σ k log k − Σ rows log rows − Σ cols log cols + N log N).
fn dunning(k11: f64, k12: f64, k21: f64, k22: f64) -> f64 {
    let h = |xs: &[f64]| xs.iter().filter(|&&x| x > 0.0).map(|&x| x * x.ln()).sum::<f64>();
    let n = k11 + k12 + k21 + k22;
    2.0 * (h(&[k11, k12, k21, k22]) - h(&[k11 + k12, k21 + k22]) - h(&[k11 + k21, k12 + k22]) + h(&[n]))
}

#[test]
fn pairs_count_the_articles_annotate_finds_both_in_and_score_them_as_dunning_does() {
    let docs = paragraphs();
    assert!(docs.len() > 40, "{} paragraphs", docs.len());
    let codes: Vec<BTreeSet<String>> =
        docs.iter().map(|d| annotate(d).into_iter().map(|a| a.code.to_string()).collect()).collect();
    let c = Collection::new(docs.clone(), Matcher::bundled());
    let all: Vec<usize> = (0..c.len()).collect();
    let top: Vec<_> = c.entity_counts(&all).iter().take(8).map(|e| e.entity).collect();
    let co = c.cooccurrence(&all, &top);
    assert_eq!(co.articles as usize, docs.len());
    assert_eq!(co.pairs.len(), 8 * 7 / 2);
    let code = |i: usize| c.gazetteer().entity(top[i]).code.clone();
    for (i, &n) in co.docs.iter().enumerate() {
        assert_eq!(n as usize, codes.iter().filter(|s| s.contains(&code(i))).count(), "{}", code(i));
    }
    let n = docs.len() as f64;
    let mut together = 0;
    for p in &co.pairs {
        let (a, b) = (code(p.a), code(p.b));
        let both = codes.iter().filter(|s| s.contains(&a) && s.contains(&b)).count() as f64;
        assert_eq!(p.docs as f64, both, "{a} {b}");
        let (ca, cb) = (f64::from(co.docs[p.a]), f64::from(co.docs[p.b]));
        let g2 = dunning(both, ca - both, cb - both, n - ca - cb + both);
        assert!((p.llr.abs() - g2).abs() < 1e-6, "{a} {b}: {} vs {g2}", p.llr);
        assert_eq!(p.llr < 0.0, both * n < ca * cb && g2 > 1e-12, "{a} {b}: the sign says more or less than chance");
        match p.pmi {
            Some(x) => assert!((x - (both * n / (ca * cb)).log2()).abs() < 1e-9),
            None => assert_eq!(both, 0.0),
        }
        together += usize::from(both > 0.0);
    }
    assert!(together >= 5, "the seeds mention several pairs together");
}

#[test]
fn the_scores_of_independent_and_degenerate_tables() {
    // Independence: a in half, b in half, both in a quarter.
    assert!(llr(25, 50, 50, 100).abs() < 1e-9);
    assert_eq!(pmi(25, 50, 50, 100), Some(0.0));
    // Always together, never together.
    assert!(llr(10, 10, 10, 100) > 50.0);
    assert!(llr(0, 50, 50, 100) < -50.0);
    assert_eq!(pmi(0, 50, 50, 100), None);
    // Empty sets and entities in every article score 0, never NaN.
    for (both, a, b, n) in [(0, 0, 0, 0), (0, 0, 0, 10), (10, 10, 10, 10), (3, 10, 3, 10)] {
        let s = llr(both, a, b, n);
        assert!(s.is_finite() && s.abs() < 1e-9, "{both} {a} {b} {n}: {s}");
    }
}

#[test]
fn by_sentence_pairs_count_the_sentences_annotate_finds_both_in() {
    use sorot_engine::concordance::sentences;
    use sorot_engine::cooccurrence::Unit;
    let docs: Vec<Document> =
        seed_texts().into_iter().enumerate().map(|(i, t)| Document::new(format!("s{i}"), t)).collect();
    let c = Collection::new(docs.clone(), Matcher::bundled());
    let all: Vec<usize> = (0..c.len()).collect();
    let top: Vec<_> = c.entity_counts(&all).iter().take(8).map(|e| e.entity).collect();
    let co = c.cooccurrence_by(&all, &top, Unit::Sentence);
    // Independently: each sentence's set of codes, from where `annotate` puts each mention.
    let mut units: Vec<BTreeSet<String>> = Vec::new();
    for d in &docs {
        let found = annotate(d);
        for s in sentences(&d.text) {
            units.push(
                found.iter().filter(|a| a.start >= s.start && a.start < s.end).map(|a| a.code.to_string()).collect(),
            );
        }
    }
    assert_eq!(co.articles as usize, units.len());
    assert!(co.unread.is_empty());
    let code = |i: usize| c.gazetteer().entity(top[i]).code.clone();
    for (i, &n) in co.docs.iter().enumerate() {
        assert_eq!(n as usize, units.iter().filter(|s| s.contains(&code(i))).count(), "{}", code(i));
    }
    let mut together = 0;
    for p in &co.pairs {
        let both = units.iter().filter(|s| s.contains(&code(p.a)) && s.contains(&code(p.b))).count();
        assert_eq!(p.docs as usize, both, "{} {}", code(p.a), code(p.b));
        together += both;
    }
    assert!(together > 0, "some pair shares a sentence");
    // A pair in one sentence is a pair in one article; not the other way round.
    let by_article = c.cooccurrence(&all, &top);
    assert!(co.pairs.iter().zip(&by_article.pairs).all(|(s, a)| s.docs == 0 || a.docs > 0));
    assert!(co.pairs.iter().zip(&by_article.pairs).any(|(s, a)| s.docs == 0 && a.docs > 0));
}
