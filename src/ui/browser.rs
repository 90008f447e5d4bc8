//! The few browser calls the page needs: saving the corpus, reading files,
//! offering a download. Everything stays on this machine.

use crate::engine::InputDocument;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the corpus is kept between visits (this browser only).
const CORPUS_KEY: &str = "prisme.corpus.v1";
/// Long enough for the browser to start a download from an object URL.
const DOWNLOAD_URL_LIFETIME_MS: u32 = 10_000;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The corpus saved by an earlier visit, if any.
pub fn load_corpus() -> Option<Vec<InputDocument>> {
    let json = storage()?.get_item(CORPUS_KEY).ok().flatten()?;
    serde_json::from_str(&json).ok()
}

/// Saves the corpus; the error says what was not saved.
pub fn save_corpus(corpus: &[InputDocument]) -> Result<(), String> {
    let store = storage().ok_or("this browser gives the page no storage, so the corpus will not survive a reload")?;
    let json = serde_json::to_string(corpus).map_err(|e| e.to_string())?;
    store.set_item(CORPUS_KEY, &json).map_err(|_| {
        format!(
            "the browser's storage is full: the {} documents loaded ({} KB) stay usable and exportable here, but were not saved for the next visit",
            corpus.len(),
            json.len() / 1024
        )
    })
}

/// The browser's preferred language (`fr-FR`, `en-GB`…), or `en`.
pub fn browser_language() -> String {
    web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_else(|| "en".into())
}

/// Reads a file the user picked or dropped.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| format!("{}: could not be read ({e:?})", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Offers `contents` as a file download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|e| format!("{e:?}"))?.unchecked_into();
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
