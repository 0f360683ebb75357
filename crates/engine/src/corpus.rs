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

/// A line of a JSON Lines corpus that was skipped or altered, and why.
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

/// The documents of a JSON Lines corpus, the lines that were skipped and those read with a
/// change.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// Documents, in file order.
    pub documents: Vec<Document>,
    /// Lines skipped, in file order: no document came from them.
    pub errors: Vec<LineError>,
    /// Lines whose document was kept with a change, in file order: what was changed.
    pub altered: Vec<LineError>,
}

impl Parsed {
    fn extend(&mut self, other: Parsed) {
        self.documents.extend(other.documents);
        self.errors.extend(other.errors);
        self.altered.extend(other.altered);
    }
}

/// A document read from a line, and what had to be changed to read it (empty for most).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The document.
    pub doc: Document,
    /// Each change, for a report: invalid UTF-8 replaced, a number read as text, …
    pub altered: Vec<String>,
}

/// The JSON shape of a record: any JSON value in each field, checked by [`parse_record`].
#[derive(Deserialize)]
struct Fields {
    #[serde(default)]
    id: serde_json::Value,
    #[serde(default)]
    title: serde_json::Value,
    #[serde(default)]
    source: serde_json::Value,
    #[serde(default)]
    outlet: serde_json::Value,
    #[serde(default)]
    date: serde_json::Value,
    #[serde(default)]
    url: serde_json::Value,
    #[serde(default)]
    text: serde_json::Value,
}

/// Reads a JSON Lines corpus held in memory; see [`JsonLines`] for the rules.
pub fn parse_jsonl(input: &str) -> Parsed {
    parse_jsonl_bytes(input.as_bytes())
}

/// [`parse_jsonl`] over raw bytes, which need not be UTF-8 as a whole.
pub fn parse_jsonl_bytes(input: &[u8]) -> Parsed {
    let mut reader = JsonLines::new();
    let mut parsed = reader.push(input);
    parsed.extend(reader.finish());
    parsed
}

/// The lines of `bytes`, each without its ending: a line ends at `\n`, `\r\n` or a lone `\r`
/// (old Mac files). No JSON record holds a raw line break, so this never cuts one.
pub fn split_lines(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match rest.iter().position(|&b| b == b'\n' || b == b'\r') {
            None => Some(std::mem::take(&mut rest)),
            Some(at) => {
                let line = &rest[..at];
                let skip = if rest[at] == b'\r' && rest.get(at + 1) == Some(&b'\n') { 2 } else { 1 };
                rest = &rest[at + skip..];
                Some(line)
            }
        }
    })
}

/// The one policy for reading JSON Lines, applied by the command line and the explorer alike:
///
/// - a line ends at `\n`, `\r\n` or a lone `\r`; blank lines are ignored; a byte-order mark at
///   the start of the first line is ignored;
/// - a record is a JSON object with a non-empty string or numeric `id` and a `text`; a line
///   that is not one (an array is not) is reported and skipped;
/// - nothing else loses a document's text; each of these is done and reported as an
///   alteration of its line: invalid UTF-8 and escaped lone surrogates (`"\ud800"`) become
///   U+FFFD; a number or boolean `text`, `title`, `source`/`outlet`, `date` or `url` is read
///   as its JSON text; an array or object in an optional field is dropped;
/// - a document whose `id` was already read is reported and skipped: the first one is kept.
///
/// Bytes may be fed in chunks cut anywhere ([`JsonLines::push`], then [`JsonLines::finish`]),
/// so a download is read as it arrives. For readers that parse lines in parallel,
/// [`parse_line`] is the stateless part and [`JsonLines::accept_id`] the rest.
#[derive(Debug, Default)]
pub struct JsonLines {
    /// Line of each id seen so far.
    seen: HashMap<String, usize>,
    /// Lines read so far.
    lines: usize,
    /// Bytes of a line not yet ended.
    pending: Vec<u8>,
    /// The last chunk ended with `\r`: a `\n` starting the next one ends no new line.
    after_cr: bool,
}

impl JsonLines {
    /// A reader at line 1.
    pub fn new() -> JsonLines {
        JsonLines::default()
    }

    /// Lines read so far.
    pub fn lines(&self) -> usize {
        self.lines
    }

    /// Reads the next `chunk` of the file: the documents of the lines it completes, and the
    /// lines skipped or altered among them.
    pub fn push(&mut self, mut chunk: &[u8]) -> Parsed {
        let mut out = Parsed::default();
        if chunk.is_empty() {
            return out;
        }
        if self.after_cr && chunk[0] == b'\n' {
            chunk = &chunk[1..];
        }
        // A `\r` ending the chunk may be the first half of a `\r\n` cut in two.
        self.after_cr = chunk.last() == Some(&b'\r');
        let Some(last) = chunk.iter().rposition(|&b| b == b'\n' || b == b'\r') else {
            self.pending.extend_from_slice(chunk);
            return out;
        };
        let (complete, rest) = chunk.split_at(last + 1);
        let mut lines = split_lines(complete);
        if !self.pending.is_empty() {
            let mut first = std::mem::take(&mut self.pending);
            first.extend_from_slice(lines.next().unwrap_or_default());
            self.read_into(&first, &mut out);
        }
        for line in lines {
            self.read_into(line, &mut out);
        }
        self.pending.extend_from_slice(rest);
        out
    }

