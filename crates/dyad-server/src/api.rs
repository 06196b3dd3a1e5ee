//! The handlers of the JSON API. Each parses and checks its parameters, runs one store view on a blocking thread
//! and shapes the JSON; the coding and the SQL live in the library and the store.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use dyad::json::{event_out, mention_row};
use dyad::Document;
use dyad_store::{ActorRow, DyadRow, MentionRow, Outcome, PeriodRow, StoredDocument};
use serde_json::{json, Map, Value};

use crate::error::ApiError;
use crate::params::{check_code, Params, FILTER_PARAMS};
use crate::{Shared, BODY_LIMIT, OPENAPI};

type ApiResult = Result<Json<Value>, ApiError>;

/// Largest page of events.
pub const MAX_EVENTS: usize = 1000;
/// Largest list of dyads, actors or network edges.
pub const MAX_LIST: usize = 1000;
/// Largest page of search hits.
pub const MAX_HITS: usize = 200;

/// A Goldstein mean to three decimals.
fn r3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn period_json(r: &PeriodRow) -> Value {
    json!({"period": r.period, "q1": r.quads[0], "q2": r.quads[1], "q3": r.quads[2], "q4": r.quads[3],
           "total": r.total, "goldstein_mean": r3(r.goldstein_mean)})
}

fn dyad_json(r: &DyadRow) -> Value {
    json!({"a": r.a, "b": r.b, "count": r.count, "goldstein_mean": r3(r.goldstein_mean),
           "q1": r.quads[0], "q2": r.quads[1], "q3": r.quads[2], "q4": r.quads[3]})
}

fn event_json(stored: &str) -> Result<Value, ApiError> {
    serde_json::from_str(stored).map_err(|e| ApiError::internal(format!("a stored event is not JSON: {e}")))
}

/// Headers on every response: no MIME sniffing, and a page that may load nothing from another origin.
pub async fn common_headers(mut resp: Response) -> Response {
    let h = resp.headers_mut();
    h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    h.insert(
        "content-security-policy",
        HeaderValue::from_static("default-src 'self' 'unsafe-inline' data:; frame-ancestors 'none'"),
    );
    resp
}

pub async fn not_found(uri: Uri) -> ApiError {
    ApiError::not_found(format!("no such path: {}", uri.path()))
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::method_not_allowed()
}

pub async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

pub async fn healthz(State(st): State<Shared>, p: Params) -> ApiResult {
    p.allow(&[])?;
    let (documents, events) = st.read(|s| Ok(s.totals()?)).await?;
    Ok(Json(json!({"status": "ok", "documents": documents, "events": events})))
}

pub async fn events(State(st): State<Shared>, p: Params) -> ApiResult {
    p.allow(&[FILTER_PARAMS, &["limit", "offset"]])?;
    let filter = p.filter()?;
    let limit = p.number("limit", 100, 1, MAX_EVENTS)?;
    let offset = p.number("offset", 0, 0, 1_000_000_000)?;
    let (total, rows) = st.read(move |s| Ok(s.events_page(&filter, limit, offset)?)).await?;
    let events = rows.iter().map(|r| event_json(&r.json)).collect::<Result<Vec<_>, _>>()?;
    Ok(Json(json!({"total": total, "limit": limit, "offset": offset, "events": events})))
}

pub async fn timeline(State(st): State<Shared>, p: Params) -> ApiResult {
    p.allow(&[FILTER_PARAMS, &["period"]])?;
    let filter = p.filter()?;
    let period = p.period()?;
    let rows = st.read(move |s| Ok(s.timeline(&filter, period)?)).await?;
    Ok(Json(json!({"period": period.as_str(), "series": rows.iter().map(period_json).collect::<Vec<_>>()})))
}

pub async fn dyad_timeline(State(st): State<Shared>, Path((a, b)): Path<(String, String)>, p: Params) -> ApiResult {
    p.allow(&[&["period", "from", "to", "code", "quad", "mode", "one_a_day"]])?;
    let (a, b) = (check_code("a", &a)?, check_code("b", &b)?);
    let mut filter = p.filter()?;
    filter.dyad = Some((a.clone(), b.clone()));
    let period = p.period()?;
    let rows = st.read(move |s| Ok(s.timeline(&filter, period)?)).await?;
    Ok(Json(json!({"a": a, "b": b, "period": period.as_str(),
                   "series": rows.iter().map(period_json).collect::<Vec<_>>()})))
}

