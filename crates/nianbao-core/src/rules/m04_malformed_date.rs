//! M04: a malformed date or statistical period.
//!
//! Source: rules.md M04; format.md §1 (the statistical period is the calendar year). Fires on:
//! - digits run together in a year: a 5- or 6-digit number starting 19 or 20 right before 年
//!   (`20222年`);
//! - a doubled year: the same `YYYY年` twice in a row (`2021年2021年`);
//! - an impossible month or day in a full date (`2023年13月5日`, `2023年2月32日`);
//! - a statistical period (统计期限/统计时限/统计期间 …) naming a year that is not the report
//!   year, when the report year comes from somewhere else (the title).
//!
//! Phone numbers, postcodes and document numbers (〔2019〕60号) are never followed by 年, so the
//! scanners leave them alone. Missing 年/月/日 is not checked (too many legitimate short forms).

use crate::dates;
use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let text = &ctx.view.text;
    run_together(ctx, text, out);
    doubled(ctx, text, out);
    impossible(ctx, text, out);
    period(ctx, text, out);
}

fn run_together(ctx: &Context, text: &str, out: &mut Vec<Diagnostic>) {
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let digits = text.get(start..i).unwrap_or("");
        let rest = text.get(i..).unwrap_or("").trim_start_matches(' ');
        let before = text.get(..start).and_then(|s| s.chars().next_back());
        if (5..=6).contains(&digits.len())
            && (digits.starts_with("19") || digits.starts_with("20"))
            && rest.starts_with('年')
            && !before.is_some_and(|c| c == '-' || c == '.' || c.is_ascii_alphanumeric())
        {
            out.push(Diagnostic::new(
                Code::M04,
                ctx.view.span(start, i),
                format!("“{digits}年”不是正确的年份，数字可能多打或连在一起了（如应为“{}年”），请改正。", digits.get(..4).unwrap_or(digits)),
                format!("\"{digits}年\" is not a year: digits ran together. Fix it."),
            ));
        }
    }
}

fn doubled(ctx: &Context, text: &str, out: &mut Vec<Diagnostic>) {
    let ys = dates::years(text);
    for pair in ys.windows(2) {
        let [(y1, s1, e1), (y2, s2, e2)] = pair else {
            continue;
        };
        if y1 != y2 {
            continue;
        }
        let between = text.get(*e1..*s2).unwrap_or("");
        if between.trim_matches(' ') == "年" {
            let end = e2
                + text
                    .get(*e2..)
                    .map_or(0, |r| r.len() - r.trim_start_matches(' ').len())
                + "年".len();
            out.push(Diagnostic::new(
                Code::M04,
                ctx.view.span(*s1, end),
                format!("“{y1}年”重复写了两次，请删去一个。"),
                format!("The year {y1}年 is written twice in a row."),
            ));
        }
    }
}

fn impossible(ctx: &Context, text: &str, out: &mut Vec<Diagnostic>) {
    for (y, s, e) in dates::years(text) {
        let Some((month, day, end)) = month_day(text, e) else {
            continue;
        };
        let bad_month = !(1..=12).contains(&month);
        let bad_day = !(1..=31).contains(&day);
        if !(bad_month || bad_day) {
            continue;
        }
        let what = if bad_month { "月份" } else { "日期" };
        out.push(Diagnostic::new(
            Code::M04,
            ctx.view.span(s, end),
            format!("“{y}年{month}月{day}日”中的{what}不存在，请改正。"),
            format!("{y}-{month}-{day} is not a valid date."),
        ));
    }
}

/// After the year's digits at `e`: `年 M 月 D 日` → (M, D, view end).
fn month_day(text: &str, e: usize) -> Option<(u32, u32, usize)> {
    let rest = text.get(e..)?;
    let r = rest.trim_start_matches(' ').strip_prefix('年')?;
    let (m, r) = number(r.trim_start_matches(' '))?;
    let r = r.trim_start_matches(' ').strip_prefix('月')?;
    let (d, r) = number(r.trim_start_matches(' '))?;
    let r = r.trim_start_matches(' ').strip_prefix('日')?;
    Some((m, d, text.len() - r.len()))
}

