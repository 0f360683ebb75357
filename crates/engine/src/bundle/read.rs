//! Reading a bundle: the metadata at once, every other file when a question needs it.
//!
//! Nothing here fetches: a [`Probe`] answers the query evaluation's questions from the shards
//! loaded so far and notes each one it lacked ([`Need`]); the caller fetches those files,
//! [`Bundle::load`]s them and asks again, until nothing is missing.

use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use super::codec::{hash, BundleError, Dec, Words};
use super::write::file_name;
use super::{kind, FORMAT_VERSION};
use crate::corpus::Document;
use crate::exclusion::form_of;
use crate::gazetteer::{AliasId, EntityId, Gazetteer, GovernmentId};
use crate::matcher::Mention;
use crate::search::index::Postings;
use crate::search::lexicon::{Lexicon, MAX_COMPLETIONS};
use crate::search::rank;
use crate::search::stem::stem;
use crate::span::Span;
use crate::text::tokenize;

/// A file of a bundle that an answer needs and that is not loaded yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Need {
    /// A dictionary shard.
    Terms(u32),
    /// A shard of term postings.
    Postings(u32),
    /// The positions of a shard of term postings (for phrases).
    Positions(u32),
    /// A shard of stems and their postings.
    Stems(u32),
    /// A document's text, mentions and tokens.
    Text(u32),
    /// An entity's forms: how its mentions are written, how often in each document (by entity id).
    Forms(u16),
}

/// What the metadata tells of each document, for the collection.
#[derive(Debug, Default)]
pub struct DocsMeta {
    /// Document ids, in corpus order.
    pub ids: Vec<String>,
    /// Distinct outlets.
    pub outlets: Vec<String>,
    /// Each document's outlet, as an index of `outlets`; `u32::MAX` when unknown.
    pub outlet_of: Vec<u32>,
    /// Distinct dates.
    pub dates: Vec<String>,
    /// Each document's date, as an index of `dates`; `u32::MAX` when unknown.
    pub date_of: Vec<u32>,
    /// Each document's entities with their mention counts, by entity.
    pub per_doc: Vec<Vec<(EntityId, u32)>>,
    /// Each document's story: the position of the first of its near-duplicate copies.
    pub stories: Vec<u32>,
}

/// Shards of one kind: each holds a contiguous range of ids.
#[derive(Debug)]
struct Shards<T> {
    /// Where each shard's ids start, then the number of ids.
    starts: Vec<u32>,
    /// Each shard's first text (dictionaries only).
    texts: Vec<Box<str>>,
    /// Each shard's content hash, which names its file (see [`Bundle::file`]).
    hashes: Vec<u64>,
    loaded: Vec<OnceLock<T>>,
}

impl<T> Shards<T> {
    fn decode(d: &mut Dec<'_>, dir: &str, total: u32, texts: bool) -> Result<Shards<T>, BundleError> {
        let n = d.count()?;
        let mut s = Shards { starts: vec![0], texts: Vec::new(), hashes: Vec::new(), loaded: Vec::new() };
        let mut at = 0u32;
        for _ in 0..n {
            let count = d.u32()?;
            at = at
                .checked_add(count)
                .filter(|&a| a <= total)
                .ok_or_else(|| d.error(&format!("{dir}: shards hold more than {total}")))?;
            s.starts.push(at);
            if texts {
                s.texts.push(d.str()?.into());
            }
            s.hashes.push(d.u64_le()?);
            s.loaded.push(OnceLock::new());
        }
        if at != total || (texts && !s.texts.is_sorted()) {
            return Err(d.error(&format!("{dir}: the shards do not cover the {total} ids in order")));
        }
        Ok(s)
    }

    /// The shard holding id `id`.
    fn of_id(&self, id: u32) -> usize {
        self.starts.partition_point(|&s| s <= id).saturating_sub(1).min(self.hashes.len().saturating_sub(1))
    }

    /// The shard whose range of texts holds `text`; `None` before the first.
    fn of_text(&self, text: &str) -> Option<usize> {
        self.texts.partition_point(|t| &**t <= text).checked_sub(1)
    }

    fn get(&self, i: usize) -> Option<&T> {
        self.loaded.get(i).and_then(OnceLock::get)
    }

    /// The loaded shard holding id `id` and the id's place in it, or the shard's number when
    /// it is not loaded.
    fn by_id(&self, id: u32) -> Result<(&T, usize), u32> {
        let i = self.of_id(id);
        self.get(i).map(|s| (s, (id - self.starts[i]) as usize)).ok_or(i as u32)
    }

