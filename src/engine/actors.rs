//! Actors found in the text: capitalised names, merged across spellings that
//! differ only in case, accents or Arabic particles (el-/al-).
//!
//! A capitalised word at the start of a sentence is taken as a name only when
//! the corpus also writes it capitalised in the middle of a sentence and never
//! in lower case: "Malheureusement" or "Toutefois" open sentences but are not
//! names, "Washington" is one wherever it stands.

use super::analysis::{ActorRow, MentionRow, Span};
use super::fold::fold;
use super::segment::{Segmented, Token, TokenKind};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One document as the actor finder sees it.
pub struct DocView<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub seg: &'a Segmented,
}

/// Lower-case words that may stand inside a name between capitalised words
/// ("Organisation pour l'interdiction" does not, "Bachar el-Assad" does).
const NAME_PARTICLES: &[&str] = &["de", "du", "des", "d'", "al", "el", "ben", "bin", "ibn", "von", "van", "der", "da", "di", "of"];
/// Capitalised function words that are never names on their own.
const FUNCTION_WORDS: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "ce", "cet", "cette", "ces", "il", "elle", "ils",
    "elles", "on", "nous", "vous", "je", "tu", "en", "dans", "par", "pour", "sur", "sous", "avec", "sans", "et",
    "ou", "mais", "donc", "or", "ni", "car", "que", "qui", "quoi", "dont", "où", "ou", "si", "à", "au", "aux",
    "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "you", "i", "in", "on",
    "at", "by", "for", "with", "without", "and", "or", "but", "if", "as", "of", "to", "from", "is", "was", "are",
    "were", "his", "her", "their", "its", "our", "my", "your", "there", "here", "when", "while", "after",
    "before", "since", "selon", "après", "avant", "depuis", "lors", "comme", "plus", "moins", "très", "tout",
    "tous", "toute", "toutes", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma",
    "mes", "y", "ne", "pas", "non", "oui", "no", "not", "yes",
];

/// A name as written at one place in the text.
struct Candidate {
    doc: usize,
    sentence: usize,
    span: Span,
    surface: String,
    key: String,
    sentence_initial: bool,
}

