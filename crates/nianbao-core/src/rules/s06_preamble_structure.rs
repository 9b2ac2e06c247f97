//! S06: the preamble (the text before the first section heading) announces a structure that is
//! not the report's six sections.
//!
//! Source: rules.md S06; format.md §1 (the six sections). Checked sentence by sentence in the
//! preamble (PDF line wraps joined), at most one finding per sentence:
//! - an obsolete pre-2019 outline: it names 收费及减免 or 依申请公开政府信息(和不予公开政府信息)
//!   情况 as a part;
//! - a part count that is not six: "全文包括…三部分", "本报告由…五个部分组成" (the sentence must
//!   speak of the report: 全文/本报告/报告/年报, and of its make-up: 包括/包含/由/分为/组成/共);
//! - an outline naming at least three section titles that leaves out 行政复议/行政诉讼 or
//!   其他需要报告的事项;
//! - an outline that lists one section twice (`…被申请行政复议、…被申请行政复议和提起行政诉讼情况、…`:
//!   seven items for six parts). `政府信息公开行政复议、行政诉讼情况` is one item (the official title
//!   has its own `、`).
//!
//! A preamble that only says who compiled the report ("本报告由…办公室编制") is no outline. No
//! section found → nothing (there is no "before the first section"; S01 reports it).

use crate::chars::chinese_digit;
use crate::diagnostic::Diagnostic;
use crate::narrative::prose::{build_upto, contains_any, sentences};
use crate::registry::Code;
use crate::rules::Context;

const ABOUT_REPORT: &[&str] = &["全文", "本报告", "报告", "年报"];
const MAKE_UP: &[&str] = &["包括", "包含", "由", "分为", "组成", "共"];
const SECTION_NAMES: &[&str] = &[
    "总体情况",
    "主动公开政府信息",
    "收到和处理政府信息公开申请",
    "依申请公开",
    "存在的主要问题",
    "其他需要报告的事项",
    "行政复议",
];

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.report.sections.is_empty() {
        return;
    }
    let (pre, _) = ctx.preamble();
    let prose = build_upto(ctx.view, pre.len(), &[]);
    for (s, e) in sentences(&prose.text) {
        let sentence = prose.slice(s, e);
        let found = obsolete(sentence)
            .or_else(|| part_count(sentence))
            .or_else(|| incomplete_outline(sentence))
            .or_else(|| repeated_part(sentence));
        if let Some((a, b, zh, en)) = found {
            out.push(Diagnostic::new(
                Code::S06,
                prose.span(ctx.view, s + a, s + b),
                zh,
                en,
            ));
        }
    }
    // Headings of the pre-2019 outline, said once (when the preamble did not say it already).
    let announced = out.iter().any(|d| d.code == Code::S06);
    let mut old = ctx.report.sections.iter().filter(|s| s.obsolete_wording);
    if let (false, Some(first)) = (announced, old.next()) {
        let mut d = Diagnostic::new(
            Code::S06,
            first.span,
            format!(
                "标题“{}”是2019年以前旧年报提纲的写法。现行年报由六部分组成：一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，四、政府信息公开行政复议、行政诉讼情况，五、存在的主要问题及改进情况，六、其他需要报告的事项。请按现行模板改写各部分标题和内容。",
                first.heading
            ),
            "The headings follow the obsolete pre-2019 outline; use the six sections of the current template.",
        );
        for s in old {
            d = d.with_related(s.span, "旧提纲的标题", "heading of the old outline");
        }
        out.push(d);
    }
}

type Finding = (usize, usize, String, String);

fn obsolete(sentence: &str) -> Option<Finding> {
    let hit = [
        "收费及减免",
        "依申请公开政府信息和不予公开政府信息",
        "依申请公开政府信息情况",
    ]
    .iter()
    .filter_map(|k| sentence.find(k).map(|i| (i, i + k.len())))
    .min()?;
    let outline = sentence.contains("收费及减免")
        || contains_any(sentence, &["组成", "包括", "分为", "部分"]);
    outline.then(|| {
        (
            hit.0,
            hit.1,
            format!(
                "开头介绍的报告结构是2019年以前的旧提纲（“{}”已不是年报的组成部分）。现行年报由六部分组成：总体情况，主动公开政府信息情况，收到和处理政府信息公开申请情况，政府信息公开行政复议、行政诉讼情况，存在的主要问题及改进情况，其他需要报告的事项。请按现行六部分改写。",
                sentence.get(hit.0..hit.1).unwrap_or("")
            ),
            "The preamble describes the obsolete pre-2019 outline; rewrite it for the six sections.".to_string(),
        )
    })
}

