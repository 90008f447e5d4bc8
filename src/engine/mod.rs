//! The analysis engine: plain Rust, no browser code. The web worker, the page
//! and the command-line tool all call [`analyse`] and get the same [`Analysis`].
//!
//! Stages, in order: intake (decode, strip markup, metadata) → clean (page
//! chrome, repeated paragraphs) → segment the kept text (sentences, tokens)
//! → language → stems → actors (gazetteer, descriptions, discovery) →
//! sentiment → framing (keyness, frames, markers) → the `Analysis` rows.

mod actors;
mod analysis;
mod clean;
mod export;
mod fold;
mod formats;
mod framing;
mod gazetteer;
mod intake;
mod language;
mod packed;
mod report;
mod lexicon;
mod lookup;
mod segment;
mod sentiment;
mod table;
mod transfer;
mod vocab;

pub use analysis::{
    ActorRow, Analysis, CooccurrenceRow, Counts, CueRow, Device, Direction, DocumentRow, DocumentWarning, Frame, FrameRow, KeywordRow,
    LabelRow, MarkerKind, MarkerRow, MentionEvidence, MentionForm, MentionRow, RemovalReason, RemovedRow, Role, RoleCounts, Scope, SentimentRow,
    SourceRow, Span, TermLanguage, SCHEMA_VERSION,
};
pub use clean::{is_interface_phrase, Removal};
pub use gazetteer::{Entry as GazetteerEntry, Gazetteer};
pub use lookup::Lookup;
pub use report::{data_files, to_report_html};
pub use export::{to_csv_tables, to_csv_zip, to_json, write_json, zip_csv_tables};
pub use fold::fold;
pub use framing::{
    collocates, keyness_for_group, kwic, log_likelihood, log_ratio, sort_kwic, Collocate, CollocateMeasure, FrameInfo,
    KwicLine, KwicSort, TextIndex, COLLOCATE_WINDOW, FRAMES, G2_P001, G2_P01, G2_P05,
};
pub use intake::{
    body_start, decode_file, from_pasted, from_pasted_many, same_content, InputDocument, IntakeError,
    DEFAULT_PASTE_SEPARATOR, MAX_FILE_BYTES,
};
pub use segment::{segment, segment_in, segment_regions, Segmented, Sentence, Token, TokenKind};
pub use vocab::{KeyId, TypeId, Vocab};
pub use sentiment::{score_target, training as sentiment_training, MentionSentiment, NEUTRAL_BAND};
pub use transfer::{write_parts, AnalysisParts};
pub use table::{decode_table, guess_table_columns, TableColumns, TableGuess};

use serde::{Deserialize, Serialize};

/// Settings of an analysis. The page and the command-line tool pass the same
/// value to get the same result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Count demonyms ("les forces russes" → Russia) in an actor's `total`.
    /// Off by default: they are reported apart, in `ActorRow::attributive`.
    pub count_demonyms: bool,
    /// Count an institution ("le Pentagone") as its state (the United States).
    /// Off: the institution is an actor of its own, with its state as `parent`.
    pub institutions_as_state: bool,
    /// The user's corrections to the actor list, applied in order.
    pub actor_edits: Vec<ActorEdit>,
    /// The user's own actor list, in the gazetteer TSV format; its rows add to
    /// (or, for the same id, replace) the built-in ones.
    pub user_gazetteer: String,
}

impl Default for Config {
    fn default() -> Self {
        Config { count_demonyms: false, institutions_as_state: true, actor_edits: Vec::new(), user_gazetteer: String::new() }
    }
}

/// A correction of the actor list made by the user; the engine applies it on
/// every run, so the page can re-analyse and keep the user's work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case", try_from = "ActorEditFields")]
pub enum ActorEdit {
    /// Show actor `id` under `name`.
    Rename { id: String, name: String },
    /// Count every mention of `from` as `into`.
    Merge { from: String, into: String },
    /// The mentions of `id` spelled `alias` are another actor, named `new_name`.
    SplitAlias { id: String, alias: String, new_name: String },
    /// Set the kind of `id` (`person`, `state`, …).
    SetKind { id: String, kind: String },
    /// Leave `id` out of the analysis.
    Ignore { id: String },
    /// A new actor, found by these names (its id is `x:` and its name as a slug).
    Add { name: String, kind: String, aliases: Vec<String> },
}

