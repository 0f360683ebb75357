//! The explorer's components, one per file. They read the corpus, the view state and the
//! current answer from context ([`context`]) and move between states through the history
//! ([`history`]); all logic they need lives in the engine or in the pure modules.
//!
//! [`Reader`], [`Facets`] and [`Results`] are public so that browser tests (`tests/web.rs`) can mount them
//! alone over a small collection.

mod app;
pub mod context;
mod facets;
pub mod history;
mod loader;
mod reader;
mod results;
mod search_box;

pub use app::App;
pub use facets::Facets;
pub use reader::Reader;
pub use results::Results;
