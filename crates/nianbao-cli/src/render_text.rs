//! Human output in the manner of rustc and ruff: a header line, ` --> file:line:col`, the
//! source line with the span underlined, related places as notes, and a summary per run.
//! Widths are display columns: CJK characters take two, tabs go to the next stop of four.

use std::fmt::Write;

use nianbao_core::output::Summary;
use nianbao_core::{Checked, Diagnostic, LineIndex, Severity};

/// Longest stretch of a source line shown, in display columns, before it is cut with `...`.
const MAX_WIDTH: usize = 100;
/// Columns kept before the first mark when a long line is cut.
const LEAD: usize = 24;
const TAB: usize = 4;

#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, s: &str) -> String {
        if self.color && !s.is_empty() {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn severity(self, sev: Severity, s: &str) -> String {
        let code = match sev {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.paint(code, s)
    }
    /// A rule code in its severity's colour.
    pub fn code(self, sev: Severity, s: &str) -> String {
        self.severity(sev, s)
    }
    pub fn heading(self, s: &str) -> String {
        self.bold(s)
    }
    /// A heading on a line of its own, with a blank line after it.
    pub fn heading_line(self, s: &str) -> String {
        format!("{}\n\n", self.bold(s))
    }
    fn gutter(self, s: &str) -> String {
        self.paint("1;34", s)
    }
    fn bold(self, s: &str) -> String {
        self.paint("1", s)
    }
}

/// Display width of one character (tabs are handled by the caller).
pub fn char_width(c: char) -> usize {
    let u = c as u32;
    if c.is_control() || is_zero_width(u) {
        0
    } else if is_wide(u) {
        2
    } else {
        1
    }
}

fn is_zero_width(u: u32) -> bool {
    matches!(u,
        0x0300..=0x036F | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x2064
        | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0xFEFF)
}

/// East Asian Wide and Fullwidth characters (the ranges that occur in practice).
fn is_wide(u: u32) -> bool {
    matches!(u,
        0x1100..=0x115F | 0x2329..=0x232A | 0x2E80..=0x303E | 0x3041..=0x33FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xA960..=0xA97F
        | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE10..=0xFE19 | 0xFE30..=0xFE6F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x1F900..=0x1F9FF
        | 0x20000..=0x2FFFD | 0x30000..=0x3FFFD)
}

/// Display width of a string as printed on one line (tabs to stops of four).
pub fn width(s: &str) -> usize {
    layout(s).last().map_or(0, |g| g.col + g.width)
}

/// One character of a source line as displayed: where it starts (bytes into the line and
/// display column) and what is printed for it.
struct Glyph {
    byte: usize,
    col: usize,
    width: usize,
    text: String,
}

fn layout(line: &str) -> Vec<Glyph> {
    let mut col = 0;
    let mut out = Vec::with_capacity(line.len());
    for (byte, c) in line.char_indices() {
        let (text, w) = if c == '\t' {
            let w = TAB - col % TAB;
            (" ".repeat(w), w)
        } else {
            let w = char_width(c);
            (if w == 0 { String::new() } else { c.to_string() }, w)
        };
        out.push(Glyph {
            byte,
            col,
            width: w,
            text,
        });
        col += w;
    }
    out
}

/// A mark under a line: display columns `[from, to)` and the character drawn.
#[derive(Clone, Copy)]
struct Mark {
    from: usize,
    to: usize,
    primary: bool,
}

/// A line with its marks.
struct Marked<'t> {
    line: usize,
    text: &'t str,
    marks: Vec<Mark>,
}

/// The byte range of the line holding `byte`, without its line ending.
fn line_bounds(text: &str, byte: usize) -> (usize, usize) {
    let byte = floor_boundary(text, byte);
    let start = text
        .get(..byte)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(byte..)
        .and_then(|s| s.find('\n'))
        .map_or(text.len(), |i| byte + i);
    let line = text.get(start..end).unwrap_or("");
    (start, start + line.trim_end_matches('\r').len())
}

