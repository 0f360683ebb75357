//! Parsing a query and evaluating it against an [`Index`].

use std::collections::HashSet;

use super::index::{Index, Postings};
use super::lexicon::Lexicon;
use super::rank::{self, EXACT, STEM};
use super::Hit;
use crate::text::{fold, tokenize};

/// One thing a document may contain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Atom {
    /// A folded word; `prefix` for the word still being typed.
    Word { folded: String, prefix: bool },
    /// Folded words that must follow each other.
    Phrase(Vec<String>),
}

/// A parsed query: every item must match (an item matches when any of its atoms does), and no
/// excluded atom may.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub(crate) items: Vec<Vec<Atom>>,
    pub(crate) excluded: Vec<Atom>,
}

/// At most this many expansions per word, the most frequent first.
const MAX_EXPANSIONS: usize = 20;

impl Query {
    /// Parses a query; see the [module docs](super) for the language. Never fails: stray
    /// quotes close at the end, operators without operands are ignored.
    pub fn parse(input: &str) -> Query {
        let mut q = Query::default();
        let typing = !input.ends_with(char::is_whitespace) && !input.ends_with('"');
        let mut or_next = false;
        let mut last_word: Option<(usize, usize)> = None; // (item, atom) of the last plain word
        let mut rest = input;
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                break;
            }
            let negated = rest.starts_with('-') && rest.len() > 1 && !rest[1..].starts_with(char::is_whitespace);
            if negated {
                rest = &rest[1..];
            }
            let (raw, is_phrase) = if let Some(after) = rest.strip_prefix('"') {
                let end = after.find('"').unwrap_or(after.len());
                let raw = &after[..end];
                rest = after.get(end + 1..).unwrap_or("");
                (raw, true)
            } else {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                let raw = &rest[..end];
                rest = &rest[end..];
                (raw, false)
            };
            if !is_phrase && !negated && raw == "OR" {
                or_next = !q.items.is_empty();
                continue;
            }
            let words: Vec<String> = tokenize(raw).map(|t| fold(t.span.slice(raw))).collect();
            let atom = match words.len() {
                0 => continue,
                1 if !is_phrase => Atom::Word { folded: words.into_iter().next().expect("one word"), prefix: false },
                _ => Atom::Phrase(words),
            };
            if negated {
                q.excluded.push(atom);
                or_next = false;
                continue;
            }
            let plain = matches!(atom, Atom::Word { .. });
            if or_next {
                q.items.last_mut().expect("or_next needs an item").push(atom);
            } else {
                q.items.push(vec![atom]);
            }
            or_next = false;
            let item = q.items.len() - 1;
            last_word = plain.then(|| (item, q.items[item].len() - 1));
            if !plain {
                last_word = None;
            }
        }
        if typing && rest.is_empty() {
            if let Some((i, a)) = last_word {
                if let Atom::Word { prefix, .. } = &mut q.items[i][a] {
                    *prefix = true;
                }
            }
        }
        q
    }

    /// What the query asks for (not what it excludes), each as its folded words: a phrase's
    /// words, or a word alone.
    pub fn wanted(&self) -> Vec<Vec<String>> {
        let atoms = self.items.iter().flatten();
        atoms
            .map(|a| match a {
                Atom::Phrase(w) => w.clone(),
                Atom::Word { folded, .. } => vec![folded.clone()],
            })
            .collect()
    }

    /// True when the query asks for nothing (every document matches).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.excluded.is_empty()
    }
}

/// What a query matched, for highlighting: folded word forms and stems.
#[derive(Debug, Clone, Default)]
pub struct Matched {
    pub(crate) terms: HashSet<u32>,
    pub(crate) stems: HashSet<u32>,
    /// Every term that is a hit: `terms`, and the terms of `stems`; increasing.
    pub(crate) hit_terms: Vec<u32>,
}

impl Matched {
    /// True when nothing is to be highlighted.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.stems.is_empty()
    }
}

/// One way a word matches: postings and a weight.
pub(crate) enum Source {
    Term(u32, f32),
    Stem(u32, f32),
    /// All of these stems (a compound's parts).
    Stems(Vec<u32>, f32),
}

