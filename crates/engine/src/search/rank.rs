//! Ranking: BM25 and the weights of the ways a word can match, in one place.
//!
//! A document's score for a word is `weight · idf · tf · (k1 + 1) / (tf + norm)`, where
//! `norm = k1 · (1 − b + b · len / avg_len)` is computed once per document at indexing time and
//! `weight` says how the word matched: exact forms rank above stems, prefixes and typos. A title
//! token counts as [`TITLE_WEIGHT`] body tokens, in `tf` and in `len`.
//!
//! ```
//! use sorot_engine::search::rank;
//!
//! // A rarer word weighs more; a longer document dilutes the same count.
//! assert!(rank::idf(1000, 3) > rank::idf(1000, 300));
//! let (short, long) = (rank::norm(50, 100.0), rank::norm(400, 100.0));
//! assert!(rank::bm25(1.0, 2, short) > rank::bm25(1.0, 2, long));
//! ```

/// BM25's term-frequency saturation.
pub const K1: f32 = 1.2;
/// BM25's length normalization strength.
pub const B: f32 = 0.75;
/// A title token counts as this many body tokens.
pub const TITLE_WEIGHT: u16 = 3;

/// Weight of a word found in exactly the form typed.
pub const EXACT: f32 = 1.0;
/// Weight of a word found by its Indonesian stem (or a compound's parts).
pub const STEM: f32 = 0.7;
/// Weight of a word found as a completion of the word being typed, before the length ratio.
pub const PREFIX: f32 = 0.5;
/// Weight of a word one typo away.
pub const FUZZY_1: f32 = 0.35;
/// Weight of a word two typos away.
pub const FUZZY_2: f32 = 0.25;

/// A word the corpus has is taken as typed, unless a word a typo away is at least this many
/// times as common: then the typed word is more likely a misspelling of it (clickid.jsonl has
/// "indonesai" in 1 article and "indonesia" in 7,036), where a neighbour less common than that
/// is another word ("sejak" for "sepak", 13 times as common; "peran" for "perang").
pub const TYPO_RATIO: u32 = 20;

/// True when a word in `candidate_df` documents, a typo away from a typed word in `typed_df`
/// (0: not in the corpus), may be what the user meant.
pub fn may_be_meant(typed_df: u32, candidate_df: u32) -> bool {
    typed_df == 0 || candidate_df >= typed_df.saturating_mul(TYPO_RATIO)
}

/// BM25's length normalization of a document of `len` tokens (title weighted) in a corpus
/// whose documents average `avg_len` (at least 1).
pub fn norm(len: u32, avg_len: f32) -> f32 {
    K1 * (1.0 - B + B * len as f32 / avg_len)
}

/// BM25's inverse document frequency of a term in `df` of `n` documents.
pub fn idf(n: usize, df: u32) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// BM25 of a term occurring `tf` times in a document of length normalization `norm`, given the
/// term's (weighted) `idf`.
#[inline]
pub fn bm25(idf: f32, tf: u16, norm: f32) -> f32 {
    let tf = f32::from(tf);
    idf * tf * (K1 + 1.0) / (tf + norm)
}

/// Weight of a completion of `typed_chars` chars for a term of `term_chars` chars: a longer
/// completion is a weaker guess, but never below 0.3 of [`PREFIX`].
pub fn prefix_weight(typed_chars: usize, term_chars: usize) -> f32 {
    let ratio = typed_chars as f32 / term_chars as f32;
    PREFIX * ratio.max(0.3)
}

/// Weight of a term `edits` typos away (1 or 2).
pub fn fuzzy_weight(edits: usize) -> f32 {
    if edits == 1 {
        FUZZY_1
    } else {
        FUZZY_2
    }
}
