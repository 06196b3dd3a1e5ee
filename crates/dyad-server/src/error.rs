//! API errors: one JSON shape, `{"error": {"code": "...", "message": "..."}}`, with a stable code and an HTTP status
//! each. Library errors keep their own stable codes (`invalid_json`, `store`, …).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use dyad::error::{Error, ErrorKind};

/// The message of every 401: the same whether the token is missing or wrong, so a caller learns nothing from it.
pub const UNAUTHORIZED_MESSAGE: &str = "this endpoint needs a valid token: Authorization: Bearer TOKEN";

/// An error answered as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable code.
    pub code: &'static str,
    /// Human-readable message.
    pub message: String,
}

impl ApiError {
    /// A new error.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError { status, code, message: message.into() }
    }

    /// 400 `invalid_parameter`: a query parameter or path segment that does not parse or is out of range.
    pub fn invalid_parameter(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", message)
    }

    /// 400 `bad_request`: a request that cannot be served as made.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    /// 404 `not_found`.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 401 `unauthorized`, one message for a missing and a wrong token.
    pub fn unauthorized() -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", UNAUTHORIZED_MESSAGE)
    }

    /// 403 `forbidden`: the server was started without a token.
    pub fn read_only() -> ApiError {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "server is read-only: start it with --token (or DYAD_TOKEN) to enable writes",
        )
    }

    /// 413 `payload_too_large`.
    pub fn too_large(limit: usize) -> ApiError {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("request body is larger than {limit} bytes"),
        )
    }

    /// 405 `method_not_allowed`.
    pub fn method_not_allowed() -> ApiError {
        ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "this path does not take this method")
    }

    /// 503 `timeout`: the read took longer than the server allows (`dyad serve --query-timeout`).
    pub fn timeout(limit: Option<std::time::Duration>) -> ApiError {
        let limit = limit.map(|d| format!(" ({} s)", d.as_secs_f64())).unwrap_or_default();
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!("the query took longer than the server allows{limit}: narrow it (a dyad, an actor, a period) or try again"),
        )
    }

    /// 500 `internal`.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        let status = match e.kind() {
            ErrorKind::Store | ErrorKind::Io => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::BAD_REQUEST,
        };
        let code = match e.kind() {
            ErrorKind::Usage => "invalid_parameter",
            k => k.code(),
        };
        // The message alone: the code is in its own field, and a server-side file path is not the caller's business.
        ApiError::new(status, code, e.message())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({"error": {"code": self.code, "message": self.message}});
        let mut resp = (self.status, axum::Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            resp.headers_mut().insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
        }
        resp
    }
}
