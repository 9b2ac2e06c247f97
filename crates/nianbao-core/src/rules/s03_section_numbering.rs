//! S03: a section heading uses non-standard numbering (`6、`, `六.`, `(六)`); the template
//! numbers sections 一、 to 六、 (format.md §1).

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::Context;

const NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for s in ctx.report.sections.iter().filter(|s| !s.standard_numbering) {
        let numbering = ctx.slice(s.numbering_span).trim();
        let numeral = NUMERALS
            .get(usize::from(s.number).saturating_sub(1))
            .copied()
            .unwrap_or("");
        out.push(
            Diagnostic::new(
                Code::S03,
                s.numbering_span,
                format!(
                    "部分标题“{}”的编号“{numbering}”不规范，应写作“{numeral}、”。",
                    s.heading
                ),
                format!("Heading numbered \"{numbering}\"; the template uses \"{numeral}、\"."),
            )
            .with_edit(s.numbering_span, format!("{numeral}、")),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn s03(text: &str) -> Vec<(usize, usize)> {
        crate::check(text)
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::S03)
            .map(|d| (d.span.start, d.span.end))
            .collect()
    }

    #[test]
    fn fires_on_arabic_and_bracketed_numbering() {
        let t = "一、总体情况\n6、 其他需要报告的事项\n";
        let s = s03(t);
        assert_eq!(s.len(), 1);
        assert_eq!(&t[s[0].0..s[0].1], "6、");
        assert_eq!(s03("(六)其他需要报告的事项\n").len(), 1);
        assert_eq!(s03("六.其他需要报告的事项\n").len(), 1);
    }

    #[test]
    fn silent_on_standard_numbering() {
        assert!(s03("六、其他需要报告的事项\n").is_empty());
    }
}
