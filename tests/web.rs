//! Components mounted alone in a real browser over a small collection, their DOM checked as
//! a user would see it (the way the Leptos examples test theirs). Run by `./run test`:
//!
//! ```sh
//! cargo test --target wasm32-unknown-unknown -p sorot-app --test web
//! ```
//!
//! (`.cargo/config.toml` makes `wasm-bindgen-test-runner` the runner; it drives headless
//! Chromium through the `chromedriver` on `PATH`, or the one `CHROMEDRIVER` names.)
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use sorot_app::ui::context::{Answer, Corpus, Current, View};
use sorot_app::ui::{Facets, Reader, Results};
use sorot_app::url::ViewState;
use sorot_engine::collection::{Collection, Request};
use sorot_engine::corpus::Document;
use sorot_engine::exclusion::Exclusions;
use sorot_engine::gazetteer::EntityId;
use sorot_engine::matcher::Matcher;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Two short articles: the first with four mentions over two paragraphs.
fn collection() -> Collection {
    let docs = vec![
        Document::new("a", "Rusia dan China bertemu di KTT SCO.\n\nAmerika Serikat menolak hasilnya."),
        Document::new("b", "KTT ASEAN di Jakarta membahas Rusia."),
    ];
    Collection::new(docs, Matcher::bundled())
}

/// Mounts `component` in a fresh element of the page, with the context the app provides: the
/// corpus, the view state `state`, and an answer that follows it. Returns the element and the
/// view state's signal.
fn mount<V: IntoView + 'static>(state: ViewState, component: fn(Memo<Vec<EntityId>>) -> V) -> (Element, View) {
    let corpus = Corpus(Arc::new(collection()));
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let view = View::new(state);
    let handle = leptos::mount::mount_to(root.clone().unchecked_into::<HtmlElement>(), move || {
        provide_context(corpus.clone());
        provide_context(view);
        let selected = {
            let corpus = corpus.clone();
            Memo::new(move |_| {
                let g = corpus.0.gazetteer();
                view.with(|s| s.entities.iter().filter_map(|c| g.entity_by_code(c)).collect::<Vec<_>>())
            })
        };
        let answer = Memo::new(move |_| {
            let entities = selected.get();
            view.with(|s| {
                Answer(Arc::new(corpus.0.search(&Request { query: &s.q, entities: &entities, ..Request::default() })))
            })
        });
        let excluded = Memo::new(|_| Exclusions::default());
        // The charts are made at once: these tests mount one component each.
        let charted = Signal::derive(|| true);
        provide_context(Current { answer, settled: answer.into(), selected, excluded, charted });
        component(selected)
    });
    handle.forget();
    (root, view)
}

/// Lets the reactive system and the DOM catch up: a change shows after a microtask.
async fn tick() {
    for _ in 0..2 {
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL)).await.unwrap();
    }
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into::<Element>()).collect()
}

fn texts(root: &Element, selector: &str, attribute: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| format!("{}:{}", e.get_attribute(attribute).unwrap_or_default(), e.text_content().unwrap_or_default()))
        .collect()
}

fn reader(selected: Memo<Vec<EntityId>>) -> impl IntoView {
    view! { <Reader selected=selected /> }
}

fn facets(_: Memo<Vec<EntityId>>) -> impl IntoView {
    view! { <Facets /> }
}

fn results(_: Memo<Vec<EntityId>>) -> impl IntoView {
    view! { <Results /> }
}

#[wasm_bindgen_test]
async fn the_reader_marks_every_mention_with_its_entity() {
    let (root, _) = mount(ViewState { doc: Some("a".into()), ..ViewState::default() }, reader);
    tick().await;
    assert_eq!(
        texts(&root, "p mark.mention", "data-entity"),
        ["RU:Rusia", "CN:China", "sco:SCO", "US:Amerika Serikat"]
    );
    assert_eq!(all(&root, "p.sorot-reader__p").len(), 2, "two paragraphs");
    let kinds: Vec<String> =
        all(&root, "p mark.mention").iter().map(|m| m.get_attribute("data-kind").unwrap()).collect();
    assert_eq!(kinds, ["country", "country", "organization", "country"]);
    assert!(all(&root, "mark.hit").is_empty(), "no query, no hits");
}

#[wasm_bindgen_test]
async fn opening_another_article_shows_its_mentions_only() {
    let (root, view) = mount(ViewState { doc: Some("a".into()), ..ViewState::default() }, reader);
    tick().await;
    view.update(|s| s.doc = Some("b".into()));
    tick().await;
    assert_eq!(texts(&root, "p mark.mention", "data-entity"), ["asean:ASEAN", "RU:Rusia"]);
    assert_eq!(all(&root, "p.sorot-reader__p").len(), 1, "one paragraph");
    assert_eq!(all(&root, "[data-testid=reader-body][data-rendered]").len(), 1, "built in full");
}

