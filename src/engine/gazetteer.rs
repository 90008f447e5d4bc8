//! The gazetteer: actors known before reading the texts (states, people,
//! organisations, armed groups, places, media, institutions), with their names
//! in French and English and every spelling the news uses for them.
//!
//! The built-in lists live in `data/gazetteer/*.tsv` (see `data/README.md`);
//! users can load their own list in the same format and merge it in.
//!
//! Matching runs over the token stream, not over raw text: every alias is
//! tokenized once with the same tokenizer as the documents, and indexed by its
//! first token key in a `HashMap`. A document is then scanned once; at each
//! token only the few aliases starting with that key are tried, longest first.
//! Spans come straight from tokens, so they always fall on token boundaries of
//! the original text, which a byte-level automaton (aho-corasick) over folded
//! text would not give without a second mapping pass.

use super::analysis::Span;
use super::fold::fold;
use super::segment::{keys_of, KeyId, Token, TokenKind, Vocab};
use rustc_hash::FxHashMap;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Kinds of actor a gazetteer row may have.
pub const ACTOR_KINDS: &[&str] = &["person", "state", "organisation", "armed_group", "place", "media", "institution"];
/// Kinds of row that are other names of the state in `parent`, not actors:
/// a capital used for its government ("Moscou a répondu"), a demonym ("russe").
pub const NAME_KINDS: &[&str] = &["metonym", "demonym"];

/// One row of a gazetteer.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    /// A Wikidata QID (`Q858`) or a stable local id (`p:white-helmets`).
    pub id: String,
    pub kind: String,
    /// The state an institution, capital, demonym or person belongs to, or "".
    pub parent: String,
    pub name_fr: String,
    pub name_en: String,
    pub aliases: Vec<String>,
}

impl Entry {
    /// Every name of the row: French name, English name, aliases, without repeats.
    pub fn names(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for n in [self.name_fr.as_str(), self.name_en.as_str()].into_iter().chain(self.aliases.iter().map(String::as_str)) {
            if !n.is_empty() && !out.contains(&n) {
                out.push(n);
            }
        }
        out
    }

    /// True for rows that are actors (not metonym or demonym pointers).
    pub fn is_actor(&self) -> bool {
        ACTOR_KINDS.contains(&self.kind.as_str())
    }
}

/// A list of known actors and their names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_id: FxHashMap<String, usize>,
}

const BUILTIN_FILES: &[(&str, &str)] = &[
    ("states.tsv", include_str!("../../data/gazetteer/states.tsv")),
    ("capitals.tsv", include_str!("../../data/gazetteer/capitals.tsv")),
    ("demonyms.tsv", include_str!("../../data/gazetteer/demonyms.tsv")),
    ("ministries.tsv", include_str!("../../data/gazetteer/ministries.tsv")),
    ("institutions.tsv", include_str!("../../data/gazetteer/institutions.tsv")),
    ("organisations.tsv", include_str!("../../data/gazetteer/organisations.tsv")),
    ("armed_groups.tsv", include_str!("../../data/gazetteer/armed_groups.tsv")),
    ("people.tsv", include_str!("../../data/gazetteer/people.tsv")),
    ("media.tsv", include_str!("../../data/gazetteer/media.tsv")),
    ("ngos.tsv", include_str!("../../data/gazetteer/ngos.tsv")),
    ("places.tsv", include_str!("../../data/gazetteer/places.tsv")),
];

static BUILTIN: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut g = Gazetteer::default();
    for (name, text) in BUILTIN_FILES {
        match Gazetteer::parse(text) {
            Ok(part) => g.merge(part),
            Err(e) => panic!("data/gazetteer/{name}: {e}"),
        }
    }
    g
});

