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

/// How many lines a block of the layer holds: an edit re-renders and lays out only its block.
pub const LINES_PER_BLOCK: usize = 16;

/// Where the layer's blocks end: just after every [`LINES_PER_BLOCK`]th line break. A block
/// ends at a line break, so it wraps as the same lines do in the textarea.
pub fn block_ends(text: &str) -> Vec<usize> {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .skip(LINES_PER_BLOCK - 1)
        .step_by(LINES_PER_BLOCK)
        .map(|(i, _)| i + 1)
        .collect()
}

/// Cuts `len` bytes of text at the marks, and at `breaks` (sorted), so that no piece crosses
/// one. The most severe finding (then the first) colours a piece; the active finding's related
/// spans are outlined; an empty span becomes a caret mark.
pub fn pieces(
    len: usize,
    marks: &[Mark],
    related: &[Range<usize>],
    active: Option<usize>,
    breaks: &[usize],
) -> Vec<Piece> {
    let mut cuts = BTreeSet::from([0, len]);
    cuts.extend(breaks.iter().map(|&b| b.min(len)));
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
            Some(last)
                if class.is_none()
                    && last.class.is_none()
                    && last.span.end == a
                    && breaks.binary_search(&a).is_err() =>
            {
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
        // Compared byte by byte (a keystroke in a 200 KB report compares it all), then moved back
        // to a character boundary: equal bytes before it, so a boundary of both texts.
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let mut prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        while !(old.is_char_boundary(prefix) && new.is_char_boundary(prefix)) {
            prefix -= 1;
        }
        let room = old.len().min(new.len()) - prefix;
        let mut suffix = a
            .iter()
            .rev()
            .zip(b.iter().rev())
            .take(room)
            .take_while(|(x, y)| x == y)
            .count();
        while !(old.is_char_boundary(old.len() - suffix)
            && new.is_char_boundary(new.len() - suffix))
        {
            suffix -= 1;
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
        let p = pieces(10, &[], &[], None, &[]);
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
        let p = pieces(10, &marks, &[], Some(1), &[]);
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
        let p = pieces(5, &marks, &related, Some(0), &[]);
        assert_eq!(p[1].class.as_deref(), Some("related"));
        let point = p.iter().find(|p| p.span == (3..3));
        assert_eq!(
            point.and_then(|p| p.class.clone()).as_deref(),
            Some("mark point end error active")
        );
    }

    #[test]
    fn blocks_end_at_every_sixteenth_line_and_pieces_do_not_cross_them() {
        let text = "a\n".repeat(40);
        assert_eq!(block_ends(&text), vec![32, 64]);
        assert_eq!(block_ends("no break"), Vec::<usize>::new());
        let marks = [mark(0, Severity::Error, 30..34)];
        let p = pieces(text.len(), &marks, &[], None, &block_ends(&text));
        let spans: Vec<_> = p.iter().map(|p| p.span.clone()).collect();
        assert_eq!(spans, vec![0..30, 30..32, 32..34, 34..64, 64..80]);
        assert_eq!(
            p[1].id.as_deref(),
            Some("m0"),
            "the id on the first part only"
        );
        assert_eq!(p[1].class.as_deref(), Some("mark error"));
        assert_eq!(p[2].id, None);
        assert_eq!(
            p[2].class.as_deref(),
            Some("mark error end"),
            "the end on the last"
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
        // Characters that share their first bytes: the edit starts and ends on boundaries.
        let (old, new) = ("前中後", "前丰後");
        let e = Edit::between(old, new);
        assert_eq!((e.prefix, e.old_suffix), (3, 6));
        assert_eq!(e.map(&(0..3)), Some(0..3));
        assert_eq!(e.map(&(3..6)), None);
        assert_eq!(e.map(&(6..9)), Some(6..9));
        let e = Edit::between("aé", "aéé");
        assert_eq!((e.prefix, e.old_suffix), (3, 3), "room bounds the suffix");
    }
}
