//! Documents and the corpus formats Sorot reads.
//!
//! A corpus is a list of [`Document`]s. It comes from plain-text files (the document id is the
//! file name) or from JSON Lines, one object per line with at least `id` and `text`:
//!
//! ```
//! use sorot_engine::corpus::parse_jsonl;
//!
//! let input = "{\"id\": \"a\", \"text\": \"Rusia dan China\"}\nnot json\n{\"id\": \"b\"}\n";
//! let parsed = parse_jsonl(input);
//! assert_eq!(parsed.documents.len(), 1);
//! assert_eq!(parsed.errors.len(), 2);
//! assert_eq!(parsed.errors[0].line, 2);
//! ```
//!
//! A bad line never stops the rest: it becomes a [`LineError`] naming the line, and the
//! documents around it are kept.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// One article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Unique within the corpus: the file name, or the `id` field of a JSON Lines record.
    pub id: String,
    /// Headline, when known.
    #[serde(default)]
    pub title: Option<String>,
    /// Outlet that published it (`source` in JSON Lines), when known.
    #[serde(default, alias = "source")]
    pub outlet: Option<String>,
    /// Publication date, ISO 8601 (`2022-12-27`), when known.
    #[serde(default)]
    pub date: Option<String>,
    /// Where it was published, when known.
    #[serde(default)]
    pub url: Option<String>,
    /// The full text, as UTF-8.
    pub text: String,
}

impl Document {
    /// A document with only an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), title: None, outlet: None, date: None, url: None, text: text.into() }
    }

    /// The title, or failing that the first line of the text, shortened to about 90 chars.
    pub fn display_title(&self) -> String {
        if let Some(t) = self.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            return t.to_string();
        }
        let first = self.text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or(&self.id);
        shorten(first, 90)
    }
}

/// Cuts `s` at a word boundary near `max` chars, adding an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(p) if p > max / 2 => &cut[..p],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// A line of a JSON Lines corpus that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The documents of a JSON Lines corpus and the lines that were skipped.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// Documents, in file order.
    pub documents: Vec<Document>,
    /// Lines skipped, in file order.
    pub errors: Vec<LineError>,
}

/// The JSON shape of a record; `id` may be a string or a number.
#[derive(Deserialize)]
struct Record {
    id: serde_json::Value,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
    text: String,
}

/// Reads a JSON Lines corpus held in memory; see [`JsonLines`] for the rules.
pub fn parse_jsonl(input: &str) -> Parsed {
    parse_jsonl_bytes(input.as_bytes())
}

/// [`parse_jsonl`] over raw bytes, which need not be UTF-8 as a whole: a line that is not is
/// reported and skipped, like any other bad line.
pub fn parse_jsonl_bytes(input: &[u8]) -> Parsed {
    let mut reader = JsonLines::new();
    let mut parsed = Parsed::default();
    for raw in input.split_inclusive(|&b| b == b'\n') {
        match reader.read(raw) {
            Ok(Some(doc)) => parsed.documents.push(doc),
            Ok(None) => {}
            Err(e) => parsed.errors.push(e),
        }
    }
    parsed
}

/// The one policy for reading JSON Lines, applied line by line by the command line and the
/// explorer alike:
///
/// - a line ends at `\n` (a `\r` before it is dropped); blank lines are ignored;
/// - a byte-order mark at the start of the first line is ignored;
/// - a line that is not UTF-8, not a JSON object with a non-empty string or numeric `id` and a
///   string `text`, or whose optional `title`, `source`/`outlet`, `date` or `url` is not a
///   string or null, is reported and skipped;
/// - a document whose `id` was already read is reported and skipped: the first one is kept.
///
/// Lines are numbered from 1 in the order they are given. For readers that parse lines in
/// parallel, [`parse_line`] is the stateless part and [`JsonLines::accept`] the rest.
#[derive(Debug, Default)]
pub struct JsonLines {
    /// Line of each id seen so far.
    seen: HashMap<String, usize>,
    /// Lines read so far.
    lines: usize,
}

impl JsonLines {
    /// A reader at line 1.
    pub fn new() -> JsonLines {
        JsonLines::default()
    }

    /// Reads the next line (with or without its line ending): the document it holds, `None`
    /// for a blank line, or why it is skipped.
    pub fn read(&mut self, raw: &[u8]) -> Result<Option<Document>, LineError> {
        self.lines += 1;
        match parse_line(raw, self.lines)? {
            Some(doc) => self.accept(doc, self.lines).map(Some),
            None => Ok(None),
        }
    }

