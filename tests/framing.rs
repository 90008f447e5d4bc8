//! Framing on real text: keyness, frames, markers, concordance and collocates
//! on the seed corpus (read at run time from ../shared/corpus/seeds) and on two
//! English fixtures. Expectations come from reading the texts.

#![cfg(not(target_arch = "wasm32"))]

use prisme::engine::{
    analyse, collocates, decode_file, fold, keyness_for_group, kwic, sort_kwic, Analysis, CollocateMeasure, Config, Device,
    Direction, Frame, InputDocument, KeywordRow, KwicSort, MarkerKind, MarkerRow, Scope, G2_P05,
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

/// The index of the document with this id.
fn doc(a: &Analysis, id: &str) -> u32 {
    a.documents.iter().position(|d| d.id == id).unwrap_or_else(|| panic!("no document {id}")) as u32
}

/// The scope of the document with this id.
fn doc_scope(a: &Analysis, id: &str) -> Scope {
    Scope::Document(doc(a, id))
}

/// The scope of the source with this name.
fn source_scope(a: &Analysis, name: &str) -> Scope {
    Scope::Source(a.source_index(name).unwrap_or_else(|| panic!("no source {name}")))
}

fn rows(a: &Analysis, scope: Scope, direction: Direction) -> Vec<&KeywordRow> {
    let mut r: Vec<&KeywordRow> = a.keywords.iter().filter(|k| k.scope == scope && k.direction == direction).collect();
    r.sort_by_key(|k| k.rank);
    r
}

fn find<'a>(rows: &[&'a KeywordRow], folded_term: &str) -> Option<&'a KeywordRow> {
    rows.iter().copied().find(|k| fold(&k.term) == folded_term)
}

fn markers<'a>(a: &'a Analysis, id: &str, kind: MarkerKind) -> Vec<&'a MarkerRow> {
    let d = doc(a, id);
    a.markers.iter().filter(|m| m.document == d && m.kind == kind).collect()
}

fn text_of(a: &Analysis, d: u32) -> &str {
    &a.documents[d as usize].text
}

#[test]
fn regime_is_a_top_over_used_term_of_the_state_department_statement() {
    let a = seeds();
    let over = rows(&a, doc_scope(&a, D000), Direction::Over);
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
    let over = rows(&a, source_scope(&a, "Russie"), Direction::Over);
    let terror = over.iter().find(|k| k.key.starts_with("terror")).unwrap_or_else(|| panic!("{:#?}", &over[..5]));
    // "terroristes": 18 times in 003 (10) and 004 (8), never in 000–002.
    assert_eq!(fold(&terror.term), "terroristes");
    assert_eq!(terror.count, 18);
    assert!(terror.significant);
    assert!(terror.rank <= 3, "rank {}", terror.rank);
    assert_eq!(terror.reference_count, 0);
    // The same group picked by hand gives the same figures.
    let group = keyness_for_group(&a, &[D003, D004]);
    let g = group.iter().find(|k| k.key == terror.key && k.direction == Direction::Over).unwrap();
    assert_eq!((g.count, g.keyness, g.log_ratio, g.rank), (terror.count, terror.keyness, terror.log_ratio, terror.rank));
    assert_eq!(g.scope, Scope::Group);
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
    let over = rows(&a, doc_scope(&a, D000), Direction::Over);
    assert_eq!(find(&over, "armes chimiques").map(|k| k.count), Some(10));
}

