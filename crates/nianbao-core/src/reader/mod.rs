//! Reads a table by aligning a stream of labels and values (cells.rs) with the template
//! (template.rs): every template row knows its key phrases and how many values it takes.
//! Rows are not lines. The stages, one module each:
//!
//! - `cells`: the region's text → tokens (labels, values, visible blanks), any layout;
//! - `labels`: which template row a label names (phrases, broken labels, typos);
//! - `segments`: tokens → rows being built, each label owning the values after it;
//! - `column_order`: labels first and values after, row by row or column by column (L10);
//! - `placement`: values whose label was lost, placed between their labelled neighbours;
//! - `fit`, `fitted` and `recovery`: each row's values → its columns, recovering damaged rows;
//! - `reviews`: table 四.
//!
//! Where cells ran together, came column by column, or a row is short, the reader keeps the
//! only reading consistent with the template and the arithmetic (arith.rs) and leaves a note
//! so that a rule says so; it never guesses silently. Positions inside the reader are view
//! positions (`ViewRange`, `ViewPos`); only `View` turns them into spans of the original.

pub mod cells;
mod column_order;
mod fit;
mod fitted;
mod labels;
mod placement;
mod recovery;
mod reviews;
mod segments;

use crate::model::{ReadNote, Row, Table, Template};
use crate::span::Span;
use crate::template::{self, RowDef, TableKind, REQUESTS};
use crate::view::{View, ViewRange};
use fit::fit;
use fitted::{Fitted, Place};
use segments::Building;

