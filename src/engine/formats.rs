//! Text out of marked-up formats: the markup of Markdown (kept in the text,
//! listed as spans), and the plain text of HTML pages and Word files.
//!
//! Nothing is ever executed: HTML is scanned as characters, scripts and
//! styles are skipped unread.

use super::analysis::Span;
use super::intake::{fill_metadata, InputDocument, IntakeError, MAX_FILE_BYTES};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::io::Read;

// ---------------------------------------------------------------- Markdown

/// The spans of `text[body_start..]` that are Markdown markup rather than
/// prose: heading and quote marks, emphasis marks, link brackets and
/// targets, images, raw HTML and Hugo shortcodes (`{{< tweet "…" >}}`).
///
/// pulldown-cmark does the parsing: CommonMark's rules for emphasis, nested
/// links, link titles and escapes are too many to get right by hand, and its
/// offset iterator tells exactly which bytes are prose.
pub(crate) fn markdown_markup(text: &str, body_start: usize) -> Vec<Span> {
    let body = &text[body_start..];
    let shortcodes = shortcode_spans(body);
    let mut prose: Vec<Span> = Vec::new();
    let mut in_image = 0usize;
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(_) if in_image == 0 => prose.push(Span::new(range.start, range.end)),
            Event::Code(_) if in_image == 0 => {
                let inner = body[range.clone()].trim_matches('`');
                let start = range.start + body[range.clone()].find(inner).unwrap_or(0);
                prose.push(Span::new(start, start + inner.len()));
            }
            _ => {}
        }
    }
    prose.sort();
    // Everything between two pieces of prose that is not whitespace is markup,
    // one span per line so that a span never swallows a paragraph break.
    let mut markup = Vec::new();
    let mut at = 0;
    let push_gap = |from: usize, to: usize, markup: &mut Vec<Span>| {
        if to <= from {
            return;
        }
        let mut line_start = from;
        for piece in body[from..to].split_inclusive('\n') {
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                let s = line_start + lead;
                markup.push(Span::new(body_start + s, body_start + s + trimmed.len()));
            }
            line_start += piece.len();
        }
    };
    for p in &prose {
        if p.start() > at {
            push_gap(at, p.start(), &mut markup);
        }
        at = at.max(p.end());
    }
    push_gap(at, body.len(), &mut markup);
    for sc in shortcodes {
        markup.push(Span::new(body_start + sc.start(), body_start + sc.end()));
    }
    merge_spans(markup)
}

/// Hugo shortcodes: `{{< name … >}}` and `{{% name … %}}`.
fn shortcode_spans(body: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(i) = body[from..].find("{{") {
        let start = from + i;
        let rest = &body[start + 2..];
        let close = match rest.chars().next() {
            Some('<') => ">}}",
            Some('%') => "%}}",
            _ => {
                from = start + 2;
                continue;
            }
        };
        match rest.find(close) {
            Some(j) => {
                let end = start + 2 + j + close.len();
                spans.push(Span::new(start, end));
                from = end;
            }
            None => break,
        }
    }
    spans
}

/// Sorts spans and merges those that overlap or touch.
pub(crate) fn merge_spans(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

// ---------------------------------------------------------------- HTML

/// Elements whose whole content is left out: code, styling, navigation,
/// forms and asides are page furniture, not the article.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "form", "aside", "iframe", "button", "select",
    "textarea", "object", "canvas", "menu", "dialog",
];
/// Left out only outside an `<article>`: inside one they hold the headline and byline.
const SKIPPED_OUTSIDE_ARTICLE: &[&str] = &["header", "footer"];
/// Elements whose content is raw text, not markup (a `<` inside does not open a tag).
const RAW_TEXT_ELEMENTS: &[&str] = &["script", "style", "textarea", "title", "xmp"];
/// Elements that start a new paragraph.
const BLOCK_ELEMENTS: &[&str] = &[
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
    "dd", "blockquote", "pre", "table", "tr", "figure", "figcaption", "hr", "header", "footer", "address",
    "body", "caption",
];
/// Elements that never have content or a closing tag.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
];

