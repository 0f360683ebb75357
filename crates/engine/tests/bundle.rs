//! A bundle read back answers exactly as the collection it was written from: every query of
//! `bench/queries.txt` and each of its prefixes, with scores, snippets, hits and facets
//! (`support/describe.rs`), over the seed articles and generated ones. And a damaged bundle is
//! an error naming the file, never a panic or a wrong answer.

use std::collections::HashMap;

use proptest::prelude::*;
use sorot_engine::bundle::{BundleError, Manifest, Need, Options, FIRST_PAGE, FORMAT_VERSION, MANIFEST};
use sorot_engine::collection::{Collection, Request};
use sorot_engine::corpus::Document;
use sorot_engine::gazetteer::Gazetteer;
use sorot_engine::matcher::Matcher;

mod support;

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn queries() -> Vec<String> {
    std::fs::read_to_string(root().join("bench/queries.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(String::from)
        .collect()
}

/// The five seed articles, and news-like documents made of words from them (so that common
/// words, stems, compounds, typos and phrases all have many postings, across several shards).
fn corpus() -> Vec<Document> {
    let mut docs = Vec::new();
    let mut words = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(root().join("seeds")).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for path in names.iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
        let text = std::fs::read_to_string(path).unwrap();
        words.extend(text.split_whitespace().map(String::from));
        docs.push(Document::new(path.file_name().unwrap().to_str().unwrap(), text));
    }
    let outlets = ["Kompas", "ANTARA", "Tempo"];
    let mut seed = 7u64;
    for i in 0..600 {
        let mut text = String::new();
        for _ in 0..(40 + i % 90) {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(&words[(seed >> 33) as usize % words.len()]);
            text.push(if seed.is_multiple_of(13) { '\n' } else { ' ' });
        }
        let mut d = Document::new(format!("gen-{i:04}"), text);
        d.title = (i % 3 != 0).then(|| format!("Berita {i}: kerja sama Rusia"));
        d.outlet = (i % 4 != 0).then(|| outlets[i % 3].to_string());
        d.date = (i % 5 != 0).then(|| format!("2019-{:02}-{:02}", 1 + i % 12, 1 + i % 28));
        docs.push(d);
    }
    docs
}

/// A bundle of small shards, so that lookups, completions and typo searches cross shards.
fn files_of(c: &Collection) -> HashMap<String, Vec<u8>> {
    let small = Options { shard_bytes: 2048, terms_bytes: 512 };
    sorot_engine::bundle::write_with(c, small).unwrap().into_iter().collect()
}

fn open(files: &HashMap<String, Vec<u8>>) -> Result<Collection, BundleError> {
    let manifest = Manifest::parse(&files[MANIFEST])?;
    // A changed manifest may name a metadata file that is not there: as a page would, say so.
    let meta = fetcher(files)(&manifest.meta)?;
    Collection::from_bundle(&manifest, &meta, Gazetteer::bundled().clone())
}

fn fetcher(files: &HashMap<String, Vec<u8>>) -> impl Fn(&str) -> Result<Vec<u8>, BundleError> + '_ {
    |name| {
        files.get(name).cloned().ok_or_else(|| BundleError { file: name.into(), message: "not in the bundle".into() })
    }
}

#[test]
fn a_bundle_answers_every_benchmark_query_as_the_collection_in_memory_does() {
    let memory = Collection::new(corpus(), Matcher::bundled());
    let files = files_of(&memory);
    let kinds: Vec<&str> = ["terms/", "postings/", "positions/", "stems/", "text/"].to_vec();
    for k in &kinds {
        let n = files.keys().filter(|f| f.starts_with(k)).count();
        assert!(n >= 1, "{k}: {n} files");
    }
    let shards = |k: &str| files.keys().filter(|f| f.starts_with(k)).count();
    assert!(shards("terms/") > 20 && shards("stems/") > 10 && shards("postings/") > 10, "small shards");
    let bundle = open(&files).unwrap();
    assert!(bundle.is_bundle() && bundle.document(0).is_none(), "nothing but the metadata is read up front");
    let q = queries();
    let want = support::describe::describe(&memory, &q, &|_| unreachable!());
    let got = support::describe::describe(&bundle, &q, &fetcher(&files));
    assert!(want.lines().count() > 500, "the description covers the queries");
    if want != got {
        let first = want.lines().zip(got.lines()).position(|(a, b)| a != b);
        panic!("the bundle differs from memory at line {first:?}");
    }
}

