//! Figures of the tables that the narrative's claims are compared with (N01–N03, L03). A
//! figure is only given when the cells behind it were read as numbers: a blank total is not 0
//! (format.md §6), so it is taken from its parts only when they hold numbers; a cell with text
//! (`约10`), a vague amount, a value whose column could not be decided or a cell the text never
//! reached gives no figure, and the claim is not judged.

use crate::model::{Cell, CellKind, Table};
use crate::narrative::Applicant;
use crate::span::Span;

/// A table figure: its value, and the cell to point at (None when summed from parts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableFigure {
    pub value: i64,
    pub cell: Option<Span>,
    /// Summed from its parts because the total was blank.
    pub from_parts: bool,
}

/// The applicant column of a claim in English (", natural person"; nothing for 总计).
pub fn applicant_en(applicant: Applicant) -> String {
    match applicant {
        Applicant::All => String::new(),
        Applicant::Column(key) => format!(", {}", crate::rules::key_en(key)),
        Applicant::Organisations => ", organisations".to_string(),
    }
}

/// The applicant columns of 表三 besides 总计.
pub const APPLICANTS: &[&str] = &[
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
];

const ORGANISATIONS: &[&str] = &[
    "commercial",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
];

/// The four parts of a 表四 block.
pub const REVIEW_PARTS: &[&str] = &["upheld", "corrected", "other", "pending"];

/// A cell's whole value, when it was read as an exact number (placeholders read 0).
pub fn exact(cell: &Cell) -> Option<i64> {
    match cell.kind {
        CellKind::Number | CellKind::Placeholder | CellKind::Split => Some(cell.int()),
        _ => None,
    }
}

/// A part of a sum: an exact number, or a blank that counts 0.
fn part(cell: &Cell) -> Option<i64> {
    match cell.kind {
        CellKind::Empty | CellKind::Missing => Some(0),
        _ => exact(cell),
    }
}

/// The row's total cell, else the sum of `parts` when the total is blank and a part holds a
/// number.
pub fn total(table: &Table, row: &str, parts: &[&str]) -> Option<TableFigure> {
    let r = table.row(row)?;
    let t = r.cell("total")?;
    if let Some(v) = exact(t) {
        return Some(TableFigure {
            value: v,
            cell: Some(t.span),
            from_parts: false,
        });
    }
    if !matches!(t.kind, CellKind::Empty | CellKind::Missing) {
        return None;
    }
    let cells: Vec<&Cell> = parts.iter().filter_map(|k| r.cell(k)).collect();
    if cells.len() != parts.len() || !cells.iter().any(|c| exact(c).is_some()) {
        return None;
    }
    let value = cells.iter().map(|c| part(c)).sum::<Option<i64>>()?;
    Some(TableFigure {
        value,
        cell: None,
        from_parts: true,
    })
}

/// A 表三 row in the column an applicant type names (总计 unless it names one).
pub fn requests_cell(table: &Table, row: &str, applicant: Applicant) -> Option<TableFigure> {
    match applicant {
        Applicant::All => total(table, row, APPLICANTS),
        Applicant::Column(key) => {
            let c = table.cell(row, key)?;
            exact(c).map(|value| TableFigure {
                value,
                cell: Some(c.span),
                from_parts: false,
            })
        }
        Applicant::Organisations => {
            let r = table.row(row)?;
            let value = ORGANISATIONS
                .iter()
                .map(|k| r.cell(k).and_then(part))
                .sum::<Option<i64>>()?;
            Some(TableFigure {
                value,
                cell: None,
                from_parts: true,
            })
        }
    }
}

/// The sum of several 表三 rows in one column (a block such as (三)不予公开): every row must
/// be there and read.
pub fn rows_sum(table: &Table, rows: &[&str], applicant: Applicant) -> Option<TableFigure> {
    let mut value = 0i64;
    for row in rows {
        value += requests_cell(table, row, applicant)?.value;
    }
    Some(TableFigure {
        value,
        cell: if rows.len() == 1 {
            rows.first()
                .and_then(|r| requests_cell(table, r, applicant))
                .and_then(|f| f.cell)
        } else {
            None
        },
        from_parts: rows.len() > 1,
    })
}

/// A 表四 cell.
pub fn review_cell(table: &Table, row: &str, column: &str) -> Option<TableFigure> {
    let c = table.cell(row, column)?;
    exact(c).map(|value| TableFigure {
        value,
        cell: Some(c.span),
        from_parts: false,
    })
}

/// "总计为95" or "各列之和为95" (a blank total), for messages.
pub fn said(f: &TableFigure) -> String {
    if f.from_parts {
        format!("合计为{}", f.value)
    } else {
        format!("为{}", f.value)
    }
}
