//! Dictionaries: our own human-editable `.dict` files (see `dictionaries/FORMAT.md`), parsed, validated with
//! `file:line` errors, merged with a user's folder, and versioned by a hash of their contents.

mod parse;

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use crate::date::Date;
use crate::error::{Error, ErrorKind, Result};
use parse::{parse_file, RawEntry};

include!(concat!(env!("OUT_DIR"), "/builtin_dicts.rs"));

/// Where an entry was written: file (relative to its dictionary folder) and 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loc {
    /// The file, such as `actors/countries.dict` (a user's files are prefixed with `user:`).
    pub file: Arc<str>,
    /// The line of the entry's header.
    pub line: u64,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// Whether a state is a UN member, an observer, or a territory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountryKind {
    /// A sovereign state.
    State,
    /// A UN observer state.
    Observer,
    /// A territory.
    Territory,
}

/// A state or territory.
#[derive(Clone, Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code as CAMEO uses it.
    pub code: String,
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub names: Vec<String>,
    /// Adjectives and singular demonyms.
    pub adjectives: Vec<String>,
    /// Plural demonyms.
    pub people: Vec<String>,
    /// Capitals and seats used as metonyms.
    pub capitals: Vec<String>,
    /// Other cities and regions that news names as places of events ("shelled Kharkiv"): they stand for the state.
    pub cities: Vec<String>,
    /// Named national institutions: (agent code, name).
    pub institutions: Vec<(String, String)>,
    /// State, observer or territory.
    pub kind: CountryKind,
    /// Where it was written.
    pub loc: Loc,
}

/// An agent type (GOV, MIL, …) and the words that name it.
#[derive(Clone, Debug)]
pub struct Agent {
    /// CAMEO agent code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Lower-case words and phrases.
    pub words: Vec<String>,
    /// Where it was written.
    pub loc: Loc,
}

/// A term of office.
#[derive(Clone, Debug)]
pub struct Office {
    /// The full CAMEO actor code while in office (`BLRGOV`).
    pub code: String,
    /// The office's name.
    pub role: String,
    /// First day.
    pub from: Date,
    /// The day it ended, `None` while in office.
    pub to: Option<Date>,
}

impl Office {
    /// Whether the office is held on `date`.
    pub fn holds_on(&self, date: Date) -> bool {
        self.from <= date && self.to.is_none_or(|to| date < to)
    }

    /// The country part of the code.
    pub fn country(&self) -> &str {
        &self.code[..3]
    }
}

/// A named person.
#[derive(Clone, Debug)]
pub struct Person {
    /// Canonical full name.
    pub name: String,
    /// Other spellings and distinctive short names.
    pub names: Vec<String>,
    /// The words used alone after the full name, when not the last word of the name (several spellings allowed).
    pub surnames: Vec<String>,
    /// `Some('f')`, `Some('m')`, or unknown.
    pub gender: Option<char>,
    /// Terms of office, as listed.
    pub offices: Vec<Office>,
    /// Where it was written.
    pub loc: Loc,
}

impl Person {
    fn absorb(&mut self, other: Person) {
        for n in other.names {
            if !self.names.contains(&n) {
                self.names.push(n);
            }
        }
        for n in other.surnames {
            if !self.surnames.contains(&n) {
                self.surnames.push(n);
            }
        }
        for o in other.offices {
            if !self.offices.iter().any(|x| x.code == o.code && x.from == o.from) {
                self.offices.push(o);
            }
        }
        self.gender = self.gender.or(other.gender);
    }

    /// The office that codes this person on `date`: the first listed term held that day; otherwise `None` and the
    /// term nearest in time (whose country the person is then coded `ELI` of). With no date, the latest term (of
    /// terms alike, the first listed: Macron's French presidency, not the Andorran co-principality it brings).
    pub fn office_on(&self, date: Option<Date>) -> (Option<&Office>, &Office) {
        let latest = self
            .offices
            .iter()
            .rev()
            .max_by_key(|o| (o.to.is_none(), o.to, o.from))
            .expect("validated: every person has an office");
        let Some(date) = date else { return (Some(latest), latest) };
        if let Some(o) = self.offices.iter().find(|o| o.holds_on(date)) {
            return (Some(o), o);
        }
        let dist = |o: &Office| {
            let d = date.to_days();
            if d < o.from.to_days() {
                o.from.to_days() - d
            } else {
                o.to.map_or(0, |t| d - t.to_days())
            }
        };
        (None, self.offices.iter().min_by_key(|o| dist(o)).unwrap_or(latest))
    }
}

