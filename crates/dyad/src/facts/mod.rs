//! The relations register: facts about a pair of actors that event coders drop — when their diplomatic ties were
//! established, the level they declare for their relationship, the projects they name together, the areas they
//! cooperate in, the trade and aid figures they state, and their stances on each other's core issues.
//!
//! Facts are recognised by the patterns of `dictionaries/facts/*.dict` (documented in `dictionaries/FORMAT.md`),
//! compiled once into a [`FactFinder`] that is shared across threads. Patterns match the tokens and lemmas of one
//! sentence (the tokenizer of [`crate::text`]); the pair of actors comes from the sentence's actor mentions (found by
//! the [`crate::actors::ActorMatcher`], with "the two sides" and pronouns already resolved), or from the two states
//! the document is about when the sentence names fewer than two.
//!
//! ```
//! use dyad::{coder::Coder, dict::Dictionaries, facts::FactFinder, Document};
//! let dict = Dictionaries::builtin().unwrap();
//! let finder = FactFinder::new(&dict).unwrap();
//! let coder = Coder::new(dict).unwrap();
//! let mut doc = Document::from_text("1", None, "China and Belarus are comprehensive strategic partners.");
//! doc.date = "2022-01-10".parse().ok();
//! let coded = coder.code(&doc);
//! let facts = finder.find(&doc, &coded.mentions);
//! assert_eq!(facts[0].kind.as_str(), "level");
//! assert_eq!(facts[0].key(), "comprehensive strategic partnership");
//! ```

pub mod eval;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::actors::Mention;
use crate::date::Date;
use crate::dict::{Dictionaries, FactEntryDef};
use crate::document::{Document, Span};
use crate::error::{Error, ErrorKind, Result};
use crate::json::char_offset;
use crate::text::{lemma, tokenize, TokenKind};

/// The kinds of fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactType {
    /// Diplomatic ties: established, suspended, severed, restored; embassies opened or closed.
    Ties,
    /// The declared level of the relationship, and its upgrades.
    Level,
    /// A named joint project, initiative or institution.
    Project,
    /// An area of cooperation.
    Area,
    /// A stated quantity: trade, investment, aid, loans.
    Quantity,
    /// A stance on a named core interest or issue.
    Stance,
}

impl FactType {
    /// Every type, in the register's order.
    pub const ALL: [FactType; 6] =
        [FactType::Ties, FactType::Level, FactType::Project, FactType::Area, FactType::Quantity, FactType::Stance];

    /// The name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            FactType::Ties => "ties",
            FactType::Level => "level",
            FactType::Project => "project",
            FactType::Area => "area",
            FactType::Quantity => "quantity",
            FactType::Stance => "stance",
        }
    }

    /// The type named `s`.
    pub fn parse(s: &str) -> Option<FactType> {
        FactType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// The normalised value of a fact.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    /// `{"event": "established", "year": 1992}`; without a document date an anniversary keeps its offset:
    /// `{"event": "established", "years_before": 30}`.
    Ties {
        /// `established`, `suspended`, `severed`, `restored`, `embassy opened`, `embassy closed`.
        event: String,
        /// The year, when the sentence gives it or it follows from the document's date.
        #[serde(skip_serializing_if = "Option::is_none")]
        year: Option<i32>,
        /// Years before the document's date, when the document has no date.
        #[serde(skip_serializing_if = "Option::is_none")]
        years_before: Option<i64>,
    },
    /// `{"label": "comprehensive strategic partnership", "upgrade": false}`; an upgrade without a named level has a
    /// null label.
    Level {
        /// The declared level.
        label: Option<String>,
        /// Whether the sentence upgrades (or pledges to upgrade) the relationship.
        upgrade: bool,
    },
    /// `{"name": "China-Belarus Industrial Park", "kind": "industrial park"}`.
    Project {
        /// The project's name as written (or the entry's fixed name).
        name: String,
        /// What kind of project.
        kind: String,
    },
    /// `{"area": "education", "plover": "education"}`.
    Area {
        /// The area's label.
        area: String,
        /// The PLOVER context it belongs to, where one fits.
        #[serde(skip_serializing_if = "Option::is_none")]
        plover: Option<String>,
    },
    /// `{"measure": "trade", "kind": "growth", "number": 50, "unit": "fold", "period": "30 years"}`.
    Quantity {
        /// `trade`, `investment`, `aid`, `loan`.
        measure: String,
        /// `growth` (a change) or `amount` (a level).
        kind: String,
        /// The number, scale words applied ("5.1 billion" is 5100000000).
        number: f64,
        /// `fold`, `percent`, or a currency (`USD`, `CNY`, `EUR`, `RUB`, …).
        unit: String,
        /// The period it covers ("30 years", "2021", "since 1992"), when stated.
        #[serde(skip_serializing_if = "Option::is_none")]
        period: Option<String>,
    },
    /// `{"stance": "support", "issue": "non-interference in internal affairs", "by": "CHN", "for": "BLR"}`.
    Stance {
        /// `support` or `oppose`.
        stance: String,
        /// The issue.
        issue: String,
        /// Who takes the stance.
        by: String,
        /// For whom (whose issue it is).
        #[serde(rename = "for")]
        for_: String,
        /// Both sides take it for each other ("supported each other").
        mutual: bool,
    },
}

/// A fact found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// Sentence index, `None` in the title.
    pub sentence: Option<usize>,
    /// The two actors (country codes, or organisation codes), in the order the sentence names them (for a stance:
    /// who takes it, then for whom).
    pub pair: [String; 2],
    /// The type.
    pub kind: FactType,
    /// The normalised value.
    pub value: FactValue,
    /// The words that carry the fact (bytes into the document).
    pub span: Span,
    /// The document's date.
    pub date: Option<Date>,
    /// The id of the pattern that fired.
    pub rule: String,
}

impl Fact {
    /// The value as one comparable string, the same across sentences that state the same thing: `established:1992`
    /// (`established:-30` for an offset), the level's label (`upgrade` for an upgrade alone), the project's name,
    /// the area, `trade:growth:50:fold`, `support:core interests`.
    pub fn key(&self) -> String {
        value_key(&self.value)
    }
}

/// The comparable key of a value (see [`Fact::key`]).
pub fn value_key(v: &FactValue) -> String {
    match v {
        FactValue::Ties { event, year, years_before } => match (year, years_before) {
            (Some(y), _) => format!("{event}:{y}"),
            (None, Some(n)) => format!("{event}:-{n}"),
            _ => event.clone(),
        },
        FactValue::Level { label, .. } => label.clone().unwrap_or_else(|| "upgrade".to_string()),
        FactValue::Project { name, .. } => name.clone(),
        FactValue::Area { area, .. } => area.clone(),
        FactValue::Quantity { measure, kind, number, unit, .. } => {
            format!("{measure}:{kind}:{}:{unit}", fmt_num(*number))
        }
        FactValue::Stance { stance, issue, .. } => format!("{stance}:{issue}"),
    }
}

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// The text of a fact with character offsets in its sentence (or title).
#[derive(Serialize)]
pub struct TextOut<'a> {
    /// The words.
    pub text: &'a str,
    /// Character offset of the first.
    pub start: usize,
    /// Character offset after the last.
    pub end: usize,
}

