//! The explorer's components, one per file. They read the corpus from context and the view
//! state from the URL; all logic they need lives in the engine or in the pure modules.

mod app;
mod doc_list;
mod entity_panel;
mod nav;
mod reader;
mod search_box;

pub use app::App;
