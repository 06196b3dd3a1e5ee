//! Scoring the fact finder against gold facts: precision and recall per fact type.
//!
//! The gold format is that of event gold files (one JSON object per document; `.jsonl` files hold one a line) with a
//! `facts` array: `{"id", "date", "title"?, "sentences": [...], "facts": [{"s", "pair": ["CHN", "BLR"], "type",
//! "key", "optional"?: true, "note"?}]}`. `key` is the value's comparable key ([`super::Fact::key`]). Pairs are
//! compared in either order, except for stances (who takes it, for whom). `optional` facts count neither way; title
//! facts are not scored. Documents without a `facts` field are not scored for facts.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use super::{Fact, FactFinder, FactType};
use crate::coder::Coder;
use crate::error::{Error, ErrorKind, Result};
use crate::eval::Counts;

/// A gold fact.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldFact {
    /// Sentence index.
    pub s: usize,
    /// The two actor codes.
    pub pair: [String; 2],
    /// The fact type.
    #[serde(rename = "type")]
    pub kind: String,
    /// The value's key.
    pub key: String,
    /// Neither required nor penalised.
    #[serde(default)]
    pub optional: bool,
    /// Annotator's note.
    #[serde(default)]
    pub note: Option<String>,
}

/// A gold document with facts.
#[derive(Clone, Debug, Deserialize)]
pub struct FactsGoldDoc {
    /// Document id.
    #[serde(deserialize_with = "crate::eval::id_string")]
    pub id: String,
    /// Date.
    #[serde(default)]
    pub date: Option<String>,
    /// Title.
    #[serde(default)]
    pub title: Option<String>,
    /// Sentences.
    pub sentences: Vec<String>,
    /// Gold facts; `None` when the document is not annotated for facts.
    #[serde(default)]
    pub facts: Option<Vec<GoldFact>>,
}

/// One false alarm or miss.
#[derive(Clone, Debug)]
pub struct FactError {
    /// `false_alarm` or `miss`.
    pub kind: &'static str,
    /// Document id.
    pub doc: String,
    /// Sentence index.
    pub sentence: usize,
    /// The sentence.
    pub text: String,
    /// Fact type.
    pub fact_type: String,
    /// The pair.
    pub pair: [String; 2],
    /// The value's key.
    pub key: String,
    /// The pattern (false alarms).
    pub rule: Option<String>,
}

/// The facts section of an evaluation.
#[derive(Clone, Debug, Default)]
pub struct FactsReport {
    /// Documents annotated with facts.
    pub documents: usize,
    /// Their sentences.
    pub sentences: usize,
    /// Required gold facts.
    pub required: usize,
    /// All types.
    pub total: Counts,
    /// Per type.
    pub by_type: BTreeMap<String, Counts>,
    /// False alarms and misses.
    pub errors: Vec<FactError>,
}

impl FactsReport {
    /// Adds another report's counts (and errors).
    pub fn merge(&mut self, o: &FactsReport) {
        self.documents += o.documents;
        self.sentences += o.sentences;
        self.required += o.required;
        self.total.add(o.total);
        for (k, c) in &o.by_type {
            self.by_type.entry(k.clone()).or_default().add(*c);
        }
        self.errors.extend(o.errors.iter().cloned());
    }
}

/// Reads the gold documents of a file (JSON object, array, or JSON Lines) for their facts.
pub fn read_facts_gold(path: &str) -> Result<Vec<FactsGoldDoc>> {
    crate::eval::read_gold_as(path)
}

type Key = (usize, String, [String; 2], String);

fn key_of(s: usize, kind: &str, pair: &[String; 2], key: &str) -> Key {
    let mut p = pair.clone();
    if kind != FactType::Stance.as_str() && p[0] > p[1] {
        p.swap(0, 1);
    }
    (s, kind.to_string(), p, key.to_lowercase())
}

