//! The two export formats: the `Analysis` as JSON, and one CSV table per list.

use super::analysis::Analysis;
use std::fmt::Write;

/// The JSON export: pretty-printed, fields in schema order, ending with a newline.
/// The page's "Export JSON" and `prisme analyse --json` both write exactly this.
pub fn to_json(analysis: &Analysis) -> String {
    let mut s = serde_json::to_string_pretty(analysis).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// One CSV table per list of the `Analysis`: `(file name, contents)`.
pub fn to_csv_tables(a: &Analysis) -> Vec<(String, String)> {
    let mut tables = Vec::new();
    let mut t = table(&["id", "name", "title", "source", "date", "language", "words", "sentences"]);
    for d in &a.documents {
        row(&mut t, &[&d.id, &d.name, &d.title, &d.source, &d.date, &d.language, &d.words.to_string(), &d.sentences.to_string()]);
    }
    tables.push(("documents.csv".to_string(), t));

    let mut t = table(&["actor", "name", "kind", "document", "mentions"]);
    for ac in &a.actors {
        for (doc, n) in &ac.mentions {
            row(&mut t, &[&ac.id, &ac.name, &ac.kind, doc, &n.to_string()]);
        }
    }
    tables.push(("actors.csv".to_string(), t));

    let mut t = table(&["actor", "document", "start", "end", "surface", "sentence"]);
    for m in &a.mentions {
        row(&mut t, &[&m.actor, &m.document, &m.span.start.to_string(), &m.span.end.to_string(), &m.surface, &m.sentence.to_string()]);
    }
    tables.push(("mentions.csv".to_string(), t));

    let mut t = table(&["actor", "document", "score", "mentions"]);
    for s in &a.sentiment {
        row(&mut t, &[&s.actor, &s.document, &s.score.to_string(), &s.mentions.to_string()]);
    }
    tables.push(("sentiment.csv".to_string(), t));

    let mut t = table(&["scope", "term", "count", "keyness", "rank", "key", "language", "direction", "log_ratio", "reference_count", "significant"]);
    for k in &a.keywords {
        row(
            &mut t,
            &[
                &k.scope,
                &k.term,
                &k.count.to_string(),
                &k.keyness.to_string(),
                &k.rank.to_string(),
                &k.key,
                &k.language,
                &k.direction,
                &k.log_ratio.to_string(),
                &k.reference_count.to_string(),
                &k.significant.to_string(),
            ],
        );
    }
    tables.push(("keywords.csv".to_string(), t));

    let mut t = table(&["actor", "document", "label", "count"]);
    for l in &a.labels {
        row(&mut t, &[&l.actor, &l.document, &l.label, &l.count.to_string()]);
    }
    tables.push(("labels.csv".to_string(), t));

    let mut t = table(&["document", "frame", "score", "scope", "source", "count"]);
    for f in &a.frames {
        row(&mut t, &[&f.document, &f.frame, &f.score.to_string(), &f.scope, &f.source, &f.count.to_string()]);
    }
    tables.push(("frames.csv".to_string(), t));

    let mut t = table(&["document", "kind", "marker", "start", "end", "device", "sentence", "actors"]);
    for m in &a.markers {
        let fields = [&m.document, &m.kind, &m.marker, &m.span.start.to_string(), &m.span.end.to_string(), &m.device, &m.sentence.to_string(), &m.actors.join(" ")];
        row(&mut t, &fields.map(|f| f.as_str()));
    }
    tables.push(("markers.csv".to_string(), t));
    tables
}

fn table(header: &[&str]) -> String {
    let mut t = String::new();
    row(&mut t, header);
    t
}

/// Appends one CSV record (RFC 4180 quoting, CRLF-free).
fn row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            let _ = write!(out, "\"{}\"", f.replace('"', "\"\""));
        } else {
            out.push_str(f);
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::row;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        let mut s = String::new();
        row(&mut s, &["a", "b,c", "dit \"non\"", "x\ny"]);
        assert_eq!(s, "a,\"b,c\",\"dit \"\"non\"\"\",\"x\ny\"\n");
    }
}

/// The CSV tables packed in one ZIP file (what the page's "Export CSV"
/// downloads: one file, rather than a burst of downloads the browser blocks).
pub fn to_csv_zip(a: &Analysis) -> Vec<u8> {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, contents) in to_csv_tables(a) {
        let written = zip.start_file(format!("prisme/{name}"), options).and_then(|_| Ok(zip.write_all(contents.as_bytes())?));
        debug_assert!(written.is_ok());
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

#[cfg(test)]
mod zip_tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn the_csv_zip_holds_one_file_per_table() {
        let a = crate::engine::analyse(&[crate::engine::from_pasted(1, "Moscou répond à Washington.").unwrap()], &Default::default());
        let bytes = to_csv_zip(&a);
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut names: Vec<String> = archive.file_names().map(String::from).collect();
        names.sort();
        assert_eq!(names.len(), to_csv_tables(&a).len());
        assert!(names.contains(&"prisme/actors.csv".to_string()));
        let mut actors = String::new();
        archive.by_name("prisme/actors.csv").unwrap().read_to_string(&mut actors).unwrap();
        assert_eq!(actors, to_csv_tables(&a).into_iter().find(|(n, _)| n == "actors.csv").unwrap().1);
    }
}
