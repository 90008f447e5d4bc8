//! Documents in: every format and encoding, cleaning, metadata and
//! segmentation, on our own fixtures and on the seed corpus. Expected values
//! come from reading the texts.

#![cfg(not(target_arch = "wasm32"))]

use prisme::engine::{
    analyse, decode_file, decode_table, from_pasted, guess_table_columns, segment_regions, to_json, Analysis, Config,
    DocumentRow, InputDocument, IntakeError, TableColumns, TokenKind,
};
use std::io::Write;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/intake");
/// The seed corpus sits next to the project, in ../shared.
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/seeds");

fn fixture(name: &str) -> Vec<InputDocument> {
    let bytes = std::fs::read(format!("{FIXTURES}/{name}")).unwrap();
    decode_file(name.rsplit('/').next().unwrap(), &bytes).unwrap()
}

fn seed(prefix: &str) -> InputDocument {
    let dir = std::fs::read_dir(SEEDS).expect("seed corpus in ../shared/corpus/seeds");
    let path = dir.filter_map(|e| e.ok()).map(|e| e.path()).find(|p| {
        p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix))
    });
    let path = path.expect("seed file");
    let name = path.file_name().unwrap().to_str().unwrap().to_string();
    decode_file(&name, &std::fs::read(&path).unwrap()).unwrap().remove(0)
}

fn analysed(doc: &InputDocument) -> (Analysis, DocumentRow) {
    let a = analyse(std::slice::from_ref(doc), &Config::default());
    let row = a.documents[0].clone();
    (a, row)
}

/// The sentences of a document as the analysis sees them (kept regions only).
fn sentences(row: &DocumentRow) -> Vec<String> {
    let seg = segment_regions(&row.text, &row.kept());
    seg.sentences.iter().map(|s| s.span.slice(&row.text).to_string()).collect()
}


fn removed_of(row: &DocumentRow, reason: &str) -> Vec<String> {
    row.removed.iter().filter(|r| r.reason.as_str() == reason).map(|r| r.span.slice(&row.text).to_string()).collect()
}

// ------------------------------------------------------------------ encodings

#[test]
fn the_same_paragraph_in_every_encoding_gives_the_same_analysis() {
    let original = std::fs::read_to_string(format!("{FIXTURES}/encodings/utf8.txt")).unwrap();
    let mut jsons = Vec::new();
    for file in ["utf8.txt", "utf8_bom.txt", "utf16le_bom.txt", "utf16be_bom.txt", "utf16le.txt", "windows1252.txt"] {
        let mut doc = fixture(&format!("encodings/{file}")).remove(0);
        assert_eq!(&*&*doc.text, original, "{file} decodes to the same text");
        assert!(doc.text.contains("Cœur de l’été à Idleb") && doc.text.contains("« jusqu’à la victoire »"));
        assert!(doc.text.contains("déçues") && doc.text.contains("Genève"));
        doc.id = "paragraphe.txt".into();
        doc.name = "paragraphe.txt".into();
        jsons.push((file, to_json(&analyse(&[doc], &Config::default()))));
    }
    for (file, json) in &jsons[1..] {
        assert_eq!(json, &jsons[0].1, "{file} gives the same Analysis as utf8.txt");
    }
}

#[test]
fn the_encoded_paragraph_is_segmented_by_hand_count() {
    let doc = fixture("encodings/windows1252.txt").remove(0);
    let (_, row) = analysed(&doc);
    assert_eq!(row.title, "Cœur de l’été à Idleb");
    assert_eq!(row.language, "fr");
    assert_eq!(
        sentences(&row),
        [
            "Cœur de l’été à Idleb",
            "Le régime syrien a déclaré jeudi qu’il poursuivrait l’offensive « jusqu’à la victoire ».",
            "Les ONG, déçues, évoquent plus de 1 800 civils tués ; la Turquie accueille déjà 3,7 millions de réfugiés.",
            "Mme Dupont, à Genève, a-t-elle ajouté, reste très prudente…",
            "Où en est la trêve ?",
        ]
    );
}

// ------------------------------------------------------------------ formats

