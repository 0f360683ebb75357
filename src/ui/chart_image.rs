//! A chart as an image file: the SVG charts of a view, as drawn, stacked into one standalone
//! SVG (each under its caption, with the colours the page's style gave them written into it),
//! or that SVG drawn into a PNG at twice its size.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Width of the image, in SVG units (pixels at 1×).
const WIDTH: f64 = 960.0;
/// Room for a caption above each chart.
const CAPTION: f64 = 22.0;
/// The style properties that carry a chart's look, written in as attributes.
const PROPERTIES: [&str; 8] =
    ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "opacity", "font-size"];

/// "SVG" and "PNG" buttons that save the charts of the element `of` (a selector) as
/// `<name>.svg` and `<name>.png`.
#[component]
pub fn ChartImages(name: &'static str, of: &'static str, label: &'static str) -> impl IntoView {
    let svg = move |_| {
        if let Some(text) = standalone(of) {
            super::download::save(&format!("{name}.svg"), "image/svg+xml", &text);
        }
    };
    let png = move |_| {
        if let Some(text) = standalone(of) {
            to_png(&format!("{name}.png"), &text);
        }
    };
    view! {
        <p class="sorot-downloads" role="group" aria-label=format!("Download {label} as an image")>
            <span>"Download the chart:"</span>
            <button type="button" class="sorot-downloads__button" data-download=format!("{name}.svg") on:click=svg>"SVG"</button>
            <button type="button" class="sorot-downloads__button" data-download=format!("{name}.png") on:click=png>"PNG"</button>
        </p>
    }
}

/// The charts under `of` as one SVG document, or `None` when there is none.
fn standalone(of: &str) -> Option<String> {
    let doc = document();
    let root = doc.query_selector(of).ok()??;
    // The SVG charts, and the tables that are charts (the co-occurrence matrix), drawn as SVG.
    let charts = root.query_selector_all("svg, table[data-chart]").ok()?;
    let out = doc.create_element_ns(Some(SVG), "svg").ok()?;
    let window = window();
    let page = root.closest("body").ok().flatten().and_then(|b| window.get_computed_style(&b).ok().flatten());
    let (background, ink) = page.map_or(("#ffffff".to_string(), "#000000".to_string()), |s| {
        (
            s.get_property_value("background-color").unwrap_or_default(),
            s.get_property_value("color").unwrap_or_default(),
        )
    });
    let mut y = 0.0;
    let mut drawn = 0;
    let mut widest: f64 = 0.0;
    for i in 0..charts.length() {
        let Some(chart) = charts.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let rect = chart.get_bounding_client_rect();
        if rect.width() <= 0.0 || rect.height() <= 0.0 {
            continue;
        }
        // The caption above (its parts apart), and the axis below, as the page shows them.
        let parts = |el: Option<web_sys::Element>, sep: &str| {
            let el = el?;
            let kids = el.children();
            let texts: Vec<String> = (0..kids.length())
                .filter_map(|k| kids.item(k)?.text_content())
                .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|t| !t.is_empty())
                .collect();
            let text = if texts.is_empty() { el.text_content().unwrap_or_default() } else { texts.join(sep) };
            Some(text).filter(|t| !t.trim().is_empty())
        };
        let figure = chart.closest("figure").ok().flatten();
        let caption = parts(figure.as_ref().and_then(|f| f.query_selector("figcaption").ok().flatten()), " · ")
            .or_else(|| chart.query_selector("caption").ok().flatten().and_then(|c| c.text_content()));
        // An axis is the chart's next sibling, hidden from screen readers (its text is in the bars').
        let axis = parts(
            chart.next_element_sibling().filter(|a| a.get_attribute("aria-hidden").as_deref() == Some("true")),
            "   ",
        );
        let label = |text: &str, at: f64| {
            words(&out, text, 13, &[("x", "0".into()), ("y", at.to_string()), ("fill", ink.clone())])
        };
        if let Some(text) = caption {
            label(&text, y + 15.0)?;
            y += CAPTION;
        }
        // A table is drawn at its own scale (its text as large as the captions), a chart across.
        let (copy, ratio, width) = if chart.tag_name().eq_ignore_ascii_case("table") {
            let (svg, w, h) = table_svg(&chart, &ink)?;
            (svg, h / w, w.min(WIDTH))
        } else {
            let copy: web_sys::Element = chart.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
            inline_styles(&chart, &copy);
            let _ = copy.remove_attribute("class");
            (copy, rect.height() / rect.width(), WIDTH)
        };
        let h = width * ratio;
        widest = widest.max(width);
        for (k, v) in
            [("x", "0".to_string()), ("y", y.to_string()), ("width", width.to_string()), ("height", h.to_string())]
        {
            copy.set_attribute(k, &v).ok()?;
        }
        out.append_child(&copy).ok()?;
        y += h + 4.0;
        if let Some(text) = axis {
            label(&text, y + 13.0)?;
            y += CAPTION - 4.0;
        }
        y += 12.0;
        drawn += 1;
    }
    if drawn == 0 {
        return None;
    }
    // A legend (a list marked data-legend: a swatch and its words per item), in a row below.
    if let Some(legend) = root.query_selector("[data-legend]").ok().flatten() {
        let mut x = 0.0;
        if let Some(title) = legend.get_attribute("aria-label") {
            words(
                &out,
                &format!("{title}:"),
                13,
                &[("x", "0".into()), ("y", (y + 13.0).to_string()), ("fill", ink.clone())],
            )?;
            x += (title.chars().count() as f64 + 2.0) * 7.0;
        }
        for item in elements(&legend, "li") {
            let swatch = item.query_selector("span").ok().flatten();
            let fill = swatch
                .and_then(|s| window.get_computed_style(&s).ok().flatten())
                .and_then(|s| s.get_property_value("background-color").ok())
                .unwrap_or_default();
            let text = item.text_content().unwrap_or_default().trim().to_string();
            let square =
                [("x", x.to_string()), ("y", (y + 2.0).to_string()), ("width", "14".into()), ("height", "14".into())];
            add(&out, "rect", &[&square[..], &[("fill", fill)]].concat())?;
            words(
                &out,
                &text,
                12,
                &[("x", (x + 18.0).to_string()), ("y", (y + 13.0).to_string()), ("fill", ink.clone())],
            )?;
            x += 30.0 + text.chars().count() as f64 * 6.5;
        }
        y += CAPTION + 4.0;
    }
    for (k, v) in [
        ("xmlns", SVG.to_string()),
        ("width", widest.to_string()),
        ("height", y.to_string()),
        ("viewBox", format!("0 0 {widest} {y}")),
    ] {
        out.set_attribute(k, &v).ok()?;
    }
    let bg = add(&out, "rect", &[("width", "100%".into()), ("height", "100%".into()), ("fill", background)])?;
    out.insert_before(&bg, out.first_child().as_ref()).ok()?;
    web_sys::XmlSerializer::new().ok()?.serialize_to_string(&out).ok()
}

