//! The shareable state of the explorer and its form in the URL query string.
//!
//! `?q=kerja+sama&e=RU,sco&doc=003_267ace863f6cbc36.txt` means: documents containing the
//! words "kerja sama" that mention both Russia and the SCO, with that article open. Unknown
//! parameters are ignored, so links stay valid as the explorer grows.
//!
//! | parameter | meaning |
//! |---|---|
//! | `q` | the query |
//! | `e` | selected entity codes, comma-separated |
//! | `any` | `1`: documents mentioning any of the entities rather than all |
//! | `x` | `code:form`, repeated: a surface form of an entity (folded, e.g. `JO:jordan`) left out of every count and view |
//! | `o` | only this outlet |
//! | `t` | only this period: `2019`, `2019-09`, an ISO week `2019-W37` or a day `2019-09-14` |
//! | `scale` | `share`: the timeline shows each period's share of all articles, not counts |
//! | `u` | `1`: one article per story — near-duplicate copies (wire copy republished) count once everywhere |
//! | `co` | `sentence`: the co-occurrence matrix counts sentences mentioning both, not articles |
//! | `sort` | `newest` or `oldest` (relevance when absent) |
//! | `doc` | the open document's id |
//! | `at` | the byte offset, in the open document, of the occurrence to show (a concordance line's) |
//! | `kwic` | the concordance shown: an entity code, or `~` for the words of the query |
//! | `ks` | the concordance's order: `1L`, `2L`, `1R`, `2R`, `surface`, `stem`, `outlet` or `date` (as found when absent) |
//! | `kg` | the concordance grouped by a neighbouring word: `1L`, `2L`, `1R` or `2R` |
//! | `corpus` | URL of a bundle's folder (ending in `/`) or of a JSON Lines file, to explore instead of the site's bundle |
//! | `embed` | `1`: the compact layout for an `<iframe>`: results and reader, no page chrome |
//! | `theme` | `light` or `dark` (the reader's preference when absent) |

pub use sorot_engine::collection::Sort;
use sorot_engine::exclusion::form_of;

/// What the URL carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Search words (`q`).
    pub q: String,
    /// Selected entity codes (`e`, comma-separated), in selection order, without repeats.
    pub entities: Vec<String>,
    /// Any of the selected entities rather than all (`any=1`).
    pub any: bool,
    /// Surface forms left out of every count (`x=code:form`, one each), as (entity code, form):
    /// sorted, without repeats.
    pub excluded: Vec<(String, String)>,
    /// Outlet filter (`o`).
    pub outlet: Option<String>,
    /// Period filter (`t`): a year, a month, an ISO week or a day.
    pub period: Option<String>,
    /// The timeline shows shares of each period's articles rather than counts (`scale=share`).
    pub share: bool,
    /// One article per story (`u=1`).
    pub unique: bool,
    /// The co-occurrence matrix counts sentences rather than articles (`co=sentence`).
    pub by_sentence: bool,
    /// Result order (`sort`).
    pub sort: Sort,
    /// The open document's id (`doc`).
    pub doc: Option<String>,
    /// Where in the open document to go (`at`): a byte offset.
    pub at: Option<u32>,
    /// The concordance shown (`kwic`): an entity code, or `~` for the query's words.
    pub kwic: Option<String>,
    /// The concordance's order (`ks`), by name.
    pub kwic_sort: Option<String>,
    /// The neighbouring word the concordance is grouped by (`kg`): `1L`, `2L`, `1R`, `2R`.
    pub kwic_group: Option<String>,
    /// A corpus to load instead of the site's bundle (`corpus`).
    pub corpus: Option<String>,
    /// The compact layout for frames (`embed=1`).
    pub embed: bool,
    /// A colour theme other than the reader's preference (`theme`).
    pub theme: Option<Theme>,
}

/// A colour theme asked for in the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on light.
    Light,
    /// Light text on dark.
    Dark,
}

impl Theme {
    /// The theme's name in URLs and in `data-theme`.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn from_name(name: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark].into_iter().find(|t| t.name() == name)
    }
}

