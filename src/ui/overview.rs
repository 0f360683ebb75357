//! The overview, shown where an article would be while none is open: who the current matches
//! mention, by articles and by mentions, countries and organizations apart. A row is a link
//! that selects (or clears) its entity.

use leptos::prelude::*;
use sorot_engine::collection::EntityCount;
use sorot_engine::gazetteer::Kind;

use super::context::{Corpus, Current, View};
use super::cooccurrence::CooccurrenceMatrix;
use super::kwic::Kwic;
use super::links::{link, Link};
use super::map::WorldMap;
use super::timeline::Timeline;
use crate::charts::{percent, share};

/// Rows per kind.
const TOP: usize = 10;

/// The overview of the current matches.
#[component]
pub fn Overview() -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    // The counts follow a frame after the results, as the facets do (see `Current::settled`).
    let Current { settled: answer, charted, .. } = expect_context::<Current>();
    let c = corpus.0.clone();
    let counts = Memo::new(move |_| answer.with(|a| (a.0.hits.len(), c.facets(&a.0).entities.clone())));
    let matches = move || counts.with(|(n, _)| *n);
    view! {
        <section class="sorot-overview" data-testid="overview" aria-labelledby="sorot-overview-title"
            data-matches=matches>
            <h1 class="sorot-welcome__title" id="sorot-overview-title">"Who is mentioned where?"</h1>
            <p class="sorot-overview__lead">
                {move || match (matches(), answer.with(|a| a.0.unique)) {
                    (1, false) => "Countries and organizations mentioned in the one matching article.".to_string(),
                    (1, true) => "Countries and organizations mentioned in the one matching story.".to_string(),
                    (n, false) => format!("Countries and organizations mentioned in the {n} matching articles: in how many, and how often."),
                    (n, true) => format!("Countries and organizations mentioned in the {n} matching stories (copies of a story counted once): in how many, and how often."),
                }}
            </p>
            <Kwic />
            <div class="sorot-overview__groups" data-testid="top-entities">
                <TopGroup kind=Kind::Country heading="Countries" counts=counts />
                <TopGroup kind=Kind::Organization heading="Organizations" counts=counts />
            </div>
            <Show when=move || charted.get()>
                <WorldMap />
                <Timeline />
                <CooccurrenceMatrix />
            </Show>
        </section>
    }
}

/// The most mentioned entities of one kind, as a table whose rows filter.
#[component]
fn TopGroup(kind: Kind, heading: &'static str, counts: Memo<(usize, Vec<EntityCount>)>) -> impl IntoView {
    let view = expect_context::<View>();
    let corpus = expect_context::<Corpus>();
    let c = corpus.0.clone();
    let rows = move || {
        let g = c.gazetteer();
        counts.with(|(matches, all)| {
            let mine: Vec<EntityCount> = all.iter().filter(|e| g.entity(e.entity).kind == kind).take(TOP).copied().collect();
            let most = mine.first().map_or(1, |e| e.docs.max(1));
            let total = (*matches).max(1);
            mine.into_iter()
                .map(|e| {
                    let ent = g.entity(e.entity);
                    let code = ent.code.clone();
                    let toggle = move |s: &crate::url::ViewState| s.toggled(&code);
                    let pct = percent(share(e.docs, total as u32));
                    view! {
                        <tr data-entity=ent.code.clone() data-docs=e.docs data-mentions=e.mentions>
                            <th scope="row">
                                <a use:link=Link::to(view, toggle)
                                    title=format!("{} · {} — show only the articles that mention it", ent.name_id, ent.name_en)>
                                    {ent.label.clone()}
                                </a>
                            </th>
                            <td class="sorot-overview__bar" aria-hidden="true">
                                <span class=format!("sorot-overview__fill sorot-overview__fill--{}", kind.as_str())
                                    style:width=format!("{:.1}%", 100.0 * f64::from(e.docs) / f64::from(most))></span>
                            </td>
                            <td class="sorot-overview__n">{e.docs}<span class="sorot-overview__pct">{format!(" ({pct})")}</span></td>
                            <td class="sorot-overview__n">{e.mentions}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let none = move || {
        let g = corpus.0.gazetteer();
        counts.with(|(_, all)| !all.iter().any(|e| g.entity(e.entity).kind == kind))
    };
    view! {
        <table class="sorot-overview__table">
            <caption>{heading}</caption>
            <thead>
                <tr><th scope="col">"Name"</th><td></td><th scope="col">"Articles"</th><th scope="col">"Mentions"</th></tr>
            </thead>
            <tbody>{rows}</tbody>
            <Show when=none>
                <tbody><tr><td colspan="4" class="sorot-overview__none">"None mentioned."</td></tr></tbody>
            </Show>
        </table>
    }
}
