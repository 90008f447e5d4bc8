//! The one value that comes out of the engine: what the page renders and what
//! "Export JSON" and `prisme analyse --json` write. `docs/analysis.md` documents it.
//!
//! Every top-level list is a list of flat rows that refer to each other by id
//! (a document's `id`, an actor's `id`). Lists are always in a fixed order so
//! that the same inputs give the same bytes on every platform.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bumped whenever a field is renamed, removed or changes meaning.
pub const SCHEMA_VERSION: u32 = 2;

/// The whole result of analysing a corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub schema_version: u32,
    /// The program that wrote this value, e.g. `prisme 0.1.0`.
    pub generator: String,
    pub documents: Vec<DocumentRow>,
    pub actors: Vec<ActorRow>,
    pub mentions: Vec<MentionRow>,
    pub sentiment: Vec<SentimentRow>,
    pub keywords: Vec<KeywordRow>,
    pub labels: Vec<LabelRow>,
    pub frames: Vec<FrameRow>,
    pub markers: Vec<MarkerRow>,
    /// Pairs of actors named in the same sentence, per document.
    #[serde(default)]
    pub cooccurrences: Vec<CooccurrenceRow>,
    /// The words behind every sentiment score: one row per scored mention
    /// (see [`MentionEvidence`]).
    #[serde(default)]
    pub sentiment_evidence: Vec<MentionEvidence>,
}

