//! The gazetteer: which entities exist, which names point at them, and the context rules that
//! decide when a name is not a mention.
//!
//! It is data, not code: tab-separated files in `crates/engine/data/` (entities, aliases, and
//! the context rules of `rules.tsv` and the generated `context.tsv`; documented in
//! `crates/engine/data/README.md`), compiled into the binary by [`Gazetteer::bundled`], or
//! read from any other source with [`Gazetteer::from_tsv`].
//!
//! ```
//! use sorot_engine::gazetteer::{Gazetteer, Kind};
//!
//! let g = Gazetteer::bundled();
//! let ru = g.entity_by_code("RU").unwrap();
//! assert_eq!(g.entity(ru).kind, Kind::Country);
//! assert_eq!(g.entity(ru).name_id, "Rusia");
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::{Arc, OnceLock};

use serde::Serialize;

use crate::text::{fold, tokenize};
use crate::Fx;

/// Index of an entity in its [`Gazetteer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(pub u16);

/// Index of an alias in its [`Gazetteer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AliasId(pub u32);

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A country, territory or former state, coded by ISO 3166-1 alpha-2.
    Country,
    /// An international organization, coded by its lower-case English acronym.
    Organization,
}

impl Kind {
    /// The name used in data files and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Organization => "organization",
        }
    }
}

/// A country or an international organization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable code: `RU`, `SU`, `un`, `asean`.
    pub code: String,
    /// Country or organization.
    pub kind: Kind,
    /// Finer class: `sovereign`, `territory`, `former`, `intergovernmental`, `un-body`, …
    pub class: String,
    /// Canonical name in Indonesian.
    pub name_id: String,
    /// Canonical name in English.
    pub name_en: String,
    /// Wikidata item, e.g. `Q159`; empty when unknown.
    pub wikidata: String,
    /// Short label for lists and chips: the form newsrooms use ("ASEAN", "PBB", "Inggris");
    /// the Indonesian name when the data gives none.
    pub label: String,
}

/// How the letters of an alias must compare with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Letter for letter: acronyms such as "AS" (the United States), which is not "as".
    Exact,
    /// Any case, but the first letter must be upper case: names that are also common words.
    Title,
    /// Any case at all: "Rusia", "RUSIA", "rusia".
    Any,
}

/// A name that points at an entity, or a phrase that blocks one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The entity named; `None` for a blocking phrase ("Laut China Selatan").
    pub entity: Option<EntityId>,
    /// The alias as written in the data.
    pub text: String,
    /// BCP 47 language of the alias (`id`, `en`, `ru`, …); `mul` for acronyms used everywhere.
    pub lang: String,
    /// How the case of the text must match.
    pub case: Case,
    /// The alias names its entity only in a document that also names the entity by another,
    /// unflagged alias ("Persemakmuran" after "Persemakmuran Negara-Negara Merdeka").
    pub short: bool,
    /// The alias is also a personal name ("Jordan"); dropped where neighbouring capitalized
    /// words show that a person is meant.
    pub person: bool,
}

/// An error in gazetteer data, naming the file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// Which data file.
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for DataError {}

/// Entities, their aliases and the context rules.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    aliases: Vec<Alias>,
    by_code: HashMap<String, EntityId>,
    /// Government phrases: followed by a country's name, they name that country
    /// ("Kementerian Luar Negeri" + "Rusia"), indexed by [`GovernmentId`].
    government: Vec<GovernmentPhrase>,
    /// The context rules, parsed once.
    rules: Rules,
}

/// A set of folded words.
pub(crate) type WordSet = HashSet<Box<str>, Fx>;

