//! Government phrases and ministries: "Kementerian Luar Negeri Rusia" and "Kementerian
//! Komunikasi Kuba" are one mention of the country each.
//!
//! Phrases live in the trie below [`GOV_ROOT`]; a walk that ends one continues into the country
//! names, so no phrase is composed with every name in advance. A `government-head` word
//! ("Kementerian") may instead open a ministry's own name of a few capitalized words before the
//! country.

use std::collections::HashMap;

use super::rules::Context;
use super::spelling::Edit;
use super::trie::{Trie, GOV_ROOT, NONE, ROOT};
use super::{Found, Matcher};
use crate::gazetteer::{Gazetteer, GovernmentId};
use crate::text::{fold, Gap};
use crate::Fx;

/// Most words of a ministry's own name ("Pemberdayaan Perempuan dan Perlindungan Anak").
const MAX_MINISTRY_WORDS: usize = 6;

/// Where government phrases end in the trie, and which words open a ministry's name.
#[derive(Debug, Clone, Default)]
pub(crate) struct Government {
    /// Government phrase ending at each node of the government trie.
    ends: HashMap<u32, GovernmentId, Fx>,
    /// Token id of each word that opens a ministry's own name ("Kementerian"), and its open
    /// phrase ("Kementerian …").
    heads: HashMap<u32, GovernmentId, Fx>,
}

impl Government {
    /// Inserts the gazetteer's government phrases into `trie` below [`GOV_ROOT`].
    pub(crate) fn new(gazetteer: &Gazetteer, trie: &mut Trie) -> Government {
        let mut g = Government::default();
        for (p, phrase) in gazetteer.government_phrases().iter().enumerate() {
            let id = GovernmentId(u16::try_from(p).expect("the gazetteer holds fewer than 65536 phrases"));
            if phrase.open {
                // The head alone was inserted just before (the gazetteer lists it first).
                g.heads.insert(trie.token(&fold(phrase.text.trim())), id);
            } else {
                let (node, _) = trie.insert(GOV_ROOT, &phrase.text);
                g.ends.insert(node, id);
            }
        }
        g
    }
}

impl Matcher {
    /// A government phrase starting at token `i` and the country alias after it, the longest.
    /// One misspelled word is allowed in the whole mention.
    pub(super) fn government_at(&self, cx: &Context, i: usize) -> Option<Found> {
        let toks = cx.toks;
        let mut ends = Vec::new();
        self.walk(toks, i, GOV_ROOT, true, |node, j, end, corrected| {
            if let Some(&p) = self.government.ends.get(&node) {
                if end == toks[j].span.end {
                    ends.push((j, p, corrected));
                }
            }
        });
        ends.into_iter()
            .rev()
            .filter(|&(j, _, _)| j + 1 < toks.len() && toks[j + 1].gap_before == Gap::Space)
            .find_map(|(j, p, corrected)| {
                let found = self.longest_at(cx, j + 1, ROOT, true, corrected == Edit::None)?;
                Some(Found { government: Some(p), corrected: corrected.max(found.corrected), ..found })
            })
            .or_else(|| {
                // Only a word that is a government phrase by itself opens a ministry's name.
                let vid = toks[i].vid;
                (vid != NONE && self.opens_government(vid)).then(|| self.ministry_at(cx, i)).flatten()
            })
    }

    /// True when token `vid` starts a government phrase.
    fn opens_government(&self, vid: u32) -> bool {
        self.trie.root_child(GOV_ROOT, vid) != NONE
    }

    /// A ministry's own name and the country after it, from a government head at token `i`:
    /// "Kementerian Komunikasi Kuba", "Kementerian Hukum dan HAM RI", "Kementerian Ekonomi,
    /// Perdagangan dan Industri Jepang". The name is up to six capitalized words, joined by
    /// spaces, a `name-joiner`, or commas when a joiner follows (a list of portfolios). A
    /// country's name inside it ends it, unless right after a joiner or a comma ("Kementerian
    /// Luar Negeri dan KBRI" is two bodies), which makes it no ministry of one country; so do
    /// another government phrase, an institution's name ("Departemen Komunikasi Bank Indonesia")
    /// and a personal name ("Kementerian Pertahanan Kolonel Turki al-Maliki").
    // Token by token, looking back at the one before: a range is clearer than an iterator.
    #[allow(clippy::needless_range_loop)]
    fn ministry_at(&self, cx: &Context, i: usize) -> Option<Found> {
        let toks = cx.toks;
        let &p = self.government.heads.get(&toks[i].vid)?;
        let (mut words, mut open_comma) = (0, false);
        for k in i + 1..toks.len().min(i + 2 + MAX_MINISTRY_WORDS) {
            let comma = cx.sep(k) == ", ";
            if toks[k].gap_before != Gap::Space && !(comma && words > 0) {
                return None;
            }
            let after_joiner = words > 0 && cx.name_joiner(k - 1);
            if words > 0 {
                if let Some(found) = self.longest_at(cx, k, ROOT, true, true) {
                    let person = self.gazetteer.alias(found.alias).person && cx.name_like(k - 1);
                    if comma || after_joiner || open_comma || person || cx.inside_institution_name(i + 1, k) {
                        return None;
                    }
                    return Some(Found { government: Some(p), ..found });
                }
                // Another body begins: "Kementerian Luar Negeri dan Kementerian Kebudayaan
                // Prancis", "Kementerian PUPR, Pemerintah Kota Bandung".
                if toks[k].vid != NONE && self.opens_government(toks[k].vid) {
                    return None;
                }
            }
            open_comma |= comma;
            if cx.name_joiner(k) {
                if words == 0 || after_joiner {
                    return None;
                }
                open_comma = false;
            } else if !cx.upper(k) {
                return None;
            }
            words += 1;
        }
        None
    }
}
