//! The ranked results: count, order, and per article its title, outlet, date, a snippet with the
//! query's hits and the mentions marked, and who it mentions. Long lists grow a page at a time.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use sorot_engine::gazetteer::EntityId;

use sorot_engine::collection::Collection;
use sorot_engine::corpus::Document;

use super::context::{Answer, Corpus, Current, View};
use super::files::Files;
use super::forms::Excluded;
use super::history::{go, Entry};
use super::links::{link, Link};
use super::result_exports::ResultExports;
use crate::render::snippet_pieces;
use crate::url::{Sort, ViewState};

/// Results shown at first and added by "Show more": as many as a bundle's manifest names the
/// texts of for the default view.
pub(crate) const PAGE: usize = sorot_engine::bundle::FIRST_PAGE;
/// Words in a snippet.
const SNIPPET_WORDS: usize = 28;
/// Entity chips per result before "+N".
const CHIPS: usize = 5;
/// Results that follow the answer at once: the top ten, more than a desktop window shows (and
/// the ten whose texts a search engine's query time is usually counted to). Those below follow a
/// frame later (see `Current::settled`); the style lets them skip layout too.
pub(crate) const EAGER: usize = 10;

/// What a search asks: a new one starts again from the first page of results.
type Asked = (String, Vec<String>, bool, Option<String>, Option<String>, Sort, bool);

/// How many results are shown: more than a page only for the search "Show more" was clicked
/// on, so that a new search starts again from the first page without an effect resetting it.
/// Keyed by the search, not by its answer: over a bundle, the answer first shown is replaced
/// by the whole one once its texts are in, and a click between the two is kept.
#[derive(Clone, Debug, Default)]
struct Shown {
    /// The search the count belongs to.
    of: Option<Asked>,
    /// Results shown for it.
    n: usize,
}

impl Shown {
    /// Results to show for `asked`.
    fn limit(&self, asked: &Asked) -> usize {
        if self.of.as_ref() == Some(asked) {
            self.n
        } else {
            PAGE
        }
    }

    /// A page more for `asked` than is shown now.
    fn more(&self, asked: &Asked) -> Shown {
        Shown { of: Some(asked.clone()), n: self.limit(asked) + PAGE }
    }
}

/// The result list.
#[component]
pub fn Results() -> impl IntoView {
    let view = expect_context::<View>();
    let Current { answer, settled, selected, charted, .. } = expect_context::<Current>();
    let corpus = expect_context::<Corpus>();
    let total_docs = corpus.0.len();
    let shown = RwSignal::new(Shown::default());
    // Each result hears only whether it itself opened or closed, and only when the open
    // document changes: the selector goes over every document it was asked about.
    let doc = Memo::new(move |_| view.with(|s| s.doc.clone()));
    let open_doc = Selector::new(move || doc.get());
    let asked = Memo::new(move |_| {
        view.with(|s| (s.q.clone(), s.entities.clone(), s.any, s.outlet.clone(), s.period.clone(), s.sort, s.unique))
    });
    let limit = move || asked.with(|a| shown.with(|s| s.limit(a)));
    let count = move || answer.with(|a| a.0.hits.len());
    let page_of = move |answer: Signal<Answer>, all: Signal<bool>| {
        Memo::new(move |_| {
            let n = if all.get() { limit() } else { EAGER };
            answer.with(|a| a.0.hits.iter().take(n).map(|h| h.doc as usize).collect::<Vec<_>>())
        })
    };
    // Over a bundle, the results below the first screen appear once the page has first been
    // ready: their texts are not among the downloads it waits for.
    let (page, page_settled) = (page_of(answer.into(), Signal::stored(true)), page_of(settled, charted));
    let on_sort = move |ev: leptos::ev::Event| {
        let sort = Sort::from_name(&event_target_value(&ev));
        let next = view.with_untracked(|s| ViewState { sort, ..s.clone() });
        go(view, next, Entry::Push);
    };
    let sort_value = Memo::new(move |_| view.with(|s| s.sort.name()));
    let unique = Memo::new(move |_| view.with(|s| s.unique));
    let per_story = |s: &ViewState| ViewState { unique: !s.unique, ..s.clone() };
    view! {
        <section class="sorot-results" aria-label="Articles">
            <Excluded />
            <div class="sorot-results__bar">
                <p class="sorot-results__count" data-testid="result-count" aria-live="polite">
                    {move || {
                        let n = count();
                        let articles = answer.with(|a| a.0.articles);
                        match (answer.with(|a| a.0.unique), n == total_docs) {
                            (true, _) => format!("{n} stories ({articles} of {total_docs} articles)"),
                            (false, true) => format!("{n} articles"),
                            (false, false) => format!("{n} of {total_docs} articles"),
                        }
                    }}
                </p>
                <a class="sorot-results__unique" data-testid="unique" use:link=Link::to(view, per_story)
                    aria-current=move || unique.get().then_some("true")
                    title="Count near-duplicate copies of a story (wire copy republished by several outlets) once, in every view">
                    {move || if unique.get() { "One per story ✓" } else { "One per story" }}
                </a>
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
                <For each=move || 0..limit() key=|i| *i children=move |i| {
                    let (page, answer) = if i < EAGER { (page, answer.into()) } else { (page_settled, settled) };
                    view! { <ResultSlot i=i page=page answer=answer selected=selected open_doc=open_doc.clone() /> }
                } />
            </ol>
            <Show when=move || count() == 0>
                <p class="sorot-results__empty">"No article matches. Remove a word or a filter to widen the search."</p>
            </Show>
            <Show when=move || { count() > limit() }>
                <button type="button" class="sorot-results__more" data-testid="load-more"
                    on:click=move |_| shown.set(asked.with_untracked(|a| shown.with_untracked(|s| s.more(a))))>
                    {move || format!("Show {} more", (count() - limit()).min(PAGE))}
                </button>
            </Show>
            <ResultExports />
        </section>
    }
}