/// Finds the capitalised names of every document and merges their spellings.
pub fn find_actors(docs: &[DocView<'_>]) -> (Vec<ActorRow>, Vec<MentionRow>) {
    let mut capitalised_inside: HashSet<String> = HashSet::new();
    let mut lower_case: HashSet<String> = HashSet::new();
    let mut candidates = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (s, sentence) in doc.seg.sentences.iter().enumerate() {
            let toks = &doc.seg.tokens[sentence.tokens.clone()];
            let first_word = toks.iter().position(|t| t.is_word());
            for (k, t) in toks.iter().enumerate() {
                if !t.is_word() {
                    continue;
                }
                let surface = t.span.slice(doc.text);
                if starts_upper(surface) {
                    if Some(k) != first_word && !follows_colon(doc.text, toks, k) {
                        capitalised_inside.insert(t.key.clone());
                    }
                } else if surface.chars().next().is_some_and(char::is_lowercase) {
                    lower_case.insert(t.key.clone());
                }
            }
            let mut k = 0;
            while k < toks.len() {
                if let Some(len) = name_len(doc.text, &toks[k..]) {
                    let span = Span::new(toks[k].span.start, toks[k + len - 1].span.end);
                    let surface = span.slice(doc.text).to_string();
                    let initial = first_word == Some(k) || follows_colon(doc.text, toks, k);
                    candidates.push(Candidate {
                        doc: d,
                        sentence: s,
                        span,
                        key: name_key(&surface),
                        surface,
                        sentence_initial: initial,
                    });
                    k += len;
                } else {
                    k += 1;
                }
            }
        }
    }

    // A name seen anywhere other than the start of a sentence is a name everywhere.
    let names_inside: HashSet<String> = candidates.iter().filter(|c| !c.sentence_initial).map(|c| c.key.clone()).collect();
    let first_word_is_name = |c: &Candidate| {
        let first = fold(c.surface.split_whitespace().next().unwrap_or(""));
        capitalised_inside.contains(&first) && !lower_case.contains(&first) && !FUNCTION_WORDS.contains(&first.as_str())
    };
    let mut kept = Vec::with_capacity(candidates.len());
    for c in candidates {
        if FUNCTION_WORDS.contains(&c.key.as_str()) {
            continue;
        }
        if !c.sentence_initial || names_inside.contains(&c.key) || first_word_is_name(&c) {
            kept.push(c);
            continue;
        }
        // "Puis Sergueï Lavrov": the opening word is not part of the name, the rest is.
        let doc = &docs[c.doc];
        let toks = &doc.seg.tokens[doc.seg.sentences[c.sentence].tokens.clone()];
        let k = toks.iter().position(|t| t.span.start == c.span.start).unwrap_or(0);
        let inner_start = toks[k + 1..].iter().position(|t| t.span.start < c.span.end && is_name_word(doc.text, t));
        if let Some(off) = inner_start {
            let k2 = k + 1 + off;
            if let Some(len) = name_len(doc.text, &toks[k2..]) {
                let span = Span::new(toks[k2].span.start, toks[k2 + len - 1].span.end);
                let surface = span.slice(doc.text).to_string();
                kept.push(Candidate { key: name_key(&surface), surface, span, sentence_initial: false, ..c });
            }
        }
    }
    let candidates = kept;

    let mut order: Vec<String> = Vec::new();
    let mut by_key: HashMap<String, Vec<&Candidate>> = HashMap::new();
    for c in &candidates {
        by_key.entry(c.key.clone()).or_insert_with(|| {
            order.push(c.key.clone());
            Vec::new()
        }).push(c);
    }

    let mut actors = Vec::new();
    let mut mentions = Vec::new();
    for key in order {
        let found = &by_key[&key];
        let mut aliases: Vec<String> = Vec::new();
        let mut spelling_counts: HashMap<&str, usize> = HashMap::new();
        let mut per_doc: BTreeMap<String, usize> = BTreeMap::new();
        for c in found {
            if !aliases.contains(&c.surface) {
                aliases.push(c.surface.clone());
            }
            *spelling_counts.entry(c.surface.as_str()).or_default() += 1;
            *per_doc.entry(docs[c.doc].id.to_string()).or_default() += 1;
        }
        // The name shown is the most frequent spelling; ties go to the first seen.
        let name = aliases
            .iter()
            .max_by_key(|a| (spelling_counts[a.as_str()], std::cmp::Reverse(aliases.iter().position(|b| b == *a))))
            .cloned()
            .unwrap_or_default();
        let id = format!("x:{}", key.replace(' ', "-"));
        for c in found {
            mentions.push(MentionRow {
                actor: id.clone(),
                document: docs[c.doc].id.to_string(),
                span: c.span,
                surface: c.surface.clone(),
                sentence: c.sentence,
            });
        }
        actors.push(ActorRow { id, name, kind: "unknown".into(), aliases, total: found.len(), mentions: per_doc });
    }
    actors.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.id.cmp(&b.id)));
    mentions.sort_by(|a, b| (a.document.as_str(), a.span).cmp(&(b.document.as_str(), b.span)));
    (actors, mentions)
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// A word that can stand in a name: capitalised, or a lower-case particle
/// joined to a capital (al-Cham, el-Assad).
fn is_name_word(text: &str, t: &Token) -> bool {
    if t.kind != TokenKind::Word {
        return false;
    }
    let s = t.span.slice(text);
    if starts_upper(s) {
        return s.chars().any(char::is_alphabetic);
    }
    match s.split_once('-') {
        Some((particle, rest)) => NAME_PARTICLES.contains(&fold(particle).as_str()) && starts_upper(rest),
        None => false,
    }
}

/// The number of tokens in the name that starts at `toks[0]`, if one does.
fn name_len(text: &str, toks: &[Token]) -> Option<usize> {
    if !is_name_word(text, toks.first()?) {
        return None;
    }
    let mut len = 1;
    loop {
        let prev_end = toks[len - 1].span.end;
        // Words of a name are separated by plain spaces only, never a line break.
        let adjacent = |t: &Token| {
            let gap = &text[prev_end..t.span.start];
            !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}') || (gap.is_empty() && t.kind == TokenKind::Word && toks[len - 1].kind == TokenKind::Elision)
        };
        match toks.get(len) {
            Some(t) if adjacent(t) && is_name_word(text, t) => len += 1,
            Some(t) if adjacent(t) && is_particle(text, t) => {
                // A particle joins only when a capitalised word follows it.
                let mut j = len + 1;
                if t.kind == TokenKind::Elision {
                    // d'Assad: the elision touches the next word.
                } else if toks.get(j).is_some_and(|n| n.kind == TokenKind::Elision) {
                    j += 1;
                }
                match toks.get(j) {
                    Some(n) if is_name_word(text, n) && text[toks[j - 1].span.end..n.span.start].chars().all(|c| c == ' ') => {
                        len = j + 1;
                    }
                    _ => break,
                }
            }
            _ => break,
        }
    }
    Some(len)
}

