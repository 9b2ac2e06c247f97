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
    /// The same note in English (report text quoted in “…”).
    pub message_en: String,
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

    /// Adds a related place with its note in Chinese and English.
    pub fn with_related(
        mut self,
        span: Span,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        self.related.push(Related {
            span,
            message: message.into(),
            message_en: message_en.into(),
        });
        self
    }
}

/// What is wrong with an English text (a `message_en` or a related note), if anything. The
/// rule: Chinese appears only as quoted report text, inside “…”, 「…」 or "…"; and a count of
/// one takes the singular ("1 requests" is a fault, "1 request(s)" is not).
#[doc(hidden)]
pub fn english_fault(en: &str) -> Option<String> {
    let (mut curly, mut corner, mut straight) = (0u32, 0u32, false);
    for c in en.chars() {
        match c {
            '“' => curly += 1,
            '”' => curly = curly.saturating_sub(1),
            '「' => corner += 1,
            '」' => corner = corner.saturating_sub(1),
            '"' => straight = !straight,
            _ if curly == 0 && corner == 0 && !straight && is_cjk(c) => {
                return Some(format!("Chinese outside quotes ({c}) in: {en}"));
            }
            _ => {}
        }
    }
    // "1" then a noun (two words at most): "1 new requests"; not "Section 1 appears".
    let words: Vec<&str> = en.split([' ', '(', ')', ',', ';', ':', '.']).collect();
    let plural = |w: &str| {
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !matches!(w, "this" | "plus" | "minus" | "does" | "less")
    };
    for (i, w) in words.iter().enumerate() {
        let named = i > 0
            && words.get(i - 1).is_some_and(|p| {
                matches!(
                    p.to_ascii_lowercase().as_str(),
                    "section" | "table" | "column" | "row"
                )
            });
        if *w == "1" && !named && words.iter().skip(i + 1).take(2).any(|w| plural(w)) {
            return Some(format!("\"1\" with a plural in: {en}"));
        }
    }
    None
}

/// Han characters, CJK punctuation and full-width forms.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'
        | '\u{ff00}'..='\u{ffef}' | '\u{20000}'..='\u{3ffff}')
}

/// Every rule's own tests check their findings' English through this (rules::run).
#[cfg(test)]
pub fn assert_english(d: &Diagnostic) {
    let notes = d.related.iter().map(|r| r.message_en.as_str());
    for en in std::iter::once(d.message_en.as_str()).chain(notes) {
        if let Some(fault) = english_fault(en) {
            panic!("{}: {fault}", d.code.as_str());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::english_fault;

    #[test]
    fn chinese_only_as_quoted_report_text() {
        assert_eq!(english_fault("Table 3 counts 2."), None);
        assert_eq!(
            english_fault("The text says “没有” but “表“三”” counts 2."),
            None
        );
        assert_eq!(english_fault("issuer: 「某某局」, e.g. \"<b>\"."), None);
        assert!(english_fault("Table 三 counts 2.").is_some());
        assert!(english_fault("counts 2，not 3").is_some());
        assert!(english_fault("“unclosed” 表").is_some());
    }

    #[test]
    fn one_takes_the_singular() {
        assert_eq!(
            english_fault("1 request, 2 requests, 1 cell(s), 1 is"),
            None
        );
        assert_eq!(english_fault("Section 1 appears twice."), None);
        assert!(english_fault("1 litigation cases").is_some());
        assert!(english_fault("Table 3: 1 rows").is_some());
    }
}
