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

use std::collections::HashSet;
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

/// Reads a JSON Lines corpus. Blank lines are ignored; a line that is not a JSON object with a
/// string or number `id` and a string `text`, or whose `id` was already seen, is reported and
/// skipped. A leading byte-order mark is ignored.
pub fn parse_jsonl(input: &str) -> Parsed {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut parsed = Parsed::default();
    let mut seen = HashSet::new();
    for (n, line) in input.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        match parse_record(line) {
            Ok(doc) if !seen.insert(doc.id.clone()) => parsed.errors.push(LineError {
                line: line_no,
                message: format!("duplicate id {:?}; the first one is kept", doc.id),
            }),
            Ok(doc) => parsed.documents.push(doc),
            Err(message) => parsed.errors.push(LineError { line: line_no, message }),
        }
    }
    parsed
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