fn is_particle(text: &str, t: &Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Elision) && NAME_PARTICLES.contains(&fold(t.span.slice(text)).trim_end_matches('\'')) && t.span.slice(text).chars().next().is_some_and(char::is_lowercase)
}

/// The token before `k` is a colon or an opening quote at a clause start.
fn follows_colon(text: &str, toks: &[Token], k: usize) -> bool {
    let prev = toks[..k].iter().rev().find(|t| !matches!(t.span.slice(text), "«" | "\"" | "“" | "(" | "'" | "‘"));
    matches!(prev.map(|t| t.span.slice(text)), Some(":") | Some("—") | Some("–"))
}

/// The key a name is merged on: folded, with Arabic particles (al-, el-, al , el )
/// made one, so that Bachar el-Assad = Bachar al-Assad.
pub fn name_key(surface: &str) -> String {
    let folded = fold(surface);
    let mut words = Vec::new();
    for w in folded.split_whitespace() {
        let w = w.strip_prefix("el-").map(|r| format!("al-{r}")).unwrap_or_else(|| w.to_string());
        words.push(if w == "el" { "al".to_string() } else { w });
    }
    // "al Sham" written apart becomes "al-sham".
    let mut joined: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words[i] == "al" && i + 1 < words.len() {
            joined.push(format!("al-{}", words[i + 1]));
            i += 2;
        } else {
            joined.push(words[i].clone());
            i += 1;
        }
    }
    joined.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment::segment;

    fn actors_of(texts: &[&str]) -> Vec<ActorRow> {
        let segs: Vec<Segmented> = texts.iter().map(|t| segment(t, Span::new(0, t.len()))).collect();
        let docs: Vec<DocView> = texts
            .iter()
            .zip(&segs)
            .enumerate()
            .map(|(i, (t, s))| DocView { id: ["a", "b", "c"][i], text: t, seg: s })
            .collect();
        find_actors(&docs).0
    }

    #[test]
    fn merges_particles_and_accents() {
        assert_eq!(name_key("Bachar el-Assad"), name_key("Bachar al-Assad"));
        assert_eq!(name_key("Hayat Tahrir Al Sham"), name_key("Hayat Tahrir al-Sham"));
        assert_eq!(name_key("États-Unis"), name_key("Etats-Unis"));
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let a = actors_of(&["Malheureusement, Washington a parlé. Toutefois, Moscou répond à Washington."]);
        let names: Vec<&str> = a.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Washington", "Moscou"]);
        assert_eq!(a[0].total, 2);
    }

    #[test]
    fn a_name_at_sentence_start_counts_when_seen_inside_too() {
        let a = actors_of(&["Lavrov a parlé. Puis Sergueï Lavrov a répondu à Lavrov.", "Lavrov encore."]);
        let lavrov = a.iter().find(|a| a.name == "Lavrov").unwrap();
        assert_eq!(lavrov.total, 3);
        assert_eq!(lavrov.mentions.get("b"), Some(&1));
        assert!(a.iter().any(|a| a.name == "Sergueï Lavrov"));
        assert!(!a.iter().any(|a| a.name == "Puis"));
    }

    #[test]
    fn names_with_particles_are_one_name() {
        let a = actors_of(&["Le pouvoir de Bachar el-Assad et de Bachar al-Assad, selon Hayat Tahrir al-Cham."]);
        let names: Vec<&str> = a.iter().map(|a| a.name.as_str()).collect();
        assert!(names.contains(&"Bachar el-Assad"), "{names:?}");
        assert_eq!(a.iter().find(|a| a.name == "Bachar el-Assad").unwrap().total, 2);
        assert!(names.contains(&"Hayat Tahrir al-Cham"), "{names:?}");
    }
}
