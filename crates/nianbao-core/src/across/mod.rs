//! Checks across reports (Y01–Y04, R01): a batch of reports, or this year's and last year's.
//!
//! Two stages keep a batch cheap. Each report is first reduced to a [`ReportSummary`] (issuer,
//! year, template, the table values compared, a MinHash signature of its text): callers keep
//! summaries, not texts. [`plan`] then runs the rules that need only summaries (Y01, Y02, R01)
//! and picks the pairs whose texts may be nearly the same (same issuer in consecutive years for
//! Y03; bucket-mates of the signature's bands for Y04) — no all-pairs comparison. Only those
//! pairs are read again and compared character by character ([`TextPair::judge`]).
//!
//! One module per rule, like `rules/`. The CLI and the web batch page share all of it.

pub mod exports;
pub mod passages;
pub mod summary;
pub mod tables;
pub mod text;

mod r01_aggregate;
mod y01_carried_in;
mod y02_in_force;
mod y03_last_year_text;
mod y04_other_text;

use std::collections::{HashMap, HashSet};

pub use summary::ReportSummary;

use crate::check::{Checked, Options};
use crate::diagnostic::Diagnostic;
use crate::registry::{Code, Severity};
use crate::span::Span;

/// Texts at least this similar (0–1, after numbers and dates are removed) are "nearly the same".
pub const SIMILAR: f64 = 0.9;
/// Pairs whose signatures estimate less than this are not compared character by character.
const PREFILTER: f64 = 0.45;

/// A place in one report of the batch (by its index).
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub file: usize,
    pub span: Span,
    pub message: String,
    pub message_en: String,
}

/// A finding about several reports: it belongs to `file` and may point into others.
#[derive(Debug, Clone, PartialEq)]
pub struct AcrossFinding {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub message_en: String,
    pub file: usize,
    pub span: Span,
    pub related: Vec<Place>,
}

impl AcrossFinding {
    fn new(code: Code, file: usize, span: Span, zh: String, en: String) -> Self {
        AcrossFinding {
            code,
            severity: code.info().severity,
            message: zh,
            message_en: en,
            file,
            span,
            related: Vec::new(),
        }
    }

    fn with(mut self, file: usize, span: Span, zh: impl Into<String>, en: String) -> Self {
        self.related.push(Place {
            file,
            span,
            message: zh.into(),
            message_en: en,
        });
        self
    }

    /// The files the finding touches, its own first.
    pub fn files(&self) -> Vec<usize> {
        let mut out = vec![self.file];
        for r in &self.related {
            if !out.contains(&r.file) {
                out.push(r.file);
            }
        }
        out
    }

    /// The finding as a diagnostic of one file, for a view of that file alone: at its own span
    /// in its own file; in another file it touches, at the first place there. Places in other
    /// files are left out (the message names the other report).
    pub fn diagnostic_for(&self, file: usize) -> Option<Diagnostic> {
        let mut places = self.related.iter().filter(|p| p.file == file);
        let span = if self.file == file {
            self.span
        } else {
            places.next()?.span
        };
        let mut d = Diagnostic::new(
            self.code,
            span,
            self.message.clone(),
            self.message_en.clone(),
        )
        .with_severity(self.severity);
        for p in places {
            d = d.with_related(p.span, p.message.clone(), p.message_en.clone());
        }
        Some(d)
    }
}

/// Two reports whose texts are compared: for Y03 `first` is last year's and `second` this
/// year's; for Y04 `first` comes before `second` in the batch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextPair {
    pub code: Code,
    pub first: usize,
    pub second: usize,
    /// The signatures' estimate of their similarity.
    pub estimate: f64,
}

