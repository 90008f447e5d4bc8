//! The analysis engine: plain Rust, no browser code. The web worker, the page
//! and the command-line tool all call [`analyse`] and get the same [`Analysis`].
//!
//! Stages, in order: intake (decode, strip markup, metadata) → clean (page
//! chrome, repeated paragraphs) → segment the kept text (sentences, tokens)
//! → language → stems → actors → the `Analysis` rows.

mod actors;
mod analysis;
mod clean;
mod export;
mod fold;
mod formats;
mod intake;
mod language;
mod segment;
mod table;

pub use analysis::{
    ActorRow, Analysis, DocumentRow, FrameRow, KeywordRow, LabelRow, MarkerRow, MentionRow, RemovedRow,
    SentimentRow, Span, SCHEMA_VERSION,
};
pub use clean::{is_interface_phrase, Removal, RemovalReason};
pub use export::{to_csv_tables, to_json};
pub use fold::fold;
pub use intake::{body_start, decode_file, from_pasted, same_content, InputDocument, IntakeError, MAX_FILE_BYTES};
pub use segment::{segment, segment_regions, Segmented, Sentence, Token, TokenKind};
pub use table::{decode_table, guess_table_columns, TableColumns, TableGuess};

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
    let removals = clean::find_removals(docs);
    for (doc, removals) in docs.iter().zip(&removals) {
        let body = Span::new(body_start(&doc.text), doc.text.len());
        let mut seg = segment_regions(&doc.text, &clean::kept_regions(body, removals));
        let paragraphs = language::paragraph_languages(&doc.text, &seg.tokens);
        let language = if doc.language.trim().is_empty() {
            language::detect_document(&seg.tokens, &paragraphs).to_string()
        } else {
            doc.language.trim().to_lowercase()
        };
        seg.stem(&doc.text, &language);
        let warnings = language::warnings(&language, &paragraphs);
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
            removed: removals
                .iter()
                .map(|r| RemovedRow { span: r.span, reason: r.reason.as_str().to_string(), text: r.span.slice(&doc.text).to_string() })
                .collect(),
            warnings,
        });
        segs.push(seg);
    }
    let views: Vec<actors::DocView> = docs
        .iter()
        .zip(&segs)
        .map(|(d, s)| actors::DocView { id: &d.id, text: &d.text, seg: s })
        .collect();
    let (actors, mentions) = actors::find_actors(&views);
    Analysis {
        schema_version: SCHEMA_VERSION,
        generator: generator(),
        documents: rows,
        actors,
        mentions,
        sentiment: Vec::new(),
        keywords: Vec::new(),
        labels: Vec::new(),
        frames: Vec::new(),
        markers: Vec::new(),
    }
}

/// Gives each document an id not used before in `taken`: `name`, then `name (2)`, …
pub fn unique_id(name: &str, taken: &[&str]) -> String {
    if !taken.contains(&name) {
        return name.to_string();
    }
    (2..).map(|n| format!("{name} ({n})")).find(|c| !taken.contains(&c.as_str())).unwrap_or_default()
}