    /// Lines read so far.
    pub fn lines(&self) -> usize {
        self.lines
    }

    /// Takes a document that [`parse_line`] read from line `line`, unless its id was taken
    /// before. Lines must be accepted in file order.
    pub fn accept(&mut self, doc: Document, line: usize) -> Result<Document, LineError> {
        self.accept_id(&doc.id, line).map(|()| doc)
    }

    /// [`JsonLines::accept`] for a reader that keeps the document elsewhere: `Ok` when `id` is
    /// new, else the error that skips line `line`.
    pub fn accept_id(&mut self, id: &str, line: usize) -> Result<(), LineError> {
        match self.seen.get(id) {
            Some(&first) => Err(LineError {
                line,
                message: format!("duplicate id {id:?} (first on line {first}); the first one is kept"),
            }),
            None => {
                self.seen.insert(id.to_string(), line);
                Ok(())
            }
        }
    }
}

/// Reads one line of a JSON Lines corpus, the `line`-th (from 1), without the duplicate check
/// of [`JsonLines`]: the document, `None` for a blank line, or why the line is skipped.
pub fn parse_line(raw: &[u8], line: usize) -> Result<Option<Document>, LineError> {
    let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    let raw = if line == 1 { raw.strip_prefix("\u{feff}".as_bytes()).unwrap_or(raw) } else { raw };
    let text = std::str::from_utf8(raw).map_err(|e| LineError {
        line,
        message: format!("not UTF-8 (invalid byte at column {})", e.valid_up_to() + 1),
    })?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_record(text).map(Some).map_err(|message| LineError { line, message })
}

fn parse_record(line: &str) -> Result<Document, String> {
    let r: Record = serde_json::from_str(line).map_err(|e| {
        let msg = e.to_string();
        // serde_json appends " at line 1 column N"; the line is ours to name.
        match msg.rfind(" at line ") {
            Some(p) => msg[..p].to_string(),
            None => msg,
        }
    })?;
    let id = match r.id {
        serde_json::Value::String(s) if !s.trim().is_empty() => s,
        serde_json::Value::Number(n) => n.to_string(),
        _ => return Err("`id` must be a non-empty string or a number".into()),
    };
    let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    Ok(Document {
        id,
        title: nonempty(r.title),
        outlet: nonempty(r.outlet.or(r.source)),
        date: nonempty(r.date),
        url: nonempty(r.url),
        text: r.text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_keeps_good_lines_and_reports_bad_ones() {
        let input = concat!(
            "{\"id\": \"clickid-1\", \"title\": null, \"source\": \"tempo.co\", \"date\": \"2019-10-09\", \"text\": \"Rusia\"}\n",
            "\n",
            "{\"id\": \"clickid-2\", \"text\": 5}\n",
            "{\"id\": \"clickid-3\"\n",
            "[1, 2]\n",
            "{\"id\": 7, \"text\": \"<script>alert(1)</script>\"}\n",
            "{\"id\": \"clickid-1\", \"text\": \"again\"}\n",
            "{\"id\": \"\", \"text\": \"x\"}\n",
        );
        let p = parse_jsonl(input);
        let ids: Vec<&str> = p.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["clickid-1", "7"]);
        assert_eq!(p.documents[0].outlet.as_deref(), Some("tempo.co"));
        assert_eq!(p.documents[0].title, None);
        assert_eq!(p.documents[1].text, "<script>alert(1)</script>");
        let lines: Vec<usize> = p.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 4, 5, 7, 8]);
        assert!(p.errors[3].message.contains("duplicate id"), "{}", p.errors[3]);
        assert!(!p.errors[0].message.contains("at line"), "{}", p.errors[0]);
    }

    #[test]
    fn display_title_falls_back_to_the_first_line() {
        let mut d = Document::new("a.txt", "\n  Istanbul (ANTARA) - Para pemimpin Eurasia, Jumat, menandatangani dokumen tentang pembentukan format yang diperluas\nx");
        assert_eq!(
            d.display_title(),
            "Istanbul (ANTARA) - Para pemimpin Eurasia, Jumat, menandatangani dokumen tentang…"
        );
        d.title = Some("Judul".into());
        assert_eq!(d.display_title(), "Judul");
        assert_eq!(Document::new("empty.txt", "").display_title(), "empty.txt");
    }
}