#[test]
fn markdown_with_yaml_front_matter() {
    let doc = fixture("article_yaml.md").remove(0);
    assert_eq!(doc.title, "Trêve fragile à Idleb");
    assert_eq!(doc.date, "2020-03-05");
    assert_eq!(doc.source, "Le Quotidien");
    let (_, row) = analysed(&doc);
    let markup = removed_of(&row, "markup");
    assert!(markup.contains(&"#".to_string()));
    assert!(markup.contains(&"**".to_string()));
    assert!(markup.contains(&"](https://example.org/reuters \"Dépêche en anglais\")".to_string()));
    assert!(markup.contains(&"{{< tweet \"1235555555555555555\" >}}".to_string()));
    assert!(markup.contains(&"![Une photo du marché](marche.jpg)".to_string()));
    assert_eq!(
        sentences(&row),
        [
            "Trêve fragile à Idleb",
            // The sentence runs over the link target, which is not analysed.
            "La Russie et la Turquie ont conclu un **cessez-le-feu** à Moscou, selon [l’agence Reuters](https://example.org/reuters \"Dépêche en anglais\").",
            "Les combats ont *cessé* dans la nuit.",
            "« Nous espérons que la trêve tiendra », a déclaré un habitant.",
        ]
    );
    let seg = segment_regions(&row.text, &row.kept());
    let words: Vec<&str> = seg.tokens.iter().map(|t| t.span.slice(&row.text)).collect();
    assert!(!words.contains(&"Dépêche") && !words.contains(&"tweet") && !words.contains(&"photo"));
}

#[test]
fn markdown_with_toml_front_matter() {
    let doc = fixture("article_toml.md").remove(0);
    assert_eq!((doc.title.as_str(), doc.date.as_str(), doc.source.as_str()), ("Ceasefire in Idlib", "2020-03-06", "The Daily"));
    let (_, row) = analysed(&doc);
    assert_eq!(row.language, "en");
    assert_eq!(removed_of(&row, "markup"), ["_", "_"]);
    assert_eq!(row.sentences, 2);
    assert!(row.warnings.is_empty());
}

#[test]
fn html_keeps_the_article_and_reads_meta_tags() {
    let doc = fixture("page.html").remove(0);
    assert_eq!(
        &*doc.text,
        "Idleb : l’exode continue\n\nPrès de 900\u{a0}000 personnes ont fui les combats depuis décembre, selon l’ONU.\n\nLes familles s’entassent près de la frontière turque, sous des tentes «\u{a0}sans chauffage\u{a0}»."
    );
    assert_eq!(doc.title, "Idleb : l’exode continue");
    assert_eq!(doc.source, "Le Journal du Soir");
    assert_eq!(doc.date, "2020-02-20");
    assert_eq!(doc.language, "fr");
    let (_, row) = analysed(&doc);
    assert!(row.removed.is_empty(), "the headline is kept: {:?}", row.removed);
    assert_eq!(row.sentences, 3);
}

#[test]
fn docx_paragraphs_and_title() {
    let mut bytes = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("[Content_Types].xml", opts).unwrap();
        zip.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
        zip.start_file("word/document.xml", opts).unwrap();
        zip.write_all(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"x\"><w:body>\
             <w:p><w:r><w:t>L’exode continue</w:t></w:r></w:p>\
             <w:p><w:r><w:t xml:space=\"preserve\">Près de 900 000 personnes ont fui, </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>selon l’ONU</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>\
             </w:body></w:document>"
                .as_bytes(),
        )
        .unwrap();
        zip.start_file("docProps/core.xml", opts).unwrap();
        zip.write_all("<cp:coreProperties><dc:title>Exode &amp; hiver</dc:title></cp:coreProperties>".as_bytes()).unwrap();
        zip.finish().unwrap();
    }
    let doc = decode_file("note.docx", &bytes).unwrap().remove(0);
    assert_eq!(&*&*doc.text, "L’exode continue\n\nPrès de 900 000 personnes ont fui, selon l’ONU.");
    assert_eq!(doc.title, "Exode & hiver");
    let err = decode_file("abime.docx", b"PK\x03\x04 not really a zip").unwrap_err();
    assert!(err.to_string().starts_with("abime.docx: "));
}

