//! Whole real reports cut as real pastes are: the first part only (the paste stopped) or the
//! last part only (one PDF page, a paste that began mid-report), at every tenth of their
//! lines. Each part says once that it is a part (S07) and raises no finding the whole report
//! does not raise: no missing section, table or row beyond the cut, no sum through a row it
//! never held, no "year unknown" for a title it lost.
//!
//! Known gaps, allowed here and said in the closing note: a short row whose recovery needs the
//! column sums of rows beyond the cut stays unplaced (T05); a PDF text read column by column
//! (huaian, L10) and cut inside its values is not told from a table with blank cells (V01),
//! and begun inside its labels it is not read (T04, A03).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod gen;

use nianbao_core::{check, Severity};
use std::path::Path;

fn loud(text: &str) -> Vec<&'static str> {
    check(text)
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| d.code.as_str())
        .collect()
}

/// The codes `part` raises that `whole` does not, but S07.
fn new_codes(part: &str, whole: &[&str]) -> Vec<&'static str> {
    loud(part)
        .into_iter()
        .filter(|c| *c != "S07" && !whole.contains(c))
        .collect()
}

/// The whole reports as text (the seeds and huaian; not the HTML page).
fn whole_reports() -> impl Iterator<Item = (&'static str, &'static str)> {
    gen::REAL_REPORTS
        .iter()
        .copied()
        .filter(|(_, text)| !text.trim_start().starts_with('<'))
}

fn cuts(name: &str, text: &str) -> Vec<(String, &'static str, String)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::new();
    for tenth in 1..10 {
        let n = lines.len() * tenth / 10;
        out.push((
            format!("{name} first {tenth}0 %"),
            "stop",
            lines[..n].join("\n"),
        ));
        out.push((
            format!("{name} last {}0 %", 10 - tenth),
            "late",
            lines[n..].join("\n"),
        ));
    }
    out
}

#[test]
fn a_part_of_a_report_says_so_once_and_nothing_about_the_rest() {
    let mut failures = Vec::new();
    let mut read = 0;
    for (report, text) in whole_reports() {
        read += 1;
        let whole = loud(text);
        let pdf_columns = report == "huaian";
        for (name, mode, text) in cuts(report, text) {
            let codes = loud(&text);
            let s07 = codes.iter().filter(|c| **c == "S07").count();
            let allowed = |c: &str| {
                c == "S07"
                    || whole.contains(&c)
                    || c == "T05"
                    || (pdf_columns && c == "V01")
                    || (pdf_columns && mode == "late" && matches!(c, "T04" | "A03"))
            };
            let new: Vec<&str> = codes.iter().copied().filter(|c| !allowed(c)).collect();
            if s07 != 1 || !new.is_empty() {
                failures.push(format!("{name}: {codes:?}"));
            }
        }
    }
    assert_eq!(read, 6, "the five seeds and huaian");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The real texts are parts already; a part of a part (cut at every tenth of its characters,
/// first or last) raises nothing the real text does not, but S07.
#[test]
fn a_part_of_a_real_text_raises_nothing_new() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 16);
    let mut failures = Vec::new();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let whole = loud(&text);
        let chars: Vec<char> = text.chars().collect();
        for tenth in 1..10 {
            let n = chars.len() * tenth / 10;
            let head: String = chars[..n].iter().collect();
            let tail: String = chars[n..].iter().collect();
            for (part, name) in [(head, "first"), (tail, "last")] {
                let new = new_codes(&part, &whole);
                if !new.is_empty() {
                    failures.push(format!(
                        "{} {name} part at {tenth}0 %: {new:?}",
                        path.display()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A paste that stops at the first character of a page footer (`— 4 —`, `- 4 -`) after a full
/// row: the dash is where the text was cut, not an eighth cell of the row.
#[test]
fn a_cut_page_footer_after_a_full_row_is_no_cell() {
    let mut read = 0;
    for (report, text) in whole_reports().filter(|(r, _)| ["000", "002"].contains(r)) {
        read += 1;
        let whole = loud(text);
        let row = text.find("7.属于行政执法案卷").unwrap();
        let end = row + text[row..].find('\n').unwrap();
        for footer in ["\n— ", "\n- ", "\n—"] {
            let part = format!("{}{footer}", &text[..end]);
            let new = new_codes(&part, &whole);
            assert!(new.is_empty(), "{report} {footer:?}: {new:?}");
        }
    }
    assert_eq!(read, 2);
}
