//! Recovering a damaged row: digits run together (`000` for three cells), a space inside a
//! number (`1 2` for 12), empty cells shown only by blank lines, a missing cell the row's
//! arithmetic fixes. Each keeps the only reading consistent with the template and the
//! arithmetic (arith.rs) and says what it did; with more than one reading left, nothing is
//! guessed (the table's column sums may still decide: `resolve`).

use super::cells::Value;
use super::column_order::num;
use super::fitted::{cell_of, consistent, Fitted, Place};
use super::segments::Item;
use crate::arith;
use crate::fmt::parse_decimal;
use crate::model::{Cell, CellKind, ReadNote, Row};
use crate::template::TableKind;
use crate::view::View;

fn digits_of(item: &Item, view: &View) -> Option<String> {
    match &item.value {
        Some(Value::Number(n)) if *n >= 0.0 => {
            let t = view.slice(item.range.start, item.range.end);
            t.chars().all(|c| c.is_ascii_digit()).then(|| t.to_string())
        }
        _ => None,
    }
}

/// How many splits of a row's digits are kept before giving up on finding the only one.
const SPLITS: usize = 64;

/// `000` where three cells are due: runs of zeros split into single zeros when that gives the
/// row's count; else the only split of the digit runs into `n` numbers at all, or the only one
/// that satisfies the row's arithmetic.
pub(super) fn split_run_together(
    values: &[Item],
    n: usize,
    kind: TableKind,
    view: &View,
) -> Option<(Vec<Cell>, String)> {
    let tokens: Vec<String> = values
        .iter()
        .map(|v| digits_of(v, view))
        .collect::<Option<_>>()?;
    let total_digits: usize = tokens.iter().map(String::len).sum();
    if total_digits < n || tokens.len() >= n {
        return None;
    }
    // Runs of zeros are the only tokens that cannot be one number (`00`, `000`): when
    // splitting just those gives the row's count, no other split is needed.
    let zeros_split: Vec<String> = tokens
        .iter()
        .flat_map(|t| {
            if t.len() > 1 && t.chars().all(|c| c == '0') {
                vec!["0".to_string(); t.len()]
            } else {
                vec![t.clone()]
            }
        })
        .collect();
    let mut found: Vec<Vec<String>> = Vec::new();
    if zeros_split.len() == n {
        found.push(zeros_split);
    } else if total_digits > 24 {
        return None;
    }
    let mut budget = 20_000usize;
    fn rec(
        tokens: &[String],
        n: usize,
        acc: &mut Vec<String>,
        found: &mut Vec<Vec<String>>,
        budget: &mut usize,
        kind: TableKind,
    ) {
        if *budget == 0 || found.len() > SPLITS {
            return;
        }
        *budget -= 1;
        let Some((head, rest)) = tokens.split_first() else {
            if acc.len() == n && !found.contains(acc) {
                found.push(acc.clone());
            }
            return;
        };
        // Split `head` into one or more numbers without leading zeros.
        fn parts(
            s: &str,
            rest: &[String],
            n: usize,
            acc: &mut Vec<String>,
            found: &mut Vec<Vec<String>>,
            budget: &mut usize,
            kind: TableKind,
        ) {
            if s.is_empty() {
                rec(rest, n, acc, found, budget, kind);
                return;
            }
            if acc.len() >= n {
                return;
            }
            for cut in 1..=s.len() {
                let (p, r) = s.split_at(cut);
                if p.len() > 1 && p.starts_with('0') {
                    break;
                }
                acc.push(p.to_string());
                parts(r, rest, n, acc, found, budget, kind);
                acc.pop();
            }
        }
        parts(head, rest, n, acc, found, budget, kind);
    }
    let forced = !found.is_empty();
    if !forced {
        rec(&tokens, n, &mut Vec::new(), &mut found, &mut budget, kind);
    }
    let complete = forced || (budget > 0 && found.len() <= SPLITS);
    // One split of the digits at all (`000` for three cells): forced. Else the row's
    // arithmetic must leave exactly one.
    if !(complete && found.len() == 1) {
        found.retain(|split| {
            let v: Vec<f64> = split.iter().filter_map(|s| parse_decimal(s)).collect();
            v.len() == n && consistent(kind, &v)
        });
        if !complete || found.len() != 1 {
            return None;
        }
    }
    let reading = found.pop()?;
    // Spans: each part gets the characters of its digits inside the original token.
    let mut cells = Vec::with_capacity(n);
    let mut part_iter = reading.iter();
    for v in values {
        let (s, e) = (v.range.start, v.range.end);
        let mut at = s;
        while at < e {
            let p = part_iter.next()?;
            let end = at + p.len();
            cells.push(Cell {
                value: parse_decimal(p),
                kind: CellKind::Split,
                span: view.span(at, end),
            });
            at = end;
        }
    }
    let raw: Vec<&str> = values
        .iter()
        .map(|v| view.slice(v.range.start, v.range.end))
        .collect();
    let detail = format!(
        "“{}”按{}格读作 {}",
        crate::fmt::join(&raw, " "),
        n,
        crate::fmt::join(&reading, "、")
    );
    Some((cells, detail))
}

