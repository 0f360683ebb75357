//! A concordance (keyword in context): every occurrence of an entity, or of what a query
//! matched, in a set of articles, one line each, with the words before and after it; lines
//! sorted by a neighbouring word, by the keyword's form or stem, by outlet or by date; grouped by
//! a neighbouring word; and identical lines of syndicated copies collapsed into one.
//!
//! ```
//! use sorot_engine::collection::{Collection, Request};
//! use sorot_engine::concordance::{Order, Target};
//! use sorot_engine::corpus::Document;
//! use sorot_engine::matcher::Matcher;
//!
//! let docs = vec![
//!     Document::new("a", "Presiden Rusia bertemu Presiden China. Rusia menolak."),
//!     Document::new("b", "Menteri Rusia datang."),
//! ];
//! let c = Collection::new(docs, Matcher::bundled());
//! let answer = c.search(&Request::default());
//! let ru = c.gazetteer().entity_by_code("RU").unwrap();
//! let mut k = c.concordance(&answer, Target::Entity(ru));
//! assert_eq!(k.lines.len(), 3);
//! k.sort(&c, Order::Left(1));
//! let before: Vec<String> = k.lines.iter().map(|l| k.word(&c, l, -1).unwrap()).collect();
//! assert_eq!(before, ["china", "menteri", "presiden"]);
//! ```
//!
//! # What it does not do
//! It reads the texts of the articles it is given: over a bundle, articles whose text is not
//! loaded yet are listed in [`Concordance::unread`] and give no line until it is. Context
//! stops at a line break (a paragraph of a scraped page) and at [`CONTEXT_WORDS`] words or
//! [`CONTEXT_BYTES`] bytes, whichever comes first.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::collection::{Collection, Response};
use crate::exclusion::{form_of, written};
use crate::gazetteer::EntityId;
use crate::search::query::Query;
use crate::search::stem::stem;
use crate::span::Span;
use crate::text::{fold, is_word_char, tokenize, Gap};

/// Words of context on each side of the keyword.
pub const CONTEXT_WORDS: usize = 10;
/// Bytes of context on each side, at most (a hostile text's one long "word" stays short).
pub const CONTEXT_BYTES: usize = 160;

/// What the concordance is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'q> {
    /// Every mention of an entity.
    Entity(EntityId),
    /// What the query (the text given, the one the response answers) matched, as the reader
    /// highlights it: a matched word, or several next to each other as one keyword (a
    /// phrase's words are one line); but a phrase's words found apart from it are not lines,
    /// nor the parts of a compound ("kerjasama" is searched as "kerja" and "sama") found apart.
    Query(&'q str),
}

/// One occurrence, or several identical ones from copies of a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The article (position in the collection) of the first occurrence.
    pub doc: u32,
    /// The keyword, in bytes of that article's text.
    pub keyword: Span,
    /// The context before it, up to the keyword.
    pub left: Span,
    /// The context after it, from the keyword.
    pub right: Span,
    /// Every occurrence this line stands for, `(doc, keyword start)`, the first being its own:
    /// more than one when copies of a story read alike around it.
    pub copies: Vec<(u32, u32)>,
}

/// The lines of a concordance, in the order of the articles given, then of the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Concordance {
    /// The lines.
    pub lines: Vec<Line>,
    /// Occurrences in all: lines and their copies.
    pub occurrences: usize,
    /// Articles whose text is not loaded yet (over a bundle), so not in the lines, in the
    /// answer's order: of those that mention the entity, for an entity's concordance.
    pub unread: Vec<u32>,
}

/// How lines are ordered. Ties keep the order of the articles, then of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// The articles' order (the answer's), then the text's.
    Found,
    /// By the `n`-th word left of the keyword (1 is the nearest), then the words further out.
    Left(usize),
    /// By the `n`-th word right of the keyword, then the words further out.
    Right(usize),
    /// By the keyword as written (folded: case and accents aside).
    Surface,
    /// By the keyword's stems, compounds taken apart: "kerjasama", "bekerja sama" and "kerja
    /// sama" sort together.
    Stem,
    /// By outlet, then newest first.
    Outlet,
    /// Newest first; undated last.
    Date,
}

