//! Actors: who and what the texts name, and how.
//!
//! 1. Gazetteer names (see `gazetteer.rs`) are matched over each document's
//!    tokens, longest first: "Hayat Tahrir al-Cham", "Damas" (a metonym of
//!    Syria), "russe" (a demonym of Russia), "HTS".
//! 2. Descriptions: a head noun ("régime", "gouvernement", "pouvoir",
//!    "autorités", "administration", "armée", "forces gouvernementales";
//!    "regime", "government", …) with a demonym ("le régime syrien"), a state or
//!    capital ("le régime de Damas") or a leader ("le régime d'Assad", "the
//!    Assad regime") is ONE mention of the state, and the head noun is kept as
//!    a label for framing. When the description names a person ("d'Assad"),
//!    that name is also a mention of the person: the text does name him, and
//!    whether a source personalises the state is itself worth seeing. A bare
//!    "le régime" later in the document refers to the last state described
//!    with the same head noun.
//! 3. Discovery of names the gazetteer does not know: capitalised sequences
//!    with name particles, told from capitalised common words by general
//!    evidence only (a lexicon of common words, lower-case use elsewhere in the
//!    corpus, the position in the sentence), typed by titles ("le porte-parole
//!    X", "President X") and organisation head words ("Front", "Agence").
//! 4. Acronyms defined in the text ("Front de libération de Valdoria (FLV)"),
//!    and partial names later in a document ("Jamal" after "Ammar Jamal").

use super::analysis::{ActorRow, CooccurrenceRow, Counts, LabelRow, MentionForm, MentionRow, Span};
use super::fold::fold;
use super::gazetteer::{Entry, Form, Hit, Matcher};
use super::lexicon::is_common;
use super::segment::{Segmented, Token, TokenKind, Vocab};
use super::ActorEdit;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use std::sync::LazyLock;

/// One document as the actor finder sees it.
pub struct DocView<'a> {
    pub text: &'a str,
    pub seg: &'a Segmented,
    pub language: &'a str,
    pub vocab: &'a Vocab,
}

/// Settings of the actor stage (from `Config`).
pub struct Options<'a> {
    pub matcher: &'a Matcher,
    pub count_demonyms: bool,
    pub institutions_as_state: bool,
    pub edits: &'a [ActorEdit],
}

/// What the actor stage adds to an `Analysis`.
pub struct Found {
    pub actors: Vec<ActorRow>,
    pub mentions: Vec<MentionRow>,
    pub labels: Vec<LabelRow>,
    pub cooccurrences: Vec<CooccurrenceRow>,
}

/// Lower-case words that may stand inside a name between capitalised words
/// ("Organisation pour l'interdiction" does not, "Bachar el-Assad" does).
const NAME_PARTICLES: &[&str] = &["de", "du", "des", "d'", "al", "el", "ben", "bin", "ibn", "von", "van", "der", "da", "di", "of"];
/// Capitalised function words that are never names on their own.
const FUNCTION_WORDS: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "ce", "cet", "cette", "ces", "il", "elle", "ils", "elles", "on",
    "nous", "vous", "je", "tu", "en", "dans", "par", "pour", "sur", "sous", "avec", "sans", "et", "ou", "mais", "donc", "or", "ni",
    "car", "que", "qui", "the", "a", "an", "this", "that", "he", "she", "it", "they", "we", "in", "on", "at", "by", "for", "and",
];
/// Head nouns of a description of a state (French), longest first.
const HEADS_FR: &[&[&str]] = &[
    &["forces", "gouvernementales"],
    &["troupes", "gouvernementales"],
    &["regime"],
    &["gouvernement"],
    &["pouvoir"],
    &["autorites"],
    &["administration"],
    &["armee"],
];
/// Head nouns of a description of a state (English): they follow the name.
const HEADS_EN: &[&str] = &["regime", "government", "authorities", "administration"];
/// Words before a bare head noun that make it refer back ("le régime", "the regime").
const ANAPHORIC_DETERMINERS: &[&str] = &["le", "du", "au", "ce", "the", "this"];
/// Possessives before a head noun ("son gouvernement", "his government"): the leader's state.
const POSSESSIVE_DETERMINERS: &[&str] = &["son", "sa", "his", "her"];
/// Prepositions between a head noun and the state or leader ("régime de Damas").
const OF: &[&str] = &["de", "d'", "du", "des"];
/// Words before a name that make it a person (folded). They are not part of
/// the name: "Defence Minister Irena Malvek" is Irena Malvek.
const PERSON_TITLES: &[&str] = &[
    "m", "mme", "mlle", "mr", "mrs", "ms", "dr", "president", "presidente", "ministre", "minister", "porte-parole", "spokesman",
    "spokeswoman", "spokesperson", "secretaire", "secretary", "gouverneur", "governor", "general", "colonel", "senateur", "senatrice",
    "senator", "depute", "deputee", "maire", "mayor", "ambassadeur", "ambassadrice", "ambassador", "envoye", "envoyee", "envoy",
    "emissaire", "cheikh", "sheikh", "imam", "juge", "judge", "homologue", "counterpart", "premier", "premiere", "chancelier",
    "chanceliere", "chancellor", "roi", "king", "reine", "queen", "prince", "princesse", "princess", "emir", "pape", "pope", "vice",
    "representant", "representante", "representative", "commissaire", "commissioner", "chef", "cheffe", "chief", "leader", "dirigeant",
    "dirigeante", "coordinateur", "coordinatrice", "coordinator", "directeur", "directrice", "director", "commandant", "commander",
    "negociateur", "negociatrice", "negotiator", "conseiller", "conseillere", "adviser", "advisor", "fondateur", "fondatrice", "founder",
    "economiste", "economist", "avocat", "avocate", "lawyer", "professeur", "professeure", "professor", "analyste", "analyst",
    "chercheur", "chercheuse", "researcher", "journaliste", "journalist", "patron", "patronne", "ministers", "haut-commissaire",
];
/// Lower-case nouns that the text puts before an organisation's or outlet's
/// name as part of it ("l'agence Frontex", "le groupe Wagner", "l'ONG Aube Humanitaire").
const CLASS_NOUNS: &[&str] = &["agence", "ong", "groupe", "mission", "organisation", "journal", "quotidien", "hebdomadaire", "chaine", "ngo"];
/// Words before a name that make it an operation, a plan or an exercise, not an actor.
const NON_ACTOR_HEADS: &[&str] = &["operation", "operations", "exercice", "exercise", "plan"];
/// First words of the names of states ("République de Morenza", "Republic of Morenza").
const STATE_HEADS: &[&str] = &["republique", "republic", "royaume", "kingdom", "emirat", "emirate", "principaute", "principality"];
/// Endings of English adjectives of nationality or region ("Valdorian", "Chinese", "Polish").
const ENGLISH_ADJECTIVE_ENDINGS: &[&str] = &["ian", "ean", "an", "ese", "ish"];
/// First words of organisation names.
const ORGANISATION_HEADS: &[&str] = &[
    "agence", "conseil", "commission", "ministere", "parti", "union", "organisation", "institut", "comite", "mouvement", "coalition",
    "alliance", "groupe", "office", "bureau", "fondation", "association", "ligue", "centre", "agency", "council", "ministry", "party",
    "organization", "institute", "committee", "movement", "group", "foundation", "league", "center",
];
/// First words of armed-group names.
const ARMED_HEADS: &[&str] = &["front", "forces", "brigade", "brigades", "armee", "army", "bataillon", "battalion", "regiment", "milice", "militia"];
/// How many tokens an organisation name may run over lower-case words
/// ("Front de libération de Valdoria"): longer runs are sentences, not names.
const ORG_NAME_MAX_TOKENS: usize = 8;
/// How many words a title may stand from the name it qualifies, across a comma
/// ("la ministre de la Défense, Irena Malvek": 4).
const TITLE_COMPLEMENT_MAX_TOKENS: usize = 5;
/// Longest acronym defined in brackets that is taken as an alias.
const ACRONYM_MAX_LETTERS: usize = 8;

