//! An annotated corpus: the documents, their mentions, and the questions the explorer asks of
//! them (which documents match a query and a set of entities; who is mentioned how often).
//!
//! ```
//! use sorot_engine::collection::Collection;
//! use sorot_engine::corpus::Document;
//! use sorot_engine::matcher::Matcher;
//!
//! let docs = vec![
//!     Document::new("a", "Rusia dan China di KTT SCO."),
//!     Document::new("b", "KTT ASEAN di Jakarta."),
//! ];
//! let c = Collection::new(docs, Matcher::bundled());
//! let sco = c.gazetteer().entity_by_code("sco").unwrap();
//! assert_eq!(c.filter("ktt", &[]), [0, 1]);
//! assert_eq!(c.filter("ktt", &[sco]), [0]);
//! ```
//!
//! It is built once and never changes: the explorer keeps it outside reactive state.

use std::collections::HashMap;
use std::sync::Arc;

use crate::corpus::Document;
use crate::gazetteer::{EntityId, Gazetteer, Kind};
use crate::matcher::{Matcher, Mention};
use crate::search::{query_words, WordIndex};

/// How often one entity is mentioned in a set of documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityCount {
    /// The entity.
    pub entity: EntityId,
    /// Documents that mention it.
    pub docs: u32,
    /// Mentions in all those documents.
    pub mentions: u32,
}

/// Documents with their mentions and a word index.
#[derive(Debug, Clone)]
pub struct Collection {
    docs: Vec<Document>,
    mentions: Vec<Vec<Mention>>,
    /// Per document: (entity, mentions) sorted by entity.
    per_doc: Vec<Vec<(EntityId, u32)>>,
    words: WordIndex,
    gazetteer: Arc<Gazetteer>,
}

impl Collection {
    /// Annotates and indexes `docs`.
    pub fn new(docs: Vec<Document>, matcher: &Matcher) -> Collection {
        let mentions: Vec<Vec<Mention>> = docs.iter().map(|d| matcher.find(&d.text)).collect();
        let per_doc = mentions
            .iter()
            .map(|ms| {
                let mut counts: HashMap<EntityId, u32> = HashMap::new();
                for m in ms {
                    *counts.entry(m.entity).or_default() += 1;
                }
                let mut v: Vec<_> = counts.into_iter().collect();
                v.sort_unstable();
                v
            })
            .collect();
        let words = WordIndex::new(docs.iter().map(|d| d.text.as_str()));
        Collection { docs, mentions, per_doc, words, gazetteer: matcher.shared_gazetteer() }
    }

    /// The gazetteer the mentions refer to.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// All documents, in corpus order.
    pub fn docs(&self) -> &[Document] {
        &self.docs
    }

    /// The mentions in document `doc`, in text order.
    ///
    /// # Panics
    /// If `doc` is out of range.
    pub fn mentions(&self, doc: usize) -> &[Mention] {
        &self.mentions[doc]
    }

    /// Entities mentioned in document `doc` with their mention counts, most mentioned first.
    pub fn doc_entities(&self, doc: usize) -> Vec<(EntityId, u32)> {
        let mut v = self.per_doc[doc].clone();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    /// Position of the document with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.id == id)
    }

    /// Documents (positions, in corpus order) that contain every word of `query` and mention
    /// every one of `entities`.
    pub fn filter(&self, query: &str, entities: &[EntityId]) -> Vec<usize> {
        let words = query_words(query);
        (0..self.docs.len())
            .filter(|&d| entities.iter().all(|e| self.per_doc[d].binary_search_by_key(e, |x| x.0).is_ok()))
            .filter(|&d| self.words.matches(d, &words))
            .collect()
    }

    /// Mention counts over `docs`, grouped by kind (countries first), then most mentioned first.
    pub fn entity_counts(&self, docs: &[usize]) -> Vec<EntityCount> {
        let mut totals: HashMap<EntityId, EntityCount> = HashMap::new();
        for &d in docs {
            for &(entity, n) in &self.per_doc[d] {
                let c = totals.entry(entity).or_insert(EntityCount { entity, docs: 0, mentions: 0 });
                c.docs += 1;
                c.mentions += n;
            }
        }
        let mut v: Vec<EntityCount> = totals.into_values().collect();
        let kind = |e: EntityId| match self.gazetteer.entity(e).kind {
            Kind::Country => 0,
            Kind::Organization => 1,
        };
        v.sort_by(|a, b| {
            kind(a.entity)
                .cmp(&kind(b.entity))
                .then(b.mentions.cmp(&a.mentions))
                .then(self.gazetteer.entity(a.entity).label.cmp(&self.gazetteer.entity(b.entity).label))
        });
        v
    }
}
