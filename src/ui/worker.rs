//! The analysis worker and the page's side of it. All the engine's work
//! happens in the worker (decoding files, splitting pasted text, analysing),
//! so typing and scrolling never wait for it. Requests and replies are one
//! JSON string each way; files travel as `File` objects and are read there.

use super::demo::demo_corpus;
use crate::engine::{
    self, Analysis, Collocate, CollocateMeasure, Config, InputDocument, IntakeError, KwicLine, TableColumns, TableGuess,
    MAX_FILE_BYTES,
};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

/// The script that starts the worker binary (worker-loader.js at the site root).
const WORKER_SCRIPT: &str = "./worker-loader.js";
/// The key of the file list in a files message.
const FILES_KEY: &str = "files";
/// The first item of the worker's `[CSV_ZIP, bytes]` message.
const CSV_ZIP: &str = "csv_zip";
/// The first item of the worker's `[DOCUMENTS, head, bytes]` message: read
/// documents, their text in postcard (see [`documents_message`]).
const DOCUMENTS: &str = "documents";
/// At most one progress message per this many milliseconds.
const PROGRESS_EVERY_MS: f64 = 100.0;

/// What the page asks of the worker (files excepted, see [`Analyser::read_files`]).
/// Read in the worker with [`read_request`].
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Request {
    Analyse { revision: u64, documents: Vec<InputDocument>, config: Config },
    Paste { first: usize, text: String, separator: String },
    Demo { language: String },
    /// A concordance of the latest analysis: an actor id or words.
    Kwic { revision: u64, query: String, width: usize },
    /// The words most associated with an actor in the latest analysis.
    Collocates { revision: u64, actor: String, pmi: bool },
    /// Reads a table loaded earlier again, with the columns the user chose.
    Retable { name: String, columns: TableColumns },
    /// Packs CSV tables (file name, contents) into the ZIP of "Export CSV".
    CsvZip { tables: Vec<(String, String)> },
}

/// What the worker answers. Read on the page with [`read_reply`].
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reply {
    Ready,
    /// Put together on the page from the parts the worker sent (see
    /// [`engine::write_parts`]); never sent whole.
    Analysis { revision: u64, elapsed_ms: f64, analysis: Analysis },
    /// Every part of the analysis of `revision` has been sent.
    AnalysisDone {
        revision: u64,
        elapsed_ms: f64,
        /// The worker's memory (its WebAssembly memory, which never shrinks:
        /// the most it has held so far), in bytes.
        #[serde(default)]
        memory_bytes: f64,
    },
    Documents {
        documents: Vec<InputDocument>,
        problems: Vec<String>,
        /// Tables among the files, with the columns guessed, for the user to check.
        #[serde(default)]
        tables: Vec<(String, TableGuess)>,
        /// The file whose documents these replace (a table read again).
        #[serde(default)]
        replaces: Option<String>,
    },
    Kwic { revision: u64, query: String, lines: Vec<KwicLine> },
    /// How far the analysis of `revision` has gone.
    Progress { revision: u64, stage: String, done: usize, total: usize },
    Collocates { revision: u64, actor: String, collocates: Vec<Collocate> },
    /// The ZIP asked for with [`Request::CsvZip`]. Sent as bytes, never as JSON.
    #[serde(skip)]
    CsvZip { bytes: Vec<u8> },
}

/// Every field of every request, as they come. serde reads an internally
/// tagged enum by copying the whole message into a buffer first, then reading
/// the variant from that copy: twice the code for every type in the message
/// (34 KB of the page's gzipped wasm, 5 KB of the worker's) and a copy of
/// every text.
/// Reading all the fields at once, then picking by `kind`, needs neither;
/// the JSON is the same.
#[derive(Deserialize)]
struct RequestFields {
    kind: String,
    revision: Option<u64>,
    documents: Option<Vec<InputDocument>>,
    config: Option<Config>,
    first: Option<usize>,
    text: Option<String>,
    separator: Option<String>,
    language: Option<String>,
    query: Option<String>,
    width: Option<usize>,
    actor: Option<String>,
    pmi: Option<bool>,
    name: Option<String>,
    columns: Option<TableColumns>,
    tables: Option<Vec<(String, String)>>,
}

