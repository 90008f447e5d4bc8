//! Keyness: the terms one document, source or group uses more (or less) than
//! the rest of the corpus in the same language.
//!
//! Statistic: log-likelihood G² (Dunning 1993, as Rayson & Garside 2000 apply
//! it to two corpora). Effect size: Hardie's (2014) log ratio, the binary log of
//! the ratio of relative frequencies. Terms are units (stems, stop words left
//! out) and multi-word phrases found by collocation, not by a list.

use super::corpus::{Corpus, Vocab, NO_TYPE};
use super::lexicon::Language;
use super::round4;
use crate::engine::analysis::{Direction, KeywordRow, Scope};
use super::{FastMap as HashMap, FastSet};

/// G² at or above this is significant at p < 0.05 (chi-square, 1 degree of freedom).
pub const G2_P05: f64 = 3.84;
/// G² at or above this is significant at p < 0.01.
pub const G2_P01: f64 = 6.63;
/// G² at or above this is significant at p < 0.001.
pub const G2_P001: f64 = 10.83;
/// A zero frequency counts as this in the log ratio, so a word absent from one side still gets a finite ratio (Hardie 2014).
pub const LOG_RATIO_ZERO: f64 = 0.5;

/// A phrase must occur at least this often: once is not a habit.
const MIN_COLLOCATION_COUNT: u32 = 2;
/// …in at least this many documents (fewer when the language has fewer): a phrase one text repeats may be its tic, one two texts share names a thing.
const MIN_COLLOCATION_DOCS: u32 = 2;
/// …and its words must attract each other at p < 0.001 (G² of the 2×2 table).
const MIN_COLLOCATION_G2: f64 = G2_P001;
/// An over-used term must occur at least this often in the scope: a single occurrence says nothing of a choice.
const MIN_TARGET_COUNT: u32 = 2;
/// An under-used term must occur at least this often in the rest of the corpus.
const MIN_REFERENCE_COUNT: u32 = 2;
/// Over-used terms kept per scope and language (keeps the JSON small; the rest are weaker).
pub const KEYWORDS_OVER: usize = 30;
/// Under-used terms kept per scope and language.
pub const KEYWORDS_UNDER: usize = 15;

/// A term: up to three units, unused places `NO_TYPE`.
pub(crate) type TermKey = [u32; 3];
/// A keyness candidate: term, count in scope, count in the rest, G², stem key.
type Candidate<'s> = (TermKey, u32, u32, f64, &'s str);
/// Terms ranked before phrase folding: a few times what is kept, since folding drops some.
const SHORTLIST_FACTOR: usize = 3;

fn ln(x: f64) -> f64 {
    libm::log(x)
}

/// Log-likelihood G² of a term seen `a` times in a target of `c` words and
/// `b` times in a reference of `d` words: 2 Σ O ln(O/E), with E the counts
/// expected if both used the term at the same rate. 0 when nothing is seen.
pub fn log_likelihood(a: f64, b: f64, c: f64, d: f64) -> f64 {
    if c + d <= 0.0 || a + b <= 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let mut g = 0.0;
    if a > 0.0 && e1 > 0.0 {
        g += a * ln(a / e1);
    }
    if b > 0.0 && e2 > 0.0 {
        g += b * ln(b / e2);
    }
    2.0 * g
}

/// Hardie's log ratio: log2 of (a/c) / (b/d), zero counts taken as 0.5.
/// +1 means twice as frequent in the target, −1 half as frequent.
pub fn log_ratio(a: f64, b: f64, c: f64, d: f64) -> f64 {
    if c <= 0.0 || d <= 0.0 {
        return 0.0;
    }
    let a = if a == 0.0 { LOG_RATIO_ZERO } else { a };
    let b = if b == 0.0 { LOG_RATIO_ZERO } else { b };
    libm::log2((a / c) / (b / d))
}

/// G² of a 2×2 contingency table [[o11, o12], [o21, o22]] (association of two words).
pub(crate) fn g2_table(o11: f64, o12: f64, o21: f64, o22: f64) -> f64 {
    let n = o11 + o12 + o21 + o22;
    if n <= 0.0 {
        return 0.0;
    }
    let (r1, r2, c1, c2) = (o11 + o12, o21 + o22, o11 + o21, o12 + o22);
    let cell = |o: f64, r: f64, c: f64| if o > 0.0 && r > 0.0 && c > 0.0 { o * ln(o * n / (r * c)) } else { 0.0 };
    2.0 * (cell(o11, r1, c1) + cell(o12, r1, c2) + cell(o21, r2, c1) + cell(o22, r2, c2))
}

