//! `nianbao tables`: 汇总 — every table value of many reports, one row per report and a total
//! row, as CSV (with BOM, for Excel and WPS) or JSON. Columns are the cells of one template
//! (`--template`, 2021 by default); reports of the other template are listed on stderr and not
//! summed. Cells not read are empty, and stderr says which, report by report.

use nianbao_core::across::exports::{tables_csv_header, tables_csv_row, tables_csv_total};
use nianbao_core::across::tables::{columns, Column, TableRow, Totals};
use nianbao_core::check_with;
use nianbao_core::model::Template;
use nianbao_core::template::TableKind;
use nianbao_core::Options;
use serde::ser::{SerializeMap, Serializer};

use crate::args::TablesFormat;
use crate::inputs::{read_text, Item};
use crate::output::Out;

pub struct Run<'a> {
    pub items: &'a [Item],
    pub format: TablesFormat,
    pub template: Template,
    pub progress: bool,
}

/// Exit code: 2 if a file could not be read, else 0.
pub fn run(r: &Run, out: &mut Out) -> u8 {
    let cols = columns(r.template);
    let mut totals = Totals::new(r.template);
    let mut unreadable = 0;
    let mut skipped: Vec<(String, Template)> = Vec::new();
    let mut first = true;
    match r.format {
        TablesFormat::Csv => out.write(&tables_csv_header(r.template)),
        TablesFormat::Json => {
            let columns: Vec<ColumnJson> = cols.iter().map(ColumnJson::of).collect();
            out.write(&format!(
                "{{\n  \"template\": \"{}\",\n  \"columns\": {},\n  \"reports\": [",
                r.template.as_str(),
                serde_json::to_string(&columns).unwrap_or_default()
            ));
        }
    }
    let options = Options::default();
    crate::pipeline::run(
        r.items,
        r.progress,
        |_, input| {
            let (text, _) = read_text(input)?;
            Ok((input.display(), TableRow::of(&check_with(&text, &options))))
        },
        |_, result| {
            let (path, row) = match result {
                Ok(r) => r,
                Err(p) => {
                    eprintln!("error: {}: {}", p.path, p.message);
                    unreadable += 1;
                    return;
                }
            };
            if !totals.add(&row) {
                eprintln!(
                    "{path}: {}年版模板的报告，未计入合计（可用 --template {} 单独汇总）/ {} template, not summed",
                    row.template.as_str(),
                    row.template.as_str(),
                    row.template.as_str()
                );
                skipped.push((path, row.template));
                return;
            }
            if let Some(note) = unread_note(&cols, &row) {
                eprintln!("{path}: {note}");
            }
            match r.format {
                TablesFormat::Csv => {
                    let mut s = String::new();
                    tables_csv_row(&mut s, &path, &row);
                    out.write(&s);
                }
                TablesFormat::Json => {
                    let item = ReportJson {
                        path: &path,
                        issuer: row.issuer.as_deref(),
                        year: row.year,
                        values: Values(&cols, &row.values),
                    };
                    out.write(if first { "\n    " } else { ",\n    " });
                    out.write(&serde_json::to_string(&item).unwrap_or_default());
                    first = false;
                }
            }
            out.flush();
        },
    );
    match r.format {
        TablesFormat::Csv => {
            let mut s = String::new();
            tables_csv_total(&mut s, &totals);
            out.write(&s);
        }
        TablesFormat::Json => {
            let sums: Vec<Option<f64>> = totals.sums.iter().map(|v| Some(*v)).collect();
            let total = TotalJson {
                reports: totals.reports,
                values: Values(&cols, &sums),
            };
            let skipped: Vec<SkippedJson> = skipped
                .iter()
                .map(|(path, t)| SkippedJson {
                    path,
                    template: t.as_str(),
                })
                .collect();
            out.write(&format!(
                "\n  ],\n  \"total\": {},\n  \"skipped\": {}\n}}\n",
                serde_json::to_string(&total).unwrap_or_default(),
                serde_json::to_string(&skipped).unwrap_or_default()
            ));
        }
    }
    eprintln!(
        "合计 {} 份报告（{}年版模板）；{} 份为另一版模板未计入 / {} reports summed, {} of the other template not summed",
        totals.reports,
        r.template.as_str(),
        skipped.len(),
        totals.reports,
        skipped.len()
    );
    if unreadable > 0 {
        2
    } else {
        0
    }
}

/// Which cells of a report were not read: whole tables by name, else the first few cells.
fn unread_note(cols: &[Column], row: &TableRow) -> Option<String> {
    if row.unread.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    for table in [TableKind::Active, TableKind::Requests, TableKind::Reviews] {
        let of_table = cols.iter().filter(|c| c.table == table).count();
        let unread: Vec<&Column> = row
            .unread
            .iter()
            .filter_map(|&i| cols.get(i))
            .filter(|c| c.table == table)
            .collect();
        if unread.is_empty() {
            continue;
        }
        if unread.len() == of_table {
            parts.push(format!("{}整表", table.zh()));
            continue;
        }
        let shown: Vec<&str> = unread.iter().take(3).map(|c| c.label.as_str()).collect();
        let more = if unread.len() > 3 {
            format!("等{}格", unread.len())
        } else {
            String::new()
        };
        parts.push(format!("{}{more}", shown.join("、")));
    }
    Some(format!(
        "{} 个单元格未读出，留空：{} / {} cells not read, left empty",
        row.unread.len(),
        parts.join("；"),
        row.unread.len()
    ))
}

#[derive(serde::Serialize)]
struct ColumnJson {
    key: String,
    label: String,
}

impl ColumnJson {
    fn of(c: &Column) -> ColumnJson {
        ColumnJson {
            key: c.key(),
            label: c.label.clone(),
        }
    }
}

/// Values by column key, in template order.
struct Values<'a>(&'a [Column], &'a [Option<f64>]);

impl serde::Serialize for Values<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (c, v) in self.0.iter().zip(self.1) {
            m.serialize_entry(&c.key(), v)?;
        }
        m.end()
    }
}

#[derive(serde::Serialize)]
struct ReportJson<'a> {
    path: &'a str,
    issuer: Option<&'a str>,
    year: Option<i32>,
    values: Values<'a>,
}

#[derive(serde::Serialize)]
struct TotalJson<'a> {
    reports: usize,
    values: Values<'a>,
}

#[derive(serde::Serialize)]
struct SkippedJson<'a> {
    path: &'a str,
    template: &'static str,
}
