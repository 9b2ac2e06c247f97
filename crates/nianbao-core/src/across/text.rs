//! The text two reports are compared on, and its MinHash signature.
//!
//! "与往年雷同" is about the words a body wrote, not the template it filled in: so the text
//! compared is the narrative only (table spans and the bodies of sections 二–四, which hold the
//! tables, are left out), with numbers, dates, punctuation, spaces and Latin letters dropped
//! (only Han characters that are not numerals are kept) and the issuer's own name removed (a
//! renamed copy differs from its original only there).
//!
//! The signature is a MinHash of the set of character 5-grams: `HASHES` minima, each under its
//! own cheap permutation (multiply-add on one 64-bit hash). Two signatures estimate the
//! Jaccard similarity of their sets in O(HASHES); bands of `ROWS` minima put likely pairs in
//! the same bucket, so a batch never compares all pairs (locality-sensitive hashing).

use crate::chars::{is_han, normalize};
use crate::span::Span;

/// Characters per shingle.
pub const SHINGLE: usize = 5;
/// Minima in a signature: `BANDS * ROWS`.
pub const HASHES: usize = BANDS * ROWS;
pub const BANDS: usize = 20;
pub const ROWS: usize = 5;
/// Below this many compared characters a text is too short to call two reports alike.
pub const MIN_CHARS: usize = 100;

/// The compared characters of one report, each with the byte range it came from.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub chars: Vec<char>,
    /// For each char, its byte range in the original text.
    pub spans: Vec<(u32, u32)>,
    /// Char indexes where an excluded region (a table) was left out: no passage runs across.
    pub breaks: Vec<u32>,
}

impl Normalized {
    /// `excluded`: byte ranges of the original not compared (tables); `names`: the issuer's
    /// names, removed wherever they occur.
    pub fn new(text: &str, excluded: &[Span], names: &[String]) -> Normalized {
        let mut out = Normalized {
            chars: Vec::with_capacity(text.len() / 3),
            spans: Vec::with_capacity(text.len() / 3),
            breaks: Vec::new(),
        };
        let mut sorted: Vec<Span> = excluded.iter().copied().filter(|s| !s.is_empty()).collect();
        sorted.sort_by_key(|s| s.start);
        let mut next = sorted.iter().peekable();
        let mut skip_until = 0usize;
        for (i, c) in text.char_indices() {
            while let Some(s) = next.peek() {
                if s.start <= i {
                    skip_until = skip_until.max(s.end);
                    next.next();
                    let at = out.chars.len() as u32;
                    if out.breaks.last() != Some(&at) {
                        out.breaks.push(at);
                    }
                } else {
                    break;
                }
            }
            if i < skip_until {
                continue;
            }
            let Some(n) = normalize(c) else { continue };
            if is_han(n) && !is_numeral(n) {
                out.chars.push(n);
                out.spans
                    .push((i as u32, (i + c.len_utf8()).min(u32::MAX as usize) as u32));
            }
        }
        for name in names {
            out.remove(name);
        }
        out
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Drops every occurrence of `name` (compared as normalised Han characters).
    fn remove(&mut self, name: &str) {
        let needle: Vec<char> = name
            .chars()
            .filter_map(normalize)
            .filter(|&c| is_han(c) && !is_numeral(c))
            .collect();
        if needle.len() < 2 || needle.len() > self.chars.len() {
            return;
        }
        let mut keep = vec![true; self.chars.len()];
        let mut i = 0;
        let mut found = false;
        while i + needle.len() <= self.chars.len() {
            if self.chars.get(i..i + needle.len()) == Some(needle.as_slice()) {
                for k in keep.iter_mut().skip(i).take(needle.len()) {
                    *k = false;
                }
                i += needle.len();
                found = true;
            } else {
                i += 1;
            }
        }
        if !found {
            return;
        }
        let mut flags = keep.iter();
        self.chars.retain(|_| flags.next().copied().unwrap_or(true));
        let mut flags = keep.iter();
        self.spans.retain(|_| flags.next().copied().unwrap_or(true));
        // Breaks move back by the chars removed before them.
        let mut removed_before = Vec::with_capacity(keep.len() + 1);
        let mut n = 0u32;
        for &k in &keep {
            removed_before.push(n);
            n += u32::from(!k);
        }
        removed_before.push(n);
        for b in &mut self.breaks {
            *b -= removed_before.get(*b as usize).copied().unwrap_or(n);
        }
    }

    /// The original byte span of chars `[a, b)`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        let start = self.spans.get(a).map_or(0, |s| s.0 as usize);
        let end = b
            .checked_sub(1)
            .and_then(|l| self.spans.get(l))
            .map_or(start, |s| s.1 as usize);
        Span::new(start, end.max(start))
    }

