//! S04: a section heading's wording is an accepted variant, not the official one
//! (format.md §1, "accepted variants"): recognised, suggested for change.

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::Context;
use crate::template::SECTION_TITLES;

const NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    // Pre-2019 outline headings are S06 (the structure), not a wording variant.
    for s in ctx
        .report
        .sections
        .iter()
        .filter(|s| !s.official_wording && !s.obsolete_wording)
    {
        let i = usize::from(s.number).saturating_sub(1);
        let official = format!(
            "{}、{}",
            NUMERALS.get(i).copied().unwrap_or(""),
            SECTION_TITLES.get(i).copied().unwrap_or("")
        );
        out.push(Diagnostic::new(
            Code::S04,
            s.span,
            format!(
                "标题“{}”与国家模板的措辞不同，模板为“{official}”。",
                s.heading
            ),
            format!("Heading differs from the official \"{official}\"."),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;

    fn s04(text: &str) -> usize {
        crate::check(text)
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::S04)
            .count()
    }

    #[test]
    fn fires_on_a_variant() {
        assert_eq!(s04("五、政府信息公开工作存在的主要问题及改进情况。\n"), 1);
        assert_eq!(s04("六、其他事项\n"), 1);
    }

    #[test]
    fn silent_on_official_wording() {
        assert_eq!(
            s04("五、存在的主要问题及改进情况\n六、其他需要报告的事项。\n"),
            0
        );
    }
}
