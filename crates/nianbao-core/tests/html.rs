//! HTML tables read from their grid (html.rs): every `<td>` a cell, empty ones too, rowspan and
//! colspan in their slots, runs joined — on Word/WPS clipboard markup and web pages, in
//! fragments of the shapes real reports have, and on the generated reports of both HTML
//! layouts. No finding quotes markup, and no span starts or ends inside a tag.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod gen;

use gen::{arb_model, arb_style, render, Layout, Style};
use nianbao_core::html::tables;
use nianbao_core::model::Table;
use nianbao_core::{check, Checked, Code, Span};
use proptest::prelude::*;

/// A Word clipboard cell: its text split in two runs, inside a `<p class=MsoNormal>`; an empty
/// text is Word's empty paragraph (`<o:p>&nbsp;</o:p>`).
fn word_cell(text: &str, attrs: &str) -> String {
    let body = if text.is_empty() {
        "<span lang=EN-US><o:p>&nbsp;</o:p></span>".to_string()
    } else {
        let cut = text
            .char_indices()
            .nth(text.chars().count() / 2)
            .map_or(0, |(i, _)| i);
        format!(
            "<span lang=EN-US style='font-size:10.5pt;mso-bidi-font-family:宋体'>{}</span><span style='font-family:仿宋_GB2312'>{}<o:p></o:p></span>",
            &text[..cut],
            &text[cut..]
        )
    };
    format!("<td width=71 {attrs} valign=center style='width:53.25pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'>\n<p class=MsoNormal align=center style='text-align:center'>{body}</p>\n</td>\n")
}

fn word_row(cells: &[(&str, &str)]) -> String {
    let tds: String = cells.iter().map(|(t, a)| word_cell(t, a)).collect();
    format!("<tr style='mso-yfti-irow:0;height:20.0pt'>\n{tds}</tr>\n")
}

fn word_page(body: &str) -> String {
    format!("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta name=ProgId content=Word.Document><style><!-- p.MsoNormal {{mso-style-unhide:no;margin:0cm;}} --></style></head>\n<body lang=ZH-CN><!--StartFragment-->\n{body}<!--EndFragment--></body></html>")
}

const REQUESTS_HEAD: &str = "三、收到和处理政府信息公开申请情况";

/// Table 三's header as Word exports it: the legend over three rows, 自然人 and 总计 down two.
fn requests_header() -> String {
    let mut s = String::from(
        "<table class=MsoNormalTable border=1 cellspacing=0 style='border-collapse:collapse'>\n",
    );
    s += &word_row(&[
        (
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "colspan=3 rowspan=3",
        ),
        ("申请人情况", "colspan=7"),
    ]);
    s += &word_row(&[
        ("自然人", "rowspan=2"),
        ("法人或其他组织", "colspan=5"),
        ("总计", "rowspan=2"),
    ]);
    s += &word_row(&[
        ("商业企业", ""),
        ("科研机构", ""),
        ("社会公益组织", ""),
        ("法律服务机构", ""),
        ("其他", ""),
    ]);
    s
}

fn requests(c: &Checked) -> &Table {
    c.report.tables.requests.as_ref().expect("table 三 read")
}

fn row_values(t: &Table, key: &str) -> Vec<Option<f64>> {
    t.row(key)
        .map(|r| r.cells.iter().map(|c| c.value).collect())
        .unwrap_or_default()
}

