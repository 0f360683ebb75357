//! Hostile input: arbitrary bytes and arbitrary Unicode fed to the record reader, the
//! tokenizer, the matcher, the query parser and the collection. Nothing may panic, every span
//! must lie on char boundaries of its text, and every line that is not blank must come out as
//! a document or as a reported line.

use proptest::prelude::*;
use sorot_engine::collection::{Collection, Request};
use sorot_engine::corpus::{parse_jsonl_bytes, split_lines, Document};
use sorot_engine::matcher::Matcher;
use sorot_engine::span::Span;
use sorot_engine::text::{fold, tokenize};

/// Text that mixes names, markup, invisible and wide characters, other scripts and noise.
fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("Rusia ".to_string()),
        Just("Kementerian Luar Negeri ".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("Ru\u{200b}sia\u{ad} ".to_string()),
        Just("ＲＵＳＩＡ TÜRKİYE ".to_string()),
        Just("\"\\ud800\" ".to_string()),
        Just("中国和俄罗斯 ".to_string()),
        Just("e\u{301}\u{302} ".to_string()),
        Just("\r\n\n".to_string()),
        any::<String>(),
    ];
    proptest::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

fn on_boundaries(text: &str, s: Span) -> bool {
    s.start <= s.end && text.is_char_boundary(s.start as usize) && text.is_char_boundary(s.end as usize)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any bytes: no panic, and lines in = documents + skipped lines.
    #[test]
    fn the_record_reader_accounts_for_every_line_of_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let p = parse_jsonl_bytes(&bytes);
        let non_blank = split_lines(&bytes)
            .enumerate()
            .map(|(i, l)| if i == 0 { l.strip_prefix("\u{feff}".as_bytes()).unwrap_or(l) } else { l })
            .filter(|l| !String::from_utf8_lossy(l).trim().is_empty())
            .count();
        prop_assert_eq!(p.documents.len() + p.errors.len(), non_blank);
    }

    /// Records with hostile fields: no panic, and a record's text comes through.
    #[test]
    fn the_record_reader_keeps_hostile_text(text in hostile_text(), title in hostile_text()) {
        let line = serde_json::json!({"id": "x", "title": title, "text": text}).to_string();
        let p = parse_jsonl_bytes(line.as_bytes());
        prop_assert_eq!(p.documents.len(), 1, "{:?}", p.errors);
        prop_assert_eq!(&p.documents[0].text, &text);
    }

    /// Tokens are ordered, disjoint, non-empty and on char boundaries; folding never panics.
    #[test]
    fn tokens_of_any_text_lie_on_char_boundaries(text in hostile_text()) {
        let mut prev = 0;
        for t in tokenize(&text) {
            prop_assert!(on_boundaries(&text, t.span) && !t.span.is_empty() && t.span.start >= prev);
            prev = t.span.end;
            let _ = fold(t.span.slice(&text));
        }
    }

    /// Mentions and vetoed names are ordered, disjoint and on char boundaries.
    #[test]
    fn mentions_of_any_text_lie_on_char_boundaries(text in hostile_text()) {
        let (mentions, vetoed) = Matcher::bundled().explain(&text);
        let mut prev = 0;
        for m in &mentions {
            prop_assert!(on_boundaries(&text, m.span) && m.span.start >= prev, "{:?} in {:?}", m, text);
            prev = m.span.end;
        }
        for v in &vetoed {
            prop_assert!(on_boundaries(&text, v.span), "{:?} in {:?}", v, text);
        }
    }

    /// Any query over hostile documents: no panic; snippets and hits lie inside their text.
    #[test]
    fn any_query_over_hostile_documents_answers_within_the_text(
        texts in proptest::collection::vec(hostile_text(), 1..4),
        query in prop_oneof![any::<String>(), Just("\"rusia OR -".to_string()), Just("ru".to_string()), hostile_text()],
    ) {
        let docs: Vec<Document> = texts.iter().enumerate().map(|(i, t)| Document::new(i.to_string(), t.clone())).collect();
        let c = Collection::new(docs, Matcher::bundled());
        let r = c.search(&Request { query: &query, ..Request::default() });
        for h in &r.hits {
            let text = &c.document(h.doc as usize).expect("in memory").text;
            let s = c.snippet(h.doc as usize, &r.matched, 28).expect("in memory");
            prop_assert!(on_boundaries(text, s.span) && s.span.end as usize <= text.len());
            for x in s.hits.iter().chain(&c.hits(h.doc as usize, &r.matched).expect("in memory")) {
                prop_assert!(on_boundaries(text, *x));
            }
        }
    }
}
