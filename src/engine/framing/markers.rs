//! Epistemic markers: words that hedge a claim ("présumé", "selon",
//! "reportedly"), keep the writer at a distance from it ("soi-disant",
//! "pseudo-", scare quotes) or assert certainty ("indéniable", "clearly"),
//! with the actors named in the same sentence.

use super::corpus::{Corpus, NO_TYPE};
use super::lexicon::{marker_cues, Cue, Elem, Language, MarkerKind};
use crate::engine::analysis::{Device, MarkerKind as Shown, MarkerRow, MentionRow, Span};
use crate::engine::segment::{Token, TokenKind};
use super::FastMap as HashMap;

/// Scare quotes hold at most this many words; more is a quotation.
pub const MAX_SCARE_QUOTE_WORDS: usize = 3;
/// A verb of saying this many tokens after a closing quote makes it a quotation ("…", a-t-il dit).
const SPEECH_AFTER_QUOTE: usize = 4;
/// French 3rd-person conditional endings (singular, plural): the journalistic conditional.
const CONDITIONAL_ENDINGS: [&str; 2] = ["rait", "raient"];
/// A conditional is at least this long ("serait"); shorter words ending in -rait are not verbs.
const MIN_CONDITIONAL_CHARS: usize = 6;
/// Nouns and adjectives that end like a conditional (folded).
const NOT_CONDITIONAL: &[&str] = &["retrait", "portrait", "attrait", "extrait", "abstrait", "distrait", "soustrait", "autoportrait"];
/// Quotes that can open and close a quotation.
const OPEN_QUOTES: &[&str] = &["«", "“", "\"", "„", "‹"];
const CLOSE_QUOTES: &[&str] = &["»", "”", "\"", "›", "“"];

/// Guillemets open a quotation wherever they stand; other quotes only when
/// they touch the word after them (`abcès" tout` is a closing quote).
fn quote_opens(text: &str, toks: &[Token], i: usize, end: usize) -> bool {
    matches!(toks[i].span.slice(text), "«" | "‹") || (i + 1 < end && toks[i + 1].span.start == toks[i].span.end)
}

/// Guillemets close wherever they stand; other quotes only when they touch the word before them.
fn quote_closes(text: &str, toks: &[Token], j: usize) -> bool {
    matches!(toks[j].span.slice(text), "»" | "›") || toks[j - 1].span.end == toks[j].span.start
}

/// The actors named in each sentence of each document, ascending.
fn actors_by_sentence(mentions: &[MentionRow]) -> HashMap<(u32, u32), Vec<u32>> {
    let mut map: HashMap<(u32, u32), Vec<u32>> = HashMap::default();
    for m in mentions {
        map.entry((m.document, m.sentence)).or_default().push(m.actor);
    }
    for actors in map.values_mut() {
        actors.sort_unstable();
        actors.dedup();
    }
    map
}

/// Ranks cues that match as far: more words first, then fewer gaps.
fn exact(cue: &Cue) -> (usize, std::cmp::Reverse<usize>) {
    let gaps = cue.elems.iter().filter(|e| **e == Elem::Gap).count();
    (cue.elems.len() - gaps, std::cmp::Reverse(gaps))
}

