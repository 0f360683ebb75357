//! In-app links: an `<a>` that leads to another view state, written `use:link=Link::to(view,
//! target)`. Its `href` is the target of the address's state (so that a new tab, a copied link
//! or a crawler gets the view it names), and a plain click moves there in the page.
//!
//! Every link on the page is held here, with its target, and their `href`s are written in one
//! pass once the frame after an address change is painted ([`readdress`], called by
//! [`View::set_address`]): the views remade for the new state make their links with the new
//! address at once, and the pass then writes only the links left with an older one, after the
//! new view is on screen rather than before. One listener on the document follows their
//! clicks. No link owns an effect: reactive_graph keeps a dropped effect in its sources'
//! subscriber lists and shifts those lists on every removal, so the views, which remake
//! hundreds of links per filter change (the timeline's bars, the matrix's cells), made every
//! change slower (see "Third round" in docs/BENCHMARKS.md).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::context::View;
use super::history::{go, href, is_modified_click, Entry};
use crate::url::ViewState;

/// The property of a link element that holds its slot (index and generation), as a number.
const SLOT: &str = "__sorotLink";

/// Where a link leads from the current state.
#[derive(Clone)]
pub struct Link {
    view: View,
    target: Rc<dyn Fn(&ViewState) -> ViewState>,
    /// A plain click moves in the page; otherwise the browser follows the `href` (a link that
    /// opens the view elsewhere, e.g. in a new tab).
    in_page: bool,
}

impl Link {
    /// A link to `target` of the current state.
    pub fn to(view: View, target: impl Fn(&ViewState) -> ViewState + 'static) -> Link {
        Link { view, target: Rc::new(target), in_page: true }
    }

    /// A link whose clicks the browser follows (its `target` attribute decides where).
    pub fn away(self) -> Link {
        Link { in_page: false, ..self }
    }
}

struct Slot {
    el: web_sys::Element,
    link: Link,
    generation: u32,
    /// The address its `href` was written for (a count of address changes).
    written: u32,
}

#[derive(Default)]
struct Registry {
    slots: Vec<Option<Slot>>,
    free: Vec<usize>,
    generation: u32,
    /// Address changes so far.
    address: u32,
    /// A pass writing the `href`s of an older address is waiting for the next paint.
    pending: bool,
}

thread_local! {
    static LINKS: RefCell<Registry> = RefCell::default();
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// The directive (`use:link=…`): sets the element's `href` and registers it until its owner is
/// cleaned up. Run again on the same element (a view rebuilt in place), it gives the element a
/// new slot under the current owner and frees the old one at once, so whichever owner is
/// cleaned up first, the element stays registered with its latest target.
pub fn link(el: web_sys::Element, link: Link) {
    listen();
    let address = link.view.link_untracked(|s| href(&(link.target)(s)));
    let _ = el.set_attribute("href", &address);
    if let Some(old) = slot_of(&el) {
        release(old);
    }
    let key = LINKS.with_borrow_mut(|r| {
        r.generation = r.generation.wrapping_add(1);
        let generation = r.generation;
        let i = r.free.pop().unwrap_or_else(|| {
            r.slots.push(None);
            r.slots.len() - 1
        });
        let written = r.address;
        r.slots[i] = Some(Slot { el: el.clone(), link, generation, written });
        join(i, generation)
    });
    let _ = js_sys::Reflect::set(&el, &SLOT.into(), &JsValue::from_f64(key));
    on_cleanup(move || release(key));
}

/// Records that the address has changed (its state already set in the view): the links made
/// from now on are made for it, and the `href`s of the others are written once the next frame
/// is painted.
pub(super) fn readdress() {
    let schedule = LINKS.with_borrow_mut(|r| {
        r.address = r.address.wrapping_add(1);
        !std::mem::replace(&mut r.pending, true)
    });
    if schedule {
        super::context::after_paint(rewrite);
    }
}

/// Writes the `href` of every link made for an older address.
fn rewrite() {
    LINKS.with_borrow_mut(|r| {
        r.pending = false;
        let address = r.address;
        for s in r.slots.iter_mut().flatten().filter(|s| s.written != address) {
            let target = s.link.view.link_untracked(|state| href(&(s.link.target)(state)));
            let _ = s.el.set_attribute("href", &target);
            s.written = address;
        }
    });
}

/// Links registered now: for tests, which check that views remade many times leave none behind.
pub fn live() -> usize {
    LINKS.with_borrow(|r| r.slots.iter().flatten().count())
}

fn release(key: f64) {
    let (i, g) = split(key);
    LINKS.with_borrow_mut(|r| {
        if r.slots.get(i).is_some_and(|s| s.as_ref().is_some_and(|s| s.generation == g)) {
            if let Some(s) = r.slots[i].take() {
                let _ = js_sys::Reflect::delete_property(&s.el, &SLOT.into());
            }
            r.free.push(i);
        }
    });
}

/// One listener on the document follows the clicks of every registered link.
fn listen() {
    if LISTENING.replace(true) {
        return;
    }
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
        if ev.default_prevented() || is_modified_click(&ev) {
            return;
        }
        let Some(a) =
            ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("a").ok().flatten())
        else {
            return;
        };
        let Some((i, g)) = slot_of(&a).map(split) else { return };
        let link = LINKS.with_borrow(|r| {
            r.slots.get(i).and_then(Option::as_ref).filter(|s| s.generation == g).map(|s| s.link.clone())
        });
        if let Some(link) = link.filter(|l| l.in_page) {
            ev.prevent_default();
            go(link.view, link.view.with_untracked(|s| (link.target)(s)), Entry::Push);
        }
    });
    let _ = document().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // The page's one listener, for the page's lifetime.
    on_click.forget();
}

fn slot_of(el: &web_sys::Element) -> Option<f64> {
    js_sys::Reflect::get(el, &SLOT.into()).ok().and_then(|v| v.as_f64())
}

/// A slot's index and generation as one number (exact: both fit 32 bits).
fn join(i: usize, generation: u32) -> f64 {
    i as f64 * 4_294_967_296.0 + f64::from(generation)
}

fn split(key: f64) -> (usize, u32) {
    ((key / 4_294_967_296.0).floor() as usize, (key % 4_294_967_296.0) as u32)
}
