//! What nianbao understood of a report: the parsed report returned beside the diagnostics.

use crate::span::Span;
use crate::template::{ColumnDef, RowDef, TableKind};

pub use crate::template::Template;

/// A top-level section heading (一 to 六) as found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// 1..=6.
    pub number: u8,
    /// The heading as written (trimmed).
    pub heading: String,
    /// The heading line's text.
    pub span: Span,
    /// The numbering prefix (`一、`, `6、`, `(六)`...).
    pub numbering_span: Span,
    /// Numbered `一、` style (the standard).
    pub standard_numbering: bool,
    /// Wording is the official heading (not just an accepted variant).
    pub official_wording: bool,
    /// Worded as in the pre-2019 report outline (`政府信息公开工作的基本情况`, `概述`): S06.
    pub obsolete_wording: bool,
    /// From the end of the heading to the next heading (or the end of the text).
    pub body: Span,
}

/// How a cell's text was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// A plain number.
    Number,
    /// `-`, `/`, `—`, `无`: read as zero, reported (V02).
    Placeholder,
    /// A blank cell that was present in the layout (V01).
    Empty,
    /// No cell at all for this position (short row, T05).
    Missing,
    /// Text that is not a number (V03).
    Text,
    /// A number with a unit or a vague marker (`1763万余元`): value kept, reported (V06/V03).
    Qualified,
    /// Recovered from digits that ran together (T07).
    Split,
    /// The row has values whose columns could not be decided (T05): this cell's value is
    /// unknown, so no sum through it is checked.
    Unplaced,
    /// The text ends before this cell (S07): not in the text, so neither blank nor checked.
    NotInText,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The number read, if any. Placeholders read as `Some(0.0)`.
    pub value: Option<f64>,
    pub kind: CellKind,
    /// Where the cell's text is; for Missing cells, an empty span where it should be.
    pub span: Span,
}

impl Cell {
    pub fn missing(at: usize) -> Self {
        Cell {
            value: None,
            kind: CellKind::Missing,
            span: Span::empty_at(at),
        }
    }
    /// The value for arithmetic: blanks and placeholders count as 0 (format.md §6).
    pub fn number(&self) -> f64 {
        self.value.unwrap_or(0.0)
    }
    /// Whole-number value for arithmetic, if the cell holds one.
    pub fn int(&self) -> i64 {
        let v = self.number();
        if v.is_finite() && v.abs() < 9.0e15 {
            v.round() as i64
        } else {
            0
        }
    }
    pub fn is_blank(&self) -> bool {
        matches!(self.kind, CellKind::Empty | CellKind::Missing)
    }
}

/// One data row of a table, with one cell per template column.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub def: &'static RowDef,
    /// The row label as found (None when only values were found).
    pub label: Option<Span>,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn key(&self) -> &'static str {
        self.def.key
    }
    pub fn columns(&self) -> &'static [ColumnDef] {
        self.def.columns
    }
    pub fn cell(&self, column: &str) -> Option<&Cell> {
        self.def
            .columns
            .iter()
            .position(|c| c.key == column)
            .and_then(|i| self.cells.get(i))
    }
    /// Span of the row: label and cells.
    pub fn span(&self) -> Span {
        let mut s = self
            .label
            .unwrap_or_else(|| self.cells.first().map(|c| c.span).unwrap_or_default());
        for c in &self.cells {
            if !c.span.is_empty() {
                s = s.cover(c.span);
            }
        }
        s
    }
}

/// Something the reader noticed while aligning the text with the template.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadNote {
    /// A row had `found` values where the template has `expected`, and no reading was sure (T05).
    CellCount {
        row: &'static str,
        found: usize,
        expected: usize,
        span: Span,
        detail: Option<String>,
    },
    /// Cells ran together or a row was short, and the only consistent reading was used (T07).
    Recovered {
        row: &'static str,
        span: Span,
        detail: String,
    },
    /// Values came column by column (PDF text layer) and were re-paired with their rows.
    ColumnOrder { rows: Vec<&'static str>, span: Span },
    /// A label with values inside the table that is not a template row (T06).
    UnknownRow { label: String, span: Span },
    /// A row label with a typo in the template's fixed text, read as that row (T08).
    LabelVariant {
        row: &'static str,
        written: String,
        span: Span,
    },
    /// Values with no label that fit no row between their labelled neighbours (T05).
    Unplaced { values: usize, span: Span },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub kind: TableKind,
    /// From the first to the last thing read as part of the table.
    pub span: Span,
    /// Data rows found, in template order.
    pub rows: Vec<Row>,
    /// Template rows not found (T04).
    pub missing_rows: Vec<&'static RowDef>,
    /// The table has labels but no values at all (an empty template, L6).
    pub labels_only: bool,
    pub notes: Vec<ReadNote>,
    /// The text ends inside this table, in this row (its later cells and the rows after it
    /// were never in the text: S07, not T04/T05/V01).
    pub truncated: Option<&'static str>,
    /// The text begins inside this table (no header before), at this row: the rows before it
    /// were never in the text.
    pub cut_before: Option<&'static str>,
}

impl Table {
    pub fn row(&self, key: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.def.key == key)
    }
    pub fn cell(&self, row: &str, column: &str) -> Option<&Cell> {
        self.row(row).and_then(|r| r.cell(column))
    }
    /// Read column by column (a PDF's text, L10) and cut inside (at its end or its start):
    /// which cells the text holds depends on where each column was cut, so no cell can be
    /// checked as blank or summed.
    pub fn cut_in_columns(&self) -> bool {
        (self.truncated.is_some() || self.cut_before.is_some()) && self.read_in_columns()
    }
    /// Its values came column by column (a PDF text layer, L10) and were re-paired with rows.
    pub fn read_in_columns(&self) -> bool {
        self.notes
            .iter()
            .any(|n| matches!(n, ReadNote::ColumnOrder { .. }))
    }
    /// Whether arithmetic can be checked: values were read.
    pub fn has_values(&self) -> bool {
        !self.labels_only
            && self
                .rows
                .iter()
                .any(|r| r.cells.iter().any(|c| c.value.is_some()))
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tables {
    /// Table 二 — 主动公开政府信息情况.
    pub active: Option<Table>,
    /// Table 三 — 收到和处理政府信息公开申请情况.
    pub requests: Option<Table>,
    /// Table 四 — 行政复议、行政诉讼.
    pub reviews: Option<Table>,
}

/// A labelled value found in the text (year, issuer, dates).
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    pub value: T,
    pub span: Span,
}

/// A calendar date written in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub year: Option<Found<i32>>,
    pub issuer: Option<Found<String>>,
    pub template: Option<Template>,
    /// Labels of both templates were found (T03).
    pub mixed_template: bool,
    pub sections: Vec<Section>,
    pub tables: Tables,
    /// The signature / publication date (the last date of the text), if any.
    pub signature_date: Option<Found<Date>>,
    /// The input was read as HTML markup.
    pub html: bool,
    /// Whether the text stops before the report does or starts after it.
    pub extent: crate::extent::Extent,
}

impl Report {
    /// The issuer's kind and level, from its name (`issuer::classify`).
    pub fn issuer_class(&self) -> Option<(crate::issuer::IssuerKind, crate::issuer::Level)> {
        self.issuer
            .as_ref()
            .map(|i| crate::issuer::classify(&i.value))
    }

    pub fn section(&self, number: u8) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == number)
    }
}