/// A mention before the actor rows are built.
#[derive(Debug, Clone)]
struct Raw {
    doc: usize,
    sentence: u32,
    span: Span,
    actor: String,
    form: MentionForm,
    label: Option<String>,
    /// A title stood before it ("le porte-parole X"): the actor is a person.
    titled: bool,
}

/// What is known of an actor besides its mentions.
#[derive(Debug, Clone, Default)]
struct Info {
    name: String,
    kind: String,
    parent: String,
}

/// What the actor finder asks of a word, answered once per key and per
/// spelling of the analysis instead of once per token.
struct Facts {
    /// Bits of each key ([`TITLE`], [`COMMON`], …).
    key: Vec<u16>,
    /// Bits of each spelling ([`UPPER`], [`LOWER`], [`NAME_WORD`]).
    spelling: Vec<u8>,
}

/// A title before a name ([`PERSON_TITLES`], or a hyphenated form of one).
const TITLE: u16 = 1;
/// A function word or a common word: not a name on its own.
const COMMON: u16 = 1 << 1;
/// One of [`FUNCTION_WORDS`].
const FUNCTION: u16 = 1 << 2;
/// One of [`NAME_PARTICLES`].
const PARTICLE: u16 = 1 << 3;
/// One of [`CLASS_NOUNS`].
const CLASS_NOUN: u16 = 1 << 4;
/// The head word of an organisation, armed group or state name.
const HEAD: u16 = 1 << 5;
/// The head word of an organisation or armed group name.
const ORG_OR_ARMED: u16 = 1 << 6;
/// One of [`NON_ACTOR_HEADS`].
const NON_ACTOR: u16 = 1 << 7;
/// Starts with an upper-case letter.
const UPPER: u8 = 1;
/// Starts with a lower-case letter.
const LOWER: u8 = 1 << 1;
/// Can stand in a name when it is a word (see [`is_name_word`]).
const NAME_WORD: u8 = 1 << 2;

/// What the lists above say of a key, as [`Facts`] bits, for every key they
/// hold: one look-up per key of a corpus instead of a scan of each list.
static LISTED: LazyLock<FxHashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut bits: FxHashMap<&'static str, u16> = FxHashMap::default();
    let lists: [(&[&'static str], u16); 8] = [
        (PERSON_TITLES, TITLE),
        (FUNCTION_WORDS, FUNCTION | COMMON),
        (NAME_PARTICLES, PARTICLE),
        (CLASS_NOUNS, CLASS_NOUN),
        (ORGANISATION_HEADS, HEAD | ORG_OR_ARMED),
        (ARMED_HEADS, HEAD | ORG_OR_ARMED),
        (STATE_HEADS, HEAD),
        (NON_ACTOR_HEADS, NON_ACTOR),
    ];
    for (list, bit) in lists {
        for &k in list {
            *bits.entry(k).or_default() |= bit;
        }
    }
    bits
});

/// Loads the lists' look-up table (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&LISTED);
}

impl Facts {
    fn new(vocab: &Vocab) -> Facts {
        let key = (0..vocab.keys() as u32)
            .map(|k| {
                let k = vocab.key(k);
                let mut b = LISTED.get(k).copied().unwrap_or(0);
                if is_title(k) {
                    b |= TITLE;
                }
                if b & COMMON == 0 && is_common(k) {
                    b |= COMMON;
                }
                b
            })
            .collect();
        let spelling = (0..vocab.types() as u32)
            .map(|t| {
                let s = vocab.spelling(t);
                let mut b = 0;
                if s.starts_with(char::is_uppercase) {
                    b |= UPPER;
                } else if s.starts_with(char::is_lowercase) {
                    b |= LOWER;
                }
                if is_name_spelling(s) {
                    b |= NAME_WORD;
                }
                b
            })
            .collect();
        Facts { key, spelling }
    }
}

struct Doc<'a> {
    view: &'a DocView<'a>,
    facts: &'a Facts,
    toks: &'a [Token],
    /// The sentence of each token (32 bits: one per token of the corpus is held at once).
    sentence_of: Vec<u32>,
    initial: Vec<bool>,
    covered: Vec<bool>,
}

impl<'a> Doc<'a> {
    /// The matching key of token `i`.
    fn key(&self, i: usize) -> &'a str {
        self.view.vocab.key(self.toks[i].key())
    }
    /// The matching key of a token of this document.
    fn key_of(&self, t: &Token) -> &'a str {
        self.view.vocab.key(t.key())
    }
    /// Token `i`'s key has `bit` (see [`Facts`]).
    fn is(&self, i: usize, bit: u16) -> bool {
        self.has(&self.toks[i], bit)
    }
    /// A token's key has `bit`.
    fn has(&self, t: &Token, bit: u16) -> bool {
        self.facts.key[t.key() as usize] & bit != 0
    }
    /// A token's spelling has `bit`.
    fn spelled(&self, t: &Token, bit: u8) -> bool {
        self.facts.spelling[t.ty as usize] & bit != 0
    }
}

