//! Actor recognition: dictionary names compiled once into one automaton, matched on word boundaries, composed
//! into actor mentions ("Belarusian President Alexander Lukashenko" is one `BLRGOV` mention), and resolved within
//! the document (surnames after full names, he/she, the speaker's "I" and the addressee's "you", "the two sides").
//!
//! ```
//! use dyad::actors::ActorMatcher;
//! use dyad::dict::Dictionaries;
//! use dyad::Document;
//! let matcher = ActorMatcher::new(&Dictionaries::builtin().unwrap());
//! let doc = Document::from_text("1", None, "Belarusian President Alexander Lukashenko called China.");
//! let mentions = matcher.find(&doc);
//! assert_eq!(mentions[0].code, "BLRGOV");
//! assert_eq!(mentions[1].code, "CHN");
//! ```

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use aho_corasick::{AhoCorasick, Input, MatchKind};

use crate::date::Date;
use crate::dict::{Dictionaries, Loc, OrgKind};
use crate::document::{Document, Span};

/// What kind of actor a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A state, by name, adjective, people or capital.
    State,
    /// A named person.
    Person,
    /// A named organisation or national institution.
    Organisation,
    /// A state's agent named by role ("Belarusian President", "the Chinese side").
    Role,
}

impl MentionKind {
    /// Lower-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::State => "state",
            MentionKind::Person => "person",
            MentionKind::Organisation => "organisation",
            MentionKind::Role => "role",
        }
    }
}

/// How a mention was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Via {
    /// A dictionary name.
    Name,
    /// A surname, after the full name appeared in the document.
    Surname,
    /// "he", "she": the last person mentioned.
    Pronoun,
    /// "I", "we": the speaker.
    Speaker,
    /// "you": the person spoken to.
    Addressee,
    /// "the two sides", "both countries": the pair the document is about.
    Pair,
    /// Resolved from context: a role without a country ("police", "the government", "protesters", "the troops"),
    /// filled in with the army or armed group named just before, the place the sentence names, a junta's state or
    /// the state the document is about; or a definite description ("the group", "the alliance", "the bloc") of an
    /// organisation named shortly before.
    Context,
    /// Not named at all: the government that a domestic protest with no named target is against ("thousands
    /// marched in Caracas"); the mention's span is the event's anchor word.
    Implied,
}

impl Via {
    /// Lower-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Name => "name",
            Via::Surname => "surname",
            Via::Pronoun => "pronoun",
            Via::Speaker => "speaker",
            Via::Addressee => "addressee",
            Via::Pair => "pair",
            Via::Context => "context",
            Via::Implied => "implied",
        }
    }
}

/// One actor mention: a span of the document and the actor it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// `None` in the title, else the sentence index.
    pub sentence: Option<usize>,
    /// Bytes of the document text.
    pub span: Span,
    /// The CAMEO actor code (`BLRGOV`, `CHN`, `IGOUNO`).
    pub code: String,
    /// The three-letter country code, when the actor belongs to a state.
    pub country: Option<String>,
    /// The agent code (`GOV`, `MIL`, …), when there is one.
    pub agent: Option<String>,
    /// Canonical name of the actor.
    pub name: String,
    /// State, person, organisation or role.
    pub kind: MentionKind,
    /// The dictionary entry that decided the code (`actors/people/europe_east.dict:12`).
    pub entry: String,
    /// How the mention was found.
    pub via: Via,
    /// Index of the person in the dictionaries, for coreference.
    pub person: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Name,
    Adjective,
    People,
    Capital,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pron {
    I,
    You,
    We,
    He,
    She,
    They,
}

/// What a dictionary string names. `Pair { other: true }`: "his guest", "her hosts", the member of the pair that is
/// not the owner's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Payload {
    Block,
    Org(u32),
    Person { idx: u32, anywhere: bool },
    Country { idx: u32, form: Form },
    Institution { country: u32, agent: u32, name: u32 },
    Agent(u32),
    Pair { gov: bool, other: bool },
    Pronoun(Pron),
}

impl Payload {
    fn rank(&self) -> u8 {
        match self {
            Payload::Block => 0,
            Payload::Org(_) => 1,
            Payload::Person { anywhere: true, .. } => 2,
            Payload::Country { .. } => 3,
            Payload::Institution { .. } => 4,
            Payload::Agent(_) => 5,
            Payload::Person { anywhere: false, .. } => 6,
            Payload::Pair { .. } => 7,
            Payload::Pronoun(_) => 8,
        }
    }
}

const PAIRS_GOV: &[&str] = &[
    "the two sides",
    "both sides",
    "the two leaders",
    "both leaders",
    "the two heads of state",
    "both heads of state",
    "the two presidents",
    "both presidents",
    // Plural titles without "two" are the pair too ("The presidents signed 15 agreements"), but not before "of"
    // ("the presidents of Russia, China and Iran").
    "the presidents",
    "the prime ministers",
    "the foreign ministers",
    "the two governments",
    "both governments",
    "the two foreign ministers",
    "both foreign ministers",
    "the two ministers",
    "both ministers",
    "the two prime ministers",
    "both prime ministers",
    "the two Presidents",
    "the two Prime Ministers",
    "the two Foreign Ministers",
    "the two delegations",
    "both delegations",
    "the two parties",
    "both parties",
    "the two heads of government",
    "the two premiers",
    "the two chancellors",
    "the two defence ministers",
    "the two defense ministers",
    "both defence ministers",
    "both defense ministers",
    "ministers from both countries",
    "ministers from both governments",
    "ministers from both sides",
    "officials from both countries",
    "officials from both sides",
    "officials of both countries",
];
/// The pair's officials with "their" opening a sentence ("Their foreign ministers signed …") or owned by "the two
/// countries" ("the two countries' defence ministers"); written as they are matched (no capitalised copy).
const PAIRS_OPENING: &[&str] = &[
    "Their foreign ministers",
    "Their defence ministers",
    "Their defense ministers",
    "Their prime ministers",
    "Their presidents",
    "Their governments",
    "Their delegations",
    "Their leaders",
    "Their ministers",
    "the two countries' foreign ministers",
    "the two countries' defence ministers",
    "the two countries' defense ministers",
    "the two countries' leaders",
    "the two countries' governments",
    "the two countries' delegations",
    "the two countries' ministers",
    "The two countries' foreign ministers",
    "The two countries' defence ministers",
    "The two countries' defense ministers",
    "The two countries' leaders",
    "The two countries' governments",
    "The two countries' delegations",
    "The two countries' ministers",
    "both countries' foreign ministers",
    "both countries' leaders",
    "both countries' governments",
    "both countries' delegations",
    "Both countries' foreign ministers",
    "Both countries' leaders",
    "Both countries' governments",
    "Both countries' delegations",
];
/// A visitor's host or a host's guest: the other member of the pair than the owner ("his guest" after Xi is Russia's).
/// "Each side accused the other", "the warring parties", "urged both warring sides to …": the pair of a conflict
/// story, named by its sides rather than by "two"; resolved only when the pair is clear (`clear_pair`).
const PAIRS_SIDES: &[&str] = &[
    "each side",
    "each party",
    "each country",
    "each government",
    "each",
    "the warring parties",
    "the warring sides",
    "both warring parties",
    "both warring sides",
    "the two warring parties",
    "the two warring sides",
    "the two warring countries",
    "the two warring nations",
];
const PAIRS_OTHER: &[&str] = &[
    "his guest",
    "her guest",
    "his guests",
    "her guests",
    "their guests",
    "his host",
    "her host",
    "his hosts",
    "her hosts",
    "their hosts",
    "his visitor",
    "her visitor",
    "his visiting counterpart",
    "her visiting counterpart",
];
const PAIRS_STATE: &[&str] = &[
    "the two countries",
    "both countries",
    "the two nations",
    "both nations",
    "the two states",
    "both states",
    "the two neighbours",
    "the two neighbors",
    "both neighbours",
    "both neighbors",
    "our countries",
    "our two countries",
    "our nations",
    "our two nations",
    "our states",
    "our two states",
];
const PRONOUNS: &[(&str, Pron)] = &[
    ("I", Pron::I),
    ("me", Pron::I),
    ("you", Pron::You),
    ("You", Pron::You),
    ("we", Pron::We),
    ("We", Pron::We),
    ("us", Pron::We),
    ("he", Pron::He),
    ("He", Pron::He),
    ("him", Pron::He),
    ("she", Pron::She),
    ("She", Pron::She),
    ("her", Pron::She),
    ("They", Pron::They),
    ("they", Pron::They),
];
/// Verbs of saying that make the person before them the speaker of a sentence.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "stressed",
    "stresses",
    "pointed out",
    "points out",
    "noted",
    "notes",
    "added",
    "adds",
    "told",
    "tells",
    "stated",
    "states",
    "emphasized",
    "emphasised",
    "underlined",
    "underscored",
    "remarked",
    "expressed",
    "speaks",
    "spoke",
    "declared",
    "announced",
    "wrote",
    "replied",
    "recalled",
    "asserted",
    "insisted",
    "highlighted",
    "affirmed",
    "reiterated",
    "explained",
    "urged",
    "hoped",
    "hopes",
    "thanked",
    "congratulated",
    "wished",
    "wishes",
    "welcomed",
    "agreed",
    "proposed",
    "suggested",
    "called",
];

/// The compiled actor dictionaries: build once with [`ActorMatcher::new`], share across threads, and call
/// [`ActorMatcher::find`] on each document.
pub struct ActorMatcher {
    ac: AhoCorasick,
    /// For each pattern, its payloads, best first.
    payloads: Vec<Vec<Payload>>,
    dict: Arc<Dictionaries>,
    /// Institution names, indexed by `Payload::Institution::name`.
    institution_names: Vec<String>,
    entries: Entries,
    /// Non-actor phrases with a `{adj}` or `{country}` slot, checked around each country match.
    templates: Templates,
    /// Organisations by their entry's `file:line`, to find a mention's organisation.
    org_by_entry: HashMap<String, usize>,
    /// Every country adjective ("Israeli"), which names no place.
    adjectives: HashSet<String>,
}

/// Pre-rendered `file:line` strings for every entry.
struct Entries {
    countries: Vec<String>,
    agents: Vec<String>,
    people: Vec<String>,
    orgs: Vec<String>,
    nonactors: Vec<String>,
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if w == "of" || w == "the" || w == "and" {
                w.to_string()
            } else {
                w.split('-').map(capitalise).collect::<Vec<_>>().join("-")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The last word of a full name, or its stated surname, with Arabic particles dropped ("al-Assad" → "Assad").
fn surnames_of(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return vec![];
    }
    let last = words[words.len() - 1];
    let roman = last.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    if roman || last.chars().count() < 2 || last.ends_with('.') {
        return vec![];
    }
    let mut out = vec![last.to_string()];
    for p in ["al-", "Al-", "el-", "El-", "ad-", "as-", "ash-", "an-"] {
        if let Some(rest) = last.strip_prefix(p) {
            out.push(rest.to_string());
        }
    }
    out
}

impl ActorMatcher {
    /// Compiles the dictionaries into one automaton.
    pub fn new(dict: &Dictionaries) -> ActorMatcher {
        ActorMatcher::from_arc(Arc::new(dict.clone()))
    }

    /// Compiles shared dictionaries.
    pub fn from_arc(dict: Arc<Dictionaries>) -> ActorMatcher {
        let mut map: HashMap<String, Vec<Payload>> = HashMap::new();
        let mut add = |s: &str, p: Payload| {
            let s = s.trim();
            if s.is_empty() {
                return;
            }
            let mut variants = vec![s.to_string()];
            if s.contains('\'') {
                variants.push(s.replace('\'', "’"));
            }
            if s.contains('-') {
                variants.push(s.replace('-', "–"));
            }
            for v in variants {
                let list = map.entry(v).or_default();
                if !list.contains(&p) {
                    list.push(p);
                }
            }
        };
        let mut institution_names = Vec::new();
        for (i, c) in dict.countries.iter().enumerate() {
            let idx = i as u32;
            for n in std::iter::once(&c.name).chain(&c.names) {
                add(n, Payload::Country { idx, form: Form::Name });
            }
            for n in &c.adjectives {
                add(n, Payload::Country { idx, form: Form::Adjective });
            }
            for n in &c.people {
                add(n, Payload::Country { idx, form: Form::People });
            }
            for n in c.capitals.iter().chain(&c.cities) {
                add(n, Payload::Country { idx, form: Form::Capital });
            }
            for (agent, name) in &c.institutions {
                let Some(a) = dict.agents.iter().position(|x| &x.code == agent) else { continue };
                institution_names.push(name.clone());
                let p =
                    Payload::Institution { country: idx, agent: a as u32, name: (institution_names.len() - 1) as u32 };
                add(name, p);
            }
        }
        for (i, a) in dict.agents.iter().enumerate() {
            for w in &a.words {
                add(w, Payload::Agent(i as u32));
                add(&capitalise(w), Payload::Agent(i as u32));
                add(&title_case(w), Payload::Agent(i as u32));
            }
        }
        for (i, p) in dict.people.iter().enumerate() {
            let idx = i as u32;
            add(&p.name, Payload::Person { idx, anywhere: true });
            for n in &p.names {
                add(n, Payload::Person { idx, anywhere: true });
            }
            let mut surnames: Vec<String> = p.surnames.clone();
            if p.surnames.is_empty() {
                for n in std::iter::once(&p.name).chain(&p.names) {
                    surnames.extend(surnames_of(n));
                }
            }
            for s in surnames {
                add(&s, Payload::Person { idx, anywhere: false });
            }
        }
        for (i, o) in dict.orgs.iter().enumerate() {
            add(&o.name, Payload::Org(i as u32));
            for n in &o.names {
                add(n, Payload::Org(i as u32));
            }
        }
        let mut templates = Templates::default();
        for n in &dict.nonactors {
            match NonActorTemplate::parse(&n.phrase) {
                Some(t) => templates.add(t),
                None => add(&n.phrase, Payload::Block),
            }
        }
        for p in PAIRS_GOV {
            add(p, Payload::Pair { gov: true, other: false });
            add(&capitalise(p), Payload::Pair { gov: true, other: false });
        }
        for p in PAIRS_STATE {
            add(p, Payload::Pair { gov: false, other: false });
            add(&capitalise(p), Payload::Pair { gov: false, other: false });
        }
        for p in PAIRS_OPENING {
            add(p, Payload::Pair { gov: true, other: false });
        }
        for p in PAIRS_SIDES {
            add(p, Payload::Pair { gov: false, other: false });
            add(&capitalise(p), Payload::Pair { gov: false, other: false });
        }
        for p in PAIRS_OTHER {
            add(p, Payload::Pair { gov: true, other: true });
            add(&capitalise(p), Payload::Pair { gov: true, other: true });
        }
        for (w, p) in PRONOUNS {
            add(w, Payload::Pronoun(*p));
        }
        let mut patterns: Vec<(String, Vec<Payload>)> = map.into_iter().collect();
        patterns.sort_by(|a, b| a.0.cmp(&b.0));
        let mut payloads = Vec::with_capacity(patterns.len());
        let mut strings = Vec::with_capacity(patterns.len());
        for (s, mut p) in patterns {
            p.sort_by_key(Payload::rank);
            strings.push(s);
            payloads.push(p);
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&strings)
            .expect("dictionary automaton builds");
        let loc = |l: &Loc| l.to_string();
        let entries = Entries {
            countries: dict.countries.iter().map(|c| loc(&c.loc)).collect(),
            agents: dict.agents.iter().map(|c| loc(&c.loc)).collect(),
            people: dict.people.iter().map(|c| loc(&c.loc)).collect(),
            orgs: dict.orgs.iter().map(|c| loc(&c.loc)).collect(),
            nonactors: dict.nonactors.iter().map(|c| loc(&c.loc)).collect(),
        };
        let _ = &entries.nonactors;
        let org_by_entry = entries.orgs.iter().enumerate().map(|(i, e)| (e.clone(), i)).collect();
        let adjectives = dict.countries.iter().flat_map(|c| c.adjectives.iter().cloned()).collect();
        ActorMatcher { ac, payloads, dict, institution_names, entries, templates, org_by_entry, adjectives }
    }

    /// The dictionaries this matcher was built from.
    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dict
    }

