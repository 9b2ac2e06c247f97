//! N04: the narrative contradicts itself — a stated total and the parts listed after it do not
//! add up, a share does not match its own counts, or one figure is given twice with different
//! values.
//!
//! Source: rules.md N04 ("共公开信息382条，其中…"). Lists are read by the narrative reader
//! (`narrative::breakdowns`): `共…N件，其中/包括/含…`, also continued in the next sentence of the
//! paragraph (`…共26条。主要类别：…`). What the parts are decides what can be checked:
//! - the four results of a review block (结果维持、结果纠正、其他结果、尚未审结), or a list
//!   introduced by 分别为 (each of them, by definition): their sum must be the total;
//! - channels (网站, 微信公众号, 媒体, 公开栏…): the same item may be on several, so they are never
//!   summed; only one channel alone larger than the total is a contradiction;
//! - other categories (applicant types, results of a request, kinds of information): disjoint,
//!   so they must not add up to more than the total (less is a subset list: "主要类别");
//! - any part alone larger than the total.
//!
//! A list cut by the end of a partial text is judged only for what it holds (more parts could
//! only add). Shares (`258件，占33.9%`) are checked against their own counts, within the
//! precision they are written in (one unit of the last digit). A figure stated twice
//! (`narrative::figures`: the same named column, channel or total, the same object and unit,
//! this year) with two values is a contradiction; the second is reported, the first related.

use crate::diagnostic::Diagnostic;
use crate::narrative::prose::contains_any;
use crate::narrative::{Breakdown, Figure, Prose};
use crate::registry::Code;
use crate::rules::Context;

/// The four results of a 表四 block, as sentences name them.
const REVIEW_RESULTS: &[&str] = &["结果维持", "结果纠正", "其他结果", "尚未审结"];

/// Words that make a part a channel: the same item may be published on several.
const CHANNELS: &[&str] = &[
    "网站",
    "网",
    "微信",
    "公众号",
    "微博",
    "抖音",
    "头条",
    "视频号",
    "客户端",
    "APP",
    "app",
    "公开栏",
    "公示栏",
    "宣传栏",
    "公告栏",
    "栏目",
    "专栏",
    "媒体",
    "报",
    "电视",
    "广播",
    "平台",
    "新华社",
    "政务新媒体",
    "信息屏",
    "显示屏",
    "电子屏",
    "当面",
    "信函",
    "邮寄",
    "传真",
    "电子邮件",
    "网上",
    "现场",
];

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let prose = ctx.prose();
    for b in &ctx.narrative.breakdowns {
        if let Some(d) = judge(ctx, prose, b) {
            out.push(d);
        }
        shares(ctx, prose, b, out);
    }
    repeated(ctx, prose, &ctx.narrative.figures, out);
}

fn judge(ctx: &Context, prose: &Prose, b: &Breakdown) -> Option<Diagnostic> {
    let total = b.total.value;
    let unit = b.total.unit;
    let labels: Vec<&str> = b
        .parts
        .iter()
        .map(|p| prose.slice(p.label.0, p.label.1))
        .collect();
    let sum = b
        .parts
        .iter()
        .fold(0u64, |s, p| s.saturating_add(p.count.value));
    let listed: Vec<String> = b.parts.iter().map(|p| p.count.value.to_string()).collect();
    let listed = crate::fmt::join(&listed, "+");
    let reviews = b.parts.len() == 4
        && REVIEW_RESULTS
            .iter()
            .all(|r| labels.iter().filter(|l| l.contains(r)).count() == 1);
    let each = matches!(b.marker, "分别为" | "分别是") && b.parts.len() >= 2 && !b.cut;
    let channels = labels.iter().any(|l| contains_any(l, CHANNELS));
    let (zh, en) = if reviews && sum != total {
        (
            format!(
                "正文写总数为{total}{unit}，其中结果维持、结果纠正、其他结果、尚未审结四项之和为{listed}={sum}，两者应相等，请核对。"
            ),
            format!("The text gives a total of {total}, but its four results add up to {sum}."),
        )
    } else if let Some((big, label)) = b
        .parts
        .iter()
        .zip(&labels)
        .find(|(p, _)| p.count.value > total)
        .map(|(p, l)| (p.count.value, *l))
    {
        // A label that quotes a name already (`“某某”微信公众号`) is not quoted again.
        let label = if label.contains(['“', '"']) {
            label.to_string()
        } else {
            format!("“{label}”")
        };
        (
            format!(
                "正文写总数为{total}{unit}，但其中{label}一项就有{big}{unit}，分项不能大于总数，请核对。"
            ),
            format!("The text gives a total of {total}, but one of its parts alone is {big}."),
        )
    } else if reviews || channels || b.parts.len() < 2 {
        return None;
    } else if sum > total || (each && sum != total) {
        (
            format!(
                "正文写总数为{total}{unit}，但所列各项之和为{listed}={sum}，{}总数，请核对。",
                if sum > total { "大于" } else { "不等于" }
            ),
            format!("The text gives a total of {total}, but the parts it lists add up to {sum}."),
        )
    } else {
        return None;
    };
    let mut d = Diagnostic::new(
        Code::N04,
        prose.span(ctx.view, b.total.start, b.total.end),
        zh,
        en,
    );
    for (p, l) in b.parts.iter().zip(&labels) {
        d = d.with_related(
            prose.span(ctx.view, p.count.start, p.count.end),
            format!("分项：{l}"),
            format!("part: “{l}”"),
        );
    }
    Some(d)
}

