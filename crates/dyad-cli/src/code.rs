//! `dyad code`: one JSON object (or TSV row) per event.

use std::io::Write;
use std::process::ExitCode;

use dyad::coder::Coder;
use dyad::json::event_out;

use crate::pipeline::{self, InputArgs};
use crate::Fatal;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Output format: jsonl (one event per line) or tsv (a table with a header row).
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "tsv"])]
    format: String,
    /// Also code events reported as conditional or possible ("if", "could", "may"), with mode `hypothetical`.
    #[arg(long)]
    hypothetical: bool,
    /// Print totals to stderr at the end: documents, sentences, words, events, seconds and rates.
    #[arg(long)]
    stats: bool,
}

const TSV_HEADER: &str = "doc\tsentence\tdate\tsource\tsource_name\ttarget\ttarget_name\tcode\troot\tquad\tgoldstein\tplover\tmode\trule\tevidence\n";

fn tsv_clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

pub fn run(args: Args) -> Result<ExitCode, Fatal> {
    let coder = Coder::new(args.input.dictionaries()?)?.with_hypothetical(args.hypothetical);
    let version = coder.dict_version().to_string();
    let tsv = args.format == "tsv";
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if tsv {
        out.write_all(TSV_HEADER.as_bytes())?;
    }
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    let (sentences, words, events) = (AtomicUsize::new(0), AtomicUsize::new(0), AtomicUsize::new(0));
    let started = std::time::Instant::now();
    let totals = pipeline::run(&args.input, &mut out, |doc| {
        let mut buf = Vec::new();
        let coded = coder.code(doc);
        if args.stats {
            sentences.fetch_add(doc.len() + usize::from(doc.title().is_some()), Relaxed);
            words.fetch_add(doc.word_count(), Relaxed);
            events.fetch_add(coded.events.len(), Relaxed);
        }
        for e in coded.events {
            if tsv {
                let info = e.info();
                let line = format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                    tsv_clean(&doc.id),
                    e.sentence.map_or_else(|| "title".to_string(), |s| s.to_string()),
                    e.date.map(|d| d.to_string()).unwrap_or_default(),
                    e.source.code,
                    tsv_clean(&e.source.name),
                    e.target.code,
                    tsv_clean(&e.target.name),
                    e.code,
                    info.root(),
                    info.quad,
                    info.goldstein,
                    info.plover.as_deref().unwrap_or(""),
                    e.mode.as_str(),
                    e.rule,
                    tsv_clean(doc.slice(e.evidence)),
                );
                buf.extend_from_slice(line.as_bytes());
            } else {
                serde_json::to_writer(&mut buf, &event_out(doc, &e, &version)).expect("serialisable");
                buf.push(b'\n');
            }
        }
        buf
    })?;
    out.flush()?;
    if args.stats {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        let (s, w) = (sentences.load(Relaxed), words.load(Relaxed));
        eprintln!(
            "dyad code: {} documents ({} failed), {s} sentences, {w} words, {} events in {secs:.2}s: {:.0} sentences/s, {:.0} words/s",
            totals.documents,
            totals.failed,
            events.load(Relaxed),
            s as f64 / secs,
            w as f64 / secs
        );
    }
    Ok(if totals.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