/// Every marker of every document, in document order then text order.
pub(crate) fn marker_rows(corpus: &Corpus, mentions: &[MentionRow]) -> Vec<MarkerRow> {
    let near = actors_by_sentence(mentions);
    let first: Vec<Vec<Vec<u32>>> = Language::ALL.iter().map(|&l| corpus.vocab(l).first_cues(marker_cues(l))).collect();
    let mut rows = Vec::new();
    for (d, doc) in corpus.docs.iter().enumerate() {
        let d = d as u32;
        let set = marker_cues(doc.lang);
        if set.cues.is_empty() {
            continue;
        }
        let vocab = corpus.vocab(doc.lang);
        let first = &first[doc.lang.index()];
        let toks = &doc.seg.tokens;
        let mut doc_rows = Vec::new();
        for (s, sentence) in doc.seg.sentences.iter().enumerate() {
            let r = sentence.tokens.clone();
            let actors: &[u32] = near.get(&(d, s as u32)).map_or(&[], Vec::as_slice);
            let row = |kind: Shown, marker: String, span: Span, device: Device| MarkerRow {
                document: d,
                kind,
                marker,
                span,
                device,
                sentence: s as u32,
                actors: actors.to_vec(),
            };
            // Words and phrases of the lexicon; verbs of saying are noted for the quotes below.
            let mut speech_at = Vec::new();
            let mut covered_until = r.start;
            for i in r.clone() {
                let t = doc.types[i];
                if t == NO_TYPE {
                    continue;
                }
                let mut best: Option<(usize, usize)> = None;
                for &c in &first[t as usize] {
                    let cue = &set.cues[c as usize];
                    if let Some(end) = vocab.match_rest(set.on, &cue.elems[1..], &doc.types, i + 1, r.end) {
                        if cue.class == MarkerKind::Speech as usize {
                            speech_at.push(i);
                        } else if best.is_none_or(|(e, b)| (end, exact(cue)) > (e, exact(&set.cues[b]))) {
                            // The longest match; of two as long, the one with fewer gaps.
                            best = Some((end, c as usize));
                        }
                    }
                }
                if let Some((end, c)) = best {
                    if i >= covered_until {
                        let cue = &set.cues[c];
                        let kind = [Shown::Hedge, Shown::Distancing, Shown::Certainty][cue.class];
                        let span = Span::new(toks[i].span.start(), toks[end - 1].span.end());
                        doc_rows.push(row(kind, cue.label.trim_end_matches('*').to_string(), span, Device::Lexicon));
                        covered_until = end;
                    }
                }
            }
            // The journalistic conditional: "aurait", "seraient", "pourrait".
            if doc.lang == Language::Fr {
                let mut hypothesis = false;
                for i in r.clone() {
                    let tok = &toks[i];
                    let k = if doc.types[i] == NO_TYPE { "" } else { vocab.types[doc.types[i] as usize].folded.as_str() };
                    if k == "si" {
                        // "si … serait" is a hypothesis, not a report.
                        hypothesis = true;
                    }
                    if hypothesis || tok.kind() != TokenKind::Word {
                        continue;
                    }
                    if CONDITIONAL_ENDINGS.iter().any(|e| k.ends_with(e))
                        && k.chars().count() >= MIN_CONDITIONAL_CHARS
                        && k.chars().all(char::is_alphabetic)
                        && !NOT_CONDITIONAL.contains(&k)
                        && !doc_rows.iter().rev().any(|m| m.span.start <= tok.span.start && tok.span.end <= m.span.end)
                    {
                        doc_rows.push(row(Shown::Hedge, k.to_string(), tok.span, Device::Conditional));
                    }
                }
            }
            // Scare quotes: one to three words in quotes that no verb of saying or colon introduces.
            let slice = |i: usize| toks[i].span.slice(doc.text);
            let mut i = r.start;
            while i < r.end {
                if toks[i].kind() != TokenKind::Punct || !OPEN_QUOTES.contains(&slice(i)) || !quote_opens(doc.text, toks, i, r.end) {
                    i += 1;
                    continue;
                }
                let mut words = 0;
                let mut close = None;
                let mut j = i + 1;
                while j < r.end {
                    match toks[j].kind() {
                        TokenKind::Word => words += 1,
                        TokenKind::Elision | TokenKind::Clitic => {}
                        TokenKind::Punct if CLOSE_QUOTES.contains(&slice(j)) && quote_closes(doc.text, toks, j) => {
                            close = Some(j);
                            break;
                        }
                        // A period or comma just inside the closing quote.
                        TokenKind::Punct if matches!(slice(j), "." | ",") && j + 1 < r.end && CLOSE_QUOTES.contains(&slice(j + 1)) => {}
                        _ => break,
                    }
                    if words > MAX_SCARE_QUOTE_WORDS {
                        break;
                    }
                    j += 1;
                }
                let Some(j) = close.filter(|_| (1..=MAX_SCARE_QUOTE_WORDS).contains(&words)) else {
                    i += 1;
                    continue;
                };
                let after_colon = i > r.start && slice(i - 1) == ":";
                let said = speech_at.iter().any(|&p| p < i || (p > j && p <= j + SPEECH_AFTER_QUOTE));
                if !after_colon && !said {
                    let inner_end = if toks[j - 1].kind() == TokenKind::Punct { j - 2 } else { j - 1 };
                    let inner = Span::new(toks[i + 1].span.start(), toks[inner_end].span.end());
                    doc_rows.push(row(Shown::Distancing, inner.slice(doc.text).to_string(), Span::new(toks[i].span.start(), toks[j].span.end()), Device::ScareQuotes));
                }
                i = j + 1;
            }
        }
        doc_rows.sort_by_key(|m| (m.span.start, m.span.end));
        rows.extend(doc_rows);
    }
    rows
}

