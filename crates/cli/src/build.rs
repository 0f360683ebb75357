//! `sorot build PATH… --out DIR`: annotates and indexes a corpus once and writes it as a
//! bundle (see `docs/BUNDLE.md`) that the explorer opens with `?corpus=<the folder's URL>/`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use sorot_engine::bundle::{self, MANIFEST};
use sorot_engine::collection::CollectionBuilder;
use sorot_engine::corpus::{parse_jsonl_bytes, Document};
use sorot_engine::matcher::Matcher;

use crate::walk::{walk, Found};

/// A folder's own description of its files, as `seeds/corpus.toml` gives it.
#[derive(serde::Deserialize)]
struct FolderManifest {
    document: Vec<Entry>,
}

#[derive(serde::Deserialize)]
struct Entry {
    file: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    outlet: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    url: String,
}

/// The documents of every path, in order, the first of each id kept; problems reported.
struct Reader {
    docs: Vec<Document>,
    ids: HashSet<String>,
    problems: usize,
    skipped: usize,
}

impl Reader {
    fn problem(&mut self, msg: std::fmt::Arguments<'_>) {
        self.problems += 1;
        eprintln!("sorot: {msg}");
    }

    fn push(&mut self, doc: Document, place: std::fmt::Arguments<'_>) {
        if self.ids.insert(doc.id.clone()) {
            self.docs.push(doc);
        } else {
            self.skipped += 1;
            self.problem(format_args!("{place}: the id {:?} is taken by an earlier document; skipped", doc.id));
        }
    }

    fn path(&mut self, path: &Path, follow_symlinks: bool) {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => return self.problem(format_args!("{}: {e}", path.display())),
        };
        if !meta.is_dir() {
            let id = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            return self.file(path, &id, None);
        }
        let described = self.folder_manifest(path);
        for found in walk(path, follow_symlinks) {
            match found {
                Found::File { path: file, id, meta } if meta.is_file() => {
                    let entry = described.as_ref().map(|d| d.get(&id));
                    match entry {
                        Some(None) => eprintln!("sorot: note: {}: not listed in corpus.toml; left out", file.display()),
                        Some(Some(e)) => self.file(&file, &id, Some(e)),
                        None => self.file(&file, &id, None),
                    }
                }
                Found::File { path: file, .. } => {
                    self.problem(format_args!("{}: not a regular file; skipped", file.display()))
                }
                Found::Problem(msg) => self.problem(format_args!("{msg}")),
                Found::Note(msg) => eprintln!("sorot: note: {msg}"),
            }
        }
    }

    /// `corpus.toml` of a folder, by file: title, outlet, date and URL of each listed file.
    fn folder_manifest(&mut self, dir: &Path) -> Option<HashMap<String, Entry>> {
        let path = dir.join("corpus.toml");
        let text = std::fs::read_to_string(&path).ok()?;
        match toml::from_str::<FolderManifest>(&text) {
            Ok(m) => Some(m.document.into_iter().map(|e| (e.file.clone(), e)).collect()),
            Err(e) => {
                self.problem(format_args!("{}: {e}; the folder is read without it", path.display()));
                None
            }
        }
    }

    fn file(&mut self, path: &Path, id: &str, entry: Option<&Entry>) {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return self.problem(format_args!("{}: {e}", path.display())),
        };
        if matches!(path.extension().and_then(|e| e.to_str()), Some("jsonl" | "ndjson")) {
            let parsed = parse_jsonl_bytes(&bytes);
            for e in &parsed.errors {
                self.skipped += 1;
                self.problem(format_args!("{}:{}: {}; line skipped", path.display(), e.line, e.message));
            }
            for e in &parsed.altered {
                self.problem(format_args!("{}:{}: {}", path.display(), e.line, e.message));
            }
            for d in parsed.documents {
                self.push(d, format_args!("{}", path.display()));
            }
            return;
        }
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                self.problem(format_args!("{}: invalid UTF-8 from byte {at} replaced with U+FFFD", path.display()));
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        };
        let mut doc = Document::new(id, text);
        if let Some(e) = entry {
            let given = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
            doc.title = given(&e.title);
            doc.outlet = given(&e.outlet);
            doc.date = given(&e.date);
            doc.url = given(&e.url);
        }
        self.push(doc, format_args!("{}", path.display()));
    }
}

/// Runs `sorot build`; `args` are what follows `build`.
pub(crate) fn run(args: &[String], usage: &str) -> ExitCode {
    let follow = args.iter().any(|a| a == "--follow-symlinks");
    let mut out: Option<PathBuf> = None;
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--follow-symlinks" => {}
            "--out" => out = it.next().map(PathBuf::from),
            _ => paths.push(a),
        }
    }
    let (Some(out), false) = (out, paths.is_empty()) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let t0 = Instant::now();
    let mut reader = Reader { docs: Vec::new(), ids: HashSet::new(), problems: 0, skipped: 0 };
    for p in &paths {
        reader.path(Path::new(p.as_str()), follow);
    }
    if reader.docs.is_empty() {
        eprintln!("sorot: no document to build a bundle of");
        return ExitCode::FAILURE;
    }
    let t_read = t0.elapsed();
    let n = reader.docs.len();
    let mut b = CollectionBuilder::new(Matcher::bundled());
    for d in std::mem::take(&mut reader.docs) {
        b.add(d);
    }
    let c = b.finish();
    let t_index = t0.elapsed();
    let files = match bundle::write(&c) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("sorot: {e}");
            return ExitCode::FAILURE;
        }
    };
    drop(c);
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    let count = files.len();
    if let Err(e) = write_files(&out, files) {
        eprintln!("sorot: writing {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "sorot: {n} document(s) built into {} ({count} files, {:.1} MB): read {:.1} s, annotate and index {:.1} s, write {:.1} s{}",
        out.display(),
        bytes as f64 / 1e6,
        t_read.as_secs_f64(),
        (t_index - t_read).as_secs_f64(),
        (t0.elapsed() - t_index).as_secs_f64(),
        if reader.problems > 0 {
            format!("; {} skipped, {} problem(s) reported above", reader.skipped, reader.problems)
        } else {
            String::new()
        }
    );
    ExitCode::SUCCESS
}

/// The bundle's folders: a file in them that the new bundle does not name is from an earlier
/// build, and is removed.
const DIRS: [&str; 7] = sorot_engine::bundle::FOLDERS;

fn write_files(out: &Path, files: Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    for d in DIRS {
        std::fs::create_dir_all(out.join(d))?;
    }
    let names: HashSet<String> = files.iter().map(|f| f.0.clone()).collect();
    let mut manifest = None;
    for (name, bytes) in files {
        if name == MANIFEST {
            manifest = Some(bytes);
            continue;
        }
        let path = out.join(&name);
        // Content-hashed: a file already there with this name holds these bytes.
        if std::fs::metadata(&path).map(|m| m.len() as usize == bytes.len()).unwrap_or(false) {
            continue;
        }
        std::fs::write(path, bytes)?;
    }
    // The manifest last, so that a page never reads one naming files not written yet.
    std::fs::write(out.join(MANIFEST), manifest.expect("a bundle has a manifest"))?;
    for d in DIRS {
        for e in std::fs::read_dir(out.join(d))? {
            let e = e?;
            let name = format!("{d}/{}", e.file_name().to_string_lossy());
            if name.ends_with(".bin") && !names.contains(&name) && e.file_type()?.is_file() {
                std::fs::remove_file(e.path())?;
            }
        }
    }
    Ok(())
}
