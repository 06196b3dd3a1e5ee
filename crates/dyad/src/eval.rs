//! Scoring the coder against gold-annotated text, like spaCy's `Scorer`: precision, recall and F1 overall and per
//! CAMEO root, at two levels.
//!
//! - **country+root**: actors compared on their first three letters (the whole code for `IGO…`/`NGO…`/`IMG…`
//!   actors; a gold organisation code accepts the organisations under it, `IGO` any international organisation, `IGOUNO`
//!   any UN body), codes on their root (first two digits) or any root listed in `alt`;
//! - **strict**: full actor codes, codes on their first three digits (or any code in `alt`).
//!
//! `optional` gold events count neither as misses nor as false alarms. Predictions are compared as sets: an event
//! coded twice counts once, and two that differ only below the level ("CHNGOV -> RUSGOV 046" and "CHNGOV -> RUS 042"
//! at country+root) can each match a gold event of their own but are one false alarm at most. Title events are not scored (gold indexes sentences only).
//! Gold events and predictions are paired by a maximum matching (required gold events first), so a prediction that
//! an `alt` lets fit two gold events never leaves a correct prediction counted as a false alarm.
//!
//! The gold format (one JSON object per document, in a `.json` file or one a line in `.jsonl`):
//! `{"id", "date": "YYYY-MM-DD"|null, "title"?, "sentences": [...], "events": [{"s", "source", "target", "code",
//! "alt"?: [...], "optional"?: true, "note"?}], "no_event_sentences"?: [...]}`.
//!
//! **Exclusions** ([`parse_exclusions`], [`apply_exclusions`]): a gold event we believe is wrong is not edited; it is
//! listed with the reason (`testdata/gold/exclusions.ndjson`, one JSON object a line: `{"file", "doc", "s",
//! "source", "target", "code", "reason"}`). An excluded event is scored like an optional one: not a miss, and a
//! prediction that matches it is not a false alarm.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::coder::{Coder, Event};
use crate::date::Date;
use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};

/// A gold event.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldEvent {
    /// Sentence index.
    pub s: usize,
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// CAMEO code or root.
    pub code: String,
    /// Other acceptable codes.
    #[serde(default)]
    pub alt: Vec<String>,
    /// Neither required nor penalised.
    #[serde(default)]
    pub optional: bool,
    /// Annotator's note.
    #[serde(default)]
    pub note: Option<String>,
}

/// A gold document.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldDoc {
    /// Document id (string or number in the file).
    #[serde(deserialize_with = "id_string")]
    pub id: String,
    /// Date, when known.
    #[serde(default)]
    pub date: Option<String>,
    /// Title, when given.
    #[serde(default)]
    pub title: Option<String>,
    /// The sentences, indexed by the events' `s`.
    pub sentences: Vec<String>,
    /// Gold events.
    #[serde(default)]
    pub events: Vec<GoldEvent>,
    /// Sentences that report no event.
    #[serde(default)]
    pub no_event_sentences: Vec<usize>,
}

pub(crate) fn id_string<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    match v {
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        other => Err(serde::de::Error::custom(format!("id must be a string or number, not {other}"))),
    }
}

impl GoldDoc {
    /// The document to code.
    pub fn document(&self) -> Result<Document> {
        gold_document(&self.id, self.title.as_deref(), &self.sentences, self.date.as_deref())
    }
}

/// The document to code for a gold document's id, title, sentences and date.
pub(crate) fn gold_document(
    id: &str,
    title: Option<&str>,
    sentences: &[String],
    date: Option<&str>,
) -> Result<Document> {
    let mut doc = Document::from_sentences(id.to_string(), title, sentences);
    if let Some(d) = date {
        doc.date = Some(d.parse::<Date>().map_err(|e| Error::new(ErrorKind::InvalidField, format!("date: {e}")))?);
    }
    Ok(doc)
}

