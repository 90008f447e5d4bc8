//! Intake: bytes or pasted text in, decoded [`InputDocument`]s with their
//! metadata out. Nothing here touches a file system or a browser: the command
//! line tool and the web page both hand raw bytes to [`decode_file`].
//!
//! What `InputDocument.text` holds depends on the format:
//! - plain text and Markdown: the file exactly as decoded. Markdown syntax,
//!   link targets and Hugo shortcodes stay in the text and are listed in
//!   `InputDocument.markup`, so the analysis skips them and the page can show
//!   them greyed out;
//! - HTML and Word: the extracted plain text (paragraphs separated by a blank
//!   line), since raw markup is not something a reader can check. What the
//!   extraction dropped (scripts, menus, footers…) is not in `text` at all;
//! - tables and JSON: the text cell or field of each row or object.

use super::analysis::Span;
use super::clean;
use super::formats;
use super::table;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// Files above this size are refused: 20 MB is far more than any news
/// article or corpus table, and decoding more would freeze the page.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// A document of the corpus as the user loaded it, with metadata the user can edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputDocument {
    /// Unique within a corpus: the file name (`name #row` for a table row), or `texte-N` for pasted text.
    pub id: String,
    /// The file name as given, or the id for pasted text.
    pub name: String,
    pub title: String,
    /// The outlet. Empty means "unknown": the document then stands as its own source.
    pub source: String,
    pub date: String,
    /// Left empty to let the engine detect it.
    pub language: String,
    /// The decoded text (UTF-8) every span points into; see the module doc for
    /// what it holds for each format.
    pub text: Arc<str>,
    /// Parts of `text` that are markup (Markdown syntax, link targets,
    /// shortcodes): left out of the analysis and reported as removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markup: Vec<Span>,
    /// Removed regions the user put back: a removal whose span lies inside one
    /// of these is not applied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restored: Vec<Span>,
}

impl InputDocument {
    /// A document named `name` holding `text`, with empty metadata.
    pub fn new(name: &str, text: String) -> Self {
        InputDocument {
            id: name.to_string(),
            name: name.to_string(),
            title: String::new(),
            source: String::new(),
            date: String::new(),
            language: String::new(),
            text: Arc::from(text),
            markup: Vec::new(),
            restored: Vec::new(),
        }
    }

    /// A fingerprint of the text (FNV-1a, 64 bits, as 16 hex digits): two
    /// documents with the same fingerprint almost surely hold the same text,
    /// whatever their names or encodings. A string, because JavaScript numbers
    /// cannot hold 64 bits.
    pub fn content_hash(&self) -> String {
        const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
        const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
        let h = self.text.bytes().fold(FNV_OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME));
        format!("{h:016x}")
    }
}

/// True when two documents hold the same text (the same file added twice,
/// perhaps under another name or in another encoding): the page can ask the
/// user whether to keep both.
pub fn same_content(a: &InputDocument, b: &InputDocument) -> bool {
    a.text == b.text
}

/// Why a file could not be taken in. Each message starts with the file name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IntakeError {
    Empty { name: String },
    Binary { name: String },
    TooLarge { name: String, bytes: usize },
    Pdf { name: String },
    /// A format Prisme cannot read (`what` says which, e.g. "an old Word .doc file").
    Unsupported { name: String, what: String },
    /// A file of a known format whose content could not be read (`why` says what is wrong).
    Malformed { name: String, why: String },
}

impl fmt::Display for IntakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntakeError::Empty { name } => write!(f, "{name}: the file is empty, so it was skipped."),
            IntakeError::Binary { name } => write!(
                f,
                "{name}: this looks like a binary file (an image, an archive or a program), not text, so it was not loaded."
            ),
            IntakeError::TooLarge { name, bytes } => write!(
                f,
                "{name}: the file is {:.1} MB; the limit is {} MB, so it was not loaded. Split it into smaller files.",
                *bytes as f64 / (1024.0 * 1024.0),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            IntakeError::Pdf { name } => write!(
                f,
                "{name}: PDF is not supported yet: open the PDF, select the text and paste it."
            ),
            IntakeError::Unsupported { name, what } => write!(
                f,
                "{name}: {what} cannot be read. Prisme reads .txt, .md, .html, .docx, .csv, .tsv, .json and .jsonl files; save the document in one of these formats or paste its text."
            ),
            IntakeError::Malformed { name, why } => write!(f, "{name}: {why}"),
        }
    }
}

