//! The batch commands as an office runs them: a folder of reports (two seeds, a seed renamed as
//! another body's, a third seed) in every format, `compare`, `tables`, completions. Golden files
//! in tests/golden/ hold the expected output (`UPDATE_GOLDEN=1 cargo test -p nianbao-cli --test
//! batch` rewrites them after a deliberate change); SARIF is validated against the SARIF 2.1.0
//! schema (tests/data/).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BOM: &str = "\u{feff}";

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn seed(prefix: &str) -> String {
    let dir = shared().join("seeds");
    let entry = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix} in {}", dir.display()));
    std::fs::read_to_string(entry.path()).unwrap()
}

/// A fresh folder with `data/` holding the batch, and `next.txt`: seed 000 as its body's report
/// of the following year.
fn scenario(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("nianbao-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("data")).unwrap();
    let s000 = seed("000");
    std::fs::write(root.join("data/000.txt"), &s000).unwrap();
    std::fs::write(
        root.join("data/000-copy.txt"),
        s000.replace("沁园街道办事处", "青山街道办事处")
            .replace("沁园街道", "青山街道")
            .replace("沁园", "青山"),
    )
    .unwrap();
    std::fs::write(root.join("data/001.txt"), seed("001")).unwrap();
    std::fs::write(root.join("data/002.txt"), seed("002")).unwrap();
    std::fs::write(
        root.join("next.txt"),
        s000.replace("2020", "2021").replace("2019", "2020"),
    )
    .unwrap();
    root
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Compares with tests/golden/NAME, or rewrites it with UPDATE_GOLDEN set.
fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the golden file at line {}:\nexpected: {:?}\nactual:   {:?}\n(UPDATE_GOLDEN=1 rewrites it)",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

#[test]
fn text_output_lists_each_file_in_path_order_then_the_findings_across() {
    let dir = scenario("text");
    let o = run_in(&dir, &["check", "data"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    golden("check.txt", &out);
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} not in\n{out}"));
    assert!(at("--> data/000-copy.txt") < at("--> data/000.txt:"));
    assert!(at("--> data/001.txt") < at("--> data/002.txt"));
    assert!(at("warning[Y04]") > at("--> data/002.txt"));
    assert!(out.contains("= note: 另见 see data/000-copy.txt:"), "{out}");
    // No progress bar when stdout is not a terminal.
    assert!(!stderr(&o).contains("reports"), "{}", stderr(&o));
}

#[test]
fn json_holds_every_file_and_the_findings_across() {
    let dir = scenario("json");
    let o = run_in(&dir, &["check", "data", "--format", "json"]);
    let out = stdout(&o);
    let v: Value = serde_json::from_str(&out).unwrap();
    // The golden file keeps what the batch adds (each file's codes, the findings across); the
    // shape of one file's entry is tests/cli.rs's.
    let brief: Vec<Value> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let codes: Vec<&Value> = f["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| &d["code"])
                .collect();
            serde_json::json!({ "path": f["path"], "codes": codes, "summary": f["summary"] })
        })
        .collect();
    golden(
        "check.json",
        &serde_json::to_string_pretty(
            &serde_json::json!({ "files": brief, "across": v["across"] }),
        )
        .unwrap(),
    );
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "data/000-copy.txt",
            "data/000.txt",
            "data/001.txt",
            "data/002.txt"
        ]
    );
    let across = v["across"].as_array().unwrap();
    assert_eq!(across.len(), 1);
    assert_eq!(across[0]["code"], "Y04");
    assert_eq!(across[0]["path"], "data/000.txt");
    assert!(across[0]["related"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["path"] == "data/000-copy.txt"));
    assert!(v.get("unreadable").is_none());
}

