//! The narrative as running text ([`Prose`]): the view outside the tables, with PDF hard line
//! wraps joined (a line that is long and does not end a sentence runs on into the next), page
//! footers (`- 1 -`) dropped and spaces dropped (`3119 件` reads `3119件`). Every prose byte maps
//! back to a view byte (`MappedText`), so findings point at the exact characters of the
//! original. Also the units the claims are read in: clauses, sentences, paragraphs.

use crate::footer::is_page_footer;
use crate::mapped::MappedText;
use crate::span::Span;
use crate::view::{View, ViewRange};

/// The narrative as running text, with a map back to the view.
pub type Prose = MappedText;

/// Lines at least this long that do not end a sentence are hard wraps (PDF text).
const WRAP_LINE: usize = 15;

fn is_terminator(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | ':' | '；' | '！' | '？' | '：')
}

/// The prose of a view: everything outside the tables, whose original spans are `tables`.
pub fn of_view(view: &View, tables: &[Span]) -> Prose {
    let ranges: Vec<ViewRange> = tables.iter().map(|&s| view.range_of(s)).collect();
    build(view, &ranges)
}

/// A paragraph break (`\n`) unless there is one already.
fn boundary(p: &mut Prose, view_at: usize) {
    if !p.text.is_empty() && !p.text.ends_with('\n') {
        p.push('\n', view_at);
    }
}

/// Builds prose from view text outside `tables` (view ranges).
pub fn build(view: &View, tables: &[ViewRange]) -> Prose {
    build_upto(view, view.len(), tables)
}

/// Builds prose from the view text before `end` outside `tables`.
pub fn build_upto(view: &View, end: usize, tables: &[ViewRange]) -> Prose {
    let text = view.slice(0, end);
    let in_table = |i: usize| tables.iter().any(|r| r.start <= i && i < r.end);
    let mut p = Prose::with_capacity(text.len());
    // Length in chars of the previous line kept (0 after a table or a heading break).
    let mut prev_len = 0usize;
    for (start, line) in view.lines(0, end) {
        let crosses_table = tables
            .iter()
            .any(|r| r.start < start + line.len() && start < r.end);
        let t = line.trim();
        if t.is_empty() || is_page_footer(t) {
            continue;
        }
        let join = prev_len >= WRAP_LINE && !p.text.chars().next_back().is_some_and(is_terminator);
        if !join {
            boundary(&mut p, start);
        }
        // Most lines: nothing to drop, kept whole.
        if !crosses_table
            && !line
                .bytes()
                .any(|b| matches!(b, b' ' | b'\t' | b'\r' | b'*'))
        {
            p.push_run(line, start);
            prev_len = line.chars().count();
            continue;
        }
        let mut pending_space = false;
        let mut kept = 0usize;
        // The characters kept since the last one dropped, pushed as one run: `line[a..b]`.
        let (mut a, mut b) = (0usize, 0usize);
        let flush = |p: &mut Prose, a: &mut usize, b: usize| {
            if b > *a {
                p.push_run(line.get(*a..b).unwrap_or(""), start + *a);
            }
            *a = b;
        };
        for (i, c) in line.char_indices() {
            let at = start + i;
            if crosses_table && in_table(at) {
                flush(&mut p, &mut a, b);
                boundary(&mut p, at);
                kept = 0;
                pending_space = false;
                continue;
            }
            if c == ' ' || c == '\t' || c == '\r' || c == '*' {
                flush(&mut p, &mut a, b);
                pending_space |= c != '*';
                continue;
            }
            if pending_space
                && c.is_ascii_alphanumeric()
                && p.text
                    .chars()
                    .next_back()
                    .is_some_and(|l| l.is_ascii_alphanumeric())
            {
                p.push(' ', at);
            }
            pending_space = false;
            if a == b {
                a = i;
            }
            b = i + c.len_utf8();
            kept += 1;
        }
        flush(&mut p, &mut a, b);
        prev_len = kept;
    }
    p
}

/// Where a clause ends.
pub fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '。' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '|' | '\t' | '[' | ']'
    )
}

