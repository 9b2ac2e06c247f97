//! Totals and the parts the narrative lists after them: `共…N条，其中A a条、B b条`, `全年…N条，
//! 包括…`, and lists that follow in the next sentence of the paragraph (`…共26条。主要类别：
//! 规范性文件2条、…`). Also the shares stated with a part (`258件，占33.9%`).
//!
//! The total is the last count of the clause before the list word; the parts are the counts
//! with the total's unit after it, one per segment (segments end at `，、；：` and clause
//! breaks; a segment without a count lends its words to the next part's label), up to the end
//! of the sentence, a bracket, a nested list word (a list of the last part), or a segment that
//! starts a new measure (办结, 答复, 另有…). A part clause that compares (同比, 较) or is vague
//! (约, 余) leaves the whole list unread. What a list means (channels that may overlap,
//! categories, the four results of a review) is the rule's business (N04); this only reads.

use super::counts::{counts, share_at, Count, Share};
use super::prose::{contains_any, is_clause_break, Prose, Sentence};

/// A total and the parts listed after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub total: Count,
    pub parts: Vec<Part>,
    /// The list word as written (其中, 包括, 主要类别, 分别为 …).
    pub marker: &'static str,
    /// The list runs to the end of the prose (a text that stops early may have lost parts).
    pub cut: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub count: Count,
    /// Prose range of the part's words (its label), without the count.
    pub label: (usize, usize),
    /// A share stated right after it (`占33.9%`).
    pub share: Option<Share>,
}

/// Words that introduce the parts of a total, longest first.
const MARKERS: &[&str] = &[
    "主要类别包括",
    "具体包括",
    "主要包括",
    "分别是",
    "分别为",
    "主要类别",
    "主要有",
    "具体为",
    "包括",
    "包含",
    "其中",
];

/// Words that say a part is not a plain share of the total: the list is not read.
const PART_STOP: &[&str] = &[
    "同比",
    "增长",
    "减少",
    "增加",
    "下降",
    "上升",
    "较",
    "比上年",
    "比去年",
    "累计",
    "以来",
    "平均",
    "率",
    "超过",
    "以上",
    "以下",
    "不足",
    "人次",
    "每月",
    "每周",
    "每季",
    "每年",
];

/// Words right before a number that make it approximate.
const ABOUT: &[char] = &['约', '近', '超', '逾'];

/// Words that start a new measure: the list ends before them.
const LIST_END: &[&str] = &[
    "办结", "答复", "结转", "顺延", "另有", "另外", "此外", "同时", "还有", "合计", "总计", "共计",
    "均", "已",
];

/// Totals and their parts, paragraph by paragraph (`sentences` are the prose's).
pub fn breakdowns(prose: &Prose, sentences: &[Sentence]) -> Vec<Breakdown> {
    let mut out = Vec::new();
    // The previous sentence of the same paragraph.
    let mut previous: Option<(usize, usize)> = None;
    let mut previous_end = 0usize;
    for st in sentences {
        // A line break since the previous sentence starts a paragraph.
        if prose.slice(previous_end, st.start).contains('\n') {
            previous = None;
        }
        let sentence = st.text;
        let mut from = 0usize;
        while let Some((at, marker)) = next_marker(sentence, from) {
            from = at + marker.len();
            let b = breakdown_at(sentence, st.start, at, marker, previous, prose);
            if let Some(mut b) = b {
                b.cut = st.end >= prose.len();
                out.push(b);
            }
        }
        previous = Some((st.start, st.end));
        previous_end = st.end;
    }
    out
}

/// The next list word at or after `from`, within a few characters of scanning per position.
fn next_marker(sentence: &str, from: usize) -> Option<(usize, &'static str)> {
    // Which characters a marker can start with (code point modulo 64): most characters of a
    // sentence start none, and are passed over without comparing.
    let bit = |c: char| 1u64 << (u32::from(c) % 64);
    let starts = MARKERS
        .iter()
        .filter_map(|m| m.chars().next())
        .fold(0u64, |acc, c| acc | bit(c));
    let rest = sentence.get(from..)?;
    rest.char_indices().find_map(|(i, c)| {
        if bit(c) & starts == 0 {
            return None;
        }
        let r = rest.get(i..)?;
        MARKERS
            .iter()
            .find(|m| r.starts_with(*m))
            .map(|m| (from + i, *m))
    })
}

