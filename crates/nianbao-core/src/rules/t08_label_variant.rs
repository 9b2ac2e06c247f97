//! T08 (info): a row label with a typo in the template's fixed text (`2.其他法律行政止公开`,
//! `三类内容事务信息`), read as the template row it nearly is — by its numbering, its characters
//! and its place in the template's order (reader/labels.rs) — and said, so the clerk can
//! restore the official wording. An addition to rules.md, like T07.

use crate::diagnostic::Diagnostic;
use crate::model::ReadNote;
use crate::registry::Code;
use crate::rules::Context;
use crate::template;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let t = &ctx.report.tables;
    for table in [&t.active, &t.requests, &t.reviews].into_iter().flatten() {
        for note in &table.notes {
            let ReadNote::LabelVariant { row, written, span } = note else {
                continue;
            };
            let official = template::row_label(row).unwrap_or("");
            out.push(Diagnostic::new(
                Code::T08,
                *span,
                format!(
                    "{}的行名“{written}”与模板文字“{official}”不同，已按“{official}”这一行读取。请改为模板原文。",
                    table.kind.zh()
                ),
                format!(
                    "The row label \"{written}\" differs from the template's \"{official}\"; it was read as that row."
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn t08(text: &str) -> Vec<crate::Diagnostic> {
        crate::check(text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::T08)
            .collect()
    }

    const HEAD: &str = "三、收到和处理政府信息公开申请情况\n1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n";

    #[test]
    fn a_typo_is_read_as_its_row_and_said() {
        let text = format!("{HEAD}2.其他法律行政止公开\t1\t0\t0\t0\t0\t0\t1\n3.危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0\n");
        let c = crate::check(&text);
        let d = t08(&text);
        assert_eq!(d.len(), 1, "{:?}", c.diagnostics);
        assert!(d[0].message.contains("2.其他法律行政法规禁止公开"));
        let t = c.report.tables.requests.as_ref().unwrap();
        assert_eq!(
            t.cell("denied_prohibited", "total").and_then(|c| c.value),
            Some(1.0)
        );
        assert!(c.diagnostics.iter().all(|d| d.code != Code::T06));
    }

    #[test]
    fn silent_on_the_official_wording() {
        let text = format!("{HEAD}2.其他法律行政法规禁止公开\t1\t0\t0\t0\t0\t0\t1\n");
        assert!(t08(&text).is_empty());
    }
}
