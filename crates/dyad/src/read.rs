//! Readers: files, directories, standard input and gzip, in the seed format, JSON Lines, JSON or plain text,
//! turned into [`Document`]s one at a time.
//!
//! A bad input never stops the batch: the reader yields an [`Error`] naming the file and line, and goes on.
//!
//! ```
//! use dyad::read::{Reader, ReadOptions};
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("a.jsonl");
//! std::fs::write(&path, "{\"id\": \"1\", \"text\": \"China and Belarus met.\"}\n{broken\n").unwrap();
//! let results: Vec<_> = Reader::new(vec![path.display().to_string()], ReadOptions::default()).collect();
//! assert_eq!(results[0].as_ref().unwrap().id, "1");
//! assert_eq!(results[1].as_ref().unwrap_err().line(), Some(2));
//! ```

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::date::Date;
use crate::document::{Document, Origin};
use crate::error::{Error, ErrorKind, Result};

/// The format of an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Decide from the content: `Article Number:` → seed; `{` → JSON Lines (or one pretty-printed JSON object);
    /// `[` → JSON array; anything else → plain text.
    #[default]
    Auto,
    /// `Article Number: N`, a title line, one sentence per line, an optional `(Publisher)` line.
    Seed,
    /// One JSON object per line.
    Jsonl,
    /// One JSON object or an array of objects in the whole file.
    Json,
    /// Running text: the whole file is one document, split into sentences.
    Text,
}

impl std::str::FromStr for InputFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<InputFormat> {
        Ok(match s {
            "auto" => InputFormat::Auto,
            "seed" => InputFormat::Seed,
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            "json" => InputFormat::Json,
            "text" | "txt" => InputFormat::Text,
            _ => {
                return Err(Error::new(
                    ErrorKind::Usage,
                    format!("unknown input format {s:?} (expected auto, seed, jsonl, json or text)"),
                ))
            }
        })
    }
}

/// How inputs are read.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// The format, or `Auto` to detect it per file.
    pub format: InputFormat,
    /// Longest line accepted (bytes); a longer one is reported and skipped. Default 8 MiB.
    pub max_line_bytes: usize,
    /// Largest whole-file document (plain text, JSON) accepted. Default 64 MiB.
    pub max_document_bytes: usize,
    /// Date given to documents that carry none.
    pub default_date: Option<Date>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: InputFormat::Auto,
            max_line_bytes: 8 << 20,
            max_document_bytes: 64 << 20,
            default_date: None,
        }
    }
}

/// File name endings read when a directory is walked (each also with `.gz`).
pub const KNOWN_EXTENSIONS: &[&str] = &["txt", "text", "jsonl", "ndjson", "json"];

type DocIter = Box<dyn Iterator<Item = Result<Document>> + Send>;

/// Reads documents from a list of paths (`-` is standard input; directories are walked recursively, in name order).
pub struct Reader {
    pending: VecDeque<String>,
    current: Option<DocIter>,
    opts: ReadOptions,
}

impl Reader {
    /// A reader over `paths` (an empty list reads standard input).
    pub fn new(paths: Vec<String>, opts: ReadOptions) -> Reader {
        let pending = if paths.is_empty() { VecDeque::from(vec!["-".to_string()]) } else { paths.into() };
        Reader { pending, current: None, opts }
    }

    fn open_next(&mut self) -> Option<Result<DocIter>> {
        let path = self.pending.pop_front()?;
        if path != "-" {
            let p = Path::new(&path);
            match std::fs::metadata(p) {
                Err(e) => return Some(Err(io_error(&path, e))),
                Ok(m) if m.is_dir() => {
                    match walk(p) {
                        Ok(files) => {
                            for f in files.into_iter().rev() {
                                self.pending.push_front(f.display().to_string());
                            }
                        }
                        Err(e) => return Some(Err(io_error(&path, e))),
                    }
                    return Some(Ok(Box::new(std::iter::empty())));
                }
                Ok(_) => {}
            }
        }
        Some(open_source(&path, &self.opts))
    }
}

