//! Loading a corpus named by `?corpus=<url>`: as the download streams in, its lines are parsed
//! (bad lines are reported and skipped), annotated and indexed, with a chance for the page to
//! repaint and take input every few tens of milliseconds. Only the collection being built is
//! held, never the whole file or all its documents at once.

use std::collections::HashMap;
use std::sync::Arc;

use js_sys::{Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use sorot_engine::bundle::Manifest;
use sorot_engine::collection::{Collection, CollectionBuilder};
use sorot_engine::corpus::{JsonLines, Parsed};
use sorot_engine::gazetteer::Gazetteer;
use sorot_engine::matcher::Matcher;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::context::Corpus;
use super::files::Files;
use super::{timeout, yield_to_page};
use crate::corpus_source::{self, Reported};

/// Milliseconds of annotating between two chances for the page to repaint and take input.
const SLICE_MS: f64 = 80.0;
/// A download that sends nothing for this long has stalled.
const STALL_MS: i32 = 30_000;

/// Where loading stands.
#[derive(Clone)]
pub enum LoadStatus {
    /// Still working.
    Loading(Progress),
    /// Ready, with the lines that were skipped or read with a change, and the bundle's files
    /// when it is one.
    Ready(Corpus, Reported, Option<Files>),
    /// Nothing to show, and why.
    Failed(Failure),
}

/// Why a corpus could not be loaded, and whether trying again may help (a dropped connection,
/// a stalled download, a busy server) or not (a refused address, an HTML page, a file too
/// large for the tab).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// What to tell the reader.
    pub message: String,
    /// Loading again may succeed: the page offers a button for it.
    pub retry: bool,
}

impl Failure {
    /// A failure that trying again will not mend.
    fn lasting(message: impl Into<String>) -> Failure {
        Failure { message: message.into(), retry: false }
    }

