//! The one value that comes out of the engine: what the page renders and what
//! "Export JSON" and `prisme analyse --json` write. `docs/analysis.md` documents it.
//!
//! Every top-level list is a list of flat rows that refer to each other by id
//! (a document's `id`, an actor's `id`). Lists are always in a fixed order so
//! that the same inputs give the same bytes on every platform.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Bumped whenever a field is renamed, removed or changes meaning.
pub const SCHEMA_VERSION: u32 = 4;

/// The whole result of analysing a corpus.
///
/// Rows refer to a document, a source or an actor by its index in
/// `documents`, `sources` or `actors`: a corpus of thousands of documents has
/// hundreds of thousands of rows, and a number per reference keeps them small
/// in memory, in the page and in the export.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub schema_version: u32,
    /// The program that wrote this value, e.g. `prisme 0.1.0`.
    pub generator: String,
    pub documents: Vec<DocumentRow>,
    /// The outlets, by name.
    pub sources: Vec<SourceRow>,
    pub actors: Vec<ActorRow>,
    pub mentions: Vec<MentionRow>,
    pub sentiment: Vec<SentimentRow>,
    pub keywords: Vec<KeywordRow>,
    pub labels: Vec<LabelRow>,
    pub frames: Vec<FrameRow>,
    pub markers: Vec<MarkerRow>,
    /// Pairs of actors named in the same sentence, per document.
    pub cooccurrences: Vec<CooccurrenceRow>,
    /// The words behind every sentiment score: one row per scored mention
    /// (see [`MentionEvidence`]).
    pub sentiment_evidence: Vec<MentionEvidence>,
}

/// A byte range `[start, end)` into a document's `text`. Both ends fall on
/// UTF-8 character boundaries. Written as `[start, end]`: spans are the most
/// frequent value of an analysis, and the pair is a third of the object's size.
/// Read from either form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
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
            if end > u32::MAX as usize {
                return Err(E::custom(format!("span [{start}, {end}] beyond 4 GB")));
            }
            Ok(Span::new(start, end))
        }
        if d.is_human_readable() {
            d.deserialize_any(SpanVisitor)
        } else {
            // A binary format says nothing of its own shape: always the pair.
            let (start, end) = <(usize, usize)>::deserialize(d)?;
            checked(start, end)
        }
    }
}

impl Span {
    /// The span `[start, end)`. Offsets are kept in 32 bits (a document is
    /// at most a few tens of megabytes): spans are the most frequent value
    /// of an analysis, in tokens and in rows.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end && end <= u32::MAX as usize);
        Span { start: start as u32, end: end as u32 }
    }
    /// Where it starts, as an index into the text.
    pub fn start(&self) -> usize {
        self.start as usize
    }
    /// Where it ends (excluded), as an index into the text.
    pub fn end(&self) -> usize {
        self.end as usize
    }
    /// Its bytes, as a range of indices into the text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The text this span covers, or "" if it does not fit `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.range()).unwrap_or("")
    }
}

/// One document of the corpus, after decoding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRow {
    /// The file name when the document came from a file; `texte-N` for pasted text.
    pub id: String,
    pub name: String,
    pub title: String,
    /// The outlet (index in `Analysis::sources`); documents with the same
    /// source are compared together.
    pub source: u32,
    /// As written in the document's metadata (`2019-05`, `2019-11-03`), or "".
    pub date: String,
    /// ISO 639-1 code (`fr`, `en`), or `und` when it could not be told.
    pub language: String,
    pub words: usize,
    pub sentences: usize,
    /// The decoded text every span of this document points into.
    pub text: Arc<str>,
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

/// An outlet: the documents that say they come from it, compared together.
/// A document that names no source is its own source, named by its id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRow {
    pub name: String,
    /// Its documents (indices in `Analysis::documents`), in corpus order.
    pub documents: Vec<u32>,
    /// Words of its documents.
    pub words: usize,
}

impl SourceRow {
    /// The source is one document without a source of its own, named by the
    /// document's id: rows for the source would repeat the document's, so
    /// the engine writes none (see `keywords`, `frames` and `sentiment`).
    pub fn stands_for_itself(&self, documents: &[DocumentRow]) -> bool {
        self.is_its_document(|d| documents.get(d as usize).map(|doc| doc.id.as_str()))
    }

