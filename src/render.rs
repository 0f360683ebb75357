//! How a document is laid out for reading: paragraphs and snippets, each a run of plain text,
//! mentions and query hits.
//!
//! A paragraph is first cut at the edges of its mentions into [`Part`]s (text outside mentions,
//! or one mention); each part is then cut at the edges of the query's hits ([`split`]). The
//! first cut depends only on the document, so the reader builds a mention's `<mark>` once per
//! article and only re-cuts its inside as the query changes. [`segments`] does both at once.
//!
//! ```
//! use sorot_app::render::{segments, Segment};
//! use sorot_engine::matcher::Matcher;
//! use sorot_engine::span::Span;
//!
//! let text = "Rusia dan China.\n\nKTT SCO.";
//! let mentions = Matcher::bundled().find(text);
//! let hit = Span::new(0, 3); // "Rus", as a prefix search would mark it
//! let paragraphs = segments(text, &mentions, &[hit]);
//! assert_eq!(paragraphs.len(), 2);
//! assert_eq!(
//!     paragraphs[0][0],
//!     Segment::Mention { mention: 0, pieces: vec![("Rus".into(), true), ("ia".into(), false)] }
//! );
//! assert_eq!(paragraphs[0][1], Segment::Text { text: " dan ".into(), hit: false });
//! ```
//!
//! Everything here is linear in the number of mentions and hits (after sorting them, which the
//! callers' lists already are): the sweeps walk each list once with a cursor.
//!
//! Pure and tested natively; the components turn pieces into text nodes and `<mark>` elements,
//! never into HTML strings.

use sorot_engine::matcher::Mention;
use sorot_engine::search::snippet::Snippet;
use sorot_engine::span::Span;

/// A piece of text to show: plain, a query hit, a mention, or a hit inside a mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The text, exactly as in the document.
    pub text: String,
    /// Part of a query hit.
    pub hit: bool,
    /// Index of the mention it belongs to, in the document's mention list.
    pub mention: Option<usize>,
}

/// A stretch of a paragraph between mention edges: text outside any mention, or one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    /// Where, in bytes of the document.
    pub span: Span,
    /// Index of the mention, in the document's mention list; `None` outside mentions.
    pub mention: Option<usize>,
}

/// A paragraph cut at the edges of its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's bytes, without its final line break.
    pub span: Span,
    /// Its parts, in order; together they cover `span` exactly.
    pub parts: Vec<Part>,
}

/// What a paragraph shows: a run of text outside mentions (plain or a query hit), or one
/// mention holding its pieces (each a query hit or not), which the reader shows as one `<mark>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Text outside mentions.
    Text {
        /// The text, exactly as in the document.
        text: String,
        /// Part of a query hit.
        hit: bool,
    },
    /// One mention.
    Mention {
        /// Index of the mention, in the document's mention list.
        mention: usize,
        /// Its text in pieces, each with whether it is part of a query hit.
        pieces: Vec<(String, bool)>,
    },
}

/// Splits `window` of `text` into pieces at the edges of hits and of mentions, so that both can
/// be marked; every byte of the window lands in exactly one piece. Mentions and hits that
/// cross the window's edges are not marked. Where mentions overlap (the matcher never makes
/// them do so), a byte belongs to the first of them in `mentions`.
pub fn pieces(text: &str, window: Span, hits: &[Span], mentions: &[Mention]) -> Vec<Piece> {
    let ms = sorted_mentions(mentions);
    let hs = sorted(hits.to_vec());
    let (m0, h0) = (ms.partition_point(|m| m.1.start < window.start), hs.partition_point(|h| h.start < window.start));
    let (m1, h1) = (ms.partition_point(|m| m.1.start < window.end), hs.partition_point(|h| h.start < window.end));
    let parts = parts_of(window, &ms[m0..m1]);
    let covered = coverage_of(window, &hs[h0..h1]);
    let mut out = Vec::with_capacity(parts.len());
    let mut cursor = 0;
    for part in parts {
        for (span, hit) in split_from(part.span, &covered, &mut cursor) {
            out.push(Piece { text: span.slice(text).to_string(), hit, mention: part.mention });
        }
    }
    out
}

/// The classes every `<mark>` of a mention carries, in the reader and in result snippets: its
/// kind, and whether it was read as a misspelling.
pub fn mention_class(m: &Mention, kind: &str) -> String {
    let mut c = format!("mention mention--{kind}");
    if m.corrected {
        c.push_str(" mention--corrected");
    }
    c
}

