//! Labels first, values after (L10 and its cousins): a run of rows whose labels carry no
//! values, then the values of all of them — row by row (a table whose label column was pasted
//! apart from its numbers) or column by column (a PDF text layer read down each column). The
//! counts of the template's rows say where each value goes; which of the two orders it was
//! is decided by the arithmetic, and where the values came in row lines of exactly the rows'
//! counts, by the lines themselves.

use super::cells::Value;
use super::segments::{Building, Item};
use crate::arith;
use crate::model::ReadNote;
use crate::template::{RowDef, TableKind};
use crate::view::View;

/// Re-pairs every run of value-less labelled rows with the values that follow it.
/// `columns_first` says another table of the report came column by column, which settles a
/// tie this table's own numbers cannot break (all zeros).
pub(super) fn redistribute(
    built: &mut Vec<Building>,
    kind: TableKind,
    count: &dyn Fn(&RowDef) -> usize,
    view: &View,
    notes: &mut Vec<ReadNote>,
    columns_first: bool,
) {
    let mut start = 0usize;
    while start < built.len() {
        let mut end = start;
        while built
            .get(end)
            .is_some_and(|b| b.def.is_some() && !b.has_values())
        {
            end += 1;
        }
        // Rows start..end have no values; the values are in row `end` (a labelled row that
        // has its own and theirs) or in the nameless rows after it.
        if end == start || end >= built.len() {
            start = end + 1;
            continue;
        }
        let holder_named = built.get(end).is_some_and(|b| b.def.is_some());
        let mut counts: Vec<usize> = built
            .get(start..end)
            .unwrap_or(&[])
            .iter()
            .filter_map(|b| b.def.map(count))
            .collect();
        if holder_named {
            counts.extend(built.get(end).and_then(|b| b.def).map(count));
        }
        let need: usize = counts.iter().sum();
        // The holders: row `end`, or as many nameless rows as it takes.
        let mut last = end;
        let mut values: Vec<Item> = Vec::new();
        while let Some(b) = built.get(last) {
            if last > end && (b.def.is_some() || b.unknown.is_some()) {
                break;
            }
            values.extend(b.items.iter().filter(|i| i.is_value()).cloned());
            if holder_named || values.len() >= need {
                break;
            }
            last += 1;
        }
        if values.len() != need || counts.len() < 2 {
            start = end + 1;
            continue;
        }
        let rows: Vec<&'static RowDef> = built
            .get(start..=end.min(last))
            .unwrap_or(&[])
            .iter()
            .filter_map(|b| b.def)
            .collect();
        let keys: Vec<&'static str> = rows.iter().map(|d| d.key).collect();
        let row_major = split_row_major(&values, &counts);
        let lines_fit = lines_match(&values, &counts);
        let chosen = match split_column_major(&values, &counts) {
            Some(cm) if !lines_fit => {
                let (c, r) = (score(kind, &keys, &cm), score(kind, &keys, &row_major));
                if c > r || (columns_first && c == r) {
                    if let (Some(a), Some(b)) = (values.first(), values.last()) {
                        notes.push(ReadNote::ColumnOrder {
                            rows: keys.clone(),
                            span: view.span_of(a.range.cover(b.range)),
                        });
                    }
                    cm
                } else {
                    row_major
                }
            }
            _ => row_major,
        };
        // Give each labelled row its values; nameless holders are used up.
        let mut chosen = chosen.into_iter();
        let mut k = start;
        while k <= last {
            let Some(b) = built.get_mut(k) else { break };
            if b.def.is_some() && k <= end {
                b.items = chosen.next().unwrap_or_default();
            } else {
                b.items.clear();
            }
            k += 1;
        }
        if last > end {
            built.drain(end + 1..=last);
        }
        start = end + 1;
    }
}

/// Whether the values came in lines of exactly the rows' counts (a row-major paste).
fn lines_match(values: &[Item], counts: &[usize]) -> bool {
    let mut at = 0;
    for &c in counts {
        let Some(chunk) = values.get(at..at + c) else {
            return false;
        };
        let line = chunk.first().map(|i| i.line);
        if !chunk.iter().all(|i| i.row_line && Some(i.line) == line) {
            return false;
        }
        if values.get(at + c).is_some_and(|n| Some(n.line) == line) {
            return false;
        }
        at += c;
    }
    true
}

fn split_row_major(values: &[Item], counts: &[usize]) -> Vec<Vec<Item>> {
    let mut out = Vec::new();
    let mut at = 0;
    for &c in counts {
        out.push(
            values
                .get(at..at + c)
                .map(<[Item]>::to_vec)
                .unwrap_or_default(),
        );
        at += c;
    }
    out
}

/// Column by column over the leading rows that share a column count; the rest row by row.
fn split_column_major(values: &[Item], counts: &[usize]) -> Option<Vec<Vec<Item>>> {
    let first = *counts.first()?;
    let k = counts.iter().take_while(|&&c| c == first).count();
    if k < 2 || first < 2 {
        return None;
    }
    let mut out: Vec<Vec<Item>> = vec![Vec::new(); counts.len()];
    for col in 0..first {
        for r in 0..k {
            out.get_mut(r)?.push(values.get(col * k + r)?.clone());
        }
    }
    let mut at = first * k;
    for (r, &c) in counts.iter().enumerate().skip(k) {
        *out.get_mut(r)? = values.get(at..at + c)?.to_vec();
        at += c;
    }
    Some(out)
}

pub(super) fn num(i: &Item) -> f64 {
    match &i.value {
        Some(Value::Number(n)) => *n,
        Some(Value::Qualified { value, .. }) => *value,
        _ => 0.0,
    }
}

/// How plausible a pairing is: row totals that hold (表三), stock ≥ new items (表二).
fn score(kind: TableKind, keys: &[&str], rows: &[Vec<Item>]) -> usize {
    rows.iter()
        .zip(keys)
        .filter(|(r, key)| match kind {
            TableKind::Requests => {
                let v: Vec<f64> = r.iter().map(num).collect();
                arith::row_total_holds(&v)
            }
            TableKind::Active => {
                matches!(**key, "regulations" | "normative_documents") && r.len() == 3 && {
                    let (first, last) = (
                        r.first().map(num).unwrap_or(0.0),
                        r.get(2).map(num).unwrap_or(0.0),
                    );
                    last >= first
                }
            }
            TableKind::Reviews => false,
        })
        .count()
}
