//! Read views for the HTTP API and other front ends: a page of events with its total, counts per period, the most
//! active dyads and actors, one document with its mentions and events, and search hits with snippets. Every view
//! aggregates in SQL (one parameterised statement), so its cost does not grow with what Rust holds.

use std::fmt;
use std::str::FromStr;

use dyad::error::{Error, ErrorKind, Result};
use rusqlite::{params, params_from_iter, OptionalExtension};

use crate::{store_err, EventRow, Filter, Store};

/// The length of a period in a timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// `YYYY-MM-DD`.
    Day,
    /// ISO 8601 week, `YYYY-Www` (weeks start on Monday; the year is the week's year).
    Week,
    /// `YYYY-MM`.
    Month,
    /// `YYYY`.
    Year,
}

impl Period {
    /// The period's name as the API spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
        }
    }

    /// The SQL expression of an event's period (`date` is never NULL where it is used).
    fn sql(self) -> &'static str {
        match self {
            Period::Day => "date",
            Period::Week => "strftime('%G-W%V', date)",
            Period::Month => "substr(date, 1, 7)",
            Period::Year => "substr(date, 1, 4)",
        }
    }
}

impl FromStr for Period {
    type Err = Error;
    fn from_str(s: &str) -> Result<Period> {
        match s {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "year" => Ok(Period::Year),
            _ => Err(Error::new(ErrorKind::Usage, format!("period must be day, week, month or year, not {s:?}"))),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Events of one period: counts per QuadClass, the total and the mean Goldstein score.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodRow {
    /// `2021-06-01`, `2021-W22`, `2021-06` or `2021`.
    pub period: String,
    /// Events of QuadClass 1, 2, 3 and 4.
    pub quads: [i64; 4],
    /// All events of the period.
    pub total: i64,
    /// Mean Goldstein score.
    pub goldstein_mean: f64,
}

/// An undirected pair of actors (codes cut to their country; organisations keep their code) and its events.
#[derive(Clone, Debug, PartialEq)]
pub struct DyadRow {
    /// The first code in alphabetical order.
    pub a: String,
    /// The second code.
    pub b: String,
    /// Events between them, both directions.
    pub count: i64,
    /// Mean Goldstein score.
    pub goldstein_mean: f64,
    /// Events of QuadClass 1, 2, 3 and 4.
    pub quads: [i64; 4],
}

/// An actor (code cut to its country; organisations keep their code) and its events.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorRow {
    /// `CHN`, `IGOUNO`.
    pub code: String,
    /// Events with the actor on either side (an event inside one country counts once).
    pub events: i64,
    /// Events with the actor as source.
    pub as_source: i64,
    /// Events with the actor as target.
    pub as_target: i64,
    /// Mean Goldstein score of its events.
    pub goldstein_mean: f64,
}

/// A stored actor mention; `start` and `end` are character offsets in its sentence (or the title).
#[derive(Clone, Debug, PartialEq)]
pub struct MentionRow {
    /// Sentence index (`None` in the title).
    pub sentence: Option<i64>,
    /// First character.
    pub start: i64,
    /// One past the last character.
    pub end: i64,
    /// The words.
    pub text: String,
    /// CAMEO actor code.
    pub code: String,
    /// Country part of the code.
    pub country: Option<String>,
    /// Agent part of the code.
    pub agent: Option<String>,
    /// Canonical name.
    pub name: String,
    /// `state`, `person`, `organisation` or `role`.
    pub kind: String,
    /// How it was found.
    pub via: String,
    /// The dictionary entry, `file:line`.
    pub entry: String,
}

/// A stored document with its mentions and events.
#[derive(Clone, Debug)]
pub struct StoredDocument {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Source URL.
    pub url: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// The sentences, as read.
    pub sentences: Vec<String>,
    /// Mentions in document order (title first).
    pub mentions: Vec<MentionRow>,
    /// Events as `dyad code` JSON lines, in document order.
    pub events: Vec<String>,
}

/// A full-text search hit with a snippet (matches between `[` and `]`).
#[derive(Clone, Debug, PartialEq)]
pub struct SnippetHit {
    /// Document id.
    pub doc: String,
    /// Document title.
    pub title: Option<String>,
    /// Document date.
    pub date: Option<String>,
    /// Sentence index (`None` for the title).
    pub sentence: Option<i64>,
    /// The sentence around the matches, each match in brackets.
    pub snippet: String,
}

/// The actor key of a side: its country, or the whole code for organisations and other actors without one.
const SOURCE_KEY: &str = "coalesce(source_country, source)";
const TARGET_KEY: &str = "coalesce(target_country, target)";

fn quads(r: &rusqlite::Row, first: usize) -> rusqlite::Result<[i64; 4]> {
    Ok([r.get(first)?, r.get(first + 1)?, r.get(first + 2)?, r.get(first + 3)?])
}

/// A WHERE clause on the event date only, with its arguments.
fn period_clause(from: Option<&str>, to: Option<&str>) -> (String, Vec<String>) {
    let f = Filter { from: from.map(str::to_string), to: to.map(str::to_string), ..Filter::default() };
    Store::where_clause(&f)
}

fn and(where_clause: &str, cond: &str) -> String {
    if where_clause.is_empty() {
        format!(" WHERE {cond}")
    } else {
        format!("{where_clause} AND {cond}")
    }
}

impl Store {
    /// The number of stored documents and events.
    pub fn totals(&self) -> Result<(i64, i64)> {
        let one = |sql: &str| self.conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map_err(store_err);
        Ok((one("SELECT count(*) FROM documents")?, one("SELECT count(*) FROM events")?))
    }

    /// One page of the events that pass `filter`, newest first (date descending, then document, sentence and
    /// storage order; undated events last), with the number of events that pass it.
    pub fn events_page(&self, filter: &Filter, limit: usize, offset: usize) -> Result<(i64, Vec<EventRow>)> {
        let (w, mut args) = Store::where_clause(filter);
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM events{w}"))
            .and_then(|mut s| s.query_row(params_from_iter(args.iter()), |r| r.get(0)))
            .map_err(store_err)?;
        args.push(limit.to_string());
        args.push(offset.to_string());
        let (l, o) = (args.len() - 1, args.len());
        let sql = format!(
            "SELECT id, doc_id, sentence, date, source, target, code, root, quad, goldstein, mode, rule, json FROM events{w}
             ORDER BY date DESC, doc_id, sentence, id LIMIT CAST(?{l} AS INTEGER) OFFSET CAST(?{o} AS INTEGER)"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(store_err)?;
        let rows = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(EventRow {
                    id: r.get(0)?,
                    doc: r.get(1)?,
                    sentence: r.get(2)?,
                    date: r.get(3)?,
                    source: r.get(4)?,
                    target: r.get(5)?,
                    code: r.get(6)?,
                    root: r.get(7)?,
                    quad: r.get(8)?,
                    goldstein: r.get(9)?,
                    mode: r.get(10)?,
                    rule: r.get(11)?,
                    json: r.get(12)?,
                })
            })
            .map_err(store_err)?;
        let events = rows.collect::<rusqlite::Result<Vec<_>>>().map_err(store_err)?;
        Ok((total, events))
    }

    /// Counts per period and QuadClass with the mean Goldstein score, of the dated events that pass `filter`, in
    /// ascending order of period.
    pub fn timeline(&self, filter: &Filter, period: Period) -> Result<Vec<PeriodRow>> {
        let (w, args) = Store::where_clause(filter);
        let w = and(&w, "date IS NOT NULL");
        let sql = format!(
            "SELECT {p} AS period, sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), count(*), avg(goldstein)
             FROM events{w} GROUP BY period ORDER BY period",
            p = period.sql()
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(store_err)?;
        let rows = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(PeriodRow { period: r.get(0)?, quads: quads(r, 1)?, total: r.get(5)?, goldstein_mean: r.get(6)? })
            })
            .map_err(store_err)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(store_err)
    }