/// Every field of every reply the page reads (see [`RequestFields`] for why).
#[derive(Deserialize)]
struct ReplyFields {
    kind: String,
    revision: Option<u64>,
    elapsed_ms: Option<f64>,
    #[serde(default)]
    memory_bytes: f64,
    documents: Option<Vec<InputDocument>>,
    problems: Option<Vec<String>>,
    #[serde(default)]
    tables: Vec<(String, TableGuess)>,
    #[serde(default)]
    replaces: Option<String>,
    query: Option<String>,
    lines: Option<Vec<KwicLine>>,
    stage: Option<String>,
    done: Option<usize>,
    total: Option<usize>,
    actor: Option<String>,
    collocates: Option<Vec<Collocate>>,
}

/// The value of a field the message's kind requires.
fn need<T>(value: Option<T>, field: &'static str) -> Result<T, serde_json::Error> {
    value.ok_or_else(|| serde::de::Error::missing_field(field))
}

/// Reads a request as the page wrote it (`{"kind": "paste", ...}`).
pub fn read_request(json: &str) -> Result<Request, serde_json::Error> {
    let f: RequestFields = serde_json::from_str(json)?;
    Ok(match f.kind.as_str() {
        "analyse" => Request::Analyse {
            revision: need(f.revision, "revision")?,
            documents: need(f.documents, "documents")?,
            config: need(f.config, "config")?,
        },
        "paste" => Request::Paste {
            first: need(f.first, "first")?,
            text: need(f.text, "text")?,
            separator: need(f.separator, "separator")?,
        },
        "demo" => Request::Demo { language: need(f.language, "language")? },
        "kwic" => Request::Kwic {
            revision: need(f.revision, "revision")?,
            query: need(f.query, "query")?,
            width: need(f.width, "width")?,
        },
        "collocates" => Request::Collocates {
            revision: need(f.revision, "revision")?,
            actor: need(f.actor, "actor")?,
            pmi: need(f.pmi, "pmi")?,
        },
        "retable" => Request::Retable { name: need(f.name, "name")?, columns: need(f.columns, "columns")? },
        "csv_zip" => Request::CsvZip { tables: need(f.tables, "tables")? },
        other => return Err(serde::de::Error::unknown_variant(other, REQUEST_KINDS)),
    })
}

const REQUEST_KINDS: &[&str] = &["analyse", "paste", "demo", "kwic", "collocates", "retable", "csv_zip"];
const REPLY_KINDS: &[&str] = &["ready", "analysis_done", "documents", "kwic", "progress", "collocates"];

/// Reads a reply as the worker wrote it. A whole analysis never comes this
/// way: it comes in parts (see [`Analyser::spawn`]).
pub fn read_reply(json: &str) -> Result<Reply, serde_json::Error> {
    let f: ReplyFields = serde_json::from_str(json)?;
    Ok(match f.kind.as_str() {
        "ready" => Reply::Ready,
        "analysis_done" => {
            Reply::AnalysisDone {
            revision: need(f.revision, "revision")?,
            elapsed_ms: need(f.elapsed_ms, "elapsed_ms")?,
            memory_bytes: f.memory_bytes,
        }
        }
        "documents" => Reply::Documents {
            documents: need(f.documents, "documents")?,
            problems: need(f.problems, "problems")?,
            tables: f.tables,
            replaces: f.replaces,
        },
        "kwic" => Reply::Kwic {
            revision: need(f.revision, "revision")?,
            query: need(f.query, "query")?,
            lines: need(f.lines, "lines")?,
        },
        "progress" => Reply::Progress {
            revision: need(f.revision, "revision")?,
            stage: need(f.stage, "stage")?,
            done: need(f.done, "done")?,
            total: need(f.total, "total")?,
        },
        "collocates" => Reply::Collocates {
            revision: need(f.revision, "revision")?,
            actor: need(f.actor, "actor")?,
            collocates: need(f.collocates, "collocates")?,
        },
        other => return Err(serde::de::Error::unknown_variant(other, REPLY_KINDS)),
    })
}

