//! Cleaning: what of a document's body is left out of the analysis, and why.
//!
//! Nothing is cut out of the text: each removal is a span with a reason, the
//! page shows them, and the user can put any of them back
//! (`InputDocument.restored`). Three kinds of removal:
//! - **markup**: Markdown syntax found at intake;
//! - **chrome**: page furniture copied along with an article (menus, search
//!   boxes, "share" buttons), found by general rules, not by site: interface
//!   phrases from `data/intake/interface_phrases.txt`, short unpunctuated
//!   lines at the very start or end of a document, and short lines that
//!   several documents of the corpus share. A short line followed by a
//!   paragraph is a headline and is kept;
//! - **repeated paragraph**: a paragraph that repeats earlier text, perhaps
//!   cut short with "…", so that nothing is counted twice.

use super::analysis::Span;
use super::fold::push_folded;
use super::formats::merge_spans;
use super::intake::{body_start, InputDocument};
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

pub use super::analysis::RemovalReason;

/// One region of a document's text left out of the analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removal {
    pub span: Span,
    pub reason: RemovalReason,
}

/// A chrome line has at most this many words: menu items and buttons are a
/// few words, while a headline usually runs longer.
const CHROME_MAX_WORDS: usize = 8;
/// A line that starts with an interface phrase ("Partager sur Facebook",
/// "Lire aussi : …") is chrome up to this many words.
const CHROME_PREFIX_MAX_WORDS: usize = 14;
/// At most this many lines at each end of a document are looked at as chrome:
/// page furniture copied with an article is a few lines, not a section.
const EDGE_MAX_LINES: usize = 8;
/// A line of this many words is a paragraph even without final punctuation.
const PARAGRAPH_MIN_WORDS: usize = 15;
/// A repeated paragraph must have this many letters and digits: short
/// repeats ("Oui.", a refrain) are the author's, not a copying accident.
const REPEAT_MIN_CHARS: usize = 40;
/// Earlier paragraphs are looked up by this many leading letters and digits.
const REPEAT_KEY_CHARS: usize = 24;
/// At most this many earlier paragraphs with the same opening are compared
/// (the latest ones), so a text of many look-alike paragraphs stays fast.
const REPEAT_MAX_CANDIDATES: usize = 32;

static INTERFACE_PHRASES: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    include_str!("../../data/intake/interface_phrases.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(normalise_line)
        .collect()
});

/// A line as compared with the interface phrases: folded, punctuation
/// dropped (apostrophes and inner hyphens kept), spaces collapsed.
fn normalise_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut word = String::new();
    let mut folded = String::with_capacity(4);
    // Words are runs of letters, digits, apostrophes and hyphens; hyphens at
    // either end of a word are punctuation.
    let end_word = |word: &mut String, out: &mut String| {
        let w = word.trim_matches('-');
        if !w.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        word.clear();
    };
    for c in line.chars() {
        // Most characters are ASCII: lower-cased in place, no folding table.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() || c == '\'' || c == '-' {
                word.push(c.to_ascii_lowercase());
            } else if !word.is_empty() {
                end_word(&mut word, &mut out);
            }
            continue;
        }
        folded.clear();
        push_folded(c, &mut folded);
        for f in folded.chars() {
            if f.is_alphanumeric() || f == '\'' || f == '-' {
                word.push(f);
            } else if !word.is_empty() {
                end_word(&mut word, &mut out);
            }
        }
    }
    end_word(&mut word, &mut out);
    out
}

/// Loads the interface phrases (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&INTERFACE_PHRASES);
}

/// True when `line` is, or starts with, an interface phrase such as
/// "Rechercher" or "Partager sur Facebook".
pub fn is_interface_phrase(line: &str) -> bool {
    is_interface_normal(&normalise_line(line), line)
}

