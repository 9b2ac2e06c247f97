//! L02: a people's government's report does not cover 工作考核、社会评议和责任追究结果情况.
//!
//! Source: 条例 art. 50(四) via format.md §1 (section 一 of a government's own report must cover
//! assessment, public review and accountability; the 2021 template puts it under 监督保障) and
//! rules.md L02. Applies only when the issuer is a people's government itself (by the ending
//! of its name, issuer.rs: 人民政府/政府, also 镇/乡人民政府); its 办公室/办公厅, departments,
//! 街道办事处, bare place names ("测试市") and unknown issuers are not held to it, nor a text
//! that stops before the report does (S07: the rest may say it) or has no heading at all. Any of 考核, 评议, 责任追究, 追责, 问责 anywhere in the
//! text counts as covering it (wording varies too much to ask for more).

use crate::diagnostic::Diagnostic;
use crate::issuer::IssuerKind;
use crate::registry::Code;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(issuer) = &ctx.report.issuer else {
        return;
    };
    // "The text never mentions it" holds only for a text that holds the whole report, and
    // one with no section heading at all may be any piece of one.
    if !ctx.report.extent.whole_text_seen() || ctx.report.sections.is_empty() {
        return;
    }
    let name = issuer.value.as_str();
    // A people's government itself, by its name's ending (issuer.rs): 某某县人民政府, also a
    // 镇/乡人民政府; never its general office, a department, a 街道 or a bare place name.
    let government = match crate::issuer::classify(name).0 {
        IssuerKind::PeoplesGovernment => true,
        IssuerKind::Township => name.ends_with("人民政府") || name.ends_with("政府"),
        _ => false,
    };
    if !government {
        return;
    }
    let text = &ctx.compact.text;
    if ["考核", "评议", "责任追究", "追责", "问责"]
        .iter()
        .any(|k| text.contains(k))
    {
        return;
    }
    // Point at the 监督保障 part of section 一 if there is one, else at section 一's heading.
    let span = ctx
        .section_text(1)
        .and_then(|(body, at)| {
            body.find("监督保障")
                .map(|i| (at + i, at + i + "监督保障".len()))
        })
        .map(|(a, b)| ctx.view.span(a, b))
        .or_else(|| ctx.section(1).map(|s| s.span))
        .unwrap_or(issuer.span);
    out.push(
        Diagnostic::new(
            Code::L02,
            span,
            format!(
                "发文机关{name}是一级人民政府，其年度报告应包括工作考核、社会评议和责任追究结果情况（《条例》第五十条），但全文没有提到。请在“一、总体情况”的监督保障部分补充。"
            ),
            "A people's government's report must cover assessment, public review and accountability results (Regulations art. 50); none is mentioned.",
        )
        .with_related(
            issuer.span,
            format!("发文机关：{name}"),
            format!("issuer: “{name}”"),
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::fixture::{codes, report, Spec};

    fn l02(title: &str, overview: &str) -> (String, Vec<crate::Diagnostic>) {
        let t = report(&Spec {
            title: title.into(),
            overview: overview.into(),
            ..Spec::default()
        });
        let d = codes(&t, Code::L02);
        (t, d)
    }

    #[test]
    fn fires_for_a_government_that_says_nothing_of_it() {
        let (t, d) = l02(
            "测试市人民政府2023年政府信息公开工作年度报告",
            "(五)政府信息公开监督保障情况。全年组织4次检查。",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "监督保障");
        let (_, d) = l02(
            "测试镇人民政府2023年政府信息公开工作年度报告",
            "认真做好工作。",
        );
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn covered_or_not_a_government_does_not_fire() {
        for (title, overview) in [
            (
                "测试市人民政府2023年政府信息公开工作年度报告",
                "将政务公开纳入绩效考核。",
            ),
            (
                "测试市人民政府2023年政府信息公开工作年度报告",
                "开展社会评议,未发生责任追究情况。",
            ),
            (
                "测试市人民政府办公室2023年政府信息公开工作年度报告",
                "认真做好工作。",
            ),
            (
                "测试街道办事处2023年政府信息公开工作年度报告",
                "认真做好工作。",
            ),
            ("测试市2023年政府信息公开工作年度报告", "认真做好工作。"),
            (
                "测试市财政局2023年政府信息公开工作年度报告",
                "认真做好工作。",
            ),
        ] {
            assert!(l02(title, overview).1.is_empty(), "{title}");
        }
    }
}
