//! The inverted index: postings of folded word forms (with positions, for phrases) and of
//! their stems (for Indonesian morphology), in compressed-sparse-row arrays built once.

use std::collections::HashMap;

use super::rank::{self, TITLE_WEIGHT};
use super::stem::stem;
use crate::gazetteer::DataError;
use crate::text::{fold_into, tokenize, FoldedTokens};
use crate::Fx;

/// Positions of title tokens start here, so that a phrase never spans title and body.
pub(crate) const TITLE_BASE: u32 = 1 << 30;

/// One list of postings, as a range of the index's arrays.
#[derive(Debug, Clone, Copy, Default)]
struct Range {
    start: u32,
    end: u32,
}

/// One term's or stem's postings: the documents that hold it, in increasing order, how often
/// (title tokens weighted), and, for terms when asked, where.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Postings<'a> {
    /// Documents, increasing.
    pub(crate) docs: &'a [u32],
    /// Term frequency in each of `docs`.
    pub(crate) tfs: &'a [u16],
    /// The `k`-th posting's positions are `positions[pos_at[k]..pos_at[k + 1]]`; both empty
    /// when positions were not asked for (stems never have them).
    pub(crate) pos_at: &'a [u32],
    pub(crate) positions: &'a [u32],
}

impl<'a> Postings<'a> {
    /// Document frequency.
    pub(crate) fn df(&self) -> u32 {
        self.docs.len() as u32
    }

    /// The token positions of the `k`-th posting, increasing: body tokens by their index, then
    /// title tokens from [`TITLE_BASE`]. Empty when the postings carry no positions.
    pub(crate) fn positions(&self, k: usize) -> &'a [u32] {
        match (self.pos_at.get(k), self.pos_at.get(k + 1)) {
            (Some(&a), Some(&b)) => &self.positions[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// The immutable index.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Folded form → term id.
    pub(crate) terms: HashMap<Box<str>, u32, Fx>,
    /// Term id → folded form.
    pub(crate) term_text: Vec<Box<str>>,
    /// Term ids in the byte order of their text, for prefix search.
    pub(crate) sorted: Vec<u32>,
    /// Term ids by (first char, length in chars), each in byte order, for typo search.
    by_shape: HashMap<(char, u32), Vec<u32>, Fx>,
    /// Term id → stem ids it stands for (its stem, or the stems of its compound's parts).
    pub(crate) term_stems: Vec<Vec<u32>>,
    /// Stem → stem id.
    pub(crate) stems: HashMap<Box<str>, u32, Fx>,
    /// Term postings: `t_docs[r]`, `t_tf[r]`, `t_pos[r]..t_pos[r+1]` into `positions`.
    t_ranges: Vec<Range>,
    t_docs: Vec<u32>,
    t_tf: Vec<u16>,
    t_pos: Vec<u32>,
    positions: Vec<u32>,
    /// Stem postings.
    s_ranges: Vec<Range>,
    s_docs: Vec<u32>,
    s_tf: Vec<u16>,
    /// Stem id → the terms that stand for it (`term_stems` reversed): `stem_terms[stem_term_at[s]..stem_term_at[s + 1]]`.
    stem_term_at: Vec<u32>,
    stem_terms: Vec<u32>,
    /// Where each body token starts, per document: LEB128 varints of the distance from the
    /// previous token's start, documents one after another, `token_starts[token_starts_at[d]..
    /// token_starts_at[d + 1]]` (about one byte a token). Hits and snippets read spans from here
    /// and never tokenize a document again.
    token_starts: Vec<u8>,
    token_starts_at: Vec<u32>,
    /// Tokens per document (title weighted).
    pub(crate) doc_len: Vec<u32>,
    pub(crate) avg_len: f32,
    /// BM25's length normalization per document: k1 · (1 − b + b · len / avg_len).
    norm: Vec<f32>,
}

/// Builds an [`Index`] one document at a time.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    index: Index,
    compounds: HashMap<Box<str>, Vec<Box<str>>, Fx>,
    /// (term, doc, tf, offset into positions).
    term_entries: Entries,
    /// (stem, doc, tf).
    stem_entries: Entries,
    scratch: Vec<(u32, u32)>,
    stem_scratch: Vec<u32>,
    buf: String,
}

impl IndexBuilder {
    /// A builder with the bundled compounds ([`super::COMPOUNDS_TSV`]).
    pub fn bundled() -> IndexBuilder {
        IndexBuilder::with_compounds(super::COMPOUNDS_TSV).unwrap_or_else(|e| panic!("bundled compounds: {e}"))
    }