impl Gazetteer {
    /// The built-in gazetteer, parsed on first use.
    pub fn builtin() -> &'static Gazetteer {
        &BUILTIN
    }

    /// The built-in files as `(file name, text)`, for tests and the data check.
    pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
        BUILTIN_FILES
    }

    /// Reads a gazetteer in TSV: `id kind parent name_fr name_en aliases`,
    /// aliases separated by `|`. Blank lines and lines starting with `#` are
    /// skipped. Fails on a wrong number of columns, an unknown kind, an empty
    /// id, a row without any name, or an id used twice.
    pub fn parse(tsv: &str) -> Result<Gazetteer, String> {
        let mut g = Gazetteer::default();
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 5 || cols.len() > 6 {
                return Err(format!("line {}: expected 6 tab-separated columns, found {}", n + 1, cols.len()));
            }
            let col = |i: usize| cols.get(i).map(|s| s.trim().to_string()).unwrap_or_default();
            let entry = Entry {
                id: col(0),
                kind: col(1),
                parent: col(2),
                name_fr: col(3),
                name_en: col(4),
                aliases: col(5).split('|').map(str::trim).filter(|a| !a.is_empty()).map(String::from).collect(),
            };
            g.push(entry).map_err(|e| format!("line {}: {e}", n + 1))?;
        }
        Ok(g)
    }

    /// Adds one row after checking it: an id, a known kind, a name, an id not used yet.
    fn push(&mut self, entry: Entry) -> Result<(), String> {
        if entry.id.is_empty() {
            return Err("empty id".into());
        }
        if !ACTOR_KINDS.contains(&entry.kind.as_str()) && !NAME_KINDS.contains(&entry.kind.as_str()) {
            return Err(format!("unknown kind `{}` for {}", entry.kind, entry.id));
        }
        if entry.names().is_empty() {
            return Err(format!("{} has no name", entry.id));
        }
        if self.by_id.contains_key(&entry.id) {
            return Err(format!("duplicate id {}", entry.id));
        }
        self.by_id.insert(entry.id.clone(), self.entries.len());
        self.entries.push(entry);
        Ok(())
    }

    /// Reads a gazetteer written as a JSON array of rows
    /// (`{"id", "kind", "parent", "name_fr", "name_en", "aliases": [..]}`),
    /// with the same checks as [`Gazetteer::parse`].
    pub fn from_json(json: &str) -> Result<Gazetteer, String> {
        let rows: Vec<Entry> = serde_json::from_str(json).map_err(|e| format!("not a list of actors: {e}"))?;
        let mut g = Gazetteer::default();
        for (n, row) in rows.into_iter().enumerate() {
            g.push(row).map_err(|e| format!("row {}: {e}", n + 1))?;
        }
        Ok(g)
    }

    /// The rows as TSV, in the format [`Gazetteer::parse`] reads.
    pub fn to_tsv(&self) -> String {
        let mut out = String::from("# id\tkind\tparent\tname_fr\tname_en\taliases\n");
        let clean = |s: &str| s.replace(['\t', '\n', '\r', '|'], " ");
        for e in &self.entries {
            let aliases: Vec<String> = e.aliases.iter().map(|a| clean(a)).collect();
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\n",
                clean(&e.id), e.kind, clean(&e.parent), clean(&e.name_fr), clean(&e.name_en), aliases.join("|")
            ));
        }
        out
    }

    /// The rows as a JSON array, in the format [`Gazetteer::from_json`] reads.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.entries).unwrap_or_else(|_| "[]".into())
    }

    /// Adds the rows of `other`; a row with an id already present replaces it
    /// (a user's list overrides the built-in one).
    pub fn merge(&mut self, other: Gazetteer) {
        for e in other.entries {
            match self.by_id.get(&e.id) {
                Some(&i) => self.entries[i] = e,
                None => {
                    self.by_id.insert(e.id.clone(), self.entries.len());
                    self.entries.push(e);
                }
            }
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Rows that are actors.
    pub fn actor_count(&self) -> usize {
        self.entries.iter().filter(|e| e.is_actor()).count()
    }

    /// Distinct (row, folded name) pairs: how many spellings the list knows.
    pub fn alias_count(&self) -> usize {
        self.entries.iter().map(|e| e.names().iter().map(|n| fold(n)).collect::<HashSet<_>>().len()).sum()
    }

    /// The actor a row's names refer to: the parent state for metonyms and
    /// demonyms, the row itself otherwise.
    pub fn target_of<'a>(&'a self, e: &'a Entry) -> &'a str {
        if NAME_KINDS.contains(&e.kind.as_str()) {
            &e.parent
        } else {
            &e.id
        }
    }

    /// Problems that make a list ambiguous: parents that do not exist, and one
    /// spelling naming two different actors of the same kind.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for e in &self.entries {
            if !e.parent.is_empty() && !self.by_id.contains_key(&e.parent) {
                out.push(format!("{}: unknown parent {}", e.id, e.parent));
            }
            if NAME_KINDS.contains(&e.kind.as_str()) && e.parent.is_empty() {
                out.push(format!("{}: a {} row needs a parent", e.id, e.kind));
            }
        }
        let mut seen: HashMap<(String, String), String> = HashMap::new();
        for e in &self.entries {
            let class = if NAME_KINDS.contains(&e.kind.as_str()) { "state" } else { e.kind.as_str() };
            let target = self.target_of(e);
            for n in e.names() {
                let key = (class.to_string(), alias_key(n).join(" "));
                match seen.get(&key) {
                    Some(t) if t != target => out.push(format!("`{n}` names both {t} and {target} ({class})")),
                    Some(_) => {}
                    None => {
                        seen.insert(key, target.to_string());
                    }
                }
            }
        }
        out
    }
}

