//! A02: table 三, every data row: 总计 = the six applicant columns added (format.md §5, "row
//! total"). Points at the total cell; the six parts are related spans.

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::{
    fmt_num, key_en, requests_fix_keeps_sums, row_name, sum_expr, total_fix, with_values, Context,
};
use crate::template::APPLICANT_COLUMNS;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(t) = with_values(&ctx.report.tables.requests) else {
        return;
    };
    for row in &t.rows {
        let Some(total) = row.cells.get(6) else {
            continue;
        };
        let crate::arith::Outcome::Differs { sum, .. } = crate::arith::row_total(row) else {
            continue;
        };
        let parts: Vec<f64> = row.cells.iter().take(6).map(|c| c.number()).collect();
        let mut d = Diagnostic::new(
            Code::A02,
            total.span,
            format!(
                "表三“{}”这一行：总计应为各列之和（{}），但填的是{}。",
                row_name(row),
                sum_expr(&parts),
                fmt_num(total.number())
            ),
            format!(
                "Row total is {}, the six columns add up to {}.",
                fmt_num(total.number()),
                fmt_num(sum)
            ),
        );
        for (c, col) in row.cells.iter().take(6).zip(APPLICANT_COLUMNS) {
            d = d.with_related(c.span, col.label, key_en(col.key));
        }
        let fix =
            total_fix(total, sum).filter(|_| requests_fix_keeps_sums(&t.rows, row.def.key, 6, sum));
        if let Some((span, right)) = fix {
            d = d.with_edit(span, right);
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn a02(text: &str) -> Vec<String> {
        crate::check(text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::A02)
            .map(|d| d.message)
            .collect()
    }

    const HEAD: &str = "三、收到和处理政府信息公开申请情况\n";

    #[test]
    fn fires_on_a_wrong_total() {
        let m = a02(&format!(
            "{HEAD}一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t5\n"
        ));
        assert_eq!(m.len(), 1);
        assert!(
            m[0].contains("3+1+0+0+0+0=4") && m[0].contains("填的是5"),
            "{m:?}"
        );
    }

    #[test]
    fn silent_when_the_total_holds_or_is_blank() {
        assert!(a02(&format!(
            "{HEAD}一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t4\n"
        ))
        .is_empty());
        let blank_total =
            format!("{HEAD}一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 |  |\n");
        assert!(a02(&blank_total).is_empty());
        let d = crate::check(&blank_total).diagnostics;
        assert!(d.iter().any(|d| d.code == Code::V01), "{d:?}");
    }
}
