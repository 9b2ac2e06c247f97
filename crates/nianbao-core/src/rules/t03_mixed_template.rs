//! T03: labels of both templates in one report (format.md, "Both present: mixed"): usually a
//! 2019 table pasted into a 2021 report or the reverse.

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let ev = ctx.evidence;
    let (Some(&a19), Some(&a21)) = (ev.t2019.first(), ev.t2021.first()) else {
        return;
    };
    // Point at the template with fewer labels: that is the odd one out.
    let (odd, other, odd_name) = if ev.t2019.len() <= ev.t2021.len() {
        (a19, a21, "2019")
    } else {
        (a21, a19, "2021")
    };
    let odd_label = ctx.view.slice(odd.0, odd.1).to_string();
    let other_label = ctx.view.slice(other.0, other.1).to_string();
    out.push(
        Diagnostic::new(
            Code::T03,
            ctx.view.span(odd.0, odd.1),
            format!("报告中同时出现两版模板的项目：“{odd_label}”属于{odd_name}年版，“{other_label}”属于另一版。请统一使用与报告年度对应的模板。"),
            "Labels of both the 2019 and 2021 templates.",
        )
        .with_related(ctx.view.span(other.0, other.1), "另一版模板的项目", "label of the other template"),
    );
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn t03(text: &str) -> usize {
        crate::check(text)
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::T03)
            .count()
    }

    #[test]
    fn fires_on_mixed_labels() {
        assert_eq!(
            t03("信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n政府集中采购\t0\t0\n"),
            1
        );
    }

    #[test]
    fn silent_on_one_template() {
        assert_eq!(
            t03("信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"),
            0
        );
        assert_eq!(
            t03("信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"),
            0
        );
    }
}