    /// Number of distinct patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.payloads.len()
    }

    /// Every actor mention in the document, title first, in reading order.
    pub fn find(&self, doc: &Document) -> Vec<Mention> {
        let mut state = DocState { date: doc.date, ..DocState::default() };
        let mut out: Vec<Mention> = Vec::new();
        let mut pairs: Vec<(usize, Option<usize>, Span, bool, bool)> = Vec::new(); // (position in out, sentence, span, gov, other)
        let seg_raws: Vec<Vec<Raw>> = doc.segments().map(|seg| self.raw_matches(seg.text)).collect();
        for (seg, raws) in doc.segments().zip(&seg_raws) {
            let chains = chain(seg.text, raws);
            // First the named actors of this segment, so that the speaker is known before "I" and "you".
            let mut seg_mentions: Vec<(usize, Mention)> = Vec::new();
            let mut deferred: Vec<(usize, &Raw)> = Vec::new();
            for (ci, ch) in chains.iter().enumerate() {
                match ch.first().map(|r| r.payload) {
                    Some(Payload::Pronoun(_)) | Some(Payload::Pair { .. }) => deferred.push((ci, &ch[0])),
                    Some(Payload::Block) => {}
                    _ => {
                        if let Some(m) =
                            self.resolve_chain(doc, &seg_raws, seg.sentence, seg.span.start, seg.text, ch, &mut state)
                        {
                            seg_mentions.push((ci, m));
                        }
                    }
                }
            }
            share_agent_over_and(&chains, &mut seg_mentions, doc.text());
            // he/she resolve to the last person before them; do them in order with the named ones.
            let mut all: Vec<(usize, Option<Mention>)> = Vec::new();
            let mut named = seg_mentions.into_iter().peekable();
            let mut deferred_iter = deferred.into_iter().peekable();
            let mut ordered: Vec<(usize, Result<Mention, &Raw>)> = Vec::new();
            loop {
                match (named.peek(), deferred_iter.peek()) {
                    (Some((a, _)), Some((b, _))) if a < b => {
                        let (i, m) = named.next().unwrap();
                        ordered.push((i, Ok(m)));
                    }
                    (Some(_), None) => {
                        let (i, m) = named.next().unwrap();
                        ordered.push((i, Ok(m)));
                    }
                    (_, Some(_)) => {
                        let (i, r) = deferred_iter.next().unwrap();
                        ordered.push((i, Err(r)));
                    }
                    (None, None) => break,
                }
            }
            // Speaker of this segment: a person right before a verb of saying, else a person opening it.
            let seg_speaker = self.segment_speaker(seg.text, seg.span.start, &ordered);
            // Does this segment open with the two sides ("The two leaders …", "Xi and Putin …")? Then a "They"
            // opening the next sentence is them again.
            let named: Vec<&Mention> = ordered.iter().filter_map(|(_, m)| m.as_ref().ok()).collect();
            let opens_with_compound = named.len() >= 2
                && named[0].span.start - seg.span.start < 12
                && named[0].country.is_some()
                && named[1].country.is_some()
                && named[0].country != named[1].country
                && doc.text().get(named[0].span.end..named[1].span.start) == Some(" and ");
            let opens_with_pair = ordered
                .iter()
                .any(|(_, m)| matches!(m, Err(r) if matches!(r.payload, Payload::Pair { .. }) && r.start < 5));
            let they_is_pair = state.prev_pair;
            state.prev_pair = opens_with_compound || opens_with_pair;
            for (i, item) in ordered {
                match item {
                    Ok(m) => {
                        if m.kind == MentionKind::Person {
                            state.note_person(&m, &self.dict);
                        }
                        all.push((i, Some(m)));
                    }
                    Err(raw) => {
                        let span = Span::new(seg.span.start + raw.start, seg.span.start + raw.end);
                        match raw.payload {
                            Payload::Pair { .. }
                                if seg.text[raw.end..].starts_with(" of ")
                                    && !seg.text[raw.start..raw.end].contains("two")
                                    && !seg.text[raw.start..raw.end].contains("both") =>
                            {
                                all.push((i, None));
                            }
                            // "each side of the river", "Each year", "each of them": not the pair.
                            Payload::Pair { .. }
                                if !sides_as_actor(&seg.text[raw.start..raw.end], &seg.text[raw.end..]) =>
                            {
                                all.push((i, None));
                            }
                            Payload::Pair { gov, other } => {
                                pairs.push((out.len() + all.len(), seg.sentence, span, gov, other));
                                all.push((i, None));
                            }
                            Payload::Pronoun(Pron::They) => {
                                if they_is_pair && raw.start < 3 {
                                    pairs.push((out.len() + all.len(), seg.sentence, span, true, false));
                                    state.prev_pair = true;
                                }
                                all.push((i, None));
                            }
                            Payload::Pronoun(p) => {
                                let m = self.resolve_pronoun(p, seg.text, raw, seg.sentence, span, seg_speaker, &state);
                                if let Some(m) = &m {
                                    if matches!(p, Pron::He | Pron::She) {
                                        state.note_person(m, &self.dict);
                                    }
                                }
                                all.push((i, m));
                            }
                            _ => all.push((i, None)),
                        }
                    }
                }
            }
            if let Some(s) = seg_speaker.or_else(|| {
                // "He thanked China": a pronoun opening the sentence makes its person the speaker.
                all.iter()
                    .filter_map(|(_, m)| m.as_ref())
                    .find(|m| m.via == Via::Pronoun && m.span.start - seg.span.start < 3)
                    .and_then(|m| m.person)
            }) {
                state.speaker = Some(s);
            }
            for (_, m) in all {
                match m {
                    Some(m) => out.push(m),
                    None => out.push(placeholder()),
                }
            }
        }
        // "the two sides": the two named just before as "between X and Y" ("a ceasefire between Israel and Hamas …
        // the two sides"), else the two states mentioned most in the document.
        if !pairs.is_empty() {
            let pair = principal_pair(&out);
            for (pos, sentence, span, gov, other) in pairs.into_iter().rev() {
                let mut replacement = Vec::new();
                if other {
                    // "Xi hosted a banquet for his guest", "Putin thanked his hosts": the member of the pair that is
                    // not the state of the last actor named before in the sentence (the owner); no owner, nobody.
                    let owner = out[..pos]
                        .iter()
                        .rev()
                        .take_while(|m| m.sentence == sentence)
                        .find_map(|m| m.country.clone().filter(|_| !m.code.is_empty()));
                    if let (Some(owner), Some((a, b))) = (owner, pair.clone()) {
                        let guest = [(&a, &b), (&b, &a)].into_iter().find(|(o, _)| **o == owner);
                        if let Some((_, c)) = guest {
                            replacement.push(self.pair_member(c, gov, sentence, span));
                        }
                    }
                } else if let Some((a, b)) = coordinated_before(doc, &out[..pos], sentence) {
                    for m in [a, b] {
                        replacement.push(match (&m.country, &m.agent, m.kind) {
                            (Some(c), None, MentionKind::State) => self.pair_member(c, gov, sentence, span),
                            _ => Mention { sentence, span, via: Via::Pair, person: None, ..m.clone() },
                        });
                    }
                } else if let Some((a, b)) = addressed_pair(doc, &out, pos, sentence, span)
                    .or_else(|| {
                        opens_clause(&doc.text()[..span.start])
                            .then(|| named_pair_in_sentence(&out[..pos], sentence))
                            .flatten()
                    })
                    .or_else(|| {
                        // "each side", "the warring parties" only when two states clearly lead the story.
                        if is_sides_phrase(&doc.text()[span.start..span.end]) && !clear_pair(&out) {
                            None
                        } else {
                            pair.clone()
                        }
                    })
                {
                    for c in [a, b] {
                        replacement.push(self.pair_member(&c, gov, sentence, span));
                    }
                }
                out.splice(pos..pos + 1, replacement);
            }
        }
        // "ethnic Albanians in south Serbia", "three ethnic Serb civilians": a minority is coded as civilians of
        // the state it lives in (the place named after it, else the state the document is about), not as the
        // state its name comes from.
        for m in out.iter_mut() {
            let ethnic = doc.text()[..m.span.start]
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| w == "ethnic" || w == "Ethnic");
            if ethnic && m.via == Via::Name && matches!(m.agent.as_deref(), None | Some("CVL")) && m.country.is_some() {
                m.code = String::new();
                m.country = None;
                m.agent = Some("CVL".to_string());
                m.kind = MentionKind::Role;
                m.via = Via::Context;
            }
        }
        // "regime change" names a goal, not a government: "accused Washington of seeking regime change and ordered
        // …" has no actor in "regime".
        out.retain(|m| {
            let text = doc.text();
            !(m.via == Via::Context
                && text[m.span.start..m.span.end].eq_ignore_ascii_case("regime")
                && text[m.span.end..].trim_start().split(|c: char| !c.is_alphabetic()).next() == Some("change"))
        });
        self.localise_branches(doc, &mut out);
        // Roles without a country belong to the state the document mentions most.
        if out.iter().any(|m| m.via == Via::Context) {
            // A story datelined "ISTANBUL -" with no state named is about Turkey's police and protesters.
            let main = principal_country(&out).or_else(|| self.dateline_country(doc));
            let named_states = countries_by_mentions(&out);
            // "Protesters in Kinshasa", "civilians in northern Ethiopia": a place right after the role says whose.
            let located: Vec<Option<String>> = out
                .iter()
                .map(|m| {
                    if m.via != Via::Context {
                        return None;
                    }
                    let right_after = || {
                        let next = out
                            .iter()
                            .filter(|n| n.sentence == m.sentence && n.span.start >= m.span.end && n.country.is_some())
                            .min_by_key(|n| n.span.start)?;
                        let gap = doc.text().get(m.span.end..next.span.start)?;
                        let words = gap.split_whitespace().count();
                        // (Also "students throughout Indonesia", "farmers across France", "teachers around Kenya".)
                        let prep = [" in ", " of ", " from ", " throughout ", " across ", " around "]
                            .iter()
                            .any(|p| gap.starts_with(p));
                        (words <= 5 && prep).then(|| next.country.clone()).flatten()
                    };
                    right_after().or_else(|| self.sentence_place(doc, &out, m, false))
                })
                .collect();
            // "Protesters stormed the Swedish embassy in Baghdad …": the place of the lede's own police, crowds or
            // opposition is where the story's later unplaced ones are ("Security forces detained 20 people"), even
            // when another state is mentioned more.
            // Only a lede that opens with them, as its subject: victims ("killing 30 people") say nothing of it.
            let story_place: Option<String> = out
                .iter()
                .zip(&located)
                .find(|(m, _)| m.sentence == Some(0) && (m.via == Via::Context || !m.code.is_empty()))
                .filter(|(m, _)| {
                    let lede_start = doc.segments().find(|g| g.sentence == Some(0)).map_or(0, |g| g.span.start);
                    m.via == Via::Context
                        && m.span.start.saturating_sub(lede_start) <= 24
                        && matches!(m.agent.as_deref(), Some("CVL" | "COP" | "OPP"))
                })
                .and_then(|(_, p)| p.clone());
            // "German prosecutors … Prosecutors accuse him", "the French ambassador … the ambassador said": a role
            // told again without its state is the one named with it shortly before (unless a place follows it).
            let same_head: Vec<Option<Mention>> = (0..out.len())
                .map(|i| {
                    let placed = located[i].is_some() && self.sentence_place(doc, &out, &out[i], false).is_none();
                    if placed {
                        None
                    } else {
                        same_head_antecedent(doc, &out, i)
                    }
                })
                .collect();
            // "Gunmen attacked a base near Gao in Mali": rebels with no armed group named before are the place's.
            let rebel_places: Vec<Option<String>> = out
                .iter()
                .map(|m| (m.via == Via::Context).then(|| self.sentence_place(doc, &out, m, true)).flatten())
                .collect();
            // "the militants", "the rebels" without a place: the armed group last named before them ("Islamic State
            // fighters … The militants also …"), else the rebels of the state the document is about.
            let armed: Vec<Option<Mention>> = (0..out.len())
                .map(|i| {
                    if out[i].via != Via::Context {
                        return None;
                    }
                    match out[i].agent.as_deref() {
                        Some("REB") => out[..i]
                            .iter()
                            .rev()
                            .find(|n| {
                                n.via != Via::Context
                                    && (n.agent.as_deref() == Some("REB") || n.code.starts_with("IMG"))
                                    && !affiliate_of(doc, n.span)
                            })
                            .cloned(),
                        // "Russian forces shelled Kharkiv … the troops": the army named shortly before.
                        Some("MIL") => out[..i]
                            .iter()
                            .rev()
                            .take_while(|n| match (n.sentence, out[i].sentence) {
                                (Some(a), Some(b)) => b.saturating_sub(a) <= 2,
                                _ => true,
                            })
                            .find(|n| n.via != Via::Context && n.agent.as_deref() == Some("MIL") && n.country.is_some())
                            .cloned(),
                        _ => None,
                    }
                })
                .collect();
            // "Saudi Crown Prince Mohammed bin Salman … The crown prince said": a definite title is the person named
            // shortly before who holds that office on the document's date.
            let titled: Vec<Option<Mention>> = (0..out.len())
                .map(|i| {
                    let m = &out[i];
                    if m.via != Via::Context {
                        return None;
                    }
                    let role = doc.slice(m.span).to_lowercase();
                    if !TITLES.contains(&role.as_str()) {
                        return None;
                    }
                    let before = doc.text()[..m.span.start].trim_end();
                    if !(before.ends_with(" the") || before.ends_with("The") || before == "the") {
                        return None;
                    }
                    out[..i]
                        .iter()
                        .rev()
                        .take_while(|n| within_definite_reach(n.sentence, m.sentence))
                        .filter(|n| n.kind == MentionKind::Person && n.via != Via::Context)
                        .find(|n| {
                            n.person.is_some_and(|p| {
                                let (current, office) = self.dict.people[p].office_on(doc.date);
                                let title = office.role.to_lowercase();
                                current.is_some()
                                    && title.match_indices(role.as_str()).any(|(k, _)| {
                                        let end = k + role.len();
                                        !title[..k].ends_with(|c: char| c.is_alphanumeric() || c == '-')
                                            && !title[end..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
                                    })
                            })
                        })
                        .cloned()
                })
                .collect();
            // "his forces", "the embassy": the army of the person named just before in the sentence, the embassy named
            // shortly before (an embassy is never the host state's own).
            let antecedents: Vec<Option<(String, String)>> =
                (0..out.len()).map(|i| owned_forces_or_embassy(doc, &out, i)).collect();
            // "his counterpart" in a story about exactly two states: the other state's (government), after the person
            // whose counterpart it is; otherwise nobody.
            let states = countries_by_mentions(&out);
            let counterparts: Vec<Option<String>> = (0..out.len())
                .map(|i| {
                    let m = &out[i];
                    let before = doc.text()[..m.span.start].trim_end();
                    let owned = ["his", "her", "His", "Her"].iter().any(|w| {
                        before.strip_suffix(w).is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace))
                    });
                    if m.via != Via::Context || !owned || m.agent.as_deref() == Some("MIL") {
                        return None;
                    }
                    let own = out[..i].iter().rev().find(|n| n.kind == MentionKind::Person && n.country.is_some())?;
                    let own = own.country.as_deref()?;
                    Some(if states.len() == 2 && states.iter().any(|s| s == own) {
                        states.iter().find(|s| *s != own).cloned().unwrap_or_default()
                    } else {
                        String::new()
                    })
                })
                .collect();
            // What the sentence itself says about a role the story's main state would otherwise take.
            let overrides: Vec<Option<Option<String>>> = (0..out.len())
                .map(|i| if out[i].via == Via::Context { role_override(doc, &out, i, main.as_deref()) } else { None })
                .collect();
            for ((((((((m, place), group), rebel_place), titled), counterpart), antecedent), over), same) in out
                .iter_mut()
                .zip(located)
                .zip(armed)
                .zip(rebel_places)
                .zip(titled)
                .zip(counterparts)
                .zip(antecedents)
                .zip(overrides)
                .zip(same_head)
            {
                if m.via != Via::Context {
                    continue;
                }
                let owned_forces = ((m.agent.as_deref() == Some("MIL")
                    || (m.agent.as_deref() == Some("GOV")
                        && OWNED_GOV.contains(&doc.slice(m.span).to_lowercase().as_str())))
                    && after_his_or_her(doc.text(), m.span, true))
                    || (m.agent.as_deref() == Some("MIL") && after_speaker_its(doc.text(), m.span));
                if let Some((c, a)) = antecedent {
                    m.code = format!("{c}{a}");
                    m.country = Some(c);
                    m.agent = Some(a);
                    continue;
                }
                if owned_forces {
                    // "his forces" with no person named before them in the sentence: nobody's.
                    m.code = String::new();
                    continue;
                }
                if let Some(counterpart) = counterpart {
                    match Some(counterpart).filter(|c| !c.is_empty()) {
                        Some(c) => {
                            m.code = format!("{c}GOV");
                            m.country = Some(c);
                            m.agent = Some("GOV".to_string());
                        }
                        None => m.code = String::new(),
                    }
                    continue;
                }
                if let Some(t) = same {
                    m.code = t.code;
                    m.country = t.country;
                    m.agent = t.agent;
                    m.name = t.name;
                    continue;
                }
                if let Some(t) = titled {
                    m.code = t.code;
                    m.country = t.country;
                    m.agent = t.agent;
                    m.name = t.name;
                    m.person = t.person;
                    continue;
                }
                let place = if group.is_none() { place.or(rebel_place) } else { place };
                // "Maduro ordered troops to the coast", "rebels ambushed a convoy, killing seven soldiers": the
                // person's or the rebels' own state, before an army named earlier.
                let place = match (&place, &over) {
                    (None, Some(Some(c))) => Some(c.clone()),
                    _ => place,
                };
                if let (None, Some(g)) = (&place, group) {
                    m.code = g.code;
                    m.country = g.country;
                    m.agent = g.agent;
                    m.name = g.name;
                    continue;
                }
                // "the supreme leader" in a story about Iran and the United States: a role tied to a few states is
                // the one of them the document names, before the state it mentions most.
                let text_lower = doc.text()[m.span.start..m.span.end].to_lowercase();
                let tied = ROLE_TIES
                    .iter()
                    .find(|(role, _)| text_lower.ends_with(role))
                    .and_then(|(_, states)| states.iter().find(|c| named_states.iter().any(|n| n == *c)))
                    .map(|c| c.to_string())
                    .or_else(|| {
                        // "the junta" in a story about France and Mali: the state of the two that a junta rules,
                        // the one mentioned most.
                        let junta = ["junta", "juntas", "coup leaders", "putschists", "mutineers", "mutinous soldiers"];
                        (m.agent.as_deref() == Some("MIL") && junta.iter().any(|j| text_lower.ends_with(j)))
                            .then(|| named_states.iter().find(|c| JUNTA_STATES.contains(&c.as_str())).cloned())
                            .flatten()
                    });
                // "U.S. forces struck a boat from Venezuela, killing 11 people": the victims are not the attacker's
                // own state just because the story is about it; with nothing better they stay unplaced.
                let domestic = matches!(m.agent.as_deref(), Some("CVL" | "COP" | "OPP"));
                let fallback = if matches!(over, Some(None)) {
                    None
                } else if domestic && story_place.is_some() {
                    story_place.as_ref()
                } else {
                    main.as_ref()
                };
                if let (Some(c), Some(a)) = (tied.as_ref().or(place.as_ref()).or(fallback), &m.agent) {
                    m.code = format!("{c}{a}");
                    m.country = Some(c.clone());
                    let ci = self.dict.countries.iter().position(|x| &x.code == c);
                    m.name =
                        ci.map_or_else(|| m.name.clone(), |i| format!("{} {}", self.dict.countries[i].name, m.name));
                }
            }
        }
        self.resolve_definites(doc, &mut out);
        drop_seat_metonyms(doc, &mut out);
        out.retain(|m| !m.code.is_empty());
        self.add_koreas(doc, &mut out);
        resolve_possessors(doc, &mut out);
        self.date_org_codes(doc, &mut out);
        out
    }

    /// An organisation coded otherwise from a date on (`from:` in orgs.dict: the Taliban as Afghanistan's government
    /// from 15 August 2021) takes the code of the latest such date on or before the document's date, wherever the
    /// mention has the organisation's own code ("the Taliban", "Taliban officials"). Undated documents keep it.
    fn date_org_codes(&self, doc: &Document, out: &mut [Mention]) {
        let Some(date) = doc.date else { return };
        for m in out.iter_mut() {
            let Some(org) = self.org_of_entry(m) else { continue };
            if org.from.is_empty() || m.code != org.code {
                continue;
            }
            let Some((_, code)) = org.from.iter().rev().find(|(d, _)| *d <= date) else { continue };
            let (country, agent) = split_code(code);
            m.code = code.clone();
            m.country = country;
            m.agent = agent;
        }
    }

    /// "the group", "the alliance", "the 27-nation bloc", "the UN nuclear watchdog's": a definite description of an
    /// organisation named shortly before is that organisation ([`Via::Context`]). A description with nothing fitting
    /// before it stays unresolved; a country adjective inside it ("the Lebanese group") must agree with the referent,
    /// which then replaces the adjective's state mention.
    fn resolve_definites(&self, doc: &Document, out: &mut Vec<Mention>) {
        let mut added: Vec<Mention> = Vec::new();
        let mut removed: Vec<Span> = Vec::new();
        for seg in doc.segments() {
            for cand in definite_candidates(seg.text) {
                let class = cand.class;
                let span = Span::new(seg.span.start + cand.start, seg.span.start + cand.end);
                // Mentions inside the description: a country adjective may be a modifier, a role word the head
                // ("the court", "the militia"); anything else (a name) means it is no bare description.
                let inside: Vec<&Mention> = out
                    .iter()
                    .filter(|m| !m.code.is_empty() || m.via == Via::Context)
                    .filter(|m| m.span.start < span.end && span.start < m.span.end)
                    .collect();
                let mut adjective_country: Option<&str> = None;
                let mut ok = true;
                for m in &inside {
                    // "the Iran-aligned group": a patron inside a compound says nothing of the group's state.
                    if doc.text()[m.span.end..].starts_with(['-', '–']) && m.span.end < span.end {
                        continue;
                    }
                    let head_role = m.via == Via::Context && m.span.end == span.end;
                    let adjective = m.via == Via::Name && m.kind == MentionKind::State && m.span.end < span.end;
                    if adjective {
                        adjective_country = m.country.as_deref();
                    } else if !head_role {
                        ok = false;
                    }
                }
                // Every capitalised modifier must be a country adjective ("the Lebanese group", not "the Wagner
                // group", which the dictionary names or does not).
                let explained = cand.named.iter().all(|&(s, e)| {
                    let sp = Span::new(seg.span.start + s, seg.span.start + e);
                    inside
                        .iter()
                        .any(|m| m.kind == MentionKind::State && m.span.start <= sp.start && sp.end <= m.span.end)
                });
                if !ok || !explained || m_outside(&inside, span) {
                    continue;
                }
                if class == Definite::State && !state_description(doc.slice(span)) {
                    continue;
                }
                let before: Vec<&Mention> = out
                    .iter()
                    .rev()
                    .filter(|m| m.span.end <= span.start && !m.code.is_empty())
                    .take_while(|m| within_definite_reach(m.sentence, seg.sentence))
                    .filter(|m| m.kind != MentionKind::Person)
                    .filter(|m| {
                        (self.fits_definite(m, class) || fits_definite_by_words(doc.slice(m.span), m, class))
                            && adjective_country.is_none_or(|c| m.country.as_deref() == Some(c) || m.country.is_none())
                    })
                    .collect();
                // "the group" in a story about Boko Haram that cites Amnesty International: an armed group first.
                let desc = doc.slice(span);
                let referent = if class == Definite::Group {
                    before.iter().find(|m| self.is_armed(m)).or(before.first())
                } else if class == Definite::State {
                    // "the kingdom", "the Gulf state": the last state named before that is one. "The island nation"
                    // (no kind to check) is left: the last state named is often another.
                    before.iter().find(|m| m.country.as_deref().is_some_and(|c| state_of_kind(desc, c)))
                } else {
                    before.first()
                };
                let Some(r) = referent else { continue };
                // A state's description takes the referent as it is: "the Saudi foreign minister said the kingdom
                // would …" is the speaker's side (SAUGOV), as the coder reads a side's own common noun.
                let mut m = (*r).clone();
                m.span = span;
                m.sentence = seg.sentence;
                m.via = Via::Context;
                m.person = None;
                removed.extend(
                    inside.iter().filter(|x| !doc.text()[x.span.end..].starts_with(['-', '–'])).map(|x| x.span),
                );
                added.push(m);
            }
        }
        if added.is_empty() {
            return;
        }
        out.retain(|m| !removed.contains(&m.span));
        out.extend(added);
        out.sort_by_key(|m| m.span.start);
    }

    /// Whether a mention is an armed group outside a state's forces: transnational, rebels, militias, gangs.
    fn is_armed(&self, m: &Mention) -> bool {
        m.code.starts_with("IMG") || matches!(m.agent.as_deref(), Some("REB" | "UAF" | "CRM"))
    }

    /// The organisation a mention was found by.
    fn org_of(&self, m: &Mention) -> Option<&crate::dict::Org> {
        if m.kind != MentionKind::Organisation {
            return None;
        }
        self.org_of_entry(m)
    }

    /// The organisation entry that decided a mention's code, whatever kind the mention has become ("Taliban
    /// officials" is a role of the organisation).
    fn org_of_entry(&self, m: &Mention) -> Option<&crate::dict::Org> {
        self.org_by_entry.get(&m.entry).map(|&i| &self.dict.orgs[i])
    }

    /// Whether a mention is something a definite description of this class can mean.
    fn fits_definite(&self, m: &Mention, class: Definite) -> bool {
        let org = self.org_of(m);
        let igo = m.code.starts_with("IGO");
        let named = |words: &[&str]| words.iter().any(|w| m.name.contains(w));
        let agent = m.agent.as_deref();
        match class {
            Definite::State => {
                m.country.is_some()
                    && m.via == Via::Name
                    && (m.kind == MentionKind::State || m.kind == MentionKind::Role && matches!(agent, Some("GOV")))
            }
            Definite::Group => {
                m.code.starts_with("IMG")
                    || matches!(agent, Some("REB" | "UAF" | "CRM" | "OPP" | "PTY"))
                    || org.is_some_and(|o| {
                        matches!(o.kind, OrgKind::Armed | OrgKind::Ngo | OrgKind::Party | OrgKind::Other)
                            && !igo
                            && !matches!(agent, Some("MIL" | "COP"))
                    })
            }
            Definite::Organisation => org.is_some() || m.code.starts_with("IMG"),
            Definite::Party => agent == Some("PTY") || org.is_some_and(|o| o.kind == OrgKind::Party),
            Definite::Alliance => m.code == "IGOWSTNAT" || (org.is_some() && named(&["Alliance"])),
            Definite::Bloc => {
                igo && org.is_some_and(|o| o.kind == OrgKind::Igo)
                    && !m.code.starts_with("IGOUNO")
                    && !m.code.contains("JUD")
                    && !named(&["Bank", "Court", "Fund", "Organisation", "Organization", "Agency"])
            }
            Definite::Council => org.is_some() && named(&["Council"]),
            Definite::Agency => {
                org.is_some_and(|o| matches!(o.kind, OrgKind::Igo | OrgKind::Ngo))
                    && (named(&[
                        "Agency",
                        "Organisation",
                        "Organization",
                        "Programme",
                        "Fund",
                        "Office",
                        "Commissioner",
                    ]) || m.code.len() > 6 && m.code.starts_with("IGOUNO") && !m.code.contains("JUD"))
            }
            Definite::Court => named(&["Court", "Tribunal"]) || (agent == Some("JUD") && m.via == Via::Name),
            Definite::Lender => org.is_some() && named(&["Fund", "Bank"]),
            Definite::Union => org.is_some() && named(&["Union"]),
            Definite::Mission => org.is_some() && (named(&["Mission"]) || m.code.ends_with("PKO")),
            Definite::Command => named(&["Command"]),
            Definite::Commission => org.is_some() && named(&["Commission"]),
            Definite::Guards => named(&["Guard"]),
        }
    }

    /// "JNIM fighters attacked a base in central Mali": a regional branch (an organisation with `local: REB`) is
    /// that agent of the state the sentence places it in, else of the state the document mentions most, else of its
    /// dateline's state; with no state at all it keeps its own code. Its name stays the group's.
    fn localise_branches(&self, doc: &Document, out: &mut [Mention]) {
        if !out.iter().any(|m| self.org_of(m).is_some_and(|o| o.local.is_some())) {
            return;
        }
        let main = principal_country(out).or_else(|| self.dateline_country(doc));
        for i in 0..out.len() {
            let Some(agent) = self.org_of(&out[i]).and_then(|o| o.local.clone()) else { continue };
            let as_rebels = Mention { agent: Some("REB".to_string()), ..out[i].clone() };
            let Some(c) = self.sentence_place(doc, out, &as_rebels, true).or_else(|| main.clone()) else { continue };
            let m = &mut out[i];
            m.code = format!("{c}{agent}");
            m.country = Some(c);
            m.agent = Some(agent);
        }
    }

    /// The state of the document's dateline place ("ISTANBUL, March 23 (Reuters) -" → TUR; "KYIV, Ukraine (AP) —"
    /// → UKR): the place, else the region after its comma, read as a state's name, capital or city.
    fn dateline_country(&self, doc: &Document) -> Option<String> {
        let line = doc.dateline()?;
        let head = line.split('(').next().unwrap_or(line);
        head.split(',').take(2).find_map(|part| {
            // Wire datelines are in capitals; the dictionaries hold names as written ("New York").
            let name: String = part
                .trim()
                .split(' ')
                .map(|w| {
                    let mut cs = w.chars();
                    cs.next()
                        .map(|f| f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect::<String>())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" ");
            self.raw_matches(&name).into_iter().find_map(|r| match r.payload {
                Payload::Country { idx, form: Form::Name | Form::Capital } if r.start == 0 && r.end == name.len() => {
                    Some(self.dict.countries[idx as usize].code.clone())
                }
                _ => None,
            })
        })
    }

    /// "gunmen attacked a mall in Nairobi, killing 39 people": people, police and crowds without a country belong to
    /// the state where the sentence places the event (a state, capital or city after "in", "at", "near"…), the one
    /// nearest to them.
    fn sentence_place(&self, doc: &Document, out: &[Mention], m: &Mention, rebels: bool) -> Option<String> {
        let wanted = if rebels { &["REB"][..] } else { &["CVL", "COP", "OPP", "LAB", "CRM"][..] };
        if !m.agent.as_deref().is_some_and(|a| wanted.contains(&a)) {
            return None;
        }
        out.iter()
            .filter(|n| n.sentence == m.sentence && n.via == Via::Name && n.kind == MentionKind::State)
            .filter(|n| {
                // "in Israeli shelling" is no place; "officials in Nairobi said" is where it was said.
                let text = doc.slice(n.span);
                let adjective = self.adjectives.contains(text);
                let after = doc.text()[n.span.end..].trim_start_matches(',');
                let said =
                    ["said", "says", "told", "reported", "announced"].iter().any(|v| after.trim_start().starts_with(v));
                !adjective && !said
            })
            .filter(|n| {
                let mut words = doc.text()[..n.span.start].split_whitespace().rev();
                let mut w = words.next().unwrap_or("");
                for _ in 0..3 {
                    if w != "the" && !PLACE_MODIFIERS.contains(&w) {
                        break;
                    }
                    w = words.next().unwrap_or("");
                }
                LOCATIVES.contains(&w)
            })
            .min_by_key(|n| n.span.start.abs_diff(m.span.start))
            .and_then(|n| n.country.clone())
    }

    fn pair_member(&self, country: &str, gov: bool, sentence: Option<usize>, span: Span) -> Mention {
        let ci = self.dict.countries.iter().position(|c| c.code == country);
        let name = ci.map_or_else(|| country.to_string(), |i| self.dict.countries[i].name.clone());
        let entry = ci.map_or_else(String::new, |i| self.entries.countries[i].clone());
        Mention {
            sentence,
            span,
            code: if gov { format!("{country}GOV") } else { country.to_string() },
            country: Some(country.to_string()),
            agent: gov.then(|| "GOV".to_string()),
            name,
            kind: if gov { MentionKind::Role } else { MentionKind::State },
            entry,
            via: Via::Pair,
            person: None,
        }
    }

    /// The two Koreas named together or by halves: "South and North Korea" (the first half is a state too), "both
    /// Koreas" / "the two Koreas" (both states), and in a story that names either Korea and no other divided state,
    /// "the North" and "the South" on their own (not "the North Atlantic", "the South China Sea").
    fn add_koreas(&self, doc: &Document, out: &mut Vec<Mention>) {
        let text = doc.text();
        if !(text.contains("Korea") && (text.contains("North") || text.contains("South"))) {
            return;
        }
        let named = |c: &str| out.iter().any(|m| m.country.as_deref() == Some(c) && m.via == Via::Name);
        let korea_story =
            (named("KOR") || named("PRK")) && !["SDN", "SSD", "YEM", "CYP", "VNM"].iter().any(|c| named(c));
        let free = |out: &[Mention], s: usize, e: usize| out.iter().all(|m| m.span.end <= s || m.span.start >= e);
        let mut added: Vec<Mention> = Vec::new();
        for seg in doc.segments() {
            let t = seg.text;
            let at = |i: usize, len: usize| Span::new(seg.span.start + i, seg.span.start + i + len);
            for (phrase, code) in [("South and North Korea", "KOR"), ("North and South Korea", "PRK")] {
                for (i, _) in t.match_indices(phrase) {
                    let span = at(i, 5);
                    if free(out, span.start, span.end) {
                        added.push(Mention { via: Via::Name, ..self.pair_member(code, false, seg.sentence, span) });
                    }
                }
            }
            for phrase in ["both Koreas", "Both Koreas", "two Koreas", "the Koreas", "The Koreas"] {
                for (i, _) in t.match_indices(phrase) {
                    let span = at(i + phrase.len() - 6, 6);
                    if free(out, span.start, span.end) && free(&added, span.start, span.end) {
                        for code in ["KOR", "PRK"] {
                            added.push(self.pair_member(code, false, seg.sentence, span));
                        }
                    }
                }
            }
            if !korea_story {
                continue;
            }
            for (half, code) in [("North", "PRK"), ("South", "KOR")] {
                for (i, _) in t.match_indices(half) {
                    let before = t[..i].trim_end();
                    let the =
                        before.ends_with(" the") || before == "the" || before == "The" || before.ends_with(" The");
                    let after = &t[i + half.len()..];
                    // "the North's", "the North said", "the North." but not "the North Atlantic", "the North-South".
                    let alone = after.starts_with("'s")
                        || after.starts_with("’s")
                        || after.starts_with([' ', ',', '.', ';'])
                            && !after.trim_start().starts_with(|c: char| c.is_uppercase());
                    let span = at(i, half.len());
                    if the && alone && free(out, span.start, span.end) {
                        added.push(Mention { via: Via::Name, ..self.pair_member(code, false, seg.sentence, span) });
                    }
                }
            }
        }
        if !added.is_empty() {
            out.extend(added);
            out.sort_by_key(|m| m.span.start);
        }
    }

    fn raw_matches(&self, text: &str) -> Vec<Raw> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = self.ac.find(Input::new(text).span(pos..text.len())) else { break };
            if boundary_ok(text, m.start(), m.end()) {
                let pid = m.pattern().as_usize();
                let mut raw = Raw { start: m.start(), end: m.end(), pattern: pid, payload: self.payloads[pid][0] };
                // "pro-Russian separatists", "anti-French protests": the state is what they are for or against,
                // not whose they are.
                let stance = ["pro-", "Pro-", "anti-", "Anti-"].iter().any(|p| text[..m.start()].ends_with(p));
                if stance && matches!(raw.payload, Payload::Country { .. }) {
                    raw.payload = Payload::Block;
                }
                match self.templates.block_around(text, &raw, &self.payloads[pid]) {
                    Some(block) => {
                        // "traditional Chinese medicine": the phrase swallows the country word and anything in it.
                        while out.last().is_some_and(|r: &Raw| r.end > block.start) {
                            out.pop();
                        }
                        pos = block.end;
                        out.push(block);
                    }
                    None => {
                        out.push(raw);
                        pos = m.end();
                    }
                }
            } else {
                pos = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            }
        }
        out
    }

    /// Which person a name means: one already named in this document (most recent first), else a person whose
    /// short name is known anywhere, preferring one in office on the document's date.
    fn pick_person(&self, pattern: usize, date: Option<Date>, state: &DocState) -> Option<(usize, Via)> {
        let cands: Vec<(usize, bool)> = self.payloads[pattern]
            .iter()
            .filter_map(|p| match p {
                Payload::Person { idx, anywhere } => Some((*idx as usize, *anywhere)),
                _ => None,
            })
            .collect();
        if let Some(&seen) = state.seen_persons.iter().rev().find(|s| cands.iter().any(|(c, _)| c == *s)) {
            let full = cands.iter().any(|&(c, anywhere)| c == seen && anywhere);
            return Some((seen, if full { Via::Name } else { Via::Surname }));
        }
        let anywhere: Vec<usize> = cands.iter().filter(|(_, a)| *a).map(|(c, _)| *c).collect();
        let in_office = |c: &usize| date.is_some_and(|d| self.dict.people[*c].offices.iter().any(|o| o.holds_on(d)));
        anywhere.iter().find(|c| in_office(c)).or(anywhere.first()).map(|&c| (c, Via::Name))
    }

    /// "Blinken and Wang hold talks" heading a story that names Wang Yi further down: a surname before the full name
    /// is the person the document names in full somewhere.
    fn named_later(&self, seg_raws: &[Vec<Raw>], pattern: usize, state: &mut DocState) -> Option<(usize, Via)> {
        let surname_of = |p: &Payload| match p {
            Payload::Person { idx, anywhere: false } => Some(*idx as usize),
            _ => None,
        };
        if !self.payloads[pattern].iter().any(|p| surname_of(p).is_some()) {
            return None;
        }
        let named = state.named_in_full.get_or_insert_with(|| {
            let mut named = Vec::new();
            for raws in seg_raws {
                for raw in raws {
                    for p in &self.payloads[raw.pattern] {
                        if let Payload::Person { idx, anywhere: true } = p {
                            named.push(*idx as usize);
                        }
                    }
                }
            }
            named
        });
        let idx = named.iter().copied().find(|n| self.payloads[pattern].iter().any(|p| surname_of(p) == Some(*n)))?;
        Some((idx, Via::Surname))
    }

    fn person_mention(&self, idx: usize, date: Option<Date>, eli: bool) -> (String, String, String) {
        let p = &self.dict.people[idx];
        let (current, office) = p.office_on(date);
        let country = office.country().to_string();
        // Leaders of international organisations and transnational armed groups keep their organisation's code out
        // of office too (al-Qaeda's dead founder is still al-Qaeda's); state office-holders become ELI.
        let international = ["IGO", "NGO", "IMG"].iter().any(|p| office.code.starts_with(p));
        let code =
            if (current.is_some() && !eli) || international { office.code.clone() } else { format!("{country}ELI") };
        // An organisation's office (IGOUNO) has neither a country nor an agent.
        let international = ["IGO", "NGO", "IMG"].iter().any(|p| code.starts_with(p));
        let agent = if international { String::new() } else { code[3..].to_string() };
        let country = if international { String::new() } else { country };
        (code, country, agent)
    }

    #[allow(clippy::too_many_arguments)]
    fn resolve_chain(
        &self,
        doc: &Document,
        seg_raws: &[Vec<Raw>],
        sentence: Option<usize>,
        seg_start: usize,
        text: &str,
        chain: &[Raw],
        state: &mut DocState,
    ) -> Option<Mention> {
        let mut country: Option<(u32, Form)> = None;
        let mut institution: Option<(u32, u32, u32)> = None;
        let mut agents: Vec<u32> = Vec::new();
        let mut person: Option<(usize, Via)> = None;
        let mut org: Option<u32> = None;
        for r in chain {
            // A raw match may have several readings: take the best one that fits.
            for p in &self.payloads[r.pattern] {
                match *p {
                    Payload::Block => break,
                    Payload::Org(i) => org = Some(i),
                    Payload::Person { .. } => {
                        match self
                            .pick_person(r.pattern, doc.date, state)
                            .or_else(|| self.named_later(seg_raws, r.pattern, state))
                        {
                            Some(found) => person = Some(found),
                            None => continue,
                        }
                    }
                    Payload::Country { idx, form } => country = Some((idx, form)),
                    Payload::Institution { country, agent, name } => institution = Some((country, agent, name)),
                    Payload::Agent(a) => agents.push(a),
                    Payload::Pair { .. } | Payload::Pronoun(_) => continue,
                }
                break;
            }
        }
        let first = chain.first()?;
        let last = chain.last()?;
        let span = Span::new(seg_start + first.start, seg_start + last.end);
        let _ = text;
        let agent_code = |a: u32| self.dict.agents[a as usize].code.clone();
        let is_eli = agents.iter().any(|&a| self.dict.agents[a as usize].code == "ELI");
        if let Some((idx, via)) = person {
            let (mut code, mut country, mut agent) = self.person_mention(idx, doc.date, is_eli);
            // "Arab League Secretary-General Nabil Elaraby": the organisation's title speaks for a person whose
            // dictionary entry does not list that office.
            if let (Some(o), true) = (org, agent == "ELI") {
                code = self.dict.orgs[o as usize].code.clone();
                country = code.clone();
                agent = String::new();
            }
            return Some(self.person_at(idx, sentence, span, via, (code, country, agent)));
        }
        if let Some(o) = org {
            let org = &self.dict.orgs[o as usize];
            let international = ["IGO", "NGO"].iter().any(|p| org.code.starts_with(p));
            // "a NATO member", "fellow EU member state Hungary": one member state, named elsewhere, not the body.
            if org.code.starts_with("IGO") && agents.is_empty() && country.is_none() && one_member_of(&text[last.end..])
            {
                return None;
            }
            // "Sweden's NATO bid", "France's UN envoy": a state before an international body is the state (or its
            // agent), not the body; "South Korea's Democratic Party": a party name another state's party also bears
            // is the party of the state named before it.
            if let Some((ci, _)) = country {
                let c = &self.dict.countries[ci as usize];
                let (org_country, org_agent) = split_code(&org.code);
                let foreign_party = org.kind == crate::dict::OrgKind::Party
                    && org_country.as_deref().is_some_and(|oc| oc != c.code)
                    && org_agent.is_some();
                // "Yemen's al-Qaeda", "Iraq's al-Qaeda frontman": a transnational group after a state's possessive is
                // its branch there, that state's rebels.
                let armed = org.code.starts_with("IMG");
                if international || foreign_party || armed {
                    let agent = if foreign_party {
                        org_agent
                    } else if armed {
                        Some("REB".to_string())
                    } else {
                        agents.first().map(|&a| agent_code(a))
                    };
                    let (kind, name, entry) = if foreign_party {
                        (
                            MentionKind::Organisation,
                            format!("{} ({})", org.name, c.name),
                            self.entries.orgs[o as usize].clone(),
                        )
                    } else if let (Some(&ai), false) = (agents.first(), armed) {
                        let ai = ai as usize;
                        (
                            MentionKind::Role,
                            format!("{} {}", c.name, self.dict.agents[ai].name),
                            self.entries.agents[ai].clone(),
                        )
                    } else {
                        (MentionKind::State, c.name.clone(), self.entries.countries[ci as usize].clone())
                    };
                    return Some(Mention {
                        sentence,
                        span,
                        code: format!("{}{}", c.code, agent.as_deref().unwrap_or("")),
                        country: Some(c.code.clone()),
                        agent,
                        name,
                        kind,
                        entry,
                        via: Via::Name,
                        person: None,
                    });
                }
            }
            let (country, mut agent) = split_code(&org.code);
            // "UN peacekeepers" is the UN's military arm; "UN officials" and "ICC investigators" are the body itself.
            let mut code = org.code.clone();
            let international_body = org.code.starts_with("IGO");
            if let Some(a) = agents
                .first()
                .map(|&a| agent_code(a))
                .filter(|a| a != "GOV" && a != "JUD" && international_body && org.code.len() < 12)
            {
                if !code.ends_with(&a) {
                    code.push_str(&a);
                    agent = agent.or(Some(a));
                }
            }
            return Some(Mention {
                sentence,
                span,
                code,
                country,
                agent,
                name: org.name.clone(),
                kind: MentionKind::Organisation,
                entry: self.entries.orgs[o as usize].clone(),
                via: Via::Name,
                person: None,
            });
        }
        if let Some((ci, ai, ni)) = institution {
            // "the Peruvian Congress", "Spain's Supreme Court": a state's word before another state's institution
            // name makes it that state's institution of the same kind.
            let ci = country.map_or(ci, |(other, _)| other);
            let c = &self.dict.countries[ci as usize];
            let a = agents.first().map_or_else(|| agent_code(ai), |&x| agent_code(x));
            return Some(Mention {
                sentence,
                span,
                code: format!("{}{}", c.code, a),
                country: Some(c.code.clone()),
                agent: Some(a),
                name: format!("{} ({})", self.institution_names[ni as usize], c.name),
                kind: MentionKind::Organisation,
                entry: self.entries.countries[ci as usize].clone(),
                via: Via::Name,
                person: None,
            });
        }
        let Some((ci, form)) = country else {
            // A domestic role with no country ("Police arrested dozens", "the junta"): filled in with the state
            // the document is about once the whole document is read.
            let &a = agents.first()?;
            let agent = &self.dict.agents[a as usize];
            let word = text[first.start..first.end].to_lowercase();
            let person_owned = (OWNED_FORCES.contains(&word.as_str()) || OWNED_GOV.contains(&word.as_str()))
                && matches!(
                    text[..first.start].trim_end().rsplit(|c: char| !c.is_alphanumeric()).next(),
                    Some("his" | "her" | "His" | "Her")
                )
                || speaker_own_forces(text, &word, Span::new(first.start, first.end));
            if !(CONTEXT_AGENTS.contains(&agent.code.as_str())
                || CONTEXT_WORDS.contains(&word.as_str())
                || person_owned)
                || chain.len() > 1
            {
                return None;
            }
            // "the military" stands alone only as a noun: not "a military base", "the military headquarters".
            if word == "military" && !military_as_noun(&text[..first.start], &text[first.end..]) {
                return None;
            }
            // "each side of the border", "both sides of the river": a place, not a party.
            if matches!(word.as_str(), "side" | "sides") && side_of_a_place(&text[first.end..]) {
                return None;
            }
            // "recalled its ambassador", "their government": someone else's, not the document's main state's.
            let before = text[..first.start].trim_end();
            let owner = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            if matches!(
                owner,
                "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "your"
                    | "my"
                    | "Its"
                    | "Their"
                    | "His"
                    | "Her"
                    | "Our"
                    | "Your"
                    | "My"
            ) {
                // "Wang Yi met his counterpart": resolved once the document is read (the other of exactly two
                // states).
                let counterpart = matches!(word.as_str(), "counterpart" | "counterparts")
                    && matches!(owner, "his" | "her" | "His" | "Her");
                // "Putin said his forces had advanced": the army of the person just named (resolved later).
                // "Biden said his administration would …": the government of the person just named.
                // "The Kenyan army said its troops had killed …": the speaker's own (resolved later).
                let own_forces = ((OWNED_FORCES.contains(&word.as_str()) || OWNED_GOV.contains(&word.as_str()))
                    && matches!(owner, "his" | "her" | "His" | "Her"))
                    || speaker_own_forces(text, &word, Span::new(first.start, first.end));
                if !counterpart && !own_forces {
                    return None;
                }
            }
            // "Western officials", "world leaders", "foreign diplomats": no one state's, and not coded.
            if GENERIC_OWNERS.contains(&owner) && !matches!(agent.code.as_str(), "REB" | "CRM") {
                return None;
            }
            return Some(Mention {
                sentence,
                span,
                code: String::new(),
                country: None,
                agent: Some(agent.code.clone()),
                name: agent.name.clone(),
                kind: MentionKind::Role,
                entry: self.entries.agents[a as usize].clone(),
                via: Via::Context,
                person: None,
            });
        };
        let c = &self.dict.countries[ci as usize];
        if let Some(&a) = agents.first() {
            let agent = &self.dict.agents[a as usize];
            return Some(Mention {
                sentence,
                span,
                code: format!("{}{}", c.code, agent.code),
                country: Some(c.code.clone()),
                agent: Some(agent.code.clone()),
                name: format!("{} {}", c.name, agent.name),
                kind: MentionKind::Role,
                entry: self.entries.agents[a as usize].clone(),
                via: Via::Name,
                person: None,
            });
        }
        // "Venezuelans marched", "two Israelis were wounded": a state's people named by their plural demonym are its
        // civilians; the state itself is named by its name or capital, and "the Americans proposed" is the side.
        let the =
            text[..first.start].trim_end().rsplit(char::is_whitespace).next().is_some_and(|w| w == "the" || w == "The");
        if form == Form::People && !the {
            if let Some(cvl) = self.dict.agents.iter().position(|a| a.code == "CVL") {
                return Some(Mention {
                    sentence,
                    span,
                    code: format!("{}CVL", c.code),
                    country: Some(c.code.clone()),
                    agent: Some("CVL".to_string()),
                    name: format!("{} people", c.name),
                    kind: MentionKind::Role,
                    entry: self.entries.agents[cvl].clone(),
                    via: Via::Name,
                    person: None,
                });
            }
        }
        Some(Mention {
            sentence,
            span,
            code: c.code.clone(),
            country: Some(c.code.clone()),
            agent: None,
            name: c.name.clone(),
            kind: MentionKind::State,
            entry: self.entries.countries[ci as usize].clone(),
            via: Via::Name,
            person: None,
        })
    }

    fn segment_speaker(
        &self,
        text: &str,
        seg_start: usize,
        ordered: &[(usize, Result<Mention, &Raw>)],
    ) -> Option<usize> {
        let persons = ordered.iter().filter_map(|(_, m)| m.as_ref().ok()).filter(|m| m.kind == MentionKind::Person);
        for m in persons.clone() {
            let after = &text[m.span.end - seg_start..];
            let window: String = after.chars().take(40).collect();
            let next_words = window.trim_start_matches([',', ' ']).trim_start_matches("once again ").trim_start();
            if SPEECH.iter().any(|v| next_words.starts_with(v) && next_words[v.len()..].starts_with([' ', ',', '.'])) {
                return m.person;
            }
        }
        let first = ordered.iter().find_map(|(_, m)| m.as_ref().ok())?;
        (first.kind == MentionKind::Person && first.span.start - seg_start < 12).then_some(first.person).flatten()
    }

    #[allow(clippy::too_many_arguments)]
    fn resolve_pronoun(
        &self,
        p: Pron,
        text: &str,
        raw: &Raw,
        sentence: Option<usize>,
        span: Span,
        seg_speaker: Option<usize>,
        state: &DocState,
    ) -> Option<Mention> {
        let speaker = seg_speaker.or(state.speaker);
        let (idx, via) = match p {
            Pron::I => {
                // "I" as a pronoun is followed by a lower-case word ("I am"), not "World War I".
                let after = &text[raw.end..];
                let ok =
                    raw.start + 1 == raw.end && text.as_bytes()[raw.start] == b'I' || &text[raw.start..raw.end] == "me";
                let pronoun_like = after.starts_with(['\'', '’'])
                    || after.strip_prefix(' ').is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()));
                if !ok || (&text[raw.start..raw.end] == "I" && !pronoun_like) {
                    return None;
                }
                (speaker?, Via::Speaker)
            }
            Pron::You => {
                let s = speaker?;
                (state.addressee(s, &self.dict)?, Via::Addressee)
            }
            Pron::We => {
                let s = speaker?;
                let (code, country, _) = self.person_mention(s, None, false);
                let _ = code;
                let ci = self.dict.countries.iter().position(|c| c.code == country)?;
                let c = &self.dict.countries[ci];
                return Some(Mention {
                    sentence,
                    span,
                    code: c.code.clone(),
                    country: Some(c.code.clone()),
                    agent: None,
                    name: c.name.clone(),
                    kind: MentionKind::State,
                    entry: self.entries.countries[ci].clone(),
                    via: Via::Speaker,
                    person: None,
                });
            }
            Pron::They => return None,
            Pron::He | Pron::She => {
                let want = if p == Pron::He { 'm' } else { 'f' };
                let fits = |i: usize| self.dict.people[i].gender.is_none_or(|g| g == want);
                // Opening a sentence, "He" is usually the previous sentence's subject ("Duda met Zelensky. He
                // praised Ukraine."); elsewhere, the last person named.
                let opening = text[..raw.start].trim().is_empty();
                let subject = state.speaker.filter(|&i| opening && fits(i));
                let idx = subject.or_else(|| state.last_person.filter(|&(i, _)| fits(i)).map(|(i, _)| i))?;
                (idx, Via::Pronoun)
            }
        };
        Some(self.person_at(idx, sentence, span, via, self.person_mention(idx, state.date, false)))
    }

    /// A person's mention, given the (code, country, agent) their office gives.
    fn person_at(
        &self,
        idx: usize,
        sentence: Option<usize>,
        span: Span,
        via: Via,
        (code, country, agent): (String, String, String),
    ) -> Mention {
        Mention {
            sentence,
            span,
            code,
            country: Some(country).filter(|c| c.len() == 3),
            agent: Some(agent).filter(|a| !a.is_empty()),
            name: self.dict.people[idx].name.clone(),
            kind: MentionKind::Person,
            entry: self.entries.people[idx].clone(),
            via,
            person: Some(idx),
        }
    }
}

