//! Sentiment on the page: the actor × source heatmap, and for one actor its
//! score per source with the sentences and cue words behind each score.

use super::charts::{Bars, Heatmap, NumberFormat, Series};
use super::i18n::Lang;
use super::state::{lookup, sources_of_actor, sources_shown};
use crate::engine::{Analysis, Lookup, MentionEvidence, SentimentRow};
use std::rc::Rc;
use yew::prelude::*;

/// Actors in the heatmap: the most mentioned among those with a score.
const HEATMAP_ACTORS: usize = 12;
/// Scored sentences shown per source on an actor's page before "more".
const EVIDENCE_SHOWN: usize = 8;

/// The source-level sentiment row of `actor` in `source` (indices).
fn source_row<'a>(a: &'a Analysis, found: &Lookup, actor: u32, source: u32) -> Option<&'a SentimentRow> {
    found.source_sentiment(actor, source).map(|i| &a.sentiment[i as usize])
}

#[derive(Properties, PartialEq)]
pub struct SentimentHeatmapProps {
    pub analysis: Rc<Analysis>,
    pub lang: Lang,
    pub source_labels: Vec<String>,
    #[prop_or_default]
    pub on_select: Option<Callback<String>>,
}

#[function_component(SentimentHeatmap)]
pub fn sentiment_heatmap(props: &SentimentHeatmapProps) -> Html {
    let t = props.lang.text();
    let a = &props.analysis;
    let found = lookup(a);
    let sources = sources_shown(a);
    let mut actors: Vec<u32> = (0..a.actors.len() as u32).filter(|&x| found.is_scored(x)).collect();
    let row_of = |x: u32| &a.actors[x as usize];
    super::sorting::sort_by(&mut actors, |&x, &y| row_of(y).total.cmp(&row_of(x).total).then_with(|| row_of(x).name.cmp(&row_of(y).name)));
    actors.truncate(HEATMAP_ACTORS);
    if actors.is_empty() {
        return html! {};
    }
    let values: Vec<Vec<Option<f64>>> =
        actors.iter().map(|&r| sources.iter().map(|&s| source_row(a, &found, r, s).map(|x| x.score)).collect()).collect();
    let weak: Vec<Vec<bool>> =
        actors.iter().map(|&r| sources.iter().map(|&s| source_row(a, &found, r, s).is_some_and(|x| x.uncertain)).collect()).collect();
    let rows: Vec<String> = actors.iter().map(|&r| row_of(r).name.clone()).collect();
    let ids: Vec<String> = actors.iter().map(|&r| row_of(r).id.clone()).collect();
    let on_select = props.on_select.clone().map(|cb| Callback::from(move |(row, _col): (usize, usize)| cb.emit(ids[row].clone())));
    html! {
        <Heatmap lang={props.lang} title={t.sentiment_heatmap} description={t.sentiment_heatmap_help} {rows}
            columns={props.source_labels.clone()} {values} {weak} format={NumberFormat::signed(2)}
            on_select={on_select.unwrap_or_default()} row_label={t.actor} column_label={t.source} />
    }
}

#[derive(Properties, PartialEq)]
pub struct ActorSentimentProps {
    pub analysis: Rc<Analysis>,
    pub lang: Lang,
    /// The actor's index.
    pub actor: u32,
    pub source_labels: Vec<String>,
}