/// Every field of every [`ActorEdit`], read at once and then picked by
/// `edit`: the same JSON, without serde's buffered reading of a tagged enum
/// (a second deserializer per variant, about 5 KB of gzipped wasm in the
/// page and again in the worker).
#[derive(Deserialize)]
struct ActorEditFields {
    edit: String,
    id: Option<String>,
    name: Option<String>,
    from: Option<String>,
    into: Option<String>,
    alias: Option<String>,
    new_name: Option<String>,
    kind: Option<String>,
    aliases: Option<Vec<String>>,
}

impl TryFrom<ActorEditFields> for ActorEdit {
    type Error = String;

    fn try_from(f: ActorEditFields) -> Result<Self, String> {
        let need = |v: Option<String>, field: &str| v.ok_or_else(|| format!("missing field `{field}`"));
        Ok(match f.edit.as_str() {
            "rename" => ActorEdit::Rename { id: need(f.id, "id")?, name: need(f.name, "name")? },
            "merge" => ActorEdit::Merge { from: need(f.from, "from")?, into: need(f.into, "into")? },
            "split_alias" => ActorEdit::SplitAlias {
                id: need(f.id, "id")?,
                alias: need(f.alias, "alias")?,
                new_name: need(f.new_name, "new_name")?,
            },
            "set_kind" => ActorEdit::SetKind { id: need(f.id, "id")?, kind: need(f.kind, "kind")? },
            "ignore" => ActorEdit::Ignore { id: need(f.id, "id")? },
            "add" => ActorEdit::Add {
                name: need(f.name, "name")?,
                kind: need(f.kind, "kind")?,
                aliases: f.aliases.ok_or("missing field `aliases`")?,
            },
            other => return Err(format!("unknown edit `{other}`")),
        })
    }
}

#[cfg(test)]
mod actor_edit_json {
    use super::ActorEdit;

    #[test]
    fn every_edit_reads_back_from_its_json() {
        let (s, n) = (|v: &str| v.to_string(), |v: &[&str]| v.iter().map(|a| a.to_string()).collect::<Vec<_>>());
        for edit in [
            ActorEdit::Rename { id: s("sy"), name: s("Syrie") },
            ActorEdit::Merge { from: s("a"), into: s("b") },
            ActorEdit::SplitAlias { id: s("sy"), alias: s("Damas"), new_name: s("Damascus") },
            ActorEdit::SetKind { id: s("x:a"), kind: s("place") },
            ActorEdit::Ignore { id: s("ru") },
            ActorEdit::Add { name: s("Mirvane market"), kind: s("place"), aliases: n(&["Mirvane", "le marché"]) },
        ] {
            let json = serde_json::to_string(&edit).unwrap();
            assert_eq!(serde_json::from_str::<ActorEdit>(&json).unwrap(), edit, "{json}");
        }
        let json = r#"{"edit":"rename","id":"sy","name":"Syrie"}"#;
        assert_eq!(serde_json::to_string(&ActorEdit::Rename { id: s("sy"), name: s("Syrie") }).unwrap(), json);
    }

    #[test]
    fn an_edit_with_a_missing_field_or_an_unknown_kind_is_refused() {
        for json in [r#"{"edit":"rename","id":"sy"}"#, r#"{"edit":"paint","id":"sy"}"#, r#"{"id":"sy"}"#] {
            assert!(serde_json::from_str::<ActorEdit>(json).is_err(), "{json}");
        }
    }
}

/// The actor list of an analysis as gazetteer TSV, to edit and load back with
/// [`Gazetteer::parse`] (or as `Config::user_gazetteer`).
pub fn actors_to_tsv(analysis: &Analysis) -> String {
    actors::actors_to_tsv(&analysis.actors)
}