/// The relations register of a pair (issue 8): for each fact type, the current value(s), the last upgrade and every
/// value stated, with their sources. Facts are stored by pair of countries or organisations, in either order.
pub async fn dyad_facts(State(st): State<Shared>, Path((a, b)): Path<(String, String)>, p: Params) -> ApiResult {
    p.allow(&[])?;
    let (a, b) = (check_code("a", &a)?, check_code("b", &b)?);
    let (ka, kb) = (a.clone(), b.clone());
    let register = st.read(move |s| Ok(s.facts_register(&ka, &kb)?)).await?;
    let mut v = serde_json::to_value(&register).map_err(|e| ApiError::internal(format!("register: {e}")))?;
    v["names"] = json!([st.name(&a), st.name(&b)]);
    Ok(Json(v))
}

pub async fn dyads(State(st): State<Shared>, p: Params) -> ApiResult {
    p.allow(&[&["from", "to", "limit", "min_count"]])?;
    let (from, to) = (p.date("from")?, p.date("to")?);
    let limit = p.number("limit", 20, 1, MAX_LIST)?;
    let min_count = p.number("min_count", 1, 1, 1_000_000_000)? as i64;
    let rows = st.read(move |s| Ok(s.dyads(from.as_deref(), to.as_deref(), min_count, limit)?)).await?;
    Ok(Json(json!({"dyads": rows.iter().map(dyad_json).collect::<Vec<_>>()})))
}

pub async fn actors(State(st): State<Shared>, p: Params) -> ApiResult {
    p.allow(&[&["from", "to", "limit"]])?;
    let (from, to) = (p.date("from")?, p.date("to")?);
    let limit = p.number("limit", 20, 1, MAX_LIST)?;
    let rows = st.read(move |s| Ok(s.actors(from.as_deref(), to.as_deref(), limit, None)?)).await?;
    let actors: Vec<Value> = rows
        .iter()
        .map(|r: &ActorRow| {
            json!({"code": r.code, "name": st.name(&r.code), "events": r.events, "as_source": r.as_source,
                   "as_target": r.as_target, "goldstein_mean": r3(r.goldstein_mean)})
        })
        .collect();
    Ok(Json(json!({"actors": actors})))
}

pub async fn network(State(st): State<Shared>, p: Params) -> ApiResult {
    p.allow(&[&["from", "to", "limit", "min_count"]])?;
    let (from, to) = (p.date("from")?, p.date("to")?);
    let limit = p.number("limit", 200, 1, MAX_LIST)?;
    let min_count = p.number("min_count", 1, 1, 1_000_000_000)? as i64;
    let (edges, nodes) = st
        .read(move |s| {
            let edges = s.dyads(from.as_deref(), to.as_deref(), min_count, limit)?;
            let mut codes: Vec<String> = edges.iter().flat_map(|e| [e.a.clone(), e.b.clone()]).collect();
            codes.sort_unstable();
            codes.dedup();
            let nodes = s.actors(from.as_deref(), to.as_deref(), codes.len(), Some(&codes))?;
            Ok((edges, nodes))
        })
        .await?;
    let nodes: Vec<Value> =
        nodes.iter().map(|r| json!({"code": r.code, "name": st.name(&r.code), "events": r.events})).collect();
    Ok(Json(json!({"nodes": nodes, "edges": edges.iter().map(dyad_json).collect::<Vec<_>>()})))
}

/// Character offsets of each sentence's start in the text that joins the sentences with `\n`.
fn sentence_starts(sentences: &[String]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(sentences.len());
    let mut at = 0;
    for s in sentences {
        starts.push(at);
        at += s.chars().count() + 1;
    }
    starts
}

/// Moves the `start` and `end` of `obj` from its sentence to the whole text (`Some(base)`), or removes them (`None`,
/// the title, which is not part of the text).
fn rebase(obj: &mut Value, base: Option<usize>) {
    let Some(map) = obj.as_object_mut() else { return };
    for key in ["start", "end"] {
        match base {
            Some(b) => {
                if let Some(v) = map.get(key).and_then(Value::as_u64) {
                    map.insert(key.to_string(), json!(v as usize + b));
                }
            }
            None => {
                map.remove(key);
            }
        }
    }
}

fn base_of(item: &Value, starts: &[usize]) -> Option<usize> {
    item.get("sentence").and_then(Value::as_u64).and_then(|i| starts.get(i as usize).copied())
}