/// Kinds of organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgKind {
    /// Inter-governmental.
    Igo,
    /// Non-governmental.
    Ngo,
    /// Political party.
    Party,
    /// Armed group.
    Armed,
    /// Company.
    Company,
    /// News media.
    Media,
    /// Anything else.
    Other,
}

/// An organisation.
#[derive(Clone, Debug)]
pub struct Org {
    /// CAMEO actor code.
    pub code: String,
    /// Canonical name.
    pub name: String,
    /// Other names and abbreviations.
    pub names: Vec<String>,
    /// Its kind.
    pub kind: OrgKind,
    /// `local: REB`: a regional branch coded as this agent of the state the text places it in (`JNIM` in Mali is
    /// `MLIREB`), and by its own code only where no state is named.
    pub local: Option<String>,
    /// `from: AFGGOV | 2021-08-15`: from that date on the organisation is coded by that code (a movement that took
    /// power: the Taliban are Afghanistan's government from 15 August 2021), in date order.
    pub from: Vec<(Date, String)>,
    /// Where it was written.
    pub loc: Loc,
}

/// A phrase that contains an actor's name but is not an actor.
#[derive(Clone, Debug)]
pub struct NonActor {
    /// The phrase, possibly with `{adj}` or `{country}` placeholders.
    pub phrase: String,
    /// Where it was written.
    pub loc: Loc,
}

/// One pattern of an event entry, as written.
#[derive(Clone, Debug)]
pub struct PatternDef {
    /// Stable id, unique across all event files (`phone.conversation`).
    pub id: String,
    /// The pattern text (see `dictionaries/FORMAT.md`).
    pub text: String,
    /// Where it was written.
    pub loc: Loc,
}

/// An event entry: a CAMEO code and the patterns that produce it.
#[derive(Clone, Debug)]
pub struct VerbEntry {
    /// The CAMEO event code.
    pub code: String,
    /// A short description.
    pub name: String,
    /// Whether the event goes both ways ("X met Y" is also "Y met X").
    pub mutual: bool,
    /// The patterns.
    pub patterns: Vec<PatternDef>,
    /// Where it was written.
    pub loc: Loc,
}

/// An entry of a fact-pattern file (`facts/*.dict`): its header and its fields as (line, key, raw value).
#[derive(Clone, Debug)]
pub struct FactEntryDef {
    /// The header line: `TYPE label`.
    pub header: String,
    /// The fields: (line, key, the text after `key:`, trimmed).
    pub fields: Vec<(u64, String, String)>,
    /// Where it was written.
    pub loc: Loc,
}

/// All dictionaries, validated and merged.
#[derive(Clone, Debug, Default)]
pub struct Dictionaries {
    /// States and territories.
    pub countries: Vec<Country>,
    /// Agent types.
    pub agents: Vec<Agent>,
    /// People.
    pub people: Vec<Person>,
    /// Organisations.
    pub orgs: Vec<Org>,
    /// Non-actor phrases.
    pub nonactors: Vec<NonActor>,
    /// Event patterns by CAMEO code.
    pub verbs: Vec<VerbEntry>,
    /// Fact patterns (`facts/*.dict`), compiled and validated by [`crate::facts::FactFinder`].
    pub facts: Vec<FactEntryDef>,
    version: String,
}

/// The environment variable naming a user's dictionary folder.
pub const DICT_ENV: &str = "DYAD_DICT";

impl Dictionaries {
    /// The built-in dictionaries only.
    pub fn builtin() -> Result<Dictionaries> {
        Dictionaries::load(None)
    }

    /// The built-in dictionaries, extended by every `*.dict` file in `user_dir` (recursively).
    pub fn load(user_dir: Option<&Path>) -> Result<Dictionaries> {
        let mut files: Vec<(String, String)> =
            BUILTIN.iter().map(|(name, text)| (name.to_string(), text.to_string())).collect();
        if let Some(dir) = user_dir {
            let mut found = Vec::new();
            collect_dicts(dir, dir, &mut found).map_err(|e| {
                Error::new(ErrorKind::Dictionary, format!("cannot read dictionary folder: {e}"))
                    .in_file(dir.display().to_string())
            })?;
            if found.is_empty() {
                return Err(Error::new(ErrorKind::Dictionary, "no *.dict file in the dictionary folder")
                    .in_file(dir.display().to_string()));
            }
            for (rel, path) in found {
                let text = std::fs::read_to_string(&path).map_err(|e| {
                    Error::new(ErrorKind::Dictionary, e.to_string()).in_file(path.display().to_string())
                })?;
                // A user's event file with a built-in file's path replaces that file whole (to edit it in place).
                if rel.starts_with("events/") || rel.starts_with("facts/") {
                    files.retain(|(name, _)| name != &rel);
                }
                files.push((format!("user:{rel}"), text));
            }
        }
        Dictionaries::from_files(&files)
    }

