//! The explorer's components, one per file. They read the corpus, the view state and the
//! current answer from context ([`context`]) and move between states through the history
//! ([`history`]); all logic they need lives in the engine or in the pure modules.
//!
//! [`Reader`], [`Facets`] and [`Results`] are public so that browser tests (`tests/web.rs`) can mount them
//! alone over a small collection.

mod app;
mod chart_image;
pub mod context;
mod cooccurrence;
mod download;
mod embed;
mod facets;
pub mod files;
mod forms;
pub mod history;
mod kwic;
pub mod links;
mod loader;
mod map;
mod overview;
mod reader;
mod result_exports;
mod results;
mod search_box;
mod timeline;

pub use app::App;
pub use facets::Facets;
pub use reader::Reader;
pub use results::Results;

/// A promise that resolves to `undefined` after `ms` milliseconds, and its timer's handle (for
/// `clear_timeout_with_handle`).
fn timeout(ms: i32) -> (js_sys::Promise, i32) {
    let mut handle = 0;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        handle = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap_or_default();
    });
    (promise, handle)
}

/// Lets the browser paint and handle input before the next slice of a long piece of work
/// (loading a corpus, building a huge article).
async fn yield_to_page() {
    let _ = wasm_bindgen_futures::JsFuture::from(timeout(0).0).await;
}