/// Where tags are in `text`: `[start, end)` of each `<…>` (comments included).
fn tag_ranges(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts_tag = b[i] == b'<'
            && b.get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!'));
        if starts_tag {
            let end = text[i..].find('>').map_or(text.len(), |e| i + e + 1);
            out.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Every span of findings and cells lies outside tags; no message shows markup.
fn assert_clean(name: &str, text: &str) {
    let c = check(text);
    let tags = tag_ranges(text);
    let inside = |p: usize| {
        let k = tags.partition_point(|t| t.0 < p);
        k > 0 && tags[k - 1].1 > p
    };
    let mut spans: Vec<(String, Span)> = c
        .diagnostics
        .iter()
        .map(|d| (format!("{} {}", d.code.as_str(), d.message), d.span))
        .collect();
    for t in [
        &c.report.tables.active,
        &c.report.tables.requests,
        &c.report.tables.reviews,
    ]
    .into_iter()
    .flatten()
    {
        for r in &t.rows {
            for (i, cell) in r.cells.iter().enumerate() {
                spans.push((format!("cell {}.{i}", r.key()), cell.span));
            }
        }
    }
    for (what, s) in spans {
        assert!(
            !inside(s.start) && !inside(s.end),
            "{name}: {what}: span {}..{} is inside a tag: {:?}",
            s.start,
            s.end,
            &text[s.start.saturating_sub(20)..(s.end + 20).min(text.len())]
        );
    }
    for d in &c.diagnostics {
        for m in [&d.message, &d.message_en] {
            assert!(
                !["</", "<span", "<td", "&nbsp;", "mso-", "o:p"]
                    .iter()
                    .any(|k| m.contains(k)),
                "{name}: {} message shows markup: {m}",
                d.code.as_str()
            );
        }
    }
}

#[test]
fn nbsp_and_empty_word_cells_keep_their_columns() {
    // 821 | 35 | &nbsp; | <o:p></o:p> | 2 | 1 | 859: the blanks are 科研机构 and 社会公益组织.
    let mut t = requests_header();
    t += &word_row(&[
        ("一、本年新收政府信息公开申请数量", "colspan=3"),
        ("821", ""),
        ("35", ""),
        ("", ""),
        ("", ""),
        ("2", ""),
        ("1", ""),
        ("859", ""),
    ]);
    t += "<tr><td colspan=3><p>二、上年结转政府信息公开申请数量</p></td><td><p>0</p></td><td><p>0</p></td><td></td><td><p>&nbsp;</p></td><td><p><o:p></o:p></p></td><td>0</td><td><p>0</p></td></tr>\n</table>\n";
    let text = word_page(&format!("<p class=MsoNormal>{REQUESTS_HEAD}</p>\n{t}"));
    let c = check(&text);
    let r = requests(&c);
    assert_eq!(
        row_values(r, "received"),
        [
            Some(821.0),
            Some(35.0),
            None,
            None,
            Some(2.0),
            Some(1.0),
            Some(859.0)
        ]
    );
    assert_eq!(
        row_values(r, "carried_in"),
        [Some(0.0), Some(0.0), None, None, None, Some(0.0), Some(0.0)]
    );
    // The blanks are V01 (not 0), and the row adds up: no A02.
    let codes: Vec<Code> = c.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&Code::V01), "{codes:?}");
    assert!(
        !codes.contains(&Code::A02) && !codes.contains(&Code::T05),
        "{codes:?}"
    );
    // An empty cell points inside its <td>, after its empty paragraph.
    let blank = r.row("received").unwrap().cells[2].span;
    assert!(blank.is_empty());
    assert!(
        text[..blank.start].ends_with("</p>\n"),
        "{:?}",
        &text[..blank.start]
    );
    assert_clean("nbsp", &text);
}

#[test]
fn rowspan_label_columns_do_not_shift_values() {
    // （三）不予公开 down eight rows and 三、本年度办理结果 down all: the covered label slots
    // are empty cells before the label, never values.
    let mut t = requests_header();
    t += &word_row(&[
        ("三、本年度办理结果", "rowspan=3"),
        ("（一）予以公开", "colspan=2"),
        ("5", ""),
        ("0", ""),
        ("0", ""),
        ("0", ""),
        ("0", ""),
        ("0", ""),
        ("5", ""),
    ]);
    t += &word_row(&[
        ("（三）不予公开", "rowspan=2"),
        ("1.属于国家秘密", ""),
        ("1", ""),
        ("", ""),
        ("0", ""),
        ("0", ""),
        ("0", ""),
        ("0", ""),
        ("1", ""),
    ]);
    t += &word_row(&[
        ("2.其他法律行政法规禁止公开", ""),
        ("2", ""),
        ("0", ""),
        ("0", ""),
        ("0", ""),
        ("0", ""),
        ("1", ""),
        ("3", ""),
    ]);
    t += "</table>\n";
    let text = word_page(&format!("<p class=MsoNormal>{REQUESTS_HEAD}</p>\n{t}"));
    let c = check(&text);
    let r = requests(&c);
    let n = |v: &[f64]| v.iter().map(|&x| Some(x)).collect::<Vec<_>>();
    assert_eq!(row_values(r, "granted"), n(&[5., 0., 0., 0., 0., 0., 5.]));
    assert_eq!(
        row_values(r, "denied_state_secret"),
        [
            Some(1.0),
            None,
            Some(0.0),
            Some(0.0),
            Some(0.0),
            Some(0.0),
            Some(1.0)
        ]
    );
    assert_eq!(
        row_values(r, "denied_prohibited"),
        n(&[2., 0., 0., 0., 0., 1., 3.])
    );
    assert_clean("rowspan labels", &text);
}

