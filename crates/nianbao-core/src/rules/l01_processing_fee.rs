//! L01: under the 2021 template, section 六 says nothing about 信息处理费.
//!
//! Source: format.md §1 (section 六 under the 2021 template states whether the body charged
//! 信息处理费, 国办函〔2020〕109号) and rules.md L01. Any of 处理费, 收费, 费用, or 收取…费 in
//! section 六 counts as a statement (charged or not). A report that states it elsewhere in its
//! text (信息处理费 outside 六) has said it too, only in another place, so it is left alone: a
//! false alarm is worse than a miss. No section 六 → nothing (S01 reports the missing section).

use crate::diagnostic::Diagnostic;
use crate::model::Template;
use crate::registry::Code;
use crate::rules::Context;

/// Whether a text says something about fees.
pub fn speaks_of_fees(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if ["处理费", "收费", "费用"]
        .iter()
        .any(|k| compact.contains(k))
    {
        return true;
    }
    // 收取…费 within a few characters ("未收取任何费").
    let charged = crate::chars::find_iter(&compact, "收取").any(|i| {
        compact
            .get(i..)
            .unwrap_or("")
            .chars()
            .take(10)
            .any(|c| c == '费')
    });
    charged
}

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    // Section 六 cut short may say it after the cut (S07).
    if ctx.report.template != Some(Template::T2021) || !ctx.report.extent.whole_text_seen() {
        return;
    }
    let (Some((body, _)), Some(section)) = (ctx.section_text(6), ctx.section(6)) else {
        return;
    };
    if speaks_of_fees(body) || ctx.compact.text.contains("信息处理费") {
        return;
    }
    out.push(Diagnostic::new(
        Code::L01,
        section.span,
        "第六部分“其他需要报告的事项”没有说明是否收取信息处理费。2021年版模板要求在此写明：收取的写明件数和金额，未收取的写明“本机关未收取信息处理费”（国办函〔2020〕109号）。",
        "Section 6 does not say whether information-processing fees were charged; the 2021 template requires it (say how many and how much, or that none were charged).",
    ));
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::fixture::{codes, report, Spec};

    fn l01(other: &str) -> (String, Vec<crate::Diagnostic>) {
        let t = report(&Spec {
            other: other.into(),
            ..Spec::default()
        });
        let d = codes(&t, Code::L01);
        (t, d)
    }

    #[test]
    fn fires_when_section_six_is_silent_on_fees() {
        let (t, d) = l01("本年度无需要说明的其他事项。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "六、其他需要报告的事项");
        let (_, d) = l01("无。");
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn any_statement_on_fees_is_enough() {
        for other in [
            "截至目前，本机关未收取信息处理费。",
            "本年度未收取政府信息公开处理费。",
            "全年收取信息处理费3940元。",
            "本年度无收费情况。",
            "依申请公开未收取任何费用。",
        ] {
            assert!(l01(other).1.is_empty(), "{other}");
        }
    }

    #[test]
    fn not_for_the_2019_template_or_without_section_six() {
        let t = "测试街道2020年政府信息公开工作年度报告\n一、总体情况\n无。\n二、主动公开政府信息情况\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n六、其他需要报告的事项\n无。\n";
        assert!(codes(t, Code::L01).is_empty());
        let t = "测试街道2023年政府信息公开工作年度报告\n一、总体情况\n无。\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n";
        assert!(codes(t, Code::L01).is_empty());
    }
}