thread_local! {
    /// The bytes of the tables loaded, so the user can choose other columns
    /// without loading the file again.
    static TABLES: std::cell::RefCell<Vec<(String, Vec<u8>)>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The worker keeps the latest analysis, so that concordances and
    /// collocates are computed here rather than on the page's thread.
    static LATEST: std::cell::RefCell<Option<(u64, Analysis)>> = const { std::cell::RefCell::new(None) };
    /// File lists waiting to be read, in the order they came, and whether
    /// one is being read (see [`queue_files`]).
    static FILE_QUEUE: RefCell<(std::collections::VecDeque<JsValue>, bool)> = RefCell::new(Default::default());
}

/// Reads file lists one after the other, each answered in the order it came.
/// The reading itself waits on the browser, so other requests are answered
/// meanwhile.
fn queue_files(reply_to: &DedicatedWorkerGlobalScope, data: JsValue) {
    let start = FILE_QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.0.push_back(data);
        !std::mem::replace(&mut q.1, true)
    });
    if !start {
        return;
    }
    let reply_to = reply_to.clone();
    wasm_bindgen_futures::spawn_local(async move {
        while let Some(data) = FILE_QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            let next = q.0.pop_front();
            q.1 = next.is_some();
            next
        }) {
            send(&reply_to, read_files(&data).await);
        }
    });
}

/// Runs `f` on the latest analysis if it is the one the page shows.
fn with_latest<T: Default>(revision: u64, f: impl FnOnce(&Analysis) -> T) -> T {
    LATEST.with(|l| match &*l.borrow() {
        Some((r, a)) if *r == revision => f(a),
        _ => T::default(),
    })
}

fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
    if let Ok(json) = serde_json::to_string(reply) {
        let _ = scope.post_message(&JsValue::from_str(&json));
    }
}

/// Sends a reply; documents go as bytes (see [`documents_message`]).
fn send(scope: &DedicatedWorkerGlobalScope, reply: Reply) {
    let Reply::Documents { documents, problems, tables, replaces } = &reply else { return post(scope, &reply) };
    match documents_message(documents, problems, tables, replaces.as_deref()) {
        Ok((head, bytes)) => {
            let bytes = js_sys::Uint8Array::from(bytes.as_slice());
            let message = js_sys::Array::of3(&JsValue::from_str(DOCUMENTS), &JsValue::from_str(&head), &bytes);
            let _ = scope.post_message_with_transfer(&message, &js_sys::Array::of1(&bytes.buffer()));
        }
        Err(_) => post(scope, &reply),
    }
}

/// What comes with documents read, besides their texts.
#[derive(Serialize, Deserialize)]
struct DocumentsHead {
    problems: Vec<String>,
    tables: Vec<(String, TableGuess)>,
    replaces: Option<String>,
}

/// Documents read in the worker, as they cross to the page: a JSON head
/// (problems, tables, what they replace) and the documents in postcard.
/// A folder of 50 MB crossed as one JSON text the page took most of a
/// second to parse, on its own thread.
pub fn documents_message(
    documents: &[InputDocument],
    problems: &[String],
    tables: &[(String, TableGuess)],
    replaces: Option<&str>,
) -> Result<(String, Vec<u8>), String> {
    let head = DocumentsHead { problems: problems.to_vec(), tables: tables.to_vec(), replaces: replaces.map(str::to_string) };
    let head = serde_json::to_string(&head).map_err(|e| e.to_string())?;
    let wire: Vec<WireOut> = documents.iter().map(WireOut::from).collect();
    Ok((head, postcard::to_allocvec(&wire).map_err(|e| e.to_string())?))
}

/// Reads what [`documents_message`] wrote.
pub fn read_documents_message(head: &str, bytes: &[u8]) -> Result<Reply, String> {
    let head: DocumentsHead = serde_json::from_str(head).map_err(|e| e.to_string())?;
    let documents: Vec<WireIn> = postcard::from_bytes(bytes).map_err(|e| e.to_string())?;
    Ok(Reply::Documents {
        documents: documents.into_iter().map(InputDocument::from).collect(),
        problems: head.problems,
        tables: head.tables,
        replaces: head.replaces,
    })
}

/// About how many bytes of JSON each part of an analysis holds: read on the
/// page in a few milliseconds, so the page keeps responding while a large
/// analysis arrives.
const PART_BYTES: usize = 512 * 1024;