fn floor_boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while b > 0 && !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// Places a byte span (clipped to its first line) on that line's display columns.
fn mark<'t>(
    text: &'t str,
    index: &LineIndex,
    start: usize,
    end: usize,
    primary: bool,
) -> Marked<'t> {
    let (ls, le) = line_bounds(text, start);
    let line_text = text.get(ls..le).unwrap_or("");
    let glyphs = layout(line_text);
    let col_at = |byte: usize| -> usize {
        let rel = byte.saturating_sub(ls);
        glyphs
            .iter()
            .find(|g| g.byte >= rel)
            .map_or_else(|| glyphs.last().map_or(0, |g| g.col + g.width), |g| g.col)
    };
    let from = col_at(start.max(ls));
    let to = col_at(end.min(le).max(start));
    Marked {
        line: index.position(start).line,
        text: line_text,
        marks: vec![Mark {
            from,
            to: to.max(from + 1),
            primary,
        }],
    }
}

/// Writes one diagnostic.
pub fn diagnostic(
    out: &mut String,
    path: &str,
    text: &str,
    index: &LineIndex,
    d: &Diagnostic,
    style: Style,
) {
    let pos = index.position(d.span.start);
    let head = format!("{}[{}]", d.severity.as_str(), d.code.as_str());
    let _ = writeln!(
        out,
        "{}{}",
        style.severity(d.severity, &head),
        style.bold(&format!(": {}", d.message))
    );

    // Lines to show: the primary one and those of related places, each with its marks.
    // Related places beyond the first few (a placeholder finding lists a hundred cells) are
    // counted, not drawn.
    const SHOWN: usize = 4;
    let mut lines: Vec<Marked> = vec![mark(text, index, d.span.start, d.span.end, true)];
    for r in d.related.iter().take(SHOWN) {
        let m = mark(text, index, r.span.start, r.span.end, false);
        match lines.iter_mut().find(|l| l.line == m.line) {
            Some(l) => l.marks.extend(m.marks),
            None => lines.push(m),
        }
    }
    lines.sort_by_key(|l| l.line);
    let gw = lines
        .iter()
        .map(|l| l.line.to_string().len())
        .max()
        .unwrap_or(1);
    let pad = " ".repeat(gw);
    let bar = style.gutter("|");

    let _ = writeln!(
        out,
        "{pad}{} {path}:{}:{}",
        style.gutter("-->"),
        pos.line,
        pos.column
    );
    let _ = writeln!(out, "{pad} {bar}");
    let mut previous: Option<usize> = None;
    for l in &lines {
        if previous.is_some_and(|p| l.line > p + 1) {
            let _ = writeln!(out, "{}", style.gutter("..."));
        }
        previous = Some(l.line);
        let (src, under) = snippet(l.text, &l.marks);
        let num = format!("{:>gw$}", l.line);
        let _ = writeln!(out, "{} {bar} {src}", style.gutter(&num));
        let under = under.trim_end();
        let painted: String = under
            .chars()
            .map(|c| match c {
                '^' => style.severity(d.severity, "^"),
                '-' => style.gutter("-"),
                c => c.to_string(),
            })
            .collect();
        let _ = writeln!(out, "{pad} {bar} {painted}");
    }
    if !d.related.is_empty() {
        let _ = writeln!(out, "{pad} {bar}");
    }
    for r in d.related.iter().take(SHOWN) {
        let p = index.position(r.span.start);
        let _ = writeln!(
            out,
            "{pad} {} {}",
            style.gutter("="),
            style.bold(&format!("note: {}:{}: {}", p.line, p.column, r.message))
        );
    }
    if d.related.len() > SHOWN {
        let more = d.related.len() - SHOWN;
        let _ = writeln!(
            out,
            "{pad} {} {}",
            style.gutter("="),
            style.bold(&format!("note: 另有{more}处（and {more} more）"))
        );
    }
    out.push('\n');
}