/// Term counts of every document, and how each term is shown.
pub(crate) struct Terms {
    /// Per document (same order as the corpus).
    pub per_doc: Vec<HashMap<TermKey, u32>>,
    /// Per language: the display form and stem key of each term.
    pub display: [HashMap<TermKey, (String, String)>; 3],
    /// Per language: counts over all its documents, so the rest of the corpus is total − scope.
    pub totals: [HashMap<TermKey, u32>; 3],
    /// Per language: the terms seen at least [`MIN_REFERENCE_COUNT`] times, in
    /// the order an under-used term absent from a scope ranks (see [`keyness_rows`]).
    pub by_total: [Vec<(TermKey, u32)>; 3],
}

/// Joins spellings, with no space after an elision ("régime d'Assad").
fn join_surfaces(vocab: &Vocab, types: impl Iterator<Item = u32>) -> (String, String) {
    let mut surface = String::new();
    let mut key = String::new();
    for t in types {
        let ty = &vocab.types[t as usize];
        if !surface.is_empty() && !surface.ends_with(['\'', '’']) {
            surface.push(' ');
        }
        surface.push_str(&ty.surface);
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&vocab.units[ty.unit as usize].key);
    }
    (surface, key)
}

/// Calls `f(key, start)` for every unigram, bigram and trigram term candidate of
/// a document: content words, and two or three consecutive words of one
/// sentence whose first and last are content words (the middle may be a stop word).
fn for_each_ngram(vocab: &Vocab, doc_types: &[u32], sentences: &[std::ops::Range<usize>], mut f: impl FnMut(TermKey, usize, usize)) {
    let unit = |i: usize| vocab.types[doc_types[i] as usize].unit;
    let term = |i: usize| doc_types[i] != NO_TYPE && vocab.unit_of(doc_types[i]).term;
    let word = |i: usize| doc_types[i] != NO_TYPE && { let u = vocab.unit_of(doc_types[i]); u.term || u.stop };
    for r in sentences {
        for i in r.clone() {
            if !term(i) {
                continue;
            }
            f([unit(i), NO_TYPE, NO_TYPE], i, 1);
            if i + 1 < r.end && term(i + 1) {
                f([unit(i), unit(i + 1), NO_TYPE], i, 2);
            }
            if i + 2 < r.end && word(i + 1) && term(i + 2) {
                f([unit(i), unit(i + 1), unit(i + 2)], i, 3);
            }
        }
    }
}