/// How a name refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Name,
    Metonym,
    Demonym,
    Acronym,
}

impl Form {
    /// The form of a mention found with this name.
    pub fn mention(self) -> super::analysis::MentionForm {
        use super::analysis::MentionForm;
        match self {
            Form::Name => MentionForm::Name,
            Form::Metonym => MentionForm::Metonym,
            Form::Demonym => MentionForm::Demonym,
            Form::Acronym => MentionForm::Acronym,
        }
    }
}

/// One alias ready for matching.
#[derive(Debug, Clone)]
struct Pattern {
    keys: Vec<String>,
    entry: usize,
    form: Form,
    /// Written in capitals in the list (HTS, EI, US): matches only capitals,
    /// so "is" and "us" are not the Islamic State and the United States.
    capitals_only: bool,
    /// One common word ("Nice", "May", "Turkey"): matches only capitalised
    /// and not at the start of a sentence.
    common_word: bool,
    /// For a common word: its spellings in lower case, accents kept. "Liberation"
    /// in an English text is not the French newspaper "Libération".
    spellings: Vec<String>,
    /// One capitalised word without a hyphen ("Libération", "Idleb"): needs a
    /// capital in the text, so the newspaper is not "la libération". Hyphenated
    /// names ("états-unis") and phrases ("casques blancs") match in any case.
    needs_capital: bool,
}

/// A match of a gazetteer name in a document.
#[derive(Debug, Clone)]
pub struct Hit {
    pub span: Span,
    /// Token range `[first, last]` in the document's tokens.
    pub first: usize,
    pub last: usize,
    pub entry: usize,
    pub form: Form,
    /// One part of a hyphenated pair of names ("Russie-Turquie", "US-China"):
    /// the span is inside token `first`.
    pub part: bool,
}

/// Gazetteer names indexed by their first token key.
pub struct Matcher {
    /// The list matched: the built-in one borrowed, or a list of the user's.
    pub gazetteer: std::borrow::Cow<'static, Gazetteer>,
    /// Every key of every name, numbered once per matcher.
    ids: FxHashMap<String, u32>,
    /// The names by the id of their first key: their patterns and the ids of their keys.
    by_first: FxHashMap<u32, (Vec<Pattern>, Vec<Vec<u32>>)>,
}