    /// [`SourceRow::stands_for_itself`], with `id_of` giving a document's id by index.
    pub(crate) fn is_its_document<'a>(&self, id_of: impl Fn(u32) -> Option<&'a str>) -> bool {
        matches!(self.documents.as_slice(), [d] if id_of(*d) == Some(self.name.as_str()))
    }
}

/// A region of a document left out of the analysis. The user can put it back
/// by adding its `span` to the document's `restored` list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemovedRow {
    pub span: Span,
    pub reason: RemovalReason,
}

/// Why part of a document was left out of the analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// Markdown syntax, link targets, shortcodes.
    Markup,
    /// Menus, search boxes, "share" lines and other page furniture.
    Chrome,
    /// A paragraph repeating earlier text.
    RepeatedParagraph,
}

impl RemovalReason {
    /// The name written in the `Analysis` (`markup`, `chrome`, `repeated_paragraph`).
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalReason::Markup => "markup",
            RemovalReason::Chrome => "chrome",
            RemovalReason::RepeatedParagraph => "repeated_paragraph",
        }
    }
}

impl Analysis {
    /// The index of the source named `name`.
    pub fn source_index(&self, name: &str) -> Option<u32> {
        self.sources.binary_search_by(|s| s.name.as_str().cmp(name)).ok().map(|i| i as u32)
    }

    /// The name of source `s` ("" if there is none).
    pub fn source_name(&self, s: u32) -> &str {
        self.sources.get(s as usize).map_or("", |s| s.name.as_str())
    }

    /// The keyword rows that describe source `source` in `direction`, by
    /// rank: the source's own rows, or, for a source that is one document
    /// standing for itself, that document's rows (the engine writes no
    /// source rows then, since they would repeat them).
    pub fn keywords_of_source(&self, source: u32, direction: Direction) -> Vec<&KeywordRow> {
        let mut rows: Vec<&KeywordRow> = self.keywords.iter().filter(|k| k.scope == Scope::Source(source) && k.direction == direction).collect();
        if rows.is_empty() {
            if let Some(only) = self.only_document_of(source) {
                rows = self.keywords.iter().filter(|k| k.scope == Scope::Document(only) && k.direction == direction).collect();
            }
        }
        rows.sort_by_key(|k| k.rank);
        rows
    }

    /// How strongly source `source` uses `frame`, per 1,000 words: its source
    /// row, or its only document's row (0 when neither exists).
    pub fn frame_score_of_source(&self, frame: Frame, source: u32) -> f64 {
        if let Some(f) = self.frames.iter().find(|f| f.scope == Scope::Source(source) && f.frame == frame) {
            return f.score;
        }
        self.only_document_of(source)
            .and_then(|only| self.frames.iter().find(|f| f.scope == Scope::Document(only) && f.frame == frame))
            .map(|f| f.score)
            .unwrap_or(0.0)
    }

    /// The document of source `source` when it has exactly one.
    fn only_document_of(&self, source: u32) -> Option<u32> {
        match self.sources.get(source as usize).map(|s| s.documents.as_slice()) {
            Some([only]) => Some(*only),
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

/// What a row describes: one document, one source, or a group of documents
/// the user picked (keyness computed on demand).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// A document (its index).
    Document(u32),
    /// A source (its index).
    Source(u32),
    Group,
}

/// Counts per document or per source: `(index, count)` pairs, by index.
pub type Counts = Vec<(u32, usize)>;

/// Someone or something the texts talk about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRow {
    pub id: String,
    pub name: String,
    /// `person`, `state`, `organisation`, `armed_group`, `place`, `media`,
    /// `institution`, or `unknown` for names found in the text but not typed yet.
    pub kind: String,
    /// The state an institution or a person belongs to (a gazetteer id), or "".
    pub parent: String,
    /// Every spelling seen in the texts, in order of first appearance.
    pub aliases: Vec<String>,
    /// Mentions per document (documents with none are left out). Demonyms
    /// ("les forces russes") are not in here unless `Config::count_demonyms`.
    pub mentions: Counts,
    /// Sum of `mentions`.
    pub total: usize,
    /// Demonym (attributive) mentions per document: "russe", "American".
    pub attributive: Counts,
    /// Mentions per source: `mentions` summed over the documents of each
    /// source. Sources with none are left out.
    pub sources: Counts,
}

impl ActorRow {
    /// Mentions in document `d`.
    pub fn mentions_in(&self, d: u32) -> usize {
        self.mentions.binary_search_by_key(&d, |(x, _)| *x).map_or(0, |i| self.mentions[i].1)
    }

