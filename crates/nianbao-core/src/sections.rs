//! Finds the six top-level section headings. A heading is a numbering (`一、`, `6、`, `(六)`)
//! followed by a section title (official, an accepted variant, or close wording). Table rows
//! like `三、本年度办理结果` or `四、结转下年度继续办理` carry no section title, so they are not headings.

use crate::chars::chinese_digit;
use crate::model::Section;
use crate::template::{OBSOLETE_HEADINGS, SECTION_TITLES, SECTION_VARIANTS};
use crate::view::View;

/// A numbering prefix at the start of `s`: (number written, byte length, standard `一、` style).
fn numbering(s: &str) -> Option<(u8, usize, bool)> {
    let mut it = s.char_indices();
    let (_, c0) = it.next()?;
    if let Some(n) = chinese_digit(c0).filter(|&n| n <= 6) {
        let rest = s.get(c0.len_utf8()..)?;
        let trimmed = rest.trim_start_matches(' ');
        let skipped = rest.len() - trimmed.len();
        return match trimmed.chars().next() {
            Some('、') => Some((n, c0.len_utf8() + skipped + '、'.len_utf8(), true)),
            Some(p @ ('.' | ',' | ':' | '．')) => {
                Some((n, c0.len_utf8() + skipped + p.len_utf8(), false))
            }
            // `一 总体情况`: the 、 lost (a PDF's text, a retyped heading); a title must follow.
            Some(c) if skipped > 0 && crate::chars::is_han(c) => {
                Some((n, c0.len_utf8() + skipped, false))
            }
            _ => None,
        };
    }
    if c0 == '(' || c0 == '[' || c0 == '【' {
        let inner = s.get(c0.len_utf8()..)?.trim_start_matches(' ');
        let d = inner.chars().next()?;
        let n = chinese_digit(d)
            .or_else(|| d.to_digit(10).map(|x| x as u8))
            .filter(|&n| (1..=6).contains(&n))?;
        let after = inner.get(d.len_utf8()..)?.trim_start_matches(' ');
        let close = after
            .chars()
            .next()
            .filter(|c| matches!(c, ')' | ']' | '】'))?;
        let len = s.len() - after.len() + close.len_utf8();
        return Some((n, len, false));
    }
    if let Some(d) = c0.to_digit(10).filter(|d| (1..=6).contains(d)) {
        let rest = s.get(1..)?.trim_start_matches(' ');
        let p = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '、' | '.' | ',' | '．'))?;
        // "1.5" is a number, not a numbering.
        if rest
            .get(p.len_utf8()..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c.is_ascii_digit())
        {
            return None;
        }
        return Some((d as u8, s.len() - rest.len() + p.len_utf8(), false));
    }
    if let Some(r) = s.strip_prefix('第') {
        let d = r.chars().next()?;
        let n = chinese_digit(d).filter(|&n| n <= 6)?;
        let r2 = r.get(d.len_utf8()..)?.strip_prefix("部分")?;
        let r3 = r2.trim_start_matches(['、', ':', ' ', ',']);
        return Some((n, s.len() - r3.len(), false));
    }
    None
}

/// What may stand before a heading's numbering without being text: spaces, markdown marks,
/// bullets and symbols (`●`, `■`, `★`, an emoji), not a letter, digit or CJK punctuation.
fn is_decor(c: char) -> bool {
    matches!(c, ' ' | '\t' | '*' | '#' | '-' | '•')
        || (!c.is_ascii()
            && !c.is_alphanumeric()
            && !matches!(u32::from(c), 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2018..=0x201F))
}

