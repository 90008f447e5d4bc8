//! Common French and English words: what a capitalised word at the start of a
//! sentence or a heading usually is ("Toutefois", "Rechercher", "Latest") when
//! it is not a name. Written in `data/lexicon/`, loaded on first use.

use super::fold::fold;
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

const FILES: &[&str] = &[include_str!("../../data/lexicon/common_words_fr.txt"), include_str!("../../data/lexicon/common_words_en.txt")];

static COMMON: LazyLock<FxHashSet<String>> = LazyLock::new(|| FILES.iter().flat_map(|f| parse(f)).collect());

/// The folded words of a lexicon file: whitespace-separated, `#` lines are comments.
pub fn parse(text: &str) -> Vec<String> {
    text.lines().filter(|l| !l.trim_start().starts_with('#')).flat_map(str::split_whitespace).map(fold).collect()
}

/// Every common word, folded.
pub fn common_words() -> &'static FxHashSet<String> {
    &COMMON
}

/// True when `key` (folded) is a common word, or a hyphenated form whose first
/// part is one ("permettez-moi").
pub fn is_common(key: &str) -> bool {
    COMMON.contains(key) || key.split_once('-').is_some_and(|(head, _)| COMMON.contains(head))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_files_parse_and_hold_the_usual_words() {
        for f in FILES {
            let words = parse(f);
            assert!(words.len() > 500, "{}", words.len());
            assert!(words.iter().all(|w| !w.is_empty() && !w.contains('\t')));
        }
        for w in ["toutefois", "malheureusement", "rechercher", "however", "latest", "cette"] {
            assert!(is_common(w), "{w}");
        }
        assert!(is_common("permettez-moi"));
        assert!(!is_common("idleb"));
    }
}
