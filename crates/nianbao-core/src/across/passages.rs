//! How much of two texts is the same, and where: the identical passages of two [`Normalized`]
//! texts, in time linear in their lengths (a hash index of one text's 8-grams, one pass over the
//! other; no all-pairs diff).
//!
//! A passage is a run of consecutive 8-grams of `a` found at consecutive places of `b` (so it is
//! identical text, not just shared words). The similarity is the share of both texts' characters
//! that lie in a passage: `(covered(a) + covered(b)) / (len(a) + len(b))`.

use std::collections::HashMap;

use super::text::Normalized;
use crate::span::Span;

/// Characters per matched window: shorter runs are common phrases (政务公开工作), not copying.
pub const WINDOW: usize = 8;

/// One identical passage: its character range in each text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    pub a: (usize, usize),
    pub b: (usize, usize),
}

impl Passage {
    pub fn chars(&self) -> usize {
        self.a.1 - self.a.0
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// 0.0–1.0.
    pub similarity: f64,
    /// The longest passages, longest first (at most `keep`).
    pub passages: Vec<Passage>,
}

/// Compares `a` with `b`, keeping the `keep` longest passages.
pub fn compare(a: &Normalized, b: &Normalized, keep: usize) -> Comparison {
    let ha = a.window_hashes(WINDOW);
    let hb = b.window_hashes(WINDOW);
    let mut first: HashMap<u64, u32> = HashMap::with_capacity(hb.len());
    for (j, h) in hb.iter().enumerate().rev() {
        if let Some(h) = *h {
            first.insert(h, j as u32);
        }
    }
    let mut covered_a = vec![false; a.len()];
    let mut covered_b = vec![false; b.len()];
    let mut passages: Vec<Passage> = Vec::new();
    // The current run: window starts (i0, j0) and the last matched j.
    let mut run: Option<(usize, usize, usize)> = None;
    let close = |run: Option<(usize, usize, usize)>, i_end: usize, out: &mut Vec<Passage>| {
        if let Some((i0, j0, j)) = run {
            out.push(Passage {
                a: (i0, i_end + WINDOW),
                b: (j0, j + WINDOW),
            });
        }
    };
    let mut last_i = 0;
    for (i, h) in ha.iter().enumerate() {
        // A window across a break matches nothing.
        let h = match *h {
            Some(h) => h,
            None => {
                close(run.take(), last_i, &mut passages);
                continue;
            }
        };
        // Continue on the diagonal if the next window of b matches too.
        let next = run.and_then(|(_, _, j)| (hb.get(j + 1) == Some(&Some(h))).then_some(j + 1));
        let j = match next {
            Some(j) => {
                if let Some(r) = run.as_mut() {
                    r.2 = j;
                }
                Some(j)
            }
            None => {
                close(run.take(), last_i, &mut passages);
                let j = first.get(&h).map(|&j| j as usize);
                if let Some(j) = j {
                    run = Some((i, j, j));
                }
                j
            }
        };
        if let Some(j) = j {
            for c in covered_a.iter_mut().skip(i).take(WINDOW) {
                *c = true;
            }
            for c in covered_b.iter_mut().skip(j).take(WINDOW) {
                *c = true;
            }
            last_i = i;
        }
    }
    close(run, last_i, &mut passages);
    let total = a.len() + b.len();
    let covered =
        covered_a.iter().filter(|&&c| c).count() + covered_b.iter().filter(|&&c| c).count();
    passages.sort_by(|x, y| y.chars().cmp(&x.chars()).then(x.a.0.cmp(&y.a.0)));
    passages.truncate(keep);
    Comparison {
        similarity: if total == 0 {
            0.0
        } else {
            covered as f64 / total as f64
        },
        passages,
    }
}

/// A passage's original byte spans in each text.
pub fn spans(p: &Passage, a: &Normalized, b: &Normalized) -> (Span, Span) {
    (a.span(p.a.0, p.a.1), b.span(p.b.0, p.b.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Normalized {
        Normalized::new(s, &[], &[])
    }

    #[test]
    fn identical_texts_are_one_passage() {
        let t = "我单位认真贯彻落实政府信息公开条例不断加强主动公开工作";
        let c = compare(&n(t), &n(t), 3);
        assert_eq!(c.similarity, 1.0);
        assert_eq!(c.passages.len(), 1);
        assert_eq!(c.passages[0].a, (0, t.chars().count()));
        assert_eq!(c.passages[0].b, (0, t.chars().count()));
    }

    #[test]
    fn a_changed_sentence_splits_the_passages_and_lowers_the_share() {
        let a = "我单位认真贯彻落实政府信息公开条例。今年重点推进了财政预决算公开。不断加强主动公开工作和平台建设";
        let b = "我单位认真贯彻落实政府信息公开条例。本年度着力完善依申请公开办理机制。不断加强主动公开工作和平台建设";
        let c = compare(&n(a), &n(b), 5);
        assert!(c.similarity > 0.5 && c.similarity < 0.9, "{}", c.similarity);
        assert_eq!(c.passages.len(), 2);
        let (sa, sb) = spans(&c.passages[0], &n(a), &n(b));
        assert_eq!(&a[sa.start..sa.end], "我单位认真贯彻落实政府信息公开条例");
        assert_eq!(&b[sb.start..sb.end], "我单位认真贯彻落实政府信息公开条例");
    }

    #[test]
    fn moved_paragraphs_are_still_found() {
        let p1 = "加强组织领导明确分管领导和工作人员";
        let p2 = "完善平台建设及时更新门户网站栏目内容";
        let a = format!("{p1}{p2}");
        let b = format!("{p2}{p1}");
        let c = compare(&n(&a), &n(&b), 5);
        assert_eq!(c.similarity, 1.0);
        assert_eq!(c.passages.len(), 2);
    }

    #[test]
    fn unrelated_texts_share_nothing() {
        let c = compare(
            &n("加强组织领导明确分管领导和工作人员"),
            &n("完善平台建设及时更新门户网站栏目内容"),
            3,
        );
        assert_eq!(c.similarity, 0.0);
        assert!(c.passages.is_empty());
        assert_eq!(compare(&n(""), &n("短"), 3).similarity, 0.0);
    }
}
