//! Query parameters: parsed strictly (an unknown or repeated parameter, a bad value or a limit over the maximum is a
//! 400 `invalid_parameter` naming it); an empty value is the same as an absent one.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use dyad_store::{Filter, Period};

use crate::error::ApiError;

/// The query string's parameters, in order.
#[derive(Debug, Default)]
pub struct Params(Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Params, ApiError> {
        let Query(pairs) = Query::<Vec<(String, String)>>::from_request_parts(parts, state)
            .await
            .map_err(|e| ApiError::bad_request(format!("query string: {}", e.body_text())))?;
        Ok(Params(pairs))
    }
}

/// The filters of `dyad query`, as query parameters.
pub const FILTER_PARAMS: &[&str] =
    &["actor", "source", "target", "dyad", "code", "quad", "mode", "from", "to", "doc", "one_a_day"];

const MODES: &[&str] = &["asserted", "intended", "appeal", "negated", "hypothetical"];

impl Params {
    /// Rejects any parameter not in `allowed`, and any given twice.
    pub fn allow(&self, allowed: &[&[&str]]) -> Result<&Params, ApiError> {
        for (i, (k, _)) in self.0.iter().enumerate() {
            if !allowed.iter().any(|set| set.contains(&k.as_str())) {
                let mut known: Vec<&str> = allowed.iter().flat_map(|s| s.iter().copied()).collect();
                known.sort_unstable();
                let known = if known.is_empty() { "none".to_string() } else { known.join(", ") };
                return Err(ApiError::invalid_parameter(format!(
                    "unknown parameter {k:?} (this endpoint takes: {known})"
                )));
            }
            if self.0[..i].iter().any(|(k2, _)| k2 == k) {
                return Err(ApiError::invalid_parameter(format!("parameter {k:?} is given more than once")));
            }
        }
        Ok(self)
    }

    /// The value of `name`, if given and not empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
    }

    /// A whole number in `min..=max`, or `default`.
    pub fn number(&self, name: &str, default: usize, min: usize, max: usize) -> Result<usize, ApiError> {
        let Some(v) = self.get(name) else { return Ok(default) };
        let n: usize =
            v.parse().map_err(|_| ApiError::invalid_parameter(format!("{name} must be a whole number, not {v:?}")))?;
        if n < min || n > max {
            return Err(ApiError::invalid_parameter(format!("{name} must be between {min} and {max}, not {n}")));
        }
        Ok(n)
    }

    /// A date `YYYY-MM-DD`.
    pub fn date(&self, name: &str) -> Result<Option<String>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => v
                .parse::<dyad::Date>()
                .map(|d| Some(d.to_string()))
                .map_err(|_| ApiError::invalid_parameter(format!("{name} must be a date YYYY-MM-DD, not {v:?}"))),
        }
    }

    /// An actor or event code (or prefix): letters and digits only.
    pub fn code(&self, name: &str) -> Result<Option<String>, ApiError> {
        self.get(name).map(|v| check_code(name, v)).transpose()
    }

    /// The period of a timeline (default month).
    pub fn period(&self) -> Result<Period, ApiError> {
        match self.get("period") {
            None => Ok(Period::Month),
            Some(v) => v.parse().map_err(|_| {
                ApiError::invalid_parameter(format!("period must be day, week, month or year, not {v:?}"))
            }),
        }
    }

    /// The filters of `dyad query` among the parameters.
    pub fn filter(&self) -> Result<Filter, ApiError> {
        let dyad = match self.get("dyad") {
            None => None,
            Some(d) => {
                let (a, b) = d
                    .split_once('-')
                    .ok_or_else(|| ApiError::invalid_parameter(format!("dyad takes A-B (CHN-BLR), not {d:?}")))?;
                Some((check_code("dyad", a)?, check_code("dyad", b)?))
            }
        };
        let quad = match self.get("quad") {
            None => None,
            Some(q) => match q.parse::<u8>() {
                Ok(n @ 1..=4) => Some(n),
                _ => return Err(ApiError::invalid_parameter(format!("quad must be 1, 2, 3 or 4, not {q:?}"))),
            },
        };
        let mode = match self.get("mode") {
            None => None,
            Some(m) if MODES.contains(&m) => Some(m.to_string()),
            Some(m) => {
                return Err(ApiError::invalid_parameter(format!("mode must be one of {}, not {m:?}", MODES.join(", "))))
            }
        };
        let one_a_day = match self.get("one_a_day") {
            None | Some("false") | Some("0") => false,
            Some("true") | Some("1") => true,
            Some(v) => return Err(ApiError::invalid_parameter(format!("one_a_day must be true or false, not {v:?}"))),
        };
        let doc = self.get("doc").map(str::to_string);
        if doc.as_ref().is_some_and(|d| d.len() > 512) {
            return Err(ApiError::invalid_parameter("doc is longer than 512 bytes"));
        }
        Ok(Filter {
            actor: self.code("actor")?,
            source: self.code("source")?,
            target: self.code("target")?,
            dyad,
            code: self.code("code")?,
            quad,
            mode,
            from: self.date("from")?,
            to: self.date("to")?,
            doc,
            one_a_day,
        })
    }
}

/// An actor or event code from the caller: 1 to 32 ASCII letters or digits, upper-cased.
pub fn check_code(name: &str, v: &str) -> Result<String, ApiError> {
    if v.is_empty() || v.len() > 32 || !v.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(ApiError::invalid_parameter(format!(
            "{name} must be a code of 1 to 32 letters or digits (CHN, CHNGOV, 04), not {v:?}"
        )));
    }
    Ok(v.to_ascii_uppercase())
}
