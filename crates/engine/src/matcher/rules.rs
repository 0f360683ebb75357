//! Context rules: when a name that matched is not a mention ("bahasa Inggris", "Bank
//! Indonesia", "Indra Jepang"). Each rule reads the words around the name through a
//! [`Context`], which hands out folded words without allocating, and a rule that holds vetoes
//! the candidate with its [`Veto`].

use std::cell::OnceCell;

use super::Tok;
use crate::gazetteer::{Alias, Case, Gazetteer, Kind, Rules};
use crate::text::{starts_upper, FoldedTokens, Gap};

/// Why a name that matched is not a mention: the rule that vetoed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Veto {
    /// The words are a `block` phrase, matched so that nothing inside it is a mention ("Laut
    /// China Selatan").
    BlockPhrase,
    /// A `block-before` or `language-before` word stands right before the name ("bahasa
    /// Inggris", "Teluk Oman").
    WordBefore,
    /// The name is an item of a list of languages ("bahasa Perancis, Indonesia dan Rusia").
    LanguageList,
    /// A currency sign follows the name ("US$ 15").
    Currency,
    /// The name closes an institution's proper name opened by an `org-head` ("Bank
    /// Indonesia").
    InstitutionName,
    /// A personal, misspelled or foreign name is followed by the rest of a proper name ("Jordan
    /// Henderson", "Japan Times", "Turki al-Maliki").
    FollowedByName,
    /// A country's name follows a capitalized word that is evidence of a proper name ("Indra
    /// Jepang", "Alipay Indonesia").
    EndsProperName,
    /// A `short` alias, and the text never names its entity in full ("Persemakmuran" alone).
    ShortWithoutFullName,
}

impl Veto {
    /// A short name for tests and diagnostics: `block`, `word-before`, `language-list`,
    /// `currency`, `institution`, `followed-by-name`, `ends-proper-name`, `short`.
    pub fn name(self) -> &'static str {
        match self {
            Veto::BlockPhrase => "block",
            Veto::WordBefore => "word-before",
            Veto::LanguageList => "language-list",
            Veto::Currency => "currency",
            Veto::InstitutionName => "institution",
            Veto::FollowedByName => "followed-by-name",
            Veto::EndsProperName => "ends-proper-name",
            Veto::ShortWithoutFullName => "short",
        }
    }
}

/// A text's tokens as the rules read them.
pub(crate) struct Context<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Tok],
    folded: &'a FoldedTokens<'a>,
    rules: &'a Rules,
    gazetteer: &'a Gazetteer,
    /// Per token, whether its line is title-cased; computed once, when a rule first asks.
    title_cased: OnceCell<Vec<bool>>,
}