/// Scores the facts of the gold documents that carry them; `None` when none does.
pub fn evaluate_facts(coder: &Coder, finder: &FactFinder, golds: &[FactsGoldDoc]) -> Result<Option<FactsReport>> {
    let mut r = FactsReport::default();
    let mut any = false;
    for g in golds {
        let Some(gold_facts) = &g.facts else { continue };
        any = true;
        let doc = crate::eval::gold_document(&g.id, g.title.as_deref(), &g.sentences, g.date.as_deref())?;
        for f in gold_facts {
            if f.s >= g.sentences.len() {
                return Err(Error::new(
                    ErrorKind::InvalidField,
                    format!("document {}: fact on sentence {} of {}", g.id, f.s, g.sentences.len()),
                ));
            }
            if FactType::parse(&f.kind).is_none() {
                return Err(Error::new(
                    ErrorKind::InvalidField,
                    format!("document {}: unknown fact type {:?}", g.id, f.kind),
                ));
            }
        }
        r.documents += 1;
        r.sentences += g.sentences.len();
        let coded = coder.code(&doc);
        let facts: Vec<Fact> =
            finder.find(&doc, &coded.mentions).into_iter().filter(|f| f.sentence.is_some()).collect();
        let required: HashSet<Key> =
            gold_facts.iter().filter(|f| !f.optional).map(|f| key_of(f.s, &f.kind, &f.pair, &f.key)).collect();
        let optional: HashSet<Key> =
            gold_facts.iter().filter(|f| f.optional).map(|f| key_of(f.s, &f.kind, &f.pair, &f.key)).collect();
        r.required += required.len();
        let mut predicted: BTreeMap<Key, &Fact> = BTreeMap::new();
        for f in &facts {
            predicted.entry(key_of(f.sentence.unwrap_or(0), f.kind.as_str(), &f.pair, &f.key())).or_insert(f);
        }
        for (k, f) in &predicted {
            let c = r.by_type.entry(k.1.clone()).or_default();
            if required.contains(k) {
                c.tp += 1;
            } else if !optional.contains(k) {
                c.fp += 1;
                r.errors.push(FactError {
                    kind: "false_alarm",
                    doc: g.id.clone(),
                    sentence: k.0,
                    text: g.sentences[k.0].clone(),
                    fact_type: k.1.clone(),
                    pair: k.2.clone(),
                    key: k.3.clone(),
                    rule: Some(f.rule.clone()),
                });
            }
        }
        for k in &required {
            if !predicted.contains_key(k) {
                r.by_type.entry(k.1.clone()).or_default().fn_ += 1;
                r.errors.push(FactError {
                    kind: "miss",
                    doc: g.id.clone(),
                    sentence: k.0,
                    text: g.sentences[k.0].clone(),
                    fact_type: k.1.clone(),
                    pair: k.2.clone(),
                    key: k.3.clone(),
                    rule: None,
                });
            }
        }
    }
    let mut total = Counts::default();
    for c in r.by_type.values() {
        total.add(*c);
    }
    r.total = total;
    r.errors.sort_by(|a, b| (&a.doc, a.sentence, a.kind).cmp(&(&b.doc, b.sentence, b.kind)));
    Ok(any.then_some(r))
}

/// The facts section as a text table (and, with `errors`, each false alarm and miss).
pub fn table(r: &FactsReport, name: &str, errors: bool) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    writeln!(
        out,
        "== {name}: facts: {} documents, {} sentences, {} required gold facts",
        r.documents, r.sentences, r.required
    )
    .ok();
    writeln!(out, "{:<14} {:>6} {:>6} {:>6} {:>5} {:>5} {:>5}", "type", "P", "R", "F1", "TP", "FP", "FN").ok();
    let mut row = |label: &str, c: &Counts| crate::eval::table_row(&mut out, label, c);
    row("all", &r.total);
    for t in FactType::ALL {
        if let Some(c) = r.by_type.get(t.as_str()) {
            row(&format!("  {}", t.as_str()), c);
        }
    }
    if errors {
        writeln!(out, "fact errors:").ok();
        for e in &r.errors {
            writeln!(
                out,
                "  {:<11} {}#{} {} {}-{} {:?}{}\n      {}",
                e.kind,
                e.doc,
                e.sentence,
                e.fact_type,
                e.pair[0],
                e.pair[1],
                e.key,
                e.rule.as_ref().map(|r| format!("  [{r}]")).unwrap_or_default(),
                e.text
            )
            .ok();
        }
    }
    writeln!(out).ok();
    out
}

/// The facts section as JSON.
pub fn to_json(r: &FactsReport, errors: bool) -> serde_json::Value {
    let c = |c: &Counts| serde_json::json!({"precision": c.precision(), "recall": c.recall(), "f1": c.f1(), "tp": c.tp, "fp": c.fp, "fn": c.fn_});
    let by: serde_json::Map<String, serde_json::Value> = r.by_type.iter().map(|(k, v)| (k.clone(), c(v))).collect();
    let mut v = serde_json::json!({"documents": r.documents, "sentences": r.sentences, "required": r.required,
                                   "total": c(&r.total), "by_type": by});
    if errors {
        v["errors"] = r
            .errors
            .iter()
            .map(|e| {
                serde_json::json!({"kind": e.kind, "doc": e.doc, "sentence": e.sentence, "text": e.text,
                                   "type": e.fact_type, "pair": e.pair, "key": e.key, "rule": e.rule})
            })
            .collect();
    }
    v
}
