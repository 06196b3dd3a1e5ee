//! Text analysis for news English: sentence splitting, tokens with byte spans, and lemmas.
//!
//! Everything here is rule-based and table-driven (our own tables): nothing is downloaded or loaded at run time.

use crate::document::Span;

const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mme", "Dr", "Gen", "Gens", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Pvt", "Adm",
    "Cmdr", "Cdr", "Brig", "Gov", "Sen", "Sens", "Rep", "Reps", "Rev", "Prof", "St", "Sr", "Jr", "Pres", "Amb", "Hon",
    "Supt", "Insp", "Det", "Atty", "Mt", "Ft", "Rt", "Fr", "Sheikh", "Gov", "Lt.-Gen", "Maj.-Gen",
];
const BEFORE_NUMBER: &[&str] = &[
    "No", "Nos", "no", "Art", "Vol", "vol", "p", "pp", "Fig", "ca", "approx", "vs", "v", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ch", "Sec", "Para", "para",
];
const COMPANY: &[&str] = &["Inc", "Ltd", "Corp", "Co", "Bros", "Plc", "plc", "Cos", "LLC", "etc", "al"];
const NEVER_END: &[&str] = &["e.g", "i.e", "cf", "viz"];
/// Words that start sentences often enough that an abbreviation before them ends the sentence.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "However",
    "Meanwhile",
    "Earlier",
    "Later",
    "After",
    "Before",
    "Last",
    "According",
    "Officials",
    "Mr",
    "Ms",
    "Mrs",
    "As",
    "If",
    "When",
    "While",
    "Since",
    "Both",
    "Some",
    "Many",
    "No",
    "Yet",
    "Still",
    "Also",
    "For",
    "From",
    "By",
    "With",
    "Under",
    "Separately",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '}')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

/// The word that ends right before byte `end` (letters, digits, internal dots and hyphens).
fn word_before(text: &str, end: usize) -> &str {
    let mut start = end;
    for (i, c) in text[..end].char_indices().rev() {
        if c.is_alphanumeric() || c == '.' || c == '-' {
            start = i;
        } else {
            break;
        }
    }
    text[start..end].trim_start_matches(['.', '-'])
}

