//! How a document is laid out for reading: paragraphs and snippets, each a run of plain text,
//! mentions and query hits.
//!
//! Pure and tested natively; the reader component turns the segments into text nodes and
//! `<mark>` elements, never into HTML strings.

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

/// Splits `window` of `text` into pieces at the edges of hits and of mentions, so that both can
/// be marked; every byte of the window lands in exactly one piece. Mentions and hits that
/// cross the window's edges are not marked.
pub fn pieces(text: &str, window: Span, hits: &[Span], mentions: &[Mention]) -> Vec<Piece> {
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
    paragraph_ranges(text).into_iter().map(|(start, end)| pieces(text, Span::new(start, end), hits, mentions)).collect()
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
    use sorot_engine::gazetteer::{AliasId, EntityId};
    use sorot_engine::span::Span;

    fn mention(start: usize, end: usize) -> Mention {
        Mention {
            entity: EntityId(0),
            span: Span::new(start, end),
            alias: AliasId(0),
            government: None,
            corrected: false,
        }
    }

    #[test]
    fn paragraphs_split_at_blank_lines_and_keep_every_word() {
        let text = "Rusia dan CIS\nbaris dua\n\n\n  \nSCO <b>x</b>\n";
        let ms = [mention(0, 5), mention(10, 13), mention(29, 32)];
        let ps = paragraphs(text, &ms, &[Span::new(20, 23)]);
        let shown: Vec<Vec<(&str, bool, Option<usize>)>> =
            ps.iter().map(|p| p.iter().map(|s| (s.text.as_str(), s.hit, s.mention)).collect()).collect();
        assert_eq!(
            shown,
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
    }
}
