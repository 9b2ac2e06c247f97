//! V02: a placeholder (`-`, `/`, `—`, `无`) stands for zero (format.md §6). Read as 0 for the
//! arithmetic, and said once per table with every cell listed, not eighty times.

use crate::diagnostic::Diagnostic;
use crate::model::CellKind;
use crate::registry::Code;
use crate::rules::{cell_place, cell_place_en, Context};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let t = &ctx.report.tables;
    for table in [&t.active, &t.requests, &t.reviews].into_iter().flatten() {
        let cells: Vec<(String, String, crate::span::Span)> = table
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().enumerate().map(move |(i, c)| (r, i, c)))
            .filter(|(_, _, c)| c.kind == CellKind::Placeholder)
            .map(|(r, i, c)| (cell_place(table, r, i), cell_place_en(table, r, i), c.span))
            .collect();
        let Some((_, _, span)) = cells.first() else {
            continue;
        };
        let mut marks: Vec<&str> = cells.iter().map(|(_, _, s)| ctx.slice(*s).trim()).collect();
        crate::order::sort(&mut marks);
        marks.dedup();
        let marks: Vec<String> = marks.iter().map(|m| format!("“{m}”")).collect();
        let mut d = Diagnostic::new(
            Code::V02,
            *span,
            format!(
                "{}有{}个单元格用{}表示没有，已按0计算。建议统一填写“0”。",
                table.kind.zh(),
                cells.len(),
                crate::fmt::join(&marks, "、")
            ),
            format!(
                "{} placeholder cell(s) in table {} read as 0.",
                cells.len(),
                table.kind.section()
            ),
        );
        // The fix is certain: each placeholder stands for 0.
        for (_, _, s) in &cells {
            d = d.with_edit(*s, "0");
        }
        for (place, en, s) in cells.into_iter().skip(1) {
            d = d.with_related(s, place, en);
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn v02(text: &str) -> Vec<(String, usize)> {
        crate::check(text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::V02)
            .map(|d| (d.message, d.related.len()))
            .collect()
    }

    #[test]
    fn fires_once_per_table_listing_cells() {
        let m = v02("二、主动公开政府信息情况\n规章\t-\t-\t/\n行政规范性文件\t—\t0\t无\n");
        assert_eq!(m.len(), 1);
        assert!(m[0].0.contains("5个"), "{m:?}");
        assert_eq!(m[0].1, 4);
    }

    #[test]
    fn silent_on_zeros() {
        assert!(v02("二、主动公开政府信息情况\n规章\t0\t0\t0\n").is_empty());
    }
}
