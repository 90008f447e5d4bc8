//! Any text, pasted (split at the separator) and loaded as Markdown and HTML,
//! analysed together and with the other settings: no panic, every span of
//! every row on a character boundary inside its document, JSON that reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prisme::engine::{analyse, decode_file, from_pasted_many, Config, DEFAULT_PASTE_SEPARATOR};

#[path = "../../tests/support/spans.rs"]
mod spans;

fuzz_target!(|text: &str| {
    let mut docs = from_pasted_many(1, text, DEFAULT_PASTE_SEPARATOR);
    for name in ["a.md", "b.html"] {
        if let Ok(found) = decode_file(name, text.as_bytes()) {
            docs.extend(found);
        }
    }
    if docs.is_empty() {
        return;
    }
    for config in [Config::default(), Config { count_demonyms: true, institutions_as_state: false, ..Config::default() }] {
        let a = analyse(&docs, &config);
        if let Err(problem) = spans::check_analysis(&a) {
            panic!("{problem}");
        }
    }
});
