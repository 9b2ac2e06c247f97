//! V01: a required cell is empty. No national rule says how to write "none" (format.md §6),
//! but a blank is ambiguous: "0" or "forgot". One finding per table listing the cells; a
//! table of labels only (an empty template, L6) is said as such, not read as zeros — unless
//! the text stops in it (S07): a table cut after its header is not an empty template.

use crate::diagnostic::Diagnostic;
use crate::model::CellKind;
use crate::registry::Code;
use crate::rules::{cell_place, cell_place_en, Context};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let t = &ctx.report.tables;
    for table in [&t.active, &t.requests, &t.reviews].into_iter().flatten() {
        if table.labels_only {
            // Cut after its header (S07 says so): the numbers may follow in the report.
            if ctx.report.extent.stops_in(table.kind) {
                continue;
            }
            out.push(Diagnostic::new(
                Code::V01,
                table.span,
                format!(
                    "{}只有表头和行名，没有任何数字（空白模板）。请逐格填写，没有发生的填“0”。",
                    table.kind.zh()
                ),
                format!(
                    "Table {} has labels but no values (an empty template).",
                    table.kind.section()
                ),
            ));
            continue;
        }
        if table.cut_in_columns() {
            continue;
        }
        let empty: Vec<(&crate::model::Row, usize, crate::span::Span)> = table
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().enumerate().map(move |(i, c)| (r, i, c)))
            .filter(|(_, _, c)| c.kind == CellKind::Empty)
            .map(|(r, i, c)| (r, i, c.span))
            .collect();
        let Some(&(_, _, span)) = empty.first() else {
            continue;
        };
        // "“行政复议”结果维持、结果纠正；“行政诉讼·复议后起诉”总计" — grouped by row.
        let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
        for (r, i, _) in &empty {
            let col = r.def.columns.get(*i).map(|c| c.label).unwrap_or("");
            match groups.last_mut() {
                Some((label, cols)) if *label == r.def.label => cols.push(col),
                _ => groups.push((r.def.label, vec![col])),
            }
        }
        let shown: Vec<String> = groups
            .iter()
            .take(4)
            .map(|(l, cols)| format!("“{l}”{}", crate::fmt::join(cols, "、")))
            .collect();
        let more = if groups.len() > 4 { "等" } else { "" };
        let listed = [crate::fmt::join(&shown, "；")];
        let mut d = Diagnostic::new(
            Code::V01,
            span,
            format!(
                "{}有{}个单元格为空（{}{more}）。没有发生的事项请填“0”，不要留空。",
                table.kind.zh(),
                empty.len(),
                crate::fmt::join(&listed, "、")
            ),
            format!(
                "{} empty cell(s) in table {}.",
                empty.len(),
                table.kind.section()
            ),
        );
        for (r, i, s) in empty.iter().skip(1) {
            d = d.with_related(*s, cell_place(table, r, *i), cell_place_en(table, r, *i));
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn v01(text: &str) -> Vec<String> {
        crate::check(text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::V01)
            .map(|d| d.message)
            .collect()
    }

    const REVIEWS: &str = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n";

    #[test]
    fn fires_once_for_a_blank_block() {
        let m = v01(&format!(
            "{REVIEWS}\t\t\t\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
        ));
        assert_eq!(m.len(), 1);
        assert!(m[0].contains("5个"), "{m:?}");
    }

    #[test]
    fn fires_on_a_labels_only_table() {
        let m = v01("二、主动公开政府信息情况\n规章\n行政规范性文件\n行政许可\n三、收到和处理政府信息公开申请情况\n无。\n");
        assert_eq!(m.len(), 1);
        assert!(m[0].contains("空白模板"));
    }

    #[test]
    fn silent_on_a_table_the_text_stops_in_after_its_header() {
        // The paste ends after 表四's header: its numbers may follow (S07), not an empty template.
        for sep in ["\t", " | ", "\n"] {
            let text = format!(
                "四、政府信息公开行政复议、行政诉讼情况\n行政复议{sep}行政诉讼\n结果维持{sep}结果纠正{sep}其他结果{sep}尚未审结{sep}总计\n"
            );
            assert!(v01(&text).is_empty(), "{sep:?}: {:?}", v01(&text));
        }
    }

    #[test]
    fn silent_when_filled() {
        assert!(v01(&format!(
            "{REVIEWS}0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
        ))
        .is_empty());
    }
}
