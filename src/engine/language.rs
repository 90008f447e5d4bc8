//! Which language a document is in, told from its most common function
//! words, or from its script for Arabic. French and English are analysed in
//! full; Spanish, German and Italian are recognised so that the user can be
//! told their support is limited.

use super::analysis::DocumentWarning;
use super::segment::{Token, TokenKind, Vocab};

/// Function words of each language's news prose. Words several languages
/// share ("de", "la", "que", "in") are in each of their lists and count for
/// none: only a word that belongs to one list is evidence.
const FRENCH: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "dans", "pour", "que", "qui", "sur", "pas",
    "par", "au", "aux", "avec", "ont", "sont", "cette", "ce", "il", "elle", "nous", "leur", "l'", "d'", "qu'",
    "selon", "ete", "mais", "ou", "plus", "en", "se",
];
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "is", "in", "that", "for", "on", "with", "was", "were", "by", "it", "as", "are",
    "have", "has", "this", "from", "at", "be", "said", "not", "which", "their", "they", "but", "or", "an", "no",
];
const SPANISH: &[&str] = &[
    "el", "la", "los", "las", "de", "del", "y", "en", "que", "por", "con", "una", "un", "para", "es", "su", "al",
    "lo", "como", "pero", "sus", "fue", "este", "esta", "han", "ha", "segun", "tambien", "se", "no",
];
const GERMAN: &[&str] = &[
    "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "von", "zu", "auf", "ein", "eine", "sich",
    "auch", "wird", "wurde", "sind", "nach", "bei", "aus", "dass", "einer", "in", "im",
];
const ITALIAN: &[&str] = &[
    "il", "la", "della", "di", "che", "e", "gli", "per", "con", "non", "sono", "nel", "alla", "delle", "dei",
    "anche", "questo", "ha", "come", "piu", "stato", "degli", "sul", "un", "una", "in", "no", "se",
];
/// The languages told by function words, in the order ties are broken.
const LANGUAGES: &[(&str, &[&str])] =
    &[("fr", FRENCH), ("en", ENGLISH), ("es", SPANISH), ("de", GERMAN), ("it", ITALIAN)];

/// For each function word, the lists of [`LANGUAGES`] it is in, as bits
/// (bit i for `LANGUAGES[i]`): one look-up per token instead of scanning the
/// five lists.
static FUNCTION_WORDS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, u8>> = std::sync::LazyLock::new(|| {
    let mut map = rustc_hash::FxHashMap::default();
    for (i, (_, list)) in LANGUAGES.iter().enumerate() {
        for w in list.iter() {
            *map.entry(*w).or_insert(0u8) |= 1 << i;
        }
    }
    map
});

/// Loads the function-word table (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    std::sync::LazyLock::force(&FUNCTION_WORDS);
}

/// The languages Prisme's lexicons cover in full.
pub const FULLY_SUPPORTED: &[&str] = &["fr", "en"];

/// Below this many function words in all, the language is not guessed.
const MIN_EVIDENCE: usize = 3;
/// When no other language has a single word of evidence, this many suffice:
/// a one-sentence document ("Les syndicats ont appelé à la grève") still has
/// a language.
const MIN_EVIDENCE_UNCONTESTED: usize = 2;
/// The leading language must have this many times the function words of the
/// runner-up: the lists share a few words ("il", "que", "en"), so a plain
/// majority would be blurred by them.
const LEAD_RATIO: f64 = 1.5;
/// A text whose letters are at least this share Arabic script is Arabic
/// (names in Latin letters may be mixed in).
const ARABIC_SCRIPT_SHARE: f64 = 0.5;
/// A paragraph needs this many word tokens for its own language to count in
/// the mixed-language check: a quoted name or a slogan is not a language switch.
const PARAGRAPH_MIN_WORDS: usize = 20;

/// What language detection needs of each key of a vocabulary: its letters,
/// how many are Arabic, and the function-word lists it is in. Kept up to
/// date as documents add keys, so each key is read once.
#[derive(Default)]
pub struct KeyFacts(Vec<(u32, u32, u8)>);