impl Iterator for Reader {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            if let Some(cur) = self.current.as_mut() {
                match cur.next() {
                    Some(Ok(mut doc)) => {
                        if doc.date.is_none() {
                            doc.date = self.opts.default_date;
                        }
                        return Some(Ok(doc));
                    }
                    Some(Err(e)) => return Some(Err(e)),
                    None => self.current = None,
                }
            }
            match self.open_next()? {
                Ok(it) => self.current = Some(it),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

fn io_error(path: &str, e: io::Error) -> Error {
    Error::new(ErrorKind::Io, e.to_string()).in_file(path)
}

/// All readable files below `dir`, sorted, skipping hidden entries.
fn walk(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<io::Result<Vec<_>>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = e.path();
        let ft = e.file_type()?;
        if ft.is_dir() {
            out.extend(walk(&path)?);
        } else if has_known_extension(&name) {
            out.push(path);
        }
    }
    Ok(out)
}

/// How many documents the inputs hold, counted cheaply without parsing (for progress estimates): JSON Lines by
/// their non-blank lines, the seed format by its `Article Number:` lines, plain text as one. `None` when it cannot
/// be known without reading everything (standard input, gzip, a JSON array).
pub fn count_documents(paths: &[String]) -> Option<usize> {
    if paths.is_empty() {
        return None;
    }
    let mut total = 0;
    for p in paths {
        if p == "-" {
            return None;
        }
        let path = Path::new(p);
        let files = if path.is_dir() { walk(path).ok()? } else { vec![path.to_path_buf()] };
        for f in files {
            total += count_in_file(&f)?;
        }
    }
    Some(total)
}

/// Documents in one file, read line by line rather than parsed.
fn count_in_file(f: &Path) -> Option<usize> {
    let mut r = BufReader::with_capacity(1 << 16, File::open(f).ok()?);
    let head = r.fill_buf().ok()?;
    if head.starts_with(&[0x1f, 0x8b]) {
        return None;
    }
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let rest = &head[start..];
    let format = if rest.starts_with(b"Article Number:") {
        InputFormat::Seed
    } else if rest.starts_with(b"[") {
        return None;
    } else if rest.starts_with(b"{") {
        detect(&f.display().to_string(), rest)
    } else {
        return Some(usize::from(!rest.is_empty()));
    };
    if format == InputFormat::Json {
        return Some(1);
    }
    let mut n = 0;
    let mut line = Vec::new();
    loop {
        line.clear();
        if r.read_until(b'\n', &mut line).ok()? == 0 {
            return Some(n);
        }
        let t = line.trim_ascii_start();
        n += usize::from(match format {
            InputFormat::Seed => t.starts_with(b"Article Number:"),
            _ => !t.is_empty(),
        });
    }
}

fn has_known_extension(name: &str) -> bool {
    let name = name.strip_suffix(".gz").unwrap_or(name);
    name.rsplit_once('.').is_some_and(|(_, ext)| KNOWN_EXTENSIONS.contains(&ext))
}

fn open_source(path: &str, opts: &ReadOptions) -> Result<DocIter> {
    let raw: Box<dyn Read + Send> =
        if path == "-" { Box::new(io::stdin()) } else { Box::new(File::open(path).map_err(|e| io_error(path, e))?) };
    let mut raw = BufReader::with_capacity(64 << 10, raw);
    let gz = raw.fill_buf().map_err(|e| io_error(path, e))?.starts_with(&[0x1f, 0x8b]);
    let mut inner: Box<dyn Read + Send> =
        if gz { Box::new(flate2::read::MultiGzDecoder::new(raw)) } else { Box::new(raw) };
    let mut head = Vec::with_capacity(8192);
    (&mut inner).take(8192).read_to_end(&mut head).map_err(|e| io_error(path, e))?;
    if head.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::new(ErrorKind::EmptyInput, "empty input: no text to read").in_file(path));
    }
    if memchr::memchr(0, &head).is_some() {
        return Err(Error::new(ErrorKind::BinaryInput, "binary input (contains NUL bytes), not text").in_file(path));
    }
    let format = match opts.format {
        InputFormat::Auto => detect(path, &head),
        f => f,
    };
    let reader: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(64 << 10, Cursor::new(head).chain(inner)));
    let file = path.to_string();
    let opts = opts.clone();
    Ok(match format {
        InputFormat::Jsonl => Box::new(JsonLines { lines: Lines::new(reader, opts.max_line_bytes), file }),
        InputFormat::Seed => {
            Box::new(SeedReader { lines: Lines::new(reader, opts.max_line_bytes), file, pending: None })
        }
        InputFormat::Json => Box::new(read_json_file(reader, &file, &opts).into_iter()),
        InputFormat::Text | InputFormat::Auto => Box::new(std::iter::once(read_text_file(reader, &file, &opts))),
    })
}

