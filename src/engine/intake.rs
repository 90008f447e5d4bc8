//! Intake: bytes or pasted text in, a decoded [`InputDocument`] with its
//! metadata out. Nothing here touches a file system or a browser: the command
//! line tool and the web page both hand raw bytes to [`decode_file`].

use serde::{Deserialize, Serialize};
use std::fmt;

/// A document of the corpus as the user loaded it, with metadata the user can edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputDocument {
    /// Unique within a corpus: the file name, or `texte-N` for pasted text.
    pub id: String,
    /// The file name as given, or the id for pasted text.
    pub name: String,
    pub title: String,
    /// The outlet. Empty means "unknown": the document then stands as its own source.
    pub source: String,
    pub date: String,
    /// Left empty to let the engine detect it.
    pub language: String,
    /// The decoded text (UTF-8), exactly as the file held it after decoding.
    pub text: String,
}

/// Why a file could not be taken in. Each message names the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IntakeError {
    Empty { name: String },
    Binary { name: String },
}

impl fmt::Display for IntakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntakeError::Empty { name } => write!(f, "{name}: the file is empty, so it was skipped."),
            IntakeError::Binary { name } => write!(
                f,
                "{name}: this looks like a binary file (an image, an archive or a program), not text, so it was not loaded."
            ),
        }
    }
}

/// Bytes above this share of control characters mean "not text".
const BINARY_CONTROL_SHARE: f64 = 0.05;
/// How many leading bytes are sniffed for binary content.
const SNIFF_BYTES: usize = 8192;

/// Decodes a file's bytes into a document named after the file.
///
/// UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded as such;
/// anything that is not valid UTF-8 is read as Windows-1252, the encoding old
/// French and English Windows tools write.
pub fn decode_file(name: &str, bytes: &[u8]) -> Result<InputDocument, IntakeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IntakeError::Empty { name: name.to_string() });
    }
    let text = decode_bytes(bytes).ok_or_else(|| IntakeError::Binary { name: name.to_string() })?;
    if text.trim().is_empty() {
        return Err(IntakeError::Empty { name: name.to_string() });
    }
    let mut doc = InputDocument {
        id: name.to_string(),
        name: name.to_string(),
        title: String::new(),
        source: String::new(),
        date: String::new(),
        language: String::new(),
        text,
    };
    fill_metadata(&mut doc);
    Ok(doc)
}

/// Makes a document from pasted text; `n` numbers the pasted texts of a corpus.
pub fn from_pasted(n: usize, text: &str) -> Option<InputDocument> {
    if text.trim().is_empty() {
        return None;
    }
    let id = format!("texte-{n}");
    let mut doc = InputDocument {
        id: id.clone(),
        name: id,
        title: String::new(),
        source: String::new(),
        date: String::new(),
        language: String::new(),
        text: text.replace("\r\n", "\n"),
    };
    fill_metadata(&mut doc);
    Some(doc)
}

/// Decodes bytes to text, or `None` when they are not text at all.
fn decode_bytes(bytes: &[u8]) -> Option<String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Some(String::from_utf8_lossy(rest).into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Some(decode_utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Some(decode_utf16(rest, u16::from_be_bytes));
    }
    if looks_binary(bytes) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s.to_string()),
        Err(_) => Some(bytes.iter().map(|&b| windows_1252(b)).collect()),
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    char::decode_utf16(units).map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control as f64 > head.len() as f64 * BINARY_CONTROL_SHARE
}

/// Windows-1252: Latin-1 plus the printable characters it puts in 0x80–0x9F.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Reads title, source, date and language from front matter or a leading
/// `date …` line, and falls back on the first line and the file name.
fn fill_metadata(doc: &mut InputDocument) {
    let meta = read_front_matter(&doc.text);
    for (key, value) in &meta.fields {
        match key.as_str() {
            "title" | "titre" => doc.title = value.clone(),
            "source" | "outlet" | "media" | "média" | "publisher" => doc.source = value.clone(),
            "date" => doc.date = value.clone(),
            "lang" | "language" | "langue" => doc.language = value.clone(),
            _ => {}
        }
    }
    if doc.date.is_empty() {
        if let Some((date, _)) = leading_date_line(&doc.text[meta.body_start..]) {
            doc.date = date.to_string();
        }
    }
    if doc.title.is_empty() {
        let body = &doc.text[body_start(&doc.text)..];
        doc.title = first_line_title(body).unwrap_or_else(|| doc.name.clone());
    }
}

/// Key–value pairs of a front matter block, and where the body starts.
pub(crate) struct FrontMatter {
    pub fields: Vec<(String, String)>,
    pub body_start: usize,
}