/// An HTML page as a document: the article's text (or the body's, when there
/// is no `<article>`), title from `og:title` or `<title>`, date, source and
/// language from `<meta>` tags and `<html lang>`.
pub(crate) fn html_document(name: &str, html: &str) -> InputDocument {
    let page = scan_html(html);
    let mut doc = InputDocument::new(name, page.text.clone());
    doc.title = page.meta("og:title").or(page.title.as_deref()).unwrap_or("").to_string();
    doc.source = ["og:site_name", "application-name", "publisher", "author", "article:author"]
        .iter()
        .find_map(|k| page.meta(k))
        .unwrap_or("")
        .to_string();
    let date = [
        "article:published_time", "og:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
        "dcterms.date", "pubdate", "publish-date", "sailthru.date", "parsely-pub-date",
    ]
    .iter()
    .find_map(|k| page.meta(k))
    .or(page.time.as_deref())
    .unwrap_or("");
    doc.date = date_part(date).to_string();
    let lang = page.lang.as_deref().or(page.meta("og:locale")).unwrap_or("");
    doc.language = lang.split(['-', '_']).next().unwrap_or("").trim().to_ascii_lowercase();
    fill_metadata(&mut doc);
    doc
}

/// `2019-11-03` out of `2019-11-03T10:00:00+01:00`; other forms unchanged.
fn date_part(s: &str) -> &str {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() > 10 && b[4] == b'-' && b[7] == b'-' && b[..4].iter().all(u8::is_ascii_digit) && matches!(b[10], b'T' | b' ') {
        &s[..10]
    } else {
        s
    }
}

struct Page {
    text: String,
    title: Option<String>,
    lang: Option<String>,
    /// The first `<time datetime>` of the kept text.
    time: Option<String>,
    /// `(lower-case name or property, content)` of every `<meta>`.
    meta: Vec<(String, String)>,
}

impl Page {
    fn meta(&self, key: &str) -> Option<&str> {
        self.meta.iter().find(|(k, v)| k == key && !v.trim().is_empty()).map(|(_, v)| v.trim())
    }
}

/// A tag as read from the page.
struct TagRead<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: &'a str,
}

fn read_tag(s: &str) -> Option<(TagRead<'_>, usize)> {
    // `s` starts with '<'.
    let end = tag_end(s)?;
    let inner = &s[1..end];
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, inner),
    };
    let name_len = inner.find(|c: char| c.is_whitespace() || c == '/' || c == '>').unwrap_or(inner.len());
    let name = inner[..name_len].to_ascii_lowercase();
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let self_closing = inner.trim_end().ends_with('/');
    Some((TagRead { name, closing, self_closing, attrs: &inner[name_len..] }, end + 1))
}

/// Index of the `>` closing the tag at the start of `s`, skipping quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

/// The value of attribute `key` (lower case) in a tag's attribute text.
fn attr(attrs: &str, key: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let name_len = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/').unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        rest = rest[name_len..].trim_start();
        let mut value = String::new();
        if let Some(r) = rest.strip_prefix('=') {
            let r = r.trim_start();
            let (v, after) = match r.chars().next() {
                Some(q @ ('"' | '\'')) => match r[1..].find(q) {
                    Some(j) => (&r[1..1 + j], &r[2 + j..]),
                    None => (&r[1..], ""),
                },
                _ => {
                    let j = r.find(char::is_whitespace).unwrap_or(r.len());
                    (&r[..j], &r[j..])
                }
            };
            value = decode_entities(v);
            rest = after;
        } else if name_len == 0 {
            // A stray character: skip it.
            let c = rest.chars().next().map_or(1, char::len_utf8);
            rest = &rest[c..];
        }
        if name == key {
            return Some(value);
        }
    }
}

