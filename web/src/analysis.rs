//! One checked text: what the core understood and found, in the two forms the page needs —
//! byte spans (for the highlight layer, which slices the Rust string) and UTF-16 offsets (for
//! `setSelectionRange`, the exports and the JSON contract).

use std::rc::Rc;

use nianbao_core::output::{self, DiagnosticOut, Offsets, Output, TableOut};
use nianbao_core::template::TableKind;
use nianbao_core::{Checked, Diagnostic, Options, ALL_CODES};

use crate::i18n::Lang;

pub struct Analysis {
    /// Increases with every check; two analyses are equal when they are the same check.
    pub revision: u32,
    pub text: Rc<String>,
    pub checked: Checked,
    pub output: Output,
    /// How long the core took, in milliseconds.
    pub millis: f64,
    /// Against the check before an edit: (findings gone, findings new). None after a load.
    pub changes: Option<(usize, usize)>,
}

impl PartialEq for Analysis {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

/// How well the text was recognised as an annual report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recognition {
    Empty,
    /// Neither a section heading nor a table was found.
    NotAReport,
    Report,
}

impl Analysis {
    pub fn new(revision: u32, text: Rc<String>) -> Analysis {
        let started = now();
        let checked = nianbao_core::check_with(&text, &Options::default());
        let output = output::build(&text, &checked, Offsets::Utf16);
        Analysis {
            revision,
            millis: now() - started,
            text,
            checked,
            output,
            changes: None,
        }
    }

    /// (gone, new) since `before`, findings told apart by code and flagged text (offsets move
    /// with every keystroke; these do not).
    pub fn changes_since(&self, before: &Analysis) -> (usize, usize) {
        let (old, new) = (fingerprints(before), fingerprints(self));
        let only = |a: &[(&str, &str)], b: &[(&str, &str)]| {
            let mut b = b.to_vec();
            a.iter()
                .filter(|x| match b.iter().position(|y| y == *x) {
                    Some(i) => {
                        b.swap_remove(i);
                        false
                    }
                    None => true,
                })
                .count()
        };
        (only(&old, &new), only(&new, &old))
    }

    pub fn recognition(&self) -> Recognition {
        let report = &self.output.report;
        let tables = &report.tables;
        if self.text.trim().is_empty() {
            Recognition::Empty
        } else if report.sections.is_empty()
            && tables.active.is_none()
            && tables.requests.is_none()
            && tables.reviews.is_none()
        {
            Recognition::NotAReport
        } else {
            Recognition::Report
        }
    }

    /// The diagnostics with their UTF-16 form, in text order.
    pub fn findings(&self) -> impl Iterator<Item = (usize, &Diagnostic, &DiagnosticOut)> {
        self.checked
            .diagnostics
            .iter()
            .zip(&self.output.diagnostics)
            .enumerate()
            .map(|(i, (d, o))| (i, d, o))
    }

    pub fn finding(&self, index: usize) -> Option<(&Diagnostic, &DiagnosticOut)> {
        self.checked
            .diagnostics
            .get(index)
            .zip(self.output.diagnostics.get(index))
    }

    /// The text with finding `index`'s fix applied, if it has one.
    pub fn fixed_text(&self, index: usize) -> Option<String> {
        let d = self.checked.diagnostics.get(index)?;
        if d.fix.is_empty() {
            return None;
        }
        let mut edits: Vec<_> = d.fix.iter().collect();
        edits.sort_by_key(|e| e.span.start);
        let mut out = String::with_capacity(self.text.len());
        let mut at = 0;
        for e in edits {
            out.push_str(self.text.get(at..e.span.start)?);
            out.push_str(&e.replacement);
            at = e.span.end;
        }
        out.push_str(self.text.get(at..)?);
        Some(out)
    }

