//! Table 四: fifteen cells in three blocks of five (行政复议, 行政诉讼·未经复议直接起诉,
//! 行政诉讼·复议后起诉). Usually one row after a two-level header; some reports print it as
//! three tables of five, each under its own heading — then each heading says whose five
//! values follow.

use super::cells::{self, Kind, Token};
use super::fit::fit;
use super::fitted::Place;
use super::labels::is_narrative;
use super::segments::Item;
use crate::model::{Cell, CellKind, Row, Table};
use crate::span::Span;
use crate::template::{self, TableKind};
use crate::view::{View, ViewRange};

const HEADER: &[&str] = &[
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
    "直接起诉",
    "复议后起诉",
    "维持",
    "纠正",
    "审结",
];

/// Which block a heading names: 0 行政复议, 1 未经复议直接起诉, 2 复议后起诉.
fn block_of(label: &str) -> Option<usize> {
    if label.chars().count() > 24 || is_narrative(label) {
        return None;
    }
    if crate::chars::contains(label, "复议后起诉") {
        Some(2)
    } else if crate::chars::contains(label, "直接起诉") || crate::chars::contains(label, "未经复议")
    {
        Some(1)
    } else if crate::chars::contains(label, "行政复议") && !crate::chars::contains(label, "诉讼")
    {
        Some(0)
    } else {
        None
    }
}

fn items_of(tokens: &[&Token]) -> Vec<Item> {
    tokens
        .iter()
        .filter_map(|t| {
            let value = match &t.kind {
                Kind::Value(v) => Some(v.clone()),
                Kind::Empty => None,
                Kind::Label(_) => return None,
            };
            Some(Item {
                value,
                range: t.range,
                line: t.line,
                row_line: t.row_line,
                gap_before: t.gap_before,
            })
        })
        .collect()
}

/// Three tables of five, each under its heading: the five cells of each block, when every
/// block has its own row line of five.
fn by_headings(after: &[Token]) -> Option<Vec<Item>> {
    let mut blocks: [Option<Vec<Item>>; 3] = [None, None, None];
    let mut current: Option<usize> = None;
    let mut k = 0;
    while let Some(t) = after.get(k) {
        let line: Vec<&Token> = after
            .iter()
            .skip(k)
            .take_while(|x| x.line == t.line)
            .collect();
        k += line.len().max(1);
        for l in &line {
            if let Kind::Label(l) = &l.kind {
                if let Some(b) = block_of(l) {
                    current = Some(b);
                }
            }
        }
        let items = items_of(&line);
        if items.len() == 5 && items.iter().any(Item::is_value) && line.iter().all(|t| t.row_line) {
            if let Some(slot) = current.and_then(|b| blocks.get_mut(b)) {
                if slot.is_none() {
                    *slot = Some(items);
                }
            }
        }
    }
    let [a, b, c] = blocks;
    Some([a?, b?, c?].concat())
}

/// Reads table 四 from the view range `r`.
pub(super) fn read(view: &View, r: ViewRange, truncated: bool) -> Option<Table> {
    let stream = cells::stream(&view.text, &view.breaks, r.start, r.end);
    let is_header = |t: &Token| matches!(&t.kind, Kind::Label(l) if HEADER.iter().any(|h| crate::chars::contains(l, h)) && !is_narrative(l));
    let first_header = stream.iter().position(is_header);
    let header_at = stream.iter().rposition(is_header);
    let has_header = header_at.is_some()
        || stream.iter().any(|c| matches!(&c.kind, Kind::Label(l) if l.contains("行政复议") && l.chars().count() < 12));
    let from = header_at.map(|h| h + 1).unwrap_or(0);
    let after = stream.get(from..).unwrap_or(&[]);
    // One row line holding the values (tab/pipe layouts keep blanks in place).
    let mut items: Vec<Item> = Vec::new();
    let mut lines = after
        .iter()
        .filter(|c| c.row_line)
        .map(|c| c.line)
        .collect::<Vec<_>>();
    lines.dedup();
    for line in lines {
        let row: Vec<&Token> = after.iter().filter(|c| c.line == line).collect();
        let row = items_of(&row);
        if row.iter().filter(|i| i.is_value()).count() >= 5 {
            items = row;
            break;
        }
    }
    if items.iter().filter(|i| i.is_value()).count() < 15 {
        let first_block = stream
            .iter()
            .position(|t| matches!(&t.kind, Kind::Label(l) if block_of(l).is_some()));
        let from = first_block.or(first_header).unwrap_or(0);
        if let Some(three) = by_headings(stream.get(from..).unwrap_or(&[])) {
            items = three;
        }
    }
    if items.is_empty() {
        for c in after {
            match &c.kind {
                Kind::Label(l) if is_narrative(l) && items.iter().any(Item::is_value) => break,
                Kind::Label(_) => {}
                _ => items.extend(items_of(&[c])),
            }
            if items.iter().filter(|i| i.is_value()).count() >= 15 {
                break;
            }
        }
    }
    if items.iter().all(|i| !i.is_value()) && !has_header {
        return None;
    }
    let label_end = stream
        .get(from.saturating_sub(1))
        .map(|c| c.range.end_pos())
        .unwrap_or(r.start_pos());
    let labels_only = !items.iter().any(Item::is_value);
    let (cells, note) = if labels_only {
        (
            (0..15)
                .map(|_| Cell {
                    value: None,
                    kind: CellKind::Missing,
                    span: view.point(label_end),
                })
                .collect(),
            None,
        )
    } else {
        let place = Place {
            view,
            kind: TableKind::Reviews,
            key: "reviews",
            label_end,
            // Cut inside the row: fewer cells than it takes, the text ends in its last number,
            // or in an unfinished line with fewer numbers than cells.
            truncated: truncated
                && (items.len() < 15
                    || items
                        .last()
                        .is_some_and(|i| i.is_value() && i.range.end >= view.len())
                    || (items.iter().filter(|i| i.is_value()).count() < 15
                        && !view.text.ends_with('\n'))),
            gap_after: 0,
            separator: 0,
        };
        let f = fit(&items, 15, &place);
        (f.cells, f.note)
    };
    let mut span: Option<Span> = None;
    for c in &cells {
        if !c.span.is_empty() {
            span = Some(span.map_or(c.span, |s| s.cover(c.span)));
        }
    }
    let mut rows = Vec::new();
    let mut it = cells.into_iter();
    for def in template::REVIEWS {
        let block: Vec<Cell> = it.by_ref().take(5).collect();
        rows.push(Row {
            def,
            label: None,
            cells: block,
        });
    }
    Some(Table {
        kind: TableKind::Reviews,
        span: span.unwrap_or_else(|| view.point(label_end)),
        rows,
        missing_rows: Vec::new(),
        labels_only,
        notes: note.into_iter().collect(),
        truncated: None,
        cut_before: None,
    })
}
