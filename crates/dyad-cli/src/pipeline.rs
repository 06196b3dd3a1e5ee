//! Reads documents, processes them on a thread pool in batches, and writes each document's output in input order.
//! Memory stays bounded by the batch size, whatever the corpus size.

use std::io::Write;

use anyhow::Context;
use dyad::read::{ReadOptions, Reader};
use dyad::Document;
use rayon::prelude::*;

/// Input flags shared by every command that reads articles.
#[derive(clap::Args, Clone, Debug)]
pub struct InputArgs {
    /// Files or directories to read (`-` is standard input; none reads standard input). Formats: the seed format,
    /// JSON Lines, JSON, plain text; gzip-compressed files too.
    pub paths: Vec<String>,
    /// Input format: auto, seed, jsonl, json or text.
    #[arg(long, default_value = "auto")]
    pub input_format: String,
    /// Date (YYYY-MM-DD) for documents that carry none.
    #[arg(long)]
    pub date: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// A folder of your own dictionaries, added to the built-in ones (also: DYAD_DICT).
    #[arg(long, env = "DYAD_DICT")]
    pub dict: Option<std::path::PathBuf>,
}

impl InputArgs {
    pub fn read_options(&self) -> anyhow::Result<ReadOptions> {
        let format =
            self.input_format.parse().map_err(|e: dyad::Error| anyhow::anyhow!("--input-format: {}", e.message()))?;
        let default_date = match &self.date {
            Some(d) => Some(d.parse().with_context(|| "--date")?),
            None => None,
        };
        Ok(ReadOptions { format, default_date, ..ReadOptions::default() })
    }

    pub fn dictionaries(&self) -> anyhow::Result<dyad::dict::Dictionaries> {
        Ok(dyad::dict::Dictionaries::load(self.dict.as_deref())?)
    }
}

/// Totals of a run.
#[derive(Default, Debug)]
pub struct Totals {
    pub documents: usize,
    pub failed: usize,
}

const BATCH: usize = 256;

/// Runs `work` on every document of the inputs on `threads` threads, writing outputs in input order to `out`.
/// A reader thread parses the next batch while the workers code this one. Input errors are printed to stderr (in
/// input order with the output) and counted; the batch goes on.
pub fn run<W, F>(args: &InputArgs, out: &mut W, work: F) -> anyhow::Result<Totals>
where
    W: Write,
    F: Fn(&Document) -> Vec<u8> + Sync,
{
    let opts = args.read_options()?;
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
    let reader = Reader::new(args.paths.clone(), opts);
    let mut totals = Totals::default();
    // Items are documents or input errors, kept in order so that messages line up with the output.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Result<Document, dyad::Error>>>(2);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let mut docs = 0;
            for item in reader {
                docs += usize::from(item.is_ok());
                batch.push(item);
                if docs == BATCH {
                    if tx.send(std::mem::take(&mut batch)).is_err() {
                        return;
                    }
                    docs = 0;
                }
            }
            let _ = tx.send(batch);
        });
        // A bug that panics on one document must not stop the batch: that document is reported and skipped.
        let guarded = |doc: &Document| -> Result<Vec<u8>, String> {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(doc))).map_err(|p| {
                let msg =
                    p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned());
                msg.unwrap_or_else(|| "unknown panic".to_string())
            })
        };
        for batch in rx {
            let outputs: Vec<Option<Result<Vec<u8>, String>>> = if threads == 1 {
                batch.iter().map(|d| d.as_ref().ok().map(&guarded)).collect()
            } else {
                pool.install(|| batch.par_iter().map(|d| d.as_ref().ok().map(&guarded)).collect())
            };
            for (item, o) in batch.iter().zip(outputs) {
                match (item, o) {
                    (Ok(_), Some(Ok(bytes))) => {
                        totals.documents += 1;
                        out.write_all(&bytes)?;
                    }
                    (Ok(doc), Some(Err(msg))) => {
                        totals.failed += 1;
                        out.flush()?;
                        let at = doc.origin.as_ref().map(|o| format!("{}:{}: ", o.file, o.line)).unwrap_or_default();
                        eprintln!(
                            "dyad: {at}document {:?} could not be coded (internal error: {msg}) [internal]",
                            doc.id
                        );
                    }
                    (Err(e), _) => {
                        totals.failed += 1;
                        out.flush()?;
                        eprintln!("dyad: {e}");
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(totals)
}
