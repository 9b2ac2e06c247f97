//! T05: a row has more or fewer value cells than the template, and no reading is sure
//! (misaligned paste, missing cells). Its values are not placed in any column (filling from
//! the left would put a number under another column's heading), so no sum through the row is
//! checked. Where joining `1 2` into `12` makes the sums hold, the message says so: a common
//! paste accident. Also: a line of numbers with no label that fits no row between its
//! labelled neighbours.

use crate::diagnostic::Diagnostic;
use crate::model::ReadNote;
use crate::registry::Code;
use crate::rules::Context;
use crate::template::{self, TableKind};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let t = &ctx.report.tables;
    for table in [&t.active, &t.requests, &t.reviews].into_iter().flatten() {
        for note in &table.notes {
            if let ReadNote::Unplaced { values, span } = note {
                out.push(Diagnostic::new(
                    Code::T05,
                    *span,
                    format!(
                        "{}中有一行{values}个数字没有行名，也无法按模板确定属于哪一行，未读入（不参与检查）。请补上行名或核对表格。",
                        table.kind.zh()
                    ),
                    format!(
                        "A line of {values} values in table {} has no label and fits no row of the template; not read.",
                        table.kind.section()
                    ),
                ));
                continue;
            }
            let ReadNote::CellCount {
                row,
                found,
                expected,
                span,
                detail,
            } = note
            else {
                continue;
            };
            let label = match table.kind {
                TableKind::Reviews => "表四数据行".to_string(),
                _ => template::row_label(row)
                    .map(|label| format!("{}“{label}”这一行", table.kind.zh()))
                    .unwrap_or_default(),
            };
            let mut msg = format!("{label}有{found}个数字，模板应为{expected}个，无法确定各属于哪一列，未读入（不参与检查）；可能粘贴时错位或漏填。请核对这一行的每一格。");
            if let Some(d) = detail {
                msg = format!("{label}有{found}个数字，模板应为{expected}个；{d}。请核对。");
            }
            out.push(Diagnostic::new(
                Code::T05,
                *span,
                msg,
                format!("The row has {found} values where the template has {expected}; which column each belongs to cannot be decided, so the row was not read."),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn t05(text: &str) -> Vec<String> {
        crate::check(text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::T05)
            .map(|d| d.message)
            .collect()
    }

    const HEAD: &str = "三、收到和处理政府信息公开申请情况\n";

    #[test]
    fn fires_on_a_short_or_long_row() {
        assert_eq!(
            t05(&format!(
                "{HEAD}一、本年新收政府信息公开申请数量\t3\t1\t0\t0\n"
            ))
            .len(),
            1
        );
        assert_eq!(
            t05(&format!(
                "{HEAD}一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t4\t9\t9\n"
            ))
            .len(),
            1
        );
    }

    #[test]
    fn explains_a_split_number() {
        let m = t05(&format!(
            "{HEAD}一、本年新收政府信息公开申请数量 1 2 0 0 0 0 0 12\n"
        ));
        assert_eq!(m.len(), 1);
        assert!(m[0].contains("12"), "{m:?}");
    }

    #[test]
    fn silent_on_full_rows() {
        assert!(t05(&format!(
            "{HEAD}一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t4\n"
        ))
        .is_empty());
        assert!(t05(&format!(
            "{HEAD}一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4 | ||\n"
        ))
        .is_empty());
    }
}