/// The gazetteer an analysis with `config` uses: the built-in one, the user's
/// list and the actors added by edits. Errors name the line of the user's list.
pub fn gazetteer_for(config: &Config) -> Result<Gazetteer, String> {
    let mut g = Gazetteer::builtin().clone();
    if !config.user_gazetteer.trim().is_empty() {
        g.merge(Gazetteer::parse(&config.user_gazetteer)?);
    }
    let mut added = String::new();
    for e in &config.actor_edits {
        if let ActorEdit::Add { name, kind, aliases } = e {
            let id: String = format!("x:{}", fold(name).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-"));
            let clean = |s: &str| s.replace(['\t', '\n', '|'], " ");
            let al: Vec<String> = aliases.iter().map(|a| clean(a)).collect();
            added.push_str(&format!("{id}\t{kind}\t\t{}\t{}\t{}\n", clean(name), clean(name), al.join("|")));
        }
    }
    if !added.is_empty() {
        g.merge(Gazetteer::parse(&added).map_err(|e| format!("added actor: {e}"))?);
    }
    Ok(g)
}

/// Loads every built-in list (gazetteer, lexicons, models, cues), which
/// otherwise happens on first use, and returns how long each part took in
/// milliseconds by `now` (any origin). The worker calls it as it starts, so
/// the reader's first analysis does not wait for it.
pub fn warm_up(now: &dyn Fn() -> f64) -> Vec<(&'static str, f64)> {
    let mut last = now();
    let mut parts = Vec::new();
    let mut timed = |name: &'static str, load: &dyn Fn()| {
        load();
        let t = now();
        parts.push((name, t - last));
        last = t;
    };
    timed("gazetteer", &|| {
        gazetteer::Matcher::builtin();
        actors::warm_up();
    });
    timed("sentiment fr", &|| sentiment::warm_up(sentiment::Lang::Fr));
    timed("sentiment en", &|| sentiment::warm_up(sentiment::Lang::En));
    timed("framing", &framing::warm_up);
    timed("cleaning and language", &|| {
        clean::warm_up();
        language::warm_up();
    });
    parts
}

/// The program and version written into every `Analysis`.
pub fn generator() -> String {
    format!("prisme {}", env!("CARGO_PKG_VERSION"))
}

/// Analyses a corpus. Documents keep the order given.
///
/// A user gazetteer that does not parse is ignored (the built-in list is used);
/// call [`gazetteer_for`] first to show the user the error.
pub fn analyse(docs: &[InputDocument], config: &Config) -> Analysis {
    analyse_staged(docs.to_vec(), config, &mut |_| {})
}

/// [`analyse`] of documents it may keep: their texts move into the
/// analysis instead of being copied (the worker's case: half the memory).
pub fn analyse_owned(docs: Vec<InputDocument>, config: &Config) -> Analysis {
    analyse_staged(docs, config, &mut |_| {})
}

/// Time spent in each stage of one [`analyse`] run, in milliseconds, for the
/// benchmarks (`cargo bench`, `scripts/bench`). Stages run one after the other
/// over the whole corpus, so they add up to `total` (give or take the clock).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct StageTimes {
    /// Page chrome and repeated paragraphs found across documents.
    pub clean: f64,
    /// Sentences and tokens.
    pub segment: f64,
    /// Language detection, Snowball stems and the document rows.
    pub language: f64,
    /// Gazetteer matching, descriptions, discovery, co-occurrences.
    pub actors: f64,
    /// Sentiment toward each actor.
    pub sentiment: f64,
    /// Keyness, frames and markers.
    pub framing: f64,
    /// The whole analysis.
    pub total: f64,
}

/// [`analyse`], timed stage by stage with the native clock. Same output.
#[cfg(not(target_arch = "wasm32"))]
pub fn analyse_timed(docs: Vec<InputDocument>, config: &Config) -> (Analysis, StageTimes) {
    let started = std::time::Instant::now();
    analyse_with_clock(docs, config, &|| started.elapsed().as_secs_f64() * 1000.0)
}

/// [`analyse`], timed stage by stage with `now` (milliseconds from any
/// origin): the browser passes `performance.now`, where `std::time` panics.
pub fn analyse_with_clock(docs: Vec<InputDocument>, config: &Config, now: &dyn Fn() -> f64) -> (Analysis, StageTimes) {
    let mut times = StageTimes::default();
    let started = now();
    let mut last = started;
    let analysis = analyse_staged(docs, config, &mut |stage| {
        let t = now();
        let spent = t - last;
        last = t;
        match stage {
            Stage::Clean => times.clean += spent,
            Stage::Segment => times.segment += spent,
            Stage::Language => times.language += spent,
            Stage::Actors => times.actors += spent,
            Stage::Sentiment => times.sentiment += spent,
            Stage::Framing => times.framing += spent,
        }
    });
    times.total = now() - started;
    (analysis, times)
}

