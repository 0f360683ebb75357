//! The ranked results: count, order, and per article its title, outlet, date, a snippet with the
//! query's hits and the mentions marked, and who it mentions. Long lists grow a page at a time.

use std::sync::{Arc, Weak};

use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use sorot_engine::collection::Response;
use sorot_engine::gazetteer::EntityId;

use super::context::{Answer, Corpus, Current, View};
use super::history::{go, link_href, on_link_click, Entry};
use crate::render::snippet_pieces;
use crate::url::{Sort, ViewState};

/// Results shown at first and added by "Show more".
const PAGE: usize = 20;
/// Words in a snippet.
const SNIPPET_WORDS: usize = 28;
/// Entity chips per result before "+N".
const CHIPS: usize = 5;

/// How many results are shown: more than a page only for the answer "Show more" was clicked
/// on, so that a new answer starts again from the first page without an effect resetting it.
#[derive(Clone, Debug, Default)]
struct Shown {
    /// The answer the count belongs to (held weakly: an old answer is not kept alive).
    of: Weak<Response>,
    /// Results shown for it.
    n: usize,
}

impl Shown {
    /// Results to show of `answer`.
    fn limit(&self, answer: &Answer) -> usize {
        if std::ptr::eq(self.of.as_ptr(), Arc::as_ptr(&answer.0)) {
            self.n
        } else {
            PAGE
        }
    }

    /// A page more of `answer` than is shown now.
    fn more(&self, answer: &Answer) -> Shown {
        Shown { of: Arc::downgrade(&answer.0), n: self.limit(answer) + PAGE }
    }
}

/// The result list.
#[component]
pub fn Results() -> impl IntoView {
    let view = expect_context::<View>();
    let Current { answer, selected } = expect_context::<Current>();
    let corpus = expect_context::<Corpus>();
    let total_docs = corpus.0.docs().len();
    let shown = RwSignal::new(Shown::default());
    // Each result hears only whether it itself opened or closed.
    let open_doc = Selector::new(move || view.with(|s| s.doc.clone()));
    let limit = move || answer.with(|a| shown.with(|s| s.limit(a)));
    let count = move || answer.with(|a| a.0.hits.len());
    let page = move || {
        let n = limit();
        answer.with(|a| a.0.hits.iter().take(n).map(|h| h.doc as usize).collect::<Vec<_>>())
    };
    let on_sort = move |ev: leptos::ev::Event| {
        let sort = Sort::from_name(&event_target_value(&ev));
        let next = view.with_untracked(|s| ViewState { sort, ..s.clone() });
        go(view, next, Entry::Push);
    };
    let sort_value = move || view.with(|s| s.sort.name());
    view! {
        <section class="sorot-results" aria-label="Articles">
            <div class="sorot-results__bar">
                <p class="sorot-results__count" data-testid="result-count" aria-live="polite">
                    {move || {
                        let n = count();
                        if n == total_docs { format!("{n} articles") } else { format!("{n} of {total_docs} articles") }
                    }}
                </p>
                <label class="sorot-results__sort">
                    <span class="sorot-visually-hidden">"Order"</span>
                    <select data-testid="sort" prop:value=sort_value on:change=on_sort>
                        <option value="relevance">"Best match"</option>
                        <option value="newest">"Newest"</option>
                        <option value="oldest">"Oldest"</option>
                    </select>
                </label>
            </div>
            <ol class="sorot-results__list" data-testid="doc-list">
                <For each=page key=|d| *d children=move |d| view! { <ResultItem doc=d selected=selected open_doc=open_doc.clone() /> } />
            </ol>
            <Show when=move || count() == 0>
                <p class="sorot-results__empty">"No article matches. Remove a word or a filter to widen the search."</p>
            </Show>
            <Show when=move || { count() > limit() }>
                <button type="button" class="sorot-results__more" data-testid="load-more"
                    on:click=move |_| shown.set(answer.with_untracked(|a| shown.with_untracked(|s| s.more(a))))>
                    {move || format!("Show {} more", (count() - limit()).min(PAGE))}
                </button>
            </Show>
        </section>
    }
}

/// One result.
#[component]
fn ResultItem(doc: usize, selected: Memo<Vec<EntityId>>, open_doc: Selector<Option<String>>) -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    let view = expect_context::<View>();
    let Current { answer, .. } = expect_context::<Current>();
    let c = corpus.0.clone();
    let d = &c.docs()[doc];
    let id = d.id.clone();
    let is_open = {
        let key = Some(id.clone());
        move || open_doc.selected(&key)
    };
    let current = is_open.clone();
    let open = {
        let id = id.clone();
        move |s: &ViewState| s.with_doc(Some(&id))
    };
    let meta = [d.outlet.clone(), d.date.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    let snippet = {
        let c = c.clone();
        move || {
            answer.with(|a| {
                let s = c.snippet(doc, &a.0.matched, SNIPPET_WORDS);
                let text = &c.docs()[doc].text;
                let mentions = c.mentions(doc);
                let g = c.gazetteer();
                let pieces = snippet_pieces(text, &s, mentions)
                    .into_iter()
                    .map(|p| {
                        let inner = if p.hit { view! { <mark class="hit">{p.text}</mark> }.into_any() } else { p.text.into_any() };
                        match p.mention {
                            None => inner,
                            Some(i) => {
                                let e = g.entity(mentions[i].entity);
                                let kind = e.kind.as_str();
                                view! {
                                    <mark class=crate::render::mention_class(&mentions[i], kind) data-entity=e.code.clone() data-kind=kind
                                        title=format!("{} · {}", e.name_id, e.name_en)>{inner}</mark>
                                }
                                .into_any()
                            }
                        }
                    })
                    .collect_view();
                view! {
                    {s.cut_before.then_some("… ")}
                    {pieces}
                    {s.cut_after.then_some(" …")}
                }
            })
        }
    };
    let entities = c.doc_entities(doc);
    let more = entities.len().saturating_sub(CHIPS);
    let g = c.gazetteer();
    let chips = entities
        .into_iter()
        .take(CHIPS)
        .map(|(e, n)| {
            let ent = g.entity(e);
            let kind = ent.kind.as_str();
            let class = move || {
                let sel = if selected.with(|s| s.contains(&e)) { " sorot-chip--selected" } else { "" };
                format!("sorot-chip sorot-chip--{kind}{sel}")
            };
            view! {
                <li class=class data-entity=ent.code.clone() title=format!("{} · {}", ent.name_id, ent.name_en)>
                    {ent.label.clone()} <span class="sorot-chip__n">{n}</span>
                </li>
            }
        })
        .collect_view();
    let untitled = d.title.as_deref().is_none_or(|t| t.trim().is_empty());
    view! {
        <li class=move || if is_open() { "sorot-doc sorot-doc--open" } else { "sorot-doc" }>
            <a class="sorot-doc__link" data-testid="doc-item" data-doc=id.clone()
                href=link_href(view, open.clone())
                on:click=on_link_click(view, open)
                aria-current=move || current().then_some("page")>
                <span class=if untitled { "sorot-doc__title sorot-doc__title--untitled" } else { "sorot-doc__title" }>{d.display_title()}</span>
                <span class="sorot-doc__meta">{if meta.is_empty() { d.id.clone() } else { meta }}</span>
            </a>
            <p class="sorot-doc__snippet" data-testid="snippet">{snippet}</p>
            <ul class="sorot-doc__chips" aria-label="Mentioned">
                {chips}
                {(more > 0).then(|| view! { <li class="sorot-chip sorot-chip--more">{format!("+{more}")}</li> })}
            </ul>
        </li>
    }
}
