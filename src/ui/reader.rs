//! The reader: the open article in full, every mention highlighted, with a way to jump from
//! one mention to the next.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};
use sorot_engine::collection::Collection;
use sorot_engine::gazetteer::{EntityId, Gazetteer};
use sorot_engine::matcher::Mention;
use sorot_engine::span::Span;
use wasm_bindgen::JsCast;

use super::context::{Corpus, Current, View};
use super::files::Files;
use super::links::{link, Link};
use super::overview::Overview;
use super::yield_to_page;
use crate::render;
use crate::stepper::Stepper;
use crate::url::ViewState;

/// The reader for the document named by `doc` in the URL, or a welcome text.
///
/// - `selected`: the selected entities; their mentions are emphasized and the mention
///   navigator steps through them only.
#[component]
pub fn Reader(selected: Memo<Vec<EntityId>>) -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    let view = expect_context::<View>();
    let files = use_context::<Files>();
    // The article asked for, found or not; and its position, when found.
    let asked = Memo::new(move |_| view.with(|s| s.doc.clone()));
    let open = {
        let corpus = corpus.clone();
        Memo::new(move |_| asked.with(|d| d.as_deref().and_then(|id| corpus.0.position(id))))
    };
    // The open document, and whether its text is in: over a bundle it is fetched first. The
    // article is made again when forms are left out or counted again: its marks change.
    let Current { excluded, .. } = expect_context::<Current>();
    let here = {
        let c = corpus.0.clone();
        Memo::new(move |_| {
            let doc = open.get()?;
            let here = c.document(doc).is_some();
            if let (false, Some(f)) = (here, files) {
                f.track();
                f.request(&c, c.missing_texts([doc]));
            }
            Some((doc, here, excluded.get()))
        })
    };
    view! {
        <article class="sorot-reader" data-testid="reader" aria-live="polite">
            {move || match here.get() {
                Some((doc, true, _)) => view! { <Article doc=doc selected=selected /> }.into_any(),
                Some((_, false, _)) => view! { <p class="sorot-loading" role="status">"Loading the article…"</p> }.into_any(),
                // The overview is made once for as long as no article is open: the notice
                // follows the address on its own, so that typing does not remake every view.
                None => view! {
                    {move || asked.get().map(|id| view! { <p class="sorot-notice" role="status">"No article with id “" {id} "” in this corpus."</p> })}
                    <Overview />
                    <Welcome />
                }
                .into_any(),
            }}
        </article>
    }
}

/// How to use the explorer, shown under the overview while no document is open.
#[component]
fn Welcome() -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    let n = corpus.0.len();
    view! {
        <div class="sorot-welcome">
            <h2 class="sorot-welcome__subtitle">"Getting around"</h2>
            <p>{format!("Sorot highlights every mention of a country or an international organization in these {n} articles.")}</p>
            <ul class="sorot-welcome__tips">
                <li>"Pick an article to read it with its mentions highlighted."</li>
                <li>"Pick an entity on the left to list only the articles that mention it; pick several to require them all."</li>
                <li>"Type words to search: " <code>"\"exact phrase\""</code> ", " <code>"-exclude"</code> ", " <code>"china OR tiongkok"</code> ". The address bar keeps it all, ready to share."</li>
                <li>"Explore your own corpus by adding " <code>"?corpus=<url>"</code> " to the address: a bundle made by " <code>"sorot build"</code> " (its folder, ending in /) or a JSON Lines file."</li>
                <li>"In an article, press " <kbd>"n"</kbd> " and " <kbd>"p"</kbd> " to jump between mentions."</li>
            </ul>
            <p class="sorot-legend">
                <mark class="mention mention--country">"Country"</mark> " "
                <mark class="mention mention--organization">"Organization"</mark>
            </p>
        </div>
    }
}

