//! The documents panel: every document loaded, with its metadata and figures.

use super::app::Store;
use super::state::Action;
use yew::prelude::*;

#[function_component(Documents)]
pub fn documents() -> Html {
    let store = use_context::<Store>().expect("state context");
    let figures = |id: &str| {
        store.analysis.as_ref().and_then(|a| a.documents.iter().find(|d| d.id == id)).map(|d| (d.words, d.language.clone()))
    };
    html! {
        <section class="panel documents" aria-label="Documents loaded">
            <h2>{ format!("Documents ({})", store.corpus.len()) }</h2>
            if store.corpus.is_empty() {
                <p class="hint">{ "No document yet." }</p>
            }
            <ul class="doc-list">
                { for store.corpus.iter().map(|doc| {
                    let remove = { let (store, id) = (store.clone(), doc.id.clone()); Callback::from(move |_| store.dispatch(Action::Remove(id.clone()))) };
                    let (words, language) = figures(&doc.id).unwrap_or((0, String::new()));
                    html! {
                        <li class="doc" data-id={doc.id.clone()}>
                            <div class="doc-head">
                                <span class="doc-title" title={doc.title.clone()}>{ &doc.title }</span>
                                <button class="link" onclick={remove} aria-label={format!("Remove {}", doc.id)}>{ "✕" }</button>
                            </div>
                            <div class="doc-meta">
                                <span class="doc-name">{ &doc.id }</span>
                                if !doc.source.is_empty() { <span>{ &doc.source }</span> }
                                if !doc.date.is_empty() { <span>{ &doc.date }</span> }
                                if !language.is_empty() { <span class="lang">{ language }</span> }
                                if words > 0 { <span>{ format!("{words} words") }</span> }
                            </div>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
