//! A finding: a stable code, a plain Chinese message with the numbers and the place, and the
//! exact characters it is about (plus related ones, e.g. the parts of a failed sum).

use crate::registry::{Code, Severity};
use crate::span::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// What is wrong, where, and what would be right — for a clerk, in Chinese.
    pub message: String,
    pub message_en: String,
    pub span: Span,
    pub related: Vec<Related>,
    /// The correction, when the rule is sure of it: edits applied together (one click in the
    /// page, `fix` in the JSON). Empty when what is right cannot be known from the text.
    pub fix: Vec<Edit>,
}

/// Put `replacement` where `span` is (an empty replacement deletes).
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// Another place that belongs to a finding (a part of a sum, a duplicate heading...).
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic with the code's usual severity.
    pub fn new(
        code: Code,
        span: Span,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity: code.info().severity,
            message: message.into(),
            message_en: message_en.into(),
            span,
            related: Vec::new(),
            fix: Vec::new(),
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Adds an edit to the finding's fix.
    pub fn with_edit(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fix.push(Edit {
            span,
            replacement: replacement.into(),
        });
        self
    }

    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }
}
