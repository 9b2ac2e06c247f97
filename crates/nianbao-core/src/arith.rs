//! The table arithmetic of format.md §5, in one place. The reader uses it to choose among
//! readings of a damaged row (which split of `000`, which column a missing cell was); the
//! A-rules use it to check. Both must agree on what a sum is, or a recovered reading would be
//! reported as an error.
//!
//! Cells enter a sum by format.md §6: a blank or placeholder part counts 0; a blank total is a
//! missing value, not a zero; a cell that is not a number (text, a vague count) takes no part
//! in any sum, so the sums through it are not checked (V03 says which).

use crate::model::{Cell, CellKind, Row};

/// Two sums are equal when they differ by less than this (amounts are decimal).
const EPS: f64 = 1e-9;

/// Whether `parts` add up to `total`.
pub fn adds_up(parts: &[f64], total: f64) -> bool {
    (parts.iter().sum::<f64>() - total).abs() < EPS
}

/// 表三, one row of seven values: the six applicant columns add up to 总计.
pub fn row_total_holds(values: &[f64]) -> bool {
    match values.split_last() {
        Some((total, parts)) if values.len() == 7 => adds_up(parts, *total),
        _ => false,
    }
}

/// 表四, fifteen values: each block of five has upheld + corrected + other + pending = total.
pub fn review_blocks_hold(values: &[f64]) -> bool {
    values.len() == 15 && values.chunks(5).all(review_block_holds)
}

/// 表四, one block of five values.
pub fn review_block_holds(block: &[f64]) -> bool {
    match block.split_last() {
        Some((total, parts)) if block.len() == 5 => adds_up(parts, *total),
        _ => false,
    }
}

/// Rows of 表三 that are results (（一） to （六）): their sum is （七）总计.
pub fn is_result_row(key: &str) -> bool {
    !matches!(
        key,
        "received" | "carried_in" | "results_total" | "carried_out"
    )
}

/// A text that begins inside 表三 at row `cut_before` lost the result rows before it when it
/// begins after the first one: their sum with （七）总计 cannot be checked.
pub fn cut_hides_results(cut_before: &str) -> bool {
    let at = |key: &str| crate::template::REQUESTS.iter().position(|d| d.key == key);
    let first_result = crate::template::REQUESTS
        .iter()
        .position(|d| is_result_row(d.key));
    matches!((at(cut_before), first_result), (Some(c), Some(f)) if c > f)
}

/// The four rows of the balance, in the order of the printed rule (第一项…第四项).
pub const BALANCE_ROWS: [&str; 4] = ["received", "carried_in", "results_total", "carried_out"];

/// How a sum of cells compares with its total.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    Holds,
    Differs {
        sum: f64,
        total: f64,
    },
    /// A part or the total is not a number, or the total is blank: not checked.
    Unchecked,
}

/// A part's value in a sum: blanks and placeholders are 0; text and vague counts (`约10`,
/// `10余`) are not numbers.
fn part(cell: &Cell) -> Option<f64> {
    match cell.kind {
        CellKind::Empty | CellKind::Missing => Some(cell.value.unwrap_or(0.0)),
        CellKind::Text | CellKind::Qualified => None,
        _ => cell.value,
    }
}

/// A total's value: blank, text or vague totals are not checked.
fn total_of(cell: &Cell) -> Option<f64> {
    match cell.kind {
        CellKind::Text | CellKind::Qualified => None,
        _ => cell.value,
    }
}

/// Compares `parts` (added) with `total`.
pub fn compare<'a>(parts: impl IntoIterator<Item = &'a Cell>, total: &Cell) -> Outcome {
    let Some(t) = total_of(total) else {
        return Outcome::Unchecked;
    };
    let mut sum = 0.0;
    for c in parts {
        match part(c) {
            Some(v) => sum += v,
            None => return Outcome::Unchecked,
        }
    }
    if (sum - t).abs() < EPS {
        Outcome::Holds
    } else {
        Outcome::Differs { sum, total: t }
    }
}

/// Compares `left` (added) with `right` (added): the balance of 表三.
pub fn compare_sides(left: &[&Cell], right: &[&Cell]) -> Outcome {
    let add = |cells: &[&Cell]| cells.iter().map(|c| part(c)).sum::<Option<f64>>();
    match (add(left), add(right)) {
        (Some(l), Some(r)) if (l - r).abs() < EPS => Outcome::Holds,
        (Some(l), Some(r)) => Outcome::Differs { sum: l, total: r },
        _ => Outcome::Unchecked,
    }
}

/// 表三 row total (A02): the six applicant cells against 总计. Unchecked for a row that has no
/// value at all.
pub fn row_total(row: &Row) -> Outcome {
    let (Some((total, parts)), true) = (row.cells.split_last(), row.cells.len() == 7) else {
        return Outcome::Unchecked;
    };
    if row.cells.iter().all(|c| c.value.is_none()) {
        return Outcome::Unchecked;
    }
    compare(parts, total)
}

