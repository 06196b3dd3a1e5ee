//! `dyad._dyad`: the Python module over the dyad library (PyO3, built with maturin; the package `dyad` in
//! `python/dyad/` re-exports it).
//!
//! Glue only: documents are built by the library's readers ([`dyad::read::document_from_json`] for dicts, the same
//! code path as a JSON Lines line; [`Document::from_text`] for plain text, as for a plain-text file; [`Reader`] for
//! files), coded by [`dyad::coder::Coder`], and turned into dicts by serialising [`dyad::json`]'s rows, so a Python
//! event has exactly the keys, order and values of a `dyad code` JSON line. Coding runs with the GIL released;
//! `code_many` pulls a batch from the Python iterable (GIL held), codes it on a rayon pool (GIL released), and
//! yields its events in input order before pulling the next batch, so memory stays flat.
//!
//! Errors become instances of `dyad.DyadError` (defined in `python/dyad/_errors.py`) whose `.code` is the library's
//! stable code, the one the CLI prints in brackets.

use std::collections::VecDeque;
use std::sync::Arc;

use dyad::coder::{Coded, Coder as RustCoder};
use dyad::dict::Dictionaries;
use dyad::json::{event_out, mention_row};
use dyad::read::{document_from_json, ReadOptions, Reader};
use dyad::{Date, Document, Error, ErrorKind};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyIterator, PyList, PyString, PyTuple};
use rayon::prelude::*;
use serde_json::Value;
use to_py::{to_py, Keys};

mod to_py;

/// Largest text accepted for one document: the CLI reader's bound for a whole-file document (64 MiB).
const MAX_TEXT_BYTES: usize = 64 << 20;
/// Longest line accepted in a text: the CLI reader's line bound (8 MiB).
const MAX_LINE_BYTES: usize = 8 << 20;

/// The `dyad.DyadError` subclass for `e`, built by `dyad._errors._from_code`.
fn py_err(py: Python<'_>, e: &Error) -> PyErr {
    let made = (|| -> PyResult<PyErr> {
        let make = py.import("dyad._errors")?.getattr("_from_code")?;
        let exc = make.call1((e.code(), e.to_string(), e.message(), e.file(), e.line()))?;
        Ok(PyErr::from_value(exc))
    })();
    made.unwrap_or_else(|err| err)
}

fn usage(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Usage, message)
}

/// What the caller handed us, converted while the GIL is held; turned into a [`Document`] without it.
enum Input {
    Text { id: String, text: String },
    Json(Value),
    Doc(Box<Document>),
}

impl Input {
    /// The document's id, when the input names one (for error messages).
    fn id(&self) -> Option<String> {
        match self {
            Input::Text { id, .. } => Some(id.clone()),
            Input::Json(Value::Object(map)) => match map.get("id") {
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Number(n)) => Some(n.to_string()),
                _ => None,
            },
            Input::Json(_) => None,
            Input::Doc(doc) => Some(doc.id.clone()),
        }
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    if obj.is_none() {
        return "None".to_string();
    }
    if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
        return "bytes (decode them first: data.decode(\"utf-8\"))".to_string();
    }
    obj.get_type().getattr("__name__").and_then(|n| n.extract::<String>()).unwrap_or_else(|_| "an object".to_string())
}

fn not_utf8(what: &str) -> Error {
    Error::new(
        ErrorKind::InvalidUtf8,
        format!(
            "{what} is not valid UTF-8 (it holds a lone surrogate, e.g. from bytes decoded with 'surrogateescape')"
        ),
    )
}

/// A Python str as a Rust `String`; a str that cannot be encoded as UTF-8 (lone surrogates) is `invalid_utf8`.
fn py_str(obj: &Bound<'_, PyAny>, what: &str) -> Result<String, Error> {
    obj.extract::<String>().map_err(|_| not_utf8(what))
}