/// "Brussels wants Budapest to …", "the Security Council voted": a seat of international institutions or a body's
/// short name (names that orgs.dict gives to one) stands for it only in a story about that organisation (it is
/// named in another way too, at least as often as the host state), and a seat not as the place of an event ("talks
/// in Brussels"); otherwise it is no actor.
fn drop_seat_metonyms(doc: &Document, out: &mut [Mention]) {
    // (name, host state, whether it is a place)
    const SEATS: &[(&str, &str, bool)] = &[("Brussels", "BEL", true), ("Security Council", "", false)];
    let seat = |t: &str| SEATS.iter().find(|s| s.0 == t);
    for i in 0..out.len() {
        let text = doc.slice(out[i].span);
        let Some(&(_, host_code, is_place)) = seat(text) else { continue };
        if out[i].kind != MentionKind::Organisation {
            continue;
        }
        let code = out[i].code.clone();
        let body = out.iter().filter(|n| n.code.starts_with(&code) && seat(doc.slice(n.span)).is_none()).count();
        let host = out.iter().filter(|n| n.country.as_deref() == Some(host_code)).count();
        let mut before = doc.text()[..out[i].span.start].split_whitespace().rev();
        let mut w = before.next().unwrap_or("");
        while w == "the" || PLACE_MODIFIERS.contains(&w) {
            w = before.next().unwrap_or("");
        }
        let place = is_place && (LOCATIVES.contains(&w) || matches!(w, "from" | "From" | "via"));
        if body == 0 || host > body || place {
            out[i].code = String::new();
        }
    }
}