/// Where a running analysis is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// The stage just finished: `cleaning`, `segmenting`, `actors`, `framing` or `sentiment`.
    pub stage: &'static str,
    /// Work done so far, out of `total` (the same unit for the whole run).
    pub done: usize,
    pub total: usize,
}

/// Units of work of each stage after segmentation, as a share of the
/// segmentation's (one unit per byte of text): on the bench corpora, actors,
/// sentiment and framing each take about as long as segmenting and stemming.
const LATER_STAGE_WEIGHT: usize = 1;

/// [`analyse`], calling `progress` as it goes (after each document and each
/// stage). The result is the same as `analyse`'s.
pub fn analyse_with_progress(docs: Vec<InputDocument>, config: &Config, progress: &mut dyn FnMut(Progress)) -> Analysis {
    let lengths: Vec<usize> = docs.iter().map(|d| d.text.len()).collect();
    let bytes: usize = lengths.iter().sum::<usize>().max(1);
    let later = bytes * LATER_STAGE_WEIGHT;
    let total = bytes + 3 * later;
    let mut done = 0;
    let mut segmented = 0;
    analyse_staged(docs, config, &mut |stage| {
        let name = match stage {
            Stage::Clean => "cleaning",
            Stage::Segment => {
                done += lengths.get(segmented).copied().unwrap_or(0);
                segmented += 1;
                "segmenting"
            }
            Stage::Language => "segmenting",
            Stage::Actors | Stage::Sentiment | Stage::Framing => {
                done += later;
                match stage {
                    Stage::Actors => "actors",
                    Stage::Sentiment => "sentiment",
                    _ => "framing",
                }
            }
        };
        progress(Progress { stage: name, done: done.min(total), total });
    })
}

/// A stage of [`analyse`], reported to the timer when it ends.
#[derive(Clone, Copy)]
enum Stage {
    Clean,
    Segment,
    Language,
    Actors,
    Sentiment,
    Framing,
}

