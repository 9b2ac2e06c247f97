//! L03: table 三 counts requests dropped because the applicant did not pay a fee notice
//! (`other_unpaid_fee` > 0), while section 六 denies that any fee notice was sent.
//!
//! Source: format.md §7 ("unpaid fees mean fee notices were issued") and rules.md L03. Only a
//! denial of the notices themselves contradicts the table: a negation (未, 没有, 无, 从未, 不曾)
//! tied to 收费通知/缴费通知 by nothing but a sending verb and its addressee (`未发出收费通知`,
//! `没有向申请人发出过缴费通知`, `无收费通知`). "No fee collected" (`未收取信息处理费`) is what an
//! unpaid notice leaves, so it is consistent (`发出收费通知2件，申请人逾期未缴费，未收取信息处理
//! 费`), and so is `逾期未按收费通知缴费` (the negation is of paying). A 六 that says nothing about
//! fees is L01's business.

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::{with_values, Context};

const NOTICES: &[&str] = &["收费通知", "缴费通知"];
const NEGATIONS: &[&str] = &["从未", "不曾", "没有", "未", "无"];
/// What may stand between the negation and the notice: how it is sent, and to whom.
const LINKS: &[&str] = &[
    "向申请人",
    "申请人",
    "向",
    "发出",
    "发放",
    "下发",
    "开具",
    "出具",
    "送达",
    "寄送",
    "制发",
    "发送",
    "过",
    "任何",
    "相关",
    "有关",
    "的",
];

/// The offset (in `body`) and length of a statement that no fee notice was sent.
fn notices_denied(body: &str) -> Option<(usize, usize)> {
    NOTICES
        .iter()
        .flat_map(|n| body.match_indices(n))
        .find_map(|(at, n)| {
            let head = body.get(..at)?;
            let clause_start =
                head.rfind(['。', ',', '，', ';', '；', '\n', '、'])
                    .map_or(0, |i| {
                        i + head
                            .get(i..)
                            .and_then(|r| r.chars().next())
                            .map_or(1, char::len_utf8)
                    });
            let clause = head.get(clause_start..)?;
            let (neg_at, neg) = NEGATIONS
                .iter()
                .filter_map(|w| clause.rfind(w).map(|i| (i, *w)))
                .max_by_key(|&(i, w)| (i, w.len()))?;
            let mut between = clause.get(neg_at + neg.len()..)?;
            while let Some(rest) = LINKS.iter().find_map(|l| between.strip_prefix(l)) {
                between = rest;
            }
            between
                .is_empty()
                .then_some((clause_start + neg_at, at + n.len() - clause_start - neg_at))
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
    let Some((i, len)) = notices_denied(body) else {
        return;
    };
    let statement = body
        .get(i..)
        .unwrap_or("")
        .split(['。', '\n', ';'])
        .next()
        .unwrap_or("");
    let end = i + len;
    out.push(
        Diagnostic::new(
            Code::L03,
            ctx.view.span(at + i, at + end),
            format!(
                "表三有{unpaid}件申请因“申请人逾期未按收费通知要求缴纳费用”不再处理，说明本年发出过收费通知；但第六部分写“{}”。请核对，并在第六部分如实说明发出收费通知和收取信息处理费的情况。",
                statement.trim()
            ),
            format!(
                "Table 3 has {unpaid} request(s) dropped for unpaid fee notices, yet section 6 says no fee notice was sent."
            ),
        )
        .with_related(
            cell.span,
            format!("表三逾期未缴费：{unpaid}"),
            format!("table 3, fee unpaid: {unpaid}"),
        ),
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
    fn fires_when_section_six_denies_the_notices() {
        let (t, d) = l03("本年度未发出收费通知,未收取信息处理费。", 2);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "未发出收费通知");
        assert!(d[0].message.contains("表三有2件"), "{}", d[0].message);
        for other in [
            "本机关没有向申请人发出过缴费通知。",
            "全年无收费通知,未收取任何费用。",
            "未收取信息处理费,也未开具收费通知书。",
            "本年度未收取信息处理费\n从未发出收费通知。",
        ] {
            assert_eq!(l03(other, 1).1.len(), 1, "{other}");
        }
    }

    #[test]
    fn consistent_statements_do_not_fire() {
        for (other, unpaid) in [
            ("本年度未发出收费通知,未收取信息处理费。", 0),
            (
                "本年度发出收费通知2件,申请人逾期未缴费,未收取信息处理费。",
                2,
            ),
            ("截至目前,本机关未收取信息处理费。", 2),
            ("本年度无信息处理费收费情况。", 1),
            ("全年收取信息处理费3940元。", 6),
            ("本年度向2名申请人发出收费通知,申请人均未缴费。", 2),
            ("申请人逾期未按收费通知要求缴纳费用,不再处理。", 1),
            ("申请人未按缴费通知缴费。", 1),
            ("无。", 2),
            ("无其他需要报告的事项。本年度收取信息处理费100元。", 1),
        ] {
            assert!(l03(other, unpaid).1.is_empty(), "{other}");
        }
    }
}
