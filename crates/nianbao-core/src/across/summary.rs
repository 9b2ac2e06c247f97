//! What the across-report checks keep of one report: who issued it, for which year, with which
//! template, the few table values Y01, Y02 and R01 compare (with their spans), and the text
//! signature for Y03 and Y04. A few hundred bytes, however long the report: a batch holds
//! summaries, never texts.

use super::text::{Normalized, Signature};
use crate::check::Checked;
use crate::issuer::{IssuerKind, Level};
use crate::model::{CellKind, Report, Table, Template};
use crate::span::Span;

/// A table value and where it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Value {
    pub value: f64,
    pub span: Span,
}

/// 表三's rows that carry over from one year to the next, seven columns each.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Carry {
    pub received: [Option<Value>; 7],
    pub carried_in: [Option<Value>; 7],
    pub carried_out: [Option<Value>; 7],
}

/// One 表二 row of the 2021 template: 本年制发, 本年废止, 现行有效.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct InForce {
    pub issued: Option<Value>,
    pub repealed: Option<Value>,
    pub in_force: Option<Value>,
}

/// The 表二 rows with 现行有效件数 (2021 template).
pub const IN_FORCE_ROWS: [(&str, &str); 2] = [
    ("regulations", "规章"),
    ("normative_documents", "行政规范性文件"),
];

#[derive(Debug, Clone, PartialEq)]
pub struct ReportSummary {
    /// The issuer as read from the report.
    pub issuer: Option<String>,
    /// The issuer compared across reports: normalised, spaces and brackets dropped.
    pub issuer_key: Option<String>,
    pub kind: Option<IssuerKind>,
    pub level: Option<Level>,
    pub year: Option<i32>,
    pub template: Option<Template>,
    /// 表三, when its values were read.
    pub carry: Option<Carry>,
    /// 表二 in the 2021 template, when read: regulations, normative documents.
    pub in_force: Option<[InForce; 2]>,
    /// The text explains changes of 现行有效 (修订, 失效, 清理…), so Y02 would say nothing new.
    pub in_force_explained: bool,
    /// Where a finding about the whole report points: the issuer or the title.
    pub anchor: Span,
    /// Byte ranges not compared as text (tables and sections 二–四).
    pub excluded: Vec<Span>,
    pub signature: Signature,
}

/// Words by which a report explains that 现行有效 does not follow from last year's count.
const IN_FORCE_EXPLANATIONS: &[&str] = &[
    "修订",
    "修改",
    "失效",
    "清理",
    "有效期",
    "届满",
    "更正",
    "口径",
    "调整",
    "重新统计",
    "核减",
    "核增",
    "纳入",
];

impl ReportSummary {
    pub fn of(text: &str, checked: &Checked) -> ReportSummary {
        let r = &checked.report;
        let class = r.issuer_class();
        let excluded = excluded(r);
        let names = names(r);
        let normalized = Normalized::new(text, &excluded, &names);
        let anchor = r
            .issuer
            .as_ref()
            .map(|i| i.span)
            .or_else(|| r.year.as_ref().map(|y| y.span))
            .unwrap_or_else(|| Span::empty_at(0));
        ReportSummary {
            issuer: r.issuer.as_ref().map(|i| i.value.clone()),
            issuer_key: r.issuer.as_ref().map(|i| issuer_key(&i.value)),
            kind: class.map(|c| c.0),
            level: class.map(|c| c.1),
            year: r.year.as_ref().map(|y| y.value),
            template: r.template,
            carry: carry(r.tables.requests.as_ref()),
            in_force: in_force(r),
            in_force_explained: explains_in_force(&lines_outside(text, &tables(r))),
            anchor,
            excluded,
            signature: Signature::of(&normalized),
        }
    }

    /// The compared text of this report (rebuilt from the text when a pair needs it).
    pub fn normalized(&self, text: &str) -> Normalized {
        let names: Vec<String> = self.issuer.iter().flat_map(|n| name_forms(n)).collect();
        Normalized::new(text, &self.excluded, &names)
    }

