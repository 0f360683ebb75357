//! The world map: each country coloured by the share of the current matches that mention it
//! (fixed classes, so views compare), small states as dots, former states and organizations
//! listed beside it. A country is a link that filters to it; hovering or focusing it names its
//! count and the forms its mentions take.

use leptos::prelude::*;
use sorot_engine::gazetteer::{EntityId, Kind};

use super::chart_image::ChartImages;
use super::context::{Corpus, Current, View};
use super::files::Files;
use super::links::{link, Link};
use crate::charts::{percent, share};
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
        let code = ent.code.clone();
        let toggle = move |s: &ViewState| ViewState { doc: None, at: None, ..s.toggled(&code) };
        let shape = match form {
            Form::Shape(d) => view! { <path d=d.clone()></path> }.into_any(),
            Form::Dot(x, y) => view! { <circle class="sorot-map__dot" cx=*x cy=*y r="2.6"></circle> }.into_any(),
            Form::None => unreachable!(),
        };
        Some(
            // In a <g>, so that the macro makes SVG elements of the link and its title. Its
            // class, count, label and tab stop are written by `paint`.
            view! {
                <g><a class="sorot-map__place sorot-map__c0" use:link=Link::to(view, toggle)
                    data-entity=ent.code.clone() data-docs="0" aria-label=ent.label.clone() tabindex="-1"
                    on:mouseenter=move |_| hovered.set(Some(e)) on:focus=move |_| hovered.set(Some(e))
                    on:mouseleave=move |_| hovered.set(None) on:blur=move |_| hovered.set(None)>
                    <title>{ent.label.clone()}</title>
                    {shape}
                </a></g>
            }
            .into_any(),
        )
    };
    let shapes = world.places.iter().filter_map(|p| place(&p.code, &p.form)).collect_view();
    // One effect colours every country, and touches only those whose count or selection
    // changed: an effect per country's attribute made each filter change re-run about 1,300 of
    // them (see `super::links` for what that costs).
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let c = corpus.0.clone();
    Effect::new(move |painted: Option<Vec<Painted>>| {
        let Some(svg) = svg.get() else { return painted.unwrap_or_default() };
        let mut painted = painted.unwrap_or_else(|| places_of(&svg, c.gazetteer()));
        docs.with(|(m, per)| selected.with(|sel| paint(&mut painted, *m, per, sel, c.gazetteer())));
        painted
    });

    let c = corpus.0.clone();
    let files = use_context::<Files>();
    let detail = move || {
        let e = hovered.get()?;
        // Over a bundle, the country's forms file counts its forms (asked for on the first hover).
        if let Some(f) = files {
            f.track();
            f.request(&c, c.forms_needs(e));
        }
        let ent = c.gazetteer().entity(e);
        let (m, n) = docs.with(|(m, per)| (*m, per[e.0 as usize]));
        let matches: Vec<usize> = answer.with(|a| a.0.hits.iter().map(|h| h.doc as usize).collect());
        let forms = c.surface_forms(&matches, e);
        let mut said = forms
            .forms
            .iter()
            .take(FORMS)
            .map(|f| format!("“{}” {}", f.written, f.mentions))
            .collect::<Vec<_>>()
            .join(", ");
        if forms.forms.len() > FORMS {
            said.push_str(&format!(", and {} more", forms.forms.len() - FORMS));
        }
        if !forms.excluded.is_empty() {
            let out: Vec<String> = forms.excluded.iter().map(|f| format!("“{}”", f.written)).collect();
            said.push_str(&format!("; left out: {}", out.join(", ")));
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
                            <span class="sorot-overview__pct">{format!(" {} ({})", x.docs, percent(share(x.docs, m as u32)))}</span>
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
                <svg node_ref=svg class="sorot-map__svg" data-chart="map" viewBox=format!("0 0 {w} {h}") role="group" aria-label="World map of the countries mentioned">
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
            <ul class="sorot-map__legend" data-legend aria-label="Share of matching articles">{legend}</ul>
            <ChartImages name="sorot-map" of="[data-testid=map]" label="the map" />
        </section>
    }
}

/// A country's link on the map, and what it shows now.
struct Painted {
    entity: EntityId,
    el: web_sys::Element,
    /// Its class, count and label as last written; none before it is first painted.
    shown: Option<(String, u32, String)>,
}

/// The countries' links in the map's SVG.
fn places_of(svg: &web_sys::Element, g: &sorot_engine::gazetteer::Gazetteer) -> Vec<Painted> {
    let mut out = Vec::new();
    if let Ok(list) = svg.query_selector_all("a[data-entity]") {
        for i in 0..list.length() {
            let Some(el) = list.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()) else {
                continue;
            };
            if let Some(entity) =
                el.get_attribute("data-entity").and_then(|code: String| g.entity_by_code(code.as_str()))
            {
                out.push(Painted { entity, el, shown: None });
            }
        }
    }
    out
}

/// Writes each country's class, count, label and tab stop (only the countries mentioned are in
/// the tab order: the others would be two hundred stops on the way past the map), each only
/// when it changed: a country the matches do not mention keeps the same words whatever their
/// number, so that a filter change rewrites the few countries it concerns, not two hundred.
fn paint(
    places: &mut [Painted],
    matches: usize,
    per: &[u32],
    selected: &[EntityId],
    g: &sorot_engine::gazetteer::Gazetteer,
) {
    for p in places {
        let n = per[p.entity.0 as usize];
        let on = if selected.contains(&p.entity) { " sorot-map__place--selected" } else { "" };
        let class = format!("sorot-map__place sorot-map__c{}{on}", class(n, matches));
        let name = &g.entity(p.entity).label;
        let label = if n == 0 {
            format!("{name}: not in the matching articles")
        } else {
            format!("{name}: {n} of {matches} matching articles")
        };
        let was = p.shown.take();
        if was.as_ref().is_none_or(|w| w.0 != class) {
            let _ = p.el.set_attribute("class", &class);
        }
        let old_n = was.as_ref().map(|w| w.1);
        if old_n != Some(n) {
            let _ = p.el.set_attribute("data-docs", &n.to_string());
            if old_n.is_none_or(|o| (o > 0) != (n > 0)) {
                let _ = p.el.set_attribute("tabindex", if n > 0 { "0" } else { "-1" });
            }
        }
        if was.as_ref().is_none_or(|w| w.2 != label) {
            let _ = p.el.set_attribute("aria-label", &label);
            if let Some(title) = p.el.first_element_child() {
                title.set_text_content(Some(&label));
            }
        }
        p.shown = Some((class, n, label));
    }
}
