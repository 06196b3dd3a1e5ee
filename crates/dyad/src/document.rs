//! The document model: one [`Document`] owns its text; the title and the sentences are byte [`Span`]s into it.

use crate::date::Date;
use crate::text;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span moved `by` bytes to the right.
    pub fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

/// Where a document came from: a file (or `-`) and the 1-based line it starts on.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Origin {
    /// The path as given, `-` for standard input.
    pub file: String,
    /// The line the document starts on.
    pub line: u64,
}

/// One article. Its text holds the title (if any) and then the sentences, each a span into the text.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Document {
    /// The document's identifier (`Article Number`, the JSON `id`, or the file name).
    pub id: String,
    /// The publication date, when known.
    pub date: Option<Date>,
    /// Source URL, when known.
    pub url: Option<String>,
    /// Publisher, when known.
    pub publisher: Option<String>,
    /// Where the document was read from.
    pub origin: Option<Origin>,
    text: String,
    title: Option<Span>,
    sentences: Vec<Span>,
    /// A wire dateline opening the first sentence ("KYIV, March 20 (Reuters) -"), which is not coded.
    dateline: Option<Span>,
}

/// A part of a document that is coded on its own: the title or one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment<'a> {
    /// `None` for the title, else the 0-based sentence index.
    pub sentence: Option<usize>,
    /// The segment's span in the document text.
    pub span: Span,
    /// The segment's text.
    pub text: &'a str,
}

/// Writes the title (if any) at the start of `text`, followed by a blank line, and returns its span.
fn push_title(text: &mut String, title: Option<&str>) -> Option<Span> {
    let t = title.map(str::trim).filter(|t| !t.is_empty())?;
    text.push_str(t);
    let span = Span::new(0, text.len());
    text.push_str("\n\n");
    Some(span)
}

impl Document {
    /// A document whose sentences are given (as in the seed format or a JSON `sentences` array): they are kept
    /// as they are, one sentence each, with their indices.
    pub fn from_sentences<S: AsRef<str>>(id: impl Into<String>, title: Option<&str>, sentences: &[S]) -> Document {
        let mut text = String::new();
        let title = push_title(&mut text, title);
        let mut spans = Vec::with_capacity(sentences.len());
        for (i, s) in sentences.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            let s = s.as_ref();
            let start = text.len();
            text.push_str(s);
            spans.push(Span::new(start, text.len()));
        }
        let dateline = find_dateline(&text, &spans);
        Document { id: id.into(), text, title, sentences: spans, dateline, ..Document::default() }
    }

    /// A document from running text, split into sentences by [`text::split_sentences`].
    pub fn from_text(id: impl Into<String>, title: Option<&str>, body: &str) -> Document {
        let mut text = String::new();
        let title = push_title(&mut text, title);
        let offset = text.len();
        text.push_str(body);
        let sentences: Vec<Span> = text::split_sentences(body).into_iter().map(|s| s.shift(offset)).collect();
        let dateline = find_dateline(&text, &sentences);
        Document { id: id.into(), text, title, sentences, dateline, ..Document::default() }
    }

    /// The whole text: title, then sentences.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The title, when there is one.
    pub fn title(&self) -> Option<&str> {
        self.title.map(|s| &self.text[s.start..s.end])
    }

    /// The title's span.
    pub fn title_span(&self) -> Option<Span> {
        self.title
    }

    /// The sentence spans, in order.
    pub fn sentence_spans(&self) -> &[Span] {
        &self.sentences
    }

    /// The text of sentence `i`.
    pub fn sentence(&self, i: usize) -> &str {
        let s = self.sentences[i];
        &self.text[s.start..s.end]
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// Whether the document has no sentence.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// The text of any span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The wire dateline that opens the first sentence ("KYIV, March 20 (Reuters) -"), when there is one.
    pub fn dateline(&self) -> Option<&str> {
        self.dateline.map(|s| &self.text[s.start..s.end])
    }

    /// The title (if any) followed by every sentence, in reading order: the parts that are coded. The first
    /// sentence's segment starts after its dateline, so "ISTANBUL (Reuters) -" is neither an actor nor in the way.
    pub fn segments(&self) -> impl Iterator<Item = Segment<'_>> {
        let title = self.title.map(|span| Segment { sentence: None, span, text: &self.text[span.start..span.end] });
        let skip = self.dateline.map_or(0, |d| d.end);
        title.into_iter().chain(self.sentences.iter().enumerate().map(move |(i, &span)| {
            let span = if i == 0 && skip > span.start { Span::new(skip, span.end) } else { span };
            Segment { sentence: Some(i), span, text: &self.text[span.start..span.end] }
        }))
    }

    /// Number of words (whitespace-separated runs) in the text, for throughput figures.
    pub fn word_count(&self) -> usize {
        self.text.split_ascii_whitespace().count()
    }
}

/// The dateline opening the first sentence: its span, up to where the sentence proper starts.
fn find_dateline(text: &str, sentences: &[Span]) -> Option<Span> {
    let first = *sentences.first()?;
    let n = text::dateline_len(&text[first.start..first.end])?;
    Some(Span::new(first.start, first.start + n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_round_trip() {
        let doc = Document::from_sentences("1", Some("A title"), &["First one.", "Second – with a dash."]);
        assert_eq!(doc.title(), Some("A title"));
        assert_eq!(doc.sentence(0), "First one.");
        assert_eq!(doc.sentence(1), "Second – with a dash.");
        let segs: Vec<_> = doc.segments().collect();
        assert_eq!(segs.len(), 3);
        assert_eq!(segs[0].sentence, None);
        for seg in segs {
            assert_eq!(doc.slice(seg.span), seg.text);
        }
    }

    #[test]
    fn the_first_sentence_is_coded_without_its_dateline() {
        let doc =
            Document::from_text("x", Some("Drones hit Kyiv"), "KYIV, March 20 (Reuters) - Drones hit Kyiv. More came.");
        assert_eq!(doc.sentence(0), "KYIV, March 20 (Reuters) - Drones hit Kyiv.");
        let segs: Vec<_> = doc.segments().collect();
        assert_eq!(segs[1].text, "Drones hit Kyiv.");
        assert_eq!(doc.slice(segs[1].span), segs[1].text);
        assert_eq!(segs[2].text, "More came.");
        let doc =
            Document::from_sentences("y", None, &["ISTANBUL - Police detained 50 protesters.", "ANKARA - Not one."]);
        assert_eq!(doc.segments().next().unwrap().text, "Police detained 50 protesters.");
        assert_eq!(doc.segments().nth(1).unwrap().text, "ANKARA - Not one.", "only the story's first sentence");
        let doc = Document::from_sentences("z", None, &["Russia - which denies it - said so."]);
        assert_eq!(doc.segments().next().unwrap().text, "Russia - which denies it - said so.");
    }

    #[test]
    fn text_is_split() {
        let doc = Document::from_text("x", None, "Mr. Smith went to Washington. He met Gen. Jones.");
        assert_eq!(doc.len(), 2);
        assert_eq!(doc.sentence(1), "He met Gen. Jones.");
    }
}
