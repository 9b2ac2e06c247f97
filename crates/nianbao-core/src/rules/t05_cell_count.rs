//! T05: a row has more or fewer value cells than the template, and no reading is sure
//! (misaligned paste, missing cells). Where joining `1 2` into `12` makes the sums hold, the
//! message says so: a common paste accident.

use crate::diagnostic::Diagnostic;
use crate::model::ReadNote;
use crate::registry::Code;
use crate::rules::Context;
use crate::template::{self, TableKind};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let t = &ctx.report.tables;
    for table in [&t.active, &t.requests, &t.reviews].into_iter().flatten() {
        for note in &table.notes {
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
            let mut msg = format!("{label}有{found}个数字，模板应为{expected}个，可能粘贴时错位或漏填。请核对这一行的每一格。");
            if let Some(d) = detail {
                msg = format!("{label}有{found}个数字，模板应为{expected}个；{d}。请核对。");
            }
            out.push(Diagnostic::new(
                Code::T05,
                *span,
                msg,
                format!("Row has {found} values; the template has {expected}."),
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
