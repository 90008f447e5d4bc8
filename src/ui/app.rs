//! The page: state, the worker, saving, and the layout of the panels.

use super::browser;
use super::header::Header;
use super::i18n::Lang;
use super::notices::{Duplicates, Notices};
use super::table_columns::TableColumnsPicker;
use super::state::{Action, Level, Notice, State, View};
use super::worker::{Analyser, Reply, Request};
use super::{
    actors_view::ActorsView, add_documents::AddDocuments, concordance::Concordance, documents::Documents,
    exports::Exports, framing_view::FramingView, overview::Overview, reader::Reader,
};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The shared state every panel reads and dispatches to.
pub type Store = UseReducerHandle<State>;

/// The page's handle on the analysis worker, shared with the panels that
/// send it work (files, pasted text, the demo).
#[derive(Clone)]
pub struct WorkerHandle(pub Rc<RefCell<Option<Analyser>>>, Rc<RefCell<Option<Rc<dyn Fn() -> Result<Analyser, String>>>>>);

impl PartialEq for WorkerHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl WorkerHandle {
    /// Stops whatever the worker is doing by replacing it with a new one.
    pub fn restart(&self) -> Result<(), String> {
        let spawn = self.1.borrow().clone().ok_or("the worker never started")?;
        let fresh = spawn()?;
        *self.0.borrow_mut() = Some(fresh);
        Ok(())
    }

    pub fn request(&self, request: &Request) {
        if let Some(a) = self.0.borrow().as_ref() {
            a.request(request);
        }
    }
    pub fn analyse(&self, revision: u64, documents: &[&crate::engine::InputDocument], config: &crate::engine::Config) {
        if let Some(a) = self.0.borrow().as_ref() {
            a.analyse(revision, documents, config);
        }
    }
    pub fn read_files(&self, files: &[web_sys::File]) {
        if let Some(a) = self.0.borrow().as_ref() {
            a.read_files(files);
        }
    }
}