    fn range(&self, i: usize) -> (u32, u32) {
        (self.starts[i], self.starts[i + 1])
    }
}

#[derive(Debug)]
struct TermShard {
    texts: Words,
    dfs: Vec<u32>,
    /// First char and length in chars.
    shapes: Vec<(char, u32)>,
    stems_at: Vec<u32>,
    stems: Vec<u32>,
}

#[derive(Debug, Default)]
struct DocList {
    /// Per id: `docs[at[i]..at[i + 1]]`.
    at: Vec<u32>,
    docs: Vec<u32>,
    tfs: Vec<u16>,
}

impl DocList {
    fn decode_one(&mut self, d: &mut Dec<'_>, n_docs: usize) -> Result<(), BundleError> {
        if self.at.is_empty() {
            self.at.push(0);
        }
        let n = d.count()?;
        let mut last: Option<u32> = None;
        for _ in 0..n {
            let gap = d.u32()?;
            let doc = match last {
                None => gap,
                Some(l) if gap > 0 => l.checked_add(gap).ok_or_else(|| d.error("holds a document past the last"))?,
                Some(_) => return Err(d.error("lists a document twice")),
            };
            if doc as usize >= n_docs {
                return Err(d.error(&format!("names document {doc} of {n_docs}")));
            }
            let tf = d.u32()?;
            self.docs.push(doc);
            self.tfs.push(u16::try_from(tf).map_err(|_| d.error("holds a frequency past 65535"))?);
            last = Some(doc);
        }
        self.at.push(self.docs.len() as u32);
        Ok(())
    }

    fn postings(&self, k: usize) -> Postings<'_> {
        let (a, b) = (self.at[k] as usize, self.at[k + 1] as usize);
        Postings { docs: &self.docs[a..b], tfs: &self.tfs[a..b], ..Postings::default() }
    }
}

#[derive(Debug)]
struct PositionsShard {
    /// Per posting of the shard: `positions[pos_at[p]..pos_at[p + 1]]`.
    pos_at: Vec<u32>,
    positions: Vec<u32>,
}

#[derive(Debug)]
struct StemShard {
    texts: Words,
    terms_at: Vec<u32>,
    terms: Vec<u32>,
    postings: DocList,
}

/// An entity's forms file: each way its mentions are written and, per document mentioning it,
/// how often each.
#[derive(Debug)]
pub(crate) struct EntityForms {
    /// Each spelling: a mention's text with its spaces squeezed ([`crate::exclusion::written`]).
    pub(crate) spellings: Vec<String>,
    /// The form of each spelling ([`form_of`]).
    pub(crate) forms: Vec<String>,
    /// The documents mentioning the entity, increasing.
    docs: Vec<u32>,
    /// Per document: `ways[at[k]..at[k + 1]]`.
    at: Vec<u32>,
    /// (spelling, mentions), in the order first met in the document.
    ways: Vec<(u32, u32)>,
}

impl EntityForms {
    /// Document `doc`'s spellings of the entity with their mentions, in the order first met in
    /// it; none when it does not mention the entity.
    pub(crate) fn of(&self, doc: usize) -> &[(u32, u32)] {
        match self.docs.binary_search(&(doc as u32)) {
            Ok(k) => &self.ways[self.at[k] as usize..self.at[k + 1] as usize],
            Err(_) => &[],
        }
    }

    /// The documents mentioning the entity, increasing.
    pub(crate) fn docs(&self) -> &[u32] {
        &self.docs
    }
}

/// A document as its text file holds it.
#[derive(Debug)]
pub(crate) struct Fragment {
    pub(crate) doc: Document,
    pub(crate) mentions: Vec<Mention>,
    /// Where each body token starts.
    pub(crate) starts: Vec<u32>,
    /// The term of each body token.
    pub(crate) terms: Vec<u32>,
}

/// Errors unless `bytes` hash to what the file's name says (`dir/<16 hex digits>.bin`).
fn check_hash(name: &str, bytes: &[u8]) -> Result<(), BundleError> {
    let named =
        name.rsplit('/').next().and_then(|f| f.strip_suffix(".bin")).and_then(|h| u64::from_str_radix(h, 16).ok());
    if named == Some(hash(bytes)) {
        return Ok(());
    }
    Err(damaged(name.into()))
}

/// The error for a file whose content does not hash to its name.
fn damaged(file: String) -> BundleError {
    let message = "does not hold what its name says (damaged, cut short, or from another build of the bundle)".into();
    BundleError { file, message }
}