    /// Dictionaries from (name, contents) pairs, in order; later entries with the same key replace earlier ones.
    /// A file's role is its name: `countries.dict`, `agents.dict`, `orgs.dict`, `nonactors.dict`, anything else
    /// holds people.
    pub fn from_files(files: &[(String, String)]) -> Result<Dictionaries> {
        let mut d = Dictionaries::default();
        let mut hash = Fnv::new();
        for (name, text) in files {
            hash.write(name.as_bytes());
            hash.write(text.as_bytes());
            let file: Arc<str> = Arc::from(name.as_str());
            let base = name.rsplit('/').next().unwrap_or(name).trim_start_matches("user:");
            let rel = name.trim_start_matches("user:");
            if rel.starts_with("facts/") {
                let entries = parse_file(&file, text, true)?;
                // A user's file with a built-in file's name replaced it whole above; entries are validated when the
                // fact patterns are compiled.
                d.facts.extend(entries.into_iter().map(|e| FactEntryDef {
                    header: e.header,
                    fields: e.fields.into_iter().map(|f| (f.line, f.key, f.raw.trim().to_string())).collect(),
                    loc: e.loc,
                }));
                continue;
            }
            if rel.starts_with("events/") {
                let entries = parse_file(&file, text, false)?;
                let new: Vec<VerbEntry> = entries.iter().map(verb_entry).collect::<Result<_>>()?;
                add_verbs(&mut d.verbs, new, name.starts_with("user:"))?;
                continue;
            }
            let entries = parse_file(&file, text, true)?;
            match base {
                "countries.dict" => {
                    merge(&mut d.countries, entries.iter().map(country).collect::<Result<_>>()?, |c| c.code.clone())
                }
                "agents.dict" => {
                    merge(&mut d.agents, entries.iter().map(agent).collect::<Result<_>>()?, |a| a.code.clone())
                }
                "orgs.dict" => merge(&mut d.orgs, entries.iter().map(org).collect::<Result<_>>()?, |o| {
                    (o.code.clone(), o.name.clone())
                }),
                "nonactors.dict" => {
                    for e in &entries {
                        if !e.fields.is_empty() {
                            return Err(
                                e.error_at(e.fields[0].line, "nonactors.dict takes one phrase a line, no fields")
                            );
                        }
                        let slots = e.header.matches("{adj}").count() + e.header.matches("{country}").count();
                        let braces = e.header.matches('{').count();
                        if slots > 1 || braces != slots {
                            return Err(e.error("a non-actor phrase takes at most one slot, {adj} or {country}"));
                        }
                        d.nonactors.push(NonActor { phrase: e.header.clone(), loc: e.loc.clone() });
                    }
                }
                _ => {
                    let people: Vec<Person> = entries.iter().map(person).collect::<Result<_>>()?;
                    if name.starts_with("user:") {
                        merge(&mut d.people, people, |p| p.name.clone());
                    } else {
                        // The same person in two built-in files (a prime minister who later led NATO): one entry
                        // with the terms and names of both.
                        for p in people {
                            match d.people.iter_mut().find(|q| q.name == p.name) {
                                Some(q) => q.absorb(p),
                                None => d.people.push(p),
                            }
                        }
                    }
                }
            }
        }
        d.version = format!("dict-{:016x}", hash.finish());
        d.check_references()?;
        Ok(d)
    }

    /// A version string that changes whenever any dictionary file changes.
    pub fn version(&self) -> &str {
        &self.version
    }

    fn check_references(&self) -> Result<()> {
        for c in &self.countries {
            for (agent, _) in &c.institutions {
                if !self.agents.iter().any(|a| &a.code == agent) && !self.agents.is_empty() {
                    return Err(Error::new(ErrorKind::Dictionary, format!("unknown agent code {agent:?}"))
                        .in_file(c.loc.file.to_string())
                        .at_line(c.loc.line));
                }
            }
        }
        for o in &self.orgs {
            if let Some(agent) = &o.local {
                if !self.agents.iter().any(|a| &a.code == agent) && !self.agents.is_empty() {
                    return Err(Error::new(ErrorKind::Dictionary, format!("unknown agent code {agent:?}"))
                        .in_file(o.loc.file.to_string())
                        .at_line(o.loc.line));
                }
            }
        }
        Ok(())
    }
}

