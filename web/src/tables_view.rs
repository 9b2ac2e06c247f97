//! "Tables as understood": the three tables in the official layout with the numbers read.
//! Cells flagged by an arithmetic (A) finding are marked, with the expected value where the
//! finding's fix gives one; clicking a cell selects it in the text.

use std::collections::HashMap;
use std::rc::Rc;

use nianbao_core::model::Template;
use nianbao_core::output::{CellOut, Number, TableOut};
use nianbao_core::template::{self, RowDef, TableKind, APPLICANT_COLUMNS, REVIEW_COLUMNS};
use yew::prelude::*;

use crate::analysis::Analysis;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct TablesViewProps {
    pub analysis: Rc<Analysis>,
    pub on_select_span: Callback<(usize, usize)>,
}

/// A cell an arithmetic finding points at, and the value it should have, if stated.
struct Flag {
    expected: Option<String>,
    message: String,
}

#[function_component(TablesView)]
pub fn tables_view(props: &TablesViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Zh);
    let a = &props.analysis;
    let template = layout_template(a);
    let flags = arithmetic_flags(a, lang);
    let table = |kind: TableKind| {
        let title = match (kind, lang) {
            (TableKind::Active, Lang::Zh) => "表二 主动公开政府信息情况",
            (TableKind::Requests, Lang::Zh) => "表三 收到和处理政府信息公开申请情况",
            (TableKind::Reviews, Lang::Zh) => "表四 政府信息公开行政复议、行政诉讼情况",
            (TableKind::Active, Lang::En) => "Table 2 — information published proactively",
            (TableKind::Requests, Lang::En) => "Table 3 — requests received and handled",
            (TableKind::Reviews, Lang::En) => {
                "Table 4 — administrative reconsideration and litigation"
            }
        };
        let body = match a.table(kind) {
            None => html! {
                <p class="table-missing">{ lang.pick("未找到此表。", "This table was not found.") }</p>
            },
            Some(t) => {
                let grid = Grid {
                    cells: t.cells.iter().map(|c| ((c.row, c.column), c)).collect(),
                    table: t,
                    flags: &flags,
                    on_select_span: &props.on_select_span,
                    lang,
                };
                match kind {
                    TableKind::Active => grid.active(template),
                    TableKind::Requests => grid.requests(template),
                    TableKind::Reviews => grid.reviews(),
                }
            }
        };
        html! {
            <figure class="table-card">
                <figcaption>{ title }</figcaption>
                <div class="table-scroll">{ body }</div>
            </figure>
        }
    };
    html! {
        <section class="tables" aria-label={lang.pick("表格识别结果", "Tables as understood")}>
            <h2>{ lang.pick("表格识别结果", "Tables as understood") }</h2>
            <p class="hint">{ lang.pick(
                "按国家模板排列检查器读到的数字。点击单元格可在原文中定位。",
                "The numbers as read, in the official layout. Click a cell to find it in the text.",
            ) }</p>
            <ul class="cell-legend">
                <li><span class="key flagged">{ "12" }</span>{ lang.pick("红框：涉及勾稽关系错误（下方为应填的数）", "red frame: part of a sum that does not add up (the value it should have below)") }</li>
                <li><span class="key missing">{ lang.pick("缺", "none") }</span>{ lang.pick("黄底：空白、缺格或不是数字，不参与计算", "yellow: blank, missing or not a number; left out of the sums") }</li>
                <li><span class="key recovered">{ "0" }</span>{ lang.pick("蓝色虚线：原文少一格，已按模板和勾稽关系补出", "blue dashes: the row was a cell short; recovered from the template and the sums") }</li>
                <li><span class="key placeholder">{ "0" }</span>{ lang.pick("斜体：原文为“-”“/”等占位符，按 0 计", "italic: a placeholder such as “-”, read as 0") }</li>
            </ul>
            <p class="scroll-hint" aria-hidden="true">{ lang.pick("表格较宽，可左右滑动查看 ⇆", "Wide tables: swipe sideways to see every column ⇆") }</p>
            { table(TableKind::Active) }
            { table(TableKind::Requests) }
            { table(TableKind::Reviews) }
        </section>
    }
}

/// The template whose rows to lay out: the one detected, else the one the year calls for.
fn layout_template(a: &Analysis) -> Template {
    let report = &a.checked.report;
    report.template.unwrap_or(match report.year.as_ref() {
        Some(y) if y.value <= 2020 => Template::T2019,
        _ => Template::T2021,
    })
}