/// The displayed source line (cut around the marks when too long) and the line of marks.
fn snippet(line: &str, marks: &[Mark]) -> (String, String) {
    let glyphs = layout(line);
    let total = glyphs.last().map_or(0, |g| g.col + g.width);
    let first = marks.iter().map(|m| m.from).min().unwrap_or(0);
    let last = marks.iter().map(|m| m.to).max().unwrap_or(0);
    let (mut lo, mut hi) = (0, total.max(last));
    if total > MAX_WIDTH {
        lo = first.saturating_sub(LEAD);
        // A mark longer than the window is cut with the line (a whole long paragraph).
        hi = (lo + MAX_WIDTH).min(total.max(last));
        if hi - lo < MAX_WIDTH {
            lo = hi.saturating_sub(MAX_WIDTH).min(first);
        }
    }
    let cut_left = lo > 0;
    let cut_right = hi < total;
    let mut src = String::new();
    let mut shown_from = lo;
    if cut_left {
        src.push_str("...");
        // Start at the first whole character inside the window.
        shown_from = glyphs.iter().find(|g| g.col >= lo).map_or(lo, |g| g.col);
    }
    let offset = if cut_left { 3 } else { 0 };
    let mut end_col = shown_from;
    for g in &glyphs {
        if g.col >= shown_from && g.col + g.width <= hi {
            src.push_str(&g.text);
            end_col = g.col + g.width;
        }
    }
    if cut_right {
        src.push_str("...");
    }
    // Marks, shifted into the window; the primary mark wins where they overlap.
    let width = offset + hi.saturating_sub(shown_from) + 1;
    let mut under = vec![' '; width];
    for primary in [false, true] {
        for m in marks.iter().filter(|m| m.primary == primary) {
            let from = m.from.max(shown_from);
            let to = m.to.min(end_col.max(shown_from + 1)).max(from + 1);
            for c in from..to {
                if let Some(slot) = under.get_mut(offset + c - shown_from) {
                    *slot = if primary { '^' } else { '-' };
                }
            }
        }
    }
    (src, under.into_iter().collect())
}

/// Writes every diagnostic of one checked file.
pub fn file(out: &mut String, path: &str, text: &str, checked: &Checked, style: Style) {
    let index = LineIndex::new(text);
    for d in &checked.diagnostics {
        diagnostic(out, path, text, &index, d, style);
    }
}

