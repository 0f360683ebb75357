//! The timeline: the current matches, and those mentioning each selected entity (or the five
//! most mentioned), per day, week, month or year, as counts or as shares of every article of
//! the period. Each bar is a link that filters to its period; a table twin holds the same
//! numbers.

use leptos::prelude::*;
use sorot_engine::gazetteer::EntityId;
use sorot_engine::timeline::{Timeline as Bins, FEW};

use super::chart_image::ChartImages;
use super::context::{Corpus, Current, View};
use super::download::Downloads;
use super::links::{link, Link};
use crate::charts::{bar_label, percent, share, timeline_rows, Row};
use crate::export::timeline_table;
use crate::facet_lists::chart_entities;
use crate::url::ViewState;

/// Rows of entities when none is selected.
const TOP: usize = 5;

/// The timeline of the current view.
#[component]
pub fn Timeline() -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    let view = expect_context::<View>();
    let Current { settled: answer, selected, .. } = expect_context::<Current>();
    let c = corpus.0.clone();
    let outlet = Memo::new(move |_| view.with(|s| s.outlet.clone()));
    // The selected bar follows the period filter, which the bins ignore.
    let period = Memo::new(move |_| view.with(|s| s.period.clone()));
    let as_share = Memo::new(move |_| view.with(|s| s.share));
    let answered = Memo::new(move |_| {
        answer.with(|a| {
            let entities = selected.with(|sel| chart_entities(&c.facets(&a.0).entities, sel, TOP, false));
            (a.0.hits.len(), outlet.with(|o| c.timeline(&a.0, o.as_deref(), &entities)))
        })
    });
    // The matches drawn, for tests and benchmarks to see that the timeline follows the view.
    let matches = move || answered.with(|a| a.0);
    let bins = Memo::new(move |_| answered.with(|a| a.1.clone()));
    let rows = Memo::new(move |_| bins.with(|t| timeline_rows(t, as_share.get())));
    let c = corpus.0.clone();
    let name = move |e: Option<EntityId>| {
        e.map_or_else(|| "Matching articles".to_string(), |e| c.gazetteer().entity(e).label.clone())
    };
    let c = corpus.0.clone();
    let code = move |e: Option<EntityId>| e.map(|e| c.gazetteer().entity(e).code.clone());
    let lead = move || {
        bins.with(|t| match (t.bins.first(), t.bins.last()) {
            (Some(a), Some(b)) => {
                let per = t.granularity.name();
                let apart = match t.series[0].unplaced_docs {
                    0 => String::new(),
                    n => format!(
                        " {n} matching article{} without a date a {per} can hold, counted apart.",
                        if n == 1 { "" } else { "s" }
                    ),
                };
                format!("Per {per}, {} to {}.{apart}", a.period, b.period)
            }
            _ if t.series[0].unplaced_docs == 0 => "No article matches.".to_string(),
            _ => "None of the matching articles is dated.".to_string(),
        })
    };
    let scale_link = move |share_on: bool, label: &'static str| {
        let target = move |s: &ViewState| ViewState { share: share_on, ..s.clone() };
        view! {
            <a class="sorot-switch__option" use:link=Link::to(view, target)
                aria-current=move || (as_share.get() == share_on).then_some("true")
                data-scale=if share_on { "share" } else { "count" }>{label}</a>
        }
    };
    let name_row = name.clone();
    view! {
        <section class="sorot-timeline" data-testid="timeline" aria-labelledby="sorot-timeline-title"
            data-granularity=move || bins.with(|t| t.granularity.name()) data-matches=matches>
            <h2 class="sorot-overview__heading" id="sorot-timeline-title">"When"</h2>
            <p class="sorot-overview__lead">{lead}</p>
            <Show when=move || bins.with(|t| !t.bins.is_empty())>
                <nav class="sorot-switch" aria-label="Timeline scale">
                    {scale_link(false, "Articles")}
                    {scale_link(true, "Share of all articles")}
                </nav>
                <div class="sorot-timeline__rows">
                    {
                        let name_row = name_row.clone();
                        let code = code.clone();
                        move || {
                            period.with(|current| {
                                rows.with(|rows| {
                                    rows.iter()
                                        .map(|r| row_view(view, r, name_row(r.entity), code(r.entity), current.as_deref()))
                                        .collect_view()
                                })
                            })
                        }
                    }
                </div>
                <p class="sorot-timeline__legend">
                    {format!("Dashed bars: periods with fewer than {FEW} articles, whose share says little. A bar filters to its period.")}
                </p>
                <TimelineTable bins=bins name=name.clone() />
                <Downloads name="sorot-timeline" label="the timeline" table={
                    let c = corpus.0.clone();
                    move || bins.with(|t| timeline_table(t, c.gazetteer()))
                } />
                <ChartImages name="sorot-timeline" of="[data-testid=timeline]" label="the timeline" />
            </Show>
        </section>
    }
}

