//! `dyad actors`: one JSON object per actor mention.

use std::io::Write;
use std::process::ExitCode;

use dyad::actors::{ActorMatcher, Mention};
use dyad::Document;
use serde::Serialize;

use crate::pipeline::{self, char_offset, InputArgs};
use crate::Fatal;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
}

/// One line of `dyad actors` output.
#[derive(Serialize)]
pub struct Row<'a> {
    doc: &'a str,
    sentence: Option<usize>,
    in_title: bool,
    /// Character offsets in the sentence (or the title).
    start: usize,
    end: usize,
    text: &'a str,
    code: &'a str,
    country: Option<&'a str>,
    agent: Option<&'a str>,
    name: &'a str,
    kind: &'a str,
    entry: &'a str,
    via: &'a str,
}

pub fn mention_row<'a>(doc: &'a Document, m: &'a Mention) -> Row<'a> {
    let seg = match m.sentence {
        Some(i) => doc.sentence_spans()[i],
        None => doc.title_span().expect("a title mention has a title"),
    };
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

pub fn run(args: Args) -> Result<ExitCode, Fatal> {
    let dict = args.input.dictionaries()?;
    let matcher = ActorMatcher::new(&dict);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let totals = pipeline::run(&args.input, &mut out, |doc| {
        let mut buf = Vec::new();
        for m in matcher.find(doc) {
            serde_json::to_writer(&mut buf, &mention_row(doc, &m)).expect("serialisable");
            buf.push(b'\n');
        }
        buf
    })?;
    out.flush()?;
    Ok(if totals.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
