//! An Indonesian stemmer: the Snowball Indonesian algorithm (Tala, 2003), dictionary-free.
//!
//! It removes, in order, a particle (-kah, -lah, -pun), a possessive pronoun (-ku, -mu, -nya),
//! then either a first-order prefix (di-, ke-, me(N)-, pe(N)-, ter-) followed by a suffix (-kan,
//! -an, -i) and a second-order prefix (ber-, per-), or a second-order prefix followed by a suffix
//! — each step only while the word keeps more than two vowels.
//!
//! ```
//! use sorot_engine::search::stem::stem;
//!
//! assert_eq!(stem("bekerja"), "kerja");
//! assert_eq!(stem("kerjasamanya"), stem("kerjasama"));
//! assert_eq!(stem("pembangunan"), "bangun");
//! assert_eq!(stem("menyapu"), "sapu");
//! ```
//!
//! # Quirks
//! Like every dictionary-free stemmer it over-stems now and then ("kerjasama" → "rjasama",
//! reading ke- as a prefix); that is harmless for search because queries are stemmed the same
//! way. It expects folded (lower-case, ASCII) input and leaves other scripts alone.

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn vowels(w: &[u8]) -> usize {
    w.iter().filter(|&&b| is_vowel(b)).count()
}

/// The stem of a folded word.
pub fn stem(word: &str) -> String {
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_string();
    }
    let mut w = word.as_bytes().to_vec();
    let mut measure = vowels(&w);
    if measure <= 2 {
        return word.to_string();
    }
    // Particles, then possessive pronouns.
    for set in [&["kah", "lah", "pun"][..], &["ku", "mu", "nya"][..]] {
        if measure <= 2 {
            break;
        }
        if let Some(s) = set.iter().find(|s| w.ends_with(s.as_bytes())) {
            w.truncate(w.len() - s.len());
            measure -= 1;
        }
    }
    if measure <= 2 {
        return into_string(w);
    }
    let mut prefix = 0u8;
    if remove_first_order_prefix(&mut w, &mut measure, &mut prefix) {
        if measure > 2 {
            remove_suffix(&mut w, &mut measure, prefix);
        }
        if measure > 2 {
            remove_second_order_prefix(&mut w, &mut measure, &mut prefix);
        }
    } else {
        remove_second_order_prefix(&mut w, &mut measure, &mut prefix);
        if measure > 2 {
            remove_suffix(&mut w, &mut measure, prefix);
        }
    }
    into_string(w)
}

fn into_string(w: Vec<u8>) -> String {
    String::from_utf8(w).expect("ASCII in, ASCII out")
}

/// di-, ke-, meng-, men-, me-, ter-, peng-, pen-, meny- (→ s), peny- (→ s), mem- (→ p before a
/// vowel), pem- (same). Sets `prefix` to 1 (di/me/ter) or 3 (ke/pe).
fn remove_first_order_prefix(w: &mut Vec<u8>, measure: &mut usize, prefix: &mut u8) -> bool {
    let vowel_at = |w: &[u8], i: usize| w.get(i).is_some_and(|&b| is_vowel(b));
    let (cut, replace, kind): (usize, Option<u8>, u8) = if w.starts_with(b"meny") && vowel_at(w, 4) {
        (4, Some(b's'), 1)
    } else if w.starts_with(b"peny") && vowel_at(w, 4) {
        (4, Some(b's'), 3)
    } else if w.starts_with(b"meng") {
        (4, None, 1)
    } else if w.starts_with(b"peng") {
        (4, None, 3)
    } else if w.starts_with(b"mem") {
        (3, vowel_at(w, 3).then_some(b'p'), 1)
    } else if w.starts_with(b"pem") {
        (3, vowel_at(w, 3).then_some(b'p'), 3)
    } else if w.starts_with(b"men") {
        (3, None, 1)
    } else if w.starts_with(b"pen") {
        (3, None, 3)
    } else if w.starts_with(b"ter") {
        (3, None, 1)
    } else if w.starts_with(b"di") || w.starts_with(b"me") {
        (2, None, 1)
    } else if w.starts_with(b"ke") {
        (2, None, 3)
    } else {
        return false;
    };
    w.drain(..cut);
    if let Some(r) = replace {
        w.insert(0, r);
    }
    *measure -= 1;
    *prefix = kind;
    true
}

/// per-, pe-, ber-, be- (before C + "er"), and the irregular pelajar/belajar (→ ajar).
fn remove_second_order_prefix(w: &mut Vec<u8>, measure: &mut usize, prefix: &mut u8) -> bool {
    let ker = |w: &[u8]| w.len() > 4 && !is_vowel(w[2]) && &w[3..5] == b"er";
    let (cut, kind) = if w.starts_with(b"belajar") {
        (3, 4)
    } else if w.starts_with(b"pelajar") {
        (3, 2)
    } else if w.starts_with(b"ber") {
        (3, 4)
    } else if w.starts_with(b"per") {
        (3, 2)
    } else if w.starts_with(b"be") && ker(w) {
        (2, 4)
    } else if w.starts_with(b"pe") {
        (2, 2)
    } else {
        return false;
    };
    w.drain(..cut);
    *measure -= 1;
    *prefix = kind;
    true
}

/// -kan (not after ke-/pe-/per-), -an (not after di-/me-/ter-), -i (not after ber-, and not
/// after an "s").
fn remove_suffix(w: &mut Vec<u8>, measure: &mut usize, prefix: u8) {
    let n = w.len();
    let cut = if w.ends_with(b"kan") && prefix != 3 && prefix != 2 {
        3
    } else if w.ends_with(b"an") && prefix != 1 {
        2
    } else if w.ends_with(b"i") && prefix <= 2 && !(n >= 2 && w[n - 2] == b's') {
        1
    } else {
        return;
    };
    w.truncate(n - cut);
    *measure -= 1;
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn affixes_are_removed_as_the_snowball_algorithm_does() {
        let cases = [
            ("bekerja", "kerja"),
            ("kerja", "kerja"),
            ("pekerjaan", "kerja"),
            ("mempermainkan", "main"),
            ("pembangunan", "bangun"),
            ("membangun", "bangun"),
            ("menyapu", "sapu"),
            ("memukul", "pukul"),
            ("dipukul", "pukul"),
            ("kebersamaan", "sama"),
            ("bersama", "sama"),
            ("belajar", "ajar"),
            ("pelajaran", "ajar"),
            ("perdagangan", "dagang"),
            ("rusia", "rusia"),
            ("negaranya", "negara"),
            ("bukukah", "buku"),
            ("ada", "ada"),
            ("россия", "россия"),
        ];
        for (word, want) in cases {
            assert_eq!(stem(word), want, "stem of {word}");
        }
    }

    #[test]
    fn forms_of_one_compound_share_a_stem() {
        assert_eq!(stem("kerjasama"), stem("kerjasamanya"));
        assert_eq!(stem("bekerjasama"), "kerjasama");
    }
}
