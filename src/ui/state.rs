//! The page's state as a reducer: the corpus the user loaded, the user's
//! settings and edits, the latest `Analysis`, and the messages shown. No I/O
//! happens here: saving, reading files and the worker live in effects.

use super::i18n::Lang;
use crate::engine::{same_content, ActorEdit, Analysis, Collocate, Config, InputDocument, KwicLine, Lookup, Span, TableGuess};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use yew::Reducible;

/// A message for the user: what could not be loaded, what went wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub level: Level,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Level {
    Info,
    Error,
}

/// The main views of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum View {
    #[default]
    Overview,
    Actors,
    Framing,
    Reader,
    Concordance,
}

/// What the user chose, kept across visits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `None` until the user picks a language: the browser's is used.
    pub lang: Option<Lang>,
    pub projector: bool,
    pub blind: bool,
    /// The line that separates several pasted articles.
    pub separator: String,
    /// Engine settings, including the user's actor edits.
    pub config: Config,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: None,
            projector: false,
            blind: false,
            separator: crate::engine::DEFAULT_PASTE_SEPARATOR.to_string(),
            config: Config::default(),
        }
    }
}

/// Everything saved in the browser between visits.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    /// Shared, so that the many actions that leave the corpus alone (a tab,
    /// a progress message) do not copy every text: changed through
    /// `Rc::make_mut`, which copies it once when it is shared.
    pub corpus: Rc<Vec<InputDocument>>,
    /// Documents the user switched off (kept, but not analysed).
    pub disabled: BTreeSet<String>,
    pub settings: Settings,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    pub saved: Saved,
    /// The browser's language, used until the user picks one.
    pub browser_lang: Lang,
    /// Bumped on every change that calls for a new analysis.
    pub revision: u64,
    /// Bumped on every change worth saving.
    pub save_revision: u64,
    pub analysis: Option<Rc<Analysis>>,
    /// The revision `analysis` belongs to.
    pub analysed: u64,
    /// Milliseconds the worker took for the latest analysis.
    pub elapsed_ms: Option<f64>,
    pub notices: Vec<Notice>,
    /// The key of each notice sent with `NotifyOnce` ("" for the others), by index.
    pub notice_keys: Vec<&'static str>,
    /// Documents that repeat a loaded text, waiting for the user's answer.
    pub duplicates: Vec<InputDocument>,
    pub view: View,
    pub selected_actor: Option<String>,
    pub reader_document: Option<String>,
    /// In blind mode, whether the sources have been revealed.
    pub revealed: bool,
    /// Files being read or decoded.
    pub reading: usize,
    /// Bumped each time the worker dies, so the page starts a new one.
    pub worker_failures: u64,
    /// What the Concordance view looks for.
    pub kwic_query: String,
    /// The latest concordance: its query and lines.
    pub kwic: Option<(String, Vec<KwicLine>)>,
    /// How far the running analysis has gone: (stage, done, total).
    pub progress: Option<(String, usize, usize)>,
    /// Tables just loaded, with the columns guessed, for the user to check.
    pub tables: Vec<(String, TableGuess)>,
    /// The latest collocates: the actor and its collocates.
    pub collocates: Option<(String, Vec<Collocate>)>,
}

impl State {
    pub fn lang(&self) -> Lang {
        self.saved.settings.lang.unwrap_or(self.browser_lang)
    }
    pub fn corpus(&self) -> &[InputDocument] {
        &self.saved.corpus
    }
    /// The documents sent for analysis: those not switched off.
    pub fn enabled(&self) -> Vec<&InputDocument> {
        self.saved.corpus.iter().filter(|d| !self.saved.disabled.contains(&d.id)).collect()
    }
    /// How many documents are sent for analysis.
    pub fn enabled_count(&self) -> usize {
        self.saved.corpus.iter().filter(|d| !self.saved.disabled.contains(&d.id)).count()
    }
    pub fn config(&self) -> &Config {
        &self.saved.settings.config
    }
    /// An analysis has been asked for and not answered yet.
    pub fn busy(&self) -> bool {
        self.enabled_count() > 0 && self.analysed != self.revision
    }
    /// The name shown for a source: hidden as "Source A", "Source B"… in blind
    /// mode until revealed.
    pub fn source_label(&self, source: &str) -> String {
        if !self.saved.settings.blind || self.revealed {
            return source.to_string();
        }
        let n = self
            .analysis
            .as_ref()
            .and_then(|a| lookup(a).sources_in_order.iter().position(|&s| a.source_name(s) == source))
            .unwrap_or(0);
        (self.lang().text().hidden_source)(n)
    }