/// One line of `dyad facts`.
#[derive(Serialize)]
pub struct FactOut<'a> {
    /// Document id.
    pub doc: &'a str,
    /// Sentence index (`null` in the title).
    pub sentence: Option<usize>,
    /// The two actor codes.
    pub pair: [&'a str; 2],
    /// The fact type.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The normalised value.
    pub value: &'a FactValue,
    /// The comparable key of the value.
    pub key: String,
    /// The words, with character offsets in the sentence.
    pub text: TextOut<'a>,
    /// The document's date.
    pub date: Option<String>,
    /// The pattern.
    pub rule: &'a str,
}

/// The JSON shape of a fact (character offsets computed here, at the boundary).
pub fn fact_out<'a>(doc: &'a Document, f: &'a Fact) -> FactOut<'a> {
    let seg = match f.sentence {
        Some(i) => doc.sentence_spans()[i],
        None => doc.title_span().expect("a title fact has a title"),
    };
    let seg_text = doc.slice(seg);
    FactOut {
        doc: &doc.id,
        sentence: f.sentence,
        pair: [&f.pair[0], &f.pair[1]],
        kind: f.kind.as_str(),
        value: &f.value,
        key: f.key(),
        text: TextOut {
            text: doc.slice(f.span),
            start: char_offset(seg_text, f.span.start - seg.start),
            end: char_offset(seg_text, f.span.end - seg.start),
        },
        date: f.date.map(|d| d.to_string()),
        rule: &f.rule,
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Patterns

#[derive(Clone, Debug)]
enum Elem {
    /// Any of the words (lower-cased form, lemma); optional when the choice has an empty alternative; `cap` when the
    /// pattern wrote it with a capital letter (then only a capitalised token matches).
    Word { alts: Vec<Alt>, optional: bool },
    /// Up to n tokens of anything but `.` `;` `:` `!` `?` (`*` 4, `**` 12).
    Gap(usize),
    /// A year, 1800–2100.
    Year,
    /// An ordinal: "30th", "thirtieth".
    Ord,
    /// A number (digits or words), with a scale word ("5.1 billion").
    Num,
    /// A quantity: a number with a unit or currency ("50-fold", "$5.1 billion", "12 percent").
    Qty,
    /// A name: capitalised words (backwards from the next element when first, forwards when last).
    Name,
}

/// What a match captured.
#[derive(Clone, Copy, Debug, Default)]
struct Caps {
    year: Option<i32>,
    ord: Option<i64>,
    num: Option<f64>,
    qty: Option<(f64, &'static str)>,
    name: Option<(usize, usize)>,
}

/// Per-entry settings.
#[derive(Clone, Debug, Default)]
struct Extra {
    /// project: a fixed name; quantity: kind; stance: support/oppose.
    name: Option<String>,
    kind: Option<String>,
    stance: Option<String>,
    plover: Option<String>,
    /// Actor codes that are the issue, not a party (`TWN` for Taiwan).
    exclude: Vec<String>,
    /// Whether a level entry marks an upgrade.
    upgrade: bool,
}

#[derive(Clone, Debug)]
struct Pattern {
    id: String,
    kind: FactType,
    label: String,
    extra: usize,
    elems: Vec<Elem>,
}

#[derive(Clone, Debug)]
struct Term {
    words: Vec<String>,
    area: usize,
    /// Written in lower case: then a capitalised word inside a sentence is part of a name ("UN Security Council"),
    /// not the area.
    lower: bool,
}

#[derive(Clone, Debug)]
struct AreaDef {
    label: String,
    plover: Option<String>,
    rule: String,
}

type WordMap<V> = HashMap<String, V, crate::text::BuildFnv>;
type WordSet = HashSet<String, crate::text::BuildFnv>;

/// The compiled fact patterns: immutable, shared across threads.
#[derive(Debug)]
pub struct FactFinder {
    patterns: Vec<Pattern>,
    extras: Vec<Extra>,
    /// Pattern indexes by the lemma of their first word (or of the word after a leading name).
    by_anchor: WordMap<Vec<usize>>,
    /// Patterns that open with a slot (`{year}`, `{qty}` …): tried at every token.
    anywhere: Vec<usize>,
    areas: Vec<AreaDef>,
    /// Area terms by the lemma of their first word, longest first.
    terms: WordMap<Vec<Term>>,
    /// Lemmas that make a clause about cooperation (area terms count only there).
    cues: WordSet,
    /// Country names, adjectives and demonyms, lower-cased: a name made of one of them alone ("Chinese") is no
    /// project name.
    country_words: HashSet<String>,
}

const TIES_EVENTS: &[&str] = &["established", "suspended", "severed", "restored", "embassy opened", "embassy closed"];
const PLOVER_CONTEXTS: &[&str] = &[
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "reparations",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "gender",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "peacekeeping",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "terrorism",
    "cbrn",
    "cyber",
    "misinformation",
    "crime",
    "corruption",
    "illegal_drugs",
    "trafficking",
];

fn dict_err(e: &FactEntryDef, line: u64, msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::Dictionary, msg).in_file(e.loc.file.to_string()).at_line(line)
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'_'))
}

fn word_forms(w: &str) -> (String, String) {
    let lower = w.to_lowercase();
    let lem = lemma(&lower);
    (lower, lem)
}

/// One word of a choice: its lower-cased form, its lemma, its regular inflections ("upgrade": "upgrades",
/// "upgraded", "upgrading"; the lemma table does not know every verb), and whether it must be capitalised.
#[derive(Clone, Debug)]
struct Alt {
    lower: String,
    lemma: String,
    forms: Vec<String>,
    cap: bool,
}

fn alt(w: &str) -> Alt {
    let (lower, lemma) = word_forms(w);
    let mut forms = Vec::new();
    if lower.chars().all(|c| c.is_ascii_lowercase()) && lower.len() > 2 {
        let stem = lower.strip_suffix('e').unwrap_or(&lower);
        forms.extend([format!("{lower}s"), format!("{stem}ed"), format!("{stem}ing")]);
        if lower.ends_with('y') {
            let y = &lower[..lower.len() - 1];
            forms.extend([format!("{y}ies"), format!("{y}ied")]);
        }
        if lower.ends_with(['s', 'x', 'h']) {
            forms.push(format!("{lower}es"));
        }
    }
    Alt { lower, lemma, forms, cap: w.starts_with(char::is_uppercase) }
}

