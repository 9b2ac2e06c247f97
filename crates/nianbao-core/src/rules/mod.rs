//! The rules, one file per code (like ruff): each says what it checks, why, and where in
//! format.md the rule comes from. `RULES` is the list the checker runs.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::meta::{Compact, TemplateEvidence};
use crate::model::{Report, Row, Section, Table};
use crate::narrative::{Claim, Narrative, Prose};
use crate::registry::Code;
use crate::span::Span;
use crate::view::View;

pub use crate::arith::is_result_row;
pub use crate::fmt::fmt_num;

mod a01_balance;
mod a02_row_total;
mod a03_results_total;
mod a04_review_total;
mod c01_other_issuer;
#[cfg(test)]
pub(crate) mod fixture;
mod l01_processing_fee;
mod l02_assessment;
mod l03_unpaid_fee;
mod l04_notice;
mod m01_year_unknown;
mod m02_years_disagree;
mod m03_deadline;
mod m04_malformed_date;
mod n01_requests_stated;
mod n02_reviews_stated;
mod n03_other_figures;
mod n04_self_contradiction;
mod s01_missing_section;
mod s02_section_order;
mod s03_section_numbering;
mod s04_heading_wording;
mod s05_empty_section;
mod s06_preamble_structure;
mod s07_incomplete_text;
mod t01_table_not_found;
mod t02_template_year;
mod t03_mixed_template;
mod t04_missing_row;
mod t05_cell_count;
mod t06_unknown_row;
mod t07_recovered_cells;
mod t08_label_variant;
pub mod table_figures;
mod v01_empty_cell;
mod v02_placeholder;
mod v03_not_a_number;
mod v04_negative;
mod v05_fraction;
mod v06_unit_or_vague;
mod v07_implausible_for_issuer;
mod x01_conversion_leftovers;

/// Everything a rule may look at.
pub struct Context<'a> {
    /// The original text.
    pub text: &'a str,
    /// The normalised reading view (spans map back with `view.span`).
    pub view: &'a View,
    pub report: &'a Report,
    pub compact: &'a Compact,
    pub evidence: &'a TemplateEvidence,
    /// Section number → its body as a view byte range.
    pub section_ranges: Vec<(u8, Range<usize>)>,
    /// What the narrative says (the narrative reader's stage).
    pub narrative: &'a Narrative,
}

impl Context<'_> {
    /// The narrative outside the tables.
    pub fn prose(&self) -> &Prose {
        &self.narrative.prose
    }

    /// What the narrative states about figures of the tables.
    pub fn claims(&self) -> &[Claim] {
        &self.narrative.claims
    }

    /// A prose range short enough to quote in a message, as the original writes it.
    pub fn quote(&self, range: (usize, usize)) -> Option<String> {
        crate::narrative::prose::quote(self.text, self.view, self.prose(), range)
    }

    /// The view text of section `n`'s body.
    pub fn section_text(&self, n: u8) -> Option<(&str, usize)> {
        self.section_ranges
            .iter()
            .find(|(k, _)| *k == n)
            .map(|(_, r)| (self.view.slice(r.start, r.end), r.start))
    }
    pub fn section(&self, n: u8) -> Option<&Section> {
        self.report.section(n)
    }
    /// The text of a span as messages quote it: the original, or for HTML the text read
    /// there, without the markup (`约1</span><span>0` is `约10`).
    pub fn slice(&self, span: Span) -> &str {
        if self.view.html {
            return self.view.text_of(span);
        }
        self.text.get(span.start..span.end).unwrap_or("")
    }
    /// Text before the first section heading (title and preamble), as a view range.
    pub fn preamble(&self) -> (&str, usize) {
        let end = self
            .section_ranges
            .first()
            .map(|(_, r)| r.start)
            .unwrap_or(self.view.len());
        // Back up to the start of the first heading's line.
        let end = self
            .view
            .text
            .get(..end)
            .and_then(|s| s.rfind('\n'))
            .unwrap_or(0);
        (self.view.slice(0, end), 0)
    }
}

pub type RuleFn = fn(&Context, &mut Vec<Diagnostic>);

