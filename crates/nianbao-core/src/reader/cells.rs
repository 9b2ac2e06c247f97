//! Turns a table region of the view into a stream of tokens: labels, values and empty cells,
//! whatever the paste layout (tabs, pipes, one cell per line, PDF space-separated rows, HTML
//! flattened to tabs). Row boundaries are kept only where the layout has them (`row_line`),
//! and blank lines are counted (`gap_before`), since in one-cell-per-line pastes they are the
//! only trace of an empty cell.

use crate::chars::is_han;
use crate::fmt::parse_decimal;
use crate::lines::LineBreaks;
use crate::view::ViewRange;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A plain number (commas removed, sign kept).
    Number(f64),
    /// `-`, `/`, `—`, `无`: zero written another way.
    Placeholder,
    /// A number with a unit, sign word or vague marker: (value, the qualifier, vague).
    Qualified {
        value: f64,
        unit: String,
        vague: bool,
    },
    /// Not a number at all (`若干`).
    Text,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Label text, whitespace removed.
    Label(String),
    Value(Value),
    /// A blank cell that the layout shows (between separators, or a lone `|` line in L1).
    Empty,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: Kind,
    pub range: ViewRange,
    /// Index of the view line the token is on (within the region).
    pub line: usize,
    /// Whether the token's line is a row of several cells (tab/pipe layouts).
    pub row_line: bool,
    /// Blank lines just before the token's line (0 for a token after another on its line).
    pub gap_before: u32,
}

/// Where tokens are being made: their line, whether it is a row line, the blank lines before.
#[derive(Clone, Copy)]
struct Place {
    line: usize,
    row_line: bool,
    gap_before: u32,
}

impl Place {
    /// The place of the next line's tokens; takes the blank lines counted before it.
    fn new(line: usize, row_line: bool, blank_lines: &mut u32) -> Place {
        let gap_before = std::mem::take(blank_lines);
        Place {
            line,
            row_line,
            gap_before,
        }
    }
    fn token(&self, kind: Kind, start: usize, end: usize) -> Token {
        Token {
            kind,
            range: ViewRange::new(start, end),
            line: self.line,
            row_line: self.row_line,
            gap_before: self.gap_before,
        }
    }
}

/// A markdown or ASCII rule line (`|---|---|`, `--------\t---\t---`).
fn is_rule_line(line: &str) -> bool {
    let t = line.trim();
    t.contains("---")
        && t.chars()
            .all(|c| matches!(c, '-' | '—' | '=' | ':' | '|' | '\t' | ' ' | '+'))
}

pub fn parse_value(word: &str) -> Option<Value> {
    let w = word.trim().trim_matches('*');
    // Fast exit for label words: a value starts with a digit, a sign, a placeholder, or one of
    // the few words below.
    let first = w.chars().next()?;
    if !(first.is_ascii_digit()
        || matches!(
            first,
            '+' | '-'
                | '—'
                | '–'
                | '─'
                | '/'
                | '\\'
                | '_'
                | '无'
                | '若'
                | '不'
                | '暂'
                | '数'
                | '多'
                | '约'
                | '近'
                | '减'
                | '增'
                | '见'
                | '详'
                | '未'
        ))
    {
        return None;
    }
    if w == "无"
        || (w.chars().count() <= 2
            && w.chars()
                .all(|c| matches!(c, '-' | '—' | '–' | '─' | '/' | '\\' | '_')))
    {
        return Some(Value::Placeholder);
    }
    if matches!(
        w,
        "若干"
            | "不详"
            | "暂无"
            | "数个"
            | "多个"
            | "不等"
            | "见附件"
            | "详见附件"
            | "不适用"
            | "不涉及"
            | "未统计"
            | "暂无数据"
    ) {
        return Some(Value::Text);
    }
    // Prefix words.
    let (mut sign, mut rest, mut unit, mut vague) = (1.0, w, String::new(), false);
    for (p, s, v) in [
        ("约", 1.0, true),
        ("近", 1.0, true),
        ("减少", -1.0, false),
        ("减", -1.0, false),
        ("增加", 1.0, false),
        ("增", 1.0, false),
    ] {
        if let Some(r) = rest.strip_prefix(p) {
            rest = r;
            sign = s;
            vague |= v;
            unit.push_str(p);
            break;
        }
    }
    if let Some(r) = rest.strip_prefix('+') {
        rest = r;
    } else if let Some(r) = rest.strip_prefix('-') {
        rest = r;
        sign = -sign;
    }
    let digits_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let (num, suffix) = rest.split_at(digits_end);
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if num.matches('.').count() > 1 || num.ends_with('.') {
        return None;
    }
    let value = parse_decimal(num)?;
    let suffix = suffix.trim();
    if !suffix.is_empty() {
        const UNITS: &[&str] = &[
            "万余元",
            "余万元",
            "万元",
            "余元",
            "元",
            "万余",
            "余",
            "多",
            "万",
            "件",
            "条",
            "个",
            "项",
            "次",
            "宗",
            "起",
            "笔",
        ];
        if !UNITS.contains(&suffix) {
            return None;
        }
        vague |= suffix.contains('余') || suffix.contains('多');
        unit.push_str(suffix);
    }
    let value = sign * value;
    if unit.is_empty()
        || matches!(
            unit.as_str(),
            "件" | "条" | "个" | "项" | "次" | "宗" | "起" | "笔"
        )
    {
        Some(Value::Number(value))
    } else {
        Some(Value::Qualified { value, unit, vague })
    }
}