    /// Mentions in source `s`.
    pub fn mentions_in_source(&self, s: u32) -> usize {
        self.sources.binary_search_by_key(&s, |(x, _)| *x).map_or(0, |i| self.sources[i].1)
    }
}

/// How a text names an actor at one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// "Bachar el-Assad".
    Name,
    /// "Damas", "le Pentagone" counted as its state.
    Metonym,
    /// "syrien".
    Demonym,
    /// "le régime syrien".
    Description,
    /// "HTS".
    Acronym,
    /// "Pompeo" after "Mike Pompeo".
    Partial,
}

impl MentionForm {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionForm::Name => "name",
            MentionForm::Metonym => "metonym",
            MentionForm::Demonym => "demonym",
            MentionForm::Description => "description",
            MentionForm::Acronym => "acronym",
            MentionForm::Partial => "partial",
        }
    }
}

/// One place in a document where an actor is named.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MentionRow {
    pub actor: u32,
    pub document: u32,
    /// Where the name stands (the text at it is the spelling, one of the actor's `aliases`).
    pub span: Span,
    /// The sentence the mention is in (its index in the document).
    pub sentence: u32,
    pub form: MentionForm,
}

/// Two actors named in the same sentence: how many sentences of a document
/// name both. `a` < `b`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CooccurrenceRow {
    pub a: u32,
    pub b: u32,
    pub document: u32,
    pub sentences: usize,
}

/// How a document or a whole source treats an actor: the mean of its mention
/// scores, −1 wholly negative, +1 wholly positive, 0 neutral or balanced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentimentRow {
    pub actor: u32,
    /// A document or a source.
    pub scope: Scope,
    pub score: f64,
    pub mentions: usize,
    /// From 0 to 1: grows with the number of mentions scored.
    pub confidence: f64,
    /// True when the score rests on one or two mentions.
    pub uncertain: bool,
    /// How many mentions put the actor in each role.
    pub roles: RoleCounts,
    /// Mentions in reported speech (a quotation or "selon X"): the score mixes
    /// the source's voice with quoted voices by this much.
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

/// The part an actor plays at one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Carries out a harmful act ("le régime a bombardé", "attack by X").
    Agent,
    /// Suffers a harmful act ("des civils ont été tués", "X was attacked").
    Victim,
    /// Receives support, help or praise ("soutenir la Turquie").
    Recipient,
    /// None of these could be told.
    Neutral,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Victim => "victim",
            Role::Recipient => "recipient",
            Role::Neutral => "neutral",
        }
    }
}

/// One scored mention and the words behind its score. Mentions with no cue
/// word, no role and no speaker have no row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionEvidence {
    pub actor: u32,
    pub document: u32,
    /// Where the actor is named.
    pub mention: Span,
    /// The sentence the mention is in.
    pub sentence: Span,
    /// The mention's score, −1 to 1.
    pub score: f64,
    pub role: Role,
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

/// One cue word or phrase at a mention (the text at `span`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CueRow {
    pub span: Span,
    /// What the cue added to the mention's score (negative: against the actor).
    pub weight: f64,
}

/// Over-used or under-used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Over,
    Under,
}

/// The languages keyness compares in: French, English, and everything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermLanguage {
    Fr,
    En,
    Und,
}

impl TermLanguage {
    pub fn as_str(self) -> &'static str {
        match self {
            TermLanguage::Fr => "fr",
            TermLanguage::En => "en",
            TermLanguage::Und => "und",
        }
    }
}

