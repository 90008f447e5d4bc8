//! Framing on real text: keyness, frames, markers, concordance and collocates
//! on the seed corpus (read at run time from ../shared/corpus/seeds) and on two
//! English fixtures. Expectations come from reading the texts.

#![cfg(not(target_arch = "wasm32"))]

use prisme::engine::{
    analyse, collocates, decode_file, fold, keyness_for_group, kwic, sort_kwic, Analysis, CollocateMeasure, Config,
    InputDocument, KeywordRow, KwicSort, MarkerRow, G2_P05,
};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/seeds");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/framing");

const D000: &str = "000_9904e9e6f32cea34.txt";
const D001: &str = "001_86814697a7cf7b8c.txt";
const D003: &str = "003_c662902fbac361e2.txt";
const D004: &str = "004_bdcbdcdb2ac1c479.txt";

/// Loads the files of `dir` (sorted), giving each the source `source_of(name)`.
fn load(dir: &str, ext: &str, source_of: impl Fn(&str) -> &'static str) -> Vec<InputDocument> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(ext))
        .collect();
    names.sort();
    names
        .iter()
        .flat_map(|n| {
            let mut docs = decode_file(n, &std::fs::read(format!("{dir}/{n}")).unwrap()).unwrap();
            for d in &mut docs {
                d.source = source_of(n).to_string();
            }
            docs
        })
        .collect()
}

/// The seeds with 003 and 004 (the two Russian sources) under one source.
fn seeds() -> Analysis {
    let docs = load(SEEDS, ".txt", |n| match &n[..3] {
        "000" => "Département d'État",
        "001" => "AFP",
        "002" => "Anadolu",
        _ => "Russie",
    });
    analyse(&docs, &Config::default())
}

fn english() -> Analysis {
    analyse(&load(FIXTURES, ".txt", |n| if n.starts_with('a') { "Ministry" } else { "Agency" }), &Config::default())
}

fn rows<'a>(a: &'a Analysis, scope: &str, direction: &str) -> Vec<&'a KeywordRow> {
    let mut r: Vec<&KeywordRow> = a.keywords.iter().filter(|k| k.scope == scope && k.direction == direction).collect();
    r.sort_by_key(|k| k.rank);
    r
}

fn find<'a>(rows: &[&'a KeywordRow], folded_term: &str) -> Option<&'a KeywordRow> {
    rows.iter().copied().find(|k| fold(&k.term) == folded_term)
}

fn markers<'a>(a: &'a Analysis, doc: &str, kind: &str) -> Vec<&'a MarkerRow> {
    a.markers.iter().filter(|m| m.document == doc && m.kind == kind).collect()
}

fn text_of<'a>(a: &'a Analysis, doc: &str) -> &'a str {
    &a.documents.iter().find(|d| d.id == doc).unwrap().text
}

#[test]
fn regime_is_a_top_over_used_term_of_the_state_department_statement() {
    let a = seeds();
    let over = rows(&a, &format!("document:{D000}"), "over");
    let regime = find(&over, "regime").unwrap_or_else(|| panic!("{:#?}", &over[..5]));
    assert!(regime.rank <= 5, "régime ranked {}", regime.rank);
    assert!(regime.significant && regime.keyness >= G2_P05);
    // 000 writes "régime" 14 times (read it: "le régime d'Assad" throughout).
    assert_eq!(regime.count, 14);
    assert!(regime.log_ratio > 1.0, "used more than twice as often as the others: {}", regime.log_ratio);
    // Ranks are 1, 2, 3 … by falling G².
    for (i, w) in over.windows(2).enumerate() {
        assert_eq!(w[0].rank, i + 1);
        assert!(w[0].keyness >= w[1].keyness);
    }
}