/// The context rules of `rules.tsv` (see `crates/engine/data/README.md`), as the matcher reads
/// them: sets of folded words, parsed once with the gazetteer.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// Words that, just before a name, make it something else ("bahasa Inggris"): `block-before`
    /// and `language-before`.
    pub(crate) block_before: WordSet,
    /// Words that make the names after them languages, a whole list of them ("bahasa Perancis,
    /// Indonesia dan Rusia"); also in `block_before`.
    pub(crate) language_before: WordSet,
    /// Enclitics that may follow a name without hiding it ("lah" in "Arab Saudilah"), in data order.
    pub(crate) enclitics: Vec<Box<str>>,
    /// Capitalized words that may precede a country name without making it a surname: titles
    /// and roles ("Presiden", "Timnas").
    pub(crate) name_context: WordSet,
    /// Particles of personal names ("al", "bin"): "Turki al-Maliki" is a person.
    pub(crate) name_particles: WordSet,
    /// Ordinary nouns that are often capitalized before a country name ("Lingkungan" in
    /// "Menteri Lingkungan Malaysia"); unlike context words they may be part of an
    /// institution's name.
    pub(crate) common_nouns: WordSet,
    /// Words that open the proper name of an institution ("Universitas", "Bank"): a country
    /// name closing such a name ("Bank Indonesia") is part of it, not a mention.
    pub(crate) org_heads: WordSet,
    /// Words one letter away from an alias word that are words of their own, not misspellings
    /// of it ("Belanja", "Columbia"): never read as the name.
    pub(crate) known_words: WordSet,
    /// Words that join the items of a list ("dan", "atau", "serta"): a list of languages goes on
    /// over them.
    pub(crate) list_joiners: WordSet,
    /// Words that may join the words of one proper name ("dan" in "Perhimpunan Hotel dan
    /// Restoran Indonesia", "Kementerian Hukum dan HAM RI").
    pub(crate) name_joiners: WordSet,
    /// Signs that, right after a name, make it a currency code ("US$ 15").
    pub(crate) currency_signs: Vec<char>,
    /// Spelling variants of alias words and the word each stands for ("kementrian" →
    /// "kementerian"): read as that word wherever it appears in a name.
    pub(crate) variants: Vec<(String, String)>,
}

/// Index of a government phrase in its [`Gazetteer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GovernmentId(pub u16);

/// A government phrase: the words before a country's name that make one mention of the
/// country with it ("Kementerian Luar Negeri" in "Kementerian Luar Negeri Rusia").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GovernmentPhrase {
    /// The phrase as written in the data.
    pub text: String,
    /// The phrase opens a ministry's own name, which comes between it and the country
    /// ("Kementerian …" in "Kementerian Komunikasi Kuba"); shown as the phrase and [`OPEN_NAME`].
    pub open: bool,
}

impl fmt::Display for GovernmentPhrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.open {
            write!(f, "{} {OPEN_NAME}", self.text)
        } else {
            f.write_str(&self.text)
        }
    }
}

/// Stands for a ministry's own name after an open government phrase when one is shown
/// ("Kementerian …" for "Kementerian Komunikasi Kuba").
pub const OPEN_NAME: &str = "…";

/// The bundled data files.
pub(crate) const ENTITIES_TSV: &str = include_str!("../data/entities.tsv");
pub(crate) const ALIASES_TSV: &str = include_str!("../data/aliases.tsv");
pub(crate) const RULES_TSV: &str = include_str!("../data/rules.tsv");
/// Generated `common-noun` and `known-word` rules (tools/gazetteer/context_words.py).
pub(crate) const CONTEXT_TSV: &str = include_str!("../data/context.tsv");