/// Keeps the first value loaded.
fn set<T>(lock: &OnceLock<T>, v: T) {
    let _ = lock.set(v);
}

/// An entity's forms file in the metadata's table.
#[derive(Debug)]
struct FormsFile {
    entity: u16,
    hash: u64,
    docs: u32,
    mentions: u64,
    loaded: OnceLock<EntityForms>,
}

/// An opened bundle: the metadata, and every other file as far as it is loaded.
#[derive(Debug)]
pub struct Bundle {
    gazetteer: Arc<Gazetteer>,
    docs: usize,
    norm: Vec<f32>,
    n_terms: u32,
    n_stems: u32,
    terms: Shards<TermShard>,
    postings: Shards<DocList>,
    /// The hash of each positions file.
    positions: Vec<(u64, OnceLock<PositionsShard>)>,
    stems: Shards<StemShard>,
    /// The hash of each document's text file.
    texts: Vec<(u64, OnceLock<Fragment>)>,
    /// Per entity mentioned, by id: its id, the hash of its forms file, the file once loaded,
    /// and what the metadata says of it (documents, mentions), which the file must agree with.
    forms: Vec<FormsFile>,
    /// Outlet and date of each document (values and, per document, which), for rebuilding its
    /// `Document`.
    outlets: (Vec<String>, Vec<u32>),
    dates: (Vec<String>, Vec<u32>),
}