impl Order {
    /// Every order, with its name in URLs.
    pub const ALL: [(Order, &'static str); 9] = [
        (Order::Found, "found"),
        (Order::Left(1), "1L"),
        (Order::Left(2), "2L"),
        (Order::Right(1), "1R"),
        (Order::Right(2), "2R"),
        (Order::Surface, "surface"),
        (Order::Stem, "stem"),
        (Order::Outlet, "outlet"),
        (Order::Date, "date"),
    ];

    /// The order named `name` in [`Order::ALL`].
    pub fn from_name(name: &str) -> Option<Order> {
        Order::ALL.iter().find(|(_, n)| *n == name).map(|(o, _)| *o)
    }

    /// Its name in URLs.
    pub fn name(self) -> &'static str {
        Order::ALL.iter().find(|(o, _)| *o == self).map_or("found", |(_, n)| n)
    }
}

/// Lines that share a neighbouring word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The word, folded; empty for lines with no word there (the context ended).
    pub word: String,
    /// Occurrences (lines and their copies) with it.
    pub occurrences: usize,
    /// Indices of its lines, in the lines' order.
    pub lines: Vec<usize>,
}

impl Collection {
    /// The concordance of `target` over the matches of `response`, collapsed: lines whose
    /// context reads the same (spaces and case aside) are one line with several copies.
    pub fn concordance(&self, response: &Response, target: Target<'_>) -> Concordance {
        let mut k = Concordance::default();
        let phrases: Vec<Vec<String>> = match target {
            // Phrases, and words that are compounds (searched as their parts, so as a phrase).
            Target::Query(q) => {
                let wanted = Query::parse(q).wanted().iter().map(|w| split_stems(&w.join(" "))).collect::<Vec<_>>();
                wanted.into_iter().filter(|s| s.len() > 1).collect()
            }
            Target::Entity(_) => Vec::new(),
        };
        let mut seen: HashMap<String, usize> = HashMap::new();
        for hit in &response.hits {
            let doc = hit.doc as usize;
            // An entity's concordance reads only the articles that mention it.
            if let Target::Entity(e) = target {
                if !self.mentions_entity(doc, e) {
                    continue;
                }
            }
            let Some(d) = self.document(doc) else {
                k.unread.push(hit.doc);
                continue;
            };
            let spans: Vec<Span> = match target {
                Target::Entity(e) => {
                    self.mentions(doc).unwrap_or_default().iter().filter(|m| m.entity == e).map(|m| m.span).collect()
                }
                Target::Query(_) => merged(&d.text, self.hits(doc, &response.matched).unwrap_or_default())
                    .into_iter()
                    .filter(|run| !part_of_phrase(&split_stems(run.slice(&d.text)), &phrases))
                    .collect(),
            };
            for keyword in spans {
                let (left, right) = context(&d.text, keyword);
                // The same words either side of the same keyword (spaces and case aside).
                let key = [left, keyword, right].map(|s| fold(&written(s.slice(&d.text)))).join("\u{1}");
                k.occurrences += 1;
                match seen.get(&key) {
                    Some(&i) => k.lines[i].copies.push((hit.doc, keyword.start)),
                    None => {
                        seen.insert(key, k.lines.len());
                        k.lines.push(Line {
                            doc: hit.doc,
                            keyword,
                            left,
                            right,
                            copies: vec![(hit.doc, keyword.start)],
                        });
                    }
                }
            }
        }
        k
    }
}

/// The forms an entity's mentions take in some articles, most frequent first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Forms {
    /// The forms counted, each with its number of mentions (then A to Z).
    pub forms: Vec<Form>,
    /// The forms left out (see [`crate::exclusion`]), with their mentions in the whole collection.
    pub excluded: Vec<Form>,
    /// Articles mentioning the entity whose text is not loaded yet (over a bundle).
    pub unread: usize,
}

/// One form of an entity's mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The form ([`crate::exclusion::form_of`]): what an exclusion names.
    pub form: String,
    /// How it is most often written (the first met, of ways as frequent), spaces squeezed.
    pub written: String,
    /// Its mentions.
    pub mentions: u32,
}