/// A Python value as JSON, for a document given as a dict (the JSON Lines reader's object). Dates (anything with
/// `isoformat`) become strings; NaN (a pandas missing value) becomes null.
fn py_to_value(obj: &Bound<'_, PyAny>, field: &str) -> Result<Value, Error> {
    let what = || if field.is_empty() { "the document".to_string() } else { format!("field {field:?}") };
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.downcast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(Error::new(ErrorKind::InvalidField, format!("{} is an integer too large for JSON", what())));
    }
    if obj.is_instance_of::<PyFloat>() {
        let f: f64 = obj.extract().map_err(|e| Error::new(ErrorKind::InvalidField, e.to_string()))?;
        return Ok(serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number));
    }
    if obj.is_instance_of::<PyString>() {
        return py_str(obj, &what()).map(Value::String);
    }
    if let Ok(d) = obj.downcast::<PyDict>() {
        let mut map = serde_json::Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            if !k.is_instance_of::<PyString>() {
                return Err(Error::new(
                    ErrorKind::InvalidField,
                    format!("{}: keys must be strings, found {}", what(), type_name(&k)),
                ));
            }
            let key = py_str(&k, "a key")?;
            let value = py_to_value(&v, &key)?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, item) in obj.try_iter().map_err(|e| Error::new(ErrorKind::InvalidField, e.to_string()))?.enumerate() {
            let item = item.map_err(|e| Error::new(ErrorKind::InvalidField, e.to_string()))?;
            items.push(py_to_value(&item, &format!("{field}[{i}]"))?);
        }
        return Ok(Value::Array(items));
    }
    if obj.hasattr("isoformat").unwrap_or(false) {
        if let Ok(s) = obj.call_method0("isoformat").and_then(|s| s.extract::<String>()) {
            return Ok(Value::String(s));
        }
    }
    if let Ok(items) = obj.call_method0("tolist") {
        // numpy arrays (pandas hands list columns over as arrays)
        return py_to_value(&items, field);
    }
    Err(Error::new(ErrorKind::InvalidField, format!("{} cannot be read from {}", what(), type_name(obj))))
}

/// One input item: a str (running text), a dict (a JSON Lines object) or a `dyad.Document` (from `dyad.read`).
/// `doc_id` overrides the document's id; a str without one gets `position`.
fn extract_input(item: &Bound<'_, PyAny>, doc_id: Option<&str>, position: usize) -> Result<Input, Error> {
    if let Ok(doc) = item.downcast::<PyDocument>() {
        let mut doc = doc.get().inner.clone();
        if let Some(id) = doc_id {
            doc.id = id.to_string();
        }
        return Ok(Input::Doc(Box::new(doc)));
    }
    if item.is_instance_of::<PyString>() {
        let text = py_str(item, "the text")?;
        return Ok(Input::Text { id: doc_id.map_or_else(|| position.to_string(), str::to_string), text });
    }
    if item.is_instance_of::<PyDict>() {
        let mut value = py_to_value(item, "")?;
        if let (Some(id), Value::Object(map)) = (doc_id, &mut value) {
            map.insert("id".to_string(), Value::String(id.to_string()));
        }
        return Ok(Input::Json(value));
    }
    Err(Error::new(
        ErrorKind::InvalidField,
        format!("expected a str, a dict or a dyad.Document, found {}", type_name(item)),
    ))
}

/// The size bounds of the CLI reader: a text over 64 MiB, or with a line over 8 MiB, is `line_too_long`.
fn check_size(text: &str, what: &str) -> Result<(), Error> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(Error::new(
            ErrorKind::LineTooLong,
            format!("{what} is larger than {} MiB ({} bytes); not coded", MAX_TEXT_BYTES >> 20, text.len()),
        ));
    }
    if text.len() > MAX_LINE_BYTES {
        for (n, line) in (1u64..).zip(text.split('\n')) {
            if line.len() > MAX_LINE_BYTES {
                return Err(Error::new(
                    ErrorKind::LineTooLong,
                    format!("{what}: line {n} is longer than {} MiB; not coded", MAX_LINE_BYTES >> 20),
                ));
            }
        }
    }
    Ok(())
}

