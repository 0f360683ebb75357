//! `sorot`: the command line of the Sorot engine.
//!
//! `sorot annotate PATH…` prints one JSON object per mention of a country or international
//! organization found in the given `.txt` files, folders of them, and JSON Lines corpora.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sorot_engine::corpus::{parse_jsonl, Document};
use sorot_engine::matcher::Matcher;
use sorot_engine::{annotate_with, Annotation};

const USAGE: &str = "\
sorot: find mentions of countries and international organizations in news text

Usage:
  sorot annotate PATH...   print one JSON object per mention, one per line:
                           {\"doc\",\"entity\",\"kind\",\"text\",\"start\",\"end\",\"alias\"}
                           (start/end are byte offsets into the document's UTF-8 text)
  sorot --help             show this help

PATH may be a .txt file (its file name is the document id), a .jsonl file of objects
with \"id\" and \"text\" (the shape of ../shared/corpora/*.jsonl), or a folder, which is
read recursively for .txt and .jsonl files in name order. Problems with one file or line
are reported on standard error, naming it, and the rest goes on; the exit status is 1 if
there was any.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("annotate") if args.len() > 1 => annotate(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn annotate(paths: &[String]) -> ExitCode {
    let matcher = Matcher::bundled();
    let stdout = io::stdout().lock();
    let mut out = Annotator { matcher, out: BufWriter::with_capacity(1 << 16, stdout), problems: 0 };
    for path in paths {
        if let Err(e) = out.path(Path::new(path)) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            out.problem(format_args!("{path}: {e}"));
        }
    }
    if let Err(e) = out.out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("sorot: writing output: {e}");
            return ExitCode::FAILURE;
        }
    }
    if out.problems > 0 {
        eprintln!("sorot: {} problem(s) reported above; everything else was annotated", out.problems);
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

struct Annotator<W: Write> {
    matcher: &'static Matcher,
    out: W,
    problems: usize,
}

impl<W: Write> Annotator<W> {
    fn problem(&mut self, msg: std::fmt::Arguments<'_>) {
        self.problems += 1;
        eprintln!("sorot: {msg}");
    }

    fn path(&mut self, path: &Path) -> io::Result<()> {
        let meta = std::fs::metadata(path)?;
        if meta.is_dir() {
            for file in walk(path)? {
                if let Err(e) = self.file(&file) {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        return Err(e);
                    }
                    self.problem(format_args!("{}: {e}", file.display()));
                }
            }
            Ok(())
        } else {
            self.file(path)
        }
    }

    fn file(&mut self, path: &Path) -> io::Result<()> {
        match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "ndjson") => self.jsonl(path),
            _ => self.txt(path),
        }
    }

    fn txt(&mut self, path: &Path) -> io::Result<()> {
        let bytes = std::fs::read(path)?;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                self.problem(format_args!("{}: not UTF-8 text (invalid byte at offset {at}); skipped", path.display()));
                return Ok(());
            }
        };
        let id = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        self.emit(&Document::new(id, text))
    }

    /// Streams a JSON Lines file line by line, so its size does not matter.
    fn jsonl(&mut self, path: &Path) -> io::Result<()> {
        let mut reader = BufReader::with_capacity(1 << 20, File::open(path)?);
        let mut raw = Vec::new();
        let mut line_no = 0;
        let mut seen = std::collections::HashSet::new();
        loop {
            raw.clear();
            if reader.read_until(b'\n', &mut raw)? == 0 {
                break;
            }
            line_no += 1;
            let Ok(line) = std::str::from_utf8(&raw) else {
                self.problem(format_args!("{}:{line_no}: not UTF-8; line skipped", path.display()));
                continue;
            };
            let line = if line_no == 1 { line.trim_start_matches('\u{feff}') } else { line };
            let parsed = parse_jsonl(line);
            if let Some(err) = parsed.errors.first() {
                self.problem(format_args!("{}:{line_no}: {}; line skipped", path.display(), err.message));
            }
            for doc in parsed.documents {
                if !seen.insert(doc.id.clone()) {
                    self.problem(format_args!("{}:{line_no}: duplicate id {:?}; annotated again", path.display(), doc.id));
                }
                self.emit(&doc)?;
            }
        }
        Ok(())
    }

    fn emit(&mut self, doc: &Document) -> io::Result<()> {
        for a in annotate_with(self.matcher, doc) {
            write_annotation(&mut self.out, &a)?;
        }
        Ok(())
    }
}

fn write_annotation(out: &mut impl Write, a: &Annotation<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, a).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// The `.txt` and `.jsonl` files under `dir`, recursively, in path order.
fn walk(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "jsonl" | "ndjson")) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}
