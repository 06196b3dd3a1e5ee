//! dyad's HTTP server: a JSON API over the store (`/v1/...`, described by the OpenAPI document at
//! `/v1/openapi.json`) and the web explorer, a single page whose assets are compiled into the binary.
//!
//! - **Read-only unless given a token**: without one, the write endpoints (`POST /v1/code`, `POST /v1/documents`)
//!   answer 403; with one, they need `Authorization: Bearer TOKEN` (a missing or wrong token gets the same 401).
//! - **Store access**: reads go through a small pool of read-only SQLite connections, on tokio's blocking threads;
//!   writes through one writer connection behind a mutex. Aggregates are computed in SQL ([`dyad_store`]'s views).
//! - **Bounded**: page sizes have a maximum, request bodies at most [`BODY_LIMIT`] bytes, and a read that takes longer
//!   than [`Config::query_timeout`] (waiting for a connection included) is interrupted in SQLite and answered 503
//!   `timeout`, so one expensive query on a large store cannot hold a connection for long.
//!
//! ```no_run
//! let server = dyad_server::Server::bind(dyad_server::Config {
//!     db: "dyad.db".into(),
//!     addr: "127.0.0.1:0".parse().unwrap(),
//!     token: None,
//!     query_timeout: Some(std::time::Duration::from_secs(30)),
//! })
//! .unwrap();
//! println!("serving at http://{}/", server.local_addr());
//! server.run().unwrap();
//! ```

mod api;
mod assets;
mod cache;
pub mod error;
mod params;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use axum::routing::{get, post, MethodRouter};
use axum::Router;
use dyad::coder::Coder;
use dyad::dict::Dictionaries;
use dyad::error::{Error, ErrorKind, Result};
use dyad_store::Store;

pub use error::ApiError;

/// The largest request body accepted (1 MiB); larger ones get 413.
pub const BODY_LIMIT: usize = 1 << 20;

/// The OpenAPI 3.0 document of the API, served at `/v1/openapi.json`.
pub const OPENAPI: &str = include_str!("openapi.json");

/// Every API route, as (method, path in the router's syntax). The router is built from this list, and a test checks
/// it against the OpenAPI document both ways.
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/healthz"),
    ("GET", "/v1/openapi.json"),
    ("GET", "/v1/events"),
    ("GET", "/v1/timeline"),
    ("GET", "/v1/dyads"),
    ("GET", "/v1/dyads/{a}/{b}/timeline"),
    ("GET", "/v1/dyads/{a}/{b}/facts"),
    ("GET", "/v1/actors"),
    ("GET", "/v1/network"),
    ("GET", "/v1/documents/{id}"),
    ("GET", "/v1/search"),
    ("POST", "/v1/code"),
    ("POST", "/v1/documents"),
];

/// Paths of the explorer's pages: each returns `index.html`, whose script renders the page.
pub const PAGES: &[&str] = &["/", "/network", "/search", "/dyad/{*rest}", "/doc/{*rest}", "/actor/{*rest}"];

/// How to start the server.
#[derive(Clone, Debug)]
pub struct Config {
    /// The database file.
    pub db: PathBuf,
    /// The address to bind (port 0 picks a free port).
    pub addr: SocketAddr,
    /// The token that enables the write endpoints; `None` keeps the server read-only.
    pub token: Option<String>,
    /// How long a read may take before it is interrupted and answered 503 `timeout`; `None`: no limit.
    pub query_timeout: Option<Duration>,
}

/// The default of [`Config::query_timeout`].
pub const DEFAULT_QUERY_TIMEOUT: Duration = Duration::from_secs(30);

/// A pool of read-only connections: a caller waits for a free one.
struct Pool {
    free: Mutex<Vec<Store>>,
    ready: Condvar,
}

