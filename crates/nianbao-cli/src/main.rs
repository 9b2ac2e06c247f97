//! `nianbao`: checks 政府信息公开工作年度报告 from the command line. See `nianbao --help`.

mod args;
mod decode;
mod inputs;
mod render_json;
mod render_text;
mod rules;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use args::{Command, Format};
use nianbao_core::output::{self, Offsets, Summary};
use nianbao_core::{check_with, Code, Options};

fn main() -> ExitCode {
    let command = match args::parse(std::env::args().skip(1)) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("nianbao: {message}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let color = stdout_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let style = render_text::Style { color };
    let code = match command {
        Command::Help => emit(args::USAGE),
        Command::Version => emit(&format!("nianbao {}\n", env!("CARGO_PKG_VERSION"))),
        Command::Rules { format } => emit(&match format {
            Format::Text => rules::text(style),
            Format::Json => render_json::rules(),
        }),
        Command::Check {
            format,
            disabled,
            paths,
        } => run_check(format, disabled, &paths, style),
    };
    ExitCode::from(code)
}

/// Writes to stdout; a closed pipe (`nianbao ... | head`) is not an error worth a panic.
fn emit(s: &str) -> u8 {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes()).and_then(|_| out.flush());
    0
}

/// Checks every input. Exit code: 2 if anything could not be read, else 1 if any error,
/// else 0.
fn run_check(
    format: Format,
    disabled: Vec<Code>,
    paths: &[String],
    style: render_text::Style,
) -> u8 {
    let options = Options { disabled };
    let mut total = Summary::default();
    let mut checked_files = 0;
    let mut doc = render_json::Document {
        files: Vec::new(),
        unreadable: Vec::new(),
    };
    for item in inputs::collect(paths) {
        let read = item.and_then(|input| {
            let path = input.display();
            let bytes = input.read().map_err(|e| inputs::Problem {
                path: path.clone(),
                message: inputs::io_message(&e),
            })?;
            // A Word file: its paragraphs and table rows, read by the core.
            if bytes.starts_with(b"PK\x03\x04") {
                return match nianbao_core::docx::docx_to_text(&bytes) {
                    Ok(text) => Ok((path, text, "DOCX")),
                    Err(e) => Err(inputs::Problem {
                        path,
                        message: e.to_string(),
                    }),
                };
            }
            if let Some(why) = decode::unsupported(&bytes) {
                return Err(inputs::Problem {
                    path,
                    message: why.to_string(),
                });
            }
            let decoded = decode::decode(&bytes);
            Ok((path, decoded.text, decoded.encoding))
        });
        let (path, text, encoding) = match read {
            Ok(r) => r,
            Err(p) => {
                eprintln!("error: {}: {}", p.path, p.message);
                doc.unreadable.push(render_json::Unreadable {
                    path: p.path,
                    message: p.message,
                });
                continue;
            }
        };
        let checked = check_with(&text, &options);
        let summary = output::summary(&checked);
        total.errors += summary.errors;
        total.warnings += summary.warnings;
        total.infos += summary.infos;
        checked_files += 1;
        match format {
            Format::Text => {
                let mut s = String::new();
                render_text::file(&mut s, &path, &text, &checked, style);
                emit(&s);
            }
            Format::Json => doc.files.push(render_json::FileOut {
                path,
                encoding,
                output: output::build(&text, &checked, Offsets::Chars),
            }),
        }
    }
    if checked_files == 0 && doc.unreadable.is_empty() {
        eprintln!(
            "nianbao: 没有找到 .txt、.html 或 .htm 文件（no .txt, .html or .htm file found）"
        );
    }
    match format {
        Format::Text => emit(&render_text::summary(
            checked_files,
            doc.unreadable.len(),
            total,
            style,
        )),
        Format::Json => emit(&render_json::render(&doc)),
    };
    if !doc.unreadable.is_empty() {
        2
    } else if total.errors > 0 {
        1
    } else {
        0
    }
}