fn part_count(sentence: &str) -> Option<Finding> {
    if !contains_any(sentence, ABOUT_REPORT) || !contains_any(sentence, MAKE_UP) {
        return None;
    }
    for i in crate::chars::find_iter(sentence, "部分") {
        let before = sentence.get(..i)?;
        let before_num = before.strip_suffix('个').unwrap_or(before);
        let c = before_num.chars().next_back()?;
        let n = chinese_digit(c).map(u32::from).or_else(|| c.to_digit(10));
        let Some(n) = n else { continue };
        let start = before_num.len() - c.len_utf8();
        // "第三部分" is an ordinal, not a count.
        if before_num.get(..start)?.ends_with('第') {
            continue;
        }
        if n == 6 {
            return None;
        }
        let end = i + "部分".len();
        return Some((
            start,
            end,
            format!(
                "开头说报告分为“{}”，但年度报告按国家模板应由六个部分组成（总体情况至其他需要报告的事项）。请改为“六个部分”并核对所列内容。",
                sentence.get(start..end).unwrap_or("")
            ),
            format!("The preamble announces {n} parts; the report has six sections."),
        ));
    }
    None
}

fn incomplete_outline(sentence: &str) -> Option<Finding> {
    if !contains_any(sentence, &["组成", "包括", "包含", "分为"]) {
        return None;
    }
    let named = SECTION_NAMES
        .iter()
        .filter(|k| sentence.contains(*k))
        .count();
    if named < 3 {
        return None;
    }
    let mut missing = Vec::new();
    if !contains_any(sentence, &["行政复议", "行政诉讼"]) {
        missing.push("政府信息公开行政复议、行政诉讼情况");
    }
    if !sentence.contains("其他") {
        missing.push("其他需要报告的事项");
    }
    if missing.is_empty() {
        return None;
    }
    let list = crate::fmt::join(&missing, "”和“");
    Some((
        0,
        sentence.len(),
        format!("开头对报告结构的介绍漏了“{list}”，与报告实际的六个部分不符，请补全。"),
        format!(
            "The outline in the preamble leaves out: “{}”.",
            crate::fmt::join(&missing, "”, “")
        ),
    ))
}

/// Which of the six sections an outline item names (by its key words), 1..=6.
fn section_of(item: &str) -> Option<u8> {
    const KEYS: &[(&str, u8)] = &[
        ("总体情况", 1),
        ("基本情况", 1),
        ("主动公开", 2),
        ("收到和处理", 3),
        ("依申请", 3),
        ("行政复议", 4),
        ("行政诉讼", 4),
        ("存在的主要问题", 5),
        ("存在的问题", 5),
        ("其他需要报告", 6),
    ];
    KEYS.iter().find(|(k, _)| item.contains(k)).map(|(_, n)| *n)
}

