//! Actors on real and written texts: expected values come from reading them.

#![cfg(not(target_arch = "wasm32"))]

use prisme::engine::{self, Analysis, Config, InputDocument, MentionForm};


const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/seeds");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/actors");

/// Decodes one file into its documents.
fn decode(name: &str, bytes: &[u8]) -> Vec<InputDocument> {
    engine::decode_file(name, bytes).expect("the file decodes")
}

fn seeds() -> Analysis {
    let mut files: Vec<_> = std::fs::read_dir(SEEDS).expect("seeds").map(|e| e.unwrap().path()).collect();
    files.sort();
    let docs: Vec<InputDocument> = files
        .iter()
        .flat_map(|p| decode(&p.file_name().unwrap().to_string_lossy(), &std::fs::read(p).unwrap()))
        .collect();
    engine::analyse(&docs, &Config::default())
}

/// The index of the seed document whose id starts with `prefix`.
fn doc_id(a: &Analysis, prefix: &str) -> u32 {
    a.documents.iter().position(|d| d.id.starts_with(prefix)).unwrap() as u32
}

/// The index of the actor with this id.
fn actor_index(a: &Analysis, id: &str) -> u32 {
    a.actors.iter().position(|x| x.id == id).unwrap_or_else(|| panic!("no actor {id}")) as u32
}

/// The ids of the actors named `surface` in a document.
fn actor_of<'a>(a: &'a Analysis, doc: &str, surface: &str) -> Vec<&'a str> {
    let d = doc_id(a, doc);
    let text = &a.documents[d as usize].text;
    let mut v: Vec<&str> =
        a.mentions.iter().filter(|m| m.document == d && m.span.slice(text) == surface).map(|m| a.actors[m.actor as usize].id.as_str()).collect();
    v.dedup();
    v
}

fn total_in(a: &Analysis, actor: &str, doc: &str) -> usize {
    let d = doc_id(a, doc);
    a.actors.iter().find(|x| x.id == actor).map(|x| x.mentions_in(d)).unwrap_or(0)
}

#[test]
fn seed_spellings_merge_into_one_actor_each() {
    let a = seeds();
    let one = |pairs: &[(&str, &str)], expected: &str| {
        for (doc, surface) in pairs {
            let ids = actor_of(&a, doc, surface);
            assert!(ids.contains(&expected), "{surface} in {doc}: {ids:?}, expected {expected}");
        }
    };
    one(&[("001", "Bachar el-Assad"), ("002", "Bachar al-Assad"), ("001", "Assad"), ("004", "el-Assad")], "Q44437");
    one(&[("000", "États-Unis"), ("001", "Etats-Unis"), ("003", "états-unis"), ("001", "Washington")], "Q30");
    one(&[("001", "Moscou"), ("000", "Russie")], "Q159");
    one(&[("001", "Idleb"), ("004", "Idlib"), ("003", "province D'Idlib")], "p:idlib-region");
    one(&[("000", "Casques blancs"), ("003", "casques blancs")], "p:white-helmets");
    one(&[("001", "Hayat Tahrir al-Cham"), ("003", "Hayat Tahrir al-Sham"), ("003", "Hayat Tahrir Al Sham")], "p:hts");
    // "Hayat Tahrir al-Cham (HTS)": the acronym in brackets defines the name, it is not a second mention.
    assert!(actor_of(&a, "001", "HTS").is_empty());
    one(&[("001", "Sergueï Lavrov")], "p:sergei-lavrov");
    one(&[("003", "Maria Sacharova")], "p:maria-zakharova");
    one(&[("003", "Etat islamique"), ("004", "Daech")], "Q2429253");
    one(&[("004", "Pentagone")], "Q30");
    let person = a.actors.iter().find(|x| x.id == "Q44437").unwrap();
    assert_eq!(person.kind, "person");
}