/// Runs inside the worker: answers each request.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        // An analysis request comes as bytes (see `Analyser::analyse`).
        if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
            // The request's bytes are read into documents, then dropped
            // before the analysis: the worker does not hold the corpus twice.
            let request = read_analyse_request(&bytes.to_vec());
            match request {
                Ok((revision, config, documents)) => run_analysis(&reply_to, revision, documents, &config),
                Err(e) => post(&reply_to, &documents_reply(Vec::new(), vec![format!("bad request: {e}")])),
            }
            return;
        }
        match data.as_string().map(|text| read_request(&text)) {
            Some(Ok(Request::Analyse { revision, documents, config })) => run_analysis(&reply_to, revision, documents, &config),
            Some(Ok(Request::CsvZip { tables })) => {
                let zip = js_sys::Uint8Array::from(engine::zip_csv_tables(&tables).as_slice());
                let message = js_sys::Array::of2(&JsValue::from_str(CSV_ZIP), &zip);
                let _ = reply_to.post_message_with_transfer(&message, &js_sys::Array::of1(&zip.buffer()));
            }
            Some(Ok(request)) => send(&reply_to, answer(request)),
            Some(Err(e)) => post(&reply_to, &documents_reply(Vec::new(), vec![format!("bad request: {e}")])),
            None => queue_files(&reply_to, data),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &Reply::Ready);
    // The built-in lists load now, while the reader is still choosing texts,
    // rather than at the start of the first analysis. A request that comes
    // meanwhile waits in the worker's queue.
    engine::warm_up(&js_sys::Date::now);
}

/// Marks an analysis request sent as bytes: the marker, the length of the
/// JSON head (4 bytes, little-endian), the head (revision and settings), then
/// the documents in postcard. A 50 MB corpus crosses to the worker as one
/// buffer handed over, not as a JSON text built, copied and parsed.
const ANALYSE_MARKER: &[u8] = b"analyse\n";

#[derive(Serialize, Deserialize)]
struct AnalyseHead {
    revision: u64,
    config: Config,
}

/// A document as it crosses to the worker: every field, always (the saved
/// corpus leaves empty lists out of its JSON, which a binary form cannot).
/// Written out field by field, so that a new field of `InputDocument` cannot
/// be forgotten here.
#[derive(Serialize)]
struct WireOut<'a> {
    id: &'a str,
    name: &'a str,
    title: &'a str,
    source: &'a str,
    date: &'a str,
    language: &'a str,
    text: &'a str,
    markup: &'a [crate::engine::Span],
    restored: &'a [crate::engine::Span],
}

#[derive(Deserialize)]
struct WireIn<'a> {
    id: String,
    name: String,
    title: String,
    source: String,
    date: String,
    language: String,
    /// Borrowed from the message's bytes: the text is copied once, into
    /// the document's shared text.
    #[serde(borrow)]
    text: &'a str,
    markup: Vec<crate::engine::Span>,
    restored: Vec<crate::engine::Span>,
}

impl<'a> From<&'a InputDocument> for WireOut<'a> {
    fn from(d: &'a InputDocument) -> Self {
        let InputDocument { id, name, title, source, date, language, text, markup, restored } = d;
        WireOut { id, name, title, source, date, language, text, markup, restored }
    }
}

impl From<WireIn<'_>> for InputDocument {
    fn from(d: WireIn<'_>) -> Self {
        let WireIn { id, name, title, source, date, language, text, markup, restored } = d;
        InputDocument { id, name, title, source, date, language, text: text.into(), markup, restored }
    }
}

/// The bytes of an analysis request (see [`ANALYSE_MARKER`]).
pub fn analyse_request(revision: u64, documents: &[&InputDocument], config: &Config) -> Result<Vec<u8>, String> {
    let head = serde_json::to_vec(&AnalyseHead { revision, config: config.clone() }).map_err(|e| e.to_string())?;
    let size: usize = documents.iter().map(|d| d.text.len() + 256).sum();
    let mut bytes = Vec::with_capacity(ANALYSE_MARKER.len() + 4 + head.len() + size);
    bytes.extend_from_slice(ANALYSE_MARKER);
    bytes.extend_from_slice(&(head.len() as u32).to_le_bytes());
    bytes.extend_from_slice(&head);
    let wire: Vec<WireOut> = documents.iter().map(|d| WireOut::from(*d)).collect();
    postcard::to_extend(&wire, bytes).map_err(|e| e.to_string())
}