/// A short row of 表三: one missing cell, or only 自然人 and 总计 filled. Returns every distinct
/// reading whose row total holds; one reading means the missing cell could only be that.
pub(super) fn fill_missing(
    values: &[Item],
    n: usize,
    kind: TableKind,
    view: &View,
) -> Option<Vec<(Vec<Cell>, String)>> {
    if kind != TableKind::Requests || n != 7 {
        return None;
    }
    if values
        .iter()
        .any(|i| !matches!(i.value, Some(Value::Number(_) | Value::Placeholder)))
    {
        return None;
    }
    let v: Vec<f64> = values.iter().map(num).collect();
    let end = values.last()?.range.end_pos();
    let zero_at = |at| Cell {
        value: Some(0.0),
        kind: CellKind::Missing,
        span: view.point(at),
    };
    if values.len() == 2 && v.first() == v.get(1) {
        let mut cells = vec![cell_of(values.first()?, view)];
        for _ in 0..5 {
            cells.push(zero_at(end));
        }
        cells.push(cell_of(values.get(1)?, view));
        return Some(vec![(
            cells,
            "只填了自然人和总计两格，其余各格按0读取".to_string(),
        )]);
    }
    if values.len() != 6 {
        return None;
    }
    let mut readings: Vec<(Vec<f64>, Vec<Cell>)> = Vec::new();
    for p in (0..7).rev() {
        let mut r: Vec<f64> = v.clone();
        let mut cells: Vec<Cell> = values.iter().map(|i| cell_of(i, view)).collect();
        let at = values.get(p.min(5)).map_or(end, |i| i.range.start_pos());
        if p < 6 {
            let missing = v.get(5).copied().unwrap_or(0.0) - v.iter().take(5).sum::<f64>();
            if missing < 0.0 {
                continue;
            }
            r.insert(p, missing);
            cells.insert(
                p,
                Cell {
                    value: Some(missing),
                    kind: CellKind::Missing,
                    span: view.point(at),
                },
            );
        } else {
            let total: f64 = v.iter().sum();
            r.push(total);
            cells.push(Cell {
                value: Some(total),
                kind: CellKind::Missing,
                span: view.point(end),
            });
        }
        if !readings.iter().any(|(x, _)| *x == r) {
            readings.push((r, cells));
        }
    }
    let detail = |r: &[f64]| {
        let shown: Vec<String> = r.iter().map(|x| crate::fmt::fmt_num(*x)).collect();
        format!(
            "这一行只有6个数字，少了一格；按勾稽关系读作 {}",
            crate::fmt::join(&shown, "、")
        )
    };
    Some(readings.into_iter().map(|(r, c)| (c, detail(&r))).collect())
}

