//! Framing: the words each source chooses. Keyness of terms between documents
//! and sources, frame profiles (the 15 Media Frames Corpus dimensions), and
//! epistemic markers (hedges, distancing, certainty) with the actors near them.
//! Concordance and collocates are computed on demand ([`TextIndex`]).
//!
//! Numbers are computed with `libm` (not the platform's `ln`) and rounded to
//! four decimals, so native and WebAssembly give the same bytes.

mod concordance;
mod corpus;
mod frames;
mod keyness;
mod lexicon;
mod markers;

pub use concordance::{
    collocates, keyness_for_group, kwic, sort_kwic, Collocate, CollocateMeasure, KwicLine, KwicSort, TextIndex,
    COLLOCATE_WINDOW,
};
pub use frames::{FrameInfo, FRAMES};
pub use keyness::{log_likelihood, log_ratio, G2_P001, G2_P01, G2_P05};
pub(crate) use lexicon::FRAME_IDS;

use super::analysis::{DocumentRow, FrameRow, KeywordRow, MarkerRow, MentionRow, Scope, SourceRow};
use super::segment::{Segmented, Vocab};
use corpus::{Corpus, DocInput};
use std::borrow::Cow;

/// Hash maps of the hot loops, keyed by term ids and spellings built from the
/// user's own text: the Firefox/rustc multiply-rotate hash (rustc-hash's FxHash) is several times
/// faster than the default SipHash on such short keys. Its weakness against
/// crafted collisions does not matter for a corpus the user analyses alone.
/// Nothing depends on the iteration order (rankings break ties by key).
pub(crate) type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Output numbers keep this many decimals: enough to rank, and identical across platforms.
const ROUNDING: f64 = 10_000.0;

/// `x` rounded to 4 decimals (and −0 written as 0).
pub(crate) fn round4(x: f64) -> f64 {
    libm::round(x * ROUNDING) / ROUNDING + 0.0
}

/// A document without a source is its own source (named by its id): its source
/// rows would repeat its document rows, so they are left out.
pub(crate) fn stands_for_itself(corpus: &Corpus, source: usize) -> bool {
    corpus.sources[source].is_its_document(|d| corpus.docs.get(d as usize).map(|doc| doc.id))
}

/// Loads the framing lists (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    for lang in lexicon::Language::ALL {
        lexicon::frame_cues(lang);
        lexicon::marker_cues(lang);
        lexicon::is_stop(lang, "");
        lexicon::stem_key(lang, "a");
    }
}

/// Keywords (each document, then each source, against the rest of the corpus
/// in the same language), frame rows and marker rows of a corpus.
pub(crate) fn analyse(
    docs: &[DocumentRow],
    sources: &[SourceRow],
    segs: &[Segmented],
    vocab: &Vocab,
    mentions: &[MentionRow],
) -> (Vec<KeywordRow>, Vec<FrameRow>, Vec<MarkerRow>) {
    let inputs = docs
        .iter()
        .zip(segs)
        .map(|(d, s)| DocInput { id: &d.id, source: d.source, text: &d.text, language: &d.language, seg: Cow::Borrowed(s) })
        .collect();
    let corpus = Corpus::new(inputs, sources, vocab);
    let terms = keyness::count_terms(&corpus);
    let mut keywords = Vec::new();
    let mut scratch = keyness::ScopeCounts::new();
    for d in 0..corpus.docs.len() {
        keywords.extend(keyness::keyness_rows_with(&corpus, &terms, Scope::Document(d as u32), &[d], &mut scratch));
    }
    for (s, source) in sources.iter().enumerate() {
        if stands_for_itself(&corpus, s) {
            continue;
        }
        let members: Vec<usize> = source.documents.iter().map(|&d| d as usize).collect();
        keywords.extend(keyness::keyness_rows_with(&corpus, &terms, Scope::Source(s as u32), &members, &mut scratch));
    }
    let frames = frames::frame_rows(&corpus);
    let markers = markers::marker_rows(&corpus, mentions);
    (keywords, frames, markers)
}
