//! The concordance (keyword in context) of an entity or of the query's words over the current
//! matches: one line per occurrence, the keyword centred between its left and right context,
//! with outlet and date; sorted and grouped as the URL says (`kwic`, `ks`, `kg`); a line opens
//! the article at its occurrence. Closed, it is a button that opens it.

use leptos::prelude::*;
use sorot_engine::concordance::{Concordance, Order, Target};
use sorot_engine::gazetteer::EntityId;

use super::context::{Corpus, Current, View};
use super::download::Downloads;
use super::files::Files;
use super::forms::FormsList;
use super::history::{go, Entry};
use super::links::{link, Link};
use crate::export::concordance_table;
use crate::facet_lists::chart_entities;
use crate::url::ViewState;

/// Lines shown at first, and added by "Show more".
const PAGE: usize = 100;
/// Entities offered as the concordance's subject besides the selected ones.
const OFFERED: usize = 12;
/// What the URL calls the query's words.
const QUERY: &str = "~";

/// The concordance, or the button that opens it.
#[component]
pub fn Kwic() -> impl IntoView {
    let view = expect_context::<View>();
    let open = Memo::new(move |_| view.with(|s| s.kwic.is_some()));
    view! {
        <Show when=move || open.get() fallback=move || view! { <KwicOpen /> }>
            <KwicLines />
        </Show>
    }
}

/// How an order reads in the controls.
fn label(o: Order) -> &'static str {
    match o {
        Order::Found => "the order of the results",
        Order::Left(1) => "1st word left",
        Order::Left(_) => "2nd word left",
        Order::Right(1) => "1st word right",
        Order::Right(_) => "2nd word right",
        Order::Surface => "form as written",
        Order::Stem => "stem",
        Order::Outlet => "outlet",
        Order::Date => "date, newest first",
    }
}

/// The neighbouring word an order sorts by, as [`Concordance::groups`] names it (−2 the second
/// word left … 2 the second right); `None` for the orders by something else.
fn neighbour(o: Order) -> Option<isize> {
    match o {
        Order::Left(n) => Some(-(n as isize)),
        Order::Right(n) => Some(n as isize),
        _ => None,
    }
}

/// The subject a concordance would be of, by default: the query's words if any, else the first
/// selected entity, else the most mentioned.
fn default_subject(s: &ViewState, first: Option<String>) -> Option<String> {
    if !s.q.trim().is_empty() {
        return Some(QUERY.to_string());
    }
    s.entities.first().cloned().or(first)
}

#[component]
fn KwicOpen() -> impl IntoView {
    let view = expect_context::<View>();
    let corpus = expect_context::<Corpus>();
    let Current { settled: answer, .. } = expect_context::<Current>();
    let c = corpus.0.clone();
    let top = Memo::new(move |_| {
        answer.with(|a| c.facets(&a.0).entities.first().map(|e| c.gazetteer().entity(e.entity).code.clone()))
    });
    let subject = Memo::new(move |_| view.with(|s| default_subject(s, top.get())));
    let c = corpus.0.clone();
    let label = move || {
        subject.with(|s| match s.as_deref() {
            Some(QUERY) => view.with(|v| format!("“{}”", v.q.trim())),
            Some(code) => {
                c.gazetteer().entity_by_code(code).map_or(code.to_string(), |e| c.gazetteer().entity(e).label.clone())
            }
            None => String::new(),
        })
    };
    let on_click = move |_| {
        if let Some(kwic) = subject.get_untracked() {
            go(view, view.with_untracked(|s| ViewState { kwic: Some(kwic), ..s.clone() }), Entry::Push);
        }
    };
    view! {
        <Show when=move || subject.with(Option::is_some)>
            <p class="sorot-kwic__open">
                <button type="button" class="sorot-downloads__button" data-testid="kwic-open" on:click=on_click>
                    "In context: every occurrence of " {label.clone()}
                </button>
            </p>
        </Show>
    }
}

/// What the URL's `kwic` names, in this corpus.
#[derive(Clone, Debug, PartialEq)]
enum Subject {
    Query(String),
    Entity(EntityId),
    Unknown(String),
}

