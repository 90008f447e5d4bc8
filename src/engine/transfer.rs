//! An `Analysis` cut into parts of bounded size and put back together: how
//! the worker hands an analysis to the page. Parts are in postcard, a compact
//! binary form of the same rows (numbers as varints, no field names): a
//! fraction of the JSON's size, read many times faster, and each part is read
//! as one message, so the page keeps responding while a large analysis arrives.
//! The JSON export is written from the analysis the page holds.
//!
//! A part is a list name, a line break, the number of rows (a varint) and the
//! rows; `head` holds the schema version, the generator and how many rows each
//! list has in all instead. Rows keep their order; a long list takes several
//! parts.

use super::analysis::Analysis;
use serde::{de::DeserializeOwned, Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Head {
    schema_version: u32,
    generator: String,
    /// The rows of each list, in the order the lists are sent, so the page
    /// reserves each list once at its size rather than growing it part by
    /// part (a list grown by doubling holds up to twice what it needs).
    rows: [u64; 11],
}

/// The most memory a list is given ahead of its rows: a list the head
/// announces as larger grows as its rows come, so a wrong head cannot make
/// the page ask for memory that no rows fill.
const MOST_RESERVED_BYTES: usize = 256 << 20;

/// Writes `analysis` as parts of about `max_bytes` each (a single row may make
/// a part larger), each starting with `prefix`, and hands each to `emit`.
pub fn write_parts(analysis: &Analysis, max_bytes: usize, prefix: &[u8], emit: &mut dyn FnMut(Vec<u8>)) -> Result<(), String> {
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
    let mut head = prefix.to_vec();
    head.extend_from_slice(b"head\n");
    let rows = [
        documents.len(),
        sources.len(),
        actors.len(),
        mentions.len(),
        sentiment.len(),
        keywords.len(),
        labels.len(),
        frames.len(),
        markers.len(),
        cooccurrences.len(),
        sentiment_evidence.len(),
    ]
    .map(|n| n as u64);
    let head = postcard::to_extend(&Head { schema_version: *schema_version, generator: generator.clone(), rows }, head).map_err(|e| e.to_string())?;
    emit(head);
    let mut w = Writer { max_bytes, prefix, emit };
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
    w.list("sentiment_evidence", sentiment_evidence)
}

struct Writer<'a, 'e> {
    max_bytes: usize,
    prefix: &'a [u8],
    emit: &'a mut (dyn FnMut(Vec<u8>) + 'e),
}

