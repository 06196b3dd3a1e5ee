//! The explorer's files, compiled in from `assets/` (see `build.rs`): `index.html` for every page, the rest under
//! `/assets/`.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

include!(concat!(env!("OUT_DIR"), "/assets.rs"));

/// The contents of an embedded file.
pub fn file(path: &str) -> Option<&'static [u8]> {
    ASSETS.iter().find(|(p, _)| *p == path).map(|(_, b)| *b)
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map_or("", |(_, ext)| ext) {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// `index.html`: the page's script reads the path and renders it.
pub async fn index() -> Response {
    let body = file("index.html").expect("assets/index.html exists");
    ([(header::CONTENT_TYPE, content_type("index.html")), (header::CACHE_CONTROL, "no-cache")], body).into_response()
}

/// A file under `/assets/`.
pub async fn asset(Path(path): Path<String>) -> Result<Response, ApiError> {
    let body = file(&path).ok_or_else(|| ApiError::not_found(format!("no asset {path:?}")))?;
    Ok(([(header::CONTENT_TYPE, content_type(&path)), (header::CACHE_CONTROL, "no-cache")], body).into_response())
}
