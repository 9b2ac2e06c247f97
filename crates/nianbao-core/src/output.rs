//! The JSON output contract of rules.md, built from a [`Checked`] result. Offsets are counted
//! in Unicode characters (CLI) or UTF-16 code units (JavaScript); `line`/`column` are 1-based
//! and count characters. All conversions go through the line index.

use serde::Serialize;

use crate::check::Checked;
use crate::line_index::LineIndex;
use crate::model::{CellKind, Table};
use crate::registry::Severity;
use crate::span::Span;
use crate::template::TableKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offsets {
    /// Character offsets (the CLI).
    Chars,
    /// UTF-16 code units (JavaScript's `String.slice`).
    Utf16,
}

impl Offsets {
    pub fn as_str(self) -> &'static str {
        match self {
            Offsets::Chars => "chars",
            Offsets::Utf16 => "utf16",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Output {
    pub report: ReportOut,
    pub diagnostics: Vec<DiagnosticOut>,
    pub summary: Summary,
    /// What `start`/`end` count: "chars" or "utf16".
    pub offsets: &'static str,
}

#[derive(Debug, Serialize, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Debug, Serialize)]
pub struct ReportOut {
    pub year: Option<i32>,
    pub issuer: Option<String>,
    /// `peoples_government`, `general_office`, `department`, `township`, `subdistrict`, `other`.
    pub issuer_kind: Option<&'static str>,
    pub template: Option<&'static str>,
    pub sections: Vec<SectionOut>,
    pub tables: TablesOut,
}

#[derive(Debug, Serialize)]
pub struct SectionOut {
    pub number: u8,
    pub heading: String,
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Serialize)]
pub struct TablesOut {
    pub active: Option<TableOut>,
    pub requests: Option<TableOut>,
    pub reviews: Option<TableOut>,
}

#[derive(Debug, Serialize)]
pub struct TableOut {
    /// 表二/表三: `rows[key][column]`. Absent for 表四.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<Ordered<Ordered<Option<Number>>>>,
    /// 表四: `blocks[key][column]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocks: Option<Ordered<Ordered<Option<Number>>>>,
    /// Every cell with its place in the text.
    pub cells: Vec<CellOut>,
    /// The table has labels but no values (an empty template).
    pub labels_only: bool,
    pub missing_rows: Vec<&'static str>,
    /// The text ends inside the table, in this row: its later cells and rows were not in the
    /// text (not missing).
    pub truncated: Option<&'static str>,
    /// The text begins inside the table, at this row: the rows before it were not in the text.
    pub cut_before: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct CellOut {
    pub row: &'static str,
    pub column: &'static str,
    pub value: Option<Number>,
    pub kind: &'static str,
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

/// A map that keeps template order (rows and columns as in the official table).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ordered<V>(pub Vec<(&'static str, V)>);

impl<V> Ordered<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// A number that serialises as an integer when it is one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub f64);

impl Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            s.serialize_i64(v as i64)
        } else {
            s.serialize_f64(v)
        }
    }
}

#[derive(Debug, Serialize)]
pub struct DiagnosticOut {
    pub code: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub message: String,
    pub message_en: String,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub related: Vec<RelatedOut>,
    /// The certain correction (see [`crate::diagnostic::Edit`]); left out when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fix: Vec<EditOut>,
}

#[derive(Debug, Serialize)]
pub struct EditOut {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

#[derive(Debug, Serialize)]
pub struct RelatedOut {
    pub message: String,
    pub message_en: String,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
}

pub fn summary(checked: &Checked) -> Summary {
    let mut s = Summary::default();
    for d in &checked.diagnostics {
        match d.severity {
            Severity::Error => s.errors += 1,
            Severity::Warning => s.warnings += 1,
            Severity::Info => s.infos += 1,
        }
    }
    s
}

fn kind_str(k: CellKind) -> &'static str {
    match k {
        CellKind::Number => "number",
        CellKind::Placeholder => "placeholder",
        CellKind::Empty => "empty",
        CellKind::Missing => "missing",
        CellKind::Text => "text",
        CellKind::Qualified => "qualified",
        CellKind::Split => "split",
        CellKind::Unplaced => "unplaced",
        CellKind::NotInText => "not_in_text",
    }
}