/// One article, highlighted. Built once per opened article, a block at a time (see
/// [`render_progressively`]): as the query changes, only the blocks whose hits changed re-cut
/// their text, inside mention marks that stay as they are.
#[component]
fn Article(doc: usize, selected: Memo<Vec<EntityId>>) -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    let view = expect_context::<View>();
    // The article's hits follow a frame after the results (see `Current::settled`).
    let Current { settled: answer, .. } = expect_context::<Current>();
    let c = corpus.0.clone();
    let Some(d) = c.document(doc) else { return ().into_any() };
    // Read once (after the forms left out) for the article and each of its blocks.
    let mentions: Arc<[Mention]> = c.mentions(doc).unwrap_or_default().into();
    let entities: Arc<[EntityId]> = mentions.iter().map(|m| m.entity).collect();
    let g = c.gazetteer();
    // A concordance line opens the article at its occurrence: a mention is focused, as if
    // stepped to; any occurrence is scrolled to once the body is built.
    let at = view.with_untracked(|s| s.at);
    let focus = RwSignal::new(at.and_then(|at| mentions.iter().position(|m| m.span.start == at)));
    // Only the mark losing the focus and the one gaining it hear of a step; only the marks of
    // an entity whose selection changed hear of a click on it.
    let focused = Selector::new(move || focus.get());
    let mut is_selected: HashMap<EntityId, Memo<bool>> = HashMap::new();
    for &e in entities.iter() {
        is_selected.entry(e).or_insert_with(|| Memo::new(move |_| selected.with(|s| s.contains(&e))));
    }

    // The mentions the stepper stops at: those of selected entities, or all.
    let stepper = {
        let entities = entities.clone();
        Memo::new(move |_| selected.with(|s| Stepper::new(&entities, s)))
    };
    let step = move |forward: bool| {
        let at = focus.get_untracked();
        let next = stepper.with_untracked(|s| if forward { s.next(at) } else { s.previous(at) });
        if let Some(i) = next {
            focus.set(Some(i));
            scroll_to_mention(i);
        }
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "n" | "j" => step(true),
            "p" | "k" => step(false),
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    // The body follows the query: its hits are marked too, inside mentions where they overlap.
    let blocks = render::blocks(&d.text, &mentions, render::BLOCK_BYTES);
    let paragraphs: Vec<Span> = blocks.paragraphs().collect();
    let covered = {
        let c = c.clone();
        Memo::new(move |_| {
            answer.with(|a| {
                render::reader_coverage(
                    &render::sorted(c.hits(doc, &a.0.matched).unwrap_or_default()),
                    paragraphs.iter().copied(),
                )
            })
        })
    };
    let long = d.text.len() > LONG_BYTES;
    let body = NodeRef::<leptos::html::Div>::new();
    {
        let marks = Marks {
            collection: c.clone(),
            doc,
            mentions: mentions.clone(),
            covered,
            is_selected,
            focused: focused.clone(),
        };
        body.on_load(move |el| render_progressively(el.into(), blocks, marks, at));
    }

    let close = |s: &ViewState| s.with_doc(None);
    let meta = [d.outlet.clone(), d.date.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    let url = d.url.clone().filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    let n = mentions.len();
    let summary = c
        .doc_entities(doc)
        .into_iter()
        .map(|(e, k)| {
            let ent = g.entity(e);
            let kind = ent.kind.as_str();
            let entities = entities.clone();
            let on_chip = move |_| {
                if let Some(i) = Stepper::next_of(&entities, e, focus.get_untracked()) {
                    focus.set(Some(i));
                    scroll_to_mention(i);
                }
            };
            view! {
                <li>
                    <button type="button" class=format!("sorot-chip sorot-chip--{kind}") data-entity=ent.code.clone()
                        title=format!("{} · {} — jump to the next mention", ent.name_id, ent.name_en) on:click=on_chip>
                        {ent.label.clone()} <span class="sorot-chip__n">{k}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let position = move || {
        let at = focus.get();
        stepper.with(|s| format!("{} / {}", s.position(at), s.len()))
    };
    view! {
        <header class="sorot-reader__head">
            <a class="sorot-reader__close" use:link=Link::to(view, close) title="Close the article">"×"</a>
            <h1 class="sorot-reader__title">{d.display_title()}</h1>
            <p class="sorot-reader__meta">
                {if meta.is_empty() { d.id.clone() } else { format!("{meta} · {}", d.id) }}
                {url.map(|u| view! { " · " <a href=u rel="noopener noreferrer nofollow" target="_blank">"source"</a> })}
            </p>
            <div class="sorot-reader__mentions">
                <ul class="sorot-reader__chips" aria-label="Mentioned in this article">{summary}</ul>
                <div class="sorot-stepper" role="group" aria-label="Jump between mentions">
                    <button type="button" class="sorot-stepper__btn" title="Previous mention (p)" on:click=move |_| step(false)>"‹"</button>
                    <span class="sorot-stepper__pos" data-testid="mention-position">{position}</span>
                    <button type="button" class="sorot-stepper__btn" title="Next mention (n)" on:click=move |_| step(true)>"›"</button>
                </div>
            </div>
            {(n == 0).then(|| view! { <p class="sorot-notice">"No country or organization is mentioned in this article."</p> })}
        </header>
        <div class=if long { "sorot-reader__body sorot-reader__body--long" } else { "sorot-reader__body" }
            node_ref=body aria-busy="true" data-testid="reader-body"></div>
    }
    .into_any()
}

/// Bytes after which an article counts as long: its blocks then skip layout while off screen.
const LONG_BYTES: usize = 256 * 1024;
/// Milliseconds of building blocks before the page gets a chance to paint and take input.
const FRAME_MS: f64 = 8.0;

/// What every block of an article needs to mark its mentions and hits.
#[derive(Clone)]
struct Marks {
    collection: Arc<Collection>,
    doc: usize,
    /// The article's mentions.
    mentions: Arc<[Mention]>,
    /// The stretches the query's hits cover, over the whole article.
    covered: Memo<Vec<Span>>,
    is_selected: HashMap<EntityId, Memo<bool>>,
    focused: Selector<Option<usize>>,
}

/// Builds the article's blocks into `body` in order: as many as fit in a frame's worth of work
/// now, then the rest a frame's worth at a time, so that even an article of megabytes in one
/// paragraph shows its start at once and never holds up the page. The blocks belong to the
/// component that called this: its end drops them and stops the work.
fn render_progressively(body: web_sys::Element, mut blocks: render::Blocks, marks: Marks, at: Option<u32>) {
    let Some(owner) = Owner::current() else { return };
    // Opening another article keeps the body element (Leptos updates the view in place), and
    // with it the blocks of the article before: they go first.
    body.set_text_content(None);
    let _ = body.remove_attribute("data-rendered");
    let states = StoredValue::new_local(Vec::<AnyViewState>::new());
    let perf = window().performance();
    let now = move || perf.as_ref().map_or(0.0, |p| p.now());
    // Builds blocks until the frame's share is spent; false once every block is built.
    let mut step = move || {
        let t = now();
        loop {
            if states.is_disposed() {
                return false;
            }
            let text = marks.collection.document(marks.doc).map_or("", |d| d.text.as_str());
            let Some(block) = blocks.next_block(text) else {
                let _ = body.remove_attribute("aria-busy");
                let _ = body.set_attribute("data-rendered", "true");
                if let Some(at) = at {
                    scroll_to(&body, &format!("[data-start=\"{at}\"]"), true);
                }
                return false;
            };
            let state = owner.with(|| {
                let mut state = block_view(block, &marks).build();
                state.mount(&body, None);
                state
            });
            states.update_value(|s| s.push(state));
            if now() - t >= FRAME_MS {
                return true;
            }
        }
    };
    if step() {
        wasm_bindgen_futures::spawn_local(async move {
            while step() {
                yield_to_page().await;
            }
        });
    }
}

/// One block of an article: a paragraph, or a stretch of a long one, with its mentions marked
/// once and its hits re-cut only when those inside it change.
fn block_view(block: render::Block, marks: &Marks) -> AnyView {
    let Marks { collection: c, doc, mentions, covered, is_selected, focused } = marks;
    let (doc, covered, span) = (*doc, *covered, block.span);
    let mine = Memo::new(move |_| covered.with(|cv| render::overlapping(cv, span).to_vec()));
    let g = c.gazetteer();
    let parts = block
        .parts
        .into_iter()
        .map(|part| {
            let c = c.clone();
            let text = move || {
                let text = c.document(doc).map_or("", |d| d.text.as_str());
                mine.with(|cv| {
                    render::split(part.span, cv)
                        .into_iter()
                        .map(|(s, hit)| {
                            let t = s.slice(text).to_string();
                            if hit {
                                Either::Right(view! { <mark class="hit" data-start=s.start>{t}</mark> })
                            } else {
                                Either::Left(t)
                            }
                        })
                        .collect::<Vec<_>>()
                })
            };
            match part.mention {
                None => text.into_any(),
                Some(i) => {
                    let m = &mentions[i];
                    mention_mark(g, m, i, is_selected[&m.entity], focused, text)
                }
            }
        })
        .collect_view();
    let class = if block.opens { "sorot-reader__p" } else { "sorot-reader__p sorot-reader__p--cont" };
    view! { <p class=class>{parts}</p> }.into_any()
}

/// Scrolls the reader so that mention `i` is in view.
fn scroll_to_mention(i: usize) {
    if let Some(reader) = document().query_selector("[data-testid=reader]").ok().flatten() {
        scroll_to(&reader, &format!("mark[data-mention=\"{i}\"]"), false);
    }
}

/// Scrolls the first element under `root` that matches `selector` into the middle of the view;
/// `mark` also marks it as the occurrence gone to (`data-at`).
fn scroll_to(root: &web_sys::Element, selector: &str, mark: bool) {
    let Some(el) = root.query_selector(selector).ok().flatten() else { return };
    if mark {
        let _ = el.set_attribute("data-at", "true");
    }
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    opts.set_behavior(web_sys::ScrollBehavior::Smooth);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// The `<mark>` of mention `i`, explaining itself in its title.
fn mention_mark(
    g: &Gazetteer,
    m: &Mention,
    i: usize,
    is_selected: Memo<bool>,
    focused: &Selector<Option<usize>>,
    inner: impl IntoView + 'static,
) -> AnyView {
    let e = g.entity(m.entity);
    let alias = m.explanation(g);
    let kind = e.kind.as_str();
    let how = if m.corrected { "read as a misspelling of" } else { "matched" };
    let tip = format!("{} · {}\n{} {} · {how} “{}”", e.name_id, e.name_en, kind, e.code, alias);
    let base = render::mention_class(m, kind);
    let focused = focused.clone();
    let class = move || {
        let mut c = base.clone();
        if is_selected.get() {
            c.push_str(" mention--selected");
        }
        if focused.selected(&Some(i)) {
            c.push_str(" mention--focus");
        }
        c
    };
    view! {
        <mark class=class data-entity=e.code.clone() data-kind=kind data-mention=i data-start=m.span.start data-alias=alias title=tip>{inner}</mark>
    }
    .into_any()
}
