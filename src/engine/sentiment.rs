//! Sentiment toward an actor at one mention: the scored words around it in
//! its sentence, weighted by distance, turned by negation, scaled by boosters
//! and dampers, shifted by a contrast word, and read through the actor's ROLE
//! in the act they describe. The agent of a harmful act draws its negative
//! score; its victim does not (a victim is marked, not blamed); the one
//! supported or praised draws the positive score; the one blamed draws the
//! blame. Reported speech keeps its target and is tagged with its speaker.
//!
//! Everything is a pure function over the engine's tokens, with plain
//! arithmetic and `sqrt` only, so the same text gives the same bits natively
//! and in the browser.

use super::analysis::{ActorRow, CueRow, DocumentRow, MentionEvidence, MentionRow, Role, RoleCounts, Scope, SentimentRow, SourceRow, Span};
use super::segment::{keys_of, tokenize, Segmented, Token, TokenKind, Vocab};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::sync::LazyLock;

// ------------------------------------------------------------ tuning numbers

/// Word distance at which a cue counts half: news sentences are long, and a
/// judgement four words away still usually qualifies the same phrase.
const DISTANCE_HALF: f64 = 4.0;
/// Beyond this many words a cue is about something else.
const MAX_DISTANCE: usize = 20;
/// Each `;`, `:`, dash or bracket between cue and target: another clause.
const CLAUSE_DAMP: f64 = 0.5;
/// Each comma between cue and target: often an apposition, often a new clause.
const COMMA_DAMP: f64 = 0.8;
/// A negated cue flips and weakens ("not good" is milder than "bad"): VADER's N_SCALAR.
const NEGATION_FACTOR: f64 = -0.74;
/// Words before a cue that may negate it.
const NEGATION_WINDOW: usize = 3;
/// Words before a cue that may boost or damp it.
const BOOSTER_WINDOW: usize = 2;
/// The agent of a harmful act carries its full weight.
const AGENT_WEIGHT: f64 = 1.0;
/// The victim of a harmful act draws no negative sentiment from it.
const VICTIM_WEIGHT: f64 = 0.0;
/// A harm word near the actor whose role could not be told: half, since news
/// about violence colours everyone in the sentence a little.
const UNKNOWN_HARM_WEIGHT: f64 = 0.5;
/// The one blamed carries the blame in full.
const BLAMED_WEIGHT: f64 = 1.0;
/// The one who blames is seen a little negatively (conflict), not much.
const BLAMER_WEIGHT: f64 = 0.25;
/// Blame near the actor, role unknown.
const UNKNOWN_BLAME_WEIGHT: f64 = 0.5;
/// The one supported, praised or protected carries the support in full.
const RECIPIENT_WEIGHT: f64 = 1.0;
/// The one who supports is seen positively, less than the one supported.
const SUPPORTER_WEIGHT: f64 = 0.6;
/// Support near the actor, role unknown.
const UNKNOWN_SUPPORT_WEIGHT: f64 = 0.6;
/// The speaker's own quoted words say little about how the text sees the speaker.
const OWN_WORDS_WEIGHT: f64 = 0.3;
/// Largest gap in words between an actor and an act for a grammatical role.
const MAX_ROLE_GAP: usize = 6;
/// A victim marker ("tués", "victims") this close to the actor makes it a victim.
const VICTIM_MARKER_GAP: usize = 3;
/// VADER's normalisation constant: raw sums near ±4 map to about ±0.7.
const NORMALISATION_ALPHA: f64 = 15.0;
/// Mention scores within this band of zero are read as neutral (tuned on
/// NewsMTSC train, never on dev).
pub const NEUTRAL_BAND: f64 = 0.05;
/// A delegitimising label ("régime", "terroriste", "soi-disant") names what
/// stands right next to it, not the whole sentence: at most this many words away.
const LABEL_GAP: usize = 2;
/// Support given to what is labelled terrorist or criminal ("aide au
/// terrorisme", "en collaboration avec les terroristes") counts against the
/// supporter: the label must stand within this many words after the support word.
const BAD_COMPANY_GAP: usize = 3;
/// A positive cue inside what a distancing verb introduces ("prétendait que
/// ses forces protégeaient les civils", "claimed that") is the actor's claim,
/// which the source does not endorse: it keeps this share of its weight.
const DISTANCED_FACTOR: f64 = 0.25;
/// Most words a speaker's name takes after a verb of saying.
const MAX_SPEAKER_WORDS: usize = 6;

// ------------------------------------------------------------ the lexicon

/// What a scored word does to the actor near it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Violence and harm: blames the agent, not the victim.
    Harm,
    /// Criticism, accusation: blames the one blamed.
    Blame,
    /// Help, praise, protection: credits the one helped.
    Support,
    /// Moral judgement: qualifies what it is next to.
    Judgement,
    /// Delegitimising labels (terroriste, soi-disant).
    Delegit,
    /// Other evaluative words.
    General,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pos {
    Verb,
    Noun,
    Adj,
    Adv,
    Phrase,
    Prefix,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    score: f64,
    class: Class,
    pos: Pos,
}

/// What a cue word does (see data/lexicon/cues_*.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Negator,
    Intensifier,
    Diminisher,
    Contrast,
    Saying,
    According,
    Agentive,
    Passive,
    AgentPrep,
    AgainstPrep,
    WithPrep,
    Genitive,
    PatientNoun,
    VictimMarker,
    Distancing,
}

/// The language of a lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    /// `en` is English; everything else is read with the French lists, the
    /// corpus language Prisme is built for.
    pub fn from_code(code: &str) -> Lang {
        if code.trim().eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Fr
        }
    }
}

/// One language's lists as a trie over token keys: the root's children are
/// the first words of every entry and cue, and a phrase ("mis en cause") is
/// a path. A word is looked up once per analysis ([`Tables`]); a longer
/// match is followed only from nodes that have children.
struct Lexicon {
    nodes: Vec<Node>,
    prefixes: Vec<(String, Entry)>,
}

/// What the lists say of the word or phrase that ends at a node.
#[derive(Default)]
struct Node {
    entry: Option<Entry>,
    cues: Vec<(Kind, f64)>,
    children: FxHashMap<Box<str>, u32>,
}

/// Marks a key that starts no entry or cue.
const NO_NODE: u32 = u32::MAX;

/// A problem in a data file: its line and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    pub line: usize,
    pub message: String,
}

fn phrase_key(term: &str) -> String {
    keys_of(term).into_iter().map(|(_, _, k)| k).collect::<Vec<_>>().join(" ")
}

fn parse_class(s: &str) -> Option<Class> {
    Some(match s {
        "harm" => Class::Harm,
        "blame" => Class::Blame,
        "support" => Class::Support,
        "judgement" => Class::Judgement,
        "delegit" => Class::Delegit,
        "general" => Class::General,
        _ => return None,
    })
}

fn parse_pos(s: &str) -> Option<Pos> {
    Some(match s {
        "verb" => Pos::Verb,
        "noun" => Pos::Noun,
        "adj" => Pos::Adj,
        "adv" => Pos::Adv,
        "phrase" => Pos::Phrase,
        "prefix" => Pos::Prefix,
        _ => return None,
    })
}

fn parse_kind(s: &str) -> Option<Kind> {
    Some(match s {
        "negator" => Kind::Negator,
        "intensifier" => Kind::Intensifier,
        "diminisher" => Kind::Diminisher,
        "contrast" => Kind::Contrast,
        "saying" => Kind::Saying,
        "according" => Kind::According,
        "agentive" => Kind::Agentive,
        "passive" => Kind::Passive,
        "agent_prep" => Kind::AgentPrep,
        "against_prep" => Kind::AgainstPrep,
        "with_prep" => Kind::WithPrep,
        "genitive" => Kind::Genitive,
        "patient_noun" => Kind::PatientNoun,
        "victim_marker" => Kind::VictimMarker,
        "distancing" => Kind::Distancing,
        _ => return None,
    })
}

