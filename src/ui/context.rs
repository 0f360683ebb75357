//! What the components share through context: the corpus, the view state, and the current
//! answer. Each is a newtype, provided once by the app and read with `expect_context`.

use std::sync::Arc;

use leptos::prelude::*;
use sorot_engine::collection::{Collection, Response};
use sorot_engine::gazetteer::EntityId;

use crate::url::ViewState;

/// The annotated corpus, built once and shared by every component.
#[derive(Clone)]
pub struct Corpus(pub Arc<Collection>);

/// The answer to the current search, shared; equal only to itself, so that a new search always
/// counts as a change.
#[derive(Clone)]
pub struct Answer(pub Arc<Response>);

impl PartialEq for Answer {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The current answer and the selected entities, for the components that show them.
#[derive(Clone, Copy)]
pub struct Current {
    /// The answer to the current search.
    pub answer: Memo<Answer>,
    /// The selected entities that exist in this corpus's gazetteer.
    pub selected: Memo<Vec<EntityId>>,
}

/// The current view state, mirrored in the URL (see [`super::history`]).
#[derive(Clone, Copy)]
pub struct View(pub RwSignal<ViewState>);