/// "Al Qaeda-linked militants", "Islamic State-affiliated rebels": the group named is not the one that acts; the
/// militants are someone else's (the place's, the document's state's).
fn affiliate_of(doc: &Document, span: Span) -> bool {
    let after = &doc.text()[span.end..];
    ["-linked", "-affiliated", "-aligned", "-allied", "-inspired", "-backed", "-supported", "-sponsored"]
        .iter()
        .any(|s| after.starts_with(s))
}

fn split_code(code: &str) -> (Option<String>, Option<String>) {
    if code.len() < 3 || code.starts_with("IGO") || code.starts_with("NGO") || code.starts_with("IMG") {
        return (None, None);
    }
    let agent = (code.len() >= 6).then(|| code[3..6].to_string());
    (Some(code[..3].to_string()), agent)
}

fn placeholder() -> Mention {
    Mention {
        sentence: None,
        span: Span::default(),
        code: String::new(),
        country: None,
        agent: None,
        name: String::new(),
        kind: MentionKind::State,
        entry: String::new(),
        via: Via::Name,
        person: None,
    }
}

/// Role words that belong to a few states only, in order of preference: a role without a country is the first of
/// them the document names.
/// Singular titles that, after "the", name the person holding that office named shortly before.
const TITLES: &[&str] = &[
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "crown prince",
    "king",
    "queen",
    "emir",
    "sultan",
    "supreme leader",
    "foreign minister",
    "defence minister",
    "defense minister",
    "foreign secretary",
    "secretary of state",
    "vice president",
    "secretary-general",
    "secretary",
];

const ROLE_TIES: &[(&str, &[&str])] = &[
    ("supreme leader", &["IRN", "PRK"]),
    ("ayatollah", &["IRN"]),
    ("taoiseach", &["IRL"]),
    ("emir", &["QAT", "KWT", "ARE"]),
    ("chancellor", &["DEU", "AUT"]),
    ("bundestag", &["DEU"]),
    ("knesset", &["ISR"]),
    ("duma", &["RUS"]),
    ("settlers", &["ISR"]),
    ("settler", &["ISR"]),
];

/// "the group's leader", "Putin's spokesman", "the rebels' commander": a role right after a possessive actor found
/// from context or by name is that actor's (an organisation's own code; a state's, a person's or a role's country
/// with the role's agent).
fn resolve_possessors(doc: &Document, out: &mut [Mention]) {
    for i in 1..out.len() {
        let (before, rest) = out.split_at_mut(i);
        let (prev, m) = (&before[i - 1], &mut rest[0]);
        if m.via != Via::Context || m.sentence != prev.sentence || prev.span.end > m.span.start {
            continue;
        }
        let gap = &doc.text()[prev.span.end..m.span.start];
        if !matches!(gap, "'s " | "’s " | "' " | "’ ") {
            continue;
        }
        let Some(agent) = m.agent.clone() else { continue };
        let organisation = prev.country.is_none() || prev.kind == MentionKind::Organisation;
        if organisation || matches!(prev.agent.as_deref(), Some("REB" | "UAF" | "CRM")) {
            m.code.clone_from(&prev.code);
            m.country.clone_from(&prev.country);
            m.agent.clone_from(&prev.agent);
            m.name.clone_from(&prev.name);
        } else if let Some(c) = &prev.country {
            m.code = format!("{c}{agent}");
            m.country = Some(c.clone());
        }
    }
}

/// The last two actors of different sides named as "between X and Y" in the three sentences before `sentence` (or
/// earlier in it): "a ceasefire between Israel and Hamas".
fn coordinated_before<'a>(
    doc: &Document,
    before: &'a [Mention],
    sentence: Option<usize>,
) -> Option<(&'a Mention, &'a Mention)> {
    let named: Vec<&Mention> =
        before.iter().filter(|m| !m.code.is_empty() && !matches!(m.via, Via::Pair | Via::Context)).collect();
    named.windows(2).rev().find_map(|w| {
        let (a, b) = (w[0], w[1]);
        let near = match (a.sentence, sentence) {
            (Some(x), Some(y)) => y.saturating_sub(x) <= 3,
            _ => false,
        };
        let side = |m: &Mention| m.country.clone().unwrap_or_else(|| m.code.clone());
        let joined = a.sentence == b.sentence
            && a.span.end <= b.span.start
            && doc.text()[..a.span.start].ends_with("between ")
            && matches!(doc.text().get(a.span.end..b.span.start), Some(" and "));
        (near && joined && side(a) != side(b)).then_some((a, b))
    })
}

/// Prepositions that make the state, capital or city after them the place of an event.
const LOCATIVES: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "across",
    "around",
    "inside",
    "throughout",
    "through",
    "In",
    "At",
    "Near",
    "Outside",
    "Across",
    "Throughout",
    "Through",
];

/// Verbs by which a person sends an army somewhere ("ordered troops to the border", "deployed soldiers").
const SENDING: &[&str] = &[
    "ordered",
    "orders",
    "order",
    "sent",
    "sends",
    "send",
    "deployed",
    "deploys",
    "deploy",
    "dispatched",
    "dispatches",
    "mobilised",
    "mobilized",
    "mobilises",
    "mobilizes",
    "withdrew",
    "withdraws",
    "pulled",
    "commanded",
    "commands",
];

/// Word stems of acts of force whose victims a role can be ("killing 11 people", "detained activists").
const FORCE_STEMS: &[&str] = &[
    "kill",
    "wound",
    "injur",
    "detain",
    "arrest",
    "attack",
    "struck",
    "strike",
    "shot",
    "shoot",
    "abduct",
    "kidnap",
    "bomb",
    "shell",
    "raid",
    "intercept",
    "seiz",
    "captur",
    "fired on",
    "opened fire",
];

/// What the sentence says about the state of a role that no place names (`out[i]`, found by context), before the
/// document's main state `main` takes it: `Some(Some(c))` places it in `c`, `Some(None)` leaves it unplaced, `None`
/// has nothing to say.
/// - "President X ordered troops to the coast", "X sent his soldiers": an army a named person sends is his state's.
/// - "a Pakistani Taliban bomber … killing seven soldiers": soldiers or police in a sentence naming one home-grown
///   rebel group (and no army or police of a state) are that group's state's.
/// - "U.S. forces struck a boat from Venezuela, killing 11 people": a victim of an act of force by the main state's
///   actor, in a sentence that also names another state, is not placed by the main state.
fn role_override(doc: &Document, out: &[Mention], i: usize, main: Option<&str>) -> Option<Option<String>> {
    let m = &out[i];
    let named: Vec<&Mention> =
        out.iter().filter(|n| n.sentence == m.sentence && n.via != Via::Context && !n.code.is_empty()).collect();
    let text = doc.text();
    match m.agent.as_deref() {
        Some("MIL") | Some("COP") => {
            let owned = after_his_or_her(text, m.span, false);
            // The person named last before the role, with nothing with a country between them.
            let last =
                named.iter().filter(|n| n.span.end <= m.span.start && n.country.is_some()).max_by_key(|n| n.span.end);
            if let Some(p) = last.filter(|p| p.kind == MentionKind::Person) {
                let gap = &text[p.span.end..m.span.start];
                let words: Vec<&str> = gap.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
                let sends = words.len() <= 8 && words.iter().any(|w| SENDING.contains(w));
                if sends || owned && words.len() <= 8 {
                    return Some(p.country.clone());
                }
            }
            let armed_state =
                named.iter().any(|n| n.country.is_some() && matches!(n.agent.as_deref(), Some("MIL") | Some("COP")));
            let rebels: Vec<&String> = named
                .iter()
                .filter(|n| n.kind == MentionKind::Organisation && n.agent.as_deref() == Some("REB"))
                .filter_map(|n| n.country.as_ref())
                .collect();
            if !armed_state && !rebels.is_empty() && rebels.iter().all(|c| *c == rebels[0]) {
                return Some(Some(rebels[0].clone()));
            }
            None
        }
        Some("CVL") | Some("OPP") => {
            let main = main?;
            // The sentence's first named actor, its subject, is the main state's.
            let agent = named.iter().filter(|n| n.span.end <= m.span.start).min_by_key(|n| n.span.start)?;
            // A state or its forces acting, not its own rebels or gangs (whose victims are mostly at home).
            let home_grown = matches!(agent.agent.as_deref(), Some("REB" | "CRM" | "OPP" | "CVL"));
            if agent.country.as_deref() != Some(main) || home_grown {
                return None;
            }
            let between = text[agent.span.end..m.span.start].to_lowercase();
            if !FORCE_STEMS.iter().any(|s| between.contains(s)) {
                return None;
            }
            // Another state named before the victims ("a boat from Venezuela"), not where it was said ("…, officials
            // in Nairobi said").
            let elsewhere = named.iter().any(|n| {
                let after = text[n.span.end..].trim_start_matches(',').trim_start();
                let said = ["said", "says", "told", "reported", "announced"].iter().any(|v| after.starts_with(v));
                n.kind == MentionKind::State
                    && n.span.end <= m.span.start
                    && !said
                    && n.country.as_deref().is_some_and(|c| c != main)
            });
            elsewhere.then_some(None)
        }
        _ => None,
    }
}

/// Whether the words an actor was named by fit a description that its dictionary name does not: "the African Union
/// Peace and Security Council" (coded as the Union) is "the Council"; "the Eastern Theater Command", "Iran's
/// Revolutionary Guards" (coded as an army) are "the command", "the Guards"; a named army is "the command" when no
/// command is named.
fn fits_definite_by_words(words: &str, m: &Mention, class: Definite) -> bool {
    let has = |w: &str| words.split(|c: char| !c.is_alphanumeric()).any(|x| x == w);
    match class {
        Definite::Council => has("Council"),
        Definite::Court => has("Court") || has("Tribunal"),
        Definite::Mission => has("Mission"),
        Definite::Commission => has("Commission"),
        Definite::Command => has("Command") || m.agent.as_deref() == Some("MIL") && m.country.is_some(),
        Definite::Guards => has("Guard") || has("Guards"),
        _ => false,
    }
}

/// Agents whose bare role words this antecedent rule leaves to other rules: civilians (plural demonyms, places),
/// armed groups and armies (the group or army named before).
const SAME_HEAD_SKIP_AGENTS: &[&str] = &["CVL", "REB", "MIL", "CRM"];

/// Bare role words too general to point back to one earlier actor ("officials", "the side", "the government").
const SAME_HEAD_GENERIC: &[&str] = &[
    "side",
    "official",
    "officials",
    "government",
    "administration",
    "authorities",
    "leader",
    "leaders",
    "leadership",
    "regime",
    "minister",
    "ministers",
    "ministry",
    "counterpart",
    "counterparts",
];

/// "German federal prosecutors … Prosecutors accuse him", "the French ambassador, Sylvain Itte … the ambassador had
/// ignored": a role without a state whose words end an actor named with its state shortly before (a state word
/// before the same role words) is that actor. The nearest such actor wins; "other", "foreign", "local" before the
/// role, or a possessive, point elsewhere.
fn same_head_antecedent(doc: &Document, out: &[Mention], i: usize) -> Option<Mention> {
    let m = &out[i];
    if m.via != Via::Context || m.agent.as_deref().is_none_or(|a| SAME_HEAD_SKIP_AGENTS.contains(&a)) {
        return None;
    }
    let role = doc.slice(m.span).to_lowercase();
    if SAME_HEAD_GENERIC.contains(&role.as_str()) {
        return None;
    }
    let before = doc.text()[..m.span.start].trim_end();
    let prev_word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    let prev_lower = prev_word.to_lowercase();
    if prev_word.ends_with("'s")
        || prev_word.ends_with("’s")
        || prev_word.ends_with('\'')
        || [
            "a", "an", "other", "foreign", "local", "his", "her", "its", "their", "our", "your", "my", "whose",
            "western", "some",
        ]
        .contains(&prev_lower.as_str())
    {
        return None;
    }
    out[..i]
        .iter()
        .rev()
        .take_while(|n| within_definite_reach(n.sentence, m.sentence))
        .filter(|n| n.via == Via::Name && n.country.is_some() && n.agent == m.agent && n.span.end <= m.span.start)
        .find(|n| {
            let text = doc.slice(n.span).to_lowercase();
            text.len() > role.len()
                && text.ends_with(role.as_str())
                && text[..text.len() - role.len()].ends_with([' ', '-'])
        })
        .cloned()
}

/// Words between a locative preposition and a place ("in northern Ethiopia", "in the capital Kabul").
const PLACE_MODIFIERS: &[&str] =
    &["northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "capital"];

/// How many sentences back a definite description ("the group") looks for what it names.
const DEFINITE_REACH: usize = 5;

/// Whether a mention in sentence `earlier` is close enough before sentence `later` for a definite description,
/// a title or a repeated role to mean it (mentions outside sentences, as in a title, always are).
fn within_definite_reach(earlier: Option<usize>, later: Option<usize>) -> bool {
    match (earlier, later) {
        (Some(a), Some(b)) => b.saturating_sub(a) <= DEFINITE_REACH,
        _ => true,
    }
}

/// What a definite description can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Definite {
    /// An armed group, movement, party or non-governmental organisation.
    Group,
    /// Any organisation.
    Organisation,
    /// A political party.
    Party,
    /// NATO or a named alliance.
    Alliance,
    /// A regional or economic bloc of states.
    Bloc,
    /// A council (the Security Council, the Gulf Cooperation Council).
    Council,
    /// An international agency or watchdog.
    Agency,
    /// A court or tribunal.
    Court,
    /// The IMF, the World Bank: "the lender", "the fund", "the bank".
    Lender,
    /// The European Union, the African Union.
    Union,
    /// A UN or AU mission.
    Mission,
    /// A state named before: "the kingdom", "the Gulf state", "the island nation".
    State,
    /// A military command named before ("the Eastern Theater Command … the command"), else the army named before.
    Command,
    /// A commission named before ("the European Commission … the commission").
    Commission,
    /// A guard corps named before ("Iran's Revolutionary Guards … the Guards").
    Guards,
}

/// The head nouns of definite descriptions, and what each can name.
const DEFINITE_HEADS: &[(&str, Definite)] = &[
    ("group", Definite::Group),
    ("movement", Definite::Group),
    ("militia", Definite::Group),
    ("faction", Definite::Group),
    ("outfit", Definite::Group),
    ("organisation", Definite::Organisation),
    ("organization", Definite::Organisation),
    ("party", Definite::Party),
    ("alliance", Definite::Alliance),
    ("bloc", Definite::Bloc),
    ("council", Definite::Council),
    ("agency", Definite::Agency),
    ("watchdog", Definite::Agency),
    ("court", Definite::Court),
    ("tribunal", Definite::Court),
    ("lender", Definite::Lender),
    ("fund", Definite::Lender),
    ("bank", Definite::Lender),
    ("union", Definite::Union),
    ("mission", Definite::Mission),
    ("kingdom", Definite::State),
    ("emirate", Definite::State),
    ("sultanate", Definite::State),
    ("state", Definite::State),
    ("nation", Definite::State),
    ("country", Definite::State),
    ("command", Definite::Command),
    ("commission", Definite::Commission),
    ("guards", Definite::Guards),
];

/// Modifiers that make a description mean something other than the organisation named before ("the rival group").
const DEFINITE_STOPS: &[&str] = &[
    "other",
    "another",
    "rival",
    "new",
    "first",
    "second",
    "third",
    "whole",
    "entire",
    "opposition",
    "two",
    "three",
    "both",
    "each",
    "every",
    "former",
    "splinter",
    "breakaway",
    "parent",
    "youth",
    "women's",
    "working",
    "contact",
    "pressure",
    "advocacy",
    "ethnic",
    "age",
    "control",
    "study",
    "focus",
    "expert",
    "civic",
    "protest",
    "border",
    "coast",
    "prison",
];

/// Capitalised words that may modify a description ("the Western alliance", "the Islamist group").
const DEFINITE_CAPITALS: &[&str] = &[
    "Balkan",
    "Caribbean",
    "Himalayan",
    "Andean",
    "Scandinavian",
    "Caucasus",
    "Alpine",
    "Sahel",
    "Sahelian",
    "Islamist",
    "Western",
    "Sunni",
    "Shiite",
    "Shia",
    "Salafist",
    "Jihadist",
    "Marxist",
    "Maoist",
    "Arab",
    "African",
    "Asian",
    "European",
    "Atlantic",
    "Gulf",
    "Nordic",
    "Baltic",
    "Kurdish",
    "UN",
    "U.N.",
    "Islamic",
];

/// A definite description found in a text: the span runs from the first modifier after "the" to the head noun
/// ("Western alliance" in "the Western alliance"); `named` lists the capitalised modifiers that are no known
/// modifier word, which must be country adjectives ("the Lebanese group").
struct DefiniteCandidate {
    start: usize,
    end: usize,
    class: Definite,
    named: Vec<(usize, usize)>,
}

