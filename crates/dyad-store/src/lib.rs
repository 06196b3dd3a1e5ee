//! dyad's embedded store: a SQLite database of coded documents, their actor mentions and events.
//!
//! - **Schema migrations** are embedded SQL files applied in order; `PRAGMA user_version` records the version, and
//!   opening an older database migrates it.
//! - **Ingest is idempotent and crash-safe**: documents are written in transactions of a batch; a document whose
//!   content, coder and dictionaries are unchanged is skipped, a changed one replaces the stored rows. The database
//!   runs in WAL mode, so readers can query while an ingest runs, and a killed ingest leaves the last committed batch.
//! - **Queries** filter events by actor, dyad, code, QuadClass, mode, period and document; exports stream rows.
//!
//! ```
//! use dyad::{coder::Coder, dict::Dictionaries, Document};
//! use dyad_store::{Filter, Store};
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = Store::open(&dir.path().join("dyad.db")).unwrap();
//! let coder = Coder::new(Dictionaries::builtin().unwrap()).unwrap();
//! let doc = Document::from_text("1", None, "China and Belarus signed an agreement.");
//! let coded = coder.code(&doc);
//! store.ingest(&[(doc, coded)], coder.dict_version()).unwrap();
//! let mut n = 0;
//! store.query(&Filter { dyad: Some(("CHN".into(), "BLR".into())), ..Filter::default() }, |_| n += 1).unwrap();
//! assert_eq!(n, 2);
//! ```

use std::path::Path;

use dyad::coder::{Coded, CODER_VERSION};
use dyad::error::{Error, ErrorKind, Result};
use dyad::facts::{fact_out, Fact};
use dyad::json::{event_out, mention_row};
use dyad::Document;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

mod views;
pub use views::{ActorRow, DyadRow, MentionRow, Period, PeriodRow, SnippetHit, StoredDocument};

/// The migrations, in order; the schema version is the number of migrations applied.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_facts.sql"),
    include_str!("../migrations/0003_views.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The oldest schema version this build reads without migrating it: `query`, `search` and `export` work on it;
/// the views the HTTP API reads (timelines, dyads, actors) need [`SCHEMA_VERSION`].
pub const READABLE_FROM: i64 = 1;

fn store_err(e: rusqlite::Error) -> Error {
    Error::new(ErrorKind::Store, e.to_string())
}

/// Stops the statement running on one connection (see [`Store::interrupt_handle`]). When no statement is running,
/// interrupting does nothing, not even to the next statement.
pub struct Interrupt(rusqlite::InterruptHandle);

impl Interrupt {
    /// Interrupts the running statement, if any.
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

/// A code prefix as a range, so that the column's index serves it: CHN ≤ code < CHN\x7f. Pushes the two bounds to
/// `args` and returns the condition.
pub(crate) fn prefix_range(col: &str, args: &mut Vec<String>, v: &str) -> String {
    args.push(v.to_string());
    args.push(format!("{v}\u{7f}"));
    format!("({col} >= ?{} AND {col} < ?{})", args.len() - 1, args.len())
}

/// The filter's actor, source, target and dyad as conditions on a pair of columns (`source`/`target` of the events,
/// `sk`/`tk` of the daily counts).
pub(crate) fn actor_conditions(f: &Filter, (src, tgt): (&str, &str), conds: &mut Vec<String>, args: &mut Vec<String>) {
    if let Some(a) = &f.actor {
        let s = prefix_range(src, args, a);
        let t = prefix_range(tgt, args, a);
        conds.push(format!("({s} OR {t})"));
    }
    if let Some(a) = &f.source {
        conds.push(prefix_range(src, args, a));
    }
    if let Some(a) = &f.target {
        conds.push(prefix_range(tgt, args, a));
    }
    if let Some((a, b)) = &f.dyad {
        let s1 = prefix_range(src, args, a);
        let t1 = prefix_range(tgt, args, b);
        let s2 = prefix_range(src, args, b);
        let t2 = prefix_range(tgt, args, a);
        conds.push(format!("(({s1} AND {t1}) OR ({s2} AND {t2}))"));
    }
}

/// What happened to one document in an ingest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// New document.
    Added,
    /// Same id, new content (or new coder or dictionaries): replaced.
    Replaced,
    /// Already stored as it is.
    Unchanged,
}

/// The embedded database.
pub struct Store {
    conn: Connection,
}

/// Filters of a query; they compose (all must hold).
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// An actor code or code prefix on either side (`CHN`, `CHNGOV`).
    pub actor: Option<String>,
    /// Source code prefix.
    pub source: Option<String>,
    /// Target code prefix.
    pub target: Option<String>,
    /// Both directions between two code prefixes.
    pub dyad: Option<(String, String)>,
    /// CAMEO code prefix (`04`, `190`).
    pub code: Option<String>,
    /// QuadClass 1–4.
    pub quad: Option<u8>,
    /// Mode (`asserted`, `intended`, …).
    pub mode: Option<String>,
    /// First day (YYYY-MM-DD), inclusive.
    pub from: Option<String>,
    /// Last day (YYYY-MM-DD), inclusive.
    pub to: Option<String>,
    /// One document.
    pub doc: Option<String>,
    /// Keep one event per date, source, target and code.
    pub one_a_day: bool,
}