impl<'a> Context<'a> {
    pub(crate) fn new(
        text: &'a str,
        toks: &'a [Tok],
        folded: &'a FoldedTokens<'a>,
        gazetteer: &'a Gazetteer,
    ) -> Context<'a> {
        Context { text, toks, folded, rules: gazetteer.rules(), gazetteer, title_cased: OnceCell::new() }
    }

    /// Token `k` as written.
    pub(crate) fn word(&self, k: usize) -> &'a str {
        self.toks[k].span.slice(self.text)
    }

    /// Token `k` folded.
    pub(crate) fn folded(&self, k: usize) -> &'a str {
        self.folded.folded(k)
    }

    /// The text between tokens `k - 1` and `k`.
    pub(crate) fn sep(&self, k: usize) -> &'a str {
        &self.text[self.toks[k - 1].span.end as usize..self.toks[k].span.start as usize]
    }

    /// True when token `k` starts with a capital.
    pub(crate) fn upper(&self, k: usize) -> bool {
        starts_upper(self.word(k))
    }

    /// True when token `k` is a `name-joiner` ("dan").
    pub(crate) fn name_joiner(&self, k: usize) -> bool {
        self.rules.name_joiners.contains(self.folded(k))
    }

    /// The first rule that vetoes the candidate `alias` at tokens `i..=last` ending at byte
    /// `end`, in a fixed order (the cheap rules first). `floor` is the first token after the
    /// previous match: rules never look before it. `government` says the name follows a
    /// government phrase, which no rule but the currency sign's can veto.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn veto(
        &self,
        alias: &Alias,
        i: usize,
        last: usize,
        end: usize,
        floor: usize,
        government: bool,
        corrected: bool,
    ) -> Option<Veto> {
        let free = !government;
        if alias.entity.is_none() {
            Some(Veto::BlockPhrase)
        } else if free && self.blocked_by_previous_word(i) {
            Some(Veto::WordBefore)
        } else if free && self.in_blocked_list(i) {
            Some(Veto::LanguageList)
        } else if self.currency_code(end) {
            Some(Veto::Currency)
        } else if free && self.inside_institution_name(floor, i) {
            Some(Veto::InstitutionName)
        } else if (alias.person || corrected || is_foreign(alias)) && free && self.followed_by_name(floor, i, last) {
            Some(Veto::FollowedByName)
        } else if free && self.ends_proper_name(alias, floor, i) {
            Some(Veto::EndsProperName)
        } else {
            None
        }
    }

    /// "bahasa Inggris": the word before the name makes it something else.
    fn blocked_by_previous_word(&self, i: usize) -> bool {
        i > 0 && self.toks[i].gap_before == Gap::Space && self.rules.block_before.contains(self.folded(i - 1))
    }

    /// "bahasa Perancis, Indonesia, Malaysia, Rusia dan Ukraina": the name at `i` is an item of
    /// a list (joined by commas or `list-joiner`s) whose first item follows a `language-before`
    /// word, so it is a language too. (Not after a sea's or a gulf's word: in "Teluk Guantanamo,
    /// Kuba" the list is of places.) Items are one or two capitalized words; at most eight are
    /// looked back over.
    fn in_blocked_list(&self, i: usize) -> bool {
        // Lists stay on one line.
        let joins = |k: usize| self.rules.list_joiners.contains(self.folded(k));
        let after_block =
            |s: usize| s > 0 && self.sep(s) == " " && self.rules.language_before.contains(self.folded(s - 1));
        let mut k = i;
        for _ in 0..8 {
            // `j`: the last word of the item before item `k`.
            let j = if k >= 2 && self.sep(k) == " " && joins(k - 1) && matches!(self.sep(k - 1), " " | ", ") {
                k - 2
            } else if k >= 1 && self.sep(k) == ", " {
                k - 1
            } else {
                return false;
            };
            if !self.upper(j) {
                return false;
            }
            if after_block(j) {
                return true;
            }
            // A two-word item ("Korea Selatan").
            k = if j > 0 && self.sep(j) == " " && self.upper(j - 1) { j - 1 } else { j };
            if k != j && after_block(k) {
                return true;
            }
        }
        false
    }

    /// True when a currency sign follows the name directly: "US$ 15" is an amount in dollars.
    fn currency_code(&self, end: usize) -> bool {
        self.text[end..].starts_with(self.rules.currency_signs.as_slice())
    }

    /// True for a capitalized word that is evidence of a proper name: not the first word of a
    /// sentence, not a word that ordinarily stands next to a country name ("Presiden"), and not
    /// an ordinary noun written with a capital ("Lingkungan").
    pub(crate) fn name_like(&self, k: usize) -> bool {
        let word = self.word(k);
        if !starts_upper(word) || !word.chars().skip(1).any(char::is_lowercase) || self.sentence_initial(k) {
            return false;
        }
        let folded = self.folded(k);
        !self.rules.name_context.contains(folded) && !self.rules.common_nouns.contains(folded)
    }

    /// True when a name that is also a personal name ("Jordan", "Israel", "Turki") is followed by
    /// a capitalized word that makes a person's name of it, outside title-cased lines: "Jordan
    /// Henderson", "Israel Adesanya". Only when no context word precedes it, so that "Presiden
    /// Israel Isaac Herzog" stays a mention. (A proper name *before* a name is
    /// [`Context::ends_proper_name`]'s case, for every country.)
    fn followed_by_name(&self, floor: usize, i: usize, last: usize) -> bool {
        let toks = self.toks;
        let context_before =
            i > floor && toks[i].gap_before == Gap::Space && self.rules.name_context.contains(self.folded(i - 1));
        !context_before
            && last + 1 < toks.len()
            && toks[last + 1].gap_before == Gap::Space
            && (self.name_like(last + 1) || self.particle_of_name(last + 1))
            && !self.title_cased_line(i)
    }

    /// True when token `k` is a particle of a personal name followed by the rest of the name:
    /// "al-Maliki", "bin Salman".
    fn particle_of_name(&self, k: usize) -> bool {
        k + 1 < self.toks.len()
            && matches!(self.toks[k + 1].gap_before, Gap::Space | Gap::Dash)
            && self.upper(k + 1)
            && self.rules.name_particles.contains(self.folded(k))
    }

    /// True when a country's name (not an acronym) follows a capitalized word that is not a
    /// context word ("Presiden"), an ordinary noun ("Menteri Lingkungan Malaysia") or a sentence
    /// opener, outside title-cased lines: it ends a proper name ("Alipay Indonesia", "Indra
    /// Jepang").
    fn ends_proper_name(&self, alias: &Alias, floor: usize, i: usize) -> bool {
        alias.case != Case::Exact
            && alias.entity.is_some_and(|e| self.gazetteer.entity(e).kind == Kind::Country)
            && i > floor
            && self.toks[i].gap_before == Gap::Space
            && self.name_like(i - 1)
            && !self.title_cased_line(i)
    }

    /// True when the name at `i` closes the proper name of an institution: a run of up to four
    /// capitalized words (or a `name-joiner` between two of them) opened by an org-head word
    /// ("Bank Indonesia", "Persatuan Petambak Garam Indonesia", "Institut Negara-negara CIS",
    /// "Perhimpunan Hotel dan Restoran Indonesia"). The run stops at a context word ("Presiden"),
    /// and in a title-cased line, where every word is capitalized, it is at most three words.
    pub(crate) fn inside_institution_name(&self, floor: usize, i: usize) -> bool {
        let mut k = i;
        for distance in 1..=4 {
            if k <= floor || self.toks[k].gap_before != Gap::Space {
                return false;
            }
            k -= 1;
            let folded = self.folded(k);
            // "Perhimpunan Hotel dan Restoran Indonesia": "dan" joins words of one name.
            if !self.upper(k) && (!self.name_joiner(k) || distance == 1) {
                return false;
            }
            if self.rules.org_heads.contains(folded) {
                // The line is looked at only when it matters (it is the costly part).
                return distance < 4 || !self.title_cased_line(i);
            }
            if self.rules.name_context.contains(folded) {
                return false;
            }
        }
        false
    }

    /// True when three quarters of the words on the line of token `k` are capitalized, as in a
    /// headline, where capitals say nothing about personal names. The lines are counted once
    /// per text, so a rule may ask at every name of a one-line document in linear time.
    fn title_cased_line(&self, k: usize) -> bool {
        self.title_cased.get_or_init(|| title_cased_lines(self.text, self.toks))[k]
    }

    /// True when token `k` opens a sentence, a line, a quotation or a bracket.
    fn sentence_initial(&self, k: usize) -> bool {
        k == 0 || self.sep(k).contains(['.', '!', '?', ':', ';', '"', '“', '”', '(', '\n'])
    }
}