fn parse_pattern(text: &str) -> std::result::Result<Vec<Elem>, String> {
    let mut elems = Vec::new();
    for part in text.split_whitespace() {
        let e = match part {
            "*" => Elem::Gap(4),
            "**" => Elem::Gap(12),
            "{year}" => Elem::Year,
            "{ord}" => Elem::Ord,
            "{num}" => Elem::Num,
            "{qty}" => Elem::Qty,
            "{name}" => Elem::Name,
            p if p.starts_with('{') => {
                return Err(format!("unknown slot {p:?} (slots: {{year}} {{ord}} {{num}} {{qty}} {{name}})"))
            }
            p if p.starts_with('(') => {
                if !p.ends_with(')') || p.len() < 3 {
                    return Err(format!("unclosed choice {p:?} (no spaces inside parentheses)"));
                }
                let inner = &p[1..p.len() - 1];
                let mut alts = Vec::new();
                let mut optional = false;
                for a in inner.split('|') {
                    if a.is_empty() {
                        optional = true;
                    } else {
                        alts.push(alt(a));
                    }
                }
                if alts.is_empty() {
                    return Err(format!("empty choice {p:?}"));
                }
                Elem::Word { alts, optional }
            }
            p if p.contains(['(', ')', '|', '{', '}']) => return Err(format!("bad element {p:?}")),
            p => Elem::Word { alts: vec![alt(p)], optional: false },
        };
        elems.push(e);
    }
    if elems.is_empty() {
        return Err("empty pattern".into());
    }
    if elems.iter().all(|e| matches!(e, Elem::Gap(_) | Elem::Word { optional: true, .. })) {
        return Err("a pattern needs at least one word or slot that must match".into());
    }
    if matches!(elems[0], Elem::Gap(_)) || matches!(elems.last(), Some(Elem::Gap(_))) {
        return Err("a pattern cannot begin or end with a gap".into());
    }
    for (i, e) in elems.iter().enumerate() {
        if matches!(e, Elem::Name) && i != 0 && i != elems.len() - 1 {
            return Err("{name} goes first (a name before the words) or last (a name after them)".into());
        }
    }
    if matches!(elems[0], Elem::Name) && !matches!(elems.get(1), Some(Elem::Word { optional: false, .. })) {
        return Err("{name} first must be followed by a required word".into());
    }
    Ok(elems)
}

