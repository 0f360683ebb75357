//! Snippets: the densest window of query hits in a document's text, and every hit in it.
//!
//! Both read the positions the index keeps (which terms the query matched, where each body token
//! starts), so a document is never tokenized again: the cost is a few binary searches per
//! matched term and one pass over the document's token starts.

use super::index::{Index, TITLE_BASE};
use super::query::Matched;
use crate::span::Span;
use crate::text::tokenize;

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
    /// The body tokens of document `doc` that the query matched, as (token index, term), in text
    /// order.
    fn hit_tokens(&self, doc: u32, matched: &Matched) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        for &t in &matched.hit_terms {
            let postings = self.term_postings(t);
            if let Ok(k) = postings.docs.binary_search(&doc) {
                out.extend(postings.positions(k).iter().take_while(|&&p| p < TITLE_BASE).map(|&p| (p, t)));
            }
        }
        out.sort_unstable();
        out
    }

    /// Every word of document `doc` (whose text is `text`) that the query matched, in order (for
    /// highlighting a whole text).
    pub fn hits(&self, doc: u32, text: &str, matched: &Matched) -> Vec<Span> {
        let hits = self.hit_tokens(doc, matched);
        if hits.is_empty() {
            return Vec::new();
        }
        hit_spans(text, &self.token_starts(doc), &hits)
    }

    /// The window of `words` tokens of document `doc` (whose text is `text`) holding the most
    /// distinct matched forms (then the most hits), starting a few words before its first hit;
    /// the opening window when nothing matches.
    pub fn snippet(&self, doc: u32, text: &str, matched: &Matched, words: usize) -> Snippet {
        window(text, &self.token_starts(doc), &self.hit_tokens(doc, matched), words)
    }
}

/// The spans of `hits` ((token index, term), in text order) in `text`, whose body tokens start
/// at `starts`.
pub(crate) fn hit_spans(text: &str, starts: &[u32], hits: &[(u32, u32)]) -> Vec<Span> {
    hits.iter().map(|&(k, _)| token_span(text, starts[k as usize])).collect()
}

/// The snippet of `text` (body tokens starting at `starts`, the query's `hits` as (token index,
/// term) in text order): see [`Index::snippet`].
pub(crate) fn window(text: &str, starts: &[u32], hits: &[(u32, u32)], words: usize) -> Snippet {
    let n = starts.len();
    let words = words.max(1);
    // The hits among tokens `from..to`.
    let within = |from: usize, to: usize| {
        let a = hits.partition_point(|h| (h.0 as usize) < from);
        let b = hits.partition_point(|h| (h.0 as usize) < to);
        &hits[a..b]
    };
    let mut best = (0usize, 0usize, 0usize); // (distinct, count, first token)
    for &(h, _) in hits {
        // The window shown: a few words of context, then the hit.
        let start = (h as usize).saturating_sub(LEAD);
        let end = (start + words).min(n);
        let mut seen: Vec<u32> = within(start, end).iter().map(|h| h.1).collect();
        let count = seen.len();
        seen.sort_unstable();
        seen.dedup();
        if (seen.len(), count) > (best.0, best.1) {
            best = (seen.len(), count, start);
        }
    }
    if n == 0 {
        return Snippet { span: Span::new(0, 0), hits: Vec::new(), cut_before: false, cut_after: false };
    }
    let start_tok = best.2;
    let end_tok = (start_tok + words).min(n);
    let span = Span::new(starts[start_tok] as usize, token_span(text, starts[end_tok - 1]).end as usize);
    let hits = hit_spans(text, starts, within(start_tok, end_tok));
    Snippet { span, hits, cut_before: start_tok > 0, cut_after: end_tok < n }
}

/// The token of `text` that starts at byte `start`.
fn token_span(text: &str, start: u32) -> Span {
    let t = tokenize(&text[start as usize..]).next().expect("a token starts here");
    Span::new(start as usize + t.span.start as usize, start as usize + t.span.end as usize)
}