/// True for a name in another language than Indonesian ("Japan", "Mexico", "US"): in Indonesian
/// text it is mostly part of a foreign proper name when a capitalized word follows ("Japan
/// Times", "Mexico City", "US Chamber of Commerce").
fn is_foreign(alias: &Alias) -> bool {
    alias.lang != "id" && alias.lang != "mul"
}

/// Per token of `text`, whether three quarters of the words on its line (the tokens that start
/// with a letter) are capitalized.
fn title_cased_lines(text: &str, toks: &[Tok]) -> Vec<bool> {
    // (first token, words, capitalized words) of each line.
    let mut lines: Vec<(usize, usize, usize)> = Vec::new();
    let mut prev_end = 0;
    for (k, t) in toks.iter().enumerate() {
        if k == 0 || text.as_bytes()[prev_end..t.span.start as usize].contains(&b'\n') {
            lines.push((k, 0, 0));
        }
        prev_end = t.span.end as usize;
        let w = t.span.slice(text);
        if w.chars().next().is_some_and(char::is_alphabetic) {
            let line = lines.last_mut().expect("a line was opened");
            line.1 += 1;
            line.2 += usize::from(starts_upper(w));
        }
    }
    let mut out = vec![false; toks.len()];
    for (n, &(first, words, upper)) in lines.iter().enumerate() {
        let end = lines.get(n + 1).map_or(toks.len(), |l| l.0);
        out[first..end].fill(words > 0 && upper * 4 >= words * 3);
    }
    out
}