impl FactFinder {
    /// Compiles the fact patterns of `dict` (`facts/*.dict`). Errors name the file and line.
    pub fn new(dict: &Dictionaries) -> Result<FactFinder> {
        let mut f = FactFinder {
            patterns: Vec::new(),
            extras: Vec::new(),
            by_anchor: WordMap::default(),
            anywhere: Vec::new(),
            areas: Vec::new(),
            terms: WordMap::default(),
            cues: WordSet::default(),
            country_words: dict
                .countries
                .iter()
                .flat_map(|c| {
                    std::iter::once(&c.name).chain(c.names.iter()).chain(c.adjectives.iter()).chain(c.people.iter())
                })
                .map(|w| w.to_lowercase())
                .collect(),
        };
        let mut ids: HashMap<String, u64> = HashMap::new();
        for e in &dict.facts {
            let (kind_s, label) = e.header.split_once(char::is_whitespace).unwrap_or((e.header.as_str(), ""));
            let label = label.trim().to_string();
            if kind_s == "cue" {
                for (line, key, raw) in &e.fields {
                    if key != "words" {
                        return Err(dict_err(e, *line, format!("unknown key {key:?} for a cue entry (words)")));
                    }
                    for w in raw.split('|').map(str::trim) {
                        if w.is_empty() || w.contains(char::is_whitespace) {
                            return Err(dict_err(e, *line, format!("a cue is one word, found {w:?}")));
                        }
                        f.cues.insert(word_forms(w).1);
                    }
                }
                continue;
            }
            let Some(kind) = FactType::parse(kind_s) else {
                return Err(dict_err(
                    e,
                    e.loc.line,
                    format!("unknown fact type {kind_s:?} (ties, level, project, area, quantity, stance, cue)"),
                ));
            };
            if label.is_empty() {
                return Err(dict_err(e, e.loc.line, format!("a {kind_s} entry needs a label after the type")));
            }
            if kind == FactType::Ties && !TIES_EVENTS.contains(&label.as_str()) {
                return Err(dict_err(
                    e,
                    e.loc.line,
                    format!("ties label must be one of {TIES_EVENTS:?}, not {label:?}"),
                ));
            }
            let mut extra = Extra::default();
            let mut pats: Vec<(u64, String, String)> = Vec::new();
            let mut terms: Vec<(u64, String)> = Vec::new();
            for (line, key, raw) in &e.fields {
                let line = *line;
                let one = |what: &str| -> Result<String> {
                    if raw.is_empty() || raw.contains('|') {
                        Err(dict_err(e, line, format!("{what} takes one value")))
                    } else {
                        Ok(raw.clone())
                    }
                };
                match key.as_str() {
                    "name" if kind == FactType::Project => extra.name = Some(one("name")?),
                    "kind" if kind == FactType::Quantity => {
                        let k = one("kind")?;
                        if k != "growth" && k != "amount" {
                            return Err(dict_err(e, line, format!("kind is growth or amount, not {k:?}")));
                        }
                        extra.kind = Some(k);
                    }
                    "stance" if kind == FactType::Stance => {
                        let s = one("stance")?;
                        if s != "support" && s != "oppose" {
                            return Err(dict_err(e, line, format!("stance is support or oppose, not {s:?}")));
                        }
                        extra.stance = Some(s);
                    }
                    "plover" if kind == FactType::Area => {
                        let p = one("plover")?;
                        if !PLOVER_CONTEXTS.contains(&p.as_str()) {
                            return Err(dict_err(e, line, format!("unknown PLOVER context {p:?}")));
                        }
                        extra.plover = Some(p);
                    }
                    "upgrade" if kind == FactType::Level => {
                        extra.upgrade = match one("upgrade")?.as_str() {
                            "yes" => true,
                            "no" => false,
                            v => return Err(dict_err(e, line, format!("upgrade is yes or no, not {v:?}"))),
                        }
                    }
                    "exclude" => {
                        for c in raw.split('|').map(str::trim) {
                            if c.len() < 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                                return Err(dict_err(e, line, format!("exclude takes actor codes, found {c:?}")));
                            }
                            extra.exclude.push(c.to_string());
                        }
                    }
                    "terms" if kind == FactType::Area => {
                        for t in raw.split('|').map(str::trim) {
                            if t.is_empty() {
                                return Err(dict_err(e, line, "empty term (check for a stray `|`)"));
                            }
                            terms.push((line, t.to_string()));
                        }
                    }
                    k if matches!(k, "name" | "kind" | "stance" | "plover" | "upgrade" | "terms") => {
                        return Err(dict_err(e, line, format!("{k:?} does not apply to a {kind_s} entry")));
                    }
                    id => {
                        if !valid_id(id) {
                            return Err(dict_err(
                                e,
                                line,
                                format!("bad pattern id {id:?} (lower-case letters, digits, '.', '-', '_')"),
                            ));
                        }
                        pats.push((line, id.to_string(), raw.clone()));
                    }
                }
            }
            if kind == FactType::Stance && extra.stance.is_none() {
                return Err(dict_err(e, e.loc.line, "a stance entry needs `stance: support` or `stance: oppose`"));
            }
            if pats.is_empty() && terms.is_empty() {
                return Err(dict_err(e, e.loc.line, "an entry needs at least one pattern (or, for an area, terms)"));
            }
            let x = f.extras.len();
            if kind == FactType::Area {
                let area = f.areas.len();
                f.areas.push(AreaDef {
                    label: label.clone(),
                    plover: extra.plover.clone(),
                    rule: format!("area.{}", label.replace(' ', "-")),
                });
                for (_, t) in terms {
                    let words: Vec<String> =
                        tokenize(&t).iter().map(|tok| lemma(&t[tok.span.start..tok.span.end])).collect();
                    let lower = t.starts_with(|c: char| c.is_lowercase());
                    f.terms.entry(words[0].clone()).or_default().push(Term { words, area, lower });
                }
            }
            f.extras.push(extra);
            for (line, id, raw) in pats {
                if let Some(prev) = ids.insert(id.clone(), line) {
                    return Err(dict_err(e, line, format!("pattern id {id:?} is used twice (also line {prev})")));
                }
                let elems = parse_pattern(&raw).map_err(|m| dict_err(e, line, m))?;
                if kind == FactType::Project
                    && f.extras[x].name.is_none()
                    && !elems.iter().any(|el| matches!(el, Elem::Name))
                {
                    return Err(dict_err(e, line, "a project pattern needs {name}, or the entry a fixed `name:`"));
                }
                let idx = f.patterns.len();
                let anchor = match &elems[0] {
                    Elem::Name => &elems[1],
                    other => other,
                };
                match anchor {
                    Elem::Word { alts, optional: false, .. } => {
                        for a in alts {
                            for key in std::iter::once(&a.lemma).chain(&a.forms) {
                                let v = f.by_anchor.entry(key.clone()).or_default();
                                if !v.contains(&idx) {
                                    v.push(idx);
                                }
                            }
                        }
                    }
                    _ => f.anywhere.push(idx),
                }
                f.patterns.push(Pattern { id, kind, label: label.clone(), extra: x, elems });
            }
        }
        for ts in f.terms.values_mut() {
            ts.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
        }
        Ok(f)
    }

    /// How many patterns (and area terms) are loaded.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len() + self.terms.values().map(Vec::len).sum::<usize>()
    }

    /// The facts of a document, in document order, given its actor mentions (from [`crate::coder::Coder::code`] or
    /// [`crate::actors::ActorMatcher::find`]).
    pub fn find(&self, doc: &Document, mentions: &[Mention]) -> Vec<Fact> {
        let principal = principal_states(mentions);
        let mut out = Vec::new();
        // Mentions by segment, in one pass (title first, then sentences).
        let mut by_segment: HashMap<Option<usize>, Vec<&Mention>> = HashMap::new();
        for m in mentions {
            by_segment.entry(m.sentence).or_default().push(m);
        }
        for seg in doc.segments() {
            let ms: Vec<&Mention> = by_segment.remove(&seg.sentence).unwrap_or_default();
            let toks = prepare(seg.text, seg.span.start);
            // A currency's country is no party: "U.S. dollars", "Australian dollars".
            let ms: Vec<&Mention> = ms
                .into_iter()
                .filter(|m| {
                    !toks.iter().any(|t| {
                        t.span.start > m.span.end
                            && t.span.start <= m.span.end + 1
                            && matches!(t.lower.as_str(), "dollar" | "dollars")
                    })
                })
                .collect();
            if toks.is_empty() {
                continue;
            }
            let mut found: Vec<Fact> = Vec::new();
            self.sentence_patterns(doc, &toks, &ms, &principal, seg.sentence, &mut found);
            self.sentence_areas(doc, &toks, &ms, &principal, seg.sentence, &mut found);
            out.extend(tidy(found));
        }
        out
    }

    fn sentence_patterns(
        &self,
        doc: &Document,
        toks: &[Tok],
        ms: &[&Mention],
        principal: &[String],
        sentence: Option<usize>,
        found: &mut Vec<Fact>,
    ) {
        let mut upgrades: Vec<(Span, Vec<[String; 2]>, String)> = Vec::new();
        for start in 0..toks.len() {
            // Patterns that open with a slot, then those anchored on this token's lemma or form (no allocation: most
            // tokens anchor nothing).
            let by_lemma = self.by_anchor.get(&toks[start].lemma).map_or(&[][..], Vec::as_slice);
            let by_form = if toks[start].lemma != toks[start].lower {
                self.by_anchor.get(&toks[start].lower).map_or(&[][..], Vec::as_slice)
            } else {
                &[][..]
            };
            let cands =
                self.anywhere.iter().chain(by_lemma).chain(by_form.iter().filter(|pi| !by_lemma.contains(pi))).copied();
            for pi in cands {
                let p = &self.patterns[pi];
                let lead_name = matches!(p.elems[0], Elem::Name);
                let elems = if lead_name { &p.elems[1..] } else { &p.elems[..] };
                let mut caps = Caps::default();
                let Some(end) = match_at(elems, toks, start, &mut caps) else { continue };
                let mut first = start;
                let mut end = end;
                if lead_name {
                    match name_before(toks, start, &self.country_words) {
                        Some(s) => {
                            // "Centre of Boundary Cooperation", "Port of Piraeus": the name goes on after "of".
                            if toks.get(end).is_some_and(|t| t.lower == "of") {
                                if let Some(e) =
                                    name_after(toks, end + 1).filter(|_| toks[end + 1].kind == TokenKind::Word)
                                {
                                    end = e;
                                }
                            }
                            caps.name = Some((s, end));
                            first = s;
                        }
                        None => continue,
                    }
                } else if let Some((s, _)) = caps.name {
                    caps.name = Some((s, caps.name.map_or(end, |n| n.1)));
                }
                if matches!(p.kind, FactType::Ties | FactType::Level | FactType::Stance) && denied(toks, first) {
                    continue;
                }
                let span = Span::new(toks[first].span.start, toks[end - 1].span.end);
                let extra = &self.extras[p.extra];
                let Some(value) = self.value(p, extra, &caps, doc, toks, first, end) else { continue };
                let pairs = pairs_for(p.kind, &value, toks, ms, principal, first, end, extra);
                if p.kind == FactType::Level && extra.upgrade {
                    upgrades.push((span, pairs, p.id.clone()));
                    continue;
                }
                for (pair, value) in pairs_with_values(pairs, value) {
                    found.push(Fact { sentence, pair, kind: p.kind, value, span, date: doc.date, rule: p.id.clone() });
                }
            }
        }
        // An upgrade marks the levels named in the same sentence; alone, it is a level fact with no label.
        for (span, pairs, rule) in upgrades {
            let mut marked = false;
            for f in found.iter_mut().filter(|f| f.kind == FactType::Level) {
                if let FactValue::Level { upgrade, .. } = &mut f.value {
                    *upgrade = true;
                    marked = true;
                }
            }
            if !marked {
                for pair in pairs {
                    found.push(Fact {
                        sentence,
                        pair,
                        kind: FactType::Level,
                        value: FactValue::Level { label: None, upgrade: true },
                        span,
                        date: doc.date,
                        rule: rule.clone(),
                    });
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn value(
        &self,
        p: &Pattern,
        extra: &Extra,
        caps: &Caps,
        doc: &Document,
        toks: &[Tok],
        first: usize,
        end: usize,
    ) -> Option<FactValue> {
        Some(match p.kind {
            FactType::Ties => {
                let (mut year, mut years_before) = (caps.year, None);
                if year.is_none() {
                    if let Some(n) = caps.ord.or(caps.num.map(|x| x as i64)) {
                        match doc.date {
                            Some(d) => year = Some(d.year() - n as i32),
                            None => years_before = Some(n),
                        }
                    }
                }
                FactValue::Ties { event: p.label.clone(), year, years_before }
            }
            FactType::Level => FactValue::Level { label: Some(p.label.clone()), upgrade: false },
            FactType::Project => {
                let name = match (&extra.name, caps.name) {
                    (Some(n), _) => n.clone(),
                    (None, Some((_, e))) => {
                        // The whole match from the name or the first word on: "port of Hambantota".
                        let text = doc.slice(Span::new(toks[first].span.start, toks[e - 1].span.end));
                        text.replace(['’'], "'")
                    }
                    (None, None) => return None,
                };
                FactValue::Project { name, kind: p.label.clone() }
            }
            FactType::Area => FactValue::Area { area: p.label.clone(), plover: extra.plover.clone() },
            FactType::Quantity => {
                let (number, unit) = caps.qty?;
                let kind = if matches!(unit, "fold" | "percent") {
                    "growth".to_string()
                } else {
                    extra.kind.clone().unwrap_or_else(|| "amount".to_string())
                };
                let period = period_near(toks, first, end, doc.date);
                FactValue::Quantity { measure: p.label.clone(), kind, number, unit: unit.to_string(), period }
            }
            FactType::Stance => FactValue::Stance {
                stance: extra.stance.clone().unwrap_or_default(),
                issue: p.label.clone(),
                by: String::new(),
                for_: String::new(),
                mutual: false,
            },
        })
    }

    fn sentence_areas(
        &self,
        doc: &Document,
        toks: &[Tok],
        ms: &[&Mention],
        principal: &[String],
        sentence: Option<usize>,
        found: &mut Vec<Fact>,
    ) {
        if self.terms.is_empty() {
            return;
        }
        // Clauses: split on ';'. Terms count only in a clause with a cue ("cooperation", "exchanges", "fields").
        let mut start = 0;
        while start < toks.len() {
            let end = (start..toks.len()).find(|&i| toks[i].lower == ";").unwrap_or(toks.len());
            if (start..end).any(|i| self.cues.contains(&toks[i].lemma)) {
                let mut i = start;
                while i < end {
                    let mut step = 1;
                    if let Some(ts) = self.terms.get(&toks[i].lemma) {
                        for t in ts {
                            let n = t.words.len();
                            let office =
                                toks.get(i + n).is_some_and(|t| matches!(t.lemma.as_str(), "minister" | "ministry"));
                            let in_name = t.lower && toks[i].cap && i > 0;
                            if i + n <= end && (0..n).all(|k| toks[i + k].lemma == t.words[k]) && !office && !in_name {
                                let a = &self.areas[t.area];
                                let span = Span::new(toks[i].span.start, toks[i + n - 1].span.end);
                                let value = FactValue::Area { area: a.label.clone(), plover: a.plover.clone() };
                                let pairs =
                                    pairs_for(FactType::Area, &value, toks, ms, principal, i, i + n, &Extra::default());
                                for (pair, value) in pairs_with_values(pairs, value) {
                                    found.push(Fact {
                                        sentence,
                                        pair,
                                        kind: FactType::Area,
                                        value,
                                        span,
                                        date: doc.date,
                                        rule: a.rule.clone(),
                                    });
                                }
                                step = n;
                                break;
                            }
                        }
                    }
                    i += step;
                }
            }
            start = end + 1;
        }
    }
}

/// Whether the words before `first` (up to five, within the clause) deny or ask for what follows: "have yet to
/// reopen", "has not restored", "urged Australia to abide by".
fn denied(toks: &[Tok], first: usize) -> bool {
    for k in (first.saturating_sub(5)..first).rev() {
        let t = &toks[k];
        if matches!(t.lower.as_str(), ";" | "," | "." | "and" | "but") {
            return false;
        }
        if matches!(t.lower.as_str(), "not" | "never" | "n't" | "yet" | "no")
            || matches!(t.lemma.as_str(), "urge" | "ask" | "demand" | "press" | "refuse" | "decline" | "fail")
        {
            return true;
        }
    }
    false
}

/// Pairs with the value each carries (a stance's `by`/`for` come from its pair).
fn pairs_with_values(pairs: Vec<[String; 2]>, value: FactValue) -> Vec<([String; 2], FactValue)> {
    // A stance given both ways (two pairs, each the other reversed) is mutual.
    let both = pairs.len() == 2 && pairs[0][0] == pairs[1][1] && pairs[0][1] == pairs[1][0];
    pairs
        .into_iter()
        .map(|pair| {
            let mut v = value.clone();
            if let FactValue::Stance { by, for_, mutual, .. } = &mut v {
                *by = pair[0].clone();
                *for_ = pair[1].clone();
                *mutual = both;
            }
            (pair, v)
        })
        .collect()
}

/// Drops facts of a type whose words lie inside another fact of that type with the same pair ("strategic
/// partnership" inside "comprehensive strategic partnership"), and repeats.
fn tidy(found: Vec<Fact>) -> Vec<Fact> {
    let mut keep: Vec<Fact> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        // An area word inside a project's name ("Industrial" in "China-Belarus Industrial Park") is no area.
        if f.kind == FactType::Area
            && found
                .iter()
                .any(|g| g.kind == FactType::Project && g.span.start <= f.span.start && f.span.end <= g.span.end)
        {
            continue;
        }
        let inside = found.iter().enumerate().any(|(j, g)| {
            j != i
                && g.kind == f.kind
                && g.pair == f.pair
                && g.span.start <= f.span.start
                && f.span.end <= g.span.end
                && (g.span.len() > f.span.len() || (g.span == f.span && j < i && g.key() != f.key()))
                && !matches!(f.kind, FactType::Quantity | FactType::Area | FactType::Stance)
        });
        if inside {
            continue;
        }
        if keep.iter().any(|k| k.kind == f.kind && k.pair == f.pair && k.key() == f.key()) {
            continue;
        }
        keep.push(f.clone());
    }
    keep.sort_by_key(|f| (f.span.start, f.kind));
    keep
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens and matching

#[derive(Debug)]
struct Tok {
    span: Span,
    lower: String,
    lemma: String,
    kind: TokenKind,
    cap: bool,
    /// Digits, or a number or ordinal word: where a number may start.
    numeric: bool,
}

fn prepare(text: &str, base: usize) -> Vec<Tok> {
    tokenize(text)
        .into_iter()
        .map(|t| {
            let w = &text[t.span.start..t.span.end];
            let mut lower = w.to_lowercase();
            if lower.contains('’') {
                lower = lower.replace('’', "'");
            }
            let lemma = if t.kind == TokenKind::Word { lemma(&lower) } else { lower.clone() };
            let numeric = t.kind == TokenKind::Number
                || lower.starts_with(|c: char| c.is_ascii_digit())
                || number_words().contains_key(lower.as_str())
                || lower.strip_suffix("fold").is_some_and(|n| number_words().contains_key(n));
            Tok {
                span: t.span.shift(base),
                lower,
                lemma,
                kind: t.kind,
                cap: w.starts_with(char::is_uppercase),
                numeric,
            }
        })
        .collect()
}

fn is_stop(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "." | ";" | ":" | "!" | "?")
}

fn word_matches(t: &Tok, alts: &[Alt]) -> bool {
    alts.iter().any(|a| (t.cap || !a.cap) && (t.lower == a.lower || t.lemma == a.lemma || a.forms.contains(&t.lower)))
}

/// Matches `elems` from token `i`; returns the token index after the match.
fn match_at(elems: &[Elem], toks: &[Tok], i: usize, caps: &mut Caps) -> Option<usize> {
    let Some((e, rest)) = elems.split_first() else { return Some(i) };
    match e {
        Elem::Word { alts, optional } => {
            if i < toks.len() && word_matches(&toks[i], alts) {
                let saved = *caps;
                if let Some(end) = match_at(rest, toks, i + 1, caps) {
                    return Some(end);
                }
                *caps = saved;
            }
            if *optional {
                return match_at(rest, toks, i, caps);
            }
            None
        }
        Elem::Gap(n) => {
            for k in 0..=*n {
                if k > 0 && (i + k > toks.len() || is_stop(&toks[i + k - 1])) {
                    break;
                }
                let saved = *caps;
                if let Some(end) = match_at(rest, toks, i + k, caps) {
                    return Some(end);
                }
                *caps = saved;
            }
            None
        }
        Elem::Year => {
            let t = toks.get(i)?;
            let y: i32 =
                if t.kind == TokenKind::Number && t.lower.len() == 4 { t.lower.parse().ok()? } else { return None };
            if !(1800..=2100).contains(&y) {
                return None;
            }
            caps.year = Some(y);
            match_at(rest, toks, i + 1, caps)
        }
        Elem::Ord => {
            let (n, next) = ordinal_at(toks, i)?;
            caps.ord = Some(n);
            match_at(rest, toks, next, caps)
        }
        Elem::Num => {
            let (n, next) = number_at(toks, i)?;
            caps.num = Some(n);
            match_at(rest, toks, next, caps)
        }
        Elem::Qty => {
            let (n, unit, next) = quantity_at(toks, i)?;
            caps.qty = Some((n, unit));
            match_at(rest, toks, next, caps)
        }
        Elem::Name => {
            // Last element: the capitalised words from here on.
            let end = name_after(toks, i)?;
            caps.name = Some((i, end));
            Some(end)
        }
    }
}

const PREPOSITIONS: &[&str] = &[
    "in",
    "of",
    "with",
    "to",
    "for",
    "on",
    "against",
    "by",
    "from",
    "at",
    "into",
    "over",
    "about",
    "towards",
    "including",
];

const DETERMINERS: &[&str] =
    &["the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her", "both", "new", "and"];

fn name_token(t: &Tok) -> bool {
    (t.cap && t.kind == TokenKind::Word && !DETERMINERS.contains(&t.lower.as_str())) || t.kind == TokenKind::Number
}

/// The start of the name that ends right before token `j`: capitalised words, numbers, and `-`, `and`, `of`, `+`
/// between them ("Belt and Road", "China-Belarus", "Nord Stream 2"). A country's name or adjective alone
/// ("Chinese") is no name.
fn name_before(toks: &[Tok], j: usize, country_words: &HashSet<String>) -> Option<usize> {
    let mut s = j;
    while s > 0 {
        let t = &toks[s - 1];
        let joiner =
            matches!(t.lower.as_str(), "-" | "–" | "and" | "of" | "+") && s >= 2 && name_token(&toks[s - 2]) && s < j;
        if name_token(t) || joiner {
            s -= 1;
        } else {
            break;
        }
    }
    if s == j || toks[s].kind == TokenKind::Number {
        return None;
    }
    let words: Vec<&str> = (s..j).map(|k| toks[k].lower.as_str()).collect();
    if country_words.contains(&words.join(" ")) {
        return None;
    }
    Some(s)
}

fn name_after(toks: &[Tok], i: usize) -> Option<usize> {
    let mut e = i;
    while e < toks.len() {
        let t = &toks[e];
        if name_token(t)
            || (matches!(t.lower.as_str(), "-" | "of") && e > i && e + 1 < toks.len() && name_token(&toks[e + 1]))
        {
            e += 1;
        } else {
            break;
        }
    }
    (e > i).then_some(e)
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ORD_UNITS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const ORD_TENS: [&str; 10] =
    ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

/// Number words ("thirty") and ordinal words ("thirtieth"), looked up once per token: (value, is ordinal).
fn number_words() -> &'static HashMap<&'static str, (i64, bool), crate::text::BuildFnv> {
    static WORDS: std::sync::OnceLock<HashMap<&'static str, (i64, bool), crate::text::BuildFnv>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut m = HashMap::default();
        for (i, w) in UNITS.iter().enumerate() {
            m.insert(*w, (i as i64, false));
        }
        for (i, w) in TENS.iter().enumerate().filter(|(_, w)| !w.is_empty()) {
            m.insert(*w, (i as i64 * 10, false));
        }
        for (i, w) in ORD_UNITS.iter().enumerate() {
            m.insert(*w, (i as i64, true));
        }
        for (i, w) in ORD_TENS.iter().enumerate().filter(|(_, w)| !w.is_empty()) {
            m.insert(*w, (i as i64 * 10, true));
        }
        m.insert("hundred", (100, false));
        m.insert("dozen", (12, false));
        m
    })
}

fn simple_number_word(w: &str) -> Option<i64> {
    number_words().get(w).filter(|(_, ord)| !ord).map(|(n, _)| *n)
}

fn ordinal_word(w: &str) -> Option<i64> {
    number_words().get(w).filter(|(_, ord)| *ord).map(|(n, _)| *n)
}

/// A number at `i`: digits ("5.1", "2,800") or words ("thirty", "twenty-five"), then a scale word.
fn number_at(toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    let t = toks.get(i).filter(|t| t.numeric)?;
    let (mut n, mut next) = if t.kind == TokenKind::Number {
        (t.lower.replace(',', "").parse::<f64>().ok()?, i + 1)
    } else {
        let v = simple_number_word(&t.lower)?;
        // "twenty-five"
        if v >= 20 && v % 10 == 0 && toks.get(i + 1).is_some_and(|h| h.lower == "-") {
            if let Some(u) = toks.get(i + 2).and_then(|u| simple_number_word(&u.lower)).filter(|u| *u < 10) {
                (v as f64 + u as f64, i + 3)
            } else {
                (v as f64, i + 1)
            }
        } else {
            (v as f64, i + 1)
        }
    };
    if let Some(s) = toks.get(next) {
        let scale = match s.lower.as_str() {
            "thousand" => Some(1e3),
            "million" | "mln" | "mn" => Some(1e6),
            "billion" | "bln" | "bn" => Some(1e9),
            "trillion" | "tn" => Some(1e12),
            _ => None,
        };
        if let Some(x) = scale {
            // 8.2 billion is 8200000000, not 8199999999.999999.
            n = (n * x).round();
            next += 1;
        }
    }
    Some((n, next))
}

fn ordinal_at(toks: &[Tok], i: usize) -> Option<(i64, usize)> {
    let t = toks.get(i)?;
    let w = t.lower.as_str();
    if !t.numeric {
        return None;
    }
    for suf in ["st", "nd", "rd", "th"] {
        if let Some(d) = w.strip_suffix(suf) {
            if !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) {
                return Some((d.parse().ok()?, i + 1));
            }
        }
    }
    if let Some(k) = ordinal_word(w) {
        return Some((k, i + 1));
    }
    // "twenty-fifth"
    let tens = simple_number_word(w).filter(|n| *n >= 20 && *n % 10 == 0 && *n < 100)?;
    if toks.get(i + 1)?.lower != "-" {
        return None;
    }
    let u = ordinal_word(&toks.get(i + 2)?.lower).filter(|u| *u < 10)?;
    Some((tens + u, i + 3))
}

fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollars" | "dollar" | "usd" => "USD",
        "yuan" | "renminbi" | "rmb" | "cny" => "CNY",
        "euros" | "euro" | "eur" => "EUR",
        "rubles" | "roubles" | "ruble" | "rouble" | "rub" => "RUB",
        "pounds" | "gbp" => "GBP",
        "yen" | "jpy" => "JPY",
        "rupees" | "inr" => "INR",
        _ => return None,
    })
}

/// A quantity at `i`: an optional currency sign or code, a number, then a unit ("-fold", "times", "percent", "%",
/// a currency word). Without a currency or unit it is no quantity.
fn quantity_at(toks: &[Tok], i: usize) -> Option<(f64, &'static str, usize)> {
    let mut j = i;
    // Qualifiers: "more than", "nearly", "about", "a record", "a total of".
    loop {
        let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
        let skip = match (w(j), w(j + 1)) {
            ("more" | "less" | "fewer", "than")
            | ("at", "least" | "most")
            | ("up", "to")
            | ("a" | "an", "record" | "estimated") => 2,
            ("a", "total") | ("a", "value") | ("a", "volume") if w(j + 2) == "of" => 3,
            ("a" | "an" | "the", "record" | "all-time" | "new") if w(j + 2) == "high" && w(j + 3) == "of" => 4,
            ("high", "of") => 2,
            (
                "nearly" | "almost" | "about" | "over" | "some" | "around" | "roughly" | "approximately" | "just"
                | "record",
                _,
            ) => 1,
            _ => 0,
        };
        if skip == 0 {
            break;
        }
        j += skip;
    }
    let mut unit: Option<&'static str> = None;
    // "US$", "$", "€", "USD 5 billion", "RMB 3 billion"
    if toks.get(j).is_some_and(|t| matches!(t.lower.as_str(), "us" | "u.s."))
        && toks.get(j + 1).is_some_and(|t| t.lower == "$")
    {
        j += 1;
    }
    if let Some(t) = toks.get(j) {
        let sign = match t.lower.as_str() {
            "$" => Some("USD"),
            "€" => Some("EUR"),
            "£" => Some("GBP"),
            "¥" => Some("CNY"),
            "₽" => Some("RUB"),
            w => currency_word(w).filter(|_| t.kind == TokenKind::Word && t.lower.len() == 3),
        };
        if sign.is_some() {
            unit = sign;
            j += 1;
        }
    }
    // "tenfold", "threefold"
    if unit.is_none() && toks.get(j).is_some_and(|t| t.numeric) {
        if let Some(n) = toks.get(j).and_then(|t| t.lower.strip_suffix("fold")).and_then(simple_number_word) {
            return Some((n as f64, "fold", j + 1));
        }
    }
    let (n, mut next) = number_at(toks, j)?;
    if unit.is_none() {
        let at = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
        let (u, len) = match (at(next), at(next + 1), at(next + 2)) {
            ("-", "fold", _) => ("fold", 2),
            ("fold", _, _) | ("times", _, _) => ("fold", 1),
            ("percent", _, _) | ("%", _, _) => ("percent", 1),
            ("per", "cent", _) => ("percent", 2),
            ("u.s.", "dollars", _) | ("us", "dollars", _) => ("USD", 2),
            (w, _, _) => (currency_word(w)?, 1),
        };
        unit = Some(u);
        next += len;
    }
    Some((n, unit?, next))
}

