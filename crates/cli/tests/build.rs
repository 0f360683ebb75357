//! `sorot build`: the seeds' folder, with its corpus.toml, becomes a bundle that reads back
//! with the manifest's titles and answers searches; a rebuild leaves no stale file; bad
//! arguments and empty input are refused.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sorot_engine::bundle::{BundleError, Manifest, MANIFEST};
use sorot_engine::collection::{Collection, Request};
use sorot_engine::gazetteer::Gazetteer;

fn sorot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sorot")).args(args).output().expect("sorot runs")
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sorot-build-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn open(dir: &Path) -> Collection {
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap();
    let manifest = Manifest::parse(&read(MANIFEST)).unwrap();
    Collection::from_bundle(&manifest, &read(&manifest.meta), Gazetteer::bundled().clone()).unwrap()
}

#[test]
fn the_seeds_folder_becomes_a_bundle_with_the_titles_of_its_corpus_toml() {
    let out = temp("seeds");
    let run = sorot(&["build", seeds().to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(String::from_utf8_lossy(&run.stderr).contains("5 document(s) built"));
    let c = open(&out);
    assert_eq!(c.len(), 5);
    let fetch = |name: &str| {
        std::fs::read(out.join(name)).map_err(|e| BundleError { file: name.into(), message: e.to_string() })
    };
    let r = c.search_with(&Request { query: "rusia", ..Request::default() }, fetch).unwrap();
    assert!(!r.hits.is_empty());
    c.load_texts_with(0..c.len(), fetch).unwrap();
    let toml = std::fs::read_to_string(seeds().join("corpus.toml")).unwrap();
    let first = c.document(0).unwrap();
    assert_eq!(first.id, "000_b8a51dd5a0e922bf.txt");
    let title = first.title.as_deref().unwrap();
    assert!(toml.contains(&format!("title = \"{title}\"")), "{title}");
    assert_eq!(first.outlet.as_deref(), Some("Radar Kaur"));
    assert_eq!(first.date, None, "an empty date in corpus.toml is no date");

    // A rebuild into the same folder removes what the new bundle does not name.
    let stale = out.join("terms/0000000000000000.bin");
    std::fs::write(&stale, b"old").unwrap();
    assert!(sorot(&["build", seeds().to_str().unwrap(), "--out", out.to_str().unwrap()]).status.success());
    assert!(!stale.exists());
    assert_eq!(open(&out).len(), 5);
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn bad_arguments_and_nothing_to_read_are_refused() {
    assert_eq!(sorot(&["build", "--out"]).status.code(), Some(2));
    assert_eq!(sorot(&["build", seeds().to_str().unwrap()]).status.code(), Some(2), "no --out");
    let out = temp("none");
    let run = sorot(&["build", "/nonexistent/corpus.jsonl", "--out", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("/nonexistent/corpus.jsonl") && err.contains("no document"), "{err}");
    assert!(!out.join(MANIFEST).exists());
}