    /// Whether to offer finding `index`'s fix. A corrected total (A02–A04) may contradict a
    /// figure the text states, which the sums cannot see: it is offered only when the text,
    /// checked with the fix, has no more warnings or errors of any code than now.
    pub fn fix_offered(&self, index: usize) -> bool {
        let Some(d) = self.checked.diagnostics.get(index) else {
            return false;
        };
        let Some(fixed) = self.fixed_text(index) else {
            return false;
        };
        if !matches!(d.code.as_str(), "A02" | "A03" | "A04") {
            return true; // certain by construction (tests/fixes.rs)
        }
        let serious = |ds: &[Diagnostic], code: &str| {
            ds.iter()
                .filter(|d| d.severity != nianbao_core::Severity::Info && d.code.as_str() == code)
                .count()
        };
        let after = nianbao_core::check_with(&fixed, &Options::default()).diagnostics;
        after.iter().all(|a| {
            serious(&after, a.code.as_str()) <= serious(&self.checked.diagnostics, a.code.as_str())
        })
    }

    /// Every finding's UTF-16 span, in text order (for [`crate::navigate`]).
    pub fn spans(&self) -> Vec<(usize, usize)> {
        self.output
            .diagnostics
            .iter()
            .map(|d| (d.start, d.end))
            .collect()
    }

    /// The flagged text of a diagnostic (what `setSelectionRange` selects).
    pub fn excerpt(&self, d: &Diagnostic) -> &str {
        self.text.get(d.span.start..d.span.end).unwrap_or("")
    }

    /// The tables of the report, by kind.
    pub fn table(&self, kind: TableKind) -> Option<&TableOut> {
        let tables = &self.output.report.tables;
        match kind {
            TableKind::Active => tables.active.as_ref(),
            TableKind::Requests => tables.requests.as_ref(),
            TableKind::Reviews => tables.reviews.as_ref(),
        }
    }

    /// Where a UTF-16 offset is, for people: 第三部分 · 表三 · 第57行.
    pub fn location(&self, lang: Lang, offset: usize, line: usize) -> String {
        let mut parts = Vec::new();
        let section = self
            .output
            .report
            .sections
            .iter()
            .filter(|s| s.start <= offset)
            .max_by_key(|s| s.start);
        if let Some(s) = section {
            parts.push(lang.section(s.number));
        }
        for kind in [TableKind::Active, TableKind::Requests, TableKind::Reviews] {
            let Some(table) = self.table(kind) else {
                continue;
            };
            let placed = table.cells.iter().filter(|c| c.end > c.start);
            let start = placed.clone().map(|c| c.start).min();
            let end = placed.map(|c| c.end).max();
            if let (Some(start), Some(end)) = (start, end) {
                if start <= offset && offset <= end {
                    parts.push(match lang {
                        Lang::Zh => kind.zh().to_string(),
                        Lang::En => format!("Table {}", kind.section()),
                    });
                }
            }
        }
        parts.push(lang.line(line));
        parts.join(" · ")
    }

    /// 模板 2021 版 · 2023 年度 · 慈音街道.
    pub fn understood(&self, lang: Lang) -> String {
        let r = &self.output.report;
        let template = match (r.template, lang) {
            (Some(t), Lang::Zh) => format!("模板 {t} 版"),
            (Some(t), Lang::En) => format!("{t} template"),
            (None, _) => lang
                .pick("模板未识别", "template not recognised")
                .to_string(),
        };
        let year = match (r.year, lang) {
            (Some(y), Lang::Zh) => format!("{y} 年度"),
            (Some(y), Lang::En) => format!("year {y}"),
            (None, _) => lang.pick("年度未识别", "year not found").to_string(),
        };
        let issuer = r
            .issuer
            .clone()
            .unwrap_or_else(|| lang.pick("发布机关未识别", "issuer not found").to_string());
        format!("{template} · {year} · {issuer}")
    }
}

fn fingerprints(a: &Analysis) -> Vec<(&'static str, &str)> {
    let mut v: Vec<(&'static str, &str)> = a
        .checked
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), a.excerpt(d)))
        .collect();
    v.sort_unstable();
    v
}

/// How many rules were run (none are disabled in the app).
pub fn rules_checked() -> usize {
    ALL_CODES.len()
}

#[cfg(target_arch = "wasm32")]
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Natively (the unit tests) there is no browser clock.
#[cfg(not(target_arch = "wasm32"))]
fn now() -> f64 {
    0.0
}
