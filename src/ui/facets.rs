//! The facets: who is mentioned (countries and organizations), which outlets and which periods
//! the current matches come from, with live counts. A click narrows; a second click clears.

use leptos::prelude::*;
use sorot_engine::collection::EntityCount;
use sorot_engine::gazetteer::{EntityId, Kind};

use super::nav::{href, on_link_click, Corpus, Current, View};
use crate::url::ViewState;

/// How many values of a facet are listed before "show all".
const SHORT_LIST: usize = 12;

/// The facet panel.
#[component]
pub fn Facets() -> impl IntoView {
    let view = expect_context::<View>();
    let Current { answer, selected } = expect_context::<Current>();
    let counts = Memo::new(move |_| {
        let mut counts = answer.with(|a| a.0.facets.entities.clone());
        // A selected entity stays visible even when nothing matches any more.
        for e in selected.get() {
            if !counts.iter().any(|c| c.entity == e) {
                counts.push(EntityCount { entity: e, docs: 0, mentions: 0 });
            }
        }
        counts
    });
    let several = move || selected.with(|s| s.len() > 1);
    let any = move || view.0.with(|s| s.any);
    let mode_target = move || view.0.with(|s| ViewState { any: !s.any, ..s.clone() });
    let outlets = Memo::new(move |_| answer.with(|a| a.0.facets.outlets.clone()));
    let outlet = Memo::new(move |_| view.0.with(|s| s.outlet.clone()));
    let period = Memo::new(move |_| view.0.with(|s| s.period.clone()));
    // Years, and the months of the chosen (or only) year under it.
    let periods = Memo::new(move |_| {
        answer.with(|a| {
            let f = &a.0.facets;
            let year = period
                .get()
                .map(|p| p.chars().take(4).collect::<String>())
                .or_else(|| (f.years.len() == 1).then(|| f.years[0].0.clone()));
            let mut v = f.years.clone();
            if let Some(y) = year {
                let at = v.iter().position(|(k, _)| *k == y).map_or(v.len(), |i| i + 1);
                let months: Vec<(String, u32)> = f.months.iter().filter(|(m, _)| m.starts_with(&y)).cloned().collect();
                v.splice(at..at, months);
            }
            v
        })
    });
    view! {
        <nav class="sorot-facets" aria-label="Filters">
            <section class="sorot-facet" data-testid="entity-panel">
                <Show when=several>
                    <p class="sorot-facet__mode">
                        "Articles mentioning "
                        <a data-testid="entity-mode" href=move || href(&mode_target()) on:click=on_link_click(view, mode_target)>
                            {move || if any() { "any" } else { "all" }}
                        </a>
                        " of the selected"
                    </p>
                </Show>
                <EntityGroup kind=Kind::Country heading="Countries" counts=counts selected=selected />
                <EntityGroup kind=Kind::Organization heading="Organizations" counts=counts selected=selected />
            </section>
            <ValueFacet testid="facet-outlets" heading="Outlets" values=outlets current=outlet with=with_outlet />
            <ValueFacet testid="facet-periods" heading="Published" values=periods current=period with=with_period />
        </nav>
    }
}

/// The entities of one kind.
#[component]
fn EntityGroup(
    kind: Kind,
    heading: &'static str,
    counts: Memo<Vec<EntityCount>>,
    selected: Memo<Vec<EntityId>>,
) -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    // Filtered once per answer, read by the count, the list and the "Show all" button.
    let items = Memo::new(move |_| {
        let g = corpus.0.gazetteer();
        counts.with(|c| c.iter().filter(|c| g.entity(c.entity).kind == kind).copied().collect::<Vec<_>>())
    });
    let expanded = RwSignal::new(false);
    let total = move || items.with(Vec::len);
    let shown = move || {
        let mut v = items.get();
        if !expanded.get() {
            v.truncate(SHORT_LIST.max(selected.with(Vec::len)));
        }
        v
    };
    view! {
        <section class="sorot-facet__group">
            <h2 class="sorot-facet__heading">{heading} <span class="sorot-facet__n">{move || total()}</span></h2>
            <ul class="sorot-facet__list">
                <For each=shown key=|c| (c.entity, c.docs, c.mentions) children=move |c| view! { <EntityItem count=c selected=selected /> } />
            </ul>
            <Show when=move || { total() > SHORT_LIST }>
                <button type="button" class="sorot-facet__more" on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || if expanded.get() { "Show fewer".to_string() } else { "Show all".to_string() }}
                </button>
            </Show>
        </section>
    }
}

