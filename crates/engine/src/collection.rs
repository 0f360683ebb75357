//! An annotated corpus: the documents, their mentions, a search index, and the questions the
//! explorer asks of them (which documents match a query, a set of entities, an outlet and a
//! period; who is mentioned how often; which outlets and months the matches come from).
//!
//! ```
//! use sorot_engine::collection::{Collection, Request};
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
//! let r = c.search(&Request { query: "jakarta", ..Request::default() });
//! assert_eq!(r.hits.len(), 1);
//! ```
//!
//! It is built once and never changes: the explorer keeps it outside reactive state.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use crate::bundle::{self, Bundle, BundleError, Manifest, Need};
use crate::corpus::Document;
use crate::dedup;
use crate::exclusion::Overlay;
use crate::gazetteer::{EntityId, Gazetteer, Kind};
use crate::matcher::{Matcher, Mention};
use crate::period::{self, Date};
use crate::search::query::{Evaluate, Matched};
use crate::search::snippet::{self, Snippet};
use crate::search::{Hit, Index, IndexBuilder, Query};
use crate::span::Span;
use crate::text::FoldedTokens;

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

/// Result order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first (corpus order for an empty query).
    #[default]
    Relevance,
    /// Newest first; undated documents last.
    Newest,
    /// Oldest first; undated documents last.
    Oldest,
}

impl Sort {
    /// Every order, for menus.
    pub const ALL: [Sort; 3] = [Sort::Relevance, Sort::Newest, Sort::Oldest];

    /// The order's name in URLs and forms: `relevance`, `newest`, `oldest`.
    pub fn name(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }

    /// The order with this [`Sort::name`]; relevance for any other text, so that an old or
    /// mistyped link still opens.
    pub fn from_name(name: &str) -> Sort {
        Sort::ALL.into_iter().find(|s| s.name() == name).unwrap_or_default()
    }
}

/// What the explorer asks.
#[derive(Debug, Clone, Default)]
pub struct Request<'a> {
    /// Query text (see [`crate::search`]).
    pub query: &'a str,
    /// Selected entities.
    pub entities: &'a [EntityId],
    /// Any of the entities rather than all of them.
    pub any_entity: bool,
    /// Only this outlet.
    pub outlet: Option<&'a str>,
    /// Only this period: a year (`2019`), a month (`2019-09`), an ISO week (`2019-W37`) or a
    /// day (`2019-09-14`); see [`period::matches`].
    pub period: Option<&'a str>,
    /// Order of the hits.
    pub sort: Sort,
    /// One article per story: of near-duplicate copies ([`crate::dedup`]), only the first
    /// that passes the filters, in the order of the hits.
    pub unique: bool,
}

/// Counts of the current matches along each dimension.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Entities mentioned in the matches (countries first, then by documents, then mentions).
    pub entities: Vec<EntityCount>,
    /// Outlets of the matches, ignoring the outlet filter, most first.
    pub outlets: Vec<(String, u32)>,
    /// Years of the matches, ignoring the period filter, newest first.
    pub years: Vec<(String, u32)>,
    /// Months of the matches, ignoring the period filter, newest first.
    pub months: Vec<(String, u32)>,
}

/// The answer to a [`Request`]. Its facet counts are made when first asked for
/// ([`Collection::facets`]), so that showing the first results does not wait for them.
#[derive(Debug, Clone, Default)]
pub struct Response {
    /// Matching documents (positions in the collection), in the requested order: one per
    /// story when the request asked for [`Request::unique`].
    pub hits: Vec<Hit>,
    /// Matching articles, copies of a story each counted: `hits.len()` unless unique.
    pub articles: usize,
    /// The hits are one per story.
    pub unique: bool,
    /// What the query matched, for [`Collection::snippet`].
    pub matched: Matched,
    /// The documents matching the query and the entities, before the outlet and period
    /// filters, with whether each passes them: what the facets count.
    pub(crate) filtered: Vec<(u32, bool, bool)>,
    facets: OnceLock<Facets>,
    /// Files of a bundle that this answer needed and lacked: fetch them, load them and ask again.
    missing: Vec<Need>,
}