/// Reads the bytes of an analysis request.
pub fn read_analyse_request(bytes: &[u8]) -> Result<(u64, Config, Vec<InputDocument>), String> {
    let rest = bytes.strip_prefix(ANALYSE_MARKER).ok_or("not an analysis request")?;
    let (len, rest) = rest.split_at_checked(4).ok_or("a request cut short")?;
    let len = u32::from_le_bytes(len.try_into().map_err(|_| "a request cut short")?) as usize;
    let (head, rest) = rest.split_at_checked(len).ok_or("a request cut short")?;
    let head: AnalyseHead = serde_json::from_slice(head).map_err(|e| e.to_string())?;
    let documents: Vec<WireIn> = postcard::from_bytes(rest).map_err(|e| e.to_string())?;
    Ok((head.revision, head.config, documents.into_iter().map(InputDocument::from).collect()))
}

/// Analyses `documents` and sends the analysis to the page in parts,
/// reporting progress meanwhile; keeps it for concordances and collocates.
fn run_analysis(reply_to: &DedicatedWorkerGlobalScope, revision: u64, documents: Vec<InputDocument>, config: &Config) {
    // The analysis kept from the last request is of no use from now on: the
    // page asks for concordances of the revision it shows, which this one
    // replaces. Dropped first, so that its memory serves the new analysis
    // (the worker's memory never shrinks: kept, it would add to the peak).
    LATEST.with(|l| l.borrow_mut().take());
    let started = js_sys::Date::now();
    let mut last = started;
    let analysis = engine::analyse_with_progress(documents, config, &mut |p| {
        let now = js_sys::Date::now();
        if now - last >= PROGRESS_EVERY_MS {
            last = now;
            let stage = p.stage.to_string();
            post(reply_to, &Reply::Progress { revision, stage, done: p.done, total: p.total });
        }
    });
    let elapsed_ms = js_sys::Date::now() - started;
    // The page has every document's text already: the reply leaves them out
    // (most of its size) and the page puts them back.
    let mut analysis = analysis;
    let texts: Vec<std::sync::Arc<str>> = analysis.documents.iter_mut().map(|d| std::mem::take(&mut d.text)).collect();
    // Sent in parts of bytes whose buffers are handed over, each prefixed
    // with the revision; then a string saying it is all there.
    let prefix = format!("{revision}\t");
    let sent = engine::write_parts(&analysis, PART_BYTES, prefix.as_bytes(), &mut |part| {
        let bytes = js_sys::Uint8Array::from(part.as_slice());
        drop(part);
        let _ = reply_to.post_message_with_transfer(&bytes, &js_sys::Array::of1(&bytes.buffer()));
    });
    if sent.is_ok() {
        let memory_bytes = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>().buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64;
        post(reply_to, &Reply::AnalysisDone { revision, elapsed_ms, memory_bytes });
    }
    for (d, text) in analysis.documents.iter_mut().zip(texts) {
        d.text = text;
    }
    LATEST.with(|l| *l.borrow_mut() = Some((revision, analysis)));
}

fn answer(request: Request) -> Reply {
    match request {
        // Answered in `start`, which keeps the analysis or sends bytes.
        Request::Analyse { .. } | Request::CsvZip { .. } => documents_reply(Vec::new(), Vec::new()),
        Request::Paste { first, text, separator } => {
            documents_reply(engine::from_pasted_many(first, &text, &separator), Vec::new())
        }
        Request::Demo { language } => documents_reply(demo_corpus(&language), Vec::new()),
        Request::Retable { name, columns } => {
            let bytes = TABLES.with(|t| t.borrow().iter().find(|(n, _)| *n == name).map(|(_, b)| b.clone()));
            match bytes.map(|b| engine::decode_table(&name, &b, Some(&columns))) {
                Some(Ok(documents)) => Reply::Documents { documents, problems: Vec::new(), tables: Vec::new(), replaces: Some(name) },
                Some(Err(e)) => documents_reply(Vec::new(), vec![e.to_string()]),
                None => documents_reply(Vec::new(), vec![format!("{name}: load the file again to choose its columns.")]),
            }
        }
        Request::Kwic { revision, query, width } => {
            let lines = with_latest(revision, |a| engine::kwic(a, &query, width));
            Reply::Kwic { revision, query, lines }
        }
        Request::Collocates { revision, actor, pmi } => {
            let measure = if pmi { CollocateMeasure::Pmi } else { CollocateMeasure::LogLikelihood };
            let collocates = with_latest(revision, |a| engine::collocates(a, &actor, measure));
            Reply::Collocates { revision, actor, collocates }
        }
    }
}