/// A term used more (or less) in one scope than in the rest of the corpus
/// (the other documents in the same language).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeywordRow {
    pub scope: Scope,
    /// The term as most often written ("régime", "armes chimiques").
    pub term: String,
    /// Occurrences in the scope.
    pub count: usize,
    /// Log-likelihood G² (≥ 3.84: p < 0.05; ≥ 6.63: p < 0.01), never negative; see `direction`.
    pub keyness: f64,
    /// 1 = the strongest, counted separately for over- and under-used terms.
    pub rank: usize,
    /// The stems the term is counted on ("regim", "arm chimiqu").
    pub key: String,
    /// The scope is compared with the rest of the corpus in this language.
    pub language: TermLanguage,
    pub direction: Direction,
    /// Effect size: log2 of the ratio of relative frequencies (+1 twice as frequent, −1 half); zero counts taken as 0.5.
    pub log_ratio: f64,
    /// Occurrences in the rest of the corpus.
    pub reference_count: usize,
    /// `keyness` ≥ 3.84 (p < 0.05).
    pub significant: bool,
}

/// A word a document uses to name an actor ("régime", "gouvernement").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelRow {
    pub actor: u32,
    pub document: u32,
    pub label: String,
    pub count: usize,
}

/// The 15 dimensions of the Media Frames Corpus (Boydstun et al. 2014), in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frame {
    Economic,
    CapacityResources,
    Morality,
    FairnessEquality,
    Legality,
    Policy,
    CrimePunishment,
    SecurityDefense,
    HealthSafety,
    QualityOfLife,
    CulturalIdentity,
    PublicOpinion,
    Political,
    ExternalRegulation,
    Other,
}

impl Frame {
    pub const ALL: [Frame; 15] = [
        Frame::Economic,
        Frame::CapacityResources,
        Frame::Morality,
        Frame::FairnessEquality,
        Frame::Legality,
        Frame::Policy,
        Frame::CrimePunishment,
        Frame::SecurityDefense,
        Frame::HealthSafety,
        Frame::QualityOfLife,
        Frame::CulturalIdentity,
        Frame::PublicOpinion,
        Frame::Political,
        Frame::ExternalRegulation,
        Frame::Other,
    ];

    /// Its id, as in `frame_cues.tsv` (`economic`, `security_defense`, …).
    pub fn id(self) -> &'static str {
        super::framing::FRAME_IDS[self as usize]
    }

    /// The frame of an id.
    pub fn from_id(id: &str) -> Option<Frame> {
        Frame::ALL.iter().copied().find(|f| f.id() == id)
    }
}

/// How strongly a document (or a source) uses one frame: cue words per 1,000 words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameRow {
    pub scope: Scope,
    pub frame: Frame,
    pub score: f64,
    /// Cue words found.
    pub count: usize,
    /// The sentences with the most cues (at most 12), in text order; empty on source rows.
    pub evidence: Vec<Span>,
    /// Every cue word found (document rows only).
    pub cues: Vec<Span>,
}

/// What an epistemic marker does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerKind {
    Hedge,
    Distancing,
    Certainty,
}

impl MarkerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MarkerKind::Hedge => "hedge",
            MarkerKind::Distancing => "distancing",
            MarkerKind::Certainty => "certainty",
        }
    }
}

/// How a marker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Device {
    /// A word or phrase of the marker lists.
    Lexicon,
    /// The French 3rd-person conditional (the journalistic conditional).
    Conditional,
    /// A few words in quotation marks that nobody is quoted as saying.
    ScareQuotes,
}

impl Device {
    pub fn as_str(self) -> &'static str {
        match self {
            Device::Lexicon => "lexicon",
            Device::Conditional => "conditional",
            Device::ScareQuotes => "scare_quotes",
        }
    }
}

/// A hedge, a distancing device or a certainty marker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkerRow {
    pub document: u32,
    pub kind: MarkerKind,
    /// The cue ("soi-disant", "les faits sont … clairs"), the conditional verb, or the words in scare quotes.
    pub marker: String,
    pub span: Span,
    pub device: Device,
    /// The sentence it is in (index in the document, as `MentionRow::sentence`).
    pub sentence: u32,
    /// The actors mentioned in the same sentence (indices, ascending).
    pub actors: Vec<u32>,
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
