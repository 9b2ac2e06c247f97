//! A04: table 四, each block (行政复议, 未经复议直接起诉, 复议后起诉): 总计 = 结果维持 + 结果纠正 +
//! 其他结果 + 尚未审结 (format.md §5, "review total").

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::{fmt_num, key_en, sum_expr, total_fix, with_values, Context};
use crate::template::REVIEW_COLUMNS;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(t) = with_values(&ctx.report.tables.reviews) else {
        return;
    };
    for block in &t.rows {
        let Some(total) = block.cells.get(4) else {
            continue;
        };
        let crate::arith::Outcome::Differs { sum, .. } = crate::arith::review_total(block) else {
            continue;
        };
        let parts: Vec<f64> = block.cells.iter().take(4).map(|c| c.number()).collect();
        let mut d = Diagnostic::new(
            Code::A04,
            total.span,
            format!(
                "表四“{}”：总计应为结果维持、结果纠正、其他结果、尚未审结之和（{}），但填的是{}。",
                block.def.label,
                sum_expr(&parts),
                fmt_num(total.number())
            ),
            format!(
                "Block total is {}; its parts add up to {}.",
                fmt_num(total.number()),
                fmt_num(sum)
            ),
        );
        for (c, col) in block.cells.iter().take(4).zip(REVIEW_COLUMNS) {
            d = d.with_related(c.span, col.label, key_en(col.key));
        }
        if let Some((span, right)) = total_fix(total, sum) {
            d = d.with_edit(span, right);
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn a04(row: &str) -> Vec<String> {
        let text = format!("四、政府信息公开行政复议、行政诉讼情况\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n{row}\n");
        crate::check(&text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::A04)
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn fires_on_a_wrong_block_total() {
        let m = a04("1\t0\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");
        assert_eq!(m.len(), 1);
        assert!(
            m[0].contains("1+0+0+0=1") && m[0].contains("行政复议"),
            "{m:?}"
        );
    }

    #[test]
    fn silent_when_blocks_add_up() {
        assert!(a04("1\t0\t0\t0\t1\t0\t0\t0\t2\t2\t0\t0\t0\t0\t0").is_empty());
    }
}
