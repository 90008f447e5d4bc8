//! Sentiment toward actors: hand-labelled French and English fixtures (macro-F1
//! with a floor) and the five seed texts, read as a person would read them.

#![cfg(not(target_arch = "wasm32"))]

use prisme::engine::{analyse, decode_file, score_target, Analysis, Config, Scope, Span};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/seeds");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sentiment");

/// Macro-F1 (in %) of the scorer on a fixture file; prints misses.
fn fixture_macro_f1(file: &str, lang: &str) -> (f64, usize) {
    let src = std::fs::read_to_string(format!("{FIXTURES}/{file}")).expect("fixture file");
    let mut m = [[0usize; 3]; 3];
    let mut rows = 0;
    for line in src.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 3, "bad fixture line {line:?}");
        let (sentence, target, gold): (&str, &str, i8) = (f[0], f[1], f[2].parse().expect("polarity"));
        let at = sentence.find(target).unwrap_or_else(|| panic!("{target:?} not in {sentence:?}"));
        let r = score_target(sentence, Span::new(0, sentence.len()), Span::new(at, at + target.len()), lang);
        let got = r.polarity();
        if got != gold {
            println!("miss [{}] {target:?}: gold {gold}, got {got} ({:.3}, {:?}) in {sentence:?}", f.get(3).unwrap_or(&""), r.score, r.role);
        }
        m[(gold + 1) as usize][(got + 1) as usize] += 1;
        rows += 1;
    }
    let f1 = prisme::engine::sentiment_training::macro_f1(&m);
    println!("{file}: {rows} targets, confusion {m:?}, macro-F1 {:.1}", f1 * 100.0);
    (f1 * 100.0, rows)
}

#[test]
fn french_fixture_macro_f1() {
    let (f1, rows) = fixture_macro_f1("fr_sentences.tsv", "fr");
    assert!(rows >= 80);
    assert!(f1 >= FR_FLOOR, "French macro-F1 {f1:.1} below {FR_FLOOR}");
}

#[test]
fn english_fixture_macro_f1() {
    let (f1, rows) = fixture_macro_f1("en_sentences.tsv", "en");
    assert!(rows >= 40);
    assert!(f1 >= EN_FLOOR, "English macro-F1 {f1:.1} below {EN_FLOOR}");
}

/// Floors just under what the scorer reaches today, so a regression fails.
const FR_FLOOR: f64 = 60.0;
const EN_FLOOR: f64 = 72.0;

fn seeds() -> Analysis {
    let mut names: Vec<_> = std::fs::read_dir(SEEDS).expect("seed folder").map(|e| e.expect("entry").path()).collect();
    names.sort();
    let docs: Vec<_> = names
        .iter()
        .flat_map(|p| decode_file(&p.file_name().unwrap().to_string_lossy(), &std::fs::read(p).expect("seed")).expect("decodes"))
        .collect();
    analyse(&docs, &Config::default())
}

/// The index of the seed document whose id starts with `prefix`.
fn doc_id(a: &Analysis, prefix: &str) -> u32 {
    a.documents.iter().position(|d| d.id.starts_with(prefix)).expect("seed document") as u32
}

/// Mean score over the document rows of every actor whose aliases match, weighted
/// by mentions. Until the actors branch merges spellings, the Syrian government
/// is any actor named with "Assad", "régime" or "Damas".
fn actor_score(a: &Analysis, doc: u32, alias_contains: &[&str]) -> (f64, usize) {
    let (mut sum, mut n) = (0.0, 0);
    for row in a.sentiment.iter().filter(|r| r.scope == Scope::Document(doc)) {
        let actor = &a.actors[row.actor as usize];
        if actor.aliases.iter().any(|al| alias_contains.iter().any(|p| al.to_lowercase().contains(&p.to_lowercase()))) {
            sum += row.score * row.mentions as f64;
            n += row.mentions;
        }
    }
    (if n > 0 { sum / n as f64 } else { 0.0 }, n)
}

/// The mean score of every place the phrase stands in a document, found by a
/// plain case-insensitive search (the name finder sees "Casques" only).
fn phrase_score(a: &Analysis, doc: u32, phrase: &str) -> (f64, usize) {
    let d = &a.documents[doc as usize];
    let seg = prisme::engine::segment(&d.text, d.body);
    let lower = d.text.to_lowercase();
    assert_eq!(lower.len(), d.text.len(), "lower-casing kept byte offsets");
    let (mut sum, mut n) = (0.0, 0);
    for (at, _) in lower.match_indices(&phrase.to_lowercase()) {
        let Some(s) = seg.sentences.iter().find(|s| s.span.start() <= at && at < s.span.end()) else { continue };
        let r = score_target(&d.text, s.span, Span::new(at, at + phrase.len()), "fr");
        let cues: Vec<_> = r.cues.iter().map(|c| format!("{} {:+.2}", c.span.slice(&d.text), c.weight)).collect();
        println!("  {} @{at}: {:+.3} {:?} {cues:?}", d.id, r.score, r.role);
        sum += r.score;
        n += 1;
    }
    (if n > 0 { sum / n as f64 } else { 0.0 }, n)
}

#[test]
fn seed_000_assad_regime_is_negative() {
    let a = seeds();
    let (score, n) = actor_score(&a, doc_id(&a, "000"), &["Assad", "régime"]);
    println!("000 Assad/régime: {score:.3} over {n} mentions");
    assert!(n >= 5 && score < -0.2, "{score} over {n}");
}