/// The word that starts at byte `start` (letters only).
fn word_after(text: &str, start: usize) -> &str {
    let rest = &text[start..];
    let end = rest.char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

fn is_dotted_acronym(w: &str) -> bool {
    // U.S, U.N, a.m, E.U (the final dot is the candidate itself)
    let parts: Vec<&str> = w.split('.').collect();
    parts.len() >= 2 && parts.iter().all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// Whether the period at byte `dot` (followed by whitespace and then `next_start`) ends a sentence.
fn period_ends_sentence(text: &str, dot: usize, next_start: usize) -> bool {
    let w = word_before(text, dot);
    let next = word_after(text, next_start);
    let next_is_digit = text[next_start..].starts_with(|c: char| c.is_ascii_digit());
    if w.is_empty() {
        return true;
    }
    if TITLES.contains(&w) || NEVER_END.contains(&w) {
        return false;
    }
    if BEFORE_NUMBER.contains(&w) && next_is_digit {
        return false;
    }
    let single_upper = {
        let mut cs = w.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    };
    if single_upper {
        // An initial ("George W. Bush"), unless the next word plainly starts a sentence.
        return STARTERS.contains(&next) && next != "A";
    }
    if is_dotted_acronym(w) || COMPANY.contains(&w) {
        // "U.S. Under Secretary of State …": a title after a country's acronym, not a new sentence.
        if is_dotted_acronym(w) && next == "Under" && is_under_title(&text[next_start + next.len()..]) {
            return false;
        }
        return STARTERS.contains(&next);
    }
    true
}

/// Whether the text right after "Under" continues a title: "Under Secretary", "Under-Secretary-General".
fn is_under_title(rest: &str) -> bool {
    let rest = rest.strip_prefix('-').unwrap_or_else(|| rest.trim_start());
    let w = word_after(rest, 0);
    matches!(w, "Secretary" | "Secretaries" | "Sec")
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Splits running news text into sentence spans (byte offsets into `text`, trimmed of white space).
///
/// Handles abbreviations (U.S., Mr., Gen., No. 10, Jan. 5), decimals (3.5 percent), initials, closing quotes and
/// brackets after the full stop, paragraph breaks, and short headline lines without a full stop.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut cuts: Vec<usize> = Vec::new(); // byte offsets where a new sentence may begin
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut i = 0;
    let mut line_start = 0;
    while i < n {
        let (pos, c) = chars[i];
        if c == '\n' {
            // Paragraph break, or a headline line without terminal punctuation.
            let line = text[line_start..pos].trim();
            let mut j = i + 1;
            let mut blank = false;
            while j < n && chars[j].1.is_whitespace() {
                if chars[j].1 == '\n' {
                    blank = true;
                }
                j += 1;
            }
            if j < n && !line.is_empty() {
                let ends_open = !line.ends_with(|c: char| is_terminal(c) || is_closer(c));
                let next_c = chars[j].1;
                let headline = ends_open
                    && !line.ends_with([',', ';', ':', '-', '–'])
                    && (next_c.is_uppercase() || next_c.is_ascii_digit() || is_opener(next_c))
                    && (line.len() < 60 || is_title_case(line));
                if blank || headline {
                    cuts.push(chars[j].0);
                }
            }
            line_start = pos + 1;
            i += 1;
            continue;
        }
        if is_terminal(c) {
            // Run of terminal punctuation, then closers.
            let mut j = i + 1;
            while j < n && (is_terminal(chars[j].1) || is_closer(chars[j].1)) {
                j += 1;
            }
            let ws_start = j;
            while j < n && chars[j].1.is_whitespace() {
                j += 1;
            }
            if j == ws_start || j >= n {
                i = j.max(i + 1);
                continue;
            }
            let next_c = chars[j].1;
            let starts = next_c.is_uppercase() || next_c.is_ascii_digit() || is_opener(next_c);
            let ok = starts
                && match c {
                    '.' => period_ends_sentence(text, pos, chars[j].0),
                    _ => true,
                };
            if ok {
                cuts.push(chars[j].0);
            }
            i = ws_start;
            continue;
        }
        i += 1;
    }
    let mut spans = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    cuts.dedup();
    for cut in cuts.into_iter().chain(std::iter::once(text.len())) {
        if let Some(span) = trimmed(text, start, cut) {
            spans.push(span);
        }
        start = cut;
    }
    spans
}

fn is_title_case(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().filter(|w| w.len() > 3).collect();
    if words.is_empty() {
        return true;
    }
    let caps = words.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
    caps * 10 >= words.len() * 6
}

fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() {
        None
    } else {
        Some(Span::new(start + lead, start + lead + t.len()))
    }
}

/// A wire dateline at the start of a story's first sentence: "KYIV, March 20 (Reuters) - ", "WASHINGTON (AP) — ",
/// "BEIJING, Jan. 5 (Xinhua) -- ", "UNITED NATIONS - ", "Kyiv, Ukraine, May 2 – ". Returns the byte length of
/// the dateline with its dash and the space after it, so the sentence proper starts there; `None` when the text
/// does not open with one.
///
/// A dateline is a place (one to five capitalised words, then optionally a region after a comma), a date, an
/// agency in brackets, then a dash. Without a date or an agency the place must be in capitals ("ISTANBUL - "), so
/// that "Russia - which denies it - said …" or "Kyiv - Moscow talks" stay sentences; what follows the dash must
/// start like a sentence and hold a lower-case word, so a capitals headline ("CHINA - BELARUS TALKS") is left alone.
pub fn dateline_len(text: &str) -> Option<usize> {
    // The first dash with white space after it, within the first 120 bytes.
    let limit = text.len().min(120);
    let mut sep = None;
    for (i, c) in text.char_indices() {
        if i >= limit {
            break;
        }
        if matches!(c, '-' | '—' | '–') {
            let mut j = i + c.len_utf8();
            if c == '-' && text[j..].starts_with('-') {
                j += 1;
            }
            let before_ok = text[..i].ends_with([' ', ')']);
            let after = &text[j..];
            if before_ok && after.starts_with(char::is_whitespace) {
                sep = Some((i, j));
                break;
            }
            if !before_ok {
                continue;
            }
            return None; // "(AP)-X" or " -X": not a dateline dash
        }
        if matches!(c, '!' | '?' | ';' | '"' | '“') {
            return None; // a sentence, not a dateline, comes first
        }
    }
    let (dash, after_dash) = sep?;
    let rest = text[after_dash..].trim_start();
    let first = rest.chars().next()?;
    if !(first.is_uppercase() || first.is_ascii_digit() || is_opener(first)) || !rest.chars().any(char::is_lowercase) {
        return None;
    }
    let mut head = text[..dash].trim_end();
    // "(Reuters)", "(AP)", "(Xinhua)": one to four words in brackets at the end.
    let mut agency = false;
    if head.ends_with(')') {
        let open = head.rfind('(')?;
        let inner = &head[open + 1..head.len() - 1];
        let words = inner.split_whitespace().count();
        if !(1..=4).contains(&words)
            || !inner.starts_with(char::is_alphabetic)
            || !inner.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '&' | '-' | '\''))
        {
            return None;
        }
        agency = true;
        head = head[..open].trim_end();
    }
    if head.is_empty() {
        return agency.then_some(text.len() - rest.len());
    }
    let mut parts = head.split(',').map(str::trim);
    let place = parts.next()?;
    let mut dated = false;
    for part in parts {
        if is_dateline_date(part) {
            dated = true;
        } else if dated || !is_capitalised_words(part, 5) {
            return None;
        }
    }
    let caps = place.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && place.split_whitespace().all(|w| !w.chars().any(char::is_lowercase));
    // Joint datelines name two or three places ("NEW DELHI/ISLAMABAD", "TEL AVIV/GAZA").
    let places: Vec<&str> = place.split('/').map(str::trim).collect();
    if places.len() > 3 || !places.iter().all(|p| is_capitalised_words(p, 5)) || !(caps || dated || agency) {
        return None;
    }
    Some(text.len() - rest.len())
}

