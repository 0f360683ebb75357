//! Walking a folder safely: every `.txt`, `.jsonl` and `.ndjson` file under it, in path order,
//! named by its path relative to the folder, with each problem reported where it is met.
//!
//! Symbolic links are not followed unless asked; when they are, a folder already visited (a
//! loop) is not entered again. An unreadable folder or entry is reported and the walk goes on.
//! Non-regular files (FIFOs, sockets, devices) are returned with their metadata so that the
//! caller reports and skips them instead of blocking on them.

use std::collections::HashSet;
use std::fs::Metadata;
use std::path::{Path, PathBuf};

/// One thing the walk met, in path order.
#[derive(Debug)]
pub(crate) enum Found {
    /// A file to read: its path, its document id, and its metadata (of the link's target for a
    /// followed link).
    File { path: PathBuf, id: String, meta: Metadata },
    /// Something that could not be read: a problem to report.
    Problem(String),
    /// Something left out on purpose, worth saying (a link not followed).
    Note(String),
}

/// True for the files the walk returns.
fn wanted(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "jsonl" | "ndjson"))
}

/// Everything under the folder `root`.
pub(crate) fn walk(root: &Path, follow_symlinks: bool) -> Vec<Found> {
    let mut found: Vec<(PathBuf, Found)> = Vec::new();
    let mut visited: HashSet<PathBuf> = HashSet::new();
    if let Ok(canonical) = root.canonicalize() {
        visited.insert(canonical);
    }
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                found.push((dir.clone(), Found::Problem(format!("{}: {e}; folder skipped", dir.display()))));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    found.push((dir.clone(), Found::Problem(format!("{}: {e}", dir.display()))));
                    continue;
                }
            };
            let path = entry.path();
            let meta = match entry.metadata() {
                Ok(m) => m,
                Err(e) => {
                    found.push((path.clone(), Found::Problem(format!("{}: {e}", path.display()))));
                    continue;
                }
            };
            let meta = if meta.file_type().is_symlink() {
                if !follow_symlinks {
                    let note =
                        format!("{}: a symbolic link, not followed (--follow-symlinks follows links)", path.display());
                    found.push((path.clone(), Found::Note(note)));
                    continue;
                }
                match std::fs::metadata(&path) {
                    Ok(m) => m,
                    Err(e) => {
                        found.push((path.clone(), Found::Problem(format!("{}: broken link ({e})", path.display()))));
                        continue;
                    }
                }
            } else {
                meta
            };
            if meta.is_dir() {
                // A folder met again through a link is a loop: not entered twice.
                let again = path.canonicalize().is_ok_and(|c| !visited.insert(c));
                if again {
                    let note = format!("{}: a folder already read (a link loop); not read again", path.display());
                    found.push((path.clone(), Found::Note(note)));
                } else {
                    stack.push(path);
                }
            } else if wanted(&path) {
                let id = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().into_owned();
                found.push((path.clone(), Found::File { path, id, meta }));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.into_iter().map(|(_, f)| f).collect()
}