/// One entity: a link that toggles it in the URL.
#[component]
fn EntityItem(count: EntityCount, selected: Memo<Vec<EntityId>>) -> impl IntoView {
    let view = expect_context::<View>();
    let corpus = expect_context::<Corpus>();
    let e = corpus.0.gazetteer().entity(count.entity).clone();
    let code = e.code.clone();
    let is_selected = move || selected.with(|s| s.contains(&count.entity));
    let target = {
        let code = code.clone();
        move || view.0.with(|s| s.toggled(&code))
    };
    let tip = format!(
        "{} · {} ({}) — {} mentions in {} listed articles",
        e.name_id, e.name_en, e.code, count.mentions, count.docs
    );
    let kind = e.kind.as_str();
    view! {
        <li>
            <a
                class=move || if is_selected() { "sorot-entity sorot-entity--selected" } else { "sorot-entity" }
                data-entity=code.clone()
                data-kind=kind
                aria-current=move || is_selected().then_some("true")
                title=tip
                href={
                    let target = target.clone();
                    move || href(&target())
                }
                on:click=on_link_click(view, target)
            >
                <span class=format!("sorot-entity__dot sorot-entity__dot--{kind}") aria-hidden="true"></span>
                <span class="sorot-entity__name">{e.label.clone()}</span>
                <span class="sorot-entity__count">{count.docs}</span>
            </a>
        </li>
    }
}

/// A single-choice facet over string values (outlets, periods).
#[component]
fn ValueFacet(
    testid: &'static str,
    heading: &'static str,
    values: Memo<Vec<(String, u32)>>,
    current: Memo<Option<String>>,
    with: fn(&ViewState, Option<String>) -> ViewState,
) -> impl IntoView {
    let view = expect_context::<View>();
    let expanded = RwSignal::new(false);
    let shown = move || {
        let mut v = values.get();
        if !expanded.get() {
            v.truncate(SHORT_LIST);
        }
        // The chosen value stays visible.
        if let Some(c) = current.get() {
            if !v.iter().any(|(k, _)| *k == c) {
                v.push((c, 0));
            }
        }
        v
    };
    view! {
        <Show when=move || values.with(|v| !v.is_empty()) || current.with(Option::is_some)>
            <section class="sorot-facet" data-testid=testid>
                <h2 class="sorot-facet__heading">{heading}</h2>
                <ul class="sorot-facet__list">
                    <For each=shown key=|(k, n)| (k.clone(), *n) children=move |(value, n)| {
                        let v2 = value.clone();
                        let is_current = move || current.with(|c| c.as_deref() == Some(v2.as_str()));
                        let is_current2 = is_current.clone();
                        let is_current3 = is_current.clone();
                        let target = {
                            let value = value.clone();
                            move || {
                                let on = current.with(|c| c.as_deref() == Some(value.as_str()));
                                view.0.with(|s| with(s, if on { None } else { Some(value.clone()) }))
                            }
                        };
                        let nested = value.len() > 4 && value.as_bytes()[4] == b'-';
                        view! {
                            <li>
                                <a class=move || {
                                        let mut c = String::from("sorot-value");
                                        if nested { c.push_str(" sorot-value--nested"); }
                                        if is_current() { c.push_str(" sorot-value--selected"); }
                                        c
                                    }
                                    data-value=value.clone()
                                    aria-current=move || is_current2().then_some("true")
                                    href={ let target = target.clone(); move || href(&target()) }
                                    on:click=on_link_click(view, target)>
                                    <span class="sorot-value__name">{value.clone()}</span>
                                    <span class="sorot-value__count">{move || if is_current3() && n == 0 { String::new() } else { n.to_string() }}</span>
                                </a>
                            </li>
                        }
                    } />
                </ul>
                <Show when=move || values.with(|v| v.len() > SHORT_LIST)>
                    <button type="button" class="sorot-facet__more" on:click=move |_| expanded.update(|e| *e = !*e)>
                        {move || if expanded.get() { "Show fewer" } else { "Show all" }}
                    </button>
                </Show>
            </section>
        </Show>
    }
}

fn with_outlet(s: &ViewState, outlet: Option<String>) -> ViewState {
    ViewState { outlet, ..s.clone() }
}

fn with_period(s: &ViewState, period: Option<String>) -> ViewState {
    ViewState { period, ..s.clone() }
}