/// Which section a title names: (number, official wording, byte length of the title matched).
fn title(rest: &str, allow_fuzzy: bool) -> Option<(u8, bool, usize)> {
    let compact = rest.trim_end();
    for (i, t) in SECTION_TITLES.iter().enumerate() {
        if compact.starts_with(t) {
            return Some((i as u8 + 1, true, t.len()));
        }
    }
    let mut best: Option<(u8, bool, usize)> = None;
    for &(n, v) in SECTION_VARIANTS.iter().chain(OBSOLETE_HEADINGS) {
        if compact.starts_with(v) && best.is_none_or(|b| v.len() > b.2) {
            best = Some((n, false, v.len()));
        }
    }
    if best.is_some() || !allow_fuzzy {
        return best;
    }
    // Close wording, only for a short heading line.
    let line = compact.split('\n').next().unwrap_or("");
    let count = line.chars().count();
    if count > 32 {
        return None;
    }
    let has = |p: &str| line.contains(p);
    let n = if has("总体情况") || has("概述") || line.starts_with("基本情况") {
        1
    } else if has("主动公开") && !has("申请") {
        2
    } else if (has("收到和处理") || has("依申请公开")) && has("情况") && !has("本年")
    {
        3
    } else if has("行政复议") && has("行政诉讼") {
        4
    } else if has("问题") && has("改进") {
        5
    } else if has("其他") && (has("事项") || has("报告")) && count <= 16 {
        6
    } else {
        return None;
    };
    Some((n, false, line.len()))
}