/// Counts terms in every document; phrases are kept when they pass the collocation tests.
pub(crate) fn count_terms(corpus: &Corpus) -> Terms {
    let mut per_doc: Vec<HashMap<TermKey, u32>> = vec![HashMap::default(); corpus.docs.len()];
    let mut display: [HashMap<TermKey, (String, String)>; 3] = Default::default();
    for lang in Language::ALL {
        let vocab = corpus.vocab(lang);
        let docs: Vec<usize> = (0..corpus.docs.len()).filter(|&d| corpus.docs[d].lang == lang).collect();
        if docs.is_empty() {
            continue;
        }
        // Pass 1: unit counts and phrase candidates over the language.
        let mut unit_counts = vec![0u32; vocab.units.len()];
        let mut n_words = 0u64;
        // count, documents, last document seen
        let mut phrases: HashMap<TermKey, (u32, u32, usize)> = HashMap::default();
        for &d in &docs {
            let doc = &corpus.docs[d];
            for &t in &doc.types {
                if t != NO_TYPE {
                    unit_counts[vocab.types[t as usize].unit as usize] += 1;
                    n_words += 1;
                }
            }
            let ranges: Vec<_> = doc.seg.sentences.iter().map(|s| s.tokens.clone()).collect();
            for_each_ngram(vocab, &doc.types, &ranges, |key, _, len| {
                if len > 1 {
                    let e = phrases.entry(key).or_insert((0, 0, usize::MAX));
                    e.0 += 1;
                    if e.2 != d {
                        e.1 += 1;
                        e.2 = d;
                    }
                }
            });
        }
        let min_docs = MIN_COLLOCATION_DOCS.min(docs.len() as u32);
        let n = n_words as f64;
        let accepted: FastSet<TermKey> = phrases
            .iter()
            .filter(|(key, &(count, ndocs, _))| {
                if count < MIN_COLLOCATION_COUNT || ndocs < min_docs {
                    return false;
                }
                let last = if key[2] == NO_TYPE { key[1] } else { key[2] };
                let (o11, c1, c2) = (count as f64, unit_counts[key[0] as usize] as f64, unit_counts[last as usize] as f64);
                let expected = c1 * c2 / n;
                o11 > expected && g2_table(o11, (c1 - o11).max(0.0), (c2 - o11).max(0.0), (n - c1 - c2 + o11).max(0.0)) >= MIN_COLLOCATION_G2
            })
            .map(|(k, _)| *k)
            .collect();
        // Pass 2: counts per document, and the spellings seen for each term.
        let mut type_counts = vec![0u32; vocab.types.len()];
        let mut phrase_spellings: HashMap<TermKey, HashMap<[u32; 3], u32>> = HashMap::default();
        for &d in &docs {
            let doc = &corpus.docs[d];
            let counts = &mut per_doc[d];
            let ranges: Vec<_> = doc.seg.sentences.iter().map(|s| s.tokens.clone()).collect();
            for_each_ngram(vocab, &doc.types, &ranges, |key, start, len| {
                if len == 1 {
                    *counts.entry(key).or_default() += 1;
                    type_counts[doc.types[start] as usize] += 1;
                } else if accepted.contains(&key) {
                    *counts.entry(key).or_default() += 1;
                    let mut spelled = [NO_TYPE; 3];
                    spelled[..len].copy_from_slice(&doc.types[start..start + len]);
                    *phrase_spellings.entry(key).or_default().entry(spelled).or_default() += 1;
                }
            });
        }
        // The most frequent spelling shows the term; ties go to the first seen.
        let mut best: Vec<Option<(u32, u32)>> = vec![None; vocab.units.len()];
        for (t, &c) in type_counts.iter().enumerate() {
            let u = vocab.types[t].unit as usize;
            if c > 0 && best[u].is_none_or(|(_, bc)| c > bc) {
                best[u] = Some((t as u32, c));
            }
        }
        let shown = &mut display[lang.index()];
        for (u, b) in best.iter().enumerate() {
            if let Some((t, _)) = b {
                shown.insert([u as u32, NO_TYPE, NO_TYPE], join_surfaces(vocab, std::iter::once(*t)));
            }
        }
        for (key, spellings) in phrase_spellings {
            let (spelled, _) = spellings.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0))).expect("seen once");
            shown.insert(key, join_surfaces(vocab, spelled.iter().copied().filter(|&t| t != NO_TYPE)));
        }
    }
    let mut totals: [HashMap<TermKey, u32>; 3] = Default::default();
    for (d, counts) in per_doc.iter().enumerate() {
        let total = &mut totals[corpus.docs[d].lang.index()];
        for (k, &n) in counts {
            *total.entry(*k).or_default() += n;
        }
    }
    // A term absent from a scope has a = 0, so its G² is 2·b·ln((c+d)/d): it
    // grows with b = its total alone. Ranked once here by (total, stem, id),
    // the order keyness_rows gives them, each scope only reads the head of
    // this list instead of scoring every term of the language.
    let by_total: [Vec<(TermKey, u32)>; 3] = std::array::from_fn(|l| {
        let shown = &display[l];
        let key_str = |k: &TermKey| shown.get(k).map(|s| s.1.as_str()).unwrap_or("");
        let mut list: Vec<(TermKey, u32, &str)> =
            totals[l].iter().filter(|(_, &n)| n >= MIN_REFERENCE_COUNT).map(|(k, &n)| (*k, n, key_str(k))).collect();
        list.sort_unstable_by(|x, y| y.1.cmp(&x.1).then_with(|| x.2.cmp(y.2)).then_with(|| x.0.cmp(&y.0)));
        list.into_iter().map(|(k, n, _)| (k, n)).collect()
    });
    Terms { per_doc, display, totals, by_total }
}

