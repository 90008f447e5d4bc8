//! Corpora in one file: CSV and TSV tables (one document per row) and JSON
//! or JSON Lines (one document per object).

use super::fold::fold;
use super::intake::{decode_text, fill_metadata, InputDocument, IntakeError};
use serde::{Deserialize, Serialize};

/// Which columns of a table hold what (0-based column indexes). The text
/// column is required; the others may be missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableColumns {
    pub text: usize,
    pub title: Option<usize>,
    pub source: Option<usize>,
    pub date: Option<usize>,
    pub language: Option<usize>,
}

/// What Prisme guessed about a table, for the page to show and let the user change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableGuess {
    /// The header row as written.
    pub headers: Vec<String>,
    /// The guess: text is the column with the longest cells on average,
    /// the others are found by their header (French or English).
    pub columns: TableColumns,
    /// Data rows (without the header).
    pub rows: usize,
}

/// Header names (folded) of each kind of column or JSON field.
const TEXT_NAMES: &[&str] = &["text", "texte", "contenu", "content", "body", "corps", "article", "message", "full_text"];
const TITLE_NAMES: &[&str] = &["title", "titre", "headline", "heading", "intitule"];
const SOURCE_NAMES: &[&str] = &["source", "outlet", "media", "medias", "journal", "publisher", "site", "publication"];
const DATE_NAMES: &[&str] = &["date", "published", "published_at", "publishedat", "pubdate", "datetime", "date_publication", "publie", "publie_le"];
const LANGUAGE_NAMES: &[&str] = &["lang", "language", "langue"];

fn header_is(header: &str, names: &[&str]) -> bool {
    let h = fold(header.trim()).replace([' ', '-'], "_");
    names.contains(&h.as_str())
}

/// Reads a CSV (comma or semicolon) or TSV table: quoted fields may hold
/// separators, doubled quotes and line breaks (RFC 4180).
fn parse_table(text: &str, tsv: bool) -> Vec<Vec<String>> {
    let first_line = text.lines().next().unwrap_or("");
    let sep = if tsv {
        '\t'
    } else if first_line.matches(';').count() > first_line.matches(',').count() {
        // French spreadsheets write semicolons, since the comma is the decimal mark.
        ';'
    } else {
        ','
    };
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
        } else if c == '"' && field.is_empty() {
            in_quotes = true;
        } else if c == sep {
            row.push(std::mem::take(&mut field));
        } else if c == '\n' || c == '\r' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            row.push(std::mem::take(&mut field));
            if row.iter().any(|f| !f.trim().is_empty()) {
                rows.push(std::mem::take(&mut row));
            }
            row.clear();
        } else {
            field.push(c);
        }
    }
    row.push(field);
    if row.iter().any(|f| !f.trim().is_empty()) {
        rows.push(row);
    }
    rows
}

fn is_tsv(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".tsv") || lower.ends_with(".tab")
}

fn read_rows(name: &str, bytes: &[u8]) -> Result<Vec<Vec<String>>, IntakeError> {
    let text = decode_text(name, bytes)?;
    let rows = parse_table(&text, is_tsv(name));
    if rows.len() < 2 {
        return Err(IntakeError::Malformed {
            name: name.to_string(),
            why: "this table has no data row under its header row.".to_string(),
        });
    }
    Ok(rows)
}

/// Guesses which column holds the text, title, source and date of each row.
pub fn guess_table_columns(name: &str, bytes: &[u8]) -> Result<TableGuess, IntakeError> {
    let rows = read_rows(name, bytes)?;
    Ok(guess_from_rows(&rows))
}

fn guess_from_rows(rows: &[Vec<String>]) -> TableGuess {
    let headers = rows[0].clone();
    let data = &rows[1..];
    let find = |names: &[&str]| headers.iter().position(|h| header_is(h, names));
    let average_len = |col: usize| {
        let total: usize = data.iter().map(|r| r.get(col).map_or(0, |c| c.chars().count())).sum();
        total as f64 / data.len().max(1) as f64
    };
    // The longest column on average, ties going to the first; a column named "texte" wins outright.
    let text = find(TEXT_NAMES).unwrap_or_else(|| {
        (0..headers.len()).fold(0, |best, c| if average_len(c) > average_len(best) { c } else { best })
    });
    let other = |names: &[&str]| find(names).filter(|&c| c != text);
    TableGuess {
        columns: TableColumns {
            text,
            title: other(TITLE_NAMES),
            source: other(SOURCE_NAMES),
            date: other(DATE_NAMES),
            language: other(LANGUAGE_NAMES),
        },
        headers,
        rows: data.len(),
    }
}

