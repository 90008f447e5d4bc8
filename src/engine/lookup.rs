//! Ways into an `Analysis` built once: the rows of each actor and each
//! document, each actor's score per source, the actors named together. The
//! page and the report read an analysis of hundreds of thousands of rows many
//! times; a scan of every row per actor and source would freeze the page.

use super::analysis::{Analysis, Scope};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Indices into the lists of one `Analysis` (build it with [`Lookup::new`];
/// it holds no reference, so keep it beside the analysis it was built from).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lookup {
    /// Actor index by id.
    actor_by_id: FxHashMap<String, u32>,
    /// Sources in the order their first document comes.
    pub sources_in_order: Vec<u32>,
    /// Per actor: its rows in `mentions`, in text order.
    pub mentions_of_actor: Vec<Vec<u32>>,
    /// Per document: its rows in `mentions` (they are sorted by document).
    pub mentions_of_document: Vec<Range<u32>>,
    /// Per actor: its rows in `sentiment_evidence`, in mention order.
    pub evidence_of_actor: Vec<Vec<u32>>,
    /// Per document: its rows in `sentiment_evidence`.
    pub evidence_of_document: Vec<Vec<u32>>,
    /// (actor, source) → its source row in `sentiment`.
    source_sentiment: FxHashMap<(u32, u32), u32>,
    /// Per actor: the actors named in the same sentences, with how many
    /// sentences (summed over documents), most first.
    pub companions: Vec<Vec<(u32, usize)>>,
    /// Per actor: its rows in `labels`.
    pub labels_of_actor: Vec<Vec<u32>>,
    /// Document index by id.
    document_by_id: FxHashMap<String, u32>,
    /// Per actor: whether some source scores it.
    scored: Vec<bool>,
    /// Per source: its words (as `Analysis::sources`), to pick the largest.
    source_words: Vec<usize>,
}

impl Lookup {
    pub fn new(a: &Analysis) -> Lookup {
        let actors = a.actors.len();
        let documents = a.documents.len();
        let actor_by_id = a.actors.iter().enumerate().map(|(i, r)| (r.id.clone(), i as u32)).collect();
        let mut sources_in_order = Vec::new();
        let mut seen = vec![false; a.sources.len()];
        for d in &a.documents {
            if let Some(s) = seen.get_mut(d.source as usize) {
                if !*s {
                    *s = true;
                    sources_in_order.push(d.source);
                }
            }
        }
        let mut mentions_of_actor = vec![Vec::new(); actors];
        let mut mentions_of_document = vec![0..0; documents];
        for (i, m) in a.mentions.iter().enumerate() {
            if let Some(v) = mentions_of_actor.get_mut(m.actor as usize) {
                v.push(i as u32);
            }
            if let Some(r) = mentions_of_document.get_mut(m.document as usize) {
                if r.start == r.end {
                    *r = i as u32..i as u32 + 1;
                } else {
                    r.end = i as u32 + 1;
                }
            }
        }
        let mut evidence_of_actor = vec![Vec::new(); actors];
        let mut evidence_of_document = vec![Vec::new(); documents];
        for (i, e) in a.sentiment_evidence.iter().enumerate() {
            if let Some(v) = evidence_of_actor.get_mut(e.actor as usize) {
                v.push(i as u32);
            }
            if let Some(v) = evidence_of_document.get_mut(e.document as usize) {
                v.push(i as u32);
            }
        }
        let document_by_id = a.documents.iter().enumerate().map(|(i, d)| (d.id.clone(), i as u32)).collect();
        let source_words = a.sources.iter().map(|s| s.words).collect();
        // A source that is one document standing for itself has no rows of
        // its own: its document's rows score it.
        let for_itself: Vec<bool> = a.sources.iter().map(|s| s.stands_for_itself(&a.documents)).collect();
        let mut source_sentiment: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        for (i, r) in a.sentiment.iter().enumerate() {
            let source = match r.scope {
                Scope::Source(s) => Some(s),
                Scope::Document(d) => a
                    .documents
                    .get(d as usize)
                    .map(|doc| doc.source)
                    .filter(|&s| for_itself.get(s as usize).copied().unwrap_or(false)),
                Scope::Group => None,
            };
            if let Some(s) = source {
                source_sentiment.insert((r.actor, s), i as u32);
            }
        }
        let mut scored = vec![false; actors];
        for &(actor, _) in source_sentiment.keys() {
            if let Some(x) = scored.get_mut(actor as usize) {
                *x = true;
            }
        }
        let mut together: FxHashMap<(u32, u32), usize> = FxHashMap::default();
        for c in &a.cooccurrences {
            *together.entry((c.a, c.b)).or_default() += c.sentences;
        }
        let mut companions = vec![Vec::new(); actors];
        for (&(x, y), &n) in &together {
            for (one, other) in [(x, y), (y, x)] {
                if let Some(v) = companions.get_mut(one as usize) {
                    v.push((other, n));
                }
            }
        }
        for v in &mut companions {
            v.sort_by(|p, q| q.1.cmp(&p.1).then(p.0.cmp(&q.0)));
        }
        let mut labels_of_actor = vec![Vec::new(); actors];
        for (i, l) in a.labels.iter().enumerate() {
            if let Some(v) = labels_of_actor.get_mut(l.actor as usize) {
                v.push(i as u32);
            }
        }
        Lookup {
            actor_by_id,
            sources_in_order,
            mentions_of_actor,
            mentions_of_document,
            evidence_of_actor,
            evidence_of_document,
            source_sentiment,
            companions,
            labels_of_actor,
            document_by_id,
            scored,
            source_words,
        }
    }