/// Picks, for each ambiguous short row of 表三, the reading under which the most column sums
/// (A01, A03) hold, when exactly one reading does best.
pub(super) fn resolve(rows: &mut [Row], fitted: &mut [Option<Fitted>], notes: &mut Vec<ReadNote>) {
    for k in 0..rows.len() {
        let Some(Some(f)) = fitted.get_mut(k) else {
            continue;
        };
        if f.alternatives.is_empty() {
            continue;
        }
        let alternatives = std::mem::take(&mut f.alternatives);
        let span = f.span;
        let mut scored: Vec<(usize, usize)> = Vec::new();
        for (a, (cells, _)) in alternatives.iter().enumerate() {
            let saved = rows.get(k).map(|r| r.cells.clone()).unwrap_or_default();
            if let Some(r) = rows.get_mut(k) {
                r.cells = cells.clone();
            }
            scored.push((arith::column_sums_holding(rows), a));
            if let Some(r) = rows.get_mut(k) {
                r.cells = saved;
            }
        }
        crate::order::sort_by_key(&mut scored, |y| std::cmp::Reverse(y.0));
        let best = scored.first().copied();
        let unique = best.is_some_and(|b| scored.get(1).is_none_or(|s| s.0 < b.0));
        let (Some((_, a)), true) = (best, unique) else {
            continue;
        };
        let Some((cells, detail)) = alternatives.into_iter().nth(a) else {
            continue;
        };
        if let Some(r) = rows.get_mut(k) {
            let key = r.def.key;
            r.cells = cells;
            notes.retain(|n| !matches!(n, ReadNote::CellCount { row, .. } if *row == key));
            notes.push(ReadNote::Recovered {
                row: key,
                span,
                detail,
            });
        }
    }
}

/// `1 2` read as two cells where the row has one too many: if joining two adjacent single
/// digits makes the row's arithmetic hold, read them as one number and say so.
pub(super) fn merge_split_digits(
    values: &[Item],
    n: usize,
    kind: TableKind,
    view: &View,
) -> Option<(Vec<Cell>, String)> {
    if values.len() != n + 1 || kind == TableKind::Active {
        return None;
    }
    let mut hit: Option<(usize, Vec<f64>)> = None;
    for k in 0..values.len() - 1 {
        let (Some(x), Some(y)) = (values.get(k), values.get(k + 1)) else {
            continue;
        };
        let (Some(Value::Number(a)), Some(Value::Number(b))) = (&x.value, &y.value) else {
            continue;
        };
        let gap = view.slice(x.range.end, y.range.start);
        if !(*a >= 0.0
            && *a < 10.0
            && *b >= 0.0
            && *b < 10.0
            && gap.chars().all(|c| c == ' ')
            && !gap.is_empty())
        {
            continue;
        }
        let mut v: Vec<f64> = values.iter().map(num).collect();
        v.splice(k..k + 2, [a * 10.0 + b]);
        if consistent(kind, &v) {
            if hit.is_some() {
                return None;
            }
            hit = Some((k, v));
        }
    }
    let (k, _) = hit?;
    let mut cells = Vec::with_capacity(n);
    for (i, item) in values.iter().enumerate() {
        if i == k + 1 {
            continue;
        }
        let mut c = cell_of(item, view);
        if i == k {
            if let Some(next) = values.get(k + 1) {
                let joined = item.range.cover(next.range);
                c.span = view.span_of(joined);
                let t: String = view
                    .slice(joined.start, joined.end)
                    .chars()
                    .filter(|c| c.is_ascii_digit())
                    .collect();
                c.value = parse_decimal(&t);
                c.kind = CellKind::Number;
            }
        }
        cells.push(c);
    }
    let joined = cells.get(k).map(|c| c.value.unwrap_or(0.0)).unwrap_or(0.0);
    Some((
        cells,
        format!(
            "其中“{}”可能是“{}”中间多了空格，已按{}读取",
            match (values.get(k), values.get(k + 1)) {
                (Some(a), Some(b)) => view.slice(a.range.start, b.range.end).to_string(),
                _ => String::new(),
            },
            joined as i64,
            joined as i64
        ),
    ))
}