/// [`is_interface_phrase`] of `line`, whose [`normalise_line`] is `n`.
fn is_interface_normal(n: &str, line: &str) -> bool {
    if n.is_empty() {
        return false;
    }
    if INTERFACE_PHRASES.contains(n) {
        return true;
    }
    let words = n.split(' ').count();
    // A phrase followed by more words: each word boundary of the line is looked up.
    words <= CHROME_PREFIX_MAX_WORDS
        && !ends_a_sentence(line)
        && n.match_indices(' ').any(|(at, _)| INTERFACE_PHRASES.contains(&n[..at]))
}

fn ends_a_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', '…', '»', '”', '"', ';'])
}

/// A line of the body, as the reader sees it once markup is left out.
struct Line {
    /// From its first to its last visible character.
    span: Span,
    visible: String,
    /// `visible` as compared with the interface phrases and across documents.
    normal: String,
    words: usize,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.words == 0
    }
    fn short_unpunctuated(&self) -> bool {
        self.words > 0 && self.words <= CHROME_MAX_WORDS && !ends_a_sentence(&self.visible)
    }
    fn is_paragraph(&self) -> bool {
        self.words >= PARAGRAPH_MIN_WORDS || (self.words > 0 && ends_a_sentence(&self.visible))
    }
}

fn inside_any(span: Span, restored: &[Span]) -> bool {
    restored.iter().any(|r| r.start <= span.start && span.end <= r.end)
}

/// The lines of `text[body]` with `hidden` spans (sorted, merged) left out.
fn visible_lines(text: &str, body: Span, hidden: &[Span]) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut at = body.start();
    for raw in text[body.range()].split_inclusive('\n') {
        let line = Span::new(at, at + raw.len());
        at = line.end();
        let mut visible = String::new();
        let (mut first, mut last) = (None, line.start());
        let mut pos = line.start();
        let mut push_piece = |from: usize, to: usize, visible: &mut String| {
            if to <= from {
                return;
            }
            let piece = &text[from..to];
            if let Some(lead) = piece.find(|c: char| !c.is_whitespace()) {
                first.get_or_insert(from + lead);
                last = from + piece.trim_end().len();
            }
            visible.push_str(piece);
        };
        for h in hidden.iter().filter(|h| h.end > line.start && h.start < line.end) {
            push_piece(pos, h.start().max(pos), &mut visible);
            visible.push(' ');
            pos = pos.max(h.end().min(line.end()));
        }
        push_piece(pos, line.end(), &mut visible);
        let visible = visible.trim().to_string();
        let words = visible.split_whitespace().count();
        let span = match first {
            Some(f) => Span::new(f, last.max(f)),
            None => Span::new(line.start(), line.start()),
        };
        let normal = normalise_line(&visible);
        lines.push(Line { span, visible, normal, words });
    }
    lines
}

/// The removals of every document, in text order. Lines repeated across
/// documents need the whole corpus, hence one call for all documents.
pub fn find_removals(docs: &[InputDocument]) -> Vec<Vec<Removal>> {
    let bodies: Vec<Span> = docs.iter().map(|d| Span::new(body_start(&d.text), d.text.len())).collect();
    let markups: Vec<Vec<Span>> = docs
        .iter()
        .map(|d| merge_spans(d.markup.iter().copied().filter(|s| !inside_any(*s, &d.restored) && s.end() <= d.text.len()).collect()))
        .collect();
    let all_lines: Vec<Vec<Line>> = docs
        .iter()
        .zip(&bodies)
        .zip(&markups)
        .map(|((d, body), markup)| visible_lines(&d.text, *body, markup))
        .collect();
    // Short lines that are not headlines, and how many documents have each.
    let mut shared: BTreeMap<String, usize> = BTreeMap::new();
    for lines in &all_lines {
        let mut seen = BTreeSet::new();
        for (i, l) in lines.iter().enumerate() {
            if l.short_unpunctuated() && !is_headline(lines, i) {
                seen.insert(l.normal.as_str());
            }
        }
        for s in seen {
            *shared.entry(s.to_string()).or_default() += 1;
        }
    }
    docs.iter()
        .zip(all_lines)
        .zip(markups)
        .map(|((doc, lines), markup)| {
            let mut removals: Vec<Removal> =
                markup.iter().map(|&span| Removal { span, reason: RemovalReason::Markup }).collect();
            let chrome = chrome_lines(&lines, &shared);
            let mut kept_lines = Vec::with_capacity(lines.len());
            for (i, l) in lines.into_iter().enumerate() {
                if chrome.contains(&i) && !inside_any(l.span, &doc.restored) {
                    removals.push(Removal { span: l.span, reason: RemovalReason::Chrome });
                    // A removed line separates paragraphs like a blank one.
                    kept_lines.push(Line { span: l.span, visible: String::new(), normal: String::new(), words: 0 });
                } else {
                    kept_lines.push(l);
                }
            }
            for span in repeated_paragraphs(&kept_lines) {
                if !inside_any(span, &doc.restored) {
                    removals.push(Removal { span, reason: RemovalReason::RepeatedParagraph });
                }
            }
            removals.sort_by_key(|r| (r.span, r.reason));
            removals
        })
        .collect()
}

