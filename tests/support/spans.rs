//! Checks shared by tests/robustness.rs and the fuzz targets: every span an
//! `Analysis` carries points at real text, on character boundaries, every
//! reference to a document, source or actor points inside its list, and the
//! value survives a JSON round trip. Returns the first problem found.

use prisme::engine::{to_json, Analysis, Scope, Span};

fn fits(text: &str, span: Span) -> bool {
    span.start <= span.end && span.end() <= text.len() && text.is_char_boundary(span.start()) && text.is_char_boundary(span.end())
}

/// `Err` names the row and the span or reference that does not fit.
pub fn check_analysis(a: &Analysis) -> Result<(), String> {
    let text_of = |d: u32| a.documents.get(d as usize).map(|d| &*d.text);
    let need = |what: &str, doc: u32, span: Span| -> Result<(), String> {
        let text = text_of(doc).ok_or_else(|| format!("{what}: no document {doc}"))?;
        if fits(text, span) {
            Ok(())
        } else {
            Err(format!("{what} in document {doc}: span {span:?} does not fit a text of {} bytes on char boundaries", text.len()))
        }
    };
    let actor = |what: &str, x: u32| -> Result<(), String> {
        if (x as usize) < a.actors.len() {
            Ok(())
        } else {
            Err(format!("{what}: no actor {x}"))
        }
    };
    let scope = |what: &str, s: Scope| -> Result<(), String> {
        match s {
            Scope::Document(d) if (d as usize) < a.documents.len() => Ok(()),
            Scope::Source(x) if (x as usize) < a.sources.len() => Ok(()),
            Scope::Group => Ok(()),
            other => Err(format!("{what}: scope {other:?} names nothing")),
        }
    };
    for (i, d) in a.documents.iter().enumerate() {
        let i = i as u32;
        need("body", i, d.body)?;
        for r in &d.removed {
            need("removed", i, r.span)?;
        }
        let source = a.sources.get(d.source as usize).ok_or_else(|| format!("document {i}: no source {}", d.source))?;
        if !source.documents.contains(&i) {
            return Err(format!("document {i} is not among its source's documents"));
        }
    }
    for m in &a.mentions {
        need("mention", m.document, m.span)?;
        actor("mention", m.actor)?;
        if m.span.is_empty() {
            return Err(format!("empty mention at {:?}", m.span));
        }
        let surface = m.span.slice(text_of(m.document).unwrap_or(""));
        if !a.actors[m.actor as usize].aliases.iter().any(|s| s == surface) {
            return Err(format!("mention {surface:?} is not among its actor's spellings"));
        }
    }
    for s in &a.sentiment {
        actor("sentiment", s.actor)?;
        scope("sentiment", s.scope)?;
        if !s.score.is_finite() || !(-1.0..=1.0).contains(&s.score) {
            return Err(format!("sentiment score {} out of [-1, 1]", s.score));
        }
    }
    for e in &a.sentiment_evidence {
        actor("evidence", e.actor)?;
        need("evidence mention", e.document, e.mention)?;
        need("evidence sentence", e.document, e.sentence)?;
        for c in &e.cues {
            need("cue", e.document, c.span)?;
            if c.span.slice(text_of(e.document).unwrap_or("")).is_empty() {
                return Err(format!("empty cue at {:?}", c.span));
            }
            if !c.weight.is_finite() {
                return Err(format!("cue weight {} not finite", c.weight));
            }
        }
        if let Some(sp) = e.speaker {
            need("speaker", e.document, sp)?;
        }
        if !e.rest.is_finite() || !e.score.is_finite() {
            return Err("evidence row with a non-finite number".into());
        }
    }
    for m in &a.markers {
        need("marker", m.document, m.span)?;
        for &x in &m.actors {
            actor("marker", x)?;
        }
    }
    for f in &a.frames {
        scope("frame", f.scope)?;
        if let Scope::Document(d) = f.scope {
            for s in f.evidence.iter().chain(&f.cues) {
                need("frame evidence", d, *s)?;
            }
        }
        if !f.score.is_finite() {
            return Err("frame score not finite".into());
        }
    }
    for k in &a.keywords {
        scope("keyword", k.scope)?;
        if k.term.trim().is_empty() || !k.keyness.is_finite() || k.keyness < 0.0 || !k.log_ratio.is_finite() {
            return Err(format!("keyword row {:?}", k.term));
        }
    }
    for c in &a.cooccurrences {
        actor("co-occurrence", c.a)?;
        actor("co-occurrence", c.b)?;
        text_of(c.document).ok_or_else(|| format!("co-occurrence: no document {}", c.document))?;
    }
    let json = to_json(a);
    let back = serde_json::from_str::<Analysis>(&json).map_err(|e| format!("the JSON export does not read back: {e}"))?;
    if back != *a {
        return Err("the JSON export reads back as another analysis".into());
    }
    Ok(())
}
