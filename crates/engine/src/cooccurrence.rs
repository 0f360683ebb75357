//! Which entities are mentioned together: for a few entities, in how many of a set of articles
//! each pair is mentioned, and how much more (or less) often than chance would have it,
//! scored by Dunning's log-likelihood ratio (G², signed) with pointwise mutual information
//! beside it.

use crate::collection::Collection;
use crate::gazetteer::EntityId;

/// What is counted as "together": the same article, or the same sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    /// Mentioned in the same article.
    #[default]
    Article,
    /// Mentioned in the same sentence ([`crate::concordance::sentences`]).
    Sentence,
}

/// Co-occurrence of a few entities over a set of articles, or over their sentences: every
/// count below is of [`Cooccurrence::unit`]s.
#[derive(Debug, Clone, PartialEq)]
pub struct Cooccurrence {
    /// What is counted.
    pub unit: Unit,
    /// Units counted: the articles, or every sentence of the articles read.
    pub articles: u32,
    /// Articles whose text is not loaded yet (over a bundle), so whose sentences are not
    /// counted; none by article.
    pub unread: Vec<u32>,
    /// The entities, in the order asked for.
    pub entities: Vec<EntityId>,
    /// Articles mentioning each entity.
    pub docs: Vec<u32>,
    /// Every pair `a < b` (indices into `entities`), in row order.
    pub pairs: Vec<Pair>,
}

/// Two entities mentioned in the same articles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// Index of the first entity.
    pub a: usize,
    /// Index of the second entity.
    pub b: usize,
    /// Articles mentioning both.
    pub docs: u32,
    /// Dunning's G² of the 2×2 table (both, one, the other, neither), negative when the pair is
    /// mentioned together less often than independence would predict.
    pub llr: f64,
    /// log₂ of observed over expected articles with both; `None` when none has both.
    pub pmi: Option<f64>,
}

impl Collection {
    /// Co-occurrence of `entities` over the articles `docs` (positions, each once).
    pub fn cooccurrence(&self, docs: &[usize], entities: &[EntityId]) -> Cooccurrence {
        self.cooccurrence_by(docs, entities, Unit::Article)
    }

    /// Co-occurrence of `entities` over the articles `docs`, or over their sentences.
    pub fn cooccurrence_by(&self, docs: &[usize], entities: &[EntityId], unit: Unit) -> Cooccurrence {
        let k = entities.len();
        let mut counts = Counts { single: vec![0; k], joint: vec![0; k * k], units: 0 };
        let mut unread = Vec::new();
        let mut present = Vec::with_capacity(k);
        for &d in docs {
            match unit {
                Unit::Article => {
                    present.clear();
                    present.extend((0..k).filter(|&i| self.mentions_entity(d, entities[i])));
                    counts.add(&present);
                }
                Unit::Sentence => {
                    let (Some(doc), Some(mentions)) = (self.document(d), self.mentions(d)) else {
                        unread.push(d as u32);
                        continue;
                    };
                    let mut m = mentions.iter().peekable();
                    for s in crate::concordance::sentences(&doc.text) {
                        present.clear();
                        // Mentions are in text order; one that straddles a sentence end counts in the first.
                        while let Some(x) = m.next_if(|x| x.span.start < s.end) {
                            if let Some(i) = entities.iter().position(|&e| e == x.entity) {
                                if !present.contains(&i) {
                                    present.push(i);
                                }
                            }
                        }
                        present.sort_unstable();
                        counts.add(&present);
                    }
                }
            }
        }
        let n = counts.units;
        let mut pairs = Vec::with_capacity(k * k.saturating_sub(1) / 2);
        for a in 0..k {
            for b in a + 1..k {
                let both = counts.joint[a * k + b];
                let (ca, cb) = (counts.single[a], counts.single[b]);
                pairs.push(Pair { a, b, docs: both, llr: llr(both, ca, cb, n), pmi: pmi(both, ca, cb, n) });
            }
        }
        Cooccurrence { unit, articles: n, unread, entities: entities.to_vec(), docs: counts.single, pairs }
    }
}

/// Units with each entity and with each pair (`joint[a * k + b]`, `a < b`).
struct Counts {
    single: Vec<u32>,
    joint: Vec<u32>,
    units: u32,
}

impl Counts {
    /// One unit mentioning the entities `present` (indices, increasing).
    fn add(&mut self, present: &[usize]) {
        let k = self.single.len();
        self.units += 1;
        for (x, &i) in present.iter().enumerate() {
            self.single[i] += 1;
            for &j in &present[x + 1..] {
                self.joint[i * k + j] += 1;
            }
        }
    }
}

/// Signed G² for `both` articles with a and b, of `a` with a, `b` with b, `n` in all.
pub fn llr(both: u32, a: u32, b: u32, n: u32) -> f64 {
    if n == 0 {
        return 0.0;
    }
    let (k11, k12, k21) = (f64::from(both), f64::from(a - both), f64::from(b - both));
    let k22 = f64::from(n) - k11 - k12 - k21;
    let n = f64::from(n);
    let (r1, r2, c1, c2) = (k11 + k12, k21 + k22, k11 + k21, k12 + k22);
    let term = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    let g2 = 2.0 * (term(k11, r1 * c1 / n) + term(k12, r1 * c2 / n) + term(k21, r2 * c1 / n) + term(k22, r2 * c2 / n));
    let g2 = g2.max(0.0);
    if k11 * n < r1 * c1 {
        -g2
    } else {
        g2
    }
}

/// The articles with both that independence predicts: a · b / n (0 for no articles).
pub fn expected(a: u32, b: u32, n: u32) -> f64 {
    if n == 0 {
        0.0
    } else {
        f64::from(a) * f64::from(b) / f64::from(n)
    }
}

/// log₂(both · n / (a · b)), or `None` when `both` is 0.
pub fn pmi(both: u32, a: u32, b: u32, n: u32) -> Option<f64> {
    (both > 0).then(|| (f64::from(both) * f64::from(n) / (f64::from(a) * f64::from(b))).log2())
}
