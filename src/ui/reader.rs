//! The Reader: a document's text with every actor mention marked by kind,
//! and what cleaning left out greyed. Activating a mention says who it is.

use super::app::Store;
use super::state::{lookup, Action};
use crate::engine::{Analysis, Span};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub analysis: Rc<Analysis>,
}

/// A piece of the text and how it is shown.
enum Piece {
    Plain(Span),
    Removed(Span),
    Mention { span: Span, actor: String },
    /// A sentiment cue word: its weight toward `actor`.
    Cue { span: Span, actor: String, weight: f64 },
}

/// A mark on the text, before pieces are cut.
enum Mark {
    Removed,
    Mention(String),
    Cue(String, f64),
}

/// Cuts `text` into plain, removed and mention pieces. Mentions inside an
/// earlier, longer one ("Assad" in "le régime d'Assad") are left to it.
fn pieces(len: usize, body: Span, removed: &[Span], mentions: &[(Span, String)], cues: &[(Span, String, f64)]) -> Vec<Piece> {
    let mut marks: Vec<(Span, Mark)> = removed.iter().map(|s| (*s, Mark::Removed)).collect();
    marks.extend(mentions.iter().map(|(s, a)| (*s, Mark::Mention(a.clone()))));
    marks.extend(cues.iter().map(|(s, a, w)| (*s, Mark::Cue(a.clone(), *w))));
    if body.start > 0 {
        marks.push((Span::new(0, body.start()), Mark::Removed));
    }
    super::sorting::sort_by(&mut marks, |x, y| x.0.start.cmp(&y.0.start).then(y.0.end.cmp(&x.0.end)));
    let mut out = Vec::new();
    let mut at = 0;
    for (span, actor) in marks {
        if span.start() < at || span.end() > len {
            continue;
        }
        if span.start() > at {
            out.push(Piece::Plain(Span::new(at, span.start())));
        }
        out.push(match actor {
            Mark::Mention(actor) => Piece::Mention { span, actor },
            Mark::Cue(actor, weight) => Piece::Cue { span, actor, weight },
            Mark::Removed => Piece::Removed(span),
        });
        at = span.end();
    }
    if at < len {
        out.push(Piece::Plain(Span::new(at, len)));
    }
    out
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let store = use_context::<Store>().expect("state context");
    let t = store.lang().text();
    let selected = use_state(|| None::<String>);
    let cue_info = use_state(|| None::<String>);
    let a = &props.analysis;
    let Some(doc) = store
        .reader_document
        .as_ref()
        .and_then(|id| a.documents.iter().find(|d| &d.id == id))
        .or_else(|| a.documents.first())
    else {
        return html! {};
    };
    let choose = {
        let store = store.clone();
        Callback::from(move |e: Event| store.dispatch(Action::OpenReader(e.target_unchecked_into::<HtmlSelectElement>().value())))
    };
    let removed: Vec<Span> = doc.removed.iter().map(|r| r.span).collect();
    let found = lookup(a);
    let d = a.documents.iter().position(|x| x.id == doc.id).unwrap_or(0);
    let id_of = |x: u32| a.actors[x as usize].id.clone();
    let range = found.mentions_of_document[d].clone();
    let mentions: Vec<(Span, String)> = a.mentions[range.start as usize..range.end as usize].iter().map(|m| (m.span, id_of(m.actor))).collect();
    // One underline per cue word: the first actor it counts for.
    let mut cues: Vec<(Span, String, f64)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for e in found.evidence_of_document[d].iter().map(|&i| &a.sentiment_evidence[i as usize]) {
        for c in &e.cues {
            if c.weight != 0.0 && seen.insert(c.span) {
                cues.push((c.span, id_of(e.actor), c.weight));
            }
        }
    }
    let kind_of = |id: &str| found.actor(id).map(|x| &a.actors[x as usize]).map(|r| (r.name.clone(), r.kind.clone()));
    let blind = store.saved.settings.blind && !store.revealed;
    let info = selected.as_ref().and_then(|id| kind_of(id).map(|(name, kind)| (id.clone(), name, kind)));
    html! {
        <section class="reader" aria-label={t.view_reader}>
            <label class="reader-choose">{ t.choose_document }
                <select onchange={choose}>
                    { for a.documents.iter().map(|d| html! {
                        <option value={d.id.clone()} selected={d.id == doc.id}>
                            { if blind { store.source_label_of(a, d.source) } else { format!("{} — {}", d.id, d.title) } }
                        </option>
                    }) }
                </select>
            </label>
            if let Some(text) = (*cue_info).clone() {
                <p class="mention-info" role="status">{ text }</p>
            }
            if let Some((id, name, kind)) = info {
                <p class="mention-info" role="status">
                    { (t.mention_of)(&name, (t.kind_name)(&kind)) }{ " " }
                    <button class="link-like" onclick={{ let store = store.clone(); Callback::from(move |_| store.dispatch(Action::SelectActor(Some(id.clone())))) }}>
                        { format!("{} →", t.view_actors) }
                    </button>
                </p>
            }
            <div class="reader-text" lang={doc.language.clone()} dir="auto">
                { for pieces(doc.text.len(), doc.body, &removed, &mentions, &cues).into_iter().map(|p| match p {
                    Piece::Cue { span, actor, weight } => {
                        let word = span.slice(&doc.text).to_string();
                        let who = kind_of(&actor).map(|(n, _)| n).unwrap_or_default();
                        let explain = format!("{} → {}", (t.cue_info)(&word, weight), who);
                        let onclick = {
                            let (cue_info, selected, explain) = (cue_info.clone(), selected.clone(), explain.clone());
                            Callback::from(move |_| { selected.set(None); cue_info.set(Some(explain.clone())) })
                        };
                        html! {
                            <button class={classes!("cue", if weight < 0.0 { "negative" } else { "positive" })} title={explain} {onclick}>{ word }</button>
                        }
                    }
                    Piece::Plain(s) => html! { { s.slice(&doc.text) } },
                    Piece::Removed(s) => html! { <span class="removed-text">{ s.slice(&doc.text) }</span> },
                    Piece::Mention { span, actor } => {
                        let kind = kind_of(&actor).map(|(_, k)| k).unwrap_or_default();
                        let onclick = {
                            let (selected, cue_info, actor) = (selected.clone(), cue_info.clone(), actor.clone());
                            Callback::from(move |_| { cue_info.set(None); selected.set(Some(actor.clone())) })
                        };
                        html! {
                            <button class={classes!("mention", format!("kind-{kind}"))} data-actor={actor.clone()} {onclick}
                                title={kind_of(&actor).map(|(n, k)| (t.mention_of)(&n, (t.kind_name)(&k))).unwrap_or_default()}>
                                { span.slice(&doc.text) }
                            </button>
                        }
                    }
                }) }
            </div>
        </section>
    }
}
