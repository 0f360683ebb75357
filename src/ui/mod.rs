//! The explorer's components, one per file. They read the corpus from context and the view
//! state from the URL; all logic they need lives in the engine or in the pure modules.

mod app;
mod facets;
mod loader;
mod nav;
mod reader;
mod results;
mod search_box;

pub use app::App;