impl std::error::Error for IntakeError {}

/// Bytes above this share of control characters mean "not text".
const BINARY_CONTROL_SHARE: f64 = 0.05;
/// How many leading bytes are sniffed for binary content and UTF-16.
const SNIFF_BYTES: usize = 8192;
/// In UTF-16 without a BOM, Latin text has a NUL in (nearly) every other byte;
/// this share of NULs on one side and almost none on the other tells it from binary.
const UTF16_NUL_SHARE: f64 = 0.3;
/// …and the other side must have fewer NULs than this share.
const UTF16_OTHER_SIDE_MAX: f64 = 0.05;

/// The formats `decode_file` tells apart by the file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Html,
    Docx,
    Csv,
    Tsv,
    Json,
    JsonLines,
    Pdf,
    Unsupported(&'static str),
}

fn format_of(name: &str, bytes: &[u8]) -> Format {
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "md" | "markdown" | "mdown" => Format::Markdown,
        "html" | "htm" | "xhtml" => Format::Html,
        "docx" => Format::Docx,
        "csv" => Format::Csv,
        "tsv" | "tab" => Format::Tsv,
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::JsonLines,
        "pdf" => Format::Pdf,
        "doc" => Format::Unsupported("an old Word .doc file"),
        "odt" => Format::Unsupported("an OpenDocument .odt file"),
        "rtf" => Format::Unsupported("an RTF file"),
        "xls" | "xlsx" | "ods" => Format::Unsupported("a spreadsheet (save it as .csv)"),
        "ppt" | "pptx" | "odp" => Format::Unsupported("a presentation"),
        "epub" => Format::Unsupported("an e-book"),
        "zip" | "gz" | "7z" | "rar" | "tar" => Format::Unsupported("an archive (unpack it first)"),
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "svg" | "bmp" | "tif" | "tiff" | "heic" => {
            Format::Unsupported("an image")
        }
        "mp3" | "mp4" | "wav" | "ogg" | "webm" | "mov" | "avi" | "m4a" => Format::Unsupported("an audio or video file"),
        _ if bytes.starts_with(b"PK\x03\x04") => Format::Unsupported("an archive or office file of unknown type"),
        _ => Format::Text,
    }
}

/// Decodes a file's bytes into the documents it holds: one for a text,
/// Markdown, HTML or Word file, one per row or object for a table or JSON.
///
/// Text is decoded from UTF-8 (with or without BOM), UTF-16 (with a BOM, or
/// without one when every other byte is NUL), or else Windows-1252 /
/// ISO-8859-15, the encodings old French and English Windows tools write.
/// Tables use the guessed columns; see [`decode_table`] to choose them.
pub fn decode_file(name: &str, bytes: &[u8]) -> Result<Vec<InputDocument>, IntakeError> {
    let name_s = || name.to_string();
    if bytes.len() > MAX_FILE_BYTES {
        return Err(IntakeError::TooLarge { name: name_s(), bytes: bytes.len() });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IntakeError::Empty { name: name_s() });
    }
    let docs = match format_of(name, bytes) {
        Format::Pdf => return Err(IntakeError::Pdf { name: name_s() }),
        Format::Unsupported(what) => return Err(IntakeError::Unsupported { name: name_s(), what: what.to_string() }),
        Format::Docx => vec![formats::docx_document(name, bytes)?],
        Format::Csv | Format::Tsv => table::decode_table(name, bytes, None)?,
        Format::Json | Format::JsonLines => {
            let text = decode_text(name, bytes)?;
            table::json_documents(name, &text, matches!(format_of(name, bytes), Format::JsonLines))?
        }
        Format::Html => vec![formats::html_document(name, &decode_text(name, bytes)?)],
        Format::Markdown => vec![markdown_document(name, decode_text(name, bytes)?)],
        Format::Text => {
            let text = decode_text(name, bytes)?;
            // A text file that opens with front matter is a Markdown export (Hugo, Jekyll).
            if read_front_matter(&text).body_start > 0 {
                vec![markdown_document(name, text)]
            } else {
                let mut doc = InputDocument::new(name, text);
                fill_metadata(&mut doc);
                vec![doc]
            }
        }
    };
    let docs: Vec<InputDocument> = docs.into_iter().filter(|d| !d.text.trim().is_empty()).collect();
    if docs.is_empty() {
        return Err(IntakeError::Empty { name: name_s() });
    }
    Ok(docs)
}

