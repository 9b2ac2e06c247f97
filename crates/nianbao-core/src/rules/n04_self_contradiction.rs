//! N04: the narrative contradicts itself — a stated total and the parts listed after it
//! ("共…N件，其中…") do not add up.
//!
//! Source: rules.md N04 ("共公开信息382条，其中…"). Read by `narrative::breakdowns`: the total
//! is the last count of the clause before 其中, the parts are the counts with the same unit after
//! it, up to the end of the sentence (or a bracket, or a second 其中). It fires when
//! - the parts are the four results of a review block (结果维持、结果纠正、其他结果、尚未审结:
//!   exhaustive by definition) and their sum is not the total; or
//! - one part alone is larger than the total (impossible whatever the parts are); or
//! - the parts are disjoint categories (applicant types, results of a request) and add up to
//!   more than the total.
//!
//! Subset lists ("共收到申请10件，其中自然人申请8件") add up to less and are fine; parts that may
//! overlap (channels: "其中通过网站发布300条，通过微信发布200条") are never summed. A figure
//! given twice with different values is not checked (too easy to confuse two scopes).

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::narrative::{breakdowns, contains_any, Breakdown, Prose, REVIEW_RESULTS};
use crate::rules::Context;

/// Labels of categories that cannot overlap: a request has one applicant type and one result.
const DISJOINT: &[&str] = &[
    "自然人",
    "法人",
    "企业",
    "科研机构",
    "公益组织",
    "法律服务机构",
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
    "其他处理",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
];

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let prose = ctx.prose();
    for b in breakdowns(prose) {
        if let Some(d) = judge(ctx, prose, &b) {
            out.push(d);
        }
    }
}

fn judge(ctx: &Context, prose: &Prose, b: &Breakdown) -> Option<Diagnostic> {
    let total = b.total.value;
    let unit = b.total.unit;
    let labels: Vec<&str> = b.parts.iter().map(|(_, l)| prose.slice(l.0, l.1)).collect();
    let sum = b
        .parts
        .iter()
        .fold(0u64, |s, (c, _)| s.saturating_add(c.value));
    let listed = b
        .parts
        .iter()
        .map(|(c, _)| c.value.to_string())
        .collect::<Vec<_>>()
        .join("+");
    let exhaustive = b.parts.len() == 4
        && REVIEW_RESULTS
            .iter()
            .all(|r| labels.iter().filter(|l| l.contains(r)).count() == 1);
    let (zh, en) = if exhaustive {
        if sum == total {
            return None;
        }
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
        .find(|((c, _), _)| c.value > total)
        .map(|((c, _), l)| (c.value, *l))
    {
        (
            format!(
                "正文写总数为{total}{unit}，但其中“{label}”就有{big}{unit}，分项不能大于总数，请核对。"
            ),
            format!("The text gives a total of {total}, but one of its parts is {big}."),
        )
    } else if sum > total && b.parts.len() >= 2 && labels.iter().all(|l| contains_any(l, DISJOINT))
    {
        (
            format!(
                "正文写总数为{total}{unit}，但其中所列各项之和为{listed}={sum}，大于总数，请核对。"
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
    for ((c, _), l) in b.parts.iter().zip(&labels) {
        d = d.with_related(prose.span(ctx.view, c.start, c.end), format!("分项：{l}"));
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::narrative::fixture::{codes, report, Spec};

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