#[test]
fn reviews_header_with_rowspans_keeps_fifteen_values() {
    let mut t = String::from("<table border=1>\n");
    t += &word_row(&[("行政复议", "colspan=5"), ("行政诉讼", "colspan=10")]);
    let mut second: Vec<(&str, &str)> = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        .iter()
        .map(|h| (*h, "rowspan=2"))
        .collect();
    second.push(("未经复议直接起诉", "colspan=5"));
    second.push(("复议后起诉", "colspan=5"));
    t += &word_row(&second);
    let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let third: Vec<(&str, &str)> = heads.iter().chain(&heads).map(|h| (*h, "")).collect();
    t += &word_row(&third);
    let values = [
        "3", "1", "", "0", "4", "0", "0", "0", "1", "1", "2", "0", "0", "0", "2",
    ];
    let v: Vec<(&str, &str)> = values.iter().map(|v| (*v, "")).collect();
    t += &word_row(&v);
    t += "</table>\n";
    let text = word_page(&format!(
        "<p class=MsoNormal>四、政府信息公开行政复议、行政诉讼情况</p>\n{t}<p class=MsoNormal>五、存在的主要问题及改进情况</p>"
    ));
    let c = check(&text);
    let got: Vec<Option<f64>> = c
        .report
        .tables
        .reviews
        .as_ref()
        .expect("table 四 read")
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().map(|c| c.value))
        .collect();
    let want: Vec<Option<f64>> = values.iter().map(|v| v.parse().ok()).collect();
    assert_eq!(got, want);
    assert_clean("reviews", &text);
}

#[test]
fn text_split_across_runs_is_quoted_as_read() {
    // A count cell `约1</span><span …>00`: V03 quotes 约100, not the markup.
    let mut t = requests_header();
    t += &word_row(&[
        ("一、本年新收政府信息公开申请数量", "colspan=3"),
        ("约100", ""),
        ("0", ""),
        ("0", ""),
        ("0", ""),
        ("0", ""),
        ("0", ""),
        ("100", ""),
    ]);
    t += "</table>\n";
    let text = word_page(&format!("<p class=MsoNormal>{REQUESTS_HEAD}</p>\n{t}"));
    assert!(text.contains("约1</span>"));
    let c = check(&text);
    let v03 = c
        .diagnostics
        .iter()
        .find(|d| d.code == Code::V03)
        .unwrap_or_else(|| panic!("no V03: {:?}", c.diagnostics));
    assert!(v03.message.contains("“约100”"), "{}", v03.message);
    assert_clean("runs", &text);
}

#[test]
fn corpus_page_grids() {
    let text = std::fs::read_to_string(format!(
        "{}/../../../shared/corpus/city-2025-web-page.html",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let g = tables(&text);
    assert_eq!(g.len(), 3);
    // 表三: 3 header rows and 25 rows of values; every value row has ten slots.
    let t3 = &g[1];
    assert_eq!(t3.rows.len(), 28);
    for (y, row) in t3.rows.iter().enumerate().skip(3) {
        let last = row.last().unwrap();
        assert_eq!(last.col + last.colspan, 10, "row {y}");
        assert!(last.text.chars().all(|c| c.is_ascii_digit()), "row {y}");
    }
    // 1.属于国家秘密 sits in column 2, under 三、本年度办理结果 and （三）不予公开.
    let secret = t3
        .rows
        .iter()
        .flatten()
        .find(|c| c.text == "1.属于国家秘密")
        .unwrap();
    assert_eq!(secret.col, 2);
    let results = t3
        .rows
        .iter()
        .flatten()
        .find(|c| c.text == "三、本年度办理结果")
        .unwrap();
    assert_eq!((results.col, results.rowspan), (0, 22));
    // The header's empty cells are cells.
    assert_eq!(t3.rows[2].len(), 7);
    assert_eq!(t3.rows[2][0].text, "");
    assert_eq!(
        g[2].rows.iter().map(Vec::len).collect::<Vec<_>>(),
        [2, 7, 15, 15]
    );
    assert_clean("corpus", &text);
}

#[test]
fn sample_html_layouts_are_clean() {
    for t in [
        nianbao_core::model::Template::T2019,
        nianbao_core::model::Template::T2021,
    ] {
        for layout in [Layout::L9, Layout::L11] {
            let text = render(&gen::sample(t), layout, &Style::default());
            assert_clean(&format!("{t:?} {layout:?}"), &text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_html_is_clean(
        m in arb_model(),
        layout in prop::sample::select(&[Layout::L9, Layout::L11][..]),
        style in arb_style(),
    ) {
        assert_clean(&format!("{layout:?} {style:?}"), &render(&m, layout, &style));
    }
}
