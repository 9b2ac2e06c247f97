#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Runs the built `nianbao` binary on seeds and on inputs made here.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_nianbao");

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn seed(prefix: &str) -> PathBuf {
    let dir = shared().join("seeds");
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn run_path(args: &[&str], paths: &[&Path]) -> Output {
    let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    all.extend(paths.iter().map(|p| p.display().to_string()));
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    run(&refs)
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn is_count(v: &Value) -> bool {
    v.as_u64().is_some()
}

#[test]
fn json_has_the_shape_of_rules_md() {
    let path = seed("000");
    let out = run_path(&["check", "--format", "json"], &[&path]);
    assert_ne!(out.status.code(), Some(2), "{out:?}");
    let doc = json(&out);
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    let f = &files[0];
    assert_eq!(f["path"], path.display().to_string());

    let report = &f["report"];
    assert!(report["year"].is_null() || report["year"].is_i64());
    assert!(report["issuer"].is_null() || report["issuer"].is_string());
    assert!(
        [Value::Null, "2019".into(), "2021".into()].contains(&report["template"]),
        "{}",
        report["template"]
    );
    let sections = report["sections"].as_array().unwrap();
    for s in sections {
        assert!(is_count(&s["number"]) && s["heading"].is_string() && is_count(&s["line"]));
    }
    let tables = report["tables"].as_object().unwrap();
    for key in ["active", "requests", "reviews"] {
        assert!(tables.contains_key(key), "tables.{key} missing");
    }
    // Table 三 as rows[key][column], table 四 as blocks[key][column], cells numbers or null.
    if let Some(rows) = tables["requests"]["rows"].as_object() {
        for (_, cols) in rows {
            for (_, v) in cols.as_object().unwrap() {
                assert!(v.is_null() || v.is_number());
            }
        }
    } else {
        assert!(tables["requests"].is_null());
    }
    if !tables["reviews"].is_null() {
        assert!(tables["reviews"]["blocks"].is_object());
    }

    let text = std::fs::read_to_string(&path).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let mut counted = [0usize; 3];
    for d in f["diagnostics"].as_array().unwrap() {
        let code = d["code"].as_str().unwrap();
        assert!(code.len() == 3 && code.is_ascii(), "{code}");
        let sev = d["severity"].as_str().unwrap();
        counted[["error", "warning", "info"]
            .iter()
            .position(|s| *s == sev)
            .unwrap()] += 1;
        assert!(!d["message"].as_str().unwrap().is_empty());
        for k in ["line", "column", "start", "end"] {
            assert!(is_count(&d[k]), "{k} in {d}");
        }
        let (start, end) = (d["start"].as_u64().unwrap(), d["end"].as_u64().unwrap());
        assert!(start <= end && end as usize <= chars.len());
        for r in d["related"].as_array().unwrap() {
            assert!(r["message"].is_string() && is_count(&r["start"]) && is_count(&r["line"]));
        }
    }
    let s = &f["summary"];
    assert_eq!(
        [&s["errors"], &s["warnings"], &s["infos"]].map(|v| v.as_u64().unwrap() as usize),
        counted
    );
    assert_eq!(out.status.code(), Some(if counted[0] > 0 { 1 } else { 0 }));
}

#[test]
fn json_offsets_count_characters_and_lines_are_one_based() {
    // The seed's section headings are known text; their offsets must find them.
    let path = seed("000");
    let text = std::fs::read_to_string(&path).unwrap();
    let out = run_path(&["check", "--format", "json"], &[&path]);
    let doc = json(&out);
    let chars: Vec<char> = text.chars().collect();
    let lines: Vec<&str> = text.split('\n').collect();
    let sections = doc["files"][0]["report"]["sections"].as_array().unwrap();
    assert!(!sections.is_empty(), "seed 000 has six sections");
    for s in sections {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        let flagged: String = chars[a..b].iter().collect();
        let line = s["line"].as_u64().unwrap() as usize;
        assert!(
            lines[line - 1].contains(&flagged),
            "{flagged} not on line {line}"
        );
    }
}

fn seed_with_wrong_row_total(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(seed("000")).unwrap();
    let row = "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1";
    assert!(text.contains(row), "seed 000 changed: row not found");
    // Total 2 where the six columns add to 1.
    let bad = text.replacen(
        row,
        "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t2",
        1,
    );
    let path = dir.join("wrong-total.txt");
    std::fs::write(&path, bad).unwrap();
    path
}

#[test]
fn exit_1_on_an_arithmetic_error() {
    let dir = scratch("exit1");
    let path = seed_with_wrong_row_total(&dir);
    let out = run_path(&["check"], &[&path]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let out = run_path(&["check", "--format", "json"], &[&path]);
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out);
    assert!(doc["files"][0]["summary"]["errors"].as_u64().unwrap() >= 1);
}

#[test]
fn text_output_points_at_the_error_with_an_underline() {
    let dir = scratch("text");
    let path = seed_with_wrong_row_total(&dir);
    let out = run_path(&["check"], &[&path]);
    let s = stdout(&out);
    assert!(s.contains("error["), "{s}");
    assert!(s.contains(&format!("--> {}:", path.display())), "{s}");
    assert!(
        s.lines().any(|l| l.contains("| ") && l.contains('^')),
        "no underline:\n{s}"
    );
    assert!(!s.contains("\x1b["), "colour with NO_COLOR set");
}

#[test]
fn disabling_every_code_leaves_no_finding_and_exit_0() {
    // With every rule off, the arithmetic error above cannot be reported: exit 0, no findings.
    let dir = scratch("disable");
    let path = seed_with_wrong_row_total(&dir);
    let all = run(&["rules", "--format", "json"]);
    let codes: Vec<String> = json(&all)
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap().to_string())
        .collect();
    assert!(codes.len() >= 38);
    let list = codes.join(",");
    let out = run_path(&["check", "--format", "json", "--disable", &list], &[&path]);
    assert_eq!(out.status.code(), Some(0));
    let doc = json(&out);
    assert_eq!(doc["files"][0]["diagnostics"], Value::Array(vec![]));
}

#[test]
fn exit_0_for_a_report_without_errors() {
    // A plain text with nothing a rule could call an error once all but hygiene are disabled.
    let dir = scratch("exit0");
    let path = dir.join("ok.txt");
    std::fs::write(&path, "2020年政府信息公开工作年度报告\n一、总体情况\n").unwrap();
    let codes: Vec<String> = nianbao_codes().into_iter().filter(|c| c != "X01").collect();
    let out = run_path(&["check", "--disable", &codes.join(",")], &[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

fn nianbao_codes() -> Vec<String> {
    json(&run(&["rules", "--format", "json"]))
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn exit_2_for_a_missing_path_and_the_other_files_still_checked() {
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-report.txt");
    let good = seed("001");
    let out = run_path(&["check", "--format", "json"], &[&missing, &good]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no-such-report.txt"), "stderr: {err}");
    let doc = json(&out);
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "the readable file is still checked");
    assert_eq!(files[0]["path"], good.display().to_string());
    assert_eq!(doc["unreadable"][0]["path"], missing.display().to_string());

    let text = run_path(&["check"], &[&good, &missing]);
    assert_eq!(text.status.code(), Some(2));
    assert!(stdout(&text).contains("1 个文件无法读取"));
}

#[test]
fn exit_2_for_bad_usage() {
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(
        run(&["check", "--disable", "Q42", "x.txt"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["check", "--format", "xml", "x"]).status.code(),
        Some(2)
    );
}

#[test]
fn a_clerks_mistakes_say_what_to_do_in_chinese_and_english() {
    let err = |o: &Output| String::from_utf8_lossy(&o.stderr).into_owned();
    // An unknown option: clap's message, then the hint.
    let e = err(&run(&["tables", "--bogus", "x.txt"]));
    assert!(e.contains("`nianbao tables --help`"), "{e}");
    let o = run(&["check", "--fromat", "csv", "x.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(e.contains("--fromat"), "{e}");
    assert!(
        e.contains("不认识的选项") && e.contains("`nianbao check --help` lists them"),
        "{e}"
    );
    // A misspelt command, no path, a value not taken.
    let e = err(&run(&["chek", "x.txt"]));
    assert!(
        e.contains("可用的命令") && e.contains("the commands are check"),
        "{e}"
    );
    let e = err(&run(&["check"]));
    assert!(
        e.contains("请在命令后写上要检查的文件或文件夹") && e.contains("name the files"),
        "{e}"
    );
    let e = err(&run(&["check", "--format", "xml", "x"]));
    assert!(
        e.contains("取值不对") && e.contains("the values it takes"),
        "{e}"
    );
    // Help is not an error and has no hint.
    let o = run(&["check", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!err(&o).contains("提示"));
    // A missing path: what to check.
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("没有这个文件.txt");
    let e = err(&run_path(&["check"], &[&missing]));
    assert!(
        e.contains("请检查路径是否写对") && e.contains("check the path"),
        "{e}"
    );
    // A broken .docx: save it again.
    let dir = scratch("broken-docx");
    let bad = dir.join("坏的.docx");
    std::fs::write(&bad, b"PK\x03\x04 not really a zip").unwrap();
    let o = run_path(&["check"], &[&bad]);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(
        e.contains("另存为 .docx") && e.contains("save it again as .docx"),
        "{e}"
    );
    // An output file in a folder that does not exist.
    let o = run_path(
        &[
            "check",
            "--output",
            dir.join("无此文件夹/汇总.csv").to_str().unwrap(),
        ],
        &[&seed("001")],
    );
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(
        e.contains("输出文件所在的文件夹不存在") && e.contains("create it"),
        "{e}"
    );
}

/// JSON for one file; panics unless it was read and checked.
fn check_json(path: &Path) -> Value {
    let out = run_path(&["check", "--format", "json"], &[path]);
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json(&out)["files"][0].clone()
}

#[test]
fn gb18030_and_utf16_files_decode_to_the_same_report() {
    let source = seed("000");
    let text = std::fs::read_to_string(&source).unwrap();
    let dir = scratch("encodings");
    let reference = check_json(&source);
    assert_eq!(reference["report"]["issuer"], "沁园街道办事处");

    let (gb, _, bad) = encoding_rs::GB18030.encode(&text);
    assert!(!bad);
    let gb_path = dir.join("gb18030.txt");
    std::fs::write(&gb_path, &gb).unwrap();

    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    let le_path = dir.join("utf16le.txt");
    let be_path = dir.join("utf16be.txt");
    std::fs::write(&le_path, &le).unwrap();
    std::fs::write(&be_path, &be).unwrap();

    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    let bom_path = dir.join("utf8bom.txt");
    std::fs::write(&bom_path, &bom).unwrap();

    for (path, encoding) in [
        (&gb_path, "GB18030"),
        (&le_path, "UTF-16LE"),
        (&be_path, "UTF-16BE"),
        (&bom_path, "UTF-8"),
    ] {
        let f = check_json(path);
        assert_eq!(f["encoding"], encoding);
        assert_eq!(f["report"], reference["report"], "{}", path.display());
        assert_eq!(f["diagnostics"], reference["diagnostics"]);
    }
}

#[test]
fn folders_are_searched_recursively_in_sorted_order() {
    let dir = scratch("folders");
    let text = std::fs::read_to_string(seed("002")).unwrap();
    std::fs::create_dir_all(dir.join("b/deeper")).unwrap();
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("b/deeper/z.txt"), &text).unwrap();
    std::fs::write(dir.join("b/c.HTM"), "<p>一、总体情况</p>").unwrap();
    std::fs::write(dir.join("a/y.html"), "<p>一、总体情况</p>").unwrap();
    std::fs::write(dir.join("m.txt"), &text).unwrap();
    std::fs::write(dir.join("notes.md"), "not a report").unwrap();
    std::fs::write(dir.join("b/skip.pdf"), b"%PDF-1.4").unwrap();

    let out = run_path(&["check", "--format", "json"], &[&dir]);
    assert_ne!(out.status.code(), Some(2));
    let doc = json(&out);
    let paths: Vec<String> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = ["a/y.html", "b/c.HTM", "b/deeper/z.txt", "m.txt"]
        .iter()
        .map(|p| dir.join(p).display().to_string())
        .collect();
    assert_eq!(paths, expected);

    let text_out = run_path(&["check"], &[&dir]);
    assert!(
        stdout(&text_out).contains("4 个文件："),
        "{}",
        stdout(&text_out)
    );
    assert!(stdout(&text_out).contains("4 files: "));
}

#[test]
fn a_docx_is_read_as_paragraphs_and_table_rows() {
    let docx = shared().join("corpus/blank-template.docx");
    let out = run_path(&["check", "--format", "json"], &[&docx]);
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json(&out);
    let file = &doc["files"][0];
    assert_eq!(file["encoding"], "DOCX");
    assert_eq!(file["report"]["sections"].as_array().map(Vec::len), Some(6));
    // The blank template's tables are empty, not zeros.
    assert_eq!(file["report"]["tables"]["requests"]["labels_only"], true);
}

#[test]
fn a_broken_docx_is_refused_plainly() {
    let dir = scratch("broken-docx");
    let path = dir.join("broken.docx");
    std::fs::write(&path, b"PK\x03\x04 not really").unwrap();
    let out = run_path(&["check"], &[&path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".docx"));
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let text = std::fs::read_to_string(seed("000")).unwrap();
    let mut child = Command::new(BIN)
        .args(["check", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let doc = json(&out);
    assert_eq!(doc["files"][0]["path"], "<stdin>");
    assert_eq!(doc["files"][0]["report"]["issuer"], "沁园街道办事处");
}

#[test]
fn rules_help_and_version() {
    let rules = stdout(&run(&["rules"]));
    for code in nianbao_codes() {
        assert!(rules.contains(&code), "{code} not listed");
    }
    assert!(rules.contains("申请数量收支不平"));
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("nianbao check"));
    let version = stdout(&run(&["--version"]));
    assert_eq!(
        version.trim(),
        format!("nianbao {}", env!("CARGO_PKG_VERSION"))
    );
}