/// A byte range `[start, end)` into a document's `text`. Both ends fall on
/// UTF-8 character boundaries. Written as `[start, end]`: spans are the most
/// frequent value of an analysis, and the pair is a third of the object's size.
/// Read from either form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.start, self.end).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{Error, MapAccess, SeqAccess, Visitor};
        struct SpanVisitor;
        impl<'de> Visitor<'de> for SpanVisitor {
            type Value = Span;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a span: [start, end] or {\"start\", \"end\"}")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Span, A::Error> {
                let start = seq.next_element()?.ok_or_else(|| A::Error::invalid_length(0, &self))?;
                let end = seq.next_element()?.ok_or_else(|| A::Error::invalid_length(1, &self))?;
                if seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                    return Err(A::Error::invalid_length(3, &self));
                }
                checked(start, end)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Span, A::Error> {
                let (mut start, mut end) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "start" => start = Some(map.next_value()?),
                        "end" => end = Some(map.next_value()?),
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                checked(start.ok_or_else(|| A::Error::missing_field("start"))?, end.ok_or_else(|| A::Error::missing_field("end"))?)
            }
        }
        fn checked<E: Error>(start: usize, end: usize) -> Result<Span, E> {
            if start > end {
                return Err(E::custom(format!("span [{start}, {end}] ends before it starts")));
            }
            Ok(Span { start, end })
        }
        d.deserialize_any(SpanVisitor)
    }
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The text this span covers, or "" if it does not fit `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// One document of the corpus, after decoding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRow {
    /// The file name when the document came from a file; `texte-N` for pasted text.
    pub id: String,
    pub name: String,
    pub title: String,
    /// The outlet; documents with the same source are compared together.
    pub source: String,
    /// As written in the document's metadata (`2019-05`, `2019-11-03`), or "".
    pub date: String,
    /// ISO 639-1 code (`fr`, `en`), or `und` when it could not be told.
    pub language: String,
    pub words: usize,
    pub sentences: usize,
    /// The decoded text every span of this document points into.
    pub text: String,
    /// Where the analysed body starts and ends inside `text` (front matter and
    /// a leading metadata line are outside it).
    pub body: Span,
    /// Parts of the body left out of the analysis, in text order. Words and
    /// sentences are counted on the rest.
    pub removed: Vec<RemovedRow>,
    /// Things the user should know about this document (limited language
    /// support, paragraphs in several languages).
    pub warnings: Vec<DocumentWarning>,
}

/// A region of a document left out of the analysis. The user can put it back
/// by adding its `span` to the document's `restored` list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemovedRow {
    pub span: Span,
    /// `markup` (Markdown syntax, link targets, shortcodes), `chrome` (menus,
    /// search boxes, "share" lines and other page furniture) or
    /// `repeated_paragraph` (a paragraph repeating earlier text).
    pub reason: String,
    /// The text at `span`.
    pub text: String,
}

impl Analysis {
    /// The keyword rows that describe `source` in `direction` (`over` or
    /// `under`), by rank: the source's own rows, or, for a document that has
    /// no source (it stands as its own source), that document's rows (the
    /// engine writes no source rows then, since they would repeat them).
    pub fn keywords_of_source(&self, source: &str, direction: &str) -> Vec<&KeywordRow> {
        let scope = format!("source:{source}");
        let mut rows: Vec<&KeywordRow> = self.keywords.iter().filter(|k| k.scope == scope && k.direction == direction).collect();
        if rows.is_empty() {
            if let Some(only) = self.only_document_of(source) {
                let scope = format!("document:{only}");
                rows = self.keywords.iter().filter(|k| k.scope == scope && k.direction == direction).collect();
            }
        }
        rows.sort_by_key(|k| k.rank);
        rows
    }

    /// How strongly `source` uses `frame`, per 1,000 words: its source row, or
    /// its only document's row (0 when neither exists).
    pub fn frame_score_of_source(&self, frame: &str, source: &str) -> f64 {
        let scope = format!("source:{source}");
        if let Some(f) = self.frames.iter().find(|f| f.scope == scope && f.frame == frame) {
            return f.score;
        }
        self.only_document_of(source)
            .map(|only| format!("document:{only}"))
            .and_then(|scope| self.frames.iter().find(|f| f.scope == scope && f.frame == frame))
            .map(|f| f.score)
            .unwrap_or(0.0)
    }

    /// The id of the document of `source` when it has exactly one.
    fn only_document_of(&self, source: &str) -> Option<&str> {
        let mut docs = self.documents.iter().filter(|d| d.source == source);
        match (docs.next(), docs.next()) {
            (Some(d), None) => Some(d.id.as_str()),
            _ => None,
        }
    }
}

impl DocumentRow {
    /// The parts of the body that were analysed: the body minus what cleaning
    /// removed (the text words, sentences and every span are counted on).
    pub fn kept(&self) -> Vec<Span> {
        super::clean::kept_between(self.body, self.removed.iter().map(|r| r.span).collect())
    }
}

/// Something the reader of a document's results should know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentWarning {
    /// `limited_support` (a language other than French or English, or one
    /// that could not be told: `languages` holds it, `und` when unknown) or
    /// `mixed_languages` (paragraphs in the `languages` listed).
    pub code: String,
    pub languages: Vec<String>,
    /// The same in an English sentence.
    pub message: String,
}

/// Someone or something the texts talk about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRow {
    pub id: String,
    pub name: String,
    /// `person`, `state`, `organisation`, `armed_group`, `place`, `media`,
    /// `institution`, or `unknown` for names found in the text but not typed yet.
    pub kind: String,
    /// The state an institution or a person belongs to (an actor id), or "".
    #[serde(default)]
    pub parent: String,
    /// Every spelling seen in the texts, in order of first appearance.
    pub aliases: Vec<String>,
    /// Mentions per document id (documents with none are left out). Demonyms
    /// ("les forces russes") are not in here unless `Config::count_demonyms`.
    pub mentions: BTreeMap<String, usize>,
    /// Sum of `mentions`.
    pub total: usize,
    /// Demonym (attributive) mentions per document id: "russe", "American".
    #[serde(default)]
    pub attributive: BTreeMap<String, usize>,
    /// Mentions per source: `mentions` summed over the documents of each
    /// source (a document's `source`). Sources with none are left out.
    #[serde(default)]
    pub sources: BTreeMap<String, usize>,
}

/// One place in a document where an actor is named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionRow {
    pub actor: String,
    pub document: String,
    pub span: Span,
    /// The text at `span`, as written.
    pub surface: String,
    /// The sentence the mention is in (its index in the document).
    pub sentence: usize,
    /// How the text names the actor: `name` ("Bachar el-Assad"), `metonym`
    /// ("Damas", "le Pentagone" counted as its state), `demonym` ("syrien"),
    /// `description` ("le régime syrien"), `acronym` ("HTS"), `partial`
    /// ("Pompeo" after "Mike Pompeo").
    #[serde(default = "name_form")]
    pub form: String,
}

fn name_form() -> String {
    "name".to_string()
}

/// Two actors named in the same sentence: how many sentences of a document
/// name both. `a` < `b`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CooccurrenceRow {
    pub a: String,
    pub b: String,
    pub document: String,
    pub sentences: usize,
}

/// How a document (scope `document`) or a whole source (scope `source`)
/// treats an actor: the mean of its mention scores, −1 wholly negative, +1
/// wholly positive, 0 neutral or balanced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentimentRow {
    pub actor: String,
    /// The document id for scope `document`; "" for scope `source`.
    pub document: String,
    pub score: f64,
    pub mentions: usize,
    /// `document` or `source`.
    #[serde(default)]
    pub scope: String,
    /// The document's source (scope `document`) or the source itself.
    #[serde(default)]
    pub source: String,
    /// From 0 to 1: grows with the number of mentions scored.
    #[serde(default)]
    pub confidence: f64,
    /// True when the score rests on one or two mentions.
    #[serde(default)]
    pub uncertain: bool,
    /// How many mentions put the actor in each role.
    #[serde(default)]
    pub roles: RoleCounts,
    /// Mentions in reported speech (a quotation or "selon X"): the score mixes
    /// the source's voice with quoted voices by this much.
    #[serde(default)]
    pub quoted: usize,
}

/// Mentions per role of the actor in the act around it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RoleCounts {
    /// Carries out a harmful act.
    pub agent: usize,
    /// Suffers a harmful act (not scored negative for it).
    pub victim: usize,
    /// Receives support, help or praise.
    pub recipient: usize,
    pub neutral: usize,
}

/// One scored mention and the words behind its score. Mentions with no cue
/// word, no role and no speaker have no row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionEvidence {
    pub actor: String,
    pub document: String,
    /// Where the actor is named.
    pub mention: Span,
    /// The sentence the mention is in.
    pub sentence: Span,
    /// The mention's score, −1 to 1.
    pub score: f64,
    /// `agent`, `victim`, `recipient` or `neutral`.
    pub role: String,
    /// Who is quoted, when the mention is in reported speech; `null` for the source's own voice.
    pub speaker: Option<Span>,
    /// The cue words that weigh most, in text order (at most
    /// [`MentionEvidence::MAX_CUES`]).
    pub cues: Vec<CueRow>,
    /// What the cue words not listed add up to, so that the listed weights
    /// plus `rest` are the sum of every word's weight.
    pub rest: f64,
}

impl MentionEvidence {
    /// Cue words listed per mention: the strongest ones.
    pub const MAX_CUES: usize = 8;
}

/// One cue word or phrase at a mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CueRow {
    pub span: Span,
    /// The text at `span`, as written.
    pub word: String,
    /// What the cue added to the mention's score (negative: against the actor).
    pub weight: f64,
}

/// A term used more (or less) in one scope than in the rest of the corpus
/// (the other documents in the same language).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeywordRow {
    /// `document:<id>`, `source:<name>`, or `group` for a group the user picked.
    pub scope: String,
    /// The term as most often written ("régime", "armes chimiques").
    pub term: String,
    /// Occurrences in the scope.
    pub count: usize,
    /// Log-likelihood G² (≥ 3.84: p < 0.05; ≥ 6.63: p < 0.01), never negative; see `direction`.
    pub keyness: f64,
    /// 1 = the strongest, counted separately for over- and under-used terms.
    pub rank: usize,
    /// The stems the term is counted on ("regim", "arm chimiqu").
    #[serde(default)]
    pub key: String,
    /// `fr`, `en` or `und`: the scope is compared with the rest of the corpus in this language.
    #[serde(default)]
    pub language: String,
    /// `over` (used more than the rest of the corpus) or `under`.
    #[serde(default)]
    pub direction: String,
    /// Effect size: log2 of the ratio of relative frequencies (+1 twice as frequent, −1 half); zero counts taken as 0.5.
    #[serde(default)]
    pub log_ratio: f64,
    /// Occurrences in the rest of the corpus.
    #[serde(default)]
    pub reference_count: usize,
    /// `keyness` ≥ 3.84 (p < 0.05).
    #[serde(default)]
    pub significant: bool,
}

/// A word a document uses to name an actor ("régime", "gouvernement").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelRow {
    pub actor: String,
    pub document: String,
    pub label: String,
    pub count: usize,
}

/// How strongly a document (or a source) uses one frame: cue words per 1,000 words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameRow {
    /// The document, or "" on a source row.
    pub document: String,
    /// A frame id (`economic`, `security_defense`, …; `engine::FRAMES` names them).
    pub frame: String,
    pub score: f64,
    /// The sentences with the most cues (at most 12), in text order; empty on source rows.
    pub evidence: Vec<Span>,
    /// `document:<id>` or `source:<name>`.
    #[serde(default)]
    pub scope: String,
    /// The document's source, or the source of a source row.
    #[serde(default)]
    pub source: String,
    /// Cue words found.
    #[serde(default)]
    pub count: usize,
    /// Every cue word found (document rows only).
    #[serde(default)]
    pub cues: Vec<Span>,
}

/// A hedge, a distancing device or a certainty marker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkerRow {
    pub document: String,
    /// `hedge`, `distancing` or `certainty`.
    pub kind: String,
    /// The cue ("soi-disant", "les faits sont … clairs"), the conditional verb, or the words in scare quotes.
    pub marker: String,
    pub span: Span,
    /// How it was found: `lexicon`, `conditional` (French 3rd-person conditional) or `scare_quotes`.
    #[serde(default)]
    pub device: String,
    /// The sentence it is in (index in the document, as `MentionRow::sentence`).
    #[serde(default)]
    pub sentence: usize,
    /// Ids of the actors mentioned in the same sentence, sorted.
    #[serde(default)]
    pub actors: Vec<String>,
}

#[cfg(test)]
mod span_tests {
    use super::Span;

    #[test]
    fn spans_are_written_as_pairs_and_read_from_either_form() {
        assert_eq!(serde_json::to_string(&Span::new(3, 9)).unwrap(), "[3,9]");
        assert_eq!(serde_json::from_str::<Span>("[3,9]").unwrap(), Span::new(3, 9));
        assert_eq!(serde_json::from_str::<Span>(r#"{"start":3,"end":9}"#).unwrap(), Span::new(3, 9));
        assert!(serde_json::from_str::<Span>("[9,3]").is_err(), "ends before it starts");
        assert!(serde_json::from_str::<Span>("[3]").is_err());
        assert!(serde_json::from_str::<Span>("[3,9,12]").is_err());
        assert!(serde_json::from_str::<Span>(r#"{"start":3}"#).is_err());
    }
}
