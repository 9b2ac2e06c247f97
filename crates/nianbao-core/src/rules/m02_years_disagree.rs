//! M02: years disagree — the title, the year the body talks about and the signature date point
//! at different report years (typically last year's report reused with a new title or date).
//!
//! Source: rules.md M02; format.md §7 (title year, body years, signature date). Three checks:
//! - title against body: the body's main year (counted like `dates::body_year`: a year starting a
//!   sentence weighs 2, elsewhere 1; full dates do not count) is not the title's year, and the
//!   title's year is written less often in the body. A body year one after the title's is
//!   usually plans ("2024年将…"), so it only counts when the title's year is absent from the body
//!   and the later year is written often (weight 6 or more).
//! - signature against the report year: a report for year Y is signed in Y+1 (any month: late is
//!   M03's business) or in December of Y. Signed earlier in Y, before Y, or two years or more
//!   after, the date belongs to another report. The signature is the date that closes the
//!   text (`dates::signature_date`), never a date inside a sentence (`统计期限为…至12月31日`).
//! - a paragraph or sub-item that reports this year's work under an earlier year
//!   (`(三)政府信息管理情况 2022年，…共制定规范性文件…` in a 2023 report: last year's sentence left
//!   in), read by the narrative reader (`narrative::years`). Plans, comparisons and sub-items
//!   about last year on purpose (上年度问题整改) are not leads; a body already reported as being
//!   about another year (the first check) is not reported again. One finding for the report,
//!   the other such paragraphs related.

use crate::dates;
use crate::diagnostic::Diagnostic;
use crate::meta;
use crate::model::Date;
use crate::narrative::claims::PLANS;
use crate::narrative::prose::contains_any;
use crate::registry::Code;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let before = out.len();
    title_against_body(ctx, out);
    if out.len() == before {
        leads_of_an_earlier_year(ctx, out);
    }
    signature_against_year(ctx, out);
}

fn leads_of_an_earlier_year(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(year) = &ctx.report.year else { return };
    let prose = ctx.prose();
    let mut leads = ctx.narrative.year_leads.iter().filter(|l| {
        l.year < year.value && !contains_any(prose.slice(l.sentence.0, l.sentence.1), PLANS)
    });
    let Some(first) = leads.next() else { return };
    let y = first.year;
    let quote = ctx
        .quote(first.sentence)
        .map(|q| format!("“{q}”"))
        .unwrap_or_else(|| format!("以“{y}年”开头的一段"));
    let mut d = Diagnostic::new(
        Code::M02,
        prose.span(ctx.view, first.start, first.end),
        format!(
            "这是{}年度的报告，但{quote}讲的是{y}年的工作，可能是往年报告的内容没有更新。请改为{0}年的情况。",
            year.value
        ),
        format!(
            "The report is for {}, but this paragraph reports the work of {y}: probably left from an earlier report.",
            year.value
        ),
    )
    .with_related(
        year.span,
        format!("报告年度：{}年", year.value),
        format!("report year: {}", year.value),
    );
    for l in leads {
        d = d.with_related(
            prose.span(ctx.view, l.start, l.end),
            format!("同样以{}年开头", l.year),
            format!("also begins with {}", l.year),
        );
    }
    out.push(d);
}

fn title_against_body(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let text = &ctx.view.text;
    let Some((ta, tb)) = meta::title_line(text) else {
        return;
    };
    let Some(&(title_year, ys, ye)) = dates::years(ctx.view.slice(ta, tb)).first() else {
        return;
    };
    let body_start = tb.min(text.len());
    let body = ctx.view.slice(body_start, text.len());
    let counts = dates::year_weights(body);
    let weight = |y: i32| counts.iter().find(|c| c.0 == y).map_or(0, |c| c.1);
    let Some(&(main, main_weight, first_at, first_end)) = counts.first() else {
        return;
    };
    let title_weight = weight(title_year);
    if main == title_year || main_weight < 2 || main_weight <= title_weight {
        return;
    }
    if main == title_year + 1 && (title_weight > 0 || main_weight < 6) {
        return;
    }
    out.push(
        Diagnostic::new(
            Code::M02,
            ctx.view.span(ta + ys, ta + ye),
            format!(
                "标题写的是{title_year}年，但正文讲的主要是{main}年的工作（{main}年出现{main_weight}处，{title_year}年{title_weight}处），可能套用了其他年度的报告。请核对标题和正文的年份。"
            ),
            format!(
                "The title says {title_year}, but the body is mostly about {main}; check the years."
            ),
        )
        .with_related(
            ctx.view.span(body_start + first_at, body_start + first_end),
            format!("正文中第一次出现{main}年"),
            format!("first {main} in the body"),
        ),
    );
}

