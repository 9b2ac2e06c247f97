//! L04: a report for 2021 or later cites the 2019 format notice 〔2019〕60号 (国办公开办函), which
//! governed only the 2019 and 2020 reports.
//!
//! Source: format.md (template table: 2019-2020 → 国办公开办函〔2019〕60号, 2021 onward →
//! 〔2021〕30号) and rules.md L04. Any bracket style is accepted (〔〕 [] () ［］ 【】), with or
//! without 国办公开办函 before it. A number of another body's document (苏政办发〔2019〕60号:
//! the characters before the bracket end in 发, 函, 字…, and are not 国办公开办函) is left
//! alone. Needs a known report year. Wrong titles of notices are not checked.

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::Context;

const OPEN: &[char] = &['〔', '[', '(', '【', '［', '（'];
const CLOSE: &[char] = &['〕', ']', ')', '】', '］', '）'];
/// Last characters of another body's document-number prefix (苏政办发, 某某函, 某字).
const DOC_PREFIX_END: &[char] = &['发', '函', '字', '令', '办', '规', '电', '通', '文'];

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(year) = &ctx.report.year else { return };
    if year.value < 2021 {
        return;
    }
    // Without whitespace: a PDF's line wrap may split the number (`国办公开办函〔20` / `19〕60号`).
    let text = &ctx.compact.text;
    for i in crate::chars::find_iter(text, "2019") {
        let before = text.get(..i).unwrap_or("");
        let Some(open) = before.trim_end_matches(' ').chars().next_back() else {
            continue;
        };
        if !OPEN.contains(&open) {
            continue;
        }
        let after = text.get(i + 4..).unwrap_or("").trim_start_matches(' ');
        let Some(rest) = after.strip_prefix(CLOSE) else {
            continue;
        };
        let rest = rest.trim_start_matches(' ');
        if !rest.starts_with("60号") {
            continue;
        }
        // Where the bracket is, and the characters before it.
        let open_at = before.trim_end_matches(' ').len() - open.len_utf8();
        let prefix = text.get(..open_at).unwrap_or("").trim_end();
        let ours = prefix.ends_with("公开办函");
        if !ours
            && prefix
                .chars()
                .next_back()
                .is_some_and(|c| DOC_PREFIX_END.contains(&c))
        {
            continue;
        }
        // Start at 国办公开办函 when it directly precedes the bracket.
        let start = if prefix.ends_with("国办公开办函") {
            prefix.len() - "国办公开办函".len()
        } else if ours {
            prefix.len() - "公开办函".len()
        } else {
            open_at
        };
        let end = text.len() - rest.len() + "60号".len();
        out.push(
            Diagnostic::new(
                Code::L04,
                ctx.compact.span(ctx.view, start, end),
                format!(
                    "这是{}年度的报告，却引用了国办公开办函〔2019〕60号。该通知只适用于2019、2020年度报告；2021年及以后的年报格式依据是国办公开办函〔2021〕30号，请改正。",
                    year.value
                ),
                format!(
                    "A report for {} cites “〔2019〕60号”; reports for 2021 onward follow “国办公开办函〔2021〕30号”.",
                    year.value
                ),
            )
            .with_related(
                year.span,
                format!("报告年度：{}年", year.value),
                format!("report year: {}", year.value),
            ),
        );
        return;
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::fixture::{codes, report, Spec};

    fn l04(title: &str, preamble: &str) -> (String, Vec<crate::Diagnostic>) {
        let t = report(&Spec {
            title: title.into(),
            preamble: preamble.into(),
            ..Spec::default()
        });
        let d = codes(&t, Code::L04);
        (t, d)
    }

    const T2023: &str = "测试街道办事处2023年政府信息公开工作年度报告";

    #[test]
    fn fires_on_the_2019_notice_in_any_brackets() {
        let (t, d) = l04(T2023, "本报告根据国办公开办函〔2019〕60号要求编制。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            &t[d[0].span.start..d[0].span.end],
            "国办公开办函〔2019〕60号"
        );
        for p in [
            "根据国办公开办函[2019]60号编制。",
            "根据国办公开办函（2019）60号编制。",
            "按照〔2019〕60号文件要求编制。",
            "根据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函［2019］60号）编制。",
        ] {
            assert_eq!(l04(T2023, p).1.len(), 1, "{p}");
        }
    }

    #[test]
    fn fires_on_the_notice_split_by_a_line_wrap() {
        for p in [
            "本报告根据国办公开办函〔20\n19〕60号要求编制。",
            "本报告根据国办公开办\n函〔2019〕60\n号要求编制。",
        ] {
            let (t, d) = l04(T2023, p);
            assert_eq!(d.len(), 1, "{p:?}: {d:?}");
            let flagged = &t[d[0].span.start..d[0].span.end];
            assert!(
                flagged.starts_with("国办公开办") && flagged.ends_with('号'),
                "{flagged:?}"
            );
        }
    }

    #[test]
    fn the_right_notice_an_old_report_or_another_document_do_not_fire() {
        for (title, p) in [
            (T2023, "根据国办公开办函〔2021〕30号编制。"),
            (
                "测试街道办事处2020年政府信息公开工作年度报告",
                "根据国办公开办函〔2019〕60号编制。",
            ),
            (T2023, "落实苏政办发〔2019〕60号文件精神。"),
            (
                T2023,
                "依据国办公开办函〔2021〕30号,落实苏政办发〔2019〕60号。",
            ),
            (T2023, "2019年60号楼完成改造。"),
        ] {
            assert!(l04(title, p).1.is_empty(), "{p}");
        }
    }
}
