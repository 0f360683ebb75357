//! Text normalization: tokens, the gaps between them, and folding.
//!
//! Both the gazetteer and the documents go through the same functions, so an alias and the
//! text that names it always compare on the same terms.
//!
//! ```
//! use sorot_engine::text::{fold, tokenize, Gap};
//!
//! let text = "Presiden Rusia-Ukraina, Côte d’Ivoire";
//! let words: Vec<&str> = tokenize(text).map(|t| t.span.slice(text)).collect();
//! assert_eq!(words, ["Presiden", "Rusia", "Ukraina", "Côte", "d", "Ivoire"]);
//! assert_eq!(Gap::between(text, 14, 15), Gap::Dash);
//! assert_eq!(fold("CÔTE"), "cote");
//! ```
//!
//! # Invisible and wide characters
//! Zero-width characters and soft hyphens (see [`is_invisible`]) that scraped pages leave inside
//! words do not split them: "Ru\u{200b}sia" is one token, which folds to "rusia". They never
//! start or end a token, so a span never begins or ends with one. Full-width Latin letters and
//! digits ("Ｒｕｓｉａ") fold to ASCII, and the dotted capital I of Turkish ("TÜRKİYE") folds
//! like any other I.
//!
//! # What it does not do
//! It does not segment Chinese or Japanese into words: each ideograph or kana is a token of its
//! own, and an alias written in those scripts is a sequence of such tokens with no gap between
//! them. It does not apply Unicode normalization forms; precomposed Latin letters are folded by
//! a table, and combining marks are dropped.

use crate::span::Span;

/// A token of text: a run of word characters, or one CJK character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where the token lies, in bytes of the text it came from.
    pub span: Span,
}

/// What separates two neighbouring tokens, reduced to the classes that matter for names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Gap {
    /// Nothing: the tokens touch (CJK characters).
    None = 0,
    /// Whitespace within a paragraph (spaces, a single line break, no-break spaces).
    Space = 1,
    /// One hyphen or dash, as in "Guinea-Bissau" or "Negara-Negara".
    Dash = 2,
    /// One apostrophe, as in "d'Ivoire".
    Apostrophe = 3,
    /// One full stop, as in "U.S".
    Dot = 4,
    /// Anything else: punctuation, a blank line. No name spans such a gap.
    Other = 5,
}

impl Gap {
    /// Classifies the text between byte offsets `from` and `to` (the end of one token and the
    /// start of the next).
    ///
    /// # Panics
    /// If the offsets are not char boundaries of `text` or `from > to`.
    pub fn between(text: &str, from: usize, to: usize) -> Gap {
        Gap::of(&text[from..to])
    }

    /// Classifies a separator string; invisible characters ([`is_invisible`]) in it are ignored.
    pub fn of(sep: &str) -> Gap {
        if !sep.is_ascii() && sep.contains(is_invisible) {
            let visible: String = sep.chars().filter(|&c| !is_invisible(c)).collect();
            return Gap::of(&visible);
        }
        match sep.as_bytes() {
            [] => return Gap::None,
            [b' '] => return Gap::Space,
            _ => {}
        }
        let mut chars = sep.chars();
        let first = chars.next().unwrap_or(' ');
        if chars.next().is_none() {
            match first {
                '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => return Gap::Dash,
                '\'' | '\u{2019}' | '\u{02BC}' => return Gap::Apostrophe,
                '.' => return Gap::Dot,
                _ => {}
            }
        }
        let newlines = sep.chars().filter(|&c| c == '\n').count();
        if newlines <= 1 && sep.chars().all(char::is_whitespace) {
            Gap::Space
        } else {
            Gap::Other
        }
    }
}

/// True for characters that belong inside a word: letters, digits and combining marks.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Characters that form a token on their own because their scripts do not separate words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF       // Hiragana, Katakana
        | 0x3400..=0x4DBF     // CJK Extension A
        | 0x4E00..=0x9FFF     // CJK Unified Ideographs
        | 0xF900..=0xFAFF     // CJK Compatibility Ideographs
        | 0x20000..=0x2FFFF) // CJK Extensions B–F
}

/// Characters that show nothing and may sit inside a word without ending it: the soft hyphen,
/// the zero-width space, the word joiner and the zero-width no-break space (a byte-order mark
/// in mid-text). Dropped by [`fold`].
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x200C | 0x200D)
}

/// Splits `text` into tokens, left to right.
///
/// A token is a maximal run of [`is_word_char`] characters, except that each CJK character
/// ([`is_cjk`]) is a token by itself. Everything else separates tokens.
pub fn tokenize(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// The iterator returned by [`tokenize`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Skip separators; ASCII bytes are classified without decoding (the common case).
        let mut i = self.pos;
        let first = loop {
            let &b = bytes.get(i)?;
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    break b as char;
                }
                i += 1;
            } else {
                let c = text[i..].chars().next().expect("i is a char boundary");
                if is_word_char(c) {
                    break c;
                }
                i += c.len_utf8();
            }
        };
        let start = i;
        let mut end = start + first.len_utf8();
        if !is_cjk(first) {
            // Where the token would end if the invisible characters just read were its last.
            let mut scan = end;
            while let Some(&b) = bytes.get(scan) {
                if b < 0x80 {
                    if !b.is_ascii_alphanumeric() {
                        break;
                    }
                    scan += 1;
                    end = scan;
                } else {
                    let c = text[scan..].chars().next().expect("scan is a char boundary");
                    if is_invisible(c) {
                        scan += c.len_utf8();
                        continue;
                    }
                    if !is_word_char(c) || is_cjk(c) {
                        break;
                    }
                    scan += c.len_utf8();
                    end = scan;
                }
            }
        }
        self.pos = end;
        Some(Token { span: Span::new(start, end) })
    }
}