#[test]
fn terrorists_is_key_for_the_russian_sources_together() {
    let a = seeds();
    let over = rows(&a, "source:Russie", "over");
    let terror = over.iter().find(|k| k.key.starts_with("terror")).unwrap_or_else(|| panic!("{:#?}", &over[..5]));
    // "terroristes": 18 times in 003 (10) and 004 (8), never in 000–002.
    assert_eq!(fold(&terror.term), "terroristes");
    assert_eq!(terror.count, 18);
    assert!(terror.significant);
    assert!(terror.rank <= 3, "rank {}", terror.rank);
    assert_eq!(terror.reference_count, 0);
    // The same group picked by hand gives the same figures.
    let group = keyness_for_group(&a, &[D003, D004]);
    let g = group.iter().find(|k| k.key == terror.key && k.direction == "over").unwrap();
    assert_eq!((g.count, g.keyness, g.log_ratio, g.rank), (terror.count, terror.keyness, terror.log_ratio, terror.rank));
    assert_eq!(g.scope, "group");
}

#[test]
fn multi_word_terms_come_from_collocation() {
    let a = seeds();
    let terms: Vec<String> = a.keywords.iter().map(|k| fold(&k.term)).collect();
    // Phrases the texts repeat across documents, none of them listed anywhere.
    for phrase in ["armes chimiques", "casques blancs", "regime d'assad"] {
        assert!(terms.iter().any(|t| t == phrase), "{phrase} missing");
    }
    // 000 over-uses "armes chimiques" (10 times).
    let over = rows(&a, &format!("document:{D000}"), "over");
    assert_eq!(find(&over, "armes chimiques").map(|k| k.count), Some(10));
}

#[test]
fn under_used_terms_have_a_negative_log_ratio() {
    let a = seeds();
    let under = rows(&a, &format!("document:{D003}"), "under");
    assert!(!under.is_empty());
    assert!(under.iter().all(|k| k.log_ratio < 0.0));
    assert!(under.windows(2).all(|w| w[0].keyness >= w[1].keyness && w[0].rank + 1 == w[1].rank));
    // 003 never writes "armes chimiques", which the others write 15 times.
    let arms = find(&under, "armes chimiques").unwrap();
    assert_eq!((arms.count, arms.reference_count), (0, 15));
    assert!(arms.significant);
}

#[test]
fn distancing_and_certainty_markers_in_the_seeds() {
    let a = seeds();
    // "soi-disant attaque chimique" (001), "pseudo-humanitaires", "pseudo-travailleurs", "pseudo-sauveteurs" (003).
    assert!(markers(&a, D001, "distancing").iter().any(|m| m.marker == "soi-disant"));
    // 003 has no "soi-disant"; it distances itself with "prétendre": "la rhétorique dominante, qui
    // prétendait que…", "préfèrent … prétendre ne pas voir".
    let d003: Vec<&str> = markers(&a, D003, "distancing").iter().map(|m| m.marker.as_str()).collect();
    assert!(d003.contains(&"prétendait") && d003.contains(&"prétendre"), "{d003:?}");
    let pseudo: Vec<&str> = markers(&a, D003, "distancing")
        .iter()
        .filter(|m| m.marker.starts_with("pseudo"))
        .map(|m| m.span.slice(text_of(&a, D003)))
        .collect();
    assert_eq!(pseudo, ["pseudo-humanitaires", "pseudo-travailleurs", "pseudo-sauveteurs"]);
    // 000: "Les faits sont toutefois clairs", "… est indéniable".
    let certain: Vec<&str> = markers(&a, D000, "certainty").iter().map(|m| m.span.slice(text_of(&a, D000))).collect();
    assert_eq!(certain, ["Les faits sont toutefois clairs", "indéniable"]);
    // "une attaque présumée" twice in 000, and "pourrait" as a reporting conditional.
    let hedges: Vec<&str> = markers(&a, D000, "hedge").iter().map(|m| m.marker.as_str()).collect();
    assert_eq!(hedges.iter().filter(|m| **m == "présumée").count(), 2);
    assert!(hedges.contains(&"pourrait"));
    // Scare quotes in 004: « réconciliateurs », «incidents»; not the long quotations.
    let scare: Vec<&str> =
        a.markers.iter().filter(|m| m.document == D004 && m.device == "scare_quotes").map(|m| m.marker.as_str()).collect();
    assert_eq!(scare, ["réconciliateurs", "incidents"]);
    // The actor of "indéniable": the sentence names the Assad regime.
    let indeniable = markers(&a, D000, "certainty").into_iter().find(|m| m.marker == "indéniable").unwrap();
    let assad = a.actors.iter().find(|x| x.aliases.iter().any(|s| s.contains("Assad"))).unwrap();
    assert!(indeniable.actors.contains(&assad.id), "{:?}", indeniable.actors);
}