/// Finds every actor of the corpus and how each document names it.
pub fn find_actors(docs: &[DocView<'_>], opts: &Options<'_>) -> Found {
    let gz = &opts.matcher.gazetteer;
    let french = docs.iter().filter(|d| d.language == "fr").count() * 2 >= docs.len().max(1);
    let mut infos: FxHashMap<String, Info> = FxHashMap::default();
    let mut raws: Vec<Raw> = Vec::new();
    let mut prepared: Vec<Doc> = Vec::new();
    // Every view reads the same vocabulary (one per analysis).
    let Some(vocab) = docs.first().map(|d| d.vocab) else {
        return build(docs, Vec::new(), infos, opts.count_demonyms);
    };
    debug_assert!(docs.iter().all(|d| std::ptr::eq(d.vocab, vocab)));
    let index = opts.matcher.index(vocab);
    let mut words = Words::default();
    let facts = Facts::new(vocab);

    // 1–2. Gazetteer names and descriptions.
    for (d, view) in docs.iter().enumerate() {
        let toks = &view.seg.tokens[..];
        let mut sentence_of = vec![0; toks.len()];
        let mut initial = vec![false; toks.len()];
        for (s, sent) in view.seg.sentences.iter().enumerate() {
            for i in sent.tokens.clone() {
                sentence_of[i] = s as u32;
            }
            if let Some(first) = sent.tokens.clone().find(|&i| toks[i].is_word()) {
                initial[first] = true;
            }
            for i in sent.tokens.clone() {
                if toks[i].is_word() && follows_colon(view.text, &toks[sent.tokens.start..], i - sent.tokens.start) {
                    initial[i] = true;
                }
            }
        }
        let hits = index.find(view.text, toks, &initial);
        let mut covered = vec![false; toks.len()];
        for h in &hits {
            covered[h.first..=h.last].iter_mut().for_each(|c| *c = true);
        }
        let mut doc = Doc { view, facts: &facts, toks, sentence_of, initial, covered };
        let mut doc_raws = Vec::new();
        for h in &hits {
            let entry = &gz.entries()[h.entry];
            let (actor, form) = resolve(gz, entry, h.form, opts.institutions_as_state);
            note_info(&mut infos, gz, &actor, french);
            if let Some((span, label)) = description(&doc, h, entry, gz) {
                let state = if entry.kind == "person" { entry.parent.clone() } else { actor.clone() };
                note_info(&mut infos, gz, &state, french);
                let first = token_at(doc.toks, span.start()).unwrap_or(h.first);
                doc.covered[first..h.first].iter_mut().for_each(|c| *c = true);
                doc_raws.push(Raw { doc: d, sentence: doc.sentence_of[h.first], span, actor: state, form: MentionForm::Description, label: Some(label), titled: false });
                if entry.kind != "person" {
                    continue;
                }
            }
            let titled = entry.kind == "person";
            let span = hit_span(&mut doc, h, entry);
            doc_raws.push(Raw { doc: d, sentence: doc.sentence_of[h.first], span, actor, form, label: None, titled });
        }
        english_descriptions(&mut doc, &hits, gz, d, &mut doc_raws, &mut infos, french);
        anaphoric_heads(&mut doc, d, &mut doc_raws, gz);
        raws.extend(doc_raws);
        prepared.push(doc);
    }

    // 3. Discovery, corpus-wide evidence first.
    // By key id: capitalised inside a sentence somewhere, written in lower case somewhere.
    let mut capitalised_inside = vec![false; vocab.keys()];
    let mut lower_case = vec![false; vocab.keys()];
    for doc in &prepared {
        for (i, t) in doc.toks.iter().enumerate() {
            if !t.is_word() {
                continue;
            }
            if doc.spelled(t, UPPER) {
                if !doc.initial[i] {
                    capitalised_inside[t.key() as usize] = true;
                }
            } else if doc.spelled(t, LOWER) {
                lower_case[t.key() as usize] = true;
            }
        }
    }
    // Acronyms defined in brackets after a name: per document (they override
    // the gazetteer there: "Rapid Support Forces (RSF)" is not Reporters sans
    // frontières), and corpus-wide for names the gazetteer does not know.
    let mut acronyms: FxHashMap<String, String> = FxHashMap::default();
    let mut doc_acronyms: FxHashMap<(usize, String), String> = FxHashMap::default();
    let mut raws_by_doc: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for (i, r) in raws.iter().enumerate() {
        raws_by_doc[r.doc].push(i);
    }
    for (d, doc) in prepared.iter().enumerate() {
        let cands = candidates(doc);
        let english = doc.view.language == "en";
        // Full names of people already known in this document, for partial names:
        // (word keys, actor) in text order. Kept per document, since a partial
        // name only refers back within its own document.
        let mut found_names: Vec<(Rc<[String]>, String)> = Vec::new();
        // Organisations named in full, for "la Commission" after "la Commission constitutionnelle".
        let mut org_heads: Vec<(usize, String, String)> = Vec::new();
        for &i in &raws_by_doc[d] {
            let r = &raws[i];
            if r.form != MentionForm::Name {
                continue;
            }
            let words = words.of(r.span.slice(doc.view.text));
            match gz.get(&r.actor).map(|e| e.kind.as_str()) {
                Some("person") => found_names.push((words, r.actor.clone())),
                Some("organisation" | "armed_group" | "institution") if words.len() > 1 => {
                    org_heads.push((r.span.start(), words[0].clone(), r.actor.clone()));
                }
                _ => {}
            }
        }
        let mut new_raws = Vec::new();
        for (first, last) in cands {
            let text = doc.view.text;
            let mut first = first;
            // "Operation Bulwark", "l'opération dite « Rempart »": the name of an operation, not an actor.
            if operation_before(doc, first) || operation_after(doc, last) || doc.is(first, NON_ACTOR) {
                continue;
            }
            // Titles are not part of the name: "Defence Minister Irena Malvek", "Mme Malvek".
            let mut titled = title_before(doc, first) || title_after(doc, last);
            // "l'ONG Aube Humanitaire", "the NGO Aube Humanitaire": an organisation.
            let mut class_noun = first > 0 && doc.is(first - 1, CLASS_NOUN);
            // A name never ends with a title: "Prime Minister" before a known name is the title alone.
            if doc.is(last, TITLE) {
                continue;
            }
            if let Some(t) = (first..last).rev().find(|&i| doc.is(i, TITLE) && has_name_word_after(doc, i, last)) {
                titled = true;
                first = t + 1;
                // "Secretary of State Marco Rubio", "ministre de l'Intérieur X": the title's complement.
                loop {
                    while first <= last && !doc.toks[first].is_word() {
                        first += 1;
                    }
                    if !(first < last && is_particle(doc, first)) {
                        break;
                    }
                    let mut j = first;
                    while j < last && (is_particle(doc, j) || doc.toks[j].kind() == TokenKind::Elision) {
                        j += 1;
                    }
                    if !(doc.is(j, COMMON) && has_name_word_after(doc, j, last)) {
                        break;
                    }
                    first = j + 1;
                }
            } else {
                // A class noun in capitals ("ONG Aube Humanitaire", "NGO …") and leading common words
                // ("Dernières Infos", "Les Militants") are not part of a name, but the head of an
                // organisation's name is ("Ministry of Commerce").
                while first <= last && doc.is(first, COMMON) && !(doc.is(first, HEAD) && has_name_word_after(doc, first, last)) {
                    class_noun |= doc.is(first, CLASS_NOUN);
                    first += 1;
                }
                while first <= last && doc.toks[first].kind() != TokenKind::Word {
                    first += 1;
                }
            }
            // A name does not start with a lower-case particle: "(Secretary) of State".
            if first > last || is_particle(doc, first) {
                continue;
            }
            let span = Span::new(doc.toks[first].span.start(), doc.toks[last].span.end());
            let surface = span.slice(text);
            let words = words.of(surface);
            let capital_words: Vec<&Token> = doc.toks[first..=last].iter().filter(|t| t.span.slice(text).starts_with(char::is_uppercase)).collect();
            let single = capital_words.len() == 1;
            let key = doc.key(first);
            // "M", "Mme", "Dr": a title or a lone initial is not a name.
            if single && (surface.chars().filter(|c| c.is_alphabetic()).count() < 2 || is_title(key)) {
                continue;
            }
            if capital_words.iter().all(|t| doc.has(t, TITLE)) {
                continue;
            }
            let partial = if single || words.len() < 3 {
                let mine = found_names.iter().rev().filter(|(full, _)| full.len() > words.len());
                let mut mine2 = mine.clone();
                // A family name ("Varesco") or, for names written family name first, the first word ("Xi").
                mine.clone().find(|(full, _)| full.ends_with(&words)).or_else(|| mine2.find(|(full, id)| !id.starts_with("x:") && full.starts_with(&words)))
            } else {
                None
            };
            if partial.is_none() && !titled {
                if capital_words.iter().all(|t| doc.has(t, COMMON)) {
                    continue;
                }
                // One word that the corpus also writes in lower case is a common word.
                if single && lower_case[doc.toks[first].key() as usize] {
                    continue;
                }
                // At a sentence start, a single word counts only if the corpus also capitalises it inside a sentence.
                if single && doc.initial[first] && !capitalised_inside[doc.toks[first].key() as usize] {
                    continue;
                }
                // "Valdorian fighters", "European partners": an English adjective of nationality, not an actor.
                if single && english && first == last && is_english_adjective(doc, first) {
                    continue;
                }
            }
            let org_partial = if single && words.len() == 1 { org_heads.iter().rev().find(|(start, head, _)| *start < span.start() && *head == words[0]) } else { None };
            // A head word alone ("la République", "la Commission") names no new actor.
            if single && first == last && org_partial.is_none() && partial.is_none() && doc.is(first, HEAD) {
                continue;
            }
            let (actor, form) = match (partial, org_partial) {
                (_, Some((_, _, id))) => (id.clone(), MentionForm::Partial),
                (Some((_, id)), None) => (id.clone(), MentionForm::Partial),
                (None, None) => match doc_acronyms.get(&(d, fold(surface))).or_else(|| acronyms.get(&fold(surface))) {
                    Some(id) => (id.clone(), MentionForm::Acronym),
                    None => {
                        let id = format!("x:{}", slug(&words.join(" ")));
                        let is_acr = single && surface.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && surface.chars().count() >= 2;
                        (id, if is_acr { MentionForm::Acronym } else { MentionForm::Name })
                    }
                },
            };
            if form == MentionForm::Name && words.len() > 1 {
                found_names.push((words.clone(), actor.clone()));
            }
            if actor.starts_with("x:") {
                let info = infos.entry(actor.clone()).or_insert_with(|| Info { name: surface.to_string(), kind: "unknown".into(), parent: String::new() });
                if info.kind == "unknown" {
                    info.kind = kind_from_words(&doc.toks[first..=last], doc.view.vocab).to_string();
                }
                if info.kind == "unknown" && class_noun {
                    info.kind = "organisation".into();
                }
            }
            let sentence = doc.sentence_of[first];
            // 4. "Nom complet (ACR)": the acronym becomes an alias of the name before it.
            if let Some(acr) = defined_acronym(doc, last) {
                acronyms.insert(fold(acr), actor.clone());
                doc_acronyms.insert((d, fold(acr)), actor.clone());
            }
            new_raws.push(Raw { doc: d, sentence, span, actor, form, label: None, titled });
        }
        raws.extend(new_raws);
        // Acronyms defined after gazetteer names: "Hayat Tahrir al-Cham (XYZ)".
        for &i in &raws_by_doc[d] {
            let r = &raws[i];
            if r.form == MentionForm::Description {
                continue;
            }
            if let Some(last) = token_ending_at(doc.toks, r.span.end()) {
                if let Some(acr) = defined_acronym(doc, last) {
                    if fold(acr) != fold(r.span.slice(doc.view.text)) {
                        acronyms.entry(fold(acr)).or_insert_with(|| r.actor.clone());
                        doc_acronyms.insert((d, fold(acr)), r.actor.clone());
                    }
                }
            }
        }
    }
    // An acronym defined in a document names its actor there, and an acronym
    // defined anywhere in the corpus names an unknown actor everywhere.
    for r in raws.iter_mut() {
        if r.form != MentionForm::Acronym {
            continue;
        }
        let key = fold(r.span.slice(docs[r.doc].text));
        if let Some(id) = doc_acronyms.get(&(r.doc, key.clone())) {
            r.actor = id.clone();
        } else if r.actor.starts_with("x:") {
            if let Some(id) = acronyms.get(&key) {
                r.actor = id.clone();
            }
        }
    }
    drop_defining_acronyms(&mut raws, docs);
    link_partial_names_across_documents(&mut raws, &mut infos, docs, &mut words);

    apply_edits(&mut raws, &mut infos, opts.edits, docs);
    build(docs, raws, infos, opts.count_demonyms)
}

/// "Front de libération de Valdoria (FLV)": the acronym in brackets right after
/// the name of the same actor defines it; it is not a second mention.
fn drop_defining_acronyms(raws: &mut Vec<Raw>, docs: &[DocView<'_>]) {
    raws.sort_by(|a, b| (a.doc, a.span.start, a.span.end).cmp(&(b.doc, b.span.start, b.span.end)));
    let mut keep = vec![true; raws.len()];
    for i in 1..raws.len() {
        let r = &raws[i];
        let text = docs[r.doc].text;
        let in_brackets = text[..r.span.start()].trim_end().ends_with('(') && text[r.span.end()..].trim_start().starts_with(')');
        if !in_brackets {
            continue;
        }
        let open = text[..r.span.start()].trim_end().len() - 1;
        // The name before the bracket: any earlier mention of the same actor ending right there.
        let named = raws[..i].iter().rev().take_while(|p| p.doc == r.doc && p.span.end() + 4 >= open).any(|p| p.actor == r.actor && text[p.span.end()..open].trim().is_empty());
        if named {
            keep[i] = false;
        }
    }
    let mut k = keep.into_iter();
    raws.retain(|_| k.next().unwrap_or(true));
}

/// A discovered one-word name ("Varesco" in a document that never gives the
/// full name) is the person or body named in full elsewhere in the corpus
/// ("Anton Varesco"), when exactly one full name ends with it.
fn link_partial_names_across_documents<'t>(raws: &mut [Raw], infos: &mut FxHashMap<String, Info>, docs: &[DocView<'t>], words: &mut Words<'t>) {
    let mut by_last: FxHashMap<String, BTreeSet<String>> = FxHashMap::default();
    let full: Vec<&Raw> = raws.iter().filter(|r| r.form == MentionForm::Name && r.actor.starts_with("x:")).collect();
    let titled_ids: FxHashSet<&str> = full.iter().filter(|r| r.titled).map(|r| r.actor.as_str()).collect();
    for r in full.iter().filter(|r| infos.get(&r.actor).is_some_and(|i| i.kind == "state" || i.kind == "person") || titled_ids.contains(r.actor.as_str())) {
        let words = words.of(r.span.slice(docs[r.doc].text));
        if words.len() > 1 {
            by_last.entry(words[words.len() - 1].clone()).or_default().insert(r.actor.clone());
        }
    }
    drop(full);
    let mut moved: FxHashMap<String, String> = FxHashMap::default();
    for r in raws.iter_mut().filter(|r| r.form == MentionForm::Name && r.actor.starts_with("x:")) {
        let words = words.of(r.span.slice(docs[r.doc].text));
        if words.len() != 1 {
            continue;
        }
        if let Some(ids) = by_last.get(&words[0]) {
            if ids.len() == 1 {
                let id = ids.iter().next().unwrap().clone();
                if id != r.actor {
                    moved.insert(r.actor.clone(), id.clone());
                    r.actor = id;
                    r.form = MentionForm::Partial;
                }
            }
        }
    }
    for (from, into) in moved {
        if let Some(old) = infos.remove(&from) {
            if let Some(info) = infos.get_mut(&into) {
                if info.kind == "unknown" {
                    info.kind = old.kind;
                }
            }
        }
    }
}

