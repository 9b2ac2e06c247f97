//! A03: table 三, every column: （七）总计 = the sum of the result rows （一）to（六）; each
//! application counts once (format.md §5, "results total"). Not checked when the text begins
//! inside the results (S07): the rows before its start were never in it.

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::{
    applicant_column, fmt_num, key_en, requests_fix_keeps_sums, total_fix, with_values, Context,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(t) = with_values(&ctx.report.tables.requests) else {
        return;
    };
    if t.cut_before.is_some_and(crate::arith::cut_hides_results) {
        return;
    }
    for c in 0..7 {
        let Some((outcome, total, parts)) = crate::arith::results_total(&t.rows, c) else {
            continue;
        };
        let crate::arith::Outcome::Differs { sum, .. } = outcome else {
            continue;
        };
        let parts: Vec<(&crate::template::RowDef, &crate::model::Cell)> =
            parts.iter().map(|(r, cell)| (r.def, *cell)).collect();
        let nonzero: Vec<String> = parts
            .iter()
            .filter(|(_, cell)| cell.number() != 0.0)
            .map(|(row, cell)| format!("{} {}", row.label, fmt_num(cell.number())))
            .collect();
        let listed = if nonzero.is_empty() {
            "各项均为0".to_string()
        } else {
            crate::fmt::join(&nonzero, "，")
        };
        let mut d = Diagnostic::new(
            Code::A03,
            total.span,
            format!(
                "（七）总计应等于（一）至（六）各项办理结果之和（{listed}，合计{}），但填的是{}——{}。",
                fmt_num(sum),
                fmt_num(total.number()),
                applicant_column(c)
            ),
            format!("Results total is {}; the result rows add up to {} — column {}.", fmt_num(total.number()), fmt_num(sum), c + 1),
        );
        for (row, cell) in parts.iter().filter(|(_, cell)| cell.number() != 0.0) {
            d = d.with_related(cell.span, row.label, key_en(row.key));
        }
        let fix = total_fix(total, sum)
            .filter(|_| requests_fix_keeps_sums(&t.rows, "results_total", c, sum));
        if let Some((span, right)) = fix {
            d = d.with_edit(span, right);
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn a03(text: &str) -> Vec<String> {
        crate::check(text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::A03)
            .map(|d| d.message)
            .collect()
    }

    fn table(granted: &str, total: &str) -> String {
        format!("三、收到和处理政府信息公开申请情况\n三、本年度办理结果\t(一)予以公开\t{granted}\n(二)部分公开\t1\t0\t0\t0\t0\t0\t1\n(七)总计\t{total}\n")
    }

    #[test]
    fn fires_when_results_do_not_add_up() {
        let m = a03(&table("2\t0\t0\t0\t0\t0\t2", "2\t0\t0\t0\t0\t0\t2"));
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(
            m[0].contains("合计3") && m[0].contains("填的是2") && m[0].contains("自然人列"),
            "{m:?}"
        );
    }

    #[test]
    fn silent_when_they_do() {
        assert!(a03(&table("2\t0\t0\t0\t0\t0\t2", "3\t0\t0\t0\t0\t0\t3")).is_empty());
    }
}