impl Response {
    /// The bundle files this answer lacked (none for a collection in memory): until they are
    /// loaded, its hits are not the real ones.
    pub fn missing(&self) -> &[Need] {
        &self.missing
    }
}

/// Documents with their mentions and a search index, in memory or in a bundle.
#[derive(Debug)]
pub struct Collection {
    ids: Vec<String>,
    /// Per document: its story, the smallest position of its near-duplicate cluster (its own
    /// position when it has no copy).
    pub(crate) stories: Vec<u32>,
    /// Per document: (entity, mentions) sorted by entity.
    pub(crate) per_doc: Vec<Vec<(EntityId, u32)>>,
    gazetteer: Arc<Gazetteer>,
    /// Facet values, interned: outlet, year, month and date of each document (`NONE` when unknown).
    pub(crate) outlets: Interned,
    years: Interned,
    months: Interned,
    pub(crate) dates: Interned,
    /// Each distinct date read as a calendar date (`None` when it is not ISO 8601), by `dates`' index.
    pub(crate) parsed_dates: Vec<Option<Date>>,
    pub(crate) store: Store,
    /// The surface forms left out of every answer, and what they change (see `exclusion`).
    pub(crate) overlay: RwLock<Overlay>,
}

/// Where texts, mentions and the index live.
#[derive(Debug)]
pub(crate) enum Store {
    /// All of it in memory.
    Memory(Memory),
    /// In a bundle's files, loaded as needed.
    Bundle(Bundle),
}

#[derive(Debug)]
pub(crate) struct Memory {
    pub(crate) docs: Vec<Document>,
    pub(crate) mentions: Vec<Vec<Mention>>,
    pub(crate) index: Index,
}

const NONE: u32 = u32::MAX;

/// Distinct strings and, per document, which one it has.
#[derive(Debug, Clone, Default)]
pub(crate) struct Interned {
    pub(crate) values: Vec<String>,
    pub(crate) of_doc: Vec<u32>,
}

impl Interned {
    fn new<'a>(per_doc: impl Iterator<Item = Option<&'a str>>) -> Interned {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut values = Vec::new();
        let of_doc = per_doc
            .map(|v| match v {
                None => NONE,
                Some(v) => *ids.entry(v).or_insert_with(|| {
                    values.push(v.to_string());
                    values.len() as u32 - 1
                }),
            })
            .collect();
        Interned { values, of_doc }
    }

    /// Each document's value.
    fn of(&self, doc: usize) -> Option<&str> {
        self.values.get(self.of_doc[doc] as usize).map(String::as_str)
    }

    /// Interned values derived from each value (`None` when `f` gives none).
    fn derived(&self, f: impl Fn(&str) -> Option<&str>) -> Interned {
        Interned::new(self.of_doc.iter().map(|&v| self.values.get(v as usize).and_then(|x| f(x))))
    }

    /// Counts per value over `docs`, as (value, count), in the given order.
    fn count(&self, docs: impl Iterator<Item = usize>, by_value_desc: bool) -> Vec<(String, u32)> {
        let mut n = vec![0u32; self.values.len()];
        for d in docs {
            if let Some(c) = n.get_mut(self.of_doc[d] as usize) {
                *c += 1;
            }
        }
        let mut v: Vec<(String, u32)> =
            n.into_iter().enumerate().filter(|&(_, c)| c > 0).map(|(i, c)| (self.values[i].clone(), c)).collect();
        if by_value_desc {
            v.sort_by(|a, b| b.0.cmp(&a.0));
        } else {
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        v
    }
}

/// Builds a [`Collection`] one document at a time (so that a large corpus can report progress).
#[derive(Debug)]
pub struct CollectionBuilder<'m> {
    matcher: &'m Matcher,
    docs: Vec<Document>,
    mentions: Vec<Vec<Mention>>,
    per_doc: Vec<Vec<(EntityId, u32)>>,
    signatures: Vec<dedup::Signature>,
    index: IndexBuilder,
}

