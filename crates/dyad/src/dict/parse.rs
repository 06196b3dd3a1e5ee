//! The line syntax shared by every `.dict` file: unindented headers, indented `key: a | b` fields, `#` comments.

use std::sync::Arc;

use super::Loc;
use crate::error::{Error, ErrorKind, Result};

/// A field line.
#[derive(Debug)]
pub(crate) struct Field {
    pub line: u64,
    pub key: String,
    /// The values, split on `|` and trimmed.
    pub values: Vec<String>,
    /// The text after `key:`, untrimmed parts included (for fields with positional parts).
    pub raw: String,
}

/// An entry: a header line and its fields.
#[derive(Debug)]
pub(crate) struct RawEntry {
    pub loc: Loc,
    pub header: String,
    pub fields: Vec<Field>,
}

impl RawEntry {
    pub fn error(&self, msg: impl Into<String>) -> Error {
        self.error_at(self.loc.line, msg)
    }

    pub fn error_at(&self, line: u64, msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Dictionary, msg).in_file(self.loc.file.to_string()).at_line(line)
    }
}

impl Field {
    /// The single value of a field that takes one.
    pub fn one<'a>(&'a self, e: &RawEntry) -> Result<&'a str> {
        match self.values.as_slice() {
            [v] => Ok(v),
            _ => Err(e.error_at(self.line, format!("{} takes one value", self.key))),
        }
    }
}

pub(crate) fn parse_file(file: &Arc<str>, text: &str, strict_values: bool) -> Result<Vec<RawEntry>> {
    let mut entries: Vec<RawEntry> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i as u64 + 1;
        let err = |msg: String| Error::new(ErrorKind::Dictionary, msg).in_file(file.to_string()).at_line(n);
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            entries.push(RawEntry {
                loc: Loc { file: file.clone(), line: n },
                header: trimmed.to_string(),
                fields: Vec::new(),
            });
            continue;
        }
        let Some(entry) = entries.last_mut() else {
            return Err(err("an indented field line before any entry header".into()));
        };
        let Some((key, rest)) = trimmed.split_once(':') else {
            return Err(err(format!("expected `key: value | value`, found {trimmed:?}")));
        };
        let key = key.trim();
        if key.is_empty() || key.contains(char::is_whitespace) {
            return Err(err(format!("bad key {key:?}")));
        }
        let values: Vec<String> = rest.split('|').map(|v| v.trim().to_string()).collect();
        if strict_values && key != "office" && values.iter().any(String::is_empty) {
            return Err(err(format!("empty value in {key:?} (check for a stray `|`)")));
        }
        entry.fields.push(Field { line: n, key: key.to_string(), values, raw: rest.to_string() });
    }
    Ok(entries)
}