impl Pool {
    fn with<T>(&self, f: impl FnOnce(&Store) -> T) -> T {
        struct Lease<'a> {
            pool: &'a Pool,
            store: Option<Store>,
        }
        impl Drop for Lease<'_> {
            fn drop(&mut self) {
                if let Some(s) = self.store.take() {
                    self.pool.free.lock().unwrap_or_else(|p| p.into_inner()).push(s);
                    self.pool.ready.notify_one();
                }
            }
        }
        let mut free = self.free.lock().unwrap_or_else(|p| p.into_inner());
        while free.is_empty() {
            free = self.ready.wait(free).unwrap_or_else(|p| p.into_inner());
        }
        let lease = Lease { pool: self, store: free.pop() };
        drop(free);
        f(lease.store.as_ref().expect("a leased connection"))
    }
}

/// What every handler shares.
pub(crate) struct AppState {
    readers: Pool,
    writer: Option<Mutex<Store>>,
    token: Option<String>,
    coder: Coder,
    /// Answers of the read endpoints, valid while the store's data version stays the same.
    cache: Mutex<cache::Cache>,
    /// A connection that only watches the data version.
    watcher: Mutex<Store>,
    /// Canonical names of countries and organisations, by code.
    names: std::collections::HashMap<String, String>,
    /// How long a read may take.
    query_timeout: Option<Duration>,
}

/// Where a read stands, shared by the blocking thread that runs it and the task that waits for it.
enum Stage {
    /// Waiting for a free connection.
    Waiting,
    /// Running on a connection, which this handle interrupts.
    Running(dyad_store::Interrupt),
    /// Finished (the connection may already serve another read: it must not be interrupted any more).
    Done,
    /// Timed out: a read still waiting must not start; a running one was interrupted.
    TimedOut,
}

type Shared = Arc<AppState>;

impl AppState {
    /// Runs `f` with a read connection on a blocking thread.
    async fn read<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&Store) -> std::result::Result<T, ApiError> + Send + 'static,
    ) -> std::result::Result<T, ApiError> {
        let st = self.clone();
        let stage = Arc::new(Mutex::new(Stage::Waiting));
        let shared = stage.clone();
        let limit = self.query_timeout;
        let mut task = tokio::task::spawn_blocking(move || {
            st.readers.with(|store| {
                {
                    let mut s = shared.lock().unwrap_or_else(|p| p.into_inner());
                    if matches!(*s, Stage::TimedOut) {
                        return Err(ApiError::timeout(limit));
                    }
                    *s = Stage::Running(store.interrupt_handle());
                }
                let answer = f(store);
                // Marked done before the connection goes back to the pool, so a late timeout cannot interrupt the
                // next read on it.
                let mut s = shared.lock().unwrap_or_else(|p| p.into_inner());
                if matches!(*s, Stage::TimedOut) {
                    return Err(ApiError::timeout(limit));
                }
                *s = Stage::Done;
                answer
            })
        });
        let joined = match limit {
            None => task.await,
            Some(limit) => match tokio::time::timeout(limit, &mut task).await {
                Ok(joined) => joined,
                Err(_) => {
                    let finished = {
                        let mut s = stage.lock().unwrap_or_else(|p| p.into_inner());
                        match std::mem::replace(&mut *s, Stage::TimedOut) {
                            Stage::Done => {
                                *s = Stage::Done;
                                true
                            }
                            // The caller is answered now; the interrupted statement fails on its blocking thread
                            // and its connection goes back to the pool (work outside SQLite runs to its end first).
                            Stage::Running(handle) => {
                                handle.interrupt();
                                false
                            }
                            Stage::Waiting | Stage::TimedOut => false,
                        }
                    };
                    if !finished {
                        return Err(ApiError::timeout(Some(limit)));
                    }
                    // Finished just as the limit passed: its answer is ready.
                    task.await
                }
            },
        };
        joined.map_err(|e| ApiError::internal(format!("query task failed: {e}")))?
    }

    /// The canonical name of an actor key (a country or organisation code), or the code itself.
    fn name(&self, code: &str) -> String {
        self.names.get(code).cloned().unwrap_or_else(|| code.to_string())
    }
}

