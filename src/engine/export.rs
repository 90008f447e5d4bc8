//! The two export formats: the `Analysis` as JSON, and one CSV table per list.

use super::analysis::{Analysis, Scope};
use serde::Serialize;
use std::fmt::Write;

/// The JSON export, written in parts of about `part_bytes` each (a single
/// row may make a part larger), handed to `emit` in order: the same bytes
/// as [`to_json`], for exports too large to hold as one string.
///
/// Layout: one object, each list one row per line, so that a large export
/// stays readable line by line and compact:
///
/// ```text
/// {"schema_version":4,"generator":"prisme 0.1.0",
/// "documents":[
/// {"id":…},
/// {"id":…}
/// ],
/// "sources":[
/// …
/// ]}
/// ```
pub fn write_json(analysis: &Analysis, part_bytes: usize, emit: &mut dyn FnMut(Vec<u8>)) -> serde_json::Result<()> {
    // Destructured so that a new list cannot be left out.
    let Analysis {
        schema_version,
        generator,
        documents,
        sources,
        actors,
        mentions,
        sentiment,
        keywords,
        labels,
        frames,
        markers,
        cooccurrences,
        sentiment_evidence,
    } = analysis;
    let mut w = JsonParts { buf: Vec::with_capacity(part_bytes + part_bytes / 8), part_bytes, emit };
    w.buf.extend_from_slice(b"{\"schema_version\":");
    serde_json::to_writer(&mut w.buf, schema_version)?;
    w.buf.extend_from_slice(b",\"generator\":");
    serde_json::to_writer(&mut w.buf, generator)?;
    w.list("documents", documents)?;
    w.list("sources", sources)?;
    w.list("actors", actors)?;
    w.list("mentions", mentions)?;
    w.list("sentiment", sentiment)?;
    w.list("keywords", keywords)?;
    w.list("labels", labels)?;
    w.list("frames", frames)?;
    w.list("markers", markers)?;
    w.list("cooccurrences", cooccurrences)?;
    w.list("sentiment_evidence", sentiment_evidence)?;
    w.buf.extend_from_slice(b"}\n");
    let last = std::mem::take(&mut w.buf);
    (w.emit)(last);
    Ok(())
}

struct JsonParts<'e> {
    buf: Vec<u8>,
    part_bytes: usize,
    emit: &'e mut dyn FnMut(Vec<u8>),
}

impl JsonParts<'_> {
    fn list<T: Serialize>(&mut self, name: &str, rows: &[T]) -> serde_json::Result<()> {
        self.buf.extend_from_slice(b",\n\"");
        self.buf.extend_from_slice(name.as_bytes());
        self.buf.extend_from_slice(b"\":[");
        for (i, row) in rows.iter().enumerate() {
            self.buf.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
            serde_json::to_writer(&mut self.buf, row)?;
            if self.buf.len() >= self.part_bytes {
                let full = std::mem::replace(&mut self.buf, Vec::with_capacity(self.part_bytes + self.part_bytes / 8));
                (self.emit)(full);
            }
        }
        if !rows.is_empty() {
            self.buf.push(b'\n');
        }
        self.buf.push(b']');
        Ok(())
    }
}

/// The JSON export as one string (see [`write_json`] for its layout). The
/// page's "Export JSON" and `prisme analyse --json` write exactly these bytes.
pub fn to_json(analysis: &Analysis) -> String {
    let mut out = Vec::new();
    match write_json(analysis, 1 << 20, &mut |part| out.extend_from_slice(&part)) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}

