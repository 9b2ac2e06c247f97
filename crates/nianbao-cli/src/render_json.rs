//! `--format json`: one document `{ "files": [ { "path", "report", "diagnostics", "summary" } ] }`
//! as rules.md describes, offsets in characters. Files that could not be read are listed under
//! `"unreadable"` (only present when there are some), so the document stays well formed.

use nianbao_core::output::Output;
use serde::Serialize;

#[derive(Serialize)]
pub struct FileOut {
    pub path: String,
    /// How the file's bytes were read: UTF-8, UTF-16LE, UTF-16BE or GB18030.
    pub encoding: &'static str,
    #[serde(flatten)]
    pub output: Output,
}

#[derive(Serialize)]
pub struct Unreadable {
    pub path: String,
    pub message: String,
}

#[derive(Serialize)]
pub struct Document {
    pub files: Vec<FileOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<Unreadable>,
}

/// The document as pretty-printed JSON, with a final newline.
pub fn render(doc: &Document) -> String {
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_else(|e| {
        // Serialising plain data cannot fail; say so in JSON if it ever does.
        format!(
            "{{\"error\": {}}}",
            serde_json::Value::String(e.to_string())
        )
    });
    s.push('\n');
    s
}

/// `nianbao rules --format json`: every rule's registry entry.
pub fn rules() -> String {
    let infos: Vec<_> = nianbao_core::ALL_CODES.iter().map(|c| c.info()).collect();
    let mut s = serde_json::to_string_pretty(&infos).unwrap_or_default();
    s.push('\n');
    s
}
