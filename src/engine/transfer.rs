//! An `Analysis` cut into parts of bounded size and put back together: how
//! the worker hands a large analysis to the page. One JSON text of a 50 MB
//! corpus's analysis is hundreds of megabytes: building it needs that much
//! memory again on each side, and reading it takes seconds during which the
//! page cannot respond. Parts of about a megabyte each are read one message,
//! hence one task, at a time.
//!
//! A part is a list name, a line break, then a JSON array of that list's rows
//! (`head` holds the schema version and generator as an object). Rows keep
//! their order; a long list takes several parts.

use super::analysis::Analysis;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Head {
    schema_version: u32,
    generator: String,
}

/// Writes `analysis` as parts of about `max_bytes` each (a single row may make
/// a part larger), each starting with `prefix`, and hands each to `emit`.
pub fn write_parts(analysis: &Analysis, max_bytes: usize, prefix: &[u8], emit: &mut dyn FnMut(Vec<u8>)) -> serde_json::Result<()> {
    // Destructured so that a new list cannot be left out.
    let Analysis {
        schema_version,
        generator,
        documents,
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
    let mut head = prefix.to_vec();
    head.extend_from_slice(b"head\n");
    serde_json::to_writer(&mut head, &Head { schema_version: *schema_version, generator: generator.clone() })?;
    emit(head);
    let mut w = Writer { max_bytes, prefix, emit };
    w.list("documents", documents)?;
    w.list("actors", actors)?;
    w.list("mentions", mentions)?;
    w.list("sentiment", sentiment)?;
    w.list("keywords", keywords)?;
    w.list("labels", labels)?;
    w.list("frames", frames)?;
    w.list("markers", markers)?;
    w.list("cooccurrences", cooccurrences)?;
    w.list("sentiment_evidence", sentiment_evidence)
}

struct Writer<'a, 'e> {
    max_bytes: usize,
    prefix: &'a [u8],
    emit: &'a mut (dyn FnMut(Vec<u8>) + 'e),
}

impl Writer<'_, '_> {
    fn list<T: Serialize>(&mut self, name: &str, rows: &[T]) -> serde_json::Result<()> {
        let mut part: Option<Vec<u8>> = None;
        for row in rows {
            let buf = part.get_or_insert_with(|| {
                let mut b = Vec::with_capacity(self.max_bytes + self.max_bytes / 8);
                b.extend_from_slice(self.prefix);
                b.extend_from_slice(name.as_bytes());
                b.extend_from_slice(b"\n[");
                b
            });
            if buf.last() != Some(&b'[') {
                buf.push(b',');
            }
            serde_json::to_writer(&mut *buf, row)?;
            if buf.len() >= self.max_bytes {
                if let Some(mut full) = part.take() {
                    full.push(b']');
                    (self.emit)(full);
                }
            }
        }
        if let Some(mut last) = part {
            last.push(b']');
            (self.emit)(last);
        }
        Ok(())
    }
}

/// An analysis being put back together from its parts.
#[derive(Default)]
pub struct AnalysisParts {
    analysis: Analysis,
}

impl AnalysisParts {
    /// Adds one part (without its prefix). Fails on an unknown list or rows
    /// that do not read.
    pub fn add(&mut self, part: &[u8]) -> Result<(), String> {
        let cut = part.iter().position(|&b| b == b'\n').ok_or("a part with no list name")?;
        let (name, json) = (&part[..cut], &part[cut + 1..]);
        fn rows<T: for<'de> Deserialize<'de>>(json: &[u8], into: &mut Vec<T>) -> Result<(), String> {
            let more: Vec<T> = serde_json::from_slice(json).map_err(|e| e.to_string())?;
            into.extend(more);
            Ok(())
        }
        let a = &mut self.analysis;
        match name {
            b"head" => {
                let head: Head = serde_json::from_slice(json).map_err(|e| e.to_string())?;
                a.schema_version = head.schema_version;
                a.generator = head.generator;
                Ok(())
            }
            b"documents" => rows(json, &mut a.documents),
            b"actors" => rows(json, &mut a.actors),
            b"mentions" => rows(json, &mut a.mentions),
            b"sentiment" => rows(json, &mut a.sentiment),
            b"keywords" => rows(json, &mut a.keywords),
            b"labels" => rows(json, &mut a.labels),
            b"frames" => rows(json, &mut a.frames),
            b"markers" => rows(json, &mut a.markers),
            b"cooccurrences" => rows(json, &mut a.cooccurrences),
            b"sentiment_evidence" => rows(json, &mut a.sentiment_evidence),
            other => Err(format!("unknown list {:?}", String::from_utf8_lossy(other))),
        }
    }