    /// [`State::source_label`] of source `s` of analysis `a`.
    pub fn source_label_of(&self, a: &Analysis, s: u32) -> String {
        self.source_label(a.source_name(s))
    }
}

/// The sources of an analysis (indices), in the order their first document appears.
pub fn sources_in_order(a: &Rc<Analysis>) -> Vec<u32> {
    lookup(a).sources_in_order.clone()
}

/// Sources drawn side by side at most (tables, heat maps, bars); the exports
/// hold them all.
pub const SOURCES_SHOWN: usize = 20;

/// The sources the views draw side by side: all of them, or the
/// [`SOURCES_SHOWN`] with the most words (see [`Lookup::sources_shown`]).
pub fn sources_shown(a: &Rc<Analysis>) -> Vec<u32> {
    lookup(a).sources_shown(SOURCES_SHOWN)
}

/// The sources an actor's page draws: all of them, or, when there are more
/// than [`SOURCES_SHOWN`], those that name the actor most, in order.
pub fn sources_of_actor(a: &Rc<Analysis>, actor: u32) -> Vec<u32> {
    let l = lookup(a);
    if l.sources_in_order.len() <= SOURCES_SHOWN {
        return l.sources_in_order.clone();
    }
    let Some(row) = a.actors.get(actor as usize) else { return Vec::new() };
    let mut most: Vec<(u32, usize)> = row.sources.clone();
    most.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    most.truncate(SOURCES_SHOWN);
    l.sources_in_order.iter().copied().filter(|s| most.iter().any(|m| m.0 == *s)).collect()
}

thread_local! {
    /// The lookup of the analysis shown, built on first use.
    static LOOKUP: RefCell<Option<(Weak<Analysis>, Rc<Lookup>)>> = const { RefCell::new(None) };
}

/// The ways into `a` (see [`Lookup`]), built once per analysis: the views
/// read a large analysis many times, never by scanning all its rows.
pub fn lookup(a: &Rc<Analysis>) -> Rc<Lookup> {
    LOOKUP.with(|cell| {
        let mut cell = cell.borrow_mut();
        if let Some((weak, l)) = cell.as_ref() {
            if weak.upgrade().is_some_and(|held| Rc::ptr_eq(&held, a)) {
                return l.clone();
            }
        }
        let l = Rc::new(Lookup::new(a));
        *cell = Some((Rc::downgrade(a), l.clone()));
        l
    })
}

/// One metadata field of a document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Field {
    Title,
    Source,
    Date,
    Language,
}

