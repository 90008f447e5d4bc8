//! The framing data files (stop words, frame cues, epistemic markers), loaded
//! once with `include_str!`, and the one rule that turns a word into the unit
//! every count is made on.
//!
//! A *unit* is what keyness, frame cues and collocations compare: for a stop
//! word, its folded form (`d'`, `les`); for any other word, the folded Snowball
//! stem of its lower-case form (`régimes` → `regim`), so that inflections of one
//! word count together.

use crate::engine::fold::fold;
use crate::engine::segment::{keys_of, TokenKind};
use rust_stemmers::{Algorithm, Stemmer};
use super::FastMap as HashMap;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// The languages the framing data covers; `Und` is everything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Language {
    Fr,
    En,
    Und,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Fr, Language::En, Language::Und];

    pub fn from_code(code: &str) -> Language {
        match code {
            "fr" => Language::Fr,
            "en" => Language::En,
            _ => Language::Und,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
            Language::Und => "und",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn term_language(self) -> crate::engine::analysis::TermLanguage {
        use crate::engine::analysis::TermLanguage;
        match self {
            Language::Fr => TermLanguage::Fr,
            Language::En => TermLanguage::En,
            Language::Und => TermLanguage::Und,
        }
    }
}

const STOP_FR: &str = include_str!("../../../data/stopwords/fr.txt");
const STOP_EN: &str = include_str!("../../../data/stopwords/en.txt");
const FRAME_CUES: &str = include_str!("../../../data/framing/frame_cues.tsv");
const MARKERS: &str = include_str!("../../../data/framing/markers.tsv");

/// Words shorter than this (in characters) are initials or debris, not word choices.
pub(crate) const MIN_TERM_CHARS: usize = 2;
/// A `…` in a cue stands for at most this many words ("les faits sont toutefois clairs").
pub(crate) const MAX_GAP_WORDS: usize = 2;

/// The 15 dimensions of the Media Frames Corpus (Boydstun et al. 2014), in its order.
pub const FRAME_IDS: [&str; 15] = [
    "economic",
    "capacity_resources",
    "morality",
    "fairness_equality",
    "legality",
    "policy",
    "crime_punishment",
    "security_defense",
    "health_safety",
    "quality_of_life",
    "cultural_identity",
    "public_opinion",
    "political",
    "external_regulation",
    "other",
];

/// What an epistemic marker does. `Speech` (verbs of saying) is not shown: it
/// tells a quotation from scare quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum MarkerKind {
    Hedge,
    Distancing,
    Certainty,
    Speech,
}

impl MarkerKind {
    pub fn parse(s: &str) -> Option<MarkerKind> {
        match s {
            "hedge" => Some(MarkerKind::Hedge),
            "distancing" => Some(MarkerKind::Distancing),
            "certainty" => Some(MarkerKind::Certainty),
            "speech" => Some(MarkerKind::Speech),
            _ => None,
        }
    }
    #[cfg(test)]
    pub fn name(self) -> &'static str {
        match self {
            MarkerKind::Hedge => "hedge",
            MarkerKind::Distancing => "distancing",
            MarkerKind::Certainty => "certainty",
            MarkerKind::Speech => "speech",
        }
    }
}

/// One entry per line, `#` starts a comment line; fails on a duplicate (after folding).
pub(crate) fn parse_word_list(text: &str) -> Result<Vec<String>, String> {
    let mut seen = HashSet::default();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let w = line.trim();
        if w.is_empty() || w.starts_with('#') {
            continue;
        }
        if w.contains(char::is_whitespace) {
            return Err(format!("line {}: one word per line: {w:?}", n + 1));
        }
        let key = fold(w);
        if !seen.insert(key.clone()) {
            return Err(format!("line {}: duplicate {w:?}", n + 1));
        }
        out.push(key);
    }
    Ok(out)
}

static STOP_WORDS: LazyLock<[HashSet<String>; 3]> = LazyLock::new(|| {
    let fr: HashSet<String> = parse_word_list(STOP_FR).expect("data/stopwords/fr.txt").into_iter().collect();
    let en: HashSet<String> = parse_word_list(STOP_EN).expect("data/stopwords/en.txt").into_iter().collect();
    let und = fr.union(&en).cloned().collect();
    [fr, en, und]
});

static STEMMERS: LazyLock<[Option<Stemmer>; 3]> =
    LazyLock::new(|| [Some(Stemmer::create(Algorithm::French)), Some(Stemmer::create(Algorithm::English)), None]);

