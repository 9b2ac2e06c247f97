//! L03: table 三 counts requests dropped because the applicant did not pay a fee notice
//! (`other_unpaid_fee` > 0), while section 六 says no fee was charged or notified.
//!
//! Source: format.md §7 ("unpaid fees mean fee notices were issued") and rules.md L03. "No fee"
//! is read from section 六 as 未收取, 没有收取, 不收取, 未收费, 未发出/未发放收费通知, or 无 shortly
//! before 收费/处理费 ("无收费情况", "无信息处理费"). A 六 that reports fees collected, or says
//! nothing about them (L01's business), is not contradicted.

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::{with_values, Context};

/// The view offset (in `body`) and length of a "no fee" statement.
fn no_fee(body: &str) -> Option<(usize, usize)> {
    for k in [
        "未收取",
        "没有收取",
        "不收取",
        "未收费",
        "没有收费",
        "未发出收费通知",
        "未发放收费通知",
        "未发出缴费通知",
    ] {
        if let Some(i) = body.find(k) {
            // "未收取" about something other than fees (未收取押金) is rare; require 费 nearby.
            let after = body.get(i..).unwrap_or("");
            if after.chars().take(16).any(|c| c == '费') {
                return Some((i, k.len()));
            }
        }
    }
    body.match_indices('无').find_map(|(i, _)| {
        let after = body.get(i..).unwrap_or("");
        let window: String = after.chars().take(12).collect();
        let hit = ["收费", "处理费"]
            .iter()
            .filter_map(|k| window.find(k).map(|p| p + k.len()))
            .min()?;
        let clause_break = window
            .get(..hit)
            .is_some_and(|w| w.contains(['。', ',', ';']));
        (!clause_break).then_some((i, hit))
    })
}

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(table) = with_values(&ctx.report.tables.requests) else {
        return;
    };
    let Some(cell) = table.cell("other_unpaid_fee", "total") else {
        return;
    };
    let unpaid = cell.int();
    if unpaid <= 0 {
        return;
    }
    let Some((body, at)) = ctx.section_text(6) else {
        return;
    };
    let Some((i, len)) = no_fee(body) else {
        return;
    };
    let statement = body
        .get(i..)
        .unwrap_or("")
        .split(['。', '\n', ';'])
        .next()
        .unwrap_or("");
    let end = i + statement.len().max(len);
    out.push(
        Diagnostic::new(
            Code::L03,
            ctx.view.span(at + i, at + end),
            format!(
                "表三有{unpaid}件申请因“申请人逾期未按收费通知要求缴纳费用”不再处理，说明本年发出过收费通知；但第六部分写“{}”。请核对，并在第六部分如实说明收费通知和信息处理费情况。",
                statement.trim()
            ),
            format!(
                "Table 三 has {unpaid} requests dropped for unpaid fee notices, yet section 六 says no fee was charged."
            ),
        )
        .with_related(cell.span, format!("表三逾期未缴费：{unpaid}")),
    );
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::fixture::{codes, report, Spec};

    fn l03(other: &str, unpaid: u64) -> (String, Vec<crate::Diagnostic>) {
        let t = report(&Spec {
            other: other.into(),
            received: 5,
            unpaid_fee: unpaid,
            ..Spec::default()
        });
        let d = codes(&t, Code::L03);
        (t, d)
    }

    #[test]
    fn fires_when_no_fee_is_claimed_but_fee_notices_went_unpaid() {
        let (t, d) = l03("截至目前,本机关未收取信息处理费。", 2);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "未收取信息处理费");
        assert!(d[0].message.contains("表三有2件"), "{}", d[0].message);
        let (_, d) = l03("本年度无信息处理费收费情况。", 1);
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn consistent_statements_do_not_fire() {
        for (other, unpaid) in [
            ("截至目前,本机关未收取信息处理费。", 0),
            ("全年收取信息处理费3940元。", 6),
            ("本年度向2名申请人发出收费通知,申请人均未缴费。", 2),
            ("无。", 2),
            ("无其他需要报告的事项。本年度收取信息处理费100元。", 1),
        ] {
            assert!(l03(other, unpaid).1.is_empty(), "{other}");
        }
    }
}