/// The sections in text order, each with its body as a view byte range.
pub fn find(view: &View) -> Vec<(Section, std::ops::Range<usize>)> {
    let text = &view.text;
    let mut found: Vec<(usize, usize, u8, usize, bool, bool)> = Vec::new(); // start, end, number, numbering len, standard, official
    for (line_start, line) in view.lines(0, text.len()) {
        let lead = line.len() - line.trim_start_matches(is_decor).len();
        let body = line.get(lead..).unwrap_or("");
        let mut scan_from = 0usize; // where inline headings may start (after a line-start heading)
        if let Some((written, nlen, standard)) = numbering(body) {
            let after = body.get(nlen..).unwrap_or("");
            let after_trim = after.trim_start_matches([' ', '*']);
            let bracketed = body.starts_with(['(', '[', '【']);
            // `(一)主动公开政府信息情况` under 一、总体情况 is item (一), not section 二: a
            // non-standard numbering must agree with the section its title names.
            let heading =
                title(after_trim, !bracketed).filter(|&(n, _, _)| standard || written == n);
            if let Some((n, official, tlen)) = heading {
                let start = line_start + lead;
                let title_start = start + nlen + (after.len() - after_trim.len());
                let mut end = title_start + tlen;
                // Keep trailing punctuation of a heading line in the heading.
                let tail = text.get(end..line_start + line.len()).unwrap_or("");
                let tail_trim = tail.trim_start_matches(['。', ':', ' ', '*', '\t']);
                end += tail.len() - tail_trim.len();
                found.push((start, end, n, nlen, standard, official));
                scan_from = end - line_start;
            }
        }
        // Headings inline in a long line (the whole report pasted as one line).
        for i in crate::chars::find_iter(line, "、").filter(|&i| i >= scan_from) {
            let Some(prev) = line.get(..i).and_then(|p| p.chars().next_back()) else {
                continue;
            };
            // `六、` (standard) or `6、` (non-standard numbering, S03).
            let standard = chinese_digit(prev).is_some();
            let Some(n0) = chinese_digit(prev)
                .or_else(|| prev.to_digit(10).map(|d| d as u8))
                .filter(|&n| (1..=6).contains(&n))
            else {
                continue;
            };
            // A digit is a numbering only when it stands alone ("…。 6、"), not inside "2016、".
            let before_digit = line
                .get(..i - prev.len_utf8())
                .and_then(|b| b.chars().next_back());
            if !standard && before_digit.is_some_and(|c| c.is_ascii_digit()) {
                continue;
            }
            let before = line.get(..i - prev.len_utf8()).unwrap_or("");
            if before.trim().is_empty() || i - prev.len_utf8() < scan_from {
                continue; // at the line start: handled above
            }
            if !before.ends_with(['。', ' ', ':', ';']) {
                continue;
            }
            let after = line
                .get(i + '、'.len_utf8()..)
                .unwrap_or("")
                .trim_start_matches(' ');
            let gap = line.len() - (i + '、'.len_utf8()) - after.len();
            // Only the next few characters can be a title: keeps one long line linear.
            let window = after
                .char_indices()
                .nth(40)
                .map_or(after, |(k, _)| after.get(..k).unwrap_or(after));
            if let Some((n, official, tlen)) = title(window, false) {
                if n != n0 {
                    continue;
                }
                let start = line_start + i - prev.len_utf8();
                found.push((
                    start,
                    line_start + i + '、'.len_utf8() + gap + tlen,
                    n,
                    prev.len_utf8() + '、'.len_utf8(),
                    standard,
                    official,
                ));
            }
        }
    }
    crate::order::sort_by_key(&mut found, |f| f.0);
    let mut sections = Vec::with_capacity(found.len());
    for (k, &(start, end, number, nlen, standard, official)) in found.iter().enumerate() {
        let body_end = found.get(k + 1).map(|f| f.0).unwrap_or(text.len());
        sections.push((
            Section {
                number,
                heading: view.slice(start, end).trim().to_string(),
                span: view.span(start, end),
                numbering_span: view.span(start, start + nlen),
                standard_numbering: standard,
                official_wording: official,
                obsolete_wording: OBSOLETE_HEADINGS
                    .iter()
                    .any(|(n, h)| *n == number && view.slice(start, end).contains(h)),
                body: view.span(end, body_end),
            },
            end..body_end,
        ));
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<u8> {
        find(&View::new(text)).iter().map(|s| s.0.number).collect()
    }

    #[test]
    fn table_rows_are_not_sections() {
        let t = "一、总体情况\n内容\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\n三、本年度办理结果\n四、结转下年度继续办理\t0\n四、政府信息公开行政复议、行政诉讼情况\n";
        assert_eq!(numbers(t), vec![1, 3, 4]);
    }

    #[test]
    fn bullets_and_symbols_before_a_heading_are_not_text() {
        for lead in ["●", "■ ", "★", "😀", "**", "• "] {
            let t = format!("{lead}一、总体情况\n内容。\n{lead}二、主动公开政府信息情况\n");
            let s = find(&View::new(&t));
            assert_eq!(
                s.iter().map(|s| s.0.number).collect::<Vec<_>>(),
                vec![1, 2],
                "{lead}"
            );
            assert!(s[0].0.standard_numbering, "{lead}");
        }
        // A Han character before the numeral is text: not a heading.
        assert!(numbers("见一、总体情况\n").is_empty());
    }

    #[test]
    fn a_numeral_and_a_space_before_a_title_is_a_heading() {
        let t = "一 总体情况\n内容。\n二  主动公开政府信息情况\n三 本年度办理结果\t0\n";
        let s: Vec<Section> = find(&View::new(t)).into_iter().map(|s| s.0).collect();
        assert_eq!(s.iter().map(|s| s.number).collect::<Vec<_>>(), vec![1, 2]);
        assert!(s
            .iter()
            .all(|s| !s.standard_numbering && s.official_wording));
    }

    #[test]
    fn nonstandard_numbering_and_variants() {
        let s: Vec<Section> = find(&View::new("6、 其他需要报告的事项\n(五)存在的主要问题及改进情况\n五、政府信息公开工作存在的主要问题及改进情况。\n")).into_iter().map(|s| s.0).collect();
        assert_eq!(s.len(), 3);
        assert!(!s[0].standard_numbering && s[0].official_wording && s[0].number == 6);
        assert!(!s[1].standard_numbering && s[1].number == 5);
        assert!(s[2].standard_numbering && !s[2].official_wording);
    }

    #[test]
    fn subheads_are_not_sections() {
        assert!(numbers("(一)主动公开情况\n(二)依申请公开情况\n二是加强建设\n").is_empty());
        // Items (一)(二) of 总体情况 whose words resemble sections 二 and 三.
        let t = "一、总体情况\n(一)主动公开政府信息情况\n公开信息20条。\n(二)依申请公开情况\n未收到申请。\n二、主动公开政府信息情况\n表\n三、收到和处理政府信息公开申请情况\n";
        assert_eq!(numbers(t), vec![1, 2, 3]);
        let t = "一、总体情况\n1.主动公开政府信息情况\n公开信息20条。\n";
        assert_eq!(numbers(t), vec![1]);
        // A section numbered in another style but rightly is still a section (S03).
        assert_eq!(
            numbers("一、总体情况\n内容\n(二)主动公开政府信息情况\n内容\n"),
            vec![1, 2]
        );
    }

    #[test]
    fn inline_headings_in_one_line() {
        assert_eq!(numbers("报告。一、总体情况 今年。二、主动公开政府信息情况 表。三、收到和处理政府信息公开申请情况"), vec![1, 2, 3]);
    }
}
