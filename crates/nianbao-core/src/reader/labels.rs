//! Row labels: which template row a label names. By its key phrases first; a label broken
//! over lines is a fragment of one row's fixed text; a label with a typo in the fixed text is
//! the row whose text it nearly is. Fragments and typos are ambiguous alone, so they are taken
//! in template order: the next row not yet read whose text fits.

use crate::chars::chinese_digit;
use crate::model::Template;
use crate::template::{self, RowDef, TableKind, REQUESTS};

/// Strips one numbering prefix: `一、` `(一)` `1.` `3、` `(七)`.
pub(super) fn strip_numbering(s: &str) -> &str {
    let t = s.trim_start_matches(['(', '[', '【']);
    let digits = t.trim_start_matches(|c: char| c.is_ascii_digit() || chinese_digit(c).is_some());
    if digits.len() == t.len() {
        return s;
    }
    digits.trim_start_matches([')', ']', '】', '、', '.', ',', '．', ' '])
}

pub(super) fn is_narrative(label: &str) -> bool {
    if label.len() > 48 * 3
        || label.contains('。')
        || label.contains(';')
        || label.chars().count() > 48
    {
        return true;
    }
    let mut prev = ' ';
    for c in label.chars() {
        if prev.is_ascii_digit() && matches!(c, '件' | '条' | '次' | '个') {
            return true;
        }
        prev = c;
    }
    false
}

/// The template row a label names, if any.
#[cfg(test)]
pub(super) fn match_row(label: &str, defs: &[&'static RowDef]) -> Option<&'static RowDef> {
    if is_narrative(label) {
        return None;
    }
    match_row_unchecked(label, defs)
}

/// `match_row` for a label already known not to be prose.
pub(super) fn match_row_unchecked(
    label: &str,
    defs: &[&'static RowDef],
) -> Option<&'static RowDef> {
    let stripped = strip_numbering(label);
    let numbered = stripped.len() < label.len();
    // A phrase can only be in the label if all its characters are: a 64-bit sketch of the
    // label's characters skips most phrases without searching.
    let bit = |c: char| 1u64 << (u32::from(c) % 64);
    let label_sketch = stripped.chars().fold(0u64, |acc, c| acc | bit(c));
    let mut best: Option<(usize, &'static RowDef)> = None;
    for &def in defs {
        if let Some(exact) = def.exact {
            let core = stripped.trim_end_matches([':', '。', ' ', ')']);
            if numbered && core == exact {
                return Some(def);
            }
            continue;
        }
        for p in def.phrases {
            if p.chars().any(|c| bit(c) & label_sketch == 0) {
                continue;
            }
            if let Some(at) = crate::chars::find(stripped, p) {
                let chars_before = stripped.get(..at).map(|s| s.chars().count()).unwrap_or(0);
                if chars_before <= 14 && best.is_none_or(|(b, _)| at < b) {
                    best = Some((at, def));
                }
            }
        }
    }
    best.map(|(_, d)| d)
}

/// Rows to match labels against: both templates' rows (so a mixed report is still read).
pub(super) fn match_defs(kind: TableKind, template: Template) -> Vec<&'static RowDef> {
    match kind {
        TableKind::Requests => REQUESTS.iter().collect(),
        TableKind::Active => {
            let mut v = template::rows(kind, template);
            let other = if template == Template::T2019 {
                Template::T2021
            } else {
                Template::T2019
            };
            for d in template::rows(kind, other) {
                if !v.iter().any(|x| x.key == d.key) {
                    v.push(d);
                }
            }
            v
        }
        TableKind::Reviews => Vec::new(),
    }
}

pub(super) fn is_header(label: &str) -> bool {
    // 表三's column 其他 (the exact row 3.其他 is numbered).
    if label.contains("其他") && view_core(label) == "其他" && number(label).is_none() {
        return true;
    }
    [
        "信息内容",
        "第二十条",
        "本年",
        "数量",
        "金额",
        "申请人",
        "自然人",
        "法人",
        "商业企业",
        "科研机构",
        "社会公益",
        "法律服务",
        "结果",
        "总计",
        "项目",
    ]
    .iter()
    .any(|h| crate::chars::contains(label, h))
}

/// Group rows of 表三 that carry no numbers: （三）不予公开 … （六）其他处理 (2021), 三、本年度办理结果.
pub(super) fn is_group(label: &str) -> bool {
    is_group_core(&view_core(label))
}

/// `is_group` for a label's core (`core`).
pub(super) fn is_group_core(core: &str) -> bool {
    ["不予公开", "无法提供", "不予处理", "其他处理"].contains(&core)
        || core.starts_with("本年度办理结果")
}

/// A label's text without numbering, punctuation and spaces: what is compared with the
/// template's fixed text.
///
/// Labels of the view are normalised already (full-width, traditional); the template's own
/// texts are not, so they are normalised first.
pub(super) fn core(label: &str) -> String {
    let normalised = label.chars().all(|c| crate::chars::normalize(c) == Some(c));
    if normalised {
        return strip(label).into_owned();
    }
    let normal: String = label.chars().filter_map(crate::chars::normalize).collect();
    strip(&normal).into_owned()
}

/// `core` of a label of the view (normalised already): borrowed when nothing is removed.
pub(super) fn view_core(label: &str) -> std::borrow::Cow<'_, str> {
    strip(label)
}

fn strip(label: &str) -> std::borrow::Cow<'_, str> {
    let s = strip_numbering(label);
    if s.chars().any(|c| c.is_whitespace() || is_punct(c)) {
        std::borrow::Cow::Owned(
            s.chars()
                .filter(|c| !c.is_whitespace() && !is_punct(*c))
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | ','
            | '.'
            | ':'
            | ';'
            | '、'
            | '“'
            | '”'
            | '"'
            | '\''
            | '‘'
            | '’'
            | '|'
            | '*'
            | '。'
    )
}

/// The numbering a label starts with (`2.` → 2, `(三)` → 3), if any.
pub(super) fn number(label: &str) -> Option<u32> {
    let t = label.trim_start_matches(['(', '[', '【', ' ']);
    let mut n: Option<u32> = None;
    for c in t.chars() {
        let d = c
            .to_digit(10)
            .or_else(|| chinese_digit(c).map(u32::from))
            .filter(|_| n.is_none_or(|v| v < 10));
        match d {
            Some(d) => n = Some(n.unwrap_or(0) * 10 + d),
            None => break,
        }
    }
    n
}

/// A row's fixed text as the template prints it (the official label, in full).
fn fixed_text(def: &RowDef) -> &'static str {
    match def.key {
        "partly_granted" => "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        _ => def.label,
    }
}

