//! Counting you can audit: surface forms of an entity left out of every count.
//!
//! A mention's **form** is its text folded ([`crate::text::fold`]) with its spaces squeezed, so
//! "Jordan", "JORDAN" and "jordan" are one form of Jordan, and "Yordania" another. Leaving a
//! form out ([`Collection::exclude`]) drops the mentions of that entity in that form from the
//! collection's answers: its per-document counts (and so the entity filter, facets, overview,
//! map, timeline and co-occurrence), its mention lists (highlighting, concordance, exports).
//! The annotation itself is kept; including the form again restores it exactly.
//!
//! A form is known from a document's text, or over a bundle from the entity's forms file (how
//! often each spelling of it occurs in each document): a document keeps its counts until one of
//! the two is loaded ([`Collection::exclusion_unread`]), and the forms files of the entities
//! with a form left out are all it takes ([`Collection::exclusion_needs`]).
//!
//! ```
//! use sorot_engine::collection::Collection;
//! use sorot_engine::corpus::Document;
//! use sorot_engine::exclusion::Exclusions;
//! use sorot_engine::matcher::Matcher;
//!
//! let docs = vec![
//!     Document::new("a", "Michael Jordan tiba di Yordania."),
//!     Document::new("b", "Raja Jordan bertemu Presiden Mesir."),
//! ];
//! let c = Collection::new(docs, Matcher::bundled());
//! let jo = c.gazetteer().entity_by_code("JO").unwrap();
//! assert_eq!(c.filter("", &[jo]), [0, 1]);
//! c.exclude(Exclusions::new([(jo, "JORDAN")]));
//! assert_eq!(c.filter("", &[jo]), [0], "b names Jordan only as “Jordan”");
//! assert_eq!(c.mentions(0).unwrap().len(), 1, "a keeps “Yordania”");
//! c.exclude(Exclusions::default());
//! assert_eq!(c.filter("", &[jo]), [0, 1]);
//! ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::RwLockReadGuard;

use crate::bundle::read::EntityForms;
use crate::bundle::Need;
use crate::collection::{Collection, Store};
use crate::gazetteer::EntityId;
use crate::matcher::Mention;
use crate::text::fold;

/// The form of a mention written `surface`: folded, spaces squeezed.
pub fn form_of(surface: &str) -> String {
    written(&fold(surface))
}

