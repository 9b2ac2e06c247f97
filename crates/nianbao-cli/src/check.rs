//! `nianbao check` and `nianbao compare`: every report checked (in parallel, printed in path
//! order as it is done), then the checks across reports (Y01–Y04, R01) on the summaries kept
//! of each, reading again only the few texts a finding needs.

use std::collections::HashMap;

use nianbao_core::across::exports::{
    batch_result, findings_csv_header, findings_csv_rows, summary_csv_header, summary_csv_row,
    summary_csv_total, RelatedFinding, ReportLine, SummaryTotal,
};
use nianbao_core::across::{plan, sort, AcrossFinding, Pairing, ReportSummary};
use nianbao_core::export::Finding;
use nianbao_core::output::{self, Offsets, Summary};
use nianbao_core::{check_with, Code, LineIndex, Options, Severity};

use crate::args::Format;
use crate::inputs::{read_text, Input, Item, Problem};
use crate::output::Out;
use crate::render_json::{self, Unreadable};
use crate::render_text::{self, Style};

/// What is kept of one checked report.
struct Checked {
    path: String,
    /// The rendered findings of the report in the chosen format.
    block: String,
    summary: ReportSummary,
    line: ReportLine,
    /// Standard input cannot be read twice: its text is kept.
    stdin_text: Option<String>,
    /// Neither sections nor tables of a report were found: the core checked nothing.
    not_a_report: bool,
}

pub struct Run<'a> {
    pub items: &'a [Item],
    pub format: Format,
    pub options: Options,
    pub pairing: Pairing,
    pub progress: bool,
    pub style: Style,
}

/// Checks every input and writes the result to `out`. Exit code: 2 if anything could not be
/// read, else 1 if any error, else 0.
pub fn run(r: &Run, out: &mut Out) -> u8 {
    let mut total = Summary::default();
    let mut unreadable: Vec<Unreadable> = Vec::new();
    // Per checked report, in input order (small: no texts).
    let mut kept: Vec<(usize, Checked)> = Vec::new();
    let mut lines: Vec<ReportLine> = Vec::new();
    let mut first = true;
    out.write(&header(r.format));
    crate::pipeline::run(
        r.items,
        r.progress,
        |_, input| check_one(input, r),
        |i, result| match result {
            Ok(mut c) => {
                total.errors += c.line.errors;
                total.warnings += c.line.warnings;
                total.infos += c.line.infos;
                if c.not_a_report {
                    // A file of the folder that is not an annual report: zero findings would
                    // read as a clean report.
                    eprintln!(
                        "note: {}: 未识别为年度报告（没有找到年报的章节或表格），未作检查 \
                         / not recognised as an annual report (no sections or tables of one): nothing checked",
                        c.path
                    );
                }
                let block = std::mem::take(&mut c.block);
                write_block(out, r.format, &block, &mut first);
                kept.push((i, c));
            }
            Err(p) => {
                eprintln!("error: {}: {}", p.path, p.message);
                unreadable.push(Unreadable {
                    path: p.path,
                    message: p.message,
                });
            }
        },
    );
    let files = Files::new(r.items, &kept);
    let mut across = across(r, &files);
    sort(&mut across);
    let mut across_counts: HashMap<usize, usize> = HashMap::new();
    // A finding across reports counts on every report it names (a copy and its original).
    for f in &across {
        for k in f.files() {
            *across_counts.entry(k).or_default() += 1;
        }
    }
    match r.format {
        Format::Text => {
            if !across.is_empty() {
                let mut s = String::new();
                s.push_str(
                    &r.style
                        .heading_line("跨报告的问题（Y01–Y04、R01）/ Findings across reports"),
                );
                for f in &across {
                    files.text_block(&mut s, f, r.style);
                }
                out.write(&s);
            }
        }
        Format::Json => {
            out.write("\n  ]");
            if !across.is_empty() {
                let items: Vec<String> = across
                    .iter()
                    .map(|f| indent(&pretty(&files.json(f)), "    "))
                    .collect();
                out.write(&format!(",\n  \"across\": [\n{}\n  ]", items.join(",\n")));
            }
            if !unreadable.is_empty() {
                out.write(&format!(
                    ",\n  \"unreadable\": {}",
                    indent(&pretty(&unreadable), "  ").trim_start()
                ));
            }
            out.write("\n}\n");
        }
        Format::Sarif => {
            for f in &across {
                let (finding, related) = files.finding(f);
                let res = batch_result(&files.path(f.file), &finding, &related);
                write_block(out, r.format, &compact(&res), &mut first);
            }
            out.write(&sarif_envelope().1);
            out.write("\n");
        }
        Format::Csv => {
            let mut s = String::new();
            for f in &across {
                let (finding, _) = files.finding(f);
                let summary = files.summary(f.file);
                findings_csv_rows(
                    &mut s,
                    &files.path(f.file),
                    summary.and_then(|s| s.issuer.as_deref()),
                    summary.and_then(|s| s.year),
                    &[finding],
                );
            }
            out.write(&s);
        }
        Format::Summary => {}
    }
    for (k, (_, c)) in kept.iter().enumerate() {
        let mut line = c.line.clone();
        line.across = across_counts.get(&k).copied().unwrap_or(0);
        lines.push(line);
    }
    if r.format == Format::Summary {
        let mut s = String::new();
        let mut t = SummaryTotal::default();
        for l in &lines {
            summary_csv_row(&mut s, l);
            t.add(l);
        }
        summary_csv_total(&mut s, &t);
        out.write(&s);
    }
    if kept.is_empty() && unreadable.is_empty() {
        eprintln!(
            "nianbao: 没有找到 .txt、.html、.htm 或 .docx 文件（no .txt, .html, .htm or .docx file found）"
        );
    }
    let summary_text = render_text::summary(kept.len(), unreadable.len(), total, r.style);
    let across_line = if across.is_empty() {
        String::new()
    } else {
        format!(
            "跨报告的问题 {} 个 / {} across reports\n",
            across.len(),
            across.len()
        )
    };
    if r.format == Format::Text {
        out.write(&summary_text);
        out.write(&across_line);
    } else if out.is_file() {
        // The file holds the data; the terminal gets the totals.
        eprint!("{summary_text}{across_line}");
    }
    if !unreadable.is_empty() {
        2
    } else if total.errors > 0 {
        1
    } else {
        0
    }
}

