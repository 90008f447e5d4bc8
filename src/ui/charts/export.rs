//! Saving a chart as a file: its `<svg>` as a standalone SVG, or drawn on a
//! canvas at twice its size as a PNG. Everything happens in the page; the
//! image is loaded from a `blob:` URL, which the page's Content-Security-Policy
//! allows (`img-src 'self' data: blob:`).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, Element};

const SVG_NS: &str = "http://www.w3.org/2000/svg";
/// PNG pixels per SVG unit: sharp on a projector and in a slide.
pub const PNG_SCALE: f64 = 2.0;
/// Height added above an exported chart for its title.
const TITLE_BAND: f64 = 40.0;
/// Long enough for the browser to start a download from an object URL.
const DOWNLOAD_URL_LIFETIME_MS: u32 = 10_000;

fn js_error(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// A file name from a chart title: `Sentiment by source` → `sentiment-by-source`.
pub fn file_stem(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() { "chart".to_string() } else { format!("prisme-{stem}") }
}

/// Width and height of a chart from its `viewBox`. The browser reads the
/// numbers (`parseFloat`): Rust's own float parsing would add its tables and
/// code to the page for these four numbers, which the page wrote itself.
pub fn svg_size(svg: &Element) -> (f64, f64) {
    let view_box = svg.get_attribute("viewBox").unwrap_or_default();
    let n: Vec<f64> = view_box.split_whitespace().map(js_sys::parse_float).filter(|v| v.is_finite()).collect();
    match n.as_slice() {
        [_, _, w, h] => (*w, *h),
        _ => (800.0, 600.0),
    }
}

/// The chart as a standalone SVG document, its title written above it, and
/// its size. Colours and fonts are attributes on the elements already, so the
/// file looks the same without the page's CSS; what only matters on the page
/// (focus order, classes, ARIA) is removed.
pub fn standalone_svg(svg: &Element, title: &str) -> Result<(String, f64, f64), String> {
    let (w, h) = svg_size(svg);
    let h = h + TITLE_BAND;
    let copy: Element = svg.clone_node_with_deep(true).map_err(js_error)?.unchecked_into();
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    for attribute in ["tabindex", "class", "role", "aria-label", "aria-pressed", "aria-describedby", "focusable"] {
        let marked = copy.query_selector_all(&format!("[{attribute}]")).map_err(js_error)?;
        for i in 0..marked.length() {
            if let Some(e) = marked.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = e.remove_attribute(attribute);
            }
        }
        let _ = copy.remove_attribute(attribute);
    }
    // XMLSerializer writes the SVG namespace (xmlns) on the root itself.
    // Everything moves down to make room for the title.
    let body = document.create_element_ns(Some(SVG_NS), "g").map_err(js_error)?;
    body.set_attribute("transform", &format!("translate(0 {TITLE_BAND})")).map_err(js_error)?;
    while let Some(child) = copy.first_child() {
        body.append_child(&child).map_err(js_error)?;
    }
    let background = document.create_element_ns(Some(SVG_NS), "rect").map_err(js_error)?;
    for (k, v) in [("width", w.to_string()), ("height", h.to_string()), ("fill", "#ffffff".to_string())] {
        background.set_attribute(k, &v).map_err(js_error)?;
    }
    let heading = document.create_element_ns(Some(SVG_NS), "text").map_err(js_error)?;
    for (k, v) in [("x", "16"), ("y", "28"), ("font-size", "20"), ("font-weight", "700"), ("fill", "#1d1d1f")] {
        heading.set_attribute(k, v).map_err(js_error)?;
    }
    heading.set_text_content(Some(title));
    copy.append_child(&background).map_err(js_error)?;
    copy.append_child(&heading).map_err(js_error)?;
    copy.append_child(&body).map_err(js_error)?;
    for (k, v) in [
        ("viewBox", format!("0 0 {w} {h}")),
        ("width", w.to_string()),
        ("height", h.to_string()),
    ] {
        copy.set_attribute(k, &v).map_err(js_error)?;
    }
    let text = web_sys::XmlSerializer::new().map_err(js_error)?.serialize_to_string(&copy).map_err(js_error)?;
    Ok((format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{text}"), w, h))
}

/// Downloads the chart as `<stem>.svg`.
pub fn download_svg(svg: &Element, title: &str, stem: &str) -> Result<(), String> {
    let (text, _, _) = standalone_svg(svg, title)?;
    super::super::browser::download(&format!("{stem}.svg"), "image/svg+xml", &text)
}

/// A blob of `mime` holding `text`.
fn text_blob(text: &str, mime: &str) -> Result<Blob, String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)
}

/// Draws a standalone SVG document on a white canvas, `PNG_SCALE` times its
/// size, and returns it as PNG bytes in a blob.
pub async fn svg_to_png(svg_text: &str, width: f64, height: f64) -> Result<Blob, String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(&text_blob(svg_text, "image/svg+xml")?).map_err(js_error)?;
    let image = web_sys::HtmlImageElement::new().map_err(js_error)?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(&url);
    let result = JsFuture::from(loaded).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    result.map_err(|_| "the browser could not draw the chart as an image".to_string())?;

    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").map_err(js_error)?.unchecked_into();
    let (pw, ph) = ((width * PNG_SCALE).round(), (height * PNG_SCALE).round());
    canvas.set_width(pw as u32);
    canvas.set_height(ph as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(js_error)?
        .ok_or("this browser cannot draw on a canvas")?
        .unchecked_into();
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, pw, ph);
    context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, pw, ph).map_err(js_error)?;

    let done = js_sys::Promise::new(&mut |resolve, reject| {
        if let Err(e) = canvas.to_blob(&resolve) {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    });
    let blob = JsFuture::from(done).await.map_err(js_error)?;
    blob.dyn_into::<Blob>().map_err(|_| "the browser could not encode the PNG".to_string())
}

/// Offers a blob as a file download named `name`.
pub fn download_blob(name: &str, blob: &Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(js_error)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(js_error)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The browser reads the object URL after this call returns: release it a little later.
    gloo::timers::callback::Timeout::new(DOWNLOAD_URL_LIFETIME_MS, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Downloads the chart as `<stem>.png`.
pub async fn download_png(svg: &Element, title: &str, stem: &str) -> Result<(), String> {
    let (text, w, h) = standalone_svg(svg, title)?;
    let blob = svg_to_png(&text, w, h).await?;
    download_blob(&format!("{stem}.png"), &blob)
}