fn row<'a>(rows: &'a [Row], key: &str) -> Option<&'a Row> {
    rows.iter().find(|r| r.def.key == key)
}

/// 表三 balance (A01), column `c`: received + carried_in against results_total + carried_out.
/// A blank results total is a missing value: unchecked.
pub fn balance(rows: &[Row], c: usize) -> Option<(Outcome, [&Cell; 4])> {
    let cell = |key: &str| row(rows, key).and_then(|r| r.cells.get(c));
    let [a, b, r, o] = BALANCE_ROWS.map(cell);
    let (a, b, r, o) = (a?, b?, r?, o?);
    let outcome = if total_of(r).is_none() {
        Outcome::Unchecked
    } else {
        compare_sides(&[a, b], &[r, o])
    };
    Some((outcome, [a, b, r, o]))
}

/// The outcome of a results total, its total cell, and its parts by row.
pub type ResultsTotal<'a> = (Outcome, &'a Cell, Vec<(&'a Row, &'a Cell)>);

/// 表三 results total (A03), column `c`: the result rows against （七）总计, with the parts.
pub fn results_total(rows: &[Row], c: usize) -> Option<ResultsTotal<'_>> {
    let total = row(rows, "results_total")?.cells.get(c)?;
    let parts: Vec<(&Row, &Cell)> = rows
        .iter()
        .filter(|r| is_result_row(r.def.key))
        .filter_map(|r| r.cells.get(c).map(|cell| (r, cell)))
        .collect();
    let outcome = compare(parts.iter().map(|(_, c)| *c), total);
    Some((outcome, total, parts))
}

/// 表四 block total (A04).
pub fn review_total(block: &Row) -> Outcome {
    match block.cells.split_last() {
        Some((total, parts)) if block.cells.len() == 5 => compare(parts, total),
        _ => Outcome::Unchecked,
    }
}

/// How many of 表三's column sums hold (balance and results total, per column): the reader
/// prefers the reading of an ambiguous row under which most hold.
pub fn column_sums_holding(rows: &[Row]) -> usize {
    (0..7)
        .map(|c| {
            let b = balance(rows, c).is_some_and(|(o, _)| o == Outcome::Holds);
            let r = results_total(rows, c).is_some_and(|(o, _, _)| o == Outcome::Holds);
            usize::from(b) + usize::from(r)
        })
        .sum()
}

/// The checks a cell of 表三 or 表四 takes part in, by code (for V03: what a text cell stops).
pub fn checks_through(kind: crate::template::TableKind, row: &str) -> &'static [&'static str] {
    use crate::template::TableKind;
    match kind {
        TableKind::Active => &[],
        TableKind::Reviews => &["A04"],
        TableKind::Requests if row == "results_total" => &["A01", "A02", "A03"],
        TableKind::Requests if BALANCE_ROWS.contains(&row) => &["A01", "A02"],
        TableKind::Requests => &["A02", "A03"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn n(v: f64) -> Cell {
        Cell {
            value: Some(v),
            kind: CellKind::Number,
            span: Span::default(),
        }
    }
    fn kind(kind: CellKind, value: Option<f64>) -> Cell {
        Cell {
            value,
            kind,
            span: Span::default(),
        }
    }

    #[test]
    fn blanks_are_zero_parts_but_not_totals() {
        let parts = [n(1.0), kind(CellKind::Empty, None), n(2.0)];
        assert_eq!(compare(&parts, &n(3.0)), Outcome::Holds);
        assert_eq!(
            compare(&parts, &kind(CellKind::Empty, None)),
            Outcome::Unchecked
        );
        assert_eq!(
            compare(&parts, &n(4.0)),
            Outcome::Differs {
                sum: 3.0,
                total: 4.0
            }
        );
    }

    #[test]
    fn text_takes_no_part() {
        let parts = [n(1.0), kind(CellKind::Text, None)];
        assert_eq!(compare(&parts, &n(1.0)), Outcome::Unchecked);
        assert_eq!(compare(&parts, &n(9.0)), Outcome::Unchecked);
    }

    #[test]
    fn row_and_block_totals() {
        assert!(row_total_holds(&[1.0, 0.0, 0.0, 0.0, 0.0, 2.0, 3.0]));
        assert!(!row_total_holds(&[1.0, 0.0, 0.0, 0.0, 0.0, 2.0, 4.0]));
        assert!(!row_total_holds(&[1.0, 1.0]));
        assert!(review_blocks_hold(&[
            1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0, 1.0, 0.0, 0.0, 3.0
        ]));
        assert!(!review_block_holds(&[1.0, 0.0, 0.0, 0.0, 2.0]));
    }
}
