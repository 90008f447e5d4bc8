//! Messages for the user, each dismissable.

use super::app::Store;
use super::state::{Action, Level};
use yew::prelude::*;

#[function_component(Notices)]
pub fn notices() -> Html {
    let store = use_context::<Store>().expect("state context");
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
                        <button class="link" onclick={dismiss} aria-label="Dismiss this message">{ "✕" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}
