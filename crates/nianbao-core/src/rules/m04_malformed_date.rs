//! M04: a malformed date or statistical period.
//!
//! Source: rules.md M04; format.md §1 (the statistical period is the calendar year). The shapes,
//! what they should read, and the short forms that stay silent:
//!
//! | written | reads | why |
//! |---|---|---|
//! | `20222年`, `202020年` | `2022年`, `2020年` | digits run together before 年 (5–6 digits from 19/20) |
//! | `20211月1日`, `202212月` | `2021年1月1日`, `2022年12月` | 年 missing between year and month |
//! | `202011日`, `20201231日` | `2020年1月1日`, `2020年12月31日` | 年 and 月 missing (6–8 digits before 日) |
//! | `至12月31止`, `2023年1月10` (signature) | `12月31日` | 日 missing after a period word or a year |
//! | `2021年2021年` | `2021年` | the year written twice |
//! | `2023年13月5日`, `2023年2月32日` | — | no such month or day |
//! | `统计期限…2023年…` in a 2024 report | `2024年1月1日至2024年12月31日` | the period is not the report year |
//! | `1-12月`, `全年`, `1月至12月`, `12月31号`, `2021.1.1`, `2021-01-01` | silent | legitimate short forms |
//!
//! The malformed dates of one sentence are one finding that quotes the sentence's dates as
//! written and as they should read (`自20211月1日起至202212月31日止` → `自2021年1月1日起至2021年
//! 12月31日止`); in a statistical-period sentence a year other than the report year is put
//! right in the same finding. Phone numbers, postcodes, amounts and document numbers
//! (〔2019〕60号) are not followed by 年/月/日, so the scanners leave them alone.

use crate::dates;
use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::Context;

/// Words that make a sentence a statement of the statistical period or the data's cut-off.
const PERIOD_WORDS: &[&str] = &[
    "统计期限",
    "统计时限",
    "统计期间",
    "统计时间",
    "统计周期",
    "截止日期",
    "截止时间",
    "截至",
    "截止",
];

/// Words right before `M月D` that make it a date (a period's ends).
const DATE_LEAD: &[&str] = &[
    "至", "到", "自", "从", "起", "截至", "截止", "为", "-", "~", "—",
];

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let text = &ctx.view.text;
    let mut bad = malformed(text);
    // A date the text stops in (`12月3` of a paste cut mid-date) lost its end with the rest.
    if ctx.report.extent.stops.is_some() {
        let end = text.trim_end().len();
        bad.retain(|b| b.end < end);
    }
    let reported = grouped(ctx, text, &bad, out);
    let years = dates::years(text);
    doubled(ctx, text, &years, out);
    impossible(ctx, text, &years, out);
    period(ctx, text, &reported, out);
}

/// A date written wrong: its view range and what it should read, by parts.
struct Bad {
    start: usize,
    end: usize,
    /// The year, when the written form holds one.
    year: Option<i32>,
    /// What follows the year (`1月1日`), or the whole fix when there is no year.
    rest: String,
    /// The month and day could be split more than one way (`2020111日`).
    ambiguous: bool,
    /// What is wrong, for the message.
    why: &'static str,
}

impl Bad {
    fn fixed(&self, year: Option<i32>) -> String {
        match self.year {
            Some(y) => format!("{}年{}", year.unwrap_or(y), self.rest),
            None => self.rest.clone(),
        }
    }
}

