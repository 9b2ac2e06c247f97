//! Reads a table by aligning a stream of labels and values (cells.rs) with the template
//! (template.rs): every template row knows its key phrases and how many values it takes.
//! Rows are not lines. Where cells ran together, came column by column, or a row is short,
//! the reader keeps the only reading consistent with the template and the arithmetic, and
//! leaves a note so that rules can say so; it never guesses silently.

use crate::cells::{self, Kind, Value};
use crate::chars::chinese_digit;
use crate::model::{Cell, CellKind, ReadNote, Row, Table, Template};
use crate::span::Span;
use crate::template::{self, RowDef, TableKind, REQUESTS};
use crate::view::View;

/// One item found for a row: a value or a visible blank.
#[derive(Debug, Clone)]
enum Item {
    Value(Value, usize, usize),
    Empty(usize),
}

impl Item {
    fn is_value(&self) -> bool {
        matches!(self, Item::Value(..))
    }
}

struct Building {
    def: &'static RowDef,
    label: (usize, usize),
    items: Vec<Item>,
}

/// Strips one numbering prefix: `一、` `(一)` `1.` `3、` `(七)`.
fn strip_numbering(s: &str) -> &str {
    let t = s.trim_start_matches(['(', '[', '【']);
    let digits = t.trim_start_matches(|c: char| c.is_ascii_digit() || chinese_digit(c).is_some());
    if digits.len() == t.len() {
        return s;
    }
    digits.trim_start_matches([')', ']', '】', '、', '.', ',', '．', ' '])
}

fn is_narrative(label: &str) -> bool {
    if label.len() > 48 * 3
        || label.contains('。')
        || label.contains(';')
        || label.chars().count() > 48
    {
        return true;
    }
    let mut prev = ' ';
    for c in label.chars() {
        if prev.is_ascii_digit() && matches!(c, '件' | '条' | '次' | '个') {
            return true;
        }
        prev = c;
    }
    false
}