fn documents_reply(documents: Vec<InputDocument>, problems: Vec<String>) -> Reply {
    Reply::Documents { documents, problems, tables: Vec::new(), replaces: None }
}

/// True for the file types read as one document per row.
fn is_table(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".csv") || lower.ends_with(".tsv")
}

/// Reads and decodes the files of a files message, in order; each file that
/// cannot be taken is reported by name and the others still load.
async fn read_files(data: &JsValue) -> Reply {
    let files: js_sys::Array = js_sys::Reflect::get(data, &JsValue::from_str(FILES_KEY))
        .ok()
        .and_then(|v| v.dyn_into().ok())
        .unwrap_or_default();
    let files: Vec<web_sys::File> = files.iter().filter_map(|f| f.dyn_into::<web_sys::File>().ok()).collect();
    // Every read is asked for at once, then taken in order: the browser
    // reads them side by side (one synchronous read after another cost
    // about 2 ms a file, 19 s for a folder of 8,000).
    let reads: Vec<Option<wasm_bindgen_futures::JsFuture>> = files
        .iter()
        .map(|f| (f.size() <= MAX_FILE_BYTES as f64).then(|| wasm_bindgen_futures::JsFuture::from(f.array_buffer())))
        .collect();
    let mut documents = Vec::new();
    let mut problems = Vec::new();
    let mut tables = Vec::new();
    for (file, read) in files.iter().zip(reads) {
        let name = file.name();
        let Some(read) = read else {
            problems.push(IntakeError::TooLarge { name, bytes: file.size() as usize }.to_string());
            continue;
        };
        let bytes = match read.await {
            Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
            Err(_) => {
                problems.push(format!("{name}: the browser could not read this file."));
                continue;
            }
        };
        match engine::decode_file(&name, &bytes) {
            Ok(found) => {
                if is_table(&name) && found.len() > 0 {
                    if let Ok(guess) = engine::guess_table_columns(&name, &bytes) {
                        tables.push((name.clone(), guess));
                        TABLES.with(|t| {
                            let mut t = t.borrow_mut();
                            t.retain(|(n, _)| *n != name);
                            t.push((name.clone(), bytes));
                        });
                    }
                }
                documents.extend(found);
            }
            Err(e) => problems.push(e.to_string()),
        }
    }
    Reply::Documents { documents, problems, tables, replaces: None }
}

/// The page's handle on the worker. Messages sent before the worker is
/// ready wait in order; a newer analysis request replaces a waiting one.
pub struct Analyser {
    worker: Worker,
    queue: Rc<RefCell<Vec<(bool, JsValue)>>>,
    ready: Rc<RefCell<bool>>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::ErrorEvent)>,
}

