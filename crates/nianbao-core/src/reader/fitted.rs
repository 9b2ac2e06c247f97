//! A row's cells as fitted, and what the fit knows about the row's place: shared by the fit
//! and the recoveries it tries.

use super::cells::Value;
use super::segments::Item;
use crate::arith;
use crate::model::{Cell, CellKind, ReadNote};
use crate::span::Span;
use crate::template::TableKind;
use crate::view::{View, ViewPos};

/// A row fitted to its columns. `alternatives` are readings of a short row that its own
/// arithmetic cannot tell apart; the table's column sums decide (see `recovery::resolve`).
pub(super) struct Fitted {
    pub cells: Vec<Cell>,
    pub note: Option<ReadNote>,
    pub alternatives: Vec<(Vec<Cell>, String)>,
    pub span: Span,
}

impl Fitted {
    pub fn plain(cells: Vec<Cell>, note: Option<ReadNote>) -> Self {
        Fitted {
            cells,
            note,
            alternatives: Vec::new(),
            span: Span::default(),
        }
    }
}

/// Whether a full candidate row is arithmetically consistent.
pub(super) fn consistent(kind: TableKind, v: &[f64]) -> bool {
    match kind {
        TableKind::Requests => arith::row_total_holds(v),
        TableKind::Reviews => arith::review_blocks_hold(v),
        TableKind::Active => true,
    }
}

pub(super) fn cell_of(item: &Item, view: &View) -> Cell {
    let span = view.span_of(item.range);
    match &item.value {
        None => Cell {
            value: None,
            kind: CellKind::Empty,
            span: view.point(item.range.start_pos()),
        },
        Some(Value::Number(n)) => Cell {
            value: Some(*n),
            kind: CellKind::Number,
            span,
        },
        Some(Value::Placeholder) => Cell {
            value: Some(0.0),
            kind: CellKind::Placeholder,
            span,
        },
        Some(Value::Qualified { value, .. }) => Cell {
            value: Some(*value),
            kind: CellKind::Qualified,
            span,
        },
        Some(Value::Text) => Cell {
            value: None,
            kind: CellKind::Text,
            span,
        },
    }
}

/// What the fit knows about the row's surroundings.
pub(super) struct Place<'a> {
    pub view: &'a View,
    pub kind: TableKind,
    pub key: &'static str,
    /// Where the row's label ends (for cells that are not there).
    pub label_end: ViewPos,
    /// The text ends inside this row: cells after the last item are not in the text.
    pub truncated: bool,
    /// Blank lines after the row's last item (before the next label), and the usual number
    /// of blank lines between two cells of this table.
    pub gap_after: u32,
    pub separator: u32,
}
