//! T07 (added; rules.md allows new codes): cells ran together (`000` where three cells are
//! due) or a row was one short, and the reader kept the only reading consistent with the
//! template and the arithmetic (layouts.md L8). Said once per table, never silently.

use crate::diagnostic::Diagnostic;
use crate::model::ReadNote;
use crate::registry::Code;
use crate::rules::{fmt_num, key_en, Context};
use crate::template;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let t = &ctx.report.tables;
    for table in [&t.active, &t.requests, &t.reviews].into_iter().flatten() {
        let notes: Vec<(&str, crate::span::Span, &str)> = table
            .notes
            .iter()
            .filter_map(|n| match n {
                ReadNote::Recovered { row, span, detail } => Some((*row, *span, detail.as_str())),
                _ => None,
            })
            .collect();
        let Some(&(first_row, first_span, first_detail)) = notes.first() else {
            continue;
        };
        let name = |key: &str| template::row_label(key).unwrap_or("数据行");
        let msg = if notes.len() == 1 {
            format!(
                "{}“{}”：{first_detail}。请在原文中把每个数字放进对应的格子。",
                table.kind.zh(),
                name(first_row)
            )
        } else {
            let rows: Vec<&str> = notes.iter().map(|n| name(n.0)).collect();
            format!(
                "{}有{}行的格子错位或数字相连（{}），已按模板和勾稽关系读出唯一合理的结果，例如“{}”：{first_detail}。请核对原表。",
                table.kind.zh(),
                notes.len(),
                crate::fmt::join(&rows, "、"),
                name(first_row)
            )
        };
        // In English, the reading itself: the row's cells as the reader kept them.
        let read_en = |key: &str| {
            let cells = table.row(key).map_or(&[][..], |r| r.cells.as_slice());
            let shown: Vec<String> = cells
                .iter()
                .map(|c| c.value.map_or("blank".to_string(), fmt_num))
                .collect();
            format!("{} read as {}", key_en(key), crate::fmt::join(&shown, ", "))
        };
        let section = table.kind.section();
        let en = if notes.len() == 1 {
            format!(
                "Table {section}: cells ran together or one was missing; {}, the only reading that fits the template and the sums. Check the source table.",
                read_en(first_row)
            )
        } else {
            format!(
                "Table {section}: {} rows had cells run together or missing and were recovered from the template and the sums, e.g. {}. Check the source table.",
                notes.len(),
                read_en(first_row)
            )
        };
        let mut d = Diagnostic::new(Code::T07, first_span, msg, en);
        for (row, span, detail) in notes.iter().skip(1) {
            d = d.with_related(*span, format!("{}：{detail}", name(row)), read_en(row));
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn t07(text: &str) -> usize {
        crate::check(text)
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::T07)
            .count()
    }

    #[test]
    fn fires_once_per_table_on_run_together_cells() {
        assert_eq!(
            t07("二、主动公开政府信息情况\n规章\t000\n行政规范性文件\t000\n"),
            1
        );
    }

    #[test]
    fn silent_on_separated_cells() {
        assert_eq!(
            t07("二、主动公开政府信息情况\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t0\n"),
            0
        );
    }
}
