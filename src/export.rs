//! Exports of what a view shows, complete: a [`Table`] of the view's numbers, written as CSV
//! (RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read the accents, and a guard
//! against formula injection) or as JSON (an array of objects keyed by the header).
//!
//! ```
//! use sorot_app::export::{Cell, Table};
//! let t = Table { header: vec!["entity".into(), "docs".into()], rows: vec![vec![Cell::text("=HYPERLINK(1)"), Cell::Num(3.0)]] };
//! assert_eq!(t.to_csv(), "\u{feff}entity,docs\r\n'=HYPERLINK(1),3\r\n");
//! assert_eq!(t.to_json(), r#"[{"entity":"=HYPERLINK(1)","docs":3}]"#);
//! ```

use sorot_engine::collection::{Collection, Response};
use sorot_engine::concordance::{sentence, Concordance};
use sorot_engine::cooccurrence::{expected, Cooccurrence};
use sorot_engine::gazetteer::{EntityId, Gazetteer};
use sorot_engine::timeline::Timeline;

/// One value of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A number (written without a trailing `.0` when whole).
    Num(f64),
    /// Text, from the corpus or the gazetteer.
    Text(String),
    /// No value (a share of an empty period, a PMI of a pair never together).
    Empty,
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn num_text(x: f64) -> String {
        if x.fract() == 0.0 && x.abs() < 1e15 {
            format!("{}", x as i64)
        } else {
            format!("{:.6}", x).trim_end_matches('0').trim_end_matches('.').to_string()
        }
    }
}

/// A header and rows of cells: the numbers of one view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Column names.
    pub header: Vec<String>,
    /// Rows, each as long as the header.
    pub rows: Vec<Vec<Cell>>,
}

/// Text a spreadsheet would read as a formula begins with one of these.
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn csv_field(s: &str, guard: bool) -> String {
    let s = if guard && s.starts_with(FORMULA) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

impl Table {
    /// RFC 4180: CRLF line ends, fields with commas, quotes or line breaks quoted, quotes
    /// doubled; a UTF-8 byte-order mark first; text that begins like a formula (`=`, `+`, `-`,
    /// `@`, tab, CR) behind a `'`. Numbers are written as numbers.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        let line = |cells: Vec<String>| cells.join(",") + "\r\n";
        out.push_str(&line(self.header.iter().map(|h| csv_field(h, true)).collect()));
        for row in &self.rows {
            out.push_str(&line(
                row.iter()
                    .map(|c| match c {
                        Cell::Num(x) => Cell::num_text(*x),
                        Cell::Text(s) => csv_field(s, true),
                        Cell::Empty => String::new(),
                    })
                    .collect(),
            ));
        }
        out
    }

    /// An array with an object per row, keyed by the header in its order; no value is `null`.
    pub fn to_json(&self) -> String {
        let value = |c: &Cell| match c {
            Cell::Num(x) if x.fract() == 0.0 && x.abs() < 1e15 => serde_json::Value::from(*x as i64),
            Cell::Num(x) => serde_json::Value::from(*x),
            Cell::Text(s) => serde_json::Value::from(s.as_str()),
            Cell::Empty => serde_json::Value::Null,
        };
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|row| {
                let fields: Vec<String> = self
                    .header
                    .iter()
                    .zip(row)
                    .map(|(h, c)| format!("{}:{}", serde_json::Value::from(h.as_str()), value(c)))
                    .collect();
                format!("{{{}}}", fields.join(","))
            })
            .collect();
        format!("[{}]", rows.join(","))
    }
}

fn code(g: &Gazetteer, e: Option<EntityId>) -> String {
    e.map_or_else(|| "matches".to_string(), |e| g.entity(e).code.clone())
}

