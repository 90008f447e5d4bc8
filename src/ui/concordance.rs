//! The Concordance view: every occurrence of a word, words or an actor with
//! its context, sortable by the left or right context. The worker computes
//! it from the latest analysis.

use super::app::{Store, WorkerHandle};
use super::state::Action;
use super::worker::Request;
use crate::engine::{sort_kwic, Analysis, KwicSort};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Context on each side, in characters, until the user changes it.
const DEFAULT_WIDTH: usize = 60;
/// The widths offered.
const WIDTHS: [usize; 4] = [30, 60, 90, 140];

#[derive(Properties, PartialEq)]
pub struct ConcordanceProps {
    pub analysis: Rc<Analysis>,
}

#[function_component(Concordance)]
pub fn concordance(props: &ConcordanceProps) -> Html {
    let store = use_context::<Store>().expect("state context");
    let worker = use_context::<WorkerHandle>().expect("worker context");
    let t = store.lang().text();
    let width = use_state(|| DEFAULT_WIDTH);
    let sort = use_state(|| KwicSort::Text);
    let input = use_node_ref();

    // Ask the worker whenever the query, the width or the analysis changes.
    {
        let (worker, query, revision) = (worker.clone(), store.kwic_query.clone(), store.analysed);
        use_effect_with((query, *width, revision), move |(query, width, revision)| {
            if !query.trim().is_empty() {
                worker.request(&Request::Kwic { revision: *revision, query: query.trim().to_string(), width: *width });
            }
        });
    }
    let submit = {
        let (store, input) = (store.clone(), input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(i) = input.cast::<HtmlInputElement>() {
                store.dispatch(Action::SetKwicQuery(i.value()));
            }
        })
    };
    let set_width = {
        let width = width.clone();
        Callback::from(move |e: Event| width.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(DEFAULT_WIDTH)))
    };
    let set_sort = {
        let sort = sort.clone();
        Callback::from(move |e: Event| {
            sort.set(match e.target_unchecked_into::<HtmlSelectElement>().value().as_str() {
                "left" => KwicSort::Left,
                "right" => KwicSort::Right,
                _ => KwicSort::Text,
            })
        })
    };
    let a = &props.analysis;
    let lines = store.kwic.as_ref().filter(|(q, _)| q == store.kwic_query.trim()).map(|(_, l)| {
        let mut l = l.clone();
        sort_kwic(&mut l, *sort);
        l
    });
    let doc_label = |id: &str| {
        let d = a.documents.iter().find(|d| d.id == id);
        match d {
            Some(d) if store.saved.settings.blind && !store.revealed => store.source_label_of(a, d.source),
            Some(d) => format!("{} · {}", store.source_label_of(a, d.source), d.id),
            None => id.to_string(),
        }
    };
    // Actors can be looked up by name: the worker takes their id.
    let actor_options: Vec<(String, String)> = a.actors.iter().filter(|r| r.total > 0).take(40).map(|r| (r.id.clone(), r.name.clone())).collect();
    html! {
        <section class="concordance" aria-label={t.view_concordance}>
            <form class="kwic-form" onsubmit={submit}>
                <label>{ t.kwic_query }
                    <input ref={input} id="kwic-query" type="search" list="kwic-actors" value={store.kwic_query.clone()} />
                </label>
                <datalist id="kwic-actors">{ for actor_options.iter().map(|(id, name)| html! { <option value={id.clone()}>{ name }</option> }) }</datalist>
                <button class="button primary" type="submit">{ t.search }</button>
                <label>{ t.kwic_width }
                    <select onchange={set_width}>{ for WIDTHS.iter().map(|w| html! { <option value={w.to_string()} selected={*w == *width}>{ w }</option> }) }</select>
                </label>
                <label>{ t.kwic_sort }
                    <select onchange={set_sort}>
                        <option value="text" selected={*sort == KwicSort::Text}>{ t.kwic_sort_text }</option>
                        <option value="left" selected={*sort == KwicSort::Left}>{ t.kwic_sort_left }</option>
                        <option value="right" selected={*sort == KwicSort::Right}>{ t.kwic_sort_right }</option>
                    </select>
                </label>
            </form>
            if let Some(lines) = lines {
                <p class="hint" role="status">{ (t.kwic_results)(lines.len()) }</p>
                <ul class="kwic-lines">
                    { for lines.iter().map(|l| html! {
                        <li class="kwic">
                            <span class="left">{ &l.left }</span>
                            <mark>{ &l.keyword }</mark>
                            <span class="right">{ &l.right }</span>
                            <span class="kwic-doc">{ doc_label(&l.document) }</span>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