fn detect(path: &str, head: &[u8]) -> InputFormat {
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(0);
    let rest = &head[start..];
    if rest.starts_with(b"Article Number:") {
        return InputFormat::Seed;
    }
    if rest.starts_with(b"[") {
        return InputFormat::Json;
    }
    if rest.starts_with(b"{") {
        let first_line = rest.split(|&b| b == b'\n').next().unwrap_or(rest);
        let pretty = first_line.iter().filter(|b| !b.is_ascii_whitespace()).count() == 1;
        let name = path.strip_suffix(".gz").unwrap_or(path);
        return if pretty && !name.ends_with(".jsonl") { InputFormat::Json } else { InputFormat::Jsonl };
    }
    InputFormat::Text
}

/// One line read under a length limit.
enum Line {
    Text(u64, String),
    TooLong(u64),
    BadUtf8(u64, usize),
}

/// Line reader that never holds more than `max` bytes of one line.
struct Lines {
    r: Box<dyn BufRead + Send>,
    max: usize,
    line: u64,
    buf: Vec<u8>,
}

impl Lines {
    fn new(r: Box<dyn BufRead + Send>, max: usize) -> Lines {
        Lines { r, max, line: 0, buf: Vec::new() }
    }

    fn next_line(&mut self) -> io::Result<Option<Line>> {
        self.buf.clear();
        let mut too_long = false;
        let mut any = false;
        loop {
            let avail = self.r.fill_buf()?;
            if avail.is_empty() {
                break;
            }
            any = true;
            let (chunk, done) = match memchr::memchr(b'\n', avail) {
                Some(i) => (&avail[..i], Some(i + 1)),
                None => (avail, None),
            };
            if !too_long {
                if self.buf.len() + chunk.len() > self.max {
                    too_long = true;
                    self.buf.clear();
                } else {
                    self.buf.extend_from_slice(chunk);
                }
            }
            let used = done.unwrap_or(avail.len());
            self.r.consume(used);
            if done.is_some() {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        self.line += 1;
        if too_long {
            return Ok(Some(Line::TooLong(self.line)));
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        match String::from_utf8(std::mem::take(&mut self.buf)) {
            Ok(s) => Ok(Some(Line::Text(self.line, s))),
            Err(e) => Ok(Some(Line::BadUtf8(self.line, e.utf8_error().valid_up_to()))),
        }
    }
}

fn line_error(file: &str, line: Line, max: usize) -> Option<Error> {
    match line {
        Line::Text(..) => None,
        Line::TooLong(n) => Some(
            Error::new(ErrorKind::LineTooLong, format!("line longer than {} MiB; skipped", max >> 20))
                .in_file(file)
                .at_line(n),
        ),
        Line::BadUtf8(n, at) => Some(
            Error::new(ErrorKind::InvalidUtf8, format!("invalid UTF-8 at byte {} of the line", at + 1))
                .in_file(file)
                .at_line(n),
        ),
    }
}

struct JsonLines {
    lines: Lines,
    file: String,
}

impl Iterator for JsonLines {
    type Item = Result<Document>;
    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            let line = match self.lines.next_line() {
                Ok(Some(l)) => l,
                Ok(None) => return None,
                Err(e) => {
                    // A read error (a corrupt gzip stream) ends this file.
                    let err = io_error(&self.file, e).at_line(self.lines.line + 1);
                    self.lines = Lines::new(Box::new(io::empty()), 0);
                    return Some(Err(err));
                }
            };
            let (n, text) = match line {
                Line::Text(n, t) => (n, t),
                other => return line_error(&self.file, other, self.lines.max).map(Err),
            };
            if text.trim().is_empty() {
                continue;
            }
            let value: Value = match serde_json::from_str(&text) {
                Ok(v) => v,
                Err(e) => {
                    return Some(Err(Error::new(ErrorKind::InvalidJson, format!("invalid JSON: {e}"))
                        .in_file(&self.file)
                        .at_line(n)))
                }
            };
            return Some(document_from_json(&value).map_err(|e| e.in_file(&self.file).at_line(n)).map(|mut d| {
                d.origin = Some(Origin { file: self.file.clone(), line: n });
                d
            }));
        }
    }
}

fn opt_str(obj: &serde_json::Map<String, Value>, key: &str) -> Result<Option<String>> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(Error::new(
            ErrorKind::InvalidField,
            format!("field {key:?} must be a string, found {}", json_type(other)),
        )),
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A document from one JSON object: `id` (string or number), `text` or `sentences`, and optional `date`
/// (YYYY-MM-DD, a longer ISO timestamp is cut to its date), `title`, `url`, `publisher`.
pub fn document_from_json(value: &Value) -> Result<Document> {
    let obj = value.as_object().ok_or_else(|| {
        Error::new(ErrorKind::InvalidJson, format!("expected a JSON object, found {}", json_type(value)))
    })?;
    let id = match obj.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(_)) => return Err(Error::new(ErrorKind::InvalidField, "field \"id\" is empty")),
        Some(other) => {
            return Err(Error::new(
                ErrorKind::InvalidField,
                format!("field \"id\" must be a string or a number, found {}", json_type(other)),
            ))
        }
        None => return Err(Error::new(ErrorKind::MissingField, "missing field \"id\"")),
    };
    let title = opt_str(obj, "title")?;
    let mut doc = match (obj.get("sentences"), obj.get("text")) {
        (Some(Value::Array(items)), _) => {
            let mut sentences = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                match item {
                    Value::String(s) => sentences.push(s.as_str()),
                    other => {
                        return Err(Error::new(
                            ErrorKind::InvalidField,
                            format!("sentences[{i}] must be a string, found {}", json_type(other)),
                        ))
                    }
                }
            }
            Document::from_sentences(id, title.as_deref(), &sentences)
        }
        (Some(other), _) if !other.is_null() => {
            return Err(Error::new(
                ErrorKind::InvalidField,
                format!("field \"sentences\" must be an array of strings, found {}", json_type(other)),
            ))
        }
        (_, Some(Value::String(text))) => Document::from_text(id, title.as_deref(), text),
        (_, Some(other)) if !other.is_null() => {
            return Err(Error::new(
                ErrorKind::InvalidField,
                format!("field \"text\" must be a string, found {}", json_type(other)),
            ))
        }
        _ => return Err(Error::new(ErrorKind::MissingField, "missing field \"text\" (or \"sentences\")")),
    };
    if let Some(d) = opt_str(obj, "date")? {
        let day = d.get(..10).unwrap_or(&d);
        doc.date = Some(day.parse().map_err(|e| Error::new(ErrorKind::InvalidField, format!("field \"date\": {e}")))?);
    }
    doc.url = opt_str(obj, "url")?;
    doc.publisher = opt_str(obj, "publisher")?;
    Ok(doc)
}

