//! N02: the narrative states how many 行政复议 or 行政诉讼 cases there were (or that there were
//! none), or how they ended, and table 四 says otherwise.
//!
//! Source: rules.md N02; format.md §4 and §7 ("收到行政诉讼1条" against table 四). Claims come from
//! the narrative reader: "政府信息公开行政复议 351 件", "收到行政诉讼1条", "也没有发生因政府信息
//! 公开申请行政复议、行政诉讼的情况"; outcomes "行政复议2件，均获维持", "全部胜诉" (none corrected,
//! none pending) and "未被纠错", "无败诉", "未发生…被复议纠错或诉讼败诉" (none corrected).
//! 行政诉讼 is the two litigation blocks together (未经复议直接起诉 + 复议后起诉). A blank total is
//! taken from its parts only when they hold numbers; a cell not read as a number is not compared.
//! Sentences about a single litigation block or another year are left alone.

use crate::diagnostic::Diagnostic;
use crate::model::Table;
use crate::narrative::{Claim, ReviewOutcome, Reviews, Subject};
use crate::registry::Code;
use crate::rules::table_figures::{review_cell, total, TableFigure, REVIEW_PARTS};
use crate::rules::{count_en, key_en, with_values, Context};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(table) = with_values(&ctx.report.tables.reviews) else {
        return;
    };
    let recon = total(table, "reconsideration", REVIEW_PARTS);
    let direct = total(table, "litigation_direct", REVIEW_PARTS);
    let after = total(table, "litigation_after_reconsideration", REVIEW_PARTS);
    let prose = ctx.prose();
    for claim in ctx.claims() {
        if let Subject::Review(outcome, which) = claim.subject {
            if let Some(d) = outcome_finding(ctx, table, claim, outcome, which) {
                out.push(d);
            }
            continue;
        }
        let (what, what_en, total, detail, cells) = match claim.subject {
            Subject::Reconsideration => {
                let Some(t) = recon else { continue };
                (
                    "行政复议",
                    "reconsideration",
                    t.value,
                    String::new(),
                    vec![(
                        t.cell,
                        format!("表四行政复议总计：{}", t.value),
                        format!("table 4, reconsideration, total: {}", t.value),
                    )],
                )
            }
            Subject::Litigation => {
                let (Some(d), Some(a)) = (direct, after) else {
                    continue;
                };
                (
                    "行政诉讼",
                    "litigation",
                    d.value + a.value,
                    format!("（未经复议直接起诉{}、复议后起诉{}）", d.value, a.value),
                    vec![
                        (
                            d.cell,
                            format!("表四未经复议直接起诉总计：{}", d.value),
                            format!("table 4, litigation direct, total: {}", d.value),
                        ),
                        (
                            a.cell,
                            format!("表四复议后起诉总计：{}", a.value),
                            format!(
                                "table 4, litigation after reconsideration, total: {}",
                                a.value
                            ),
                        ),
                    ],
                )
            }
            _ => continue,
        };
        let said = ctx
            .quote(claim.clause)
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
                    format!(
                        "The text states {}, but table 4 counts {total}.",
                        count_en(v, &format!("{what_en} case"))
                    ),
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
                    format!("The text says there was no {what_en}, but table 4 counts {total}."),
                )
            }
        };
        let mut d = Diagnostic::new(
            Code::N02,
            prose.span(ctx.view, claim.start, claim.end),
            zh,
            en,
        );
        for (cell, label, en) in cells {
            if let Some(c) = cell {
                d = d.with_related(c, label, en);
            }
        }
        out.push(d);
    }
}

