//! `dyad actors`: one JSON object per actor mention.

use std::io::Write;
use std::process::ExitCode;

use dyad::actors::ActorMatcher;
use dyad::json::mention_row;

use crate::pipeline::{self, InputArgs};
use crate::Fatal;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
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