#[test]
fn csv_rows_become_documents_with_guessed_columns() {
    let docs = fixture("corpus.csv");
    assert_eq!(docs.len(), 2, "the row with an empty text is skipped");
    assert_eq!(docs[0].id, "corpus.csv #1");
    assert_eq!(docs[0].source, "Le Quotidien");
    assert_eq!(docs[0].title, "Trêve à Idleb");
    assert_eq!(docs[0].date, "2020-03-05");
    assert_eq!(&*&*docs[0].text, "La Russie et la Turquie ont conclu un cessez-le-feu, selon Moscou. Les combats ont cessé.");
    assert_eq!(docs[1].source, "La Gazette, édition du soir");
    assert_eq!(&*&*docs[1].text, "Près de 900 000 personnes ont fui, dit l'ONU: \"un exode sans précédent\". Les tentes manquent.");

    let bytes = std::fs::read(format!("{FIXTURES}/corpus.csv")).unwrap();
    let guess = guess_table_columns("corpus.csv", &bytes).unwrap();
    assert_eq!(guess.headers, ["id", "média", "titre", "date", "texte"]);
    assert_eq!(guess.rows, 3);
    assert_eq!(guess.columns, TableColumns { text: 4, title: Some(2), source: Some(1), date: Some(3), language: None });
    // The user picks the title column as text instead.
    let chosen = TableColumns { text: 2, title: None, source: None, date: None, language: None };
    let docs = decode_table("corpus.csv", &bytes, Some(&chosen)).unwrap();
    assert_eq!(docs.iter().map(|d| &*d.text).collect::<Vec<_>>(), ["Trêve à Idleb", "Exode, suite", "Vide"]);
    let bad = TableColumns { text: 9, ..chosen };
    assert!(decode_table("corpus.csv", &bytes, Some(&bad)).unwrap_err().to_string().starts_with("corpus.csv: "));
}

#[test]
fn tsv_rows_become_documents() {
    let docs = fixture("corpus.tsv");
    assert_eq!(docs.len(), 2);
    assert_eq!((docs[1].title.as_str(), docs[1].source.as_str()), ("Exodus", "The Weekly"));
    assert_eq!(&*&*docs[1].text, "Nearly 900,000 people have fled since December, the UN said.");
}

#[test]
fn json_and_json_lines_with_french_and_english_field_names() {
    let docs = fixture("corpus.json");
    assert_eq!(docs.len(), 2, "the object without text is skipped");
    assert_eq!((docs[0].title.as_str(), docs[0].source.as_str(), docs[0].date.as_str()), ("Trêve à Idleb", "Le Quotidien", "2020-03-05"));
    assert_eq!((docs[1].title.as_str(), docs[1].source.as_str(), docs[1].date.as_str()), ("Ceasefire", "The Daily", "2020-03-06"));
    assert_eq!(&*&*docs[1].text, "Russia and Turkey agreed a ceasefire. The guns fell silent.");
    let lines = fixture("corpus.jsonl");
    assert_eq!(lines.len(), 2);
    assert_eq!(&*&*lines[1].text, "Près de 900 000 personnes ont fui les combats.");
    assert_eq!(lines[1].id, "corpus.jsonl #2");
    let err = decode_file("cassé.json", b"[{\"text\": ").unwrap_err();
    assert!(err.to_string().starts_with("cassé.json: this is not valid JSON"));
}

#[test]
fn bad_input_is_refused_with_the_file_name() {
    let msg = |name: &str, bytes: &[u8]| decode_file(name, bytes).unwrap_err().to_string();
    assert_eq!(msg("scan.pdf", b"%PDF-1.4 ..."), "scan.pdf: PDF is not supported yet: open the PDF, select the text and paste it.");
    assert!(msg("photo.jpg", &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]).starts_with("photo.jpg: an image cannot be read."));
    assert!(msg("données.bin", &[0, 1, 2, 3, 0, 0, 0, 7, 8, 0]).starts_with("données.bin: this looks like a binary file"));
    assert_eq!(decode_file("vide.md", b"\n\n").unwrap_err(), IntakeError::Empty { name: "vide.md".into() });
    assert!(msg("big.txt", &vec![b'a'; prisme::engine::MAX_FILE_BYTES + 1]).contains("the limit is 20 MB"));
}

// ------------------------------------------------------------------ seeds