#[test]
fn under_used_terms_have_a_negative_log_ratio() {
    let a = seeds();
    let under = rows(&a, doc_scope(&a, D003), Direction::Under);
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
    assert!(markers(&a, D001, MarkerKind::Distancing).iter().any(|m| m.marker == "soi-disant"));
    // 003 has no "soi-disant"; it distances itself with "prétendre": "la rhétorique dominante, qui
    // prétendait que…", "préfèrent … prétendre ne pas voir".
    let d003: Vec<&str> = markers(&a, D003, MarkerKind::Distancing).iter().map(|m| m.marker.as_str()).collect();
    assert!(d003.contains(&"prétendait") && d003.contains(&"prétendre"), "{d003:?}");
    let pseudo: Vec<&str> = markers(&a, D003, MarkerKind::Distancing)
        .iter()
        .filter(|m| m.marker.starts_with("pseudo"))
        .map(|m| m.span.slice(text_of(&a, doc(&a, D003))))
        .collect();
    assert_eq!(pseudo, ["pseudo-humanitaires", "pseudo-travailleurs", "pseudo-sauveteurs"]);
    // 000: "Les faits sont toutefois clairs", "… est indéniable".
    let certain: Vec<&str> = markers(&a, D000, MarkerKind::Certainty).iter().map(|m| m.span.slice(text_of(&a, doc(&a, D000)))).collect();
    assert_eq!(certain, ["Les faits sont toutefois clairs", "indéniable"]);
    // "une attaque présumée" twice in 000, and "pourrait" as a reporting conditional.
    let hedges: Vec<&str> = markers(&a, D000, MarkerKind::Hedge).iter().map(|m| m.marker.as_str()).collect();
    assert_eq!(hedges.iter().filter(|m| **m == "présumée").count(), 2);
    assert!(hedges.contains(&"pourrait"));
    // Scare quotes in 004: « réconciliateurs », «incidents»; not the long quotations.
    let scare: Vec<&str> =
        a.markers.iter().filter(|m| m.document == doc(&a, D004) && m.device == Device::ScareQuotes).map(|m| m.marker.as_str()).collect();
    assert_eq!(scare, ["réconciliateurs", "incidents"]);
    // The actor of "indéniable": the sentence names the Assad regime.
    let indeniable = markers(&a, D000, MarkerKind::Certainty).into_iter().find(|m| m.marker == "indéniable").unwrap();
    let assad = a.actors.iter().position(|x| x.aliases.iter().any(|s| s.contains("Assad"))).unwrap() as u32;
    assert!(indeniable.actors.contains(&assad), "{:?}", indeniable.actors);
}

#[test]
fn every_span_points_at_real_text() {
    for a in [seeds(), english()] {
        for m in &a.markers {
            let t = text_of(&a, m.document);
            assert!(t.get(m.span.start()..m.span.end()).is_some_and(|s| !s.is_empty()), "{m:?}");
        }
        for f in &a.frames {
            let Scope::Document(d) = f.scope else { continue };
            let t = text_of(&a, d);
            for s in f.evidence.iter().chain(&f.cues) {
                assert!(t.get(s.start()..s.end()).is_some_and(|s| !s.is_empty()), "{f:?}");
            }
        }
    }
}

#[test]
fn frame_profiles_per_document_and_source() {
    let a = seeds();
    let profile: Vec<_> = a.frames.iter().filter(|f| f.scope == doc_scope(&a, D000)).collect();
    assert_eq!(profile.len(), 15);
    // A statement about chemical attacks and an offensive: security and defence leads.
    let top = profile.iter().max_by(|x, y| x.score.total_cmp(&y.score)).unwrap();
    assert_eq!(top.frame, Frame::SecurityDefense);
    let words = a.documents[doc(&a, D000) as usize].words as f64;
    for f in &profile {
        assert_eq!(f.cues.len(), f.count);
        assert!((f.score - f.count as f64 * 1000.0 / words).abs() < 1e-4);
        assert!(f.evidence.len() <= f.count);
    }
    // One profile per source too: 003 and 004 together under "Russie".
    let russie: Vec<_> = a.frames.iter().filter(|f| f.scope == source_scope(&a, "Russie")).collect();
    assert_eq!(russie.len(), 15);
    let count = |id: &str, frame: Frame| a.frames.iter().find(|f| f.scope == doc_scope(&a, id) && f.frame == frame).unwrap().count;
    let sec = russie.iter().find(|f| f.frame == Frame::SecurityDefense).unwrap();
    assert_eq!(sec.count, count(D003, Frame::SecurityDefense) + count(D004, Frame::SecurityDefense));
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
    let index = a.actors.iter().position(|x| x.id == assad.id).unwrap() as u32;
    let mentions = a.mentions.iter().filter(|m| m.actor == index).count();
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
    let ministry = rows(&a, source_scope(&a, "Ministry"), Direction::Over);
    let regime = find(&ministry, "regime").unwrap();
    assert_eq!((regime.rank, regime.count, regime.reference_count), (1, 8, 0));
    assert!(regime.significant);
    let rebels = find(&ministry, "rebels").unwrap();
    assert_eq!((rebels.count, rebels.reference_count), (3, 1));
    let agency = rows(&a, source_scope(&a, "Agency"), Direction::Over);
    let terrorists = find(&agency, "terrorists").unwrap();
    assert_eq!((terrorists.count, terrorists.reference_count), (8, 0));
    assert!(terrorists.significant && terrorists.rank <= 2);
    assert!(find(&agency, "government").is_some_and(|g| g.significant && g.count == 7));
    // Seen from the ministry, "government" is under-used.
    let under = rows(&a, source_scope(&a, "Ministry"), Direction::Under);
    assert!(find(&under, "government").is_some_and(|g| g.count == 0 && g.log_ratio < 0.0));
}

