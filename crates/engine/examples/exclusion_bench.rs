//! What leaving a form out costs, on a real corpus: the time to recount in memory (and the
//! time of a whole-corpus entity count, its peer, in the same process), and over a bundle what
//! must be read before the counts are exact: the entity's forms file (bytes, and the time to
//! load it and recount), beside the texts of every article mentioning the entity, which a
//! bundle without forms files had to read.
//!   cargo run --release -p sorot-engine --example exclusion_bench -- CORPUS.jsonl [CODE:FORM…]
//! Without forms, it leaves out the rarest and the most frequent form of a few entities.

use std::collections::HashMap;
use std::time::Instant;

use sorot_engine::bundle::{Manifest, Need, MANIFEST};
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
        "{:<28} {:>9} {:>11} {:>9} {:>8} {:>11} {:>13} {:>8} {:>12}",
        "form left out",
        "mentions",
        "recount ms",
        "peer ms",
        "ratio",
        "forms bytes",
        "load+recount",
        "texts",
        "text bytes"
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
        let mut bytes = 0usize;
        let t = Instant::now();
        for n in bc.exclusion_needs() {
            let f = &files[&bc.file(n)];
            bytes += f.len();
            bc.load(n, f).expect("load");
        }
        let load = t.elapsed().as_secs_f64() * 1e3;
        assert!(bc.exclusion_unread().is_empty(), "{code}: counted once its forms files are read");
        // What reading the texts instead would take: every article mentioning the entity.
        let mentioning: Vec<usize> =
            all.iter().copied().filter(|&d| c.doc_entities(d).iter().any(|x| x.0 == e)).collect();
        let text_bytes: usize = mentioning.iter().map(|&d| files[&bc.file(Need::Text(d as u32))].len()).sum();
        println!(
            "{:<28} {:>9} {:>11.1} {:>9.1} {:>8.1} {:>11} {:>13.1} {:>8} {:>12}",
            format!("{code}:{form}"),
            before,
            recount,
            peer,
            recount / peer.max(1e-6),
            bytes,
            load,
            mentioning.len(),
            text_bytes
        );
    }
}
