//! The reading view: the text as the reader sees it — characters normalised (chars.rs), line
//! endings unified, HTML markup flattened to lines and tab-separated cells — with a map from
//! every view byte back to the original bytes. Readers work on the view; spans they produce are
//! mapped back, so findings always point into the text as given.

use crate::chars;
use crate::html;
use crate::lines::LineBreaks;
use crate::span::Span;

/// A byte offset into the view text — never into the original. Only `View` maps it to the
/// original (`View::point`), so an original offset cannot be taken for a view one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ViewPos(pub usize);

/// A byte range `[start, end)` of the view text — never of the original (`View::span_of`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ViewRange {
    pub start: usize,
    pub end: usize,
}

impl ViewRange {
    pub fn new(start: usize, end: usize) -> Self {
        ViewRange {
            start,
            end: end.max(start),
        }
    }
    pub fn cover(self, other: ViewRange) -> ViewRange {
        ViewRange::new(self.start.min(other.start), self.end.max(other.end))
    }
    pub fn start_pos(self) -> ViewPos {
        ViewPos(self.start)
    }
    pub fn end_pos(self) -> ViewPos {
        ViewPos(self.end)
    }
}

pub struct View {
    pub text: String,
    /// For each view byte: the original byte range of the character that produced it.
    starts: Vec<u32>,
    ends: Vec<u32>,
    /// Whether the input was read as HTML markup.
    pub html: bool,
    original_len: usize,
    /// Where the view text's lines break (found once for every reader that walks lines).
    pub breaks: LineBreaks,
}

impl View {
    pub fn new(original: &str) -> View {
        let mut b = Builder::new(original.len());
        let is_html = html::looks_like_html(original);
        if is_html {
            for p in html::flatten(original) {
                b.push_normalized(p.c, p.start as usize, p.end as usize);
            }
        } else {
            plain(original, &mut b);
        }
        View {
            breaks: LineBreaks::of(&b.text),
            text: b.text,
            starts: b.starts,
            ends: b.ends,
            html: is_html,
            original_len: original.len(),
        }
    }

    /// The original span of the view byte range `[a, b)`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        if self.text.is_empty() {
            return Span::empty_at(0);
        }
        let a = a.min(self.text.len());
        let b = b.min(self.text.len());
        if b <= a {
            let at = self
                .starts
                .get(a)
                .map(|&s| s as usize)
                .unwrap_or(self.original_len);
            return Span::empty_at(at);
        }
        let start = self.starts.get(a).copied().unwrap_or(0) as usize;
        let end = self.ends.get(b - 1).copied().unwrap_or(0) as usize;
        Span::new(start, end.max(start))
    }

    /// The original span of a view range.
    pub fn span_of(&self, r: ViewRange) -> Span {
        self.span(r.start, r.end)
    }

    /// An empty original span where the view position `at` is (a cell that is not there).
    pub fn point(&self, at: ViewPos) -> Span {
        Span::empty_at(self.offset(at.0))
    }

    /// The original offset of the view position `a` (for empty spans).
    pub fn offset(&self, a: usize) -> usize {
        self.starts
            .get(a)
            .map(|&s| s as usize)
            .unwrap_or(self.original_len)
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The text as read of the original span `s`: for HTML, without the markup inside it
    /// (`约1</span><span>0` reads `约10`); otherwise the view's characters there.
    pub fn text_of(&self, s: Span) -> &str {
        let r = self.range_of(s);
        self.slice(r.start, r.end)
    }

    /// The view bytes read from the original span `s`: those whose character starts in it.
    pub fn range_of(&self, s: Span) -> ViewRange {
        // Views are built in the original's order, so `starts` does not decrease.
        let a = self.starts.partition_point(|&x| (x as usize) < s.start);
        let b = self.starts.partition_point(|&x| (x as usize) < s.end);
        ViewRange::new(a, b)
    }

    /// The lines of the view text `[a, b)`, each with its view offset (as `split('\n')`).
    pub fn lines(&self, a: usize, b: usize) -> impl Iterator<Item = (usize, &str)> {
        self.breaks.split(&self.text, a, b)
    }

    /// The view text of `[a, b)` (empty if out of range).
    pub fn slice(&self, a: usize, b: usize) -> &str {
        self.text.get(a..b).unwrap_or("")
    }
}