/// One stored event, as queries return it.
#[derive(Clone, Debug)]
pub struct EventRow {
    /// Row id.
    pub id: i64,
    /// Document id.
    pub doc: String,
    /// Sentence index (`None` in the title).
    pub sentence: Option<i64>,
    /// Event date.
    pub date: Option<String>,
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// CAMEO code.
    pub code: String,
    /// CAMEO root.
    pub root: String,
    /// QuadClass.
    pub quad: i64,
    /// Goldstein score.
    pub goldstein: f64,
    /// Mode.
    pub mode: String,
    /// Rule id.
    pub rule: String,
    /// The `dyad code` JSON line.
    pub json: String,
}

/// Where a fact was stated.
#[derive(Clone, Debug, serde::Serialize)]
pub struct FactSource {
    /// Document id.
    pub doc: String,
    /// Sentence index (`None` for the title).
    pub sentence: Option<i64>,
    /// The document's date.
    pub date: Option<String>,
    /// The pair as the sentence names it.
    pub pair: [String; 2],
    /// The words that carry the fact.
    pub text: String,
    /// Character offsets of the words in the sentence.
    pub start: i64,
    /// End offset.
    pub end: i64,
    /// The pattern that fired.
    pub rule: String,
    /// The whole sentence (or the title).
    pub sentence_text: Option<String>,
}

/// One value of a fact type, with when it was first and last stated and where.
#[derive(Clone, Debug, serde::Serialize)]
pub struct RegisterValue {
    /// The value's comparable key.
    pub key: String,
    /// The normalised value (as last stated).
    pub value: serde_json::Value,
    /// First date stated (`None` when undated).
    pub first: Option<String>,
    /// Last date stated.
    pub last: Option<String>,
    /// Every sentence that states it, in order of date.
    pub sources: Vec<FactSource>,
}

/// The register of one fact type.
#[derive(Clone, Debug, serde::Serialize)]
pub struct TypeRegister {
    /// `ties`, `level`, `project`, `area`, `quantity`, `stance`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The current value(s): for ties the latest status (established, suspended, severed, restored) and the latest
    /// about embassies; for the level the latest stated; for quantities the latest of each measure and kind; for
    /// projects, areas and stances every one stated.
    pub current: Vec<RegisterValue>,
    /// For the level: the date of the latest upgrade stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_upgrade: Option<String>,
    /// Every value stated, in order of first date.
    pub history: Vec<RegisterValue>,
}

/// The relations register of a pair of actors: what the stored documents state about their relationship.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Register {
    /// The pair asked for.
    pub pair: [String; 2],
    /// How many stored facts it holds.
    pub facts: usize,
    /// One entry per fact type stated, in the order ties, level, project, area, quantity, stance.
    pub types: Vec<TypeRegister>,
}

