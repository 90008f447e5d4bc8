//! Which language a document is in, told from its most common function words.

use super::segment::Token;

/// Function words frequent in French news and rare in English, and the reverse.
const FRENCH: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "dans", "pour", "que", "qui", "sur", "pas",
    "par", "au", "aux", "avec", "ont", "sont", "cette", "ce", "il", "elle", "nous", "leur", "l'", "d'", "qu'",
    "selon", "été", "mais", "ou", "plus",
];
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "is", "in", "that", "for", "on", "with", "was", "were", "by", "it", "as", "are",
    "have", "has", "this", "from", "at", "be", "said", "not", "which", "their", "they", "but", "or", "an",
];
/// Below this many function words in all, the language is not guessed.
const MIN_EVIDENCE: usize = 3;
/// One language must have this share of the function words to be chosen.
const MAJORITY: f64 = 0.7;

/// `fr`, `en`, or `und` when the text gives too little evidence either way.
pub fn detect(tokens: &[Token]) -> &'static str {
    let (mut fr, mut en) = (0usize, 0usize);
    for t in tokens {
        let k = t.key.as_str();
        if FRENCH.contains(&k) {
            fr += 1;
        }
        if ENGLISH.contains(&k) {
            en += 1;
        }
    }
    let total = fr + en;
    if total < MIN_EVIDENCE {
        return "und";
    }
    if fr as f64 >= total as f64 * MAJORITY {
        "fr"
    } else if en as f64 >= total as f64 * MAJORITY {
        "en"
    } else {
        "und"
    }
}

#[cfg(test)]
mod tests {
    use super::detect;
    use crate::engine::{analysis::Span, segment::tokenize};

    fn lang(s: &str) -> &'static str {
        detect(&tokenize(s, Span::new(0, s.len())))
    }

    #[test]
    fn tells_french_from_english() {
        assert_eq!(lang("Les États-Unis ont exprimé leur solidarité avec la Turquie dans cette crise."), "fr");
        assert_eq!(lang("The United States expressed its solidarity with Turkey in this crisis, the official said."), "en");
        assert_eq!(lang("Idlib"), "und");
    }
}
