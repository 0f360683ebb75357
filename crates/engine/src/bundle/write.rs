//! Writing a bundle from a collection built in memory.

use super::codec::{hash, BundleError, Enc};
use super::{engine_fingerprint, kind, Manifest, FIRST_PAGE, FORMAT_NAME, FORMAT_VERSION, MANIFEST};
use crate::collection::{Collection, Request, Store};
use crate::exclusion::written;
use crate::search::index::TITLE_BASE;

/// How big shards are.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// A postings or stems shard is closed once it holds this many bytes (one term's postings
    /// are never split, so a very common word's shard is larger).
    pub shard_bytes: usize,
    /// The same for dictionary shards, which a typo search reads several of.
    pub terms_bytes: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options { shard_bytes: 48 << 10, terms_bytes: 24 << 10 }
    }
}

/// The files of a bundle of `c`, as (path relative to the bundle's folder, bytes): the manifest
/// first, then every content-hashed file once.
pub fn write(c: &Collection) -> Result<Vec<(String, Vec<u8>)>, BundleError> {
    write_with(c, Options::default())
}

/// [`write`] with shards of other sizes.
pub fn write_with(c: &Collection, options: Options) -> Result<Vec<(String, Vec<u8>)>, BundleError> {
    let Options { shard_bytes, terms_bytes } = options;
    let Store::Memory(m) = &c.store else {
        return Err(BundleError {
            file: MANIFEST.into(),
            message: "a bundle is written from a collection built in memory".into(),
        });
    };
    let ix = &m.index;
    let mut out = Files::default();

    // Bundle ids: terms and stems ranked in byte order of their text.
    let n_terms = ix.term_text.len();
    let mut rank = vec![0u32; n_terms];
    for (r, &t) in ix.sorted.iter().enumerate() {
        rank[t as usize] = r as u32;
    }
    let mut stems: Vec<(&str, u32)> = ix.stems.iter().map(|(k, &v)| (&**k, v)).collect();
    stems.sort_unstable();
    let mut stem_rank = vec![0u32; stems.len()];
    for (r, &(_, s)) in stems.iter().enumerate() {
        stem_rank[s as usize] = r as u32;
    }

    // The dictionary: text, documents, stems of each term, in shards of consecutive ranks.
    let mut terms = Table::default();
    let mut enc = Enc::default();
    let mut prev: &str = "";
    for (r, &t) in ix.sorted.iter().enumerate() {
        if enc.buf.is_empty() {
            enc = Enc::new(kind::TERMS, FORMAT_VERSION);
            terms.open(r, &ix.term_text[t as usize]);
            prev = "";
        }
        let text = &*ix.term_text[t as usize];
        enc.front(prev, text);
        prev = text;
        enc.uint(u64::from(ix.term_postings(t).df()));
        let ss = &ix.term_stems[t as usize];
        enc.uint(ss.len() as u64);
        for &s in ss {
            enc.uint(u64::from(stem_rank[s as usize]));
        }
        if enc.buf.len() >= terms_bytes || r + 1 == n_terms {
            terms.close(&mut out, "terms", std::mem::take(&mut enc));
        }
    }

    // Term postings (documents and frequencies) and, apart, their positions, in shards of
    // consecutive ranks; the two kinds share their boundaries.
    let mut postings = Table::default();
    let mut positions_files = Vec::new();
    let (mut enc, mut pos) = (Enc::default(), Enc::default());
    for (r, &t) in ix.sorted.iter().enumerate() {
        if enc.buf.is_empty() {
            enc = Enc::new(kind::POSTINGS, FORMAT_VERSION);
            pos = Enc::new(kind::POSITIONS, FORMAT_VERSION);
            postings.open(r, &ix.term_text[t as usize]);
        }
        let p = ix.term_postings(t);
        write_docs(&mut enc, p.docs, p.tfs);
        for k in 0..p.docs.len() {
            let ps = p.positions(k);
            pos.uint(ps.len() as u64);
            let mut last = 0;
            for &x in ps {
                pos.uint(u64::from(x - last));
                last = x;
            }
        }
        if enc.buf.len() + pos.buf.len() >= shard_bytes || r + 1 == n_terms {
            postings.close(&mut out, "postings", std::mem::take(&mut enc));
            positions_files.push(out.add("positions", std::mem::take(&mut pos).buf));
        }
    }

    // Stems: text, the terms standing for each, and its postings.
    let mut stem_table = Table::default();
    let mut enc = Enc::default();
    let mut prev: &str = "";
    let mut terms_of = Vec::new();
    for (r, &(text, s)) in stems.iter().enumerate() {
        if enc.buf.is_empty() {
            enc = Enc::new(kind::STEMS, FORMAT_VERSION);
            stem_table.open(r, text);
            prev = "";
        }
        enc.front(prev, text);
        prev = text;
        terms_of.clear();
        terms_of.extend(ix.stem_terms(s).iter().map(|&t| rank[t as usize]));
        terms_of.sort_unstable();
        enc.uint(terms_of.len() as u64);
        let mut last = 0;
        for &t in &terms_of {
            enc.uint(u64::from(t - last));
            last = t;
        }
        let p = ix.stem_postings(s);
        write_docs(&mut enc, p.docs, p.tfs);
        if enc.buf.len() >= shard_bytes || r + 1 == stems.len() {
            stem_table.close(&mut out, "stems", std::mem::take(&mut enc));
        }
    }

    // Each document's text, mentions and the term of each body token.
    let mut forward: Vec<Vec<u32>> = (0..m.docs.len()).map(|d| vec![0; ix.token_starts(d as u32).len()]).collect();
    for &t in &ix.sorted {
        let p = ix.term_postings(t);
        for (k, &d) in p.docs.iter().enumerate() {
            for &x in p.positions(k).iter().take_while(|&&x| x < TITLE_BASE) {
                forward[d as usize][x as usize] = rank[t as usize];
            }
        }
    }
    let mut texts = Vec::with_capacity(m.docs.len());
    for (d, doc) in m.docs.iter().enumerate() {
        let mut enc = Enc::new(kind::TEXT, FORMAT_VERSION);
        enc.str(&doc.id);
        enc.opt_str(doc.title.as_deref());
        enc.opt_str(doc.url.as_deref());
        enc.str(&doc.text);
        let ms = &m.mentions[d];
        enc.uint(ms.len() as u64);
        let mut last = 0;
        for mention in ms {
            enc.uint(u64::from(mention.entity.0));
            enc.uint(u64::from(mention.span.start - last));
            enc.uint(u64::from(mention.span.end - mention.span.start));
            enc.uint(u64::from(mention.alias.0));
            enc.uint(mention.government.map_or(0, |g| u64::from(g.0) + 1));
            enc.uint(u64::from(mention.corrected));
            last = mention.span.start;
        }
        enc.uint(forward[d].len() as u64);
        for &t in &forward[d] {
            enc.uint(u64::from(t));
        }
        texts.push(out.add("text", enc.buf));
    }
    drop(forward);

    // Each entity's forms: the ways its mentions are written, and how often each in each
    // document, so that counting forms, and leaving one out, needs no text.
    let mut forms: Vec<FormsOf> = (0..c.gazetteer().entities().len()).map(|_| FormsOf::default()).collect();
    for (d, doc) in m.docs.iter().enumerate() {
        for mention in &m.mentions[d] {
            forms[mention.entity.0 as usize].add(d as u32, written(mention.span.slice(&doc.text)));
        }
    }
    let mut forms_files = Vec::new();
    for (e, f) in forms.iter().enumerate().filter(|(_, f)| !f.docs.is_empty()) {
        let mut enc = Enc::new(kind::FORMS, FORMAT_VERSION);
        enc.uint(e as u64);
        enc.uint(f.spellings.len() as u64);
        for s in &f.spellings {
            enc.str(s);
        }
        enc.uint(f.docs.len() as u64);
        let mut last = 0;
        for (k, &d) in f.docs.iter().enumerate() {
            enc.uint(u64::from(d - last));
            last = d;
            let ways = &f.ways[f.at[k]..f.at.get(k + 1).copied().unwrap_or(f.ways.len())];
            enc.uint(ways.len() as u64);
            for &(s, n) in ways {
                enc.uint(u64::from(s));
                enc.uint(u64::from(n));
            }
        }
        forms_files.push((e as u32, out.add("forms", enc.buf)));
    }
    drop(forms);

    // The metadata: what every whole-corpus view needs, and where everything else is.
    let mut meta = Enc::new(kind::META, FORMAT_VERSION);
    meta.uint(m.docs.len() as u64);
    meta.uint(u64::from(ix.avg_len.to_bits()));
    meta.uint(n_terms as u64);
    meta.uint(stems.len() as u64);
    let outlets = &c.outlets;
    meta.uint(outlets.values.len() as u64);
    for v in &outlets.values {
        meta.str(v);
    }
    meta.uint(c.dates.values.len() as u64);
    for v in &c.dates.values {
        meta.str(v);
    }
    let mut prev: &str = "";
    for (d, doc) in m.docs.iter().enumerate() {
        meta.front(prev, &doc.id);
        prev = &doc.id;
        meta.uint(interned(outlets.of_doc[d]));
        meta.uint(interned(c.dates.of_doc[d]));
        meta.uint(u64::from(ix.doc_len[d]));
        let es = &c.per_doc[d];
        meta.uint(es.len() as u64);
        let mut last = 0;
        for &(e, n) in es {
            meta.uint(u64::from(e.0 - last));
            meta.uint(u64::from(n));
            last = e.0;
        }
        // Its story, as the distance back to the story's first document (0: its own).
        meta.uint(u64::from(d as u32 - c.stories[d]));
    }
    terms.encode(&mut meta, n_terms, true);
    postings.encode(&mut meta, n_terms, true);
    for h in &positions_files {
        meta.u64_le(*h);
    }
    stem_table.encode(&mut meta, stems.len(), true);
    for h in &texts {
        meta.u64_le(*h);
    }
    meta.uint(forms_files.len() as u64);
    let mut last = 0;
    for &(e, h) in &forms_files {
        meta.uint(u64::from(e - last));
        meta.u64_le(h);
        last = e;
    }
    let meta_name = file_name("meta", hash(&meta.buf));
    let bytes = out.bytes + meta.buf.len() as u64;
    out.files.push((meta_name.clone(), meta.buf));
    let manifest = Manifest {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        engine: engine_fingerprint(),
        documents: m.docs.len() as u32,
        meta: meta_name,
        bytes,
        first: c
            .search(&Request::default())
            .hits
            .iter()
            .take(FIRST_PAGE)
            .map(|h| file_name("text", texts[h.doc as usize]))
            .collect(),
    };
    let json = serde_json::to_vec_pretty(&manifest).expect("a manifest serializes");
    out.files.insert(0, (MANIFEST.into(), json));
    Ok(out.files)
}

