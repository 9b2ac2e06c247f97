//! T02: the template does not fit the report year (format.md, "Two templates are in force"):
//! 2019 labels in a report for 2021 or later (error); 2021 labels for 2020 or earlier (warning).

use crate::diagnostic::Diagnostic;
use crate::registry::{Code, Severity};
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(year) = ctx.report.year.as_ref() else {
        return;
    };
    let y = year.value;
    let ev = ctx.evidence;
    let (markers, severity, msg, en) = if y >= 2021
        && !ev.t2019.is_empty()
        && ev.t2019.len() >= ev.t2021.len()
    {
        (&ev.t2019, Severity::Error, format!("本报告是{y}年度的，但表格用的是2019年版模板的项目（如“{{}}”）。2021年及以后的年报应使用2021年版模板（国办公开办函〔2021〕30号）。"), "2019-template labels in a report for 2021 or later.")
    } else if (2019..=2020).contains(&y) && !ev.t2021.is_empty() && ev.t2021.len() > ev.t2019.len()
    {
        (&ev.t2021, Severity::Warning, format!("本报告是{y}年度的，但表格用的是2021年版模板的项目（如“{{}}”）。2019、2020年度的年报使用2019年版模板（国办公开办函〔2019〕60号）。"), "2021-template labels in a report for 2020 or earlier.")
    } else {
        return;
    };
    let Some(&(a, b)) = markers.first() else {
        return;
    };
    let label = ctx.view.slice(a, b).to_string();
    out.push(
        Diagnostic::new(
            Code::T02,
            ctx.view.span(a, b),
            msg.replace("{}", &label),
            en,
        )
        .with_severity(severity)
        .with_related(year.span, "报告年度", "report year"),
    );
}

#[cfg(test)]
mod tests {
    use crate::registry::{Code, Severity};

    fn t02(text: &str) -> Vec<Severity> {
        crate::check(text)
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::T02)
            .map(|d| d.severity)
            .collect()
    }

    #[test]
    fn fires_both_ways() {
        assert_eq!(t02("某某街道2022年政府信息公开工作年度报告\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"), vec![Severity::Error]);
        assert_eq!(t02("某某街道2020年政府信息公开工作年度报告\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"), vec![Severity::Warning]);
    }

    #[test]
    fn silent_when_template_fits() {
        assert!(t02("某某街道2022年政府信息公开工作年度报告\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n").is_empty());
        assert!(
            t02("某某街道2020年政府信息公开工作年度报告\n信息内容\t本年新制作数量\n").is_empty()
        );
    }
}
