//! M01: the report year cannot be determined — neither the title, nor a statistical period, nor
//! the body says which year the report is about.
//!
//! Source: rules.md M01; format.md §1 (the statistical period is the calendar year, the deadline
//! runs from it). The year is found by `dates::report_year` (title, else 统计期限, else the year the
//! body talks about most). Only text that looks like a report (at least one of the six sections
//! or one table was found) is held to this: for empty or unrelated input the structure rules
//! already say what is wrong, and "no year" would only add noise. Nor is a text that starts
//! after the report does or stops before it (S07): its title, or the body that gives the
//! year, was never in it.

use crate::diagnostic::Diagnostic;
use crate::meta;
use crate::registry::Code;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let r = ctx.report;
    // A text that starts late lost its title; one that stops early may state the year after
    // the cut (S07 says so).
    if r.year.is_some() || !r.extent.is_whole() {
        return;
    }
    let tables =
        r.tables.active.is_some() || r.tables.requests.is_some() || r.tables.reviews.is_some();
    if r.sections.is_empty() && !tables {
        return;
    }
    // Point at the title if there is one, else at the first heading, else the start.
    let span = meta::title_line(&ctx.view.text)
        .map(|(a, b)| {
            let line = ctx.view.slice(a, b);
            let lead = line.len() - line.trim_start().len();
            ctx.view.span(a + lead, a + line.trim_end().len())
        })
        .or_else(|| r.sections.first().map(|s| s.span))
        .unwrap_or_else(|| ctx.view.span(0, 0));
    out.push(Diagnostic::new(
        Code::M01,
        span,
        "无法确定报告年度：标题和正文都没有写明这是哪一年的报告。请在标题中写明年度，如“2023年政府信息公开工作年度报告”。",
        "The report year cannot be determined: neither the title nor the text states it. Put it in the title, e.g. “2023年政府信息公开工作年度报告”.",
    ));
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::fixture::{codes, report, Spec};

    #[test]
    fn fires_when_no_year_is_written_anywhere() {
        let t = report(&Spec {
            title: "测试街道办事处政府信息公开工作年度报告".into(),
            overview: "本街道认真做好政府信息公开工作。".into(),
            ..Spec::default()
        });
        let d = codes(&t, Code::M01);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            &t[d[0].span.start..d[0].span.end],
            "测试街道办事处政府信息公开工作年度报告"
        );
    }

    #[test]
    fn a_year_in_the_title_or_body_is_enough() {
        assert!(codes(&report(&Spec::default()), Code::M01).is_empty());
        let t = report(&Spec {
            title: "测试街道办事处政府信息公开工作年度报告".into(),
            ..Spec::default()
        });
        assert!(codes(&t, Code::M01).is_empty());
    }

    #[test]
    fn junk_is_not_held_to_it() {
        assert!(codes("", Code::M01).is_empty());
        assert!(codes("hello world\n随便写点什么", Code::M01).is_empty());
    }
}