#[test]
fn page_chrome_and_sentence_openers_are_not_actors() {
    let a = seeds();
    for word in ["Malheureusement", "Rechercher", "Dernières", "Infos", "Toutefois", "Permettez", "Auparavant", "Cette", "Les", "Quitter"] {
        assert!(
            !a.actors.iter().any(|x| x.name.split_whitespace().any(|w| w.starts_with(word)) || x.aliases.iter().any(|s| s.starts_with(word))),
            "{word} is an actor"
        );
    }
}

#[test]
fn seed_mention_counts_by_hand() {
    let a = seeds();
    // 000: the Syrian state, counted by reading, paragraph by paragraph:
    // ¶1 régime d'Assad, Syrie, "par le régime" = 3; ¶2 régime d'Assad, Syrie, régime Assad = 3;
    // ¶3 Syrie, régime d'Assad, régime syrien, Syrie, "du régime", Syrie = 6; ¶4 régime d'Assad ×4;
    // ¶5 régime d'Assad ×2, Syrie, régime Assad = 4. Total 20; "Syriens" is attributive.
    assert_eq!(total_in(&a, "Q858", "000"), 20);
    // 000: Russia, "la Russie" ×4 (all in the fourth paragraph).
    assert_eq!(total_in(&a, "Q159", "000"), 4);
    // 000: the United States, "États-Unis" ×3.
    assert_eq!(total_in(&a, "Q30", "000"), 3);
    // 000: Assad the person, named inside "régime d'Assad"/"régime Assad": 1 + 2 + 1 + 4 + 3 = 11.
    assert_eq!(total_in(&a, "Q44437", "000"), 11);
    // 002: Syria: title "Syrie" and "Damas", "régime de Bachar al-Assad", "la Syrie",
    // "régime d'Assad" ×2, "du régime" ×2, "forces du régime", "en Syrie" = 10.
    assert_eq!(total_in(&a, "Q858", "002"), 10);
    // 002: Turkey: "la Turquie" ×6 and "forces turques" = 7; turc/turcs/turque ×4 are attributive.
    assert_eq!(total_in(&a, "Q43", "002"), 7);
    let turkey = a.actors.iter().find(|x| x.id == "Q43").unwrap();
    let d002 = doc_id(&a, "002");
    assert_eq!(turkey.attributive.iter().find(|(d, _)| *d == d002).map(|(_, n)| *n), Some(4));
    // 002: Russia: "Moscou" (title), "la Russie" ×2, "forces russes" = 4.
    assert_eq!(total_in(&a, "Q159", "002"), 4);
    // 002: Assad: "Bachar al-Assad", "régime d'Assad" ×2 = 3.
    assert_eq!(total_in(&a, "Q44437", "002"), 3);
}

#[test]
fn the_syrian_government_carries_its_labels() {
    let a = seeds();
    let syria = actor_index(&a, "Q858");
    let has = |doc: &str, label: &str| a.labels.iter().any(|l| l.actor == syria && l.document == doc_id(&a, doc) && l.label == label);
    for doc in ["000", "001", "002"] {
        assert!(has(doc, "régime"), "régime in {doc}");
    }
    for doc in ["003", "004"] {
        assert!(has(doc, "gouvernement"), "gouvernement in {doc}");
    }
}

#[test]
fn every_mention_span_points_at_its_surface() {
    let a = seeds();
    for m in &a.mentions {
        let d = &a.documents[m.document as usize];
        assert!(a.actors[m.actor as usize].aliases.iter().any(|s| s == m.span.slice(&d.text)), "{m:?}");
    }
    let (russia, syria) = (actor_index(&a, "Q159"), actor_index(&a, "Q858"));
    assert!(a.cooccurrences.iter().any(|c| c.a == russia.min(syria) && c.b == russia.max(syria) && c.sentences > 0));
}

