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
//! # Layout
//! [`trie`](self) holds the token trie, `spelling` the deletion index for misspellings,
//! `government` the government phrases and ministries, `rules` the context rules that veto a
//! candidate (each names itself with a [`Veto`]), and `short` the resolution of short aliases.
//! [`Matcher::explain`] reports every vetoed candidate with its rule.
//!
//! # What it does not do
//! It does not guess beyond one edit: a name missing from the gazetteer is not found, and
//! context rules are the ones the data lists (blocking phrases, words like "bahasa" before a
//! name, personal names next to capitalized words). It does not resolve pronouns or
//! descriptions ("negara itu").

mod government;
mod rules;
mod short;
mod spelling;
mod trie;

use std::sync::{Arc, OnceLock};

use self::government::Government;
use self::rules::Context;
pub use self::rules::Veto;
use self::spelling::{
    capital_i_as_l, may_be_misspelled_name, Edit, Spelling, MIN_CORRECTABLE_ALIAS, MIN_CORRECTABLE_WORD,
};
use self::trie::{Trie, NONE, ROOT};
use crate::gazetteer::{AliasId, Case, EntityId, Gazetteer, GovernmentId, Kind};
use crate::span::Span;
use crate::text::{starts_upper, FoldedTokens, Gap};

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
    /// ("Kementerian Luar Negeri" in "Kementerian Luar Negeri Rusia").
    pub government: Option<GovernmentId>,
    /// One word of the span is a misspelling of the alias's word, one edit off ("Maldova" for
    /// "Moldova"); see the module's notes on spelling.
    pub corrected: bool,
}

impl Mention {
    /// The name that explains this mention: the alias, after its government phrase if any.
    pub fn explanation(&self, g: &Gazetteer) -> String {
        let alias = &g.alias(self.alias).text;
        match self.government {
            Some(p) => format!("{} {alias}", g.government(p)),
            None => alias.clone(),
        }
    }
}

/// A name that matched but is not a mention, and the rule that said so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vetoed {
    /// Where, in bytes of the text (before any enclitic).
    pub span: Span,
    /// The alias or blocking phrase that matched.
    pub alias: AliasId,
    /// The rule that vetoed it.
    pub veto: Veto,
}

/// A compiled gazetteer, ready to find mentions.
#[derive(Debug, Clone)]
pub struct Matcher {
    gazetteer: Arc<Gazetteer>,
    trie: Trie,
    spelling: Spelling,
    government: Government,
    /// Each alias's tokens as written, for exact-case comparison.
    alias_words: Vec<Vec<Box<str>>>,
    /// Per alias: may follow a government phrase (a country's Indonesian name or acronym).
    after_government: Vec<bool>,
    /// Per alias: its length in letters when a misspelled word may stand for one of its
    /// words, else 0.
    correctable: Vec<u8>,
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
    government: Option<GovernmentId>,
    corrected: Edit,
}

/// One token of the text being matched.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub(crate) span: Span,
    pub(crate) gap_before: Gap,
    /// Token id of the folded token, or `NONE`.
    pub(crate) vid: u32,
    /// Token id and end offset of the token without its enclitic, or `NONE`.
    stripped_vid: u32,
    stripped_end: u32,
    /// Token id of the alias word this capitalized unknown word misspells, or `NONE`, and how.
    near_vid: u32,
    near_edit: Edit,
}

impl Matcher {
    /// Compiles a gazetteer.
    pub fn new(gazetteer: impl Into<Arc<Gazetteer>>) -> Matcher {
        let gazetteer: Arc<Gazetteer> = gazetteer.into();
        let n = gazetteer.aliases().len();
        let mut trie = Trie::new();
        let (mut alias_words, mut after_government, mut correctable) =
            (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        for (i, alias) in gazetteer.aliases().iter().enumerate() {
            let country = alias.entity.is_some_and(|e| gazetteer.entity(e).kind == Kind::Country);
            after_government.push(country && (alias.lang == "id" || alias.case == Case::Exact) && !alias.short);
            let letters = alias.text.chars().filter(|c| c.is_alphabetic()).count();
            let may_correct = alias.entity.is_some()
                && alias.case != Case::Exact
                && !alias.short
                && (alias.lang == "id" || alias.lang == "en");
            correctable.push(if may_correct { u8::try_from(letters).unwrap_or(u8::MAX) } else { 0 });
            let (node, words) = trie.insert(ROOT, &alias.text);
            trie.add_terminal(node, AliasId(i as u32));
            alias_words.push(words);
        }
        let government = Government::new(&gazetteer, &mut trie);
        trie.finish();
        let spelling = Spelling::new(&trie);
        // A variant is the same token as its word (after the trie is built: it adds no node).
        for (variant, word) in gazetteer.variants() {
            trie.add_variant(variant, word);
        }
        Matcher { gazetteer, trie, spelling, government, alias_words, after_government, correctable }
    }

    /// A new matcher over the bundled gazetteer, parsed and compiled afresh (for measuring
    /// start-up; use [`Matcher::bundled`] otherwise).
    pub fn compile_bundled() -> Matcher {
        Matcher::new(Gazetteer::parse_bundled())
    }

    /// The matcher over the bundled gazetteer ([`Gazetteer::bundled`]), compiled once and shared.
    pub fn bundled() -> &'static Matcher {
        static BUNDLED: OnceLock<Matcher> = OnceLock::new();
        BUNDLED.get_or_init(|| Matcher::new(Arc::clone(Gazetteer::bundled())))
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
        self.scan(text, folded, &mut |_| {})
    }