#[wasm_bindgen_test]
async fn typing_marks_hits_inside_the_same_mention_marks() {
    let (root, view) = mount(ViewState { doc: Some("a".into()), ..ViewState::default() }, reader);
    tick().await;
    let before = all(&root, "p mark.mention");
    view.update(|s| s.q = "amerika".into());
    tick().await;
    assert_eq!(texts(&root, "mark.mention mark.hit", "class"), ["hit:Amerika"]);
    let after = all(&root, "p mark.mention");
    assert_eq!(after.len(), before.len());
    for (b, a) in before.iter().zip(&after) {
        assert!(b.is_same_node(Some(a)), "the mark of {:?} was rebuilt by a keystroke", a.text_content());
    }
    // The article's text is unchanged, hits and all.
    let body = root.query_selector(".sorot-reader__body").unwrap().unwrap().text_content().unwrap();
    assert_eq!(body, "Rusia dan China bertemu di KTT SCO.Amerika Serikat menolak hasilnya.");
    view.update(|s| s.q.clear());
    tick().await;
    assert!(all(&root, "mark.hit").is_empty(), "clearing the query clears the hits");
}

#[wasm_bindgen_test]
async fn the_stepper_and_the_chips_move_the_focus() {
    let (root, _) = mount(ViewState { doc: Some("a".into()), ..ViewState::default() }, reader);
    tick().await;
    let next = all(&root, ".sorot-stepper__btn")[1].clone().unchecked_into::<HtmlElement>();
    let position = || root.query_selector("[data-testid=mention-position]").unwrap().unwrap().text_content().unwrap();
    let focused = || texts(&root, "mark.mention--focus", "data-mention");
    assert_eq!(position(), "0 / 4");
    next.click();
    next.click();
    tick().await;
    assert_eq!((position(), focused()), ("2 / 4".to_string(), vec!["1:China".to_string()]));
    // The chip of the United States jumps to its mention.
    let us = root.query_selector(".sorot-reader__chips [data-entity=US]").unwrap().unwrap();
    us.unchecked_into::<HtmlElement>().click();
    tick().await;
    assert_eq!(focused(), ["3:Amerika Serikat"]);
    next.click();
    tick().await;
    assert_eq!((position(), focused()), ("1 / 4".to_string(), vec!["0:Rusia".to_string()]), "wraps around");
}

#[wasm_bindgen_test]
async fn facet_rows_stay_put_while_their_counts_change() {
    let (root, view) = mount(ViewState::default(), facets);
    tick().await;
    let row = |code: &str| root.query_selector(&format!("[data-testid=entity-panel] [data-entity={code}]")).unwrap();
    let count = |code: &str| row(code).unwrap().query_selector(".sorot-entity__count").unwrap().unwrap().text_content();
    assert_eq!(texts(&root, ".sorot-entity", "data-entity").len(), 5, "RU, CN, US, sco, asean");
    assert_eq!(count("RU").as_deref(), Some("2"));
    let russia = row("RU").unwrap();
    view.update(|s| s.q = "jakarta".into());
    tick().await;
    assert_eq!(count("RU").as_deref(), Some("1"));
    assert!(russia.is_same_node(row("RU").as_deref()), "Russia's row was rebuilt for a new count");
    assert!(row("CN").is_none(), "China is not mentioned in the matches");
    // A selected entity that nothing matches stays listed, at 0.
    view.update(|s| s.entities = vec!["CN".into()]);
    tick().await;
    assert_eq!(count("CN").as_deref(), Some("0"));
    assert_eq!(row("CN").unwrap().get_attribute("aria-current").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn a_result_card_shows_the_next_answer_in_the_same_elements() {
    let (root, view) = mount(ViewState::default(), results);
    tick().await;
    let docs = || texts(&root, "[data-testid=doc-item]", "data-doc");
    let first = || root.query_selector("li.sorot-doc").unwrap().unwrap();
    assert_eq!(docs().len(), 2);
    let card = first();
    view.update(|s| s.q = "asean".into());
    tick().await;
    assert_eq!(docs(), ["b:KTT ASEAN di Jakarta membahas Rusia.b"], "untitled: its first words, then its id");
    assert!(card.is_same_node(Some(&first())), "the first card's element was replaced");
    assert_eq!(texts(&root, "[data-testid=snippet] mark.hit", "class"), ["hit:ASEAN"]);
    assert_eq!(all(&root, "li.sorot-doc:not([hidden])").len(), 1, "the second card is hidden, not dropped");
    view.update(|s| s.q = String::new());
    tick().await;
    assert_eq!(docs().len(), 2);
}
