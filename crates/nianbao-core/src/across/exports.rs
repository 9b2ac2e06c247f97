//! The exports of a batch (the CLI, the web batch page): the findings CSV with issuer and year,
//! the summary CSV (one row per report and a total line), the 汇总 CSV of table values, and one
//! SARIF run over many files whose results carry related places as `relatedLocations`.
//!
//! Everything is written row by row (header, rows, total) so that a batch streams: nothing here
//! holds more than one report. The single-report exports stay in [`crate::export`] (the JS API
//! uses only those, so none of this is in its wasm).

use serde::Serialize;

use super::tables::{columns, TableRow, Totals};
use crate::export::{
    csv_field, sarif_result, Artifact, Finding, Physical, Region, SarifResult, Text,
};
use crate::fmt::fmt_num;
use crate::model::Template;
use crate::output::DiagnosticOut;
use crate::registry::Code;

/// What Excel and WPS need to read UTF-8: a byte order mark first.
pub const BOM: &str = "\u{feff}";

fn level_zh(severity: &str) -> &'static str {
    match severity {
        "error" => "错误",
        "warning" => "警告",
        _ => "提示",
    }
}

fn title_of(f: &Finding) -> &str {
    if f.title.is_empty() {
        Code::parse(&f.code)
            .map(|c| c.info().title_zh)
            .unwrap_or("")
    } else {
        f.title.as_str()
    }
}

fn csv_line<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(f.as_ref()));
    }
    out.push_str("\r\n");
}

fn year_str(year: Option<i32>) -> String {
    year.map(|y| y.to_string()).unwrap_or_default()
}

/// The findings CSV of a batch: its header line (with the BOM).
pub fn findings_csv_header() -> String {
    format!("{BOM}文件,发文机关,年度,代码,级别,行,列,问题,说明\r\n")
}

/// The findings CSV of a batch: the rows of one file's findings.
pub fn findings_csv_rows(
    out: &mut String,
    file: &str,
    issuer: Option<&str>,
    year: Option<i32>,
    findings: &[Finding],
) {
    let year = year_str(year);
    for f in findings {
        csv_line(
            out,
            &[
                file,
                issuer.unwrap_or(""),
                &year,
                &f.code,
                level_zh(&f.severity),
                &f.line.to_string(),
                &f.column.to_string(),
                title_of(f),
                &f.message,
            ],
        );
    }
}

/// One report in the summary of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ReportLine {
    pub file: String,
    pub issuer: Option<String>,
    pub year: Option<i32>,
    /// "2019" or "2021".
    pub template: Option<&'static str>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings across reports (Y01–Y04, R01) that name this report (a copy and its original).
    pub across: usize,
    /// The text stops early or starts late (S07).
    pub partial: bool,
}

/// The summary CSV's header (with the BOM).
pub fn summary_csv_header() -> String {
    format!("{BOM}文件,发文机关,年度,模板,错误,警告,提示,跨报告问题,文本不完整\r\n")
}

/// One report's row of the summary CSV.
pub fn summary_csv_row(out: &mut String, l: &ReportLine) {
    csv_line(
        out,
        &[
            l.file.as_str(),
            l.issuer.as_deref().unwrap_or(""),
            &year_str(l.year),
            l.template.unwrap_or(""),
            &l.errors.to_string(),
            &l.warnings.to_string(),
            &l.infos.to_string(),
            &l.across.to_string(),
            if l.partial { "是" } else { "否" },
        ],
    );
}

/// What the summary's total line adds up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SummaryTotal {
    pub reports: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub across: usize,
    pub partial: usize,
}

impl SummaryTotal {
    pub fn add(&mut self, l: &ReportLine) {
        self.reports += 1;
        self.errors += l.errors;
        self.warnings += l.warnings;
        self.infos += l.infos;
        self.across += l.across;
        self.partial += usize::from(l.partial);
    }
}

/// The summary CSV's total line.
pub fn summary_csv_total(out: &mut String, t: &SummaryTotal) {
    csv_line(
        out,
        &[
            format!("合计（{}份报告）", t.reports),
            String::new(),
            String::new(),
            String::new(),
            t.errors.to_string(),
            t.warnings.to_string(),
            t.infos.to_string(),
            t.across.to_string(),
            format!("{}份", t.partial),
        ],
    );
}

/// The whole summary CSV of reports held in memory (the web page).
pub fn summary_csv(lines: &[ReportLine]) -> String {
    let mut out = summary_csv_header();
    let mut total = SummaryTotal::default();
    for l in lines {
        summary_csv_row(&mut out, l);
        total.add(l);
    }
    summary_csv_total(&mut out, &total);
    out
}

/// The 汇总 CSV's header (with the BOM): file, issuer, year, then every cell of `template`.
pub fn tables_csv_header(template: Template) -> String {
    let mut out = String::from(BOM);
    let mut fields = vec!["文件".to_string(), "发文机关".into(), "年度".into()];
    fields.extend(columns(template).into_iter().map(|c| c.label));
    csv_line(&mut out, &fields);
    out
}