pub enum Action {
    /// Adds documents after those already loaded; ids are made unique, and a
    /// text that is already loaded waits for the user's answer.
    Add(Vec<InputDocument>),
    /// The user's answer about the waiting duplicates.
    Duplicates { add: bool },
    Remove(String),
    /// Replaces the documents read from file `name` (a table read again with
    /// other columns).
    ReplaceFile { name: String, documents: Vec<InputDocument> },
    /// A table was loaded: the user may check its columns.
    TableLoaded { name: String, guess: TableGuess },
    /// The user is done with the columns of table `name`.
    TableDone(String),
    /// Replaces everything with what an earlier visit saved.
    Restore(Saved),
    Edit { id: String, field: Field, value: String },
    /// Switches a document in or out of the analysis.
    Toggle(String),
    /// Puts a removed region of a document back into the analysis.
    PutBack { id: String, span: Span },
    Analysed { revision: u64, analysis: Rc<Analysis>, elapsed_ms: f64 },
    SetKwicQuery(String),
    Progress { revision: u64, stage: String, done: usize, total: usize },
    /// The user stopped the running analysis: the documents stay, the last
    /// finished analysis stays shown.
    Cancelled,
    Kwic { revision: u64, query: String, lines: Vec<KwicLine> },
    Collocates { revision: u64, actor: String, collocates: Vec<Collocate> },
    Notify(Notice),
    /// Like `Notify`, but replaces an earlier notice with the same key (a
    /// message that repeats with new figures, such as "storage is full").
    NotifyOnce { key: &'static str, notice: Notice },
    /// The worker died: what it was doing is lost, the documents are not.
    WorkerFailed(String),
    Dismiss(usize),
    Reading(isize),
    SetLang(Lang),
    SetBrowserLang(Lang),
    SetView(View),
    SelectActor(Option<String>),
    OpenReader(String),
    SetProjector(bool),
    SetBlind(bool),
    Reveal,
    SetSeparator(String),
    EditActors(ActorEdit),
    /// Replaces the user's own actor list (gazetteer TSV).
    SetUserGazetteer(String),
    UndoActorEdit(usize),
    ClearAll,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let mut reanalyse = false;
        let mut save = false;
        match action {
            Action::Add(docs) => {
                // Texts already there, by hash: a folder of thousands of files
                // costs one look-up each, not a comparison with every text.
                let mut seen: HashSet<u64> = next.saved.corpus.iter().chain(&next.duplicates).map(|d| text_hash(&d.text)).collect();
                let mut fresh = Vec::new();
                for doc in docs {
                    let hash = text_hash(&doc.text);
                    let again = seen.contains(&hash)
                        && next.saved.corpus.iter().chain(&next.duplicates).chain(&fresh).any(|d| same_content(d, &doc));
                    if again {
                        next.duplicates.push(doc);
                    } else {
                        seen.insert(hash);
                        fresh.push(doc);
                    }
                }
                if !fresh.is_empty() {
                    add_unique(Rc::make_mut(&mut next.saved.corpus), fresh);
                    reanalyse = true;
                }
            }
            Action::Duplicates { add } => {
                let waiting = std::mem::take(&mut next.duplicates);
                if add && !waiting.is_empty() {
                    reanalyse = true;
                    add_unique(Rc::make_mut(&mut next.saved.corpus), waiting);
                }
            }
            Action::Remove(id) => {
                let before = next.saved.corpus.len();
                Rc::make_mut(&mut next.saved.corpus).retain(|d| d.id != id);
                next.saved.disabled.remove(&id);
                reanalyse = next.saved.corpus.len() != before;
                if next.reader_document.as_deref() == Some(id.as_str()) {
                    next.reader_document = None;
                }
            }
            Action::ReplaceFile { name, documents } => {
                // The new rows take the place of the old ones, in order.
                let corpus = Rc::make_mut(&mut next.saved.corpus);
                let at = corpus.iter().position(|d| d.name == name).unwrap_or(corpus.len());
                corpus.retain(|d| d.name != name);
                let rest = corpus.split_off(at.min(corpus.len()));
                let mut taken: HashSet<String> = corpus.iter().chain(&rest).map(|d| d.id.clone()).collect();
                for mut doc in documents {
                    doc.id = crate::engine::unique_id_where(&doc.id, |c| taken.contains(c));
                    taken.insert(doc.id.clone());
                    corpus.push(doc);
                }
                corpus.extend(rest);
                next.tables.retain(|(n, _)| *n != name);
                reanalyse = true;
            }
            Action::TableLoaded { name, guess } => {
                next.tables.retain(|(n, _)| *n != name);
                next.tables.push((name, guess));
            }
            Action::TableDone(name) => next.tables.retain(|(n, _)| *n != name),
            Action::Restore(saved) => {
                next.saved = saved;
                reanalyse = true;
            }
            Action::Edit { id, field, value } => {
                let at = next.saved.corpus.iter().position(|d| d.id == id);
                if let Some(doc) = at.map(|i| &mut Rc::make_mut(&mut next.saved.corpus)[i]) {
                    let slot = match field {
                        Field::Title => &mut doc.title,
                        Field::Source => &mut doc.source,
                        Field::Date => &mut doc.date,
                        Field::Language => &mut doc.language,
                    };
                    let value = value.trim().to_string();
                    if *slot != value {
                        *slot = value;
                        reanalyse = true;
                    }
                }
            }
            Action::Toggle(id) => {
                if !next.saved.disabled.remove(&id) {
                    next.saved.disabled.insert(id);
                }
                reanalyse = true;
            }
            Action::PutBack { id, span } => {
                let at = next.saved.corpus.iter().position(|d| d.id == id && !d.restored.contains(&span));
                if let Some(i) = at {
                    Rc::make_mut(&mut next.saved.corpus)[i].restored.push(span);
                    reanalyse = true;
                }
            }
            Action::Analysed { revision, analysis, elapsed_ms } => {
                if revision != next.revision {
                    // An answer for a corpus that has changed since: a newer one is on its way.
                    return self;
                }
                if let Some(id) = &next.selected_actor {
                    if !analysis.actors.iter().any(|a| &a.id == id) {
                        next.selected_actor = None;
                    }
                }
                // The worker leaves the texts out of its reply: they are the
                // corpus's own, put back here so the analysis is whole again.
                // The analysis shares each text with the corpus: the page
                // holds one copy of the texts, not two.
                let mut analysis = analysis;
                if let Some(a) = Rc::get_mut(&mut analysis) {
                    let texts: std::collections::HashMap<&str, &std::sync::Arc<str>> = next.saved.corpus.iter().map(|c| (c.id.as_str(), &c.text)).collect();
                    for d in a.documents.iter_mut().filter(|d| d.text.is_empty()) {
                        if let Some(text) = texts.get(d.id.as_str()) {
                            d.text = std::sync::Arc::clone(text);
                        }
                    }
                }
                next.analysis = Some(analysis);
                next.analysed = revision;
                next.progress = None;
                // Concordances and collocates of an older analysis no longer apply.
                next.kwic = None;
                next.collocates = None;
                next.elapsed_ms = Some(elapsed_ms);
            }
            Action::Progress { revision, stage, done, total } => {
                if revision != next.revision {
                    return self;
                }
                next.progress = Some((stage, done, total));
            }
            Action::Cancelled => {
                next.analysed = next.revision;
                next.progress = None;
            }
            Action::SetKwicQuery(q) => {
                next.kwic_query = q;
                next.view = View::Concordance;
            }
            Action::Kwic { revision, query, lines } => {
                if revision != next.analysed {
                    return self;
                }
                next.kwic = Some((query, lines));
            }
            Action::Collocates { revision, actor, collocates } => {
                if revision != next.analysed {
                    return self;
                }
                next.collocates = Some((actor, collocates));
            }
            Action::Notify(n) => {
                if !next.notices.contains(&n) {
                    next.notices.push(n);
                }
            }
            Action::NotifyOnce { key, notice } => {
                match next.notice_keys.iter().position(|k| *k == key) {
                    Some(i) if i < next.notices.len() => next.notices[i] = notice,
                    _ => {
                        next.notice_keys.resize(next.notices.len(), "");
                        next.notices.push(notice);
                        next.notice_keys.push(key);
                    }
                }
            }
            Action::WorkerFailed(text) => {
                next.notices.push(Notice { level: Level::Error, text });
                next.analysed = next.revision;
                next.progress = None;
                next.reading = 0;
                next.worker_failures += 1;
            }
            Action::Dismiss(i) => {
                if i < next.notice_keys.len() {
                    next.notice_keys.remove(i);
                }
                if i < next.notices.len() {
                    next.notices.remove(i);
                }
            }
            Action::Reading(delta) => next.reading = next.reading.saturating_add_signed(delta),
            Action::SetLang(lang) => {
                next.saved.settings.lang = Some(lang);
                save = true;
            }
            Action::SetBrowserLang(lang) => next.browser_lang = lang,
            Action::SetView(view) => next.view = view,
            Action::SelectActor(id) => {
                next.selected_actor = id;
                next.view = View::Actors;
            }
            Action::OpenReader(id) => {
                next.reader_document = Some(id);
                next.view = View::Reader;
            }
            Action::SetProjector(on) => {
                next.saved.settings.projector = on;
                save = true;
            }
            Action::SetBlind(on) => {
                next.saved.settings.blind = on;
                next.revealed = false;
                save = true;
            }
            Action::Reveal => next.revealed = true,
            Action::SetSeparator(s) => {
                next.saved.settings.separator = s;
                save = true;
            }
            Action::EditActors(edit) => {
                next.saved.settings.config.actor_edits.push(edit);
                reanalyse = true;
            }
            Action::SetUserGazetteer(tsv) => {
                if next.saved.settings.config.user_gazetteer != tsv {
                    next.saved.settings.config.user_gazetteer = tsv;
                    reanalyse = true;
                }
            }
            Action::UndoActorEdit(i) => {
                if i < next.saved.settings.config.actor_edits.len() {
                    next.saved.settings.config.actor_edits.remove(i);
                    reanalyse = true;
                }
            }
            Action::ClearAll => {
                next.saved = Saved::default();
                next.analysis = None;
                next.selected_actor = None;
                next.reader_document = None;
                next.duplicates.clear();
                reanalyse = true;
            }
        }
        if reanalyse {
            next.revision += 1;
            if next.enabled_count() == 0 {
                next.analysis = None;
                next.analysed = next.revision;
            }
        }
        if reanalyse || save {
            next.save_revision += 1;
        }
        Rc::new(next)
    }
}

/// Adds `docs` at the end, each with an id not used before (see
/// [`crate::engine::unique_id`]).
fn add_unique(corpus: &mut Vec<InputDocument>, docs: Vec<InputDocument>) {
    let mut taken: HashSet<String> = corpus.iter().map(|d| d.id.clone()).collect();
    for mut doc in docs {
        doc.id = crate::engine::unique_id_where(&doc.id, |c| taken.contains(c));
        taken.insert(doc.id.clone());
        corpus.push(doc);
    }
}

/// A hash of a text, to find texts loaded twice.
fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    text.hash(&mut h);
    h.finish()
}