    /// One 64-bit hash per window of `k` chars; `None` for windows across a break.
    pub fn window_hashes(&self, k: usize) -> Vec<Option<u64>> {
        if self.chars.len() < k || k == 0 {
            return Vec::new();
        }
        let mut breaks = self.breaks.iter().map(|&b| b as usize).peekable();
        self.chars
            .windows(k)
            .enumerate()
            .map(|(i, w)| {
                while breaks.peek().is_some_and(|&b| b <= i) {
                    breaks.next();
                }
                // A break strictly inside the window: its chars are not adjacent in the text.
                if breaks.peek().is_some_and(|&b| b < i + k) {
                    return None;
                }
                let mut h: u64 = 0xcbf2_9ce4_8422_2325;
                for &c in w {
                    h = (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3);
                }
                Some(mix(h))
            })
            .collect()
    }
}

/// Numerals and the characters of dates written in Chinese (二〇二三年): dropped like digits.
fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
            | '两'
    )
}

/// A 64-bit finaliser (splitmix64): spreads FNV's weak low bits.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A MinHash signature of a text's 5-gram set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub mins: [u32; HASHES],
    /// Compared characters (too few: the text takes no part in similarity).
    pub chars: u32,
}

impl Default for Signature {
    fn default() -> Self {
        Signature {
            mins: [u32::MAX; HASHES],
            chars: 0,
        }
    }
}

impl Signature {
    pub fn of(text: &Normalized) -> Signature {
        let mut sig = Signature {
            chars: text.len().min(u32::MAX as usize) as u32,
            ..Signature::default()
        };
        for h in text.window_hashes(SHINGLE).into_iter().flatten() {
            for (i, m) in sig.mins.iter_mut().enumerate() {
                // Permutation i: an odd multiplier and an offset derived from i.
                let k = (i as u64) * 2 + 1;
                let v = (h
                    .wrapping_mul(0x9e37_79b9_7f4a_7c15 ^ (k << 32 | k))
                    .wrapping_add(k.wrapping_mul(0xd6e8_feb8_6659_fd93))
                    >> 32) as u32;
                if v < *m {
                    *m = v;
                }
            }
        }
        sig
    }

    /// Long enough to be compared.
    pub fn comparable(&self) -> bool {
        self.chars as usize >= MIN_CHARS
    }

    /// The estimated Jaccard similarity of the two shingle sets, 0.0–1.0.
    pub fn estimate(&self, other: &Signature) -> f64 {
        let same = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b && **a != u32::MAX)
            .count();
        same as f64 / HASHES as f64
    }

    /// The LSH key of each band (band index mixed in, so bands never collide with each other).
    pub fn bands(&self) -> impl Iterator<Item = u64> + '_ {
        self.mins.chunks(ROWS).enumerate().map(|(b, rows)| {
            let mut h = mix(b as u64 + 1);
            for &r in rows {
                h = mix(h ^ r as u64);
            }
            h
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_han_outside_tables_without_numerals_or_the_name() {
        let text = "某某局2023年工作报告。\n表\t1\t2\n我局认真落实，某某局加强公开。";
        let table = text.find("表").unwrap();
        let table_end = text.find("2\n").unwrap() + 2;
        let n = Normalized::new(
            text,
            &[Span::new(table, table_end)],
            &["某某局".to_string()],
        );
        let s: String = n.chars.iter().collect();
        assert_eq!(s, "年工作报告我局认真落实加强公开");
        // Spans map back to the original characters.
        let sp = n.span(0, 1);
        assert_eq!(&text[sp.start..sp.end], "年");
        let last = n.span(n.len() - 2, n.len());
        assert_eq!(&text[last.start..last.end], "公开");
    }

    #[test]
    fn no_window_spans_a_left_out_table() {
        let text = "加强组织领导明确分管领导\n表\t1\n完善平台建设及时更新栏目";
        let t = text.find("表").unwrap();
        let n = Normalized::new(text, &[Span::new(t, t + "表\t1\n".len())], &[]);
        assert_eq!(n.breaks, vec![12]);
        let h = n.window_hashes(5);
        assert!(h[7].is_some() && h[8..12].iter().all(Option::is_none) && h[12].is_some());
        // Removing a name before the break moves it.
        let named = Normalized::new(text, &[Span::new(t, t + "表\t1\n".len())], &["分管".into()]);
        assert_eq!(named.breaks, vec![10]);
    }

    #[test]
    fn traditional_and_full_width_read_as_simplified() {
        let a = Normalized::new("政務公開工作", &[], &[]);
        let b = Normalized::new("政务公开工作", &[], &[]);
        assert_eq!(a.chars, b.chars);
    }

    #[test]
    fn signature_estimates_similarity() {
        let base: String = (0..400)
            .map(|i| char::from_u32(0x4e00 + 200 + (i * 37 % 900)).unwrap())
            .collect();
        let other: String = (0..400)
            .map(|i| char::from_u32(0x5e00 + (i * 53 % 900)).unwrap())
            .collect();
        let a = Signature::of(&Normalized::new(&base, &[], &[]));
        let same = Signature::of(&Normalized::new(&base, &[], &[]));
        let b = Signature::of(&Normalized::new(&other, &[], &[]));
        assert_eq!(a.estimate(&same), 1.0);
        assert!(a.estimate(&b) < 0.1, "{}", a.estimate(&b));
        assert!(a.comparable());
        assert_eq!(a.bands().count(), BANDS);
        assert!(!Signature::of(&Normalized::new("短文", &[], &[])).comparable());
    }
}
