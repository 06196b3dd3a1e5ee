//! The `dyad` command: thin glue over the `dyad` library.
//!
//! Exit status: 0 when every input was read, 1 when any input failed (the rest were still processed), 2 for a
//! usage error (bad flag, bad dictionary).

mod actors;
mod code;
mod dict;
mod eval;
mod facts;
mod pipeline;
mod serve;
mod store;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Political event data from news text.
#[derive(Parser)]
#[command(name = "dyad", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find every political actor mention in the inputs, one JSON object per mention.
    Actors(actors::Args),
    /// Code the events in the inputs: one JSON object (or TSV row) per event.
    Code(code::Args),
    /// Score the coder against gold files: precision, recall and F1 overall and per CAMEO root.
    Eval(eval::Args),
    /// Code the inputs and store documents, mentions and events in the database (idempotent, crash-safe).
    Ingest(store::IngestArgs),
    /// Re-code the stored documents with the current dictionaries and report what changed.
    Recode(store::RecodeArgs),
    /// Print stored events that pass the filters (JSON Lines, TSV, or a summary per period).
    Query(store::QueryArgs),
    /// Full-text search over the stored sentences, with the events coded in each.
    Search(store::SearchArgs),
    /// Write every stored event as JSON Lines, CSV or GDELT 2.0 event-table columns.
    Export(store::ExportArgs),
    /// The relations register: facts about pairs of actors (ties, level, projects, areas, quantities, stances) as
    /// JSON Lines; with --dyad A-B, the register of a pair stored in the database.
    Facts(facts::Args),
    /// Serve the JSON API and the web explorer over the store (read-only unless given a token).
    Serve(serve::Args),
    /// Check and describe dictionaries.
    #[command(subcommand)]
    Dict(dict::Command),
}

/// A failure that ends the run with status 2 (usage or set-up), as opposed to per-input errors (status 1).
pub struct Fatal(pub anyhow::Error);

impl<E: Into<anyhow::Error>> From<E> for Fatal {
    fn from(e: E) -> Fatal {
        Fatal(e.into())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Actors(args) => actors::run(args),
        Command::Dict(cmd) => dict::run(cmd),
        Command::Code(args) => code::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Ingest(args) => store::ingest(args),
        Command::Recode(args) => store::recode(args),
        Command::Query(args) => store::query(args),
        Command::Search(args) => store::search(args),
        Command::Export(args) => store::export(args),
        Command::Facts(args) => facts::run(args),
        Command::Serve(args) => serve::run(args),
    };
    match result {
        Ok(code) => code,
        Err(Fatal(e)) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            let _ = std::io::stdout().flush();
            eprintln!("dyad: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether the error is a closed pipe (`dyad actors | head`), which is not a failure.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
