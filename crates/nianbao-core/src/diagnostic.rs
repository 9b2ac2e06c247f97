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
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
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
