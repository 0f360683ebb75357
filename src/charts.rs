//! What the overview's charts draw, as plain numbers: the bars of the timeline, their heights
//! on a shared scale and the words that label them. The components in `ui` only lay these out.
//!
//! ```
//! use sorot_app::charts::percent;
//! assert_eq!(percent(Some(0.0345)), "3.5%");
//! assert_eq!(percent(None), "–");
//! ```

use sorot_engine::cooccurrence::{expected, Pair};
use sorot_engine::gazetteer::EntityId;
use sorot_engine::timeline::Timeline;

/// One bar of a timeline row.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The period's filter text (`2019-W37`).
    pub period: String,
    /// Matching articles of the row in the period.
    pub docs: u32,
    /// All articles in the period (the denominator of the share).
    pub total: u32,
    /// The row's mentions in the period.
    pub mentions: u32,
    /// The bar's height, 0 to 1, on the row's scale.
    pub height: f64,
    /// The period holds few articles: its share says little.
    pub sparse: bool,
}

/// One row of a timeline: the matches, or those mentioning one entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The entity; `None` for the matches themselves.
    pub entity: Option<EntityId>,
    /// One bar per period, oldest first.
    pub bars: Vec<Bar>,
    /// The value a full bar stands for: a count, or a share with `%`.
    pub top: String,
    /// Matches of the row that no period holds.
    pub unplaced: u32,
}

/// The share `docs / total`, or `None` for an empty period.
pub fn share(docs: u32, total: u32) -> Option<f64> {
    (total > 0).then(|| f64::from(docs) / f64::from(total))
}

/// A share as a percentage that never rounds a non-zero share to zero: `3.5%`, `<0.1%`, `100%`;
/// `–` for none.
pub fn percent(share: Option<f64>) -> String {
    match share {
        None => "–".into(),
        Some(s) if s > 0.0 && s < 0.0005 => "<0.1%".into(),
        Some(s) if s >= 0.0995 => format!("{:.0}%", 100.0 * s),
        Some(s) => format!("{:.1}%", 100.0 * s),
    }
}

/// The rows of a timeline, as counts or as shares of each period's articles. The matches' row
/// has its own scale; the entities' rows share one, so that their bars compare.
pub fn timeline_rows(t: &Timeline, as_share: bool) -> Vec<Row> {
    let value = |docs: u32, total: u32| if as_share { share(docs, total).unwrap_or(0.0) } else { f64::from(docs) };
    let row_max = |k: usize| {
        let s = &t.series[k];
        t.bins.iter().zip(&s.docs).map(|(b, &d)| value(d, b.total)).fold(0.0, f64::max)
    };
    let entities_max = (1..t.series.len()).map(row_max).fold(0.0, f64::max);
    t.series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let top = if k == 0 { row_max(0) } else { entities_max };
            let bars = t
                .bins
                .iter()
                .enumerate()
                .map(|(i, b)| Bar {
                    period: b.period.to_string(),
                    docs: s.docs[i],
                    total: b.total,
                    mentions: s.mentions[i],
                    height: if top > 0.0 { value(s.docs[i], b.total) / top } else { 0.0 },
                    sparse: b.is_sparse(),
                })
                .collect();
            let top = if as_share { percent(Some(top)) } else { format!("{top}") };
            Row { entity: s.entity, bars, top, unplaced: s.unplaced_docs }
        })
        .collect()
}

/// What a bar says, for its tooltip and its accessible name: `2019-W37: 12 of 340 articles
/// (3.5%), 30 mentions; few articles`.
pub fn bar_label(bar: &Bar, name: &str) -> String {
    let mut s = format!(
        "{}: {name} in {} of {} articles ({})",
        bar.period,
        bar.docs,
        bar.total,
        percent(share(bar.docs, bar.total))
    );
    if bar.mentions > 0 {
        s.push_str(&format!(", {} mention{}", bar.mentions, if bar.mentions == 1 { "" } else { "s" }));
    }
    if bar.sparse {
        s.push_str("; few articles in this period");
    }
    s
}

/// G² above which a pair's association is marked: χ² with one degree of freedom at p < 0.05.
pub const SIGNIFICANT: f64 = 3.84;

/// How a co-occurrence cell shows one pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Association {
    /// `▲` together more often than chance, `▼` less (when significant), else empty.
    pub marker: &'static str,
    /// What the cell says in words.
    pub title: String,
    /// 0 to 1: the pair's positive log-likelihood against the strongest of the matrix.
    pub strength: f64,
}

