//! A01: table 三, each column: received + carried_in = results_total + carried_out. The table
//! prints this itself: "第一项加第二项之和，等于第三项加第四项之和" (format.md §5, "balance").

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::{applicant_column, fmt_num, with_values, Context};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(t) = with_values(&ctx.report.tables.requests) else {
        return;
    };
    let mut off = Vec::new();
    let mut total_holds = false;
    for c in 0..7 {
        match crate::arith::balance(&t.rows, c) {
            Some((crate::arith::Outcome::Differs { sum, total }, cells)) => {
                off.push((c, sum, total, cells))
            }
            Some((crate::arith::Outcome::Holds, _)) => total_holds |= c == 6,
            _ => {}
        }
    }
    // One request counted in the wrong column: two applicant columns off by the same amount in
    // opposite directions while 总计 balances. One cause, one finding, on the first column.
    let swapped = match off.as_slice() {
        [x, y] if total_holds && (x.1 - x.2 + y.1 - y.2).abs() < 1e-9 => Some(*y),
        _ => None,
    };
    for (c, left, right, [a, b, r, o]) in
        off.iter()
            .take(if swapped.is_some() { 1 } else { off.len() })
    {
        let col = applicant_column(*c);
        let (mut zh, mut en) = (String::new(), String::new());
        if let Some((c2, ..)) = &swapped {
            let n = fmt_num((left - right).abs());
            zh = format!("{}差数相同、方向相反，而总计列是平衡的：很可能有{n}件申请被计入了错误的列，请核对这两列。", applicant_column(*c2));
            en = format!(" Column {} is off by the same amount the other way while the total column balances: {n} request(s) were probably counted in the wrong column.", c2 + 1);
        }
        let d = Diagnostic::new(
            Code::A01,
            r.span,
            format!(
                "第一项加第二项之和（{}+{}={}）应等于第三项加第四项之和（{}+{}={}）——{col}。{}",
                fmt_num(a.number()),
                fmt_num(b.number()),
                fmt_num(*left),
                fmt_num(r.number()),
                fmt_num(o.number()),
                fmt_num(*right),
                if zh.is_empty() { "请核对本年新收、上年结转、办理结果总计和结转下年度这四个数。" } else { &zh }
            ),
            format!(
                "received + carried in ({}) must equal results total + carried out ({}) — column {}.{en}",
                fmt_num(*left),
                fmt_num(*right),
                c + 1
            ),
        )
        .with_related(a.span, "一、本年新收")
        .with_related(b.span, "二、上年结转")
        .with_related(o.span, "四、结转下年度继续办理");
        out.push(match &swapped {
            Some((c2, _, _, [_, _, r2, _])) => {
                d.with_related(r2.span, format!("{}的办理结果总计", applicant_column(*c2)))
            }
            None => d,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    pub(crate) fn table(received: &str, carried_out: &str) -> String {
        let zero = "\t0\t0\t0\t0\t0\t0\t0";
        format!(
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t{received}\n二、上年结转政府信息公开申请数量{zero}\n三、本年度办理结果\t(一)予以公开\t1\t0\t0\t0\t0\t0\t1\n(七)总计\t1\t0\t0\t0\t0\t0\t1\n四、结转下年度继续办理\t{carried_out}\n"
        )
    }

    fn a01(text: &str) -> Vec<String> {
        crate::check(text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::A01)
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn fires_per_unbalanced_column_with_the_numbers() {
        let m = a01(&table("1\t0\t0\t0\t0\t0\t1", "1\t0\t0\t0\t0\t0\t1"));
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(
            m[0].contains("（1+0=1）") && m[0].contains("（1+1=2）") && m[0].contains("自然人列"),
            "{m:?}"
        );
    }

    #[test]
    fn silent_when_balanced() {
        assert!(a01(&table("1\t0\t0\t0\t0\t0\t1", "0\t0\t0\t0\t0\t0\t0")).is_empty());
        assert!(a01(&table("2\t0\t0\t0\t0\t0\t2", "1\t0\t0\t0\t0\t0\t1")).is_empty());
    }
}
