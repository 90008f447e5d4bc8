//! Export buttons: the full `Analysis` as JSON (the same bytes as the
//! command-line tool) and the tables as CSV files in one ZIP.

use super::app::Store;
use super::browser;
use super::state::{Action, Level, Notice};
use crate::engine;
use yew::prelude::*;

#[function_component(Exports)]
pub fn exports() -> Html {
    let store = use_context::<Store>().expect("state context");
    let t = store.lang().text();
    let report = |result: Result<(), String>, store: &Store| {
        if let Err(e) = result {
            store.dispatch(Action::Notify(Notice { level: Level::Error, text: format!("Export: {e}") }));
        }
    };
    let json = {
        let store = store.clone();
        Callback::from(move |_| {
            if let Some(a) = &store.analysis {
                report(browser::download("prisme-analysis.json", "application/json", &engine::to_json(a)), &store);
            }
        })
    };
    let csv = {
        let store = store.clone();
        Callback::from(move |_| {
            if let Some(a) = &store.analysis {
                report(browser::download_bytes("prisme-tables.zip", "application/zip", &engine::to_csv_zip(a)), &store);
            }
        })
    };
    let report_html = {
        let store = store.clone();
        Callback::from(move |_| {
            if let Some(a) = &store.analysis {
                let html = engine::to_report_html(a, store.config(), store.lang().code());
                report(browser::download("prisme-report.html", "text/html", &html), &store);
            }
        })
    };
    let ready = store.analysis.is_some() && !store.busy();
    html! {
        <div class="exports">
            <button id="export-json" class="button" onclick={json} disabled={!ready}>{ t.export_json }</button>
            <button id="export-csv" class="button" onclick={csv} disabled={!ready}>{ t.export_csv }</button>
            <button id="export-report" class="button" onclick={report_html} disabled={!ready}>{ t.export_report }</button>
        </div>
    }
}
