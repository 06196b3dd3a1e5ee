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

/// A WHERE clause on `event_counts` for a period (either end optional); a period leaves out undated events.
fn counts_period(from: Option<&str>, to: Option<&str>) -> (String, Vec<String>) {
    let mut conds = Vec::new();
    let mut args = Vec::new();
    for (op, v) in [(">=", from), ("<=", to)] {
        if let Some(v) = v {
            args.push(v.to_string());
            conds.push(format!("date {op} ?{}", args.len()));
        }
    }
    if !conds.is_empty() {
        conds.push("date <> ''".to_string());
    }
    let w = if conds.is_empty() { String::new() } else { format!(" WHERE {}", conds.join(" AND ")) };
    (w, args)
}

/// The WHERE clause on `event_counts` equivalent to `f`, when there is one: dates, QuadClass, and actor prefixes of
/// at most three letters (a state's code begins with its country, the key of its events; any other actor's key is
/// its whole code, so a prefix of the code is a prefix of the key).
fn counts_clause(f: &Filter) -> Option<(String, Vec<String>)> {
    let short = |c: &Option<String>| c.as_ref().is_none_or(|c| c.len() <= 3);
    let dyad_short = f.dyad.as_ref().is_none_or(|(a, b)| a.len() <= 3 && b.len() <= 3);
    if f.code.is_some() || f.mode.is_some() || f.doc.is_some() || f.one_a_day {
        return None;
    }
    if !(short(&f.actor) && short(&f.source) && short(&f.target) && dyad_short) {
        return None;
    }
    let (w, mut args) = counts_period(f.from.as_deref(), f.to.as_deref());
    let mut conds: Vec<String> = if w.is_empty() { Vec::new() } else { vec![w[" WHERE ".len()..].to_string()] };
    crate::actor_conditions(f, ("sk", "tk"), &mut conds, &mut args);
    if let Some(q) = f.quad {
        args.push(q.to_string());
        conds.push(format!("quad = CAST(?{} AS INTEGER)", args.len()));
    }
    let w = if conds.is_empty() { String::new() } else { format!(" WHERE {}", conds.join(" AND ")) };
    Some((w, args))
}

fn quads(r: &rusqlite::Row, first: usize) -> rusqlite::Result<[i64; 4]> {
    Ok([r.get(first)?, r.get(first + 1)?, r.get(first + 2)?, r.get(first + 3)?])
}

fn and(where_clause: &str, cond: &str) -> String {
    if where_clause.is_empty() {
        format!(" WHERE {cond}")
    } else {
        format!("{where_clause} AND {cond}")
    }
}

/// A filter on actors or codes reaches its events in two ways: through the indexes of those columns (then each
/// matching event is read, at random), or by walking the covering index `events_recent`, which holds every filtered
/// column. Walking wins unless the filter is rare; a unary + keeps SQLite off the other indexes.
fn walk(w: &str) -> String {
    let mut w = w.to_string();
    for col in ["source", "target", "code"] {
        w = w
            .replace(&format!("({col} >= "), &format!("(+{col} >= "))
            .replace(&format!(" {col} < "), &format!(" +{col} < "));
    }
    w
}

impl Store {
    /// Whether the events of `filter`'s actors and period are more than a twentieth of all `events`, by the
    /// per-day counts of their countries (a state's code begins with its country): an upper bound, cheap to read.
    /// A filter on one document is never common.
    fn common(&self, filter: &Filter, events: i64) -> Result<bool> {
        if filter.doc.is_some() {
            return Ok(false);
        }
        let cut = |c: &Option<String>| c.as_ref().map(|c| c.chars().take(3).collect::<String>());
        let bound = Filter {
            actor: cut(&filter.actor),
            source: cut(&filter.source),
            target: cut(&filter.target),
            dyad: filter.dyad.as_ref().map(|(a, b)| (a.chars().take(3).collect(), b.chars().take(3).collect())),
            from: filter.from.clone(),
            to: filter.to.clone(),
            ..Filter::default()
        };
        let Some((w, args)) = counts_clause(&bound) else { return Ok(false) };
        let share: i64 = self
            .conn
            .prepare_cached(&format!("SELECT coalesce(sum(n), 0) FROM event_counts{w}"))
            .and_then(|mut s| s.query_row(params_from_iter(args.iter()), |r| r.get(0)))
            .map_err(store_err)?;
        Ok(share * 20 > events)
    }

