//! M03: the signature (publication) date is past the legal deadline.
//!
//! Source: 条例 art. 49 via format.md §1 and rules.md M03: a department publishes its report by
//! 31 January of the next year, a county-or-higher people's government its own report by
//! 31 March. The issuer decides which: 人民政府 (but not its 办公室/办公厅, a department) → 31
//! March. Bodies of 街道, 乡 and 镇, and reports whose issuer is unknown, also get 31 March:
//! the law does not name them and a false alarm is worse than a miss. Only a date in the year
//! after the report year is judged here; a date in another year is a years mismatch (M02).
//! No signature date → nothing.

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(year), Some(sig)) = (&ctx.report.year, &ctx.report.signature_date) else {
        return;
    };
    let y = year.value;
    let d = sig.value;
    if d.year != y + 1 {
        return;
    }
    let issuer = ctx.report.issuer.as_ref().map(|i| i.value.as_str());
    let department = issuer.is_some_and(|i| {
        let government = i.contains("人民政府") && !i.contains("办公室") && !i.contains("办公厅");
        let local = ["街道", "乡", "镇", "办事处"].iter().any(|k| i.contains(k));
        !government && !local
    });
    let (month, who) = if department {
        (1, "政府部门")
    } else {
        (3, "人民政府")
    };
    // Both deadlines fall on the 31st (31 January, 31 March).
    let last_day = 31;
    if (d.month, d.day) <= (month, last_day) {
        return;
    }
    let next = y + 1;
    out.push(
        Diagnostic::new(
            Code::M03,
            sig.span,
            format!(
                "落款日期为{}年{}月{}日，晚于法定期限：{who}应在{next}年{month}月{last_day}日前公布{y}年度报告（《条例》第四十九条）。如实际公布日期在期限内，请改正落款日期。",
                d.year, d.month, d.day
            ),
            format!(
                "Dated {}-{:02}-{:02}, after the deadline of {next}-{month:02}-{last_day} for a {} report for {y}.",
                d.year,
                d.month,
                d.day,
                if department { "department's" } else { "government's" }
            ),
        )
        .with_related(
            year.span,
            format!("报告年度：{y}年"),
            format!("report year: {y}"),
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::fixture::{codes, report, Spec};

    fn m03(title: &str, signature: &str) -> Vec<crate::Diagnostic> {
        let s = Spec {
            title: title.into(),
            signature: signature.into(),
            ..Spec::default()
        };
        codes(&report(&s), Code::M03)
    }

    #[test]
    fn fires_for_a_late_department() {
        let d = m03("测试市财政局2023年政府信息公开工作年度报告", "2024年2月5日");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("2024年1月31日前"), "{}", d[0].message);
        let d = m03(
            "测试市人民政府办公室2023年政府信息公开工作年度报告",
            "2024年2月1日",
        );
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn fires_for_a_late_government_or_street() {
        let d = m03(
            "测试市人民政府2023年政府信息公开工作年度报告",
            "2024年4月1日",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("2024年3月31日前"), "{}", d[0].message);
        let d = m03(
            "测试街道办事处2023年政府信息公开工作年度报告",
            "2024年6月1日",
        );
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn in_time_or_undated_does_not_fire() {
        for (title, sig) in [
            (
                "测试市财政局2023年政府信息公开工作年度报告",
                "2024年1月31日",
            ),
            (
                "测试市人民政府2023年政府信息公开工作年度报告",
                "2024年3月31日",
            ),
            (
                "测试街道办事处2023年政府信息公开工作年度报告",
                "2024年2月20日",
            ),
            (
                "测试镇人民政府2023年政府信息公开工作年度报告",
                "2024年3月1日",
            ),
            ("测试市财政局2023年政府信息公开工作年度报告", ""),
            // Another year is M02's, not M03's.
            ("测试市财政局2023年政府信息公开工作年度报告", "2025年6月1日"),
        ] {
            assert!(m03(title, sig).is_empty(), "{title} {sig}");
        }
    }
}