#[test]
fn every_span_points_at_real_text() {
    for a in [seeds(), english()] {
        for m in &a.markers {
            let t = text_of(&a, &m.document);
            assert!(t.get(m.span.start..m.span.end).is_some_and(|s| !s.is_empty()), "{m:?}");
        }
        for f in a.frames.iter().filter(|f| !f.document.is_empty()) {
            let t = text_of(&a, &f.document);
            for s in f.evidence.iter().chain(&f.cues) {
                assert!(t.get(s.start..s.end).is_some_and(|s| !s.is_empty()), "{f:?}");
            }
        }
    }
}

#[test]
fn frame_profiles_per_document_and_source() {
    let a = seeds();
    let profile: Vec<_> = a.frames.iter().filter(|f| f.document == D000).collect();
    assert_eq!(profile.len(), 15);
    // A statement about chemical attacks and an offensive: security and defence leads.
    let top = profile.iter().max_by(|x, y| x.score.total_cmp(&y.score)).unwrap();
    assert_eq!(top.frame, "security_defense");
    let words = a.documents.iter().find(|d| d.id == D000).unwrap().words as f64;
    for f in &profile {
        assert_eq!(f.scope, format!("document:{D000}"));
        assert_eq!(f.cues.len(), f.count);
        assert!((f.score - f.count as f64 * 1000.0 / words).abs() < 1e-4);
        assert!(f.evidence.len() <= f.count);
    }
    // One profile per source too: 003 and 004 together under "Russie".
    let russie: Vec<_> = a.frames.iter().filter(|f| f.scope == "source:Russie").collect();
    assert_eq!(russie.len(), 15);
    let count = |doc: &str, frame: &str| a.frames.iter().find(|f| f.document == doc && f.frame == frame).unwrap().count;
    let sec = russie.iter().find(|f| f.frame == "security_defense").unwrap();
    assert_eq!(sec.count, count(D003, "security_defense") + count(D004, "security_defense"));
}