fn arithmetic_flags(a: &Analysis, lang: Lang) -> Vec<((usize, usize), Flag)> {
    let mut flags = Vec::new();
    for (_, _, d) in a.findings().filter(|(_, _, d)| d.code.starts_with('A')) {
        let message = match lang {
            Lang::En if !d.message_en.is_empty() => d.message_en.clone(),
            _ => d.message.clone(),
        };
        // The rule's fix writes the sum over the total: that is the value the total should have.
        flags.push((
            (d.start, d.end),
            Flag {
                expected: d.fix.first().map(|e| e.replacement.clone()),
                message: message.clone(),
            },
        ));
        for r in &d.related {
            flags.push((
                (r.start, r.end),
                Flag {
                    expected: None,
                    message: message.clone(),
                },
            ));
        }
    }
    flags
}

fn show(n: Number) -> String {
    if n.0.fract() == 0.0 && n.0.abs() < 9.0e15 {
        format!("{}", n.0 as i64)
    } else {
        format!("{}", n.0)
    }
}

struct Grid<'a> {
    table: &'a TableOut,
    cells: HashMap<(&'static str, &'static str), &'a CellOut>,
    flags: &'a [((usize, usize), Flag)],
    on_select_span: &'a Callback<(usize, usize)>,
    lang: Lang,
}

