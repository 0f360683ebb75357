//! Leaving a surface form out removes exactly its mentions from every count: checked against
//! what `annotate` finds in the seed articles, counted here independently; including it again
//! gives back every answer as before; and a bundle, once it has read the forms files of the
//! entities concerned (no text), counts as the collection in memory does.

use std::collections::{BTreeMap, HashMap};

use sorot_engine::annotate;
use sorot_engine::bundle::{Manifest, Need, MANIFEST};
use sorot_engine::collection::{Collection, EntityCount, Request};
use sorot_engine::corpus::Document;
use sorot_engine::exclusion::{form_of, Exclusions};
use sorot_engine::gazetteer::{EntityId, Gazetteer};
use sorot_engine::matcher::Matcher;
use sorot_engine::text::fold;

mod support;
use support::seed_texts;

fn corpus() -> Vec<Document> {
    seed_texts().into_iter().enumerate().map(|(i, t)| Document::new(format!("seed-{i}"), t)).collect()
}

/// Per document, per entity code: its mentions by folded form, from `annotate`.
fn annotated(docs: &[Document]) -> Vec<BTreeMap<String, BTreeMap<String, u32>>> {
    docs.iter()
        .map(|d| {
            let mut m: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
            for a in annotate(d) {
                let form = fold(a.text).split_whitespace().collect::<Vec<_>>().join(" ");
                *m.entry(a.code.to_string()).or_default().entry(form).or_default() += 1;
            }
            m
        })
        .collect()
}

/// Every entity of the seeds that is written in more than one form, with its rarest form.
fn entities_with_several_forms(per_doc: &[BTreeMap<String, BTreeMap<String, u32>>]) -> Vec<(String, String)> {
    let mut forms: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
    for d in per_doc {
        for (code, fs) in d {
            for (f, n) in fs {
                *forms.entry(code.clone()).or_default().entry(f.clone()).or_default() += n;
            }
        }
    }
    forms
        .into_iter()
        .filter(|(_, fs)| fs.len() > 1)
        .map(|(code, fs)| {
            let rarest = fs.iter().min_by_key(|(f, n)| (**n, (*f).clone())).unwrap().0.clone();
            (code, rarest)
        })
        .collect()
}

/// (code, docs, mentions) of every entity, sorted by code.
fn counts(c: &Collection, docs: &[usize]) -> Vec<(String, u32, u32)> {
    let g = c.gazetteer();
    let mut v: Vec<_> = c
        .entity_counts(docs)
        .into_iter()
        .map(|EntityCount { entity, docs, mentions }| (g.entity(entity).code.clone(), docs, mentions))
        .collect();
    v.sort();
    v
}

/// The same, counted from `annotate` with the `(code, form)` pairs of `out` left out.
fn expected(per_doc: &[BTreeMap<String, BTreeMap<String, u32>>], out: &[(String, String)]) -> Vec<(String, u32, u32)> {
    let mut totals: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for d in per_doc {
        for (code, fs) in d {
            let n: u32 = fs.iter().filter(|(f, _)| !out.contains(&(code.clone(), (*f).clone()))).map(|(_, n)| n).sum();
            if n > 0 {
                let t = totals.entry(code.clone()).or_default();
                t.0 += 1;
                t.1 += n;
            }
        }
    }
    totals.into_iter().map(|(code, (d, m))| (code, d, m)).collect()
}

fn exclusions(c: &Collection, out: &[(String, String)]) -> Exclusions {
    let g = c.gazetteer();
    Exclusions::new(out.iter().map(|(code, f)| (g.entity_by_code(code).unwrap(), f.as_str())))
}

#[test]
fn a_form_left_out_leaves_every_count_and_list_as_annotate_says_without_it() {
    let docs = corpus();
    let per_doc = annotated(&docs);
    let several = entities_with_several_forms(&per_doc);
    assert!(several.len() >= 3, "the seeds write several entities in more than one way: {several:?}");
    let c = Collection::new(docs.clone(), Matcher::bundled());
    let all: Vec<usize> = (0..c.len()).collect();
    let before = counts(&c, &all);
    assert_eq!(before, expected(&per_doc, &[]));
    let g = c.gazetteer();

    // Each entity's rarest form on its own, then all of them at once.
    let mut cases: Vec<Vec<(String, String)>> = several.iter().map(|x| vec![x.clone()]).collect();
    cases.push(several.clone());
    for out in &cases {
        c.exclude(exclusions(&c, out));
        assert_eq!(counts(&c, &all), expected(&per_doc, out), "leaving out {out:?}");
        for (code, form) in out {
            let e = g.entity_by_code(code).unwrap();
            // The entity filter: the documents that still mention it in another form.
            let want: Vec<usize> = (0..docs.len())
                .filter(|&d| per_doc[d].get(code).is_some_and(|fs| fs.iter().any(|(f, _)| f != form)))
                .collect();
            assert_eq!(c.filter("", &[e]), want, "{code} without “{form}”");
            // Mentions (highlighting, concordance, exports) and their per-document counts.
            for (d, doc) in docs.iter().enumerate() {
                let ms = c.mentions(d).unwrap();
                let text = &doc.text;
                assert!(!ms.iter().any(|m| m.entity == e && form_of(m.span.slice(text)) == *form));
                let n = ms.iter().filter(|m| m.entity == e).count() as u32;
                let listed = c.doc_entities(d).iter().find(|x| x.0 == e).map_or(0, |x| x.1);
                assert_eq!(listed, n, "{code} in document {d}");
            }
            // The forms: the one left out listed apart, with the mentions it would add.
            let forms = c.surface_forms(&all, e);
            let total: u32 = per_doc.iter().filter_map(|d| d.get(code)?.get(form)).sum();
            assert!(forms.forms.iter().all(|f| f.form != *form));
            assert_eq!(
                forms.excluded.iter().map(|f| (f.form.as_str(), f.mentions)).collect::<Vec<_>>(),
                [(form.as_str(), total)]
            );
        }
        // The concordance of a form's entity has no line in it, and timeline counts agree.
        let e = g.entity_by_code(&out[0].0).unwrap();
        let r = c.search(&Request::default());
        let k = c.concordance(&r, sorot_engine::concordance::Target::Entity(e));
        let lines: u32 = k.lines.iter().map(|l| l.copies.len() as u32).sum();
        assert_eq!(lines, expected(&per_doc, out).iter().find(|x| x.0 == out[0].0).map_or(0, |x| x.2));
    }

    // Included again, everything is as before.
    c.exclude(Exclusions::default());
    assert_eq!(counts(&c, &all), before);
    assert!(c.surface_forms(&all, g.entity_by_code(&several[0].0).unwrap()).excluded.is_empty());
}