/// The titles of 一、总体情况's sub-items in the 2021 template (and their common variants).
const SUBHEADINGS: &[&str] = &[
    "政府信息公开平台建设",
    "政府信息公开监督保障",
    "政府信息管理",
    "依申请公开",
    "主动公开",
    "平台建设",
    "监督保障",
];

/// What follows a numbered sub-heading that the prose joined to its first sentence
/// (`(一)主动公开全年…` → `全年…`); the text itself when it starts with none.
pub fn after_subheading(s: &str) -> &str {
    let Some(rest) = s.strip_prefix('(').and_then(|r| {
        let close = r.find(')')?;
        let n = r.get(..close)?;
        (n.chars().count() <= 2 && n.chars().all(|c| crate::chars::chinese_digit(c).is_some()))
            .then(|| r.get(close + 1..))
            .flatten()
    }) else {
        return s;
    };
    SUBHEADINGS
        .iter()
        .find_map(|h| rest.strip_prefix(h))
        .map(|r| {
            ["情况", "工作", "方面"]
                .iter()
                .find_map(|w| r.strip_prefix(w))
                .unwrap_or(r)
        })
        .unwrap_or(s)
}

/// Where a sentence ends.
pub fn is_sentence_break(c: char) -> bool {
    matches!(c, '\n' | '。' | ';' | '!' | '?')
}

/// A sentence of the prose ([`sentences`]) with a sketch of its characters, made once per
/// check and shared by the readers that go sentence by sentence (claims, documents, figures).
pub struct Sentence<'a> {
    pub text: &'a str,
    /// Prose byte range.
    pub start: usize,
    pub end: usize,
    sketch: Sketch,
}

impl Sentence<'_> {
    /// Whether the sentence contains any of `words` (as [`contains_any`]).
    pub fn contains_any(&self, words: &[&str]) -> bool {
        words
            .iter()
            .any(|w| self.sketch.may_contain(w) && crate::chars::contains(self.text, w))
    }

    /// Whether `part`, a piece of the sentence (a clause), contains any of `words`: a word not
    /// in the sentence is not in its part.
    pub fn part_contains_any(&self, part: &str, words: &[&str]) -> bool {
        words
            .iter()
            .any(|w| self.sketch.may_contain(w) && crate::chars::contains(part, w))
    }
}

/// The sentences of a prose, each with its sketch.
pub fn sketched_sentences(prose: &Prose) -> Vec<Sentence<'_>> {
    sentences(&prose.text)
        .into_iter()
        .map(|(start, end)| {
            let text = prose.slice(start, end);
            Sentence {
                text,
                start,
                end,
                sketch: Sketch::of(text),
            }
        })
        .collect()
}

/// Clauses as prose byte ranges. A comma between digits followed by three digits is a
/// thousands separator (`3,119件`), not a break.
pub fn clauses(text: &str) -> Vec<(usize, usize)> {
    split(text, is_clause_break)
}

/// Sentences (ending at `。；！？` or a line break) as prose byte ranges.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    split(text, is_sentence_break)
}

/// Paragraphs (prose lines: wrapped lines are joined already) as prose byte ranges.
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    split(text, |c| c == '\n')
}

fn split(text: &str, brk: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    for (i, c) in text.char_indices() {
        if brk(c) && !(c == ',' && thousands_comma(text, i)) {
            if i > start {
                out.push((start, i));
            }
            start = i + c.len_utf8();
        }
    }
    if text.len() > start {
        out.push((start, text.len()));
    }
    out
}

/// Whether the comma at `i` separates thousands (`3,119`).
pub fn thousands_comma(text: &str, i: usize) -> bool {
    let before = text.get(..i).and_then(|s| s.chars().next_back());
    let after = text.get(i + 1..).unwrap_or("");
    let digits = after
        .chars()
        .take(4)
        .take_while(char::is_ascii_digit)
        .count();
    before.is_some_and(|c| c.is_ascii_digit()) && digits == 3
}

pub fn contains_any(s: &str, words: &[&str]) -> bool {
    // Long word lists are asked of every sentence: a one-pass character sketch of `s` rules out
    // most words before any scan (a word whose characters are not all in the sketch is absent).
    if words.len() < 4 {
        return words.iter().any(|w| crate::chars::contains(s, w));
    }
    let sketch = Sketch::of(s);
    words
        .iter()
        .any(|w| sketch.may_contain(w) && crate::chars::contains(s, w))
}

