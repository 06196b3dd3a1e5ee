//! `dyad ingest`, `recode`, `query`, `search`, `export`: a corpus in the embedded store.

use std::collections::{BTreeMap, HashSet};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use dyad::coder::Coder;
use dyad::facts::FactFinder;
use dyad_store::{EventRow, Filter, Outcome, Store};

use crate::pipeline::{self, InputArgs};
use crate::Fatal;

/// The database flag shared by the store commands.
#[derive(clap::Args, Clone, Debug)]
pub struct DbArgs {
    /// The database file (default: dyad.db, or DYAD_DB).
    #[arg(long, env = "DYAD_DB", default_value = "dyad.db")]
    pub db: PathBuf,
}

#[derive(clap::Args)]
pub struct IngestArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    db: DbArgs,
}

/// Progress on stderr: a line rewritten in place on a terminal, a log line every few seconds otherwise.
struct Progress {
    started: Instant,
    last: Instant,
    tty: bool,
}

impl Progress {
    fn new() -> Progress {
        let now = Instant::now();
        Progress { started: now, last: now, tty: std::io::stderr().is_terminal() }
    }

    fn tick(&mut self, docs: usize, events: usize, total: Option<usize>) {
        let every = if self.tty { 0.2 } else { 5.0 };
        if self.last.elapsed().as_secs_f64() < every {
            return;
        }
        self.last = Instant::now();
        let secs = self.started.elapsed().as_secs_f64();
        let rate = docs as f64 / secs.max(1e-9);
        let of = total.map_or_else(String::new, |t| format!(" of {t}"));
        let eta = match total {
            Some(t) if docs > 0 && docs < t => format!(", about {:.0}s left", (t - docs) as f64 / rate.max(1e-9)),
            _ => String::new(),
        };
        let line =
            format!("dyad ingest: {docs}{of} documents, {events} events, {secs:.0}s, {rate:.0} documents/s{eta}");
        if self.tty {
            eprint!("\r{line}\x1b[K");
        } else {
            eprintln!("{line}");
        }
    }

    fn finish(&self) {
        if self.tty {
            eprintln!();
        }
    }
}