impl Gazetteer {
    /// The gazetteer compiled into this crate, parsed once and shared (the bundled matcher
    /// compiles this one).
    ///
    /// # Panics
    /// If the bundled data is malformed; the crate's tests make sure it is not.
    pub fn bundled() -> &'static Arc<Gazetteer> {
        static BUNDLED: OnceLock<Arc<Gazetteer>> = OnceLock::new();
        BUNDLED.get_or_init(|| Arc::new(Gazetteer::parse_bundled()))
    }

    /// Parses the bundled data files afresh (for measuring start-up; use
    /// [`Gazetteer::bundled`] otherwise).
    ///
    /// # Panics
    /// If the bundled data is malformed.
    pub fn parse_bundled() -> Gazetteer {
        let rules = format!("{RULES_TSV}\n{CONTEXT_TSV}");
        Gazetteer::from_tsv(ENTITIES_TSV, ALIASES_TSV, &rules).unwrap_or_else(|e| panic!("bundled gazetteer: {e}"))
    }

    /// Spelling variants of alias words, folded, with the word each stands for ("kementrian",
    /// "kementerian").
    pub fn variants(&self) -> &[(String, String)] {
        &self.rules.variants
    }

    /// The government phrases of the rules ("Kementerian Luar Negeri", "Kedubes"), indexed by
    /// [`GovernmentId`].
    pub fn government_phrases(&self) -> &[GovernmentPhrase] {
        &self.government
    }

    /// One government phrase.
    ///
    /// # Panics
    /// If `id` does not come from this gazetteer.
    pub fn government(&self, id: GovernmentId) -> &GovernmentPhrase {
        &self.government[usize::from(id.0)]
    }

    /// The context rules.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Parses the data files: entities, aliases, and the rules (`rules.tsv` and `context.tsv`
    /// joined); see `crates/engine/data/README.md`.
    pub fn from_tsv(entities: &str, aliases: &str, rules: &str) -> Result<Gazetteer, DataError> {
        let mut g = Gazetteer {
            entities: Vec::new(),
            aliases: Vec::new(),
            by_code: HashMap::new(),
            government: Vec::new(),
            rules: Rules::default(),
        };
        for (line, cols) in rows(entities) {
            let err = |message: String| DataError { file: "entities.tsv", line, message };
            let [code, kind, class, name_id, name_en, wikidata, label] = take_cols(&cols).map_err(err)?;
            let kind = match kind {
                "country" => Kind::Country,
                "organization" => Kind::Organization,
                other => return Err(err(format!("kind must be country or organization, not {other:?}"))),
            };
            if code.is_empty() || name_id.is_empty() || name_en.is_empty() {
                return Err(err("code and both names are required".into()));
            }
            let id = EntityId(u16::try_from(g.entities.len()).map_err(|_| err("too many entities".into()))?);
            if g.by_code.insert(code.to_string(), id).is_some() {
                return Err(err(format!("entity {code} is listed twice")));
            }
            g.entities.push(Entity {
                code: code.into(),
                kind,
                class: class.into(),
                name_id: name_id.into(),
                name_en: name_en.into(),
                wikidata: wikidata.into(),
                label: if label.is_empty() { name_id } else { label }.into(),
            });
        }
        let r = &mut g.rules;
        for (line, cols) in rows(rules) {
            let err = |message: String| DataError { file: "rules.tsv", line, message };
            let [rule, phrase, note] = take_cols(&cols).map_err(err)?;
            if rule == "currency-sign" {
                let mut chars = phrase.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => r.currency_signs.push(c),
                    _ => return Err(err("a currency sign is one character".into())),
                }
                continue;
            }
            if tokenize(phrase).next().is_none() {
                return Err(err("the phrase has no words".into()));
            }
            let word = || -> Box<str> { fold(phrase).into() };
            match rule {
                "block" => g.aliases.push(Alias {
                    entity: None,
                    text: phrase.into(),
                    lang: "id".into(),
                    case: Case::Any,
                    short: false,
                    person: false,
                }),
                "block-before" => {
                    r.block_before.insert(word());
                }
                "language-before" => {
                    r.block_before.insert(word());
                    r.language_before.insert(word());
                }
                "enclitic" => r.enclitics.push(word()),
                "name-context" => {
                    r.name_context.insert(word());
                }
                "name-particle" => {
                    r.name_particles.insert(word());
                }
                "common-noun" => {
                    r.common_nouns.insert(word());
                }
                "org-head" => {
                    r.org_heads.insert(word());
                }
                "known-word" => {
                    r.known_words.insert(word());
                }
                "list-joiner" => {
                    r.list_joiners.insert(word());
                }
                "name-joiner" => {
                    r.name_joiners.insert(word());
                }
                "variant" => {
                    if note.contains(char::is_whitespace) || note.is_empty() || phrase.contains(char::is_whitespace) {
                        return Err(err("a variant is one word, followed by the one word it stands for".into()));
                    }
                    r.variants.push((fold(phrase), fold(note)));
                }
                "government" => g.government.push(GovernmentPhrase { text: phrase.into(), open: false }),
                "government-head" => {
                    if phrase.contains(char::is_whitespace) {
                        return Err(err("a government head is one word".into()));
                    }
                    // The word alone is a phrase ("kementerian Cina"); the open form stands for
                    // the word and the ministry's name after it.
                    g.government.push(GovernmentPhrase { text: phrase.into(), open: false });
                    g.government.push(GovernmentPhrase { text: phrase.into(), open: true });
                }
                other => return Err(err(format!("unknown rule {other:?}"))),
            }
            if g.government.len() > usize::from(u16::MAX) {
                return Err(err("too many government phrases".into()));
            }
        }
        for (line, cols) in rows(aliases) {
            let err = |message: String| DataError { file: "aliases.tsv", line, message };
            let [code, text, lang, case, flags, _source] = take_cols(&cols).map_err(err)?;
            let entity = *g.by_code.get(code).ok_or_else(|| err(format!("unknown entity {code:?}")))?;
            let case = match case {
                "exact" => Case::Exact,
                "title" => Case::Title,
                "any" => Case::Any,
                other => return Err(err(format!("case must be exact, title or any, not {other:?}"))),
            };
            let (mut short, mut person) = (false, false);
            for flag in flags.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                match flag {
                    "short" => short = true,
                    "person" => person = true,
                    other => return Err(err(format!("unknown flag {other:?}"))),
                }
            }
            if tokenize(text).next().is_none() {
                return Err(err("the alias has no words".into()));
            }
            g.aliases.push(Alias { entity: Some(entity), text: text.into(), lang: lang.into(), case, short, person });
        }
        Ok(g)
    }

    /// All entities, indexed by [`EntityId`].
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// All aliases, indexed by [`AliasId`], blocking phrases included.
    pub fn aliases(&self) -> &[Alias] {
        &self.aliases
    }

    /// One entity.
    ///
    /// # Panics
    /// If `id` does not come from this gazetteer.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.0 as usize]
    }

    /// One alias.
    ///
    /// # Panics
    /// If `id` does not come from this gazetteer.
    pub fn alias(&self, id: AliasId) -> &Alias {
        &self.aliases[id.0 as usize]
    }

    /// Looks an entity up by its code (`RU`, `asean`).
    pub fn entity_by_code(&self, code: &str) -> Option<EntityId> {
        self.by_code.get(code).copied()
    }
}

