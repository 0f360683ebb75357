//! How a document is laid out for reading: paragraphs, each a run of plain text and mentions.
//!
//! Pure and tested natively; the reader component turns the segments into text nodes and
//! `<mark>` elements, never into HTML strings.

use sorot_engine::matcher::Mention;
use sorot_engine::search::snippet::Snippet;
use sorot_engine::span::Span;

/// A piece of a paragraph: plain text, or the text of one mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text, exactly as in the document.
    pub text: String,
    /// Index of the mention in the document's mention list, for mention segments.
    pub mention: Option<usize>,
}

/// Splits `text` into paragraphs at blank lines, and each paragraph into segments at the
/// mentions' edges. Single line breaks stay inside a paragraph. Whitespace-only paragraphs are
/// dropped; every other byte of `text` lands in exactly one segment.
///
/// `mentions` must be sorted and non-overlapping, as [`sorot_engine::matcher::Matcher::find`]
/// returns them; a mention that crosses a paragraph break is not highlighted.
pub fn paragraphs(text: &str, mentions: &[Mention]) -> Vec<Vec<Segment>> {
    let mut out = Vec::new();
    let mut next = 0; // first mention not yet placed
    for (start, end) in paragraph_ranges(text) {
        let mut segs = Vec::new();
        let mut pos = start;
        while next < mentions.len() && (mentions[next].span.start as usize) < end {
            let m = mentions[next].span.range();
            if m.start >= pos && m.end <= end {
                if m.start > pos {
                    segs.push(Segment { text: text[pos..m.start].to_string(), mention: None });
                }
                segs.push(Segment { text: text[m.clone()].to_string(), mention: Some(next) });
                pos = m.end;
            }
            next += 1;
        }
        if pos < end {
            segs.push(Segment { text: text[pos..end].to_string(), mention: None });
        }
        out.push(segs);
    }
    out
}

/// A piece of a snippet: text that may be a query hit, a mention, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnippetPiece {
    /// The text, exactly as in the document (line breaks made spaces).
    pub text: String,
    /// Part of a query hit.
    pub hit: bool,
    /// Index of the mention it belongs to, in the document's mention list.
    pub mention: Option<usize>,
}

/// Splits a snippet's window into pieces at the edges of hits and of mentions, so that both can
/// be marked; every byte of the window lands in exactly one piece.
pub fn snippet_pieces(text: &str, snippet: &Snippet, mentions: &[Mention]) -> Vec<SnippetPiece> {
    let w = snippet.span;
    let inside = |s: Span| s.start >= w.start && s.end <= w.end;
    let ms: Vec<(usize, Span)> = mentions.iter().enumerate().map(|(i, m)| (i, m.span)).filter(|&(_, s)| inside(s)).collect();
    let mut cuts: Vec<u32> = vec![w.start, w.end];
    for s in snippet.hits.iter().copied().chain(ms.iter().map(|m| m.1)) {
        cuts.push(s.start);
        cuts.push(s.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<SnippetPiece> = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a >= b || a < w.start || b > w.end {
            continue;
        }
        let hit = snippet.hits.iter().any(|h| h.start <= a && b <= h.end);
        let mention = ms.iter().find(|(_, s)| s.start <= a && b <= s.end).map(|m| m.0);
        let piece = text[a as usize..b as usize].replace(['\n', '\r'], " ");
        match out.last_mut() {
            Some(last) if last.hit == hit && last.mention == mention => last.text.push_str(&piece),
            _ => out.push(SnippetPiece { text: piece, hit, mention }),
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
        Mention { entity: EntityId(0), span: Span::new(start, end), alias: AliasId(0), government: None }
    }

    #[test]
    fn paragraphs_split_at_blank_lines_and_keep_every_word() {
        let text = "Rusia dan CIS\nbaris dua\n\n\n  \nSCO <b>x</b>\n";
        let ms = [mention(0, 5), mention(10, 13), mention(29, 32)];
        let ps = paragraphs(text, &ms);
        let shown: Vec<Vec<(&str, Option<usize>)>> =
            ps.iter().map(|p| p.iter().map(|s| (s.text.as_str(), s.mention)).collect()).collect();
        assert_eq!(
            shown,
            [
                vec![("Rusia", Some(0)), (" dan ", None), ("CIS", Some(1)), ("\nbaris dua", None)],
                vec![("SCO", Some(2)), (" <b>x</b>", None)],
            ]
        );
    }

    #[test]
    fn snippet_pieces_mark_hits_and_mentions_together() {
        let text = "Kemlu: Rusia dan China sepakat bekerja sama.";
        // Window "Rusia dan China sepakat bekerja" (7..38), hits "Rusia" and "bekerja", mentions Rusia, China.
        let snippet = Snippet { span: Span::new(7, 38), hits: vec![Span::new(7, 12), Span::new(31, 38)], cut_before: true, cut_after: true };
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
        assert!(paragraphs("", &[]).is_empty());
        assert!(paragraphs(" \n\n\t", &[]).is_empty());
    }
}