impl Index {
    /// Documents matching `q`, best first (ties in document order). An empty query matches
    /// every document, with score 0, in document order.
    pub fn search(&self, q: &Query) -> Vec<Hit> {
        self.search_matched(q).0
    }

    /// [`Index::search`], and what the query matched (for snippets), computed together.
    pub fn search_matched(&self, q: &Query) -> (Vec<Hit>, Matched) {
        self.evaluate_query(q)
    }
}

/// Query evaluation over any [`Lexicon`]: the in-memory index and a bundle run the same code.
pub(crate) trait Evaluate: Lexicon {
    /// The hits of `q`, best first (ties in document order), and what it matched.
    fn evaluate_query(&self, q: &Query) -> (Vec<Hit>, Matched) {
        let mut matched = Some(Matched::default());
        let hits = self.evaluate(q, &mut matched);
        let mut matched = matched.unwrap_or_default();
        let mut hit_terms: Vec<u32> = matched.terms.iter().copied().collect();
        for &s in &matched.stems {
            self.stem_terms(s, &mut hit_terms);
        }
        hit_terms.sort_unstable();
        hit_terms.dedup();
        matched.hit_terms = hit_terms;
        (hits, matched)
    }

    fn evaluate(&self, q: &Query, matched: &mut Option<Matched>) -> Vec<Hit> {
        let n = self.doc_count();
        let excluded = self.excluded(q);
        if q.items.is_empty() {
            return (0..n as u32).filter(|&d| !excluded[d as usize]).map(|doc| Hit { doc, score: 0.0 }).collect();
        }
        let mut total = vec![0f32; n];
        let mut count = vec![0u16; n];
        let mut item_scores = vec![0f32; n];
        for item in &q.items {
            item_scores.iter_mut().for_each(|s| *s = 0.0);
            for atom in item {
                self.score_atom(atom, true, &mut item_scores, matched);
            }
            for (d, &s) in item_scores.iter().enumerate() {
                if s > 0.0 {
                    count[d] += 1;
                    total[d] += s;
                }
            }
        }
        let need = q.items.len() as u16;
        let mut hits: Vec<Hit> = (0..n)
            .filter(|&d| count[d] == need && !excluded[d])
            .map(|d| Hit { doc: d as u32, score: total[d] })
            .collect();
        hits.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits
    }

    fn excluded(&self, q: &Query) -> Vec<bool> {
        let n = self.doc_count();
        if q.excluded.is_empty() {
            return vec![false; n];
        }
        let mut s = vec![0f32; n];
        for atom in &q.excluded {
            let atom = match atom {
                Atom::Word { folded, .. } => Atom::Word { folded: folded.clone(), prefix: false },
                p => p.clone(),
            };
            self.score_atom(&atom, false, &mut s, &mut None);
        }
        s.into_iter().map(|x| x > 0.0).collect()
    }

    /// Raises `scores[d]` to this atom's score for every document it matches; records the
    /// matched forms in `matched` when given. With an empty `scores`, only records.
    fn score_atom(&self, atom: &Atom, expand: bool, scores: &mut [f32], matched: &mut Option<Matched>) {
        match atom {
            Atom::Word { folded, prefix } => {
                for src in self.sources(folded, *prefix, expand) {
                    if let Some(m) = matched.as_mut() {
                        match &src {
                            Source::Term(t, _) => {
                                m.terms.insert(*t);
                            }
                            Source::Stem(s, _) => {
                                m.stems.insert(*s);
                            }
                            Source::Stems(ss, _) => m.stems.extend(ss.iter().copied()),
                        }
                    }
                    if !scores.is_empty() {
                        self.apply(&src, scores);
                    }
                }
            }
            Atom::Phrase(words) => {
                let Some(ids) = words.iter().map(|w| self.term(w)).collect::<Option<Vec<u32>>>() else {
                    return;
                };
                if let Some(m) = matched.as_mut() {
                    m.terms.extend(ids.iter().copied());
                }
                if !scores.is_empty() {
                    self.phrase(&ids, scores);
                }
            }
        }
    }

