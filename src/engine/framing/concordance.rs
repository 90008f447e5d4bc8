//! Concordance (KWIC) and collocates, computed on demand from an `Analysis`
//! so the exported JSON does not carry every context.

use super::corpus::{Corpus, DocInput, NO_TYPE};
use super::keyness::{count_terms, g2_table, keyness_rows};
use super::lexicon::{compile_cue, Language, MatchOn};
use super::round4;
use crate::engine::analysis::{Analysis, KeywordRow, Scope, Span};
use crate::engine::fold::fold;
use crate::engine::segment::{segment_in, Vocab};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;

/// Collocates are counted this many words to each side of a mention (the usual span in collocation studies).
pub const COLLOCATE_WINDOW: usize = 5;
/// A collocate must occur at least this often near the actor: once is chance.
pub const MIN_COLLOCATE_COUNT: u32 = 2;

/// One line of a concordance: a match with its context on either side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KwicLine {
    pub document: String,
    /// Up to `width_chars` characters before the match (line breaks shown as spaces).
    pub left: String,
    pub keyword: String,
    pub right: String,
    /// Where the match is in the document's text.
    pub span: Span,
    /// Sort key for "sort by left context": folded words of `left`, nearest first.
    pub left_key: String,
    /// Sort key for "sort by right context": folded words of `right`, in order.
    pub right_key: String,
}

/// How concordance lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KwicSort {
    /// Document order, then text order (as [`TextIndex::kwic`] returns them).
    Text,
    /// By the words just left of the match, nearest first.
    Left,
    /// By the words right of the match.
    Right,
}

/// Sorts concordance lines; ties keep text order.
pub fn sort_kwic(lines: &mut [KwicLine], by: KwicSort) {
    match by {
        KwicSort::Text => {}
        KwicSort::Left => lines.sort_by(|a, b| a.left_key.cmp(&b.left_key)),
        KwicSort::Right => lines.sort_by(|a, b| a.right_key.cmp(&b.right_key)),
    }
}

/// How collocates are scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CollocateMeasure {
    /// G²: favours frequent, reliable collocates.
    LogLikelihood,
    /// Pointwise mutual information (log2 observed/expected): favours rare, exclusive ones.
    Pmi,
}

/// A word found near an actor more often than chance predicts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Collocate {
    /// The most frequent spelling near the actor.
    pub term: String,
    /// The stem the count is made on.
    pub key: String,
    pub language: String,
    /// Occurrences within the window.
    pub count: usize,
    /// G² or PMI, as asked (4 decimals).
    pub score: f64,
}

/// The documents of an `Analysis`, segmented again for concordance, collocates
/// and keyness of any group of documents. Build it once, query it many times.
pub struct TextIndex<'a> {
    analysis: &'a Analysis,
    corpus: Corpus<'a>,
}

impl<'a> TextIndex<'a> {
    pub fn new(analysis: &'a Analysis) -> Self {
        let mut vocab = Vocab::new();
        let inputs: Vec<DocInput> = analysis
            .documents
            .iter()
            .map(|d| DocInput {
                id: &d.id,
                source: d.source,
                text: &d.text,
                language: &d.language,
                // The same kept text as the analysis: what cleaning removed stays out.
                seg: Cow::Owned(segment_in(&d.text, &d.kept(), &mut vocab)),
            })
            .collect();
        TextIndex { analysis, corpus: Corpus::new(inputs, &analysis.sources, &vocab) }
    }

    /// Every occurrence of `query` with `width_chars` characters of context.
    /// `query` is an actor id (its mentions), or words: inflections match
    /// ("terroriste" finds "terroristes"), `word*` matches a prefix.
    pub fn kwic(&self, query: &str, width_chars: usize) -> Vec<KwicLine> {
        let mut spans: Vec<(usize, Span)> = Vec::new();
        if let Some(actor) = self.actor(query) {
            for m in self.analysis.mentions.iter().filter(|m| m.actor == actor) {
                spans.push((m.document as usize, m.span));
            }
        } else {
            let compiled: Vec<Option<_>> = Language::ALL.iter().map(|&l| compile_cue(l, query, MatchOn::Unit).ok()).collect();
            for (d, doc) in self.corpus.docs.iter().enumerate() {
                let Some(elems) = &compiled[doc.lang.index()] else { continue };
                let vocab = self.corpus.vocab(doc.lang);
                for s in &doc.seg.sentences {
                    let mut i = s.tokens.start;
                    while i < s.tokens.end {
                        match vocab.match_rest(MatchOn::Unit, elems, &doc.types, i, s.tokens.end) {
                            Some(end) if end > i => {
                                spans.push((d, Span::new(doc.seg.tokens[i].span.start(), doc.seg.tokens[end - 1].span.end())));
                                i = end;
                            }
                            _ => i += 1,
                        }
                    }
                }
            }
        }
        spans.sort();
        spans
            .into_iter()
            .map(|(d, span)| {
                let doc = &self.corpus.docs[d];
                let body = self.analysis.documents[d].body;
                let before = doc.text.get(body.start().min(span.start())..span.start()).unwrap_or("");
                let after = doc.text.get(span.end()..body.end().max(span.end())).unwrap_or("");
                let left = one_line(&before.chars().rev().take(width_chars).collect::<Vec<_>>().into_iter().rev().collect::<String>());
                let right = one_line(&after.chars().take(width_chars).collect::<String>());
                let words = |s: &str| fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect::<Vec<_>>();
                let mut lw = words(&left);
                lw.reverse();
                KwicLine {
                    document: doc.id.to_string(),
                    keyword: one_line(span.slice(doc.text)),
                    left_key: lw.join(" "),
                    right_key: words(&right).join(" "),
                    left,
                    right,
                    span,
                }
            })
            .collect()
    }