/// A bound server, ready to run.
pub struct Server {
    listener: std::net::TcpListener,
    state: Shared,
}

impl Server {
    /// Opens the store (creating it when a token allows writes; else it must exist), loads the dictionaries and
    /// binds the address.
    pub fn bind(config: Config) -> Result<Server> {
        if config.token.as_deref().is_some_and(|t| t.trim().is_empty()) {
            return Err(Error::new(ErrorKind::Usage, "the token must not be empty"));
        }
        let writer = match &config.token {
            Some(_) => Some(Mutex::new(Store::open(&config.db)?)),
            None => None,
        };
        // A database of an older schema is migrated once (the views need the current one), even when the API is
        // read-only: migrations only add indexes and tables derived from the events.
        if Store::open_read_only(&config.db)?.schema_version()? < dyad_store::SCHEMA_VERSION {
            drop(Store::open(&config.db)?);
        }
        let watcher = Mutex::new(Store::open_read_only(&config.db)?);
        let readers = (0..4).map(|_| Store::open_read_only(&config.db)).collect::<Result<Vec<_>>>()?;
        let dict = Dictionaries::builtin()?;
        let mut names = std::collections::HashMap::new();
        for c in &dict.countries {
            names.insert(c.code.clone(), c.name.clone());
        }
        for o in &dict.orgs {
            names.entry(o.code.clone()).or_insert_with(|| o.name.clone());
        }
        let coder = Coder::new(dict)?;
        let listener = std::net::TcpListener::bind(config.addr)
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot listen on {}: {e}", config.addr)))?;
        listener.set_nonblocking(true).map_err(|e| Error::new(ErrorKind::Io, e.to_string()))?;
        let state = Arc::new(AppState {
            readers: Pool { free: Mutex::new(readers), ready: Condvar::new() },
            writer,
            token: config.token,
            coder,
            names,
            cache: Mutex::new(cache::Cache::default()),
            watcher,
            query_timeout: config.query_timeout,
        });
        Ok(Server { listener, state })
    }

    /// The bound address (with the real port when port 0 was asked for).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    /// Whether the write endpoints are enabled.
    pub fn writable(&self) -> bool {
        self.state.token.is_some()
    }

    /// Serves until interrupted (Ctrl-C, or SIGTERM on Unix), then finishes the requests in flight.
    pub fn run(self) -> Result<()> {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot start the runtime: {e}")))?;
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(self.listener)
                .map_err(|e| Error::new(ErrorKind::Io, e.to_string()))?;
            axum::serve(listener, router(self.state))
                .with_graceful_shutdown(shutdown())
                .await
                .map_err(|e| Error::new(ErrorKind::Io, format!("server: {e}")))
        })
    }
}

