//! The facets: who is mentioned (countries and organizations), which outlets and which periods
//! the current matches come from, with live counts. A click narrows; a second click clears.

use leptos::prelude::*;
use sorot_engine::collection::EntityCount;
use sorot_engine::gazetteer::{EntityId, Kind};

use super::context::{Corpus, Current, View};
use super::links::{link, Link};
use crate::facet_lists::{count_of, periods, shown_entities, value_count, value_list, EntityLists, SHORT_LIST};
use crate::url::ViewState;

/// The facet panel.
#[component]
pub fn Facets() -> impl IntoView {
    let view = expect_context::<View>();
    let corpus = expect_context::<Corpus>();
    // The counts follow a frame after the results (see `Current::settled`).
    let Current { settled: answer, selected, .. } = expect_context::<Current>();
    let lists = {
        let c = corpus.0.clone();
        Memo::new(move |_| {
            let g = c.gazetteer();
            answer.with(|a| selected.with(|s| EntityLists::new(&c.facets(&a.0).entities, s, |e| g.entity(e).kind)))
        })
    };
    let several = move || selected.with(|s| s.len() > 1);
    let any = move || view.with(|s| s.any);
    let mode = |s: &ViewState| ViewState { any: !s.any, ..s.clone() };
    let outlets = {
        let c = corpus.0.clone();
        Memo::new(move |_| answer.with(|a| c.facets(&a.0).outlets.clone()))
    };
    let outlet = Memo::new(move |_| view.with(|s| s.outlet.clone()));
    let period = Memo::new(move |_| view.with(|s| s.period.clone()));
    // Years, and the months of the chosen (or only) year under it.
    let periods = Memo::new(move |_| {
        answer.with(|a| {
            let f = corpus.0.facets(&a.0);
            period.with(|p| periods(&f.years, &f.months, p.as_deref()))
        })
    });
    view! {
        <nav class="sorot-facets" aria-label="Filters">
            <section class="sorot-facet" data-testid="entity-panel">
                <Show when=several>
                    <p class="sorot-facet__mode">
                        "Articles mentioning "
                        <a data-testid="entity-mode" use:link=Link::to(view, mode)>
                            {move || if any() { "any" } else { "all" }}
                        </a>
                        " of the selected"
                    </p>
                </Show>
                <EntityGroup kind=Kind::Country heading="Countries" lists=lists selected=selected />
                <EntityGroup kind=Kind::Organization heading="Organizations" lists=lists selected=selected />
            </section>
            <ValueFacet testid="facet-outlets" heading="Outlets" values=outlets current=outlet field=|s| &s.outlet with=with_outlet />
            <ValueFacet testid="facet-periods" heading="Published" values=periods current=period field=|s| &s.period with=with_period />
        </nav>
    }
}