/// Accumulates view text and its source map.
struct Builder {
    text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl Builder {
    fn new(capacity: usize) -> Self {
        Builder {
            text: String::with_capacity(capacity),
            starts: Vec::with_capacity(capacity),
            ends: Vec::with_capacity(capacity),
        }
    }

    /// Appends `c` as coming from the original bytes `[start, end)`.
    fn push(&mut self, c: char, start: usize, end: usize) {
        self.text.push(c);
        let n = c.len_utf8();
        self.starts.extend(std::iter::repeat_n(start as u32, n));
        self.ends.extend(std::iter::repeat_n(end as u32, n));
    }

    /// Appends original text `run` that reads as itself, starting at original byte `start`:
    /// each view byte maps to the original character it is part of.
    fn push_run(&mut self, run: &str, start: usize) {
        self.text.push_str(run);
        let is_first = |b: u8| b & 0xc0 != 0x80;
        let mut char_start = start as u32;
        self.starts.extend(run.bytes().enumerate().map(|(j, b)| {
            if is_first(b) {
                char_start = (start + j) as u32;
            }
            char_start
        }));
        let mut char_end = start as u32;
        self.ends.extend(run.bytes().enumerate().map(|(j, b)| {
            if is_first(b) {
                let width = match b {
                    0..=0x7f => 1,
                    0x80..=0xdf => 2,
                    0xe0..=0xef => 3,
                    _ => 4,
                };
                char_end = (start + j + width) as u32;
            }
            char_end
        }));
    }

    /// Appends the normalised form of an original character.
    fn push_normalized(&mut self, c: char, start: usize, end: usize) {
        if let Some(n) = chars::normalize(c) {
            self.push(n, start, end);
        }
    }
}

fn plain(original: &str, b: &mut Builder) {
    let bytes = original.as_bytes();
    // Characters that read as themselves are copied in runs: `run` is where the current one
    // starts.
    let mut run = 0usize;
    let mut i = 0usize;
    while let Some(&byte) = bytes.get(i) {
        if byte.is_ascii() && byte != b'\r' {
            i += 1;
            continue;
        }
        if byte == b'\r' {
            // CRLF or a lone CR: one line break.
            let end = if bytes.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
            b.push_run(original.get(run..i).unwrap_or(""), run);
            b.push('\n', i, end);
            i = end;
            run = i;
            continue;
        }
        let Some(c) = original.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let n = c.len_utf8();
        let read = crate::chars::normalize(c);
        if read != Some(c) {
            b.push_run(original.get(run..i).unwrap_or(""), run);
            if let Some(x) = read {
                b.push(x, i, i + n);
            }
            run = i + n;
        }
        i += n;
    }
    b.push_run(original.get(run..).unwrap_or(""), run);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_map_back_through_normalisation() {
        let text = "\u{feff}（一）予以公开\r\n１２";
        let v = View::new(text);
        assert_eq!(v.text, "(一)予以公开\n12");
        let at = v.text.find("12").unwrap_or(0);
        let s = v.span(at, at + 2);
        assert_eq!(&text[s.start..s.end], "１２");
        let s = v.span(0, 3);
        assert_eq!(&text[s.start..s.end], "（一");
    }

    #[test]
    fn every_view_character_maps_to_its_original_character() {
        let text = "a\r\n本\u{200b}（😀\rb";
        let v = View::new(text);
        assert_eq!(v.text, "a\n本(😀\nb");
        let spans: Vec<(usize, usize)> = v
            .text
            .char_indices()
            .map(|(i, c)| {
                let s = v.span(i, i + c.len_utf8());
                (s.start, s.end)
            })
            .collect();
        assert_eq!(
            spans,
            [
                (0, 1),
                (1, 3),
                (3, 6),
                (9, 12),
                (12, 16),
                (16, 17),
                (17, 18)
            ]
        );
        // Inside a character, each byte maps to the whole character.
        let s = v.span(4, 5);
        assert_eq!((s.start, s.end), (3, 6));
    }
}
