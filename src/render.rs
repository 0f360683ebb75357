//! How a document is laid out for reading: paragraphs, each a run of plain text and mentions.
//!
//! Pure and tested natively; the reader component turns the segments into text nodes and
//! `<mark>` elements, never into HTML strings.

use sorot_engine::matcher::Mention;

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
    fn an_empty_document_has_no_paragraphs() {
        assert!(paragraphs("", &[]).is_empty());
        assert!(paragraphs(" \n\n\t", &[]).is_empty());
    }
}
