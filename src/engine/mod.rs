//! The analysis engine: plain Rust, no browser code. The web worker, the page
//! and the command-line tool all call [`analyse`] and get the same [`Analysis`].
//!
//! Stages, in order: intake (decode, metadata) → segment (sentences, tokens)
//! → language → actors → framing → the `Analysis` rows.

mod actors;
mod analysis;
mod export;
mod fold;
mod framing;
mod intake;
mod language;
mod segment;

pub use analysis::{
    ActorRow, Analysis, DocumentRow, FrameRow, KeywordRow, LabelRow, MarkerRow, MentionRow, SentimentRow, Span,
    SCHEMA_VERSION,
};
pub use export::{to_csv_tables, to_json};
pub use fold::fold;
pub use framing::{
    collocates, keyness_for_group, kwic, log_likelihood, log_ratio, sort_kwic, Collocate, CollocateMeasure, FrameInfo,
    KwicLine, KwicSort, TextIndex, COLLOCATE_WINDOW, FRAMES, G2_P001, G2_P01, G2_P05,
};
pub use intake::{body_start, decode_file, from_pasted, InputDocument, IntakeError};
pub use segment::{segment, Segmented, Sentence, Token, TokenKind};

use serde::{Deserialize, Serialize};

/// Settings of an analysis. The page and the command-line tool pass the same
/// value to get the same result.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Config {}

/// The program and version written into every `Analysis`.
pub fn generator() -> String {
    format!("prisme {}", env!("CARGO_PKG_VERSION"))
}

/// Analyses a corpus. Documents keep the order given.
pub fn analyse(docs: &[InputDocument], _config: &Config) -> Analysis {
    let mut rows = Vec::with_capacity(docs.len());
    let mut segs = Vec::with_capacity(docs.len());
    for doc in docs {
        let body = Span::new(body_start(&doc.text), doc.text.len());
        let seg = segment(&doc.text, body);
        let language = if doc.language.trim().is_empty() {
            language::detect(&seg.tokens).to_string()
        } else {
            doc.language.trim().to_lowercase()
        };
        rows.push(DocumentRow {
            id: doc.id.clone(),
            name: doc.name.clone(),
            title: doc.title.clone(),
            source: if doc.source.trim().is_empty() { doc.id.clone() } else { doc.source.trim().to_string() },
            date: doc.date.clone(),
            language,
            words: seg.word_count(),
            sentences: seg.sentences.len(),
            text: doc.text.clone(),
            body,
        });
        segs.push(seg);
    }
    let views: Vec<actors::DocView> = docs
        .iter()
        .zip(&segs)
        .map(|(d, s)| actors::DocView { id: &d.id, text: &d.text, seg: s })
        .collect();
    let (actors, mentions) = actors::find_actors(&views);
    let (keywords, frames, markers) = framing::analyse(&rows, &segs, &mentions);
    Analysis {
        schema_version: SCHEMA_VERSION,
        generator: generator(),
        documents: rows,
        actors,
        mentions,
        sentiment: Vec::new(),
        keywords,
        labels: Vec::new(),
        frames,
        markers,
    }
}

/// Gives each document an id not used before in `taken`: `name`, then `name (2)`, …
pub fn unique_id(name: &str, taken: &[&str]) -> String {
    if !taken.contains(&name) {
        return name.to_string();
    }
    (2..).map(|n| format!("{name} ({n})")).find(|c| !taken.contains(&c.as_str())).unwrap_or_default()
}
