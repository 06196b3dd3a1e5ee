//! The document's memory of participants. A meeting, call, talks, negotiation or agreement names its parties once
//! ("Russian and Ukrainian delegations met in Istanbul", "a ceasefire between Israel and Hamas", "Biden hosted Kishida
//! and Yoon"); later sentences refer to them without names: "the two sides agreed", "the three leaders condemned",
//! "the parties agreed", "They agreed …", a host or a broker whose parties go unnamed ("Saudi Arabia hosted the
//! meeting", "the agreement, brokered by the United States and France, …") and talks that end with an agreement.
//!
//! [`Memory`] keeps the parties of the latest such event (one mention per side), the hosts and mediators apart, the
//! sentence they come from, and forgets them when [`REACH`] sentences go by without a party or a reference to them,
//! or when a sentence's events are all between other actors (a topic change). A reference is resolved only when the
//! memory holds as many parties as the words say ("the two sides": two; "the three leaders": three, hosts counted);
//! with nothing remembered, or a count that does not fit, the coder keeps what the actor matcher found.

use super::{recode, Event, Mode, Sentence};
use crate::actors::{Mention, MentionKind, Via};
use crate::date::Date;
use crate::document::Span;
use crate::text::{tokenize, TokenKind};

/// How many sentences the parties are remembered after the last one that names or refers to them.
const REACH: usize = 3;

/// Nouns that, after "the", "both", "all" or a number, refer to the parties, and whether they name the states
/// themselves (`false`: their governments or delegations).
const PARTY_NOUNS: &[(&str, bool)] = &[
    ("sides", false),
    ("parties", false),
    ("leaders", false),
    ("presidents", false),
    ("premiers", false),
    ("prime ministers", false),
    ("foreign ministers", false),
    ("defence ministers", false),
    ("defense ministers", false),
    ("ministers", false),
    ("heads of state", false),
    ("heads of government", false),
    ("delegations", false),
    ("negotiators", false),
    ("governments", false),
    ("countries", true),
    ("nations", true),
    ("states", true),
    ("neighbours", true),
    ("neighbors", true),
];

/// Of those, the ones that refer to the parties after a bare "the" ("The leaders signed …", "the parties agreed").
const BARE_THE: &[&str] = &[
    "sides",
    "parties",
    "leaders",
    "presidents",
    "premiers",
    "prime ministers",
    "foreign ministers",
    "ministers",
    "heads of state",
    "delegations",
    "negotiators",
];

/// Nouns of a meeting a host holds and a mediator brings about.
const MEETING_NOUNS: &[&str] = &[
    "meeting",
    "meetings",
    "summits",
    "talk",
    "talks",
    "summit",
    "negotiation",
    "negotiations",
    "signing",
    "round",
    "session",
    "dialogue",
    "consultations",
    "discussions",
    // "Trump, who hosted the ceremony, …", "The signing ceremony was hosted by Rubio."
    "ceremony",
    "ceremonies",
];

/// Nouns of an agreement a mediator brings about, or talks end with.
const DEAL_NOUNS: &[&str] = &[
    "deal",
    "deals",
    "agreements",
    "agreement",
    "accord",
    "ceasefire",
    "truce",
    "exchange",
    "swap",
    "pause",
    "settlement",
    "pact",
];

/// Whether token `k` is one of these nouns, as written (lemmas make "meeting" a form of "meet").
fn is_noun(sent: &Sentence, k: usize, nouns: &[&[&str]]) -> bool {
    let w = sent.word(k).to_lowercase();
    nouns.iter().any(|ns| ns.contains(&w.as_str()))
}

/// The side a mention stands for: its state, for the state and its organs; else its own code (an international
/// organisation, an armed group: the army and the rebels of one state are two sides).
pub(super) fn side(m: &Mention) -> &str {
    match &m.country {
        Some(c) if state_side(m) => c,
        _ => &m.code,
    }
}

/// Whether a mention is a state or one of its organs (not an organisation or a non-state agent of its country).
fn state_side(m: &Mention) -> bool {
    m.country.is_some()
        && m.kind != MentionKind::Organisation
        && matches!(m.agent.as_deref(), None | Some("GOV" | "MIL" | "LEG" | "JUD" | "COP" | "SPY" | "ELI"))
}

/// The remembered parties of the latest meeting, call, talks, negotiation or agreement of a document.
#[derive(Debug, Default)]
pub(super) struct Memory {
    /// One mention per side, in the order named.
    parties: Vec<Mention>,
    /// Hosts and mediators of the parties' meeting or deal, one per side.
    hosts: Vec<Mention>,
    /// The sentence that named the parties.
    from: usize,
    /// The last sentence that named a party or referred to the parties.
    touched: usize,
    /// The last sentence that opened with the parties (so that "They" opening the next one is them).
    opened: Option<usize>,
    /// Whether the parties are those of a conflict, a ceasefire or a mediation (so that "all sides" is them).
    conflict: bool,
}

/// A reference to the parties found in a sentence: its span (document bytes) and the mentions that replace the ones
/// the actor matcher put there, one per party.
#[derive(Debug)]
pub(super) struct Reference {
    pub(super) span: Span,
    pub(super) members: Vec<Mention>,
}

impl Memory {
    /// The two parties remembered at `sentence` (empty unless exactly two are).
    pub(super) fn partners(&self, sentence: Option<usize>) -> &[Mention] {
        match sentence {
            Some(s) if self.live(s) && self.parties.len() == 2 => &self.parties,
            _ => &[],
        }
    }

    /// Whether the parties are still remembered at `sentence`.
    fn live(&self, sentence: usize) -> bool {
        self.parties.len() >= 2 && sentence >= self.from && sentence - self.touched <= REACH
    }

    fn is_party(&self, m: &Mention) -> bool {
        self.parties.iter().any(|p| side(p) == side(m))
    }

    fn is_known(&self, m: &Mention) -> bool {
        self.is_party(m) || self.hosts.iter().any(|p| side(p) == side(m))
    }

    /// The parties a reference of `count` members stands for (any number when `None`): the parties, or with the
    /// hosts when only that makes the count ("the three leaders" after a host received two guests); else nothing.
    fn members(&self, count: Option<usize>) -> Option<Vec<&Mention>> {
        let parties: Vec<&Mention> = self.parties.iter().collect();
        match count {
            None => Some(parties),
            Some(n) if parties.len() == n => Some(parties),
            Some(n) if parties.len() + self.hosts.len() == n => Some(parties.into_iter().chain(&self.hosts).collect()),
            Some(_) => None,
        }
    }

