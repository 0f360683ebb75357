//! Keeping the site available offline: registers the service worker (`web/sw.js`, copied next
//! to the page by Trunk), which keeps the page and its hashed files so that a visited site
//! reopens without a network and picks up a new deploy on the next load.

/// Registers `sw.js` next to the page, where the browser allows service workers (a secure
/// context: https or localhost). Nothing happens elsewhere, and a failure only costs the
/// offline copy.
pub fn register() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(window) = web_sys::window() else { return };
        let navigator = window.navigator();
        let has_workers = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
        if !has_workers {
            return;
        }
        let container: web_sys::ServiceWorkerContainer = navigator.service_worker().unchecked_into();
        let pending = container.register("./sw.js");
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = wasm_bindgen_futures::JsFuture::from(pending).await {
                leptos::logging::warn!("no offline copy: the service worker was not registered ({e:?})");
            }
        });
    }
}
