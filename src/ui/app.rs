//! The page: header with search, then (once the corpus is ready) facets, results and reader.

use std::sync::Arc;

use leptos::prelude::*;
use sorot_engine::collection::{Request, Response, Sort};
use sorot_engine::exclusion::Exclusions;
use sorot_engine::gazetteer::EntityId;

use super::context::{after_paint, Answer, Corpus, Current, View};
use super::embed::{post_height, EmbedButton};
use super::facets::Facets;
use super::files::Files;
use super::history::{arrive, current_state, href, whole_at_once};
use super::links::{link, Link};
use super::loader::{load_corpus, LoadStatus, Progress};
use super::reader::Reader;
use super::results::Results;
use super::results::{EAGER, PAGE};
use super::search_box::SearchBox;
use crate::corpus_source::{Reported, SITE_BUNDLE};
use crate::url::ViewState;

/// The explorer: the site's bundle, or the corpus named by `?corpus=`.
#[component]
pub fn App() -> impl IntoView {
    let view = View::new(current_state());
    provide_context(view);
    let handle = window_event_listener(leptos::ev::popstate, move |_| arrive(view));
    on_cleanup(move || handle.remove());

    let status = RwSignal::new(LoadStatus::Loading(Progress::default()));
    // The site's own bundle unless `?corpus=` names another corpus.
    let source = view.with_untracked(|s| s.corpus.clone()).unwrap_or_else(|| SITE_BUNDLE.to_string());
    load_corpus(source.clone(), status);
    let retry = move |_| load_corpus(source.clone(), status);

    // The look is chosen once, on arrival: `theme` on the root element, `embed` for frames.
    let (embed, theme) = view.with_untracked(|s| (s.embed, s.theme));
    if let Some(root) = document().document_element() {
        if let Some(t) = theme {
            let _ = root.set_attribute("data-theme", t.name());
        }
        if embed {
            let _ = root.set_attribute("data-embed", "");
            post_height();
        }
    }

    view! {
        <div class=if embed { "sorot sorot--embed" } else { "sorot" }>
            {if embed {
                view! {
                    <p class="sorot-embed-bar">
                        <a use:link=Link::to(view, ViewState::standalone).away() target="_blank" rel="noopener">"Open in Sorot ↗"</a>
                    </p>
                }.into_any()
            } else {
                view! {
                    <header class="sorot-header">
                        <a class="sorot-brand" use:link=Link::to(view, ViewState::home)>
                            <span class="sorot-brand__mark" aria-hidden="true"></span>
                            <span class="sorot-brand__name">"Sorot"</span>
                        </a>
                        <SearchBox />
                        <EmbedButton />
                    </header>
                }.into_any()
            }}
            {move || match status.get() {
                LoadStatus::Ready(corpus, reported, files) => view! { <Explorer corpus=corpus reported=reported files=files /> }.into_any(),
                LoadStatus::Loading(p) => view! { <Loading progress=p /> }.into_any(),
                LoadStatus::Failed(failure) => view! {
                    <main class="sorot-status" role="alert" data-testid="corpus-error">
                        <h1>"The corpus could not be loaded"</h1>
                        <p>{failure.message}</p>
                        <p class="sorot-status__actions">
                            {failure.retry.then(|| view! {
                                <button type="button" class="sorot-button" data-testid="corpus-retry" on:click=retry.clone()>"Try again"</button>
                            })}
                            <a href=move || href(&ViewState::default())>"Explore the site's own articles instead"</a>
                        </p>
                    </main>
                }.into_any(),
            }}
        </div>
    }
}

/// What an answer answers: the search's part of the address (query, any entity, outlet, period,
/// order, one per story) and the selected entities.
type Asked = ((String, bool, Option<String>, Option<String>, Sort, bool), Vec<EntityId>);

/// Reported lines listed on the page; the rest are counted.
const ERRORS_LISTED: usize = 20;

