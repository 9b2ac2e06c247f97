//! N03: another figure the narrative states that a table contradicts. Kept narrow on purpose:
//! requests carried over to next year ("另有103件顺延到下年度答复", "结转下年度继续办理5件")
//! against table 三 `carried_out`, and requests carried over from last year ("含上年度结转申请
//! 34件") against table 三 `carried_in`. A clause must hold exactly one count for it to be read.
//!
//! Source: rules.md N03 (办结 claims against `carried_out`); format.md §3 and §7. Deliberately
//! not checked: "办结率100%" while `carried_out` > 0 (pending requests are still within their
//! legal period, so that is no contradiction), and 规范性文件 counts (reports mix 政策性文件,
//! 规范性文件 and documents of several bodies, so a safe comparison is rare).

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::narrative::{quote, total_or_sum, Subject};
use crate::rules::{with_values, Context};

const COLUMNS: &[&str] = &[
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
];

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(table) = with_values(&ctx.report.tables.requests) else {
        return;
    };
    let prose = ctx.prose();
    for claim in ctx.claims() {
        let (row, label, what, what_en) = match claim.subject {
            Subject::CarriedOut => (
                "carried_out",
                "四、结转下年度继续办理",
                "结转下年度",
                "carried over to next year",
            ),
            Subject::CarriedIn => (
                "carried_in",
                "二、上年结转政府信息公开申请数量",
                "上年结转",
                "carried over from last year",
            ),
            _ => continue,
        };
        let Some(v) = claim.value else { continue };
        let Some((total, cell)) = total_or_sum(table, row, COLUMNS) else {
            continue;
        };
        let v = i64::try_from(v).unwrap_or(i64::MAX);
        if v == total {
            continue;
        }
        let said = quote(ctx, prose, claim.clause)
            .map(|q| format!("正文写“{q}”"))
            .unwrap_or_else(|| "正文".to_string());
        let mut d = Diagnostic::new(
            Code::N03,
            prose.span(ctx.view, claim.start, claim.end),
            format!(
                "{said}，即{what}{v}{}，但表三“{label}”总计为{total}，请核对后统一。",
                claim.unit
            ),
            format!("The text states {v} requests {what_en}, but table 三 counts {total}."),
        );
        if let Some(c) = cell {
            d = d.with_related(c, format!("表三“{label}”总计：{total}"));
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::narrative::fixture::{codes, report, Spec};

    fn n03(
        overview: &str,
        received: u64,
        carried_in: u64,
        carried_out: u64,
    ) -> Vec<crate::Diagnostic> {
        let s = Spec {
            overview: overview.into(),
            received,
            carried_in,
            carried_out,
            ..Spec::default()
        };
        codes(&report(&s), Code::N03)
    }

    #[test]
    fn fires_on_carried_over_counts_the_table_contradicts() {
        let t = report(&Spec {
            overview: "共受理申请10件,另有3件顺延到下年度答复。".into(),
            received: 10,
            carried_out: 1,
            ..Spec::default()
        });
        let d = codes(&t, Code::N03);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "3");
        assert!(d[0].message.contains("总计为1"), "{}", d[0].message);
        let d = n03("答复10件(含上年度结转申请4件)。", 8, 2, 0);
        assert_eq!(d.len(), 1, "{d:?}");
        let d = n03("结转下年度继续办理2件。", 8, 0, 0);
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn agreeing_or_unrelated_statements_do_not_fire() {
        // The huaian sentence: 3119 + 34 = 3050 + 103.
        let huaian = "2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。";
        assert!(n03(huaian, 3119, 34, 103).is_empty());
        for t in [
            "办结率100%。",
            "全部按时办结。",
            "市政府及市政府办政策性文件 11 件。",
            "上年结转的申请与本年新收申请合计12件。",
            "结转下年度的申请同比减少2件。",
        ] {
            assert!(n03(t, 10, 2, 3).is_empty(), "{t}");
        }
    }
}