#[test]
fn an_answer_names_only_the_files_it_needs_and_a_second_one_needs_none() {
    let memory = Collection::new(corpus(), Matcher::bundled());
    let files = files_of(&memory);
    let bundle = open(&files).unwrap();
    let everything = Request { query: "", ..Request::default() };
    assert!(bundle.search(&everything).missing().is_empty(), "all documents and facets come from the metadata");
    let r = Request { query: "rusia", ..Request::default() };
    let first = bundle.search(&r);
    assert!(!first.missing().is_empty());
    let fetched = std::cell::Cell::new(0);
    let fetch = |name: &str| {
        fetched.set(fetched.get() + 1);
        fetcher(&files)(name)
    };
    let answer = bundle.search_with(&r, fetch).unwrap();
    let total = files.len();
    assert!(fetched.get() < total / 4, "{} of {total} files fetched for one word", fetched.get());
    assert_eq!(answer.hits.len(), memory.search(&r).hits.len());
    assert!(bundle.search(&r).missing().is_empty(), "once loaded, the same question needs nothing");
}

/// The manifest names the texts of the default view's first page, so that a page can fetch
/// them beside its metadata: the texts the reader's own answer to that view shows first.
#[test]
fn the_manifest_names_the_texts_of_the_default_views_first_page() {
    let memory = Collection::new(corpus(), Matcher::bundled());
    let files = files_of(&memory);
    let manifest = Manifest::parse(&files[MANIFEST]).unwrap();
    let bundle = open(&files).unwrap();
    let first: Vec<String> = bundle
        .search(&Request::default())
        .hits
        .iter()
        .take(FIRST_PAGE)
        .map(|h| bundle.file(Need::Text(h.doc)))
        .collect();
    assert_eq!(first.len(), FIRST_PAGE);
    assert_eq!(manifest.first, first);
    assert!(first.iter().all(|f| files.contains_key(f)));
    // A name that is not a text file's is refused: a page fetches what the manifest names.
    let json = String::from_utf8_lossy(&files[MANIFEST]).into_owned();
    for bad in ["../secret.bin", "https://elsewhere.example/text/0000000000000000.bin", &manifest.meta] {
        let changed = json.replacen(&first[0], bad, 1);
        let e = Manifest::parse(changed.as_bytes()).unwrap_err();
        assert!(e.message.contains("not a text file"), "{bad}: {e}");
    }
}

/// What the explorer fetches once its first results are shown: with the dictionary in, a
/// query's words, completions and typo candidates are known, so its first answer names every
/// postings and stem shard it needs (one round of fetches), and once those are in it is whole
/// and the same as in memory. Without the dictionary some queries take two rounds (their
/// completions' and typo candidates' postings are known only once their shards are in).
#[test]
fn with_the_dictionary_loaded_a_query_needs_one_round_of_fetches() {
    let memory = Collection::new(corpus(), Matcher::bundled());
    let files = files_of(&memory);
    let load = |b: &Collection, needs: &[Need]| {
        for &need in needs {
            b.load(need, &files[&b.file(need)]).unwrap();
        }
    };
    let two_rounds = |dictionary: bool| {
        let mut slow = Vec::new();
        for q in queries() {
            // A page that has just opened the bundle: nothing but the metadata (and the dictionary).
            let bundle = open(&files).unwrap();
            if dictionary {
                load(&bundle, &bundle.dictionary_files());
            }
            let r = Request { query: &q, ..Request::default() };
            let first = bundle.search(&r);
            assert!(!dictionary || first.missing().iter().all(|n| !matches!(n, Need::Terms(_))), "{q}");
            load(&bundle, first.missing());
            let second = bundle.search(&r);
            if second.missing().is_empty() {
                let hits = |a: &sorot_engine::collection::Response| a.hits.iter().map(|h| h.doc).collect::<Vec<_>>();
                assert_eq!(hits(&second), hits(&memory.search(&r)), "{q}: the same hits as in memory");
            } else {
                slow.push(q);
            }
        }
        slow
    };
    assert!(!two_rounds(false).is_empty(), "some query needs two rounds without the dictionary");
    assert_eq!(two_rounds(true), Vec::<String>::new(), "queries needing a second round with the dictionary");
}