impl TextPair {
    /// Compares the two texts; a finding if they are nearly the same.
    pub fn judge(
        &self,
        summaries: &[ReportSummary],
        first_text: &str,
        second_text: &str,
    ) -> Option<AcrossFinding> {
        let (a, b) = (summaries.get(self.first)?, summaries.get(self.second)?);
        let (na, nb) = (a.normalized(first_text), b.normalized(second_text));
        // The later report is the one the finding is about: compare it against the earlier.
        let cmp = passages::compare(&nb, &na, 3);
        if cmp.similarity < SIMILAR {
            return None;
        }
        let similar = Similar {
            earlier: (self.first, a, &na),
            later: (self.second, b, &nb),
            cmp: &cmp,
        };
        match self.code {
            Code::Y03 => y03_last_year_text::finding(&similar),
            _ => y04_other_text::finding(&similar),
        }
    }
}

/// Two texts found nearly the same, for the messages of Y03 and Y04.
pub(crate) struct Similar<'a> {
    pub earlier: (usize, &'a ReportSummary, &'a text::Normalized),
    pub later: (usize, &'a ReportSummary, &'a text::Normalized),
    /// `a` is the later text, `b` the earlier.
    pub cmp: &'a passages::Comparison,
}

impl Similar<'_> {
    /// Percent, rounded down (90 % means at least 90 %).
    pub fn percent(&self) -> u32 {
        (self.cmp.similarity * 100.0).floor() as u32
    }

    /// The finding with the passages: the longest as its span, the others and the earlier
    /// report's copy of the longest as related places.
    pub fn finding(&self, code: Code, zh: String, en: String) -> Option<AcrossFinding> {
        let (ei, _, en_text) = self.earlier;
        let (li, _, ln_text) = self.later;
        let mut spans = self
            .cmp
            .passages
            .iter()
            .map(|p| (p, passages::spans(p, ln_text, en_text)));
        let (longest, (own, theirs)) = spans.next()?;
        let mut f = AcrossFinding::new(code, li, own, zh, en).with(
            ei,
            theirs,
            format!("相同的段落（{}字）", longest.chars()),
            format!("same passage ({} characters)", longest.chars()),
        );
        for (p, (own, _)) in spans {
            f = f.with(
                li,
                own,
                format!("相同的段落（{}字）", p.chars()),
                format!("same passage ({} characters)", p.chars()),
            );
        }
        Some(f)
    }
}

/// The findings that need only summaries, and the pairs of texts to compare.
#[derive(Debug, Default)]
pub struct Plan {
    pub findings: Vec<AcrossFinding>,
    pub text_pairs: Vec<TextPair>,
}

/// How reports are paired as last year's and this year's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pairing {
    /// By issuer and consecutive years, within the batch.
    ByIssuer,
    /// Report 0 is last year's and report 1 this year's (`nianbao compare LAST THIS`).
    LastThis,
}

/// Runs the summary-only rules and picks the text pairs.
pub fn plan(summaries: &[ReportSummary], pairing: Pairing, options: &Options) -> Plan {
    let on = |c: Code| !options.disabled.contains(&c);
    let mut plan = Plan::default();
    let years = match pairing {
        Pairing::ByIssuer => year_pairs(summaries),
        Pairing::LastThis if summaries.len() == 2 => vec![(0, 1)],
        Pairing::LastThis => Vec::new(),
    };
    for &(last, this) in &years {
        let (Some(l), Some(t)) = (summaries.get(last), summaries.get(this)) else {
            continue;
        };
        if on(Code::Y01) {
            plan.findings
                .extend(y01_carried_in::check((last, l), (this, t)));
        }
        if on(Code::Y02) {
            plan.findings
                .extend(y02_in_force::check((last, l), (this, t)));
        }
        if on(Code::Y03) && l.signature.comparable() && t.signature.comparable() {
            let estimate = l.signature.estimate(&t.signature);
            if estimate >= PREFILTER {
                plan.text_pairs.push(TextPair {
                    code: Code::Y03,
                    first: last,
                    second: this,
                    estimate,
                });
            }
        }
    }
    if on(Code::R01) && pairing == Pairing::ByIssuer {
        plan.findings.extend(r01_aggregate::check(summaries));
    }
    if on(Code::Y04) {
        plan.text_pairs.extend(similar_candidates(summaries));
    }
    plan
}