impl Collection {
    /// The forms the mentions of `entity` take in `docs` (positions); the forms of it left out
    /// apart, counted over the whole collection (the matches may have lost every article they
    /// were in).
    pub fn surface_forms(&self, docs: &[usize], entity: EntityId) -> Forms {
        let exclusions = self.exclusions();
        let (counted, unread) = self.tally(docs.iter().copied(), entity, |f| !exclusions.excludes(entity, f));
        let mut excluded = Vec::new();
        if exclusions.touches(entity) {
            (excluded, _) = self.tally(0..self.len(), entity, |f| exclusions.excludes(entity, f));
        }
        Forms { forms: counted, excluded, unread }
    }

    /// The forms of `entity`'s mentions in `docs` that `keep` keeps, most frequent first, and
    /// the articles mentioning it whose text is not loaded.
    fn tally(
        &self,
        docs: impl Iterator<Item = usize>,
        entity: EntityId,
        keep: impl Fn(&str) -> bool,
    ) -> (Vec<Form>, usize) {
        // Per form: its mentions, and how often each way of writing it occurs, in the order met.
        let mut counts: HashMap<String, (u32, Vec<(String, u32)>)> = HashMap::new();
        let mut add = |form: &str, written: &str, n: u32| {
            if !keep(form) {
                return;
            }
            let c = counts.entry(form.to_string()).or_default();
            c.0 += n;
            match c.1.iter_mut().find(|w| w.0 == written) {
                Some(w) => w.1 += n,
                None => c.1.push((written.to_string(), n)),
            }
        };
        let mut unread = 0;
        // Over a bundle, the entity's forms file counts them without the texts; both give the
        // same counts, met in the same order.
        let file = self.entity_forms(entity);
        for doc in docs {
            // Every article the annotation says mentions it: some only in forms left out.
            if self.per_doc[doc].binary_search_by_key(&entity, |x| x.0).is_err() {
                continue;
            }
            if let Some(f) = file {
                for &(s, n) in f.of(doc) {
                    add(&f.forms[s as usize], &f.spellings[s as usize], n);
                }
                continue;
            }
            let (Some(d), Some(mentions)) = (self.document(doc), self.raw_mentions(doc)) else {
                unread += 1;
                continue;
            };
            for m in mentions.iter().filter(|m| m.entity == entity) {
                let written = written(m.span.slice(&d.text));
                add(&form_of(&written), &written, 1);
            }
        }
        let mut forms: Vec<Form> = counts
            .into_iter()
            .map(|(form, (mentions, ways))| {
                // The most frequent way, the first met of those as frequent.
                let most = ways.iter().map(|w| w.1).max().unwrap_or(0);
                let written = ways.into_iter().find(|w| w.1 == most).map_or_else(|| form.clone(), |w| w.0);
                Form { form, written, mentions }
            })
            .collect();
        forms.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.form.cmp(&b.form)));
        (forms, unread)
    }
}

impl Concordance {
    /// Sorts the lines by `order` (stable: ties keep their order).
    pub fn sort(&mut self, c: &Collection, order: Order) {
        match order {
            Order::Found => self.lines.sort_by_key(|l| l.copies.first().copied()),
            Order::Left(n) | Order::Right(n) => {
                let side = if matches!(order, Order::Left(_)) { -1 } else { 1 };
                self.lines.sort_by_cached_key(|l| {
                    let words = words(c, l, side);
                    // The n-th word, then the others outward from the keyword.
                    let nth = words.get(n.saturating_sub(1)).cloned();
                    let rest: Vec<String> =
                        words.into_iter().enumerate().filter(|(i, _)| *i + 1 != n).map(|(_, w)| w).collect();
                    (nth.is_none(), nth, rest)
                });
            }
            Order::Surface => self.lines.sort_by_cached_key(|l| fold(text(c, l, l.keyword))),
            Order::Stem => self.lines.sort_by_cached_key(|l| stems(text(c, l, l.keyword))),
            Order::Outlet => self.lines.sort_by(|a, b| {
                let (oa, ob) = (c.outlet(a.doc as usize), c.outlet(b.doc as usize));
                // Outlets A to Z, those without one last; newest first within one.
                oa.is_none().cmp(&ob.is_none()).then_with(|| oa.cmp(&ob)).then_with(|| newest(c, a, b))
            }),
            Order::Date => self.lines.sort_by(|a, b| newest(c, a, b)),
        }
    }

