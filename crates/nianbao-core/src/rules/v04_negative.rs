//! V04: a negative number where the column allows none. Only the 2019 template's `本年增/减`
//! may be negative (format.md §2, §5).

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::{all_cells, cell_place, column_kind, fmt_num, Context};
use crate::template::ColumnKind;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for (table, row, i, cell) in all_cells(ctx) {
        let Some(v) = cell.value else { continue };
        if v < 0.0 && column_kind(row, i) != ColumnKind::Change {
            out.push(Diagnostic::new(
                Code::V04,
                cell.span,
                format!(
                    "{}填的是负数{}。统计数不能为负，请改正。",
                    cell_place(table, row, i),
                    fmt_num(v)
                ),
                format!("Negative value {} where none is allowed.", fmt_num(v)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn v04(text: &str) -> usize {
        crate::check(text)
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::V04)
            .count()
    }

    #[test]
    fn fires_on_negative_count() {
        assert_eq!(v04("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t-1\t0\t0\t0\t0\t0\t-1\n"), 2);
    }

    #[test]
    fn silent_on_the_2019_change_column() {
        let t = "二、主动公开政府信息情况\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t10\t-4\t3\n";
        assert_eq!(v04(t), 0);
    }
}