/// The document view shared by `GET /v1/documents/{id}` and `POST /v1/code`: the text (the sentences joined by
/// newlines, the title apart), the sentences' spans, and the mentions and events with spans in the text.
#[allow(clippy::too_many_arguments)]
fn document_view(
    id: &str,
    title: Option<&str>,
    date: Option<&str>,
    url: Option<&str>,
    publisher: Option<&str>,
    sentences: &[String],
    mut mentions: Vec<Value>,
    mut events: Vec<Value>,
) -> Value {
    let starts = sentence_starts(sentences);
    let spans: Vec<Value> = sentences
        .iter()
        .zip(&starts)
        .enumerate()
        .map(|(i, (s, &b))| json!({"index": i, "start": b, "end": b + s.chars().count()}))
        .collect();
    for m in &mut mentions {
        let base = base_of(m, &starts);
        rebase(m, base);
    }
    for e in &mut events {
        let base = base_of(e, &starts);
        for side in ["source", "target", "evidence"] {
            if let Some(v) = e.get_mut(side) {
                rebase(v, base);
            }
        }
    }
    json!({"id": id, "title": title, "date": date, "url": url, "publisher": publisher, "text": sentences.join("\n"),
           "sentences": spans, "mentions": mentions, "events": events})
}

fn mention_json(doc: &str, m: &MentionRow) -> Value {
    json!({"doc": doc, "sentence": m.sentence, "in_title": m.sentence.is_none(), "start": m.start, "end": m.end,
           "text": m.text, "code": m.code, "country": m.country, "agent": m.agent, "name": m.name, "kind": m.kind,
           "entry": m.entry, "via": m.via})
}

pub async fn document(State(st): State<Shared>, Path(id): Path<String>, p: Params) -> ApiResult {
    p.allow(&[])?;
    let lookup = id.clone();
    let doc: Option<StoredDocument> = st.read(move |s| Ok(s.document(&lookup)?)).await?;
    let d = doc.ok_or_else(|| ApiError::not_found(format!("no document with id {id:?}")))?;
    let mentions = d.mentions.iter().map(|m| mention_json(&d.id, m)).collect();
    let events = d.events.iter().map(|e| event_json(e)).collect::<Result<Vec<_>, _>>()?;
    Ok(Json(document_view(
        &d.id,
        d.title.as_deref(),
        d.date.as_deref(),
        d.url.as_deref(),
        d.publisher.as_deref(),
        &d.sentences,
        mentions,
        events,
    )))
}

pub async fn search(State(st): State<Shared>, p: Params) -> ApiResult {
    p.allow(&[&["q", "limit"]])?;
    let q = p.get("q").ok_or_else(|| ApiError::invalid_parameter("q is required: the words to search for"))?;
    if q.len() > 1000 {
        return Err(ApiError::invalid_parameter("q is longer than 1000 bytes"));
    }
    let q = q.to_string();
    let limit = p.number("limit", 20, 1, MAX_HITS)?;
    let hits = st.read(move |s| Ok(s.search_snippets(&q, limit)?)).await?;
    let hits: Vec<Value> = hits
        .iter()
        .map(|h| {
            json!({"doc": h.doc, "title": h.title, "date": h.date, "sentence": h.sentence,
                        "in_title": h.sentence.is_none(), "snippet": h.snippet})
        })
        .collect();
    Ok(Json(json!({"hits": hits})))
}

/// Checks the bearer token of a write request: 403 when the server has none, 401 (one message) when it is missing
/// or wrong. The comparison takes the same time wherever the tokens differ.
fn authorize(st: &Shared, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = &st.token else { return Err(ApiError::read_only()) };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .unwrap_or("");
    let (a, b) = (given.as_bytes(), token.as_bytes());
    let mut diff = u8::from(a.len() != b.len());
    for i in 0..a.len().max(b.len()) {
        diff |= a.get(i).copied().unwrap_or(0) ^ b.get(i).copied().unwrap_or(0);
    }
    if diff == 0 {
        Ok(())
    } else {
        Err(ApiError::unauthorized())
    }
}

/// Reads a JSON body of at most [`BODY_LIMIT`] bytes.
async fn read_json(headers: &HeaderMap, body: Body) -> Result<Value, ApiError> {
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok());
    if declared.is_some_and(|n: usize| n > BODY_LIMIT) {
        return Err(ApiError::too_large(BODY_LIMIT));
    }
    let bytes = axum::body::to_bytes(body, BODY_LIMIT).await.map_err(|_| ApiError::too_large(BODY_LIMIT))?;
    serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "invalid_json", format!("request body: {e}")))
}

fn field_error(code: &'static str, message: String) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, code, message)
}