/// Every malformed date of the text, in order.
fn malformed(text: &str) -> Vec<Bad> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
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
        let before = text.get(..start).and_then(|s| s.chars().next_back());
        let glued =
            before.is_some_and(|c| c == '-' || c == '.' || c == '/' || c.is_ascii_alphanumeric());
        let next = text.get(i..).and_then(|r| r.chars().next());
        let spaced = text.get(i..).unwrap_or("").trim_start_matches(' ');
        let year = digits
            .get(..4)
            .and_then(|y| y.parse::<i32>().ok())
            .filter(|y| (1990..=2100).contains(y));
        let tail = digits.get(4..).unwrap_or("");
        let n = digits.len();
        if glued {
            continue;
        }
        match (year, next) {
            (Some(y), _) if (5..=6).contains(&n) && spaced.starts_with('年') => out.push(Bad {
                start,
                end: text.len() - spaced.len() + '年'.len_utf8(),
                year: Some(y),
                rest: String::new(),
                ambiguous: false,
                why: "年份数字多打或连在了一起",
            }),
            (Some(y), Some('月')) if (5..=6).contains(&n) => {
                if let Some(m) = tail.parse::<u32>().ok().filter(|m| (1..=12).contains(m)) {
                    // The day after it, when written, belongs to the quote.
                    let after = text.get(i + '月'.len_utf8()..).unwrap_or("");
                    let d = after.bytes().take_while(u8::is_ascii_digit).count();
                    let day = after
                        .get(d..)
                        .filter(|r| (1..=2).contains(&d) && r.starts_with('日'))
                        .and_then(|_| after.get(..d));
                    out.push(Bad {
                        start,
                        end: i + '月'.len_utf8() + day.map_or(0, |d| d.len() + '日'.len_utf8()),
                        year: Some(y),
                        rest: format!("{m}月{}", day.map_or(String::new(), |d| format!("{d}日"))),
                        ambiguous: false,
                        why: "年份和月份之间缺少“年”",
                    });
                }
            }
            // `日报`, `日均`: a word of its own, not a day.
            (Some(y), Some('日'))
                if (6..=8).contains(&n)
                    && !text
                        .get(i + '日'.len_utf8()..)
                        .is_some_and(|r| r.starts_with(['报', '均', '常', '志', '程'])) =>
            {
                let splits: Vec<(u32, u32)> = (1..=2)
                    .filter_map(|k| {
                        let m = tail.get(..k)?.parse::<u32>().ok()?;
                        let d = tail.get(k..)?;
                        let day = d.parse::<u32>().ok()?;
                        ((1..=2).contains(&d.len())
                            && !d.starts_with('0')
                            && (1..=12).contains(&m)
                            && (1..=31).contains(&day))
                        .then_some((m, day))
                    })
                    .collect();
                if let Some(&(m, d)) = splits.first() {
                    out.push(Bad {
                        start,
                        end: i + '日'.len_utf8(),
                        year: Some(y),
                        rest: format!("{m}月{d}日"),
                        ambiguous: splits.len() > 1,
                        why: "缺少“年”和“月”",
                    });
                }
            }
            _ if n <= 2 => {
                if let Some(b) = day_without_ri(text, start, i) {
                    out.push(b);
                }
            }
            _ => {}
        }
    }
    out
}

/// `M月D` with 日 missing, where it ends a date: after a year (`2023年1月10`) or a period word
/// (`至12月31止`), and followed by the end of a clause or a period word.
fn day_without_ri(text: &str, start: usize, end: usize) -> Option<Bad> {
    let day: u32 = text.get(start..end)?.parse().ok()?;
    let head = text.get(..start)?.strip_suffix('月')?;
    let m_len = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    let month: u32 = head.get(head.len() - m_len..)?.parse().ok()?;
    if !(1..=2).contains(&m_len) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let lead = head.get(..head.len() - m_len)?;
    if !(lead.ends_with('年') || DATE_LEAD.iter().any(|w| lead.ends_with(w))) {
        return None;
    }
    let after = text.get(end..)?.trim_start_matches(' ');
    let closes = after.chars().next().is_none_or(|c| {
        matches!(
            c,
            '止' | '起' | '前' | '至' | '到' | ',' | '，' | '。' | ';' | '；' | '\n' | ')' | '）'
        )
    });
    closes.then(|| Bad {
        start: start - '月'.len_utf8() - m_len,
        end,
        year: None,
        rest: format!("{month}月{day}日"),
        ambiguous: false,
        why: "缺少“日”",
    })
}

/// One finding per sentence holding malformed dates. Returns the view ranges reported.
fn grouped(
    ctx: &Context,
    text: &str,
    bad: &[Bad],
    out: &mut Vec<Diagnostic>,
) -> Vec<(usize, usize)> {
    let mut reported = Vec::new();
    let mut rest = bad;
    while let Some(first) = rest.first() {
        let (s_start, s_end) = sentence(text, first.start);
        let n = rest.iter().take_while(|b| b.start < s_end).count().max(1);
        let (group, tail) = rest.split_at(n.min(rest.len()));
        rest = tail;
        let sentence_text = text.get(s_start..s_end).unwrap_or("");
        // A period sentence is put right to the report year, unless that year was read here.
        let want = ctx.report.year.as_ref().and_then(|y| {
            let span = ctx.view.span(s_start, s_end);
            (PERIOD_WORDS.iter().any(|w| sentence_text.contains(w))
                && !(span.start <= y.span.start && y.span.end <= span.end))
                .then_some(y.value)
        });
        let (a, b) = (first.start, group.last().map_or(first.end, |l| l.end));
        let mut written = String::new();
        let mut fixed = String::new();
        let mut at = a;
        for g in group {
            let between = text.get(at..g.start).unwrap_or("");
            written.push_str(between);
            written.push_str(text.get(g.start..g.end).unwrap_or(""));
            fixed.push_str(between);
            fixed.push_str(&g.fixed(want));
            at = g.end;
        }
        let ambiguous = group.iter().any(|g| g.ambiguous);
        let other_year = group
            .iter()
            .any(|g| g.year.is_some_and(|y| want.is_some_and(|w| w != y)));
        let mut whys: Vec<&str> = Vec::new();
        for g in group {
            if !whys.contains(&g.why) {
                whys.push(g.why);
            }
        }
        let why = crate::fmt::join(&whys, "，");
        let mut zh = if ambiguous {
            format!("日期“{written}”的年、月、日连在了一起，看不出是哪一天（如“{fixed}”），请补上“年”“月”“日”。")
        } else {
            format!("日期“{written}”{why}，应为“{fixed}”。请改正。")
        };
        if other_year {
            if let Some(w) = want {
                zh.push_str(&format!("统计期限应在本报告的{w}年内。"));
            }
        }
        out.push(Diagnostic::new(
            Code::M04,
            ctx.view.span(a, b),
            zh,
            format!("The date \"{written}\" lacks a year, month or day marker or its digits ran together; it should read \"{fixed}\"."),
        ));
        reported.push((s_start, s_end));
    }
    reported
}