/// The `i`-th result of `answer` (whose documents, in order, are `page`), kept from one answer
/// to the next: as the query
/// changes, the slot shows another article in the same elements. Each part of the card is
/// one effect that rebuilds plain elements, so a keystroke creates no effect and drops none
/// (reactive_graph keeps a dropped effect's entry in its sources' lists, and copies those
/// lists on every change: cards made and dropped per keystroke made each keystroke slower).
#[component]
fn ResultSlot(
    i: usize,
    page: Memo<Vec<usize>>,
    answer: Signal<Answer>,
    selected: Memo<Vec<EntityId>>,
    open_doc: Selector<Option<String>>,
) -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    let view = expect_context::<View>();
    let c = corpus.0.clone();
    let files = use_context::<Files>();
    let doc = Memo::new(move |_| page.with(|p| p.get(i).copied()));
    let shown = Memo::new(move |_| doc.with(Option::is_some));
    let is_open = {
        let c = c.clone();
        let open_doc = open_doc.clone();
        move || doc.get().is_some_and(|d| open_doc.selected(&Some(c.id(d).to_string())))
    };
    let head = {
        let c = c.clone();
        let open_doc = open_doc.clone();
        move || doc.get().map(|d| card_head(&c, d, view, &open_doc, files))
    };
    let snippet = {
        let c = c.clone();
        move || doc.get().map(|d| answer.with(|a| snippet_view(&c, d, a, files)))
    };
    // Forms left out change a card's counts: when they change, and over a bundle as the texts
    // that have them arrive (a text not read yet keeps its counts until it is).
    let Current { excluded, .. } = expect_context::<Current>();
    let chips = move || {
        doc.get().map(|d| {
            if let (false, Some(f)) = (excluded.with(|x| x.is_empty()), files) {
                f.track();
            }
            selected.with(|s| chips_view(&c, d, s))
        })
    };
    view! {
        <li class=move || if is_open() { "sorot-doc sorot-doc--open" } else { "sorot-doc" } hidden=move || !shown.get()>
            <Show when=move || shown.get()>
                {head.clone()}
                <p class="sorot-doc__snippet" data-testid="snippet">{snippet.clone()}</p>
                <ul class="sorot-doc__chips" aria-label="Mentioned">{chips.clone()}</ul>
            </Show>
        </li>
    }
}

/// A card's link: title, outlet and date.
fn card_head(
    c: &Arc<Collection>,
    doc: usize,
    view: View,
    open_doc: &Selector<Option<String>>,
    files: Option<Files>,
) -> impl IntoView {
    let id = c.id(doc).to_string();
    let current = open_doc.selected(&Some(id.clone()));
    let open = {
        let id = id.clone();
        move |s: &ViewState| s.with_doc(Some(&id))
    };
    let meta = [c.outlet(doc), c.date(doc)].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    let d = text_of(c, doc, files);
    let untitled = d.is_none_or(|d| d.title.as_deref().is_none_or(|t| t.trim().is_empty()));
    let title = d.map_or_else(|| "…".to_string(), |d| d.display_title());
    let meta = if meta.is_empty() { id.clone() } else { meta };
    view! {
        <a class="sorot-doc__link" data-testid="doc-item" data-doc=id use:link=Link::to(view, open)
            aria-current=current.then_some("page")>
            <span class=if untitled { "sorot-doc__title sorot-doc__title--untitled" } else { "sorot-doc__title" }>{title}</span>
            <span class="sorot-doc__meta">{meta}</span>
        </a>
    }
}

/// A card's snippet for `answer`: the best window of the text, its hits and mentions marked.
fn snippet_view(c: &Arc<Collection>, doc: usize, answer: &Answer, files: Option<Files>) -> impl IntoView {
    let (Some(d), Some(s), Some(mentions)) =
        (text_of(c, doc, files), c.snippet(doc, &answer.0.matched, SNIPPET_WORDS), c.mentions(doc))
    else {
        return view! { <span class="sorot-loading">"…"</span> }.into_any();
    };
    let text = &d.text;
    let g = c.gazetteer();
    let pieces = snippet_pieces(text, &s, &mentions)
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
    .into_any()
}

/// Document `doc` with its text; over a bundle, `None` until its file is in, which is then
/// fetched (the caller runs again when it arrives).
fn text_of(c: &Arc<Collection>, doc: usize, files: Option<Files>) -> Option<&Document> {
    let d = c.document(doc);
    // Only a card still waiting hears of arrivals: a file arriving re-renders no other card.
    if let (None, Some(f)) = (d, files) {
        f.track();
        f.request(c, c.missing_texts([doc]));
    }
    d
}

/// A card's chips: the entities it mentions most, the selected ones marked.
fn chips_view(c: &Collection, doc: usize, selected: &[EntityId]) -> impl IntoView {
    let entities = c.doc_entities(doc);
    let more = entities.len().saturating_sub(CHIPS);
    let g = c.gazetteer();
    let chips = entities
        .into_iter()
        .take(CHIPS)
        .map(|(e, n)| {
            let ent = g.entity(e);
            let kind = ent.kind.as_str();
            let sel = if selected.contains(&e) { " sorot-chip--selected" } else { "" };
            view! {
                <li class=format!("sorot-chip sorot-chip--{kind}{sel}") data-entity=ent.code.clone() title=format!("{} · {}", ent.name_id, ent.name_en)>
                    {ent.label.clone()} <span class="sorot-chip__n">{n}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        {chips}
        {(more > 0).then(|| view! { <li class="sorot-chip sorot-chip--more">{format!("+{more}")}</li> })}
    }
}
