//! The token trie: aliases and government phrases as paths of `(gap, folded token)` edges.
//!
//! Every word of the gazetteer gets a token id (`vid`); a text's words are looked up once and
//! then walked by id. Two roots share the one edge map: [`ROOT`] for the aliases, [`GOV_ROOT`]
//! for the government phrases, so a walk that ends a phrase can go on into the names.

use std::collections::HashMap;

use crate::gazetteer::AliasId;
use crate::text::{fold_into, tokenize, Gap};
use crate::Fx;

/// No token id, no node.
pub(crate) const NONE: u32 = u32::MAX;
/// Root of the aliases' trie.
pub(crate) const ROOT: u32 = 0;
/// Root of the government phrases' trie (same edge map, separate paths).
pub(crate) const GOV_ROOT: u32 = 1;

/// The trie and its vocabulary.
#[derive(Debug, Clone)]
pub(crate) struct Trie {
    /// Folded alias token → token id (spelling variants map to their word's id).
    vocab: HashMap<Box<str>, u32, Fx>,
    /// Folded alias tokens by id (variants excluded).
    words: Vec<Box<str>>,
    /// (node, gap, token id) → child node.
    edges: HashMap<(u32, u8, u32), u32, Fx>,
    /// Aliases ending at each node, in data order.
    terminals: Vec<Vec<AliasId>>,
    /// Per token id: the child of each root for that token, or `NONE` (the first step of
    /// every walk, without hashing).
    root_children: Vec<[u32; 2]>,
}

impl Trie {
    /// A trie with its two roots and nothing below them.
    pub(crate) fn new() -> Trie {
        Trie {
            vocab: HashMap::default(),
            words: Vec::new(),
            edges: HashMap::default(),
            terminals: vec![Vec::new(), Vec::new()],
            root_children: Vec::new(),
        }
    }

    /// Adds the tokens of `text` below `root`; returns the last node and the tokens as written.
    pub(crate) fn insert(&mut self, root: u32, text: &str) -> (u32, Vec<Box<str>>) {
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
            let next_vid = self.words.len() as u32;
            let vid = *self.vocab.entry(buf.as_str().into()).or_insert(next_vid);
            if vid == next_vid {
                self.words.push(buf.as_str().into());
            }
            let next_node = self.terminals.len() as u32;
            node = *self.edges.entry((node, edge_gap(gap), vid)).or_insert(next_node);
            if node == next_node {
                self.terminals.push(Vec::new());
            }
        }
        (node, words)
    }

    /// Records that `alias` ends at `node`.
    pub(crate) fn add_terminal(&mut self, node: u32, alias: AliasId) {
        self.terminals[node as usize].push(alias);
    }

    /// Indexes the roots' children; call once every path is inserted.
    pub(crate) fn finish(&mut self) {
        self.root_children = vec![[NONE; 2]; self.words.len()];
        for (&(node, gap, vid), &child) in &self.edges {
            if (node == ROOT || node == GOV_ROOT) && gap == Gap::None as u8 {
                self.root_children[vid as usize][node as usize] = child;
            }
        }
    }

    /// Makes the folded `variant` the same token as the folded `word`, if `word` is one; adds
    /// no node (call after [`Trie::finish`]).
    pub(crate) fn add_variant(&mut self, variant: &str, word: &str) {
        if let Some(&vid) = self.vocab.get(word) {
            self.vocab.entry(variant.into()).or_insert(vid);
        }
    }

    /// The token id of a folded word, or `NONE`.
    pub(crate) fn token(&self, folded: &str) -> u32 {
        self.vocab.get(folded).copied().unwrap_or(NONE)
    }

    /// The folded words of the vocabulary, by token id.
    pub(crate) fn words(&self) -> &[Box<str>] {
        &self.words
    }

    /// The child of `root` for token `vid`, or `NONE`.
    pub(crate) fn root_child(&self, root: u32, vid: u32) -> u32 {
        self.root_children[vid as usize][root as usize]
    }

    /// The child of `node` over `gap` and token `vid`.
    pub(crate) fn child(&self, node: u32, gap: Gap, vid: u32) -> Option<u32> {
        if (node == ROOT || node == GOV_ROOT) && gap == Gap::None {
            return Some(self.root_child(node, vid)).filter(|&c| c != NONE);
        }
        self.edges.get(&(node, edge_gap(gap), vid)).copied()
    }

    /// The aliases ending at `node`, in data order.
    pub(crate) fn terminals(&self, node: u32) -> &[AliasId] {
        &self.terminals[node as usize]
    }
}

/// The trie key for a gap: inside a name a hyphen and a space are the same ("Timor Leste",
/// "Timor-Leste").
fn edge_gap(gap: Gap) -> u8 {
    match gap {
        Gap::Dash => Gap::Space as u8,
        g => g as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_share_prefixes_and_hyphens_are_spaces() {
        let mut t = Trie::new();
        let (a, words) = t.insert(ROOT, "Timor-Leste");
        let (b, _) = t.insert(ROOT, "timor leste");
        let (c, _) = t.insert(ROOT, "Timor");
        t.finish();
        assert_eq!(words, ["Timor".into(), "Leste".into()] as [Box<str>; 2]);
        assert_eq!(a, b, "a hyphen and a space are one edge");
        let timor = t.token("timor");
        assert_eq!(t.child(ROOT, Gap::None, timor), Some(c));
        assert_eq!(t.child(c, Gap::Space, t.token("leste")), Some(a));
        assert_eq!(t.child(c, Gap::Other, t.token("leste")), None);
        assert_eq!(t.child(GOV_ROOT, Gap::None, timor), None, "the roots keep their paths apart");
    }

    #[test]
    fn a_variant_is_its_words_token() {
        let mut t = Trie::new();
        t.insert(GOV_ROOT, "Kementerian Luar Negeri");
        t.finish();
        t.add_variant("kementrian", "kementerian");
        t.add_variant("frobnicate", "unknown");
        assert_eq!(t.token("kementrian"), t.token("kementerian"));
        assert_eq!(t.token("frobnicate"), NONE);
        assert_eq!(t.words().len(), 3, "a variant adds no word");
    }
}
