//! What the narrative says about 规章 and 规范性文件 (table 二's first block): `本年度制发行政规范性
//! 文件3件，废止1件，现行有效12件`, `制定规章1件、规范性文件2件`, `未制发规范性文件`.
//!
//! Read sentence by sentence, in segments (split at `，、；`): a segment names a kind (规章;
//! 行政规范性文件 or 规范性文件) and a measure (制定/制发/印发/出台 → issued; 废止 → repealed; 现行
//! 有效 → in force; 2019's 公开 → published, 累计公开 → published in total), and a segment that
//! names only one of them takes the other from the segment before (`…3件，废止1件`). Only these
//! kinds: 政策性文件, 规章制度 or "各类文件" are other things, and a sentence about other bodies
//! (全区各部门, 各乡镇), several kinds together (`规章和规范性文件共5件`), another year, a
//! comparison, a plan, a review of documents (清理, 审查, 备案, 解读) is not read.

use super::claims::{other_year, PLANS};
use super::counts::{counts, Count};
use super::prose::{contains_any, is_clause_break, Sentence};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// 规章.
    Regulations,
    /// 行政规范性文件 / 规范性文件.
    Normative,
}

impl DocKind {
    /// Table 二's row key.
    pub fn row(self) -> &'static str {
        match self {
            DocKind::Regulations => "regulations",
            DocKind::Normative => "normative_documents",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            DocKind::Regulations => "规章",
            DocKind::Normative => "行政规范性文件",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocMeasure {
    /// 制定, 制发, 印发, 出台, 新制作.
    Issued,
    /// 废止.
    Repealed,
    /// 现行有效.
    InForce,
    /// 公开 (2019: 本年新公开数量).
    Published,
    /// 累计公开, 对外公开总数 (2019: 对外公开总数量).
    PublishedTotal,
}

impl DocMeasure {
    pub fn zh(self) -> &'static str {
        match self {
            DocMeasure::Issued => "制发",
            DocMeasure::Repealed => "废止",
            DocMeasure::InForce => "现行有效",
            DocMeasure::Published => "公开",
            DocMeasure::PublishedTotal => "累计公开",
        }
    }
}

/// A figure the narrative states for 规章 or 规范性文件.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentClaim {
    pub kind: DocKind,
    pub measure: DocMeasure,
    pub value: u64,
    /// Prose range of the number (or of the words that say "none").
    pub start: usize,
    pub end: usize,
    /// Prose range of the sentence.
    pub sentence: (usize, usize),
}

const MEASURES: &[(&str, DocMeasure)] = &[
    ("对外公开总数", DocMeasure::PublishedTotal),
    ("累计公开", DocMeasure::PublishedTotal),
    ("现行有效", DocMeasure::InForce),
    ("新制作", DocMeasure::Issued),
    ("制定", DocMeasure::Issued),
    ("制发", DocMeasure::Issued),
    ("印发", DocMeasure::Issued),
    ("出台", DocMeasure::Issued),
    ("废止", DocMeasure::Repealed),
    ("废除", DocMeasure::Repealed),
    ("新公开", DocMeasure::Published),
];

/// Sentences that speak of other bodies, of a review of documents, or of several kinds at once.
const NOT_OURS: &[&str] = &[
    "各部门",
    "各单位",
    "各乡镇",
    "各街道",
    "各镇",
    "各县",
    "各区",
    "各市",
    "各级",
    "系统内",
    "全区",
    "全市",
    "全县",
    "全省",
    "清理",
    "审查",
    "备案",
    "审核",
    "解读",
    "征求意见",
    "起草",
    "评估",
    "同比",
    "较上年",
    "比上年",
    "较去年",
    "去年",
    "上年",
    "计划",
    "以来",
    "历年",
];

const NONE: &[&str] = &["未", "没有", "无"];