impl KeyFacts {
    /// Adds the keys added to `vocab` since the last call.
    pub fn update(&mut self, vocab: &Vocab) {
        for k in self.0.len() as u32..vocab.keys() as u32 {
            let key = vocab.key(k);
            let (mut letters, mut arabic) = (0, 0);
            for c in key.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) {
                    arabic += 1;
                }
            }
            self.0.push((letters, arabic, FUNCTION_WORDS.get(key).copied().unwrap_or(0)));
        }
    }

    /// The facts of a vocabulary's keys.
    #[cfg(test)]
    pub fn of(vocab: &Vocab) -> KeyFacts {
        let mut f = KeyFacts::default();
        f.update(vocab);
        f
    }
}

/// `fr`, `en`, `es`, `de`, `it`, `ar`, or `und` when the text gives too
/// little evidence or is in another language.
pub fn detect(tokens: &[Token], facts: &KeyFacts) -> &'static str {
    let (mut arabic, mut letters) = (0usize, 0usize);
    let mut counts = [0usize; 5];
    for t in tokens.iter().filter(|t| t.kind() != TokenKind::Punct) {
        let (l, a, lists) = facts.0[t.key() as usize];
        letters += l as usize;
        arabic += a as usize;
        // A word in exactly one list: one bit set.
        if lists.count_ones() == 1 {
            counts[lists.trailing_zeros() as usize] += 1;
        }
    }
    if letters > 0 && arabic as f64 >= letters as f64 * ARABIC_SCRIPT_SHARE {
        return "ar";
    }
    let (best, &n) = counts.iter().enumerate().fold((0, &0), |acc, (i, n)| if *n > *acc.1 { (i, n) } else { acc });
    let runner_up = counts.iter().enumerate().filter(|&(i, _)| i != best).map(|(_, &c)| c).max().unwrap_or(0);
    if n < MIN_EVIDENCE && !(runner_up == 0 && n >= MIN_EVIDENCE_UNCONTESTED) {
        return "und";
    }
    if n as f64 >= runner_up as f64 * LEAD_RATIO {
        LANGUAGES[best].0
    } else {
        "und"
    }
}

