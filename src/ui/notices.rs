//! Messages for the user, each dismissable, and the question asked when a
//! text is added a second time.

use super::app::Store;
use super::state::{Action, Level};
use yew::prelude::*;

#[function_component(Notices)]
pub fn notices() -> Html {
    let store = use_context::<Store>().expect("state context");
    let t = store.lang().text();
    if store.notices.is_empty() {
        return html! {};
    }
    html! {
        <ul class="notices" aria-label="Messages">
            { for store.notices.iter().enumerate().map(|(i, n)| {
                let dismiss = { let store = store.clone(); Callback::from(move |_| store.dispatch(Action::Dismiss(i))) };
                let class = match n.level { Level::Error => "notice notice-error", Level::Info => "notice" };
                html! {
                    <li class={class} role={if n.level == Level::Error { "alert" } else { "status" }}>
                        <span>{ &n.text }</span>
                        <button class="link" onclick={dismiss} aria-label={t.dismiss}>{ "✕" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}

/// Names of duplicates shown in the question; the rest are counted.
const NAMES_SHOWN: usize = 5;

#[function_component(Duplicates)]
pub fn duplicates() -> Html {
    let store = use_context::<Store>().expect("state context");
    let t = store.lang().text();
    let Some(first) = store.duplicates.first() else { return html! {} };
    let old = store.corpus().iter().find(|d| crate::engine::same_content(d, first)).map(|d| d.id.clone()).unwrap_or_default();
    let answer = |add: bool| {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::Duplicates { add }))
    };
    // A folder of copies can bring hundreds: the first few are named.
    let shown: Vec<&str> = store.duplicates.iter().take(NAMES_SHOWN).map(|d| d.id.as_str()).collect();
    let mut names = shown.join(", ");
    if store.duplicates.len() > NAMES_SHOWN {
        names.push_str(&(t.and_more)(store.duplicates.len() - NAMES_SHOWN));
    }
    html! {
        <div class="notices">
            <div class="notice question" role="alertdialog" aria-labelledby="dup-q">
                <span id="dup-q">{ (t.duplicate_question)(&names, &old, store.duplicates.len()) }</span>
                <span class="row">
                    <button class="button primary" onclick={answer(true)}>{ t.add_anyway }</button>
                    <button class="button" onclick={answer(false)}>{ t.skip }</button>
                </span>
            </div>
        </div>
    }
}