/// The document of an input: what the CLI would build from a plain-text file, a JSON Lines line, or the file read.
fn build(input: Input, default_date: Option<Date>) -> Result<Document, Error> {
    let mut doc = match input {
        Input::Text { id, text } => {
            check_size(&text, "the text")?;
            if text.contains('\0') {
                return Err(Error::new(ErrorKind::BinaryInput, "binary input (contains NUL characters), not text"));
            }
            if text.trim().is_empty() {
                return Err(Error::new(ErrorKind::EmptyInput, "empty input: no text to code"));
            }
            Document::from_text(id, None, &text)
        }
        Input::Json(value) => {
            if let Value::Object(map) = &value {
                for key in ["text", "title"] {
                    if let Some(Value::String(s)) = map.get(key) {
                        check_size(s, &format!("field {key:?}"))?;
                    }
                }
                if let Some(Value::Array(items)) = map.get("sentences") {
                    let total: usize = items.iter().filter_map(Value::as_str).map(str::len).sum();
                    if total > MAX_TEXT_BYTES {
                        return Err(Error::new(
                            ErrorKind::LineTooLong,
                            format!("field \"sentences\" is larger than {} MiB; not coded", MAX_TEXT_BYTES >> 20),
                        ));
                    }
                }
            }
            document_from_json(&value)?
        }
        Input::Doc(doc) => *doc,
    };
    if doc.date.is_none() {
        doc.date = default_date;
    }
    Ok(doc)
}

/// A date argument: `None`, a `YYYY-MM-DD` string (a longer ISO timestamp is cut to its date) or a `datetime.date`.
fn date_arg(date: Option<&Bound<'_, PyAny>>) -> Result<Option<Date>, Error> {
    let Some(d) = date.filter(|d| !d.is_none()) else { return Ok(None) };
    let s: String = if d.is_instance_of::<PyString>() {
        py_str(d, "date")?
    } else if let Ok(s) = d.call_method0("isoformat").and_then(|s| s.extract::<String>()) {
        s
    } else {
        return Err(usage(format!("date must be a YYYY-MM-DD string or a datetime.date, found {}", type_name(d))));
    };
    let day = s.get(..10).unwrap_or(&s);
    day.parse().map(Some).map_err(|e| usage(format!("date {s:?}: {e}")))
}

fn events_into<'py>(
    py: Python<'py>,
    keys: &mut Keys,
    doc: &Document,
    coded: &Coded,
    version: &str,
    mut push: impl FnMut(Bound<'py, PyAny>),
) -> PyResult<()> {
    for e in &coded.events {
        push(to_py(py, keys, &event_out(doc, e, version))?);
    }
    Ok(())
}

/// dyad's event coder: the built-in dictionaries (plus a folder of your own), compiled once and shared by every
/// call and thread.
#[pyclass(module = "dyad._dyad", name = "Coder", frozen)]
struct Coder {
    inner: Arc<RustCoder>,
    version: String,
    dictionaries: Option<String>,
    hypothetical: bool,
}

#[pymethods]
impl Coder {
    #[new]
    #[pyo3(signature = (dictionaries=None, *, hypothetical=false))]
    fn new(py: Python<'_>, dictionaries: Option<std::path::PathBuf>, hypothetical: bool) -> PyResult<Coder> {
        let dir = dictionaries.clone();
        let coder = py
            .allow_threads(move || {
                let dict = Dictionaries::load(dir.as_deref())?;
                Ok::<_, Error>(RustCoder::new(dict)?.with_hypothetical(hypothetical))
            })
            .map_err(|e| py_err(py, &e))?;
        let version = coder.dict_version().to_string();
        Ok(Coder {
            inner: Arc::new(coder),
            version,
            dictionaries: dictionaries.map(|p| p.display().to_string()),
            hypothetical,
        })
    }

    /// The dictionaries' version (as in every event's `version.dictionaries`).
    #[getter]
    fn dictionaries_version(&self) -> &str {
        &self.version
    }