/// Gold mentions of a fixture from its `.ann` file: `(span, actor)`.
///
/// Mentions are written down in reading order. A line is `surface<TAB>actor`:
/// the next occurrence of `surface` as a whole word after the mention before;
/// `surface<TAB>actor<TAB>inside`: an occurrence inside the mention before
/// ("Lecornu" in "gouvernement Lecornu"); or `surface<TAB>actor<TAB>n`: the nth
/// occurrence in the text.
fn gold(text: &str, ann: &str) -> Vec<((usize, usize), String)> {
    let mut out: Vec<((usize, usize), String)> = Vec::new();
    let (mut prev_start, mut prev_end) = (0, 0);
    for line in ann.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (surface, actor) = (cols[0], cols[1]);
        // A whole word: "Russia" is not inside "Russian".
        let bounded = |&(i, _): &(usize, &str)| {
            !text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
                && !text[i + surface.len()..].chars().next().is_some_and(char::is_alphanumeric)
        };
        let mut occurrences = text.match_indices(surface).filter(bounded).map(|(i, _)| i);
        let start = match cols.get(2).copied() {
            Some("inside") => occurrences.find(|&i| i > prev_start && i < prev_end),
            Some(n) => occurrences.nth(n.parse::<usize>().unwrap() - 1),
            None => occurrences.find(|&i| i >= prev_end),
        };
        let start = start.unwrap_or_else(|| panic!("{line:?} not found after byte {prev_end}"));
        (prev_start, prev_end) = (start, start + surface.len());
        out.push(((start, start + surface.len()), actor.to_string()));
    }
    out
}

/// The written fixtures: three French and three English news texts of about
/// 500 words on other conflicts and topics than Syria, and two short ones.
const FIXTURE_NAMES: &[&str] = &["sahel_fr", "gaza_fr", "migration_fr", "politique_fr", "ukraine_en", "trade_en", "sudan_en", "nato_en"];

/// `(right, found, annotated)` for one fixture; prints what differs.
fn score_fixture(name: &str, config: &Config) -> (usize, usize, usize) {
    let text = std::fs::read_to_string(format!("{FIXTURES}/{name}.txt")).unwrap();
    let ann = std::fs::read_to_string(format!("{FIXTURES}/{name}.ann")).unwrap();
    let docs = decode(&format!("{name}.txt"), text.as_bytes());
    let a = engine::analyse(&docs, config);
    let text = &a.documents[0].text;
    let gold = gold(text, &ann);
    // Demonyms ("russe", "Chinese") are attributive, not mentions: not annotated, not scored.
    let found: Vec<((usize, usize), String)> =
        a.mentions.iter().filter(|m| m.form != MentionForm::Demonym).map(|m| ((m.span.start(), m.span.end()), a.actors[m.actor as usize].id.clone())).collect();
    let hits = found.iter().filter(|f| gold.contains(f)).count();
    for f in found.iter().filter(|f| !gold.contains(f)) {
        println!("{name}: extra {:?} {}", &text[f.0 .0..f.0 .1], f.1);
    }
    for g in gold.iter().filter(|g| !found.contains(g)) {
        println!("{name}: missed {:?} {}", &text[g.0 .0..g.0 .1], g.1);
    }
    (hits, found.len(), gold.len())
}

#[test]
fn mention_precision_and_recall_on_written_fixtures() {
    // Institutions as their own actors, so the annotation can name the Kremlin.
    let config = Config { institutions_as_state: false, ..Config::default() };
    let (mut tp, mut predicted, mut expected) = (0usize, 0usize, 0usize);
    let mut lines = Vec::new();
    for name in FIXTURE_NAMES {
        let (hits, found, gold) = score_fixture(name, &config);
        lines.push(format!(
            "{name:>13}: precision {:.3} recall {:.3} ({hits} right, {found} found, {gold} annotated)",
            hits as f64 / found.max(1) as f64,
            hits as f64 / gold.max(1) as f64
        ));
        tp += hits;
        predicted += found;
        expected += gold;
    }
    let precision = tp as f64 / predicted.max(1) as f64;
    let recall = tp as f64 / expected.max(1) as f64;
    for l in &lines {
        println!("{l}");
    }
    println!("      overall: precision {precision:.3} recall {recall:.3} ({tp} right, {predicted} found, {expected} annotated)");
    assert!(precision >= 0.90 && recall >= 0.90, "precision {precision:.3} recall {recall:.3}");
}

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/demo");