impl Bundle {
    /// Reads the metadata file `name`.
    pub fn open(bytes: &[u8], name: &str, gazetteer: Arc<Gazetteer>) -> Result<(Bundle, DocsMeta), BundleError> {
        check_hash(name, bytes)?;
        let mut d = Dec::new(bytes, name, kind::META, FORMAT_VERSION)?;
        let docs = d.count()?;
        let avg_len = f32::from_bits(d.u32()?);
        let n_terms = d.u32()?;
        let n_stems = d.u32()?;
        let mut meta = DocsMeta::default();
        for _ in 0..d.count()? {
            meta.outlets.push(d.str()?.to_string());
        }
        for _ in 0..d.count()? {
            meta.dates.push(d.str()?.to_string());
        }
        let value = |d: &mut Dec<'_>, of: usize| -> Result<u32, BundleError> {
            match d.u32()? {
                0 => Ok(u32::MAX),
                v if (v as usize) <= of => Ok(v - 1),
                v => Err(d.error(&format!("names value {v} of {of}"))),
            }
        };
        let entities = gazetteer.entities().len();
        let mut doc_len = Vec::with_capacity(docs);
        let mut prev = String::new();
        for _ in 0..docs {
            let id = d.front(&prev)?;
            meta.outlet_of.push(value(&mut d, meta.outlets.len())?);
            meta.date_of.push(value(&mut d, meta.dates.len())?);
            doc_len.push(d.u32()?);
            let mut es = Vec::new();
            let mut last = 0u32;
            for k in 0..d.count()? {
                let e = last + d.u32()?;
                if e as usize >= entities || (k > 0 && e == last) {
                    return Err(d.error(&format!("names entity {e} of {entities}")));
                }
                es.push((EntityId(e as u16), d.u32()?));
                last = e;
            }
            meta.per_doc.push(es);
            let back = d.u32()?;
            let at = meta.ids.len() as u32;
            // A story starts at a document before (or at) this one, which is its own story.
            match at.checked_sub(back) {
                Some(first) if meta.stories.get(first as usize).is_none_or(|&s| s == first) => meta.stories.push(first),
                _ => return Err(d.error(&format!("gives document {at} the story of a document {back} back"))),
            }
            meta.ids.push(id.clone());
            prev = id;
        }
        let terms = Shards::decode(&mut d, "terms", n_terms, true)?;
        let postings = Shards::decode(&mut d, "postings", n_terms, true)?;
        let mut positions = Vec::with_capacity(postings.hashes.len());
        for _ in 0..postings.hashes.len() {
            positions.push((d.u64_le()?, OnceLock::new()));
        }
        let stems = Shards::decode(&mut d, "stems", n_stems, true)?;
        let mut texts = Vec::with_capacity(docs);
        for _ in 0..docs {
            texts.push((d.u64_le()?, OnceLock::new()));
        }
        // What the metadata says of each entity, for checking its forms file.
        let mut said = vec![(0u32, 0u64); entities];
        for es in &meta.per_doc {
            for &(e, n) in es {
                said[e.0 as usize].0 += 1;
                said[e.0 as usize].1 += u64::from(n);
            }
        }
        let mut forms: Vec<FormsFile> = Vec::new();
        let mut last = 0u32;
        for k in 0..d.count()? {
            let e = last.checked_add(d.u32()?).filter(|&e| (e as usize) < entities && (k == 0 || e > last));
            let e = e.ok_or_else(|| d.error("lists the forms of an entity out of order, or of none"))?;
            let (docs, mentions) = said[e as usize];
            forms.push(FormsFile { entity: e as u16, hash: d.u64_le()?, docs, mentions, loaded: OnceLock::new() });
            last = e;
        }
        // Every entity mentioned has one (`forms` is in entity order).
        let listed = |e: usize| forms.binary_search_by_key(&(e as u16), |f| f.entity).is_ok();
        if let Some(e) = (0..entities).find(|&e| said[e].0 > 0 && !listed(e)) {
            return Err(d.error(&format!("lists no forms file for entity {e}, which it says is mentioned")));
        }
        d.end()?;
        let avg = avg_len.max(1.0);
        let norm = doc_len.iter().map(|&l| rank::norm(l, avg)).collect();
        let bundle = Bundle {
            gazetteer,
            docs,
            norm,
            n_terms,
            n_stems,
            terms,
            postings,
            positions,
            stems,
            texts,
            forms,
            outlets: (meta.outlets.clone(), meta.outlet_of.clone()),
            dates: (meta.dates.clone(), meta.date_of.clone()),
        };
        Ok((bundle, meta))
    }

    /// The path of a needed file, relative to the bundle's folder.
    pub fn file(&self, need: Need) -> String {
        let (dir, h) = self.hashed(need);
        file_name(dir, h)
    }

    /// The folder of `need`'s file and the hash of its content, which names it.
    fn hashed(&self, need: Need) -> (&'static str, u64) {
        match need {
            Need::Terms(i) => ("terms", self.terms.hashes[i as usize]),
            Need::Postings(i) => ("postings", self.postings.hashes[i as usize]),
            Need::Positions(i) => ("positions", self.positions[i as usize].0),
            Need::Stems(i) => ("stems", self.stems.hashes[i as usize]),
            Need::Text(i) => ("text", self.texts[i as usize].0),
            Need::Forms(e) => ("forms", self.forms_file(EntityId(e)).map_or(0, |f| f.hash)),
        }
    }

    /// True once `need`'s file is loaded.
    pub fn is_loaded(&self, need: Need) -> bool {
        match need {
            Need::Terms(i) => self.terms.get(i as usize).is_some(),
            Need::Postings(i) => self.postings.get(i as usize).is_some(),
            Need::Positions(i) => self.positions.get(i as usize).is_some_and(|p| p.1.get().is_some()),
            Need::Stems(i) => self.stems.get(i as usize).is_some(),
            Need::Text(i) => self.texts.get(i as usize).is_some_and(|t| t.1.get().is_some()),
            Need::Forms(e) => self.forms_file(EntityId(e)).is_some_and(|f| f.loaded.get().is_some()),
        }
    }

    /// Reads the file of `need`, checking every number in it; loading a file twice keeps the first.
    pub fn load(&self, need: Need, bytes: &[u8]) -> Result<(), BundleError> {
        let name = self.file(need);
        if hash(bytes) != self.hashed(need).1 {
            return Err(damaged(name));
        }
        match need {
            Need::Terms(i) => set(&self.terms.loaded[i as usize], self.decode_terms(i as usize, bytes, &name)?),
            Need::Postings(i) => {
                let (a, b) = self.postings.range(i as usize);
                let mut d = Dec::new(bytes, &name, kind::POSTINGS, FORMAT_VERSION)?;
                let mut list = DocList::default();
                for _ in a..b {
                    list.decode_one(&mut d, self.docs)?;
                }
                d.end()?;
                set(&self.postings.loaded[i as usize], list);
            }
            Need::Positions(i) => {
                let Some(list) = self.postings.get(i as usize) else {
                    return Err(BundleError { file: name, message: "was read before its postings".into() });
                };
                let mut d = Dec::new(bytes, &name, kind::POSITIONS, FORMAT_VERSION)?;
                let mut shard = PositionsShard { pos_at: vec![0], positions: Vec::new() };
                for _ in 0..list.docs.len() {
                    let n = d.count()?;
                    let mut last = 0u32;
                    for k in 0..n {
                        let gap = d.u32()?;
                        let p = last.checked_add(gap).filter(|&p| k == 0 || p > last);
                        let p = p.ok_or_else(|| d.error("holds positions out of order"))?;
                        shard.positions.push(p);
                        last = p;
                    }
                    shard.pos_at.push(shard.positions.len() as u32);
                }
                d.end()?;
                set(&self.positions[i as usize].1, shard);
            }
            Need::Stems(i) => set(&self.stems.loaded[i as usize], self.decode_stems(i as usize, bytes, &name)?),
            Need::Text(i) => set(&self.texts[i as usize].1, self.decode_text(i as usize, bytes, &name)?),
            Need::Forms(e) => {
                let Some(f) = self.forms_file(EntityId(e)) else {
                    return Err(BundleError {
                        file: name,
                        message: format!("is the forms file of entity {e}, which has none"),
                    });
                };
                set(&f.loaded, decode_forms(f, self.docs, bytes, &name)?);
            }
        }
        Ok(())
    }

    fn forms_file(&self, e: EntityId) -> Option<&FormsFile> {
        self.forms.binary_search_by_key(&e.0, |f| f.entity).ok().map(|k| &self.forms[k])
    }

    /// Entity `e`'s forms, once loaded.
    pub(crate) fn entity_forms(&self, e: EntityId) -> Option<&EntityForms> {
        self.forms_file(e).and_then(|f| f.loaded.get())
    }

    /// The file of entity `e`'s forms when it is not loaded (none for an entity never mentioned).
    pub(crate) fn missing_forms(&self, e: EntityId) -> Option<Need> {
        self.forms_file(e).filter(|f| f.loaded.get().is_none()).map(|_| Need::Forms(e.0))
    }

    fn decode_terms(&self, i: usize, bytes: &[u8], name: &str) -> Result<TermShard, BundleError> {
        let (a, b) = self.terms.range(i);
        let mut d = Dec::new(bytes, name, kind::TERMS, FORMAT_VERSION)?;
        let n = (b - a) as usize;
        let mut s = TermShard {
            texts: Words::default(),
            dfs: Vec::with_capacity(n),
            shapes: Vec::with_capacity(n),
            stems_at: vec![0],
            stems: Vec::new(),
        };
        for k in 0..n {
            d.front_into(&mut s.texts)?;
            let text = s.texts.get(k);
            if (k == 0 && *text != *self.terms.texts[i]) || (k > 0 && text <= s.texts.get(k - 1)) {
                return Err(d.error("holds words out of order"));
            }
            s.dfs.push(d.u32()?);
            s.shapes.push((text.chars().next().unwrap_or('\0'), text.chars().count() as u32));
            for _ in 0..d.count()? {
                let st = d.u32()?;
                if st >= self.n_stems {
                    return Err(d.error(&format!("names stem {st} of {}", self.n_stems)));
                }
                s.stems.push(st);
            }
            s.stems_at.push(s.stems.len() as u32);
        }
        d.end()?;
        Ok(s)
    }

    fn decode_stems(&self, i: usize, bytes: &[u8], name: &str) -> Result<StemShard, BundleError> {
        let (a, b) = self.stems.range(i);
        let mut d = Dec::new(bytes, name, kind::STEMS, FORMAT_VERSION)?;
        let mut s =
            StemShard { texts: Words::default(), terms_at: vec![0], terms: Vec::new(), postings: DocList::default() };
        for k in 0..(b - a) as usize {
            d.front_into(&mut s.texts)?;
            let text = s.texts.get(k);
            if (k == 0 && *text != *self.stems.texts[i]) || (k > 0 && text <= s.texts.get(k - 1)) {
                return Err(d.error("holds stems out of order"));
            }
            let mut last = 0u32;
            for _ in 0..d.count()? {
                let t = last.checked_add(d.u32()?).filter(|&t| t < self.n_terms);
                let t = t.ok_or_else(|| d.error("names a word past the last"))?;
                s.terms.push(t);
                last = t;
            }
            s.terms_at.push(s.terms.len() as u32);
            s.postings.decode_one(&mut d, self.docs)?;
        }
        d.end()?;
        Ok(s)
    }

    fn decode_text(&self, i: usize, bytes: &[u8], name: &str) -> Result<Fragment, BundleError> {
        let mut d = Dec::new(bytes, name, kind::TEXT, FORMAT_VERSION)?;
        let id = d.str()?.to_string();
        let title = d.opt_str()?.map(str::to_string);
        let url = d.opt_str()?.map(str::to_string);
        let text = d.str()?.to_string();
        let g = &self.gazetteer;
        let mut mentions = Vec::new();
        let mut last = 0u32;
        for _ in 0..d.count()? {
            let entity = d.u32()?;
            let start = last.checked_add(d.u32()?).ok_or_else(|| d.error("holds a mention past the text"))?;
            let end = start.checked_add(d.u32()?).ok_or_else(|| d.error("holds a mention past the text"))?;
            let alias = d.u32()?;
            let government = d.u32()?;
            let corrected = d.u32()?;
            let inside = (end as usize) <= text.len()
                && text.is_char_boundary(start as usize)
                && text.is_char_boundary(end as usize);
            if !inside
                || entity as usize >= g.entities().len()
                || alias as usize >= g.aliases().len()
                || government as usize > g.government_phrases().len()
                || corrected > 1
            {
                return Err(d.error("holds a mention that this text or gazetteer does not have"));
            }
            mentions.push(Mention {
                entity: EntityId(entity as u16),
                span: Span::new(start as usize, end as usize),
                alias: AliasId(alias),
                government: government.checked_sub(1).map(|g| GovernmentId(g as u16)),
                corrected: corrected == 1,
            });
            last = start;
        }
        let n = d.count()?;
        let mut terms = Vec::with_capacity(n);
        for _ in 0..n {
            let t = d.u32()?;
            if t >= self.n_terms {
                return Err(d.error("names a word past the last"));
            }
            terms.push(t);
        }
        d.end()?;
        let starts: Vec<u32> = tokenize(&text).map(|t| t.span.start).collect();
        if starts.len() != terms.len() {
            return Err(d.error(&format!("has {} words for a text of {}", terms.len(), starts.len())));
        }
        let pick = |(values, of): &(Vec<String>, Vec<u32>)| values.get(of[i] as usize).cloned();
        let doc = Document { id, title, outlet: pick(&self.outlets), date: pick(&self.dates), url, text };
        Ok(Fragment { doc, mentions, starts, terms })
    }

    /// Document `d`'s text file, once loaded.
    pub(crate) fn fragment(&self, d: usize) -> Option<&Fragment> {
        self.texts.get(d).and_then(|t| t.1.get())
    }

    /// The files of the texts of `docs` that are not loaded.
    pub(crate) fn missing_texts(&self, docs: impl Iterator<Item = usize>) -> Vec<Need> {
        docs.filter(|&d| self.fragment(d).is_none()).map(|d| Need::Text(d as u32)).collect()
    }

    /// The dictionary's shards: with them, a query's words, completions and typo candidates
    /// are known at once, and its postings and stems come in one round.
    pub fn dictionary(&self) -> Vec<Need> {
        (0..self.terms.hashes.len() as u32).map(Need::Terms).collect()
    }

    /// Every file but the metadata, each postings shard before its positions.
    pub fn every_file(&self) -> Vec<Need> {
        let n = |k: usize| 0..k as u32;
        let mut v: Vec<Need> = n(self.terms.hashes.len()).map(Need::Terms).collect();
        v.extend(n(self.postings.hashes.len()).map(Need::Postings));
        v.extend(n(self.positions.len()).map(Need::Positions));
        v.extend(n(self.stems.hashes.len()).map(Need::Stems));
        v.extend(n(self.texts.len()).map(Need::Text));
        v.extend(self.forms.iter().map(|f| Need::Forms(f.entity)));
        v
    }

    /// Documents in the bundle.
    pub fn len(&self) -> usize {
        self.docs
    }

    /// True for a bundle of no document.
    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }
}