#[component]
fn KwicLines() -> impl IntoView {
    let view = expect_context::<View>();
    let corpus = expect_context::<Corpus>();
    let files = use_context::<Files>();
    let Current { settled: answer, selected, .. } = expect_context::<Current>();
    let c = corpus.0.clone();
    let subject = Memo::new(move |_| {
        view.with(|s| match s.kwic.as_deref() {
            Some(QUERY) | None => Subject::Query(s.q.clone()),
            Some(code) => {
                c.gazetteer().entity_by_code(code).map_or_else(|| Subject::Unknown(code.into()), Subject::Entity)
            }
        })
    });
    let order =
        Memo::new(move |_| view.with(|s| s.kwic_sort.as_deref().and_then(Order::from_name).unwrap_or(Order::Found)));
    let group =
        Memo::new(move |_| view.with(|s| s.kwic_group.as_deref().and_then(Order::from_name).and_then(neighbour)));
    let c = corpus.0.clone();
    // The lines as found; sorted apart, so that a new order does not read the texts again.
    let found = Memo::new(move |_| {
        if let Some(f) = files {
            f.track();
        }
        answer.with(|a| {
            let k = subject.with(|s| match s {
                Subject::Query(q) => Some(c.concordance(&a.0, Target::Query(q))),
                Subject::Entity(e) => Some(c.concordance(&a.0, Target::Entity(*e))),
                Subject::Unknown(_) => None,
            });
            let Some(k) = k else { return Concordance::default() };
            // Over a bundle, the texts not read yet are asked for a batch at a time, in the
            // answer's order: each arrival asks again and fetches the next.
            if let Some(f) = files {
                f.request_texts(&c, k.unread.iter().map(|&d| d as usize));
            }
            k
        })
    });
    let c = corpus.0.clone();
    let lines = Memo::new(move |_| {
        let mut k = found.get();
        k.sort(&c, order.get());
        k
    });
    let limit = RwSignal::new((None::<ViewState>, PAGE));
    let key = move || view.with(|s| ViewState { doc: None, at: None, ..s.clone() });
    let shown = move || limit.with(|(k, n)| if k.as_ref() == Some(&key()) { *n } else { PAGE });

    let c = corpus.0.clone();
    let subjects = Memo::new(move |_| {
        let g = c.gazetteer();
        let mut entities =
            answer.with(|a| selected.with(|sel| chart_entities(&c.facets(&a.0).entities, sel, OFFERED, true)));
        // The entity shown is offered too, however rarely the matches mention it.
        if let Subject::Entity(e) = subject.get() {
            if !entities.contains(&e) {
                entities.insert(0, e);
            }
        }
        entities.into_iter().map(|e| (g.entity(e).code.clone(), g.entity(e).label.clone())).collect::<Vec<_>>()
    });
    let current = Memo::new(move |_| view.with(|s| s.kwic.clone().unwrap_or_default()));
    let set = move |f: fn(&mut ViewState, Option<String>)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let mut next = view.with_untracked(|s| s.clone());
            f(&mut next, (!v.is_empty()).then_some(v));
            go(view, next, Entry::Push);
        }
    };
    let has_query = Memo::new(move |_| view.with(|s| !s.q.trim().is_empty()));
    let close = |s: &ViewState| ViewState { kwic: None, kwic_sort: None, kwic_group: None, ..s.clone() };

    let summary = move || {
        lines.with(|k| {
            let unknown = subject.with(|s| if let Subject::Unknown(code) = s { Some(code.clone()) } else { None });
            if let Some(code) = unknown {
                return format!("No entity has the code “{code}” in this corpus.");
            }
            if subject.with(|s| matches!(s, Subject::Query(q) if q.trim().is_empty())) {
                return "Type words to search for, or choose an entity, to see them in context.".to_string();
            }
            let copies = k.occurrences - k.lines.len();
            let mut s = format!(
                "{} occurrence{} in {} line{}",
                k.occurrences,
                if k.occurrences == 1 { "" } else { "s" },
                k.lines.len(),
                if k.lines.len() == 1 { "" } else { "s" },
            );
            if copies > 0 {
                s.push_str(&format!(" ({copies} in copies that read alike, counted on their line)"));
            }
            s.push('.');
            if !k.unread.is_empty() {
                let n = k.unread.len();
                s.push_str(&format!(" Reading {n} more article{}…", if n == 1 { "" } else { "s" }));
            }
            s
        })
    };
    let c = corpus.0.clone();
    let body = move || {
        let n = shown();
        lines.with(|k| match group.get() {
            None => {
                let rows = k.lines.iter().take(n).map(|l| line_row(view, &c, l)).collect_view();
                view! { <tbody>{rows}</tbody> }.into_any()
            }
            Some(side) => {
                let mut left = n;
                let mut groups = Vec::new();
                for g in k.groups(&c, side) {
                    if left == 0 {
                        break;
                    }
                    let rows = g.lines.iter().take(left).map(|&i| line_row(view, &c, &k.lines[i])).collect_view();
                    left = left.saturating_sub(g.lines.len());
                    let word = if g.word.is_empty() { "(no word)".to_string() } else { g.word.clone() };
                    groups.push(view! {
                        <tbody class="sorot-kwic__group" data-word=g.word.clone() data-count=g.occurrences>
                            <tr><th colspan="5" scope="rowgroup" class="sorot-kwic__grouphead">
                                {word} <span class="sorot-overview__pct">{format!(" {}", g.occurrences)}</span>
                            </th></tr>
                            {rows}
                        </tbody>
                    });
                }
                groups.into_any()
            }
        })
    };
    let more = move || lines.with(|k| k.lines.len()).saturating_sub(shown());
    let c = corpus.0.clone();
    view! {
        <section class="sorot-kwic" data-testid="kwic" aria-labelledby="sorot-kwic-title"
            data-occurrences=move || lines.with(|k| k.occurrences) data-unread=move || lines.with(|k| k.unread.len())>
            <h2 class="sorot-overview__heading" id="sorot-kwic-title">"In context"</h2>
            <div class="sorot-kwic__controls">
                <label>"Of "
                    <select data-testid="kwic-target" prop:value=move || current.get() on:change=set(|s, v| s.kwic = v)>
                        <Show when=move || has_query.get()>
                            <option value=QUERY>{move || view.with(|s| format!("the query “{}”", s.q.trim()))}</option>
                        </Show>
                        <For each=move || subjects.get() key=|(code, _)| code.clone() let((code, label))>
                            <option value=code>{label}</option>
                        </For>
                    </select>
                </label>
                <label>"Sorted by "
                    <select data-testid="kwic-sort" prop:value=move || order.get().name() on:change=set(|s, v| s.kwic_sort = v.filter(|v| v != "found"))>
                        {Order::ALL.map(|(o, name)| view! { <option value=name>{label(o)}</option> })}
                    </select>
                </label>
                <label>"Grouped by "
                    <select data-testid="kwic-group" prop:value=move || view.with(|s| s.kwic_group.clone().unwrap_or_default())
                        on:change=set(|s, v| s.kwic_group = v)>
                        <option value="">"nothing"</option>
                        {Order::ALL
                            .into_iter()
                            .filter(|&(o, _)| neighbour(o).is_some())
                            .map(|(o, name)| view! { <option value=name>{label(o)}</option> })
                            .collect_view()}
                    </select>
                </label>
                <a class="sorot-kwic__close" use:link=Link::to(view, close)>"Close"</a>
            </div>
            <p class="sorot-overview__lead" role="status">{summary}</p>
            {move || match subject.get() {
                Subject::Entity(e) => Some(view! { <FormsList entity=e /> }),
                _ => None,
            }}
            <div class="sorot-kwic__scroll">
                <table class="sorot-kwic__table">
                    <caption class="sorot-visually-hidden">"Each occurrence with the words before and after it; the keyword opens the article there"</caption>
                    <thead><tr>
                        <th scope="col" class="sorot-kwic__left">"Before"</th>
                        <th scope="col">"Keyword"</th>
                        <th scope="col">"After"</th>
                        <th scope="col">"Outlet"</th>
                        <th scope="col">"Date"</th>
                    </tr></thead>
                    {body}
                </table>
            </div>
            <Show when=move || { more() > 0 }>
                <button type="button" class="sorot-results__more" data-testid="kwic-more"
                    on:click=move |_| limit.set((Some(key()), shown() + PAGE))>
                    {move || format!("Show {} more lines", more().min(PAGE))}
                </button>
            </Show>
            <Show when=move || lines.with(|k| k.unread.is_empty() && !k.lines.is_empty())>
                <Downloads name="sorot-concordance" label="the concordance" table={
                    let c = c.clone();
                    move || lines.with(|k| concordance_table(&c, k))
                } />
            </Show>
        </section>
    }
}