impl Grid<'_> {
    fn cell(&self, row: &'static str, column: &'static str) -> Html {
        self.cell_spanning(row, column, 1)
    }

    /// A cell over `span` columns (表二's short rows fill the width of its widest).
    fn cell_spanning(&self, row: &'static str, column: &'static str, span: usize) -> Html {
        let lang = self.lang;
        let colspan = (span > 1).then(|| span.to_string());
        let Some(c) = self.cells.get(&(row, column)) else {
            return html! { <td class="absent" {colspan} title={lang.pick("未读到", "not read")}>{ "—" }</td> };
        };
        // A cell may be in several sums: the total of one, a part of another. The value it
        // should have comes from the finding whose total (and fix) it is.
        let hits = self.flags.iter().filter(|((s, e), _)| {
            (c.start < *e && *s < c.end) || (c.start == c.end && c.start == *s)
        });
        let flag = hits
            .clone()
            .find(|(_, f)| f.expected.is_some())
            .or(hits.clone().next());
        let (text, kind_title) = match (c.kind, c.value) {
            ("empty", _) => (
                lang.pick("空", "blank").to_string(),
                lang.pick("空白单元格", "blank cell"),
            ),
            // The row was one cell short and the reader recovered this one (T07).
            ("missing", Some(v)) => (
                show(v),
                lang.pick(
                    "原文此行少一格，已按模板和勾稽关系补出",
                    "this row was one cell short; the value was recovered from the template and the sums",
                ),
            ),
            ("missing", None) => (
                lang.pick("缺", "none").to_string(),
                lang.pick("此处缺少单元格，未能补出", "no cell here, and none could be recovered"),
            ),
            ("placeholder", v) => (
                v.map(show).unwrap_or_default(),
                lang.pick(
                    "原文为占位符（如“-”），按 0 计",
                    "a placeholder such as “-”, read as 0",
                ),
            ),
            ("text", None) => ("?".to_string(), lang.pick("不是数字", "not a number")),
            (_, Some(v)) => (show(v), ""),
            (_, None) => ("?".to_string(), ""),
        };
        let title = match flag {
            Some((_, f)) => f.message.clone(),
            None => kind_title.to_string(),
        };
        let onclick = {
            let (on_select_span, start, end) = (self.on_select_span.clone(), c.start, c.end);
            Callback::from(move |_: MouseEvent| on_select_span.emit((start, end)))
        };
        let recovered = c.kind == "missing" && c.value.is_some();
        let kind = if recovered { "recovered" } else { c.kind };
        html! {
            <td class={classes!("cell", kind, flag.is_some().then_some("flagged"))} {title} {colspan}
                data-row={c.row} data-column={c.column} data-start={c.start.to_string()}>
                <button type="button" {onclick}>
                    { text }
                    if let Some(expected) = flag.and_then(|(_, f)| f.expected.clone()) {
                        <span class="expected">{ format!("{}{expected}", lang.pick("应为 ", "should be ")) }</span>
                    }
                </button>
            </td>
        }
    }

    fn label(&self, def: &RowDef) -> Html {
        let missing = self.table.missing_rows.contains(&def.key);
        html! {
            <th scope="row" class={classes!(missing.then_some("missing-row"))}>
                { def.label }
                if missing { <span class="row-note">{ self.lang.pick("（未找到此行）", " (row not found)") }</span> }
            </th>
        }
    }

    fn row(&self, def: &'static RowDef) -> Html {
        self.row_filling(def, def.columns.len())
    }

    /// A row whose last cell spans what is left of `width` columns.
    fn row_filling(&self, def: &'static RowDef, width: usize) -> Html {
        let n = def.columns.len();
        let cells = def.columns.iter().enumerate().map(|(i, c)| {
            let span = if i + 1 == n {
                width.saturating_sub(n) + 1
            } else {
                1
            };
            self.cell_spanning(def.key, c.key, span)
        });
        html! { <tr>{ self.label(def) }{ for cells }</tr> }
    }

    /// 表二: a header row each time the columns change, as in the official table.
    fn active(&self, template: Template) -> Html {
        let rows = template::rows(TableKind::Active, template);
        let width = rows.iter().map(|r| r.columns.len()).max().unwrap_or(1);
        let mut body = Vec::new();
        let mut columns: Option<&[template::ColumnDef]> = None;
        for def in rows {
            if columns != Some(def.columns) {
                columns = Some(def.columns);
                let n = def.columns.len();
                let heads = def.columns.iter().enumerate().map(|(i, c)| {
                    let colspan = (i + 1 == n && width > n).then(|| (width - n + 1).to_string());
                    html! { <th scope="col" {colspan}>{ c.label }</th> }
                });
                body.push(html! {
                    <tr class="subhead">
                        <th scope="col">{ self.lang.pick("信息内容", "Item") }</th>
                        { for heads }
                    </tr>
                });
            }
            body.push(self.row_filling(def, width));
        }
        html! { <table class="official active"><tbody>{ for body }</tbody></table> }
    }

    /// 表三: applicants across, the results grouped as in the official table.
    fn requests(&self, template: Template) -> Html {
        let lang = self.lang;
        let group = |key: &str| -> Option<&'static str> {
            match key {
                "granted" => Some("三、本年度办理结果"),
                "denied_state_secret" => Some("（三）不予公开"),
                "unable_not_held" => Some("（四）无法提供"),
                "rejected_petition" => Some("（五）不予处理"),
                "other_no_correction" => Some("（六）其他处理"),
                _ => None,
            }
        };
        let width = APPLICANT_COLUMNS.len() + 1;
        let rows = template::rows(TableKind::Requests, template)
            .into_iter()
            .flat_map(|def| {
                let head = group(def.key).map(|g| {
                    html! { <tr class="group"><th colspan={width.to_string()} scope="rowgroup"><span class="group-label">{ g }</span></th></tr> }
                });
                head.into_iter().chain(std::iter::once(self.row(def)))
            });
        let sub = APPLICANT_COLUMNS
            .iter()
            .skip(1)
            .take(5)
            .map(|c| html! { <th scope="col">{ c.label }</th> });
        html! {
            <table class="official requests">
                <thead>
                    <tr>
                        <th rowspan="2" scope="col">{ lang.pick("申请情况", "Requests") }</th>
                        <th rowspan="2" scope="col">{ "自然人" }</th>
                        <th colspan="5" scope="colgroup">{ "法人或其他组织" }</th>
                        <th rowspan="2" scope="col">{ "总计" }</th>
                    </tr>
                    <tr>{ for sub }</tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        }
    }

    /// 表四: one row of fifteen cells under three blocks.
    fn reviews(&self) -> Html {
        let heads = || {
            REVIEW_COLUMNS
                .iter()
                .map(|c| html! { <th scope="col">{ c.label }</th> })
                .collect::<Html>()
        };
        let cells = template::REVIEWS
            .iter()
            .flat_map(|def| REVIEW_COLUMNS.iter().map(|c| self.cell(def.key, c.key)));
        html! {
            <table class="official reviews">
                <thead>
                    <tr>
                        <th colspan="5" rowspan="2" scope="colgroup">{ "行政复议" }</th>
                        <th colspan="10" scope="colgroup">{ "行政诉讼" }</th>
                    </tr>
                    <tr>
                        <th colspan="5" scope="colgroup">{ "未经复议直接起诉" }</th>
                        <th colspan="5" scope="colgroup">{ "复议后起诉" }</th>
                    </tr>
                    <tr>{ heads() }{ heads() }{ heads() }</tr>
                </thead>
                <tbody><tr>{ for cells }</tr></tbody>
            </table>
        }
    }
}