fn demo(lang: &str) -> Analysis {
    let mut files: Vec<_> = std::fs::read_dir(format!("{DEMO}/{lang}")).expect("demo").map(|e| e.unwrap().path()).collect();
    files.sort();
    let docs: Vec<InputDocument> = files
        .iter()
        .flat_map(|p| decode(&p.file_name().unwrap().to_string_lossy(), &std::fs::read(p).unwrap()))
        .collect();
    engine::analyse(&docs, &Config::default())
}


/// Mentions per outlet (files 1–4) of the actor that has `alias` among its spellings.
fn per_outlet(a: &Analysis, alias: &str) -> Vec<usize> {
    let actor = a.actors.iter().find(|x| x.aliases.iter().any(|s| s == alias)).unwrap_or_else(|| panic!("no actor spelled {alias}"));
    (0..a.documents.len() as u32).map(|d| actor.mentions_in(d)).collect()
}

#[test]
fn demo_corpus_counts_match_the_readme() {
    // data/demo/README.md counts by hand, in the body (the title is front matter,
    // not analysed): names with or without titles, partial names, and the name of
    // the armed group with its acronym ("Front de libération de Valdoria (FLV)"
    // is one mention). Not counted here: label nouns ("terroristes", "rebels")
    // and "l'ONG"/"the NGO" for Aube Humanitaire, which the README also counts.
    for lang in ["fr", "en"] {
        let a = demo(lang);
        let (group, acronym) = if lang == "fr" { ("Front de libération de Valdoria", "FLV") } else { ("Valdorian Liberation Front", "VLF") };
        assert_eq!(per_outlet(&a, "Anton Varesco"), [2, 1, 3, 2], "Varesco, {lang}");
        assert_eq!(per_outlet(&a, "Irena Malvek"), [2, 1, 1, 1], "Malvek, {lang}");
        assert_eq!(per_outlet(&a, "Casimir Oldane"), [1, 1, 1, 0], "Oldane, {lang}");
        assert_eq!(per_outlet(&a, "Tomas Ebrelli"), [1, 1, 1, 0], "Ebrelli, {lang}");
        assert_eq!(per_outlet(&a, "Clara Neuville"), [0, 1, 1, 0], "Neuville, {lang}");
        assert_eq!(per_outlet(&a, group), [2, 4, 2, 0], "{group}");
        assert_eq!(per_outlet(&a, acronym), [2, 4, 2, 0], "{acronym} names the same actor");
        assert_eq!(per_outlet(&a, "Aube Humanitaire"), [1, 3, 1, 1], "Aube Humanitaire, {lang}");
        let kind = |alias: &str| a.actors.iter().find(|x| x.aliases.iter().any(|s| s == alias)).unwrap().kind.clone();
        for person in ["Anton Varesco", "Irena Malvek", "Casimir Oldane", "Tomas Ebrelli", "Clara Neuville"] {
            assert_eq!(kind(person), "person", "{person}, {lang}");
        }
        assert_eq!(kind(group), "armed_group");
        assert_eq!(kind("Aube Humanitaire"), "organisation");
        // One actor per person: titles and partial names do not make new ones.
        for name in ["Varesco", "Malvek", "Oldane"] {
            let n = a.actors.iter().filter(|x| x.aliases.iter().any(|s| s.contains(name))).count();
            assert_eq!(n, 1, "{name} in {lang}");
        }
        for word in ["Front", "Liberation", "Libération", "Bulwark", "Rempart", "Valdorian", "Estrevian", "NGO", "ONG", "Mme", "Ms", "Thursday", "Jeudi"] {
            assert!(!a.actors.iter().any(|x| x.name == word), "{word} is an actor in {lang}");
        }
    }
}