/// The span a gazetteer match counts for: without a title before a person's
/// name ("pape Léon XIV" → "Léon XIV") or a lower-case "the" ("the Netherlands"),
/// and with a class noun before an organisation's name ("l'agence Frontex",
/// "le groupe Wagner"), which the text uses as part of the name.
fn hit_span(doc: &mut Doc, h: &Hit, entry: &Entry) -> Span {
    let mut first = h.first;
    while first < h.last && (doc.key(first) == "the" && doc.toks[first].span.slice(doc.view.text) == "the" || entry.kind == "person" && doc.is(first, TITLE)) {
        first += 1;
    }
    if first > h.first || h.part {
        return if h.part { h.span } else { Span::new(doc.toks[first].span.start(), h.span.end()) };
    }
    if matches!(entry.kind.as_str(), "organisation" | "media" | "armed_group") && first > 0 {
        let prev = first - 1;
        let t = &doc.toks[prev];
        if !doc.covered[prev] && t.is_word() && doc.has(t, CLASS_NOUN) && doc.spelled(t, LOWER) && joined(doc, prev, first) {
            doc.covered[prev] = true;
            return Span::new(t.span.start(), h.span.end());
        }
    }
    Span::new(doc.toks[first].span.start(), h.span.end())
}

/// Index of the token starting at byte `start` (tokens are in text order).
fn token_at(toks: &[Token], start: usize) -> Option<usize> {
    let i = toks.partition_point(|t| t.span.start() < start);
    (i < toks.len() && toks[i].span.start() == start).then_some(i)
}

/// Index of the token ending at byte `end`.
fn token_ending_at(toks: &[Token], end: usize) -> Option<usize> {
    let i = toks.partition_point(|t| t.span.end() < end);
    (i < toks.len() && toks[i].span.end() == end).then_some(i)
}

/// A title, or a word whose first part is one ("porte-parole", "ex-ministre").
fn is_title(key: &str) -> bool {
    let listed = |k: &str| LISTED.get(k).is_some_and(|bits| bits & TITLE != 0);
    listed(key) || key.split_once('-').is_some_and(|(head, _)| listed(head))
}

/// A capitalised word that is not a title among tokens `(i, last]`.
fn has_name_word_after(doc: &Doc, i: usize, last: usize) -> bool {
    (i + 1..=last).any(|j| doc.toks[j].is_word() && !doc.is(j, TITLE) && doc.spelled(&doc.toks[j], UPPER))
}

/// "opération Rempart", "Operation Bulwark", "l'opération dite « Rempart »".
fn operation_before(doc: &Doc, k: usize) -> bool {
    let mut i = k;
    let mut seen = 0;
    while i > 0 && seen < 3 {
        i -= 1;
        let t = &doc.toks[i];
        let s = t.span.slice(doc.view.text);
        if matches!(s, "«" | "\"" | "“" | "'" | "‘") || matches!(doc.key_of(t), "dite" | "dit" | "so-called" | "called" | "baptisee" | "named") {
            seen += 1;
            continue;
        }
        return t.is_word() && doc.has(t, NON_ACTOR);
    }
    false
}