/// Reads entity `f`'s forms file, checking it against the metadata (the same documents, as
/// many mentions).
fn decode_forms(f: &FormsFile, n_docs: usize, bytes: &[u8], name: &str) -> Result<EntityForms, BundleError> {
    let mut d = Dec::new(bytes, name, kind::FORMS, FORMAT_VERSION)?;
    if d.u32()? != u32::from(f.entity) {
        return Err(d.error(&format!("is not the forms file of entity {}", f.entity)));
    }
    let mut spellings = Vec::new();
    for _ in 0..d.count()? {
        spellings.push(d.str()?.to_string());
    }
    let n = d.count()?;
    let mut e =
        EntityForms { forms: Vec::new(), docs: Vec::with_capacity(n), at: vec![0], ways: Vec::new(), spellings };
    let mut mentions = 0u64;
    let mut last = 0u32;
    for k in 0..n {
        let doc = last.checked_add(d.u32()?).filter(|&doc| (doc as usize) < n_docs && (k == 0 || doc > last));
        e.docs.push(doc.ok_or_else(|| d.error("lists documents out of order or past the last"))?);
        last = e.docs[k];
        let ways = d.count()?;
        if ways == 0 {
            return Err(d.error("lists a document with no mention"));
        }
        for _ in 0..ways {
            let s = d.u32()?;
            let m = d.u32()?;
            if s as usize >= e.spellings.len() || m == 0 {
                return Err(d.error("holds a spelling it does not have, or none of its mentions"));
            }
            mentions += u64::from(m);
            e.ways.push((s, m));
        }
        e.at.push(e.ways.len() as u32);
    }
    d.end()?;
    if e.docs.len() != f.docs as usize || mentions != f.mentions {
        return Err(d.error(&format!(
            "counts {mentions} mentions in {} documents, where the metadata counts {} in {}",
            e.docs.len(),
            f.mentions,
            f.docs
        )));
    }
    e.forms = e.spellings.iter().map(|s| form_of(s)).collect();
    Ok(e)
}

