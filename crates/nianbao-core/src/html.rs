//! HTML input (L9 web pages, L11 Word/WPS clipboard HTML): flattened into the view as lines and
//! tab-separated cells. Inline runs are joined (`20</span><span>23` reads 2023); scripts,
//! styles and comments are skipped; a few entities are decoded. Nothing is ever rendered.

use crate::view::Builder;

/// Whether the text is markup to flatten (a whole page or table), not text with stray tags.
pub fn looks_like_html(text: &str) -> bool {
    // Any of these tags (any case) in the first 16 KB, or a <table anywhere in a long page.
    const MARKS: &[&[u8]] = &[b"<!doctype html", b"<html", b"<table", b"<td", b"<body"];
    let bytes = text.as_bytes();
    let starts_with_any = |at: usize, marks: &[&[u8]]| {
        marks.iter().any(|m| {
            bytes
                .get(at..at + m.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(m))
        })
    };
    let head = bytes.len().min(16 * 1024);
    // `match_indices` with a char pattern runs on memchr.
    text.match_indices('<')
        .any(|(i, _)| starts_with_any(i, if i < head { MARKS } else { &[b"<table"] }))
}

const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "section",
    "article",
    "title",
    "blockquote",
    "pre",
    "hr",
    "dl",
    "dt",
    "dd",
    "center",
];
const SKIP: &[&str] = &["script", "style", "head", "xml", "noscript", "template"];

pub fn flatten(text: &str, b: &mut Builder) {
    let mut i = 0usize;
    let mut cells_in_row = 0usize;
    // Whether the last emitted text was whitespace (collapse runs to one space).
    let mut pending_space: Option<(usize, usize)> = None;
    while i < text.len() {
        let Some(rest) = text.get(i..) else { break };
        if rest.starts_with("<!--") {
            i += rest.find("-->").map(|e| e + 3).unwrap_or(rest.len());
            continue;
        }
        if rest.starts_with('<') {
            let close = rest.find('>').map(|e| e + 1).unwrap_or(rest.len());
            let tag = rest.get(1..close.saturating_sub(1)).unwrap_or("");
            let (closing, name) = tag_name(tag);
            if name.is_empty() && !closing {
                // A lone '<' in text.
                emit_text(b, '<', i, i + 1, &mut pending_space);
                i += 1;
                continue;
            }
            let tag_span = (i, i + close);
            i += close;
            if !closing && SKIP.contains(&name.as_str()) && name != "head" {
                i += closing_tag(text.get(i..).unwrap_or(""), &name);
                continue;
            }
            if name == "head" {
                continue; // walk through <head>: <title> inside is kept, style/script skipped.
            }
            pending_space = None;
            match name.as_str() {
                "tr" => {
                    newline(b, tag_span);
                    cells_in_row = 0;
                }
                "td" | "th" if !closing => {
                    if cells_in_row > 0 {
                        b.push('\t', tag_span.0, tag_span.1);
                    }
                    cells_in_row += 1;
                }
                n if BLOCK.contains(&n) => newline(b, tag_span),
                _ => {}
            }
            continue;
        }
        if rest.starts_with('&') {
            if let Some((c, len)) = entity(rest) {
                emit_text(b, c, i, i + len, &mut pending_space);
                i += len;
                continue;
            }
        }
        let Some(c) = rest.chars().next() else { break };
        let len = c.len_utf8();
        if c.is_whitespace() && c != '\u{3000}' && c != '\u{a0}' {
            pending_space.get_or_insert((i, i + len));
        } else {
            emit_text(b, c, i, i + len, &mut pending_space);
        }
        i += len;
    }
}

fn emit_text(
    b: &mut Builder,
    c: char,
    start: usize,
    end: usize,
    pending_space: &mut Option<(usize, usize)>,
) {
    if let Some((s, e)) = pending_space.take() {
        if !matches!(b.last(), None | Some('\n') | Some('\t') | Some(' ')) {
            b.push(' ', s, e);
        }
    }
    b.push_normalized(c, start, end);
}

fn newline(b: &mut Builder, (s, e): (usize, usize)) {
    if !matches!(b.last(), None | Some('\n')) {
        b.push('\n', s, e);
    }
}

/// Bytes up to `</name` (any case) in `rest`, or all of it: one pass, no copy.
fn closing_tag(rest: &str, name: &str) -> usize {
    for (at, _) in rest.match_indices("</") {
        let after = rest.get(at + 2..).unwrap_or("");
        if after.len() >= name.len()
            && after
                .as_bytes()
                .get(..name.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()))
        {
            return at;
        }
    }
    rest.len()
}

/// `("/td", ...)` → (closing, "td"); lower-case, namespace kept (`o:p`).
fn tag_name(tag: &str) -> (bool, String) {
    let t = tag.trim_start();
    let (closing, t) = match t.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let name: String = t
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == ':' || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    (closing, name)
}

/// Decodes an entity at the start of `s`: (char, length in bytes).
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.get(..12.min(s.len()))?.find(';')?;
    let body = s.get(1..end)?;
    let c = match body {
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        _ => {
            let num = body.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use crate::view::View;

    #[test]
    fn tables_become_tab_separated_lines_and_runs_join() {
        let html =
            "<table><tr><td>行政许可</td><td colspan=3><span>20</span><span>23</span></td></tr>\
                    <tr><td>规章</td><td>&nbsp;</td></tr></table><p>六、其他&amp;事项</p>";
        let v = View::new(html);
        assert_eq!(v.text, "行政许可\t2023\n规章\t \n六、其他&事项\n");
        let at = v.text.find("2023").unwrap_or(0);
        let s = v.span(at, at + 4);
        assert_eq!(&html[s.start..s.end], "20</span><span>23");
    }

    #[test]
    fn scripts_and_styles_are_skipped() {
        let v = View::new("<html><head><title>T</title><style>td{}</style></head><body><script>var a='<td>';</script><td>1</td></body></html>");
        assert!(!v.text.contains("td{}"));
        assert!(!v.text.contains("var"));
        assert!(v.text.contains('T') && v.text.contains('1'));
    }
}