fn data_lines(src: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

/// Parses a sentiment lexicon (`term, score, pos, class, note`) in full.
/// Fails on a bad line, a score outside [−4, 4], an unknown part of speech
/// or class, and a term given twice (after folding case and accents).
fn parse_lexicon(src: &str) -> Result<(FxHashMap<String, Entry>, Vec<(String, Entry)>), DataError> {
    let mut words = FxHashMap::default();
    let mut prefixes = Vec::new();
    for (line, f) in data_lines(src) {
        let err = |message: String| DataError { line, message };
        if f.len() < 4 {
            return Err(err(format!("expected term, score, pos, class: {f:?}")));
        }
        let score: f64 = f[1].parse().map_err(|_| err(format!("bad score {:?}", f[1])))?;
        if !(-4.0..=4.0).contains(&score) || score == 0.0 {
            return Err(err(format!("score {score} outside [-4, 4] or zero")));
        }
        let pos = parse_pos(f[2]).ok_or_else(|| err(format!("unknown part of speech {:?}", f[2])))?;
        let class = parse_class(f[3]).ok_or_else(|| err(format!("unknown class {:?}", f[3])))?;
        let entry = Entry { score, class, pos };
        if pos == Pos::Prefix {
            prefixes.push((super::fold::fold(f[0]), entry));
            continue;
        }
        let key = phrase_key(f[0]);
        if key.is_empty() {
            return Err(err("empty term".into()));
        }
        if words.insert(key.clone(), entry).is_some() {
            return Err(err(format!("duplicate term {key:?}")));
        }
    }
    Ok((words, prefixes))
}

/// Parses a cue list (`term, kind, factor, note`) in full. Fails on unknown
/// kinds, factors that do not fit their kind, and a term given twice for one kind.
fn parse_cues(src: &str) -> Result<FxHashMap<String, Vec<(Kind, f64)>>, DataError> {
    let mut cues: FxHashMap<String, Vec<(Kind, f64)>> = FxHashMap::default();
    for (line, f) in data_lines(src) {
        let err = |message: String| DataError { line, message };
        if f.len() < 3 {
            return Err(err(format!("expected term, kind, factor: {f:?}")));
        }
        let kind = parse_kind(f[1]).ok_or_else(|| err(format!("unknown kind {:?}", f[1])))?;
        let factor: f64 = f[2].parse().map_err(|_| err(format!("bad factor {:?}", f[2])))?;
        let ok = match kind {
            Kind::Negator => (-1.0..0.0).contains(&factor),
            Kind::Intensifier => factor > 1.0 && factor <= 2.0,
            Kind::Diminisher => factor > 0.0 && factor < 1.0,
            Kind::Contrast => factor > 1.0 && factor <= 2.0,
            _ => factor == 1.0,
        };
        if !ok {
            return Err(err(format!("factor {factor} does not fit kind {:?}", f[1])));
        }
        let key = phrase_key(f[0]);
        let list = cues.entry(key.clone()).or_default();
        if list.iter().any(|(k, _)| *k == kind) {
            return Err(err(format!("duplicate cue {key:?} for {:?}", f[1])));
        }
        list.push((kind, factor));
    }
    Ok(cues)
}

fn load(lexicon: &str, cues: &str) -> Lexicon {
    let (words, prefixes) = parse_lexicon(lexicon).expect("built-in lexicon parses (tested)");
    let cues = parse_cues(cues).expect("built-in cue list parses (tested)");
    let mut nodes = vec![Node::default()];
    let node_of = |nodes: &mut Vec<Node>, key: &str| -> usize {
        let mut n = 0;
        for part in key.split(' ') {
            let next = nodes.len() as u32;
            let child = *nodes[n].children.entry(part.into()).or_insert(next);
            if child == next {
                nodes.push(Node::default());
            }
            n = child as usize;
        }
        n
    };
    for (key, entry) in words {
        let n = node_of(&mut nodes, &key);
        nodes[n].entry = Some(entry);
    }
    for (key, list) in cues {
        let n = node_of(&mut nodes, &key);
        nodes[n].cues = list;
    }
    Lexicon { nodes, prefixes }
}

static FR: LazyLock<Lexicon> = LazyLock::new(|| {
    load(include_str!("../../data/lexicon/sentiment_fr.tsv"), include_str!("../../data/lexicon/cues_fr.tsv"))
});
static EN: LazyLock<Lexicon> = LazyLock::new(|| {
    load(include_str!("../../data/lexicon/sentiment_en.tsv"), include_str!("../../data/lexicon/cues_en.tsv"))
});

/// Loads the lexicon and model of `lang` (see [`super::warm_up`]).
pub(crate) fn warm_up(lang: Lang) {
    lexicon(lang);
    if model::for_lang(lang).is_some() {
        LazyLock::force(&model::DENSE_AT);
    }
}

fn lexicon(lang: Lang) -> &'static Lexicon {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

// ------------------------------------------------------------ results

/// The sentiment toward an actor at one mention.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionSentiment {
    /// −1 wholly negative, +1 wholly positive, 0 neutral or balanced.
    pub score: f64,
    pub role: Role,
    /// Who is quoted when the mention is in reported speech ("a déclaré
    /// Pompeo", "selon Moscou", "X said"); `None` for the source's own voice.
    pub speaker: Option<Span>,
    /// The words that moved the score (the text at each span), in text order.
    pub cues: Vec<CueRow>,
}

impl MentionSentiment {
    /// −1, 0 or 1: the score read with the neutral band.
    pub fn polarity(&self) -> i8 {
        if self.score >= NEUTRAL_BAND {
            1
        } else if self.score <= -NEUTRAL_BAND {
            -1
        } else {
            0
        }
    }
}

/// Rounds to 4 decimals, the precision of every score Prisme writes. A
/// value that rounds to zero is 0, never -0 (which JSON would keep and a
/// table would show as "-0.00").
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0 + 0.0
}

// ------------------------------------------------------------ scoring

/// Scores the actor at `target` inside the sentence at `sentence` of `text`
/// (byte spans; `lang` is `fr` or `en`). Used by the NewsMTSC harness and the
/// page's explain view; [`super::analyse`] does the same on its own tokens.
pub fn score_target(text: &str, sentence: Span, target: Span, lang: &str) -> MentionSentiment {
    let sentence = Span::new(sentence.start().min(text.len()), sentence.end().min(text.len()));
    if !text.is_char_boundary(sentence.start()) || !text.is_char_boundary(sentence.end()) {
        return MentionSentiment { score: 0.0, role: Role::Neutral, speaker: None, cues: Vec::new() };
    }
    let mut vocab = Vocab::new();
    let tokens = tokenize(text, sentence, &mut vocab);
    score_in_tokens(text, &tokens, &vocab, target, Lang::from_code(lang))
}

/// The lexicon of one language read against the vocabulary of an analysis:
/// for each key, the trie node it starts (or [`NO_NODE`]) and whether a
/// prefix entry ("pseudo-") scores it. Built once per analysis and language;
/// every token after that is two array reads.
pub(crate) struct Tables {
    lang: Lang,
    start: Vec<u32>,
    prefix: Vec<Option<Entry>>,
    /// The hashed forms of the words the language's model has read (when it has a model).
    forms: Option<std::cell::RefCell<model::Forms>>,
}

impl Tables {
    pub(crate) fn new(vocab: &Vocab, lang: Lang) -> Tables {
        let lex = lexicon(lang);
        let root = &lex.nodes[0];
        let mut start = Vec::with_capacity(vocab.keys());
        let mut prefix = Vec::with_capacity(vocab.keys());
        for k in 0..vocab.keys() as u32 {
            let key = vocab.key(k);
            start.push(root.children.get(key).copied().unwrap_or(NO_NODE));
            prefix.push(lex.prefixes.iter().find(|(p, _)| key.starts_with(p.as_str()) && key.len() > p.len()).map(|(_, e)| *e));
        }
        let forms = model::for_lang(lang).map(|m| std::cell::RefCell::new(model::Forms::new(m.spec)));
        Tables { lang, start, prefix, forms }
    }
}

/// What the scorer knows about one token: the scored word or phrase starting
/// here (its entry and length in tokens) and the cue kinds of the words and
/// phrases starting here, with their factors and lengths.
#[derive(Default, Clone, Copy)]
struct Slot {
    entry: Option<(Entry, usize)>,
    /// Bit `Kind as u16` for each kind.
    kinds: u16,
    intensifier: f64,
    diminisher: f64,
    contrast: f64,
    /// Tokens of the verb of saying and of the "according to" phrase starting here.
    saying_len: usize,
    according_len: usize,
}

impl Slot {
    fn has(&self, k: Kind) -> bool {
        self.kinds & (1 << k as u16) != 0
    }
    /// The factor of a kind that has one (intensifier, diminisher, contrast).
    fn factor(&self, k: Kind) -> Option<f64> {
        if !self.has(k) {
            return None;
        }
        match k {
            Kind::Intensifier => Some(self.intensifier),
            Kind::Diminisher => Some(self.diminisher),
            Kind::Contrast => Some(self.contrast),
            _ => Some(1.0),
        }
    }
    /// A cue of kind `k` and `factor` over `len` tokens; a longer phrase of
    /// the same kind replaces a shorter one.
    fn set(&mut self, k: Kind, factor: f64, len: usize) {
        self.kinds |= 1 << k as u16;
        match k {
            Kind::Intensifier => self.intensifier = factor,
            Kind::Diminisher => self.diminisher = factor,
            Kind::Contrast => self.contrast = factor,
            Kind::Saying => self.saying_len = len,
            Kind::According => self.according_len = len,
            _ => {}
        }
    }
}

fn annotate(tokens: &[Token], vocab: &Vocab, tables: &Tables) -> Vec<Slot> {
    let lex = lexicon(tables.lang);
    let mut slots = vec![Slot::default(); tokens.len()];
    for i in 0..tokens.len() {
        if !matches!(tokens[i].kind(), TokenKind::Word | TokenKind::Elision | TokenKind::Clitic) {
            continue;
        }
        let slot = &mut slots[i];
        let mut node = tables.start[tokens[i].key() as usize];
        let mut len = 1;
        while node != NO_NODE {
            let n = &lex.nodes[node as usize];
            if let Some(e) = n.entry {
                slot.entry = Some((e, len));
            }
            for &(k, f) in &n.cues {
                slot.set(k, f, len);
            }
            if n.children.is_empty() || i + len >= tokens.len() {
                break;
            }
            node = n.children.get(vocab.key(tokens[i + len].key())).copied().unwrap_or(NO_NODE);
            len += 1;
        }
        if slot.entry.is_none() {
            if let Some(e) = tables.prefix[tokens[i].key() as usize] {
                slot.entry = Some((e, 1));
            }
        }
    }
    slots
}

fn is_strong_break(s: &str) -> bool {
    matches!(s, ";" | ":" | "—" | "–" | "(" | ")" | "[" | "]")
}

fn is_quote(s: &str) -> bool {
    matches!(s, "«" | "»" | "\"" | "“" | "”")
}

/// Whether a form of a verb reads as a past participle.
fn is_participle(key: &str, lang: Lang) -> bool {
    match lang {
        Lang::En => key.ends_with("ed") || key.ends_with("en") || matches!(key, "shot" | "hit" | "struck" | "hurt" | "slain" | "held" | "led" | "won" | "lost" | "fed"),
        Lang::Fr => {
            ["e", "ee", "es", "ees", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "t", "te", "ts", "tes"]
                .iter()
                .any(|e| key.ends_with(e))
                && !key.ends_with("ent")
        }
    }
}

/// One sentence as the scorer reads it, whatever the target: its cue
/// annotations, word positions, quotations, speaker and last contrast word.
/// Built once per sentence and shared by every mention in it.
struct Ctx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    vocab: &'a Vocab,
    tables: &'a Tables,
    /// The index of each token's form in `tables.forms` (empty without a model).
    forms: Vec<u32>,
    slots: Vec<Slot>,
    lang: Lang,
    /// Index among word tokens, for distances.
    word_index: Vec<usize>,
    /// Token ranges inside quotation marks.
    quotes: Vec<std::ops::Range<usize>>,
    /// Who speaks in the sentence, if anyone.
    speaker: Option<Span>,
    /// The last contrast word ("mais", "but") with a token after it.
    contrast: Option<usize>,
}

