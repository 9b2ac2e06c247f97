//! The damaged shapes real tables arrive in (issue: "Tables as text"), as fragments of our own
//! in every layout where they occur: each must read back to exactly its numbers and raise only
//! what it says (an info where the reader recovered something), never a cascade of A-codes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use nianbao_core::model::{CellKind, Table};
use nianbao_core::{check, Checked, Severity};

/// One row of a fragment: its label (possibly damaged) and its cells as written.
#[derive(Clone)]
struct R {
    /// A first part of the label alone on the line before (a label broken over lines).
    head: Option<&'static str>,
    /// A blank line between `head` and the rest.
    blank_after_head: bool,
    label: &'static str,
    cells: Vec<&'static str>,
    /// A last part of the label alone on the line after the values.
    tail: Option<&'static str>,
}

fn r(label: &'static str, cells: &[&'static str]) -> R {
    R {
        head: None,
        blank_after_head: false,
        label,
        cells: cells.to_vec(),
        tail: None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Layout {
    /// Tabs.
    T,
    /// ` | ` rows.
    L3,
    /// Markdown rows.
    L4,
    /// PDF rows: values space-separated.
    L7,
    /// One cell per line ending ` |`, a lone `|` for an empty cell.
    L1,
    /// One cell per line, blank lines between.
    L2,
    /// One cell per line, each followed by a line `|`.
    L5,
}

const ROW_LAYOUTS: [Layout; 4] = [Layout::T, Layout::L3, Layout::L4, Layout::L7];
const ALL: [Layout; 7] = [
    Layout::T,
    Layout::L3,
    Layout::L4,
    Layout::L7,
    Layout::L1,
    Layout::L2,
    Layout::L5,
];

fn render(rows: &[R], layout: Layout) -> String {
    let mut out = Vec::<String>::new();
    for row in rows {
        if let Some(h) = row.head {
            out.push(match layout {
                Layout::L1 => format!("{h} |"),
                Layout::L4 => format!("| {h} |"),
                _ => h.to_string(),
            });
            if row.blank_after_head {
                out.push(String::new());
            }
            if layout == Layout::L2 && !row.blank_after_head {
                out.push(String::new());
            }
            if layout == Layout::L5 {
                out.push("|".into());
            }
        }
        let cells = &row.cells;
        match layout {
            Layout::T => out.push(format!("{}\t{}", row.label, cells.join("\t"))),
            Layout::L3 => out.push(format!("{} | {} |", row.label, cells.join(" | "))),
            Layout::L4 => out.push(format!("| {} | {} |", row.label, cells.join(" | "))),
            Layout::L7 => out.push(format!("{} {}", row.label, cells.join(" "))),
            Layout::L1 => {
                if !row.label.is_empty() {
                    out.push(format!("{} |", row.label));
                }
                for c in cells {
                    out.push(if c.is_empty() {
                        "|".into()
                    } else {
                        format!("{c} |")
                    });
                }
            }
            Layout::L2 => {
                if !row.label.is_empty() {
                    out.push(row.label.to_string());
                    out.push(String::new());
                }
                for c in cells {
                    out.push(c.to_string());
                    out.push(String::new());
                }
            }
            Layout::L5 => {
                if !row.label.is_empty() {
                    out.push(row.label.to_string());
                    out.push("|".into());
                }
                for c in cells {
                    out.push(c.to_string());
                    out.push("|".into());
                }
            }
        }
        if let Some(t) = row.tail {
            out.push(match layout {
                Layout::L1 => format!("{t} |"),
                _ => t.to_string(),
            });
            if layout == Layout::L2 {
                out.push(String::new());
            }
        }
    }
    out.join("\n") + "\n"
}

const TITLE: &str = "测试县审计局2023年政府信息公开工作年度报告\n";

/// A 表三 of 2021 whose rows are `rows` in place of the template's, the rest all zero.
fn requests(rows: &[(&'static str, R)], layout: Layout) -> String {
    let zero = ["0"; 7];
    let mut all: Vec<R> = Vec::new();
    for def in nianbao_core::template::rows(
        nianbao_core::template::TableKind::Requests,
        nianbao_core::model::Template::T2021,
    ) {
        match rows.iter().find(|(k, _)| *k == def.key) {
            Some((_, row)) => all.push(row.clone()),
            None => all.push(r(def.label, &zero)),
        }
    }
    format!(
        "{TITLE}三、收到和处理政府信息公开申请情况\n{}\n四、政府信息公开行政复议、行政诉讼情况\n无。\n",
        render(&all, layout)
    )
}

fn requests_table(c: &Checked) -> &Table {
    c.report.tables.requests.as_ref().expect("表三 read")
}

fn values(t: &Table, key: &str) -> Vec<Option<f64>> {
    t.row(key)
        .map(|r| r.cells.iter().map(|c| c.value).collect())
        .unwrap_or_default()
}

/// Table findings at warning or error level (T, V, A codes; a fragment holds one table, so
/// the others are not found: T01).
fn loud(c: &Checked) -> Vec<String> {
    c.diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info && d.code.as_str() != "T01")
        .filter(|d| matches!(&d.code.as_str()[..1], "T" | "V" | "A"))
        .map(|d| format!("{} {}", d.code.as_str(), d.message))
        .collect()
}

fn codes(c: &Checked) -> Vec<&'static str> {
    c.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn n(v: &[f64]) -> Vec<Option<f64>> {
    v.iter().map(|x| Some(*x)).collect()
}

/// A consistent 表三: received 3 = granted 1 + denied_prohibited 1 + rejected_publication 1.
fn consistent_rows() -> Vec<(&'static str, R)> {
    vec![
        (
            "received",
            r(
                "一、本年新收政府信息公开申请数量",
                &["3", "0", "0", "0", "0", "0", "3"],
            ),
        ),
        (
            "granted",
            r("（一）予以公开", &["1", "0", "0", "0", "0", "0", "1"]),
        ),
        (
            "denied_prohibited",
            r(
                "2.其他法律行政法规禁止公开",
                &["1", "0", "0", "0", "0", "0", "1"],
            ),
        ),
        (
            "rejected_publication",
            r("3.要求提供公开出版物", &["1", "0", "0", "0", "0", "0", "1"]),
        ),
        (
            "results_total",
            r("（七）总计", &["3", "0", "0", "0", "0", "0", "3"]),
        ),
    ]
}

fn with(key: &'static str, row: R) -> Vec<(&'static str, R)> {
    let mut rows = consistent_rows();
    if let Some(slot) = rows.iter_mut().find(|(k, _)| *k == key) {
        slot.1 = row;
    } else {
        rows.push((key, row));
    }
    rows
}

fn assert_consistent_read(text: &str, layout: Layout) -> Checked {
    let c = check(text);
    let t = requests_table(&c);
    for (key, want) in [
        ("received", [3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0]),
        ("granted", [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]),
        ("denied_prohibited", [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]),
        ("rejected_publication", [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]),
        ("results_total", [3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0]),
    ] {
        assert_eq!(values(t, key), n(&want), "{layout:?} {key}\n{text}");
    }
    assert!(
        t.missing_rows.is_empty(),
        "{layout:?}: {:?}",
        t.missing_rows
    );
    assert!(loud(&c).is_empty(), "{layout:?}: {:?}\n{text}", loud(&c));
    assert!(!codes(&c).contains(&"T06"), "{layout:?}: {:?}", codes(&c));
    c
}

#[test]
fn the_unbroken_fragment_reads_in_every_layout() {
    for layout in ALL {
        assert_consistent_read(&requests(&consistent_rows(), layout), layout);
    }
}

#[test]
fn a_label_broken_mid_word_with_the_values_after_its_second_half() {
    for layout in ALL {
        let mut row = r("开", &["1", "0", "0", "0", "0", "0", "1"]);
        row.head = Some("2.其他法律行政法规禁止公");
        assert_consistent_read(&requests(&with("denied_prohibited", row), layout), layout);
    }
}

#[test]
fn a_label_whose_last_character_follows_the_values() {
    for layout in ALL {
        let mut row = r("3.要求提供公开出版", &["1", "0", "0", "0", "0", "0", "1"]);
        row.tail = Some("物");
        assert_consistent_read(
            &requests(&with("rejected_publication", row), layout),
            layout,
        );
    }
}

#[test]
fn a_label_broken_by_a_blank_line() {
    for layout in ALL {
        let mut row = r(
            "正、行政机关不再处理其政府信",
            &["1", "0", "0", "0", "0", "0", "1"],
        );
        row.head = Some("1、申请人无正当理由逾期不补");
        row.blank_after_head = true;
        let mut rows = consistent_rows();
        rows.retain(|(k, _)| *k != "rejected_publication");
        rows.push(("other_no_correction", row));
        let c = check(&requests(&rows, layout));
        let t = requests_table(&c);
        assert_eq!(
            values(t, "other_no_correction"),
            n(&[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]),
            "{layout:?}"
        );
        assert!(loud(&c).is_empty(), "{layout:?}: {:?}", loud(&c));
        assert!(!codes(&c).contains(&"T06"), "{layout:?}");
    }
}

#[test]
fn a_label_whose_start_was_lost_is_the_next_row_that_has_it() {
    for layout in ROW_LAYOUTS {
        let mut rows = consistent_rows();
        rows.retain(|(k, _)| *k != "rejected_publication");
        rows.push((
            "other_unpaid_fee",
            r(
                "行政机关不再处理其政府信息公",
                &["1", "0", "0", "0", "0", "0", "1"],
            ),
        ));
        let c = check(&requests(&rows, layout));
        let t = requests_table(&c);
        assert_eq!(
            values(t, "other_unpaid_fee"),
            n(&[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]),
            "{layout:?}"
        );
        assert_eq!(
            values(t, "other_no_correction"),
            n(&[0.0; 7]),
            "{layout:?}: the row before keeps its own values"
        );
        assert!(loud(&c).is_empty(), "{layout:?}: {:?}", loud(&c));
    }
}

#[test]
fn a_typo_in_the_fixed_text_is_read_and_said() {
    for layout in ALL {
        let row = r("2.其他法律行政止公开", &["1", "0", "0", "0", "0", "0", "1"]);
        let c = assert_consistent_read(&requests(&with("denied_prohibited", row), layout), layout);
        assert!(codes(&c).contains(&"T08"), "{layout:?}: {:?}", codes(&c));
    }
}

#[test]
fn a_row_whose_label_was_lost_is_placed_between_its_neighbours() {
    for layout in ALL {
        let row = r("", &["1", "0", "0", "0", "0", "0", "1"]);
        assert_consistent_read(&requests(&with("denied_prohibited", row), layout), layout);
    }
}

#[test]
fn a_nameless_row_that_fits_nowhere_is_said_not_given_to_a_neighbour() {
    for layout in ROW_LAYOUTS {
        // Eight values under no label between 予以公开 and 部分公开: no row takes eight.
        let mut rows = consistent_rows();
        rows.push((
            "partly_granted",
            r("（二）部分公开", &["0", "0", "0", "0", "0", "0", "0"]),
        ));
        let mut text = requests(&rows, layout);
        let stray = match layout {
            Layout::T => "\t5\t5\t5\t5\t5\t5\t5\t5",
            Layout::L3 => " | 5 | 5 | 5 | 5 | 5 | 5 | 5 | 5 |",
            Layout::L4 => "| | 5 | 5 | 5 | 5 | 5 | 5 | 5 | 5 |",
            _ => "5 5 5 5 5 5 5 5",
        };
        let at = text.find("（二）部分公开").unwrap();
        text.insert_str(at, &format!("{stray}\n"));
        let c = check(&text);
        let t = requests_table(&c);
        assert_eq!(
            values(t, "granted"),
            n(&[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]),
            "{layout:?}"
        );
        assert_eq!(values(t, "partly_granted"), n(&[0.0; 7]), "{layout:?}");
        assert_eq!(
            c.diagnostics
                .iter()
                .filter(|d| d.code.as_str() == "T05")
                .count(),
            1,
            "{layout:?}: {:?}",
            codes(&c)
        );
        assert!(!codes(&c).iter().any(|c| c.starts_with('A')), "{layout:?}");
    }
}

#[test]
fn cells_run_together_in_several_runs() {
    for layout in [Layout::T, Layout::L3, Layout::L7] {
        let rows = with(
            "received",
            r(
                "一、本年新收政府信息公开申请数量",
                &["2", "00", "00", "1", "3"],
            ),
        );
        let text = requests(&rows, layout);
        let c = check(&text);
        let t = requests_table(&c);
        assert_eq!(
            values(t, "received"),
            n(&[2.0, 0.0, 0.0, 0.0, 0.0, 1.0, 3.0]),
            "{layout:?}\n{text}"
        );
        assert!(codes(&c).contains(&"T07"), "{layout:?}");
    }
}

#[test]
fn a_text_cell_takes_no_part_in_the_sums() {
    for layout in ROW_LAYOUTS {
        for word in ["约10", "若干", "见附件", "10余"] {
            let rows = with(
                "granted",
                r("（一）予以公开", &["1", "0", "0", "0", "0", "0", word]),
            );
            let c = check(&requests(&rows, layout));
            let v03: Vec<&nianbao_core::Diagnostic> = c
                .diagnostics
                .iter()
                .filter(|d| d.code.as_str() == "V03")
                .collect();
            assert_eq!(v03.len(), 1, "{layout:?} {word}: {:?}", codes(&c));
            assert!(
                v03[0].message.contains("A02") || v03[0].message.contains("行合计"),
                "{}",
                v03[0].message
            );
            assert!(
                !codes(&c).iter().any(|c| c.starts_with('A')),
                "{layout:?} {word}: {:?}",
                loud(&c)
            );
            let t = requests_table(&c);
            let cell = t.cell("granted", "total").unwrap();
            assert!(
                matches!(cell.kind, CellKind::Text | CellKind::Qualified),
                "{layout:?} {word}: {cell:?}"
            );
        }
    }
}

#[test]
fn a_short_row_of_table_two_is_not_filled_from_the_left() {
    for layout in [Layout::T, Layout::L3, Layout::L4] {
        let rows = [
            r("规章", &["22", "235"]),
            r("行政规范性文件", &["1", "0", "5"]),
        ];
        let text = format!(
            "{TITLE}二、主动公开政府信息情况\n{}三、收到和处理政府信息公开申请情况\n",
            render(&rows, layout)
        );
        let c = check(&text);
        let t = c.report.tables.active.as_ref().unwrap();
        let reg = t.row("regulations").unwrap();
        assert!(
            reg.cells
                .iter()
                .all(|c| c.value.is_none() && c.kind == CellKind::Unplaced),
            "{layout:?}: {:?}",
            reg.cells
        );
        assert_eq!(values(t, "normative_documents"), n(&[1.0, 0.0, 5.0]));
        assert_eq!(
            c.diagnostics
                .iter()
                .filter(|d| d.code.as_str() == "T05")
                .count(),
            1,
            "{layout:?}"
        );
    }
}

#[test]
fn table_four_as_three_tables_of_five() {
    let blocks = [
        ("行政复议", ["1", "0", "0", "1", "2"]),
        ("行政诉讼（未经复议直接起诉）", ["0", "1", "0", "0", "1"]),
        ("行政诉讼（复议后起诉）", ["0", "0", "2", "0", "2"]),
    ];
    for layout in [Layout::T, Layout::L3, Layout::L4, Layout::L7] {
        let mut body = String::new();
        for (head, vals) in &blocks {
            let sep = match layout {
                Layout::T => "\t",
                Layout::L7 => " ",
                _ => " | ",
            };
            let (open, close) = match layout {
                Layout::L4 => ("| ", " |"),
                Layout::L3 => ("", " |"),
                _ => ("", ""),
            };
            body.push_str(&format!("{head}\n"));
            body.push_str(&format!(
                "{open}{}{close}\n",
                ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].join(sep)
            ));
            body.push_str(&format!("{open}{}{close}\n", vals.join(sep)));
        }
        let text = format!("{TITLE}四、政府信息公开行政复议、行政诉讼情况\n{body}五、存在的主要问题及改进情况\n无。\n");
        let c = check(&text);
        let t = c.report.tables.reviews.as_ref().unwrap();
        for (i, def) in [
            "reconsideration",
            "litigation_direct",
            "litigation_after_reconsideration",
        ]
        .iter()
        .enumerate()
        {
            let want: Vec<f64> = blocks[i].1.iter().map(|v| v.parse().unwrap()).collect();
            assert_eq!(values(t, def), n(&want), "{layout:?} {def}\n{text}");
        }
        assert!(loud(&c).is_empty(), "{layout:?}: {:?}", loud(&c));
    }
}

#[test]
fn empty_cells_shown_only_by_blank_lines() {
    // L2 where an empty cell is one more blank line: received 3 = 1 + (empty) + … + 2.
    let text = format!(
        "{TITLE}三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n\n1\n\n\n\n0\n\n0\n\n0\n\n2\n\n3\n\n二、上年结转政府信息公开申请数量\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n"
    );
    let c = check(&text);
    let t = requests_table(&c);
    let got = values(t, "received");
    assert_eq!(
        got,
        vec![
            Some(1.0),
            None,
            Some(0.0),
            Some(0.0),
            Some(0.0),
            Some(2.0),
            Some(3.0)
        ],
        "{:?}",
        codes(&c)
    );
    assert_eq!(
        t.cell("received", "commercial").map(|c| c.kind),
        Some(CellKind::Empty)
    );
}

#[test]
fn blank_lines_that_leave_two_readings_are_not_guessed() {
    // Two gaps, one empty cell, and the row total holds either way: T05, nothing placed.
    let text = format!(
        "{TITLE}三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n\n1\n\n\n\n2\n\n0\n\n\n\n0\n\n0\n\n3\n\n二、上年结转政府信息公开申请数量\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n"
    );
    let c = check(&text);
    let t = requests_table(&c);
    assert!(
        t.row("received")
            .unwrap()
            .cells
            .iter()
            .all(|c| c.value.is_none()),
        "{:?}",
        values(t, "received")
    );
    assert!(codes(&c).contains(&"T05"), "{:?}", codes(&c));
}
