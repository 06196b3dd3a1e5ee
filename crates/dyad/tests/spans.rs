//! Property test over random text: the splitter, the tokenizer, the actor matcher and the coder never panic, and
//! every span they return lies inside the text, on character boundaries, inside its sentence.

use dyad::coder::Coder;
use dyad::dict::Dictionaries;
use dyad::text::{split_sentences, tokenize};
use dyad::Document;

/// A small deterministic generator (xorshift), so that failures are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "China",
    "Belarus",
    "Xi Jinping",
    "Lukashenko",
    "the two sides",
    "President",
    "Russia's",
    "Defence Ministry",
    "U.S.",
    "Mr.",
    "Gen.",
    "No. 10",
    "Jan. 5",
    "3.5",
    "percent",
    "said",
    "attacked",
    "met",
    "with",
    "and",
    "not",
    "will",
    "if",
    "He",
    "She",
    "I",
    "you",
    "they",
    "police",
    "protesters",
    "Kyiv",
    "UN",
    "NATO",
    "’s",
    "'s",
    "-",
    "–",
    "—",
    ",",
    ".",
    "!",
    "?",
    ";",
    ":",
    "\"",
    "“",
    "”",
    "(",
    ")",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "é",
    "中国",
    "🙂",
    "Ünïcödé",
    "\t",
    "…",
    "on Tuesday",
    "last week",
    "January 10",
    "the",
    "a",
    "of",
    "Chinese medicine",
    "China-Europe Railway Express",
    "killing 20",
    "at least",
    "refused to",
    "called on",
    "to",
    "visit",
    "sanctions",
    "Congo",
    "Gaza",
    "officials",
    "which",
    "who",
    "",
    "0",
    "12,000",
    "I.",
    "A.",
    "e.g.",
    "etc.",
];

fn random_text(rng: &mut Rng) -> String {
    let n = 1 + (rng.next() % 60) as usize;
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(rng.pick(PIECES));
        if rng.next() % 3 == 0 {
            s.push(' ');
        }
    }
    s
}

#[test]
fn random_text_never_breaks_spans() {
    let coder = Coder::new(Dictionaries::builtin().unwrap()).unwrap().with_hypothetical(true);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for case in 0..2000 {
        let text = random_text(&mut rng);
        for s in split_sentences(&text) {
            assert!(s.start < s.end && s.end <= text.len(), "case {case}: {text:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        for t in tokenize(&text) {
            assert!(
                t.span.end <= text.len() && text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end)
            );
        }
        let mut doc = Document::from_text(format!("r{case}"), Some("China and Russia: a title"), &text);
        doc.date = Some("2022-01-05".parse().unwrap());
        let coded = coder.code(&doc);
        let seg_of = |sentence: Option<usize>| match sentence {
            Some(i) => doc.sentence_spans()[i],
            None => doc.title_span().unwrap(),
        };
        for m in &coded.mentions {
            let seg = seg_of(m.sentence);
            assert!(seg.start <= m.span.start && m.span.end <= seg.end, "case {case}: mention outside its sentence");
            let _ = doc.slice(m.span); // on char boundaries, or this panics
        }
        for e in &coded.events {
            let seg = seg_of(e.sentence);
            assert!(seg.start <= e.evidence.start && e.evidence.end <= seg.end, "case {case}: evidence outside");
            let _ = doc.slice(e.evidence);
            assert!(dyad::codebook::Codebook::get().info(&e.code).is_some(), "case {case}: unknown code {}", e.code);
        }
    }
}
