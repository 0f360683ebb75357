//! Reading a misspelled name: a capitalized word that is not in the gazetteer, one edit from
//! one alias word ("Maldova" for "Moldova").
//!
//! Candidates come from a deletion index: each alias word is hashed whole and with each of its
//! letters but the first dropped; a word one edit from it shares one of those hashes. A bit set
//! over the hashes answers most look-ups without touching the map.

use std::collections::HashMap;

use super::trie::{Trie, NONE};
use crate::gazetteer::WordSet;
use crate::Fx;

/// Shortest alias word (in letters) a misspelling may stand for.
pub(crate) const MIN_CORRECTABLE_WORD: usize = 5;
/// Longest alias word a misspelling may stand for (longer ones are not indexed).
const MAX_CORRECTABLE_WORD: usize = 24;
/// Shortest alias (in letters) a misspelled word may stand in: "Moldova" for "Maldova", but
/// not "Yaman" for the personal name "Yamin". A swap of two letters ("Italai") is rarely
/// another word, so it may stand in any alias of `MIN_CORRECTABLE_WORD` letters.
pub(crate) const MIN_CORRECTABLE_ALIAS: usize = 7;
/// The filter has 2^NEAR_BITS bits (8 KiB, in L1 cache): a larger one measured no faster.
const NEAR_BITS: u32 = 16;

/// How a misspelled word differs from the alias word it is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Edit {
    /// Not misspelled.
    None,
    /// Two adjacent letters swapped ("Italai"): rarely another word, so allowed in shorter names.
    Swap,
    /// A letter replaced, added or dropped ("Maldova", "Banglasdesh").
    Letter,
}

/// The deletion index over a trie's vocabulary.
#[derive(Debug, Clone)]
pub(crate) struct Spelling {
    /// Token ids of the alias words a misspelling may stand for, by the hash of each word and of
    /// each word with one letter (not the first) deleted.
    near: HashMap<u64, Vec<u32>, Fx>,
    /// The top `NEAR_BITS` bits of every key of `near`, as a bit set: most probes end here.
    near_bits: Vec<u64>,
}

impl Spelling {
    /// Indexes the words of `trie` of `MIN_CORRECTABLE_WORD` to `MAX_CORRECTABLE_WORD` ASCII letters.
    pub(crate) fn new(trie: &Trie) -> Spelling {
        let mut s = Spelling { near: HashMap::default(), near_bits: vec![0; 1 << (NEAR_BITS - 6)] };
        for (vid, word) in trie.words().iter().enumerate() {
            let w = word.as_bytes();
            if (MIN_CORRECTABLE_WORD..=MAX_CORRECTABLE_WORD).contains(&w.len()) && w.iter().all(u8::is_ascii_lowercase)
            {
                for h in deletion_hashes(w) {
                    let bit = near_bit(h);
                    s.near_bits[bit >> 6] |= 1 << (bit & 63);
                    let ids = s.near.entry(h).or_default();
                    if !ids.contains(&(vid as u32)) {
                        ids.push(vid as u32);
                    }
                }
            }
        }
        s
    }

    /// The alias word that `folded`, a capitalized word missing from the gazetteer, misspells:
    /// the only one at one edit (a letter replaced, added, dropped, or two swapped) that leaves
    /// the first letter alone, and the last unless swapped, so that inflections and demonyms
    /// ("Indonesian", "Filipino") are not read as names; never one of `known_words`. Only for a
    /// word that [`may_be_misspelled_name`] accepts, so `folded` is its ASCII lower case.
    pub(crate) fn misspelled(&self, folded: &str, trie: &Trie, known_words: &WordSet) -> (u32, Edit) {
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
                let edit = one_inner_edit(w, trie.words()[vid as usize].as_bytes());
                if edit != Edit::None {
                    if found.0 != NONE {
                        return (NONE, Edit::None);
                    }
                    found = (vid, edit);
                }
            }
        }
        // Looked up last: most words have no candidate at all.
        if found.0 != NONE && known_words.contains(folded) {
            return (NONE, Edit::None);
        }
        found
    }
}

/// The alias word that `word` is when its first letter, a lower-case "l", stands for a capital
/// "I", as scanned or typed text has it ("lndonesia"): only before a consonant, where no
/// Indonesian word puts an "l".
pub(crate) fn capital_i_as_l(word: &str, trie: &Trie) -> u32 {
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
    trie.token(&i)
}

/// Which of the 2^`NEAR_BITS` bits of the filter a deletion hash sets (Fibonacci hashing: the
/// top bits of a multiply by 2^64/φ depend on every bit of the hash).
fn near_bit(h: u64) -> usize {
    (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - NEAR_BITS)) as usize
}