impl<'a> Ctx<'a> {
    fn new(text: &'a str, tokens: &'a [Token], vocab: &'a Vocab, tables: &'a Tables) -> Self {
        let lang = tables.lang;
        let mut word_index = Vec::with_capacity(tokens.len());
        let mut n = 0;
        for t in tokens {
            word_index.push(n);
            if t.kind() != TokenKind::Punct {
                n += 1;
            }
        }
        let forms = tables.forms.as_ref().map(|f| f.borrow_mut().of_tokens(tokens, vocab)).unwrap_or_default();
        let mut ctx = Ctx { text, tokens, vocab, tables, forms, slots: annotate(tokens, vocab, tables), lang, word_index, quotes: Vec::new(), speaker: None, contrast: None };
        ctx.quotes = quote_regions(&ctx);
        ctx.speaker = find_speaker(&ctx, &ctx.quotes);
        ctx.contrast = (0..tokens.len()).rev().find(|&i| ctx.slots[i].has(Kind::Contrast) && i + 1 < tokens.len());
        ctx
    }
}

impl<'a> Ctx<'a> {
    /// The matching key of token `i`.
    fn key(&self, i: usize) -> &'a str {
        self.vocab.key(self.tokens[i].key())
    }
    fn s(&self, i: usize) -> &str {
        self.tokens[i].span.slice(self.text)
    }
    fn is_punct(&self, i: usize) -> bool {
        self.tokens[i].kind() == TokenKind::Punct
    }
    /// Words strictly between token `a` and token `b` (a < b).
    fn words_between(&self, a: usize, b: usize) -> usize {
        self.word_index[b].saturating_sub(self.word_index[a] + 1)
    }
    fn gap_has(&self, from: usize, to: usize, k: Kind) -> bool {
        (from..to).any(|i| self.slots[i].has(k))
    }
    fn gap_has_punct(&self, from: usize, to: usize) -> bool {
        (from..to).any(|i| self.is_punct(i) && !is_quote(self.s(i)) && self.s(i) != "'")
    }
}

/// Scores the target span given the tokens of its sentence: with the
/// language's trained model when there is one (see [`model`]), else with the
/// lexicon scorer alone.
pub(crate) fn score_in_tokens(text: &str, tokens: &[Token], vocab: &Vocab, target: Span, lang: Lang) -> MentionSentiment {
    let tables = Tables::new(vocab, lang);
    score_in_ctx(&Ctx::new(text, tokens, vocab, &tables), target)
}

fn score_in_ctx(ctx: &Ctx, target: Span) -> MentionSentiment {
    let Some(pass) = lexicon_pass(ctx, target) else {
        return MentionSentiment { score: 0.0, role: Role::Neutral, speaker: None, cues: Vec::new() };
    };
    // The language's model, with the forms of the words it has read.
    match (model::for_lang(ctx.lang), &ctx.tables.forms) {
        (Some(m), Some(table)) => m.score(&pass, &ctx.forms, &table.borrow()),
        _ => {
            let raw = pass.raw;
            let score = round4(raw / (raw * raw + NORMALISATION_ALPHA).sqrt());
            let cues = pass.facts.iter().map(|f| CueRow { span: f.span, weight: f.weight }).collect();
            MentionSentiment { score, role: pass.role, speaker: pass.speaker, cues }
        }
    }
}

/// What the lexicon scorer found at one mention: its cues (with where they
/// stand relative to the target) and the target's role and voice. The
/// lexicon score and the model's features are both read from it.
struct Pass<'a> {
    ctx: &'a Ctx<'a>,
    /// The target's tokens: `ts..te`.
    ts: usize,
    te: usize,
    /// The lexicon scorer's raw sum (before squashing).
    raw: f64,
    /// The cues, in text order.
    facts: Vec<CueFact>,
    role: Role,
    speaker: Option<Span>,
    target_quoted: bool,
    target_is_speaker: bool,
}

/// Where a lexicon cue stands and what happened to it.
#[derive(Debug, Clone, Copy)]
struct CueFact {
    /// Its tokens: `start..end`, and their text.
    start: usize,
    end: usize,
    span: Span,
    /// What it adds to the lexicon score (4 decimals).
    weight: f64,
    /// Before the target.
    left: bool,
    /// Words between cue and target.
    dist: usize,
    class: Class,
    negated: bool,
    /// Inside a quotation.
    quoted: bool,
    /// Inside what a distancing verb introduces.
    distanced: bool,
}

fn lexicon_pass<'a>(ctx: &'a Ctx<'a>, target: Span) -> Option<Pass<'a>> {
    let tokens = ctx.tokens;
    let ts = tokens.iter().position(|t| t.span.start < target.end && t.span.end > target.start)?;
    let te = ts + tokens[ts..].iter().rposition(|t| t.span.start < target.end && t.span.end > target.start)? + 1;
    let quotes = &ctx.quotes;
    let speaker = ctx.speaker;
    let in_quote = |i: usize| quotes.iter().any(|r| r.contains(&i));
    let target_quoted = in_quote(ts);
    let target_is_speaker = speaker.is_some_and(|sp| sp.start < target.end && sp.end > target.start);
    let contrast = ctx.contrast;

    let mut raw = 0.0;
    let mut facts = Vec::new();
    let (mut agent, mut victim, mut recipient) = (0.0f64, 0.0f64, 0.0f64);
    let mut i = 0;
    while i < tokens.len() {
        let Some((entry, len)) = ctx.slots[i].entry else {
            i += 1;
            continue;
        };
        let end = i + len;
        if i < te && end > ts {
            // The actor's own name is not a cue about itself.
            i = end;
            continue;
        }
        // A word that is also a grammatical marker here (negator, saying verb
        // "accusé" is still a cue) — only pure function words are skipped.
        if ctx.slots[i].has(Kind::Negator) || ctx.slots[i].has(Kind::Intensifier) || ctx.slots[i].has(Kind::Diminisher) {
            i = end;
            continue;
        }
        let (near, far) = if end <= ts { (end - 1, ts) } else { (te - 1, i) };
        let dist = ctx.words_between(near, far);
        if dist > MAX_DISTANCE {
            i = end;
            continue;
        }
        if entry.class == Class::Delegit && (dist > LABEL_GAP || ctx.gap_has_punct(near + 1, far)) {
            i = end;
            continue;
        }
        let mut w = 1.0 / (1.0 + dist as f64 / DISTANCE_HALF);
        for j in near + 1..far {
            let s = ctx.s(j);
            if is_strong_break(s) {
                w *= CLAUSE_DAMP;
            } else if s == "," {
                w *= COMMA_DAMP;
            }
        }
        let is_negated = negated(&ctx, i);
        if is_negated {
            w *= NEGATION_FACTOR;
        }
        w *= booster(&ctx, i);
        let distanced = distanced_at(&ctx, i);
        if distanced && w * entry.score > 0.0 {
            w *= DISTANCED_FACTOR;
        }
        if let Some(c) = contrast {
            let factor = ctx.slots[c].factor(Kind::Contrast).unwrap_or(1.0);
            if i > c {
                w *= factor;
            } else {
                w *= 2.0 - factor;
            }
        }
        let role = role_of(&ctx, ts, te, i, end, entry);
        let strength = entry.score.abs();
        let base = match (entry.class, role) {
            (Class::Harm, Some(Role::Agent)) => -strength * AGENT_WEIGHT,
            (Class::Harm, Some(Role::Victim)) => strength * VICTIM_WEIGHT,
            (Class::Harm, _) => entry.score * UNKNOWN_HARM_WEIGHT,
            (Class::Blame, Some(Role::Victim)) => -strength * BLAMED_WEIGHT,
            (Class::Blame, Some(Role::Agent)) => -strength * BLAMER_WEIGHT,
            (Class::Blame, _) => entry.score * UNKNOWN_BLAME_WEIGHT,
            (Class::Support, Some(Role::Victim)) => strength * RECIPIENT_WEIGHT,
            (Class::Support, Some(Role::Agent)) => strength * SUPPORTER_WEIGHT,
            (Class::Support, _) => entry.score * UNKNOWN_SUPPORT_WEIGHT,
            _ => entry.score,
        };
        let base = if entry.class == Class::Support && end <= ts.max(end) && supports_bad(&ctx, end, ts, te) {
            -strength * SUPPORTER_WEIGHT
        } else {
            base
        };
        let mut weight = base * w;
        if target_is_speaker && in_quote(i) && !target_quoted {
            weight *= OWN_WORDS_WEIGHT;
        }
        match (entry.class, role) {
            (Class::Harm, Some(Role::Agent)) => agent += w.abs() * strength,
            (Class::Harm, Some(Role::Victim)) => victim += w.abs() * strength,
            (Class::Support, Some(Role::Victim)) => recipient += w.abs() * strength,
            _ => {}
        }
        raw += weight;
        let span = Span::new(tokens[i].span.start(), tokens[end - 1].span.end());
        facts.push(CueFact { start: i, end, span, weight: round4(weight), left: end <= ts, dist, class: entry.class, negated: is_negated, quoted: in_quote(i), distanced });
        i = end;
    }
    if victim_marked(&ctx, ts, te) {
        victim += 1.0;
    }
    let role = if agent > 0.0 && agent >= victim {
        Role::Agent
    } else if victim > 0.0 {
        Role::Victim
    } else if recipient > 0.0 {
        Role::Recipient
    } else {
        Role::Neutral
    };
    let speaker = if target_quoted || speaker.is_some() { speaker } else { None };
    Some(Pass { ctx, ts, te, raw, facts, role, speaker, target_quoted, target_is_speaker })
}

/// A distancing verb ("prétendre", "claim") before token `i` in its clause:
/// the cue is part of a claim the source does not endorse.
fn distanced_at(ctx: &Ctx, i: usize) -> bool {
    let mut j = i;
    while j > 0 {
        j -= 1;
        if ctx.is_punct(j) && (is_strong_break(ctx.s(j)) || is_terminal(ctx.s(j))) {
            return false;
        }
        if ctx.slots[j].has(Kind::Distancing) {
            return true;
        }
    }
    false
}