impl Writer<'_, '_> {
    fn list<T: Serialize>(&mut self, name: &str, rows: &[T]) -> Result<(), String> {
        let mut start = 0;
        while start < rows.len() {
            // Rows go into a buffer until it is full; the count goes before them.
            let mut body = Vec::with_capacity(self.max_bytes + self.max_bytes / 8);
            let mut end = start;
            while end < rows.len() && (end == start || body.len() < self.max_bytes) {
                body = postcard::to_extend(&rows[end], body).map_err(|e| e.to_string())?;
                end += 1;
            }
            let mut part = Vec::with_capacity(self.prefix.len() + name.len() + 6 + body.len());
            part.extend_from_slice(self.prefix);
            part.extend_from_slice(name.as_bytes());
            part.push(b'\n');
            part = postcard::to_extend(&((end - start) as u64), part).map_err(|e| e.to_string())?;
            part.extend_from_slice(&body);
            (self.emit)(part);
            start = end;
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
        let (name, bytes) = (&part[..cut], &part[cut + 1..]);
        fn rows<T: DeserializeOwned>(bytes: &[u8], into: &mut Vec<T>) -> Result<(), String> {
            let (n, mut rest) = postcard::take_from_bytes::<u64>(bytes).map_err(|e| e.to_string())?;
            into.reserve(n.min(bytes.len() as u64) as usize);
            for _ in 0..n {
                let (row, more) = postcard::take_from_bytes::<T>(rest).map_err(|e| e.to_string())?;
                into.push(row);
                rest = more;
            }
            if rest.is_empty() {
                Ok(())
            } else {
                Err(format!("{} bytes after the last row", rest.len()))
            }
        }
        let a = &mut self.analysis;
        match name {
            b"head" => {
                let head: Head = postcard::from_bytes(bytes).map_err(|e| e.to_string())?;
                a.schema_version = head.schema_version;
                a.generator = head.generator;
                fn reserve<T>(list: &mut Vec<T>, rows: u64) {
                    let most = MOST_RESERVED_BYTES / std::mem::size_of::<T>().max(1);
                    list.reserve_exact(usize::try_from(rows).unwrap_or(usize::MAX).min(most));
                }
                let [documents, sources, actors, mentions, sentiment, keywords, labels, frames, markers, cooccurrences, evidence] = head.rows;
                reserve(&mut a.documents, documents);
                reserve(&mut a.sources, sources);
                reserve(&mut a.actors, actors);
                reserve(&mut a.mentions, mentions);
                reserve(&mut a.sentiment, sentiment);
                reserve(&mut a.keywords, keywords);
                reserve(&mut a.labels, labels);
                reserve(&mut a.frames, frames);
                reserve(&mut a.markers, markers);
                reserve(&mut a.cooccurrences, cooccurrences);
                reserve(&mut a.sentiment_evidence, evidence);
                Ok(())
            }
            b"documents" => rows(bytes, &mut a.documents),
            b"sources" => rows(bytes, &mut a.sources),
            b"actors" => rows(bytes, &mut a.actors),
            b"mentions" => rows(bytes, &mut a.mentions),
            b"sentiment" => rows(bytes, &mut a.sentiment),
            b"keywords" => rows(bytes, &mut a.keywords),
            b"labels" => rows(bytes, &mut a.labels),
            b"frames" => rows(bytes, &mut a.frames),
            b"markers" => rows(bytes, &mut a.markers),
            b"cooccurrences" => rows(bytes, &mut a.cooccurrences),
            b"sentiment_evidence" => rows(bytes, &mut a.sentiment_evidence),
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
        // Rows are a few bytes each: parts of 40 bytes hold a few rows.
        let small = parts_of(&a, 40);
        let whole = parts_of(&a, 1 << 30);
        // One part per non-empty list plus the head when nothing is cut…
        let lists = [
            a.documents.len(), a.sources.len(), a.actors.len(), a.mentions.len(), a.sentiment.len(), a.keywords.len(), a.labels.len(),
            a.frames.len(), a.markers.len(), a.cooccurrences.len(), a.sentiment_evidence.len(),
        ];
        assert_eq!(whole.len(), 1 + lists.iter().filter(|n| **n > 0).count());
        // …and more when parts must stay near 40 bytes.
        assert!(small.len() > whole.len());
        let prefix = b"7\tmentions\n";
        let mention_parts: Vec<&Vec<u8>> = small.iter().filter(|p| p.starts_with(prefix)).collect();
        assert!(mention_parts.len() > 1, "{} mentions in {} parts", a.mentions.len(), mention_parts.len());
        let mut rows = 0;
        for part in mention_parts {
            let (n, mut rest) = postcard::take_from_bytes::<u64>(&part[prefix.len()..]).unwrap();
            rows += n as usize;
            // A part closes as soon as it reaches the bound: without its last row it was under it.
            let mut sizes = Vec::new();
            while !rest.is_empty() {
                let before = rest.len();
                rest = postcard::take_from_bytes::<crate::engine::MentionRow>(rest).unwrap().1;
                sizes.push(before - rest.len());
            }
            assert_eq!(sizes.len(), n as usize);
            let body: usize = sizes.iter().sum();
            assert!(body - sizes.last().unwrap() < 40, "{body} bytes");
        }
        assert_eq!(rows, a.mentions.len());
    }

    #[test]
    fn each_list_is_given_its_room_once() {
        let a = sample();
        let mut back = AnalysisParts::default();
        // Parts of 40 bytes: the mentions and the evidence come in several parts each.
        for p in parts_of(&a, 40) {
            back.add(&p[2..]).unwrap();
        }
        let b = back.finish();
        assert_eq!(b, a);
        // Grown part by part, a list would have room left over.
        assert_eq!(b.mentions.capacity(), b.mentions.len());
        assert_eq!(b.sentiment_evidence.capacity(), b.sentiment_evidence.len());
        assert_eq!(b.keywords.capacity(), b.keywords.len());
    }

    #[test]
    fn a_head_announcing_huge_lists_reserves_a_bounded_room() {
        // Only the evidence is announced, as more rows than memory can hold.
        let mut rows = [0; 11];
        rows[10] = u64::MAX;
        let head = Head { schema_version: 4, generator: "x".into(), rows };
        let mut part = b"head\n".to_vec();
        part = postcard::to_extend(&head, part).unwrap();
        let mut back = AnalysisParts::default();
        back.add(&part).unwrap();
        let bytes = back.analysis.sentiment_evidence.capacity() * std::mem::size_of::<crate::engine::MentionEvidence>();
        assert!(bytes <= MOST_RESERVED_BYTES, "{bytes} bytes reserved");
        // Rows that come still read.
        back.add(b"mentions\n\x00").unwrap();
    }

    #[test]
    fn bad_parts_are_refused() {
        let mut back = AnalysisParts::default();
        assert!(back.add(b"mentions").is_err(), "no line break");
        assert!(back.add(b"nonsense\n\x00").is_err());
        // Two rows announced, none there.
        assert!(back.add(b"mentions\n\x02").is_err());
        // Bytes left after the rows.
        assert!(back.add(b"mentions\n\x00\x01").is_err());
        assert!(back.add(b"mentions\n\x00").is_ok());
    }
}
