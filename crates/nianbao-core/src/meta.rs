//! Facts about the report outside the tables: which template its labels belong to, its year,
//! its issuer, its signature date.

use crate::chars::is_han;
use crate::model::{Date, Found, Template};
use crate::template::{MARKERS_2019, MARKERS_2021};
use crate::view::View;

/// The view text without whitespace, with a map back to view offsets, so labels broken by
/// spaces or lines (`本年制发 件数`) are still found.
pub struct Compact {
    pub text: String,
    map: Vec<u32>,
}

impl Compact {
    pub fn new(view: &View) -> Compact {
        let mut text = String::with_capacity(view.text.len());
        let mut map = Vec::with_capacity(view.text.len());
        for (i, c) in view.text.char_indices() {
            if !c.is_whitespace() && c != '*' {
                text.push(c);
                map.extend(std::iter::repeat_n(i as u32, c.len_utf8()));
            }
        }
        Compact { text, map }
    }

    /// View range of the compact range `[a, b)`.
    pub fn view_range(&self, a: usize, b: usize) -> (usize, usize) {
        let start = self.map.get(a).map_or(0, |&v| v as usize);
        let last = self
            .map
            .get(b.saturating_sub(1))
            .map_or(start, |&v| v as usize);
        (start, last + char_len_at(&self.text, b))
    }
}

fn char_len_at(s: &str, end: usize) -> usize {
    s.get(..end)
        .and_then(|p| p.chars().next_back())
        .map_or(1, char::len_utf8)
}

/// Template markers found: view ranges of 2019-only and 2021-only labels.
pub struct TemplateEvidence {
    pub t2019: Vec<(usize, usize)>,
    pub t2021: Vec<(usize, usize)>,
}

impl TemplateEvidence {
    pub fn find(compact: &Compact) -> TemplateEvidence {
        let find_all = |markers: &[&str]| {
            let mut v = Vec::new();
            for m in markers {
                for (at, _) in compact.text.match_indices(m) {
                    v.push(compact.view_range(at, at + m.len()));
                }
            }
            v.sort();
            v
        };
        TemplateEvidence {
            t2019: find_all(MARKERS_2019),
            t2021: find_all(MARKERS_2021),
        }
    }

    pub fn template(&self) -> Option<Template> {
        match (self.t2019.is_empty(), self.t2021.is_empty()) {
            (true, false) => Some(Template::T2021),
            (false, true) => Some(Template::T2019),
            (false, false) => {
                // Mixed: the side with more labels is the table's template.
                Some(if self.t2021.len() >= self.t2019.len() {
                    Template::T2021
                } else {
                    Template::T2019
                })
            }
            (true, true) => None,
        }
    }

    pub fn mixed(&self) -> bool {
        !self.t2019.is_empty() && !self.t2021.is_empty()
    }
}

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

/// The title line (view range), within the first lines: the one that names the report.
pub fn title_line(text: &str) -> Option<(usize, usize)> {
    let mut start = 0usize;
    for (k, line) in text.split('\n').enumerate() {
        let s = start;
        start += line.len() + 1;
        if k > 12 {
            break;
        }
        let t = line.trim();
        if (t.contains("年度报告") || t.contains("年报") || t.contains("工作报告"))
            && t.chars().count() <= 60
            && !t.contains('。')
        {
            return Some((s, s + line.len()));
        }
    }
    None
}

fn trim_decor(s: &str) -> &str {
    s.trim()
        .trim_matches(|c: char| c == '*' || c == '#' || c == ' ' || c == '《' || c == '》')
}

const NAME_SUFFIXES: &[&str] = &["街道办事处", "人民政府", "街道", "办事处"];

/// The issuing body: from the title, else the first body name with an issuer suffix.
pub fn issuer(text: &str) -> Option<(String, usize, usize)> {
    if let Some((a, b)) = title_line(text) {
        let line = text.get(a..b).unwrap_or("");
        let cut = line
            .find(|c: char| c.is_ascii_digit())
            .or_else(|| line.find("政府信息公开"))
            .or_else(|| line.find("年度报告"));
        let name = trim_decor(line.get(..cut.unwrap_or(0)).unwrap_or(""));
        let name = name.trim_end_matches(['（', '(', ' ']);
        if name.chars().count() >= 2
            && name
                .chars()
                .all(|c| is_han(c) || c == '（' || c == '）' || c == '(' || c == ')')
        {
            let off = a + line.find(name).unwrap_or(0);
            return Some((name.to_string(), off, off + name.len()));
        }
        if name.is_empty() {
            // "淮安市人民政府" on the line before "2024 年政府信息公开工作年度报告".
            let before = text.get(..a).unwrap_or("").trim_end_matches('\n');
            let prev = before.rsplit('\n').next().unwrap_or("");
            let p = trim_decor(prev);
            if (2..=20).contains(&p.chars().count()) && p.chars().all(is_han) {
                let off = before.len() - prev.len() + prev.find(p).unwrap_or(0);
                return Some((p.to_string(), off, off + p.len()));
            }
        }
    }
    let head_end = text
        .char_indices()
        .nth(3000)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let head = text.get(..head_end).unwrap_or("");
    let mut best: Option<(String, usize, usize)> = None;
    for suffix in NAME_SUFFIXES {
        for (at, _) in head.match_indices(suffix) {
            let before = head.get(..at).unwrap_or("");
            let mut start = at;
            for (i, c) in before.char_indices().rev() {
                if !is_han(c) || c == '年' || at - i > 36 {
                    break;
                }
                start = i;
            }
            let name = head.get(start..at + suffix.len()).unwrap_or("");
            let stem = head.get(start..at).unwrap_or("");
            let generic = [
                "各", "本", "全", "我", "该", "所", "区", "市", "县", "乡镇", "镇", "和", "及",
            ];
            if stem.chars().count() < 2
                || generic
                    .iter()
                    .any(|g| stem.starts_with(g) && stem.chars().count() <= 2)
            {
                continue;
            }
            if best.as_ref().is_none_or(|b| start < b.1) {
                best = Some((name.to_string(), start, at + suffix.len()));
            }
        }
    }
    best
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

pub fn found<T>(view: &View, value: T, a: usize, b: usize) -> Found<T> {
    Found {
        value,
        span: view.span(a, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuer_and_year_from_titles() {
        let t = "沁园街道办事处2020年政府信息公开工作年度报告\n一、总体情况\n";
        assert_eq!(issuer(t).map(|i| i.0), Some("沁园街道办事处".to_string()));
        assert_eq!(report_year(t).map(|y| y.0), Some(2020));
        let t = "淮安市人民政府\n2024 年政府信息公开工作年度报告\n";
        assert_eq!(issuer(t).map(|i| i.0), Some("淮安市人民政府".to_string()));
        assert_eq!(report_year(t).map(|y| y.0), Some(2024));
    }

    #[test]
    fn issuer_and_year_from_the_body() {
        let t = "一、总体情况\n2023年,慈音街道不断加强。2023年慈音街道办收到。在2024年继续。\n";
        assert_eq!(issuer(t).map(|i| i.0), Some("慈音街道".to_string()));
        assert_eq!(report_year(t).map(|y| y.0), Some(2023));
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
