//! Facts about the report outside the tables: which template its labels belong to, its title
//! line and its issuer. (Years and dates are in dates.rs.)

use crate::chars::is_han;
use crate::mapped::MappedText;
use crate::model::{Found, Template};
use crate::template::{MARKERS_2019, MARKERS_2021};
use crate::view::View;

/// The view text without whitespace, with a map back to view offsets, so labels broken by
/// spaces or lines (`本年制发 件数`) are still found (built by `MappedText::compact`).
pub type Compact = MappedText;

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
                    let r = compact.view_range(at, at + m.len());
                    v.push((r.start, r.end));
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

pub fn found<T>(view: &View, value: T, a: usize, b: usize) -> Found<T> {
    Found {
        value,
        span: view.span(a, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::report_year;

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
}
