//! A bundle's files, fetched when an answer or a view names them ([`Files::request`]): each
//! once, several at a time, and loaded into the collection; `version` changes when any arrives,
//! so that whatever asked runs again and finds it.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use js_sys::{ArrayBuffer, Promise, Uint8Array};
use leptos::prelude::*;
use sorot_engine::bundle::Need;
use sorot_engine::collection::Collection;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::context::after_paint;

/// The files of the open bundle (none for a corpus in memory).
#[derive(Clone, Copy)]
pub struct Files {
    /// Changes each time files have been loaded.
    version: RwSignal<u64>,
    /// Why a file could not be fetched or read, shown until a retry.
    pub error: RwSignal<Option<String>>,
    state: StoredValue<State, LocalStorage>,
}

struct State {
    /// The bundle's folder, ending in `/`.
    base: String,
    pending: HashSet<Need>,
    /// Small enough to be fetched whole once the first answer is shown (and so kept whole for
    /// offline use by the service worker).
    whole: bool,
    /// The first answer has been shown.
    ready: bool,
    /// Fetches the page's start-up script made before the app ran (the default view's first
    /// texts), by file name: taken by the first request for each instead of fetching again.
    early: HashMap<String, Promise>,
}

/// Texts asked for at a time by [`Files::request_texts`].
pub const BATCH: usize = 64;

/// A bundle of at most this many bytes is fetched whole once the page is ready.
pub const WHOLE_BYTES: u64 = 4 << 20;

impl Files {
    /// The files of the bundle in the folder `base` (ending in `/`), of `bytes` in all, some
    /// of them already asked for (`early`, by name).
    pub fn new(base: String, bytes: u64, early: HashMap<String, Promise>) -> Files {
        Files {
            version: RwSignal::new(0),
            error: RwSignal::new(None),
            state: StoredValue::new_local(State {
                base,
                pending: HashSet::new(),
                whole: bytes <= WHOLE_BYTES,
                ready: false,
                early,
            }),
        }
    }

    /// Once the first answer is shown: fetches the whole bundle if it is small
    /// ([`WHOLE_BYTES`]), else its dictionary (about 0.5 MB compressed for 21,940 articles), so
    /// that a query's postings and stems come in one round instead of waiting for its words'
    /// dictionary shards first. Once.
    pub fn after_ready(&self, c: &Arc<Collection>) {
        let (first, whole) = self.state.with_value(|s| (!s.ready, s.whole));
        if first {
            self.state.update_value(|s| s.ready = true);
            // After the frame that shows those results, and the next, which shows the overview's
            // charts (made a frame after ready, see `Current::charted`): asking for dozens of
            // files takes 20-40 ms, and loading them as many again, which neither should wait for.
            let (files, c) = (*self, c.clone());
            after_paint(move || {
                after_paint(move || files.request(&c, if whole { c.every_file() } else { c.dictionary_files() }))
            });
        }
    }

    /// Subscribes to arrivals.
    pub fn track(&self) {
        self.version.track();
    }