/// The timeline as a table: a row per period and series (the matches, then each entity),
/// then the undated of each series.
pub fn timeline_table(t: &Timeline, g: &Gazetteer) -> Table {
    let header = ["period", "granularity", "series", "articles", "mentions", "period_articles", "share"];
    let mut rows = Vec::new();
    for s in &t.series {
        for (i, b) in t.bins.iter().enumerate() {
            rows.push(vec![
                Cell::text(b.period.to_string()),
                Cell::text(t.granularity.name()),
                Cell::text(code(g, s.entity)),
                Cell::Num(f64::from(s.docs[i])),
                Cell::Num(f64::from(s.mentions[i])),
                Cell::Num(f64::from(b.total)),
                crate::charts::share(s.docs[i], b.total).map_or(Cell::Empty, Cell::Num),
            ]);
        }
        rows.push(vec![
            Cell::text("undated"),
            Cell::text(t.granularity.name()),
            Cell::text(code(g, s.entity)),
            Cell::Num(f64::from(s.unplaced_docs)),
            Cell::Num(f64::from(s.unplaced_mentions)),
            Cell::Num(f64::from(t.unplaced)),
            crate::charts::share(s.unplaced_docs, t.unplaced).map_or(Cell::Empty, Cell::Num),
        ]);
    }
    Table { header: header.map(String::from).to_vec(), rows }
}

/// The co-occurrence matrix as a table: a row per pair.
pub fn cooccurrence_table(m: &Cooccurrence, g: &Gazetteer) -> Table {
    let header = ["unit", "a", "b", "units_a", "units_b", "units_both", "units", "expected", "llr", "pmi"];
    let unit = match m.unit {
        sorot_engine::cooccurrence::Unit::Article => "article",
        sorot_engine::cooccurrence::Unit::Sentence => "sentence",
    };
    let rows = m
        .pairs
        .iter()
        .map(|p| {
            let (a, b) = (m.docs[p.a], m.docs[p.b]);
            vec![
                Cell::text(unit),
                Cell::text(code(g, Some(m.entities[p.a]))),
                Cell::text(code(g, Some(m.entities[p.b]))),
                Cell::Num(f64::from(a)),
                Cell::Num(f64::from(b)),
                Cell::Num(f64::from(p.docs)),
                Cell::Num(f64::from(m.articles)),
                Cell::Num(expected(a, b, m.articles)),
                Cell::Num(p.llr),
                p.pmi.map_or(Cell::Empty, Cell::Num),
            ]
        })
        .collect();
    Table { header: header.map(String::from).to_vec(), rows }
}

/// The concordance as a table: a row per line, in its order, the keyword's copies named.
pub fn concordance_table(c: &Collection, k: &Concordance) -> Table {
    let header = ["doc", "outlet", "date", "start", "end", "left", "keyword", "right", "occurrences", "copies"];
    let rows = k
        .lines
        .iter()
        .map(|l| {
            let doc = l.doc as usize;
            let text = c.document(doc).map_or("", |d| d.text.as_str());
            let copies: Vec<String> = l.copies.iter().map(|&(d, s)| format!("{}@{s}", c.id(d as usize))).collect();
            vec![
                Cell::text(c.id(doc)),
                c.outlet(doc).map_or(Cell::Empty, Cell::text),
                c.date(doc).map_or(Cell::Empty, Cell::text),
                Cell::Num(f64::from(l.keyword.start)),
                Cell::Num(f64::from(l.keyword.end)),
                Cell::text(l.left.slice(text)),
                Cell::text(l.keyword.slice(text)),
                Cell::text(l.right.slice(text)),
                Cell::Num(l.copies.len() as f64),
                Cell::text(copies.join(" ")),
            ]
        })
        .collect();
    Table { header: header.map(String::from).to_vec(), rows }
}

/// The result list as a table, in its order: `None` while a text it needs (for a title) is
/// not loaded.
pub fn results_table(c: &Collection, r: &Response) -> Option<Table> {
    let header = ["rank", "doc", "title", "outlet", "date", "url", "score", "entities"];
    let g = c.gazetteer();
    let mut rows = Vec::with_capacity(r.hits.len());
    for (i, h) in r.hits.iter().enumerate() {
        let doc = h.doc as usize;
        let d = c.document(doc)?;
        let entities: Vec<String> =
            c.doc_entities(doc).iter().map(|&(e, n)| format!("{}:{n}", g.entity(e).code)).collect();
        rows.push(vec![
            Cell::Num((i + 1) as f64),
            Cell::text(&d.id),
            Cell::text(d.display_title()),
            d.outlet.as_deref().map_or(Cell::Empty, Cell::text),
            d.date.as_deref().map_or(Cell::Empty, Cell::text),
            d.url.as_deref().map_or(Cell::Empty, Cell::text),
            Cell::Num(f64::from(h.score)),
            Cell::text(entities.join(" ")),
        ]);
    }
    Some(Table { header: header.map(String::from).to_vec(), rows })
}

