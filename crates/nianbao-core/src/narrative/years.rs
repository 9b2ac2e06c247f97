//! The year a paragraph reports its work under: `2022年，…` opening a paragraph, or right after
//! a sub-item heading (`(三)政府信息管理情况 2022年，…共制定规范性文件…`, also inline in a
//! one-line paste). A report for 2023 whose sub-item opens with 2022 most likely kept last
//! year's sentence (M02).
//!
//! Not a lead: a year in the middle of a sentence, a year followed by anything but a comma
//! (`2022年以来`, `2022年度报告`), a sub-item about last year on purpose (上年度问题整改, 去年),
//! and a sentence that also names another year (a comparison: `2022年…，2023年…`).

use super::prose::{contains_any, paragraphs, Prose};
use crate::dates;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearLead {
    pub year: i32,
    /// Prose range of `2022年`.
    pub start: usize,
    pub end: usize,
    /// Prose range of the sentence it opens.
    pub sentence: (usize, usize),
}

/// Headings or sentences that are about another year on purpose.
const ABOUT_ANOTHER_YEAR: &[&str] = &[
    "上年",
    "上一年",
    "去年",
    "整改",
    "问题",
    "回顾",
    "对比",
    "相比",
    "比较",
    "同比",
    "较",
];

pub fn year_leads(prose: &Prose) -> Vec<YearLead> {
    let mut out = Vec::new();
    for (ps, pe) in paragraphs(&prose.text) {
        let paragraph = prose.slice(ps, pe);
        for (y, s, e) in dates::years(paragraph) {
            let after = paragraph.get(e..).unwrap_or("");
            let after = after.strip_prefix('年').unwrap_or("");
            let after = after.strip_prefix('度').unwrap_or(after);
            if !after.starts_with([',', '，']) {
                continue;
            }
            let before = paragraph.get(..s).unwrap_or("");
            let Some(heading) = lead_position(before) else {
                continue;
            };
            let sentence_end = after
                .find(['。', ';', '\n'])
                .map_or(paragraph.len(), |i| paragraph.len() - after.len() + i);
            let sentence = paragraph.get(s..sentence_end).unwrap_or("");
            if contains_any(heading, ABOUT_ANOTHER_YEAR)
                || contains_any(sentence, ABOUT_ANOTHER_YEAR)
                || dates::years(sentence).iter().any(|&(v, _, _)| v != y)
            {
                continue;
            }
            out.push(YearLead {
                year: y,
                start: ps + s,
                end: ps + e + '年'.len_utf8(),
                sentence: (ps + s, ps + sentence_end),
            });
        }
    }
    out
}

/// Whether a year at the end of `before` opens its paragraph or sub-item: `before` is empty, or
/// is (the rest of a sentence and) a sub-item heading `(三)政府信息管理情况`. Returns the heading.
fn lead_position(before: &str) -> Option<&str> {
    if before.is_empty() {
        return Some("");
    }
    // A heading: numbering, then at most 20 characters without punctuation.
    let tail: String = before
        .chars()
        .rev()
        .take(24)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let close = tail.rfind([')', '、', '.'])?;
    let title = tail.get(close + 1..)?;
    let n = title.chars().count();
    if !(2..=20).contains(&n) || !title.chars().all(crate::chars::is_han) {
        return None;
    }
    if !["情况", "方面", "工作", "建设", "管理", "公开"]
        .iter()
        .any(|w| title.ends_with(w))
    {
        return None;
    }
    let numbering = tail.get(..close + 1)?;
    let ok = [
        "(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)", "(八)", "(九)", "(十)",
    ]
    .iter()
    .any(|m| numbering.ends_with(m))
        || numbering
            .trim_end_matches(['、', '.'])
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    if !ok {
        return None;
    }
    let heading_start = before.len() - tail.len() + close + 1;
    before.get(heading_start..)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::View;

    fn leads(t: &str) -> Vec<i32> {
        let p = super::super::prose::build(&View::new(t), &[]);
        year_leads(&p).into_iter().map(|l| l.year).collect()
    }

    #[test]
    fn years_that_open_a_paragraph_or_sub_item() {
        assert_eq!(
            leads("(三)政府信息管理情况\n2022年,共制定规范性文件3件。"),
            vec![2022]
        );
        assert_eq!(
            leads("一、总体情况 (三)政府信息管理情况 2022年,共制定规范性文件3件。"),
            vec![2022]
        );
        assert_eq!(leads("2023年度,本机关认真做好公开工作。"), vec![2023]);
    }

    #[test]
    fn years_that_do_not() {
        for t in [
            "本机关在2022年,完成了整合。",
            "2022年以来,持续推进。",
            "2022年度报告发布后,收到意见2条。",
            "(五)上年度问题整改情况\n2022年,存在公开不及时的问题。",
            "2022年,公开信息20条,2023年公开信息30条。",
            "(一)主动公开\n2022年较上年增加5条。",
        ] {
            assert_eq!(leads(t), Vec::<i32>::new(), "{t}");
        }
    }
}
