//! N03: another figure the narrative states that a table contradicts:
//! - requests carried over to next year ("另有103件顺延到下年度答复", "结转下年度继续办理5件")
//!   against table 三 `carried_out`, and from last year ("含上年度结转申请34件") against
//!   `carried_in`;
//! - results of requests: "予以公开及部分公开N件" against granted + partly_granted, "不予公开",
//!   "无法提供", "不予处理N件" against their blocks' totals, "办结/答复N件" against (七)总计 — in
//!   the column the sentence names (自然人…), else 总计;
//! - 规章 and 规范性文件: "制发…规范性文件N件，废止M件，现行有效K件" against table 二 (2021:
//!   本年制发 / 本年废止 / 现行有效; 2019: 本年新制作 / 本年新公开 / 对外公开总数量), one finding per
//!   sentence, only when the sentence names that kind of document (not 政策性文件, not "各类文件").
//!
//! Source: rules.md N03; format.md §2, §3 and §7. A clause must hold exactly one count to be
//! read, and a cell that was not read as a number is never compared. Deliberately not checked:
//! "办结率100%" while `carried_out` > 0 (pending requests are still within their legal period,
//! so that is no contradiction).

use crate::diagnostic::Diagnostic;
use crate::model::Table;
use crate::narrative::{Applicant, DocMeasure, DocumentClaim, Outcome, Subject};
use crate::registry::Code;
use crate::rules::table_figures::{applicant_en, exact, rows_sum, said, TableFigure};
use crate::rules::{count_en, key_en, with_values, Context};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if let Some(table) = with_values(&ctx.report.tables.requests) {
        requests(ctx, table, out);
    }
    if let Some(table) = with_values(&ctx.report.tables.active) {
        documents(ctx, table, out);
    }
}

/// The rows a result word stands for, as the table has them.
fn result_rows(table: &Table, outcome: Outcome) -> Vec<&'static str> {
    let prefix: &[&str] = match outcome {
        Outcome::GrantedOrPartly => &["granted", "partly_granted"],
        Outcome::Granted => &["granted"],
        Outcome::Partly => &["partly_granted"],
        Outcome::Denied => &["denied_"],
        Outcome::Unable => &["unable_"],
        Outcome::NotProcessed => &["rejected_"],
        Outcome::Answered => &["results_total"],
    };
    let exact_keys = matches!(
        outcome,
        Outcome::GrantedOrPartly | Outcome::Granted | Outcome::Partly | Outcome::Answered
    );
    table
        .rows
        .iter()
        .map(|r| r.def.key)
        .chain(table.missing_rows.iter().map(|r| r.key))
        .filter(|k| {
            prefix
                .iter()
                .any(|p| if exact_keys { k == p } else { k.starts_with(p) })
        })
        .collect()
}

