//! A text derived from the view (the compact view without whitespace, the narrative's prose)
//! with a map from each of its bytes back to the view byte it came from, so a position found in
//! the derived text becomes a view range in one step (`view_range`), then an original span
//! (`View::span_of`). The one type for every such derived text.

use crate::span::Span;
use crate::view::{View, ViewRange};

#[derive(Debug, Clone, Default)]
pub struct MappedText {
    pub text: String,
    /// For each byte of `text`: the view offset of the character that produced it.
    map: Vec<u32>,
}

impl MappedText {
    pub fn with_capacity(n: usize) -> MappedText {
        MappedText {
            text: String::with_capacity(n),
            map: Vec::with_capacity(n),
        }
    }

    /// The view text without whitespace (and without markdown `*`), so labels broken by spaces
    /// or lines (`本年制发 件数`) are still found.
    pub fn compact(view: &View) -> MappedText {
        let mut m = MappedText::with_capacity(view.text.len());
        // The characters kept since the last one dropped are pushed as one run.
        let mut run = 0usize;
        for (i, c) in view.text.char_indices() {
            if c.is_whitespace() || c == '*' {
                if i > run {
                    m.push_run(view.text.get(run..i).unwrap_or(""), run);
                }
                run = i + c.len_utf8();
            }
        }
        m.push_run(view.text.get(run..).unwrap_or(""), run);
        m
    }

    /// Appends `c` as produced by the view character at `view_at`.
    pub fn push(&mut self, c: char, view_at: usize) {
        self.text.push(c);
        let at = u32::try_from(view_at).unwrap_or(u32::MAX);
        self.map.extend(std::iter::repeat_n(at, c.len_utf8()));
    }

    /// Appends view text `run` that reads as itself, starting at view byte `view_at`: each of
    /// its bytes maps to the view character it is part of (as `push` of each character).
    pub fn push_run(&mut self, run: &str, view_at: usize) {
        self.text.push_str(run);
        let mut char_at = u32::try_from(view_at).unwrap_or(u32::MAX);
        self.map.extend(run.bytes().enumerate().map(|(j, b)| {
            if b & 0xc0 != 0x80 {
                char_at = u32::try_from(view_at + j).unwrap_or(u32::MAX);
            }
            char_at
        }));
    }

    /// The view range of the derived range `[a, b)`: from the view character of its first
    /// byte to the end of the view character of its last.
    pub fn view_range(&self, a: usize, b: usize) -> ViewRange {
        let start = self.map.get(a).map_or(0, |&v| v as usize);
        if b <= a {
            return ViewRange::new(start, start);
        }
        let last = self.map.get(b - 1).map_or(start, |&v| v as usize);
        // The derived character copies its view character, so their lengths agree.
        let last_len = self
            .text
            .get(..b)
            .and_then(|s| s.chars().next_back())
            .map_or(1, char::len_utf8);
        ViewRange::new(start, last + last_len)
    }

    /// The original span of the derived range `[a, b)`.
    pub fn span(&self, view: &View, a: usize, b: usize) -> Span {
        view.span_of(self.view_range(a, b))
    }

    /// The text of `[a, b)` (empty if out of range or off a char boundary).
    pub fn slice(&self, a: usize, b: usize) -> &str {
        self.text.get(a..b).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_ranges_map_back_to_the_view() {
        let view = View::new("本年制发 件数\n（一） 予以公开");
        let c = MappedText::compact(&view);
        assert_eq!(c.text, "本年制发件数(一)予以公开");
        let at = c.text.find("发件").unwrap_or(0);
        let r = c.view_range(at, at + "发件".len());
        assert_eq!(view.slice(r.start, r.end), "发 件");
        let at = c.text.find("(一)").unwrap_or(0);
        let r = c.view_range(at, at + 5);
        let s = view.span_of(r);
        assert_eq!(&"本年制发 件数\n（一） 予以公开"[s.start..s.end], "（一）");
    }

    #[test]
    fn empty_and_out_of_range_ranges_do_not_panic() {
        let c = MappedText::compact(&View::new("甲 乙"));
        let r = c.view_range(3, 3);
        assert_eq!(r.start, r.end);
        let _ = c.view_range(100, 200);
        assert_eq!(c.slice(1, 2), "");
    }
}