/// A mention written `surface` as its forms are shown: white space of any kind as one space.
pub fn written(surface: &str) -> String {
    surface.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Forms left out, each of one entity: sorted, without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exclusions {
    forms: Vec<(EntityId, String)>,
}

impl Exclusions {
    /// Leaves out each `(entity, form)`; a form is made a form ([`form_of`]) whatever its case
    /// or spacing.
    pub fn new<S: AsRef<str>>(forms: impl IntoIterator<Item = (EntityId, S)>) -> Exclusions {
        let mut forms: Vec<(EntityId, String)> =
            forms.into_iter().map(|(e, f)| (e, form_of(f.as_ref()))).filter(|(_, f)| !f.is_empty()).collect();
        forms.sort();
        forms.dedup();
        Exclusions { forms }
    }

    /// True when nothing is left out.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// The forms left out, by entity then form.
    pub fn forms(&self) -> &[(EntityId, String)] {
        &self.forms
    }

    /// True when `entity`'s mentions written `form` (a form, see [`form_of`]) are left out.
    pub fn excludes(&self, entity: EntityId, form: &str) -> bool {
        self.forms.binary_search_by(|(e, f)| (*e, f.as_str()).cmp(&(entity, form))).is_ok()
    }

    /// True when some form of `entity` is left out.
    pub fn touches(&self, entity: EntityId) -> bool {
        self.forms.iter().any(|(e, _)| *e == entity)
    }
}

/// The exclusions in force and what they change: per document whose text is read and that
/// has a mention left out, its counts and mentions without them.
#[derive(Debug, Default)]
pub(crate) struct Overlay {
    pub(crate) exclusions: Exclusions,
    docs: HashMap<u32, Recount>,
}

#[derive(Debug)]
struct Recount {
    entities: Vec<(EntityId, u32)>,
    /// None when recounted from the forms files, before its text is loaded.
    mentions: Option<Vec<Mention>>,
}

impl Overlay {
    /// The entities (with counts) of document `doc` after the exclusions; `raw` before them.
    pub(crate) fn entities<'a>(&'a self, doc: usize, raw: &'a [(EntityId, u32)]) -> &'a [(EntityId, u32)] {
        if self.docs.is_empty() {
            return raw;
        }
        self.docs.get(&(doc as u32)).map_or(raw, |r| &r.entities)
    }

    /// True when mention `m` of `text` is left out (its form is only made for the entities
    /// that have a form left out).
    fn excludes(&self, m: &Mention, text: &str) -> bool {
        self.exclusions.touches(m.entity) && self.exclusions.excludes(m.entity, &form_of(m.span.slice(text)))
    }

    /// Recounts document `doc` (of `text`, with `mentions` as annotated and `raw` counts).
    pub(crate) fn recount(&mut self, doc: usize, text: &str, mentions: &[Mention], raw: &[(EntityId, u32)]) {
        self.docs.remove(&(doc as u32));
        if !raw.iter().any(|&(e, _)| self.exclusions.touches(e)) {
            return;
        }
        let kept: Vec<Mention> = mentions.iter().filter(|m| !self.excludes(m, text)).copied().collect();
        if kept.len() == mentions.len() {
            return;
        }
        let mut entities: Vec<(EntityId, u32)> = Vec::with_capacity(raw.len());
        for m in &kept {
            match entities.binary_search_by_key(&m.entity, |x| x.0) {
                Ok(k) => entities[k].1 += 1,
                Err(k) => entities.insert(k, (m.entity, 1)),
            }
        }
        self.docs.insert(doc as u32, Recount { entities, mentions: Some(kept) });
    }

    /// Recounts document `doc` (with `raw` counts, its text not loaded) from the forms files of
    /// its entities that have a form left out; false, leaving it counted as annotated, when one
    /// of those files is not loaded either.
    pub(crate) fn recount_forms<'f>(
        &mut self,
        doc: usize,
        raw: &[(EntityId, u32)],
        forms: impl Fn(EntityId) -> Option<&'f EntityForms>,
    ) -> bool {
        self.docs.remove(&(doc as u32));
        let mut entities = Vec::with_capacity(raw.len());
        let mut changed = false;
        for &(e, n) in raw {
            if !self.exclusions.touches(e) {
                entities.push((e, n));
                continue;
            }
            let Some(f) = forms(e) else { return false };
            let out: u32 =
                f.of(doc).iter().filter(|w| self.exclusions.excludes(e, &f.forms[w.0 as usize])).map(|w| w.1).sum();
            changed |= out > 0;
            if n > out {
                entities.push((e, n - out));
            }
        }
        if changed {
            self.docs.insert(doc as u32, Recount { entities, mentions: None });
        }
        true
    }
}

impl Collection {
    /// Leaves `exclusions` out of every answer from now on (replacing those before); see the
    /// module's notes. Over a bundle, the documents whose texts or forms files are loaded are
    /// recounted now, the others as those arrive ([`Collection::exclusion_unread`]).
    pub fn exclude(&self, exclusions: Exclusions) {
        let mut o = self.overlay.write().unwrap_or_else(|e| e.into_inner());
        if o.exclusions == exclusions {
            return;
        }
        *o = Overlay { exclusions, docs: HashMap::new() };
        if o.exclusions.is_empty() {
            return;
        }
        for doc in 0..self.len() {
            self.recount_in(&mut o, doc);
        }
    }