/// Folds text for comparison: lower case, Latin diacritics removed, combining marks dropped.
///
/// "Türkiye", "TURKIYE" and "turkiye" fold alike; so do "Côte" and "cote". Folding may change
/// the length in bytes; it never changes the number of tokens.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded form of `text` to `out`; see [`fold`].
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        let from = out.len();
        out.push_str(text);
        out[from..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if is_combining(c) || is_invisible(c) {
            continue;
        }
        if let Some(ascii) = full_width_ascii(c) {
            out.push(ascii.to_ascii_lowercase());
            continue;
        }
        // Lower-casing may make a combining mark ("İ" is "i" and a dot above): dropped too.
        for l in c.to_lowercase().filter(|&l| !is_combining(l)) {
            match strip_latin(l) {
                Some(s) => out.push_str(s),
                None => out.push(l),
            }
        }
    }
}

/// The ASCII letter or digit a full-width one stands for ("Ｒ" for "R").
fn full_width_ascii(c: char) -> Option<char> {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0)
        }
        _ => None,
    }
}

/// The base letters of a lower-case precomposed Latin letter, if it has a diacritic.
fn strip_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' | 'ǎ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ё' => "е",
        _ => return None,
    })
}

/// A text's tokens with their folded forms, computed once for everyone who needs them (the
/// matcher and the index both read a document's words). A token that is already folded (lower
/// case ASCII, most of them) is not copied.
#[derive(Debug, Clone, Default)]
pub struct FoldedTokens<'a> {
    text: &'a str,
    /// The tokens, in order.
    pub spans: Vec<Span>,
    /// Folded forms of the tokens that needed folding, one after another.
    buf: String,
    /// Per token: the range of its folded form, in `buf` when `true`, else in the text.
    slots: Vec<(u32, u32, bool)>,
}

impl<'a> FoldedTokens<'a> {
    /// Tokenizes and folds `text`.
    pub fn new(text: &'a str) -> FoldedTokens<'a> {
        let mut f = FoldedTokens { text, ..FoldedTokens::default() };
        for t in tokenize(text) {
            let word = t.span.slice(text);
            if word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
                f.slots.push((t.span.start, t.span.end, false));
            } else {
                let start = f.buf.len() as u32;
                fold_into(word, &mut f.buf);
                f.slots.push((start, f.buf.len() as u32, true));
            }
            f.spans.push(t.span);
        }
        f
    }

    /// The folded form of token `k`.
    pub fn folded(&self, k: usize) -> &str {
        let (s, e, in_buf) = self.slots[k];
        if in_buf {
            &self.buf[s as usize..e as usize]
        } else {
            &self.text[s as usize..e as usize]
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True for a text without words.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// True if the first character of `word` is upper case (or title case).
pub fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn tokens_split_on_hyphens_and_punctuation() {
        let cases: &[(&str, &[&str])] = &[
            ("republik pasca-Soviet telah", &["republik", "pasca", "Soviet", "telah"]),
            ("Dubes: I-EAEU FTA bisa", &["Dubes", "I", "EAEU", "FTA", "bisa"]),
            ("Rusia-China di tingkat", &["Rusia", "China", "di", "tingkat"]),
            ("(SCO) dan", &["SCO", "dan"]),
            ("KTT ke-43 ASEAN", &["KTT", "ke", "43", "ASEAN"]),
            ("“menyinkronkan jam”", &["menyinkronkan", "jam"]),
            ("", &[]),
            ("  \n ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "tokens of {text:?}");
        }
    }

    #[test]
    fn invisible_characters_do_not_split_a_word_nor_start_or_end_one() {
        let cases: &[(&str, &[&str])] = &[
            ("Ru\u{200b}sia", &["Ru\u{200b}sia"]),
            ("Ru\u{ad}sia dan Chi\u{2060}na", &["Ru\u{ad}sia", "dan", "Chi\u{2060}na"]),
            ("\u{200b}Rusia\u{200b} \u{feff}China\u{ad}", &["Rusia", "China"]),
            ("\u{200b}\u{ad}", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), *want, "tokens of {text:?}");
        }
        assert_eq!(fold("Ru\u{200b}sia"), "rusia");
    }

    #[test]
    fn each_cjk_character_is_a_token() {
        assert_eq!(words("中国和俄罗斯"), ["中", "国", "和", "俄", "罗", "斯"]);
        assert_eq!(words("Россия и Китай"), ["Россия", "и", "Китай"]);
    }

    #[test]
    fn gaps_are_classified() {
        let cases = [
            ("", Gap::None),
            (" ", Gap::Space),
            ("\u{a0}", Gap::Space),
            (" \n ", Gap::Space),
            ("\n\n", Gap::Other),
            ("-", Gap::Dash),
            ("–", Gap::Dash),
            ("’", Gap::Apostrophe),
            (".", Gap::Dot),
            (", ", Gap::Other),
            (" (", Gap::Other),
            ("\u{200b} ", Gap::Space),
            ("-\u{ad}", Gap::Dash),
        ];
        for (sep, want) in cases {
            assert_eq!(Gap::of(sep), want, "gap {sep:?}");
        }
    }

    #[test]
    fn folding_ignores_case_and_latin_diacritics() {
        let cases = [
            ("RUSIA", "rusia"),
            ("Türkiye", "turkiye"),
            ("Côte d’Ivoire", "cote d’ivoire"),
            ("São Tomé", "sao tome"),
            ("РОССИЯ", "россия"),
            ("Ёлка", "елка"),
            ("Ｒｕｓｉａ２０", "rusia20"),
            ("TÜRKİYE", "turkiye"),
            ("Türkıye", "turkiye"),
        ];
        for (text, want) in cases {
            assert_eq!(fold(text), want, "fold {text:?}");
        }
    }
}