    /// Reads the last line, if the file did not end with a line break.
    pub fn finish(&mut self) -> Parsed {
        let mut out = Parsed::default();
        if !self.pending.is_empty() {
            let last = std::mem::take(&mut self.pending);
            self.read_into(&last, &mut out);
        }
        out
    }

    fn read_into(&mut self, line: &[u8], out: &mut Parsed) {
        match self.read(line) {
            Ok(None) => {}
            Ok(Some(r)) => {
                let line = self.lines;
                out.altered.extend(r.altered.into_iter().map(|message| LineError { line, message }));
                out.documents.push(r.doc);
            }
            Err(e) => out.errors.push(e),
        }
    }

    /// Reads the next line (without its line ending): its record, `None` for a blank line, or
    /// why it is skipped.
    pub fn read(&mut self, line: &[u8]) -> Result<Option<Record>, LineError> {
        self.lines += 1;
        match parse_line(line, self.lines)? {
            Some(r) => self.accept_id(&r.doc.id, self.lines).map(|()| Some(r)),
            None => Ok(None),
        }
    }

    /// Takes the id of a document that [`parse_line`] read from line `line`: `Ok` when it is
    /// new, else the error that skips the line. Lines must be accepted in file order.
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

/// Reads one line of a JSON Lines corpus, the `line`-th (from 1; a trailing `\r` or `\n` is
/// ignored), without the duplicate check of [`JsonLines`]: its record, `None` for a blank
/// line, or why it is skipped.
pub fn parse_line(raw: &[u8], line: usize) -> Result<Option<Record>, LineError> {
    let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    let raw = if line == 1 { raw.strip_prefix("\u{feff}".as_bytes()).unwrap_or(raw) } else { raw };
    let mut altered = Vec::new();
    let text = match std::str::from_utf8(raw) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(e) => {
            altered.push(format!("invalid UTF-8 from column {} replaced with U+FFFD", e.valid_up_to() + 1));
            String::from_utf8_lossy(raw)
        }
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_record(&text, &mut altered)
        .map(|doc| Some(Record { doc, altered }))
        .map_err(|message| LineError { line, message })
}

/// Reads one record; `altered` collects what had to be changed.
fn parse_record(line: &str, altered: &mut Vec<String>) -> Result<Document, String> {
    if !line.trim_start().starts_with('{') {
        return Err("a record is a JSON object ({\"id\": …, \"text\": …})".into());
    }
    let sanitized;
    let line = if has_surrogate_escape(line) {
        sanitized = replace_lone_surrogates(line);
        if sanitized != line {
            altered.push("an escaped lone surrogate replaced with U+FFFD".into());
        }
        &sanitized
    } else {
        line
    };
    let r: Fields = serde_json::from_str(line).map_err(|e| {
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
    let text = match r.text {
        serde_json::Value::Null => return Err("`text` is missing or null".into()),
        v => as_text("text", v, altered).ok_or("`text` must be a string")?,
    };
    let mut field = |name: &str, v: serde_json::Value| as_text(name, v, altered).filter(|s| !s.trim().is_empty());
    let title = field("title", r.title);
    let outlet = field("outlet", r.outlet).or_else(|| field("source", r.source));
    let date = field("date", r.date);
    let url = field("url", r.url);
    Ok(Document { id, title, outlet, date, url, text })
}

/// A field's value as text: a string as it is; a number or boolean as its JSON text (noted in
/// `altered`); nothing for null, and nothing for an array or object (noted).
fn as_text(name: &str, v: serde_json::Value, altered: &mut Vec<String>) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Null => None,
        v @ (serde_json::Value::Number(_) | serde_json::Value::Bool(_)) => {
            altered.push(format!("`{name}` is {v}, not a string: read as text"));
            Some(v.to_string())
        }
        _ => {
            altered.push(format!("`{name}` is not a string: dropped"));
            None
        }
    }
}

/// True when `line` may hold an escaped surrogate (`\uD800`–`\uDFFF`), which only a pair may
/// be.
fn has_surrogate_escape(line: &str) -> bool {
    line.as_bytes().windows(4).any(|w| {
        w[0] == b'\\'
            && w[1] == b'u'
            && matches!(w[2], b'd' | b'D')
            && matches!(w[3], b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F')
    })
}

/// `line` with every escaped surrogate that is not half of a pair replaced by `\ufffd`; escaped
/// backslashes are skipped over, so `\\ud800` (a backslash, then text) is left alone.
fn replace_lone_surrogates(line: &str) -> String {
    let b = line.as_bytes();
    let hex = |at: usize| -> Option<u16> {
        let s = line.get(at..at + 4)?;
        u16::from_str_radix(s, 16).ok()
    };
    let escape_at =
        |at: usize| (b.get(at) == Some(&b'\\') && b.get(at + 1) == Some(&b'u')).then(|| hex(at + 2)).flatten();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match escape_at(i) {
            Some(0xD800..=0xDBFF) if matches!(escape_at(i + 6), Some(0xDC00..=0xDFFF)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                out.push_str(&line[copied..i]);
                out.push_str("\\ufffd");
                i += 6;
                copied = i;
            }
            Some(_) => i += 6,
            None => i += 2,
        }
    }
    out.push_str(&line[copied..]);
    out
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
        assert_eq!(ids, ["clickid-1", "clickid-2", "7"]);
        assert_eq!(p.documents[0].outlet.as_deref(), Some("tempo.co"));
        assert_eq!(p.documents[0].title, None);
        assert_eq!(p.documents[1].text, "5", "a number is read as text, not a reason to lose the document");
        assert_eq!(p.altered.iter().map(|e| e.line).collect::<Vec<_>>(), [3]);
        assert_eq!(p.documents[2].text, "<script>alert(1)</script>");
        let lines: Vec<usize> = p.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [4, 5, 7, 8]);
        assert!(p.errors[1].message.contains("JSON object"), "an array is no record: {}", p.errors[1]);
        assert!(p.errors[2].message.contains("duplicate id"), "{}", p.errors[2]);
        assert!(!p.errors[0].message.contains("at line"), "{}", p.errors[0]);
    }

    #[test]
    fn every_line_ending_ends_a_line() {
        let lines: Vec<&[u8]> = split_lines(b"a\nb\r\nc\rd\r\n\ne").collect();
        assert_eq!(lines, [&b"a"[..], b"b", b"c", b"d", b"", b"e"]);
        let old_mac =
            "{\"id\":\"a\",\"text\":\"Rusia\"}\r{\"id\":\"b\",\"text\":\"x\"}\r{\"id\":\"c\",\"text\":\"y\"}\r";
        assert_eq!(parse_jsonl(old_mac).documents.len(), 3);
    }

    #[test]
    fn lone_surrogates_and_invalid_utf8_become_replacement_characters_and_are_reported() {
        let p = parse_jsonl_bytes(
            b"{\"id\":\"a\",\"text\":\"x\\ud800y \\\\ud800 \\ud83d\\ude00\"}\n{\"id\":\"b\",\"text\":\"R\xffsia\"}\n",
        );
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.documents[0].text, "x\u{fffd}y \\ud800 \u{1f600}", "a pair and an escaped backslash are kept");
        assert_eq!(p.documents[1].text, "R\u{fffd}sia");
        assert_eq!(p.altered.iter().map(|e| e.line).collect::<Vec<_>>(), [1, 2]);
    }

    #[test]
    fn optional_fields_of_the_wrong_type_are_converted_or_dropped_but_the_text_is_kept() {
        let p = parse_jsonl(
            "{\"id\": 3, \"title\": 2019, \"date\": true, \"source\": [\"x\"], \"url\": {}, \"text\": \"Rusia\"}",
        );
        let d = &p.documents[0];
        assert_eq!(
            (d.id.as_str(), d.title.as_deref(), d.date.as_deref(), d.outlet.as_deref(), d.url.as_deref()),
            ("3", Some("2019"), Some("true"), None, None)
        );
        assert_eq!(p.altered.len(), 4, "{:?}", p.altered);
        assert_eq!(parse_jsonl("{\"id\": \"a\", \"text\": null}").errors.len(), 1, "no text, no document");
    }

    proptest::proptest! {
        /// Feeding a file in chunks cut anywhere reads exactly what reading it whole does.
        #[test]
        fn chunks_cut_anywhere_read_as_the_whole(
            lines in proptest::collection::vec("(\\{\"id\":\"[a-c]\",\"text\":\"[a-z ]{0,6}\"\\}|x|)", 0..8),
            ends in proptest::collection::vec(0usize..3, 8),
            cuts in proptest::collection::vec(0usize..200, 0..6),
        ) {
            let mut file = Vec::new();
            for (k, l) in lines.iter().enumerate() {
                file.extend_from_slice(l.as_bytes());
                file.extend_from_slice([&b"\n"[..], b"\r\n", b"\r"][ends[k]]);
            }
            let whole = parse_jsonl_bytes(&file);
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(file.len())).collect();
            cuts.sort_unstable();
            let mut reader = JsonLines::new();
            let mut parts = Parsed::default();
            let mut from = 0;
            for c in cuts.into_iter().chain([file.len()]) {
                parts.extend(reader.push(&file[from..c]));
                from = c;
            }
            parts.extend(reader.finish());
            proptest::prop_assert_eq!(&parts.documents, &whole.documents);
            proptest::prop_assert_eq!(&parts.errors, &whole.errors);
        }
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