fn collect_dicts(root: &Path, dir: &Path, out: &mut Vec<(String, std::path::PathBuf)>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<std::io::Result<Vec<_>>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        if e.file_type()?.is_dir() {
            collect_dicts(root, &p, out)?;
        } else if p.extension().is_some_and(|x| x == "dict") {
            let rel = p.strip_prefix(root).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            out.push((rel, p));
        }
    }
    Ok(())
}

/// Adds `new` to `into`; an entry whose key is already there replaces the old one.
fn merge<T, K: Eq + std::hash::Hash>(into: &mut Vec<T>, new: Vec<T>, key: impl Fn(&T) -> K) {
    let mut index: HashMap<K, usize> = into.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    for x in new {
        match index.get(&key(&x)) {
            Some(&i) => into[i] = x,
            None => {
                index.insert(key(&x), into.len());
                into.push(x);
            }
        }
    }
}

fn is_code(s: &str, min_parts: usize) -> bool {
    s.len() >= 3 * min_parts && s.len() % 3 == 0 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn split_header(e: &RawEntry, what: &str) -> Result<(String, String)> {
    let (code, name) = e.header.split_once(char::is_whitespace).unwrap_or((e.header.as_str(), ""));
    if !is_code(code, 1) {
        return Err(e.error(format!("{what} header must start with an upper-case CAMEO code, found {code:?}")));
    }
    let name = name.trim();
    if name.is_empty() {
        return Err(e.error(format!("{what} header needs a name after the code")));
    }
    Ok((code.to_string(), name.to_string()))
}

fn country(e: &RawEntry) -> Result<Country> {
    let (code, name) = split_header(e, "a country")?;
    if code.len() != 3 {
        return Err(e.error(format!("a country code has three letters, found {code:?}")));
    }
    let mut c = Country {
        code,
        name,
        names: vec![],
        adjectives: vec![],
        people: vec![],
        capitals: vec![],
        cities: vec![],
        institutions: vec![],
        kind: CountryKind::State,
        loc: e.loc.clone(),
    };
    for f in &e.fields {
        match f.key.as_str() {
            "names" => c.names.extend(f.values.iter().cloned()),
            "adjectives" => c.adjectives.extend(f.values.iter().cloned()),
            "people" => c.people.extend(f.values.iter().cloned()),
            "capitals" => c.capitals.extend(f.values.iter().cloned()),
            "cities" => c.cities.extend(f.values.iter().cloned()),
            "kind" => {
                c.kind = match f.one(e)? {
                    "state" => CountryKind::State,
                    "observer" => CountryKind::Observer,
                    "territory" => CountryKind::Territory,
                    other => {
                        return Err(e.error_at(f.line, format!("kind is state, observer or territory, not {other:?}")))
                    }
                }
            }
            k if is_code(k, 1) && k.len() == 3 => {
                c.institutions.extend(f.values.iter().map(|v| (k.to_string(), v.clone())));
            }
            k => return Err(e.error_at(f.line, format!("unknown key {k:?} for a country"))),
        }
    }
    Ok(c)
}

fn verb_entry(e: &RawEntry) -> Result<VerbEntry> {
    let (code, name) = e.header.split_once(char::is_whitespace).unwrap_or((e.header.as_str(), ""));
    if crate::codebook::Codebook::get().info(code).is_none() {
        return Err(e.error(format!("{code:?} is not a CAMEO event code")));
    }
    let mut v = VerbEntry {
        code: code.to_string(),
        name: name.trim().to_string(),
        mutual: false,
        patterns: vec![],
        loc: e.loc.clone(),
    };
    for f in &e.fields {
        match f.key.as_str() {
            "mutual" => {
                v.mutual = match f.raw.trim() {
                    "yes" => true,
                    "no" => false,
                    other => return Err(e.error_at(f.line, format!("mutual is yes or no, not {other:?}"))),
                }
            }
            id if id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b)) => {
                let text = f.raw.trim().to_string();
                if text.is_empty() {
                    return Err(e.error_at(f.line, format!("pattern {id:?} is empty")));
                }
                v.patterns.push(PatternDef {
                    id: id.to_string(),
                    text,
                    loc: Loc { file: e.loc.file.clone(), line: f.line },
                });
            }
            k => {
                return Err(e.error_at(
                    f.line,
                    format!("unknown key {k:?}: a pattern id is lower-case letters, digits, '.', '-' or '_'"),
                ))
            }
        }
    }
    Ok(v)
}

