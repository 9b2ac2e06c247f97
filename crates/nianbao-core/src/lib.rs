//! nianbao-core: reads the text of a 政府信息公开工作年度报告 exactly as pasted, understands
//! it (template, sections, the three tables by row and column key) and checks it against the
//! national template and the rule catalogue. Pure Rust: no I/O, no web dependencies.
//!
//! Entry point: [`check`]. Invariants: the input is never modified; every span is a byte range
//! of the input on char boundaries; nothing here panics on any input; time is linear in size.

pub mod across;
pub mod arith;
pub mod chars;
pub mod dates;
pub mod diagnostic;
pub mod docx;
pub mod export;
pub mod extent;
pub mod fmt;
pub mod footer;
pub mod html;
pub mod issuer;
pub mod line_index;
pub mod lines;
pub mod mapped;
pub mod model;
pub mod narrative;
pub mod order;
pub mod reader;
pub mod registry;
pub mod sections;
pub mod span;
pub mod template;
pub mod view;

pub use diagnostic::{Diagnostic, Related};
pub use line_index::{LineIndex, Position};
pub use model::Report;
pub use registry::{Code, Family, RuleInfo, Severity, ALL_CODES};
pub use span::Span;
pub mod check;
pub mod meta;
pub mod output;
pub mod rules;

pub use check::{check, check_with, Checked, Options};
