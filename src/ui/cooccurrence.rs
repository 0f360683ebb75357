//! The co-occurrence matrix: for the selected entities and the most mentioned ones, in how many
//! of the current matches each pair is mentioned together, and whether that is more or less
//! often than chance (Dunning's log-likelihood ratio). A cell is a link to the articles with both.

use leptos::prelude::*;
use sorot_engine::cooccurrence::{Cooccurrence, Unit};
use sorot_engine::gazetteer::EntityId;

use super::chart_image::ChartImages;
use super::context::{Corpus, Current, View};
use super::download::Downloads;
use super::files::Files;
use super::links::{link, Link};
use crate::charts::{association, Association};
use crate::export::cooccurrence_table;
use crate::facet_lists::chart_entities;
use crate::url::ViewState;

/// Entities in the matrix.
const TOP: usize = 8;

/// The co-occurrence of the current matches' entities.
#[component]
pub fn CooccurrenceMatrix() -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    let view = expect_context::<View>();
    let Current { settled: answer, selected, .. } = expect_context::<Current>();
    let files = use_context::<Files>();
    let by_sentence = Memo::new(move |_| view.with(|s| s.by_sentence));
    let c = corpus.0.clone();
    let matrix = Memo::new(move |_| {
        let unit = if by_sentence.get() { Unit::Sentence } else { Unit::Article };
        if let (Some(f), Unit::Sentence) = (files, unit) {
            f.track();
        }
        answer.with(|a| {
            let entities = selected.with(|sel| chart_entities(&c.facets(&a.0).entities, sel, TOP, true));
            let docs: Vec<usize> = a.0.hits.iter().map(|h| h.doc as usize).collect();
            let m = c.cooccurrence_by(&docs, &entities, unit);
            // Over a bundle, sentences need the texts: a batch at a time, each arrival asking for the next.
            if let Some(f) = files {
                f.request_texts(&c, m.unread.iter().map(|&d| d as usize));
            }
            m
        })
    });
    let unit_link = move |on: bool, label: &'static str| {
        let target = move |s: &ViewState| ViewState { by_sentence: on, ..s.clone() };
        view! {
            <a class="sorot-switch__option" use:link=Link::to(view, target)
                aria-current=move || (by_sentence.get() == on).then_some("true")
                data-unit=if on { "sentence" } else { "article" }>{label}</a>
        }
    };
    let lead = move || {
        matrix.with(|m| {
            let mut s = match m.unit {
                Unit::Article => "Articles mentioning both, of the matching articles.".to_string(),
                Unit::Sentence => format!("Sentences mentioning both, of the {} sentences of the matching articles.", m.articles),
            };
            s.push_str(" ▲ together more often than chance would have it, ▼ less (log-likelihood, p < 0.05); the deeper the colour, the stronger. A cell lists the articles with both.");
            if !m.unread.is_empty() {
                s.push_str(&format!(" Reading {} more articles…", m.unread.len()));
            }
            s
        })
    };
    let c = corpus.0.clone();
    let table = move || {
        matrix.with(|m| {
            matrix_view(view, m, &|e| {
                let ent = c.gazetteer().entity(e);
                (ent.code.clone(), ent.label.clone())
            })
        })
    };
    view! {
        <section class="sorot-cooc" data-testid="cooccurrence" aria-labelledby="sorot-cooc-title"
            data-matches=move || matrix.with(|m| m.articles)>
            <h2 class="sorot-overview__heading" id="sorot-cooc-title">"With whom"</h2>
            <p class="sorot-overview__lead">{lead}</p>
            <nav class="sorot-switch" aria-label="Count together in">
                {unit_link(false, "Same article")}
                {unit_link(true, "Same sentence")}
            </nav>
            <Show when=move || matrix.with(|m| m.entities.len() >= 2)
                fallback=|| view! { <p class="sorot-overview__none">"Fewer than two entities are mentioned."</p> }>
                <div class="sorot-timeline__scroll">{table.clone()}</div>
                <Downloads name="sorot-cooccurrence" label="the matrix" table={
                    let c = corpus.0.clone();
                    move || matrix.with(|m| cooccurrence_table(m, c.gazetteer()))
                } />
                <ChartImages name="sorot-cooccurrence" of="[data-testid=cooccurrence]" label="the matrix" />
            </Show>
        </section>
    }
}

fn matrix_view(view: View, m: &Cooccurrence, names: &dyn Fn(EntityId) -> (String, String)) -> impl IntoView {
    let names: Vec<(String, String)> = m.entities.iter().map(|&e| names(e)).collect();
    let strongest = m.pairs.iter().map(|p| p.llr.abs()).fold(0.0, f64::max);
    let k = m.entities.len();
    let head = names[..k - 1]
        .iter()
        .map(|(code, label)| view! { <th scope="col" data-entity=code.clone()><span>{label.clone()}</span></th> })
        .collect_view();
    let rows = (1..k)
        .map(|b| {
            let cells = (0..k - 1)
                .map(|a| {
                    if a >= b {
                        return view! { <td class="sorot-cooc__blank"></td> }.into_any();
                    }
                    let p = m.pairs.iter().find(|p| p.a == a && p.b == b).copied().expect("every pair a < b");
                    let (code_a, label_a) = names[a].clone();
                    let (code_b, label_b) = names[b].clone();
                    let Association { marker, title, strength } =
                        association(&p, m.docs[a], m.docs[b], m.articles, &label_a, &label_b, strongest);
                    let target = {
                        let (code_a, code_b) = (code_a.clone(), code_b.clone());
                        move |s: &ViewState| {
                            let mut next = ViewState { any: false, doc: None, at: None, ..s.clone() };
                            for code in [&code_a, &code_b] {
                                if !next.entities.contains(code) {
                                    next.entities.push(code.clone());
                                }
                            }
                            next
                        }
                    };
                    let fill = format!("color-mix(in srgb, var(--cooc) {:.0}%, transparent)", 45.0 * strength);
                    view! {
                        <td class="sorot-cooc__cell" style:background-color=fill>
                            <a use:link=Link::to(view, target)
                                data-a=code_a data-b=code_b data-docs=p.docs data-llr=format!("{:.2}", p.llr)
                                title=title.clone() aria-label=title>
                                {p.docs}<span class="sorot-cooc__marker" aria-hidden="true">{marker}</span>
                            </a>
                        </td>
                    }
                    .into_any()
                })
                .collect_view();
            let (code, label) = names[b].clone();
            view! { <tr><th scope="row" data-entity=code>{label}</th>{cells}</tr> }
        })
        .collect_view();
    // The frame scrolls sideways if the names are too long for a phone's width.
    view! {
        <div class="sorot-cooc__frame">
            <table class="sorot-overview__table sorot-cooc__table" data-chart="cooccurrence">
                <caption class="sorot-visually-hidden">"Articles mentioning both entities of each pair"</caption>
                <thead><tr><td></td>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
