//! The mention matcher: finds every alias of the gazetteer in a text, leftmost-longest, on
//! token boundaries.
//!
//! ```
//! use sorot_engine::matcher::Matcher;
//!
//! let m = Matcher::bundled();
//! let text = "Dewan Keamanan PBB dan Arab Saudilah, bukan bahasa Inggris.";
//! let found: Vec<(&str, &str)> = m
//!     .find(text)
//!     .iter()
//!     .map(|x| (m.gazetteer().entity(x.entity).code.as_str(), x.span.slice(text)))
//!     .collect();
//! assert_eq!(found, [("unsc", "Dewan Keamanan PBB"), ("SA", "Arab Saudi")]);
//! ```
//!
//! # How it matches
//! Aliases are tokenized like text ([`crate::text`]) and stored in a trie keyed by
//! `(gap, folded token)`. At each token the matcher walks the trie as far as the text allows and
//! keeps the longest alias whose case rule holds; the words it covers are then skipped. A
//! hyphen is a gap like any other, so "Rusia-Ukraina" yields two mentions, while an alias that
//! itself contains a hyphen ("Guinea-Bissau") still matches whole. The last token may carry an
//! enclitic ("Saudilah"), which is left out of the span. Government phrases ("Kementerian Luar
//! Negeri") live in a second trie over the same edges: a walk that ends one continues into the
//! country names, so "Kementerian Luar Negeri Rusia" is one mention without composing every
//! phrase with every name in advance. A government head ("Kementerian") may instead be followed
//! by a ministry's own name of a few capitalized words before the country.
//!
//! # Spelling
//! A capitalized Latin word that is not in the gazetteer may be read as the one alias word it
//! misspells, one edit away ("Maldova"); the mention is then flagged
//! [`Mention::corrected`]. Candidates come from hashing the word with each letter dropped
//! against the same hashes of the alias words (a deletion index), behind a bit set; the
//! `known-word` list keeps real words ("Belanja") out. See docs/MATCHING.md for every limit.
//!
//! # What it does not do
//! It does not guess beyond one edit: a name missing from the gazetteer is not found, and
//! context rules are the ones the data lists (blocking phrases, words like "bahasa" before a
//! name, personal names next to capitalized words). It does not resolve pronouns or
//! descriptions ("negara itu").

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use crate::gazetteer::{AliasId, Case, EntityId, Gazetteer, Kind, OPEN_NAME};
use crate::span::Span;
use crate::text::{fold, fold_into, starts_upper, tokenize, FoldedTokens, Gap};
use crate::Fx;

/// One mention of an entity in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The entity named.
    pub entity: EntityId,
    /// Where, in bytes of the text.
    pub span: Span,
    /// The alias that matched (its text explains the mention).
    pub alias: AliasId,
    /// The government phrase before the alias, when the mention is one
    /// ("Kementerian Luar Negeri" in "Kementerian Luar Negeri Rusia"): an index into
    /// [`Gazetteer::government_phrases`].
    pub government: Option<u16>,
    /// One word of the span is a misspelling of the alias's word, one edit off ("Maldova" for
    /// "Moldova"); see the module's notes on spelling.
    pub corrected: bool,
}

impl Mention {
    /// The name that explains this mention: the alias, after its government phrase if any.
    pub fn explanation(&self, g: &Gazetteer) -> String {
        let alias = &g.alias(self.alias).text;
        match self.government {
            Some(p) => format!("{} {alias}", g.government_phrases()[p as usize]),
            None => alias.clone(),
        }
    }
}

const NONE: u32 = u32::MAX;
/// Most words of a ministry's own name ("Pemberdayaan Perempuan dan Perlindungan Anak").
const MAX_MINISTRY_WORDS: usize = 6;
/// Shortest alias word (in letters) a misspelling may stand for.
const MIN_CORRECTABLE_WORD: usize = 5;
/// The misspelling filter has 2^NEAR_BITS bits (8 KiB, in L1 cache): a larger one measured no
/// faster.
const NEAR_BITS: u32 = 16;
/// Longest alias word a misspelling may stand for (longer ones are not indexed).
const MAX_CORRECTABLE_WORD: usize = 24;
/// Shortest alias (in letters) a misspelled word may stand in: "Moldova" for "Maldova", but
/// not "Yaman" for the personal name "Yamin". A swap of two letters ("Italai") is rarely
/// another word, so it may stand in any alias of `MIN_CORRECTABLE_WORD` letters.
const MIN_CORRECTABLE_ALIAS: usize = 7;
/// Root of the aliases' trie.
const ROOT: u32 = 0;
/// Root of the government phrases' trie (same edge map, separate paths).
const GOV_ROOT: u32 = 1;