/// A negator in the few words before the cue, within its clause. French
/// "plus", "rien", "personne", "point" negate only with a "ne" before them.
fn negated(ctx: &Ctx, i: usize) -> bool {
    let mut seen = 0;
    let mut j = i;
    while j > 0 && seen < NEGATION_WINDOW + 1 {
        j -= 1;
        if ctx.is_punct(j) {
            if ctx.s(j) == "," || is_strong_break(ctx.s(j)) || is_quote(ctx.s(j)) {
                return false;
            }
            continue;
        }
        seen += 1;
        if ctx.slots[j].has(Kind::Negator) {
            let weak = ctx.lang == Lang::Fr && matches!(ctx.key(j), "plus" | "rien" | "personne" | "point");
            if !weak {
                return true;
            }
            let from = j.saturating_sub(4);
            if (from..j).any(|k| matches!(ctx.key(k), "ne" | "n'")) {
                return true;
            }
        }
    }
    false
}

/// The factor of a booster or damper right before the cue (1 if none).
fn booster(ctx: &Ctx, i: usize) -> f64 {
    let mut seen = 0;
    let mut j = i;
    while j > 0 && seen < BOOSTER_WINDOW {
        j -= 1;
        if ctx.is_punct(j) {
            return 1.0;
        }
        seen += 1;
        if let Some(f) = ctx.slots[j].factor(Kind::Intensifier).or_else(|| ctx.slots[j].factor(Kind::Diminisher)) {
            return f;
        }
    }
    1.0
}

/// The role of the target in the act named by the cue at `[c, ce)`:
/// `Agent` (does it), `Victim` (undergoes or receives it), or `None`.
fn role_of(ctx: &Ctx, ts: usize, te: usize, c: usize, ce: usize, entry: Entry) -> Option<Role> {
    if !matches!(entry.class, Class::Harm | Class::Blame | Class::Support) {
        return None;
    }
    let is_verb = entry.pos == Pos::Verb;
    let is_noun = matches!(entry.pos, Pos::Noun | Pos::Phrase);
    if ce <= ts {
        // The act comes first: "attaque menée par X", "bombarder X", "solidarité avec X".
        if ctx.words_between(ce - 1, ts) > MAX_ROLE_GAP || ctx.gap_has_punct(ce, ts) {
            return None;
        }
        if ctx.gap_has(ce, ts, Kind::AgentPrep) {
            return Some(Role::Agent);
        }
        if ctx.gap_has(ce, ts, Kind::AgainstPrep) {
            return Some(Role::Victim);
        }
        let patient_noun = ctx.slots[c].has(Kind::PatientNoun) || (ce - c > 1 && ctx.slots[ce - 1].has(Kind::PatientNoun));
        if is_noun && ctx.words_between(ce - 1, ts) <= 3 && ctx.gap_has(ce, ts, Kind::Genitive) {
            // "frappe du régime" (agent) but "massacre des civils", "killing of X" (patient).
            return Some(if patient_noun || ctx.lang == Lang::En { Role::Victim } else { Role::Agent });
        }
        if entry.class == Class::Support && ctx.gap_has(ce, ts, Kind::WithPrep) {
            return Some(Role::Victim);
        }
        if is_verb && ctx.words_between(ce - 1, ts) <= 3 {
            // Object of an active verb; a participle straight before a name is
            // most often passive ("soutenu par"), handled above.
            return Some(Role::Victim);
        }
        return None;
    }
    // The act comes after the target: "X a bombardé", "X was attacked", "X's attack".
    if ctx.words_between(te - 1, c) > MAX_ROLE_GAP || ctx.gap_has_punct(te, c) {
        return None;
    }
    let key = ctx.key(ce - 1);
    if is_verb && ctx.gap_has(te, c, Kind::Passive) && is_participle(key, ctx.lang) {
        return Some(Role::Victim);
    }
    if te == c || (c - te == 1 && ctx.tokens[te].kind() == TokenKind::Clitic) {
        // "X's attack" / a participle glued to the name ("civils tués").
        if (te..c).any(|j| ctx.key(j) == "'s") {
            let patient_noun = ctx.slots[c].has(Kind::PatientNoun);
            return Some(if patient_noun { Role::Victim } else { Role::Agent });
        }
        if is_verb && is_participle(key, ctx.lang) && !(ctx.lang == Lang::En && takes_object(ctx, ce)) {
            // "les civils tués", but "les forces soutenues par" is the same role.
            return Some(Role::Victim);
        }
    }
    if is_verb {
        // An agent in a passive comes after "par/by"; here the target is the subject.
        if ctx.gap_has(te, c, Kind::AgentPrep) {
            return None;
        }
        if is_participle(key, ctx.lang) && ctx.lang == Lang::Fr && !ctx.gap_has(te, c, Kind::Agentive) {
            // French compound past needs "a/ont"; a bare participle is an adjective.
            let aux = (te..c).any(|j| matches!(ctx.key(j), "a" | "ont" | "avait" | "avaient" | "aura" | "auraient" | "aurait"));
            return if aux { Some(Role::Agent) } else { None };
        }
        return Some(Role::Agent);
    }
    if is_noun && ctx.gap_has(te, c, Kind::Agentive) {
        return Some(Role::Agent);
    }
    None
}

/// An English "-ed" form followed by its object is a simple past, not a
/// participle: "the junta bombed several villages" (agent) against "civilians
/// killed in the strike", "protesters arrested." (victims).
fn takes_object(ctx: &Ctx, after: usize) -> bool {
    after < ctx.tokens.len()
        && !ctx.is_punct(after)
        && !matches!(
            ctx.key(after),
            "by" | "in" | "at" | "on" | "during" | "near" | "after" | "when" | "while" | "as" | "and" | "or" | "for" | "last" | "yesterday" | "overnight" | "early" | "late"
        )
}

/// The support word ending before token `from` is given to something labelled
/// terrorist, criminal or harmful (not to the target itself).
fn supports_bad(ctx: &Ctx, from: usize, ts: usize, te: usize) -> bool {
    let mut words = 0;
    for j in from..ctx.tokens.len() {
        if ctx.is_punct(j) || (j >= ts && j < te) {
            return false;
        }
        words += 1;
        if words > BAD_COMPANY_GAP + 1 {
            return false;
        }
        if let Some((e, _)) = ctx.slots[j].entry {
            if e.class == Class::Delegit || (e.class == Class::Harm && e.pos == Pos::Noun) || (e.class == Class::General && e.score <= -2.5 && e.pos == Pos::Noun) {
                return true;
            }
        }
    }
    false
}

/// A victim word next to the target: "33 soldats turcs sont tombés", "civilians killed".
fn victim_marked(ctx: &Ctx, ts: usize, te: usize) -> bool {
    let after = (te..ctx.tokens.len())
        .take_while(|&j| !ctx.is_punct(j) || ctx.s(j) == "'")
        .take(VICTIM_MARKER_GAP + 1)
        .any(|j| ctx.slots[j].has(Kind::VictimMarker));
    let before = (0..ts)
        .rev()
        .take_while(|&j| !ctx.is_punct(j))
        .take(VICTIM_MARKER_GAP)
        .any(|j| ctx.slots[j].has(Kind::VictimMarker) && ctx.slots[j].entry.is_none_or(|(e, _)| e.class != Class::Harm || e.pos == Pos::Noun));
    after || before
}

