//! Loading a corpus named by `?corpus=<url>`: download with progress, parse (bad lines are
//! reported and skipped), annotate and index in slices so the page stays responsive.

use std::sync::Arc;

use js_sys::{Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use sorot_engine::collection::CollectionBuilder;
use sorot_engine::corpus::parse_jsonl;
use sorot_engine::matcher::Matcher;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::context::Corpus;

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
    let bytes = download(url, &set).await.map_err(|e| format!("{url}: {e}"))?;
    let perf = window().performance();
    let now = move || perf.as_ref().map_or(0.0, |p| p.now());
    let arrived = now();
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    set("Reading", format!("{:.1} MB", text.len() as f64 / 1e6), 0.0, None);
    yield_to_page().await;
    let parsed = parse_jsonl(&text);
    drop(text);
    let parsed_at = now();
    let errors: Vec<String> = parsed.errors.iter().map(|e| e.to_string()).collect();
    if parsed.documents.is_empty() {
        let first = errors.first().cloned().unwrap_or_else(|| "the file is empty".into());
        return Err(format!("{url} holds no readable document ({} line(s) skipped; {first})", errors.len()));
    }
    let total = parsed.documents.len();
    let mut builder = CollectionBuilder::new(Matcher::bundled());
    let mut docs = parsed.documents.into_iter().peekable();
    while docs.peek().is_some() {
        let start = now();
        while now() - start < SLICE_MS {
            let Some(d) = docs.next() else { break };
            builder.add(d);
        }
        let done = builder.len();
        set("Annotating and indexing", format!("{done} of {total} articles"), done as f64, Some(total as f64));
        yield_to_page().await;
    }
    let built_at = now();
    set("Finishing the index", format!("{total} articles"), total as f64, Some(total as f64));
    yield_to_page().await;
    let collection = builder.finish();
    if let Some(body) = document().body() {
        let _ = body.set_attribute("data-load-ms", &format!("{:.0}", now() - arrived));
        let phases = format!(
            "parse {:.0}, annotate+index {:.0}, finish {:.0}",
            parsed_at - arrived,
            built_at - parsed_at,
            now() - built_at
        );
        let _ = body.set_attribute("data-load-phases", &phases);
        let _ = body.set_attribute("data-docs", &total.to_string());
    }
    status.set(LoadStatus::Ready(Corpus(Arc::new(collection)), errors));
    Ok(())
}

/// Fetches `url` into memory, reporting progress through `set`.
async fn download(url: &str, set: &impl Fn(&str, String, f64, Option<f64>)) -> Result<Vec<u8>, String> {
    let js = |e: JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let resp: web_sys::Response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|e| format!("could not fetch it ({})", js(e)))?
        .dyn_into()
        .map_err(js)?;
    if !resp.ok() {
        return Err(format!("the server answered {} {}", resp.status(), resp.status_text()));
    }
    let total = resp.headers().get("content-length").ok().flatten().and_then(|v| v.parse::<f64>().ok());
    let Some(body) = resp.body() else { return Ok(Vec::new()) };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().dyn_into().map_err(|e| js(e.into()))?;
    let mut bytes = Vec::new();
    let mut reported = 0usize;
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|e| format!("the download broke off ({})", js(e)))?;
        if Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            break;
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into()).map_err(js)?.dyn_into().map_err(js)?;
        let at = bytes.len();
        bytes.resize(at + value.length() as usize, 0);
        value.copy_to(&mut bytes[at..]);
        if bytes.len() - reported >= 1 << 20 {
            reported = bytes.len();
            let mb = |b: f64| b / 1e6;
            let detail = match total {
                Some(t) => format!("{:.1} of {:.1} MB", mb(bytes.len() as f64), mb(t)),
                None => format!("{:.1} MB", mb(bytes.len() as f64)),
            };
            set("Downloading", detail, bytes.len() as f64, total);
        }
    }
    Ok(bytes)
}

/// Lets the browser paint and handle input before the next slice of work.
async fn yield_to_page() {
    let promise = Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = JsFuture::from(promise).await;
}
