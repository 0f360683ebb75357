//! The explorer's own timings, for the browser benchmark (`bench/search-bench.js`): how long
//! each search took inside the engine, recorded by the search memo and read (and cleared) from
//! JavaScript as `wasmBindings.takeSearchTimes()`.
//!
//! ```
//! sorot_app::timing::record_search(1.5);
//! sorot_app::timing::record_search(0.5);
//! assert_eq!(sorot_app::timing::take_search_times(), [1.5, 0.5]);
//! assert!(sorot_app::timing::take_search_times().is_empty());
//! ```

use std::cell::RefCell;

/// At most this many timings are kept; older ones are dropped.
const KEEP: usize = 10_000;

thread_local! {
    static SEARCH_MS: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
}

/// Records that one search took `ms` milliseconds.
pub fn record_search(ms: f64) {
    SEARCH_MS.with_borrow_mut(|v| {
        if v.len() == KEEP {
            v.remove(0);
        }
        v.push(ms);
    });
}

/// The search timings recorded since the last call, oldest first.
pub fn take_search_times() -> Vec<f64> {
    SEARCH_MS.with_borrow_mut(std::mem::take)
}