fn signature_against_year(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(year), Some(sig)) = (&ctx.report.year, &ctx.report.signature_date) else {
        return;
    };
    let y = year.value;
    let Date {
        year: sy,
        month,
        day,
    } = sig.value;
    let agrees = sy == y + 1 || (sy == y && month == 12);
    if agrees {
        return;
    }
    let why = if sy < y || (sy == y && month < 12) {
        format!("早于{y}年度结束")
    } else {
        format!("比{y}年度晚了{}年以上", sy - y - 1)
    };
    out.push(
        Diagnostic::new(
            Code::M02,
            sig.span,
            format!(
                "落款日期为{sy}年{month}月{day}日，{why}；{y}年度的报告应在{}年初落款公布。可能沿用了其他年度报告的日期，请核对。",
                y + 1
            ),
            format!(
                "The signature date {sy}-{month:02}-{day:02} does not fit a report for {y} (expected early {}).",
                y + 1
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

    fn m02(title: &str, overview: &str, signature: &str) -> Vec<crate::Diagnostic> {
        let s = Spec {
            title: title.into(),
            overview: overview.into(),
            problems: "一是公开意识有待增强。".into(),
            signature: signature.into(),
            ..Spec::default()
        };
        codes(&report(&s), Code::M02)
    }

    const T2023: &str = "测试街道办事处2023年政府信息公开工作年度报告";

    #[test]
    fn fires_when_the_body_is_about_another_year() {
        let d = m02(
            T2023,
            "2021年,测试街道认真做好公开工作。2021年,共发布信息10条。\n2021年测试街道完善制度。",
            "",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("主要是2021年"), "{}", d[0].message);
    }

    #[test]
    fn fires_when_the_title_was_not_updated() {
        let d = m02(
            "测试街道办事处2022年政府信息公开工作年度报告",
            "2023年,测试街道认真做好公开工作。2023年,共发布信息10条。\n2023年测试街道完善制度。",
            "",
        );
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn fires_on_a_signature_of_another_year() {
        let d = m02(
            T2023,
            "2023年,测试街道认真做好公开工作。",
            "测试街道办事处\n2023年1月14日",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        let d = m02(T2023, "2023年,测试街道认真做好公开工作。", "2022年1月14日");
        assert_eq!(d.len(), 1, "{d:?}");
        let d = m02(T2023, "2023年,测试街道认真做好公开工作。", "2026年1月14日");
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn fires_on_a_sub_item_left_from_last_year() {
        for overview in [
            "(一)主动公开\n2023年,共发布信息10条。\n(三)政府信息管理情况\n2022年,共制定规范性文件3件。",
            // One line, headings inline.
            "(一)主动公开 2023年,共发布信息10条。(三)政府信息管理情况 2022年,共制定规范性文件3件。",
            "2023年,测试街道认真做好公开工作。\n2022年,共制定规范性文件3件,废止1件。",
        ] {
            let t = report(&Spec {
                title: T2023.into(),
                overview: overview.into(),
                ..Spec::default()
            });
            let d = codes(&t, Code::M02);
            assert_eq!(d.len(), 1, "{overview} {d:?}");
            assert_eq!(&t[d[0].span.start..d[0].span.end], "2022年");
            assert!(d[0].message.contains("2022年的工作"), "{}", d[0].message);
        }
    }

    #[test]
    fn sub_items_about_other_years_on_purpose_do_not_fire() {
        for overview in [
            "2023年,测试街道认真做好公开工作。\n(五)上年度问题整改情况 2022年,针对公开不及时的问题已整改。",
            "2023年,测试街道认真做好公开工作。\n2024年,将继续完善制度。",
            "2023年,测试街道认真做好公开工作。\n2022年以来,累计制定规范性文件3件。",
            "2023年,共制定规范性文件3件,2022年为2件。",
            "2023年,测试街道认真做好公开工作。\n2022年,共发布信息8条,2023年增至10条。",
        ] {
            assert!(m02(T2023, overview, "").is_empty(), "{overview}");
        }
    }

    #[test]
    fn consistent_years_do_not_fire() {
        for (title, overview, sig) in [
            (T2023, "2023年,测试街道认真做好公开工作。", "2024年1月14日"),
            (T2023, "2023年,测试街道认真做好公开工作。", "2023年12月28日"),
            (T2023, "2023年,测试街道认真做好公开工作。", "2024年5月8日"),
            // Plans for next year are not the body's year.
            (
                T2023,
                "测试街道认真做好公开工作。2024年,将继续完善制度。2024年,加强培训。",
                "",
            ),
            // Last year mentioned less than this year.
            (
                T2023,
                "2023年,较2022年有所提升。2023年,共发布信息10条。",
                "",
            ),
            // No title year: the body year is the report year (seed 001).
            (
                "测试街道政府信息公开工作年度报告",
                "2021年测试街道做好公开工作。截至2021年底运行正常。在2022年继续配合。",
                "2022年1月14日",
            ),
        ] {
            assert!(
                m02(title, overview, sig).is_empty(),
                "{title} {overview} {sig}"
            );
        }
    }
}