/// Splits `text` into paragraphs at blank lines, and each paragraph into [`pieces`] at the edges
/// of mentions and query hits. Single line breaks stay inside a paragraph. Whitespace-only
/// paragraphs are dropped; every other byte of `text` lands in exactly one piece.
pub fn paragraphs(text: &str, mentions: &[Mention], hits: &[Span]) -> Vec<Vec<Piece>> {
    // The same cut as `segments`, with each mention's pieces laid flat.
    segments(text, mentions, hits)
        .into_iter()
        .map(|p| {
            p.into_iter()
                .flat_map(|seg| match seg {
                    Segment::Text { text, hit } => vec![Piece { text, hit, mention: None }],
                    Segment::Mention { mention, pieces } => {
                        pieces.into_iter().map(|(text, hit)| Piece { text, hit, mention: Some(mention) }).collect()
                    }
                })
                .collect()
        })
        .collect()
}

/// The paragraphs of `text` (as [`paragraphs`] finds them), each cut at the edges of the
/// mentions that lie wholly inside it. Depends on the document only, not on a query.
pub fn layout(text: &str, mentions: &[Mention]) -> Vec<Paragraph> {
    // Blocks with no budget: each paragraph whole.
    let mut whole = blocks(text, mentions, u32::MAX);
    std::iter::from_fn(|| whole.next_block(text)).map(|b| Paragraph { span: b.span, parts: b.parts }).collect()
}

/// A stretch of a paragraph that the reader builds in one go: a whole paragraph, or, for a
/// paragraph longer than a block's budget, one of the pieces it is cut into, so that a huge
/// document renders a little at a time and lays out a block at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Where, in bytes of the document.
    pub span: Span,
    /// It begins its paragraph (the others continue the one before).
    pub opens: bool,
    /// Its parts, in order; together they cover `span` exactly.
    pub parts: Vec<Part>,
}

/// Bytes of text after which a block ends, at the next space between two mentions.
pub const BLOCK_BYTES: u32 = 4096;

/// The paragraphs of `text` cut into [`Block`]s of about `budget` bytes, made one at a time as
/// they are asked for: a paragraph shorter than that is one block, cut at the edges of its
/// mentions exactly as [`layout`] cuts it; a longer one is cut in the text between mentions
/// (never inside a mention or a word), after a sentence's end where one is near, or at a space.
/// Each block costs time in its own size only, so the first of a huge document comes at once.
///
/// The cutter holds no borrow of the text (the reader keeps it across tasks): each
/// [`Blocks::next_block`] is handed the same text again.
pub fn blocks(text: &str, mentions: &[Mention], budget: u32) -> Blocks {
    Blocks { paragraphs: paragraph_ranges(text), p: 0, at: None, ms: sorted_mentions(mentions), next: 0, budget }
}

/// The blocks of a document, as [`blocks`] makes them.
pub struct Blocks {
    paragraphs: Vec<(usize, usize)>,
    /// The paragraph being cut.
    p: usize,
    /// Where its next block starts, once its first one is made.
    at: Option<u32>,
    /// Non-empty mentions by start, and the first not yet placed in a block.
    ms: Vec<(usize, Span)>,
    next: usize,
    budget: u32,
}