/// "均获维持" against the corrected and pending cells, "未被纠错" against the corrected ones.
fn outcome_finding(
    ctx: &Context,
    table: &Table,
    claim: &Claim,
    outcome: ReviewOutcome,
    which: Reviews,
) -> Option<Diagnostic> {
    let rows: &[(&str, &str)] = match which {
        Reviews::Reconsideration => &[("reconsideration", "行政复议")],
        Reviews::Litigation => &[
            ("litigation_direct", "行政诉讼（未经复议直接起诉）"),
            ("litigation_after_reconsideration", "行政诉讼（复议后起诉）"),
        ],
        Reviews::Both => &[
            ("reconsideration", "行政复议"),
            ("litigation_direct", "行政诉讼（未经复议直接起诉）"),
            ("litigation_after_reconsideration", "行政诉讼（复议后起诉）"),
        ],
    };
    let columns: &[(&str, &str)] = match outcome {
        ReviewOutcome::AllUpheld => &[("corrected", "结果纠正"), ("pending", "尚未审结")],
        ReviewOutcome::NoneCorrected => &[("corrected", "结果纠正")],
    };
    let mut against: Vec<(String, String, TableFigure)> = Vec::new();
    for (row, name) in rows {
        for (col, col_name) in columns {
            // An unread cell leaves the claim unjudged.
            let f = review_cell(table, row, col)?;
            if f.value > 0 {
                against.push((
                    format!("{name}“{col_name}”为{}", f.value),
                    key_en(&format!("table 4, {row}, {col}: {}", f.value)),
                    f,
                ));
            }
        }
    }
    if against.is_empty() {
        return None;
    }
    let said = ctx
        .quote(claim.clause)
        .map(|q| format!("正文写“{q}”"))
        .unwrap_or_else(|| "正文".to_string());
    let what = match outcome {
        ReviewOutcome::AllUpheld => "全部维持（胜诉）、没有被纠正也没有未审结的案件",
        ReviewOutcome::NoneCorrected => "没有被纠错（败诉）的案件",
    };
    let listed: Vec<&str> = against.iter().map(|(s, _, _)| s.as_str()).collect();
    let mut d = Diagnostic::new(
        Code::N02,
        ctx.prose().span(ctx.view, claim.start, claim.end),
        format!(
            "{said}，即{what}；但表四{}。请核对后统一。",
            crate::fmt::join(&listed, "、")
        ),
        format!(
            "The text says the reviews ended {}, but table 4 has {}.",
            match outcome {
                ReviewOutcome::AllUpheld => "all upheld",
                ReviewOutcome::NoneCorrected => "with none corrected",
            },
            crate::fmt::join(
                &against
                    .iter()
                    .map(|(_, _, f)| f.value.to_string())
                    .collect::<Vec<_>>(),
                " and ",
            ) + " corrected or pending"
        ),
    );
    for (label, en, f) in &against {
        if let Some(c) = f.cell {
            d = d.with_related(c, label.clone(), en.clone());
        }
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::fixture::{codes, report, Spec};

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
    fn fires_on_outcomes_the_table_contradicts() {
        // (upheld, corrected, other, pending) for 复议, 直接起诉, 复议后起诉.
        for (text, reviews) in [
            (
                "本年度发生行政复议2件,均获维持。",
                [[1, 1, 0, 0], [0; 4], [0; 4]],
            ),
            ("行政复议2件,均被维持。", [[1, 0, 0, 1], [0; 4], [0; 4]]),
            ("行政诉讼1件,全部胜诉。", [[0; 4], [0, 1, 0, 0], [0; 4]]),
            ("全年行政复议案件无被纠错。", [[0, 1, 0, 0], [0; 4], [0; 4]]),
            (
                "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。",
                [[0; 4], [0; 4], [0, 1, 0, 0]],
            ),
        ] {
            let d = n02(text, reviews);
            assert_eq!(d.len(), 1, "{text} {d:?}");
        }
    }

    #[test]
    fn outcomes_the_table_agrees_with_do_not_fire() {
        for (text, reviews) in [
            (
                "本年度发生行政复议2件,均获维持。",
                [[2, 0, 0, 0], [0; 4], [0; 4]],
            ),
            ("行政诉讼1件,全部胜诉。", [[0; 4], [1, 0, 0, 0], [0; 4]]),
            ("全年行政复议案件无被纠错。", [[1, 0, 1, 1], [0; 4], [0; 4]]),
            // Names neither 复议 nor 诉讼: says nothing about table 四.
            ("全年无被纠错案件。", [[0, 1, 0, 0], [0; 4], [0; 4]]),
            (
                "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。",
                [[1, 0, 0, 0], [0, 0, 0, 1], [0; 4]],
            ),
            // Another year, or a plan, is not this year's outcome.
            (
                "2022年行政复议2件,均获维持。",
                [[1, 1, 0, 0], [0; 4], [0; 4]],
            ),
            ("力争行政诉讼全部胜诉。", [[0; 4], [0, 1, 0, 0], [0; 4]]),
        ] {
            let d = n02(text, reviews);
            assert!(d.is_empty(), "{text} {d:?}");
        }
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