/// The definite descriptions of a text. A head followed by "of" ("the council of ministers"), in the plural, or
/// with a modifier that points elsewhere ("the rival group") is none.
fn definite_candidates(text: &str) -> Vec<DefiniteCandidate> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(off) = text[from..].find("he ") {
        let at = from + off;
        from = at + 3;
        if at == 0 || !matches!(bytes[at - 1], b't' | b'T') {
            continue;
        }
        let the = at - 1;
        if text[..the].chars().next_back().is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        let start = at + 3;
        let mut pos = start;
        let mut named = Vec::new();
        for _ in 0..3 {
            let rest = &text[pos..];
            let len = rest.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.')).unwrap_or(rest.len());
            let word = rest[..len].trim_end_matches('.');
            if word.is_empty() {
                break;
            }
            let end = pos + word.len();
            let lower = word.to_lowercase();
            if let Some(&(_, class)) = DEFINITE_HEADS.iter().find(|(h, _)| *h == lower) {
                let after = &text[end..];
                // "accused the alliance of provoking" is the alliance; "the group of experts" is another group.
                let of_noun = after.strip_prefix(" of ").is_some_and(|r| {
                    !r.split(|c: char| !c.is_alphanumeric()).next().is_some_and(|w| w.ends_with("ing"))
                });
                if !of_noun && !after.starts_with(|c: char| c.is_alphanumeric()) {
                    out.push(DefiniteCandidate { start, end, class, named });
                }
                break;
            }
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            let compound =
                word.contains('-') && word.rsplit('-').next().is_some_and(|w| w.chars().all(char::is_lowercase));
            let plain = word.chars().all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-');
            if DEFINITE_STOPS.contains(&lower.as_str()) || !rest[len..].starts_with(' ') {
                break;
            }
            if capitalised && !compound && !DEFINITE_CAPITALS.contains(&word) {
                named.push((pos, end));
            } else if !(plain || compound || DEFINITE_CAPITALS.contains(&word)) {
                break;
            }
            pos += len + 1;
        }
    }
    out
}

/// Whether a description headed by a state noun names a state told before: "kingdom", "emirate" and "sultanate" do
/// with any modifier; "state", "nation" and "country" only with a modifier that describes a state's place or kind
/// ("the Gulf state", "the island nation", "the Himalayan country"), not bare ("the country" is often the speaker's
/// own) nor one that points elsewhere ("the neighbouring country", "the host nation").
fn state_description(desc: &str) -> bool {
    let words: Vec<&str> = desc.split_whitespace().collect();
    let Some((head, mods)) = words.split_last() else { return false };
    if matches!(*head, "kingdom" | "emirate" | "sultanate") {
        return true;
    }
    !mods.is_empty() && mods.iter().all(|w| STATE_DESCRIPTORS.contains(w))
}

/// The states a description's head or modifier restricts it to: monarchies for "kingdom", emirates, sultanates, the
/// Gulf Arab states for "Gulf"; `None` when it says nothing checkable ("the island nation").
fn state_kind_named(desc: &str) -> Option<&'static [&'static str]> {
    let words: Vec<&str> = desc.split_whitespace().collect();
    match words.last().copied() {
        Some("kingdom") => Some(&[
            "SAU", "JOR", "MAR", "BHR", "GBR", "ESP", "NLD", "BEL", "SWE", "NOR", "DNK", "THA", "KHM", "BTN", "SWZ",
            "LSO", "TON",
        ]),
        Some("emirate") => Some(&["ARE", "QAT", "KWT"]),
        Some("sultanate") => Some(&["OMN", "BRN"]),
        _ if words.contains(&"Gulf") => Some(&["SAU", "ARE", "QAT", "KWT", "BHR", "OMN"]),
        _ => None,
    }
}

/// Whether `country` is a state the description can name ([`state_kind_named`]).
fn state_of_kind(desc: &str, country: &str) -> bool {
    state_kind_named(desc).is_some_and(|cs| cs.contains(&country))
}

/// Modifiers by which news names a state told before ("the Gulf state", "the oil-rich nation").
const STATE_DESCRIPTORS: &[&str] = &[
    "Gulf",
    "island",
    "Balkan",
    "Baltic",
    "Caribbean",
    "Himalayan",
    "Andean",
    "Nordic",
    "landlocked",
    "oil-rich",
    "gas-rich",
    "energy-rich",
    "mineral-rich",
    "war-torn",
    "impoverished",
    "tiny",
    "small",
    "Asian",
    "African",
    "Arab",
    "European",
    "Scandinavian",
    "Caucasus",
    "Alpine",
    "Sahel",
    "Sahelian",
    "coastal",
    "archipelago",
    "communist",
    "nuclear-armed",
    "isolated",
    "reclusive",
    "secretive",
    "Muslim-majority",
];

/// Whether a mention overlapping a description reaches outside it ("the Group of Seven" is a name, not "the group").
fn m_outside(inside: &[&Mention], span: Span) -> bool {
    inside.iter().any(|m| m.span.start < span.start || m.span.end > span.end)
}

/// Words before a role that make it generic rather than the document's main state's ("Western officials").
const GENERIC_OWNERS: &[&str] = &[
    "Western",
    "western",
    "European",
    "Arab",
    "African",
    "Asian",
    "Latin",
    "Gulf",
    "Nordic",
    "Baltic",
    "Balkan",
    "Eastern",
    "Muslim",
    "foreign",
    "Foreign",
    "international",
    "International",
    "regional",
    "Regional",
    "world",
    "World",
    "global",
    "Global",
    "allied",
    "Allied",
    "other",
    "Other",
    "multinational",
    "Multinational",
];

/// Words of other agent types that, named without a country, are the document's main state's too: a junta rules
/// the state the story is about ("the junta" is that state's military).
const CONTEXT_WORDS: &[&str] = &[
    "junta",
    "military junta",
    "ruling junta",
    "coup leaders",
    "putschists",
    "mutineers",
    "mutinous soldiers",
    "army",
    "military",
    "troops",
    "soldiers",
    "armed forces",
    "servicemen",
    "navy",
    "air force",
    "special forces",
    "commandos",
    "paratroopers",
    "marines",
    "coast guard",
    "border guards",
    "army officers",
    "military officers",
    "presidential guard",
];

/// Whether the word right before `span` is "his" or "her" (also "His"/"Her" when `capitalised`), as a word of its own.
fn after_his_or_her(text: &str, span: Span, capitalised: bool) -> bool {
    let before = text[..span.start].trim_end();
    let words: &[&str] = if capitalised { &["his", "her", "His", "Her"] } else { &["his", "her"] };
    words.iter().any(|w| before.strip_suffix(w).is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace)))
}

/// Whether the role at `span` follows "its"/"their" right after a verb of saying ("said its forces", "says that
/// their troops"): the forces of the side that speaks, named just before.
fn after_speaker_its(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end();
    let Some(rest) = ["its", "their"].iter().find_map(|w| before.strip_suffix(w)) else { return false };
    if !rest.ends_with(char::is_whitespace) {
        return false;
    }
    let rest = rest.trim_end();
    let rest = rest.strip_suffix(" that").unwrap_or(rest);
    ["said", "says", "claimed", "claims", "announced", "reported", "added", "stated"]
        .iter()
        .any(|v| rest.strip_suffix(v).is_some_and(|b| b.ends_with(char::is_whitespace)))
}

/// Whether `word` at `span` is a side's own armed branch named after "its"/"their" right after a verb of saying
/// ("the ministry said its forces had struck …", "said its air force had shot down …"): the speaker's military.
/// Bare "forces" elsewhere ("external forces") stays nobody's.
fn speaker_own_forces(text: &str, word: &str, span: Span) -> bool {
    SPEAKER_FORCES.contains(&word) && after_speaker_its(text, span)
}

/// Words for the armed branch that "its"/"their" after a verb of saying ties to the speaker: the words "his"/"her"
/// tie to a person, and the services a state speaks of as its own.
const SPEAKER_FORCES: &[&str] =
    &["forces", "troops", "army", "soldiers", "fighters", "men", "air force", "navy", "armed forces", "military"];

/// Whether the text after "side"/"sides" makes it a side of a place ("of the border", "of the Atlantic"), not a
/// party to a dispute.
fn side_of_a_place(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(" of ") else { return false };
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let next = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    matches!(
        next,
        "border"
            | "borders"
            | "frontier"
            | "boundary"
            | "line"
            | "river"
            | "road"
            | "street"
            | "fence"
            | "wall"
            | "strait"
            | "bridge"
            | "divide"
            | "aisle"
            | "Atlantic"
            | "Pacific"
            | "globe"
            | "world"
            | "city"
            | "island"
            | "country"
    )
}

/// Whether the text after an international body names one member of it rather than the body: "a NATO member",
/// "NATO member Poland", "an EU member state", "a fellow NATO ally" (singular only; "NATO members agreed" is left).
fn one_member_of(after: &str) -> bool {
    let after = after.strip_prefix('-').unwrap_or(after.trim_start());
    let Some(rest) = ["member", "ally"].iter().find_map(|w| after.strip_prefix(w)) else { return false };
    // "members", "membership", "allies": the body or its members together.
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let next = rest.trim_start().split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    !matches!(next, "states" | "countries" | "nations" | "governments" | "leaders")
}

/// Words for an army that "his"/"her" ties to the person named just before ("his forces", "her troops").
const OWNED_FORCES: &[&str] = &["forces", "troops", "army", "soldiers", "fighters", "men"];
/// Words for a government that "his"/"her" ties to the person named just before ("Biden said his administration").
const OWNED_GOV: &[&str] = &["government", "administration", "cabinet"];

/// The (country, agent) a context role `out[i]` takes from a mention before it: "his forces" are the military of the
/// person named earlier in the same sentence; "the embassy" is the embassy of the state named with "embassy" in the
/// last three sentences. `None` when neither applies.
fn owned_forces_or_embassy(doc: &Document, out: &[Mention], i: usize) -> Option<(String, String)> {
    let m = &out[i];
    if m.via != Via::Context {
        return None;
    }
    let role = doc.slice(m.span).to_lowercase();
    let before = doc.text()[..m.span.start].trim_end();
    let owner = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let owned_gov = m.agent.as_deref() == Some("GOV") && OWNED_GOV.contains(&role.as_str());
    if m.agent.as_deref() == Some("MIL") && after_speaker_its(doc.text(), m.span) {
        let speaker = out[..i]
            .iter()
            .rev()
            .take_while(|n| n.sentence == m.sentence)
            .find(|n| n.via != Via::Context && n.country.is_some())?;
        return Some((speaker.country.clone()?, "MIL".to_string()));
    }
    if (m.agent.as_deref() == Some("MIL") || owned_gov) && matches!(owner, "his" | "her" | "His" | "Her") {
        let person = out[..i]
            .iter()
            .rev()
            .take_while(|n| n.sentence == m.sentence)
            .find(|n| n.kind == MentionKind::Person && n.via != Via::Context && n.country.is_some())?;
        return Some((person.country.clone()?, if owned_gov { "GOV" } else { "MIL" }.to_string()));
    }
    if matches!(role.as_str(), "embassy" | "consulate") && matches!(owner, "the" | "The") {
        let named = out[..i]
            .iter()
            .rev()
            .take_while(|n| match (n.sentence, m.sentence) {
                (Some(a), Some(b)) => b.saturating_sub(a) <= 3,
                _ => true,
            })
            .find(|n| {
                n.via != Via::Context
                    && n.country.is_some()
                    && doc.slice(n.span).to_lowercase().ends_with(role.as_str())
            })?;
        return Some((named.country.clone()?, named.agent.clone().unwrap_or_else(|| "GOV".to_string())));
    }
    None
}

/// Whether "military" (between `before` and `after`) is the noun "the military" and not an adjective: the word
/// before it is "the" and the word after it is punctuation, a possessive, or a word a subject is followed by (an
/// auxiliary, a past-tense verb, a conjunction or preposition), not a noun it modifies ("the military base").
fn military_as_noun(before: &str, after: &str) -> bool {
    let prev = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if !matches!(prev, "the" | "The") {
        return false;
    }
    let after = after.trim_start();
    let Some(c) = after.chars().next() else { return true };
    if after.starts_with("'s") || after.starts_with("\u{2019}s") {
        return true;
    }
    if !c.is_alphabetic() {
        return !matches!(c, '-' | '/');
    }
    let next: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    if next.ends_with("ed") && next.len() > 4 {
        return true;
    }
    matches!(
        next.as_str(),
        "said"
            | "says"
            | "say"
            | "has"
            | "had"
            | "have"
            | "is"
            | "was"
            | "were"
            | "are"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "must"
            | "should"
            | "also"
            | "and"
            | "or"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "with"
            | "that"
            | "which"
            | "who"
            | "did"
            | "does"
            | "took"
            | "takes"
            | "seized"
            | "began"
            | "begins"
            | "launches"
            | "carries"
            | "denied"
            | "denies"
            | "struck"
            | "strikes"
            | "shot"
            | "fired"
            | "then"
            | "later"
            | "now"
            | "still"
            | "since"
            | "after"
            | "over"
            | "by"
            | "as"
            | "but"
    )
}

/// States ruled by a military junta at some time since 2006: "the junta" of a story that names one of them.
const JUNTA_STATES: &[&str] = &["MMR", "MLI", "BFA", "NER", "GIN", "SDN", "TCD", "GAB", "THA", "EGY", "MDG", "FJI"];

/// Agent types that, named without a country, are taken to be the document's main state's.
const CONTEXT_AGENTS: &[&str] = &["COP", "CVL", "OPP", "JUD", "LEG", "GOV", "REB", "CRM", "LAB", "SET"];

/// Countries by how often they are mentioned (ties broken by first mention), counting mentions found by name or as
/// a pair, not roles filled in from context.
fn countries_by_mentions(mentions: &[Mention]) -> Vec<String> {
    rank_countries(mentions, |m| !m.code.is_empty() && m.via != Via::Context)
        .into_iter()
        .map(|(c, _)| c.to_string())
        .collect()
}

/// The countries of the mentions `keep` accepts, the most mentioned first (ties: the first mentioned first), each
/// with the index of its first accepted mention.
pub(crate) fn rank_countries(mentions: &[Mention], keep: impl Fn(&Mention) -> bool) -> Vec<(&str, usize)> {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let Some(c) = m.country.as_deref() else { continue };
        if !keep(m) {
            continue;
        }
        match counts.iter_mut().find(|(x, _, _)| *x == c) {
            Some(e) => e.1 += 1,
            None => counts.push((c, 1, i)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    counts.into_iter().map(|(c, _, i)| (c, i)).collect()
}

/// The country mentioned most often.
fn principal_country(mentions: &[Mention]) -> Option<String> {
    countries_by_mentions(mentions).into_iter().next()
}

/// "Washington urged both countries", "the Taliban called on both neighbours": a pair addressed by an appeal or a
/// message does not hold the side that addresses it. When the pair phrase follows such a verb after a named actor of
/// a state, the pair is two other states: first those that open the most sentences, then the most mentioned.
/// `None` when nothing is addressed.
fn addressed_pair(
    doc: &Document,
    all: &[Mention],
    pos: usize,
    sentence: Option<usize>,
    span: Span,
) -> Option<(String, String)> {
    let head = doc.text()[..span.start].trim_end();
    let last = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
    let prev = head[..head.len() - last.len()].trim_end();
    let prev = prev.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
    let appeal = |w: &str| {
        ["urg", "ask", "press", "told", "tell", "warn", "encourag", "implor", "exhort", "invit", "advis"]
            .iter()
            .any(|s| w.starts_with(s))
    };
    let addressed = appeal(&last)
        || (matches!(last.as_str(), "on" | "upon") && prev.starts_with("call"))
        || (last == "to" && (prev.starts_with("appeal") || prev.starts_with("plead")));
    if !addressed {
        return None;
    }
    // Only a named state in the same sentence before the phrase addresses it (not a pronoun, role or pair).
    let own: Vec<&String> = all[..pos]
        .iter()
        .filter(|m| m.sentence == sentence && matches!(m.via, Via::Name) && !m.code.is_empty())
        .filter_map(|m| m.country.as_ref())
        .collect();
    let ranked = countries_by_mentions(all);
    if own.is_empty() {
        return None;
    }
    // The two it addresses are the states the story has acting: those that open sentences as their first named
    // actor come first ("Iran has forced … Pakistan has also stepped up … the Taliban called on both neighbours",
    // not Israel, named only as the object of "war with"), then by mentions.
    let mut firsts: Vec<&String> = Vec::new();
    let mut seen = None;
    for m in all.iter().filter(|m| matches!(m.via, Via::Name) && !m.code.is_empty()) {
        if seen != Some(m.sentence) {
            seen = Some(m.sentence);
            if let Some(c) = &m.country {
                firsts.push(c);
            }
        }
    }
    let mut rest: Vec<(usize, String)> = ranked
        .into_iter()
        .filter(|c| !own.contains(&c))
        .map(|c| (firsts.iter().filter(|&&f| *f == c).count(), c))
        .collect();
    // A stable sort keeps the order by mentions among states that open as many sentences.
    rest.sort_by_key(|r| std::cmp::Reverse(r.0));
    let mut rest = rest.into_iter().map(|(_, c)| c);
    Some((rest.next()?, rest.next()?))
}

/// Whether a pair phrase is one of `PAIRS_SIDES` ("each side", "the warring parties").
fn is_sides_phrase(phrase: &str) -> bool {
    let p = phrase.to_lowercase();
    p.starts_with("each") || p.contains("warring")
}

/// Whether a `PAIRS_SIDES` phrase names actors here: "each side" not before "of" ("each side of the border") or a
/// possessive; bare "each" only opening a clause before a verb in the past or third person ("Each blamed the other",
/// not "Each year", "each of them"). Other pair phrases always pass.
fn sides_as_actor(phrase: &str, after: &str) -> bool {
    if !is_sides_phrase(phrase) {
        return true;
    }
    let next = after.trim_start().split(|c: char| !c.is_alphabetic() && c != '\'').next().unwrap_or("");
    if next == "of" || after.starts_with('\'') || after.starts_with('’') {
        return false;
    }
    if phrase.eq_ignore_ascii_case("each") {
        let verbish = next.chars().all(|c| c.is_ascii_lowercase())
            && (next.ends_with("ed")
                || matches!(next, "has" | "says" | "said" | "accuses" | "blames" | "claims" | "insists" | "wants"));
        return after.starts_with(' ') && !next.is_empty() && verbish;
    }
    true
}

/// Whether the two most mentioned states clearly lead the story: no third as often mentioned as the second.
fn clear_pair(mentions: &[Mention]) -> bool {
    let ranked = rank_countries(mentions, |m| !m.code.is_empty() && m.via != Via::Context);
    if ranked.len() < 3 {
        return ranked.len() == 2;
    }
    let count = |c: &str| {
        mentions
            .iter()
            .filter(|m| !m.code.is_empty() && m.via != Via::Context && m.country.as_deref() == Some(c))
            .count()
    };
    count(ranked[2].0) < count(ranked[1].0)
}

/// Whether a phrase after `before` (the document up to it) opens a clause of its own, as a subject does: after a
/// comma or semicolon, or after a conjunction ("…, and the two leaders toured", "after which both sides praised"),
/// not after a preposition or a verb ("a halt to the fighting between the two sides", "urged both sides").
pub(crate) fn opens_clause(before: &str) -> bool {
    let head = before.trim_end();
    if head.ends_with([',', ';']) {
        return true;
    }
    let last = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    matches!(
        last.to_lowercase().as_str(),
        "and" | "but" | "where" | "which" | "while" | "as" | "when" | "then" | "after" | "so" | "later"
    )
}

/// "Modi held talks with Putin, and the two leaders rode together": the states of exactly two countries named
/// earlier in the phrase's own sentence are the pair, before the story's most mentioned two. A third country named
/// there, or only one, leaves it to the story.
fn named_pair_in_sentence(before: &[Mention], sentence: Option<usize>) -> Option<(String, String)> {
    sentence?;
    let mut countries: Vec<&String> = Vec::new();
    for m in before.iter().rev().filter(|m| m.sentence.is_some()).take_while(|m| m.sentence == sentence) {
        if m.via != Via::Name || m.code.is_empty() {
            continue;
        }
        if let Some(c) = &m.country {
            if !countries.contains(&c) {
                countries.push(c);
            }
        }
    }
    match countries[..] {
        [b, a] => Some((a.clone(), b.clone())),
        _ => None,
    }
}

/// The two countries mentioned most often.
fn principal_pair(mentions: &[Mention]) -> Option<(String, String)> {
    let mut top = countries_by_mentions(mentions).into_iter();
    Some((top.next()?, top.next()?))
}

/// Which country words a non-actor slot takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Adjective,
    Country,
}

/// A non-actor phrase with one slot: `traditional {adj} medicine` is prefix "traditional ", slot adjective,
/// suffix " medicine".
#[derive(Clone, Debug)]
struct NonActorTemplate {
    prefix: String,
    slot: Slot,
    suffix: String,
}

impl NonActorTemplate {
    /// `None` for a phrase without a slot (matched literally).
    fn parse(phrase: &str) -> Option<NonActorTemplate> {
        for (ph, slot) in [("{adj}", Slot::Adjective), ("{country}", Slot::Country)] {
            if let Some((prefix, suffix)) = phrase.split_once(ph) {
                return Some(NonActorTemplate { prefix: prefix.to_string(), slot, suffix: suffix.to_string() });
            }
        }
        None
    }
}

/// Slot templates indexed by the first word after the slot ("" when the phrase ends with the slot).
#[derive(Default)]
struct Templates {
    by_next_word: HashMap<String, Vec<NonActorTemplate>>,
}

fn first_word(s: &str) -> &str {
    let s = s.trim_start_matches([' ', '-', '–']);
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

impl Templates {
    fn add(&mut self, t: NonActorTemplate) {
        self.by_next_word.entry(first_word(&t.suffix).to_string()).or_default().push(t);
    }

    /// A block covering `raw` when a template fits around it.
    fn block_around(&self, text: &str, raw: &Raw, readings: &[Payload]) -> Option<Raw> {
        if self.by_next_word.is_empty() {
            return None;
        }
        let slot_fits = |slot: Slot| {
            readings.iter().any(|p| match p {
                Payload::Country { form, .. } => match slot {
                    Slot::Adjective => *form == Form::Adjective,
                    Slot::Country => *form == Form::Name,
                },
                _ => false,
            })
        };
        let after = &text[raw.end..];
        let before = &text[..raw.start];
        let next = first_word(after);
        let buckets = [self.by_next_word.get(next), if next.is_empty() { None } else { self.by_next_word.get("") }];
        for t in buckets.into_iter().flatten().flatten() {
            if !slot_fits(t.slot) || !before.ends_with(t.prefix.as_str()) || !after.starts_with(t.suffix.as_str()) {
                continue;
            }
            let start = raw.start - t.prefix.len();
            let end = raw.end + t.suffix.len();
            if boundary_ok(text, start, end) {
                return Some(Raw { start, end, pattern: raw.pattern, payload: Payload::Block });
            }
        }
        None
    }
}

/// "Russian and Chinese troops", "US and British activists": a country adjective (or an upper-case abbreviation
/// used as one) joined by "and" to an adjective + agent noun shares that noun: both are troops, both activists.
/// A country's name ("Iran and Iraqi forces") stays the state.
fn share_agent_over_and(chains: &[Vec<Raw>], mentions: &mut [(usize, Mention)], text: &str) {
    for i in 1..mentions.len() {
        let (ca, cb) = (mentions[i - 1].0, mentions[i].0);
        if cb != ca + 1 || chains[ca].len() != 1 || chains[cb].len() < 2 {
            continue;
        }
        let (a, b) = (&mentions[i - 1].1, &mentions[i].1);
        let a_text = text.get(a.span.start..a.span.end).unwrap_or("");
        let attributive = match chains[ca][0].payload {
            Payload::Country { form: Form::Adjective, .. } => true,
            Payload::Country { form: Form::Name, .. } => {
                a_text.len() <= 4 && a_text.chars().all(|c| c.is_ascii_uppercase() || c == '.')
            }
            _ => false,
        };
        if !attributive
            || !matches!(chains[cb][0].payload, Payload::Country { form: Form::Adjective, .. })
            || a.agent.is_some()
            || a.country.is_none()
            || b.agent.is_none()
            || b.country.is_none()
            || a.country == b.country
            || text.get(a.span.end..b.span.start) != Some(" and ")
        {
            continue;
        }
        let agent = b.agent.clone();
        let a = &mut mentions[i - 1].1;
        a.code = format!("{}{}", a.country.as_deref().unwrap_or(""), agent.as_deref().unwrap_or(""));
        a.agent = agent;
    }
}

#[derive(Clone, Copy, Debug)]
struct Raw {
    start: usize,
    end: usize,
    pattern: usize,
    payload: Payload,
}

fn boundary_ok(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    // A name ending in a dot ("U.S.") may be followed by anything.
    let ends_dot = text[..end].ends_with('.');
    !word(before) && (ends_dot || !word(after))
}

/// Groups adjacent raw matches that name one actor: "Belarusian President Alexander Lukashenko",
/// "Russia's Foreign Ministry", "the Ministry of Foreign Affairs of China".
/// What a state owns in "the President of Germany's support": stances, offers and help, not people.
const OWNED: &[&str] = &[
    "support",
    "backing",
    "position",
    "stance",
    "commitment",
    "solidarity",
    "readiness",
    "willingness",
    "decision",
    "offer",
    "proposal",
    "plan",
    "concern",
    "concerns",
    "view",
    "views",
    "interests",
    "request",
    "invitation",
    "help",
    "assistance",
    "aid",
    "condolences",
    "gratitude",
    "appreciation",
];

fn chain(text: &str, raws: &[Raw]) -> Vec<Vec<Raw>> {
    let mut out: Vec<Vec<Raw>> = Vec::new();
    for r in raws {
        let join = match out.last() {
            Some(cur) => {
                let prev = cur.last().unwrap();
                let gap = &text[prev.end..r.start];
                // "assured the President of Germany's support": a possessive country after "of" owns what follows,
                // it does not say whose the title is.
                // ("Soldiers of Niger's presidential guard" stays one actor: only a stance or an offer is owned.)
                let possessed = matches!(gap.trim(), "of" | "of the")
                    && ["'s ", "’s ", "' ", "’ "].iter().any(|p| {
                        text[r.end..].strip_prefix(p).is_some_and(|rest| {
                            let w = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                            OWNED.contains(&w)
                        })
                    });
                !possessed && can_join(cur, prev, r, gap)
            }
            None => false,
        };
        if join {
            out.last_mut().unwrap().push(*r);
        } else {
            out.push(vec![*r]);
        }
    }
    out
}

fn is_countryish(p: &Payload) -> bool {
    matches!(p, Payload::Country { .. } | Payload::Institution { .. })
}

fn is_named(p: &Payload) -> bool {
    matches!(p, Payload::Person { .. } | Payload::Org(_))
}

/// Hyphenated words after a state or group that make the agent after them that side's: "Hamas-run ministry".
const RUN_BY: &[&str] = &["-run", "-led", "-controlled", "-installed", "-appointed", "-commanded", "-owned"];

/// Words that end a noun phrase's modifiers: "the Chinese said police …" is no Chinese police.
const MODIFIER_STOPS: &[&str] = &[
    "of", "for", "to", "with", "by", "in", "on", "at", "against", "from", "and", "or", "but", "the", "a", "an", "that",
    "which", "who", "is", "are", "was", "were", "be", "has", "have", "had", "said", "says", "say", "told", "and", "as",
    "than", "its", "their", "his", "her", "not", "also", "will", "would", "could", "may", "can", "should", "must",
    "people", "side", "leader", "leaders", "former", "ex", "then", "late",
];

fn can_join(cur: &[Raw], prev: &Raw, next: &Raw, gap: &str) -> bool {
    let (a, b) = (prev.payload, next.payload);
    if matches!(a, Payload::Block | Payload::Pair { .. } | Payload::Pronoun(_))
        || matches!(b, Payload::Block | Payload::Pair { .. } | Payload::Pronoun(_))
    {
        return false;
    }
    let has_country = cur.iter().any(|r| is_countryish(&r.payload));
    let has_named = cur.iter().any(|r| is_named(&r.payload));
    let org_title_then_person = matches!(b, Payload::Person { .. })
        && matches!(a, Payload::Agent(_))
        && cur.iter().all(|r| !matches!(r.payload, Payload::Person { .. }));
    let state_then_institution =
        matches!((a, b), (Payload::Country { .. }, Payload::Institution { .. })) && cur.len() == 1;
    if (is_countryish(&b) && has_country && !state_then_institution)
        || (is_named(&b) && has_named && !org_title_then_person)
    {
        return false;
    }
    let space = !gap.is_empty() && gap.len() <= 2 && gap.chars().all(|c| c == ' ');
    // "Russia's Foreign Ministry", and with a word or two between: "Eritrea's information minister".
    let possessive = matches!(gap, "'s " | "’s " | "' " | "’ ")
        || ["'s ", "’s "].iter().any(|p| {
            gap.strip_prefix(p).is_some_and(|rest| {
                let words: Vec<&str> = rest.split_whitespace().collect();
                rest.ends_with(' ')
                    && (1..=2).contains(&words.len())
                    && words.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
                    && !words.iter().any(|w| {
                        matches!(
                            *w,
                            "of" | "for" | "to" | "with" | "by" | "in" | "on" | "against" | "from" | "and" | "the"
                        )
                    })
            })
        });
    let of = matches!(gap.trim(), "of" | "of the");
    // "the Hamas-run health ministry", "Russian-installed officials", "US-led forces": run or put there by the
    // named side (but "Iran-backed militias" are not Iran's own).
    let run_by = RUN_BY.iter().any(|h| {
        gap.strip_prefix(h).is_some_and(|rest| {
            let words: Vec<&str> = rest.split_whitespace().collect();
            rest.starts_with(' ')
                && rest.ends_with(' ')
                && words.len() <= 2
                && words.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-') && !MODIFIER_STOPS.contains(w))
        })
    });
    // "the Malian transitional government", "Israeli riot police": a state adjective, a word or two of lower-case
    // modifiers, then an agent word.
    let modifiers = {
        let words: Vec<&str> = gap.split_whitespace().collect();
        gap.starts_with(' ')
            && gap.ends_with(' ')
            && (1..=2).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().all(|c| c.is_lowercase() || c == '-') && !w.ends_with("ed") && !MODIFIER_STOPS.contains(w)
            })
    };
    match (a, b) {
        (Payload::Country { .. } | Payload::Institution { .. } | Payload::Org(_), Payload::Agent(_))
            if run_by && !matches!(a, Payload::Country { form: Form::People, .. }) =>
        {
            true
        }
        (Payload::Country { form: Form::Adjective, .. }, Payload::Agent(_)) if modifiers => true,
        // Russia's Foreign Ministry, Belarusian President, Belarus President Lukashenko
        (Payload::Country { form, .. }, Payload::Agent(_) | Payload::Person { .. } | Payload::Org(_)) => {
            space && form != Form::People || possessive && form != Form::Adjective
        }
        (Payload::Institution { .. }, Payload::Agent(_) | Payload::Person { .. }) => space || possessive,
        // the Peruvian Congress, Peru's Congress
        (Payload::Country { form, .. }, Payload::Institution { .. }) => {
            space && form != Form::People || possessive && form == Form::Name
        }
        // UN peacekeepers, NATO troops, Arab League Secretary-General Ahmed Aboul Gheit
        (Payload::Org(_), Payload::Agent(_) | Payload::Person { .. }) => space || possessive,
        // President Xi Jinping, Defence Ministry spokesman
        (Payload::Agent(_), Payload::Agent(_) | Payload::Person { .. }) => space,
        // Foreign Minister of China, President of Belarus
        (Payload::Agent(_), Payload::Country { form: Form::Name, .. }) => of,
        // President Lukashenko of Belarus
        (Payload::Person { .. }, Payload::Country { form: Form::Name, .. }) => of,
        // the Obama administration, the Netanyahu government
        (Payload::Person { .. }, Payload::Agent(_)) => space,
        _ => false,
    }
}