fn breakdown_at(
    sentence: &str,
    base: usize,
    at: usize,
    marker: &'static str,
    previous: Option<(usize, usize)>,
    prose: &Prose,
) -> Option<Breakdown> {
    // The total: the last count of the clause right before the list word, else (a list at the
    // start of its sentence) the last clause of the previous sentence.
    let head = sentence.get(..at)?;
    let head_trim = head.trim_end_matches([',', ':']);
    let total = if head_trim.chars().count() <= 2 {
        let (a, b) = previous?;
        total_of(prose.slice(a, b), a)?
    } else {
        total_of(head_trim, base)?
    };
    // The parts: up to the end of the sentence, a bracket or a nested list word.
    let rest_start = at + marker.len();
    let rest = sentence.get(rest_start..)?;
    let rest_end = rest
        .char_indices()
        .find(|&(i, c)| {
            c == '('
                || c == ')'
                || (i > 0
                    && rest
                        .get(i..)
                        .is_some_and(|r| MARKERS.iter().any(|m| r.starts_with(m))))
        })
        .map_or(rest.len(), |(i, _)| i);
    let rest = rest.get(..rest_end)?;
    let rest_base = base + rest_start;
    let mut parts = Vec::new();
    // Where the words of the next part's label begin (segments without a count lend theirs).
    let mut label_start: Option<usize> = None;
    for (sa, sb) in segments(rest) {
        let seg = rest.get(sa..sb)?;
        let cs = counts(seg, rest_base + sa);
        if cs.is_empty() {
            label_start.get_or_insert(sa);
            continue;
        }
        let [c] = cs.as_slice() else { return None };
        let unit_end = c.end + c.unit.len_utf8();
        let after = rest.get(unit_end - rest_base..sb).unwrap_or("");
        let share = share_at(after, unit_end);
        // The segment's words without its share: what says what the part is.
        let words = match share {
            Some(sh) => {
                let head = rest.get(sa..c.end - rest_base).unwrap_or("");
                let tail = rest.get((sh.end - rest_base).min(sb)..sb).unwrap_or("");
                format!("{head}{tail}")
            }
            None => seg.to_string(),
        };
        if contains_any(&words, LIST_END) {
            break;
        }
        let lead = rest.get(sa..c.start - rest_base).unwrap_or("");
        if contains_any(&words, PART_STOP)
            || c.vague
            || lead
                .chars()
                .next_back()
                .is_some_and(|ch| ABOUT.contains(&ch))
            || (share.is_none() && seg.contains('%'))
        {
            return None;
        }
        if c.unit != total.unit {
            break;
        }
        parts.push(Part {
            count: *c,
            label: (rest_base + label_start.take().unwrap_or(sa), c.start),
            share,
        });
    }
    (!parts.is_empty()).then_some(Breakdown {
        total,
        parts,
        marker,
        cut: false,
    })
}

/// The last exact count of a clause that can be a total: not a comparison or running total.
fn total_of(head: &str, base: usize) -> Option<Count> {
    // Look back at most 80 characters, so many list words in one sentence stay linear; a
    // longer clause is no plain "共…N件" anyway.
    let (clause_start, c) = head
        .char_indices()
        .rev()
        .take(80)
        .find(|&(i, c)| is_clause_break(c) || i == 0)?;
    let clause_start = if is_clause_break(c) {
        clause_start + c.len_utf8()
    } else {
        clause_start
    };
    let clause = head.get(clause_start..)?;
    if contains_any(clause, PART_STOP) || clause.contains('占') {
        return None;
    }
    let total = *counts(clause, base + clause_start).last()?;
    let lead = clause
        .get(..total.start - base - clause_start)
        .unwrap_or("");
    let about = lead
        .chars()
        .next_back()
        .is_some_and(|ch| ABOUT.contains(&ch));
    (!total.vague && !about).then_some(total)
}

