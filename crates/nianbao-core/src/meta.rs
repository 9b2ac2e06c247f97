//! Facts about the report outside the tables: which template its labels belong to, its title
//! line and its issuer. (Years and dates are in dates.rs.)

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
                for at in crate::chars::find_iter(&compact.text, m) {
                    let r = compact.view_range(at, at + m.len());
                    v.push((r.start, r.end));
                }
            }
            crate::order::sort(&mut v);
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

pub fn found<T>(view: &View, value: T, a: usize, b: usize) -> Found<T> {
    Found {
        value,
        span: view.span(a, b),
    }
}