#[test]
fn seed_000_date_on_the_same_line_as_the_body() {
    let doc = seed("000_");
    assert_eq!(doc.date, "2019-05");
    let (_, row) = analysed(&doc);
    assert!(row.removed.is_empty());
    assert!(row.warnings.is_empty());
    let s = sentences(&row);
    assert_eq!(
        s[0],
        "Les États-Unis continuent de surveiller de près les opérations militaires menées par le régime d’Assad dans le nord-ouest de la Syrie, en particulier les indices de toute nouvelle utilisation d’armes chimiques par le régime."
    );
    // The last paragraph: "Les faits sont toutefois clairs : … (OIAC) et de l’ONU a vérifié … La culpabilité … indéniable."
    assert_eq!(s.len(), 13);
    assert_eq!(s[12], "La culpabilité du régime Assad dans d’horribles attaques aux armes chimiques est indéniable.");
}

#[test]
fn seed_001_chrome_and_repeated_paragraph_removed_headline_kept() {
    let doc = seed("001_");
    assert_eq!(doc.title, "Syrie: Washington accuse Moscou de \"défendre l'assaut\" syrien contre Idleb");
    let (_, row) = analysed(&doc);
    assert_eq!(removed_of(&row, "chrome"), ["Rechercher", "Rechercher", "Dernières Infos"]);
    let repeated = removed_of(&row, "repeated_paragraph");
    assert_eq!(repeated.len(), 1);
    assert!(repeated[0].starts_with("Le secrétaire d'Etat américain Mike Pompeo a accusé vendredi"));
    assert!(repeated[0].ends_with("dans un conflit..."));
    let s = sentences(&row);
    assert_eq!(s[0], "Syrie: Washington accuse Moscou de \"défendre l'assaut\" syrien contre Idleb");
    // Headline 1, then paragraphs of 1, 5, 2, 1, 2 and 1 sentences.
    assert_eq!(s.len(), 13);
    assert_eq!(row.sentences, 13);
    assert_eq!(
        &s[2..7],
        [
            "\"Sergueï Lavrov défend l'assaut syrien et russe contre Idleb\", a-t-il déclaré sur Twitter.",
            "\"Les Etats-Unis considèrent qu'il s'agit d'une escalade dans un conflit déjà dangereux\", a-t-il ajouté.",
            "\"Les trois millions de Syriens qui ont déjà été contraints de quitter leur maison et sont maintenant à Idleb vont souffrir de cette agression.",
            "Ce n'est pas bien.",
            "Le monde vous regarde\", a encore mis en garde le chef de la diplomatie américaine.",
        ]
    );
    // The repeat is not counted: "Pompeo" is named once.
    let seg = segment_regions(&row.text, &row.kept());
    assert_eq!(seg.tokens.iter().filter(|t| t.span.slice(&row.text) == "Pompeo").count(), 1);
}

#[test]
fn seed_002_mobile_chrome_removed_and_numbers_whole() {
    let doc = seed("002_");
    let (_, row) = analysed(&doc);
    assert_eq!(removed_of(&row, "chrome"), ["Quitter la version mobile"]);
    assert!(removed_of(&row, "repeated_paragraph").is_empty());
    let s = sentences(&row);
    assert_eq!(s[0], "Syrie: Washington appelle Moscou et Damas à cesser le carnage à Idleb");
    assert_eq!(
        s[2],
        "«\u{a0}Nous soutenons notre allié de l’OTAN, la Turquie, et continuons d’appeler à la fin immédiate de cette ignoble offensive du régime d’Assad, de la Russie et des forces soutenues par l’Iran\u{a0}», a déclaré à l’Agence Anadolu, un porte-parole du département d’État sous couvert d’anonymat."
    );
    // Headline and eleven one-sentence paragraphs.
    assert_eq!(s.len(), 12);
    let seg = segment_regions(&row.text, &row.kept());
    let numbers: Vec<&str> =
        seg.tokens.iter().filter(|t| t.kind() == TokenKind::Number).map(|t| t.span.slice(&row.text)).collect();
    assert_eq!(numbers, ["33", "36", "2018", "1 800", "4", "1,7", "2011", "3,7"]);
}

