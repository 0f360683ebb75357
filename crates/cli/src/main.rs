//! `sorot`: the command line of the Sorot engine.
//!
//! `sorot annotate PATH…` prints one JSON object per mention of a country or international
//! organization found in the given `.txt` files, folders of them, and JSON Lines corpora.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sorot_engine::corpus::{parse_line, Document, JsonLines};
use sorot_engine::matcher::Matcher;
use sorot_engine::{annotate_with, Annotation};

const USAGE: &str = "\
sorot: find mentions of countries and international organizations in news text

Usage:
  sorot annotate PATH...   print one JSON object per mention, one per line:
                           {\"doc\",\"entity\",\"kind\",\"text\",\"start\",\"end\",\"alias\"}
                           and \"corrected\": true for a misspelled name (start/end are
                           byte offsets into the document's UTF-8 text)
  sorot --help             show this help

PATH may be a .txt file (its file name is the document id), a .jsonl file of objects
with \"id\" and \"text\" (the shape of ../shared/corpora/*.jsonl), or a folder, which is
read recursively for .txt and .jsonl files in name order. Problems with one file or line
are reported on standard error, naming it, and the rest goes on; the exit status is 1 if
there was any. In JSON Lines, a line that is not UTF-8 or not a record with \"id\" and
\"text\" is skipped, and so is a repeated id (the first is kept), as in the explorer.";

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

    /// Streams a JSON Lines file in batches of lines, so its size does not matter; the batches
    /// of one round are annotated in parallel and written in file order.
    fn jsonl(&mut self, path: &Path) -> io::Result<()> {
        let mut reader = BufReader::with_capacity(1 << 20, File::open(path)?);
        let mut next_line = 1;
        // The engine's reading policy: lines are parsed in the workers, ids checked here in order.
        let mut records = JsonLines::new();
        let threads = thread_count();
        loop {
            let mut batches = Vec::with_capacity(threads);
            while batches.len() < threads {
                let batch = read_batch(&mut reader, &mut next_line)?;
                if batch.data.is_empty() {
                    break;
                }
                batches.push(batch);
            }
            if batches.is_empty() {
                return Ok(());
            }
            let matcher = self.matcher;
            let results: Vec<BatchOutput> = std::thread::scope(|s| {
                let handles: Vec<_> = batches.iter().map(|b| s.spawn(move || annotate_batch(matcher, b))).collect();
                handles.into_iter().map(|h| h.join().expect("an annotation thread panicked")).collect()
            });
            for r in results {
                let mut problems = r.problems.into_iter().peekable();
                for (line, id, range) in r.docs {
                    while let Some((at, msg)) = problems.next_if(|p| p.0 < line) {
                        self.problem(format_args!("{}:{at}: {msg}; line skipped", path.display()));
                    }
                    match records.accept_id(&id, line) {
                        Ok(()) => self.out.write_all(&r.output[range])?,
                        Err(e) => self.problem(format_args!("{}:{line}: {}", path.display(), e.message)),
                    }
                }
                for (at, msg) in problems {
                    self.problem(format_args!("{}:{at}: {msg}; line skipped", path.display()));
                }
            }
        }
    }

    fn emit(&mut self, doc: &Document) -> io::Result<()> {
        for a in annotate_with(self.matcher, doc) {
            write_annotation(&mut self.out, &a)?;
        }
        Ok(())
    }
}

/// Lines of a JSON Lines file, read together.
struct Batch {
    /// Line number of the first line.
    first_line: usize,
    /// The raw lines, each ending with `\n` except perhaps the last of the file.
    data: Vec<u8>,
}

/// What annotating a batch produced.
struct BatchOutput {
    /// JSON Lines of the mentions, in order.
    output: Vec<u8>,
    /// (line, what is wrong) for lines that were skipped, in order.
    problems: Vec<(usize, String)>,
    /// (line, id, its mentions' range of `output`) of every document read, in order, for the
    /// duplicate check.
    docs: Vec<(usize, String, std::ops::Range<usize>)>,
}

const BATCH_BYTES: usize = 1 << 21;

/// Reads whole lines up to about `BATCH_BYTES`.
fn read_batch(reader: &mut impl BufRead, next_line: &mut usize) -> io::Result<Batch> {
    let mut batch = Batch { first_line: *next_line, data: Vec::with_capacity(BATCH_BYTES + (1 << 16)) };
    while batch.data.len() < BATCH_BYTES {
        if reader.read_until(b'\n', &mut batch.data)? == 0 {
            break;
        }
        *next_line += 1;
    }
    Ok(batch)
}

fn annotate_batch(matcher: &Matcher, batch: &Batch) -> BatchOutput {
    let mut out = BatchOutput { output: Vec::new(), problems: Vec::new(), docs: Vec::new() };
    for (k, raw) in batch.data.split_inclusive(|&b| b == b'\n').enumerate() {
        let line = batch.first_line + k;
        match parse_line(raw, line) {
            Ok(None) => {}
            Ok(Some(doc)) => {
                let from = out.output.len();
                for a in annotate_with(matcher, &doc) {
                    write_annotation(&mut out.output, &a).expect("writing to memory");
                }
                out.docs.push((line, doc.id, from..out.output.len()));
            }
            Err(e) => out.problems.push((line, e.message)),
        }
    }
    out
}

/// Worker threads: `SOROT_THREADS`, or one per core (at most 8).
fn thread_count() -> usize {
    std::env::var("SOROT_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()).min(8))
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