fn markdown_document(name: &str, text: String) -> InputDocument {
    let mut doc = InputDocument::new(name, text);
    doc.markup = formats::markdown_markup(&doc.text, body_start(&doc.text));
    fill_metadata(&mut doc);
    doc
}

/// Decodes a whole file to text, or says why it is not text.
pub(crate) fn decode_text(name: &str, bytes: &[u8]) -> Result<String, IntakeError> {
    let text = decode_bytes(bytes).ok_or_else(|| IntakeError::Binary { name: name.to_string() })?;
    if text.trim().is_empty() {
        return Err(IntakeError::Empty { name: name.to_string() });
    }
    Ok(text)
}

/// Makes a document from pasted text; `n` numbers the pasted texts of a corpus.
pub fn from_pasted(n: usize, text: &str) -> Option<InputDocument> {
    if text.trim().is_empty() {
        return None;
    }
    let mut doc = InputDocument::new(&format!("texte-{n}"), text.replace("\r\n", "\n"));
    if read_front_matter(&doc.text).body_start > 0 {
        doc.markup = formats::markdown_markup(&doc.text, body_start(&doc.text));
    }
    fill_metadata(&mut doc);
    Some(doc)
}

/// The separator line the page suggests for pasting several texts at once:
/// a line of `=` is never Markdown front matter (`---`) and rare in articles.
pub const DEFAULT_PASTE_SEPARATOR: &str = "=====";

/// Splits pasted text into documents at every line that is exactly
/// `separator` (surrounding spaces ignored). Empty parts are dropped; the
/// documents are numbered from `first_n` (`texte-N`).
pub fn from_pasted_many(first_n: usize, text: &str, separator: &str) -> Vec<InputDocument> {
    let separator = separator.trim();
    let text = text.replace("\r\n", "\n");
    let mut parts: Vec<String> = vec![String::new()];
    for line in text.split_inclusive('\n') {
        if !separator.is_empty() && line.trim() == separator {
            parts.push(String::new());
        } else if let Some(last) = parts.last_mut() {
            last.push_str(line);
        }
    }
    parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .enumerate()
        .filter_map(|(i, p)| from_pasted(first_n + i, p.trim_end_matches('\n')))
        .collect()
}

/// Decodes bytes to text, or `None` when they are not text at all. Line
/// endings are kept as they are (offsets must match what the user sees).
pub(crate) fn decode_bytes(bytes: &[u8]) -> Option<String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Some(String::from_utf8_lossy(rest).into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Some(decode_utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Some(decode_utf16(rest, u16::from_be_bytes));
    }
    match utf16_without_bom(bytes) {
        Some(true) => return Some(decode_utf16(bytes, u16::from_le_bytes)),
        Some(false) => return Some(decode_utf16(bytes, u16::from_be_bytes)),
        None => {}
    }
    if looks_binary(bytes) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s.to_string()),
        Err(_) if mostly_utf8(bytes) => Some(String::from_utf8_lossy(bytes).into_owned()),
        Err(_) if is_iso_8859_15(bytes) => Some(bytes.iter().map(|&b| iso_8859_15(b)).collect()),
        Err(_) => Some(bytes.iter().map(|&b| windows_1252(b)).collect()),
    }
}

