//! Downloads of a view's numbers: a CSV and a JSON button, each making its file from the
//! view's current [`Table`] when clicked (nothing is kept between clicks).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::export::Table;

/// "CSV" and "JSON" buttons that save `table()` as `<name>.csv` and `<name>.json`, after `lead`.
#[component]
pub fn Downloads(
    name: &'static str,
    label: &'static str,
    #[prop(default = "Download the numbers:")] lead: &'static str,
    table: impl Fn() -> Table + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let csv = {
        let table = table.clone();
        move |_| save(&format!("{name}.csv"), "text/csv;charset=utf-8", &table().to_csv())
    };
    let json = move |_| save(&format!("{name}.json"), "application/json", &table().to_json());
    view! {
        <p class="sorot-downloads" role="group" aria-label=format!("Download {label}")>
            <span>{lead}</span>
            <button type="button" class="sorot-downloads__button" data-download=format!("{name}.csv") on:click=csv>"CSV"</button>
            <button type="button" class="sorot-downloads__button" data-download=format!("{name}.json") on:click=json>"JSON"</button>
        </p>
    }
}

/// Saves `text` as a file named `filename` through a temporary object URL.
pub(super) fn save(filename: &str, mime: &str, text: &str) {
    let result = (|| -> Result<(), wasm_bindgen::JsValue> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
        a.set_href(&url);
        a.set_download(filename);
        a.click();
        web_sys::Url::revoke_object_url(&url)
    })();
    if let Err(e) = result {
        leptos::logging::warn!("could not save {filename}: {e:?}");
    }
}