impl Register {
    fn add(&mut self, kind: String, key: String, value: serde_json::Value, src: FactSource) {
        self.facts += 1;
        let upgrade = value.get("upgrade").and_then(serde_json::Value::as_bool) == Some(true);
        let t = match self.types.iter().position(|t| t.kind == kind) {
            Some(i) => &mut self.types[i],
            None => {
                self.types.push(TypeRegister {
                    kind: kind.clone(),
                    current: Vec::new(),
                    last_upgrade: None,
                    history: Vec::new(),
                });
                self.types.last_mut().expect("just pushed")
            }
        };
        if upgrade && src.date.is_some() {
            t.last_upgrade.clone_from(&src.date);
        }
        // Stances are one value per direction; the rest, one per key.
        let group = |v: &RegisterValue| {
            v.key == key
                && (kind != "stance"
                    || (v.value.get("by") == value.get("by") && v.value.get("for") == value.get("for")))
        };
        match t.history.iter_mut().find(|v| group(v)) {
            Some(v) => {
                if src.date.is_some() {
                    v.last.clone_from(&src.date);
                }
                if v.first.is_none() {
                    v.first.clone_from(&src.date);
                }
                // A level stated again without the upgrade keeps the upgrade it had.
                let mut value = value;
                if kind == "level" && v.value.get("upgrade") == Some(&serde_json::Value::Bool(true)) {
                    value["upgrade"] = serde_json::Value::Bool(true);
                }
                v.value = value;
                v.sources.push(src);
            }
            None => t.history.push(RegisterValue {
                key,
                value,
                first: src.date.clone(),
                last: src.date.clone(),
                sources: vec![src],
            }),
        }
    }

    fn finish(&mut self) {
        let order = |k: &str| dyad::facts::FactType::parse(k).map_or(99, |t| t as usize);
        self.types.sort_by_key(|t| order(&t.kind));
        for t in &mut self.types {
            // Latest: by last date, then by the order of storing (later in history wins a tie).
            let latest = |vals: &mut dyn Iterator<Item = &RegisterValue>| -> Option<RegisterValue> {
                let mut best: Option<&RegisterValue> = None;
                for v in vals {
                    if best.is_none_or(|b| v.last >= b.last) {
                        best = Some(v);
                    }
                }
                best.cloned()
            };
            t.current = match t.kind.as_str() {
                // The status of the ties (established, severed, restored …) and, apart, the latest about embassies.
                "ties" => {
                    let embassy =
                        |v: &RegisterValue| v.value["event"].as_str().is_some_and(|e| e.starts_with("embassy"));
                    let status = latest(&mut t.history.iter().filter(|v| !embassy(v)));
                    let embassies = latest(&mut t.history.iter().filter(|v| embassy(v)));
                    status.into_iter().chain(embassies).collect()
                }
                "level" => latest(&mut t.history.iter().filter(|v| v.key != "upgrade")).into_iter().collect(),
                "quantity" => {
                    let mut groups: Vec<(serde_json::Value, serde_json::Value)> = Vec::new();
                    for v in &t.history {
                        let g = (v.value["measure"].clone(), v.value["kind"].clone());
                        if !groups.contains(&g) {
                            groups.push(g);
                        }
                    }
                    groups
                        .into_iter()
                        .filter_map(|g| {
                            latest(
                                &mut t.history.iter().filter(|v| v.value["measure"] == g.0 && v.value["kind"] == g.1),
                            )
                        })
                        .collect()
                }
                _ => t.history.clone(),
            };
        }
    }
}

/// What identifies an event within its document: (sentence, source, target, code).
pub type EventKey = (Option<i64>, String, String, String);

/// A line of a summary: counts per period and QuadClass, with the mean Goldstein score.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryRow {
    /// `YYYY-MM` or `YYYY` (`unknown` without a date).
    pub period: String,
    /// QuadClass.
    pub quad: i64,
    /// Events.
    pub events: i64,
    /// Mean Goldstein score.
    pub goldstein: f64,
}

/// A full-text search hit: a sentence and its events.
#[derive(Clone, Debug)]
pub struct Hit {
    /// Document id.
    pub doc: String,
    /// Sentence index (`None` for the title).
    pub sentence: Option<i64>,
    /// The sentence.
    pub text: String,
    /// Events coded in it, as `dyad code` JSON lines.
    pub events: Vec<String>,
}

