//! The search box: words typed here filter the documents as you type.

use leptos::prelude::*;

use super::context::View;
use super::history::{go, Entry};

/// The search input, bound to `q` in the URL. Typing replaces the current history entry.
#[component]
pub fn SearchBox() -> impl IntoView {
    let view = expect_context::<View>();
    view! {
        <form class="sorot-search" role="search" on:submit=|ev| ev.prevent_default()>
            <label class="sorot-visually-hidden" for="sorot-q">"Search articles"</label>
            <input
                id="sorot-q"
                data-testid="search"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder="Search words, e.g. kerja sama"
                prop:value=move || view.with(|s| s.q.clone())
                on:input=move |ev| {
                    let q = event_target_value(&ev);
                    let next = view.with_untracked(|s| crate::url::ViewState { q, ..s.clone() });
                    go(view, next, Entry::Replace);
                }
            />
        </form>
    }
}
