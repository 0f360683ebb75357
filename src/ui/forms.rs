//! Counting you can audit: the forms an entity's mentions take, each with its count and a link
//! that leaves it out of every count and view (a wrong match, a brand named like a country),
//! and the notice of the forms left out, each with a link that counts it again. What is left
//! out lives in the URL (`x=code:form`); the collection applies it (see `sorot_engine::exclusion`).

use leptos::prelude::*;
use sorot_engine::gazetteer::EntityId;

use super::context::{Corpus, Current, View};
use super::files::Files;
use super::links::{link, Link};
use crate::url::ViewState;

/// Forms listed before "and N more" (the rest follow on request).
const LISTED: usize = 8;

/// The forms of `entity`'s mentions in the current matches, most frequent first, then those
/// left out (with their mentions in the whole corpus: the matches may have none left).
#[component]
pub fn FormsList(entity: EntityId) -> impl IntoView {
    let view = expect_context::<View>();
    let corpus = expect_context::<Corpus>();
    let files = use_context::<Files>();
    let Current { settled: answer, excluded, .. } = expect_context::<Current>();
    let c = corpus.0.clone();
    let code = c.gazetteer().entity(entity).code.clone();
    let all = RwSignal::new(false);
    let forms = Memo::new(move |_| {
        // Over a bundle, the entity's forms file counts its forms in every match, texts or not.
        if let Some(f) = files {
            f.track();
            f.request(&c, c.forms_needs(entity));
        }
        excluded.track();
        answer.with(|a| {
            let docs: Vec<usize> = a.0.hits.iter().map(|h| h.doc as usize).collect();
            c.surface_forms(&docs, entity)
        })
    });
    let row = move |f: &sorot_engine::concordance::Form, out: bool| {
        let (code, form) = (code.clone(), f.form.clone());
        let toggle = move |s: &ViewState| s.with_form_toggled(&code, &form);
        let (action, title) = if out {
            (
                "count again",
                format!("Count “{}” as a mention again, in every view ({} in the whole corpus)", f.written, f.mentions),
            )
        } else {
            ("leave out", format!("Leave “{}” out of every count and view (a wrong match)", f.written))
        };
        view! {
            <li class=if out { "sorot-forms__form sorot-forms__form--out" } else { "sorot-forms__form" }
                data-form=f.form.clone() data-mentions=f.mentions data-excluded=out.then_some("true")>
                <span class="sorot-forms__text">{format!("“{}”", f.written)}</span>
                " " <span class="sorot-overview__pct">{f.mentions}</span> " "
                <a class="sorot-forms__toggle" data-testid="form-toggle" use:link=Link::to(view, toggle) title=title>{action}</a>
            </li>
        }
    };
    let listed = move || {
        forms.with(|fs| {
            let n = if all.get() { fs.forms.len() } else { LISTED.min(fs.forms.len()) };
            let mut rows: Vec<AnyView> = fs.forms.iter().take(n).map(|f| row(f, false).into_any()).collect();
            rows.extend(fs.excluded.iter().map(|f| row(f, true).into_any()));
            rows
        })
    };
    let hidden = move || if all.get() { 0 } else { forms.with(|fs| fs.forms.len().saturating_sub(LISTED)) };
    let unread = move || forms.with(|fs| fs.unread);
    view! {
        <div class="sorot-forms" data-testid="forms">
            <span class="sorot-forms__lead">"Written as "</span>
            <ul class="sorot-forms__list">{listed}</ul>
            <Show when=move || { hidden() > 0 }>
                <button type="button" class="sorot-forms__more" on:click=move |_| all.set(true)>
                    {move || format!("and {} more", hidden())}
                </button>
            </Show>
            <Show when=move || { unread() > 0 }>
                <span class="sorot-forms__unread">{move || format!("(in the texts read so far; {} more to read)", unread())}</span>
            </Show>
        </div>
    }
}

/// The forms left out of every count, each with a link that counts it again; over a bundle,
/// how many texts are still to be read before the counts are exact.
#[component]
pub fn Excluded() -> impl IntoView {
    let view = expect_context::<View>();
    let corpus = expect_context::<Corpus>();
    let files = use_context::<Files>();
    let Current { answer, excluded, .. } = expect_context::<Current>();
    let c = corpus.0.clone();
    let forms = Memo::new(move |_| {
        let g = c.gazetteer();
        excluded.with(|x| {
            x.forms()
                .iter()
                .map(|(e, f)| (g.entity(*e).code.clone(), g.entity(*e).label.clone(), f.clone()))
                .collect::<Vec<_>>()
        })
    });
    let c = corpus.0.clone();
    // Follows the answer, which is made again as each batch of texts arrives.
    let unread = Memo::new(move |_| {
        answer.track();
        if let Some(f) = files {
            f.track();
        }
        c.exclusion_unread().len()
    });
    view! {
        <Show when=move || forms.with(|f| !f.is_empty())>
            <p class="sorot-notice sorot-excluded" data-testid="excluded" role="status">
                "Left out of every count: "
                {move || {
                    forms.get().into_iter().enumerate().map(|(i, (code, label, form))| {
                        let toggle = {
                            let (code, form) = (code.clone(), form.clone());
                            move |s: &ViewState| s.with_form_toggled(&code, &form)
                        };
                        view! {
                            {(i > 0).then_some(", ")}
                            <span data-entity=code.clone() data-form=form.clone()>
                                {format!("“{form}” as a name of {label} (")}
                                <a use:link=Link::to(view, toggle) title=format!("Count “{form}” as {label} again")>"count again"</a>
                                ")"
                            </span>
                        }
                    }).collect_view()
                }}
                "."
                {move || {
                    let n = unread.get();
                    (n > 0).then(|| format!(
                        " Reading how the {n} article{} that may have them write it: until then they are counted.",
                        if n == 1 { "" } else { "s" }
                    ))
                }}
            </p>
        </Show>
    }
}