/// True when `folded` is a stop word of `lang` (for `Und`, of either language).
pub(crate) fn is_stop(lang: Language, folded: &str) -> bool {
    STOP_WORDS[lang.index()].contains(folded)
}

/// What a word counts as.
pub(crate) struct UnitInfo {
    pub key: String,
    pub stop: bool,
    /// A content word: can be a key term, a collocate, the edge of a phrase.
    pub term: bool,
}

/// The unit of a word token. Elisions and inversion pronouns are stop words.
pub(crate) fn unit_info(lang: Language, kind: TokenKind, surface: &str, folded: &str) -> UnitInfo {
    unit_info_with(lang, kind, folded, &mut || stem_key(lang, surface))
}

/// [`unit_info`], the stem of the word given by `stem` (when it is needed).
pub(crate) fn unit_info_with(lang: Language, kind: TokenKind, folded: &str, stem: &mut dyn FnMut() -> String) -> UnitInfo {
    let plain = |stop| UnitInfo { key: folded.to_string(), stop, term: false };
    match kind {
        TokenKind::Elision | TokenKind::Clitic => plain(true),
        TokenKind::Word if is_stop(lang, folded) => plain(true),
        TokenKind::Word
            if folded.chars().count() >= MIN_TERM_CHARS && folded.chars().any(char::is_alphabetic) =>
        {
            UnitInfo { key: stem(), stop: false, term: true }
        }
        _ => plain(false),
    }
}

/// The folded stem of a word as written.
pub(crate) fn stem_key(lang: Language, surface: &str) -> String {
    let lower = surface.to_lowercase();
    match &STEMMERS[lang.index()] {
        Some(s) => fold(&s.stem(&lower)),
        None => fold(&lower),
    }
}

/// How a cue word is compared with a word of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MatchOn {
    /// Units: inflections match (frame cues, concordance queries).
    Unit,
    /// Folded forms: the word exactly, up to case and accents (markers).
    Folded,
}

/// One position of a cue.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Elem {
    Key(String),
    /// `word*`: any word whose folded form starts with this.
    Prefix(String),
    /// `…`: up to [`MAX_GAP_WORDS`] words.
    Gap,
}

/// A cue of a lexicon, compiled for matching.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    /// A frame's index in [`FRAME_IDS`], or a [`MarkerKind`] as usize.
    pub class: usize,
    /// As written in the data file.
    pub label: String,
    pub elems: Vec<Elem>,
}

/// Compiles a cue: words split on spaces, `word*` a prefix, `…` a gap.
pub(crate) fn compile_cue(lang: Language, text: &str, on: MatchOn) -> Result<Vec<Elem>, String> {
    let mut elems = Vec::new();
    for piece in text.split_whitespace() {
        if piece == "…" || piece == "..." {
            elems.push(Elem::Gap);
        } else if let Some(p) = piece.strip_suffix('*') {
            if p.is_empty() || p.contains('*') {
                return Err(format!("bad prefix {piece:?}"));
            }
            elems.push(Elem::Prefix(fold(p)));
        } else {
            for (span, kind, folded) in keys_of(piece) {
                match kind {
                    TokenKind::Word | TokenKind::Elision | TokenKind::Clitic | TokenKind::Number => {}
                    _ => return Err(format!("punctuation in cue {text:?}")),
                }
                let key = match on {
                    MatchOn::Unit => unit_info(lang, kind, span.slice(piece), &folded).key,
                    MatchOn::Folded => folded,
                };
                elems.push(Elem::Key(key));
            }
        }
    }
    if elems.is_empty() {
        return Err(format!("empty cue {text:?}"));
    }
    if matches!(elems.first(), Some(Elem::Gap)) || matches!(elems.last(), Some(Elem::Gap)) {
        return Err(format!("a cue cannot start or end with a gap: {text:?}"));
    }
    Ok(elems)
}

/// A lexicon ready for matching: cues indexed by their first word.
#[derive(Debug)]
pub(crate) struct CueSet {
    pub on: MatchOn,
    pub cues: Vec<Cue>,
    by_first: HashMap<String, Vec<u32>>,
    first_prefix: Vec<(String, u32)>,
}

impl CueSet {
    pub fn new(on: MatchOn) -> Self {
        CueSet { on, cues: Vec::new(), by_first: HashMap::default(), first_prefix: Vec::new() }
    }

