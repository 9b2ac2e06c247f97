//! `nianbao`: checks 政府信息公开工作年度报告 from the command line, one report or a folder of a
//! hundred. See `nianbao --help`.

mod args;
mod check;
mod decode;
mod inputs;
mod output;
mod pipeline;
mod render_json;
mod render_text;
mod rules;
mod tables;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser as _};
use nianbao_core::across::Pairing;
use nianbao_core::model::Template;
use nianbao_core::Options;

use args::{Cli, Command, Common, Format, RulesFormat, TemplateArg};
use output::Out;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return ExitCode::from(args::usage_error(&e)),
    };
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let color = stdout_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let style = render_text::Style { color };
    let code = match cli.command {
        Command::Rules { format } => emit(&match format {
            RulesFormat::Text => rules::text(style),
            RulesFormat::Json => render_json::rules(),
        }),
        Command::Completions { shell } => {
            let mut out = std::io::stdout().lock();
            clap_complete::generate(shell, &mut Cli::command(), "nianbao", &mut out);
            0
        }
        Command::Check(a) => batch(&a.paths, a.format, Pairing::ByIssuer, &a.common, style),
        Command::Compare(a) => batch(
            &[a.last, a.this],
            a.format,
            Pairing::LastThis,
            &a.common,
            style,
        ),
        Command::Tables(a) => with_output(&a.common, |out| {
            let items = inputs::collect(&a.paths);
            tables::run(
                &tables::Run {
                    items: &items,
                    format: a.format,
                    template: match a.template {
                        TemplateArg::T2021 => Template::T2021,
                        TemplateArg::T2019 => Template::T2019,
                    },
                    progress: pipeline::progress_wanted(a.common.quiet),
                },
                out,
            )
        }),
    };
    ExitCode::from(code)
}

fn batch(
    paths: &[String],
    format: Format,
    pairing: Pairing,
    common: &Common,
    style: render_text::Style,
) -> u8 {
    // Colour only for text on a terminal.
    let style = render_text::Style {
        color: style.color && common.output.is_none(),
    };
    with_output(common, |out| {
        let items = inputs::collect(paths);
        check::run(
            &check::Run {
                items: &items,
                format,
                options: Options {
                    disabled: common.disable.clone(),
                },
                pairing,
                progress: pipeline::progress_wanted(common.quiet),
                style,
            },
            out,
        )
    })
}

/// Runs `f` writing to `--output` or stdout; a file that cannot be written is exit 2.
fn with_output(common: &Common, f: impl FnOnce(&mut Out) -> u8) -> u8 {
    let mut out = match &common.output {
        Some(path) => match Out::file(path) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("error: {}: {}", path.display(), inputs::write_message(&e));
                return 2;
            }
        },
        None => Out::stdout(),
    };
    let code = f(&mut out);
    let target = common
        .output
        .as_ref()
        .map_or_else(|| "<stdout>".to_string(), |p| p.display().to_string());
    match out.finish() {
        Ok(()) => code,
        Err(e) => {
            eprintln!("error: {target}: {}", inputs::write_message(&e));
            2
        }
    }
}

/// Writes to stdout; a closed pipe (`nianbao ... | head`) is not an error worth a panic.
fn emit(s: &str) -> u8 {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes()).and_then(|_| out.flush());
    0
}