/// One to `max` words, each starting with a capital letter (or "of", "the", "and", "de", "al" inside a name).
fn is_capitalised_words(s: &str, max: usize) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= max
        && words.first().is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
                && (w.starts_with(char::is_uppercase)
                    || matches!(*w, "of" | "the" | "and" | "de" | "al" | "el" | "la" | "es"))
        })
}

/// Days of the week, lower case (dates in datelines and in sentences: "on Tuesday").
pub(crate) const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
/// The months' first three letters, lower case ("Jan. 5", "March 20").
pub(crate) const MONTH_ABBR: &[&str] =
    &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// "March 20", "Jan. 5", "5 May", "Monday", "2025", "March 20 2025".
fn is_dateline_date(s: &str) -> bool {
    let words: Vec<String> = s.split_whitespace().map(|w| w.trim_end_matches('.').to_lowercase()).collect();
    if words.is_empty() || words.len() > 3 {
        return false;
    }
    let month =
        |w: &str| w.len() >= 3 && MONTH_ABBR.iter().any(|m| w.starts_with(m)) && w.chars().all(char::is_alphabetic);
    let number = |w: &str| !w.is_empty() && w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit());
    words.iter().any(|w| month(w) || WEEKDAYS.contains(&w.as_str()) || (w.len() == 4 && number(w)))
        && words.iter().all(|w| month(w) || WEEKDAYS.contains(&w.as_str()) || number(w))
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with internal apostrophes or dots, as in "don't", "U.S.").
    Word,
    /// Digits, with internal `.` or `,` ("3.5", "1,000").
    Number,
    /// Anything else, one character at a time.
    Punct,
}

/// A token: a byte span into the text it was cut from, and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// The token's bytes in the text.
    pub span: Span,
    /// The kind of token.
    pub kind: TokenKind,
}

/// Cuts `text` into tokens. Possessive `'s` is its own token; hyphens between words are tokens of their own.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let b = text.as_bytes();
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut end = start + c.len_utf8();
            let mut all_digits = numeric;
            while let Some(&(p, d)) = it.peek() {
                if d.is_alphanumeric() {
                    all_digits &= d.is_ascii_digit();
                    end = p + d.len_utf8();
                    it.next();
                    continue;
                }
                let next = text[p + d.len_utf8()..].chars().next();
                let next_alnum = next.is_some_and(char::is_alphanumeric);
                let joins = match d {
                    '.' | ',' if all_digits => next.is_some_and(|n| n.is_ascii_digit()),
                    '.' => next_alnum && is_acronym_so_far(&text[start..end]),
                    '\'' | '’' => {
                        let rest = &text[p + d.len_utf8()..];
                        // "don't", "O'Brien" join; a possessive 's does not.
                        let possessive = rest.starts_with(['s', 'S']) && !rest[1..].starts_with(char::is_alphanumeric);
                        next_alnum && !possessive
                    }
                    _ => false,
                };
                if joins {
                    end = p + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            // A trailing dot belongs to acronyms and known abbreviations.
            if end < b.len() && b[end] == b'.' {
                let w = &text[start..end];
                let short_upper = w.len() == 1 && w.chars().all(char::is_uppercase);
                if short_upper || w.contains('.') || TITLES.contains(&w) || BEFORE_NUMBER.contains(&w) && w.len() > 1 {
                    end += 1;
                    it.next();
                }
            }
            let kind = if all_digits { TokenKind::Number } else { TokenKind::Word };
            out.push(Token { span: Span::new(start, end), kind });
        } else if (c == '\'' || c == '’')
            && text[start + c.len_utf8()..].starts_with(['s', 'S'])
            && {
                let after = &text[start + c.len_utf8() + 1..];
                !after.starts_with(char::is_alphanumeric)
            }
            && start > 0
        {
            // possessive 's
            let end = start + c.len_utf8() + 1;
            it.next();
            out.push(Token { span: Span::new(start, end), kind: TokenKind::Word });
        } else {
            out.push(Token { span: Span::new(start, start + c.len_utf8()), kind: TokenKind::Punct });
        }
    }
    out
}

fn is_acronym_so_far(w: &str) -> bool {
    w.split('.').all(|p| p.chars().count() == 1)
}

