//! T01: the table of section 二, 三 or 四 is not found. Says which checks could not run, so
//! that a missing table is one finding, not a cascade.

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::{looks_like_report, section_or_start, Context};
use crate::template::TableKind;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if !looks_like_report(ctx) {
        return;
    }
    let t = &ctx.report.tables;
    for (kind, found) in [
        (TableKind::Active, t.active.is_some()),
        (TableKind::Requests, t.requests.is_some()),
        (TableKind::Reviews, t.reviews.is_some()),
    ] {
        // Not found because the text stops before it or starts after it: S07 says so.
        if found || ctx.report.extent.table_unseen(kind) {
            continue;
        }
        let (name, skipped) = match kind {
            TableKind::Active => ("主动公开政府信息情况", "V07"),
            TableKind::Requests => ("收到和处理政府信息公开申请情况", "A01、A02、A03、N01、L03"),
            TableKind::Reviews => ("政府信息公开行政复议、行政诉讼情况", "A04、N02"),
        };
        out.push(Diagnostic::new(
            Code::T01,
            section_or_start(ctx, kind.section()),
            format!(
                "没有找到{}（{name}）。请从模板复制完整的表格并填写数字。因此未做 {skipped} 检查。",
                kind.zh()
            ),
            format!(
                "Table {} not found; skipped {}.",
                kind.section(),
                skipped.replace('、', ", ")
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn t01(text: &str) -> Vec<String> {
        crate::check(text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::T01)
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn fires_per_missing_table_and_names_skipped_checks() {
        let m = t01("一、总体情况\n二、主动公开政府信息情况\n无。\n三、收到和处理政府信息公开申请情况\n无。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n");
        assert_eq!(m.len(), 3);
        assert!(m[1].contains("A01"));
        // A text that stops in section 三 never reached 表四, and may have been cut before 表三.
        let m = t01("一、总体情况\n二、主动公开政府信息情况\n无。\n三、收到和处理政府信息公开申请情况\n本年共收到申请");
        assert_eq!(m.len(), 1, "{m:?}");
    }

    #[test]
    fn silent_when_tables_are_there_or_text_is_not_a_report() {
        assert!(t01("你好").is_empty());
        let m = t01("二、主动公开政府信息情况\n规章\t0\t0\t0\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n四、政府信息公开行政复议、行政诉讼情况\n结果维持\t总计\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n");
        assert!(m.is_empty(), "{m:?}");
    }
}