/// A compiled gazetteer, ready to find mentions.
#[derive(Debug, Clone)]
pub struct Matcher {
    gazetteer: Arc<Gazetteer>,
    /// Folded alias token → token id.
    vocab: HashMap<Box<str>, u32, Fx>,
    /// (node, gap, token id) → child node.
    edges: HashMap<(u32, u8, u32), u32, Fx>,
    /// Aliases ending at each node, in data order.
    terminals: Vec<Vec<AliasId>>,
    /// Each alias's tokens as written, for exact-case comparison.
    alias_words: Vec<Vec<Box<str>>>,
    /// Per alias: may follow a government phrase (a country's Indonesian name or acronym).
    after_government: Vec<bool>,
    /// Government phrase ending at each node of the government trie.
    government_ends: HashMap<u32, u16, Fx>,
    /// Token id of each word that opens a ministry's own name ("Kementerian"), and the index of
    /// its open phrase ("Kementerian …").
    government_heads: HashMap<u32, u16, Fx>,
    /// Per token id: the child of each root for that token, or `NONE` (the first step of
    /// every walk, without hashing).
    root_children: Vec<[u32; 2]>,
    /// Token ids of the alias words a misspelling may stand for, by the hash of each word and of
    /// each word with one letter (not the first) deleted: a word one edit from an alias word
    /// shares one of these hashes with it, so a lookup costs a few probes, not a scan.
    near: HashMap<u64, Vec<u32>, Fx>,
    /// The top `NEAR_BITS` bits of every key of `near`, as a bit set: most probes end here.
    near_bits: Vec<u64>,
    /// Folded alias tokens by id (for spelling correction).
    vocab_words: Vec<Box<str>>,
    /// Per alias: its length in letters when a misspelled word may stand for one of its
    /// words, else 0.
    correctable: Vec<u8>,
    block_before: HashSet<Box<str>, Fx>,
    name_context: HashSet<Box<str>, Fx>,
    name_particles: HashSet<Box<str>, Fx>,
    language_before: HashSet<Box<str>, Fx>,
    common_nouns: HashSet<Box<str>, Fx>,
    org_heads: HashSet<Box<str>, Fx>,
    known_words: HashSet<Box<str>, Fx>,
    enclitics: Vec<Box<str>>,
}

/// A match found at some token.
#[derive(Debug, Clone, Copy)]
struct Found {
    /// Trie node where the alias ends.
    node: u32,
    alias: AliasId,
    /// Index of the last token.
    last: usize,
    /// End offset (before an enclitic).
    end: u32,
    government: Option<u16>,
    corrected: Edit,
}

/// How a misspelled word differs from the alias word it is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Edit {
    /// Not misspelled.
    None,
    /// Two adjacent letters swapped ("Italai"): rarely another word, so allowed in shorter names.
    Swap,
    /// A letter replaced, added or dropped ("Maldova", "Banglasdesh").
    Letter,
}

/// One token of the text being matched.
#[derive(Debug, Clone, Copy)]
struct Tok {
    span: Span,
    gap_before: Gap,
    /// Token id of the folded token, or `NONE`.
    vid: u32,
    /// Token id and end offset of the token without its enclitic, or `NONE`.
    stripped_vid: u32,
    stripped_end: u32,
    /// Token id of the alias word this capitalized unknown word misspells, or `NONE`, and how.
    near_vid: u32,
    near_edit: Edit,
}

