//! Ways in: paste one or more texts, pick files or a folder, drop files, or
//! load the demo corpus. Each adds to the corpus; nothing loaded is replaced.
//! The reading and decoding itself happens in the worker.

use super::app::{Store, WorkerHandle};
use super::state::{Action, Level, Notice};
use super::worker::Request;
use web_sys::{DragEvent, FileList, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

fn send_files(store: &Store, worker: &WorkerHandle, files: FileList) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    if !files.is_empty() {
        store.dispatch(Action::Reading(1));
        worker.read_files(&files);
    }
}

/// The number the next pasted text takes (`texte-N`).
fn next_paste_number(store: &Store) -> usize {
    store
        .corpus()
        .iter()
        .filter_map(|d| d.id.strip_prefix("texte-").and_then(|n| n.parse::<usize>().ok()))
        .max()
        .unwrap_or(0)
        + 1
}

#[function_component(AddDocuments)]
pub fn add_documents() -> Html {
    let store = use_context::<Store>().expect("state context");
    let worker = use_context::<WorkerHandle>().expect("worker context");
    let t = store.lang().text();
    let text_ref = use_node_ref();
    let dragging = use_state(|| false);

    let add_text = {
        let (store, worker, text_ref) = (store.clone(), worker.clone(), text_ref.clone());
        Callback::from(move |_| {
            let Some(area) = text_ref.cast::<HtmlTextAreaElement>() else { return };
            let text = area.value();
            if text.trim().is_empty() {
                let text = store.lang().text().paste_empty.to_string();
                store.dispatch(Action::Notify(Notice { level: Level::Info, text }));
                return;
            }
            store.dispatch(Action::Reading(1));
            worker.request(&Request::Paste {
                first: next_paste_number(&store),
                text,
                separator: store.saved.settings.separator.clone(),
            });
            area.set_value("");
        })
    };
    let set_separator = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            store.dispatch(Action::SetSeparator(input.value()));
        })
    };
    let pick_files = {
        let (store, worker) = (store.clone(), worker.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(files) = input.files() {
                send_files(&store, &worker, files);
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let (store, worker, dragging) = (store.clone(), worker.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
                send_files(&store, &worker, files);
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
        let (store, worker) = (store.clone(), worker.clone());
        Callback::from(move |_| {
            store.dispatch(Action::Reading(1));
            worker.request(&Request::Demo { language: store.lang().code().into() });
        })
    };
    let accept = ".txt,.text,.md,.markdown,.html,.htm,.docx,.csv,.tsv,.json,.jsonl,.pdf";

    html! {
        <section class={classes!("panel", "add", dragging.then_some("dragging"))}
            aria-label={t.add_documents} ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
            <h2>{ t.add_documents }</h2>
            <label for="paste" class="label">{ t.paste_label }</label>
            <textarea id="paste" ref={text_ref} rows="6" placeholder={t.paste_placeholder} />
            <div class="separator-row">
                <label for="separator" class="label small">{ t.separator_label }</label>
                <input id="separator" class="separator" type="text" value={store.saved.settings.separator.clone()}
                    onchange={set_separator} aria-describedby="separator-hint" />
            </div>
            <p class="hint" id="separator-hint">{ t.separator_hint }</p>
            <div class="row">
                <button class="button primary" onclick={add_text}>{ t.add_text }</button>
                <label class="button file">
                    { t.open_files }
                    <input id="open-files" type="file" multiple=true {accept} onchange={pick_files.clone()} />
                </label>
                <label class="button file">
                    { t.open_folder }
                    <input id="open-folder" type="file" webkitdirectory=true multiple=true onchange={pick_files} />
                </label>
                <button class="button" onclick={load_demo}>{ t.load_demo }</button>
            </div>
            <p class="hint">{ t.drop_hint }</p>
        </section>
    }
}