    /// A failure that may pass: the page offers to try again.
    fn passing(message: impl Into<String>) -> Failure {
        Failure { message: message.into(), retry: true }
    }
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

/// Starts loading `url` in the background; `status` follows it. Called again after a failure,
/// it starts over.
pub fn load_corpus(url: String, status: RwSignal<LoadStatus>) {
    status.set(LoadStatus::Loading(Progress {
        stage: "Downloading".into(),
        detail: url.clone(),
        ..Progress::default()
    }));
    wasm_bindgen_futures::spawn_local(async move {
        let result = match corpus_source::bundle_folder(&url) {
            Some(folder) => load_bundle(&folder, status).await,
            None => load(&url, status).await,
        };
        if let Err(message) = result {
            status.set(LoadStatus::Failed(message));
        }
    });
}

async fn load(url: &str, status: RwSignal<LoadStatus>) -> Result<(), Failure> {
    let set = |stage: &str, detail: String, done: f64, total: Option<f64>| {
        status.set(LoadStatus::Loading(Progress { stage: stage.into(), detail, done, total }));
    };
    let page = window().location().href().unwrap_or_default();
    let source = corpus_source::check(url, &page).map_err(Failure::lasting)?;
    let perf = window().performance();
    let now = move || perf.as_ref().map_or(0.0, |p| p.now());
    let js = |e: JsValue| Failure::lasting(e.as_string().unwrap_or_else(|| format!("{e:?}")));
    let resp: web_sys::Response = match JsFuture::from(window().fetch_with_str(url)).await {
        Ok(resp) => resp.dyn_into().map_err(js)?,
        Err(_) => {
            let message = if redirects(url).await {
                corpus_source::redirect_failed(&source, &page)
            } else {
                corpus_source::fetch_failed(&source, &page)
            };
            return Err(Failure::passing(message));
        }
    };
    // Where the file came from, when the address redirected: said with every later failure.
    let from = if resp.redirected() { format!(" (redirected to {})", resp.url()) } else { String::new() };
    if !resp.ok() {
        let message = format!("{url}{from}: the server answered {} {}", resp.status(), resp.status_text());
        return Err(Failure { message, retry: corpus_source::status_may_pass(resp.status()) });
    }
    let total = resp.headers().get("content-length").ok().flatten().and_then(|v| v.parse::<f64>().ok());
    if let Some(message) = total.and_then(corpus_source::too_large) {
        return Err(Failure::lasting(message));
    }
    let content_type = resp.headers().get("content-type").ok().flatten();
    let arrived = now();
    // Lines are parsed, annotated and indexed as the chunks arrive: neither the file nor all of
    // its documents are ever in memory at once, only the collection being built. The engine's
    // reader applies the same rules as `sorot annotate`.
    let mut lines = JsonLines::new();
    let mut received = 0usize;
    let mut builder = CollectionBuilder::new(Matcher::bundled());
    let mut report = Reported::default();
    let mut busy = 0.0;
    let mut slice_start = now();
    let mut add = |parsed: Parsed, builder: &mut CollectionBuilder<'_>| {
        let t = now();
        report.skipped.extend(parsed.errors);
        report.altered.extend(parsed.altered);
        for d in parsed.documents {
            builder.add(d);
        }
        busy += now() - t;
    };
    if let Some(body) = resp.body() {
        let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().dyn_into().map_err(|e| js(e.into()))?;
        let mut bytes = Vec::new();
        loop {
            let mb = received as f64 / 1e6;
            // Each read races a stall timer, cleared once the read is in: a download of
            // thousands of chunks leaves no thousands of timers pending.
            let (stall, timer) = timeout(STALL_MS);
            let chunk = JsFuture::from(Promise::race(&js_sys::Array::of2(&reader.read(), &stall))).await;
            window().clear_timeout_with_handle(timer);
            let chunk = chunk
                .map_err(|_| Failure::passing(format!("{url}{from}: the download broke off after {mb:.1} MB.")))?;
            if chunk.is_undefined() {
                let _ = reader.cancel();
                return Err(Failure::passing(format!(
                    "{url}{from}: the download stalled: nothing arrived for {} s after {mb:.1} MB.",
                    STALL_MS / 1000
                )));
            }
            if Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
                break;
            }
            let value: Uint8Array = Reflect::get(&chunk, &"value".into()).map_err(js)?.dyn_into().map_err(js)?;
            bytes.resize(value.length() as usize, 0);
            value.copy_to(&mut bytes);
            if received == 0 {
                if let Some(message) = corpus_source::not_json_lines(content_type.as_deref(), &bytes) {
                    let _ = reader.cancel();
                    return Err(Failure::lasting(format!("{url}{from}: {message}")));
                }
            }
            received += bytes.len();
            if let Some(message) = corpus_source::too_large(received as f64) {
                let _ = reader.cancel();
                return Err(Failure::lasting(message));
            }
            let parsed = lines.push(&bytes);
            add(parsed, &mut builder);
            if now() - slice_start >= SLICE_MS {
                let mb = |b: f64| b / 1e6;
                let got = received as f64;
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
        return Err(Failure::lasting(format!("{url}{from} {}", corpus_source::nothing_read(lines.lines(), &report))));
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
    status.set(LoadStatus::Ready(Corpus(Arc::new(collection)), report, None));
    Ok(())
}

/// Opens the bundle in `folder` (ending in `/`): its manifest, then its metadata; every other
/// file is fetched when a view needs it ([`Files`]).
async fn load_bundle(folder: &str, status: RwSignal<LoadStatus>) -> Result<(), Failure> {
    let page = window().location().href().unwrap_or_default();
    let source = corpus_source::check(folder, &page).map_err(Failure::lasting)?;
    let perf = window().performance();
    let now = move || perf.as_ref().map_or(0.0, |p| p.now());
    let t0 = now();
    let manifest_url = format!("{folder}{}", sorot_engine::bundle::MANIFEST);
    let early = Early::take(folder, &page);
    let manifest = early.as_ref().map_or_else(|| window().fetch_with_str(&manifest_url), |e| e.manifest.clone());
    // While the files download: the gazetteer, which opening the bundle needs.
    let gazetteer = Gazetteer::bundled().clone();
    let t_gazetteer = now();
    let bytes = fetch_bytes(&manifest_url, manifest, &source, &page).await.map_err(|mut f| {
        f.message = format!("No Sorot bundle could be read at {folder}: {}", f.message);
        f
    })?;
    let manifest = Manifest::parse(&bytes).map_err(|e| Failure::lasting(format!("{folder}{e}")))?;
    let t_manifest = now();
    status.set(LoadStatus::Loading(Progress {
        stage: "Opening the bundle".into(),
        detail: format!("{} articles", manifest.documents),
        ..Progress::default()
    }));
    let meta_url = format!("{folder}{}", manifest.meta);
    // The early texts are looked up once the early metadata has settled: the start-up script
    // makes their fetches in the same step as the metadata's, so by then they are all there.
    let (meta, texts) = match early {
        Some(e) => (e.meta(&manifest.meta).await, e.texts(&manifest.first)),
        None => (None, HashMap::new()),
    };
    let meta = meta.unwrap_or_else(|| window().fetch_with_str(&meta_url));
    let meta = fetch_bytes(&meta_url, meta, &source, &page).await?;
    let t_meta = now();
    let collection =
        Collection::from_bundle(&manifest, &meta, gazetteer).map_err(|e| Failure::lasting(format!("{folder}{e}")))?;
    if let Some(body) = document().body() {
        let _ = body.set_attribute("data-load-ms", &format!("{:.0}", now() - t0));
        let phases = format!(
            "started at {t0:.0}, gazetteer {:.0}, manifest {:.0}, metadata {:.0}, open {:.0}",
            t_gazetteer - t0,
            t_manifest - t_gazetteer,
            t_meta - t_manifest,
            now() - t_meta
        );
        let _ = body.set_attribute("data-load-phases", &phases);
        let _ = body.set_attribute("data-docs", &collection.len().to_string());
    }
    let files = Files::new(folder.to_string(), manifest.bytes, texts);
    status.set(LoadStatus::Ready(Corpus(Arc::new(collection)), Reported::default(), Some(files)));
    Ok(())
}

/// What the page's start-up script (in index.html) asked for before the app ran: the manifest
/// of the bundle the address names and, once that arrived, its metadata file.
struct Early {
    manifest: Promise,
    /// Resolves to `[name, response]` (the manifest's `meta` and the fetch of it), or null.
    meta: Promise,
    /// For an address that shows the default view's results: the fetches of the texts the
    /// manifest names for its first page (`first`), by name; else empty.
    texts: JsValue,
}

impl Early {
    /// The early fetches, if they are of `folder`'s bundle; once (a retry fetches again).
    fn take(folder: &str, page: &str) -> Option<Early> {
        let key = JsValue::from_str("__sorotEarly");
        let early = Reflect::get(&window(), &key).ok().filter(|e| e.is_object())?;
        let _ = Reflect::delete_property(&window(), &key);
        let absolute = web_sys::Url::new_with_base(folder, page).ok()?.href();
        let field = |name: &str| Reflect::get(&early, &JsValue::from_str(name)).ok();
        if field("folder")?.as_string()? != absolute {
            return None;
        }
        Some(Early {
            manifest: field("manifest")?.dyn_into().ok()?,
            meta: field("meta")?.dyn_into().ok()?,
            texts: field("texts").unwrap_or(JsValue::UNDEFINED),
        })
    }

    /// The early fetches of the texts among `first` (the manifest's first page), by name.
    fn texts(&self, first: &[String]) -> HashMap<String, Promise> {
        first
            .iter()
            .filter_map(|name| {
                let fetch = Reflect::get(&self.texts, &JsValue::from_str(name)).ok()?.dyn_into::<Promise>().ok()?;
                Some((name.clone(), fetch))
            })
            .collect()
    }

    /// The response to the early fetch of the metadata file `name`, if it was that one.
    async fn meta(&self, name: &str) -> Option<Promise> {
        let pair = JsFuture::from(self.meta.clone()).await.ok().filter(|p| p.is_object())?;
        let fetched = Reflect::get_u32(&pair, 0).ok()?.as_string()?;
        let response = Reflect::get_u32(&pair, 1).ok()?;
        (fetched == name).then(|| Promise::resolve(&response))
    }
}

/// The whole body of the response `fetch` will give for `url`, or why not.
async fn fetch_bytes(
    url: &str,
    fetch: Promise,
    source: &corpus_source::Source,
    page: &str,
) -> Result<Vec<u8>, Failure> {
    let resp: web_sys::Response = match JsFuture::from(fetch).await {
        Ok(resp) => resp.dyn_into().map_err(|_| Failure::lasting(format!("{url}: not a response")))?,
        Err(_) => return Err(Failure::passing(corpus_source::fetch_failed(source, page))),
    };
    if !resp.ok() {
        let message = format!("{url}: the server answered {} {}", resp.status(), resp.status_text());
        return Err(Failure { message, retry: corpus_source::status_may_pass(resp.status()) });
    }
    let buffer = resp.array_buffer().map_err(|_| Failure::passing(format!("{url}: could not be read")))?;
    let buffer =
        JsFuture::from(buffer).await.map_err(|_| Failure::passing(format!("{url}: the download broke off")))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Whether `url` answers with a redirect, asked without following it: after a failed fetch,
/// this tells a redirect the browser would not follow (to a host that does not allow this page
/// to read it) from a host that cannot be reached.
async fn redirects(url: &str) -> bool {
    let init = web_sys::RequestInit::new();
    init.set_redirect(web_sys::RequestRedirect::Manual);
    match JsFuture::from(window().fetch_with_str_and_init(url, &init)).await {
        Ok(resp) => {
            resp.dyn_into::<web_sys::Response>().is_ok_and(|r| r.type_() == web_sys::ResponseType::Opaqueredirect)
        }
        Err(_) => false,
    }
}