/// `258件，占33.9%` against 258 of the total.
fn shares(ctx: &Context, prose: &Prose, b: &Breakdown, out: &mut Vec<Diagnostic>) {
    if b.total.value == 0 {
        return;
    }
    for p in &b.parts {
        let Some(share) = p.share else { continue };
        let computed = p.count.value as f64 * 100.0 / b.total.value as f64;
        let unit_of_last_digit = 10f64.powi(-(share.decimals as i32));
        if (computed - share.percent).abs() < unit_of_last_digit {
            continue;
        }
        let label = prose.slice(p.label.0, p.label.1);
        let shown = crate::fmt::fmt_fixed(computed, share.decimals.max(1) as usize);
        let written = crate::fmt::fmt_fixed(share.percent, share.decimals as usize);
        out.push(
            Diagnostic::new(
                Code::N04,
                prose.span(ctx.view, share.start, share.end),
                format!(
                    "正文写“{label}”{}{}占{}%，但{}÷{}={shown}%，比例与数字不符，请核对。",
                    p.count.value, p.count.unit, written, p.count.value, b.total.value
                ),
                format!(
                    "The text gives {} of {} as {}%, but that is {shown}%.",
                    p.count.value, b.total.value, written
                ),
            )
            .with_related(
                prose.span(ctx.view, b.total.start, b.total.end),
                format!("总数：{}{}", b.total.value, b.total.unit),
                format!("total: {}", b.total.value),
            ),
        );
    }
}