/// Part segments of a list: split at clause breaks and `、`; a share (`占33.9%`) stays with its
/// part.
fn segments(rest: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    for (i, c) in rest.char_indices() {
        let brk = (is_clause_break(c) || c == '、')
            && !(c == ',' && super::prose::thousands_comma(rest, i));
        if !brk {
            continue;
        }
        // "258件,占33.9%": the share is part of the same segment.
        if rest
            .get(i + c.len_utf8()..)
            .is_some_and(|r| r.starts_with('占'))
        {
            continue;
        }
        if i > start {
            out.push((start, i));
        }
        start = i + c.len_utf8();
    }
    if rest.len() > start {
        out.push((start, rest.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::View;

    fn read(t: &str) -> (Prose, Vec<Breakdown>) {
        let p = super::super::prose::build(&View::new(t), &[]);
        let b = breakdowns(&p, &super::super::prose::sketched_sentences(&p));
        (p, b)
    }

    fn shape(t: &str) -> Vec<(u64, Vec<u64>)> {
        read(t)
            .1
            .iter()
            .map(|b| {
                (
                    b.total.value,
                    b.parts.iter().map(|p| p.count.value).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn lists_within_a_sentence() {
        assert_eq!(
            shape("政府信息公开行政复议51件,其中结果维持12件,结果纠正4件,其他结果30件,尚未审结5件;政府信息公开行政诉讼6件,其中结果维持2件。"),
            vec![(51, vec![12, 4, 30, 5]), (6, vec![2])]
        );
        assert_eq!(
            shape("本年度主动公开信息90条,包括门户网站20条,政务微博15条、“某某发布”公众号100条,其中民生类40条、经济类30条。"),
            vec![(90, vec![20, 15, 100]), (100, vec![40, 30])]
        );
    }

    #[test]
    fn lists_in_the_next_sentence_of_the_paragraph() {
        assert_eq!(
            shape("全年主动公开政府信息共45条。主要类别:规划计划5条、工作动态30条、通知公告10条。截至年底累计公开300条。"),
            vec![(45, vec![5, 30, 10])]
        );
        // Not across paragraphs.
        assert_eq!(shape("全年公开信息45条。\n其中:工作动态30条。"), vec![]);
    }

    #[test]
    fn labels_and_shares() {
        let (p, b) = read("共收到申请400件,其中予以公开100件,占25%,不予公开30件,占比8.5%。");
        assert_eq!(b.len(), 1);
        let labels: Vec<_> = b[0]
            .parts
            .iter()
            .map(|x| p.slice(x.label.0, x.label.1))
            .collect();
        assert_eq!(labels, vec!["予以公开", "不予公开"]);
        let shares: Vec<_> = b[0]
            .parts
            .iter()
            .map(|x| x.share.map(|s| s.percent))
            .collect();
        assert_eq!(shares, vec![Some(25.0), Some(8.5)]);
        let (p, b) = read("信息80条,其中新华社、人民网等媒体发布信息20条。");
        assert_eq!(
            p.slice(b[0].parts[0].label.0, b[0].parts[0].label.1),
            "新华社、人民网等媒体发布信息"
        );
    }

    #[test]
    fn lists_end_at_a_new_measure_and_comparisons_are_not_read() {
        assert_eq!(
            shape("共收到申请10件,其中自然人申请8件,法人2件,已办结12件。"),
            vec![(10, vec![8, 2])]
        );
        assert_eq!(
            shape("共收到申请10件,其中自然人申请8件,同比增长20件。"),
            vec![]
        );
        assert_eq!(shape("发布信息180余条,其中网站发布200条。"), vec![]);
        assert_eq!(shape("共收到申请10件。其中,办结12件。"), vec![]);
    }

    #[test]
    fn a_list_cut_by_the_end_of_the_text_says_so() {
        let (_, b) = read("全年公开信息300条,其中工作动态100条、通知公告50条、人事");
        assert_eq!(b.len(), 1);
        assert!(b[0].cut);
        let (_, b) = read("全年公开信息300条,其中工作动态100条。\n下一段。");
        assert!(!b[0].cut);
    }
}
