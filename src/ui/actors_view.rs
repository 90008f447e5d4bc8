//! The Actors view: the full table, filtered by kind or name, and one page
//! per actor with its mentions, spellings, labels, companions and edits.

use super::actors_table::ActorsTable;
use super::app::{Store, WorkerHandle};
use super::charts::{Bars, Network, NetworkEdge, NetworkNode, NumberFormat, Series};
use super::sentiment_view::ActorSentiment;
use super::worker::Request;
use super::state::{lookup, sources_of_actor, sources_shown, Action};
use crate::engine::{ActorEdit, ActorRow, Analysis};
use std::collections::BTreeMap;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The kinds a user can give an actor.
const KINDS: [&str; 8] = ["person", "state", "organisation", "armed_group", "place", "media", "institution", "unknown"];
/// How many companions the actor page lists.
const COMPANIONS: usize = 12;
/// Characters of context on each side of a mention in the evidence list.
const CONTEXT_CHARS: usize = 90;
/// Mentions listed per source on an actor's page (the concordance lists them all).
const MENTIONS_SHOWN: usize = 200;

#[derive(Properties, PartialEq)]
pub struct ActorsViewProps {
    pub analysis: Rc<Analysis>,
}

#[function_component(ActorsView)]
pub fn actors_view(props: &ActorsViewProps) -> Html {
    let store = use_context::<Store>().expect("state context");
    let lang = store.lang();
    let t = lang.text();
    let filter = use_state(String::new);
    let kind = use_state(|| None::<String>);
    let a = &props.analysis;
    let labels: Vec<String> = sources_shown(a).iter().map(|&s| store.source_label_of(a, s)).collect();
    if let Some(index) = store.selected_actor.as_ref().and_then(|id| lookup(a).actor(id)) {
        return html! { <ActorPage analysis={a.clone()} actor={a.actors[index as usize].clone()} {index} /> };
    }
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| filter.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            kind.set(if v.is_empty() { None } else { Some(v) });
        })
    };
    let select = {
        let store = store.clone();
        Callback::from(move |id: String| store.dispatch(Action::SelectActor(Some(id))))
    };
    html! {
        <section class="actors-view" aria-label={t.view_actors}>
            <div class="filters">
                <label>{ t.filter_actors }<input type="search" value={(*filter).clone()} oninput={on_filter} /></label>
                <label>{ t.kind }
                    <select onchange={on_kind}>
                        <option value="" selected={kind.is_none()}>{ t.all_kinds }</option>
                        { for KINDS.iter().map(|k| html! { <option value={*k} selected={kind.as_deref() == Some(*k)}>{ (t.kind_name)(k) }</option> }) }
                    </select>
                </label>
            </div>
            <ActorsTable analysis={a.clone()} {lang} source_labels={labels} filter={(*filter).clone()}
                kind={(*kind).clone()} on_select={select} />
            <EditList />
            <ActorList analysis={a.clone()} />
        </section>
    }
}

/// The user's edits of the actor list, each with an undo.
#[function_component(EditList)]
fn edit_list() -> Html {
    let store = use_context::<Store>().expect("state context");
    let t = store.lang().text();
    let edits = &store.config().actor_edits;
    if edits.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel edits">
            <h3>{ t.edits_made }</h3>
            <ul>
                { for edits.iter().enumerate().map(|(i, e)| {
                    let undo = { let store = store.clone(); Callback::from(move |_| store.dispatch(Action::UndoActorEdit(i))) };
                    html! { <li><span>{ describe(e) }</span> <button class="link" onclick={undo}>{ t.undo }</button></li> }
                }) }
            </ul>
        </section>
    }
}

fn describe(e: &ActorEdit) -> String {
    match e {
        ActorEdit::Rename { id, name } => format!("{id} → “{name}”"),
        ActorEdit::Merge { from, into } => format!("{from} ⇒ {into}"),
        ActorEdit::SplitAlias { id, alias, new_name } => format!("{id}: “{alias}” → {new_name}"),
        ActorEdit::SetKind { id, kind } => format!("{id}: {kind}"),
        ActorEdit::Ignore { id } => format!("{id} ✕"),
        ActorEdit::Add { name, kind, .. } => format!("+ {name} ({kind})"),
    }
}

#[derive(Properties, PartialEq)]
struct ActorPageProps {
    analysis: Rc<Analysis>,
    actor: ActorRow,
    /// Its index in the analysis.
    index: u32,
}