impl Blocks {
    /// The spans of the paragraphs, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = Span> + '_ {
        self.paragraphs.iter().map(|&(s, e)| Span::new(s, e))
    }

    /// Where a block starting at `start` in paragraph `para` ends: the paragraph's end if that is
    /// within the budget, else the first place after the budget where plain text can be cut.
    fn end_of(&self, text: &str, start: u32, para: Span) -> u32 {
        if para.end - start <= self.budget {
            return para.end;
        }
        let mut target = start + self.budget;
        let mut reach = start;
        let mut j = self.next;
        loop {
            // Never inside a mention: go past every mention that starts before the target.
            while j < self.ms.len() && self.ms[j].1.start < target {
                let m = self.ms[j].1;
                if m.end <= para.end {
                    reach = reach.max(m.end);
                }
                j += 1;
            }
            let from = target.max(reach);
            if from >= para.end {
                return para.end;
            }
            let limit = self.ms.get(j).map_or(para.end, |m| m.1.start.min(para.end));
            if let Some(cut) = cut_point(text, Span { start: from, end: limit.max(from) }) {
                return cut;
            }
            // No space before the next mention: look past it.
            target = limit + 1;
        }
    }

    /// The next block of `text` (the text the cutter was made for), or `None` after the last.
    pub fn next_block(&mut self, text: &str) -> Option<Block> {
        let &(ps, pe) = self.paragraphs.get(self.p)?;
        let para = Span::new(ps, pe);
        let opens = self.at.is_none();
        if opens {
            // Mentions starting before this paragraph can never lie inside it or a later one.
            self.next += self.ms[self.next..].partition_point(|m| m.1.start < para.start);
        }
        let start = self.at.unwrap_or(para.start);
        let end = self.end_of(text, start, para);
        let upto = self.next + self.ms[self.next..].partition_point(|m| m.1.start < end);
        let parts = parts_of(Span { start, end }, &self.ms[self.next..upto]);
        self.next = upto;
        if end >= para.end {
            self.p += 1;
            self.at = None;
        } else {
            self.at = Some(end);
        }
        Some(Block { span: Span { start, end }, opens, parts })
    }
}

/// Where in `window` (plain text) a block may end: just after the first sentence end (`. `,
/// `! `, `? `) in its first 512 bytes, else after its first space; `None` if it has no space.
fn cut_point(text: &str, window: Span) -> Option<u32> {
    let bytes = &text.as_bytes()[window.range()];
    let near = &bytes[..bytes.len().min(512)];
    let sentence = near.windows(2).position(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1].is_ascii_whitespace());
    let at = match sentence {
        Some(i) => i + 2,
        None => bytes.iter().position(|b| b.is_ascii_whitespace())? + 1,
    };
    Some(window.start + at as u32)
}

/// The stretches of `text` that the query's `hits` mark in the reader, over every paragraph:
/// [`coverage`] of each paragraph in turn, as one sorted list of disjoint spans. A hit that
/// crosses a paragraph's edge is not marked.
pub fn reader_coverage(hits: &[Span], paragraphs: impl IntoIterator<Item = Span>) -> Vec<Span> {
    paragraphs.into_iter().flat_map(|p| coverage(hits, p)).collect()
}

/// The spans of `covered` (sorted, disjoint, as [`reader_coverage`] returns them) that overlap
/// `window`: what [`split`] needs to cut a block's parts. Found by binary search.
pub fn overlapping(covered: &[Span], window: Span) -> &[Span] {
    let from = covered.partition_point(|c| c.end <= window.start);
    let to = from + covered[from..].partition_point(|c| c.start < window.end);
    &covered[from..to]
}

/// The stretches of `window` that `hits` cover, for [`split`]: sorted, disjoint, with
/// touching or overlapping hits joined. Only hits wholly inside `window` count.
///
/// `hits` must be sorted by start (as [`sorted`] leaves them); the hits before the window are
/// skipped by binary search, so covering every paragraph in turn is linear overall.
pub fn coverage(hits: &[Span], window: Span) -> Vec<Span> {
    debug_assert!(hits.windows(2).all(|w| w[0].start <= w[1].start), "hits are sorted by start");
    let from = hits.partition_point(|h| h.start < window.start);
    let to = from + hits[from..].partition_point(|h| h.start < window.end);
    coverage_of(window, &hits[from..to])
}

/// `span` cut at the edges of `covered` (as [`coverage`] returns it): its pieces in order, each
/// with whether it is covered. Adjacent pieces always differ; an empty span has no pieces.
pub fn split(span: Span, covered: &[Span]) -> Vec<(Span, bool)> {
    let mut cursor = covered.partition_point(|c| c.end <= span.start);
    split_from(span, covered, &mut cursor)
}

/// The [`Segment`]s of every paragraph of `text`: its mentions, each holding its pieces, and
/// the text between them, cut at the edges of `hits`.
pub fn segments(text: &str, mentions: &[Mention], hits: &[Span]) -> Vec<Vec<Segment>> {
    let hs = sorted(hits.to_vec());
    layout(text, mentions)
        .into_iter()
        .map(|p| {
            let covered = coverage(&hs, p.span);
            let mut cursor = 0;
            let mut out = Vec::with_capacity(p.parts.len());
            for part in p.parts {
                let pieces = split_from(part.span, &covered, &mut cursor);
                match part.mention {
                    Some(mention) => out.push(Segment::Mention {
                        mention,
                        pieces: pieces.into_iter().map(|(s, hit)| (s.slice(text).to_string(), hit)).collect(),
                    }),
                    None => out.extend(
                        pieces.into_iter().map(|(s, hit)| Segment::Text { text: s.slice(text).to_string(), hit }),
                    ),
                }
            }
            out
        })
        .collect()
}