/// Adds event entries; a pattern id must be new, except in a user's file, where it replaces the built-in pattern.
fn add_verbs(into: &mut Vec<VerbEntry>, new: Vec<VerbEntry>, user: bool) -> Result<()> {
    // Within one file an id is used once, built-in or not.
    let mut ids: HashMap<&str, &PatternDef> = HashMap::new();
    for p in new.iter().flat_map(|e| &e.patterns) {
        if let Some(first) = ids.insert(&p.id, p) {
            return Err(Error::new(
                ErrorKind::Dictionary,
                format!("pattern id {:?} is already used at {}", p.id, first.loc),
            )
            .in_file(p.loc.file.to_string())
            .at_line(p.loc.line));
        }
    }
    for mut entry in new {
        for p in &entry.patterns {
            for old in into.iter_mut() {
                if let Some(pos) = old.patterns.iter().position(|q| q.id == p.id) {
                    if !user {
                        return Err(Error::new(
                            ErrorKind::Dictionary,
                            format!("pattern id {:?} is already used at {}", p.id, old.patterns[pos].loc),
                        )
                        .in_file(p.loc.file.to_string())
                        .at_line(p.loc.line));
                    }
                    old.patterns.remove(pos);
                }
            }
        }
        match into.iter_mut().find(|x| x.code == entry.code && x.name == entry.name) {
            Some(x) => {
                x.patterns.append(&mut entry.patterns);
                x.mutual |= entry.mutual;
            }
            None => into.push(entry),
        }
    }
    Ok(())
}

fn agent(e: &RawEntry) -> Result<Agent> {
    let (code, name) = split_header(e, "an agent")?;
    let mut a = Agent { code, name, words: vec![], loc: e.loc.clone() };
    for f in &e.fields {
        match f.key.as_str() {
            "words" => {
                for w in &f.values {
                    if w.chars().any(char::is_uppercase) {
                        return Err(e.error_at(f.line, format!("agent words are written in lower case: {w:?}")));
                    }
                }
                a.words.extend(f.values.iter().cloned())
            }
            k => return Err(e.error_at(f.line, format!("unknown key {k:?} for an agent"))),
        }
    }
    Ok(a)
}

fn org(e: &RawEntry) -> Result<Org> {
    let (code, name) = split_header(e, "an organisation")?;
    let mut o = Org { code, name, names: vec![], kind: OrgKind::Other, local: None, from: vec![], loc: e.loc.clone() };
    for f in &e.fields {
        match f.key.as_str() {
            "names" => o.names.extend(f.values.iter().cloned()),
            "kind" => {
                o.kind = match f.one(e)? {
                    "igo" => OrgKind::Igo,
                    "ngo" => OrgKind::Ngo,
                    "party" => OrgKind::Party,
                    "armed" => OrgKind::Armed,
                    "company" => OrgKind::Company,
                    "media" => OrgKind::Media,
                    "other" => OrgKind::Other,
                    other => {
                        return Err(e.error_at(
                            f.line,
                            format!("kind is igo, ngo, party, armed, company, media or other, not {other:?}"),
                        ))
                    }
                }
            }
            "local" => {
                let agent = f.one(e)?;
                if agent.len() != 3 || !agent.chars().all(|c| c.is_ascii_uppercase()) {
                    return Err(e.error_at(f.line, format!("local is an agent code of three capitals, not {agent:?}")));
                }
                o.local = Some(agent.to_string());
            }
            "from" => {
                let raw: Vec<&str> = f.raw.split('|').map(str::trim).collect();
                let [code, date] = raw[..] else {
                    return Err(e.error_at(f.line, "from is CODE | YYYY-MM-DD"));
                };
                if !is_code(code, 2) {
                    return Err(e.error_at(f.line, format!("from code must be a country and an agent, found {code:?}")));
                }
                let date: Date = date.parse().map_err(|err| e.error_at(f.line, format!("from date: {err}")))?;
                o.from.push((date, code.to_string()));
                o.from.sort_by_key(|d| d.0);
            }
            k => return Err(e.error_at(f.line, format!("unknown key {k:?} for an organisation"))),
        }
    }
    Ok(o)
}