/// `the so-called "Bulwark" operation`: the name of an operation, not an actor.
fn operation_after(doc: &Doc, last: usize) -> bool {
    doc.toks
        .iter()
        .skip(last + 1)
        .take(2)
        .find(|t| !matches!(t.span.slice(doc.view.text), "»" | "\"" | "”" | "'" | "’"))
        .is_some_and(|t| t.is_word() && doc.has(t, NON_ACTOR))
}

/// An English capitalised adjective of nationality or region right before a
/// lower-case noun: "Valdorian fighters", "European industry".
fn is_english_adjective(doc: &Doc, i: usize) -> bool {
    let s = doc.toks[i].span.slice(doc.view.text);
    let adjective = ENGLISH_ADJECTIVE_ENDINGS.iter().any(|e| s.len() > e.len() + 2 && s.ends_with(e));
    adjective
        && doc.toks.get(i + 1).is_some_and(|n| n.is_word() && n.span.slice(doc.view.text).starts_with(char::is_lowercase) && joined(doc, i, i + 1))
}

/// The actor a gazetteer match counts for, and the form of the mention.
fn resolve(gz: &super::gazetteer::Gazetteer, e: &Entry, form: Form, institutions_as_state: bool) -> (String, MentionForm) {
    match form {
        Form::Metonym | Form::Demonym => (e.parent.clone(), form.mention()),
        _ if e.kind == "institution" && institutions_as_state && gz.get(&e.parent).is_some() => (e.parent.clone(), MentionForm::Metonym),
        _ => (e.id.clone(), form.mention()),
    }
}

fn note_info(infos: &mut FxHashMap<String, Info>, gz: &super::gazetteer::Gazetteer, id: &str, french: bool) {
    if infos.contains_key(id) {
        return;
    }
    if let Some(e) = gz.get(id) {
        let name = if french && !e.name_fr.is_empty() || e.name_en.is_empty() { &e.name_fr } else { &e.name_en };
        infos.insert(id.to_string(), Info { name: name.clone(), kind: e.kind.clone(), parent: e.parent.clone() });
    }
}

/// Tokens `[from, to)` are separated by single spaces only (no line break, no punctuation).
fn joined(doc: &Doc, from: usize, to: usize) -> bool {
    (from..to).all(|i| {
        let gap = &doc.view.text[doc.toks[i].span.end()..doc.toks[i + 1].span.start()];
        gap.chars().all(|c| c == ' ' || c == '\u{a0}') && (!gap.is_empty() || doc.toks[i].kind() == TokenKind::Elision)
    })
}

/// A French description ending at hit `h`: "régime syrien", "régime d'Assad",
/// "pouvoir de Bachar el-Assad", "régime de Damas", "régime Assad".
fn description(doc: &Doc, h: &Hit, e: &Entry, gz: &super::gazetteer::Gazetteer) -> Option<(Span, String)> {
    let state_like = match h.form {
        Form::Demonym => true,
        Form::Metonym | Form::Name | Form::Acronym => e.kind == "state" || e.kind == "metonym",
    };
    let leader = e.kind == "person" && gz.get(&e.parent).is_some_and(|p| p.kind == "state");
    if !state_like && !leader {
        return None;
    }
    let mut end = h.first; // the head ends right before `end`
    if h.form != Form::Demonym && end > 0 && OF.contains(&doc.key(end - 1)) && !doc.covered[end - 1] {
        end -= 1;
    }
    for head in HEADS_FR {
        let n = head.len();
        if end < n {
            continue;
        }
        let start = end - n;
        let words_match = head.iter().enumerate().all(|(k, w)| fold_plain(doc.key(start + k)) == *w);
        if words_match && (start..end).all(|i| !doc.covered[i]) && joined(doc, start, h.first) && doc.sentence_of[start] == doc.sentence_of[h.first] {
            let span = Span::new(doc.toks[start].span.start(), h.span.end());
            let label = doc.view.text[doc.toks[start].span.start()..doc.toks[end - 1].span.end()].to_lowercase();
            return Some((span, label));
        }
    }
    None
}

/// Folded keys are already accent-free; this only guards against stray marks.
fn fold_plain(k: &str) -> &str {
    k
}

/// English descriptions: "the Syrian government", "the Assad regime".
fn english_descriptions(doc: &mut Doc, hits: &[Hit], gz: &super::gazetteer::Gazetteer, d: usize, out: &mut Vec<Raw>, infos: &mut FxHashMap<String, Info>, french: bool) {
    for h in hits {
        let e = &gz.entries()[h.entry];
        let state = match (h.form, e.kind.as_str()) {
            (Form::Demonym, _) => e.parent.clone(),
            (_, "person") if gz.get(&e.parent).is_some_and(|p| p.kind == "state") => e.parent.clone(),
            (_, "state") => e.id.clone(),
            _ => continue,
        };
        let next = h.last + 1;
        let Some(t) = doc.toks.get(next) else { continue };
        if doc.covered[next] || !HEADS_EN.contains(&doc.key_of(t)) || !joined(doc, h.last, next) {
            continue;
        }
        // A description already made from the French side covers this hit.
        if out.iter().any(|r| r.form == MentionForm::Description && r.span.end == h.span.end) {
            continue;
        }
        doc.covered[next] = true;
        note_info(infos, gz, &state, french);
        let span = Span::new(h.span.start(), t.span.end());
        let label = t.span.slice(doc.view.text).to_lowercase();
        if e.kind != "person" {
            // The state's own mention becomes the description.
            out.retain(|r| !(r.span == h.span && r.form != MentionForm::Description));
        }
        out.push(Raw { doc: d, sentence: doc.sentence_of[h.first], span, actor: state, form: MentionForm::Description, label: Some(label), titled: false });
    }
}

/// "le régime", "the regime": the last state described with that head noun.
/// "son gouvernement", "his government": the state of the last leader named
/// before it in the document (a gazetteer person with a state), or else the
/// last state described with that head noun.
fn anaphoric_heads(doc: &mut Doc, d: usize, out: &mut Vec<Raw>, gz: &super::gazetteer::Gazetteer) {
    let mut described: Vec<(usize, String, String)> = out
        .iter()
        .filter_map(|r| r.label.as_ref().map(|l| (r.span.start(), fold(l), r.actor.clone())))
        .collect();
    described.sort();
    let mut leaders: Vec<(usize, String)> = out
        .iter()
        .filter(|r| r.form == MentionForm::Name)
        .filter_map(|r| gz.get(&r.actor).filter(|e| e.kind == "person" && gz.get(&e.parent).is_some_and(|p| p.kind == "state")).map(|e| (r.span.start(), e.parent.clone())))
        .collect();
    leaders.sort();
    let mut add = Vec::new();
    for i in 1..doc.toks.len() {
        let t = &doc.toks[i];
        let before = doc.key(i - 1);
        let possessive = POSSESSIVE_DETERMINERS.contains(&before);
        if doc.covered[i] || !t.is_word() || !(possessive || ANAPHORIC_DETERMINERS.contains(&before)) {
            continue;
        }
        let key = doc.key_of(t);
        let single = HEADS_FR.iter().any(|h| h.len() == 1 && h[0] == key) || HEADS_EN.contains(&key);
        if !single {
            continue;
        }
        let by_label = || described.iter().rev().find(|(start, label, _)| *start < t.span.start() && *label == key).map(|(_, _, a)| a.clone());
        let by_leader = || leaders.iter().rev().find(|(start, _)| *start < t.span.start()).map(|(_, a)| a.clone());
        let actor = if possessive { by_leader().or_else(by_label) } else { by_label() };
        if let Some(actor) = actor {
            doc.covered[i] = true;
            add.push(Raw { doc: d, sentence: doc.sentence_of[i], span: t.span, actor, form: MentionForm::Description, label: Some(t.span.slice(doc.view.text).to_lowercase()), titled: false });
        }
    }
    out.extend(add);
}

/// The folded words of a name, with the Arabic article made one form.
/// [`words_of`] of each surface, computed once: a corpus names the same
/// actors with the same words again and again.
#[derive(Default)]
struct Words<'t>(FxHashMap<&'t str, Rc<[String]>>);