impl ViewState {
    /// Reads a query string, with or without its leading `?`.
    pub fn from_query(query: &str) -> ViewState {
        let mut s = ViewState::default();
        for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = decode(v);
            match decode(k).as_str() {
                "q" => s.q = v,
                "e" => {
                    for code in v.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                        if !s.entities.iter().any(|e| e == code) {
                            s.entities.push(code.to_string());
                        }
                    }
                }
                "x" => {
                    if let Some((code, form)) = v.split_once(':') {
                        let (code, form) = (code.trim(), form_of(form));
                        if !code.is_empty() && !form.is_empty() {
                            s.excluded.push((code.to_string(), form));
                        }
                    }
                }
                "doc" if !v.is_empty() => s.doc = Some(v),
                "at" => s.at = v.parse().ok(),
                "kwic" if !v.is_empty() => s.kwic = Some(v),
                "ks" if !v.is_empty() => s.kwic_sort = Some(v),
                "kg" if !v.is_empty() => s.kwic_group = Some(v),
                "any" => s.any = v == "1",
                "o" if !v.is_empty() => s.outlet = Some(v),
                "t" if !v.is_empty() => s.period = Some(v),
                "scale" => s.share = v == "share",
                "co" => s.by_sentence = v == "sentence",
                "u" => s.unique = v == "1",
                "sort" => s.sort = Sort::from_name(&v),
                "corpus" if !v.is_empty() => s.corpus = Some(v),
                "embed" => s.embed = v == "1",
                "theme" => s.theme = Theme::from_name(&v),
                _ => {}
            }
        }
        s.excluded.sort();
        s.excluded.dedup();
        s
    }

    /// The query string for this state: `?…`, or the empty string for the default state.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if !self.q.trim().is_empty() {
            parts.push(format!("q={}", encode(&self.q)));
        }
        if !self.entities.is_empty() {
            let codes: Vec<String> = self.entities.iter().map(|e| encode(e)).collect();
            parts.push(format!("e={}", codes.join(",")));
        }
        if self.any {
            parts.push("any=1".into());
        }
        for (code, form) in &self.excluded {
            parts.push(format!("x={}:{}", encode(code), encode(form)));
        }
        if let Some(o) = &self.outlet {
            parts.push(format!("o={}", encode(o)));
        }
        if let Some(t) = &self.period {
            parts.push(format!("t={}", encode(t)));
        }
        if self.share {
            parts.push("scale=share".into());
        }
        if self.unique {
            parts.push("u=1".into());
        }
        if self.by_sentence {
            parts.push("co=sentence".into());
        }
        if self.sort != Sort::default() {
            parts.push(format!("sort={}", self.sort.name()));
        }
        if let Some(doc) = &self.doc {
            parts.push(format!("doc={}", encode(doc)));
        }
        if let Some(at) = self.at {
            parts.push(format!("at={at}"));
        }
        for (k, v) in [("kwic", &self.kwic), ("ks", &self.kwic_sort), ("kg", &self.kwic_group)] {
            if let Some(v) = v {
                parts.push(format!("{k}={}", encode(v)));
            }
        }
        if let Some(c) = &self.corpus {
            parts.push(format!("corpus={}", encode(c)));
        }
        if self.embed {
            parts.push("embed=1".into());
        }
        if let Some(t) = self.theme {
            parts.push(format!("theme={}", t.name()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// This state with `form` of the entity `code` left out of the counts, or counted again if it
    /// was left out.
    pub fn with_form_toggled(&self, code: &str, form: &str) -> ViewState {
        let mut s = self.clone();
        let x = (code.to_string(), form.to_string());
        match s.excluded.binary_search(&x) {
            Ok(i) => {
                s.excluded.remove(i);
            }
            Err(i) => s.excluded.insert(i, x),
        }
        s
    }

    /// This state with `code` added to the selected entities, or removed if it was there.
    pub fn toggled(&self, code: &str) -> ViewState {
        let mut s = self.clone();
        match s.entities.iter().position(|e| e == code) {
            Some(i) => {
                s.entities.remove(i);
            }
            None => s.entities.push(code.to_string()),
        }
        s
    }

    /// The state of a fresh start on the same corpus: only `corpus` and the way the page
    /// looks (`embed`, `theme`) are kept.
    pub fn home(&self) -> ViewState {
        ViewState { corpus: self.corpus.clone(), embed: self.embed, theme: self.theme, ..ViewState::default() }
    }

    /// This view for an `<iframe>`: the same state in the compact layout.
    pub fn embedded(&self) -> ViewState {
        ViewState { embed: true, ..self.clone() }
    }

    /// This view as a page of its own (what an embedded view links to).
    pub fn standalone(&self) -> ViewState {
        ViewState { embed: false, ..self.clone() }
    }

    /// This state with `doc` open, at its start.
    pub fn with_doc(&self, doc: Option<&str>) -> ViewState {
        ViewState { doc: doc.map(str::to_string), at: None, ..self.clone() }
    }
}

/// Percent-encodes a query component; spaces become `+`.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes a query component: `+` is a space, `%XX` a byte; malformed escapes are kept as
/// written and invalid UTF-8 is replaced, so no input is rejected.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() && hex(bytes[i + 1]).is_some() && hex(bytes[i + 2]).is_some() => {
                out.push(hex(bytes[i + 1]).unwrap() * 16 + hex(bytes[i + 2]).unwrap());
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_through_the_query_string() {
        let cases = [
            ViewState::default(),
            ViewState {
                q: "kerja sama".into(),
                entities: vec!["RU".into(), "sco".into()],
                doc: Some("003_267ace863f6cbc36.txt".into()),
                ..Default::default()
            },
            ViewState { q: "a&b=c %+ “Tiongkok” 中国".into(), ..Default::default() },
            ViewState { entities: vec!["un".into()], doc: Some("x y.txt".into()), ..Default::default() },
            ViewState { doc: Some("a".into()), at: Some(1234), kwic: Some("sco".into()), ..Default::default() },
            ViewState {
                q: "rusia".into(),
                entities: vec!["RU".into(), "CN".into()],
                any: true,
                excluded: vec![("JO".into(), "jordan".into()), ("US".into(), "a.s: x&y".into())],
                outlet: Some("tempo.co".into()),
                period: Some("2019-W37".into()),
                share: true,
                by_sentence: true,
                unique: true,
                sort: Sort::Newest,
                doc: None,
                at: None,
                kwic: Some("~".into()),
                kwic_sort: Some("1R".into()),
                kwic_group: Some("2L".into()),
                corpus: Some("https://example.org/a b.jsonl?x=1&y=2".into()),
                embed: true,
                theme: Some(Theme::Dark),
            },
        ];
        for s in cases {
            assert_eq!(ViewState::from_query(&s.to_query()), s, "query {:?}", s.to_query());
        }
    }

    #[test]
    fn an_embedded_view_keeps_its_layout_and_theme_through_its_links() {
        let s = ViewState::from_query("?q=rusia&embed=1&theme=light&doc=a.txt");
        assert!(s.embed);
        assert_eq!(s.theme, Some(Theme::Light));
        assert_eq!(s.with_doc(None).to_query(), "?q=rusia&embed=1&theme=light");
        assert_eq!(s.home().to_query(), "?embed=1&theme=light");
        assert_eq!(s.standalone().to_query(), "?q=rusia&doc=a.txt&theme=light");
        assert_eq!(
            ViewState::from_query("theme=<script>&embed=yes"),
            ViewState::default(),
            "unknown values are ignored"
        );
    }

    #[test]
    fn query_strings_read_as_users_write_them() {
        let s = ViewState::from_query("?q=putin+sco&e=RU,,RU,sco&doc=004.txt&utm=x");
        assert_eq!(s.q, "putin sco");
        assert_eq!(s.entities, ["RU", "sco"]);
        assert_eq!(s.doc.as_deref(), Some("004.txt"));
        assert_eq!(ViewState::from_query("q=%E4%B8%AD%zz%"), ViewState { q: "中%zz%".into(), ..Default::default() });
        assert_eq!(ViewState::default().to_query(), "");
    }

    #[test]
    fn a_form_left_out_is_named_by_its_entity_and_read_back_however_written() {
        let s = ViewState::default().with_form_toggled("JO", "jordan").with_form_toggled("CN", "tiongkok");
        assert_eq!(s.to_query(), "?x=CN:tiongkok&x=JO:jordan");
        assert_eq!(s.with_form_toggled("JO", "jordan").excluded, [("CN".to_string(), "tiongkok".to_string())]);
        let read = ViewState::from_query("?x=JO:jordan&x=JO%3A+JORDAN+&x=nocolon&x=:x&x=US:&x=UN:a:b");
        assert_eq!(read.excluded, [("JO".into(), "jordan".into()), ("UN".into(), "a:b".into())]);
    }

    #[test]
    fn toggling_an_entity_adds_then_removes_it() {
        let s = ViewState::default().toggled("RU").toggled("sco");
        assert_eq!(s.entities, ["RU", "sco"]);
        assert_eq!(s.toggled("RU").entities, ["sco"]);
    }
}
