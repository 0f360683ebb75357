//! Heap used while a corpus is read, annotated and indexed, phase by phase, with a counting
//! allocator: what is live after each phase and the peak so far. The explorer's WebAssembly
//! memory is at least the peak (it never shrinks).
//!   cargo run --release -p sorot-engine --example memory [-- CORPUS.jsonl]
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use sorot_engine::collection::CollectionBuilder;
use sorot_engine::corpus::parse_jsonl_bytes;
use sorot_engine::matcher::Matcher;

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let path =
        std::env::args().nth(1).unwrap_or_else(|| root.join("../shared/corpora/clickid.jsonl").display().to_string());
    let mb = |b: usize| b as f64 / 1048576.0;
    let report = |phase: &str| {
        println!("{phase:<28} live {:>7.1} MB   peak {:>7.1} MB", mb(LIVE.load(Relaxed)), mb(PEAK.load(Relaxed)))
    };
    let matcher = Matcher::bundled();
    report("gazetteer compiled");
    let bytes = std::fs::read(&path).expect("corpus");
    report("file read");
    let parsed = parse_jsonl_bytes(&bytes);
    report("parsed");
    drop(bytes);
    report("file dropped");
    let mut b = CollectionBuilder::new(matcher);
    let n = parsed.documents.len();
    for d in parsed.documents {
        b.add(d);
    }
    report("annotated and indexed");
    let c = b.finish();
    report("collection finished");
    println!("{n} documents; index {:.1} MB by its own estimate", mb(c.index().expect("in memory").heap_bytes()));
}