/// Builds the contract's JSON shape for one checked text.
pub fn build(text: &str, checked: &Checked, offsets: Offsets) -> Output {
    let index = LineIndex::new(text);
    let off = |byte: usize| {
        let p = index.position(byte);
        match offsets {
            Offsets::Chars => p.char_offset,
            Offsets::Utf16 => p.utf16_offset,
        }
    };
    let place = |s: Span| {
        let p = index.position(s.start);
        (p.line, p.column, off(s.start), off(s.end))
    };
    let r = &checked.report;
    let table = |t: &Option<Table>| {
        t.as_ref().map(|t| {
            let mut map: Ordered<Ordered<Option<Number>>> = Ordered::default();
            let mut cells = Vec::new();
            for row in &t.rows {
                let mut entry = Ordered::default();
                for (col, cell) in row.def.columns.iter().zip(&row.cells) {
                    let value = if matches!(
                        cell.kind,
                        CellKind::Empty | CellKind::Missing | CellKind::Text
                    ) && cell.value.is_none()
                    {
                        None
                    } else {
                        cell.value.map(Number)
                    };
                    entry.0.push((col.key, value));
                    let (line, _, start, end) = place(cell.span);
                    cells.push(CellOut {
                        row: row.def.key,
                        column: col.key,
                        value,
                        kind: kind_str(cell.kind),
                        line,
                        start,
                        end,
                    });
                }
                map.0.push((row.def.key, entry));
            }
            let (rows, blocks) = if t.kind == TableKind::Reviews {
                (None, Some(map))
            } else {
                (Some(map), None)
            };
            TableOut {
                rows,
                blocks,
                cells,
                labels_only: t.labels_only,
                missing_rows: t.missing_rows.iter().map(|d| d.key).collect(),
                truncated: t.truncated,
                cut_before: t.cut_before,
            }
        })
    };
    let report = ReportOut {
        year: r.year.as_ref().map(|y| y.value),
        issuer: r.issuer.as_ref().map(|i| i.value.clone()),
        issuer_kind: r.issuer_class().map(|(k, _)| k.as_str()),
        template: r.template.map(|t| t.as_str()),
        sections: r
            .sections
            .iter()
            .map(|s| {
                let (line, _, start, end) = place(s.span);
                SectionOut {
                    number: s.number,
                    heading: s.heading.clone(),
                    line,
                    start,
                    end,
                }
            })
            .collect(),
        tables: TablesOut {
            active: table(&r.tables.active),
            requests: table(&r.tables.requests),
            reviews: table(&r.tables.reviews),
        },
    };
    let diagnostics = checked
        .diagnostics
        .iter()
        .map(|d| {
            let (line, column, start, end) = place(d.span);
            DiagnosticOut {
                code: d.code.as_str(),
                severity: d.severity,
                title: d.code.info().title_zh,
                message: d.message.clone(),
                message_en: d.message_en.clone(),
                line,
                column,
                start,
                end,
                related: d
                    .related
                    .iter()
                    .map(|rel| {
                        let (line, column, start, end) = place(rel.span);
                        RelatedOut {
                            message: rel.message.clone(),
                            message_en: rel.message_en.clone(),
                            line,
                            column,
                            start,
                            end,
                        }
                    })
                    .collect(),
                fix: d
                    .fix
                    .iter()
                    .map(|e| {
                        let (_, _, start, end) = place(e.span);
                        EditOut {
                            start,
                            end,
                            replacement: e.replacement.clone(),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    Output {
        report,
        diagnostics,
        summary: summary(checked),
        offsets: offsets.as_str(),
    }
}