/// One line of a score table: a label, then P, R, F1, TP, FP, FN (events and facts alike).
pub fn table_row(out: &mut String, label: &str, c: &Counts) {
    use std::fmt::Write as _;
    writeln!(
        out,
        "{label:<14} {:>6.3} {:>6.3} {:>6.3} {:>5} {:>5} {:>5}",
        c.precision(),
        c.recall(),
        c.f1(),
        c.tp,
        c.fp,
        c.fn_
    )
    .ok();
}

/// Reads gold documents from a file: one JSON object, an array, or JSON Lines.
pub fn read_gold(path: &str) -> Result<Vec<GoldDoc>> {
    read_gold_as(path)
}

/// Reads a gold file's documents as `T` (the events' [`GoldDoc`], or the facts' view of the same file): one JSON
/// object, an array, or JSON Lines.
pub fn read_gold_as<T: serde::de::DeserializeOwned>(path: &str) -> Result<Vec<T>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::new(ErrorKind::Io, e.to_string()).in_file(path))?;
    let trimmed = text.trim_start();
    let parse = |s: &str, line: u64| -> Result<Vec<T>> {
        let v: serde_json::Value = serde_json::from_str(s).map_err(|e| {
            Error::new(ErrorKind::InvalidJson, format!("invalid JSON: {e}"))
                .in_file(path)
                .at_line(line + e.line() as u64 - 1)
        })?;
        let items = match v {
            serde_json::Value::Array(a) => a,
            v => vec![v],
        };
        items
            .into_iter()
            .map(|v| {
                serde_json::from_value(v).map_err(|e| {
                    Error::new(ErrorKind::InvalidField, format!("not a gold document: {e}")).in_file(path).at_line(line)
                })
            })
            .collect()
    };
    let first_line = trimmed.lines().next().unwrap_or("");
    if trimmed.starts_with('[') || first_line.trim() == "{" {
        return parse(&text, 1);
    }
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        out.extend(parse(line, i as u64 + 1)?);
    }
    Ok(out)
}

/// A gold event left out of scoring, with the reason.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// The gold file's name (without folders): `plover_gsr.jsonl`.
    pub file: String,
    /// Document id.
    #[serde(deserialize_with = "id_string")]
    pub doc: String,
    /// Sentence index.
    pub s: usize,
    /// Source actor code, as the gold writes it.
    pub source: String,
    /// Target actor code, as the gold writes it.
    pub target: String,
    /// CAMEO code, as the gold writes it.
    pub code: String,
    /// Why the gold event is wrong (the codebook entry or gold convention it contradicts).
    pub reason: String,
    /// The source actor the reason shows to be right, where the gold's error is only an actor code (`JAP` for Japan,
    /// whose code is `JPN`): the same event with the corrected actors is then also scored as optional, so that coding
    /// the act correctly is not a false alarm. It never becomes a required event.
    #[serde(default)]
    pub correct_source: Option<String>,
    /// The target actor the reason shows to be right (see `correct_source`).
    #[serde(default)]
    pub correct_target: Option<String>,
    /// The CAMEO code the reason shows to be right (the codebook's own code for the act: promised aid is 033, not
    /// 072), scored the same way: as optional, never required.
    #[serde(default)]
    pub correct_code: Option<String>,
}

/// Parses an exclusion list (JSON Lines; blank lines and lines starting with `//` are skipped). `name` is used in
/// errors (`exclusions.jsonl:3: …`).
pub fn parse_exclusions(text: &str, name: &str) -> Result<Vec<Exclusion>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with("//") {
            continue;
        }
        let ex: Exclusion = serde_json::from_str(t).map_err(|e| {
            Error::new(ErrorKind::InvalidField, format!("not an exclusion: {e}")).in_file(name).at_line(i as u64 + 1)
        })?;
        if ex.reason.trim().is_empty() {
            return Err(Error::new(ErrorKind::InvalidField, "an exclusion needs a reason")
                .in_file(name)
                .at_line(i as u64 + 1));
        }
        out.push(ex);
    }
    Ok(out)
}

