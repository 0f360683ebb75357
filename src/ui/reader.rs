//! The reader: the open article in full, every mention highlighted, with a way to jump from
//! one mention to the next.

use leptos::prelude::*;
use sorot_engine::gazetteer::EntityId;
use wasm_bindgen::JsCast;

use super::nav::{href, on_link_click, Corpus, Current, View};
use crate::render::{paragraphs, Piece};

/// The reader for the document named by `doc` in the URL, or a welcome text.
///
/// - `selected`: the selected entities; their mentions are emphasized and the mention
///   navigator steps through them only.
#[component]
pub fn Reader(selected: Memo<Vec<EntityId>>) -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    let view = expect_context::<View>();
    let open = {
        let corpus = corpus.clone();
        Memo::new(move |_| view.0.with(|s| s.doc.as_deref().and_then(|id| corpus.0.position(id))))
    };
    view! {
        <article class="sorot-reader" data-testid="reader" aria-live="polite">
            {move || match open.get() {
                Some(doc) => view! { <Article doc=doc selected=selected /> }.into_any(),
                None => {
                    let missing = view.0.with(|s| s.doc.clone());
                    view! { <Welcome missing=missing /> }.into_any()
                }
            }}
        </article>
    }
}

/// Shown when no document is open (or the one in the URL does not exist).
#[component]
fn Welcome(missing: Option<String>) -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    let n = corpus.0.docs().len();
    view! {
        <div class="sorot-welcome">
            {missing.map(|id| view! { <p class="sorot-notice" role="status">"No article with id “" {id} "” in this corpus."</p> })}
            <h1 class="sorot-welcome__title">"Who is mentioned where?"</h1>
            <p>{format!("Sorot highlights every mention of a country or an international organization in these {n} articles.")}</p>
            <ul class="sorot-welcome__tips">
                <li>"Pick an article to read it with its mentions highlighted."</li>
                <li>"Pick an entity on the left to list only the articles that mention it; pick several to require them all."</li>
                <li>"Type words to search: " <code>"\"exact phrase\""</code> ", " <code>"-exclude"</code> ", " <code>"china OR tiongkok"</code> ". The address bar keeps it all, ready to share."</li>
                <li>"Explore your own JSON Lines corpus by adding " <code>"?corpus=<url>"</code> " to the address."</li>
                <li>"In an article, press " <kbd>"n"</kbd> " and " <kbd>"p"</kbd> " to jump between mentions."</li>
            </ul>
            <p class="sorot-legend">
                <mark class="mention mention--country">"Country"</mark> " "
                <mark class="mention mention--organization">"Organization"</mark>
            </p>
        </div>
    }
}

