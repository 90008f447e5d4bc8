//! The few browser calls the page needs: saving the session, the browser's
//! language, offering a download. Everything stays on this machine.

use super::state::Saved;
use wasm_bindgen::JsCast;

/// Where the session is kept between visits (this browser only).
const SESSION_KEY: &str = "prisme.session.v1";
/// Long enough for the browser to start a download from an object URL.
const DOWNLOAD_URL_LIFETIME_MS: u32 = 10_000;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What an earlier visit saved, if anything.
pub fn load_saved() -> Option<Saved> {
    let json = storage()?.get_item(SESSION_KEY).ok().flatten()?;
    serde_json::from_str(&json).ok()
}

/// Why the session could not be saved.
pub enum SaveProblem {
    NoStorage,
    Full { kb: usize },
}

/// The most any browser's local storage holds for one site (Chromium's
/// 10 MB; Firefox and Safari hold 5 MB). A corpus of more text cannot be
/// saved, so it is not written out as JSON to find that out: for a 50 MB
/// corpus that would hold the page up on every change.
const LOCAL_STORAGE_MOST: usize = 10 * 1024 * 1024;

/// Saves the session in this browser.
pub fn save(saved: &Saved) -> Result<(), SaveProblem> {
    let store = storage().ok_or(SaveProblem::NoStorage)?;
    let text: usize = saved.corpus.iter().map(|d| d.text.len()).sum();
    if text > LOCAL_STORAGE_MOST {
        return Err(SaveProblem::Full { kb: text / 1024 });
    }
    let json = serde_json::to_string(saved).map_err(|_| SaveProblem::NoStorage)?;
    store.set_item(SESSION_KEY, &json).map_err(|_| SaveProblem::Full { kb: json.len() / 1024 })
}

/// Removes everything this page saved.
pub fn clear_saved() {
    if let Some(s) = storage() {
        let _ = s.remove_item(SESSION_KEY);
    }
}

/// The browser's preferred language (`fr-FR`, `en-GB`…), or `en`.
pub fn browser_language() -> String {
    web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_else(|| "en".into())
}

/// Asks the user to confirm; false when the page cannot ask.
pub fn confirm(question: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}

/// Offers `contents` as a file download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    download_parts(name, mime, &js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents)))
}

/// Offers `bytes` as a file download named `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    download_parts(name, mime, &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)))
}

/// Offers the concatenated `parts` (strings or byte arrays) as a file download named `name`.
pub fn download_parts(name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options).map_err(|e| format!("{e:?}"))?;
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
