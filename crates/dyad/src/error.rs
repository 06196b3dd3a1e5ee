//! Typed errors with stable codes shared by the CLI, the HTTP API and Python.

use std::fmt;

/// What went wrong, as a stable category. [`ErrorKind::code`] gives the code that every front end reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read.
    Io,
    /// The bytes are not valid UTF-8.
    InvalidUtf8,
    /// A JSON line or file does not parse.
    InvalidJson,
    /// A required field (such as `id`) is missing.
    MissingField,
    /// A field has the wrong type or an unparseable value (a bad date).
    InvalidField,
    /// The input looks binary (NUL bytes).
    BinaryInput,
    /// The input holds no text.
    EmptyInput,
    /// A line (or document) is longer than the reader accepts.
    LineTooLong,
    /// A dictionary file does not follow the format.
    Dictionary,
    /// A malformed request from the caller (bad date, bad option value).
    Usage,
    /// The store (database) failed: full disk, read-only file, corrupt database, locked.
    Store,
}

impl ErrorKind {
    /// The stable code of this kind, e.g. `invalid_json`.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::InvalidUtf8 => "invalid_utf8",
            ErrorKind::InvalidJson => "invalid_json",
            ErrorKind::MissingField => "missing_field",
            ErrorKind::InvalidField => "invalid_field",
            ErrorKind::BinaryInput => "binary_input",
            ErrorKind::EmptyInput => "empty_input",
            ErrorKind::LineTooLong => "line_too_long",
            ErrorKind::Dictionary => "dictionary",
            ErrorKind::Usage => "usage",
            ErrorKind::Store => "store",
        }
    }
}

/// An error with its kind and, where known, the file and 1-based line it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    file: Option<String>,
    line: Option<u64>,
    message: String,
}

impl Error {
    /// A new error of `kind` with a human-readable message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, file: None, line: None, message: message.into() }
    }

    /// Sets the file the error concerns.
    pub fn in_file(mut self, file: impl Into<String>) -> Error {
        self.file = Some(file.into());
        self
    }

    /// Sets the 1-based line the error concerns.
    pub fn at_line(mut self, line: u64) -> Error {
        self.line = Some(line);
        self
    }

    /// The category of the error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The stable code of the error's kind.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The file the error concerns, if any.
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// The 1-based line the error concerns, if any.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The message without file and line.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}: ")?,
            (Some(file), None) => write!(f, "{file}: ")?,
            (None, Some(line)) => write!(f, "line {line}: ")?,
            (None, None) => {}
        }
        write!(f, "{} [{}]", self.message, self.kind.code())
    }
}

impl std::error::Error for Error {}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
