//! Frame profiles: how often each document (and each source) uses the words
//! that announce one of the 15 Media Frames Corpus dimensions, per 1,000 words,
//! with the sentences that carry them.

use super::corpus::{Corpus, NO_TYPE};
use super::lexicon::{frame_cues, Language, FRAME_IDS};
use super::round4;
use crate::engine::analysis::{Frame, FrameRow, Scope, Span};
use std::collections::BTreeMap;

/// Scores are cues per this many words.
pub const PER_WORDS: f64 = 1000.0;
/// Evidence sentences kept per document and frame (the densest ones), so the JSON stays small.
pub const MAX_EVIDENCE_SENTENCES: usize = 12;

/// One of the 15 frame dimensions, for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameInfo {
    /// The id used in `FrameRow::frame` and in `frame_cues.tsv`.
    pub id: &'static str,
    pub name: &'static str,
    pub name_fr: &'static str,
}

/// The Media Frames Corpus dimensions (Boydstun et al. 2014), in their order.
pub const FRAMES: [FrameInfo; 15] = [
    FrameInfo { id: FRAME_IDS[0], name: "Economic", name_fr: "Économie" },
    FrameInfo { id: FRAME_IDS[1], name: "Capacity and resources", name_fr: "Capacités et ressources" },
    FrameInfo { id: FRAME_IDS[2], name: "Morality", name_fr: "Morale" },
    FrameInfo { id: FRAME_IDS[3], name: "Fairness and equality", name_fr: "Justice et égalité" },
    FrameInfo { id: FRAME_IDS[4], name: "Legality, constitutionality and jurisprudence", name_fr: "Légalité, constitutionnalité et jurisprudence" },
    FrameInfo { id: FRAME_IDS[5], name: "Policy prescription and evaluation", name_fr: "Prescription et évaluation des politiques" },
    FrameInfo { id: FRAME_IDS[6], name: "Crime and punishment", name_fr: "Crime et châtiment" },
    FrameInfo { id: FRAME_IDS[7], name: "Security and defense", name_fr: "Sécurité et défense" },
    FrameInfo { id: FRAME_IDS[8], name: "Health and safety", name_fr: "Santé et sûreté" },
    FrameInfo { id: FRAME_IDS[9], name: "Quality of life", name_fr: "Qualité de vie" },
    FrameInfo { id: FRAME_IDS[10], name: "Cultural identity", name_fr: "Identité culturelle" },
    FrameInfo { id: FRAME_IDS[11], name: "Public opinion", name_fr: "Opinion publique" },
    FrameInfo { id: FRAME_IDS[12], name: "Political", name_fr: "Politique" },
    FrameInfo { id: FRAME_IDS[13], name: "External regulation and reputation", name_fr: "Régulation extérieure et réputation" },
    FrameInfo { id: FRAME_IDS[14], name: "Other", name_fr: "Autre" },
];

/// Cue matches of one document: per frame, the cue spans and their sentence indices.
fn doc_matches(corpus: &Corpus, d: usize, first: &[Vec<u32>]) -> Vec<Vec<(Span, usize)>> {
    let doc = &corpus.docs[d];
    let vocab = corpus.vocab(doc.lang);
    let set = frame_cues(doc.lang);
    let mut found = vec![Vec::new(); FRAME_IDS.len()];
    let mut last_end = vec![0usize; FRAME_IDS.len()];
    let mut best = vec![0usize; FRAME_IDS.len()];
    for (s, sentence) in doc.seg.sentences.iter().enumerate() {
        let r = sentence.tokens.clone();
        for i in r.clone() {
            let t = doc.types[i];
            if t == NO_TYPE || first[t as usize].is_empty() {
                continue;
            }
            best.iter_mut().for_each(|b| *b = 0);
            for &c in &first[t as usize] {
                let cue = &set.cues[c as usize];
                if i < last_end[cue.class] {
                    continue;
                }
                if let Some(end) = vocab.match_rest(set.on, &cue.elems[1..], &doc.types, i + 1, r.end) {
                    best[cue.class] = best[cue.class].max(end);
                }
            }
            for (f, &end) in best.iter().enumerate() {
                if end > i {
                    let span = Span::new(doc.seg.tokens[i].span.start(), doc.seg.tokens[end - 1].span.end());
                    found[f].push((span, s));
                    last_end[f] = end;
                }
            }
        }
    }
    found
}

/// Frame rows: one per document and frame (documents in a language without
/// cues get none), then one per source and frame.
pub(crate) fn frame_rows(corpus: &Corpus) -> Vec<FrameRow> {
    let first: Vec<Vec<Vec<u32>>> = Language::ALL.iter().map(|&l| corpus.vocab(l).first_cues(frame_cues(l))).collect();
    let mut rows = Vec::new();
    // Per source: (words, cue count per frame) of its documents that have cues.
    let mut by_source: BTreeMap<u32, (usize, Vec<usize>)> = BTreeMap::new();
    for (d, doc) in corpus.docs.iter().enumerate() {
        if frame_cues(doc.lang).cues.is_empty() {
            continue;
        }
        let found = doc_matches(corpus, d, &first[doc.lang.index()]);
        let src = by_source.entry(doc.source).or_insert_with(|| (0, vec![0; FRAME_IDS.len()]));
        src.0 += doc.words;
        for (f, matches) in found.into_iter().enumerate() {
            src.1[f] += matches.len();
            let mut per_sentence: BTreeMap<usize, usize> = BTreeMap::new();
            for (_, s) in &matches {
                *per_sentence.entry(*s).or_default() += 1;
            }
            let mut densest: Vec<(usize, usize)> = per_sentence.into_iter().collect();
            densest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            densest.truncate(MAX_EVIDENCE_SENTENCES);
            densest.sort();
            rows.push(FrameRow {
                scope: Scope::Document(d as u32),
                frame: Frame::ALL[f],
                score: per_thousand(matches.len(), doc.words),
                count: matches.len(),
                evidence: densest.iter().map(|(s, _)| doc.seg.sentences[*s].span).collect(),
                cues: matches.iter().map(|(span, _)| *span).collect(),
            });
        }
    }
    for (source, (words, counts)) in by_source {
        if super::stands_for_itself(corpus, source as usize) {
            continue;
        }
        for (f, &n) in counts.iter().enumerate() {
            rows.push(FrameRow {
                scope: Scope::Source(source),
                frame: Frame::ALL[f],
                score: per_thousand(n, words),
                count: n,
                evidence: Vec::new(),
                cues: Vec::new(),
            });
        }
    }
    rows
}

fn per_thousand(n: usize, words: usize) -> f64 {
    if words == 0 {
        0.0
    } else {
        round4(n as f64 * PER_WORDS / words as f64)
    }
}