    /// The references to the parties in a sentence (`text` at document byte `offset`), given its mentions: plural
    /// references ("the two sides", "the three leaders", "both countries", "the parties", "all sides") and "They"
    /// opening the sentence after one that opened with the parties. Empty when nothing is remembered.
    pub(super) fn references(
        &self,
        sentence: Option<usize>,
        text: &str,
        offset: usize,
        ms: &[&Mention],
    ) -> Vec<Reference> {
        let Some(s) = sentence else { return Vec::new() };
        if !self.live(s) {
            return Vec::new();
        }
        // Most sentences have none of the words (tokenising them again would cost).
        let plural = PARTY_NOUNS.iter().any(|(noun, _)| text.contains(noun))
            || ["two ", "three ", "four ", "Both ", "both "].iter().any(|w| text.contains(w));
        if !plural && !text.starts_with("They ") && !ms.iter().any(|m| m.via == Via::Pair) {
            return Vec::new();
        }
        let tokens = tokenize(text);
        let words: Vec<&str> = tokens.iter().map(|t| &text[t.span.start..t.span.end]).collect();
        let mut out = Vec::new();
        // A phrase may only take the place of mentions found from context ("leaders" as a role) or as the pair;
        // a named actor inside it means it is something else.
        let free = |span: Span| {
            ms.iter().all(|m| {
                m.span.end <= span.start || m.span.start >= span.end || matches!(m.via, Via::Pair | Via::Context)
            })
        };
        // "Modi held talks with Putin, and the two leaders rode …": a pair phrase opening a clause after exactly two
        // sides its own sentence names is those two (the actor matcher's reading), not the remembered parties.
        let own_pair = |span: Span| {
            let mut named: Vec<&str> = Vec::new();
            for m in ms.iter().filter(|m| m.via == Via::Name && !m.code.is_empty() && m.span.end <= span.start) {
                if !named.contains(&side(m)) {
                    named.push(side(m));
                }
            }
            named.len() == 2
                && named.iter().any(|n| !self.parties.iter().any(|p| side(p) == *n))
                && text.get(..span.start - offset).is_some_and(crate::actors::opens_clause)
        };
        let mut k = 0;
        while k < tokens.len() {
            let found = plural_reference(&words, k);
            let Some((end, count, states, generic)) = found else {
                k += 1;
                continue;
            };
            let span = Span::new(offset + tokens[k].span.start, offset + tokens[end - 1].span.end);
            // Not "the leaders of Russia and China", not "the two countries' police" (a possessor, not the pair).
            let next = words.get(end).copied();
            let owned = matches!(next, Some("'" | "’" | "'s" | "’s"));
            // ("all sides", "all parties" are the sides of a conflict, not a meeting's: "stressed that all parties
            // should push for a settlement".)
            if matches!(next, Some("of" | "in" | "from"))
                || owned
                || !free(span)
                || (generic && !self.conflict)
                || own_pair(span)
            {
                k = end;
                continue;
            }
            if let Some(members) = self.members(count) {
                out.push(Reference { span, members: render(&members, !states, sentence, span) });
            }
            k = end;
        }
        // "They agreed …" right after a sentence that opened with the parties.
        // (Not "They were freed …", "They are held …": what befalls them is told of others, often people.)
        let passive = words.get(1).is_some_and(|w| matches!(*w, "were" | "are" | "was" | "had" | "have"))
            && words.get(2).is_some_and(|w| w.ends_with("ed") || matches!(*w, "been" | "held" | "taken" | "hit"));
        if words.first() == Some(&"They") && passive {
            // The actor matcher's "They" after a sentence opened by a pair is dropped as well.
            let span = Span::new(offset + tokens[0].span.start, offset + tokens[0].span.end);
            if ms.iter().any(|m| m.via == Via::Pair && m.span == span) {
                out.push(Reference { span, members: Vec::new() });
            }
        } else if self.opened == Some(s.wrapping_sub(1)) && words.first() == Some(&"They") {
            let span = Span::new(offset + tokens[0].span.start, offset + tokens[0].span.end);
            if free(span) {
                if let Some(members) = self.members(None) {
                    out.push(Reference { span, members: render(&members, false, sentence, span) });
                }
            }
        }
        // The pair the actor matcher found by other words ("our two countries", "officials from both sides").
        let mut pairs: Vec<Span> = ms.iter().filter(|m| m.via == Via::Pair).map(|m| m.span).collect();
        pairs.dedup();
        for span in pairs {
            if out.iter().any(|r| r.span.start < span.end && span.start < r.span.end) || own_pair(span) {
                continue;
            }
            if let Some(members) = self.members(Some(2)) {
                let gov = ms.iter().any(|m| m.span == span && m.agent.is_some());
                out.push(Reference { span, members: render(&members, gov, sentence, span) });
            }
        }
        out
    }

    /// The hosts and mediators of the parties' meeting or deal that a sentence named ("Oman hosted the talks").
    fn learn_hosts(&mut self, events: &[Event]) {
        for e in events.iter().filter(|e| e.rule.ends_with("+remembered") && matches!(e.code.as_str(), "043" | "045")) {
            if !self.is_known(&e.source) {
                self.hosts.push(e.source.clone());
            }
        }
    }

    /// Whether a sentence with no actor of its own may still tell of the parties' meeting or deal: a host or a
    /// mediator, or talks that end with an agreement ([`remembered_events`]).
    pub(super) fn wants(&self, sentence: Option<usize>, text: &str) -> bool {
        sentence.is_some_and(|s| self.live(s))
            && (["host", "mediat", "brokered", "facilitat"].iter().any(|w| text.contains(w))
                || ["The talks", "The meeting", "The summit", "The negotiations"].iter().any(|w| text.starts_with(w)))
    }

    /// Learns from a coded sentence: its events (and mentions, `text` at document byte `offset`) may name new
    /// parties; a sentence naming a party keeps the memory; one whose events are all between other actors ends it.
    pub(super) fn observe(
        &mut self,
        sentence: Option<usize>,
        text: &str,
        offset: usize,
        ms: &[&Mention],
        events: &[Event],
    ) {
        let Some(s) = sentence else { return };
        let first = ms.iter().filter(|m| m.via != Via::Implied).min_by_key(|m| m.span.start);
        // A sentence whose subject is the remembered parties ("The two ministers confirmed that Japan, the U.S. and
        // the ROK will work together") keeps them: the acts it reports inside are not a new meeting.
        // (So does one opened by a pair the actor matcher found with nothing remembered: it stays unremembered.)
        let by_reference = first.is_some_and(|m| m.via == Via::Pair);
        let found = if by_reference {
            None
        } else {
            parties_of(events)
                .or_else(|| between(text, offset, ms).map(|p| (p, Vec::new(), true)))
                .or_else(|| compound(text, offset, ms).map(|p| (p, Vec::new(), false)))
        };
        if let Some((parties, hosts, conflict)) = found {
            self.parties = parties;
            self.hosts = hosts;
            self.conflict = conflict;
            self.from = s;
            self.touched = s;
        } else if !self.live(s) {
            self.parties.clear();
            self.hosts.clear();
            self.opened = None;
            return;
        } else if ms.iter().any(|m| m.via != Via::Implied && self.is_known(m)) {
            self.touched = s;
            self.learn_hosts(events);
        } else if events.iter().any(|e| e.rule.ends_with("+remembered")) {
            self.learn_hosts(events);
        } else if !events.is_empty() && events.iter().all(|e| !self.is_known(&e.source) && !self.is_known(&e.target)) {
            self.parties.clear();
            self.hosts.clear();
            self.opened = None;
            return;
        }
        // Whether the sentence opens with the parties: its first actor is one of them (or all of them).
        self.opened = first.filter(|m| m.span.start < offset + 60 && self.is_party(m)).map(|_| s);
    }
}

/// The document's mentions with the references resolved from memory in place of what the actor matcher found
/// there, so that the mentions and the events agree.
pub(super) fn apply(mentions: &mut Vec<Mention>, refs: Vec<Reference>) {
    for r in refs {
        let Some(sentence) = r.members.first().map(|m| m.sentence).or_else(|| {
            mentions.iter().find(|m| m.span.start < r.span.end && r.span.start < m.span.end).map(|m| m.sentence)
        }) else {
            continue;
        };
        mentions.retain(|m| m.sentence != sentence || m.span.end <= r.span.start || m.span.start >= r.span.end);
        let at = mentions.iter().position(|m| m.span.start >= r.span.start).unwrap_or(mentions.len());
        mentions.splice(at..at, r.members);
    }
}