fn read_all(mut r: Box<dyn BufRead + Send>, file: &str, opts: &ReadOptions) -> Result<String> {
    let mut bytes = Vec::new();
    let limit = opts.max_document_bytes as u64;
    (&mut r).take(limit + 1).read_to_end(&mut bytes).map_err(|e| io_error(file, e))?;
    if bytes.len() as u64 > limit {
        return Err(Error::new(
            ErrorKind::LineTooLong,
            format!("document larger than {} MiB; skipped", opts.max_document_bytes >> 20),
        )
        .in_file(file));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..at]).count() as u64;
        let col = at - bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
        Error::new(ErrorKind::InvalidUtf8, format!("invalid UTF-8 at byte {col} of the line"))
            .in_file(file)
            .at_line(line)
    })
}

fn read_text_file(r: Box<dyn BufRead + Send>, file: &str, opts: &ReadOptions) -> Result<Document> {
    let text = read_all(r, file, opts)?;
    for (line, l) in (1u64..).zip(text.split('\n')) {
        if l.len() > opts.max_line_bytes {
            return Err(Error::new(
                ErrorKind::LineTooLong,
                format!("line longer than {} MiB; file skipped", opts.max_line_bytes >> 20),
            )
            .in_file(file)
            .at_line(line));
        }
    }
    let id = doc_id_from_path(file);
    let mut doc = Document::from_text(id, None, &text);
    doc.origin = Some(Origin { file: file.to_string(), line: 1 });
    Ok(doc)
}