/// Width of one bar's slot in the chart's own units.
const SLOT: f64 = 10.0;
/// Height of the chart in its own units.
const HEIGHT: f64 = 40.0;

/// One row: its name, its scale and a bar per period, each a link to that period.
fn row_view(view: View, row: &Row, name: String, code: Option<String>, current: Option<&str>) -> impl IntoView {
    let width = SLOT * row.bars.len().max(1) as f64;
    let bars = row
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let period = b.period.clone();
            let selected = current == Some(period.as_str());
            let target = {
                let period = period.clone();
                move |s: &ViewState| ViewState {
                    period: if s.period.as_deref() == Some(period.as_str()) { None } else { Some(period.clone()) },
                    ..s.clone()
                }
            };
            let h = (b.height * (HEIGHT - 2.0)).max(if b.docs > 0 { 1.5 } else { 0.0 });
            let mut class = String::from("sorot-timeline__bar");
            if b.sparse {
                class.push_str(" sorot-timeline__bar--few");
            }
            if selected {
                class.push_str(" sorot-timeline__bar--selected");
            }
            let label = bar_label(b, &name);
            let aria = label.clone();
            let x = i as f64 * SLOT;
            view! {
                <g>
                    <a use:link=Link::to(view, target) class=class
                        data-period=period.clone() data-docs=b.docs data-total=b.total data-mentions=b.mentions
                        data-sparse=b.sparse.then_some("true") aria-current=selected.then_some("true")
                        aria-label=aria>
                        <title>{label}</title>
                        <rect class="sorot-timeline__slot" x=x y="0" width=SLOT height=HEIGHT></rect>
                        <rect class="sorot-timeline__fill" x=x + 1.5 y=HEIGHT - h width=SLOT - 3.0 height=h></rect>
                    </a>
                </g>
            }
        })
        .collect_view();
    let first = row.bars.first().map(|b| b.period.clone()).unwrap_or_default();
    let last = row.bars.last().map(|b| b.period.clone()).unwrap_or_default();
    let unplaced = row.unplaced;
    view! {
        <figure class="sorot-timeline__row" data-series=if code.is_none() { "matches" } else { "entity" } data-entity=code>
            <figcaption class="sorot-timeline__name">
                <span>{name.clone()}</span>
                <span class="sorot-timeline__top">{format!("max {}", row.top)}</span>
            </figcaption>
            <svg class="sorot-timeline__chart" data-chart="timeline" viewBox=format!("0 0 {width} {HEIGHT}") preserveAspectRatio="none"
                role="group" aria-label=format!("{name} per period")>
                {bars}
            </svg>
            <div class="sorot-timeline__axis" aria-hidden="true">
                <span>{first}</span>
                {(unplaced > 0).then(|| view! { <span class="sorot-timeline__apart">{format!("+{unplaced} undated")}</span> })}
                <span>{last}</span>
            </div>
        </figure>
    }
}

/// The timeline's numbers as a table: a row per period, a pair of columns per row of the chart.
#[component]
fn TimelineTable(
    bins: Memo<Bins>,
    name: impl Fn(Option<EntityId>) -> String + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let head = {
        let name = name.clone();
        move || {
            bins.with(|t| {
                t.series.iter().map(|s| view! { <th scope="col" colspan="2">{name(s.entity)}</th> }).collect_view()
            })
        }
    };
    let body = move || {
        bins.with(|t| {
            let mut rows: Vec<AnyView> = t
                .bins
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    let cells = t
                        .series
                        .iter()
                        .map(|s| {
                            view! {
                                <td>{s.docs[i]}</td>
                                <td class="sorot-overview__pct">{percent(share(s.docs[i], b.total))}</td>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr data-period=b.period.to_string()>
                            <th scope="row">{b.period.to_string()}{b.is_sparse().then_some(" (few)")}</th>
                            <td>{b.total}</td>
                            {cells}
                        </tr>
                    }
                    .into_any()
                })
                .collect();
            let apart = t.series.iter().map(|s| view! { <td>{s.unplaced_docs}</td><td></td> }).collect_view();
            rows.push(
                view! {
                    <tr data-period="undated">
                        <th scope="row">"Undated"</th>
                        <td>{t.unplaced}</td>
                        {apart}
                    </tr>
                }
                .into_any(),
            );
            rows
        })
    };
    // Built only while open, so that a closed table costs a filter change nothing. A click on
    // the summary (Enter and Space included) is what opens and closes it.
    let open = RwSignal::new(false);
    view! {
        <details class="sorot-timeline__numbers">
            <summary on:click=move |_| open.update(|o| *o = !*o)>"Numbers"</summary>
            <Show when=move || open.get()>
                <div class="sorot-timeline__scroll">
                    <table class="sorot-overview__table sorot-timeline__table" data-testid="timeline-table">
                        <thead>
                            <tr><th scope="col">"Period"</th><th scope="col">"All articles"</th>{head.clone()}</tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            </Show>
        </details>
    }
}