/// The bundle as a [`Lexicon`] for one evaluation: it answers from what is loaded and notes
/// what is not.
pub(crate) struct Probe<'a> {
    pub(crate) bundle: &'a Bundle,
    pub(crate) misses: RefCell<Vec<Need>>,
}

impl<'a> Probe<'a> {
    pub(crate) fn new(bundle: &'a Bundle) -> Probe<'a> {
        Probe { bundle, misses: RefCell::new(Vec::new()) }
    }

    fn miss(&self, need: Need) {
        self.misses.borrow_mut().push(need);
    }

    /// The needs noted, each once.
    pub(crate) fn into_misses(self) -> Vec<Need> {
        let mut v = self.misses.into_inner();
        v.sort_unstable();
        v.dedup();
        v
    }

    fn term_shard(&self, t: u32) -> Option<(&'a TermShard, usize)> {
        self.bundle.terms.by_id(t).map_err(|i| self.miss(Need::Terms(i))).ok()
    }

    fn stem_shard(&self, s: u32) -> Option<(&'a StemShard, usize)> {
        self.bundle.stems.by_id(s).map_err(|i| self.miss(Need::Stems(i))).ok()
    }

    fn stem_id(&self, text: &str) -> Option<u32> {
        let b = self.bundle;
        let i = b.stems.of_text(text)?;
        let Some(s) = b.stems.get(i) else {
            self.miss(Need::Stems(i as u32));
            return None;
        };
        s.texts.find(text).map(|k| b.stems.starts[i] + k as u32)
    }
}

impl Lexicon for Probe<'_> {
    fn doc_count(&self) -> usize {
        self.bundle.docs
    }

