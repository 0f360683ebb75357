//! A bundle: a collection annotated and indexed once, written as static files that a page
//! fetches only as far as it needs them. The format is documented in `docs/BUNDLE.md`.
//!
//! ```
//! use sorot_engine::collection::{Collection, Request};
//! use sorot_engine::corpus::Document;
//! use sorot_engine::gazetteer::Gazetteer;
//! use sorot_engine::matcher::Matcher;
//!
//! let docs = vec![Document::new("a", "Rusia dan China di KTT SCO."), Document::new("b", "KTT ASEAN.")];
//! let built = Collection::new(docs, Matcher::bundled());
//! let files = sorot_engine::bundle::write(&built).unwrap();
//! let read = |name: &str| files.iter().find(|f| f.0 == name).unwrap().1.clone();
//!
//! let manifest = sorot_engine::bundle::Manifest::parse(&read("manifest.json")).unwrap();
//! let bundle = Collection::from_bundle(&manifest, &read(&manifest.meta), Gazetteer::bundled().clone()).unwrap();
//! // Ask, fetch what the answer says is missing, ask again.
//! let request = Request { query: "china", ..Request::default() };
//! let mut answer = bundle.search(&request);
//! while !answer.missing().is_empty() {
//!     for need in answer.missing() {
//!         bundle.load(*need, &read(&bundle.file(*need))).unwrap();
//!     }
//!     answer = bundle.search(&request);
//! }
//! assert_eq!(answer.hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [0]);
//! ```
//!
//! Term ids in a bundle are the ranks of the terms in byte order, stem ids the ranks of the
//! stems: every shard is then a contiguous range of ids, found from a table in the metadata.

mod codec;
pub(crate) mod read;
mod write;

use serde::{Deserialize, Serialize};

pub use codec::BundleError;
pub use read::{Bundle, DocsMeta, Need};
pub use write::{write, write_with, Options};

/// The version of the file layout this engine writes and reads.
pub const FORMAT_VERSION: u8 = 3;

/// The `format` field of every manifest.
pub const FORMAT_NAME: &str = "sorot-bundle";

/// The manifest's file name, in the bundle's folder.
pub const MANIFEST: &str = "manifest.json";

/// Results in the first page of an answer: the manifest names the text files of the default
/// view's first page ([`Manifest::first`]).
pub const FIRST_PAGE: usize = 20;

/// The folders of a bundle's content-hashed files, one per kind of file.
pub const FOLDERS: [&str; 7] = ["meta", "terms", "postings", "positions", "stems", "text", "forms"];

/// File kinds, the byte after the magic.
pub(crate) mod kind {
    pub(crate) const META: u8 = 1;
    pub(crate) const TERMS: u8 = 2;
    pub(crate) const POSTINGS: u8 = 3;
    pub(crate) const POSITIONS: u8 = 4;
    pub(crate) const STEMS: u8 = 5;
    pub(crate) const TEXT: u8 = 6;
    pub(crate) const FORMS: u8 = 7;
}

/// `manifest.json`: what a page reads first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// [`FORMAT_VERSION`] of the writer.
    pub version: u8,
    /// The engine data the bundle was built with ([`engine_fingerprint`]): mentions refer to
    /// the gazetteer's entities and aliases by number, and words to the stemmer's stems.
    pub engine: String,
    /// Documents in the bundle.
    pub documents: u32,
    /// The metadata file, relative to the manifest.
    pub meta: String,
    /// Bytes of every file together (the manifest aside).
    pub bytes: u64,
    /// The text files of the first [`FIRST_PAGE`] results of the default view (no query, no
    /// filter, best match first), in order: what a page shows first, which it may fetch before
    /// it has read the metadata.
    #[serde(default)]
    pub first: Vec<String>,
}

impl Manifest {
    /// Reads a manifest, checking that this engine can read the bundle.
    pub fn parse(bytes: &[u8]) -> Result<Manifest, BundleError> {
        let err = |message: String| BundleError { file: MANIFEST.into(), message };
        let m: Manifest =
            serde_json::from_slice(bytes).map_err(|e| err(format!("is not a Sorot bundle manifest ({e})")))?;
        if m.format != FORMAT_NAME {
            return Err(err(format!("has format {:?}, not {FORMAT_NAME:?}", m.format)));
        }
        if m.version != FORMAT_VERSION {
            return Err(err(format!(
                "is bundle format {}, and this Sorot reads format {FORMAT_VERSION}: rebuild the bundle with this Sorot's `sorot build`",
                m.version
            )));
        }
        if m.engine != engine_fingerprint() {
            return Err(err(
                "was built with other gazetteer or search data than this Sorot's: rebuild the bundle with this Sorot's `sorot build`"
                    .into(),
            ));
        }
        if m.meta.contains("..") || m.meta.starts_with('/') || m.meta.contains(':') {
            return Err(err(format!("names its metadata {:?}, outside the bundle", m.meta)));
        }
        if let Some(name) = m.first.iter().find(|n| !is_text_name(n)) {
            return Err(err(format!("names {name:?} as a text of the first results, which is not a text file's name")));
        }
        Ok(m)
    }
}

/// True for a text file's name: `text/`, 16 hexadecimal digits, `.bin`.
fn is_text_name(name: &str) -> bool {
    name.strip_prefix("text/")
        .and_then(|n| n.strip_suffix(".bin"))
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A hash of everything a bundle's numbers depend on: the gazetteer's data, the compounds, the
/// format version and the engine's version (for the stemmer and the tokenizer).
pub fn engine_fingerprint() -> String {
    let mut all = Vec::new();
    for part in [
        crate::gazetteer::ENTITIES_TSV,
        crate::gazetteer::ALIASES_TSV,
        crate::gazetteer::RULES_TSV,
        crate::gazetteer::CONTEXT_TSV,
        crate::search::COMPOUNDS_TSV,
        env!("CARGO_PKG_VERSION"),
    ] {
        all.extend_from_slice(part.as_bytes());
        all.push(0);
    }
    all.push(FORMAT_VERSION);
    format!("{:016x}", codec::hash(&all))
}