/// The period a quantity covers, from the words after it (then before it) in its clause: "in 30 years", "over the
/// past decade", "in 2021", "since 1992", "last year".
fn period_near(toks: &[Tok], first: usize, end: usize, date: Option<Date>) -> Option<String> {
    let clause_start = (0..first).rev().find(|&k| toks[k].lower == ";").map_or(0, |k| k + 1);
    let clause_end = (end..toks.len()).find(|&k| toks[k].lower == ";").unwrap_or(toks.len());
    let after = (end..clause_end.min(end + 8)).find_map(|k| period_at(toks, k, date));
    after.or_else(|| (clause_start..first).find_map(|k| period_at(toks, k, date)))
}

fn period_at(toks: &[Tok], k: usize, date: Option<Date>) -> Option<String> {
    let w = |j: usize| toks.get(j).map_or("", |t| t.lower.as_str());
    let year = |j: usize| {
        toks.get(j)
            .filter(|t| t.kind == TokenKind::Number && t.lower.len() == 4)
            .and_then(|t| t.lower.parse::<i32>().ok())
    };
    match w(k) {
        "in" | "over" | "during" | "within" | "for" => {
            let mut j = k + 1;
            if matches!(w(j), "the") {
                j += 1;
            }
            if matches!(w(j), "past" | "last" | "first" | "previous") {
                j += 1;
            }
            if let Some(y) = year(j) {
                return Some(y.to_string());
            }
            if w(j) == "decade" {
                return Some("10 years".into());
            }
            let (n, next) = number_at(toks, j)?;
            let unit = match w(next) {
                "year" | "years" => "years",
                "month" | "months" => "months",
                _ => return None,
            };
            Some(format!("{} {unit}", fmt_num(n)))
        }
        "since" => year(k + 1).map(|y| format!("since {y}")),
        "from" => {
            let a = year(k + 1)?;
            let b = year(k + 3).filter(|_| matches!(w(k + 2), "to" | "-" | "through"))?;
            Some(format!("{a}-{b}"))
        }
        "last" if w(k + 1) == "year" => Some(date.map_or_else(|| "last year".into(), |d| (d.year() - 1).to_string())),
        "this" if w(k + 1) == "year" => date.map(|d| d.year().to_string()),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Pairs

/// The actor key of a mention: its country, or the whole code for organisations.
fn actor_key(m: &Mention) -> String {
    m.country.clone().unwrap_or_else(|| m.code.clone())
}

/// The two states the document is about: the most-mentioned, ties broken by first mention.
fn principal_states(mentions: &[Mention]) -> Vec<String> {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let Some(c) = &m.country else { continue };
        match counts.iter_mut().find(|(k, _, _)| k == c) {
            Some(x) => x.1 += 1,
            None => counts.push((c.clone(), 1, i)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    counts.into_iter().take(2).map(|(c, _, _)| c).collect()
}

/// The pairs a fact is about. The sentence's actors (organisations included, the entry's `exclude` codes not) in
/// order; for a stance, who takes it is the actor before the words, for whom the one after. With one actor, its
/// partner is the other state the document is about; with none, the document's two states.
#[allow(clippy::too_many_arguments)]
fn pairs_for(
    kind: FactType,
    value: &FactValue,
    toks: &[Tok],
    ms: &[&Mention],
    principal: &[String],
    first: usize,
    end: usize,
    extra: &Extra,
) -> Vec<[String; 2]> {
    let _ = value;
    let usable = |m: &Mention| {
        let k = actor_key(m);
        !extra.exclude.iter().any(|x| k.starts_with(x.as_str()) || m.code.starts_with(x.as_str()))
    };
    let mut order: Vec<String> = Vec::new();
    for m in ms.iter().filter(|m| usable(m)) {
        let k = actor_key(m);
        if !order.contains(&k) {
            order.push(k);
        }
    }
    let partner = |a: &str| principal.iter().find(|p| p.as_str() != a).cloned();
    if order.is_empty() {
        return principal_pair(principal);
    }
    {
        let start_b = toks.get(first).map_or(0, |t| t.span.start);
        let end_b = toks.get(end - 1).map_or(usize::MAX, |t| t.span.end);
        let clause_start = (0..first).rev().find(|&k| toks[k].lower == ";").map_or(0, |k| toks[k].span.end);
        let before: Vec<&&Mention> =
            ms.iter().filter(|m| usable(m) && m.span.end <= start_b && m.span.start >= clause_start).collect();
        let inside: Vec<&&Mention> =
            ms.iter().filter(|m| usable(m) && m.span.start >= start_b && m.span.end <= end_b).collect();
        let after: Vec<&&Mention> = ms.iter().filter(|m| usable(m) && m.span.start >= end_b).collect();
        // The subject: the last actor before the words that is not the object of a preposition or a possessive
        // ("interfering in Belarus' affairs, and supports Belarus"); a pair mention ("the two sides") or "each
        // other" makes the stance mutual.
        let tok_at = |b: usize| toks.iter().position(|t| t.span.start == b);
        let subject_like = |m: &Mention| {
            let i = tok_at(m.span.start);
            let prep = i
                .and_then(|i| i.checked_sub(1))
                .is_some_and(|p| PREPOSITIONS.contains(&toks[p].lower.as_str()) || toks[p].lower == "-");
            let after = toks.iter().find(|t| t.span.start >= m.span.end);
            let poss_or_compound = after.is_some_and(|t| matches!(t.lower.as_str(), "'s" | "'" | "-"));
            !prep && !poss_or_compound
        };
        let states_first = |v: &Vec<&&Mention>| -> Vec<String> {
            let mut ks: Vec<String> = Vec::new();
            for m in v.iter().filter(|m| m.country.is_some()).chain(v.iter().filter(|m| m.country.is_none())) {
                let k = actor_key(m);
                if !ks.contains(&k) {
                    ks.push(k);
                }
            }
            ks
        };
        let reciprocal = (first..end.saturating_sub(1)).any(|k| {
            matches!((toks[k].lower.as_str(), toks[k + 1].lower.as_str()), ("each", "other") | ("one", "another"))
        }) || (first..end).any(|k| matches!(toks[k].lower.as_str(), "mutual" | "mutually"));
        if reciprocal && kind == FactType::Stance {
            // "China and Belarus ... supported each other": the first two actors (states first), both ways.
            let all: Vec<&&Mention> = ms.iter().filter(|m| usable(m)).collect();
            let ks = states_first(&all);
            if ks.len() >= 2 {
                return vec![[ks[0].clone(), ks[1].clone()], [ks[1].clone(), ks[0].clone()]];
            }
        }
        let by = before
            .iter()
            .rev()
            .find(|m| subject_like(m) && m.country.is_some())
            .or_else(|| before.iter().rev().find(|m| subject_like(m)))
            .or(before.last())
            .map(|m| actor_key(m));
        let pair_subject: Vec<String> =
            before.iter().filter(|m| m.via == crate::actors::Via::Pair).map(|m| actor_key(m)).collect::<Vec<_>>();
        // "The two sides should speed up the Lao Cai-Hanoi railway": a fact of the two sides, whatever the names in it.
        if pair_subject.len() >= 2 && pair_subject[0] != pair_subject[1] {
            let (a, b) = (pair_subject[0].clone(), pair_subject[1].clone());
            return if kind == FactType::Stance { vec![[a.clone(), b.clone()], [b, a]] } else { vec![[a, b]] };
        }
        let by = by.or_else(|| order.first().cloned());
        let Some(by) = by else { return principal_pair(principal) };
        // For whom: a state after (or within) the words, else before them, else the document's other state; an
        // organisation only when no state will do.
        let candidates = || inside.iter().chain(after.iter()).chain(before.iter().rev());
        let for_ = candidates()
            .filter(|m| m.country.is_some())
            .map(|m| actor_key(m))
            .find(|k| *k != by)
            .or_else(|| partner(&by))
            .or_else(|| candidates().map(|m| actor_key(m)).find(|k| *k != by));
        let Some(for_) = for_ else { return Vec::new() };
        let mut pairs = vec![[by.clone(), for_.clone()]];
        let mutual = pair_subject.len() >= 2;
        if mutual && kind == FactType::Stance {
            pairs.push([for_, by]);
        }
        pairs
    }
}

fn principal_pair(principal: &[String]) -> Vec<[String; 2]> {
    if principal.len() == 2 {
        vec![[principal[0].clone(), principal[1].clone()]]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        prepare(s, 0)
    }

    #[test]
    fn quantities() {
        let t = toks("50-fold");
        assert_eq!(quantity_at(&t, 0).map(|q| (q.0, q.1)), Some((50.0, "fold")));
        let t = toks("$5.1 billion");
        assert_eq!(quantity_at(&t, 0).map(|q| (q.0, q.1)), Some((5.1e9, "USD")));
        let t = toks("12.5 per cent");
        assert_eq!(quantity_at(&t, 0).map(|q| (q.0, q.1)), Some((12.5, "percent")));
        let t = toks("twenty-five times");
        assert_eq!(quantity_at(&t, 0).map(|q| (q.0, q.1)), Some((25.0, "fold")));
        let t = toks("30 years");
        assert_eq!(quantity_at(&t, 0), None);
    }

    #[test]
    fn ordinals_and_periods() {
        assert_eq!(ordinal_at(&toks("30th"), 0), Some((30, 1)));
        assert_eq!(ordinal_at(&toks("twenty-fifth"), 0), Some((25, 3)));
        assert_eq!(period_at(&toks("in 30 years"), 0, None), Some("30 years".into()));
        assert_eq!(period_at(&toks("over the past decade"), 0, None), Some("10 years".into()));
        assert_eq!(period_at(&toks("from 2012 to 2021"), 0, None), Some("2012-2021".into()));
    }

    #[test]
    fn pattern_errors() {
        assert!(parse_pattern("* trade").is_err());
        assert!(parse_pattern("trade {qty").is_err());
        assert!(parse_pattern("trade {amount}").is_err());
        assert!(parse_pattern("a {name} b").is_err());
        assert!(parse_pattern("(a|b").is_err());
        assert!(parse_pattern("{name} Industrial Park").is_ok());
    }
}
