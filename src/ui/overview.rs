//! The overview: corpus figures and the actors each source names most.

use super::actors_table::ActorsTable;
use super::framing_view::KeyTerms;
use super::sentiment_view::SentimentHeatmap;
use super::i18n::Lang;
use crate::engine::Analysis;
use std::rc::Rc;
use yew::prelude::*;

/// How many actors the overview lists (the Actors view lists them all).
const OVERVIEW_ACTORS: usize = 15;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub analysis: Rc<Analysis>,
    #[prop_or_default]
    pub lang: Lang,
    #[prop_or_default]
    pub source_labels: Vec<String>,
    #[prop_or_default]
    pub on_select: Option<Callback<String>>,
}

#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let t = props.lang.text();
    let a = &props.analysis;
    let words: usize = a.documents.iter().map(|d| d.words).sum();
    let sentences: usize = a.documents.iter().map(|d| d.sentences).sum();
    let sources = a.sources.len();
    let actors = a.actors.iter().filter(|r| r.total > 0).count();
    let figure = |n: usize, label: &str| html! {
        <div class="figure"><span class="figure-n">{ n }</span><span class="figure-l">{ label.to_string() }</span></div>
    };
    html! {
        <section class="overview" aria-label={t.view_overview}>
            <div class="figures">
                { figure(a.documents.len(), t.figures_documents) }
                { figure(sources, t.figures_sources) }
                { figure(words, t.figures_words) }
                { figure(sentences, t.figures_sentences) }
                { figure(actors, t.figures_actors) }
            </div>
            <ActorsTable analysis={a.clone()} lang={props.lang} source_labels={props.source_labels.clone()}
                limit={OVERVIEW_ACTORS} on_select={props.on_select.clone()} />
            <SentimentHeatmap analysis={a.clone()} lang={props.lang} source_labels={props.source_labels.clone()}
                on_select={props.on_select.clone()} />
            <KeyTerms analysis={a.clone()} lang={props.lang} source_labels={props.source_labels.clone()} />
        </section>
    }
}