/// The entities of one kind: a row per entity, kept as the counts change.
///
/// - `lists`: the current counts of both kinds (see [`EntityLists`]).
/// - `selected`: the selected entities, which stay listed.
#[component]
fn EntityGroup(
    kind: Kind,
    heading: &'static str,
    lists: Memo<EntityLists>,
    selected: Memo<Vec<EntityId>>,
) -> impl IntoView {
    // Filtered once per answer, read by the count, the list, the rows and the "Show all" button.
    let items = Memo::new(move |_| lists.with(|l| l.of(kind).to_vec()));
    let expanded = RwSignal::new(false);
    let total = move || items.with(Vec::len);
    let shown = Memo::new(move |_| items.with(|v| selected.with(|s| shown_entities(v, s, expanded.get()))));
    view! {
        <section class="sorot-facet__group">
            <h2 class="sorot-facet__heading">{heading} <span class="sorot-facet__n">{move || total()}</span></h2>
            <ul class="sorot-facet__list">
                <For each=move || shown.get() key=|e| *e children=move |e| {
                    let count = Signal::derive(move || items.with(|v| count_of(v, e)));
                    view! { <EntityItem entity=e count=count selected=selected /> }
                } />
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
///
/// - `count`: its documents and mentions among the current matches, updated in place.
#[component]
fn EntityItem(entity: EntityId, count: Signal<EntityCount>, selected: Memo<Vec<EntityId>>) -> impl IntoView {
    let view = expect_context::<View>();
    let corpus = expect_context::<Corpus>();
    let e = corpus.0.gazetteer().entity(entity).clone();
    let code = e.code.clone();
    let is_selected = move || selected.with(|s| s.contains(&entity));
    let toggle = {
        let code = code.clone();
        move |s: &ViewState| s.toggled(&code)
    };
    let kind = e.kind.as_str();
    let label = e.label.clone();
    let tip = move || {
        let n = count.get();
        format!("{} · {} ({}) — {} mentions in {} listed articles", e.name_id, e.name_en, e.code, n.mentions, n.docs)
    };
    view! {
        <li>
            <a
                class=move || if is_selected() { "sorot-entity sorot-entity--selected" } else { "sorot-entity" }
                data-entity=code.clone()
                data-kind=kind
                aria-current=move || is_selected().then_some("true")
                title=tip
                use:link=Link::to(view, toggle)
            >
                <span class=format!("sorot-entity__dot sorot-entity__dot--{kind}") aria-hidden="true"></span>
                <span class="sorot-entity__name">{label}</span>
                <span class="sorot-entity__count">{move || count.get().docs}</span>
            </a>
        </li>
    }
}

/// A single-choice facet over string values (outlets, periods): a row per value, kept as the
/// counts change.
///
/// - `values`: the values of the current matches with their counts.
/// - `current`: the chosen value, which stays listed.
/// - `field`: where the view state holds the chosen value.
/// - `with`: the view state with another value chosen (or none).
#[component]
fn ValueFacet(
    testid: &'static str,
    heading: &'static str,
    values: Memo<Vec<(String, u32)>>,
    current: Memo<Option<String>>,
    field: fn(&ViewState) -> &Option<String>,
    with: fn(&ViewState, Option<String>) -> ViewState,
) -> impl IntoView {
    let view = expect_context::<View>();
    let expanded = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        values
            .with(|v| current.with(|c| value_list(v, c.as_deref(), expanded.get())))
            .into_iter()
            .map(|(value, _)| value)
            .collect::<Vec<String>>()
    });
    view! {
        <Show when=move || values.with(|v| !v.is_empty()) || current.with(Option::is_some)>
            <section class="sorot-facet" data-testid=testid>
                <h2 class="sorot-facet__heading">{heading}</h2>
                <ul class="sorot-facet__list">
                    <For each=move || shown.get() key=|value| value.clone() children=move |value| {
                        let is_current = {
                            let value = value.clone();
                            Memo::new(move |_| current.with(|c| c.as_deref() == Some(value.as_str())))
                        };
                        let count = {
                            let value = value.clone();
                            move || values.with(|v| value_count(v, &value))
                        };
                        let choose = {
                            let value = value.clone();
                            move |s: &ViewState| {
                                let on = field(s).as_deref() == Some(value.as_str());
                                with(s, if on { None } else { Some(value.clone()) })
                            }
                        };
                        let nested = value.len() > 4 && value.as_bytes()[4] == b'-';
                        view! {
                            <li>
                                <a class=move || {
                                        let mut c = String::from("sorot-value");
                                        if nested { c.push_str(" sorot-value--nested"); }
                                        if is_current.get() { c.push_str(" sorot-value--selected"); }
                                        c
                                    }
                                    data-value=value.clone()
                                    aria-current=move || is_current.get().then_some("true")
                                    use:link=Link::to(view, choose)>
                                    <span class="sorot-value__name">{value.clone()}</span>
                                    <span class="sorot-value__count">{move || {
                                        let n = count();
                                        if is_current.get() && n == 0 { String::new() } else { n.to_string() }
                                    }}</span>
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