/// Reads and checks one input (on a worker thread).
fn check_one(input: &Input, r: &Run) -> Result<Checked, Problem> {
    let (text, encoding) = read_text(input)?;
    let path = input.display();
    let checked = check_with(&text, &r.options);
    let summary = ReportSummary::of(&text, &checked);
    let counts = output::summary(&checked);
    let report = &checked.report;
    let t = &report.tables;
    let line = ReportLine {
        file: path.clone(),
        issuer: summary.issuer.clone(),
        year: summary.year,
        template: report.template.map(|t| t.as_str()),
        errors: counts.errors,
        warnings: counts.warnings,
        infos: counts.infos,
        across: 0,
        partial: checked.diagnostics.iter().any(|d| d.code == Code::S07),
    };
    let block = match r.format {
        Format::Text => {
            let mut s = String::new();
            render_text::file(&mut s, &path, &text, &checked, r.style);
            s
        }
        Format::Json => indent(
            &pretty(&render_json::FileOut {
                path: path.clone(),
                encoding,
                output: output::build(&text, &checked, Offsets::Chars),
            }),
            "    ",
        ),
        Format::Sarif => {
            let o = output::build(&text, &checked, Offsets::Chars);
            let results: Vec<String> = o
                .diagnostics
                .iter()
                .map(|d| {
                    compact(&batch_result(
                        &path,
                        &Finding::from(d),
                        &RelatedFinding::of(d),
                    ))
                })
                .collect();
            results.join(",\n")
        }
        Format::Csv => {
            let o = output::build(&text, &checked, Offsets::Chars);
            let findings: Vec<Finding> = o.diagnostics.iter().map(Finding::from).collect();
            let mut s = String::new();
            findings_csv_rows(
                &mut s,
                &path,
                summary.issuer.as_deref(),
                summary.year,
                &findings,
            );
            s
        }
        Format::Summary => String::new(),
    };
    Ok(Checked {
        path,
        block,
        summary,
        line,
        stdin_text: matches!(input, Input::Stdin).then_some(text),
        not_a_report: report.sections.is_empty()
            && [&t.active, &t.requests, &t.reviews]
                .iter()
                .all(|t| t.is_none()),
    })
}

fn header(format: Format) -> String {
    match format {
        Format::Text => String::new(),
        Format::Json => "{\n  \"files\": [".to_string(),
        Format::Sarif => sarif_envelope().0,
        Format::Csv => findings_csv_header(),
        Format::Summary => summary_csv_header(),
    }
}

/// Writes one report's block; JSON and SARIF items are comma-separated.
fn write_block(out: &mut Out, format: Format, block: &str, first: &mut bool) {
    if block.is_empty() {
        return;
    }
    match format {
        Format::Json | Format::Sarif => {
            out.write(if *first { "\n" } else { ",\n" });
            out.write(block);
        }
        _ => out.write(block),
    }
    out.flush();
    *first = false;
}

/// The SARIF log around its results: one run, every rule of the registry.
fn sarif_envelope() -> (String, String) {
    let empty = compact(&nianbao_core::export::sarif("", &[], Offsets::Chars));
    const RESULTS: &str = "\"results\":[";
    match empty.find(RESULTS) {
        Some(i) => {
            let (head, tail) = empty.split_at(i + RESULTS.len());
            (head.to_string(), tail.to_string())
        }
        None => (empty, String::new()),
    }
}

fn pretty<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

fn compact<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Indents every line (JSON strings hold no raw line breaks, so this is safe).
fn indent(s: &str, by: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(by);
        out.push_str(line);
    }
    out
}