impl<'m> CollectionBuilder<'m> {
    /// An empty builder.
    pub fn new(matcher: &'m Matcher) -> CollectionBuilder<'m> {
        CollectionBuilder {
            matcher,
            docs: Vec::new(),
            mentions: Vec::new(),
            per_doc: Vec::new(),
            signatures: Vec::new(),
            index: IndexBuilder::bundled(),
        }
    }

    /// Annotates and indexes one more document.
    pub fn add(&mut self, doc: Document) {
        let folded = FoldedTokens::new(&doc.text);
        let ms = self.matcher.find_in(&doc.text, &folded);
        let mut counts: HashMap<EntityId, u32> = HashMap::new();
        for m in &ms {
            *counts.entry(m.entity).or_default() += 1;
        }
        let mut v: Vec<_> = counts.into_iter().collect();
        v.sort_unstable();
        self.index.add_folded(doc.title.as_deref().unwrap_or(""), &folded);
        self.per_doc.push(v);
        self.signatures.push(dedup::signature(&doc.text));
        self.mentions.push(ms);
        self.docs.push(doc);
    }

    /// Documents added so far.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True before the first document.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The finished collection.
    pub fn finish(self) -> Collection {
        let outlets = Interned::new(self.docs.iter().map(|d| d.outlet.as_deref()));
        let dates = Interned::new(self.docs.iter().map(|d| d.date.as_deref()));
        let memory = Memory { mentions: self.mentions, index: self.index.finish(), docs: self.docs };
        Collection::assemble(
            memory.docs.iter().map(|d| d.id.clone()).collect(),
            dedup::clusters(&self.signatures),
            self.per_doc,
            self.matcher.shared_gazetteer(),
            outlets,
            dates,
            Store::Memory(memory),
        )
    }
}

impl Collection {
    fn assemble(
        ids: Vec<String>,
        stories: Vec<u32>,
        per_doc: Vec<Vec<(EntityId, u32)>>,
        gazetteer: Arc<Gazetteer>,
        outlets: Interned,
        dates: Interned,
        store: Store,
    ) -> Collection {
        let years = dates.derived(|x| x.get(..4));
        let months = dates.derived(|x| x.get(..7));
        let parsed_dates = dates.values.iter().map(|v| Date::parse(v)).collect();
        let overlay = RwLock::default();
        Collection { ids, stories, per_doc, gazetteer, outlets, years, months, dates, parsed_dates, store, overlay }
    }

    /// Annotates and indexes `docs`.
    pub fn new(docs: Vec<Document>, matcher: &Matcher) -> Collection {
        let mut b = CollectionBuilder::new(matcher);
        for d in docs {
            b.add(d);
        }
        b.finish()
    }

    /// Opens a bundle from its manifest and metadata file (`manifest.meta`); every other file
    /// is loaded when an answer names it in [`Response::missing`] or [`Collection::missing_texts`].
    /// The bundle holds its mentions, so only the gazetteer they refer to is needed, not a
    /// matcher (whose tables take longer to build than the metadata to read).
    pub fn from_bundle(manifest: &Manifest, meta: &[u8], gazetteer: Arc<Gazetteer>) -> Result<Collection, BundleError> {
        let (b, m) = Bundle::open(meta, &manifest.meta, gazetteer.clone())?;
        if b.len() != manifest.documents as usize {
            return Err(BundleError {
                file: bundle::MANIFEST.into(),
                message: format!("counts {} documents and its metadata {}", manifest.documents, b.len()),
            });
        }
        let outlets = Interned { values: m.outlets, of_doc: m.outlet_of };
        let dates = Interned { values: m.dates, of_doc: m.date_of };
        Ok(Collection::assemble(m.ids, m.stories, m.per_doc, gazetteer, outlets, dates, Store::Bundle(b)))
    }

    /// The gazetteer the mentions refer to.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The search index, for a collection in memory.
    pub fn index(&self) -> Option<&Index> {
        match &self.store {
            Store::Memory(m) => Some(&m.index),
            Store::Bundle(_) => None,
        }
    }

