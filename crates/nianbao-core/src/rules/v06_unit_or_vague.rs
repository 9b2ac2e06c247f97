//! V06: an amount written with a unit other than the column's (`251000元` under 万元) or a
//! vague amount (`1763万余元`, `约5万元`). The template's money columns are exact figures in the
//! column's unit (format.md §2).

use crate::diagnostic::Diagnostic;
use crate::model::CellKind;
use crate::registry::Code;
use crate::rules::{all_cells, cell_place, column_kind, Context};
use crate::template::ColumnKind;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for (table, row, i, cell) in all_cells(ctx) {
        if cell.kind != CellKind::Qualified || column_kind(row, i) != ColumnKind::Amount {
            continue;
        }
        let text = ctx.slice(cell.span).trim();
        let vague = ["余", "约", "多", "近"].iter().any(|m| text.contains(m));
        let place = cell_place(table, row, i);
        let (zh, en) = if vague {
            (
                format!(
                    "{place}填的是“{text}”，是约数。请填写准确金额（以万元为单位，不带“余”“约”）。"
                ),
                format!("Vague amount \"{text}\"."),
            )
        } else {
            (format!("{place}填的是“{text}”，单位与表头不符。请换算为表头规定的单位（万元），只填数字。"), format!("Amount \"{text}\" has a unit other than the column's."))
        };
        out.push(Diagnostic::new(Code::V06, cell.span, zh, en));
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn v06(text: &str) -> usize {
        crate::check(text)
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::V06)
            .count()
    }

    const HEAD: &str = "二、主动公开政府信息情况\n信息内容\t采购项目数量\t采购总金额\n";

    #[test]
    fn fires_on_vague_and_foreign_units() {
        assert_eq!(v06(&format!("{HEAD}政府集中采购\t111\t1763万余元\n")), 1);
        assert_eq!(v06(&format!("{HEAD}政府集中采购\t3\t251000元\n")), 1);
    }

    #[test]
    fn silent_on_plain_amounts() {
        assert_eq!(v06(&format!("{HEAD}政府集中采购\t31\t214.6823\n")), 0);
    }
}