    /// The coder's version (as in every event's `version.coder`).
    #[getter]
    fn coder_version(&self) -> &'static str {
        dyad::coder::CODER_VERSION
    }

    /// The user dictionary folder given, if any.
    #[getter]
    fn dictionaries(&self) -> Option<&str> {
        self.dictionaries.as_deref()
    }

    /// Whether hypothetical events are coded.
    #[getter]
    fn hypothetical(&self) -> bool {
        self.hypothetical
    }

    fn __repr__(&self) -> String {
        format!("dyad.Coder(dictionaries={:?}, version={:?})", self.dictionaries, self.version)
    }

    /// The events of one document, as a list of dicts with the `dyad code` schema.
    #[pyo3(signature = (text, date=None, doc_id=None))]
    fn code<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
        doc_id: Option<String>,
    ) -> PyResult<Bound<'py, PyList>> {
        let (doc, coded) = self.one(py, text, date, doc_id.as_deref(), |coder, doc| coder.code(doc))?;
        let list = PyList::empty(py);
        let mut keys = Keys::default();
        let mut appended = Ok(());
        events_into(py, &mut keys, &doc, &coded, &self.version, |obj| {
            if appended.is_ok() {
                appended = list.append(obj);
            }
        })?;
        appended?;
        Ok(list)
    }

    /// The actor mentions of one document, as a list of dicts with the `dyad actors` schema.
    #[pyo3(signature = (text, date=None, doc_id=None))]
    fn actors<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
        doc_id: Option<String>,
    ) -> PyResult<Bound<'py, PyList>> {
        let (doc, mentions) = self.one(py, text, date, doc_id.as_deref(), |coder, doc| coder.actors().find(doc))?;
        let list = PyList::empty(py);
        let mut keys = Keys::default();
        for m in &mentions {
            list.append(to_py(py, &mut keys, &mention_row(&doc, m))?)?;
        }
        Ok(list)
    }

    /// A stream of the events of many documents, in input order, coded in batches on `threads` threads.
    #[pyo3(signature = (documents, threads=None, date=None, batch_size=256, errors="raise"))]
    fn code_many(
        &self,
        py: Python<'_>,
        documents: &Bound<'_, PyAny>,
        threads: Option<usize>,
        date: Option<&Bound<'_, PyAny>>,
        batch_size: usize,
        errors: &str,
    ) -> PyResult<EventStream> {
        self.stream(py, documents, threads, date, batch_size, errors, false)
    }

    /// Like `code_many`, but yields each batch's events as one `bytes` of JSON Lines, exactly as `dyad code`
    /// prints them (for writers and Arrow's JSON reader: no Python object per event).
    #[pyo3(signature = (documents, threads=None, date=None, batch_size=256, errors="raise"))]
    fn code_many_jsonl(
        &self,
        py: Python<'_>,
        documents: &Bound<'_, PyAny>,
        threads: Option<usize>,
        date: Option<&Bound<'_, PyAny>>,
        batch_size: usize,
        errors: &str,
    ) -> PyResult<EventStream> {
        self.stream(py, documents, threads, date, batch_size, errors, true)
    }
}

impl Coder {
    #[allow(clippy::too_many_arguments)]
    fn stream(
        &self,
        py: Python<'_>,
        documents: &Bound<'_, PyAny>,
        threads: Option<usize>,
        date: Option<&Bound<'_, PyAny>>,
        batch_size: usize,
        errors: &str,
        jsonl: bool,
    ) -> PyResult<EventStream> {
        let skip = match errors {
            "raise" => false,
            "skip" => true,
            other => return Err(py_err(py, &usage(format!("errors must be \"raise\" or \"skip\", not {other:?}")))),
        };
        if batch_size == 0 {
            return Err(py_err(py, &usage("batch_size must be at least 1")));
        }
        if documents.is_instance_of::<PyString>() || documents.is_instance_of::<PyDict>() {
            return Err(py_err(
                py,
                &Error::new(
                    ErrorKind::InvalidField,
                    "code_many takes an iterable of documents (texts or dicts), not one document: use code()",
                ),
            ));
        }
        let date = date_arg(date).map_err(|e| py_err(py, &e))?;
        let pool = match threads {
            Some(0) => return Err(py_err(py, &usage("threads must be at least 1"))),
            Some(n) => Some(Arc::new(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| PyValueError::new_err(format!("could not start {n} threads: {e}")))?,
            )),
            None => None,
        };
        let source = documents.try_iter()?.unbind();
        Ok(EventStream {
            coder: self.inner.clone(),
            version: self.version.clone(),
            source: Some(source),
            pool,
            sequential: threads == Some(1),
            batch_size,
            date,
            skip,
            position: 0,
            ready: VecDeque::new(),
            error: None,
            skipped: Vec::new(),
            documents: 0,
            jsonl,
            in_flight: std::sync::Mutex::new(None),
            stop: None,
        })
    }

    /// Builds and processes one document with the GIL released.
    fn one<'py, T: Send>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
        doc_id: Option<&str>,
        work: impl FnOnce(&RustCoder, &Document) -> T + Send,
    ) -> PyResult<(Document, T)> {
        let date = date_arg(date).map_err(|e| py_err(py, &e))?;
        let input = extract_input(text, doc_id, 0).map_err(|e| py_err(py, &e))?;
        let coder = self.inner.clone();
        py.allow_threads(move || {
            let doc = build(input, date)?;
            let out = work(&coder, &doc);
            Ok((doc, out))
        })
        .map_err(|e: Error| py_err(py, &e))
    }
}

