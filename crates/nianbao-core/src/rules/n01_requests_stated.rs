//! N01: the narrative states how many 政府信息公开申请 were received (or that none were), and
//! table 三 says otherwise.
//!
//! Source: rules.md N01; format.md §7 ("收到依申请公开1件", "未收到依申请公开件" against the
//! tables). The claim is read by the narrative reader (`narrative::claims`: "共收到依申请公开1件",
//! "全市共受理政府信息公开申请 3119 件", "未收到依申请公开件"). Reports often count 受理 as new
//! plus carried-over requests, so a stated figure equal to `received` or to `received +
//! carried_in` agrees. The column is the one the sentence names (自然人申请…), else 总计. A total
//! that was not read (blank with blank parts, text, never reached) is not compared. When the
//! sentence counts for a scope of its own (`区政府办代表区政府受理…`, `全市…`), the message keeps
//! that scope and asks which one the table counts, instead of restating the figure.

use crate::diagnostic::Diagnostic;
use crate::narrative::{Applicant, Subject};
use crate::registry::Code;
use crate::rules::table_figures::{applicant_en, requests_cell, said};
use crate::rules::{count_en, with_values, Context};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(table) = with_values(&ctx.report.tables.requests) else {
        return;
    };
    let prose = ctx.prose();
    for claim in ctx.claims() {
        if claim.subject != Subject::Requests {
            continue;
        }
        let Some(received) = requests_cell(table, "received", claim.applicant) else {
            continue;
        };
        let carried_in = requests_cell(table, "carried_in", claim.applicant).map_or(0, |f| f.value);
        let column = match claim.applicant {
            Applicant::All => "总计".to_string(),
            Applicant::Column(k) => {
                crate::template::APPLICANT_COLUMNS
                    .iter()
                    .find(|c| c.key == k)
                    .map_or("", |c| c.label)
                    .to_string()
                    + "列"
            }
            Applicant::Organisations => "法人或其他组织各列".to_string(),
        };
        let span = prose.span(ctx.view, claim.start, claim.end);
        let said_text = ctx
            .quote(claim.clause)
            .map(|q| format!("正文写“{q}”"))
            .unwrap_or_else(|| "正文".to_string());
        let table_says = format!(
            "表三“本年新收政府信息公开申请数量”{column}{}",
            said(&received)
        );
        let r = received.value;
        let d = match claim.value {
            Some(v) => {
                let v = i64::try_from(v).unwrap_or(i64::MAX);
                if v == r || v == r + carried_in {
                    continue;
                }
                let plus = if carried_in > 0 {
                    format!("（加上年结转{carried_in}件为{}）", r + carried_in)
                } else {
                    String::new()
                };
                let zh = match claim.scope {
                    Some((a, b)) => format!(
                        "{said_text}，这句统计的是“{}”{}的申请，而{table_says}{plus}。请确认表三统计的是哪一范围，并在正文写明同一口径的数字。",
                        prose.slice(a, b),
                        claim.verb
                    ),
                    None => format!("{said_text}，但{table_says}{plus}，两处不一致，请核对后统一。"),
                };
                let en = format!(
                    "The text states {}, but table 3 counts {}{}{}.",
                    count_en(v, "request"),
                    count_en(r, "new request"),
                    if carried_in > 0 {
                        format!(" ({} with {carried_in} carried over)", r + carried_in)
                    } else {
                        String::new()
                    },
                    if claim.scope.is_some() {
                        "; the sentence counts a scope of its own: say which one the table counts"
                    } else {
                        ""
                    }
                );
                Diagnostic::new(Code::N01, span, zh, en)
            }
            None => {
                if r == 0 {
                    continue;
                }
                Diagnostic::new(
                    Code::N01,
                    span,
                    format!(
                        "{said_text}，即没有收到政府信息公开申请，但{table_says}，请核对后统一。"
                    ),
                    format!(
                        "The text says no requests were received, but table 3 counts {}.",
                        count_en(r, "new request")
                    ),
                )
            }
        };
        let d = match received.cell {
            Some(c) => d.with_related(
                c,
                format!("表三本年新收申请{column}：{r}"),
                format!("table 3, received{}: {r}", applicant_en(claim.applicant)),
            ),
            None => d,
        };
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::fixture::{codes, report, Spec};

    fn n01(overview: &str, received: u64, carried_in: u64) -> Vec<crate::Diagnostic> {
        let s = Spec {
            overview: overview.into(),
            received,
            carried_in,
            carried_out: 0,
            ..Spec::default()
        };
        codes(&report(&s), Code::N01)
    }

    #[test]
    fn fires_on_a_different_count() {
        let t = report(&Spec {
            overview: "2023年,办事处共收到依申请公开3件,已办结。".into(),
            received: 1,
            ..Spec::default()
        });
        let d = codes(&t, Code::N01);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "3");
        assert!(d[0].message.contains("总计为1"), "{}", d[0].message);
        assert_eq!(d[0].related.len(), 1);
    }

    #[test]
    fn keeps_the_sentence_scope_in_the_message() {
        let d = n01("区政府办代表区政府受理政府信息公开申请17件。", 95, 0);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].message
                .contains("这句统计的是“区政府办代表区政府”受理的申请"),
            "{}",
            d[0].message
        );
        assert!(!d[0].message.contains("收到17件"), "{}", d[0].message);
        // A negative sentence about reviews says nothing about how many requests came.
        assert!(n01(
            "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。",
            5,
            0
        )
        .is_empty());
    }

    #[test]
    fn fires_when_none_is_claimed_but_the_table_has_requests() {
        let d = n01("本年度未收到政府信息公开申请。", 2, 0);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("没有收到"), "{}", d[0].message);
        let d = n01("2023年收到行政诉讼1条,未收到行政复议、依申请公开件。", 4, 0);
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn fires_with_full_width_text_and_spaces() {
        let d = n01("全市共受理政府信息公开申请 12 件，均按时答复。", 10, 1);
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn agrees_with_received_or_received_plus_carried_in() {
        assert!(n01("2023年,共收到依申请公开1件,已办结。", 1, 0).is_empty());
        assert!(n01("全市共受理政府信息公开申请 12 件。", 10, 2).is_empty());
        assert!(n01("全市共受理政府信息公开申请 10 件。", 10, 2).is_empty());
        assert!(n01("未收到依申请公开件。", 0, 0).is_empty());
        assert!(n01("未收到依申请公开件。", 0, 3).is_empty());
    }

    #[test]
    fn near_misses_do_not_fire() {
        for t in [
            "全年办理回复12345热线工单1865件次,办结率100%。",
            "2022年收到政府信息公开申请8件。",
            "收到申请10件,其中自然人申请8件。",
            "较上年收到的申请5件有所增加。",
            "通过网站发布信息182余条,被媒体报道1次。",
            "也没有发生因政府信息公开申请行政复议、行政诉讼件。",
            "收到行政复议申请3件。",
            "答复3050件(含上年度结转申请34件)。",
        ] {
            assert!(n01(t, 10, 0).is_empty(), "{t}");
        }
    }

    #[test]
    fn no_values_in_table_three_no_finding() {
        let t = "一、总体情况\n共收到依申请公开3件。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n";
        assert!(codes(t, Code::N01).is_empty());
    }
}
