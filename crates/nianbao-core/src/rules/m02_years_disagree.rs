//! M02: years disagree — the title, the year the body talks about and the signature date point
//! at different report years (typically last year's report reused with a new title or date).
//!
//! Source: rules.md M02; format.md §7 (title year, body years, signature date). Two checks:
//! - title against body: the body's main year (counted like `dates::body_year`: a year starting a
//!   sentence weighs 2, elsewhere 1; full dates do not count) is not the title's year, and the
//!   title's year is written less often in the body. A body year one after the title's is
//!   usually plans ("2024年将…"), so it only counts when the title's year is absent from the body
//!   and the later year is written often (weight 6 or more).
//! - signature against the report year: a report for year Y is signed in Y+1 (any month: late is
//!   M03's business) or in December of Y. Signed earlier in Y, before Y, or two years or more
//!   after, the date belongs to another report.

use crate::dates;
use crate::diagnostic::Diagnostic;
use crate::meta;
use crate::model::Date;
use crate::registry::Code;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    title_against_body(ctx, out);
    signature_against_year(ctx, out);
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
    let counts = year_weights(body);
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
        ),
    );
}

/// (year, weight, first view start, end) by weight, then first occurrence.
fn year_weights(text: &str) -> Vec<(i32, usize, usize, usize)> {
    let mut counts: Vec<(i32, usize, usize, usize)> = Vec::new();
    for (y, s, e) in dates::years(text) {
        if !(2000..=2100).contains(&y) || dates::date_at(text, s).is_some() {
            continue;
        }
        let prev = text
            .get(..s)
            .and_then(|p| p.trim_end_matches(' ').chars().next_back());
        let w = if matches!(
            prev,
            None | Some('\n' | '。' | ',' | ':' | ';' | ')' | '\t')
        ) {
            2
        } else {
            1
        };
        match counts.iter_mut().find(|c| c.0 == y) {
            Some(c) => c.1 += w,
            None => counts.push((y, w, s, e)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    counts
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
        .with_related(year.span, format!("报告年度：{y}年")),
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
