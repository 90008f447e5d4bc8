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
use super::FastMap as HashMap;

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
/// A keyness candidate: term, count in scope, count in the rest, G², term id.
type Candidate = (TermKey, u32, u32, f64, u32);
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

/// Term counts of every document, and how each term is shown. Within a
/// language, a term has a dense id: a unigram's id is its unit's, a phrase's
/// comes after the units; counts and displays are arrays by id.
pub(crate) struct Terms {
    /// Per document (same order as the corpus): its terms and their counts, by id.
    pub per_doc: Vec<Vec<(u32, u32)>>,
    /// Per language.
    pub langs: [LangTerms; 3],
}

/// The terms of one language.
#[derive(Default)]
pub(crate) struct LangTerms {
    /// Each term's key (units; a unigram's is `[unit, NO_TYPE, NO_TYPE]`).
    pub keys: Vec<TermKey>,
    /// The word types of each term's most frequent spelling (unused places
    /// [`NO_TYPE`]; all of them for a unit never counted as a term). The
    /// words are joined only for the terms a row shows: a corpus has tens
    /// of thousands of terms, and a few rows per scope.
    pub shown: Vec<TermKey>,
    /// Each term's count over all the language's documents, so the rest of the corpus is total − scope.
    pub totals: Vec<u32>,
    /// Each term's place in the order of stem keys (see [`stem_ranks`]).
    pub stem_rank: Vec<u32>,
    /// The terms seen at least [`MIN_REFERENCE_COUNT`] times, in the order an
    /// under-used term absent from a scope ranks (see [`keyness_rows`]).
    pub by_total: Vec<(u32, u32)>,
    /// The language's documents and their words.
    pub documents: usize,
    pub words: usize,
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

/// Compares the stem keys of two terms ("arm chimiqu") as
/// [`join_surfaces`] writes them, their units' keys joined by spaces,
/// without joining them.
fn stem_cmp(vocab: &Vocab, a: &TermKey, b: &TermKey) -> std::cmp::Ordering {
    let key = |u: u32| vocab.units[u as usize].key.as_bytes();
    if a[1] == NO_TYPE && b[1] == NO_TYPE {
        return key(a[0]).cmp(key(b[0]));
    }
    // The pieces of the joined key: a space goes before a unit's key once
    // the key so far is not empty, as `join_surfaces` writes it.
    let pieces = |k: &TermKey| {
        let mut out: [&[u8]; 5] = [&[]; 5];
        let mut written = false;
        for (i, &u) in k.iter().take_while(|&&u| u != NO_TYPE).enumerate() {
            if written {
                out[2 * i - 1] = b" ";
            }
            out[2 * i] = key(u);
            written |= !out[2 * i].is_empty();
        }
        out
    };
    let (pa, pb) = (pieces(a), pieces(b));
    pa.iter().flat_map(|p| p.iter()).cmp(pb.iter().flat_map(|p| p.iter()))
}

/// Every counted term's place in the order of its joined stem key, as
/// [`stem_cmp`] orders them; terms whose keys join alike share a place
/// (terms never counted get 0: no list ranks them). Sorting by place costs
/// an integer comparison where [`stem_cmp`] walks bytes, and a language's
/// terms are sorted by it more than once.
fn stem_ranks(vocab: &Vocab, keys: &[TermKey], totals: &[u32]) -> Vec<u32> {
    let units = &vocab.units;
    let key = |u: u32| units[u as usize].key.as_bytes();
    // Units by key, from 1 (0 is the end of a term); equal keys share a rank.
    let mut by_key: Vec<u32> = (0..units.len() as u32).collect();
    by_key.sort_unstable_by(|&a, &b| key(a).cmp(key(b)));
    let mut unit_rank = vec![0u32; units.len()];
    let mut rank = 0;
    for (i, &u) in by_key.iter().enumerate() {
        if i == 0 || key(u) != key(by_key[i - 1]) {
            rank += 1;
        }
        unit_rank[u as usize] = rank;
    }
    drop(by_key);
    // Keys joined by spaces order as the sequences of their ranks do when
    // none is empty and none holds a byte at or below the space: where two
    // joined keys part, both are inside a key, or one has ended (end or space)
    // where the other goes on with a greater byte. Other keys take stem_cmp.
    let plain = |u: u32| !key(u).is_empty() && key(u).iter().all(|&b| b > b' ');
    // (ranks of the term's units, term id, whether the ranks stand for its joined key)
    let mut order: Vec<([u32; 3], u32, bool)> = keys
        .iter()
        .zip(totals)
        .enumerate()
        .filter(|(_, (_, &n))| n > 0)
        .map(|(t, (k, _))| {
            let ranks = k.map(|u| if u == NO_TYPE { 0 } else { unit_rank[u as usize] });
            (ranks, t as u32, k.iter().all(|&u| u == NO_TYPE || plain(u)))
        })
        .collect();
    let cmp = |a: &([u32; 3], u32, bool), b: &([u32; 3], u32, bool)| {
        if a.2 && b.2 {
            a.0.cmp(&b.0)
        } else {
            stem_cmp(vocab, &keys[a.1 as usize], &keys[b.1 as usize])
        }
    };
    order.sort_unstable_by(cmp);
    let mut out = vec![0u32; keys.len()];
    let mut place = 0;
    for (i, t) in order.iter().enumerate() {
        if i > 0 && cmp(&order[i - 1], t).is_ne() {
            place += 1;
        }
        out[t.1 as usize] = place;
    }
    out
}

/// What term counting needs of a word type, looked up once per type.
#[derive(Clone, Copy)]
struct TypeFacts {
    unit: u32,
    /// A content word.
    term: bool,
    /// A content word or a stop word.
    word: bool,
}

/// Calls `f(key, start, len)` for every unigram, bigram and trigram term
/// candidate of a document: content words, and two or three consecutive words
/// of one sentence whose first and last are content words (the middle may be
/// a stop word).
fn for_each_ngram(facts: &[TypeFacts], doc_types: &[u32], sentences: &[std::ops::Range<usize>], mut f: impl FnMut(TermKey, usize, usize)) {
    let fact = |i: usize| if doc_types[i] == NO_TYPE { None } else { Some(facts[doc_types[i] as usize]) };
    for r in sentences {
        for i in r.clone() {
            let Some(a) = fact(i).filter(|a| a.term) else { continue };
            f([a.unit, NO_TYPE, NO_TYPE], i, 1);
            let b = if i + 1 < r.end { fact(i + 1) } else { None };
            if let Some(b) = b.filter(|b| b.term) {
                f([a.unit, b.unit, NO_TYPE], i, 2);
            }
            if i + 2 < r.end {
                if let (Some(b), Some(c)) = (b.filter(|b| b.word), fact(i + 2).filter(|c| c.term)) {
                    f([a.unit, b.unit, c.unit], i, 3);
                }
            }
        }
    }
}

/// Counts terms in every document; phrases are kept when they pass the collocation tests.
pub(crate) fn count_terms(corpus: &Corpus) -> Terms {
    let mut per_doc: Vec<Vec<(u32, u32)>> = vec![Vec::new(); corpus.docs.len()];
    let mut langs: [LangTerms; 3] = Default::default();
    for lang in Language::ALL {
        let vocab = corpus.vocab(lang);
        let docs: Vec<usize> = (0..corpus.docs.len()).filter(|&d| corpus.docs[d].lang == lang).collect();
        if docs.is_empty() {
            continue;
        }
        let facts: Vec<TypeFacts> = vocab
            .types
            .iter()
            .map(|t| {
                let u = &vocab.units[t.unit as usize];
                TypeFacts { unit: t.unit, term: u.term, word: u.term || u.stop }
            })
            .collect();
        let sentences = |d: usize| -> Vec<std::ops::Range<usize>> { corpus.docs[d].seg.sentences.iter().map(|s| s.tokens.clone()).collect() };
        // Pass 1: unit counts and phrase candidates over the language.
        let mut unit_counts = vec![0u32; vocab.units.len()];
        let mut n_words = 0u64;
        // count, documents, last document seen
        let mut phrases: HashMap<TermKey, (u32, u32, usize)> = HashMap::default();
        for &d in &docs {
            let doc = &corpus.docs[d];
            for &t in &doc.types {
                if t != NO_TYPE {
                    unit_counts[facts[t as usize].unit as usize] += 1;
                    n_words += 1;
                }
            }
            for_each_ngram(&facts, &doc.types, &sentences(d), |key, _, len| {
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
        let accepted = |key: &TermKey, count: u32, ndocs: u32| {
            if count < MIN_COLLOCATION_COUNT || ndocs < min_docs {
                return false;
            }
            let last = if key[2] == NO_TYPE { key[1] } else { key[2] };
            let (o11, c1, c2) = (count as f64, unit_counts[key[0] as usize] as f64, unit_counts[last as usize] as f64);
            let expected = c1 * c2 / n;
            o11 > expected && g2_table(o11, (c1 - o11).max(0.0), (c2 - o11).max(0.0), (n - c1 - c2 + o11).max(0.0)) >= MIN_COLLOCATION_G2
        };
        // Term ids: units first, then the accepted phrases (sorted, so that ids never depend on hashing).
        let mut keys: Vec<TermKey> = (0..vocab.units.len() as u32).map(|u| [u, NO_TYPE, NO_TYPE]).collect();
        let mut accepted_keys: Vec<TermKey> = phrases.iter().filter(|(k, &(c, nd, _))| accepted(k, c, nd)).map(|(k, _)| *k).collect();
        drop(phrases);
        accepted_keys.sort_unstable();
        let phrase_id: HashMap<TermKey, u32> = accepted_keys.iter().enumerate().map(|(i, k)| (*k, (keys.len() + i) as u32)).collect();
        keys.extend(accepted_keys);
        // Pass 2: counts per document, and the spellings seen for each term.
        let mut type_counts = vec![0u32; vocab.types.len()];
        // Spellings of the phrases seen, by their types (the types give the phrase): one map, not one per phrase.
        let mut phrase_spellings: HashMap<[u32; 3], u32> = HashMap::default();
        let mut counts = vec![0u32; keys.len()];
        let mut touched: Vec<u32> = Vec::new();
        for &d in &docs {
            let doc = &corpus.docs[d];
            for_each_ngram(&facts, &doc.types, &sentences(d), |key, start, len| {
                let id = if len == 1 {
                    type_counts[doc.types[start] as usize] += 1;
                    key[0]
                } else if let Some(&id) = phrase_id.get(&key) {
                    let mut spelled = [NO_TYPE; 3];
                    spelled[..len].copy_from_slice(&doc.types[start..start + len]);
                    *phrase_spellings.entry(spelled).or_default() += 1;
                    id
                } else {
                    return;
                };
                if counts[id as usize] == 0 {
                    touched.push(id);
                }
                counts[id as usize] += 1;
            });
            touched.sort_unstable();
            per_doc[d] = touched.iter().map(|&id| (id, std::mem::take(&mut counts[id as usize]))).collect();
            touched.clear();
        }
        // The most frequent spelling shows the term; ties go to the first seen.
        let mut shown: Vec<TermKey> = vec![[NO_TYPE; 3]; keys.len()];
        let mut best: Vec<Option<(u32, u32)>> = vec![None; vocab.units.len()];
        for (t, &c) in type_counts.iter().enumerate() {
            let u = vocab.types[t].unit as usize;
            if c > 0 && best[u].is_none_or(|(_, bc)| c > bc) {
                best[u] = Some((t as u32, c));
            }
        }
        for (u, b) in best.iter().enumerate() {
            if let Some((t, _)) = b {
                shown[u] = [*t, NO_TYPE, NO_TYPE];
            }
        }
        // Per phrase, its most frequent spelling; on a tie, the smallest types.
        let units = vocab.units.len();
        let mut best_spelling: Vec<Option<([u32; 3], u32)>> = vec![None; keys.len() - units];
        for (spelled, n) in phrase_spellings {
            let key = spelled.map(|t| if t == NO_TYPE { NO_TYPE } else { facts[t as usize].unit });
            let Some(&id) = phrase_id.get(&key) else { continue };
            let best = &mut best_spelling[id as usize - units];
            if best.is_none_or(|(b, bn)| n > bn || (n == bn && spelled < b)) {
                *best = Some((spelled, n));
            }
        }
        for (i, best) in best_spelling.into_iter().enumerate() {
            if let Some((spelled, _)) = best {
                shown[units + i] = spelled;
            }
        }
        let mut totals = vec![0u32; keys.len()];
        for &d in &docs {
            for &(id, n) in &per_doc[d] {
                totals[id as usize] += n;
            }
        }
        // A term absent from a scope has a = 0, so its G² is 2·b·ln((c+d)/d): it
        // grows with b = its total alone. Ranked once here by (total, stem, key),
        // the order keyness_rows gives them, each scope only reads the head of
        // this list instead of scoring every term of the language.
        let stem_rank = stem_ranks(vocab, &keys, &totals);
        let mut by_total: Vec<(u32, u32)> =
            totals.iter().enumerate().filter(|(_, &n)| n >= MIN_REFERENCE_COUNT).map(|(id, &n)| (id as u32, n)).collect();
        by_total.sort_unstable_by_key(|&(id, n)| (std::cmp::Reverse(n), stem_rank[id as usize], keys[id as usize]));
        let words = docs.iter().map(|&d| corpus.docs[d].words).sum();
        langs[lang.index()] = LangTerms { keys, shown, totals, stem_rank, by_total, documents: docs.len(), words };
    }
    Terms { per_doc, langs }
}

/// A scope's terms and counts in one language, and a scratch space to add
/// documents up, reused from scope to scope.
pub(crate) struct ScopeCounts {
    counts: Vec<u32>,
    /// `mark[id] == stamp`: the term is in the scope being scored.
    mark: Vec<u32>,
    stamp: u32,
}

impl ScopeCounts {
    pub fn new() -> Self {
        ScopeCounts { counts: Vec::new(), mark: Vec::new(), stamp: 0 }
    }
}

/// Keyness of the documents marked in `members` against the other documents
/// of the same language, one block of rows per language. `scope` is written
/// into every row.
pub(crate) fn keyness_rows(corpus: &Corpus, terms: &Terms, scope: Scope, members: &[bool]) -> Vec<KeywordRow> {
    let docs: Vec<usize> = (0..corpus.docs.len()).filter(|&d| members[d]).collect();
    keyness_rows_with(corpus, terms, scope, &docs, &mut ScopeCounts::new())
}

/// [`keyness_rows`] of the documents `members` (indices, ascending), with a
/// scratch space to reuse. Costs what the scope's documents hold, not what
/// the corpus holds: a corpus of 10,000 documents has 10,000 scopes.
pub(crate) fn keyness_rows_with(corpus: &Corpus, terms: &Terms, scope: Scope, members: &[usize], scratch: &mut ScopeCounts) -> Vec<KeywordRow> {
    let mut rows = Vec::new();
    for lang in Language::ALL {
        let lt = &terms.langs[lang.index()];
        let target: Vec<usize> = members.iter().copied().filter(|&d| corpus.docs[d].lang == lang).collect();
        if target.is_empty() || target.len() == lt.documents {
            continue;
        }
        let c: usize = target.iter().map(|&d| corpus.docs[d].words).sum();
        let d: usize = lt.words - c;
        if c == 0 || d == 0 {
            continue;
        }
        // The scope's terms with their counts: one document's list as it is, several added up.
        let owned;
        let in_scope: &[(u32, u32)] = if let [one] = target.as_slice() {
            &terms.per_doc[*one]
        } else {
            scratch.counts.resize(lt.keys.len(), 0);
            let mut touched: Vec<u32> = Vec::new();
            for &doc in &target {
                for &(id, n) in &terms.per_doc[doc] {
                    if scratch.counts[id as usize] == 0 {
                        touched.push(id);
                    }
                    scratch.counts[id as usize] += n;
                }
            }
            touched.sort_unstable();
            owned = touched.iter().map(|&id| (id, std::mem::take(&mut scratch.counts[id as usize]))).collect::<Vec<_>>();
            &owned
        };
        scratch.mark.resize(lt.keys.len(), 0);
        scratch.stamp = scratch.stamp.wrapping_add(1);
        if scratch.stamp == 0 {
            scratch.mark.iter_mut().for_each(|m| *m = 0);
            scratch.stamp = 1;
        }
        for &(id, _) in in_scope {
            scratch.mark[id as usize] = scratch.stamp;
        }
        let (cf, df) = (c as f64, d as f64);
        let vocab = corpus.vocab(lang);
        let mut over = Vec::new();
        let mut under = Vec::new();
        // Terms the scope uses: over- or under-used.
        for &(id, a) in in_scope {
            let b = lt.totals[id as usize] - a;
            let (af, bf) = (a as f64, b as f64);
            let is_over = af * df > bf * cf;
            if is_over && a >= MIN_TARGET_COUNT {
                over.push((lt.keys[id as usize], a, b, log_likelihood(af, bf, cf, df), id));
            } else if !is_over && af * df < bf * cf && b >= MIN_REFERENCE_COUNT {
                under.push((lt.keys[id as usize], a, b, log_likelihood(af, bf, cf, df), id));
            }
        }
        // Terms the scope never uses are all under-used and rank by their total
        // (see `LangTerms::by_total`): only the first shortlist of them can be kept.
        let stamp = scratch.stamp;
        let absent = lt.by_total.iter().filter(|(id, _)| scratch.mark[*id as usize] != stamp);
        for &(id, b) in absent.take(KEYWORDS_UNDER * SHORTLIST_FACTOR) {
            under.push((lt.keys[id as usize], 0, b, log_likelihood(0.0, b as f64, cf, df), id));
        }
        for (list, direction, keep) in [(&mut over, Direction::Over, KEYWORDS_OVER), (&mut under, Direction::Under, KEYWORDS_UNDER)] {
            // Strongest first; ties by stem, then by term key, so the order never depends on hashing.
            let stem = |x: &Candidate| lt.stem_rank[x.4 as usize];
            let order = |x: &Candidate, y: &Candidate| y.3.total_cmp(&x.3).then_with(|| stem(x).cmp(&stem(y))).then_with(|| x.0.cmp(&y.0));
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
            for (rank, (_, a, b, g2, id)) in list.iter().enumerate() {
                let (term, stem) = join_surfaces(vocab, lt.shown[*id as usize].into_iter().filter(|&t| t != NO_TYPE));
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
    fn stem_keys_compare_as_the_joined_keys_rows_show() {
        // Keys where comparing unit by unit and comparing the joined text
        // disagree: "a b" < "a-b" < "ab", and an empty key adds no space.
        let units = ["a", "b", "ab", "a-b", "", "arm", "chimiqu", "armé", "a b", "b\ta"];
        let vocab = Vocab::of_units(&units);
        let joined = |k: &TermKey| {
            let mut out = String::new();
            for &u in k.iter().take_while(|&&u| u != NO_TYPE) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(units[u as usize]);
            }
            out
        };
        let n = units.len() as u32;
        let mut keys: Vec<TermKey> = (0..n).map(|u| [u, NO_TYPE, NO_TYPE]).collect();
        for a in 0..n {
            for b in 0..n {
                keys.push([a, b, NO_TYPE]);
                keys.push([a, 4, b]);
            }
        }
        for x in &keys {
            for y in &keys {
                assert_eq!(stem_cmp(&vocab, x, y), joined(x).cmp(&joined(y)), "{:?} vs {:?}", joined(x), joined(y));
            }
        }
        assert_eq!(stem_cmp(&vocab, &[0, 1, NO_TYPE], &[3, NO_TYPE, NO_TYPE]), std::cmp::Ordering::Less, "\"a b\" < \"a-b\"");
        // Ranks order terms as the joined keys do, and the same joined key
        // ("a b" from one unit or from two) has one rank.
        let ranks = stem_ranks(&vocab, &keys, &vec![1; keys.len()]);
        for (x, rx) in keys.iter().zip(&ranks) {
            for (y, ry) in keys.iter().zip(&ranks) {
                assert_eq!(rx.cmp(ry), joined(x).cmp(&joined(y)), "{:?} vs {:?}", joined(x), joined(y));
            }
        }
        assert_eq!(ranks[8], ranks[n as usize + 2], "the unit \"a b\" and the pair \"a\" \"b\" join alike");
    }

    #[test]
    fn contingency_g2_matches_hand_computation() {
        // [[10, 0], [0, 10]]: every E = 5; G² = 2·(10·ln 2 + 10·ln 2) = 40·ln 2 = 27.725887.
        assert!(close(g2_table(10.0, 0.0, 0.0, 10.0), 27.725887));
        // Independent: [[1, 1], [1, 1]] → 0.
        assert!(close(g2_table(1.0, 1.0, 1.0, 1.0), 0.0));
    }
}