/// The cell of `pair`, whose entities are in `a` and `b` of `n` articles.
pub fn association(pair: &Pair, a: u32, b: u32, n: u32, name_a: &str, name_b: &str, strongest: f64) -> Association {
    let marker = match pair.llr {
        x if x >= SIGNIFICANT => "▲",
        x if x <= -SIGNIFICANT => "▼",
        _ => "",
    };
    let expected = expected(a, b, n);
    let mut title = format!(
        "{name_a} and {name_b}: together in {} of {n} articles ({expected:.1} expected by chance); log-likelihood {:+.1}",
        pair.docs, pair.llr
    );
    if let Some(p) = pair.pmi {
        title.push_str(&format!(", PMI {p:+.2}"));
    }
    let strength = if strongest > 0.0 && pair.llr > 0.0 { (pair.llr / strongest).min(1.0) } else { 0.0 };
    Association { marker, title, strength }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sorot_engine::collection::{Collection, Request};
    use sorot_engine::corpus::Document;
    use sorot_engine::matcher::Matcher;

    fn timeline() -> (Collection, Timeline) {
        let docs: Vec<Document> = (0..12)
            .map(|i| {
                let text = if i % 3 == 0 { "Rusia dan ASEAN." } else { "Cuaca cerah." };
                let mut d = Document::new(format!("d{i}"), text);
                d.date = Some(format!("2019-09-{:02}", 1 + (i % 4)));
                d
            })
            .collect();
        let c = Collection::new(docs, Matcher::bundled());
        let ru = c.gazetteer().entity_by_code("RU").unwrap();
        let asean = c.gazetteer().entity_by_code("asean").unwrap();
        let t = c.timeline(&c.search(&Request::default()), None, &[ru, asean]);
        (c, t)
    }

    #[test]
    fn counts_share_one_scale_among_entities_and_the_matches_have_their_own() {
        let (_, t) = timeline();
        let rows = timeline_rows(&t, false);
        assert_eq!(rows.len(), 3);
        // Days 1..4 each hold 3 articles; Russia is in articles 0, 3, 6, 9: days 1, 4, 3, 2.
        assert_eq!(rows[0].bars.iter().map(|b| b.docs).collect::<Vec<_>>(), [3, 3, 3, 3]);
        assert_eq!(rows[0].top, "3");
        assert!(rows[0].bars.iter().all(|b| b.height == 1.0 && b.total == 3 && b.sparse));
        assert_eq!(rows[1].bars.iter().map(|b| b.docs).collect::<Vec<_>>(), [1, 1, 1, 1]);
        assert_eq!((rows[1].top.as_str(), rows[1].bars[0].height), ("1", 1.0));
        assert_eq!(rows[2].top, rows[1].top, "entities share a scale");
    }

    #[test]
    fn shares_divide_by_every_article_of_the_period() {
        let (_, t) = timeline();
        let rows = timeline_rows(&t, true);
        assert_eq!(rows[1].top, "33%");
        assert_eq!(rows[0].top, "100%");
        assert!(rows[1].bars.iter().all(|b| (b.height - 1.0).abs() < 1e-9));
        let label = bar_label(&rows[1].bars[0], "Russia");
        assert_eq!(label, "2019-09-01: Russia in 1 of 3 articles (33%), 1 mention; few articles in this period");
    }

    #[test]
    fn a_cell_marks_significant_pairs_in_words_and_signs_not_only_in_colour() {
        let pair = |docs, llr, pmi| Pair { a: 0, b: 1, docs, llr, pmi };
        let strong = association(&pair(12, 15.2, Some(1.5)), 20, 30, 100, "Rusia", "Tiongkok", 30.4);
        assert_eq!(strong.marker, "▲");
        assert_eq!(strong.strength, 0.5);
        assert_eq!(
            strong.title,
            "Rusia and Tiongkok: together in 12 of 100 articles (6.0 expected by chance); log-likelihood +15.2, PMI +1.50"
        );
        let apart = association(&pair(0, -9.0, None), 50, 50, 100, "A", "B", 30.4);
        assert_eq!((apart.marker, apart.strength), ("▼", 0.0));
        assert!(!apart.title.contains("PMI"));
        assert_eq!(association(&pair(3, 1.0, Some(0.2)), 5, 5, 100, "A", "B", 0.0).marker, "");
    }

    #[test]
    fn percentages_keep_small_shares_visible() {
        assert_eq!(percent(Some(0.0001)), "<0.1%");
        assert_eq!(percent(Some(0.0)), "0.0%");
        assert_eq!(percent(Some(0.12345)), "12%");
        assert_eq!(percent(Some(1.0)), "100%");
        assert_eq!(share(3, 0), None);
    }
}