/// An interned value's number in the metadata: 0 for none, else its index plus one.
fn interned(v: u32) -> u64 {
    if v == u32::MAX {
        0
    } else {
        u64::from(v) + 1
    }
}

/// Documents (increasing, as gaps) and their frequencies.
fn write_docs(enc: &mut Enc, docs: &[u32], tfs: &[u16]) {
    enc.uint(docs.len() as u64);
    let mut last = 0;
    for (&d, &tf) in docs.iter().zip(tfs) {
        enc.uint(u64::from(d - last));
        enc.uint(u64::from(tf));
        last = d;
    }
}

/// One entity's forms file, as it is gathered: its spellings in the order met, the documents
/// mentioning it, and per document (`ways[at[k]..at[k + 1]]`) each spelling and its mentions, in
/// the order first met in the document.
#[derive(Default)]
struct FormsOf {
    spellings: Vec<String>,
    index: std::collections::HashMap<String, u32>,
    docs: Vec<u32>,
    at: Vec<usize>,
    ways: Vec<(u32, u32)>,
}

impl FormsOf {
    /// A mention written `spelling` in document `d` (documents in order).
    fn add(&mut self, d: u32, spelling: String) {
        let s = match self.index.get(&spelling) {
            Some(&s) => s,
            None => {
                let s = self.spellings.len() as u32;
                self.index.insert(spelling.clone(), s);
                self.spellings.push(spelling);
                s
            }
        };
        if self.docs.last() != Some(&d) {
            self.docs.push(d);
            self.at.push(self.ways.len());
        }
        let from = self.at[self.at.len() - 1];
        match self.ways[from..].iter_mut().find(|w| w.0 == s) {
            Some(w) => w.1 += 1,
            None => self.ways.push((s, 1)),
        }
    }
}

