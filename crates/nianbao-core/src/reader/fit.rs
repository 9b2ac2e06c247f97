//! Fits the items found for a row to its template columns. A row with exactly its count is
//! read as it stands; blanks beyond it that end a row (L1's row terminator) are dropped; a
//! short row is recovered only where one reading is sure (digits run together, blank lines
//! that show where the empty cells are, the row's arithmetic) and otherwise left unplaced —
//! never filled from the left, which would put a value in another column's place.

use super::fitted::{cell_of, Fitted, Place};
use super::recovery;
use super::segments::Item;
use crate::model::{Cell, CellKind, ReadNote};
use crate::span::Span;
use crate::template::TableKind;

/// Cells of a kind with no value, at one place (unplaced values, cells past the text's end).
fn unknown(n: usize, kind: CellKind, at: Span) -> Vec<Cell> {
    (0..n)
        .map(|_| Cell {
            value: None,
            kind,
            span: at,
        })
        .collect()
}

/// Fits the items found for a row to its `n` template columns.
pub(super) fn fit(items: &[Item], n: usize, p: &Place) -> Fitted {
    let view = p.view;
    let positional = |its: &[Item]| -> Vec<Cell> { its.iter().map(|i| cell_of(i, view)).collect() };
    let mut items = items;
    // L1 ends a row with one more lone `|` than it has cells: blanks past the count are the
    // row's end, not cells.
    if items.len() > n
        && items
            .get(n..)
            .is_some_and(|r| r.iter().all(|i| !i.is_value()))
    {
        items = items.get(..n).unwrap_or(items);
    }
    let value_count = items.iter().filter(|i| i.is_value()).count();
    let edge_blank = items.first().is_some_and(|i| !i.is_value());
    // In 表三 a blank right after the label is usually a merged label cell, not a value cell;
    // so are blanks before or after digits that ran together (`\t\t4\t000\t8`,
    // `| 0 | 000 | 5 | ||`), which only look like a full row.
    let run_together = items.iter().any(|i| {
        let t = view.slice(i.range.start, i.range.end);
        i.is_value() && t.len() > 1 && t.starts_with('0') && t.chars().all(|c| c.is_ascii_digit())
    });
    let trailing_blank = items.last().is_some_and(|i| !i.is_value());
    let short_in_disguise = (edge_blank && p.kind == TableKind::Requests && value_count + 1 == n)
        || (run_together && (edge_blank || trailing_blank));
    let end_at = items
        .last()
        .map_or(view.point(p.label_end), |i| view.point(i.range.end_pos()));
    if p.truncated {
        // The text stops in this row: what is there is read from the first column only when
        // nothing before it could be a merged label cell; the rest was not in the text.
        // A number the text ends in may have lost digits (`10` of `100`): not read.
        let whole = |i: &Item| i.is_value() && i.range.end < view.len();
        let kept = items
            .iter()
            .rposition(whole)
            .map_or(&[][..], |l| items.get(..=l).unwrap_or(&[]));
        if kept.first().is_some_and(|i| !i.is_value()) || kept.is_empty() {
            return Fitted::plain(unknown(n, CellKind::NotInText, end_at), None);
        }
        let kept = kept.get(..n).unwrap_or(kept);
        let mut cells = positional(kept);
        cells.extend(unknown(n - kept.len(), CellKind::NotInText, end_at));
        return Fitted::plain(cells, None);
    }
    if items.len() == n && !short_in_disguise {
        return Fitted::plain(positional(items), None);
    }
    let first = items.iter().position(Item::is_value);
    let last = items.iter().rposition(Item::is_value);
    let core: &[Item] = match (first, last) {
        (Some(f), Some(l)) => items.get(f..=l).unwrap_or(&[]),
        _ => &[],
    };
    if core.is_empty() {
        // Only blanks, or nothing at all after the label: the row's cells are empty.
        let cells = (0..n).map(|k| match items.get(k) {
            Some(i) => cell_of(i, view),
            None => Cell {
                value: None,
                kind: CellKind::Empty,
                span: end_at,
            },
        });
        return Fitted::plain(cells.collect(), None);
    }
    if core.len() == n && !short_in_disguise {
        return Fitted::plain(positional(core), None);
    }
    let values: Vec<Item> = core.iter().filter(|i| i.is_value()).cloned().collect();
    let span = match (values.first(), values.last()) {
        (Some(a), Some(b)) => view.span_of(a.range.cover(b.range)),
        _ => view.point(p.label_end),
    };
    if values.len() == n {
        return Fitted::plain(positional(&values), None);
    }
    let count_note = |detail: Option<String>| ReadNote::CellCount {
        row: p.key,
        found: values.len(),
        expected: n,
        span,
        detail,
    };
    if values.len() > n {
        if let Some((cells, detail)) = recovery::merge_split_digits(&values, n, p.kind, view) {
            return Fitted::plain(cells, Some(count_note(Some(detail))));
        }
        return Fitted::plain(unknown(n, CellKind::Unplaced, span), Some(count_note(None)));
    }
    // Short: digits that ran together ("000"), blank lines that show the empty cells, or
    // missing cells the arithmetic fixes.
    if let Some((cells, detail)) = recovery::split_run_together(&values, n, p.kind, view) {
        return Fitted::plain(
            cells,
            Some(ReadNote::Recovered {
                row: p.key,
                span,
                detail,
            }),
        );
    }
    if let Some(reading) = recovery::blanks_from_gaps(&values, n, p) {
        return match reading {
            recovery::GapReading::Sure(cells) => Fitted::plain(cells, None),
            recovery::GapReading::ByArithmetic(cells, detail) => Fitted::plain(
                cells,
                Some(ReadNote::Recovered {
                    row: p.key,
                    span,
                    detail,
                }),
            ),
        };
    }
    let unplaced = unknown(n, CellKind::Unplaced, span);
    match recovery::fill_missing(&values, n, p.kind, view) {
        Some(mut readings) if readings.len() == 1 => {
            let (cells, detail) = readings.remove(0);
            Fitted::plain(
                cells,
                Some(ReadNote::Recovered {
                    row: p.key,
                    span,
                    detail,
                }),
            )
        }
        Some(readings) => Fitted {
            cells: unplaced,
            note: Some(count_note(None)),
            alternatives: readings,
            span,
        },
        None => Fitted::plain(unplaced, Some(count_note(None))),
    }
}