/// A short line followed by a paragraph is a headline.
fn is_headline(lines: &[Line], i: usize) -> bool {
    lines[i + 1..].iter().find(|l| !l.is_blank()).is_some_and(Line::is_paragraph)
}

/// Indexes of the lines that are page chrome.
fn chrome_lines(lines: &[Line], shared: &BTreeMap<String, usize>) -> BTreeSet<usize> {
    let mut chrome = BTreeSet::new();
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() {
            continue;
        }
        let interface = is_interface_normal(&l.normal, &l.visible);
        let repeated = l.short_unpunctuated() && !is_headline(lines, i) && shared.get(l.normal.as_str()).is_some_and(|&n| n >= 2);
        if interface || repeated {
            chrome.insert(i);
        }
    }
    // Only a document that has paragraphs has edges to trim: a list of short
    // lines (a poem, a list of slogans) is left whole.
    if !lines.iter().any(Line::is_paragraph) {
        return chrome;
    }
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    for &i in filled.iter().take(EDGE_MAX_LINES) {
        if chrome.contains(&i) {
            continue;
        }
        if lines[i].short_unpunctuated() && !is_headline(lines, i) {
            chrome.insert(i);
        } else {
            break;
        }
    }
    for &i in filled.iter().rev().take(EDGE_MAX_LINES) {
        if chrome.contains(&i) {
            continue;
        }
        if lines[i].short_unpunctuated() {
            chrome.insert(i);
        } else {
            break;
        }
    }
    chrome
}

/// Letters and digits only, folded: the same paragraph compares equal
/// whatever its spacing, quotes or line breaks. Read from the lines'
/// normal forms, which hold every folded letter and digit of the lines, in order.
fn repeat_key<'a>(normals: impl Iterator<Item = &'a str>) -> String {
    let mut key = String::new();
    for n in normals {
        key.extend(n.chars().filter(|c| c.is_alphanumeric()));
    }
    key
}

/// Spans of paragraphs whose text (minus a trailing "…" or "...") starts an
/// earlier paragraph or a run of earlier paragraphs.
fn repeated_paragraphs(lines: &[Line]) -> Vec<Span> {
    // Paragraphs: runs of non-blank lines (their span and lines).
    let mut paragraphs: Vec<(Span, std::ops::Range<usize>)> = Vec::new();
    let mut current: Option<(Span, std::ops::Range<usize>)> = None;
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() {
            paragraphs.extend(current.take());
            continue;
        }
        match &mut current {
            Some((span, range)) => {
                span.end = l.span.end;
                range.end = i + 1;
            }
            None => current = Some((l.span, i..i + 1)),
        }
    }
    paragraphs.extend(current);
    let keys: Vec<String> = paragraphs.iter().map(|(_, r)| repeat_key(lines[r.clone()].iter().map(|l| l.normal.as_str()))).collect();
    let mut by_start: HashMap<String, Vec<usize>> = HashMap::default();
    let mut repeated = Vec::new();
    for (j, key) in keys.iter().enumerate() {
        if key.chars().count() >= REPEAT_MIN_CHARS {
            let head: String = key.chars().take(REPEAT_KEY_CHARS).collect();
            let found = by_start
                .get(&head)
                .is_some_and(|starts| starts.iter().rev().take(REPEAT_MAX_CANDIDATES).any(|&k| continues_from(&keys[k..j], key)));
            if found {
                repeated.push(paragraphs[j].0);
            }
        }
        if key.chars().count() >= REPEAT_KEY_CHARS {
            by_start.entry(key.chars().take(REPEAT_KEY_CHARS).collect()).or_default().push(j);
        }
    }
    repeated
}

