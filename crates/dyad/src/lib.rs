//! dyad: political event data from news text.
pub mod actors;
pub mod codebook;
pub mod coder;
pub mod date;
pub mod dict;
pub mod document;
pub mod error;
pub mod eval;
pub mod facts;
pub mod json;
pub mod read;
pub mod text;

pub use date::Date;
pub use document::{Document, Span};
pub use error::{Error, ErrorKind, Result};
