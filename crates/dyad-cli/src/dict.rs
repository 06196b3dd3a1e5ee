//! `dyad dict`: check a dictionary folder and describe what is loaded.

use std::process::ExitCode;

use dyad::dict::Dictionaries;

use crate::Fatal;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Load the built-in dictionaries and, if given, a folder of your own; report the first error as file:line.
    Check {
        /// A folder of your own `.dict` files (also: DYAD_DICT).
        #[arg(env = "DYAD_DICT")]
        dir: Option<std::path::PathBuf>,
    },
}

pub fn run(cmd: Command) -> Result<ExitCode, Fatal> {
    match cmd {
        Command::Check { dir } => {
            let d = Dictionaries::load(dir.as_deref())?;
            let facts = dyad::facts::FactFinder::new(&d)?;
            let coder = dyad::coder::Coder::new(d.clone())?;
            let m = coder.actors();
            let offices: usize = d.people.iter().map(|p| p.offices.len()).sum();
            println!(
                "ok: {} countries, {} agent types, {} people ({} terms of office), {} organisations, {} non-actor phrases; {} actor patterns; {} event patterns; {} fact patterns; version {}",
                d.countries.len(),
                d.agents.len(),
                d.people.len(),
                offices,
                d.orgs.len(),
                d.nonactors.len(),
                m.pattern_count(),
                coder.pattern_count(),
                facts.pattern_count(),
                d.version()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
