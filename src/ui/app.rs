//! The page: header with search, entity panel, document list and reader.

use std::sync::Arc;

use leptos::prelude::*;
use sorot_engine::collection::Collection;
use sorot_engine::gazetteer::EntityId;
use sorot_engine::matcher::Matcher;

use super::doc_list::DocList;
use super::entity_panel::EntityPanel;
use super::nav::{current_state, href, on_link_click, Corpus, View};
use super::reader::Reader;
use super::search_box::SearchBox;
use crate::bundled;

/// The explorer over the bundled corpus.
#[component]
pub fn App() -> impl IntoView {
    let perf = window().performance();
    let now = move || perf.as_ref().map_or(0.0, |p| p.now());
    let t0 = now();
    let matcher = Matcher::bundled();
    let t1 = now();
    let collection = Collection::new(bundled::documents(), matcher);
    let t2 = now();
    let corpus = Corpus(Arc::new(collection));
    let view = View(RwSignal::new(current_state()));
    provide_context(corpus.clone());
    provide_context(view);

    let handle = window_event_listener(leptos::ev::popstate, move |_| view.0.set(current_state()));
    on_cleanup(move || handle.remove());

    // Documents matching the query and the selected entities, in corpus order.
    let selected = {
        let corpus = corpus.clone();
        Memo::new(move |_| {
            let g = corpus.0.gazetteer();
            view.0.with(|s| s.entities.iter().filter_map(|c| g.entity_by_code(c)).collect::<Vec<EntityId>>())
        })
    };
    let results = {
        let corpus = corpus.clone();
        Memo::new(move |_| view.0.with(|s| corpus.0.filter(&s.q, &selected.get())))
    };

    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-gazetteer-ms", &format!("{:.2}", t1 - t0));
            let _ = body.set_attribute("data-annotate-ms", &format!("{:.2}", t2 - t1));
            let _ = body.set_attribute("data-ready", "true");
        }
    });

    let total = corpus.0.docs().len();
    view! {
        <div class="sorot">
            <header class="sorot-header">
                <a class="sorot-brand" href=move || href(&Default::default()) on:click=on_link_click(view, Default::default)>
                    <span class="sorot-brand__mark" aria-hidden="true"></span>
                    <span class="sorot-brand__name">"Sorot"</span>
                </a>
                <SearchBox />
                <p class="sorot-header__count" aria-live="polite">
                    {move || {
                        let n = results.with(Vec::len);
                        if n == total { format!("{total} articles") } else { format!("{n} of {total} articles") }
                    }}
                </p>
            </header>
            <main class="sorot-main">
                <EntityPanel results=results selected=selected />
                <DocList results=results selected=selected />
                <Reader selected=selected />
            </main>
        </div>
    }
}