/// The same figure stated twice with two values: the later statement is reported.
fn repeated(ctx: &Context, prose: &Prose, figures: &[Figure], out: &mut Vec<Diagnostic>) {
    let mut seen: Vec<&Figure> = Vec::new();
    let mut reported: Vec<&str> = Vec::new();
    for f in figures {
        match seen.iter().find(|s| s.key == f.key) {
            Some(first) if first.count.value != f.count.value => {
                if reported.contains(&f.key.as_str()) {
                    continue;
                }
                reported.push(f.key.as_str());
                let q1 = ctx
                    .quote(first.clause)
                    .unwrap_or_else(|| first.what.clone());
                let q2 = ctx.quote(f.clause).unwrap_or_else(|| f.what.clone());
                out.push(
                    Diagnostic::new(
                        Code::N04,
                        prose.span(ctx.view, f.count.start, f.count.end),
                        format!(
                            "同一数字前后写得不一样：前文写“{q1}”，这里写“{q2}”，说的都是本年{}，应为同一个数（{}还是{}），请核对后统一。",
                            f.what, first.count.value, f.count.value
                        ),
                        format!(
                            "The same figure is given twice with different values: {} and {}.",
                            first.count.value, f.count.value
                        ),
                    )
                    .with_related(
                        prose.span(ctx.view, first.count.start, first.count.end),
                        format!("前文：{}{}", first.count.value, first.count.unit),
                        format!("earlier: {}", first.count.value),
                    ),
                );
            }
            Some(_) => {}
            None => seen.push(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::fixture::{codes, report, Spec};

    fn n04(overview: &str) -> Vec<crate::Diagnostic> {
        let s = Spec {
            overview: overview.into(),
            ..Spec::default()
        };
        codes(&report(&s), Code::N04)
    }

    #[test]
    fn fires_when_review_results_do_not_add_up() {
        let t = report(&Spec {
            overview: "政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 36 件。".into(),
            ..Spec::default()
        });
        let d = codes(&t, Code::N04);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "351");
        assert_eq!(d[0].related.len(), 4);
        assert!(
            d[0].message.contains("72+64+178+36=350"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn fires_when_a_part_exceeds_the_total() {
        let d = n04("共收到申请10件,其中自然人申请12件。");
        assert_eq!(d.len(), 1, "{d:?}");
        let d = n04("共公开信息382条,其中通过网站发布400条。");
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn fires_when_disjoint_parts_add_up_to_more() {
        let d = n04("共收到申请10件,其中自然人申请8件,法人或其他组织申请5件。");
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn fires_when_a_channel_in_a_later_sentence_exceeds_the_total() {
        for t in [
            "全年主动公开政务信息120条。其中通过门户网站发布20条,通过政务新媒体发布信息30条,“测试街道”微信公众号推送信息900条。",
            "全年主动公开政务信息120条,包括政府网站20条,在公开栏发布信息30条,“测试街道”微信公众号推送900条。",
            // One line, headings inline (a whole report pasted as one line).
            "一、总体情况 (一)主动公开 全年主动公开政务信息120条,包括政府网站20条,微信公众号900条。(二)依申请公开 无。",
        ] {
            let d = n04(t);
            assert_eq!(d.len(), 1, "{t} {d:?}");
            assert!(d[0].message.contains("900"), "{}", d[0].message);
        }
    }

    #[test]
    fn fires_on_a_share_that_does_not_match_its_counts() {
        let d = n04("共收到申请500件,其中自然人申请150件,占40%。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("30"), "{}", d[0].message);
        for t in [
            "共收到申请500件,其中自然人申请150件,占30%。",
            "共收到申请805件,其中予以公开258件,占32.0%。",
            "共收到申请805件,其中予以公开258件,占32%。",
            "共收到申请3件,其中自然人申请1件,占33.3%。",
        ] {
            assert!(n04(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn fires_on_the_same_figure_stated_twice() {
        let t = report(&Spec {
            overview: "(一)主动公开 本局通过区政府网站“工作动态”栏目公开信息20条。\n(四)平台建设 全年通过“工作动态”专栏公开政府信息16条。".into(),
            ..Spec::default()
        });
        let d = codes(&t, Code::N04);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "16");
        assert_eq!(d[0].related.len(), 1);
        // Different things, other years, plans: no contradiction.
        for t in [
            "通过“工作动态”栏目公开信息20条。\n通过“通知公告”栏目公开信息16条。",
            "通过“工作动态”栏目公开信息20条。\n2022年通过“工作动态”栏目公开信息16条。",
            "通过“工作动态”栏目公开信息20条。\n通过“工作动态”栏目公开信息20条,浏览量1万余次。",
            "通过“工作动态”栏目公开信息20条。\n下一步,计划通过“工作动态”栏目公开信息30条。",
            "通过“工作动态”栏目公开信息20条。\n通过“工作动态”栏目公开图片16张。",
        ] {
            assert!(n04(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn sums_that_hold_or_may_overlap_do_not_fire() {
        for t in [
            "政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25 件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。",
            "共收到申请10件,其中自然人申请8件。",
            "共公开信息382条,其中通过网站发布300条,通过微信发布200条。",
            "主动公开政府信息621条,其中通过微信平台“实干沁园”发布信息331条。",
            "共收到申请10件,其中自然人申请8件,同比增长20件。",
            "发布信息180余条,其中网站发布200条。",
            "共收到申请10件。其中,办结12件。",
        ] {
            assert!(n04(t).is_empty(), "{t}");
        }
    }
}
