//! Reading a JSON Lines corpus as it downloads: bytes go in chunk by chunk, cut anywhere, and
//! the records of every line they complete come out, so that a large corpus is never held
//! whole in memory, neither as text nor as parsed documents.
//!
//! Each line is read by the engine's [`parse_jsonl`], so the rules are the engine's: whatever
//! the chunks, the documents and the skipped lines (with their 1-based line numbers) are those
//! that `parse_jsonl` gives for the whole file, a duplicate id included.
//!
//! ```
//! use sorot_app::jsonl::JsonLines;
//!
//! let mut reader = JsonLines::new();
//! let first = reader.push(b"{\"id\": \"a\", \"text\": \"Rusia\"}\n{\"id\": \"b\", \"te");
//! assert_eq!(first.documents.len(), 1);
//! let rest = reader.push(b"xt\": \"China\"}\nnot json\n");
//! assert_eq!(rest.documents[0].id, "b");
//! assert_eq!(rest.errors[0].line, 3);
//! assert!(reader.finish().documents.is_empty());
//! ```

use std::collections::HashSet;

use sorot_engine::corpus::{parse_jsonl, LineError, Parsed};

/// A JSON Lines reader fed with chunks of bytes.
#[derive(Debug, Default)]
pub struct JsonLines {
    /// Bytes received after the last complete line: the line break that ended it (so that a
    /// chunk never starts a line, see [`JsonLines::take`]) and the next line's start.
    pending: Vec<u8>,
    /// Line breaks in the bytes before `pending`.
    lines_before: usize,
    /// Ids of the documents kept so far.
    seen: HashSet<String>,
    /// Bytes received.
    received: usize,
}

impl JsonLines {
    /// A reader at the start of a file.
    pub fn new() -> JsonLines {
        JsonLines::default()
    }

    /// Bytes received so far.
    pub fn received(&self) -> usize {
        self.received
    }

    /// Feeds the next `bytes` of the file; returns the records of the lines they complete.
    pub fn push(&mut self, bytes: &[u8]) -> Parsed {
        let searched = self.pending.len();
        self.pending.extend_from_slice(bytes);
        self.received += bytes.len();
        // The last line break, kept (with a `\r` before it) at the start of what stays pending.
        let Some(at) = self.pending[searched..].iter().rposition(|&b| b == b'\n').map(|i| searched + i) else {
            return Parsed::default();
        };
        let cut = if at > 0 && self.pending[at - 1] == b'\r' { at - 1 } else { at };
        let rest = self.pending.split_off(cut);
        let whole = std::mem::replace(&mut self.pending, rest);
        self.take(&whole)
    }

    /// The records of the last line, which has no line break after it (or nothing).
    pub fn finish(mut self) -> Parsed {
        let whole = std::mem::take(&mut self.pending);
        self.take(&whole)
    }

    /// Reads `whole`, the pending bytes up to (not including) a line break. Except at the very
    /// start of the file it begins with the line break that ended the previous line, so that
    /// the engine reads its first line as the empty rest of a line already counted and a
    /// byte-order mark is stripped only at the start of the file, as for the whole file.
    fn take(&mut self, whole: &[u8]) -> Parsed {
        let text = String::from_utf8_lossy(whole);
        let mut out = Parsed::default();
        for (n, line) in text.lines().enumerate() {
            let line_no = self.lines_before + n + 1;
            if line.trim().is_empty() {
                continue;
            }
            // A byte-order mark at the start of a later line is not stripped: the engine sees
            // it after a line break there, and reports the line as the whole file would.
            let parsed = if line_no > 1 && line.starts_with('\u{feff}') {
                parse_jsonl(&format!("\n{line}"))
            } else {
                parse_jsonl(line)
            };
            out.errors.extend(parsed.errors.into_iter().map(|e| LineError { line: line_no, ..e }));
            for doc in parsed.documents {
                if self.seen.insert(doc.id.clone()) {
                    out.documents.push(doc);
                } else {
                    // The engine's wording, as parse_jsonl reports a repeated id in one file.
                    let message = format!("duplicate id {:?}; the first one is kept", doc.id);
                    out.errors.push(LineError { line: line_no, message });
                }
            }
        }
        self.lines_before += whole.iter().filter(|&&b| b == b'\n').count();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of line the engine's reader tells apart, with CRLF and LF endings, a BOM at
    /// the start and another inside, multi-byte text and invalid UTF-8, and no final newline.
    fn sample() -> Vec<u8> {
        let mut v = Vec::new();
        v.extend_from_slice(
            "\u{feff}{\"id\": \"a\", \"title\": \"Rusia – China\", \"text\": \"Rusia dan 中国\"}\r\n".as_bytes(),
        );
        v.extend_from_slice(b"\n   \n{\"id\": \"b\", \"text\": 5}\n{\"id\": \"c\"\n[1, 2]\n");
        v.extend_from_slice(b"{\"id\": 7, \"source\": \"tempo.co\", \"text\": \"<b>x</b>\"}\r\n");
        v.extend_from_slice(b"{\"id\": \"a\", \"text\": \"again\"}\n{\"id\": \"\", \"text\": \"x\"}\n");
        v.extend_from_slice("\u{feff}{\"id\": \"bom\", \"text\": \"inside\"}\n".as_bytes());
        v.extend_from_slice(b"{\"id\": \"bad-utf8\", \"text\": \"\xff\xfe ok\"}\n");
        v.extend_from_slice(b"{\"id\": \"cr\", \"text\": \"two returns\"}\r\r\n");
        v.extend_from_slice(b"{\"id\": \"last\", \"text\": \"no newline\"}");
        v
    }

    fn read_in_chunks(bytes: &[u8], size: usize) -> Parsed {
        let mut reader = JsonLines::new();
        let mut all = Parsed::default();
        let mut add = |p: Parsed| {
            all.documents.extend(p.documents);
            all.errors.extend(p.errors);
        };
        for chunk in bytes.chunks(size) {
            add(reader.push(chunk));
        }
        assert_eq!(reader.received(), bytes.len());
        add(reader.finish());
        all
    }

    #[test]
    fn any_chunking_reads_as_the_whole_file() {
        let bytes = sample();
        let whole = parse_jsonl(&String::from_utf8_lossy(&bytes));
        assert_eq!(whole.documents.len(), 5, "{:?}", whole.documents);
        assert_eq!(whole.errors.len(), 6, "{:?}", whole.errors);
        for size in [1, 2, 3, 5, 7, 16, 64, bytes.len()] {
            let got = read_in_chunks(&bytes, size);
            assert_eq!(got.documents, whole.documents, "documents, chunks of {size}");
            assert_eq!(got.errors, whole.errors, "errors, chunks of {size}");
        }
    }

    #[test]
    fn a_duplicate_id_in_a_later_chunk_is_reported_on_its_line() {
        let mut reader = JsonLines::new();
        assert_eq!(reader.push(b"{\"id\": \"x\", \"text\": \"1\"}\n").documents.len(), 1);
        let later = reader.push(b"\n{\"id\": \"x\", \"text\": \"2\"}\n");
        assert!(later.documents.is_empty());
        assert_eq!(later.errors, [LineError { line: 3, message: "duplicate id \"x\"; the first one is kept".into() }]);
    }

    #[test]
    fn an_empty_file_has_no_records() {
        let p = JsonLines::new().finish();
        assert!(p.documents.is_empty() && p.errors.is_empty());
    }
}