/// `Some(true)` for UTF-16LE, `Some(false)` for UTF-16BE, told by where the
/// NUL bytes fall: Latin text has a zero high byte in nearly every unit.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let even = head.iter().step_by(2).take(pairs).filter(|&&b| b == 0).count() as f64 / pairs as f64;
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count() as f64 / pairs as f64;
    let candidate = if odd >= UTF16_NUL_SHARE && even <= UTF16_OTHER_SIDE_MAX {
        true
    } else if even >= UTF16_NUL_SHARE && odd <= UTF16_OTHER_SIDE_MAX {
        false
    } else {
        return None;
    };
    // The decoded units must be text, not control codes.
    let unit = |p: &[u8]| if candidate { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) };
    let units: Vec<u16> = head.chunks_exact(2).map(unit).collect();
    let control = units.iter().filter(|&&u| u < 0x20 && !matches!(u, 0x0A | 0x0D | 0x09 | 0x0C)).count();
    (control as f64 <= units.len() as f64 * BINARY_CONTROL_SHARE).then_some(candidate)
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
pub(crate) fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// ISO-8859-15: Latin-1 with €, Š, š, Ž, ž, Œ, œ, Ÿ in place of eight signs.
fn iso_8859_15(b: u8) -> char {
    match b {
        0xA4 => '€',
        0xA6 => 'Š',
        0xA8 => 'š',
        0xB4 => 'Ž',
        0xB8 => 'ž',
        0xBC => 'Œ',
        0xBD => 'œ',
        0xBE => 'Ÿ',
        _ => b as char,
    }
}

/// ISO-8859-15 rather than Windows-1252: no byte in 0x80–0x9F (where
/// Windows-1252 puts its quotes and dashes) and an œ/Œ byte (0xBD/0xBC, ½/¼ in
/// Windows-1252) between two letters, as in "c\xBDur".
/// Share of non-ASCII characters that must decode as UTF-8 for a file with a
/// few broken bytes (a cut-off download, a stray Latin-1 byte pasted in) to
/// be read as UTF-8 with a � for each broken byte. A Latin-1 or Windows-1252
/// file almost never forms a valid UTF-8 sequence, so it stays below this.
const MOSTLY_UTF8_SHARE: f64 = 0.9;

/// UTF-8 with a few invalid bytes: read as Windows-1252 instead, every
/// accented letter of the file would turn into two wrong ones ("Ã©").
fn mostly_utf8(bytes: &[u8]) -> bool {
    let lossy = String::from_utf8_lossy(bytes);
    let (mut good, mut broken) = (0usize, 0usize);
    for c in lossy.chars().filter(|c| !c.is_ascii()) {
        if c == char::REPLACEMENT_CHARACTER {
            broken += 1;
        } else {
            good += 1;
        }
    }
    good > 0 && good as f64 >= MOSTLY_UTF8_SHARE * (good + broken) as f64
}

fn is_iso_8859_15(bytes: &[u8]) -> bool {
    if bytes.iter().any(|b| (0x80..=0x9F).contains(b)) {
        return false;
    }
    let letter = |b: u8| b.is_ascii_alphabetic() || b >= 0xC0;
    bytes.windows(3).any(|w| matches!(w[1], 0xBC | 0xBD) && letter(w[0]) && letter(w[2]))
}

/// Reads title, source, date and language from front matter or a leading
/// `date …` line, and falls back on the first line and the file name.
pub(crate) fn fill_metadata(doc: &mut InputDocument) {
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
        doc.title = first_line_title(body).unwrap_or_else(|| file_stem(&doc.name));
    }
}