    /// The `n`-th word left (`n < 0`) or right (`n > 0`) of line `l`'s keyword, folded; `None`
    /// past the context's end.
    pub fn word(&self, c: &Collection, l: &Line, n: isize) -> Option<String> {
        let side = n.signum();
        words(c, l, side).into_iter().nth(n.unsigned_abs().checked_sub(1)?)
    }

    /// The lines grouped by their `n`-th word left (`n < 0`) or right (`n > 0`): most
    /// occurrences first, then A to Z.
    pub fn groups(&self, c: &Collection, n: isize) -> Vec<Group> {
        let mut by: HashMap<String, Group> = HashMap::new();
        for (i, l) in self.lines.iter().enumerate() {
            let word = self.word(c, l, n).unwrap_or_default();
            let g = by.entry(word.clone()).or_insert_with(|| Group { word, occurrences: 0, lines: Vec::new() });
            g.occurrences += l.copies.len();
            g.lines.push(i);
        }
        let mut groups: Vec<Group> = by.into_values().collect();
        groups.sort_by(|a, b| b.occurrences.cmp(&a.occurrences).then_with(|| a.word.cmp(&b.word)));
        groups
    }
}

/// Query hits next to each other (a phrase's words: apart by a space or a dash at most) or
/// overlapping, as one keyword.
fn merged(text: &str, mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last)
                if s.start <= last.end
                    || matches!(Gap::between(text, last.end as usize, s.start as usize), Gap::Space | Gap::Dash) =>
            {
                last.end = last.end.max(s.end);
            }
            _ => out.push(s),
        }
    }
    out
}

/// True when a run of hits is only some of the words of the query's phrases: the run's stems
/// hold no whole phrase and every one of them belongs to a phrase.
fn part_of_phrase(run: &[String], phrases: &[Vec<String>]) -> bool {
    if phrases.is_empty() {
        return false;
    }
    let whole = phrases.iter().any(|p| !p.is_empty() && run.windows(p.len()).any(|w| w == p.as_slice()));
    !whole && run.iter().all(|s| phrases.iter().any(|p| p.contains(s)))
}

fn split_stems(words: &str) -> Vec<String> {
    stems(words).split(' ').filter(|s| !s.is_empty()).map(String::from).collect()
}

/// The context either side of `keyword` in `text`: up to [`CONTEXT_WORDS`] words, not past a
/// line break nor further than [`CONTEXT_BYTES`]; a word the byte limit cuts is left out.
fn context(text: &str, keyword: Span) -> (Span, Span) {
    let (start, end) = (keyword.start as usize, keyword.end as usize);
    let word_at = |i: usize| text[i..].chars().next().is_some_and(is_word_char);
    let word_before = |i: usize| text[..i].chars().next_back().is_some_and(is_word_char);

    let mut from = floor_boundary(text, start.saturating_sub(CONTEXT_BYTES));
    let mut cut = from > 0 && word_at(from) && word_before(from);
    if let Some(nl) = text[from..start].rfind('\n') {
        (from, cut) = (from + nl + 1, false);
    }
    let tokens: Vec<Span> = tokenize(&text[from..start]).skip(usize::from(cut)).map(|t| t.span).collect();
    let left = match tokens.len().checked_sub(CONTEXT_WORDS) {
        None | Some(0) if !cut => from,
        _ => tokens
            .len()
            .checked_sub(1)
            .map_or(start, |last| from + tokens[last.saturating_sub(CONTEXT_WORDS - 1)].start as usize),
    };

    let mut to = ceil_boundary(text, (end + CONTEXT_BYTES).min(text.len()));
    let mut cut = to < text.len() && word_at(to) && word_before(to);
    if let Some(nl) = text[end..to].find('\n') {
        (to, cut) = (end + nl, false);
    }
    let mut tokens: Vec<Span> = tokenize(&text[end..to]).map(|t| t.span).collect();
    if cut {
        tokens.pop();
    }
    let right = if tokens.len() <= CONTEXT_WORDS && !cut {
        to
    } else {
        tokens.get(..tokens.len().min(CONTEXT_WORDS)).and_then(<[Span]>::last).map_or(end, |t| end + t.end as usize)
    };
    (Span::new(left, start), Span::new(end, right))
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn text<'c>(c: &'c Collection, l: &Line, span: Span) -> &'c str {
    c.document(l.doc as usize).map_or("", |d| span.slice(&d.text))
}