/// Every rule, in catalogue order.
pub const RULES: &[(Code, RuleFn)] = &[
    (Code::S01, s01_missing_section::check),
    (Code::S02, s02_section_order::check),
    (Code::S03, s03_section_numbering::check),
    (Code::S04, s04_heading_wording::check),
    (Code::S05, s05_empty_section::check),
    (Code::S06, s06_preamble_structure::check),
    (Code::S07, s07_incomplete_text::check),
    (Code::T01, t01_table_not_found::check),
    (Code::T02, t02_template_year::check),
    (Code::T03, t03_mixed_template::check),
    (Code::T04, t04_missing_row::check),
    (Code::T05, t05_cell_count::check),
    (Code::T06, t06_unknown_row::check),
    (Code::T07, t07_recovered_cells::check),
    (Code::T08, t08_label_variant::check),
    (Code::V01, v01_empty_cell::check),
    (Code::V02, v02_placeholder::check),
    (Code::V03, v03_not_a_number::check),
    (Code::V04, v04_negative::check),
    (Code::V05, v05_fraction::check),
    (Code::V06, v06_unit_or_vague::check),
    (Code::V07, v07_implausible_for_issuer::check),
    (Code::A01, a01_balance::check),
    (Code::A02, a02_row_total::check),
    (Code::A03, a03_results_total::check),
    (Code::A04, a04_review_total::check),
    (Code::N01, n01_requests_stated::check),
    (Code::N02, n02_reviews_stated::check),
    (Code::N03, n03_other_figures::check),
    (Code::N04, n04_self_contradiction::check),
    (Code::M01, m01_year_unknown::check),
    (Code::M02, m02_years_disagree::check),
    (Code::M03, m03_deadline::check),
    (Code::M04, m04_malformed_date::check),
    (Code::L01, l01_processing_fee::check),
    (Code::L02, l02_assessment::check),
    (Code::L03, l03_unpaid_fee::check),
    (Code::L04, l04_notice::check),
    (Code::C01, c01_other_issuer::check),
    (Code::X01, x01_conversion_leftovers::check),
];

/// Which rules run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Rule codes not to run.
    pub disabled: Vec<Code>,
}

pub fn run(ctx: &Context, options: &Options) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (code, rule) in RULES {
        if options.disabled.contains(code) {
            continue;
        }
        let before = out.len();
        rule(ctx, &mut out);
        // A rule only raises its own code.
        debug_assert!(out
            .iter()
            .skip(before)
            .all(|d: &Diagnostic| d.code == *code));
        #[cfg(test)]
        out.iter()
            .skip(before)
            .for_each(crate::diagnostic::assert_english);
    }
    out
}

/// A table whose numbers can be checked (found, not an empty template).
pub fn with_values(t: &Option<Table>) -> Option<&Table> {
    t.as_ref().filter(|t| t.has_values() && !t.cut_in_columns())
}

/// "（一）予以公开" from a row's official label, for messages.
pub fn row_name(row: &Row) -> &'static str {
    row.def.label
}

/// "表三“（一）予以公开”自然人列" — where a cell is, for messages.
pub fn cell_place(table: &Table, row: &Row, column: usize) -> String {
    // Pushed piece by piece (no format machinery): V02 names every placeholder cell.
    let col = row.def.columns.get(column).map(|c| c.label).unwrap_or("");
    let mut s = String::with_capacity(row.def.label.len() + col.len() + 24);
    s.push_str(table.kind.zh());
    s.push('“');
    s.push_str(row.def.label);
    s.push('”');
    s.push_str(col);
    if table.kind != crate::template::TableKind::Reviews {
        s.push('列');
    }
    s
}

/// A template key as English words ("carried_in" → "carried in"): rows and columns are named
/// in English by their format.md keys, not by a second table of labels.
pub fn key_en(key: &str) -> String {
    key.replace('_', " ")
}

/// "1 request", "2 requests": a count with its noun, for English messages.
pub fn count_en(n: i64, noun: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {noun}{s}")
}

/// "table 3, granted, natural person" — [`cell_place`] in English.
pub fn cell_place_en(table: &Table, row: &Row, column: usize) -> String {
    let col = row.def.columns.get(column).map_or("", |c| c.key);
    let mut s = String::with_capacity(row.def.key.len() + col.len() + 12);
    s.push_str("table ");
    s.extend(char::from_digit(u32::from(table.kind.section()), 10));
    s.push_str(", ");
    s.extend(row.def.key.chars().map(|c| if c == '_' { ' ' } else { c }));
    s.push_str(", ");
    s.extend(col.chars().map(|c| if c == '_' { ' ' } else { c }));
    s
}