#[test]
fn sarif_is_one_valid_run_with_related_locations() {
    let dir = scenario("sarif");
    let o = run_in(
        &dir,
        &[
            "check",
            "data",
            "--format",
            "sarif",
            "--output",
            "out.sarif",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "--output: nothing on stdout");
    // The totals go to the terminal.
    assert!(stderr(&o).contains("4 files: "), "{}", stderr(&o));
    let out = std::fs::read_to_string(dir.join("out.sarif")).unwrap();
    let v: Value = serde_json::from_str(&out).unwrap();
    // The golden file holds the results (the rules are the registry's, checked below).
    golden(
        "check.sarif",
        &serde_json::to_string_pretty(&v["runs"][0]["results"]).unwrap(),
    );
    // The schema's `language` pattern ends in a bare `]` (`…{2}]?$`), which ECMA-262 reads as a
    // literal and the Rust regex engine refuses: escaped here, same meaning.
    let schema_text = include_str!("data/sarif-2.1.0-rtm.5.json").replace("{2}]?$", "{2}\\\\]?$");
    let schema: Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator does look: a log with a wrong level in a result is refused.
    let mut bad = v.clone();
    bad["runs"][0]["results"][0]["level"] = Value::from("severe");
    assert!(!validator.is_valid(&bad));
    let runs = v["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0]["columnKind"], "unicodeCodePoints");
    let results = runs[0]["results"].as_array().unwrap();
    let y04 = results.iter().find(|r| r["ruleId"] == "Y04").unwrap();
    let related = y04["relatedLocations"].as_array().unwrap();
    assert!(related
        .iter()
        .any(|r| { r["physicalLocation"]["artifactLocation"]["uri"] == "data/000-copy.txt" }));
    // Every result names a rule of the run by its index.
    let rules = runs[0]["tool"]["driver"]["rules"].as_array().unwrap();
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
    }
}

#[test]
fn csv_and_summary_start_with_the_bom_and_total_the_batch() {
    let dir = scenario("csv");
    let csv = stdout(&run_in(&dir, &["check", "data", "--format", "csv"]));
    golden("check.csv", &csv);
    assert!(csv.starts_with(&format!(
        "{BOM}文件,发文机关,年度,代码,级别,行,列,问题,说明\r\n"
    )));
    assert!(
        csv.contains("data/000.txt,沁园街道办事处,2020,Y04,警告,"),
        "{csv}"
    );
    let summary = stdout(&run_in(&dir, &["check", "data", "--format", "summary"]));
    golden("check.summary.csv", &summary);
    assert!(summary.starts_with(BOM));
    let rows: Vec<&str> = summary.trim_end().split("\r\n").collect();
    assert_eq!(rows.len(), 6, "{summary}");
    // The copy and its original both count the Y04.
    assert!(rows[1].starts_with("data/000-copy.txt,青山街道办事处,2020,2019,"));
    assert!(
        rows[1].ends_with(",1,否") && rows[2].ends_with(",1,否"),
        "{summary}"
    );
    assert!(rows[5].starts_with("合计（4份报告）"), "{summary}");
}

#[test]
fn compare_pairs_last_year_with_this_year() {
    let dir = scenario("compare");
    let o = run_in(
        &dir,
        &["compare", "data/000.txt", "next.txt", "--format", "json"],
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let codes: Vec<&str> = v["across"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"Y03"), "{codes:?}");
    let text = stdout(&run_in(&dir, &["compare", "data/000.txt", "next.txt"]));
    golden("compare.txt", &text);
    assert!(
        text.contains("warning[Y03]: 去掉数字和日期后，本报告的文字有100%"),
        "{text}"
    );
    // Two unrelated reports compared: nothing across.
    let o = run_in(
        &dir,
        &[
            "compare",
            "data/001.txt",
            "data/002.txt",
            "--format",
            "json",
        ],
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v.get("across").is_none(), "{v}");
}

#[test]
fn tables_sum_the_reports_of_one_template() {
    let dir = scenario("tables");
    let o = run_in(&dir, &["tables", "data", "next.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let csv = stdout(&o);
    golden("tables.csv", &csv);
    assert!(csv.starts_with(&format!("{BOM}文件,发文机关,年度,表二·规章·本年制发件数,")));
    // 001 and 002 use the 2021 template; the three 2019 reports are listed, not summed.
    let rows: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(rows.len(), 4, "{csv}");
    let err = stderr(&o);
    assert!(
        err.contains("data/000.txt: 2019年版模板的报告，未计入合计"),
        "{err}"
    );
    // The total row is the sum of the rows, column by column.
    let cells = |r: &str| -> Vec<f64> {
        r.split(',')
            .skip(3)
            .map(|c| c.parse().unwrap_or(0.0))
            .collect()
    };
    let (a, b, total) = (cells(rows[1]), cells(rows[2]), cells(rows[3]));
    assert!(rows[3].starts_with("合计（2份报告）"));
    for ((x, y), t) in a.iter().zip(&b).zip(&total) {
        assert_eq!(x + y, *t);
    }
    let o = run_in(
        &dir,
        &["tables", "data", "--template", "2019", "--format", "json"],
    );
    let out = stdout(&o);
    golden("tables.json", &out);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["template"], "2019");
    assert_eq!(v["reports"].as_array().unwrap().len(), 2);
    assert_eq!(v["total"]["reports"], 2);
    assert_eq!(v["skipped"].as_array().unwrap().len(), 2);
    let key = "requests.received.natural_person";
    assert_eq!(
        v["total"]["values"][key].as_f64().unwrap(),
        v["reports"][0]["values"][key].as_f64().unwrap()
            + v["reports"][1]["values"][key].as_f64().unwrap()
    );
}

#[test]
fn a_file_that_is_not_a_report_is_named_not_passed_as_clean() {
    let root = scenario("not-a-report");
    std::fs::write(
        root.join("data/会议通知.txt"),
        "关于召开政务公开工作会议的通知\n各单位：\n定于下周一召开会议，请准时参加。\n",
    )
    .unwrap();
    let o = run_in(&root, &["check", "data", "--format", "summary"]);
    let err = stderr(&o);
    let notes: Vec<&str> = err.lines().filter(|l| l.starts_with("note:")).collect();
    assert_eq!(notes.len(), 1, "{err}");
    assert!(
        notes[0].contains("会议通知.txt") && notes[0].contains("未识别为年度报告"),
        "{err}"
    );
    assert!(
        notes[0].contains("not recognised as an annual report"),
        "{err}"
    );
    // Reports, whole or a table pasted alone, are not named.
    let o = run_in(
        &root,
        &["check", "data/000.txt", "next.txt", "--format", "summary"],
    );
    assert!(!stderr(&o).contains("note:"), "{}", stderr(&o));
    let table = seed("001");
    let at = table.find("三、收到和处理政府信息公开申请情况").unwrap();
    std::fs::write(root.join("表三.txt"), &table[at..]).unwrap();
    let o = run_in(&root, &["check", "表三.txt", "--format", "summary"]);
    assert!(!stderr(&o).contains("note:"), "{}", stderr(&o));
}

#[test]
fn a_large_folder_keeps_path_order() {
    // More files than one window of the parallel pipeline.
    let root = std::env::temp_dir().join(format!("nianbao-batch-{}-many", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    let texts = [seed("001"), seed("002")];
    for i in 0..300 {
        let t = &texts[i % 2];
        std::fs::write(root.join(format!("r{i:03}.txt")), t).unwrap();
    }
    let o = run_in(
        &root,
        &["check", ".", "--format", "summary", "--disable", "Y04"],
    );
    let out = stdout(&o);
    let files: Vec<&str> = out
        .split("\r\n")
        .skip(1)
        .filter(|l| l.starts_with("./r"))
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let expected: Vec<String> = (0..300).map(|i| format!("./r{i:03}.txt")).collect();
    assert_eq!(files, expected);
    assert!(out.contains("合计（300份报告）"), "{out}");
}

#[test]
fn help_is_in_both_languages_and_completions_are_printed() {
    let dir = std::env::temp_dir();
    let help = stdout(&run_in(&dir, &["check", "--help"]));
    for s in [
        "用法 / Usage",
        "选项 / Options",
        ".docx",
        "summary",
        "--output",
        "--quiet",
    ] {
        assert!(help.contains(s), "{s} not in\n{help}");
    }
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = run_in(&dir, &["completions", shell]);
        assert_eq!(o.status.code(), Some(0));
        let s = stdout(&o);
        assert!(s.contains("nianbao") && s.contains("tables"), "{shell}");
    }
    assert_eq!(
        run_in(&dir, &["completions", "tcsh"]).status.code(),
        Some(2)
    );
}