/// One CSV table per list of the `Analysis`: `(file name, contents)`.
/// References are written as ids and names, not indices, for spreadsheets.
pub fn to_csv_tables(a: &Analysis) -> Vec<(String, String)> {
    let doc_id = |d: u32| a.documents.get(d as usize).map_or("", |d| d.id.as_str());
    let actor_id = |x: u32| a.actors.get(x as usize).map_or("", |r| r.id.as_str());
    let scope = |s: Scope| match s {
        Scope::Document(d) => ("document", doc_id(d)),
        Scope::Source(s) => ("source", a.source_name(s)),
        Scope::Group => ("group", ""),
    };
    let mut tables = Vec::new();
    let mut t = table(&["id", "name", "title", "source", "date", "language", "words", "sentences"]);
    for d in &a.documents {
        row(&mut t, &[&d.id, &d.name, &d.title, a.source_name(d.source), &d.date, &d.language, &d.words.to_string(), &d.sentences.to_string()]);
    }
    tables.push(("documents.csv".to_string(), t));

    let mut t = table(&["actor", "name", "kind", "document", "mentions"]);
    for ac in &a.actors {
        for (doc, n) in &ac.mentions {
            row(&mut t, &[&ac.id, &ac.name, &ac.kind, doc_id(*doc), &n.to_string()]);
        }
    }
    tables.push(("actors.csv".to_string(), t));

    let mut t = table(&["actor", "document", "start", "end", "surface", "sentence", "form"]);
    for m in &a.mentions {
        let surface = a.documents.get(m.document as usize).map_or("", |d| m.span.slice(&d.text));
        row(&mut t, &[actor_id(m.actor), doc_id(m.document), &m.span.start.to_string(), &m.span.end.to_string(), surface, &m.sentence.to_string(), m.form.as_str()]);
    }
    tables.push(("mentions.csv".to_string(), t));

    let mut t = table(&["actor", "scope", "of", "score", "mentions", "confidence", "uncertain", "agent", "victim", "recipient", "neutral", "quoted"]);
    for s in &a.sentiment {
        let (kind, of) = scope(s.scope);
        let r = &s.roles;
        let fields = [
            actor_id(s.actor).to_string(),
            kind.to_string(),
            of.to_string(),
            s.score.to_string(),
            s.mentions.to_string(),
            s.confidence.to_string(),
            s.uncertain.to_string(),
            r.agent.to_string(),
            r.victim.to_string(),
            r.recipient.to_string(),
            r.neutral.to_string(),
            s.quoted.to_string(),
        ];
        row(&mut t, &fields.each_ref().map(|f| f.as_str()));
    }
    tables.push(("sentiment.csv".to_string(), t));

    let mut t = table(&["scope", "of", "term", "count", "keyness", "rank", "key", "language", "direction", "log_ratio", "reference_count", "significant"]);
    for k in &a.keywords {
        let (kind, of) = scope(k.scope);
        let direction = match k.direction {
            super::analysis::Direction::Over => "over",
            super::analysis::Direction::Under => "under",
        };
        row(
            &mut t,
            &[
                kind,
                of,
                &k.term,
                &k.count.to_string(),
                &k.keyness.to_string(),
                &k.rank.to_string(),
                &k.key,
                k.language.as_str(),
                direction,
                &k.log_ratio.to_string(),
                &k.reference_count.to_string(),
                &k.significant.to_string(),
            ],
        );
    }
    tables.push(("keywords.csv".to_string(), t));

    let mut t = table(&["actor", "document", "label", "count"]);
    for l in &a.labels {
        row(&mut t, &[actor_id(l.actor), doc_id(l.document), &l.label, &l.count.to_string()]);
    }
    tables.push(("labels.csv".to_string(), t));

    let mut t = table(&["scope", "of", "frame", "score", "count"]);
    for f in &a.frames {
        let (kind, of) = scope(f.scope);
        row(&mut t, &[kind, of, f.frame.id(), &f.score.to_string(), &f.count.to_string()]);
    }
    tables.push(("frames.csv".to_string(), t));

    let mut t = table(&["document", "kind", "marker", "start", "end", "device", "sentence", "actors"]);
    for m in &a.markers {
        let actors: Vec<&str> = m.actors.iter().map(|&x| actor_id(x)).collect();
        let fields = [
            doc_id(m.document).to_string(),
            m.kind.as_str().to_string(),
            m.marker.clone(),
            m.span.start.to_string(),
            m.span.end.to_string(),
            m.device.as_str().to_string(),
            m.sentence.to_string(),
            actors.join(" "),
        ];
        row(&mut t, &fields.each_ref().map(|f| f.as_str()));
    }
    tables.push(("markers.csv".to_string(), t));

    let mut t = table(&["a", "b", "document", "sentences"]);
    for c in &a.cooccurrences {
        row(&mut t, &[actor_id(c.a), actor_id(c.b), doc_id(c.document), &c.sentences.to_string()]);
    }
    tables.push(("cooccurrences.csv".to_string(), t));
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
    zip_csv_tables(&to_csv_tables(a))
}

/// Tables from [`to_csv_tables`] packed as [`to_csv_zip`] packs them. The page
/// writes the tables and its worker packs them, so that the page's wasm does
/// not carry a ZIP writer.
pub fn zip_csv_tables(tables: &[(String, String)]) -> Vec<u8> {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, contents) in tables {
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