fn scan_html(html: &str) -> Page {
    let has_article = contains_tag(html, "article");
    let mut page = Page { text: String::new(), title: None, lang: None, time: None, meta: Vec::new() };
    let mut skip: Vec<String> = Vec::new();
    let mut article_depth = 0usize;
    let mut in_head = false;
    let mut i = 0;
    while i < html.len() {
        let rest = &html[i..];
        if let Some(r) = rest.strip_prefix("<!--") {
            i += 4 + r.find("-->").map_or(r.len(), |j| j + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i += rest.find('>').map_or(rest.len(), |j| j + 1);
            continue;
        }
        if rest.starts_with('<') {
            if let Some((tag, len)) = read_tag(rest) {
                i += len;
                let n = tag.name.as_str();
                if tag.closing {
                    if skip.last().is_some_and(|s| s == n) {
                        skip.pop();
                    } else if skip.is_empty() {
                        if n == "article" {
                            article_depth = article_depth.saturating_sub(1);
                        }
                        if n == "head" {
                            in_head = false;
                        }
                    }
                    if BLOCK_ELEMENTS.contains(&n) {
                        paragraph_break(&mut page.text);
                    }
                    continue;
                }
                match n {
                    "html" => page.lang = attr(tag.attrs, "lang").or(page.lang.take()),
                    "head" => in_head = true,
                    "body" => in_head = false,
                    "meta" => {
                        let key = attr(tag.attrs, "property")
                            .or_else(|| attr(tag.attrs, "name"))
                            .or_else(|| attr(tag.attrs, "itemprop"));
                        if let (Some(k), Some(v)) = (key, attr(tag.attrs, "content")) {
                            page.meta.push((k.to_ascii_lowercase(), v));
                        }
                    }
                    "time" if page.time.is_none() => page.time = attr(tag.attrs, "datetime"),
                    _ => {}
                }
                if RAW_TEXT_ELEMENTS.contains(&n) && !tag.self_closing {
                    // Skip to the closing tag without reading what is inside.
                    let close = format!("</{n}");
                    let body_len = find_ascii_ci(&html[i..], &close).unwrap_or(html.len() - i);
                    if n == "title" && page.title.is_none() {
                        page.title = Some(collapse_spaces(&decode_entities(&html[i..i + body_len])));
                    }
                    i += body_len;
                    i += html[i..].find('>').map_or(html.len() - i, |j| j + 1);
                    continue;
                }
                let skipped = SKIPPED_ELEMENTS.contains(&n) || (article_depth == 0 && SKIPPED_OUTSIDE_ARTICLE.contains(&n));
                if skipped && !tag.self_closing && !VOID_ELEMENTS.contains(&n) {
                    skip.push(n.to_string());
                    continue;
                }
                if n == "article" && skip.is_empty() && !tag.self_closing {
                    article_depth += 1;
                }
                if n == "br" {
                    trim_trailing_spaces(&mut page.text);
                    page.text.push('\n');
                } else if BLOCK_ELEMENTS.contains(&n) {
                    paragraph_break(&mut page.text);
                } else if n == "td" || n == "th" {
                    page.text.push(' ');
                }
                continue;
            }
        }
        // Text up to the next tag.
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let len = rest[first..].find('<').map_or(rest.len(), |j| j + first);
        let kept = skip.is_empty() && !in_head && (!has_article || article_depth > 0);
        if kept {
            let decoded = decode_entities(&rest[..len]);
            for c in decoded.chars() {
                if c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}' {
                    if !page.text.is_empty() && !page.text.ends_with([' ', '\n']) {
                        page.text.push(' ');
                    }
                } else {
                    page.text.push(c);
                }
            }
        }
        i += len;
    }
    page.text = page.text.trim().to_string();
    page
}

fn contains_tag(html: &str, name: &str) -> bool {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(j) = find_ascii_ci(&html[from..], &open) {
        let after = html[from + j + open.len()..].chars().next();
        if after.is_none_or(|c| c == '>' || c.is_whitespace()) {
            return true;
        }
        from += j + open.len();
    }
    false
}

/// Byte index of `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn trim_trailing_spaces(s: &mut String) {
    while s.ends_with(' ') {
        s.pop();
    }
}

