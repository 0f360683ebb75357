//! The URL as the source of truth: reading the view state from the page's address, and moving
//! to another state through the browser history (links, the search box, Back and Forward).
//! While typing, the address is written once typing pauses ([`Entry::Replace`]); links are made
//! of the address's state ([`super::links`]), clicks act on the current one.

use std::cell::{Cell, RefCell};
use std::time::Duration;

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

/// How long typing must pause before the address bar follows it. Writing the history costs a
/// few milliseconds (up to ten), too much to pay on every keystroke.
const SETTLE: Duration = Duration::from_millis(250);

thread_local! {
    /// True from a move that is not typing until the frame it leads to is painted: see
    /// [`whole_at_once`].
    static AT_ONCE: Cell<bool> = const { Cell::new(false) };
    /// A replacement of the address waiting for typing to pause, and its timer.
    static PENDING: RefCell<Option<(String, ViewState, TimeoutHandle)>> = const { RefCell::new(None) };
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

/// Moves to `next`: updates the view at once, and the history: a new entry now for
/// [`Entry::Push`], the current entry once typing pauses for [`Entry::Replace`]. Does nothing
/// when `next` is the current state.
pub fn go(view: View, next: ViewState, entry: Entry) {
    if view.with_untracked(|s| *s == next) {
        return;
    }
    let url = href(&next);
    at_once(entry == Entry::Push);
    view.set(next.clone());
    match entry {
        Entry::Push => {
            // The entry being left gets what was typed into it before the new one is pushed.
            flush_pending(view);
            write(&url, Entry::Push);
            view.set_address(next);
        }
        Entry::Replace => {
            let handle = set_timeout_with_handle(move || flush_pending(view), SETTLE).ok();
            let previous = PENDING.with_borrow_mut(|p| std::mem::replace(p, handle.map(|h| (url, next, h))));
            if let Some((_, _, h)) = previous {
                h.clear();
            }
        }
    }
}

/// Follows the address after Back or Forward: the view becomes the state in the URL, and a
/// replacement still waiting for typing to pause is dropped (it belonged to the entry left).
pub fn arrive(view: View) {
    if let Some((_, _, h)) = PENDING.with_borrow_mut(Option::take) {
        h.clear();
    }
    let state = current_state();
    at_once(true);
    view.set(state.clone());
    view.set_address(state);
}

/// Whether the page should show the answer to the latest move whole in the frame it leads to
/// (see `Current::settled`): true after a click or Back and Forward, whose reader waits for the
/// whole new view; false while typing, where the results of each keystroke come first and the
/// rest of the page a frame later. Also false for answers that change on their own (the files
/// of a bundle arriving).
pub fn whole_at_once() -> bool {
    AT_ONCE.get()
}

fn at_once(on: bool) {
    AT_ONCE.set(on);
    if on {
        super::context::after_paint(|| AT_ONCE.set(false));
    }
}

/// Writes a waiting replacement of the address now.
fn flush_pending(view: View) {
    if let Some((url, state, h)) = PENDING.with_borrow_mut(Option::take) {
        h.clear();
        write(&url, Entry::Replace);
        view.set_address(state);
    }
}

fn write(url: &str, entry: Entry) {
    if let Ok(history) = window().history() {
        let result = match entry {
            Entry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(url)),
            Entry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(url)),
        };
        if let Err(e) = result {
            leptos::logging::warn!("could not update the URL: {e:?}");
        }
    }
}

/// True for a click that the browser should handle itself (new tab, new window, download).
pub fn is_modified_click(ev: &web_sys::MouseEvent) -> bool {
    ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()
}