/// Marks the gold events of `file` (a path; its last component is compared) that an exclusion names as optional, and
/// adds, as optional too, the event an exclusion names as correct (`correct_source`, `correct_target`,
/// `correct_code`). Returns how many events were excluded, and the exclusions for this file that matched no
/// required gold event (stale entries, worth reporting).
pub fn apply_exclusions<'a>(
    golds: &mut [GoldDoc],
    file: &str,
    exclusions: &'a [Exclusion],
) -> (usize, Vec<&'a Exclusion>) {
    let name = std::path::Path::new(file).file_name().map_or(file.to_string(), |n| n.to_string_lossy().into_owned());
    let mut excluded = 0;
    let mut stale = Vec::new();
    for ex in exclusions.iter().filter(|e| e.file == name) {
        let Some(doc) = golds.iter_mut().find(|g| g.id == ex.doc && g.events.iter().any(|e| matches_exclusion(e, ex)))
        else {
            stale.push(ex);
            continue;
        };
        let e = doc.events.iter_mut().find(|e| matches_exclusion(e, ex)).expect("found above");
        e.optional = true;
        excluded += 1;
        if ex.correct_source.is_some() || ex.correct_target.is_some() || ex.correct_code.is_some() {
            let mut fixed = e.clone();
            fixed.source = ex.correct_source.clone().unwrap_or(fixed.source);
            fixed.target = ex.correct_target.clone().unwrap_or(fixed.target);
            if let Some(code) = &ex.correct_code {
                fixed.code = code.clone();
                fixed.alt.clear();
            }
            fixed.note = Some(format!("excluded gold event, corrected: {}", ex.reason));
            doc.events.push(fixed);
        }
    }
    (excluded, stale)
}

fn matches_exclusion(e: &GoldEvent, ex: &Exclusion) -> bool {
    !e.optional && e.s == ex.s && e.source == ex.source && e.target == ex.target && e.code == ex.code
}

/// Scoring level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Countries and roots.
    CountryRoot,
    /// Full actor codes and three-digit codes.
    Strict,
}

impl Level {
    /// Name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::CountryRoot => "country+root",
            Level::Strict => "strict",
        }
    }
}

/// True positives, false positives, false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Matched required gold events.
    pub tp: usize,
    /// Predictions matching no gold event.
    pub fp: usize,
    /// Required gold events not found.
    pub fn_: usize,
}

impl Counts {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    /// Recall (1 when nothing was required).
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub(crate) fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// A false alarm or a miss, for people to read.
#[derive(Clone, Debug)]
pub struct ErrorCase {
    /// `false alarm` or `miss`.
    pub kind: &'static str,
    /// Document id.
    pub doc: String,
    /// Sentence index.
    pub sentence: usize,
    /// The sentence.
    pub text: String,
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// CAMEO code.
    pub code: String,
    /// The rule that fired (false alarms).
    pub rule: Option<String>,
}

/// Scores at one level.
#[derive(Clone, Debug, Default)]
pub struct LevelReport {
    /// Overall counts.
    pub total: Counts,
    /// Counts by CAMEO root.
    pub by_root: BTreeMap<String, Counts>,
    /// False alarms and misses.
    pub errors: Vec<ErrorCase>,
}

/// The whole report of one run.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Documents scored.
    pub documents: usize,
    /// Sentences scored.
    pub sentences: usize,
    /// Required gold events.
    pub required: usize,
    /// Optional gold events.
    pub optional: usize,
    /// Events in sentences the gold says report none.
    pub no_event_violations: usize,
    /// Country+root level.
    pub country_root: LevelReport,
    /// Strict level.
    pub strict: LevelReport,
}

fn actor_key(code: &str, level: Level) -> String {
    if level == Level::Strict || code.len() <= 3 || ["IGO", "NGO", "IMG"].iter().any(|p| code.starts_with(p)) {
        code.to_string()
    } else {
        code[..3].to_string()
    }
}

