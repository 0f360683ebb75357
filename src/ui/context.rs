//! What the components share through context: the corpus, the view state, and the current
//! answer. Each is a newtype, provided once by the app and read with `expect_context`.

use std::sync::Arc;

use leptos::prelude::*;
use sorot_engine::collection::{Collection, Response};
use sorot_engine::exclusion::Exclusions;
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
    /// The answer to the current search: what the first screen of results shows.
    pub answer: Memo<Answer>,
    /// What the rest of the page follows (the facets, the overview, the results below the
    /// fold, the open article's hits). While typing, the same answer a frame later, once the
    /// page has shown the first screen of results, so that a keystroke puts its results on
    /// screen within a frame and the rest follows in the next. After a click or Back and
    /// Forward, the answer itself: the whole new view comes in one frame (see
    /// [`super::history::whole_at_once`]), sooner than in two.
    pub settled: Signal<Answer>,
    /// The selected entities that exist in this corpus's gazetteer.
    pub selected: Memo<Vec<EntityId>>,
    /// The surface forms left out (of entities that exist in this corpus's gazetteer), in
    /// force in the collection: whatever reads the collection's counts or mentions reads this
    /// first, so that it sees them applied.
    pub excluded: Memo<Exclusions>,
    /// Over a bundle, true from the frame after the page first became ready (its first
    /// results on screen): the overview's charts are made then, and the results below the
    /// first screen shown (and their texts fetched), so that neither holds back the first
    /// results (the first screen's texts would wait behind them). Always true in memory.
    pub charted: Signal<bool>,
}

/// The current view state, and the state in the address bar (see [`super::history`]): the two
/// differ only for a moment while typing, when the address is written once typing pauses.
///
/// Components read the current state through a memo, never the signal itself: a signal copies
/// its whole subscriber list on every change, readers long gone included. Links are made of the
/// address state, which changes only when the address does: a keystroke then updates no link
/// (see [`super::links`]).
#[derive(Clone, Copy)]
pub struct View {
    state: RwSignal<ViewState>,
    read: Memo<ViewState>,
    address: RwSignal<ViewState>,
}

impl View {
    /// A view state starting at `state`, which is also the address's.
    pub fn new(state: ViewState) -> View {
        let address = RwSignal::new(state.clone());
        let state = RwSignal::new(state);
        View { state, read: Memo::new(move |_| state.get()), address }
    }

    /// Reads the current state, tracking it.
    pub fn with<R>(&self, f: impl FnOnce(&ViewState) -> R) -> R {
        self.read.with(f)
    }

    /// Reads the current state without tracking it.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&ViewState) -> R) -> R {
        self.state.with_untracked(f)
    }

    /// Reads the state in the address bar, tracking it: what links are made of.
    pub fn link<R>(&self, f: impl FnOnce(&ViewState) -> R) -> R {
        self.address.with(f)
    }

    /// Changes the current state; [`super::history::go`] also writes the address.
    pub fn set(&self, next: ViewState) {
        self.state.set(next);
    }

    /// Changes the current state in place (for tests; the app moves with
    /// [`super::history::go`]).
    pub fn update(&self, f: impl FnOnce(&mut ViewState)) {
        self.state.update(f);
    }

    /// Reads the state in the address bar without tracking it.
    pub fn link_untracked<R>(&self, f: impl FnOnce(&ViewState) -> R) -> R {
        self.address.with_untracked(f)
    }

    /// Records that the address bar now shows `state`: links are made for it from now on, and
    /// those made before are rewritten once the next frame is painted.
    pub(super) fn set_address(&self, state: ViewState) {
        self.address.set(state);
        super::links::readdress();
    }
}

/// Runs `then` once the frame being prepared has been painted: a timer set from that frame's
/// animation callback (how the page puts the first results on screen before what follows them).
pub fn after_paint(then: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(then, std::time::Duration::ZERO));
}
