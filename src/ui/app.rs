//! The page: state, the worker, saving, and the layout of the panels.

use super::browser;
use super::demo::demo_corpus;
use super::notices::Notices;
use super::state::{Action, Level, Notice, State};
use super::worker::Analyser;
use super::{add_documents::AddDocuments, documents::Documents, overview::Overview};
use crate::engine::{self, Config};
use std::rc::Rc;
use yew::prelude::*;

/// The shared state every panel reads and dispatches to.
pub type Store = UseReducerHandle<State>;

#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(State::default);
    let analyser = use_mut_ref(|| None::<Analyser>);

    // Start the worker once, and restore the saved corpus or load the demo.
    {
        let store = store.clone();
        let analyser = analyser.clone();
        use_effect_with((), move |_| {
            let on_result = {
                let store = store.clone();
                move |r: super::worker::Response| {
                    store.dispatch(Action::Analysed { revision: r.revision, analysis: Rc::new(r.analysis), elapsed_ms: r.elapsed_ms })
                }
            };
            let on_error = {
                let store = store.clone();
                move |text: String| store.dispatch(Action::Notify(Notice { level: Level::Error, text }))
            };
            match Analyser::spawn(on_result, on_error) {
                Ok(a) => *analyser.borrow_mut() = Some(a),
                Err(e) => store.dispatch(Action::Notify(Notice {
                    level: Level::Error,
                    text: format!("The analysis worker could not start ({e}). Reload the page to try again."),
                })),
            }
            match browser::load_corpus() {
                Some(saved) => store.dispatch(Action::Restore(saved)),
                None => store.dispatch(Action::Add(demo_corpus(&browser::browser_language()))),
            }
        });
    }

    // Every new revision of the corpus is saved and sent for analysis.
    {
        let store = store.clone();
        let analyser = analyser.clone();
        use_effect_with(store.revision, move |revision| {
            if *revision > 0 {
                if let Err(text) = browser::save_corpus(&store.corpus) {
                    store.dispatch(Action::Notify(Notice { level: Level::Error, text }));
                }
                if !store.corpus.is_empty() {
                    if let Some(a) = analyser.borrow().as_ref() {
                        a.request(*revision, &store.corpus, &Config::default());
                    }
                }
            }
        });
    }

    let export_json = {
        let store = store.clone();
        Callback::from(move |_| {
            if let Some(a) = &store.analysis {
                if let Err(e) = browser::download("prisme-analysis.json", "application/json", &engine::to_json(a)) {
                    store.dispatch(Action::Notify(Notice { level: Level::Error, text: format!("Export failed: {e}") }));
                }
            }
        })
    };

    let status = if store.corpus.is_empty() {
        "Add texts to compare them.".to_string()
    } else if store.busy() {
        format!("Analysing {} documents…", store.corpus.len())
    } else {
        match store.elapsed_ms {
            Some(ms) => format!("{} documents analysed in {:.0} ms.", store.corpus.len(), ms),
            None => String::new(),
        }
    };

    html! {
        <ContextProvider<Store> context={store.clone()}>
            <header class="top">
                <h1 class="brand">{ "Prisme" }</h1>
                <p class="tagline">{ "How different sources tell the same story" }</p>
                <p class="privacy" role="note">{ "Your texts never leave this computer: Prisme analyses them inside this page." }</p>
            </header>
            <Notices />
            <main class="layout">
                <aside class="side" aria-label="Documents">
                    <AddDocuments />
                    <Documents />
                </aside>
                <section class="results" aria-label="Results">
                    <div class="toolbar">
                        <p class="status" role="status" aria-live="polite" data-busy={store.busy().to_string()}>{ status }</p>
                        <button class="button" onclick={export_json} disabled={store.analysis.is_none() || store.busy()}>
                            { "Export JSON" }
                        </button>
                    </div>
                    if let Some(analysis) = store.analysis.clone() {
                        <Overview {analysis} />
                    }
                </section>
            </main>
        </ContextProvider<Store>>
    }
}