    /// True when the collection is a bundle's, whose texts and index arrive as needed.
    pub fn is_bundle(&self) -> bool {
        matches!(self.store, Store::Bundle(_))
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True for a collection of no document.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Document `doc`'s id.
    ///
    /// # Panics
    /// If `doc` is out of range (so do the other per-document methods).
    pub fn id(&self, doc: usize) -> &str {
        &self.ids[doc]
    }

    /// Document `doc`'s outlet, when known.
    pub fn outlet(&self, doc: usize) -> Option<&str> {
        self.outlets.of(doc)
    }

    /// Document `doc`'s date, when known.
    pub fn date(&self, doc: usize) -> Option<&str> {
        self.dates.of(doc)
    }

    /// Document `doc` with its text: always in memory, once its file is loaded in a bundle.
    pub fn document(&self, doc: usize) -> Option<&Document> {
        match &self.store {
            Store::Memory(m) => Some(&m.docs[doc]),
            Store::Bundle(b) => b.fragment(doc).map(|f| &f.doc),
        }
    }

    /// The mentions in document `doc` as annotated, in text order, before any exclusion (see
    /// [`Collection::document`] and [`Collection::mentions`]).
    pub fn raw_mentions(&self, doc: usize) -> Option<&[Mention]> {
        match &self.store {
            Store::Memory(m) => Some(&m.mentions[doc]),
            Store::Bundle(b) => b.fragment(doc).map(|f| f.mentions.as_slice()),
        }
    }

    /// The files holding the texts of `docs` that are not loaded (none in memory).
    pub fn missing_texts(&self, docs: impl IntoIterator<Item = usize>) -> Vec<Need> {
        match &self.store {
            Store::Memory(_) => Vec::new(),
            Store::Bundle(b) => b.missing_texts(docs.into_iter()),
        }
    }

    /// The path of a bundle's file, relative to its folder.
    ///
    /// # Panics
    /// For a collection in memory, which has no files.
    pub fn file(&self, need: Need) -> String {
        match &self.store {
            Store::Bundle(b) => b.file(need),
            Store::Memory(_) => panic!("a collection in memory has no files"),
        }
    }

    /// Loads a bundle's file; see [`Bundle::load`].
    pub fn load(&self, need: Need, bytes: &[u8]) -> Result<(), BundleError> {
        match &self.store {
            Store::Bundle(b) => {
                b.load(need, bytes)?;
                match need {
                    Need::Text(d) => self.recount(d as usize),
                    Need::Forms(e) => {
                        for &d in b.entity_forms(EntityId(e)).map_or(&[][..], |f| f.docs()) {
                            self.recount(d as usize);
                        }
                    }
                    _ => {}
                }
                Ok(())
            }
            Store::Memory(_) => Ok(()),
        }
    }

    /// A bundle's dictionary shards (none in memory); see [`Bundle::dictionary`].
    pub fn dictionary_files(&self) -> Vec<Need> {
        match &self.store {
            Store::Bundle(b) => b.dictionary(),
            Store::Memory(_) => Vec::new(),
        }
    }

    /// Every file of a bundle but its metadata (none in memory), in an order they can be loaded in.
    pub fn every_file(&self) -> Vec<Need> {
        match &self.store {
            Store::Bundle(b) => b.every_file(),
            Store::Memory(_) => Vec::new(),
        }
    }

    /// True once `need`'s file is loaded (always for a collection in memory).
    pub fn is_loaded(&self, need: Need) -> bool {
        match &self.store {
            Store::Bundle(b) => b.is_loaded(need),
            Store::Memory(_) => true,
        }
    }

    /// Entities mentioned in document `doc` with their mention counts, most mentioned first.
    pub fn doc_entities(&self, doc: usize) -> Vec<(EntityId, u32)> {
        let mut v = self.entities().of(doc).to_vec();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    /// Position of the document with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|d| d == id)
    }

    /// Documents (positions, in corpus order) that match `query` and mention every one of
    /// `entities`.
    pub fn filter(&self, query: &str, entities: &[EntityId]) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .search(&Request { query, entities, ..Request::default() })
            .hits
            .iter()
            .map(|h| h.doc as usize)
            .collect();
        v.sort_unstable();
        v
    }

    fn mentions_entities(&self, doc: usize, entities: &[EntityId], any: bool) -> bool {
        let has = |&e: &EntityId| self.mentions_entity(doc, e);
        entities.is_empty() || if any { entities.iter().any(has) } else { entities.iter().all(has) }
    }

    /// True when document `doc` mentions `entity` (from the counts: no text needed).
    pub(crate) fn mentions_entity(&self, doc: usize, entity: EntityId) -> bool {
        self.entities().of(doc).binary_search_by_key(&entity, |x| x.0).is_ok()
    }

