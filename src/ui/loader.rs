//! Loading a corpus named by `?corpus=<url>`: as the download streams in, its lines are parsed
//! (bad lines are reported and skipped), annotated and indexed, with a chance for the page to
//! repaint and take input every few tens of milliseconds. Only the collection being built is
//! held, never the whole file or all its documents at once.

use std::sync::Arc;

use js_sys::{Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use sorot_engine::collection::CollectionBuilder;
use sorot_engine::corpus::Parsed;
use sorot_engine::matcher::Matcher;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::context::Corpus;
use crate::jsonl::JsonLines;

/// Milliseconds of annotating between two chances for the page to repaint and take input.
const SLICE_MS: f64 = 80.0;

/// Where loading stands.
#[derive(Clone)]
pub enum LoadStatus {
    /// Still working.
    Loading(Progress),
    /// Ready, with messages about skipped lines.
    Ready(Corpus, Vec<String>),
    /// Nothing to show, and why.
    Failed(String),
}

/// A stage of loading and how far it is.
#[derive(Clone, Default, PartialEq)]
pub struct Progress {
    /// What is happening ("Downloading", "Annotating and indexing").
    pub stage: String,
    /// Counts, for people.
    pub detail: String,
    /// Done so far and the total, when known.
    pub done: f64,
    /// See `done`.
    pub total: Option<f64>,
}

impl Progress {
    /// Done as a fraction of the total, when the total is known.
    pub fn fraction(&self) -> Option<f64> {
        self.total.filter(|&t| t > 0.0).map(|t| (self.done / t).clamp(0.0, 1.0))
    }
}

/// Starts loading `url` in the background; `status` follows it.
pub fn load_corpus(url: String, status: RwSignal<LoadStatus>) {
    wasm_bindgen_futures::spawn_local(async move {
        let result = load(&url, status).await;
        if let Err(message) = result {
            status.set(LoadStatus::Failed(message));
        }
    });
}

async fn load(url: &str, status: RwSignal<LoadStatus>) -> Result<(), String> {
    let set = |stage: &str, detail: String, done: f64, total: Option<f64>| {
        status.set(LoadStatus::Loading(Progress { stage: stage.into(), detail, done, total }));
    };
    set("Downloading", url.to_string(), 0.0, None);
    let perf = window().performance();
    let now = move || perf.as_ref().map_or(0.0, |p| p.now());
    let js = |e: JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let resp: web_sys::Response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|e| format!("{url}: could not fetch it ({})", js(e)))?
        .dyn_into()
        .map_err(js)?;
    if !resp.ok() {
        return Err(format!("{url}: the server answered {} {}", resp.status(), resp.status_text()));
    }
    let total = resp.headers().get("content-length").ok().flatten().and_then(|v| v.parse::<f64>().ok());
    let arrived = now();
    // Lines are parsed, annotated and indexed as the chunks arrive: neither the file nor all of
    // its documents are ever in memory at once, only the collection being built.
    let mut lines = JsonLines::new();
    let mut builder = CollectionBuilder::new(Matcher::bundled());
    let mut errors: Vec<String> = Vec::new();
    let mut busy = 0.0;
    let mut slice_start = now();
    let mut add = |parsed: Parsed, builder: &mut CollectionBuilder<'_>| {
        let t = now();
        errors.extend(parsed.errors.iter().map(|e| e.to_string()));
        for d in parsed.documents {
            builder.add(d);
        }
        busy += now() - t;
    };
    if let Some(body) = resp.body() {
        let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().dyn_into().map_err(|e| js(e.into()))?;
        let mut bytes = Vec::new();
        loop {
            let chunk = JsFuture::from(reader.read())
                .await
                .map_err(|e| format!("{url}: the download broke off ({})", js(e)))?;
            if Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
                break;
            }
            let value: Uint8Array = Reflect::get(&chunk, &"value".into()).map_err(js)?.dyn_into().map_err(js)?;
            bytes.resize(value.length() as usize, 0);
            value.copy_to(&mut bytes);
            let parsed = lines.push(&bytes);
            add(parsed, &mut builder);
            if now() - slice_start >= SLICE_MS {
                let mb = |b: f64| b / 1e6;
                let got = lines.received() as f64;
                let size = match total {
                    Some(t) => format!("{:.1} of {:.1} MB", mb(got), mb(t)),
                    None => format!("{:.1} MB", mb(got)),
                };
                set("Reading, annotating and indexing", format!("{} articles · {size}", builder.len()), got, total);
                yield_to_page().await;
                slice_start = now();
            }
        }
    }
    add(lines.finish(), &mut builder);
    let total_docs = builder.len();
    if total_docs == 0 {
        let first = errors.first().cloned().unwrap_or_else(|| "the file is empty".into());
        return Err(format!("{url} holds no readable document ({} line(s) skipped; {first})", errors.len()));
    }
    let built_at = now();
    set("Finishing the index", format!("{total_docs} articles"), 1.0, Some(1.0));
    yield_to_page().await;
    let collection = builder.finish();
    if let Some(body) = document().body() {
        let _ = body.set_attribute("data-load-ms", &format!("{:.0}", now() - arrived));
        let phases = format!(
            "download and wait {:.0}, parse+annotate+index {:.0}, finish {:.0}",
            built_at - arrived - busy,
            busy,
            now() - built_at
        );
        let _ = body.set_attribute("data-load-phases", &phases);
        let _ = body.set_attribute("data-docs", &total_docs.to_string());
    }
    status.set(LoadStatus::Ready(Corpus(Arc::new(collection)), errors));
    Ok(())
}

/// Lets the browser paint and handle input before the next slice of work.
async fn yield_to_page() {
    let promise = Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = JsFuture::from(promise).await;
}