fn read_json_file(r: Box<dyn BufRead + Send>, file: &str, opts: &ReadOptions) -> Vec<Result<Document>> {
    let text = match read_all(r, file, opts) {
        Ok(t) => t,
        Err(e) => return vec![Err(e)],
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            return vec![Err(Error::new(ErrorKind::InvalidJson, format!("invalid JSON: {e}"))
                .in_file(file)
                .at_line(e.line() as u64))]
        }
    };
    let items = match value {
        Value::Array(items) => items,
        v => vec![v],
    };
    items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            document_from_json(v)
                .map_err(|e| {
                    let msg = format!("item {}: {}", i + 1, e.message());
                    Error::new(e.kind(), msg).in_file(file)
                })
                .map(|mut d| {
                    d.origin = Some(Origin { file: file.to_string(), line: 1 });
                    d
                })
        })
        .collect()
}

/// The id of a plain-text document: its file name without extensions, `stdin` for standard input.
fn doc_id_from_path(file: &str) -> String {
    if file == "-" {
        return "stdin".to_string();
    }
    let name = Path::new(file).file_name().map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned());
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem).to_string()
}

/// The seed format: `Article Number: N`, optional `Date:`/`URL:`/`Publisher:` lines, a title line, one sentence per
/// line, and an optional last line in parentheses naming the publisher. A file may hold several articles.
struct SeedReader {
    lines: Lines,
    file: String,
    /// The `Article Number` line already read for the next article.
    pending: Option<(u64, String)>,
}

struct SeedDraft {
    line: u64,
    id: String,
    date: Option<String>,
    url: Option<String>,
    publisher: Option<String>,
    title: Option<String>,
    sentences: Vec<String>,
}

impl SeedReader {
    fn finish(&self, d: SeedDraft) -> Result<Document> {
        let mut sentences = d.sentences;
        let mut publisher = d.publisher;
        if let Some(last) = sentences.last() {
            let t = last.trim();
            if t.starts_with('(') && t.ends_with(')') && publisher.is_none() {
                publisher = Some(t[1..t.len() - 1].trim().to_string());
                sentences.pop();
            }
        }
        let mut doc = Document::from_sentences(d.id, d.title.as_deref(), &sentences);
        doc.publisher = publisher;
        doc.url = d.url;
        if let Some(date) = d.date {
            doc.date = Some(date.parse().map_err(|e| {
                Error::new(ErrorKind::InvalidField, format!("Date: {e}")).in_file(&self.file).at_line(d.line)
            })?);
        }
        doc.origin = Some(Origin { file: self.file.clone(), line: d.line });
        Ok(doc)
    }
}

