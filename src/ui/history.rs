//! The URL as the source of truth: reading the view state from the page's address, and moving
//! to another state through the browser history (links, the search box, Back and Forward).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::context::View;
use crate::url::ViewState;

/// How a state change enters the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A new entry: Back returns to the previous state (opening a document, picking an entity).
    Push,
    /// Replace the current entry (typing in the search box), so history is not flooded.
    Replace,
}

/// The view state in the page's current URL.
pub fn current_state() -> ViewState {
    ViewState::from_query(&window().location().search().unwrap_or_default())
}

/// The link target for a state: its query string, or the page's own path for the default
/// state. Relative, so the explorer works from any sub-path of a host.
pub fn href(state: &ViewState) -> String {
    let q = state.to_query();
    if q.is_empty() {
        window().location().pathname().unwrap_or_else(|_| "./".into())
    } else {
        q
    }
}

/// Moves to `next`: records it in the history and updates the view. Does nothing when `next`
/// is the current state.
pub fn go(view: View, next: ViewState, entry: Entry) {
    if view.0.with_untracked(|s| *s == next) {
        return;
    }
    let url = href(&next);
    if let Ok(history) = window().history() {
        let result = match entry {
            Entry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
            Entry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        };
        if let Err(e) = result {
            leptos::logging::warn!("could not update the URL: {e:?}");
        }
    }
    view.0.set(next);
}

/// True for a click that the browser should handle itself (new tab, new window, download).
pub fn is_modified_click(ev: &leptos::ev::MouseEvent) -> bool {
    ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()
}

/// The click handler of an in-app link: a plain click moves to `target()` with a new history
/// entry; a modified click (new tab, new window) is left to the browser.
pub fn on_link_click(
    view: View,
    target: impl Fn() -> ViewState + 'static,
) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    move |ev| {
        if is_modified_click(&ev) {
            return;
        }
        ev.prevent_default();
        go(view, target(), Entry::Push);
    }
}