/// The folded words of a line's context, outward from the keyword: `side` −1 left, +1 right.
fn words(c: &Collection, l: &Line, side: isize) -> Vec<String> {
    let s = if side < 0 { text(c, l, l.left) } else { text(c, l, l.right) };
    let mut w: Vec<String> = tokenize(s).map(|t| fold(t.span.slice(s))).collect();
    if side < 0 {
        w.reverse();
    }
    w
}

fn newest(c: &Collection, a: &Line, b: &Line) -> Ordering {
    let (da, db) = (c.date(a.doc as usize), c.date(b.doc as usize));
    da.is_none().cmp(&db.is_none()).then_with(|| db.cmp(&da))
}

/// Bytes either side of a span that [`sentence`] looks through for the sentence's ends.
pub const SENTENCE_BYTES: usize = 400;

/// The sentence around `span` in `text`: from after the last line break or sentence end (`.`,
/// `!` or `?`, closing quotes or brackets after it, then white space) before it, to the next
/// one after it, ends included; trimmed; at most [`SENTENCE_BYTES`] either side. A full stop of
/// an abbreviation ("Dr. Ahmad") is read as an end: that is the rule's known limit.
pub fn sentence(text: &str, span: Span) -> Span {
    let (start, end) = (span.start as usize, span.end as usize);
    let from = floor_boundary(text, start.saturating_sub(SENTENCE_BYTES));
    let to = ceil_boundary(text, (end + SENTENCE_BYTES).min(text.len()));
    // The sentences of the window that the span touches, as one.
    let mut touched = sentences(&text[from..to])
        .map(|s| Span::new(from + s.start as usize, from + s.end as usize))
        .filter(|s| s.end as usize > start && (s.start as usize) < end.max(start + 1));
    match touched.next() {
        Some(first) => Span::new(first.start as usize, touched.last().unwrap_or(first).end as usize),
        None => span,
    }
}

/// The sentences of `text`, in order, by the rule of [`sentence`] (a line break or a sentence
/// end followed by white space), trimmed; blank stretches give none.
pub fn sentences(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || loop {
        if from >= text.len() {
            return None;
        }
        let rest = &text[from..];
        let mut end = rest.len();
        let mut next = rest.len();
        for (i, ch) in rest.char_indices() {
            if ch == '\n' {
                (end, next) = (i, i + 1);
                break;
            }
            if matches!(ch, '.' | '!' | '?') {
                let after = &rest[i + 1..];
                let closing = after.len() - after.trim_start_matches(['"', '\'', '”', '’', ')', ']']).len();
                let tail = &after[closing..];
                if tail.is_empty() || tail.starts_with(char::is_whitespace) {
                    (end, next) = (i + 1 + closing, i + 1 + closing);
                    break;
                }
            }
        }
        let (s, e) = (from, from + end);
        from += next;
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            return Some(Span::new(s + lead, s + lead + trimmed.len()));
        }
    })
}