/// Whether a predicted actor code fits a gold one at `level`. At country+root a gold organisation code accepts any
/// organisation it is the head of, in whole three-letter blocks: a gold `IGO`, `NGO` or `IMG` (an international
/// organisation, an NGO, a militant group, which one unsaid) accepts any organisation of that type, and a gold `IGOUNO`
/// (the UN) accepts one of its bodies (`IGOUNOHRI`), as a gold country accepts any agent of that country. The reverse
/// does not hold: a gold UN body is not matched by the UN at large.
fn actors_match(pred: &str, gold: &str, level: Level) -> bool {
    actor_key(pred, level) == actor_key(gold, level)
        || (level == Level::CountryRoot
            && ["IGO", "NGO", "IMG"].iter().any(|t| gold.starts_with(t))
            && pred.len() > gold.len()
            && pred.starts_with(gold)
            && (pred.len() - gold.len()) % 3 == 0)
}

fn code_key(code: &str, level: Level) -> String {
    match level {
        Level::CountryRoot => code.chars().take(2).collect(),
        Level::Strict => code.chars().take(3).collect(),
    }
}

fn codes_match(pred: &str, gold: &GoldEvent, level: Level) -> bool {
    let p = code_key(pred, level);
    std::iter::once(&gold.code).chain(&gold.alt).any(|g| {
        let g = code_key(g, level);
        // A two-digit gold code at the strict level is a root: any code of that root matches.
        if level == Level::Strict && g.len() == 2 {
            p.starts_with(&g)
        } else {
            p == g
        }
    })
}

/// Scores the coder on gold documents.
pub fn evaluate(coder: &Coder, golds: &[GoldDoc]) -> Result<Report> {
    let mut report = Report::default();
    for g in golds {
        let doc = g.document()?;
        let coded = coder.code(&doc);
        let preds: Vec<&Event> = coded.events.iter().filter(|e| e.sentence.is_some()).collect();
        report.documents += 1;
        report.sentences += g.sentences.len();
        report.required += g.events.iter().filter(|e| !e.optional).count();
        report.optional += g.events.iter().filter(|e| e.optional).count();
        report.no_event_violations +=
            preds.iter().filter(|e| g.no_event_sentences.contains(&e.sentence.unwrap())).count();
        for level in [Level::CountryRoot, Level::Strict] {
            let lr = match level {
                Level::CountryRoot => &mut report.country_root,
                Level::Strict => &mut report.strict,
            };
            score_doc(g, &preds, level, lr);
        }
    }
    Ok(report)
}

