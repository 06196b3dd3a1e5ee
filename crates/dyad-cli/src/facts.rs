//! `dyad facts`: the relations register. With paths, the facts found in the inputs as JSON Lines; with `--dyad A-B`,
//! the register of that pair stored in the database (current value of each fact type, its history and sources).

use std::io::Write;
use std::process::ExitCode;

use dyad::coder::Coder;
use dyad::facts::{fact_out, FactFinder};
use dyad_store::{Register, RegisterValue, Store};

use crate::pipeline::{self, InputArgs};
use crate::store::DbArgs;
use crate::Fatal;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    db: DbArgs,
    /// Print the stored register of a pair of actors (`CHN-BLR`, either order) instead of reading inputs.
    #[arg(long)]
    dyad: Option<String>,
    /// With --dyad: print the register as one JSON object.
    #[arg(long, requires = "dyad")]
    json: bool,
}

pub fn run(args: Args) -> Result<ExitCode, Fatal> {
    match &args.dyad {
        Some(pair) => register(&args, pair),
        None => find(&args),
    }
}

fn find(args: &Args) -> Result<ExitCode, Fatal> {
    let dict = args.input.dictionaries()?;
    let finder = FactFinder::new(&dict)?;
    let coder = Coder::new(dict)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let totals = pipeline::run(&args.input, &mut out, |doc| {
        let mut buf = Vec::new();
        // The coder's mentions: "the two sides", pronouns and speakers resolved as for events.
        let coded = coder.code(doc);
        for f in finder.find(doc, &coded.mentions) {
            serde_json::to_writer(&mut buf, &fact_out(doc, &f)).expect("serialisable");
            buf.push(b'\n');
        }
        buf
    })?;
    out.flush()?;
    Ok(if totals.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn register(args: &Args, pair: &str) -> Result<ExitCode, Fatal> {
    if !args.input.paths.is_empty() {
        return Err(Fatal(anyhow::anyhow!("--dyad reads the database; give no input paths with it")));
    }
    let Some((a, b)) = pair.split_once('-').filter(|(a, b)| !a.is_empty() && !b.is_empty()) else {
        return Err(Fatal(anyhow::anyhow!("--dyad takes two actor codes joined by '-', like CHN-BLR; found {pair:?}")));
    };
    let store = Store::open_read_only(&args.db.db)?;
    let reg = store.facts_register(a, b)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &reg)?;
        writeln!(out)?;
    } else {
        out.write_all(render(&reg).as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn dates(v: &RegisterValue) -> String {
    match (&v.first, &v.last) {
        (Some(f), Some(l)) if f == l => f.clone(),
        (Some(f), Some(l)) => format!("{f} .. {l}"),
        _ => "undated".to_string(),
    }
}

fn source_lines(out: &mut String, v: &RegisterValue) {
    use std::fmt::Write as _;
    for s in &v.sources {
        let at = s.sentence.map_or_else(|| "title".to_string(), |i| i.to_string());
        writeln!(
            out,
            "      {}#{at} {} {}-{} \"{}\" [{}]",
            s.doc,
            s.date.as_deref().unwrap_or("undated"),
            s.pair[0],
            s.pair[1],
            s.text,
            s.rule
        )
        .ok();
    }
}

/// The register as text: per type, the current value(s), then every value stated with its sources.
fn render(reg: &Register) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    writeln!(out, "relations register {}-{}: {} facts", reg.pair[0], reg.pair[1], reg.facts).ok();
    if reg.types.is_empty() {
        writeln!(out, "no fact stored for this pair").ok();
    }
    for t in &reg.types {
        writeln!(out, "\n== {}", t.kind).ok();
        for v in &t.current {
            let n = v.sources.len();
            writeln!(out, "  current: {}  ({}; {n} source{})", v.key, dates(v), if n == 1 { "" } else { "s" }).ok();
        }
        if let Some(d) = &t.last_upgrade {
            writeln!(out, "  last upgrade: {d}").ok();
        }
        writeln!(out, "  history:").ok();
        for v in &t.history {
            writeln!(out, "    {}  {}  {}", v.key, dates(v), v.value).ok();
            source_lines(&mut out, v);
        }
    }
    out
}