impl<'t> Words<'t> {
    fn of(&mut self, surface: &'t str) -> Rc<[String]> {
        self.0.entry(surface).or_insert_with(|| words_of(surface).into()).clone()
    }
}

fn words_of(surface: &str) -> Vec<String> {
    super::gazetteer::alias_key(surface).into_iter().filter(|w| !matches!(w.as_str(), "de" | "du" | "d'" | "des")).collect()
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The kind of a discovered name from its words: "Front de libération …",
/// "Valdorian Liberation Front", "Ministry of Commerce", "République de Morenza".
fn kind_from_words(toks: &[Token], vocab: &Vocab) -> &'static str {
    let keys = || toks.iter().filter(|t| t.is_word()).map(|t| vocab.key(t.key()));
    if keys().next().is_some_and(|k| STATE_HEADS.contains(&k)) {
        "state"
    } else if keys().any(|k| ARMED_HEADS.contains(&k)) {
        "armed_group"
    } else if keys().any(|k| ORGANISATION_HEADS.contains(&k)) {
        "organisation"
    } else {
        "unknown"
    }
}

/// A title right before token `k` ("le porte-parole X", "M. X", "President X"),
/// or before a comma, with its complement ("le porte-parole du gouvernement,
/// Tomas Ebrelli", "la ministre de la Défense, Irena Malvek").
fn title_before(doc: &Doc, k: usize) -> bool {
    let mut i = k;
    // Skip the period of "M.", within the sentence.
    while i > 0 && doc.sentence_of[i - 1] == doc.sentence_of[k] {
        i -= 1;
        let t = &doc.toks[i];
        let s = t.span.slice(doc.view.text);
        if s == "." {
            continue;
        }
        if t.is_word() && doc.has(t, TITLE) {
            return true;
        }
        if s != "," {
            return false;
        }
        // "title of the X, Name": a title within a few words before the comma, in the same clause.
        let stop = i.saturating_sub(TITLE_COMPLEMENT_MAX_TOKENS);
        for j in (stop..i).rev() {
            let t = &doc.toks[j];
            if t.is_word() && doc.has(t, TITLE) {
                return true;
            }
            if !matches!(t.kind(), TokenKind::Word | TokenKind::Elision) {
                return false;
            }
        }
        return false;
    }
    false
}

/// A title in apposition after the name: "Rahmi Dogan, gouverneur de …",
/// "Clara Neuville, Aube Humanitaire's coordinator", "Leni Kinzli, a WFP spokesperson".
fn title_after(doc: &Doc, last: usize) -> bool {
    if doc.toks.get(last + 1).is_none_or(|t| t.span.slice(doc.view.text) != ",") {
        return false;
    }
    for t in doc.toks.iter().skip(last + 2).take(TITLE_COMPLEMENT_MAX_TOKENS) {
        let s = t.span.slice(doc.view.text);
        if t.is_word() && doc.has(t, TITLE) {
            return true;
        }
        let modifier = matches!(doc.key_of(t), "a" | "an" | "the" | "le" | "la" | "l'" | "un" | "une" | "son" | "sa" | "its" | "his" | "her" | "their" | "former" | "ancien" | "ancienne" | "ex" | "'s" | "s" | "senior" | "assistant" | "deputy" | "adjoint" | "adjointe" | "nouveau" | "nouvelle" | "new");
        if !(modifier || s == "'" || s == "’" || t.is_word() && s.starts_with(char::is_uppercase)) {
            return false;
        }
    }
    false
}

/// `( ACR )` right after token `last`: the acronym, if it is one.
fn defined_acronym<'a>(doc: &Doc<'a>, last: usize) -> Option<&'a str> {
    let text = doc.view.text;
    let open = doc.toks.get(last + 1)?;
    let acr = doc.toks.get(last + 2)?;
    let close = doc.toks.get(last + 3)?;
    let s = acr.span.slice(text);
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (open.span.slice(text) == "(" && close.span.slice(text) == ")" && acr.is_word() && letters >= 2 && letters <= ACRONYM_MAX_LETTERS
        && s.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase))
    .then_some(s)
}

/// Capitalised name sequences not covered by the gazetteer: `(first, last)` token indices.
fn candidates(doc: &Doc) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < doc.toks.len() {
        if doc.covered[k] || !is_name_word(doc, k) {
            k += 1;
            continue;
        }
        // "Le Front …", "Les Casques …": a capitalised article is not part of the name.
        if doc.is(k, FUNCTION) && k + 1 < doc.toks.len() && !doc.covered[k + 1] && is_name_word(doc, k + 1) && joined(doc, k, k + 1) {
            k += 1;
        }
        let mut last = k;
        loop {
            let next = last + 1;
            if next >= doc.toks.len() || doc.covered[next] || doc.sentence_of[next] != doc.sentence_of[k] {
                break;
            }
            if is_name_word(doc, next) && joined(doc, last, next) {
                last = next;
                continue;
            }
            // A particle joins when a capitalised word follows it: "Ammar ben Jamal", "Front de Valdoria".
            if is_particle(doc, next) && joined(doc, last, next) {
                let mut j = next + 1;
                if doc.toks.get(j).is_some_and(|t| t.kind() == TokenKind::Elision) && !doc.covered[j] {
                    j += 1;
                }
                if j < doc.toks.len() && !doc.covered[j] && is_name_word(doc, j) && joined(doc, next, j) {
                    last = j;
                    continue;
                }
            }
            break;
        }
        // Organisation names run over lower-case words up to their last capitalised word or defined acronym.
        if (k..=last).any(|i| doc.is(i, ORG_OR_ARMED)) {
            let mut best = last;
            let limit = (k + ORG_NAME_MAX_TOKENS).min(doc.toks.len() - 1);
            let mut j = last;
            while j < limit && !doc.covered[j + 1] && joined(doc, j, j + 1) && matches!(doc.toks[j + 1].kind(), TokenKind::Word | TokenKind::Elision) {
                j += 1;
                if is_name_word(doc, j) || defined_acronym(doc, j).is_some() {
                    best = j;
                }
            }
            last = best;
        }
        out.push((k, last));
        k = last + 1;
    }
    out
}

/// A word that can stand in a name: capitalised, or a lower-case particle
/// joined to a capital (al-Cham, el-Assad).
fn is_name_word(doc: &Doc, i: usize) -> bool {
    let t = &doc.toks[i];
    t.kind() == TokenKind::Word && doc.spelled(t, NAME_WORD)
}

/// A spelling that can stand in a name (see [`is_name_word`]).
fn is_name_spelling(s: &str) -> bool {
    if s.starts_with(char::is_uppercase) {
        return s.chars().any(char::is_alphabetic);
    }
    match s.split_once('-') {
        Some((particle, rest)) => NAME_PARTICLES.contains(&fold(particle).as_str()) && rest.starts_with(char::is_uppercase),
        None => false,
    }
}

fn is_particle(doc: &Doc, i: usize) -> bool {
    let t = &doc.toks[i];
    matches!(t.kind(), TokenKind::Word | TokenKind::Elision) && doc.has(t, PARTICLE) && doc.spelled(t, LOWER)
}

/// The token before `k` is a colon or a dash that opens a clause.
fn follows_colon(text: &str, toks: &[Token], k: usize) -> bool {
    let prev = toks[..k].iter().rev().find(|t| !matches!(t.span.slice(text), "«" | "\"" | "“" | "(" | "'" | "‘"));
    matches!(prev.map(|t| t.span.slice(text)), Some(":") | Some("—") | Some("–"))
}