    /// A number that changes whenever another connection (or process) commits to the database: a cache of answers
    /// stays valid while it does not change.
    pub fn data_version(&self) -> Result<i64> {
        self.conn.pragma_query_value(None, "data_version", |r| r.get(0)).map_err(store_err)
    }

    /// The number of stored documents and events.
    pub fn totals(&self) -> Result<(i64, i64)> {
        let one = |sql: &str| self.conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map_err(store_err);
        Ok((one("SELECT count(*) FROM documents")?, one("SELECT count(*) FROM events")?))
    }

    /// One page of the events that pass `filter`, newest first (date descending, then document, sentence and
    /// storage order; undated events last), with the number of events that pass it.
    pub fn events_page(&self, filter: &Filter, limit: usize, offset: usize) -> Result<(i64, Vec<EventRow>)> {
        let events: i64 =
            self.conn.query_row("SELECT coalesce(max(id), 0) FROM events", [], |r| r.get(0)).map_err(store_err)?;
        // The total from the per-day counts where they answer the filter; else counted, walking when the actors'
        // share of the events (from the counts) is large.
        let (total_sql, total_args) = match counts_clause(filter) {
            Some((w, args)) => (format!("SELECT coalesce(sum(n), 0) FROM event_counts{w}"), args),
            None => {
                let (w, args) = Store::where_clause(filter);
                let w = if self.common(filter, events)? { walk(&w) } else { w };
                (format!("SELECT count(*) FROM events{w}"), args)
            }
        };
        let total: i64 = self
            .conn
            .prepare_cached(&total_sql)
            .and_then(|mut s| s.query_row(params_from_iter(total_args.iter()), |r| r.get(0)))
            .map_err(store_err)?;
        let (mut w, mut args) = Store::where_clause(filter);
        // A page walks newest first until it is full: about (offset + limit) × events / total entries.
        if filter.doc.is_none() && total > 0 && ((offset + limit) as f64 * events as f64 / total as f64) < 300_000.0 {
            w = walk(&w);
        }
        args.push(limit.to_string());
        args.push(offset.to_string());
        let (l, o) = (args.len() - 1, args.len());
        // The page's row ids are sorted first (narrow rows), then only the page's events are read.
        let sql = format!(
            "SELECT id, doc_id, sentence, date, source, target, code, root, quad, goldstein, mode, rule, json FROM events
             WHERE id IN (SELECT id FROM events{w} ORDER BY date DESC, doc_id, sentence, id
                          LIMIT CAST(?{l} AS INTEGER) OFFSET CAST(?{o} AS INTEGER))
             ORDER BY date DESC, doc_id, sentence, id"
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
    /// ascending order of period. Read from the per-day counts when the filter allows it (dates, QuadClass, and
    /// actor prefixes of at most three letters, which name the same events as the actor keys do); from the events
    /// otherwise.
    pub fn timeline(&self, filter: &Filter, period: Period) -> Result<Vec<PeriodRow>> {
        let Some((w, args)) = counts_clause(filter) else {
            return self.timeline_of_events(filter, period);
        };
        let sql = format!(
            "SELECT {p} AS period, sum(n * (quad = 1)), sum(n * (quad = 2)), sum(n * (quad = 3)),
                    sum(n * (quad = 4)), sum(n), sum(g) / sum(n)
             FROM event_counts{w} GROUP BY period ORDER BY period",
            p = period.sql(),
            w = and(&w, "date <> ''")
        );
        self.period_rows(&sql, &args)
    }

    /// [`Store::timeline`] computed from the events table, whatever the filter.
    pub(crate) fn timeline_of_events(&self, filter: &Filter, period: Period) -> Result<Vec<PeriodRow>> {
        let (w, args) = Store::where_clause(filter);
        let events: i64 =
            self.conn.query_row("SELECT coalesce(max(id), 0) FROM events", [], |r| r.get(0)).map_err(store_err)?;
        let w = if self.common(filter, events)? { walk(&w) } else { w };
        let sql = format!(
            "SELECT {p} AS period, sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), count(*), avg(goldstein)
             FROM events{w} GROUP BY period ORDER BY period",
            p = period.sql(),
            w = and(&w, "date IS NOT NULL")
        );
        self.period_rows(&sql, &args)
    }

    fn period_rows(&self, sql: &str, args: &[String]) -> Result<Vec<PeriodRow>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(store_err)?;
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
        let (w, mut args) = counts_period(from, to);
        args.push(min_count.to_string());
        args.push(limit.to_string());
        let (m, l) = (args.len() - 1, args.len());
        let sql = format!(
            "SELECT min(sk, tk) AS a, max(sk, tk) AS b, sum(n) AS cnt, sum(g) / sum(n),
                    sum(n * (quad = 1)), sum(n * (quad = 2)), sum(n * (quad = 3)), sum(n * (quad = 4))
             FROM event_counts{w} GROUP BY a, b HAVING cnt >= CAST(?{m} AS INTEGER)
             ORDER BY cnt DESC, a, b LIMIT CAST(?{l} AS INTEGER)",
            w = and(&w, "sk <> tk")
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
        let (w, mut args) = counts_period(from, to);
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
        let limit = if only.is_some() { i64::MAX as usize } else { limit };
        args.push(limit.to_string());
        let l = args.len();
        // An event inside one actor (sk = tk) counts once, as source and as target.
        let sql = format!(
            "SELECT k, sum(ev) AS cnt, sum(src), sum(tgt), sum(g) / sum(ev) FROM (
                 SELECT sk AS k, n AS ev, n AS src, CASE WHEN tk = sk THEN n ELSE 0 END AS tgt, g FROM event_counts{w}
                 UNION ALL
                 SELECT tk AS k, n AS ev, 0 AS src, n AS tgt, g FROM event_counts{w2}
             ){keep} GROUP BY k ORDER BY cnt DESC, k LIMIT CAST(?{l} AS INTEGER)",
            w2 = and(&w, "tk <> sk")
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

#[cfg(test)]
mod tests {
    use super::*;
    use dyad::coder::Coder;
    use dyad::dict::Dictionaries;
    use dyad::Document;

    fn docs(texts: &[(&str, Option<&str>, &str)]) -> Vec<Document> {
        texts
            .iter()
            .map(|(id, date, text)| {
                let mut d = Document::from_text(*id, None, text);
                d.date = date.map(|d| d.parse().unwrap());
                d
            })
            .collect()
    }

    /// Date, source key, target key, QuadClass, events, Goldstein sum × 1000.
    type CountRow = (String, String, String, i64, i64, i64);

    /// The per-day counts, as the triggers keep them and as the events give them.
    fn counts(store: &Store) -> (Vec<CountRow>, Vec<CountRow>) {
        let q = |sql: &str| -> Vec<CountRow> {
            let mut stmt = store.conn.prepare(sql).unwrap();
            let rows =
                stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))).unwrap();
            rows.collect::<rusqlite::Result<Vec<_>>>().unwrap()
        };
        (
            q("SELECT date, sk, tk, quad, n, CAST(round(g * 1000) AS INTEGER) FROM event_counts ORDER BY 1, 2, 3, 4"),
            q("SELECT coalesce(date, ''), coalesce(source_country, source), coalesce(target_country, target), quad,
                      count(*), CAST(round(sum(goldstein) * 1000) AS INTEGER)
               FROM events GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"),
        )
    }

    #[test]
    fn counts_follow_inserts_replacements_and_agree_with_the_events() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("v.db")).unwrap();
        let coder = Coder::new(Dictionaries::builtin().unwrap()).unwrap();
        let v = coder.dict_version().to_string();
        let code = |ds: Vec<Document>| ds.into_iter().map(|d| (d.clone(), coder.code(&d))).collect::<Vec<_>>();
        let first = docs(&[
            ("a", Some("2022-01-03"), "China and Belarus signed an agreement on trade. Russia condemned Poland."),
            (
                "b",
                Some("2022-01-09"),
                "Russian forces shelled the Ukrainian city of Kharkiv. The United Nations condemned Russia.",
            ),
            ("c", None, "Japan praised India. Police arrested protesters in Minsk."),
            ("d", Some("2023-06-30"), "Poland expelled 45 Russian diplomats. China and Belarus held talks."),
        ]);
        store.ingest(&code(first), &v).unwrap();
        let (kept, truth) = counts(&store);
        assert!(!kept.is_empty());
        assert_eq!(kept, truth);
        // Replacing a document (new text, same id) deletes its events through the cascade, which the triggers see.
        let replaced = docs(&[
            ("a", Some("2022-02-01"), "Japan praised India."),
            ("b", Some("2022-01-09"), "Kenya praised Uganda."),
        ]);
        store.ingest(&code(replaced), &v).unwrap();
        let (kept, truth) = counts(&store);
        assert_eq!(kept, truth);
        assert!(!kept.iter().any(|r| r.0 == "2022-01-03"), "the replaced day is gone: {kept:?}");
        // Timelines from the counts equal timelines from the events, for every filter the counts serve.
        let filters = [
            Filter::default(),
            Filter { actor: Some("CHN".into()), ..Filter::default() },
            Filter { actor: Some("IGO".into()), ..Filter::default() },
            Filter { dyad: Some(("RUS".into(), "POL".into())), quad: Some(3), ..Filter::default() },
            Filter { source: Some("R".into()), to: Some("2022-12-31".into()), ..Filter::default() },
            Filter { from: Some("2022-01-05".into()), target: Some("IND".into()), ..Filter::default() },
        ];
        for f in &filters {
            assert!(counts_clause(f).is_some());
            // A page's total (from the counts) is the number of events the filter passes.
            let mut n = 0;
            store.query(f, |_| n += 1).unwrap();
            let (total, page) = store.events_page(f, 2, 0).unwrap();
            assert_eq!(total, n, "{f:?}");
            assert_eq!(page.len(), n.min(2) as usize);
            for p in [Period::Day, Period::Week, Period::Month, Period::Year] {
                let (a, b) = (store.timeline(f, p).unwrap(), store.timeline_of_events(f, p).unwrap());
                assert_eq!(a.len(), b.len(), "{f:?} {p}");
                for (x, y) in a.iter().zip(&b) {
                    assert_eq!((&x.period, x.quads, x.total), (&y.period, y.quads, y.total), "{f:?} {p}");
                    assert!((x.goldstein_mean - y.goldstein_mean).abs() < 1e-9);
                }
            }
        }
        assert!(counts_clause(&Filter { actor: Some("CHNGOV".into()), ..Filter::default() }).is_none());
        // Dyads and actors add up to the events.
        let events: i64 = store.totals().unwrap().1;
        let dyads = store.dyads(None, None, 1, 1000).unwrap();
        let actors = store.actors(None, None, 1000, None).unwrap();
        let inside: i64 = counts(&store).1.iter().filter(|r| r.1 == r.2).map(|r| r.4).sum();
        assert_eq!(dyads.iter().map(|d| d.count).sum::<i64>() + inside, events);
        assert_eq!(actors.iter().map(|a| a.as_source).sum::<i64>(), events);
        assert_eq!(actors.iter().map(|a| a.as_target).sum::<i64>(), events);
        assert!(dyads.iter().all(|d| d.a < d.b));
    }
}