#[test]
fn english_pair_alleged_against_undeniable() {
    let a = english();
    let (ministry, agency) = (&a.documents[0].id, &a.documents[1].id);
    let words = |doc: &str, kind: MarkerKind| markers(&a, doc, kind).iter().map(|m| m.marker.to_lowercase()).collect::<Vec<_>>();
    assert_eq!(words(ministry, MarkerKind::Certainty), ["the facts are clear", "undeniable", "clearly", "without doubt"]);
    assert!(words(ministry, MarkerKind::Hedge).is_empty() && words(ministry, MarkerKind::Distancing).is_empty());
    assert_eq!(words(agency, MarkerKind::Hedge), ["according to", "alleged", "reportedly", "allegedly"]);
    assert_eq!(words(agency, MarkerKind::Distancing), ["so-called", "rebels", "humanitarian corridors", "purported"]);
    assert!(words(agency, MarkerKind::Certainty).is_empty());
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
        assert!(text_of(&a, m.document).get(m.span.start()..m.span.end()).is_some(), "{m:?}");
    }
    for q in ["", "*", "…", "a", "faits …", "«"] {
        for l in kwic(&a, q, 5) {
            assert!(text_of(&a, doc(&a, &l.document)).get(l.span.start()..l.span.end()).is_some());
        }
    }
    assert!(collocates(&a, "no-such-actor", CollocateMeasure::Pmi).is_empty());
    assert!(keyness_for_group(&a, &[]).is_empty());
}

#[test]
fn a_document_without_a_source_is_described_by_its_own_rows() {
    // Named sources have rows of their own, ranked: 000 alone, 003 and 004 together.
    let a = seeds();
    let state_source = a.source_index("Département d'État").unwrap();
    let state = a.keywords_of_source(state_source, Direction::Over);
    assert!(!state.is_empty() && state.iter().all(|k| k.scope == Scope::Source(state_source)));
    assert!(state.iter().take(5).any(|k| fold(&k.term) == "regime"), "{:?}", state.iter().take(5).map(|k| &k.term).collect::<Vec<_>>());
    let russie_source = a.source_index("Russie").unwrap();
    let russie = a.keywords_of_source(russie_source, Direction::Over);
    assert!(!russie.is_empty() && russie.iter().all(|k| k.scope == Scope::Source(russie_source)));
    assert!(russie.windows(2).all(|w| w[0].rank <= w[1].rank));
    let frame = a.frames.iter().find(|f| f.scope == Scope::Source(russie_source)).unwrap();
    assert_eq!(a.frame_score_of_source(frame.frame, russie_source), frame.score);
    // Without sources, each seed stands as its own source, described by its document rows.
    let alone = analyse(&load(SEEDS, ".txt", |_| ""), &Config::default());
    let own = alone.source_index(D000).unwrap();
    let rows = alone.keywords_of_source(own, Direction::Over);
    assert!(!rows.is_empty() && rows.iter().all(|k| k.scope == doc_scope(&alone, D000)));
    assert!(rows.iter().take(5).any(|k| fold(&k.term) == "regime"));
    let row = alone.frames.iter().find(|f| f.scope == doc_scope(&alone, D000) && f.score > 0.0).unwrap();
    assert_eq!(alone.frame_score_of_source(row.frame, own), row.score);
    assert_eq!(alone.frame_score_of_source(row.frame, alone.sources.len() as u32), 0.0);
    assert_eq!(alone.source_index("no such source"), None);
}