/// The stems of a keyword's words, compounds written as one word taken apart as search takes
/// them (`data/compounds.tsv`).
pub fn stems(keyword: &str) -> String {
    static COMPOUNDS: OnceLock<HashMap<String, String>> = OnceLock::new();
    let compounds = COMPOUNDS.get_or_init(|| {
        crate::search::COMPOUNDS_TSV
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, parts)| (stem(w.trim()), parts.split_whitespace().map(stem).collect::<Vec<_>>().join(" ")))
            .collect()
    });
    tokenize(keyword)
        .map(|t| {
            let s = stem(&fold(t.span.slice(keyword)));
            compounds.get(&s).cloned().unwrap_or(s)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_stops_at_line_breaks_word_counts_and_byte_limits() {
        let cases: &[(&str, &str, &str, &str)] = &[
            // text, keyword, left, right
            ("Judul\nPresiden Rusia hari ini.\nBaris lain", "Rusia", "Presiden ", " hari ini."),
            ("a b c d e f g h i j k l KATA m", "KATA", "c d e f g h i j k l ", " m"),
            ("KATA 1 2 3 4 5 6 7 8 9 10 11 12", "KATA", "", " 1 2 3 4 5 6 7 8 9 10"),
        ];
        for &(t, kw, left, right) in cases {
            let at = t.find(kw).unwrap();
            let (l, r) = context(t, Span::new(at, at + kw.len()));
            assert_eq!((l.slice(t), r.slice(t)), (left, right), "{t:?}");
        }
        // One long word on each side is cut at a character boundary and dropped, not split.
        let long = "é".repeat(500);
        let t = format!("{long} x KATA y {long}");
        let at = t.find("KATA").unwrap();
        let (l, r) = context(&t, Span::new(at, at + 4));
        assert_eq!((l.slice(&t), r.slice(&t)), ("x ", " y"));
    }

    #[test]
    fn a_sentence_runs_from_the_last_end_before_to_the_next_after() {
        let cases: &[(&str, &str, &str)] = &[
            ("Satu. Presiden Rusia datang. Tiga.", "Rusia", "Presiden Rusia datang."),
            ("Judul Rusia\nBadan.", "Rusia", "Judul Rusia"),
            ("Ia berkata, \"Rusia menolak.\" Lalu pergi.", "Rusia", "Ia berkata, \"Rusia menolak.\""),
            ("Versi 2.0 Rusia rilis", "Rusia", "Versi 2.0 Rusia rilis"),
            ("Apa kabar Rusia? Baik!", "Rusia", "Apa kabar Rusia?"),
        ];
        for &(t, kw, want) in cases {
            let at = t.find(kw).unwrap();
            assert_eq!(sentence(t, Span::new(at, at + kw.len())).slice(t), want, "{t:?}");
        }
        let long = format!("{} Rusia {}", "é".repeat(300), "ü".repeat(300));
        let at = long.find("Rusia").unwrap();
        let s = sentence(&long, Span::new(at, at + 5));
        // At most the limit either side, and a character more where the limit cuts one.
        assert!(s.len() <= 2 * (SENTENCE_BYTES + 3) + 5 && s.slice(&long).contains("Rusia"), "{}", s.len());
    }

    #[test]
    fn sentences_split_as_sentence_reads_them() {
        let t = "Judul berita\n\nSatu. Presiden Rusia datang! \"Tiga?\" Versi 2.0 rilis.\nAkhir";
        let got: Vec<&str> = sentences(t).map(|s| s.slice(t)).collect();
        assert_eq!(got, ["Judul berita", "Satu.", "Presiden Rusia datang!", "\"Tiga?\"", "Versi 2.0 rilis.", "Akhir"]);
        for s in sentences(t) {
            let mid = Span::new(s.start as usize, s.start as usize + 1);
            assert_eq!(sentence(t, mid), s, "{:?}", s.slice(t));
        }
        assert_eq!(sentences("").count() + sentences(" \n\n ").count(), 0);
    }

    #[test]
    fn compounds_and_affixes_share_a_stem_key() {
        assert_eq!(stems("kerjasama"), stems("bekerja sama"));
        assert_eq!(stems("Kerja Sama"), stems("kerja sama"));
        assert_ne!(stems("kerja"), stems("kerja sama"));
    }

    #[test]
    fn orders_round_trip_through_their_names() {
        for (o, n) in Order::ALL {
            assert_eq!(Order::from_name(n), Some(o));
            assert_eq!(o.name(), n);
        }
        assert_eq!(Order::from_name("3L"), None);
    }
}
