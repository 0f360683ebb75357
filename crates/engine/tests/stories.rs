//! One article per story: copies of a seed article republished by another outlet are one story;
//! the answer keeps the first that passes the filters; a bundle keeps the stories; the timeline
//! counts stories per period.

use std::collections::HashMap;

use sorot_engine::bundle::{Manifest, MANIFEST};
use sorot_engine::collection::{Collection, Request};
use sorot_engine::corpus::Document;
use sorot_engine::gazetteer::Gazetteer;
use sorot_engine::matcher::Matcher;

mod support;
use support::seed_texts;

/// The five seeds (Kompas, September), then copies of the first three (ANTARA, with a dateline).
fn corpus() -> Vec<Document> {
    let texts = seed_texts();
    let mut docs = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let mut d = Document::new(format!("s{i}"), t.clone());
        (d.outlet, d.date) = (Some("Kompas".into()), Some(format!("2019-09-1{i}")));
        docs.push(d);
    }
    for (i, t) in texts.iter().take(3).enumerate() {
        let mut d = Document::new(format!("copy{i}"), format!("JAKARTA (ANTARA) - {t}"));
        // The first copy the same day as its original; the others a month later.
        let date = if i == 0 { "2019-09-10".to_string() } else { format!("2019-10-1{i}") };
        (d.outlet, d.date) = (Some("ANTARA".into()), Some(date));
        docs.push(d);
    }
    docs
}

#[test]
fn copies_are_one_story_and_the_answer_keeps_one_that_passes_the_filters() {
    let c = Collection::new(corpus(), Matcher::bundled());
    let stories: Vec<u32> = (0..c.len()).map(|d| c.story(d)).collect();
    assert_eq!(stories, [0, 1, 2, 3, 4, 0, 1, 2]);
    let all = c.search(&Request::default());
    let unique = c.search(&Request { unique: true, ..Request::default() });
    assert_eq!((all.hits.len(), all.articles), (8, 8));
    assert_eq!(unique.hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
    assert_eq!(unique.articles, 8, "the articles are still counted");
    // Under the other outlet, the copy stands for its story.
    let antara = c.search(&Request { unique: true, outlet: Some("ANTARA"), ..Request::default() });
    assert_eq!(antara.hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [5, 6, 7]);
    // Entities are counted once per story.
    let counts = |r| c.facets(r).entities.iter().map(|e| (e.entity, e.docs)).collect::<HashMap<_, _>>();
    let ru = c.gazetteer().entity_by_code("RU").unwrap();
    assert_eq!((counts(&all)[&ru], counts(&unique)[&ru]), (8, 5));
    // Per period, the stories with a copy in it: the copy of the same day is not counted again,
    // those of a later month are stories of that month too.
    let total = |r| {
        let t = c.timeline(r, None, &[]);
        t.bins.iter().map(|b| b.total).sum::<u32>() + t.unplaced
    };
    assert_eq!((total(&all), total(&unique)), (8, 7));
}

#[test]
fn a_bundle_keeps_the_stories() {
    let memory = Collection::new(corpus(), Matcher::bundled());
    let files: HashMap<String, Vec<u8>> = sorot_engine::bundle::write(&memory).unwrap().into_iter().collect();
    let manifest = Manifest::parse(&files[MANIFEST]).unwrap();
    let b = Collection::from_bundle(&manifest, &files[&manifest.meta], Gazetteer::bundled().clone()).unwrap();
    assert_eq!(
        (0..b.len()).map(|d| b.story(d)).collect::<Vec<_>>(),
        (0..memory.len()).map(|d| memory.story(d)).collect::<Vec<_>>()
    );
    let r = Request { unique: true, query: "rusia", ..Request::default() };
    let fetch = |name: &str| Ok(files[name].clone());
    let (x, y) = (b.search_with(&r, fetch).unwrap(), memory.search(&r));
    assert_eq!(x.hits.iter().map(|h| h.doc).collect::<Vec<_>>(), y.hits.iter().map(|h| h.doc).collect::<Vec<_>>());
}