/// Size of a cell of a table drawn as SVG, and of a character of its labels.
const CELL: (f64, f64) = (48.0, 26.0);
const CHAR: f64 = 7.0;

/// A table of numbers (a row head and a cell per column, column heads above) as an SVG grid:
/// each cell in the colour the page gives it, with its text; column heads written upwards so
/// that long names fit. Returns the SVG and its width and height.
fn table_svg(table: &web_sys::Element, ink: &str) -> Option<(web_sys::Element, f64, f64)> {
    let squeeze =
        |e: &web_sys::Element| e.text_content().unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ");
    let heads: Vec<String> = elements(table, "thead th").iter().map(squeeze).collect();
    let rows: Vec<(String, Vec<web_sys::Element>)> = elements(table, "tbody tr")
        .iter()
        .filter_map(|tr| Some((squeeze(&tr.query_selector("th").ok()??), elements(tr, "td"))))
        .collect();
    let longest = |names: &mut dyn Iterator<Item = usize>| names.max().unwrap_or(0) as f64 * CHAR + 12.0;
    let left = longest(&mut rows.iter().map(|(n, _)| n.chars().count()));
    let top = longest(&mut heads.iter().map(|n| n.chars().count()));
    let (w, h) = (left + CELL.0 * heads.len() as f64, top + CELL.1 * rows.len() as f64);
    let svg = document().create_element_ns(Some(SVG), "svg").ok()?;
    svg.set_attribute("viewBox", &format!("0 0 {w} {h}")).ok()?;
    let text = |content: &str, attrs: &[(&str, String)]| words(&svg, content, 12, attrs);
    for (i, name) in heads.iter().enumerate() {
        let x = left + CELL.0 * (i as f64 + 0.5) + 4.0;
        text(name, &[("transform", format!("translate({x} {}) rotate(-90)", top - 6.0)), ("fill", ink.to_string())])?;
    }
    let style = |e: &web_sys::Element, p: &str| {
        window().get_computed_style(e).ok().flatten().and_then(|s| s.get_property_value(p).ok()).unwrap_or_default()
    };
    for (r, (name, cells)) in rows.iter().enumerate() {
        let y = top + CELL.1 * r as f64;
        text(
            name,
            &[
                ("x", (left - 6.0).to_string()),
                ("y", (y + CELL.1 * 0.65).to_string()),
                ("text-anchor", "end".into()),
                ("fill", ink.to_string()),
            ],
        )?;
        for (c, cell) in cells.iter().enumerate() {
            let content = squeeze(cell);
            if content.is_empty() {
                continue;
            }
            let x = left + CELL.0 * c as f64;
            add(
                &svg,
                "rect",
                &[
                    ("x", x.to_string()),
                    ("y", y.to_string()),
                    ("width", CELL.0.to_string()),
                    ("height", CELL.1.to_string()),
                    ("fill", style(cell, "background-color")),
                    ("stroke", style(cell, "border-top-color")),
                ],
            )?;
            text(
                &content,
                &[
                    ("x", (x + CELL.0 / 2.0).to_string()),
                    ("y", (y + CELL.1 * 0.65).to_string()),
                    ("text-anchor", "middle".into()),
                    ("fill", ink.to_string()),
                ],
            )?;
        }
    }
    Some((svg, w, h))
}