    /// The analysis put back together.
    pub fn finish(self) -> Analysis {
        self.analysis
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{analyse, from_pasted};

    fn sample() -> Analysis {
        let docs = [
            from_pasted(1, "Le régime de Bachar al-Assad a bombardé Idleb. La Turquie dénonce une « attaque barbare » du régime. Le régime nie, le régime ment.").unwrap(),
            from_pasted(2, "Washington condemned the strikes on Idlib. Russia said terrorists were targeted.").unwrap(),
            from_pasted(3, "Selon Moscou, les terroristes d'Idleb préparent une provocation contre le gouvernement syrien. Les terroristes attaquent, les terroristes frappent.").unwrap(),
        ];
        analyse(&docs, &Default::default())
    }

    fn parts_of(a: &Analysis, max_bytes: usize) -> Vec<Vec<u8>> {
        let mut parts = Vec::new();
        write_parts(a, max_bytes, b"7\t", &mut |p| parts.push(p)).unwrap();
        parts
    }

    #[test]
    fn parts_put_back_together_give_the_same_analysis() {
        let a = sample();
        assert!(!a.mentions.is_empty() && !a.sentiment_evidence.is_empty() && !a.keywords.is_empty(), "{} {} {}", a.mentions.len(), a.sentiment_evidence.len(), a.keywords.len());
        for max_bytes in [1, 200, 1 << 20] {
            let parts = parts_of(&a, max_bytes);
            let mut back = AnalysisParts::default();
            for p in &parts {
                assert!(p.starts_with(b"7\t"));
                back.add(&p[2..]).unwrap();
            }
            assert_eq!(back.finish(), a, "max_bytes {max_bytes}");
        }
    }

    #[test]
    fn parts_are_bounded_and_long_lists_are_split() {
        let a = sample();
        let small = parts_of(&a, 200);
        let whole = parts_of(&a, 1 << 30);
        // One part per non-empty list plus the head when nothing is cut…
        let lists = [
            a.documents.len(), a.actors.len(), a.mentions.len(), a.sentiment.len(), a.keywords.len(), a.labels.len(),
            a.frames.len(), a.markers.len(), a.cooccurrences.len(), a.sentiment_evidence.len(),
        ];
        assert_eq!(whole.len(), 1 + lists.iter().filter(|n| **n > 0).count());
        // …and more when parts must stay near 200 bytes.
        assert!(small.len() > whole.len());
        let prefix = b"7\tmentions\n";
        let mentions: Vec<Vec<serde_json::Value>> = small
            .iter()
            .filter(|p| p.starts_with(prefix))
            .map(|p| serde_json::from_slice(&p[prefix.len()..]).unwrap())
            .collect();
        assert!(mentions.len() > 1, "{} mentions in {} parts", a.mentions.len(), mentions.len());
        assert_eq!(mentions.iter().map(Vec::len).sum::<usize>(), a.mentions.len());
        // A part closes as soon as it reaches the bound: without its last row it was under it.
        for (part, rows) in small.iter().filter(|p| p.starts_with(prefix)).zip(&mentions) {
            let last = serde_json::to_vec(rows.last().unwrap()).unwrap().len();
            assert!(part.len() - last - 2 < 200, "{} bytes", part.len());
        }
    }

    #[test]
    fn bad_parts_are_refused() {
        let mut back = AnalysisParts::default();
        assert!(back.add(b"mentions").is_err(), "no line break");
        assert!(back.add(b"nonsense\n[]").is_err());
        assert!(back.add(b"mentions\n[{\"actor\": 3}]").is_err());
        assert!(back.add(b"mentions\n[]").is_ok());
    }
}
