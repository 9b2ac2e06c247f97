//! S07: the text stops before the report does, or starts after it (rules.md S07; how it is read:
//! `extent.rs`). One finding that says where, and what was therefore not read or checked; the
//! rules that would report what lies beyond the cut (S01, S05, T01, L01, L02) stay silent.

use crate::diagnostic::Diagnostic;
use crate::extent::{Start, Stop};
use crate::registry::Code;
use crate::rules::Context;
use crate::template::{row_label, TableKind, SECTION_TITLES};

const NUMERALS: [&str; 7] = ["", "一", "二", "三", "四", "五", "六"];

fn numeral(n: u8) -> &'static str {
    NUMERALS.get(usize::from(n)).copied().unwrap_or("")
}

/// "第四至第六部分" / "第六部分" for sections `from..=to`, with the tables among them.
fn range_zh(from: u8, to: u8) -> String {
    let parts = if from == to {
        format!("第{}部分", numeral(from))
    } else {
        format!("第{}至第{}部分", numeral(from), numeral(to))
    };
    let tables: Vec<&str> = [TableKind::Active, TableKind::Requests, TableKind::Reviews]
        .iter()
        .filter(|k| (from..=to).contains(&k.section()))
        .map(|k| k.zh())
        .collect();
    if tables.is_empty() {
        parts
    } else {
        format!("{parts}（含{}）", crate::fmt::join(&tables, "、"))
    }
}

fn in_table_zh(kind: TableKind, row: Option<&'static str>) -> String {
    match row.and_then(row_label) {
        Some(label) => format!("{}“{label}”这一行", kind.zh()),
        None if kind == TableKind::Reviews => format!("{}的数字", kind.zh()),
        None => kind.zh().to_string(),
    }
}

