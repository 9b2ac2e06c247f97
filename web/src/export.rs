//! Findings as plain text (one line each), CSV for Excel, and the JSON of rules.md. Every form
//! says which findings she waived and why, so the supervising office sees it.

use nianbao_core::Code;

use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::ignore::Waived;

/// （已忽略：已核实）
fn waived_note(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::Zh => format!("（已忽略：{reason}）"),
        Lang::En => format!(" (ignored: {reason})"),
    }
}

/// The flagged text, shortened for a list.
pub fn short(excerpt: &str, max: usize) -> String {
    let flat: String = excerpt
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let flat = flat.trim();
    if flat.chars().count() > max {
        let mut s: String = flat.chars().take(max).collect();
        s.push('…');
        s
    } else {
        flat.to_string()
    }
}

fn title(code: &str, lang: Lang) -> &'static str {
    Code::parse(code)
        .map(|c| lang.pick(c.info().title_zh, c.info().title_en))
        .unwrap_or("")
}

fn message<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::En if !en.is_empty() => en,
        _ => zh,
    }
}

/// 第57行第12列 [错误] A01 标题：说明 — one line per finding.
pub fn text(a: &Analysis, lang: Lang, waived: &Waived) -> String {
    let mut out = String::new();
    for (i, _, d) in a.findings() {
        let place = match lang {
            Lang::Zh => format!("第{}行第{}列", d.line, d.column),
            Lang::En => format!("line {}, column {}", d.line, d.column),
        };
        out.push_str(&format!(
            "{place} [{}] {} {}{}{}{}\n",
            lang.severity(d.severity),
            d.code,
            title(d.code, lang),
            lang.pick("：", ": "),
            message(lang, &d.message, &d.message_en),
            waived
                .reason(i)
                .map(|r| waived_note(lang, r))
                .unwrap_or_default(),
        ));
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// CSV, one row per finding; the caller adds the BOM Excel needs for UTF-8.
pub fn csv(a: &Analysis, lang: Lang, waived: &Waived) -> String {
    let header = lang.pick(
        "行,列,严重程度,代码,问题,说明,位置,原文,忽略原因",
        "line,column,severity,code,problem,message,location,text,ignored because",
    );
    let mut out = format!("{header}\r\n");
    for (i, diag, d) in a.findings() {
        let fields = [
            d.line.to_string(),
            d.column.to_string(),
            lang.severity(d.severity).to_string(),
            d.code.to_string(),
            title(d.code, lang).to_string(),
            message(lang, &d.message, &d.message_en).to_string(),
            a.location(lang, d.start, d.line),
            short(a.excerpt(diag), 80),
            waived.reason(i).unwrap_or("").to_string(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field("平常"), "平常");
    }

    #[test]
    fn short_flattens_and_cuts() {
        assert_eq!(short("a\tb\nc", 10), "a b c");
        assert_eq!(short("一二三四五", 3), "一二三…");
    }
}