/// Which characters a text holds, by code point modulo 256: no false negatives.
struct Sketch([u64; 4]);

impl Sketch {
    fn of(s: &str) -> Self {
        let mut bits = [0u64; 4];
        for c in s.chars() {
            let b = c as usize % 256;
            if let Some(w) = bits.get_mut(b / 64) {
                *w |= 1 << (b % 64);
            }
        }
        Sketch(bits)
    }

    fn may_contain(&self, word: &str) -> bool {
        word.chars().all(|c| {
            let b = c as usize % 256;
            self.0.get(b / 64).is_some_and(|w| w & (1 << (b % 64)) != 0)
        })
    }
}

/// A prose range short enough to quote in a message, as written in the original (full-width
/// punctuation kept), without line breaks, spaces or markdown asterisks.
pub fn quote(original: &str, view: &View, prose: &Prose, range: (usize, usize)) -> Option<String> {
    let span = prose.span(view, range.0, range.1);
    let s: String = original
        .get(span.start..span.end)
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect();
    let n = s.chars().count();
    ((2..=40).contains(&n) && s.chars().any(crate::chars::is_han)).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_any_agrees_with_a_plain_scan() {
        let words = ["同比", "较上年", "累计", "2021年", "abc", "以来", "😀看"];
        for s in [
            "全年同比增长",
            "本年累计公开",
            "自2021年以来",
            "xabcx",
            "无关的句子",
            "😀看",
            "",
        ] {
            let plain = words.iter().any(|w| s.contains(w));
            assert_eq!(contains_any(s, &words), plain, "{s}");
        }
    }

    fn prose(t: &str) -> Prose {
        build(&View::new(t), &[])
    }

    #[test]
    fn pdf_wraps_are_joined_and_footers_dropped() {
        let t = "2024 年，全县共受理政府信息公开申请 212 件，答\n\n- 1 -\n\n复 200 件（含上年度结转申请 3 件，另有 15 件顺延到下年度\n\n答复）。\n一、总体情况\n";
        let p = prose(t);
        assert!(p.text.contains("答复200件"), "{}", p.text);
        assert!(p.text.contains("顺延到下年度答复"), "{}", p.text);
        assert!(p.text.contains("。\n一、总体情况"), "{}", p.text);
        // A range maps back to the digits of the original.
        let at = p.text.find("212").unwrap_or(0);
        let view = View::new(t);
        let s = p.span(&view, at, at + 3);
        assert_eq!(&t[s.start..s.end], "212");
    }

    #[test]
    fn short_lines_are_not_joined() {
        let p = prose("(二)依申请公开情况\n共收到依申请公开1件,已办结。");
        assert_eq!(p.text, "(二)依申请公开情况\n共收到依申请公开1件,已办结。");
        assert_eq!(paragraphs(&p.text).len(), 2);
    }

    #[test]
    fn tables_are_left_out() {
        let t = "共收到申请2件。\n自然人 | 2 | 0\n办结2件。";
        let view = View::new(t);
        let a = t.find("自然人").unwrap_or(0);
        let b = t.find("办结").unwrap_or(0);
        let p = of_view(&view, &[Span::new(a, b)]);
        assert_eq!(p.text, "共收到申请2件。\n办结2件。");
    }

    #[test]
    fn sub_headings_joined_to_their_sentence() {
        assert_eq!(
            after_subheading("(一)主动公开全年公开信息5条"),
            "全年公开信息5条"
        );
        assert_eq!(
            after_subheading("(四)平台建设情况本局通过网站"),
            "本局通过网站"
        );
        assert_eq!(
            after_subheading("(二)本年度收到申请2件"),
            "(二)本年度收到申请2件"
        );
        assert_eq!(after_subheading("主动公开信息5条"), "主动公开信息5条");
    }

    #[test]
    fn thousands_separators_do_not_split_clauses() {
        assert_eq!(clauses("申请3,119件,办结3,050件").len(), 2);
        assert_eq!(clauses("申请3,11件").len(), 2);
    }
}
