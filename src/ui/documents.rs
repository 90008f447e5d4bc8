//! The documents panel: every document loaded, grouped by source, with its
//! metadata (editable), what cleaning left out (and a way to put it back),
//! and switches to leave a document out or remove it.

use super::app::Store;
use super::browser;
use super::state::{Action, Field};
use crate::engine::{DocumentRow, InputDocument};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[function_component(Documents)]
pub fn documents() -> Html {
    let store = use_context::<Store>().expect("state context");
    let t = store.lang().text();
    // Group by the source the user sees (a document with no source stands alone).
    let mut groups: Vec<(String, Vec<&InputDocument>)> = Vec::new();
    for doc in store.corpus() {
        let source = if doc.source.trim().is_empty() { doc.id.clone() } else { doc.source.trim().to_string() };
        match groups.iter_mut().find(|(s, _)| *s == source) {
            Some((_, docs)) => docs.push(doc),
            None => groups.push((source, vec![doc])),
        }
    }
    let clear = {
        let store = store.clone();
        Callback::from(move |_| {
            if browser::confirm(store.lang().text().clear_confirm) {
                browser::clear_saved();
                store.dispatch(Action::ClearAll);
            }
        })
    };
    html! {
        <section class="panel documents" aria-label={(t.documents)(store.corpus().len())}>
            <h2>{ (t.documents)(store.corpus().len()) }</h2>
            if store.corpus().is_empty() {
                <p class="hint">{ t.no_documents }</p>
            }
            { for groups.iter().map(|(source, docs)| html! {
                <div class="source-group">
                    <h3 class="source-name">{ store.source_label(source) }</h3>
                    <ul class="doc-list">
                        { for docs.iter().map(|doc| html! { <DocumentItem document={(*doc).clone()} /> }) }
                    </ul>
                </div>
            }) }
            if !store.corpus().is_empty() {
                <button class="button danger" onclick={clear}>{ t.clear_all }</button>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DocumentItemProps {
    document: InputDocument,
}

#[function_component(DocumentItem)]
fn document_item(props: &DocumentItemProps) -> Html {
    let store = use_context::<Store>().expect("state context");
    let t = store.lang().text();
    let doc = &props.document;
    let id = doc.id.clone();
    let row: Option<DocumentRow> = store.analysis.as_ref().and_then(|a| a.documents.iter().find(|d| d.id == id).cloned());
    let enabled = !store.saved.disabled.contains(&id);
    let blind = store.saved.settings.blind && !store.revealed;
    fn dispatch<E>(store: &Store, id: &str, action: fn(String) -> Action) -> Callback<E> {
        let (store, id) = (store.clone(), id.to_string());
        Callback::from(move |_| store.dispatch(action(id.clone())))
    }
    let edit = |field: Field| {
        let (store, id) = (store.clone(), id.clone());
        Callback::from(move |e: Event| {
            let value = match e.target_dyn_into::<HtmlInputElement>() {
                Some(input) => input.value(),
                None => e.target_unchecked_into::<HtmlSelectElement>().value(),
            };
            store.dispatch(Action::Edit { id: id.clone(), field, value });
        })
    };
    let title = if blind { store.source_label(if doc.source.is_empty() { &doc.id } else { &doc.source }) } else { doc.title.clone() };
    html! {
        <li class={classes!("doc", (!enabled).then_some("off"))} data-id={id.clone()}>
            <div class="doc-head">
                <input type="checkbox" checked={enabled} onchange={dispatch::<Event>(&store, &id, Action::Toggle)}
                    aria-label={format!("{} — {}", t.include, doc.id)} title={t.include} />
                <button class="doc-title link-like" title={title.clone()} onclick={dispatch::<MouseEvent>(&store, &id, Action::OpenReader)}>{ title }</button>
                <button class="link remove" onclick={dispatch::<MouseEvent>(&store, &id, Action::Remove)} aria-label={(t.remove)(&doc.id)}>{ "✕" }</button>
            </div>
            if !blind {
                <div class="doc-meta">
                    <span class="doc-name">{ &doc.id }</span>
                    if !doc.date.is_empty() { <span>{ &doc.date }</span> }
                    if let Some(r) = &row { <span class="lang">{ &r.language }</span> }
                    if let Some(r) = &row { <span>{ (t.words)(r.words) }</span> }
                </div>
            }
            if let Some(r) = &row {
                if !r.warnings.is_empty() {
                    <ul class="doc-warnings">{ for r.warnings.iter().map(|w| html! { <li>{ (t.warning)(&w.code, &w.languages) }</li> }) }</ul>
                }
                <Removed document={r.clone()} />
            }
            if !blind {
                <details class="doc-edit">
                    <summary>{ t.edit }</summary>
                    <label>{ t.title }<input type="text" value={doc.title.clone()} onchange={edit(Field::Title)} /></label>
                    <label>{ t.source }<input type="text" value={doc.source.clone()} onchange={edit(Field::Source)} /></label>
                    <label>{ t.date }<input type="text" value={doc.date.clone()} onchange={edit(Field::Date)} placeholder="2019-05-31" /></label>
                    <label>{ t.language }
                        <select onchange={edit(Field::Language)}>
                            { for [("", t.language_auto), ("fr", "français"), ("en", "English")].into_iter().map(|(code, name)| html! {
                                <option value={code} selected={doc.language == code}>{ name }</option>
                            }) }
                        </select>
                    </label>
                </details>
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct RemovedProps {
    document: DocumentRow,
}

/// What cleaning left out of a document, with a way to put each part back.
#[function_component(Removed)]
fn removed(props: &RemovedProps) -> Html {
    let store = use_context::<Store>().expect("state context");
    let t = store.lang().text();
    let d = &props.document;
    if d.removed.is_empty() {
        return html! {};
    }
    let count = |reason: &str| d.removed.iter().filter(|r| r.reason.as_str() == reason).count();
    html! {
        <details class="removed">
            <summary>{ (t.removed_summary)(count("chrome"), count("repeated_paragraph"), count("markup")) }</summary>
            <ul>
                { for d.removed.iter().map(|r| {
                    let put_back = {
                        let (store, id, span) = (store.clone(), d.id.clone(), r.span);
                        Callback::from(move |_| store.dispatch(Action::PutBack { id: id.clone(), span }))
                    };
                    html! {
                        <li>
                            <span class="reason">{ (t.removed_reason)(r.reason.as_str()) }</span>
                            <q class="removed-text">{ r.span.slice(&d.text) }</q>
                            <button class="link" onclick={put_back}>{ t.put_back }</button>
                        </li>
                    }
                }) }
            </ul>
        </details>
    }
}
