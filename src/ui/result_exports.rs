//! Downloads of the result list and of every mention in it, whole. Over a bundle the texts of
//! the results (their titles, their mentions) are read first, on request, a batch at a time.

use leptos::prelude::*;

use super::context::{Corpus, Current};
use super::download::Downloads;
use super::files::Files;
use crate::export::{mentions_table, results_table};

/// The downloads under the result list.
#[component]
pub fn ResultExports() -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    let files = use_context::<Files>();
    let Current { settled: answer, .. } = expect_context::<Current>();
    let reading = RwSignal::new(false);
    let c = corpus.0.clone();
    // The results whose text is not in yet; while reading, the next batch of them is asked for.
    let unread = Memo::new(move |_| {
        if let Some(f) = files {
            f.track();
        }
        let missing: Vec<usize> =
            answer.with(|a| a.0.hits.iter().map(|h| h.doc as usize).filter(|&d| c.document(d).is_none()).collect());
        if let (Some(f), true) = (files, reading.get()) {
            f.request_texts(&c, missing.iter().copied());
        }
        missing.len()
    });
    let count = move || answer.with(|a| a.0.hits.len());
    // Copy, so that the views made again and again can each take it.
    let c = StoredValue::new(corpus.0.clone());
    view! {
        <Show when=move || { count() > 0 }>
            <Show when=move || unread.get() == 0 fallback=move || view! {
                <p class="sorot-downloads" role="status">
                    {move || if reading.get() {
                        format!("Reading the texts of the results for the downloads: {} to go…", unread.get())
                    } else {
                        format!("To download the results and their mentions, their texts are read first ({} articles).", unread.get())
                    }}
                    <Show when=move || !reading.get()>
                        <button type="button" class="sorot-downloads__button" data-testid="read-for-download"
                            on:click=move |_| reading.set(true)>"Read them"</button>
                    </Show>
                </p>
            }>
                <Downloads name="sorot-results" label="the results" lead="Download the results:" table=move || c.with_value(|c| answer.with(|a| results_table(c, &a.0).unwrap_or_default())) />
                <Downloads name="sorot-mentions" label="their mentions" lead="Their mentions:" table=move || c.with_value(|c| answer.with(|a| mentions_table(c, &a.0).unwrap_or_default())) />
            </Show>
        </Show>
    }
}
