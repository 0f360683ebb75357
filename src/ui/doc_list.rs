//! The list of documents that match the query and the selected entities.

use leptos::prelude::*;
use sorot_engine::gazetteer::EntityId;

use super::nav::{href, on_link_click, Corpus, View};

/// How many entity chips a list item shows before "+N".
const CHIPS: usize = 6;

/// The document list.
///
/// - `results`: positions of the documents to list, in order.
/// - `selected`: the selected entities, whose chips are emphasized.
#[component]
pub fn DocList(results: Memo<Vec<usize>>, selected: Memo<Vec<EntityId>>) -> impl IntoView {
    view! {
        <section class="sorot-docs" aria-label="Articles">
            <ol class="sorot-docs__list" data-testid="doc-list">
                <For each=move || results.get() key=|d| *d children=move |d| view! { <DocItem doc=d selected=selected /> } />
            </ol>
            <Show when=move || results.with(Vec::is_empty)>
                <p class="sorot-docs__empty">"No article matches. Remove a word or an entity to widen the search."</p>
            </Show>
        </section>
    }
}

/// One document: title, outlet and date, and who it mentions.
#[component]
fn DocItem(doc: usize, selected: Memo<Vec<EntityId>>) -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    let view = expect_context::<View>();
    let c = &corpus.0;
    let d = &c.docs()[doc];
    let id = d.id.clone();
    let is_open = {
        let id = id.clone();
        move || view.0.with(|s| s.doc.as_deref() == Some(id.as_str()))
    };
    let target = {
        let id = id.clone();
        move || view.0.with(|s| s.with_doc(Some(&id)))
    };
    let on_click = on_link_click(view, target.clone());
    let is_open2 = is_open.clone();
    let meta = [d.outlet.clone(), d.date.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
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
            <a class="sorot-doc__link" data-testid="doc-item" data-doc=id.clone() href=move || href(&target()) on:click=on_click
                aria-current=move || is_open2().then_some("page")>
                <span class=if untitled { "sorot-doc__title sorot-doc__title--untitled" } else { "sorot-doc__title" }>{d.display_title()}</span>
                <span class="sorot-doc__meta">{if meta.is_empty() { d.id.clone() } else { meta }}</span>
            </a>
            <ul class="sorot-doc__chips" aria-label="Mentioned">
                {chips}
                {(more > 0).then(|| view! { <li class="sorot-chip sorot-chip--more">{format!("+{more}")}</li> })}
            </ul>
        </li>
    }
}
