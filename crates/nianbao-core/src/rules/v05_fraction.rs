//! V05: a fraction in a count column. Counts are whole numbers; only money may have decimals
//! (format.md §5).

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::{all_cells, cell_place, column_kind, fmt_num, Context};
use crate::template::ColumnKind;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for (table, row, i, cell) in all_cells(ctx) {
        let Some(v) = cell.value else { continue };
        if v.fract() != 0.0 && column_kind(row, i) != ColumnKind::Amount {
            out.push(Diagnostic::new(
                Code::V05,
                cell.span,
                format!(
                    "{}填的是小数{}。件数、数量只能是整数，请改正。",
                    cell_place(table, row, i),
                    fmt_num(v)
                ),
                format!("Fraction {} in a count column.", fmt_num(v)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn v05(text: &str) -> usize {
        crate::check(text)
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::V05)
            .count()
    }

    #[test]
    fn fires_on_a_fraction_in_a_count() {
        assert_eq!(v05("二、主动公开政府信息情况\n规章\t1.5\t0\t2\n"), 1);
    }

    #[test]
    fn silent_on_money() {
        assert_eq!(v05("二、主动公开政府信息情况\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t96171.6\n"), 0);
    }
}