/// The language of a whole document: by its function words, or, when they
/// are too evenly split (a document in two languages), the language of most
/// of its paragraphs (the first one seen on a tie).
pub fn detect_document(tokens: &[Token], facts: &KeyFacts, paragraphs: &[&'static str]) -> &'static str {
    let whole = detect(tokens, facts);
    if whole != "und" || paragraphs.is_empty() {
        return whole;
    }
    let count = |l: &str| paragraphs.iter().filter(|p| **p == l).count();
    paragraphs.iter().copied().fold(paragraphs[0], |best, l| if count(l) > count(best) { l } else { best })
}

/// The language of each paragraph (tokens between blank lines) long enough
/// to tell, in text order.
pub fn paragraph_languages(text: &str, tokens: &[Token], facts: &KeyFacts) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=tokens.len() {
        let breaks = i == tokens.len() || (i > 0 && text.get(tokens[i - 1].span.end()..tokens[i].span.start()).is_some_and(|g| g.matches('\n').count() >= 2));
        if breaks && i > start {
            let para = &tokens[start..i];
            if para.iter().filter(|t| t.kind() == TokenKind::Word).count() >= PARAGRAPH_MIN_WORDS {
                let l = detect(para, facts);
                if l != "und" {
                    out.push(l);
                }
            }
            start = i;
        }
    }
    out
}

/// Warnings about a document's language for the user: a language other than
/// French or English is analysed with limited support, and paragraphs in
/// different languages make the results harder to read.
pub fn warnings(language: &str, paragraphs: &[&str]) -> Vec<DocumentWarning> {
    let mut w = Vec::new();
    if !FULLY_SUPPORTED.contains(&language) {
        let which = if language == "und" { "could not be told".to_string() } else { format!("is '{language}'") };
        w.push(DocumentWarning {
            code: "limited_support".into(),
            languages: vec![language.to_string()],
            message: format!(
                "limited support: the language {which}; Prisme's word lists cover French and English, so sentiment and framing may miss things."
            ),
        });
    }
    let mut seen: Vec<&str> = Vec::new();
    for l in paragraphs {
        if !seen.contains(l) {
            seen.push(l);
        }
    }
    if seen.len() > 1 {
        w.push(DocumentWarning {
            code: "mixed_languages".into(),
            languages: seen.iter().map(|l| l.to_string()).collect(),
            message: format!("mixed languages: paragraphs in {}.", seen.join(", ")),
        });
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{analysis::Span, segment::tokenize};

    fn lang(s: &str) -> &'static str {
        let mut v = Vocab::new();
        let toks = tokenize(s, Span::new(0, s.len()), &mut v);
        detect(&toks, &KeyFacts::of(&v))
    }

    #[test]
    fn tells_french_from_english() {
        assert_eq!(lang("Les États-Unis ont exprimé leur solidarité avec la Turquie dans cette crise."), "fr");
        assert_eq!(lang("The United States expressed its solidarity with Turkey in this crisis, the official said."), "en");
        assert_eq!(lang("Idlib"), "und");
    }

    #[test]
    fn recognises_other_languages_cheaply() {
        assert_eq!(lang("El gobierno de Turquía ha pedido a los aliados que apoyen su posición en la crisis."), "es");
        assert_eq!(lang("Die Regierung der Türkei hat die Verbündeten um Unterstützung gebeten, sagte er auch."), "de");
        assert_eq!(lang("Il governo della Turchia ha chiesto agli alleati di sostenere la sua posizione per la crisi."), "it");
        assert_eq!(lang("أعلنت الحكومة التركية اليوم عن إغلاق الحدود مع سوريا"), "ar");
    }

    #[test]
    fn warns_on_limited_support_and_mixed_paragraphs() {
        assert!(warnings("fr", &["fr", "fr"]).is_empty());
        assert_eq!(warnings("es", &[]).len(), 1);
        assert!(warnings("es", &[])[0].message.starts_with("limited support"));
        assert_eq!(warnings("es", &[])[0].code, "limited_support");
        let mixed = warnings("fr", &["fr", "en"]);
        assert_eq!((mixed[0].code.as_str(), mixed[0].languages.clone()), ("mixed_languages", vec!["fr".to_string(), "en".to_string()]));
        assert_eq!(mixed[0].message, "mixed languages: paragraphs in fr, en.");
        let text = "Les États-Unis ont exprimé jeudi leur solidarité avec leur allié de l'OTAN, la Turquie, appelant à une fin immédiate de l'offensive dans le nord-ouest de la Syrie.\n\nThe United States on Thursday expressed its solidarity with its NATO ally Turkey, calling for an immediate end to the offensive in the north-west of Syria, the official said.";
        let mut v = Vocab::new();
        let toks = tokenize(text, Span::new(0, text.len()), &mut v);
        assert_eq!(paragraph_languages(text, &toks, &KeyFacts::of(&v)), ["fr", "en"]);
    }

    #[test]
    fn a_single_short_sentence_still_has_a_language() {
        let lang = |s: &str| {
            let mut v = Vocab::new();
            let toks = crate::engine::segment::tokenize(s, crate::engine::Span::new(0, s.len()), &mut v);
            detect(&toks, &KeyFacts::of(&v))
        };
        assert_eq!(lang("Les syndicats de Lyon ont appelé à la grève lundi, a déclaré la CGT à Paris."), "fr");
        assert_eq!(lang("Unions in Lyon called a strike on Monday, the CGT said."), "en");
        // One word of evidence is not enough, and mixed evidence stays undecided.
        assert_eq!(lang("Les Misérables"), "und");
        assert_eq!(lang("Les talks ont failed and the"), "und");
    }
}