/// Every mention in the results, as `sorot annotate` reports them, with the sentence around
/// each: `None` while a text it needs is not loaded.
pub fn mentions_table(c: &Collection, r: &Response) -> Option<Table> {
    let header = ["doc", "entity", "kind", "text", "alias", "corrected", "start", "end", "sentence"];
    let g = c.gazetteer();
    let mut rows = Vec::new();
    for h in &r.hits {
        let doc = h.doc as usize;
        let (d, mentions) = (c.document(doc)?, c.mentions(doc)?);
        for m in mentions.iter() {
            let e = g.entity(m.entity);
            rows.push(vec![
                Cell::text(&d.id),
                Cell::text(&e.code),
                Cell::text(e.kind.as_str()),
                Cell::text(m.span.slice(&d.text)),
                Cell::text(m.explanation(g)),
                Cell::text(if m.corrected { "true" } else { "false" }),
                Cell::Num(f64::from(m.span.start)),
                Cell::Num(f64::from(m.span.end)),
                Cell::text(sentence(&d.text, m.span).slice(&d.text)),
            ]);
        }
    }
    Some(Table { header: header.map(String::from).to_vec(), rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mentions_export_is_what_annotate_reports_with_its_sentence() {
        use sorot_engine::collection::Request;
        use sorot_engine::matcher::Matcher;
        let docs = crate::bundled::documents();
        let c = Collection::new(docs.clone(), Matcher::bundled());
        let r = c.search(&Request::default());
        let t = mentions_table(&c, &r).unwrap();
        let want: Vec<(String, String, String, u32)> = r
            .hits
            .iter()
            .flat_map(|h| sorot_engine::annotate(&docs[h.doc as usize]))
            .map(|a| (a.doc.to_string(), a.code.to_string(), a.text.to_string(), a.start))
            .collect();
        let text = |c: &Cell| if let Cell::Text(s) = c { s.clone() } else { panic!("{c:?}") };
        let got: Vec<(String, String, String, u32)> = t
            .rows
            .iter()
            .map(|row| {
                (text(&row[0]), text(&row[1]), text(&row[3]), if let Cell::Num(n) = row[6] { n as u32 } else { 0 })
            })
            .collect();
        assert_eq!(got, want);
        for row in &t.rows {
            let (surface, sentence) = (text(&row[3]), text(&row[8]));
            assert!(sentence.contains(&surface) && !sentence.contains('\n'), "{surface:?} in {sentence:?}");
        }
        let results = results_table(&c, &r).unwrap();
        assert_eq!(results.rows.len(), docs.len());
        assert_eq!(results.header[..3], ["rank", "doc", "title"]);
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_guards_formulas_but_not_numbers() {
        let t = Table {
            header: vec!["a".into(), "b".into()],
            rows: vec![
                vec![Cell::text("Kompas, \"Jakarta\""), Cell::Num(-3.25)],
                vec![Cell::text("baris\npanjang"), Cell::Empty],
                vec![Cell::text("-1+1"), Cell::Num(0.1)],
                vec![Cell::text("@SUM(A1)"), Cell::text("\tx")],
            ],
        };
        assert_eq!(
            t.to_csv(),
            "\u{feff}a,b\r\n\"Kompas, \"\"Jakarta\"\"\",-3.25\r\n\"baris\npanjang\",\r\n'-1+1,0.1\r\n'@SUM(A1),'\tx\r\n"
        );
        let json: serde_json::Value = serde_json::from_str(&t.to_json()).unwrap();
        assert_eq!(json[0]["a"], "Kompas, \"Jakarta\"");
        assert_eq!(json[0]["b"], -3.25);
        assert_eq!(json[1]["b"], serde_json::Value::Null);
        assert_eq!(json[2]["a"], "-1+1", "JSON keeps text as it is");
    }
}
