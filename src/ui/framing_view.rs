//! The Framing view: key terms of each source side by side, frame profiles,
//! hedges and certainty markers, and the words each source uses to name
//! each actor. Every figure comes from the `Analysis`.

use super::app::Store;
use super::charts::{FrameProfile, NumberFormat};
use super::i18n::Lang;
use super::state::{sources_shown, Action, View};
use crate::engine::{Analysis, Direction, Frame, KeywordRow, MarkerKind, FRAMES};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// Key terms shown per source and direction.
const TERMS_SHOWN: usize = 12;
/// Actors in the naming table: those with labels, most mentioned first.
const NAMING_ACTORS: usize = 12;
/// Examples of each marker kind shown per source.
const MARKER_EXAMPLES: usize = 6;

#[derive(Properties, PartialEq)]
pub struct KeyTermsProps {
    pub analysis: Rc<Analysis>,
    pub lang: Lang,
    pub source_labels: Vec<String>,
    /// Also show the under-used terms.
    #[prop_or_default]
    pub under: bool,
    #[prop_or_default]
    pub on_term: Option<Callback<String>>,
}

/// Key terms of every source, in columns side by side.
#[function_component(KeyTerms)]
pub fn key_terms(props: &KeyTermsProps) -> Html {
    let t = props.lang.text();
    let a = &props.analysis;
    let sources = sources_shown(a);
    let column = |rows: Vec<&KeywordRow>| {
        html! {
            <ol class="terms">
                { for rows.iter().filter(|k| k.significant).take(TERMS_SHOWN).map(|k| {
                    let title = format!("G² {:.1} · log ratio {:+.2} · {} / {}", k.keyness, k.log_ratio, k.count, k.reference_count);
                    let term = match &props.on_term {
                        Some(cb) => { let (cb, q) = (cb.clone(), k.term.clone()); html! { <button class="link-like" onclick={Callback::from(move |_| cb.emit(q.clone()))}>{ &k.term }</button> } }
                        None => html! { { &k.term } },
                    };
                    html! { <li {title}>{ term }<span class="term-n">{ format!(" {}", k.count) }</span></li> }
                }) }
            </ol>
        }
    };
    html! {
        <section class="key-terms">
            <h3>{ t.key_terms }</h3>
            <p class="hint">{ t.key_terms_help }</p>
            <div class="term-columns">
                { for sources.iter().enumerate().map(|(i, &s)| html! {
                    <div class="term-column">
                        <h4>{ props.source_labels.get(i).cloned().unwrap_or_else(|| a.source_name(s).to_string()) }</h4>
                        <p class="term-dir">{ t.over_used }</p>
                        { column(a.keywords_of_source(s, Direction::Over)) }
                        if props.under {
                            <p class="term-dir">{ t.under_used }</p>
                            { column(a.keywords_of_source(s, Direction::Under)) }
                        }
                    </div>
                }) }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct FramingViewProps {
    pub analysis: Rc<Analysis>,
}

#[function_component(FramingView)]
pub fn framing_view(props: &FramingViewProps) -> Html {
    let store = use_context::<Store>().expect("state context");
    let lang = store.lang();
    let t = lang.text();
    let a = &props.analysis;
    let sources = sources_shown(a);
    let labels: Vec<String> = sources.iter().map(|&s| store.source_label_of(a, s)).collect();
    let concordance = {
        let store = store.clone();
        Callback::from(move |q: String| {
            store.dispatch(Action::SetView(View::Concordance));
            store.dispatch(Action::SetKwicQuery(q));
        })
    };

    // Frame profile: frames × sources, per 1,000 words.
    let frame_names: Vec<String> = FRAMES.iter().map(|f| if lang == Lang::Fr { f.name_fr.to_string() } else { f.name.to_string() }).collect();
    let frame_values: Vec<Vec<f64>> = Frame::ALL.iter().map(|&f| sources.iter().map(|&s| a.frame_score_of_source(f, s)).collect()).collect();

    // Markers per source and kind, with examples.
    let source_of = |doc: u32| a.documents[doc as usize].source;
    let mut markers: BTreeMap<(u32, MarkerKind), Vec<&str>> = BTreeMap::new();
    for m in &a.markers {
        markers.entry((source_of(m.document), m.kind)).or_default().push(m.marker.as_str());
    }
    let words = |s: u32| a.sources.get(s as usize).map_or(0, |s| s.words);

    // Naming: actor × source → labels with counts.
    let mut naming: BTreeMap<u32, BTreeMap<u32, BTreeMap<&str, usize>>> = BTreeMap::new();
    for l in &a.labels {
        *naming.entry(l.actor).or_default().entry(source_of(l.document)).or_default().entry(l.label.as_str()).or_default() += l.count;
    }
    let mut named: Vec<u32> = naming.keys().copied().collect();
    super::sorting::sort_by(&mut named, |&x, &y| a.actors[y as usize].total.cmp(&a.actors[x as usize].total).then(x.cmp(&y)));
    named.truncate(NAMING_ACTORS);
    const KINDS: [MarkerKind; 3] = [MarkerKind::Hedge, MarkerKind::Distancing, MarkerKind::Certainty];

    html! {
        <section class="framing" aria-label={t.view_framing}>
            <KeyTerms analysis={a.clone()} {lang} source_labels={labels.clone()} under={true} on_term={concordance} />

            <FrameProfile {lang} title={t.frames_title} description={t.frames_help} frames={frame_names.clone()}
                sources={labels.clone()} values={frame_values.clone()} format={NumberFormat::fixed(1)} />

            <section class="markers">
                <h3>{ t.markers_title }</h3>
                <div class="table-wrap">
                    <table>
                        <thead><tr>
                            <th scope="col">{ t.source }</th>
                            { for KINDS.iter().map(|k| html! { <th scope="col" class="num">{ (t.marker_kind)(k.as_str()) }</th> }) }
                            <th scope="col">{ t.examples }</th>
                        </tr></thead>
                        <tbody>
                            { for sources.iter().zip(&labels).map(|(&s, label)| {
                                let per_1000 = |n: usize| { let w = words(s).max(1); n as f64 * 1000.0 / w as f64 };
                                let mut examples: Vec<&str> = Vec::new();
                                for k in [MarkerKind::Distancing, MarkerKind::Hedge, MarkerKind::Certainty] {
                                    for m in markers.get(&(s, k)).into_iter().flatten() {
                                        if !examples.contains(m) && examples.len() < MARKER_EXAMPLES { examples.push(m); }
                                    }
                                }
                                html! {
                                    <tr>
                                        <th scope="row">{ label }</th>
                                        { for KINDS.iter().map(|k| {
                                            let n = markers.get(&(s, *k)).map(Vec::len).unwrap_or(0);
                                            html! { <td class="num" title={format!("{:.1} / 1 000", per_1000(n))}>{ n }</td> }
                                        }) }
                                        <td class="examples">{ examples.join(" · ") }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            </section>

            if !named.is_empty() {
                <section class="naming">
                    <h3>{ t.naming_title }</h3>
                    <div class="table-wrap">
                        <table>
                            <thead><tr><th scope="col">{ t.actor }</th>{ for labels.iter().map(|l| html! { <th scope="col">{ l }</th> }) }</tr></thead>
                            <tbody>
                                { for named.iter().map(|x| {
                                    let per = &naming[x];
                                    html! {
                                        <tr>
                                            <th scope="row">{ &a.actors[*x as usize].name }</th>
                                            { for sources.iter().map(|s| {
                                                let cell = per.get(s).map(|m| {
                                                    let mut v: Vec<(&&str, &usize)> = m.iter().collect();
                                                    super::sorting::sort_by(&mut v, |x, y| y.1.cmp(x.1));
                                                    v.iter().map(|(l, n)| format!("{l} ({n})")).collect::<Vec<_>>().join(", ")
                                                }).unwrap_or_default();
                                                html! { <td>{ cell }</td> }
                                            }) }
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    </div>
                </section>
            }
        </section>
    }
}