    /// Fetches and loads the files of `needs` that are neither loaded nor on their way.
    pub fn request(&self, c: &Arc<Collection>, needs: impl IntoIterator<Item = Need>) {
        let fresh: Vec<Need> = self
            .state
            .with_value(|s| needs.into_iter().filter(|n| !c.is_loaded(*n) && !s.pending.contains(n)).collect());
        if fresh.is_empty() || self.error.get_untracked().is_some() {
            return;
        }
        self.state.update_value(|s| s.pending.extend(fresh.iter().copied()));
        let base = self.state.with_value(|s| s.base.clone());
        let names: Vec<String> = fresh.iter().map(|&n| c.file(n)).collect();
        let urls: Vec<String> = names.iter().map(|n| format!("{base}{n}")).collect();
        let early: Vec<Option<Promise>> =
            self.state.try_update_value(|s| names.iter().map(|n| s.early.remove(n)).collect()).unwrap_or_default();
        // Asked for now, not when the future first runs: that is after the rendering under way
        // (an answer's first render, the explorer's first), which the downloads can overlap.
        let reads: Vec<Promise> = urls
            .iter()
            .zip(early.into_iter().chain(std::iter::repeat(None)))
            .map(|(u, e)| read_when_in(e.unwrap_or_else(|| window().fetch_with_str(u))))
            .collect();
        let (c, files) = (c.clone(), *self);
        wasm_bindgen_futures::spawn_local(async move {
            // Each file is loaded as soon as it and those before it are in, in `Need`'s order
            // (postings before their positions), while the later ones are still on their way;
            // whoever asked hears once, when all are in. Every one is awaited, even after a
            // failure, so that no download's end goes unheard.
            let mut result = Ok(());
            for ((need, url), read) in fresh.iter().zip(&urls).zip(reads) {
                let bytes = body(read, url).await;
                if result.is_ok() {
                    result = bytes.and_then(|b| c.load(*need, &b).map_err(|e| format!("{base}{e}")));
                }
            }
            files.state.update_value(|s| {
                for n in &fresh {
                    s.pending.remove(n);
                }
            });
            if let Err(message) = result {
                files.error.set(Some(message));
            }
            files.version.update(|v| *v += 1);
        });
    }

    /// Asks for the texts of the first [`BATCH`] of `docs` (in order) that are not loaded: for a
    /// view that reads many texts, a batch at a time — each arrival runs the view again, which
    /// asks for the next.
    pub fn request_texts(&self, c: &Arc<Collection>, docs: impl IntoIterator<Item = usize>) {
        let unread = docs.into_iter().filter(|&d| c.document(d).is_none()).take(BATCH);
        self.request(c, c.missing_texts(unread));
    }

    /// Clears a failure, so that the next request fetches again.
    pub fn retry(&self) {
        self.error.set(None);
        self.version.update(|v| *v += 1);
    }
}

/// `fetch` followed by the reading of its response's body, started as soon as the response
/// comes: the bodies of a round are read side by side, whatever order they are loaded in. It
/// gives the body as an `ArrayBuffer`, or the response itself when the server refused.
fn read_when_in(fetch: Promise) -> Promise {
    READ.with(|read| fetch.unchecked_ref::<Thenable>().then(read.as_ref().unchecked_ref()))
}

thread_local! {
    /// [`read_when_in`]'s callback: one for every fetch, instead of a closure made (and, for a
    /// fetch that fails, never freed) for each.
    static READ: Closure<dyn Fn(JsValue) -> JsValue> = Closure::new(|r: JsValue| -> JsValue {
        match r.dyn_into::<web_sys::Response>() {
            Ok(response) if response.ok() => response.array_buffer().map_or_else(|e| e, JsValue::from),
            Ok(response) => response.into(),
            Err(other) => other,
        }
    });
}

#[wasm_bindgen]
extern "C" {
    /// A promise seen as JavaScript sees it: `then` with a callback whose result the new
    /// promise takes (js-sys's `Promise::then` only takes callbacks without one).
    type Thenable;
    #[wasm_bindgen(method)]
    fn then(this: &Thenable, f: &js_sys::Function) -> Promise;
}

/// The body that `read` ([`read_when_in`]) gives for `url`, or why not.
async fn body(read: Promise, url: &str) -> Result<Vec<u8>, String> {
    let got = JsFuture::from(read)
        .await
        .map_err(|_| format!("{url}: could not be fetched, or the download broke off (offline, or the site moved?)"))?;
    if let Some(response) = got.dyn_ref::<web_sys::Response>() {
        return Err(format!("{url}: the server answered {} {}", response.status(), response.status_text()));
    }
    let buffer: ArrayBuffer = got.dyn_into().map_err(|_| format!("{url}: could not be read"))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
