//! Snippets: the densest window of query hits in a document's text.

use super::index::Index;
use super::query::Matched;
use crate::span::Span;
use crate::text::{fold_into, tokenize};

/// A window of a text with the query's hits in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The window, in bytes of the text; it starts and ends on word boundaries.
    pub span: Span,
    /// Hits inside the window, in order.
    pub hits: Vec<Span>,
    /// Whether text was cut before and after the window.
    pub cut_before: bool,
    /// See `cut_before`.
    pub cut_after: bool,
}

/// Words of context kept before the first hit of the window.
const LEAD: usize = 6;

impl Index {
    /// The tokens of `text` and, for each, the matched term it is (if it is one).
    fn hit_terms(&self, text: &str, matched: &Matched) -> (Vec<Span>, Vec<Option<u32>>) {
        let toks: Vec<Span> = tokenize(text).map(|t| t.span).collect();
        let mut buf = String::new();
        let hit_term = toks
            .iter()
            .map(|&s| {
                if matched.is_empty() {
                    return None;
                }
                buf.clear();
                fold_into(s.slice(text), &mut buf);
                let t = *self.terms.get(buf.as_str())?;
                let by_stem = self.term_stems[t as usize].iter().any(|s| matched.stems.contains(s));
                (matched.terms.contains(&t) || by_stem).then_some(t)
            })
            .collect();
        (toks, hit_term)
    }

    /// Every word of `text` that the query matched, in order (for highlighting a whole text).
    pub fn hits(&self, text: &str, matched: &Matched) -> Vec<Span> {
        let (toks, hit_term) = self.hit_terms(text, matched);
        toks.into_iter().zip(hit_term).filter(|(_, t)| t.is_some()).map(|(s, _)| s).collect()
    }

    /// The window of `words` tokens of `text` holding the most distinct matched forms (then the
    /// most hits), starting a few words before its first hit; the opening window when nothing
    /// matches.
    pub fn snippet(&self, text: &str, matched: &Matched, words: usize) -> Snippet {
        let (toks, hit_term) = self.hit_terms(text, matched);
        let hits: Vec<usize> = (0..toks.len()).filter(|&k| hit_term[k].is_some()).collect();
        let words = words.max(1);
        let mut best = (0usize, 0usize, 0usize); // (distinct, count, first token)
        for &h in &hits {
            // The window shown: a few words of context, then the hit.
            let start = h.saturating_sub(LEAD);
            let end = (start + words).min(toks.len());
            let mut seen: Vec<u32> = hit_term[start..end].iter().flatten().copied().collect();
            let count = seen.len();
            seen.sort_unstable();
            seen.dedup();
            if (seen.len(), count) > (best.0, best.1) {
                best = (seen.len(), count, start);
            }
        }
        let start_tok = best.2;
        let end_tok = (start_tok + words).min(toks.len());
        if toks.is_empty() {
            return Snippet { span: Span::new(0, 0), hits: Vec::new(), cut_before: false, cut_after: false };
        }
        let span = Span::new(toks[start_tok].start as usize, toks[end_tok - 1].end as usize);
        let hits = (start_tok..end_tok).filter(|&k| hit_term[k].is_some()).map(|k| toks[k]).collect();
        Snippet { span, hits, cut_before: start_tok > 0, cut_after: end_tok < toks.len() }
    }
}