    /// A builder; `compounds` is the text of `data/compounds.tsv` (compound, tab, parts).
    ///
    /// # Panics
    /// If a line of `compounds` is malformed (see [`IndexBuilder::with_compounds`]).
    pub fn new(compounds: &str) -> IndexBuilder {
        IndexBuilder::with_compounds(compounds).unwrap_or_else(|e| panic!("{e}"))
    }

    /// A builder; `compounds` is the text of `data/compounds.tsv`: per line a compound, a tab,
    /// and its parts separated by spaces. A line without a tab, or with one word or none on
    /// either side, is a [`DataError`] naming the line.
    pub fn with_compounds(compounds: &str) -> Result<IndexBuilder, DataError> {
        let mut b = IndexBuilder::default();
        for (n, line) in compounds.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let err = |message: &str| DataError { file: "compounds.tsv", line: n + 1, message: message.into() };
            let (compound, parts) =
                line.split_once('\t').ok_or_else(|| err("expected a compound, a tab and its parts"))?;
            if compound.split_whitespace().count() != 1 || parts.split_whitespace().count() < 2 {
                return Err(err("a compound is one word, and its parts are two or more"));
            }
            let parts: Vec<Box<str>> = parts.split_whitespace().map(|p| stem(p).into()).collect();
            b.compounds.insert(stem(compound.trim()).into(), parts);
        }
        Ok(b)
    }

    fn term_id(&mut self, folded: &str) -> u32 {
        if let Some(&id) = self.index.terms.get(folded) {
            return id;
        }
        let id = self.index.term_text.len() as u32;
        let s = stem(folded);
        let stem_ids = match self.compounds.get(s.as_str()) {
            Some(parts) => parts.clone().iter().map(|p| self.stem_id(p)).collect(),
            None => vec![self.stem_id(&s)],
        };
        self.index.terms.insert(folded.into(), id);
        self.index.term_text.push(folded.into());
        self.index.term_stems.push(stem_ids);
        id
    }