/// One report's row of the 汇总 CSV (cells not read are empty).
pub fn tables_csv_row(out: &mut String, file: &str, row: &TableRow) {
    let mut fields = vec![
        file.to_string(),
        row.issuer.clone().unwrap_or_default(),
        year_str(row.year),
    ];
    fields.extend(
        row.values
            .iter()
            .map(|v| v.map(fmt_num).unwrap_or_default()),
    );
    csv_line(out, &fields);
}

/// The total row of the 汇总 CSV.
pub fn tables_csv_total(out: &mut String, totals: &Totals) {
    let mut fields = vec![
        format!("合计（{}份报告）", totals.reports),
        String::new(),
        String::new(),
    ];
    fields.extend(totals.sums.iter().map(|v| fmt_num(*v)));
    csv_line(out, &fields);
}

/// A place a batch finding points to besides its own; `file` when in another file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelatedFinding {
    pub file: Option<String>,
    pub message: String,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
}

impl RelatedFinding {
    /// The related places of one report's own diagnostic (all in its file).
    pub fn of(d: &DiagnosticOut) -> Vec<RelatedFinding> {
        d.related
            .iter()
            .map(|r| RelatedFinding {
                file: None,
                message: r.message.clone(),
                line: r.line,
                column: r.column,
                start: r.start,
                end: r.end,
            })
            .collect()
    }
}

/// A SARIF result with its related places (SARIF 2.1.0 §3.27.22).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchResult {
    #[serde(flatten)]
    pub result: SarifResult,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_locations: Vec<RelatedLocation>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RelatedLocation {
    pub id: usize,
    pub physical_location: Physical,
    pub message: Text,
}

/// One finding of `file` as a SARIF result; `related` become `relatedLocations`. File paths
/// become relative URI references ([`uri_of`]).
pub fn batch_result(file: &str, f: &Finding, related: &[RelatedFinding]) -> BatchResult {
    let uri = uri_of(file);
    let related_locations = related
        .iter()
        .enumerate()
        .map(|(id, r)| RelatedLocation {
            id,
            physical_location: Physical {
                artifact_location: Artifact {
                    uri: r.file.as_deref().map_or_else(|| uri.clone(), uri_of),
                },
                region: Region {
                    start_line: r.line,
                    start_column: r.column,
                    char_offset: r.start,
                    char_length: r.end.saturating_sub(r.start),
                },
            },
            message: Text {
                text: r.message.clone(),
            },
        })
        .collect();
    BatchResult {
        result: sarif_result(&uri, f),
        related_locations,
    }
}

/// A file path as a relative URI reference: `/` separators, everything but unreserved ASCII
/// percent-encoded (Chinese file names, spaces).
pub fn uri_of(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn summary_and_tables_csv_start_with_the_bom_and_end_with_totals() {
        let lines = [
            ReportLine {
                file: "a.txt".into(),
                issuer: Some("某局".into()),
                year: Some(2023),
                template: Some("2021"),
                errors: 1,
                warnings: 2,
                infos: 0,
                across: 1,
                partial: true,
            },
            ReportLine {
                file: "b,c.txt".into(),
                ..ReportLine::default()
            },
        ];
        let csv = summary_csv(&lines);
        assert!(csv.starts_with("\u{feff}文件,发文机关,年度,模板,错误"));
        assert!(csv.contains("a.txt,某局,2023,2021,1,2,0,1,是\r\n"), "{csv}");
        assert!(csv.contains("\"b,c.txt\",,,,0,0,0,0,否\r\n"), "{csv}");
        assert!(csv.ends_with("合计（2份报告）,,,,1,2,0,1,1份\r\n"), "{csv}");
        let header = tables_csv_header(Template::T2021);
        assert!(header.starts_with("\u{feff}文件,发文机关,年度,表二·规章·本年制发件数,"));
        assert_eq!(uri_of("a/b c.txt"), "a/b%20c.txt");
        assert_eq!(uri_of("a\\去年.txt"), "a/%E5%8E%BB%E5%B9%B4.txt");
    }

    #[test]
    fn batch_sarif_is_one_run_with_related_locations() {
        let f = Finding {
            code: "Y03".into(),
            severity: "warning".into(),
            title: String::new(),
            message: "相同".into(),
            line: 2,
            column: 3,
            start: 10,
            end: 11,
        };
        let related = [RelatedFinding {
            file: Some("去年 报告.txt".into()),
            message: "上年".into(),
            line: 1,
            column: 1,
            start: 0,
            end: 4,
        }];
        let res = serde_json::to_value(batch_result("今年.txt", &f, &related)).unwrap();
        assert_eq!(res["ruleId"], "Y03");
        assert_eq!(
            res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "%E4%BB%8A%E5%B9%B4.txt"
        );
        let rel = &res["relatedLocations"][0];
        assert_eq!(
            rel["physicalLocation"]["artifactLocation"]["uri"],
            "%E5%8E%BB%E5%B9%B4%20%E6%8A%A5%E5%91%8A.txt"
        );
        assert_eq!(rel["physicalLocation"]["region"]["charLength"], 4);
        assert_eq!(rel["message"]["text"], "上年");
    }
}
