//! X01: leftovers of converting the report from Word, Markdown or HTML into text.
//!
//! Source: rules.md X01; layouts.md ("leftovers of the conversion: [bookmark: _GoBack],
//! markdown **, stray - bullets, HTML entities"). Kinds found:
//! - Word bookmarks: `[bookmark: _GoBack]` and any `[bookmark: …]`;
//! - Markdown bold markers: `**` (a run of asterisks counts once);
//! - HTML tags in plain text (`<br>`, `<p>`, `</span>`, `<span style=…>`), and HTML entities
//!   (`&nbsp;`, `&lt;`, `&#160;`) — only when the input is not itself read as HTML, where markup
//!   is the format and not a leftover.
//!
//! One finding per kind: the first occurrence is the span, the others are related spans (seed 000
//! has many `**`: one X01). Not leftovers: `--------` rule lines inside tables, `- ` bullets.

use crate::diagnostic::Diagnostic;
use crate::registry::Code;
use crate::rules::Context;

const TAGS: &[&str] = &[
    "br", "p", "span", "div", "td", "tr", "th", "table", "tbody", "font", "strong", "b", "i", "u",
    "o:p", "img", "a", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "em", "sup", "sub",
];

const ENTITIES: &[&str] = &[
    "nbsp", "lt", "gt", "amp", "quot", "apos", "ensp", "emsp", "ldquo", "rdquo", "middot", "mdash",
];

/// A leftover's view range `(start, end)`.
type Hit = (usize, usize);

/// Where each kind of leftover is in the view text.
struct Found {
    bookmarks: Vec<Hit>,
    bold: Vec<Hit>,
    tags: Vec<Hit>,
    entities: Vec<Hit>,
}

fn find(text: &str, html: bool) -> Found {
    let mut f = Found {
        bookmarks: Vec::new(),
        bold: Vec::new(),
        tags: Vec::new(),
        entities: Vec::new(),
    };
    for i in crate::chars::find_iter(text, "[bookmark:") {
        let rest = text.get(i..).unwrap_or("");
        let end = rest
            .char_indices()
            .take(80)
            .find(|&(_, c)| c == ']' || c == '\n')
            .filter(|&(_, c)| c == ']')
            .map_or(i + "[bookmark:".len(), |(j, _)| i + j + 1);
        f.bookmarks.push((i, end));
    }
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        if bytes.get(i) == Some(&b'*') && bytes.get(i + 1) == Some(&b'*') {
            let mut j = i;
            while bytes.get(j) == Some(&b'*') {
                j += 1;
            }
            f.bold.push((i, j));
            i = j;
            continue;
        }
        if !html {
            if bytes.get(i) == Some(&b'<') {
                if let Some(end) = tag_at(text, i) {
                    f.tags.push((i, end));
                    i = end;
                    continue;
                }
            }
            if bytes.get(i) == Some(&b'&') {
                if let Some(end) = entity_at(text, i) {
                    f.entities.push((i, end));
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }
    f
}

/// A known HTML tag starting at `i` (`<br>`, `</p>`, `<span style="…">`): its end.
fn tag_at(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i + 1..)?;
    let body = rest.strip_prefix('/').unwrap_or(rest);
    let close = rest
        .char_indices()
        .take(200)
        .find(|&(_, c)| c == '>' || c == '<' || c == '\n')?;
    if close.1 != '>' {
        return None;
    }
    let name_len = body
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == ':'))
        .map_or(body.len(), |(j, _)| j);
    let name = body.get(..name_len)?.to_ascii_lowercase();
    let next = body.get(name_len..)?.chars().next()?;
    (TAGS.contains(&name.as_str()) && matches!(next, '>' | ' ' | '/'))
        .then_some(i + 1 + close.0 + 1)
}