fn is_numbering(word: &str) -> bool {
    let t = word.trim_end_matches(['.', '、', ')', ' ']);
    word.len() > t.len() && !t.is_empty() && t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit())
}

/// Splits one cell's text into words: labels (joined) and values. `parts` is scratch space.
fn words<'a>(
    piece: &'a str,
    base: usize,
    mut at: Place,
    parts: &mut Vec<(usize, &'a str)>,
    out: &mut Vec<Token>,
) {
    let mut label: Option<(usize, usize, String)> = None;
    fn flush(label: &mut Option<(usize, usize, String)>, at: &mut Place, out: &mut Vec<Token>) {
        if let Some((s, e, t)) = label.take() {
            out.push(at.token(Kind::Label(t), s, e));
            at.gap_before = 0;
        }
    }
    let mut pos = 0usize;
    parts.clear();
    parts.extend(
        piece
            .split(' ')
            .map(|w| {
                let p = pos;
                pos += w.len() + 1;
                (p, w)
            })
            .filter(|(_, w)| !w.trim_matches('*').is_empty()),
    );
    let parts = &*parts;
    for (k, &(off, w)) in parts.iter().enumerate() {
        let (s, e) = (base + off, base + off + w.len());
        let next_is_label = || {
            parts
                .get(k + 1)
                .is_some_and(|(_, n)| n.chars().any(is_han) && parse_value(n).is_none())
        };
        let mut value = if is_numbering(w) && next_is_label() {
            None
        } else {
            parse_value(w)
        };
        // "(四) 无" + "法提供": a Chinese word after label text is more label, not a value.
        if label.is_some()
            && w.chars().any(is_han)
            && matches!(value, Some(Value::Placeholder | Value::Text))
        {
            value = None;
        }
        match value {
            Some(v) => {
                flush(&mut label, &mut at, out);
                out.push(at.token(Kind::Value(v), s, e));
                at.gap_before = 0;
            }
            _ => {
                let append = |dst: &mut String| {
                    if w.contains(|c: char| c.is_whitespace() || c == '*') {
                        dst.extend(w.chars().filter(|c| !c.is_whitespace() && *c != '*'));
                    } else {
                        dst.push_str(w);
                    }
                };
                match &mut label {
                    Some((_, le, lt)) => {
                        *le = e;
                        append(lt);
                    }
                    None => {
                        let mut t = String::with_capacity(w.len());
                        append(&mut t);
                        label = Some((s, e, t));
                    }
                }
            }
        }
    }
    flush(&mut label, &mut at, out);
}