/// Token ranges inside quotation marks. A closing mark with no opening one
/// closes a quotation that began before the sentence.
fn quote_regions(ctx: &Ctx) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for i in 0..ctx.tokens.len() {
        let s = ctx.s(i);
        match s {
            "«" | "“" => open = Some(i),
            "»" | "”" => {
                out.push(open.take().map_or(0, |o| o + 1)..i);
            }
            "\"" => match open.take() {
                Some(o) => out.push(o + 1..i),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push(o + 1..ctx.tokens.len());
    }
    out
}

/// Who speaks in the sentence: the name after "selon"/"according to", after
/// an inverted verb of saying ("a déclaré Pompeo", "said Pompeo"), or before
/// one ("Pompeo said", "Moscou a annoncé"), outside any quotation.
fn find_speaker(ctx: &Ctx, quotes: &[std::ops::Range<usize>]) -> Option<Span> {
    let n = ctx.tokens.len();
    let quoted = |i: usize| quotes.iter().any(|r| r.contains(&i));
    for i in 0..n {
        let slot = &ctx.slots[i];
        if quoted(i) || !(slot.has(Kind::Saying) || slot.has(Kind::According)) {
            continue;
        }
        let len = slot.saying_len.max(slot.according_len);
        let after = i + len;
        // After the verb: an inverted pronoun ("a-t-il dit", "dit-elle") is
        // the speaker; else skip a "to X," / "à X," phrase, then take a name.
        let mut j = after;
        if j < n && ctx.tokens[j].kind() == TokenKind::Clitic {
            return Some(ctx.tokens[j].span);
        }
        if j < n && matches!(ctx.key(j), "a" | "a l'" | "au" | "aux" | "to") && !slot.has(Kind::According) {
            while j < n && ctx.s(j) != "," && !is_terminal(ctx.s(j)) {
                j += 1;
            }
            j += 1;
        }
        if let Some(sp) = phrase_from(ctx, j) {
            let starts_name = ctx.s(j).chars().next().is_some_and(|c| c.is_uppercase())
                || is_determiner(ctx.key(j))
                || slot.has(Kind::According);
            if starts_name && !quoted(j) {
                return Some(sp);
            }
        }
        // Before the verb: "Pompeo said", "Moscou a annoncé".
        let mut k = i;
        while k > 0 && matches!(ctx.key(k - 1), "a" | "ont" | "has" | "have" | "had" | "avait" | "avaient" | "also" | "aussi" | "est" | "is") {
            k -= 1;
        }
        let mut start = k;
        while start > 0 && k - start < MAX_SPEAKER_WORDS && !ctx.is_punct(start - 1) && !quoted(start - 1) {
            start -= 1;
        }
        let named = ctx.tokens[start..k].iter().any(|t| t.span.slice(ctx.text).chars().next().is_some_and(char::is_uppercase));
        if start < k && (named || is_determiner(ctx.key(start))) {
            return Some(Span::new(ctx.tokens[start].span.start(), ctx.tokens[k - 1].span.end()));
        }
    }
    None
}

fn is_determiner(key: &str) -> bool {
    matches!(key, "le" | "la" | "les" | "l'" | "un" | "une" | "des" | "the" | "a" | "an")
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

/// The noun phrase starting at token `j`, up to punctuation or a few words.
fn phrase_from(ctx: &Ctx, j: usize) -> Option<Span> {
    let n = ctx.tokens.len();
    if j >= n || ctx.is_punct(j) {
        return None;
    }
    let mut e = j;
    while e < n && !ctx.is_punct(e) && e - j < MAX_SPEAKER_WORDS && !ctx.slots[e].has(Kind::Saying) {
        e += 1;
    }
    (e > j).then(|| Span::new(ctx.tokens[j].span.start(), ctx.tokens[e - 1].span.end()))
}


// ------------------------------------------------------------ the trained model

/// A small trained model on top of the lexicon scorer: a multinomial logistic
/// regression (negative, neutral, positive) whose features are what the
/// lexicon pass found (cue sums by side, distance, class, negation,
/// quotation; the target's role and voice; the sentence's scored words) and,
/// for English, hashed words around the target. Linear in its features, so
/// every word's part can be shown: each cue row's `weight` is what that word
/// (or phrase) added to the log-odds of positive over negative, through every
/// feature it feeds. What no word carries (the bias, the role, the voice) is
/// the rest of the sum.
/// Trained by `examples/train_sentiment.rs` on NewsMTSC train; the weights are
/// in `data/sentiment/` (numbers only, no sentence).
pub(crate) mod model {
    use super::*;

    /// Names of the dense features, in index order (the weight file uses them).
    pub const DENSE: &[&str] = &[
        "bias",
        "role_agent",
        "role_victim",
        "role_recipient",
        "target_quoted",
        "speaker",
        "target_is_speaker",
        "target_first",
        "target_pronoun",
        "cue_pos",
        "cue_neg",
        "cue_left_near_pos",
        "cue_left_near_neg",
        "cue_left_far_pos",
        "cue_left_far_neg",
        "cue_right_near_pos",
        "cue_right_near_neg",
        "cue_right_far_pos",
        "cue_right_far_neg",
        "cue_harm_pos",
        "cue_harm_neg",
        "cue_blame_pos",
        "cue_blame_neg",
        "cue_support_pos",
        "cue_support_neg",
        "cue_judgement_pos",
        "cue_judgement_neg",
        "cue_delegit_pos",
        "cue_delegit_neg",
        "cue_general_pos",
        "cue_general_neg",
        "cue_negated_pos",
        "cue_negated_neg",
        "cue_quoted_pos",
        "cue_quoted_neg",
        "cue_distanced_pos",
        "cue_distanced_neg",
        "sent_pos",
        "sent_neg",
        "sent_harm",
        "sent_blame",
        "sent_support",
        "sent_judgement",
        "sent_delegit",
        "sent_general",
    ];

    fn dense(name: &str) -> usize {
        DENSE.iter().position(|n| *n == name).expect("known dense feature")
    }

    /// A cue this many words from the target or closer is "near".
    const NEAR_WORDS: usize = 3;
    /// A word whose part in the margin is smaller than this is not listed as
    /// evidence (it still counts in the score): keeps the evidence table to the
    /// words that matter.
    const SHOWN_MIN: f64 = 0.05;

    /// Which features a model reads.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct Spec {
        /// Words on each side of the target whose hashed form is a feature (0: none).
        pub window: usize,
        /// Hashed features go into 2^bits buckets.
        pub bits: u32,
        /// Hashed words of the whole sentence, besides the window.
        pub sentence_words: bool,
        /// Hashed pairs of neighbouring words in the window.
        pub bigrams: bool,
        /// Hash Snowball stems (English) rather than the words.
        pub stems: bool,
        /// Words inside quotation marks are also hashed as quoted words.
        pub quoted_words: bool,
    }


    /// One feature's value at a mention, and the token it belongs to (the
    /// first token of a cue or a word), if any.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct Feature {
        pub index: usize,
        pub value: f64,
        pub unit: Option<usize>,
    }

    /// FNV-1a, 64 bits: the state after `bytes`, from `h`.
    fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h
    }

    /// FNV-1a's starting state.
    const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

    /// The bucket of the concatenated `parts` (no string is built): the same
    /// bucket on every platform.
    fn bucket(parts: &[&str], bits: u32) -> usize {
        let h = parts.iter().fold(FNV_START, |h, p| fnv(h, p.as_bytes()));
        (h % (1u64 << bits)) as usize
    }

    /// Index of a dense feature named from its parts ("cue_" + "left_near" + "_pos").
    fn dense_of(parts: &[&str]) -> usize {
        DENSE
            .iter()
            .position(|n| {
                let mut rest = n.as_bytes();
                parts.iter().all(|p| match rest.strip_prefix(p.as_bytes()) {
                    Some(r) => {
                        rest = r;
                        true
                    }
                    None => false,
                }) && rest.is_empty()
            })
            .expect("known dense feature")
    }

    const CLASSES: [Class; 6] = [Class::Harm, Class::Blame, Class::Support, Class::Judgement, Class::Delegit, Class::General];

    fn class_name(c: Class) -> &'static str {
        match c {
            Class::Harm => "harm",
            Class::Blame => "blame",
            Class::Support => "support",
            Class::Judgement => "judgement",
            Class::Delegit => "delegit",
            Class::General => "general",
        }
    }

    /// The dense features by what they say, looked up by name once. Index
    /// `[s]` is the sign: 0 for a positive value, 1 for a negative one.
    pub(super) struct Dense {
        bias: usize,
        role: [usize; 3],
        target_quoted: usize,
        speaker: usize,
        target_is_speaker: usize,
        target_first: usize,
        target_pronoun: usize,
        cue: [usize; 2],
        /// `[left][near][s]`.
        cue_place: [[[usize; 2]; 2]; 2],
        cue_class: [[usize; 2]; 6],
        cue_negated: [usize; 2],
        cue_quoted: [usize; 2],
        cue_distanced: [usize; 2],
        sent: [usize; 2],
        sent_class: [usize; 6],
    }

    pub(super) static DENSE_AT: LazyLock<Dense> = LazyLock::new(|| {
        let signs = |parts: &[&str]| {
            let with = |sign: &str| {
                let mut p = parts.to_vec();
                p.push(sign);
                dense_of(&p)
            };
            [with("_pos"), with("_neg")]
        };
        let side = |left: bool| if left { "_left" } else { "_right" };
        let near = |near: bool| if near { "_near" } else { "_far" };
        Dense {
            bias: dense("bias"),
            role: [dense("role_agent"), dense("role_victim"), dense("role_recipient")],
            target_quoted: dense("target_quoted"),
            speaker: dense("speaker"),
            target_is_speaker: dense("target_is_speaker"),
            target_first: dense("target_first"),
            target_pronoun: dense("target_pronoun"),
            cue: signs(&["cue"]),
            cue_place: [true, false].map(|l| [true, false].map(|n| signs(&["cue", side(l), near(n)]))),
            cue_class: CLASSES.map(|c| signs(&["cue_", class_name(c)])),
            cue_negated: signs(&["cue_negated"]),
            cue_quoted: signs(&["cue_quoted"]),
            cue_distanced: signs(&["cue_distanced"]),
            sent: [dense("sent_pos"), dense("sent_neg")],
            sent_class: CLASSES.map(|c| dense_of(&["sent_", class_name(c)])),
        }
    });

    fn class_index(c: Class) -> usize {
        CLASSES.iter().position(|x| *x == c).unwrap_or(0)
    }

    /// How one word enters the hashed features: its buckets as a quoted
    /// word, a sentence word, a window word left or right (and right next to
    /// the target), and the FNV state a bigram starting with it continues from.
    #[derive(Clone)]
    struct Form {
        quoted: usize,
        sentence: usize,
        /// `[left, right]`.
        window: [usize; 2],
        next_to: [usize; 2],
        /// FNV state after "B:", the word and a space.
        bigram: u64,
        word: Box<str>,
    }

    /// The forms of the words of one analysis (or one sentence) under one
    /// spec, by key id, computed on first use: a corpus repeats its words,
    /// and each is stemmed and hashed once.
    pub(super) struct Forms {
        spec: Spec,
        by_key: Vec<u32>,
        forms: Vec<Form>,
        stemmer: Option<rust_stemmers::Stemmer>,
    }

    /// Marks a key whose form is not computed yet.
    const NO_FORM: u32 = u32::MAX;

    impl Forms {
        pub(super) fn new(spec: Spec) -> Forms {
            let stemmer = spec.stems.then(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));
            Forms { spec, by_key: Vec::new(), forms: Vec::new(), stemmer }
        }

        /// The index of the form of each token (punctuation included).
        pub(super) fn of_tokens(&mut self, tokens: &[Token], vocab: &Vocab) -> Vec<u32> {
            tokens.iter().map(|t| self.of(t.key(), vocab)).collect()
        }

        /// The index of the form of `key`, computed if new.
        pub(super) fn of(&mut self, key: u32, vocab: &Vocab) -> u32 {
            let k = key as usize;
            if k >= self.by_key.len() {
                self.by_key.resize(k + 1, NO_FORM);
            }
            if self.by_key[k] == NO_FORM {
                let text = vocab.key(key);
                let word: Box<str> = match &self.stemmer {
                    Some(st) => st.stem(text).into(),
                    None => text.into(),
                };
                let bits = self.spec.bits;
                let b = |parts: &[&str]| bucket(parts, bits);
                let form = Form {
                    quoted: b(&["Q:", &word]),
                    sentence: b(&["s:", &word]),
                    window: [b(&["L", ":", &word]), b(&["R", ":", &word])],
                    next_to: [b(&["L", "1:", &word]), b(&["R", "1:", &word])],
                    bigram: fnv(fnv(fnv(FNV_START, b"B:"), word.as_bytes()), b" "),
                    word,
                };
                self.by_key[k] = self.forms.len() as u32;
                self.forms.push(form);
            }
            self.by_key[k]
        }
    }

    /// Where the features of a mention go: the trainer collects them, the
    /// scorer sums them into logits as they come.
    pub(super) trait Sink {
        /// A feature of `value` (never 0), owned by the cue or word at token `unit`.
        fn put(&mut self, index: usize, value: f64, unit: Option<usize>);
        /// The cue at token `unit` ends before token `end`; `replace` a
        /// length noted before (a lexicon cue) or keep it (a scored word).
        fn end(&mut self, _unit: usize, _end: usize, _replace: bool) {}
    }

    impl Sink for Vec<Feature> {
        fn put(&mut self, index: usize, value: f64, unit: Option<usize>) {
            self.push(Feature { index, value, unit });
        }
    }

    /// The features of one mention, in a fixed order, into `out`. `forms`
    /// holds, for each token of the sentence, the index of its form in
    /// `table` (read only for words when the spec hashes words).
    pub(super) fn features(pass: &Pass, spec: &Spec, forms: &[u32], table: &Forms, out: &mut impl Sink) {
        let ctx = pass.ctx;
        let (ts, te) = (pass.ts, pass.te);
        let at = &*DENSE_AT;
        let put = |out: &mut dyn FnMut(usize, f64, Option<usize>), index: usize, value: f64, unit: Option<usize>| {
            if value != 0.0 {
                out(index, value, unit);
            }
        };
        let mut emit = |index: usize, value: f64, unit: Option<usize>| out.put(index, value, unit);
        put(&mut emit, at.bias, 1.0, None);
        match pass.role {
            Role::Agent => put(&mut emit, at.role[0], 1.0, None),
            Role::Victim => put(&mut emit, at.role[1], 1.0, None),
            Role::Recipient => put(&mut emit, at.role[2], 1.0, None),
            Role::Neutral => {}
        }
        if pass.target_quoted {
            put(&mut emit, at.target_quoted, 1.0, None);
        }
        if pass.speaker.is_some() {
            put(&mut emit, at.speaker, 1.0, None);
        }
        if pass.target_is_speaker {
            put(&mut emit, at.target_is_speaker, 1.0, None);
        }
        if ctx.word_index[ts] <= 1 {
            put(&mut emit, at.target_first, 1.0, None);
        }
        if te == ts + 1 && is_pronoun(ctx.key(ts)) {
            put(&mut emit, at.target_pronoun, 1.0, None);
        }
        drop(emit);
        for f in &pass.facts {
            let w = f.weight;
            if w == 0.0 {
                continue;
            }
            let sign = if w > 0.0 { 0 } else { 1 };
            let unit = Some(f.start);
            out.end(f.start, f.end, true);
            let mut emit = |index: usize, value: f64, unit: Option<usize>| out.put(index, value, unit);
            put(&mut emit, at.cue[sign], w, unit);
            let near = f.dist <= NEAR_WORDS;
            put(&mut emit, at.cue_place[if f.left { 0 } else { 1 }][if near { 0 } else { 1 }][sign], w, unit);
            put(&mut emit, at.cue_class[class_index(f.class)][sign], w, unit);
            if f.negated {
                put(&mut emit, at.cue_negated[sign], w, unit);
            }
            if f.quoted {
                put(&mut emit, at.cue_quoted[sign], w, unit);
            }
            if f.distanced {
                put(&mut emit, at.cue_distanced[sign], w, unit);
            }
        }
        // Every scored word of the sentence, however far: the tone around the target.
        let mut i = 0;
        while i < ctx.tokens.len() {
            let Some((entry, len)) = ctx.slots[i].entry else {
                i += 1;
                continue;
            };
            let end = i + len;
            let skip = (i < te && end > ts)
                || ctx.slots[i].has(Kind::Negator)
                || ctx.slots[i].has(Kind::Intensifier)
                || ctx.slots[i].has(Kind::Diminisher);
            if !skip {
                let v = entry.score * if negated(ctx, i) { NEGATION_FACTOR } else { 1.0 };
                out.end(i, end, false);
                let mut emit = |index: usize, value: f64, unit: Option<usize>| out.put(index, value, unit);
                put(&mut emit, at.sent[if v > 0.0 { 0 } else { 1 }], v, Some(i));
                put(&mut emit, at.sent_class[class_index(entry.class)], v, Some(i));
            }
            i = end;
        }
        if spec.window == 0 && !spec.sentence_words {
            return;
        }
        let base = DENSE.len();
        let mask = (1u64 << spec.bits) - 1;
        let is_word = |j: usize| !ctx.is_punct(j) && !(j >= ts && j < te);
        // Word distance to the target (0: next to it) and side (0 left, 1 right).
        let place = |j: usize| if j < ts { (ctx.words_between(j, ts), 0) } else { (ctx.words_between(te - 1, j), 1) };
        let quotes = &ctx.quotes;
        let form = |j: usize| &table.forms[forms[j] as usize];
        for j in 0..ctx.tokens.len() {
            if !is_word(j) {
                continue;
            }
            let fj = form(j);
            if spec.quoted_words && quotes.iter().any(|r| r.contains(&j)) {
                out.put(base + fj.quoted, 1.0, Some(j));
            }
            let (d, side) = place(j);
            if spec.sentence_words {
                out.put(base + fj.sentence, 1.0, Some(j));
            }
            if d < spec.window {
                out.put(base + fj.window[side], 1.0, Some(j));
                if d == 0 {
                    out.put(base + fj.next_to[side], 1.0, Some(j));
                }
                if spec.bigrams && j + 1 < ctx.tokens.len() && is_word(j + 1) && place(j + 1).0 < spec.window {
                    let pair = (fnv(fj.bigram, form(j + 1).word.as_bytes()) & mask) as usize;
                    out.put(base + pair, 0.5, Some(j));
                    out.put(base + pair, 0.5, Some(j + 1));
                }
            }
        }
    }

    /// A personal pronoun as the whole target: news coders read "he", "she",
    /// "il" differently from a name (often the subject of a quoted claim).
    fn is_pronoun(key: &str) -> bool {
        matches!(
            key,
            "he" | "she" | "they" | "him" | "her" | "them" | "his" | "their" | "it" | "its" | "we" | "i" | "you" | "il" | "elle" | "ils" | "elles" | "lui" | "leur" | "eux"
        )
    }

    /// The two logits (negative, positive; neutral is 0) of one mention,
    /// summed feature by feature, and each unit token's part in "positive
    /// minus negative" and where its cue ends (0: one token).
    struct Logits<'m> {
        model: &'m Model,
        z: [f64; 2],
        parts: Vec<f64>,
        ends: Vec<usize>,
    }

    impl Sink for Logits<'_> {
        fn put(&mut self, index: usize, value: f64, unit: Option<usize>) {
            let [neg, pos] = self.model.weight(index);
            self.z[0] += neg * value;
            self.z[1] += pos * value;
            if let Some(u) = unit {
                self.parts[u] += (pos - neg) * value;
            }
        }
        fn end(&mut self, unit: usize, end: usize, replace: bool) {
            if replace || self.ends[unit] == 0 {
                self.ends[unit] = end;
            }
        }
    }

    /// A trained model: which features it reads and, for each, its weight
    /// toward "negative" and toward "positive" (the weight toward "neutral"
    /// is 0: a softmax only sees differences, so the trainer subtracts it).
    pub struct Model {
        pub spec: Spec,
        dense: Vec<[f64; 2]>,
        hashed: Vec<[f64; 2]>,
    }

    impl Model {
        fn weight(&self, index: usize) -> [f64; 2] {
            if index < DENSE.len() {
                self.dense[index]
            } else {
                self.hashed[index - DENSE.len()]
            }
        }

        /// The mention's score: P(positive) − P(negative) under the model,
        /// held at ±[`NEUTRAL_BAND`] or beyond when that class is the most
        /// likely, and inside the band when "neutral" is. The cues are the
        /// words whose part in the log-odds of positive over negative is at
        /// least [`SHOWN_MIN`], each with that part. `forms` are the forms of
        /// the sentence's tokens in `table` (see [`Forms`]).
        pub(super) fn score(&self, pass: &Pass, forms: &[u32], table: &Forms) -> MentionSentiment {
            let n = pass.ctx.tokens.len();
            let mut sum = Logits { model: self, z: [0.0; 2], parts: vec![0.0; n], ends: vec![0; n] };
            features(pass, &self.spec, forms, table, &mut sum);
            let score = round4(class_score(sum.z, pass.role == Role::Victim));
            let tokens = pass.ctx.tokens;
            let cues = (0..n)
                .filter(|&u| sum.parts[u].abs() >= SHOWN_MIN)
                .map(|u| {
                    let end = if sum.ends[u] == 0 { u + 1 } else { sum.ends[u] };
                    let span = Span::new(tokens[u].span.start(), tokens[end - 1].span.end());
                    CueRow { span, weight: round4(sum.parts[u]) }
                })
                .collect();
            MentionSentiment { score, role: pass.role, speaker: pass.speaker, cues }
        }

        /// Reads a weight file (see data/README.md). Fails on an unknown
        /// feature or row, a bad number or a bucket out of range.
        pub fn parse(src: &str) -> Result<Model, DataError> {
            let mut spec = Spec { window: 0, bits: 1, sentence_words: false, bigrams: false, stems: false, quoted_words: false };
            let mut dense = vec![[0.0; 2]; DENSE.len()];
            let mut hashed: Vec<(usize, [f64; 2], usize)> = Vec::new();
            for (line, f) in data_lines(src) {
                let err = |message: String| DataError { line, message };
                let num = |s: &str| s.parse::<f64>().map_err(|_| err(format!("bad number {s:?}")));
                match (f[0], f.get(1).copied().unwrap_or("")) {
                    ("spec", name) if f.len() == 3 => {
                        let v = num(f[2])?;
                        match name {
                            "window" => spec.window = v as usize,
                            "bits" => spec.bits = v as u32,
                            "sentence_words" => spec.sentence_words = v != 0.0,
                            "bigrams" => spec.bigrams = v != 0.0,
                            "stems" => spec.stems = v != 0.0,
                            "quoted_words" => spec.quoted_words = v != 0.0,
                            _ => return Err(err(format!("unknown setting {name:?}"))),
                        }
                    }
                    ("dense", name) if f.len() == 4 => {
                        let i = DENSE.iter().position(|n| *n == name).ok_or_else(|| err(format!("unknown feature {name:?}")))?;
                        dense[i] = [num(f[2])?, num(f[3])?];
                    }
                    ("h", b) if f.len() == 4 => {
                        // Hashed words, in thousandths.
                        let b = b.parse().map_err(|_| err(format!("bad bucket {b:?}")))?;
                        hashed.push((b, [num(f[2])? / 1000.0, num(f[3])? / 1000.0], line));
                    }
                    _ => return Err(err(format!("unknown row {f:?}"))),
                }
            }
            if !(1..=20).contains(&spec.bits) {
                return Err(DataError { line: 0, message: format!("bits {} outside 1..=20", spec.bits) });
            }
            let mut table = vec![[0.0; 2]; 1 << spec.bits];
            for (b, w, line) in hashed {
                if b >= table.len() {
                    return Err(DataError { line, message: format!("bucket {b} out of range") });
                }
                table[b] = w;
            }
            Ok(Model { spec, dense, hashed: table })
        }
    }

    /// P(positive) − P(negative) from the logits (neutral's is 0), moved to
    /// agree with the most likely class: at least the band when a polar class
    /// wins, inside it when neutral wins; never below 0 for a victim.
    /// `libm::exp`: the same bits everywhere.
    pub fn class_score(z: [f64; 2], victim: bool) -> f64 {
        // A victim is marked, not blamed: what makes the sentence negative
        // (the harm it suffers) is not a judgement of it, so for a victim the
        // negative logit is held at or below the other two.
        let z = if victim { [z[0].min(z[1]).min(0.0), z[1]] } else { z };
        let top = z[0].max(z[1]).max(0.0);
        let (en, e0, ep) = (libm::exp(z[0] - top), libm::exp(-top), libm::exp(z[1] - top));
        let diff = (ep - en) / (en + e0 + ep);
        if z[1] > z[0] && z[1] > 0.0 {
            diff.max(NEUTRAL_BAND)
        } else if z[0] > z[1] && z[0] > 0.0 {
            diff.min(-NEUTRAL_BAND)
        } else {
            diff * NEUTRAL_INSIDE
        }
    }

    /// Scales P(positive) − P(negative) into the neutral band when "neutral"
    /// is the most likely class (just under the band, so rounding keeps it in).
    const NEUTRAL_INSIDE: f64 = NEUTRAL_BAND * 0.98;

    static EN: LazyLock<Option<Model>> = LazyLock::new(|| parse_builtin(&crate::engine::packed::model_en()));
    static FR: LazyLock<Option<Model>> = LazyLock::new(|| parse_builtin(include_str!("../../data/sentiment/model_fr.tsv")));

    /// A built-in file with no weight rows means "no model": the lexicon scorer.
    fn parse_builtin(src: &str) -> Option<Model> {
        if data_lines(src).next().is_none() {
            return None;
        }
        Some(Model::parse(src).expect("built-in model parses (tested)"))
    }

    /// The language's model, if it has one.
    pub(super) fn for_lang(lang: Lang) -> Option<&'static Model> {
        match lang {
            Lang::En => EN.as_ref(),
            Lang::Fr => FR.as_ref(),
        }
    }

    /// Features of a mention under `spec`, and the lexicon scorer's own score
    /// (the trainer's tools; see `examples/train_sentiment.rs`).
    pub fn features_of(text: &str, sentence: Span, target: Span, lang: &str, spec: &Spec) -> (Vec<Feature>, f64) {
        let sentence = Span::new(sentence.start().min(text.len()), sentence.end().min(text.len()));
        if !text.is_char_boundary(sentence.start()) || !text.is_char_boundary(sentence.end()) {
            return (Vec::new(), 0.0);
        }
        let mut vocab = Vocab::new();
        let tokens = tokenize(text, sentence, &mut vocab);
        let tables = Tables::new(&vocab, Lang::from_code(lang));
        let ctx = Ctx::new(text, &tokens, &vocab, &tables);
        let mut table = Forms::new(*spec);
        let forms = table.of_tokens(&tokens, &vocab);
        match lexicon_pass(&ctx, target) {
            Some(pass) => {
                let raw = pass.raw;
                let mut out = Vec::new();
                features(&pass, spec, &forms, &table, &mut out);
                (out, round4(raw / (raw * raw + NORMALISATION_ALPHA).sqrt()))
            }
            None => (Vec::new(), 0.0),
        }
    }
}