    fn term(&self, folded: &str) -> Option<u32> {
        let b = self.bundle;
        let i = b.terms.of_text(folded)?;
        let Some(s) = b.terms.get(i) else {
            self.miss(Need::Terms(i as u32));
            // Its postings, should the word be there, come from the shard of its text: asked for
            // now, they arrive with the dictionary instead of a round trip later.
            if let Some(p) = b.postings.of_text(folded).filter(|&p| b.postings.get(p).is_none()) {
                self.miss(Need::Postings(p as u32));
            }
            return None;
        };
        s.texts.find(folded).map(|k| b.terms.starts[i] + k as u32)
    }

    fn stems_of(&self, folded: &str) -> Vec<u32> {
        if let Some(t) = self.term(folded) {
            return match self.term_shard(t) {
                Some((s, k)) => s.stems[s.stems_at[k] as usize..s.stems_at[k + 1] as usize].to_vec(),
                None => Vec::new(),
            };
        }
        self.stem_id(&stem(folded)).into_iter().collect()
    }

    fn term_text(&self, t: u32) -> &str {
        self.term_shard(t).map_or("", |(s, k)| s.texts.get(k))
    }

    fn term_df(&self, t: u32) -> u32 {
        self.term_shard(t).map_or(0, |(s, k)| s.dfs[k])
    }

    fn stem_terms(&self, s: u32, out: &mut Vec<u32>) {
        if let Some((sh, k)) = self.stem_shard(s) {
            out.extend_from_slice(&sh.terms[sh.terms_at[k] as usize..sh.terms_at[k + 1] as usize]);
        }
    }