#[test]
fn a_form_is_named_whatever_its_case_and_spacing() {
    let jo = Gazetteer::bundled().entity_by_code("JO").unwrap();
    let x = Exclusions::new([(jo, "  JORDAN "), (jo, "jordan"), (jo, "")]);
    assert_eq!(x.forms(), [(jo, "jordan".to_string())]);
    assert!(x.excludes(jo, &form_of("Jordan")));
    assert!(!x.excludes(EntityId(jo.0 + 1), "jordan"));
}

#[test]
fn over_a_bundle_the_counts_are_exact_once_the_forms_files_are_read_without_a_text() {
    let docs = corpus();
    let per_doc = annotated(&docs);
    let out = entities_with_several_forms(&per_doc);
    let memory = Collection::new(docs, Matcher::bundled());
    let files: HashMap<String, Vec<u8>> = sorot_engine::bundle::write(&memory).unwrap().into_iter().collect();
    let manifest = Manifest::parse(&files[MANIFEST]).unwrap();
    let c = Collection::from_bundle(&manifest, &files[&manifest.meta], Gazetteer::bundled().clone()).unwrap();
    let all: Vec<usize> = (0..c.len()).collect();
    let g = c.gazetteer();
    let entity = |code: &str| g.entity_by_code(code).unwrap();

    // The forms of an entity, counted from its forms file alone.
    for (code, _) in &out {
        assert!(c.surface_forms(&all, entity(code)).unread > 0, "{code}: nothing is read yet");
        let need = c.forms_needs(entity(code)).expect("a forms file");
        c.load(need, &files[&c.file(need)]).unwrap();
        assert_eq!(c.forms_needs(entity(code)), None);
        assert_eq!(c.surface_forms(&all, entity(code)), memory.surface_forms(&all, entity(code)), "{code}");
    }
    let c = Collection::from_bundle(&manifest, &files[&manifest.meta], Gazetteer::bundled().clone()).unwrap();
    c.exclude(exclusions(&c, &out));
    memory.exclude(exclusions(&memory, &out));
    let unread = c.exclusion_unread();
    assert!(!unread.is_empty(), "nothing is read yet");
    assert_eq!(counts(&c, &all), expected(&per_doc, &[]), "unread documents keep their counts");
    // One round: the forms files of the entities with a form left out, and no text.
    let needs = c.exclusion_needs();
    assert_eq!(needs.len(), out.len());
    for n in needs {
        assert!(matches!(n, Need::Forms(_)), "{n:?}");
        c.load(n, &files[&c.file(n)]).unwrap();
    }
    assert_eq!(c.exclusion_needs(), []);
    assert_eq!(c.exclusion_unread(), Vec::<usize>::new());
    assert!(all.iter().all(|&d| c.document(d).is_none()), "no text was read");
    assert_eq!(counts(&c, &all), expected(&per_doc, &out));
    assert_eq!(counts(&c, &all), counts(&memory, &all));
    for (code, _) in &out {
        let e = entity(code);
        assert_eq!(c.filter("", &[e]), memory.filter("", &[e]), "{code}");
        assert_eq!(c.surface_forms(&all, e), memory.surface_forms(&all, e), "{code}");
    }
    // The texts, as they arrive, give the same counts and the mentions without the forms left out.
    c.load_texts_with(all.iter().copied(), |f| Ok(files[f].clone())).unwrap();
    assert_eq!(counts(&c, &all), counts(&memory, &all));
    for &d in &all {
        assert_eq!(c.mentions(d), memory.mentions(d), "document {d}");
    }
    c.exclude(Exclusions::default());
    assert_eq!(counts(&c, &all), expected(&per_doc, &[]));
}