    fn stem_id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.index.stems.get(s) {
            return id;
        }
        let id = self.index.stems.len() as u32;
        self.index.stems.insert(s.into(), id);
        id
    }

    /// Adds the next document (its id is the number of documents added before it).
    pub fn add(&mut self, title: &str, body: &str) {
        self.add_folded(title, &FoldedTokens::new(body));
    }

    /// [`IndexBuilder::add`] with the body's tokens already folded.
    pub fn add_folded(&mut self, title: &str, body: &FoldedTokens) {
        self.scratch.clear();
        let mut len = 0u32;
        for (k, t) in tokenize(title).enumerate() {
            let mut buf = std::mem::take(&mut self.buf);
            buf.clear();
            fold_into(t.span.slice(title), &mut buf);
            let id = self.term_id(&buf);
            self.buf = buf;
            self.scratch.push((id, TITLE_BASE + k as u32));
            len += u32::from(TITLE_WEIGHT);
        }
        if self.index.token_starts_at.is_empty() {
            self.index.token_starts_at.push(0);
        }
        let mut prev = 0;
        for k in 0..body.len() {
            let id = self.term_id(body.folded(k));
            self.scratch.push((id, k as u32));
            len += 1;
            let start = body.spans[k].start;
            write_varint(&mut self.index.token_starts, start - prev);
            prev = start;
        }
        let at = u32::try_from(self.index.token_starts.len()).expect("token starts of all documents fit in 4 GiB");
        self.index.token_starts_at.push(at);
        self.index.doc_len.push(len);
        self.scratch.sort_unstable();
        self.stem_scratch.clear();
        let mut i = 0;
        while i < self.scratch.len() {
            let id = self.scratch[i].0;
            let mut tf = 0u16;
            let pos_off = self.index.positions.len() as u32;
            while i < self.scratch.len() && self.scratch[i].0 == id {
                let pos = self.scratch[i].1;
                self.index.positions.push(pos);
                tf = tf.saturating_add(if pos >= TITLE_BASE { TITLE_WEIGHT } else { 1 });
                i += 1;
            }
            self.term_entries.push(id, tf);
            self.term_entries.off.push(pos_off);
            for &s in &self.index.term_stems[id as usize] {
                for _ in 0..tf {
                    self.stem_scratch.push(s);
                }
            }
        }
        self.stem_scratch.sort_unstable();
        let mut i = 0;
        while i < self.stem_scratch.len() {
            let s = self.stem_scratch[i];
            let mut tf = 0u16;
            while i < self.stem_scratch.len() && self.stem_scratch[i] == s {
                tf = tf.saturating_add(1);
                i += 1;
            }
            self.stem_entries.push(s, tf);
        }
        self.term_entries.end_doc();
        self.stem_entries.end_doc();
    }

    /// Number of documents added so far.
    pub fn len(&self) -> usize {
        self.index.doc_len.len()
    }

    /// True before the first document.
    pub fn is_empty(&self) -> bool {
        self.index.doc_len.is_empty()
    }

    /// Finishes the index: postings grouped by term, documents in order within each.
    pub fn finish(mut self) -> Index {
        // Each builder array is dropped as soon as it has been laid out, so that the peak holds
        // one of them at a time beside the finished arrays (the explorer's memory is its peak).
        let ix = &mut self.index;
        let n_stems = ix.stems.len();
        let stem_entries = std::mem::take(&mut self.stem_entries);
        let counts = group_offsets(stem_entries.key.iter().copied(), n_stems);
        ix.s_ranges = (0..n_stems).map(|s| Range { start: counts[s], end: counts[s + 1] }).collect();
        ix.s_docs = vec![0; stem_entries.len()];
        ix.s_tf = vec![0; stem_entries.len()];
        let mut next = counts;
        for (i, doc) in stem_entries.docs() {
            let s = stem_entries.key[i] as usize;
            let r = next[s] as usize;
            next[s] += 1;
            ix.s_docs[r] = doc;
            ix.s_tf[r] = stem_entries.tf[i];
        }
        drop(stem_entries);

        let n_terms = ix.term_text.len();
        let term_entries = std::mem::take(&mut self.term_entries);
        // Counting sort by term keeps documents in increasing order within a term.
        let counts = group_offsets(term_entries.key.iter().copied(), n_terms);
        ix.t_ranges = (0..n_terms).map(|t| Range { start: counts[t], end: counts[t + 1] }).collect();
        let total = term_entries.len();
        ix.t_docs = vec![0; total];
        ix.t_tf = vec![0; total];
        let mut next = counts;
        // Positions are re-laid out term-major so that a posting's positions are contiguous
        // and `t_pos[r + 1]` ends them. In doc-major order an entry's positions end where the
        // next entry's begin.
        let mut slots: Vec<(u32, u32)> = vec![(0, 0); total];
        for (i, doc) in term_entries.docs() {
            let term = term_entries.key[i] as usize;
            let r = next[term] as usize;
            next[term] += 1;
            ix.t_docs[r] = doc;
            ix.t_tf[r] = term_entries.tf[i];
            let end = term_entries.off.get(i + 1).map_or(ix.positions.len() as u32, |&o| o);
            slots[r] = (term_entries.off[i], end);
        }
        drop(term_entries);
        let mut positions = Vec::with_capacity(ix.positions.len());
        ix.t_pos = Vec::with_capacity(total + 1);
        for &(start, end) in &slots {
            ix.t_pos.push(positions.len() as u32);
            positions.extend_from_slice(&ix.positions[start as usize..end as usize]);
        }
        ix.t_pos.push(positions.len() as u32);
        drop(slots);
        ix.positions = positions;

        let mut sorted: Vec<u32> = (0..n_terms as u32).collect();
        sorted.sort_unstable_by(|&a, &b| ix.term_text[a as usize].cmp(&ix.term_text[b as usize]));
        // Each shape's terms in byte order, as a bundle keeps them (see `crate::bundle`), so that
        // ties between typo candidates break the same way whatever the corpus order.
        for &t in &sorted {
            let text = &ix.term_text[t as usize];
            if let Some(first) = text.chars().next() {
                ix.by_shape.entry((first, text.chars().count() as u32)).or_default().push(t);
            }
        }
        ix.sorted = sorted;
        let n = ix.doc_len.len().max(1) as f32;
        ix.avg_len = ix.doc_len.iter().map(|&l| l as f32).sum::<f32>() / n;
        let avg = ix.avg_len.max(1.0);
        ix.norm = ix.doc_len.iter().map(|&l| rank::norm(l, avg)).collect();
        let stem_keys = ix.term_stems.iter().flatten().copied();
        ix.stem_term_at = group_offsets(stem_keys, n_stems);
        let mut next = ix.stem_term_at.clone();
        ix.stem_terms = vec![0; *next.last().unwrap_or(&0) as usize];
        for (t, stems) in ix.term_stems.iter().enumerate() {
            for &s in stems {
                ix.stem_terms[next[s as usize] as usize] = t as u32;
                next[s as usize] += 1;
            }
        }
        self.index
    }
}