fn fnv(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for &b in p.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The sentences of a document as read (the title apart).
fn sentences_of(doc: &Document) -> Vec<&str> {
    (0..doc.len()).map(|i| doc.sentence(i)).collect()
}

fn now() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let day = dyad::Date::from_days((secs / 86_400) as i64);
    let s = secs % 86_400;
    format!("{day}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

impl Store {
    /// Opens (creating if needed) the database at `path`, in WAL mode, migrated to the current schema.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|e| store_err(e).in_file(path.display().to_string()))?;
        conn.busy_timeout(std::time::Duration::from_secs(30)).map_err(store_err)?;
        // WAL: readers see the last committed batch while a writer works; a crash loses at most the open batch.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| store_err(e).in_file(path.display().to_string()))?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(store_err)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(store_err)?;
        let mut store = Store { conn };
        store.migrate().map_err(|e| e.in_file(path.display().to_string()))?;
        Ok(store)
    }

    /// Opens an existing database for reading only.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(Error::new(ErrorKind::Store, "no such database (create it with `dyad ingest`)")
                .in_file(path.display().to_string()));
        }
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| store_err(e).in_file(path.display().to_string()))?;
        conn.busy_timeout(std::time::Duration::from_secs(30)).map_err(store_err)?;
        let store = Store { conn };
        let v = store.schema_version()?;
        if v < READABLE_FROM {
            return Err(Error::new(
                ErrorKind::Store,
                format!("database schema version {v} is older than {READABLE_FROM}: run `dyad ingest` or `dyad recode` on it to migrate"),
            )
            .in_file(path.display().to_string()));
        }
        Ok(store)
    }

    /// A handle that stops the statement this connection is running, from any thread ([`Interrupt::interrupt`]):
    /// the statement then fails with a store error. Used by the HTTP server to bound how long a query may run.
    pub fn interrupt_handle(&self) -> Interrupt {
        Interrupt(self.conn.get_interrupt_handle())
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(store_err)
    }

    fn migrate(&mut self) -> Result<()> {
        let v = self.schema_version()?;
        if v > SCHEMA_VERSION {
            return Err(Error::new(
                ErrorKind::Store,
                format!("database schema version {v} is newer than this dyad ({SCHEMA_VERSION}); upgrade dyad"),
            ));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(v as usize) {
            let tx = self.conn.transaction().map_err(store_err)?;
            tx.execute_batch(sql).map_err(store_err)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64).map_err(store_err)?;
            tx.commit().map_err(store_err)?;
        }
        Ok(())
    }

    /// Stores a batch of coded documents in one transaction: all of the batch or none of it.
    pub fn ingest(&mut self, batch: &[(Document, Coded)], dict_version: &str) -> Result<Vec<Outcome>> {
        self.ingest_with_facts(batch, &[], dict_version)
    }

    /// Like [`Store::ingest`], with each document's facts (`facts[i]` for `batch[i]`; missing ones are empty).
    pub fn ingest_with_facts(
        &mut self,
        batch: &[(Document, Coded)],
        facts: &[Vec<Fact>],
        dict_version: &str,
    ) -> Result<Vec<Outcome>> {
        let tx = self.conn.transaction().map_err(store_err)?;
        let mut outcomes = Vec::with_capacity(batch.len());
        {
            let mut get_hash = tx.prepare_cached("SELECT hash FROM documents WHERE id = ?1").map_err(store_err)?;
            let mut del_doc = tx.prepare_cached("DELETE FROM documents WHERE id = ?1").map_err(store_err)?;
            let mut del_fts = tx.prepare_cached("DELETE FROM sentences_fts WHERE doc_id = ?1").map_err(store_err)?;
            let mut ins_doc = tx
                .prepare_cached(
                    "INSERT INTO documents (id, title, date, url, publisher, sentences, hash, coder, dictionaries, ingested_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )
                .map_err(store_err)?;
            let mut ins_fts = tx
                .prepare_cached("INSERT INTO sentences_fts (doc_id, sentence, text) VALUES (?1, ?2, ?3)")
                .map_err(store_err)?;
            let mut ins_mention = tx
                .prepare_cached(
                    "INSERT INTO mentions (doc_id, sentence, start, end, text, code, country, agent, name, kind, via, entry)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                )
                .map_err(store_err)?;
            let mut ins_event = tx
                .prepare_cached(
                    "INSERT INTO events (doc_id, sentence, date, source, source_country, target, target_country, code, root,
                                         quad, goldstein, mode, rule, json)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                )
                .map_err(store_err)?;
            let mut ins_fact = tx
                .prepare_cached(
                    "INSERT INTO facts (doc_id, sentence, date, a, b, type, key, value, text, start, end, rule)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                )
                .map_err(store_err)?;
            for (n, (doc, coded)) in batch.iter().enumerate() {
                let sentences = sentences_of(doc);
                let sentences_json = serde_json::to_string(&sentences).expect("strings serialise");
                let date = doc.date.map(|d| d.to_string());
                let hash = fnv(&[
                    &doc.id,
                    doc.title().unwrap_or(""),
                    date.as_deref().unwrap_or(""),
                    doc.url.as_deref().unwrap_or(""),
                    doc.publisher.as_deref().unwrap_or(""),
                    &sentences_json,
                    CODER_VERSION,
                    dict_version,
                ]);
                let old: Option<String> =
                    get_hash.query_row(params![doc.id], |r| r.get(0)).optional().map_err(store_err)?;
                let outcome = match old {
                    Some(h) if h == hash => {
                        outcomes.push(Outcome::Unchanged);
                        continue;
                    }
                    Some(_) => {
                        del_fts.execute(params![doc.id]).map_err(store_err)?;
                        del_doc.execute(params![doc.id]).map_err(store_err)?;
                        Outcome::Replaced
                    }
                    None => Outcome::Added,
                };
                ins_doc
                    .execute(params![
                        doc.id,
                        doc.title(),
                        date,
                        doc.url,
                        doc.publisher,
                        sentences_json,
                        hash,
                        CODER_VERSION,
                        dict_version,
                        now()
                    ])
                    .map_err(store_err)?;
                if let Some(t) = doc.title() {
                    ins_fts.execute(params![doc.id, Option::<i64>::None, t]).map_err(store_err)?;
                }
                for (i, s) in sentences.iter().enumerate() {
                    ins_fts.execute(params![doc.id, i as i64, s]).map_err(store_err)?;
                }
                for m in &coded.mentions {
                    let r = mention_row(doc, m);
                    ins_mention
                        .execute(params![
                            doc.id,
                            m.sentence.map(|s| s as i64),
                            r.start as i64,
                            r.end as i64,
                            r.text,
                            m.code,
                            m.country,
                            m.agent,
                            m.name,
                            m.kind.as_str(),
                            m.via.as_str(),
                            m.entry
                        ])
                        .map_err(store_err)?;
                }
                for e in &coded.events {
                    let info = e.info();
                    let json = serde_json::to_string(&event_out(doc, e, dict_version)).expect("events serialise");
                    ins_event
                        .execute(params![
                            doc.id,
                            e.sentence.map(|s| s as i64),
                            e.date.map(|d| d.to_string()),
                            e.source.code,
                            e.source.country,
                            e.target.code,
                            e.target.country,
                            e.code,
                            info.root(),
                            i64::from(info.quad),
                            info.goldstein,
                            e.mode.as_str(),
                            e.rule,
                            json
                        ])
                        .map_err(store_err)?;
                }
                for f in facts.get(n).map(Vec::as_slice).unwrap_or_default() {
                    let o = fact_out(doc, f);
                    ins_fact
                        .execute(params![
                            doc.id,
                            f.sentence.map(|s| s as i64),
                            o.date,
                            f.pair[0],
                            f.pair[1],
                            o.kind,
                            o.key,
                            serde_json::to_string(o.value).expect("values serialise"),
                            o.text.text,
                            o.text.start as i64,
                            o.text.end as i64,
                            f.rule
                        ])
                        .map_err(store_err)?;
                }
                outcomes.push(outcome);
            }
        }
        tx.commit().map_err(store_err)?;
        Ok(outcomes)
    }

    /// The relations register of a pair of actors (country or organisation codes, either order): for each fact
    /// type, its current value(s) and every value stated, with dates and sources. Documents read in order of date.
    pub fn facts_register(&self, a: &str, b: &str) -> Result<Register> {
        let v = self.schema_version()?;
        if v < 2 {
            return Err(Error::new(
                ErrorKind::Store,
                format!("database schema version {v} holds no facts: run `dyad recode` on it to migrate and add them"),
            ));
        }
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT f.doc_id, f.sentence, f.date, f.a, f.b, f.type, f.key, f.value, f.text, f.start, f.end, f.rule,
                        d.sentences, d.title
                 FROM facts f JOIN documents d ON d.id = f.doc_id
                 WHERE (f.a = ?1 AND f.b = ?2) OR (f.a = ?2 AND f.b = ?1)
                 ORDER BY coalesce(f.date, ''), f.id",
            )
            .map_err(store_err)?;
        let mut rows = stmt.query(params![a, b]).map_err(store_err)?;
        let mut reg = Register { pair: [a.to_string(), b.to_string()], facts: 0, types: Vec::new() };
        while let Some(r) = rows.next().map_err(store_err)? {
            let sentence: Option<i64> = r.get(1).map_err(store_err)?;
            let all: String = r.get(12).map_err(store_err)?;
            let sentence_text = match sentence {
                Some(i) => serde_json::from_str::<Vec<String>>(&all).ok().and_then(|v| v.get(i as usize).cloned()),
                None => r.get(13).map_err(store_err)?,
            };
            let src = FactSource {
                doc: r.get(0).map_err(store_err)?,
                sentence,
                date: r.get(2).map_err(store_err)?,
                pair: [r.get(3).map_err(store_err)?, r.get(4).map_err(store_err)?],
                text: r.get(8).map_err(store_err)?,
                start: r.get(9).map_err(store_err)?,
                end: r.get(10).map_err(store_err)?,
                rule: r.get(11).map_err(store_err)?,
                sentence_text,
            };
            let kind: String = r.get(5).map_err(store_err)?;
            let key: String = r.get(6).map_err(store_err)?;
            let value: serde_json::Value = serde_json::from_str(&r.get::<_, String>(7).map_err(store_err)?)
                .map_err(|e| Error::new(ErrorKind::Store, format!("stored fact value: {e}")))?;
            reg.add(kind, key, value, src);
        }
        reg.finish();
        Ok(reg)
    }

    /// Counts of documents, mentions and events.
    pub fn counts(&self) -> Result<(i64, i64, i64)> {
        let one = |sql: &str| self.conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map_err(store_err);
        Ok((
            one("SELECT count(*) FROM documents")?,
            one("SELECT count(*) FROM mentions")?,
            one("SELECT count(*) FROM events")?,
        ))
    }

    fn where_clause(f: &Filter) -> (String, Vec<String>) {
        let mut conds: Vec<String> = Vec::new();
        let mut args: Vec<String> = Vec::new();
        actor_conditions(f, ("source", "target"), &mut conds, &mut args);
        if let Some(c) = &f.code {
            conds.push(prefix_range("code", &mut args, c));
        }
        // Comparisons of one column with one parameter.
        let compare = [
            ("CAST(quad AS TEXT) =", f.quad.map(|q| q.to_string())),
            ("mode =", f.mode.clone()),
            ("date >=", f.from.clone()),
            ("date <=", f.to.clone()),
            ("doc_id =", f.doc.clone()),
        ];
        for (op, value) in compare {
            if let Some(v) = value {
                args.push(v);
                conds.push(format!("{op} ?{}", args.len()));
            }
        }
        let mut sql = if conds.is_empty() { String::new() } else { format!(" WHERE {}", conds.join(" AND ")) };
        if f.one_a_day {
            // The field's usual duplicate filter: one event per date, source, target and code (the first stored).
            let keep = "id IN (SELECT min(id) FROM events GROUP BY date, source, target, code)";
            sql = if sql.is_empty() { format!(" WHERE {keep}") } else { format!("{sql} AND {keep}") };
        }
        (sql, args)
    }

    /// Streams the events that pass `filter`, in document and sentence order, to `sink`.
    pub fn query(&self, filter: &Filter, mut sink: impl FnMut(EventRow)) -> Result<()> {
        let (w, args) = Store::where_clause(filter);
        let sql = format!(
            "SELECT id, doc_id, sentence, date, source, target, code, root, quad, goldstein, mode, rule, json FROM events{w} ORDER BY id"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(store_err)?;
        let mut rows = stmt.query(params_from_iter(args.iter())).map_err(store_err)?;
        while let Some(r) = rows.next().map_err(store_err)? {
            sink(EventRow {
                id: r.get(0).map_err(store_err)?,
                doc: r.get(1).map_err(store_err)?,
                sentence: r.get(2).map_err(store_err)?,
                date: r.get(3).map_err(store_err)?,
                source: r.get(4).map_err(store_err)?,
                target: r.get(5).map_err(store_err)?,
                code: r.get(6).map_err(store_err)?,
                root: r.get(7).map_err(store_err)?,
                quad: r.get(8).map_err(store_err)?,
                goldstein: r.get(9).map_err(store_err)?,
                mode: r.get(10).map_err(store_err)?,
                rule: r.get(11).map_err(store_err)?,
                json: r.get(12).map_err(store_err)?,
            });
        }
        Ok(())
    }

    /// Counts per period (`month` or `year`) and QuadClass, with the mean Goldstein score, for the filtered events.
    pub fn summary(&self, filter: &Filter, year: bool) -> Result<Vec<SummaryRow>> {
        let (w, args) = Store::where_clause(filter);
        let len = if year { 4 } else { 7 };
        let sql = format!(
            "SELECT coalesce(substr(date, 1, {len}), 'unknown') AS period, quad, count(*), avg(goldstein)
             FROM events{w} GROUP BY period, quad ORDER BY period, quad"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(store_err)?;
        let rows = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(SummaryRow { period: r.get(0)?, quad: r.get(1)?, events: r.get(2)?, goldstein: r.get(3)? })
            })
            .map_err(store_err)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(store_err)
    }

    /// Full-text search over the stored sentences (SQLite FTS5 syntax), best matches first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT doc_id, sentence, text FROM sentences_fts WHERE sentences_fts MATCH ?1 ORDER BY rank LIMIT ?2",
            )
            .map_err(store_err)?;
        let hits = stmt
            .query_map(params![query, limit as i64], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, String>(2)?))
            })
            .map_err(|e| Error::new(ErrorKind::Usage, format!("search query: {e}")))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| Error::new(ErrorKind::Usage, format!("search query: {e}")))?;
        let mut ev = self
            .conn
            .prepare("SELECT json FROM events WHERE doc_id = ?1 AND sentence IS ?2 ORDER BY id")
            .map_err(store_err)?;
        let mut out = Vec::with_capacity(hits.len());
        for (doc, sentence, text) in hits {
            let events = ev
                .query_map(params![doc, sentence], |r| r.get::<_, String>(0))
                .map_err(store_err)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(store_err)?;
            out.push(Hit { doc, sentence, text, events });
        }
        Ok(out)
    }

    /// Every stored document, rebuilt as it was read (for re-coding).
    pub fn documents(&self, mut sink: impl FnMut(Document) -> Result<()>) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, title, date, url, publisher, sentences FROM documents ORDER BY rowid")
            .map_err(store_err)?;
        let mut rows = stmt.query([]).map_err(store_err)?;
        while let Some(r) = rows.next().map_err(store_err)? {
            let id: String = r.get(0).map_err(store_err)?;
            let title: Option<String> = r.get(1).map_err(store_err)?;
            let date: Option<String> = r.get(2).map_err(store_err)?;
            let sentences: Vec<String> = serde_json::from_str(&r.get::<_, String>(5).map_err(store_err)?)
                .map_err(|e| Error::new(ErrorKind::Store, format!("document {id}: stored sentences: {e}")))?;
            let mut doc = Document::from_sentences(id, title.as_deref(), &sentences);
            doc.date = date.and_then(|d| d.parse().ok());
            doc.url = r.get(3).map_err(store_err)?;
            doc.publisher = r.get(4).map_err(store_err)?;
            sink(doc)?;
        }
        Ok(())
    }

    /// The (sentence, source, target, code) keys of a stored document's events.
    pub fn event_keys(&self, doc: &str) -> Result<Vec<EventKey>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT sentence, source, target, code FROM events WHERE doc_id = ?1")
            .map_err(store_err)?;
        let rows =
            stmt.query_map(params![doc], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).map_err(store_err)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(store_err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupt_stops_the_running_statement_and_leaves_the_connection_usable() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db")).unwrap();
        let handle = store.interrupt_handle();
        // Nothing runs yet: interrupting now must not touch the next statement.
        handle.interrupt();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let started = std::time::Instant::now();
        let stopper = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(100));
            handle.interrupt();
        });
        // Counting to ten billion takes minutes; the interrupt ends it.
        let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000000) \
                       SELECT count(*) FROM c";
        let err = store.conn.query_row(endless, [], |r| r.get::<_, i64>(0)).map_err(store_err).unwrap_err();
        stopper.join().unwrap();
        assert_eq!(err.kind(), ErrorKind::Store);
        assert!(err.message().contains("interrupt"), "{err}");
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "took {:?}", started.elapsed());
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    }
}
