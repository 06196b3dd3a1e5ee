//! A cache of the read endpoints' answers, keyed by path and query string. It is emptied whenever the store's data
//! version changes (a commit by the server's writer, or by any other process such as `dyad ingest`), so it never
//! serves an answer older than the data. Only successful answers are kept; the cache is bounded in entries and
//! bytes (emptied when full).

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::Shared;

/// The routes whose GET answers are cached.
pub const CACHED: &[&str] = &[
    "/healthz",
    "/v1/events",
    "/v1/timeline",
    "/v1/dyads",
    "/v1/dyads/{a}/{b}/timeline",
    "/v1/dyads/{a}/{b}/facts",
    "/v1/actors",
    "/v1/network",
    "/v1/documents/{id}",
    "/v1/search",
];

const MAX_ENTRIES: usize = 1024;
const MAX_BYTES: usize = 64 << 20;
const MAX_ENTRY: usize = 4 << 20;

#[derive(Default)]
pub struct Cache {
    version: Option<i64>,
    entries: HashMap<String, Bytes>,
    bytes: usize,
    /// Answers being computed: a request that asks for one waits for it instead of computing it again.
    pending: HashMap<String, Arc<tokio::sync::OnceCell<Bytes>>>,
}

/// The data version now, emptying the cache when it moved.
fn check(st: &Shared) -> Result<i64, ApiError> {
    let version = st.watcher.lock().unwrap_or_else(|p| p.into_inner()).data_version()?;
    let mut c = st.cache.lock().unwrap_or_else(|p| p.into_inner());
    if c.version != Some(version) {
        c.entries.clear();
        c.bytes = 0;
        c.version = Some(version);
    }
    Ok(version)
}

fn json(body: Bytes, hit: bool) -> Response {
    let mut resp = (StatusCode::OK, Body::from(body)).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    h.insert("x-cache", HeaderValue::from_static(if hit { "hit" } else { "miss" }));
    resp
}

pub async fn layer(State(st): State<Shared>, req: Request, next: Next) -> Response {
    if req.method() != Method::GET {
        return next.run(req).await;
    }
    let key = req.uri().path_and_query().map_or_else(|| req.uri().path().to_string(), |p| p.as_str().to_string());
    let version = match check(&st) {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    let pending = {
        let mut c = st.cache.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(body) = c.entries.get(&key) {
            return json(body.clone(), true);
        }
        c.pending.entry(key.clone()).or_default().clone()
    };
    // The first request computes; the others wait for its answer. An error is not shared: each request that saw
    // one answers it, and a later request computes again.
    let mut own: Option<Response> = None;
    let computed = pending
        .get_or_try_init(|| async {
            let resp = next.run(req).await;
            if resp.status() != StatusCode::OK {
                own = Some(resp);
                return Err(());
            }
            let (parts, body) = resp.into_parts();
            match axum::body::to_bytes(body, MAX_ENTRY).await {
                Ok(bytes) => {
                    drop(parts);
                    Ok(bytes)
                }
                Err(_) => {
                    own = Some(ApiError::internal("an answer too large to buffer").into_response());
                    Err(())
                }
            }
        })
        .await
        .cloned();
    let mut c = st.cache.lock().unwrap_or_else(|p| p.into_inner());
    if c.pending.get(&key).is_some_and(|p| Arc::ptr_eq(p, &pending)) {
        c.pending.remove(&key);
    }
    let bytes = match (computed, own) {
        (Ok(bytes), _) => bytes,
        (Err(()), Some(resp)) => return resp,
        // Another request's computation failed: this one was not run; it answers what a retry would.
        (Err(()), None) => {
            drop(c);
            return ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "internal",
                "a concurrent identical request failed; retry",
            )
            .into_response();
        }
    };
    // Kept only if no commit was seen since this request looked: else it may describe older data.
    if c.version == Some(version) && !c.entries.contains_key(&key) {
        if c.entries.len() >= MAX_ENTRIES || c.bytes + bytes.len() > MAX_BYTES {
            c.entries.clear();
            c.bytes = 0;
        }
        c.bytes += bytes.len();
        c.entries.insert(key, bytes.clone());
    }
    drop(c);
    json(bytes, false)
}
