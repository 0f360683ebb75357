//! What evaluating a query reads of an index, as one trait: the in-memory [`Index`] answers
//! it from its arrays, and a bundle (see [`crate::bundle`]) from the shards it has loaded,
//! noting the ones it has not, so that the same evaluation runs over both.

use super::index::{Index, Postings};

/// At most this many completions of a prefix are looked at.
pub(crate) const MAX_COMPLETIONS: usize = 5000;

/// The index as query evaluation sees it. Term ids and stem ids are the lexicon's own; only
/// their identity matters, never their order.
pub(crate) trait Lexicon {
    /// Documents indexed.
    fn doc_count(&self) -> usize;
    /// The term id of a folded word form.
    fn term(&self, folded: &str) -> Option<u32>;
    /// The stem ids a folded word stands for, computed as at indexing time.
    fn stems_of(&self, folded: &str) -> Vec<u32>;
    /// The folded form of term `t`.
    fn term_text(&self, t: u32) -> &str;
    /// Documents holding term `t`.
    fn term_df(&self, t: u32) -> u32;
    /// The terms that stand for stem `s`, appended to `out`.
    fn stem_terms(&self, s: u32, out: &mut Vec<u32>);
    /// The postings of term `t`, with positions when `positions` is true (for phrases).
    fn term_postings(&self, t: u32, positions: bool) -> Postings<'_>;
    /// The postings of stem `s`.
    fn stem_postings(&self, s: u32) -> Postings<'_>;
    /// Terms that start with `prefix` (itself included), in byte order; at most
    /// [`MAX_COMPLETIONS`] are looked at.
    fn completions(&self, prefix: &str, out: &mut Vec<u32>);
    /// Terms that start with `first` and are `chars` chars long, in byte order, appended to `out`.
    fn terms_of_shape(&self, first: char, chars: u32, out: &mut Vec<u32>);
    /// BM25's length normalization of document `doc`.
    fn norm(&self, doc: u32) -> f32;
}

impl Lexicon for Index {
    fn doc_count(&self) -> usize {
        self.len()
    }

    fn term(&self, folded: &str) -> Option<u32> {
        Index::term(self, folded)
    }

    fn stems_of(&self, folded: &str) -> Vec<u32> {
        Index::stems_of(self, folded)
    }

    fn term_text(&self, t: u32) -> &str {
        Index::term_text(self, t)
    }

    fn term_df(&self, t: u32) -> u32 {
        Index::term_postings(self, t).df()
    }

    fn stem_terms(&self, s: u32, out: &mut Vec<u32>) {
        out.extend_from_slice(Index::stem_terms(self, s));
    }

    fn term_postings(&self, t: u32, _positions: bool) -> Postings<'_> {
        Index::term_postings(self, t)
    }

    fn stem_postings(&self, s: u32) -> Postings<'_> {
        Index::stem_postings(self, s)
    }

    fn completions(&self, prefix: &str, out: &mut Vec<u32>) {
        out.extend(Index::completions(self, prefix));
    }

    fn terms_of_shape(&self, first: char, chars: u32, out: &mut Vec<u32>) {
        out.extend_from_slice(Index::terms_of_shape(self, first, chars));
    }

    fn norm(&self, doc: u32) -> f32 {
        Index::norm(self, doc)
    }
}