impl Matcher {
    /// Compiles a gazetteer.
    pub fn new(gazetteer: Gazetteer) -> Matcher {
        let mut m = Matcher {
            vocab: HashMap::default(),
            edges: HashMap::default(),
            terminals: vec![Vec::new(), Vec::new()],
            alias_words: Vec::with_capacity(gazetteer.aliases().len()),
            after_government: Vec::with_capacity(gazetteer.aliases().len()),
            government_ends: HashMap::default(),
            government_heads: HashMap::default(),
            root_children: Vec::new(),
            near: HashMap::default(),
            near_bits: vec![0; 1 << (NEAR_BITS - 6)],
            vocab_words: Vec::new(),
            correctable: Vec::with_capacity(gazetteer.aliases().len()),
            block_before: gazetteer.block_before.iter().map(|s| s.as_str().into()).collect(),
            name_context: gazetteer.name_context.iter().map(|s| s.as_str().into()).collect(),
            name_particles: gazetteer.name_particles.iter().map(|s| s.as_str().into()).collect(),
            language_before: gazetteer.language_before.iter().map(|s| s.as_str().into()).collect(),
            common_nouns: gazetteer.common_nouns.iter().map(|s| s.as_str().into()).collect(),
            org_heads: gazetteer.org_heads.iter().map(|s| s.as_str().into()).collect(),
            known_words: gazetteer.known_words.iter().map(|s| s.as_str().into()).collect(),
            enclitics: gazetteer.enclitics.iter().map(|s| s.as_str().into()).collect(),
            gazetteer: Arc::new(gazetteer),
        };
        for i in 0..m.gazetteer.aliases().len() {
            let alias = &m.gazetteer.aliases()[i];
            let after_government = alias.entity.is_some_and(|e| m.gazetteer.entity(e).kind == Kind::Country)
                && (alias.lang == "id" || alias.case == Case::Exact)
                && !alias.short;
            let letters = alias.text.chars().filter(|c| c.is_alphabetic()).count();
            let correctable = alias.entity.is_some()
                && alias.case != Case::Exact
                && !alias.short
                && (alias.lang == "id" || alias.lang == "en");
            let correctable = if correctable { u8::try_from(letters).unwrap_or(u8::MAX) } else { 0 };
            let text = alias.text.clone();
            let (node, words) = m.insert(ROOT, &text);
            m.terminals[node as usize].push(AliasId(i as u32));
            m.alias_words.push(words);
            m.after_government.push(after_government);
            m.correctable.push(correctable);
        }
        for (p, phrase) in m.gazetteer.government.clone().iter().enumerate() {
            let p = u16::try_from(p).expect("fewer than 65536 government phrases");
            if let Some(head) = phrase.strip_suffix(OPEN_NAME) {
                let vid = m.vocab[fold(head.trim()).as_str()];
                m.government_heads.insert(vid, p);
                continue;
            }
            let (node, _) = m.insert(GOV_ROOT, phrase);
            m.government_ends.insert(node, p);
        }
        m.root_children = vec![[NONE; 2]; m.vocab.len()];
        for (&(node, gap, vid), &child) in &m.edges {
            if (node == ROOT || node == GOV_ROOT) && gap == Gap::None as u8 {
                m.root_children[vid as usize][node as usize] = child;
            }
        }
        m.vocab_words = vec!["".into(); m.vocab.len()];
        for (word, &vid) in &m.vocab {
            m.vocab_words[vid as usize] = word.clone();
            let w = word.as_bytes();
            if w.len() >= MIN_CORRECTABLE_WORD
                && w.len() <= MAX_CORRECTABLE_WORD
                && w.iter().all(u8::is_ascii_lowercase)
            {
                for h in deletion_hashes(w) {
                    let bit = near_bit(h);
                    m.near_bits[bit >> 6] |= 1 << (bit & 63);
                    let ids = m.near.entry(h).or_default();
                    if !ids.contains(&vid) {
                        ids.push(vid);
                    }
                }
            }
        }
        // A variant is the same token as its word (after the trie is built: it adds no node).
        for (variant, word) in m.gazetteer.variants() {
            if let Some(&vid) = m.vocab.get(word.as_str()) {
                m.vocab.entry(variant.as_str().into()).or_insert(vid);
            }
        }
        m
    }

    /// Adds the tokens of `text` to the trie below `root`; returns the last node and the
    /// tokens as written.
    fn insert(&mut self, root: u32, text: &str) -> (u32, Vec<Box<str>>) {
        let mut buf = String::new();
        let mut node = root;
        let mut prev_end = None;
        let mut words = Vec::new();
        for tok in tokenize(text) {
            let gap = match prev_end {
                None => Gap::None,
                Some(end) => Gap::between(text, end, tok.span.start as usize),
            };
            prev_end = Some(tok.span.end as usize);
            let word = tok.span.slice(text);
            words.push(word.into());
            buf.clear();
            fold_into(word, &mut buf);
            let next_vid = self.vocab.len() as u32;
            let vid = *self.vocab.entry(buf.as_str().into()).or_insert(next_vid);
            let next_node = self.terminals.len() as u32;
            node = *self.edges.entry((node, edge_gap(gap), vid)).or_insert(next_node);
            if node == next_node {
                self.terminals.push(Vec::new());
            }
        }
        (node, words)
    }

    /// A new matcher over the bundled gazetteer, parsed and compiled afresh (for measuring
    /// start-up; use [`Matcher::bundled`] otherwise).
    pub fn compile_bundled() -> Matcher {
        Matcher::new(Gazetteer::parse_bundled())
    }