    /// Answers a request: hits in order, facet counts, and what to highlight. Over a bundle,
    /// [`Response::missing`] lists the files the answer lacked.
    pub fn search(&self, r: &Request<'_>) -> Response {
        let q = Query::parse(r.query);
        let (found, matched, missing) = match &self.store {
            Store::Memory(m) => {
                let (found, matched) = m.index.search_matched(&q);
                (found, matched, Vec::new())
            }
            Store::Bundle(b) => {
                let probe = bundle::read::Probe::new(b);
                let (found, matched) = probe.evaluate_query(&q);
                (found, matched, probe.into_misses())
            }
        };
        let base: Vec<Hit> =
            found.into_iter().filter(|h| self.mentions_entities(h.doc as usize, r.entities, r.any_entity)).collect();
        let outlet_ok = |d: usize| r.outlet.is_none_or(|o| self.outlet(d) == Some(o));
        let period_ok = |d: usize| r.period.is_none_or(|p| self.date(d).is_some_and(|x| period::matches(p, x)));
        let mut filtered: Vec<(u32, bool, bool)> =
            base.iter().map(|h| (h.doc, outlet_ok(h.doc as usize), period_ok(h.doc as usize))).collect();
        let articles = filtered.iter().filter(|&&(_, o, p)| o && p).count();
        if r.unique {
            filtered = self.one_per_story(filtered);
        }
        let kept: std::collections::HashSet<u32> = filtered.iter().filter(|&&(_, o, p)| o && p).map(|x| x.0).collect();
        let mut hits: Vec<Hit> = base.iter().filter(|h| kept.contains(&h.doc)).copied().collect();
        let date = |h: &Hit| self.date(h.doc as usize);
        match r.sort {
            Sort::Relevance => {}
            Sort::Newest => hits.sort_by(|a, b| match (date(a), date(b)) {
                (Some(x), Some(y)) => y.cmp(x).then(a.doc.cmp(&b.doc)),
                (x, y) => y.is_some().cmp(&x.is_some()).then(a.doc.cmp(&b.doc)),
            }),
            Sort::Oldest => hits.sort_by(|a, b| match (date(a), date(b)) {
                (Some(x), Some(y)) => x.cmp(y).then(a.doc.cmp(&b.doc)),
                (x, y) => y.is_some().cmp(&x.is_some()).then(a.doc.cmp(&b.doc)),
            }),
        }
        Response { hits, articles, unique: r.unique, matched, filtered, facets: OnceLock::new(), missing }
    }

    /// Of the matches (doc, passes the outlet filter, passes the period filter), one per story:
    /// the first that passes both filters, else the first, in the place of the story's first.
    fn one_per_story(&self, filtered: Vec<(u32, bool, bool)>) -> Vec<(u32, bool, bool)> {
        let mut at: HashMap<u32, usize> = HashMap::new();
        let mut out: Vec<(u32, bool, bool)> = Vec::with_capacity(filtered.len());
        for x in filtered {
            match at.get(&self.stories[x.0 as usize]) {
                None => {
                    at.insert(self.stories[x.0 as usize], out.len());
                    out.push(x);
                }
                Some(&i) if !(out[i].1 && out[i].2) && x.1 && x.2 => out[i] = x,
                Some(_) => {}
            }
        }
        out
    }

    /// The story of document `doc`: the smallest position among its near-duplicate copies.
    pub fn story(&self, doc: usize) -> u32 {
        self.stories[doc]
    }

    /// [`Collection::search`], loading every file the answer lacks with `fetch` (given a
    /// path relative to the bundle's folder) until it lacks none: the synchronous loop, for
    /// native readers and tests. A collection in memory never calls `fetch`.
    pub fn search_with(
        &self,
        r: &Request<'_>,
        mut fetch: impl FnMut(&str) -> Result<Vec<u8>, BundleError>,
    ) -> Result<Response, BundleError> {
        loop {
            let answer = self.search(r);
            if answer.missing.is_empty() {
                return Ok(answer);
            }
            if answer.missing.iter().all(|&n| self.is_loaded(n)) {
                let message = "the reader asked again for files it had loaded".to_string();
                return Err(BundleError { file: self.file(answer.missing[0]), message });
            }
            for &need in &answer.missing {
                self.load(need, &fetch(&self.file(need))?)?;
            }
        }
    }

