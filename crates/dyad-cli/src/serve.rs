//! `dyad serve`: the HTTP API and the web explorer over a store.

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;

use crate::store::DbArgs;
use crate::Fatal;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    /// The address to listen on (port 0 picks a free port). Binds the loopback interface unless told otherwise.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Enables the write endpoints (POST /v1/code, POST /v1/documents) for requests that send
    /// `Authorization: Bearer TOKEN`; without it the server is read-only (also: DYAD_TOKEN).
    #[arg(long, env = "DYAD_TOKEN", hide_env_values = true)]
    token: Option<String>,
}

pub fn run(args: Args) -> Result<ExitCode, Fatal> {
    let server =
        dyad_server::Server::bind(dyad_server::Config { db: args.db.db.clone(), addr: args.addr, token: args.token })?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "dyad: serving {} at http://{}/", args.db.db.display(), server.local_addr())?;
    out.flush()?;
    drop(out);
    eprintln!(
        "dyad serve: {}; Ctrl-C stops it",
        if server.writable() { "write endpoints enabled (token)" } else { "read-only (no token)" }
    );
    server.run()?;
    Ok(ExitCode::SUCCESS)
}