/// The checks across the batch: the rules on summaries, then the few text pairs compared.
fn across(r: &Run, files: &Files) -> Vec<AcrossFinding> {
    if files.kept.len() < 2 {
        return Vec::new();
    }
    let summaries: Vec<ReportSummary> = files.kept.iter().map(|(_, c)| c.summary.clone()).collect();
    let plan = plan(&summaries, r.pairing, &r.options);
    let mut out = plan.findings;
    for pair in &plan.text_pairs {
        let (a, b) = (files.text(pair.first), files.text(pair.second));
        out.extend(pair.judge(&summaries, &a, &b));
        // Texts of pairs are not kept beyond their comparison unless a finding needs them.
        files.forget(pair.first);
        files.forget(pair.second);
    }
    out
}

/// The texts of the reports that across findings point into, read again on demand.
struct Files<'a> {
    items: &'a [Item],
    kept: &'a [(usize, Checked)],
    texts: std::cell::RefCell<HashMap<usize, std::rc::Rc<String>>>,
}

impl<'a> Files<'a> {
    fn new(items: &'a [Item], kept: &'a [(usize, Checked)]) -> Self {
        Files {
            items,
            kept,
            texts: Default::default(),
        }
    }

    fn forget(&self, k: usize) {
        self.texts.borrow_mut().remove(&k);
    }

    fn path(&self, k: usize) -> String {
        self.kept
            .get(k)
            .map(|(_, c)| c.path.clone())
            .unwrap_or_default()
    }

    fn summary(&self, k: usize) -> Option<&ReportSummary> {
        self.kept.get(k).map(|(_, c)| &c.summary)
    }

    fn text(&self, k: usize) -> std::rc::Rc<String> {
        if let Some(t) = self.texts.borrow().get(&k) {
            return t.clone();
        }
        let t = self
            .kept
            .get(k)
            .and_then(|(i, c)| match &c.stdin_text {
                Some(t) => Some(t.clone()),
                None => self
                    .items
                    .get(*i)?
                    .as_ref()
                    .ok()
                    .and_then(|input| read_text(input).ok().map(|t| t.0)),
            })
            .unwrap_or_default();
        let t = std::rc::Rc::new(t);
        let mut texts = self.texts.borrow_mut();
        // Findings come file by file: a few recent texts are all that is worth keeping.
        if texts.len() >= 8 {
            texts.clear();
        }
        texts.insert(k, t.clone());
        t
    }

    /// An across finding as the exporters' finding and its related places (with their files).
    fn finding(&self, f: &AcrossFinding) -> (Finding, Vec<RelatedFinding>) {
        let own = self.text(f.file);
        let index = LineIndex::new(&own);
        let p = index.position(f.span.start);
        let finding = Finding {
            code: f.code.as_str().to_string(),
            severity: f.severity.as_str().to_string(),
            title: f.code.info().title_zh.to_string(),
            message: f.message.clone(),
            line: p.line,
            column: p.column,
            start: p.char_offset,
            end: index.position(f.span.end).char_offset,
        };
        let related = f
            .related
            .iter()
            .map(|place| {
                let text = self.text(place.file);
                let index = LineIndex::new(&text);
                let p = index.position(place.span.start);
                RelatedFinding {
                    file: (place.file != f.file).then(|| self.path(place.file)),
                    message: place.message.clone(),
                    line: p.line,
                    column: p.column,
                    start: p.char_offset,
                    end: index.position(place.span.end).char_offset,
                }
            })
            .collect();
        (finding, related)
    }

    fn json(&self, f: &AcrossFinding) -> AcrossJson {
        let (d, related) = self.finding(f);
        AcrossJson {
            path: self.path(f.file),
            code: d.code,
            severity: f.severity,
            title: f.code.info().title_zh,
            message: d.message,
            message_en: f.message_en.clone(),
            line: d.line,
            column: d.column,
            start: d.start,
            end: d.end,
            related: related
                .into_iter()
                .map(|r| RelatedJson {
                    path: r.file.unwrap_or_else(|| self.path(f.file)),
                    message: r.message,
                    line: r.line,
                    column: r.column,
                    start: r.start,
                    end: r.end,
                })
                .collect(),
        }
    }

    /// The finding drawn in its own file, with notes for the places in other files.
    fn text_block(&self, out: &mut String, f: &AcrossFinding, style: Style) {
        let Some(d) = f.diagnostic_for(f.file) else {
            return;
        };
        let text = self.text(f.file);
        let index = LineIndex::new(&text);
        let mut block = String::new();
        render_text::diagnostic(&mut block, &self.path(f.file), &text, &index, &d, style);
        let (_, related) = self.finding(f);
        let notes: Vec<String> = related
            .iter()
            .filter_map(|r| {
                let file = r.file.as_ref()?;
                Some(format!(
                    "   = note: 另见 see {file}:{}:{}: {}\n",
                    r.line, r.column, r.message
                ))
            })
            .collect();
        // The notes go before the blank line that ends the block.
        let body = block.trim_end_matches('\n');
        out.push_str(body);
        out.push('\n');
        for n in notes {
            out.push_str(&n);
        }
        out.push('\n');
    }
}

#[derive(serde::Serialize)]
struct AcrossJson {
    path: String,
    code: String,
    severity: Severity,
    title: &'static str,
    message: String,
    message_en: String,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    related: Vec<RelatedJson>,
}

#[derive(serde::Serialize)]
struct RelatedJson {
    path: String,
    message: String,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
}