/// The documents the narrative counts (`sentences` are the prose's).
pub fn documents(sentences: &[Sentence], year: Option<i32>) -> Vec<DocumentClaim> {
    let mut out = Vec::new();
    for st in sentences {
        let (s, e, sentence) = (st.start, st.end, st.text);
        if !st.contains_any(&["规范性文件", "规章"]) {
            continue;
        }
        if other_year(sentence, year) || st.contains_any(NOT_OURS) || st.contains_any(PLANS) {
            continue;
        }
        let mut kind: Option<DocKind> = None;
        let mut measure: Option<DocMeasure> = None;
        for (a, b) in segments(sentence) {
            let seg = sentence.get(a..b).unwrap_or("");
            let k = kind_in(seg);
            let m = MEASURES
                .iter()
                .filter_map(|(w, m)| crate::chars::find(seg, w).map(|p| (p, *m)))
                .min_by_key(|x| x.0)
                .map(|x| x.1);
            // A segment that names another kind of document ends what the sentence says.
            if contains_any(
                seg,
                &["政策性文件", "规章制度", "其他文件", "各类文件", "政策文件"],
            ) {
                kind = None;
                measure = None;
                continue;
            }
            match (k, kind) {
                (Some(Kinds::Both), _) => {
                    kind = None;
                    continue;
                }
                (Some(Kinds::One(k)), _) => kind = Some(k),
                (None, _) => {}
            }
            if let Some(m) = m {
                measure = Some(m);
            }
            let (Some(kind), Some(measure)) = (kind, measure) else {
                continue;
            };
            let cs: Vec<Count> = counts(seg, s + a)
                .into_iter()
                .filter(|c| matches!(c.unit, '件' | '个' | '部'))
                .collect();
            match cs.as_slice() {
                [c] if !c.vague => out.push(DocumentClaim {
                    kind,
                    measure,
                    value: c.value,
                    start: c.start,
                    end: c.end,
                    sentence: (s, e),
                }),
                [] if m.is_some() && k.is_some() => {
                    // "未制发规范性文件": none, when the negation stands right before the measure.
                    let Some(p) = MEASURES
                        .iter()
                        .filter_map(|(w, _)| crate::chars::find(seg, w))
                        .min()
                    else {
                        continue;
                    };
                    let head = seg.get(..p).unwrap_or("");
                    if let Some(n) = NONE
                        .iter()
                        .find(|n| head.ends_with(*n) || head.ends_with(&format!("{n}新")))
                    {
                        let at = s + a + head.rfind(n).unwrap_or(0);
                        out.push(DocumentClaim {
                            kind,
                            measure,
                            value: 0,
                            start: at,
                            end: s + b,
                            sentence: (s, e),
                        });
                    }
                }
                _ => {}
            }
        }
    }
    out
}

#[derive(Clone, Copy)]
enum Kinds {
    One(DocKind),
    Both,
}

fn kind_in(seg: &str) -> Option<Kinds> {
    let normative = crate::chars::contains(seg, "规范性文件");
    let regulations = crate::chars::find_iter(seg, "规章")
        .any(|i| !seg.get(i..).unwrap_or("").starts_with("规章制度"));
    match (regulations, normative) {
        (true, true) => Some(Kinds::Both),
        (true, false) => Some(Kinds::One(DocKind::Regulations)),
        (false, true) => Some(Kinds::One(DocKind::Normative)),
        (false, false) => None,
    }
}

fn segments(sentence: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    for (i, c) in sentence.char_indices() {
        if is_clause_break(c) || c == '、' {
            if i > start {
                out.push((start, i));
            }
            start = i + c.len_utf8();
        }
    }
    if sentence.len() > start {
        out.push((start, sentence.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::View;

    fn read(t: &str) -> Vec<(DocKind, DocMeasure, u64)> {
        let p = super::super::prose::build(&View::new(t), &[]);
        documents(&super::super::prose::sketched_sentences(&p), Some(2023))
            .into_iter()
            .map(|d| (d.kind, d.measure, d.value))
            .collect()
    }

    use DocKind::*;
    use DocMeasure::*;

    #[test]
    fn issued_repealed_in_force() {
        assert_eq!(
            read("本年度制发行政规范性文件3件,废止1件,现行有效12件。"),
            vec![
                (Normative, Issued, 3),
                (Normative, Repealed, 1),
                (Normative, InForce, 12)
            ]
        );
        assert_eq!(
            read("全年制定规章1件、规范性文件2件。"),
            vec![(Regulations, Issued, 1), (Normative, Issued, 2)]
        );
        assert_eq!(
            read("本年度未制发规范性文件。"),
            vec![(Normative, Issued, 0)]
        );
    }

    #[test]
    fn other_documents_bodies_and_reviews_are_not_read() {
        for t in [
            "全年制发政策性文件11件。",
            "制定内部规章制度3件。",
            "全区各部门共制发行政规范性文件15件。",
            "制发规章和规范性文件共5件。",
            "清理规范性文件50件,废止3件。",
            "对规范性文件进行合法性审查8件。",
            "2022年制发规范性文件4件。",
            "较上年多制发规范性文件2件。",
            "2024年计划制定规范性文件3件。",
        ] {
            assert_eq!(read(t), vec![], "{t}");
        }
    }
}