/// A coded document: its events as dicts to be made (with the GIL), or already written as JSON Lines.
enum Done {
    Coded(Box<Document>, Coded),
    Json(Vec<u8>),
}

type Batch = Vec<Result<Done, Error>>;

/// The iterator `Coder.code_many` returns: pulls `batch_size` documents from the iterable, codes them in parallel
/// with the GIL released, and yields their events in input order.
#[pyclass(module = "dyad._dyad")]
struct EventStream {
    coder: Arc<RustCoder>,
    version: String,
    source: Option<Py<PyIterator>>,
    pool: Option<Arc<rayon::ThreadPool>>,
    sequential: bool,
    batch_size: usize,
    date: Option<Date>,
    skip: bool,
    position: usize,
    ready: VecDeque<PyObject>,
    error: Option<PyErr>,
    skipped: Vec<PyObject>,
    documents: usize,
    /// Yield each batch's events as JSON Lines bytes (`code_many_jsonl`) instead of one dict per event.
    jsonl: bool,
    /// The batch being coded on the pool while Python consumes the previous one's events. (A Mutex only to make
    /// the class Sync, as PyO3 requires; `&mut self` already serialises access.)
    in_flight: std::sync::Mutex<Option<std::sync::mpsc::Receiver<Result<Batch, String>>>>,
    /// An exception raised by the Python iterable, raised once the events before it are consumed.
    stop: Option<PyErr>,
}

#[pymethods]
impl EventStream {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<PyObject>> {
        loop {
            if let Some(event) = self.ready.pop_front() {
                return Ok(Some(event));
            }
            if let Some(err) = self.error.take() {
                return Err(err);
            }
            if self.source.is_none() && self.in_flight_mut().is_none() {
                return match self.stop.take() {
                    Some(err) => Err(err),
                    None => Ok(None),
                };
            }
            self.next_batch(py)?;
        }
    }

    /// Documents coded so far.
    #[getter]
    fn documents(&self) -> usize {
        self.documents
    }

    /// With `errors="skip"`: the `DyadError` of each input skipped so far.
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> Vec<Bound<'py, PyAny>> {
        self.skipped.iter().map(|e| e.bind(py).clone()).collect()
    }
}

impl EventStream {
    fn in_flight_mut(&mut self) -> &mut Option<std::sync::mpsc::Receiver<Result<Batch, String>>> {
        self.in_flight.get_mut().unwrap_or_else(|p| p.into_inner())
    }

