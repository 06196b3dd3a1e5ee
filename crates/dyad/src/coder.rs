//! Event coding: who did what to whom. The [`Coder`] finds actors with the [`ActorMatcher`], then matches event
//! patterns anchored on a word (usually the verb), finds the source (the clause's subject, or the `$` slot) and
//! the target (the `+` slot), decides the mode (asserted, intended, appeal, negated, hypothetical), and pushes each
//! [`Event`] with its provenance: sentence, byte spans, evidence and the pattern id that fired.
//!
//! ```
//! use dyad::coder::Coder;
//! use dyad::dict::Dictionaries;
//! use dyad::Document;
//! let coder = Coder::new(Dictionaries::builtin().unwrap()).unwrap();
//! let doc = Document::from_text("1", None, "President Xi Jinping had a phone conversation with Belarusian President Alexander Lukashenko.");
//! let coded = coder.code(&doc);
//! assert_eq!(coded.events[0].code, "041");
//! assert_eq!((coded.events[0].source.code.as_str(), coded.events[0].target.code.as_str()), ("CHNGOV", "BLRGOV"));
//! ```

use std::collections::HashMap;
use std::sync::Arc;

use crate::actors::{ActorMatcher, Mention, MentionKind, Via};
use crate::codebook::{CodeInfo, Codebook};
use crate::date::Date;
use crate::dict::{Dictionaries, Loc};
use crate::document::{Document, Span};
use crate::error::{Error, ErrorKind, Result};
use crate::text::{lemma, lemma_into, tokenize, BuildFnv, Token, TokenKind, MONTH_ABBR, WEEKDAYS};

mod participants;

/// The coder's version, recorded with every event.
pub const CODER_VERSION: &str = concat!("dyad-", env!("CARGO_PKG_VERSION"));

/// How an event is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    /// It happened, as reported.
    Asserted,
    /// The source says it will or is ready to ("will", "ready to", "plans to").
    Intended,
    /// Someone says it should happen ("should", "called on … to").
    Appeal,
    /// Reported as not done; only emitted as a rejection code.
    Negated,
    /// Conditional or possible ("if", "could", "may").
    Hypothetical,
}

impl Mode {
    /// Lower-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Asserted => "asserted",
            Mode::Intended => "intended",
            Mode::Appeal => "appeal",
            Mode::Negated => "negated",
            Mode::Hypothetical => "hypothetical",
        }
    }
}

/// One coded event.
#[derive(Clone, Debug)]
pub struct Event {
    /// `None` in the title, else the sentence index.
    pub sentence: Option<usize>,
    /// Who acts.
    pub source: Mention,
    /// Who is acted upon.
    pub target: Mention,
    /// The CAMEO code.
    pub code: String,
    /// Mode of the report.
    pub mode: Mode,
    /// The event's date: the document's, unless the sentence gives another.
    pub date: Option<Date>,
    /// The words that carry the event (document bytes).
    pub evidence: Span,
    /// The pattern id that fired (with `+intent`, `+appeal` or `+reject` when the mode changed the code, `+accuse`
    /// when reported speech turned an attack into an accusation).
    pub rule: String,
}

impl Event {
    /// Codebook facts for the event's code.
    pub fn info(&self) -> &'static CodeInfo {
        Codebook::get().info(&self.code).expect("coded events carry codebook codes")
    }
}

/// A coded document: its actor mentions and events.
#[derive(Clone, Debug, Default)]
pub struct Coded {
    /// Every actor mention.
    pub mentions: Vec<Mention>,
    /// Every event.
    pub events: Vec<Event>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Elem {
    /// A token whose lemma is one of these; `""` makes the element optional (as written, before interning).
    Words(Vec<String>),
    /// The same, compiled: lemma ids, and whether the element may be skipped.
    Ids {
        ids: Vec<u32>,
        optional: bool,
    },
    Target,
    Source,
    /// Up to N tokens of anything but an actor.
    Gap(usize),
    /// A number: digits ("168", "2,800") or a number word ("dozens", "hundreds", "three").
    Number,
    /// One to three words of quantity (zero to three when optional): determiners, quantifiers and numbers
    /// ("at least 20", "dozens", "the").
    Quantity {
        optional: bool,
    },
}

/// A compiled pattern.
#[derive(Clone, Debug)]
struct Pattern {
    id: String,
    code: String,
    mutual: bool,
    elems: Vec<Elem>,
    literals: usize,
    /// A variant without its target, for an act whose target goes unnamed ([`implied_variant`]).
    implied: bool,
    /// The words every match needs after the anchor (one of each list): a sentence lacking one is not tried.
    required: Vec<Vec<u32>>,
}

/// The lemma ids of a pattern's non-optional word elements after its anchor.
fn required_ids(elems: &[Elem]) -> Vec<Vec<u32>> {
    elems
        .iter()
        .skip(1)
        .filter_map(|e| match e {
            Elem::Ids { ids, optional: false } => Some(ids.clone()),
            _ => None,
        })
        .collect()
}

/// The lemmas a pattern word accepts: its lemma, and for a word ending in a silent "e" also the stem the
/// lemmatizer gives for its -ed and -ing forms when it does not know the verb ("interfering" → "interfer").
fn word_forms(w: &str) -> Vec<String> {
    let l = lemma(w);
    let mut out = vec![l.clone()];
    // Only for real stems: "one" must not match "on".
    // Nor a stem that is a word of its own: "rapped" is "rap", not "rape"; "hopped" is not "hope".
    const OWN_WORDS: &[&str] =
        &["rap", "hop", "cop", "mop", "dot", "pin", "tap", "win", "fin", "con", "cut", "bit", "sit"];
    if l.len() >= 4 && l.ends_with('e') && !l.ends_with("ee") && !OWN_WORDS.contains(&&l[..l.len() - 1]) {
        out.push(l[..l.len() - 1].to_string());
    }
    // "boycotted" lemmatizes to "boycot" (as "committed" to "commit").
    let b = l.as_bytes();
    if b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && !b"aeiou".contains(&b[b.len() - 1]) {
        out.push(l[..l.len() - 1].to_string());
    }
    out
}

fn compile_pattern(text: &str, loc: &Loc) -> Result<Vec<Elem>> {
    let err = |m: String| Error::new(ErrorKind::Dictionary, m).in_file(loc.file.to_string()).at_line(loc.line);
    let mut elems = Vec::new();
    for word in text.split_whitespace() {
        match word {
            "+" => elems.push(Elem::Target),
            "$" => elems.push(Elem::Source),
            "*" => elems.push(Elem::Gap(4)),
            "#" => elems.push(Elem::Number),
            "~" => elems.push(Elem::Quantity { optional: false }),
            "~?" => elems.push(Elem::Quantity { optional: true }),
            w if w.starts_with('(') => {
                let inner = w
                    .strip_prefix('(')
                    .and_then(|x| x.strip_suffix(')'))
                    .ok_or_else(|| err(format!("unclosed alternatives {w:?} (no spaces inside parentheses)")))?;
                let mut alts: Vec<String> = Vec::new();
                for a in inner.split('|') {
                    if a.is_empty() {
                        alts.push(String::new());
                    } else {
                        alts.extend(word_forms(a));
                    }
                }
                if alts.iter().any(|a| a.contains(' ')) {
                    return Err(err(format!("alternatives are single words: {w:?}")));
                }
                elems.push(Elem::Words(alts));
            }
            w => {
                if w.contains(['(', ')', '|']) {
                    return Err(err(format!("stray parenthesis or bar in {w:?}")));
                }
                // A word the tokenizer cuts ("win-win") becomes several elements.
                for t in tokenize(w) {
                    elems.push(Elem::Words(word_forms(&w[t.span.start..t.span.end])));
                }
            }
        }
    }
    match elems.first() {
        Some(Elem::Words(alts)) if !alts.iter().any(String::is_empty) => {}
        _ => return Err(err("a pattern starts with a word (its anchor), not a slot or an optional word".into())),
    }
    if elems.iter().filter(|e| **e == Elem::Target).count() > 1
        || elems.iter().filter(|e| **e == Elem::Source).count() > 1
    {
        return Err(err("a pattern has at most one + and one $".into()));
    }
    Ok(elems)
}

/// The id of a lemma no pattern uses.
const NO_ID: u32 = u32::MAX;

/// The event coder: actor dictionaries and event patterns compiled once, shared across threads.
pub struct Coder {
    actors: ActorMatcher,
    patterns: Vec<Pattern>,
    /// Every lemma a pattern mentions, interned: tokens are compared as numbers.
    vocab: HashMap<String, u32, BuildFnv>,
    /// Pattern indices by the lemma id of their first word.
    by_anchor: Vec<Vec<usize>>,
    /// Target-less variants of the patterns of attacks and bans, and their indices by anchor lemma id.
    implied_patterns: Vec<Pattern>,
    implied_by_anchor: Vec<Vec<usize>>,
    dict_version: String,
    hypothetical: bool,
}

const DETERMINERS: &[&str] =
    &["the", "a", "an", "its", "their", "his", "her", "our", "both", "fellow", "some", "several", "two", "three"];
const PREPOSITIONS: &[&str] = &[
    "of",
    "with",
    "to",
    "in",
    "on",
    "for",
    "from",
    "between",
    "among",
    "against",
    "at",
    "by",
    "into",
    "toward",
    "towards",
    "including",
    "like",
    "under",
    "over",
    "about",
    "than",
    "via",
    "through",
    "across",
    "throughout",
    "around",
    "within",
    "amid",
    "despite",
    "except",
    "per",
    "upon",
    "after",
    "before",
    "during",
    "behind",
    "beyond",
    "near",
    "regarding",
];
const SPEECH: &[&str] = &[
    "say",
    "stress",
    "point",
    "note",
    "add",
    "tell",
    "state",
    "emphasize",
    "emphasise",
    "claim",
    "allege",
    "report",
    "announce",
    "declare",
    "insist",
    "warn",
    "assert",
    "argue",
    "write",
    "affirm",
    "reiterate",
    "underline",
];

impl Coder {
    /// Compiles the dictionaries (actors and event patterns).
    pub fn new(dict: Dictionaries) -> Result<Coder> {
        let dict = Arc::new(dict);
        let mut patterns = Vec::new();
        let mut vocab: HashMap<String, u32, BuildFnv> = HashMap::default();
        let mut by_anchor: Vec<Vec<usize>> = Vec::new();
        for entry in &dict.verbs {
            for p in &entry.patterns {
                let written = compile_pattern(&p.text, &p.loc)?;
                let mut elems = Vec::with_capacity(written.len());
                for e in written {
                    elems.push(match e {
                        Elem::Words(alts) => {
                            let optional = alts.iter().any(String::is_empty);
                            let ids = alts
                                .into_iter()
                                .filter(|a| !a.is_empty())
                                .map(|a| {
                                    let next = vocab.len() as u32;
                                    *vocab.entry(a).or_insert(next)
                                })
                                .collect();
                            Elem::Ids { ids, optional }
                        }
                        other => other,
                    });
                }
                let literals = elems.iter().filter(|e| matches!(e, Elem::Ids { optional: false, .. })).count();
                if let Some(Elem::Ids { ids, .. }) = elems.first() {
                    for &id in ids {
                        if by_anchor.len() <= id as usize {
                            by_anchor.resize(id as usize + 1, Vec::new());
                        }
                        by_anchor[id as usize].push(patterns.len());
                    }
                }
                patterns.push(Pattern {
                    id: p.id.clone(),
                    code: entry.code.clone(),
                    mutual: entry.mutual,
                    required: required_ids(&elems),
                    elems,
                    literals,
                    implied: false,
                });
            }
        }
        by_anchor.resize(vocab.len(), Vec::new());
        // Variants without a target of the patterns of attacks, hostage-taking and bans ("launched 40 drones",
        // "took 251 hostages", "dissolved all political parties"), tried where no pattern made an event.
        let mut words_of = vec![String::new(); vocab.len()];
        for (w, &id) in &vocab {
            words_of[id as usize] = w.clone();
        }
        let mut implied_patterns = Vec::new();
        let mut implied_by_anchor: Vec<Vec<usize>> = vec![Vec::new(); vocab.len()];
        for p in &patterns {
            let Some(elems) = implied_variant(p, &words_of) else { continue };
            if let Some(Elem::Ids { ids, .. }) = elems.first() {
                for &id in ids {
                    implied_by_anchor[id as usize].push(implied_patterns.len());
                }
            }
            let literals = elems.iter().filter(|e| matches!(e, Elem::Ids { optional: false, .. })).count();
            implied_patterns.push(Pattern {
                required: required_ids(&elems),
                elems,
                literals,
                implied: true,
                ..p.clone()
            });
        }
        let dict_version = dict.version().to_string();
        Ok(Coder {
            actors: ActorMatcher::from_arc(dict),
            patterns,
            vocab,
            by_anchor,
            implied_patterns,
            implied_by_anchor,
            dict_version,
            hypothetical: false,
        })
    }

    /// Whether events reported as conditional or possible ("if", "could", "may") are coded, with mode
    /// `hypothetical`. Off by default: event data records what happened, was said or intended.
    pub fn with_hypothetical(mut self, yes: bool) -> Coder {
        self.hypothetical = yes;
        self
    }

    /// The actor matcher inside.
    pub fn actors(&self) -> &ActorMatcher {
        &self.actors
    }

    /// Version of the dictionaries.
    pub fn dict_version(&self) -> &str {
        &self.dict_version
    }

    /// Number of event patterns.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Codes one document.
    pub fn code(&self, doc: &Document) -> Coded {
        let mentions = self.actors.find(doc);
        let mut events = Vec::new();
        // Mentions come in reading order, segment by segment: walk them alongside the segments.
        let mut next = 0;
        let mut org_seen = false;
        // The parties of the latest meeting or agreement, for "the two sides", "They", hosts and brokers.
        let mut memory = participants::Memory::default();
        let mut resolved = Vec::new();
        let doc_states = doc_states(&mentions);
        for seg in doc.segments() {
            let mut ms: Vec<&Mention> = Vec::new();
            let first = next;
            while next < mentions.len() && mentions[next].sentence == seg.sentence {
                if in_span(mentions[next].span, seg.span) {
                    ms.push(&mentions[next]);
                }
                next += 1;
            }
            // "the alliance", "the group" stand for an organisation named before (once one has been).
            let anaphora =
                if org_seen { nominal_anaphora(seg.text, seg.span.start, &mentions[..first]) } else { Vec::new() };
            // "the three countries": the states just named as a list of that many.
            let anaphora = [anaphora, listed_states(doc.text(), &seg, &mentions[..first])].concat();
            org_seen = org_seen
                || mentions[first..next]
                    .iter()
                    .any(|m| m.kind == MentionKind::Organisation || matches!(m.agent.as_deref(), Some("REB" | "INS")));
            let refs = memory.references(seg.sentence, seg.text, seg.span.start, &ms);
            if ms.is_empty() && anaphora.is_empty() && refs.is_empty() && !memory.wants(seg.sentence, seg.text) {
                memory.observe(seg.sentence, seg.text, seg.span.start, &[], &[]);
                continue;
            }
            if !anaphora.is_empty() {
                ms.extend(anaphora.iter());
                ms.sort_by_key(|m| m.span.start);
            }
            if !refs.is_empty() {
                ms.retain(|m| !refs.iter().any(|r| r.span.start < m.span.end && m.span.start < r.span.end));
                ms.extend(refs.iter().flat_map(|r| r.members.iter()));
                ms.sort_by_key(|m| m.span.start);
            }
            let before = events.len();
            self.code_segment(doc, seg.sentence, seg.span, seg.text, &ms, &memory, &doc_states, &mut events);
            memory.observe(seg.sentence, seg.text, seg.span.start, &ms, &events[before..]);
            resolved.extend(refs);
        }
        let mut mentions = mentions;
        participants::apply(&mut mentions, resolved);
        Coded { mentions, events }
    }

    #[allow(clippy::too_many_arguments)]
    fn code_segment(
        &self,
        doc: &Document,
        sentence: Option<usize>,
        span: Span,
        text: &str,
        ms: &[&Mention],
        memory: &participants::Memory,
        doc_states: &[Mention],
        out: &mut Vec<Event>,
    ) {
        let tokens = tokenize(text);
        if tokens.is_empty() {
            return;
        }
        // Every lemma of the sentence in one string: no allocation per token.
        let mut arena = String::with_capacity(text.len() + tokens.len());
        let mut bounds = Vec::with_capacity(tokens.len());
        for t in &tokens {
            let start = arena.len();
            lemma_into(&text[t.span.start..t.span.end], &mut arena);
            bounds.push((start, arena.len()));
        }
        let lemmas: Vec<&str> = bounds.iter().map(|&(a, b)| &arena[a..b]).collect();
        let ids: Vec<u32> = lemmas.iter().map(|l| self.vocab.get(*l).copied().unwrap_or(NO_ID)).collect();
        let counted = counted_people(text, span.start, &tokens, &lemmas, ms);
        let with_people: Vec<&Mention>;
        let ms = if counted.is_empty() {
            ms
        } else {
            with_people = ms.iter().map(|m| counted.iter().find(|c| c.span == m.span).unwrap_or(m)).collect();
            &with_people[..]
        };
        let mut pronouns = self.object_pronouns(text, span.start, &tokens, &lemmas, &ids, ms);
        if text.contains(" them ") {
            let listed = listed_them(text, span.start, &tokens, &lemmas, ms);
            pronouns.retain(|p| !listed.iter().any(|l| l.span == p.span));
            pronouns.extend(listed);
        }
        let with_pronouns: Vec<&Mention>;
        let ms = if pronouns.is_empty() {
            ms
        } else {
            let mut all: Vec<&Mention> = ms.iter().copied().chain(pronouns.iter()).collect();
            all.sort_by_key(|m| m.span.start);
            with_pronouns = all;
            &with_pronouns[..]
        };
        let mut sent = Sentence::new(text, span.start, &tokens, &lemmas, &ids, ms, &self.by_anchor)
            .with_patterns(&self.patterns, &self.implied_patterns, &self.implied_by_anchor)
            .with_partners(memory.partners(sentence));
        sent.doc_states = doc_states;
        sent.open_end_id = open_end_id(&lemmas, &self.vocab);
        if let Some(w) = sent.present.get_mut(sent.open_end_id as usize / 64) {
            *w |= 1 << (sent.open_end_id % 64);
        }
        let date = resolve_date(&lemmas, &tokens, text, doc.date);
        let start_len = out.len();
        let mut taken_until = 0usize;
        for (i, &id) in ids.iter().enumerate() {
            if i < taken_until || sent.group_at[i].is_some() || id == NO_ID {
                continue;
            }
            let cands = &self.by_anchor[id as usize];
            // The most specific pattern at this anchor wins (most literal words, then the longest match, then the
            // first written); when it cannot make an event (no subject for it), the next one is tried.
            let mut found: Vec<(usize, Match)> =
                cands.iter().filter_map(|&pi| sent.match_pattern(&self.patterns[pi], i).map(|m| (pi, m))).collect();
            found.sort_by(|(a, ma), (b, mb)| {
                (self.patterns[*b].literals, mb.end).cmp(&(self.patterns[*a].literals, ma.end)).then(a.cmp(b))
            });
            for (pi, m) in found {
                if self.emit(doc, sentence, &sent, &self.patterns[pi], i, &m, date, out) {
                    taken_until = m.evidence_end;
                    break;
                }
            }
        }
        self.unnamed_targets(doc, sentence, &sent, &ids, date, start_len, out);
        // (Every killing of the sentence is made now: who killed whom, and how many, recodes it once.)
        killings_of_civilians(text, span.start, start_len, out);
        if out[start_len..].iter().any(|e| e.code.starts_with("1053") || e.code.starts_with("0253")) {
            release_holders(&sent, sentence, start_len, out);
        }
        self.implied_reactions(doc.text(), sentence, &sent, date, start_len, out);
        self.implied_visits(&sent, start_len, out);
        accepted_invitations(&sent, start_len, out);
        if out[start_len..].iter().any(|e| e.code == "045") {
            hosted_talks_parties(text, span.start, start_len, out);
        }
        if out[start_len..].iter().any(|e| e.rule.starts_with("0871.accept-truce-proposed-by")) {
            truce_accepted_by_both_sides(start_len, out);
        }
        if text.contains("threat") && (text.contains("unless") || text.contains(" if ")) {
            ultimatums(&sent, sentence, date, start_len, out);
        }
        participants::remembered_events(&sent, sentence, date, memory, self.hypothetical, start_len, out);
        expelled_troops(start_len, out);
        if out[start_len..].iter().any(|e| e.code.starts_with("06")) {
            reported_alliance(span.start, &tokens, &lemmas, ms, start_len, out);
        }
        if out.len() > start_len {
            not_events_here(text, span.start, &tokens, &lemmas, doc.date.map(|d| d.year()), start_len, out);
        }
        if text.contains(" pay") {
            mistake_and_pay(text, span.start, start_len, out);
        }
        // "marched in Caracas to demand that Maduro step down", "rallied, demanding his resignation": the demand is
        // the protest's purpose, coded with the protest, not as a demand of its own.
        let protests: Vec<(String, usize)> = out[start_len..]
            .iter()
            .filter(|e| e.code.starts_with("14"))
            .map(|e| (e.source.code.clone(), e.evidence.end))
            .collect();
        if !protests.is_empty() {
            let before = |e: &Event| {
                let at = e.evidence.start - span.start;
                let head = text[..at].trim_end();
                let word = text[at..e.evidence.end - span.start].split_whitespace().next().unwrap_or("");
                head.ends_with(" to") || word.ends_with("ing")
            };
            let mut k = start_len;
            while k < out.len() {
                let e = &out[k];
                let purpose = e.code.starts_with("10")
                    && before(e)
                    && protests.iter().any(|(src, end)| *src == e.source.code && *end <= e.evidence.start);
                if purpose {
                    out.remove(k);
                } else {
                    k += 1;
                }
            }
        }
        // "It was the minister's first visit to Hanoi in a decade": a remark ranking an act already told.
        if out.len() > start_len && is_ranking_remark(&lemmas) {
            out.truncate(start_len);
        }
        // Acts a deal would enable, or that rank what the sentence told: not done (`enabled_or_ranked`).
        if out.len() > start_len && lemmas.iter().any(|l| matches!(*l, "allow" | "enable" | "permit" | "time")) {
            let mut k = start_len;
            while k < out.len() {
                let at = out[k].evidence.start.wrapping_sub(span.start);
                let anchor = tokens.iter().position(|t| t.span.start == at);
                if anchor.is_some_and(|a| enabled_or_ranked(&lemmas, a)) {
                    out.remove(k);
                } else {
                    k += 1;
                }
            }
        }
        // "opened fire on mourners, killing 15": a killing recoded by `killings_of_civilians` is the act the sentence
        // already told; the attack's own code stays, one act under one root.
        let mut k = start_len;
        while k < out.len() {
            let e = &out[k];
            let told = e.rule.ends_with("+harm")
                && out[start_len..].iter().any(|f| {
                    !f.rule.ends_with("+harm")
                        && f.source.code == e.source.code
                        && f.target.code == e.target.code
                        && matches!(&f.code[..2], "17" | "18" | "19" | "20")
                });
            if told {
                out.remove(k);
            } else {
                k += 1;
            }
        }
        // One event per sentence, source, target and code.
        let mut k = start_len + 1;
        while k < out.len() {
            let e = &out[k];
            let dup = out[start_len..k]
                .iter()
                .any(|f| f.source.code == e.source.code && f.target.code == e.target.code && f.code == e.code);
            if dup {
                out.remove(k);
            } else {
                k += 1;
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        _doc: &Document,
        sentence: Option<usize>,
        sent: &Sentence,
        p: &Pattern,
        anchor: usize,
        m: &Match,
        date: Option<Date>,
        out: &mut Vec<Event>,
    ) -> bool {
        // An event whose target the text leaves unnamed, for this pattern (or a recoding of it) at this anchor.
        let implied = |p: &Pattern, subj: usize, target: Implied, out: &mut Vec<Event>| {
            self.emit_implied(sentence, sent, p, anchor, subj, m, date, target, out)
        };
        // A noun after a preposition is background, not an event: "arrested dozens after protest outside …",
        // "amid talks with …".
        // A gerund with its object is the subject's own act, though: "stormed a monastery after killing a police
        // officer", "before meeting Putin".
        let gerund = anchor > 0
            && matches!(sent.lemmas[anchor - 1], "after" | "before")
            && sent.word(anchor).ends_with("ing")
            && m.target.is_some();
        if anchor > 0
            && !gerund
            && matches!(sent.lemmas[anchor - 1], "after" | "before" | "amid" | "since" | "following" | "despite")
        {
            return false;
        }
        if hosts_a_facility(sent, p, m)
            || modifies_a_common_noun(sent, p, anchor)
            || is_transfer_to_face_trial(sent, p, anchor)
        {
            return false;
        }
        // "accused Russia of shelling Kharkiv", "capable of attacking": the act is not reported as done.
        if anchor > 0 && sent.lemmas[anchor - 1] == "of" && sent.word(anchor).ends_with("ing") {
            return false;
        }
        // … and the acts joined to it: "accused Indian troops of crossing the line and attacking Chinese personnel".
        if anchor > 1
            && matches!(sent.lemmas[anchor - 1], "and" | "or")
            && sent.word(anchor).ends_with("ing")
            && (0..anchor - 1)
                .rev()
                .take(14)
                .any(|k| sent.lemmas[k] == "of" && k + 1 < anchor && sent.word(k + 1).ends_with("ing"))
        {
            return false;
        }
        // "offered troops to help Nigeria fight the group": an act someone is to be helped or let to do is no act
        // yet.
        {
            let mut k = anchor;
            if k > 0 && sent.lemmas[k - 1] == "to" {
                k -= 1;
            }
            if let Some(g) = k.checked_sub(1).and_then(|t| sent.group_at[t]) {
                let mut b = sent.groups[g].tok_start;
                while b > 0 && DETERMINERS.contains(&sent.lemmas[b - 1]) {
                    b -= 1;
                }
                if b >= 2
                    && matches!(sent.lemmas[b - 1], "help" | "let" | "enable" | "allow" | "assist")
                    && sent.lemmas[b - 2] == "to"
                {
                    return false;
                }
            }
        }
        // A claimed act is not a reported one: "denied accusations that its soldiers had killed civilians",
        // "reports that Russia had agreed": the claim is coded by its own pattern, the act is not.
        let claimed = (0..anchor).rev().take(12).any(|k| {
            sent.lemmas[k] == "that"
                && (k.saturating_sub(5)..k).any(|j| {
                    matches!(
                        sent.lemmas[j],
                        "accusation" | "allegation" | "claim" | "charge" | "rumour" | "rumor" | "report" | "suggestion"
                    ) && !is_past_verb_of_claiming(sent.word(j))
                })
        });
        if claimed {
            return false;
        }
        // Background: "since Russia's invasion of Ukraine", "following the attack on …".
        if sent.is_nominal(anchor) {
            let mut k = anchor;
            while k > 0
                && (sent.group_at[k - 1].is_some() || !PREPOSITIONS.contains(&sent.lemmas[k - 1]))
                && anchor - k < 6
                && !matches!(sent.word(k - 1), "," | ";" | ":")
            {
                k -= 1;
            }
            if k > 0 && matches!(sent.lemmas[k - 1], "since" | "following" | "after" | "before" | "amid" | "despite") {
                return false;
            }
        }
        // "following a week of deadly border clashes between the neighbours", "after days of fighting": background.
        if matches!(&p.code[..2], "14" | "15" | "17" | "18" | "19" | "20") && sent.background_period_of(anchor) {
            return false;
        }
        // "collecting evidence of attacks on civilians by the army", "allegations of torture by police": the act is
        // what a charge or an inquiry is about, not one the sentence reports.
        if matches!(&p.code[..2], "17" | "18" | "19" | "20") && sent.subject_of_charge(anchor) {
            return false;
        }
        // "to help the Caribbean nation fight gangs": the aim of a help is not done by anyone yet.
        if matches!(&p.code[..2], "15" | "17" | "18" | "19" | "20") && sent.aim_of_help(anchor) {
            return false;
        }
        // Who acts and who is acted upon. A participle clause (", killing 13 soldiers") belongs to the clause's
        // subject, not to the nearest actor (often a place: "outside Kabul airport, killing …").
        let participle = anchor > 0 && (sent.word(anchor - 1) == "," || gerund) && sent.word(anchor).ends_with("ing");
        let compound = sent.hyphen_compound(anchor);
        if compound == Some(None) {
            return false;
        }
        // (Unless a subordinate clause with its own actor and verb stands between: its act is the one tolled, and
        // when that act is already coded as force, the toll adds no event: "after Iran's Guards fired missiles at
        // Erbil, killing four civilians".)
        let subordinate = if participle { sent.subordinate_subject(anchor) } else { None };
        if let Some(g) = subordinate {
            let codes: Vec<&str> = sent.groups[g].members.iter().map(|&k| sent.mentions[k].code.as_str()).collect();
            let tolled = out
                .iter()
                .rev()
                .take_while(|e| e.sentence == sentence)
                .any(|e| codes.contains(&e.source.code.as_str()) && matches!(&e.code[..2], "18" | "19" | "20"));
            if tolled && matches!(&p.code[..2], "18" | "19" | "20") {
                return false;
            }
        }
        // "…, with Thai jets bombing Cambodian positions": the actor after "with" is the subject of the "-ing" verb.
        let subject = if let Some(g) = sent.with_absolute_subject(anchor) {
            Some(g)
        } else if participle {
            subordinate.or_else(|| sent.first_subject(anchor)).or_else(|| sent.subject_before(anchor, false))
        } else {
            sent.subject_before(anchor, sent.is_nominal(anchor))
        };
        let subject = compound.flatten().or(subject);
        // "In a phone call with Erdogan, Putin …", "During talks with Xi in Beijing, Lula …": an event named in the
        // opening phrase is the main clause's subject's.
        let subject = subject.or_else(|| m.target.and_then(|_| sent.opening_phrase_subject(anchor)));
        // "…, and France announced it would expel 35": the object of the same act earlier in the sentence.
        if m.elided && m.target.is_none() {
            let Some(subj) = m.source.or(subject) else { return false };
            let earlier =
                out.iter().rev().take_while(|e| e.sentence == sentence).find(|e| {
                    e.code[..2] == p.code[..2] && e.evidence.end <= sent.tokens[anchor].span.start + sent.offset
                });
            let Some(e) = earlier else { return false };
            let mut object = e.target.clone();
            object.via = Via::Name;
            return implied(p, subj, Implied::Elided(object), out);
        }
        // "The group claimed the attack", "took full responsibility for it": a claim that names no victim is aimed at
        // the side the claimant's own attack fell on, earlier in the document.
        if p.code == "015" && m.target.is_none() && !p.elems.contains(&Elem::Target) {
            let Some(subj) = m.source.or(subject) else { return false };
            let claimants: Vec<&Mention> = sent.groups[subj].members.iter().map(|&k| sent.mentions[k]).collect();
            let Some(victim) = claimed_victim(&claimants, out) else { return false };
            return implied(p, subj, Implied::Actor(victim), out);
        }
        // "welcomed the decision", "rejected the report": the target is the author of the act referred to.
        if let (None, Some((noun, victim))) = (m.target, m.implied_act) {
            // Comments on an act ("has not commented on the attack") are not aimed at its author.
            if p.code.starts_with("01") {
                return false;
            }
            // "the demand" is answered by a rejection or a rebuke only ("rejected the demand as unacceptable"), not
            // by support sought "for the demand", which is a third side's cause.
            if sent.lemmas[noun].starts_with("demand") && !matches!(&p.code[..2], "11" | "12") {
                return false;
            }
            let Some(subj) = m.source.or(subject) else { return false };
            let Some((authors, root)) = sent.act_authors(noun, victim, subj, sentence, out).or_else(|| {
                (p.code.starts_with("11") && victim.is_none())
                    .then(|| sent.protested_remarks_author(noun, subj, sentence, out))
                    .flatten()
                    .map(|a| (vec![a], 11))
            }) else {
                return false;
            };
            // A joint act answered is answered to each of its authors ("called the drills aggressive").
            let mut emitted = false;
            for author in authors {
                // Rejecting a charge made against one's own state is denying it: 016, not 12.
                let own_charged = out.iter().rev().any(|e| {
                    e.source.code == author.code
                        && matches!(&e.code[..2], "09" | "11" | "13" | "17")
                        && sent.groups[subj].members.iter().any(|&g| {
                            sent.mentions[g].country.is_some() && e.target.country == sent.mentions[g].country
                        })
                });
                // So is dismissing or rejecting it as anything ("dismissed the accusations as fake news").
                let rebuttal = p.code.starts_with("12")
                    || (p.code.starts_with("11") && act_family(sent.lemmas[noun]) == Some(ActFamily::Charge));
                // (A demand rejected stays a rejection: "rejected the demand" is no denial, whatever else its author
                // said against the rejecting side.)
                // A decision rejected ("rejected the decision", "the ruling", "the warrants") stays a rejection too:
                // only a charge ("the allegations", "the report") is denied.
                // (A protest lodged is no charge to deny: "rejected the protest" stays a rejection.)
                let charge = act_family(sent.lemmas[noun]) == Some(ActFamily::Charge)
                    && !sent.lemmas[noun].starts_with("protest");
                emitted |= if rebuttal && charge && matches!(root, 9 | 11..=13 | 17) && own_charged {
                    let denial = Pattern { code: "016".to_string(), ..p.clone() };
                    implied(&denial, subj, Implied::Actor(author), out)
                } else {
                    implied(p, subj, Implied::Actor(author), out)
                };
            }
            return emitted;
        }
        let (sources, targets): (Vec<usize>, Vec<usize>) = match (m.source, m.target) {
            (Some(s), Some(t)) => (vec![s], vec![t]),
            // "…, a charge Tehran rejects", "the allegations, which Kigali has denied": the denier named after the
            // charge it denies answers the side that made the charge (the accuser of its state in this sentence or
            // before), not the actor nearest before the noun (often the charge's own object).
            (Some(s), None) if p.code == "016" && sent.groups[s].tok_start > anchor => {
                let mut emitted = false;
                for accuser in sent.joint_accusers(s, out) {
                    emitted |= implied(p, s, Implied::Actor(accuser), out);
                }
                return emitted;
            }
            (Some(s), None) => match subject.or_else(|| sent.passive_head_of(anchor)) {
                Some(subj) if subj != s => (vec![s], vec![subj]),
                // "The launch drew condemnation from Japan", "The strikes were condemned by Saudi Arabia": the
                // subject is an act whose authors the document named before.
                None if matches!(&p.code[..2], "01" | "02" | "05" | "10" | "11" | "12" | "13") || p.code == "043" => {
                    let Some((noun, victim)) = sent.act_subject_of(anchor) else { return false };
                    if sent.mode(sent.clause_start(anchor), anchor).0 != Mode::Asserted {
                        return false;
                    }
                    let Some((authors, _)) = sent.act_authors(noun, victim, s, sentence, out) else { return false };
                    // "The declaration was welcomed by the UN": an act welcomed is praised (051), not a guest hosted.
                    let praise;
                    let p = if p.code == "043" {
                        praise = Pattern { code: "051".to_string(), ..p.clone() };
                        &praise
                    } else {
                        p
                    };
                    let mut emitted = false;
                    for author in authors {
                        emitted |= implied(p, s, Implied::Actor(author), out);
                    }
                    return emitted;
                }
                _ => return false,
            },
            (None, Some(t)) => match subject {
                Some(subj) => (vec![subj], vec![t]),
                // "talks between Russia and Ukraine": the pair is both sides.
                None if p.mutual && sent.groups[t].members.len() >= 2 => (vec![t], vec![t]),
                None => return false,
            },
            (None, None) => match subject {
                // "The US said Iraq had attacked itself": one actor, its own target (see `Match::reflexive`).
                Some(subj) if m.reflexive && sent.groups[subj].members.len() == 1 => (vec![subj], vec![subj]),
                // "Each side accused the other": the pair, one event each way (see `the_other_side`).
                Some(subj) if m.reciprocal && sent.groups[subj].members.len() == 2 => (vec![subj], vec![subj]),
                // A target-less variant of an attack or a ban ("launched 40 drones overnight", "took 251 hostages",
                // "dissolved all political parties"): the side attacked, or the state's own opposition or people.
                Some(subj) if p.implied => match sent.unnamed_target(p, anchor, subj, out) {
                    Some(Aim::Group(t)) => (vec![subj], vec![t]),
                    Some(Aim::Actor(victim)) => return implied(p, subj, Implied::Victim(*victim), out),
                    None if p.code.starts_with("172") && sent.is_state_organ(subj) => {
                        let agent = if p.code == "1722" { "OPP" } else { "CVL" };
                        return implied(p, subj, Implied::Own(Some(agent)), out);
                    }
                    None => return false,
                },
                Some(subj) if p.mutual && sent.groups[subj].members.len() >= 2 => (vec![subj], vec![subj]),
                // "China, India and Russia sent rescue teams and relief supplies": aid with no recipient named goes
                // to another state the sentence places it in, else to the state the document names most.
                // (Condolences too: "Turkey and Qatar expressed their condolences" after a bombing in Somalia.)
                Some(subj) if (is_aid_code(&p.code) || p.code == "018") && !p.elems.contains(&Elem::Target) => {
                    // "Kyiv's allies have provided …": the givers are the state's partners, not the state.
                    let end = sent.groups[subj].tok_end;
                    if matches!(sent.lemmas.get(end).copied(), Some("'s" | "’s" | "'" | "’"))
                        && sent.lemmas.get(end + 1).is_some_and(|w| {
                            matches!(
                                w.strip_suffix('s').unwrap_or(w),
                                "ally"
                                    | "allie"
                                    | "partner"
                                    | "backer"
                                    | "donor"
                                    | "supporter"
                                    | "friend"
                                    | "neighbour"
                            )
                        })
                    {
                        return false;
                    }
                    let own: Vec<&str> =
                        sent.groups[subj].members.iter().filter_map(|&k| sent.mentions[k].country.as_deref()).collect();
                    let foreign = |m: &Mention| m.country.as_deref().is_some_and(|c| !own.contains(&c));
                    let place = (0..sent.groups.len()).find(|&g| {
                        let grp = &sent.groups[g];
                        let mut k = grp.tok_start;
                        while k > 0 && grp.tok_start - k < 3 && DETERMINERS.contains(&sent.lemmas[k - 1]) {
                            k -= 1;
                        }
                        g != subj
                            && k > 0
                            && k > anchor
                            && matches!(sent.lemmas[k - 1], "in" | "to" | "into")
                            && grp.members.iter().all(|&m| foreign(sent.mentions[m]))
                    });
                    match place {
                        Some(g) => (vec![subj], vec![g]),
                        None => match sent.doc_states.iter().find(|m| foreign(m)) {
                            Some(state) if !own.is_empty() => {
                                return implied(p, subj, Implied::Actor(state.clone()), out)
                            }
                            _ => return false,
                        },
                    }
                }
                // "Zarif and Mogherini announced that negotiators had reached an agreement": a mutual act whose
                // reported subject is no actor is the joint speakers'.
                // ("negotiators", "officials" stand for a state only from context.)
                Some(subj)
                    if p.mutual
                        && sent.groups[subj].members.iter().all(|&k| sent.mentions[k].via == Via::Context)
                        && sent.joint_speakers(anchor).is_some() =>
                {
                    let g = sent.joint_speakers(anchor).unwrap_or(subj);
                    (vec![g], vec![g])
                }
                None if p.mutual => match sent.joint_speakers(anchor) {
                    Some(g) => (vec![g], vec![g]),
                    None => return false,
                },
                // "Thousands marched in Caracas to demand that Maduro step down", "students blocked roads": a
                // protest by a state's own people is against whom its purpose names, else that state's government.
                // With no purpose ("Protesters marched through several cities") there is no target and no event;
                // a protest noun is coded through its verb ("staged a protest"), not as "the riots" in a clause.
                Some(subj) if p.code.starts_with("14") && sent.is_civil(subj) && !sent.after_preposition(anchor) => {
                    // The purpose may also stand in a participle phrase on the subject ("protesters chanting for an
                    // end to Gaddafi's rule had gathered …").
                    let purpose = sent.purpose_target(anchor).or_else(|| {
                        let end = sent.groups[subj].tok_end;
                        let participle = end < anchor && sent.word(end).ends_with("ing");
                        if participle {
                            sent.purpose_target(end - 1)
                        } else {
                            None
                        }
                    });
                    match purpose {
                        Some(Some(t)) if t != subj => (vec![subj], vec![t]),
                        Some(_) => return implied(p, subj, Implied::Own(Some("GOV")), out),
                        // Rioters who burn or wreck a place with no purpose named ("set fire to the stock exchange")
                        // act against their state itself.
                        None if p.code == "145" && m.end > anchor + 1 => {
                            return implied(p, subj, Implied::Own(None), out)
                        }
                        // A boycott of the state's own election, vote or parliamentary session ("the opposition
                        // will boycott the polls") is aimed at its government, purpose named or not.
                        None if p.id.starts_with("143.boycott-vote") => {
                            return implied(p, subj, Implied::Own(Some("GOV")), out)
                        }
                        None => return false,
                    }
                }
                // "police arrested 40 suspects", "security forces detained hundreds of people": an arrest of people
                // the text does not name is the state's own coercion of its people.
                Some(subj)
                    if p.code.starts_with("17")
                        && sent.is_state_organ(subj)
                        && sent.groups[subj].members.iter().all(|&k| sent.mentions[k].agent.is_some())
                        && sent.unnamed_people_after(anchor) =>
                {
                    return implied(p, subj, Implied::Own(None), out)
                }
                // "declared martial law", "imposed a nationwide curfew": on the state's own territory.
                // (And lifting them, 0813/0814; and easing limits on political freedoms, 0811.)
                Some(subj)
                    if matches!(p.code.as_str(), "1723" | "1724" | "0811" | "0813" | "0814")
                        && sent.is_state_organ(subj) =>
                {
                    return implied(p, subj, Implied::Own(None), out)
                }
                // "cut internet access", "blocked WhatsApp": a restriction on the state's own people.
                Some(subj) if p.code == "1721" && sent.is_state_organ(subj) => {
                    return implied(p, subj, Implied::Own(Some("CVL")), out)
                }
                // "Taiwan put its forces on alert", "the Pentagon moved two destroyers closer to the peninsula": a
                // military posture is aimed at the other state the sentence names, else at whoever last acted against
                // the source's state in the document.
                // "Both countries have moved troops to the frontier": each side's build-up is aimed at the other.
                Some(subj)
                    if p.code.starts_with("15")
                        && sent.groups[subj].members.len() == 2
                        && sent.is_state_organ(subj)
                        && sent.mentions[sent.groups[subj].members[0]].country
                            != sent.mentions[sent.groups[subj].members[1]].country =>
                {
                    (vec![subj], vec![subj])
                }
                // (An alliance's too: "NATO put forces on standby as Russia massed troops".)
                Some(subj)
                    if p.code.starts_with("15")
                        && (sent.is_state_organ(subj)
                            || sent.groups[subj].members.iter().all(|&k| sent.mentions[k].code.starts_with("IGO"))) =>
                {
                    let posture = sent
                        .other_state_after(anchor, subj)
                        .or_else(|| sent.adversary(subj, out))
                        .or_else(|| sent.rival(subj, out))
                        .or_else(|| sent.foreign_forces_before(anchor, subj));
                    match posture {
                        Some(Aim::Group(t)) => (vec![subj], vec![t]),
                        Some(Aim::Actor(adversary)) => return implied(p, subj, Implied::Actor(*adversary), out),
                        None => return false,
                    }
                }
                // "The army said its forces had withdrawn from the city": a retreat from a place is a yielding to
                // whoever fought the source there, its adversary or sole rival in the document so far.
                Some(subj) if p.code == "0874" && !p.elems.contains(&Elem::Target) && sent.is_state_organ(subj) => {
                    match sent.adversary(subj, out).or_else(|| sent.rival(subj, out)) {
                        Some(Aim::Group(t)) => (vec![subj], vec![t]),
                        Some(Aim::Actor(adversary)) => return implied(p, subj, Implied::Actor(*adversary), out),
                        None => return false,
                    }
                }
                // "The junta declared a temporary ceasefire": a state's truce that names no side is toward the
                // other state the sentence names, else its adversary in the document, else its own armed rebels.
                Some(subj)
                    if p.code == "0871"
                        && !p.elems.contains(&Elem::Target)
                        && p.id.starts_with("0871.declare-ceasefire-bare")
                        && sent.is_state_organ(subj) =>
                {
                    let other = sent
                        .other_state_after(anchor, subj)
                        .or_else(|| sent.adversary(subj, out))
                        .or_else(|| sent.rival(subj, out));
                    match other {
                        Some(Aim::Group(t)) => (vec![subj], vec![t]),
                        Some(Aim::Actor(adversary)) => return implied(p, subj, Implied::Actor(*adversary), out),
                        None => return implied(p, subj, Implied::Own(Some("REB")), out),
                    }
                }
                // "The interior ministry said more than 3,000 people had been detained": an arrest without its
                // agent, reported by the state's own police, ministry or prosecutor, is that organ's act.
                Some(subj)
                    if p.code.starts_with("17")
                        && sent.is_civil(subj)
                        && anchor > 0
                        && sent.lemmas[anchor - 1] == "be" =>
                {
                    match sent.speaker_of(Some(subj), anchor) {
                        Some(spk)
                            if sent.is_state_organ(spk)
                                && sent.mentions[sent.groups[spk].members[0]].country
                                    == sent.mentions[sent.groups[subj].members[0]].country =>
                        {
                            (vec![spk], vec![subj])
                        }
                        _ => return false,
                    }
                }
                // "The Kremlin rejected the accusations": the denial answers the latest charge against the denier
                // earlier in the document (an accusation, a probe, a threat, an indictment) and targets its author.
                // "Russia denied any involvement and accused London of a smear campaign": the denial answers the
                // side the same sentence then accuses.
                Some(subj) if p.code == "016" && sent.accused_after(anchor).is_some_and(|g| g != subj) => {
                    (vec![subj], vec![sent.accused_after(anchor).unwrap_or(subj)])
                }
                Some(subj) if p.code == "016" => {
                    let mut emitted = false;
                    for accuser in sent.joint_accusers(subj, out) {
                        emitted |= implied(p, subj, Implied::Actor(accuser), out);
                    }
                    return emitted;
                }
                // "Erdogan said Ankara was ready to raise bilateral trade", "Uzbekistan wants to expand cooperation":
                // cooperation with no partner named, by one party of the meeting the document reports, is with the
                // other party.
                Some(subj) if is_partnership_code(&p.code) && sent.partner_of(subj).is_some() => {
                    let partner = sent.partner_of(subj).cloned();
                    return partner.is_some_and(|t| implied(p, subj, Implied::Partner(t), out));
                }
                _ => return false,
            },
        };
        // "urged Belarus to visit Ukraine": the appeal is coded by its own pattern; the visit did not happen.
        if let Some(subj) = subject {
            let mut k = sent.groups[subj].tok_start;
            while k > 0 && matches!(sent.lemmas[k - 1], "on" | "upon" | "the") {
                k -= 1;
            }
            if k > 0
                && matches!(
                    sent.lemmas[k - 1],
                    "urge"
                        | "ask"
                        | "call"
                        | "press"
                        | "request"
                        | "invite"
                        | "encourage"
                        | "demand"
                        | "tell"
                        | "warn"
                        | "advise"
                        | "push"
                        | "appeal"
                        | "implore"
                        | "exhort"
                        | "pressure"
                        | "pressurise"
                        | "pressurize"
                )
            {
                return false;
            }
        }
        // "Obama wants Putin to attack Switzerland": a verb of wanting or asking with its own object before "to"
        // means the act is someone else's and not done.
        if let Some(subj) = subject {
            let from = sent.groups[subj].tok_end;
            let wanted = (from..anchor.saturating_sub(2)).any(|k| {
                matches!(sent.lemmas[k], "want" | "wish" | "expect" | "need" | "like" | "prefer")
                    && sent.group_starting(k + 1).is_some_and(|(_, end)| end < anchor && sent.lemmas[end] == "to")
            });
            if wanted {
                return false;
            }
        }
        let reciprocal = m.reciprocal || sources == targets;
        let mode_start = subject.map_or(sent.clause_start(anchor), |s| sent.groups[s].tok_end);
        // "suspended joint exercises with China", "froze talks with": cooperation stopped is relations reduced.
        let reduced = sent.reduction_verb(mode_start, anchor).and_then(|v| reduce_code(&p.code).map(|c| (v, c)));
        let (mode, refusal) = sent.mode(mode_start, reduced.map_or(anchor, |(v, _)| v));
        // "Putin's visit to India was cancelled": the event named by the noun did not happen.
        if sent.called_off_after(anchor) {
            return false;
        }
        // "China will host the talks if both sides agree": an intention on a condition is no event (a threat stays
        // one, and "unless" for yielding or rejecting is made a threat below).
        let mode =
            if mode == Mode::Intended && sent.condition_after(anchor, &p.code) { Mode::Hypothetical } else { mode };
        if mode == Mode::Hypothetical && !self.hypothetical {
            return false;
        }
        // "announced it would prohibit all aid to …", "decided it would expel": a sanction or cut announced as decided
        // is the measure itself, not a threat of it.
        let mode = if mode == Mode::Intended
            && p.code.starts_with("16")
            && ((mode_start.min(anchor)..anchor).any(|k| matches!(sent.lemmas[k], "announce" | "decide"))
                || takes_effect_at_once(sent.lemmas, anchor))
            || mode == Mode::Intended && announced_measure(&p.code, sent.lemmas, sent.clause_start(anchor), anchor)
        {
            Mode::Asserted
        } else {
            mode
        };
        // An announced decision to suspend ("will halt the joint exercises") is already the reduction, not a threat.
        let Some((code, suffix)) = (match reduced {
            Some((_, c)) if mode == Mode::Intended => Some((c.to_string(), "+reduce")),
            Some((_, c)) => recode(c, mode, refusal),
            None => recode(&p.code, mode, refusal),
        }) else {
            return false;
        };
        let suffix = if reduced.is_some() && suffix.is_empty() { "+reduce" } else { suffix };
        // "will withdraw its troops unless …", "will boycott the vote unless …": an intention made conditional on
        // the other side's conduct is a threat.
        let unless = mode == Mode::Intended
            && matches!(&p.code[..2], "08" | "12")
            && (anchor + 1..sent.tokens.len()).any(|k| sent.lemmas[k] == "unless");
        let (code, suffix) = if unless { ("130".to_string(), "+threat") } else { (code, suffix) };
        let (code, suffix) = if sent.warned_refusal(subject, mode_start, anchor, suffix) {
            ("131".to_string(), "+threat")
        } else {
            (code, suffix)
        };
        let p_mutual = p.mutual && reduced.is_none();
        // Civilians who attack, storm or clash without weapons of war ("protesters attacked the embassies",
        // "supporters clashed with police") riot: 145, not an assault or a battle.
        let unarmed = mode == Mode::Asserted && (code == "180" || code == "190" || code.starts_with("182"));
        // Protesters or rioters who wreck or burn property ("the consulate was torched by protesters") riot too: 145,
        // as the codebook's own example of a riot (mattresses set on fire, furniture smashed) has it.
        let wrecking = mode == Mode::Asserted && code == "1712";
        let protester = |m: &Mention| is_protester_mention(_doc.text().get(m.span.start..m.span.end).unwrap_or(""));
        // "…, state media reported": a news outlet relays the story (the act is coded), it does not accuse anyone.
        let news_outlet = |m: &Mention| is_news_outlet_mention(_doc.text().get(m.span.start..m.span.end).unwrap_or(""));
        // Reported speech: "X said Y attacked Z" is X accusing Y.
        let speaker = sent.speaker_of(subject, anchor);
        let evidence = Span::new(
            sent.tokens[anchor].span.start + sent.offset,
            sent.tokens[m.evidence_end - 1].span.end + sent.offset,
        );
        let mut emitted = false;
        let own_code = code.clone();
        let mut push = |src: &Mention, tgt: &Mention, code: &str, rule: String, mode: Mode, out: &mut Vec<Event>| {
            // A state named bare (its capital, its name) in talks or deals with its own rebels or opposition is
            // its government ("the M23 is holding talks with Kinshasa"): domestic diplomacy between the two sides.
            let (src_gov, tgt_gov) =
                (government_facing_own_rivals(src, tgt, code), government_facing_own_rivals(tgt, src, code));
            let (src, tgt) = (src_gov.as_ref().unwrap_or(src), tgt_gov.as_ref().unwrap_or(tgt));
            let bare = |m: &Mention| m.agent.is_none() && m.country.is_some();
            // A state acting on itself as a whole is no event; its agents may act on it ("imposed a curfew on
            // Sri Lanka", "Boko Haram seized the Nigerian town").
            // Diplomacy (visits, talks, praise, intentions) is between states, not within one.
            // (Except sympathy: a government's sorrow over deaths in its own country is aimed at its people.)
            let diplomatic = matches!(&code[..2], "01" | "02" | "03" | "04" | "05") && !code.starts_with("018");
            // A retreat (0874) is from a place: "withdrew from the court", "from the UN council" leaves a body.
            if p.code == "0874" && (tgt.code.starts_with("IGO") || tgt.code.starts_with("NGO")) {
                return;
            }
            // (A release demanded by one of the people's own side is aimed at their holder: `release_holders`.)
            let release = code.starts_with("1053") || code.starts_with("0253");
            if (src.code == tgt.code && !release)
                || (src.country.is_some()
                    && src.country == tgt.country
                    && ((bare(src) && !state_on_own_group(tgt, code)) || (diplomatic && bare(tgt))))
            {
                return;
            }
            // (Not the accusation that reported speech turns an attack into.) State forces in the same clash with
            // rioting civilians repress them: 175.
            let riot =
                (unarmed || (wrecking && protester(src))) && code == own_code && src.agent.as_deref() == Some("CVL");
            let repress = unarmed
                && code == own_code
                && p_mutual
                && matches!(src.agent.as_deref(), Some("COP" | "MIL"))
                && tgt.agent.as_deref() == Some("CVL");
            // "X, which mediated the truce together with Y": Y mediated too, it is not a party.
            if code.starts_with("045") && sent.after_together_with(tgt.span.start) {
                return;
            }
            // (Killing or wounding civilians, which is no battle, is recoded once the sentence's events are all made:
            // `killings_of_civilians`.)
            // Expelled people who are not a state's officials (migrants, journalists, opposition leaders) are
            // deported individuals, 174; diplomats and officials stay 161 (the codebook's note under 174).
            let deported = code == "161" && expels_people(&p.id, tgt);
            out.push(Event {
                sentence,
                source: src.clone(),
                target: tgt.clone(),
                code: match (riot, repress) {
                    (true, _) => "145".to_string(),
                    (_, true) => "175".to_string(),
                    _ if deported => "174".to_string(),
                    _ => code.to_string(),
                },
                mode,
                date,
                evidence,
                rule: match (riot, repress) {
                    (true, _) => format!("{rule}+riot"),
                    (_, true) => format!("{rule}+repress"),
                    _ if deported => format!("{rule}+deport"),
                    _ => rule,
                },
            });
            emitted = true;
        };
        let root: u8 = code[..2].parse().unwrap_or(0);
        for &sg in &sources {
            for &tg in &targets {
                let src_members = &sent.groups[sg].members;
                let tgt_members = &sent.groups[tg].members;
                // A side's own account of what it did is that act ("…, the Israeli army said"). A wire attribution
                // to a role the text places only by context ("…, police said", "residents said") is the story's
                // source, not a side's accusation: the act is coded.
                // (Another side: another state, or one of the state's armed rivals — "the Sudanese army said the RSF
                // killed …" is the army accusing the RSF.)
                let other_side = |s: &Mention, spk: &Mention| {
                    s.country != spk.country
                        || (side_of(s).is_some() && side_of(spk).is_some() && side_of(s) != side_of(spk))
                };
                // (Not when the speaker's own side is among the actors: "U.S. and British warplanes struck …, the
                // U.S. military said" is its own account of a joint act, not an accusation of its ally.)
                let foreign_speaker = speaker.filter(|&spk| {
                    let spk_m = sent.groups[spk].members[0];
                    sent.mentions[spk_m].via != Via::Context
                        && !news_outlet(sent.mentions[spk_m])
                        && src_members.iter().any(|&s| other_side(sent.mentions[s], sent.mentions[spk_m]))
                        && !src_members.iter().any(|&s| {
                            let s = sent.mentions[s];
                            s.country.is_some()
                                && s.country == sent.mentions[spk_m].country
                                && !other_side(s, sent.mentions[spk_m])
                        })
                });
                // (Posture and coercion only when they fall on the speaker's own state, told by its organs: not
                // "police confiscated weapons from armed groups, the Israeli army said", not "…, residents said".)
                let on_speaker = |spk: usize| {
                    let spk_m = sent.mentions[sent.groups[spk].members[0]];
                    root >= 18
                        || (!matches!(spk_m.agent.as_deref(), Some("CVL" | "MED" | "BUS" | "NGO"))
                            && spk_m.country.is_some()
                            && tgt_members.iter().any(|&t| sent.mentions[t].country == spk_m.country))
                };
                if let Some(spk) = foreign_speaker.filter(|&spk| reported_as_accusation(root) && on_speaker(spk)) {
                    let spk_m = sent.groups[spk].members[0];
                    for &s in src_members {
                        if other_side(sent.mentions[s], sent.mentions[spk_m]) {
                            push(
                                sent.mentions[spk_m],
                                sent.mentions[s],
                                "112",
                                format!("{}+accuse", p.id),
                                Mode::Asserted,
                                out,
                            );
                        }
                    }
                    continue;
                }
                // "Britain said Sudan and the rebels must reach a deal": the appeal is the speaker's, to them (coded by
                // a pattern of its own), not one side's to the other.
                if mode == Mode::Appeal && foreign_speaker.is_some() {
                    continue;
                }
                let rule = format!("{}{}", p.id, suffix);
                for &s in src_members {
                    for &t in tgt_members {
                        if s == t {
                            continue;
                        }
                        if reciprocal && sg == tg {
                            push(sent.mentions[s], sent.mentions[t], &code, rule.clone(), mode, out);
                            continue;
                        }
                        push(sent.mentions[s], sent.mentions[t], &code, rule.clone(), mode, out);
                        // "X met Y" is also "Y met X" — when it happened, not when one side only intends it, and
                        // not from direct speech, where "I ... with you" is the speaker's own account.
                        let named = |m: &Mention| !matches!(m.via, Via::Speaker | Via::Addressee);
                        if p_mutual && mode == Mode::Asserted && named(sent.mentions[s]) && named(sent.mentions[t]) {
                            push(sent.mentions[t], sent.mentions[s], &code, rule.clone(), mode, out);
                        }
                    }
                }
            }
        }
        emitted
    }
}

impl Coder {
    /// Acts of war and bans whose target the sentence leaves unnamed: the target-less variants of their patterns,
    /// tried at anchors no event of the sentence covers.
    #[allow(clippy::too_many_arguments)]
    fn unnamed_targets(
        &self,
        doc: &Document,
        sentence: Option<usize>,
        sent: &Sentence,
        ids: &[u32],
        date: Option<Date>,
        start: usize,
        out: &mut Vec<Event>,
    ) {
        let mut taken_until = 0usize;
        for (i, &id) in ids.iter().enumerate() {
            if i < taken_until || sent.group_at[i].is_some() || id == NO_ID {
                continue;
            }
            let cands = &self.implied_by_anchor[id as usize];
            if cands.is_empty() {
                continue;
            }
            let at = sent.tokens[i].span.start + sent.offset;
            if out[start..].iter().any(|e| e.evidence.start <= at && at < e.evidence.end) {
                continue;
            }
            // "condemned the attack": the act a statement is about is not the speaker's.
            if sent.object_of_statement(i, start, out) {
                continue;
            }
            let mut found: Vec<(usize, Match)> = cands
                .iter()
                .filter_map(|&pi| sent.match_pattern(&self.implied_patterns[pi], i).map(|m| (pi, m)))
                .collect();
            found.sort_by(|(a, ma), (b, mb)| {
                (self.implied_patterns[*b].literals, mb.end)
                    .cmp(&(self.implied_patterns[*a].literals, ma.end))
                    .then(a.cmp(b))
            });
            for (pi, m) in found {
                if self.emit(doc, sentence, sent, &self.implied_patterns[pi], i, &m, date, out) {
                    taken_until = m.evidence_end;
                    break;
                }
            }
        }
    }

    /// An event whose target goes unnamed because it is the source's own state ([`Via::Implied`]): a domestic
    /// protest is against the government (`agent` `GOV`), a curfew is imposed on the state (`None`), an internet
    /// shutdown restricts its people (`CVL`). A state named bare as the source is its government.
    #[allow(clippy::too_many_arguments)]
    fn emit_implied(
        &self,
        sentence: Option<usize>,
        sent: &Sentence,
        p: &Pattern,
        anchor: usize,
        subj: usize,
        m: &Match,
        date: Option<Date>,
        implied: Implied,
        out: &mut Vec<Event>,
    ) -> bool {
        let mode_start = sent.groups[subj].tok_end;
        let (mode, refusal) = sent.mode(mode_start, anchor);
        if mode == Mode::Hypothetical && !self.hypothetical {
            return false;
        }
        let Some((code, suffix)) = recode(&p.code, mode, refusal) else { return false };
        // "provided support for the operation": help given to an armed act is military cooperation, not the
        // endorsement that "voiced support for the strikes" is.
        let (code, suffix) = if provides_support_for_force(sent, p, anchor, m) {
            ("062".to_string(), format!("{suffix}+material"))
        } else {
            (code, suffix.to_string())
        };
        let evidence = Span::new(
            sent.tokens[anchor].span.start + sent.offset,
            sent.tokens[m.evidence_end - 1].span.end + sent.offset,
        );
        let mut emitted = false;
        for &s in &sent.groups[subj].members {
            let mut src = sent.mentions[s].clone();
            // The target the text leaves unnamed, and the rule's tag for how it was found.
            let (target, tag) = match &implied {
                Implied::Elided(object) => {
                    if object.code == src.code || (object.country.is_some() && object.country == src.country) {
                        continue;
                    }
                    let mut target = object.clone();
                    target.span = evidence;
                    target.via = Via::Implied;
                    (target, "elided")
                }
                Implied::Partner(partner) => {
                    // Only what a party says it will do ("ready to", "wants to", "agreed to"): an act told as done
                    // with no partner named is often about others, or background.
                    if !code.starts_with("03") || (partner.country.is_some() && partner.country == src.country) {
                        continue;
                    }
                    let mut target = partner.clone();
                    target.sentence = sentence;
                    target.span = evidence;
                    target.via = Via::Implied;
                    (target, "partner")
                }
                Implied::Actor(accuser) | Implied::Victim(accuser) => {
                    if accuser.code == src.code {
                        continue;
                    }
                    // Named in an earlier sentence: the mention moves to this event's words (spans stay inside
                    // the event's sentence), keeping the actor's code and name.
                    let mut target = accuser.clone();
                    target.sentence = sentence;
                    target.span = evidence;
                    target.via = Via::Implied;
                    let victim = matches!(implied, Implied::Victim(_));
                    // The state itself: "launched 40 drones" falls on Ukraine, not on its army.
                    if let Some(c) = target.country.clone().filter(|_| victim) {
                        target.code = c;
                        target.agent = None;
                        target.kind = MentionKind::State;
                    }
                    (target, if victim { "implied" } else { "answers" })
                }
                Implied::Own(agent) => {
                    let agent = *agent;
                    let Some(country) = src.country.clone() else { continue };
                    if src.agent.is_none() {
                        src.code = format!("{country}GOV");
                        src.agent = Some("GOV".to_string());
                    }
                    let target = Mention {
                        sentence,
                        span: evidence,
                        code: format!("{country}{}", agent.unwrap_or("")),
                        name: match agent {
                            Some("GOV") => format!("{country} government"),
                            Some(a) => format!("{country} {a}"),
                            None => country.clone(),
                        },
                        country: Some(country),
                        agent: agent.map(str::to_string),
                        kind: if agent.is_some() { MentionKind::Role } else { MentionKind::State },
                        entry: format!("implied target of {}", p.id),
                        via: Via::Implied,
                        person: None,
                    };
                    (target, "implied")
                }
            };
            out.push(Event {
                sentence,
                source: src,
                target,
                code: code.clone(),
                mode,
                date,
                evidence,
                rule: format!("{}{}+{tag}", p.id, suffix),
            });
            emitted = true;
        }
        emitted
    }
}

impl Coder {
    /// "it" and "them" as the object of an event verb or a preposition ("cut ties with Qatar, accusing it of …",
    /// "police fired tear gas to disperse them"), as mentions of their antecedent: the nearest actor before them
    /// outside their own clause (after the last comma or "and"), a state or organisation for "it", a group of people
    /// (civilians, rebels, troops, police, opposition) for "them".
    fn object_pronouns(
        &self,
        text: &str,
        offset: usize,
        tokens: &[Token],
        lemmas: &[&str],
        ids: &[u32],
        ms: &[&Mention],
    ) -> Vec<Mention> {
        let mut out = Vec::new();
        for (i, t) in tokens.iter().enumerate().skip(1) {
            let w = &text[t.span.start..t.span.end];
            // "fired on its positions", "shelled their villages": a possessive after a verb or preposition stands
            // for its owner too, when no actor follows it.
            let possessive = matches!(w, "its" | "their");
            if !(w == "it" || w == "them" || possessive) {
                continue;
            }
            if possessive && ms.iter().any(|m| m.span.start == offset + tokens.get(i + 1).map_or(0, |n| n.span.start)) {
                continue;
            }
            // "dispatched its own forces to respond": "its own" is the subject's side, never the act's object.
            if possessive && lemmas.get(i + 1) == Some(&"own") {
                continue;
            }
            let prev = lemmas[i - 1];
            let verb =
                ids[i - 1] != NO_ID && !self.by_anchor[ids[i - 1] as usize].is_empty() && !SPEECH.contains(&prev);
            let prep = matches!(prev, "with" | "against" | "on" | "to" | "from" | "at" | "into" | "toward" | "towards");
            // "arrested 40 of them", "killed dozens of them": a count of "them" right after an event verb.
            let count_of = w == "them"
                && prev == "of"
                && i >= 3
                && (tokens[i - 2].kind == TokenKind::Number
                    || matches!(
                        lemmas[i - 2],
                        "dozen"
                            | "dozens"
                            | "hundred"
                            | "hundreds"
                            | "thousand"
                            | "thousands"
                            | "many"
                            | "some"
                            | "several"
                    ))
                && ids[i - 3] != NO_ID
                && !self.by_anchor[ids[i - 3] as usize].is_empty()
                && !SPEECH.contains(&lemmas[i - 3]);
            if !(verb || prep || count_of) {
                continue;
            }
            // The pronoun's own clause: back to the last comma, "and" or semicolon.
            // For a possessive in reported speech ("the ministry said Armenian forces had fired on its positions")
            // the owner is before the verb of saying, not the reported clause's subject.
            let said = if possessive {
                (0..i).rev().find(|&k| SPEECH.contains(&lemmas[k]) && lemmas[k] != "add")
            } else {
                None
            };
            if possessive && said.is_none() {
                // "shot down an Indian jet and captured its pilot", "seized a British tanker and detained its crew":
                // after a second verb joined by "and", the owner is the first verb's object, another state's actor
                // than the clause's subject.
                if prep || i < 2 {
                    continue;
                }
                let Some(and) = (i.saturating_sub(3)..i - 1).rev().find(|&k| lemmas[k] == "and") else { continue };
                let clause = (0..and).rev().find(|&k| matches!(lemmas[k], ";" | ":")).map_or(0, |k| k + 1);
                let (from, to) = (offset + tokens[clause].span.start, offset + tokens[and].span.start);
                let inside: Vec<&&Mention> =
                    ms.iter().filter(|m| m.span.start >= from && m.span.end <= to && m.country.is_some()).collect();
                let (Some(subject), Some(object)) = (inside.first(), inside.last()) else { continue };
                // The object comes after a verb of the first conjunct, not in the subject's own phrase.
                let verb_between = tokens.iter().enumerate().any(|(k, tk)| {
                    offset + tk.span.start >= subject.span.end
                        && offset + tk.span.end <= object.span.start
                        && ids[k] != NO_ID
                        && !self.by_anchor[ids[k] as usize].is_empty()
                });
                // … and it modifies a thing the second verb's object belongs to ("an Indian jet", "a British
                // tanker"): an actor that is the object itself ("condemned Ukraine and withdrew its ambassador") is
                // not the owner; the subject is.
                let modifies =
                    tokens.iter().position(|tk| offset + tk.span.start >= object.span.end).is_some_and(|k| {
                        k < and
                            && tokens[k].kind == TokenKind::Word
                            && text[tokens[k].span.start..tokens[k].span.end].chars().all(|c| c.is_lowercase())
                            && !PREPOSITIONS.contains(&lemmas[k])
                            && lemmas[k] != "and"
                    });
                if object.span == subject.span || object.country == subject.country || !verb_between || !modifies {
                    continue;
                }
                let mut m = (**object).clone();
                m.span = Span::new(offset + t.span.start, offset + t.span.end);
                m.via = Via::Pronoun;
                out.push(m);
                continue;
            }
            let own = said.map(|k| offset + tokens[k].span.start).unwrap_or_else(|| {
                (0..i)
                    .rev()
                    .find(|&k| matches!(lemmas[k], "," | "and" | ";" | ":"))
                    .map_or(offset, |k| offset + tokens[k].span.start)
            });
            let at = offset + t.span.start;
            let ante = ms.iter().rev().find(|m| {
                m.span.end <= own
                    && if w == "its" {
                        m.country.is_some()
                    } else if w == "it" {
                        (m.country.is_some() && m.agent.is_none()) || m.kind == MentionKind::Organisation
                    } else {
                        m.country.is_some() && matches!(m.agent.as_deref(), Some("CVL" | "REB" | "MIL" | "COP" | "OPP"))
                    }
            });
            // A possessive stands for the speaker only when another side acts in the reported clause ("said
            // Armenian forces had fired on its positions"), not in "said it will withdraw its troops".
            if possessive {
                // … and the owner is the one who speaks: right before the verb of saying.
                let speaks = ante.is_some_and(|a| {
                    text.get(a.span.end.saturating_sub(offset)..own - offset).is_some_and(|gap| {
                        gap.split_whitespace().count() <= 3 && !gap.split_whitespace().any(|w| w == "and")
                    })
                });
                let other_actor = speaks
                    && ante.is_some_and(|a| {
                        ms.iter().any(|m| {
                            m.span.start >= own && m.span.end <= at && m.country.is_some() && m.country != a.country
                        })
                    });
                if !other_actor {
                    continue;
                }
            }
            // "Turkey denounced the strike, and the UN called it a violation": an act noun after the nearest actor
            // is what "it" stands for, not the actor (the object is that act, whose author goes unnamed here).
            if w == "it"
                && ante.is_some_and(|a| {
                    tokens[..i].iter().enumerate().any(|(k, tk)| {
                        offset + tk.span.start >= a.span.end
                            && offset + tk.span.end <= own
                            && act_family(lemmas[k]).is_some()
                    })
                })
            {
                continue;
            }
            if let Some(a) = ante {
                let mut m = (*a).clone();
                m.span = Span::new(at, offset + t.span.end);
                m.via = Via::Pronoun;
                out.push(m);
            }
        }
        out
    }

    /// Visits a meeting implies: a side that meets or is hosted by the other in a place of the other's state ("held
    /// talks with Putin in the Kremlin", "welcomed Zelenskyy to the White House") visits that state: 042, with the
    /// state as target ([`Via::Implied`]). Not from a hosting told as a participle ("talks in Jeddah, hosted by Saudi
    /// Arabia"): that names who hosted the talks, not a visit the text reports.
    fn implied_visits(&self, sent: &Sentence, start: usize, out: &mut Vec<Event>) {
        let places = sent.places();
        let mut visits = Vec::new();
        for e in &out[start..] {
            // Not what a "hosted by" phrase says of talks or a ceremony ("talks in Jeddah, hosted by Saudi Arabia",
            // "a ceremony hosted by Trump"): it tells who hosted an event named by a noun, not that its parties
            // travelled to be that state's guests.
            if e.mode != Mode::Asserted
                || !matches!(e.code.as_str(), "040" | "043" | "046")
                || e.rule.contains("hosted-by")
            {
                continue;
            }
            let (Some(a), Some(b)) = (&e.source.country, &e.target.country) else { continue };
            if a == b {
                continue;
            }
            // (guest, the place that names the host state). A hosting alone is not enough: readouts describe each
            // ceremony of one visit ("hosted a dinner for …"), and the visit is coded where the place is named.
            let visit = if e.code == "043" {
                places.iter().find(|p| p.country.as_ref() == Some(a)).map(|p| (&e.target, *p))
            } else {
                places.iter().find(|p| p.country.as_ref() == Some(b)).map(|p| (&e.source, *p))
            };
            let Some((guest, host)) = visit else { continue };
            let Some(country) = host.country.clone() else { continue };
            // Not from direct speech ("I welcome you to China"), and once a document: a visit already reported
            // ("arrived in Athens …; Mitsotakis received Erdogan at the Maximos Mansion") is not coded again.
            let already = out[..start].iter().any(|f| {
                f.code == "042" && f.source.country == guest.country && f.target.country.as_ref() == Some(&country)
            });
            if guest.country.as_ref() == Some(&country)
                || guest.code.starts_with("IGO")
                || matches!(guest.via, Via::Speaker | Via::Addressee)
                || already
            {
                continue;
            }
            let mut state = host.clone();
            state.code = country.clone();
            state.agent = None;
            state.kind = MentionKind::State;
            state.via = Via::Implied;
            visits.push(Event {
                sentence: e.sentence,
                source: guest.clone(),
                target: state,
                code: "042".to_string(),
                mode: Mode::Asserted,
                date: e.date,
                evidence: e.evidence,
                rule: format!("{}+visit", e.rule),
            });
        }
        out.extend(visits);
    }
}

/// Whom an act is aimed at: a group of the sentence, or an actor named earlier in the document.
enum Aim {
    Group(usize),
    Actor(Box<Mention>),
}

/// The target of an event that does not name it.
enum Implied {
    /// The source's own state: its government (`Some("GOV")`), the state itself (`None`), its people (`Some("CVL")`).
    Own(Option<&'static str>),
    /// An actor named earlier in the document.
    Actor(Mention),
    /// The object of the same act earlier in the sentence, left out ("and France expelled 35").
    Elided(Mention),
    /// The side an attack falls on, from the sentence's places or the document's hostilities.
    Victim(Mention),
    /// The other party of the meeting or agreement the document remembers ([`participants::Memory::partners`]).
    Partner(Mention),
}

/// Codes of cooperation that needs a partner (roots 03, 05 and 06): with none named, a remembered party's act is
/// toward the other party.
/// Aid given (07) or pledged (033, 0331–0334): with no recipient named, it goes to the state the sentence places it
/// in, else to the state the document names most ("pledged 50 million euros in emergency aid").
fn is_aid_code(code: &str) -> bool {
    code.starts_with("07") || code.starts_with("033")
}

fn is_partnership_code(code: &str) -> bool {
    matches!(code.get(..2), Some("03" | "05" | "06"))
}

/// "X invited Y to visit Z, and Y accepted (the invitation)", "… and the invitation was accepted": the invited side
/// means to visit the host (036, Y → X). Only for an invitation coded in the same sentence, and only when the
/// acceptance has no object of its own (or "the/his invitation") and its subject, if any, is the invited side.
fn accepted_invitations(sent: &Sentence, start: usize, out: &mut Vec<Event>) {
    let n = sent.tokens.len();
    let invites: Vec<(Mention, Mention, Span)> = out[start..]
        .iter()
        .filter(|e| e.code == "036" && e.rule.starts_with("invite") && e.mode == Mode::Asserted)
        .map(|e| (e.source.clone(), e.target.clone(), e.evidence))
        .collect();
    for (host, guest, ev) in invites {
        for t in 0..n {
            if sent.lemmas[t] != "accept" || sent.tokens[t].span.start + sent.offset <= ev.end {
                continue;
            }
            // What follows "accepted": nothing, "the invitation", "it", or "with pleasure" and the like.
            let rest: Vec<&str> =
                (t + 1..n).map(|k| sent.lemmas[k]).take_while(|l| !matches!(*l, "." | ";" | "and" | ",")).collect();
            let bare = rest.is_empty()
                || matches!(rest.first().copied(), Some("with" | "it" | "gladly" | "immediately"))
                || (rest.len() >= 2
                    && matches!(rest[0], "the" | "his" | "her" | "their" | "this")
                    && rest[1] == "invitation");
            if !bare {
                continue;
            }
            // Its subject: the guest named again, or "the invitation was accepted".
            let passive = t >= 2 && sent.lemmas[t - 1] == "be" && sent.lemmas[t - 2] == "invitation";
            let subject_ok = passive
                || sent
                    .subject_before(t, false)
                    .is_some_and(|g| sent.groups[g].members.iter().any(|&m| sent.mentions[m].code == guest.code));
            if !subject_ok {
                continue;
            }
            let evidence = Span::new(sent.tokens[t].span.start + sent.offset, sent.tokens[t].span.end + sent.offset);
            out.push(Event {
                sentence: out[start].sentence,
                source: guest.clone(),
                target: host.clone(),
                code: "036".to_string(),
                mode: Mode::Intended,
                date: out[start].date,
                evidence,
                rule: "036.accepted-invitation".to_string(),
            });
            break;
        }
    }
}

/// "X threatened to V … unless/if Y …" with no target of its own (the threatened act falls on a third party, a
/// place or nobody named): the threat is aimed at the side whose compliance the condition asks for, the actor
/// opening the "unless"/"if" clause. 138 when the threatened act is force, else 130. Only where no event of root 13
/// was coded in the sentence, and only in the threat's own clause (up to ";", ":" or the end).
fn ultimatums(sent: &Sentence, sentence: Option<usize>, date: Option<Date>, start: usize, out: &mut Vec<Event>) {
    if out[start..].iter().any(|e| e.code.starts_with("13")) {
        return;
    }
    let n = sent.tokens.len();
    for t in 0..n.saturating_sub(2) {
        if sent.lemmas[t] != "threaten" || sent.lemmas[t + 1] != "to" {
            continue;
        }
        let Some(cond) = (t + 2..n)
            .take_while(|&k| !matches!(sent.lemmas[k], ";" | ":" | "."))
            .find(|&k| matches!(sent.lemmas[k], "unless" | "if"))
        else {
            continue;
        };
        // The condition's subject: an actor right after "unless"/"if" (a determiner between).
        let mut k = cond + 1;
        while k < n && matches!(sent.lemmas[k], "the" | "its" | "their") && sent.group_at[k].is_none() {
            k += 1;
        }
        let Some(g) = (k < n).then(|| sent.group_at[k]).flatten() else { continue };
        let Some(subj) = sent.subject_before(t, false) else { continue };
        if subj == g {
            continue;
        }
        let force = sent.lemmas[t + 2..cond].iter().any(|l| {
            matches!(
                *l,
                "attack" | "strike" | "bomb" | "invade" | "offensive" | "force" | "war" | "shell" | "fight" | "kill"
            )
        });
        let evidence = Span::new(sent.tokens[t].span.start + sent.offset, sent.tokens[t].span.end + sent.offset);
        for &sm in &sent.groups[subj].members {
            for &tm in &sent.groups[g].members {
                let (src, tgt) = (sent.mentions[sm], sent.mentions[tm]);
                if src.code == tgt.code || (src.country.is_some() && src.country == tgt.country) {
                    continue;
                }
                out.push(Event {
                    sentence,
                    source: src.clone(),
                    target: tgt.clone(),
                    code: if force { "138" } else { "130" }.to_string(),
                    mode: Mode::Asserted,
                    date,
                    evidence,
                    rule: "130.threaten-unless-clause".to_string(),
                });
            }
        }
        break;
    }
}

/// Definite nouns that stand for an organisation named earlier in the document ("the alliance" after NATO, "the
/// group" after Hamas, "the agency" after the IAEA), as mentions of that organisation ([`Via::Pronoun`]): the latest
/// fitting mention among `prior` (in the five sentences before). Only "the" + the noun, not followed by "of", a name
/// or a noun of its own ("the group stage"), and not preceded by a modifier ("the rebel group" is a new actor).
fn nominal_anaphora(text: &str, offset: usize, prior: &[Mention]) -> Vec<Mention> {
    const NOUNS: &[&str] =
        &["alliance", "bloc", "group", "militia", "movement", "organisation", "organization", "agency"];
    if prior.is_empty() || !NOUNS.iter().any(|w| text.contains(w)) {
        return Vec::new();
    }
    let tokens = tokenize(text);
    let word = |k: usize| &text[tokens[k].span.start..tokens[k].span.end];
    let last_sentence = prior.last().and_then(|m| m.sentence);
    let mut out = Vec::new();
    for k in 1..tokens.len() {
        let w = word(k);
        if !NOUNS.contains(&w) || !word(k - 1).eq_ignore_ascii_case("the") {
            continue;
        }
        // Its own phrase goes on: "the group of experts", "the Islamic group", "the group stage" are other actors.
        if let Some(next) = tokens.get(k + 1) {
            let nw = &text[next.span.start..next.span.end];
            let lower_noun = next.kind == TokenKind::Word
                && nw.chars().all(|c| c.is_lowercase())
                && !PREPOSITIONS.contains(&nw)
                && !matches!(
                    nw,
                    "and"
                        | "or"
                        | "that"
                        | "which"
                        | "who"
                        | "has"
                        | "had"
                        | "have"
                        | "is"
                        | "was"
                        | "will"
                        | "would"
                        | "said"
                        | "says"
                )
                && !nw.ends_with("ed")
                && !nw.ends_with('s');
            // ("accused the alliance of escalating tensions": that "of" is the verb's.)
            let of_phrase =
                nw == "of" && tokens.get(k + 2).is_none_or(|t| !text[t.span.start..t.span.end].ends_with("ing"));
            if of_phrase || nw.starts_with(char::is_uppercase) || lower_noun {
                continue;
            }
        }
        let fits = |m: &Mention| {
            let org = m.kind == MentionKind::Organisation;
            let armed = m.code.starts_with("IMG") || matches!(m.agent.as_deref(), Some("REB" | "INS"));
            match w {
                "alliance" | "bloc" => m.code.starts_with("IGO"),
                "group" | "militia" | "movement" => armed && (org || m.kind == MentionKind::Role),
                _ => org,
            }
        };
        let recent = |m: &Mention| match (m.sentence, last_sentence) {
            (Some(a), Some(b)) => a + 5 >= b,
            _ => true,
        };
        if let Some(a) = prior.iter().rev().take_while(|m| recent(m)).find(|m| fits(m)) {
            let mut m = a.clone();
            m.span = Span::new(offset + tokens[k - 1].span.start, offset + tokens[k].span.end);
            m.via = Via::Pronoun;
            out.push(m);
        }
    }
    out
}

/// "thanked Germany and Britain and asked them for …", "spoke with officials in Delhi and Islamabad and urged them
/// to …": "them" right after a verb of appeal or warning joined by "and" to a first verb stands for the list of
/// sides that first verb took as its object (two or more actors of different states joined by "," / "and"), one
/// mention of each over the pronoun's span, so that they make one group. The first verb's subject is not in the
/// list; this reading replaces the nearest-group one of `object_pronouns` (which would take the subject, "Defence
/// Minister X thanked A and B and asked them …").
fn listed_them(text: &str, offset: usize, tokens: &[Token], lemmas: &[&str], ms: &[&Mention]) -> Vec<Mention> {
    const APPEAL: &[&str] =
        &["urge", "ask", "press", "encourage", "implore", "call", "warn", "invite", "tell", "exhort"];
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate().skip(2) {
        if &text[t.span.start..t.span.end] != "them" {
            continue;
        }
        let at = Span::new(offset + t.span.start, offset + t.span.end);
        // "and urged them", "and called on them".
        let verb = if matches!(lemmas[i - 1], "on" | "upon") { i - 2 } else { i - 1 };
        if verb == 0 || !APPEAL.contains(&lemmas[verb]) || lemmas[verb - 1] != "and" {
            continue;
        }
        if lemmas[verb] == "call" && verb == i - 1 {
            continue;
        }
        let and = verb - 1;
        let clause = (0..and).rev().find(|&k| matches!(lemmas[k], ";" | ":")).map_or(0, |k| k + 1);
        let (from, to) = (offset + tokens[clause].span.start, offset + tokens[and].span.start);
        let inside: Vec<&Mention> =
            ms.iter().copied().filter(|m| m.span.start >= from && m.span.end <= to && m.country.is_some()).collect();
        if inside.len() < 3 {
            continue;
        }
        // The last run of mentions joined by "," / "and" / ", and", ending right before the "and" of "and urged".
        let last = inside[inside.len() - 1];
        if !text.get(last.span.end - offset..to - offset).is_some_and(|g| g.trim().is_empty()) {
            continue;
        }
        let mut start = inside.len() - 1;
        while start > 0 {
            let gap = text.get(inside[start - 1].span.end - offset..inside[start].span.start - offset).unwrap_or("x");
            if !matches!(gap.trim(), "," | "and" | ", and") {
                break;
            }
            start -= 1;
        }
        // The run is an object: not the clause's subject (the first mention), and at least two sides.
        if start == 0 || inside.len() - start < 2 {
            continue;
        }
        let run = &inside[start..];
        if run.iter().any(|m| run.iter().any(|n| n.span != m.span && n.country == m.country)) {
            continue;
        }
        for m in run {
            let mut p = (*m).clone();
            p.span = at;
            p.via = Via::Pronoun;
            out.push(p);
        }
    }
    out
}

/// "The three countries", "the four nations", "all five states" stand for the states a recent sentence (one of the
/// three before) named as a list of exactly that many ("Britain, Canada and Australia recognised …"): one mention of
/// each, all over the phrase's span, so that they make one group. Pairs are the actor matcher's ("the two
/// countries"). The noun may be one for regimes or powers ("the three juntas") and carry up to two capitalised
/// modifiers ("the three European powers").
fn listed_states(doc_text: &str, seg: &crate::document::Segment, prior: &[Mention]) -> Vec<Mention> {
    let (text, offset) = (seg.text, seg.span.start);
    const NOUNS: &[&str] =
        &["countries", "states", "nations", "governments", "powers", "juntas", "capitals", "militaries", "armies"];
    if prior.len() < 3 || !NOUNS.iter().any(|w| text.contains(w)) {
        return Vec::new();
    }
    let tokens = tokenize(text);
    let word = |k: usize| &text[tokens[k].span.start..tokens[k].span.end];
    let mut out = Vec::new();
    for noun in 2..tokens.len() {
        if !NOUNS.contains(&word(noun)) {
            continue;
        }
        // "the three European powers", "the three Sahel juntas": up to two capitalised modifiers (a region's
        // adjective, not a state's: a state's adjective would be a mention) between the number and the noun.
        let mut k = noun;
        while k > 2 && noun - k < 2 && word(k - 1).starts_with(char::is_uppercase) && !is_number_word(word(k - 1)) {
            k -= 1;
        }
        let n = match word(k - 1) {
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            _ => continue,
        };
        if !(word(k - 2).eq_ignore_ascii_case("the") || word(k - 2).eq_ignore_ascii_case("all")) {
            continue;
        }
        let span = Span::new(offset + tokens[k - 2].span.start, offset + tokens[noun].span.end);

        let Some(now) = seg.sentence else { continue };
        // Runs of states joined by "," / "and" / ", and", in one sentence, latest first.
        let mut end = prior.len();
        while end > 0 {
            let mut start = end - 1;
            let state = |m: &Mention| m.kind == MentionKind::State && m.agent.is_none() && m.country.is_some();
            if !state(&prior[start]) || prior[start].sentence.is_none_or(|s| s + 3 < now) {
                end -= 1;
                continue;
            }
            while start > 0 && state(&prior[start - 1]) && prior[start - 1].sentence == prior[start].sentence {
                let gap = doc_text.get(prior[start - 1].span.end..prior[start].span.start).unwrap_or("").trim();
                if !matches!(gap, "," | "and" | ", and") {
                    break;
                }
                start -= 1;
            }
            let run = &prior[start..end];
            let mut codes: Vec<&str> = run.iter().filter_map(|m| m.country.as_deref()).collect();
            codes.sort_unstable();
            codes.dedup();
            if run.len() == n && codes.len() == n {
                // "the three juntas", "the three armies": the states' militaries.
                let military = matches!(word(k), "juntas" | "militaries" | "armies");
                for m in run {
                    let mut m = m.clone();
                    m.span = span;
                    m.via = Via::Pronoun;
                    if let Some(c) = m.country.clone().filter(|_| military) {
                        m.code = format!("{c}MIL");
                        m.agent = Some("MIL".to_string());
                        m.kind = MentionKind::Role;
                    }
                    out.push(m);
                }
                break;
            }
            end = start;
        }
    }
    out
}

/// A demand or an appeal for the release of people (1053, 0253) is aimed at whoever holds them, not at them. When
/// the target is the people to be released ("demanded the release of X", "called for X's release"), it becomes: the
/// holder named after them ("X held by Y", "detained in Y"); else the author of the latest arrest, detention or
/// abduction of X in the document (the eight sentences before); else, for a state's own people (civilians,
/// opposition, a former leader, the press), that state's government. The target stays when none applies or when
/// the holder would be the source's own state ("Iran demanded the release of Iranian nationals").
fn release_holders(sent: &Sentence, sentence: Option<usize>, start: usize, out: &mut Vec<Event>) {
    let n = sent.tokens.len();
    for k in start..out.len() {
        let e = &out[k];
        if !(e.code.starts_with("1053") || e.code.starts_with("0253")) || e.target.via == Via::Implied {
            continue;
        }
        let (ts, te) = (e.target.span.start, e.target.span.end);
        let Some(a) = sent.tokens.iter().position(|t| t.span.start + sent.offset == ts) else { continue };
        let Some(b) = sent.tokens.iter().rposition(|t| t.span.end + sent.offset == te).map(|b| b + 1) else {
            continue;
        };
        let Some(g) = sent.group_at[a] else { continue };
        let b = b.max(sent.groups[g].tok_end);
        // "the (immediate) release of (all detained) X", "X's (immediate) release".
        let of = (a.saturating_sub(6)..a).rev().find(|&j| sent.lemmas[j] == "of");
        let released_of = of.is_some_and(|j| {
            j > 0
                && matches!(sent.lemmas[j - 1], "release" | "freedom")
                && (j + 1..a).all(|x| sent.group_at[x].is_none())
        });
        let possessed = b < n
            && matches!(sent.word(b), "'s" | "’s" | "'" | "’")
            && (b + 1..(b + 5).min(n)).any(|x| matches!(sent.lemmas[x], "release" | "freedom"));
        if !released_of && !possessed {
            continue;
        }
        let src = &e.source;
        // The holder named after them: "prisoners held by Israel", "nationals detained in China".
        let mut j = b;
        // (Over the people's own noun: "Palestinian prisoners held by Israel".)
        const HELD: &[&str] =
            &["held", "detained", "jailed", "imprisoned", "captured", "abducted", "kidnapped", "seized"];
        let mut nouns = 0;
        while j < n
            && sent.group_at[j].is_none()
            && !HELD.contains(&sent.word(j))
            && (matches!(sent.lemmas[j], "who" | "which" | "that" | "be" | "have" | "still" | "currently")
                || (nouns < 2 && sent.word(j).chars().all(|c| c.is_lowercase()) && !sent.word(j).ends_with("ed")))
        {
            if !matches!(sent.lemmas[j], "who" | "which" | "that" | "be" | "have" | "still" | "currently") {
                nouns += 1;
            }
            j += 1;
        }
        let named = (j + 1 < n && HELD.contains(&sent.word(j)) && matches!(sent.lemmas[j + 1], "by" | "in"))
            .then(|| sent.group_starting(j + 2))
            .flatten()
            .map(|(h, _)| sent.mentions[sent.groups[h].members[0]].clone());
        let detainee = &e.target;
        let cur = sentence.unwrap_or(0);
        // The author of the latest arrest, detention or abduction of the same people.
        let arrested = || {
            out[..k]
                .iter()
                .rev()
                .take_while(|f| f.sentence.is_none_or(|s| s + 8 >= cur))
                .find(|f| {
                    (f.code.starts_with("173") || f.code.starts_with("181"))
                        && matches!(f.mode, Mode::Asserted)
                        && (f.target.code == detainee.code || f.target.name == detainee.name)
                        && f.source.code != src.code
                })
                .map(|f| f.source.clone())
        };
        // A state's own people: its government.
        let own_state = || {
            let c = detainee.country.clone()?;
            if !matches!(detainee.agent.as_deref(), Some("CVL" | "OPP" | "ELI" | "MED" | "EDU" | "LAB" | "PTY")) {
                return None;
            }
            let mut m = detainee.clone();
            m.code = format!("{c}GOV");
            m.name = format!("{c} government");
            m.agent = Some("GOV".to_string());
            m.kind = MentionKind::Role;
            m.person = None;
            Some(m)
        };
        let Some(mut holder) = named.or_else(arrested).or_else(own_state) else { continue };
        // Not the source's own state: the people are its own and the holder goes unnamed.
        let state_source = matches!(src.agent.as_deref(), None | Some("GOV" | "MIL" | "COP" | "JUD" | "LEG"));
        if holder.code == src.code || (state_source && holder.country.is_some() && holder.country == src.country) {
            continue;
        }
        if holder.sentence != sentence
            || holder.span.start < sent.offset
            || holder.span.end > sent.offset + sent.text.len()
        {
            holder.sentence = sentence;
            holder.span = detainee.span;
        }
        if holder.span == detainee.span {
            holder.via = Via::Implied;
        }
        let e = &mut out[k];
        e.target = holder;
        e.rule.push_str("+holder");
    }
    // A demand by one of the people themselves whose holder was not found is no event.
    let mut k = start;
    while k < out.len() {
        let e = &out[k];
        if (e.code.starts_with("1053") || e.code.starts_with("0253")) && e.source.code == e.target.code {
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

/// The states a document names most (by name, as states or their organs), most first, at most two: each as a bare
/// state mention.
fn doc_states(mentions: &[Mention]) -> Vec<Mention> {
    let named = |m: &Mention| m.via == Via::Name && matches!(m.agent.as_deref(), None | Some("GOV" | "MIL"));
    crate::actors::rank_countries(mentions, named)
        .into_iter()
        .take(2)
        .map(|(c, i)| {
            let mut m = mentions[i].clone();
            m.code = c.to_string();
            m.name = c.to_string();
            m.agent = None;
            m.kind = MentionKind::State;
            m.person = None;
            m
        })
        .collect()
}

/// Whether a capitalised word is a number word ("Three", "Four") rather than a modifier.
fn is_number_word(w: &str) -> bool {
    matches!(w.to_ascii_lowercase().as_str(), "two" | "three" | "four" | "five" | "six")
}

/// A state's people counted ("tens of thousands of Venezuelans", "hundreds of Iraqis", "2,000 Sudanese") are its
/// civilians, not the state: the mentions of such plural demonyms, recoded `CVL`. The demonym is a state mention
/// without agent whose words differ from the state's name, right after a number or a quantity and "of", and not
/// followed by a noun of its own ("hundreds of Caracas residents" are residents, not Venezuelans at large).
fn counted_people(text: &str, offset: usize, tokens: &[Token], lemmas: &[&str], ms: &[&Mention]) -> Vec<Mention> {
    let mut out = Vec::new();
    for m in ms {
        if m.kind != MentionKind::State || m.agent.is_some() {
            continue;
        }
        let Some(country) = m.country.as_deref() else { continue };
        let (s, e) = (m.span.start - offset, m.span.end - offset);
        let words = &text[s..e];
        // Not the state's name ("the Philippines", "thousands of Syria's refugees").
        if words.contains(' ') || words.eq_ignore_ascii_case(&m.name) || !words.starts_with(char::is_uppercase) {
            continue;
        }
        let Some(first) = tokens.iter().position(|t| t.span.start == s) else { continue };
        let Some(last) = tokens.iter().position(|t| t.span.end == e) else { continue };
        let word = |k: usize| &text[tokens[k].span.start..tokens[k].span.end];
        let quantity = |k: usize| {
            tokens[k].kind == TokenKind::Number
                || matches!(
                    lemmas[k],
                    "hundred"
                        | "hundreds"
                        | "thousand"
                        | "thousands"
                        | "dozen"
                        | "dozens"
                        | "million"
                        | "millions"
                        | "scores"
                        | "tens"
                        | "crowds"
                        | "crowd"
                        | "group"
                        | "groups"
                )
        };
        let number = |k: usize| {
            tokens[k].kind == TokenKind::Number
                || matches!(
                    lemmas[k],
                    "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten" | "several"
                )
        };
        let counted =
            (first >= 1 && number(first - 1)) || (first >= 2 && lemmas[first - 1] == "of" && quantity(first - 2));
        let followed_by_noun = last + 1 < tokens.len() && {
            let w = word(last + 1);
            is_people_noun(w)
                || matches!(
                    w,
                    "residents" | "citizens" | "nationals" | "refugees" | "migrants" | "students" | "civilians"
                )
        };
        if !counted || followed_by_noun {
            continue;
        }
        let mut c = (*m).clone();
        c.code = format!("{country}CVL");
        c.agent = Some("CVL".to_string());
        c.kind = MentionKind::Role;
        out.push(c);
    }
    out
}

/// Nouns of acts and statements whose "of"/"by" phrase names an actor: "the arrest of", "comments by".
fn is_act_noun(l: &str) -> bool {
    let singular = l.strip_suffix('s').unwrap_or(l);
    matches!(
        singular,
        "arrest"
            | "detention"
            | "killing"
            | "murder"
            | "execution"
            | "deployment"
            | "presence"
            | "involvement"
            | "interference"
            | "intervention"
            | "action"
            | "activitie"
            | "activity"
            | "behaviour"
            | "behavior"
            | "conduct"
            | "comment"
            | "remark"
            | "statement"
            | "decision"
            | "move"
            | "policy"
            | "policie"
            | "treatment"
            | "occupation"
            | "annexation"
            | "aggression"
            | "incursion"
            | "provocation"
            | "claim"
            | "sentencing"
            | "imprisonment"
            | "jailing"
            | "abduction"
            | "kidnapping"
            | "violation"
            | "role"
            | "effort"
            | "leadership"
            | "position"
            | "stance"
            | "proposal"
            | "threat"
            | "crackdown"
            | "build-up"
            | "buildup"
            | "test"
            | "launch"
            | "launche"
    )
}

/// Common nouns by which a speaker names its own side in reported speech: "the movement", "the kingdom".
fn is_own_side_noun(l: &str) -> bool {
    matches!(
        l,
        "movement"
            | "group"
            | "kingdom"
            | "country"
            | "organisation"
            | "organization"
            | "militia"
            | "alliance"
            | "bloc"
            | "administration"
            | "regime"
            | "republic"
            | "nation"
            | "island"
            | "emirate"
            | "party"
            | "junta"
            | "union"
    )
}

/// The kinds of act a noun refers back to, and so the kind of earlier event that is its antecedent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ActFamily {
    /// "the attack", "the raid", "the coup attempt": an earlier use of force or protest (roots 14 to 20).
    Violence,
    /// "the report", "the allegations", "the findings": an earlier charge, demand, threat or investigation.
    Charge,
    /// "the decision", "the move", "the sanctions": an earlier decision: a pledge, support, aid, a concession, a
    /// rejection, reduced relations, coercion.
    Decision,
    /// "the agreement", "the pact", "the visit": an earlier accord signed or a visit made (roots 03 to 06 for an
    /// accord, 04 for a visit); the author is its other party ("called the agreement a win-win" answers the partner).
    Accord,
}

/// The kind of act a noun (a lemma, singular or plural) names, if it names one that can refer back to an event.
fn act_family(l: &str) -> Option<ActFamily> {
    let singular = l.strip_suffix('s').unwrap_or(l);
    Some(match singular {
        "attack" | "raid" | "assault" | "bombing" | "strike" | "airstrike" | "shelling" | "offensive" | "invasion"
        | "incursion" | "killing" | "massacre" | "coup" | "attempt" | "takeover" | "crackdown" | "shooting"
        | "aggression" | "bombardment" | "ambush" | "abduction" | "kidnapping" | "seizure" | "interception"
        | "downing" | "shootdown" => ActFamily::Violence,
        // Acts named by other nouns news uses for them ("condemned the atrocities", "called the drills aggressive").
        "atrocity" | "atrocitie" | "siege" | "blockade" | "operation" => ActFamily::Violence,
        // (The lemmas of "killing", "bombing", "shelling".)
        "kill" | "bomb" | "shell" => ActFamily::Violence,
        "drill" | "exercise" | "manoeuvre" | "maneuver" | "launch" | "launche" | "test" | "deployment" | "tariff"
        | "levy" | "levie" | "detention" | "arrest" | "action" => ActFamily::Decision,
        "report" | "finding" | "conclusion" | "charge" | "allegation" | "accusation" | "claim" | "criticism"
        | "condemnation" | "warning" | "threat" | "ultimatum" | "remark" | "comment" | "statement" | "indictment"
        | "investigation" | "probe" | "inquiry" | "inquirie" => ActFamily::Charge,
        "decision" | "ruling" | "verdict" | "move" | "measure" | "step" | "sanction" | "resolution" | "declaration"
        | "announcement" | "proposal" | "offer" | "initiative" | "expulsion" | "ban" | "embargo" => ActFamily::Decision,
        // ("described the new restrictions as illegitimate": curbs a side imposed.)
        "restriction" | "curb" => ActFamily::Decision,
        // ("condemned the deportations as inhumane": people a state forced out, 174.)
        "deportation" => ActFamily::Decision,
        // ("welcomed the warrants": a court's legal action, 17.)
        "warrant" => ActFamily::Decision,
        // ("called the agreement a win-win", "praised the visit as historic": an accord or a visit.)
        "agreement" | "accord" | "pact" | "treaty" | "visit" => ActFamily::Accord,
        // ("condemned the violence", "called the storming of parliament treasonous"; "rejected the demand".)
        "violence" | "bloodshed" | "storming" | "storm" => ActFamily::Violence,
        // (The lemma of "bloodshed", read as an -ed form.)
        "bloodsh" => ActFamily::Violence,
        "demand" => ActFamily::Charge,
        // ("rejected the protest": a protest lodged, 114; "rejected the order": an order to leave, 16 or 17.)
        "protest" => ActFamily::Charge,
        "order" => ActFamily::Decision,
        _ => return None,
    })
}

/// Nouns for people acting for a state or organisation, singular and plural: the head of "ministers from both
/// countries", "a team of experts from the WHO".
fn is_people_noun(w: &str) -> bool {
    let singular = w.strip_suffix('s').unwrap_or(w);
    matches!(
        singular,
        "minister"
            | "official"
            | "negotiator"
            | "expert"
            | "diplomat"
            | "delegate"
            | "delegation"
            | "representative"
            | "envoy"
            | "leader"
            | "troop"
            | "soldier"
            | "officer"
            | "lawmaker"
            | "legislator"
            | "parliamentarian"
            | "inspector"
            | "team"
            | "mediator"
            | "investigator"
            | "monitor"
            | "peacekeeper"
            | "observer"
            | "adviser"
            | "advisor"
            | "engineer"
            | "rescuer"
            | "worker"
            | "doctor"
            | "commander"
            | "general"
            | "military"
            | "unit"
            | "contingent"
            | "mission"
            | "panel"
            | "group"
            | "member"
            | "head"
            | "chief"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "ambassador"
            | "emissarie"
            | "emissary"
            | "counterpart"
    ) || matches!(w, "people" | "police" | "personnel" | "staff" | "military" | "forces" | "force")
}

/// Whether the mention at tokens `a..b` opens a new clause instead of joining the group `g` before it:
/// - after an opening place or time phrase and its comma ("In Gaza, Israeli air strikes killed …", "In Moscow,
///   police detained …"), unless a list of places goes on ("In Kyiv, Kharkiv and Odesa, …");
/// - after "and" when the group is the object of a verb and the mention is followed by its own verb ("Lithuania
///   expelled a Russian diplomat and Finland closed its border").
#[allow(clippy::too_many_arguments)]
fn splits_clause(
    text: &str,
    tokens: &[Token],
    lemmas: &[&str],
    ids: &[u32],
    anchors: &[Vec<usize>],
    g: &Group,
    (a, b): (usize, usize),
    m: &Mention,
) -> bool {
    let word = |k: usize| &text[tokens[k].span.start..tokens[k].span.end];
    let lower = |k: usize| tokens[k].kind == TokenKind::Word && word(k).chars().all(|c| c.is_lowercase() || c == '-');
    let is_anchor = |k: usize| ids[k] != NO_ID && !anchors[ids[k] as usize].is_empty();
    let between = &lemmas[g.tok_end.min(a)..a];
    // The first token before the group, over determiners and lower-case modifiers.
    let before = |start: usize| {
        let mut k = start;
        let mut steps = 0;
        while k > 0
            && steps < 4
            && (DETERMINERS.contains(&lemmas[k - 1])
                || tokens[k - 1].kind == TokenKind::Number
                || (lower(k - 1)
                    && !PREPOSITIONS.contains(&lemmas[k - 1])
                    && !is_anchor(k - 1)
                    && !matches!(
                        lemmas[k - 1],
                        "and"
                            | "or"
                            | "but"
                            | "as"
                            | "while"
                            | "when"
                            | "that"
                            | "which"
                            | "who"
                            | "if"
                            | "be"
                            | "have"
                    )))
        {
            k -= 1;
            steps += 1;
        }
        k.checked_sub(1)
    };
    if matches!(between, [","] | [",", "the"]) && g.members.len() == 1 {
        let opens = matches!(lemmas[0], "following" | "according" | "accord") || PREPOSITIONS.contains(&lemmas[0]);
        let in_phrase = before(g.tok_start).is_some_and(|p| PREPOSITIONS.contains(&lemmas[p]));
        let no_comma = !lemmas[..g.tok_start].contains(&",");
        // A list of places goes on with a bare state followed by "," or "and".
        let list = m.kind == MentionKind::State
            && m.agent.is_none()
            && lemmas.get(b).is_some_and(|l| matches!(*l, "," | "and" | "or"));
        return opens && in_phrase && no_comma && !list;
    }
    if matches!(between, ["and"] | ["and", "the"]) {
        let Some(v) = before(g.tok_start) else { return false };
        // The object of a verb, or of a preposition after one ("imposed sanctions on Iran and Britain froze …").
        let object = (is_anchor(v) && !SPEECH.contains(&lemmas[v]))
            || (matches!(lemmas[v], "on" | "against" | "at" | "into" | "to")
                && (v.saturating_sub(5)..v).any(|k| is_anchor(k) && !SPEECH.contains(&lemmas[k])));
        // … and the mention is followed by a finite verb of its own.
        let verb_after = b < tokens.len()
            && lower(b)
            && (SPEECH.contains(&lemmas[b])
                || matches!(lemmas[b], "have" | "be" | "will" | "would" | "also" | "then" | "later")
                || (word(b).ends_with("ed") && word(b).len() > 4)
                || matches!(
                    word(b),
                    "met"
                        | "held"
                        | "sent"
                        | "took"
                        | "made"
                        | "told"
                        | "gave"
                        | "struck"
                        | "shot"
                        | "cut"
                        | "hit"
                        | "put"
                        | "left"
                        | "began"
                        | "fought"
                        | "froze"
                        | "withdrew"
                        | "threw"
                        | "flew"
                        | "broke"
                        | "brought"
                        | "sought"
                        | "spoke"
                        | "led"
                        | "drew"
                        | "stood"
                        | "won"
                        | "paid"
                        | "shut"
                        | "kept"
                        | "lost"
                ));
        return object && verb_after;
    }
    false
}

/// The group a mention at token `a` joins across an interrupter: "Egypt, a key mediator, and Qatar …", "Brazil,
/// whose president …, and Colombia …". The mention follows ", and" (", and the"); before that comma is a short phrase
/// in commas (an apposition or a relative clause, opened by a determiner or a relative word) that starts right after
/// a group, and that group opens the clause: no verb before it and no preposition just before it (an object or a
/// place in commas, "struck Gaza, a crowded enclave, and Egypt …", "In Cairo, the capital, and …", does not list on).
fn interrupted_list_head(
    lemmas: &[&str],
    ids: &[u32],
    anchors: &[Vec<usize>],
    groups: &[Group],
    a: usize,
) -> Option<usize> {
    let mut c = a;
    if c > 0 && lemmas[c - 1] == "the" {
        c -= 1;
    }
    if c < 2 || lemmas[c - 1] != "and" || lemmas[c - 2] != "," {
        return None;
    }
    let c = c - 2;
    let p = lemmas[..c].iter().rposition(|l| *l == ",")?;
    if c - p < 2 || c - p > 16 {
        return None;
    }
    let opener = matches!(
        lemmas[p + 1],
        "a" | "an" | "the" | "which" | "who" | "whose" | "one" | "its" | "itself" | "home" | "host" | "long" | "now"
    );
    if !opener || lemmas[p + 1..c].iter().any(|l| matches!(*l, "and" | "said" | "say" | ";")) {
        return None;
    }
    let gi = groups.iter().rposition(|g| g.tok_end == p)?;
    let start = groups[gi].tok_start;
    let mut k = start;
    while k > 0 && DETERMINERS.contains(&lemmas[k - 1]) {
        k -= 1;
    }
    if k > 0 && PREPOSITIONS.contains(&lemmas[k - 1]) {
        return None;
    }
    let verb_before = (0..start).any(|j| ids[j] != NO_ID && !anchors[ids[j] as usize].is_empty());
    (!verb_before).then_some(gi)
}

/// Whether two possessives joined by "and" or a comma name one owner group ("Japan's and South Korea's
/// statements", "Japan's, South Korea's and Australia's criticism"): the lemmas `between` the two mentions start
/// with the first one's possessive, and the second one (tokens `a..b`) is a possessive too, or holds one ("China's
/// and Russia's navies", where the second is one actor).
fn joined_possessives(text: &str, tokens: &[Token], between: &[&str], (a, b): (usize, usize)) -> bool {
    let poss = |w: &str| matches!(w, "'s" | "’s" | "'" | "’");
    let list = match between {
        [p, "and"] | [p, ","] | [p, ",", "and"] => poss(p),
        _ => false,
    };
    list && tokens.get(a..=b).is_some_and(|ts| ts.iter().any(|t| poss(&text[t.span.start..t.span.end])))
}

/// The side a claimant's latest attack (roots 18 to 20) in the document fell on: the target of the last such event
/// whose source is one of the claimants, or of their state. `None` when none of them attacked anyone before.
fn claimed_victim(claimants: &[&Mention], out: &[Event]) -> Option<Mention> {
    let theirs = |e: &Event| {
        claimants.iter().any(|c| c.code == e.source.code || (c.country.is_some() && c.country == e.source.country))
    };
    let attack = |e: &Event| e.code.get(..2).and_then(|r| r.parse::<u8>().ok()).is_some_and(|r| (18..=20).contains(&r));
    out.iter().rev().find(|e| attack(e) && theirs(e)).map(|e| e.target.clone())
}

/// "will impose tariffs on American goods immediately", "will immediately close its airspace", "will suspend
/// trade, effective immediately": a measure that takes effect at once is taken, not threatened. Looks at the words
/// from two before the anchor to the end of its clause (at most 16 words on, up to a comma, ';' or '.').
fn takes_effect_at_once(lemmas: &[&str], anchor: usize) -> bool {
    let before = lemmas[anchor.saturating_sub(2)..anchor].contains(&"immediately");
    before
        || lemmas[anchor + 1..]
            .iter()
            .take(16)
            .take_while(|w| !matches!(**w, "," | ";" | "." | "but" | "if" | "unless"))
            .any(|w| *w == "immediately")
}

/// "Poland will close the last Russian consulate", "said it would recall its ambassadors from Bamako", "said it
/// would deploy 40,000 troops near the border": a state's own measure against another (a cut in relations, root 16,
/// or a deployment, 154) told in the plain future ("will", "would", "shall") is the
/// measure decided, not a threat of it. Hedged, conditional or threatening words anywhere in the clause before the
/// anchor ("threatened to", "warned it would", "could", "if", "ready to", "vowed to") keep the intention (131, 138).
fn announced_measure(code: &str, lemmas: &[&str], clause_start: usize, anchor: usize) -> bool {
    if !(code.starts_with("16") || code == "154") || anchor == 0 {
        return false;
    }
    let window = &lemmas[clause_start.min(anchor).max(anchor.saturating_sub(20))..anchor];
    // (Not "plans to": a plan is still an intention.)
    let future = window.iter().any(|w| matches!(*w, "will" | "would" | "shall" | "'ll"));
    let hedged = window.iter().any(|w| {
        matches!(
            *w,
            "threaten"
                | "threat"
                | "warn"
                | "warning"
                | "vow"
                | "pledge"
                | "promise"
                | "swear"
                | "ready"
                | "willing"
                | "prepare"
                | "consider"
                | "weigh"
                | "mull"
                | "could"
                | "might"
                | "may"
                | "if"
                | "unless"
                | "whether"
                | "hope"
                | "want"
                | "seek"
                | "aim"
                | "wish"
                | "propose"
                | "offer"
                | "urge"
                | "call"
                | "demand"
                | "ask"
        )
    });
    // "will impose sanctions unless …", "will deploy troops if …": a condition after the anchor too.
    let condition = lemmas[anchor + 1..]
        .iter()
        .take(16)
        .take_while(|w| !matches!(**w, "." | ";"))
        .any(|w| matches!(*w, "if" | "unless"));
    future && !hedged && !condition
}

/// "pressed an offensive to drive Ukrainian troops out of the region": a mass expulsion (201) is of civilians; a
/// side's troops or police driven out are fought (190), as a mass killing of combatants is.
/// "Qatar is hosting talks between Kinshasa and the M23": the host mediates (045, its pattern) and the two sides it
/// hosts negotiate with each other (046, both ways); "Egypt brokered a truce between Israel and Hamas": the sides
/// declare the truce toward each other (0871, both ways). Only for talks or negotiations a host holds or arranges now
/// (not a meeting hosted, not talks "mediated" in the past), and only between two or more distinct sides. `text`
/// is the sentence, which starts at byte `offset` of the document.
fn hosted_talks_parties(text: &str, offset: usize, start: usize, out: &mut Vec<Event>) {
    let mut extra: Vec<Event> = Vec::new();
    for e in &out[start..] {
        if e.code != "045" || e.mode != Mode::Asserted {
            continue;
        }
        let words = text.get(e.evidence.start.saturating_sub(offset)..e.evidence.end.saturating_sub(offset));
        let has = |w: &str| words.is_some_and(|t| t.contains(w));
        // Talks hosted are negotiated (046); a ceasefire or truce brokered between two sides is declared by both (0871).
        let (code, rule) = if e.rule.starts_with("045.host-talks-between") && (has("talks") || has("negotiations")) {
            ("046", "046.hosted-talks-parties")
        } else if e.rule.starts_with("045.broker") && has(" between") && (has("ceasefire") || has("truce")) {
            ("0871", "0871.brokered-truce-parties")
        } else {
            continue;
        };
        let sides: Vec<&Event> = out[start..].iter().filter(|f| f.code == "045" && f.evidence == e.evidence).collect();
        for a in &sides {
            for b in &sides {
                let (s, t) = (&a.target, &b.target);
                if s.code == t.code || (s.country.is_some() && s.country == t.country && s.agent == t.agent) {
                    continue;
                }
                let dup = |x: &Event| x.code == code && x.source.code == s.code && x.target.code == t.code;
                if out[start..].iter().any(dup) || extra.iter().any(dup) {
                    continue;
                }
                extra.push(Event {
                    source: s.clone(),
                    target: t.clone(),
                    code: code.to_string(),
                    rule: rule.to_string(),
                    ..(*a).clone()
                });
            }
        }
    }
    out.extend(extra);
}

/// "Armenia and Azerbaijan accepted a truce brokered by Russia": two or more sides that accept one ceasefire declare it
/// toward each other (0871, both ways), and the broker mediates between them (045), where the pattern read the broker
/// as the target of each side's acceptance. One side alone ("Hamas accepted a truce proposed by Egypt") keeps it.
fn truce_accepted_by_both_sides(start: usize, out: &mut Vec<Event>) {
    let rule = |e: &Event| e.rule.starts_with("0871.accept-truce-proposed-by") && e.mode == Mode::Asserted;
    let Some(first) = out[start..].iter().find(|e| rule(e)) else { return };
    let (evidence, broker) = (first.evidence, first.target.clone());
    let mut sides: Vec<Event> = Vec::new();
    for e in out[start..].iter().filter(|e| rule(e) && e.evidence == evidence) {
        if !sides.iter().any(|s| s.source.code == e.source.code) {
            sides.push(e.clone());
        }
    }
    if sides.len() < 2 || sides.iter().any(|s| s.source.country.is_some() && s.source.country == broker.country) {
        return;
    }
    out.retain(|e| !(rule(e) && e.evidence == evidence));
    for a in &sides {
        for b in &sides {
            if a.source.code != b.source.code {
                let truce = "0871.truce-accepted-by-sides".to_string();
                out.push(Event { target: b.source.clone(), rule: truce, ..a.clone() });
            }
        }
        let mediated = "045.truce-brokered-for-sides".to_string();
        out.push(Event {
            source: broker.clone(),
            target: a.source.clone(),
            code: "045".into(),
            rule: mediated,
            ..a.clone()
        });
    }
}

fn expelled_troops(start: usize, out: &mut [Event]) {
    for e in out[start..].iter_mut() {
        if e.code == "201" && matches!(e.target.agent.as_deref(), Some("MIL" | "COP")) {
            e.code = "190".into();
            e.rule.push_str("+combatants");
        }
    }
}

/// "said Iran had made a big mistake and would pay for it": the judgment is the criticism 111 its pattern codes, and
/// the penalty promised right after it ("and would pay", "and will have to pay") is a threat 138 of the same speaker
/// toward the same side, coded as well.
fn mistake_and_pay(text: &str, offset: usize, start: usize, out: &mut Vec<Event>) {
    let mut extra = Vec::new();
    for e in &out[start..] {
        if e.code != "111" || !e.rule.starts_with("111.say-made-mistake") {
            continue;
        }
        let Some(rest) = text.get(e.evidence.end.saturating_sub(offset)..) else { continue };
        let rest = rest.trim_start().to_lowercase();
        let rest = rest.strip_prefix("and ").unwrap_or("");
        let pays = ["will", "would", "shall"].iter().any(|m| {
            rest.strip_prefix(m).is_some_and(|r| {
                let r = r.trim_start();
                let r = r.strip_prefix("have to ").or_else(|| r.strip_prefix("be made to ")).unwrap_or(r);
                r.starts_with("pay ") || r.starts_with("pay.") || r.starts_with("pay,")
            })
        });
        if pays {
            let mut t = e.clone();
            t.code = "138".to_string();
            t.rule = format!("138.made-mistake-and-pay+{}", e.rule);
            extra.push(t);
        }
    }
    out.extend(extra);
}

/// Who killed or wounded whom, and how many: the one recoding of killings done straight to civilians, over the
/// sentence's events once its patterns and their target-less variants have made them (`text` is the sentence, which
/// starts at byte `offset` of the document).
/// - A killing or wounding asserted by the verb's own pattern ("police shot dead two protesters", "gunmen killed 30
///   villagers", "settlers injured five residents"; `HARM_PATTERNS`) of civilians: police repress (175); armed
///   groups, gangs and settlers assault (1823 kill, 182 wound). Armies and other actors stay in 19, as does a killing
///   in clashes, shelling or strikes (other patterns), and a participle's toll ("bombarded the city, killing eight
///   people" keeps the code of the act it follows). A riot, a repression or a deportation the emission already told
///   (145, 175, 174) keeps its code.
/// - A counted killing ("Gunmen killed at least 40 villagers", "the gang killed dozens of people"): a non-state armed
///   group that kills a counted crowd of civilians (dozens, or twenty and more; a state named bare counts as its
///   people) with a finite verb commits a mass killing (202), not an exchange of fire (190) nor a single assault
///   (1823). A participle after a comma (", killing 32 people") gives the toll of the act it follows, which keeps its
///   own code, and so does a killing by a state's forces. Conversely a count of soldiers or police killed ("killed
///   hundreds of civilians and soldiers") is fighting (190) for them.
fn killings_of_civilians(text: &str, offset: usize, start: usize, out: &mut [Event]) {
    /// The patterns of a killing or wounding whose object is its victim (the other patterns of 18 to 20 tell
    /// clashes, shelling and strikes).
    const HARM_PATTERNS: [&str; 6] =
        ["190.kill", "190.kill-count", "190.killing-of-by", "193.shoot-dead", "193.shoot-dead-count", "190.wound"];
    const QUALIFIERS: [&str; 12] =
        ["at", "least", "more", "than", "over", "nearly", "some", "about", "around", "almost", "up", "to"];
    for e in out[start..].iter_mut() {
        let harm_rule = HARM_PATTERNS.contains(&e.rule.as_str());
        let kill_rule = e.rule.starts_with("190.kill-count") || e.rule.starts_with("202.kill-hundreds");
        if !harm_rule && !kill_rule {
            continue;
        }
        let Some(said) = e.evidence.start.checked_sub(offset).and_then(|s| text.get(s..e.evidence.end - offset)) else {
            continue;
        };
        let first = said.split_whitespace().next().unwrap_or("");
        let target_agent = e.target.agent.as_deref();
        // (The rule is the pattern's own, with no tag: asserted, by the pattern's actors, in the pattern's code.)
        let toll = first.eq_ignore_ascii_case("killing") || first.eq_ignore_ascii_case("wounding");
        if e.mode == Mode::Asserted && harm_rule && !toll && target_agent == Some("CVL") {
            let kill = e.rule != "190.wound";
            let harm = match e.source.agent.as_deref() {
                Some("COP") => Some("175"),
                Some("REB" | "CRM" | "SET" | "INS") => Some(if kill { "1823" } else { "182" }),
                _ if e.source.code.starts_with("IMG") => Some(if kill { "1823" } else { "182" }),
                _ => None,
            };
            if let Some(code) = harm {
                e.code = code.into();
                e.rule.push_str("+harm");
            }
        }
        if !kill_rule {
            continue;
        }
        if e.code == "202" && matches!(target_agent, Some("MIL" | "COP")) {
            e.code = "190".into();
            e.rule.push_str("+combatants");
            continue;
        }
        // (190, or 1823 where the killing of civilians by an armed group was told just above.)
        if e.code != "190" && e.code != "1823" {
            continue;
        }
        let armed = e.source.code.starts_with("IMG")
            || matches!(e.source.agent.as_deref(), Some("REB" | "CRM" | "UAF" | "INS"));
        let civilians = match target_agent {
            Some(a) => a == "CVL",
            None => e.target.country.is_some() && e.target.code.len() == 3,
        };
        let mut words = said.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty());
        if !armed || !civilians || !words.next().is_some_and(|w| w.eq_ignore_ascii_case("killed")) {
            continue;
        }
        let Some(count) = words.find(|w| !QUALIFIERS.contains(&w.to_lowercase().as_str())) else { continue };
        let many = matches!(count.to_lowercase().as_str(), "dozens" | "hundreds" | "scores" | "thousands")
            || count.chars().all(|c| c.is_ascii_digit()) && count.parse::<u32>().is_ok_and(|n| n >= 20);
        if many {
            e.code = "202".into();
            e.rule.push_str("+mass");
        }
    }
}

/// After a mention ending at token `b`: "'s", then one to five words that are not a list's "and" or "or", then a
/// comma ("Myanmar's biggest neighbour,"): a possessive appositive.
fn possessive_appositive(lemmas: &[&str], b: usize) -> bool {
    if !matches!(lemmas.get(b), Some(&("'s" | "’s"))) {
        return false;
    }
    let rest = lemmas.get(b + 1..).unwrap_or(&[]);
    let Some(comma) = rest.iter().take(6).position(|l| *l == ",") else { return false };
    comma >= 1 && !rest[..comma].iter().any(|l| matches!(*l, "and" | "or" | "'s" | "’s" | ";" | ":"))
}

/// Whether token `at` lies in a sentence-opening prepositional phrase ("At an emergency session of the Council",
/// "In Kinshasa on Tuesday") that no comma has closed yet.
fn in_opening_phrase(lemmas: &[&str], at: usize) -> bool {
    const OPENERS: [&str; 12] =
        ["at", "in", "on", "during", "after", "before", "following", "amid", "despite", "under", "since", "from"];
    let first = lemmas.first().map(|l| l.to_lowercase());
    first.is_some_and(|f| OPENERS.contains(&f.as_str())) && !lemmas[..at.min(lemmas.len())].contains(&",")
}

/// The pattern of an attack (roots 18 to 20), a hostage-taking or a ban on parties or media (1721, 1722) without
/// its target: the target slot, and when it ends the pattern the words that lead to it ("at", "on", "(southern|)",
/// "(of|led) (by|)"). `None` for other patterns, for passives, and when fewer than two required words remain (a bare
/// "kidnapped" says too little).
fn implied_variant(p: &Pattern, words_of: &[String]) -> Option<Vec<Elem>> {
    let root: u8 = p.code.get(..2)?.parse().ok()?;
    if !((18..=20).contains(&root) || matches!(p.code.as_str(), "1721" | "1722")) || p.mutual {
        return None;
    }
    // Not "shot down 43 missiles", "intercepted drones": defence, not an attack on a side.
    let defence = |e: &Elem| match e {
        Elem::Ids { ids, .. } => ids.iter().any(|&id| matches!(words_of[id as usize].as_str(), "down" | "intercept")),
        _ => false,
    };
    if p.elems.iter().any(defence) {
        return None;
    }
    // Bans: only of parties, media and rallies, which fall on the state's own opposition or people.
    let domestic = |e: &Elem| match e {
        Elem::Ids { ids, .. } => ids.iter().any(|&id| {
            matches!(
                words_of[id as usize].as_str(),
                "party" | "parties" | "newspaper" | "newspapers" | "channel" | "channels" | "rally" | "rallies"
            )
        }),
        _ => false,
    };
    if root == 17 && !p.elems.iter().any(domestic) {
        return None;
    }
    if p.elems.contains(&Elem::Source) {
        return None;
    }
    let t = p.elems.iter().position(|e| *e == Elem::Target)?;
    let mut elems = p.elems.clone();
    elems.remove(t);
    if t == elems.len() {
        let function = |ids: &[u32]| {
            ids.iter().all(|&id| {
                let w = words_of[id as usize].as_str();
                // (Pattern words are compiled to lemmas, with a stem for a final "e": "inside" also gives "insid".)
                let full = format!("{w}e");
                let w = if PREPOSITIONS.contains(&w) || !PREPOSITIONS.contains(&full.as_str()) { w } else { "of" };
                PREPOSITIONS.contains(&w)
                    || matches!(
                        w,
                        "led"
                            | "run"
                            | "belonging"
                            | "organized"
                            | "organised"
                            | "planned"
                            | "called"
                            | "staged"
                            | "target"
                            | "targeting"
                            | "inside"
                            | "insid"
                            | "outside"
                            | "outsid"
                            | "onto"
                            | "throughout"
                            | "toward"
                            | "towards"
                    )
            })
        };
        while matches!(elems.last(), Some(Elem::Ids { optional: true, .. } | Elem::Gap(_))) {
            elems.pop();
        }
        if let Some(Elem::Ids { ids, optional: false }) = elems.last() {
            if function(ids) {
                elems.pop();
            }
        }
        while matches!(elems.last(), Some(Elem::Ids { optional: true, .. } | Elem::Gap(_))) {
            elems.pop();
        }
    }
    let literals = elems.iter().filter(|e| matches!(e, Elem::Ids { optional: false, .. })).count();
    (literals >= 2).then_some(elems)
}

fn in_span(inner: Span, outer: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// The code an event gets given its mode: intentions become "express intent" (03) codes, appeals become 02 codes,
/// refusals become rejections (12); other negated events are dropped. Returns the code and a rule suffix.
/// The reduce-relations code (16x) for cooperation that is suspended, halted or ended: talks → 164, mediation →
/// 165, diplomatic cooperation → 161, material cooperation → 160, aid → 162 and its sub-codes.
fn reduce_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "045" => "165",
        "071" => "1621",
        "072" => "1622",
        "073" => "1623",
        _ => match &code[..2] {
            "04" => "164",
            "05" => "161",
            "06" => "160",
            "07" => "162",
            _ => return None,
        },
    })
}

/// Whether the act at token `anchor` is only one a deal or a rule would enable, or one an apposition ranks:
/// "an accord that will allow each side to deploy troops on the other's soil for joint drills", "…, the first time a
/// NATO member has fired on Russian jets". The words are
/// looked for in the anchor's clause (back to a comma or semicolon, at most twelve tokens).
fn enabled_or_ranked(lemmas: &[&str], anchor: usize) -> bool {
    let from = anchor.saturating_sub(12);
    for k in (from..anchor).rev() {
        match lemmas[k] {
            ";" | ":" | "." => return false,
            "," => {
                // ", the first time …" (the comma opens the apposition).
                return lemmas.get(k + 1) == Some(&"the")
                    && lemmas.get(k + 2).is_some_and(|l| matches!(*l, "first" | "second" | "third" | "last"))
                    && lemmas.get(k + 3) == Some(&"time");
            }
            // "allow X to …", "enable the two navies to …": what is permitted is not done.
            "to" if (k.saturating_sub(5)..k).any(|j| matches!(lemmas[j], "allow" | "enable" | "permit")) => {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// "It was Erdogan's first visit to Greece in six years.", "This is the third summit since …", "It was the
/// deadliest attack in years": "it"/"this"/"that" and a present or past "be", then within the noun phrase an
/// ordinal or a superlative. Such a sentence ranks an act already told and reports no new one. Not "It will be
/// the first visit …" (a plan).
fn is_ranking_remark(lemmas: &[&str]) -> bool {
    if lemmas.len() < 4 || !matches!(lemmas[0], "it" | "this" | "that") || lemmas[1] != "be" {
        return false;
    }
    let rank = |l: &str| {
        matches!(
            l,
            "first"
                | "second"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
                | "tenth"
                | "latest"
                | "last"
                | "deadliest"
                | "biggest"
                | "largest"
                | "worst"
                | "bloodiest"
        ) || (l.len() > 2
            && l.as_bytes()[0].is_ascii_digit()
            && (l.ends_with("th") || l.ends_with("st") || l.ends_with("nd") || l.ends_with("rd")))
    };
    // The rank opens the noun phrase: after "the" or a possessive ("its", "Erdogan's"), not an adverb ("It was
    // Turkey that first hosted …").
    let end = lemmas.len().min(9);
    (3..end).take_while(|&k| !matches!(lemmas[k - 1], "," | ";" | "and" | "that" | "who")).any(|k| {
        rank(lemmas[k])
            && (matches!(lemmas[k - 1], "the" | "its" | "his" | "her" | "their" | "our" | "'s" | "’s" | "'" | "’")
                || lemmas[k - 1].ends_with("'s")
                || lemmas[k - 1].ends_with("’s"))
    })
}

fn recode(code: &str, mode: Mode, refusal: bool) -> Option<(String, &'static str)> {
    let root: u8 = code[..2].parse().ok()?;
    let same = || Some((code.to_string(), ""));
    match mode {
        Mode::Asserted | Mode::Hypothetical => same(),
        Mode::Intended => {
            let c = match (root, code) {
                (_, "050") => "030",
                (_, "045") => "039",
                (4, _) => "036",
                (5, _) => "032",
                (6, "061") => "0311",
                (6, "062") => "0312",
                (6, "063") => "0313",
                (6, "064") => "0314",
                (6, _) => "031",
                (7, _) => "033",
                (8, "081") => "0351",
                (8, "085") => "0353",
                (8, "087") => "0356",
                (8, _) => "035",
                (14, _) => "133",
                (15 | 19, _) => "138",
                (16, _) => "131",
                (17, _) => "137",
                (18, _) => "1383",
                (20, _) => "1385",
                _ => return same(),
            };
            Some((c.to_string(), "+intent"))
        }
        Mode::Appeal => {
            let c = match root {
                3 | 5 => "022",
                4 => "026",
                6 => "021",
                7 => "023",
                8 => "025",
                _ => return same(),
            };
            Some((c.to_string(), "+appeal"))
        }
        Mode::Negated => {
            if !refusal {
                return None;
            }
            let c = match (root, code) {
                (5, "057") => "127",
                (4, _) => "125",
                (3 | 5, _) => "120",
                (6, _) => "121",
                (7, _) => "122",
                (8, _) => "124",
                _ => return None,
            };
            Some((c.to_string(), "+reject"))
        }
    }
}

/// A group of actor mentions acting together: one mention, "China and Belarus", or "the two sides".
#[derive(Clone, Debug)]
struct Group {
    members: Vec<usize>,
    tok_start: usize,
    tok_end: usize,
}

struct Match {
    target: Option<usize>,
    source: Option<usize>,
    /// One past the last literal token of the pattern.
    evidence_end: usize,
    end: usize,
    reciprocal: bool,
    /// The last actor slot, a target, holds "itself"/"themselves": the subject is its own target ("Iraq had attacked
    /// itself"), which reported speech turns into the speaker's accusation and which alone is no event.
    reflexive: bool,
    /// Whether a final target may sit inside a noun phrase ("the arrest of X").
    np_target: bool,
    /// A target slot filled by a definite act or statement with no actor of its own ("welcomed the decision",
    /// "rejected the report"): the noun's token, and the actor it was aimed at when one follows ("the attack on
    /// Kyiv"). The target is then the author of that act, found among the document's earlier events.
    implied_act: Option<(usize, Option<usize>)>,
    /// An investigation (root 09): its target slot may hold an act of force with no author named ("opened an
    /// investigation into the attack"), whose author is then the target, as for [`Match::implied_act`].
    probe: bool,
    /// A protest pattern (root 14): a place that is no actor may fill its last target slot ("gathered outside the
    /// courthouse"); whom the protest is against then comes from its purpose, as for a protest with no object.
    protest: bool,
    /// The target slot holds only a number ("France announced it would expel 35"): the object is the one of the same
    /// act earlier in the sentence ("Germany expelled 40 Russian diplomats").
    elided: bool,
}

/// The patterns, the target-less variants and their indices by anchor id: what tells a verb boundary.
type AnchorPatterns<'a> = (&'a [Pattern], &'a [Pattern], &'a [Vec<usize>]);

/// A sentence's tokens with its actor groups laid over them.
struct Sentence<'a> {
    text: &'a str,
    offset: usize,
    tokens: &'a [Token],
    lemmas: &'a [&'a str],
    mentions: Vec<&'a Mention>,
    groups: Vec<Group>,
    /// For each token, the group it belongs to.
    group_at: Vec<Option<usize>>,
    /// Lemma ids of the tokens (`NO_ID` for words no pattern uses).
    ids: &'a [u32],
    /// Patterns by anchor id: an actor right after an anchor word is its object, not a subject.
    anchors: &'a [Vec<usize>],
    /// Which lemma ids occur in the sentence (a bit per id).
    present: Vec<u64>,
    /// The patterns (and target-less variants by anchor) that tell an anchor word heading a match from one that
    /// heads none ([`Sentence::with_patterns`]); without them every anchor word is a verb boundary.
    patterns: Option<AnchorPatterns<'a>>,
    /// Per token, whether it is a verb boundary, once asked ([`Sentence::is_anchor`]): 0 unknown, 1 yes, 2 no,
    /// 3 being worked out.
    boundary: Vec<std::cell::Cell<u8>>,
    /// The two parties of the meeting or agreement the document remembers at this sentence, if any
    /// ([`Sentence::with_partners`]).
    partners: &'a [Mention],
    /// The states the document names most, most first (at most two, as bare states): where aid with no recipient
    /// named goes.
    doc_states: &'a [Mention],
    /// The lemma id of "." when the sentence ends with no punctuation of its own (a headline, a test sentence, a
    /// clause cut off by the splitter): a pattern's "." (the end of the clause) then also matches at its end.
    open_end_id: u32,
}

impl<'a> Sentence<'a> {
    fn new(
        text: &'a str,
        offset: usize,
        tokens: &'a [Token],
        lemmas: &'a [&'a str],
        ids: &'a [u32],
        ms: &[&'a Mention],
        anchors: &'a [Vec<usize>],
    ) -> Sentence<'a> {
        let mentions: Vec<&Mention> = ms.to_vec();
        // Token range of each mention.
        let tok_range = |m: &Mention| -> Option<(usize, usize)> {
            let (s, e) = (m.span.start - offset, m.span.end - offset);
            let first = tokens.iter().position(|t| t.span.start >= s)?;
            let last = tokens.iter().rposition(|t| t.span.end <= e)?;
            (first <= last).then_some((first, last + 1))
        };
        let mut groups: Vec<Group> = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            let Some((a, b)) = tok_range(m) else { continue };
            if possessive_before_actor(m, (a, b), lemmas, mentions.get(i + 1).and_then(|n| tok_range(n))) {
                continue;
            }
            if let Some(g) = groups.last_mut() {
                // The same span ("the two sides" is two mentions), or joined by "and", ",", "as well as".
                let same = g.tok_start == a && g.tok_end == b;
                let between: Vec<&str> = lemmas[g.tok_end.min(a)..a].to_vec();
                // "…to Hezbollah, Israel said": a comma before a speaker does not join.
                let speaker_next = lemmas.get(b).is_some_and(|l| SPEECH.contains(l));
                // "Germany expelled 40 diplomats, and France announced …": a new clause, not a list.
                let verb_next = ids.get(b).is_some_and(|&id| id != NO_ID && !anchors[id as usize].is_empty())
                    && !PREPOSITIONS.contains(&lemmas[b]);
                let joined = match between.as_slice() {
                    [","] | [",", "the"] => !speaker_next,
                    // … unless a list is under way: "The US, Russia, and Switzerland met".
                    [",", "and"] | [",", "and", "the"] => !speaker_next && (!verb_next || g.members.len() >= 2),
                    // "marched in Caracas and the United States demanded": a place does not join the next
                    // clause's subject.
                    // "President Kagame and his party", "Hamas and its allies": a possessive after "and" joins too.
                    ["and"] | ["and", "the"] | ["and", "his" | "her" | "its" | "their"] => {
                        let mut k = g.tok_start;
                        while k > 0 && DETERMINERS.contains(&lemmas[k - 1]) {
                            k -= 1;
                        }
                        let place = k > 0 && matches!(lemmas[k - 1], "in" | "at");
                        !(place && verb_next)
                    }
                    ["as", "well", "as"] | ["or"] => true,
                    _ => false,
                };
                let joined = joined || joined_possessives(text, tokens, &between, (a, b));
                // "A Taliban spokesman, Suhail Shaheen, said": a person named in commas after an actor of the same
                // country is that actor, not a second member.
                let first = mentions[g.members[0]];
                let appositive = between.as_slice() == [","]
                    && g.members.len() == 1
                    && m.kind == MentionKind::Person
                    && first.country.is_some()
                    && first.country == m.country
                    && lemmas.get(b) == Some(&",");
                if appositive && g.tok_end <= a {
                    g.tok_end = b;
                    continue;
                }
                // "China, Myanmar's biggest neighbour, sent …": a possessive in commas after a single actor describes
                // it; the described actor alone is the group.
                if between.as_slice() == [","] && g.members.len() == 1 && possessive_appositive(lemmas, b) {
                    g.tok_end = b;
                    continue;
                }
                // "At a session of the Security Council, the United States and France called …": a sentence that
                // opens with a prepositional phrase ends it at its first comma, so the actor inside it does not
                // join the subject after the comma.
                if matches!(between.as_slice(), [","] | [",", "the"])
                    && g.members.len() == 1
                    && in_opening_phrase(lemmas, g.tok_start)
                {
                    groups.push(Group { members: vec![i], tok_start: a, tok_end: b });
                    continue;
                }
                let joined = joined && !splits_clause(text, tokens, lemmas, ids, anchors, g, (a, b), m);
                if same || (g.tok_end <= a && joined) {
                    g.members.push(i);
                    g.tok_end = g.tok_end.max(b);
                    continue;
                }
            }
            // "Egypt, a key mediator, and Qatar said …": a subject list whose first member carries an apposition or
            // a relative clause between commas goes on after it.
            if let Some(gi) = interrupted_list_head(lemmas, ids, anchors, &groups, a) {
                groups[gi].members.push(i);
                groups[gi].tok_end = groups[gi].tok_end.max(b);
                continue;
            }
            groups.push(Group { members: vec![i], tok_start: a, tok_end: b });
        }
        let mut group_at = vec![None; tokens.len()];
        for (gi, g) in groups.iter().enumerate() {
            for slot in &mut group_at[g.tok_start..g.tok_end] {
                *slot = Some(gi);
            }
        }
        let mut present = vec![0u64; anchors.len().div_ceil(64)];
        for &id in ids {
            if id != NO_ID && (id as usize) < anchors.len() {
                present[id as usize / 64] |= 1 << (id % 64);
            }
        }
        let boundary = vec![std::cell::Cell::new(0); tokens.len()];
        Sentence {
            text,
            offset,
            tokens,
            lemmas,
            mentions,
            groups,
            group_at,
            ids,
            anchors,
            present,
            patterns: None,
            boundary,
            partners: &[],
            doc_states: &[],
            open_end_id: NO_ID,
        }
    }

    /// The sentence with the two parties the document remembers ([`participants::Memory::partners`]).
    fn with_partners(mut self, partners: &'a [Mention]) -> Self {
        self.partners = partners;
        self
    }

    /// The other remembered party, when every member of group `g` is of one remembered party's side (a state and
    /// its organs, or one organisation); `None` when nothing is remembered or `g` is no party.
    fn partner_of(&self, g: usize) -> Option<&'a Mention> {
        let [a, b] = self.partners else { return None };
        let side = participants::side;
        let members = &self.groups[g].members;
        let first = side(self.mentions[*members.first()?]);
        if members.iter().any(|&k| side(self.mentions[k]) != first) {
            return None;
        }
        if side(a) == first && side(b) != first {
            Some(b)
        } else if side(b) == first && side(a) != first {
            Some(a)
        } else {
            None
        }
    }

    /// The sentence whose anchor words are verb boundaries only where they may be verbs: where one of their
    /// patterns (or target-less variants) matches, or where the word does not stand as a noun or adjective does
    /// ([`Sentence::in_noun_position`]). An anchor word that heads no match there ("a convoy of refugees was
    /// attacked", "its partner Russia attacked", "executed the convicted Swedish spy") is an ordinary word.
    fn with_patterns(mut self, patterns: &'a [Pattern], implied: &'a [Pattern], implied_by: &'a [Vec<usize>]) -> Self {
        self.patterns = Some((patterns, implied, implied_by));
        self
    }

    /// Whether some token of the sentence has this lemma id.
    fn has_id(&self, id: u32) -> bool {
        self.present.get(id as usize / 64).is_some_and(|w| w & (1 << (id % 64)) != 0)
    }

    /// Whether a pattern's words and gaps may use token `i`: not part of an actor, or part of a role only filled in
    /// from context ("rescue workers", "delegation-level talks"), which reads as a plain word too.
    fn is_plain(&self, i: usize) -> bool {
        match self.group_at[i] {
            None => true,
            Some(g) => self.groups[g].members.iter().all(|&m| self.mentions[m].via == Via::Context),
        }
    }

    /// Whether token `i` is part of a place named after "in" or "at" ("held talks in the Kremlin with …"), which a
    /// gap may cross.
    fn is_locative(&self, i: usize) -> bool {
        let Some(g) = self.group_at[i] else { return false };
        let mut k = self.groups[g].tok_start;
        while k > 0 && DETERMINERS.contains(&self.lemmas[k - 1]) {
            k -= 1;
        }
        k > 0 && matches!(self.lemmas[k - 1], "in" | "at")
    }

    /// Mentions of places where something happens: a state, capital, city or seat of government named after "in",
    /// "at" or "to" ("in the Kremlin", "to the White House", "in Beijing").
    fn places(&self) -> Vec<&'a Mention> {
        let mut out = Vec::new();
        for g in &self.groups {
            let mut k = g.tok_start;
            while k > 0 && DETERMINERS.contains(&self.lemmas[k - 1]) {
                k -= 1;
            }
            if k > 0 && matches!(self.lemmas[k - 1], "in" | "at" | "to") {
                for &m in &g.members {
                    let mm = self.mentions[m];
                    if matches!(mm.kind, MentionKind::State | MentionKind::Organisation) && mm.country.is_some() {
                        out.push(mm);
                    }
                }
            }
        }
        out
    }

    fn is_number(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Number
            || matches!(
                self.lemmas[i],
                "one"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "eleven"
                    | "twelve"
                    | "fifteen"
                    | "twenty"
                    | "thirty"
                    | "forty"
                    | "fifty"
                    | "hundred"
                    | "hundreds"
                    | "thousand"
                    | "thousands"
                    | "dozen"
                    | "dozens"
                    | "scores"
                    | "several"
                    | "million"
                    | "millions"
            )
    }

    fn is_quantity(&self, i: usize) -> bool {
        self.is_number(i)
            || matches!(
                self.lemmas[i],
                "a" | "an"
                    | "the"
                    | "its"
                    | "their"
                    | "at"
                    | "least"
                    | "more"
                    | "than"
                    | "about"
                    | "some"
                    | "up"
                    | "to"
                    | "nearly"
                    | "around"
                    | "over"
                    | "almost"
                    | "approximately"
                    | "roughly"
                    | "many"
            )
    }

    fn is_anchor(&self, i: usize) -> bool {
        let id = self.ids[i];
        if id == NO_ID || self.anchors[id as usize].is_empty() {
            return false;
        }
        let Some((patterns, implied, implied_by)) = self.patterns else { return true };
        match self.boundary[i].get() {
            1 | 3 => return true,
            2 => return false,
            _ => {}
        }
        if !self.in_noun_position(i) {
            self.boundary[i].set(1);
            return true;
        }
        // Matching may ask about later words (modifiers before a target): meanwhile this one counts as a verb.
        self.boundary[i].set(3);
        let matched = self.group_at[i].is_none()
            && (self.anchors[id as usize].iter().any(|&p| self.match_pattern(&patterns[p], i).is_some())
                || implied_by
                    .get(id as usize)
                    .is_some_and(|c| c.iter().any(|&p| self.match_pattern(&implied[p], i).is_some())));
        self.boundary[i].set(if matched { 1 } else { 2 });
        matched
    }

    fn word(&self, i: usize) -> &str {
        &self.text[self.tokens[i].span.start..self.tokens[i].span.end]
    }

    /// Whether token `i` stands where a noun or an adjective does, not a verb: first in the sentence, or after a
    /// determiner, possessive, number or preposition (not "to"), across up to two adjectives ("a convoy of", "its
    /// new partner Russia", "the disputed islands", "fired on falling drones").
    fn in_noun_position(&self, i: usize) -> bool {
        let mut k = i;
        for _ in 0..3 {
            if k == 0 {
                return true;
            }
            let l = self.lemmas[k - 1];
            if matches!(self.word(k - 1), "'s" | "’s" | "'" | "’") {
                return self.group_at[k - 1].is_none() && k >= 2 && self.group_at[k - 2].is_some();
            }
            if self.group_at[k - 1].is_some() {
                return false;
            }
            if DETERMINERS.contains(&l)
                || matches!(l, "this" | "these" | "those" | "no" | "any" | "every" | "each" | "many" | "such")
                || self.tokens[k - 1].kind == TokenKind::Number
                || (PREPOSITIONS.contains(&l) && l != "to")
            {
                return true;
            }
            // Only an adjective between ("its new partner Russia", "a humanitarian convoy"): a word after a noun
            // may be a verb ("the stopover came", "a cartoon depicting Lai").
            let w = self.word(k - 1);
            let id = self.ids[k - 1];
            let adjective = self.tokens[k - 1].kind == TokenKind::Word
                && w.chars().all(|c| c.is_lowercase() || c == '-')
                && (id == NO_ID || self.anchors[id as usize].is_empty())
                && (matches!(
                    w,
                    "new"
                        | "former"
                        | "senior"
                        | "top"
                        | "key"
                        | "main"
                        | "major"
                        | "close"
                        | "old"
                        | "long"
                        | "first"
                        | "last"
                        | "latest"
                        | "next"
                        | "large"
                        | "small"
                        | "big"
                        | "joint"
                        | "fresh"
                ) || ["al", "ic", "ive", "ous", "ful", "ary", "ian", "ern"]
                    .iter()
                    .any(|x| w.ends_with(x) && w.len() > 4));
            if !adjective {
                return false;
            }
            k -= 1;
        }
        false
    }

    /// The group starting at token `i`, after determiners.
    fn group_starting(&self, mut i: usize) -> Option<(usize, usize)> {
        // Determiners, and courtesy titles before a known person ("praised Mr. Xi", "met Dr Tedros").
        while i < self.tokens.len()
            && self.group_at[i].is_none()
            && (DETERMINERS.contains(&self.lemmas[i])
                || matches!(self.word(i), "Mr" | "Mr." | "Mrs" | "Mrs." | "Ms" | "Ms." | "Dr" | "Dr." | "Madam")
                || (self.word(i) == "." && i > 0 && matches!(self.word(i - 1), "Mr" | "Mrs" | "Ms" | "Dr")))
        {
            i += 1;
        }
        // Up to two modifiers: "neighbouring Turkey", "the autonomous Azerbaijani republic", "war-torn Mozambique"
        // (a hyphenated compound counts as one).
        let mut skipped = 0;
        let n = self.tokens.len();
        let lower = |k: usize| {
            self.group_at[k].is_none()
                && self.tokens[k].kind == TokenKind::Word
                && self.word(k).chars().all(|c| c.is_lowercase())
        };
        // A capitalised name of a people or faction no dictionary knows ("Shona rebels", "Moslem fundamentalist
        // demonstrators") may stand before a role that the context placed, and only there.
        let mut named_modifier = false;
        while skipped < 2 && i < n && self.group_at[i].is_none() {
            // The parts of a compound may be event words themselves ("war-torn", "conflict-hit").
            let compound =
                skipped == 0 && i + 2 < n && lower(i) && matches!(self.word(i + 1), "-" | "–") && lower(i + 2);
            let named = !compound && self.is_name_modifier(i);
            if !compound && !named && !self.is_modifier(i) {
                break;
            }
            named_modifier |= named;
            // A compound fills both places: "war-torn Mozambique", not "more high-quality Brazilian".
            i += if compound { 3 } else { 1 };
            skipped += if compound { 2 } else { 1 };
        }
        let g = self.group_at.get(i).copied().flatten()?;
        if named_modifier && !self.groups[g].members.iter().all(|&m| self.mentions[m].via == Via::Context) {
            return None;
        }
        (self.groups[g].tok_start == i).then_some((g, self.groups[g].tok_end))
    }

    /// A capitalised word inside the sentence that is no actor, no title and no event word ("Shona", "Karen",
    /// "Moslem"): a possible name of a people or faction before a role.
    fn is_name_modifier(&self, i: usize) -> bool {
        let w = self.word(i);
        let mut chars = w.chars();
        i > 0
            && self.group_at[i].is_none()
            && self.tokens[i].kind == TokenKind::Word
            && w.len() > 2
            && chars.next().is_some_and(char::is_uppercase)
            && chars.all(char::is_lowercase)
            && !matches!(self.lemmas[i - 1], "." | "!" | "?" | "\"" | ":")
            && !self.is_anchor(i)
    }

    /// A lower-case word that can stand before a noun: not a preposition, conjunction, verb of a pattern or number.
    fn is_modifier(&self, i: usize) -> bool {
        let w = self.word(i);
        let l = self.lemmas[i];
        self.tokens[i].kind == TokenKind::Word
            && w.chars().all(|c| c.is_lowercase() || c == '-')
            && !PREPOSITIONS.contains(&l)
            && !matches!(
                l,
                "and"
                    | "or"
                    | "but"
                    | "that"
                    | "which"
                    | "who"
                    | "to"
                    | "be"
                    | "have"
                    | "not"
                    | "it"
                    | "they"
                    | "once"
                    | "when"
                    | "while"
                    | "until"
                    | "because"
                    | "unless"
                    | "although"
                    | "whereas"
                    | "if"
            )
            && !self.is_anchor(i)
    }

    fn match_pattern(&self, p: &Pattern, anchor: usize) -> Option<Match> {
        // A word the pattern needs is missing from the sentence: no match, without trying.
        if !p.required.iter().all(|alts| alts.iter().any(|&id| self.has_id(id))) {
            return None;
        }
        // "in protest at/against/over" names the purpose of another act ("recalled its ambassador in protest at
        // …", "marched in protest against …"): that act is coded by its own pattern, no demonstration here.
        if p.code.starts_with("14") && anchor > 0 && self.lemmas[anchor] == "protest" && self.lemmas[anchor - 1] == "in"
        {
            return None;
        }
        // Attitudes (statements, appeals, praise, demands, criticism, rejection, threats, protest, reduced
        // relations) may take their target inside a noun phrase: "condemned the arrest of X", "rejected comments by X".
        // Not for an anchor that is itself an adjective ("the alleged violations by").
        let np_target = matches!(&p.code[..2], "01" | "02" | "05" | "10" | "11" | "12" | "13" | "14" | "16")
            && !(anchor > 0 && DETERMINERS.contains(&self.lemmas[anchor - 1]));
        let mut st = Match {
            target: None,
            source: None,
            evidence_end: anchor + 1,
            end: anchor,
            reciprocal: false,
            reflexive: false,
            np_target,
            implied_act: None,
            probe: p.code.starts_with("09"),
            protest: p.code.starts_with("14"),
            elided: false,
        };
        if self.match_from(&p.elems, 0, anchor, &mut st) {
            Some(st)
        } else {
            None
        }
    }

    /// Whether token `i` is the head noun of a possessed actor ("Slovakia's military", "Kenya's police") that a
    /// pattern's word after a gap reads as a plain word: "halted Slovakia's military aid to Ukraine" (the pattern
    /// wants "military aid"). Only a head followed by another word of the pattern's noun phrase (not a verb slot).
    fn possessed_head(&self, i: usize, k: usize, elems: &[Elem]) -> bool {
        let Some(g) = self.group_at[i] else { return false };
        k > 0
            && matches!(elems[k - 1], Elem::Gap(_))
            && k + 1 < elems.len()
            && matches!(elems[k + 1], Elem::Ids { .. })
            && self.groups[g].tok_end == i + 1
            && i > 0
            && matches!(self.word(i - 1), "'s" | "’s")
            && self.group_at[i - 1] == Some(g)
    }

    /// Whether token `t` is the possessor part (up to and with "'s") of a possessed actor ("Slovakia's" in
    /// "Slovakia's military"), which a gap crosses when the pattern reads the head as its own word.
    fn possessed_head_owner(&self, t: usize) -> bool {
        let Some(g) = self.group_at[t] else { return false };
        let end = self.groups[g].tok_end;
        end >= 2 && t < end - 1 && matches!(self.word(end - 2), "'s" | "’s")
    }

    /// Whether token `i` is the emphatic "own" right after a possessive determiner ("its own", "their own").
    fn own_after_possessive(&self, i: usize) -> bool {
        i > 0
            && i < self.tokens.len()
            && self.lemmas[i] == "own"
            && matches!(self.lemmas[i - 1], "its" | "their" | "his" | "her" | "our" | "my" | "your")
    }

    fn match_from(&self, elems: &[Elem], k: usize, i: usize, st: &mut Match) -> bool {
        if k == elems.len() {
            st.end = i;
            return true;
        }
        let n = self.tokens.len();
        // A time adverbial inside a pattern ("gave a warm welcome on Thursday to", "demanded Friday that") is
        // crossed: the next element is matched after it. A slot tries after it first (a weekday is no actor); a word
        // tries at it first (patterns that spell out "on Monday" keep matching as written).
        if k > 0 && matches!(elems[k], Elem::Target | Elem::Source) {
            let t = self.time_adverbial_len(i);
            if t > 0 && self.match_from(elems, k, i + t, st) {
                return true;
            }
        }
        match &elems[k] {
            Elem::Ids { ids, optional } => {
                // "Iraq attacked Iran" with no full stop: the sentence's end closes the clause as "." would.
                if i == n && self.open_end_id != NO_ID && ids.contains(&self.open_end_id) {
                    return self.match_from(elems, k + 1, i, st);
                }
                if i < n && (self.is_plain(i) || self.possessed_head(i, k, elems)) && ids.contains(&self.ids[i]) {
                    let saved = st.evidence_end;
                    st.evidence_end = st.evidence_end.max(i + 1);
                    if self.match_from(elems, k + 1, i + 1, st) {
                        return true;
                    }
                    st.evidence_end = saved;
                }
                if *optional && self.match_from(elems, k + 1, i, st) {
                    return true;
                }
                if k > 0 {
                    let t = self.time_adverbial_len(i);
                    if t > 0 {
                        return self.match_from(elems, k, i + t, st);
                    }
                    // "recalled its own ambassador", "severed their own ties with": the emphatic "own" after a
                    // possessive is crossed like a time adverbial (a pattern that spells "own" matched it above).
                    if self.own_after_possessive(i) {
                        return self.match_from(elems, k, i + 1, st);
                    }
                }
                false
            }
            Elem::Words(_) => unreachable!("patterns are interned when the coder is built"),
            Elem::Number => {
                if i < n && self.is_plain(i) && self.is_number(i) {
                    // "at least 20", "more than 2,800", "up to 16" read as one number.
                    let saved = st.evidence_end;
                    st.evidence_end = st.evidence_end.max(i + 1);
                    if self.match_from(elems, k + 1, i + 1, st) {
                        return true;
                    }
                    st.evidence_end = saved;
                }
                false
            }
            Elem::Quantity { optional } => {
                if *optional && self.match_from(elems, k + 1, i, st) {
                    return true;
                }
                let mut j = i;
                while j < n && j < i + 3 && self.is_plain(j) && self.is_quantity(j) {
                    j += 1;
                    let saved = st.evidence_end;
                    st.evidence_end = st.evidence_end.max(j);
                    if self.match_from(elems, k + 1, j, st) {
                        return true;
                    }
                    st.evidence_end = saved;
                }
                false
            }
            Elem::Gap(max) => {
                let slots_left = elems[k + 1..].iter().any(|e| matches!(e, Elem::Target | Elem::Source));
                // The gap counts words, not tokens: a hyphenated compound ("a decades-old water-sharing treaty") is
                // one word however many parts it has.
                let hyphen = |t: usize| matches!(self.word(t), "-" | "–");
                let mut words = 0usize;
                for j in i..=n {
                    if j > i {
                        let t = j - 1;
                        if !(hyphen(t) || (t > i && hyphen(t - 1))) {
                            words += 1;
                            if words > *max {
                                break;
                            }
                        }
                        // A possessor inside the gap ("send Russia's best specialists to help France") is part of a
                        // noun phrase the gap crosses.
                        let possessor = self.group_at[t].is_some_and(|g| {
                            let end = self.groups[g].tok_end;
                            end < n && matches!(self.word(end), "'s" | "’s" | "'" | "’")
                        });
                        // "halted Slovakia's military aid": the possessor of an actor the pattern reads on into.
                        let possessor = possessor || self.possessed_head_owner(t);
                        // A place in a document's name ("signed the Athens Declaration", "the Minsk Agreements").
                        let in_name = self.group_at[t].is_some_and(|g| {
                            let end = self.groups[g].tok_end;
                            end < n
                                && self.group_at[end].is_none()
                                && matches!(
                                    self.word(end),
                                    "Declaration"
                                        | "Agreement"
                                        | "Agreements"
                                        | "Accord"
                                        | "Accords"
                                        | "Treaty"
                                        | "Protocol"
                                        | "Memorandum"
                                        | "Charter"
                                        | "Communique"
                                        | "Statement"
                                        | "Roadmap"
                                        | "Framework"
                                        | "Convention"
                                        | "Pact"
                                        | "Initiative"
                                        | "Format"
                                        | "Process"
                                        | "Plan"
                                        | "Consensus"
                                )
                        });
                        // An actor in a phrase of the gap's own, once the pattern has no slot left to fill: "called
                        // the U.S. tariffs on Canadian goods an attack" (see `in_gap_phrase`).
                        let own_phrase = !slots_left && self.in_gap_phrase(t, i);
                        // A pair named as a modifier, once the pattern has no slot left to fill: "elevated the
                        // India-Australia relationship to …".
                        let pair_modifier = !slots_left
                            && self.group_at[t].is_some()
                            && ((t + 1 < n && hyphen(t + 1)) || (t > i && hyphen(t - 1)));
                        // Nor across a subordinate clause: "lift sanctions once the agency verifies …".
                        if !(self.is_plain(t)
                            || self.is_locative(t)
                            || possessor
                            || in_name
                            || own_phrase
                            || pair_modifier)
                            || matches!(self.word(t), ";" | ":" | "." | "!" | "?" | ",")
                            || matches!(
                                self.lemmas[t],
                                "once" | "when" | "while" | "until" | "because" | "unless" | "although" | "whereas"
                            )
                        {
                            break;
                        }
                    }
                    if self.match_from(elems, k + 1, j, st) {
                        return true;
                    }
                }
                false
            }
            Elem::Target | Elem::Source => {
                // "each other", "one another": the subject's own members.
                if k == elems.len() - 1 || matches!(elems[k], Elem::Target) {
                    let two = |a: &str, b: &str| i + 1 < n && self.lemmas[i] == a && self.lemmas[i + 1] == b;
                    if matches!(elems[k], Elem::Target) && (two("each", "other") || two("one", "another")) {
                        st.reciprocal = true;
                        return self.match_from(elems, k + 1, i + 2, st);
                    }
                    // "Each side accused the other (side) of …": the same reciprocal (a single subject gives nothing).
                    if matches!(elems[k], Elem::Target) {
                        if let Some(end) = self.the_other_side(i) {
                            st.reciprocal = true;
                            return self.match_from(elems, k + 1, end, st);
                        }
                    }
                    if matches!(elems[k], Elem::Target)
                        && !elems[k + 1..].iter().any(|e| matches!(e, Elem::Target | Elem::Source))
                        && i < n
                        && matches!(self.lemmas[i], "itself" | "themselves" | "themselve")
                        && self.group_at[i].is_none()
                    {
                        st.reflexive = true;
                        return self.match_from(elems, k + 1, i + 1, st);
                    }
                }
                let last_target = k == elems.len() - 1 && matches!(elems[k], Elem::Target) && st.np_target;
                let found = self.group_starting(i).or_else(|| self.titled_person(i)).or_else(|| {
                    if !last_target {
                        return None;
                    }
                    self.noun_phrase_object(i).and_then(|j| self.group_starting(j))
                });
                // "camps near the Thai border": a state that only names where a border runs is no slot's actor.
                let found = found.filter(|&(g, _)| !self.border_descriptor(g));
                let Some((g, end)) = found else {
                    // "welcomed the decision", "rejected the report", "condemned the attack on Kyiv": an act whose
                    // author goes unnamed here (the coder finds it among the document's earlier events).
                    if matches!(elems[k], Elem::Target) && (st.np_target || st.probe) && st.implied_act.is_none() {
                        // (An investigation only of an act of force: "a probe into the allegations" looks into the
                        // accused, not the accuser.)
                        let act = self.implied_act_at(i).filter(|&(noun, _, _)| {
                            st.np_target || act_family(self.lemmas[noun]) == Some(ActFamily::Violence)
                        });
                        if let Some((noun, victim, end)) = act {
                            st.implied_act = Some((noun, victim));
                            if self.match_from(elems, k + 1, end, st) {
                                return true;
                            }
                            st.implied_act = None;
                        }
                    }
                    // "Germany expelled 40 Russian diplomats, and France announced it would expel 35."
                    if k == elems.len() - 1
                        && i < self.tokens.len()
                        && self.tokens[i].kind == TokenKind::Number
                        && self
                            .tokens
                            .get(i + 1)
                            .is_none_or(|t| matches!(&self.text[t.span.start..t.span.end], "." | ";" | "," | "!" | "?"))
                    {
                        st.elided = true;
                        if self.match_from(elems, k + 1, i + 1, st) {
                            return true;
                        }
                        st.elided = false;
                    }
                    if st.protest && k == elems.len() - 1 {
                        if let Some(end) = self.place_phrase(i) {
                            return self.match_from(elems, k + 1, end, st);
                        }
                    }
                    return false;
                };
                // "killed by the Malaysia Airlines flight crash": the actor names what crashed, not who acts.
                if matches!(elems[k], Elem::Source) && self.modifies_accident_noun(end) {
                    return false;
                }
                let saved = (st.target, st.source);
                if matches!(elems[k], Elem::Target) {
                    st.target = Some(g);
                } else {
                    st.source = Some(g);
                }
                // A possessive after the actor ("Belarus' internal affairs") stays with it.
                let mut j = end;
                if j < n && matches!(self.word(j), "'s" | "’s" | "'" | "’") {
                    j += 1;
                }
                if self.match_from(elems, k + 1, j, st) {
                    return true;
                }
                (st.target, st.source) = saved;
                false
            }
        }
    }

    /// "the other", "the other side", "the other party" as a reciprocal object opening at `i` ("Each side accused the
    /// other of …"): one past its end. Not "the other side of the debate", "the other countries", "the other's".
    fn the_other_side(&self, i: usize) -> Option<usize> {
        let n = self.lemmas.len();
        // (A gap before the slot may already have taken "the".)
        let other = if i + 1 < n && self.lemmas[i] == "the" && self.lemmas[i + 1] == "other" {
            i + 1
        } else if i > 0 && i < n && self.lemmas[i - 1] == "the" && self.lemmas[i] == "other" {
            i
        } else {
            return None;
        };
        let (i, mut end) = (other - 1, other + 1);
        if end < n && matches!(self.lemmas[end], "side" | "party" | "country") && self.word(end) != "sides" {
            end += 1;
        }
        let free = end >= n
            || matches!(
                self.lemmas[end],
                "of" | "for" | "over" | "in" | "on" | "," | "." | "and" | "to" | "as" | "after"
            ) && !(end > i + 2 && self.lemmas[end] == "of" && !self.of_gerund(end));
        (free && self.group_at[i].is_none()).then_some(end)
    }

    /// "of" followed by a verb in -ing or by "being"/"having" ("accused the other side of violating").
    fn of_gerund(&self, of: usize) -> bool {
        of + 1 < self.lemmas.len() && self.word(of + 1).ends_with("ing")
    }

    /// Whether group `g` is a country word that only says where a border runs: "near the Thai border", "along the
    /// Lebanese frontier", "on the Syrian border" (a place, not a party). "a Thai border post" is Thai.
    fn border_descriptor(&self, g: usize) -> bool {
        let grp = &self.groups[g];
        let n = self.tokens.len();
        if grp.members.len() != 1 || grp.tok_end >= n || !matches!(self.lemmas[grp.tok_end], "border" | "frontier") {
            return false;
        }
        // Not "the Thai border town/post/guards": the border word must end the phrase.
        if grp.tok_end + 1 < n
            && self.tokens[grp.tok_end + 1].kind == TokenKind::Word
            && self.is_modifier(grp.tok_end + 1)
        {
            return false;
        }
        let mut k = grp.tok_start;
        while k > 0
            && self.group_at[k - 1].is_none()
            && (DETERMINERS.contains(&self.lemmas[k - 1])
                || matches!(
                    self.lemmas[k - 1],
                    "eastern"
                        | "western"
                        | "northern"
                        | "southern"
                        | "northeastern"
                        | "northwestern"
                        | "southeastern"
                        | "southwestern"
                ))
        {
            k -= 1;
        }
        k > 0 && matches!(self.lemmas[k - 1], "near" | "along" | "on" | "by" | "close")
    }

    /// The length of a time adverbial starting at token `i`, or 0: a weekday ("Monday", "on Monday", "late on
    /// Monday", "on Monday night"), "today", "yesterday", "tonight", "last week", "earlier this month".
    fn time_adverbial_len(&self, i: usize) -> usize {
        let n = self.tokens.len();
        let lemma = |k: usize| if k < n { self.lemmas[k] } else { "" };
        let weekday = |l: &str| WEEKDAYS.contains(&l);
        let part = |l: &str| matches!(l, "night" | "morning" | "evening" | "afternoon");
        let mut j = i;
        if matches!(lemma(j), "late" | "early") && lemma(j + 1) == "on" {
            j += 1;
        }
        if lemma(j) == "on" && weekday(lemma(j + 1)) {
            j += 1;
        }
        if weekday(lemma(j)) {
            j += 1;
            if part(lemma(j)) {
                j += 1;
            }
            return if self.group_at[i..j].iter().all(Option::is_none) { j - i } else { 0 };
        }
        if j != i {
            return 0;
        }
        match lemma(i) {
            "today" | "yesterday" | "tonight" => 1,
            "last" | "this" | "earlier" | "later" if matches!(lemma(i + 1), "week" | "weekend" | "month") => 2,
            "earlier" | "later" if lemma(i + 1) == "this" && matches!(lemma(i + 2), "week" | "month" | "year") => 3,
            _ => 0,
        }
    }

    /// Whether the actor that ends before token `end` modifies a noun of accident within the next four words
    /// ("the Malaysia Airlines flight MH17 crash", "a Russian train derailment"): a thing that happened, no agent.
    fn modifies_accident_noun(&self, end: usize) -> bool {
        (end..self.tokens.len().min(end + 4))
            .take_while(|&k| self.group_at[k].is_none() && self.tokens[k].kind != TokenKind::Punct)
            .any(|k| {
                matches!(
                    self.lemmas[k],
                    "crash" | "accident" | "collision" | "derailment" | "disaster" | "stampede" | "shipwreck"
                )
            })
    }

    /// Whether token `t` belongs to an actor that a preposition inside a gap opened at `gap_start` governs, over
    /// determiners and one modifier ("tariffs on Canadian goods", "measures against the Lithuanian firms"): part of
    /// a noun phrase the gap crosses, not a slot's actor.
    fn in_gap_phrase(&self, t: usize, gap_start: usize) -> bool {
        let Some(g) = self.group_at[t] else { return false };
        let mut s = self.groups[g].tok_start;
        let mut modifiers = 0;
        while s > gap_start
            && self.group_at[s - 1].is_none()
            && (DETERMINERS.contains(&self.lemmas[s - 1]) || (modifiers == 0 && self.is_modifier(s - 1)))
        {
            if !DETERMINERS.contains(&self.lemmas[s - 1]) {
                modifiers += 1;
            }
            s -= 1;
        }
        s > gap_start && self.group_at[s - 1].is_none() && PREPOSITIONS.contains(&self.lemmas[s - 1])
    }

    /// A person named after a title dyad does not know as an agent word: "Director Yang Jiechi", "Director of the
    /// Office of the Central Foreign Affairs Commission Wang Yi". Capitalised words (with "of", "the", "for", "and"
    /// between them) up to a known person, who is the group.
    fn titled_person(&self, i: usize) -> Option<(usize, usize)> {
        let n = self.tokens.len();
        let mut j = i;
        while j < n && j < i + 3 && self.group_at[j].is_none() && matches!(self.lemmas[j], "the" | "a") {
            j += 1;
        }
        let first = j;
        let capital = |k: usize| self.tokens[k].kind == TokenKind::Word && self.word(k).starts_with(char::is_uppercase);
        // A role word inside the title ("Acting Chairman of …") is part of it.
        while j < n && j < first + 12 && self.is_plain(j) {
            let joiner = matches!(self.word(j), "of" | "the" | "for" | "and")
                && j + 1 < n
                && (capital(j + 1) || self.group_at[j + 1].is_some() || self.word(j + 1) == "the");
            if !(capital(j) || joiner || self.word(j) == "-") {
                return None;
            }
            j += 1;
        }
        if j == first || j >= n || !capital(first) {
            return None;
        }
        let g = self.group_at[j]?;
        let grp = &self.groups[g];
        (grp.tok_start == j
            && !self.is_plain(j)
            && grp.members.iter().all(|&m| self.mentions[m].kind == MentionKind::Person))
        .then_some((g, grp.tok_end))
    }

    /// "the arrest of", "recent comments by", "its deployment of": a noun phrase starting at `i` whose head is an
    /// act or a statement, and whose actor follows "of", "by", "against" or "on"; the token after that preposition.
    fn noun_phrase_object(&self, i: usize) -> Option<usize> {
        let n = self.tokens.len();
        let mut j = i;
        while j < n && j < i + 4 && self.is_plain(j) && !is_act_noun(self.lemmas[j]) {
            let l = self.lemmas[j];
            let ok = matches!(l, "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "these" | "recent")
                || self.is_modifier(j);
            if !ok {
                return None;
            }
            j += 1;
        }
        (j + 1 < n
            && self.is_plain(j)
            && is_act_noun(self.lemmas[j])
            && matches!(self.lemmas[j + 1], "of" | "by" | "against" | "on"))
        .then_some(j + 2)
    }

    /// A definite noun phrase naming a place or building that is no actor ("the city's courthouse", "the
    /// parliament building", "the presidential palace"): the token after it.
    fn place_phrase(&self, i: usize) -> Option<usize> {
        let n = self.tokens.len();
        if i >= n || !matches!(self.lemmas[i], "the" | "a" | "an") {
            return None;
        }
        let mut j = i + 1;
        let mut nouns = 0;
        while j < n && j < i + 6 && self.group_at[j].is_none() {
            let w = self.word(j);
            if matches!(w, "'s" | "’s") {
                j += 1;
                continue;
            }
            let wordlike = self.tokens[j].kind == TokenKind::Word
                && !PREPOSITIONS.contains(&self.lemmas[j])
                && !matches!(self.lemmas[j], "and" | "or" | "but" | "that" | "which" | "who" | "to" | "be" | "have")
                && !w.ends_with("ed");
            if !wordlike {
                break;
            }
            nouns += 1;
            j += 1;
        }
        (nouns > 0).then_some(j)
    }

    /// A definite noun phrase at `i` whose head is an act or statement with no author named in it ("the decision",
    /// "these allegations", "the latest attack on Kyiv", "its findings"): the head's token, the group of a victim
    /// named after "on", "against", "in" or "of" (if any), and the token after the phrase. `None` when an actor comes
    /// before the head (it is then the target itself) or after "by"/"from" (likewise).
    fn implied_act_at(&self, i: usize) -> Option<(usize, Option<usize>, usize)> {
        let n = self.tokens.len();
        if i >= n
            || !self.is_plain(i)
            || !matches!(self.lemmas[i], "the" | "this" | "that" | "these" | "those" | "its" | "their" | "his" | "her")
        {
            return None;
        }
        let mut j = i + 1;
        while j < n && j < i + 4 && self.group_at[j].is_none() && act_family(self.lemmas[j]).is_none() {
            // "the resumption of the bombing": the act is the one inside.
            if let Some(k) = self.act_frame_end(j) {
                j = k;
                continue;
            }
            // ("the alleged mass killings", "the reported strikes": hedges and "mass" before the act; "the
            // Zapad-2025 drills": the act's own name, capitalised words, numbers and hyphens that name no actor.)
            if !(self.is_modifier(j)
                || ((j > i + 1 || self.lemmas[i] == "the") && self.is_act_name(j))
                || matches!(
                    self.lemmas[j],
                    "latest" | "recent" | "new" | "last" | "alleged" | "reported" | "suspected" | "apparent" | "mass"
                ))
            {
                return None;
            }
            j += 1;
        }
        if j >= n || self.group_at[j].is_some() || act_family(self.lemmas[j]).is_none() {
            return None;
        }
        // A compound ("the attack helicopters", "the report card") is another noun.
        if j + 1 < n
            && self.group_at[j + 1].is_none()
            && self.is_modifier(j + 1)
            && act_family(self.lemmas[j + 1]).is_none()
            && !is_verdict(self.word(j + 1))
        {
            // (An article starts the next phrase: "called the move a provocation".)
            let w = self.word(j + 1);
            if !w.ends_with("ed") && !w.ends_with("ing") && !matches!(w, "as" | "that" | "which" | "a" | "an") {
                return None;
            }
        }
        // "the sanctions imposed on both nations by Western countries": a participle phrase names its own actors.
        if j + 1 < n
            && self.group_at[j + 1].is_none()
            && self.word(j + 1).ends_with("ed")
            && !is_verdict(self.word(j + 1))
        {
            return None;
        }
        let mut end = j + 1;
        let mut victim = None;
        if end < n && self.group_at[end].is_none() {
            match self.lemmas[end] {
                // The author named after all: a target of its own, not an implied one.
                "by" | "from" if self.group_starting(end + 1).is_some() => return None,
                "on" | "against" | "in" | "of" | "at" => {
                    if let Some((g, e)) = self.group_starting(end + 1) {
                        // "the attack on Qatari territory", "on Polish soil": a place of the state, whoever the act
                        // fell on there (a group's leaders in its capital), so no victim to match.
                        let place = e < n
                            && self.group_at[e].is_none()
                            && matches!(self.lemmas[e], "territory" | "soil" | "airspace");
                        if place {
                            end = e + 1;
                        } else {
                            victim = Some(g);
                            end = e;
                        }
                    }
                }
                _ => {}
            }
        }
        Some((j, victim, end))
    }

    /// Whether token `j` (no actor) is part of an act's proper name before its head: a capitalised word that is not
    /// the sentence's first, a number, or a hyphen ("the Zapad-2025 drills", "the Vostok exercises").
    fn is_act_name(&self, j: usize) -> bool {
        let w = self.word(j);
        j > 0
            && self.group_at[j].is_none()
            && (self.tokens[j].kind == TokenKind::Number
                || w == "-"
                || (self.tokens[j].kind == TokenKind::Word
                    && w.starts_with(char::is_uppercase)
                    && w.chars().skip(1).all(|c| c.is_lowercase() || c.is_ascii_digit())))
    }

    /// The act a clause opens with as the subject of the verb at `anchor`, over auxiliaries and adverbs ("The
    /// launch drew …", "The strikes were also condemned …", "The move has prompted …"): its head and victim as
    /// [`Sentence::implied_act_at`] reads them.
    fn act_subject_of(&self, anchor: usize) -> Option<(usize, Option<usize>)> {
        let start = self.clause_start(anchor);
        let (noun, victim, end) = self.implied_act_at(start)?;
        let aux = (end..anchor).all(|t| {
            matches!(
                self.lemmas[t],
                "be" | "have"
                    | "also"
                    | "quickly"
                    | "swiftly"
                    | "immediately"
                    | "widely"
                    | "later"
                    | "since"
                    | "already"
            )
        });
        (end <= anchor && aux).then_some((noun, victim))
    }

    /// The author of an act the sentence refers to without naming it ("welcomed the decision", "rejected the
    /// report"): the source of the latest event of the act's kind in the document so far (this sentence and the three
    /// before it) that is not the subject's own, aimed at the victim's state when the phrase names one. Returns the
    /// authors and the event's root.
    ///
    /// Every author of a joint act: one coded once per member with the same words ("Russia and Belarus began joint
    /// drills", "Britain, Canada and Australia recognised …") is answered to each ("called the drills aggressive").
    /// The author of the act's own event comes first; never empty.
    fn act_authors(
        &self,
        noun: usize,
        victim: Option<usize>,
        subj: usize,
        sentence: Option<usize>,
        so_far: &[Event],
    ) -> Option<(Vec<Mention>, u8)> {
        let family = act_family(self.lemmas[noun])?;
        let subj_ms: Vec<&Mention> = self.groups[subj].members.iter().map(|&m| self.mentions[m]).collect();
        let victim_country = victim.and_then(|g| self.mentions[self.groups[g].members[0]].country.clone());
        let bare = |m: &Mention| m.agent.is_none();
        let cur = sentence.unwrap_or(0);
        // "The attack", "the assault" told later in a story is the one its lead reports: the first such event in
        // the last eight sentences. Statements and decisions are answered as they come: the latest of the last four.
        let violence = family == ActFamily::Violence;
        // ("The drills", "the exercises", "the launch" told later in a story are also its lead's act, from as far.)
        let military = matches!(
            self.lemmas[noun].strip_suffix('s').unwrap_or(self.lemmas[noun]),
            "drill" | "exercise" | "manoeuvre" | "maneuver" | "launch" | "launche" | "deployment"
        );
        // (So is "the visit", "the agreement": a readout's lead event, praised at its end.)
        let accord = family == ActFamily::Accord;
        let window = if violence || military || accord { 8 } else { 3 };
        let recent = so_far.iter().rposition(|e| e.sentence.is_some_and(|s| s + window < cur)).map_or(0, |k| k + 1);
        let candidates = &so_far[recent..];
        let ordered: Box<dyn Iterator<Item = &Event>> =
            if violence { Box::new(candidates.iter()) } else { Box::new(candidates.iter().rev()) };
        // A reaction is an act of its own only as a statement: "rejected the criticism" answers a condemnation that
        // answered something else; "the decision", "the findings", "the attack" are not reactions.
        let reaction_noun = matches!(
            self.lemmas[noun].strip_suffix('s').unwrap_or(self.lemmas[noun]),
            "criticism" | "condemnation" | "statement" | "remark" | "comment"
        );
        let eligible = |e: &Event| -> Option<u8> {
            if !matches!(e.mode, Mode::Asserted | Mode::Intended) || (!reaction_noun && e.rule.ends_with("+answers")) {
                return None;
            }
            let root: u8 = accused_act_root(e).unwrap_or_else(|| e.code[..2].parse().unwrap_or(0));
            let (author, victim) = act_parties(e);
            let kind_ok = match family {
                // Force, riots, and for a seizure or crackdown also coercion; not an expulsion or a protest.
                ActFamily::Violence => {
                    (18..=20).contains(&root)
                        || e.code == "145"
                        // (Police who killed protesters repressed them, 175: "the killings" still name that act.)
                        || e.code == "175"
                        // ("the incursion": also drones or jets flown into a state's airspace, 15.)
                        || (root == 15 && self.lemmas[noun].starts_with("incursion"))
                        || (root == 17
                            && matches!(
                                self.lemmas[noun].strip_suffix('s').unwrap_or(self.lemmas[noun]),
                                "crackdown" | "seizure" | "abduction" | "kidnapping" | "interception"
                                // ("condemned the raid", "the incursion", "the storming": police forcing their way
                                // into an embassy or a compound, 171.)
                                | "raid" | "incursion" | "storming" | "storm"
                            ))
                }
                ActFamily::Charge => matches!(root, 9..=13 | 17),
                // (A warrant is a court's legal action only.)
                ActFamily::Decision if self.lemmas[noun].starts_with("warrant") => root == 17,
                ActFamily::Decision => matches!(root, 3 | 5..=8 | 12 | 15..=17),
                // A visit is a meeting made (04); an accord is signed or pledged (03, 05, 06).
                ActFamily::Accord if self.lemmas[noun].starts_with("visit") => root == 4,
                ActFamily::Accord => matches!(root, 3 | 5 | 6),
            };
            if !kind_ok {
                return None;
            }
            if victim_country.is_some() && victim.country != victim_country {
                return None;
            }
            let own = subj_ms.iter().any(|s| {
                s.code == author.code
                    || (s.country.is_some() && s.country == author.country && (bare(s) || bare(author)))
            });
            if own
                || author.agent.as_deref() == Some("MED")
                || author.country.is_none() && !author.code.starts_with("IGO") && !author.code.starts_with("NGO")
            {
                return None;
            }
            Some(root)
        };
        let mut ordered = ordered;
        let (first, root) = ordered.find_map(|e| eligible(e).map(|r| (e, r)))?;
        // A state answering "the strikes" whose first candidate is its own armed group's act answers instead a foreign
        // state's act that fell on it, when the story told one ("India struck sites in Pakistan, two weeks after
        // gunmen killed 26 people in India … Pakistan called the strikes an act of war").
        let subj_countries: Vec<&String> = subj_ms.iter().filter_map(|s| s.country.as_ref()).collect();
        let compatriot = |m: &Mention| m.country.as_ref().is_some_and(|c| subj_countries.contains(&c));
        // (Likewise a state whose first candidate is a third side's act: "Iran fired missiles at a base in Qatar …
        // Qatar condemned the attack" answers the act that fell on Qatar, not the story's lead strikes elsewhere.)
        let fell_on_subject = |e: &Event| {
            let (author, victim) = act_parties(e);
            !compatriot(author) && compatriot(victim)
        };
        // (Only an act told in a later sentence than the lead's: the lead's own sentence names its act first.)
        let third_party = !fell_on_subject(first)
            && candidates.iter().any(|e| e.sentence > first.sentence && fell_on_subject(e) && eligible(e).is_some());
        let (first, root) = if violence && victim_country.is_none() && (compatriot(act_parties(first).0) || third_party)
        {
            candidates
                .iter()
                .find_map(|e| {
                    let (author, victim) = act_parties(e);
                    (!compatriot(author) && compatriot(victim) && (!third_party || e.sentence > first.sentence))
                        .then(|| eligible(e).map(|r| (e, r)))
                        .flatten()
                })
                .unwrap_or((first, root))
        } else {
            (first, root)
        };
        let mut authors = vec![act_parties(first).0.clone()];
        // The other members of a joint act: events of the same sentence, code and words by another source.
        for e in candidates {
            if e.sentence == first.sentence
                && e.evidence == first.evidence
                && e.code == first.code
                && e.mode == first.mode
                && authors.iter().all(|a| a.code != act_parties(e).0.code)
                && eligible(e).is_some()
            {
                authors.push(act_parties(e).0.clone());
            }
        }
        Some((authors, root))
    }

    /// The side whose remarks the subject protested just before, when "the remarks", "the comments" or "the
    /// statement" has no author among the document's acts: the target of the subject's own latest protest or
    /// criticism (110 to 116) in this sentence or the two before ("summoned Japan's ambassador over the prime
    /// minister's remarks … said the remarks were extremely wrong"). `None` for any other noun.
    fn protested_remarks_author(
        &self,
        noun: usize,
        subj: usize,
        sentence: Option<usize>,
        so_far: &[Event],
    ) -> Option<Mention> {
        let head = self.lemmas[noun].strip_suffix('s').unwrap_or(self.lemmas[noun]);
        if !matches!(head, "remark" | "comment" | "statement") {
            return None;
        }
        let cur = sentence?;
        let subj_ms: Vec<&Mention> = self.groups[subj].members.iter().map(|&m| self.mentions[m]).collect();
        let same_side =
            |m: &Mention| subj_ms.iter().any(|s| s.code == m.code || (s.country.is_some() && s.country == m.country));
        so_far
            .iter()
            .rev()
            .take_while(|e| e.sentence.is_some_and(|s| s + 2 >= cur))
            .find(|e| {
                e.code.starts_with("11")
                    && e.mode == Mode::Asserted
                    && same_side(&e.source)
                    && !same_side(&e.target)
                    && e.target.country.is_some()
            })
            .map(|e| e.target.clone())
    }

    /// The subject of the clause an appositive act noun at `noun` sums up ("Belgrade declared a day of mourning, a
    /// step that drew criticism in Pristina", "…, a move that angered Beijing"): the first group before the comma that
    /// opens the appositive that can be a subject, in the same clause. `None` when the noun is no act or no comma and
    /// article open its phrase.
    fn appositive_act_author(&self, noun: usize) -> Option<usize> {
        let head = self.lemmas[noun];
        // (Decisions only: "…, an attack that killed 20" may follow a passive clause whose first actor is the victim.)
        if act_family(head) != Some(ActFamily::Decision) && !matches!(head, "step" | "gesture" | "development") {
            return None;
        }
        let mut k = noun;
        while k > 0
            && noun - k < 3
            && self.group_at[k - 1].is_none()
            && !matches!(self.lemmas[k - 1], "a" | "an")
            && self.is_modifier(k - 1)
        {
            k -= 1;
        }
        if k < 2 || !matches!(self.lemmas[k - 1], "a" | "an") || self.word(k - 2) != "," {
            return None;
        }
        let comma = k - 2;
        let start = self.clause_start(comma);
        (0..self.groups.len()).find(|&g| {
            let grp = &self.groups[g];
            grp.tok_start >= start && grp.tok_end <= comma && self.can_be_subject(g, true)
        })
    }

    /// Whether every member of the group is a state's own people acting as civilians or opposition: protesters,
    /// students, workers, activists ("CVL", "OPP", "LAB", "EDU").
    fn is_civil(&self, g: usize) -> bool {
        self.groups[g].members.iter().all(|&m| {
            let mm = self.mentions[m];
            mm.country.is_some() && matches!(mm.agent.as_deref(), Some("CVL" | "OPP" | "LAB" | "EDU"))
        })
    }

    /// The actor a protest is against, named in its purpose after the anchor: "to demand that President Maduro step
    /// down", "against the military junta", "to denounce Japan's purchase", "in defiance of Chinese authorities".
    /// Whether every member of the group is a state or one of its organs that can impose rules on it: government,
    /// military, police, courts, legislature.
    fn is_state_organ(&self, g: usize) -> bool {
        self.groups[g].members.iter().all(|&m| {
            let mm = self.mentions[m];
            mm.country.is_some() && matches!(mm.agent.as_deref(), None | Some("GOV" | "MIL" | "COP" | "JUD" | "LEG"))
        })
    }

    /// The group accused by a verb joined to the anchor's by "and" ("denied … and accused London of …", "rejected
    /// the report and blamed the army"): the side a denial answers.
    fn accused_after(&self, anchor: usize) -> Option<usize> {
        let n = self.tokens.len();
        (anchor + 1..n.saturating_sub(1)).find_map(|k| {
            if !(matches!(self.lemmas[k], "accuse" | "blame") && self.lemmas[k - 1] == "and") {
                return None;
            }
            // Not across another clause's subject: "…, and Moscow accused …".
            let g = self.group_starting(k + 1)?.0;
            Some(g)
        })
    }

    /// The author of the latest charge against the group's state among the events coded so far in the document:
    /// an accusation or criticism (11), a threat (13), an investigation (09) or legal action (17) whose target
    /// belongs to the same state as the group, by another actor (a foreign state, or the denier's own police).
    fn accuser(&self, g: usize, so_far: &[Event]) -> Option<Mention> {
        let denier = self.mentions[self.groups[g].members[0]];
        let country = denier.country.as_ref()?;
        so_far
            .iter()
            .rev()
            .find(|e| {
                matches!(&e.code[..2], "09" | "11" | "13" | "17")
                    && e.target.country.as_ref() == Some(country)
                    && e.source.code != denier.code
                    && e.source.country.is_some()
            })
            .map(|e| e.source.clone())
    }

    /// Every author of the latest charge against the group's state ([`Sentence::accuser`]): a charge made jointly,
    /// coded once per member with the same words ("Mali, Niger and Chad accused Algiers of …"), is denied to each
    /// ("Algeria rejected the accusations"). With no charge coded (it was made in reported speech the coder read as
    /// no event: "the minister said the attack had cross-border links"), the denial answers the one foreign side the
    /// document's conflict so far sets against the denier's state ([`Sentence::rival`]). Empty when there is neither.
    fn joint_accusers(&self, g: usize, so_far: &[Event]) -> Vec<Mention> {
        let Some(first) = self.accuser(g, so_far) else {
            // (Only for the sentence's first actor: a denier found inside reported speech, "said Poland was blaming
            // Russia … and dismissed the accusations", is more likely the wrong subject than the denier.)
            let first_actor = self.groups.iter().all(|o| o.tok_start >= self.groups[g].tok_start);
            let own = self.mentions[self.groups[g].members[0]].country.as_ref();
            return match self.rival(g, so_far).filter(|_| first_actor) {
                Some(Aim::Actor(m)) if m.country.is_some() && m.country.as_ref() != own => vec![*m],
                _ => Vec::new(),
            };
        };
        let Some(e0) = so_far
            .iter()
            .rev()
            .find(|e| e.source.code == first.code && matches!(&e.code[..2], "09" | "11" | "13" | "17"))
        else {
            return vec![first];
        };
        let mut out = vec![first];
        for e in so_far {
            if e.sentence == e0.sentence
                && e.evidence == e0.evidence
                && e.code == e0.code
                && e.target.country == e0.target.country
                && e.source.country.is_some()
                && out.iter().all(|a| a.code != e.source.code)
            {
                out.push(e.source.clone());
            }
        }
        out
    }

    /// The first group after the anchor (in the sentence) of a state other than the subject's: "put its forces on
    /// alert to track the Chinese warships", "as Russia massed troops".
    fn other_state_after(&self, anchor: usize, subj: usize) -> Option<Aim> {
        let own = self.mentions[self.groups[subj].members[0]].country.clone();
        let mut seen = None;
        for t in anchor + 1..self.tokens.len() {
            let Some(g) = self.group_at[t] else { continue };
            if seen == Some(g) {
                continue;
            }
            seen = Some(g);
            // (A bare role whose state is only guessed from the document, "the mobilisation of millions of militia
            // members", names no other state.)
            let other = self.groups[g].members.iter().all(|&m| {
                let c = &self.mentions[m].country;
                c.is_some() && *c != own && self.mentions[m].via != Via::Context
            });
            if other {
                return Some(Aim::Group(g));
            }
        }
        None
    }

    /// The author of the latest hostile act (roots 13 to 20) against the group's state coded so far in the document.
    fn adversary(&self, g: usize, so_far: &[Event]) -> Option<Aim> {
        let country = self.mentions[self.groups[g].members[0]].country.as_ref()?;
        so_far
            .iter()
            .rev()
            .find(|e| {
                e.code[..2].parse::<u8>().is_ok_and(|r| (13..=20).contains(&r))
                    && e.target.country.as_ref() == Some(country)
                    && e.source.country.as_ref().is_some_and(|c| c != country)
            })
            .map(|e| Aim::Actor(Box::new(e.source.clone())))
    }

    /// The one other side the document's conflict so far (roots 11 to 20: accusations and threats too, either way)
    /// sets against the group's state: "Thailand deployed troops to the border" after Thailand and Cambodia traded
    /// accusations. `None` when there is none or more than one.
    fn rival(&self, g: usize, so_far: &[Event]) -> Option<Aim> {
        let side = side_of(self.mentions[self.groups[g].members[0]])?;
        sole_adversary_in(side, so_far, 11..=20).map(|(m, _)| Aim::Actor(Box::new(m.clone())))
    }

    /// `None` without a purpose, `Some(None)` for a purpose that names no actor ("to demand accountability").
    fn purpose_target(&self, anchor: usize) -> Option<Option<usize>> {
        let n = self.tokens.len();
        let end = n.min(anchor + 16);
        let mut t = anchor + 1;
        while t < end {
            if matches!(self.word(t), ";" | ":" | "." | "!" | "?") {
                return None;
            }
            if self.group_at[t].is_none()
                && matches!(
                    self.lemmas[t],
                    "demand"
                        | "demanding"
                        | "denounce"
                        | "condemn"
                        | "protest"
                        | "oppose"
                        | "against"
                        | "defiance"
                        | "disapproval"
                        | "press"
                        | "call"
                        | "calling"
                        | "reject"
                        | "criticize"
                        | "criticise"
                        | "chant"
                        | "over"
                )
            {
                // The first actor within a few words that is not a place ("in Yangon").
                for k in t + 1..n.min(t + 8) {
                    if matches!(self.word(k), ";" | ":" | "." | "!" | "?") {
                        break;
                    }
                    if let Some(g) = self.group_at[k] {
                        let mut b = self.groups[g].tok_start;
                        while b > 0 && DETERMINERS.contains(&self.lemmas[b - 1]) {
                            b -= 1;
                        }
                        if b > 0 && matches!(self.lemmas[b - 1], "in" | "at" | "across" | "throughout") {
                            break;
                        }
                        return Some(Some(g));
                    }
                }
                return Some(None);
            }
            t += 1;
        }
        None
    }

    /// The actor inside the subject of a passive verb when the subject's head is no actor: "A camp for Congolese
    /// refugees was attacked by …", "The embassy of Rwanda was stormed by …". The clause must open with that noun
    /// phrase: a determiner or words, then "of"/"for", the actor, and only auxiliaries and adverbs up to the verb.
    fn passive_head_of(&self, anchor: usize) -> Option<usize> {
        let start = self.clause_start(anchor);
        let mut t = start;
        // The head: determiners and lower-case words ("a temporary camp", "the offices").
        while t < anchor && self.group_at[t].is_none() && self.tokens[t].kind == TokenKind::Word {
            if !matches!(self.lemmas[t], "of" | "for") {
                if self.is_anchor(t) {
                    return None;
                }
                t += 1;
                continue;
            }
            let g = self.group_at.get(t + 1).copied().flatten().or_else(|| {
                let (g, _) = self.group_starting(t + 1)?;
                Some(g)
            })?;
            let between = self.groups[g].tok_end..anchor;
            let aux = between.clone().all(|k| {
                matches!(self.lemmas[k], "be" | "have" | "also" | "reportedly" | "allegedly" | "then" | "later")
            });
            return (aux && !between.is_empty()).then_some(g);
        }
        None
    }

    /// Whether a preposition comes before the word, across at most two modifiers ("killed in ethnic riots",
    /// "took part in the riot"): the word is then a noun in a phrase, not the clause's verb.
    fn after_preposition(&self, anchor: usize) -> bool {
        let mut k = anchor;
        let mut skipped = 0;
        while k > 0 && skipped < 3 && self.group_at[k - 1].is_none() {
            let l = self.lemmas[k - 1];
            if PREPOSITIONS.contains(&l) {
                return true;
            }
            if !(DETERMINERS.contains(&l) || self.is_modifier(k - 1)) {
                return false;
            }
            k -= 1;
            skipped += 1;
        }
        false
    }

    /// The first token of the clause that holds token `i`.
    fn clause_start(&self, i: usize) -> usize {
        (0..i).rev().find(|&j| matches!(self.word(j), ";" | ":")).map_or(0, |j| j + 1)
    }

    /// Whether the verb at `verb` makes its object the doer of the infinitive that follows the object (which ends
    /// before `obj_end`): "prompting Lebanese officials to accuse Iran …", "which led Seoul to recall …". Only verbs
    /// of causing, whose infinitive is told as done; "urged X to", "asked X to" are appeals, not acts.
    fn causes_to_act(&self, verb: usize, obj_end: usize) -> bool {
        matches!(self.lemmas[verb], "prompt" | "spur" | "provoke" | "lead" | "cause" | "push" | "drive")
            && obj_end + 1 < self.tokens.len()
            && self.lemmas[obj_end] == "to"
            && self.group_at[obj_end + 1].is_none()
            && self.is_anchor(obj_end + 1)
    }

    /// Whether the group ending at `end` is the object of a verb of causing ([`Sentence::causes_to_act`]), over up to
    /// three determiners or modifiers before it.
    fn caused_subject(&self, end: usize) -> bool {
        let Some(g) = end.checked_sub(1).and_then(|t| self.group_at[t]) else { return false };
        let start = self.groups[g].tok_start;
        (start.saturating_sub(4)..start).rev().any(|k| self.causes_to_act(k, end))
    }

    /// Whether the group can be a subject: not inside a prepositional phrase and not a modifier in a hyphenated
    /// compound ("China-Belarus relations").
    fn can_be_subject(&self, g: usize, skip_objects: bool) -> bool {
        let grp = &self.groups[g];
        let (a, b) = (grp.tok_start, grp.tok_end);
        let mut k = a;
        // (And over "former", "ousted": "supporters of former President X" puts X after a preposition.)
        while k > 0
            && (DETERMINERS.contains(&self.lemmas[k - 1])
                || matches!(self.lemmas[k - 1], "former" | "ousted" | "deposed" | "exiled" | "late"))
            && self.group_at[k - 1].is_none()
        {
            k -= 1;
        }
        if k > 0 && PREPOSITIONS.contains(&self.lemmas[k - 1]) {
            // "Thousands of Iranian protesters", "a group of Syrian lawmakers": the actor is the real subject.
            let quantity = k >= 2
                && self.lemmas[k - 1] == "of"
                && (self.tokens[k - 2].kind == TokenKind::Number
                    || matches!(
                        self.lemmas[k - 2],
                        "thousand"
                            | "thousands"
                            | "hundred"
                            | "hundreds"
                            | "dozen"
                            | "dozens"
                            | "million"
                            | "millions"
                            | "group"
                            | "member"
                            | "number"
                            | "some"
                            | "many"
                            | "most"
                            | "several"
                            | "delegation"
                            | "unit"
                            | "team"
                            | "contingent"
                            | "crowd"
                            | "batch"
                            | "one"
                            | "two"
                            | "three"
                            | "all"
                            // ("The office of President X condemned", "the head of the WHO said": the actor's own
                            // organ or chief speaks for it.)
                            | "office"
                            | "spokesman"
                            | "spokeswoman"
                            | "spokesperson"
                            | "head"
                            | "chief"
                    ));
            if !quantity {
                // "Ministers from both countries signed", "a team of experts from the WHO arrived", "a delegation
                // led by Wang Yi arrived": the actor names the people who act.
                match self.member_head(k) {
                    Some(head) => k = head,
                    None => return false,
                }
            }
        }
        // "Lukashenko, who met Xi, praised China": Xi is the object of "met"; so are "kidnapped up to 16 Russian
        // advisers" and "shelled the southern regional capital Juba" (a verb, then numbers and modifiers).
        if skip_objects {
            let mut j = k;
            let mut steps = 0;
            while j > 0 && steps < 5 && self.group_at[j - 1].is_none() {
                let l = self.lemmas[j - 1];
                let filler = self.tokens[j - 1].kind == TokenKind::Number
                    || DETERMINERS.contains(&l)
                    || matches!(
                        l,
                        "up" | "to" | "at" | "least" | "about" | "some" | "more" | "than" | "nearly" | "almost"
                    )
                    || (self.is_modifier(j - 1) && !self.is_anchor(j - 1));
                if !filler {
                    break;
                }
                j -= 1;
                steps += 1;
            }
            // (A participle after a number, determiner or adverb is an adjective: "30 heavily armed Serb gunmen".)
            let adjective = j == 1
                || (j >= 2
                    && (self.tokens[j - 2].kind == TokenKind::Number
                        || DETERMINERS.contains(&self.lemmas[j - 2])
                        || (self.tokens[j - 2].kind == TokenKind::Word && self.lemmas[j - 2].ends_with("ly"))));
            if j > 0
                && self.group_at[j - 1].is_none()
                && self.is_anchor(j - 1)
                && !SPEECH.contains(&self.lemmas[j - 1])
                && !(adjective && self.word(j - 1).ends_with("ed"))
                && !self.free_compound(j - 1)
                && !self.causes_to_act(j - 1, b)
            {
                return false;
            }
        }
        // An appositive: "Pakistan, a key U.S. ally, refused", "Pakistan, a key U.S. ally in the war against
        // terrorism, has refused": the U.S. is not the subject. (A short one may close within four words of the
        // actor; a longer one needs the head actor right before its opening comma.)
        if let Some(comma) = (0..a).rev().find(|&t| self.word(t) == "," || self.group_at[t].is_some()) {
            if self.word(comma) == "," && matches!(self.lemmas.get(comma + 1).copied(), Some("a" | "an")) {
                let closes_within = |n: usize| (b..self.tokens.len()).take(n).any(|t| self.word(t) == ",");
                let head = comma > 0 && self.group_at[comma - 1].is_some();
                if closes_within(4) || (head && closes_within(9)) {
                    return false;
                }
            }
        }
        let hyphen = |t: usize| matches!(self.word(t), "-" | "–" | "—");
        // "the Saudi-led bloc", "a US-led coalition" act for their leader (but "Russian-backed separatists" are not
        // Russia).
        let led = b + 1 < self.tokens.len() && hyphen(b) && self.word(b + 1) == "led";
        if ((a > 0 && hyphen(a - 1)) || (b < self.tokens.len() && hyphen(b) && !led)) && !self.heads_compound(b) {
            return false;
        }
        true
    }

    /// For an anchor inside a sentence's opening phrase ("In a phone call with Erdogan, …", "During his visit to
    /// China, …"; not "After …" or "Following …", which are background), the subject of the main clause after its
    /// comma.
    fn opening_phrase_subject(&self, anchor: usize) -> Option<usize> {
        if !matches!(self.lemmas.first().copied(), Some("in" | "during" | "at" | "on"))
            || !self.is_nominal(anchor)
            || self.word(anchor).ends_with("ed")
        {
            return None;
        }
        let comma = (1..self.tokens.len()).find(|&k| matches!(self.word(k), "," | ";" | ":"))?;
        if comma <= anchor || self.word(comma) != "," {
            return None;
        }
        let (g, end) = self.group_starting(comma + 1)?;
        // The main clause's verb follows the subject.
        (end < self.tokens.len() && self.tokens[end].kind == TokenKind::Word && self.can_be_subject(g, true))
            .then_some(g)
    }

    /// Whether the event named by a noun at `anchor` is reported as called off after its noun phrase: "Putin's visit
    /// to India was cancelled", "The talks between … have been postponed", "the planned meeting … did not take
    /// place". Not through a relative clause ("the visit, which was postponed last year, took place").
    fn called_off_after(&self, anchor: usize) -> bool {
        let nominal = anchor == 0 || self.is_nominal(anchor);
        if !nominal {
            return false;
        }
        let n = self.tokens.len();
        let mut k = anchor + 1;
        while k < n && k <= anchor + 14 {
            let l = self.lemmas[k];
            if matches!(self.word(k), ";" | ":" | "." | "!" | "?")
                || matches!(l, "which" | "that" | "who" | "but")
                || SPEECH.contains(&l)
            {
                return false;
            }
            if self.group_at[k].is_none() && matches!(l, "be" | "have" | "do" | "fall" | "never") {
                let mut j = k + 1;
                while j < n
                    && matches!(
                        self.lemmas[j],
                        "be" | "been" | "also" | "now" | "reportedly" | "abruptly" | "officially" | "later" | "then"
                    )
                {
                    j += 1;
                }
                let w = |i: usize| self.lemmas.get(i).copied().unwrap_or("");
                let off = matches!(
                    self.word(j.min(n - 1)),
                    "cancelled"
                        | "canceled"
                        | "postponed"
                        | "scrapped"
                        | "delayed"
                        | "shelved"
                        | "suspended"
                        | "abandoned"
                        | "aborted"
                        | "deferred"
                        | "through"
                ) || (matches!(w(j), "call" | "put") && w(j + 1) == "off")
                    || (matches!(w(j), "not" | "n't") && matches!(w(j + 1), "take" | "go") && w(j + 2) == "place")
                    || (l == "never" && w(j) == "take" && w(j + 1) == "place");
                return off;
            }
            // The main verb of another clause ends the noun's phrase.
            if self.group_at[k].is_none() && self.is_anchor(k) && self.word(k).ends_with("ed") {
                return false;
            }
            k += 1;
        }
        false
    }

    /// Whether a condition follows the anchor in its clause ("… if the talks go well", "… unless Kyiv agrees"),
    /// for an act of cooperation, yielding or comment (roots 01 to 09): an intention on a condition is no event.
    /// ("unless" with yielding is a threat, coded elsewhere.)
    fn condition_after(&self, anchor: usize, code: &str) -> bool {
        let root: u8 = code.get(..2).and_then(|r| r.parse().ok()).unwrap_or(0);
        // Only a future ("will", "would"): "is willing to send aid if it is attacked" states a present readiness.
        let future = (anchor.saturating_sub(6)..anchor)
            .any(|k| matches!(self.lemmas[k], "will" | "would" | "shall" | "'ll") && self.group_at[k].is_none());
        if !(1..=9).contains(&root) || !future {
            return false;
        }
        let n = self.tokens.len();
        for k in anchor + 1..n.min(anchor + 20) {
            let l = self.lemmas[k];
            if matches!(self.word(k), ";" | ":" | "." | "!" | "?") || l == "but" {
                return false;
            }
            if l == "if" && !(k > 0 && self.lemmas[k - 1] == "as") {
                return true;
            }
            if l == "unless" && root != 8 {
                return true;
            }
        }
        false
    }

    /// The target of a target-less act of war by the group: the one place of another state the sentence names
    /// ("… overnight in the Kharkiv region"), else the one other state the document's hostilities so far (roots 10
    /// to 20) set the source's state against. `None` when there is none or more than one, and for bans (1721,
    /// 1722), which fall on the state's own people. Not for civilians, and not when a foreign speaker reports it
    /// (an accusation).
    fn unnamed_target(&self, p: &Pattern, anchor: usize, subj: usize, so_far: &[Event]) -> Option<Aim> {
        if p.code.starts_with("172") {
            return None;
        }
        // The subject's own verb, close by: not "accused Azerbaijan of opening fire", not "in breach of …".
        // A participle clause (", firing missiles at …", "and holding others hostage") is the subject's.
        let participle = anchor > 0
            && matches!(self.lemmas[anchor - 1], "," | "and")
            && self.word(anchor).ends_with("ing")
            && self.groups[subj].tok_end < anchor;
        let between = if participle { anchor..anchor } else { self.groups[subj].tok_end..anchor };
        if between.len() > 8
            || self.after_preposition(anchor)
            || between.clone().any(|k| {
                matches!(self.lemmas[k], "of" | "accuse" | "blame" | "deny" | "claim" | "allege" | "," | "and")
            })
        {
            return None;
        }
        let first = self.mentions[self.groups[subj].members[0]];
        let own = first.country.clone()?;
        // Named attackers only: "armed men" resolved from context may be anyone's.
        if self.is_civil(subj)
            || self.groups[subj]
                .members
                .iter()
                .any(|&m| self.mentions[m].country.as_ref() != Some(&own) || self.mentions[m].via == Via::Context)
        {
            return None;
        }
        if let Some(spk) = self.speaker_of(Some(subj), anchor) {
            if self.mentions[self.groups[spk].members[0]].country.as_ref() != Some(&own) {
                return None;
            }
        }
        // A place of another state in the sentence.
        let mut place: Option<(usize, String)> = None;
        for (g, grp) in self.groups.iter().enumerate() {
            let mut k = grp.tok_start;
            while k > 0
                && grp.tok_start - k < 3
                && self.group_at[k - 1].is_none()
                && (DETERMINERS.contains(&self.lemmas[k - 1]) || self.is_modifier(k - 1))
            {
                k -= 1;
            }
            if g == subj
                || k == 0
                || !matches!(self.lemmas[k - 1], "in" | "at" | "near" | "over" | "across")
                || self.border_descriptor(g)
            {
                continue;
            }
            let Some(c) = self.mentions[grp.members[0]].country.clone() else { continue };
            if c == own {
                continue;
            }
            match &place {
                Some((_, pc)) if *pc != c => return None,
                Some(_) => {}
                None => place = Some((g, c)),
            }
        }
        if let Some((g, _)) = place {
            return Some(Aim::Group(g));
        }
        // The one adversary of the document so far.
        let mut other: Option<&Mention> = None;
        for e in so_far.iter().rev() {
            let root: u8 = e.code[..2].parse().unwrap_or(0);
            // (Hostilities, not words: a condemnation makes no war.)
            if !(13..=20).contains(&root) {
                continue;
            }
            let side = if e.source.country.as_ref() == Some(&own) {
                &e.target
            } else if e.target.country.as_ref() == Some(&own) {
                &e.source
            } else {
                continue;
            };
            let Some(c) = side.country.as_ref() else { continue };
            if *c == own {
                continue;
            }
            match other {
                Some(o) if o.country.as_ref() != Some(c) => return None,
                Some(_) => {}
                None => other = Some(side),
            }
        }
        other.map(|o| Aim::Actor(Box::new(o.clone())))
    }

    /// Whether token `t` is the second part of a hyphenated compound ("Rwanda-backed", "Western-trained"): a
    /// modifier of the noun after it, not a verb taking it as object.
    fn in_hyphen_compound(&self, t: usize) -> bool {
        t > 0 && matches!(self.word(t - 1), "-" | "–")
    }

    /// Whether the hyphenated compound ending at token `t` ("Rwanda-backed", "Western-trained") opens its noun
    /// phrase: neither a preposition nor a verb governs it ("received by the military-appointed minister").
    fn free_compound(&self, t: usize) -> bool {
        if t < 2 || !self.in_hyphen_compound(t) {
            return false;
        }
        let mut k = self.group_at[t - 2].map_or(t - 2, |g| self.groups[g].tok_start);
        while k > 0 && self.group_at[k - 1].is_none() && DETERMINERS.contains(&self.lemmas[k - 1]) {
            k -= 1;
        }
        k == 0
            || !(PREPOSITIONS.contains(&self.lemmas[k - 1])
                || (self.group_at[k - 1].is_none() && self.is_anchor(k - 1) && !SPEECH.contains(&self.lemmas[k - 1])))
    }

    /// Whether the actor ending at token `b` names the one who leads, owns or flags the noun after its compound,
    /// which then acts or is acted upon for it: "the Saudi-led coalition struck", "a Norwegian-flagged tanker was
    /// seized", "a Greek-owned vessel". Not "Rwanda-backed" (the backed side acts) nor "China-Belarus ties".
    fn heads_compound(&self, b: usize) -> bool {
        let n = self.tokens.len();
        b + 2 < n
            && matches!(self.word(b), "-" | "–")
            && matches!(self.word(b + 1), "led" | "flagged" | "owned" | "registered" | "operated" | "commanded" | "run")
            && self.group_at[b + 2].is_none()
            && self.tokens[b + 2].kind == TokenKind::Word
    }

    /// The anchor as the participle of a hyphenated compound after an actor: `None` when it is not one, `Some(None)`
    /// when the compound only describes a relation ("Rwanda-backed rebels", "Iran-allied militias", "Russian-occupied
    /// Crimea": no event), `Some(Some(g))` with the actor as the source when the compound reports an act whose
    /// pattern names a target ("a US-brokered truce between Israel and Hamas").
    fn hyphen_compound(&self, anchor: usize) -> Option<Option<usize>> {
        if anchor < 2 || !self.in_hyphen_compound(anchor) {
            return None;
        }
        let g = self.group_at[anchor - 2]?;
        let relation = matches!(
            self.lemmas[anchor],
            "back"
                | "support"
                | "sponsor"
                | "fund"
                | "finance"
                | "arm"
                | "ally"
                | "align"
                | "train"
                | "lead"
                | "flag"
                | "own"
                | "run"
                | "base"
                | "occupy"
                | "control"
                | "hold"
                | "held"
                | "annex"
                | "install"
                | "appoint"
                | "recognise"
                | "recognize"
                | "friendly"
        ) || matches!(self.word(anchor), "backed" | "led" | "held" | "run" | "owned" | "flagged");
        Some((!relation).then_some(g))
    }

    /// For a group whose first token (after determiners) is `k`, right after "from", "of" or "by": the first token of
    /// a noun phrase of people the group qualifies ("ministers from both countries", "a team of experts from the
    /// WHO", "a delegation led by Wang Yi"), or `None` when the preposition belongs to anything else ("the arrest of
    /// X", "diplomats expelled by X" is caught later as an object).
    fn member_head(&self, k: usize) -> Option<usize> {
        if k == 0 {
            return None;
        }
        let p = k - 1;
        let noun = match self.lemmas[p] {
            "from" | "of" => p.checked_sub(1)?,
            // A reduced relative: "a delegation led by", "troops sent by".
            "by" => {
                let v = p.checked_sub(1)?;
                if !matches!(self.word(v), "led" | "headed" | "sent" | "dispatched" | "accompanied" | "representing") {
                    return None;
                }
                v.checked_sub(1)?
            }
            _ => return None,
        };
        // The noun may be a role dyad filled in from context ("Negotiators" alone reads as the document's state).
        if !self.is_plain(noun) || !is_people_noun(&self.word(noun).to_lowercase()) {
            return None;
        }
        // "supporters of the former president", "opponents of the junta": people on the actor's side or against it,
        // who act on their own (the role itself is the subject).
        if matches!(
            self.word(noun).to_lowercase().as_str(),
            "supporters"
                | "supporter"
                | "followers"
                | "loyalists"
                | "opponents"
                | "critics"
                | "backers"
                | "sympathisers"
                | "sympathizers"
        ) {
            return None;
        }
        // Back over "a team of", determiners, numbers and modifiers to the phrase's start.
        let mut start = noun;
        let mut steps = 0;
        while start > 0 && steps < 6 && self.group_at[start - 1].is_none() {
            let l = self.lemmas[start - 1];
            let collective = l == "of"
                && start >= 2
                && self.is_plain(start - 2)
                && is_people_noun(&self.word(start - 2).to_lowercase());
            if collective {
                start -= 2;
            } else if DETERMINERS.contains(&l)
                || self.tokens[start - 1].kind == TokenKind::Number
                || (self.is_modifier(start - 1) && !self.is_anchor(start - 1))
            {
                start -= 1;
            } else {
                break;
            }
            steps += 1;
        }
        Some(start)
    }

    /// "after Russia attacked Ukraine", "as China expanded ties": a group right before the verb (auxiliaries
    /// aside) after a preposition that can also join clauses is that verb's subject.
    fn subject_of_subclause(&self, g: usize, anchor: usize) -> bool {
        let grp = &self.groups[g];
        let aux_only = (grp.tok_end..anchor).all(|t| {
            matches!(self.lemmas[t], "have" | "be" | "will" | "would" | "do" | "also" | "then" | "later" | "'s")
        });
        let mut k = grp.tok_start;
        while k > 0 && DETERMINERS.contains(&self.lemmas[k - 1]) && self.group_at[k - 1].is_none() {
            k -= 1;
        }
        aux_only
            && k > 0
            && matches!(self.lemmas[k - 1], "after" | "before" | "since" | "until" | "as" | "while" | "when" | "once")
    }

    /// The group of two or more actors that speaks the clause holding the anchor: "X and Y announced (that) …",
    /// with no actor between the verb of saying and the anchor.
    fn joint_speakers(&self, anchor: usize) -> Option<usize> {
        let start = self.clause_start(anchor);
        let say = (start..anchor).rev().find(|&t| {
            self.group_at[t].is_none() && (SPEECH.contains(&self.lemmas[t]) || self.lemmas[t] == "confirm")
        })?;
        if (say..anchor).any(|t| !self.is_plain(t) && !self.is_locative(t)) {
            return None;
        }
        let g = self.subject_before(say, false)?;
        (self.groups[g].members.len() >= 2).then_some(g)
    }

    /// Whether the anchor's object is people the text does not name: a number or quantity and a noun of people
    /// ("40 suspects", "hundreds of people", "dozens of demonstrators"), with no actor among them.
    fn unnamed_people_after(&self, anchor: usize) -> bool {
        let n = self.tokens.len();
        let mut k = anchor + 1;
        let mut counted = false;
        while k < n && k < anchor + 5 && self.group_at[k].is_none() && (self.is_quantity(k) || self.lemmas[k] == "of") {
            counted |= self.is_number(k);
            k += 1;
        }
        counted
            && k < n
            && self.group_at[k].is_none()
            && matches!(
                self.word(k),
                "suspects"
                    | "people"
                    | "men"
                    | "women"
                    | "persons"
                    | "individuals"
                    | "activists"
                    | "demonstrators"
                    | "protesters"
                    | "protestors"
                    | "students"
                    | "journalists"
                    | "supporters"
                    | "members"
                    | "others"
                    | "rioters"
            )
            // "52 members of the banned movement": people of a group the text names.
            && !(k + 1 < n && matches!(self.lemmas[k + 1], "of" | "from"))
    }

    /// The first group of the anchor's clause that can be a subject.
    fn first_subject(&self, anchor: usize) -> Option<usize> {
        let start = self.clause_start(anchor);
        let mut last = None;
        for t in start..anchor {
            if let Some(g) = self.group_at[t] {
                if last != Some(g) && self.can_be_subject(g, true) {
                    return Some(g);
                }
                last = Some(g);
            }
        }
        None
    }

    /// Whether the anchor is used as a noun ("its firm support to", "the attack on"): a determiner or possessive
    /// comes before it, with at most a few modifiers between.
    fn is_nominal(&self, anchor: usize) -> bool {
        for t in (anchor.saturating_sub(5)..anchor).rev() {
            if self.group_at[t].is_some() {
                return false;
            }
            let l = self.lemmas[t];
            if matches!(l, "its" | "the" | "a" | "an" | "his" | "her" | "their" | "our" | "'s" | "’s") {
                return true;
            }
            // "kidnapped advisers from a town bazaar and exploded bombs": a conjunction or an auxiliary starts a new
            // verb phrase; the determiner before it belongs to the last one.
            if !self.word(t).chars().all(|c| c.is_lowercase() || c == '-')
                || PREPOSITIONS.contains(&l)
                || matches!(
                    l,
                    "and" | "or" | "but" | "be" | "have" | "will" | "would" | "to" | "that" | "which" | "who"
                )
            {
                return false;
            }
        }
        false
    }

    /// The subject of the verb at `anchor`: the nearest group before it in its clause that can be a subject. For a
    /// nominal anchor the nearest actor is taken even if a verb governs it ("thanked China for its support").
    fn subject_before(&self, anchor: usize, nominal: bool) -> Option<usize> {
        // A relative clause: "the attack, which killed 2,400 Americans" has no actor subject; "Lukashenko, who met
        // Xi" has the actor before "who".
        let mut r = anchor;
        while r > 0 && matches!(self.lemmas[r - 1], "have" | "be" | "also" | "later" | "then" | "reportedly") {
            r -= 1;
        }
        if r > 0 && matches!(self.lemmas[r - 1], "which" | "who" | "that") && self.group_at[r - 1].is_none() {
            let mut a = r - 1;
            while a > 0 && self.word(a - 1) == "," {
                a -= 1;
            }
            // The antecedent may be a name dyad does not know after a role it does ("Vice President Jorge Glas").
            let mut b = a;
            while b > 0
                && a - b < 3
                && self.group_at[b - 1].is_none()
                && self.word(b - 1).starts_with(char::is_uppercase)
            {
                b -= 1;
            }
            if b > 0 && self.group_at[b - 1].is_none() {
                return self.appositive_act_author(b - 1);
            }
            return if b > 0 { self.group_at[b - 1] } else { None };
        }
        // A state adjective opening the anchor's noun phrase is its source: "discussed the Russian invasion of
        // Ukraine" (the speakers are not the invaders), "condemned the latest Israeli air strikes on Gaza".
        {
            let mut t = anchor;
            while t > 0
                && anchor - t < 2
                && self.group_at[t - 1].is_none()
                && !matches!(self.lemmas[t - 1], "the" | "a" | "an")
                && self.is_modifier(t - 1)
            {
                t -= 1;
            }
            if t > 0 {
                if let Some(g) = self.group_at[t - 1] {
                    let grp = &self.groups[g];
                    let mut k = grp.tok_start;
                    while k > 0
                        && self.group_at[k - 1].is_none()
                        && !matches!(self.lemmas[k - 1], "the" | "a" | "an")
                        && self.is_modifier(k - 1)
                        && grp.tok_start - k < 2
                    {
                        k -= 1;
                    }
                    let hyphen = grp.tok_end < self.tokens.len() && matches!(self.word(grp.tok_end), "-" | "–" | "—");
                    if grp.tok_end == t
                        && grp.members.len() == 1
                        && !hyphen
                        && k > 0
                        && matches!(self.lemmas[k - 1], "the" | "a" | "an")
                    {
                        return Some(g);
                    }
                }
            }
        }
        // A possessive right before a noun anchor is its subject: "Tunisia's talks with the IMF", "Russia's brutal
        // attack on Ukraine" (whatever precedes the possessive).
        for t in (anchor.saturating_sub(4)..anchor).rev() {
            if matches!(self.word(t), "'s" | "’s" | "'" | "’") && t > 0 {
                if let Some(g) = self.group_at[t - 1] {
                    return Some(g);
                }
                break;
            }
            // "Gaddafi's rule had gathered": an auxiliary makes the anchor a verb, whose subject is elsewhere.
            if self.group_at[t].is_some()
                || !self.word(t).chars().all(|c| c.is_lowercase() || c == '-')
                || matches!(self.lemmas[t], "be" | "have" | "will" | "would" | "can" | "could" | "do")
            {
                break;
            }
        }
        let start = self.clause_start(anchor);
        if let Some(spk) = self.speaker_of_coordinated_appeal(start, anchor) {
            return Some(spk);
        }
        let relatives = self.closed_relative_clauses(start, anchor);
        // Groups are runs of tokens: seen right to left, each one's tokens come together.
        let mut last = None;
        for t in (start..anchor).rev() {
            if relatives.iter().any(|&(a, b)| a <= t && t <= b) {
                continue;
            }
            // A relative clause on a noun: "a resolution that aims to impose a blockade", "the plan which would
            // cut aid": its subject is the noun, not an actor before it.
            if last.is_none() && self.is_relative_on_noun(t) {
                return None;
            }
            if let Some(g) = self.group_at[t] {
                // "Khartoum declared Chad a hostile state and cut ties": the first verb's object with its
                // complement is not the subject of a verb after "and".
                if last != Some(g) && !nominal && self.complement_object(g) && self.after_and(anchor) {
                    last = Some(g);
                    continue;
                }
                if last != Some(g) && (self.can_be_subject(g, !nominal) || self.subject_of_subclause(g, anchor)) {
                    // "Police surrounded the protesters and arrested 40": the first verb's object is not the
                    // subject of the verb after "and"; the first verb's subject is.
                    if !nominal {
                        if let Some(h) = self.subject_across_and(g, anchor) {
                            return Some(h);
                        }
                        if let Some(h) = self.speaker_across_and(g, anchor) {
                            return Some(h);
                        }
                    }
                    return Some(g);
                }
                last = Some(g);
                continue;
            }
            // A verb of saying ends the reported clause: "officials said a bomb killed 10 refugees" has no actor
            // subject, but in "Russia said it would respond" "it" is the speaker.
            // (The bare noun "state" is no verb of saying: "declared Chad a hostile state and cut ties".)
            if SPEECH.contains(&self.lemmas[t]) && t + 1 < anchor && self.word(t) != "state" {
                // "said on Tuesday that it had expelled …": a few words may come before "it".
                // So does "the movement", "the kingdom", "the group": the speaker's own side named by a common noun
                // ("A Taliban spokesman said the movement wanted …", "the Saudi minister said the kingdom would …").
                let it = (t + 1..anchor.min(t + 11)).take_while(|&k| self.group_at[k].is_none()).find(|&k| {
                    matches!(self.lemmas[k], "it" | "they")
                        || (self.lemmas[k] == "the"
                            && k + 2 <= anchor
                            && self.is_plain(k + 1)
                            && is_own_side_noun(self.lemmas[k + 1])
                            && !matches!(self.word(k + 2), "'s" | "’s" | "'" | "’")
                            && (k + 2..anchor).all(|j| self.group_at[j].is_none()))
                });
                // "Tehran said the operation was over and warned Israel": the verb after "and" is the speaker's.
                let coordinated = anchor >= 1 && self.lemmas[anchor - 1] == "and"
                    || anchor >= 2
                        && self.lemmas[anchor - 2] == "and"
                        && self.tokens[anchor - 1].kind == TokenKind::Word;
                if let Some(k) = it.filter(|&k| self.lemmas[k] == "the") {
                    // A side names itself so only through a named speaker of its kind: a state's ("the kingdom") or
                    // a movement's ("A Hamas spokesman said the group"); "officials said the group had attacked …"
                    // is about another group.
                    let spk = self.subject_before(t, false)?;
                    let state_noun = matches!(
                        self.lemmas[k + 1],
                        "kingdom"
                            | "country"
                            | "republic"
                            | "nation"
                            | "island"
                            | "emirate"
                            | "administration"
                            | "regime"
                            | "junta"
                    );
                    let fits = self.groups[spk].members.iter().all(|&m| {
                        let mm = self.mentions[m];
                        let state_side = mm.country.is_some()
                            && matches!(mm.agent.as_deref(), None | Some("GOV" | "MIL" | "LEG"))
                            && mm.kind != MentionKind::Organisation;
                        mm.via != Via::Context && state_side == state_noun
                    });
                    return fits.then_some(spk);
                }
                if it.is_some() || coordinated {
                    return self.subject_before(t, false);
                }
                return None;
            }
        }
        None
    }

    /// Whether the group is the object of a verb that names or judges it ("declared X an aggressor", "called X a
    /// threat", "branded X as a terrorist group"): the verb right before it, its complement right after.
    fn complement_object(&self, g: usize) -> bool {
        let grp = &self.groups[g];
        let mut k = grp.tok_start;
        while k > 0 && self.lemmas[k - 1] == "the" && self.group_at[k - 1].is_none() {
            k -= 1;
        }
        let verb = k > 0
            && self.group_at[k - 1].is_none()
            && self.word(k - 1).chars().all(|c| c.is_lowercase())
            && matches!(
                self.word(k - 1),
                "declared"
                    | "called"
                    | "named"
                    | "branded"
                    | "labelled"
                    | "labeled"
                    | "designated"
                    | "dubbed"
                    | "deemed"
                    | "termed"
                    | "proclaimed"
                    | "considered"
            );
        verb && grp.tok_end < self.tokens.len()
            && matches!(self.word(grp.tok_end), "a" | "an" | "as" | "the" | "\"" | "“")
    }

    /// Two coordinated verb phrases: "[H] tracked [G] (…) and dispatched …", "[H] surrounded [G], and arrested …".
    /// When the verb at `anchor` comes right after "and" (or ", and") and the group `g` before it is the object of an
    /// earlier past-tense verb whose own subject is the group right before that verb, the anchor's subject is that
    /// group. Conservative: no punctuation but the comma before "and", no relative pronoun between, the first verb a
    /// lowercase past form ("-ed" or a common irregular one) right after its subject (auxiliaries "has"/"had" and
    /// "-ly" adverbs allowed). A verb with its own subject after "and" ("… and Y's president praised") never gets
    /// here, and inside a reported clause the first verb's subject is the reported one ("said Y attacked Z and
    /// killed …" stays Y).
    fn subject_across_and(&self, g: usize, anchor: usize) -> Option<usize> {
        let mut and = anchor.checked_sub(1)?;
        if self.lemmas[and] != "and" {
            return None;
        }
        let grp = &self.groups[g];
        if and > 0 && self.word(and - 1) == "," {
            and -= 1;
        }
        // Between the object and "and": a few plain words (a prepositional tail: "to the area", "in the square").
        if and < grp.tok_end || and - grp.tok_end > 6 {
            return None;
        }
        for t in grp.tok_end..and {
            if !matches!(self.tokens[t].kind, TokenKind::Word | TokenKind::Number)
                || matches!(self.lemmas[t], "which" | "who" | "whom" | "whose" | "that" | "and" | "or" | "but")
                || (self.group_at[t].is_none() && SPEECH.contains(&self.lemmas[t]))
            {
                return None;
            }
        }
        // Before the object: determiners, numbers and modifiers, then the first verb.
        let mut k = grp.tok_start;
        let mut steps = 0;
        while k > 0
            && steps < 4
            && self.group_at[k - 1].is_none()
            && (DETERMINERS.contains(&self.lemmas[k - 1])
                || self.tokens[k - 1].kind == TokenKind::Number
                || (self.is_modifier(k - 1) && !self.is_past_form(k - 1)))
        {
            k -= 1;
            steps += 1;
        }
        let v = k.checked_sub(1)?;
        if self.group_at[v].is_some() || !self.is_past_form(v) || SPEECH.contains(&self.lemmas[v]) {
            return None;
        }
        // The first verb's subject right before it (past auxiliaries, adverbs and a day: "on Tuesday").
        let mut s = v;
        while s > 0
            && self.group_at[s - 1].is_none()
            && (matches!(
                self.word(s - 1),
                "has"
                    | "had"
                    | "have"
                    | "also"
                    | "then"
                    | "later"
                    | "yesterday"
                    | "today"
                    | "Monday"
                    | "Tuesday"
                    | "Wednesday"
                    | "Thursday"
                    | "Friday"
                    | "Saturday"
                    | "Sunday"
            ) || (self.word(s - 1) == "on"
                && s < v
                && self.word(s).ends_with("day")
                && self.word(s).starts_with(char::is_uppercase))
                || (self.word(s - 1).ends_with("ly") && self.word(s - 1).chars().all(|c| c.is_lowercase())))
        {
            s -= 1;
        }
        let h = self.group_at[s.checked_sub(1)?]?;
        (h != g && self.can_be_subject(h, true)).then_some(h)
    }

    /// A lowercase past-tense (or past-participle) verb form: "-ed" or a common irregular one.
    fn is_past_form(&self, t: usize) -> bool {
        let w = self.word(t);
        self.tokens[t].kind == TokenKind::Word
            && w.chars().all(|c| c.is_ascii_lowercase())
            && ((w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed"))
                || matches!(
                    w,
                    "met"
                        | "hit"
                        | "took"
                        | "held"
                        | "sent"
                        | "caught"
                        | "struck"
                        | "fought"
                        | "led"
                        | "shot"
                        | "beat"
                        | "drove"
                        | "gave"
                        | "told"
                        | "saw"
                        | "found"
                        | "won"
                        | "brought"
                        | "kept"
                        | "left"
                        | "stopped"
                        | "overran"
                        | "seized"
                        | "besieged"
                        | "boarded"
                        | "chased"
                ))
    }

    /// Whether the anchor is a verb joined by "and" (with at most one word between: "and also", "and then").
    fn after_and(&self, anchor: usize) -> bool {
        anchor >= 1 && self.lemmas[anchor - 1] == "and"
            || anchor >= 2 && self.lemmas[anchor - 2] == "and" && self.tokens[anchor - 1].kind == TokenKind::Word
    }

    /// "Qin Gang said Taiwan was the biggest risk and urged the United States …", "Tehran said the operation was over
    /// and warned Israel": an appeal or judgement after "and" that follows a reported state of affairs (a clause whose
    /// verb is "be", "remain", "want" or "stand") is the speaker's, not the reported clause's subject's. Not after a
    /// reported act ("witnesses said the fighters had abducted dozens and demanded ransoms").
    fn speaker_of_coordinated_appeal(&self, start: usize, anchor: usize) -> Option<usize> {
        if anchor < 4 || self.lemmas[anchor - 1] != "and" {
            return None;
        }
        if !matches!(
            self.lemmas[anchor],
            "urge"
                | "warn"
                | "call"
                | "ask"
                | "appeal"
                | "press"
                | "thank"
                | "praise"
                | "welcome"
                | "condemn"
                | "criticise"
                | "criticize"
                | "vow"
                | "pledge"
                | "promise"
                | "accuse"
                | "invite"
        ) {
            return None;
        }
        let say =
            (start..anchor - 1).rev().find(|&t| SPEECH.contains(&self.lemmas[t]) && self.group_at[t].is_none())?;
        // The reported clause: its subject group, then its verb within a few auxiliaries.
        let mut k = say + 1;
        if k < anchor && self.lemmas[k] == "that" {
            k += 1;
        }
        let g = self.group_at.get(k).copied().flatten()?;
        let mut v = self.groups[g].tok_end;
        while v < anchor && matches!(self.lemmas[v], "have" | "would" | "will" | "do" | "not" | "still" | "also") {
            v += 1;
        }
        if v >= anchor - 1 || !matches!(self.lemmas[v], "be" | "remain" | "want" | "stand") {
            return None;
        }
        // No other verb of saying or clause boundary between the reported verb and "and".
        if (v + 1..anchor - 1).any(|t| SPEECH.contains(&self.lemmas[t]) || matches!(self.word(t), ";" | ":")) {
            return None;
        }
        self.subject_before(say, false)
    }

    /// Relative clauses set off by commas that close before the anchor ("Kenyan President William Ruto, who chairs
    /// the East African Community, called …", "The Houthis, who control much of northern Yemen, vowed …"): token
    /// ranges from the opening comma to the closing one. The actors inside them are not the anchor's subject.
    fn closed_relative_clauses(&self, start: usize, anchor: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for j in start + 1..anchor {
            if !matches!(self.lemmas[j], "who" | "which" | "whose")
                || self.word(j - 1) != ","
                || self.group_at[j].is_some()
            {
                continue;
            }
            if let Some(c) = (j + 1..anchor).find(|&c| matches!(self.word(c), "," | ";" | ":")) {
                if self.word(c) == "," {
                    out.push((j - 1, c));
                }
            }
        }
        out
    }

    /// Whether the actor starting at document byte `start` follows "together with" or "along with" (a determiner
    /// may come between): a partner in the act, not its target.
    fn after_together_with(&self, start: usize) -> bool {
        let Some(k) = self.tokens.iter().position(|t| t.span.start + self.offset == start) else {
            return false;
        };
        let k = if k > 0 && matches!(self.lemmas[k - 1], "the" | "a" | "an" | "its" | "their") { k - 1 } else { k };
        k >= 2 && self.lemmas[k - 1] == "with" && matches!(self.lemmas[k - 2], "together" | "along")
    }

    /// A verb or noun of stopping right before the anchor, in its own verb phrase ("suspended joint exercises with",
    /// "froze all military cooperation with", "announced the suspension of talks with", "pulled out of talks with"):
    /// its token. Not "at the end of talks", nor "stopped short of".
    fn reduction_verb(&self, from: usize, anchor: usize) -> Option<usize> {
        let from = from.max(anchor.saturating_sub(5));
        for t in (from..anchor).rev() {
            let l = self.lemmas[t];
            let w = self.word(t).to_lowercase();
            if self.group_at[t].is_some() || matches!(l, "and" | "or" | "but" | "," | ";" | "with" | "to" | "after") {
                return None;
            }
            let stop = matches!(
                l,
                "suspend"
                    | "suspension"
                    | "halt"
                    | "freeze"
                    | "sever"
                    | "terminate"
                    | "termination"
                    | "curtail"
                    | "downgrade"
                    | "scrap"
                    | "cancel"
                    | "cancellation"
                    | "stop"
                    | "cease"
                    | "abandon"
            ) || (l == "end" && !(t > 0 && matches!(self.lemmas[t - 1], "the" | "a" | "an" | "its" | "their")))
                // (Not "cut short a visit": the visit still took place.)
                || (matches!(w.as_str(), "cut" | "cuts" | "cutting" | "froze" | "frozen")
                    && self.lemmas.get(t + 1).copied() != Some("short"))
                // "withdrew from talks", "pulled out of the talks".
                || (matches!(l, "withdraw" | "withdrew" | "withdrawn" | "pull" | "quit" | "walk")
                    && matches!(self.lemmas.get(t + 1).copied(), Some("from" | "out")));
            if stop {
                return Some(t);
            }
        }
        None
    }

    /// Whether token `t` is "that" or "which" opening a relative clause on a plain noun ("a resolution that", "the
    /// new plan which"): the word before it is a lower-case noun of a noun phrase, not a verb ("said that", "agreed
    /// that", "warned Japan that").
    fn is_relative_on_noun(&self, t: usize) -> bool {
        if !matches!(self.lemmas[t], "that" | "which") || t < 2 || self.group_at[t].is_some() {
            return false;
        }
        let noun = t - 1;
        let w = self.word(noun);
        let l = self.lemmas[noun];
        // "said in a (joint) statement that it welcomed …", "told a news conference that": "that" opens what was
        // said, not a relative clause on the noun.
        if matches!(
            l,
            "statement"
                | "communique"
                | "communiqué"
                | "post"
                | "interview"
                | "letter"
                | "release"
                | "briefing"
                | "message"
                | "address"
                | "speech"
                | "conference"
                | "note"
                | "readout"
                | "broadcast"
                | "video"
        ) && (noun.saturating_sub(6)..noun).any(|k| SPEECH.contains(&self.lemmas[k]))
        {
            return false;
        }
        let nounish = self.group_at[noun].is_none()
            && self.tokens[noun].kind == TokenKind::Word
            && w.chars().all(|c| c.is_lowercase() || c == '-')
            && !w.ends_with("ed")
            && !SPEECH.contains(&l)
            && !PREPOSITIONS.contains(&l)
            && !matches!(
                l,
                "agree"
                    | "announce"
                    | "decide"
                    | "warn"
                    | "insist"
                    | "confirm"
                    | "state"
                    | "hope"
                    | "believe"
                    | "ensure"
                    | "argue"
                    | "know"
                    | "think"
                    | "claim"
                    | "fear"
                    | "show"
                    | "mean"
                    | "so"
                    | "such"
                    | "now"
                    | "and"
                    | "but"
                    | "it"
                    | "is"
                    | "be"
                    | "was"
                    | "have"
                    | "say"
                    | "add"
                    | "also"
            );
        // … and it stands in a noun phrase: a determiner, an actor or a modifier right before it.
        let before = noun - 1;
        nounish
            && (self.group_at[before].is_some()
                || DETERMINERS.contains(&self.lemmas[before])
                || matches!(self.lemmas[before], "this" | "that" | "any" | "every" | "new")
                || (self.is_modifier(before) && before > 0 && DETERMINERS.contains(&self.lemmas[before - 1])))
    }

    /// The mode from the words between the subject and the verb (and "if" anywhere before the verb in the clause).
    /// Also says whether a negation is a refusal ("refused to", "declined to", "rejected").
    /// Whether the clause whose subject ends at token `subject_end` is the content of a demand: "demanded that
    /// Russia release …", "urged that Israel allow …", "proposed that both sides withdraw …". A "that" at most six
    /// words before, right after a verb of demanding (or one word after it: "demanded of Kyiv that").
    fn demanded_clause(&self, subject_end: usize) -> bool {
        let lo = subject_end.saturating_sub(7);
        let Some(that) = (lo..subject_end.min(self.lemmas.len())).rev().find(|&k| self.lemmas[k] == "that") else {
            return false;
        };
        let demand = |k: usize| {
            matches!(
                self.lemmas[k],
                "demand" | "urge" | "ask" | "request" | "propose" | "suggest" | "recommend" | "order"
            )
        };
        // Nothing clause-breaking between "that" and the subject's end.
        let clean = self.lemmas[that + 1..subject_end.min(self.lemmas.len())]
            .iter()
            .all(|w| !matches!(*w, "," | ";" | "and" | "but" | "said" | "say"));
        clean && ((that >= 1 && demand(that - 1)) || (that >= 3 && demand(that - 3) && self.lemmas[that - 2] == "of"))
    }

    /// "urged Syria to join the accords and normalise relations with Israel": a bare verb right after "and", in a
    /// clause where an appeal verb is followed by "to", is the second act asked for (the six-word window of `mode`
    /// no longer sees the appeal); "urged X to leave and recognised Y" (a past tense) is a new act.
    fn appealed_second_verb(&self, anchor: usize) -> bool {
        if anchor < 4 || self.word(anchor).to_lowercase() != self.lemmas[anchor] {
            return false;
        }
        // The joint before the second verb: "and", or "and"/"," and a repeated "to" ("to join the pact, to expel …").
        let joint = if self.lemmas[anchor - 1] == "and" {
            anchor - 1
        } else if self.lemmas[anchor - 1] == "to" && matches!(self.lemmas[anchor - 2], "and" | "," | "or") {
            anchor - 2
        } else {
            return false;
        };
        let start = self.clause_start(joint);
        let Some(k) = (start..joint).find(|&k| {
            matches!(self.lemmas[k], "urge" | "call" | "ask" | "press" | "request" | "appeal" | "implore" | "encourage")
        }) else {
            return false;
        };
        (k + 1..joint).rev().find(|&j| self.lemmas[j] == "to").is_some_and(|j| {
            !self.lemmas[j..joint].iter().any(|w| matches!(*w, "," | ";" | ":" | "say" | "while" | "but"))
        })
    }

    fn mode(&self, from: usize, anchor: usize) -> (Mode, bool) {
        // Mode words act on the verb they stand next to: at most six words back.
        let from = from.max(anchor.saturating_sub(6));
        let words: Vec<&str> = self.lemmas[from.min(anchor)..anchor].to_vec();
        let clause = &self.lemmas[self.clause_start(anchor)..anchor];
        // A negation does not reach across "and" or a comma: "pledged that Japan would never again wage war and
        // thanked the American people".
        let neg_from = words.iter().rposition(|w| matches!(*w, "and" | "," | "but")).map_or(0, |p| p + 1);
        let neg_words: Vec<&str> = words[neg_from..].to_vec();
        // "rejected the decision and accused Togo", "denied responsibility and blamed the army": a verb after "and"
        // in the past tense is a new act; the words of the first verb (denial, appeal, stop, intent) stay with it.
        let past = {
            let w = self.word(anchor);
            w.ends_with("ed")
                || matches!(
                    w,
                    "met"
                        | "held"
                        | "sent"
                        | "took"
                        | "made"
                        | "told"
                        | "gave"
                        | "spoke"
                        | "led"
                        | "struck"
                        | "shot"
                        | "broke"
                        | "brought"
                        | "sought"
                        | "drew"
                        | "hit"
                        | "cut"
                        | "put"
                        | "left"
                        | "began"
                        | "fought"
                        | "froze"
                        | "withdrew"
                        | "threw"
                        | "flew"
                        | "paid"
                        | "stood"
                        | "won"
                )
        };
        let finite_after_and = neg_from > 0
            && words.get(neg_from - 1) == Some(&"and")
            && words[neg_from..].iter().all(|w| matches!(*w, "also" | "then" | "later" | "subsequently"))
            && past;
        let words: Vec<&str> = if finite_after_and { Vec::new() } else { words };
        let has = |w: &str| words.contains(&w);
        // "refused to meet" is a refusal; "rejected accusations that it had supplied drones" is a denial (the act
        // is not coded; a denial pattern codes 016).
        let denial = words.windows(2).any(|w| {
            matches!(w[0], "reject" | "deny" | "dismiss" | "rebuff")
                && matches!(w[1], "accusation" | "claim" | "allegation" | "report" | "charge" | "suggestion" | "the")
        });
        // "said it would not cooperate with the inquiry", "Kenya will not pull its troops out": a decision not to
        // act, announced, is a refusal like "refused to".
        let future_not = neg_words.iter().any(|w| matches!(*w, "will" | "would" | "shall" | "willing"))
            && neg_words.iter().any(|w| matches!(*w, "not" | "n't" | "never"))
            || neg_words.contains(&"won't");
        // ("threatened not to renew the deal" is a refusal threatened: see `warned_refusal`.)
        let threatened_not = neg_words.windows(2).any(|w| w[0] == "threaten" && matches!(w[1], "not" | "never"));
        let refusal = !denial
            && (future_not
                || threatened_not
                || words.iter().any(|w| matches!(*w, "refuse" | "decline" | "reject" | "rebuff" | "spurn")));
        if denial {
            return (Mode::Negated, false);
        }
        // "would not hesitate to strike", "won't hesitate to use force": a negated hesitation is a resolve to act;
        // "did not hesitate to attack" is the act.
        if neg_words.windows(2).any(|w| matches!(w[0], "not" | "n't" | "never" | "won't") && w[1] == "hesitate") {
            let future = neg_words.iter().any(|w| matches!(*w, "will" | "would" | "shall" | "won't" | "'ll"));
            return (if future { Mode::Intended } else { Mode::Asserted }, false);
        }
        // "called for the U.S. to release", "demanded that Israel withdraw": an appeal, coded by its own pattern.
        // (The subject may stand inside the demand: "demanded that Russia release all prisoners" — the words before
        // the subject are then "demanded that".)
        if words.iter().enumerate().any(|(i, w)| match *w {
            "urge" | "call" | "demand" | "ask" | "request" | "appeal" | "implore" => true,
            "press" => !presses_an_offensive(&words[i + 1..]),
            _ => false,
        }) || self.demanded_clause(from)
            || (!past && self.appealed_second_verb(anchor))
        {
            return (Mode::Negated, false);
        }
        // "denied supplying drones", "stop selling arms", "ignored an invitation to meet": not done.
        if words.iter().any(|w| {
            matches!(
                *w,
                "deny"
                    | "stop"
                    | "cease"
                    | "halt"
                    | "quit"
                    | "avoid"
                    | "refrain"
                    | "cancel"
                    | "postpone"
                    | "scrap"
                    | "ignore"
            )
        }) {
            return (Mode::Negated, false);
        }
        // "warned Beijing against supporting Russia", "refrain from attacking": not done.
        if anchor > 0 && matches!(self.lemmas[anchor - 1], "against" | "from" | "without") {
            return (Mode::Negated, false);
        }
        if refusal
            || neg_words.iter().any(|w| {
                matches!(
                    *w,
                    "not"
                        | "n't"
                        | "never"
                        | "fail"
                        | "cannot"
                        | "can't"
                        | "won't"
                        | "didn't"
                        | "doesn't"
                        | "don't"
                        | "no"
                        // "had nothing more to discuss with".
                        | "nothing"
                )
            })
        {
            return (Mode::Negated, refusal);
        }
        if clause.iter().any(|w| matches!(*w, "if" | "unless" | "whether"))
            || ["could", "might", "may"].iter().any(|w| has(w))
        {
            return (Mode::Hypothetical, false);
        }
        if ["should", "must", "ought", "need"].iter().any(|w| has(w)) {
            return (Mode::Appeal, false);
        }
        // "prompting Lebanese officials to accuse Iran": an act caused is told as done.
        if words == ["to"] && self.caused_subject(from) {
            return (Mode::Asserted, false);
        }
        // Headline style: "Putin to visit Mongolia".
        if words == ["to"] {
            return (Mode::Intended, false);
        }
        if [
            "will",
            "would",
            "shall",
            "'ll",
            "ready",
            "willing",
            "plan",
            "intend",
            "hope",
            "aim",
            "seek",
            "want",
            "prepare",
            "threaten",
            "pledge",
            "vow",
            // "have sworn to fight on".
            "swear",
            "promise",
            "expect",
            "commit",
            "determine",
            "wish",
            "eager",
            "keen",
            "offer",
            "propose",
            "due",
        ]
        .iter()
        .any(|w| has(w))
            || (!words.is_empty()
                && (from.min(anchor)..anchor).any(|k| {
                    // "promised to", "undertook to", "committed itself to" (not "undertook a mission").
                    let to = match self.lemmas.get(k + 1).copied() {
                        Some("itself" | "themselves" | "himself" | "herself") => k + 2,
                        _ => k + 1,
                    };
                    matches!(self.lemmas[k], "promise" | "pledge" | "vow" | "commit" | "undertake" | "offer")
                        && self.lemmas.get(to) == Some(&"to")
                }))
        {
            return (Mode::Intended, false);
        }
        // A purpose clause: "flew to Moscow to meet Putin" reports the aim, not the meeting.
        if anchor > 1
            && self.lemmas[anchor - 1] == "to"
            && (self.group_at[anchor - 2].is_some() || self.word(anchor - 2).starts_with(char::is_uppercase))
        {
            return (Mode::Intended, false);
        }
        // "will immediately lift its pause on intelligence sharing and resume security assistance": a bare verb
        // joined by "and" shares the modal of the verb it is joined to, however far back in the clause.
        if self.modal_of_coordinated_verb(anchor) {
            return (Mode::Intended, false);
        }
        (Mode::Asserted, false)
    }

    /// Whether the bare verb at `anchor`, right after "and", is the second verb of "will/would/shall V1 … and V2"
    /// (within 16 words, no comma, quote, "said", "but" or second "and" between, and no negation after the modal).
    fn modal_of_coordinated_verb(&self, anchor: usize) -> bool {
        if anchor < 3
            || self.lemmas[anchor - 1] != "and"
            || !self.word(anchor).eq_ignore_ascii_case(self.lemmas[anchor])
        {
            return false;
        }
        let lo = self.clause_start(anchor).max(anchor.saturating_sub(16));
        for k in (lo..anchor - 1).rev() {
            match self.lemmas[k] {
                "will" | "would" | "shall" | "'ll" => {
                    return !matches!(self.lemmas.get(k + 1).copied(), Some("not" | "n't" | "never"))
                        && k + 1 < anchor - 1;
                }
                "," | ";" | ":" | "\"" | "say" | "but" | "and" | "or" | "who" | "which" | "that" => return false,
                _ => {}
            }
        }
        false
    }

    /// The speaker of reported speech around the verb: "X said (that) SUBJ VERB" or "SUBJ VERB …, X said".
    /// Whether the group starting at `s_start` is the subject of a time clause ("after", "before", "since",
    /// "when", "until", "once") opened after the verb of saying at `say`: "…, after the army shot down a drone".
    fn opens_time_clause(&self, say: usize, s_start: usize) -> bool {
        let mut k = s_start;
        while k > say + 1 && (DETERMINERS.contains(&self.lemmas[k - 1]) || self.is_modifier(k - 1)) {
            k -= 1;
        }
        // (Only after a statement of the speaker's own doing: "said it was …", "announced a curfew …"; a reported
        // clause with another subject, "said its jets had struck targets after rockets hit its villages", is the
        // speaker's account of both sides' acts, the second its charge.)
        let mut j = say + 1;
        if self.lemmas.get(j) == Some(&"that") {
            j += 1;
        }
        let own_doing = matches!(self.lemmas.get(j).copied(), Some("it" | "they" | "we" | "he" | "she" | "a" | "an"));
        own_doing
            && k > say + 1
            && matches!(self.lemmas[k - 1], "after" | "before" | "since" | "when" | "until" | "once")
    }

    fn speaker_of(&self, subject: Option<usize>, anchor: usize) -> Option<usize> {
        let subj = subject?;
        let s_start = self.groups[subj].tok_start;
        // Before: a verb of saying between the start and the subject, with its own subject.
        for t in (self.clause_start(anchor)..s_start).rev() {
            if SPEECH.contains(&self.lemmas[t]) && self.group_at[t].is_none() {
                // "Mali said it was recalling its envoy after the Algerian army shot down a drone": a time clause
                // after the reported one is the narrator's background, told as fact, not the speaker's charge.
                if self.opens_time_clause(t, s_start) {
                    return None;
                }
                let spk = self.subject_before(t, false)?;
                return (spk != subj).then_some(spk);
            }
        }
        // "Hours after Russian forces attacked Ukraine, Biden said …": a time clause before the main clause is told
        // as fact; the speaker after it says something else.
        let mut k = s_start;
        while k > 0 && (DETERMINERS.contains(&self.lemmas[k - 1]) || self.is_modifier(k - 1)) {
            k -= 1;
        }
        if k > 0
            && matches!(self.lemmas[k - 1], "after" | "before" | "when" | "since" | "while" | "once" | "until" | "as")
            && k - 1 <= self.clause_start(anchor) + 3
        {
            return None;
        }
        // After: ", X said." at the end.
        let n = self.tokens.len();
        for t in anchor + 1..n {
            if self.word(t) == "," {
                if let Some((g, end)) = self.group_starting(t + 1) {
                    if end < n && SPEECH.contains(&self.lemmas[end]) && g != subj {
                        return Some(g);
                    }
                }
            }
        }
        None
    }
}

/// A state named bare that investigates or coerces a group of its own society ("Croatia is investigating crimes
/// by Croatian extremists", "Egypt outlawed the group"): only a government does these, so the state is its
/// government and the event stands, unlike a state acting on itself as a whole. Other codes keep the rule: a bare
/// state before a killing or a release is most often the place ("killed 20 people in Lebanon").
/// A bare state (`COD`: "Kinshasa", "Congo") facing a rebel, insurgent, separatist or opposition group of its own
/// country in an appeal, intention, consultation or cooperation (roots 02–05), read as its government (`CODGOV`):
/// "the rebels are holding talks with Kinshasa", "talks between Bogota and the guerrillas". `None` otherwise, and for
/// visits (042–044) and alignment (050).
fn government_facing_own_rivals(m: &Mention, other: &Mention, code: &str) -> Option<Mention> {
    let rival = matches!(other.agent.as_deref(), Some("REB" | "OPP" | "IRG" | "SEP" | "INS"));
    let bare = m.agent.is_none() && m.country.is_some();
    // (Not a visit, whose bare target is a place, nor a mere alignment, 050: "gunmen aligned with Syria's new rulers".)
    let place = matches!(code, "042" | "043" | "044" | "050");
    if place
        || !(bare && rival && m.country == other.country && matches!(code.get(..2), Some("02" | "03" | "04" | "05")))
    {
        return None;
    }
    let country = m.country.as_deref()?;
    Some(Mention { code: format!("{country}GOV"), agent: Some("GOV".to_string()), ..m.clone() })
}

fn state_on_own_group(tgt: &Mention, code: &str) -> bool {
    matches!(&code[..2], "09" | "17")
        && matches!(
            tgt.agent.as_deref(),
            Some(
                "REB"
                    | "OPP"
                    | "CVL"
                    | "CRM"
                    | "MOS"
                    | "CHR"
                    | "REL"
                    | "LAB"
                    | "JRN"
                    | "MED"
                    | "REF"
                    | "IRG"
                    | "SEP"
                    | "RAD"
                    | "INS"
            )
        )
}

/// Whether a 161 "expel" pattern's target is people who do not act for a state (its agent is not government,
/// military, intelligence, police, courts, legislature or elites): their expulsion is a deportation, 174.
fn expels_people(pattern: &str, target: &Mention) -> bool {
    matches!(pattern, "161.expel" | "161.expelled-by" | "161.expelled-from")
        && target.agent.as_deref().is_some_and(|a| !matches!(a, "GOV" | "MIL" | "SPY" | "COP" | "JUD" | "LEG" | "ELI"))
}

/// "claimed", "charged": the verb of a speaker ("Britain claimed that Iran had attacked Iraq" reports an accusation,
/// coded by reported speech), not the noun of "the claim that …".
/// The root of the act an accusation stands for, when reported speech turned another side's act into the speaker's
/// accusation ("…, the Philippine coast guard said": rule `175.tear-gas+accuse`), read from the pattern's id.
fn accused_act_root(e: &Event) -> Option<u8> {
    let id = e.rule.strip_suffix("+accuse")?;
    id.get(..2)?.parse().ok()
}

/// The author and the victim of the act an event records: its source and target, or for an accusation made of a
/// reported act ([`accused_act_root`]) the accused and the accuser.
fn act_parties(e: &Event) -> (&Mention, &Mention) {
    if accused_act_root(e).is_some() {
        (&e.target, &e.source)
    } else {
        (&e.source, &e.target)
    }
}

/// Whether another side's act of this root, told by a speaker of its own, is the speaker's accusation (112) rather
/// than the act: force and its threat in the field (15: jets across a line, warships in waters; 17: water cannon,
/// seizures, arrests; 18 to 20: attacks), not a reduction of relations (16: "expelled our diplomats, the ministry
/// said" is the expulsion).
fn reported_as_accusation(root: u8) -> bool {
    root == 15 || root >= 17
}

fn is_past_verb_of_claiming(w: &str) -> bool {
    matches!(w.to_ascii_lowercase().as_str(), "claimed" | "charged")
}

/// The lemma id of "." when a sentence's last token is no closing punctuation (nor a closing quote or bracket after
/// one), else `NO_ID`: see [`Sentence::open_end_id`].
fn open_end_id(lemmas: &[&str], vocab: &HashMap<String, u32, BuildFnv>) -> u32 {
    let closed = lemmas.iter().rev().find(|l| !matches!(**l, "\"" | "'" | "”" | "’" | ")" | "]" | "»"));
    match closed {
        Some(l) if matches!(*l, "." | "!" | "?" | ";" | ":" | "," | "…") => NO_ID,
        None => NO_ID,
        Some(_) => vocab.get(".").copied().unwrap_or(NO_ID),
    }
}

/// Whether an endorsement pattern (051) is material help to an act of force: "support" after "provided", "lent",
/// "gave" (up to two modifiers between: "provided logistical and air support"), its target an armed act whose
/// author is named earlier ("provided support for the operation", "lent air support to the strikes").
fn provides_support_for_force(sent: &Sentence, p: &Pattern, anchor: usize, m: &Match) -> bool {
    p.code == "051"
        && sent.lemmas[anchor] == "support"
        && m.implied_act.is_some_and(|(noun, _)| act_family(sent.lemmas[noun]) == Some(ActFamily::Violence))
        && (anchor.saturating_sub(3)..anchor).any(|k| matches!(sent.lemmas[k], "provide" | "lend" | "give"))
}

/// "Qatar hosts the largest U.S. military base", "has hosted Hamas's political office": a state that hosts a base,
/// an office or a camp of another actor (the actor only modifies the noun) receives no visit (043).
fn hosts_a_facility(sent: &Sentence, p: &Pattern, m: &Match) -> bool {
    const FACILITIES: &[&str] = &[
        "base",
        "office",
        "headquarters",
        "embassy",
        "consulate",
        "bureau",
        "camp",
        "facility",
        "plant",
        "refugee",
        "troop",
        "troops",
        "soldier",
        "force",
        "mission",
        "leadership",
        "exile",
        "secretariat",
        "garrison",
        "outpost",
    ];
    if p.code != "043" {
        return false;
    }
    let Some(t) = m.target else { return false };
    let mut k = sent.groups[t].tok_end;
    if matches!(sent.lemmas.get(k), Some(&("'s" | "’s" | "'"))) {
        k += 1;
    }
    (k..sent.lemmas.len().min(k + 3))
        .take_while(|&j| sent.group_at[j].is_none() && !PREPOSITIONS.contains(&sent.lemmas[j]))
        .take_while(|&j| sent.word(j).chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .any(|j| FACILITIES.contains(&sent.lemmas[j]))
}

/// "the Congolese minister and her Rwandan counterpart", "Hamas and its allies in Lebanon": a possessive pronoun
/// right before another actor is that actor's determiner, not an actor of its own in a list (the list is the person
/// before "and" and the counterpart).
fn possessive_before_actor(m: &Mention, (a, b): (usize, usize), lemmas: &[&str], next: Option<(usize, usize)>) -> bool {
    m.via == Via::Pronoun
        && b == a + 1
        && matches!(lemmas[a].to_lowercase().as_str(), "his" | "her" | "its" | "their")
        && next.is_some_and(|(na, _)| na == b)
}

/// "He was flown to the Netherlands", "arrived in The Hague to face charges": a person carried somewhere (a passive
/// verb of travel) or brought before a court is no visit (042) to the state of the place.
fn is_transfer_to_face_trial(sent: &Sentence, p: &Pattern, anchor: usize) -> bool {
    if p.code != "042" {
        return false;
    }
    let passive = (anchor.saturating_sub(2)..anchor).any(|k| sent.lemmas[k] == "be")
        && matches!(sent.lemmas[anchor], "fly" | "take" | "bring" | "transfer" | "send" | "extradite");
    let n = sent.lemmas.len();
    let trial = (anchor + 1..n.min(anchor + 16)).any(|k| {
        sent.lemmas[k] == "to"
            && k + 1 < n
            && (matches!(sent.lemmas[k + 1], "face" | "answer")
                || (sent.lemmas[k + 1] == "stand" && sent.lemmas.get(k + 2) == Some(&"trial")))
    });
    passive || trial
}

/// "militias allied with the army", "groups working with the government", "a base for fighters loyal to …": a
/// participle right after a plural common noun that names no actor modifies that noun (a reduced relative clause);
/// the noun, not an actor earlier in the sentence, is who acts, and cooperation by no known actor is not coded.
/// Only for the cooperative and diplomatic roots (01 to 09) and for patterns without a source slot. (A participle
/// after a noun of armed men, named or not and of any root, is dropped after emission by `noun_modifier`.)
fn modifies_a_common_noun(sent: &Sentence, p: &Pattern, anchor: usize) -> bool {
    if !p.code.starts_with('0') || p.elems.contains(&Elem::Source) || anchor == 0 {
        return false;
    }
    // A present participle is never a finite verb; of past ones only those of ties, which news uses as adjectives
    // ("allied with", "linked to"): "the head of the armed forces called on him" is a finite verb.
    let w = sent.word(anchor);
    let tie = matches!(sent.lemmas[anchor], "ally" | "align" | "affiliate" | "link" | "associate" | "tie" | "connect");
    if !(w.ends_with("ing") || (w.ends_with("ed") && tie)) {
        return false;
    }
    // The noun may be a role the context made an actor ("militias" in a story about Sudan), not a name.
    let start = match sent.group_at[anchor - 1] {
        Some(g) if sent.groups[g].members.iter().any(|&k| sent.mentions[k].via != Via::Context) => return false,
        Some(g) => sent.groups[g].tok_start,
        None => anchor - 1,
    };
    let noun = sent.word(anchor - 1);
    let lemma = sent.lemmas[anchor - 1];
    // A regular plural ("militias", "groups", "fighters"), not a verb of being or seeming ("remains allied").
    let plural = noun.len() > 3
        && noun.chars().all(|c| c.is_ascii_lowercase())
        && ((noun != lemma && noun.ends_with('s')) || noun.ends_with("men"))
        && !matches!(
            lemma,
            "be" | "have"
                | "do"
                | "remain"
                | "stay"
                | "seem"
                | "appear"
                | "become"
                | "look"
                | "keep"
                | "continue"
                | "say"
                | "begin"
                | "start"
                | "stop"
        );
    if !plural {
        return false;
    }
    // The noun phrase is an object ("a base for militias", "targeted groups"), not the clause's subject ("American
    // cargo planes dropped food"): before it and its modifiers, a preposition or a verb in the past.
    let mut k = start;
    while k > 0
        && start - k < 3
        && sent.group_at[k - 1].is_none()
        && sent.word(k - 1).chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !PREPOSITIONS.contains(&sent.lemmas[k - 1])
        && !sent.word(k - 1).ends_with("ed")
    {
        k -= 1;
    }
    k > 0
        && sent.group_at[k - 1].is_none()
        && (PREPOSITIONS.contains(&sent.lemmas[k - 1]) || sent.word(k - 1).ends_with("ed"))
}

/// Whether a mention's own words name a news outlet ("state media", "state television", "the official news agency"):
/// what it reports is the story, not its own claim against a side.
fn is_news_outlet_mention(text: &str) -> bool {
    let t = text.to_lowercase();
    ["media", "television", "news agency", "broadcaster", "radio", "newspaper"].iter().any(|w| t.contains(w))
}

/// Whether a civilian mention's own words name people protesting or rioting ("protesters", "a Ukrainian
/// protestor", "rioters", "demonstrators", "a mob"), not civilians at large ("settlers", "residents").
fn is_protester_mention(text: &str) -> bool {
    let t = text.to_lowercase();
    ["protest", "riot", "demonstrator", "mob"].iter().any(|w| t.contains(w))
}

/// Words that pass judgement on an act: "called the move unjustified", "said the killing was a war crime", "the
/// drills are a blatant provocation".
fn is_verdict(w: &str) -> bool {
    matches!(
        w,
        "disgraceful"
            | "unacceptable"
            | "cowardly"
            | "illegal"
            | "outrageous"
            | "shameful"
            | "irresponsible"
            | "reckless"
            | "barbaric"
            | "barbarous"
            | "illegitimate"
            | "groundless"
            | "baseless"
            | "unfounded"
            | "provocative"
            | "unjustified"
            | "unjustifiable"
            | "unwarranted"
            | "unprovoked"
            | "unlawful"
            | "deplorable"
            | "despicable"
            | "heinous"
            | "appalling"
            | "abhorrent"
            | "inhumane"
            | "inhuman"
            | "criminal"
            | "destabilizing"
            | "destabilising"
            | "hostile"
            | "aggressive"
            | "unfriendly"
            | "unfair"
            | "unreasonable"
            | "discriminatory"
            | "dangerous"
            | "brutal"
            | "senseless"
            | "vile"
            | "egregious"
            | "flagrant"
            | "blatant"
            | "provocation"
            | "provocations"
            | "crime"
            | "crimes"
            | "genocide"
            | "aggression"
            | "violation"
            | "terrorism"
            | "atrocity"
            | "betrayal"
            | "affront"
            | "outrage"
            | "travesty"
            | "piracy"
            | "blackmail"
            | "bullying"
            | "coercion"
            | "extortion"
            | "interference"
            | "meddling"
            | "massacre"
            | "coup"
            // Judgements of a decision or a side's conduct ("called the expulsion regrettable", "said the move was
            // short-sighted", "called the ruling a witch hunt").
            | "regrettable"
            | "shortsighted"
            | "hasty"
            | "treasonous"
            | "unconstitutional"
            | "undemocratic"
            | "counterproductive"
            | "misguided"
            | "escalatory"
            | "inflammatory"
            | "repressive"
            | "draconian"
            | "persecution"
    )
}

/// How a sentence vows a response to a side it leaves unnamed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Vow {
    /// "would respond decisively", "reserved the right to retaliate".
    Respond,
    /// "vowed a vigorous response", "warned of consequences", "would be met with an immediate response".
    Response,
    /// "would not go unanswered".
    Unanswered,
    /// "vowed to retake the city", "would hit back", "vowed to hunt down those responsible".
    Force,
    /// "the operation would continue", "more strikes would follow", "would keep up its attacks".
    Continue,
    /// "any attempt to divert the river would be considered an act of war".
    War,
    /// "would take all necessary measures", "vowed to take firm action in response".
    Measures,
}

/// Nouns of the use of force that a vow keeps going: "the operation would continue", "keep up its strikes".
fn is_force_noun(l: &str) -> bool {
    matches!(
        l.strip_suffix('s').unwrap_or(l),
        "operation"
            | "strike"
            | "airstrike"
            | "attack"
            | "offensive"
            | "war"
            | "fighting"
            | "fight"
            | "bombardment"
            | "bombing"
            | "raid"
            | "assault"
            | "shelling"
    )
}

/// The side an actor stands on in a conflict: its state for a state and its organs, its own code for rebels,
/// opposition, civilians and other non-state actors of a state, and for organisations.
fn side_of(m: &Mention) -> Option<&str> {
    match (m.country.as_deref(), m.agent.as_deref()) {
        (Some(c), None | Some("GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY" | "ELI")) => Some(c),
        // (A state's people are on its side; the press and business are on no conflict's.)
        (Some(c), Some("CVL")) => Some(c),
        (Some(_), Some("REB" | "INS" | "OPP" | "SEP" | "CRM" | "RAD" | "MOD" | "IMG" | "UAF")) => Some(m.code.as_str()),
        (None, _) if m.code.starts_with("IGO") || m.code.starts_with("IMG") => Some(m.code.as_str()),
        _ => None,
    }
}

/// The one side the document's hostilities so far (threats, posture, sanctions, coercion, force: roots 13 to 20)
/// set against `side`, either way: its actor in the latest such event, and whether force (roots 18 to 20) passed
/// between them. `None` when there is none or more than one. (Sides of one foreign state count as one: Israel's
/// adversaries "Gaza" and "Hamas" are both Palestinian.)
fn sole_adversary<'e>(side: &str, so_far: &'e [Event]) -> Option<(&'e Mention, bool)> {
    sole_adversary_in(side, so_far, 13..=20)
}

/// [`sole_adversary`] over the events of the given roots.
fn sole_adversary_in<'e>(
    side: &str,
    so_far: &'e [Event],
    roots: std::ops::RangeInclusive<u8>,
) -> Option<(&'e Mention, bool)> {
    let own_country = side.get(..3).filter(|_| !side.starts_with("IGO") && !side.starts_with("IMG"));
    let alike = |a: &Mention, b: &Mention| {
        side_of(a) == side_of(b)
            || (a.country.is_some() && a.country == b.country && a.country.as_deref() != own_country)
    };
    let mut found: Option<(&Mention, bool)> = None;
    for e in so_far.iter().rev() {
        let root: u8 = e.code[..2].parse().unwrap_or(0);
        if !roots.contains(&root) {
            continue;
        }
        let other = match (side_of(&e.source), side_of(&e.target)) {
            (Some(s), Some(t)) if s == side && t != side => &e.target,
            (Some(s), Some(t)) if t == side && s != side => &e.source,
            _ => continue,
        };
        let force = (18..=20).contains(&root);
        match found {
            Some((o, f)) if alike(o, other) => found = Some((o, f || force)),
            Some(_) => return None,
            None => found = Some((other, force)),
        }
    }
    found
}

impl Coder {
    /// Reactions whose target the sentence leaves unnamed, tried after the patterns: a verdict on an act ("said the
    /// killing was a war crime") aims at the act's author; a vowed response or a use of force kept up ("said Iran
    /// would respond decisively", "the operation would continue") at the side named after it or else at the one
    /// adversary of the speaker's side in the document; an interception ("air defences shot down five of the six
    /// missiles") at the one side that attacked the interceptor's state.
    fn implied_reactions(
        &self,
        text: &str,
        sentence: Option<usize>,
        sent: &Sentence,
        date: Option<Date>,
        start: usize,
        out: &mut Vec<Event>,
    ) {
        if sent.groups.is_empty() {
            return;
        }
        sent.verdicts(sentence, date, start, out);
        sent.craft_violations(sentence, date, start, out);
        sent.vowed_responses(sentence, date, start, out);
        sent.interceptions(text, sentence, date, start, out);
    }
}

impl Sentence<'_> {
    /// "resumption of (the)", "escalation of", "wave of": a noun that names the act after "of"; the token after.
    fn act_frame_end(&self, j: usize) -> Option<usize> {
        let n = self.tokens.len();
        let frame = matches!(
            self.lemmas[j],
            "resumption" | "escalation" | "continuation" | "intensification" | "renewal" | "wave" | "spate" | "series"
        );
        if !frame || j + 2 >= n || self.lemmas[j + 1] != "of" {
            return None;
        }
        let k = if matches!(self.lemmas[j + 2], "the" | "its" | "their") { j + 3 } else { j + 2 };
        (k < n && self.group_at[k].is_none()).then_some(k)
    }

    /// Whether token `i` heads the object of a statement coded in the sentence (roots 01 to 13: "condemned the
    /// attack", "welcomed the Ecuadorian raid", "called the strikes a war crime"): determiners, modifiers and actors
    /// between the statement's words and it.
    fn object_of_statement(&self, i: usize, start: usize, out: &[Event]) -> bool {
        let at = self.tokens[i].span.start + self.offset;
        let in_phrase = |t: usize| {
            self.group_at[t].is_some()
                || DETERMINERS.contains(&self.lemmas[t])
                || matches!(self.lemmas[t], "this" | "these" | "those" | "latest" | "recent" | "'s" | "’s")
                || self.is_modifier(t)
        };
        // (Also when the statement has no actor to code: "Governments across the region condemned the raid".)
        let mut b = i;
        while b > 0 && i - b < 5 && in_phrase(b - 1) {
            b -= 1;
        }
        if b > 0
            && b < i
            && matches!(
                self.lemmas[b - 1],
                "condemn"
                    | "denounce"
                    | "criticize"
                    | "criticise"
                    | "deplore"
                    | "decry"
                    | "slam"
                    | "welcome"
                    | "praise"
                    | "hail"
                    | "applaud"
                    | "mourn"
                    | "protest"
                    | "discuss"
                    | "investigate"
                    | "probe"
                    | "justify"
            )
        {
            return true;
        }
        out[start..].iter().any(|e| {
            let root: u8 = e.code[..2].parse().unwrap_or(0);
            if !(1..=13).contains(&root) || e.evidence.end > at {
                return false;
            }
            let Some(first) = (0..i).find(|&t| self.tokens[t].span.start + self.offset >= e.evidence.end) else {
                return false;
            };
            i - first <= 5
                && (first..i).all(|t| {
                    self.group_at[t].is_some()
                        || DETERMINERS.contains(&self.lemmas[t])
                        || matches!(self.lemmas[t], "this" | "these" | "those" | "latest" | "recent" | "'s" | "’s")
                        || self.is_modifier(t)
                })
        })
    }

    /// Whether an event of the sentence (from `start` in `out`) already covers token `k`.
    fn covered(&self, k: usize, start: usize, out: &[Event]) -> bool {
        let at = self.tokens[k].span.start + self.offset;
        out[start..].iter().any(|e| e.evidence.start <= at && at < e.evidence.end)
    }

    /// The speaker of what the sentence reports around token `k`: the subject of a verb of saying before it, or
    /// the actor of ", X said" (after a closing quote too) after it.
    fn reporter(&self, k: usize) -> Option<usize> {
        for t in (self.clause_start(k)..k).rev() {
            if SPEECH.contains(&self.lemmas[t]) && self.group_at[t].is_none() {
                return self.subject_before(t, false);
            }
        }
        let n = self.tokens.len();
        for t in k + 1..n {
            if self.word(t) != "," {
                continue;
            }
            let mut u = t + 1;
            while u < n && matches!(self.word(u), "\"" | "”" | "“" | "'" | "’") {
                u += 1;
            }
            if let Some((g, end)) = self.group_starting(u) {
                let mut v = end;
                while v < n && self.is_modifier(v) && !SPEECH.contains(&self.lemmas[v]) && v < end + 2 {
                    v += 1;
                }
                if v < n && SPEECH.contains(&self.lemmas[v]) {
                    return Some(g);
                }
            }
        }
        None
    }

    /// An event from each member of `src` to `target`, whose mention moves to the event's words.
    #[allow(clippy::too_many_arguments)]
    fn push_reaction(
        &self,
        sentence: Option<usize>,
        date: Option<Date>,
        src: usize,
        target: &Mention,
        code: &str,
        rule: &str,
        evidence: Span,
        out: &mut Vec<Event>,
    ) -> bool {
        let mut emitted = false;
        for &s in &self.groups[src].members {
            let source = self.mentions[s];
            if source.code == target.code || side_of(source).is_none() || side_of(source) == side_of(target) {
                continue;
            }
            let mut t = target.clone();
            t.sentence = sentence;
            t.span = evidence;
            t.via = Via::Implied;
            out.push(Event {
                sentence,
                source: source.clone(),
                target: t,
                code: code.to_string(),
                mode: Mode::Asserted,
                date,
                evidence,
                rule: rule.to_string(),
            });
            emitted = true;
        }
        emitted
    }

    fn evidence(&self, from: usize, to: usize) -> Span {
        Span::new(self.tokens[from].span.start + self.offset, self.tokens[to - 1].span.end + self.offset)
    }

    /// "Algeria said the drone had violated its airspace", "said the vessels had intruded into its waters": a craft
    /// named with no owner, said to have entered the speaker's airspace, waters or territory, is the speaker's
    /// accusation (112) against the craft's owner: the side whose craft the speaker's own state shot down, seized or
    /// turned back in the document so far (the victim of the latest act of force, 15 to 20, by the speaker's state in
    /// this sentence or the eight before it). Nothing when no such act was told.
    fn craft_violations(&self, sentence: Option<usize>, date: Option<Date>, start: usize, out: &mut Vec<Event>) {
        let n = self.tokens.len();
        for k in 2..n {
            if !matches!(self.lemmas[k], "violate" | "breach" | "intrude" | "enter" | "stray") {
                continue;
            }
            if !(k + 1..n.min(k + 5)).any(|t| matches!(self.lemmas[t], "airspace" | "water" | "waters" | "territory")) {
                continue;
            }
            let mut h = k;
            while h > 0
                && k - h < 3
                && matches!(self.lemmas[h - 1], "have" | "be" | "also" | "repeatedly" | "illegally" | "deliberately")
            {
                h -= 1;
            }
            if h < 2 || self.group_at[h - 1].is_some() {
                continue;
            }
            let head = h - 1;
            let craft = matches!(
                self.lemmas[head].strip_suffix('s').unwrap_or(self.lemmas[head]),
                "drone" | "aircraft" | "plane" | "jet" | "vessel" | "ship" | "boat" | "balloon" | "helicopter"
            );
            if !craft || !matches!(self.lemmas[head - 1], "the" | "this" | "that" | "these" | "those") {
                continue;
            }
            let Some(spk) = self.reporter(k) else { continue };
            if self.covered(k, start, out) {
                continue;
            }
            let Some(own) = self.mentions[self.groups[spk].members[0]].country.clone() else { continue };
            let cur = sentence.unwrap_or(0);
            // (Acts of earlier sentences only: this one's own acts are the speaker's answer, not the craft's fate.)
            let earlier = out[..start].iter().rev().filter(|e| e.sentence.is_some_and(|s| s < cur));
            let owner = earlier.take_while(|e| e.sentence.is_some_and(|s| s + 8 >= cur)).find_map(|e| {
                let root: u8 = accused_act_root(e).unwrap_or_else(|| e.code[..2].parse().unwrap_or(0));
                let (author, victim) = act_parties(e);
                ((15..=20).contains(&root)
                    && author.country.as_ref() == Some(&own)
                    && victim.country.is_some()
                    && victim.country.as_ref() != Some(&own))
                .then(|| victim.clone())
            });
            let Some(owner) = owner else { continue };
            let evidence = self.evidence(head, k + 1);
            if self.push_reaction(sentence, date, spk, &owner, "112", "112.craft-violated+answers", evidence, out) {
                return;
            }
        }
    }

    /// "said the killing was a war crime", "\"The Chinese drills are a blatant provocation,\" Taiwan's office said",
    /// "said the massacre amounted to genocide": the speaker criticises (111) the act's author, found as for
    /// "condemned the attack" among the document's earlier events, or the actor the phrase itself names.
    fn verdicts(&self, sentence: Option<usize>, date: Option<Date>, start: usize, out: &mut Vec<Event>) {
        let n = self.tokens.len();
        for k in 1..n {
            let link = match self.lemmas[k] {
                "be" => k + 1,
                "amount" if self.lemmas.get(k + 1) == Some(&"to") => k + 2,
                "constitute" | "represent" => k + 1,
                _ => continue,
            };
            // The judgement within five words, not denied ("were not a provocation", "were purely defensive").
            let Some(v) = (link..n.min(link + 5)).find(|&t| is_verdict(self.word(t))) else { continue };
            if (k..v).any(|t| {
                matches!(self.lemmas[t], "not" | "n't" | "no" | "never" | "," | "and" | "if" | "whether")
                    || self.group_at[t].is_some()
            }) {
                continue;
            }
            // The judgement is what the act is, not what it aims at: "was intended to deter aggression", "was aimed
            // at ending the meddling" ("an act of piracy" is one).
            if (link..v).any(|t| {
                (PREPOSITIONS.contains(&self.lemmas[t]) && self.lemmas[t] != "of")
                    || matches!(
                        self.lemmas[t],
                        "to" | "stop" | "end" | "prevent" | "deter" | "counter" | "fight" | "meant"
                    )
                    || (t == link
                        && self.word(t).len() > 4
                        && (self.word(t).ends_with("ed") || self.word(t).ends_with("ing")))
            }) {
                continue;
            }
            // The phrase before the verb: a definite act with no author ("the killing"), or one an actor modifies
            // ("the Chinese drills", "Israel's strikes").
            let head = k - 1;
            if act_family(self.lemmas[head]).is_none() && !is_force_noun(self.lemmas[head]) {
                continue;
            }
            let mut b = head;
            while b > 0
                && head - b < 5
                && (self.group_at[b - 1].is_some()
                    || (self.is_modifier(b - 1)
                        && !DETERMINERS.contains(&self.lemmas[b - 1])
                        && !matches!(self.lemmas[b - 1], "this" | "these" | "those" | "such")
                        && !SPEECH.contains(&self.lemmas[b - 1]))
                    || matches!(self.word(b - 1), "'s" | "’s" | "'" | "’"))
            {
                b -= 1;
            }
            let det =
                b > 0 && matches!(self.lemmas[b - 1], "the" | "this" | "these" | "those" | "such" | "its" | "their");
            let named = (b..head).find_map(|t| self.group_at[t]);
            let Some(spk) = self.reporter(k) else { continue };
            if self.covered(head, start, out) || self.covered(v, start, out) {
                continue;
            }
            let evidence = self.evidence(k, v + 1);
            let targets: Vec<Mention> = match named {
                Some(g) => vec![self.mentions[self.groups[g].members[0]].clone()],
                None if det => {
                    // ("the strike amounts to": no compound, whatever the phrase reader makes of the verb.)
                    let (noun, victim) = match self.implied_act_at(b - 1) {
                        Some((noun, victim, end)) if end == k => (noun, victim),
                        _ => (head, None),
                    };
                    match self.act_authors(noun, victim, spk, sentence, out) {
                        Some((authors, _)) => authors,
                        None => match victim
                            .is_none()
                            .then(|| self.protested_remarks_author(noun, spk, sentence, out))
                            .flatten()
                        {
                            Some(a) => vec![a],
                            None => continue,
                        },
                    }
                }
                None => continue,
            };
            let mut emitted = false;
            for target in &targets {
                emitted |=
                    self.push_reaction(sentence, date, spk, target, "111", "111.verdict-on-act+answers", evidence, out);
            }
            if emitted {
                return;
            }
        }
    }

    /// "said Iran would respond decisively", "reserved the right to respond", "vowed to retake the city", "said the
    /// operation would continue", "more strikes would follow", "the killing would not go unanswered": a threat (138,
    /// or 130 for a response between sides that have not fought in the document) against the side named after the
    /// words ("to any Israeli aggression", "if Hezbollah violated the truce"), else against the one adversary of the
    /// source's side in the document. The source is the clause's subject, else the speaker.
    fn vowed_responses(&self, sentence: Option<usize>, date: Option<Date>, start: usize, out: &mut Vec<Event>) {
        let n = self.tokens.len();
        let before = |k: usize, words: &[&str], span: usize| {
            (k.saturating_sub(span)..k).any(|t| words.contains(&self.lemmas[t]))
        };
        const THREAT_VERBS: &[&str] = &["vow", "pledge", "promise", "warn", "threaten", "swear", "reserve"];
        for k in 0..n {
            if self.group_at[k].is_some() {
                continue;
            }
            let next = self.lemmas.get(k + 1).copied().unwrap_or("");
            let vow = match self.lemmas[k] {
                // (The noun "response" may share the verb's lemma.)
                "respond" if self.word(k).len() > 7 && self.word(k)[..7].eq_ignore_ascii_case("respons") => {
                    Vow::Response
                }
                "respond" | "retaliate" | "avenge" => Vow::Respond,
                "response" | "retaliation" | "reprisal" | "reprisals" | "revenge" | "consequence" | "consequences" => {
                    Vow::Response
                }
                "unanswered" | "unpunished" | "unanswer" | "unpunish" => Vow::Unanswered,
                "retake" | "recapture" => Vow::Force,
                // "prepared to confront any aggression", "deal firmly with any violation".
                "confront" | "repel" if matches!(next, "any" | "every") => Vow::Respond,
                "deal"
                    if matches!(next, "strongly" | "firmly" | "sternly" | "decisively" | "harshly" | "severely")
                        && self.lemmas.get(k + 2) == Some(&"with") =>
                {
                    Vow::Respond
                }
                // "would act against the group with increasing military strength".
                "act"
                    if next == "against"
                        && (k + 2..n.min(k + 10))
                            .any(|t| matches!(self.lemmas[t], "military" | "force" | "forcefully" | "strength")) =>
                {
                    Vow::Force
                }
                "hunt" | "track" if next == "down" => Vow::Force,
                "hit" | "strike" | "fight" if next == "back" => Vow::Force,
                // "would strike forcefully if …", "would hit hard".
                "hit" | "strike" | "attack"
                    if matches!(
                        next,
                        "forcefully" | "hard" | "decisively" | "harder" | "mercilessly" | "relentlessly"
                    ) =>
                {
                    Vow::Force
                }
                "continue" | "follow" | "resume" | "keep" | "intensify" | "escalate" => Vow::Continue,
                // "such raids would happen again" (not "it would not happen again": negated below).
                "happen" | "occur" | "recur" if next == "again" => Vow::Continue,
                // "would be considered an act of war", "would be treated as a declaration of war".
                "war"
                    if k >= 2
                        && matches!(self.lemmas[k - 1], "of" | "for")
                        && matches!(self.lemmas[k - 2], "act" | "declaration" | "cause") =>
                {
                    Vow::War
                }
                "take" if self.firm_measures(k) => Vow::Measures,
                _ => continue,
            };
            if self.covered(k, start, out) {
                continue;
            }
            let (mode, _) = self.mode(self.clause_start(k), k);
            // "reserved the right to respond", "retains the right to resume fighting".
            let right = before(k, &["right"], 4) && before(k, &["reserve", "retain", "keep"], 6);
            let intent = mode == Mode::Intended || right;
            let ok = match vow {
                Vow::Respond => {
                    let manner = matches!(
                        next,
                        "decisively"
                            | "forcefully"
                            | "firmly"
                            | "strongly"
                            | "appropriately"
                            | "accordingly"
                            | "directly"
                            | "swiftly"
                            | "resolutely"
                            | "harshly"
                            | "militarily"
                            | "proportionately"
                            | "robustly"
                            | "severely"
                            | "in"
                    );
                    let to_hostile = next == "to"
                        && (k + 2..n.min(k + 6)).any(|t| {
                            matches!(
                                self.lemmas[t].strip_suffix('s').unwrap_or(self.lemmas[t]),
                                "any"
                                    | "aggression"
                                    | "attack"
                                    | "violation"
                                    | "provocation"
                                    | "strike"
                                    | "escalation"
                                    | "intervention"
                                    | "incursion"
                                    | "threat"
                            )
                        });
                    (intent
                        && (manner
                            || to_hostile
                            || self.bare_response(k)
                            || matches!(self.lemmas[k], "confront" | "repel" | "deal")))
                        || before(k, THREAT_VERBS, 6)
                }
                Vow::Response => {
                    // "would be met with an immediate response".
                    let met = (k.saturating_sub(5)..k).any(|t| {
                        self.lemmas[t] == "meet"
                            && t > 0
                            && self.lemmas[t - 1] == "be"
                            && before(t, &["will", "would"], 3)
                    });
                    k > 0
                        && (before(k, THREAT_VERBS, 5) || met)
                        && !matches!(self.lemmas[k - 1], "in" | "no")
                        && !before(k, &["not", "n't", "no", "face", "bear", "have", "suffer", "pay"], 5)
                }
                Vow::Unanswered => before(k, &["go", "remain"], 2) && before(k, &["not", "n't", "never"], 4),
                Vow::Force => intent,
                // (Said of what would be, not of what was: "called the strikes an act of war" is criticism.)
                Vow::War => {
                    before(k, &["consider", "regard", "treat", "see", "deem", "view", "tantamount", "constitute"], 5)
                        && before(k, &["would", "will", "shall"], 8)
                }
                Vow::Measures => intent,
                Vow::Continue => {
                    // The force kept up: the noun before the verb ("the operation would continue") or its object
                    // ("keep up its strikes", "resume fighting").
                    let mut b = k;
                    while b > 0 && matches!(self.lemmas[b - 1], "will" | "would" | "shall" | "'ll" | "be" | "to") {
                        b -= 1;
                    }
                    let subject_noun = b > 0 && is_force_noun(self.lemmas[b - 1]);
                    let object_noun = (k + 1..n.min(k + 4))
                        .take_while(|&t| self.group_at[t].is_none())
                        .any(|t| is_force_noun(self.lemmas[t]));
                    intent && (subject_noun || (object_noun && next != "to"))
                }
            };
            if !ok || mode == Mode::Negated && vow != Vow::Unanswered {
                continue;
            }
            // A threat verb before the words is the one whose subject threatens, and whose object is threatened
            // ("warned Pyongyang of enormous retaliation").
            let cue = (k.saturating_sub(6)..k).rev().find(|&t| THREAT_VERBS.contains(&self.lemmas[t]));
            let at = cue.unwrap_or(k);
            // (An actor right before the threat verb is its subject: "…, Moscow vows response".)
            let next_to = cue.and_then(|t| t.checked_sub(1)).and_then(|t| self.group_at[t]);
            let Some(src) = next_to.or_else(|| self.subject_before(at, false)).or_else(|| self.reporter(at)) else {
                continue;
            };
            let first = self.mentions[self.groups[src].members[0]];
            let Some(side) = side_of(first) else { continue };
            if self.is_civil(src) {
                continue;
            }
            // The side named after the words, behind "to", "against", "if", "until", "unless".
            let object =
                cue.and_then(|t| self.group_starting(t + 1)).map(|(g, _)| self.mentions[self.groups[g].members[0]]);
            let named = object.filter(|m| side_of(m).is_some_and(|s| s != side)).or_else(|| {
                (k + 1..n).find_map(|t| {
                    let (g, _) = self.group_starting(t)?;
                    let m = self.mentions[self.groups[g].members[0]];
                    if side_of(m).is_none_or(|s| s == side) {
                        return None;
                    }
                    let mut b = t;
                    while b > 0 && (DETERMINERS.contains(&self.lemmas[b - 1]) || self.lemmas[b - 1] == "any") {
                        b -= 1;
                    }
                    // (A condition names whom force is threatened against, not always whom a response is: "warned
                    // of consequences if Navalny died in prison".)
                    let condition = b > 0 && matches!(self.lemmas[b - 1], "if" | "until" | "unless" | "should");
                    (b > 0
                        && (b - 1 == k
                            || matches!(self.lemmas[b - 1], "to" | "against" | "on" | "at")
                            || (condition && matches!(vow, Vow::Force | Vow::Continue))
                            // "would respond if the rebels used the pause to attack": the verb's own condition.
                            || (condition && vow == Vow::Respond && b - 1 == k + 1)))
                        .then_some(m)
                })
            });
            // "said the killing was a war crime and that it would not go unanswered", "condemned the strike and vowed
            // revenge": the side the same speaker criticises in the sentence.
            let criticised = || {
                let src_side = Some(side);
                out[start..]
                    .iter()
                    .find(|e| {
                        (e.code.starts_with("11") || (vow != Vow::Continue && e.code.starts_with("12")))
                            && side_of(&e.source) == src_side
                    })
                    .map(|e| &e.target)
                    .filter(|t| side_of(t).is_some_and(|s| s != side))
            };
            let named = named.or_else(|| {
                criticised().filter(|_| {
                    matches!(vow, Vow::Respond | Vow::Response | Vow::Unanswered | Vow::War | Vow::Measures)
                })
            });
            let (target, force) = match named {
                Some(m) => {
                    let force = sole_adversary(side, out).is_some_and(|(o, f)| f && side_of(o) == side_of(m));
                    (m.clone(), force)
                }
                // Force kept up or resumed aims at a side fought in the document, not one only quarrelled with.
                None => match sole_adversary(side, out) {
                    Some((_, false)) if matches!(vow, Vow::Force | Vow::Continue) => continue,
                    Some((o, f)) => (o.clone(), f),
                    None => continue,
                },
            };
            let code = if matches!(vow, Vow::Force | Vow::Continue | Vow::War) || force { "138" } else { "130" };
            if out[start..].iter().any(|e| e.code.starts_with("13") && e.target.code == target.code) {
                continue;
            }
            let evidence = self.evidence(k, (k + 1).min(n));
            let rule = format!("{code}.vowed-response+adversary");
            if self.push_reaction(sentence, date, src, &target, code, &rule, evidence, out) {
                return;
            }
        }
    }

    /// A refusal under a warning or a threat is a threat to withhold cooperation (131): "warned that Washington would
    /// not sign trade deals with either side while the fighting went on", "warned it would not renew the
    /// agreement", "threatened not to attend the summit". (Not "said it would not attend": a plain refusal.)
    fn warned_refusal(&self, subject: Option<usize>, mode_start: usize, anchor: usize, suffix: &str) -> bool {
        if suffix != "+reject" {
            return false;
        }
        let lo = mode_start.min(anchor).max(anchor.saturating_sub(6));
        subject.is_some_and(|s| {
            let st = self.groups[s].tok_start;
            (st.saturating_sub(3)..st).any(|k| matches!(self.lemmas[k], "warn" | "threaten"))
        }) || (lo..anchor).any(|k| self.lemmas[k] == "threaten")
    }

    /// "take all necessary measures", "take firm action", "take resolute countermeasures": measures said to be
    /// taken with a word of firmness or retaliation (not "take steps to expand trade").
    fn firm_measures(&self, k: usize) -> bool {
        let words = &self.lemmas[k + 1..self.lemmas.len().min(k + 5)];
        let noun = words.iter().position(|w| {
            matches!(
                *w,
                "measure" | "measures" | "action" | "actions" | "step" | "steps" | "countermeasure" | "countermeasures"
            )
        });
        let Some(n) = noun else { return false };
        words[..=n].iter().any(|w| w.starts_with("countermeasure"))
            || words[..n].iter().any(|w| {
                matches!(
                    *w,
                    "necessary"
                        | "firm"
                        | "resolute"
                        | "decisive"
                        | "tough"
                        | "forceful"
                        | "retaliatory"
                        | "reciprocal"
                        | "strong"
                        | "stern"
                        | "severe"
                )
            })
    }

    /// A response verb with nothing after it but the end of its clause, a condition or a means: "said Moscow would
    /// respond.", "would respond if the pause were used to regroup", "would retaliate by expelling diplomats",
    /// "would respond in kind" (not "would respond to the letter", "respond to questions").
    fn bare_response(&self, k: usize) -> bool {
        let next = self.lemmas.get(k + 1).copied().unwrap_or(".");
        matches!(next, "." | ";" | "\"" | "if" | "unless" | "should" | "by" | "with")
            || (next == "," && !matches!(self.lemmas.get(k + 2).copied(), Some("but" | "saying")))
            || (next == "and" && self.lemmas.get(k + 2).is_some_and(|w| !matches!(*w, "to" | "in")))
            || (next == "in" && self.lemmas.get(k + 2) == Some(&"kind"))
    }

    /// "its air defences had shot down five of the six missiles", "intercepted 40 drones": fighting (190) by the
    /// interceptor against the one side that fired that weapon in the document so far, else the one side whose
    /// attacks on the interceptor's state it reported.
    fn interceptions(
        &self,
        text: &str,
        sentence: Option<usize>,
        date: Option<Date>,
        start: usize,
        out: &mut Vec<Event>,
    ) {
        let n = self.tokens.len();
        for k in 0..n {
            let end = match self.lemmas[k] {
                "intercept" | "down" | "destroy" if self.group_at[k].is_none() => k + 1,
                "shoot" | "bring" if self.lemmas.get(k + 1) == Some(&"down") => k + 2,
                _ => continue,
            };
            // "destroyed 102 missiles and 99 drones": the weapon right after the verb and its count.
            let reach = if self.lemmas[k] == "destroy" { 3 } else { 8 };
            // "down" alone only as a verb ("downed").
            if self.lemmas[k] == "down" && !self.word(k).ends_with("ed") {
                continue;
            }
            if self.covered(k, start, out) {
                continue;
            }
            // What was stopped: a weapon in the air, with no actor named before it.
            let weapon_at = |t: usize| {
                let w = self.lemmas[t].strip_suffix('s').unwrap_or(self.lemmas[t]);
                matches!(w, "missile" | "drone" | "rocket" | "projectile" | "uav").then_some(w)
            };
            // "Most of the missiles were intercepted by …": in a passive the weapon comes before.
            let passive = k > 0 && self.lemmas[k - 1] == "be" && self.lemmas.get(end) == Some(&"by");
            let weapon = if passive {
                (k.saturating_sub(6)..k - 1)
                    .rev()
                    .take_while(|&t| self.group_at[t].is_none() && self.word(t) != ",")
                    .find_map(weapon_at)
            } else {
                (end..n.min(end + reach))
                    .take_while(|&t| self.group_at[t].is_none() && self.word(t) != ",")
                    .find_map(weapon_at)
            };
            let Some(weapon) = weapon else { continue };
            // "Ukraine's air force said its air defences intercepted …": the speaker's own forces.
            let own_forces = || {
                let spk = self.reporter(k)?;
                let from = self.groups[spk].tok_end;
                (from..k)
                    .any(|t| matches!(self.lemmas[t], "it" | "its" | "they" | "their" | "we" | "our"))
                    .then_some(spk)
            };
            // "Most of the missiles were intercepted by Israeli air defences and by US warships": the agents.
            let agents: Vec<usize> = if passive {
                let mut gs = Vec::new();
                let mut t = end + 1;
                while let Some(g) = self.group_at.get(t).copied().flatten() {
                    gs.push(g);
                    t = self.groups[g].tok_end;
                    if self.lemmas.get(t) == Some(&"and") && self.lemmas.get(t + 1) == Some(&"by") {
                        t += 2;
                    } else {
                        break;
                    }
                }
                gs
            } else {
                Vec::new()
            };
            if passive && !agents.is_empty() {
                let mut emitted = false;
                for g in agents {
                    let first = self.mentions[self.groups[g].members[0]];
                    let Some(own) = first.country.as_deref() else { continue };
                    if !self.is_state_organ(g) {
                        continue;
                    }
                    let fired = |e: &Event| {
                        text.get(e.evidence.start..e.evidence.end)
                            .is_some_and(|t| t.to_ascii_lowercase().contains(weapon))
                    };
                    let Some(target) = sole_attacker(own, out, fired).cloned() else { continue };
                    let evidence = self.evidence(k, end);
                    emitted |=
                        self.push_reaction(sentence, date, g, &target, "190", "190.intercepted+implied", evidence, out);
                }
                if emitted {
                    return;
                }
                continue;
            }
            let Some(subj) = self.subject_before(k, false).or_else(own_forces) else { continue };
            if !self.is_state_organ(subj) || self.mode(self.groups[subj].tok_end, k).0 != Mode::Asserted {
                continue;
            }
            let first = self.mentions[self.groups[subj].members[0]];
            let Some(own) = first.country.as_deref() else { continue };
            let fired = |e: &Event| {
                text.get(e.evidence.start..e.evidence.end).is_some_and(|t| t.to_ascii_lowercase().contains(weapon))
            };
            let attacker = sole_attacker(own, out, fired)
                .or_else(|| sole_attacker(own, out, |e: &Event| e.target.country.as_deref() == Some(own)));
            let Some(target) = attacker.cloned() else { continue };
            let evidence = self.evidence(k, end);
            if self.push_reaction(sentence, date, subj, &target, "190", "190.intercepted+implied", evidence, out) {
                return;
            }
        }
    }
}

/// The source of the latest use of force (roots 18 to 20) in `so_far` that `fits`, by a side other than the state
/// `own`, when all such events are by one side.
fn sole_attacker<'e>(own: &str, so_far: &'e [Event], fits: impl Fn(&Event) -> bool) -> Option<&'e Mention> {
    let mut attacker: Option<&Mention> = None;
    for e in so_far.iter().rev() {
        let root: u8 = e.code[..2].parse().unwrap_or(0);
        if !(18..=20).contains(&root) || !fits(e) {
            continue;
        }
        let Some(s) = side_of(&e.source) else { continue };
        if s == own {
            continue;
        }
        match attacker {
            Some(a) if side_of(a) != Some(s) => return None,
            Some(_) => {}
            None => attacker = Some(&e.source),
        }
    }
    attacker
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The date a sentence gives for its events, resolved against the document's date: "on Tuesday" (the last
/// Tuesday on or before it), "yesterday", "last week", "on January 10" or "Jan. 10" (this year, or last year when
/// that would be after the document).
pub(crate) fn resolve_date(lemmas: &[&str], tokens: &[Token], text: &str, doc: Option<Date>) -> Option<Date> {
    let d = doc?;
    let word = |i: usize| &text[tokens[i].span.start..tokens[i].span.end];
    for i in 0..tokens.len() {
        let l = lemmas[i];
        match l {
            "yesterday" => return Some(d.add_days(-1)),
            "today" | "tonight" => return Some(d),
            "last" if i + 1 < tokens.len() && lemmas[i + 1] == "week" => return Some(d.add_days(-7)),
            _ => {}
        }
        if !word(i).starts_with(char::is_uppercase) {
            continue;
        }
        let day_name = l.strip_suffix('s').unwrap_or(l);
        if let Some(wd) = WEEKDAYS.iter().position(|w| *w == l || *w == day_name) {
            let back = (i64::from(d.weekday()) - wd as i64).rem_euclid(7);
            return Some(d.add_days(-back));
        }
        let w = word(i).trim_end_matches('.').to_lowercase();
        let month = MONTHS
            .iter()
            .position(|m| *m == w)
            .or_else(|| MONTH_ABBR.iter().position(|m| *m == w).filter(|_| word(i).ends_with('.') || w == "may"));
        if let Some(mi) = month {
            if let Some(next) = tokens.get(i + 1).filter(|t| t.kind == TokenKind::Number) {
                let day: u8 = text[next.span.start..next.span.end].parse().unwrap_or(0);
                if let Some(mut date) = Date::new(d.year(), mi as u8 + 1, day) {
                    if date > d {
                        date = Date::new(d.year() - 1, mi as u8 + 1, day).unwrap_or(date);
                    }
                    return Some(date);
                }
            }
        }
    }
    Some(d)
}

/// Whether a mention was found by its name rather than resolved from context.
pub fn is_named(m: &Mention) -> bool {
    m.via == Via::Name
}

impl Sentence<'_> {
    /// "Iraq recalled its ambassador after Iran's Guards fired missiles at Erbil, killing four civilians": a
    /// participle clause after a subordinate clause ("after", "when", "as", "while", "because", "once", then an
    /// actor and a past verb) gives the toll of that clause's act, so it belongs to that clause's subject, not to the
    /// main one. The group right after the last such word before the participle (`anchor`), when a past verb follows it
    /// before the anchor; `None` otherwise.
    fn subordinate_subject(&self, anchor: usize) -> Option<usize> {
        let start = self.clause_start(anchor);
        let k = (start..anchor).rev().take(24).find(|&k| {
            matches!(self.lemmas[k], "after" | "when" | "while" | "because" | "as" | "once")
                && self.group_at[k].is_none()
                && !(k > 0 && matches!(self.lemmas[k - 1], "such" | "as" | "so" | "well"))
        })?;
        let mut t = k + 1;
        while t < anchor && self.group_at[t].is_none() && DETERMINERS.contains(&self.lemmas[t]) {
            t += 1;
        }
        let g = self.group_at.get(t).copied().flatten()?;
        let end = self.groups[g].tok_end;
        let verb = (end..anchor).take(4).any(|v| self.is_past_form(v));
        verb.then_some(g)
    }

    /// "Taiwan's defence ministry said it had tracked dozens of Chinese warships and had dispatched its own forces",
    /// "Algeria said it had detected the drone near the border and recalled …": a verb after "and" (or "and
    /// had") whose first verb's subject is "it"/"they" right after a verb of saying belongs to the speaker, not to
    /// the first verb's object `g`. Conservative like [`Sentence::subject_across_and`]: only plain words between
    /// the object and "and", no relative pronoun, the first verb a lowercase past form.
    fn speaker_across_and(&self, g: usize, anchor: usize) -> Option<usize> {
        let mut and = anchor.checked_sub(1)?;
        if matches!(self.lemmas[and], "have") {
            and = and.checked_sub(1)?;
        }
        if self.lemmas[and] != "and" {
            return None;
        }
        let grp = &self.groups[g];
        // (The object may be a list: "21 Chinese warships, 71 aircraft and four coast guard ships around the island".)
        if and < grp.tok_end || and - grp.tok_end > 12 {
            return None;
        }
        for t in grp.tok_end..and {
            if !(matches!(self.tokens[t].kind, TokenKind::Word | TokenKind::Number) || self.word(t) == ",")
                || self.group_at[t].is_some()
                || matches!(self.lemmas[t], "which" | "who" | "whom" | "whose" | "that" | "or" | "but" | "it" | "they")
                || self.is_past_form(t)
                || SPEECH.contains(&self.lemmas[t])
            {
                return None;
            }
        }
        // Before the object: determiners, numbers, quantities with "of", modifiers; then the first verb.
        let mut k = grp.tok_start;
        let mut steps = 0;
        while k > 0
            && steps < 4
            && self.group_at[k - 1].is_none()
            && (DETERMINERS.contains(&self.lemmas[k - 1])
                || self.tokens[k - 1].kind == TokenKind::Number
                || matches!(self.lemmas[k - 1], "of" | "dozens" | "hundreds" | "scores" | "several")
                || (self.is_modifier(k - 1) && !self.is_past_form(k - 1)))
        {
            k -= 1;
            steps += 1;
        }
        let mut v = k.checked_sub(1)?;
        if self.group_at[v].is_some() || !self.is_past_form(v) || SPEECH.contains(&self.lemmas[v]) {
            return None;
        }
        if v > 0 && matches!(self.word(v - 1), "had" | "has" | "have") {
            v -= 1;
        }
        let p = v.checked_sub(1)?;
        if self.group_at[p].is_some() || !matches!(self.word(p), "it" | "they") {
            return None;
        }
        let mut t = p.checked_sub(1)?;
        if self.lemmas[t] == "that" {
            t = t.checked_sub(1)?;
        }
        if self.group_at[t].is_some() || !SPEECH.contains(&self.lemmas[t]) {
            return None;
        }
        let spk = self.subject_before(t, false)?;
        (spk != g).then_some(spk)
    }

    /// "said it had tracked dozens of Chinese warships and dispatched its own forces to respond": the forces or the
    /// state of another country named before the anchor in its clause (by name, not guessed from context) after a
    /// verb of detecting or tracking, the aim of a posture that names no target after it and has no adversary in the
    /// document yet.
    fn foreign_forces_before(&self, anchor: usize, subj: usize) -> Option<Aim> {
        let own = self.mentions[self.groups[subj].members[0]].country.clone();
        let start = self.clause_start(anchor);
        // Only forces the source detected or tracked first ("Israeli forces will withdraw as the Lebanese army
        // deploys" aims at no one).
        if !(start..anchor)
            .any(|t| matches!(self.lemmas[t], "detect" | "track" | "spot" | "monitor" | "observe" | "sight" | "trail"))
        {
            return None;
        }
        (start..anchor)
            .rev()
            .filter_map(|t| self.group_at[t])
            .find(|&g| {
                g != subj
                    && self.groups[g].members.iter().all(|&m| {
                        let mm = self.mentions[m];
                        mm.country.is_some()
                            && mm.country != own
                            && mm.via != Via::Context
                            && matches!(mm.agent.as_deref(), None | Some("MIL" | "GOV"))
                    })
            })
            .map(Aim::Group)
    }

    /// "The fighting erupted, with Thai F-16 jets bombing Cambodian positions and Cambodian forces firing rockets":
    /// an absolute "with" + actor + "-ing" verb; the actor (right before the verb at `anchor`, after "with" and at
    /// most one determiner) is the verb's subject.
    fn with_absolute_subject(&self, anchor: usize) -> Option<usize> {
        if anchor == 0 || !self.word(anchor).ends_with("ing") || !self.word(anchor).chars().all(|c| c.is_lowercase()) {
            return None;
        }
        // (Up to five plain words, numbers and hyphens between the actor and the verb: "Thai F-16 fighter jets
        // bombing".)
        let mut e = anchor - 1;
        while e > 0
            && anchor - e <= 5
            && self.group_at[e].is_none()
            && (matches!(self.tokens[e].kind, TokenKind::Word | TokenKind::Number) || self.word(e) == "-")
            && !matches!(self.lemmas[e], "and" | "or" | "with" | "by" | "of" | "in" | "on" | "to")
        {
            e -= 1;
        }
        let g = self.group_at[e]?;
        let mut k = self.groups[g].tok_start;
        if k > 0 && self.group_at[k - 1].is_none() && matches!(self.lemmas[k - 1], "the" | "its" | "their") {
            k -= 1;
        }
        (k > 0 && self.lemmas[k - 1] == "with" && self.group_at[k - 1].is_none()).then_some(g)
    }

    /// The noun at `anchor` is what evidence, an allegation, a report or an inquiry is about: "evidence of attacks",
    /// "allegations of abuse", "an inquiry into the killings", "reports of alleged shelling" (at most two of
    /// "the", "alleged", "possible", "reported", "new", "further" between).
    fn subject_of_charge(&self, anchor: usize) -> bool {
        let mut k = anchor;
        let mut steps = 0;
        while k > 0
            && steps < 2
            && self.group_at[k - 1].is_none()
            && matches!(
                self.lemmas[k - 1],
                "the" | "alleged" | "possible" | "reported" | "new" | "further" | "suspected"
            )
        {
            k -= 1;
            steps += 1;
        }
        k >= 2
            && matches!(self.lemmas[k - 1], "of" | "into")
            && self.group_at[k - 2].is_none()
            && matches!(
                self.lemmas[k - 2],
                "evidence"
                    | "allegation"
                    | "allegations"
                    | "accusation"
                    | "accusations"
                    | "report"
                    | "reports"
                    | "inquiry"
                    | "investigation"
                    | "probe"
                    | "claim"
                    | "claims"
                    | "rumour"
                    | "rumours"
                    | "rumor"
                    | "rumors"
            )
    }

    /// "following a week of deadly border clashes", "after months of fighting", "since years of shelling": the noun
    /// at `anchor` after a period ("day", "week", "month", "year", "hour", "night" + "of", at most three modifiers
    /// between) that follows "since", "following", "after", "amid" or "despite" is background, like "since the
    /// invasion of Ukraine".
    fn background_period_of(&self, anchor: usize) -> bool {
        let Some(of) = (anchor.saturating_sub(4)..anchor).rev().find(|&j| self.lemmas[j] == "of") else {
            return false;
        };
        if of == 0
            || (of + 1..anchor).any(|j| self.group_at[j].is_some() || matches!(self.word(j), "," | ";" | ":"))
            || !matches!(
                self.lemmas[of - 1],
                "day"
                    | "days"
                    | "week"
                    | "weeks"
                    | "month"
                    | "months"
                    | "year"
                    | "years"
                    | "hour"
                    | "hours"
                    | "night"
                    | "nights"
            )
        {
            return false;
        }
        (of.saturating_sub(5)..of - 1).rev().any(|k| {
            matches!(self.lemmas[k], "since" | "following" | "after" | "amid" | "despite")
                && (k + 1..of - 1).all(|j| self.group_at[j].is_none() && !matches!(self.word(j), "," | ";" | ":"))
        })
    }

    /// "sent police to help the Caribbean nation fight gangs", "deployed to help fight the gangs", "to enable the
    /// army to retake the town": the verb at `anchor` is the aim of a help that is itself a purpose ("to help"), not
    /// an act of the subject or of anyone yet.
    fn aim_of_help(&self, anchor: usize) -> bool {
        (anchor.saturating_sub(7)..anchor).rev().any(|k| {
            k > 0
                && matches!(self.lemmas[k], "help" | "assist" | "enable")
                && self.lemmas[k - 1] == "to"
                && !(k + 1..anchor).any(|j| matches!(self.word(j), "," | ";" | ":") || self.lemmas[j] == "and")
        })
    }
}

/// Whether the words after "press" make it a fighting verb, not an appeal: "pressed an offensive to drive …",
/// "pressed on with its assault" (a determiner or "on"/"ahead" and, within three words, a noun of attack).
/// "pressed the EU to lift sanctions" stays an appeal.
fn presses_an_offensive(after: &[&str]) -> bool {
    matches!(after.first().copied(), Some("a" | "an" | "the" | "its" | "their" | "his" | "her" | "on" | "ahead"))
        && after.iter().skip(1).take(3).any(|w| {
            matches!(
                *w,
                "offensive" | "counteroffensive" | "attack" | "assault" | "advance" | "push" | "campaign" | "operation"
            )
        })
}

/// "Kinshasa said Rwandan troops were fighting alongside the rebels", "experts say foreign troops operate alongside
/// the group": military cooperation between a foreign side and an armed group, told by a third party, is that
/// party's accusation against the foreign side (112), not cooperation the text asserts.
fn reported_alliance(
    offset: usize,
    tokens: &[Token],
    lemmas: &[&str],
    ms: &[&Mention],
    start: usize,
    out: &mut Vec<Event>,
) {
    let armed = |m: &Mention| m.code.ends_with("REB");
    let mut accusations: Vec<Event> = Vec::new();
    let mut k = start;
    while k < out.len() {
        let e = &out[k];
        if !e.code.starts_with("06") || armed(&e.source) == armed(&e.target) {
            k += 1;
            continue;
        }
        let foreign = if armed(&e.source) { &e.target } else { &e.source };
        let at = e.evidence.start.wrapping_sub(offset);
        let said = tokens.iter().position(|t| t.span.start == at).and_then(|a| {
            (0..a).rev().find(|&j| matches!(lemmas[j], "say" | "said" | "allege" | "claim" | "accuse" | "charge"))
        });
        let speaker = said.and_then(|j| {
            let before = offset + tokens[j].span.start;
            ms.iter().rev().find(|m| m.span.start >= offset && m.span.end <= before).filter(|m| {
                !armed(m) && m.code != foreign.code && (m.country.is_none() || m.country != foreign.country)
            })
        });
        let Some(speaker) = speaker else {
            k += 1;
            continue;
        };
        if !accusations.iter().any(|f| f.source.code == speaker.code && f.target.code == foreign.code) {
            accusations.push(Event {
                source: (*speaker).clone(),
                target: foreign.clone(),
                code: "112".to_string(),
                rule: format!("{}+accuse", e.rule),
                ..e.clone()
            });
        }
        out.remove(k);
    }
    out.extend(accusations);
}

/// Whether the anchor at `a` (its word `w`) is a participle right after a noun of armed men that it modifies:
/// "targeted militias working with the army", "a base for militias allied with the army", "supplies to troops
/// stationed on the ship", where a preposition or verb shows the noun is an object, not the subject of its own verb
/// ("Russian troops deployed to the border", "with jets bombing positions and forces firing rockets" are acts).
/// (Any other plural common noun that names no actor is kept from the cooperative roots at emission by
/// `modifies_a_common_noun`.)
fn noun_modifier(lemmas: &[&str], a: usize, w: &str) -> bool {
    if a < 2 {
        return false;
    }
    let noun = lemmas[a - 1];
    let armed = matches!(
        noun.strip_suffix('s').unwrap_or(noun),
        "militia" | "troop" | "soldier" | "force" | "fighter" | "rebel" | "marine" | "unit" | "personnel" | "gunmen"
    );
    if !armed {
        return false;
    }
    // The noun is an object: a preposition or a verb of acting on it just before ("of" and "by" are left out: "the
    // head of the armed forces called", "rebels backed by Rwandan troops seized" have the verb as the clause's own).
    (w.ends_with("ing") || w.ends_with("ed"))
        && lemmas[a.saturating_sub(4)..a - 1].iter().any(|p| {
            matches!(*p, "to" | "for" | "with" | "against" | "at" | "on" | "among" | "resupply" | "supply" | "target")
        })
}

/// Whether a sentence places something under an earlier year than the document's: `lead` ("in", "since") before
/// the year, or before a month and the year ("in December 2023").
fn earlier_year_after(lemmas: &[&str], lead: &str, doc_year: i32) -> bool {
    lemmas.iter().enumerate().any(|(k, w)| {
        w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && w.parse::<i32>().is_ok_and(|y| (1900..doc_year).contains(&y))
            && k >= 1
            && (lemmas[k - 1] == lead
                || (k >= 2 && lemmas[k - 2] == lead && MONTHS.contains(&lemmas[k - 1].to_ascii_lowercase().as_str())))
    })
}

/// Whether two actors are organs of one state (government, army, police, legislature, courts, intelligence).
fn organs_of_one_state(a: &Mention, b: &Mention) -> bool {
    let organ = |c: &str| c.len() == 6 && matches!(&c[3..], "GOV" | "MIL" | "COP" | "LEG" | "JUD" | "SPY");
    let (sa, sb) = (a.code.as_str(), b.code.as_str());
    organ(sa) && organ(sb) && sa[..3] == sb[..3] && !matches!(&sa[..3], "IGO" | "NGO" | "IMG")
}

/// Readings that are not events of this text, dropped (a precision pass over the sentence's events):
/// - background told in the passive under an earlier year ("was granted candidate status in 2023"; an act going on
///   "since 2022" is still reported: "has sent aid since 2022");
/// - an act done "once", long ago ("had once designated him a terrorist");
/// - arson read as gunfire ("setting fires at two embassies"): a crowd's is a violent protest (145), else dropped;
/// - material help between two organs of one state ("deployed the army to support the police");
/// - people "handed over" in the passive: the pattern's subject is not the one who hands them over;
/// - a participle modifying a noun of armed men ("militias allied with the army", "troops stationed on the ship"),
///   and a relative clause told in the pluperfect passive or "has long" ("a deal that had been brokered by Algeria",
///   "Oman, which has long mediated between them"): descriptions, not acts of this text;
/// - an act that is only the aim of an effort ("discussed efforts to reach a truce", "a bid to join the bloc"),
///   unless the mode already made it an intent or an appeal ("vowed to continue efforts to restore dialogue").
///
/// (Hosting a base or an office, and a person flown somewhere to face trial, are no visits: `hosts_a_facility` and
/// `is_transfer_to_face_trial` keep them from being coded; a fight another is sent "to help" wage is
/// `Sentence::aim_of_help`.)
fn not_events_here(
    text: &str,
    offset: usize,
    tokens: &[Token],
    lemmas: &[&str],
    doc_year: Option<i32>,
    start: usize,
    out: &mut Vec<Event>,
) {
    let past_in = doc_year.is_some_and(|y| earlier_year_after(lemmas, "in", y));
    let word = |i: usize| text[tokens[i].span.start..tokens[i].span.end].to_ascii_lowercase();
    let mut k = start;
    while k < out.len() {
        let e = &out[k];
        let at = e.evidence.start.wrapping_sub(offset);
        let Some(a) = tokens.iter().position(|t| t.span.start == at) else {
            k += 1;
            continue;
        };
        let root = &e.code[..2];
        let passive = a >= 1 && lemmas[a - 1] == "be" && word(a) != lemmas[a];
        let once = a >= 1 && lemmas[a - 1] == "once" && lemmas.get(a + 1) != Some(&"again");
        let arson = e.rule.starts_with("193.fire-on") && (word(a) == "fires" || (a >= 1 && lemmas[a - 1] == "set"));
        let own_organs = matches!(root, "06" | "07") && organs_of_one_state(&e.source, &e.target);
        let handed_over = e.rule.starts_with("0841.hand-over") && passive;
        let modifier = noun_modifier(lemmas, a, &word(a));
        let relative_past = (1..=4)
            .filter(|&d| a >= d)
            .map(|d| a - d)
            .find(|&j| matches!(lemmas[j], "which" | "who" | "that"))
            .is_some_and(|j| {
                let mid = &lemmas[j + 1..a];
                mid.iter().all(|w| matches!(*w, "have" | "be" | "long" | "also" | "earlier" | "previously"))
                    && ((mid.contains(&"have") && mid.contains(&"be")) || mid.contains(&"long"))
            });
        let aim_only = a >= 2
            && !matches!(root, "02" | "03")
            && lemmas[a - 1] == "to"
            && matches!(lemmas[a - 2], "effort" | "efforts" | "bid" | "attempt" | "attempts" | "push" | "drive");
        if arson && e.source.code.ends_with("CVL") {
            let e = &mut out[k];
            e.code = "145".to_string();
            e.rule.push_str("+arson");
            k += 1;
            continue;
        }
        let drop =
            (past_in && passive) || once || arson || own_organs || handed_over || aim_only || modifier || relative_past;
        if drop {
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_resolve_against_the_document() {
        let d: Date = "2022-01-05".parse().unwrap(); // a Wednesday
        let check = |s: &str| {
            let toks = tokenize(s);
            let lem: Vec<String> = toks.iter().map(|t| lemma(&s[t.span.start..t.span.end])).collect();
            let lem: Vec<&str> = lem.iter().map(String::as_str).collect();
            resolve_date(&lem, &toks, s, Some(d)).unwrap().to_string()
        };
        assert_eq!(check("They met on Tuesday."), "2022-01-04");
        assert_eq!(check("They met on Wednesday."), "2022-01-05");
        assert_eq!(check("They met yesterday."), "2022-01-04");
        assert_eq!(check("They met last week."), "2021-12-29");
        assert_eq!(check("They met on December 30."), "2021-12-30");
        assert_eq!(check("They met on Jan. 3 in Minsk."), "2022-01-03");
        assert_eq!(check("They may meet."), "2022-01-05");
    }

    /// The built-in coder, compiled once for all tests (the other test modules here and in `participants` use it).
    /// The events of `text` dated `date`, as (sentence, source, target, code): the helper of the test modules below.
    pub(crate) fn coded(text: &str, date: &str) -> Vec<(Option<usize>, String, String, String)> {
        let mut doc = Document::from_text("t", None, text);
        doc.date = Some(date.parse().unwrap());
        coder().code(&doc).events.into_iter().map(|e| (e.sentence, e.source.code, e.target.code, e.code)).collect()
    }

    pub(crate) fn coder() -> &'static Coder {
        static CODER: std::sync::OnceLock<Coder> = std::sync::OnceLock::new();
        CODER.get_or_init(|| Coder::new(Dictionaries::builtin().unwrap()).unwrap())
    }

    /// `(source, target, code, rule)` of every event in one sentence dated `date`.
    fn events(date: &str, text: &str) -> Vec<(String, String, String, String)> {
        let mut doc = Document::from_text("t", None, text);
        doc.date = Some(date.parse().unwrap());
        coder().code(&doc).events.into_iter().map(|e| (e.source.code, e.target.code, e.code, e.rule)).collect()
    }

    fn has(evs: &[(String, String, String, String)], src: &str, tgt: &str, code: &str) -> bool {
        evs.iter().any(|e| e.0 == src && e.1 == tgt && e.2 == code)
    }

    #[test]
    fn a_pattern_reads_on_into_a_possessed_actor_head() {
        // "X's military aid": the head of the possessed actor is also the pattern's word.
        let evs = events("2024-06-01", "The new cabinet suspended Norway's military support to Estonia.");
        assert!(evs.iter().any(|e| e.1 == "EST" && e.2 == "1622"), "{evs:?}");
        // Negatives: a possessed actor named alone is still the target, and no aid cut is read without "aid".
        let evs = events("2024-06-01", "Sweden denounced Norway's military on Friday.");
        assert!(has(&evs, "SWE", "NORMIL", "111"), "{evs:?}");
        let evs = events("2024-06-01", "The new cabinet suspended Norway's military chief.");
        assert!(!evs.iter().any(|e| e.2 == "1622"), "{evs:?}");
    }

    #[test]
    fn a_subject_list_goes_on_past_an_apposition_or_relative_clause() {
        // The first member of a subject list described between commas stays a member.
        let evs = events("2024-06-01", "Norway, a longtime broker, and Sweden denounced Iran on Tuesday.");
        assert!(has(&evs, "NOR", "IRN", "111") && has(&evs, "SWE", "IRN", "111"), "{evs:?}");
        let evs = events(
            "2024-06-01",
            "Chile, whose foreign minister flew to Lima on Monday, and Argentina condemned Venezuela.",
        );
        assert!(evs.iter().any(|e| e.0.starts_with("CHL") && e.1 == "VEN" && e.2 == "111"), "{evs:?}");
        assert!(has(&evs, "ARG", "VEN", "111"), "{evs:?}");
        // Negatives: an object described between commas is no subject list ("struck X, a town, and Y denounced …"),
        // nor is a place in an opening phrase.
        let evs = events("2024-06-01", "Turkey bombed Syria, a war-torn neighbour, and Iran denounced the raid.");
        assert!(!has(&evs, "TUR", "IRN", "195") && !has(&evs, "TUR", "IRN", "190"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == "SYR" && e.2 == "111"), "{evs:?}");
        let evs = events("2024-06-01", "In Paris, the French capital, and Germany's leaders condemned Russia.");
        assert!(!evs.iter().any(|e| e.0.starts_with("FRA")), "{evs:?}");
    }

    #[test]
    fn a_state_in_talks_with_its_own_rebels_is_its_government() {
        // The capital or the bare state facing its own armed or political rivals: domestic negotiation, both ways.
        let evs = events("2024-06-01", "The FARC dissidents have been holding new talks with Bogota in Havana.");
        assert!(has(&evs, "COLREB", "COLGOV", "046") && has(&evs, "COLGOV", "COLREB", "046"), "{evs:?}");
        let evs = events("2024-06-01", "Fresh negotiations between Kinshasa and the M23 are now under way in Doha.");
        assert!(has(&evs, "CODGOV", "CODREB", "046") && has(&evs, "CODREB", "CODGOV", "046"), "{evs:?}");
        // Negatives: a state does not negotiate with itself, nor with its own army, named bare.
        let evs = events("2024-06-01", "Colombian officials have been holding new talks with Bogota.");
        assert!(!evs.iter().any(|e| e.2 == "046"), "{evs:?}");
        let evs = events("2024-06-01", "The Colombian army has been holding new talks with Bogota.");
        assert!(!evs.iter().any(|e| e.2 == "046"), "{evs:?}");
        // Nor is a rebel's trip to the capital a visit to the government.
        let evs = events("2024-06-01", "Rebel commanders travelled to Bogota last week.");
        assert!(!evs.iter().any(|e| e.2.starts_with("04")), "{evs:?}");
    }

    #[test]
    fn an_emphatic_own_after_a_possessive_is_crossed() {
        let evs = events("2024-06-01", "Peru severed its own diplomatic ties with Caracas on Monday.");
        assert!(has(&evs, "PER", "VEN", "161"), "{evs:?}");
        let evs = events("2024-06-01", "Chad recalled its own ambassador from Khartoum after the attack.");
        assert!(evs.iter().any(|e| e.0 == "TCD" && e.1.starts_with("SDN") && e.2 == "161"), "{evs:?}");
        // Negative: crossing "own" adds no verb of its own; ties praised are not cut.
        let evs = events("2024-06-01", "Peru praised its own ties with Caracas on Monday.");
        assert!(!evs.iter().any(|e| e.2 == "161"), "{evs:?}");
    }

    #[test]
    fn a_truce_accepted_by_two_sides_is_between_them_and_its_broker_mediates() {
        let evs = events("2024-06-01", "Armenia and Azerbaijan accepted a ceasefire brokered by Russia on Monday.");
        assert!(has(&evs, "ARM", "AZE", "0871") && has(&evs, "AZE", "ARM", "0871"), "{evs:?}");
        assert!(has(&evs, "RUS", "ARM", "045") && has(&evs, "RUS", "AZE", "045"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.1 == "RUS" && e.2 == "0871"), "{evs:?}");
        // "Proposed by" the same: the proposer mediates between the two sides.
        let evs = events("2024-06-01", "Armenia and Azerbaijan accepted a truce proposed by Russia.");
        assert!(has(&evs, "ARM", "AZE", "0871") && has(&evs, "RUS", "AZE", "045"), "{evs:?}");
        // Negative: one side alone accepting a brokered proposal declares no truce with the broker (the broker
        // still mediates).
        let evs = events("2024-06-01", "Armenia accepted a ceasefire proposal brokered by Russia on Monday.");
        assert!(!evs.iter().any(|e| e.1 == "RUS" && e.2 == "0871") && has(&evs, "RUS", "ARM", "045"), "{evs:?}");
    }

    #[test]
    fn talks_hosted_by_a_state_are_no_visit_to_it() {
        let evs =
            events("2024-06-01", "Sudanese and Chadian delegations held talks in Doha on Monday, hosted by Qatar.");
        assert!(!evs.iter().any(|e| e.2 == "042"), "{evs:?}");
        let evs = events("2024-06-01", "Chad and Sudan signed a border accord at a ceremony hosted by Qatar.");
        assert!(!evs.iter().any(|e| e.2 == "042"), "{evs:?}");
    }

    #[test]
    fn the_sides_of_a_brokered_truce_declare_it_to_each_other() {
        let evs = events("2024-06-01", "Kenya said it had brokered a truce between Ethiopia and Eritrea on Sunday.");
        assert!(has(&evs, "KEN", "ETH", "045") && has(&evs, "KEN", "ERI", "045"), "{evs:?}");
        assert!(has(&evs, "ETH", "ERI", "0871") && has(&evs, "ERI", "ETH", "0871"), "{evs:?}");
        // Negative: a deal of another kind brokered between them is no truce.
        let evs = events("2024-06-01", "Kenya said it had brokered a trade deal between Ethiopia and Eritrea.");
        assert!(!evs.iter().any(|e| e.2 == "0871"), "{evs:?}");
    }

    #[test]
    fn the_sides_of_hosted_talks_negotiate_with_each_other() {
        let evs = events("2024-06-01", "Kenya is hosting indirect talks between Ethiopia and Eritrea this week.");
        assert!(has(&evs, "KEN", "ETH", "045") && has(&evs, "KEN", "ERI", "045"), "{evs:?}");
        assert!(has(&evs, "ETH", "ERI", "046") && has(&evs, "ERI", "ETH", "046"), "{evs:?}");
        // Negatives: a hosted meeting is the host's alone, and a host with one guest has no pair.
        let evs = events("2024-06-01", "Kenya hosted a meeting between Ethiopia and Eritrea on Friday.");
        assert!(!evs.iter().any(|e| e.2 == "046" && e.0 == "ETH"), "{evs:?}");
        let evs = events("2024-06-01", "Kenya is hosting talks between Ethiopian officials and Ethiopian diplomats.");
        assert!(!evs.iter().any(|e| e.2 == "046"), "{evs:?}");
    }

    #[test]
    fn an_ignored_invitation_or_call_is_not_the_act_it_asked_for() {
        let evs =
            events("2024-06-01", "Chad said the Sudanese envoy had ignored an invitation to meet Chad's president.");
        assert!(!evs.iter().any(|e| e.2.starts_with("04")), "{evs:?}");
        // Negative: the act itself is still coded.
        let evs = events("2024-06-01", "Chad said the Sudanese envoy had met Chad's president.");
        assert!(evs.iter().any(|e| e.2.starts_with("04")), "{evs:?}");
    }

    #[test]
    fn wire2_accession_talks_halted_and_envoys_held_back_reduce_relations() {
        let evs = events("2024-06-01", "Moldova suspended talks on joining the European Union on Monday.");
        assert!(has(&evs, "MDA", "IGOEUREEC", "164"), "{evs:?}");
        let evs = events("2024-06-01", "Chad postponed the arrival of its new ambassador to Niger.");
        assert!(has(&evs, "TCD", "NER", "161"), "{evs:?}");
        // Negatives: talks resumed or an envoy welcomed reduce nothing.
        let evs = events("2024-06-01", "Moldova resumed talks on joining the European Union on Monday.");
        assert!(!evs.iter().any(|e| e.2.starts_with("16")), "{evs:?}");
        let evs = events("2024-06-01", "Chad welcomed the arrival of its new ambassador to Niger.");
        assert!(!evs.iter().any(|e| e.2.starts_with("16")), "{evs:?}");
    }

    #[test]
    fn wire2_pressing_an_offensive_to_drive_troops_out_is_fighting_not_an_appeal() {
        let evs =
            events("2024-06-01", "Ethiopian forces pressed an offensive to push Eritrean troops out of the town.");
        assert!(has(&evs, "ETHMIL", "ERIMIL", "190"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.2 == "201"), "troops are no expelled crowd: {evs:?}");
        // Negative: pressing a state to act stays an appeal; its act is not coded as done.
        let evs = events("2024-06-01", "Kenya pressed Ethiopia to withdraw its troops from Somalia.");
        assert!(!evs.iter().any(|e| e.0.starts_with("ETH") && e.2.starts_with("08")), "{evs:?}");
        assert!(presses_an_offensive(&["an", "offensive"]) && presses_an_offensive(&["on", "with", "its", "assault"]));
        assert!(!presses_an_offensive(&["the", "government", "to"]));
    }

    #[test]
    fn wire2_a_measure_taking_effect_at_once_is_taken_not_threatened() {
        let evs = events("2024-06-01", "Mexico will impose tariffs on $20 billion worth of Chinese goods immediately.");
        assert!(has(&evs, "MEX", "CHN", "163"), "{evs:?}");
        // Negative: a measure only warned of stays a threat.
        let evs = events(
            "2024-06-01",
            "Mexico warned it would impose tariffs on $20 billion worth of Chinese goods next year.",
        );
        assert!(has(&evs, "MEX", "CHN", "131") && !has(&evs, "MEX", "CHN", "163"), "{evs:?}");
    }

    #[test]
    fn wire2_fighting_with_heavy_weapons_talks_under_way_joint_bodies_left_and_fighters_targeted() {
        let evs = events("2024-06-01", "Eritrean and Ethiopian soldiers fought with tanks near the border on Sunday.");
        assert!(has(&evs, "ERIMIL", "ETHMIL", "194") && has(&evs, "ETHMIL", "ERIMIL", "194"), "{evs:?}");
        let evs = events("2024-06-01", "Negotiations between Armenia and Azerbaijan are now under way in Vienna.");
        assert!(has(&evs, "ARM", "AZE", "046") && has(&evs, "AZE", "ARM", "046"), "{evs:?}");
        let evs = events("2024-06-01", "Chad pulled out of the joint border commission with Sudan on Monday.");
        assert!(evs.iter().any(|e| e.0 == "TCD" && e.1 == "SDN" && e.2.starts_with("16")), "{evs:?}");
        let evs = events("2024-06-01", "The Turkish army targeted a PKK operative in northern Iraq.");
        assert!(evs.iter().any(|e| e.0 == "TURMIL" && e.2.starts_with("19")), "{evs:?}");
        // Negatives: fighting with words, talks merely proposed, a joint body joined, sanctions that target
        // officials are none of these.
        let evs = events("2024-06-01", "Eritrea and Ethiopia fought with words at the summit.");
        assert!(!evs.iter().any(|e| e.2 == "194"), "{evs:?}");
        let evs = events("2024-06-01", "Talks between Armenia and Azerbaijan are not expected soon.");
        assert!(!evs.iter().any(|e| e.2 == "046"), "{evs:?}");
        let evs = events("2024-06-01", "Chad joined the joint border commission with Sudan.");
        assert!(!evs.iter().any(|e| e.2.starts_with("16")), "{evs:?}");
        let evs = events("2024-06-01", "The new sanctions targeted Russian officials and banks.");
        assert!(!evs.iter().any(|e| e.2.starts_with("19")), "{evs:?}");
    }

    #[test]
    fn wire2_operations_to_hunt_a_side_down_and_aid_for_a_side_paused() {
        let evs = events("2024-06-01", "Malian troops launched an operation to root out jihadist fighters near Gao.");
        assert!(evs.iter().any(|e| e.0 == "MLIMIL" && e.2 == "190"), "{evs:?}");
        let evs = events("2024-06-01", "Somali forces completed the security operation against al Shabaab.");
        assert!(evs.iter().any(|e| e.0 == "SOMMIL" && e.2 == "190"), "{evs:?}");
        let evs = events("2024-06-01", "Germany halted development aid programmes benefiting the government of Mali.");
        assert!(evs.iter().any(|e| e.0 == "DEU" && e.1.starts_with("MLI") && e.2.starts_with("162")), "{evs:?}");
        let evs = events("2024-06-01", "The WFP suspended food deliveries to southern Sudan.");
        assert!(evs.iter().any(|e| e.1.starts_with("SDN") && e.2.starts_with("162")), "{evs:?}");
        // Negatives: an operation to rebuild, aid resumed.
        let evs = events("2024-06-01", "Malian troops launched an operation to rebuild schools near Gao.");
        assert!(!evs.iter().any(|e| e.2.starts_with("19")), "{evs:?}");
        let evs = events("2024-06-01", "The WFP resumed food deliveries to southern Sudan.");
        assert!(!evs.iter().any(|e| e.2.starts_with("16")), "{evs:?}");
    }

    #[test]
    fn wire2_a_person_freed_is_named_after_the_nationality() {
        let evs = events("2024-06-01", "Iran freed French journalist Anne Marchal on Friday.");
        assert!(evs.iter().any(|e| e.0 == "IRN" && e.1.starts_with("FRA") && e.2 == "0841"), "{evs:?}");
        // Negative: "free" as an adjective releases nobody.
        let evs = events("2024-06-01", "Iran said it wanted a free French press on Friday.");
        assert!(!evs.iter().any(|e| e.2 == "0841"), "{evs:?}");
    }

    #[test]
    fn readout_honours_valued_support_hopes_and_announced_aid() {
        for (text, src, tgt, code) in [
            (
                "The Kazakh president presented Xi Jinping with the Order of the Golden Eagle.",
                "KAZGOV",
                "CHNGOV",
                "051",
            ),
            ("Macron awarded the Legion of Honour to Lula on Tuesday.", "FRAGOV", "BRAGOV", "051"),
            ("Hanoi said it valued the steadfast support of Japan.", "VNM", "JPN", "051"),
            ("Dhaka said it wanted a stable relationship with Delhi.", "BGD", "IND", "030"),
            ("Beijing said it hoped Washington would honour its commitments.", "CHN", "USA", "020"),
            ("Berlin announced 300 million euros in weapons for Ukraine.", "DEU", "UKR", "072"),
            ("Norway announced new humanitarian aid for Sudan.", "NOR", "SDN", "073"),
            ("China held a new stage of its naval exercises together with Russia.", "CHN", "RUS", "062"),
            ("China held a new stage of its naval exercises together with Russia.", "RUS", "CHN", "062"),
        ] {
            let e = events("2025-06-01", text);
            assert!(has(&e, src, tgt, code), "{text}: {e:?}");
        }
        // Both leaders reaffirm their commitment to the relationship: 030 both ways, not an accord (019).
        let e = events(
            "2025-06-01",
            "Xi Jinping met Lula. The two leaders reaffirmed their commitment to their partnership.",
        );
        assert!(has(&e, "CHNGOV", "BRAGOV", "030") && has(&e, "BRAGOV", "CHNGOV", "030"), "{e:?}");
        assert!(!e.iter().any(|x| x.2 == "019"), "{e:?}");
        // Not an honour, not a side, no side to act: nothing.
        for text in [
            "The ministry awarded a contract to a Turkish company.",
            "Beijing said it hoped relations would improve.",
            "Berlin announced new humanitarian aid.",
        ] {
            let e = events("2025-06-01", text);
            assert!(!e.iter().any(|x| ["051", "020", "073"].contains(&x.2.as_str())), "{text}: {e:?}");
        }
    }

    #[test]
    fn a_gap_counts_a_hyphenated_compound_as_one_word() {
        let e = events("2024-03-01", "Ghana suspended a decades-old cocoa-for-fuel barter agreement with Togo.");
        assert!(has(&e, "GHA", "TGO", "160"), "{e:?}");
        // Five words are still too many for a four-word gap.
        let e = events("2024-03-01", "Ghana suspended a very old cocoa fuel barter agreement with Togo.");
        assert!(!e.iter().any(|x| x.2.starts_with("16")), "{e:?}");
    }

    #[test]
    fn a_pair_named_as_a_hyphenated_modifier_does_not_stop_a_gap() {
        let e = events(
            "2024-05-10",
            "Japanese Prime Minister Fumio Kishida and Australian Prime Minister Anthony Albanese elevated the \
             Japan-Australia relationship to a comprehensive strategic partnership.",
        );
        assert!(has(&e, "JPNGOV", "AUSGOV", "050") && has(&e, "AUSGOV", "JPNGOV", "050"), "{e:?}");
        // One side alone has no partner named by the pattern: no event.
        let e = events(
            "2024-05-10",
            "Japanese Prime Minister Fumio Kishida elevated the Japan-Australia relationship to a new level.",
        );
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn readout_support_thanks_and_envoys_told_to_leave() {
        let e = events(
            "2024-05-10",
            "Spanish Prime Minister Pedro Sanchez assured Moroccan Prime Minister Aziz Akhannouch of Spain's full \
             support for the plan.",
        );
        assert!(has(&e, "ESPGOV", "MARGOV", "051"), "{e:?}");
        // Assuring an audience that is no actor is no support of a side.
        let e = events("2024-05-10", "Pedro Sanchez assured the audience of Spain's full support for the plan.");
        assert!(!e.iter().any(|x| x.2 == "051"), "{e:?}");
        let e = events("2024-05-10", "Chilean President Gabriel Boric thanked partners including Peru and Argentina.");
        assert!(has(&e, "CHLGOV", "PER", "051") && has(&e, "CHLGOV", "ARG", "051"), "{e:?}");
        let e = events("2024-05-10", "Chile ordered Bolivian defence attaches to leave the country.");
        assert!(e.iter().any(|x| x.0 == "CHL" && x.1.starts_with("BOL") && x.2 == "161"), "{e:?}");
        // Told to leave office, not the country: no expulsion.
        let e = events("2024-05-10", "Chile ordered its own defence officials to leave their posts.");
        assert!(!e.iter().any(|x| x.2 == "161"), "{e:?}");
        let e = events("2024-05-10", "Chile held the fisheries accord with Peru in abeyance on Monday.");
        assert!(has(&e, "CHL", "PER", "160"), "{e:?}");
    }

    #[test]
    fn a_session_chaired_by_a_pair_an_emergency_meeting_asked_for_and_a_warship_between_islands() {
        let e = events(
            "2024-05-10",
            "Japanese Prime Minister Fumio Kishida and Australian Prime Minister Anthony Albanese chaired the first \
             session of the joint council.",
        );
        assert!(has(&e, "JPNGOV", "AUSGOV", "040") && has(&e, "AUSGOV", "JPNGOV", "040"), "{e:?}");
        // One side chairing its own cabinet consults no one.
        let e = events("2024-05-10", "Japanese Prime Minister Fumio Kishida chaired a meeting of the cabinet.");
        assert!(e.is_empty(), "{e:?}");
        let e = events("2024-05-10", "Chile asked for an emergency meeting of the UN Security Council.");
        assert!(has(&e, "CHL", "IGOUNO", "020"), "{e:?}");
        let e = events("2024-05-10", "A Chinese destroyer sailed for the first time between two Philippine islands.");
        assert!(e.iter().any(|x| x.0.starts_with("CHN") && x.1.starts_with("PHL") && x.2 == "150"), "{e:?}");
    }

    #[test]
    fn the_last_captives_of_a_side_freed() {
        let e = events("2025-10-13", "Hamas freed the last 12 living Thai hostages on Monday.");
        assert!(e.iter().any(|x| x.0 == "PSEREB" && x.1.starts_with("THA") && x.2 == "0841"), "{e:?}");
        // The last of anything else is no release of people.
        let e = events("2025-10-13", "Hamas freed the last of the aid trucks on Monday.");
        assert!(!e.iter().any(|x| x.2 == "0841"), "{e:?}");
    }

    #[test]
    fn nothing_to_discuss_is_no_meeting() {
        let e = events("2020-01-01", "North Korea said it had nothing more to discuss with South Korea.");
        assert!(!e.iter().any(|x| x.2.starts_with("04")), "{e:?}");
        let e = events("2020-01-01", "North Korea said it had much to discuss with South Korea.");
        assert!(e.iter().any(|x| x.2.starts_with("04")), "{e:?}");
    }

    #[test]
    fn said_in_a_statement_that_keeps_the_speaker() {
        let d = "2025-03-01";
        let e = events(d, "China said in a statement that it welcomed the agreement between Iran and Saudi Arabia.");
        assert!(has(&e, "CHN", "IRN", "051") && has(&e, "CHN", "SAU", "051"), "{e:?}");
        let e = events(d, "Japan and South Korea said in a joint statement on Monday that they would expand cooperation with the Philippines.");
        assert!(
            e.iter().any(|x| x.0 == "JPN" && x.1 == "PHL") && e.iter().any(|x| x.0 == "KOR" && x.1 == "PHL"),
            "{e:?}"
        );
        // A real relative clause on a noun still has no actor subject, and an actor between the verb of saying and
        // "it" is the reported clause's own subject.
        let e = events(d, "Officials said a statement that criticised Japan had been withdrawn.");
        assert!(!e.iter().any(|x| x.1 == "JPN"), "{e:?}");
    }

    #[test]
    fn a_protest_with_a_purpose_and_no_named_target_is_against_the_government() {
        let evs = events(
            "2021-05-02",
            "Thousands of Venezuelan students marched in Caracas on Sunday to demand fresh elections.",
        );
        assert!(has(&evs, "VENCVL", "VENGOV", "141"), "{evs:?}");
        assert!(evs.iter().any(|e| e.3.ends_with("+implied")), "{evs:?}");
        let evs = events("2021-05-02", "Chilean workers went on strike over pension cuts.");
        assert!(has(&evs, "CHLCVL", "CHLGOV", "143"), "{evs:?}");
        // The implied target is a mention of its own, marked as such.
        let mut doc = Document::from_text("t", None, "Chilean workers went on strike over pension cuts.");
        doc.date = Some("2021-05-02".parse().unwrap());
        let coded = coder().code(&doc);
        assert_eq!(coded.events[0].target.via, Via::Implied);
        assert_eq!(coded.events[0].target.agent.as_deref(), Some("GOV"));
    }

    #[test]
    fn a_protest_purpose_names_its_target() {
        let evs = events(
            "2021-05-02",
            "Hundreds of Thai students rallied on Saturday to demand that the Thai military step aside.",
        );
        assert!(has(&evs, "THACVL", "THAMIL", "141"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.1 == "THAGOV"), "{evs:?}");
    }

    #[test]
    fn a_states_people_counted_are_its_civilians() {
        let evs = events(
            "2019-01-23",
            "Tens of thousands of Venezuelans marched in Caracas to demand that President Nicolas Maduro step down.",
        );
        assert!(has(&evs, "VENCVL", "VENGOV", "141"), "{evs:?}");
        // The demand is the protest's purpose, not an event of its own.
        assert!(!evs.iter().any(|e| e.2.starts_with("10")), "{evs:?}");
        let evs = events("2019-02-01", "Two Americans were detained by Russian police in Moscow.");
        assert!(has(&evs, "RUSCOP", "USACVL", "173"), "{evs:?}");
        // Not a state's name, nor people named by a noun of their own.
        let evs = events("2019-02-01", "The Philippines protested to China.");
        assert!(has(&evs, "PHL", "CHN", "114"), "{evs:?}");
        let evs = events("2019-02-01", "Thousands of Afghan soldiers crossed into Tajikistan.");
        assert!(!evs.iter().any(|e| e.0.ends_with("CVL")), "{evs:?}");
        // A demand by others in the same sentence stays.
        let evs = events(
            "2019-01-23",
            "Venezuelan students marched in Caracas and the United States demanded that Maduro resign.",
        );
        assert!(evs.iter().any(|e| e.0 == "USA" && e.2.starts_with("10")), "{evs:?}");
    }

    #[test]
    fn a_protest_at_a_place_that_is_no_actor_is_against_whom_its_purpose_names() {
        let evs = events(
            "2011-02-16",
            "Thousands of Libyan protesters chanting for an end to Gaddafi's rule had gathered outside the city's \
             courthouse.",
        );
        assert!(has(&evs, "LBYCVL", "LBYGOV", "141"), "{evs:?}");
        let evs = events("2011-02-16", "Libyan protesters gathered outside the courthouse to demand fresh elections.");
        assert!(has(&evs, "LBYCVL", "LBYGOV", "141"), "{evs:?}");
        // No purpose, no target: no event.
        assert!(
            events("2011-02-16", "Thousands of Libyan protesters gathered outside the city's courthouse.").is_empty()
        );
    }

    #[test]
    fn a_protest_without_purpose_or_target_is_no_event() {
        assert!(events("2021-05-02", "Kenyan protesters marched through Nairobi on Tuesday.").is_empty());
        // Nor is a protest noun inside a phrase.
        let evs = events("2021-05-02", "Two Chilean students were hurt in the strike over fees.");
        assert!(!evs.iter().any(|e| e.2.starts_with("14")), "{evs:?}");
        // Nor a protest by a state's officials.
        assert!(events("2021-05-02", "Chilean officials marched to demand fresh elections.").is_empty());
    }

    #[test]
    fn curfews_emergencies_and_shutdowns_fall_on_the_state_itself() {
        let evs = events("2020-09-27", "Armenian Prime Minister Nikol Pashinyan declared martial law on Sunday.");
        assert!(has(&evs, "ARMGOV", "ARM", "1724"), "{evs:?}");
        // A state named bare is its government.
        let evs = events("2024-07-19", "Bangladesh imposed a nationwide curfew on Friday.");
        assert!(has(&evs, "BGDGOV", "BGD", "1723"), "{evs:?}");
        let evs = events("2019-04-22", "Sri Lankan authorities blocked WhatsApp and Facebook to curb rumours.");
        assert!(has(&evs, "LKAGOV", "LKACVL", "1721"), "{evs:?}");
        // Not when the curfew is only asked for, and not by civilians.
        assert!(events("2024-07-19", "Bangladeshi students urged the government to lift the curfew.")
            .iter()
            .all(|e| e.2 != "1723"));
        assert!(events("2024-07-19", "Bangladeshi students declared a state of emergency in their union.").is_empty());
    }

    #[test]
    fn lifting_a_curfew_or_martial_law_eases_it_on_the_state_itself() {
        let evs = events("2024-12-04", "South Korean President Yoon Suk Yeol lifted martial law on Wednesday.");
        assert!(has(&evs, "KORGOV", "KOR", "0814"), "{evs:?}");
        let evs = events("2024-07-25", "Bangladesh eased the curfew in Dhaka on Sunday.");
        assert!(has(&evs, "BGDGOV", "BGD", "0813"), "{evs:?}");
        let evs = events("2024-07-25", "Ethiopia lifted the state of emergency in Amhara.");
        assert!(has(&evs, "ETHGOV", "ETH", "0814"), "{evs:?}");
        // Asked for, refused: not an easing.
        for text in [
            "Bangladeshi students urged the government to lift the curfew.",
            "Protesters in Bangkok demanded that the government end martial law.",
        ] {
            assert!(events("2024-07-25", text).iter().all(|e| !e.2.starts_with("081")), "{text}");
        }
    }

    #[test]
    fn a_verb_joined_by_and_keeps_the_modal_of_the_first() {
        let evs = events(
            "2025-03-11",
            "The United States will immediately lift its pause on intelligence sharing and resume security assistance to Ukraine.",
        );
        assert!(has(&evs, "USA", "UKR", "033"), "{evs:?}");
        // Done in the past, a new clause after a comma, or a modal under negation: not carried.
        let evs = events(
            "2025-03-11",
            "The United States lifted its pause on intelligence sharing and resumed security assistance to Ukraine.",
        );
        assert!(has(&evs, "USA", "UKR", "072"), "{evs:?}");
        let evs = events("2025-03-11", "Russia will hold talks with Ukraine and sent aid to Syria last week.");
        assert!(has(&evs, "RUS", "SYR", "070"), "{evs:?}");
    }

    #[test]
    fn not_hesitating_is_resolve_not_negation() {
        let evs = events("2024-12-04", "Iran would not hesitate to strike Israel again, the foreign minister said.");
        assert!(has(&evs, "IRN", "ISR", "138"), "{evs:?}");
        let evs = events("2024-12-04", "Russia did not hesitate to attack Ukraine.");
        assert!(has(&evs, "RUS", "UKR", "190"), "{evs:?}");
        assert!(events("2024-12-04", "Russia did not attack Ukraine.").iter().all(|e| e.2 != "190"));
    }

    #[test]
    fn the_content_of_a_demand_is_not_an_act() {
        // "demanded that Russia release": the demand is coded by its own pattern; the release did not happen.
        let evs = events("2024-12-04", "Ukraine demanded that Russia release all prisoners of war.");
        assert!(!evs.iter().any(|e| e.2 == "0841"), "{evs:?}");
        let evs = events("2024-12-04", "Protesters in Bangkok demanded that the government impose martial law.");
        assert!(!evs.iter().any(|e| e.2 == "1724"), "{evs:?}");
        // A report of an act is one: "said that", "announced that".
        let evs = events("2024-12-04", "Officials said that Russia freed 90 Ukrainian soldiers.");
        assert!(evs.iter().any(|e| e.2 == "0841"), "{evs:?}");
    }

    /// `(sentence, source, target, code)` of every event in a document of several sentences.
    fn doc_events(date: &str, sentences: &[&str]) -> Vec<(Option<usize>, String, String, String)> {
        let mut doc = Document::from_sentences("t", None, sentences);
        doc.date = Some(date.parse().unwrap());
        coder().code(&doc).events.into_iter().map(|e| (e.sentence, e.source.code, e.target.code, e.code)).collect()
    }

    #[test]
    fn weapons_destroyed_or_intercepted_by_named_defences_answer_their_one_attacker() {
        let fired = "Armenia fired dozens of rockets at Azerbaijani villages on Sunday.";
        let evs = doc_events("2024-05-10", &[fired, "Azerbaijan's army said it had destroyed 30 rockets."]);
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "AZEMIL" && e.2 == "ARM" && e.3 == "190"), "{evs:?}");
        let evs = doc_events(
            "2024-05-10",
            &[fired, "Most of the rockets were intercepted by Azerbaijani air defences and by Turkish jets."],
        );
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1.starts_with("AZE") && e.2 == "ARM"), "{evs:?}");
        // Destroying something that is no weapon in the air, or with no attacker named before, answers no one.
        let evs = doc_events("2024-05-10", &[fired, "Azerbaijan's army said it had destroyed 30 bridges."]);
        assert!(!evs.iter().any(|e| e.0 == Some(1)), "{evs:?}");
        let evs = doc_events("2024-05-10", &["Azerbaijan's army said it had destroyed 30 rockets."]);
        assert!(evs.is_empty(), "{evs:?}");
    }

    #[test]
    fn a_posture_with_no_target_named_is_aimed_at_the_one_side_the_document_sets_against_it() {
        let evs = doc_events(
            "2024-05-10",
            &[
                "Peru accused Ecuador of violating the border agreement.",
                "Peru deployed additional troops and armoured vehicles to the border.",
            ],
        );
        assert!(
            evs.iter().any(|e| e.0 == Some(1) && e.1.starts_with("PER") && e.2 == "ECU" && e.3 == "154"),
            "{evs:?}"
        );
        // Two rivals: no target to pick.
        let evs = doc_events(
            "2024-05-10",
            &[
                "Peru accused Ecuador of violating the border agreement.",
                "Peru also accused Bolivia of sheltering smugglers.",
                "Peru deployed additional troops and armoured vehicles to the border.",
            ],
        );
        assert!(!evs.iter().any(|e| e.0 == Some(2)), "{evs:?}");
    }

    #[test]
    fn the_three_juntas_are_the_militaries_of_the_three_states_just_listed() {
        let evs = doc_events(
            "2024-05-10",
            &[
                "Chad, Sudan and Libya recalled their ambassadors from Egypt on Monday.",
                "The three juntas, which met in Tripoli last year, accused Cairo of arming rebels.",
            ],
        );
        for c in ["TCDMIL", "SDNMIL", "LBYMIL"] {
            assert!(
                evs.iter().any(|e| e.0 == Some(1) && e.1 == c && e.2 == "EGY" && e.3.starts_with("112")),
                "{evs:?}"
            );
        }
        // Two states listed are not "the three juntas".
        let evs = doc_events(
            "2024-05-10",
            &[
                "Chad and Sudan recalled their ambassadors from Egypt on Monday.",
                "The three juntas accused Cairo of arming rebels.",
            ],
        );
        assert!(!evs.iter().any(|e| e.0 == Some(1)), "{evs:?}");
    }

    #[test]
    fn a_denial_answers_the_latest_charge_against_the_denier() {
        let evs = doc_events(
            "2022-04-04",
            &["Zelensky accused Russia of war crimes in Bucha.", "The Kremlin rejected the accusations on Monday."],
        );
        assert!(evs.contains(&(Some(1), "RUSGOV".into(), "UKRGOV".into(), "016".into())), "{evs:?}");
        // A charge against someone else is not answered.
        let evs = doc_events(
            "2022-04-04",
            &["Zelensky accused Belarus of helping the invasion.", "The Kremlin rejected the accusations on Monday."],
        );
        assert!(!evs.iter().any(|e| e.3 == "016"), "{evs:?}");
        // Nor is there a denial with no charge before it.
        assert!(doc_events("2022-04-04", &["The Kremlin denied any involvement."]).is_empty());
    }

    #[test]
    fn a_demand_for_release_is_aimed_at_whoever_holds_the_people() {
        let has = |evs: &[(Option<usize>, String, String, String)], s: usize, src: &str, tgt: &str, code: &str| {
            evs.iter().any(|e| e.0 == Some(s) && e.1 == src && e.2 == tgt && e.3 == code)
        };
        // The author of the arrest told before, for "X's release" and "the release of X".
        let evs = doc_events(
            "2023-08-01",
            &[
                "Soldiers detained President Mohamed Bazoum in Niamey.",
                "Germany called for Bazoum's immediate release.",
                "Canada demanded the release of Bazoum.",
            ],
        );
        assert!(has(&evs, 1, "DEU", "NERMIL", "0253"), "{evs:?}");
        assert!(has(&evs, 2, "CAN", "NERMIL", "1053"), "{evs:?}");
        // The holder named after the people.
        let evs = doc_events("2024-01-10", &["Hezbollah demanded the release of Lebanese prisoners held by Israel."]);
        assert!(has(&evs, 0, "LBNREB", "ISR", "1053"), "{evs:?}");
        // A state's own protesters are held by its government; the opposition may demand it of them.
        let evs = doc_events(
            "2025-10-05",
            &["Georgian opposition parties demanded the release of all detained protesters on Sunday."],
        );
        assert!(has(&evs, 0, "GEOOPP", "GEOGOV", "1053"), "{evs:?}");
        // Negatives: a state's appeal for its own people with no holder named is not aimed at itself, nor is a
        // demand by one of the people's own side with nobody holding them.
        let evs = doc_events("2024-01-10", &["Iran demanded the release of Iranian nationals."]);
        assert!(!evs.iter().any(|e| e.2.starts_with("IRN")), "{evs:?}");
        let evs = doc_events("2024-01-10", &["Hamas demanded the release of Hamas members."]);
        assert!(evs.is_empty(), "{evs:?}");
    }

    #[test]
    fn the_drills_of_a_story_lead_and_a_hedged_act_are_answered_to_their_authors() {
        let has = |evs: &[(Option<usize>, String, String, String)], s: usize, src: &str, tgt: &str, code: &str| {
            evs.iter().any(|e| e.0 == Some(s) && e.1 == src && e.2 == tgt && e.3 == code)
        };
        // Drills told in the lead are "the drills" four sentences later.
        let evs = doc_events(
            "2025-04-01",
            &[
                "China's military launched large-scale drills around Taiwan on Tuesday.",
                "The exercises involved warships and bombers.",
                "Markets in Taipei fell.",
                "Flights were delayed at two airports.",
                "Japan condemned the drills.",
            ],
        );
        assert!(has(&evs, 4, "JPN", "CHNMIL", "111"), "{evs:?}");
        // "the alleged mass killings": evidence gathered of an act of force is aimed at its author.
        let evs = doc_events(
            "2025-11-04",
            &[
                "Rebel fighters of the RSF killed hundreds of civilians in El Fasher.",
                "The International Criminal Court said it was gathering evidence of the alleged mass killings.",
            ],
        );
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.2 == "SDNREB" && e.3 == "094"), "{evs:?}");
        // Negatives: a decision is still answered only from the three sentences before; evidence of nothing named
        // before is no event.
        let evs = doc_events(
            "2018-03-27",
            &[
                "The United States expelled 60 Russian diplomats.",
                "Markets fell.",
                "It rained.",
                "Flights were delayed.",
                "Russia condemned the decision.",
            ],
        );
        assert!(!evs.iter().any(|e| e.0 == Some(4)), "{evs:?}");
        assert!(
            doc_events("2025-11-04", &["The ICC said it was gathering evidence of the alleged killings."]).is_empty()
        );
    }

    #[test]
    fn a_call_for_an_investigation_into_an_act_is_aimed_at_its_author() {
        let evs = doc_events(
            "2025-09-09",
            &[
                "Police killed 19 protesters in Kathmandu on Monday.",
                "The United Nations called for a prompt investigation into the killings.",
            ],
        );
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "IGOUNO" && e.2 == "NPLCOP" && e.3 == "020"), "{evs:?}");
        // Negative: with no act told before, nobody is asked.
        assert!(
            doc_events("2025-09-09", &["The United Nations called for an investigation into the killings."]).is_empty()
        );
    }

    #[test]
    fn aid_sent_with_no_recipient_named_goes_to_the_place_or_the_state_of_the_story() {
        let evs = doc_events(
            "2023-02-08",
            &[
                "A powerful earthquake struck southern Turkey on Monday.",
                "Turkey declared seven days of mourning.",
                "Greece and Egypt sent rescue teams and relief supplies.",
            ],
        );
        for src in ["GRC", "EGY"] {
            assert!(evs.iter().any(|e| e.0 == Some(2) && e.1 == src && e.2 == "TUR" && e.3 == "073"), "{evs:?}");
        }
        // The place the sentence names comes first.
        let evs = doc_events("2023-02-08", &["Japan dispatched a rescue team, which reached Antakya in Turkey."]);
        assert!(evs.iter().any(|e| e.1 == "JPN" && e.2 == "TUR" && e.3 == "073"), "{evs:?}");
        // Negatives: a state's own rescuers at home, and a story about no other state, give no aid event.
        let evs = doc_events(
            "2023-02-08",
            &["A powerful earthquake struck southern Turkey on Monday.", "Turkey sent rescue teams to the region."],
        );
        assert!(!evs.iter().any(|e| e.3.starts_with("07")), "{evs:?}");
        assert!(doc_events("2023-02-08", &["Greece sent rescue teams on Tuesday."]).is_empty());
    }

    #[test]
    fn an_investigation_into_an_act_of_force_targets_its_author() {
        let evs = doc_events(
            "2025-09-10",
            &[
                "Russian drones attacked Lithuania overnight.",
                "Lithuanian prosecutors opened an investigation into the attack.",
            ],
        );
        assert!(
            evs.iter().any(|e| e.0 == Some(1) && e.1 == "LTUJUD" && e.2 == "RUSMIL" && e.3.starts_with("09")),
            "{evs:?}"
        );
        // Drones flown into a state's airspace are "the incursion" too; an interception of boats is an act of force.
        let evs = doc_events(
            "2025-09-10",
            &[
                "Russian drones entered Estonian airspace on Tuesday.",
                "Estonian prosecutors launched a probe into the incursion.",
            ],
        );
        assert!(
            evs.iter().any(|e| e.0 == Some(1) && e.1 == "ESTJUD" && e.2 == "RUSMIL" && e.3.starts_with("09")),
            "{evs:?}"
        );
        let evs = doc_events(
            "2025-10-02",
            &[
                "Israeli naval forces intercepted a flotilla and detained dozens of activists.",
                "Spain condemned the interception.",
            ],
        );
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "ESP" && e.2 == "ISRMIL" && e.3 == "111"), "{evs:?}");
        // Negatives: an investigation into allegations looks into the accused, not into whoever made them; with no
        // earlier act there is no target.
        let evs = doc_events(
            "2025-09-10",
            &[
                "Lithuania accused Russia of jamming GPS signals.",
                "Lithuanian prosecutors opened an investigation into the allegations.",
            ],
        );
        assert!(!evs.iter().any(|e| e.0 == Some(1)), "{evs:?}");
        assert!(doc_events("2025-09-10", &["Polish prosecutors opened an investigation into the attack."]).is_empty());
    }

    #[test]
    fn an_act_referred_to_without_its_author_targets_the_author_of_the_earlier_event() {
        let has4 = |evs: &[(Option<usize>, String, String, String)], s: usize, src: &str, tgt: &str, code: &str| {
            evs.iter().any(|e| e.0 == Some(s) && e.1 == src && e.2 == tgt && e.3 == code)
        };
        let evs = doc_events(
            "2023-01-10",
            &[
                "Russian forces shelled Kharkiv overnight.",
                "Ukraine struck a depot in Belgorod.",
                "Germany condemned the attack.",
            ],
        );
        // The attack of the story's lead, not the reply.
        assert!(has4(&evs, 2, "DEU", "RUSMIL", "111"), "{evs:?}");
        let evs = doc_events(
            "2018-03-27",
            &[
                "The United States expelled 60 Russian diplomats.",
                "France praised the move.",
                "Russia rejected the decision.",
            ],
        );
        assert!(has4(&evs, 1, "FRA", "USA", "051"), "{evs:?}");
        // A reaction is not the decision referred to.
        assert!(has4(&evs, 2, "RUS", "USA", "120"), "{evs:?}");
        // Rejecting a charge against one's own state is denying it.
        let evs = doc_events(
            "2023-06-01",
            &["The United Nations accused Myanmar's army of atrocities.", "Myanmar's government rejected the report."],
        );
        assert!(has4(&evs, 1, "MMRGOV", "IGOUNO", "016"), "{evs:?}");
        // Nothing earlier of the act's kind, no target: no event.
        assert!(doc_events("2023-06-01", &["Germany welcomed the decision.", "Egypt condemned the attack."]).is_empty());
        let evs = doc_events(
            "2023-06-01",
            &["The United States expelled 60 Russian diplomats.", "Italy condemned the attack on the convoy."],
        );
        assert!(!evs.iter().any(|e| e.0 == Some(1)), "{evs:?}");
        // A consultation is no decision, and a comment on an act is not aimed at its author.
        let evs = doc_events(
            "2023-06-01",
            &[
                "Iran and Iraq held talks in Baghdad.",
                "Kuwait welcomed the decision.",
                "Qatar has not commented on it.",
            ],
        );
        assert!(!evs.iter().any(|e| e.0 >= Some(1)), "{evs:?}");
    }

    #[test]
    fn reactions_to_warrants_visits_accords_and_strikes_find_the_right_author() {
        let has4 = |evs: &[(Option<usize>, String, String, String)], s: usize, src: &str, tgt: &str, code: &str| {
            evs.iter().any(|e| e.0 == Some(s) && e.1 == src && e.2 == tgt && e.3 == code)
        };
        // A court's warrant welcomed answers the court, not a later invitation by a third state.
        let evs = doc_events(
            "2024-03-01",
            &[
                "The International Criminal Court issued an arrest warrant for the Russian president.",
                "Hungary said it would invite the Russian president to Budapest.",
                "Ukraine welcomed the warrant.",
            ],
        );
        assert!(has4(&evs, 2, "UKR", "IGOJUDICC", "051"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == Some(2) && e.2.starts_with("HUN")), "{evs:?}");
        // A decision against one's own state rejected is a rejection (12), not a denial (016).
        let evs = doc_events(
            "2024-03-01",
            &[
                "The International Criminal Court issued an arrest warrant for the Russian president.",
                "Russia rejected the decision.",
            ],
        );
        assert!(
            evs.iter().any(|e| e.0 == Some(1) && e.1 == "RUS" && e.2 == "IGOJUDICC" && e.3.starts_with("12")),
            "{evs:?}"
        );
        // A visit praised at the end of a readout answers the visitor.
        let evs = doc_events(
            "2024-03-01",
            &[
                "The Kenyan president visited Tokyo on Monday.",
                "The two leaders toured a factory.",
                "They ate lunch together.",
                "Officials discussed a new rail line.",
                "Japan praised the visit.",
            ],
        );
        assert!(
            evs.iter().any(|e| e.0 == Some(4) && e.1 == "JPN" && e.2.starts_with("KEN") && e.3 == "051"),
            "{evs:?}"
        );
        // Negatives: "welcomed guests" or "welcomed the visitors" is no reaction to an act; a visit by nobody named
        // has no author.
        let evs =
            doc_events("2024-03-01", &["The Kenyan president visited Tokyo on Monday.", "Japan welcomed guests."]);
        assert!(!evs.iter().any(|e| e.0 == Some(1) && e.3 == "051"), "{evs:?}");
        assert!(!doc_events("2024-03-01", &["Japan praised the visit."]).iter().any(|e| e.3 == "051"));
        // A reaction to a storm or an earthquake has no author.
        let evs = doc_events(
            "2024-03-01",
            &["An earthquake struck southern Turkey on Monday.", "Germany expressed concern over the disaster."],
        );
        assert!(!evs.iter().any(|e| e.0 == Some(1)), "{evs:?}");
        // A state answering "the strikes" answers those that fell on it, not an earlier attack on its rival.
        let evs = doc_events(
            "2024-03-01",
            &[
                "India bombed camps in Pakistan on Wednesday, a week after Pakistani militants killed 20 Indian soldiers.",
                "Pakistan's prime minister called the strikes an act of war.",
            ],
        );
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "PAKGOV" && e.2 == "IND" && e.3 == "111"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == Some(1) && e.2.starts_with("PAK")), "{evs:?}");
        // An act welcomed in the passive is praised; a guest welcomed is hosted, and a storm welcomed by nobody is
        // nothing.
        let evs = doc_events(
            "2024-03-01",
            &["Serbia and Kosovo signed an accord on Monday.", "The accord was welcomed by the European Union."],
        );
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "IGOEUREEC" && e.2 == "SRB" && e.3 == "051"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == Some(1) && e.3 == "043"), "{evs:?}");
        let evs = doc_events("2024-03-01", &["The Kenyan president was welcomed by Japan's prime minister."]);
        assert!(!evs.iter().any(|e| e.3 == "051"), "{evs:?}");
        // "the bloodshed" is the attack it names.
        let evs = doc_events(
            "2024-03-01",
            &[
                "Al-Shabaab militants attacked a hotel in Mogadishu, killing 12 people.",
                "Kenya condemned the bloodshed.",
            ],
        );
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "KEN" && e.2 == "SOMREB" && e.3 == "111"), "{evs:?}");
        // A charge made jointly is denied to each of its authors; a lone accuser's charge to that one only.
        let evs = doc_events(
            "2024-03-01",
            &[
                "Mali, Niger and Chad accused Algeria of sponsoring terrorism.",
                "Algeria rejected the accusations as baseless.",
            ],
        );
        for author in ["MLI", "NER", "TCD"] {
            assert!(evs.iter().any(|e| e.0 == Some(1) && e.2 == author && e.3 == "016"), "{author}: {evs:?}");
        }
        let evs = doc_events(
            "2024-03-01",
            &[
                "Mali accused Algeria of sponsoring terrorism.",
                "Niger recalled its ambassador from Algeria.",
                "Algeria rejected the accusations as baseless.",
            ],
        );
        assert_eq!(evs.iter().filter(|e| e.0 == Some(2) && e.3 == "016").count(), 1, "{evs:?}");
        // An act called "a large-scale provocation" is judged (111) toward its author; a storm called a large-scale
        // disaster has no author.
        let evs = doc_events(
            "2024-03-01",
            &[
                "Belarusian helicopters entered Lithuanian airspace on Monday.",
                "Lithuania's president called the incursion a large-scale provocation.",
                "He called the flood a large-scale disaster.",
            ],
        );
        assert!(
            evs.iter().any(|e| e.0 == Some(1) && e.1 == "LTUGOV" && e.2.starts_with("BLR") && e.3 == "111"),
            "{evs:?}"
        );
        assert!(!evs.iter().any(|e| e.0 == Some(2)), "{evs:?}");
        // An accord called a milestone praises its other party; a match called a success names no act.
        let evs = doc_events(
            "2024-03-01",
            &[
                "Serbia and Kosovo signed an accord on Monday.",
                "Kosovo described the accord as a historic milestone.",
                "Serbia called the match a great success.",
            ],
        );
        assert!(has4(&evs, 1, "KSV", "SRB", "051"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == Some(2)), "{evs:?}");
        // A third state keeps the lead's attack.
        let evs = doc_events(
            "2024-03-01",
            &[
                "Russian forces shelled Kharkiv overnight.",
                "Ukraine struck a depot in Belgorod.",
                "Germany condemned the attack.",
            ],
        );
        assert!(has4(&evs, 2, "DEU", "RUSMIL", "111"), "{evs:?}");
    }

    #[test]
    fn a_meeting_in_a_place_of_one_side_is_the_other_side_visiting() {
        let evs = events("2023-03-22", "President Xi Jinping held talks with President Vladimir Putin in the Kremlin.");
        assert!(has(&evs, "CHNGOV", "RUS", "042"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == "RUSGOV" && e.2 == "042"), "the host does not visit: {evs:?}");
        let evs = events("2022-12-21", "President Biden welcomed President Volodymyr Zelenskyy to the White House.");
        assert!(has(&evs, "UKRGOV", "USA", "042"), "{evs:?}");
        // No place, no visit; a place of neither side, no visit either.
        let evs = events("2023-03-22", "Prime Minister Modi received President Xi Jinping on Friday.");
        assert!(!evs.iter().any(|e| e.2 == "042"), "{evs:?}");
        let evs = events("2021-06-16", "President Biden met President Putin in Geneva.");
        assert!(!evs.iter().any(|e| e.2 == "042"), "{evs:?}");
        // Once a document.
        let evs = doc_events(
            "2023-03-22",
            &["Xi Jinping arrived in Moscow on Monday.", "Xi held talks with Vladimir Putin in the Kremlin."],
        );
        assert_eq!(evs.iter().filter(|e| e.3 == "042").count(), 1, "{evs:?}");
    }

    #[test]
    fn the_actor_inside_a_passive_subject_is_the_target() {
        let evs = events("2001-01-01", "A camp for Congolese refugees was attacked by Burundian militiamen.");
        assert!(has(&evs, "BDIREB", "CODCVL", "190"), "{evs:?}");
        let evs = events("2001-01-01", "A convoy of Congolese refugees was attacked by Burundian militiamen.");
        assert!(has(&evs, "BDIREB", "CODCVL", "190"), "{evs:?}");
        // Not across a verb: the actor there is no part of the passive's subject.
        let evs = events(
            "2001-01-01",
            "Aid for Congolese refugees arrived and the convoy was attacked by Burundian militiamen.",
        );
        assert!(!has(&evs, "BDIREB", "CODCVL", "190"), "{evs:?}");
    }

    #[test]
    fn restraint_asked_to_avoid_escalation_between_sides_and_paying_for_acts() {
        let evs =
            events("2024-03-01", "Japan called for restraint to prevent further escalation between Serbia and Kosovo.");
        assert!(has(&evs, "JPN", "SRB", "0256"), "{evs:?}");
        // Sides after a purpose that is no escalation are no target.
        let evs = events("2024-03-01", "Japan called for restraint to protect trade between Serbia and Kosovo.");
        assert!(!evs.iter().any(|e| e.2 == "0256" && e.1 == "SRB"), "{evs:?}");
        let evs = events("2024-03-01", "Syria warned that Turkey would pay dearly for this aggression.");
        assert!(has(&evs, "SYR", "TUR", "138"), "{evs:?}");
        let evs = events("2024-03-01", "Iraq warned that Kuwait would pay for it.");
        assert!(has(&evs, "IRQ", "KWT", "138"), "{evs:?}");
        // Paying for a thing bought is no threat.
        let evs = events("2024-03-01", "Chile said Peru would pay for the new bridge.");
        assert!(!evs.iter().any(|e| e.2.starts_with("13")), "{evs:?}");
        let evs = events("2024-03-01", "Chile said Peru would pay for it in three instalments.");
        assert!(!evs.iter().any(|e| e.2.starts_with("13")), "{evs:?}");
    }

    #[test]
    fn a_second_verb_asked_for_after_and_is_not_done() {
        let evs = events("2024-03-01", "Canada urged Serbia to sign the treaty and recognise Kosovo.");
        assert!(has(&evs, "CAN", "SRB", "020") && !evs.iter().any(|e| e.2 == "054"), "{evs:?}");
        // A past tense after "and" is a new act of the subject.
        let evs = events("2024-03-01", "Canada urged Serbia to sign the treaty and recognised Kosovo.");
        assert!(evs.iter().any(|e| e.0 == "CAN" && e.1 == "KSV" && e.2 == "054"), "{evs:?}");
    }

    #[test]
    fn a_mistake_to_be_paid_for_is_criticism_and_threat() {
        let evs = events("2024-03-01", "Syria said Turkey had made a grave mistake and would pay for it.");
        assert!(has(&evs, "SYR", "TUR", "111") && has(&evs, "SYR", "TUR", "138"), "{evs:?}");
        // The mistake alone is criticism only.
        let evs = events("2024-03-01", "Syria said Turkey had made a grave mistake and should reconsider.");
        assert!(has(&evs, "SYR", "TUR", "111") && !has(&evs, "SYR", "TUR", "138"), "{evs:?}");
    }

    #[test]
    fn them_after_an_appeal_stands_for_the_listed_objects_of_the_first_verb() {
        let evs = events("2024-03-01", "France spoke with Egypt and Jordan and urged them to show restraint.");
        assert!(has(&evs, "FRA", "EGY", "0256") && has(&evs, "FRA", "JOR", "0256"), "{evs:?}");
        let evs = events("2024-03-01", "Kenya thanked Norway and Japan and asked them for more relief.");
        assert!(evs.iter().any(|e| e.0 == "KEN" && e.1 == "NOR" && e.2.starts_with("02")), "{evs:?}");
        assert!(evs.iter().any(|e| e.0 == "KEN" && e.1 == "JPN" && e.2.starts_with("02")), "{evs:?}");
        // The subjects are no object list: "them" is not the speakers themselves.
        let evs = events("2024-03-01", "Chile and Peru met in Lima and urged them to talk.");
        assert!(!evs.iter().any(|e| e.2.starts_with("02") && (e.1 == "CHL" || e.1 == "PER")), "{evs:?}");
        // Not after a verb of appeal.
        let evs = events("2024-03-01", "Italy fined Spain and Greece and blamed them for the delay.");
        assert!(!evs.iter().any(|e| e.2.starts_with("02")), "{evs:?}");
    }

    #[test]
    fn object_pronouns_stand_for_their_antecedent() {
        let evs = events(
            "2017-06-05",
            "Saudi Arabia cut diplomatic ties with Qatar on Monday, accusing it of supporting terrorism.",
        );
        assert!(has(&evs, "SAU", "QAT", "112"), "{evs:?}");
        let evs = events(
            "2020-08-08",
            "Lebanese protesters gathered near parliament to demand accountability, and police fired tear gas to disperse them.",
        );
        assert!(has(&evs, "LBNCOP", "LBNCVL", "175"), "{evs:?}");
        // Not the speaker's "it", and not an antecedent in the pronoun's own clause.
        let evs = events("2017-06-05", "Qatar said it would not yield to pressure.");
        assert!(!evs.iter().any(|e| e.1 == "QAT" && e.0 == "QAT"), "{evs:?}");
    }

    #[test]
    fn a_possessive_after_a_second_verb_is_the_first_objects_owner() {
        let evs = events("2019-07-20", "Iran seized a British tanker in the Gulf and detained its crew.");
        assert!(has(&evs, "IRN", "GBR", "173"), "{evs:?}");
        let evs = events("2019-07-20", "Israeli troops raided a Palestinian village and arrested its mayor.");
        assert!(has(&evs, "ISRMIL", "PSE", "173"), "{evs:?}");
        // An actor that is the first verb's object itself does not own what follows: the subject does.
        let evs = events("2019-07-20", "Russia condemned Ukraine and withdrew its ambassador.");
        assert!(!evs.iter().any(|e| e.2.starts_with("16") && e.1 == "UKR"), "{evs:?}");
        // Nor without a second verb joined by "and".
        let evs = events("2019-07-20", "Iran seized a British tanker, its navy said.");
        assert!(!evs.iter().any(|e| e.2 == "173"), "{evs:?}");
    }

    #[test]
    fn a_mutual_act_reported_by_two_speakers_is_theirs() {
        let evs = events(
            "2015-07-14",
            "Foreign Minister Mohammad Javad Zarif and EU foreign policy chief Federica Mogherini announced in Vienna \
             on Tuesday that negotiators had reached a comprehensive agreement.",
        );
        assert!(has(&evs, "IRNGOV", "IGOEUREEC", "057") && has(&evs, "IGOEUREEC", "IRNGOV", "057"), "{evs:?}");
        // One speaker is no pair; an actor named in the reported clause acts for itself.
        assert!(events("2015-07-14", "Iran said negotiators had reached an agreement.").is_empty());
        let evs = events("2015-07-14", "Russia and China said Japan had held talks with South Korea.");
        assert!(!evs.iter().any(|e| e.0 == "RUS" && e.1 == "CHN"), "{evs:?}");
    }

    #[test]
    fn a_speaker_names_its_own_side_by_a_common_noun() {
        let evs = events(
            "2021-08-20",
            "A Taliban spokesman, Suhail Shaheen, said the movement wanted peaceful relations with Washington.",
        );
        // The person in commas is the spokesman, not a second actor (the Taliban, in power from 15 August 2021, are
        // Afghanistan's government).
        assert_eq!(evs.len(), 1, "{evs:?}");
        assert!(has(&evs, "AFGGOV", "USA", "030"), "{evs:?}");
        let evs = events("2023-03-10", "The Saudi foreign minister said the kingdom would restore ties with Iran.");
        assert!(has(&evs, "SAUGOV", "IRN", "030"), "{evs:?}");
        // Not a state's speaker for "the group", nor a speaker known only from context.
        assert!(events("2021-08-20", "The Nigerian army said the group had attacked a Cameroonian base.").is_empty());
        assert!(events("2021-08-20", "Officials said the country would restore ties with Iran.").is_empty());
        // Nor "the country's army", another actor.
        let evs = events("2021-08-20", "Turkey's foreign minister said the country's army would attack Syria.");
        assert!(!evs.iter().any(|e| e.0 == "TURGOV" && e.2.starts_with("13")), "{evs:?}");
    }

    #[test]
    fn a_led_coalition_acts_for_its_leader_a_backed_group_does_not() {
        let evs = events("2017-06-05", "The Saudi-led bloc closed its airspace to Qatar.");
        assert!(evs.iter().any(|e| e.0 == "SAU" && e.1 == "QAT"), "{evs:?}");
        let evs = events("2017-06-05", "Russian-backed separatists shelled Ukrainian positions.");
        assert!(!evs.iter().any(|e| e.0 == "RUS"), "{evs:?}");
    }

    #[test]
    fn a_gerund_after_after_with_its_object_is_the_subjects_act() {
        let evs = events(
            "2023-09-24",
            "About 30 heavily armed Serb gunmen stormed a monastery in northern Kosovo after killing a Kosovo police \
             officer.",
        );
        assert!(evs.iter().any(|e| e.0.starts_with("SRB") && e.1 == "KSVCOP" && e.2.starts_with("19")), "{evs:?}");
        // A noun after "after" stays background.
        let evs = events("2023-09-24", "Police arrested dozens after the killing of a Kosovo police officer.");
        assert!(!evs.iter().any(|e| e.1 == "KSVCOP"), "{evs:?}");
        // A participle as an adjective does not make the actor after it an object.
        let evs = events("2023-09-24", "Armed Serb gunmen killed a Kosovo police officer.");
        assert!(evs.iter().any(|e| e.0.starts_with("SRB") && e.1 == "KSVCOP"), "{evs:?}");
    }

    #[test]
    fn the_alliance_and_the_group_stand_for_an_organisation_named_before() {
        let evs = doc_events(
            "2022-01-24",
            &[
                "NATO sent additional ships to the Baltic Sea.",
                "The Kremlin accused the alliance of escalating tensions.",
            ],
        );
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "RUSGOV" && e.2 == "IGOWSTNAT"), "{evs:?}");
        let evs = doc_events(
            "2023-01-10",
            &["The IAEA reported new uranium traces in Iran.", "Tehran criticised the agency on Monday."],
        );
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "IRN" && e.2 == "IGOUNOIAE"), "{evs:?}");
        // Not with nothing fitting before, nor a phrase of its own ("the group of experts").
        assert!(doc_events("2023-01-10", &["Germany met Italy.", "Tehran criticised the alliance."])
            .iter()
            .all(|e| e.0 == Some(0)));
        let evs = doc_events(
            "2023-01-10",
            &["Houthi rebels fired missiles at a Norwegian tanker.", "Oman praised the group of mediators."],
        );
        assert!(!evs.iter().any(|e| e.0 == Some(1)), "{evs:?}");
    }

    #[test]
    fn an_act_one_is_to_help_another_do_is_not_done_and_gaps_stop_at_subordinate_clauses() {
        let evs = events("2015-01-20", "Niger and Chad offered to send troops to help Nigeria fight Boko Haram.");
        assert!(!evs.iter().any(|e| e.2.starts_with("19")), "{evs:?}");
        let evs = events("2015-07-14", "The United States will lift sanctions once the IAEA verifies compliance.");
        assert!(!evs.iter().any(|e| e.1 == "IGOUNOIAE"), "{evs:?}");
    }

    #[test]
    fn an_arrest_of_unnamed_people_by_a_state_organ_is_on_its_own_state() {
        let evs =
            events("2019-04-23", "President Sirisena declared a state of emergency, and police arrested 40 suspects.");
        assert!(has(&evs, "LKACOP", "LKA", "173"), "{evs:?}");
        // Not people of a group, nor arrests by civilians, nor without a count.
        assert!(!events("2019-04-23", "Sri Lankan police arrested 40 members of the banned group.")
            .iter()
            .any(|e| e.2 == "173"));
        assert!(events("2019-04-23", "Sri Lankan police arrested the suspects.").is_empty());
    }

    #[test]
    fn an_object_left_out_after_a_number_is_the_same_acts() {
        let evs = events("2022-04-05", "Germany expelled 40 Russian diplomats, and France expelled 35.");
        assert!(has(&evs, "FRA", "RUSGOV", "161"), "{evs:?}");
        // Nothing earlier to take it from, or another kind of act: no event.
        assert!(events("2022-04-05", "France expelled 35.").is_empty());
        let evs = events("2022-04-05", "Russia fired 20 missiles at Kyiv and Ukraine shot down 15.");
        assert!(!evs.iter().any(|e| e.0 == "UKR"), "{evs:?}");
    }

    #[test]
    fn a_courtesy_title_before_a_target_is_skipped() {
        assert!(has(&events("2023-06-01", "Putin criticised Mr. Zelensky."), "RUSGOV", "UKRGOV", "111"));
        assert!(has(&events("2023-06-01", "Xi condemned Mr Biden."), "CHNGOV", "USAGOV", "111"));
        // Not before an unknown name.
        assert!(events("2023-06-01", "Putin criticised Mr. Smith.").is_empty());
    }

    #[test]
    fn rioters_who_burn_a_place_act_against_their_state() {
        let evs = events("2010-05-19", "Thai protesters set fire to the stock exchange and several banks.");
        assert!(has(&evs, "THACVL", "THA", "145"), "{evs:?}");
        assert!(events("2010-05-19", "Thai protesters set fire to tyres.").is_empty());
    }

    #[test]
    fn a_military_posture_is_aimed_at_the_other_state() {
        // A pair's build-up is aimed at each other.
        let evs = doc_events(
            "2020-09-01",
            &["India and China clashed in Ladakh.", "Both countries moved troops to the frontier."],
        );
        assert!(evs.contains(&(Some(1), "IND".into(), "CHN".into(), "154".into())), "{evs:?}");
        assert!(evs.contains(&(Some(1), "CHN".into(), "IND".into(), "154".into())), "{evs:?}");
        let evs = events("2022-01-24", "NATO put forces on standby as Russia massed troops near Ukraine's borders.");
        assert!(has(&evs, "IGOWSTNAT", "RUS", "152"), "{evs:?}");
        let evs = events("2022-08-05", "Taiwan put its forces on alert to track the Chinese warships.");
        assert!(has(&evs, "TWN", "CHNMIL", "152"), "{evs:?}");
        // No other state in the sentence: whoever last acted against the source's state.
        let evs = doc_events(
            "2010-11-23",
            &[
                "North Korean artillery shelled a South Korean island on Tuesday.",
                "South Korea put its military on high alert.",
            ],
        );
        assert!(evs.contains(&(Some(1), "KOR".into(), "PRKMIL".into(), "152".into())), "{evs:?}");
        // Neither: no event.
        assert!(events("2022-08-05", "Taiwan put its forces on alert.").is_empty());
    }

    #[test]
    fn a_coordinated_verb_keeps_the_subject_past_the_first_verbs_object() {
        let evs = events(
            "1985-06-01",
            "Afghan rebels kidnapped 16 Russian advisers from a town bazaar and exploded a series of bombs in Kabul.",
        );
        assert!(has(&evs, "AFGREB", "RUS", "181"), "{evs:?}");
        assert!(has(&evs, "AFGREB", "AFG", "183"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0.starts_with("RUS")), "the kidnapped do not bomb: {evs:?}");
    }

    #[test]
    fn people_from_an_actor_act_for_it() {
        let evs = events("2021-05-10", "Negotiators from Ghana and Togo met in Accra on Sunday.");
        assert!(has(&evs, "GHA", "TGO", "040") && has(&evs, "TGO", "GHA", "040"), "{evs:?}");
        let evs = events("2021-05-10", "A team of inspectors from the IAEA arrived in Tehran on Monday.");
        assert!(evs.iter().any(|e| e.0 == "IGOUNOIAE" && e.1.starts_with("IRN")), "{evs:?}");
        let evs = events("2021-05-10", "A delegation led by Kenyan President Uhuru Kenyatta arrived in Kampala.");
        assert!(evs.iter().any(|e| e.0 == "KENGOV" && e.1 == "UGA" && e.2 == "042"), "{evs:?}");
        // Negative: people taken from a state are the object, not the subject of the verb.
        let evs = events("2021-05-10", "Norway expelled diplomats from Sweden.");
        assert!(!evs.iter().any(|e| e.0 == "SWE"), "{evs:?}");
        // Negative: "the arrest of" is no group of people.
        let evs = events("2021-05-10", "The arrest of Ghana's envoy angered Accra.");
        assert!(!evs.iter().any(|e| e.0 == "GHA" && e.1 == "GHA"), "{evs:?}");
    }

    #[test]
    fn suspending_cooperation_reduces_relations() {
        let evs = events("2021-05-10", "Norway suspended joint naval exercises with Sweden.");
        assert!(has(&evs, "NOR", "SWE", "160"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.2.starts_with("06")), "no cooperation: {evs:?}");
        assert!(!has(&evs, "SWE", "NOR", "160"), "one way only: {evs:?}");
        // An announced suspension is the reduction itself, not a threat.
        let evs = events("2021-05-10", "Norway will suspend joint drills with Sweden.");
        assert!(has(&evs, "NOR", "SWE", "160"), "{evs:?}");
        let evs = events("2021-05-10", "Kenya stopped sending peacekeepers to Somalia.");
        assert!(evs.iter().any(|e| e.0 == "KEN" && e.1 == "SOM" && e.2.starts_with("16")), "{evs:?}");
        // Negatives: a refusal to suspend is no reduction; "the end of talks" is a time, not a stop.
        let evs = events("2021-05-10", "Germany refused to suspend its military aid to Ukraine.");
        assert!(!evs.iter().any(|e| e.2.starts_with("16")), "{evs:?}");
        let evs = events("2021-05-10", "At the end of talks with Peru, Chile signed a trade deal with Peru.");
        assert!(!evs.iter().any(|e| e.2.starts_with("16")), "{evs:?}");
    }

    #[test]
    fn an_attitude_reaches_the_actor_inside_a_noun_phrase() {
        let evs = events("2021-05-10", "Chile condemned the arrest of two Peruvian journalists.");
        assert!(evs.iter().any(|e| e.0 == "CHL" && e.1.starts_with("PER") && e.2 == "111"), "{evs:?}");
        let evs = events("2021-05-10", "Argentina rejected recent comments by the Uruguayan foreign minister.");
        assert!(evs.iter().any(|e| e.0 == "ARG" && e.1 == "URYGOV" && e.2.starts_with("12")), "{evs:?}");
        // Negative: an adjective anchor ("the alleged abuses by") is no verb of accusing.
        let evs = events("2021-05-10", "Students marched against the alleged abuses by the Chilean police.");
        assert!(!evs.iter().any(|e| e.2.starts_with("112")), "{evs:?}");
        // Negative: a material act does not take a target through "the killing of".
        let evs = events("2021-05-10", "Chile sent aid after the killing of Peruvian miners.");
        assert!(!evs.iter().any(|e| e.1.starts_with("PER") && e.2.starts_with("07")), "{evs:?}");
    }

    #[test]
    fn a_state_adjective_in_a_nominal_event_is_its_source() {
        let evs = events("2022-05-10", "The Russian invasion of Ukraine has driven millions from their homes.");
        assert!(has(&evs, "RUS", "UKR", "192"), "{evs:?}");
        // The speakers are not the invaders: the act is Russia's (reported, it is an accusation of Russia).
        let text = "The Japanese and Australian leaders said the Russian invasion of Ukraine had driven millions away.";
        let evs = events("2022-05-10", text);
        assert!(!evs.iter().any(|e| (e.0 == "JPN" || e.0 == "AUSGOV") && e.1 == "UKR"), "{evs:?}");
        // Negative: the adjective of the verb's own subject stays the subject.
        let evs = events("2022-05-10", "The Russian army invaded Ukraine.");
        assert!(evs.iter().any(|e| e.0 == "RUSMIL" && e.1 == "UKR"), "{evs:?}");
    }

    #[test]
    fn a_time_clause_before_a_speaker_is_told_as_fact() {
        let evs =
            events("2022-02-24", "Hours after Russian forces attacked Ukraine, Biden said America would respond.");
        assert!(evs.iter().any(|e| e.0 == "RUSMIL" && e.1 == "UKR" && e.2.starts_with("19")), "{evs:?}");
        assert!(!evs.iter().any(|e| e.2 == "112"), "{evs:?}");
        // Negative: a plain report with its speaker after is still an accusation.
        let evs = events("2022-02-24", "Russian forces attacked Ukraine overnight, Biden said.");
        assert!(evs.iter().any(|e| e.0 == "USAGOV" && e.2 == "112"), "{evs:?}");
    }

    #[test]
    fn a_person_after_an_unknown_title_is_the_target() {
        let evs = events(
            "2023-05-10",
            "German Chancellor Olaf Scholz met Acting Chairman of the Standing Committee Li Qiang.",
        );
        assert!(has(&evs, "DEUGOV", "CHNGOV", "040"), "{evs:?}");
        let evs = events("2021-03-18", "Antony Blinken met Director Yang Jiechi in Anchorage.");
        assert!(evs.iter().any(|e| e.0 == "USAGOV" && e.1.starts_with("CHN") && e.2 == "040"), "{evs:?}");
        // Negative: capitalised words with no known person after them are no actor.
        let evs = events("2023-05-10", "Olaf Scholz met Acting Chairman Bob Nobody of the Standing Committee.");
        assert!(!evs.iter().any(|e| e.0 == "DEUGOV"), "{evs:?}");
    }

    #[test]
    fn an_accepted_invitation_is_the_guests_intent_to_visit() {
        let evs = events(
            "2023-03-22",
            "Xi Jinping invited Vladimir Putin to visit China, and Putin accepted the invitation.",
        );
        assert!(has(&evs, "RUSGOV", "CHNGOV", "036"), "{evs:?}");
        let evs =
            events("2023-03-22", "Xi Jinping invited Vladimir Putin to visit China, and the invitation was accepted.");
        assert!(has(&evs, "RUSGOV", "CHNGOV", "036"), "{evs:?}");
        // Negatives: someone else accepting, or accepting something else.
        let evs = events("2023-03-22", "Xi Jinping invited Vladimir Putin to visit China, and Olaf Scholz accepted.");
        assert!(!has(&evs, "RUSGOV", "CHNGOV", "036") && !has(&evs, "DEUGOV", "CHNGOV", "036"), "{evs:?}");
        let evs =
            events("2023-03-22", "Xi Jinping invited Vladimir Putin to visit China, and Putin accepted the gas price.");
        assert!(!has(&evs, "RUSGOV", "CHNGOV", "036"), "{evs:?}");
    }

    #[test]
    fn a_time_adverbial_inside_a_pattern_is_crossed() {
        let evs = events(
            "2024-05-10",
            "The Kenyan president gave a warm welcome on Tuesday to Ugandan President Yoweri Museveni.",
        );
        assert!(has(&evs, "KENGOV", "UGAGOV", "043"), "{evs:?}");
        let evs = events("2024-05-10", "Ghana demanded Friday that Togo release the detained fishermen.");
        assert!(has(&evs, "GHA", "TGO", "1053"), "{evs:?}");
        // A weekday is no actor: nothing to welcome.
        let evs = events("2024-05-10", "The Kenyan president gave a warm welcome on Tuesday.");
        assert!(!evs.iter().any(|e| e.2 == "043"), "{evs:?}");
    }

    #[test]
    fn an_unknown_faction_name_before_a_placed_role_is_part_of_the_target() {
        let evs = events("2024-05-10", "The Ugandan government accepted demands from Acholi rebels for talks.");
        assert!(has(&evs, "UGAGOV", "UGAREB", "083"), "{evs:?}");
        // Before an actor named by the dictionaries a capitalised word is no modifier.
        let evs = events("2024-05-10", "The Ugandan government accepted demands from Acholi Kenya for talks.");
        assert!(!evs.iter().any(|e| e.2 == "083"), "{evs:?}");
    }

    #[test]
    fn terms_put_to_a_side_in_reported_speech_are_a_demand() {
        let evs = events(
            "2024-05-10",
            "The Kenyan minister said that the Somali government must reach an agreement with the clans.",
        );
        assert!(has(&evs, "KENGOV", "SOMGOV", "100"), "{evs:?}");
        let evs = events("2024-05-10", "Chad said Sudan must agree to a joint border force.");
        assert!(has(&evs, "TCD", "SDN", "100"), "{evs:?}");
        // A goal the speaker shares is no demand.
        let evs = events("2024-05-10", "Chad said Sudan and Chad must agree on a joint border force.");
        assert!(!evs.iter().any(|e| e.2 == "100"), "{evs:?}");
    }

    #[test]
    fn a_sanction_announced_as_decided_is_the_sanction() {
        let evs = events("2024-05-10", "Canada announced on Monday it would impose sanctions on Iranian officials.");
        assert!(has(&evs, "CAN", "IRNGOV", "163"), "{evs:?}");
        // Said in the plain future, the measure is decided too (every such case in the gold files is coded so).
        let evs = events("2024-05-10", "Canada said it would impose sanctions on Iranian officials.");
        assert!(has(&evs, "CAN", "IRNGOV", "163"), "{evs:?}");
        // Threatened: the threat of it.
        let evs = events("2024-05-10", "Canada threatened to impose sanctions on Iranian officials.");
        assert!(has(&evs, "CAN", "IRNGOV", "1312"), "{evs:?}");
        assert!(!has(&evs, "CAN", "IRNGOV", "163"), "{evs:?}");
    }

    #[test]
    fn an_appeal_reported_by_a_third_side_is_the_speakers_not_the_subjects() {
        let evs = events("2024-05-10", "The Chadian president said Sudan should hold talks with the rebels.");
        assert!(has(&evs, "TCDGOV", "SDN", "020"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == "SDN"), "{evs:?}");
    }

    #[test]
    fn supporters_of_a_person_act_themselves() {
        let evs = events("2024-05-10", "Hundreds of supporters of Raila Odinga blocked roads in Nairobi.");
        assert!(evs.iter().any(|e| e.0 == "KENCVL" && e.2 == "144"), "{evs:?}");
        let evs = events("2024-05-10", "Supporters of former Prime Minister Raila Odinga blocked roads in Nairobi.");
        assert!(evs.iter().any(|e| e.0 == "KENCVL" && e.2 == "144"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0.starts_with("KENELI") || e.0 == "KENOPP"), "{evs:?}");
        // "a delegation of" still names the people who act.
        let evs = events("2024-05-10", "A delegation of Chinese officials visited Nairobi.");
        assert!(evs.iter().any(|e| e.0.starts_with("CHN") && e.2 == "042"), "{evs:?}");
    }

    #[test]
    fn a_state_naming_where_a_border_runs_is_no_target() {
        let evs = events("2024-05-10", "Sudanese troops shelled rebel camps near the Chadian border.");
        assert!(!evs.iter().any(|e| e.1 == "TCD"), "{evs:?}");
        // Nor the victim of a participle clause.
        let evs = events("2024-05-10", "Sudanese troops shelled rebel camps near the Chadian border, killing 12.");
        assert!(!evs.iter().any(|e| e.1 == "TCD"), "{evs:?}");
        // A border post of a state is that state's.
        let evs = events("2024-05-10", "Sudanese troops shelled a Chadian border post.");
        assert!(evs.iter().any(|e| e.0 == "SDNMIL" && e.1.starts_with("TCD")), "{evs:?}");
    }

    #[test]
    fn a_wire_attribution_to_a_role_placed_by_context_is_no_accusation() {
        // "residents said": the story's source; the act is coded.
        let evs = events("2024-05-10", "Sudanese rebels shelled a border village in Chad on Monday, residents said.");
        assert!(has(&evs, "SDNREB", "TCD", "194"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.2 == "112"), "{evs:?}");
        // A named side's account of the other's attack stays an accusation.
        let evs =
            events("2024-05-10", "Sudanese rebels shelled a border village in Chad on Monday, the Chadian army said.");
        assert!(has(&evs, "TCDMIL", "SDNREB", "112"), "{evs:?}");
    }

    #[test]
    fn a_past_verb_after_and_leaves_the_first_verbs_mode_behind() {
        let evs = events("2020-05-10", "Ghana rejected the decision and accused Togo of provoking the crisis.");
        assert!(has(&evs, "GHA", "TGO", "112"), "{evs:?}");
        let evs = events("2020-05-10", "Kenya denied the claims and blamed Uganda for the attack.");
        assert!(evs.iter().any(|e| e.0 == "KEN" && e.1 == "UGA" && e.2.starts_with("11")), "{evs:?}");
        let evs = events("2020-05-10", "Ghana pledged to help Togo and thanked Benin for its support.");
        assert!(has(&evs, "GHA", "BEN", "051"), "{evs:?}");
        // Negatives: a base form after "and" keeps the intent; a denial right before the verb still negates it.
        let evs = events("2020-05-10", "Japan will visit China and meet Xi Jinping.");
        assert!(has(&evs, "JPN", "CHNGOV", "036") && !has(&evs, "JPN", "CHNGOV", "040"), "{evs:?}");
        let evs = events("2020-05-10", "Kenya denied attacking Uganda.");
        assert!(!evs.iter().any(|e| e.0 == "KEN" && e.2.starts_with("19")), "{evs:?}");
    }

    #[test]
    fn a_relative_clause_on_a_noun_has_the_noun_as_subject() {
        let evs = events("2020-05-10", "Ghana backed the plan which would cut aid to Togo.");
        assert!(!evs.iter().any(|e| e.0 == "GHA" && e.1 == "TGO"), "{evs:?}");
        let evs = events("2020-05-10", "Hungary praised a resolution that imposes a naval blockade on Serbia.");
        assert!(!evs.iter().any(|e| e.0 == "HUN" && e.1 == "SRB"), "{evs:?}");
        // Negatives: "that" after a verb of saying, and "which" on an actor, keep the actor as subject.
        let evs = events("2020-05-10", "Ghana said that it would cut aid to Togo.");
        assert!(evs.iter().any(|e| e.0 == "GHA" && e.1 == "TGO"), "{evs:?}");
        let evs = events(
            "2020-05-10",
            "The Ghanaian government, which has long criticised Togo, expelled the Togolese ambassador.",
        );
        assert!(evs.iter().any(|e| e.0 == "GHAGOV" && e.2 == "161"), "{evs:?}");
    }

    #[test]
    fn an_actor_inside_a_relative_clause_set_off_by_commas_is_not_the_main_verbs_subject() {
        // The clause closes before the anchor: its actors are not the subject; the antecedent before it is.
        for (text, src, tgt, code) in [
            ("The Houthis, who control much of northern Yemen, vowed to attack Israel.", "YEMREB", "ISR", "138"),
            ("President Ruto of Kenya, who chairs the African Union, criticised Ethiopia.", "KENGOV", "ETH", "111"),
            ("Lukashenko, whose government relies on Russian loans, praised China on Monday.", "BLRGOV", "CHN", "051"),
            ("The Taliban, who seized Kabul in 2021, condemned Pakistan on Friday.", "AFGGOV", "PAK", "111"),
            ("The Serbian president, who visited Moscow last week, thanked Hungary.", "SRBGOV", "HUN", "051"),
            ("Russia, which has troops in Syria, Iraq and Libya, warned Turkey on Monday.", "RUS", "TUR", "130"),
        ] {
            let evs = events("2024-05-10", text);
            assert!(has(&evs, src, tgt, code), "{text}: {evs:?}");
            assert!(!evs.iter().any(|e| e.1 == tgt && e.0 != src), "{text}: {evs:?}");
        }
        // Negatives: an anchor inside the clause keeps its own subject; a clause that has not closed before the
        // anchor, and an actor after the clause, are as before.
        let evs = events("2024-05-10", "Zelensky, who met Biden last week, criticised Russia on Friday.");
        assert!(has(&evs, "UKRGOV", "USAGOV", "040") && has(&evs, "UKRGOV", "RUS", "111"), "{evs:?}");
        let evs = events("2024-05-10", "The summit, which Russia hosted, ended after China criticised Japan.");
        assert!(has(&evs, "CHN", "JPN", "111"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == "RUS"), "{evs:?}");
    }

    #[test]
    fn people_throughout_or_across_a_state_are_its_own_and_the_state_is_no_subject_or_target() {
        for (text, src, tgt, code) in [
            ("Students throughout Indonesia protested against the government on Tuesday.", "IDNCVL", "IDNGOV", "141"),
            ("Farmers across France protested against the government on Monday.", "FRACVL", "FRAGOV", "141"),
            ("Police throughout Nigeria arrested dozens of protesters.", "NGACOP", "NGACVL", "173"),
            ("Workers around Ghana protested against the government.", "GHACVL", "GHAGOV", "141"),
        ] {
            let evs = events("2024-05-10", text);
            assert!(has(&evs, src, tgt, code), "{text}: {evs:?}");
        }
        // Negatives: a place after "throughout" is not the target, nor a subject.
        let evs = events("2024-05-10", "Indonesian students protested throughout Jakarta against the government.");
        assert!(has(&evs, "IDNCVL", "IDNGOV", "141") && !evs.iter().any(|e| e.1 == "IDN"), "{evs:?}");
        let evs = events("2024-05-10", "Rallies were held throughout Germany as protesters criticised Russia.");
        assert!(has(&evs, "DEUCVL", "RUS", "111") && !evs.iter().any(|e| e.0 == "DEU"), "{evs:?}");
    }

    #[test]
    fn an_appeal_after_and_following_a_reported_state_of_affairs_is_the_speakers() {
        for (text, src, tgt, code) in [
            (
                "Ghana's foreign minister said Togo was the main threat and urged Benin to close its border.",
                "GHAGOV",
                "BEN",
                "02",
            ),
            (
                "Kenyan President William Ruto said Somalia remained unstable and thanked Ethiopia for its help.",
                "KENGOV",
                "ETH",
                "051",
            ),
            ("Tehran said Iraq wanted peace and warned Israel against an attack.", "IRN", "ISR", "1"),
            ("Chile said Peru was not a threat and criticised Bolivia.", "CHL", "BOL", "111"),
        ] {
            let evs = events("2024-05-10", text);
            assert!(evs.iter().any(|e| e.0 == src && e.1 == tgt && e.2.starts_with(code)), "{text}: {evs:?}");
            assert!(!evs.iter().any(|e| e.1 == tgt && e.0 != src), "{text}: {evs:?}");
        }
        // Negative: after a reported act, the verb after "and" is the reported subject's.
        let text = "Officials said Togolese troops had crossed the border and attacked Ghana.";
        let evs = events("2024-05-10", text);
        assert!(evs.iter().any(|e| e.0.starts_with("TGO") && e.1 == "GHA"), "{evs:?}");
    }

    #[test]
    fn a_bare_vowed_response_threatens_the_side_the_speaker_criticised() {
        let evs = events(
            "2024-04-02",
            "Iran's foreign ministry condemned the new British sanctions as illegal and said Tehran would respond.",
        );
        assert!(evs.iter().any(|e| e.0 == "IRN" && e.1 == "GBR" && e.2.starts_with("13")), "{evs:?}");
        // Negatives: answering a letter or questions is no threat; a forecast is no intention of anyone's.
        for text in [
            "Iran said it would respond to the letter next week.",
            "The Mexican government said it would respond to the questions in writing.",
            "Prices will rise next year, the Russian central bank said.",
            "The United Nations warned of a humanitarian crisis in Sudan.",
        ] {
            let evs = events("2024-04-02", text);
            assert!(!evs.iter().any(|e| e.2.starts_with("13") || e.2.starts_with("03")), "{text}: {evs:?}");
        }
    }

    #[test]
    fn a_refusal_under_a_warning_or_a_threat_is_a_threat_to_withhold_cooperation() {
        let evs =
            events("2024-04-02", "The president warned that Germany would not sign any trade agreement with China.");
        assert!(evs.iter().any(|e| e.0 == "DEU" && e.1 == "CHN" && e.2 == "131"), "{evs:?}");
        let evs = events("2024-04-02", "Iraq threatened not to renew the water agreement with Turkey.");
        assert!(evs.iter().any(|e| e.0 == "IRQ" && e.1 == "TUR" && e.2 == "131"), "{evs:?}");
        // Negative: a refusal said plainly stays a rejection, never an intent to cooperate.
        let evs = events("2024-04-02", "Iraq said it would not renew the water agreement with Turkey.");
        assert!(evs.iter().any(|e| e.2.starts_with("12")), "{evs:?}");
        assert!(!evs.iter().any(|e| e.2.starts_with("13") || e.2.starts_with("03")), "{evs:?}");
        let evs = events("2024-04-02", "Kenya said it would not attend the summit in Uganda.");
        assert!(!evs.iter().any(|e| e.2.starts_with("03") || e.2.starts_with("13")), "{evs:?}");
    }

    #[test]
    fn a_fight_vowed_to_go_on_against_a_side_is_a_threat_of_force() {
        let evs = events("2024-04-02", "Hezbollah vowed to pursue its struggle against Israel.");
        assert!(evs.iter().any(|e| e.0 == "LBNREB" && e.1 == "ISR" && e.2 == "138"), "{evs:?}");
        // Negative: a fight against an ill is no threat to anyone.
        let evs = events("2024-04-02", "The Egyptian president vowed to continue his fight against corruption.");
        assert!(evs.is_empty(), "{evs:?}");
    }

    #[test]
    fn money_pledged_or_given_in_aid_with_no_recipient_goes_to_the_state_of_the_story() {
        let evs = doc_events(
            "2024-04-02",
            &[
                "A strong earthquake hit western Nepal on Friday.",
                "India pledged 20 million dollars in emergency relief.",
            ],
        );
        assert!(evs.iter().any(|e| e.1 == "IND" && e.2 == "NPL" && e.3 == "0333"), "{evs:?}");
        let evs = doc_events(
            "2024-04-02",
            &[
                "Fighting continued in eastern Ukraine on Sunday.",
                "Italy said it would provide 300 million euros in new military aid.",
            ],
        );
        assert!(evs.iter().any(|e| e.1 == "ITA" && e.2 == "UKR" && e.3.starts_with("033")), "{evs:?}");
        // Negatives: a story naming no other state gives the pledge no recipient and no event; a state's allies
        // who gave are not the state.
        assert!(doc_events("2024-04-02", &["India pledged 20 million dollars in emergency relief."]).is_empty());
        let evs = doc_events(
            "2024-04-02",
            &[
                "Fighting continued in eastern Ukraine on Sunday.",
                "Kyiv's allies have provided 100 billion euros in military aid since 2022.",
            ],
        );
        assert!(!evs.iter().any(|e| e.0 == Some(1)), "{evs:?}");
    }

    #[test]
    fn an_attempt_called_a_cause_of_war_firm_measures_and_raids_to_come_are_threats() {
        let evs = events(
            "2024-04-02",
            "Turkey rejected the Greek plan and said any attempt to extend territorial waters would be considered a \
             cause for war.",
        );
        assert!(evs.iter().any(|e| e.0 == "TUR" && e.1 == "GRC" && e.2 == "138"), "{evs:?}");
        let evs = doc_events(
            "2024-04-02",
            &[
                "Israel struck Iran on Friday.",
                "Iran's foreign minister said Tehran would take firm action in response.",
            ],
        );
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "IRN" && e.2 == "ISR" && e.3.starts_with("13")), "{evs:?}");
        let evs = doc_events(
            "2024-04-02",
            &[
                "The United States struck a boat carrying drugs from Venezuela.",
                "The Pentagon said such strikes would happen again.",
            ],
        );
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.2 == "VEN" && e.3 == "138"), "{evs:?}");
        // Negatives: an act already called an act of war is criticism; a promise that it will not happen again is
        // no threat; steps to expand trade are no measures against anyone.
        let evs = doc_events("2024-04-02", &["Israel struck Iran on Friday.", "Iran called the strike an act of war."]);
        assert!(!evs.iter().any(|e| e.0 == Some(1) && e.3.starts_with("13")), "{evs:?}");
        let evs = doc_events(
            "2024-04-02",
            &["Israel struck Qatar on Friday.", "Israel's prime minister said such a strike would not happen again."],
        );
        assert!(!evs.iter().any(|e| e.0 == Some(1) && e.3.starts_with("13")), "{evs:?}");
        let evs = doc_events(
            "2024-04-02",
            &["Israel struck Iran on Friday.", "India said it would take steps to expand trade with Iran."],
        );
        assert!(!evs.iter().any(|e| e.0 == Some(1) && e.3.starts_with("13")), "{evs:?}");
    }

    #[test]
    fn an_intention_on_a_condition_is_a_threat() {
        let evs = events("2020-05-10", "Nigeria said it will withdraw its troops from Chad unless the fighting stops.");
        assert!(evs.iter().any(|e| e.0 == "NGA" && e.1 == "TCD" && e.2 == "130"), "{evs:?}");
        // Negatives: without "unless" the intention stays one; a promise of aid on a condition is no threat.
        let evs = events("2020-05-10", "Nigeria said it will withdraw its troops from Chad.");
        assert!(!evs.iter().any(|e| e.2.starts_with("13")), "{evs:?}");
        let evs = events("2020-05-10", "Japan will send aid to Chad unless the border closes.");
        assert!(!evs.iter().any(|e| e.2.starts_with("13")), "{evs:?}");
    }

    #[test]
    fn a_target_may_follow_a_hyphenated_modifier_or_a_possessor_in_a_gap() {
        let evs = events("2023-08-10", "Portugal sent aid to war-torn Mozambique.");
        assert!(evs.iter().any(|e| e.0 == "PRT" && e.1 == "MOZ" && e.2.starts_with("07")), "{evs:?}");
        let evs = events("2019-04-16", "Vladimir Putin offered to send Russia's best specialists to help France.");
        assert!(evs.iter().any(|e| e.0 == "RUSGOV" && e.1 == "FRA" && e.2.starts_with("03")), "{evs:?}");
        // Negative: a compound after another modifier is too far for a gap ("more high-quality Brazilian products");
        // only a pattern that names those words (goods welcomed, 0311) reaches it.
        let evs = events("2023-08-10", "China welcomes more high-quality Brazilian products.");
        assert!(!evs.iter().any(|e| e.1 == "BRA" && e.3 != "0311.welcome-products"), "{evs:?}");
    }

    #[test]
    fn a_verb_after_and_skips_the_object_a_naming_verb_judged() {
        // "declared X a hostile state and cut ties": X is the first verb's object, the subject acts again.
        let evs =
            events("2022-06-01", "Eritrea declared Djibouti a hostile state and cut diplomatic ties with Djibouti.");
        assert!(has(&evs, "ERI", "DJI", "161"), "{evs:?}");
        // Negative: a reported clause after the naming verb keeps its own subject ("declared X had attacked").
        let evs =
            events("2022-06-01", "Eritrea declared Djibouti had shelled its border posts and killed two soldiers.");
        assert!(!evs.iter().any(|e| e.0 == "ERI" && e.2.starts_with("19")), "{evs:?}");
    }

    #[test]
    fn regime_change_is_no_actor_and_a_guessed_role_names_no_other_state() {
        // "regime change" is a goal: the verb after "and" keeps the accuser as subject, and the mobilised militia
        // (whose state is only guessed from the document) is no target; the posture answers the side accused.
        let evs = doc_events(
            "2023-02-01",
            &[
                "The United States imposed sanctions on Cuba and the United States warned Cuba.",
                "Cuba's government accused Washington of seeking regime change and ordered the mobilisation of \
                 thousands of militia members.",
            ],
        );
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "CUBGOV" && e.2 == "USA" && e.3 == "154"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == Some(1) && e.1.starts_with("USA") && e.3 == "154"), "{evs:?}");
        // Negative: "the regime" as a subject is still the government.
        let evs = events("2023-02-01", "Cuban officials said the regime had arrested dozens of dissidents.");
        assert!(evs.iter().any(|e| e.0 == "CUBGOV" && e.2 == "173"), "{evs:?}");
    }

    #[test]
    fn a_denier_named_after_the_charge_answers_its_accuser() {
        // The denier follows the noun it denies: the target is who made the charge, not the charge's own object.
        let evs = events("2021-03-02", "Kenya has accused Uganda of arming the rebels, a charge Kampala denies.");
        assert!(has(&evs, "UGA", "KEN", "016"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == "UGA" && e.2 == "016" && e.1 != "KEN"), "{evs:?}");
        // Negative: with no charge against the denier's state, the denial answers no one.
        let evs = events("2021-03-02", "The rebels were blamed for the raid, a claim Kampala denies.");
        assert!(!evs.iter().any(|e| e.2 == "016"), "{evs:?}");
    }

    #[test]
    fn a_denial_answers_the_side_the_sentence_then_accuses() {
        let evs = events(
            "2020-05-10",
            "Russia denied any involvement in the poisoning and accused London of a smear campaign.",
        );
        assert!(has(&evs, "RUS", "GBR", "016"), "{evs:?}");
        assert!(has(&evs, "RUS", "GBR", "112"), "{evs:?}");
        // Negative: an accusation by another subject after "and" is no target of the denial.
        let evs = events("2020-05-10", "Russia denied any involvement, and Britain accused Moscow of lying.");
        assert!(!has(&evs, "RUS", "RUS", "016") && !has(&evs, "RUS", "GBR", "016"), "{evs:?}");
    }

    #[test]
    fn a_denial_of_a_charge_never_coded_answers_the_deniers_one_rival() {
        // The charge was only reported ("saying the bombing had been planned across the border"): the denial
        // answers the one side in conflict with the denier's state so far.
        let evs = events(
            "2024-01-01",
            "Chile expelled two Peruvian diplomats on Monday, saying the bombing in Arica had been planned across the \
             border. Lima rejected the accusation and called the expulsion unjustified.",
        );
        assert!(has(&evs, "PER", "CHL", "016"), "{evs:?}");
        // Negatives: no conflict with anyone before, no accuser; two rivals, no guess; a denier inside reported
        // speech ("said Peru was blaming Chile … and dismissed") is no denier of its own.
        let evs = events(
            "2024-01-01",
            "A Chilean minister said the bombing in Arica had been planned across the border. Lima rejected the \
             accusation.",
        );
        assert!(!evs.iter().any(|e| e.2 == "016"), "{evs:?}");
        let evs = events(
            "2024-01-01",
            "Chile expelled two Peruvian diplomats and Bolivia recalled its envoy from Lima. Peru rejected the \
             accusations.",
        );
        assert!(!evs.iter().any(|e| e.2 == "016"), "{evs:?}");
        let evs = events(
            "2024-01-01",
            "Chile expelled two Peruvian diplomats on Monday. A Chilean spokesman said Peru was blaming Chile for the \
             floods and dismissed the accusations as absurd.",
        );
        assert!(!has(&evs, "PER", "CHL", "016"), "{evs:?}");
    }

    #[test]
    fn a_denial_of_backing_a_third_side_answers_the_accuser_not_the_side_backed() {
        let evs = events(
            "2024-01-01",
            "Kenya accused Uganda of arming the rebels in the north. Kampala has denied backing the rebels.",
        );
        assert!(has(&evs, "UGA", "KEN", "016"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.2 == "016" && e.1 != "KEN"), "{evs:?}");
        // Negative: no charge against the denier anywhere, no event.
        let evs = events("2024-01-01", "Kampala has denied backing the rebels in the north.");
        assert!(!evs.iter().any(|e| e.2 == "016"), "{evs:?}");
    }

    #[test]
    fn a_possessive_in_reported_speech_stands_for_the_speaker() {
        let text = "Azerbaijan's Defence Ministry said Armenian forces had fired on its positions.";
        let evs = events("2020-10-01", text);
        assert!(has(&evs, "AZEMIL", "ARMMIL", "112"), "{evs:?}");
        // Negatives: a possessive of the subject's own noun phrase, and one before a named actor.
        let evs = events("2020-10-01", "Azerbaijan said its forces had shelled Armenian positions.");
        assert!(!evs.iter().any(|e| e.1 == "AZE"), "{evs:?}");
        let evs = events("2020-10-01", "Azerbaijan said Armenia had attacked its ally Turkey.");
        assert!(!evs.iter().any(|e| e.1 == "AZE"), "{evs:?}");
        // Negative: "its" after "said it will withdraw" is the subject's own, not a target.
        let evs = events("2020-10-01", "Nigeria said it will withdraw its troops from Chad.");
        assert!(!evs.iter().any(|e| e.0 == e.1 || e.1 == "NGA"), "{evs:?}");
    }

    #[test]
    fn a_state_force_reporting_its_armed_rivals_attack_accuses_them() {
        let evs = events("2024-06-01", "The Sudanese army said the RSF had killed dozens of civilians in the camp.");
        assert!(has(&evs, "SDNMIL", "SDNREB", "112") && !evs.iter().any(|e| e.2 == "190"), "{evs:?}");
        // Negatives: a force's account of its own side's act, and of its own state's people.
        let evs = events("2024-06-01", "The Sudanese army said its troops had attacked RSF positions.");
        assert!(!evs.iter().any(|e| e.2 == "112"), "{evs:?}");
        let evs = events("2024-06-01", "The Israeli military said Israeli settlers had attacked Palestinians.");
        assert!(!evs.iter().any(|e| e.2 == "112"), "{evs:?}");
    }

    #[test]
    fn in_protest_names_a_purpose_not_a_demonstration() {
        let evs = events("2024-07-30", "Algeria recalled its ambassador to France in protest at the French decision.");
        assert!(has(&evs, "DZA", "FRA", "161") && !evs.iter().any(|e| e.2.starts_with("14")), "{evs:?}");
        // Negative: the verb still is one.
        let evs = events("2024-07-30", "Algerians protested outside the French embassy in Algiers.");
        assert!(evs.iter().any(|e| e.2.starts_with("14")), "{evs:?}");
    }

    #[test]
    fn a_place_in_a_documents_name_does_not_stop_a_gap() {
        let evs = events("2023-12-07", "Norway and Sweden signed the Oslo Declaration on Friendly Relations.");
        assert!(has(&evs, "NOR", "SWE", "057") && has(&evs, "SWE", "NOR", "057"), "{evs:?}");
        // Negative: a state before a plain noun is no name, and stays an actor of the sentence.
        let evs = events("2023-12-07", "Norway condemned the Oslo attack by Swedish rebels.");
        assert!(!evs.iter().any(|e| e.2 == "057"), "{evs:?}");
    }

    #[test]
    fn claimed_and_accused_acts_are_not_reported_acts() {
        let evs = events(
            "2020-06-17",
            "China's foreign ministry accused Indian troops of crossing the line and attacking Chinese soldiers.",
        );
        assert!(!evs.iter().any(|e| e.2.starts_with("19") || e.2.starts_with("18")), "{evs:?}");
        let evs = events("2021-03-02", "Eritrea denied accusations that its soldiers had killed Ethiopian civilians.");
        assert!(!evs.iter().any(|e| e.2.starts_with("19") || e.2.starts_with("18")), "{evs:?}");
        // The act itself, reported, is coded.
        let evs = events("2021-03-02", "Eritrean soldiers killed Ethiopian civilians.");
        assert!(evs.iter().any(|e| e.2.starts_with("19") || e.2.starts_with("18") || e.2.starts_with("20")), "{evs:?}");
    }

    #[test]
    fn an_arrest_without_agent_is_the_reporting_organs_act() {
        let evs =
            events("2020-08-12", "The Belarusian interior ministry said more than 3,000 people had been detained.");
        assert!(has(&evs, "BLRGOV", "BLRCVL", "173"), "{evs:?}");
        // Not when protesters or a foreign state report it.
        assert!(events("2020-08-12", "Belarusian protesters said dozens of students had been detained.").is_empty());
        assert!(events("2020-08-12", "The Polish foreign ministry said dozens of Belarusians had been detained.")
            .is_empty());
    }

    #[test]
    fn a_future_negation_is_a_refusal() {
        let evs = events(
            "2021-03-16",
            "Duterte's spokesman said the Philippine government would not cooperate with the ICC.",
        );
        assert!(evs.iter().any(|e| e.0 == "PHLGOV" && e.2.starts_with("12")), "{evs:?}");
        // A negated attack is no event at all.
        assert!(events("2021-03-16", "Russia said it would not attack Ukraine.")
            .iter()
            .all(|e| !e.2.starts_with("19")));
    }

    #[test]
    fn what_one_side_wants_another_to_do_is_not_done() {
        let evs = events("2015-01-01", "Obama wants Putin to attack Switzerland.");
        assert!(!evs.iter().any(|e| e.2.starts_with("13") || e.2.starts_with("19")), "{evs:?}");
    }

    #[test]
    fn an_actor_in_an_appositive_is_not_the_subject() {
        let evs = events(
            "2004-07-30",
            "Pakistan, a key U.S. ally in the war against terrorism, has refused to deploy peacekeepers in Iraq.",
        );
        assert!(evs.iter().any(|e| e.0 == "PAK" && e.2.starts_with("12")), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == "USA"), "{evs:?}");
    }

    #[test]
    fn civilians_who_attack_or_clash_riot() {
        let evs = events("2021-05-02", "Angry Nigerian villagers attacked the police in Kano.");
        assert!(has(&evs, "NGACVL", "NGACOP", "145"), "{evs:?}");
        let evs = events("2021-05-02", "Serbian protesters clashed with police in Belgrade.");
        assert!(has(&evs, "SRBCVL", "SRBCOP", "145"), "{evs:?}");
        assert!(has(&evs, "SRBCOP", "SRBCVL", "175"), "the police's side is repression: {evs:?}");
        // Armed groups do not riot.
        let evs = events("2021-05-02", "Nigerian gunmen attacked the police in Kano.");
        assert!(has(&evs, "NGAREB", "NGACOP", "190"), "{evs:?}");
    }

    #[test]
    fn recoding_by_mode() {
        assert_eq!(recode("040", Mode::Intended, false), Some(("036".into(), "+intent")));
        assert_eq!(recode("050", Mode::Intended, false), Some(("030".into(), "+intent")));
        assert_eq!(recode("190", Mode::Negated, false), None);
        assert_eq!(recode("040", Mode::Negated, true), Some(("125".into(), "+reject")));
        assert_eq!(recode("190", Mode::Asserted, false), Some(("190".into(), "")));
    }

    #[test]
    fn an_opening_place_phrase_ends_at_its_comma() {
        let evs = events("2024-03-04", "In Gaza, Israeli air strikes killed 30 Palestinians.");
        assert!(evs.iter().any(|e| e.0 == "ISR" && e.1.starts_with("PSE") && e.2.starts_with("19")), "{evs:?}");
        let evs = events("2024-03-04", "In Kyiv, Zelensky met Scholz to discuss air defence.");
        assert!(has(&evs, "UKRGOV", "DEUGOV", "040"), "{evs:?}");
        let evs = events("2024-03-04", "In Moscow, police detained dozens of protesters.");
        assert!(has(&evs, "RUSCOP", "RUSCVL", "173"), "{evs:?}");
        // The opening phrase's nominal event is the main subject's.
        let evs = events("2024-03-04", "In a phone call with Erdogan, Putin thanked Turkey for its mediation.");
        assert!(has(&evs, "RUSGOV", "TURGOV", "041") && has(&evs, "RUSGOV", "TUR", "051"), "{evs:?}");
        // Negative: a participle in the opening phrase is not the main subject's act.
        let evs = events(
            "1998-03-04",
            "In a note handed over to the United Nations on Monday, Iraq said it would admit the inspectors.",
        );
        assert!(!evs.iter().any(|e| e.0 == "IRQ" && e.2.starts_with("08")), "{evs:?}");
    }

    #[test]
    fn a_new_clause_after_and_has_its_own_subject() {
        let evs = events("2024-03-04", "Lithuania expelled a Russian diplomat and Finland closed its border.");
        assert!(has(&evs, "LTU", "RUSGOV", "161") && !evs.iter().any(|e| e.1 == "FIN"), "{evs:?}");
        let evs = events("2024-03-04", "The US imposed sanctions on Iran and Britain froze Iranian assets.");
        assert!(has(&evs, "USA", "IRN", "163") && !evs.iter().any(|e| e.1 == "GBR"), "{evs:?}");
        // Negative: joint subjects stay joined.
        let evs = events("2024-03-04", "China and Russia signed a trade deal.");
        assert!(has(&evs, "CHN", "RUS", "057") && has(&evs, "RUS", "CHN", "057"), "{evs:?}");
        let evs = events("2024-03-04", "The blast came as Iranian and Saudi negotiators met in Baghdad.");
        assert!(evs.iter().any(|e| e.0.starts_with("IRN") && e.1.starts_with("SAU") && e.2 == "040"), "{evs:?}");
    }

    #[test]
    fn hyphenated_compounds_name_who_acts() {
        // "-backed": the backed side acts, and the backing is no event.
        let evs = events("2025-01-28", "Rwanda-backed M23 rebels attacked Goma.");
        assert!(evs.iter().any(|e| e.0 == "CODREB" && e.2.starts_with("19")), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == "RWA"), "{evs:?}");
        // "-led", "-flagged": the actor before the hyphen stands for the noun.
        let evs = events("2024-03-04", "The Saudi-led coalition bombed Sanaa overnight.");
        assert!(has(&evs, "SAU", "YEM", "195"), "{evs:?}");
        let evs = events("2024-03-04", "A Norwegian-flagged tanker was attacked by the Houthis.");
        assert!(evs.iter().any(|e| e.0 == "YEMREB" && e.1 == "NOR" && e.2.starts_with("19")), "{evs:?}");
        // Negative: a compound of two states is no subject.
        let evs = events("2024-03-04", "China-Belarus relations have grown, Xi said.");
        assert!(evs.is_empty(), "{evs:?}");
    }

    #[test]
    fn every_form_of_a_promise_is_an_intention() {
        for text in [
            "China promised to increase investment in Kenya.",
            "China has promised to increase investment in Kenya.",
            "China is promising to increase investment in Kenya.",
            "China undertook to increase investment in Kenya.",
        ] {
            let evs = events("2024-03-04", text);
            assert!(has(&evs, "CHN", "KEN", "0311") && !has(&evs, "CHN", "KEN", "061"), "{text}: {evs:?}");
        }
        // Negative: the act itself, and "undertook" with a noun, are done.
        let evs = events("2024-03-04", "China increased investment in Kenya.");
        assert!(has(&evs, "CHN", "KEN", "061"), "{evs:?}");
        let evs = events("2024-03-04", "The Qatari emir undertook a mediation mission between Rwanda and Congo.");
        assert!(evs.iter().any(|e| e.1 == "RWA" && e.2 == "045"), "{evs:?}");
    }

    #[test]
    fn an_event_called_off_or_on_a_condition_is_not_coded() {
        for text in [
            "Putin's visit to India was cancelled.",
            "Blinken's trip to China has been postponed.",
            "China will host talks with India if the talks go well.",
        ] {
            let evs = events("2024-03-04", text);
            assert!(evs.is_empty(), "{text}: {evs:?}");
        }
        // Negative: a visit that took place, a postponement in a relative clause, a readiness, a threat.
        let evs = events("2024-03-04", "Macron's visit to Algeria took place on Monday.");
        assert!(has(&evs, "FRAGOV", "DZA", "042"), "{evs:?}");
        let evs = events("2024-03-04", "Xi's visit to Moscow, which was postponed last year, went ahead on Monday.");
        assert!(has(&evs, "CHNGOV", "RUS", "042"), "{evs:?}");
        let evs =
            events("1990-09-01", "Norway is willing to send troops to help defend Saudi Arabia if it is attacked.");
        assert!(evs.iter().any(|e| e.0 == "NOR" && e.1 == "SAU" && e.2.starts_with("03")), "{evs:?}");
        let evs = events("2024-03-04", "Russia will retaliate against Finland if NATO deploys troops there.");
        assert!(evs.iter().any(|e| e.0 == "RUS" && e.1 == "FIN" && e.2.starts_with("13")), "{evs:?}");
    }

    #[test]
    fn an_attack_without_a_named_target_falls_on_the_documents_one_adversary() {
        let evs = doc_events(
            "2024-03-04",
            &["Russia shelled Kharkiv on Monday.", "Russia launched 40 drones and 12 missiles overnight."],
        );
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "RUS" && e.2 == "UKR" && e.3.starts_with("19")), "{evs:?}");
        let evs = doc_events("2023-10-08", &["Hamas attacked Israel on Saturday.", "Hamas took 251 hostages."]);
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "PSEREB" && e.2 == "ISR" && e.3 == "181"), "{evs:?}");
        // A place of the other side in the sentence.
        let evs = events("2024-03-04", "Russian troops fired rockets at residential districts in Kharkiv overnight.");
        assert!(evs.iter().any(|e| e.0 == "RUSMIL" && e.1 == "UKR" && e.2.starts_with("19")), "{evs:?}");
        // Negatives: two adversaries, none, a foreign speaker's claim, a defence.
        for sentences in [
            &["Russia shelled Kharkiv.", "Russian jets bombed Tbilisi.", "Russia launched 40 drones overnight."][..],
            &["Russia and China held talks.", "Russia launched 40 drones overnight."][..],
            &["Russia shelled Kharkiv.", "Russia launched 40 drones overnight, the Ukrainian air force said."][..],
        ] {
            let evs = doc_events("2024-03-04", sentences);
            let last = sentences.len() - 1;
            assert!(!evs.iter().any(|e| e.0 == Some(last) && e.3.starts_with("19")), "{sentences:?}: {evs:?}");
        }
        // A defence is no attack on a side: the interception is fighting against the attacker.
        let evs =
            doc_events("2024-03-04", &["Russia shelled Kharkiv.", "Ukrainian air defences shot down 12 missiles."]);
        assert!(evs.iter().filter(|e| e.0 == Some(1)).all(|e| e.1 == "UKRMIL" && e.2 == "RUS"), "{evs:?}");
    }

    fn in_last(evs: &[(Option<usize>, String, String, String)], last: usize) -> Vec<(String, String, String)> {
        evs.iter().filter(|e| e.0 == Some(last)).map(|e| (e.1.clone(), e.2.clone(), e.3.clone())).collect()
    }

    #[test]
    fn a_verdict_on_an_act_criticises_its_author() {
        let strike = "Israeli jets struck an Iranian consular building in Damascus on Monday.";
        for verdict in [
            "Iran's foreign minister said the strike was a flagrant violation of international law.",
            "The strike was a violation of international law, Iran's foreign ministry said.",
            "Iran's foreign minister said the strike amounts to a war crime.",
        ] {
            let evs = in_last(&doc_events("2024-04-02", &[strike, verdict]), 1);
            assert!(
                evs.iter().any(|e| e.0.starts_with("IRN") && e.1.starts_with("ISR") && e.2 == "111"),
                "{verdict}: {evs:?}"
            );
        }
        // The actor named in the phrase itself.
        let evs = doc_events(
            "2024-09-02",
            &[
                "Russia and Belarus began joint exercises.",
                "Poland's prime minister said the Russian drills were a provocation.",
            ],
        );
        assert!(in_last(&evs, 1).iter().any(|e| e.0 == "POLGOV" && e.1 == "RUS" && e.2.starts_with("11")), "{evs:?}");
        // Negatives: a verdict denied, a verdict that is no criticism, the author's own verdict, no author known.
        for (first, second) in [
            (strike, "Israel's defence minister said the strike was not a violation of any law."),
            ("Russia and Belarus began joint exercises.", "Belarus said the drills were purely defensive."),
            (strike, "Israel's defence minister said the strike was legal."),
            ("Kenya's president visited Tanzania.", "Iran's foreign minister said the killing was a war crime."),
        ] {
            let evs = in_last(&doc_events("2024-04-02", &[first, second]), 1);
            assert!(!evs.iter().any(|e| e.2.starts_with("11")), "{second}: {evs:?}");
        }
    }

    #[test]
    fn a_joint_act_answered_aims_at_each_author() {
        let drills = "Russia and Belarus began joint military drills near the Polish border on Monday.";
        for answer in [
            "Poland called the drills aggressive.",
            "Lithuania's foreign minister condemned the exercises.",
            "Poland's prime minister said the drills were a provocation.",
        ] {
            let evs = in_last(&doc_events("2025-09-12", &[drills, answer]), 1);
            for author in ["RUS", "BLR"] {
                assert!(evs.iter().any(|e| e.1 == author && e.2.starts_with("11")), "{answer}: {author}: {evs:?}");
            }
        }
        let evs = doc_events(
            "2025-09-22",
            &[
                "Britain, Canada and Australia recognised a Palestinian state on Sunday.",
                "Israel denounced the decisions.",
            ],
        );
        for author in ["GBR", "CAN", "AUS"] {
            assert!(in_last(&evs, 1).iter().any(|e| e.1 == author && e.2 == "111"), "{author}: {evs:?}");
        }
        // Negatives: a speaker among the authors answers for the other one only; acts of the same sentence in other
        // words are not one act; an earlier sentence's act by another side is not this one's.
        let evs = in_last(&doc_events("2025-09-12", &[drills, "Belarus called the drills aggressive."]), 1);
        assert!(!evs.iter().any(|e| e.1.starts_with("BLR")), "{evs:?}");
        let evs = doc_events(
            "2025-09-12",
            &["Russia shelled Kharkiv and Belarus shelled a border post in Ukraine.", "Kyiv condemned the attack."],
        );
        assert_eq!(in_last(&evs, 1).iter().filter(|e| e.2.starts_with("11")).count(), 1, "{evs:?}");
        let evs = doc_events(
            "2025-09-12",
            &["Belarus staged military drills near the border.", drills, "Poland called the drills aggressive."],
        );
        let last = in_last(&evs, 2);
        assert_eq!(last.iter().filter(|e| e.2.starts_with("11")).count(), 2, "{evs:?}");
    }

    #[test]
    fn an_act_called_a_name_or_judged_keeps_its_author() {
        let tariffs = "The United States imposed tariffs on Chinese goods.";
        let expelled = "Russia expelled two Estonian diplomats on Friday.";
        let seized = "Iran seized a Greek tanker in the Gulf of Oman.";
        for (first, second, src, author) in [
            // The article after the act starts the name: "called the move a provocation".
            (tariffs, "Beijing called the move a provocation.", "CHN", "USA"),
            (tariffs, "China's commerce ministry called the tariffs an act of economic bullying.", "CHN", "USA"),
            (expelled, "Tallinn called the step a provocation.", "EST", "RUS"),
            // Verdicts in "was", "amounted to", "constitutes".
            (tariffs, "Beijing said the move amounted to economic bullying.", "CHN", "USA"),
            (tariffs, "Beijing said the tariffs were a form of coercion.", "CHN", "USA"),
            (seized, "Greece said the seizure constitutes extortion.", "GRC", "IRN"),
            (seized, "Athens said the seizure was an act of piracy.", "GRC", "IRN"),
        ] {
            let evs = in_last(&doc_events("2025-04-10", &[first, second]), 1);
            assert!(evs.iter().any(|e| e.0.starts_with(src) && e.1 == author && e.2 == "111"), "{second}: {evs:?}");
        }
        // Negatives: a name that is no verdict; what an act aims at is no verdict on it; an adjective of the verdict
        // is not an aim.
        let struck = "Israeli jets struck a building in Damascus.";
        for (first, second) in [
            (tariffs, "Beijing called the move a success."),
            (struck, "The United States said the strike was intended to deter aggression."),
            (struck, "The United States said the strike was aimed at ending Iranian meddling."),
            (expelled, "Estonia's minister said the expulsion was meant to stop interference."),
        ] {
            let evs = in_last(&doc_events("2025-04-10", &[first, second]), 1);
            assert!(!evs.iter().any(|e| e.2.starts_with("11")), "{second}: {evs:?}");
        }
        let evs =
            in_last(&doc_events("2025-04-10", &[struck, "Egypt said the strike was a calculated provocation."]), 1);
        assert!(evs.iter().any(|e| e.0 == "EGY" && e.1.starts_with("ISR") && e.2 == "111"), "{evs:?}");
    }

    #[test]
    fn an_act_as_the_subject_of_a_reaction_names_its_authors() {
        let struck = "Israel struck Iranian air defences overnight.";
        let tariffs = "The United States imposed tariffs on Chinese goods.";
        for (first, second, src, author, root) in [
            (struck, "The strikes were condemned by Saudi Arabia.", "SAU", "ISR", "11"),
            (tariffs, "The move drew sharp criticism from Beijing.", "CHN", "USA", "11"),
            (
                "Russia expelled two Estonian diplomats.",
                "The expulsions were criticised by the European Union.",
                "IGO",
                "RUS",
                "11",
            ),
            (struck, "The strikes drew praise from Washington.", "USA", "ISR", "05"),
        ] {
            let evs = in_last(&doc_events("2025-04-10", &[first, second]), 1);
            assert!(
                evs.iter().any(|e| e.0.starts_with(src) && e.1 == author && e.2.starts_with(root)),
                "{second}: {evs:?}"
            );
        }
        // A joint act: each author.
        let evs = in_last(
            &doc_events(
                "2025-09-12",
                &["Russia and Belarus began joint military drills.", "The drills were condemned by Poland."],
            ),
            1,
        );
        assert!(["RUS", "BLR"].iter().all(|a| evs.iter().any(|e| e.1 == *a && e.2 == "111")), "{evs:?}");
        // Negatives: denied, a subject that is no act, no act earlier, the speaker's own act.
        for (first, second) in [
            (struck, "The strikes were not condemned by Egypt."),
            (struck, "The talks were criticised by Egypt."),
            ("Kenya's president visited Tanzania.", "The strikes were condemned by Saudi Arabia."),
            (struck, "The strikes drew praise from Israel's defence minister."),
        ] {
            let evs = in_last(&doc_events("2025-04-10", &[first, second]), 1);
            assert!(evs.is_empty(), "{second}: {evs:?}");
        }
    }

    #[test]
    fn a_vowed_response_threatens_the_one_adversary() {
        let strike = "Israeli jets struck an Iranian consular building in Damascus on Monday.";
        for vow in [
            "Iran's supreme leader said Tehran would respond decisively.",
            "Iranian officials vowed revenge.",
            "Iran's foreign ministry said it reserved the right to respond.",
        ] {
            let evs = in_last(&doc_events("2024-04-02", &[strike, vow]), 1);
            assert!(
                evs.iter().any(|e| e.0.starts_with("IRN") && e.1.starts_with("ISR") && e.2 == "138"),
                "{vow}: {evs:?}"
            );
        }
        // A condition names no target of a response: the threat is against the state, not its prisoner.
        let mut doc = Document::from_sentences(
            "t",
            None,
            &["Kenya's president visited Moscow.", "Biden warned of consequences if Navalny died in prison."],
        );
        doc.date = Some("2021-06-16".parse().unwrap());
        let evs = coder().code(&doc).events;
        assert!(!evs.iter().any(|e| e.rule.contains("vowed-response")), "{evs:?}");
        // What goes unanswered is the act the speaker has just judged.
        let evs = doc_events(
            "2024-09-28",
            &[
                "Israeli jets killed the Hezbollah leader in a strike on Beirut.",
                "Iran's president said the killing was a war crime and that it would not go unanswered.",
            ],
        );
        assert!(
            in_last(&evs, 1).iter().any(|e| e.0.starts_with("IRN") && e.1.starts_with("ISR") && e.2.starts_with("13")),
            "{evs:?}"
        );
        // The actor right before the threat verb threatens, not one set off by a comma before it.
        let evs = doc_events(
            "2021-06-08",
            &["Estonia ordered a Russian diplomat to leave.", "Estonia expels Russian diplomat, Moscow vows response"],
        );
        assert!(in_last(&evs, 1).iter().any(|e| e.0.starts_with("RUS") && e.1 == "EST" && e.2 == "130"), "{evs:?}");
        assert!(!in_last(&evs, 1).iter().any(|e| e.0 == "EST" && e.2.starts_with("13")), "{evs:?}");
        // Force kept up: the speaker's side against the side it fights.
        let evs = doc_events(
            "2024-03-04",
            &["Russian forces shelled Kharkiv overnight.", "The Kremlin said the operation would continue."],
        );
        assert!(in_last(&evs, 1).iter().any(|e| e.0 == "RUSGOV" && e.1 == "UKR" && e.2 == "138"), "{evs:?}");
        // The side named after the words.
        let evs = doc_events(
            "2024-11-28",
            &["Israel's prime minister said Israel would strike forcefully if Hezbollah violated the truce."],
        );
        assert!(
            evs.iter().any(|e| e.1 == "ISR" || e.1 == "ISRGOV")
                && evs.iter().any(|e| e.2 == "LBNREB" && e.3.starts_with("13")),
            "{evs:?}"
        );
        // More forms: a response met, an aggression confronted, a right reserved, a manhunt for who attacked the
        // state's people, action against with force, and the sides of one foreign state taken as one.
        for (first, second, src, tgt) in [
            (
                "ECOWAS threatened to use force against Niger's junta.",
                "Niger's junta warned that any intervention would be met with an immediate response.",
                "NER",
                "IGOWAFWAS",
            ),
            (
                "Israeli jets struck Hezbollah positions in southern Lebanon.",
                "Hezbollah said its fighters were ready to confront any aggression.",
                "LBNREB",
                "ISR",
            ),
            ("Hamas fighters fired rockets at Israel.", "Israel reserved the right to resume fighting.", "ISR", "PSE"),
            (
                "Islamist fighters of JNIM killed 70 villagers in Burkina Faso.",
                "Burkina Faso's junta vowed to hunt down those responsible.",
                "BFA",
                "BFAREB",
            ),
            (
                "Israeli jets struck Gaza City, and Hamas fired rockets at Israel.",
                "Netanyahu said Israel would act against the group with military force.",
                "ISR",
                "PSE",
            ),
        ] {
            let evs = in_last(&doc_events("2024-04-02", &[first, second]), 1);
            assert!(
                evs.iter().any(|e| e.0.starts_with(src) && e.1.starts_with(tgt) && e.2.starts_with("13")),
                "{second}: {evs:?}"
            );
        }
        // Negatives: no response, two adversaries, no adversary, a response to a disaster, talks that continue,
        // an investigation that continues.
        for (first, second) in [
            (strike, "Iran said it would not respond."),
            (
                "The United States imposed new sanctions on Iran, and Israel bombed Iran.",
                "Iran said it would respond decisively.",
            ),
            (
                "Kenya's president met Tanzania's president in Arusha.",
                "Kenya said it would respond quickly to the floods.",
            ),
            ("Kenya's president met Tanzania's president in Arusha.", "Kenya said it would respond decisively."),
            ("Russian forces shelled Kharkiv overnight.", "The Kremlin said talks would continue."),
            ("Russian forces shelled Kharkiv overnight.", "Russia said it would deal with the matter."),
            ("Russian forces shelled Kharkiv overnight.", "Russia said it would not confront any neighbour."),
            (
                "China imposed sanctions on three American defence firms.",
                "China's commerce ministry said the operation would continue.",
            ),
        ] {
            let evs = in_last(&doc_events("2024-04-02", &[first, second]), 1);
            assert!(!evs.iter().any(|e| e.2.starts_with("13")), "{second}: {evs:?}");
        }
    }

    #[test]
    fn an_interception_fights_the_one_side_that_fired() {
        let evs = doc_events(
            "2024-04-02",
            &[
                "Russia launched a barrage of missiles and drones at Ukrainian cities overnight.",
                "Ukraine's air force said its air defences intercepted 30 of the 40 drones.",
            ],
        );
        assert!(in_last(&evs, 1).iter().any(|e| e.0 == "UKRMIL" && e.1 == "RUS" && e.2 == "190"), "{evs:?}");
        // The side that fired the weapon, not another that struck the state.
        let evs = doc_events(
            "2025-06-23",
            &[
                "Iran fired missiles at an American air base in Qatar.",
                "Qatar said its air defences had intercepted the missiles.",
            ],
        );
        assert!(in_last(&evs, 1).iter().any(|e| e.0.starts_with("QAT") && e.1 == "IRN" && e.2 == "190"), "{evs:?}");
        // Negatives: two attackers, none.
        for first in [
            "Russia fired missiles at Ukrainian cities overnight, and Belarus fired rockets at Ukraine.",
            "Ukraine's president visited Berlin on Monday.",
        ] {
            let evs =
                in_last(&doc_events("2024-04-02", &[first, "Ukraine's air force said it intercepted 30 drones."]), 1);
            assert!(evs.is_empty(), "{first}: {evs:?}");
        }
    }

    #[test]
    fn the_act_a_statement_is_about_is_found_by_its_nouns_and_is_not_the_speakers() {
        let strikes = "Israel launched heavy air strikes across Gaza on Tuesday.";
        for reaction in [
            "Egypt condemned the resumption of the bombing.",
            "Egypt condemned the bombing.",
            "Egypt condemned the attack.",
            "Egypt called the strikes unjustified and illegal.",
        ] {
            let evs = in_last(&doc_events("2025-03-18", &[strikes, reaction]), 1);
            assert!(evs.iter().any(|e| e.0 == "EGY" && e.1 == "ISR" && e.2 == "111"), "{reaction}: {evs:?}");
            assert!(!evs.iter().any(|e| e.2.starts_with("19")), "{reaction}: {evs:?}");
        }
        let evs = doc_events(
            "2025-08-07",
            &["The United States imposed new tariffs on Indian goods.", "India called the tariffs unfair."],
        );
        assert!(in_last(&evs, 1).iter().any(|e| e.0 == "IND" && e.1 == "USA" && e.2 == "111"), "{evs:?}");
        // The act a statement with no coded actor is about is not the speaker's either.
        let evs = doc_events("2025-03-18", &[strikes, "Governments across the region condemned the Israeli raid."]);
        assert!(!in_last(&evs, 1).iter().any(|e| e.2.starts_with("19")), "{evs:?}");
        // Words make no war: a criticism sets no adversary for an attack without a target.
        let evs =
            doc_events("2025-03-18", &["Egypt criticised Israel on Monday.", "Israel launched 40 drones overnight."]);
        assert!(!in_last(&evs, 1).iter().any(|e| e.2.starts_with("19")), "{evs:?}");
        // Negative: a judgement that is no criticism.
        let evs = doc_events(
            "2025-08-07",
            &["Japan and India signed a trade agreement.", "Japan's prime minister called the agreement historic."],
        );
        assert!(!in_last(&evs, 1).iter().any(|e| e.2.starts_with("11")), "{evs:?}");
    }
}

/// Issue 4: an anchor word is a verb boundary only where it may be a verb.
#[cfg(test)]
mod anchor_boundary_tests {
    use super::*;

    /// A small coder whose patterns anchor on nouns that news also uses before or after an actor.
    fn coder() -> &'static Coder {
        static CODER: std::sync::OnceLock<Coder> = std::sync::OnceLock::new();
        CODER.get_or_init(|| {
            let files: Vec<(String, String)> = [
                (
                    "countries.dict",
                    "TUR Turkey\n    adjectives: Turkish\nSYR Syria\n    adjectives: Syrian\nRUS Russia\n    \
                     adjectives: Russian\nUKR Ukraine\n    adjectives: Ukrainian\nIRN Iran\n    adjectives: Iranian\n\
                     SWE Sweden\n    adjectives: Swedish\n",
                ),
                (
                    "agents.dict",
                    "MIL Military\n    words: troops\nCVL Civilians\n    words: refugees\nSPY Spies\n    words: spy\n",
                ),
                ("orgs.dict", "IGOUNO United Nations\n    names: UN\n"),
                ("nonactors.dict", "{adj} medicine\n"),
                (
                    "people/x.dict",
                    "Recep Tayyip Erdogan\n    gender: m\n    office: TURGOV | President | 2014-08-28 |\n",
                ),
                (
                    "events/t.dict",
                    "190 Use conventional military force\n    t.attack: attack +\n    t.attacked-by: attack * by $\n\
                     070 Provide aid\n    t.convoy: convoy of $ aid trucks reach +\n    t.partner: partner with +\n\
                     1823 Kill by physical assault\n    t.execute: execute ~? +\n    t.convicted: convict + of\n",
                ),
            ]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
            Coder::new(Dictionaries::from_files(&files).unwrap()).unwrap()
        })
    }

    fn events(text: &str) -> Vec<(String, String, String)> {
        let mut doc = Document::from_text("t", None, text);
        doc.date = Some("2024-03-04".parse().unwrap());
        coder().code(&doc).events.into_iter().map(|e| (e.source.code, e.target.code, e.code)).collect()
    }

    #[test]
    fn an_anchor_word_heading_no_match_in_a_noun_position_is_no_verb() {
        // After a determiner, a possessive, a number or a preposition, an anchor word whose patterns do not match
        // there is a noun or an adjective: the actor before or after it stays a subject or an object.
        for (text, src, tgt, code) in [
            ("A convoy of Syrian refugees was attacked by Turkish troops.", "TURMIL", "SYRCVL", "190"),
            ("Its partner Russia attacked Ukraine on Monday.", "RUS", "UKR", "190"),
            ("Turkey's new partner Russia attacked Ukraine.", "RUS", "UKR", "190"),
            ("Iran executed the convicted Swedish spy.", "IRN", "SWESPY", "1823"),
        ] {
            let evs = events(text);
            assert!(evs.iter().any(|e| e.0 == src && e.1 == tgt && e.2 == code), "{text}: {evs:?}");
        }
        // Where its pattern matches, the word is still the verb ("partner with"), and where it may be a verb (after
        // a noun, an actor, a comma or "to") an unmatched anchor still ends the subject's search.
        let evs = events("Turkey will partner with Syria.");
        assert!(evs.iter().any(|e| e.0 == "TUR" && e.1 == "SYR" && e.2.starts_with("03")), "{evs:?}");
        for text in [
            "Turkey, partnering Russian troops, attacked Syria.",
            "Turkey convicted Russian troops and attacked Syria.",
            "Ukraine said Turkey convicted Russian troops, then attacked Syria.",
        ] {
            let evs = events(text);
            assert!(!evs.iter().any(|e| e.0 == "RUSMIL" && e.2 == "190"), "{text}: {evs:?}");
        }
    }

    #[test]
    fn a_noun_position_is_read_from_the_words_before() {
        let tokens_of = |text: &'static str| {
            let tokens = tokenize(text);
            let lemmas: Vec<String> = tokens.iter().map(|t| lemma(&text[t.span.start..t.span.end])).collect();
            (tokens, lemmas)
        };
        for (text, at, noun) in [
            ("a convoy of trucks", 1, true),
            ("its new partner came", 2, true),
            ("fired on falling drones", 2, true),
            ("killed three surrendering soldiers", 2, true),
            ("the stopover came as", 2, false),
            ("a cartoon depicting him", 2, false),
            ("they vowed to partner", 3, false),
            ("Partner states met", 0, true),
        ] {
            let (tokens, lemmas) = tokens_of(text);
            let lemmas: Vec<&str> = lemmas.iter().map(String::as_str).collect();
            let ids: Vec<u32> = lemmas.iter().map(|l| coder().vocab.get(*l).copied().unwrap_or(NO_ID)).collect();
            let sent = Sentence::new(text, 0, &tokens, &lemmas, &ids, &[], &coder().by_anchor);
            assert_eq!(sent.in_noun_position(at), noun, "{text} at {at}");
        }
    }
}

/// Issue 4: "willing" is no form of "will" (the lemmatiser keeps it whole).
#[cfg(test)]
mod willing_tests {
    use super::*;

    fn events(date: &str, text: &str) -> Vec<(String, String, String)> {
        let coder = super::tests::coder();
        let mut doc = Document::from_text("t", None, text);
        doc.date = Some(date.parse().unwrap());
        coder.code(&doc).events.into_iter().map(|e| (e.source.code, e.target.code, e.code)).collect()
    }

    #[test]
    fn willing_is_a_readiness_and_not_willing_a_refusal() {
        // A readiness to act is an intention; a condition after it does not make it hypothetical.
        let evs = events("2024-03-04", "Iran is willing to resume talks with the United States.");
        assert!(evs.iter().any(|e| e.0 == "IRN" && e.1 == "USA" && e.2 == "036"), "{evs:?}");
        let evs = events("2024-03-04", "Norway is willing to send troops to Saudi Arabia if it is attacked.");
        assert!(evs.iter().any(|e| e.0 == "NOR" && e.1 == "SAU" && e.2.starts_with("03")), "{evs:?}");
        // "not willing" refuses, as "will not" does.
        for text in ["Russia is not willing to meet Ukraine.", "Russia will not meet Ukraine."] {
            let evs = events("2024-03-04", text);
            assert!(evs.iter().any(|e| e.0 == "RUS" && e.1 == "UKR" && e.2 == "125"), "{text}: {evs:?}");
        }
        // Negative: a future with a condition is no event.
        let evs = events("2024-03-04", "China will host talks with India if the talks go well.");
        assert!(evs.is_empty(), "{evs:?}");
    }
}

/// Issue 4: a gap crosses an actor inside a phrase of its own once the pattern has filled its slots.
#[cfg(test)]
mod gap_phrase_tests {
    use super::*;

    fn events(text: &str) -> Vec<(String, String, String)> {
        super::tests::coded(text, "2024-03-04").into_iter().map(|(_, s, t, c)| (s, t, c)).collect()
    }

    #[test]
    fn a_gap_crosses_an_actor_after_a_preposition_once_the_slots_are_filled() {
        for (text, src, tgt) in [
            ("Canada called the U.S. tariffs on Canadian goods an act of aggression.", "CAN", "USA"),
            ("China called the Japanese statement on Taiwan an act of provocation.", "CHN", "JPN"),
            ("Venezuela branded the American strikes on Venezuelan boats an act of war.", "VEN", "USA"),
        ] {
            let evs = events(text);
            assert!(evs.iter().any(|e| e.0 == src && e.1 == tgt && e.2 == "111"), "{text}: {evs:?}");
        }
        // Negatives: an actor that no preposition of the gap governs still ends it (the subject of a relative
        // clause), and so does the nearest actor where a slot is still to fill.
        let evs = events("Venezuela branded the American strikes Colombia backed an act of war.");
        assert!(!evs.iter().any(|e| e.0 == "VEN" && e.2 == "111"), "{evs:?}");
        let evs = events("Russia expelled diplomats from Estonia on a flight to Latvia.");
        assert!(!evs.iter().any(|e| e.1.starts_with("LVA")), "{evs:?}");
    }

    #[test]
    fn a_gap_phrase_is_an_actor_after_a_preposition_inside_the_gap() {
        let text = "tariffs on Canadian goods and the ships of a major Chinese firm";
        let tokens = tokenize(text);
        let lemmas: Vec<String> = tokens.iter().map(|t| lemma(&text[t.span.start..t.span.end])).collect();
        let lemmas: Vec<&str> = lemmas.iter().map(String::as_str).collect();
        let ids = vec![NO_ID; tokens.len()];
        let at = |w: &str| tokens.iter().position(|t| &text[t.span.start..t.span.end] == w).unwrap();
        let mention = |w: &str, code: &str| Mention {
            sentence: Some(0),
            span: tokens[at(w)].span,
            code: code.into(),
            country: Some(code.into()),
            agent: None,
            name: code.into(),
            kind: MentionKind::State,
            entry: String::new(),
            via: Via::Name,
            person: None,
        };
        let (can, chn) = (mention("Canadian", "CAN"), mention("Chinese", "CHN"));
        let ms = [&can, &chn];
        let anchors: Vec<Vec<usize>> = Vec::new();
        let sent = Sentence::new(text, 0, &tokens, &lemmas, &ids, &ms, &anchors);
        assert!(sent.in_gap_phrase(at("Canadian"), 0));
        // The preposition must be inside the gap: not before its start.
        assert!(!sent.in_gap_phrase(at("Canadian"), at("Canadian")));
        // Over a determiner and one modifier ("of a major Chinese firm").
        assert!(sent.in_gap_phrase(at("Chinese"), 0));
        // A token of no actor.
        assert!(!sent.in_gap_phrase(at("goods"), 0));
    }
}

/// Issue 4: one event per member of a compound object, possessives included.
#[cfg(test)]
mod compound_possessive_tests {
    use super::*;

    fn events(text: &str) -> Vec<(String, String, String)> {
        super::tests::coded(text, "2024-03-04").into_iter().map(|(_, s, t, c)| (s, t, c)).collect()
    }

    #[test]
    fn possessives_joined_by_and_or_a_comma_are_one_group() {
        for (text, src, tgts, root) in [
            ("China criticised Japan's and South Korea's statements on Taiwan.", "CHN", &["JPN", "KOR"][..], "11"),
            (
                "Beijing rejected Japan's, South Korea's and Australia's criticism.",
                "CHN",
                &["JPN", "KOR", "AUS"][..],
                "12",
            ),
            ("Russia condemned Britain's and France's decision to send troops.", "RUS", &["GBR", "FRA"][..], "11"),
        ] {
            let evs = events(text);
            for tgt in tgts {
                assert!(evs.iter().any(|e| e.0 == src && e.1 == *tgt && e.2.starts_with(root)), "{text}: {evs:?}");
            }
        }
        // Lists after a preposition and plain lists stay one event per member.
        let evs = events("The European Union imposed sanctions on Iran, Russia and North Korea.");
        for tgt in ["IRN", "RUS", "PRK"] {
            assert!(evs.iter().any(|e| e.1 == tgt && e.2 == "163"), "{evs:?}");
        }
        // Negatives: a possessive joined to a plain name, or two possessives of different nouns, are no group.
        let text = "China's support for Russia angered Ukraine and Britain's envoy said so.";
        let tokens = tokenize(text);
        let words: Vec<&str> = tokens.iter().map(|t| &text[t.span.start..t.span.end]).collect();
        let at = |w: &str| words.iter().position(|x| *x == w).unwrap();
        assert!(!joined_possessives(text, &tokens, &["'s", "and"], (at("Russia"), at("Russia") + 1)));
        assert!(!joined_possessives(text, &tokens, &["'s", "support", "and"], (at("Britain"), at("Britain") + 1)));
        assert!(joined_possessives(text, &tokens, &["'s", "and"], (at("Britain"), at("Britain") + 1)));
    }
}

/// Issue 4: "the three countries" stands for the three states just named as a list.
#[cfg(test)]
mod listed_states_tests {

    fn events(text: &str) -> Vec<(Option<usize>, String, String, String)> {
        super::tests::coded(text, "2025-09-21")
    }

    #[test]
    fn a_counted_noun_phrase_stands_for_a_list_of_that_many_states() {
        let evs = events(
            "Britain, Canada and Australia recognised a State of Palestine on Sunday. Israel denounced the \
             decisions of the three countries as a reward for terror.",
        );
        for tgt in ["GBR", "CAN", "AUS"] {
            assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "ISR" && e.2 == tgt && e.3 == "111"), "{evs:?}");
        }
        let evs = events(
            "Mali, Niger and Burkina Faso left the bloc in January. Algeria criticised all three countries on Monday.",
        );
        for tgt in ["MLI", "NER", "BFA"] {
            assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "DZA" && e.2 == tgt), "{evs:?}");
        }
        // Negatives: a list of another size, or one named too long ago, is not what the phrase counts.
        for text in [
            "France and Germany held talks on Monday. Russia criticised the three countries on Tuesday.",
            "Britain, Canada and Australia recognised Palestine. It rained. It rained again. It was cold. Russia \
             criticised the three countries.",
        ] {
            let evs = events(text);
            let last = evs.iter().filter_map(|e| e.0).max();
            assert!(!evs.iter().any(|e| e.1 == "RUS" && e.0 == last && e.3.starts_with("11")), "{text}: {evs:?}");
        }
    }

    #[test]
    fn a_regional_modifier_or_a_noun_of_regimes_still_counts_the_listed_states() {
        let evs = events(
            "Spain, Italy and Portugal summoned the Russian envoy on Monday. Moscow accused the three European \
             governments of hostility.",
        );
        for tgt in ["ESP", "ITA", "PRT"] {
            assert!(
                evs.iter().any(|e| e.0 == Some(1) && e.1 == "RUS" && e.2 == tgt && e.3.starts_with("112")),
                "{evs:?}"
            );
        }
        let evs = events(
            "Guinea, Mali and Niger withdrew from the bloc on Monday. Nigeria criticised the three juntas on Tuesday.",
        );
        for tgt in ["GIN", "MLI", "NER"] {
            // (The juntas are the states' militaries: `listed_states`.)
            assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "NGA" && e.2.starts_with(tgt)), "{evs:?}");
        }
        // Negatives: more than two modifiers, or a count that does not fit the list, stand for nothing named.
        for text in [
            "Spain, Italy and Portugal summoned the Russian envoy. Moscow accused the three big old European powers.",
            "Spain and Italy summoned the Russian envoy on Monday. Moscow accused the three European powers.",
        ] {
            let evs = events(text);
            assert!(!evs.iter().any(|e| e.1 == "RUS" && e.3.starts_with("112")), "{text}: {evs:?}");
        }
    }
}

/// Issue 4: the built-in aid patterns anchored on "convoy" leave a passive's subject alone.
#[cfg(test)]
mod convoy_anchor_tests {
    use super::*;

    #[test]
    fn an_aid_convoy_is_coded_and_a_convoy_of_people_attacked_keeps_its_target() {
        let coder = super::tests::coder();
        let events = |text: &str| {
            let mut doc = Document::from_text("t", None, text);
            doc.date = Some("2024-03-04".parse().unwrap());
            coder.code(&doc).events.into_iter().map(|e| (e.source.code, e.target.code, e.code)).collect::<Vec<_>>()
        };
        let evs = events("A convoy of Egyptian aid trucks entered Gaza on Sunday.");
        assert!(evs.iter().any(|e| e.0 == "EGY" && e.1 == "PSE" && e.2 == "073"), "{evs:?}");
        let evs = events("A convoy of Syrian refugees was attacked by Turkish troops.");
        assert!(evs.iter().any(|e| e.0 == "TURMIL" && e.1 == "SYRCVL" && e.2 == "190"), "{evs:?}");
        // Negative: a convoy of people is no aid.
        let evs = events("A convoy of Ukrainian refugees entered Poland on Sunday.");
        assert!(!evs.iter().any(|e| e.2.starts_with("07")), "{evs:?}");
    }
}

/// Issue 4 (petrarch suite): syntactic constructions of wire copy — a verb of claiming before "that", property wrecked
/// by protesters in the passive, fire from a named place, and an accident that names an actor.
#[cfg(test)]
mod wire_syntax_tests {
    use super::*;

    fn events(text: &str) -> Vec<(String, String, String, String)> {
        let coder = super::tests::coder();
        let mut doc = Document::from_text("t", None, text);
        doc.date = Some("2016-05-10".parse().unwrap());
        coder.code(&doc).events.into_iter().map(|e| (e.source.code, e.target.code, e.code, e.rule)).collect()
    }

    #[test]
    fn a_speaker_who_claimed_that_another_side_attacked_accuses_it() {
        let evs = events("Kenya claimed that Somalia had attacked Kenyan border posts.");
        assert!(evs.iter().any(|e| e.0 == "KEN" && e.1 == "SOM" && e.2 == "112"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.2.starts_with("19")), "the claimed attack is not coded: {evs:?}");
        // Negative: the noun "claims that …" still keeps the claimed act uncoded, with no accusation by the reporter.
        let evs = events("Chad dismissed the claims that Sudan had attacked its border posts.");
        assert!(!evs.iter().any(|e| e.0 == "SDN" && e.2.starts_with("19")), "{evs:?}");
    }

    #[test]
    fn an_attack_in_a_time_clause_after_a_statement_is_told_as_fact_not_charged() {
        // "X said it would do Y after Z attacked": the time clause is the narrator's background, no accusation by X.
        let evs =
            events("Kenya said it was closing its border with Somalia after Somali militiamen attacked a market.");
        assert!(!evs.iter().any(|e| e.0 == "KEN" && e.2 == "112"), "{evs:?}");
        let evs = events(
            "Chad announced it was recalling its envoy from Sudan, days after the Sudanese army shelled a town.",
        );
        assert!(!evs.iter().any(|e| e.0 == "TCD" && e.2 == "112"), "{evs:?}");
        // Negative: a reported clause of the speaker's side's act keeps the time clause as its charge.
        let evs = events(
            "Thailand said Thai troops had shelled Cambodian positions after Cambodia attacked Thai border posts.",
        );
        assert!(evs.iter().any(|e| e.0 == "THA" && e.1 == "KHM" && e.2 == "112"), "{evs:?}");
        // Negative: an attack the speaker reports in its own clause is still its charge.
        let evs = events("Kenya said Somalia had attacked Kenyan border posts.");
        assert!(evs.iter().any(|e| e.0 == "KEN" && e.1 == "SOM" && e.2 == "112"), "{evs:?}");
    }

    #[test]
    fn it_after_an_act_noun_stands_for_the_act_not_the_actor_before_it() {
        // "it" after "condemned the bombing" is the bombing: Jordan, named before the act noun, is not its object.
        let evs = events("Jordan condemned the bombing, and the Arab League called it a cowardly crime.");
        assert!(!evs.iter().any(|e| e.1 == "JOR" && e.0 != "JOR"), "{evs:?}");
        // Negative: with no act noun between, "it" is still the state before ("cut ties with Qatar, accusing it").
        let evs = events("Bahrain cut ties with Qatar, accusing it of backing militants.");
        assert!(evs.iter().any(|e| e.0 == "BHR" && e.1 == "QAT" && e.2.starts_with("11")), "{evs:?}");
    }

    #[test]
    fn property_wrecked_by_protesters_is_a_riot_and_by_others_destruction() {
        let evs = events("The Danish consulate was torched by Pakistani protesters on Friday.");
        assert!(evs.iter().any(|e| e.0 == "PAKCVL" && e.1 == "DNKGOV" && e.2 == "145"), "{evs:?}");
        // Negative: settlers are civilians but not protesters; their demolition stays 1712.
        let evs = events("Greek settlers demolished the Turkish mosque.");
        assert!(evs.iter().any(|e| e.2 == "1712"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.2 == "145"), "{evs:?}");
    }

    #[test]
    fn fire_from_a_named_place_comes_from_it_and_its_target_accuses_it() {
        let evs = events("Three mortar shells were fired into Chad from Sudan overnight.");
        assert!(evs.iter().any(|e| e.0 == "SDN" && e.1 == "TCD" && e.2 == "190"), "{evs:?}");
        let evs = events("Chad said two shells had been fired at it from Sudan on Sunday.");
        assert!(evs.iter().any(|e| e.0 == "TCD" && e.1 == "SDN" && e.2 == "112"), "{evs:?}");
        // Negative: fire from a place at no named side is no event.
        let evs = events("Chad said two shells had been fired at a market from the hills.");
        assert!(evs.is_empty(), "{evs:?}");
    }

    #[test]
    fn expelled_people_who_do_not_act_for_a_state_are_deported() {
        let evs = events("Kenya expelled 40 Ethiopian migrants on Monday.");
        assert!(evs.iter().any(|e| e.0 == "KEN" && e.1 == "ETHCVL" && e.2 == "174"), "{evs:?}");
        let evs = events("Two Ethiopian journalists were expelled by Kenya.");
        assert!(evs.iter().any(|e| e.0 == "KEN" && e.1 == "ETHMED" && e.2 == "174"), "{evs:?}");
        // Negative: diplomats stay a reduction of relations.
        let evs = events("Kenya expelled two Ethiopian diplomats on Monday.");
        assert!(evs.iter().any(|e| e.0 == "KEN" && e.1 == "ETHGOV" && e.2 == "161"), "{evs:?}");
    }

    #[test]
    fn a_side_said_to_have_attacked_itself_is_accused_and_alone_is_no_event() {
        let evs = events("Turkey said that Syrian troops had attacked themselves.");
        assert!(evs.iter().any(|e| e.0 == "TUR" && e.1 == "SYRMIL" && e.2 == "112"), "{evs:?}");
        // Negatives: told as fact, a state acting on itself is no event; nor is defending oneself.
        for text in ["Syrian troops attacked themselves.", "Ukraine said it would defend itself."] {
            let evs = events(text);
            assert!(evs.is_empty(), "{text}: {evs:?}");
        }
    }

    #[test]
    fn an_actor_that_names_a_crash_is_not_its_agent() {
        let evs = events("Officials said 40 passengers were killed by the Ethiopian Airlines plane crash.");
        assert!(!evs.iter().any(|e| e.2.starts_with("19") || e.2.starts_with("18")), "{evs:?}");
        // Negative: an army named after "by" still acts.
        let evs = events("Forty Sudanese villagers were killed by the Ethiopian army on Sunday.");
        assert!(evs.iter().any(|e| e.0 == "ETHMIL" && e.1 == "SDNCVL"), "{evs:?}");
    }
}

/// Issue 4 (petrarch suite): a withdrawal from a named place, and permission given or refused.
#[cfg(test)]
mod withdrawal_permission_tests {

    fn events(text: &str) -> Vec<(String, String, String)> {
        super::tests::coded(text, "2016-05-10").into_iter().map(|(_, s, t, c)| (s, t, c)).collect()
    }

    #[test]
    fn troops_that_withdrew_from_a_place_retreat_but_leaving_a_body_or_a_deal_is_no_retreat() {
        let evs = events("Kenyan troops withdrew from Somalia on Friday.");
        assert!(evs.iter().any(|e| e.0 == "KENMIL" && e.1 == "SOM" && e.2 == "0874"), "{evs:?}");
        for text in ["Burundi withdrew from the ICC in 2017.", "The US withdrew from the Iran nuclear deal."] {
            let evs = events(text);
            assert!(!evs.iter().any(|e| e.2 == "0874"), "{text}: {evs:?}");
        }
    }

    #[test]
    fn permission_given_is_a_concession_and_refused_a_refusal() {
        let evs = events("Chad gave permission to Niger to use its airspace.");
        assert!(evs.iter().any(|e| e.0 == "TCD" && e.1 == "NER" && e.2 == "080"), "{evs:?}");
        let evs = events("Chad said it would not give permission to Niger to use its airspace.");
        assert!(evs.iter().any(|e| e.0 == "TCD" && e.1 == "NER" && e.2 == "124"), "{evs:?}");
        // Negative: a permit named as a thing ("a permission to Niger's firms" without "to" + verb) is no event.
        let evs = events("Chad discussed a permission regime for Niger's trucks.");
        assert!(!evs.iter().any(|e| e.2.starts_with("08") || e.2.starts_with("12")), "{evs:?}");
    }
}

/// Issue 4 (plover suite): a bare state that investigates or coerces a group of its own society is its government.
#[cfg(test)]
mod state_on_own_group_tests {

    fn events(text: &str) -> Vec<(String, String, String)> {
        super::tests::coded(text, "2016-05-10").into_iter().map(|(_, s, t, c)| (s, t, c)).collect()
    }

    #[test]
    fn a_bare_state_investigating_its_own_rebels_acts_as_government() {
        let evs = events("Peru is investigating alleged crimes by Peruvian rebels in the highlands.");
        assert!(evs.iter().any(|e| e.0 == "PER" && e.1 == "PERREB" && e.2.starts_with("09")), "{evs:?}");
        // Negatives: a bare state before a killing is the place, not the killer; and a state acting on
        // itself as a whole is still no event.
        let evs = events("Peru said a landslide killed 40 Peruvian villagers on Sunday.");
        assert!(!evs.iter().any(|e| e.0 == "PER" && e.1 == "PERCVL"), "{evs:?}");
        let evs = events("Peru is investigating alleged corruption by the Peruvian government.");
        assert!(!evs.iter().any(|e| e.0 == "PER" && e.1 == "PERGOV"), "{evs:?}");
    }

    #[test]
    fn a_boycotted_vote_is_aimed_at_the_government_and_a_sworn_fight_is_a_threat() {
        let evs = events("Bolivian opposition parties boycotted the referendum.");
        assert!(evs.iter().any(|e| e.0 == "BOLOPP" && e.1 == "BOLGOV" && e.2 == "143"), "{evs:?}");
        let evs = events("The Bolivian opposition said it would boycott the runoff.");
        assert!(evs.iter().any(|e| e.0 == "BOLOPP" && e.1 == "BOLGOV" && e.2 == "133"), "{evs:?}");
        let evs = events("Malian rebels swore to fight the Malian army to the end.");
        assert!(evs.iter().any(|e| e.0 == "MLIREB" && e.1 == "MLIMIL" && e.2 == "138"), "{evs:?}");
        // Negatives: a boycott with no civil subject, and a fight told as done.
        let evs = events("The Bolivian football team boycotted the tournament.");
        assert!(evs.is_empty(), "{evs:?}");
        let evs = events("Malian rebels fought the Malian army near Gao.");
        assert!(!evs.iter().any(|e| e.2 == "138"), "{evs:?}");
    }

    #[test]
    fn an_actor_and_his_party_are_one_group_and_a_death_in_custody_is_an_assault() {
        let evs = events(
            "Malian rebels said that President Ibrahim Boubacar Keita and his Malian army must agree to reforms.",
        );
        assert!(evs.iter().any(|e| e.0 == "MLIREB" && e.1 == "MLIGOV" && e.2 == "100"), "{evs:?}");
        assert!(evs.iter().any(|e| e.0 == "MLIREB" && e.1 == "MLIMIL" && e.2 == "100"), "{evs:?}");
        let evs = events("A Kenyan activist died from beatings while in Ugandan police custody.");
        assert!(evs.iter().any(|e| e.0 == "UGACOP" && e.1.starts_with("KEN") && e.2.starts_with("18")), "{evs:?}");
        // Negatives: a death in custody with no abuse named is no assault.
        let evs = events("A Kenyan activist died while in Ugandan police custody.");
        assert!(!evs.iter().any(|e| e.2.starts_with("18")), "{evs:?}");
    }

    #[test]
    fn political_freedoms_widened_at_home_are_a_concession_to_the_own_state() {
        let evs = events("The Uzbek government loosened its controls on press freedom.");
        assert!(evs.iter().any(|e| e.0 == "UZBGOV" && e.1 == "UZB" && e.2 == "0811"), "{evs:?}");
        // Negatives: freedoms demanded or curbed are no concession.
        for text in
            ["The Uzbek opposition demanded wider political freedoms.", "The Uzbek government curbed press freedom."]
        {
            let evs = events(text);
            assert!(!evs.iter().any(|e| e.2.starts_with("08")), "{text}: {evs:?}");
        }
    }

    #[test]
    fn a_warning_not_to_tolerate_acts_is_a_threat_not_a_rejection() {
        let evs = events("Manila will no longer tolerate incursions by Chinese vessels.");
        assert!(evs.iter().any(|e| e.0 == "PHL" && e.1.starts_with("CHN") && e.2 == "130"), "{evs:?}");
        // Negative: refusing to tolerate a state of affairs stays a rejection.
        let evs = events("Tokyo will never tolerate a nuclear-armed North Korea.");
        assert!(evs.iter().any(|e| e.0 == "JPN" && e.1 == "PRK" && e.2 == "120"), "{evs:?}");
    }
}

/// Issue 4 (wire copy): a counted killing of civilians by an armed group is a mass killing; of soldiers, fighting.
#[cfg(test)]
mod mass_killing_tests {

    fn events(text: &str) -> Vec<(String, String, String)> {
        super::tests::coded(text, "2024-05-10").into_iter().map(|(_, s, t, c)| (s, t, c)).collect()
    }

    #[test]
    fn armed_groups_that_kill_crowds_of_civilians_commit_mass_killings() {
        for text in [
            "Rebels killed at least 45 Congolese villagers in a night raid on Tuesday.",
            "Armed gang members killed dozens of Haitian civilians in a market town on Sunday.",
        ] {
            let evs = events(text);
            assert!(evs.iter().any(|e| e.2 == "202"), "{text}: {evs:?}");
        }
        // Negative: a participle gives the toll of an attack; a small count and a state's army stay fighting.
        for text in [
            "Congolese rebels attacked a market town on Sunday, killing at least 45 villagers.",
            "Rebels killed six Congolese villagers in a night raid on Tuesday.",
            "Nigerian soldiers killed at least 45 people in a village on Tuesday.",
        ] {
            let evs = events(text);
            assert!(!evs.iter().any(|e| e.2 == "202"), "{text}: {evs:?}");
        }
        let evs = events("Militants killed hundreds of civilians and soldiers in an attack on a town in Mali.");
        assert!(evs.iter().any(|e| e.1 == "MLICVL" && e.2 == "202"), "{evs:?}");
        assert!(evs.iter().any(|e| e.1 == "MLIMIL" && e.2 == "190"), "{evs:?}");
    }

    /// `killings_of_civilians` answers both questions at once: who killed whom (the code of the killer's kind) and
    /// how many (a counted crowd makes an armed group's killing a mass killing; police stay repression).
    #[test]
    fn one_recoding_tells_who_killed_whom_and_how_many() {
        let has = |evs: &[(String, String, String)], s: &str, t: &str, c: &str| {
            evs.iter().any(|e| e.0 == s && e.1 == t && e.2 == c)
        };
        // An armed group: a few killed is an assault (1823), a counted crowd a mass killing (202).
        let evs = events("Rebels killed three Congolese farmers in an ambush on Monday.");
        assert!(has(&evs, "CODREB", "CODCVL", "1823") && !evs.iter().any(|e| e.2 == "202"), "{evs:?}");
        let evs = events("Rebels killed at least 30 Congolese farmers in an ambush on Monday.");
        assert!(has(&evs, "CODREB", "CODCVL", "202") && !evs.iter().any(|e| e.2 == "1823"), "{evs:?}");
        // Police repress (175), however many they kill; settlers who wound assault (182).
        let evs = events("Police in Kenya killed 25 protesters in Nairobi on Tuesday.");
        assert!(has(&evs, "KENCOP", "KENCVL", "175") && !evs.iter().any(|e| e.2 == "202"), "{evs:?}");
        let evs = events("Armed settlers wounded four Palestinian farmers near Nablus on Friday.");
        assert!(evs.iter().any(|e| e.1 == "PSECVL" && e.2 == "182"), "{evs:?}");
        // Negative: an army's killing and a participle's toll stay in 19.
        let evs = events("Nigerian troops killed 30 villagers in a raid on Sunday.");
        assert!(has(&evs, "NGAMIL", "NGACVL", "190"), "{evs:?}");
        let evs = events("Congolese rebels stormed a village on Monday, killing 30 farmers.");
        assert!(!evs.iter().any(|e| matches!(e.2.as_str(), "1823" | "202")), "{evs:?}");
    }
}

/// Issue 4 (wire copy): a claim of responsibility that names no victim is aimed at the side the claimant attacked.
#[cfg(test)]
mod claim_tests {

    fn events(text: &str) -> Vec<(Option<usize>, String, String, String)> {
        super::tests::coded(text, "2024-05-10")
    }

    #[test]
    fn a_bare_claim_answers_the_claimants_own_attack() {
        let evs = events(
            "Somali militants attacked a Kenyan police post near the border on Monday. \
             The militants claimed responsibility in a statement posted online.",
        );
        assert!(
            evs.iter().any(|e| e.0 == Some(1) && e.1 == "SOMREB" && e.2.starts_with("KEN") && e.3 == "015"),
            "{evs:?}"
        );
        let evs = events("Israeli jets struck a Hamas compound in Gaza. Israel took full responsibility for the raid.");
        assert!(
            evs.iter().any(|e| e.0 == Some(1) && e.1 == "ISR" && e.2.starts_with("PSE") && e.3 == "015"),
            "{evs:?}"
        );
        // Negative: a claim by a side that attacked nobody before is no event.
        let evs =
            events("Somali militants attacked a Kenyan police post on Monday. Ethiopia claimed credit in a statement.");
        assert!(!evs.iter().any(|e| e.3 == "015"), "{evs:?}");
    }
}

/// Issue 4 (wire copy): a possessive appositive and a sentence's opening phrase do not join the subject's list.
#[cfg(test)]
mod subject_list_tests {

    fn events(text: &str) -> Vec<(String, String, String)> {
        super::tests::coded(text, "2024-05-10").into_iter().map(|(_, s, t, c)| (s, t, c)).collect()
    }

    #[test]
    fn an_appositive_describes_the_subject_and_adds_no_member() {
        let evs = events("Japan, China's largest trading partner, has sent rescue teams to Nepal.");
        assert!(evs.iter().any(|e| e.0 == "JPN" && e.1 == "NPL"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == "CHN"), "{evs:?}");
        // Negative: a list stays a list.
        let evs = events("Japan, China and India have sent rescue teams to Nepal.");
        assert!(["JPN", "CHN", "IND"].iter().all(|c| evs.iter().any(|e| e.0 == *c && e.1 == "NPL")), "{evs:?}");
    }

    #[test]
    fn an_actor_in_the_opening_phrase_is_not_a_member_of_the_subject() {
        let evs = events(
            "At a closed session of the U.N. Security Council, Ghana, Kenya and Brazil called on Israel to open \
             the crossings.",
        );
        assert!(["GHA", "KEN", "BRA"].iter().all(|c| evs.iter().any(|e| e.0 == *c && e.1 == "ISR")), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0.starts_with("IGO")), "{evs:?}");
        // Negative: without an opening phrase the list is the subject.
        let evs = events("Ghana, Kenya and Brazil called on Israel to open the crossings.");
        assert!(["GHA", "KEN", "BRA"].iter().all(|c| evs.iter().any(|e| e.0 == *c && e.1 == "ISR")), "{evs:?}");
    }
}

/// Issue 4 (wire copy): a side that stays committed to a truce or deal means to cooperate with the deal's other party.
#[cfg(test)]
mod committed_to_deal_tests {

    fn events(text: &str) -> Vec<(Option<usize>, String, String, String)> {
        super::tests::coded(text, "2024-05-10")
    }

    #[test]
    fn commitment_to_the_deal_goes_to_the_other_party() {
        let evs = events(
            "Armenia and Azerbaijan signed a border agreement on Friday. Yerevan said it was fully committed to the \
             deal.",
        );
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "ARM" && e.2 == "AZE" && e.3 == "030"), "{evs:?}");
        // Negative: with no deal remembered there is no partner, and no event.
        let evs = events("Yerevan said it was fully committed to the deal.");
        assert!(!evs.iter().any(|e| e.3 == "030"), "{evs:?}");
    }
}

/// Issue 4 (wire copy): a state's ceasefire declared with no side named.
#[cfg(test)]
mod declared_ceasefire_tests {

    fn events(text: &str) -> Vec<(Option<usize>, String, String, String)> {
        super::tests::coded(text, "2024-05-10")
    }

    #[test]
    fn a_ceasefire_declared_alone_is_toward_the_adversary_else_the_rebels() {
        let evs = events("Ethiopia's army declared a temporary ceasefire on Monday to allow aid deliveries.");
        assert!(evs.iter().any(|e| e.1 == "ETHMIL" && e.2 == "ETHREB" && e.3 == "0871"), "{evs:?}");
        let evs = events(
            "Sudanese soldiers clashed with Chadian troops near the border. The Sudanese army declared a unilateral \
             truce on Friday.",
        );
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "SDNMIL" && e.2.starts_with("TCD")), "{evs:?}");
        // Negative: a mediator announcing the truce others agreed is no truce of its own.
        let evs = events("The Qatari emir announced the truce on Sunday.");
        assert!(!evs.iter().any(|e| e.3 == "0871"), "{evs:?}");
    }
}

#[cfg(test)]
mod verbal_conflict_tests {
    use super::*;

    fn events(sentences: &[&str]) -> Vec<(Option<usize>, String, String, String)> {
        let mut doc = Document::from_sentences("t", None, sentences);
        doc.date = Some("2025-03-01".parse().unwrap());
        super::tests::coder()
            .code(&doc)
            .events
            .into_iter()
            .map(|e| (e.sentence, e.source.code, e.target.code, e.code))
            .collect()
    }

    fn has(evs: &[(Option<usize>, String, String, String)], src: &str, tgt: &str, root: &str) -> bool {
        evs.iter().any(|e| e.1.starts_with(src) && e.2.starts_with(tgt) && e.3.starts_with(root))
    }

    #[test]
    fn a_complement_clause_that_judges_a_named_sides_conduct_is_criticism() {
        for (text, src, tgt) in [
            ("The Finnish foreign minister said Moscow was dragging out the negotiations.", "FIN", "RUS"),
            ("Japan's defence ministry said China's naval activities only served to raise tensions.", "JPN", "CHN"),
            ("Berlin said Russian and Iranian arms deliveries only prolonged the war.", "DEU", "IRN"),
            ("The Czech president said Hungary had made a serious mistake.", "CZE", "HUN"),
            ("The Estonian prime minister said Russia was showing contempt for international law.", "EST", "RUS"),
        ] {
            let evs = events(&[text]);
            assert!(has(&evs, src, tgt, "11"), "{text}: {evs:?}");
        }
        // Negatives: a neutral or negated predicate of the same shape is no judgement; criticism as a topic is none.
        for text in [
            "The Swedish minister said the Kenyan delegation was visiting Stockholm.",
            "The spokesperson said Russia would not escalate the conflict.",
            "The Finnish foreign minister said Moscow was ready for the negotiations.",
            "The two leaders discussed criticism of the new tariffs.",
        ] {
            let evs = events(&[text]);
            assert!(!evs.iter().any(|e| e.3.starts_with("11")), "{text}: {evs:?}");
        }
    }

    #[test]
    fn more_verdict_words_after_call_reach_a_named_side_or_the_acts_author() {
        let evs = events(&["The Latvian foreign ministry called Belarus's decision short-sighted."]);
        assert!(has(&evs, "LVA", "BLR", "111"), "{evs:?}");
        let evs = events(&[
            "Israel expelled two Irish diplomats.",
            "Ireland's foreign ministry called the decision regrettable.",
        ]);
        assert!(has(&evs, "IRL", "ISR", "111"), "{evs:?}");
        // Negatives: a length is no verdict; a verdict on something no side did aims at nobody.
        let evs = events(&["The Latvian foreign ministry called the talks short."]);
        assert!(!evs.iter().any(|e| e.3.starts_with("11")), "{evs:?}");
        let evs =
            events(&["Heavy rain flooded the capital.", "Ireland's foreign ministry called the decision regrettable."]);
        assert!(!evs.iter().any(|e| e.3.starts_with("11")), "{evs:?}");
    }

    #[test]
    fn coercion_that_falls_on_the_speakers_state_is_its_accusation_and_names_the_author_for_later_reactions() {
        let evs = events(&[
            "Chinese coast guard ships fired water cannon at a Philippine supply boat, the Philippine coast guard said.",
            "Australia called the move dangerous.",
        ]);
        assert!(has(&evs, "PHL", "CHN", "112"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.3.starts_with("17")), "the claimed act is not coded: {evs:?}");
        assert!(
            evs.iter().any(|e| e.0 == Some(1) && e.1 == "AUS" && e.2.starts_with("CHN") && e.3 == "111"),
            "{evs:?}"
        );
        // Negatives: coercion between others told by a third side is the act; a joint act told by one of its
        // authors is theirs, not an accusation of the ally.
        let evs = events(&["Police in Ramallah seized weapons from armed groups, the Israeli army said."]);
        assert!(!evs.iter().any(|e| e.3 == "112"), "{evs:?}");
        let evs = events(&["French and British jets struck targets in Syria, the French defence ministry said."]);
        assert!(!evs.iter().any(|e| e.3 == "112"), "{evs:?}");
        assert!(has(&evs, "GBR", "SYR", "19"), "{evs:?}");
    }

    #[test]
    fn accusations_faced_and_disapproval_voiced_are_disapproval() {
        let evs = events(&["Vietnam faced accusations from China of illegal fishing."]);
        assert!(has(&evs, "CHN", "VNM", "112"), "{evs:?}");
        let evs = events(&["Oman voiced its disapproval of the Indian decision."]);
        assert!(has(&evs, "OMN", "IND", "11"), "{evs:?}");
        // Negative: an accusation denied is no accusation by the denier.
        let evs = events(&["Vietnam rejected accusations from China of illegal fishing."]);
        assert!(!has(&evs, "VNM", "CHN", "112"), "{evs:?}");
    }

    #[test]
    fn a_demand_rejected_an_act_regretted_and_violence_condemned_answer_their_authors() {
        let demanded = "Croatia demanded that Serbia withdraw its troops.";
        let evs = events(&[demanded, "Belgrade rejected the demand as unacceptable."]);
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "SRB" && e.2 == "HRV" && e.3.starts_with("12")), "{evs:?}");
        let evs = events(&["Israel struck a building in Doha.", "Donald Trump was very unhappy about the strike."]);
        assert!(has(&evs, "USA", "ISR", "11"), "{evs:?}");
        let evs = events(&["Police fired on protesters in Tbilisi.", "The EU condemned the violence."]);
        assert!(evs.iter().any(|e| e.0 == Some(1) && e.1 == "IGOEUREEC" && e.2.starts_with("GEO")), "{evs:?}");
        // Negatives: support sought for a demand is no answer to its author; contentment is no disapproval; violence
        // with no author in the story is condemned at nobody.
        let evs = events(&[demanded, "Slovenia sought support for the demand."]);
        assert!(!evs.iter().any(|e| e.0 == Some(1) && e.2 == "HRV"), "{evs:?}");
        let evs = events(&["Israel struck a building in Doha.", "Donald Trump was happy about the strike."]);
        assert!(!evs.iter().any(|e| e.0 == Some(1)), "{evs:?}");
        let evs = events(&["The EU condemned the violence."]);
        assert!(evs.is_empty(), "{evs:?}");
    }

    #[test]
    fn a_side_said_to_be_crushed_is_threatened_with_force() {
        let evs = events(&["The Israeli defence minister said Hamas would be defeated."]);
        assert!(has(&evs, "ISR", "PSE", "138"), "{evs:?}");
        let evs = events(&["The Israeli defence minister said Hamas's rule in Gaza would be crushed."]);
        assert!(has(&evs, "ISR", "PSE", "138"), "{evs:?}");
        // Negative: a bill defeated in a vote threatens nobody.
        let evs = events(&["The Kenyan finance minister said the tax bill would be defeated in parliament."]);
        assert!(!evs.iter().any(|e| e.3.starts_with("13")), "{evs:?}");
    }

    #[test]
    fn an_act_on_a_states_territory_answers_its_author_whoever_it_fell_on_there() {
        let struck = "Turkish jets struck a Kurdish militia base in Syria.";
        let evs = events(&[struck, "Iran and Iraq condemned the attack on Syrian territory."]);
        assert!(has(&evs, "IRQ", "TUR", "111"), "{evs:?}");
        // Negative: an attack on a named state that no earlier event fell on has no author to answer.
        let evs = events(&[struck, "Iran and Iraq condemned the attack on Jordan."]);
        assert!(!evs.iter().any(|e| e.0 == Some(1) && e.3.starts_with("11")), "{evs:?}");
    }

    #[test]
    fn a_hostile_act_said_to_be_ordered_by_a_side_or_its_particular_responsibility_is_an_accusation() {
        let evs = events(&[
            "The Estonian prime minister said the fire at the depot had been ordered by Russian intelligence.",
        ]);
        assert!(has(&evs, "EST", "RUS", "112"), "{evs:?}");
        let evs = events(&[
            "The Georgian prime minister said the EU's ambassador bore particular responsibility for the unrest.",
        ]);
        assert!(has(&evs, "GEO", "IGOEUREEC", "112"), "{evs:?}");
        // Negative: a fire put out by firefighters accuses nobody.
        let evs = events(&[
            "The Estonian prime minister said the fire at the depot had been put out by Estonian firefighters.",
        ]);
        assert!(!evs.iter().any(|e| e.3 == "112"), "{evs:?}");
    }
}

/// Issue 4 (false alarms): civilians killed or wounded, remarks that rank an act already told, co-mediators and
/// visits cut short.
#[cfg(test)]
mod false_alarm_tests {

    fn events(text: &str) -> Vec<(String, String, String)> {
        super::tests::coded(text, "2024-05-10").into_iter().map(|(_, s, t, c)| (s, t, c)).collect()
    }

    fn has(evs: &[(String, String, String)], src: &str, tgt: &str, code: &str) -> bool {
        evs.iter().any(|e| e.0 == src && e.1 == tgt && e.2 == code)
    }

    #[test]
    fn civilians_killed_by_police_are_repressed_and_by_armed_groups_assaulted() {
        let e = events("Kenyan police shot dead three protesters in Nairobi on Tuesday.");
        assert!(has(&e, "KENCOP", "KENCVL", "175"), "{e:?}");
        let e = events("Islamist gunmen killed 12 Nigerian villagers on Sunday.");
        assert!(has(&e, "NGAREB", "NGACVL", "1823"), "{e:?}");
        // Negatives: an army that kills civilians, and armed groups that kill soldiers, stay in 19.
        let e = events("Nigerian troops killed 12 villagers on Sunday.");
        assert!(has(&e, "NGAMIL", "NGACVL", "190"), "{e:?}");
        let e = events("Boko Haram fighters killed 30 Nigerian soldiers.");
        assert!(has(&e, "NGAREB", "NGAMIL", "190"), "{e:?}");
        // The attack told beside the killing keeps its own code, once.
        let e = events("Sudanese police opened fire on mourners in Omdurman, killing at least nine people.");
        assert!(has(&e, "SDNCOP", "SDNCVL", "193") && !e.iter().any(|x| x.2 == "175"), "{e:?}");
    }

    #[test]
    fn a_remark_that_ranks_an_act_already_told_is_no_event() {
        for text in [
            "It was the Indian foreign minister's first visit to Dhaka in five years.",
            "This was the second meeting between Chinese President Xi Jinping and Brazilian President Lula this year.",
        ] {
            let e = events(text);
            assert!(e.is_empty(), "{text}: {e:?}");
        }
        // Negatives: a plan ("It will be …") is still an intent; a sentence that merely starts with "It" is coded.
        let e = events("It will be the first visit to Pyongyang by a Chinese leader in 14 years.");
        assert!(has(&e, "CHNGOV", "PRK", "036"), "{e:?}");
        let e = events("It was Turkey that hosted Ukrainian President Volodymyr Zelensky last year.");
        assert!(e.iter().any(|x| x.0 == "TUR" && x.2.starts_with("04")), "{e:?}");
    }

    #[test]
    fn acts_a_deal_would_allow_and_acts_an_apposition_ranks_are_not_done() {
        let e = events(
            "Kenya and Uganda signed a defence pact on Friday that will allow each country to station troops on the \
             other's territory for joint drills.",
        );
        assert!(has(&e, "KEN", "UGA", "057"), "{e:?}");
        assert!(!e.iter().any(|x| x.2.starts_with("06") || x.2.starts_with("15") || x.2.starts_with("13")), "{e:?}");
        let e = events(
            "Romanian jets shot down two Russian drones on Sunday, the first time a NATO member has fired on Russian \
             aircraft.",
        );
        assert!(!e.iter().any(|x| x.0.starts_with("IGO")), "{e:?}");
        // Negative: the act itself, told without the permission or the ranking, is coded.
        let e = events("Romania fired on Russian aircraft on Sunday.");
        assert!(e.iter().any(|x| x.0 == "ROU" && x.2.starts_with("19")), "{e:?}");
    }

    #[test]
    fn a_co_mediator_is_not_a_party_and_a_visit_cut_short_still_happened() {
        let e = events("Egypt mediated the ceasefire together with Qatar.");
        assert!(!e.iter().any(|x| x.2 == "045"), "{e:?}");
        let e = events("Egypt mediated talks between Sudan and Chad together with Qatar.");
        assert!(has(&e, "EGY", "SDN", "045") && !has(&e, "EGY", "QAT", "045"), "{e:?}");
        let e = events("Indian Prime Minister Narendra Modi cut short a visit to Japan on Friday.");
        assert!(has(&e, "INDGOV", "JPN", "042") && !e.iter().any(|x| x.2.starts_with("16")), "{e:?}");
        // Negative: cutting ties is still a reduction of relations.
        let e = events("Indian Prime Minister Narendra Modi cut ties with Japan on Friday.");
        assert!(e.iter().any(|x| x.2.starts_with("16")), "{e:?}");
    }
}

/// Issue 4 (petrarch suite, session 7): a sentence with no closing punctuation, and a news outlet as the teller.
#[cfg(test)]
mod open_end_and_outlet_tests {
    use super::*;

    fn events(text: &str) -> Vec<(String, String, String, String)> {
        let coder = super::tests::coder();
        let mut doc = Document::from_text("t", None, text);
        doc.date = Some("2016-05-10".parse().unwrap());
        coder.code(&doc).events.into_iter().map(|e| (e.source.code, e.target.code, e.code, e.rule)).collect()
    }

    #[test]
    fn a_sentence_without_a_full_stop_ends_its_clause() {
        for text in ["Sudanese troops attacked Chad", "Kenya said that Somali militias had attacked Ethiopia"] {
            let evs = events(text);
            assert!(evs.iter().any(|e| e.2 == "190" || e.2 == "112"), "{text}: {evs:?}");
        }
        // Negatives: a word after the actor still decides ("attacked Chad's policy" is words), and a full stop
        // changes nothing.
        let evs = events("Sudan's minister attacked Chad's trade policy");
        assert!(!evs.iter().any(|e| e.2.starts_with("19")), "{evs:?}");
        let evs = events("Sudanese troops attacked Chad.");
        assert!(evs.iter().any(|e| e.2 == "190"), "{evs:?}");
    }

    #[test]
    fn a_news_outlet_that_reports_an_attack_accuses_nobody() {
        let evs = events("Rebels shelled a government-held district of Aleppo on Sunday, Syrian state media reported.");
        assert!(evs.iter().any(|e| e.0 == "SYRREB" && e.2.starts_with("19")), "{evs:?}");
        assert!(!evs.iter().any(|e| e.2 == "112"), "{evs:?}");
        // Negative: the army telling of its rivals' shelling accuses them.
        let evs = events("Rebels shelled a government-held district of Aleppo on Sunday, the Syrian army said.");
        assert!(evs.iter().any(|e| e.0 == "SYRMIL" && e.1 == "SYRREB" && e.2 == "112"), "{evs:?}");
    }

    #[test]
    fn a_speaker_whose_side_took_part_tells_its_own_joint_act() {
        let evs = events("French and Belgian jets bombed Islamist camps in northern Mali, the French army said.");
        assert!(evs.iter().any(|e| e.0 == "FRAMIL" && e.2.starts_with("19")), "{evs:?}");
        assert!(evs.iter().any(|e| e.0 == "BELMIL" && e.2.starts_with("19")), "{evs:?}");
        assert!(!evs.iter().any(|e| e.2 == "112"), "no accusation of its partner: {evs:?}");
        // Negative: a speaker with no part in the act still accuses its authors.
        let evs = events("Malian and Nigerien jets bombed camps in northern Burkina Faso, the Algerian army said.");
        assert!(evs.iter().any(|e| e.0 == "DZAMIL" && e.1 == "MLIMIL" && e.2 == "112"), "{evs:?}");
        assert!(evs.iter().any(|e| e.0 == "DZAMIL" && e.1 == "NERMIL" && e.2 == "112"), "{evs:?}");
    }

    #[test]
    fn coercion_told_by_the_side_it_fell_on_is_its_accusation() {
        let evs = events("Thai police fired tear gas at Cambodian workers near the border, the Cambodian army said.");
        assert!(evs.iter().any(|e| e.0 == "KHMMIL" && e.1 == "THACOP" && e.2 == "112"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.2.starts_with("17")), "{evs:?}");
        // Negative: told by a third side, the coercion is the story, no accusation.
        let evs = events("Thai police fired tear gas at Cambodian workers near the border, the Lao army said.");
        assert!(!evs.iter().any(|e| e.2 == "112"), "{evs:?}");
        assert!(evs.iter().any(|e| e.0 == "THACOP" && e.2 == "175"), "{evs:?}");
    }

    #[test]
    fn all_before_a_count_and_involved_after_the_role_still_tell_a_killing() {
        for text in [
            "Nigerian troops stormed the camp, killing all 12 Boko Haram fighters.",
            "Nigerian troops said they had killed 12 Boko Haram fighters involved.",
        ] {
            let evs = events(text);
            assert!(evs.iter().any(|e| e.0 == "NGAMIL" && e.1 == "NGAREB" && e.2 == "190"), "{text}: {evs:?}");
        }
        // Negative: no actor killed by an accident's cause.
        let evs = events("The flood killed all 12 passengers of the bus.");
        assert!(evs.is_empty(), "{evs:?}");
    }

    #[test]
    fn its_troops_after_a_verb_of_saying_are_the_speakers_own() {
        let evs = events("The Kenyan army said its troops had killed 20 al Shabaab fighters in Somalia.");
        assert!(evs.iter().any(|e| e.0 == "KENMIL" && e.1 == "SOMREB" && e.2 == "190"), "{evs:?}");
        // Negative: "its troops" after no verb of saying stays nobody's (no guess at whose).
        let evs = events("Somalia accused Kenya of moving its troops.");
        assert!(!evs.iter().any(|e| e.1 == "KENMIL" || e.1 == "SOMMIL"), "{evs:?}");
    }

    #[test]
    fn support_provided_for_an_armed_operation_is_military_cooperation() {
        let text = "Ugandan troops launched strikes on rebel camps in eastern Congo. \
                    Rwanda and Burundi provided logistical support for the operation.";
        let evs = events(text);
        assert!(evs.iter().any(|e| e.0 == "RWA" && e.1 == "UGAMIL" && e.2 == "062"), "{evs:?}");
        // Negatives: support voiced for the strikes is an endorsement; support provided for a decision is no
        // military act.
        let text = "Ugandan troops launched strikes on rebel camps in eastern Congo. \
                    Rwanda voiced support for the operation.";
        let evs = events(text);
        assert!(!evs.iter().any(|e| e.2 == "062"), "{evs:?}");
        let text = "Uganda announced new tariffs on Kenyan sugar. Rwanda gave its support to the decision.";
        let evs = events(text);
        assert!(!evs.iter().any(|e| e.2 == "062"), "{evs:?}");
    }
}

#[cfg(test)]
mod sides_pair_tests {
    use super::tests::coded;

    fn evs(text: &str) -> Vec<(String, String, String)> {
        coded(text, "2025-03-10").into_iter().map(|(_, s, t, c)| (s, t, c)).collect()
    }

    fn has(evs: &[(String, String, String)], src: &str, tgt: &str, root: &str) -> bool {
        evs.iter().any(|e| e.0.starts_with(src) && e.1.starts_with(tgt) && e.2.starts_with(root))
    }

    #[test]
    fn each_side_blaming_the_other_is_an_accusation_both_ways() {
        let e = evs("Peru and Ecuador exchanged fire on Monday. Each side accused the other of breaking the truce.");
        assert!(has(&e, "PER", "ECU", "112") && has(&e, "ECU", "PER", "112"), "{e:?}");
        let e = evs("Peru and Ecuador exchanged fire on Monday. Each blamed the other for the clash.");
        assert!(has(&e, "PER", "ECU", "112") && has(&e, "ECU", "PER", "112"), "{e:?}");
        let e = evs("Peru and Ecuador exchanged fire on Monday. Each side blamed the other side for the clash.");
        assert!(has(&e, "PER", "ECU", "112") && has(&e, "ECU", "PER", "112"), "{e:?}");
    }

    #[test]
    fn the_warring_parties_are_the_pair() {
        let e = evs("Peru and Ecuador exchanged fire on Monday. Brazil urged the warring parties to return to talks.");
        assert!(has(&e, "BRA", "PER", "02") && has(&e, "BRA", "ECU", "02"), "{e:?}");
        let e = evs("Peru and Ecuador exchanged fire on Monday. Both warring sides agreed to a ceasefire.");
        assert!(has(&e, "PER", "ECU", "08") && has(&e, "ECU", "PER", "08"), "{e:?}");
        let e = evs("Peru and Ecuador exchanged fire on Monday. Chile called on both sides to show restraint.");
        assert!(has(&e, "CHL", "PER", "02") && has(&e, "CHL", "ECU", "02"), "{e:?}");
    }

    #[test]
    fn sides_that_are_places_or_unclear_are_no_pair() {
        // "each side of the river", "each year": no actor.
        let e = evs("Peru and Ecuador exchanged fire on Monday. Farmers on each side of the river fled their homes.");
        assert!(e.iter().all(|x| x.2.starts_with("19")), "{e:?}");
        let e = evs("Peru and Ecuador exchanged fire on Monday. Each year Peru holds a military parade.");
        assert!(e.iter().all(|x| x.2.starts_with("19")), "{e:?}");
        // "the other side of the argument" is no reciprocal object.
        let e = evs(
            "Peru and Ecuador held talks in Lima. The Peruvian minister criticised the other side of the argument.",
        );
        assert!(!e.iter().any(|x| x.2.starts_with("11")), "{e:?}");
        // Three states as often named: "each side" has no clear pair.
        let e = evs("Chile, Bolivia and Argentina met in Santiago. Chile and Bolivia criticised Argentina. \
             Argentina criticised Chile and Bolivia. Each side accused the other of lying.");
        assert!(!e.iter().any(|x| x.2 == "112" || x.2 == "1123"), "{e:?}");
    }
}

#[cfg(test)]
mod coordinated_verb_subject_tests {
    use super::*;

    fn events(text: &str) -> Vec<(String, String, String, String)> {
        let coder = super::tests::coder();
        let mut doc = Document::from_text("t", None, text);
        doc.date = Some("2016-05-10".parse().unwrap());
        coder.code(&doc).events.into_iter().map(|e| (e.source.code, e.target.code, e.code, e.rule)).collect()
    }

    #[test]
    fn the_verb_after_and_shares_the_first_verbs_subject() {
        // The object of a first (non-event) verb is not the subject of the event verb after "and".
        for text in [
            "Japan tracked the Chinese warships and attacked Taiwan.",
            "Japan tracked Chinese warships near Okinawa, and attacked Taiwan.",
            "Japan on Tuesday tracked the Chinese warships and attacked Taiwan.",
        ] {
            let evs = events(text);
            assert!(evs.iter().any(|e| e.0 == "JPN" && e.1 == "TWN" && e.2 == "190"), "{text}: {evs:?}");
            assert!(!evs.iter().any(|e| e.0.starts_with("CHN")), "{text}: {evs:?}");
        }
    }

    #[test]
    fn a_verb_with_its_own_subject_or_a_reported_clause_keeps_its_subject() {
        // Negative: the second verb has its own subject after "and".
        let evs = events("Germany hosted the French envoy and France's president praised Italy.");
        assert!(evs.iter().any(|e| e.0.starts_with("FRA") && e.1 == "ITA"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0 == "DEU" && e.1 == "ITA"), "{evs:?}");
        // Negative: inside a reported clause the first verb's subject is the reported one, not the speaker.
        let evs = events("Kenya said Somali militias tracked the Ethiopian convoy and attacked Uganda.");
        // (A reported attack is the speaker's accusation of its authors.)
        assert!(evs.iter().any(|e| e.0 == "KEN" && e.1 == "SOMREB" && e.2 == "112"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.1 == "ETHMIL" || e.0 == "KEN" && e.2 == "190"), "{evs:?}");
        // Negative: a relative pronoun between stops the rule ("warships that attacked" are the attackers).
        let evs = events("Japan tracked the Chinese warships that attacked Taiwan.");
        assert!(!evs.iter().any(|e| e.0 == "JPN" && e.2 == "190"), "{evs:?}");
    }
    #[test]
    fn a_count_of_them_after_an_event_verb_is_the_earlier_actor() {
        for text in [
            "Kenyan police surrounded Somali protesters and arrested 30 of them.",
            "Kenyan police surrounded Somali protesters and arrested dozens of them.",
        ] {
            let evs = events(text);
            assert!(evs.iter().any(|e| e.0 == "KENCOP" && e.1 == "SOMCVL" && e.2 == "173"), "{text}: {evs:?}");
        }
        // Negative: after a verb of saying the count is no object of an act.
        let evs = events("Kenyan police surrounded Somali protesters and said 30 of them were hurt.");
        assert!(!evs.iter().any(|e| e.2 == "173"), "{evs:?}");
    }
}

#[cfg(test)]
mod sympathy_tests {
    use super::tests::coded;

    fn has(evs: &[(Option<usize>, String, String, String)], src: &str, tgt: &str, code: &str) -> bool {
        evs.iter().any(|e| e.1 == src && e.2 == tgt && e.3 == code)
    }

    #[test]
    fn sorrow_over_deaths_at_home_is_aimed_at_the_country() {
        // A government's sorrow over a disaster in its own country is an empathetic comment (018) toward it.
        let evs =
            coded("The Indian prime minister expressed deep sorrow over the train crash in Odisha.", "2023-06-03");
        assert!(has(&evs, "INDGOV", "IND", "018"), "{evs:?}");
        // Negative: other diplomacy stays between states ("praised the rescue teams in Odisha" is no event).
        let evs = coded("The Indian prime minister praised the rescue teams in Odisha.", "2023-06-03");
        assert!(!evs.iter().any(|e| e.1 == "INDGOV" && e.2 == "IND"), "{evs:?}");
    }

    #[test]
    fn sympathy_for_the_victims_of_an_event_in_a_place() {
        for text in [
            "The French president expressed sympathy for the victims of the floods in Libya.",
            "The French president offered condolences to the families of those killed in the storm in Libya.",
        ] {
            let evs = coded(text, "2023-09-14");
            assert!(evs.iter().any(|e| e.1 == "FRAGOV" && e.2.starts_with("LBY") && e.3 == "018"), "{text}: {evs:?}");
        }
        // Negative: no place, no target.
        let evs = coded("The French president expressed sympathy for the victims of the floods.", "2023-09-14");
        assert!(evs.is_empty(), "{evs:?}");
    }
}

#[cfg(test)]
mod disapproval_target_tests {
    use super::*;

    fn doc(date: &str, sentences: &[&str]) -> Vec<(Option<usize>, String, String, String)> {
        let mut doc = Document::from_sentences("t", None, sentences);
        doc.date = Some(date.parse().unwrap());
        super::tests::coder()
            .code(&doc)
            .events
            .into_iter()
            .map(|e| (e.sentence, e.source.code, e.target.code, e.code))
            .collect()
    }

    fn has(evs: &[(Option<usize>, String, String, String)], s: usize, src: &str, tgt: &str, root: &str) -> bool {
        evs.iter().any(|e| e.0 == Some(s) && e.1.starts_with(src) && e.2.starts_with(tgt) && e.3.starts_with(root))
    }

    #[test]
    fn a_raid_or_incursion_condemned_answers_the_police_who_forced_their_way_in() {
        let raid = "Peruvian police forced their way into Chile's embassy in Lima on Friday and arrested a dissident.";
        for verdict in ["Argentina condemned the raid.", "Argentina and Uruguay condemned the incursion on Sunday."] {
            let evs = doc("2024-03-01", &[raid, verdict]);
            assert!(has(&evs, 1, "ARG", "PER", "11"), "{verdict}: {evs:?}");
        }
        // Negative: with no raid told before, no one is answered.
        let evs = doc("2024-03-01", &["Peru held an election on Sunday.", "Argentina condemned the raid."]);
        assert!(!evs.iter().any(|e| e.0 == Some(1)), "{evs:?}");
    }

    #[test]
    fn deportations_condemned_answer_the_state_that_deported() {
        let evs = doc(
            "2023-11-02",
            &["Iran began deporting undocumented Afghans on Wednesday.", "Kabul condemned the deportations as cruel."],
        );
        assert!(has(&evs, 1, "AFG", "IRN", "11"), "{evs:?}");
    }

    #[test]
    fn a_state_condemning_the_attack_answers_the_one_that_fell_on_it_later_in_the_story() {
        let evs = doc(
            "2025-06-24",
            &[
                "Israeli jets struck military sites in Iran on Friday.",
                "On Monday, Iran fired missiles at Doha, the capital of Qatar.",
                "Qatar condemned the attack as a violation of its sovereignty.",
            ],
        );
        assert!(has(&evs, 2, "QAT", "IRN", "11"), "{evs:?}");
        assert!(!has(&evs, 2, "QAT", "ISR", "11"), "{evs:?}");
        // Negative: a third state with no attack on itself answers the story's lead act.
        let evs = doc(
            "2025-06-24",
            &[
                "Israeli jets struck military sites in Iran on Friday.",
                "On Monday, Iran fired missiles at Doha, the capital of Qatar.",
                "Egypt condemned the attack.",
            ],
        );
        assert!(!has(&evs, 2, "EGY", "IRN", "11"), "{evs:?}");
    }

    #[test]
    fn an_office_or_spokesman_of_a_named_actor_speaks_for_it() {
        let evs = doc(
            "2025-04-01",
            &[
                "China's military staged large-scale drills around Taiwan on Tuesday.",
                "The office of President Lai Ching-te condemned the drills.",
            ],
        );
        assert!(has(&evs, 1, "TWN", "CHN", "11"), "{evs:?}");
        // Negative: an actor after another preposition is still no subject.
        let evs = doc("2025-04-01", &["Talks with President Lai Ching-te condemned nothing."]);
        assert!(evs.is_empty(), "{evs:?}");
    }

    #[test]
    fn the_object_of_a_verb_of_causing_does_the_act_of_the_infinitive() {
        let evs = doc("2025-08-20", &["The speech prompted Egyptian officials to accuse Turkey of meddling."]);
        assert!(evs.iter().any(|e| e.1 == "EGYGOV" && e.2 == "TUR" && e.3.starts_with("112")), "{evs:?}");
        // Negative: an appeal's object is asked, not told to act.
        let evs = doc("2025-08-20", &["Washington urged Egypt to accuse nobody."]);
        assert!(!evs.iter().any(|e| e.3.starts_with("11")), "{evs:?}");
    }

    #[test]
    fn a_named_exercise_judged_answers_its_authors() {
        let evs = doc(
            "2025-09-12",
            &[
                "Russia and Belarus began joint military exercises on Friday.",
                "Lithuania said the Zapad-2025 drills were very aggressive.",
            ],
        );
        assert!(has(&evs, 1, "LTU", "RUS", "111"), "{evs:?}");
        assert!(has(&evs, 1, "LTU", "BLR", "111"), "{evs:?}");
    }

    #[test]
    fn remarks_judged_after_a_protest_answer_the_side_protested() {
        let evs = doc(
            "2025-11-14",
            &[
                "China summoned Japan's ambassador over the prime minister's remarks on Taiwan.",
                "China said the remarks were irresponsible.",
            ],
        );
        assert!(has(&evs, 1, "CHN", "JPN", "111"), "{evs:?}");
        // Negative: remarks with no protest before them answer no one.
        let evs = doc("2025-11-14", &["Trade talks resumed in Tokyo.", "China said the remarks were irresponsible."]);
        assert!(!evs.iter().any(|e| e.0 == Some(1)), "{evs:?}");
    }

    #[test]
    fn a_protest_or_order_rejected_answers_its_author() {
        let evs = doc(
            "2024-05-01",
            &["Vietnam lodged a protest with Beijing over the blockade.", "China rejected the protest."],
        );
        assert!(has(&evs, 1, "CHN", "VNM", "12"), "{evs:?}");
        let evs = doc(
            "2023-08-26",
            &["Mali's junta ordered the French ambassador to leave within 48 hours.", "Paris rejected the order."],
        );
        assert!(has(&evs, 1, "FRA", "MLI", "12"), "{evs:?}");
    }

    #[test]
    fn an_appositive_decision_that_drew_criticism_answers_the_main_clause_subject() {
        for text in [
            "Belgrade declared a day of mourning for the gunmen, a step that drew sharp criticism in Pristina.",
            "Belgrade declared a day of mourning for the gunmen, a move that angered Kosovo.",
        ] {
            let evs = doc("2023-09-26", &[text]);
            assert!(has(&evs, 0, "KSV", "SRB", "11"), "{text}: {evs:?}");
        }
        // Negative: an appositive attack after a passive clause gives its victims no act.
        let evs =
            doc("2023-09-26", &["Two Kosovo policemen were wounded near the border, an attack that angered nobody."]);
        assert!(!evs.iter().any(|e| e.1.starts_with("KSV") && e.3.starts_with("11")), "{evs:?}");
    }

    #[test]
    fn a_craft_said_to_have_violated_airspace_is_an_accusation_against_its_owner() {
        let shot = "Turkish jets shot down a Syrian drone near the border on Monday.";
        for claim in
            ["Turkey said the drone had violated its airspace.", "Ankara said the drone violated Turkish airspace."]
        {
            let evs = doc("2024-02-05", &[shot, claim]);
            assert!(has(&evs, 1, "TUR", "SYR", "112"), "{claim}: {evs:?}");
        }
        // Negatives: with no craft downed by the speaker's state, no owner is known; a craft of the speaker's own
        // state downed by another is not the speaker's charge against itself.
        let evs =
            doc("2024-02-05", &["Trade talks resumed on Monday.", "Turkey said the drone had violated its airspace."]);
        assert!(!evs.iter().any(|e| e.0 == Some(1)), "{evs:?}");
        let evs = doc(
            "2024-02-05",
            &["Syrian jets shot down a Turkish drone.", "Turkey said the drone had violated its airspace."],
        );
        assert!(!has(&evs, 1, "TUR", "SYR", "112"), "{evs:?}");
    }

    #[test]
    fn insults_and_subordination_said_of_a_side_are_criticism() {
        for (text, src, tgt) in [
            ("A Chinese spokesman called Lai Ching-te a \"parasite\".", "CHN", "TWN"),
            ("Seoul said Pyongyang was a troublemaker.", "KOR", "PRK"),
            ("A Russian video depicted Zelensky as a puppet.", "RUS", "UKR"),
            ("Cuba said Peru and Chile had subordinated themselves to Washington.", "CUB", "PER"),
            ("Brazil rejected what it called U.S. interference.", "BRA", "USA"),
            ("Brazil condemned what it called China's reckless actions.", "BRA", "CHN"),
        ] {
            let evs = doc("2025-04-01", &[text]);
            assert!(has(&evs, 0, src, tgt, "1"), "{text}: {evs:?}");
        }
        // Negatives: a plain complement is no judgement; a side visiting is no accusation.
        for text in [
            "Seoul said Pyongyang was a neighbour.",
            "Tokyo said the Chinese minister was visiting.",
            "Cuba said Peru had subscribed to the treaty.",
        ] {
            let evs = doc("2025-04-01", &[text]);
            assert!(!evs.iter().any(|e| e.3.starts_with("11")), "{text}: {evs:?}");
        }
    }
}

#[cfg(test)]
mod not_events_here_tests {
    use super::tests::coded;

    fn has(evs: &[(Option<usize>, String, String, String)], src: &str, tgt: &str, root: &str) -> bool {
        evs.iter().any(|(_, s, t, c)| s.starts_with(src) && t.starts_with(tgt) && c.starts_with(root))
    }

    #[test]
    fn a_passive_under_an_earlier_year_is_background_an_active_one_is_told() {
        assert!(coded("Ukraine was granted EU candidate status in June 2022.", "2024-05-01").is_empty());
        let evs = coded("The European Union granted Moldova candidate status in June 2022.", "2024-05-01");
        assert!(has(&evs, "IGOEUREEC", "MDA", "05"), "{evs:?}");
    }

    #[test]
    fn an_act_done_once_is_background() {
        assert!(coded("Washington had once imposed sanctions on Cuba over its human rights record.", "2025-03-01")
            .is_empty());
        assert!(coded("Russia had once invaded Georgia.", "2025-03-01").is_empty());
        let evs = coded("Washington imposed sanctions on Cuba over its human rights record on Monday.", "2025-03-01");
        assert!(has(&evs, "USA", "CUB", "16"), "{evs:?}");
        // "once again" is a new act.
        let evs = coded("Washington once again imposed sanctions on Cuba on Monday.", "2025-03-01");
        assert!(has(&evs, "USA", "CUB", "16"), "{evs:?}");
    }

    #[test]
    fn hosting_a_base_or_an_office_is_no_visit_hosting_a_minister_is() {
        assert!(coded("Djibouti hosts the largest French military base in Africa.", "2025-03-01").is_empty());
        assert!(coded("Djibouti has hosted a Chinese naval base since 2017.", "2025-03-01").is_empty());
        let evs = coded("Kenya hosted British Foreign Secretary David Lammy in Nairobi on Monday.", "2025-03-01");
        assert!(has(&evs, "KEN", "GBR", "043"), "{evs:?}");
    }

    #[test]
    fn a_person_carried_somewhere_or_arriving_to_face_trial_makes_no_visit() {
        let flown = "Former Sudanese President Omar al-Bashir was flown to the Netherlands on Monday.";
        assert!(!has(&coded(flown, "2025-03-01"), "SDN", "NLD", "04"));
        let trial = "Former Sudanese President Omar al-Bashir arrived in the Netherlands on Monday to face trial.";
        assert!(!has(&coded(trial, "2025-03-01"), "SDN", "NLD", "04"));
        let evs = coded("Kenyan President William Ruto flew to Washington on Monday.", "2025-03-01");
        assert!(has(&evs, "KEN", "USA", "042"), "{evs:?}");
        let evs = coded("Kenyan President William Ruto arrived in Washington on Monday for talks.", "2025-03-01");
        assert!(has(&evs, "KEN", "USA", "042"), "{evs:?}");
    }

    #[test]
    fn a_fight_others_are_sent_to_help_wage_is_not_coded_a_fight_told_is() {
        let s = "Two hundred Rwandan soldiers reached Mozambique on Friday, the vanguard of a force sent to help the \
                 country fight insurgents.";
        assert!(!coded(s, "2025-03-01").iter().any(|(_, _, _, c)| c.starts_with("19")));
        let evs = coded("Rwandan troops fought insurgents in Mozambique on Monday.", "2025-03-01");
        assert!(has(&evs, "RWA", "MOZ", "19"), "{evs:?}");
    }

    #[test]
    fn fires_set_by_a_crowd_are_a_violent_protest_gunfire_stays_gunfire() {
        let evs = coded("Protesters in Dhaka set fires at the Indian embassy on Monday.", "2025-03-01");
        assert!(has(&evs, "BGD", "IND", "145") && !has(&evs, "BGD", "IND", "19"), "{evs:?}");
        let evs = coded("Indian troops fired at Pakistani positions along the border on Monday.", "2025-03-01");
        assert!(has(&evs, "IND", "PAK", "193"), "{evs:?}");
    }

    #[test]
    fn help_between_two_organs_of_one_state_is_not_coded_help_to_another_state_is() {
        assert!(!has(
            &coded("Ruto deployed the Kenyan military to support the Kenyan police.", "2025-03-01"),
            "KEN",
            "KEN",
            "07"
        ));
        let s = "The Nigerian government deployed troops to support the Nigerian police in Lagos.";
        assert!(!has(&coded(s, "2025-03-01"), "NGA", "NGA", "07"));
        let evs = coded("Ruto deployed the Kenyan military to support the Somali police.", "2025-03-01");
        assert!(has(&evs, "KENMIL", "SOMCOP", "074"), "{evs:?}");
    }

    #[test]
    fn talks_hosted_by_a_third_state_imply_no_visit_talks_with_its_leader_in_its_capital_do() {
        let evs =
            coded("Armenian and Azerbaijani negotiators held talks in Doha on Monday, hosted by Qatar.", "2025-03-01");
        assert!(has(&evs, "QAT", "ARM", "043") && !has(&evs, "ARM", "QAT", "042"), "{evs:?}");
        let s = "Armenian Prime Minister Nikol Pashinyan held talks with the Emir of Qatar in Doha on Monday.";
        let evs = coded(s, "2025-03-01");
        assert!(has(&evs, "ARM", "QAT", "042"), "{evs:?}");
    }

    #[test]
    fn foreign_troops_said_to_fight_alongside_rebels_is_an_accusation_alongside_an_army_is_cooperation() {
        let evs =
            coded("Ethiopia's government said Eritrean troops were fighting alongside the Fano rebels.", "2025-03-01");
        assert!(has(&evs, "ETH", "ERI", "112") && !evs.iter().any(|(_, _, _, c)| c.starts_with("06")), "{evs:?}");
        let evs = coded("Mali's government said Russian troops were fighting alongside the Malian army.", "2025-03-01");
        assert!(has(&evs, "RUSMIL", "MLIMIL", "062"), "{evs:?}");
        let evs =
            coded("Russian troops fought alongside Malian soldiers against jihadist groups near Gao.", "2025-03-01");
        assert!(has(&evs, "RUSMIL", "MLIMIL", "062"), "{evs:?}");
    }

    #[test]
    fn people_handed_over_in_the_passive_are_not_the_ones_handing_over() {
        let s = "Former Sudanese President Omar al-Bashir was handed over to the International Criminal Court.";
        assert!(!has(&coded(s, "2025-03-01"), "SDN", "IGOJUDICC", "08"));
        let evs = coded("Hamas handed over four hostages to the Red Cross in Khan Younis.", "2025-03-01");
        assert!(has(&evs, "PSEREB", "NGOHLHIRC", "0841"), "{evs:?}");
    }

    #[test]
    fn efforts_to_reach_a_truce_are_no_truce_an_agreed_truce_is() {
        let s = "Egyptian President Abdel Fattah al-Sisi and Turkish President Recep Tayyip Erdogan discussed efforts \
                 to reach a ceasefire in Sudan.";
        let evs = coded(s, "2025-03-01");
        assert!(has(&evs, "EGY", "TUR", "04") && !evs.iter().any(|(_, _, _, c)| c.starts_with("08")), "{evs:?}");
        let evs = coded("Sudan's army and the RSF agreed to a ceasefire on Monday.", "2025-03-01");
        assert!(has(&evs, "SDNMIL", "SDNREB", "0871"), "{evs:?}");
    }

    #[test]
    fn participles_and_past_relatives_describing_armed_men_or_deals_are_not_acts() {
        let s = "The army said it had shelled a camp that served as a base for militias allied with the rebels.";
        assert!(!coded(s, "2025-03-01").iter().any(|(_, _, _, c)| c.starts_with("05")));
        let s = "A Chinese vessel blocked a supply run to Philippine troops stationed on a reef in the Spratlys.";
        assert!(!coded(s, "2025-03-01").iter().any(|(_, _, _, c)| c.starts_with("15")));
        let s = "Relations soured after Niger quit a 2019 truce with Tuareg rebels that had been brokered by Algeria.";
        assert!(!coded(s, "2025-03-01").iter().any(|(_, _, _, c)| c.starts_with("04")));
        // The same acts told as this text's news stay coded.
        let evs = coded("Russia deployed 5,000 troops to its border with Finland on Monday.", "2025-03-01");
        assert!(evs.iter().any(|(_, s, _, c)| s.starts_with("RUS") && c.starts_with("15")), "{evs:?}");
        let evs = coded("Algeria brokered a truce between Mali and the Tuareg rebels on Monday.", "2025-03-01");
        assert!(has(&evs, "DZA", "MLI", "04"), "{evs:?}");
        let s = "Clashes resumed on Monday, with Thai aircraft striking Cambodian bunkers and Cambodian forces firing \
                 shells into Thai villages.";
        let evs = coded(s, "2025-03-01");
        assert!(has(&evs, "KHM", "THA", "19"), "{evs:?}");
    }

    #[test]
    fn a_second_act_asked_for_after_a_repeated_to_is_not_the_asker_s_act() {
        let evs = coded(
            "Britain urged Syria to hold elections, to deport foreign fighters and to protect minorities.",
            "2025-03-01",
        );
        assert!(has(&evs, "GBR", "SYR", "02") && !evs.iter().any(|(_, _, _, c)| c.starts_with("17")), "{evs:?}");
        let evs = coded("Britain urged Syria to hold elections and to expel foreign fighters.", "2025-03-01");
        assert!(!evs.iter().any(|(_, _, _, c)| c.starts_with("17")), "{evs:?}");
        // A new clause with its own subject and a past tense is an act.
        let evs = coded(
            "Britain urged Syria to hold elections, and Jordan expelled Syrian diplomats on Monday.",
            "2025-03-01",
        );
        assert!(has(&evs, "JOR", "SYR", "1"), "{evs:?}");
    }
}

#[cfg(test)]
mod ultimatum_tests {
    use super::tests::coded;

    #[test]
    fn a_threat_with_a_condition_is_aimed_at_the_side_the_condition_names() {
        // The threatened act names another actor first ("its war with Iraq"): the target is who must comply.
        let evs = coded(
            "Iran threatened to launch a new military offensive in its war with Iraq unless Baghdad accepted its terms.",
            "1990-03-01",
        );
        assert!(evs.iter().any(|e| e.1 == "IRN" && e.2 == "IRQ" && e.3 == "138"), "{evs:?}");
        let evs = coded(
            "Serbia threatened to quit the negotiations hosted by Austria unless Kosovo withdrew its police.",
            "2023-03-01",
        );
        assert!(evs.iter().any(|e| e.1 == "SRB" && e.2.starts_with("KSV") && e.3.starts_with("13")), "{evs:?}");
        // Negative: no actor opens the condition ("if it was attacked again"), and no condition at all.
        let evs = coded("Ethiopia threatened to resume the war in the north if it was attacked again.", "2023-03-01");
        assert!(!evs.iter().any(|e| e.3.starts_with("13")), "{evs:?}");
        let evs = coded("Serbia threatened to quit the negotiations hosted by Austria.", "2023-03-01");
        assert!(!evs.iter().any(|e| e.1 == "SRB" && e.2.starts_with("KSV")), "{evs:?}");
    }

    #[test]
    fn a_commitment_reaffirmed_to_a_named_side_is_intent_to_cooperate_with_it() {
        // Positive: own commitment, a second verb after "and", and another state's commitment restated.
        let evs = coded("Germany reaffirmed its commitment to Lithuania.", "2024-05-01");
        assert!(evs.iter().any(|e| e.1 == "DEU" && e.2 == "LTU" && e.3 == "030"), "{evs:?}");
        let evs = coded("Spain criticised Italy and reiterated its firm treaty commitments to Morocco.", "2024-05-01");
        assert!(evs.iter().any(|e| e.1 == "ESP" && e.2 == "MAR" && e.3 == "030"), "{evs:?}");
        let evs = coded("The State Department restated Washington's commitment to South Korea.", "2024-05-01");
        assert!(evs.iter().any(|e| e.1.starts_with("USA") && e.2 == "KOR" && e.3 == "030"), "{evs:?}");
        // Negative: a commitment to a thing, not a side, and a commitment questioned rather than reaffirmed.
        let evs = coded("Japan reaffirmed its commitment to the ceasefire.", "2024-05-01");
        assert!(!evs.iter().any(|e| e.3 == "030"), "{evs:?}");
        let evs = coded("Germany questioned Poland's commitment to Ukraine.", "2024-05-01");
        assert!(!evs.iter().any(|e| e.3 == "030"), "{evs:?}");
    }

    #[test]
    fn attacks_a_side_says_it_will_keep_up_are_a_threat_and_kept_up_attacks_are_force() {
        // Positive: "would keep targeting" is a threat; the same verb told as done is fighting.
        let evs = coded("The Houthis said they would keep targeting Israel.", "2024-05-01");
        assert!(evs.iter().any(|e| e.1 == "YEMREB" && e.2 == "ISR" && e.3 == "138"), "{evs:?}");
        let evs = coded("The Houthis kept targeting Israel.", "2024-05-01");
        assert!(evs.iter().any(|e| e.1 == "YEMREB" && e.2 == "ISR" && e.3 == "190"), "{evs:?}");
        // Negative: an attack denied, and a pledge to keep supporting a side.
        let evs = coded("The Houthis denied that they would keep targeting Israel.", "2024-05-01");
        assert!(!evs.iter().any(|e| e.3 == "190" || e.3 == "138"), "{evs:?}");
        let evs = coded("Germany said it would keep supporting Ukraine.", "2024-05-01");
        assert!(!evs.iter().any(|e| e.3 == "190" || e.3 == "138"), "{evs:?}");
    }
}

#[cfg(test)]
mod wire_conflict_tests {
    use super::*;

    fn events(text: &str) -> Vec<(String, String, String, String)> {
        let coder = super::tests::coder();
        let mut doc = Document::from_text("t", None, text);
        doc.date = Some("2025-03-10".parse().unwrap());
        coder.code(&doc).events.into_iter().map(|e| (e.source.code, e.target.code, e.code, e.rule)).collect()
    }

    fn has(evs: &[(String, String, String, String)], src: &str, tgt: &str, root: &str) -> bool {
        evs.iter().any(|e| e.0.starts_with(src) && e.1.starts_with(tgt) && e.2.starts_with(root))
    }

    #[test]
    fn a_cut_in_relations_announced_in_the_future_is_the_cut() {
        let evs = events("Ghana said it would recall its ambassadors from Lome and Abuja.");
        assert!(has(&evs, "GHA", "TGO", "161") && has(&evs, "GHA", "NGA", "161"), "{evs:?}");
        let evs = events("Chile will close the last Peruvian consulate in the country.");
        assert!(has(&evs, "CHL", "PER", "161"), "{evs:?}");
        let evs = events("Lithuania said it would deploy 5,000 troops near the border with Belarus.");
        assert!(has(&evs, "LTU", "BLR", "154"), "{evs:?}");
        // Negatives: a threat, a warning, a condition or a readiness stays an intention.
        for text in [
            "Ghana threatened to recall its ambassador from Lome.",
            "Ghana warned it would recall its ambassador from Lome.",
            "Ghana will recall its ambassador from Lome if the border stays closed.",
        ] {
            let evs = events(text);
            assert!(!has(&evs, "GHA", "TGO", "16"), "{text}: {evs:?}");
        }
        let evs = events("Lithuania is ready to deploy 5,000 troops near the border with Belarus.");
        assert!(!has(&evs, "LTU", "BLR", "154"), "{evs:?}");
    }

    #[test]
    fn a_toll_after_a_subordinate_clause_is_that_clauses_act() {
        let evs =
            events("Iraq recalled its envoy after Turkish jets bombed a village in Duhok, killing three shepherds.");
        assert!(!has(&evs, "IRQ", "TUR", "19") && !has(&evs, "IRQ", "TUR", "18"), "{evs:?}");
        // Negative: without a subordinate clause the toll stays the main subject's.
        let evs = events("Turkish jets bombed a village in Duhok on Monday, killing three shepherds.");
        assert!(has(&evs, "TUR", "IRQ", "19"), "{evs:?}");
    }

    #[test]
    fn the_aim_of_a_help_is_not_yet_fought() {
        let evs = events("Rwanda sent 1,000 troops to help the Mozambican army fight insurgents in Cabo Delgado.");
        assert!(!evs.iter().any(|e| e.2.starts_with("19")), "{evs:?}");
        let evs = events("Kenyan police will deploy to Haiti next month to help fight the gangs.");
        assert!(!evs.iter().any(|e| e.2.starts_with("19") || e.2 == "138"), "{evs:?}");
        // Negative: a fight told as done is coded.
        let evs = events("Rwandan troops fought insurgents in Cabo Delgado on Sunday.");
        assert!(evs.iter().any(|e| e.0.starts_with("RWA") && e.2.starts_with("19")), "{evs:?}");
    }

    #[test]
    fn fighting_after_a_period_of_it_is_background() {
        let evs =
            events("Armenia and Azerbaijan agreed to a truce on Sunday after days of border clashes between them.");
        assert!(!evs.iter().any(|e| e.2.starts_with("19")), "{evs:?}");
        // Negative: talks after hours of talks are still talks; clashes told as such are coded.
        let evs = events("Armenian and Azerbaijani troops clashed along the border on Sunday.");
        assert!(evs.iter().any(|e| e.2.starts_with("19")), "{evs:?}");
    }

    #[test]
    fn a_second_verb_after_a_reported_first_is_the_speakers() {
        let evs = events(
            "Japan's defence ministry said it had tracked several Chinese warships and had dispatched its own forces to respond.",
        );
        assert!(has(&evs, "JPN", "CHN", "15"), "{evs:?}");
        assert!(!evs.iter().any(|e| e.0.starts_with("CHN") && e.2.starts_with("15")), "{evs:?}");
    }

    #[test]
    fn an_act_that_evidence_or_an_allegation_is_about_is_not_reported() {
        let evs = events("A UN panel is gathering evidence of attacks on civilians by the Sudanese army.");
        assert!(!evs.iter().any(|e| e.2.starts_with("19") || e.2.starts_with("18")), "{evs:?}");
        let evs = events("Rights groups voiced allegations of torture by Egyptian police.");
        assert!(!evs.iter().any(|e| e.2.starts_with("18")), "{evs:?}");
        // Negative: the attack told as such is coded.
        let evs = events("The Sudanese army attacked civilians in Darfur on Monday.");
        assert!(evs.iter().any(|e| e.0.starts_with("SDN") && e.2.starts_with("19")), "{evs:?}");
    }

    #[test]
    fn an_actor_after_with_is_the_subject_of_the_ing_verb() {
        let evs = events("Fighting spread on Friday, with Sudanese jets bombing Chadian positions near the border.");
        assert!(has(&evs, "SDN", "TCD", "19"), "{evs:?}");
        let evs = events("The clashes widened, with Sudanese Su-24 attack jets bombing Chadian positions.");
        assert!(has(&evs, "SDN", "TCD", "19"), "{evs:?}");
        // Negative: "with" before an actor that no "-ing" verb follows stays a preposition.
        let evs = events("Sudan held talks with Chad on Friday.");
        assert!(!evs.iter().any(|e| e.2.starts_with("19")), "{evs:?}");
    }

    #[test]
    fn wire_patterns_of_the_conflict_half() {
        let evs = events("Bolivia severed its own ties with Israel on Tuesday.");
        assert!(has(&evs, "BOL", "ISR", "161"), "{evs:?}");
        let evs = events("Britain sanctioned four firms based in Turkey that shipped drone parts.");
        assert!(has(&evs, "GBR", "TUR", "163"), "{evs:?}");
        let evs = events("Britain sanctioned four firms on Tuesday.");
        assert!(!evs.iter().any(|e| e.2.starts_with("16")), "{evs:?}");
        let evs = events("Israel's defence minister ordered strikes on targets in Beirut.");
        assert!(has(&evs, "ISR", "LBN", "19"), "{evs:?}");
        let evs = events("Israeli jets destroyed a command centre of Hezbollah overnight.");
        assert!(has(&evs, "ISR", "LBN", "19"), "{evs:?}");
        // Negatives: an inquiry ordered into strikes is no strike; a levy raised at home names no target.
        let evs = events("The minister ordered an inquiry into the strikes.");
        assert!(!evs.iter().any(|e| e.2.starts_with("19")), "{evs:?}");
        let evs = events("Brazil raised the levy on imported steel.");
        assert!(!evs.iter().any(|e| e.2.starts_with("16")), "{evs:?}");
    }
}

#[cfg(test)]
mod readout_diplomacy_tests {
    use super::*;

    fn events(text: &str) -> Vec<(String, String, String, String)> {
        let coder = super::tests::coder();
        let mut doc = Document::from_text("t", None, text);
        doc.date = Some("2024-10-02".parse().unwrap());
        coder.code(&doc).events.into_iter().map(|e| (e.source.code, e.target.code, e.code, e.rule)).collect()
    }

    #[test]
    fn condolences_with_no_addressee_go_to_the_stricken_state() {
        let story = "Floods swept through eastern Libya on Sunday, killing hundreds of people.";
        for (line, src) in [
            ("Egypt and Algeria expressed their condolences.", "EGY"),
            ("The Italian government offered its deepest sympathy on Monday.", "ITA"),
            ("Tunisia voiced its sincere condolences and sent a team of doctors.", "TUN"),
        ] {
            let evs = events(&format!("{story} {line}"));
            assert!(evs.iter().any(|e| e.0.starts_with(src) && e.1 == "LBY" && e.2 == "018"), "{line}: {evs:?}");
        }
        let evs = events(&format!("{story} Egypt and Algeria expressed their condolences."));
        assert!(evs.iter().any(|e| e.0 == "DZA" && e.1 == "LBY" && e.2 == "018"), "{evs:?}");
        // Negative: condolences within one state (no other state in the story) have no foreign addressee.
        let evs = events("A bus crashed in northern Peru. Peruvian President Dina Boluarte expressed her condolences.");
        assert!(!evs.iter().any(|e| e.2 == "018"), "{evs:?}");
    }

    #[test]
    fn hosting_a_base_or_an_office_is_no_hosted_visit() {
        for text in [
            "Djibouti hosts a large French military base near the port.",
            "Turkey has hosted the Syrian opposition's political office for years.",
            "Kenya hosts the Somali refugee camps at Dadaab.",
        ] {
            let evs = events(text);
            assert!(!evs.iter().any(|e| e.2 == "043"), "{text}: {evs:?}");
        }
        // Positive: a host and its visitor.
        let evs = events("Djibouti hosted French President Emmanuel Macron in the capital on Tuesday.");
        assert!(evs.iter().any(|e| e.0.starts_with("DJI") && e.1 == "FRAGOV" && e.2 == "043"), "{evs:?}");
    }

    #[test]
    fn talks_hosted_by_a_third_state_are_no_visit_by_the_parties() {
        let evs = events("Ethiopia and Egypt resumed talks on the dam in Kenya, hosted by President William Ruto.");
        assert!(!evs.iter().any(|e| e.2 == "042" && e.1 == "KEN"), "{evs:?}");
        // Positive: a host who welcomes a leader to its capital is still visited.
        let evs = events("Kenyan President William Ruto welcomed Ethiopian Prime Minister Abiy Ahmed to Nairobi.");
        assert!(evs.iter().any(|e| e.0 == "KENGOV" && e.1 == "ETHGOV" && e.2 == "043"), "{evs:?}");
    }

    #[test]
    fn a_person_carried_abroad_or_brought_to_trial_makes_no_visit() {
        for text in [
            "Former Sudanese President Omar al-Bashir was flown to the Netherlands on Tuesday.",
            "Former Sudanese President Omar al-Bashir arrived in the Netherlands on Tuesday to face charges of genocide.",
        ] {
            let evs = events(text);
            assert!(!evs.iter().any(|e| e.2 == "042"), "{text}: {evs:?}");
        }
        // Positive: a leader who flies to a state on his own visits it.
        let evs = events("Kenyan President William Ruto flew to the Netherlands on Tuesday.");
        assert!(evs.iter().any(|e| e.0 == "KENGOV" && e.1 == "NLD" && e.2 == "042"), "{evs:?}");
    }

    #[test]
    fn troops_sent_to_support_the_own_police_are_no_military_assistance() {
        let evs =
            events("Protests spread across Peru, and the Peruvian government sent the army to support the police.");
        assert!(!evs.iter().any(|e| e.2.starts_with("074")), "{evs:?}");
        // Positive: troops sent to support another state.
        let evs = events("France sent troops to support Chad against the rebels.");
        assert!(
            evs.iter().any(|e| e.0.starts_with("FRA") && e.1.starts_with("TCD") && e.2.starts_with("07")),
            "{evs:?}"
        );
    }

    #[test]
    fn a_retreat_from_a_place_yields_to_the_side_that_fought_there() {
        let evs = events(
            "Islamic State militants attacked the Iraqi city of Mosul on Monday. \
             The Iraqi army said its troops had withdrawn from the city to spare civilians.",
        );
        assert!(evs.iter().any(|e| e.0.starts_with("IRQ") && e.1.starts_with("IMG") && e.2 == "0874"), "{evs:?}");
        // Negative: no fight in the story, no side to yield to.
        let evs = events("The Iraqi army said its troops had withdrawn from the city after the floods.");
        assert!(!evs.iter().any(|e| e.2 == "0874"), "{evs:?}");
    }

    #[test]
    fn a_minister_and_her_counterpart_act_together() {
        let evs = events(
            "Indonesian Foreign Minister Retno Marsudi and her Malaysian counterpart signed a border agreement on Monday.",
        );
        assert!(evs.iter().any(|e| e.0 == "IDNGOV" && e.1 == "MYSGOV" && e.2 == "057"), "{evs:?}");
        assert!(evs.iter().any(|e| e.0 == "MYSGOV" && e.1 == "IDNGOV" && e.2 == "057"), "{evs:?}");
        // Negative: her own act toward another is still hers ("her visit" is no list).
        let evs = events("Indonesian Foreign Minister Retno Marsudi said her visit to Malaysia was useful.");
        assert!(!evs.iter().any(|e| e.0 == "MYSGOV"), "{evs:?}");
    }

    #[test]
    fn a_call_in_an_opening_phrase_is_between_the_teller_and_the_told() {
        let evs = events("In a telephone call on Friday, Erdogan told Putin that Turkey was ready to host talks.");
        assert!(evs.iter().any(|e| e.0 == "TURGOV" && e.1 == "RUSGOV" && e.2 == "041"), "{evs:?}");
        assert!(evs.iter().any(|e| e.0 == "RUSGOV" && e.1 == "TURGOV" && e.2 == "041"), "{evs:?}");
        // Negative: after the call, what one side says is no call with a third.
        let evs = events("After the call, Erdogan told reporters that Turkey was ready to host talks.");
        assert!(!evs.iter().any(|e| e.2 == "041"), "{evs:?}");
    }

    #[test]
    fn a_truce_brokered_by_a_third_state_is_between_the_parties_and_mediated_by_the_broker() {
        let evs = events("Armenia and Azerbaijan accepted a truce brokered by Russia on Friday.");
        for (s, t, c) in [("ARM", "AZE", "0871"), ("AZE", "ARM", "0871"), ("RUS", "ARM", "045"), ("RUS", "AZE", "045")]
        {
            assert!(evs.iter().any(|e| e.0 == s && e.1 == t && e.2 == c), "{s} {t} {c}: {evs:?}");
        }
        // Negative: the broker is no party of the truce.
        assert!(!evs.iter().any(|e| e.1 == "RUS" && e.2 == "0871"), "{evs:?}");
    }

    #[test]
    fn a_participle_after_an_object_noun_describes_it_and_is_no_act() {
        let story = "Sudan's army said on Monday it had shelled positions of the RSF in Darfur.";
        for line in [
            "The RSF said it had overrun a camp used by militias allied with the army.",
            "The RSF said it had targeted gunmen working with the army near the town.",
        ] {
            let evs = events(&format!("{story} {line}"));
            assert!(!evs.iter().any(|e| e.2.starts_with("05")), "{line}: {evs:?}");
        }
        // Positive: the clause's own subject and verb.
        let evs = events("Kenya said on Monday it was working with Ethiopia to secure the border.");
        assert!(evs.iter().any(|e| e.0 == "KEN" && e.1 == "ETH" && e.2.starts_with('0')), "{evs:?}");
    }
}