/// What the document has said so far, for resolving surnames and pronouns.
#[derive(Default)]
struct DocState {
    /// Persons named in full, in order of first appearance.
    seen_persons: Vec<usize>,
    /// How often each person was mentioned.
    counts: HashMap<usize, usize>,
    /// The last person mentioned, with their gender.
    last_person: Option<(usize, Option<char>)>,
    /// The current speaker.
    speaker: Option<usize>,
    /// Whether the last segment opened with the two sides, so that "They" is them.
    prev_pair: bool,
    /// Persons named in full anywhere in the document, found when a surname comes before its full name.
    named_in_full: Option<Vec<usize>>,
    date: Option<Date>,
}

impl DocState {
    fn note_person(&mut self, m: &Mention, dict: &Dictionaries) {
        let Some(idx) = m.person else { return };
        if m.via == Via::Name && !self.seen_persons.contains(&idx) {
            self.seen_persons.push(idx);
        }
        *self.counts.entry(idx).or_default() += 1;
        self.last_person = Some((idx, dict.people[idx].gender));
    }

    /// The person spoken to: the one mentioned most, other than the speaker (first seen wins a tie).
    fn addressee(&self, speaker: usize, _dict: &Dictionaries) -> Option<usize> {
        self.seen_persons.iter().copied().filter(|&p| p != speaker).max_by_key(|p| {
            (self.counts.get(p).copied().unwrap_or(0), std::cmp::Reverse(self.seen_persons.iter().position(|x| x == p)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code `m` gives the first mention spelled `word` in the sentences `text`, dated 2024-05-01.
    fn code_of_word(m: &ActorMatcher, text: &[&str], word: &str) -> Option<String> {
        let mut d = Document::from_sentences("t", None, text);
        d.date = Some("2024-05-01".parse().unwrap());
        m.find(&d).into_iter().find(|x| d.slice(x.span) == word).map(|x| x.code)
    }

    fn matcher() -> ActorMatcher {
        let files: Vec<(String, String)> = [
            ("countries.dict", "BLR Belarus\n    adjectives: Belarusian\nCHN China\n    adjectives: Chinese\n    capitals: Beijing\nUSA United States\n    names: US | U.S.\nRUS Russia\n    adjectives: Russian\n    GOV: Kremlin\n"),
            ("agents.dict", "GOV Government\n    words: president | side | foreign ministry | ministry\nMIL Military\n    words: defence ministry | army\nELI Elites\n    words: former president\n"),
            ("orgs.dict", "IGOUNO United Nations\n    names: UN\n"),
            ("nonactors.dict", "{adj} medicine\n{country}-Europe Railway Express\n"),
            ("people/x.dict", "Xi Jinping\n    surname: Xi\n    gender: m\n    office: CHNGOV | President | 2013-03-14 |\nAlexander Lukashenko\n    names: Lukashenka\n    gender: m\n    office: BLRGOV | President | 1994-07-20 |\nBarack Obama\n    gender: m\n    office: USAGOV | President | 2009-01-20 | 2017-01-20\n"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        ActorMatcher::new(&Dictionaries::from_files(&files).unwrap())
    }

    fn codes(m: &ActorMatcher, doc: &Document) -> Vec<(String, String)> {
        m.find(doc).into_iter().map(|x| (doc.slice(x.span).to_string(), x.code)).collect()
    }

    #[test]
    fn an_adjective_joined_by_and_shares_the_agent_noun() {
        let m = matcher();
        let doc = Document::from_text("t", None, "Russian and Chinese army units held drills.");
        let c = codes(&m, &doc);
        assert!(c.contains(&("Russian".to_string(), "RUSMIL".to_string())), "{c:?}");
        assert!(c.contains(&("Chinese army".to_string(), "CHNMIL".to_string())), "{c:?}");
        let doc = Document::from_text("t", None, "US and Chinese army units held drills.");
        assert!(codes(&m, &doc).contains(&("US".to_string(), "USAMIL".to_string())));
        // Negatives: a country's name stays the state, and so does an adjective not joined by "and" alone.
        let doc = Document::from_text("t", None, "Russia and Chinese army units held drills.");
        assert!(codes(&m, &doc).contains(&("Russia".to_string(), "RUS".to_string())));
        let doc = Document::from_text("t", None, "Russian, then Chinese army units held drills.");
        assert!(codes(&m, &doc).contains(&("Russian".to_string(), "RUS".to_string())));
    }

    #[test]
    fn unnamed_militants_are_the_armed_group_named_before() {
        let files: Vec<(String, String)> = [
            (
                "countries.dict",
                "IRQ Iraq
    adjectives: Iraqi
SYR Syria
    adjectives: Syrian
",
            ),
            (
                "agents.dict",
                "REB Rebels
    words: militants | rebels | fighters
CVL Civilians
    words: families
",
            ),
            (
                "orgs.dict",
                "IMGMOSISI Islamic State
    names: ISIS
    kind: armed
",
            ),
            ("nonactors.dict", ""),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let m = ActorMatcher::new(&Dictionaries::from_files(&files).unwrap());
        let doc = Document::from_sentences(
            "1",
            None,
            &["Islamic State fighters seized two Iraqi towns.", "The militants drove Iraqi families out."],
        );
        let got = codes(&m, &doc);
        assert!(got.contains(&("militants".into(), "IMGMOSISI".into())), "{got:?}");
        // Without an armed group named before, a place right after says whose; else the document's main state.
        let doc = Document::from_sentences("2", None, &["Rebels in Syria shelled the town.", "Iraq protested."]);
        assert!(codes(&m, &doc).contains(&("Rebels".into(), "SYRREB".into())));
        let doc = Document::from_sentences("3", None, &["The rebels shelled Syrian towns.", "Syria protested."]);
        assert!(codes(&m, &doc).contains(&("rebels".into(), "SYRREB".into())));
        // "ISIS-linked militants" are not ISIS: they are the place's rebels, in this and the next sentences.
        let doc = Document::from_sentences(
            "4",
            None,
            &["ISIS-linked militants attacked a village in Syria.", "The rebels later withdrew from Syria."],
        );
        let got = codes(&m, &doc);
        assert!(got.contains(&("militants".into(), "SYRREB".into())), "{got:?}");
        assert!(got.contains(&("rebels".into(), "SYRREB".into())), "{got:?}");
        // Negative: a group named plainly (or as a possessor) still speaks for the militants after it.
        let doc = Document::from_sentences("5", None, &["ISIS fighters attacked Syria.", "The militants fled."]);
        assert!(codes(&m, &doc).contains(&("militants".into(), "IMGMOSISI".into())));
    }

    #[test]
    fn a_definite_description_names_the_organisation_named_before() {
        let files: Vec<(String, String)> = [
            (
                "countries.dict",
                "LBN Lebanon
    adjectives: Lebanese
ISR Israel
    adjectives: Israeli
NGA Nigeria
    adjectives: Nigerian
BLR Belarus
    capitals: Minsk
RUS Russia
    capitals: Moscow
",
            ),
            (
                "agents.dict",
                "REB Rebels
    words: militants | insurgents
JUD Judiciary
    words: court
",
            ),
            (
                "orgs.dict",
                "LBNREB Hezbollah
    kind: armed
NGAREB Boko Haram
    kind: armed
NGOHRIAMN Amnesty International
    kind: ngo
IGOEUREEC European Union
    kind: igo
IGOWSTNAT North Atlantic Treaty Organization
    names: NATO
    kind: igo
IGOJUDICC International Criminal Court
    kind: igo
IGOBUSGOS Group of Seven
    kind: igo
",
            ),
            ("nonactors.dict", ""),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let m = ActorMatcher::new(&Dictionaries::from_files(&files).unwrap());
        let doc = |sentences: &[&str]| Document::from_sentences("1", None, sentences);
        let has = |d: &Document, text: &str, code: &str| codes(&m, d).contains(&(text.into(), code.into()));
        // An armed group before a rights group that only reported on it: "the group" is the armed one.
        let d = doc(&[
            "Boko Haram militants seized the town.",
            "Amnesty International published satellite images.",
            "Nigerian troops fought the group.",
        ]);
        assert!(has(&d, "group", "NGAREB"), "{:?}", codes(&m, &d));
        // Modifiers, numbers and "accused X of V-ing" keep the description; the alliance is NATO.
        let d = doc(&["The European Union imposed sanctions.", "Minsk said the 27-nation bloc was meddling."]);
        assert!(has(&d, "27-nation bloc", "IGOEUREEC"));
        let d = doc(&["NATO held drills.", "Moscow accused the alliance of provoking tensions."]);
        assert!(has(&d, "alliance", "IGOWSTNAT"));
        // A country adjective inside must agree, and the description replaces the state.
        let d = doc(&["Hezbollah fired rockets.", "Israel struck the Lebanese group's positions."]);
        assert!(has(&d, "Lebanese group", "LBNREB"));
        assert!(!has(&d, "Lebanese", "LBN"));
        // A court role resolves to the international court named before.
        let d = doc(&["The International Criminal Court issued a warrant.", "Israel said the court had no say."]);
        assert!(has(&d, "court", "IGOJUDICC"));
        // Nothing fitting before, a name, another group, a plural, "of" + noun: no actor.
        for text in [
            &["A group of protesters marched.", "The group reached Minsk."][..],
            &["The Group of Seven met.", "Hezbollah said the rival group lied."][..],
            &["Hezbollah fired rockets.", "The group of experts met in Moscow."][..],
            &["Hezbollah fired rockets.", "The groups met in Moscow."][..],
        ] {
            let d = doc(text);
            assert!(!codes(&m, &d).iter().any(|(t, _)| t.contains("group")), "{:?}", codes(&m, &d));
        }
        // A role owned by the description is the group's.
        let d = doc(&["Hezbollah fired rockets.", "The group's court met in Moscow."]);
        assert!(has(&d, "court", "LBNREB"), "{:?}", codes(&m, &d));
        // Too far back: more than five sentences.
        let mut far = vec!["Hezbollah fired rockets."];
        far.extend(["Moscow was quiet."; 6]);
        far.push("The group said it would go on.");
        assert!(!codes(&m, &doc(&far)).iter().any(|(t, _)| t == "group"));
    }

    #[test]
    fn his_forces_are_the_persons_army_and_the_embassy_the_one_named_before() {
        let m = ActorMatcher::new(&Dictionaries::builtin().unwrap());
        let code_of = |text: &[&str], word: &str| code_of_word(&m, text, word);
        // The army of the person named before in the sentence, not the state the story is mostly about.
        let ukraine = ["Ukraine said Kyiv and Kharkiv were shelled.", "Putin claimed his forces had taken two towns."];
        assert_eq!(code_of(&ukraine, "forces").as_deref(), Some("RUSMIL"));
        let ruto = ["Kenyan President William Ruto said his troops would stay in Haiti."];
        assert_eq!(code_of(&ruto, "troops").as_deref(), Some("KENMIL"));
        // No person before "his forces" in the sentence: nobody's.
        assert_ne!(code_of(&["Ukraine said his forces were tired."], "forces").as_deref(), Some("UKRMIL"));
        // "the embassy" is the embassy named before, not the host state's.
        let raid = ["Peruvian police entered the Chilean embassy in Lima.", "They searched the embassy for hours."];
        assert_eq!(code_of(&raid, "embassy").as_deref(), Some("CHLGOV"));
        let none = ["Peruvian police searched offices in Lima.", "They searched the embassy for hours."];
        assert_ne!(code_of(&none, "embassy").as_deref(), Some("CHLGOV"));
    }

    #[test]
    fn a_regional_branch_is_the_rebels_of_the_state_it_fights_in() {
        let m = ActorMatcher::new(&Dictionaries::builtin().unwrap());
        let code_of = |text: &[&str], word: &str| code_of_word(&m, text, word);
        // The place in the sentence decides, before the state the story is mostly about.
        let sahel =
            ["Mali and Mali's neighbours met in Bamako.", "JNIM fighters ambushed a convoy in northern Burkina Faso."];
        assert_eq!(code_of(&sahel, "JNIM fighters").as_deref(), Some("BFAREB"));
        // No place in the sentence: the state the document is about.
        let lake_chad = ["Nigeria's army said on Monday that ISWAP had raided a camp overnight."];
        assert_eq!(code_of(&lake_chad, "ISWAP").as_deref(), Some("NGAREB"));
        // "the militants" after the branch are the same rebels.
        let later = ["ISWAP attacked a base in Nigeria.", "The militants later withdrew."];
        assert_eq!(code_of(&later, "militants").as_deref(), Some("NGAREB"));
        // No state at all: the branch keeps its own code.
        assert_eq!(code_of(&["JNIM released a video on Sunday."], "JNIM").as_deref(), Some("IMGMOSALQ"));
        // Islamic State named without a branch stays the transnational group.
        let core = ["Islamic State fighters attacked a village in Nigeria."];
        assert_eq!(code_of(&core, "Islamic State fighters").as_deref(), Some("IMGMOSISI"));
    }

    #[test]
    fn its_forces_after_a_verb_of_saying_are_the_speakers_military() {
        let m = ActorMatcher::new(&Dictionaries::builtin().unwrap());
        let code_of = |text: &[&str], word: &str| code_of_word(&m, text, word);
        let chile = ["Chile's defence ministry said its forces had hit three depots near the border."];
        assert_eq!(code_of(&chile, "forces").as_deref(), Some("CHLMIL"));
        let peru = ["The Peruvian army said its air force had downed two drones."];
        assert_eq!(code_of(&peru, "air force").as_deref(), Some("PERMIL"));
        // Negatives: "its forces" not after a verb of saying, and "forces" with no owner, stay nobody's.
        assert_eq!(code_of(&["Chile will move its forces north next year."], "forces"), None);
        assert_eq!(code_of(&["Chile said external forces were behind the unrest."], "forces"), None);
    }

    #[test]
    fn a_state_description_names_the_state_of_its_kind_named_before() {
        let m = ActorMatcher::new(&Dictionaries::builtin().unwrap());
        let code_of = |text: &[&str], word: &str| code_of_word(&m, text, word);
        let gulf = ["Egypt recalled its envoy from Qatar, accusing the Gulf state of meddling."];
        assert_eq!(code_of(&gulf, "Gulf state").as_deref(), Some("QAT"));
        let king = ["Jordan hosted the talks.", "Egyptian pilgrims praised the kingdom."];
        assert_eq!(code_of(&king, "kingdom").as_deref(), Some("JOR"));
        // No kind to check: left unresolved ("the island nation" after Fiji and Australia could be either).
        let island = ["Fiji asked Australia for help.", "Canberra sent ships to the island nation."];
        assert_eq!(code_of(&island, "island nation"), None);
        // Negatives: not a monarchy, a bare "the country", a modifier pointing elsewhere.
        assert_eq!(code_of(&["Egypt hosted the talks.", "Pilgrims praised the kingdom."], "kingdom"), None);
        assert_eq!(code_of(&["Ukraine said Russia fired drones at the country."], "country"), None);
        assert_eq!(code_of(&["Chile sent aid to the neighbouring country."], "neighbouring country"), None);
    }

    #[test]
    fn a_side_of_a_place_is_no_party() {
        assert!(side_of_a_place(" of the border were tense"));
        assert!(side_of_a_place(" of the Atlantic"));
        assert!(!side_of_a_place(" accused the other"));
        assert!(!side_of_a_place(" of the conflict agreed"));
        let m = ActorMatcher::new(&Dictionaries::builtin().unwrap());
        let d = Document::from_sentences(
            "t",
            None,
            &["Chile and Peru held talks.", "Troops waited on each side of the border."],
        );
        assert!(!m.find(&d).iter().any(|x| d.slice(x.span) == "side"));
        let d = Document::from_sentences(
            "t",
            None,
            &["Chile and Peru held talks.", "Each side accused the other of stalling."],
        );
        // (Found as the pair phrase "Each side" since round 3.)
        assert!(m.find(&d).iter().any(|x| d.slice(x.span).ends_with("side")));
    }

    #[test]
    fn one_member_of_a_body_is_not_the_body() {
        assert!(one_member_of(" member has fired on the drones"));
        assert!(one_member_of(" member Poland said"));
        assert!(one_member_of("-member Hungary"));
        assert!(one_member_of(" ally, said"));
        assert!(one_member_of(" member state Estonia"));
        assert!(!one_member_of(" members agreed to spend more"));
        assert!(!one_member_of(" member states agreed"));
        assert!(!one_member_of(" membership bid"));
        assert!(!one_member_of(" allies met in Brussels"));
        assert!(!one_member_of(" said on Monday"));
        let m = ActorMatcher::new(&Dictionaries::builtin().unwrap());
        let d = Document::from_text("t", None, "Poland, a NATO member, shot down two drones.");
        assert!(!m.find(&d).iter().any(|x| x.code.starts_with("IGOWSTNAT")));
        let d = Document::from_text("t", None, "NATO members agreed to raise spending.");
        assert!(m.find(&d).iter().any(|x| x.code.starts_with("IGOWSTNAT")));
    }

    #[test]
    fn the_military_alone_is_a_noun_only_before_a_verb_or_punctuation() {
        assert!(military_as_noun("Myanmar was hit. The ", " carried out air strikes."));
        assert!(military_as_noun("Soon after, the ", " said it had seized power."));
        assert!(military_as_noun("Talks with the ", "."));
        assert!(military_as_noun("a statement from the ", "'s press office"));
        assert!(!military_as_noun("gunmen stormed a ", " base in the north"));
        assert!(!military_as_noun("protesters outside the ", " headquarters"));
        assert!(!military_as_noun("the country needs ", " aid"));
        assert!(!military_as_noun("the ", "-run company"));
    }

    #[test]
    fn people_and_juntas_without_a_country_belong_to_the_place_and_the_junta_state() {
        let files: Vec<(String, String)> = [
            (
                "countries.dict",
                "KEN Kenya
    capitals: Nairobi
SOM Somalia
    adjectives: Somali
ISR Israel
    adjectives: Israeli
PSE Palestine
    cities: Gaza
FRA France
    capitals: Paris
MLI Mali
",
            ),
            (
                "agents.dict",
                "REB Rebels
    words: gunmen
CVL Civilians
    words: people | children
MIL Military
    words: junta | troops
",
            ),
            ("orgs.dict", "SOMREB al-Shabaab\n    kind: armed\n"),
            ("nonactors.dict", ""),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let m = ActorMatcher::new(&Dictionaries::from_files(&files).unwrap());
        let doc = |sentences: &[&str]| Document::from_sentences("1", None, sentences);
        let has = |d: &Document, text: &str, code: &str| codes(&m, d).contains(&(text.into(), code.into()));
        // The place of the event, not the attackers' state the document names as often.
        let d = doc(&["al-Shabaab gunmen attacked a mall in Nairobi, killing 39 people."]);
        assert!(has(&d, "people", "KENCVL"), "{:?}", codes(&m, &d));
        // An adjective is no place, nor is where it was said.
        let d = doc(&["Children were killed in Israeli shelling in Gaza, officials in Nairobi said."]);
        assert!(has(&d, "Children", "PSECVL"), "{:?}", codes(&m, &d));
        // Troops without a country are the army named just before; gunmen with no group before are the place's.
        let d = doc(&["Somali troops moved north.", "The troops reached Nairobi."]);
        assert!(has(&d, "troops", "SOMMIL"), "{:?}", codes(&m, &d));
        let d = doc(&["Kenya was calm.", "Kenya voted.", "Gunmen attacked a base near Gaza."]);
        assert!(has(&d, "Gunmen", "PSEREB"), "{:?}", codes(&m, &d));
        // "the junta" is the junta-ruled state, even when another is named more.
        let d = doc(&["France will pull its troops out of Mali.", "Paris blamed the junta.", "France said so."]);
        assert!(has(&d, "junta", "MLIMIL"), "{:?}", codes(&m, &d));
    }

    #[test]
    fn roles_no_place_names_take_the_sentences_word_not_the_main_state() {
        let files: Vec<(String, String)> = [
            (
                "countries.dict",
                "USA United States
    adjectives: American | U.S.
VEN Venezuela
    adjectives: Venezuelan
NGA Nigeria
    adjectives: Nigerian
ITA Italy
    capitals: Rome
",
            ),
            (
                "agents.dict",
                "CVL Civilians
    words: people | villagers
MIL Military
    words: troops | soldiers | military
REB Rebels
    words: rebels
COP Police
    words: police
",
            ),
            ("orgs.dict", "NGAREB Boko Haram\n    kind: armed\n"),
            ("people/x.dict", "Jane Roe\n    gender: f\n    office: USAGOV | President | 2000-01-01 |\n"),
            ("nonactors.dict", ""),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let m = ActorMatcher::new(&Dictionaries::from_files(&files).unwrap());
        let doc = |sentences: &[&str]| Document::from_sentences("1", None, sentences);
        let code_of = |d: &Document, text: &str| codes(&m, d).into_iter().find(|(t, _)| t == text).map(|(_, c)| c);
        // Victims of the main state's strike in a sentence naming another state are not the main state's.
        let d = doc(&[
            "American jets hit a boat from Venezuela, killing 9 people.",
            "The United States said so.",
            "American officials spoke.",
        ]);
        assert_eq!(code_of(&d, "people"), None, "{:?}", codes(&m, &d));
        // Negative: with no other state named, the main state still places them.
        let d = doc(&["American police arrested 9 people overnight.", "The United States said so."]);
        assert_eq!(code_of(&d, "people").as_deref(), Some("USACVL"), "{:?}", codes(&m, &d));
        // Negative: the main state's own rebels' victims stay its own.
        let d = doc(&["American rebels shelled a bus from Venezuela, killing 9 people.", "The United States said so."]);
        assert_eq!(code_of(&d, "people").as_deref(), Some("USACVL"), "{:?}", codes(&m, &d));
        // Negative: the subject is another state's, so the main state's default stands.
        let d = doc(&[
            "Venezuelan troops struck a camp, killing 9 people.",
            "The United States said so.",
            "The United States.",
        ]);
        assert_eq!(code_of(&d, "people").as_deref(), Some("USACVL"), "{:?}", codes(&m, &d));
        // A city after "through" places the crowd.
        let d = doc(&["People marched through Rome on Sunday.", "The United States said so."]);
        assert_eq!(code_of(&d, "People").as_deref(), Some("ITACVL"), "{:?}", codes(&m, &d));
        // Soldiers a home-grown rebel group kills are its state's.
        let d = doc(&["Boko Haram fighters ambushed a convoy, killing 7 soldiers.", "The United States said so."]);
        assert_eq!(code_of(&d, "soldiers").as_deref(), Some("NGAMIL"), "{:?}", codes(&m, &d));
        // Negative: not when the sentence names a state's own army as well.
        let d = doc(&["Boko Haram fighters fled as American troops arrived and soldiers left.", "Nigeria said so."]);
        assert_ne!(code_of(&d, "soldiers").as_deref(), Some("NGAMIL"), "{:?}", codes(&m, &d));
        // An army a named person sends is that person's state's, not the story's main state's.
        let d = doc(&["President Jane Roe ordered troops to the border.", "Venezuela said so.", "Venezuela."]);
        assert_eq!(code_of(&d, "troops").as_deref(), Some("USAMIL"), "{:?}", codes(&m, &d));
        // Negative: a person merely named before troops, with no sending verb, does not place them.
        let d = doc(&["President Jane Roe spoke as troops waited.", "Venezuela said so.", "Venezuela."]);
        assert_eq!(code_of(&d, "troops").as_deref(), Some("VENMIL"), "{:?}", codes(&m, &d));
    }

    #[test]
    fn pro_and_anti_a_state_are_not_that_state_but_run_by_it_is() {
        let m = matcher();
        let d = Document::from_sentences("1", None, &["Pro-Russian crowds and anti-Chinese activists met the army."]);
        assert!(
            !codes(&m, &d).iter().any(|(_, c)| c.starts_with("RUS") || c.starts_with("CHN")),
            "{:?}",
            codes(&m, &d)
        );
        // Run, led or installed by a side is that side's; backed by it is not.
        let d = Document::from_sentences(
            "2",
            None,
            &["The Russian-installed ministry and the China-led army met the Russian-backed army."],
        );
        let got = codes(&m, &d);
        assert!(got.contains(&("Russian-installed ministry".into(), "RUSGOV".into())), "{got:?}");
        assert!(got.contains(&("China-led army".into(), "CHNMIL".into())), "{got:?}");
        assert!(!got.iter().any(|(t, _)| t == "Russian-backed army"), "{got:?}");
    }

    #[test]
    fn roles_of_a_region_or_the_world_stay_uncoded() {
        let files: Vec<(String, String)> = [
            ("countries.dict", "IRN Iran\n    capitals: Tehran\n"),
            (
                "agents.dict",
                "GOV Government\n    words: officials | leaders | diplomats\nREB Rebels\n    words: fighters\n",
            ),
            ("orgs.dict", ""),
            ("nonactors.dict", ""),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let m = ActorMatcher::new(&Dictionaries::from_files(&files).unwrap());
        let d = Document::from_sentences(
            "1",
            None,
            &[
                "Iran fired drones.",
                "Western officials, world leaders and foreign diplomats met.",
                "Officials in Tehran spoke.",
            ],
        );
        let got = codes(&m, &d);
        assert_eq!(got.iter().filter(|(_, c)| c == "IRNGOV").count(), 1, "{got:?}");
        assert!(got.contains(&("Officials".into(), "IRNGOV".into())), "{got:?}");
    }

    #[test]
    fn an_ethnic_minority_belongs_to_the_state_it_lives_in() {
        let files: Vec<(String, String)> = [
            (
                "countries.dict",
                "ALB Albania
    people: Albanians
SRB Serbia
    adjectives: Serb | Serbian
",
            ),
            (
                "agents.dict",
                "MIL Military
    words: forces
CVL Civilians
    words: civilians
",
            ),
            ("orgs.dict", ""),
            ("nonactors.dict", ""),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let m = ActorMatcher::new(&Dictionaries::from_files(&files).unwrap());
        let doc = Document::from_sentences("1", None, &["Serb forces killed three ethnic Albanians in Serbia."]);
        let got = codes(&m, &doc);
        assert!(got.contains(&("Albanians".into(), "SRBCVL".into())), "{got:?}");
        // Without "ethnic", Albanians are Albania's people.
        let doc = Document::from_sentences("2", None, &["Albanians voted on Sunday."]);
        assert!(codes(&m, &doc).contains(&("Albanians".into(), "ALBCVL".into())));
    }

    #[test]
    fn pairs_named_by_their_ministers_or_capitalised_titles() {
        let m = matcher();
        let doc = Document::from_sentences(
            "1",
            None,
            &[
                "Xi Jinping met Alexander Lukashenko in Beijing.",
                "Ministers from both countries signed nine agreements.",
                "The two Presidents issued a joint statement.",
            ],
        );
        let got = codes(&m, &doc);
        for phrase in ["Ministers from both countries", "The two Presidents"] {
            assert!(got.contains(&(phrase.into(), "CHNGOV".into())), "{phrase}: {got:?}");
            assert!(got.contains(&(phrase.into(), "BLRGOV".into())), "{phrase}: {got:?}");
        }
    }

    #[test]
    fn a_movement_in_power_is_coded_as_the_government_from_its_date() {
        let m = ActorMatcher::new(&Dictionaries::builtin().unwrap());
        let code_on = |date: Option<&str>, text: &str, word: &str| {
            let mut d = Document::from_sentences("t", None, &[text]);
            d.date = date.map(|x| x.parse().unwrap());
            m.find(&d).into_iter().find(|x| d.slice(x.span) == word).map(|x| x.code)
        };
        let text = "The Taliban said talks with the envoy would go on.";
        assert_eq!(code_on(Some("2024-02-01"), text, "Taliban").as_deref(), Some("AFGGOV"));
        assert_eq!(code_on(Some("2021-08-15"), text, "Taliban").as_deref(), Some("AFGGOV"));
        // Before the date, and in an undated document, the rebels.
        assert_eq!(code_on(Some("2021-08-14"), text, "Taliban").as_deref(), Some("AFGREB"));
        assert_eq!(code_on(None, text, "Taliban").as_deref(), Some("AFGREB"));
        let text = "Officials of Hayat Tahrir al-Sham met the envoy.";
        assert_eq!(code_on(Some("2025-05-01"), text, "Hayat Tahrir al-Sham").as_deref(), Some("SYRGOV"));
        assert_eq!(code_on(Some("2023-05-01"), text, "Hayat Tahrir al-Sham").as_deref(), Some("SYRREB"));
        // Other armed groups keep their code.
        let text = "The Pakistani Taliban attacked a checkpoint.";
        assert_eq!(code_on(Some("2025-05-01"), text, "Pakistani Taliban").as_deref(), Some("PAKREB"));
    }

    #[test]
    fn a_pair_after_two_states_named_in_its_own_sentence_is_them() {
        let m = ActorMatcher::new(&Dictionaries::builtin().unwrap());
        // The story leads with two other states; the phrase's own sentence names its two.
        let text: &[&str] = &[
            "France and Germany argued over the budget for a third day.",
            "Paris accused Berlin of delay, and Germany rejected the charge from France.",
            "Later, the Kenyan president hosted Brazil's president, and the two leaders toured a port.",
            "Brazil signed a deal with Japan, after which both sides praised the talks.",
        ];
        let doc = Document::from_sentences("1", None, text);
        let got = codes(&m, &doc);
        for (phrase, want) in [("the two leaders", ["KENGOV", "BRAGOV"]), ("both sides", ["BRAGOV", "JPNGOV"])] {
            for c in want {
                assert!(got.contains(&(phrase.into(), c.into())), "{phrase} {c}: {got:?}");
            }
            for c in ["FRAGOV", "DEUGOV"] {
                assert!(!got.contains(&(phrase.into(), c.into())), "{phrase} {c}: {got:?}");
            }
        }
        // Three states in the sentence: no telling which two, so the story's pair.
        let text: &[&str] = &[
            "France and Germany argued over the budget for a third day.",
            "Paris accused Berlin of delay, and Germany rejected the charge from France.",
            "As Italy, Spain and Portugal watched, the two sides traded accusations.",
        ];
        let doc = Document::from_sentences("2", None, text);
        let got = codes(&m, &doc);
        assert!(got.contains(&("the two sides".into(), "FRAGOV".into())), "{got:?}");
        assert!(!got.contains(&("the two sides".into(), "ITAGOV".into())), "{got:?}");
    }

    #[test]
    fn a_pair_addressed_by_an_appeal_leaves_out_the_side_that_addresses_it() {
        let m = ActorMatcher::new(&Dictionaries::builtin().unwrap());
        let cases: [(&[&str], &str, [&str; 2], &str); 6] = [
            (
                &["Washington urged both countries to return to talks after Ghana accused Togo of shelling."],
                "both countries",
                ["GHA", "TGO"],
                "USA",
            ),
            (
                &["Brazil called on both neighbours to show restraint.", "Chile and Peru traded fire on Monday."],
                "both neighbours",
                ["CHL", "PER"],
                "BRA",
            ),
            (
                &["Ghana and Togo clashed again. Nigeria told the two sides that it would mediate."],
                "the two sides",
                ["GHA", "TGO"],
                "NGA",
            ),
            (
                &["Peru accused Chile of spying. Brazil appealed to both countries to calm tensions."],
                "both countries",
                ["PER", "CHL"],
                "BRA",
            ),
            (
                &[
                    "Ghana has expelled thousands of migrants since its dispute with Chile began.",
                    "Ghanaian officials accused some migrants of working for Chile.",
                    "Togo has also stepped up expulsions.",
                    "Niger called on both neighbours to halt the expulsions.",
                ],
                "both neighbours",
                ["GHA", "TGO"],
                "CHL",
            ),
            (
                &["Norway pressed both sides to resume talks after Sudan accused Chad of an incursion."],
                "both sides",
                ["SDN", "TCD"],
                "NOR",
            ),
        ];
        for (sentences, phrase, want, not) in cases {
            let doc = Document::from_sentences("1", None, sentences);
            let got = codes(&m, &doc);
            let of: Vec<&str> =
                got.iter().filter(|(t, _)| t.eq_ignore_ascii_case(phrase)).map(|(_, c)| &c[..3]).collect();
            for w in want {
                assert!(of.contains(&w), "{sentences:?}: {got:?}");
            }
            assert!(!of.contains(&not), "{sentences:?}: {got:?}");
        }
        // Negatives: a speaker's own pair keeps the speaker ("Xi said both countries would …"), and a pair that is
        // not addressed keeps the two mentioned most.
        for sentences in [
            &["Xi Jinping met Lula in Beijing. Xi said both countries would deepen cooperation."][..],
            &["China and Brazil signed a deal. China urged its firms to invest, and both countries cut tariffs."][..],
        ] {
            let doc = Document::from_sentences("1", None, sentences);
            let got = codes(&m, &doc);
            let of: Vec<&str> = got.iter().filter(|(t, _)| t == "both countries").map(|(_, c)| &c[..3]).collect();
            assert!(of.contains(&"CHN") && of.contains(&"BRA"), "{sentences:?}: {got:?}");
        }
    }

    #[test]
    fn composes_and_resolves() {
        let m = matcher();
        let doc = Document::from_sentences(
            "1",
            None,
            &[
                "President Xi Jinping had a phone conversation with Belarusian President Alexander Lukashenko.",
                "Xi said the Chinese side and Russia's Defence Ministry use Chinese medicine on the China-Europe Railway Express.",
                "The two sides agreed. He thanked the UN.",
            ],
        );
        assert_eq!(
            codes(&m, &doc),
            vec![
                ("President Xi Jinping".into(), "CHNGOV".into()),
                ("Belarusian President Alexander Lukashenko".into(), "BLRGOV".into()),
                ("Xi".into(), "CHNGOV".into()),
                ("Chinese side".into(), "CHNGOV".into()),
                ("Russia's Defence Ministry".into(), "RUSMIL".into()),
                ("The two sides".into(), "CHNGOV".into()),
                ("The two sides".into(), "BLRGOV".into()),
                ("He".into(), "CHNGOV".into()),
                ("UN".into(), "IGOUNO".into()),
            ]
        );
    }

    #[test]
    fn a_state_adjective_and_modifiers_before_an_agent_word_name_one_actor() {
        let m = matcher();
        let doc = Document::from_text("t", None, "The Belarusian interim government side met Xi Jinping.");
        assert!(codes(&m, &doc).iter().any(|(_, c)| c == "BLRGOV"), "{:?}", codes(&m, &doc));
        let doc = Document::from_text("t", None, "The Russian regular army crossed the border.");
        assert!(codes(&m, &doc).iter().any(|(_, c)| c == "RUSMIL"), "{:?}", codes(&m, &doc));
        // Negatives: a verb, or words that end a phrase, keep a state and an agent word apart.
        // (The army alone may still be the document's state's, from context.)
        let joined = |doc: &Document| codes(&m, doc).iter().any(|(t, c)| c == "RUSMIL" && t.contains("Russia"));
        let doc = Document::from_text("t", None, "Russia warned the army.");
        assert!(!joined(&doc), "{:?}", codes(&m, &doc));
        let doc = Document::from_text("t", None, "The Russian people and army marched.");
        assert!(!joined(&doc), "{:?}", codes(&m, &doc));
    }

    #[test]
    fn a_possessive_after_of_owns_a_stance_not_a_title() {
        let m = matcher();
        let doc = Document::from_text("t", None, "Xi Jinping assured the President of Russia's support.");
        assert!(!codes(&m, &doc).iter().any(|(t, _)| t == "President of Russia"), "{:?}", codes(&m, &doc));
        // Negative: a title of a state followed by a possessed agent stays one actor.
        let doc = Document::from_text("t", None, "The President of Russia's army crossed the border.");
        assert!(codes(&m, &doc).iter().any(|(t, _)| t.starts_with("President of Russia")), "{:?}", codes(&m, &doc));
    }

    #[test]
    fn a_role_tied_to_a_few_states_is_the_one_named() {
        let files: Vec<(String, String)> = [
            ("countries.dict", "IRN Iran\nUSA United States\n    names: US\n"),
            ("agents.dict", "GOV Government\n    words: supreme leader | president | officials\n"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let m = ActorMatcher::new(&Dictionaries::from_files(&files).unwrap());
        let text =
            "The United States sanctioned Iran. The United States said US officials agreed. The supreme leader spoke.";
        let doc = Document::from_text("t", None, text);
        assert!(codes(&m, &doc).iter().any(|(t, c)| t == "supreme leader" && c == "IRNGOV"), "{:?}", codes(&m, &doc));
        // Negative: an untied role still goes to the state mentioned most.
        let doc = Document::from_text(
            "t",
            None,
            "The United States sanctioned Iran. The United States said the president spoke.",
        );
        assert!(codes(&m, &doc).iter().any(|(t, c)| t == "president" && c == "USAGOV"), "{:?}", codes(&m, &doc));
    }

    #[test]
    fn the_two_sides_are_the_two_named_between_before() {
        let m = matcher();
        let doc = Document::from_sentences(
            "1",
            None,
            &["China hosted talks.", "A truce between Belarus and Russia held.", "The two sides met in Beijing."],
        );
        let got = codes(&m, &doc);
        let sides: Vec<&str> = got.iter().filter(|(t, _)| t == "The two sides").map(|(_, c)| c.as_str()).collect();
        assert_eq!(sides, ["BLRGOV", "RUSGOV"], "{got:?}");
    }

    #[test]
    fn a_headline_surname_is_the_person_the_story_names_in_full() {
        let m = matcher();
        let mut doc = Document::from_sentences(
            "1",
            None,
            &["Obama and Xi hold talks", "Barack Obama met Xi Jinping in Beijing."],
        );
        doc.date = Some("2016-01-01".parse().unwrap());
        let got = codes(&m, &doc);
        assert!(got.contains(&("Xi".into(), "CHNGOV".into())), "{got:?}");
        // A surname whose full name the story never gives stays unknown.
        let doc = Document::from_sentences("2", None, &["Xi holds talks", "Obama spoke."]);
        assert!(!codes(&m, &doc).iter().any(|(t, _)| t == "Xi"));
    }

    #[test]
    fn surname_needs_full_name_first() {
        let m = matcher();
        let doc = Document::from_text("1", None, "Xi met Obama.");
        assert!(codes(&m, &doc).iter().all(|(t, _)| t != "Xi"));
    }

    fn builtin_codes(date: &str, text: &str) -> Vec<(String, String)> {
        let m = ActorMatcher::new(&Dictionaries::builtin().unwrap());
        let mut doc = Document::from_text("t", None, text);
        doc.date = Some(date.parse().unwrap());
        codes(&m, &doc)
    }

    fn has_code(found: &[(String, String)], text: &str, code: &str) -> bool {
        found.iter().any(|(t, c)| t == text && c == code)
    }

    #[test]
    fn leaders_known_by_one_name_are_found_alone() {
        for (date, text, name, code) in [
            ("2025-06-01", "Khamenei said Iran would not bow to pressure.", "Khamenei", "IRNGOV"),
            ("2025-06-01", "Ayatollah Ali Khamenei spoke. Khamenei later met clerics.", "Khamenei", "IRNGOV"),
            ("2024-03-01", "Burhan vowed to fight on.", "Burhan", "SDNGOV"),
            ("2025-06-01", "Carney met the premiers.", "Carney", "CANGOV"),
            ("2016-06-01", "Carney warned about Brexit.", "Carney", "GBRGOV"),
            ("2025-06-01", "Kuleba criticised the West.", "Kuleba", "UKRELI"),
        ] {
            let found = builtin_codes(date, text);
            assert!(has_code(&found, name, code), "{text}: {found:?}");
        }
    }

    #[test]
    fn roles_in_a_story_naming_no_state_belong_to_the_dateline_place() {
        let finder = ActorMatcher::new(&Dictionaries::builtin().unwrap());
        let doc = Document::from_sentences(
            "d",
            None,
            &["ISTANBUL, March 23 (Reuters) - Police detained hundreds of protesters.", "Police said 40 were held."],
        );
        let got: Vec<String> = finder.find(&doc).into_iter().map(|m| m.code).collect();
        assert_eq!(got, ["TURCOP", "TURCVL", "TURCOP"]);
        let doc = Document::from_sentences("d", None, &["KYIV, Ukraine (AP) — Police said 40 people were held."]);
        let got: Vec<String> = finder.find(&doc).into_iter().map(|m| m.code).collect();
        assert_eq!(got, ["UKRCOP", "UKRCVL"]);
        // A state named in the story still places its roles; no dateline, no place.
        let doc = Document::from_sentences("d", None, &["ISTANBUL (Reuters) - Greek police detained 40 protesters."]);
        let got: Vec<String> = finder.find(&doc).into_iter().map(|m| m.code).collect();
        assert_eq!(got, ["GRCCOP", "GRCCVL"]);
        let doc = Document::from_sentences("d", None, &["Police detained hundreds of protesters."]);
        assert!(finder.find(&doc).is_empty());
    }

    #[test]
    fn a_state_word_before_another_states_institution_makes_it_its_own() {
        let found = builtin_codes("2024-12-04", "The Peruvian Congress voted to remove the president.");
        assert!(has_code(&found, "Peruvian Congress", "PERLEG"), "{found:?}");
        let found = builtin_codes("2024-12-04", "Brazil's Congress approved the deal.");
        assert!(has_code(&found, "Brazil's Congress", "BRALEG"), "{found:?}");
        let found = builtin_codes("2024-12-04", "The U.S. Congress passed sanctions on Russia.");
        assert!(has_code(&found, "U.S. Congress", "USALEG"), "{found:?}");
        // Alone, the institution is its own state's; a state after it is not its owner.
        let found = builtin_codes("2024-12-04", "Congress passed sanctions on Russia.");
        assert!(has_code(&found, "Congress", "USALEG") && has_code(&found, "Russia", "RUS"), "{found:?}");
    }

    #[test]
    fn brussels_is_the_eu_only_in_eu_stories_and_not_as_a_place() {
        let found = builtin_codes("2024-05-01", "Brussels told Budapest that EU funds would stay frozen.");
        assert!(has_code(&found, "Brussels", "IGOEUREEC"), "{found:?}");
        let found = builtin_codes("2024-05-01", "EU ministers met in Brussels on Monday.");
        assert!(!found.iter().any(|(t, _)| t == "Brussels"), "{found:?}");
        let found = builtin_codes("2024-05-01", "Brussels raised Belgian taxes, the Belgian finance minister said.");
        assert!(!found.iter().any(|(t, _)| t == "Brussels"), "{found:?}");
        let found = builtin_codes("2024-05-01", "The EU sold Brussels sprouts.");
        assert!(!found.iter().any(|(t, _)| t.contains("Brussels")), "{found:?}");
    }

    #[test]
    fn a_state_before_a_foreign_party_or_an_international_body_is_that_state() {
        let found = builtin_codes("2024-12-10", "South Korea's Democratic Party called for impeachment.");
        assert!(found.iter().all(|(_, c)| c.starts_with("KOR")), "{found:?}");
        let found = builtin_codes("2024-12-10", "The Democratic Party nominated Harris.");
        assert!(has_code(&found, "Democratic Party", "USAPTY"), "{found:?}");
        let found = builtin_codes("2023-03-01", "Sweden's NATO bid stalled.");
        assert!(has_code(&found, "Sweden's NATO", "SWE"), "{found:?}");
        let found = builtin_codes("2023-03-01", "France's UN ambassador spoke.");
        assert!(has_code(&found, "France's UN ambassador", "FRAGOV"), "{found:?}");
        // A transnational group after a state's possessive is its branch there; named alone it is the group.
        let found = builtin_codes("2023-03-01", "Yemen's al-Qaeda claimed the attack.");
        assert!(has_code(&found, "Yemen's al-Qaeda", "YEMREB"), "{found:?}");
        let found = builtin_codes("2023-03-01", "Al-Qaeda claimed the attack in Yemen.");
        assert!(found.iter().any(|(_, c)| c.starts_with("IMG")), "{found:?}");
        let found = builtin_codes("2023-03-01", "NATO troops patrolled.");
        assert!(found.iter().any(|(_, c)| c.starts_with("IGOWSTNAT")), "{found:?}");
        let found = builtin_codes("2023-03-01", "China's Taiwan Affairs Office condemned the visit.");
        assert!(has_code(&found, "China's Taiwan Affairs Office", "CHNGOV"), "{found:?}");
        assert!(!found.iter().any(|(_, c)| c == "TWN"), "{found:?}");
    }

    #[test]
    fn plural_demonyms_are_civilians_but_the_side_after_the() {
        let found = builtin_codes("2024-08-01", "Venezuelans marched in Caracas. Two Venezuelans were arrested.");
        assert_eq!(found.iter().filter(|(t, c)| t == "Venezuelans" && c == "VENCVL").count(), 2, "{found:?}");
        let found = builtin_codes("2024-08-01", "Georgians rallied; the Americans proposed a deal; Venezuela refused.");
        assert!(has_code(&found, "Georgians", "GEOCVL"), "{found:?}");
        assert!(has_code(&found, "Americans", "USA"), "{found:?}");
        assert!(has_code(&found, "Venezuela", "VEN"), "{found:?}");
    }

    #[test]
    fn the_koreas_by_halves_and_together() {
        let found = builtin_codes("2018-04-27", "South and North Korea agreed to talks.");
        assert!(has_code(&found, "South", "KOR") && has_code(&found, "North Korea", "PRK"), "{found:?}");
        let found = builtin_codes("2018-04-27", "North and South Korea agreed to talks. Both Koreas sent envoys.");
        assert!(has_code(&found, "North", "PRK") && has_code(&found, "South Korea", "KOR"), "{found:?}");
        assert!(has_code(&found, "Koreas", "KOR") && has_code(&found, "Koreas", "PRK"), "{found:?}");
        let found = builtin_codes("2023-01-01", "North Korea fired a missile. The South said the North's test failed.");
        assert!(has_code(&found, "South", "KOR") && has_code(&found, "North", "PRK"), "{found:?}");
        // Not a Korea story, or not a state: no half.
        let found = builtin_codes("2023-01-01", "Sudan said the South had broken the deal.");
        assert!(!found.iter().any(|(t, _)| t == "South"), "{found:?}");
        let found = builtin_codes("2023-01-01", "North Korea fired into the South China Sea near the North Atlantic.");
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_fathers_full_name_is_not_his_sons_short_name() {
        // The built-in people files list leaders of before 2008 too, so that a father's full name is his own.
        let found = builtin_codes("1998-06-01", "Heydar Aliyev met Laurent Kabila and Boris Yeltsin.");
        assert!(has_code(&found, "Heydar Aliyev", "AZEGOV"), "{found:?}");
        assert!(has_code(&found, "Laurent Kabila", "CODGOV"), "{found:?}");
        assert!(has_code(&found, "Boris Yeltsin", "RUSGOV"), "{found:?}");
        // Today the father is a former leader of his state and the son, named alone, holds the office.
        let found = builtin_codes("2025-06-01", "Aliyev praised his late father Heydar Aliyev.");
        assert!(has_code(&found, "Aliyev", "AZEGOV") && has_code(&found, "Heydar Aliyev", "AZEELI"), "{found:?}");
    }

    #[test]
    fn a_definite_title_is_the_person_named_before_who_holds_it() {
        let found = builtin_codes(
            "2023-06-01",
            "Blinken met Saudi Crown Prince Mohammed bin Salman in Riyadh. The crown prince said he wanted peace. \
             The Pope called for a ceasefire.",
        );
        assert!(has_code(&found, "crown prince", "SAUGOV"), "{found:?}");
        assert!(has_code(&found, "Pope", "VATGOV"), "{found:?}");
        let found = builtin_codes("2023-06-01", "Xi Jinping met Vladimir Putin. The president said ties were strong.");
        assert!(has_code(&found, "president", "RUSGOV"), "{found:?}");
        // A plural title is the pair, but not before "of" naming its own states.
        let found = builtin_codes("2023-04-14", "Xi Jinping hosted Lula in Beijing. The presidents signed deals.");
        assert!(
            has_code(&found, "The presidents", "CHNGOV") && has_code(&found, "The presidents", "BRAGOV"),
            "{found:?}"
        );
        // "his counterpart": the other of exactly two states, else nobody.
        let found = builtin_codes("2023-04-14", "Xi Jinping met Lula. Wang Yi later called his counterpart.");
        assert!(has_code(&found, "counterpart", "BRAGOV"), "{found:?}");
        let found = builtin_codes("2023-04-14", "Wang Yi met his counterpart in Moscow, then flew to Paris.");
        assert!(!found.iter().any(|(t, _)| t == "counterpart"), "{found:?}");
        let found = builtin_codes("2023-04-14", "Xi met Lula. The presidents of Iran and Russia spoke.");
        assert!(!found.iter().any(|(t, _)| t == "The presidents"), "{found:?}");
    }

    #[test]
    fn a_role_told_again_without_its_state_is_the_one_named_with_it_before() {
        // The envoy of the other state, not the story's main state.
        let found = builtin_codes(
            "2024-03-01",
            "Algeria's government ordered the Malian ambassador to leave Algiers. Algeria said the ambassador had \
             refused to attend a meeting. Algeria's president spoke to Algerian officials.",
        );
        assert!(has_code(&found, "ambassador", "MLIGOV"), "{found:?}");
        // Bare plural prosecutors after foreign prosecutors named with their state.
        let found = builtin_codes(
            "2024-03-01",
            "Spanish police detained a Moroccan man, Dutch prosecutors said. Morocco protested. Moroccan media \
             reported the arrest. Prosecutors say he laundered money.",
        );
        assert!(has_code(&found, "Prosecutors", "NLDJUD"), "{found:?}");
        // An indefinite or "other" role points to no one named before, nor does a general word like "officials".
        let found = builtin_codes(
            "2024-03-01",
            "Kenya recalled its Ugandan envoy... The Ugandan ambassador left. Uganda said an ambassador is rarely \
             expelled. Other ambassadors stayed.",
        );
        assert!(!has_code(&found, "an ambassador", "UGAGOV"), "{found:?}");
        assert!(!found.iter().any(|(t, c)| t == "ambassadors" && c == "UGAGOV"), "{found:?}");
        let found = builtin_codes(
            "2024-03-01",
            "Brazilian officials met Argentine officials in Brasilia. Officials said the talks went well in Brazil.",
        );
        assert!(!found.iter().any(|(t, c)| t == "Officials" && c == "ARGGOV"), "{found:?}");
    }

    #[test]
    fn a_council_command_or_guards_named_before_is_the_council_command_or_guards() {
        // A council coded as its parent union is still "the Council".
        let found = builtin_codes(
            "2024-03-01",
            "The African Union Peace and Security Council met on Sudan. The Council urged a ceasefire.",
        );
        assert!(has_code(&found, "Council", "IGOAFRAFU"), "{found:?}");
        // "the command" after a state's army; "the Guards" after a guard corps.
        let found = builtin_codes(
            "2024-03-01",
            "China's military held drills near Taiwan. A statement issued by the command called them a warning.",
        );
        assert!(has_code(&found, "command", "CHNMIL"), "{found:?}");
        let found = builtin_codes(
            "2024-03-01",
            "Iran's Revolutionary Guards fired missiles at Erbil in Iraq. The Guards said they hit a spy base.",
        );
        assert!(has_code(&found, "Guards", "IRNMIL"), "{found:?}");
        // An army that is no guard corps is not "the Guards"; with nothing fitting, the command stays uncoded.
        let found = builtin_codes("2024-03-01", "Russian troops shelled Kharkiv. The Guards said they won.");
        assert!(!found.iter().any(|(t, _)| t.contains("Guards")), "{found:?}");
        let found = builtin_codes("2024-03-01", "Protesters rallied in the city. The command was not reached.");
        assert!(!found.iter().any(|(t, _)| t.contains("command")), "{found:?}");
    }

    #[test]
    fn unplaced_police_and_crowds_are_where_the_lede_put_its_own() {
        let text = "Protesters set fire to the Danish embassy in Tehran on Friday over a Koran burning in Copenhagen. \
             Denmark recalled its Danish ambassador. Copenhagen had allowed the Danish protest. Denmark's foreign \
             ministry condemned Danish critics. Police later arrested 12 people.";
        let found = builtin_codes("2024-03-01", text);
        assert!(has_code(&found, "Police", "IRNCOP") && has_code(&found, "people", "IRNCVL"), "{found:?}");
        // Victims in the lede place nothing: later people belong to the state the story is about.
        let text = "Fighting on the border killed 30 people in Thailand. Cambodia said Cambodian villagers fled. \
             Cambodia's army said Cambodian forces held. Hundreds of people fled their homes.";
        let found = builtin_codes("2024-03-01", text);
        assert!(has_code(&found, "people", "KHMCVL"), "{found:?}");
    }

    #[test]
    fn the_secretary_is_the_secretary_named_before() {
        let found = builtin_codes(
            "2024-03-01",
            "Secretary of State Antony Blinken met Indian Foreign Minister S. Jaishankar in Delhi. The secretary \
             urged India to buy less Russian oil.",
        );
        assert!(has_code(&found, "secretary", "USAGOV"), "{found:?}");
    }

    #[test]
    fn his_government_is_the_government_of_the_person_named_before() {
        let found = builtin_codes("2024-10-02", "Joe Biden said his administration would talk to Israel.");
        assert!(has_code(&found, "administration", "USAGOV"), "{found:?}");
        let found = builtin_codes("2024-10-02", "Recep Tayyip Erdogan said his government was ready to help.");
        assert!(has_code(&found, "government", "TURGOV"), "{found:?}");
        // No person before it in the sentence: nobody's (not the document's main state's).
        let found = builtin_codes("2024-10-02", "Biden met Netanyahu. Critics said his government had failed.");
        assert!(!found.iter().any(|(t, _)| t == "government"), "{found:?}");
    }

    #[test]
    fn a_guest_or_host_is_the_other_member_of_the_pair_and_their_officials_are_the_pair() {
        // "his guest" after the host: the visitor's state; "his hosts" after the visitor: the host's.
        let found = builtin_codes(
            "2024-05-16",
            "Vladimir Putin arrived in Beijing for talks with Xi Jinping. Xi gave a dinner for his guest. \
             Putin thanked his hosts for the welcome.",
        );
        assert!(has_code(&found, "his guest", "RUSGOV"), "{found:?}");
        assert!(has_code(&found, "his hosts", "CHNGOV"), "{found:?}");
        // No owner named before it in the sentence, or an owner outside the pair: nobody.
        let found = builtin_codes("2024-05-16", "Putin met Xi in Beijing. A band played for his guest.");
        assert!(!found.iter().any(|(t, _)| t == "his guest"), "{found:?}");
        let found = builtin_codes(
            "2024-05-16",
            "Putin met Xi in Beijing. Xi and Putin signed deals. Later Macron welcomed his guest.",
        );
        assert!(!found.iter().any(|(t, _)| t == "his guest"), "{found:?}");
        // "Their foreign ministers" opening a sentence and "the two countries' leaders" are the pair's governments.
        let found = builtin_codes(
            "2025-08-08",
            "Ilham Aliyev and Nikol Pashinyan met in Washington. Their foreign ministers initialled a treaty. \
             Later the two countries' leaders spoke again.",
        );
        for t in ["Their foreign ministers", "the two countries' leaders"] {
            assert!(has_code(&found, t, "AZEGOV") && has_code(&found, t, "ARMGOV"), "{t}: {found:?}");
        }
    }

    #[test]
    fn the_security_council_is_the_uns_only_in_a_un_story() {
        let found =
            builtin_codes("2023-06-01", "The UN envoy briefed the Security Council, which condemned the attack.");
        assert!(has_code(&found, "Security Council", "IGOUNO"), "{found:?}");
        let found = builtin_codes(
            "2023-06-01",
            "The Security Council of the club met. Iran's Supreme National Security Council met.",
        );
        assert!(!found.iter().any(|(t, _)| t.contains("Security Council")), "{found:?}");
        let found = builtin_codes("2023-06-01", "Russia's Security Council met on Friday.");
        assert!(found.iter().all(|(_, c)| c.starts_with("RUS")), "{found:?}");
    }

    #[test]
    fn offices_follow_document_date() {
        let m = matcher();
        let mut doc = Document::from_text("1", None, "Barack Obama spoke.");
        doc.date = Some("2016-03-01".parse().unwrap());
        assert_eq!(codes(&m, &doc)[0].1, "USAGOV");
        doc.date = Some("2022-03-01".parse().unwrap());
        assert_eq!(codes(&m, &doc)[0].1, "USAELI");
    }

    #[test]
    fn speaker_and_addressee() {
        let m = matcher();
        let doc = Document::from_sentences(
            "1",
            None,
            &[
                "Xi Jinping spoke with Alexander Lukashenko.",
                "Xi Jinping pointed out that I am glad to talk with you.",
                "Lukashenko said he hopes we meet.",
            ],
        );
        let c = codes(&m, &doc);
        assert!(c.contains(&("I".into(), "CHNGOV".into())), "{c:?}");
        assert!(c.contains(&("you".into(), "BLRGOV".into())), "{c:?}");
        assert!(c.contains(&("he".into(), "BLRGOV".into())), "{c:?}");
        assert!(c.contains(&("we".into(), "BLR".into())), "{c:?}");
    }
}

#[cfg(test)]
mod sides_phrase_tests {
    use super::sides_as_actor;

    #[test]
    fn sides_phrases_name_actors_only_before_a_verb() {
        assert!(sides_as_actor("Each side", " accused the other"));
        assert!(sides_as_actor("Each", " blamed the other"));
        assert!(sides_as_actor("the warring parties", " to return"));
        // Negatives: a place, a time, a partitive, a possessive.
        assert!(!sides_as_actor("each side", " of the river"));
        assert!(!sides_as_actor("Each", " year"));
        assert!(!sides_as_actor("each", " of them"));
        assert!(!sides_as_actor("each side", "'s troops"));
        // Other pair phrases are not this function's to judge.
        assert!(sides_as_actor("the two sides", " of"));
    }
}
