//! The printable report: one self-contained HTML file (no script, no outside
//! resource) with the corpus, the actors per source, sentiment, key terms,
//! frames and markers, and a record of the settings and of the exact data
//! files (lexicons, gazetteer, cue lists) the analysis used.

use super::analysis::{Analysis, Direction, Frame, MarkerKind};
use super::Config;
use std::fmt::Write;

include!(concat!(env!("OUT_DIR"), "/data_manifest.rs"));

/// Rows per table: enough for a printed page per section.
const REPORT_ACTORS: usize = 25;
const REPORT_SENTIMENT_ACTORS: usize = 15;
const REPORT_TERMS: usize = 10;

/// The data files built into this program: (path under `data/`, bytes, fingerprint).
pub fn data_files() -> &'static [(&'static str, usize, &'static str)] {
    DATA_FILES
}

struct Labels {
    title: &'static str,
    generated_by: &'static str,
    documents: &'static str,
    source: &'static str,
    date: &'static str,
    language: &'static str,
    words: &'static str,
    actors: &'static str,
    actor: &'static str,
    kind: &'static str,
    total: &'static str,
    sentiment: &'static str,
    sentiment_note: &'static str,
    key_terms: &'static str,
    frames: &'static str,
    frame: &'static str,
    markers: &'static str,
    settings: &'static str,
    data: &'static str,
    file: &'static str,
    bytes: &'static str,
    fingerprint: &'static str,
    privacy: &'static str,
}

const EN: Labels = Labels {
    title: "Prisme report",
    generated_by: "Written by",
    documents: "Documents",
    source: "Source",
    date: "Date",
    language: "Language",
    words: "Words",
    actors: "Actors: mentions per source",
    actor: "Actor",
    kind: "Kind",
    total: "Total",
    sentiment: "Sentiment toward each actor, per source",
    sentiment_note: "From −1 (treated wholly negatively) to +1 (wholly positively); “?” marks a score resting on one or two mentions.",
    key_terms: "Key terms per source (over-used, significant at p < 0.05)",
    frames: "Frames per source (cues per 1,000 words)",
    frame: "Frame",
    markers: "Hedges, distancing and certainty per source",
    settings: "Settings",
    data: "Data files used",
    file: "File",
    bytes: "Bytes",
    fingerprint: "Fingerprint (FNV-1a 64)",
    privacy: "Made with Prisme, which analyses texts on the reader's own computer: they are never sent anywhere.",
};

