//! T06: a row inside a table that is not in the national template (format.md §2: "Some
//! provinces add local rows: recognise them as unknown rows, do not fail").

use crate::diagnostic::Diagnostic;
use crate::model::ReadNote;
use crate::registry::Code;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let t = &ctx.report.tables;
    for table in [&t.active, &t.requests, &t.reviews].into_iter().flatten() {
        for note in &table.notes {
            let ReadNote::UnknownRow { label, span } = note else {
                continue;
            };
            out.push(Diagnostic::new(
                Code::T06,
                *span,
                format!(
                    "{}中的“{label}”不是国家模板里的行（可能是地方增设的项目），未参与检查。",
                    table.kind.zh()
                ),
                format!("\"{label}\" is not a row of the national template."),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn t06(text: &str) -> usize {
        crate::check(text)
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::T06)
            .count()
    }

    #[test]
    fn fires_on_a_local_row() {
        assert_eq!(t06("二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n地方标准文件\t1\t0\t1\n"), 1);
    }

    #[test]
    fn silent_on_template_rows_and_headers() {
        assert_eq!(t06("二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"), 0);
    }
}
