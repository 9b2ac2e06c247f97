//! Chinese first, English on request: every visible string goes through [`Lang::pick`].

use nianbao_core::Severity;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The value of `<html lang>`.
    pub fn tag(self) -> &'static str {
        self.pick("zh-CN", "en")
    }

    pub fn from_tag(tag: &str) -> Lang {
        if tag == "en" {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// 错误 / 警告 / 提示: severities are always named in words, never by colour alone.
    pub fn severity(self, s: Severity) -> &'static str {
        match self {
            Lang::Zh => s.zh(),
            Lang::En => match s {
                Severity::Error => "Error",
                Severity::Warning => "Warning",
                Severity::Info => "Note",
            },
        }
    }

    /// "2 Warnings" / "1 Error": the word after a count (Chinese has no plural).
    pub fn severities(self, s: Severity, n: usize) -> &'static str {
        match (self, s, n == 1) {
            (Lang::Zh, _, _) => s.zh(),
            (Lang::En, _, true) => self.severity(s),
            (Lang::En, Severity::Error, false) => "Errors",
            (Lang::En, Severity::Warning, false) => "Warnings",
            (Lang::En, Severity::Info, false) => "Notes",
        }
    }

    /// 第三部分 / Section 3.
    pub fn section(self, number: u8) -> String {
        match self {
            Lang::Zh => format!("第{}部分", chinese_numeral(number)),
            Lang::En => format!("Section {number}"),
        }
    }

    /// 第57行 / line 57.
    pub fn line(self, line: usize) -> String {
        match self {
            Lang::Zh => format!("第{line}行"),
            Lang::En => format!("line {line}"),
        }
    }
}

/// The icon shown beside a severity's colour.
pub fn severity_icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "✕",
        Severity::Warning => "!",
        Severity::Info => "i",
    }
}

pub fn chinese_numeral(n: u8) -> &'static str {
    match n {
        1 => "一",
        2 => "二",
        3 => "三",
        4 => "四",
        5 => "五",
        6 => "六",
        _ => "？",
    }
}