/// What the trainer needs from the engine: the feature names, the feature
/// extractor and the weight-file parser. Not part of the analysis.
pub mod training {
    pub use super::model::{class_score, features_of, Feature, Model, Spec, DENSE};

    /// Precision, recall and F1 of class `c` in a 3×3 confusion matrix
    /// (rows: gold negative/neutral/positive; columns: predicted). An empty
    /// row or column counts as 0.
    pub fn class_scores(m: &[[usize; 3]; 3], c: usize) -> (f64, f64, f64) {
        let tp = m[c][c] as f64;
        let p = tp / (0..3).map(|g| m[g][c]).sum::<usize>().max(1) as f64;
        let r = tp / m[c].iter().sum::<usize>().max(1) as f64;
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f1)
    }

    /// The mean F1 over the three classes: NewsMTSC's metric (F1m), in [0, 1].
    pub fn macro_f1(m: &[[usize; 3]; 3]) -> f64 {
        (0..3).map(|c| class_scores(m, c).2).sum::<f64>() / 3.0
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn macro_f1_by_hand() {
            // Columns (predicted) sum to 10, 7, 8; rows (gold) to 10, 10, 5.
            // Negative: P 8/10, R 8/10, F1 0.8. Neutral: P 5/7, R 5/10, F1 0.5882.
            // Positive: P 5/8, R 5/5, F1 0.7692. Mean: (0.8 + 0.5882 + 0.7692) / 3 = 0.7192.
            let m = [[8, 2, 0], [2, 5, 3], [0, 0, 5]];
            let (p, r, f1) = class_scores(&m, 1);
            assert!((p - 5.0 / 7.0).abs() < 1e-12 && (r - 0.5).abs() < 1e-12 && (f1 - 0.5882).abs() < 1e-4);
            assert!((macro_f1(&m) - 0.7192).abs() < 1e-4, "{}", macro_f1(&m));
            // An empty class scores 0, not NaN.
            assert_eq!(macro_f1(&[[0; 3]; 3]), 0.0);
        }
    }
}

