//! The command line (clap derive). Every help text is in Chinese and English, the clerk's
//! language first; usage errors exit with 2.

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;
use nianbao_core::Code;

const TEMPLATE: &str = "\
{before-help}{about-with-newline}
用法 / Usage: {usage}

{all-args}{after-help}";

const AFTER: &str = "\
示例 / Examples:
  nianbao check 报告.docx
  nianbao check 下属单位/ --format summary --output 汇总.csv
  nianbao check 下属单位/ --format sarif --output 结果.sarif
  nianbao tables 下属单位/ --format csv --output 表格汇总.csv
  nianbao compare 2022年报告.txt 2023年报告.txt
  nianbao completions bash > /etc/bash_completion.d/nianbao

退出码 / Exit codes:
  0  没有错误级别的问题 / no error-level finding
  1  至少一个错误 / at least one error
  2  有文件无法读取或命令行有误 / a file could not be read, or bad usage";

#[derive(Debug, Parser)]
#[command(
    name = "nianbao",
    version,
    about = "nianbao — 政府信息公开工作年度报告检查工具\nnianbao — checks annual reports on open government information",
    help_template = TEMPLATE,
    after_help = AFTER,
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true,
    subcommand_help_heading = "命令 / Commands",
    next_help_heading = "选项 / Options",
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// 显示帮助 / Print help
    #[arg(short, long, action = ArgAction::Help, global = true)]
    help: Option<bool>,
    /// 显示版本 / Print the version
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查报告（可一次检查整个文件夹）/ Check reports (a whole folder at once)
    #[command(help_template = TEMPLATE, after_help = AFTER)]
    Check(CheckArgs),
    /// 对比同一单位的上年和本年报告（Y01–Y03）/ Compare last year's report with this year's
    #[command(help_template = TEMPLATE)]
    Compare(CompareArgs),
    /// 汇总：多份报告的表格数据，每份一行，末行合计 / The tables of many reports, one row each, and a total
    #[command(help_template = TEMPLATE)]
    Tables(TablesArgs),
    /// 列出全部规则代码、级别和标题 / List every rule code, severity and title
    #[command(help_template = TEMPLATE, next_help_heading = "选项 / Options")]
    Rules {
        /// 输出格式 / Output format
        #[arg(long, short, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// 生成命令行补全脚本 / Print a shell completion script
    #[command(help_template = TEMPLATE)]
    Completions {
        /// bash、zsh、fish 或 powershell
        #[arg(value_enum)]
        shell: Shell,
    },
}

/// What every batch command shares: output, progress, rules.
#[derive(Debug, Args)]
#[command(next_help_heading = "选项 / Options")]
pub struct Common {
    /// 写入文件而不是标准输出 / Write to FILE instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// 不显示进度条 / No progress bar
    #[arg(long, short)]
    pub quiet: bool,
    /// 不运行这些规则（逗号分隔，可重复）/ Rules not to run (comma-separated, repeatable)
    #[arg(long, value_name = "CODE,...", value_delimiter = ',', value_parser = parse_code)]
    pub disable: Vec<Code>,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "选项 / Options")]