/// Keyness of the documents marked in `members` against the other documents
/// of the same language, one block of rows per language. `scope` is written
/// into every row.
pub(crate) fn keyness_rows(corpus: &Corpus, terms: &Terms, scope: Scope, members: &[bool]) -> Vec<KeywordRow> {
    let mut rows = Vec::new();
    for lang in Language::ALL {
        let in_lang: Vec<usize> = (0..corpus.docs.len()).filter(|&d| corpus.docs[d].lang == lang).collect();
        let (target, reference): (Vec<usize>, Vec<usize>) = in_lang.iter().partition(|&&d| members[d]);
        if target.is_empty() || reference.is_empty() {
            continue;
        }
        let c: usize = target.iter().map(|&d| corpus.docs[d].words).sum();
        let d: usize = reference.iter().map(|&d| corpus.docs[d].words).sum();
        if c == 0 || d == 0 {
            continue;
        }
        let mut in_scope: HashMap<TermKey, u32> = HashMap::default();
        for &doc in &target {
            for (k, &n) in &terms.per_doc[doc] {
                *in_scope.entry(*k).or_default() += n;
            }
        }
        let (cf, df) = (c as f64, d as f64);
        let shown = &terms.display[lang.index()];
        let key_str = |k: &TermKey| shown.get(k).map(|s| s.1.as_str()).unwrap_or("");
        let totals = &terms.totals[lang.index()];
        let mut over = Vec::new();
        let mut under = Vec::new();
        // Terms the scope uses: over- or under-used.
        for (key, &a) in &in_scope {
            let b = totals.get(key).copied().unwrap_or(0) - a;
            let (af, bf) = (a as f64, b as f64);
            let is_over = af * df > bf * cf;
            if is_over && a >= MIN_TARGET_COUNT {
                over.push((*key, a, b, log_likelihood(af, bf, cf, df), key_str(key)));
            } else if !is_over && af * df < bf * cf && b >= MIN_REFERENCE_COUNT {
                under.push((*key, a, b, log_likelihood(af, bf, cf, df), key_str(key)));
            }
        }
        // Terms the scope never uses are all under-used and rank by their total
        // (see `Terms::by_total`): only the first shortlist of them can be kept.
        let absent = terms.by_total[lang.index()].iter().filter(|(k, _)| !in_scope.contains_key(k));
        for (key, b) in absent.take(KEYWORDS_UNDER * SHORTLIST_FACTOR) {
            under.push((*key, 0, *b, log_likelihood(0.0, *b as f64, cf, df), key_str(key)));
        }
        for (list, direction, keep) in [(&mut over, Direction::Over, KEYWORDS_OVER), (&mut under, Direction::Under, KEYWORDS_UNDER)] {
            // Strongest first; ties by stem, then by term id, so the order never depends on hashing.
            let order = |x: &Candidate, y: &Candidate| y.3.total_cmp(&x.3).then_with(|| x.4.cmp(y.4)).then_with(|| x.0.cmp(&y.0));
            // Only the strongest few can be shown: select them before sorting.
            let shortlist = keep * SHORTLIST_FACTOR;
            if list.len() > shortlist {
                list.select_nth_unstable_by(shortlist, order);
                list.truncate(shortlist);
            }
            list.sort_by(order);
            // A word used (over) or found elsewhere (under) only inside a listed phrase is shown by the phrase.
            let used = |x: &Candidate| if direction == Direction::Over { x.1 } else { x.2 };
            let phrases: Vec<(TermKey, u32)> = list.iter().filter(|x| x.0[1] != NO_TYPE).map(|x| (x.0, used(x))).collect();
            list.retain(|x| x.0[1] != NO_TYPE || !phrases.iter().any(|(p, n)| *n == used(x) && p.contains(&x.0[0])));
            list.truncate(keep);
            for (rank, (key, a, b, g2, _)) in list.iter().enumerate() {
                let (term, stem) = shown.get(key).cloned().unwrap_or_default();
                rows.push(KeywordRow {
                    scope,
                    term,
                    count: *a as usize,
                    keyness: round4(*g2),
                    rank: rank + 1,
                    key: stem,
                    language: lang.term_language(),
                    direction,
                    log_ratio: round4(log_ratio(*a as f64, *b as f64, cf, df)),
                    reference_count: *b as usize,
                    significant: *g2 >= G2_P05,
                });
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() < 1e-4
    }

    #[test]
    fn log_likelihood_matches_hand_computation() {
        // a=10 in c=1000 words, b=5 in d=2000 words.
        // E1 = 1000·15/3000 = 5, E2 = 2000·15/3000 = 10.
        // G² = 2·(10·ln(10/5) + 5·ln(5/10)) = 2·(10 − 5)·ln 2 = 10·0.693147 = 6.93147.
        assert!(close(log_likelihood(10.0, 5.0, 1000.0, 2000.0), 6.931472));
        // a=0 in 1000, b=8 in 1000: E1 = E2 = 4.
        // G² = 2·(0 + 8·ln(8/4)) = 16·ln 2 = 11.090355.
        assert!(close(log_likelihood(0.0, 8.0, 1000.0, 1000.0), 11.090355));
        // Same rate on both sides: a=3 in 100, b=6 in 200: E1 = 3, E2 = 6, G² = 0.
        assert!(close(log_likelihood(3.0, 6.0, 100.0, 200.0), 0.0));
        // a=20 in 500, b=12 in 3000: E1 = 500·32/3500 = 4.571429, E2 = 3000·32/3500 = 27.428571.
        // 20·ln(20/4.571429) = 20·ln 4.375 = 20·1.475907 = 29.518131
        // 12·ln(12/27.428571) = 12·ln 0.4375 = 12·(−0.826679) = −9.920143
        // G² = 2·(29.518131 − 9.920143) = 39.195976.
        assert!(close(log_likelihood(20.0, 12.0, 500.0, 3000.0), 39.195976));
    }

    #[test]
    fn log_ratio_matches_hand_computation() {
        // (10/1000) / (5/2000) = 0.01 / 0.0025 = 4 → log2 4 = 2.
        assert!(close(log_ratio(10.0, 5.0, 1000.0, 2000.0), 2.0));
        // a=0 becomes 0.5: (0.5/1000) / (8/1000) = 1/16 → −4.
        assert!(close(log_ratio(0.0, 8.0, 1000.0, 1000.0), -4.0));
        // b=0 becomes 0.5: (6/300) / (0.5/600) = 0.02 / 0.000833 = 24 → log2 24 = 4.584963.
        assert!(close(log_ratio(6.0, 0.0, 300.0, 600.0), 4.584963));
    }

    #[test]
    fn a_word_used_only_inside_a_phrase_is_shown_by_the_phrase() {
        use crate::engine::{analyse, from_pasted, Config};
        let a = "La zone tampon reste fermée. La zone tampon est gardée. Les soldats gardent la zone tampon. Le marché ouvre.";
        let b = "Le marché ouvre. La zone tampon est calme. Les marchands vendent au marché. Le marché ferme tard. Le pain coûte cher.";
        let mut docs: Vec<_> = [a, b].iter().enumerate().map(|(i, t)| from_pasted(i + 1, t).unwrap()).collect();
        docs.iter_mut().for_each(|d| d.language = "fr".into());
        let k = analyse(&docs, &Config::default()).keywords;
        let over: Vec<&str> = k.iter().filter(|r| r.scope == Scope::Document(0) && r.direction == Direction::Over).map(|r| r.term.as_str()).collect();
        // "zone tampon": 3 times in the first text, once in the second; "zone" and "tampon" never alone.
        assert!(over.contains(&"zone tampon"), "{over:?}");
        assert!(!over.contains(&"zone") && !over.contains(&"tampon"), "{over:?}");
        let under: Vec<&str> = k.iter().filter(|r| r.scope == Scope::Document(0) && r.direction == Direction::Under).map(|r| r.term.as_str()).collect();
        // "marché": once here, three times there.
        assert_eq!(under.first(), Some(&"marché"), "{under:?}");
    }

    #[test]
    fn contingency_g2_matches_hand_computation() {
        // [[10, 0], [0, 10]]: every E = 5; G² = 2·(10·ln 2 + 10·ln 2) = 40·ln 2 = 27.725887.
        assert!(close(g2_table(10.0, 0.0, 0.0, 10.0), 27.725887));
        // Independent: [[1, 1], [1, 1]] → 0.
        assert!(close(g2_table(1.0, 1.0, 1.0, 1.0), 0.0));
    }
}