/// Reads table `kind` from the view range `r`. None when nothing of the table is there.
/// `columns_first` says another table of the report came column by column (PDF text), which
/// settles pairings this table's own numbers cannot (all zeros, no arithmetic).
pub fn read(
    view: &View,
    kind: TableKind,
    template: Template,
    r: ViewRange,
    columns_first: bool,
) -> Option<Table> {
    // The text ends (or begins) inside this table: what is not there was not pasted, not
    // left out.
    // A piece of a row's label after the last row read (`2.其他`) is where the text stopped.
    let rest = view.text.get(r.end..).unwrap_or("").trim();
    let text_ends_here = rest.is_empty()
        || (!rest.contains('\n') && {
            let core = labels::core(rest.trim_matches(|c: char| c == '|' || c.is_whitespace()));
            labels::match_defs(kind, template)
                .iter()
                .any(|d| labels::is_fragment_of(&core, d))
        });
    let text_begins_here = view
        .text
        .get(..r.start)
        .is_none_or(|before| before.lines().all(is_page_furniture));
    if kind == TableKind::Reviews {
        return reviews::read(view, r, text_ends_here);
    }
    let tokens = cells::stream(&view.text, &view.breaks, r.start, r.end);
    let defs = labels::match_defs(kind, template);
    let order = template::rows(kind, template);
    let count = |d: &RowDef| columns_for(d, kind, template).len();
    let mut built = segments::build(&tokens, &defs, &order);
    // Unknown labels with no values say nothing (header pieces, broken group labels).
    built.retain(|b| b.def.is_some() || b.has_values());
    // Nameless numbers the text begins with, before any label, are the end of a row whose
    // label was before the start of the text: not a row, and not a row to place.
    if text_begins_here {
        let lead = built
            .iter()
            .take_while(|b| b.def.is_none() && b.label.is_none())
            .count();
        built.drain(..lead);
        // So is a first label that is the end of a row's broken label (`息公开申请 0 0 …`):
        // which row it ended is not known, and it is no row of its own.
        let tail_piece = built.first().is_some_and(|b| {
            b.label
                .and_then(|r| view.text.get(r.start..r.end))
                .is_some_and(|l| {
                    let core = labels::core(l);
                    labels::number(l).is_none()
                        && defs.iter().any(|d| labels::is_tail_fragment(&core, d))
                })
        });
        if tail_piece {
            built.remove(0);
        }
    }
    // Nameless numbers the text ends in (`（五）不予处理 | 1`, the `1` of `1.信访…`), or a label
    // with nothing after it (`（六）其他`, which may be any row it begins), are where the text was
    // cut, not a row.
    if text_ends_here
        && built.last().is_some_and(|b| {
            (b.def.is_none() && b.items.last().is_some_and(|i| i.range.end >= view.len()))
                || (b.def.is_some() && !b.has_values())
        })
    {
        built.pop();
    }
    // A value alone on the text's last line, after a row line already full (`—` of a page footer
    // `— 4 —` the text stops in), is where the text was cut, not the row's.
    if text_ends_here {
        if let Some(b) = built.last_mut() {
            let full = b.def.is_some_and(|d| b.items.len() > count(d));
            let lone_last = match b.items.as_slice() {
                [.., before, last] => {
                    before.row_line
                        && last.line != before.line
                        && view
                            .text
                            .get(last.range.end..)
                            .is_some_and(|r| r.trim().is_empty())
                }
                _ => false,
            };
            if full && lone_last {
                b.items.pop();
            }
        }
    }
    if built.is_empty() {
        return None;
    }
    let mut notes = Vec::new();
    column_order::redistribute(&mut built, kind, &count, view, &mut notes, columns_first);
    placement::place(&mut built, &order, &count);
    let separator = usual_gap(&built);
    let gaps_after = gaps_after(&tokens, &built);

    let any_values = built.iter().any(Building::has_values);
    // The text stops inside the table, at its last row read, while rows are still due; that
    // row itself is cut when it has fewer cells than it takes and its line (in a row layout)
    // was not ended.
    // (A label of the other template's row, like 2019's （六）其他处理 over 2021's three
    // sub-rows, is no row of this table: the cut is after the last row it has.)
    let in_order = |d: &RowDef| order.iter().any(|o| o.key == d.key);
    let last = built.iter().rev().find(|b| b.def.is_some_and(&in_order));
    let last_def = last.and_then(|b| b.def);
    // A row that looks whole is cut too when the text ends in its last number (which may have
    // lost digits) or it holds fewer numbers than cells (a blank may be a merged label cell).
    let row_cut = last.zip(last_def).is_some_and(|(b, d)| {
        let ends_in_value = b
            .items
            .last()
            .is_some_and(|i| i.is_value() && i.range.end >= view.len());
        text_ends_here
            && (b.items.len() < count(d)
                || ends_in_value
                || (b.items.iter().filter(|i| i.is_value()).count() < count(d)
                    && !view.text.ends_with('\n')))
            && (b.items.first().is_none_or(|i| !i.row_line) || !view.text.ends_with('\n'))
    });
    let truncated = last_def
        .filter(|d| text_ends_here && (row_cut || order.last().is_some_and(|l| l.key != d.key)))
        .map(|d| d.key);

    // Assemble rows in template order; the first occurrence with values wins.
    let mut rows = Vec::new();
    let mut fitted_all: Vec<Option<Fitted>> = Vec::new();
    let mut missing_rows = Vec::new();
    let mut span: Option<Span> = None;
    for def in &order {
        let candidates: Vec<(usize, &Building)> = built
            .iter()
            .enumerate()
            .filter(|(_, b)| b.def.is_some_and(|d| d.key == def.key))
            .collect();
        let Some(&(at, b)) = candidates
            .iter()
            .find(|(_, b)| b.has_values())
            .or(candidates.first())
        else {
            missing_rows.push(*def);
            continue;
        };
        let label_range = b
            .label
            .or_else(|| b.items.first().map(|i| i.range))
            .unwrap_or(r);
        let label = view.span_of(label_range);
        if b.label.is_some() {
            span = Some(span.map_or(label, |s| s.cover(label)));
        }
        if let (Some(written), Some(_)) = (&b.variant, b.label) {
            notes.push(ReadNote::LabelVariant {
                row: def.key,
                written: written.clone(),
                span: label,
            });
        }
        let place = Place {
            view,
            kind,
            key: def.key,
            label_end: label_range.end_pos(),
            truncated: row_cut && last_def.is_some_and(|d| d.key == def.key),
            gap_after: gaps_after.get(at).copied().unwrap_or(0),
            separator,
        };
        let mut f = fit(&b.items, count(def), &place);
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
            label: b.label.map(|_| label),
            cells,
        });
        fitted_all.push(Some(f));
    }
    // Rows of the other template that carry values are unknown here (T06), not silently
    // dropped; so are values under a label that names no row, and values with no label
    // that fit no row between their neighbours.
    for b in built.iter().filter(|b| b.has_values()) {
        match (b.def, &b.unknown, b.label) {
            (Some(d), _, Some(l)) if !order.iter().any(|o| o.key == d.key) => {
                notes.push(ReadNote::UnknownRow {
                    label: d.label.to_string(),
                    span: view.span_of(l),
                })
            }
            (None, Some(text), Some(l)) if !labels::is_header(text) => {
                notes.push(ReadNote::UnknownRow {
                    label: text.clone(),
                    span: view.span_of(l),
                })
            }
            (None, None, _) => {
                let values: Vec<&segments::Item> =
                    b.items.iter().filter(|i| i.is_value()).collect();
                if let (Some(a), Some(z)) = (values.first(), values.last()) {
                    notes.push(ReadNote::Unplaced {
                        values: values.len(),
                        span: view.span_of(a.range.cover(z.range)),
                    });
                }
            }
            _ => {}
        }
    }
    if kind == TableKind::Requests {
        recovery::resolve(&mut rows, &mut fitted_all, &mut notes);
    }
    // Rows after the cut are not missing: the text never reached them. Likewise the rows
    // before the first one read, when the text begins inside the table with no header.
    let index = |key: &str| order.iter().position(|d| d.key == key);
    if let Some(at) = truncated.and_then(index) {
        missing_rows.retain(|d| index(d.key).is_some_and(|i| i <= at));
    }
    let first_label_at = built.iter().find_map(|b| b.label.map(|l| l.start));
    let header_before = tokens
        .iter()
        .take_while(|t| first_label_at.is_some_and(|at| t.range.end <= at))
        .any(|t| matches!(&t.kind, cells::Kind::Label(l) if starts_table(kind, &order, l)));
    let cut_before = built
        .iter()
        .find_map(|b| b.def.filter(|_| b.label.is_some()))
        .filter(|d| {
            text_begins_here && !header_before && order.first().is_some_and(|f| f.key != d.key)
        })
        .map(|d| d.key);
    if let Some(at) = cut_before.and_then(index) {
        missing_rows.retain(|d| index(d.key).is_some_and(|i| i >= at));
    }
    // An empty template is one with rows read in full and no values; a table cut in its
    // first row or its header is not one.
    let labels_only = !any_values && rows.len() > usize::from(row_cut);
    Some(Table {
        kind,
        span: span.unwrap_or_else(|| view.point(r.start_pos())),
        rows,
        missing_rows,
        labels_only,
        notes,
        truncated,
        cut_before,
    })
}