/// The SVG namespace.
const SVG: &str = "http://www.w3.org/2000/svg";

/// An SVG element `tag` with `attrs`, in that order, appended to `parent`.
fn add(parent: &web_sys::Element, tag: &str, attrs: &[(&str, String)]) -> Option<web_sys::Element> {
    let el = document().create_element_ns(Some(SVG), tag).ok()?;
    for (k, v) in attrs {
        el.set_attribute(k, v).ok()?;
    }
    parent.append_child(&el).ok()?;
    Some(el)
}

/// `content` as a `<text>` in the images' type, `size` pixels high, appended to `parent`.
fn words(parent: &web_sys::Element, content: &str, size: u32, attrs: &[(&str, String)]) -> Option<web_sys::Element> {
    let t = add(parent, "text", attrs)?;
    t.set_attribute("font-size", &size.to_string()).ok()?;
    t.set_attribute("font-family", "sans-serif").ok()?;
    t.set_text_content(Some(content));
    Some(t)
}

/// The elements under `root` that `selector` matches, in document order.
fn elements(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
}

/// Writes into the shapes under `copy`, as attributes, the look the page's style gives those
/// under `original` (the two trees alike), and drops the tooltips.
fn inline_styles(original: &web_sys::Element, copy: &web_sys::Element) {
    let (Ok(from), Ok(to)) = (original.query_selector_all("*"), copy.query_selector_all("*")) else { return };
    let pairs = (0..from.length()).filter_map(|i| {
        let a = from.item(i)?.dyn_into::<web_sys::Element>().ok()?;
        let b = to.item(i)?.dyn_into::<web_sys::Element>().ok()?;
        Some((a, b))
    });
    for (a, b) in pairs {
        // Titles are tooltips, of no use in a file; only shapes and text need a look.
        match a.tag_name().to_ascii_lowercase().as_str() {
            "title" => {
                b.remove();
                continue;
            }
            "path" | "circle" | "rect" | "line" | "polyline" | "polygon" | "ellipse" | "text" => {}
            _ => {
                let _ = b.remove_attribute("class");
                continue;
            }
        }
        let Some(style) = window().get_computed_style(&a).ok().flatten() else { continue };
        for p in PROPERTIES {
            if let Ok(v) = style.get_property_value(p) {
                if !v.is_empty() {
                    let _ = b.set_attribute(p, &v);
                }
            }
        }
        let _ = b.remove_attribute("class");
    }
}

/// Draws the SVG `text` into a canvas at twice its size and saves it as a PNG.
fn to_png(filename: &str, text: &str) {
    let Ok(img) = web_sys::HtmlImageElement::new() else { return };
    let url = format!("data:image/svg+xml;charset=utf-8,{}", String::from(js_sys::encode_uri_component(text)));
    let filename = filename.to_string();
    let onload = {
        let img = img.clone();
        Closure::once(move || {
            let result = (|| -> Result<(), JsValue> {
                let (w, h) = (img.natural_width().max(1), img.natural_height().max(1));
                let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas")?.unchecked_into();
                canvas.set_width(w * 2);
                canvas.set_height(h * 2);
                let ctx: web_sys::CanvasRenderingContext2d =
                    canvas.get_context("2d")?.ok_or("no 2d context")?.unchecked_into();
                ctx.scale(2.0, 2.0)?;
                ctx.draw_image_with_html_image_element(&img, 0.0, 0.0)?;
                let data = canvas.to_data_url_with_type("image/png")?;
                let a: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
                a.set_href(&data);
                a.set_download(&filename);
                a.click();
                Ok(())
            })();
            if let Err(e) = result {
                leptos::logging::warn!("could not draw the chart: {e:?}");
            }
        })
    };
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    img.set_src(&url);
}