/// The core of a row's fixed text and its length in characters, computed once for every row
/// of the templates (by its official label: the same label has the same fixed text).
fn fixed_core(def: &RowDef) -> (&'static str, usize) {
    let (c, n, _) = fixed(def);
    (c, n)
}

/// A 64-bit set of a text's characters: a text can only share characters with another
/// whose set overlaps.
fn sketch(s: &str) -> u64 {
    s.chars()
        .fold(0u64, |acc, c| acc | 1u64 << (u32::from(c) % 64))
}

/// The core, length and sketch of every row's fixed text, computed once.
fn fixed(def: &RowDef) -> (&'static str, usize, u64) {
    // Sorted by label for a binary search (no HashMap: its hashing cost the wasm ~2 KiB); among
    // equal labels the later table's entry first, as a map collected in this order keeps it.
    type Cores = Vec<(&'static str, std::cmp::Reverse<usize>, (String, usize, u64))>;
    static CORES: std::sync::OnceLock<Cores> = std::sync::OnceLock::new();
    let cores = CORES.get_or_init(|| {
        let mut cores: Cores = REQUESTS
            .iter()
            .chain(template::ACTIVE_2019)
            .chain(template::ACTIVE_2021)
            .chain(template::REVIEWS)
            .enumerate()
            .map(|(i, d)| {
                let c = core(fixed_text(d));
                let n = c.chars().count();
                let k = sketch(&c);
                (d.label, std::cmp::Reverse(i), (c, n, k))
            })
            .collect();
        crate::order::sort_by_key(&mut cores, |e| (e.0, e.1));
        cores
    });
    let at = cores.partition_point(|e| e.0 < def.label);
    cores
        .get(at)
        .filter(|e| e.0 == def.label)
        .map_or(("", 0, 0), |(_, _, (c, n, k))| (c.as_str(), *n, *k))
}

/// Whether a label (by its `core`) is a piece of row `def`'s fixed text (a label broken over
/// lines).
pub(super) fn is_fragment_of(core: &str, def: &RowDef) -> bool {
    !core.is_empty() && crate::chars::contains(fixed_core(def).0, core)
}

/// Whether a label (by its `core`) is a later piece of row `def`'s fixed text, not its start:
/// the end of a label broken over lines (`息公开申请`).
pub(super) fn is_tail_fragment(core: &str, def: &RowDef) -> bool {
    let fixed = fixed_core(def).0;
    is_fragment_of(core, def) && !fixed.starts_with(core)
}

/// How close a label is to a row's fixed text: the longest common subsequence over the
/// longer of the two, in characters. Labels are short (≤ 48 characters), so this is cheap.
pub(super) fn similarity(core: &str, def: &RowDef) -> f64 {
    let (fixed, lb, fixed_sketch) = fixed(def);
    let la = core.chars().count();
    // Most labels share few characters with a row: skip them without the LCS.
    let common = (sketch(core) & fixed_sketch).count_ones() as f64;
    if common < TYPO_SIMILARITY * 0.8 * f64::from(fixed_sketch.count_ones()) {
        return 0.0;
    }
    // The LCS is at most the shorter length: too different in length is never similar.
    if la == 0
        || lb == 0
        || la > 64
        || lb > 64
        || (la.min(lb) as f64) < TYPO_SIMILARITY * la.max(lb) as f64
    {
        return 0.0;
    }
    let a: Vec<char> = core.chars().collect();
    let b: Vec<char> = fixed.chars().collect();
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for &x in &a {
        for (j, &y) in b.iter().enumerate() {
            let v = if x == y {
                prev.get(j).copied().unwrap_or(0) + 1
            } else {
                prev.get(j + 1)
                    .copied()
                    .unwrap_or(0)
                    .max(cur.get(j).copied().unwrap_or(0))
            };
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = v;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let lcs = prev.last().copied().unwrap_or(0);
    lcs as f64 / a.len().max(b.len()) as f64
}

/// A typo in the fixed text: close enough to be that row and to no other (numbering agrees
/// when the label has one).
pub(super) const TYPO_SIMILARITY: f64 = 0.7;

/// The rows a label with a typo may be, best first.
pub(super) fn near_rows(label: &str, defs: &[&'static RowDef]) -> Vec<(&'static RowDef, f64)> {
    let core = view_core(label);
    if core.chars().count() < 4 || is_narrative(label) {
        return Vec::new();
    }
    let n = number(label);
    let mut v: Vec<(&'static RowDef, f64)> = Vec::new();
    for d in defs.iter().filter(|d| n.is_none() || number(d.label) == n) {
        let s = similarity(&core, d);
        if s >= TYPO_SIMILARITY {
            // Best first, equal scores in the order of `defs`: a stable sort by insertion (the
            // list is short), without a generic sort's code in the wasm.
            let at = v.partition_point(|x| x.1 >= s);
            v.insert(at, (*d, s));
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(key: &str) -> &'static RowDef {
        REQUESTS.iter().find(|d| d.key == key).expect("row")
    }

    #[test]
    fn typos_are_near_their_row() {
        let defs: Vec<&RowDef> = REQUESTS.iter().collect();
        let near = near_rows("2.其他法律行政止公开", &defs);
        assert_eq!(near.first().map(|d| d.0.key), Some("denied_prohibited"));
        assert!(near_rows("2.重复申请", &defs)
            .iter()
            .all(|d| d.0.key == "rejected_repeat"));
        assert!(near_rows("自然人", &defs).is_empty());
    }

    #[test]
    fn fragments_and_numbers() {
        assert!(is_fragment_of(&core("开"), def("denied_prohibited")));
        assert!(is_fragment_of(
            &core("正、行政机关不再处理其政府信"),
            def("other_no_correction")
        ));
        assert!(!is_fragment_of(&core("自然人"), def("granted")));
        assert_eq!(number("2.其他"), Some(2));
        assert_eq!(number("(三)不予公开"), Some(3));
        assert_eq!(number("予以公开"), None);
        assert!(is_group("(三)不予公开"));
        assert!(is_group("三、本年度办理结果"));
        assert!(!is_group("(一)予以公开"));
    }
}
