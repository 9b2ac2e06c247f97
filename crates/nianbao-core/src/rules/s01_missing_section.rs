//! S01: one of the six sections is missing. The national template (format.md §1) has six
//! sections; a report without one leaves out something 条例 art. 50 requires.

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::{first_line, looks_like_report, Context};
use crate::template::SECTION_TITLES;

const NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.view.text.trim().is_empty() {
        return;
    }
    if ctx.report.sections.is_empty() {
        // A part of a report with no heading in it (only a table, one PDF page): S07.
        if looks_like_report(ctx) && ctx.report.extent.is_whole() {
            out.push(Diagnostic::new(
                Code::S01,
                first_line(ctx),
                "没有找到六个部分的标题（一、总体情况……六、其他需要报告的事项）。请按国家模板写出各部分标题。",
                "None of the six section headings was found.",
            ));
        }
        return;
    }
    for n in 1..=6u8 {
        // Beyond the cut of a partial text: S07 says it once.
        if ctx.report.section(n).is_some() || ctx.report.extent.section_unseen(n) {
            continue;
        }
        let title = SECTION_TITLES
            .get(usize::from(n) - 1)
            .copied()
            .unwrap_or("");
        let numeral = NUMERALS.get(usize::from(n) - 1).copied().unwrap_or("");
        // Point at the heading that follows the gap, else the one before it.
        let next = ctx.report.sections.iter().find(|s| s.number > n);
        let prev = ctx.report.sections.iter().rev().find(|s| s.number < n);
        let (span, where_zh) = match (prev, next) {
            (Some(p), _) => (p.span, format!("请在“{}”这一部分之后补上", p.heading)),
            (None, Some(nx)) => (nx.span, format!("请在“{}”之前补上", nx.heading)),
            (None, None) => (first_line(ctx), "请补上".to_string()),
        };
        out.push(Diagnostic::new(
            Code::S01,
            span,
            format!("缺少第{numeral}部分“{numeral}、{title}”。{where_zh}该部分及其内容。"),
            format!("Section {n} (“{title}”) is missing."),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    const FULL: &str = "一、总体情况\n内容\n二、主动公开政府信息情况\n内容\n三、收到和处理政府信息公开申请情况\n内容\n四、政府信息公开行政复议、行政诉讼情况\n内容\n五、存在的主要问题及改进情况\n内容\n六、其他需要报告的事项\n无。\n";

    fn s01(text: &str) -> Vec<String> {
        crate::check(text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::S01)
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn fires_for_a_missing_section() {
        let text = FULL.replace("四、政府信息公开行政复议、行政诉讼情况\n内容\n", "");
        let m = s01(&text);
        assert_eq!(m.len(), 1);
        assert!(
            m[0].contains("四、政府信息公开行政复议、行政诉讼情况"),
            "{m:?}"
        );
        // The last section missing from a signed report is missing, not cut.
        let signed = FULL.replace(
            "六、其他需要报告的事项\n无。\n",
            "某县审计局\n2024年1月20日\n",
        );
        assert_eq!(s01(&signed).len(), 1);
        // From a text that stops in 五 (no closing date), 六 was never in the text: S07.
        let cut = FULL.replace("六、其他需要报告的事项\n无。\n", "");
        assert!(s01(&cut).is_empty());
    }

    #[test]
    fn silent_on_a_complete_report_and_on_empty_text() {
        assert!(s01(FULL).is_empty());
        assert!(s01("").is_empty());
        assert!(s01("随便一段话，没有任何标题。").is_empty());
    }

    #[test]
    fn table_rows_do_not_count_as_sections() {
        let text = FULL.replace(
            "三、收到和处理政府信息公开申请情况\n",
            "三、本年度办理结果\n",
        );
        assert_eq!(s01(&text).len(), 1);
    }
}
