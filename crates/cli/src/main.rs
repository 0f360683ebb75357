//! `sorot`: the command line of the Sorot engine.
//!
//! `sorot annotate PATH…` prints one JSON object per mention of a country or international
//! organization found in the given `.txt` files, folders of them, and JSON Lines corpora.

mod build;
mod walk;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use sorot_engine::corpus::{parse_line, split_lines, Document, JsonLines};
use sorot_engine::matcher::Matcher;
use sorot_engine::{annotate_with, Annotation};

use crate::walk::{walk, Found};

const USAGE: &str = "\
sorot: find mentions of countries and international organizations in news text

Usage:
  sorot annotate [--follow-symlinks] PATH...
                           print one JSON object per mention, one per line:
                           {\"doc\",\"entity\",\"kind\",\"text\",\"start\",\"end\",\"alias\"}
                           and \"corrected\": true for a misspelled name (start/end are
                           byte offsets into the document's UTF-8 text)
  sorot build [--follow-symlinks] PATH... --out DIR
                           annotate and index once, and write a bundle into DIR that the
                           explorer opens with ?corpus=<DIR's URL>/ (docs/BUNDLE.md); a folder
                           with a corpus.toml (as seeds/ has) takes titles, outlets, dates
                           and URLs from it
  sorot --help             show this help

PATH may be a .txt file (its file name is the document id), a .jsonl file of objects
with \"id\" and \"text\" (the shape of ../shared/corpora/*.jsonl), or a folder, which is
read recursively for .txt and .jsonl files in name order; a file found in a folder is
named by its path relative to that folder. Symbolic links inside a folder are not
followed unless --follow-symlinks is given (loops are then detected), and only regular
files are read.

Problems with one file or line are reported on standard error, naming it, and the rest
goes on; the exit status is 1 if there was any. JSON Lines follow the explorer's rules:
a line that is not a record with \"id\" and \"text\" is skipped, and so is a repeated id
(the first is kept); invalid UTF-8 (in .txt files too) becomes U+FFFD and a number read
as text is kept, each reported. A summary of documents read, annotated, altered and
skipped ends the run.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("annotate") => {
            let follow = args.iter().any(|a| a == "--follow-symlinks");
            let paths: Vec<&String> = args[1..].iter().filter(|a| *a != "--follow-symlinks").collect();
            if paths.is_empty() {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
            annotate(&paths, follow)
        }
        Some("build") => build::run(&args[1..], USAGE),
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

fn annotate(paths: &[&String], follow_symlinks: bool) -> ExitCode {
    let matcher = Matcher::bundled();
    let stdout = io::stdout().lock();
    let mut out =
        Annotator { matcher, out: BufWriter::with_capacity(1 << 16, stdout), problems: 0, counts: Counts::default() };
    let result = paths.iter().try_for_each(|p| out.path(Path::new(p.as_str()), follow_symlinks));
    let result = result.and_then(|()| out.out.flush());
    if let Err(e) = result {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        eprintln!("sorot: writing output: {e}");
        return ExitCode::FAILURE;
    }
    let c = out.counts;
    eprintln!(
        "sorot: {} document(s) read: {} annotated ({} altered), {} skipped{}",
        c.read,
        c.annotated,
        c.altered,
        c.skipped,
        if out.problems > 0 { format!("; {} problem(s) reported above", out.problems) } else { String::new() }
    );
    if out.problems > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// What a run did with the documents it read: `read == annotated + skipped`.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    /// Documents (text files, and JSON Lines lines that are not blank).
    read: usize,
    /// Documents annotated, altered ones included.
    annotated: usize,
    /// Documents annotated after a reported change (invalid UTF-8 replaced, a field converted).
    altered: usize,
    /// Documents skipped, each reported.
    skipped: usize,
}

struct Annotator<W: Write> {
    matcher: &'static Matcher,
    out: W,
    problems: usize,
    counts: Counts,
}

impl<W: Write> Annotator<W> {
    fn problem(&mut self, msg: std::fmt::Arguments<'_>) {
        self.problems += 1;
        eprintln!("sorot: {msg}");
    }

    /// Annotates a path given on the command line. Errors are only those of writing the output;
    /// everything else is reported and the run goes on.
    fn path(&mut self, path: &Path, follow_symlinks: bool) -> io::Result<()> {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                self.problem(format_args!("{}: {e}", path.display()));
                return Ok(());
            }
        };
        if !meta.is_dir() {
            let id = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            return self.file(path, &id, &meta);
        }
        for found in walk(path, follow_symlinks) {
            match found {
                Found::File { path: file, id, meta } => self.file(&file, &id, &meta)?,
                Found::Problem(msg) => self.problem(format_args!("{msg}")),
                Found::Note(msg) => eprintln!("sorot: note: {msg}"),
            }
        }
        Ok(())
    }

    /// Annotates one file, named `id`, and flushes what it printed. Errors are only those of
    /// writing the output.
    fn file(&mut self, path: &Path, id: &str, meta: &std::fs::Metadata) -> io::Result<()> {
        if !meta.is_file() {
            self.problem(format_args!("{}: not a regular file; skipped", path.display()));
            return Ok(());
        }
        let read = match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl" | "ndjson") => self.jsonl(path),
            _ => self.txt(path, id),
        };
        match read {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe || e.kind() == io::ErrorKind::WriteZero => Err(e),
            Err(e) => {
                self.problem(format_args!("{}: {e}", path.display()));
                self.out.flush()
            }
            Ok(()) => self.out.flush(),
        }
    }

    fn txt(&mut self, path: &Path, id: &str) -> io::Result<()> {
        let bytes = std::fs::read(path)?;
        self.counts.read += 1;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                self.problem(format_args!("{}: invalid UTF-8 from byte {at} replaced with U+FFFD", path.display()));
                self.counts.altered += 1;
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        };
        self.counts.annotated += 1;
        for a in annotate_with(self.matcher, &Document::new(id, text)) {
            write_annotation(&mut self.out, &a)?;
        }
        Ok(())
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
                for line in r.lines {
                    match line {
                        LineOut::Skipped(at, msg) => {
                            self.counts.read += 1;
                            self.counts.skipped += 1;
                            self.problem(format_args!("{}:{at}: {msg}; line skipped", path.display()));
                        }
                        LineOut::Doc { line, id, output, altered } => {
                            self.counts.read += 1;
                            match records.accept_id(&id, line) {
                                Ok(()) => {
                                    for msg in &altered {
                                        self.problem(format_args!("{}:{line}: {msg}", path.display()));
                                    }
                                    self.counts.annotated += 1;
                                    self.counts.altered += usize::from(!altered.is_empty());
                                    self.out.write_all(&r.output[output])?;
                                }
                                Err(e) => {
                                    self.counts.skipped += 1;
                                    self.problem(format_args!("{}:{line}: {}", path.display(), e.message));
                                }
                            }
                        }
                    }
                }
            }
        }
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
    /// What each line that is not blank gave, in order.
    lines: Vec<LineOut>,
}

