//! Ways in: paste a text, pick files, drop files, or load the demo corpus.
//! Each adds to the corpus; nothing already loaded is replaced.

use super::app::Store;
use super::browser;
use super::demo::demo_corpus;
use super::state::{Action, Level, Notice};
use crate::engine::{decode_file, from_pasted};
use web_sys::{DragEvent, FileList, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Reads every file of the list, adds those that decode, and reports the others by name.
fn add_files(store: Store, files: FileList) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut docs = Vec::new();
        for file in files {
            let name = file.name();
            match browser::read_file(&file).await {
                Err(text) => store.dispatch(Action::Notify(Notice { level: Level::Error, text })),
                Ok(bytes) => match decode_file(&name, &bytes) {
                    Ok(found) => docs.extend(found),
                    Err(e) => store.dispatch(Action::Notify(Notice { level: Level::Error, text: e.to_string() })),
                },
            }
        }
        store.dispatch(Action::Add(docs));
    });
}

#[function_component(AddDocuments)]
pub fn add_documents() -> Html {
    let store = use_context::<Store>().expect("state context");
    let text_ref = use_node_ref();
    let dragging = use_state(|| false);

    let add_text = {
        let (store, text_ref) = (store.clone(), text_ref.clone());
        Callback::from(move |_| {
            let Some(area) = text_ref.cast::<HtmlTextAreaElement>() else { return };
            match from_pasted(store.pasted + 1, &area.value()) {
                Some(doc) => {
                    store.dispatch(Action::Add(vec![doc]));
                    area.set_value("");
                }
                None => store.dispatch(Action::Notify(Notice {
                    level: Level::Info,
                    text: "The text box is empty: paste an article first.".into(),
                })),
            }
        })
    };
    let pick_files = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                add_files(store.clone(), files);
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let (store, dragging) = (store.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
                add_files(store.clone(), files);
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let load_demo = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::Add(demo_corpus(&browser::browser_language()))))
    };

    html! {
        <section class={classes!("panel", "add", dragging.then_some("dragging"))}
            aria-label="Add documents" ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
            <h2>{ "Add documents" }</h2>
            <label for="paste" class="label">{ "Paste an article" }</label>
            <textarea id="paste" ref={text_ref} rows="6" placeholder="Paste the text of an article here…" />
            <div class="row">
                <button class="button primary" onclick={add_text}>{ "Add text" }</button>
                <label class="button file">
                    { "Open files…" }
                    <input type="file" multiple=true accept=".txt,.md,.markdown,.text" onchange={pick_files} />
                </label>
                <button class="button" onclick={load_demo}>{ "Load demo" }</button>
            </div>
            <p class="hint">{ "Or drop files anywhere on this panel." }</p>
        </section>
    }
}