    pub fn push(&mut self, cue: Cue) {
        let i = self.cues.len() as u32;
        match &cue.elems[0] {
            Elem::Key(k) => self.by_first.entry(k.clone()).or_default().push(i),
            Elem::Prefix(p) => self.first_prefix.push((p.clone(), i)),
            Elem::Gap => {}
        }
        self.cues.push(cue);
    }

    /// The cues whose first word matches a word with this unit key and folded form.
    pub fn first_candidates(&self, unit_key: &str, folded: &str) -> Vec<u32> {
        let key = match self.on {
            MatchOn::Unit => unit_key,
            MatchOn::Folded => folded,
        };
        let mut out: Vec<u32> = self.by_first.get(key).cloned().unwrap_or_default();
        out.extend(self.first_prefix.iter().filter(|(p, _)| folded.starts_with(p.as_str())).map(|&(_, i)| i));
        out.sort_unstable();
        out
    }
}

/// Splits a TSV data line into exactly `n` fields.
fn fields(line: &str, n: usize, lineno: usize) -> Result<Vec<&str>, String> {
    let f: Vec<&str> = line.split('\t').map(str::trim).collect();
    if f.len() != n || f.iter().any(|x| x.is_empty()) {
        return Err(format!("line {lineno}: expected {n} tab-separated fields: {line:?}"));
    }
    Ok(f)
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(n, l)| (n + 1, l)).filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// Parses `frame_cues.tsv` (`frame_id<TAB>lang<TAB>cue`): fails on an unknown
/// frame or language, a malformed cue, or a cue listed twice for one frame
/// and language (after stemming).
pub(crate) fn parse_frame_cues(text: &str) -> Result<Vec<(Language, Cue)>, String> {
    let mut out = Vec::new();
    let mut seen = HashSet::default();
    let mut duplicates = Vec::new();
    for (n, line) in data_lines(text) {
        let f = fields(line, 3, n)?;
        let frame = FRAME_IDS.iter().position(|id| *id == f[0]).ok_or(format!("line {n}: unknown frame {:?}", f[0]))?;
        let lang = match f[1] {
            "fr" => Language::Fr,
            "en" => Language::En,
            other => return Err(format!("line {n}: unknown language {other:?}")),
        };
        let elems = compile_cue(lang, f[2], MatchOn::Unit).map_err(|e| format!("line {n}: {e}"))?;
        if !seen.insert((frame, lang, elems.clone())) {
            duplicates.push(format!("line {n}: duplicate cue {:?} for {} ({})", f[2], f[0], f[1]));
        }
        out.push((lang, Cue { class: frame, label: f[2].to_string(), elems }));
    }
    if !duplicates.is_empty() {
        return Err(duplicates.join("\n"));
    }
    Ok(out)
}

/// Parses `markers.tsv` (`lang<TAB>kind<TAB>cue`): fails on an unknown kind or
/// language, a malformed cue, or a cue listed twice for one kind and language.
pub(crate) fn parse_markers(text: &str) -> Result<Vec<(Language, Cue)>, String> {
    let mut out = Vec::new();
    let mut seen = HashSet::default();
    for (n, line) in data_lines(text) {
        let f = fields(line, 3, n)?;
        let lang = match f[0] {
            "fr" => Language::Fr,
            "en" => Language::En,
            other => return Err(format!("line {n}: unknown language {other:?}")),
        };
        let kind = MarkerKind::parse(f[1]).ok_or(format!("line {n}: unknown kind {:?}", f[1]))?;
        let elems = compile_cue(lang, f[2], MatchOn::Folded).map_err(|e| format!("line {n}: {e}"))?;
        if !seen.insert((kind, lang, elems.clone())) {
            return Err(format!("line {n}: duplicate marker {:?} ({}, {})", f[2], f[0], f[1]));
        }
        out.push((lang, Cue { class: kind as usize, label: f[2].to_string(), elems }));
    }
    Ok(out)
}

fn cue_sets(rows: Vec<(Language, Cue)>, on: MatchOn) -> [CueSet; 3] {
    let mut sets = [CueSet::new(on), CueSet::new(on), CueSet::new(on)];
    for (lang, cue) in rows {
        sets[lang.index()].push(cue);
    }
    sets
}

static FRAME_SETS: LazyLock<[CueSet; 3]> =
    LazyLock::new(|| cue_sets(parse_frame_cues(FRAME_CUES).expect("data/framing/frame_cues.tsv"), MatchOn::Unit));