/// The template row a label names, if any.
fn match_row(label: &str, defs: &[&'static RowDef]) -> Option<&'static RowDef> {
    if is_narrative(label) {
        return None;
    }
    let stripped = strip_numbering(label);
    let numbered = stripped.len() < label.len();
    // A phrase can only be in the label if all its characters are: a 64-bit sketch of the
    // label's characters skips most phrases without searching.
    let sketch = |s: &str| {
        s.chars()
            .fold(0u64, |acc, c| acc | 1u64 << (u32::from(c) % 64))
    };
    let label_sketch = sketch(stripped);
    let mut best: Option<(usize, &'static RowDef)> = None;
    for &def in defs {
        if let Some(exact) = def.exact {
            let core = stripped.trim_end_matches([':', '。', ' ', ')']);
            if numbered && core == exact {
                return Some(def);
            }
            continue;
        }
        for p in def.phrases {
            if sketch(p) & !label_sketch != 0 {
                continue;
            }
            if let Some(at) = crate::chars::find(stripped, p) {
                let chars_before = stripped.get(..at).map(|s| s.chars().count()).unwrap_or(0);
                if chars_before <= 14 && best.is_none_or(|(b, _)| at < b) {
                    best = Some((at, def));
                }
            }
        }
    }
    best.map(|(_, d)| d)
}

/// Rows to match labels against: both templates' rows (so a mixed report is still read).
fn match_defs(kind: TableKind, template: Template) -> Vec<&'static RowDef> {
    match kind {
        TableKind::Requests => REQUESTS.iter().collect(),
        TableKind::Active => {
            let mut v = template::rows(kind, template);
            let other = if template == Template::T2019 {
                Template::T2021
            } else {
                Template::T2019
            };
            for d in template::rows(kind, other) {
                if !v.iter().any(|x| x.key == d.key) {
                    v.push(d);
                }
            }
            v
        }
        TableKind::Reviews => Vec::new(),
    }
}

/// Reads table `kind` from the view region `[a, b)`. None when nothing of the table is there.
/// `columns_first` says another table of the report came column by column (PDF text), which
/// settles pairings this table's own numbers cannot (all zeros, no arithmetic).
pub fn read(view: &View, kind: TableKind, template: Template, a: usize, b: usize) -> Option<Table> {
    read_with(view, kind, template, a, b, false)
}

pub fn read_with(
    view: &View,
    kind: TableKind,
    template: Template,
    a: usize,
    b: usize,
    columns_first: bool,
) -> Option<Table> {
    if kind == TableKind::Reviews {
        return read_reviews(view, a, b);
    }
    let stream = cells::stream(&view.text, a, b);
    let defs = match_defs(kind, template);
    let mut built: Vec<Building> = Vec::new();
    let mut notes = Vec::new();
    let mut current: Option<usize> = None;
    let mut i = 0;
    while i < stream.len() {
        let Some(first) = stream.get(i) else { break };
        let line = first.line;
        let mut j = i;
        while stream.get(j).is_some_and(|c| c.line == line) {
            j += 1;
        }
        let cells = stream.get(i..j).unwrap_or(&[]);
        i = j;
        if first.row_line {
            // A row of several cells: each label that names a row owns the cells after it, up to
            // the next such label (several rows share a line when a report is pasted as one line).
            let owners: Vec<(usize, &'static RowDef)> = cells
                .iter()
                .enumerate()
                .filter_map(|(k, c)| match &c.kind {
                    Kind::Label(l) => match_row(l, &defs).map(|d| (k, d)),
                    _ => None,
                })
                .collect();
            let owner = owners.first().copied();
            let items_between = |from: usize, to: usize| -> Vec<Item> {
                cells
                    .iter()
                    .take(to)
                    .skip(from)
                    .filter_map(to_item)
                    .collect()
            };
            let items_from = |from: usize| items_between(from, cells.len());
            if owners.len() > 1 {
                for (n, &(k, def)) in owners.iter().enumerate() {
                    let to = owners.get(n + 1).map_or(cells.len(), |o| o.0);
                    let Some(c) = cells.get(k) else { continue };
                    built.push(Building {
                        def,
                        label: (c.start, c.end),
                        items: items_between(k + 1, to),
                    });
                    current = Some(built.len() - 1);
                }
                continue;
            }
            match owner {
                Some((k, def)) => {
                    let Some(c) = cells.get(k) else { continue };
                    built.push(Building {
                        def,
                        label: (c.start, c.end),
                        items: items_from(k + 1),
                    });
                    current = Some(built.len() - 1);
                }
                None => {
                    let items = items_from(0);
                    let has_values = items.iter().any(Item::is_value);
                    let first_label = cells.iter().find_map(|c| match &c.kind {
                        Kind::Label(l) => Some((l.clone(), c.start, c.end)),
                        _ => None,
                    });
                    match (has_values, first_label) {
                        (false, _) => {}
                        (true, Some((l, s, e)))
                            if !is_narrative(&l)
                                && !is_header(&l)
                                && cells
                                    .first()
                                    .is_some_and(|c| matches!(c.kind, Kind::Label(_))) =>
                        {
                            notes.push(ReadNote::UnknownRow {
                                label: l,
                                span: view.span(s, e),
                            });
                        }
                        // Values on the line after their label's own line; values with no
                        // row before them belong to nothing and are left unread.
                        (true, _) => {
                            if let Some(row) = current.and_then(|c| built.get_mut(c)) {
                                if !row.items.iter().any(Item::is_value) {
                                    row.items.extend(items);
                                }
                            }
                        }
                    }
                }
            }
            continue;
        }
        for c in cells {
            match &c.kind {
                Kind::Label(l) => {
                    if let Some(def) = match_row(l, &defs) {
                        // A broken label's next line can name the same row again: same row.
                        let same = current
                            .and_then(|k| built.get_mut(k))
                            .filter(|b| b.def.key == def.key && b.items.is_empty());
                        match same {
                            Some(b) => b.label.1 = c.end,
                            None => {
                                built.push(Building {
                                    def,
                                    label: (c.start, c.end),
                                    items: Vec::new(),
                                });
                                current = Some(built.len() - 1);
                            }
                        }
                    }
                }
                _ => {
                    if let (Some(item), Some(row)) =
                        (to_item(c), current.and_then(|c| built.get_mut(c)))
                    {
                        row.items.push(item);
                    }
                }
            }
        }
    }
    if built.is_empty() {
        return None;
    }
    let expected = |d: &RowDef| columns_for(d, kind, template).len();
    redistribute_column_runs(&mut built, kind, template, view, &mut notes, columns_first);

    // Assemble rows in template order; the first occurrence with values wins.
    let wanted = template::rows(kind, template);
    let mut rows = Vec::new();
    let mut fitted_all: Vec<Option<Fitted>> = Vec::new();
    let mut missing_rows = Vec::new();
    let mut span: Option<Span> = None;
    let any_values = built.iter().any(|b| b.items.iter().any(Item::is_value));
    for def in &wanted {
        let candidates: Vec<&Building> = built.iter().filter(|b| b.def.key == def.key).collect();
        let Some(b) = candidates
            .iter()
            .find(|b| b.items.iter().any(Item::is_value))
            .or(candidates.first())
        else {
            missing_rows.push(*def);
            continue;
        };
        let label = view.span(b.label.0, b.label.1);
        span = Some(span.map_or(label, |s| s.cover(label)));
        let mut f = fit(&b.items, expected(def), kind, def.key, view, label.end);
        if let Some(n) = f.note.take() {
            if any_values {
                notes.push(n);
            }
        }
        let cells = std::mem::take(&mut f.cells);
        for c in &cells {
            if !c.span.is_empty() {
                span = Some(span.map_or(c.span, |s| s.cover(c.span)));
            }
        }
        rows.push(Row {
            def,
            label: Some(label),
            cells,
        });
        fitted_all.push(Some(f));
    }
    // Rows of the other template that carry values are unknown here (T06), not silently dropped.
    for b in &built {
        if !wanted.iter().any(|d| d.key == b.def.key) && b.items.iter().any(Item::is_value) {
            notes.push(ReadNote::UnknownRow {
                label: b.def.label.to_string(),
                span: view.span(b.label.0, b.label.1),
            });
        }
    }
    if kind == TableKind::Requests {
        resolve(&mut rows, &mut fitted_all, &mut notes);
    }
    Some(Table {
        kind,
        span: span.unwrap_or_else(|| view.span(a, a)),
        rows,
        missing_rows,
        labels_only: !any_values,
        notes,
    })
}

fn columns_for(
    def: &RowDef,
    kind: TableKind,
    template: Template,
) -> &'static [template::ColumnDef] {
    let table: &'static [RowDef] = match (kind, template) {
        (TableKind::Active, Template::T2019) => template::ACTIVE_2019,
        (TableKind::Active, Template::T2021) => template::ACTIVE_2021,
        (TableKind::Requests, _) => REQUESTS,
        (TableKind::Reviews, _) => template::REVIEWS,
    };
    table
        .iter()
        .find(|d| d.key == def.key)
        .map_or(def.columns, |d| d.columns)
}

fn is_header(label: &str) -> bool {
    [
        "信息内容",
        "第二十条",
        "本年",
        "数量",
        "金额",
        "申请人",
        "自然人",
        "法人",
        "结果",
        "总计",
        "项目",
    ]
    .iter()
    .any(|h| crate::chars::contains(label, h))
}

fn to_item(c: &cells::Cell) -> Option<Item> {
    match &c.kind {
        Kind::Value(v) => Some(Item::Value(v.clone(), c.start, c.end)),
        Kind::Empty => Some(Item::Empty(c.start)),
        Kind::Label(_) => None,
    }
}

/// L10: labels first, then the values of several rows, possibly column by column. A run of
/// rows with no values followed by one row holding exactly all their values is re-paired.
fn redistribute_column_runs(
    built: &mut [Building],
    kind: TableKind,
    template: Template,
    view: &View,
    notes: &mut Vec<ReadNote>,
    columns_first: bool,
) {
    let mut start = 0usize;
    while start < built.len() {
        let mut end = start;
        while built
            .get(end)
            .is_some_and(|b| !b.items.iter().any(Item::is_value))
        {
            end += 1;
        }
        // rows start..end have no values; row `end` holds the values.
        if end == start || end >= built.len() {
            start = end + 1;
            continue;
        }
        let counts: Vec<usize> = built
            .get(start..=end)
            .unwrap_or(&[])
            .iter()
            .map(|b| columns_for(b.def, kind, template).len())
            .collect();
        let need: usize = counts.iter().sum();
        let values: Vec<Item> = built
            .get(end)
            .map(|b| b.items.iter().filter(|i| i.is_value()).cloned().collect())
            .unwrap_or_default();
        if values.len() != need || end == start {
            start = end + 1;
            continue;
        }
        let row_major = split_row_major(&values, &counts);
        let col_major = split_column_major(&values, &counts);
        let keys: Vec<&'static str> = built
            .get(start..=end)
            .unwrap_or(&[])
            .iter()
            .map(|b| b.def.key)
            .collect();
        let chosen = match col_major {
            Some(cm)
                if score(kind, &keys, &cm) > score(kind, &keys, &row_major)
                    || (columns_first
                        && score(kind, &keys, &cm) == score(kind, &keys, &row_major)) =>
            {
                let s = match (values.first(), values.last()) {
                    (Some(Item::Value(_, a, _)), Some(Item::Value(_, _, b))) => view.span(*a, *b),
                    _ => Span::default(),
                };
                notes.push(ReadNote::ColumnOrder {
                    rows: keys.clone(),
                    span: s,
                });
                cm
            }
            _ => row_major,
        };
        for (b, items) in built
            .get_mut(start..=end)
            .unwrap_or(&mut [])
            .iter_mut()
            .zip(chosen)
        {
            b.items = items;
        }
        start = end + 1;
    }
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

fn num(i: &Item) -> f64 {
    match i {
        Item::Value(Value::Number(n), ..) => *n,
        Item::Value(Value::Qualified { value, .. }, ..) => *value,
        _ => 0.0,
    }
}

/// How plausible a pairing is: row totals that hold (表三), stock ≥ new items (表二).
fn score(kind: TableKind, keys: &[&str], rows: &[Vec<Item>]) -> usize {
    rows.iter()
        .zip(keys)
        .filter(|(r, key)| match kind {
            TableKind::Requests => {
                r.len() == 7 && {
                    let v: Vec<f64> = r.iter().map(num).collect();
                    (v.iter().take(6).sum::<f64>() - v.get(6).copied().unwrap_or(0.0)).abs() < 1e-9
                }
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

/// Whether a full candidate row is arithmetically consistent.
fn consistent(kind: TableKind, v: &[f64]) -> bool {
    match kind {
        TableKind::Requests => {
            v.len() == 7
                && (v.iter().take(6).sum::<f64>() - v.get(6).copied().unwrap_or(0.0)).abs() < 1e-9
        }
        TableKind::Reviews => {
            v.len() == 15
                && v.chunks(5).all(|b| {
                    (b.iter().take(4).sum::<f64>() - b.get(4).copied().unwrap_or(0.0)).abs() < 1e-9
                })
        }
        TableKind::Active => true,
    }
}

fn cell_of(item: &Item, view: &View) -> Cell {
    match item {
        Item::Empty(at) => Cell {
            value: None,
            kind: CellKind::Empty,
            span: Span::empty_at(view.offset(*at)),
        },
        Item::Value(v, s, e) => {
            let span = view.span(*s, *e);
            match v {
                Value::Number(n) => Cell {
                    value: Some(*n),
                    kind: CellKind::Number,
                    span,
                },
                Value::Placeholder => Cell {
                    value: Some(0.0),
                    kind: CellKind::Placeholder,
                    span,
                },
                Value::Qualified { value, .. } => Cell {
                    value: Some(*value),
                    kind: CellKind::Qualified,
                    span,
                },
                Value::Text => Cell {
                    value: None,
                    kind: CellKind::Text,
                    span,
                },
            }
        }
    }
}

/// Fits the items found for a row to its `n` template columns.
fn fit(
    items: &[Item],
    n: usize,
    kind: TableKind,
    key: &'static str,
    view: &View,
    label_end: usize,
) -> Fitted {
    let positional = |its: &[Item]| -> Vec<Cell> { its.iter().map(|i| cell_of(i, view)).collect() };
    let value_count = items.iter().filter(|i| i.is_value()).count();
    let edge_blank = matches!(items.first(), Some(Item::Empty(_)));
    // In 表三 a blank right after the label is usually a merged label cell, not a value cell.
    let short_in_disguise = kind == TableKind::Requests && edge_blank && value_count + 1 == n;
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
        // Only blanks: a row of empty cells, as many as the template has.
        let at = items.first().map(|i| match i {
            Item::Empty(a) | Item::Value(_, a, _) => view.offset(*a),
        });
        let cells = (0..n).map(|k| match items.get(k) {
            Some(i) => cell_of(i, view),
            None => Cell::missing(at.unwrap_or(label_end)),
        });
        return Fitted::plain(cells.collect(), None);
    }
    if core.len() == n && !short_in_disguise {
        return Fitted::plain(positional(core), None);
    }
    let values: Vec<Item> = core.iter().filter(|i| i.is_value()).cloned().collect();
    let span = match (values.first(), values.last()) {
        (Some(Item::Value(_, a, _)), Some(Item::Value(_, _, b))) => view.span(*a, *b),
        _ => Span::empty_at(label_end),
    };
    if values.len() == n {
        return Fitted::plain(positional(&values), None);
    }
    if values.len() > n {
        if let Some((cells, detail)) = merge_split_digits(&values, n, kind, view) {
            let note = ReadNote::CellCount {
                row: key,
                found: values.len(),
                expected: n,
                span,
                detail: Some(detail),
            };
            return Fitted::plain(cells, Some(note));
        }
        let cells = positional(values.get(..n).unwrap_or(&values));
        return Fitted::plain(
            cells,
            Some(ReadNote::CellCount {
                row: key,
                found: values.len(),
                expected: n,
                span,
                detail: None,
            }),
        );
    }
    // Short: digits that ran together ("000"), or missing cells the arithmetic fixes.
    if let Some((cells, detail)) = split_run_together(&values, n, kind, view) {
        return Fitted::plain(
            cells,
            Some(ReadNote::Recovered {
                row: key,
                span,
                detail,
            }),
        );
    }
    let mut cells = positional(&values);
    let end = span.end;
    while cells.len() < n {
        cells.push(Cell::missing(view.offset(end).max(end)));
    }
    let fallback = ReadNote::CellCount {
        row: key,
        found: values.len(),
        expected: n,
        span,
        detail: None,
    };
    match fill_missing(&values, n, kind, view) {
        Some(mut readings) if readings.len() == 1 => {
            let (cells, detail) = readings.remove(0);
            Fitted::plain(
                cells,
                Some(ReadNote::Recovered {
                    row: key,
                    span,
                    detail,
                }),
            )
        }
        Some(readings) => Fitted {
            cells,
            note: Some(fallback),
            alternatives: readings,
            span,
        },
        None => Fitted::plain(cells, Some(fallback)),
    }
}

/// A row fitted to its columns. `alternatives` are readings of a short row that its own
/// arithmetic cannot tell apart; the table's column sums decide (see `resolve`).
struct Fitted {
    cells: Vec<Cell>,
    note: Option<ReadNote>,
    alternatives: Vec<(Vec<Cell>, String)>,
    span: Span,
}

impl Fitted {
    fn plain(cells: Vec<Cell>, note: Option<ReadNote>) -> Self {
        Fitted {
            cells,
            note,
            alternatives: Vec::new(),
            span: Span::default(),
        }
    }
}

fn digits_of(item: &Item, view: &View) -> Option<String> {
    match item {
        Item::Value(Value::Number(n), s, e) if *n >= 0.0 => {
            let t = view.slice(*s, *e);
            t.chars().all(|c| c.is_ascii_digit()).then(|| t.to_string())
        }
        _ => None,
    }
}

/// `000` where three cells are due: the only split of the digit runs into `n` numbers that
/// satisfies the row's arithmetic (or, with no arithmetic, the only split at all).
fn split_run_together(
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
    if total_digits < n || total_digits > 24 || tokens.len() >= n {
        return None;
    }
    let mut found: Vec<Vec<String>> = Vec::new();
    let mut budget = 20_000usize;
    fn rec(
        tokens: &[String],
        n: usize,
        acc: &mut Vec<String>,
        found: &mut Vec<Vec<String>>,
        budget: &mut usize,
        kind: TableKind,
    ) {
        if *budget == 0 || found.len() > 1 {
            return;
        }
        *budget -= 1;
        let Some((head, rest)) = tokens.split_first() else {
            if acc.len() == n {
                let v: Vec<f64> = acc.iter().filter_map(|s| s.parse().ok()).collect();
                if v.len() == n && consistent(kind, &v) && !found.contains(acc) {
                    found.push(acc.clone());
                }
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
    rec(&tokens, n, &mut Vec::new(), &mut found, &mut budget, kind);
    if found.len() != 1 {
        return None;
    }
    let reading = found.pop()?;
    // Spans: each part gets the characters of its digits inside the original token.
    let mut cells = Vec::with_capacity(n);
    let mut part_iter = reading.iter();
    for v in values {
        let Item::Value(_, s, e) = v else { return None };
        let mut at = *s;
        while at < *e {
            let p = part_iter.next()?;
            let end = at + p.len();
            cells.push(Cell {
                value: p.parse().ok(),
                kind: CellKind::Split,
                span: view.span(at, end),
            });
            at = end;
        }
    }
    let raw: Vec<&str> = values
        .iter()
        .filter_map(|v| {
            if let Item::Value(_, s, e) = v {
                Some(view.slice(*s, *e))
            } else {
                None
            }
        })
        .collect();
    let detail = format!("“{}”按{}格读作 {}", raw.join(" "), n, reading.join("、"));
    Some((cells, detail))
}

/// A short row of 表三: one missing cell, or only 自然人 and 总计 filled. Returns every distinct
/// reading whose row total holds; one reading means the missing cell could only be that.
fn fill_missing(
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
        .any(|i| !matches!(i, Item::Value(Value::Number(_) | Value::Placeholder, ..)))
    {
        return None;
    }
    let v: Vec<f64> = values.iter().map(num).collect();
    let end = match values.last() {
        Some(Item::Value(_, _, e)) => *e,
        _ => return None,
    };
    let zero_at = |at: usize| Cell {
        value: Some(0.0),
        kind: CellKind::Missing,
        span: Span::empty_at(view.offset(at)),
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
        let at = values
            .get(p.min(5))
            .map(|i| {
                if let Item::Value(_, s, _) = i {
                    *s
                } else {
                    end
                }
            })
            .unwrap_or(end);
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
                    span: Span::empty_at(view.offset(at)),
                },
            );
        } else {
            let total: f64 = v.iter().sum();
            r.push(total);
            cells.push(Cell {
                value: Some(total),
                kind: CellKind::Missing,
                span: Span::empty_at(view.offset(end)),
            });
        }
        if !readings.iter().any(|(x, _)| *x == r) {
            readings.push((r, cells));
        }
    }
    let detail = |r: &[f64]| {
        let shown: Vec<String> = r.iter().map(|x| crate::rules::fmt_num(*x)).collect();
        format!(
            "这一行只有6个数字，少了一格；按勾稽关系读作 {}",
            shown.join("、")
        )
    };
    Some(readings.into_iter().map(|(r, c)| (c, detail(&r))).collect())
}

/// Picks, for each ambiguous short row of 表三, the reading under which the most column sums
/// (A01, A03) hold, when exactly one reading does best.
fn resolve(rows: &mut [Row], fitted: &mut [Option<Fitted>], notes: &mut Vec<ReadNote>) {
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
            scored.push((column_sums_holding(rows), a));
            if let Some(r) = rows.get_mut(k) {
                r.cells = saved;
            }
        }
        scored.sort_by_key(|y| std::cmp::Reverse(y.0));
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

/// How many of the 表三 column sums hold: balance (A01) and results total (A03), per column.
fn column_sums_holding(rows: &[Row]) -> usize {
    let get = |key: &str, c: usize| {
        rows.iter()
            .find(|r| r.def.key == key)
            .and_then(|r| r.cells.get(c))
            .map(|x| x.number())
    };
    let results: Vec<&Row> = rows
        .iter()
        .filter(|r| crate::rules::is_result_row(r.def.key))
        .collect();
    let mut holding = 0;
    for c in 0..7 {
        if let (Some(a), Some(b), Some(t), Some(o)) = (
            get("received", c),
            get("carried_in", c),
            get("results_total", c),
            get("carried_out", c),
        ) {
            holding += usize::from((a + b - t - o).abs() < 1e-9);
        }
        if let Some(t) = get("results_total", c) {
            let sum: f64 = results
                .iter()
                .filter_map(|r| r.cells.get(c))
                .map(Cell::number)
                .sum();
            holding += usize::from((sum - t).abs() < 1e-9);
        }
    }
    holding
}

/// `1 2` read as two cells where the row has one too many: if joining two adjacent single
/// digits makes the row's arithmetic hold, read them as one number and say so.
fn merge_split_digits(
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
        let (
            Some(Item::Value(Value::Number(a), _, ae)),
            Some(Item::Value(Value::Number(b), bs, _)),
        ) = (values.get(k), values.get(k + 1))
        else {
            continue;
        };
        let gap = view.slice(*ae, *bs);
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
            if let (Item::Value(_, s, _), Some(Item::Value(_, _, e))) = (item, values.get(k + 1)) {
                c.span = view.span(*s, *e);
                let t: String = view
                    .slice(*s, *e)
                    .chars()
                    .filter(|c| c.is_ascii_digit())
                    .collect();
                c.value = t.parse().ok();
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
            {
                match (values.get(k), values.get(k + 1)) {
                    (Some(Item::Value(_, s, _)), Some(Item::Value(_, _, e))) => {
                        view.slice(*s, *e).to_string()
                    }
                    _ => String::new(),
                }
            },
            joined as i64,
            joined as i64
        ),
    ))
}

/// Table 四: one row of fifteen cells after the header, read as three blocks of five.
fn read_reviews(view: &View, a: usize, b: usize) -> Option<Table> {
    let stream = cells::stream(&view.text, a, b);
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
    let header_at = stream.iter().rposition(|c| matches!(&c.kind, Kind::Label(l) if HEADER.iter().any(|h| crate::chars::contains(l, h)) && !is_narrative(l)));
    let has_header = header_at.is_some()
        || stream.iter().any(|c| matches!(&c.kind, Kind::Label(l) if l.contains("行政复议") && l.chars().count() < 12));
    let from = header_at.map(|h| h + 1).unwrap_or(0);
    let after = stream.get(from..).unwrap_or(&[]);
    // Prefer one row line holding the values (tab/pipe layouts keep blanks in place).
    let mut items: Vec<Item> = Vec::new();
    let mut lines = after
        .iter()
        .filter(|c| c.row_line)
        .map(|c| c.line)
        .collect::<Vec<_>>();
    lines.dedup();
    for line in lines {
        let row: Vec<Item> = after
            .iter()
            .filter(|c| c.line == line)
            .filter_map(to_item)
            .collect();
        if row.iter().filter(|i| i.is_value()).count() >= 5 {
            items = row;
            break;
        }
    }
    if items.is_empty() {
        for c in after {
            match &c.kind {
                Kind::Label(l) if is_narrative(l) && items.iter().any(Item::is_value) => break,
                Kind::Label(_) => {}
                _ => {
                    if let Some(i) = to_item(c) {
                        items.push(i);
                    }
                }
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
        .map(|c| view.offset(c.end))
        .unwrap_or_else(|| view.offset(a));
    let labels_only = !items.iter().any(Item::is_value);
    let (cells, note) = if labels_only {
        ((0..15).map(|_| Cell::missing(label_end)).collect(), None)
    } else {
        let f = fit(&items, 15, TableKind::Reviews, "reviews", view, label_end);
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
        span: span.unwrap_or_else(|| Span::empty_at(label_end)),
        rows,
        missing_rows: Vec::new(),
        labels_only,
        notes: note.into_iter().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(t: &Table, key: &str) -> Vec<Option<f64>> {
        t.row(key)
            .map(|r| r.cells.iter().map(|c| c.value).collect())
            .unwrap_or_default()
    }

    fn read_all(text: &str, kind: TableKind, template: Template) -> Option<Table> {
        let v = View::new(text);
        read(&v, kind, template, 0, v.len())
    }

    #[test]
    fn numbering_and_exact_labels() {
        let defs: Vec<&RowDef> = REQUESTS.iter().collect();
        assert_eq!(
            match_row("3.其他", &defs).map(|d| d.key),
            Some("other_other")
        );
        assert_eq!(match_row("其他", &defs).map(|d| d.key), None);
        assert_eq!(
            match_row("(七)总计", &defs).map(|d| d.key),
            Some("results_total")
        );
        assert_eq!(
            match_row("2.其他法律行政法规禁止公开", &defs).map(|d| d.key),
            Some("denied_prohibited")
        );
        assert_eq!(match_row("(三)不予公开", &defs).map(|d| d.key), None);
        assert_eq!(match_row("其中予以公开3件", &defs).map(|d| d.key), None);
    }

    #[test]
    fn run_together_zeros_are_split() {
        let t = read_all("规章\t000\n", TableKind::Active, Template::T2021);
        let t = t.as_ref();
        assert_eq!(
            t.map(|t| values(t, "regulations")),
            Some(vec![Some(0.0); 3])
        );
        assert!(t.is_some_and(|t| t
            .notes
            .iter()
            .any(|n| matches!(n, ReadNote::Recovered { .. }))));
    }

    #[test]
    fn column_by_column_values_are_repaired() {
        let text = "规章\n行政规范性文件\n本年制发件数\n1\n8\n0\n26\n11\n66\n";
        let t = read_all(text, TableKind::Active, Template::T2021);
        let t = t.as_ref();
        assert_eq!(
            t.map(|t| values(t, "regulations")),
            Some(vec![Some(1.0), Some(0.0), Some(11.0)])
        );
        assert_eq!(
            t.map(|t| values(t, "normative_documents")),
            Some(vec![Some(8.0), Some(26.0), Some(66.0)])
        );
    }
}