/// The path of a content-hashed file of `dir`.
pub(crate) fn file_name(dir: &str, h: u64) -> String {
    format!("{dir}/{h:016x}.bin")
}

/// The files written so far, each content once.
#[derive(Default)]
struct Files {
    files: Vec<(String, Vec<u8>)>,
    seen: std::collections::HashSet<String>,
    bytes: u64,
}

impl Files {
    /// Adds a file of `dir`; returns its hash.
    fn add(&mut self, dir: &str, bytes: Vec<u8>) -> u64 {
        let h = hash(&bytes);
        let name = file_name(dir, h);
        if self.seen.insert(name.clone()) {
            self.bytes += bytes.len() as u64;
            self.files.push((name, bytes));
        }
        h
    }
}

/// The shards of one kind: where each starts, its first text (dictionaries), its hash.
#[derive(Default)]
struct Table {
    starts: Vec<usize>,
    first_texts: Vec<String>,
    hashes: Vec<u64>,
}

impl Table {
    fn open(&mut self, first: usize, text: &str) {
        self.starts.push(first);
        self.first_texts.push(text.to_string());
    }

    fn close(&mut self, out: &mut Files, dir: &str, enc: Enc) {
        self.hashes.push(out.add(dir, enc.buf));
    }

    /// Per shard of these `total` ids: how many it holds, its first text when `texts`, its hash.
    fn encode(&self, meta: &mut Enc, total: usize, texts: bool) {
        meta.uint(self.starts.len() as u64);
        for (i, &s) in self.starts.iter().enumerate() {
            let next = self.starts.get(i + 1).copied().unwrap_or(total);
            meta.uint((next - s) as u64);
            if texts {
                meta.str(&self.first_texts[i]);
            }
            meta.u64_le(self.hashes[i]);
        }
    }
}