/// Tokenises the view text `[a, b)`; `breaks` are the text's line breaks.
pub fn stream(text: &str, breaks: &LineBreaks, a: usize, b: usize) -> Vec<Token> {
    let mut out = Vec::new();
    // L1 (cells end in " |") makes a lone "|" an empty cell; in L5 it is only a separator.
    let l1 = breaks.split(text, a, b).filter(|(_, l)| {
        let t = l.trim_end();
        t.ends_with('|')
            && !t.trim_end_matches('|').trim().is_empty()
            && !t.trim_end_matches('|').contains('|')
    });
    let l1 = l1.take(3).count() >= 3;
    let mut blank_lines = 0u32;
    // A line's cells, and the cells split further at runs of spaces (reused line to line).
    let mut pieces: Vec<(usize, &str)> = Vec::new();
    let mut split: Vec<(usize, &str)> = Vec::new();
    let mut parts: Vec<(usize, &str)> = Vec::new();
    for (line_no, (base, line)) in breaks.split(text, a, b).enumerate() {
        if crate::footer::is_page_footer(line) || is_rule_line(line) {
            continue;
        }
        pieces.clear();
        split.clear();
        let mut pos = 0usize;
        for p in line.split(['\t', '|']) {
            pieces.push((pos, p));
            pos += p.len() + 1;
        }
        let trimmed = line.trim();
        if trimmed.ends_with('|') && pieces.last().is_some_and(|(_, p)| p.trim().is_empty()) {
            pieces.pop();
        }
        if trimmed.starts_with('|') && pieces.first().is_some_and(|(_, p)| p.trim().is_empty()) {
            pieces.remove(0);
        }
        // Runs of two or more spaces separate cells too (PDF and plain-text tables).
        for &(off, p) in &pieces {
            let mut start = 0usize;
            let bytes = p.as_bytes();
            let mut i = 0usize;
            while i + 1 < bytes.len() {
                if bytes.get(i) == Some(&b' ') && bytes.get(i + 1) == Some(&b' ') {
                    let mut j = i;
                    while bytes.get(j) == Some(&b' ') {
                        j += 1;
                    }
                    let left = p.get(start..i).unwrap_or("");
                    let right_nonempty = p.get(j..).is_some_and(|r| !r.trim().is_empty());
                    // "结  果  维  持": spaced-out label characters are one label.
                    let short_han =
                        |w: &str| !w.is_empty() && w.chars().count() <= 2 && w.chars().all(is_han);
                    let last_word = left.trim().rsplit(' ').next().unwrap_or("");
                    let next_word = p
                        .get(j..)
                        .unwrap_or("")
                        .trim_start()
                        .split([' '])
                        .next()
                        .unwrap_or("");
                    let spaced_label = short_han(last_word) && short_han(next_word);
                    if !left.trim().is_empty() && right_nonempty && !spaced_label {
                        split.push((off + start, left));
                        start = j;
                    }
                    i = j;
                } else {
                    i += 1;
                }
            }
            split.push((off + start, p.get(start..).unwrap_or("")));
        }
        let nonempty = split.iter().filter(|(_, p)| !p.trim().is_empty()).count();
        let row_line = nonempty >= 2;
        if nonempty == 0 {
            if l1 && trimmed == "|" {
                let at = Place::new(line_no, false, &mut blank_lines);
                out.push(at.token(Kind::Empty, base, base + line.len()));
            } else if trimmed.is_empty() {
                blank_lines += 1;
            }
            continue;
        }
        let mut at = Place::new(line_no, row_line, &mut blank_lines);
        let line_start_token = out.len();
        for &(off, p) in &split {
            let lead = p.len() - p.trim_start().len();
            let body = p.trim();
            let s = base + off + lead;
            if body.is_empty() {
                if row_line {
                    out.push(at.token(Kind::Empty, s, s));
                    at.gap_before = 0;
                }
                continue;
            }
            let before = out.len();
            words(body, s, at, &mut parts, &mut out);
            if out.len() > before {
                at.gap_before = 0;
            }
        }
        // A PDF row: one piece, its values separated by single spaces (`规章 0 0 1`, or values
        // alone): a row of cells all the same.
        if let Some(line_tokens) = out.get_mut(line_start_token..) {
            let values = line_tokens
                .iter()
                .filter(|t| matches!(t.kind, Kind::Value(_)))
                .count();
            if values >= 2 {
                for t in line_tokens {
                    t.row_line = true;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        stream(text, &LineBreaks::of(text), 0, text.len())
            .into_iter()
            .map(|c| match c.kind {
                Kind::Label(l) => format!("L:{l}"),
                Kind::Value(Value::Number(n)) => format!("{n}"),
                Kind::Value(Value::Placeholder) => "P".into(),
                Kind::Value(Value::Qualified { value, unit, .. }) => format!("{value}{unit}"),
                Kind::Value(Value::Text) => "T".into(),
                Kind::Empty => "E".into(),
            })
            .collect()
    }

    #[test]
    fn values_and_units() {
        assert_eq!(
            parse_value("1763万余元"),
            Some(Value::Qualified {
                value: 1763.0,
                unit: "万余元".into(),
                vague: true
            })
        );
        assert_eq!(parse_value("214.6823"), Some(Value::Number(214.6823)));
        assert_eq!(
            parse_value("减4"),
            Some(Value::Qualified {
                value: -4.0,
                unit: "减".into(),
                vague: false
            })
        );
        assert_eq!(parse_value("—"), Some(Value::Placeholder));
        assert_eq!(parse_value("1.属于"), None);
        assert_eq!(parse_value("若干"), Some(Value::Text));
    }

    #[test]
    fn layouts() {
        assert_eq!(kinds("规章\t0\t0\t\n"), ["L:规章", "0", "0", "E"]);
        assert_eq!(
            kinds("| 规章 | 0 | 1 | ||\n"),
            ["L:规章", "0", "1", "E", "E"]
        );
        assert_eq!(kinds("\t规章\n\t0\n\t\n\n\t-\n"), ["L:规章", "0", "P"]);
        assert_eq!(
            kinds("1. 属于国家秘密 0 0 1\n"),
            ["L:1.属于国家秘密", "0", "0", "1"]
        );
        assert_eq!(
            kinds("- 3 -\n结  果  维  持\n0 0\n"),
            ["L:结果维持", "0", "0"]
        );
        assert_eq!(kinds("0 |\n|\n1 |\n2 |\n"), ["0", "E", "1", "2"]);
        assert_eq!(kinds("0\n|\n1\n|\n"), ["0", "1"]);
        assert_eq!(kinds("--------\t---\t---\n"), Vec::<String>::new());
    }
}
