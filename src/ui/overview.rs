//! The overview: corpus figures and the actors each source names.

use super::actors_table::ActorsTable;
use crate::engine::Analysis;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub analysis: Rc<Analysis>,
}

#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let a = &props.analysis;
    let words: usize = a.documents.iter().map(|d| d.words).sum();
    let sentences: usize = a.documents.iter().map(|d| d.sentences).sum();
    let mut sources: Vec<&str> = a.documents.iter().map(|d| d.source.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    let figure = |n: usize, label: &str| html! { <div class="figure"><span class="figure-n">{ n }</span><span class="figure-l">{ label.to_string() }</span></div> };
    html! {
        <section class="overview" aria-label="Overview">
            <div class="figures">
                { figure(a.documents.len(), "documents") }
                { figure(sources.len(), "sources") }
                { figure(words, "words") }
                { figure(sentences, "sentences") }
                { figure(a.actors.len(), "actors") }
            </div>
            <ActorsTable analysis={a.clone()} />
        </section>
    }
}
