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

use super::analysis::{DocumentRow, FrameRow, KeywordRow, MarkerRow, MentionRow};
use super::segment::Segmented;
use corpus::{Corpus, DocInput};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Output numbers keep this many decimals: enough to rank, and identical across platforms.
const ROUNDING: f64 = 10_000.0;

/// `x` rounded to 4 decimals (and −0 written as 0).
pub(crate) fn round4(x: f64) -> f64 {
    libm::round(x * ROUNDING) / ROUNDING + 0.0
}

/// A document without a source is its own source (named by its id): its source
/// rows would repeat its document rows, so they are left out.
pub(crate) fn stands_for_itself(corpus: &Corpus, source: &str, members: &[bool]) -> bool {
    let mut docs = corpus.docs.iter().zip(members).filter(|(_, &m)| m);
    matches!((docs.next(), docs.next()), (Some((d, _)), None) if d.id == source)
}

/// Keywords (each document, then each source, against the rest of the corpus
/// in the same language), frame rows and marker rows of a corpus.
pub(crate) fn analyse(docs: &[DocumentRow], segs: &[Segmented], mentions: &[MentionRow]) -> (Vec<KeywordRow>, Vec<FrameRow>, Vec<MarkerRow>) {
    let inputs = docs
        .iter()
        .zip(segs)
        .map(|(d, s)| DocInput { id: &d.id, source: &d.source, text: &d.text, language: &d.language, seg: Cow::Borrowed(s) })
        .collect();
    let corpus = Corpus::new(inputs);
    let terms = keyness::count_terms(&corpus);
    let mut keywords = Vec::new();
    for (d, doc) in corpus.docs.iter().enumerate() {
        let members: Vec<bool> = (0..corpus.docs.len()).map(|i| i == d).collect();
        keywords.extend(keyness::keyness_rows(&corpus, &terms, &format!("document:{}", doc.id), &members));
    }
    let mut sources: BTreeMap<&str, Vec<bool>> = BTreeMap::new();
    for (d, doc) in corpus.docs.iter().enumerate() {
        sources.entry(doc.source).or_insert_with(|| vec![false; corpus.docs.len()])[d] = true;
    }
    for (source, members) in sources {
        if stands_for_itself(&corpus, source, &members) {
            continue;
        }
        keywords.extend(keyness::keyness_rows(&corpus, &terms, &format!("source:{source}"), &members));
    }
    let frames = frames::frame_rows(&corpus);
    let markers = markers::marker_rows(&corpus, mentions);
    (keywords, frames, markers)
}