pub fn ingest(args: IngestArgs) -> Result<ExitCode, Fatal> {
    let dict = args.input.dictionaries()?;
    let finder = FactFinder::new(&dict)?;
    let coder = Coder::new(dict)?;
    let version = coder.dict_version().to_string();
    let db_path = args.db.db.clone();
    let mut store = Store::open(&db_path)?;
    let mut progress = Progress::new();
    // Known without parsing for plain files (JSON Lines lines, seed articles); unknown for stdin and gzip.
    let total = dyad::read::count_documents(&args.input.paths);
    let (mut added, mut replaced, mut unchanged, mut events) = (0usize, 0usize, 0usize, 0usize);
    let mut facts_written = 0usize;
    let totals = pipeline::run_batches(
        &args.input,
        |doc| {
            let coded = coder.code(doc);
            let facts = finder.find(doc, &coded.mentions);
            (coded, facts)
        },
        |batch, _| {
            if batch.is_empty() {
                return Ok(());
            }
            let (batch, facts): (Vec<_>, Vec<_>) = batch.into_iter().map(|(d, (c, f))| ((d, c), f)).unzip();
            let outcomes = store.ingest_with_facts(&batch, &facts, &version).with_context(|| {
                format!(
                    "writing to {}; nothing of this batch was kept, what was stored before is intact",
                    db_path.display()
                )
            })?;
            for ((o, (_, c)), f) in outcomes.iter().zip(&batch).zip(&facts) {
                match o {
                    Outcome::Added => added += 1,
                    Outcome::Replaced => replaced += 1,
                    Outcome::Unchanged => unchanged += 1,
                }
                if *o != Outcome::Unchanged {
                    events += c.events.len();
                    facts_written += f.len();
                }
            }
            progress.tick(added + replaced + unchanged, events, total);
            Ok(())
        },
    )?;
    progress.finish();
    let (docs, mentions, stored_events) = store.counts()?;
    eprintln!(
        "dyad ingest: {} documents read ({} failed): {added} added, {replaced} replaced, {unchanged} unchanged; {events} events and {facts_written} facts written in {:.1}s. The store holds {docs} documents, {mentions} mentions, {stored_events} events ({}).",
        totals.documents,
        totals.failed,
        progress.started.elapsed().as_secs_f64(),
        args.db.db.display()
    );
    Ok(if totals.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[derive(clap::Args)]
pub struct RecodeArgs {
    #[command(flatten)]
    db: DbArgs,
    /// A folder of your own dictionaries, added to the built-in ones (also: DYAD_DICT).
    #[arg(long, env = "DYAD_DICT")]
    dict: Option<PathBuf>,
}

pub fn recode(args: RecodeArgs) -> Result<ExitCode, Fatal> {
    let dict = dyad::dict::Dictionaries::load(args.dict.as_deref())?;
    let finder = FactFinder::new(&dict)?;
    let coder = Coder::new(dict)?;
    let version = coder.dict_version().to_string();
    if !args.db.db.exists() {
        return Err(Fatal(anyhow::anyhow!(
            "{}: no such database (create it with `dyad ingest`)",
            args.db.db.display()
        )));
    }
    let mut store = Store::open(&args.db.db)?;
    // Documents stream from a second, reading connection (WAL: it keeps its snapshot while the first one writes), a
    // batch at a time, so memory stays flat on any store size.
    let reader = Store::open_read_only(&args.db.db)?;
    // Per root: (added, removed).
    let mut changes: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut total, mut changed_docs) = (0usize, 0usize);
    let mut recode_batch = |docs: Vec<dyad::Document>| -> dyad::Result<()> {
        let mut batch = Vec::with_capacity(docs.len());
        let mut facts = Vec::with_capacity(docs.len());
        for doc in docs {
            let coded = coder.code(&doc);
            facts.push(finder.find(&doc, &coded.mentions));
            let old: HashSet<_> = store.event_keys(&doc.id)?.into_iter().collect();
            let new: HashSet<_> = coded
                .events
                .iter()
                .map(|e| (e.sentence.map(|s| s as i64), e.source.code.clone(), e.target.code.clone(), e.code.clone()))
                .collect();
            if old != new {
                changed_docs += 1;
            }
            for k in new.difference(&old) {
                changes.entry(k.3[..2].to_string()).or_default().0 += 1;
            }
            for k in old.difference(&new) {
                changes.entry(k.3[..2].to_string()).or_default().1 += 1;
            }
            total += 1;
            batch.push((doc, coded));
        }
        store.ingest_with_facts(&batch, &facts, &version).map(|_| ())
    };
    let mut pending = Vec::with_capacity(256);
    reader.documents(|d| {
        pending.push(d);
        if pending.len() == 256 {
            recode_batch(std::mem::take(&mut pending))?;
        }
        Ok(())
    })?;
    recode_batch(pending)?;
    let mut out = String::new();
    out.push_str(&format!(
        "recoded {total} documents ({changed_docs} with changed events) with dictionaries {version}\n"
    ));
    out.push_str("root  added  removed\n");
    for (root, (a, r)) in &changes {
        out.push_str(&format!("{root:<5} {a:>5} {r:>8}\n"));
    }
    if changes.is_empty() {
        out.push_str("no event changed\n");
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub struct QueryArgs {
    #[command(flatten)]
    db: DbArgs,
    /// An actor code or prefix on either side (CHN, CHNGOV, IGOUNO).
    #[arg(long)]
    actor: Option<String>,
    /// Source actor code or prefix.
    #[arg(long)]
    source: Option<String>,
    /// Target actor code or prefix.
    #[arg(long)]
    target: Option<String>,
    /// Both directions between two actors: A-B (CHN-BLR).
    #[arg(long)]
    dyad: Option<String>,
    /// CAMEO code or prefix (04, 190).
    #[arg(long)]
    code: Option<String>,
    /// QuadClass 1-4.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    quad: Option<u8>,
    /// Mode: asserted, intended, appeal, negated, hypothetical.
    #[arg(long, value_parser = ["asserted", "intended", "appeal", "negated", "hypothetical"])]
    mode: Option<String>,
    /// From this date (YYYY-MM-DD), inclusive.
    #[arg(long)]
    from: Option<String>,
    /// To this date (YYYY-MM-DD), inclusive.
    #[arg(long)]
    to: Option<String>,
    /// Events of one document.
    #[arg(long)]
    doc: Option<String>,
    /// Keep one event per date, source, target and code (the field's usual duplicate filter).
    #[arg(long)]
    one_a_day: bool,
    /// Print counts per period and QuadClass with the mean Goldstein score instead of events.
    #[arg(long, value_parser = ["month", "year"])]
    summary: Option<String>,
    /// Output format: jsonl (the `dyad code` schema) or tsv.
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "tsv"])]
    format: String,
}