    /// Pulls the next batch from the iterable (GIL held) and starts coding it on the pool; returns at once.
    fn launch(&mut self, py: Python<'_>) {
        let Some(source) = &self.source else { return };
        let mut it = source.bind(py).clone();
        let mut inputs = Vec::with_capacity(self.batch_size);
        let mut exhausted = false;
        while inputs.len() < self.batch_size {
            match it.next() {
                None => {
                    exhausted = true;
                    break;
                }
                Some(Err(e)) => {
                    self.stop = Some(e);
                    exhausted = true;
                    break;
                }
                Some(Ok(item)) => {
                    let pos = self.position;
                    self.position += 1;
                    inputs.push(extract_input(&item, None, pos).map_err(|e| at_item(e, pos, None)));
                }
            }
        }
        if exhausted {
            self.source = None;
        }
        if inputs.is_empty() {
            return;
        }
        let (coder, date, jsonl, version) = (self.coder.clone(), self.date, self.jsonl, self.version.clone());
        let first = self.position - inputs.len();
        let parallel = !self.sequential;
        let job = move || -> Result<Batch, String> {
            let work = |(i, r): (usize, Result<Input, Error>)| {
                let doc = r.and_then(|input| {
                    let id = input.id();
                    build(input, date).map_err(|e| at_item(e, first + i, id.as_deref()))
                })?;
                let coded = coder.code(&doc);
                if !jsonl {
                    return Ok(Done::Coded(Box::new(doc), coded));
                }
                let mut buf = Vec::new();
                for e in &coded.events {
                    serde_json::to_writer(&mut buf, &event_out(&doc, e, &version)).expect("serialisable");
                    buf.push(b'\n');
                }
                Ok(Done::Json(buf))
            };
            // A panic must not cross a pool thread (rayon would abort the process): it becomes a Python error.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                if parallel {
                    inputs.into_par_iter().enumerate().map(work).collect()
                } else {
                    inputs.into_iter().enumerate().map(work).collect()
                }
            }))
            .map_err(|p| {
                p.downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".to_string())
            })
        };
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let send = move || {
            let _ = tx.send(job());
        };
        match (&self.pool, parallel) {
            (Some(pool), true) => pool.spawn(send),
            (None, true) => rayon::spawn(send),
            (_, false) => {
                std::thread::spawn(send);
            }
        }
        *self.in_flight_mut() = Some(rx);
    }

    /// Waits for the batch in flight (GIL released), starts the next one, and turns the finished batch's events into
    /// Python objects while the next is coded.
    fn next_batch(&mut self, py: Python<'_>) -> PyResult<()> {
        if self.in_flight_mut().is_none() {
            self.launch(py);
        }
        let Some(rx) = self.in_flight_mut().take() else { return Ok(()) };
        let received = py.allow_threads(move || rx.recv());
        let results = match received {
            Ok(Ok(batch)) => batch,
            Ok(Err(panic)) => {
                self.source = None;
                return Err(pyo3::exceptions::PyRuntimeError::new_err(format!(
                    "dyad: internal error while coding a batch ({panic}) [internal]"
                )));
            }
            Err(_) => {
                self.source = None;
                return Err(pyo3::exceptions::PyRuntimeError::new_err("dyad: the coding thread stopped [internal]"));
            }
        };
        self.launch(py);
        let mut lines: Vec<u8> = Vec::new();
        let mut keys = Keys::default();
        for r in results {
            match r {
                Ok(Done::Coded(doc, coded)) => {
                    self.documents += 1;
                    let ready = &mut self.ready;
                    events_into(py, &mut keys, &doc, &coded, &self.version, |obj| ready.push_back(obj.unbind()))?;
                }
                Ok(Done::Json(bytes)) => {
                    self.documents += 1;
                    lines.extend_from_slice(&bytes);
                }
                Err(e) if self.skip => self.skipped.push(py_err(py, &e).into_value(py).into_any()),
                Err(e) => {
                    // Raised after this batch's earlier events; whatever was pulled after it is dropped.
                    self.error = Some(py_err(py, &e));
                    self.source = None;
                    *self.in_flight_mut() = None;
                    self.stop = None;
                    break;
                }
            }
        }
        if !lines.is_empty() {
            self.ready.push_back(PyBytes::new(py, &lines).into_any().unbind());
        }
        Ok(())
    }
}

/// Names the bad item in the message: its 0-based position in the iterable and, when it has one, its id.
fn at_item(e: Error, position: usize, id: Option<&str>) -> Error {
    let what = match id {
        Some(id) => format!("document {position} (id {id:?})"),
        None => format!("document {position}"),
    };
    Error::new(e.kind(), format!("{what} of the input: {}", e.message()))
}

/// A document as dyad reads it (from `dyad.read`): id, date, title and sentences.
#[pyclass(module = "dyad._dyad", name = "Document", frozen)]
struct PyDocument {
    inner: Document,
}

