//! The JSON shapes of dyad's output, shared by the CLI, the store and every other front end: one object per actor
//! mention (`dyad actors`) and one per event (`dyad code`). Spans become character offsets in their sentence here,
//! at the boundary, and nowhere else.

use serde::Serialize;

use crate::actors::Mention;
use crate::coder::{Event, CODER_VERSION};
use crate::document::{Document, Span};

/// Character offset of byte `b` in `s`.
pub fn char_offset(s: &str, b: usize) -> usize {
    if s.is_ascii() {
        b
    } else {
        s[..b].chars().count()
    }
}

fn segment_span(doc: &Document, sentence: Option<usize>) -> Span {
    match sentence {
        Some(i) => doc.sentence_spans()[i],
        None => doc.title_span().expect("title mentions and events have a title"),
    }
}

/// One line of `dyad actors` output.
#[derive(Serialize)]
pub struct Row<'a> {
    pub doc: &'a str,
    pub sentence: Option<usize>,
    pub in_title: bool,
    /// Character offsets in the sentence (or the title).
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub code: &'a str,
    pub country: Option<&'a str>,
    pub agent: Option<&'a str>,
    pub name: &'a str,
    pub kind: &'a str,
    pub entry: &'a str,
    pub via: &'a str,
}

/// The JSON row of a mention.
pub fn mention_row<'a>(doc: &'a Document, m: &'a Mention) -> Row<'a> {
    let seg = segment_span(doc, m.sentence);
    let seg_text = doc.slice(seg);
    let (s, e) = (m.span.start - seg.start, m.span.end - seg.start);
    Row {
        doc: &doc.id,
        sentence: m.sentence,
        in_title: m.sentence.is_none(),
        start: char_offset(seg_text, s),
        end: char_offset(seg_text, e),
        text: doc.slice(m.span),
        code: &m.code,
        country: m.country.as_deref(),
        agent: m.agent.as_deref(),
        name: &m.name,
        kind: m.kind.as_str(),
        entry: &m.entry,
        via: m.via.as_str(),
    }
}

#[derive(Serialize)]
pub struct ActorOut<'a> {
    code: &'a str,
    country: Option<&'a str>,
    agent: Option<&'a str>,
    name: &'a str,
    text: &'a str,
    start: usize,
    end: usize,
    via: &'a str,
}

#[derive(Serialize)]
pub struct TextSpan<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
pub struct Version<'a> {
    coder: &'a str,
    dictionaries: &'a str,
}

/// One line of `dyad code` output.
#[derive(Serialize)]
pub struct EventOut<'a> {
    doc: &'a str,
    sentence: Option<usize>,
    in_title: bool,
    source: ActorOut<'a>,
    target: ActorOut<'a>,
    code: &'a str,
    root: &'a str,
    quad: u8,
    goldstein: f64,
    plover: Option<&'a str>,
    plover_mode: Option<&'a str>,
    name: &'a str,
    mode: &'a str,
    date: Option<String>,
    evidence: TextSpan<'a>,
    rule: &'a str,
    version: Version<'a>,
}

fn text_span<'a>(doc: &'a Document, seg: Span, span: Span) -> TextSpan<'a> {
    let seg_text = doc.slice(seg);
    TextSpan {
        text: doc.slice(span),
        start: char_offset(seg_text, span.start - seg.start),
        end: char_offset(seg_text, span.end - seg.start),
    }
}

fn actor<'a>(doc: &'a Document, seg: Span, m: &'a Mention) -> ActorOut<'a> {
    let t = text_span(doc, seg, m.span);
    ActorOut {
        code: &m.code,
        country: m.country.as_deref(),
        agent: m.agent.as_deref(),
        name: &m.name,
        text: t.text,
        start: t.start,
        end: t.end,
        via: m.via.as_str(),
    }
}

/// The JSON row of an event (the `dyad code` schema).
pub fn event_out<'a>(doc: &'a Document, e: &'a Event, dict_version: &'a str) -> EventOut<'a> {
    let seg = segment_span(doc, e.sentence);
    let info = e.info();
    EventOut {
        doc: &doc.id,
        sentence: e.sentence,
        in_title: e.sentence.is_none(),
        source: actor(doc, seg, &e.source),
        target: actor(doc, seg, &e.target),
        code: &e.code,
        root: info.root(),
        quad: info.quad,
        goldstein: info.goldstein,
        plover: info.plover.as_deref(),
        plover_mode: info.plover_mode.as_deref(),
        name: &info.name,
        mode: e.mode.as_str(),
        date: e.date.map(|d| d.to_string()),
        evidence: text_span(doc, seg, e.evidence),
        rule: &e.rule,
        version: Version { coder: CODER_VERSION, dictionaries: dict_version },
    }
}
