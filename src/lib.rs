//! Sorot's explorer: a Leptos client-side app over the engine in `crates/engine`.
//!
//! Pure modules ([`bundled`], [`url`], [`render`]) hold the logic and are tested natively;
//! [`ui`] holds the components, one per file, which only call them.

pub mod bundled;
pub mod render;
pub mod ui;
pub mod url;