/// Resolves on Ctrl-C (SIGINT) or, on Unix, SIGTERM: the server then finishes the requests in flight.
async fn shutdown() {
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn route_handler(method: &str, path: &str) -> MethodRouter<Shared> {
    match (method, path) {
        ("GET", "/healthz") => get(api::healthz),
        ("GET", "/v1/openapi.json") => get(api::openapi),
        ("GET", "/v1/events") => get(api::events),
        ("GET", "/v1/timeline") => get(api::timeline),
        ("GET", "/v1/dyads") => get(api::dyads),
        ("GET", "/v1/dyads/{a}/{b}/timeline") => get(api::dyad_timeline),
        ("GET", "/v1/dyads/{a}/{b}/facts") => get(api::dyad_facts),
        ("GET", "/v1/actors") => get(api::actors),
        ("GET", "/v1/network") => get(api::network),
        ("GET", "/v1/documents/{id}") => get(api::document),
        ("GET", "/v1/search") => get(api::search),
        ("POST", "/v1/code") => post(api::code),
        ("POST", "/v1/documents") => post(api::store_document),
        _ => unreachable!("ROUTES lists {method} {path} without a handler"),
    }
}

fn router(state: Shared) -> Router {
    let mut r: Router<Shared> = Router::new();
    // Paths listed twice (GET and POST /v1/documents/…) are merged by method.
    let mut paths: Vec<&str> = ROUTES.iter().map(|(_, p)| *p).collect();
    paths.sort_unstable();
    paths.dedup();
    for path in paths {
        let mut m: MethodRouter<Shared> = MethodRouter::new();
        for (method, _) in ROUTES.iter().filter(|(_, p)| *p == path) {
            m = m.merge(route_handler(method, path));
        }
        if cache::CACHED.contains(&path) {
            m = m.layer(axum::middleware::from_fn_with_state(state.clone(), cache::layer));
        }
        r = r.route(path, m.fallback(api::method_not_allowed));
    }
    for page in PAGES {
        r = r.route(page, get(assets::index).fallback(api::method_not_allowed));
    }
    r.route("/assets/{*path}", get(assets::asset).fallback(api::method_not_allowed))
        .fallback(api::not_found)
        .layer(axum::middleware::map_response(api::common_headers))
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Instant;

    fn server(limit: Option<Duration>) -> (tempfile::TempDir, Server) {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        drop(Store::open(&db).unwrap());
        let server =
            Server::bind(Config { db, addr: "127.0.0.1:0".parse().unwrap(), token: None, query_timeout: limit })
                .unwrap();
        (dir, server)
    }

    #[tokio::test]
    async fn a_read_past_the_limit_is_answered_timeout_and_its_connection_comes_back() {
        let (_dir, server) = server(Some(Duration::from_millis(100)));
        let st = server.state.clone();
        let started = Instant::now();
        let err = st
            .read(|_| {
                std::thread::sleep(Duration::from_millis(1500));
                Ok(())
            })
            .await
            .unwrap_err();
        assert_eq!((err.status, err.code), (axum::http::StatusCode::SERVICE_UNAVAILABLE, "timeout"));
        assert!(started.elapsed() < Duration::from_millis(1200), "answered after {:?}", started.elapsed());
        // A quick read on the same pool is answered meanwhile, and the store reads fine after the slow one ends.
        assert_eq!(st.read(|s| Ok(s.schema_version()?)).await.unwrap(), dyad_store::SCHEMA_VERSION);
        tokio::time::sleep(Duration::from_millis(1500)).await;
        for _ in 0..8 {
            assert_eq!(st.read(|s| Ok(s.totals()?)).await.unwrap(), (0, 0));
        }
    }

    #[tokio::test]
    async fn a_read_that_times_out_while_waiting_for_a_connection_never_runs() {
        let (_dir, server) = server(Some(Duration::from_millis(200)));
        let st = server.state.clone();
        // Hold all four connections for longer than the limit.
        let holders: Vec<_> = (0..4)
            .map(|_| {
                let st = st.clone();
                tokio::spawn(async move {
                    st.read(|_| {
                        std::thread::sleep(Duration::from_millis(600));
                        Ok(())
                    })
                    .await
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(50)).await;
        let ran = Arc::new(AtomicBool::new(false));
        let flag = ran.clone();
        let err = st
            .read(move |_| {
                flag.store(true, Ordering::SeqCst);
                Ok(())
            })
            .await
            .unwrap_err();
        assert_eq!(err.code, "timeout");
        for h in holders {
            assert_eq!(h.await.unwrap().unwrap_err().code, "timeout");
        }
        tokio::time::sleep(Duration::from_millis(700)).await;
        assert!(!ran.load(Ordering::SeqCst), "a read that timed out while waiting ran later");
    }

    #[tokio::test]
    async fn without_a_limit_a_slow_read_is_answered() {
        let (_dir, server) = server(None);
        let v = server
            .state
            .read(|s| {
                std::thread::sleep(Duration::from_millis(300));
                Ok(s.schema_version()?)
            })
            .await
            .unwrap();
        assert_eq!(v, dyad_store::SCHEMA_VERSION);
    }
}
