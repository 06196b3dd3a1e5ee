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
    /// Seconds a read may take (waiting for a connection included) before it is interrupted and answered
    /// 503 `timeout`; 0 means no limit.
    #[arg(long, default_value_t = dyad_server::DEFAULT_QUERY_TIMEOUT.as_secs_f64(), value_name = "SECONDS")]
    query_timeout: f64,
}

pub fn run(args: Args) -> Result<ExitCode, Fatal> {
    if !args.query_timeout.is_finite() || args.query_timeout < 0.0 {
        return Err(dyad::error::Error::new(
            dyad::error::ErrorKind::Usage,
            format!("--query-timeout must be a number of seconds, 0 or more (got {})", args.query_timeout),
        )
        .into());
    }
    let query_timeout = (args.query_timeout > 0.0).then(|| std::time::Duration::from_secs_f64(args.query_timeout));
    let server = dyad_server::Server::bind(dyad_server::Config {
        db: args.db.db.clone(),
        addr: args.addr,
        token: args.token,
        query_timeout,
    })?;
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