/// A word the corpus has often is taken as typed, so a query for it fetches its own postings
/// only, not those of every word a typo away (each of which is one more request, most of them
/// in other shards); a word the corpus lacks asks for its neighbours'.
#[test]
fn a_common_word_fetches_no_postings_of_its_typo_neighbours() {
    let mut docs = corpus();
    let sentences = ["Sepak bola nasional.", "Sejak pagi hujan.", "Semak belukar terbakar.", "Sesak napas warga."];
    for (i, text) in sentences.iter().cycle().take(80).enumerate() {
        docs.push(Document::new(format!("sport-{i}"), *text));
    }
    let memory = Collection::new(docs, Matcher::bundled());
    let files = files_of(&memory);
    let postings = |q: &str| {
        let bundle = open(&files).unwrap();
        for need in bundle.dictionary_files() {
            bundle.load(need, &files[&bundle.file(need)]).unwrap();
        }
        let first = bundle.search(&Request { query: q, ..Request::default() });
        first.missing().iter().filter(|n| matches!(n, Need::Postings(_))).count()
    };
    assert_eq!(postings("sepak "), 1, "\"sepak\" alone, not \"sejak\", \"semak\" or \"sesak\"");
    assert!(postings("sehak ") > 1, "a word the corpus lacks asks for its neighbours'");
}

#[test]
fn a_damaged_or_foreign_bundle_is_an_error_naming_its_file() {
    let memory = Collection::new(corpus().into_iter().take(40).collect(), Matcher::bundled());
    let files = files_of(&memory);
    // The manifest: not JSON, another format, another version, other engine data.
    for (bad, says) in [
        (b"<html>".to_vec(), "not a Sorot bundle"),
        (br#"{"format":"x","version":1,"engine":"","documents":0,"meta":"m","bytes":0}"#.to_vec(), "format"),
        (
            String::from_utf8_lossy(&files[MANIFEST])
                .replace(&format!("\"version\": {FORMAT_VERSION}"), "\"version\": 99")
                .into_bytes(),
            "rebuild",
        ),
        (
            String::from_utf8_lossy(&files[MANIFEST]).replace("\"engine\": \"", "\"engine\": \"0").into_bytes(),
            "rebuild",
        ),
    ] {
        let e = Manifest::parse(&bad).unwrap_err();
        assert_eq!(e.file, MANIFEST);
        assert!(e.message.contains(says), "{e}");
    }
    // Every other file, cut short anywhere or with a byte changed: an error or the right
    // answer, never a panic.
    let names: Vec<&String> = files.keys().filter(|f| *f != MANIFEST).collect();
    for name in names {
        let good = &files[name];
        for cut in [0, 5, 7, good.len() / 2, good.len() - 1] {
            let mut damaged = files.clone();
            damaged.insert(name.clone(), good[..cut].to_vec());
            let e = read_everything(&damaged).unwrap_err();
            assert_eq!(&e.file, name, "{e}");
        }
    }
}

/// Opens the bundle, loads every file, and answers every query.
fn read_everything(files: &HashMap<String, Vec<u8>>) -> Result<(), BundleError> {
    let c = open(files)?;
    for need in c.every_file() {
        c.load(need, &fetcher(files)(&c.file(need))?)?;
    }
    for q in queries() {
        let r = c.search_with(&Request { query: &q, ..Request::default() }, fetcher(files))?;
        for h in &r.hits {
            c.snippet(h.doc as usize, &r.matched, 28).expect("loaded");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any byte of any file changed: reading it is an error naming the file, never a panic or
    /// a quietly different answer.
    #[test]
    fn a_changed_byte_is_an_error_naming_the_file(file in 0usize..1000, at in 0usize..100_000, byte in any::<u8>()) {
        let memory = Collection::new(corpus().into_iter().take(12).collect(), Matcher::bundled());
        let mut files = files_of(&memory);
        let mut names: Vec<String> = files.keys().cloned().collect();
        names.sort();
        let name = &names[file % names.len()];
        let bytes = files.get_mut(name).unwrap();
        let at = at % bytes.len();
        let changed = bytes[at] != byte;
        bytes[at] = byte;
        match read_everything(&files) {
            Ok(()) => prop_assert!(!changed || name == MANIFEST, "{name}: byte {at} changed, read as if whole"),
            // A changed manifest may name another metadata file, which is then the one missing.
            Err(e) => prop_assert!(&e.file == name || name == MANIFEST, "{name}: {e}"),
        }
    }
}

/// Found by `a_changed_byte_is_an_error_naming_the_file` (file 528, byte 86348 set to 35): a
/// manifest changed so that it names a metadata file the bundle does not have.
#[test]
fn a_manifest_naming_a_missing_metadata_file_is_an_error_naming_that_file() {
    let memory = Collection::new(corpus().into_iter().take(12).collect(), Matcher::bundled());
    let mut files = files_of(&memory);
    let manifest = Manifest::parse(&files[MANIFEST]).unwrap();
    let text = String::from_utf8(files[MANIFEST].clone()).unwrap();
    let elsewhere = manifest.meta.replace("meta", "mota");
    files.insert(MANIFEST.into(), text.replace(&manifest.meta, &elsewhere).into_bytes());
    let e = open(&files).unwrap_err();
    assert_eq!(e.file, elsewhere);
}