fn score_doc(g: &GoldDoc, preds: &[&Event], level: Level, lr: &mut LevelReport) {
    // Distinct predictions (the same sentence, actors and code coded twice count once). Two predictions that differ
    // only below this level ("CHNGOV -> RUSGOV 046" and "CHNGOV -> RUS 042") stay apart, so each can match its own
    // gold event; unmatched, they are one false alarm (see `false_alarms`).
    let mut uniq: Vec<&Event> = Vec::new();
    let same = |a: &Event, b: &Event| {
        a.sentence == b.sentence && a.source.code == b.source.code && a.target.code == b.target.code && a.code == b.code
    };
    for e in preds {
        if !uniq.iter().any(|u| same(u, e)) {
            uniq.push(e);
        }
    }
    let key = |e: &Event| {
        (e.sentence, actor_key(&e.source.code, level), actor_key(&e.target.code, level), code_key(&e.code, level))
    };
    let mut order: Vec<&GoldEvent> = g.events.iter().filter(|e| !e.optional).collect();
    order.extend(g.events.iter().filter(|e| e.optional));
    let sentence_text = |s: usize| g.sentences.get(s).cloned().unwrap_or_default();
    // Which predictions each gold event accepts; then a maximum matching, required gold events first, so that a
    // prediction that fits two gold events (through `alt`) never leaves another prediction unmatched that only one of
    // them accepts. Augmenting paths never unmatch a gold event, so the optional ones cannot take a required match.
    let accepts: Vec<Vec<usize>> = order
        .iter()
        .map(|ge| {
            (0..uniq.len())
                .filter(|&i| {
                    let p = uniq[i];
                    p.sentence == Some(ge.s)
                        && actors_match(&p.source.code, &ge.source, level)
                        && actors_match(&p.target.code, &ge.target, level)
                        && codes_match(&p.code, ge, level)
                })
                .collect()
        })
        .collect();
    let owner = max_matching(&accepts, uniq.len());
    let mut matched = vec![false; order.len()];
    for gi in owner.iter().flatten() {
        matched[*gi] = true;
    }
    let used: Vec<bool> = owner.iter().map(Option::is_some).collect();
    for (gi, ge) in order.into_iter().enumerate() {
        if ge.optional {
            continue;
        }
        let root = code_key(&ge.code, Level::CountryRoot);
        let c = lr.by_root.entry(root).or_default();
        if matched[gi] {
            c.tp += 1;
            lr.total.tp += 1;
        } else {
            c.fn_ += 1;
            lr.total.fn_ += 1;
            lr.errors.push(ErrorCase {
                kind: "miss",
                doc: g.id.clone(),
                sentence: ge.s,
                text: sentence_text(ge.s),
                source: ge.source.clone(),
                target: ge.target.clone(),
                code: ge.code.clone(),
                rule: None,
            });
        }
    }
    let keys: Vec<_> = uniq.iter().map(|p| key(p)).collect();
    for i in false_alarms(&keys, &used) {
        let p = uniq[i];
        let root = code_key(&p.code, Level::CountryRoot);
        lr.by_root.entry(root).or_default().fp += 1;
        lr.total.fp += 1;
        let s = p.sentence.unwrap_or(0);
        lr.errors.push(ErrorCase {
            kind: "false alarm",
            doc: g.id.clone(),
            sentence: s,
            text: sentence_text(s),
            source: p.source.code.clone(),
            target: p.target.code.clone(),
            code: p.code.clone(),
            rule: Some(p.rule.clone()),
        });
    }
}

/// The predictions that count as false alarms: unmatched ones, one for each key at the scoring level, and none for a
/// key that a matched prediction already has (the same event at this level, coded more finely twice).
fn false_alarms<K: PartialEq>(keys: &[K], used: &[bool]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for i in 0..keys.len() {
        let covered = (0..keys.len()).any(|j| used[j] && keys[j] == keys[i]) || out.iter().any(|&j| keys[j] == keys[i]);
        if !used[i] && !covered {
            out.push(i);
        }
    }
    out
}

/// A maximum matching of gold events (`accepts[g]`: the predictions gold event `g` accepts) to predictions, found in
/// the order of the gold events: for each prediction, the gold event it is matched to.
fn max_matching(accepts: &[Vec<usize>], predictions: usize) -> Vec<Option<usize>> {
    let mut owner: Vec<Option<usize>> = vec![None; predictions];
    for gi in 0..accepts.len() {
        let mut seen = vec![false; predictions];
        augment(gi, accepts, &mut owner, &mut seen);
    }
    owner
}

/// Kuhn's augmenting path from gold event `gi`: true when it got a prediction (possibly moving others to theirs).
fn augment(gi: usize, accepts: &[Vec<usize>], owner: &mut [Option<usize>], seen: &mut [bool]) -> bool {
    for &pi in &accepts[gi] {
        if seen[pi] {
            continue;
        }
        seen[pi] = true;
        if owner[pi].is_none_or(|other| augment(other, accepts, owner, seen)) {
            owner[pi] = Some(gi);
            return true;
        }
    }
    false
}

