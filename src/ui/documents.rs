//! The documents panel: every document loaded, grouped by source, with its
//! metadata (editable), what cleaning left out (and a way to put it back),
//! and switches to leave a document out or remove it.

use super::app::Store;
use super::browser;
use super::state::{lookup, Action, Field};
use crate::engine::DocumentRow;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Documents listed at first, and added by each "Show more": a folder of
/// thousands of files would otherwise take the page seconds to draw.
const DOCUMENTS_PAGE: usize = 100;

#[function_component(Documents)]
pub fn documents() -> Html {
    let store = use_context::<Store>().expect("state context");
    let t = store.lang().text();
    let shown = use_state(|| DOCUMENTS_PAGE);
    // Group by the source the user sees (a document with no source stands
    // alone), groups in the order their first document comes; only the first
    // `shown` documents of that order are listed.
    let corpus = store.corpus();
    let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut group_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, doc) in corpus.iter().enumerate() {
        let source = if doc.source.trim().is_empty() { doc.id.as_str() } else { doc.source.trim() };
        let g = *group_of.entry(source).or_insert_with(|| {
            groups.push((source, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(i);
    }
    let mut left = *shown;
    let listed: Vec<(&str, &[usize])> = groups
        .iter()
        .map_while(|(source, docs)| {
            (left > 0).then(|| {
                let n = docs.len().min(left);
                left -= n;
                (*source, &docs[..n])
            })
        })
        .collect();
    let hidden = corpus.len().saturating_sub(*shown);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + DOCUMENTS_PAGE))
    };
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
            { for listed.iter().map(|(source, docs)| html! {
                <div class="source-group">
                    <h3 class="source-name">{ store.source_label(source) }</h3>
                    <ul class="doc-list">
                        { for docs.iter().map(|&index| html! { <DocumentItem key={corpus[index].id.clone()} id={corpus[index].id.clone()} {index} /> }) }
                    </ul>
                </div>
            }) }
            if hidden > 0 {
                <p class="hint">{ (t.documents_hidden)(hidden) }</p>
                <button class="button show-more-documents" onclick={more}>{ (t.show_more)(hidden.min(DOCUMENTS_PAGE)) }</button>
            }
            if !store.corpus().is_empty() {
                <button class="button danger" onclick={clear}>{ t.clear_all }</button>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DocumentItemProps {
    id: String,
    /// Where the document is in the corpus (its text is not copied into props).
    index: usize,
}

#[function_component(DocumentItem)]
fn document_item(props: &DocumentItemProps) -> Html {
    let store = use_context::<Store>().expect("state context");
    let t = store.lang().text();
    let Some(doc) = store.corpus().get(props.index).filter(|d| d.id == props.id) else { return html! {} };
    let id = doc.id.clone();
    let analysis = store.analysis.clone();
    let row_index = analysis.as_ref().and_then(|a| lookup(a).document(&id));
    let row: Option<&DocumentRow> = analysis.as_ref().zip(row_index).map(|(a, i)| &a.documents[i as usize]);
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
                if let (Some(a), Some(index)) = (analysis.clone(), row_index) {
                    <Removed analysis={a} {index} />
                }
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
    analysis: std::rc::Rc<crate::engine::Analysis>,
    /// The document's row in the analysis.
    index: u32,
}

/// What cleaning left out of a document, with a way to put each part back.
#[function_component(Removed)]
fn removed(props: &RemovedProps) -> Html {
    let store = use_context::<Store>().expect("state context");
    let t = store.lang().text();
    let Some(d) = props.analysis.documents.get(props.index as usize) else { return html! {} };
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