#[function_component(ActorPage)]
fn actor_page(props: &ActorPageProps) -> Html {
    let store = use_context::<Store>().expect("state context");
    let t = store.lang().text();
    let (a, actor, index) = (&props.analysis, &props.actor, props.index);
    let found = lookup(a);
    let sources = sources_of_actor(a, index);
    let source_of = |doc: u32| a.documents[doc as usize].source;
    let back = { let store = store.clone(); Callback::from(move |_| store.dispatch(Action::SelectActor(None))) };
    let source_labels: Vec<String> = sources.iter().map(|&s| store.source_label_of(a, s)).collect();

    // Labels per source: label → source → count.
    let mut labels: BTreeMap<&str, BTreeMap<u32, usize>> = BTreeMap::new();
    for &i in &found.labels_of_actor[index as usize] {
        let l = &a.labels[i as usize];
        *labels.entry(l.label.as_str()).or_default().entry(source_of(l.document)).or_default() += l.count;
    }
    // Companions: actors in the same sentences, summed over documents, most first.
    let companions: Vec<(u32, usize)> = found.companions[index as usize].iter().take(COMPANIONS).copied().collect();
    let name_of = |x: u32| a.actors[x as usize].name.clone();

    html! {
        <section class="actor-page" aria-label={actor.name.clone()}>
            <button class="link-like back" onclick={back}>{ format!("← {}", t.back_to_actors) }</button>
            <h2>{ &actor.name } <span class={classes!("kind", format!("kind-{}", actor.kind))}>{ (t.kind_name)(&actor.kind) }</span></h2>
            <p class="aliases"><strong>{ t.aliases_seen }{ " : " }</strong>{ actor.aliases.join(" · ") }</p>

            <Bars lang={store.lang()} title={t.mentions_per_source} categories={source_labels.clone()} category_label={t.source}
                series={vec![Series::new(t.mentions_per_source, sources.iter().map(|&s| actor.mentions_in_source(s) as f64).collect())]}
                format={NumberFormat::integer()} />

            <ActorSentiment analysis={a.clone()} lang={store.lang()} actor={index} source_labels={source_labels.clone()} />

            if !labels.is_empty() {
                <h3>{ t.labels_used }</h3>
                <div class="table-wrap">
                    <table class="labels">
                        <thead><tr><th scope="col">{ "" }</th>{ for source_labels.iter().map(|s| html! { <th scope="col" class="num">{ s }</th> }) }</tr></thead>
                        <tbody>
                            { for labels.iter().map(|(label, per)| html! {
                                <tr><th scope="row">{ *label }</th>
                                { for sources.iter().map(|s| { let n = per.get(s).copied().unwrap_or(0); html! { <td class={classes!("num", (n == 0).then_some("zero"))}>{ n }</td> } }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }

            if !companions.is_empty() {
                <CompanionNetwork analysis={a.clone()} actor={index} companions={companions.iter().map(|(x, _)| *x).collect::<Vec<_>>()} />
                <ul class="companions">
                    { for companions.iter().map(|&(x, n)| {
                        let select = { let (store, id) = (store.clone(), a.actors[x as usize].id.clone()); Callback::from(move |_| store.dispatch(Action::SelectActor(Some(id.clone())))) };
                        html! { <li><button class="link-like" onclick={select}>{ name_of(x) }</button>{ format!(" ({n})") }</li> }
                    }) }
                </ul>
            }

            <Collocates actor={actor.id.clone()} />
            <Evidence analysis={a.clone()} actor={index} />
            <ActorEdits analysis={a.clone()} actor={actor.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EvidenceProps {
    analysis: Rc<Analysis>,
    /// The actor's index.
    actor: u32,
}

/// Every mention of the actor in context, grouped by source.
#[function_component(Evidence)]
fn evidence(props: &EvidenceProps) -> Html {
    let store = use_context::<Store>().expect("state context");
    let a = &props.analysis;
    let found = lookup(a);
    let mentions = &found.mentions_of_actor[props.actor as usize];
    html! {
        <div class="evidence">
            { for sources_of_actor(a, props.actor).iter().map(|&source| {
                let of_source: Vec<&crate::engine::MentionRow> = mentions.iter().map(|&i| &a.mentions[i as usize]).filter(|m| a.documents[m.document as usize].source == source).collect();
                // A mention's context is built when the list is opened: an actor can have thousands.
                let lines: Vec<Html> = of_source.iter().take(MENTIONS_SHOWN).map(|m| {
                    let doc = &a.documents[m.document as usize];
                    let (left, hit, right) = context(&doc.text, m.span.start(), m.span.end());
                    html! { <li class="kwic"><span class="left">{ left }</span><mark>{ hit }</mark><span class="right">{ right }</span></li> }
                }).collect();
                if of_source.is_empty() { html! {} } else { html! {
                    <details class="evidence-source">
                        <summary>{ format!("{} ({})", store.source_label_of(a, source), of_source.len()) }</summary>
                        <ul>{ for lines.into_iter() }</ul>
                        if of_source.len() > MENTIONS_SHOWN { <p class="hint">{ format!("+ {}", of_source.len() - MENTIONS_SHOWN) }</p> }
                    </details>
                } }
            }) }
        </div>
    }
}

/// The text around `start..end`, cut at character boundaries.
fn context(text: &str, start: usize, end: usize) -> (String, String, String) {
    let left_start = text[..start].char_indices().rev().nth(CONTEXT_CHARS).map(|(i, _)| i).unwrap_or(0);
    let right_end = text[end..].char_indices().nth(CONTEXT_CHARS).map(|(i, _)| end + i).unwrap_or(text.len());
    let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    (clean(&text[left_start..start]) + " ", text[start..end].to_string(), " ".to_string() + &clean(&text[end..right_end]))
}

#[derive(Properties, PartialEq)]
struct ActorEditsProps {
    analysis: Rc<Analysis>,
    actor: ActorRow,
}

/// Rename, retype, merge or ignore the actor; each edit re-runs the analysis.
#[function_component(ActorEdits)]
fn actor_edits(props: &ActorEditsProps) -> Html {
    let store = use_context::<Store>().expect("state context");
    let t = store.lang().text();
    let id = props.actor.id.clone();
    let name_ref = use_node_ref();
    let kind_ref = use_node_ref();
    let merge_ref = use_node_ref();
    let split_alias_ref = use_node_ref();
    let split_name_ref = use_node_ref();
    let rename = {
        let (store, id, r) = (store.clone(), id.clone(), name_ref.clone());
        Callback::from(move |_| {
            if let Some(name) = r.cast::<HtmlInputElement>().map(|i| i.value()).filter(|n| !n.trim().is_empty()) {
                store.dispatch(Action::EditActors(ActorEdit::Rename { id: id.clone(), name: name.trim().to_string() }));
            }
        })
    };
    let set_kind = {
        let (store, id, r) = (store.clone(), id.clone(), kind_ref.clone());
        Callback::from(move |_| {
            if let Some(kind) = r.cast::<HtmlSelectElement>().map(|s| s.value()) {
                store.dispatch(Action::EditActors(ActorEdit::SetKind { id: id.clone(), kind }));
            }
        })
    };
    let merge = {
        let (store, id, r) = (store.clone(), id.clone(), merge_ref.clone());
        Callback::from(move |_| {
            if let Some(into) = r.cast::<HtmlSelectElement>().map(|s| s.value()).filter(|v| !v.is_empty()) {
                store.dispatch(Action::EditActors(ActorEdit::Merge { from: id.clone(), into: into.clone() }));
                store.dispatch(Action::SelectActor(Some(into)));
            }
        })
    };
    let split = {
        let (store, id, alias_ref, name_ref) = (store.clone(), id.clone(), split_alias_ref.clone(), split_name_ref.clone());
        Callback::from(move |_| {
            let alias = alias_ref.cast::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            let new_name = name_ref.cast::<HtmlInputElement>().map(|i| i.value().trim().to_string()).unwrap_or_default();
            if !alias.is_empty() && !new_name.is_empty() {
                store.dispatch(Action::EditActors(ActorEdit::SplitAlias { id: id.clone(), alias, new_name }));
            }
        })
    };
    let ignore = {
        let (store, id) = (store.clone(), id.clone());
        Callback::from(move |_| {
            store.dispatch(Action::EditActors(ActorEdit::Ignore { id: id.clone() }));
            store.dispatch(Action::SelectActor(None));
        })
    };
    let mut others: Vec<&ActorRow> = props.analysis.actors.iter().filter(|r| r.id != id && r.total > 0).collect();
    super::sorting::sort_by_key(&mut others, |r| crate::engine::fold(&r.name));
    html! {
        <section class="panel actor-edits">
            <div class="edit-row">
                <label>{ t.rename }<input ref={name_ref} type="text" value={props.actor.name.clone()} /></label>
                <button class="button" onclick={rename}>{ t.apply }</button>
            </div>
            <div class="edit-row">
                <label>{ t.change_kind }
                    <select ref={kind_ref}>
                        { for KINDS.iter().map(|k| html! { <option value={*k} selected={props.actor.kind == *k}>{ (t.kind_name)(k) }</option> }) }
                    </select>
                </label>
                <button class="button" onclick={set_kind}>{ t.apply }</button>
            </div>
            <div class="edit-row">
                <label>{ t.merge_into }
                    <select ref={merge_ref} id="merge-into">
                        <option value="">{ "—" }</option>
                        { for others.iter().map(|r| html! { <option value={r.id.clone()}>{ format!("{} ({})", r.name, r.total) }</option> }) }
                    </select>
                </label>
                <button class="button" onclick={merge}>{ t.apply }</button>
            </div>
            if props.actor.aliases.len() > 1 {
                <div class="edit-row">
                    <label>{ t.split_alias }
                        <select ref={split_alias_ref} id="split-alias">
                            { for props.actor.aliases.iter().map(|a| html! { <option value={a.clone()}>{ a }</option> }) }
                        </select>
                    </label>
                    <label>{ t.name }<input ref={split_name_ref} id="split-name" type="text" /></label>
                    <button class="button" onclick={split}>{ t.apply }</button>
                </div>
            }
            <button class="button danger" onclick={ignore}>{ t.ignore_actor }</button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CompanionNetworkProps {
    analysis: Rc<Analysis>,
    /// Actor indices.
    actor: u32,
    companions: Vec<u32>,
}

/// The actor and those named in the same sentences, with the links among them.
#[function_component(CompanionNetwork)]
fn companion_network(props: &CompanionNetworkProps) -> Html {
    let store = use_context::<Store>().expect("state context");
    let t = store.lang().text();
    let a = &props.analysis;
    let found = lookup(a);
    let shown: Vec<u32> = std::iter::once(props.actor).chain(props.companions.iter().copied()).collect();
    let nodes: Vec<NetworkNode> = shown
        .iter()
        .map(|&x| &a.actors[x as usize])
        .map(|r| NetworkNode { id: r.id.clone(), label: r.name.clone(), kind: r.kind.clone(), weight: r.total as f64 })
        .collect();
    // Links among the shown actors, from each one's companions (summed over documents).
    let mut edges: Vec<NetworkEdge> = Vec::new();
    for &x in &shown {
        for &(y, w) in &found.companions[x as usize] {
            let (ix, iy) = (&a.actors[x as usize].id, &a.actors[y as usize].id);
            if shown.contains(&y) && ix < iy {
                edges.push(NetworkEdge { a: ix.clone(), b: iy.clone(), weight: w as f64 });
            }
        }
    }
    super::sorting::sort_by(&mut edges, |p, q| (&p.a, &p.b).cmp(&(&q.a, &q.b)));
    let select = { let store = store.clone(); Callback::from(move |id: String| store.dispatch(Action::SelectActor(Some(id)))) };
    let selected = Some(a.actors[props.actor as usize].id.clone());
    html! {
        <Network lang={store.lang()} title={t.network_title} weight_label={t.network_weight} edge_label={t.network_edge} {nodes} {edges} on_select={select} {selected} />
    }
}

#[derive(Properties, PartialEq)]
struct CollocatesProps {
    actor: String,
}

/// The words most associated with the actor (±5 words), computed by the worker.
#[function_component(Collocates)]
fn collocates(props: &CollocatesProps) -> Html {
    let store = use_context::<Store>().expect("state context");
    let worker = use_context::<WorkerHandle>().expect("worker context");
    let t = store.lang().text();
    let pmi = use_state(|| false);
    {
        let (worker, actor, revision) = (worker.clone(), props.actor.clone(), store.analysed);
        use_effect_with((actor, *pmi, revision), move |(actor, pmi, revision)| {
            worker.request(&Request::Collocates { revision: *revision, actor: actor.clone(), pmi: *pmi });
        });
    }
    let set = { let pmi = pmi.clone(); Callback::from(move |e: Event| pmi.set(e.target_unchecked_into::<HtmlSelectElement>().value() == "pmi")) };
    let found = store.collocates.as_ref().filter(|(a, _)| *a == props.actor).map(|(_, c)| c.clone()).unwrap_or_default();
    html! {
        <section class="collocates">
            <h3>{ t.collocates_title }</h3>
            <label>{ t.collocates_measure }
                <select onchange={set}>
                    <option value="ll" selected={!*pmi}>{ "log-likelihood (G²)" }</option>
                    <option value="pmi" selected={*pmi}>{ "PMI" }</option>
                </select>
            </label>
            <ol class="terms inline">
                { for found.iter().take(20).map(|c| html! { <li title={format!("{:.2}", c.score)}>{ &c.term }<span class="term-n">{ format!(" {}", c.count) }</span></li> }) }
            </ol>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ActorListProps {
    analysis: Rc<Analysis>,
}

/// Export the actor list (TSV or JSON) and load a list back: how a class
/// shares one set of actors.
#[function_component(ActorList)]
fn actor_list(props: &ActorListProps) -> Html {
    let store = use_context::<Store>().expect("state context");
    let t = store.lang().text();
    let current = crate::engine::actors_to_tsv(&props.analysis);
    let notify = |store: &Store, text: String| store.dispatch(Action::Notify(super::state::Notice { level: super::state::Level::Error, text }));
    let export_tsv = {
        let (store, tsv) = (store.clone(), current.clone());
        Callback::from(move |_| {
            if let Err(e) = super::browser::download("prisme-actors.tsv", "text/tab-separated-values", &tsv) {
                notify(&store, e);
            }
        })
    };
    let export_json = {
        let (store, tsv) = (store.clone(), current.clone());
        Callback::from(move |_| {
            let json = crate::engine::Gazetteer::parse(&tsv).map(|g| g.to_json());
            if let Err(e) = json.and_then(|j| super::browser::download("prisme-actors.json", "application/json", &j)) {
                notify(&store, e);
            }
        })
    };
    let import = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let store = store.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
                let parsed = if name.to_lowercase().ends_with(".json") {
                    crate::engine::Gazetteer::from_json(&text)
                } else {
                    crate::engine::Gazetteer::parse(&text)
                };
                let mut list = crate::engine::Gazetteer::parse(&store.config().user_gazetteer).unwrap_or_default();
                match parsed {
                    Ok(g) => {
                        list.merge(g);
                        store.dispatch(Action::SetUserGazetteer(list.to_tsv()));
                    }
                    Err(e) => notify(&store, (store.lang().text().import_failed)(&name, &e)),
                }
            });
        })
    };
    let remove = { let store = store.clone(); Callback::from(move |_| store.dispatch(Action::SetUserGazetteer(String::new()))) };
    let (new_name, new_kind, new_aliases) = (use_node_ref(), use_node_ref(), use_node_ref());
    let add = {
        let (store, n, k, al) = (store.clone(), new_name.clone(), new_kind.clone(), new_aliases.clone());
        Callback::from(move |_| {
            let name = n.cast::<HtmlInputElement>().map(|i| i.value().trim().to_string()).unwrap_or_default();
            if name.is_empty() {
                return;
            }
            let kind = k.cast::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_else(|| "organisation".into());
            let aliases: Vec<String> = al
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default()
                .split(',')
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect();
            store.dispatch(Action::EditActors(ActorEdit::Add { name, kind, aliases }));
            for r in [&n, &al] {
                if let Some(i) = r.cast::<HtmlInputElement>() {
                    i.set_value("");
                }
            }
        })
    };
    let user_count = crate::engine::Gazetteer::parse(&store.config().user_gazetteer).map(|g| g.entries().len()).unwrap_or(0);
    html! {
        <section class="panel actor-list">
            <h3>{ t.actor_list_title }</h3>
            <p class="hint">{ t.actor_list_help }</p>
            <div class="row">
                <button id="export-actors-tsv" class="button" onclick={export_tsv}>{ t.export_list_tsv }</button>
                <button id="export-actors-json" class="button" onclick={export_json}>{ t.export_list_json }</button>
                <label class="button file">
                    { t.import_list }
                    <input id="import-actors" type="file" accept=".tsv,.txt,.json" onchange={import} />
                </label>
            </div>
            if user_count > 0 {
                <p>{ (t.user_list_count)(user_count) }{ " " }<button class="link-like" onclick={remove}>{ t.remove_user_list }</button></p>
            }
            <h3>{ t.add_actor }</h3>
            <p class="hint">{ t.add_actor_help }</p>
            <div class="edit-row">
                <label>{ t.name }<input ref={new_name} id="add-actor-name" type="text" /></label>
                <label>{ t.kind }
                    <select ref={new_kind} id="add-actor-kind">
                        { for KINDS.iter().filter(|k| **k != "unknown").map(|k| html! { <option value={*k}>{ (t.kind_name)(k) }</option> }) }
                    </select>
                </label>
                <label>{ t.other_spellings }<input ref={new_aliases} id="add-actor-aliases" type="text" /></label>
                <button id="add-actor" class="button" onclick={add}>{ t.add }</button>
            </div>
        </section>
    }
}
