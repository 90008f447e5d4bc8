//! Export buttons: the full `Analysis` as JSON (the same bytes as the
//! command-line tool) and the tables as CSV files in one ZIP (packed by the
//! worker, see `Request::CsvZip`).

use super::app::{Store, WorkerHandle};
use super::worker::Request;
use super::browser;
use super::state::{Action, Level, Notice};
use crate::engine;
use yew::prelude::*;

/// The JSON export's file name.
const JSON_FILE: &str = "prisme-analysis.json";
/// The JSON export goes into the file in parts of about this many bytes.
const JSON_PART_BYTES: usize = 1 << 20;

#[function_component(Exports)]
pub fn exports() -> Html {
    let store = use_context::<Store>().expect("state context");
    let worker = use_context::<WorkerHandle>().expect("worker context");
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
                // Written in parts straight into the file: a large analysis is never one string.
                let parts = js_sys::Array::new();
                let written = engine::write_json(a, JSON_PART_BYTES, &mut |part| {
                    parts.push(&js_sys::Uint8Array::from(part.as_slice()));
                });
                report(written.map_err(|e| e.to_string()).and_then(|_| browser::download_parts(JSON_FILE, "application/json", &parts)), &store);
            }
        })
    };
    let csv = {
        let (store, worker) = (store.clone(), worker.clone());
        Callback::from(move |_| {
            if let Some(a) = &store.analysis {
                worker.request(&Request::CsvZip { tables: engine::to_csv_tables(a) });
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
