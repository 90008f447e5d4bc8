//! Checks shared by tests/robustness.rs and the fuzz targets: every span an
//! `Analysis` carries points at real text, on character boundaries, and the
//! value survives a JSON round trip. Returns the first problem found.

use prisme::engine::{to_json, Analysis, Span};

fn fits(text: &str, span: Span) -> bool {
    span.start <= span.end && span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end)
}

/// `Err` names the row and the span that does not fit its document's text.
pub fn check_analysis(a: &Analysis) -> Result<(), String> {
    let text_of = |id: &str| a.documents.iter().find(|d| d.id == id).map(|d| d.text.as_str());
    let need = |what: &str, doc: &str, span: Span| -> Result<(), String> {
        let text = text_of(doc).ok_or_else(|| format!("{what}: no document {doc:?}"))?;
        if fits(text, span) {
            Ok(())
        } else {
            Err(format!("{what} in {doc:?}: span {span:?} does not fit a text of {} bytes on char boundaries", text.len()))
        }
    };
    for d in &a.documents {
        need("body", &d.id, d.body)?;
        for r in &d.removed {
            need("removed", &d.id, r.span)?;
            if r.span.slice(&d.text) != r.text {
                return Err(format!("removed text differs at {:?}", r.span));
            }
        }
    }
    for m in &a.mentions {
        need("mention", &m.document, m.span)?;
        if m.span.is_empty() {
            return Err(format!("empty mention at {:?}", m.span));
        }
        if m.span.slice(text_of(&m.document).unwrap_or("")) != m.surface {
            return Err(format!("mention surface {:?} differs from its span {:?}", m.surface, m.span));
        }
    }
    for s in &a.sentiment {
        if !s.score.is_finite() || !(-1.0..=1.0).contains(&s.score) {
            return Err(format!("sentiment score {} out of [-1, 1]", s.score));
        }
    }
    for e in &a.sentiment_evidence {
        need("evidence mention", &e.document, e.mention)?;
        need("evidence sentence", &e.document, e.sentence)?;
        for c in &e.cues {
            need("cue", &e.document, c.span)?;
            if c.span.slice(text_of(&e.document).unwrap_or("")) != c.word {
                return Err(format!("cue word {:?} differs from its span {:?}", c.word, c.span));
            }
            if !c.weight.is_finite() {
                return Err(format!("cue weight {} not finite", c.weight));
            }
        }
        if let Some(sp) = e.speaker {
            need("speaker", &e.document, sp)?;
        }
        if !e.rest.is_finite() || !e.score.is_finite() {
            return Err("evidence row with a non-finite number".into());
        }
    }
    for m in &a.markers {
        need("marker", &m.document, m.span)?;
    }
    for f in a.frames.iter().filter(|f| !f.document.is_empty()) {
        for s in f.evidence.iter().chain(&f.cues) {
            need("frame evidence", &f.document, *s)?;
        }
        if !f.score.is_finite() {
            return Err("frame score not finite".into());
        }
    }
    for k in &a.keywords {
        if k.term.trim().is_empty() || !k.keyness.is_finite() || k.keyness < 0.0 || !k.log_ratio.is_finite() {
            return Err(format!("keyword row {:?}", k.term));
        }
        if let Some(doc) = k.scope.strip_prefix("document:") {
            text_of(doc).ok_or_else(|| format!("keyword scope names no document: {doc:?}"))?;
        }
    }
    let json = to_json(a);
    serde_json::from_str::<Analysis>(&json).map_err(|e| format!("the JSON export does not read back: {e}"))?;
    Ok(())
}