/// Same issuer, consecutive years: (last year's index, this year's index). With duplicates
/// of one issuer and year, the first in the batch stands for them.
fn year_pairs(summaries: &[ReportSummary]) -> Vec<(usize, usize)> {
    let mut by: HashMap<(&str, i32), usize> = HashMap::new();
    for (i, s) in summaries.iter().enumerate() {
        if let (Some(k), Some(y)) = (&s.issuer_key, s.year) {
            by.entry((k.as_str(), y)).or_insert(i);
        }
    }
    let mut out: Vec<(usize, usize)> = by
        .iter()
        .filter_map(|(&(k, y), &this)| by.get(&(k, y - 1)).map(|&last| (last, this)))
        .collect();
    out.sort_unstable();
    out
}

/// Whether Y04 applies to two reports: different bodies (a body's own reports of other years
/// are Y03's; the same body's report twice is a duplicate, not a copy).
fn different_bodies(a: &ReportSummary, b: &ReportSummary) -> bool {
    match (&a.issuer_key, &b.issuer_key) {
        (Some(x), Some(y)) => x != y,
        // Unknown issuers: only reports of the same year can be copies of each other.
        _ => a.year.is_some() && a.year == b.year,
    }
}

/// For each report, its most similar earlier report of another body, found through the
/// signature bands (locality-sensitive hashing): the pairs worth comparing for Y04.
fn similar_candidates(summaries: &[ReportSummary]) -> Vec<TextPair> {
    /// Members of one bucket looked at per report: a bucket of a hundred copies needs one.
    const SCAN: usize = 64;
    let mut buckets: HashMap<u64, Vec<u32>> = HashMap::new();
    let mut out = Vec::new();
    for (j, s) in summaries.iter().enumerate() {
        if !s.signature.comparable() {
            continue;
        }
        let keys: Vec<u64> = s.signature.bands().collect();
        let mut best: Option<(f64, usize)> = None;
        let mut seen: HashSet<u32> = HashSet::new();
        for k in &keys {
            let Some(members) = buckets.get(k) else {
                continue;
            };
            for &i in members.iter().rev().take(SCAN) {
                if !seen.insert(i) {
                    continue;
                }
                let Some(other) = summaries.get(i as usize) else {
                    continue;
                };
                if !different_bodies(other, s) {
                    continue;
                }
                let e = other.signature.estimate(&s.signature);
                if e >= PREFILTER && best.is_none_or(|(b, _)| e > b) {
                    best = Some((e, i as usize));
                }
            }
        }
        if let Some((estimate, i)) = best {
            out.push(TextPair {
                code: Code::Y04,
                first: i,
                second: j,
                estimate,
            });
        }
        for k in keys {
            buckets.entry(k).or_default().push(j as u32);
        }
    }
    out
}

/// Everything across a batch held in memory (the web page, `nianbao compare`, tests): the
/// reports' texts and results, in batch order. Findings sorted by file, then position.
pub fn check_batch(
    reports: &[(&str, &Checked)],
    pairing: Pairing,
    options: &Options,
) -> Vec<AcrossFinding> {
    let summaries: Vec<ReportSummary> = reports
        .iter()
        .map(|(text, checked)| ReportSummary::of(text, checked))
        .collect();
    let plan = plan(&summaries, pairing, options);
    let mut out = plan.findings;
    for pair in &plan.text_pairs {
        if let (Some(a), Some(b)) = (reports.get(pair.first), reports.get(pair.second)) {
            out.extend(pair.judge(&summaries, a.0, b.0));
        }
    }
    sort(&mut out);
    out
}

/// Orders findings by file, position and code.
pub fn sort(findings: &mut [AcrossFinding]) {
    findings.sort_by_key(|f| (f.file, f.span.start, f.code));
}

#[cfg(test)]
mod tests;