    /// The most active undirected pairs of actors between `from` and `to` (inclusive, either optional) with at least
    /// `min_count` events, most events first. Codes are cut to their country (organisations keep theirs); events
    /// within one country are not a pair.
    pub fn dyads(&self, from: Option<&str>, to: Option<&str>, min_count: i64, limit: usize) -> Result<Vec<DyadRow>> {
        let (w, mut args) = period_clause(from, to);
        args.push(min_count.to_string());
        args.push(limit.to_string());
        let (m, l) = (args.len() - 1, args.len());
        let sql = format!(
            "SELECT min(sk, tk) AS a, max(sk, tk) AS b, count(*) AS n, avg(goldstein),
                    sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4)
             FROM (SELECT {SOURCE_KEY} AS sk, {TARGET_KEY} AS tk, quad, goldstein FROM events{w})
             WHERE sk <> tk GROUP BY a, b HAVING n >= CAST(?{m} AS INTEGER)
             ORDER BY n DESC, a, b LIMIT CAST(?{l} AS INTEGER)"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(store_err)?;
        let rows = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(DyadRow {
                    a: r.get(0)?,
                    b: r.get(1)?,
                    count: r.get(2)?,
                    goldstein_mean: r.get(3)?,
                    quads: quads(r, 4)?,
                })
            })
            .map_err(store_err)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(store_err)
    }

    /// The most active actors between `from` and `to` (codes cut as in [`Store::dyads`]), most events first; with
    /// `only`, just those actors (any number of them, `limit` aside).
    pub fn actors(
        &self,
        from: Option<&str>,
        to: Option<&str>,
        limit: usize,
        only: Option<&[String]>,
    ) -> Result<Vec<ActorRow>> {
        let (w, mut args) = period_clause(from, to);
        let n = args.len();
        // The same date filter serves both halves of the union: renumber the second copy's parameters.
        let mut w2 = w.clone();
        for i in (1..=n).rev() {
            w2 = w2.replace(&format!("?{i}"), &format!("?{}", i + n));
        }
        args.extend(args.clone());
        let mut keep = String::new();
        if let Some(codes) = only {
            if codes.is_empty() {
                return Ok(Vec::new());
            }
            let marks: Vec<String> = codes
                .iter()
                .map(|c| {
                    args.push(c.clone());
                    format!("?{}", args.len())
                })
                .collect();
            keep = format!(" WHERE k IN ({})", marks.join(", "));
        }
        let limit = if only.is_some() { usize::MAX >> 1 } else { limit };
        args.push(limit.to_string());
        let l = args.len();
        let other = and(&w2, &format!("{TARGET_KEY} <> {SOURCE_KEY}"));
        let sql = format!(
            "SELECT k, count(*) AS n, sum(src), sum(tgt), avg(goldstein) FROM (
                 SELECT {SOURCE_KEY} AS k, 1 AS src, {TARGET_KEY} = {SOURCE_KEY} AS tgt, goldstein FROM events{w}
                 UNION ALL
                 SELECT {TARGET_KEY} AS k, 0 AS src, 1 AS tgt, goldstein FROM events{other}
             ){keep} GROUP BY k ORDER BY n DESC, k LIMIT CAST(?{l} AS INTEGER)"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(store_err)?;
        let rows = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(ActorRow {
                    code: r.get(0)?,
                    events: r.get(1)?,
                    as_source: r.get(2)?,
                    as_target: r.get(3)?,
                    goldstein_mean: r.get(4)?,
                })
            })
            .map_err(store_err)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(store_err)
    }

    /// One stored document with its mentions and events, or `None` when no document has this id.
    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>> {
        let head = self
            .conn
            .prepare_cached("SELECT id, title, date, url, publisher, sentences FROM documents WHERE id = ?1")
            .map_err(store_err)?
            .query_row(params![id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })
            .optional()
            .map_err(store_err)?;
        let Some((id, title, date, url, publisher, sentences)) = head else {
            return Ok(None);
        };
        let sentences: Vec<String> = serde_json::from_str(&sentences)
            .map_err(|e| Error::new(ErrorKind::Store, format!("document {id}: stored sentences: {e}")))?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT sentence, start, end, text, code, country, agent, name, kind, via, entry FROM mentions
                 WHERE doc_id = ?1 ORDER BY sentence IS NOT NULL, sentence, start, rowid",
            )
            .map_err(store_err)?;
        let mentions = stmt
            .query_map(params![id], |r| {
                Ok(MentionRow {
                    sentence: r.get(0)?,
                    start: r.get(1)?,
                    end: r.get(2)?,
                    text: r.get(3)?,
                    code: r.get(4)?,
                    country: r.get(5)?,
                    agent: r.get(6)?,
                    name: r.get(7)?,
                    kind: r.get(8)?,
                    via: r.get(9)?,
                    entry: r.get(10)?,
                })
            })
            .map_err(store_err)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(store_err)?;
        let mut stmt =
            self.conn.prepare_cached("SELECT json FROM events WHERE doc_id = ?1 ORDER BY id").map_err(store_err)?;
        let events = stmt
            .query_map(params![id], |r| r.get::<_, String>(0))
            .map_err(store_err)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(store_err)?;
        Ok(Some(StoredDocument { id, title, date, url, publisher, sentences, mentions, events }))
    }

    /// Full-text search over the stored sentences and titles (SQLite FTS5 syntax), best matches first, each hit
    /// with its document's title and date and a snippet of about 16 words with the matches in brackets. A query
    /// FTS5 cannot parse is a [`ErrorKind::Usage`] error.
    pub fn search_snippets(&self, query: &str, limit: usize) -> Result<Vec<SnippetHit>> {
        let usage = |e: rusqlite::Error| Error::new(ErrorKind::Usage, format!("search query {query:?}: {e}"));
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT f.doc_id, d.title, d.date, f.sentence, snippet(sentences_fts, 2, '[', ']', '…', 16)
                 FROM sentences_fts f JOIN documents d ON d.id = f.doc_id
                 WHERE sentences_fts MATCH ?1 ORDER BY f.rank LIMIT ?2",
            )
            .map_err(store_err)?;
        let rows = stmt
            .query_map(params![query, limit as i64], |r| {
                Ok(SnippetHit {
                    doc: r.get(0)?,
                    title: r.get(1)?,
                    date: r.get(2)?,
                    sentence: r.get(3)?,
                    snippet: r.get(4)?,
                })
            })
            .map_err(usage)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(usage)
    }
}
