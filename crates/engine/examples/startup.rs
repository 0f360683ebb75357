//! Prints how long the bundled gazetteer takes to parse and compile, natively.
use std::time::Instant;
fn main() {
    let t = Instant::now();
    let m = sorot_engine::matcher::Matcher::bundled();
    println!("aliases {} in {:?}", m.gazetteer().aliases().len(), t.elapsed());
}
