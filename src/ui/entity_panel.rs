//! Who is mentioned: countries and organizations with their counts in the listed documents.
//! A click selects an entity (the list then shows only documents that mention it); a second
//! click clears it.

use leptos::prelude::*;
use sorot_engine::collection::EntityCount;
use sorot_engine::gazetteer::{EntityId, Kind};

use super::nav::{href, on_link_click, Corpus, View};

/// The entity panel.
///
/// - `results`: the documents now listed; counts are taken over them.
/// - `selected`: the entities now selected.
#[component]
pub fn EntityPanel(results: Memo<Vec<usize>>, selected: Memo<Vec<EntityId>>) -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    let counts = {
        let corpus = corpus.clone();
        Memo::new(move |_| {
            let mut counts = results.with(|r| corpus.0.entity_counts(r));
            // A selected entity stays visible even when nothing matches any more.
            for e in selected.get() {
                if !counts.iter().any(|c| c.entity == e) {
                    counts.push(EntityCount { entity: e, docs: 0, mentions: 0 });
                }
            }
            counts
        })
    };
    let group = move |kind: Kind, heading: &'static str| {
        let corpus = corpus.clone();
        let items = move || {
            let g = corpus.0.gazetteer();
            counts.get().into_iter().filter(|c| g.entity(c.entity).kind == kind).collect::<Vec<_>>()
        };
        let corpus = expect_context::<Corpus>();
        view! {
            <section class="sorot-entities__group">
                <h2 class="sorot-entities__heading">{heading}</h2>
                <ul class="sorot-entities__list">
                    <For
                        each=items
                        key=|c| (c.entity, c.docs, c.mentions)
                        children=move |c| view! { <EntityItem count=c corpus=corpus.clone() selected=selected /> }
                    />
                </ul>
            </section>
        }
    };
    view! {
        <nav class="sorot-entities" data-testid="entity-panel" aria-label="Entities">
            {group(Kind::Country, "Countries")}
            {group(Kind::Organization, "Organizations")}
        </nav>
    }
}

/// One entity of the panel: a link that toggles it in the URL.
#[component]
fn EntityItem(count: EntityCount, corpus: Corpus, selected: Memo<Vec<EntityId>>) -> impl IntoView {
    let view = expect_context::<View>();
    let e = corpus.0.gazetteer().entity(count.entity).clone();
    let code = e.code.clone();
    let is_selected = move || selected.with(|s| s.contains(&count.entity));
    let target = {
        let code = code.clone();
        move || view.0.with(|s| s.toggled(&code))
    };
    let on_click = on_link_click(view, target.clone());
    let tip = format!("{} · {} ({})", e.name_id, e.name_en, e.code);
    let kind = e.kind.as_str();
    view! {
        <li>
            <a
                class=move || if is_selected() { "sorot-entity sorot-entity--selected" } else { "sorot-entity" }
                data-entity=code.clone()
                data-kind=kind
                aria-current=move || is_selected().then_some("true")
                title=tip
                href=move || href(&target())
                on:click=on_click
            >
                <span class=format!("sorot-entity__dot sorot-entity__dot--{kind}") aria-hidden="true"></span>
                <span class="sorot-entity__name">{e.label.clone()}</span>
                <span class="sorot-entity__count" title="mentions in the listed articles">{count.mentions}</span>
            </a>
        </li>
    }
}