    /// Words within ±[`COLLOCATE_WINDOW`] words of an actor's mentions (same
    /// sentence), scored against their frequency in the whole corpus of the
    /// same language; best first. Words of the actor's own mentions are left out.
    pub fn collocates(&self, actor_id: &str, measure: CollocateMeasure) -> Vec<Collocate> {
        let actor = self.actor(actor_id);
        // The actor's mentions, per document.
        let mut by_doc: Vec<Vec<Span>> = vec![Vec::new(); self.corpus.docs.len()];
        for m in self.analysis.mentions.iter().filter(|m| Some(m.actor) == actor) {
            if let Some(spans) = by_doc.get_mut(m.document as usize) {
                spans.push(m.span);
            }
        }
        // (language, unit) → (count near the actor, spelling counts)
        let mut near: HashMap<(Language, u32), (u32, HashMap<u32, u32>)> = HashMap::new();
        let mut window_words = [0u64; 3];
        let mut total_words = [0u64; 3];
        let mut unit_totals: [HashMap<u32, u64>; 3] = Default::default();
        for (doc, mentions) in self.corpus.docs.iter().zip(&by_doc) {
            let vocab = self.corpus.vocab(doc.lang);
            let li = doc.lang.index();
            for &t in &doc.types {
                if t != NO_TYPE {
                    total_words[li] += 1;
                    *unit_totals[li].entry(vocab.types[t as usize].unit).or_default() += 1;
                }
            }
            if mentions.is_empty() {
                continue;
            }
            let toks = &doc.seg.tokens;
            // Token ranges of the mentions, found by binary search on the token starts.
            let mut in_mention = vec![false; toks.len()];
            let mut ranges = Vec::with_capacity(mentions.len());
            for m in mentions {
                let first = toks.partition_point(|t| t.span.start < m.start);
                let last = toks.partition_point(|t| t.span.end <= m.end);
                if first < last {
                    in_mention[first..last].iter_mut().for_each(|x| *x = true);
                    ranges.push((first, last));
                }
            }
            let mut taken = vec![false; toks.len()];
            for (first, last) in ranges {
                let s = doc.seg.sentences.partition_point(|s| s.tokens.end <= first);
                let Some(r) = doc.seg.sentences.get(s).map(|s| s.tokens.clone()) else { continue };
                let word = |i: &usize| doc.types[*i] != NO_TYPE && !in_mention[*i];
                let left = (r.start..first).rev().filter(word).take(COLLOCATE_WINDOW);
                let right = (last..r.end).filter(word).take(COLLOCATE_WINDOW);
                for i in left.chain(right) {
                    if std::mem::replace(&mut taken[i], true) {
                        continue;
                    }
                    window_words[li] += 1;
                    let t = doc.types[i];
                    let ty = &vocab.types[t as usize];
                    if vocab.units[ty.unit as usize].term {
                        let e = near.entry((doc.lang, ty.unit)).or_default();
                        e.0 += 1;
                        *e.1.entry(t).or_default() += 1;
                    }
                }
            }
        }
        let mut out = Vec::new();
        for ((lang, unit), (o11, spellings)) in near {
            let li = lang.index();
            let (o, r1, c1, n) = (o11 as f64, window_words[li] as f64, unit_totals[li][&unit] as f64, total_words[li] as f64);
            if o11 < MIN_COLLOCATE_COUNT || o <= r1 * c1 / n {
                continue;
            }
            let score = match measure {
                CollocateMeasure::LogLikelihood => g2_table(o, r1 - o, c1 - o, (n - r1 - c1 + o).max(0.0)),
                CollocateMeasure::Pmi => libm::log2(o * n / (r1 * c1)),
            };
            let vocab = self.corpus.vocab(lang);
            let (&t, _) = spellings.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0))).expect("counted");
            out.push(Collocate {
                term: vocab.types[t as usize].surface.clone(),
                key: vocab.units[unit as usize].key.clone(),
                language: lang.code().to_string(),
                count: o11 as usize,
                score: round4(score),
            });
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.count.cmp(&a.count)).then_with(|| a.key.cmp(&b.key)));
        out
    }

    /// Keyness of a group of documents (by id) against the other documents of
    /// the same language; rows have scope `group`.
    pub fn keyness(&self, documents: &[&str]) -> Vec<KeywordRow> {
        let terms = count_terms(&self.corpus);
        let members: Vec<bool> = self.corpus.docs.iter().map(|d| documents.contains(&d.id)).collect();
        keyness_rows(&self.corpus, &terms, Scope::Group, &members)
    }

    /// The index of the actor with this id.
    fn actor(&self, id: &str) -> Option<u32> {
        self.analysis.actors.iter().position(|a| a.id == id).map(|i| i as u32)
    }
}

/// Line breaks and tabs as single spaces.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// Concordance of `query` in an analysis (see [`TextIndex::kwic`]).
pub fn kwic(analysis: &Analysis, query: &str, width_chars: usize) -> Vec<KwicLine> {
    TextIndex::new(analysis).kwic(query, width_chars)
}

/// Collocates of an actor in an analysis (see [`TextIndex::collocates`]).
pub fn collocates(analysis: &Analysis, actor_id: &str, measure: CollocateMeasure) -> Vec<Collocate> {
    TextIndex::new(analysis).collocates(actor_id, measure)
}

/// Keyness of any group of documents against the rest (see [`TextIndex::keyness`]).
pub fn keyness_for_group(analysis: &Analysis, documents: &[&str]) -> Vec<KeywordRow> {
    TextIndex::new(analysis).keyness(documents)
}