/// Postings gathered document by document, as parallel arrays (10 bytes an entry for terms,
/// 6 for stems, rather than a padded tuple with the document in each).
#[derive(Debug, Default)]
struct Entries {
    /// Term or stem id.
    key: Vec<u32>,
    tf: Vec<u16>,
    /// Offset of the entry's positions (terms only).
    off: Vec<u32>,
    /// Where each document's entries start, and the end of the last.
    doc_at: Vec<u32>,
}

impl Entries {
    fn push(&mut self, key: u32, tf: u16) {
        if self.doc_at.is_empty() {
            self.doc_at.push(0);
        }
        self.key.push(key);
        self.tf.push(tf);
    }

    /// Closes the current document's entries.
    fn end_doc(&mut self) {
        if self.doc_at.is_empty() {
            self.doc_at.push(0);
        }
        self.doc_at.push(self.key.len() as u32);
    }

    fn len(&self) -> usize {
        self.key.len()
    }

    /// (entry, document) for every entry, in order.
    fn docs(&self) -> impl Iterator<Item = (usize, u32)> + '_ {
        self.doc_at.windows(2).enumerate().flat_map(|(d, w)| (w[0] as usize..w[1] as usize).map(move |i| (i, d as u32)))
    }
}

/// Appends `v` as an LEB128 varint.
fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Where each of `n` groups starts when entries with these group keys are laid out group by
/// group: `n + 1` offsets, the last being the number of entries.
fn group_offsets(keys: impl Iterator<Item = u32>, n: usize) -> Vec<u32> {
    let mut offsets = vec![0u32; n + 1];
    for k in keys {
        offsets[k as usize + 1] += 1;
    }
    for i in 1..offsets.len() {
        offsets[i] += offsets[i - 1];
    }
    offsets
}

impl Index {
    /// Number of documents.
    pub fn len(&self) -> usize {
        self.doc_len.len()
    }

    /// True when no document is indexed.
    pub fn is_empty(&self) -> bool {
        self.doc_len.is_empty()
    }

    /// Distinct folded word forms.
    pub fn vocabulary_size(&self) -> usize {
        self.term_text.len()
    }

    /// Approximate heap bytes held by the postings (not the vocabulary maps).
    pub fn postings_bytes(&self) -> usize {
        self.t_docs.len() * 4
            + self.t_tf.len() * 2
            + self.t_pos.len() * 4
            + self.positions.len() * 4
            + self.s_docs.len() * 4
            + self.s_tf.len() * 2
    }

    /// Approximate heap bytes held by the whole index: postings, vocabulary (texts, maps,
    /// per-term vectors) and per-document arrays.
    pub fn heap_bytes(&self) -> usize {
        let texts: usize = self.term_text.iter().map(|t| t.len()).sum();
        let stem_texts: usize = self.stems.keys().map(|k| k.len()).sum();
        // A hash map entry: key (16) + value (4) + control byte, at about 7/8 load.
        let map_entry = 24;
        self.postings_bytes()
            + 2 * texts // each word's text lives in the map key and in `term_text`
            + stem_texts
            + (self.terms.len() + self.stems.len()) * map_entry
            + self.term_text.len() * (16 + 4 + 24 + 4) // boxed text, sorted id, stems vec, one stem
            + self.by_shape.values().map(|v| v.len() * 4 + 40).sum::<usize>()
            + (self.t_ranges.len() + self.s_ranges.len()) * 8
            + (self.stem_term_at.len() + self.stem_terms.len()) * 4
            + self.token_starts.len()
            + self.token_starts_at.len() * 4
            + self.doc_len.len() * 8
    }