impl Iterator for SeedReader {
    type Item = Result<Document>;
    fn next(&mut self) -> Option<Result<Document>> {
        let mut draft: Option<SeedDraft> = None;
        if let Some((n, id)) = self.pending.take() {
            draft =
                Some(SeedDraft { line: n, id, date: None, url: None, publisher: None, title: None, sentences: vec![] });
        }
        loop {
            let line = match self.lines.next_line() {
                Ok(Some(l)) => l,
                Ok(None) => return draft.map(|d| self.finish(d)),
                Err(e) => {
                    self.lines = Lines::new(Box::new(io::empty()), 0);
                    return Some(Err(io_error(&self.file, e)));
                }
            };
            let (n, text) = match line {
                Line::Text(n, t) => (n, t),
                other => {
                    // A bad line spoils the article it is in: report it and drop that article.
                    let err = line_error(&self.file, other, self.lines.max);
                    self.skip_to_next_article();
                    return err.map(Err);
                }
            };
            let t = text.trim();
            if let Some(id) = t.strip_prefix("Article Number:") {
                let id = id.trim().to_string();
                if id.is_empty() {
                    self.skip_to_next_article();
                    return Some(Err(Error::new(ErrorKind::MissingField, "empty Article Number")
                        .in_file(&self.file)
                        .at_line(n)));
                }
                if let Some(d) = draft.take() {
                    self.pending = Some((n, id));
                    return Some(self.finish(d));
                }
                draft = Some(SeedDraft {
                    line: n,
                    id,
                    date: None,
                    url: None,
                    publisher: None,
                    title: None,
                    sentences: vec![],
                });
                continue;
            }
            let Some(d) = draft.as_mut() else {
                if t.is_empty() {
                    continue;
                }
                self.skip_to_next_article();
                return Some(Err(Error::new(
                    ErrorKind::MissingField,
                    "expected a first line \"Article Number: N\" (the seed format)",
                )
                .in_file(&self.file)
                .at_line(n)));
            };
            if t.is_empty() {
                continue;
            }
            if d.title.is_none() && d.sentences.is_empty() {
                if let Some(v) = t.strip_prefix("Date:") {
                    d.date = Some(v.trim().to_string());
                    continue;
                }
                if let Some(v) = t.strip_prefix("URL:") {
                    d.url = Some(v.trim().to_string());
                    continue;
                }
                if let Some(v) = t.strip_prefix("Publisher:") {
                    d.publisher = Some(v.trim().to_string());
                    continue;
                }
                d.title = Some(t.to_string());
                continue;
            }
            d.sentences.push(t.to_string());
        }
    }
}

