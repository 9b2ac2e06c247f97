//! Years and dates as the report writes them: `YYYY年` mentions, full dates `YYYY年M月D日`, the
//! statistical period, the report year and the signature date. The date rules (M01–M04) and the
//! narrative read dates only through here.

use crate::meta::title_line;
use crate::model::Date;

/// `YYYY年` occurrences: (year, view start, view end of the digits).
pub fn years(text: &str) -> Vec<(i32, usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    // Jump from digit run to digit run: most of a report is not digits.
    while let Some(p) = bytes.get(i..).and_then(first_digit) {
        let start = i + p;
        let run = bytes.get(start..).map_or(0, |b| {
            b.iter()
                .position(|c| !c.is_ascii_digit())
                .unwrap_or(b.len())
        });
        let j = start + run;
        let rest = text.get(j..).unwrap_or("").trim_start_matches(' ');
        if run == 4 && rest.starts_with('年') {
            if let Some(y) = text.get(start..j).and_then(|d| d.parse::<i32>().ok()) {
                out.push((y, start, j));
            }
        }
        i = j;
    }
    out
}

/// The first ASCII digit in `b`. Eight bytes at a time: a word of Chinese text (no ASCII byte)
/// is passed over whole.
fn first_digit(b: &[u8]) -> Option<usize> {
    let mut i = 0usize;
    loop {
        let Some(chunk) = b.get(i..i + 8) else {
            return b
                .get(i..)?
                .iter()
                .position(u8::is_ascii_digit)
                .map(|k| i + k);
        };
        let word = <[u8; 8]>::try_from(chunk).map_or(0, u64::from_ne_bytes);
        if word & 0x8080_8080_8080_8080 != 0x8080_8080_8080_8080 {
            if let Some(k) = chunk.iter().position(u8::is_ascii_digit) {
                return Some(i + k);
            }
        }
        i += 8;
    }
}

/// A full date `YYYY年M月D日` at view offset `at` (spaces allowed): (date, end).
pub fn date_at(text: &str, at: usize) -> Option<(Date, usize)> {
    let s = text.get(at..)?;
    let mut it = s.char_indices().peekable();
    let mut nums = [0u32; 3];
    for (k, unit) in ['年', '月', '日'].into_iter().enumerate() {
        while it.peek().is_some_and(|(_, c)| *c == ' ') {
            it.next();
        }
        let mut n = 0u32;
        let mut digits = 0;
        while let Some(&(_, c)) = it.peek() {
            let Some(d) = c.to_digit(10) else { break };
            n = n.saturating_mul(10).saturating_add(d);
            digits += 1;
            it.next();
        }
        if digits == 0 || digits > 4 {
            return None;
        }
        while it.peek().is_some_and(|(_, c)| *c == ' ') {
            it.next();
        }
        let (_, u) = it.next()?;
        if u != unit {
            return None;
        }
        if let Some(slot) = nums.get_mut(k) {
            *slot = n;
        }
    }
    let end = it.peek().map(|(i, _)| at + i).unwrap_or(text.len());
    let [y, m, d] = nums;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((
        Date {
            year: y as i32,
            month: m,
            day: d,
        },
        end,
    ))
}

/// The statistical period's year, if stated ("统计期限自2024年1月1日至2024年12月31日").
pub fn period_year(text: &str) -> Option<(i32, usize, usize)> {
    let at = ["统计期限", "统计时限", "统计期间"]
        .iter()
        .find_map(|w| crate::chars::find(text, w))?;
    let window_end = text
        .get(at..)
        .and_then(|r| r.char_indices().nth(60))
        .map(|(i, _)| at + i)
        .unwrap_or(text.len());
    years(text.get(at..window_end).unwrap_or(""))
        .first()
        .map(|&(y, s, e)| (y, at + s, at + e))
}

/// The report year: title, else statistical period, else the year the body talks about most.
pub fn report_year(text: &str) -> Option<(i32, usize, usize)> {
    if let Some((a, b)) = title_line(text) {
        if let Some(&(y, s, e)) = years(text.get(a..b).unwrap_or("")).first() {
            return Some((y, a + s, a + e));
        }
    }
    if let Some(p) = period_year(text) {
        return Some(p);
    }
    body_year(text)
}