    /// The matcher over the bundled gazetteer, compiled once and shared.
    pub fn bundled() -> &'static Matcher {
        static BUNDLED: OnceLock<Matcher> = OnceLock::new();
        BUNDLED.get_or_init(Matcher::compile_bundled)
    }

    /// The gazetteer this matcher was compiled from.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The gazetteer, shared.
    pub fn shared_gazetteer(&self) -> Arc<Gazetteer> {
        Arc::clone(&self.gazetteer)
    }

    /// Finds all mentions in `text`, in order, without overlaps.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_in(text, &FoldedTokens::new(text))
    }

    /// [`Matcher::find`] with the text's tokens already folded.
    pub fn find_in(&self, text: &str, folded: &FoldedTokens) -> Vec<Mention> {
        let toks = self.tokens(text, folded);
        let mut out = Vec::new();
        // Short aliases wait until the whole text is seen: (node, position in `out`).
        let mut pending_short: Vec<(u32, usize)> = Vec::new();
        let mut i = 0;
        // Tokens before `floor` belong to an earlier match; context rules never look at them.
        let mut floor = 0;
        while i < toks.len() {
            let plain = self.longest_at(text, &toks, i, ROOT, false, true);
            let government = self.government_at(text, &toks, i);
            let found = match (plain, government) {
                (Some(p), Some(g)) if g.last > p.last => Some(g),
                (Some(p), _) => Some(p),
                (None, g) => g,
            };
            let Some(Found { node, alias, last, end, government, corrected }) = found else {
                i += 1;
                continue;
            };
            let start = toks[i].span.start as usize;
            let alias_ref = self.gazetteer.alias(alias);
            let blocked = alias_ref.entity.is_none()
                || (government.is_none()
                    && (self.blocked_by_previous_word(text, &toks, i) || self.in_blocked_list(text, &toks, i)))
                || currency_code(text, end as usize)
                || (government.is_none() && self.inside_institution_name(text, &toks, floor, i))
                || ((alias_ref.person || corrected != Edit::None || is_foreign(alias_ref))
                    && government.is_none()
                    && self.followed_by_name(text, &toks, floor, i, last))
                || (government.is_none() && self.ends_proper_name(alias_ref, text, &toks, floor, i));
            if !blocked {
                if alias_ref.short {
                    pending_short.push((node, out.len()));
                }
                let entity = alias_ref.entity.expect("checked above");
                out.push(Mention {
                    entity,
                    span: Span::new(start, end as usize),
                    alias,
                    government,
                    corrected: corrected != Edit::None,
                });
            }
            i = last + 1;
            floor = i;
        }
        if !pending_short.is_empty() {
            self.resolve_short(&mut out, &pending_short);
        }
        out
    }

    fn tokens(&self, text: &str, f: &FoldedTokens) -> Vec<Tok> {
        let mut prev_end = None;
        (0..f.len())
            .map(|k| {
                let span = f.spans[k];
                let gap_before = match prev_end {
                    None => Gap::Other,
                    Some(end) => Gap::between(text, end, span.start as usize),
                };
                prev_end = Some(span.end as usize);
                let folded = f.folded(k);
                let vid = self.vocab.get(folded).copied().unwrap_or(NONE);
                // A word of the gazetteer is taken as it is ("Kenya" is not "Ke" + "nya").
                let word = span.slice(text);
                let (stripped_vid, stripped_end) =
                    if vid == NONE { self.strip_enclitic(word, folded, span) } else { (NONE, 0) };
                let (near_vid, near_edit) = if vid != NONE || stripped_vid != NONE {
                    (NONE, Edit::None)
                } else if may_be_misspelled_name(word) {
                    self.misspelled(folded)
                } else {
                    (self.capital_i_as_l(word), Edit::Letter)
                };
                Tok { span, gap_before, vid, stripped_vid, stripped_end, near_vid, near_edit }
            })
            .collect()
    }

    /// The alias word that `folded`, a capitalized word missing from the gazetteer, misspells:
    /// the only one at one edit (a letter replaced, added, dropped, or two swapped) that leaves
    /// the first letter alone, and the last unless swapped, so that inflections and demonyms
    /// ("Indonesian", "Filipino") are not read as names; never a `known-word`. Only for a word
    /// that [`may_be_misspelled_name`] accepts, so `folded` is its ASCII lower case.
    fn misspelled(&self, folded: &str) -> (u32, Edit) {
        let w = folded.as_bytes();
        let mut found = (NONE, Edit::None);
        for h in deletion_hashes(w) {
            let bit = near_bit(h);
            if self.near_bits[bit >> 6] & (1 << (bit & 63)) == 0 {
                continue;
            }
            let Some(candidates) = self.near.get(&h) else { continue };
            for &vid in candidates {
                if vid == found.0 {
                    continue;
                }
                let edit = one_inner_edit(w, self.vocab_words[vid as usize].as_bytes());
                if edit != Edit::None {
                    if found.0 != NONE {
                        return (NONE, Edit::None);
                    }
                    found = (vid, edit);
                }
            }
        }
        // Looked up last: most words have no candidate at all.
        if found.0 != NONE && self.known_words.contains(folded) {
            return (NONE, Edit::None);
        }
        found
    }

    /// The alias word that `word` is when its first letter, a lower-case "l", stands for a
    /// capital "I", as scanned or typed text has it ("lndonesia"): only before a consonant,
    /// where no Indonesian word puts an "l".
    fn capital_i_as_l(&self, word: &str) -> u32 {
        let w = word.as_bytes();
        if w.len() < MIN_CORRECTABLE_WORD || w[0] != b'l' || !w[1..].iter().all(u8::is_ascii_lowercase) {
            return NONE;
        }
        if matches!(w[1], b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'l') {
            return NONE;
        }
        let mut i = String::with_capacity(w.len());
        i.push('i');
        i.push_str(&word[1..]);
        self.vocab.get(i.as_str()).copied().unwrap_or(NONE)
    }

    fn strip_enclitic(&self, word: &str, folded: &str, span: Span) -> (u32, u32) {
        for e in &self.enclitics {
            if folded.len() > e.len() && folded.ends_with(&**e) {
                let Some(&vid) = self.vocab.get(&folded[..folded.len() - e.len()]) else { continue };
                let chars = e.chars().count();
                let Some((cut, _)) = word.char_indices().rev().nth(chars - 1) else { continue };
                return (vid, span.start + cut as u32);
            }
        }
        (NONE, 0)
    }

    /// The longest alias starting at token `i` whose case rule holds, walking the trie from
    /// `root`; with `after_government`, only aliases that may follow a government phrase; with
    /// `may_correct`, one misspelled word may stand for an alias word.
    fn longest_at(
        &self,
        text: &str,
        toks: &[Tok],
        i: usize,
        root: u32,
        after_government: bool,
        may_correct: bool,
    ) -> Option<Found> {
        let mut best = None;
        self.walk(toks, i, root, may_correct, |node, j, end, corrected| {
            if let Some(alias) = self.accept(text, toks, node, i, end, after_government, corrected) {
                best = Some(Found { node, alias, last: j, end, government: None, corrected });
            }
        });
        best
    }

    /// A government phrase starting at token `i` and the country alias after it, the longest.
    /// One misspelled word is allowed in the whole mention.
    fn government_at(&self, text: &str, toks: &[Tok], i: usize) -> Option<Found> {
        let mut ends = Vec::new();
        self.walk(toks, i, GOV_ROOT, true, |node, j, end, corrected| {
            if let Some(&p) = self.government_ends.get(&node) {
                if end == toks[j].span.end {
                    ends.push((j, p, corrected));
                }
            }
        });
        ends.into_iter()
            .rev()
            .filter(|&(j, _, _)| j + 1 < toks.len() && toks[j + 1].gap_before == Gap::Space)
            .find_map(|(j, p, corrected)| {
                let found = self.longest_at(text, toks, j + 1, ROOT, true, corrected == Edit::None)?;
                Some(Found { government: Some(p), corrected: corrected.max(found.corrected), ..found })
            })
            .or_else(|| {
                // Only a word that is a government phrase by itself opens a ministry's name.
                let vid = toks[i].vid;
                (vid != NONE && self.root_children[vid as usize][GOV_ROOT as usize] != NONE)
                    .then(|| self.ministry_at(text, toks, i))
                    .flatten()
            })
    }

    /// A ministry's own name and the country after it, from a government head at token `i`:
    /// "Kementerian Komunikasi Kuba", "Kementerian Hukum dan HAM RI", "Kementerian Ekonomi,
    /// Perdagangan dan Industri Jepang". The name is up to six capitalized words, joined by
    /// spaces, "dan", or commas when a "dan" follows (a list of portfolios). A country's name
    /// inside it ends it, unless right after "dan" or a comma ("Kementerian Luar Negeri dan
    /// KBRI" is two bodies), which makes it no ministry of one country; so do another government
    /// phrase, an institution's name ("Departemen Komunikasi Bank Indonesia") and a personal
    /// name ("Kementerian Pertahanan Kolonel Turki al-Maliki").
    fn ministry_at(&self, text: &str, toks: &[Tok], i: usize) -> Option<Found> {
        let &p = self.government_heads.get(&toks[i].vid)?;
        let (mut words, mut open_comma) = (0, false);
        for k in i + 1..toks.len().min(i + 2 + MAX_MINISTRY_WORDS) {
            let sep = &text[toks[k - 1].span.end as usize..toks[k].span.start as usize];
            let comma = sep == ", ";
            if toks[k].gap_before != Gap::Space && !(comma && words > 0) {
                return None;
            }
            let after_dan = words > 0 && Matcher::folded(text, toks[k - 1]) == "dan";
            if words > 0 {
                if let Some(found) = self.longest_at(text, toks, k, ROOT, true, true) {
                    let person = self.gazetteer.alias(found.alias).person && self.name_like(text, toks, k - 1);
                    if comma || after_dan || open_comma || person || self.inside_institution_name(text, toks, i + 1, k)
                    {
                        return None;
                    }
                    return Some(Found { government: Some(p), ..found });
                }
                // Another body begins: "Kementerian Luar Negeri dan Kementerian Kebudayaan
                // Prancis", "Kementerian PUPR, Pemerintah Kota Bandung".
                if toks[k].vid != NONE && self.root_children[toks[k].vid as usize][GOV_ROOT as usize] != NONE {
                    return None;
                }
            }
            let word = toks[k].span.slice(text);
            open_comma |= comma;
            if Matcher::folded(text, toks[k]) == "dan" {
                if words == 0 || after_dan {
                    return None;
                }
                open_comma = false;
            } else if !starts_upper(word) {
                return None;
            }
            words += 1;
        }
        None
    }

    /// Walks the trie from `root` along the tokens from `i`, calling `visit(node, j, end,
    /// corrected)` for every node reached by tokens `i..=j`, where `end` is where token `j` ends
    /// (before its enclitic, for the stripped form) and `corrected` says whether a misspelled
    /// word was read as an alias word on the way (at most one, and only with `may_correct`).
    fn walk(&self, toks: &[Tok], i: usize, root: u32, may_correct: bool, mut visit: impl FnMut(u32, usize, u32, Edit)) {
        let mut node = root;
        let mut j = i;
        let mut corrected = Edit::None;
        while j < toks.len() {
            let gap = if j == i { Gap::None } else { toks[j].gap_before };
            if j > i && gap == Gap::Other {
                break;
            }
            let t = toks[j];
            let step = |vid: u32| {
                if j == i && (root == ROOT || root == GOV_ROOT) {
                    Some(self.root_children[vid as usize][root as usize]).filter(|&c| c != NONE)
                } else {
                    self.edges.get(&(node, edge_gap(gap), vid)).copied()
                }
            };
            if t.stripped_vid != NONE {
                if let Some(child) = step(t.stripped_vid) {
                    visit(child, j, t.stripped_end, corrected);
                }
            }
            let vid = if t.vid != NONE {
                t.vid
            } else if t.near_vid != NONE && may_correct && corrected == Edit::None {
                corrected = t.near_edit;
                t.near_vid
            } else {
                break;
            };
            let Some(child) = step(vid) else { break };
            visit(child, j, t.span.end, corrected);
            node = child;
            j += 1;
        }
    }

    /// The first alias ending at `node` whose case rule holds for the text from token `i` to
    /// byte `end`.
    #[allow(clippy::too_many_arguments)]
    fn accept(
        &self,
        text: &str,
        toks: &[Tok],
        node: u32,
        i: usize,
        end: u32,
        after_government: bool,
        corrected: Edit,
    ) -> Option<AliasId> {
        self.terminals[node as usize].iter().copied().find(|&a| {
            let alias = self.gazetteer.alias(a);
            let words = &self.alias_words[a.0 as usize];
            if after_government && !self.after_government[a.0 as usize] {
                return false;
            }
            let min_letters = match corrected {
                Edit::None => 0,
                Edit::Swap => MIN_CORRECTABLE_WORD,
                Edit::Letter => MIN_CORRECTABLE_ALIAS,
            };
            if corrected != Edit::None && usize::from(self.correctable[a.0 as usize]) < min_letters.max(1) {
                return false;
            }
            match alias.case {
                Case::Any => true,
                Case::Title => starts_upper(toks[i].span.slice(text)),
                Case::Exact => words.iter().enumerate().all(|(k, w)| {
                    let span = toks[i + k].span;
                    let word_end = if k + 1 == words.len() { end } else { span.end };
                    text[span.start as usize..word_end as usize] == **w
                }),
            }
        })
    }

    fn folded(text: &str, tok: Tok) -> String {
        let mut s = String::new();
        fold_into(tok.span.slice(text), &mut s);
        s
    }

    /// "bahasa Inggris": the word before the name makes it something else.
    fn blocked_by_previous_word(&self, text: &str, toks: &[Tok], i: usize) -> bool {
        i > 0
            && toks[i].gap_before == Gap::Space
            && self.block_before.contains(Matcher::folded(text, toks[i - 1]).as_str())
    }

    /// "bahasa Perancis, Indonesia, Malaysia, Rusia dan Ukraina": the name at `i` is an item of
    /// a list (joined by commas, "dan", "atau" or "serta") whose first item follows a
    /// `language-before` word, so it is a language too. (Not after a sea's or a gulf's word:
    /// in "Teluk Guantanamo, Kuba" the list is of places.) Items are one or two capitalized words; at
    /// most eight are looked back over.
    fn in_blocked_list(&self, text: &str, toks: &[Tok], i: usize) -> bool {
        // The text between tokens `k - 1` and `k`: lists stay on one line.
        let sep = |k: usize| &text[toks[k - 1].span.end as usize..toks[k].span.start as usize];
        let joins = |k: usize| matches!(Matcher::folded(text, toks[k]).as_str(), "dan" | "atau" | "serta");
        let after_block = |s: usize| {
            s > 0 && sep(s) == " " && self.language_before.contains(Matcher::folded(text, toks[s - 1]).as_str())
        };
        let mut k = i;
        for _ in 0..8 {
            // `j`: the last word of the item before item `k`.
            let j = if k >= 2 && sep(k) == " " && joins(k - 1) && matches!(sep(k - 1), " " | ", ") {
                k - 2
            } else if k >= 1 && sep(k) == ", " {
                k - 1
            } else {
                return false;
            };
            if !starts_upper(toks[j].span.slice(text)) {
                return false;
            }
            if after_block(j) {
                return true;
            }
            // A two-word item ("Korea Selatan").
            k = if j > 0 && sep(j) == " " && starts_upper(toks[j - 1].span.slice(text)) { j - 1 } else { j };
            if k != j && after_block(k) {
                return true;
            }
        }
        false
    }

    /// True for a capitalized word that is evidence of a proper name: not the first word of a
    /// sentence, not a word that ordinarily stands next to a country name ("Presiden"), and not
    /// an ordinary noun written with a capital ("Lingkungan").
    fn name_like(&self, text: &str, toks: &[Tok], k: usize) -> bool {
        let word = toks[k].span.slice(text);
        if !starts_upper(word) || !word.chars().skip(1).any(char::is_lowercase) || sentence_initial(text, toks, k) {
            return false;
        }
        let folded = Matcher::folded(text, toks[k]);
        !self.name_context.contains(folded.as_str()) && !self.common_nouns.contains(folded.as_str())
    }

    /// True when a name that is also a personal name ("Jordan", "Israel", "Turki") is followed by
    /// a capitalized word that makes a person's name of it, outside title-cased lines: "Jordan
    /// Henderson", "Israel Adesanya". Only when no context word precedes it, so that "Presiden
    /// Israel Isaac Herzog" stays a mention. (A proper name *before* a name is
    /// [`Matcher::ends_proper_name`]'s case, for every country.)
    fn followed_by_name(&self, text: &str, toks: &[Tok], floor: usize, i: usize, last: usize) -> bool {
        let context_before = i > floor
            && toks[i].gap_before == Gap::Space
            && self.name_context.contains(Matcher::folded(text, toks[i - 1]).as_str());
        !context_before
            && last + 1 < toks.len()
            && toks[last + 1].gap_before == Gap::Space
            && (self.name_like(text, toks, last + 1) || self.particle_of_name(text, toks, last + 1))
            && !title_cased_line(text, toks[i].span)
    }

    /// True when token `k` is a particle of a personal name followed by the rest of the name:
    /// "al-Maliki", "bin Salman".
    fn particle_of_name(&self, text: &str, toks: &[Tok], k: usize) -> bool {
        k + 1 < toks.len()
            && matches!(toks[k + 1].gap_before, Gap::Space | Gap::Dash)
            && starts_upper(toks[k + 1].span.slice(text))
            && self.name_particles.contains(Matcher::folded(text, toks[k]).as_str())
    }

    /// True when a country's name (not an acronym) follows a capitalized word that is not a
    /// context word ("Presiden"), an ordinary noun ("Menteri Lingkungan Malaysia") or a sentence
    /// opener, outside title-cased lines: it ends a proper name ("Alipay Indonesia", "Indra
    /// Jepang").
    fn ends_proper_name(
        &self,
        alias: &crate::gazetteer::Alias,
        text: &str,
        toks: &[Tok],
        floor: usize,
        i: usize,
    ) -> bool {
        alias.case != Case::Exact
            && alias.entity.is_some_and(|e| self.gazetteer.entity(e).kind == Kind::Country)
            && i > floor
            && toks[i].gap_before == Gap::Space
            && self.name_like(text, toks, i - 1)
            && !title_cased_line(text, toks[i].span)
    }

    /// True when the name at `i` closes the proper name of an institution: a run of up to four
    /// capitalized words (or "dan" between two of them) opened by an org-head word ("Bank
    /// Indonesia", "Persatuan Petambak Garam Indonesia", "Institut Negara-negara CIS",
    /// "Perhimpunan Hotel dan Restoran Indonesia"). The run stops at a context word ("Presiden"),
    /// and in a title-cased line, where every word is capitalized, it is at most three words.
    fn inside_institution_name(&self, text: &str, toks: &[Tok], floor: usize, i: usize) -> bool {
        let mut k = i;
        for distance in 1..=4 {
            if k <= floor || toks[k].gap_before != Gap::Space {
                return false;
            }
            k -= 1;
            let word = toks[k].span.slice(text);
            let folded = Matcher::folded(text, toks[k]);
            // "Perhimpunan Hotel dan Restoran Indonesia": "dan" joins words of one name.
            if !starts_upper(word) && (folded != "dan" || distance == 1) {
                return false;
            }
            if self.org_heads.contains(folded.as_str()) {
                // The line is looked at only when it matters (it is the costly part).
                return distance < 4 || !title_cased_line(text, toks[i].span);
            }
            if self.name_context.contains(folded.as_str()) {
                return false;
            }
        }
        false
    }

    /// Keeps a short alias only where the text also names one of its entities in full.
    fn resolve_short(&self, out: &mut Vec<Mention>, pending: &[(u32, usize)]) {
        let short_at: HashSet<usize> = pending.iter().map(|&(_, k)| k).collect();
        let confirmed: HashSet<EntityId> =
            out.iter().enumerate().filter(|(k, _)| !short_at.contains(k)).map(|(_, m)| m.entity).collect();
        let mut drop = HashSet::new();
        for &(node, k) in pending {
            let resolved = self.terminals[node as usize].iter().copied().find(|&a| {
                let alias = self.gazetteer.alias(a);
                alias.short && alias.entity.is_some_and(|e| confirmed.contains(&e))
            });
            match resolved {
                Some(a) => {
                    out[k].alias = a;
                    out[k].entity = self.gazetteer.alias(a).entity.expect("short aliases name an entity");
                }
                None => {
                    drop.insert(k);
                }
            }
        }
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            !drop.contains(&(k - 1))
        });
    }
}

