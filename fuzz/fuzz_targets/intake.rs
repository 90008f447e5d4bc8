//! Any bytes, under any file name Prisme reads: `decode_file` never panics,
//! and what it decodes analyses with every span on a character boundary.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prisme::engine::{analyse, decode_file, Config};

#[path = "../../tests/support/spans.rs"]
mod spans;

/// The first byte picks the extension, so one input explores every decoder.
const EXTENSIONS: [&str; 12] = ["txt", "md", "html", "csv", "tsv", "json", "jsonl", "docx", "pdf", "", "htm", "zip"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = format!("f.{}", EXTENSIONS[pick as usize % EXTENSIONS.len()]);
    if let Ok(docs) = decode_file(&name, bytes) {
        for d in &docs {
            assert!(!d.text.trim().is_empty(), "a decoded document is never blank");
        }
        let a = analyse(&docs, &Config::default());
        if let Err(problem) = spans::check_analysis(&a) {
            panic!("{problem}");
        }
    }
});