#[pymethods]
impl PyDocument {
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }
    #[getter]
    fn date(&self) -> Option<String> {
        self.inner.date.map(|d| d.to_string())
    }
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title()
    }
    #[getter]
    fn sentences(&self) -> Vec<&str> {
        (0..self.inner.len()).map(|i| self.inner.sentence(i)).collect()
    }
    #[getter]
    fn url(&self) -> Option<&str> {
        self.inner.url.as_deref()
    }
    #[getter]
    fn publisher(&self) -> Option<&str> {
        self.inner.publisher.as_deref()
    }
    /// The file and 1-based line the document starts on, when read from a file.
    #[getter]
    fn origin(&self) -> Option<(String, u64)> {
        self.inner.origin.as_ref().map(|o| (o.file.clone(), o.line))
    }
    fn __repr__(&self) -> String {
        format!("dyad.Document(id={:?}, date={:?}, sentences={})", self.inner.id, self.date(), self.inner.len())
    }
}

/// The iterator `dyad.read` returns: documents from files, directories or gzip, read by the CLI's reader.
#[pyclass(module = "dyad._dyad")]
struct DocumentReader {
    // A Mutex only to make the class Sync (PyO3 requires it); the GIL and `&mut self` already serialise access.
    reader: std::sync::Mutex<Option<Reader>>,
    skip: bool,
    skipped: Vec<PyObject>,
}

#[pymethods]
impl DocumentReader {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<PyDocument>> {
        loop {
            let slot = self.reader.get_mut().unwrap_or_else(|p| p.into_inner());
            let Some(mut reader) = slot.take() else { return Ok(None) };
            let (reader, item) = py.allow_threads(move || {
                let item = reader.next();
                (reader, item)
            });
            let Some(item) = item else { return Ok(None) };
            *self.reader.get_mut().unwrap_or_else(|p| p.into_inner()) = Some(reader);
            match item {
                Ok(doc) => return Ok(Some(PyDocument { inner: doc })),
                Err(e) if self.skip => self.skipped.push(py_err(py, &e).into_value(py).into_any()),
                Err(e) => return Err(py_err(py, &e)),
            }
        }
    }

    /// With `errors="skip"`: the `DyadError` of each input skipped so far.
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> Vec<Bound<'py, PyAny>> {
        self.skipped.iter().map(|e| e.bind(py).clone()).collect()
    }
}

/// Documents from files and directories (recursive, in name order; gzip too), in the formats `dyad code` reads.
#[pyfunction]
#[pyo3(signature = (paths, input_format="auto", date=None, errors="raise"))]
fn read(
    py: Python<'_>,
    paths: &Bound<'_, PyAny>,
    input_format: &str,
    date: Option<&Bound<'_, PyAny>>,
    errors: &str,
) -> PyResult<DocumentReader> {
    let skip = match errors {
        "raise" => false,
        "skip" => true,
        other => return Err(py_err(py, &usage(format!("errors must be \"raise\" or \"skip\", not {other:?}")))),
    };
    let list: Vec<std::path::PathBuf> = if let Ok(one) = paths.extract::<std::path::PathBuf>() {
        vec![one]
    } else {
        paths.extract().map_err(|_| {
            py_err(py, &usage(format!("paths must be a path or a list of paths, found {}", type_name(paths))))
        })?
    };
    if list.is_empty() {
        return Err(py_err(py, &usage("no paths given (dyad.read does not read standard input)")));
    }
    let format = input_format.parse().map_err(|e: Error| py_err(py, &e))?;
    let default_date = date_arg(date).map_err(|e| py_err(py, &e))?;
    let opts = ReadOptions { format, default_date, ..ReadOptions::default() };
    let list = list.into_iter().map(|p| p.display().to_string()).collect();
    Ok(DocumentReader { reader: std::sync::Mutex::new(Some(Reader::new(list, opts))), skip, skipped: Vec::new() })
}

#[pymodule]
fn _dyad(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Coder>()?;
    m.add_class::<EventStream>()?;
    m.add_class::<PyDocument>()?;
    m.add_class::<DocumentReader>()?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add("CODER_VERSION", dyad::coder::CODER_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
