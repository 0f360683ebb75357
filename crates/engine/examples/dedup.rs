//! Near-duplicate clusters of a corpus ("unique stories"): how many documents, how many
//! clusters, how many documents sit in a cluster of two or more, the largest clusters with two
//! titles each, the figures at other thresholds, and the time for the signatures and for the
//! clustering.
//!   cargo run --release -p sorot-engine --example dedup -- CORPUS.jsonl [--sample N]
//! `--sample N` also lists every member of N multi-member clusters spread over the corpus
//! (id, outlet, date, similarity to the cluster's first document, title), to be checked by eye.
//! `--members` ends with every document of a multi-member cluster as `id<TAB>first id`, for
//! checking against another measure.

use std::time::Instant;

use sorot_engine::corpus::{parse_jsonl, Document};
use sorot_engine::dedup::{clusters, clusters_at, signature, Signature, THRESHOLD};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.iter().find(|a| !a.starts_with("--") && a.parse::<usize>().is_err());
    let path = path.expect("usage: dedup CORPUS.jsonl [--sample N] [--members]");
    let sample: usize = args
        .iter()
        .position(|a| a == "--sample")
        .map(|i| args.get(i + 1).and_then(|n| n.parse().ok()).expect("--sample N"))
        .unwrap_or(0);
    let list_members = args.iter().any(|a| a == "--members");
    let parsed = parse_jsonl(&std::fs::read_to_string(path).expect("corpus"));
    let docs = parsed.documents;

    let t = Instant::now();
    let sigs: Vec<Signature> = docs.iter().map(|d| signature(&d.text)).collect();
    let signing = t.elapsed();
    let t = Instant::now();
    let cluster_of = clusters(&sigs);
    let clustering = t.elapsed();

    let sizes = cluster_sizes(&cluster_of);
    let multi: Vec<(u32, usize)> = {
        let mut m: Vec<(u32, usize)> = sizes.iter().copied().filter(|&(_, n)| n > 1).collect();
        m.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        m
    };
    let empty = sigs.iter().filter(|s| s.is_empty()).count();
    println!("corpus: {path}");
    println!("documents: {} ({empty} with fewer than 5 words)", docs.len());
    println!("clusters at {THRESHOLD}: {}", sizes.len());
    println!(
        "documents in multi-member clusters: {} in {} clusters ({:.1}% of documents)",
        multi.iter().map(|m| m.1).sum::<usize>(),
        multi.len(),
        100.0 * multi.iter().map(|m| m.1).sum::<usize>() as f64 / docs.len().max(1) as f64
    );
    println!(
        "time: signatures {:.0} ms ({:.1} µs a document), clustering {:.0} ms",
        signing.as_secs_f64() * 1e3,
        signing.as_secs_f64() * 1e6 / docs.len().max(1) as f64,
        clustering.as_secs_f64() * 1e3
    );

    println!("\n| threshold | clusters | documents in multi-member clusters | clustering ms |");
    println!("|---|---|---|---|");
    for threshold in [0.4, 0.5, 0.6, 0.7, 0.8, 0.9] {
        let t = Instant::now();
        let c = clusters_at(&sigs, threshold);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        let s = cluster_sizes(&c);
        let dup: usize = s.iter().filter(|x| x.1 > 1).map(|x| x.1).sum();
        println!("| {threshold} | {} | {dup} | {ms:.0} |", s.len());
    }

    println!("\nlargest clusters:{}", if multi.is_empty() { " none" } else { "" });
    for &(c, n) in multi.iter().take(12) {
        let members: Vec<usize> = (0..docs.len()).filter(|&d| cluster_of[d] == c).collect();
        println!("  {n} documents, e.g.");
        for &d in members.iter().take(2) {
            println!("    {} {}", docs[d].id, line(&docs[d]));
        }
    }

    if sample > 0 && !multi.is_empty() {
        println!("\nsampled clusters:");
        let mut by_first: Vec<u32> = multi.iter().map(|m| m.0).collect();
        by_first.sort_unstable();
        let step = (by_first.len() / sample).max(1);
        for &c in by_first.iter().step_by(step).take(sample) {
            let first = c as usize;
            println!("  cluster {}:", docs[first].id);
            for d in (0..docs.len()).filter(|&d| cluster_of[d] == c).take(8) {
                println!("    {:.2} {} {}", sigs[first].similarity(&sigs[d]), docs[d].id, line(&docs[d]));
            }
        }
    }

    if list_members {
        println!("\nmembers:");
        for (d, &c) in cluster_of.iter().enumerate() {
            if sizes[sizes.partition_point(|s| s.0 < c)].1 > 1 {
                println!("{}\t{}", docs[d].id, docs[c as usize].id);
            }
        }
    }
}

/// Each cluster and its size, by cluster id.
fn cluster_sizes(cluster_of: &[u32]) -> Vec<(u32, usize)> {
    let mut n = vec![0usize; cluster_of.len()];
    for &c in cluster_of {
        n[c as usize] += 1;
    }
    n.iter().enumerate().filter(|x| *x.1 > 0).map(|(c, &k)| (c as u32, k)).collect()
}

fn line(d: &Document) -> String {
    format!(
        "[{} {}] {} ({} words)",
        d.outlet.as_deref().unwrap_or("-"),
        d.date.as_deref().unwrap_or("-"),
        d.display_title(),
        d.text.split_whitespace().count()
    )
}