/// What one line gave.
enum LineOut {
    /// The line was skipped: (line, why).
    Skipped(usize, String),
    /// A document, its mentions' range of the batch's output, and what had to be changed to
    /// read it.
    Doc { line: usize, id: String, output: std::ops::Range<usize>, altered: Vec<String> },
}

const BATCH_BYTES: usize = 1 << 21;

/// Reads whole lines up to about `BATCH_BYTES`, numbering them as [`split_lines`] does (a lone
/// `\r` ends a line too).
fn read_batch(reader: &mut impl BufRead, next_line: &mut usize) -> io::Result<Batch> {
    let mut batch = Batch { first_line: *next_line, data: Vec::with_capacity(BATCH_BYTES + (1 << 16)) };
    while batch.data.len() < BATCH_BYTES {
        if reader.read_until(b'\n', &mut batch.data)? == 0 {
            break;
        }
    }
    *next_line += split_lines(&batch.data).count();
    Ok(batch)
}

fn annotate_batch(matcher: &Matcher, batch: &Batch) -> BatchOutput {
    let mut out = BatchOutput { output: Vec::new(), lines: Vec::new() };
    for (k, raw) in split_lines(&batch.data).enumerate() {
        let line = batch.first_line + k;
        match parse_line(raw, line) {
            Ok(None) => {}
            Ok(Some(record)) => {
                let from = out.output.len();
                for a in annotate_with(matcher, &record.doc) {
                    write_annotation(&mut out.output, &a).expect("writing to memory");
                }
                let output = from..out.output.len();
                out.lines.push(LineOut::Doc { line, id: record.doc.id, output, altered: record.altered });
            }
            Err(e) => out.lines.push(LineOut::Skipped(line, e.message)),
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
