//! S05: a section has a heading and nothing under it (format.md §1: what each section must
//! contain). "无。" is content: it states that there is nothing to report.

use crate::chars::is_han;
use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::Context;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for s in &ctx.report.sections {
        let body = ctx.slice(s.body);
        if body.chars().any(|c| is_han(c) || c.is_ascii_alphanumeric()) {
            continue;
        }
        // The text stops at this heading: its content was never in the text (S07).
        let stops_here = ctx.report.extent.stops.is_some()
            && ctx
                .report
                .sections
                .last()
                .is_some_and(|l| l.number == s.number);
        if stops_here {
            continue;
        }
        out.push(Diagnostic::new(
            Code::S05,
            s.span,
            format!(
                "“{}”下面没有内容。请补充该部分的情况；确实没有的，写明“无”。",
                s.heading
            ),
            format!("Section {} has no content.", s.number),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn s05(text: &str) -> usize {
        crate::check(text)
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::S05)
            .count()
    }

    #[test]
    fn fires_on_an_empty_section() {
        assert_eq!(
            s05("五、存在的主要问题及改进情况\n\n六、其他需要报告的事项\n无。\n"),
            1
        );
        // The last heading with nothing after it is where the text stops: S07, not S05.
        assert_eq!(
            s05("五、存在的主要问题及改进情况\n六、其他需要报告的事项\n  \n"),
            1
        );
    }

    #[test]
    fn silent_when_there_is_content() {
        assert_eq!(
            s05("五、存在的主要问题及改进情况\n问题一。\n六、其他需要报告的事项\n无。\n"),
            0
        );
    }
}