/// Years the text talks about, by weight: a year starting a sentence or paragraph weighs 2,
/// elsewhere 1; years of full dates (signatures, deadlines) do not count. (year, weight, first
/// start, end), heaviest first, then first written.
pub fn year_weights(text: &str) -> Vec<(i32, usize, usize, usize)> {
    let mut counts: Vec<(i32, usize, usize, usize)> = Vec::new();
    for (y, s, e) in years(text) {
        if !(2000..=2100).contains(&y) || date_at(text, s).is_some() {
            continue;
        }
        let prev = text
            .get(..s)
            .and_then(|p| p.trim_end_matches(' ').chars().next_back());
        let weight = if matches!(
            prev,
            None | Some('\n' | '。' | ',' | '，' | ':' | ';' | ')' | '\t')
        ) {
            2
        } else {
            1
        };
        match counts.iter_mut().find(|c| c.0 == y) {
            Some(c) => c.1 += weight,
            None => counts.push((y, weight, s, e)),
        }
    }
    crate::order::sort_by(&mut counts, |a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    counts
}

/// The year most often written at the start of a sentence or paragraph in the body.
pub fn body_year(text: &str) -> Option<(i32, usize, usize)> {
    year_weights(text).first().map(|&(y, _, s, e)| (y, s, e))
}

/// Words right before a date that put it inside a sentence (a period, a deadline), never a
/// signature.
const IN_SENTENCE: &[&str] = &[
    "至", "到", "自", "起", "截至", "截止", "于", "为", "是", "从", "止", "-", "~", "—",
];

/// The signature date: a full date (`2022年1月14日`, `二〇二二年一月十四日`) that closes the text —
/// the last thing on its line, in the last lines, with at most a short line after it — on its
/// own line, after the issuer's name (`某某街道办事处 2022年1月14日`), or right after the last
/// sentence of a one-line paste. A date inside a sentence (`统计期限为…至12月31日`, `截至…`) is
/// never the signature, however near the end it stands.
pub fn signature_date(text: &str) -> Option<(Date, usize, usize)> {
    let trimmed = text.trim_end();
    let mut tail_start = trimmed.len();
    for _ in 0..4 {
        let before = trimmed
            .get(..tail_start)
            .unwrap_or("")
            .trim_end_matches(['\n', ' ', '\t']);
        tail_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
        if tail_start == 0 {
            break;
        }
    }
    let tail = trimmed.get(tail_start..).unwrap_or("");
    let mut last = None;
    for (_, s, _) in years(tail) {
        if let Some((d, end)) = date_at(tail, s) {
            last = Some((d, s, end));
        }
    }
    if let Some(c) = chinese_dates(tail).into_iter().next_back() {
        if last.is_none_or(|l: (Date, usize, usize)| c.1 > l.1) {
            last = Some(c);
        }
    }
    let (d, s, e) = last?;
    // After it: the end of its line, then at most one short line (`（此件公开发布）`).
    let after = tail.get(e..).unwrap_or("");
    let (same_line, rest) = after.split_once('\n').unwrap_or((after, ""));
    if !same_line
        .trim()
        .chars()
        .all(|c| matches!(c, ')' | '）' | '。' | '.' | ' '))
    {
        return None;
    }
    let rest_lines: Vec<&str> = rest.lines().filter(|l| !l.trim().is_empty()).collect();
    if rest_lines.len() > 1 || rest_lines.iter().any(|l| l.trim().chars().count() > 20) {
        return None;
    }
    // Before it on its line: nothing, a name, or the last sentence and a name.
    let line_start = tail
        .get(..s)
        .and_then(|b| b.rfind('\n'))
        .map_or(0, |i| i + 1);
    let before = tail.get(line_start..s).unwrap_or("");
    let name = before
        .rsplit(['。', ';', '!', '?', '；'])
        .next()
        .unwrap_or("")
        .trim();
    if IN_SENTENCE.iter().any(|w| name.ends_with(w))
        || name.chars().count() > 30
        || name.contains([',', '，', ':', '：', '、'])
    {
        return None;
    }
    Some((d, tail_start + s, tail_start + e))
}

/// A digit of a date written in Chinese numerals.
fn cn_digit(c: char) -> Option<u32> {
    match c {
        '〇' | '○' | '零' | 'O' | '0' => Some(0),
        _ => crate::chars::chinese_digit(c)
            .filter(|&d| d <= 9)
            .map(u32::from),
    }
}

/// `十四` → 14, `十` → 10, `二十` → 20, `三十一` → 31, `一` → 1.
fn cn_number(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [a] if *a != '十' => cn_digit(*a),
        ['十'] => Some(10),
        ['十', b] => Some(10 + cn_digit(*b)?),
        [a, '十'] => Some(cn_digit(*a)? * 10),
        [a, '十', b] => Some(cn_digit(*a)? * 10 + cn_digit(*b)?),
        _ => None,
    }
}