/// True for a name in another language than Indonesian ("Japan", "Mexico", "US"): in Indonesian
/// text it is mostly part of a foreign proper name when a capitalized word follows ("Japan
/// Times", "Mexico City", "US Chamber of Commerce").
fn is_foreign(alias: &crate::gazetteer::Alias) -> bool {
    alias.lang != "id" && alias.lang != "mul"
}

/// Which of the 2^`NEAR_BITS` bits of `Matcher::near_bits` a deletion hash sets (Fibonacci hashing:
/// the top bits of a multiply by 2^64/φ depend on every bit of the hash).
fn near_bit(h: u64) -> usize {
    (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - NEAR_BITS)) as usize
}

/// The hashes of `w` and of `w` without each of its letters but the first, in one pass: a
/// polynomial hash, so that dropping letter `p` is `prefix(p) · B^(rest) + suffix(p + 1)`.
/// Equal strings get equal hashes whichever way they were made.
fn deletion_hashes(w: &[u8]) -> impl Iterator<Item = u64> + '_ {
    const B: u64 = 0x100_0000_01b3;
    let n = w.len();
    // prefix[k] = hash of w[..k]; pow[k] = B^k.
    let mut prefix = [0u64; MAX_CORRECTABLE_WORD + 2];
    let mut pow = [1u64; MAX_CORRECTABLE_WORD + 2];
    for k in 0..n {
        prefix[k + 1] = prefix[k].wrapping_mul(B).wrapping_add(u64::from(w[k]));
        pow[k + 1] = pow[k].wrapping_mul(B);
    }
    let whole = prefix[n];
    // The length keeps "ab" apart from "\0ab"; the bit set and the map mix the bits further.
    let finish = |h: u64, len: usize| h ^ ((len as u64) << 59);
    std::iter::once(finish(whole, n)).chain((1..n).map(move |p| {
        // w without w[p]: w[..p] shifted by the n - p - 1 letters after it, then those letters.
        let suffix = whole.wrapping_sub(prefix[p + 1].wrapping_mul(pow[n - p - 1]));
        finish(prefix[p].wrapping_mul(pow[n - p - 1]).wrapping_add(suffix), n - 1)
    }))
}