/// True when `target` is a prefix of `run[0] + run[1] + …`.
fn continues_from(run: &[String], target: &str) -> bool {
    let mut rest = target;
    for p in run {
        if rest.len() <= p.len() {
            return p.starts_with(rest);
        }
        match rest.strip_prefix(p.as_str()) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// What is left of `body` once `removals` are taken out: the regions to analyse.
pub fn kept_regions(body: Span, removals: &[Removal]) -> Vec<Span> {
    kept_between(body, removals.iter().map(|r| r.span).collect())
}

/// The parts of `body` outside every span of `cut`.
pub(crate) fn kept_between(body: Span, cut: Vec<Span>) -> Vec<Span> {
    let cut = merge_spans(cut);
    let mut kept = Vec::new();
    let mut at = body.start();
    for c in cut {
        if c.start() > at {
            kept.push(Span::new(at, c.start().min(body.end())));
        }
        at = at.max(c.end());
    }
    if at < body.end() {
        kept.push(Span::new(at, body.end()));
    }
    kept.retain(|s| !s.is_empty());
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fold::fold;

    fn removed(texts: &[&str]) -> Vec<Vec<(String, &'static str)>> {
        let docs: Vec<InputDocument> = texts.iter().map(|t| InputDocument::new("t", t.to_string())).collect();
        find_removals(&docs)
            .iter()
            .zip(texts)
            .map(|(rs, t)| rs.iter().map(|r| (r.span.slice(t).to_string(), r.reason.as_str())).collect())
            .collect()
    }

    #[test]
    fn every_interface_phrase_is_normalised_and_unique() {
        let raw: Vec<&str> = include_str!("../../data/intake/interface_phrases.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        assert_eq!(raw.len(), INTERFACE_PHRASES.len(), "duplicate phrases");
        for p in raw {
            assert_eq!(normalise_line(p), p, "phrase not in normal form: {p}");
        }
    }

    /// What `normalise_line` computes, written plainly (one string per step).
    fn normalise_plainly(line: &str) -> String {
        let cleaned: String = fold(line).chars().map(|c| if c.is_alphanumeric() || c == '\'' || c == '-' { c } else { ' ' }).collect();
        cleaned.split_whitespace().map(|w| w.trim_matches('-')).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_paragraph_key_is_its_folded_letters_and_digits() {
        let lines = ["« Deuxième paragraphe », avec", "une citation—bien longue ; 3,7 %", "L’Œuvre d'État -x- y"];
        let plain: String = fold(&lines.join(" ")).chars().filter(|c| c.is_alphanumeric()).collect();
        let normals: Vec<String> = lines.iter().map(|l| normalise_line(l)).collect();
        assert_eq!(repeat_key(normals.iter().map(String::as_str)), plain);
    }

    #[test]
    fn lines_normalise_as_defined() {
        for line in ["  PARTAGER : ", "- -- Lire aussi - la suite", "L’Œuvre d'État—ici", "«a»b,c", "", "---", "x -y- z"] {
            assert_eq!(normalise_line(line), normalise_plainly(line), "{line:?}");
        }
        assert_eq!(normalise_line("- -- Lire aussi - la suite"), "lire aussi la suite");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_line_normalises_as_defined(line in "[ -'a-zA-Zé’«».,:;\t\u{00A0}0-9Œß]{0,40}") {
            proptest::prop_assert_eq!(normalise_line(&line), normalise_plainly(&line));
        }
    }

    #[test]
    fn interface_phrases_match_whole_lines_and_short_prefixes() {
        assert!(is_interface_phrase("Rechercher"));
        assert!(is_interface_phrase("  PARTAGER : "));
        assert!(is_interface_phrase("Partager sur LinkedIn"));
        assert!(is_interface_phrase("Back to top ↑"));
        assert!(!is_interface_phrase("Partager le fardeau des réfugiés est une obligation, a dit le ministre."));
        assert!(!is_interface_phrase("Recherches en cours dans les décombres"));
    }

    #[test]
    fn chrome_at_the_edges_but_headlines_stay() {
        let text = "Accueil\nMonde\n\nLa Turquie ferme sa frontière\n\nLe gouvernement turc a annoncé la fermeture de la frontière avec la Syrie.\n\nPar notre correspondant\n";
        assert_eq!(
            removed(&[text]),
            vec![vec![("Accueil".into(), "chrome"), ("Monde".into(), "chrome"), ("Par notre correspondant".into(), "chrome")]]
        );
        // Without paragraphs nothing is trimmed.
        assert_eq!(removed(&["Un vers\nUn autre vers\n"]), vec![vec![]]);
    }

    #[test]
    fn a_shared_line_followed_by_a_paragraph_is_a_headline() {
        let a = "Le titre A\n\nUn paragraphe complet qui se termine par un point.\n\nContexte\n\nUn autre paragraphe complet, lui aussi terminé.";
        let b = "Le titre B\n\nEncore un paragraphe complet et terminé.\n\nContexte\n\nEt un dernier paragraphe, bien terminé.";
        assert_eq!(removed(&[a, b]), vec![vec![], vec![]]);
    }

    #[test]
    fn short_lines_shared_by_documents_are_chrome() {
        // "En continu" opens a box of links in both pages; the line after it
        // is a subtitle (it is followed by a paragraph) and stays.
        let a = "Le titre A\n\nUn paragraphe complet qui se termine par un point.\n\nEn continu\nLes frappes reprennent\n\nUn autre paragraphe complet, lui aussi terminé.";
        let b = "Le titre B\n\nEncore un paragraphe complet et terminé.\n\nEn continu\nLa frontière fermée\n\nEt un dernier paragraphe, bien terminé.";
        let r = removed(&[a, b]);
        assert_eq!(r[0], vec![("En continu".to_string(), "chrome")]);
        assert_eq!(r[1], vec![("En continu".to_string(), "chrome")]);
    }

    #[test]
    fn repeated_paragraphs_even_cut_short() {
        let text = "Premier paragraphe qui raconte les faits du jour en détail.\n\n« Deuxième paragraphe », avec une citation bien longue.\n\nPremier paragraphe qui raconte les faits du jour en détail.« Deuxième paragr...";
        let r = removed(&[text]);
        assert_eq!(r[0].len(), 1);
        assert_eq!(r[0][0].1, "repeated_paragraph");
        assert!(r[0][0].0.starts_with("Premier paragraphe qui raconte les faits du jour en détail.« Deux"));
        // A different ending is not a repeat.
        let other = "Premier paragraphe qui raconte les faits du jour en détail.\n\nPremier paragraphe qui raconte les faits du jour autrement.";
        assert_eq!(removed(&[other]), vec![vec![]]);
    }

    #[test]
    fn restored_spans_are_not_removed() {
        let text = "Rechercher\n\nSyrie : le titre\n\nLe corps du texte, qui est un paragraphe.";
        let mut doc = InputDocument::new("t", text.to_string());
        doc.restored = vec![Span::new(0, 10)];
        assert!(find_removals(&[doc])[0].is_empty());
    }

    #[test]
    fn kept_regions_skip_removals() {
        let r = |s, e| Removal { span: Span::new(s, e), reason: RemovalReason::Chrome };
        assert_eq!(
            kept_regions(Span::new(0, 20), &[r(0, 3), r(5, 8), r(7, 10)]),
            vec![Span::new(3, 5), Span::new(10, 20)]
        );
    }
}
