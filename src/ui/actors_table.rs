//! Actors and how often each document names them.

use crate::engine::Analysis;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActorsTableProps {
    pub analysis: Rc<Analysis>,
}

#[function_component(ActorsTable)]
pub fn actors_table(props: &ActorsTableProps) -> Html {
    let a = &props.analysis;
    if a.actors.is_empty() {
        return html! { <p class="hint">{ "No actor found in these texts." }</p> };
    }
    html! {
        <div class="table-wrap">
            <table class="actors">
                <caption>{ "Actors: mentions per document" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Actor" }</th>
                        <th scope="col">{ "Kind" }</th>
                        { for a.documents.iter().map(|d| html! {
                            <th scope="col" class="num" title={format!("{} — {}", d.id, d.title)}>{ &d.source }</th>
                        }) }
                        <th scope="col" class="num">{ "Total" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for a.actors.iter().map(|actor| html! {
                        <tr data-actor={actor.id.clone()}>
                            <th scope="row" title={actor.aliases.join(", ")}>{ &actor.name }</th>
                            <td class="kind">{ &actor.kind }</td>
                            { for a.documents.iter().map(|d| {
                                let n = actor.mentions.get(&d.id).copied().unwrap_or(0);
                                html! { <td class={classes!("num", (n == 0).then_some("zero"))}>{ n }</td> }
                            }) }
                            <td class="num total">{ actor.total }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