/// Progress while a corpus downloads, is annotated and indexed.
#[component]
fn Loading(progress: Progress) -> impl IntoView {
    let pct = progress.fraction().map(|f| (f * 100.0).round());
    view! {
        <main class="sorot-status" data-testid="corpus-progress" aria-busy="true">
            <p class="sorot-status__stage">{progress.stage}</p>
            <div class="sorot-progress" role="progressbar" aria-valuemin="0" aria-valuemax="100"
                aria-valuenow=pct.map(|p| p.to_string())>
                <div class="sorot-progress__bar" style:width=format!("{}%", pct.unwrap_or(5.0))></div>
            </div>
            <p class="sorot-status__detail">{progress.detail}</p>
        </main>
    }
}

/// Facets, results and reader over a ready corpus.
#[component]
fn Explorer(corpus: Corpus, reported: Reported, files: Option<Files>) -> impl IntoView {
    let view = expect_context::<View>();
    provide_context(corpus.clone());
    if let Some(f) = files {
        provide_context(f);
    }
    let selected = {
        let corpus = corpus.clone();
        Memo::new(move |_| {
            let g = corpus.0.gazetteer();
            view.with(|s| s.entities.iter().filter_map(|c| g.entity_by_code(c)).collect::<Vec<EntityId>>())
        })
    };
    // Applied to the collection as it is read: every answer and view reads it first.
    let excluded = {
        let corpus = corpus.clone();
        Memo::new(move |_| {
            let g = corpus.0.gazetteer();
            let x = view.with(|s| {
                Exclusions::new(s.excluded.iter().filter_map(|(code, form)| Some((g.entity_by_code(code)?, form))))
            });
            corpus.0.exclude(x.clone());
            x
        })
    };
    // Only what the search depends on, so that opening a document does not search again.
    let request =
        Memo::new(move |_| view.with(|s| (s.q.clone(), s.any, s.outlet.clone(), s.period.clone(), s.sort, s.unique)));
    let answer = {
        let corpus = corpus.clone();
        let perf = window().performance();
        // A whole answer waiting only for the texts of its first screen, with what it answers:
        // the texts change nothing in it, so that it is not searched for again when they arrive
        // (1-3 ms of a query's last step). Not kept while forms are left out: their files,
        // arriving, recount it.
        let waiting: StoredValue<Option<(Asked, Arc<Response>)>, LocalStorage> = StoredValue::new_local(None);
        Memo::new(move |prev: Option<&Answer>| {
            let asked = (request.get(), selected.get());
            let leaving_out = excluded.with(|x| !x.is_empty());
            let kept = waiting
                .try_update_value(|w| w.take().filter(|(a, _)| !leaving_out && *a == asked).map(|(_, r)| r))
                .flatten();
            let response = kept.unwrap_or_else(|| {
                let ((q, any, outlet, period, sort, unique), entities) = &asked;
                let t = perf.as_ref().map(|p| p.now());
                let response = corpus.0.search(&Request {
                    query: q,
                    entities,
                    any_entity: *any,
                    outlet: outlet.as_deref(),
                    period: period.as_deref(),
                    sort: *sort,
                    unique: *unique,
                });
                if let (Some(p), Some(t)) = (&perf, t) {
                    crate::timing::record_search(p.now() - t);
                }
                Arc::new(response)
            });
            // Over a bundle: the answer waits for the files it lacks, and for the texts of its
            // first screen of results, showing the previous answer meanwhile. Only a waiting answer hears of
            // arrivals: a whole one stays the same answer (and "Show more" stays open).
            if let Some(f) = files {
                let mut needs = response.missing().to_vec();
                // A whole answer waits for the texts of its first screen. An answer that is not
                // whole yet waits only for the shards it lacks, but asks for the texts of its
                // first screen along with them: they are most often the whole answer's (what it
                // lacks is mostly typo candidates and completions, which weigh little). The rest
                // of the first page is asked for once the answer is whole (see below).
                let first = corpus.0.missing_texts(response.hits.iter().take(EAGER).map(|h| h.doc as usize));
                if needs.is_empty() {
                    needs = first;
                    f.request(&corpus.0, needs.iter().copied());
                } else {
                    f.request(&corpus.0, needs.iter().copied());
                    f.request(&corpus.0, first);
                }
                // Forms left out are counted from the forms files of their entities: until
                // those are in, the answer is shown with them counted, and recounts as they arrive.
                if leaving_out {
                    let forms = corpus.0.exclusion_needs();
                    if !forms.is_empty() {
                        f.request(&corpus.0, forms);
                        f.track();
                    }
                }
                if !needs.is_empty() {
                    f.track();
                    if let Some(prev) = prev {
                        if response.missing().is_empty() && !leaving_out {
                            waiting.set_value(Some((asked, response)));
                        }
                        return prev.clone();
                    }
                }
            }
            Answer(response)
        })
    };
    let settled = RwSignal::new(answer.get_untracked());
    Effect::new(move |_| {
        let next = answer.get();
        if whole_at_once() {
            settled.set(next);
        } else {
            // After the frame that shows the first results: a timer set from that frame's
            // animation callback runs once it has been painted, unless a later answer came first.
            after_paint(move || {
                if answer.try_get_untracked().as_ref() == Some(&next) {
                    settled.set(next);
                }
            });
        }
    });
    // In memory the charts come with the first results (nothing is fetched that they would
    // hold back); over a bundle a frame after the first answer is whole.
    let charted = RwSignal::new(files.is_none());
    provide_context(Current { answer, settled: settled.into(), selected, excluded, charted: charted.into() });
    // Ready once the first answer is whole (at once in memory; over a bundle, once the
    // files it needs are in). Over a bundle, a whole answer then asks for the texts of the rest
    // of its first page, which nothing waits for: after the frame that shows it, unless a later
    // answer came first, so that neither that frame's task nor the first screen's round of
    // fetches shares their cost (10 fetches: 3-6 ms).
    {
        let corpus = corpus.clone();
        Effect::new(move |_| {
            if let Some(f) = files {
                f.track();
            }
            let next = answer.get();
            let docs = |from, n| next.0.hits.iter().skip(from).take(n).map(|h| h.doc as usize);
            let shown = next.0.missing().is_empty() && corpus.0.missing_texts(docs(0, EAGER)).is_empty();
            if let (true, Some(f)) = (shown, files) {
                let rest = corpus.0.missing_texts(docs(EAGER, PAGE - EAGER));
                if !rest.is_empty() {
                    let c = corpus.0.clone();
                    after_paint(move || {
                        if answer.try_get_untracked().as_ref() == Some(&next) {
                            f.request(&c, rest);
                        }
                    });
                }
            }
            let whole = shown && excluded.with(|x| x.is_empty() || corpus.0.exclusion_unread().is_empty());
            // The charts also come when a file the answer needs could not be read: the page
            // shows what it has, with the error.
            if (whole || files.is_some_and(|f| f.error.get().is_some())) && !charted.get_untracked() {
                after_paint(move || charted.set(true));
            }
            if let (true, Some(body)) = (whole, document().body()) {
                let _ = body.set_attribute("data-ready", "true");
                if let Some(f) = files {
                    f.after_ready(&corpus.0);
                }
            }
        });
    }
    let failed = move || files.and_then(|f| f.error.get());
    let n = reported.len();
    view! {
        {(n > 0).then(|| view! {
            <details class="sorot-errors" data-testid="corpus-errors">
                <summary>{reported.summary()}</summary>
                <ul>{reported.first(ERRORS_LISTED).into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                {(n > ERRORS_LISTED).then(|| view! {
                    <p>{format!("… and {} more: sorot annotate lists them all.", n - ERRORS_LISTED)}</p>
                })}
            </details>
        })}
        {move || failed().map(|message| view! {
            <p class="sorot-notice sorot-notice--error" role="alert" data-testid="files-error">
                {message} " "
                <button type="button" class="sorot-button" on:click=move |_| { if let Some(f) = files { f.retry() } }>"Try again"</button>
            </p>
        })}
        <main class="sorot-main">
            {(!view.with_untracked(|s| s.embed)).then(|| view! { <Facets /> })}
            <Results />
            <Reader selected=selected />
        </main>
    }
}