/// Non-empty, non-comment lines of a TSV file, split on tabs, with 1-based line numbers.
fn rows(tsv: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    tsv.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

/// Exactly `N` columns; missing trailing columns are empty.
fn take_cols<'a, const N: usize>(cols: &[&'a str]) -> Result<[&'a str; N], String> {
    if cols.len() > N {
        return Err(format!("expected at most {N} tab-separated columns, found {}", cols.len()));
    }
    let mut out = [""; N];
    out[..cols.len()].copy_from_slice(cols);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_data_parses_and_codes_are_unique() {
        let g = Gazetteer::bundled();
        assert!(g.entities().len() > 30);
        for (i, e) in g.entities().iter().enumerate() {
            assert_eq!(g.entity_by_code(&e.code), Some(EntityId(i as u16)));
        }
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = Gazetteer::from_tsv("RU\tcountry\tsovereign\tRusia\tRussia\tQ159\n", "XX\tFoo\tid\tany\t\t\n", "")
            .unwrap_err();
        assert_eq!((e.file, e.line), ("aliases.tsv", 1));
        assert!(e.message.contains("unknown entity"), "{e}");
        let e = Gazetteer::from_tsv("# header\nRU\tstate\t\tRusia\tRussia\n", "", "").unwrap_err();
        assert_eq!((e.file, e.line), ("entities.tsv", 2));
        let e = Gazetteer::from_tsv("", "", "frobnicate\tx\t\n").unwrap_err();
        assert_eq!(e.file, "rules.tsv");
    }

    #[test]
    fn government_phrases_are_kept_apart_from_aliases() {
        let g = Gazetteer::from_tsv(
            "RU\tcountry\tsovereign\tRusia\tRussia\tQ159\n",
            "RU\tRusia\tid\tany\t\tcldr\n",
            "government\tKementerian Luar Negeri\t\n",
        )
        .unwrap();
        assert_eq!(g.aliases().len(), 1);
        assert_eq!(g.government_phrases(), [GovernmentPhrase { text: "Kementerian Luar Negeri".into(), open: false }]);
    }

    #[test]
    fn heads_variants_and_known_words_are_rules_of_one_word() {
        let g = Gazetteer::from_tsv(
            "",
            "",
            "government-head\tKementerian\t\nvariant\tKementrian\tKementerian\nknown-word\tBelanja\tbelanda\n",
        )
        .unwrap();
        let shown: Vec<String> = g.government_phrases().iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["Kementerian".to_string(), format!("Kementerian {OPEN_NAME}")]);
        assert_eq!(g.variants(), [("kementrian".to_string(), "kementerian".to_string())]);
        assert!(g.rules().known_words.contains("belanja") && g.rules().known_words.len() == 1);
        for bad in [
            "government-head\tKementerian Luar\t\n",
            "variant\tKementrian\t\n",
            "variant\tA\tB C\n",
            "currency-sign\tUS$\t\n",
            "list-joiner\t,\t\n",
        ] {
            let e = Gazetteer::from_tsv("", "", bad).unwrap_err();
            assert_eq!((e.file, e.line), ("rules.tsv", 1), "{bad:?}: {e}");
        }
    }
}