/// The phrase at token `k` that refers to the parties: its end token, the number of parties it says (`None`: any),
/// and whether it names the states themselves. "the two sides", "both leaders", "all three countries", "the three
/// leaders", "the parties", "all sides".
fn plural_reference(words: &[&str], k: usize) -> Option<(usize, Option<usize>, bool, bool)> {
    let number = |w: &str| match w.to_ascii_lowercase().as_str() {
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        _ => None,
    };
    let det = match words[k] {
        "the" | "The" => "the",
        "both" | "Both" => "both",
        "all" | "All" => "all",
        _ => return None,
    };
    let mut i = k + 1;
    let mut count = if det == "both" { Some(2) } else { None };
    if let Some(n) = words.get(i).and_then(|w| number(w)) {
        if det == "both" {
            return None;
        }
        count = Some(n);
        i += 1;
    }
    for (noun, states) in PARTY_NOUNS {
        let parts: Vec<&str> = noun.split(' ').collect();
        let fits = parts.iter().enumerate().all(|(j, p)| words.get(i + j).is_some_and(|w| w.eq_ignore_ascii_case(p)));
        if !fits {
            continue;
        }
        // A bare "the" only before nouns of people or sides; "all" only before "sides" and "parties".
        let bare = count.is_none();
        let ok = match det {
            "the" => !bare || BARE_THE.contains(noun),
            "all" => !bare || matches!(*noun, "sides" | "parties"),
            _ => true,
        };
        return ok.then_some((i + parts.len(), count, *states, det == "all" && bare));
    }
    // "The two agreed …", "Both also condemned …": the number or "both" alone, before a verb of what the parties do.
    let alone = (det == "the" && count.is_some()) || (det == "both" && i == k + 1);
    let verb = words.get(i).is_some_and(|w| ALONE_VERBS.contains(w));
    (alone && verb).then_some((i, count, false, false))
}

/// Verbs (and auxiliaries) after "the two" or "both" standing alone for the parties: what parties to a meeting do,
/// not what befalls people ("the two killed in the blast").
const ALONE_VERBS: &[&str] = &[
    "agreed",
    "discussed",
    "signed",
    "met",
    "held",
    "spoke",
    "talked",
    "pledged",
    "vowed",
    "expressed",
    "exchanged",
    "reaffirmed",
    "welcomed",
    "condemned",
    "called",
    "urged",
    "reviewed",
    "issued",
    "adopted",
    "stressed",
    "underlined",
    "emphasised",
    "emphasized",
    "noted",
    "committed",
    "announced",
    "also",
    "will",
    "would",
    "have",
    "had",
    "later",
    "then",
    "jointly",
    "agree",
    "discuss",
    "sign",
    "hold",
];

/// The members of a reference at `span`: each party's mention moved there, as its government for words that name
/// governments, leaders or delegations (`gov`), else as the state; an organisation or an armed group stays itself.
fn render(members: &[&Mention], gov: bool, sentence: Option<usize>, span: Span) -> Vec<Mention> {
    members
        .iter()
        .map(|p| {
            let mut m = (*p).clone();
            m.sentence = sentence;
            m.span = span;
            m.via = Via::Pair;
            m.person = None;
            // (The army and the rebels of one state stay themselves: "the two sides" of a civil war.)
            let civil = members.iter().filter(|o| o.country == m.country).count() > 1;
            if let (Some(c), true, false) = (m.country.clone(), state_side(&m), civil) {
                m.code = if gov { format!("{c}GOV") } else { c.clone() };
                m.agent = gov.then(|| "GOV".to_string());
                m.kind = if gov { MentionKind::Role } else { MentionKind::State };
            }
            m
        })
        .collect()
}

/// One mention per side, in order.
fn sides(ms: impl IntoIterator<Item = Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for m in ms {
        if !out.iter().any(|o| side(o) == side(&m)) {
            out.push(m);
        }
    }
    out
}

/// The parties (and hosts) a sentence's events name: the members of mutual meetings, talks, agreements and joint
/// acts (coded both ways), else the parties a mediator brought together (the mediator a host), else a host and its
/// guests, else a visitor and the state visited.
fn parties_of(events: &[Event]) -> Option<(Vec<Mention>, Vec<Mention>, bool)> {
    let remembered = |e: &Event| e.rule.ends_with("+remembered");
    let mutual: Vec<&Event> = events
        .iter()
        .filter(|e| {
            matches!(&e.code[..2], "03" | "04" | "05" | "06" | "08")
                && events
                    .iter()
                    .any(|f| f.code == e.code && f.source.code == e.target.code && f.target.code == e.source.code)
        })
        .collect();
    let hosts_of = |code: &str, parties: &[Mention]| {
        sides(
            events
                .iter()
                .filter(|e| e.code == code && !parties.iter().any(|p| side(p) == side(&e.source)))
                .map(|e| e.source.clone()),
        )
    };
    let two = |v: Vec<Mention>| (v.len() >= 2).then_some(v);
    if let Some(parties) = two(sides(mutual.iter().flat_map(|e| [e.source.clone(), e.target.clone()]))) {
        let mut hosts = hosts_of("043", &parties);
        hosts.extend(hosts_of("045", &parties));
        let conflict = !hosts.is_empty() || mutual.iter().any(|e| matches!(&e.code[..2], "08" | "16" | "18" | "19"));
        return Some((parties, sides(hosts), conflict));
    }
    let of_code = |code: &'static str| events.iter().filter(move |e| e.code == code && !remembered(e));
    if let Some(parties) = two(sides(of_code("045").map(|e| e.target.clone()))) {
        let hosts = hosts_of("045", &parties);
        return Some((parties, hosts, true));
    }
    for code in ["043", "042"] {
        let named = of_code(code).filter(|e| e.mode == Mode::Asserted || code == "043");
        if let Some(parties) = two(sides(named.flat_map(|e| [e.source.clone(), e.target.clone()]))) {
            return Some((parties, Vec::new(), false));
        }
    }
    // Relations or talks broken off, suspended or cut ("suspended peace talks with the ELN", "cut ties with Qatar"):
    // the two sides of what was broken.
    let reduced = events.iter().filter(|e| e.code.starts_with("16") && e.mode == Mode::Asserted);
    two(sides(reduced.flat_map(|e| [e.source.clone(), e.target.clone()]))).map(|p| (p, Vec::new(), true))
}

/// Verbs of meeting or agreeing after a compound subject ("Thailand and Cambodia agreed on Monday to …", "Russian
/// and Ukrainian delegations met"), for a sentence whose event the patterns missed.
const MEETING_VERBS: &[&str] =
    &["agreed", "met", "signed", "held", "reached", "spoke", "talked", "discussed", "concluded", "negotiated"];