/// The pieces of a snippet's window, with line breaks shown as spaces.
pub fn snippet_pieces(text: &str, snippet: &Snippet, mentions: &[Mention]) -> Vec<Piece> {
    let mut out = pieces(text, snippet.span, &snippet.hits, mentions);
    for p in &mut out {
        if p.text.contains(['\n', '\r']) {
            p.text = p.text.replace(['\n', '\r'], " ");
        }
    }
    out
}

/// `spans` sorted by start (then end), as [`coverage`] wants them; an already sorted list (the
/// engine's are) costs one pass.
pub fn sorted(mut spans: Vec<Span>) -> Vec<Span> {
    if !spans.is_sorted() {
        spans.sort_unstable();
    }
    spans
}

/// Non-empty mentions with their indices, sorted by start (ties keep list order).
fn sorted_mentions(mentions: &[Mention]) -> Vec<(usize, Span)> {
    let mut v: Vec<(usize, Span)> =
        mentions.iter().enumerate().map(|(i, m)| (i, m.span)).filter(|m| !m.1.is_empty()).collect();
    if !v.is_sorted_by_key(|m| m.1.start) {
        v.sort_by_key(|m| m.1.start);
    }
    v
}

/// `window` cut into parts at the edges of the mentions of `ms` that lie wholly inside it. `ms`
/// is sorted by start and holds only mentions starting inside the window.
fn parts_of(window: Span, ms: &[(usize, Span)]) -> Vec<Part> {
    let inside: Vec<(usize, Span)> = ms.iter().copied().filter(|m| m.1.end <= window.end).collect();
    let mut out: Vec<Part> = Vec::with_capacity(2 * inside.len() + 1);
    fn push(out: &mut Vec<Part>, start: u32, end: u32, mention: Option<usize>) {
        if start >= end {
            return;
        }
        match out.last_mut() {
            Some(last) if last.mention == mention && last.span.end == start => last.span.end = end,
            _ => out.push(Part { span: Span { start, end }, mention }),
        }
    }
    // The common case, mentions one after another: one pass.
    if inside.windows(2).all(|w| w[0].1.end <= w[1].1.start) {
        let mut at = window.start;
        for &(i, s) in &inside {
            push(&mut out, at, s.start, None);
            push(&mut out, s.start, s.end, Some(i));
            at = s.end;
        }
        push(&mut out, at, window.end, None);
        return out;
    }
    // Overlapping mentions: sweep the elementary stretches between all edges; each belongs to
    // the first listed mention open over it.
    let mut cuts: Vec<u32> = Vec::with_capacity(2 * inside.len() + 2);
    cuts.extend([window.start, window.end]);
    for &(_, s) in &inside {
        cuts.extend([s.start, s.end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut open: Vec<(usize, Span)> = Vec::new();
    let mut next = 0;
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        while next < inside.len() && inside[next].1.start <= a {
            open.push(inside[next]);
            next += 1;
        }
        open.retain(|m| m.1.end > a);
        push(&mut out, a, b, open.iter().map(|m| m.0).min());
    }
    out
}

/// The union of `hs` (sorted by start, starting inside the window) that lies wholly inside
/// `window`, as sorted disjoint spans.
fn coverage_of(window: Span, hs: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for &h in hs {
        if h.is_empty() || h.start < window.start || h.end > window.end {
            continue;
        }
        match out.last_mut() {
            Some(last) if h.start <= last.end => last.end = last.end.max(h.end),
            _ => out.push(h),
        }
    }
    out
}

/// [`split`] from a cursor into `covered` that only moves forward, for consecutive spans.
fn split_from(span: Span, covered: &[Span], cursor: &mut usize) -> Vec<(Span, bool)> {
    let mut out = Vec::new();
    while *cursor < covered.len() && covered[*cursor].end <= span.start {
        *cursor += 1;
    }
    let mut at = span.start;
    let mut k = *cursor;
    while at < span.end {
        match covered.get(k) {
            Some(c) if c.start < span.end => {
                if c.start > at {
                    out.push((Span { start: at, end: c.start }, false));
                    at = c.start;
                }
                let end = c.end.min(span.end);
                out.push((Span { start: at, end }, true));
                at = end;
                if c.end <= span.end {
                    k += 1;
                }
            }
            _ => {
                out.push((Span { start: at, end: span.end }, false));
                at = span.end;
            }
        }
    }
    *cursor = k;
    out
}

/// Byte ranges of the paragraphs: maximal runs of non-blank lines, without the final newline.
fn paragraph_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            ranges.extend(current.take());
        } else {
            let end = offset + content.len();
            current = Some((current.map_or(offset, |c| c.0), end));
        }
        offset += line.len();
    }
    ranges.extend(current);
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use sorot_engine::collection::{Collection, Request};
    use sorot_engine::gazetteer::{AliasId, EntityId};
    use sorot_engine::matcher::Matcher;

    fn mention(start: usize, end: usize) -> Mention {
        Mention {
            entity: EntityId(0),
            span: Span::new(start, end),
            alias: AliasId(0),
            government: None,
            corrected: false,
        }
    }

    /// The algorithm this module replaced (every cut scanned every mention and hit), kept as
    /// the reference the linear one must agree with.
    fn quadratic_pieces(text: &str, window: Span, hits: &[Span], mentions: &[Mention]) -> Vec<Piece> {
        let inside = |s: Span| s.start >= window.start && s.end <= window.end;
        let ms: Vec<(usize, Span)> =
            mentions.iter().enumerate().map(|(i, m)| (i, m.span)).filter(|&(_, s)| inside(s)).collect();
        let hs: Vec<Span> = hits.iter().copied().filter(|&s| inside(s)).collect();
        let mut cuts: Vec<u32> = vec![window.start, window.end];
        for s in hs.iter().copied().chain(ms.iter().map(|m| m.1)) {
            cuts.push(s.start);
            cuts.push(s.end);
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut out: Vec<Piece> = Vec::new();
        for pair in cuts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let hit = hs.iter().any(|h| h.start <= a && b <= h.end);
            let mention = ms.iter().find(|(_, s)| s.start <= a && b <= s.end).map(|m| m.0);
            let piece = &text[a as usize..b as usize];
            match out.last_mut() {
                Some(last) if last.hit == hit && last.mention == mention => last.text.push_str(piece),
                _ => out.push(Piece { text: piece.to_string(), hit, mention }),
            }
        }
        out
    }

    /// What the reader did with the pieces before [`segments`]: consecutive pieces of one
    /// mention became one `<mark>`.
    fn grouped(pieces: Vec<Piece>) -> Vec<Segment> {
        let mut out: Vec<Segment> = Vec::new();
        for p in pieces {
            match (p.mention, out.last_mut()) {
                (Some(i), Some(Segment::Mention { mention, pieces })) if *mention == i => pieces.push((p.text, p.hit)),
                (Some(i), _) => out.push(Segment::Mention { mention: i, pieces: vec![(p.text, p.hit)] }),
                (None, _) => out.push(Segment::Text { text: p.text, hit: p.hit }),
            }
        }
        out
    }

    fn shown(ps: &[Vec<Piece>]) -> Vec<Vec<(&str, bool, Option<usize>)>> {
        ps.iter().map(|p| p.iter().map(|s| (s.text.as_str(), s.hit, s.mention)).collect()).collect()
    }

    #[test]
    fn paragraphs_split_at_blank_lines_and_keep_every_word() {
        let text = "Rusia dan CIS\nbaris dua\n\n\n  \nSCO <b>x</b>\n";
        let ms = [mention(0, 5), mention(10, 13), mention(29, 32)];
        let ps = paragraphs(text, &ms, &[Span::new(20, 23)]);
        assert_eq!(
            shown(&ps),
            [
                vec![
                    ("Rusia", false, Some(0)),
                    (" dan ", false, None),
                    ("CIS", false, Some(1)),
                    ("\nbaris ", false, None),
                    ("dua", true, None)
                ],
                vec![("SCO", false, Some(2)), (" <b>x</b>", false, None)],
            ]
        );
    }

    #[test]
    fn snippet_pieces_mark_hits_and_mentions_together() {
        let text = "Kemlu: Rusia dan China sepakat bekerja sama.";
        // Window "Rusia dan China sepakat bekerja" (7..38), hits "Rusia" and "bekerja", mentions Rusia, China.
        let snippet = Snippet {
            span: Span::new(7, 38),
            hits: vec![Span::new(7, 12), Span::new(31, 38)],
            cut_before: true,
            cut_after: true,
        };
        let ms = [mention(7, 12), mention(17, 22)];
        let got: Vec<(String, bool, Option<usize>)> =
            snippet_pieces(text, &snippet, &ms).into_iter().map(|p| (p.text, p.hit, p.mention)).collect();
        assert_eq!(
            got,
            [
                ("Rusia".to_string(), true, Some(0)),
                (" dan ".into(), false, None),
                ("China".into(), false, Some(1)),
                (" sepakat ".into(), false, None),
                ("bekerja".into(), true, None),
            ]
        );
    }

    #[test]
    fn an_empty_document_has_no_paragraphs() {
        assert!(paragraphs("", &[], &[]).is_empty());
        assert!(paragraphs(" \n\n\t", &[], &[]).is_empty());
        assert!(segments("", &[], &[]).is_empty());
    }

    /// Byte ranges, as written in the tables.
    type Ranges = &'static [(usize, usize)];

    /// Hand-made edge cases: (text, mentions, hits, window) where the two algorithms could
    /// part ways.
    const EDGES: &[(&str, Ranges, Ranges, (usize, usize))] = &[
        // A hit across a mention's end, and one across the window's end (not marked).
        ("Amerika Serikat dan Rusia", &[(0, 15)], &[(8, 19), (20, 25)], (0, 22)),
        // Touching and overlapping hits join; an empty hit and an empty mention change nothing.
        ("abc def ghi", &[(4, 7), (5, 5)], &[(0, 3), (3, 5), (4, 9), (10, 10)], (0, 11)),
        // Mentions out of order and overlapping: a byte belongs to the first listed.
        ("abcdefghijklmno", &[(5, 15), (0, 10), (2, 4)], &[(3, 6)], (0, 15)),
        // A mention crossing the window's start, one equal to the window, hits out of order.
        ("0123456789", &[(0, 4), (2, 8)], &[(6, 7), (2, 3)], (2, 8)),
        // Two mentions back to back, a hit over both.
        ("RusiaChina", &[(0, 5), (5, 10)], &[(3, 7)], (0, 10)),
    ];

    #[test]
    fn edge_cases_cut_exactly_as_the_quadratic_algorithm_did() {
        for &(text, ms, hs, (ws, we)) in EDGES {
            let ms: Vec<Mention> = ms.iter().map(|&(s, e)| mention(s, e)).collect();
            let hs: Vec<Span> = hs.iter().map(|&(s, e)| Span::new(s, e)).collect();
            let window = Span::new(ws, we);
            assert_eq!(pieces(text, window, &hs, &ms), quadratic_pieces(text, window, &hs, &ms), "{text:?}");
            let whole = Span::new(0, text.len());
            assert_eq!(pieces(text, whole, &hs, &ms), quadratic_pieces(text, whole, &hs, &ms), "{text:?} whole");
            assert_eq!(
                segments(text, &ms, &hs),
                vec![grouped(quadratic_pieces(text, whole, &hs, &ms))],
                "{text:?} segments"
            );
        }
    }

    /// Queries whose hits land on, inside and around mentions in the seed articles.
    const SEED_QUERIES: &[&str] = &["", "rusia", "amerika lavrov", "kerja sama", "shanghai org", "negara bekas", "a"];

    #[test]
    fn the_seed_articles_are_laid_out_exactly_as_before() {
        let c = Collection::new(crate::bundled::documents(), Matcher::bundled());
        for doc in 0..c.len() {
            let text = &c.document(doc).unwrap().text;
            let ms = &*c.mentions(doc).unwrap();
            for q in SEED_QUERIES {
                let matched = c.search(&Request { query: q, ..Request::default() }).matched;
                let hits = c.hits(doc, &matched).unwrap();
                let old: Vec<Vec<Piece>> = paragraph_ranges(text)
                    .into_iter()
                    .map(|(s, e)| quadratic_pieces(text, Span::new(s, e), &hits, ms))
                    .collect();
                let id = c.id(doc);
                assert_eq!(paragraphs(text, ms, &hits), old, "{id}, query {q:?}: pieces");
                let old_segments: Vec<Vec<Segment>> = old.into_iter().map(grouped).collect();
                assert_eq!(segments(text, ms, &hits), old_segments, "{id}, query {q:?}: segments");
                let snippet = c.snippet(doc, &matched, 28).unwrap();
                assert_eq!(
                    pieces(text, snippet.span, &snippet.hits, ms),
                    quadratic_pieces(text, snippet.span, &snippet.hits, ms),
                    "{id}, query {q:?}: snippet"
                );
            }
        }
    }

    #[test]
    fn a_parts_layout_covers_each_paragraph_and_splits_back_into_its_pieces() {
        let c = Collection::new(crate::bundled::documents(), Matcher::bundled());
        let matched = c.search(&Request { query: "rusia kerja", ..Request::default() }).matched;
        for doc in 0..c.len() {
            let text = &c.document(doc).unwrap().text;
            let hits = sorted(c.hits(doc, &matched).unwrap());
            for (p, pieces) in
                layout(text, &c.mentions(doc).unwrap()).iter().zip(paragraphs(text, &c.mentions(doc).unwrap(), &hits))
            {
                assert_eq!(p.parts.first().map(|x| x.span.start), Some(p.span.start));
                assert_eq!(p.parts.last().map(|x| x.span.end), Some(p.span.end));
                assert!(p.parts.windows(2).all(|w| w[0].span.end == w[1].span.start && w[0].mention != w[1].mention));
                let covered = coverage(&hits, p.span);
                let again: Vec<Piece> = p
                    .parts
                    .iter()
                    .flat_map(|part| {
                        split(part.span, &covered).into_iter().map(|(s, hit)| Piece {
                            text: s.slice(text).to_string(),
                            hit,
                            mention: part.mention,
                        })
                    })
                    .collect();
                assert_eq!(again, pieces);
            }
        }
    }

    fn all_blocks(text: &str, mut cutter: Blocks) -> Vec<Block> {
        std::iter::from_fn(|| cutter.next_block(text)).collect()
    }

    /// Checks that `bs` cover the paragraphs of `laid` exactly, in order, each part whole.
    fn assert_tiles(bs: &[Block], laid: &[Paragraph]) {
        let parts: Vec<Part> = laid.iter().flat_map(|p| p.parts.iter().copied()).collect();
        let mut again: Vec<Part> = Vec::new();
        for b in bs {
            assert_eq!(b.parts.first().map(|p| p.span.start), Some(b.span.start));
            assert_eq!(b.parts.last().map(|p| p.span.end), Some(b.span.end));
            for &p in &b.parts {
                match again.last_mut() {
                    // A plain part cut at a block's edge, joined again.
                    Some(last)
                        if !b.opens
                            && last.span.end == p.span.start
                            && last.mention.is_none()
                            && p.mention.is_none() =>
                    {
                        last.span.end = p.span.end
                    }
                    _ => again.push(p),
                }
            }
        }
        assert_eq!(again, parts);
        assert_eq!(bs.iter().filter(|b| b.opens).count(), laid.len(), "one opening block a paragraph");
    }

    #[test]
    fn a_paragraph_under_the_budget_is_one_block_and_a_longer_one_is_cut_between_sentences() {
        let c = Collection::new(crate::bundled::documents(), Matcher::bundled());
        for doc in 0..c.len() {
            let text = &c.document(doc).unwrap().text;
            let ms = c.mentions(doc).unwrap();
            let laid = layout(text, &ms);
            let bs = all_blocks(text, blocks(text, &ms, BLOCK_BYTES));
            assert_tiles(&bs, &laid);
            assert!(bs.iter().all(|b| b.opens), "no seed paragraph is longer than a block");
        }
        // One paragraph of 2,000 sentences, each with a mention.
        let text = "Menlu Rusia bertemu mitranya di Jakarta pada hari Senin. ".repeat(2_000);
        let ms = Matcher::bundled().find(&text);
        let laid = layout(&text, &ms);
        let bs = all_blocks(&text, blocks(&text, &ms, BLOCK_BYTES));
        assert_tiles(&bs, &laid);
        assert!(bs.len() > 25, "{} blocks", bs.len());
        for b in &bs[..bs.len() - 1] {
            let shown = b.span.slice(&text);
            assert!(shown.ends_with(". "), "cut after a sentence: {:?}", &shown[shown.len() - 20..]);
            assert!(b.span.len() as u32 <= BLOCK_BYTES + 512 + 64, "{}", b.span.len());
        }
        // No space at all: nowhere to cut, one block.
        let word = "x".repeat(10_000);
        let bs = all_blocks(&word, blocks(&word, &[], BLOCK_BYTES));
        assert_eq!(bs.len(), 1);
        assert_eq!(bs[0].span, Span::new(0, 10_000));
    }

    #[test]
    fn a_blocks_hits_are_the_overlapping_stretches_and_split_exactly_as_the_paragraphs_do() {
        let text = "Rusia dan China bekerja sama. ".repeat(400);
        let ms = Matcher::bundled().find(&text);
        // "sama. Rusia" crosses block edges, as a phrase hit can.
        let hits: Vec<Span> = text.match_indices("sama. Rusia").map(|(i, m)| Span::new(i, i + m.len())).collect();
        let laid = layout(&text, &ms);
        let covered = reader_coverage(&hits, laid.iter().map(|p| p.span));
        let whole: Vec<(Span, bool)> = laid
            .iter()
            .flat_map(|p| p.parts.iter().flat_map(|part| split(part.span, &coverage(&hits, p.span))))
            .collect();
        let by_block: Vec<(Span, bool)> = all_blocks(&text, blocks(&text, &ms, 1024))
            .into_iter()
            .flat_map(|b| {
                let cv = overlapping(&covered, b.span);
                b.parts.iter().flat_map(|part| split(part.span, cv)).collect::<Vec<_>>()
            })
            .collect();
        // Laid flat and with touching pieces of the same kind joined, the two are the same.
        let join = |v: Vec<(Span, bool)>| {
            v.into_iter().fold(Vec::<(Span, bool)>::new(), |mut acc, (s, h)| {
                match acc.last_mut() {
                    Some(last) if last.1 == h && last.0.end == s.start => last.0.end = s.end,
                    _ => acc.push((s, h)),
                }
                acc
            })
        };
        assert_eq!(join(by_block), join(whole));
    }

    /// A one-paragraph document with `n` mentions and `n` hits.
    fn one_paragraph(n: usize) -> (String, Vec<Mention>, Vec<Span>) {
        // "Rusia dan China, " repeated: each "Rusia" a mention, each "China" a hit.
        let unit = "Rusia dan China, ";
        let text = unit.repeat(n);
        let ms = (0..n).map(|i| mention(i * unit.len(), i * unit.len() + 5)).collect();
        let hs = (0..n).map(|i| Span::new(i * unit.len() + 10, i * unit.len() + 15)).collect();
        (text, ms, hs)
    }

    fn time_of(n: usize) -> std::time::Duration {
        let (text, ms, hs) = one_paragraph(n);
        let mut best = std::time::Duration::MAX;
        for _ in 0..5 {
            let t = std::time::Instant::now();
            let ps = paragraphs(&text, &ms, &hs);
            let segs = segments(&text, &ms, &hs);
            // What the reader does: blocks, and each block's hits.
            let cutter = blocks(&text, &ms, BLOCK_BYTES);
            let covered = reader_coverage(&hs, cutter.paragraphs());
            let marked: usize = all_blocks(&text, cutter)
                .iter()
                .map(|b| {
                    let cv = overlapping(&covered, b.span);
                    b.parts.iter().map(|p| split(p.span, cv).len()).sum::<usize>()
                })
                .sum();
            best = best.min(t.elapsed());
            assert_eq!(ps[0].len(), 4 * n);
            assert_eq!(segs[0].len(), 4 * n);
            assert_eq!(marked, 4 * n);
        }
        best
    }

    #[test]
    fn laying_out_grows_linearly_with_mentions_and_hits() {
        // 8x the mentions and hits must cost well under 64x the time, what the quadratic
        // algorithm cost; linear is 8x, and 24x leaves room for a busy machine and for the
        // allocator, which pays more for the larger run's memory. The best of five runs, after
        // a warm-up at the larger size, at sizes large enough to dwarf timer noise.
        time_of(32_000);
        let small = time_of(4_000);
        let large = time_of(32_000);
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
        assert!(ratio < 24.0, "8x the input took {ratio:.1}x the time ({small:?} → {large:?})");
    }
}