/// The closing lines of a run, in Chinese and English.
pub fn summary(files: usize, unreadable: usize, s: Summary, style: Style) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut zh = format!(
        "{files} 个文件：{} 个错误，{} 个警告，{} 个提示",
        s.errors, s.warnings, s.infos
    );
    let mut en = format!(
        "{}: {}, {}, {}",
        plural(files, "file", "files"),
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.infos, "info", "infos"),
    );
    if unreadable > 0 {
        let _ = write!(zh, "；{unreadable} 个文件无法读取");
        let _ = write!(
            en,
            "; {}",
            plural(unreadable, "file unreadable", "files unreadable")
        );
    }
    let worst = if s.errors > 0 || unreadable > 0 {
        Some(Severity::Error)
    } else if s.warnings > 0 {
        Some(Severity::Warning)
    } else {
        None
    };
    match worst {
        Some(sev) => format!(
            "{}\n{}\n",
            style.severity(sev, &zh),
            style.severity(sev, &en)
        ),
        None => format!("{}\n{}\n", style.bold(&zh), style.bold(&en)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_cjk_as_two_and_tabs_to_stops() {
        assert_eq!(char_width('a'), 1);
        assert_eq!(char_width('年'), 2);
        assert_eq!(char_width('，'), 2);
        assert_eq!(char_width('\u{FEFF}'), 0);
        assert_eq!(width("a\tb"), 5);
        assert_eq!(width("年\t1"), 5);
        assert_eq!(width("自然人"), 6);
    }

    #[test]
    fn underline_sits_under_the_cjk_span() {
        let line = "规章\t0\t错误值\t0";
        let glyphs = layout(line);
        let start = line.find('错').unwrap();
        let end = start + "错误值".len();
        let col = |b: usize| glyphs.iter().find(|g| g.byte >= b).unwrap().col;
        let (src, under) = snippet(
            line,
            &[Mark {
                from: col(start),
                to: col(end),
                primary: true,
            }],
        );
        assert_eq!(src, "规章    0   错误值  0");
        assert_eq!(under.trim_end(), "            ^^^^^^");
    }

    #[test]
    fn long_lines_are_cut_around_the_mark() {
        let line = format!("{}目标{}", "前".repeat(200), "后".repeat(200));
        let at = 400;
        let (src, under) = snippet(
            &line,
            &[Mark {
                from: at,
                to: at + 4,
                primary: true,
            }],
        );
        assert!(src.starts_with("...") && src.ends_with("..."));
        assert!(width(&src) <= MAX_WIDTH + 6);
        let caret = under.find('^').unwrap();
        let before: String = src.chars().take_while(|_| true).collect();
        // The caret is under 目标: the display width up to 目 equals the caret column.
        let upto = before.find('目').unwrap();
        assert_eq!(width(&before[..upto]), caret);
    }

    #[test]
    fn a_mark_over_a_whole_long_line_is_cut_with_it() {
        let line = "长".repeat(300);
        let (src, under) = snippet(
            &line,
            &[Mark {
                from: 0,
                to: 600,
                primary: true,
            }],
        );
        assert!(
            src.ends_with("...") && width(&src) <= MAX_WIDTH + 3,
            "{src}"
        );
        assert!(
            under.trim_end().len() <= MAX_WIDTH,
            "{}",
            under.trim_end().len()
        );
    }

    fn render(text: &str, d: &Diagnostic) -> String {
        let mut out = String::new();
        diagnostic(
            &mut out,
            "r.txt",
            text,
            &LineIndex::new(text),
            d,
            Style { color: false },
        );
        out
    }

    /// The column (display width before it) of `needle` within the printed source line.
    fn caret_line_for(out: &str, source_line: usize) -> (String, String) {
        let lines: Vec<&str> = out.lines().collect();
        let i = lines
            .iter()
            .position(|l| l.trim_start().starts_with(&format!("{source_line} |")))
            .unwrap();
        (lines[i].to_string(), lines[i + 1].to_string())
    }

    #[test]
    fn renders_header_location_source_and_underline() {
        let text = "标题\n2023年收到行政诉讼1条。\n表四\t0\t0\n";
        let at = text.find("行政诉讼1条").unwrap();
        let cell = text.rfind('0').unwrap();
        let d = Diagnostic::new(
            nianbao_core::Code::N02,
            nianbao_core::Span::new(at, at + "行政诉讼1条".len()),
            "正文说行政诉讼1件，表四为0",
            "text says 1 lawsuit, table says 0",
        )
        .with_related(
            nianbao_core::Span::new(cell, cell + 1),
            "表四行政诉讼总计",
            "table 4 litigation total",
        );
        let out = render(text, &d);
        assert!(
            out.starts_with("warning[N02]: 正文说行政诉讼1件，表四为0\n"),
            "{out}"
        );
        assert!(out.contains(" --> r.txt:2:8\n"), "{out}");
        let (src, under) = caret_line_for(&out, 2);
        // Source after "2 | ", underline under the same display columns.
        let src = src.split_once("| ").unwrap().1;
        let under = under.split_once("| ").unwrap().1;
        let col = width(&src[..src.find("行政").unwrap()]);
        assert_eq!(under.find('^'), Some(col), "{out}");
        assert_eq!(under.trim().chars().count(), width("行政诉讼1条"));
        let (src3, under3) = caret_line_for(&out, 3);
        let src3 = src3.split_once("| ").unwrap().1;
        assert_eq!(src3, "表四    0   0");
        assert_eq!(under3.split_once("| ").unwrap().1, "            -");
        assert!(out.contains("= note: 3:6: 表四行政诉讼总计"), "{out}");
    }

    #[test]
    fn an_empty_span_at_the_end_of_a_line_still_gets_a_caret() {
        let text = "一、总体情况\n";
        let d = Diagnostic::new(
            nianbao_core::Code::S01,
            nianbao_core::Span::empty_at(text.len() - 1),
            "缺",
            "missing",
        );
        let out = render(text, &d);
        let (_, under) = caret_line_for(&out, 1);
        assert_eq!(under.split_once("| ").unwrap().1, " ".repeat(12) + "^");
    }

    #[test]
    fn summary_in_both_languages() {
        let s = Summary {
            errors: 2,
            warnings: 1,
            infos: 4,
        };
        let text = summary(3, 0, s, Style { color: false });
        assert_eq!(
            text,
            "3 个文件：2 个错误，1 个警告，4 个提示\n3 files: 2 errors, 1 warning, 4 infos\n"
        );
    }
}