impl Analyser {
    /// Starts the worker; `on_reply` gets each answer, `on_error` any failure.
    pub fn spawn(on_reply: impl Fn(Reply) + 'static, on_error: impl Fn(String) + 'static) -> Result<Self, String> {
        let worker = Worker::new(WORKER_SCRIPT).map_err(|e| format!("{e:?}"))?;
        let queue: Rc<RefCell<Vec<(bool, JsValue)>>> = Rc::default();
        let ready: Rc<RefCell<bool>> = Rc::default();
        let (q, r, w) = (queue.clone(), ready.clone(), worker.clone());
        let on_error = Rc::new(on_error);
        let on_error_msg = on_error.clone();
        // The analysis being put together: its revision and the parts so far.
        let building: Rc<RefCell<Option<(u64, engine::AnalysisParts)>>> = Rc::default();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            // A part of an analysis: "<revision>\t<list>\n<rows as JSON>".
            if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
                let bytes = bytes.to_vec();
                let tab = bytes.iter().position(|&b| b == b'\t');
                let revision = tab.and_then(|t| std::str::from_utf8(&bytes[..t]).ok()).and_then(|r| r.parse::<u64>().ok());
                let (Some(t), Some(revision)) = (tab, revision) else {
                    on_error_msg("the analysis could not be read back: a part without its revision".to_string());
                    return;
                };
                let mut b = building.borrow_mut();
                if b.as_ref().is_none_or(|(r, _)| *r != revision) {
                    *b = Some((revision, engine::AnalysisParts::default()));
                }
                if let Some((_, parts)) = b.as_mut() {
                    if let Err(e) = parts.add(&bytes[t + 1..]) {
                        *b = None;
                        drop(b);
                        on_error_msg(format!("the analysis could not be read back: {e}"));
                    }
                }
                return;
            }
            if js_sys::Array::is_array(&data) {
                let message: js_sys::Array = data.unchecked_into();
                match message.get(0).as_string().as_deref() {
                    Some(CSV_ZIP) => {
                        let bytes: js_sys::Uint8Array = message.get(1).unchecked_into();
                        on_reply(Reply::CsvZip { bytes: bytes.to_vec() });
                    }
                    Some(DOCUMENTS) => {
                        let head = message.get(1).as_string().unwrap_or_default();
                        let bytes: js_sys::Uint8Array = message.get(2).unchecked_into();
                        match read_documents_message(&head, &bytes.to_vec()) {
                            Ok(reply) => on_reply(reply),
                            Err(e) => on_error_msg(format!("the documents read could not be taken in: {e}")),
                        }
                    }
                    _ => {}
                }
                return;
            }
            let Some(text) = data.as_string() else { return };
            match read_reply(&text) {
                Ok(Reply::Ready) => {
                    *r.borrow_mut() = true;
                    for (_, message) in q.borrow_mut().drain(..) {
                        post_to(&w, &message);
                    }
                }
                Ok(Reply::AnalysisDone { revision, elapsed_ms, .. }) => {
                    let done = building.borrow_mut().take();
                    match done {
                        Some((r, parts)) if r == revision => {
                            on_reply(Reply::Analysis { revision, elapsed_ms, analysis: parts.finish() })
                        }
                        // Parts of another revision, or a part that did not read (already reported).
                        other => *building.borrow_mut() = other,
                    }
                }
                Ok(reply) => on_reply(reply),
                Err(e) => on_error_msg(format!("the analysis could not be read back: {e}")),
            }
        });
        let on_error_event = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
            on_error(e.message());
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error_event.as_ref().unchecked_ref()));
        Ok(Analyser { worker, queue, ready, _on_message: on_message, _on_error: on_error_event })
    }

    fn send(&self, message: JsValue, is_analysis: bool) {
        if *self.ready.borrow() {
            post_to(&self.worker, &message);
        } else {
            let mut queue = self.queue.borrow_mut();
            if is_analysis {
                queue.retain(|(analysis, _)| !analysis);
            }
            queue.push((is_analysis, message));
        }
    }

    /// Asks for the analysis of `documents`, serialised straight from the
    /// corpus (no copy of the texts).
    pub fn analyse(&self, revision: u64, documents: &[&InputDocument], config: &Config) {
        if let Ok(bytes) = analyse_request(revision, documents, config) {
            let message = js_sys::Uint8Array::from(bytes.as_slice());
            drop(bytes);
            self.send(message.into(), true);
        }
    }

    pub fn request(&self, request: &Request) {
        if let Ok(json) = serde_json::to_string(request) {
            self.send(JsValue::from_str(&json), matches!(request, Request::Analyse { .. }));
        }
    }

    /// Sends files to be read and decoded in the worker.
    pub fn read_files(&self, files: &[web_sys::File]) {
        let list = js_sys::Array::new();
        for f in files {
            list.push(f);
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(FILES_KEY), &list);
        self.send(message.into(), false);
    }
}

/// Posts a message to the worker; a byte buffer is handed over, not copied.
fn post_to(worker: &Worker, message: &JsValue) {
    match message.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes) => {
            let _ = worker.post_message_with_transfer(message, &js_sys::Array::of1(&bytes.buffer()));
        }
        None => {
            let _ = worker.post_message(message);
        }
    }
}

impl Drop for Analyser {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
