//! The timeline counts what `annotate` finds in real text, binned by dates counted here
//! independently (days from a known Monday), and a bin's period, as a filter, selects exactly
//! the articles the bin counts — in memory and from a bundle alike.

use std::collections::{BTreeSet, HashMap};

use sorot_engine::annotate;
use sorot_engine::bundle::{Manifest, MANIFEST};
use sorot_engine::collection::{Collection, Request};
use sorot_engine::corpus::Document;
use sorot_engine::gazetteer::{EntityId, Gazetteer};
use sorot_engine::matcher::Matcher;
use sorot_engine::period::Granularity;
use sorot_engine::timeline::{Timeline, FEW, MAX_YEARS};

mod support;
use support::seed_texts;

/// 2023-08-28, a Monday: the first day of ISO week 35 of 2023.
const MONDAY: (i32, u32, u32) = (2023, 8, 28);

/// The date `k` days after [`MONDAY`], counted a day at a time.
fn date_after(k: u32) -> String {
    let (mut y, mut m, mut d) = MONDAY;
    for _ in 0..k {
        let len = match m {
            2 if y % 4 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        d += 1;
        if d > len {
            d = 1;
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    format!("{y:04}-{m:02}-{d:02}")
}

/// The seed articles over 16 weeks: article `i` is dated `3 × i mod 110` days after
/// [`MONDAY`], every seventh undated, every eleventh dated to the month only; two outlets.
fn corpus() -> (Vec<Document>, Vec<Option<u32>>) {
    let texts = seed_texts();
    let mut docs = Vec::new();
    let mut offsets = Vec::new();
    for i in 0..120u32 {
        let mut d = Document::new(format!("a{i:03}"), texts[i as usize % texts.len()].clone());
        d.outlet = Some(if i % 2 == 0 { "Kompas" } else { "ANTARA" }.to_string());
        let k = (3 * i) % 110;
        d.date = if i % 7 == 3 {
            None
        } else if i % 11 == 5 {
            Some(date_after(k)[..7].to_string())
        } else {
            Some(date_after(k))
        };
        offsets.push((i % 7 != 3 && i % 11 != 5).then_some(k));
        docs.push(d);
    }
    (docs, offsets)
}

fn bundle_of(memory: &Collection) -> (Collection, HashMap<String, Vec<u8>>) {
    let files: HashMap<String, Vec<u8>> = sorot_engine::bundle::write(memory).unwrap().into_iter().collect();
    let manifest = Manifest::parse(&files[MANIFEST]).unwrap();
    let c = Collection::from_bundle(&manifest, &files[&manifest.meta], Gazetteer::bundled().clone()).unwrap();
    (c, files)
}

#[test]
fn weekly_bins_count_what_annotate_finds_by_independently_counted_weeks() {
    let (docs, offsets) = corpus();
    // Independently: the entity codes of each article, from `annotate`.
    let codes: Vec<BTreeSet<String>> =
        docs.iter().map(|d| annotate(d).into_iter().map(|a| a.code.to_string()).collect()).collect();
    let mentions = |i: usize, code: &str| annotate(&docs[i]).iter().filter(|a| a.code == code).count() as u32;
    let c = Collection::new(docs.clone(), Matcher::bundled());
    let g = c.gazetteer();
    let ru = g.entities().iter().position(|e| e.code == "RU").map(|i| EntityId(i as u16)).unwrap();
    let asean = g.entities().iter().position(|e| e.code == "asean").map(|i| EntityId(i as u16)).unwrap();
    let answer = c.search(&Request::default());
    let t = c.timeline(&answer, None, &[ru, asean]);

    assert_eq!(t.granularity, Granularity::Week, "109 days fit 16 weeks, not 60 days");
    let weeks = offsets.iter().flatten().max().unwrap() / 7 + 1;
    assert_eq!(t.bins.len(), weeks as usize);
    assert_eq!(t.bins[0].period.to_string(), "2023-W35");
    assert_eq!(t.bins[5].period.to_string(), "2023-W40");
    let mut want_total = vec![0u32; weeks as usize];
    let mut want_ru = vec![0u32; weeks as usize];
    let mut want_ru_mentions = vec![0u32; weeks as usize];
    let mut want_asean = vec![0u32; weeks as usize];
    for (i, k) in offsets.iter().enumerate() {
        if let Some(k) = k {
            let w = (k / 7) as usize;
            want_total[w] += 1;
            if codes[i].contains("RU") {
                want_ru[w] += 1;
                want_ru_mentions[w] += mentions(i, "RU");
            }
            want_asean[w] += u32::from(codes[i].contains("asean"));
        }
    }
    assert_eq!(t.bins.iter().map(|b| b.total).collect::<Vec<_>>(), want_total);
    assert_eq!(t.series[0].entity, None);
    assert_eq!(t.series[0].docs, want_total, "with no query the matches are the corpus");
    assert_eq!(t.series[1].entity, Some(ru));
    assert_eq!(t.series[1].docs, want_ru);
    assert_eq!(t.series[1].mentions, want_ru_mentions);
    assert_eq!(t.series[2].docs, want_asean);
    assert!(want_ru.iter().sum::<u32>() > 10 && want_asean.iter().sum::<u32>() > 10, "the seeds mention both");
    // Undated and month-only articles are counted apart, never dropped.
    let unplaced = offsets.iter().filter(|k| k.is_none()).count() as u32;
    assert_eq!(t.unplaced, unplaced);
    assert_eq!(t.series[0].unplaced_docs, unplaced);
    let ru_unplaced = offsets.iter().zip(&codes).filter(|(k, c)| k.is_none() && c.contains("RU")).count() as u32;
    assert_eq!(t.series[1].unplaced_docs, ru_unplaced);
    assert_eq!(t.bins.iter().map(|b| b.total).sum::<u32>() + t.unplaced, 120);
    assert!(t.bins.iter().any(|b| b.total < FEW) && t.bins.iter().any(|b| !b.is_sparse()));
}

#[test]
fn a_bin_as_a_period_filter_selects_exactly_the_articles_it_counts() {
    let (docs, _) = corpus();
    let c = Collection::new(docs, Matcher::bundled());
    let ru = EntityId(c.gazetteer().entities().iter().position(|e| e.code == "RU").unwrap() as u16);
    for query in ["", "rusia", "kerja sama", "asean OR sco"] {
        for outlet in [None, Some("Kompas")] {
            let r = Request { query, outlet, ..Request::default() };
            let t = c.timeline(&c.search(&r), outlet, &[ru]);
            for (b, bin) in t.bins.iter().enumerate() {
                let period = bin.period.to_string();
                let hits = c.search(&Request { period: Some(&period), ..r.clone() }).hits;
                assert_eq!(hits.len() as u32, t.series[0].docs[b], "{query:?} {outlet:?} {period}");
                let with_ru = c.search(&Request { period: Some(&period), entities: &[ru], ..r.clone() }).hits;
                assert_eq!(with_ru.len() as u32, t.series[1].docs[b], "{query:?} {outlet:?} {period}: Russia");
                let all = c.search(&Request { period: Some(&period), outlet, ..Request::default() }).hits;
                assert_eq!(all.len() as u32, bin.total, "{period}: the bin's total is every article of the outlet");
            }
            // The period filter of the view does not narrow its timeline.
            let first = t.bins.first().map(|b| b.period.to_string()).unwrap();
            let narrowed = c.search(&Request { period: Some(&first), ..r.clone() });
            assert_eq!(c.timeline(&narrowed, outlet, &[ru]), t);
        }
    }
}

#[test]
fn a_bundle_draws_the_same_timeline_from_its_metadata_alone() {
    let (docs, _) = corpus();
    let memory = Collection::new(docs, Matcher::bundled());
    let (bundle, files) = bundle_of(&memory);
    let ids: Vec<EntityId> =
        memory.entity_counts(&(0..memory.len()).collect::<Vec<_>>()).iter().take(5).map(|e| e.entity).collect();
    for outlet in [None, Some("ANTARA"), Some("nowhere")] {
        let r = Request { outlet, ..Request::default() };
        let a = bundle.search(&r);
        assert!(a.missing().is_empty(), "no file but the metadata");
        assert_eq!(bundle.timeline(&a, outlet, &ids), memory.timeline(&memory.search(&r), outlet, &ids));
    }
    let r = Request { query: "kerja sama", ..Request::default() };
    let a = bundle.search_with(&r, |f| Ok(files[f].clone())).unwrap();
    assert_eq!(bundle.timeline(&a, None, &ids), memory.timeline(&memory.search(&r), None, &ids));
}

fn timeline_of(dates: &[Option<&str>]) -> Timeline {
    let docs: Vec<Document> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut doc = Document::new(format!("d{i}"), "Rusia dan ASEAN.");
            doc.date = d.map(String::from);
            doc
        })
        .collect();
    let c = Collection::new(docs, Matcher::bundled());
    c.timeline(&c.search(&Request::default()), None, &[])
}

#[test]
fn the_width_fits_the_range_and_the_precision_of_the_dates() {
    let t = timeline_of(&[Some("2019-09-01"), Some("2019-09-30"), None]);
    assert_eq!((t.granularity, t.bins.len(), t.unplaced), (Granularity::Day, 30, 1));
    let t = timeline_of(&[Some("2019-01-15"), Some("2021-06-01")]);
    assert_eq!((t.granularity, t.bins.len()), (Granularity::Month, 30));
    assert_eq!(t.bins.iter().filter(|b| b.total > 0).count(), 2, "empty months are bins too");
    // Dated by the month: months, not days that would leave them all unplaced.
    let t = timeline_of(&[Some("2019-09"), Some("2019-10"), Some("2019-10-02")]);
    assert_eq!((t.granularity, t.bins.len(), t.unplaced), (Granularity::Month, 2, 0));
    let t = timeline_of(&[Some("1950-01-01"), Some("2019-10-02")]);
    assert_eq!((t.granularity, t.bins.len()), (Granularity::Year, 70));
    let t = timeline_of(&[None, Some("Selasa, 26 Desember"), Some("2019-02-30")]);
    assert_eq!((t.bins.len(), t.unplaced, t.series[0].unplaced_docs), (0, 3, 3), "nothing to draw, nothing lost");
}

#[test]
fn dates_across_millennia_stay_within_a_bounded_number_of_bins() {
    let t = timeline_of(&[Some("1000-01-01"), Some("9999-12-31"), Some("2019-09-14")]);
    assert_eq!(t.granularity, Granularity::Year);
    assert_eq!(t.bins.len() as i64, MAX_YEARS);
    assert_eq!(t.bins.last().unwrap().period.to_string(), "9999");
    assert_eq!((t.unplaced, t.series[0].unplaced_docs), (2, 2), "the years before the bins are counted apart");
}