impl SeedReader {
    fn skip_to_next_article(&mut self) {
        while let Ok(Some(line)) = self.lines.next_line() {
            if let Line::Text(n, t) = line {
                if let Some(id) = t.trim().strip_prefix("Article Number:") {
                    self.pending = Some((n, id.trim().to_string()));
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, content: &[u8]) -> Vec<Result<Document>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        Reader::new(vec![path.display().to_string()], ReadOptions::default()).collect()
    }

    #[test]
    fn seed_format() {
        let docs = read(
            "a.txt",
            b"Article Number: 7\nDate: 2022-01-05\nA title\nFirst sentence.\nSecond sentence.\n(Some Ministry)\n",
        );
        let d = docs[0].as_ref().unwrap();
        assert_eq!(d.id, "7");
        assert_eq!(d.title(), Some("A title"));
        assert_eq!(d.len(), 2);
        assert_eq!(d.publisher.as_deref(), Some("Some Ministry"));
        assert_eq!(d.date.unwrap().to_string(), "2022-01-05");
    }

    #[test]
    fn jsonl_errors_do_not_stop_the_file() {
        let docs = read(
            "a.jsonl",
            b"{\"id\": 1, \"sentences\": [\"A.\", \"B.\"]}\n{\"text\": \"no id\"}\nnot json\n{\"id\": \"x\", \"text\": \"ok\", \"date\": \"2020-13-01\"}\n{\"id\": \"y\", \"text\": \"Fine.\"}\n",
        );
        assert_eq!(docs.len(), 5);
        assert_eq!(docs[0].as_ref().unwrap().len(), 2);
        assert_eq!(docs[1].as_ref().unwrap_err().kind(), ErrorKind::MissingField);
        assert_eq!(docs[2].as_ref().unwrap_err().kind(), ErrorKind::InvalidJson);
        assert_eq!(docs[2].as_ref().unwrap_err().line(), Some(3));
        assert_eq!(docs[3].as_ref().unwrap_err().kind(), ErrorKind::InvalidField);
        assert_eq!(docs[4].as_ref().unwrap().id, "y");
    }

    #[test]
    fn bad_files() {
        assert_eq!(read("e.txt", b"").pop().unwrap().unwrap_err().kind(), ErrorKind::EmptyInput);
        assert_eq!(read("b.txt", b"ab\0cd").pop().unwrap().unwrap_err().kind(), ErrorKind::BinaryInput);
        let e = read("u.txt", b"Good line.\nBad \xff line.\n").pop().unwrap().unwrap_err();
        assert_eq!((e.kind(), e.line()), (ErrorKind::InvalidUtf8, Some(2)));
        let e = read("u.jsonl", b"{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":\"\xc3\x28\"}\n")
            .pop()
            .unwrap()
            .unwrap_err();
        assert_eq!((e.kind(), e.line()), (ErrorKind::InvalidUtf8, Some(2)));
    }

    #[test]
    fn long_line_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.jsonl");
        let mut content = b"{\"id\":1,\"text\":\"".to_vec();
        content.extend(std::iter::repeat_n(b'a', 2000));
        content.extend_from_slice(b"\"}\n{\"id\":2,\"text\":\"Short.\"}\n");
        std::fs::write(&path, content).unwrap();
        let opts = ReadOptions { max_line_bytes: 1000, ..ReadOptions::default() };
        let docs: Vec<_> = Reader::new(vec![path.display().to_string()], opts).collect();
        assert_eq!(docs[0].as_ref().unwrap_err().kind(), ErrorKind::LineTooLong);
        assert_eq!(docs[1].as_ref().unwrap().id, "2");
    }

    #[test]
    fn documents_are_counted_without_parsing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Article Number: 1\nT\nS.\nArticle Number: 2\nT\nS.\n").unwrap();
        std::fs::write(dir.path().join("b.jsonl"), "{\"id\":1,\"text\":\"a\"}\n\n{\"id\":2,\"text\":\"b\"}\n").unwrap();
        std::fs::write(dir.path().join("c.txt"), "Plain text.").unwrap();
        assert_eq!(count_documents(&[dir.path().display().to_string()]), Some(5));
        assert_eq!(count_documents(&["-".to_string()]), None);
        std::fs::write(dir.path().join("d.json"), "[{\"id\":1,\"text\":\"a\"}]").unwrap();
        assert_eq!(count_documents(&[dir.path().display().to_string()]), None);
    }

    #[test]
    fn gzip_and_directories() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"{\"id\":\"g\",\"text\":\"Zipped.\"}\n").unwrap();
        std::fs::write(sub.join("z.jsonl.gz"), gz.finish().unwrap()).unwrap();
        std::fs::write(dir.path().join("a.txt"), "Plain text here.").unwrap();
        std::fs::write(dir.path().join("notes.md"), "ignored").unwrap();
        let docs: Vec<_> = Reader::new(vec![dir.path().display().to_string()], ReadOptions::default())
            .map(|d| d.unwrap().id)
            .collect();
        assert_eq!(docs, vec!["a", "g"]);
    }
}
