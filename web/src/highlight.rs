//! The highlight layer's pieces: the text cut at every flagged span, each piece knowing which
//! finding colours it. Spans are byte ranges of the text shown.

use std::collections::BTreeSet;
use std::ops::Range;

use nianbao_core::Severity;

/// A finding's span in the text shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub index: usize,
    pub severity: Severity,
    pub span: Range<usize>,
}

/// One run of text in the layer, marked or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub span: Range<usize>,
    /// CSS classes of the `<mark>`; `None` for plain text.
    pub class: Option<String>,
    /// `m{index}` on the first piece of a finding, to scroll to it.
    pub id: Option<String>,
}

/// Cuts `len` bytes of text at the marks. The most severe finding (then the first) colours a
/// piece; the active finding's related spans are outlined; an empty span becomes a caret mark.
pub fn pieces(
    len: usize,
    marks: &[Mark],
    related: &[Range<usize>],
    active: Option<usize>,
) -> Vec<Piece> {
    let mut cuts = BTreeSet::from([0, len]);
    for m in marks {
        cuts.insert(m.span.start.min(len));
        cuts.insert(m.span.end.min(len));
    }
    for r in related {
        cuts.insert(r.start.min(len));
        cuts.insert(r.end.min(len));
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let mut out = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = match pair {
            [a, b] => (*a, *b),
            _ => continue,
        };
        points_at(a, marks, active, &mut out);
        let chosen = marks
            .iter()
            .filter(|m| m.span.start <= a && m.span.end >= b && m.span.start < m.span.end)
            .min_by_key(|m| (m.severity, m.index));
        let is_related = related
            .iter()
            .any(|r| r.start <= a && r.end >= b && r.start < r.end);
        let (class, id) = match chosen {
            Some(m) => {
                let mut class = format!("mark {}", m.severity.as_str());
                if m.span.end == b {
                    class.push_str(" end");
                }
                if active == Some(m.index) {
                    class.push_str(" active");
                }
                if is_related {
                    class.push_str(" related");
                }
                let id = (m.span.start == a).then(|| format!("m{}", m.index));
                (Some(class), id)
            }
            None if is_related => (Some("related".to_string()), None),
            None => (None, None),
        };
        // Plain neighbours merge, so the layer stays a few large text nodes.
        match out.last_mut() {
            Some(last) if class.is_none() && last.class.is_none() && last.span.end == a => {
                last.span.end = b;
            }
            _ => out.push(Piece {
                span: a..b,
                class,
                id,
            }),
        }
    }
    if len > 0 || !marks.is_empty() {
        points_at(len, marks, active, &mut out);
    }
    out
}

fn points_at(at: usize, marks: &[Mark], active: Option<usize>, out: &mut Vec<Piece>) {
    for m in marks
        .iter()
        .filter(|m| m.span.start == at && m.span.end == at)
    {
        let mut class = format!("mark point end {}", m.severity.as_str());
        if active == Some(m.index) {
            class.push_str(" active");
        }
        out.push(Piece {
            span: at..at,
            class: Some(class),
            id: Some(format!("m{}", m.index)),
        });
    }
}

/// How the text changed since it was checked: one replaced stretch between a common prefix and
/// a common suffix. Marks outside it still point at the same text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edit {
    prefix: usize,
    /// Where the unchanged suffix starts in the old text.
    old_suffix: usize,
    old_len: usize,
    new_len: usize,
}

impl Edit {
    pub fn between(old: &str, new: &str) -> Edit {
        let prefix: usize = old
            .chars()
            .zip(new.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        let room = old.len().min(new.len()) - prefix;
        let mut suffix = 0;
        for (a, b) in old.chars().rev().zip(new.chars().rev()) {
            if a != b || suffix + a.len_utf8() > room {
                break;
            }
            suffix += a.len_utf8();
        }
        Edit {
            prefix,
            old_suffix: old.len() - suffix,
            old_len: old.len(),
            new_len: new.len(),
        }
    }

    /// The span in the new text, if the edit did not touch it.
    pub fn map(&self, span: &Range<usize>) -> Option<Range<usize>> {
        if span.end <= self.prefix {
            Some(span.clone())
        } else if span.start >= self.old_suffix && span.end <= self.old_len {
            let shift = |x: usize| x + self.new_len - self.old_len;
            Some(shift(span.start)..shift(span.end))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(index: usize, severity: Severity, span: Range<usize>) -> Mark {
        Mark {
            index,
            severity,
            span,
        }
    }

    #[test]
    fn plain_text_is_one_piece() {
        let p = pieces(10, &[], &[], None);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].span, 0..10);
        assert_eq!(p[0].class, None);
    }

    #[test]
    fn the_most_severe_finding_colours_an_overlap() {
        let marks = [
            mark(0, Severity::Warning, 2..8),
            mark(1, Severity::Error, 4..6),
        ];
        let p = pieces(10, &marks, &[], Some(1));
        let spans: Vec<_> = p.iter().map(|p| p.span.clone()).collect();
        assert_eq!(spans, vec![0..2, 2..4, 4..6, 6..8, 8..10]);
        assert_eq!(p[1].id.as_deref(), Some("m0"));
        assert_eq!(p[2].class.as_deref(), Some("mark error end active"));
        assert_eq!(p[3].class.as_deref(), Some("mark warning end"));
    }

    #[test]
    fn empty_spans_become_points_and_related_spans_are_outlined() {
        let marks = [mark(0, Severity::Error, 3..3)];
        let related = vec![Range { start: 1, end: 2 }];
        let p = pieces(5, &marks, &related, Some(0));
        assert_eq!(p[1].class.as_deref(), Some("related"));
        let point = p.iter().find(|p| p.span == (3..3));
        assert_eq!(
            point.and_then(|p| p.class.clone()).as_deref(),
            Some("mark point end error active")
        );
    }

    #[test]
    fn edits_keep_marks_they_did_not_touch() {
        let old = "ab**cd**ef";
        let new = "x😀ab**cd**ef";
        let e = Edit::between(old, new);
        assert_eq!(e.map(&(2..4)), Some(7..9));
        let typed = "ab**cZd**ef";
        let e = Edit::between(old, typed);
        assert_eq!(e.map(&(2..4)), Some(2..4));
        assert_eq!(e.map(&(6..8)), Some(7..9));
        assert_eq!(e.map(&(4..6)), None);
        let same = Edit::between(old, old);
        assert_eq!(same.map(&(0..10)), Some(0..10));
    }
}