    /// Recounts `doc` in `o`: from its text when it is loaded, else from the forms files.
    fn recount_in(&self, o: &mut Overlay, doc: usize) -> bool {
        let raw = &self.per_doc[doc];
        match (self.document(doc), self.raw_mentions(doc)) {
            (Some(d), Some(ms)) => {
                o.recount(doc, &d.text, ms, raw);
                true
            }
            _ => o.recount_forms(doc, raw, |e| self.entity_forms(e)),
        }
    }

    /// Entity `e`'s forms file, once loaded (never in memory, where the texts are).
    pub(crate) fn entity_forms(&self, e: EntityId) -> Option<&EntityForms> {
        match &self.store {
            Store::Bundle(b) => b.entity_forms(e),
            Store::Memory(_) => None,
        }
    }

    /// The file to load before entity `e`'s forms can be counted over documents whose texts are
    /// not loaded: its forms file, when it is not loaded (never in memory).
    pub fn forms_needs(&self, e: EntityId) -> Option<Need> {
        match &self.store {
            Store::Bundle(b) => b.missing_forms(e),
            Store::Memory(_) => None,
        }
    }

    /// The exclusions in force.
    pub fn exclusions(&self) -> Exclusions {
        self.overlay.read().unwrap_or_else(|e| e.into_inner()).exclusions.clone()
    }

    /// The documents (positions) mentioning an entity with a form left out that are not
    /// recounted yet, their text and a forms file they need not loaded: until they are, their
    /// counts still hold the forms left out. None in memory.
    pub fn exclusion_unread(&self) -> Vec<usize> {
        let o = self.overlay.read().unwrap_or_else(|e| e.into_inner());
        if o.exclusions.is_empty() || !self.is_bundle() {
            return Vec::new();
        }
        let unknown = |e: EntityId| o.exclusions.touches(e) && self.entity_forms(e).is_none();
        (0..self.len())
            .filter(|&d| self.per_doc[d].iter().any(|&(e, _)| unknown(e)) && self.document(d).is_none())
            .collect()
    }

    /// Recounts document `doc` once its text or a forms file it needs is loaded.
    pub(crate) fn recount(&self, doc: usize) {
        let mut o = self.overlay.write().unwrap_or_else(|e| e.into_inner());
        if !o.exclusions.is_empty() {
            self.recount_in(&mut o, doc);
        }
    }

    /// The files to load before the counts leave out every excluded form exactly: the forms
    /// files of the entities that have a form left out (none in memory).
    pub fn exclusion_needs(&self) -> Vec<Need> {
        let o = self.overlay.read().unwrap_or_else(|e| e.into_inner());
        let mut needs: Vec<Need> = o.exclusions.forms().iter().filter_map(|&(e, _)| self.forms_needs(e)).collect();
        needs.dedup();
        needs
    }

    /// The mentions of document `doc` after the exclusions; `None` until its text is loaded.
    pub fn mentions(&self, doc: usize) -> Option<Cow<'_, [Mention]>> {
        let raw = self.raw_mentions(doc)?;
        let o = self.overlay.read().unwrap_or_else(|e| e.into_inner());
        // A document recounted from the forms files is recounted from its text as it is loaded.
        Some(match o.docs.get(&(doc as u32)).and_then(|r| r.mentions.as_ref()) {
            Some(kept) => Cow::Owned(kept.clone()),
            None => Cow::Borrowed(raw),
        })
    }

    /// A reader of documents' entities (with their mention counts, in entity order) after the
    /// exclusions: one look at the exclusions for a loop over many documents.
    pub(crate) fn entities(&self) -> Entities<'_> {
        Entities { overlay: self.overlay.read().unwrap_or_else(|e| e.into_inner()), per_doc: &self.per_doc }
    }
}

/// See [`Collection::entities`].
pub(crate) struct Entities<'c> {
    overlay: RwLockReadGuard<'c, Overlay>,
    per_doc: &'c [Vec<(EntityId, u32)>],
}

impl Entities<'_> {
    /// Document `doc`'s entities and their mention counts.
    pub(crate) fn of(&self, doc: usize) -> &[(EntityId, u32)] {
        self.overlay.entities(doc, &self.per_doc[doc])
    }
}
