//! The corpus as framing counts it: each token of each document mapped once
//! to a word type, each type to a unit (see `lexicon`). Types are interned by
//! their exact spelling, so the hot loop does one hash look-up per token and
//! allocates only for a spelling never seen before.

use super::lexicon::{stem_key, unit_info_with, CueSet, Elem, Language, MatchOn, MAX_GAP_WORDS};
use crate::engine::analysis::SourceRow;
use crate::engine::segment::{Segmented, TokenKind, Vocab as Spellings};
use std::borrow::Cow;
use super::FastMap as HashMap;

/// Marks a token that is not a word (punctuation, number, address).
pub(crate) const NO_TYPE: u32 = u32::MAX;

/// One spelling of a word, as written.
pub(crate) struct WordType {
    pub surface: String,
    pub folded: String,
    pub unit: u32,
}

/// What counts: a stem (content words) or a folded stop word.
pub(crate) struct Unit {
    pub key: String,
    pub stop: bool,
    pub term: bool,
}

/// The words of one language.
pub(crate) struct Vocab {
    pub lang: Language,
    /// This language's type of each spelling of the analysis (by its id), or [`NO_TYPE`] before it is seen.
    by_spelling: Vec<u32>,
    pub types: Vec<WordType>,
    pub units: Vec<Unit>,
    /// Units by key, one map per class (stop, term, other) so a stem never merges with a stop word.
    unit_by_key: [HashMap<String, u32>; 3],
    /// Stems of ASCII spellings, by the id of their key.
    stems: HashMap<u32, String>,
}

impl Vocab {
    fn new(lang: Language) -> Self {
        Vocab { lang, by_spelling: Vec::new(), types: Vec::new(), units: Vec::new(), unit_by_key: Default::default(), stems: HashMap::default() }
    }

    /// A vocabulary of these units alone (for tests of what reads units).
    #[cfg(test)]
    pub(crate) fn of_units(keys: &[&str]) -> Self {
        let mut v = Vocab::new(Language::Fr);
        v.units = keys.iter().map(|k| Unit { key: k.to_string(), stop: false, term: true }).collect();
        v
    }

    fn type_of(&mut self, kind: TokenKind, spelling: u32, key: u32, surface: &str, folded: &str) -> u32 {
        let slot = spelling as usize;
        if slot >= self.by_spelling.len() {
            self.by_spelling.resize(slot + 1, NO_TYPE);
        }
        if self.by_spelling[slot] != NO_TYPE {
            return self.by_spelling[slot];
        }
        // An ASCII spelling's stem depends on its key alone ("Government",
        // "government"): stemmed once per key.
        let lang = self.lang;
        let stems = &mut self.stems;
        let info = unit_info_with(lang, kind, folded, &mut || {
            if surface.is_ascii() {
                stems.entry(key).or_insert_with(|| stem_key(lang, surface)).clone()
            } else {
                stem_key(lang, surface)
            }
        });
        let class = if info.stop { 0 } else if info.term { 1 } else { 2 };
        let next = self.units.len() as u32;
        let unit = *self.unit_by_key[class].entry(info.key.clone()).or_insert(next);
        if unit == next {
            self.units.push(Unit { key: info.key, stop: info.stop, term: info.term });
        }
        let t = self.types.len() as u32;
        self.types.push(WordType { surface: surface.to_string(), folded: folded.to_string(), unit });
        self.by_spelling[slot] = t;
        t
    }


    /// For each type, the cues of `set` its spelling can start.
    pub fn first_cues(&self, set: &CueSet) -> Vec<Vec<u32>> {
        self.types.iter().map(|t| set.first_candidates(&self.units[t.unit as usize].key, &t.folded)).collect()
    }

    /// True when the word of type `t` matches a cue position.
    fn matches(&self, on: MatchOn, elem: &Elem, t: u32) -> bool {
        if t == NO_TYPE {
            return false;
        }
        let ty = &self.types[t as usize];
        match elem {
            Elem::Key(k) => match on {
                MatchOn::Unit => self.units[ty.unit as usize].key == *k,
                MatchOn::Folded => ty.folded == *k,
            },
            Elem::Prefix(p) => ty.folded.starts_with(p.as_str()),
            Elem::Gap => true,
        }
    }

    /// Where a cue that matched up to `pos` ends (exclusive token index), if
    /// its remaining `elems` match the words from `pos` on, before `end`.
    pub fn match_rest(&self, on: MatchOn, elems: &[Elem], types: &[u32], pos: usize, end: usize) -> Option<usize> {
        let Some(first) = elems.first() else { return Some(pos) };
        if *first == Elem::Gap {
            for skip in 0..=MAX_GAP_WORDS {
                if pos + skip > end || types[pos..pos + skip].contains(&NO_TYPE) {
                    break;
                }
                if let Some(e) = self.match_rest(on, &elems[1..], types, pos + skip, end) {
                    return Some(e);
                }
            }
            return None;
        }
        if pos < end && self.matches(on, first, types[pos]) {
            self.match_rest(on, &elems[1..], types, pos + 1, end)
        } else {
            None
        }
    }
}

/// One document ready for counting.
pub(crate) struct CorpusDoc<'a> {
    pub id: &'a str,
    /// Its source's index.
    pub source: u32,
    pub text: &'a str,
    pub lang: Language,
    pub seg: Cow<'a, Segmented>,
    /// The word type of each token, or [`NO_TYPE`].
    pub types: Vec<u32>,
    /// Words and numbers, as `DocumentRow::words` counts them.
    pub words: usize,
}

/// What a document brings into a [`Corpus`].
pub(crate) struct DocInput<'a> {
    pub id: &'a str,
    pub source: u32,
    pub text: &'a str,
    pub language: &'a str,
    pub seg: Cow<'a, Segmented>,
}

/// All documents, with one vocabulary per language.
pub(crate) struct Corpus<'a> {
    pub docs: Vec<CorpusDoc<'a>>,
    /// The sources (their documents are indices in `docs`).
    pub sources: &'a [SourceRow],
    pub vocabs: [Vocab; 3],
}

impl<'a> Corpus<'a> {
    /// The corpus of `inputs`, whose tokens' spellings and keys are in `spellings`.
    pub fn new(inputs: Vec<DocInput<'a>>, sources: &'a [SourceRow], spellings: &Spellings) -> Self {
        let mut vocabs = [Vocab::new(Language::Fr), Vocab::new(Language::En), Vocab::new(Language::Und)];
        let docs = inputs
            .into_iter()
            .map(|d| {
                let lang = Language::from_code(d.language);
                let vocab = &mut vocabs[lang.index()];
                let types = d
                    .seg
                    .tokens
                    .iter()
                    .map(|t| match t.kind() {
                        TokenKind::Word | TokenKind::Elision | TokenKind::Clitic => {
                            vocab.type_of(t.kind(), t.ty, t.key(), spellings.spelling(t.ty), spellings.key(t.key()))
                        }
                        _ => NO_TYPE,
                    })
                    .collect();
                let words = d.seg.word_count();
                CorpusDoc { id: d.id, source: d.source, text: d.text, lang, seg: d.seg, types, words }
            })
            .collect();
        Corpus { docs, sources, vocabs }
    }

    pub fn vocab(&self, lang: Language) -> &Vocab {
        &self.vocabs[lang.index()]
    }
}
