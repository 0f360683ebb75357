//! Word search over documents: which documents contain every word of a query.
//!
//! Each document is reduced to the sorted set of its folded tokens; a query word matches a
//! document when it is a prefix of one of them, so the word being typed already matches.
//!
//! ```
//! use sorot_engine::search::WordIndex;
//!
//! let index = WordIndex::new(["Putin menyoroti SCO", "KTT ASEAN di Jakarta"]);
//! assert_eq!(index.search("putin sco"), [0]);
//! assert_eq!(index.search("jak"), [1]);
//! assert_eq!(index.search(""), [0, 1]);
//! ```
//!
//! # What it does not do
//! No ranking, stemming, typo tolerance or phrases: results come in document order.

use crate::text::{fold_into, tokenize};

/// The folded vocabulary of each document.
#[derive(Debug, Clone, Default)]
pub struct WordIndex {
    docs: Vec<Vec<Box<str>>>,
}

impl WordIndex {
    /// Indexes texts; document `i` is the `i`-th text.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> WordIndex {
        let docs = texts
            .into_iter()
            .map(|text| {
                let mut words: Vec<Box<str>> = query_words(text).into_iter().map(Into::into).collect();
                words.sort_unstable();
                words.dedup();
                words
            })
            .collect();
        WordIndex { docs }
    }

    /// Number of documents indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when no document is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// True when document `doc` contains every word of `query` (as a prefix of one of its
    /// words). An empty query matches every document.
    ///
    /// # Panics
    /// If `doc` is out of range.
    pub fn matches(&self, doc: usize, words: &[String]) -> bool {
        let vocab = &self.docs[doc];
        words.iter().all(|w| {
            let p = vocab.partition_point(|v| &**v < w.as_str());
            p < vocab.len() && vocab[p].starts_with(w.as_str())
        })
    }

    /// The documents that contain every word of `query`, in document order.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let words = query_words(query);
        (0..self.docs.len()).filter(|&d| self.matches(d, &words)).collect()
    }
}

/// The folded words of a query or text.
pub fn query_words(text: &str) -> Vec<String> {
    tokenize(text)
        .map(|t| {
            let mut s = String::new();
            fold_into(t.span.slice(text), &mut s);
            s
        })
        .collect()
}