#[cfg(test)]
mod tests {
    use crate::engine::{analyse, from_pasted, Config, Device, MarkerKind as Shown};

    /// (kind, device, marker) of every marker in `text`.
    fn found(text: &str) -> Vec<(Shown, Device, String)> {
        let mut doc = from_pasted(1, text).unwrap();
        // Sentences this short are too short for language detection.
        doc.language = if text.contains(" the ") || text.starts_with("The ") { "en" } else { "fr" }.into();
        analyse(&[doc], &Config::default()).markers.into_iter().map(|m| (m.kind, m.device, m.marker)).collect()
    }

    fn has(text: &str, marker: &str) -> bool {
        found(text).iter().any(|m| m.2 == marker)
    }

    #[test]
    fn journalistic_conditional_but_not_hypotheses_or_nouns() {
        assert!(has("Selon la police, le suspect aurait fui vers le nord et serait armé.", "aurait"));
        assert!(has("Les rebelles auraient quitté la ville hier soir, dit-on.", "auraient"));
        assert!(!has("Si la trêve tenait, le retrait serait possible en mars.", "serait"));
        assert!(!has("Le retrait des troupes et le portrait du président sont en une.", "retrait"));
    }

    #[test]
    fn scare_quotes_but_not_quotations() {
        let m = found("Le gouvernement a bombardé les « rebelles » de la ville.");
        assert!(m.contains(&(Shown::Distancing, Device::ScareQuotes, "rebelles".into())), "{m:?}");
        // Introduced by a colon or a verb of saying: a quotation.
        assert!(!found("Le ministre a une formule : « tolérance zéro » pour la fraude.").iter().any(|m| m.1 == Device::ScareQuotes));
        assert!(!found("Le ministre a déclaré vouloir « tolérance zéro » pour la fraude.").iter().any(|m| m.1 == Device::ScareQuotes));
        // More than three words: a quotation.
        assert!(!found("Il parle d'une « opération de maintien de l'ordre » au nord.").iter().any(|m| m.1 == Device::ScareQuotes));
        // A closing quote followed by an opening one is not a pair.
        let two = r#"Il a dit "nous partirons" puis "sans délai aucun jamais plus" hier."#;
        assert!(!found(two).iter().any(|m| m.2 == "puis"));
    }

    #[test]
    fn longest_cue_wins_and_gaps_span_a_few_words() {
        assert!(has("Sans aucun doute, la ville est tombée.", "sans aucun doute"));
        assert!(has("Les faits sont pourtant très clairs.", "les faits sont … clairs"));
        assert!(!has("Les faits sont, selon nous, d'une clarté absolue et donc clairs.", "les faits sont … clairs"));
        assert!(has("The so-called experts said it was reportedly calm.", "so-called"));
        assert!(has("The so-called experts said it was reportedly calm.", "reportedly"));
    }
}
