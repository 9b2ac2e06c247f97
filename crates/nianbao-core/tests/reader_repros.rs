//! Minimal reproductions of the layouts the reader does not read back yet (found by
//! `properties.rs`). Each is ignored with the reason; remove the `ignore` when it passes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use nianbao_core::check;
use nianbao_core::model::Template;

fn values(text: &str, row: &str) -> Vec<Option<f64>> {
    let c = check(text);
    assert_eq!(c.report.template, Some(Template::T2019));
    c.report
        .tables
        .active
        .as_ref()
        .and_then(|t| t.row(row))
        .map(|r| r.cells.iter().map(|c| c.value).collect())
        .unwrap_or_default()
}

/// L2/L5/L10/L11 (one cell per line; Word HTML puts each cell's `<p>` on its own line): a
/// negative 本年增/减 alone on its line, `-1`, is dropped as if it were a page footer `- 1 -`
/// (cells.rs `is_page_footer`), so the row loses a cell and its values shift left.
/// Read: [Some(3.0), Some(5.0), None]; expected [3, -1, 5].
#[test]
fn negative_change_alone_on_a_line() {
    let text = "二、主动公开政府信息情况\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n行政处罚\n3\n-1\n5\n三、收到和处理政府信息公开申请情况\n";
    assert_eq!(
        values(text, "penalty"),
        vec![Some(3.0), Some(-1.0), Some(5.0)]
    );
}

/// The same cell in the L5 shape (each cell followed by a `|` line).
#[test]
fn negative_change_alone_on_a_line_l5() {
    let text = "二、主动公开政府信息情况\n上一年项目数量\n|\n本年增/减\n|\n处理决定数量\n|\n行政处罚\n|\n3\n|\n-1\n|\n5\n|\n三、收到和处理政府信息公开申请情况\n";
    assert_eq!(
        values(text, "penalty"),
        vec![Some(3.0), Some(-1.0), Some(5.0)]
    );
}

/// L10 (PDF read column by column), 2019 表二 second page: 行政处罚 and 行政强制 have three
/// columns each and their values come column by column (0 0 | 0 1 | 0 0). Nothing in the
/// arithmetic tells the two orders apart (score() only looks at 规章/规范性文件), so the tie
/// goes to row order: 行政强制 reads [1, 0, 0] instead of [0, 1, 0]. The same happens on the
/// first page whenever 规章 is all zero (a 街道 report). The document's other tables were
/// read column by column (表三 has a ColumnOrder note): that breaks the tie, so the text
/// carries a 表三 in the same PDF layout, as a real report does.
#[test]
fn column_by_column_values_of_rows_without_arithmetic() {
    let text = "二、主动公开政府信息情况\n第二十条 第（六）项\n信息内容\n行政处罚\n行政强制\n上一年项目数量\n本年增/减\n处理决定数量\n0\n0\n0\n1\n0\n0\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n自然人\n1\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n1\n0\n";
    assert_eq!(
        values(text, "penalty"),
        vec![Some(0.0), Some(0.0), Some(0.0)]
    );
    assert_eq!(
        values(text, "coercion"),
        vec![Some(0.0), Some(1.0), Some(0.0)]
    );
}

/// L10, 2019 表二 first page of a 街道 report: 规章 all zero, 规范性文件 0 / 2 / 5,
/// 行政许可 and 其他对外管理服务事项 0 0 0, values column by column. Row order also scores 2
/// (规章 [0, 0, 0] and 规范性文件 [0, 0, 0] both have stock ≥ new), so it wins the tie.
#[test]
fn column_by_column_values_with_zero_regulations() {
    let text = "二、主动公开政府信息情况\n第二十条 第（一）项\n信息内容\n规章\n规范性文件\n第二十条 第（五）项\n信息内容\n行政许可\n其他对外管理服务事项\n本年新制作数量\n本年新公开数量\n对外公开总数量\n0\n0\n0\n0\n0\n2\n0\n0\n0\n5\n0\n0\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n自然人\n1\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n1\n0\n";
    assert_eq!(
        values(text, "normative_documents"),
        vec![Some(0.0), Some(2.0), Some(5.0)]
    );
}
