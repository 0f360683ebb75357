//! Sorot's engine: documents, text normalization, the gazetteer of countries and
//! international organizations, the mention matcher, full-text search, and the annotated
//! collection that puts them together.
//!
//! It is pure Rust with no browser dependencies, so the same code runs in the explorer
//! (compiled to WebAssembly), in the `sorot` command line, and in native tests and benchmarks.
//!
//! ```
//! use sorot_engine::{annotate, corpus::Document};
//!
//! let doc = Document::new("a.txt", "Presiden AS bertemu Sekjen PBB.");
//! let found: Vec<_> = annotate(&doc).into_iter().map(|m| (m.code, m.text)).collect();
//! assert_eq!(found, [("US", "AS"), ("un", "PBB")]);
//! ```
#![deny(missing_docs)]

pub mod bundle;
pub mod collection;
pub mod concordance;
pub mod cooccurrence;
pub mod corpus;
pub mod dedup;
pub mod exclusion;
mod fx;
pub mod gazetteer;
pub mod matcher;
pub mod period;
pub mod search;
pub mod span;
pub mod text;
pub mod timeline;

use serde::Serialize;

use crate::corpus::Document;
pub(crate) use crate::fx::Fx;
use crate::gazetteer::Kind;
use crate::matcher::Matcher;

/// A mention in the shape the command line and the explorer export: everything needed to
/// explain it without the gazetteer at hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Annotation<'a> {
    /// Document id.
    pub doc: &'a str,
    /// Entity code (`RU`, `asean`).
    #[serde(rename = "entity")]
    pub code: &'a str,
    /// Country or organization.
    pub kind: Kind,
    /// The mentioned text, exactly as in the document.
    pub text: &'a str,
    /// Byte offset of the first byte, in the document's UTF-8 text.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// The gazetteer name that matched: the alias, after its government phrase if any.
    pub alias: String,
    /// Present and true when one word of `text` is a misspelling of `alias` ("Maldova").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub corrected: bool,
}

/// All mentions in a document, found with the bundled gazetteer.
pub fn annotate(doc: &Document) -> Vec<Annotation<'_>> {
    annotate_with(Matcher::bundled(), doc)
}

/// All mentions in a document, found with `matcher`.
pub fn annotate_with<'a>(matcher: &'a Matcher, doc: &'a Document) -> Vec<Annotation<'a>> {
    let g = matcher.gazetteer();
    matcher
        .find(&doc.text)
        .into_iter()
        .map(|m| {
            let e = g.entity(m.entity);
            Annotation {
                doc: &doc.id,
                code: &e.code,
                kind: e.kind,
                text: m.span.slice(&doc.text),
                start: m.span.start,
                end: m.span.end,
                alias: m.explanation(g),
                corrected: m.corrected,
            }
        })
        .collect()
}
