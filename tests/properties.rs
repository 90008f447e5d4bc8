//! Any bytes or any string in: no panic, every span on a character boundary
//! inside its document's text, and an Analysis that serialises to JSON.

#![cfg(not(target_arch = "wasm32"))]

use prisme::engine::{analyse, decode_file, from_pasted, segment_regions, to_json, Config, InputDocument, Span};
use proptest::prelude::*;

fn on_boundaries(text: &str, span: Span) -> bool {
    span.start <= span.end && span.end() <= text.len() && text.is_char_boundary(span.start()) && text.is_char_boundary(span.end())
}


fn check(docs: &[InputDocument]) {
    let a = analyse(docs, &Config::default());
    let json = to_json(&a);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    for row in &a.documents {
        let t = &row.text;
        assert!(on_boundaries(t, row.body));
        for r in &row.removed {
            assert!(on_boundaries(t, r.span), "removed {:?}", r.span);
            assert!(!r.span.slice(t).is_empty());
        }
        let seg = segment_regions(t, &row.kept());
        for tok in &seg.tokens {
            assert!(on_boundaries(t, tok.span), "token {:?}", tok.span);
            assert!(!tok.span.is_empty());
        }
        for s in &seg.sentences {
            assert!(on_boundaries(t, s.span), "sentence {:?}", s.span);
        }
        assert_eq!(seg.sentences.len(), row.sentences);
    }
    for m in &a.mentions {
        let row = &a.documents[m.document as usize];
        assert!(on_boundaries(&row.text, m.span));
    }
}

/// Text made of the pieces the intake and the segmenter care about.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Rechercher\n".to_string()),
        Just("\n\n".to_string()),
        Just("---\ntitle: x\n---\n".to_string()),
        Just(" date 2019-05 ".to_string()),
        Just("« L’État » ".to_string()),
        Just("M. Jamal a-t-il dit... ".to_string()),
        Just("[lien](http://a.b \"t\") ".to_string()),
        Just("{{< tweet \"1\" >}}".to_string()),
        Just("**gras** > ".to_string()),
        Just("1 800 20.000 3,7 ".to_string()),
        Just("https://x.org/a?b. @afp #idlib a@b.fr ".to_string()),
        Just("al-Assad d’Idleb qu'il ".to_string()),
        Just("<p>&eacute;t&#233;</p>".to_string()),
        "\\PC{0,20}",
        ".{0,12}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    // 256 cases by default; set PROPTEST_CASES for a longer run.
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn any_bytes_in_any_format(bytes in prop::collection::vec(any::<u8>(), 0..400), ext in prop::sample::select(vec!["txt", "md", "html", "csv", "tsv", "json", "jsonl", "docx", "pdf", ""])) {
        let name = format!("f.{ext}");
        if let Ok(docs) = decode_file(&name, &bytes) {
            check(&docs);
        }
    }

    #[test]
    fn any_text_pasted_or_loaded(text in newsy_text(), ext in prop::sample::select(vec!["txt", "md", "html", "csv", "json"])) {
        if let Some(doc) = from_pasted(1, &text) {
            check(&[doc]);
        }
        if let Ok(docs) = decode_file(&format!("f.{ext}"), text.as_bytes()) {
            check(&docs);
        }
    }

    #[test]
    fn any_string(text in any::<String>()) {
        if let Some(doc) = from_pasted(1, &text) {
            check(&[doc]);
        }
    }
}