/// True for a word that may be a misspelled name: Latin letters, capitalized, and either all
/// capitals or with no capital inside ("ColorOS" is a brand, not a misspelled "Comoros"); and
/// one letter short of, or long of, an indexed alias word at most.
fn may_be_misspelled_name(word: &str) -> bool {
    let w = word.as_bytes();
    (MIN_CORRECTABLE_WORD - 1..=MAX_CORRECTABLE_WORD + 1).contains(&w.len())
        && w[0].is_ascii_uppercase()
        && w.iter().all(u8::is_ascii_alphabetic)
        && (w[1..].iter().all(u8::is_ascii_lowercase) || w.iter().all(u8::is_ascii_uppercase))
}

/// The edit that makes `a` of `b`, if they are one apart — a letter replaced, inserted or
/// deleted, or two adjacent letters swapped — and the edit leaves the first letter alone and,
/// unless it is a swap or a doubled last letter, the last one too: "Maldova", "Banglasdesh",
/// "Italai", "Indonesiaa" are one edit from a name, while "Indonesian" and "Filipino" are other
/// words.
fn one_inner_edit(a: &[u8], b: &[u8]) -> Edit {
    let shorter = a.len().min(b.len());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if prefix == shorter && a.len() == b.len() + 1 && a[a.len() - 1] == a[a.len() - 2] {
        // The last letter doubled ("Indonesiaa"): a slip of the key, not a suffix.
        return Edit::Letter;
    }
    if prefix == 0 || prefix == shorter {
        return Edit::None;
    }
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count().min(shorter - prefix);
    let (da, db) = (a.len() - prefix - suffix, b.len() - prefix - suffix);
    match (da, db) {
        (1, 1) | (1, 0) | (0, 1) if suffix > 0 => Edit::Letter,
        (2, 2) if a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix] => Edit::Swap,
        _ => Edit::None,
    }
}