#[test]
fn concordance_and_collocates() {
    let a = seeds();
    let lines = kwic(&a, "régime", 30);
    let in_000: Vec<_> = lines.iter().filter(|l| l.document == D000).collect();
    assert_eq!(in_000.len(), 14);
    assert!(lines.iter().all(|l| fold(&l.keyword).starts_with("regime")));
    assert!(lines.iter().all(|l| l.left.chars().count() <= 30 && l.right.chars().count() <= 30));
    // Right-sorted: "régime d'Assad" lines come together.
    let mut sorted = lines.clone();
    sort_kwic(&mut sorted, KwicSort::Right);
    assert!(sorted.windows(2).all(|w| w[0].right_key <= w[1].right_key));
    // A concordance of an actor shows its mentions.
    let assad = a.actors.iter().find(|x| x.kind == "person" && x.aliases.iter().any(|s| s.contains("Assad"))).unwrap();
    let mentions = a.mentions.iter().filter(|m| m.actor == assad.id).count();
    assert_eq!(kwic(&a, &assad.id, 20).len(), mentions);
    // "le régime d'Assad": régime is Assad's strongest collocate.
    let ll = collocates(&a, &assad.id, CollocateMeasure::LogLikelihood);
    assert_eq!(fold(&ll[0].term), "regime", "{:#?}", &ll[..ll.len().min(5)]);
    let pmi = collocates(&a, &assad.id, CollocateMeasure::Pmi);
    assert!(pmi.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(pmi.iter().all(|c| c.count >= 2));
}

#[test]
fn english_pair_regime_against_government_terrorists_against_rebels() {
    let a = english();
    assert!(a.documents.iter().all(|d| d.language == "en"));
    let ministry = rows(&a, "source:Ministry", "over");
    let regime = find(&ministry, "regime").unwrap();
    assert_eq!((regime.rank, regime.count, regime.reference_count), (1, 8, 0));
    assert!(regime.significant);
    let rebels = find(&ministry, "rebels").unwrap();
    assert_eq!((rebels.count, rebels.reference_count), (3, 1));
    let agency = rows(&a, "source:Agency", "over");
    let terrorists = find(&agency, "terrorists").unwrap();
    assert_eq!((terrorists.count, terrorists.reference_count), (8, 0));
    assert!(terrorists.significant && terrorists.rank <= 2);
    assert!(find(&agency, "government").is_some_and(|g| g.significant && g.count == 7));
    // Seen from the ministry, "government" is under-used.
    let under = rows(&a, "source:Ministry", "under");
    assert!(find(&under, "government").is_some_and(|g| g.count == 0 && g.log_ratio < 0.0));
}

#[test]
fn english_pair_alleged_against_undeniable() {
    let a = english();
    let (ministry, agency) = (&a.documents[0].id, &a.documents[1].id);
    let words = |doc: &str, kind: &str| markers(&a, doc, kind).iter().map(|m| m.marker.to_lowercase()).collect::<Vec<_>>();
    assert_eq!(words(ministry, "certainty"), ["the facts are clear", "undeniable", "clearly", "without doubt"]);
    assert!(words(ministry, "hedge").is_empty() && words(ministry, "distancing").is_empty());
    assert_eq!(words(agency, "hedge"), ["according to", "alleged", "reportedly", "allegedly"]);
    assert_eq!(words(agency, "distancing"), ["so-called", "rebels", "humanitarian corridors", "purported"]);
    assert!(words(agency, "certainty").is_empty());
}

#[test]
fn odd_input_does_not_panic_and_spans_stay_on_char_boundaries() {
    let texts = [
        "\"", "« »", "«a»", "\"a\" \"b\"", "…", "les faits sont", "Les faits sont … clairs", "pseudo-", "x-pseudo-y",
        "é\u{301}\"é\"", "Si serait aurait. Aurait-il ?", "\"\"\"\"", "selon", "the facts are clear", "a «b c d e» f",
    ];
    let docs: Vec<InputDocument> = texts.iter().enumerate().filter_map(|(i, t)| prisme::engine::from_pasted(i + 1, t)).collect();
    let a = analyse(&docs, &Config::default());
    for m in &a.markers {
        assert!(text_of(&a, &m.document).get(m.span.start..m.span.end).is_some(), "{m:?}");
    }
    for q in ["", "*", "…", "a", "faits …", "«"] {
        for l in kwic(&a, q, 5) {
            assert!(text_of(&a, &l.document).get(l.span.start..l.span.end).is_some());
        }
    }
    assert!(collocates(&a, "no-such-actor", CollocateMeasure::Pmi).is_empty());
    assert!(keyness_for_group(&a, &[]).is_empty());
}

#[test]
fn a_document_without_a_source_is_described_by_its_own_rows() {
    // Named sources have rows of their own, ranked: 000 alone, 003 and 004 together.
    let a = seeds();
    let state = a.keywords_of_source("Département d'État", "over");
    assert!(!state.is_empty() && state.iter().all(|k| k.scope == "source:Département d'État"));
    assert!(state.iter().take(5).any(|k| fold(&k.term) == "regime"), "{:?}", state.iter().take(5).map(|k| &k.term).collect::<Vec<_>>());
    let russie = a.keywords_of_source("Russie", "over");
    assert!(!russie.is_empty() && russie.iter().all(|k| k.scope == "source:Russie"));
    assert!(russie.windows(2).all(|w| w[0].rank <= w[1].rank));
    let frame = a.frames.iter().find(|f| f.scope == "source:Russie").unwrap();
    assert_eq!(a.frame_score_of_source(&frame.frame, "Russie"), frame.score);
    // Without sources, each seed stands as its own source, described by its document rows.
    let alone = analyse(&load(SEEDS, ".txt", |_| ""), &Config::default());
    let rows = alone.keywords_of_source(D000, "over");
    assert!(!rows.is_empty() && rows.iter().all(|k| k.scope == format!("document:{D000}")));
    assert!(rows.iter().take(5).any(|k| fold(&k.term) == "regime"));
    let doc = alone.frames.iter().find(|f| f.scope == format!("document:{D000}") && f.score > 0.0).unwrap();
    assert_eq!(alone.frame_score_of_source(&doc.frame, D000), doc.score);
    assert_eq!(alone.frame_score_of_source(&doc.frame, "no such source"), 0.0);
}