/// The analysis; `done(stage)` is called each time a stage's work ends (per
/// document for segment and language), so a timer can charge the time since
/// the previous call to it.
fn analyse_staged(mut docs: Vec<InputDocument>, config: &Config, done: &mut dyn FnMut(Stage)) -> Analysis {
    // The sources by name; a document that names none is its own source.
    let source_names: Vec<String> = docs.iter().map(|d| if d.source.trim().is_empty() { d.id.clone() } else { d.source.trim().to_string() }).collect();
    let mut sources: Vec<SourceRow> = {
        let mut names: Vec<&str> = source_names.iter().map(String::as_str).collect();
        names.sort_unstable();
        names.dedup();
        names.into_iter().map(|name| SourceRow { name: name.to_string(), documents: Vec::new(), words: 0 }).collect()
    };
    let mut rows = Vec::with_capacity(docs.len());
    let mut segs = Vec::with_capacity(docs.len());
    let removals = clean::find_removals(&docs);
    done(Stage::Clean);
    let mut vocab = Vocab::new();
    let mut key_facts = language::KeyFacts::default();
    for (doc, removals) in docs.iter_mut().zip(&removals) {
        let body = Span::new(body_start(&doc.text), doc.text.len());
        let seg = segment_in(&doc.text, &clean::kept_regions(body, removals), &mut vocab);
        done(Stage::Segment);
        key_facts.update(&vocab);
        let paragraphs = language::paragraph_languages(&doc.text, &seg.tokens, &key_facts);
        let language = if doc.language.trim().is_empty() {
            language::detect_document(&seg.tokens, &key_facts, &paragraphs).to_string()
        } else {
            doc.language.trim().to_lowercase()
        };
        let warnings = language::warnings(&language, &paragraphs);
        rows.push(DocumentRow {
            id: doc.id.clone(),
            name: doc.name.clone(),
            title: doc.title.clone(),
            source: sources.binary_search_by(|s| s.name.as_str().cmp(&source_names[rows.len()])).unwrap_or(0) as u32,
            date: doc.date.clone(),
            language,
            words: seg.word_count(),
            sentences: seg.sentences.len(),
            // The text moves into the row: every later stage reads it there.
            text: std::mem::take(&mut doc.text),
            body,
            removed: removals
                .iter()
                .map(|r| RemovedRow { span: r.span, reason: r.reason })
                .collect(),
            warnings,
        });
        segs.push(seg);
        done(Stage::Language);
    }
    drop(docs);
    let views: Vec<actors::DocView> =
        segs.iter().zip(&rows).map(|(s, r)| actors::DocView { text: &r.text, seg: s, language: &r.language, vocab: &vocab }).collect();
    let custom = !config.user_gazetteer.trim().is_empty() || config.actor_edits.iter().any(|e| matches!(e, ActorEdit::Add { .. }));
    let own_matcher = if custom { gazetteer_for(config).ok().map(|g| gazetteer::Matcher::new(std::borrow::Cow::Owned(g))) } else { None };
    let opts = actors::Options {
        matcher: own_matcher.as_ref().unwrap_or_else(|| gazetteer::Matcher::builtin()),
        count_demonyms: config.count_demonyms,
        institutions_as_state: config.institutions_as_state,
        edits: &config.actor_edits,
    };
    let mut found = actors::find_actors(&views, &opts);
    drop(views);
    for (d, row) in rows.iter().enumerate() {
        let s = &mut sources[row.source as usize];
        s.documents.push(d as u32);
        s.words += row.words;
    }
    for actor in &mut found.actors {
        let mut per_source: Counts = actor.mentions.iter().map(|&(d, n)| (rows[d as usize].source, n)).collect();
        per_source.sort_unstable_by_key(|(s, _)| *s);
        per_source.dedup_by(|next, kept| {
            let same = next.0 == kept.0;
            if same {
                kept.1 += next.1;
            }
            same
        });
        actor.sources = per_source;
    }
    // Each stage's lists grew as rows came: the room left over is given
    // back before the next stage, so the peaks of later stages do not hold it.
    found.actors.shrink_to_fit();
    found.mentions.shrink_to_fit();
    found.labels.shrink_to_fit();
    found.cooccurrences.shrink_to_fit();
    done(Stage::Actors);
    // Framing runs before sentiment, though neither reads the other: its
    // working lists are the largest of any stage, and sentiment's rows (the
    // evidence of every mention above all) are the largest output. In this
    // order the two never coexist, and the peak falls by the evidence's size
    // (on 5 MB of English, from 92 to 76 MB of heap; the result is the same).
    let (mut keywords, mut frames, mut markers) = framing::analyse(&rows, &sources, &segs, &vocab, &found.mentions);
    keywords.shrink_to_fit();
    frames.shrink_to_fit();
    markers.shrink_to_fit();
    done(Stage::Framing);
    let (mut sentiment, mut sentiment_evidence) = sentiment::score_actors(&rows, &sources, &segs, &vocab, &found.actors, &found.mentions);
    sentiment.shrink_to_fit();
    sentiment_evidence.shrink_to_fit();
    done(Stage::Sentiment);
    Analysis {
        schema_version: SCHEMA_VERSION,
        generator: generator(),
        documents: rows,
        sources,
        actors: found.actors,
        mentions: found.mentions,
        sentiment,
        keywords,
        labels: found.labels,
        frames,
        markers,
        cooccurrences: found.cooccurrences,
        sentiment_evidence,
    }
}

/// Gives each document an id not used before in `taken`: `name`, then `name (2)`, …
pub fn unique_id(name: &str, taken: &[&str]) -> String {
    unique_id_where(name, |c| taken.contains(&c))
}

/// [`unique_id`], with `is_taken` saying which ids are used (a set, for
/// thousands of documents).
pub fn unique_id_where(name: &str, is_taken: impl Fn(&str) -> bool) -> String {
    if !is_taken(name) {
        return name.to_string();
    }
    (2..).map(|n| format!("{name} ({n})")).find(|c| !is_taken(c)).unwrap_or_default()
}

#[cfg(test)]
mod unique_ids {
    use super::{unique_id, unique_id_where};

    #[test]
    fn a_used_id_gets_the_first_free_number() {
        assert_eq!(unique_id("a.txt", &["b.txt"]), "a.txt");
        assert_eq!(unique_id("a.txt", &["a.txt", "a.txt (2)"]), "a.txt (3)");
        let taken: std::collections::HashSet<&str> = ["a.txt", "a.txt (3)"].into_iter().collect();
        assert_eq!(unique_id_where("a.txt", |c| taken.contains(c)), "a.txt (2)");
    }
}