fn check_date(flag: &str, d: &Option<String>) -> anyhow::Result<()> {
    if let Some(d) = d {
        d.parse::<dyad::Date>().with_context(|| format!("--{flag}"))?;
    }
    Ok(())
}

const TSV_HEADER: &str = "doc\tsentence\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\tmode\trule\n";

/// The table columns of an event (TSV and CSV), in the order of the header.
fn columns(r: &EventRow) -> [String; 11] {
    [
        r.doc.clone(),
        r.sentence.map_or_else(|| "title".to_string(), |s| s.to_string()),
        r.date.clone().unwrap_or_default(),
        r.source.clone(),
        r.target.clone(),
        r.code.clone(),
        r.root.clone(),
        r.quad.to_string(),
        r.goldstein.to_string(),
        r.mode.clone(),
        r.rule.clone(),
    ]
}

fn tsv_row(r: &EventRow) -> String {
    columns(r).map(|c| c.replace(['\t', '\n'], " ")).join("\t") + "\n"
}

pub fn query(args: QueryArgs) -> Result<ExitCode, Fatal> {
    check_date("from", &args.from)?;
    check_date("to", &args.to)?;
    let dyad = match &args.dyad {
        Some(d) => {
            let (a, b) = d.split_once('-').ok_or_else(|| anyhow::anyhow!("--dyad takes A-B, e.g. CHN-BLR"))?;
            Some((a.to_string(), b.to_string()))
        }
        None => None,
    };
    let filter = Filter {
        actor: args.actor,
        source: args.source,
        target: args.target,
        dyad,
        code: args.code,
        quad: args.quad,
        mode: args.mode,
        from: args.from,
        to: args.to,
        doc: args.doc,
        one_a_day: args.one_a_day,
    };
    let store = Store::open_read_only(&args.db.db)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if let Some(period) = &args.summary {
        writeln!(out, "period\tquad\tevents\tmean_goldstein")?;
        for r in store.summary(&filter, period == "year")? {
            writeln!(out, "{}\t{}\t{}\t{:.2}", r.period, r.quad, r.events, r.goldstein)?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let tsv = args.format == "tsv";
    if tsv {
        out.write_all(TSV_HEADER.as_bytes())?;
    }
    write_events(&store, &filter, &mut out, |r| if tsv { tsv_row(r) } else { format!("{}\n", r.json) })?;
    Ok(ExitCode::SUCCESS)
}

/// Streams the events that pass `filter` to `out`, one formatted line each; the first write error stops it.
fn write_events(
    store: &Store,
    filter: &Filter,
    out: &mut impl Write,
    line: impl Fn(&EventRow) -> String,
) -> Result<(), Fatal> {
    let mut err = None;
    store.query(filter, |r| {
        if err.is_none() {
            err = out.write_all(line(&r).as_bytes()).err();
        }
    })?;
    if let Some(e) = err {
        return Err(e.into());
    }
    out.flush()?;
    Ok(())
}

#[derive(clap::Args)]
pub struct SearchArgs {
    /// The search (SQLite FTS5 syntax: words, "a phrase", OR, NOT, prefix*).
    query: String,
    #[command(flatten)]
    db: DbArgs,
    /// Most hits to print.
    #[arg(long, default_value_t = 20)]
    limit: usize,
}

pub fn search(args: SearchArgs) -> Result<ExitCode, Fatal> {
    let store = Store::open_read_only(&args.db.db)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for h in store.search(&args.query, args.limit)? {
        let events: Vec<serde_json::Value> =
            h.events.iter().map(|e| serde_json::from_str(e).expect("stored events are JSON")).collect();
        let line = serde_json::json!({"doc": h.doc, "sentence": h.sentence, "in_title": h.sentence.is_none(), "text": h.text, "events": events});
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    db: DbArgs,
    /// jsonl (the `dyad code` schema), csv (a header row), or gdelt (GDELT 2.0 event-table columns, tab separated).
    #[arg(long, value_parser = ["jsonl", "csv", "gdelt"])]
    format: String,
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The 61 columns of the GDELT 2.0 event table, filled from one event (empty where dyad does not know the value).
pub fn gdelt_row(r: &EventRow) -> String {
    let v: serde_json::Value = serde_json::from_str(&r.json).expect("stored events are JSON");
    let s = |p: &str| v.pointer(p).and_then(|x| x.as_str()).unwrap_or("").to_string();
    let date = r.date.clone().unwrap_or_default();
    let day = date.replace('-', "");
    let (year, month) = (day.get(..4).unwrap_or("").to_string(), day.get(..6).unwrap_or("").to_string());
    let fraction = match (date.get(..4), date.parse::<dyad::Date>()) {
        (Some(_), Ok(d)) => {
            let start = dyad::Date::new(d.year(), 1, 1).map_or(0, |s| s.to_days());
            format!("{:.4}", f64::from(d.year()) + (d.to_days() - start) as f64 / 365.0)
        }
        _ => String::new(),
    };
    let actor = |side: &str| -> Vec<String> {
        let code = s(&format!("/{side}/code"));
        let country = s(&format!("/{side}/country"));
        let agent = s(&format!("/{side}/agent"));
        // Actor{n}Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1Code,
        // Type2Code, Type3Code
        let known = if code.starts_with("IGO") || code.starts_with("NGO") || code.starts_with("IMG") {
            code.clone()
        } else {
            String::new()
        };
        vec![
            code,
            s(&format!("/{side}/name")).to_uppercase(),
            country,
            known,
            String::new(),
            String::new(),
            String::new(),
            agent,
            String::new(),
            String::new(),
        ]
    };
    let mut cols: Vec<String> = vec![r.id.to_string(), day.clone(), month, year, fraction];
    cols.extend(actor("source"));
    cols.extend(actor("target"));
    let base = r.code.get(..3).unwrap_or(&r.code).to_string();
    cols.extend([
        "1".to_string(), // IsRootEvent: dyad codes events as reported in their sentence
        r.code.clone(),
        base,
        r.root.clone(),
        r.quad.to_string(),
        format!("{}", r.goldstein),
        "1".to_string(), // NumMentions
        "1".to_string(), // NumSources
        "1".to_string(), // NumArticles
        String::new(),   // AvgTone
    ]);
    // Actor1Geo, Actor2Geo, ActionGeo: 8 columns each (type, fullname, country, ADM1, ADM2, lat, long, feature id).
    cols.extend(std::iter::repeat_n(String::new(), 24));
    cols.push(day); // DATEADDED (dyad records the event date)
    cols.push(s("/doc")); // SOURCEURL: dyad writes the document id; the URL is in the documents table
    cols.join("\t") + "\n"
}

pub fn export(args: ExportArgs) -> Result<ExitCode, Fatal> {
    let store = Store::open_read_only(&args.db.db)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if args.format == "csv" {
        out.write_all(b"doc,sentence,date,source,target,code,root,quad,goldstein,mode,rule\n")?;
    }
    write_events(&store, &Filter::default(), &mut out, |r| match args.format.as_str() {
        "jsonl" => format!("{}\n", r.json),
        "csv" => columns(r).map(|c| csv_field(&c)).join(",") + "\n",
        _ => gdelt_row(r),
    })?;
    Ok(ExitCode::SUCCESS)
}