#[test]
fn seed_002_turkey_positive_syrian_government_negative() {
    let a = seeds();
    let doc = doc_id(&a, "002");
    let (turkey, nt) = actor_score(&a, doc, &["Turquie"]);
    let (assad, na) = actor_score(&a, doc, &["Assad", "régime", "Damas"]);
    println!("002 Turquie: {turkey:.3} over {nt}; Assad/régime/Damas: {assad:.3} over {na}");
    assert!(nt >= 3 && turkey > 0.05, "Turquie {turkey} over {nt}");
    assert!(na >= 2 && assad < -0.1, "Assad {assad} over {na}");
}

#[test]
fn seed_003_white_helmets_negative_and_lower_than_in_000() {
    let a = seeds();
    let (in_003, n3) = phrase_score(&a, doc_id(&a, "003"), "casques blancs");
    let (in_000, n0) = phrase_score(&a, doc_id(&a, "000"), "casques blancs");
    println!("casques blancs: 003 {in_003:.3} over {n3}; 000 {in_000:.3} over {n0}");
    assert!(n3 >= 5 && n0 >= 1);
    assert!(in_003 < -0.1, "003: {in_003}");
    assert!(in_003 < in_000, "003 {in_003} not lower than 000 {in_000}");
}

#[test]
fn every_evidence_span_points_at_real_text() {
    let a = seeds();
    assert!(!a.sentiment.is_empty() && !a.sentiment_evidence.is_empty());
    for e in &a.sentiment_evidence {
        let d = &a.documents[e.document as usize];
        let t = &d.text;
        for sp in [Some(e.mention), Some(e.sentence), e.speaker].into_iter().flatten().chain(e.cues.iter().map(|c| c.span)) {
            assert!(sp.start <= sp.end && sp.end() <= t.len(), "{sp:?} outside {}", d.id);
            assert!(t.is_char_boundary(sp.start()) && t.is_char_boundary(sp.end()), "{sp:?} off a char boundary");
        }
        for c in &e.cues {
            assert!(!c.span.slice(t).is_empty());
            assert!(e.sentence.start <= c.span.start && c.span.end <= e.sentence.end);
        }
        assert!(e.cues.len() <= prisme::engine::MentionEvidence::MAX_CUES);
        assert!(e.cues.windows(2).all(|w| w[0].span < w[1].span), "cues in text order");
        assert!((-1.0..=1.0).contains(&e.score));
        assert!(["agent", "victim", "recipient", "neutral"].contains(&e.role.as_str()));
    }
    for r in &a.sentiment {
        assert!((-1.0..=1.0).contains(&r.score));
        assert_eq!(r.uncertain, r.mentions <= 2);
        assert_eq!(r.roles.agent + r.roles.victim + r.roles.recipient + r.roles.neutral, r.mentions);
        assert!(matches!(r.scope, Scope::Document(_) | Scope::Source(_)));
        // Scores are written rounded to 4 decimals.
        assert_eq!(r.score, (r.score * 10_000.0).round() / 10_000.0);
    }
}

#[test]
fn analysis_is_the_same_twice() {
    assert_eq!(seeds(), seeds());
}

/// A long English sentence full of loaded words: the evidence lists the
/// strongest words, in text order, and `rest` holds what the others add, so
/// that nothing is hidden from the sum.
#[test]
fn evidence_lists_the_strongest_words_and_the_rest() {
    let text = "Witnesses said the ruthless, corrupt and brutal junta of Freedonia massacred peaceful protesters, \
                tortured prisoners, looted villages, terrorised families and murdered journalists while generous \
                volunteers bravely helped wounded children.";
    let doc = prisme::engine::from_pasted(1, text).unwrap();
    let a = analyse(&[doc], &Config::default());
    let e = a.sentiment_evidence.iter().find(|e| e.mention.slice(text) == "Freedonia").expect("Freedonia is scored");
    let all = score_target(text, e.sentence, e.mention, "en");
    assert!(all.cues.len() > prisme::engine::MentionEvidence::MAX_CUES, "{} cues", all.cues.len());
    assert_eq!(e.cues.len(), prisme::engine::MentionEvidence::MAX_CUES);
    // The listed words are the strongest ones.
    let weakest_listed = e.cues.iter().map(|c| c.weight.abs()).fold(f64::INFINITY, f64::min);
    let listed: Vec<Span> = e.cues.iter().map(|c| c.span).collect();
    assert!(listed.windows(2).all(|w| w[0] < w[1]), "the listed words are in text order: {listed:?}");
    for c in all.cues.iter().filter(|c| !listed.contains(&c.span)) {
        assert!(c.weight.abs() <= weakest_listed, "{:?} left out but stronger than a listed word", c.span.slice(text));
    }
    // A reader would call "massacred" one of the words that weigh most against the junta.
    assert!(e.cues.iter().any(|c| c.span.slice(text) == "massacred" && c.weight < 0.0), "{:?}", e.cues);
    let sum_all: f64 = all.cues.iter().map(|c| c.weight).sum();
    let sum_shown: f64 = e.cues.iter().map(|c| c.weight).sum::<f64>() + e.rest;
    assert!((sum_all - sum_shown).abs() < 1e-3, "{sum_all} vs {sum_shown}");
    assert!(e.rest != 0.0);
}