/// A posted document: `text` (or `sentences`), and optional `id`, `title`, `date`, `url`, `publisher`.
fn posted_document(body: Value, id_required: bool) -> Result<Document, ApiError> {
    const FIELDS: &[&str] = &["id", "text", "sentences", "title", "date", "url", "publisher"];
    let Value::Object(map) = body else {
        return Err(field_error("invalid_field", "the body must be a JSON object with a \"text\" string".into()));
    };
    if let Some(k) = map.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(field_error("invalid_field", format!("unknown field {k:?} (fields: {})", FIELDS.join(", "))));
    }
    let string = |map: &Map<String, Value>, k: &str| -> Result<Option<String>, ApiError> {
        match map.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(field_error("invalid_field", format!("{k} must be a string"))),
        }
    };
    let id = match map.get("id") {
        None | Some(Value::Null) if id_required => {
            return Err(field_error("missing_field", "id is required to store a document".into()))
        }
        None | Some(Value::Null) => "posted".to_string(),
        Some(Value::String(s)) if !s.trim().is_empty() && s.len() <= 512 => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => {
            return Err(field_error(
                "invalid_field",
                "id must be a non-empty string (at most 512 bytes) or a number".into(),
            ))
        }
    };
    let title = string(&map, "title")?;
    let mut doc = match (string(&map, "text")?, map.get("sentences")) {
        (Some(text), None) => Document::from_text(id, title.as_deref(), &text),
        (None, Some(Value::Array(items))) => {
            let sentences = items
                .iter()
                .map(|s| s.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| field_error("invalid_field", "sentences must be an array of strings".into()))?;
            Document::from_sentences(id, title.as_deref(), &sentences)
        }
        (None, Some(_)) => return Err(field_error("invalid_field", "sentences must be an array of strings".into())),
        (Some(_), Some(_)) => return Err(field_error("invalid_field", "give text or sentences, not both".into())),
        (None, None) => return Err(field_error("missing_field", "text is required".into())),
    };
    if doc.is_empty() {
        return Err(field_error("empty_input", "the document holds no sentence".into()));
    }
    if let Some(d) = string(&map, "date")? {
        doc.date =
            Some(d.parse().map_err(|_| field_error("invalid_field", format!("date must be YYYY-MM-DD, not {d:?}")))?);
    }
    doc.url = string(&map, "url")?;
    doc.publisher = string(&map, "publisher")?;
    Ok(doc)
}

fn sentences_of(doc: &Document) -> Vec<String> {
    (0..doc.len()).map(|i| doc.sentence(i).to_string()).collect()
}

pub async fn code(State(st): State<Shared>, headers: HeaderMap, body: Body) -> ApiResult {
    authorize(&st, &headers)?;
    let doc = posted_document(read_json(&headers, body).await?, false)?;
    let st2 = st.clone();
    let view = tokio::task::spawn_blocking(move || {
        let coded = st2.coder.code(&doc);
        let version = st2.coder.dict_version();
        let mentions: Vec<Value> = coded
            .mentions
            .iter()
            .map(|m| serde_json::to_value(mention_row(&doc, m)).expect("rows serialise"))
            .collect();
        let events: Vec<Value> = coded
            .events
            .iter()
            .map(|e| serde_json::to_value(event_out(&doc, e, version)).expect("events serialise"))
            .collect();
        let date = doc.date.map(|d| d.to_string());
        document_view(
            &doc.id,
            doc.title(),
            date.as_deref(),
            doc.url.as_deref(),
            doc.publisher.as_deref(),
            &sentences_of(&doc),
            mentions,
            events,
        )
    })
    .await
    .map_err(|e| ApiError::internal(format!("coding task failed: {e}")))?;
    Ok(Json(view))
}

pub async fn store_document(State(st): State<Shared>, headers: HeaderMap, body: Body) -> Result<Response, ApiError> {
    authorize(&st, &headers)?;
    let doc = posted_document(read_json(&headers, body).await?, true)?;
    let st2 = st.clone();
    let (id, outcome, events) = tokio::task::spawn_blocking(move || -> Result<_, ApiError> {
        let coded = st2.coder.code(&doc);
        let events = coded.events.len();
        let id = doc.id.clone();
        let writer = st2.writer.as_ref().ok_or_else(ApiError::read_only)?;
        let mut store = writer.lock().unwrap_or_else(|p| p.into_inner());
        let outcome = store.ingest(&[(doc, coded)], st2.coder.dict_version())?;
        Ok((id, outcome[0], events))
    })
    .await
    .map_err(|e| ApiError::internal(format!("storing task failed: {e}")))??;
    let (status, word) = match outcome {
        Outcome::Added => (StatusCode::CREATED, "inserted"),
        Outcome::Replaced => (StatusCode::OK, "replaced"),
        Outcome::Unchanged => (StatusCode::OK, "unchanged"),
    };
    Ok((status, Json(json!({"id": id, "status": word, "events": events}))).into_response())
}
