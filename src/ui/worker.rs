//! The analysis worker and the page's side of it. The page posts one JSON
//! request per corpus revision; the worker answers with one JSON response.
//! JSON in both directions keeps it one serde crossing each way.

use crate::engine::{self, Analysis, Config, InputDocument};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

/// The script that starts the worker binary (worker-loader.js at the root).
const WORKER_SCRIPT: &str = "./worker-loader.js";
/// What the worker posts once it can take requests.
const READY: &str = "ready";

#[derive(Serialize, Deserialize)]
pub struct Request {
    pub revision: u64,
    pub documents: Vec<InputDocument>,
    pub config: Config,
}

#[derive(Serialize, Deserialize)]
pub struct Response {
    pub revision: u64,
    pub elapsed_ms: f64,
    pub analysis: Analysis,
}

/// Runs inside the worker: answers each request with its analysis.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else { return };
        let Ok(request) = serde_json::from_str::<Request>(&text) else { return };
        let started = js_sys::Date::now();
        let analysis = engine::analyse(&request.documents, &request.config);
        let response = Response { revision: request.revision, elapsed_ms: js_sys::Date::now() - started, analysis };
        if let Ok(json) = serde_json::to_string(&response) {
            let _ = reply_to.post_message(&JsValue::from_str(&json));
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// The page's handle on the worker. Requests made before the worker is ready
/// are kept, and only the latest one is sent.
pub struct Analyser {
    worker: Worker,
    queued: Rc<RefCell<Option<String>>>,
    ready: Rc<RefCell<bool>>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::ErrorEvent)>,
}

impl Analyser {
    /// Starts the worker; `on_result` gets each analysis, `on_error` any failure.
    pub fn spawn(on_result: impl Fn(Response) + 'static, on_error: impl Fn(String) + 'static) -> Result<Self, String> {
        let worker = Worker::new(WORKER_SCRIPT).map_err(|e| format!("{e:?}"))?;
        let queued: Rc<RefCell<Option<String>>> = Rc::default();
        let ready: Rc<RefCell<bool>> = Rc::default();
        let (q, r, w) = (queued.clone(), ready.clone(), worker.clone());
        let on_error = Rc::new(on_error);
        let on_error_msg = on_error.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else { return };
            if text == READY {
                *r.borrow_mut() = true;
                if let Some(req) = q.borrow_mut().take() {
                    let _ = w.post_message(&JsValue::from_str(&req));
                }
                return;
            }
            match serde_json::from_str::<Response>(&text) {
                Ok(response) => on_result(response),
                Err(e) => on_error_msg(format!("the analysis could not be read back: {e}")),
            }
        });
        let on_error_event = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
            on_error(format!("the analysis stopped: {}", e.message()));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error_event.as_ref().unchecked_ref()));
        Ok(Analyser { worker, queued, ready, _on_message: on_message, _on_error: on_error_event })
    }

    /// Asks for the analysis of `documents`; a newer request replaces a queued one.
    pub fn request(&self, revision: u64, documents: &[InputDocument], config: &Config) {
        let request = Request { revision, documents: documents.to_vec(), config: config.clone() };
        let Ok(json) = serde_json::to_string(&request) else { return };
        if *self.ready.borrow() {
            let _ = self.worker.post_message(&JsValue::from_str(&json));
        } else {
            *self.queued.borrow_mut() = Some(json);
        }
    }
}

impl Drop for Analyser {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
