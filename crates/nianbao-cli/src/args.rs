//! The command line, parsed by hand: `nianbao check [--format text|json] [--disable CODE,...]
//! PATH...`, `nianbao rules [--format text|json]`, `--help`, `--version`.

use nianbao_core::Code;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, PartialEq)]
pub enum Command {
    Check {
        format: Format,
        disabled: Vec<Code>,
        paths: Vec<String>,
    },
    Rules {
        format: Format,
    },
    Help,
    Version,
}

pub const USAGE: &str = "\
nianbao — 政府信息公开工作年度报告检查工具
nianbao — checks annual reports on open government information

用法 / Usage:
  nianbao check [--format text|json] [--disable CODE,...] PATH...
  nianbao rules [--format text|json]
  nianbao --help | --version

check   检查报告。PATH 可以是文件或文件夹（递归查找 .txt、.html、.htm）；\"-\" 表示标准输入。
        Checks reports. PATH is a file or a folder (searched recursively for .txt,
        .html, .htm); \"-\" reads standard input. Encodings: UTF-8 (with or without
        BOM), UTF-16 with BOM, otherwise GB18030.
rules   列出全部规则代码、级别和标题。Lists every rule code, severity and title.

选项 / Options:
  --format text|json   输出格式，默认 text。Output format (default: text).
  --disable CODE,...   不运行这些规则（可重复）。Rules not to run (repeatable).
  -h, --help           显示帮助。Show this help.
  -V, --version        显示版本。Show the version.

退出码 / Exit codes:
  0  没有错误 / no error
  1  至少一个错误级别的问题 / at least one error-level finding
  2  有文件无法读取或命令行有误 / a file could not be read, or bad usage
";

/// Parses the arguments after the program name. Errors are messages for stderr (exit 2).
pub fn parse<I: IntoIterator<Item = String>>(args: I) -> Result<Command, String> {
    let mut args = args.into_iter();
    let Some(first) = args.next() else {
        return Ok(Command::Help);
    };
    let sub = match first.as_str() {
        "-h" | "--help" | "help" => return Ok(Command::Help),
        "-V" | "--version" | "version" => return Ok(Command::Version),
        "check" | "rules" => first,
        other => {
            return Err(format!(
                "未知命令“{other}”（unknown command `{other}`）；可用 check、rules、--help"
            ))
        }
    };
    let mut format = Format::Text;
    let mut disabled = Vec::new();
    let mut paths = Vec::new();
    let mut only_paths = false;
    while let Some(arg) = args.next() {
        if only_paths || arg == "-" || !arg.starts_with('-') {
            paths.push(arg);
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} 需要一个值（{name} needs a value）"))
        };
        match name.as_str() {
            "--" => only_paths = true,
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--format" | "-f" => {
                format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => {
                        return Err(format!(
                            "--format 只能是 text 或 json，而不是“{other}”\
                             （--format must be text or json, not `{other}`）"
                        ))
                    }
                }
            }
            "--disable" if sub == "check" => {
                for code in value("--disable")?
                    .split(',')
                    .filter(|c| !c.trim().is_empty())
                {
                    match Code::parse(code) {
                        Some(c) => disabled.push(c),
                        None => {
                            return Err(format!(
                                "未知的规则代码“{}”（unknown rule code `{}`）；\
                                 运行 `nianbao rules` 查看全部代码",
                                code.trim(),
                                code.trim()
                            ))
                        }
                    }
                }
            }
            _ => return Err(format!("未知选项“{arg}”（unknown option `{arg}`）")),
        }
    }
    if sub == "rules" {
        if !paths.is_empty() {
            return Err("rules 不接受路径（rules takes no path）".to_string());
        }
        return Ok(Command::Rules { format });
    }
    if paths.is_empty() {
        return Err("请给出要检查的文件或文件夹（no PATH given）".to_string());
    }
    Ok(Command::Check {
        format,
        disabled,
        paths,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, String> {
        parse(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn parses_check_with_options_in_both_spellings() {
        let c = p(&[
            "check",
            "--format=json",
            "a.txt",
            "--disable",
            "A01,x01",
            "dir",
        ])
        .unwrap();
        assert_eq!(
            c,
            Command::Check {
                format: Format::Json,
                disabled: vec![Code::A01, Code::X01],
                paths: vec!["a.txt".into(), "dir".into()],
            }
        );
        let c = p(&["check", "--format", "text", "--", "--odd-name"]).unwrap();
        assert!(
            matches!(c, Command::Check { format: Format::Text, ref paths, .. }
            if paths == &vec!["--odd-name".to_string()])
        );
    }

    #[test]
    fn rejects_bad_usage() {
        assert!(p(&["check"]).is_err());
        assert!(p(&["check", "--format", "xml", "a"]).is_err());
        assert!(p(&["check", "--disable", "Z99", "a"]).is_err());
        assert!(p(&["check", "--format"]).is_err());
        assert!(p(&["frobnicate"]).is_err());
        assert!(p(&["rules", "x"]).is_err());
    }

    #[test]
    fn help_version_and_rules() {
        assert_eq!(p(&[]).unwrap(), Command::Help);
        assert_eq!(p(&["--version"]).unwrap(), Command::Version);
        assert_eq!(p(&["check", "--help"]).unwrap(), Command::Help);
        assert_eq!(
            p(&["rules", "--format", "json"]).unwrap(),
            Command::Rules {
                format: Format::Json
            }
        );
    }
}
