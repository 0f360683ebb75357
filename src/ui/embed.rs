//! Embedding: in `?embed=1` the page tells the page framing it how tall its content is, each
//! time that changes (`embed.js`, served with the site, sizes the frame); in the full page an
//! "Embed" control shows the one-line snippet for the current view, with a copy button.

use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::context::View;
use crate::url::ViewState;

/// The message a framed page posts: `{type: "sorot:height", height}` in CSS pixels.
pub const HEIGHT_MESSAGE: &str = "sorot:height";

/// Posts the content's height to the framing page now and whenever it changes. Does nothing
/// in a page that is not framed. The message holds a number only, so it is posted to any origin.
pub fn post_height() {
    let Ok(Some(parent)) = window().parent() else { return };
    if Object::is(&parent, &window()) {
        return;
    }
    let Some(root) = document().document_element() else { return };
    let last = std::cell::Cell::new(-1);
    let measured = root.clone();
    let post = Closure::<dyn FnMut()>::new(move || {
        let height = measured.scroll_height();
        if height == last.replace(height) {
            return;
        }
        let message = Object::new();
        let _ = Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&root);
        if let Some(body) = document().body() {
            observer.observe(&body);
        }
        // Both live as long as the page.
        std::mem::forget(observer);
    }
    post.forget();
}

/// The snippet that embeds `state` from the site at `base` (the page's address without its query).
pub fn snippet(base: &str, state: &ViewState) -> String {
    let src = format!("{base}{}", state.embedded().to_query());
    format!(
        "<iframe data-sorot src=\"{src}\" title=\"Sorot: news articles and the countries and organizations they mention\" \
         loading=\"lazy\" style=\"width:100%;height:640px;border:0\"></iframe>\n<script src=\"{base}embed.js\" async></script>"
    )
}

/// The "Embed" control of the full page: the snippet of the view in the address bar.
#[component]
pub fn EmbedButton() -> impl IntoView {
    let view = expect_context::<View>();
    let location = window().location();
    let base = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    let code = Memo::new(move |_| view.link(|s| snippet(&base, s)));
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let text = code.get_untracked();
        // navigator.clipboard.writeText, where the browser offers it (secure contexts).
        let clipboard = Reflect::get(&window().navigator(), &"clipboard".into()).ok().filter(|c| !c.is_undefined());
        let write = clipboard.as_ref().and_then(|c| Reflect::get(c, &"writeText".into()).ok());
        if let (Some(c), Some(f)) = (clipboard, write.and_then(|f| f.dyn_into::<js_sys::Function>().ok())) {
            let _ = f.call1(&c, &text.into());
            copied.set(true);
        }
    };
    view! {
        <details class="sorot-embed" data-testid="embed">
            <summary class="sorot-button">"Embed"</summary>
            <div class="sorot-embed__panel">
                <label for="sorot-embed-code">"Paste this into a web page to show this view there; the frame sizes itself."</label>
                <textarea id="sorot-embed-code" readonly rows="5" data-testid="embed-code"
                    on:focus=|ev| { if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) { t.select() } }
                    prop:value=move || code.get()></textarea>
                <button type="button" class="sorot-button" data-testid="embed-copy" on:click=copy>
                    {move || if copied.get() { "Copied" } else { "Copy" }}
                </button>
            </div>
        </details>
    }
}