/// One document per data row of a CSV or TSV table, using `columns` or, when
/// `None`, the guess of [`guess_table_columns`]. Rows with an empty text cell
/// are skipped. Ids are `name #N`, N counting data rows from 1.
pub fn decode_table(name: &str, bytes: &[u8], columns: Option<&TableColumns>) -> Result<Vec<InputDocument>, IntakeError> {
    let rows = read_rows(name, bytes)?;
    let guess;
    let cols = match columns {
        Some(c) => c,
        None => {
            guess = guess_from_rows(&rows);
            &guess.columns
        }
    };
    if cols.text >= rows[0].len() {
        return Err(IntakeError::Malformed {
            name: name.to_string(),
            why: format!("the table has {} columns, so column {} cannot hold the text.", rows[0].len(), cols.text + 1),
        });
    }
    let cell = |row: &[String], c: Option<usize>| c.and_then(|c| row.get(c)).map(|s| s.trim().to_string()).unwrap_or_default();
    let mut docs = Vec::new();
    for (n, row) in rows[1..].iter().enumerate() {
        let text = cell(row, Some(cols.text));
        if text.is_empty() {
            continue;
        }
        let mut doc = InputDocument::new(name, text);
        doc.id = format!("{name} #{}", n + 1);
        doc.title = cell(row, cols.title);
        doc.source = cell(row, cols.source);
        doc.date = cell(row, cols.date);
        doc.language = cell(row, cols.language);
        fill_metadata(&mut doc);
        docs.push(doc);
    }
    Ok(docs)
}

/// One document per object of a JSON array (or the one object), or per line of
/// JSON Lines. Fields are found by name in French or English (`text`, `texte`,
/// `contenu`, `body`, `content`; `title`, `titre`, `headline`; `source`,
/// `outlet`, `média`; `date`, `published`).
pub(crate) fn json_documents(name: &str, text: &str, lines: bool) -> Result<Vec<InputDocument>, IntakeError> {
    let bad = |why: String| IntakeError::Malformed { name: name.to_string(), why };
    let values: Vec<serde_json::Value> = if lines {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| serde_json::from_str(l).map_err(|e| bad(format!("line {} is not valid JSON ({e}).", i + 1))))
            .collect::<Result<_, _>>()?
    } else {
        match serde_json::from_str(text.trim_start_matches('\u{feff}')) {
            Ok(serde_json::Value::Array(items)) => items,
            Ok(v @ serde_json::Value::Object(_)) => vec![v],
            Ok(_) => return Err(bad("the JSON holds neither an object nor a list of objects.".to_string())),
            Err(e) => return Err(bad(format!("this is not valid JSON ({e})."))),
        }
    };
    let many = values.len() > 1;
    let mut docs = Vec::new();
    for (n, v) in values.iter().enumerate() {
        let Some(obj) = v.as_object() else { continue };
        let field = |names: &[&str]| {
            obj.iter().find(|(k, _)| header_is(k, names)).map(|(_, v)| match v {
                serde_json::Value::String(s) => s.trim().to_string(),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            })
        };
        let Some(body) = field(TEXT_NAMES).filter(|t| !t.is_empty()) else { continue };
        let mut doc = InputDocument::new(name, body);
        if many {
            doc.id = format!("{name} #{}", n + 1);
        }
        doc.title = field(TITLE_NAMES).unwrap_or_default();
        doc.source = field(SOURCE_NAMES).unwrap_or_default();
        doc.date = field(DATE_NAMES).unwrap_or_default();
        doc.language = field(LANGUAGE_NAMES).unwrap_or_default();
        fill_metadata(&mut doc);
        docs.push(doc);
    }
    if docs.is_empty() {
        return Err(bad(format!(
            "no object has a text field (one of: {}).",
            TEXT_NAMES.join(", ")
        )));
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_quotes_commas_and_line_breaks() {
        let rows = parse_table("a,b\n\"x, \"\"y\"\"\",\"deux\nlignes\"\r\n,\n", false);
        assert_eq!(rows, vec![vec!["a", "b"], vec!["x, \"y\"", "deux\nlignes"]]);
        assert_eq!(parse_table("titre;texte\nT;Un, deux", false), vec![vec!["titre", "texte"], vec!["T", "Un, deux"]]);
    }

    #[test]
    fn guesses_columns_by_length_and_header() {
        let rows = parse_table("Média,Titre,Publié le,corps du texte\nLe Monde,Un titre,2020-01-01,Un long texte ici\n", false);
        let g = guess_from_rows(&rows);
        assert_eq!(g.columns, TableColumns { text: 3, title: Some(1), source: Some(0), date: Some(2), language: None });
        let rows = parse_table("date,texte,auteur\n2020,x,Jean Dupont-Durand\n", false);
        assert_eq!(guess_from_rows(&rows).columns.text, 1);
    }
}
