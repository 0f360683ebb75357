//! Full-text search: an inverted index over folded words and Indonesian stems, a small query
//! language, BM25 ranking, and snippets.
//!
//! ```
//! use sorot_engine::search::{Index, IndexBuilder, Query};
//!
//! let mut b = IndexBuilder::new("kerjasama\tkerja sama\n");
//! b.add("", "Rusia dan China bekerja sama di bidang energi.");
//! b.add("", "Kerjasama ASEAN diperkuat.");
//! b.add("", "Harga minyak dunia turun.");
//! let index = b.finish();
//! let hits = |q: &str| {
//!     let mut docs: Vec<u32> = index.search(&Query::parse(q)).into_iter().map(|h| h.doc).collect();
//!     docs.sort();
//!     docs
//! };
//! assert_eq!(hits("kerja sama"), [0, 1]);        // stems and compounds
//! assert_eq!(hits("\"bekerja sama\""), [0]);     // exact phrase
//! assert_eq!(hits("kerja -asean"), [0]);         // exclusion
//! assert_eq!(hits("minyk"), [2]);                // typo (5+ letters: one edit)
//! assert_eq!(hits("energi OR asean"), [0, 1]);   // alternatives
//! assert_eq!(hits("ene"), [0]);                  // prefix of the word being typed
//! ```
//!
//! # Query language
//! Words must all match (in any form: exactly, by stem, or for the word being typed by prefix,
//! and with one typo for words of 5+ letters, two for 9+, when the word as typed is not in the
//! corpus or is 20 times rarer than the word it may be a typo of). `"…"` is an exact phrase;
//! `-word` or `-"…"` excludes; `a OR b` accepts either. Exact forms rank above stemmed,
//! prefixed and fuzzy ones.
//!
//! # What it does not do
//! No field syntax, no wildcards, no boolean nesting beyond `OR` between neighbours.

pub mod index;
pub(crate) mod lexicon;
pub mod query;
pub mod rank;
pub mod snippet;
pub mod stem;

pub use index::{Index, IndexBuilder};
pub use query::Query;

/// A matching document and its relevance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Document number (order of addition).
    pub doc: u32,
    /// BM25 score, summed over the query's words; 0 for an empty query.
    pub score: f32,
}

/// The bundled compounds file.
pub const COMPOUNDS_TSV: &str = include_str!("../../data/compounds.tsv");