/// An HTML entity starting at `i` (`&nbsp;`, `&#160;`, `&#xa0;`): its end.
fn entity_at(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i + 1..)?;
    let semi = rest.char_indices().take(10).find(|&(_, c)| c == ';')?.0;
    let name = rest.get(..semi)?;
    let numeric = name.strip_prefix('#').is_some_and(|n| {
        let n = n.strip_prefix(['x', 'X']).unwrap_or(n);
        !n.is_empty() && n.chars().all(|c| c.is_ascii_hexdigit())
    });
    (numeric || ENTITIES.contains(&name.to_ascii_lowercase().as_str())).then_some(i + 1 + semi + 1)
}

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let text = &ctx.view.text;
    let f = find(text, ctx.report.html);
    let kinds: [(&[Hit], &str, &str); 4] = [
        (&f.bookmarks, "Word书签标记", "Word bookmark markers"),
        (&f.bold, "Markdown加粗符号", "Markdown bold markers (**)"),
        (&f.tags, "HTML标签", "HTML tags"),
        (&f.entities, "HTML转义字符", "HTML entities"),
    ];
    for (hits, what, en) in kinds {
        let Some(&(a, b)) = hits.first() else {
            continue;
        };
        let first = ctx.view.slice(a, b).to_string();
        let n = hits.len();
        let mut d = Diagnostic::new(
            Code::X01,
            ctx.view.span(a, b),
            format!("文中有{n}处复制粘贴时留下的{what}（如“{first}”），不属于正文内容，请删除。"),
            format!("Conversion leftovers: {en} ({n} found), e.g. \"{first}\". Remove them."),
        );
        for &(x, y) in hits.iter().skip(1) {
            d = d.with_related(
                ctx.view.span(x, y),
                format!("又一处{what}"),
                format!("another: {en}"),
            );
        }
        // Bookmarks, ** and tags are deleted; an entity stands for a character, so no fix.
        if !std::ptr::eq(hits, f.entities.as_slice()) {
            for &(x, y) in hits {
                d = d.with_edit(ctx.view.span(x, y), "");
            }
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Code;
    use crate::rules::fixture::{codes, report, Spec};

    fn x01(overview: &str) -> (String, Vec<crate::Diagnostic>) {
        let t = report(&Spec {
            overview: overview.into(),
            ..Spec::default()
        });
        let d = codes(&t, Code::X01);
        (t, d)
    }

    #[test]
    fn one_finding_per_kind() {
        let (t, d) = x01("**二是加强建设。**三是**强化**。\n[bookmark: _GoBack]今后将继续。<br>第一行&nbsp;第二行<span style=\"x\">字</span>");
        assert_eq!(d.len(), 4, "{d:?}");
        let bold = d
            .iter()
            .find(|d| d.message.contains("Markdown"))
            .expect("bold");
        assert_eq!(&t[bold.span.start..bold.span.end], "**");
        assert_eq!(bold.related.len(), 3);
        let bm = d
            .iter()
            .find(|d| d.message.contains("书签"))
            .expect("bookmark");
        assert_eq!(&t[bm.span.start..bm.span.end], "[bookmark: _GoBack]");
        let tags = d
            .iter()
            .find(|d| d.message.contains("HTML标签"))
            .expect("tags");
        assert_eq!(&t[tags.span.start..tags.span.end], "<br>");
        assert_eq!(tags.related.len(), 2);
        let ent = d
            .iter()
            .find(|d| d.message.contains("转义"))
            .expect("entity");
        assert_eq!(&t[ent.span.start..ent.span.end], "&nbsp;");
        assert!(d.iter().all(|d| d.severity == crate::Severity::Info));
    }

    #[test]
    fn rules_bullets_and_plain_symbols_are_not_leftovers() {
        for ov in [
            "- 1、强化履职尽责。\n- 2、强化监督检查。",
            "--------\t---\t---",
            "满意度>90%且投诉<5件,A&B公司参与。",
            "备注*:见附件。",
        ] {
            assert!(x01(ov).1.is_empty(), "{ov}");
        }
    }

    #[test]
    fn markup_of_an_html_page_is_not_a_leftover() {
        let t = "<html><body><p>测试市2025年政府信息公开工作年度报告</p><p>一、总体情况</p><p>2025年,全市认真做好工作。&nbsp;</p></body></html>";
        assert!(codes(t, Code::X01).is_empty());
    }
}