static BUILTIN_MATCHER: LazyLock<Matcher> = LazyLock::new(|| Matcher::new(std::borrow::Cow::Borrowed(Gazetteer::builtin())));

/// The normalised matching keys of a name: folded tokens, with the Arabic
/// article made one form (el-Assad = al-Assad, "Al Sham" = al-Sham).
pub fn alias_key(name: &str) -> Vec<String> {
    let toks = keys_of(name);
    let mut out: Vec<String> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let (span, _, k) = &toks[i];
        if (k == "al" || k == "el") && toks.get(i + 1).is_some_and(|(next, kind, _)| *kind == TokenKind::Word && span.end < next.start) {
            out.push(format!("al-{}", strip_article(&toks[i + 1].2)));
            i += 2;
            continue;
        }
        out.push(match k.strip_prefix("el-").or_else(|| k.strip_prefix("al-")) {
            Some(rest) => format!("al-{rest}"),
            None => k.clone(),
        });
        i += 1;
    }
    out
}

fn strip_article(k: &str) -> &str {
    k.strip_prefix("al-").or_else(|| k.strip_prefix("el-")).unwrap_or(k)
}

fn is_capitals(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic());
    letters.clone().nth(1).is_some() && letters.all(|c| c.is_uppercase())
}

impl Matcher {
    /// The matcher of the built-in gazetteer, built on first use.
    pub fn builtin() -> &'static Matcher {
        &BUILTIN_MATCHER
    }

    pub fn new(gazetteer: std::borrow::Cow<'static, Gazetteer>) -> Matcher {
        let lexicon = super::lexicon::common_words();
        let mut by_first: FxHashMap<String, Vec<Pattern>> = FxHashMap::default();
        for (idx, e) in gazetteer.entries.iter().enumerate() {
            let form = match e.kind.as_str() {
                "metonym" => Form::Metonym,
                "demonym" => Form::Demonym,
                _ => Form::Name,
            };
            // Spellings with the same keys are one pattern; it needs capitals only
            // when every spelling is in capitals ("MINUSMA" alone, not with "Minusma").
            let mut variants: Vec<(Vec<String>, &str, bool, Vec<&str>)> = Vec::new();
            for n in e.names() {
                let keys = alias_key(n);
                let caps = is_capitals(n) && !n.contains(' ');
                match variants.iter_mut().find(|v| v.0 == keys) {
                    Some(v) => {
                        v.2 &= caps;
                        v.3.push(n);
                    }
                    None => variants.push((keys, n, caps, vec![n])),
                }
            }
            for (keys, n, capitals_only, spellings) in variants {
                if keys.is_empty() {
                    continue;
                }
                let form = if capitals_only && form == Form::Name { Form::Acronym } else { form };
                let common_word = keys.len() == 1 && form != Form::Demonym && !capitals_only && lexicon.contains(keys[0].as_str());
                // A phrase of common words ("Le Monde"): its capitals must be in the text too.
                let common_phrase = keys.len() > 1 && keys.iter().all(|k| lexicon.contains(k.as_str()));
                let needs_capital = (keys.len() == 1 || common_phrase) && form != Form::Demonym && n.starts_with(char::is_uppercase) && !n.contains('-');
                let spellings = if common_word { spellings.iter().map(|n| n.to_lowercase()).collect() } else { Vec::new() };
                by_first.entry(keys[0].clone()).or_default().push(Pattern { keys, entry: idx, form, capitals_only, common_word, spellings, needs_capital });
            }
        }
        // Keys become ids here, once, so that reading a vocabulary against
        // the matcher ([`Matcher::index`]) only numbers the vocabulary's keys.
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut id = |k: &str| {
            let next = ids.len() as u32;
            match ids.get(k) {
                Some(&known) => known,
                None => {
                    ids.insert(k.to_string(), next);
                    next
                }
            }
        };
        let mut firsts: Vec<(String, Vec<Pattern>)> = by_first.into_iter().collect();
        // Ids in a fixed order, never the hash map's.
        firsts.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut numbered = FxHashMap::default();
        for (first, mut patterns) in firsts {
            // Longest first; among equal lengths, a name before a metonym (Mexico the state, not the capital).
            patterns.sort_by_key(|p| (std::cmp::Reverse(p.keys.len()), p.form != Form::Name && p.form != Form::Acronym, p.entry));
            let keys: Vec<Vec<u32>> = patterns.iter().map(|p| p.keys.iter().map(|k| id(k)).collect()).collect();
            numbered.insert(id(&first), (patterns, keys));
        }
        Matcher { gazetteer, ids, by_first: numbered }
    }

    /// All gazetteer names in a document, left to right, longest match first,
    /// never overlapping. `initial[i]` says token `i` opens a sentence.
    #[cfg(test)]
    pub fn find(&self, text: &str, toks: &[Token], vocab: &Vocab, initial: &[bool]) -> Vec<Hit> {
        self.index(vocab).find(text, toks, initial)
    }

    /// The matcher read against the vocabulary of an analysis, to match
    /// its documents by key ids.
    pub fn index<'m>(&'m self, vocab: &'m Vocab) -> Index<'m> {
        Index::new(self, vocab)
    }

    /// "Russie-Turquie", "US-China": a hyphenated word whose every part is a
    /// one-word name (not a demonym) is one mention of each.
    pub(crate) fn find_pair(&self, text: &str, tok: &Token, t: usize, hits: &mut Vec<Hit>) {
        let surface = tok.span.slice(text);
        let mut parts: Vec<Hit> = Vec::new();
        let mut start = tok.span.start();
        for part in surface.split('-') {
            let span = Span::new(start, start + part.len());
            start += part.len() + 1;
            let key = fold(part);
            let found = self.ids.get(key.as_str()).and_then(|id| self.by_first.get(id)).and_then(|(cands, _)| {
                cands.iter().find(|p| {
                    p.keys.len() == 1
                        && p.form != Form::Demonym
                        && part.starts_with(char::is_uppercase)
                        && (!p.capitals_only || is_capitals(part))
                        && (!p.common_word || p.spelled(part))
                })
            });
            match found {
                Some(p) => parts.push(Hit { span, first: t, last: t, entry: p.entry, form: p.form, part: true }),
                None => return,
            }
        }
        if parts.len() >= 2 {
            hits.extend(parts);
        }
    }
}