fn number(s: &str) -> Option<(u32, &str)> {
    let n = s.chars().take_while(char::is_ascii_digit).count();
    if n == 0 || n > 2 {
        return None;
    }
    let v = s.get(..n)?.parse().ok()?;
    Some((v, s.get(n..)?))
}

fn period(ctx: &Context, text: &str, out: &mut Vec<Diagnostic>) {
    let Some(year) = &ctx.report.year else { return };
    let Some((_, pa, pb)) = dates::period_year(text) else {
        return;
    };
    // The report year was read from the period itself: nothing to compare with.
    if ctx.view.span(pa, pb) == year.span {
        return;
    }
    let at = ["统计期限", "统计时限", "统计期间"]
        .iter()
        .filter_map(|k| text.find(k))
        .min()
        .unwrap_or(pa);
    let window = text.get(at..).unwrap_or("");
    let end = window
        .char_indices()
        .take(60)
        .find(|&(_, c)| matches!(c, '。' | '\n' | ';' | ','))
        .map(|(i, _)| i)
        .unwrap_or_else(|| {
            window
                .char_indices()
                .nth(60)
                .map_or(window.len(), |(i, _)| i)
        });
    let window = window.get(..end).unwrap_or("");
    if let Some(&(p, s, e)) = dates::years(window)
        .iter()
        .find(|(p, _, _)| *p != year.value)
    {
        out.push(
            Diagnostic::new(
                Code::M04,
                ctx.view.span(at + s, at + e),
                format!(
                    "统计期限写的是{p}年，但这是{}年度的报告，统计期限应为{0}年1月1日至{0}年12月31日。请改正。",
                    year.value
                ),
                format!("The statistical period names {p}, but the report is for {}.", year.value),
            )
            .with_related(year.span, format!("报告年度：{}年", year.value)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::fixture::{codes, report, Spec};

    fn m04(title: &str, preamble: &str, overview: &str) -> (String, Vec<crate::Diagnostic>) {
        let t = report(&Spec {
            title: title.into(),
            preamble: preamble.into(),
            overview: overview.into(),
            ..Spec::default()
        });
        let d = codes(&t, Code::M04);
        (t, d)
    }

    const T: &str = "测试街道办事处2024年政府信息公开工作年度报告";

    #[test]
    fn fires_on_run_together_and_doubled_years() {
        let (t, d) = m04(T, "", "20242年,测试街道认真做好公开工作。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "20242");
        let (t, d) = m04(T, "", "2024年2024年,测试街道认真做好公开工作。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "2024年2024年");
        let (_, d) = m04(T, "", "2024年13月5日召开会议。");
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn fires_on_a_period_of_another_year() {
        let (t, d) = m04(
            T,
            "本报告所列数据的统计期限自2023年1月1日至2023年12月31日。",
            "2024年,测试街道认真做好公开工作。",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(t[d[0].span.start..d[0].span.end].starts_with("2023"));
        let (_, d) = m04(
            T,
            "统计期限自2024年1月1日至2023年12月31日。",
            "2024年,测试街道认真做好公开工作。",
        );
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn good_dates_and_numbers_do_not_fire() {
        for (pre, ov) in [
            (
                "统计期限自2024年1月1日至2024年12月31日。",
                "2024年,测试街道认真做好公开工作。",
            ),
            ("本报告中所列数据统计期限为2024年1月1日至12月31日。", ""),
            (
                "电话:0517-83605210,邮编:223001。",
                "依据国办公开办函〔2019〕60号和〔2021〕30号。",
            ),
            ("", "2024 年 1 月 1 日起施行。共投入资金20000元,服务12345年"),
            ("", "2023年、2024年连续两年。2024年2月29日发布。"),
        ] {
            let (_, d) = m04(T, pre, ov);
            assert!(d.is_empty(), "{pre} {ov} {d:?}");
        }
    }
}