pub struct CheckArgs {
    /// 文件或文件夹（递归查找 .txt、.html、.htm、.docx，按路径排序）；“-”表示标准输入。
    /// 编码：UTF-8、带 BOM 的 UTF-16，其余按 GB18030 读取。/ Files or folders (searched
    /// recursively for .txt, .html, .htm and .docx, in path order); "-" reads standard input.
    /// Encodings: UTF-8, UTF-16 with BOM, otherwise GB18030.
    #[arg(
        required = true,
        value_name = "PATH",
        help_heading = "参数 / Arguments"
    )]
    pub paths: Vec<String>,
    /// 输出格式：text 逐条列出；json（rules.md）；sarif 2.1.0；csv 问题清单（带 BOM，Excel/WPS 可直接打开）；
    /// summary 每份报告一行 / Output format: text; json (rules.md); sarif 2.1.0; csv of findings
    /// (with BOM, opens in Excel and WPS); summary, one row per report
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "选项 / Options")]
pub struct CompareArgs {
    /// 上年报告 / Last year's report
    #[arg(value_name = "LAST", help_heading = "参数 / Arguments")]
    pub last: String,
    /// 本年报告 / This year's report
    #[arg(value_name = "THIS", help_heading = "参数 / Arguments")]
    pub this: String,
    /// 输出格式 / Output format
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "选项 / Options")]
pub struct TablesArgs {
    /// 文件或文件夹 / Files or folders
    #[arg(
        required = true,
        value_name = "PATH",
        help_heading = "参数 / Arguments"
    )]
    pub paths: Vec<String>,
    /// 输出格式：csv（带 BOM）或 json / Output format: csv (with BOM) or json
    #[arg(long, short, value_enum, default_value_t = TablesFormat::Csv)]
    pub format: TablesFormat,
    /// 按哪一版模板汇总；另一版的报告列出但不计入 / The template summed; reports of the other
    /// are listed, not summed
    #[arg(long, value_enum, default_value_t = TemplateArg::T2021)]
    pub template: TemplateArg,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Sarif,
    Csv,
    Summary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TablesFormat {
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TemplateArg {
    #[value(name = "2021")]
    T2021,
    #[value(name = "2019")]
    T2019,
}

fn parse_code(s: &str) -> Result<Code, String> {
    Code::parse(s.trim()).ok_or_else(|| {
        format!(
            "未知的规则代码“{0}”，运行 `nianbao rules` 查看全部代码 (unknown rule code `{0}`)",
            s.trim()
        )
    })
}

/// A command line clap refused: its message, then what to do in Chinese and English (clap's own
/// messages are English only). Help and version are printed as asked. Returns the exit code.
pub fn usage_error(e: &clap::Error) -> u8 {
    use clap::error::ErrorKind as K;
    use clap::CommandFactory;
    let unknown: String;
    let hint = match e.kind() {
        K::UnknownArgument => {
            // The help of the command it was given to.
            let command = std::env::args()
                .nth(1)
                .filter(|a| Cli::command().find_subcommand(a).is_some())
                .unwrap_or_else(|| "check".into());
            unknown = format!(
                "命令行里有 nianbao 不认识的选项（拼写有误？）。运行 `nianbao {command} --help` 查看全部选项。\n  \
                 / an option nianbao does not know (a typo?): `nianbao {command} --help` lists them all."
            );
            Some(unknown.as_str())
        }
        K::InvalidSubcommand => Some(
            "可用的命令：check（检查）、compare（对比上年）、tables（表格汇总）、rules（规则）、completions。\
             例如：`nianbao check 报告文件夹`\n  \
             / the commands are check, compare, tables, rules and completions, e.g. `nianbao check FOLDER`.",
        ),
        K::InvalidValue => Some(
            "这个选项的取值不对，上面列出了可以用的值。\n  \
             / that option does not take this value: the message above lists the values it takes.",
        ),
        K::MissingRequiredArgument => Some(
            "请在命令后写上要检查的文件或文件夹，例如：`nianbao check 报告.docx` 或 `nianbao check 报告文件夹`\n  \
             / name the files or folders to check, e.g. `nianbao check report.docx` or `nianbao check FOLDER`.",
        ),
        K::DisplayHelp | K::DisplayVersion | K::ValueValidation => None,
        _ => Some("运行 `nianbao --help` 查看用法。 / `nianbao --help` shows the usage."),
    };
    let _ = e.print();
    if let Some(hint) = hint {
        eprintln!("\n提示 / hint: {hint}");
    }
    u8::try_from(e.exit_code()).unwrap_or(2)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use clap::CommandFactory;

    fn p(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("nianbao").chain(args.iter().copied()))
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_check_with_options_in_both_spellings() {
        let Command::Check(c) = p(&[
            "check",
            "--format=json",
            "a.txt",
            "--disable",
            "A01,x01",
            "dir",
        ])
        .unwrap()
        .command
        else {
            panic!("not check")
        };
        assert_eq!(c.format, Format::Json);
        assert_eq!(c.common.disable, vec![Code::A01, Code::X01]);
        assert_eq!(c.paths, vec!["a.txt".to_string(), "dir".into()]);
        let Command::Check(c) = p(&["check", "-f", "sarif", "--", "--odd-name"])
            .unwrap()
            .command
        else {
            panic!("not check")
        };
        assert_eq!(c.format, Format::Sarif);
        assert_eq!(c.paths, vec!["--odd-name".to_string()]);
    }

    #[test]
    fn rejects_bad_usage() {
        for bad in [
            &["check"][..],
            &["check", "--format", "xml", "a"],
            &["check", "--disable", "Z99", "a"],
            &["check", "--format"],
            &["frobnicate"],
            &["rules", "x"],
            &["compare", "a"],
            &["completions", "tcsh"],
        ] {
            assert!(p(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn tables_and_compare() {
        let Command::Tables(t) = p(&["tables", "d", "--template", "2019"]).unwrap().command else {
            panic!("not tables")
        };
        assert_eq!(
            (t.format, t.template),
            (TablesFormat::Csv, TemplateArg::T2019)
        );
        assert!(matches!(
            p(&["compare", "a", "b", "-q"]).unwrap().command,
            Command::Compare(CompareArgs { ref last, ref this, .. }) if last == "a" && this == "b"
        ));
    }
}