    /// The ways a word can match, best first.
    fn sources(&self, folded: &str, prefix: bool, expand: bool) -> Vec<Source> {
        let mut out = Vec::new();
        let exact = self.term(folded);
        if let Some(t) = exact {
            out.push(Source::Term(t, EXACT));
        }
        match self.stems_of(folded).as_slice() {
            [] => {}
            [s] => out.push(Source::Stem(*s, STEM)),
            parts => out.push(Source::Stems(parts.to_vec(), STEM)),
        }
        if !expand {
            return out;
        }
        let len = folded.chars().count();
        if prefix && len >= 2 {
            let mut found = Vec::new();
            self.completions(folded, &mut found);
            found.retain(|&t| Some(t) != exact);
            found.sort_by_key(|&t| std::cmp::Reverse(self.term_df(t)));
            for t in found.into_iter().take(MAX_EXPANSIONS) {
                out.push(Source::Term(t, rank::prefix_weight(len, self.term_text(t).chars().count())));
            }
        }
        let max_edits = if len >= 9 {
            2
        } else if len >= 5 {
            1
        } else {
            0
        };
        if max_edits > 0 {
            let mut found = self.fuzzy(folded, max_edits);
            let typed_df = exact.map_or(0, |t| self.term_df(t));
            found.retain(|&(t, _)| Some(t) != exact && rank::may_be_meant(typed_df, self.term_df(t)));
            found.sort_by_key(|&(t, d)| (d, std::cmp::Reverse(self.term_df(t))));
            for (t, d) in found.into_iter().take(MAX_EXPANSIONS) {
                out.push(Source::Term(t, rank::fuzzy_weight(d)));
            }
        }
        out
    }

    /// Terms within `max_edits` (Levenshtein, with transpositions) of `word`, sharing its first
    /// letter (typos there are rare, and it keeps the scan short).
    fn fuzzy(&self, word: &str, max_edits: usize) -> Vec<(u32, usize)> {
        let w: Vec<char> = word.chars().collect();
        let Some(&first) = w.first() else { return Vec::new() };
        let mut out = Vec::new();
        let mut scratch = Scratch::default();
        let mut shaped = Vec::new();
        let lo = w.len().saturating_sub(max_edits);
        for len in lo..=w.len() + max_edits {
            shaped.clear();
            self.terms_of_shape(first, len as u32, &mut shaped);
            for &t in &shaped {
                if let Some(d) = bounded_distance(&w, self.term_text(t), max_edits, &mut scratch) {
                    if d > 0 {
                        out.push((t, d));
                    }
                }
            }
        }
        out
    }

    /// BM25's inverse document frequency of postings of this `df`.
    fn idf(&self, df: u32) -> f32 {
        rank::idf(self.doc_count(), df)
    }

    fn apply(&self, src: &Source, scores: &mut [f32]) {
        match *src {
            Source::Term(t, w) => self.raise(self.term_postings(t, false), w, scores),
            Source::Stem(s, w) => self.raise(self.stem_postings(s), w, scores),
            Source::Stems(ref parts, w) => {
                // Every part must be there; the score is the parts' mean.
                let mut acc = vec![0f32; scores.len()];
                let mut hits = vec![0u8; scores.len()];
                for &p in parts {
                    let postings = self.stem_postings(p);
                    let idf = w * self.idf(postings.df());
                    for (&d, &tf) in postings.docs.iter().zip(postings.tfs) {
                        acc[d as usize] += rank::bm25(idf, tf, self.norm(d));
                        hits[d as usize] += 1;
                    }
                }
                for d in 0..scores.len() {
                    if usize::from(hits[d]) == parts.len() {
                        scores[d] = scores[d].max(acc[d] / parts.len() as f32);
                    }
                }
            }
        }
    }

    /// Raises each document's score to `w` times its BM25 for one postings list.
    fn raise(&self, postings: Postings<'_>, w: f32, scores: &mut [f32]) {
        let idf = w * self.idf(postings.df());
        for (&d, &tf) in postings.docs.iter().zip(postings.tfs) {
            let s = rank::bm25(idf, tf, self.norm(d));
            let slot = &mut scores[d as usize];
            *slot = slot.max(s);
        }
    }