const FR: Labels = Labels {
    title: "Rapport Prisme",
    generated_by: "Produit par",
    documents: "Documents",
    source: "Source",
    date: "Date",
    language: "Langue",
    words: "Mots",
    actors: "Acteurs : mentions par source",
    actor: "Acteur",
    kind: "Type",
    total: "Total",
    sentiment: "Sentiment envers chaque acteur, par source",
    sentiment_note: "De −1 (traité de façon entièrement négative) à +1 (entièrement positive) ; « ? » signale un score fondé sur une ou deux mentions.",
    key_terms: "Termes clés par source (sur-employés, significatifs à p < 0,05)",
    frames: "Cadres par source (indices pour 1 000 mots)",
    frame: "Cadre",
    markers: "Précautions, mise à distance et certitude par source",
    settings: "Réglages",
    data: "Fichiers de données utilisés",
    file: "Fichier",
    bytes: "Octets",
    fingerprint: "Empreinte (FNV-1a 64)",
    privacy: "Produit avec Prisme, qui analyse les textes sur l’ordinateur même du lecteur : ils ne sont envoyés nulle part.",
};

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1d1d1f;margin:2rem auto;max-width:60rem;line-height:1.4}\
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:2px solid #d6d8db;padding-bottom:.2rem}\
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0}th,td{border-bottom:1px solid #d6d8db;padding:.25rem .5rem;text-align:left;vertical-align:top}\
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}th{overflow-wrap:anywhere}th.n{max-width:7rem;font-size:.8rem}.neg{color:#a3400a}.pos{color:#005a8c}.muted{color:#555a60;font-size:.85rem}\
pre{background:#f3f4f5;padding:.6rem;font-size:.8rem;white-space:pre-wrap}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}}";

/// The report as one HTML page in `lang` (`fr` or anything else for English).
pub fn to_report_html(a: &Analysis, config: &Config, lang: &str) -> String {
    let l = if lang.starts_with("fr") { &FR } else { &EN };
    // Sources in the order their first document comes.
    let mut sources: Vec<u32> = Vec::new();
    for d in &a.documents {
        if !sources.contains(&d.source) {
            sources.push(d.source);
        }
    }
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>",
        if lang.starts_with("fr") { "fr" } else { "en" },
        l.title
    );
    let _ = write!(h, "<h1>{}</h1><p class=\"muted\">{} {} · schema {} · {}</p>", l.title, l.generated_by, esc(&a.generator), a.schema_version, l.privacy);

    // Documents.
    let _ = write!(h, "<h2>{}</h2><table><tr><th>id</th><th>{}</th><th>{}</th><th>{}</th><th class=\"n\">{}</th></tr>", l.documents, l.source, l.date, l.language, l.words);
    for d in &a.documents {
        let _ = write!(h, "<tr><td>{}<br><span class=\"muted\">{}</span></td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>", esc(&d.id), esc(&d.title), esc(a.source_name(d.source)), esc(&d.date), esc(&d.language), d.words);
    }
    h.push_str("</table>");

    // Actors per source.
    let header: String = sources.iter().map(|&s| format!("<th class=\"n\">{}</th>", esc(a.source_name(s)))).collect();
    let _ = write!(h, "<h2>{}</h2><table><tr><th>{}</th><th>{}</th>{header}<th class=\"n\">{}</th></tr>", l.actors, l.actor, l.kind, l.total);
    for r in a.actors.iter().filter(|r| r.total > 0).take(REPORT_ACTORS) {
        let cells: String = sources.iter().map(|&s| format!("<td class=\"n\">{}</td>", r.mentions_in_source(s))).collect();
        let _ = write!(h, "<tr><td>{}</td><td>{}</td>{cells}<td class=\"n\">{}</td></tr>", esc(&r.name), esc(&r.kind), r.total);
    }
    h.push_str("</table>");

    // Sentiment per actor and source.
    // Each actor's row per source (a document standing for itself: its document's row).
    let found = super::lookup::Lookup::new(a);
    let by_source = |actor: u32, source: u32| found.source_sentiment(actor, source).and_then(|i| a.sentiment.get(i as usize));
    let with_rows: Vec<u32> = (0..a.actors.len() as u32).filter(|&i| found.is_scored(i)).collect();
    let scored: Vec<(u32, &super::analysis::ActorRow)> =
        with_rows.into_iter().filter_map(|i| a.actors.get(i as usize).map(|r| (i, r))).take(REPORT_SENTIMENT_ACTORS).collect();
    if !scored.is_empty() {
        let _ = write!(h, "<h2>{}</h2><p class=\"muted\">{}</p><table><tr><th>{}</th>{header}</tr>", l.sentiment, l.sentiment_note, l.actor);
        for (i, r) in scored {
            h.push_str(&format!("<tr><td>{}</td>", esc(&r.name)));
            for &s in &sources {
                match by_source(i, s) {
                    Some(x) => {
                        let class = if x.score < 0.0 { "neg" } else if x.score > 0.0 { "pos" } else { "" };
                        let _ = write!(h, "<td class=\"n {class}\">{:+.2}{}</td>", x.score, if x.uncertain { " ?" } else { "" });
                    }
                    None => h.push_str("<td class=\"n\">—</td>"),
                }
            }
            h.push_str("</tr>");
        }
        h.push_str("</table>");
    }

    // Key terms per source (a single-document source uses its document's rows).
    let _ = write!(h, "<h2>{}</h2><table><tr>{}</tr><tr>", l.key_terms, sources.iter().map(|&s| format!("<th>{}</th>", esc(a.source_name(s)))).collect::<String>());
    for &s in &sources {
        let rows = a.keywords_of_source(s, Direction::Over);
        let list: String = rows
            .iter()
            .filter(|k| k.significant)
            .take(REPORT_TERMS)
            .map(|k| format!("{} <span class=\"muted\">({})</span><br>", esc(&k.term), k.count))
            .collect();
        let _ = write!(h, "<td>{list}</td>");
    }
    h.push_str("</tr></table>");

    // Frames per source.
    if !a.frames.is_empty() {
        let _ = write!(h, "<h2>{}</h2><table><tr><th>{}</th>{header}</tr>", l.frames, l.frame);
        for (info, frame) in super::FRAMES.iter().zip(Frame::ALL) {
            let name = if lang.starts_with("fr") { info.name_fr } else { info.name };
            let cells: String = sources.iter().map(|&s| format!("<td class=\"n\">{:.1}</td>", a.frame_score_of_source(frame, s))).collect();
            let _ = write!(h, "<tr><td>{}</td>{cells}</tr>", esc(name));
        }
        h.push_str("</table>");
    }

    // Markers per source.
    let source_of = |doc: u32| a.documents.get(doc as usize).map(|d| d.source);
    let _ = write!(h, "<h2>{}</h2><table><tr><th></th>{header}</tr>", l.markers);
    for kind in [MarkerKind::Hedge, MarkerKind::Distancing, MarkerKind::Certainty] {
        let cells: String = sources
            .iter()
            .map(|&s| {
                let found: Vec<&str> = a.markers.iter().filter(|m| m.kind == kind && source_of(m.document) == Some(s)).map(|m| m.marker.as_str()).collect();
                let mut examples: Vec<&str> = Vec::new();
                for m in &found {
                    if !examples.contains(m) && examples.len() < 4 {
                        examples.push(m);
                    }
                }
                format!("<td><b>{}</b> <span class=\"muted\">{}</span></td>", found.len(), esc(&examples.join(" · ")))
            })
            .collect();
        let _ = write!(h, "<tr><th>{}</th>{cells}</tr>", kind.as_str());
    }
    h.push_str("</table>");

    // What was used: settings and data files.
    let settings = serde_json::to_string_pretty(config).unwrap_or_default();
    let _ = write!(h, "<h2>{}</h2><pre>{}</pre>", l.settings, esc(&settings));
    let _ = write!(h, "<h2>{}</h2><table><tr><th>{}</th><th class=\"n\">{}</th><th>{}</th></tr>", l.data, l.file, l.bytes, l.fingerprint);
    for (file, bytes, hash) in DATA_FILES {
        let _ = write!(h, "<tr><td>data/{}</td><td class=\"n\">{bytes}</td><td><code>{hash}</code></td></tr>", esc(file));
    }
    h.push_str("</table></body></html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{analyse, from_pasted};

    #[test]
    fn the_report_is_self_contained_and_records_what_was_used() {
        let doc = from_pasted(1, "Moscou accuse Washington de mentir sur la crise. <script>alert(1)</script> Selon Moscou, les États-Unis ont menti dans cette affaire.").unwrap();
        let a = analyse(&[doc], &Config::default());
        let html = to_report_html(&a, &Config::default(), "fr");
        assert!(html.starts_with("<!doctype html><html lang=\"fr\">"));
        assert!(html.contains("Rapport Prisme"));
        // Text from a document never becomes markup.
        assert!(!html.contains("<script>"));
        // No outside resource and no script of its own.
        assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"));
        // The settings and every built-in data file with its fingerprint.
        assert!(html.contains("institutions_as_state"));
        assert!(DATA_FILES.iter().any(|(f, _, _)| *f == "lexicon/sentiment_fr.tsv"));
        for (file, _, hash) in DATA_FILES {
            assert!(html.contains(&format!("data/{file}")) && html.contains(hash));
        }
        // The actors per source.
        assert!(html.contains("<td>Russie</td>") && html.contains("<td>États-Unis</td>"));
    }

    #[test]
    fn a_text_that_is_its_own_source_has_its_sentiment_in_the_report() {
        // No source named: the text is its own source, scored by its document rows.
        let doc = from_pasted(1, "Moscou accuse Washington de mentir et de tuer des civils.").unwrap();
        let a = analyse(&[doc], &Config::default());
        assert!(a.sentiment.iter().all(|r| !matches!(r.scope, crate::engine::Scope::Source(_))));
        let html = to_report_html(&a, &Config::default(), "fr");
        let table = html.split("Sentiment envers chaque acteur, par source").nth(1).expect("a sentiment table");
        let table = &table[..table.find("</table>").expect("its end")];
        // The accused United States: a negative score, not a gap.
        let us = table.split("<tr>").find(|row| row.contains("<td>États-Unis</td>")).expect("a row for the United States");
        assert!(us.contains("class=\"n neg\""), "{us}");
    }
}