    /// Loads the texts of `docs` that are not loaded yet with `fetch` (see
    /// [`Collection::search_with`]).
    pub fn load_texts_with(
        &self,
        docs: impl IntoIterator<Item = usize>,
        mut fetch: impl FnMut(&str) -> Result<Vec<u8>, BundleError>,
    ) -> Result<(), BundleError> {
        for need in self.missing_texts(docs) {
            self.load(need, &fetch(&self.file(need))?)?;
        }
        Ok(())
    }

    /// The facet counts of `response` (an answer of this collection's): made on the first call,
    /// then kept with it. Outlets are counted over the matches of every outlet, periods over
    /// those of every period, entities over the matches themselves.
    pub fn facets<'a>(&self, response: &'a Response) -> &'a Facets {
        response.facets.get_or_init(|| {
            let f = &response.filtered;
            let outlets = self.outlets.count(f.iter().filter(|d| d.2).map(|d| d.0 as usize), false);
            let in_outlet = || f.iter().filter(|d| d.1).map(|d| d.0 as usize);
            let years = self.years.count(in_outlet(), true);
            let months = self.months.count(in_outlet(), true);
            // In the requested order, as the hits are: the counts do not depend on it.
            let docs: Vec<usize> = response.hits.iter().map(|h| h.doc as usize).collect();
            Facets { entities: self.entity_counts(&docs), outlets, years, months }
        })
    }

    /// Every word of document `doc` that a query matched; `None` until its text is loaded.
    pub fn hits(&self, doc: usize, matched: &Matched) -> Option<Vec<Span>> {
        match &self.store {
            Store::Memory(m) => Some(m.index.hits(doc as u32, &m.docs[doc].text, matched)),
            Store::Bundle(b) => {
                let f = b.fragment(doc)?;
                Some(snippet::hit_spans(&f.doc.text, &f.starts, &fragment_hits(f, matched)))
            }
        }
    }

    /// The snippet of document `doc` for what a query matched: its densest window of hits;
    /// `None` until its text is loaded.
    pub fn snippet(&self, doc: usize, matched: &Matched, words: usize) -> Option<Snippet> {
        match &self.store {
            Store::Memory(m) => Some(m.index.snippet(doc as u32, &m.docs[doc].text, matched, words)),
            Store::Bundle(b) => {
                let f = b.fragment(doc)?;
                Some(snippet::window(&f.doc.text, &f.starts, &fragment_hits(f, matched), words))
            }
        }
    }

    /// Mention counts over `docs`, grouped by kind (countries first), then by the number of
    /// documents mentioning each, then by mentions.
    pub fn entity_counts(&self, docs: &[usize]) -> Vec<EntityCount> {
        let mut totals: Vec<EntityCount> = (0..self.gazetteer.entities().len())
            .map(|i| EntityCount { entity: EntityId(i as u16), docs: 0, mentions: 0 })
            .collect();
        let entities = self.entities();
        for &d in docs {
            for &(entity, n) in entities.of(d) {
                let c = &mut totals[entity.0 as usize];
                c.docs += 1;
                c.mentions += n;
            }
        }
        let mut v: Vec<EntityCount> = totals.into_iter().filter(|c| c.docs > 0).collect();
        let kind = |e: EntityId| match self.gazetteer.entity(e).kind {
            Kind::Country => 0,
            Kind::Organization => 1,
        };
        v.sort_by(|a, b| {
            kind(a.entity)
                .cmp(&kind(b.entity))
                .then(b.docs.cmp(&a.docs))
                .then(b.mentions.cmp(&a.mentions))
                .then(self.gazetteer.entity(a.entity).label.cmp(&self.gazetteer.entity(b.entity).label))
        });
        v
    }
}

/// The body tokens of a bundle's document that the query matched, as (token, term).
fn fragment_hits(f: &bundle::read::Fragment, matched: &Matched) -> Vec<(u32, u32)> {
    f.terms
        .iter()
        .enumerate()
        .filter(|(_, t)| matched.hit_terms.binary_search(t).is_ok())
        .map(|(k, &t)| (k as u32, t))
        .collect()
}
