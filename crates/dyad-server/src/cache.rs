//! A cache of the read endpoints' answers, keyed by path and query string. It is emptied whenever the store's data
//! version changes (a commit by the server's writer, or by any other process such as `dyad ingest`), so it never
//! serves an answer older than the data. Only successful answers are kept; the cache is bounded in entries and
//! bytes (emptied when full).

use std::collections::HashMap;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::Shared;

/// The routes whose GET answers are cached (the health check always asks the store).
pub const CACHED: &[&str] = &[
    "/v1/events",
    "/v1/timeline",
    "/v1/dyads",
    "/v1/dyads/{a}/{b}/timeline",
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
    if let Some(body) = st.cache.lock().unwrap_or_else(|p| p.into_inner()).entries.get(&key).cloned() {
        return json(body, true);
    }
    let resp = next.run(req).await;
    if resp.status() != StatusCode::OK {
        return resp;
    }
    let (parts, body) = resp.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_ENTRY).await else {
        return ApiError::internal("an answer too large to buffer").into_response();
    };
    {
        let mut c = st.cache.lock().unwrap_or_else(|p| p.into_inner());
        // Kept only if no commit was seen since this request looked: else it may describe older data.
        if c.version == Some(version) {
            if c.entries.len() >= MAX_ENTRIES || c.bytes + bytes.len() > MAX_BYTES {
                c.entries.clear();
                c.bytes = 0;
            }
            c.bytes += bytes.len();
            c.entries.insert(key, bytes.clone());
        }
    }
    let mut resp = Response::from_parts(parts, Body::from(bytes));
    resp.headers_mut().insert("x-cache", HeaderValue::from_static("miss"));
    resp
}
