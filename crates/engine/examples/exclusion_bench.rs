//! What leaving a form out costs, on a real corpus: the time to recount in memory (and the
//! time of a whole-corpus entity count, its peer, in the same process), and over a bundle how
//! many texts must be read (and how many bytes) before the counts are exact.
//!   cargo run --release -p sorot-engine --example exclusion_bench -- CORPUS.jsonl [CODE:FORM…]
//! Without forms, it leaves out the rarest and the most frequent form of a few entities.

use std::collections::HashMap;
use std::time::Instant;

use sorot_engine::bundle::{Manifest, MANIFEST};
use sorot_engine::collection::{Collection, CollectionBuilder};
use sorot_engine::corpus::parse_jsonl;
use sorot_engine::exclusion::Exclusions;
use sorot_engine::gazetteer::Gazetteer;
use sorot_engine::matcher::Matcher;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().expect("usage: exclusion_bench CORPUS.jsonl [CODE:FORM…]");
    let parsed = parse_jsonl(&std::fs::read_to_string(path).expect("corpus"));
    let mut b = CollectionBuilder::new(Matcher::bundled());
    for d in parsed.documents {
        b.add(d);
    }
    let c = b.finish();
    let g = c.gazetteer();
    let all: Vec<usize> = (0..c.len()).collect();
    let mut asked: Vec<(String, String)> =
        args[1..].iter().filter_map(|a| a.split_once(':')).map(|(e, f)| (e.to_string(), f.to_string())).collect();
    if asked.is_empty() {
        for code in ["JO", "NL", "US"] {
            let Some(e) = g.entity_by_code(code) else { continue };
            let forms = c.surface_forms(&all, e).forms;
            for f in [forms.last(), forms.first()].into_iter().flatten() {
                asked.push((code.to_string(), f.form.clone()));
            }
        }
    }

    let files: HashMap<String, Vec<u8>> = sorot_engine::bundle::write(&c).expect("bundle").into_iter().collect();
    let manifest = Manifest::parse(&files[MANIFEST]).expect("manifest");
    println!("{} articles; peer: one whole-corpus entity count", c.len());
    println!(
        "{:<28} {:>9} {:>11} {:>9} {:>8} {:>12} {:>12}",
        "form left out", "mentions", "recount ms", "peer ms", "ratio", "texts read", "text bytes"
    );
    for (code, form) in &asked {
        let Some(e) = g.entity_by_code(code) else {
            println!("{code}: no such entity");
            continue;
        };
        let x = Exclusions::new([(e, form.as_str())]);
        let before: u32 =
            c.surface_forms(&all, e).forms.iter().filter(|f| f.form == x.forms()[0].1).map(|f| f.mentions).sum();
        let t = Instant::now();
        c.exclude(x.clone());
        let recount = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let _ = c.entity_counts(&all);
        let peer = t.elapsed().as_secs_f64() * 1e3;
        c.exclude(Exclusions::default());

        // Over a bundle: what a page reads before its counts are exact.
        let bc =
            Collection::from_bundle(&manifest, &files[&manifest.meta], Gazetteer::bundled().clone()).expect("open");
        bc.exclude(x);
        let (mut texts, mut bytes) = (0usize, 0usize);
        loop {
            let needs = bc.exclusion_needs(64);
            if needs.is_empty() {
                break;
            }
            for n in needs {
                let f = &files[&bc.file(n)];
                bytes += f.len();
                texts += 1;
                bc.load(n, f).expect("load");
            }
        }
        println!(
            "{:<28} {:>9} {:>11.1} {:>9.1} {:>8.1} {:>12} {:>12}",
            format!("{code}:{form}"),
            before,
            recount,
            peer,
            recount / peer.max(1e-6),
            texts,
            bytes
        );
    }
}