    /// The stem ids a folded word stands for, computed as at indexing time.
    pub(crate) fn stems_of(&self, folded: &str) -> Vec<u32> {
        if let Some(&t) = self.terms.get(folded) {
            return self.term_stems[t as usize].clone();
        }
        self.stems.get(stem(folded).as_str()).map(|&s| vec![s]).unwrap_or_default()
    }

    /// The term id of a folded word form.
    pub(crate) fn term(&self, folded: &str) -> Option<u32> {
        self.terms.get(folded).copied()
    }

    /// The folded form of term `t`.
    pub(crate) fn term_text(&self, t: u32) -> &str {
        &self.term_text[t as usize]
    }

    /// The terms that stand for stem `s`.
    pub(crate) fn stem_terms(&self, s: u32) -> &[u32] {
        &self.stem_terms[self.stem_term_at[s as usize] as usize..self.stem_term_at[s as usize + 1] as usize]
    }

    /// The postings of term `t`.
    pub(crate) fn term_postings(&self, t: u32) -> Postings<'_> {
        let r = self.t_ranges[t as usize];
        let (a, b) = (r.start as usize, r.end as usize);
        Postings {
            docs: &self.t_docs[a..b],
            tfs: &self.t_tf[a..b],
            pos_at: &self.t_pos[a..=b],
            positions: &self.positions,
        }
    }

    /// The postings of stem `s`.
    pub(crate) fn stem_postings(&self, s: u32) -> Postings<'_> {
        let r = self.s_ranges[s as usize];
        let (a, b) = (r.start as usize, r.end as usize);
        Postings { docs: &self.s_docs[a..b], tfs: &self.s_tf[a..b], ..Postings::default() }
    }

    /// Terms that start with `prefix` (itself included), in byte order; at most [`super::lexicon::MAX_COMPLETIONS`] are looked at.
    pub(crate) fn completions<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
        let from = self.sorted.partition_point(|&t| &*self.term_text[t as usize] < prefix);
        self.sorted[from..]
            .iter()
            .take(super::lexicon::MAX_COMPLETIONS)
            .take_while(move |&&t| self.term_text[t as usize].starts_with(prefix))
            .copied()
    }

    /// Terms that start with `first` and are `chars` chars long.
    pub(crate) fn terms_of_shape(&self, first: char, chars: u32) -> &[u32] {
        self.by_shape.get(&(first, chars)).map_or(&[], Vec::as_slice)
    }

    /// Where each body token of document `doc` starts, in bytes of its text.
    pub(crate) fn token_starts(&self, doc: u32) -> Vec<u32> {
        let Some(&from) = self.token_starts_at.get(doc as usize) else { return Vec::new() };
        let to = self.token_starts_at[doc as usize + 1];
        let bytes = &self.token_starts[from as usize..to as usize];
        let mut out = Vec::with_capacity(bytes.len());
        let (mut at, mut v, mut shift) = (0u32, 0u32, 0);
        for &b in bytes {
            v |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                at += v;
                out.push(at);
                (v, shift) = (0, 0);
            } else {
                shift += 7;
            }
        }
        out
    }

    /// BM25's length normalization of document `doc` ([`rank::norm`]).
    pub(crate) fn norm(&self, doc: u32) -> f32 {
        self.norm[doc as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_malformed_compound_line_is_an_error_naming_it() {
        assert!(IndexBuilder::with_compounds("# comment\nkerjasama\tkerja sama\n").is_ok());
        for (bad, line) in [("kerjasama kerja sama\n", 1), ("# c\n\nkerjasama\tkerja\n", 3), ("\tkerja sama\n", 1)] {
            let e = IndexBuilder::with_compounds(bad).map(|_| ()).unwrap_err();
            assert_eq!((e.file, e.line), ("compounds.tsv", line), "{bad:?}: {e}");
        }
    }

    #[test]
    fn token_starts_round_trip_through_their_varints() {
        let mut b = IndexBuilder::bundled();
        let long = format!("a {} b", "x".repeat(300));
        for text in ["Rusia dan China", "", &long, "中国和俄罗斯"] {
            b.add("judul", text);
        }
        let ix = b.finish();
        for (d, text) in ["Rusia dan China", "", &long, "中国和俄罗斯"].iter().enumerate() {
            let want: Vec<u32> = tokenize(text).map(|t| t.span.start).collect();
            assert_eq!(ix.token_starts(d as u32), want, "{text:?}");
        }
    }
}