/// One line: context left (its end in view), the keyword (a link to the article there),
/// context right, outlet and date; `×n` for copies, which its title names.
fn line_row(
    view: View,
    c: &std::sync::Arc<sorot_engine::collection::Collection>,
    l: &sorot_engine::concordance::Line,
) -> impl IntoView {
    let doc = l.doc as usize;
    let text = c.document(doc).map_or("", |d| d.text.as_str());
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (left, keyword, right) = (flat(l.left.slice(text)), flat(l.keyword.slice(text)), flat(l.right.slice(text)));
    let id = c.id(doc).to_string();
    let at = l.keyword.start;
    let target = {
        let id = id.clone();
        move |s: &ViewState| ViewState { doc: Some(id.clone()), at: Some(at), ..s.clone() }
    };
    let copies = l.copies.len();
    let (outlet, date) = (c.outlet(doc).unwrap_or("").to_string(), c.date(doc).unwrap_or("").to_string());
    let from = [outlet.as_str(), date.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ");
    let mut title = if from.is_empty() { format!("Open {id} here") } else { format!("Open {id} ({from}) here") };
    if copies > 1 {
        let ids: Vec<&str> = l.copies.iter().map(|&(d, _)| c.id(d as usize)).collect();
        title.push_str(&format!(" · {copies} occurrences read alike: {}", ids.join(", ")));
    }
    view! {
        <tr data-doc=id data-start=at data-count=copies>
            <td class="sorot-kwic__left"><span>{left}</span></td>
            <td class="sorot-kwic__kw">
                <a use:link=Link::to(view, target) title=title>{keyword}</a>
                {(copies > 1).then(|| view! { <span class="sorot-kwic__copies" aria-label=format!("{copies} copies")>{format!("×{copies}")}</span> })}
            </td>
            <td class="sorot-kwic__right">{right}</td>
            <td class="sorot-kwic__meta">{outlet}</td>
            <td class="sorot-kwic__meta">{date}</td>
        </tr>
    }
}