/// Dates written in Chinese numerals (`二〇二二年一月十四日`): (date, start, end), in order.
pub fn chinese_dates(text: &str) -> Vec<(Date, usize, usize)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('年') {
        let head = text.get(..at).unwrap_or("");
        let digits: Vec<(usize, char)> = head.char_indices().rev().take(4).collect();
        if digits.len() < 4
            || !digits
                .iter()
                .all(|&(_, c)| cn_digit(c).is_some() && c != '0' && c != 'O')
        {
            continue;
        }
        let start = digits.last().map_or(at, |&(i, _)| i);
        let year = digits
            .iter()
            .rev()
            .fold(0u32, |y, &(_, c)| y * 10 + cn_digit(c).unwrap_or(0));
        let rest = text.get(at + '年'.len_utf8()..).unwrap_or("");
        let Some((m, r)) = rest.split_once('月') else {
            continue;
        };
        let Some((d, _)) = r.split_once('日') else {
            continue;
        };
        let (Some(month), Some(day)) = (cn_number(m), cn_number(d)) else {
            continue;
        };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1990..=2100).contains(&year)
        {
            continue;
        }
        let end = at + '年'.len_utf8() + m.len() + '月'.len_utf8() + d.len() + '日'.len_utf8();
        out.push((
            Date {
                year: year as i32,
                month,
                day,
            },
            start,
            end,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(t: &str) -> Option<(i32, u32, u32)> {
        signature_date(t).map(|(d, _, _)| (d.year, d.month, d.day))
    }

    #[test]
    fn first_digit_finds_the_first_ascii_digit() {
        for t in [
            "",
            "7",
            "本年度",
            "本年度共1件",
            "一、总体情况本年度本机关共收到2023年",
            "abc",
            "全年公开信息5条。",
        ] {
            let want = t.bytes().position(|b| b.is_ascii_digit());
            assert_eq!(first_digit(t.as_bytes()), want, "{t}");
        }
    }

    #[test]
    fn signatures_close_the_text() {
        assert_eq!(
            sig("六、其他\n无。\n某某镇人民政府\n2023年1月10日\n"),
            Some((2023, 1, 10))
        );
        assert_eq!(
            sig("六、其他 无。 某某镇人民政府 2023年1月10日"),
            Some((2023, 1, 10))
        );
        assert_eq!(
            sig("六、其他\n无。\n某某局\n二〇二三年一月十日\n（此件公开发布）\n"),
            Some((2023, 1, 10))
        );
        assert_eq!(sig("某某区审计局  2023年2月1日"), Some((2023, 2, 1)));
    }

    #[test]
    fn dates_inside_sentences_are_no_signature() {
        for t in [
            "报告中所列数据统计期限为2022年1月1日到12月31日。一、总体情况 2022年,我镇加强领导。",
            "统计期限自2022年1月1日至2022年12月31日",
            "本报告数据截至2022年12月31日",
            "2023年3月1日起施行《办法》,全年公开信息30条。",
            "六、其他\n计划于2023年6月30日前完成整改,并继续加强培训,不断提升公开质量,确保取得实效。",
        ] {
            assert_eq!(sig(t), None, "{t}");
        }
    }

    #[test]
    fn chinese_numeral_dates() {
        let d: Vec<_> = chinese_dates("二〇二二年一月十四日 二○二三年十二月三十一日 一二三年")
            .into_iter()
            .map(|(d, _, _)| (d.year, d.month, d.day))
            .collect();
        assert_eq!(d, vec![(2022, 1, 14), (2023, 12, 31)]);
    }

    #[test]
    fn signature_dates() {
        let t = "六、其他\n无。\n八卦洲街道办事处\n2022年1月14日\n";
        let d = signature_date(t).map(|d| d.0);
        assert_eq!(
            d,
            Some(Date {
                year: 2022,
                month: 1,
                day: 14
            })
        );
    }
}