fn paragraph_break(s: &mut String) {
    trim_trailing_spaces(s);
    if s.is_empty() || s.ends_with("\n\n") {
        return;
    }
    s.push_str(if s.ends_with('\n') { "\n" } else { "\n\n" });
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Named entities worth knowing in French and English news pages; anything
/// else written `&name;` is left as it is. Numeric references are all decoded.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'), ("lt", '<'), ("gt", '>'), ("quot", '"'), ("apos", '\''), ("nbsp", '\u{a0}'),
    ("laquo", '«'), ("raquo", '»'), ("lsquo", '‘'), ("rsquo", '’'), ("ldquo", '“'), ("rdquo", '”'),
    ("sbquo", '‚'), ("bdquo", '„'), ("lsaquo", '‹'), ("rsaquo", '›'), ("hellip", '…'), ("ndash", '–'),
    ("mdash", '—'), ("shy", '\u{ad}'), ("thinsp", '\u{2009}'), ("ensp", '\u{2002}'), ("emsp", '\u{2003}'),
    ("euro", '€'), ("pound", '£'), ("cent", '¢'), ("yen", '¥'), ("copy", '©'), ("reg", '®'), ("trade", '™'),
    ("deg", '°'), ("middot", '·'), ("bull", '•'), ("times", '×'), ("divide", '÷'), ("sect", '§'), ("para", '¶'),
    ("ordf", 'ª'), ("ordm", 'º'), ("sup2", '²'), ("sup3", '³'), ("frac12", '½'), ("frac14", '¼'),
    ("frac34", '¾'), ("iexcl", '¡'), ("iquest", '¿'), ("dagger", '†'), ("prime", '′'),
    ("agrave", 'à'), ("aacute", 'á'), ("acirc", 'â'), ("atilde", 'ã'), ("auml", 'ä'), ("aring", 'å'),
    ("aelig", 'æ'), ("ccedil", 'ç'), ("egrave", 'è'), ("eacute", 'é'), ("ecirc", 'ê'), ("euml", 'ë'),
    ("igrave", 'ì'), ("iacute", 'í'), ("icirc", 'î'), ("iuml", 'ï'), ("ntilde", 'ñ'), ("ograve", 'ò'),
    ("oacute", 'ó'), ("ocirc", 'ô'), ("otilde", 'õ'), ("ouml", 'ö'), ("oslash", 'ø'), ("oelig", 'œ'),
    ("ugrave", 'ù'), ("uacute", 'ú'), ("ucirc", 'û'), ("uuml", 'ü'), ("yacute", 'ý'), ("yuml", 'ÿ'),
    ("szlig", 'ß'), ("Agrave", 'À'), ("Aacute", 'Á'), ("Acirc", 'Â'), ("Atilde", 'Ã'), ("Auml", 'Ä'),
    ("Aring", 'Å'), ("AElig", 'Æ'), ("Ccedil", 'Ç'), ("Egrave", 'È'), ("Eacute", 'É'), ("Ecirc", 'Ê'),
    ("Euml", 'Ë'), ("Igrave", 'Ì'), ("Iacute", 'Í'), ("Icirc", 'Î'), ("Iuml", 'Ï'), ("Ntilde", 'Ñ'),
    ("Ograve", 'Ò'), ("Oacute", 'Ó'), ("Ocirc", 'Ô'), ("Otilde", 'Õ'), ("Ouml", 'Ö'), ("Oslash", 'Ø'),
    ("OElig", 'Œ'), ("Ugrave", 'Ù'), ("Uacute", 'Ú'), ("Ucirc", 'Û'), ("Uuml", 'Ü'), ("Yacute", 'Ý'),
    ("Yuml", 'Ÿ'), ("Scaron", 'Š'), ("scaron", 'š'),
];
/// Longest entity name in [`ENTITIES`], to bound the search for `;`.
const MAX_ENTITY_LEN: usize = 8;