fn on_reply(store: &Store, reply: Reply) {
    match reply {
        // Handled by the worker's handle, which puts the parts together.
        Reply::Ready | Reply::AnalysisDone { .. } => {}
        Reply::Analysis { revision, elapsed_ms, analysis } => {
            store.dispatch(Action::Analysed { revision, analysis: Rc::new(analysis), elapsed_ms })
        }
        Reply::Kwic { revision, query, lines } => store.dispatch(Action::Kwic { revision, query, lines }),
        Reply::Progress { revision, stage, done, total } => store.dispatch(Action::Progress { revision, stage, done, total }),
        Reply::Collocates { revision, actor, collocates } => store.dispatch(Action::Collocates { revision, actor, collocates }),
        Reply::CsvZip { bytes } => {
            if let Err(e) = browser::download_bytes("prisme-tables.zip", "application/zip", &bytes) {
                store.dispatch(Action::Notify(Notice { level: Level::Error, text: format!("Export: {e}") }));
            }
        }
        Reply::Documents { documents, problems, tables, replaces } => {
            store.dispatch(Action::Reading(-1));
            for text in problems {
                store.dispatch(Action::Notify(Notice { level: Level::Error, text }));
            }
            match replaces {
                Some(name) => store.dispatch(Action::ReplaceFile { name, documents }),
                None => store.dispatch(Action::Add(documents)),
            }
            for (name, guess) in tables {
                store.dispatch(Action::TableLoaded { name, guess });
            }
        }
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(State::default);
    let worker = use_memo((), |_| WorkerHandle(Rc::new(RefCell::new(None)), Rc::new(RefCell::new(None))));
    let worker = (*worker).clone();

    // Start the worker once, then restore the saved session or load the demo.
    {
        let (store, worker) = (store.clone(), worker.clone());
        use_effect_with((), move |_| {
            let browser_lang = Lang::from_browser(&browser::browser_language());
            store.dispatch(Action::SetBrowserLang(browser_lang));
            let spawn: Rc<dyn Fn() -> Result<Analyser, String>> = {
                let store = store.clone();
                Rc::new(move || {
                    let replies = store.clone();
                    let errors = store.clone();
                    Analyser::spawn(
                        move |reply| on_reply(&replies, reply),
                        move |e| {
                            let text = (errors.lang().text().worker_failed)(&e);
                            errors.dispatch(Action::WorkerFailed(text))
                        },
                    )
                })
            };
            *worker.1.borrow_mut() = Some(spawn.clone());
            match spawn() {
                Ok(a) => *worker.0.borrow_mut() = Some(a),
                Err(e) => {
                    let text = (store.lang().text().worker_failed)(&e);
                    store.dispatch(Action::Notify(Notice { level: Level::Error, text }))
                }
            }
            match browser::load_saved() {
                Some(saved) => {
                    let lang = saved.settings.lang.unwrap_or(browser_lang);
                    let empty = saved.corpus.is_empty();
                    store.dispatch(Action::Restore(saved));
                    if empty {
                        store.dispatch(Action::Reading(1));
                        worker.request(&Request::Demo { language: lang.code().into() });
                    }
                }
                None => {
                    store.dispatch(Action::Reading(1));
                    worker.request(&Request::Demo { language: browser_lang.code().into() });
                }
            }
        });
    }

    // A worker that died is replaced, so that the next change is analysed.
    {
        let worker = worker.clone();
        use_effect_with(store.worker_failures, move |failures| {
            if *failures > 0 {
                let _ = worker.restart();
            }
        });
    }

    // Every new revision of the corpus or its settings is analysed. Asked
    // before the change is saved (effects run in order): the worker starts
    // while the page writes to storage.
    {
        let (store, worker) = (store.clone(), worker.clone());
        use_effect_with(store.revision, move |revision| {
            let documents = store.enabled();
            if *revision > 0 && !documents.is_empty() {
                worker.analyse(*revision, &documents, store.config());
            }
        });
    }

    // Every change worth keeping is saved in this browser.
    {
        let store = store.clone();
        use_effect_with(store.save_revision, move |revision| {
            if *revision > 0 {
                if let Err(problem) = browser::save(&store.saved) {
                    let t = store.lang().text();
                    let text = match problem {
                        browser::SaveProblem::NoStorage => t.storage_missing.to_string(),
                        browser::SaveProblem::Full { kb } => (t.storage_full)(store.corpus().len(), kb),
                    };
                    store.dispatch(Action::NotifyOnce { key: "storage", notice: Notice { level: Level::Error, text } });
                }
            }
        });
    }

    let lang = store.lang();
    let t = lang.text();
    let cancel = {
        let (store, worker) = (store.clone(), worker.clone());
        Callback::from(move |_| {
            let t = store.lang().text();
            match worker.restart() {
                Ok(()) => {
                    store.dispatch(Action::Cancelled);
                    store.dispatch(Action::Notify(Notice { level: Level::Info, text: t.cancelled.to_string() }));
                }
                Err(e) => store.dispatch(Action::Notify(Notice { level: Level::Error, text: (t.worker_failed)(&e) })),
            }
        })
    };
    let status = if store.reading > 0 {
        t.reading_files.to_string()
    } else if store.enabled_count() == 0 {
        t.status_empty.to_string()
    } else if store.busy() {
        (t.status_busy)(store.enabled_count())
    } else {
        store.elapsed_ms.map(|ms| (t.status_done)(store.enabled_count(), ms)).unwrap_or_default()
    };
    let tab = |view: View, label: &'static str| {
        let store = store.clone();
        let selected = store.view == view;
        let onclick = Callback::from(move |_| store.dispatch(Action::SetView(view)));
        html! {
            <button role="tab" class="tab" aria-selected={selected.to_string()} id={format!("tab-{view:?}")}
                aria-controls="view" tabindex={if selected { "0" } else { "-1" }} {onclick}>{ label }</button>
        }
    };
    let body_class = classes!("page", store.saved.settings.projector.then_some("projector"));

    html! {
        <ContextProvider<Store> context={store.clone()}>
        <ContextProvider<WorkerHandle> context={worker.clone()}>
            <div class={body_class} lang={lang.code()}>
                <Header />
                <Notices />
                <Duplicates />
                <TableColumnsPicker />
                <main class="layout">
                    <aside class="side" aria-label={t.add_documents}>
                        <AddDocuments />
                        <Documents />
                    </aside>
                    <section class="results" aria-label="Results">
                        <div class="toolbar">
                            <p class="status" role="status" aria-live="polite" data-busy={(store.busy() || store.reading > 0).to_string()}
                                data-analysed={store.analysis.as_ref().filter(|_| !store.busy()).map(|a| a.documents.len()).unwrap_or(0).to_string()}>{ status }</p>
                            if store.busy() {
                                if let Some((stage, done, total)) = store.progress.clone() {
                                    <progress class="analysis-progress" max={total.to_string()} value={done.to_string()}
                                        aria-label={(t.progress_stage)(&stage)}>{ format!("{}%", done * 100 / total.max(1)) }</progress>
                                }
                                <button id="cancel-analysis" class="button" onclick={cancel}>{ t.cancel }</button>
                            }
                            <Exports />
                        </div>
                        if let Some(analysis) = store.analysis.clone() {
                            <div class="tabs" role="tablist" aria-label="Views">
                                { tab(View::Overview, t.view_overview) }
                                { tab(View::Actors, t.view_actors) }
                                { tab(View::Framing, t.view_framing) }
                                { tab(View::Reader, t.view_reader) }
                                { tab(View::Concordance, t.view_concordance) }
                            </div>
                            if analysis.sources.len() > super::state::SOURCES_SHOWN {
                                <p class="hint sources-capped">{ (t.sources_capped)(super::state::SOURCES_SHOWN, analysis.sources.len()) }</p>
                            }
                            <div id="view" role="tabpanel" aria-labelledby={format!("tab-{:?}", store.view)}>
                                { match store.view {
                                    View::Framing => html! { <FramingView {analysis} /> },
                                    View::Concordance => html! { <Concordance {analysis} /> },
                                    View::Overview => {
                                        let source_labels: Vec<String> = super::state::sources_shown(&analysis).iter().map(|&s| store.source_label_of(&analysis, s)).collect();
                                        let select = { let store = store.clone(); Callback::from(move |id: String| store.dispatch(Action::SelectActor(Some(id)))) };
                                        html! { <Overview {analysis} {lang} {source_labels} on_select={select} /> }
                                    }
                                    View::Actors => html! { <ActorsView {analysis} /> },
                                    View::Reader => html! { <Reader {analysis} /> },
                                } }
                            </div>
                        }
                    </section>
                </main>
            </div>
        </ContextProvider<WorkerHandle>>
        </ContextProvider<Store>>
    }
}