/// The sides of a compound subject ("X and Y", "X, Y and Z") right before a verb of meeting or agreeing.
fn compound(text: &str, offset: usize, ms: &[&Mention]) -> Option<Vec<Mention>> {
    if !MEETING_VERBS.iter().any(|v| text.contains(v)) {
        return None;
    }
    let named: Vec<&Mention> =
        ms.iter().copied().filter(|m| !matches!(m.via, Via::Implied | Via::Context | Via::Pair)).collect();
    let mut i = 0;
    while i < named.len() {
        let mut list = vec![named[i].clone()];
        let mut last = named[i];
        let mut j = i + 1;
        while j < named.len() {
            let gap = text.get(last.span.end - offset..named[j].span.start - offset)?;
            if !matches!(gap, " and " | ", " | ", and ") {
                break;
            }
            list.push(named[j].clone());
            last = named[j];
            j += 1;
        }
        let rest = text.get(last.span.end - offset..)?;
        let mut words = rest.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
        let verb = match words.next() {
            Some("have" | "has" | "had" | "also" | "jointly" | "both" | "all") => words.next(),
            w => w,
        };
        let list = sides(list);
        // (Not after a preposition: "talks with Russia and China agreed" is no compound subject.)
        let head = text.get(..named[i].span.start - offset)?.trim_end();
        let object = head.rsplit(' ').next().is_some_and(|w| super::PREPOSITIONS.contains(&w));
        if list.len() >= 2 && !object && verb.is_some_and(|v| MEETING_VERBS.contains(&v)) {
            return Some(list);
        }
        i = j;
    }
    None
}

/// The actors a sentence names as "between X and Y" ("between X, Y and Z"), one per side, when there are two or more.
fn between(text: &str, offset: usize, ms: &[&Mention]) -> Option<Vec<Mention>> {
    if !text.contains("between ") {
        return None;
    }
    let named: Vec<&Mention> =
        ms.iter().copied().filter(|m| !matches!(m.via, Via::Implied | Via::Context | Via::Pair)).collect();
    for (i, a) in named.iter().enumerate() {
        let before = text.get(..a.span.start.checked_sub(offset)?)?;
        if !(before.ends_with("between ") || before.ends_with("between the ")) {
            continue;
        }
        let mut list = vec![(*a).clone()];
        let mut last = *a;
        for b in &named[i + 1..] {
            let gap = text.get(last.span.end - offset..b.span.start - offset)?;
            if matches!(gap, " and " | ", " | ", and " | " and the " | ", the " | ", and the ") || b.span == last.span {
                list.push((*b).clone());
                last = b;
            } else {
                break;
            }
        }
        let list = sides(list);
        if list.len() >= 2 {
            return Some(list);
        }
    }
    None
}

/// A host or a mediator of the remembered parties' meeting or deal, which the sentence names by a noun only:
/// "Saudi Arabia hosted the meeting", "Oman facilitated the talks", "Qatar, Egypt and the United States mediated the
/// deal" (active), "The meeting, hosted by Turkey, …", "the agreement, brokered by the United States and France, …",
/// "talks mediated by the United States" (passive): 043 (host) or 045 (mediate, broker, facilitate) from each host
/// to each party. And talks that end with an agreement ("The talks ended with an agreement to exchange prisoners"):
/// 057 between the parties. Nothing when the parties are not remembered, or the sentence names them already.
pub(super) fn remembered_events(
    sent: &Sentence,
    sentence: Option<usize>,
    date: Option<Date>,
    memory: &Memory,
    hypothetical: bool,
    start: usize,
    out: &mut Vec<Event>,
) {
    let Some(s) = sentence else { return };
    fold_agreed_acts(sent, start, out);
    if !memory.live(s) {
        return;
    }
    let n = sent.tokens.len();
    let plain = |k: usize| sent.group_at[k].is_none() && sent.tokens[k].kind == TokenKind::Word;
    // A meeting or deal noun phrase starting at `k` ("the meeting", "this round of talks", "their deal"): its head.
    let object_at = |k: usize, nouns: &[&[&str]]| -> Option<usize> {
        let mut i = k;
        while i < n && i < k + 4 && plain(i) {
            // The remembered meeting or deal is a definite one: "the talks", "their deal", not "a summit on migration".
            if i == k && !matches!(sent.lemmas[i], "the" | "this" | "these" | "those" | "their") {
                return None;
            }
            if is_noun(sent, i, nouns) {
                // "the meeting between X and Y", "talks with X": the parties are named; the patterns code it.
                let named_after = matches!(sent.lemmas.get(i + 1).copied(), Some("between" | "with" | "among"));
                return (!named_after).then_some(i);
            }
            if !sent.word(i).chars().all(|c| c.is_lowercase() || c == '-') {
                return None;
            }
            i += 1;
        }
        None
    };
    for t in 0..n {
        let code = match sent.lemmas[t] {
            "host" | "co-host" => "043",
            "mediate" | "broker" | "facilitate" | "co-mediate" => "045",
            _ => continue,
        };
        // Not part of a compound ("U.S.-brokered"), and not a gerund after a preposition, a reason or background
        // ("thanked Oman for hosting the talks", "after mediating the deal").
        let gerund = |t: usize| sent.word(t).ends_with("ing") && super::PREPOSITIONS.contains(&sent.lemmas[t - 1]);
        if t == 0 || !plain(t) || matches!(sent.word(t - 1), "-" | "–") || gerund(t) {
            continue;
        }
        let nouns: &[&[&str]] = if code == "043" { &[MEETING_NOUNS] } else { &[MEETING_NOUNS, DEAL_NOUNS] };
        // (source group, token where the mode is read from)
        let (source, from) = if sent.lemmas.get(t + 1) == Some(&"by") {
            // Passive: the noun before the verb ("The meeting, hosted by", "talks were mediated by").
            let mut h = t;
            // ("the deal, which was brokered by Egypt": the relative pronoun stands for the noun before it.)
            while h > 0 && matches!(sent.lemmas[h - 1], "," | "be" | "have" | "also" | "jointly" | "which" | "that") {
                h -= 1;
            }
            let head = h.checked_sub(1).filter(|&k| plain(k) && is_noun(sent, k, nouns));
            let Some(head) = head else { continue };
            // Background: "under a deal brokered by", "after talks hosted by".
            let mut b = head;
            while b > 0 && plain(b - 1) && !super::PREPOSITIONS.contains(&sent.lemmas[b - 1]) && head - b < 4 {
                b -= 1;
            }
            if b > 0 && matches!(sent.lemmas[b - 1], "under" | "after" | "following" | "since" | "before" | "amid") {
                continue;
            }
            let Some((g, _)) = sent.group_starting(t + 2) else { continue };
            (g, head + 1)
        } else {
            if object_at(t + 1, nouns).is_none() {
                continue;
            }
            let Some(g) = sent.subject_before(t, false) else { continue };
            (g, sent.groups[g].tok_end)
        };
        let (mode, refusal) = sent.mode(from.min(t), t);
        if mode == Mode::Hypothetical && !hypothetical {
            continue;
        }
        let Some((code, suffix)) = recode(code, mode, refusal) else { continue };
        let evidence = Span::new(sent.tokens[t].span.start + sent.offset, sent.tokens[t].span.end + sent.offset);
        for &h in &sent.groups[source].members {
            let host = sent.mentions[h];
            // Already coded from the sentence's own words ("hosted the talks between X and Y").
            if out[start..].iter().any(|e| e.source.code == host.code && e.code[..2] == code[..2]) {
                continue;
            }
            for party in memory.parties.iter().filter(|p| side(p) != side(host)) {
                let mut target = party.clone();
                target.sentence = sentence;
                target.span = evidence;
                target.via = Via::Implied;
                target.person = None;
                out.push(Event {
                    sentence,
                    source: host.clone(),
                    target,
                    code: code.clone(),
                    mode,
                    date,
                    evidence,
                    rule: format!("{}.parties{suffix}+remembered", &code[..3]),
                });
            }
        }
    }
    talks_ending_in_agreement(sent, sentence, date, memory, out);
}