/// Reads a YAML (`---`) or TOML (`+++`) front matter block of flat `key: value`
/// or `key = value` lines at the very start of the text.
pub(crate) fn read_front_matter(text: &str) -> FrontMatter {
    let none = FrontMatter { fields: Vec::new(), body_start: 0 };
    let trimmed_start = text.len() - text.trim_start_matches('\u{feff}').len();
    let rest = &text[trimmed_start..];
    let (fence, sep) = if rest.starts_with("---") {
        ("---", ':')
    } else if rest.starts_with("+++") {
        ("+++", '=')
    } else {
        return none;
    };
    let first_nl = match rest.find('\n') {
        Some(i) if rest[..i].trim() == fence => i + 1,
        _ => return none,
    };
    let mut fields = Vec::new();
    let mut offset = trimmed_start + first_nl;
    for line in text[offset..].split_inclusive('\n') {
        let end = offset + line.len();
        if line.trim() == fence {
            return FrontMatter { fields, body_start: end };
        }
        if let Some((k, v)) = line.split_once(sep) {
            let key = k.trim().to_lowercase();
            let value = v.trim().trim_matches(|c| c == '"' || c == '\'').trim().to_string();
            if !key.is_empty() && !key.contains(' ') {
                fields.push((key, value));
            }
        }
        offset = end;
    }
    none
}

/// A leading `date 2019-05` (or `date: 2019-05-03`) at the start of the body:
/// the date and the byte length it takes up.
fn leading_date_line(body: &str) -> Option<(&str, usize)> {
    let lead = body.len() - body.trim_start().len();
    let rest = &body[lead..];
    let after_kw = rest.strip_prefix("date").or_else(|| rest.strip_prefix("Date"))?;
    let after_kw = after_kw.strip_prefix(':').unwrap_or(after_kw);
    let gap = after_kw.len() - after_kw.trim_start_matches([' ', '\t']).len();
    if gap == 0 && !rest[4..].starts_with(':') {
        return None;
    }
    let value_start = body.len() - after_kw.len() + gap;
    let value: &str = &body[value_start..];
    let len = value.find(|c: char| !(c.is_ascii_digit() || c == '-' || c == '/')).unwrap_or(value.len());
    let date = &value[..len];
    let digits = date.chars().filter(|c| c.is_ascii_digit()).count();
    if digits >= 4 && date.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        Some((date, value_start + len))
    } else {
        None
    }
}

/// Where the analysed body of `text` starts: after front matter and after a
/// leading `date …` marker.
pub fn body_start(text: &str) -> usize {
    let fm = read_front_matter(text).body_start;
    match leading_date_line(&text[fm..]) {
        Some((_, len)) => fm + len,
        None => fm,
    }
}

/// Longest first line that still reads as a title.
const MAX_TITLE_CHARS: usize = 160;

fn first_line_title(body: &str) -> Option<String> {
    let line = body.lines().map(str::trim).find(|l| !l.is_empty())?;
    if line.chars().count() <= MAX_TITLE_CHARS {
        Some(line.to_string())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_yaml_front_matter() {
        let doc = decode_file(
            "a.md",
            "---\ntitle: \"Un titre\"\ndate: 2019-11-03\nsource: L'Agence\n---\n\nCorps du texte.".as_bytes(),
        )
        .unwrap();
        assert_eq!(doc.title, "Un titre");
        assert_eq!(doc.date, "2019-11-03");
        assert_eq!(doc.source, "L'Agence");
        assert_eq!(&doc.text[body_start(&doc.text)..], "\nCorps du texte.");
    }

    #[test]
    fn reads_a_leading_date_marker() {
        let text = " date 2019-05 Les États-Unis continuent.";
        let doc = decode_file("x.txt", text.as_bytes()).unwrap();
        assert_eq!(doc.date, "2019-05");
        assert_eq!(&text[body_start(text)..], " Les États-Unis continuent.");
    }

    #[test]
    fn a_word_starting_with_date_is_not_a_marker() {
        assert_eq!(body_start("dated letters"), 0);
        assert_eq!(body_start("Date de parution inconnue"), 0);
    }

    #[test]
    fn decodes_windows_1252_and_utf16() {
        let cp1252 = [b'D', 0xE9, b'j', 0xE0, b' ', 0x9C, b'u', b'v', b'r', b'e', b' ', 0xAB, 0x80, 0xBB];
        assert_eq!(decode_file("a.txt", &cp1252).unwrap().text, "Déjà œuvre «€»");
        let mut le = vec![0xFF, 0xFE];
        for u in "Été".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_file("b.txt", &le).unwrap().text, "Été");
        let bom = [&[0xEF, 0xBB, 0xBF][..], "Été".as_bytes()].concat();
        assert_eq!(decode_file("c.txt", &bom).unwrap().text, "Été");
    }

    #[test]
    fn refuses_binary_and_empty_files_by_name() {
        let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];
        let err = decode_file("photo.png", &png).unwrap_err();
        assert!(err.to_string().starts_with("photo.png: "));
        assert_eq!(decode_file("vide.txt", b"").unwrap_err(), IntakeError::Empty { name: "vide.txt".into() });
        assert_eq!(decode_file("blanc.txt", b" \n\n ").unwrap_err(), IntakeError::Empty { name: "blanc.txt".into() });
    }

    #[test]
    fn title_falls_back_on_the_first_short_line() {
        let doc = from_pasted(1, "Syrie : un titre\n\nLe corps.").unwrap();
        assert_eq!(doc.title, "Syrie : un titre");
        assert_eq!(doc.id, "texte-1");
        assert!(from_pasted(2, "  \n ").is_none());
    }
}