// ------------------------------------------------------------ per actor, per document, per source

/// Mentions at which the confidence of an actor's score reaches one half.
const CONFIDENCE_HALF: f64 = 2.0;
/// A score resting on this many mentions or fewer is flagged uncertain.
const UNCERTAIN_MAX_MENTIONS: usize = 2;

#[derive(Default)]
struct Tally {
    sum: f64,
    n: usize,
    roles: RoleCounts,
    quoted: usize,
}

impl Tally {
    fn add(&mut self, r: &MentionSentiment) {
        self.sum += r.score;
        self.n += 1;
        match r.role {
            Role::Agent => self.roles.agent += 1,
            Role::Victim => self.roles.victim += 1,
            Role::Recipient => self.roles.recipient += 1,
            Role::Neutral => self.roles.neutral += 1,
        }
        if r.speaker.is_some() {
            self.quoted += 1;
        }
    }

    fn row(self, actor: u32, scope: Scope) -> SentimentRow {
        let n = self.n.max(1) as f64;
        SentimentRow {
            actor,
            scope,
            score: round4(self.sum / n),
            mentions: self.n,
            confidence: round4(self.n as f64 / (self.n as f64 + CONFIDENCE_HALF)),
            uncertain: self.n <= UNCERTAIN_MAX_MENTIONS,
            roles: self.roles,
            quoted: self.quoted,
        }
    }
}

/// The evidence row of one scored mention: its strongest cue words (at most
/// [`MentionEvidence::MAX_CUES`], in text order) and what the others add up
/// to. `None` for a mention with no cue, no role and no speaker.
fn evidence_row(m: &MentionRow, sentence: Span, r: MentionSentiment) -> Option<MentionEvidence> {
    let mut cues = r.cues;
    if cues.is_empty() && r.role == Role::Neutral && r.speaker.is_none() {
        return None;
    }
    let mut rest = 0.0;
    if cues.len() > MentionEvidence::MAX_CUES {
        // The strongest (ties: the earlier word) to the front, then back to
        // text order. The others are summed in no set order: their weights
        // have four decimals, and so has the rounded sum, whatever the order.
        cues.select_nth_unstable_by(MentionEvidence::MAX_CUES - 1, |a, b| b.weight.abs().total_cmp(&a.weight.abs()).then(a.span.cmp(&b.span)));
        rest = cues[MentionEvidence::MAX_CUES..].iter().map(|c| c.weight).sum();
        cues.truncate(MentionEvidence::MAX_CUES);
        cues.sort_by_key(|c| c.span);
    }
    Some(MentionEvidence {
        actor: m.actor,
        document: m.document,
        mention: m.span,
        sentence,
        score: r.score,
        role: r.role,
        speaker: r.speaker,
        // The scorer's list can hold room for more than is kept.
        cues: {
            cues.shrink_to_fit();
            cues
        },
        rest: round4(rest),
    })
}

