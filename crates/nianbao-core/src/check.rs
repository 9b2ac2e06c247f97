//! The pipeline: view → sections → template, year, issuer → tables → rules.

use crate::dates;
use crate::diagnostic::Diagnostic;
use crate::mapped::MappedText;
use crate::meta::{self, TemplateEvidence};
use crate::model::{Report, Tables, Template};
use crate::reader;
use crate::rules::{self, Context};
use crate::sections;
use crate::template::TableKind;
use crate::view::{View, ViewRange};

/// What nianbao understood of a report, and what is wrong with it.
#[derive(Debug, Clone)]
pub struct Checked {
    pub report: Report,
    /// In text order.
    pub diagnostics: Vec<Diagnostic>,
}

pub use crate::rules::Options;

/// Reads and checks one report. Never panics; linear in the size of the text.
pub fn check(text: &str) -> Checked {
    check_with(text, &Options::default())
}

pub fn check_with(text: &str, options: &Options) -> Checked {
    let view = View::new(text);
    let compact = MappedText::compact(&view);
    let found = sections::find(&view);
    let evidence = TemplateEvidence::find(&compact);
    let year = dates::report_year(&view.text).map(|(y, a, b)| meta::found(&view, y, a, b));
    let template = evidence.template();
    let mut tables = Tables::default();
    let read = |kind: TableKind, reading_template: Template, columns_first: bool| {
        region(&view, &found, kind).and_then(|(a, b)| {
            reader::read(
                &view,
                kind,
                reading_template,
                ViewRange::new(a, b),
                columns_first,
            )
        })
    };
    // Tables are read with the labels' template, else the one the year calls for. When
    // neither says (a text that begins inside 表三 has neither title nor 表二), the template
    // under which 表三 reads with fewer rows missing.
    let by_year = |y: i32| {
        if y <= 2020 {
            Template::T2019
        } else {
            Template::T2021
        }
    };
    // 表三 first: its arithmetic shows whether the PDF text came column by column, which
    // settles 表二's pairing when its own numbers cannot.
    let (reading_template, requests) = match (template, year.as_ref().map(|y| y.value)) {
        (Some(t), _) => (t, read(TableKind::Requests, t, false)),
        (None, Some(y)) => (by_year(y), read(TableKind::Requests, by_year(y), false)),
        (None, None) => {
            let t2021 = read(TableKind::Requests, Template::T2021, false);
            let t2019 = read(TableKind::Requests, Template::T2019, false);
            let missing = |t: &Option<crate::model::Table>| {
                t.as_ref().map_or(usize::MAX, |t| t.missing_rows.len())
            };
            if missing(&t2019) < missing(&t2021) {
                (Template::T2019, t2019)
            } else {
                (Template::T2021, t2021)
            }
        }
    };
    tables.requests = requests;
    let columns_first = tables
        .requests
        .as_ref()
        .is_some_and(crate::model::Table::read_in_columns);
    tables.active = read(TableKind::Active, reading_template, columns_first);
    tables.reviews = read(TableKind::Reviews, reading_template, false);
    let report = Report {
        year,
        issuer: crate::issuer::find(&view.text).map(|(n, a, b)| meta::found(&view, n, a, b)),
        template,
        mixed_template: evidence.mixed(),
        sections: found.iter().map(|(s, _)| s.clone()).collect(),
        tables,
        signature_date: dates::signature_date(&view.text)
            .map(|(d, a, b)| meta::found(&view, d, a, b)),
        html: view.html,
        extent: crate::extent::Extent::default(),
    };
    let mut report = report;
    report.extent = crate::extent::find(&view, &report, found.first().map(|(_, r)| r.start));
    // A table of a section after the cut was never in the text: what was read as it is
    // labels met before the cut (a PDF page lists every table's labels before its numbers).
    let t = &mut report.tables;
    for (kind, table) in [
        (TableKind::Active, &mut t.active),
        (TableKind::Requests, &mut t.requests),
        (TableKind::Reviews, &mut t.reviews),
    ] {
        if report.extent.after_stop(kind.section()) {
            *table = None;
        }
    }
    let narrative = crate::narrative::read(&view, &report);
    let ctx = Context {
        text,
        view: &view,
        report: &report,
        compact: &compact,
        evidence: &evidence,
        section_ranges: found.iter().map(|(s, r)| (s.number, r.clone())).collect(),
        narrative: &narrative,
    };
    let mut diagnostics = rules::run(&ctx, options);
    crate::order::sort_by(&mut diagnostics, |a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(a.code.cmp(&b.code))
            .then(a.span.end.cmp(&b.span.end))
    });
    Checked {
        report,
        diagnostics,
    }
}

/// Where a table is: its section's body, else around its most telling label.
fn region(
    view: &View,
    found: &[(crate::model::Section, std::ops::Range<usize>)],
    kind: TableKind,
) -> Option<(usize, usize)> {
    if let Some((_, r)) = found.iter().find(|(s, _)| s.number == kind.section()) {
        return Some((r.start, r.end));
    }
    let at = first_anchor(view, kind)?;
    // A text that begins inside this table (one PDF page, part of a paste) holds rows before
    // its telling labels: with no heading and no earlier table before the label, the table
    // runs from the start of the text.
    let heading_before = found.iter().any(|(_, r)| r.start <= at);
    let earlier_table_before = [TableKind::Active, TableKind::Requests, TableKind::Reviews]
        .iter()
        .take_while(|k| **k != kind)
        .filter_map(|k| first_anchor(view, *k))
        .any(|a| a < at);
    let start = if heading_before || earlier_table_before {
        line_start(&view.text, at)
    } else {
        0
    };
    // Up to the next section heading (its body start is just past it).
    let end = found
        .iter()
        .map(|(_, r)| r.start)
        .filter(|&s| s > at)
        .min()
        .unwrap_or(view.text.len());
    Some((start, end.max(start)))
}

/// The view offset of the first of a table's telling labels (its header or a row no other
/// table has).
fn first_anchor(view: &View, kind: TableKind) -> Option<usize> {
    let anchors: &[&str] = match kind {
        TableKind::Active => &["第二十条", "信息内容"],
        TableKind::Requests => &["本年新收", "申请人情况", "结转下年度继续办理"],
        TableKind::Reviews => &["尚未审结", "结果维持"],
    };
    anchors
        .iter()
        .filter_map(|a| {
            crate::chars::find_iter(&view.text, a).find(|&at| !in_prose_line(&view.text, at))
        })
        .min()
}

/// The line holding offset `at` is a sentence (`其中结果维持72件，…。`), not a table's: it ends
/// a sentence or counts with a unit. A table is never read out of prose.
fn in_prose_line(text: &str, at: usize) -> bool {
    let start = line_start(text, at);
    let end = text
        .get(at..)
        .and_then(|s| s.find('\n'))
        .map_or(text.len(), |i| at + i);
    let line = text.get(start..end).unwrap_or("");
    if line.contains(['。', '；', ';']) {
        return true;
    }
    let mut digit = false;
    for c in line.chars() {
        if c == '件' && digit {
            return true;
        }
        if c.is_ascii_digit() {
            digit = true;
        } else if c != ' ' {
            digit = false;
        }
    }
    false
}

/// The start of the line holding byte `at` of `text`.
fn line_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1)
}