/// A piece of the table's own header, which a text that begins inside the table has not: a
/// column heading (`申请人情况`, `自然人`), not a numbered group label of the stub
/// (`三、本年度办理结果`, `（三）不予公开`), nor the end of a broken row label (`数量`). 表二
/// repeats a header over each of its blocks, so only its first block's columns
/// (`本年制发件数`, `本年新制作数量`) begin it.
fn starts_table(kind: TableKind, order: &[&RowDef], label: &str) -> bool {
    if !labels::is_header(label) || labels::number(label).is_some() {
        return false;
    }
    let names_a_column = order.first().is_some_and(|first| {
        first
            .columns
            .iter()
            .any(|c| crate::chars::contains(label, c.label))
    });
    names_a_column
        || (kind == TableKind::Requests
            && ["申请人", "法人"]
                .iter()
                .any(|h| crate::chars::contains(label, h)))
}

/// A line that is not report text: blank, or a short page header (`Page 9 - 年报`, `P. 9`).
fn is_page_furniture(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 30 && !t.contains('。') && !t.contains("报告") && !t.contains('、')
}

/// The columns of a row under the report's template (a row of the other template takes the
/// same key's columns here).
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

/// The usual number of blank lines between two values of the table (one-cell-per-line).
fn usual_gap(built: &[Building]) -> u32 {
    let mut counts = [0usize; 4];
    for i in built.iter().flat_map(|b| b.items.iter().skip(1)) {
        if !i.row_line {
            if let Some(c) = counts.get_mut(i.gap_before.min(3) as usize) {
                *c += 1;
            }
        }
    }
    counts
        .iter()
        .enumerate()
        .max_by_key(|(g, c)| (**c, std::cmp::Reverse(*g)))
        .map_or(0, |(g, _)| g as u32)
}

/// For each building, the blank lines between its last item and the next token.
fn gaps_after(tokens: &[cells::Token], built: &[Building]) -> Vec<u32> {
    built
        .iter()
        .map(|b| {
            let end = b
                .items
                .last()
                .map(|i| i.range.end)
                .or(b.label.map(|l| l.end))
                .unwrap_or(0);
            tokens
                .iter()
                .find(|t| t.range.start >= end && t.range.end > end)
                .map_or(0, |t| t.gap_before)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::labels::match_row;
    use super::*;
    use crate::template::REQUESTS;

    fn values(t: &Table, key: &str) -> Vec<Option<f64>> {
        t.row(key)
            .map(|r| r.cells.iter().map(|c| c.value).collect())
            .unwrap_or_default()
    }

    fn read_all(text: &str, kind: TableKind, template: Template) -> Option<Table> {
        let v = View::new(text);
        read(&v, kind, template, ViewRange::new(0, v.len()), false)
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
