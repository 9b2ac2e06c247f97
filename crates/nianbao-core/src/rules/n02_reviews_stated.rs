//! N02: the narrative states how many 行政复议 or 行政诉讼 cases there were (or that there were
//! none), and table 四 says otherwise.
//!
//! Source: rules.md N02; format.md §4 and §7 ("收到行政诉讼1条" against table 四). Claims come from
//! `narrative::claims`: "政府信息公开行政复议 351 件", "收到行政诉讼1条", "也没有发生因政府信息
//! 公开申请行政复议、行政诉讼的情况". 行政诉讼 is the two litigation blocks together (未经复议直接
//! 起诉 + 复议后起诉). A blank total counts as the sum of its block (format.md §6); placeholders
//! read as 0. Sentences about results (结果维持…), a single litigation block or another year are
//! not claims about the totals and are left alone.

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::narrative::{quote, total_or_sum, Subject, REVIEW_PARTS};
use crate::rules::{with_values, Context};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(table) = with_values(&ctx.report.tables.reviews) else {
        return;
    };
    let recon = total_or_sum(table, "reconsideration", REVIEW_PARTS);
    let direct = total_or_sum(table, "litigation_direct", REVIEW_PARTS);
    let after = total_or_sum(table, "litigation_after_reconsideration", REVIEW_PARTS);
    let prose = ctx.prose();
    for claim in ctx.claims() {
        let (what, what_en, total, detail, cells) = match claim.subject {
            Subject::Reconsideration => {
                let Some((t, cell)) = recon else { continue };
                (
                    "行政复议",
                    "reconsideration",
                    t,
                    String::new(),
                    vec![(cell, format!("表四行政复议总计：{t}"))],
                )
            }
            Subject::Litigation => {
                let (Some((d, dc)), Some((a, ac))) = (direct, after) else {
                    continue;
                };
                (
                    "行政诉讼",
                    "litigation",
                    d + a,
                    format!("（未经复议直接起诉{d}、复议后起诉{a}）"),
                    vec![
                        (dc, format!("表四未经复议直接起诉总计：{d}")),
                        (ac, format!("表四复议后起诉总计：{a}")),
                    ],
                )
            }
            _ => continue,
        };
        let said = quote(ctx, prose, claim.clause)
            .map(|q| format!("正文写“{q}”"))
            .unwrap_or_else(|| "正文".to_string());
        let (zh, en) = match claim.value {
            Some(v) => {
                let v = i64::try_from(v).unwrap_or(i64::MAX);
                if v == total {
                    continue;
                }
                (
                    format!(
                        "{said}，即{what}{v}{}，但表四{what}总计为{total}{detail}，请核对后统一。",
                        claim.unit
                    ),
                    format!("The text states {v} {what_en} cases, but table 四 counts {total}."),
                )
            }
            None => {
                if total == 0 {
                    continue;
                }
                (
                    format!(
                        "{said}，即没有{what}，但表四{what}总计为{total}{detail}，请核对后统一。"
                    ),
                    format!("The text says there was no {what_en}, but table 四 counts {total}."),
                )
            }
        };
        let mut d = Diagnostic::new(
            Code::N02,
            prose.span(ctx.view, claim.start, claim.end),
            zh,
            en,
        );
        for (cell, label) in cells {
            if let Some(c) = cell {
                d = d.with_related(c, label);
            }
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::narrative::fixture::{codes, report, Spec};

    fn n02(overview: &str, reviews: [[u64; 4]; 3]) -> Vec<crate::Diagnostic> {
        let s = Spec {
            overview: overview.into(),
            reviews,
            ..Spec::default()
        };
        codes(&report(&s), Code::N02)
    }

    const ZERO: [[u64; 4]; 3] = [[0; 4]; 3];

    #[test]
    fn fires_on_a_lawsuit_the_table_does_not_have() {
        let t = report(&Spec {
            overview: "2023年慈音街道办收到行政诉讼1条,未收到行政复议、依申请公开件。".into(),
            ..Spec::default()
        });
        let d = codes(&t, Code::N02);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "1");
        assert!(
            d[0].message
                .contains("行政诉讼总计为0（未经复议直接起诉0、复议后起诉0）"),
            "{}",
            d[0].message
        );
        assert_eq!(d[0].related.len(), 2);
    }

    #[test]
    fn fires_on_a_wrong_reconsideration_count_and_on_none() {
        let d = n02(
            "因政府信息公开被申请行政复议2件。",
            [[1, 0, 0, 0], [0; 4], [0; 4]],
        );
        assert_eq!(d.len(), 1, "{d:?}");
        let d = n02(
            "也没有发生因政府信息公开申请行政复议、行政诉讼的情况。",
            [[0; 4], [0, 0, 1, 0], [0; 4]],
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("没有行政诉讼"), "{}", d[0].message);
    }

    #[test]
    fn agreeing_statements_do_not_fire() {
        let both = [[72, 64, 178, 37], [13, 4, 8, 1], [12, 1, 1, 6]];
        assert!(n02(
            "政府信息公开行政复议 351 件，其中结果维持 72 件；政府信息公开行政诉讼 46 件。",
            both
        )
        .is_empty());
        assert!(n02("收到行政诉讼1条。", [[0; 4], [0; 4], [1, 0, 0, 0]]).is_empty());
        assert!(n02("未收到行政复议、依申请公开件。", ZERO).is_empty());
        assert!(n02(
            "因政府信息公开申请行政复议、行政诉讼各1件。",
            [[1, 0, 0, 0], [0, 1, 0, 0], [0; 4]]
        )
        .is_empty());
    }

    #[test]
    fn near_misses_do_not_fire() {
        let some = [[2, 0, 0, 0], [1, 0, 0, 0], [0; 4]];
        for t in [
            "被中央级主流媒体报道1次。",
            "2022年被申请行政复议5件。",
            "行政复议、行政诉讼共5件。",
            "复议后起诉2件。",
            "行政诉讼案件中败诉1件。",
            "其中结果维持1件。",
            "行政复议结果未发生变化。",
            "行政复议案件同比增长3件。",
        ] {
            assert!(n02(t, some).is_empty(), "{t}");
        }
    }
}