/// The hashes of `w` and of `w` without each of its letters but the first, in one pass: a
/// polynomial hash, so that dropping letter `p` is `prefix(p) · B^(rest) + suffix(p + 1)`.
/// Equal strings get equal hashes whichever way they were made. `w` is at most
/// `MAX_CORRECTABLE_WORD + 1` bytes.
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
pub(crate) fn may_be_misspelled_name(word: &str) -> bool {
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
pub(crate) fn one_inner_edit(a: &[u8], b: &[u8]) -> Edit {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn one_inner_edit_reads_slips_but_not_other_words() {
        let cases = [
            ("maldova", "moldova", Edit::Letter),
            ("banglasdesh", "bangladesh", Edit::Letter),
            ("italai", "italia", Edit::Swap),
            ("indonesiaa", "indonesia", Edit::Letter),
            ("moldova", "moldova", Edit::None),
            ("indonesian", "indonesia", Edit::None),
            ("filipino", "filipina", Edit::None),
            ("noldova", "moldova", Edit::None),
            ("maldovo", "moldova", Edit::None),
        ];
        for (a, b, want) in cases {
            assert_eq!(one_inner_edit(a.as_bytes(), b.as_bytes()), want, "{a} for {b}");
        }
    }

    #[test]
    fn the_index_finds_the_one_word_a_misspelling_stands_for() {
        let mut t = Trie::new();
        for name in ["Moldova", "Malaysia", "Belanda", "Kolombia"] {
            t.insert(super::super::trie::ROOT, name);
        }
        t.finish();
        let s = Spelling::new(&t);
        let none = WordSet::default();
        assert_eq!(s.misspelled("maldova", &t, &none), (t.token("moldova"), Edit::Letter));
        assert_eq!(s.misspelled("malaysai", &t, &none), (t.token("malaysia"), Edit::Swap));
        assert_eq!(s.misspelled("jakarta", &t, &none).0, NONE);
        let known: WordSet = ["belanja".into()].into_iter().collect();
        assert_eq!(s.misspelled("belanja", &t, &known).0, NONE, "a known word is no misspelling");
        assert_eq!(s.misspelled("belanja", &t, &none).0, t.token("belanda"));
    }

    #[test]
    fn a_lower_case_l_may_stand_for_a_capital_i() {
        let mut t = Trie::new();
        t.insert(super::super::trie::ROOT, "Indonesia");
        t.finish();
        assert_eq!(capital_i_as_l("lndonesia", &t), t.token("indonesia"));
        assert_eq!(capital_i_as_l("lebanon", &t), NONE, "before a vowel an l is an l");
    }

    #[test]
    fn misspelled_names_are_capitalized_latin_words_of_indexed_length() {
        for (w, want) in [("Maldova", true), ("MALDOVA", true), ("ColorOS", false), ("maldova", false), ("Abc", false)]
        {
            assert_eq!(may_be_misspelled_name(w), want, "{w}");
        }
    }

    /// The edit test by brute force: a word is one inner edit from another when some single
    /// replacement, insertion, deletion or adjacent swap makes one of the other.
    fn brute_edit(a: &[u8], b: &[u8]) -> bool {
        if a == b {
            return false;
        }
        let (n, m) = (a.len(), b.len());
        let same_len_diffs: Vec<usize> = if n == m { (0..n).filter(|&k| a[k] != b[k]).collect() } else { Vec::new() };
        let replace = n == m && same_len_diffs.len() == 1;
        let swap = n == m
            && same_len_diffs.len() == 2
            && same_len_diffs[1] == same_len_diffs[0] + 1
            && a[same_len_diffs[0]] == b[same_len_diffs[1]]
            && a[same_len_diffs[1]] == b[same_len_diffs[0]];
        let indel = |long: &[u8], short: &[u8]| (0..long.len()).any(|k| [&long[..k], &long[k + 1..]].concat() == short);
        replace || swap || (n == m + 1 && indel(a, b)) || (m == n + 1 && indel(b, a))
    }

    proptest! {
        /// Every edit the fast test accepts is a real single edit, and the deletion hashes of a
        /// word one edit from an indexed word always share a hash with it.
        #[test]
        fn accepted_edits_are_single_edits_and_the_hashes_find_them(
            b in "[a-e]{5,12}",
            op in 0usize..4,
            at in 1usize..12,
            c in "[a-e]",
        ) {
            let b = b.into_bytes();
            let at = at.min(b.len() - 1);
            let c = c.as_bytes()[0];
            let mut a = b.clone();
            match op {
                0 => a[at] = c,
                1 => a.insert(at, c),
                2 => { a.remove(at); }
                _ => if at + 1 < a.len() { a.swap(at, at + 1) },
            }
            let edit = one_inner_edit(&a, &b);
            if edit != Edit::None {
                prop_assert!(brute_edit(&a, &b), "{:?} accepted for {:?}", a, b);
                let hb: Vec<u64> = deletion_hashes(&b).collect();
                prop_assert!(deletion_hashes(&a).any(|h| hb.contains(&h)), "no shared hash");
            }
        }
    }
}