fn person(e: &RawEntry) -> Result<Person> {
    let mut p = Person {
        name: e.header.clone(),
        names: vec![],
        surnames: vec![],
        gender: None,
        offices: vec![],
        loc: e.loc.clone(),
    };
    for f in &e.fields {
        match f.key.as_str() {
            "names" => p.names.extend(f.values.iter().cloned()),
            "surname" => p.surnames.extend(f.values.iter().cloned()),
            "gender" => {
                p.gender = Some(match f.one(e)? {
                    "m" => 'm',
                    "f" => 'f',
                    other => return Err(e.error_at(f.line, format!("gender is m or f, not {other:?}"))),
                })
            }
            "office" => {
                let raw: Vec<&str> = f.raw.split('|').map(str::trim).collect();
                if raw.len() != 4 {
                    return Err(e.error_at(f.line, "office is CODE | role | from | to (to empty while in office)"));
                }
                let (code, role, from, to) = (raw[0], raw[1], raw[2], raw[3]);
                if !is_code(code, 2) {
                    return Err(
                        e.error_at(f.line, format!("office code must be a country and an agent, found {code:?}"))
                    );
                }
                let date = |s: &str| -> Result<Date> {
                    s.parse().map_err(|err| e.error_at(f.line, format!("office date: {err}")))
                };
                let from = date(from)?;
                let to = if to.is_empty() { None } else { Some(date(to)?) };
                if to.is_some_and(|t| t < from) {
                    return Err(e.error_at(f.line, "office ends before it starts"));
                }
                p.offices.push(Office { code: code.to_string(), role: role.to_string(), from, to });
            }
            k => return Err(e.error_at(f.line, format!("unknown key {k:?} for a person"))),
        }
    }
    if p.offices.is_empty() {
        return Err(e.error("a person needs at least one office line"));
    }
    Ok(p)
}

/// FNV-1a, 64 bits: a stable content hash for the dictionary version.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x100_0000_01b3);
        }
        // Separate consecutive writes.
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x100_0000_01b3);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn builtin_loads() {
        let d = Dictionaries::builtin().unwrap();
        assert!(d.version().starts_with("dict-"));
    }

    #[test]
    fn without_a_date_the_first_listed_of_alike_terms_codes_a_person() {
        let d = Dictionaries::from_files(&files(&[(
            "people/x.dict",
            "Emmanuel Macron\n    office: FRAGOV | President | 2017-05-14 |\n    office: ANDGOV | Co-Prince | 2017-05-14 |\n\
             Someone Else\n    office: BLRGOV | Minister | 2001-01-01 | 2005-01-01\n    office: BLRGOV | President | 2006-01-01 |\n",
        )]))
        .unwrap();
        assert_eq!(d.people[0].office_on(None).1.code, "FRAGOV");
        assert_eq!(d.people[1].office_on(None).1.role, "President");
    }

    #[test]
    fn errors_name_file_and_line() {
        let err =
            Dictionaries::from_files(&files(&[("countries.dict", "# c\nBLR Belarus\n    nmes: Minsk\n")])).unwrap_err();
        assert_eq!(err.to_string(), "countries.dict:3: unknown key \"nmes\" for a country [dictionary]");
        let err = Dictionaries::from_files(&files(&[(
            "people/x.dict",
            "Someone\n    office: BLRGOV | President | 2020-02-30 |\n",
        )]))
        .unwrap_err();
        assert_eq!(err.line(), Some(2));
        let err = Dictionaries::from_files(&files(&[("countries.dict", "    names: x\n")])).unwrap_err();
        assert_eq!(err.line(), Some(1));
    }

    #[test]
    fn user_entries_replace_builtin_ones() {
        let d = Dictionaries::from_files(&files(&[
            ("countries.dict", "BLR Belarus\n    capitals: Minsk\n"),
            ("user:countries.dict", "BLR Belarus\n    capitals: Minsk | Brest\nXYZ Testland\n"),
        ]))
        .unwrap();
        assert_eq!(d.countries.len(), 2);
        assert_eq!(d.countries[0].capitals, vec!["Minsk", "Brest"]);
    }

    #[test]
    fn offices_follow_the_date() {
        let d = Dictionaries::from_files(&files(&[(
            "people/x.dict",
            "Barack Obama\n    gender: m\n    office: USAGOV | President | 2009-01-20 | 2017-01-20\n",
        )]))
        .unwrap();
        let p = &d.people[0];
        assert!(p.office_on(Some("2016-05-01".parse().unwrap())).0.is_some());
        assert!(p.office_on(Some("2022-05-01".parse().unwrap())).0.is_none());
        assert_eq!(p.office_on(Some("2022-05-01".parse().unwrap())).1.country(), "USA");
    }
}
