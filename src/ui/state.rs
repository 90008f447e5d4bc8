//! The page's state as a reducer: the corpus the user loaded, the latest
//! `Analysis` of it, and the messages shown to the user. No I/O happens here.

use crate::engine::{Analysis, InputDocument};
use std::rc::Rc;
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

#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    pub corpus: Vec<InputDocument>,
    /// Bumped on every change of the corpus; an analysis answers one revision.
    pub revision: u64,
    pub analysis: Option<Rc<Analysis>>,
    /// The revision `analysis` belongs to.
    pub analysed: u64,
    /// Milliseconds the worker took for the latest analysis.
    pub elapsed_ms: Option<f64>,
    pub notices: Vec<Notice>,
    /// How many texts were pasted so far, to name the next one.
    pub pasted: usize,
}

impl State {
    /// An analysis has been asked for and not answered yet.
    pub fn busy(&self) -> bool {
        !self.corpus.is_empty() && self.analysed != self.revision
    }
}

pub enum Action {
    /// Adds documents after those already loaded; ids are made unique.
    Add(Vec<InputDocument>),
    Remove(String),
    /// Replaces the whole corpus (restoring a saved session).
    Restore(Vec<InputDocument>),
    Analysed { revision: u64, analysis: Rc<Analysis>, elapsed_ms: f64 },
    Notify(Notice),
    Dismiss(usize),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Add(docs) => {
                if docs.is_empty() {
                    return self;
                }
                for mut doc in docs {
                    if doc.id.starts_with("texte-") && doc.name == doc.id {
                        next.pasted += 1;
                    }
                    let taken: Vec<&str> = next.corpus.iter().map(|d| d.id.as_str()).collect();
                    doc.id = crate::engine::unique_id(&doc.id, &taken);
                    next.corpus.push(doc);
                }
                next.revision += 1;
            }
            Action::Remove(id) => {
                let before = next.corpus.len();
                next.corpus.retain(|d| d.id != id);
                if next.corpus.len() == before {
                    return self;
                }
                next.revision += 1;
                if next.corpus.is_empty() {
                    next.analysis = None;
                    next.analysed = next.revision;
                }
            }
            Action::Restore(docs) => {
                next.pasted = docs.iter().filter(|d| d.id.starts_with("texte-")).count();
                next.corpus = docs;
                next.revision += 1;
            }
            Action::Analysed { revision, analysis, elapsed_ms } => {
                if revision != next.revision {
                    // An answer for a corpus that has changed since: a newer one is on its way.
                    return self;
                }
                next.analysis = Some(analysis);
                next.analysed = revision;
                next.elapsed_ms = Some(elapsed_ms);
            }
            Action::Notify(n) => next.notices.push(n),
            Action::Dismiss(i) => {
                if i < next.notices.len() {
                    next.notices.remove(i);
                }
            }
        }
        Rc::new(next)
    }
}
