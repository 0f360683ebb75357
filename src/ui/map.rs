//! The world map: each country coloured by the share of the current matches that mention it
//! (fixed classes, so views compare), small states as dots, former states and organizations
//! listed beside it. A country is a link that filters to it; hovering or focusing it names its
//! count and the forms its mentions take.

use leptos::prelude::*;
use sorot_engine::gazetteer::{EntityId, Kind};

use super::chart_image::ChartImages;
use super::context::{Corpus, Current, View};
use super::links::{link, Link};
use crate::url::ViewState;
use crate::world::{class, class_label, Form, World};

/// Organizations listed beside the map.
const ORGS: usize = 8;
/// Forms named for the country hovered.
const FORMS: usize = 6;

/// The map of the current matches. Only the countries mentioned are in the tab order: the
/// others would be two hundred stops on the way past the map.
#[component]
pub fn WorldMap() -> impl IntoView {
    let corpus = expect_context::<Corpus>();
    let view = expect_context::<View>();
    let Current { settled: answer, selected, .. } = expect_context::<Current>();
    let c = corpus.0.clone();
    // Per entity (by id), the matching articles that mention it; and the matches.
    let docs = Memo::new(move |_| {
        answer.with(|a| {
            let mut per = vec![0u32; c.gazetteer().entities().len()];
            for e in &c.facets(&a.0).entities {
                per[e.entity.0 as usize] = e.docs;
            }
            (a.0.hits.len(), per)
        })
    });
    let hovered = RwSignal::new(None::<EntityId>);
    let world = World::bundled();
    let g = corpus.0.gazetteer();
    let (w, h) = world.size;

    let place = move |code: &str, form: &Form| -> Option<AnyView> {
        if matches!(form, Form::None) {
            return None;
        }
        let Some(e) = g.entity_by_code(code) else {
            // Land no country code counts: drawn, never coloured.
            return match form {
                Form::Shape(d) => Some(view! { <path class="sorot-map__land" d=d.clone()></path> }.into_any()),
                _ => None,
            };
        };
        let ent = g.entity(e);
        let n = move || docs.with(|(_, per)| per[e.0 as usize]);
        let cls = move || {
            let k = docs.with(|(m, per)| class(per[e.0 as usize], *m));
            let on = if selected.with(|s| s.contains(&e)) { " sorot-map__place--selected" } else { "" };
            format!("sorot-map__place sorot-map__c{k}{on}")
        };
        let code = ent.code.clone();
        let toggle = move |s: &ViewState| ViewState { doc: None, at: None, ..s.toggled(&code) };
        let name = ent.label.clone();
        let label = move || {
            let name = name.clone();
            move || {
                let (m, per) = docs.with(|(m, per)| (*m, per[e.0 as usize]));
                format!("{name}: {per} of {m} matching articles")
            }
        };
        let shape = match form {
            Form::Shape(d) => view! { <path d=d.clone()></path> }.into_any(),
            Form::Dot(x, y) => view! { <circle class="sorot-map__dot" cx=*x cy=*y r="2.6"></circle> }.into_any(),
            Form::None => unreachable!(),
        };
        Some(
            // In a <g>, so that the macro makes SVG elements of the link and its title.
            view! {
                <g><a class=cls use:link=Link::to(view, toggle)
                    data-entity=ent.code.clone() data-docs=n aria-label=label()
                    tabindex={move || if n() > 0 { "0" } else { "-1" }}
                    on:mouseenter=move |_| hovered.set(Some(e)) on:focus=move |_| hovered.set(Some(e))
                    on:mouseleave=move |_| hovered.set(None) on:blur=move |_| hovered.set(None)>
                    <title>{label()}</title>
                    {shape}
                </a></g>
            }
            .into_any(),
        )
    };
    let shapes = world.places.iter().filter_map(|p| place(&p.code, &p.form)).collect_view();

    let c = corpus.0.clone();
    let detail = move || {
        let e = hovered.get()?;
        let ent = c.gazetteer().entity(e);
        let (m, n) = docs.with(|(m, per)| (*m, per[e.0 as usize]));
        let matches: Vec<usize> = answer.with(|a| a.0.hits.iter().map(|h| h.doc as usize).collect());
        let forms = c.surface_forms(&matches, e);
        let mut said = forms.forms.iter().take(FORMS).map(|(f, k)| format!("“{f}” {k}")).collect::<Vec<_>>().join(", ");
        if forms.forms.len() > FORMS {
            said.push_str(&format!(", and {} more", forms.forms.len() - FORMS));
        }
        if forms.unread > 0 {
            said.push_str(&format!(" (of the texts read so far; {} not yet)", forms.unread));
        }
        let pct = if m == 0 { 0.0 } else { 100.0 * f64::from(n) / m as f64 };
        Some(format!(
            "{} · {}: {n} of {m} matching articles ({pct:.1}%){}",
            ent.name_id,
            ent.name_en,
            if said.is_empty() { String::new() } else { format!(". Written {said}.") }
        ))
    };
    let c = corpus.0.clone();
    let orgs = move || {
        let g = c.gazetteer();
        answer.with(|a| {
            let m = a.0.hits.len().max(1);
            c.facets(&a.0)
                .entities
                .iter()
                .filter(|x| g.entity(x.entity).kind == Kind::Organization)
                .take(ORGS)
                .map(|x| {
                    let ent = g.entity(x.entity);
                    let code = ent.code.clone();
                    let toggle = move |s: &ViewState| ViewState { doc: None, at: None, ..s.toggled(&code) };
                    view! {
                        <li data-entity=ent.code.clone() data-docs=x.docs>
                            <a use:link=Link::to(view, toggle)>{ent.label.clone()}</a>
                            <span class="sorot-overview__pct">{format!(" {} ({:.0}%)", x.docs, 100.0 * f64::from(x.docs) / m as f64)}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let legend = (0..=5)
        .map(|k| {
            let text = if k == 0 { "none".to_string() } else { class_label(k) };
            view! { <li><span class=format!("sorot-map__swatch sorot-map__c{k}") aria-hidden="true"></span>{text}</li> }
        })
        .collect_view();
    view! {
        <section class="sorot-map" data-testid="map" aria-labelledby="sorot-map-title">
            <h2 class="sorot-overview__heading" id="sorot-map-title">"Where"</h2>
            <p class="sorot-overview__lead">
                "The share of the matching articles that mention each country; small states are dots. A country shows only the articles that mention it."
            </p>
            <div class="sorot-map__body">
                <svg class="sorot-map__svg" data-chart="map" viewBox=format!("0 0 {w} {h}") role="group" aria-label="World map of the countries mentioned">
                    {shapes}
                </svg>
                <div class="sorot-map__side">
                    <p class="sorot-map__subhead">"Organizations"</p>
                    <ul class="sorot-map__orgs">{orgs}</ul>
                </div>
            </div>
            <p class="sorot-map__detail" data-testid="map-detail" aria-live="polite">
                {move || detail().unwrap_or_else(|| "Point at a country, or move to it with Tab, for its count and the words that named it.".to_string())}
            </p>
            <ul class="sorot-map__legend" aria-label="Share of matching articles">{legend}</ul>
            <ChartImages name="sorot-map" of="[data-testid=map]" label="the map" />
        </section>
    }
}
