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
    while i < bytes.len() {
        if bytes.get(i).is_some_and(u8::is_ascii_digit)
            && (i == 0 || !bytes.get(i - 1).is_some_and(u8::is_ascii_digit))
        {
            let mut j = i;
            while bytes.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            let rest = text.get(j..).unwrap_or("").trim_start_matches(' ');
            if j - i == 4 && rest.starts_with('年') {
                if let Some(y) = text.get(i..j).and_then(|d| d.parse::<i32>().ok()) {
                    out.push((y, i, j));
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
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
    let at = text
        .find("统计期限")
        .or_else(|| text.find("统计时限"))
        .or_else(|| text.find("统计期间"))?;
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

/// The year most often written at the start of a sentence or paragraph in the body.
pub fn body_year(text: &str) -> Option<(i32, usize, usize)> {
    let mut counts: Vec<(i32, usize, usize, usize)> = Vec::new(); // year, weight, first start, end
    for (y, s, e) in years(text) {
        if !(2000..=2100).contains(&y) {
            continue;
        }
        // A full date is a signature or deadline, not the report's subject.
        if date_at(text, s).is_some() {
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
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    counts.first().map(|&(y, _, s, e)| (y, s, e))
}

/// The signature date: the last full date, when it stands in the last lines of the text.
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
            last = Some((d, tail_start + s, tail_start + end));
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

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