    /// Documents where the terms `ids` occur one after another.
    fn phrase(&self, ids: &[u32], scores: &mut [f32]) {
        let postings: Vec<Postings<'_>> = ids.iter().map(|&t| self.term_postings(t, true)).collect();
        let rarest = (0..ids.len()).min_by_key(|&k| postings[k].df()).expect("a phrase has words");
        'docs: for &d in postings[rarest].docs {
            // Per word: its posting's index in that word's list.
            let mut entries = Vec::with_capacity(ids.len());
            for p in &postings {
                match p.docs.binary_search(&d) {
                    Ok(k) => entries.push(k),
                    Err(_) => continue 'docs,
                }
            }
            let first = postings[0].positions(entries[0]);
            let found = first.iter().any(|&pos| {
                entries
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(k, &e)| postings[k].positions(e).binary_search(&(pos + k as u32)).is_ok())
            });
            if found {
                let s: f32 = entries
                    .iter()
                    .zip(&postings)
                    .map(|(&e, p)| rank::bm25(self.idf(p.df()), p.tfs[e], self.norm(d)))
                    .sum();
                let slot = &mut scores[d as usize];
                *slot = slot.max(s);
            }
        }
    }
}

impl<L: Lexicon + ?Sized> Evaluate for L {}

/// Reusable rows for [`bounded_distance`].
#[derive(Default)]
struct Scratch {
    b: Vec<char>,
    prev2: Vec<usize>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

/// Optimal-string-alignment distance between `a` and `b` if it is at most `max`.
fn bounded_distance(a: &[char], b: &str, max: usize, s: &mut Scratch) -> Option<usize> {
    s.b.clear();
    s.b.extend(b.chars());
    let (n, m) = (a.len(), s.b.len());
    for row in [&mut s.prev2, &mut s.prev, &mut s.cur] {
        row.clear();
        row.resize(m + 1, 0);
    }
    for (j, v) in s.prev.iter_mut().enumerate() {
        *v = j;
    }
    for i in 1..=n {
        s.cur[0] = i;
        let mut best = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != s.b[j - 1]);
            let mut v = (s.prev[j] + 1).min(s.cur[j - 1] + 1).min(s.prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == s.b[j - 2] && a[i - 2] == s.b[j - 1] {
                v = v.min(s.prev2[j - 2] + 1);
            }
            s.cur[j] = v;
            best = best.min(v);
        }
        if best > max {
            return None;
        }
        std::mem::swap(&mut s.prev2, &mut s.prev);
        std::mem::swap(&mut s.prev, &mut s.cur);
    }
    (s.prev[m] <= max).then_some(s.prev[m])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str, prefix: bool) -> Atom {
        Atom::Word { folded: s.into(), prefix }
    }

    #[test]
    fn queries_parse_into_items_phrases_exclusions_and_alternatives() {
        let q = Query::parse("Rusia \"kerja sama\" -NATO china OR tiongkok indo");
        assert_eq!(
            q.items,
            vec![
                vec![w("rusia", false)],
                vec![Atom::Phrase(vec!["kerja".into(), "sama".into()])],
                vec![w("china", false), w("tiongkok", false)],
                vec![w("indo", true)],
            ]
        );
        assert_eq!(q.excluded, vec![w("nato", false)]);
        assert_eq!(Query::parse("indo ").items, vec![vec![w("indo", false)]], "a finished word is no prefix");
        assert_eq!(
            Query::parse("rusia-ukraina").items,
            vec![vec![Atom::Phrase(vec!["rusia".into(), "ukraina".into()])]]
        );
        assert!(Query::parse("  OR  - \"\" ").is_empty());
        assert_eq!(Query::parse("\"open phrase").items.len(), 1);
    }

    #[test]
    fn edit_distance_counts_transpositions_as_one() {
        let mut scratch = Scratch::default();
        let mut d = |a: &str, b: &str, m| bounded_distance(&a.chars().collect::<Vec<_>>(), b, m, &mut scratch);
        assert_eq!(d("minyak", "minyak", 2), Some(0));
        assert_eq!(d("minyk", "minyak", 1), Some(1));
        assert_eq!(d("mniyak", "minyak", 1), Some(1));
        assert_eq!(d("indonseia", "indonesia", 2), Some(1));
        assert_eq!(d("amerika", "afrika", 1), None);
    }
}