fn section_zh(n: u8) -> String {
    match SECTION_TITLES.get(usize::from(n).wrapping_sub(1)) {
        Some(title) => format!("第{}部分“{}、{title}”", numeral(n), numeral(n)),
        None => "报告开头".to_string(),
    }
}

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let extent = &ctx.report.extent;
    let mut zh = Vec::new();
    let mut en = Vec::new();
    let mut unread_zh = Vec::new();
    if let Some((stop, _)) = extent.stops {
        let (at, section) = match stop {
            Stop::InTable { kind, row } => (in_table_zh(kind, row), kind.section()),
            Stop::InSection { number } => (section_zh(number), number),
        };
        zh.push(format!("文本停在{at}，报告还没有结束"));
        en.push(format!(
            "The text stops in section {section}, before the report ends"
        ));
        if section < 6 {
            unread_zh.push(range_zh(section + 1, 6));
        }
    }
    if let Some((start, _)) = extent.starts {
        let (at, section) = match start {
            Start::InTable { kind, row } => (in_table_zh(kind, row), kind.section()),
            Start::AtSection { number } => (section_zh(number), number),
        };
        zh.push(format!("文本从{at}开始，前面没有标题和开头"));
        en.push(format!(
            "it starts in section {section}, after the report does"
        ));
        unread_zh.push(if section > 1 {
            format!("标题、开头和{}", range_zh(1, section - 1))
        } else {
            "标题和开头".to_string()
        });
    }
    let Some(span) = extent
        .stops
        .map(|(_, s)| s)
        .or(extent.starts.map(|(_, s)| s))
    else {
        return;
    };
    let unread = if unread_zh.is_empty() {
        String::new()
    } else {
        format!(
            "；{}不在文本中，未读入，也未检查",
            crate::fmt::join(&unread_zh, "以及")
        )
    };
    let mut d = Diagnostic::new(
        Code::S07,
        span,
        format!(
            "{}{unread}。如果粘贴的是报告的一部分，这一条可以忽略；如果这是完整报告，请补全缺少的内容。",
            crate::fmt::join(&zh, "；")
        ),
        format!(
            "{}; what lies outside the text was not read or checked.",
            crate::fmt::join(&en, "; ")
        ),
    );
    if let (Some((_, stop)), Some((_, start))) = (extent.stops, extent.starts) {
        if stop != start {
            d = d.with_related(start, "文本从这里开始", "the text starts here");
        }
    }
    out.push(d);
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn s07(text: &str) -> Vec<crate::Diagnostic> {
        crate::check(text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::S07)
            .collect()
    }

    fn codes(text: &str) -> Vec<&'static str> {
        crate::check(text)
            .diagnostics
            .iter()
            .filter(|d| d.severity != crate::Severity::Info)
            .map(|d| d.code.as_str())
            .collect()
    }

    const HEAD: &str = "某县审计局2023年政府信息公开工作年度报告\n本报告依据《条例》编制。\n一、总体情况\n2023年，我局认真落实条例。\n二、主动公开政府信息情况\n主动公开信息20条。\n";

    #[test]
    fn a_text_that_stops_with_sections_due_is_one_s07() {
        let d = s07(HEAD);
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message.contains("第三至第六部分（含表三、表四）"),
            "{}",
            d[0].message
        );
        let c = codes(HEAD);
        assert!(!c.contains(&"S01") && !c.contains(&"T01"), "{c:?}");
    }

    #[test]
    fn a_text_that_stops_mid_sentence_in_six_is_s07() {
        let text = format!(
            "{HEAD}三、收到和处理政府信息公开申请情况\n无。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n五、存在的主要问题及改进情况\n问题是宣传不够。\n六、其他需要报告的事项\n本年度未收取信息处理"
        );
        let d = s07(&text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("第六部分"), "{}", d[0].message);
    }

    #[test]
    fn a_signed_report_missing_a_section_is_s01_not_s07() {
        let text = format!("{HEAD}三、收到和处理政府信息公开申请情况\n无。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n五、存在的主要问题及改进情况\n无。\n某县审计局\n2024年1月20日\n");
        assert!(s07(&text).is_empty());
        assert!(codes(&text).contains(&"S01"));
    }

    #[test]
    fn a_whole_report_is_silent() {
        let text = format!("{HEAD}三、收到和处理政府信息公开申请情况\n无。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n");
        assert!(s07(&text).is_empty(), "{:?}", s07(&text));
    }

    #[test]
    fn a_text_that_starts_at_a_later_section_says_so_once() {
        let text = "五、存在的主要问题及改进情况\n问题是宣传不够。\n六、其他需要报告的事项\n无。\n";
        let d = s07(text);
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("第一至第四部分"), "{}", d[0].message);
        assert!(!codes(text).contains(&"S01"), "{:?}", codes(text));
    }

    #[test]
    fn both_ends_cut_is_still_one_finding() {
        let text = "四、政府信息公开行政复议、行政诉讼情况\n无。\n五、存在的主要问题及改进情况\n问题是宣传不够。\n";
        let d = s07(text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("停在") && d[0].message.contains("开始"));
    }

    #[test]
    fn body_words_before_the_first_heading_are_no_title() {
        // A page that begins in the middle of section 一's prose: 政府信息公开 and 根据 are
        // words of the body, not a title or preamble.
        let text = "根据上级要求，我局进一步规范政府信息公开工作，依法依规做好政府信息公开。\n二、主动公开政府信息情况\n主动公开信息20条。\n三、收到和处理政府信息公开申请情况\n无。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n";
        let d = s07(text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("第二部分"), "{}", d[0].message);
        let c = codes(text);
        assert!(!c.contains(&"S01") && !c.contains(&"M01"), "{c:?}");
    }

    #[test]
    fn a_preamble_that_names_the_report_is_a_start() {
        let text = "现将本局2023年度政府信息公开工作年度报告公布如下。\n二、主动公开政府信息情况\n主动公开信息20条。\n三、收到和处理政府信息公开申请情况\n无。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n";
        assert!(s07(text).is_empty(), "{:?}", s07(text));
        assert!(codes(text).contains(&"S01"), "{:?}", codes(text));
    }

    /// 表三 from its row `first` on (2021 template, all 0 but one request granted, in the
    /// results total and in （一）, which may be above the start), then 表四 and the last sections, in `sep`
    /// rows; `group` begins at the group label 三、本年度办理结果 instead.
    fn from_table_three(sep: &str, first: &str, group: bool) -> String {
        let rows = crate::template::rows(
            crate::template::TableKind::Requests,
            crate::model::Template::T2021,
        );
        let at = rows.iter().position(|d| d.key == first).unwrap_or(0);
        let mut t = String::new();
        if group {
            t += "三、本年度办理结果\n";
        }
        for d in rows.iter().skip(at) {
            // Begun at the first result row, the table holds that request itself.
            let one = d.key == "results_total" || (d.key == first && first == "granted");
            let (v, total) = if one { ("1", "1") } else { ("0", "0") };
            t += &format!(
                "{}{sep}{v}{}{sep}{total}\n",
                d.label,
                format!("{sep}0").repeat(5)
            );
        }
        let review = ["0"; 15].join(sep);
        t + &format!("四、政府信息公开行政复议、行政诉讼情况\n行政复议{sep}行政诉讼\n结果维持{sep}结果纠正{sep}其他结果{sep}尚未审结{sep}总计\n{review}\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n本机关未收取信息处理费。\n")
    }

    #[test]
    fn a_text_that_begins_inside_table_three_never_sums_what_it_lacks() {
        // （七）总计 counts a result above the start: no A03, no T04 for the rows before it.
        for sep in ["\t", " | ", "  "] {
            for (first, group) in [
                ("denied_state_secret", false),
                ("granted", true),
                ("rejected_repeat", false),
            ] {
                let text = from_table_three(sep, first, group);
                let d = s07(&text);
                assert_eq!(d.len(), 1, "{sep:?} {group}: {d:?}");
                assert!(d[0].message.contains("表三"), "{}", d[0].message);
                let c = codes(&text);
                assert_eq!(c, ["S07"], "{sep:?} {group}: {c:?}");
            }
        }
    }

    #[test]
    fn the_end_of_a_cut_preamble_is_no_opening() {
        // The page begins in the preamble's list of parts; section 一's heading was before it.
        let text = "行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成，现报告如下：\n（一）主动公开政府信息情况\n公开信息20条。\n二、主动公开政府信息情况\n规章\t0\t0\t0\n三、收到和处理政府信息公开申请情况\n无。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n本机关未收取信息处理费。\n";
        assert_eq!(s07(text).len(), 1, "{:?}", codes(text));
        assert!(!codes(text).contains(&"S01"), "{:?}", codes(text));
    }

    #[test]
    fn only_a_table_and_no_heading_is_a_part_not_a_report_without_sections() {
        // One PDF page of 表三's rows, no heading, no title: S07, not "no section headings".
        for sep in ["\t", " | ", "\n|\n"] {
            let text = from_table_three(sep, "denied_state_secret", false);
            let text = text
                .split("四、政府信息公开")
                .next()
                .unwrap_or("")
                .to_string();
            let c = codes(&text);
            assert_eq!(c, ["S07"], "{sep:?}: {c:?}");
        }
    }
}