#[test]
fn seed_003_front_matter_markdown_and_shortcode() {
    let doc = seed("003_");
    assert_eq!(doc.title, "Le soutien des États-Unis aux terroristes en Syrie");
    assert_eq!(doc.date, "2019-11-03");
    let (_, row) = analysed(&doc);
    assert_eq!(row.language, "fr");
    assert!(row.warnings.is_empty(), "the English link title is markup, not text: {:?}", row.warnings);
    let markup = removed_of(&row, "markup");
    assert!(markup.contains(&"{{< tweet \"1095677403198906369\" >}}".to_string()));
    assert!(markup.iter().any(|m| m.starts_with("](http://www.mid.ru/") && m.ends_with("November 1, 2019\")")));
    assert_eq!(markup.iter().filter(|m| *m == "####").count(), 2);
    let seg = segment_regions(&row.text, &row.kept());
    let words: Vec<&str> = seg.tokens.iter().map(|t| t.span.slice(&row.text)).collect();
    assert_eq!(&words[..3], ["Maria", "Sacharova", "a"]);
    assert!(!words.contains(&"Zakharova") && !words.contains(&"tweet"));
    let s = sentences(&row);
    assert!(s.contains(&"Le soutien aux terroristes.".to_string()));
    assert!(s.contains(&"Syrie".to_string()) && s.contains(&"Casques Blancs".to_string()));
}

#[test]
fn seed_004_headlines_kept_numbers_initials_and_names() {
    let doc = seed("004_");
    let (_, row) = analysed(&doc);
    assert!(row.removed.is_empty(), "{:?}", row.removed);
    let s = sentences(&row);
    assert!(s.contains(&"Les Casques blancs préparent la mise en scène avec les terroristes d’al-Nosra".to_string()));
    assert!(s.contains(&"Selon les évaluations du Pentagone, entre 20.000 et 30.000 terroristes se trouvent actuellement dans le gouvernorat syrien d’Idlib.".to_string()));
    assert!(s.iter().any(|x| x.starts_with("Après la préparation d’équipements vidéo") && x.ends_with("a souligné M.Jamal.")));
    assert!(s.iter().any(|x| x.starts_with("«Des membres des Casques blanc") && x.ends_with("[d’el-Assad, ndlr].")));
    let seg = segment_regions(&row.text, &row.kept());
    let toks: Vec<&str> = seg.tokens.iter().map(|t| t.span.slice(&row.text)).collect();
    assert!(toks.windows(2).any(|w| w == ["d’", "al-Nosra"]));
    assert!(toks.windows(2).any(|w| w == ["d’", "el-Assad"]));
    assert!(toks.contains(&"lit") && toks.contains(&"-on"));
}

#[test]
fn other_languages_and_mixed_documents_are_flagged() {
    let es = from_pasted(1, "El gobierno de Turquía ha pedido a los aliados que apoyen su posición en la crisis de Idlib.").unwrap();
    let (_, row) = analysed(&es);
    assert_eq!(row.language, "es");
    assert_eq!(row.warnings.len(), 1);
    assert_eq!((row.warnings[0].code.as_str(), row.warnings[0].languages.clone()), ("limited_support", vec!["es".to_string()]));
    assert!(row.warnings[0].message.starts_with("limited support"));
    let mixed = from_pasted(
        2,
        "Les États-Unis ont exprimé jeudi leur solidarité avec leur allié de l'OTAN, la Turquie, appelant à une fin immédiate de l'offensive du régime dans le nord-ouest de la Syrie.\n\n\
         The United States on Thursday expressed its solidarity with its NATO ally Turkey, calling for an immediate end to the offensive by the regime in the north-west of Syria.",
    )
    .unwrap();
    let (_, row) = analysed(&mixed);
    assert_eq!(row.warnings.len(), 1);
    assert_eq!(row.warnings[0].code, "mixed_languages");
    assert_eq!(row.warnings[0].languages, ["fr", "en"]);
    assert_eq!(row.warnings[0].message, "mixed languages: paragraphs in fr, en.");
}

#[test]
fn a_restored_line_is_analysed_again() {
    let mut doc = seed("002_");
    let (_, before) = analysed(&doc);
    let chrome = before.removed.iter().find(|r| r.reason.as_str() == "chrome").unwrap().span;
    doc.restored.push(chrome);
    let (_, after) = analysed(&doc);
    assert!(after.removed.is_empty());
    assert_eq!(after.words, before.words + 4);
    // `restored` round-trips through JSON, and is left out when empty.
    let json = serde_json::to_string(&doc).unwrap();
    assert!(json.contains("\"restored\""));
    let back: InputDocument = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
    assert!(!serde_json::to_string(&seed("000_")).unwrap().contains("restored"));
}
