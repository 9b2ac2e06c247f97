//! V06: an amount written with a unit other than the column's (`251000元` under 万元) or a
//! vague amount (`1763万余元`, `约5万元`). The template's money columns are exact figures in the
//! column's unit (format.md §2).
//!
//! The column's unit: 2021 本年收费金额 is in 万元 (the template prints it); 2019 采购总金额
//! has none in the template, so the unit the report's own header gives (`采购总金额（单位：万元）`)
//! counts, and with no unit in the header an amount may carry 元 or 万元 (format.md §2). A cell
//! whose unit is the column's own (`1424.4万元` under 万元) is right in value: only an info that
//! the unit need not be repeated.

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
        let cell_unit = if text.ends_with("万元") {
            Some("万元")
        } else if text.ends_with('元') {
            Some("元")
        } else {
            None
        };
        let column = column_unit(ctx, table, row);
        if !vague && cell_unit.is_some() && (column.is_none() || column == cell_unit) {
            let unit = cell_unit.unwrap_or("");
            out.push(
                Diagnostic::new(
                    Code::V06,
                    cell.span,
                    format!("{place}填的是“{text}”，单位（{unit}）与表头一致；表格中只填数字即可。"),
                    format!("\"{text}\" repeats the column's unit (“{unit}”); the number alone is enough."),
                )
                .with_severity(crate::registry::Severity::Info),
            );
            continue;
        }
        let (zh, en) = if vague {
            (
                format!(
                    "{place}填的是“{text}”，是约数。请填写准确金额（以万元为单位，不带“余”“约”）。"
                ),
                format!("Vague amount \"{text}\"."),
            )
        } else {
            let unit = column.unwrap_or("万元");
            (format!("{place}填的是“{text}”，单位与表头不符。请换算为表头规定的单位（{unit}），只填数字。"), format!("Amount \"{text}\" has a unit other than the column's (“{unit}”)."))
        };
        out.push(Diagnostic::new(Code::V06, cell.span, zh, en));
    }
}

/// The unit of a money column: the template's, else the one the report's header gives.
fn column_unit(
    ctx: &Context,
    table: &crate::model::Table,
    row: &crate::model::Row,
) -> Option<&'static str> {
    if row.def.key == "fees" {
        // 2021 prints 本年收费金额（单位：万元）; 2019's 行政事业性收费 has no money column.
        return Some("万元");
    }
    // The header is just before the row (its block's header), or at the table's start.
    let end = row.label.map_or(table.span.end, |l| l.start);
    let mut start = end.saturating_sub(600).min(table.span.start);
    while !ctx.text.is_char_boundary(start) {
        start -= 1;
    }
    let region = ctx.text.get(start..end).unwrap_or("");
    let at = region.rfind("采购总金额")?;
    let after: String = region
        .get(at + "采购总金额".len()..)
        .unwrap_or("")
        .chars()
        .take(10)
        .collect();
    if after.contains("万元") {
        Some("万元")
    } else if after.contains('元') {
        Some("元")
    } else {
        None
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
        let wan = "二、主动公开政府信息情况\n信息内容\t采购项目数量\t采购总金额(万元)\n";
        assert_eq!(v06(&format!("{wan}政府集中采购\t3\t251000元\n")), 1);
    }

    #[test]
    fn silent_on_plain_amounts() {
        assert_eq!(v06(&format!("{HEAD}政府集中采购\t31\t214.6823\n")), 0);
    }

    fn v06_warnings(text: &str) -> usize {
        crate::check(text)
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::V06 && d.severity != crate::Severity::Info)
            .count()
    }

    #[test]
    fn the_columns_own_unit_is_only_an_info() {
        // No unit in the header: 元 and 万元 are both the amount's own unit.
        assert_eq!(
            v06_warnings(&format!("{HEAD}政府集中采购\t10\t1424.4万元\n")),
            0
        );
        assert_eq!(v06(&format!("{HEAD}政府集中采购\t10\t1424.4万元\n")), 1);
        let wan = "二、主动公开政府信息情况\n信息内容\t采购项目数量\t采购总金额（单位：万元）\n";
        assert_eq!(
            v06_warnings(&format!("{wan}政府集中采购\t10\t1424.4万元\n")),
            0
        );
        assert_eq!(
            v06_warnings(&format!("{wan}政府集中采购\t10\t251000元\n")),
            1
        );
    }
}
