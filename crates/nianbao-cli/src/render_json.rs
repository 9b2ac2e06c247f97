//! `--format json`: one document `{ "files": [ { "path", "report", "diagnostics", "summary" } ] }`
//! as rules.md describes, offsets in characters, written file by file (`check.rs`). Findings
//! across reports follow under `"across"` and files that could not be read under
//! `"unreadable"` (each only present when there are some), so the document stays well formed.

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

/// A file that could not be read, in the JSON document's `unreadable` list.
#[derive(Serialize)]
pub struct Unreadable {
    pub path: String,
    pub message: String,
}

/// `nianbao rules --format json`: every rule's registry entry.
pub fn rules() -> String {
    let infos: Vec<_> = nianbao_core::ALL_CODES.iter().map(|c| c.info()).collect();
    let mut s = serde_json::to_string_pretty(&infos).unwrap_or_default();
    s.push('\n');
    s
}