/// Irregular forms and their lemmas (our own table: verbs of political news, irregular plurals).
const IRREGULAR: &[(&str, &str)] = &[
    // Nouns in -ing that are no verb forms.
    ("nothing", "nothing"),
    ("something", "something"),
    ("anything", "anything"),
    ("everything", "everything"),
    // Adjectives, nouns and prepositions in -ing whose stem is no verb of theirs (stripped, "willing" would be
    // "will", "evening" "even", "during" "dur"). Short ones ("king", "thing", "spring") are kept whole anyway.
    ("willing", "willing"),
    ("unwilling", "unwilling"),
    ("ongoing", "ongoing"),
    ("upcoming", "upcoming"),
    ("outgoing", "outgoing"),
    ("incoming", "incoming"),
    ("forthcoming", "forthcoming"),
    ("outstanding", "outstanding"),
    ("cunning", "cunning"),
    ("evening", "evening"),
    ("evenings", "evening"),
    ("morning", "morning"),
    ("mornings", "morning"),
    ("ceiling", "ceiling"),
    ("ceilings", "ceiling"),
    ("sibling", "sibling"),
    ("siblings", "sibling"),
    ("sterling", "sterling"),
    ("lightning", "lightning"),
    ("offspring", "offspring"),
    ("inkling", "inkling"),
    ("during", "during"),
    ("notwithstanding", "notwithstanding"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("overran", "overrun"),
    ("shot", "shoot"),
    ("burnt", "burn"),
    ("sued", "sue"),
    ("suing", "sue"),
    ("is", "be"),
    ("are", "be"),
    ("was", "be"),
    ("were", "be"),
    ("been", "be"),
    ("am", "be"),
    ("being", "be"),
    ("has", "have"),
    ("had", "have"),
    ("having", "have"),
    ("does", "do"),
    ("did", "do"),
    ("done", "do"),
    ("said", "say"),
    ("says", "say"),
    ("met", "meet"),
    ("made", "make"),
    ("took", "take"),
    ("taken", "take"),
    ("held", "hold"),
    ("gave", "give"),
    ("given", "give"),
    ("went", "go"),
    ("gone", "go"),
    ("goes", "go"),
    ("came", "come"),
    ("saw", "see"),
    ("seen", "see"),
    ("told", "tell"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("sought", "seek"),
    ("brought", "bring"),
    ("thought", "think"),
    ("fought", "fight"),
    ("struck", "strike"),
    ("stricken", "strike"),
    ("shot", "shoot"),
    ("won", "win"),
    ("led", "lead"),
    ("left", "leave"),
    ("sent", "send"),
    ("kept", "keep"),
    ("began", "begin"),
    ("begun", "begin"),
    ("became", "become"),
    ("broke", "break"),
    ("broken", "break"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("wrote", "write"),
    ("written", "write"),
    ("ran", "run"),
    ("beaten", "beat"),
    ("built", "build"),
    ("paid", "pay"),
    ("laid", "lay"),
    ("sold", "sell"),
    ("understood", "understand"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("stood", "stand"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("shook", "shake"),
    ("shaken", "shake"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("undertook", "undertake"),
    ("undertaken", "undertake"),
    ("overthrew", "overthrow"),
    ("overthrown", "overthrow"),
    ("arose", "arise"),
    ("arisen", "arise"),
    ("felt", "feel"),
    ("fled", "flee"),
    ("found", "find"),
    ("heard", "hear"),
    ("lost", "lose"),
    ("meant", "mean"),
    ("spent", "spend"),
    ("bought", "buy"),
    ("caught", "catch"),
    ("taught", "teach"),
    ("dealt", "deal"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("slew", "slay"),
    ("slain", "slay"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("woke", "wake"),
    ("knew", "know"),
    ("known", "know"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("ate", "eat"),
    ("eaten", "eat"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("got", "get"),
    ("gotten", "get"),
    ("lent", "lend"),
    ("bound", "bind"),
    ("bent", "bend"),
    ("dug", "dig"),
    ("fed", "feed"),
    ("forgot", "forget"),
    ("forgotten", "forget"),
    ("overtook", "overtake"),
    ("overtaken", "overtake"),
    ("oversaw", "oversee"),
    ("overseen", "oversee"),
    ("upheld", "uphold"),
    ("withheld", "withhold"),
    ("foresaw", "foresee"),
    ("foreseen", "foresee"),
    ("mislead", "mislead"),
    ("misled", "mislead"),
    ("rebuilt", "rebuild"),
    ("retook", "retake"),
    ("retaken", "retake"),
    ("stuck", "stick"),
    ("swept", "sweep"),
    ("sped", "speed"),
    ("spun", "spin"),
    ("struck", "strike"),
    ("strove", "strive"),
    ("striven", "strive"),
    ("shut", "shut"),
    ("quit", "quit"),
    ("wept", "weep"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("people", "people"),
    ("crises", "crisis"),
    ("analyses", "analysis"),
    ("bases", "base"),
    ("theses", "thesis"),
    ("media", "media"),
    ("data", "data"),
    ("police", "police"),
    ("news", "news"),
    ("series", "series"),
    ("species", "species"),
    ("leaves", "leaf"),
    ("lives", "life"),
    ("wives", "wife"),
    ("thieves", "thief"),
    ("halves", "half"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("indices", "index"),
    ("criteria", "criterion"),
    ("us", "us"),
    ("his", "his"),
    ("its", "its"),
    ("this", "this"),
    ("thus", "thus"),
    ("as", "as"),
    ("was", "be"),
    ("always", "always"),
    ("perhaps", "perhaps"),
    ("whereas", "whereas"),
    ("afterwards", "afterwards"),
    ("towards", "towards"),
    ("ties", "tie"),
    ("lies", "lie"),
    ("dies", "die"),
    ("died", "die"),
    ("lied", "lie"),
    ("tied", "tie"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("economics", "economics"),
    ("politics", "politics"),
    ("talks", "talks"),
    ("arms", "arms"),
    ("forces", "force"),
    ("sanctions", "sanction"),
    ("expelled", "expel"),
    ("expelling", "expel"),
    ("cancelled", "cancel"),
    ("cancelling", "cancel"),
    ("controlled", "control"),
    ("controlling", "control"),
    ("patrolled", "patrol"),
    ("patrolling", "patrol"),
    ("compelled", "compel"),
    ("compelling", "compel"),
    ("propelled", "propel"),
    ("propelling", "propel"),
    ("repelled", "repel"),
    ("repelling", "repel"),
    ("labelled", "label"),
    ("labelling", "label"),
    ("travelled", "travel"),
    ("travelling", "travel"),
    ("signalled", "signal"),
    ("signalling", "signal"),
    ("fuelled", "fuel"),
    ("fuelling", "fuel"),
    ("modelled", "model"),
    ("modelling", "model"),
    ("quarrelled", "quarrel"),
    ("quarrelling", "quarrel"),
    ("rebelled", "rebel"),
    ("rebelling", "rebel"),
    ("excelled", "excel"),
    ("excelling", "excel"),
    ("dispelled", "dispel"),
    ("dispelling", "dispel"),
    ("annulled", "annul"),
    ("annulling", "annul"),
    ("enrolled", "enrol"),
    ("enrolling", "enrol"),
];

/// Verbs whose lemma ends in a silent `e` after a consonant (our own list), so that "praised" and "praising" give
/// "praise". Other words fall back to dropping the suffix.
const E_VERBS: &[&str] = &[
    "accuse",
    "advocate",
    "announce",
    "approve",
    "argue",
    "arrive",
    "cease",
    "celebrate",
    "charge",
    "close",
    "combine",
    "complete",
    "continue",
    "cooperate",
    "coordinate",
    "create",
    "damage",
    "debate",
    "declare",
    "decline",
    "decrease",
    "deplore",
    "deprecate",
    "deserve",
    "devote",
    "dispute",
    "divide",
    "elevate",
    "emerge",
    "encourage",
    "engage",
    "enhance",
    "ensure",
    "escalate",
    "evacuate",
    "exchange",
    "excuse",
    "execute",
    "expire",
    "explode",
    "face",
    "force",
    "free",
    "guarantee",
    "hope",
    "ignore",
    "impose",
    "improve",
    "increase",
    "indicate",
    "initiate",
    "injure",
    "investigate",
    "invite",
    "involve",
    "issue",
    "judge",
    "liberate",
    "like",
    "live",
    "locate",
    "make",
    "manage",
    "mediate",
    "move",
    "negotiate",
    "note",
    "oppose",
    "organize",
    "organise",
    "participate",
    "pledge",
    "praise",
    "prepare",
    "promise",
    "promote",
    "propose",
    "prosecute",
    "provide",
    "provoke",
    "pursue",
    "raise",
    "receive",
    "reduce",
    "refuse",
    "release",
    "relocate",
    "remove",
    "resume",
    "retire",
    "retaliate",
    "revoke",
    "ridicule",
    "rule",
    "sabotage",
    "salute",
    "secure",
    "seize",
    "serve",
    "share",
    "stabilize",
    "state",
    "strike",
    "subjugate",
    "take",
    "terminate",
    "threaten",
    "trade",
    "tolerate",
    "unite",
    "urge",
    "use",
    "violate",
    "vote",
    "welcome",
    "write",
    "abuse",
    "acknowledge",
    "agree",
    "analyze",
    "analyse",
    "assume",
    "balance",
    "blame",
    "bridge",
    "capture",
    "chase",
    "compare",
    "compete",
    "compromise",
    "condone",
    "confiscate",
    "consolidate",
    "criticize",
    "criticise",
    "decide",
    "define",
    "delegate",
    "demonstrate",
    "denounce",
    "deprive",
    "describe",
    "determine",
    "disagree",
    "disclose",
    "double",
    "eliminate",
    "embrace",
    "endorse",
    "estimate",
    "evaluate",
    "exclude",
    "expose",
    "facilitate",
    "fire",
    "generate",
    "give",
    "graduate",
    "handle",
    "illustrate",
    "imagine",
    "implicate",
    "incite",
    "include",
    "integrate",
    "intimidate",
    "isolate",
    "leave",
    "legislate",
    "lure",
    "massacre",
    "merge",
    "mobilize",
    "mobilise",
    "notice",
    "obligate",
    "operate",
    "outrage",
    "persecute",
    "persuade",
    "place",
    "pressure",
    "prize",
    "produce",
    "pronounce",
    "purchase",
    "realize",
    "recognize",
    "recognise",
    "reconcile",
    "regulate",
    "reinforce",
    "reiterate",
    "renounce",
    "replace",
    "rescue",
    "resolve",
    "restore",
    "reverse",
    "revise",
    "sacrifice",
    "schedule",
    "separate",
    "shape",
    "shore",
    "solve",
    "stage",
    "storm",
    "suppose",
    "surrender",
    "survive",
    "telephone",
    "tire",
    "torture",
    "tribute",
    "underline",
    "undermine",
    "update",
    "value",
    "vaccinate",
    "wage",
];

fn irregular() -> &'static std::collections::HashMap<&'static str, &'static str> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<&str, &str>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| IRREGULAR.iter().copied().collect())
}

fn e_verbs() -> &'static std::collections::HashSet<&'static str> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| E_VERBS.iter().copied().collect())
}

/// The lemma of `word`: lower-cased, with irregular forms looked up and regular -s, -es, -ies, -ed and -ing removed.
/// It knows no part of speech, so it treats any word as a possible verb or plural noun.
pub fn lemma(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 1);
    lemma_into(word, &mut out);
    out
}

/// What a word's lemma is made of: a fixed word, or a piece of the lower-cased word plus a suffix.
enum Parts<'a> {
    Fixed(&'static str),
    Stem(&'a str, &'static str),
}

/// Appends the lemma of `word` to `out` (see [`lemma`]), without allocating for ASCII words of up to 64 bytes.
pub fn lemma_into(word: &str, out: &mut String) {
    let mut buf = [0u8; 64];
    let lowered: std::borrow::Cow<'_, str> = if word.is_ascii() && word.len() <= buf.len() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        std::borrow::Cow::Borrowed(std::str::from_utf8(b).expect("ASCII stays UTF-8"))
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    };
    match lemma_parts(&lowered) {
        Parts::Fixed(l) => out.push_str(l),
        Parts::Stem(stem, suffix) => {
            out.push_str(stem);
            out.push_str(suffix);
        }
    }
}

/// Whether `stem` + "e" is a verb with a silent e ("praised" → "praise", "negotiating" → "negotiate").
fn takes_e(stem: &str) -> bool {
    let mut buf = [0u8; 64];
    if stem.len() + 1 > buf.len() {
        return false;
    }
    buf[..stem.len()].copy_from_slice(stem.as_bytes());
    buf[stem.len()] = b'e';
    let with_e = std::str::from_utf8(&buf[..stem.len() + 1]).unwrap_or("");
    if e_verbs().contains(with_e) {
        return true;
    }
    // Endings that English spells with a silent e: -ate after a consonant ("congratulated", "negotiating"),
    // -ize/-ise/-yze, -ve, -uce, -rce.
    let b = stem.as_bytes();
    let k = b.len();
    let vowel = |c: u8| b"aeiou".contains(&c);
    k >= 4
        && ((stem.ends_with("at") && !vowel(b[k - 3]) || stem.ends_with("iat"))
            || stem.ends_with("iz")
            || stem.ends_with("yz")
            || (stem.ends_with('v') && !stem.ends_with("vv"))
            || stem.ends_with("uc")
            || stem.ends_with("rc"))
}

/// A doubled final consonant undone ("committ" → "commit"), except l, s, f, z ("call", "pass").
fn undouble(stem: &str) -> &str {
    let b = stem.as_bytes();
    let k = b.len();
    if k >= 4 && b[k - 1] == b[k - 2] && !matches!(b[k - 1], b'l' | b's' | b'f' | b'z' | b'e' | b'o') {
        &stem[..k - 1]
    } else {
        stem
    }
}

fn lemma_parts(w: &str) -> Parts<'_> {
    if let Some(l) = irregular().get(w) {
        return Parts::Fixed(l);
    }
    let n = w.len();
    let whole = Parts::Stem(w, "");
    if !w.is_ascii() || n <= 3 {
        return whole;
    }
    let e_or_undouble = |stem| if takes_e(stem) { Parts::Stem(stem, "e") } else { Parts::Stem(undouble(stem), "") };
    if let Some(stem) = w.strip_suffix("ies").filter(|_| n > 4) {
        return Parts::Stem(stem, "y");
    }
    if let Some(stem) = w.strip_suffix("ied").filter(|_| n > 4) {
        return Parts::Stem(stem, "y");
    }
    if let Some(stem) = w.strip_suffix("ing") {
        if stem.len() >= 3 && stem.bytes().any(|c| b"aeiouy".contains(&c)) {
            return e_or_undouble(stem);
        }
        return whole;
    }
    if w.ends_with("eed") {
        // "agreed", "freed" are -ed forms; "need", "heed", "speed", "proceed" are not.
        let stem = &w[..n - 1];
        return if e_verbs().contains(stem) { Parts::Stem(stem, "") } else { whole };
    }
    if let Some(stem) = w.strip_suffix("ed") {
        if stem.len() >= 2 {
            if takes_e(stem) {
                return Parts::Stem(stem, "e");
            }
            if e_verbs().contains(stem) {
                return Parts::Stem(stem, ""); // "agreed" → "agree"
            }
            return Parts::Stem(undouble(stem), "");
        }
        return whole;
    }
    if let Some(stem) = w.strip_suffix("es") {
        if ["ss", "sh", "ch", "x", "z"].iter().any(|s| stem.ends_with(s)) || (stem.ends_with('o') && stem.len() >= 3) {
            return Parts::Stem(stem, "");
        }
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return Parts::Stem(&w[..n - 1], "");
    }
    whole
}

/// FNV-1a for short strings (lemmas and pattern words, hashed at every token): the standard SipHash is built for
/// untrusted keys, which dictionary words are not. Shared by the coder and the facts finder.
#[derive(Default, Clone, Copy)]
pub(crate) struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type BuildFnv = std::hash::BuildHasherDefault<FnvHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split_sentences(text).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents("The U.S. and Mr. Putin met Gen. Jones at No. 10 Downing Street on Jan. 5. Talks went on."),
            vec!["The U.S. and Mr. Putin met Gen. Jones at No. 10 Downing Street on Jan. 5.", "Talks went on."]
        );
    }

    #[test]
    fn decimals_and_initials() {
        assert_eq!(
            sents("Growth was 3.5 percent. George W. Bush spoke. J. K. Rowling did not."),
            vec!["Growth was 3.5 percent.", "George W. Bush spoke.", "J. K. Rowling did not."]
        );
    }

    #[test]
    fn acronym_at_sentence_end() {
        assert_eq!(
            sents("Russia expelled diplomats from the U.S. The move angered Washington."),
            vec!["Russia expelled diplomats from the U.S.", "The move angered Washington."]
        );
        assert_eq!(sents("The U.S. Senate voted."), vec!["The U.S. Senate voted."]);
        assert_eq!(
            sents("U.S. Under Secretary of State Lena Moss met her Chinese host. U.N. Under-Secretary-General Ali Dee spoke."),
            vec![
                "U.S. Under Secretary of State Lena Moss met her Chinese host.",
                "U.N. Under-Secretary-General Ali Dee spoke."
            ]
        );
        // "Under" still opens a sentence when no title follows.
        assert_eq!(
            sents("Talks stalled in the U.S. Under the plan, tariffs rise."),
            vec!["Talks stalled in the U.S.", "Under the plan, tariffs rise."]
        );
    }

    #[test]
    fn quotes_and_parentheses() {
        assert_eq!(
            sents("\"We will respond,\" he said. \"It is war.\" Officials left. (The talks ended.) Then silence."),
            vec![
                "\"We will respond,\" he said.",
                "\"It is war.\"",
                "Officials left.",
                "(The talks ended.)",
                "Then silence."
            ]
        );
        assert_eq!(sents("Is it over? Yes! It is."), vec!["Is it over?", "Yes!", "It is."]);
    }

    #[test]
    fn headlines_and_paragraphs() {
        assert_eq!(
            sents("Xi Speaks With Lukashenko\nPresident Xi held a call on Monday.\n\nThey agreed"),
            vec!["Xi Speaks With Lukashenko", "President Xi held a call on Monday.", "They agreed"]
        );
        // A hard-wrapped line is not a headline.
        let wrapped = "The foreign ministers of the two countries met in Minsk on Tuesday and\nDiscussed trade.";
        assert_eq!(sents(wrapped).len(), 1);
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(sents("He arrived at 5 p.m. on Monday."), vec!["He arrived at 5 p.m. on Monday."]);
        assert_eq!(sents("Acme Inc. said it would sue."), vec!["Acme Inc. said it would sue."]);
    }

    #[test]
    fn tokens_have_spans() {
        let text = "Belarus' leader met Xi's envoy in the U.S. on 3.5 days, 1,000 troops; China-Belarus don't.";
        let toks: Vec<&str> = tokenize(text).iter().map(|t| &text[t.span.start..t.span.end]).collect();
        assert_eq!(
            toks,
            vec![
                "Belarus", "'", "leader", "met", "Xi", "'s", "envoy", "in", "the", "U.S.", "on", "3.5", "days", ",",
                "1,000", "troops", ";", "China", "-", "Belarus", "don't", "."
            ]
        );
    }

    #[test]
    fn lemmas() {
        for (w, l) in [
            ("attacked", "attack"),
            ("nothing", "nothing"),
            ("praised", "praise"),
            ("agreed", "agree"),
            ("countries", "country"),
            ("sanctions", "sanction"),
            ("talks", "talks"),
            ("held", "hold"),
            ("committed", "commit"),
            ("promised", "promise"),
            ("called", "call"),
            ("making", "make"),
            ("hitting", "hit"),
            ("visiting", "visit"),
            ("taxes", "tax"),
            ("expelled", "expel"),
            ("Accused", "accuse"),
            ("meets", "meet"),
            ("allies", "ally"),
            ("crisis", "crisis"),
        ] {
            assert_eq!(lemma(w), l, "{w}");
        }
    }

    #[test]
    fn ing_words_that_are_no_verb_forms_keep_their_lemma() {
        for (w, l) in [
            ("willing", "willing"),
            ("Willing", "willing"),
            ("unwilling", "unwilling"),
            ("evening", "evening"),
            ("mornings", "morning"),
            ("during", "during"),
            ("ongoing", "ongoing"),
            ("upcoming", "upcoming"),
            ("ceiling", "ceiling"),
            // Short ones were whole already.
            ("king", "king"),
            ("thing", "thing"),
            ("spring", "spring"),
            ("wing", "wing"),
            // Verb forms still lose their -ing, nouns of acts included ("the meeting", "the killing").
            ("meeting", "meet"),
            ("killing", "kill"),
            ("shelling", "shell"),
            ("ruling", "rule"),
            ("building", "build"),
            ("leading", "lead"),
            ("willingly", "willingly"),
            ("will", "will"),
        ] {
            assert_eq!(lemma(w), l, "{w}");
        }
    }

    #[test]
    fn datelines_are_found_and_sentences_are_not() {
        fn skip(s: &str) -> Option<&str> {
            dateline_len(s).map(|n| &s[n..])
        }
        assert_eq!(skip("KYIV, March 20 (Reuters) - Russia launched 90 drones."), Some("Russia launched 90 drones."));
        assert_eq!(
            skip("WASHINGTON (AP) — President Trump imposed tariffs."),
            Some("President Trump imposed tariffs.")
        );
        assert_eq!(skip("BEIJING, Jan. 5 (Xinhua) -- Xi held talks with Putin."), Some("Xi held talks with Putin."));
        assert_eq!(
            skip("UNITED NATIONS - The Security Council met on Monday."),
            Some("The Security Council met on Monday.")
        );
        assert_eq!(
            skip("ISTANBUL – Turkish police detained 50 protesters."),
            Some("Turkish police detained 50 protesters.")
        );
        assert_eq!(skip("Kyiv, Ukraine, May 2 – Russia struck Kharkiv."), Some("Russia struck Kharkiv."));
        assert_eq!(skip("KYIV, Ukraine (AP) — Russia struck Kharkiv."), Some("Russia struck Kharkiv."));
        assert_eq!(skip("(Reuters) - Russia struck Kharkiv."), Some("Russia struck Kharkiv."));
        assert_eq!(skip("Kinshasa, 3 March 2025 - Rebels seized the town."), Some("Rebels seized the town."));
        assert_eq!(
            skip("RIGA/VILNIUS, Feb 3 (Reuters) - Latvia expelled a diplomat."),
            Some("Latvia expelled a diplomat.")
        );
        assert_eq!(skip("SAN JOSE/MANAGUA (AP) — Costa Rica protested."), Some("Costa Rica protested."));
        assert_eq!(
            skip("BUKAVU, Democratic Republic of Congo, May 4 (Reuters) - Rebels took the town."),
            Some("Rebels took the town.")
        );
        assert_eq!(skip("Kyiv/Moscow Talks - Russia walked out."), None);

        // Joint datelines, and a country of several words after the city.
        assert_eq!(skip("ABUJA/NIAMEY, June 3 (Reuters) - Niger shut its border."), Some("Niger shut its border."));
        assert_eq!(
            skip("BUKAVU, Democratic Republic of the Congo, May 4 (Reuters) - Rebels seized the town."),
            Some("Rebels seized the town.")
        );
        // Sentences that are not datelines.
        for s in [
            "Russia - which denies it - said the drones were Ukrainian.",
            "NATO — the alliance formed in 1949 — met in The Hague.",
            "Kyiv - Moscow talks resumed on Monday.",
            "CHINA - BELARUS TALKS",
            "The minister said - without giving details - that talks would resume.",
            "Russia launched 90 drones at Ukraine overnight, the air force said.",
            "Mr. Smith - a diplomat - said so.",
            "Hamas (the group that rules Gaza) - said nothing.",
            "KYIV (Reuters)-Russia struck Kharkiv.",
            "Kenya/Uganda - the border talks resumed.",
            "Bosnia and the Serb Republic - talks resumed on Monday.",
        ] {
            assert_eq!(dateline_len(s), None, "{s}");
        }
    }
}