/// One article, highlighted.
#[component]
fn Article(doc: usize, selected: Memo<Vec<EntityId>>) -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    let view = expect_context::<View>();
    let c = corpus.0.clone();
    let d = &c.docs()[doc];
    let mentions = c.mentions(doc).to_vec();
    let g = c.gazetteer();
    let focus = RwSignal::new(None::<usize>);

    // The mentions the navigator steps through: those of selected entities, or all.
    let stops = {
        let mentions = mentions.clone();
        Memo::new(move |_| {
            let sel = selected.get();
            let of_selected: Vec<usize> =
                mentions.iter().enumerate().filter(|(_, m)| sel.contains(&m.entity)).map(|(i, _)| i).collect();
            if of_selected.is_empty() {
                (0..mentions.len()).collect()
            } else {
                of_selected
            }
        })
    };
    let step = move |forward: bool| {
        let stops = stops.get_untracked();
        if stops.is_empty() {
            return;
        }
        let next = match focus.get_untracked().and_then(|f| stops.iter().position(|&s| s == f)) {
            None if forward => stops[0],
            None => stops[stops.len() - 1],
            Some(p) if forward => stops[(p + 1) % stops.len()],
            Some(p) => stops[(p + stops.len() - 1) % stops.len()],
        };
        focus.set(Some(next));
        scroll_to_mention(next);
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
    let Current { answer, .. } = expect_context::<Current>();
    let paras = {
        let c = c.clone();
        let mentions = mentions.clone();
        move || {
            let text = &c.docs()[doc].text;
            let g = c.gazetteer();
            let hits = answer.with(|a| c.hits(doc, &a.0.matched));
            paragraphs(text, &mentions, &hits)
                .into_iter()
                .map(|pieces| {
                    let mut parts = Vec::new();
                    let mut run: Vec<Piece> = Vec::new();
                    // Consecutive pieces of one mention become one <mark>.
                    let flush = |run: &mut Vec<Piece>, parts: &mut Vec<AnyView>| {
                        let Some(i) = run.first().and_then(|p| p.mention) else { return };
                        let inner = run.drain(..).map(hit_or_text).collect_view();
                        parts.push(mention_mark(g, &mentions, i, selected, focus, inner));
                    };
                    for p in pieces {
                        if p.mention.is_some() && run.first().is_some_and(|r| r.mention != p.mention) {
                            flush(&mut run, &mut parts);
                        }
                        match p.mention {
                            Some(_) => run.push(p),
                            None => {
                                flush(&mut run, &mut parts);
                                parts.push(hit_or_text(p));
                            }
                        }
                    }
                    flush(&mut run, &mut parts);
                    view! { <p class="sorot-reader__p">{parts}</p> }
                })
                .collect_view()
        }
    };

    let close_target = move || view.0.with(|s| s.with_doc(None));
    let on_close = on_link_click(view, close_target);
    let meta = [d.outlet.clone(), d.date.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    let url = d.url.clone().filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    let n = mentions.len();
    let summary = c
        .doc_entities(doc)
        .into_iter()
        .map(|(e, k)| {
            let ent = g.entity(e);
            let kind = ent.kind.as_str();
            let mentions = mentions.clone();
            let on_chip = move |_| {
                let after = focus.get_untracked();
                let of_e: Vec<usize> =
                    mentions.iter().enumerate().filter(|(_, m)| m.entity == e).map(|(i, _)| i).collect();
                let next = of_e.iter().copied().find(|&i| after.is_some_and(|a| i > a)).or(of_e.first().copied());
                if let Some(i) = next {
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
        let stops = stops.get();
        let at = focus.get().and_then(|f| stops.iter().position(|&s| s == f)).map_or(0, |p| p + 1);
        format!("{at} / {}", stops.len())
    };
    view! {
        <header class="sorot-reader__head">
            <a class="sorot-reader__close" href=move || href(&close_target()) on:click=on_close title="Close the article">"×"</a>
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
        <div class="sorot-reader__body">{paras}</div>
    }
}

/// Scrolls the reader so that mention `i` is in view.
fn scroll_to_mention(i: usize) {
    let Some(el) =
        document().query_selector(&format!("[data-testid=reader] mark[data-mention=\"{i}\"]")).ok().flatten()
    else {
        return;
    };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    opts.set_behavior(web_sys::ScrollBehavior::Smooth);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// A piece of text, as a query hit or as plain text.
fn hit_or_text(p: Piece) -> AnyView {
    if p.hit {
        view! { <mark class="hit">{p.text}</mark> }.into_any()
    } else {
        p.text.into_any()
    }
}

/// The `<mark>` of mention `i`, explaining itself in its title.
fn mention_mark(
    g: &sorot_engine::gazetteer::Gazetteer,
    mentions: &[sorot_engine::matcher::Mention],
    i: usize,
    selected: Memo<Vec<EntityId>>,
    focus: RwSignal<Option<usize>>,
    inner: impl IntoView + 'static,
) -> AnyView {
    let m = mentions[i];
    let e = g.entity(m.entity);
    let alias = m.explanation(g);
    let kind = e.kind.as_str();
    let how = if m.corrected { "read as a misspelling of" } else { "matched" };
    let tip = format!("{} · {}\n{} {} · {how} “{}”", e.name_id, e.name_en, kind, e.code, alias);
    let entity = m.entity;
    let base = crate::render::mention_class(&m, kind);
    let class = move || {
        let mut c = base.clone();
        if selected.with(|s| s.contains(&entity)) {
            c.push_str(" mention--selected");
        }
        if focus.get() == Some(i) {
            c.push_str(" mention--focus");
        }
        c
    };
    view! {
        <mark class=class data-entity=e.code.clone() data-kind=kind data-mention=i data-alias=alias title=tip>{inner}</mark>
    }
    .into_any()
}