    /// The index of the actor with this id.
    pub fn actor(&self, id: &str) -> Option<u32> {
        self.actor_by_id.get(id).copied()
    }

    /// The row of `sentiment` that scores `actor` over source `source`.
    pub fn source_sentiment(&self, actor: u32, source: u32) -> Option<u32> {
        self.source_sentiment.get(&(actor, source)).copied()
    }

    /// True when the actor has a score in some source.
    pub fn is_scored(&self, actor: u32) -> bool {
        self.scored.get(actor as usize).copied().unwrap_or(false)
    }

    /// The index of the document with this id.
    pub fn document(&self, id: &str) -> Option<u32> {
        self.document_by_id.get(id).copied()
    }

    /// The sources to draw side by side: all of them when there are at most
    /// `most`; otherwise the `most` with the most words, in
    /// [`Lookup::sources_in_order`]'s order. A folder of files without source
    /// names makes each file a source: thousands of columns nobody can read,
    /// which would also take the page seconds to draw.
    pub fn sources_shown(&self, most: usize) -> Vec<u32> {
        if self.sources_in_order.len() <= most {
            return self.sources_in_order.clone();
        }
        let words = |s: u32| self.source_words.get(s as usize).copied().unwrap_or(0);
        let mut largest = self.sources_in_order.clone();
        // Most words first; ties by order of appearance.
        largest.sort_by_key(|&s| std::cmp::Reverse(words(s)));
        largest.truncate(most);
        let mut keep = vec![false; self.source_words.len()];
        for &s in &largest {
            if let Some(k) = keep.get_mut(s as usize) {
                *k = true;
            }
        }
        self.sources_in_order.iter().copied().filter(|&s| keep.get(s as usize).copied().unwrap_or(false)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{analyse, from_pasted, Config};

    #[test]
    fn every_row_is_found_by_its_actor_and_document() {
        let mut one = from_pasted(1, "Moscou accuse Washington. Washington répond à Moscou et à Ankara.").unwrap();
        one.source = "B".into();
        let mut two = from_pasted(2, "Ankara soutient Washington contre Moscou.").unwrap();
        two.source = "A".into();
        let a = analyse(&[one, two], &Config::default());
        let l = Lookup::new(&a);
        // Sources come in document order, though "A" sorts first by name.
        assert_eq!(l.sources_in_order.iter().map(|&s| a.source_name(s)).collect::<Vec<_>>(), ["B", "A"]);
        for (i, m) in a.mentions.iter().enumerate() {
            assert!(l.mentions_of_actor[m.actor as usize].contains(&(i as u32)));
            assert!(l.mentions_of_document[m.document as usize].contains(&(i as u32)));
        }
        let us = l.actor("Q30").expect("the United States");
        assert_eq!(l.mentions_of_actor[us as usize].len(), 3);
        let row = &a.sentiment[l.source_sentiment(us, a.source_index("B").unwrap()).unwrap() as usize];
        assert_eq!((row.actor, row.scope, row.mentions), (us, Scope::Source(a.source_index("B").unwrap()), 2));
        // Russia and the United States share three sentences, Turkey and the United States two.
        let ru = l.actor("Q159").unwrap();
        let tr = l.actor("Q43").unwrap();
        assert_eq!(l.companions[us as usize][0], (ru, 3));
        assert!(l.companions[us as usize].contains(&(tr, 2)));
        assert!(l.is_scored(us));
    }

    #[test]
    fn a_document_standing_for_itself_is_scored_by_its_document_rows() {
        // Two texts without a source (each is its own source) and one from "B".
        let one = from_pasted(1, "Washington accuse Moscou. Moscou dénonce Washington.").unwrap();
        let two = from_pasted(2, "Ankara soutient Washington.").unwrap();
        let mut three = from_pasted(3, "Washington répond à Ankara.").unwrap();
        three.source = "B".into();
        let a = analyse(&[one, two, three], &Config::default());
        let l = Lookup::new(&a);
        let us = l.actor("Q30").expect("the United States");
        let own = |d: usize| a.documents[d].source;
        // No source rows repeat the first two documents' rows…
        assert!(!a.sentiment.iter().any(|r| r.scope == Scope::Source(own(0)) || r.scope == Scope::Source(own(1))));
        // …yet each of those sources scores the United States, by its document's row.
        let row = |s: u32| &a.sentiment[l.source_sentiment(us, s).expect("a row") as usize];
        assert_eq!((row(own(0)).scope, row(own(0)).mentions), (Scope::Document(0), 2));
        assert_eq!((row(own(1)).scope, row(own(1)).mentions), (Scope::Document(1), 1));
        // A named source keeps its own row, even with one document.
        assert_eq!(row(own(2)).scope, Scope::Source(own(2)));
        assert!(l.is_scored(l.actor("Q43").expect("Turkey")));
    }

    #[test]
    fn many_sources_show_the_largest_in_their_order_and_documents_are_found_by_id() {
        // Four sources of 1, 6, 2 and 4 words, in that order.
        let texts = ["Moscou.", "Ankara répond vite à Washington aujourd’hui.", "Moscou répond.", "Washington accuse Ankara encore."];
        let docs: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut d = from_pasted(i + 1, t).unwrap();
                d.source = format!("S{i}");
                d
            })
            .collect();
        let a = analyse(&docs, &Config::default());
        let l = Lookup::new(&a);
        let names = |v: Vec<u32>| v.into_iter().map(|s| a.source_name(s).to_string()).collect::<Vec<_>>();
        assert_eq!(names(l.sources_shown(4)), ["S0", "S1", "S2", "S3"]);
        // The two with most words, S1 (6) and S3 (4), still in document order.
        assert_eq!(names(l.sources_shown(2)), ["S1", "S3"]);
        assert_eq!(names(l.sources_shown(3)), ["S1", "S2", "S3"]);
        for (i, d) in a.documents.iter().enumerate() {
            assert_eq!(l.document(&d.id), Some(i as u32));
        }
        assert_eq!(l.document("no such document"), None);
    }
}