/// How blank lines placed a short row's empty cells.
pub(super) enum GapReading {
    /// The blank lines show exactly where the empty cells are.
    Sure(Vec<Cell>),
    /// Several placements fit the blank lines; the row's arithmetic left one.
    ByArithmetic(Vec<Cell>, String),
}

/// One cell per line, where an empty cell is only a few more blank lines between two values
/// (L2): the places with more blank lines than the table's usual separator are where the
/// empty cells can be. One placement that the blank lines show exactly is sure; otherwise the
/// row's arithmetic must leave exactly one (blank cells count 0 in it).
pub(super) fn blanks_from_gaps(values: &[Item], n: usize, p: &Place) -> Option<GapReading> {
    if values.iter().any(|i| i.row_line) || values.len() >= n || n > 15 {
        return None;
    }
    let m = n - values.len();
    let step = p.separator + 1;
    // Extra blank lines before each value and after the last.
    let extra: Vec<u32> = values
        .iter()
        .map(|i| i.gap_before)
        .chain(std::iter::once(p.gap_after))
        .map(|g| g.saturating_sub(p.separator))
        .collect();
    if extra.iter().all(|&e| e == 0) {
        return None;
    }
    // Every way of putting the m empty cells into the slots that have extra blank lines.
    let slots: Vec<usize> = (0..extra.len())
        .filter(|&k| extra.get(k).is_some_and(|&e| e > 0))
        .collect();
    let mut placements: Vec<Vec<usize>> = Vec::new();
    let mut acc = vec![0usize; extra.len()];
    distribute(&slots, 0, m, &mut acc, &mut placements, &mut 5_000);
    let exact: Vec<&Vec<usize>> = placements
        .iter()
        .filter(|pl| {
            pl.iter()
                .zip(&extra)
                .all(|(&k, &e)| k as u32 * step == e || (k == 0 && e == 0))
        })
        .collect();
    let cells_of = |pl: &[usize]| -> Vec<Cell> {
        let mut cells = Vec::with_capacity(n);
        for (k, &blanks) in pl.iter().enumerate() {
            let at = values
                .get(k)
                .map_or(values.last().map(|v| v.range.end_pos()), |v| {
                    Some(v.range.start_pos())
                })
                .unwrap_or(p.label_end);
            for _ in 0..blanks {
                cells.push(Cell {
                    value: None,
                    kind: CellKind::Empty,
                    span: p.view.point(at),
                });
            }
            if let Some(v) = values.get(k) {
                cells.push(cell_of(v, p.view));
            }
        }
        cells
    };
    if let [only] = exact.as_slice() {
        return Some(GapReading::Sure(cells_of(only)));
    }
    if p.kind == TableKind::Active {
        return None;
    }
    let holding: Vec<&Vec<usize>> = placements
        .iter()
        .filter(|pl| {
            let v: Vec<f64> = cells_of(pl).iter().map(Cell::number).collect();
            consistent(p.kind, &v)
        })
        .collect();
    let [only] = holding.as_slice() else {
        return None;
    };
    let cells = cells_of(only);
    let shown: Vec<String> = cells
        .iter()
        .map(|c| match c.value {
            Some(v) => crate::fmt::fmt_num(v),
            None => "空".to_string(),
        })
        .collect();
    Some(GapReading::ByArithmetic(
        cells,
        format!(
            "这一行只有{}个数字，空格子只能从空行看出；按勾稽关系读作 {}",
            values.len(),
            crate::fmt::join(&shown, "、")
        ),
    ))
}

fn distribute(
    slots: &[usize],
    from: usize,
    left: usize,
    acc: &mut Vec<usize>,
    out: &mut Vec<Vec<usize>>,
    budget: &mut usize,
) {
    if *budget == 0 {
        return;
    }
    *budget -= 1;
    if left == 0 {
        out.push(acc.clone());
        return;
    }
    for (k, &slot) in slots.iter().enumerate().skip(from) {
        if let Some(a) = acc.get_mut(slot) {
            *a += 1;
        }
        distribute(slots, k, left - 1, acc, out, budget);
        if let Some(a) = acc.get_mut(slot) {
            *a -= 1;
        }
    }
}