    /// "某某局2023年报告" for messages: issuer and year as known.
    pub fn describe(&self) -> String {
        match (&self.issuer, self.year) {
            (Some(i), Some(y)) => format!("{i}{y}年度报告"),
            (Some(i), None) => format!("{i}的报告"),
            (None, Some(y)) => format!("{y}年度报告"),
            (None, None) => "另一份报告".to_string(),
        }
    }

    pub fn describe_en(&self) -> String {
        // The name is report text: quoted, as every Chinese in an English message.
        let who = self
            .issuer
            .as_deref()
            .map_or("another body".to_string(), |n| format!("“{n}”"));
        match self.year {
            Some(y) => format!("the {y} report of {who}"),
            None => format!("the report of {who}"),
        }
    }
}

/// An issuer name as compared: normalised characters, no spaces or brackets.
pub fn issuer_key(name: &str) -> String {
    name.chars()
        .filter_map(crate::chars::normalize)
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '（' | '）' | '*'))
        .collect()
}

/// The issuer's names that a renamed copy would change: the full name and its stem without
/// the kind ending (某某街道办事处 → 某某街道, 某某).
fn name_forms(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    for ending in [
        "人民政府办公室",
        "人民政府办公厅",
        "人民政府",
        "办事处",
        "街道",
        "政府",
    ] {
        if let Some(stem) = out.last().and_then(|n| n.strip_suffix(ending)) {
            if stem.chars().count() >= 2 {
                out.push(stem.to_string());
            }
        }
    }
    out
}

fn names(r: &Report) -> Vec<String> {
    r.issuer.iter().flat_map(|i| name_forms(&i.value)).collect()
}

fn tables(r: &Report) -> Vec<Span> {
    [&r.tables.active, &r.tables.requests, &r.tables.reviews]
        .iter()
        .filter_map(|t| t.as_ref().map(|t| t.span))
        .collect()
}

/// Tables, and the bodies of sections 二–四 (where the template's labels are).
fn excluded(r: &Report) -> Vec<Span> {
    let mut out = tables(r);
    for s in &r.sections {
        if (2..=4).contains(&s.number) {
            out.push(s.span.cover(s.body));
        }
    }
    out
}

fn value(t: &Table, row: &str, column: usize) -> Option<Value> {
    let cell = t.row(row)?.cells.get(column)?;
    if matches!(
        cell.kind,
        CellKind::Text | CellKind::Empty | CellKind::Missing
    ) {
        return None;
    }
    cell.value.map(|value| Value {
        value,
        span: cell.span,
    })
}

fn carry(t: Option<&Table>) -> Option<Carry> {
    let t = t.filter(|t| t.has_values())?;
    let row = |key: &str| std::array::from_fn(|c| value(t, key, c));
    Some(Carry {
        received: row("received"),
        carried_in: row("carried_in"),
        carried_out: row("carried_out"),
    })
}

fn in_force(r: &Report) -> Option<[InForce; 2]> {
    if r.template != Some(Template::T2021) {
        return None;
    }
    let t = r.tables.active.as_ref().filter(|t| t.has_values())?;
    Some(IN_FORCE_ROWS.map(|(key, _)| InForce {
        issued: value(t, key, 0),
        repealed: value(t, key, 1),
        in_force: value(t, key, 2),
    }))
}

/// The lines that do not start inside a table (where a note on 表二 would be).
fn lines_outside<'t>(text: &'t str, excluded: &[Span]) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        let start = at;
        at += line.len() + 1;
        if !excluded.iter().any(|s| s.start <= start && start < s.end) {
            out.push(line);
        }
    }
    out
}

/// A sentence that speaks of 现行有效 / 规章 / 规范性文件 and of revising, repealing or
/// recounting them.
/// (废止 is not among the words: the table's own heading says 本年废止件数.)
fn explains_in_force(lines: &[&str]) -> bool {
    lines.iter().any(|line| {
        line.split(['。', '；', ';']).any(|s| {
            let subject = ["现行有效", "规范性文件", "规章"]
                .iter()
                .any(|w| s.contains(w));
            subject && IN_FORCE_EXPLANATIONS.iter().any(|w| s.contains(w))
        })
    })
}