/// The view range of the sentence around `at`.
fn sentence(text: &str, at: usize) -> (usize, usize) {
    let stop = |c: char| matches!(c, '。' | '\n' | ';' | '；' | '!' | '！' | '?' | '？');
    let start = text.get(..at).and_then(|h| h.rfind(stop)).map_or(0, |i| {
        i + text
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8)
    });
    let end = text
        .get(at..)
        .and_then(|r| r.find(stop))
        .map_or(text.len(), |i| at + i);
    (start, end)
}

fn doubled(ctx: &Context, text: &str, years: &[(i32, usize, usize)], out: &mut Vec<Diagnostic>) {
    for pair in years.windows(2) {
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
                format!("The year “{y1}年” is written twice in a row."),
            ));
        }
    }
}

fn impossible(ctx: &Context, text: &str, years: &[(i32, usize, usize)], out: &mut Vec<Diagnostic>) {
    for &(y, s, e) in years {
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

fn period(ctx: &Context, text: &str, reported: &[(usize, usize)], out: &mut Vec<Diagnostic>) {
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
    // Already put right with the sentence's malformed dates.
    if reported.iter().any(|&(s, e)| s <= at && at < e) {
        return;
    }
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
            .with_related(
                year.span,
                format!("报告年度：{}年", year.value),
                format!("report year: {}", year.value),
            ),
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
        assert_eq!(&t[d[0].span.start..d[0].span.end], "20242年");
        assert!(d[0].message.contains("应为“2024年”"), "{}", d[0].message);
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

    /// (preamble, the finding's span text, what the message says it should read).
    #[test]
    fn fires_on_missing_year_month_or_day() {
        for (pre, span, fixed) in [
            (
                "本报告数据统计期限自20241月1日起至202412月31日止。",
                "20241月1日起至202412月31日",
                "2024年1月1日起至2024年12月31日",
            ),
            (
                "统计期限自202411日起,至20241231日止。",
                "202411日起,至20241231日",
                "2024年1月1日起,至2024年12月31日",
            ),
            (
                "所列数据截止日期为20241231日。",
                "20241231日",
                "2024年12月31日",
            ),
            ("统计期限为2024年1月1日至12月31止。", "12月31", "12月31日"),
            ("本年报数据统计期限为202424年全年。", "202424年", "2024年"),
            // A period of another year in the same sentence: one finding that puts both right.
            (
                "统计期限自20241月1日起至202312月31日止。",
                "20241月1日起至202312月31日",
                "2024年1月1日起至2024年12月31日",
            ),
        ] {
            let (t, d) = m04(T, pre, "2024年,测试街道认真做好公开工作。");
            assert_eq!(d.len(), 1, "{pre} {d:?}");
            assert_eq!(&t[d[0].span.start..d[0].span.end], span, "{pre}");
            assert!(
                d[0].message.contains(&format!("应为“{fixed}”")),
                "{pre}: {}",
                d[0].message
            );
        }
        // Every layout: the period on its own line, spaces around the parts, in one line.
        for pre in [
            "本报告数据统计期限\n自20241月1日起至\n2024年12月31日止。",
            "统计期限自 20241月1日 起至 2024年12月31 止。",
        ] {
            let (_, d) = m04(T, pre, "2024年,测试街道认真做好公开工作。");
            assert_eq!(d.len(), 1, "{pre} {d:?}");
        }
        let (_, d) = m04(
            T,
            "",
            "2024年,测试街道召开会议。\n测试街道办事处\n2025年1月10",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        // Month and day that can be split two ways: said so, not guessed.
        let (_, d) = m04(T, "统计截止日期为2024111日。", "");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("看不出是哪一天"), "{}", d[0].message);
    }

    #[test]
    fn short_forms_and_other_numbers_do_not_fire() {
        for pre in [
            "统计期限为2024年1-12月。",
            "统计期限为2024年全年。",
            "统计期限为2024年1月至12月。",
            "统计期限为2024年1月1日至12月31号。",
            "统计期限为2024.1.1至2024.12.31。",
            "统计期限为2024-01-01至2024-12-31。",
            "全年1-12月共发布信息12条,其中12月31条。",
            "共投入资金202412元,编号20241231,工单号202411日报。",
            "电话0517-83605210,12月5日至12月31日开展培训。",
            "于3月15日、6月1日召开会议,1月10名干部参加培训。",
        ] {
            let (_, d) = m04(T, pre, "2024年,测试街道认真做好公开工作。");
            assert!(d.is_empty(), "{pre} {d:?}");
        }
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
