//! 汇总: every table value of many reports in one table, one row per report and a total row —
//! what a district office types into its own report. Columns are fixed by the template (表二
//! differs between 2019 and 2021); reports of another template are listed, not summed. Cells
//! not read are empty, and each row says which they were.

use crate::check::Checked;
use crate::model::{CellKind, Report, Template};
use crate::template::{rows, TableKind};

/// One column of the 汇总 table: a cell of the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub table: TableKind,
    pub row: &'static str,
    pub column: &'static str,
    /// `表三·一、本年新收政府信息公开申请数量·自然人`.
    pub label: String,
}

impl Column {
    /// `requests.received.natural_person`: the keys of format.md.
    pub fn key(&self) -> String {
        format!("{}.{}.{}", self.table.key(), self.row, self.column)
    }
}

/// The group a 表三 row sits under, for labels that stay unique (several rows are "1.…").
fn group(row: &str) -> Option<&'static str> {
    if row.starts_with("denied_") {
        Some("（三）不予公开")
    } else if row.starts_with("unable_") {
        Some("（四）无法提供")
    } else if row.starts_with("rejected_") {
        Some("（五）不予处理")
    } else if row.starts_with("other_") {
        Some("（六）其他处理")
    } else {
        None
    }
}

/// Every cell of the template's three tables, in template order.
pub fn columns(template: Template) -> Vec<Column> {
    let mut out = Vec::new();
    for table in [TableKind::Active, TableKind::Requests, TableKind::Reviews] {
        for def in rows(table, template) {
            let row_label = match group(def.key) {
                Some(g) => format!("{g}{}", def.label),
                None => def.label.to_string(),
            };
            for c in def.columns {
                out.push(Column {
                    table,
                    row: def.key,
                    column: c.key,
                    label: format!("{}·{row_label}·{}", table.zh(), c.label),
                });
            }
        }
    }
    out
}

/// The template a report's tables were read with: its labels', else its year's.
pub fn template_of(report: &Report) -> Template {
    report
        .template
        .unwrap_or(match report.year.as_ref().map(|y| y.value) {
            Some(y) if y <= 2020 => Template::T2019,
            _ => Template::T2021,
        })
}

/// One report's values, aligned with `columns(template)`.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub issuer: Option<String>,
    pub year: Option<i32>,
    pub template: Template,
    pub values: Vec<Option<f64>>,
    /// Indexes of the columns not read (blank, text, or the table or row not found).
    pub unread: Vec<usize>,
}

impl TableRow {
    pub fn of(checked: &Checked) -> TableRow {
        let r = &checked.report;
        let template = template_of(r);
        let cols = columns(template);
        let mut values = Vec::with_capacity(cols.len());
        let mut unread = Vec::new();
        for (i, c) in cols.iter().enumerate() {
            let table = match c.table {
                TableKind::Active => &r.tables.active,
                TableKind::Requests => &r.tables.requests,
                TableKind::Reviews => &r.tables.reviews,
            };
            let v = table
                .as_ref()
                .filter(|t| !t.labels_only)
                .and_then(|t| t.cell(c.row, c.column))
                .filter(|cell| {
                    !matches!(
                        cell.kind,
                        CellKind::Text | CellKind::Empty | CellKind::Missing
                    )
                })
                .and_then(|cell| cell.value);
            if v.is_none() {
                unread.push(i);
            }
            values.push(v);
        }
        TableRow {
            issuer: r.issuer.as_ref().map(|i| i.value.clone()),
            year: r.year.as_ref().map(|y| y.value),
            template,
            values,
            unread,
        }
    }
}

/// The total row: sums of the rows of one template.
#[derive(Debug, Clone, PartialEq)]
pub struct Totals {
    pub template: Template,
    pub sums: Vec<f64>,
    /// Reports summed.
    pub reports: usize,
}

impl Totals {
    pub fn new(template: Template) -> Totals {
        Totals {
            template,
            sums: vec![0.0; columns(template).len()],
            reports: 0,
        }
    }

    /// Adds a row of the same template; a row of the other template is refused (`false`).
    pub fn add(&mut self, row: &TableRow) -> bool {
        if row.template != self.template {
            return false;
        }
        for (s, v) in self.sums.iter_mut().zip(&row.values) {
            *s += v.unwrap_or(0.0);
        }
        self.reports += 1;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_unique_and_follow_the_template() {
        for t in [Template::T2019, Template::T2021] {
            let cols = columns(t);
            let mut keys: Vec<String> = cols.iter().map(Column::key).collect();
            let mut labels: Vec<&str> = cols.iter().map(|c| c.label.as_str()).collect();
            keys.sort();
            keys.dedup();
            labels.sort();
            labels.dedup();
            assert_eq!(keys.len(), cols.len());
            assert_eq!(labels.len(), cols.len());
            // 表三: the template's rows, seven columns each; 表四: three blocks of five.
            let requests = cols
                .iter()
                .filter(|c| c.table == TableKind::Requests)
                .count();
            assert_eq!(requests % 7, 0);
            assert_eq!(
                cols.iter()
                    .filter(|c| c.table == TableKind::Reviews)
                    .count(),
                15
            );
        }
        let c = columns(Template::T2021);
        assert_eq!(c[0].key(), "active.regulations.issued");
        assert_eq!(c[0].label, "表二·规章·本年制发件数");
        assert!(c
            .iter()
            .any(|c| c.label == "表三·（三）不予公开1.属于国家秘密·自然人"));
    }
}