/// True when a currency sign follows the name directly: "US$ 15" is an amount in dollars.
fn currency_code(text: &str, end: usize) -> bool {
    text[end..].starts_with(['$', '€', '£', '¥'])
}

/// The trie key for a gap: inside a name a hyphen and a space are the same ("Timor Leste",
/// "Timor-Leste").
fn edge_gap(gap: Gap) -> u8 {
    match gap {
        Gap::Dash => Gap::Space as u8,
        g => g as u8,
    }
}

/// True when token `k` opens a sentence, a line, a quotation or a bracket.
fn sentence_initial(text: &str, toks: &[Tok], k: usize) -> bool {
    if k == 0 {
        return true;
    }
    let gap = &text[toks[k - 1].span.end as usize..toks[k].span.start as usize];
    gap.contains(['.', '!', '?', ':', ';', '"', '“', '”', '(', '\n'])
}

/// True when three quarters of the words on the line around `span` are capitalized, as in a
/// headline, where capitals say nothing about personal names.
fn title_cased_line(text: &str, span: Span) -> bool {
    let start = text[..span.start as usize].rfind('\n').map_or(0, |p| p + 1);
    let end = text[span.end as usize..].find('\n').map_or(text.len(), |p| span.end as usize + p);
    let line = &text[start..end];
    let (mut upper, mut words) = (0, 0);
    for t in tokenize(line) {
        let w = t.span.slice(line);
        if w.chars().next().is_some_and(char::is_alphabetic) {
            words += 1;
            upper += usize::from(starts_upper(w));
        }
    }
    words > 0 && upper * 4 >= words * 3
}