/// The fix of a total that disagrees with its parts: the sum, written over the total — only
/// where the total is a plain number in the text (not recovered, not a placeholder).
pub fn total_fix(total: &crate::model::Cell, sum: f64) -> Option<(Span, String)> {
    let written = total.kind == crate::model::CellKind::Number && total.span.end > total.span.start;
    written.then(|| (total.span, fmt_num(sum)))
}

/// Whether writing `sum` into 表三's cell (row `key`, column `c`) keeps every sum through that
/// cell that holds now (A01's balance, A03's results total, A02's row total). A total that
/// another sum confirms is not the wrong one, so it is not offered as the fix.
pub fn requests_fix_keeps_sums(rows: &[Row], key: &str, c: usize, sum: f64) -> bool {
    use crate::arith::{balance, results_total, row_total, Outcome};
    let holding = |rows: &[Row]| {
        let row = rows.iter().find(|r| r.def.key == key);
        [
            balance(rows, c).is_some_and(|(o, _)| o == Outcome::Holds),
            results_total(rows, c).is_some_and(|(o, _, _)| o == Outcome::Holds),
            row.is_some_and(|r| row_total(r) == Outcome::Holds),
        ]
    };
    let before = holding(rows);
    let mut changed = rows.to_vec();
    let cell = changed
        .iter_mut()
        .find(|r| r.def.key == key)
        .and_then(|r| r.cells.get_mut(c));
    let Some(cell) = cell else {
        return false;
    };
    cell.value = Some(sum);
    let after = holding(&changed);
    before.iter().zip(after).all(|(b, a)| !b || a)
}

/// `1+0+2=3`.
pub fn sum_expr(parts: &[f64]) -> String {
    let total: f64 = parts.iter().sum();
    let shown: Vec<String> = parts.iter().map(|v| fmt_num(*v)).collect();
    format!("{}={}", crate::fmt::join(&shown, "+"), fmt_num(total))
}

/// Where to point when something is absent: the heading of section `n`, else the start.
pub fn section_or_start(ctx: &Context, n: u8) -> Span {
    ctx.section(n)
        .map(|s| s.span)
        .unwrap_or_else(|| first_line(ctx))
}

/// The first non-empty line of the text (a place for whole-report findings).
pub fn first_line(ctx: &Context) -> Span {
    let v = &ctx.view.text;
    let start = v.len() - v.trim_start().len();
    let end = v
        .get(start..)
        .and_then(|r| r.find('\n'))
        .map(|e| start + e)
        .unwrap_or(v.len());
    ctx.view.span(start, end)
}

/// Whether the text looks like an annual report at all (so whole-report rules may speak).
pub fn looks_like_report(ctx: &Context) -> bool {
    let t = &ctx.report.tables;
    ctx.report.sections.len() >= 2
        || t.active.is_some()
        || t.requests.is_some()
        || t.reviews.is_some()
}

/// Every cell of every table: (table, row, column index, cell).
pub fn all_cells<'a>(
    ctx: &'a Context,
) -> impl Iterator<Item = (&'a Table, &'a Row, usize, &'a crate::model::Cell)> + 'a {
    let t = &ctx.report.tables;
    [&t.active, &t.requests, &t.reviews]
        .into_iter()
        .flatten()
        .flat_map(|table| {
            table.rows.iter().flat_map(move |row| {
                row.cells
                    .iter()
                    .enumerate()
                    .map(move |(i, c)| (table, row, i, c))
            })
        })
}

/// The column definition of a cell.
pub fn column_kind(row: &Row, column: usize) -> crate::template::ColumnKind {
    row.def
        .columns
        .get(column)
        .map(|c| c.kind)
        .unwrap_or(crate::template::ColumnKind::Count)
}

/// The column name of 表三 for messages: "自然人列".
pub fn applicant_column(i: usize) -> String {
    crate::template::APPLICANT_COLUMNS
        .get(i)
        .map(|c| format!("{}列", c.label))
        .unwrap_or_default()
}
