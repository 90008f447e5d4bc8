//! Which column of a table is the text, the title, the source, the date and
//! the language: Prisme guesses, the user checks and may change it.

use super::app::{Store, WorkerHandle};
use super::state::Action;
use super::worker::Request;
use crate::engine::{TableColumns, TableGuess};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[function_component(TableColumnsPicker)]
pub fn table_columns_picker() -> Html {
    let store = use_context::<Store>().expect("state context");
    let Some((name, guess)) = store.tables.first().cloned() else { return html! {} };
    html! { <Picker key={name.as_str()} name={name.clone()} {guess} /> }
}

#[derive(Properties, PartialEq)]
struct PickerProps {
    name: String,
    guess: TableGuess,
}

#[function_component(Picker)]
fn picker(props: &PickerProps) -> Html {
    let store = use_context::<Store>().expect("state context");
    let worker = use_context::<WorkerHandle>().expect("worker context");
    let t = store.lang().text();
    let columns = use_state(|| props.guess.columns.clone());
    let headers = &props.guess.headers;
    // One select per role; `required` roles have no "none" option.
    let select = |label: &'static str, id: &'static str, value: Option<usize>, required: bool, set: fn(&mut TableColumns, Option<usize>)| {
        let columns = columns.clone();
        let onchange = Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut c = (*columns).clone();
            set(&mut c, v.parse().ok());
            columns.set(c);
        });
        html! {
            <label>{ label }
                <select {id} {onchange}>
                    if !required { <option value="" selected={value.is_none()}>{ t.column_none }</option> }
                    { for headers.iter().enumerate().map(|(i, h)| html! {
                        <option value={i.to_string()} selected={value == Some(i)}>{ if h.is_empty() { format!("#{}", i + 1) } else { h.clone() } }</option>
                    }) }
                </select>
            </label>
        }
    };
    let apply = {
        let (store, worker, name, columns) = (store.clone(), worker.clone(), props.name.clone(), columns.clone());
        Callback::from(move |_| {
            let guessed = store.tables.iter().find(|(n, _)| *n == name).map(|(_, g)| &g.columns);
            if guessed == Some(&*columns) {
                store.dispatch(Action::TableDone(name.clone()));
            } else {
                store.dispatch(Action::Reading(1));
                worker.request(&Request::Retable { name: name.clone(), columns: (*columns).clone() });
            }
        })
    };
    let keep = { let (store, name) = (store.clone(), props.name.clone()); Callback::from(move |_| store.dispatch(Action::TableDone(name.clone()))) };
    let c = &*columns;
    html! {
        <div class="notices">
            <section class="notice question table-columns" role="dialog" aria-labelledby="table-q">
                <div>
                    <h2 id="table-q">{ (t.table_title)(&props.name, props.guess.rows) }</h2>
                    <p class="hint">{ t.table_help }</p>
                    <div class="row">
                        { select(t.column_text, "column-text", Some(c.text), true, |c, v| c.text = v.unwrap_or(c.text)) }
                        { select(t.title, "column-title", c.title, false, |c, v| c.title = v) }
                        { select(t.source, "column-source", c.source, false, |c, v| c.source = v) }
                        { select(t.date, "column-date", c.date, false, |c, v| c.date = v) }
                        { select(t.language, "column-language", c.language, false, |c, v| c.language = v) }
                    </div>
                </div>
                <span class="row">
                    <button id="table-apply" class="button primary" onclick={apply}>{ t.apply }</button>
                    <button class="button" onclick={keep}>{ t.keep_guess }</button>
                </span>
            </section>
        </div>
    }
}