impl LevelReport {
    /// Adds another report's counts.
    pub fn merge(&mut self, o: &LevelReport) {
        self.total.add(o.total);
        for (k, v) in &o.by_root {
            self.by_root.entry(k.clone()).or_default().add(*v);
        }
        self.errors.extend(o.errors.iter().cloned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(code: &str, alt: &[&str]) -> GoldEvent {
        GoldEvent {
            s: 0,
            source: "CHNGOV".into(),
            target: "BLR".into(),
            code: code.into(),
            alt: alt.iter().map(|s| s.to_string()).collect(),
            optional: false,
            note: None,
        }
    }

    #[test]
    fn code_levels() {
        assert!(codes_match("036", &gold("030", &[]), Level::CountryRoot));
        assert!(!codes_match("036", &gold("030", &[]), Level::Strict));
        assert!(codes_match("0311", &gold("031", &[]), Level::Strict));
        assert!(codes_match("051", &gold("030", &["05"]), Level::Strict));
        assert!(codes_match("020", &gold("031", &["03", "02"]), Level::CountryRoot));
        assert_eq!(actor_key("CHNGOV", Level::CountryRoot), "CHN");
        assert_eq!(actor_key("IGOUNO", Level::CountryRoot), "IGOUNO");
        // A bare organisation type in the gold accepts any organisation of that type, at country+root only.
        assert!(
            actors_match("IGOUNO", "IGO", Level::CountryRoot) && actors_match("IMGMOSALQ", "IMG", Level::CountryRoot)
        );
        assert!(!actors_match("IGOUNO", "IGO", Level::Strict) && !actors_match("NGOHLH", "IGO", Level::CountryRoot));
        assert!(
            !actors_match("IGOUNO", "IGOEUREEC", Level::CountryRoot)
                && !actors_match("IGO", "IGOUNO", Level::CountryRoot)
        );
        // A gold organisation accepts its own bodies, in whole blocks, at country+root only; not the reverse.
        assert!(actors_match("IGOUNOHRI", "IGOUNO", Level::CountryRoot));
        assert!(actors_match("IGOUNOHLHWHO", "IGOUNO", Level::CountryRoot));
        assert!(!actors_match("IGOUNOHRI", "IGOUNO", Level::Strict));
        assert!(!actors_match("IGOUNO", "IGOUNOHRI", Level::CountryRoot));
        assert!(!actors_match("IGOUNOX", "IGOUNO", Level::CountryRoot));
        assert!(!actors_match("IGOEEU", "IGOUNO", Level::CountryRoot));
    }

    #[test]
    fn exclusions_turn_gold_events_optional() {
        let text = r#"{"id":"d1","sentences":["Italy cut air links with Serbia."],"events":[{"s":0,"source":"ITL","target":"SRB","code":"16"},{"s":0,"source":"ITA","target":"SRB","code":"16"}]}"#;
        let mut golds: Vec<GoldDoc> = vec![serde_json::from_str(text).unwrap()];
        let list = "// comment\n\n{\"file\":\"x.jsonl\",\"doc\":\"d1\",\"s\":0,\"source\":\"ITL\",\"target\":\"SRB\",\"code\":\"16\",\"reason\":\"ITL is no CAMEO code\"}\n{\"file\":\"x.jsonl\",\"doc\":\"d2\",\"s\":0,\"source\":\"A\",\"target\":\"B\",\"code\":\"01\",\"reason\":\"r\"}\n{\"file\":\"y.jsonl\",\"doc\":\"d1\",\"s\":0,\"source\":\"ITA\",\"target\":\"SRB\",\"code\":\"16\",\"reason\":\"r\"}";
        let ex = parse_exclusions(list, "ex.jsonl").unwrap();
        assert_eq!(ex.len(), 3);
        let (n, stale) = apply_exclusions(&mut golds, "some/dir/x.jsonl", &ex);
        assert_eq!(n, 1);
        assert_eq!(stale.len(), 1);
        assert_eq!(stale[0].doc, "d2");
        assert!(golds[0].events[0].optional);
        assert!(!golds[0].events[1].optional, "another file's exclusion does not apply");
        let bad = parse_exclusions("{\"file\":\"x\"}\n", "ex.jsonl").unwrap_err();
        assert!(bad.to_string().contains("ex.jsonl:1"), "{bad}");
        let no_reason = r#"{"file":"x","doc":"d","s":0,"source":"A","target":"B","code":"01","reason":" "}"#;
        assert!(parse_exclusions(no_reason, "ex.jsonl").is_err());
    }

    #[test]
    fn an_exclusion_may_name_the_corrected_event_which_is_scored_as_optional() {
        let text = r#"{"id":"d1","sentences":["Japan promised aid to Serbia."],"events":[{"s":0,"source":"JAP","target":"SRB","code":"072"}]}"#;
        let mut golds: Vec<GoldDoc> = vec![serde_json::from_str(text).unwrap()];
        let list = r#"{"file":"x.jsonl","doc":"d1","s":0,"source":"JAP","target":"SRB","code":"072","reason":"JAP is no code (JPN); promised aid is 033","correct_source":"JPN","correct_code":"033"}"#;
        let ex = parse_exclusions(list, "ex.jsonl").unwrap();
        let (n, stale) = apply_exclusions(&mut golds, "x.jsonl", &ex);
        assert_eq!((n, stale.len()), (1, 0));
        let evs = &golds[0].events;
        assert_eq!(evs.len(), 2);
        assert!(evs.iter().all(|e| e.optional), "the corrected event is never required");
        assert_eq!((evs[1].source.as_str(), evs[1].target.as_str(), evs[1].code.as_str()), ("JPN", "SRB", "033"));
        // Applying the list again finds nothing left to exclude (the corrected event is optional, not a new target).
        let (n, stale) = apply_exclusions(&mut golds, "x.jsonl", &ex);
        assert_eq!((n, stale.len()), (0, 1));
    }

    #[test]
    fn matching_is_maximal_and_keeps_required_matches() {
        // Gold 0 (required, 202 with alt 190) accepts predictions 0 (a 192) and 1 (the 202); gold 1 (optional 192)
        // accepts only prediction 0. A greedy pairing gives gold 0 prediction 0 and leaves prediction 1 a false alarm.
        let owner = max_matching(&[vec![0, 1], vec![0]], 2);
        assert_eq!(owner, vec![Some(1), Some(0)]);
        // A later gold event never takes an earlier one's only prediction.
        let owner = max_matching(&[vec![0], vec![0]], 1);
        assert_eq!(owner, vec![Some(0)]);
        // Chains: gold 2 needs prediction 1, which gold 1 holds; gold 1 moves to prediction 2.
        let owner = max_matching(&[vec![0], vec![1, 2], vec![1]], 3);
        assert_eq!(owner, vec![Some(0), Some(2), Some(1)]);
        assert_eq!(max_matching(&[vec![], vec![]], 0), Vec::<Option<usize>>::new());
    }

    #[test]
    fn predictions_that_differ_below_the_level_are_one_false_alarm_at_most() {
        // Keys at the scoring level: 0 and 1 share one, 2 has its own.
        let keys = ["CHN-RUS-04", "CHN-RUS-04", "CHN-USA-11"];
        assert_eq!(false_alarms(&keys, &[false, false, false]), vec![0, 2]);
        assert_eq!(false_alarms(&keys, &[true, false, false]), vec![2], "the twin of a match is no false alarm");
        assert_eq!(false_alarms(&keys, &[true, true, true]), Vec::<usize>::new());
    }

    #[test]
    fn counts() {
        let c = Counts { tp: 8, fp: 2, fn_: 0 };
        assert!((c.precision() - 0.8).abs() < 1e-9);
        assert!((c.f1() - 0.888_888).abs() < 1e-3);
    }
}