    /// The mentions in `text`, and every name that matched but was vetoed, with the rule that
    /// vetoed it, in text order.
    pub fn explain(&self, text: &str) -> (Vec<Mention>, Vec<Vetoed>) {
        let mut vetoed = Vec::new();
        let mentions = self.scan(text, &FoldedTokens::new(text), &mut |v| vetoed.push(v));
        vetoed.sort_by_key(|v| v.span.start);
        (mentions, vetoed)
    }

    /// The search loop: at each token the longest alias or government mention, vetted by the
    /// context rules; the words it covers are then skipped, vetoed or not.
    fn scan(&self, text: &str, folded: &FoldedTokens, vetoed: &mut impl FnMut(Vetoed)) -> Vec<Mention> {
        let toks = self.tokens(text, folded);
        let cx = Context::new(text, &toks, folded, &self.gazetteer);
        let mut out = Vec::new();
        // Short aliases wait until the whole text is seen: (node, position in `out`).
        let mut pending_short: Vec<(u32, usize)> = Vec::new();
        let mut i = 0;
        // Tokens before `floor` belong to an earlier match; context rules never look at them.
        let mut floor = 0;
        while i < toks.len() {
            let plain = self.longest_at(&cx, i, ROOT, false, true);
            let government = self.government_at(&cx, i);
            let found = match (plain, government) {
                (Some(p), Some(g)) if g.last > p.last => Some(g),
                (Some(p), _) => Some(p),
                (None, g) => g,
            };
            let Some(Found { node, alias, last, end, government, corrected }) = found else {
                i += 1;
                continue;
            };
            let span = Span::new(toks[i].span.start as usize, end as usize);
            let alias_ref = self.gazetteer.alias(alias);
            let corrected = corrected != Edit::None;
            match cx.veto(alias_ref, i, last, end as usize, floor, government.is_some(), corrected) {
                Some(veto) => vetoed(Vetoed { span, alias, veto }),
                None => {
                    if alias_ref.short {
                        pending_short.push((node, out.len()));
                    }
                    let entity = alias_ref.entity.expect("a blocking phrase is always vetoed");
                    out.push(Mention { entity, span, alias, government, corrected });
                }
            }
            i = last + 1;
            floor = i;
        }
        if !pending_short.is_empty() {
            self.resolve_short(&mut out, &pending_short, vetoed);
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
                let vid = self.trie.token(folded);
                // A word of the gazetteer is taken as it is ("Kenya" is not "Ke" + "nya").
                let word = span.slice(text);
                let (stripped_vid, stripped_end) =
                    if vid == NONE { self.strip_enclitic(word, folded, span) } else { (NONE, 0) };
                let (near_vid, near_edit) = if vid != NONE || stripped_vid != NONE {
                    (NONE, Edit::None)
                } else if may_be_misspelled_name(word) {
                    self.spelling.misspelled(folded, &self.trie, &self.gazetteer.rules().known_words)
                } else {
                    (capital_i_as_l(word, &self.trie), Edit::Letter)
                };
                Tok { span, gap_before, vid, stripped_vid, stripped_end, near_vid, near_edit }
            })
            .collect()
    }

    fn strip_enclitic(&self, word: &str, folded: &str, span: Span) -> (u32, u32) {
        for e in &self.gazetteer.rules().enclitics {
            if folded.len() > e.len() && folded.ends_with(&**e) {
                let vid = self.trie.token(&folded[..folded.len() - e.len()]);
                if vid == NONE {
                    continue;
                }
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
        cx: &Context,
        i: usize,
        root: u32,
        after_government: bool,
        may_correct: bool,
    ) -> Option<Found> {
        let mut best = None;
        self.walk(cx.toks, i, root, may_correct, |node, j, end, corrected| {
            if let Some(alias) = self.accept(cx, node, i, end, after_government, corrected) {
                best = Some(Found { node, alias, last: j, end, government: None, corrected });
            }
        });
        best
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
            if t.stripped_vid != NONE {
                if let Some(child) = self.trie.child(node, gap, t.stripped_vid) {
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
            let Some(child) = self.trie.child(node, gap, vid) else { break };
            visit(child, j, t.span.end, corrected);
            node = child;
            j += 1;
        }
    }

    /// The first alias ending at `node` whose case rule holds for the text from token `i` to
    /// byte `end`.
    fn accept(
        &self,
        cx: &Context,
        node: u32,
        i: usize,
        end: u32,
        after_government: bool,
        corrected: Edit,
    ) -> Option<AliasId> {
        let (text, toks) = (cx.text, cx.toks);
        self.trie.terminals(node).iter().copied().find(|&a| {
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
}
