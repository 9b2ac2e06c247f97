//! Exports of findings for other tools: CSV for Excel (UTF-8 with BOM) and SARIF 2.1.0 for code
//! review tools, both from the contract's JSON shape (`output::Output`), so the CLI, the JS API
//! and the web app export the same thing.

use serde::Serialize;

use crate::output::{DiagnosticOut, Offsets};
use crate::registry::{Code, ALL_CODES};

/// One finding as the exporters need it (also what the JS API deserialises from a result).
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
pub struct Finding {
    pub code: String,
    pub severity: String,
    #[serde(default)]
    pub title: String,
    pub message: String,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
}

impl From<&DiagnosticOut> for Finding {
    fn from(d: &DiagnosticOut) -> Self {
        Finding {
            code: d.code.to_string(),
            severity: d.severity.as_str().to_string(),
            title: d.title.to_string(),
            message: d.message.clone(),
            line: d.line,
            column: d.column,
            start: d.start,
            end: d.end,
        }
    }
}

/// One CSV field, quoted when it holds a comma, a quote or a line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// CSV with a BOM so that Excel opens UTF-8 Chinese correctly. `file` may be empty.
pub fn csv(file: &str, findings: &[Finding]) -> String {
    let mut out = String::from("\u{feff}文件,行,列,代码,级别,问题,说明\r\n");
    for f in findings {
        let level = match f.severity.as_str() {
            "error" => "错误",
            "warning" => "警告",
            _ => "提示",
        };
        let title = if f.title.is_empty() {
            Code::parse(&f.code)
                .map(|c| c.info().title_zh)
                .unwrap_or("")
        } else {
            f.title.as_str()
        };
        let row = [
            file,
            &f.line.to_string(),
            &f.column.to_string(),
            &f.code,
            level,
            title,
            &f.message,
        ];
        let fields: Vec<String> = row.iter().map(|s| csv_field(s)).collect();
        out.push_str(&crate::fmt::join(&fields, ","));
        out.push_str("\r\n");
    }
    out
}

/// SARIF 2.1.0: one run, the rules from the registry, one result per finding. Offsets are
/// UTF-16 code units for the JS API (`columnKind: utf16CodeUnits`); columns are 1-based.
pub fn sarif(file: &str, findings: &[Finding], offsets: Offsets) -> Sarif {
    let rules = ALL_CODES
        .iter()
        .map(|c| {
            let i = c.info();
            SarifRule {
                id: i.code,
                name: i.title_en,
                short_description: Text {
                    text: i.title_zh.to_string(),
                },
                full_description: Text {
                    text: i.title_en.to_string(),
                },
                help: Text {
                    text: i.help_zh.to_string(),
                },
                default_configuration: Level {
                    level: sarif_level(i.severity.as_str()),
                },
            }
        })
        .collect();
    let results = findings.iter().map(|f| sarif_result(file, f)).collect();
    Sarif {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "nianbao",
                    version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            column_kind: match offsets {
                Offsets::Utf16 => "utf16CodeUnits",
                Offsets::Chars => "unicodeCodePoints",
            },
            results,
        }],
    }
}

/// One finding of `file` as a SARIF result (the batch export adds related locations to it).
pub fn sarif_result(file: &str, f: &Finding) -> SarifResult {
    SarifResult {
        rule_id: f.code.clone(),
        rule_index: ALL_CODES.iter().position(|c| c.as_str() == f.code),
        level: sarif_level(&f.severity),
        message: Text {
            text: f.message.clone(),
        },
        locations: vec![Location {
            physical_location: Physical {
                artifact_location: Artifact {
                    uri: file.to_string(),
                },
                region: Region {
                    start_line: f.line,
                    start_column: f.column,
                    char_offset: f.start,
                    char_length: f.end.saturating_sub(f.start),
                },
            },
        }],
    }
}

#[derive(Debug, Serialize)]
pub struct Sarif {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub version: &'static str,
    pub runs: Vec<Run>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub tool: Tool,
    pub column_kind: &'static str,
    pub results: Vec<SarifResult>,
}

#[derive(Debug, Serialize)]
pub struct Tool {
    pub driver: Driver,
}

#[derive(Debug, Serialize)]
pub struct Driver {
    pub name: &'static str,
    pub version: &'static str,
    pub rules: Vec<SarifRule>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifRule {
    pub id: &'static str,
    pub name: &'static str,
    pub short_description: Text,
    pub full_description: Text,
    pub help: Text,
    pub default_configuration: Level,
}

#[derive(Debug, Serialize)]
pub struct Text {
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct Level {
    pub level: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    pub rule_id: String,
    pub rule_index: Option<usize>,
    pub level: &'static str,
    pub message: Text,
    pub locations: Vec<Location>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub physical_location: Physical,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Physical {
    pub artifact_location: Artifact,
    pub region: Region,
}

#[derive(Debug, Serialize)]
pub struct Artifact {
    pub uri: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub start_line: usize,
    pub start_column: usize,
    pub char_offset: usize,
    pub char_length: usize,
}

fn sarif_level(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{build, Offsets};

    #[test]
    fn csv_has_bom_header_and_quotes() {
        let text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t5\n";
        let out = build(text, &crate::check(text), Offsets::Chars);
        let findings: Vec<Finding> = out.diagnostics.iter().map(Finding::from).collect();
        let csv = csv("a.txt", &findings);
        assert!(csv.starts_with("\u{feff}文件,行,列,代码"));
        assert!(csv.contains(",A02,错误,"), "{csv}");
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }

    #[test]
    fn sarif_lists_every_rule_and_result() {
        let f = Finding {
            code: "A02".into(),
            severity: "error".into(),
            title: String::new(),
            message: "m".into(),
            line: 2,
            column: 3,
            start: 10,
            end: 11,
        };
        let v = serde_json::to_value(sarif("a.txt", &[f], Offsets::Utf16)).unwrap_or_default();
        assert_eq!(v["version"], "2.1.0");
        assert_eq!(v["runs"][0]["columnKind"], "utf16CodeUnits");
        assert_eq!(
            v["runs"][0]["tool"]["driver"]["rules"]
                .as_array()
                .map(Vec::len),
            Some(ALL_CODES.len())
        );
        assert_eq!(v["runs"][0]["results"][0]["ruleId"], "A02");
        assert_eq!(
            v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["charLength"],
            1
        );
    }
}