/// Applies the user's corrections, in order.
fn apply_edits(raws: &mut Vec<Raw>, infos: &mut FxHashMap<String, Info>, edits: &[ActorEdit], docs: &[DocView<'_>]) {
    for edit in edits {
        match edit {
            ActorEdit::Rename { id, name } => {
                if let Some(i) = infos.get_mut(id) {
                    i.name = name.clone();
                }
            }
            ActorEdit::Merge { from, into } => {
                if !infos.contains_key(into) {
                    continue;
                }
                for r in raws.iter_mut().filter(|r| &r.actor == from) {
                    r.actor = into.clone();
                }
                infos.remove(from);
            }
            ActorEdit::SplitAlias { id, alias, new_name } => {
                let new_id = format!("x:{}", slug(new_name));
                let key = fold(alias);
                let mut moved = false;
                for r in raws.iter_mut().filter(|r| &r.actor == id && fold(r.span.slice(docs[r.doc].text)) == key) {
                    r.actor = new_id.clone();
                    moved = true;
                }
                if moved {
                    let kind = infos.get(id).map(|i| i.kind.clone()).unwrap_or_else(|| "unknown".into());
                    infos.insert(new_id, Info { name: new_name.clone(), kind, parent: String::new() });
                }
            }
            ActorEdit::SetKind { id, kind } => {
                if let Some(i) = infos.get_mut(id) {
                    i.kind = kind.clone();
                }
            }
            ActorEdit::Ignore { id } => {
                raws.retain(|r| &r.actor != id);
                infos.remove(id);
            }
            // Added actors enter through the gazetteer before matching.
            ActorEdit::Add { .. } => {}
        }
    }
}

/// The rows of the `Analysis` from the mentions found: actors most
/// mentioned first, rows referring to them and to documents by index.
fn build(docs: &[DocView<'_>], mut raws: Vec<Raw>, infos: FxHashMap<String, Info>, count_demonyms: bool) -> Found {
    raws.sort_by(|a, b| (a.doc, a.span.start, a.span.end).cmp(&(b.doc, b.span.start, b.span.end)));
    let counts = |r: &Raw| r.form != MentionForm::Demonym || count_demonyms;
    // Actors in order of first mention; each raw mention's actor by that order.
    let mut first_seen: FxHashMap<&str, usize> = FxHashMap::default();
    let mut rows: Vec<ActorRow> = Vec::new();
    // Per actor and spelling: its place in `aliases`, and how often it is a full or partial name.
    let mut alias_at: FxHashMap<(usize, &str), usize> = FxHashMap::default();
    let mut name_counts: Vec<Vec<usize>> = Vec::new();
    let mut titled: Vec<bool> = Vec::new();
    let mut actor_of: Vec<usize> = Vec::with_capacity(raws.len());
    for r in &raws {
        let doc = r.doc as u32;
        let surface = r.span.slice(docs[r.doc].text);
        let a = *first_seen.entry(r.actor.as_str()).or_insert_with(|| {
            let info = infos.get(&r.actor);
            let kind = info.map_or("", |i| i.kind.as_str());
            rows.push(ActorRow {
                id: r.actor.clone(),
                name: info.map(|i| i.name.clone()).unwrap_or_default(),
                kind: if kind.is_empty() { "unknown".into() } else { kind.to_string() },
                parent: info.map(|i| i.parent.clone()).unwrap_or_default(),
                aliases: Vec::new(),
                mentions: Vec::new(),
                total: 0,
                attributive: Vec::new(),
                sources: Vec::new(),
            });
            name_counts.push(Vec::new());
            titled.push(false);
            rows.len() - 1
        });
        actor_of.push(a);
        let row = &mut rows[a];
        let alias = *alias_at.entry((a, surface)).or_insert_with(|| {
            row.aliases.push(surface.to_string());
            name_counts[a].push(0);
            row.aliases.len() - 1
        });
        // Mentions come in document order: a document's count is the last one.
        let add = |counts: &mut Counts| match counts.last_mut() {
            Some((d, n)) if *d == doc => *n += 1,
            _ => counts.push((doc, 1)),
        };
        if counts(r) {
            add(&mut row.mentions);
            row.total += 1;
        }
        if r.form == MentionForm::Demonym {
            add(&mut row.attributive);
        }
        if r.form == MentionForm::Name || r.form == MentionForm::Partial {
            name_counts[a][alias] += 1;
        }
        if r.titled && r.actor.starts_with("x:") {
            titled[a] = true;
        }
    }
    for (a, row) in rows.iter_mut().enumerate().filter(|(_, r)| r.id.starts_with("x:")) {
        // A discovered actor is shown under its most frequent full spelling.
        let renamed = infos.get(&row.id).is_some_and(|i| row.aliases.first() != Some(&i.name) && !row.aliases.contains(&i.name));
        if !renamed {
            let best = row
                .aliases
                .iter()
                .zip(&name_counts[a])
                .filter(|(_, n)| **n > 0)
                .max_by_key(|(s, n)| (s.split_whitespace().count() > 1, **n, s.split_whitespace().count()));
            if let Some((s, _)) = best {
                row.name = s.clone();
            }
        }
        if row.kind == "unknown" && titled[a] {
            row.kind = "person".into();
        }
    }
    // Most mentioned first; `index[a]` is where actor `a` (by first mention) ends up.
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| rows[b].total.cmp(&rows[a].total).then_with(|| rows[a].id.cmp(&rows[b].id)));
    let mut index = vec![0u32; rows.len()];
    for (i, &a) in order.iter().enumerate() {
        index[a] = i as u32;
    }
    let mut slots: Vec<Option<ActorRow>> = rows.into_iter().map(Some).collect();
    let actors: Vec<ActorRow> = order.iter().filter_map(|&a| slots[a].take()).collect();

    let mut labels: BTreeMap<(u32, u32, &str), usize> = BTreeMap::new();
    let mut pairs: FxHashMap<(u32, u32, u32), usize> = FxHashMap::default();
    let mut mentions = Vec::with_capacity(raws.len());
    // The actors of one sentence (raws are in text order, so a sentence's raws follow each other).
    let mut sentence: Option<(usize, u32)> = None;
    let mut named: Vec<u32> = Vec::new();
    let close_sentence = |named: &mut Vec<u32>, doc: usize, pairs: &mut FxHashMap<(u32, u32, u32), usize>| {
        named.sort_unstable();
        named.dedup();
        for i in 0..named.len() {
            for j in i + 1..named.len() {
                *pairs.entry((named[i], named[j], doc as u32)).or_default() += 1;
            }
        }
        named.clear();
    };
    for (r, &a) in raws.iter().zip(&actor_of) {
        let actor = index[a];
        if let Some(l) = &r.label {
            *labels.entry((actor, r.doc as u32, l.as_str())).or_default() += 1;
        }
        if sentence != Some((r.doc, r.sentence)) {
            if let Some((doc, _)) = sentence {
                close_sentence(&mut named, doc, &mut pairs);
            }
            sentence = Some((r.doc, r.sentence));
        }
        if counts(r) {
            named.push(actor);
        }
        mentions.push(MentionRow { actor, document: r.doc as u32, span: r.span, sentence: r.sentence, form: r.form });
    }
    if let Some((doc, _)) = sentence {
        close_sentence(&mut named, doc, &mut pairs);
    }
    mentions.sort_by(|a, b| (a.document, a.span, a.actor).cmp(&(b.document, b.span, b.actor)));
    let mut cooccurrences: Vec<CooccurrenceRow> = pairs.into_iter().map(|((a, b, document), sentences)| CooccurrenceRow { a, b, document, sentences }).collect();
    cooccurrences.sort_by_key(|c| (c.a, c.b, c.document));
    Found {
        actors,
        mentions,
        labels: labels.into_iter().map(|((actor, document, label), count)| LabelRow { actor, document, label: label.to_string(), count }).collect(),
        cooccurrences,
    }
}

/// The actor list as a gazetteer TSV (`id kind parent name_fr name_en aliases`),
/// so a user can edit it and load it back with `Gazetteer::parse`. The shown
/// name goes in both name columns; the spellings seen become the aliases.
pub fn actors_to_tsv(actors: &[ActorRow]) -> String {
    let mut out = String::from("# id\tkind\tparent\tname_fr\tname_en\taliases\n");
    for a in actors {
        let kind = if a.kind == "unknown" { "organisation" } else { a.kind.as_str() };
        let clean = |s: &str| s.replace(['\t', '\n', '|'], " ");
        let aliases: Vec<String> = a.aliases.iter().filter(|s| **s != a.name).map(|s| clean(s)).collect();
        out.push_str(&format!("{}\t{}\t{}\t{}\t{}\t{}\n", a.id, kind, a.parent, clean(&a.name), clean(&a.name), aliases.join("|")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::gazetteer::{Gazetteer, Matcher};
    use crate::engine::segment::segment_in;

    fn found(texts: &[&str], edits: &[ActorEdit]) -> Found {
        let mut vocab = Vocab::new();
        let segs: Vec<Segmented> = texts.iter().map(|t| segment_in(t, &[Span::new(0, t.len())], &mut vocab)).collect();
        let docs: Vec<DocView> = texts.iter().zip(&segs).map(|(t, s)| DocView { text: t, seg: s, language: "fr", vocab: &vocab }).collect();
        find_actors(&docs, &Options { matcher: Matcher::builtin(), count_demonyms: false, institutions_as_state: true, edits })
    }

    fn actor<'a>(f: &'a Found, id: &str) -> &'a ActorRow {
        f.actors.iter().find(|a| a.id == id).unwrap_or_else(|| panic!("{id} not in {:?}", f.actors.iter().map(|a| &a.id).collect::<Vec<_>>()))
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let f = found(&["Malheureusement, Washington a parlé. Toutefois, Moscou répond à Washington. Permettez-moi de rappeler."], &[]);
        let ids: Vec<&str> = f.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["Q30", "Q159"]);
        assert_eq!(actor(&f, "Q30").total, 2);
        assert!(f.mentions.iter().all(|m| m.form == MentionForm::Metonym));
    }

    #[test]
    fn descriptions_name_the_state_and_carry_a_label() {
        let f = found(&["Le régime d'Assad frappe. Le régime syrien nie. Les attaques du régime continuent, selon le gouvernement syrien."], &[]);
        let syria = actor(&f, "Q858");
        assert_eq!(syria.total, 4);
        let labels: Vec<(&str, usize)> = f.labels.iter().map(|l| (l.label.as_str(), l.count)).collect();
        assert_eq!(labels, [("gouvernement", 1), ("régime", 3)]);
        assert_eq!(actor(&f, "Q44437").total, 1, "the leader named inside the description is a mention too");
    }

    #[test]
    fn acronyms_defined_in_the_text_and_partial_names() {
        let f = found(&["Le Front de libération de Valdoria (FLV) a attaqué. Le porte-parole Ammar Jamal a parlé. Le FLV nie, a dit M. Jamal."], &[]);
        let flv = f.actors.iter().find(|a| a.aliases.contains(&"FLV".to_string())).expect("FLV");
        assert_eq!(flv.name, "Front de libération de Valdoria");
        assert_eq!(flv.kind, "armed_group");
        // The acronym in brackets defines the name; it is not a second mention.
        assert_eq!(flv.total, 2);
        let jamal = f.actors.iter().find(|a| a.name == "Ammar Jamal").expect("Ammar Jamal");
        assert_eq!(jamal.total, 2);
        assert_eq!(jamal.kind, "person");
    }

    #[test]
    fn demonyms_are_counted_apart_and_institutions_as_their_state() {
        let f = found(&["Les forces turques et le Pentagone. Un soldat russe est mort."], &[]);
        let us = actor(&f, "Q30");
        assert_eq!(us.total, 1);
        let ru = actor(&f, "Q159");
        // Document 0 ("a").
        assert_eq!((ru.total, ru.attributive.clone()), (0, vec![(0, 1)]));
    }

    #[test]
    fn edits_merge_rename_split_and_ignore() {
        let text = ["Ammar Jamal et Karim Valdor ont vu Lavrov."];
        let base = found(&text, &[]);
        let jamal = base.actors.iter().find(|a| a.name == "Ammar Jamal").unwrap().id.clone();
        let valdor = base.actors.iter().find(|a| a.name == "Karim Valdor").unwrap().id.clone();
        let edits = vec![
            ActorEdit::Merge { from: valdor.clone(), into: jamal.clone() },
            ActorEdit::Rename { id: jamal.clone(), name: "Les deux".into() },
            ActorEdit::Ignore { id: "p:sergei-lavrov".into() },
        ];
        let f = found(&text, &edits);
        assert_eq!(f.actors.len(), 1);
        assert_eq!((f.actors[0].name.as_str(), f.actors[0].total), ("Les deux", 2));
        let split = found(&text, &[ActorEdit::Merge { from: valdor, into: jamal.clone() }, ActorEdit::SplitAlias { id: jamal, alias: "Karim Valdor".into(), new_name: "Valdor".into() }]);
        assert!(split.actors.iter().any(|a| a.name == "Valdor" && a.total == 1));
    }

    fn found_in(lang: &str, text: &str) -> Found {
        let mut vocab = Vocab::new();
        let seg = segment_in(text, &[Span::new(0, text.len())], &mut vocab);
        let docs = [DocView { text, seg: &seg, language: lang, vocab: &vocab }];
        find_actors(&docs, &Options { matcher: Matcher::builtin(), count_demonyms: false, institutions_as_state: true, edits: &[] })
    }

    /// (text at the mention, actor id) of every mention of a one-document corpus.
    fn surfaces<'a>(f: &'a Found, text: &'a str) -> Vec<(&'a str, &'a str)> {
        f.mentions.iter().map(|m| (m.span.slice(text), f.actors[m.actor as usize].id.as_str())).collect()
    }

    #[test]
    fn hyphenated_pairs_of_known_names_are_two_mentions() {
        let text = "Le sommet Russie-Turquie s'est tenu hier. Les échanges sino-américains reprennent.";
        let f = found_in("fr", text);
        assert_eq!(surfaces(&f, text), [("Russie", "Q159"), ("Turquie", "Q43")]);
        let text = "The US-China talks resumed.";
        let f = found_in("en", text);
        assert_eq!(surfaces(&f, text), [("US", "Q30"), ("China", "Q148")]);
    }

    #[test]
    fn titles_before_or_after_make_a_person_and_are_not_part_of_the_name() {
        let f = found_in("fr", "Rahmi Dogan, gouverneur de la province, a parlé. Le porte-parole du gouvernement, Tomas Ebrelli, dément. M. Dogan insiste.");
        let dogan = f.actors.iter().find(|a| a.name == "Rahmi Dogan").expect("Rahmi Dogan");
        assert_eq!((dogan.kind.as_str(), dogan.total), ("person", 2));
        assert_eq!(f.actors.iter().find(|a| a.name == "Tomas Ebrelli").map(|a| a.kind.as_str()), Some("person"));
        let f = found_in("en", "Defence Minister Irena Malvek spoke. Clara Neuville, Aube Humanitaire's coordinator, disagreed. Ms Malvek replied.");
        let malvek = f.actors.iter().find(|a| a.name == "Irena Malvek").expect("Irena Malvek");
        assert_eq!((malvek.kind.as_str(), malvek.total), ("person", 2));
        assert_eq!(f.actors.iter().find(|a| a.name == "Clara Neuville").map(|a| a.kind.as_str()), Some("person"));
        assert!(!f.actors.iter().any(|a| a.name.contains("Minister") || a.name.starts_with("Ms")));
    }

    #[test]
    fn days_months_and_english_liberation_are_not_actors() {
        let f = found_in("en", "Monday was calm. On Thursday, in March, the Valdorian Liberation Front (VLF) attacked. The VLF denied it.");
        let names: Vec<&str> = f.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Valdorian Liberation Front"]);
        assert_eq!((f.actors[0].kind.as_str(), f.actors[0].total), ("armed_group", 2));
        let text = "Lundi, le journal Libération a publié une enquête. Jeudi, en mars, rien.";
        let f = found_in("fr", text);
        assert_eq!(surfaces(&f, text), [("journal Libération", "p:liberation")]);
    }

    #[test]
    fn tsv_export_parses_back() {
        let f = found(&["Ammar Jamal a vu Lavrov à Damas."], &[]);
        let g = Gazetteer::parse(&actors_to_tsv(&f.actors)).unwrap();
        assert_eq!(g.entries().len(), f.actors.len());
    }
}