/// "X and Y agreed to hold joint patrols", "agreed to restore relations", "agreed to share intelligence": the
/// generic agreement (030, both ways, from "agree to") and the agreed act found at the verb after it (062, 050, 064,
/// coded as done) are one event each way (ANNOTATION.md: "agreed to" with a partner is the agreement, 03 in `alt`).
/// The act is kept as the intent to do it (062 → 0312, 050 → 030, 081 → 0351), a truce or another yielding act
/// (08) as itself, and the generic 030 of the same two sides goes. The act must follow "agree to" at once (up to
/// three words between, no comma): "agreed to talks and later signed a deal" keeps both.
fn fold_agreed_acts(sent: &Sentence, start: usize, out: &mut Vec<Event>) {
    let agreed: Vec<usize> = (start..out.len()).filter(|&i| out[i].rule.starts_with("030.agree-to-pair")).collect();
    if agreed.is_empty() {
        return;
    }
    let pair = |e: &Event, f: &Event| {
        (side(&e.source) == side(&f.source) && side(&e.target) == side(&f.target))
            || (side(&e.source) == side(&f.target) && side(&e.target) == side(&f.source))
    };
    let mut drop = vec![false; out.len()];
    for i in start..out.len() {
        let e = &out[i];
        if e.mode != Mode::Asserted || e.code.starts_with("03") || e.rule.starts_with("030.") {
            continue;
        }
        let right_after = agreed.iter().any(|&a| {
            let g = &out[a];
            if !pair(g, e) || e.evidence.start < g.evidence.end {
                return false;
            }
            let (from, to) = (g.evidence.end - sent.offset, e.evidence.start - sent.offset);
            let Some(gap) = sent.text.get(from..to) else { return false };
            let words: Vec<&str> = gap.split_whitespace().collect();
            !gap.contains([',', ';', ':']) && words.len() <= 4 && words.first().is_none_or(|w| *w == "to")
        });
        if !right_after {
            continue;
        }
        for &a in &agreed {
            if pair(&out[a], &out[i]) {
                drop[a] = true;
            }
        }
        if out[i].code.starts_with("08") {
            continue;
        }
        if let Some((code, suffix)) = recode(&out[i].code, Mode::Intended, false) {
            let e = &mut out[i];
            e.code = code;
            e.mode = Mode::Intended;
            e.rule = format!("{}{suffix}+agreed", e.rule);
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// "The talks ended with an agreement to …", "The meeting produced a deal on …": the sentence's subject is the
/// parties' talks, and they agreed (057, both ways between every two parties).
fn talks_ending_in_agreement(
    sent: &Sentence,
    sentence: Option<usize>,
    date: Option<Date>,
    memory: &Memory,
    out: &mut Vec<Event>,
) {
    let n = sent.tokens.len();
    // "The talks", "The meeting", "The summit" opening the sentence.
    if n < 4 || sent.lemmas[0] != "the" || !is_noun(sent, 1, &[&["talks", "meeting", "summit", "negotiations"]]) {
        return;
    }
    // Its verb: the first of these after the subject (and a relative clause on it), then the agreement within a few
    // words, with no negation on the way ("ended without a deal", "produced no agreement").
    let Some(v) = (2..n).find(|&k| {
        matches!(sent.lemmas[k], "end" | "conclude" | "close" | "produce" | "yield" | "culminate" | "result")
    }) else {
        return;
    };
    let clause_ok =
        (2..v).all(|k| sent.group_at[k].is_none() && !matches!(sent.lemmas[k], "not" | "n't" | "fail" | "never"));
    let head = (v + 1..n.min(v + 5))
        .find(|&k| is_noun(sent, k, &[DEAL_NOUNS]) && !matches!(sent.lemmas[k], "exchange" | "swap" | "pause"));
    let Some(head) = head.filter(|_| clause_ok) else { return };
    let negated = (v + 1..head).any(|k| matches!(sent.lemmas[k], "without" | "no" | "not" | "n't"));
    if negated || !(v + 1..head).all(|k| sent.group_at[k].is_none()) {
        return;
    }
    let (mode, _) = sent.mode(2, v);
    if mode != Mode::Asserted {
        return;
    }
    let evidence = Span::new(sent.tokens[v].span.start + sent.offset, sent.tokens[head].span.end + sent.offset);
    let members = render(&memory.parties.iter().collect::<Vec<_>>(), false, sentence, evidence);
    for a in &members {
        for b in &members {
            if side(a) == side(b)
                || out.iter().any(|e| {
                    e.sentence == sentence && e.source.code == a.code && e.target.code == b.code && e.code == "057"
                })
            {
                continue;
            }
            let mut target = b.clone();
            target.via = Via::Implied;
            let mut source = a.clone();
            source.via = Via::Implied;
            out.push(Event {
                sentence,
                source,
                target,
                code: "057".to_string(),
                mode,
                date,
                evidence,
                rule: "057.talks-agreement+remembered".to_string(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::coder::Coder;
    use crate::Document;

    fn coder() -> &'static Coder {
        crate::coder::tests::coder()
    }

    /// `(sentence, source, target, code)` of every event of a document.
    fn doc_events(sentences: &[&str]) -> Vec<(usize, String, String, String)> {
        let mut doc = Document::from_sentences("t", None, sentences);
        doc.date = Some("2024-06-10".parse().unwrap());
        coder()
            .code(&doc)
            .events
            .into_iter()
            .map(|e| (e.sentence.unwrap_or(usize::MAX), e.source.code, e.target.code, e.code))
            .collect()
    }

    fn has(evs: &[(usize, String, String, String)], s: usize, src: &str, tgt: &str, root: &str) -> bool {
        evs.iter().any(|e| e.0 == s && e.1 == src && e.2 == tgt && e.3.starts_with(root))
    }

    fn in_sentence(evs: &[(usize, String, String, String)], s: usize) -> usize {
        evs.iter().filter(|e| e.0 == s).count()
    }

    #[test]
    fn a_partys_intent_to_cooperate_with_no_partner_named_is_toward_the_other_party() {
        let talks =
            "Kenyan President William Ruto held talks with Indonesian President Prabowo Subianto in Jakarta on Monday.";
        // Readiness to deepen ties, said of one party's own state: toward the other party.
        let evs =
            doc_events(&[talks, "Ruto said Kenya was ready to double bilateral trade to 2 billion dollars by 2030."]);
        let toward = |evs: &[(usize, String, String, String)], src: &str, tgt: &str| {
            evs.iter().any(|e| e.0 == 1 && e.1.starts_with(src) && e.2.starts_with(tgt) && e.3.starts_with("03"))
        };
        assert!(toward(&evs, "KEN", "IDN"), "{evs:?}");
        let evs = doc_events(&[talks, "Prabowo said Jakarta wanted to deepen cooperation in energy and fisheries."]);
        assert!(toward(&evs, "IDN", "KEN"), "{evs:?}");
        // With no meeting remembered there is no partner.
        let evs = doc_events(&["Ruto said Kenya was ready to double bilateral trade to 2 billion dollars by 2030."]);
        assert_eq!(in_sentence(&evs, 0), 0, "{evs:?}");
        // A third state is no party of the meeting.
        let evs = doc_events(&[talks, "Ghana wants to deepen cooperation in energy and fisheries."]);
        assert_eq!(in_sentence(&evs, 1), 0, "{evs:?}");
        // An act told as done, not an intent: no partner is supplied.
        let evs = doc_events(&[talks, "Kenya deepened cooperation in energy and fisheries last year."]);
        assert_eq!(in_sentence(&evs, 1), 0, "{evs:?}");
    }

    #[test]
    fn the_host_of_the_parties_ceremony_hosts_each_party() {
        let signed = "The leaders of Rwanda and the Democratic Republic of Congo signed a peace accord in Washington.";
        // Active, in a relative clause, and passive: 043 from the host to each party.
        for host in [
            "The U.S. president, who hosted the ceremony, called the accord a great day.",
            "The signing ceremony was hosted by the U.S. president.",
        ] {
            let evs = doc_events(&[signed, host]);
            let hosts =
                |tgt: &str| evs.iter().any(|e| e.0 == 1 && e.1 == "USAGOV" && e.2.starts_with(tgt) && e.3 == "043");
            assert!(hosts("RWA") && hosts("COD"), "{host}: {evs:?}");
        }
        // An indefinite ceremony is another occasion: nothing.
        let evs = doc_events(&[signed, "The U.S. president hosted a ceremony for veterans."]);
        assert_eq!(in_sentence(&evs, 1), 0, "{evs:?}");
    }

    #[test]
    fn the_two_sides_are_the_parties_of_the_latest_meeting_even_an_organisation() {
        let evs = doc_events(&[
            "Chinese Premier Li Qiang met European Commission President Ursula von der Leyen in Brussels on Monday.",
            "The two sides signed an agreement on electric vehicle tariffs.",
        ]);
        assert!(has(&evs, 1, "CHNGOV", "IGOEUREEC", "05") && has(&evs, 1, "IGOEUREEC", "CHNGOV", "05"), "{evs:?}");
        // The document's mentions say the same as its events.
        let doc = Document::from_sentences(
            "t",
            None,
            &[
                "Chinese Premier Li Qiang met European Commission President Ursula von der Leyen in Brussels.",
                "Hungary and Hungarian officials watched, and the two sides signed an agreement.",
            ],
        );
        let pair: Vec<String> = coder()
            .code(&doc)
            .mentions
            .into_iter()
            .filter(|m| m.via == crate::actors::Via::Pair)
            .map(|m| m.code)
            .collect();
        assert_eq!(pair, ["CHNGOV", "IGOEUREEC"], "{pair:?}");
        // A third state mentioned more often does not take the organisation's place.
        let evs = doc_events(&[
            "Russia and Russian forces were the focus as Russia's envoy spoke in Geneva.",
            "Chinese President Xi Jinping held talks with EU Council President Antonio Costa in Beijing.",
            "The two sides agreed to resume their dialogue on human rights.",
        ]);
        assert!(has(&evs, 2, "CHNGOV", "IGOEUREEC", "03"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == 2 && (e.1.starts_with("RUS") || e.2.starts_with("RUS"))), "{evs:?}");
    }

    #[test]
    fn a_pair_opening_a_clause_after_two_sides_of_its_own_sentence_is_them_not_the_remembered() {
        // Remembered: Japan and South Korea; the last sentence names its own two before "the two leaders".
        let evs = doc_events(&[
            "Japanese Prime Minister Shigeru Ishiba met South Korean President Lee Jae-myung in Tokyo.",
            "Later, Lee held talks with French President Emmanuel Macron, and the two leaders toured a shipyard.",
        ]);
        assert!(!evs.iter().any(|e| e.0 == 1 && (e.1.starts_with("JPN") || e.2.starts_with("JPN"))), "{evs:?}");
        let evs = doc_events(&[
            "Japanese Prime Minister Shigeru Ishiba met South Korean President Lee Jae-myung in Tokyo.",
            "Chinese President Xi Jinping hosted Brazil's president, and the two sides signed a trade pact.",
        ]);
        assert!(has(&evs, 1, "CHNGOV", "BRAGOV", "05") && has(&evs, 1, "BRAGOV", "CHNGOV", "05"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == 1 && (e.1.starts_with("JPN") || e.2.starts_with("JPN"))), "{evs:?}");
        // After a preposition the phrase is the remembered parties, not the states that speak of them.
        let evs = doc_events(&[
            "Thailand and Cambodia agreed on Monday to a truce along their border.",
            "Malaysia welcomed the step, while China called for restraint between the two sides.",
        ]);
        assert!(!evs.iter().any(|e| e.0 == 1 && e.1.starts_with("CHN") && e.2.starts_with("MYS")), "{evs:?}");
    }

    #[test]
    fn three_leaders_and_they_are_the_host_and_its_two_guests() {
        let evs = doc_events(&[
            "Turkish President Recep Tayyip Erdogan hosted Azerbaijani President Ilham Aliyev and Georgian Prime Minister Irakli Kobakhidze in Ankara.",
            "The three leaders signed a declaration on a new railway corridor.",
            "They agreed to hold annual joint summits.",
        ]);
        for (a, b) in [("TURGOV", "AZEGOV"), ("AZEGOV", "GEOGOV"), ("GEOGOV", "TURGOV")] {
            assert!(has(&evs, 1, a, b, "05") && has(&evs, 1, b, a, "05"), "{a} {b} {evs:?}");
        }
        assert!(has(&evs, 2, "TUR", "GEO", "0") && has(&evs, 2, "AZE", "TUR", "0"), "{evs:?}");
        // "The two leaders" with three remembered is ambiguous: none of the three pairs is picked from memory.
        let evs = doc_events(&[
            "Turkish President Recep Tayyip Erdogan hosted Azerbaijani President Ilham Aliyev and Georgian Prime Minister Irakli Kobakhidze in Ankara.",
            "The four leaders signed a declaration on a new railway corridor.",
        ]);
        assert_eq!(in_sentence(&evs, 1), 0, "{evs:?}");
    }

    #[test]
    fn they_is_the_parties_only_right_after_a_sentence_they_open() {
        // A sentence about someone else in between: "They" is not the parties.
        let evs = doc_events(&[
            "Indian Prime Minister Narendra Modi spoke by phone with Japanese Prime Minister Fumio Kishida on Wednesday.",
            "France condemned Russia's strikes on Kharkiv.",
            "They agreed to meet again in Tokyo.",
        ]);
        assert_eq!(in_sentence(&evs, 2), 0, "{evs:?}");
        // A sentence opened by a third party that names the pair as "between X and Y".
        let evs = doc_events(&[
            "Norway welcomed the ceasefire between Israel and Hamas.",
            "They agreed to exchange more hostages and prisoners.",
        ]);
        assert_eq!(in_sentence(&evs, 1), 0, "{evs:?}");
        let evs = doc_events(&[
            "Indian Prime Minister Narendra Modi spoke by phone with Japanese Prime Minister Fumio Kishida on Wednesday.",
            "They agreed to expand cooperation in semiconductors.",
        ]);
        assert!(has(&evs, 1, "IND", "JPN", "0") && has(&evs, 1, "JPN", "IND", "0"), "{evs:?}");
        // What befalls "them" is mostly told of other people ("They were freed by …").
        let evs = doc_events(&[
            "Russia and Ukraine exchanged 150 prisoners of war each on Friday.",
            "They were received by Pope Francis at the Vatican.",
        ]);
        assert_eq!(in_sentence(&evs, 1), 0, "{evs:?}");
    }

    #[test]
    fn all_sides_are_a_conflicts_parties_and_a_sentence_about_the_parties_keeps_them() {
        // In a bilateral call "all parties" are others: the sides of the crisis spoken of.
        let evs = doc_events(&[
            "Chinese President Xi Jinping spoke with Russian President Vladimir Putin on the phone.",
            "Xi stressed that all parties should push for a settlement of the crisis.",
        ]);
        assert_eq!(in_sentence(&evs, 1), 0, "{evs:?}");
        let evs = doc_events(&[
            "A ceasefire between Israel and Hamas took effect on Sunday.",
            "UN Secretary-General Antonio Guterres urged all sides to respect the truce.",
        ]);
        assert!(has(&evs, 1, "IGOUNO", "ISRGOV", "02") && has(&evs, 1, "IGOUNO", "PSEREB", "02"), "{evs:?}");
        // The two ministers' sentence names a trilateral act inside; "They" after it are still the two.
        for first in [
            "Japanese Foreign Minister Yoshimasa Hayashi held a telephone talk with South Korean Foreign Minister Park Jin.",
            // (Nothing remembered: the meeting is told without names the patterns know.)
            "Japan's foreign minister held a telephone talk with his South Korean counterpart.",
        ] {
            let evs = doc_events(&[
                first,
                "The two ministers confirmed that Japan, the United States and South Korea will work closely together.",
                "They also agreed to cooperate closely at the United Nations.",
            ]);
            assert!(has(&evs, 2, "JPN", "KOR", "0") || has(&evs, 2, "JPNGOV", "KORGOV", "0"), "{evs:?}");
            assert!(!evs.iter().any(|e| e.0 == 2 && (e.1 == "USA" || e.2 == "USA")), "{evs:?}");
        }
    }

    #[test]
    fn the_two_or_both_alone_before_a_verb_are_the_parties() {
        let evs = doc_events(&[
            "Chinese President Xi Jinping held talks with Brazilian President Luiz Inacio Lula da Silva in Beijing.",
            "The two signed 15 cooperation agreements.",
            "Both also condemned North Korea's missile launches.",
        ]);
        assert!(has(&evs, 1, "CHNGOV", "BRAGOV", "05") && has(&evs, 1, "BRAGOV", "CHNGOV", "05"), "{evs:?}");
        assert!(has(&evs, 2, "CHNGOV", "PRK", "11") && has(&evs, 2, "BRAGOV", "PRK", "11"), "{evs:?}");
        // Not people a blast befell.
        let evs = doc_events(&[
            "Chinese President Xi Jinping held talks with Brazilian President Luiz Inacio Lula da Silva in Beijing.",
            "The two killed in the crash were Brazilian nationals.",
        ]);
        assert_eq!(in_sentence(&evs, 1), 0, "{evs:?}");
    }

    #[test]
    fn a_host_or_broker_of_the_remembered_meeting_acts_toward_each_party() {
        let evs = doc_events(&[
            "Armenian and Azerbaijani foreign ministers held talks in Almaty on Friday.",
            "The talks were hosted by Kazakhstan.",
            "The negotiations ended with an agreement to continue work on a peace treaty.",
        ]);
        assert!(has(&evs, 1, "KAZ", "ARMGOV", "043") && has(&evs, 1, "KAZ", "AZEGOV", "043"), "{evs:?}");
        assert!(has(&evs, 2, "ARM", "AZE", "057") && has(&evs, 2, "AZE", "ARM", "057"), "{evs:?}");
        let evs = doc_events(&[
            "A truce between Sudan's army and the Rapid Support Forces took effect on Saturday.",
            "Saudi Arabia and the United States, which brokered the deal, said monitors would be sent.",
        ]);
        for src in ["SAU", "USA"] {
            assert!(has(&evs, 1, src, "SDNMIL", "045") && has(&evs, 1, src, "SDNREB", "045"), "{src} {evs:?}");
        }
        let evs = doc_events(&[
            "A truce between Sudan's army and the Rapid Support Forces took effect on Saturday.",
            "The agreement, which was brokered by Saudi Arabia and the United States, runs for a week.",
        ]);
        for src in ["SAU", "USA"] {
            assert!(has(&evs, 1, src, "SDNMIL", "045") && has(&evs, 1, src, "SDNREB", "045"), "{src} {evs:?}");
        }
        let evs = doc_events(&[
            "Thailand and Cambodia agreed to a ceasefire on Monday.",
            "Malaysian Prime Minister Anwar Ibrahim hosted the talks in Putrajaya.",
        ]);
        assert!(has(&evs, 1, "MYSGOV", "THA", "043") && has(&evs, 1, "MYSGOV", "KHM", "043"), "{evs:?}");
    }

    #[test]
    fn no_host_or_broker_without_remembered_parties_or_a_definite_meeting() {
        // Nothing remembered.
        let evs = doc_events(&["Russian forces shelled Kharkiv overnight.", "Oman hosted the meeting."]);
        assert_eq!(in_sentence(&evs, 1), 0, "{evs:?}");
        // A third party welcoming the deal is no party to it, and no host.
        let evs = doc_events(&["Israel and Hamas agreed to a truce on Friday.", "Germany welcomed the agreement."]);
        assert!(!evs.iter().any(|e| e.0 == 1 && e.3.starts_with("04")), "{evs:?}");
        // Another meeting: "a summit on migration".
        let evs = doc_events(&[
            "Vietnamese and Chinese officials held talks in Hanoi on Monday.",
            "Hungary hosted a summit on migration.",
        ]);
        assert_eq!(in_sentence(&evs, 1), 0, "{evs:?}");
        // Thanks for hosting is not a hosting told; talks that produced no agreement are no agreement.
        let evs = doc_events(&[
            "President Joe Biden met Chinese President Xi Jinping in California.",
            "Biden thanked Oman for hosting the talks.",
            "The talks produced no agreement on Taiwan.",
        ]);
        assert!(!evs.iter().any(|e| e.0 >= 1 && matches!(e.3.as_str(), "043" | "057")), "{evs:?}");
        // A conditional brokering is no event.
        let evs = doc_events(&[
            "Qatar said talks between Israel and Hamas would resume.",
            "Egypt could mediate the deal if both sides agree.",
        ]);
        assert_eq!(in_sentence(&evs, 1), 0, "{evs:?}");
    }

    #[test]
    fn parties_named_by_a_compound_subject_or_a_broken_relation() {
        // The agreement's own event is missed ("agreed on Monday to an immediate … ceasefire" has no pattern with a
        // day inside), but its compound subject before "agreed" names the parties.
        let evs = doc_events(&[
            "Thailand and Cambodia agreed after long hours of argument in the capital to stop fighting.",
            "Malaysian Prime Minister Anwar Ibrahim, who hosted the talks, announced the truce.",
        ]);
        assert!(has(&evs, 1, "MYSGOV", "THA", "043") && has(&evs, 1, "MYSGOV", "KHM", "043"), "{evs:?}");
        // Not a compound after a preposition, nor one before another verb.
        let evs = doc_events(&[
            "Oil exports to Thailand and Cambodia rose after long hours of argument in the capital.",
            "Malaysian Prime Minister Anwar Ibrahim, who hosted the talks, announced the truce.",
        ]);
        assert!(!evs.iter().any(|e| e.0 == 1 && e.3 == "043"), "{evs:?}");
        let evs = doc_events(&[
            "President Gustavo Petro suspended peace talks with the ELN on Friday.",
            "Cuba, a guarantor of the process, urged both sides to return to the table.",
        ]);
        assert!(has(&evs, 1, "CUB", "COLGOV", "02") && has(&evs, 1, "CUB", "COLREB", "02"), "{evs:?}");
    }

    #[test]
    fn the_memory_forgets_after_a_topic_change_or_three_sentences() {
        let evs = doc_events(&[
            "Vietnamese and Chinese officials held talks in Hanoi on Monday.",
            "Russian forces shelled Kharkiv overnight.",
            "Oman hosted the meeting.",
        ]);
        assert_eq!(in_sentence(&evs, 2), 0, "{evs:?}");
        let evs = doc_events(&[
            "Vietnamese and Chinese officials held talks in Hanoi on Monday.",
            "The weather was hot.",
            "Rain fell in the north.",
            "Schools were closed.",
            "Crowds gathered at the stadium.",
            "Oman hosted the meeting.",
        ]);
        assert_eq!(in_sentence(&evs, 5), 0, "{evs:?}");
        let evs = doc_events(&[
            "Vietnamese and Chinese officials held talks in Hanoi on Monday.",
            "The weather was hot.",
            "Oman hosted the meeting.",
        ]);
        assert!(has(&evs, 2, "OMN", "VNMGOV", "043"), "{evs:?}");
    }

    #[test]
    fn a_joint_statement_issued_by_the_parties_is_an_agreement_both_ways() {
        let evs = doc_events(&[
            "Indonesian President Prabowo Subianto met Australian Prime Minister Anthony Albanese in Jakarta on Friday.",
            "The two sides issued a joint statement on maritime security, committing to regular patrols.",
            "The leaders adopted a joint declaration on fisheries.",
            "In a joint statement, they said the talks had been useful.",
        ]);
        for s in [1, 2] {
            assert!(has(&evs, s, "IDNGOV", "AUSGOV", "057") && has(&evs, s, "AUSGOV", "IDNGOV", "057"), "{s}: {evs:?}");
        }
        // The statement's content, with no issuing verb, is not an agreement; nothing is coded as 019 either.
        assert!(!evs.iter().any(|e| e.0 == 3 && e.3.starts_with("05")), "{evs:?}");
        assert!(!evs.iter().any(|e| e.3 == "019"), "{evs:?}");
        // Named pair, and negation.
        let evs = doc_events(&["Chile and Peru released a joint communique on border trade."]);
        assert!(has(&evs, 0, "CHL", "PER", "057") && has(&evs, 0, "PER", "CHL", "057"), "{evs:?}");
        let evs = doc_events(&["Chile and Peru did not issue a joint statement after the meeting."]);
        assert_eq!(in_sentence(&evs, 0), 0, "{evs:?}");
    }

    #[test]
    fn agreeing_to_meet_again_is_an_intent_to_meet_not_a_meeting() {
        let evs = doc_events(&[
            "Armenian and Azerbaijani foreign ministers held talks in Washington on Tuesday.",
            "Both sides agreed to meet again next month.",
            "The two ministers decided on a further round of talks in the autumn.",
        ]);
        for s in [1, 2] {
            assert!(has(&evs, s, "ARMGOV", "AZEGOV", "036") && has(&evs, s, "AZEGOV", "ARMGOV", "036"), "{s}: {evs:?}");
            assert!(!evs.iter().any(|e| e.0 == s && e.3.starts_with("04")), "{s}: {evs:?}");
        }
        let evs = doc_events(&["Serbian President Aleksandar Vucic agreed to meet Kosovo Prime Minister Albin Kurti."]);
        assert!(has(&evs, 0, "SRBGOV", "XKXGOV", "036") || has(&evs, 0, "SRBGOV", "KSVGOV", "036"), "{evs:?}");
        let evs =
            doc_events(&["Serbian President Aleksandar Vucic refused to meet Kosovo Prime Minister Albin Kurti."]);
        assert!(!evs.iter().any(|e| e.3.starts_with("03")), "{evs:?}");
    }

    #[test]
    fn agreeing_to_exchange_prisoners_is_one_agreement_each_way_not_also_a_release() {
        let evs = doc_events(&[
            "Sudanese army and Rapid Support Forces negotiators held talks in Jeddah on Sunday.",
            "The two sides agreed to exchange 200 prisoners each.",
        ]);
        assert!(has(&evs, 1, "SDNMIL", "SDNREB", "057") && has(&evs, 1, "SDNREB", "SDNMIL", "057"), "{evs:?}");
        assert_eq!(in_sentence(&evs, 1), 2, "{evs:?}");
        let evs = doc_events(&["Armenia and Azerbaijan agreed on Tuesday to a prisoner swap."]);
        assert!(has(&evs, 0, "ARM", "AZE", "057") && has(&evs, 0, "AZE", "ARM", "057"), "{evs:?}");
        // The exchange itself is a release both ways; a refused one is no agreement.
        let evs = doc_events(&["Armenia and Azerbaijan exchanged 30 prisoners on Tuesday."]);
        assert!(has(&evs, 0, "ARM", "AZE", "0841") && !evs.iter().any(|e| e.3 == "057"), "{evs:?}");
        let evs = doc_events(&["Armenia did not agree to exchange prisoners with Azerbaijan."]);
        assert!(!evs.iter().any(|e| e.3.starts_with("05") || e.3.starts_with("08")), "{evs:?}");
    }

    #[test]
    fn an_act_agreed_to_is_one_intent_each_way_not_also_a_generic_agreement() {
        let codes = |text: &str| -> Vec<String> {
            let mut v: Vec<String> =
                doc_events(&[text]).into_iter().map(|e| format!("{}>{} {}", e.1, e.2, e.3)).collect();
            v.sort();
            v
        };
        assert_eq!(
            codes("Japan and India agreed to hold joint naval drills next year."),
            ["IND>JPN 0312", "JPN>IND 0312"]
        );
        assert_eq!(codes("Ghana and Togo agreed to jointly patrol their border."), ["GHA>TGO 0312", "TGO>GHA 0312"]);
        assert_eq!(codes("Ghana and Togo agreed to share intelligence."), ["GHA>TGO 0314", "TGO>GHA 0314"]);
        // A truce agreed to stays a truce; an act told apart from the agreement keeps both.
        assert_eq!(codes("Israel and Hamas agreed to a ceasefire."), ["ISR>PSEREB 0871", "PSEREB>ISR 0871"]);
        let both = codes("Ghana and Togo agreed to talks, and later signed a trade deal.");
        assert!(both.iter().any(|c| c.ends_with(" 030")) && both.iter().any(|c| c.ends_with(" 057")), "{both:?}");
        // Done, not agreed: the act as itself.
        assert_eq!(codes("Ghana and Togo jointly patrolled their border."), ["GHA>TGO 062", "TGO>GHA 062"]);
    }

    #[test]
    fn a_day_between_agree_and_to_does_not_hide_what_was_agreed() {
        let roots = |text: &str| -> Vec<String> {
            let mut v: Vec<String> =
                doc_events(&[text]).into_iter().map(|e| format!("{}>{} {}", e.1, e.2, &e.3[..2])).collect();
            v.sort();
            v.dedup();
            v
        };
        assert_eq!(
            roots("Eritrea and Ethiopia agreed on Sunday to an immediate ceasefire."),
            ["ERI>ETH 08", "ETH>ERI 08"]
        );
        assert_eq!(
            roots("Eritrea and Ethiopia agreed late on Sunday to stop all fighting."),
            ["ERI>ETH 08", "ETH>ERI 08"]
        );
        assert_eq!(roots("Canada and Mexico agreed Friday to cut the tariffs on steel."), ["CAN>MEX 08", "MEX>CAN 08"]);
        assert_eq!(roots("Canada and Mexico agreed on Friday to work together."), ["CAN>MEX 03", "MEX>CAN 03"]);
        // Negated: nothing.
        assert!(roots("Eritrea and Ethiopia did not agree on Sunday to a ceasefire.").is_empty());
    }
}
