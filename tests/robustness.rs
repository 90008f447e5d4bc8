//! Bad, hostile and huge input: the engine never panics, every span of every
//! row of the analysis falls on a character boundary inside its document, and
//! no input makes the work grow faster than (about) linearly with its size.
//! The README's "Reliability" section lists what each test proves.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/spans.rs"]
mod spans;

use prisme::engine::{analyse, decode_file, from_pasted, from_pasted_many, Analysis, Config, InputDocument, DEFAULT_PASTE_SEPARATOR};
use proptest::prelude::*;

fn assert_sound(a: &Analysis) {
    if let Err(problem) = spans::check_analysis(a) {
        panic!("{problem}");
    }
}

fn analyse_text(text: &str) -> Analysis {
    let docs: Vec<InputDocument> = from_pasted(1, text).into_iter().collect();
    analyse(&docs, &Config::default())
}

// ---------------------------------------------------------------- properties

/// Text built from what the actor, sentiment and framing stages react to, so
/// that random cases produce mentions, cue rows, markers and frames.
fn charged_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Bachar el-Assad ".to_string()),
        Just("le régime syrien ".to_string()),
        Just("Damas ".to_string()),
        Just("Washington ".to_string()),
        Just("les forces russes ".to_string()),
        Just("Vladimir Putin ".to_string()),
        Just("HTS ".to_string()),
        Just("a attaqué ".to_string()),
        Just("killed civilians ".to_string()),
        Just("praised ".to_string()),
        Just("soutient ".to_string()),
        Just("soi-disant ".to_string()),
        Just("aurait ".to_string()),
        Just("selon l'AFP, ".to_string()),
        Just("according to officials, ".to_string()),
        Just("« terroristes » ".to_string()),
        Just("\"rebels\" ".to_string()),
        Just("l’économie et les impôts ".to_string()),
        Just("sécurité militaire ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("Partager sur Facebook\n".to_string()),
        Just("مرحبا بالعالم ".to_string()),
        Just("😀👍🏽 ".to_string()),
        Just("e\u{301}te\u{301} ".to_string()),
        Just("\u{200f}\u{202e}\u{feff}".to_string()),
        "\\PC{0,8}",
        ".{0,6}",
    ];
    prop::collection::vec(piece, 1..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Two pasted texts and a Markdown file analysed together: every span in
    /// mentions, sentiment rows and cue rows, markers, frames and removals fits.
    #[test]
    fn full_analysis_of_any_charged_text(a in charged_text(), b in charged_text(), demonyms in any::<bool>()) {
        let pasted = format!("{a}\n{DEFAULT_PASTE_SEPARATOR}\n{b}");
        let mut docs = from_pasted_many(1, &pasted, DEFAULT_PASTE_SEPARATOR);
        if let Ok(more) = decode_file("c.md", format!("---\ntitle: t\n---\n{b}{a}").as_bytes()) {
            docs.extend(more);
        }
        let config = Config { count_demonyms: demonyms, ..Config::default() };
        assert_sound(&analyse(&docs, &config));
    }

    #[test]
    fn full_analysis_of_any_string(text in any::<String>()) {
        assert_sound(&analyse_text(&text));
    }

    #[test]
    fn full_analysis_of_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600), ext in prop::sample::select(vec!["txt", "md", "html", "csv", "json", "jsonl", "docx", ""])) {
        if let Ok(docs) = decode_file(&format!("f.{ext}"), &bytes) {
            assert_sound(&analyse(&docs, &Config::default()));
        }
    }

    /// Hostile markup in an HTML file becomes text or goes; no tag survives as markup.
    #[test]
    fn html_payloads_are_never_kept_as_markup(before in "[a-zA-Zé’«» .]{0,20}", after in "[a-zA-Zé’«» .]{0,20}") {
        let html = format!("<p>{before}<script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)></svg><a href=\"javascript:alert(4)\">lien</a>{after}</p>");
        if let Ok(docs) = decode_file("page.html", html.as_bytes()) {
            for d in &docs {
                prop_assert!(!d.text.contains("<script"), "{:?}", d.text);
                prop_assert!(!d.text.contains("onerror="), "{:?}", d.text);
                prop_assert!(!d.text.contains("javascript:"), "{:?}", d.text);
            }
        }
    }
}

// ------------------------------------------------------------ work counted, and regressions

/// 100,000 capitalised words with no full stop: the segmenter cuts the run
/// into sentences of at most 250 tokens, so the later stages (which work per
/// mention times sentence length) stay linear. Before the cut, 8,000 such
/// words took 26 s in a release build.
#[test]
fn an_unpunctuated_run_of_names_is_cut_into_bounded_sentences() {
    let text = vec!["Assad", "Damas", "Moscou", "Pierre"].repeat(25_000).join(" ");
    let seg = prisme::engine::segment(&text, prisme::engine::Span::new(0, text.len()));
    assert_eq!(seg.tokens.len(), 100_000);
    assert!(seg.sentences.iter().all(|s| s.tokens.len() <= 250), "longest: {:?}", seg.sentences.iter().map(|s| s.tokens.len()).max());
    assert_eq!(seg.sentences.len(), 400);
}

/// Regression: at each character of a run of hyphens, dots or underscores the
/// tokenizer looked for an e-mail address to the end of the run: 80,000
/// hyphens took 29 s (release). The look-ahead now stops at 64 characters.
#[test]
fn e_mail_addresses_are_still_found_after_the_bounded_look_ahead() {
    let text = "Écrire à jean.dupont-2@exemple.fr ou à ----x@y.org, pas à ".to_string() + &"a".repeat(70) + "@z.fr.";
    let seg = prisme::engine::segment(&text, prisme::engine::Span::new(0, text.len()));
    let emails: Vec<&str> = seg.tokens.iter().filter(|t| t.kind() == prisme::engine::TokenKind::Email).map(|t| t.span.slice(&text)).collect();
    assert_eq!(emails, vec!["jean.dupont-2@exemple.fr", "----x@y.org"]);
    let dashes = "-".repeat(50_000);
    let seg = prisme::engine::segment(&dashes, prisme::engine::Span::new(0, dashes.len()));
    assert_eq!(seg.tokens.len(), 50_000);
}

/// A UTF-8 file with one broken byte keeps its accents (the byte shows as �);
/// a Latin-1 file is still read as Latin-1.
#[test]
fn utf8_with_a_few_broken_bytes_is_read_as_utf8() {
    let mut bytes = "L’État a décidé, à Damas comme à Genève, d’échanger des prisonniers.".as_bytes().to_vec();
    bytes.insert(10, 0xFF);
    let docs = decode_file("cut.txt", &bytes).unwrap();
    assert_eq!(&*&*docs[0].text, "L’État \u{FFFD}a décidé, à Damas comme à Genève, d’échanger des prisonniers.");
    let latin1: Vec<u8> = "Le président a quitté l'Élysée cet été.".chars().map(|c| c as u32 as u8).collect();
    assert_eq!(&*&*decode_file("old.txt", &latin1).unwrap()[0].text, "Le président a quitté l'Élysée cet été.");
}
