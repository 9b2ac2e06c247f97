//! Every span nianbao returns slices the text as given on char boundaries, for the seeds, the
//! corpus and generated reports — also after emoji, 𠤪, CRLF, a BOM and U+3000 before the
//! tables — and the UTF-16 offsets of `output::build` slice the same text as the char offsets.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod gen;

use gen::{arb_model, arb_style, render, Layout, Style, LAYOUTS};
use nianbao_core::model::Template;
use nianbao_core::output::{build, Offsets};
use nianbao_core::{check, Checked, Span};
use proptest::prelude::*;

/// Every span of a result, with what it is.
fn spans(c: &Checked) -> Vec<(String, Span)> {
    let mut v = Vec::new();
    for d in &c.diagnostics {
        v.push((format!("diagnostic {}", d.code.as_str()), d.span));
        for r in &d.related {
            v.push((format!("related of {}", d.code.as_str()), r.span));
        }
    }
    for s in &c.report.sections {
        v.push((format!("section {}", s.number), s.span));
        v.push((format!("section {} numbering", s.number), s.numbering_span));
        v.push((format!("section {} body", s.number), s.body));
    }
    let r = &c.report;
    if let Some(y) = &r.year {
        v.push(("year".into(), y.span));
    }
    if let Some(i) = &r.issuer {
        v.push(("issuer".into(), i.span));
    }
    if let Some(d) = &r.signature_date {
        v.push(("signature date".into(), d.span));
    }
    for t in [&r.tables.active, &r.tables.requests, &r.tables.reviews]
        .into_iter()
        .flatten()
    {
        v.push((format!("{} table", t.kind.zh()), t.span));
        for row in &t.rows {
            if let Some(l) = row.label {
                v.push((format!("{} {} label", t.kind.zh(), row.key()), l));
            }
            for (col, cell) in row.columns().iter().zip(&row.cells) {
                v.push((
                    format!("{} {}.{}", t.kind.zh(), row.key(), col.key),
                    cell.span,
                ));
            }
        }
    }
    v
}

/// Reference conversions, independent of the crate's line index: for every byte offset on a
/// char boundary, the chars and UTF-16 units before it; for every char offset, its byte.
struct Reference {
    chars_at: Vec<usize>,
    units_at: Vec<usize>,
    byte_of_char: Vec<usize>,
}

impl Reference {
    fn new(text: &str) -> Self {
        let mut chars_at = vec![usize::MAX; text.len() + 1];
        let mut units_at = vec![usize::MAX; text.len() + 1];
        let mut byte_of_char = Vec::new();
        let (mut n, mut u) = (0, 0);
        for (i, c) in text.char_indices() {
            chars_at[i] = n;
            units_at[i] = u;
            byte_of_char.push(i);
            n += 1;
            u += c.len_utf16();
        }
        chars_at[text.len()] = n;
        units_at[text.len()] = u;
        byte_of_char.push(text.len());
        Reference {
            chars_at,
            units_at,
            byte_of_char,
        }
    }
    fn slice_chars<'a>(&self, text: &'a str, a: usize, b: usize) -> Option<&'a str> {
        text.get(*self.byte_of_char.get(a)?..*self.byte_of_char.get(b)?)
    }
}

fn slice_utf16(units: &[u16], a: usize, b: usize) -> Option<String> {
    String::from_utf16(units.get(a..b)?).ok()
}

/// What a span is, its byte span, and its (start, end) in char and in UTF-16 offsets.
type Pair = (String, Span, (usize, usize), (usize, usize));