fn repeated_part(sentence: &str) -> Option<Finding> {
    if !contains_any(sentence, ABOUT_REPORT) {
        return None;
    }
    let (from, lead) = ["由", "包括", "包含", "分为"]
        .iter()
        .filter_map(|k| sentence.find(k).map(|i| (i, k.len())))
        .min()?;
    let list_start = from + lead;
    let rest = sentence.get(list_start..)?;
    let list_end = ["个部分", "部分", "组成"]
        .iter()
        .filter_map(|k| rest.find(k))
        .min()
        .unwrap_or(rest.len());
    let list = rest.get(..list_end)?;
    // Items with their offsets; `…行政复议、行政诉讼情况` is one item.
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for piece in list.split('、') {
        let (a, b) = (at, at + piece.len());
        at = b + '、'.len_utf8();
        let joins = piece.starts_with("行政诉讼") || piece.starts_with("提起行政诉讼");
        match items.last_mut() {
            Some(last)
                if joins
                    && list
                        .get(last.0..last.1)
                        .is_some_and(|p| p.ends_with("行政复议")) =>
            {
                last.1 = b;
            }
            _ => items.push((a, b)),
        }
    }
    if items.len() < 4 {
        return None;
    }
    let named: Vec<Option<u8>> = items
        .iter()
        .map(|&(a, b)| list.get(a..b).and_then(section_of))
        .collect();
    for (j, n) in named.iter().enumerate() {
        let Some(n) = n else { continue };
        let Some(k) = named.iter().skip(j + 1).position(|m| m == &Some(*n)) else {
            continue;
        };
        let (a1, b1) = *items.get(j)?;
        let (a2, b2) = *items.get(j + 1 + k)?;
        let title = crate::template::SECTION_TITLES
            .get(usize::from(*n) - 1)
            .copied()
            .unwrap_or("");
        return Some((
            list_start + a1,
            list_start + b2,
            format!(
                "开头列出的报告结构把“{title}”列了两次（“{}”和“{}”），共{}项，与年度报告的六个部分不符。请删去重复的一项。",
                list.get(a1..b1).unwrap_or(""),
                list.get(a2..b2).unwrap_or(""),
                items.len()
            ),
            format!("The outline in the preamble lists section {n} twice ({} items for six parts).", items.len()),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::fixture::{codes, report, Spec};

    fn s06(preamble: &str) -> (String, Vec<crate::Diagnostic>) {
        let t = report(&Spec {
            preamble: preamble.into(),
            ..Spec::default()
        });
        let d = codes(&t, Code::S06);
        (t, d)
    }

    #[test]
    fn fires_on_a_wrong_part_count() {
        let (t, d) = s06("全文包括总体情况、主动公开情况、依申请公开情况三部分。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "三部分");
        let (_, d) = s06("本报告由总体情况等五个部分组成。");
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn fires_on_the_old_outline() {
        let (t, d) = s06("本报告由概述、主动公开政府信息情况、依申请公开政府信息和不予公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼的情况、存在的主要问题及改进措施、其他需要报告的事项组成。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            &t[d[0].span.start..d[0].span.end],
            "依申请公开政府信息和不予公开政府信息"
        );
    }

    #[test]
    fn fires_on_an_outline_that_leaves_parts_out() {
        let (_, d) = s06("本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("行政复议"), "{}", d[0].message);
        assert!(
            d[0].message.contains("其他需要报告的事项"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn fires_on_an_outline_that_lists_a_part_twice() {
        let (_, d) = s06("全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开被申请行政复议、因政府信息公开被申请行政复议和提起行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].message.contains("列了两次") && d[0].message.contains("共7项"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn obsolete_headings_are_one_s06_and_still_sections() {
        let t = "某某镇2023年政府信息公开工作年度报告\n一、政府信息公开工作的基本情况\n1.主动公开政府信息的情况\n公开信息。\n二、主动公开政府信息情况\n内容。\n三、依申请公开政府信息办理情况\n内容。\n";
        let c = crate::check(t);
        let s06: Vec<_> = c
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::S06)
            .collect();
        assert_eq!(s06.len(), 1, "{s06:?}");
        assert_eq!(s06[0].related.len(), 1);
        assert!(
            c.diagnostics.iter().all(|d| d.code != Code::S04),
            "{:?}",
            c.diagnostics
        );
        let numbers: Vec<u8> = c.report.sections.iter().map(|s| s.number).collect();
        assert_eq!(numbers, vec![1, 2, 3]);
        // `一、工作基本情况` is section 一 in other words: S04 (info), not S01 or S06.
        let c = crate::check("一、工作基本情况\n内容。\n二、主动公开政府信息情况\n内容。\n");
        assert_eq!(c.report.sections.first().map(|s| s.number), Some(1));
        assert!(c.diagnostics.iter().any(|d| d.code == Code::S04));
        assert!(c
            .diagnostics
            .iter()
            .all(|d| d.code != Code::S06 && d.code != Code::S01));
    }

    #[test]
    fn a_right_or_no_outline_does_not_fire() {
        for p in [
            "全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。",
            "本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》规定编制。报告所列统计期限自2023年1月1日至2023年12月31日。",
            "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。",
            "本报告由六部分组成。",
            "报告第三部分的数据来自系统统计。",
            "",
        ] {
            assert!(s06(p).1.is_empty(), "{p}");
        }
    }
}