/// Markers match folded words, not stems, so a text of unknown language gets both lists.
static MARKER_SETS: LazyLock<[CueSet; 3]> = LazyLock::new(|| {
    let rows = parse_markers(MARKERS).expect("data/framing/markers.tsv");
    let both: Vec<(Language, Cue)> = rows.iter().map(|(_, c)| (Language::Und, c.clone())).collect();
    cue_sets(rows.into_iter().chain(both).collect(), MatchOn::Folded)
});

/// The built-in frame cues of a language (empty for `Und`).
pub(crate) fn frame_cues(lang: Language) -> &'static CueSet {
    &FRAME_SETS[lang.index()]
}

/// The built-in epistemic markers of a language (both lists for `Und`).
pub(crate) fn marker_cues(lang: Language) -> &'static CueSet {
    &MARKER_SETS[lang.index()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// "Other" is the residual dimension: coders use it when no other applies,
    /// so few words announce it (see data/README.md).
    const MIN_CUES_OTHER: usize = 20;
    const MIN_CUES: usize = 60;

    #[test]
    fn stop_word_lists_parse_without_duplicates() {
        let fr = parse_word_list(STOP_FR).unwrap();
        let en = parse_word_list(STOP_EN).unwrap();
        assert!(fr.len() >= 150 && en.len() >= 150, "{} {}", fr.len(), en.len());
        assert!(is_stop(Language::Fr, "d'") && is_stop(Language::Fr, "les") && is_stop(Language::En, "the"));
        assert!(!is_stop(Language::Fr, "regime") && !is_stop(Language::En, "government"));
    }

    #[test]
    fn frame_cues_parse_and_cover_every_frame_in_both_languages() {
        let rows = parse_frame_cues(FRAME_CUES).unwrap();
        let mut counts: BTreeMap<(usize, Language), usize> = BTreeMap::new();
        for (lang, cue) in &rows {
            *counts.entry((cue.class, *lang)).or_default() += 1;
        }
        for (f, id) in FRAME_IDS.iter().enumerate() {
            for lang in [Language::Fr, Language::En] {
                let n = counts.get(&(f, lang)).copied().unwrap_or(0);
                let min = if *id == "other" { MIN_CUES_OTHER } else { MIN_CUES };
                assert!(n >= min, "{id} ({}) has {n} cues, needs {min}", lang.code());
            }
        }
    }

    #[test]
    fn markers_parse_with_every_kind_in_both_languages() {
        let rows = parse_markers(MARKERS).unwrap();
        for kind in [MarkerKind::Hedge, MarkerKind::Distancing, MarkerKind::Certainty, MarkerKind::Speech] {
            for lang in [Language::Fr, Language::En] {
                let n = rows.iter().filter(|(l, c)| *l == lang && c.class == kind as usize).count();
                assert!(n >= 5, "{} {} has {n}", kind.name(), lang.code());
            }
        }
    }

    #[test]
    fn malformed_data_is_refused() {
        assert!(parse_frame_cues("economic\tfr\tbudget\neconomic\tfr\tbudgets\n").unwrap_err().contains("duplicate"));
        assert!(parse_frame_cues("money\tfr\tbudget\n").unwrap_err().contains("unknown frame"));
        assert!(parse_frame_cues("economic\tde\tGeld\n").unwrap_err().contains("unknown language"));
        assert!(parse_markers("fr\tdoubt\tpeut-être\n").unwrap_err().contains("unknown kind"));
        assert!(parse_markers("fr\thedge\tselon\nfr\thedge\tSelon\n").unwrap_err().contains("duplicate"));
        assert!(parse_word_list("le\nLe\n").is_err());
        assert!(compile_cue(Language::Fr, "… clair", MatchOn::Folded).is_err());
    }

    #[test]
    fn units_fold_inflections_together() {
        let u = |s: &str| unit_info(Language::Fr, TokenKind::Word, s, &fold(s)).key;
        assert_eq!(u("régime"), u("régimes"));
        assert_eq!(u("Régime"), u("régime"));
        assert_eq!(u("terroriste"), u("terroristes"));
        assert!(unit_info(Language::Fr, TokenKind::Word, "les", "les").stop);
        let e = |s: &str| unit_info(Language::En, TokenKind::Word, s, &fold(s)).key;
        assert_eq!(e("rebels"), e("rebel"));
    }
}