impl Pattern {
    /// The surface is one of the spellings of a common-word name, accents kept.
    fn spelled(&self, surface: &str) -> bool {
        self.spellings.iter().any(|s| s.chars().eq(surface.chars().flat_map(char::to_lowercase)))
    }
}


/// Marks a key that names nothing in the gazetteer.
const NO_NAME: u32 = u32::MAX;

/// A [`Matcher`] read against the vocabulary of one analysis. The keys of
/// every name, and the normalised key of every word of the texts (el-Assad →
/// al-Assad), become ids of one table, so matching a document compares
/// numbers: no string is built or hashed per token.
pub struct Index<'m> {
    matcher: &'m Matcher,
    vocab: &'m Vocab,
    /// For each key of the vocabulary, its normalised id ([`NO_NAME`] if no name has it).
    norm: Vec<u32>,
    /// For each key, the id of "al-" + the key (for "al Assad", "el Assad"), or [`NO_NAME`].
    after_article: Vec<u32>,
    /// The keys "al" and "el".
    article: [Option<KeyId>; 2],
}

impl<'m> Index<'m> {
    fn new(matcher: &'m Matcher, vocab: &'m Vocab) -> Index<'m> {
        let look = |s: &str| matcher.ids.get(s).copied().unwrap_or(NO_NAME);
        let mut norm = Vec::with_capacity(vocab.keys());
        let mut after_article = Vec::with_capacity(vocab.keys());
        let mut buf = String::new();
        for k in 0..vocab.keys() as KeyId {
            let key = vocab.key(k);
            norm.push(match key.strip_prefix("el-").or_else(|| key.strip_prefix("al-")) {
                Some(rest) => {
                    buf.clear();
                    buf.push_str("al-");
                    buf.push_str(rest);
                    look(&buf)
                }
                None => look(key),
            });
            buf.clear();
            buf.push_str("al-");
            buf.push_str(strip_article(key));
            after_article.push(look(&buf));
        }
        let article = [vocab.key_id("al"), vocab.key_id("el")];
        Index { matcher, vocab, norm, after_article, article }
    }

    /// [`normalise`] by ids: `(id, first token, last token)`.
    fn normalise(&self, toks: &[Token]) -> Vec<(u32, usize, usize)> {
        let mut out = Vec::with_capacity(toks.len());
        let mut i = 0;
        while i < toks.len() {
            let k = toks[i].key();
            if self.article.contains(&Some(k)) && toks.get(i + 1).is_some_and(|t| t.kind() == TokenKind::Word && toks[i].span.end < t.span.start) {
                out.push((self.after_article[toks[i + 1].key() as usize], i, i + 1));
                i += 2;
                continue;
            }
            out.push((self.norm[k as usize], i, i));
            i += 1;
        }
        out
    }

    /// All gazetteer names in a document, left to right, longest match first,
    /// never overlapping. `initial[i]` says token `i` opens a sentence.
    pub fn find(&self, text: &str, toks: &[Token], initial: &[bool]) -> Vec<Hit> {
        let norm = self.normalise(toks);
        let mut hits = Vec::new();
        let mut i = 0;
        while i < norm.len() {
            let mut found = None;
            if matches!(toks[norm[i].1].kind(), TokenKind::Word | TokenKind::Number | TokenKind::Hashtag) {
                if let Some((cands, keys)) = self.matcher.by_first.get(&norm[i].0) {
                    for (p, pkeys) in cands.iter().zip(keys) {
                        let n = pkeys.len();
                        if i + n > norm.len() || !pkeys.iter().zip(&norm[i..i + n]).all(|(a, b)| *a == b.0) {
                            continue;
                        }
                        let (first, last) = (norm[i].1, norm[i + n - 1].2);
                        // A multi-word name never runs over a line break.
                        if (first..last).any(|t| text[toks[t].span.end()..toks[t + 1].span.start()].contains('\n')) {
                            continue;
                        }
                        let span = Span::new(toks[first].span.start(), toks[last].span.end());
                        let surface = span.slice(text);
                        if p.needs_capital && !(first..=last).filter(|&t| toks[t].kind() == TokenKind::Word).all(|t| toks[t].span.slice(text).starts_with(char::is_uppercase)) {
                            continue;
                        }
                        if p.capitals_only && !is_capitals(surface) {
                            continue;
                        }
                        if p.common_word && (!surface.starts_with(char::is_uppercase) || initial.get(first).copied().unwrap_or(false) || !p.spelled(surface)) {
                            continue;
                        }
                        // A lower-case single word names something only as a demonym
                        // or when it is no common word ("idleb" yes, "turkey" no).
                        found = Some((Hit { span, first, last, entry: p.entry, form: p.form, part: false }, n));
                        break;
                    }
                }
            }
            match found {
                Some((h, n)) => {
                    hits.push(h);
                    i += n;
                }
                None => {
                    let t = norm[i].1;
                    if norm[i].2 == t && toks[t].kind() == TokenKind::Word && self.vocab.key(toks[t].key()).contains('-') {
                        self.matcher.find_pair(text, &toks[t], t, &mut hits);
                    }
                    i += 1;
                }
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment::tokenize;

    #[test]
    fn parses_and_rejects_bad_rows() {
        let g = Gazetteer::parse("# c\nx:a\tperson\t\tJean Valdor\tJean Valdor\tValdor|J. Valdor\n").unwrap();
        assert_eq!(g.entries()[0].names(), ["Jean Valdor", "Valdor", "J. Valdor"]);
        assert!(Gazetteer::parse("x:a\thero\t\tA\tA\t").unwrap_err().contains("unknown kind"));
        assert!(Gazetteer::parse("x:a\tperson\t\tA\tA\t\nx:a\tperson\t\tB\tB\t").unwrap_err().contains("duplicate id"));
        assert!(Gazetteer::parse("x:a\tperson").is_err());
    }

    #[test]
    fn merge_overrides_by_id() {
        let mut g = Gazetteer::parse("x:a\tperson\t\tA\tA\t").unwrap();
        g.merge(Gazetteer::parse("x:a\torganisation\t\tB\tB\t\nx:b\tplace\t\tC\tC\t").unwrap());
        assert_eq!(g.get("x:a").unwrap().kind, "organisation");
        assert_eq!(g.entries().len(), 2);
    }

    #[test]
    fn particles_and_accents_share_a_key() {
        assert_eq!(alias_key("Hayat Tahrir Al Sham"), alias_key("Hayat Tahrir al-Sham"));
        assert_eq!(alias_key("Bachar el-Assad"), alias_key("Bachar al-Assad"));
        assert_eq!(alias_key("états-unis"), alias_key("États-Unis"));
    }

    #[test]
    fn every_builtin_file_parses_without_problems_and_is_large_enough() {
        for (name, text) in Gazetteer::builtin_files() {
            Gazetteer::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let g = Gazetteer::builtin();
        let problems = g.problems();
        assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
        assert!(g.actor_count() >= 1500, "{} actors", g.actor_count());
        assert!(g.alias_count() >= 5000, "{} aliases", g.alias_count());
    }

    #[test]
    fn capitals_only_aliases_need_capitals() {
        let m = Matcher::builtin();
        let text = "It is said that IS fighters met US envoys and us.";
        let mut vocab = Vocab::new();
        let toks = tokenize(text, Span::new(0, text.len()), &mut vocab);
        let initial = vec![false; toks.len()];
        let hits: Vec<&str> = m.find(text, &toks, &vocab, &initial).iter().map(|h| h.span.slice(text)).collect();
        assert!(hits.contains(&"IS") && hits.contains(&"US"), "{hits:?}");
        assert!(!hits.contains(&"is") && !hits.contains(&"us"), "{hits:?}");
    }

    #[test]
    fn a_list_round_trips_through_tsv_and_json() {
        let tsv = "# a class list\nx:valdoria\tplace\t\tValdoria\tValdoria\tprovince de Valdoria|Valdoria province\nx:flv\tarmed_group\t\tFront de libération de Valdoria\tValdorian Liberation Front\tFLV|VLF\n";
        let g = Gazetteer::parse(tsv).unwrap();
        assert_eq!(g.entries().len(), 2);
        assert_eq!(Gazetteer::parse(&g.to_tsv()).unwrap(), g);
        assert_eq!(Gazetteer::from_json(&g.to_json()).unwrap(), g);
        assert_eq!(g.entries()[1].aliases, ["FLV", "VLF"]);
        // Errors name the row and what is wrong.
        let bad = Gazetteer::from_json(r#"[{"id":"x:a","kind":"planet","parent":"","name_fr":"A","name_en":"A","aliases":[]}]"#);
        assert_eq!(bad.unwrap_err(), "row 1: unknown kind `planet` for x:a");
        assert!(Gazetteer::from_json("{").unwrap_err().starts_with("not a list of actors"));
        assert_eq!(Gazetteer::parse("x:a\tstate\t\tA\tA\t\nx:a\tstate\t\tB\tB\t").unwrap_err(), "line 2: duplicate id x:a");
    }
}
