//! V03: a count cell holds text that is not a number (`若干`, `10余`, `约5`). Counts must be
//! exact (format.md §5 "signs": counts are non-negative integers). Money with a unit or `余` is
//! V06's, not this.

use crate::diagnostic::Diagnostic;
use crate::model::CellKind;
use crate::registry::Code;
use crate::rules::{all_cells, cell_place, column_kind, Context};
use crate::template::ColumnKind;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for (table, row, i, cell) in all_cells(ctx) {
        let text = ctx.slice(cell.span).trim();
        let bad = match cell.kind {
            CellKind::Text => true,
            CellKind::Qualified => {
                column_kind(row, i) != ColumnKind::Amount
                    && !is_signed_change(text, column_kind(row, i))
            }
            _ => false,
        };
        if bad {
            let skipped = crate::arith::checks_through(table.kind, row.def.key);
            let (zh, en) = if skipped.is_empty() {
                (String::new(), String::new())
            } else {
                let zh: Vec<&str> = skipped.iter().map(|c| check_zh(c)).collect();
                (
                    format!(
                        "这一格不参与计算，因此{}未检查。",
                        crate::fmt::join(&zh, "、")
                    ),
                    format!(
                        " It takes no part in the sums, so {} were not checked.",
                        crate::fmt::join(skipped, ", ")
                    ),
                )
            };
            out.push(Diagnostic::new(
                Code::V03,
                cell.span,
                format!(
                    "{}填的是“{text}”，不是一个准确的数字。请填写具体数字。{zh}",
                    cell_place(table, row, i)
                ),
                format!("\"{text}\" is not an exact number.{en}"),
            ));
        }
    }
}

/// A check a text cell stops, as the message names it.
fn check_zh(code: &str) -> &'static str {
    match code {
        "A01" => "该列的收支平衡（A01）",
        "A02" => "该行的总计（A02）",
        "A03" => "该列的办理结果总计（A03）",
        "A04" => "该块的总计（A04）",
        _ => "相关勾稽关系",
    }
}

/// `减4`/`增3` in the 2019 本年增/减 column is a signed number, not text.
fn is_signed_change(text: &str, kind: ColumnKind) -> bool {
    kind == ColumnKind::Change
        && (text.starts_with('减') || text.starts_with('增'))
        && !text.contains('余')
        && !text.contains('约')
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn v03(text: &str) -> usize {
        crate::check(text)
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::V03)
            .count()
    }

    const HEAD: &str =
        "二、主动公开政府信息情况\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n";

    #[test]
    fn fires_on_text_in_counts() {
        assert_eq!(v03(&format!("{HEAD}行政许可\t若干\t0\t3\n")), 1);
        assert_eq!(v03(&format!("{HEAD}行政许可\t10余\t0\t3\n")), 1);
    }

    #[test]
    fn silent_on_numbers_and_signed_changes() {
        assert_eq!(v03(&format!("{HEAD}行政许可\t10\t减4\t3\n")), 0);
        assert_eq!(v03(&format!("{HEAD}行政许可\t10\t-4\t3\n")), 0);
    }
}
