//! The files a run checks: each PATH as given, folders searched recursively for `.txt`,
//! `.html` and `.htm` (sorted, so output is stable), `-` for standard input.

use std::io::Read;
use std::path::{Path, PathBuf};

/// One thing to check, in the order of the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".to_string(),
        }
    }

    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        match self {
            Input::File(p) => std::fs::read(p),
            Input::Stdin => {
                let mut b = Vec::new();
                std::io::stdin().read_to_end(&mut b)?;
                Ok(b)
            }
        }
    }
}

/// Reads one input as text: a .docx by its paragraphs and table rows, other bytes by their
/// encoding (see `decode`). Returns the text and how it was read.
pub fn read_text(input: &Input) -> Result<(String, &'static str), Problem> {
    let problem = |message: String| Problem {
        path: input.display(),
        message,
    };
    let bytes = input.read().map_err(|e| problem(io_message(&e)))?;
    if bytes.starts_with(b"PK\x03\x04") {
        return nianbao_core::docx::docx_to_text(&bytes)
            .map(|text| (text, "DOCX"))
            .map_err(|e| problem(docx_message(&e)));
    }
    if let Some(why) = crate::decode::unsupported(&bytes) {
        return Err(problem(why.to_string()));
    }
    let decoded = crate::decode::decode(&bytes);
    Ok((decoded.text, decoded.encoding))
}

/// A path that could not be used, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

pub type Item = Result<Input, Problem>;

const EXTENSIONS: &[&str] = &["txt", "html", "htm", "docx"];

/// Expands the PATHs of the command line. A folder with no report in it is not an error
/// (the caller may say so); a path that does not exist is.
pub fn collect(paths: &[String]) -> Vec<Item> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        let path = PathBuf::from(p);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, &mut out),
            Ok(_) => out.push(Ok(Input::File(path))),
            Err(e) => out.push(Err(Problem {
                path: p.clone(),
                message: io_message(&e),
            })),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Item>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Err(Problem {
                path: dir.display().to_string(),
                message: io_message(&e),
            }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        // Symbolic links to folders are not followed (no loops); links to files are.
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, out);
        } else if is_report(&path) && std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            out.push(Ok(Input::File(path)));
        }
    }
}

fn is_report(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// An I/O error reading an input, in words a clerk reads and with what to do, in Chinese and
/// English, the system's own wording after it.
pub fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let what = match e.kind() {
        ErrorKind::NotFound => "文件或文件夹不存在：请检查路径是否写对，路径中有空格时请加引号 \
             / not found: check the path, and put it in quotes if it has spaces",
        ErrorKind::PermissionDenied => "没有读取权限：请确认当前账户能打开它，或先复制到自己的文件夹再检查 \
             / permission denied: make sure your account may open it, or copy it to a folder of your own first",
        _ => "无法读取：如果文件正在 Word 或 WPS 中打开，请关闭后再试 \
             / cannot be read: if Word or WPS has it open, close it and try again",
    };
    format!("{what} ({e})")
}

/// An I/O error writing `--output`, with what to do.
pub fn write_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let what = match e.kind() {
        ErrorKind::NotFound => "无法写入：输出文件所在的文件夹不存在，请先建好文件夹或换一个路径 \
             / cannot write: the output file's folder does not exist; create it or choose another path",
        ErrorKind::PermissionDenied => "无法写入：没有写入权限，或文件正在 Excel 或 WPS 中打开（请关闭后再试） \
             / cannot write: no permission, or Excel or WPS has the file open (close it and try again)",
        _ => "无法写入 / cannot write",
    };
    format!("{what} ({e})")
}

/// A .docx that cannot be read, with what to do.
fn docx_message(e: &nianbao_core::docx::DocxError) -> String {
    format!(
        "{e}：请在 Word 或 WPS 中打开，另存为 .docx 后再检查 \
         / not a readable .docx: open it in Word or WPS and save it again as .docx"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_report_extensions() {
        assert!(is_report(Path::new("a/b.TXT")));
        assert!(is_report(Path::new("b.htm")));
        assert!(is_report(Path::new("b.html")));
        assert!(is_report(Path::new("b.docx")));
        assert!(!is_report(Path::new("b.pdf")));
        assert!(!is_report(Path::new("txt")));
    }

    #[test]
    fn a_missing_path_is_a_problem() {
        let items = collect(&["/definitely/not/here.txt".to_string(), "-".to_string()]);
        assert!(matches!(items.first(), Some(Err(p)) if p.path == "/definitely/not/here.txt"));
        assert_eq!(items.get(1), Some(&Ok(Input::Stdin)));
    }
}