/// One actor's sentiment per source, then the evidence: every scored
/// sentence with its cue words marked by sign, role and speaker.
#[function_component(ActorSentiment)]
pub fn actor_sentiment(props: &ActorSentimentProps) -> Html {
    let t = props.lang.text();
    let a = &props.analysis;
    let found = lookup(a);
    let sources = sources_of_actor(a, props.actor);
    let scores: Vec<f64> = sources.iter().map(|&s| source_row(a, &found, props.actor, s).map(|r| r.score).unwrap_or(f64::NAN)).collect();
    if scores.iter().all(|v| v.is_nan()) {
        return html! {};
    }
    // Evidence rows of this actor, one per mention, in document and text order.
    let mut evidence: Vec<&MentionEvidence> = found.evidence_of_actor[props.actor as usize].iter().map(|&i| &a.sentiment_evidence[i as usize]).collect();
    super::sorting::sort_by_key(&mut evidence, |e| (e.document, e.mention.start));
    html! {
        <section class="actor-sentiment">
            <Bars lang={props.lang} title={t.sentiment_per_source} description={t.sentiment_heatmap_help}
                categories={props.source_labels.clone()} series={vec![Series::new(t.sentiment_per_source, scores)]}
                format={NumberFormat::signed(2)} domain={Some((-1.0, 1.0))} category_label={t.source} />
            <h3>{ t.sentiment_evidence }</h3>
            { for sources.iter().enumerate().map(|(i, &source)| {
                let of_source: Vec<&&MentionEvidence> = evidence.iter().filter(|e| a.documents[e.document as usize].source == source).collect();
                if of_source.is_empty() { return html! {}; }
                // Only the items shown are built: an actor can have thousands of scored mentions.
                let items: Vec<Html> = of_source.iter().take(EVIDENCE_SHOWN).map(|e| evidence_item(t, &a.documents[e.document as usize].text, e)).collect();
                let row = source_row(a, &found, props.actor, source);
                let total = of_source.len();
                html! {
                    <details class="evidence-source" open={i == 0}>
                        <summary>{ format!("{} — {}", props.source_labels.get(i).cloned().unwrap_or_default(),
                            row.map(|r| (t.score_of)(r.score, r.mentions)).unwrap_or_default()) }</summary>
                        <ul class="scored">{ for items.into_iter() }</ul>
                        if total > EVIDENCE_SHOWN { <p class="hint">{ format!("+ {}", total - EVIDENCE_SHOWN) }</p> }
                    </details>
                }
            }) }
        </section>
    }
}

/// One scored mention: its sentence with the mention and each cue marked.
fn evidence_item(t: &super::i18n::Text, text: &str, first: &MentionEvidence) -> Html {
    let sentence = first.sentence;
    let mut marks: Vec<(usize, usize, Option<f64>)> = vec![(first.mention.start(), first.mention.end(), None)];
    for c in &first.cues {
        let span = c.span;
        if span.start >= sentence.start && span.end <= sentence.end && (span.end <= first.mention.start || span.start >= first.mention.end) {
            marks.push((span.start(), span.end(), Some(c.weight)));
        }
    }
    super::sorting::sort_by_key(&mut marks, |m| m.0);
    let mut parts = Vec::new();
    let mut at = sentence.start();
    for (start, end, weight) in marks {
        if start < at || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        parts.push(html! { { &text[at..start] } });
        let word = &text[start..end];
        parts.push(match weight {
            None => html! { <mark class="target">{ word }</mark> },
            Some(w) => html! {
                <span class={classes!("cue", if w < 0.0 { "negative" } else { "positive" })} title={(t.cue_info)(word, w)}>{ word }</span>
            },
        });
        at = end;
    }
    if at < sentence.end() && sentence.end() <= text.len() && text.is_char_boundary(at) && text.is_char_boundary(sentence.end()) {
        parts.push(html! { { &text[at..sentence.end()] } });
    }
    let role = (t.role_name)(first.role.as_str());
    let speaker = first.speaker.and_then(|s| text.get(s.start()..s.end())).map(|s| (t.said_by)(s));
    html! {
        <li>
            <span class={classes!("score", if first.score < 0.0 { "negative" } else if first.score > 0.0 { "positive" } else { "neutral" })}>
                { format!("{:+.2}", first.score) }
            </span>
            <span class="sentence">{ for parts }</span>
            if !role.is_empty() { <span class="role">{ role }</span> }
            if let Some(s) = speaker { <span class="speaker">{ s }</span> }
        </li>
    }
}