/// Decodes `&eacute;`, `&#233;` and `&#xE9;` (HTML and XML character references).
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let semi = rest[1..].find(';').filter(|&j| j <= MAX_ENTITY_LEN + 1);
        let decoded = semi.and_then(|j| {
            let name = &rest[1..1 + j];
            let c = if let Some(num) = name.strip_prefix('#') {
                let n = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                n.map(|n| match n {
                    // Windows-1252 code points written as numbers by old tools.
                    0x80..=0x9F => super::intake::windows_1252(n as u8),
                    _ => char::from_u32(n).unwrap_or(char::REPLACEMENT_CHARACTER),
                })
            } else {
                ENTITIES.iter().find(|(e, _)| *e == name).map(|&(_, c)| c)
            };
            c.map(|c| (c, j + 2))
        });
        match decoded {
            Some((c, len)) => {
                if c != '\u{ad}' {
                    out.push(c);
                }
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------- Word

/// The most text taken out of a Word file: a compressed file can expand a
/// lot, and no article needs more than the file-size limit.
const MAX_DOCX_XML_BYTES: u64 = 4 * MAX_FILE_BYTES as u64;

/// A Word (.docx) file as a document: the paragraphs of `word/document.xml`
/// one per paragraph, the title from `docProps/core.xml`.
///
/// The `zip` crate (deflate only, pure Rust through miniz_oxide) reads the
/// archive: its central directory, ZIP64 and data descriptors are not worth
/// writing again.
pub(crate) fn docx_document(name: &str, bytes: &[u8]) -> Result<InputDocument, IntakeError> {
    let damaged = || IntakeError::Malformed {
        name: name.to_string(),
        why: "this Word file could not be opened: it is damaged or not a .docx document.".to_string(),
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| damaged())?;
    let mut read_entry = |entry: &str| -> Option<String> {
        let file = archive.by_name(entry).ok()?;
        let mut xml = String::new();
        file.take(MAX_DOCX_XML_BYTES).read_to_string(&mut xml).ok()?;
        Some(xml)
    };
    let body = read_entry("word/document.xml").ok_or_else(damaged)?;
    let core = read_entry("docProps/core.xml").unwrap_or_default();
    let mut doc = InputDocument::new(name, docx_text(&body));
    doc.title = xml_element_text(&core, "dc:title").unwrap_or_default();
    fill_metadata(&mut doc);
    Ok(doc)
}

/// The text of a WordprocessingML body: `<w:t>` runs, tabs and breaks, and a
/// blank line after each `<w:p>` paragraph.
fn docx_text(xml: &str) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some(j) = xml[i..].find('<') {
        let at = i + j;
        let Some((tag, len)) = read_tag(&xml[at..]) else {
            i = at + 1;
            continue;
        };
        i = at + len;
        match (tag.name.as_str(), tag.closing) {
            ("w:t", false) if !tag.self_closing => {
                let end = xml[i..].find("</w:t>").map_or(xml.len(), |k| i + k);
                out.push_str(&decode_entities(&xml[i..end]));
                i = end;
            }
            ("w:tab", false) => out.push('\t'),
            ("w:br", false) | ("w:cr", false) => out.push('\n'),
            ("w:p", true) => out.push_str("\n\n"),
            _ => {}
        }
    }
    out.trim().to_string()
}

fn xml_element_text(xml: &str, element: &str) -> Option<String> {
    let open = xml.find(&format!("<{element}"))?;
    let start = open + xml[open..].find('>')? + 1;
    let end = start + xml[start..].find(&format!("</{element}>"))?;
    let text = collapse_spaces(&decode_entities(&xml[start..end]));
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markup_of(md: &str) -> Vec<&str> {
        markdown_markup(md, 0).iter().map(|s| s.slice(md)).collect()
    }

    #[test]
    fn markdown_marks_keep_their_text() {
        assert_eq!(
            markup_of("#### Syrie\n\n> Le **régime** a [dit](http://x.org \"Un titre\") non.\n"),
            ["####", ">", "**", "**", "[", "](http://x.org \"Un titre\")"]
        );
        assert_eq!(markup_of("Avant\n\n{{< tweet \"1095677403198906369\" >}}\n\nAprès"), ["{{< tweet \"1095677403198906369\" >}}"]);
        assert_eq!(markup_of("Voir ![une photo](a.png) ici"), ["![une photo](a.png)"]);
    }

    #[test]
    fn entities_decode() {
        assert_eq!(decode_entities("&laquo;&nbsp;L&rsquo;&Eacute;tat&#160;&raquo; &amp; &#xE9;t&#233; &foo; &"), "«\u{a0}L’État\u{a0}» & été &foo; &");
        assert_eq!(decode_entities("&#150; &#8217;"), "– ’");
    }

    #[test]
    fn html_drops_furniture_and_reads_meta() {
        let html = r#"<!DOCTYPE html><html lang="fr-FR"><head><title>Titre &ndash; Le Site</title>
<meta property="og:title" content="Le vrai titre"><meta property="og:site_name" content="Le Site">
<meta property="article:published_time" content="2020-02-27T21:05:00+01:00">
<script>if (a < b) { document.write("<p>piège</p>"); }</script><style>p { color: red }</style></head>
<body><nav><a href="/">Accueil</a></nav><header>Rechercher</header>
<p>Premier paragraphe, avec <b>du gras</b>.</p><div>Deuxième<br>ligne</div>
<!-- <p>commentaire</p> --><aside>Lire aussi</aside><footer>© Le Site</footer></body></html>"#;
        let doc = html_document("page.html", html);
        assert_eq!(&*doc.text, "Premier paragraphe, avec du gras.\n\nDeuxième\nligne");
        assert_eq!(doc.title, "Le vrai titre");
        assert_eq!(doc.source, "Le Site");
        assert_eq!(doc.date, "2020-02-27");
        assert_eq!(doc.language, "fr");
    }

    #[test]
    fn html_with_an_article_keeps_only_it() {
        let html = "<body><div>Menu du site</div><article><header><h1>Le titre</h1></header><p>Le texte.</p></article><div>Pied</div></body>";
        assert_eq!(&*html_document("a.htm", html).text, "Le titre\n\nLe texte.");
    }

    #[test]
    fn docx_xml_paragraphs() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>Bonjour</w:t></w:r><w:r><w:t xml:space="preserve"> l’été &amp; </w:t></w:r><w:r><w:tab/><w:t>fin</w:t></w:r></w:p><w:p><w:r><w:t>Deux</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(docx_text(xml), "Bonjour l’été & \tfin\n\nDeux");
    }
}