fn requests(ctx: &Context, table: &Table, out: &mut Vec<Diagnostic>) {
    let prose = ctx.prose();
    for claim in ctx.claims() {
        let Some(v) = claim.value else { continue };
        let (rows, label, what_en): (Vec<&str>, String, String) = match claim.subject {
            Subject::CarriedOut => (
                vec!["carried_out"],
                "“四、结转下年度继续办理”".to_string(),
                "carried over to next year".to_string(),
            ),
            Subject::CarriedIn => (
                vec!["carried_in"],
                "“二、上年结转政府信息公开申请数量”".to_string(),
                "carried over from last year".to_string(),
            ),
            Subject::Result(o) => {
                let label = match o {
                    Outcome::GrantedOrPartly => "“（一）予以公开”与“（二）部分公开”".to_string(),
                    Outcome::Granted => "“（一）予以公开”".to_string(),
                    Outcome::Partly => "“（二）部分公开”".to_string(),
                    Outcome::Denied => "“（三）不予公开”各项".to_string(),
                    Outcome::Unable => "“（四）无法提供”各项".to_string(),
                    Outcome::NotProcessed => "“（五）不予处理”各项".to_string(),
                    Outcome::Answered => "“（七）总计”".to_string(),
                };
                (result_rows(table, o), label, o.en().to_string())
            }
            _ => continue,
        };
        if rows.is_empty() {
            continue;
        }
        let applicant = match claim.subject {
            Subject::Result(_) => claim.applicant,
            _ => Applicant::All,
        };
        let Some(figure) = rows_sum(table, &rows, applicant) else {
            continue;
        };
        let v = i64::try_from(v).unwrap_or(i64::MAX);
        if v == figure.value {
            continue;
        }
        let column = match applicant {
            Applicant::All => "总计列".to_string(),
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
        let said_text = ctx
            .quote(claim.clause)
            .map(|q| format!("正文写“{q}”"))
            .unwrap_or_else(|| "正文".to_string());
        let mut d = Diagnostic::new(
            Code::N03,
            prose.span(ctx.view, claim.start, claim.end),
            format!(
                "{said_text}，但表三{label}{column}{}，两处不一致，请核对后统一。",
                said(&figure)
            ),
            format!(
                "The text states {} {what_en}, but table 3 counts {}.",
                count_en(v, "request"),
                figure.value
            ),
        );
        if let Some(c) = figure.cell {
            d = d.with_related(
                c,
                format!("表三{label}{column}：{}", figure.value),
                format!(
                    "table 3, {what_en}{}: {}",
                    applicant_en(applicant),
                    figure.value
                ),
            );
        }
        out.push(d);
    }
}

/// The table 二 column a measure is, in the row's own template.
fn document_column(
    table: &Table,
    row: &str,
    measure: DocMeasure,
) -> Option<(&'static str, &'static str)> {
    let r = table.row(row)?;
    let has = |k: &str| r.def.columns.iter().any(|c| c.key == k);
    let key = if has("issued") {
        match measure {
            DocMeasure::Issued => "issued",
            DocMeasure::Repealed => "repealed",
            DocMeasure::InForce => "in_force",
            _ => return None,
        }
    } else {
        match measure {
            DocMeasure::Issued => "new_made",
            DocMeasure::Published => "new_published",
            DocMeasure::PublishedTotal => "total_published",
            _ => return None,
        }
    };
    let col = r.def.columns.iter().find(|c| c.key == key)?;
    Some((col.key, col.label))
}

fn documents(ctx: &Context, table: &Table, out: &mut Vec<Diagnostic>) {
    let claims = &ctx.narrative.documents;
    let mut i = 0usize;
    while i < claims.len() {
        // One finding per sentence, listing every figure of it that the table contradicts.
        let sentence = claims.get(i).map(|c| c.sentence);
        let group: Vec<&DocumentClaim> = claims
            .iter()
            .skip(i)
            .take_while(|c| Some(c.sentence) == sentence)
            .collect();
        i += group.len().max(1);
        let mut wrong: Vec<(&DocumentClaim, &'static str, TableFigure)> = Vec::new();
        for c in &group {
            let row = c.kind.row();
            let Some((key, label)) = document_column(table, row, c.measure) else {
                continue;
            };
            let Some(cell) = table.cell(row, key) else {
                continue;
            };
            let Some(value) = exact(cell) else { continue };
            if i64::try_from(c.value).unwrap_or(i64::MAX) != value {
                wrong.push((
                    c,
                    label,
                    TableFigure {
                        value,
                        cell: Some(cell.span),
                        from_parts: false,
                    },
                ));
            }
        }
        let Some((first, _, _)) = wrong.first() else {
            continue;
        };
        let said_text = ctx
            .quote(first.sentence)
            .map(|q| format!("正文写“{q}”"))
            .unwrap_or_else(|| "正文".to_string());
        let listed: Vec<String> = wrong
            .iter()
            .map(|(c, label, f)| {
                format!(
                    "{}{}{}件，表二“{}”{label}为{}",
                    c.kind.zh(),
                    c.measure.zh(),
                    c.value,
                    c.kind.zh(),
                    f.value
                )
            })
            .collect();
        let mut d = Diagnostic::new(
            Code::N03,
            ctx.prose().span(ctx.view, first.start, first.end),
            format!(
                "{said_text}，与表二不一致：{}。请核对后统一。",
                crate::fmt::join(&listed, "；")
            ),
            format!(
                "The text's figures for {} do not match table 2.",
                if first.kind.row() == "regulations" {
                    "rules (“规章”)"
                } else {
                    "normative documents"
                }
            ),
        );
        for (c, label, f) in &wrong {
            if let Some(cell) = f.cell {
                let row = c.kind.row();
                let key = table
                    .row(row)
                    .and_then(|r| r.def.columns.iter().find(|d| d.label == *label))
                    .map_or("", |d| d.key);
                d = d.with_related(
                    cell,
                    format!("表二“{}”{label}：{}", c.kind.zh(), f.value),
                    key_en(&format!("table 2, {row}, {key}: {}", f.value)),
                );
            }
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::fixture::{codes, report, Spec};

    fn n03(
        overview: &str,
        received: u64,
        carried_in: u64,
        carried_out: u64,
    ) -> Vec<crate::Diagnostic> {
        let s = Spec {
            overview: overview.into(),
            received,
            carried_in,
            carried_out,
            ..Spec::default()
        };
        codes(&report(&s), Code::N03)
    }

    #[test]
    fn fires_on_carried_over_counts_the_table_contradicts() {
        let t = report(&Spec {
            overview: "共受理申请10件,另有3件顺延到下年度答复。".into(),
            received: 10,
            carried_out: 1,
            ..Spec::default()
        });
        let d = codes(&t, Code::N03);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "3");
        assert!(d[0].message.contains("总计列为1"), "{}", d[0].message);
        let d = n03("答复10件(含上年度结转申请4件)。", 8, 2, 0);
        assert_eq!(d.len(), 1, "{d:?}");
        let d = n03("结转下年度继续办理2件。", 8, 0, 0);
        assert_eq!(d.len(), 1, "{d:?}");
    }

    /// A report with 10 requests whose results are `results` (row index, count); the rest granted.
    fn results(overview: &str, results: Vec<(usize, u64)>) -> (String, Vec<crate::Diagnostic>) {
        let t = report(&Spec {
            overview: overview.into(),
            received: 10,
            results,
            ..Spec::default()
        });
        let d = codes(&t, Code::N03);
        (t, d)
    }

    // Row indexes of the fixture: 3 (二)部分公开, 4 (三)1. 国家秘密, 12 (四)1. 不掌握, 15 (五)1.
    // 信访举报投诉.

    #[test]
    fn fires_on_results_the_table_contradicts() {
        let (t, d) = results("共收到申请10件,予以公开及部分公开8件。", vec![(3, 1)]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "8");
        assert!(d[0].message.contains("总计列合计为10"), "{}", d[0].message);
        for (text, rows) in [
            ("共收到申请10件,不予公开2件。", vec![(4, 1)]),
            ("共收到申请10件,无法提供3件。", vec![(12, 1)]),
            ("共收到申请10件,不予处理1件。", vec![]),
            ("共收到申请10件,已全部办结,办结9件。", vec![]),
            ("自然人申请中予以公开5件。", vec![]),
        ] {
            let (_, d) = results(text, rows.clone());
            assert_eq!(d.len(), 1, "{text} {rows:?} {d:?}");
        }
    }

    #[test]
    fn results_the_table_agrees_with_do_not_fire() {
        for (text, rows) in [
            ("共收到申请10件,予以公开及部分公开10件。", vec![(3, 2)]),
            ("共收到申请10件,其中予以公开8件,部分公开2件。", vec![(3, 2)]),
            (
                "共收到申请10件,不予公开2件,无法提供1件。",
                vec![(4, 1), (5, 1), (12, 1)],
            ),
            ("共收到申请10件,不予处理1件。", vec![(15, 1)]),
            ("共收到申请10件,均已办结。办结10件。", vec![]),
            ("按时办结率100%,办结时间平均12个工作日。", vec![]),
            ("2022年予以公开5件。", vec![]),
            ("行政复议结果维持1件。", vec![]),
        ] {
            let (_, d) = results(text, rows.clone());
            assert!(d.is_empty(), "{text} {rows:?} {d:?}");
        }
    }

    fn documents(overview: &str, documents: [[u64; 3]; 2]) -> (String, Vec<crate::Diagnostic>) {
        let t = report(&Spec {
            overview: overview.into(),
            documents,
            ..Spec::default()
        });
        let d = codes(&t, Code::N03);
        (t, d)
    }

    #[test]
    fn fires_on_documents_the_table_contradicts() {
        // 规章 (制发, 废止, 现行有效), 行政规范性文件 (the same).
        let (_, d) = documents(
            "本年度制发行政规范性文件0件,废止0件,现行有效0件。",
            [[0; 3], [4, 0, 32]],
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("表二"), "{}", d[0].message);
        assert_eq!(d[0].related.len(), 2);
        for (text, docs) in [
            ("全年制定规范性文件3件。", [[0; 3], [2, 0, 2]]),
            ("制定规章1件、规范性文件2件。", [[0, 0, 0], [2, 0, 2]]),
            ("本年度未制发规范性文件。", [[0; 3], [1, 0, 5]]),
            (
                "按照规范性文件管理要求,全年印发行政规范性文件5件,对不符合上位法规定的文\n件及时废止2件。",
                [[0; 3], [5, 1, 9]],
            ),
        ] {
            let (_, d) = documents(text, docs);
            assert_eq!(d.len(), 1, "{text} {d:?}");
        }
    }

    #[test]
    fn documents_the_table_agrees_with_or_others_do_not_fire() {
        for (text, docs) in [
            (
                "本年度制发行政规范性文件4件,废止0件,现行有效32件。",
                [[0; 3], [4, 0, 32]],
            ),
            ("本年度未制发规范性文件。", [[0; 3], [0, 0, 5]]),
            ("印发政策性文件11件。", [[0; 3], [4, 0, 32]]),
            ("制发各类文件20件。", [[0; 3], [4, 0, 32]]),
            ("全区各部门制发规范性文件30件。", [[0; 3], [4, 0, 32]]),
            ("清理规范性文件12件。", [[0; 3], [4, 0, 32]]),
            ("2022年制发规范性文件3件。", [[0; 3], [4, 0, 32]]),
            ("下一步,计划制定规范性文件2件。", [[0; 3], [4, 0, 32]]),
            ("规章和规范性文件共5件。", [[1, 0, 1], [4, 0, 32]]),
        ] {
            let (_, d) = documents(text, docs);
            assert!(d.is_empty(), "{text} {d:?}");
        }
    }

    #[test]
    fn agreeing_or_unrelated_statements_do_not_fire() {
        // The huaian sentence: 3119 + 34 = 3050 + 103.
        let huaian = "2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。";
        assert!(n03(huaian, 3119, 34, 103).is_empty());
        for t in [
            "办结率100%。",
            "全部按时办结。",
            "市政府及市政府办政策性文件 11 件。",
            "上年结转的申请与本年新收申请合计12件。",
            "结转下年度的申请同比减少2件。",
        ] {
            assert!(n03(t, 10, 2, 3).is_empty(), "{t}");
        }
    }
}