/// Scores every mention and sums them up per actor × document and per actor ×
/// source. Rows come actor by actor (in the order of `actors`), each actor's
/// document rows in document order, then its source rows by source name.
/// Each sentence is read once, however many mentions it holds.
pub(crate) fn score_actors(
    docs: &[DocumentRow],
    sources: &[SourceRow],
    segs: &[Segmented],
    vocab: &Vocab,
    actors: &[ActorRow],
    mentions: &[MentionRow],
) -> (Vec<SentimentRow>, Vec<MentionEvidence>) {
    // Per actor, its tallies by document and by source (few each: a map per actor).
    let mut per_doc: Vec<BTreeMap<u32, Tally>> = (0..actors.len()).map(|_| BTreeMap::new()).collect();
    let mut per_source: Vec<BTreeMap<u32, Tally>> = (0..actors.len()).map(|_| BTreeMap::new()).collect();
    // At most one evidence row per mention: reserved once, not doubled as it grows.
    let mut evidence = Vec::with_capacity(mentions.len());
    // A document standing for itself gets no source rows: they would repeat its document rows.
    let own_rows: Vec<bool> = sources.iter().map(|s| !s.stands_for_itself(docs)).collect();
    // The sentence read last: mentions come in text order, so the mentions
    // of one sentence follow each other.
    let mut last: Option<((u32, u32), Ctx)> = None;
    // The lexicon of each language read against the vocabulary, on first need.
    let (mut fr, mut en): (Option<Tables>, Option<Tables>) = (None, None);
    for m in mentions {
        let (d, a) = (m.document as usize, m.actor as usize);
        if a >= actors.len() || d >= docs.len() {
            continue;
        }
        let Some(sentence) = segs[d].sentences.get(m.sentence as usize) else {
            continue;
        };
        let doc = &docs[d];
        if last.as_ref().is_none_or(|(key, _)| *key != (m.document, m.sentence)) {
            let lang = Lang::from_code(&doc.language);
            let tables = match lang {
                Lang::Fr => fr.get_or_insert_with(|| Tables::new(vocab, lang)),
                Lang::En => en.get_or_insert_with(|| Tables::new(vocab, lang)),
            };
            let ctx = Ctx::new(&doc.text, &segs[d].tokens[sentence.tokens.clone()], vocab, tables);
            last = Some(((m.document, m.sentence), ctx));
        }
        let Some((_, ctx)) = last.as_ref() else { continue };
        let r = score_in_ctx(ctx, m.span);
        per_doc[a].entry(m.document).or_default().add(&r);
        if own_rows.get(doc.source as usize).copied().unwrap_or(false) {
            per_source[a].entry(doc.source).or_default().add(&r);
        }
        evidence.extend(evidence_row(m, sentence.span, r));
    }
    // The lexicons read against the vocabulary are done with: given back
    // before the rows are written, which is when this stage holds the most.
    drop(last);
    drop((fr, en));
    // One row per tally: reserved once, not doubled as it grows.
    let mut rows = Vec::with_capacity(per_doc.iter().chain(&per_source).map(BTreeMap::len).sum());
    for (a, (docs_of, sources_of)) in per_doc.into_iter().zip(per_source).enumerate() {
        let actor = a as u32;
        rows.extend(docs_of.into_iter().map(|(d, t)| t.row(actor, Scope::Document(d))));
        rows.extend(sources_of.into_iter().map(|(s, t)| t.row(actor, Scope::Source(s))));
    }
    (rows, evidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(sentence: &str, target: &str, lang: &str) -> MentionSentiment {
        let at = sentence.find(target).expect("target in sentence");
        score_target(sentence, Span::new(0, sentence.len()), Span::new(at, at + target.len()), lang)
    }

    #[test]
    fn scores_round_to_four_decimals_and_zero_has_no_sign() {
        assert_eq!(round4(0.123_449), 0.1234);
        assert_eq!(round4(-0.000_06), -0.0001);
        // 0.1 + 0.2 - 0.3 is not 0 in floating point; with the terms in
        // another order it falls on the other side of 0.
        for x in [0.1 + 0.2 - 0.3, -0.3 + 0.2 + 0.1, -0.000_04, -0.0] {
            assert_eq!(round4(x), 0.0);
            assert!(round4(x).is_sign_positive(), "round4({x:e}) is -0");
        }
    }

    #[test]
    fn data_files_parse_in_full_without_duplicates() {
        for (lex, cues) in [
            (include_str!("../../data/lexicon/sentiment_fr.tsv"), include_str!("../../data/lexicon/cues_fr.tsv")),
            (include_str!("../../data/lexicon/sentiment_en.tsv"), include_str!("../../data/lexicon/cues_en.tsv")),
        ] {
            let (words, prefixes) = parse_lexicon(lex).unwrap();
            assert!(words.len() + prefixes.len() >= 4000, "{} entries", words.len());
            parse_cues(cues).unwrap();
        }
    }

    #[test]
    fn model_files_parse_in_full() {
        let en = model::Model::parse(include_str!("../../data/sentiment/model_en.tsv")).unwrap();
        assert!(en.spec.window > 0 && en.spec.bits == 16);
        assert!(model::for_lang(Lang::En).is_some());
        // French has no model file rows: the lexicon scorer.
        assert!(model::for_lang(Lang::Fr).is_none());
        assert!(model::Model::parse("dense\tno_such_feature\t1\t1\n").is_err());
        assert!(model::Model::parse("spec\tbits\t4\nh\t99\t1\t1\n").is_err());
        assert!(model::Model::parse("dense\tbias\tx\t1\n").is_err());
    }

    #[test]
    fn english_model_reads_plain_cases() {
        let s = "The junta bombed several villages in the north overnight.";
        let junta = score(s, "junta", "en");
        assert_eq!(junta.role, Role::Agent);
        assert!(junta.score < 0.0, "{junta:?}");
        let s = "The dissident was arbitrarily arrested and tortured in detention.";
        let r = score(s, "dissident", "en");
        assert_eq!(r.role, Role::Victim);
        assert!(r.score >= 0.0, "a victim is not blamed: {r:?}");
        let r = score("The minister praised the volunteers for their courage and generosity.", "volunteers", "en");
        assert!(r.score > 0.0, "{r:?}");
        for c in &r.cues {
            assert!(!c.span.slice("The minister praised the volunteers for their courage and generosity.").is_empty());
            assert!(c.weight.abs() >= 0.05);
        }
    }

    #[test]
    fn parser_rejects_bad_rows() {
        assert!(parse_lexicon("tuer\t-3\tverb\tharm\tx\ntuer\t-2\tverb\tharm\ty\n").is_err());
        assert!(parse_lexicon("Tuer\t-3\tverb\tharm\tx\ntuér\t-2\tverb\tharm\ty\n").is_err());
        assert!(parse_lexicon("tuer\t-5\tverb\tharm\tx\n").is_err());
        assert!(parse_lexicon("tuer\t-3\tverb\tbad\tx\n").is_err());
        assert!(parse_lexicon("tuer\t-3\tverbe\tharm\tx\n").is_err());
        assert!(parse_cues("pas\tnegator\t1.5\tx\n").is_err());
        assert!(parse_cues("pas\tnegation\t-0.7\tx\n").is_err());
        assert!(parse_cues("très\tintensifier\t0.5\tx\n").is_err());
    }

    #[test]
    fn agent_of_harm_is_negative_victim_is_not() {
        let s = "Le régime a bombardé les civils.";
        let agent = score(s, "régime", "fr");
        let victim = score(s, "civils", "fr");
        assert!(agent.score < -0.2, "{agent:?}");
        assert_eq!(agent.role, Role::Agent);
        assert_eq!(victim.role, Role::Victim);
        assert!(victim.score >= 0.0, "{victim:?}");
    }

    #[test]
    fn passive_and_by_phrases() {
        let s = "Des civils ont été tués par les forces du régime.";
        assert_eq!(score(s, "civils", "fr").role, Role::Victim);
        let s = "Russia was attacked by Ukraine.";
        assert_eq!(score(s, "Russia", "en").role, Role::Victim);
        assert_eq!(score(s, "Ukraine", "en").role, Role::Agent);
        assert!(score(s, "Ukraine", "en").score < 0.0);
    }

    #[test]
    fn genitive_of_an_attack_is_its_agent() {
        let s = "Au moins 33 soldats sont morts lors d'une frappe aérienne du régime à Idleb.";
        let r = score(s, "régime", "fr");
        assert_eq!(r.role, Role::Agent, "{r:?}");
        assert!(r.score < -0.2);
    }

    #[test]
    fn support_goes_to_its_recipient() {
        let s = "Nous soutenons notre allié, la Turquie, et exprimons notre solidarité avec la Turquie.";
        let at = s.rfind("Turquie").unwrap();
        let r = score_target(s, Span::new(0, s.len()), Span::new(at, at + 7), "fr");
        assert!(r.score > 0.2, "{r:?}");
        assert_eq!(r.role, Role::Recipient);
    }

    #[test]
    fn negation_and_contrast() {
        let pos = score("Le plan de Paris est efficace.", "Paris", "fr").score;
        let neg = score("Le plan de Paris n'est pas efficace.", "Paris", "fr").score;
        assert!(pos > 0.0 && neg < 0.0, "{pos} {neg}");
        let c = score("The deal was costly, but Obama was praised for his courage.", "Obama", "en");
        assert!(c.score > 0.2, "{c:?}");
    }

    #[test]
    fn distancing_verbs_weaken_the_claim() {
        let plain = score("Le régime protège les civils.", "régime", "fr").score;
        let claimed = score("Le régime prétend qu'il protège les civils.", "régime", "fr").score;
        assert!(plain > 0.0 && claimed < plain, "{plain} {claimed}");
        let claimed = score("Le régime prétendait que ses forces protégeaient les civils.", "régime", "fr").score;
        assert!(claimed < plain, "{plain} {claimed}");
    }

    #[test]
    fn speakers_are_found() {
        let s = "« C'est une attaque barbare », a déclaré Pompeo.";
        let r = score(s, "attaque", "fr");
        assert_eq!(r.speaker.map(|sp| sp.slice(s)), Some("Pompeo"));
        let s = "Moscow is a threat to peace, the official said.";
        let r = score(s, "Moscow", "en");
        assert_eq!(r.speaker.map(|sp| sp.slice(s)), Some("the official"));
        let s = "Selon Moscou, les terroristes préparent une provocation.";
        let r = score(s, "terroristes", "fr");
        assert_eq!(r.speaker.map(|sp| sp.slice(s)), Some("Moscou"));
    }

    #[test]
    fn cue_spans_point_at_their_words() {
        let s = "Les pseudo-humanitaires ont mené une campagne cynique contre l'ONU.";
        let r = score(s, "ONU", "fr");
        for c in &r.cues {
            assert!(!c.span.slice(s).is_empty());
        }
        let p = score(s, "Les", "fr");
        assert!(p.cues.iter().any(|c| c.span.slice(s) == "pseudo-humanitaires"), "{p:?}");
    }
}