/// The file name without its extension, as a last-resort title.
fn file_stem(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 5 => stem.to_string(),
        _ => name.to_string(),
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

/// The first line of the body that is not interface text ("Rechercher"),
/// without Markdown heading or quote marks.
fn first_line_title(body: &str) -> Option<String> {
    let line = body
        .lines()
        .map(|l| l.trim().trim_start_matches(['#', '>']).trim())
        .find(|l| !l.is_empty() && !clean::is_interface_phrase(l))?;
    if line.chars().count() <= MAX_TITLE_CHARS {
        Some(line.to_string())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(name: &str, bytes: &[u8]) -> InputDocument {
        let mut docs = decode_file(name, bytes).unwrap();
        assert_eq!(docs.len(), 1);
        docs.remove(0)
    }

    #[test]
    fn reads_yaml_front_matter() {
        let doc = one(
            "a.md",
            "---\ntitle: \"Un titre\"\ndate: 2019-11-03\nsource: L'Agence\n---\n\nCorps du texte.".as_bytes(),
        );
        assert_eq!(doc.title, "Un titre");
        assert_eq!(doc.date, "2019-11-03");
        assert_eq!(doc.source, "L'Agence");
        assert_eq!(&doc.text[body_start(&doc.text)..], "\nCorps du texte.");
    }

    #[test]
    fn reads_a_leading_date_marker() {
        let text = " date 2019-05 Les États-Unis continuent.";
        let doc = one("x.txt", text.as_bytes());
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
        assert_eq!(&*one("a.txt", &cp1252).text, "Déjà œuvre «€»");
        let mut le = vec![0xFF, 0xFE];
        for u in "Été".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(&*one("b.txt", &le).text, "Été");
        let bom = [&[0xEF, 0xBB, 0xBF][..], "Été".as_bytes()].concat();
        assert_eq!(&*one("c.txt", &bom).text, "Été");
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

    #[test]
    fn utf16_without_bom_and_iso_8859_15() {
        let text = "Le cœur de l’été « à Idleb »";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(&*one("le.txt", &le).text, text);
        assert_eq!(&*one("be.txt", &be).text, text);
        // ISO-8859-15 writes œ as 0xBD, where Windows-1252 has ½.
        let latin9 = [b'c', 0xBD, b'u', b'r', b' ', 0xE9, b't', 0xE9, b' ', 0xA4];
        assert_eq!(&*one("l9.txt", &latin9).text, "cœur été €");
    }

    #[test]
    fn refuses_pdf_unsupported_and_too_large_files_by_name() {
        let pdf = decode_file("rapport.pdf", b"%PDF-1.7\n...").unwrap_err();
        assert_eq!(pdf.to_string(), "rapport.pdf: PDF is not supported yet: open the PDF, select the text and paste it.");
        let odt = decode_file("lettre.odt", b"PK\x03\x04abc").unwrap_err();
        assert!(odt.to_string().starts_with("lettre.odt: an OpenDocument .odt file cannot be read."));
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        let err = decode_file("gros.txt", &big).unwrap_err();
        assert!(err.to_string().starts_with("gros.txt: the file is 20.0 MB; the limit is 20 MB"), "{err}");
    }

    #[test]
    fn same_content_ignores_name_and_encoding() {
        let a = one("a.txt", "Déjà vu.".as_bytes());
        let b = one("b.txt", &[b'D', 0xE9, b'j', 0xE0, b' ', b'v', b'u', b'.']);
        assert!(same_content(&a, &b));
        assert_eq!(a.content_hash(), b.content_hash());
        assert_ne!(a.content_hash(), one("c.txt", b"Autre chose.").content_hash());
        assert_eq!(a.content_hash().len(), 16);
    }

    #[test]
    fn pasting_several_texts_splits_on_the_separator_line() {
        let pasted = "Premier texte.\n=====\nDeuxième texte,\nsur deux lignes.\n  =====  \n\n=====\nTroisième.";
        let docs = from_pasted_many(3, pasted, DEFAULT_PASTE_SEPARATOR);
        let texts: Vec<&str> = docs.iter().map(|d| &*d.text).collect();
        assert_eq!(texts, ["Premier texte.", "Deuxième texte,\nsur deux lignes.", "Troisième."]);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["texte-3", "texte-4", "texte-5"]);
        // A separator that is only part of a line does not split.
        assert_eq!(from_pasted_many(1, "a ===== b", "=====").len(), 1);
        // Front matter fences stay inside their document.
        let md = from_pasted_many(1, "---\ntitle: \"T\"\n---\nCorps.", DEFAULT_PASTE_SEPARATOR);
        assert_eq!(md.len(), 1);
        assert_eq!(md[0].title, "T");
    }
}