/// All spans on char boundaries; both output offset kinds agree with the reference and slice
/// the same text.
fn check_spans(name: &str, text: &str) {
    let c = check(text);
    let mut bad = Vec::new();
    for (what, s) in spans(&c) {
        if s.start > s.end || text.get(s.start..s.end).is_none() {
            bad.push(format!(
                "{what}: {}..{} (len {})",
                s.start,
                s.end,
                text.len()
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{name}: spans off char boundaries:\n  {}",
        bad.join("\n  ")
    );

    let units: Vec<u16> = text.encode_utf16().collect();
    let chars = build(text, &c, Offsets::Chars);
    let utf16 = build(text, &c, Offsets::Utf16);
    assert_eq!(chars.offsets, "chars");
    assert_eq!(utf16.offsets, "utf16");
    let mut pairs: Vec<Pair> = Vec::new();
    for ((d, dc), du) in c
        .diagnostics
        .iter()
        .zip(&chars.diagnostics)
        .zip(&utf16.diagnostics)
    {
        pairs.push((
            d.code.as_str().into(),
            d.span,
            (dc.start, dc.end),
            (du.start, du.end),
        ));
        for ((r, rc), ru) in d.related.iter().zip(&dc.related).zip(&du.related) {
            pairs.push((
                "related".into(),
                r.span,
                (rc.start, rc.end),
                (ru.start, ru.end),
            ));
        }
    }
    for ((s, sc), su) in c
        .report
        .sections
        .iter()
        .zip(&chars.report.sections)
        .zip(&utf16.report.sections)
    {
        pairs.push((
            format!("section {}", s.number),
            s.span,
            (sc.start, sc.end),
            (su.start, su.end),
        ));
    }
    let r = &c.report;
    for (t, (tc, tu)) in [&r.tables.active, &r.tables.requests, &r.tables.reviews]
        .into_iter()
        .zip([
            (&chars.report.tables.active, &utf16.report.tables.active),
            (&chars.report.tables.requests, &utf16.report.tables.requests),
            (&chars.report.tables.reviews, &utf16.report.tables.reviews),
        ])
    {
        let (Some(t), Some(tc), Some(tu)) = (t, tc, tu) else {
            assert!(t.is_none() == tc.is_none() && t.is_none() == tu.is_none());
            continue;
        };
        let cells: Vec<Span> = t
            .rows
            .iter()
            .flat_map(|row| row.cells.iter().take(row.columns().len()).map(|c| c.span))
            .collect();
        assert_eq!(cells.len(), tc.cells.len(), "{name}: cells in the output");
        for ((s, oc), ou) in cells.iter().zip(&tc.cells).zip(&tu.cells) {
            pairs.push((
                format!("cell {}.{}", oc.row, oc.column),
                *s,
                (oc.start, oc.end),
                (ou.start, ou.end),
            ));
        }
    }
    let reference = Reference::new(text);
    for (what, s, (cs, ce), (us, ue)) in pairs {
        let want_c = (reference.chars_at[s.start], reference.chars_at[s.end]);
        let want_u = (reference.units_at[s.start], reference.units_at[s.end]);
        assert_eq!((cs, ce), want_c, "{name}: {what}: char offsets");
        assert_eq!((us, ue), want_u, "{name}: {what}: UTF-16 offsets");
        let by_chars = reference.slice_chars(text, cs, ce);
        assert_eq!(
            slice_utf16(&units, us, ue).as_deref(),
            by_chars,
            "{name}: {what}: UTF-16 and char offsets slice different text"
        );
        assert_eq!(by_chars, Some(&text[s.start..s.end]), "{name}: {what}");
    }
}

/// Characters that shift byte, char and UTF-16 offsets differently, put before the tables:
/// in the title, the preamble and section 一.
fn with_wide_chars(text: &str) -> String {
    let mut t = text.replacen(
        "一、总体情况",
        "一、总体情况\n😀𠤪\u{3000}😀 表情\u{3000}𠤪𠤪。",
        1,
    );
    t = t.replacen("年", "年😀", 1);
    format!("\u{feff}𠤪{t}")
}

#[test]
fn seed_spans_are_on_char_boundaries() {
    for (name, text) in gen::REAL_REPORTS {
        check_spans(name, text);
        check_spans(&format!("{name}+crlf"), &text.replace('\n', "\r\n"));
        check_spans(&format!("{name}+wide"), &with_wide_chars(text));
        check_spans(
            &format!("{name}+wide+crlf"),
            &with_wide_chars(text).replace('\n', "\r\n"),
        );
    }
}

#[test]
fn sample_spans_in_every_layout() {
    for t in [Template::T2019, Template::T2021] {
        let m = gen::sample(t);
        for layout in LAYOUTS {
            let text = render(&m, layout, &Style::default());
            check_spans(&format!("{t:?} {layout:?}"), &text);
            let wide = with_wide_chars(&text);
            check_spans(&format!("{t:?} {layout:?} wide"), &wide);
            check_spans(
                &format!("{t:?} {layout:?} wide crlf"),
                &wide.replace('\n', "\r\n"),
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_spans_are_on_char_boundaries(
        m in arb_model(),
        layout in prop::sample::select(&LAYOUTS[..]),
        style in arb_style(),
        wide in any::<bool>(),
    ) {
        let text = render(&m, layout, &style);
        let text = if wide { with_wide_chars(&text) } else { text };
        check_spans(&format!("{layout:?} {style:?}"), &text);
    }
}

/// A layout's spans point at the very numbers of the model.
#[test]
fn cell_spans_hold_their_numbers() {
    let m = gen::sample(Template::T2021);
    for layout in [Layout::T, Layout::L3, Layout::L9, Layout::L11] {
        let text = with_wide_chars(&render(&m, layout, &Style::default()));
        let c = check(&text);
        let t = c.report.tables.requests.as_ref().expect("表三");
        for row in &t.rows {
            for cell in &row.cells {
                let s = &text[cell.span.start..cell.span.end];
                let digits: String = s.chars().filter(char::is_ascii_digit).collect();
                assert_eq!(
                    digits.parse::<f64>().ok(),
                    cell.value,
                    "{layout:?} {}: span {s:?}",
                    row.key()
                );
            }
        }
    }
}
