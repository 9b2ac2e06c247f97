//! T04: an expected row of a table is missing (format.md §2-§4 list every row). One finding
//! per table, listing the rows; an empty template (labels only) is V01's, not this.

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let t = &ctx.report.tables;
    for table in [&t.active, &t.requests].into_iter().flatten() {
        if table.missing_rows.is_empty() || table.labels_only {
            continue;
        }
        let names: Vec<&str> = table.missing_rows.iter().map(|d| d.label).collect();
        let span = table
            .rows
            .first()
            .and_then(|r| r.label)
            .unwrap_or(table.span);
        out.push(Diagnostic::new(
            Code::T04,
            span,
            format!(
                "{}缺少{}行：{}。请按模板补全这些行及其数字。",
                table.kind.zh(),
                names.len(),
                crate::fmt::join(&names, "；")
            ),
            format!(
                "Table {} is missing {} row(s).",
                table.kind.section(),
                names.len()
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn t04(text: &str) -> Vec<String> {
        crate::check(text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::T04)
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn fires_listing_missing_rows() {
        let m = t04("二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政许可\t0\n行政处罚\t0\n行政强制\t0\n行政事业性收费\t0\n");
        assert_eq!(m.len(), 1);
        assert!(m[0].contains("行政规范性文件"), "{m:?}");
    }

    #[test]
    fn silent_when_complete() {
        let m = t04("二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t0\n行政许可\t0\n行政处罚\t0\n行政强制\t0\n行政事业性收费\t0\n");
        assert!(m.is_empty(), "{m:?}");
    }
}
