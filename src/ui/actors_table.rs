//! Actors and how often each source names them, sortable and filterable.
//! A pure component: everything it shows comes from its properties.

use super::i18n::Lang;
use super::state::sources_shown;
use crate::engine::{ActorRow, Analysis};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActorsTableProps {
    pub analysis: Rc<Analysis>,
    #[prop_or_default]
    pub lang: Lang,
    /// Column headings for the sources (blind mode hides the real names);
    /// the source names themselves when empty.
    #[prop_or_default]
    pub source_labels: Vec<String>,
    /// Show only actors of this kind.
    #[prop_or_default]
    pub kind: Option<String>,
    /// Show only actors whose name or a spelling contains this (case-insensitive).
    #[prop_or_default]
    pub filter: String,
    /// Show at most this many rows (0: all).
    #[prop_or_default]
    pub limit: usize,
    /// Called with an actor id when its name is activated.
    #[prop_or_default]
    pub on_select: Option<Callback<String>>,
}

/// How the rows are ordered: by total, by name, or by one source's count.
#[derive(Clone, PartialEq)]
enum Sort {
    Total,
    Name,
    /// By one source's count (its index).
    Source(u32),
}

#[function_component(ActorsTable)]
pub fn actors_table(props: &ActorsTableProps) -> Html {
    let t = props.lang.text();
    let sort = use_state(|| Sort::Total);
    let a = &props.analysis;
    let sources = sources_shown(a);
    let needle = crate::engine::fold(props.filter.trim());
    let mut rows: Vec<&ActorRow> = a
        .actors
        .iter()
        .filter(|r| r.total > 0 || !r.attributive.is_empty())
        .filter(|r| props.kind.as_ref().is_none_or(|k| &r.kind == k))
        .filter(|r| needle.is_empty() || std::iter::once(&r.name).chain(&r.aliases).any(|n| crate::engine::fold(n).contains(&needle)))
        .collect();
    match &*sort {
        Sort::Total => super::sorting::sort_by(&mut rows, |x, y| y.total.cmp(&x.total).then_with(|| x.name.cmp(&y.name))),
        Sort::Name => super::sorting::sort_by_key(&mut rows, |r| crate::engine::fold(&r.name)),
        Sort::Source(s) => super::sorting::sort_by(&mut rows, |x, y| {
            let n = |r: &ActorRow| r.mentions_in_source(*s);
            n(y).cmp(&n(x)).then_with(|| y.total.cmp(&x.total))
        }),
    }
    if props.limit > 0 {
        rows.truncate(props.limit);
    }
    if rows.is_empty() {
        return html! { <p class="hint">{ t.no_actor }</p> };
    }
    let header = |label: String, key: Sort, class: &'static str| {
        let active = *sort == key;
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_| sort.set(key.clone()))
        };
        html! {
            <th scope="col" class={class} aria-sort={if active { "descending" } else { "none" }}>
                <button class="sort" {onclick}>{ label }</button>
            </th>
        }
    };
    let label_of = |i: usize, s: u32| props.source_labels.get(i).cloned().unwrap_or_else(|| a.source_name(s).to_string());
    html! {
        <div class="table-wrap">
            <table class="actors">
                <caption>{ t.actors_caption }</caption>
                <thead>
                    <tr>
                        { header(t.actor.to_string(), Sort::Name, "") }
                        <th scope="col">{ t.kind }</th>
                        { for sources.iter().enumerate().map(|(i, &s)| header(label_of(i, s), Sort::Source(s), "num")) }
                        { header(t.total.to_string(), Sort::Total, "num") }
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|actor| {
                        let name = match &props.on_select {
                            Some(cb) => {
                                let (cb, id) = (cb.clone(), actor.id.clone());
                                html! { <button class="link-like" onclick={Callback::from(move |_| cb.emit(id.clone()))}>{ &actor.name }</button> }
                            }
                            None => html! { { &actor.name } },
                        };
                        html! {
                            <tr data-actor={actor.id.clone()}>
                                <th scope="row" title={actor.aliases.join(", ")}>{ name }</th>
                                <td class={classes!("kind", format!("kind-{}", actor.kind))}>{ (t.kind_name)(&actor.kind) }</td>
                                { for sources.iter().map(|&s| {
                                    let n = actor.mentions_in_source(s);
                                    html! { <td class={classes!("num", (n == 0).then_some("zero"))}>{ n }</td> }
                                }) }
                                <td class="num total">{ actor.total }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
