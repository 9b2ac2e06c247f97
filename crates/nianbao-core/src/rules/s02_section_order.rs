//! S02: sections out of order, or one appears twice (format.md §1: 一 to 六, once each).

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut seen: Vec<u8> = Vec::new();
    let mut max = 0u8;
    for s in &ctx.report.sections {
        if let Some(first) = ctx
            .report
            .sections
            .iter()
            .find(|f| f.number == s.number && seen.contains(&s.number))
        {
            out.push(
                Diagnostic::new(
                    Code::S02,
                    s.span,
                    format!(
                        "“{}”重复出现：第{}部分已经写过一次。请删除或合并重复的部分。",
                        s.heading, s.number
                    ),
                    format!("Section {} appears twice.", s.number),
                )
                .with_related(first.span, "第一次出现的位置", "first occurrence"),
            );
        } else if s.number < max {
            out.push(Diagnostic::new(
                Code::S02,
                s.span,
                format!(
                    "“{}”的位置不对：它出现在第{}部分之后。六个部分应按一至六的顺序排列。",
                    s.heading, max
                ),
                format!("Section {} comes after section {max}.", s.number),
            ));
        }
        seen.push(s.number);
        max = max.max(s.number);
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn s02(text: &str) -> usize {
        crate::check(text)
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::S02)
            .count()
    }

    #[test]
    fn fires_on_swap_and_duplicate() {
        assert_eq!(s02("一、总体情况\n二、主动公开政府信息情况\n五、存在的主要问题及改进情况\n四、政府信息公开行政复议、行政诉讼情况\n"), 1);
        assert_eq!(
            s02("一、总体情况\n二、主动公开政府信息情况\n二、主动公开政府信息情况\n"),
            1
        );
    }

    #[test]
    fn silent_in_order() {
        assert_eq!(
            s02("一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"),
            0
        );
    }
}
