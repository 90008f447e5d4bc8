//! The built-in demo corpus: four reports of one fictional event by four
//! fictional outlets (data/demo), in French and in English.

use crate::engine::{decode_file, InputDocument};

const FRENCH: [(&str, &str); 4] = [
    ("1-agence-nationale.md", include_str!("../../data/demo/fr/1-agence-nationale.md")),
    ("2-depeche-continentale.md", include_str!("../../data/demo/fr/2-depeche-continentale.md")),
    ("3-voix-libre.md", include_str!("../../data/demo/fr/3-voix-libre.md")),
    ("4-morenza-affaires-etrangeres.md", include_str!("../../data/demo/fr/4-morenza-affaires-etrangeres.md")),
];
const ENGLISH: [(&str, &str); 4] = [
    ("1-national-news-agency.md", include_str!("../../data/demo/en/1-national-news-agency.md")),
    ("2-continental-wire.md", include_str!("../../data/demo/en/2-continental-wire.md")),
    ("3-free-voice.md", include_str!("../../data/demo/en/3-free-voice.md")),
    ("4-morenza-foreign-ministry.md", include_str!("../../data/demo/en/4-morenza-foreign-ministry.md")),
];

/// The demo documents in `language` (`fr`, anything else gives English).
pub fn demo_corpus(language: &str) -> Vec<InputDocument> {
    let files = if language.starts_with("fr") { &FRENCH } else { &ENGLISH };
    files.iter().filter_map(|(name, text)| decode_file(name, text.as_bytes()).ok()).flatten().collect()
}
