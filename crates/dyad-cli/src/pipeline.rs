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
    let totals = run_batches(args, work, |batch, before_message| {
        for (_, bytes) in batch {
            out.write_all(&bytes)?;
        }
        if before_message {
            out.flush()?;
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(totals)
}

/// The engine under [`run`]: documents are read in batches by a reader thread, `work` runs on each on a thread pool,
/// and `consume` receives each batch's (document, output) pairs in input order, on the calling thread (the store
/// writes a batch in one transaction); its flag is true when a message is about to be printed, so that output and
/// messages stay in order. A panic on one document is reported and that document skipped.
pub fn run_batches<T, F, C>(args: &InputArgs, work: F, mut consume: C) -> anyhow::Result<Totals>
where
    T: Send,
    F: Fn(&Document) -> T + Sync,
    C: FnMut(Vec<(Document, T)>, bool) -> anyhow::Result<()>,
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
        let guarded = |doc: &Document| -> Result<T, String> {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(doc))).map_err(|p| {
                let msg =
                    p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned());
                msg.unwrap_or_else(|| "unknown panic".to_string())
            })
        };
        for batch in rx {
            let outputs: Vec<Option<Result<T, String>>> = if threads == 1 {
                batch.iter().map(|d| d.as_ref().ok().map(&guarded)).collect()
            } else {
                pool.install(|| batch.par_iter().map(|d| d.as_ref().ok().map(&guarded)).collect())
            };
            let mut done: Vec<(Document, T)> = Vec::with_capacity(outputs.len());
            for (item, o) in batch.into_iter().zip(outputs) {
                match (item, o) {
                    (Ok(doc), Some(Ok(value))) => {
                        totals.documents += 1;
                        done.push((doc, value));
                    }
                    (Ok(doc), Some(Err(msg))) => {
                        totals.failed += 1;
                        consume(std::mem::take(&mut done), true)?;
                        let at = doc.origin.as_ref().map(|o| format!("{}:{}: ", o.file, o.line)).unwrap_or_default();
                        eprintln!(
                            "dyad: {at}document {:?} could not be coded (internal error: {msg}) [internal]",
                            doc.id
                        );
                    }
                    (Err(e), _) => {
                        totals.failed += 1;
                        consume(std::mem::take(&mut done), true)?;
                        eprintln!("dyad: {e}");
                    }
                    _ => {}
                }
            }
            consume(done, false)?;
        }
        Ok(())
    })?;
    Ok(totals)
}