    fn term_postings(&self, t: u32, positions: bool) -> Postings<'_> {
        let b = self.bundle;
        let (list, k) = match b.postings.by_id(t) {
            Ok(found) => found,
            Err(i) => {
                self.miss(Need::Postings(i));
                // A phrase's positions come with its postings, not a round later.
                if positions && b.positions[i as usize].1.get().is_none() {
                    self.miss(Need::Positions(i));
                }
                return Postings::default();
            }
        };
        let i = b.postings.of_id(t);
        let mut p = list.postings(k);
        if positions {
            match b.positions[i].1.get() {
                Some(pos) => {
                    let (a, z) = (list.at[k] as usize, list.at[k + 1] as usize);
                    p.pos_at = &pos.pos_at[a..=z];
                    p.positions = &pos.positions;
                }
                None => self.miss(Need::Positions(i as u32)),
            }
        }
        p
    }

    fn stem_postings(&self, s: u32) -> Postings<'_> {
        match self.stem_shard(s) {
            Some((sh, k)) => sh.postings.postings(k),
            None => Postings::default(),
        }
    }

    fn completions(&self, prefix: &str, out: &mut Vec<u32>) {
        let b = self.bundle;
        let mut i = b.terms.of_text(prefix).unwrap_or(0);
        let mut seen = 0;
        while i < b.terms.hashes.len() && seen < MAX_COMPLETIONS {
            match b.terms.get(i) {
                Some(s) => {
                    let from = s.texts.before(prefix);
                    for (k, t) in s.texts.iter().enumerate().skip(from) {
                        if !t.starts_with(prefix) || seen == MAX_COMPLETIONS {
                            return;
                        }
                        out.push(b.terms.starts[i] + k as u32);
                        seen += 1;
                    }
                }
                None => {
                    self.miss(Need::Terms(i as u32));
                    // At most this many of its words can be completions; ask again once it is here.
                    let (a, z) = b.terms.range(i);
                    seen += (z - a) as usize;
                }
            }
            i += 1;
            if b.terms.texts.get(i).is_none_or(|t| !t.starts_with(prefix)) {
                return;
            }
        }
    }

    fn terms_of_shape(&self, first: char, chars: u32, out: &mut Vec<u32>) {
        let b = self.bundle;
        let mut buf = [0u8; 4];
        let lo = first.encode_utf8(&mut buf).to_string();
        let mut i = b.terms.of_text(&lo).unwrap_or(0);
        while i < b.terms.hashes.len() {
            if i > 0 && b.terms.texts[i].chars().next().is_some_and(|c| c > first) {
                return;
            }
            match b.terms.get(i) {
                Some(s) => {
                    for (k, &shape) in s.shapes.iter().enumerate() {
                        if shape == (first, chars) {
                            out.push(b.terms.starts[i] + k as u32);
                        }
                    }
                }
                None => self.miss(Need::Terms(i as u32)),
            }
            i += 1;
        }
    }

    fn norm(&self, doc: u32) -> f32 {
        self.bundle.norm[doc as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::Collection;
    use crate::matcher::Matcher;

    #[test]
    fn a_forms_file_that_disagrees_with_the_metadata_is_an_error() {
        let docs = vec![Document::new("a", "Rusia dan Rusia."), Document::new("b", "Presiden Rusia.")];
        let c = Collection::new(docs, Matcher::bundled());
        let ru = c.gazetteer().entity_by_code("RU").unwrap();
        let files = crate::bundle::write(&c).unwrap();
        let forms: Vec<&(String, Vec<u8>)> = files.iter().filter(|(n, _)| n.starts_with("forms/")).collect();
        let [(name, bytes)] = forms[..] else { panic!("one forms file, Russia's: {forms:?}") };
        let file =
            |docs, mentions| FormsFile { entity: ru.0, hash: hash(bytes), docs, mentions, loaded: OnceLock::new() };
        let read = decode_forms(&file(2, 3), 2, bytes, name).unwrap();
        assert_eq!(
            (read.spellings.as_slice(), read.forms.as_slice()),
            (&["Rusia".to_string()][..], &["rusia".to_string()][..])
        );
        assert_eq!((read.of(0), read.of(1)), (&[(0, 2)][..], &[(0, 1)][..]));
        for (docs, mentions) in [(1, 3), (2, 4)] {
            let e = decode_forms(&file(docs, mentions), 2, bytes, name).unwrap_err();
            assert!(e.message.contains("where the metadata counts"), "{e}");
            assert_eq!(&e.file, name);
        }
        assert!(decode_forms(&file(2, 3), 1, bytes, name).is_err(), "a document past the last");
    }
}
