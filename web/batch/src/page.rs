//! The batch page (`batch.html`), for the office that checks its units' reports: drop many
//! files or choose a folder (.txt, .html, .docx); one row per report (sortable, filterable),
//! its findings on a click, and the findings across the reports (Y01–Y04, R01); exports of the
//! summary CSV, the 汇总 CSV and SARIF. Everything stays in the browser. One reducer holds the
//! page's state.

use std::rc::Rc;

use nianbao_core::across::exports::{
    batch_result, summary_csv, tables_csv_header, tables_csv_row, tables_csv_total, RelatedFinding,
    ReportLine,
};
use nianbao_core::across::summary::issuer_key;
use nianbao_core::across::tables::{columns, TableRow, Totals};
use nianbao_core::across::{check_batch, AcrossFinding, Pairing};
use nianbao_core::export::Finding;
use nianbao_core::model::Template;
use nianbao_core::output::{self, Offsets};
use nianbao_core::{check, Checked, Code, LineIndex, Severity};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::js;
use crate::storage;

/// One report of the batch.
#[derive(Clone)]
pub struct Entry {
    pub name: String,
    pub text: Rc<String>,
    pub checked: Rc<Checked>,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && Rc::ptr_eq(&self.checked, &other.checked)
    }
}

/// The columns a click sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    File,
    Issuer,
    Year,
    Errors,
    Warnings,
    Across,
}

#[derive(Clone, PartialEq, Default)]
pub struct State {
    pub entries: Vec<Entry>,
    pub across: Vec<AcrossFinding>,
    /// Files still being read.
    pub reading: usize,
    /// Files that could not be read: name and why.
    pub failed: Vec<(String, String)>,
    pub sort: Option<(Col, bool)>,
    pub filter: String,
    pub only_problems: bool,
    pub open: Option<usize>,
    /// 对比上年: last year's report and this year's (indexes into `entries`).
    pub compare: Option<(usize, usize)>,
}

pub enum Action {
    Reading(usize),
    Read(Entry),
    Failed(String, String),
    Sort(Col),
    Filter(String),
    OnlyProblems(bool),
    Toggle(usize),
    Compare(Option<(usize, usize)>),
    Clear,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Reading(n) => s.reading += n,
            Action::Read(e) => {
                s.reading = s.reading.saturating_sub(1);
                // A file dropped again replaces the earlier copy.
                s.entries.retain(|x| x.name != e.name);
                s.entries.push(e);
                s.entries.sort_by(|a, b| a.name.cmp(&b.name));
                s.open = None;
                s.compare = None;
                // The checks across reports run once the last file of a drop is read.
                if s.reading == 0 {
                    s.across = across(&s.entries);
                }
            }
            Action::Failed(name, why) => {
                s.reading = s.reading.saturating_sub(1);
                s.failed.push((name, why));
                if s.reading == 0 {
                    s.across = across(&s.entries);
                }
            }
            Action::Sort(c) => {
                s.sort = match s.sort {
                    Some((old, up)) if old == c => Some((c, !up)),
                    _ => Some((c, true)),
                }
            }
            Action::Filter(f) => s.filter = f,
            Action::OnlyProblems(b) => s.only_problems = b,
            Action::Toggle(i) => s.open = if s.open == Some(i) { None } else { Some(i) },
            Action::Compare(c) => s.compare = c,
            Action::Clear => s = State::default(),
        }
        Rc::new(s)
    }
}

fn across(entries: &[Entry]) -> Vec<AcrossFinding> {
    let pairs: Vec<(&str, &Checked)> = entries
        .iter()
        .map(|e| (e.text.as_str(), e.checked.as_ref()))
        .collect();
    check_batch(&pairs, Pairing::ByIssuer, &Default::default())
}

/// A report's summary row; `across` counts the findings across reports that name it.
fn line(e: &Entry, index: usize, across: &[AcrossFinding]) -> ReportLine {
    let c = &e.checked;
    let counts = output::summary(c);
    ReportLine {
        file: e.name.clone(),
        issuer: c.report.issuer.as_ref().map(|i| i.value.clone()),
        year: c.report.year.as_ref().map(|y| y.value),
        template: c.report.template.map(|t| t.as_str()),
        errors: counts.errors,
        warnings: counts.warnings,
        infos: counts.infos,
        across: across.iter().filter(|f| f.files().contains(&index)).count(),
        partial: c.diagnostics.iter().any(|d| d.code == Code::S07),
    }
}

/// Neither sections nor tables of a report were found: the core checked nothing.
fn not_a_report(e: &Entry) -> bool {
    let (r, t) = (&e.checked.report, &e.checked.report.tables);
    r.sections.is_empty() && t.active.is_none() && t.requests.is_none() && t.reviews.is_none()
}

/// The 汇总 CSV of the reports of the template most of them use (the others are not summed).
fn tables_csv(entries: &[Entry]) -> String {
    let rows: Vec<(&str, TableRow)> = entries
        .iter()
        .map(|e| (e.name.as_str(), TableRow::of(&e.checked)))
        .collect();
    let t2019 = rows
        .iter()
        .filter(|(_, r)| r.template == Template::T2019)
        .count();
    let template = if t2019 * 2 > rows.len() {
        Template::T2019
    } else {
        Template::T2021
    };
    let mut out = tables_csv_header(template);
    let mut totals = Totals::new(template);
    for (name, row) in &rows {
        if totals.add(row) {
            tables_csv_row(&mut out, name, row);
        }
    }
    tables_csv_total(&mut out, &totals);
    out
}

/// One SARIF log of the whole batch (UTF-16 offsets, as JavaScript counts).
fn sarif(entries: &[Entry], across: &[AcrossFinding]) -> String {
    let mut results = Vec::new();
    for e in entries {
        let o = output::build(&e.text, &e.checked, Offsets::Utf16);
        for d in &o.diagnostics {
            results.push(batch_result(
                &e.name,
                &Finding::from(d),
                &RelatedFinding::of(d),
            ));
        }
    }
    let place = |file: usize, span: nianbao_core::Span| {
        let text = entries.get(file).map_or("", |e| e.text.as_str());
        let index = LineIndex::new(text);
        let (p, end) = (index.position(span.start), index.position(span.end));
        (p.line, p.column, p.utf16_offset, end.utf16_offset)
    };
    let name = |file: usize| entries.get(file).map_or("", |e| e.name.as_str());
    for f in across {
        let (line, column, start, end) = place(f.file, f.span);
        let finding = Finding {
            code: f.code.as_str().to_string(),
            severity: f.severity.as_str().to_string(),
            title: f.code.info().title_zh.to_string(),
            message: f.message.clone(),
            line,
            column,
            start,
            end,
        };
        let related: Vec<RelatedFinding> = f
            .related
            .iter()
            .map(|r| {
                let (line, column, start, end) = place(r.file, r.span);
                RelatedFinding {
                    file: (r.file != f.file).then(|| name(r.file).to_string()),
                    message: r.message.clone(),
                    line,
                    column,
                    start,
                    end,
                }
            })
            .collect();
        results.push(batch_result(name(f.file), &finding, &related));
    }
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let log = nianbao_core::export::sarif("", &[], Offsets::Utf16);
    let (Ok(log), Ok(results)) = (
        serde::Serialize::serialize(&log, &serializer),
        serde::Serialize::serialize(&results, &serializer),
    ) else {
        return String::new();
    };
    let key = wasm_bindgen::JsValue::from_str;
    if let Ok(run) =
        js_sys::Reflect::get(&log, &key("runs")).and_then(|runs| js_sys::Reflect::get_u32(&runs, 0))
    {
        let _ = js_sys::Reflect::set(&run, &key("results"), &results);
    }
    js_sys::JSON::stringify_with_replacer_and_space(&log, &wasm_bindgen::JsValue::NULL, &2.into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn sev_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}

#[function_component(BatchPage)]
pub fn batch_page() -> Html {
    let lang = use_state(|| Lang::from_tag(&storage::lang()));
    let l = *lang;
    let state = use_reducer(State::default);

    let add_files = {
        let state = state.dispatcher();
        Callback::from(move |files: Vec<web_sys::File>| {
            let files: Vec<web_sys::File> = files
                .into_iter()
                .filter(|f| {
                    let n = f.name().to_lowercase();
                    [".txt", ".html", ".htm", ".docx"]
                        .iter()
                        .any(|x| n.ends_with(x))
                })
                .collect();
            if files.is_empty() {
                return;
            }
            state.dispatch(Action::Reading(files.len()));
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                for file in files {
                    let name = relative_name(&file);
                    match js::read_file(&file).await {
                        Ok(text) => {
                            let checked = Rc::new(check(&text));
                            state.dispatch(Action::Read(Entry {
                                name,
                                text: Rc::new(text),
                                checked,
                            }));
                        }
                        Err(e) => state.dispatch(Action::Failed(name, e)),
                    }
                }
            });
        })
    };
    let on_input = {
        let add = add_files.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                add.emit(file_list(input.files()));
                input.set_value("");
            }
        })
    };
    let on_drop = {
        let add = add_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let Some(data) = e.data_transfer() else {
                return;
            };
            let files = wasm_bindgen_futures::JsFuture::from(dropped_files(&data));
            let add = add.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(files) = files.await {
                    let files = js_sys::Array::from(&files);
                    add.emit(files.iter().filter_map(|f| f.dyn_into().ok()).collect());
                }
            });
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |_| {
            let next = if *lang == Lang::Zh {
                Lang::En
            } else {
                Lang::Zh
            };
            storage::save_lang(next.tag());
            lang.set(next);
        })
    };
    {
        let tag = l.tag();
        use_effect_with(tag, move |tag| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", tag);
            }
        });
    }

    let s = &*state;
    let lines: Vec<ReportLine> = s
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| line(e, i, &s.across))
        .collect();
    let mut order: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let Some(r) = lines.get(i) else { return false };
            let f = s.filter.trim();
            (f.is_empty()
                || r.file.contains(f)
                || r.issuer.as_deref().is_some_and(|x| x.contains(f)))
                && (!s.only_problems || r.errors + r.warnings + r.across > 0)
        })
        .collect();
    if let Some((col, up)) = s.sort {
        order.sort_by(|&a, &b| {
            let (Some(x), Some(y)) = (lines.get(a), lines.get(b)) else {
                return std::cmp::Ordering::Equal;
            };
            let o = match col {
                Col::File => x.file.cmp(&y.file),
                Col::Issuer => x.issuer.cmp(&y.issuer),
                Col::Year => x.year.cmp(&y.year),
                Col::Errors => x.errors.cmp(&y.errors),
                Col::Warnings => x.warnings.cmp(&y.warnings),
                Col::Across => x.across.cmp(&y.across),
            };
            if up {
                o
            } else {
                o.reverse()
            }
        });
    }

    let export = |what: &'static str| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let s = &*state;
            match what {
                "summary" => {
                    let lines: Vec<ReportLine> = s
                        .entries
                        .iter()
                        .enumerate()
                        .map(|(i, e)| line(e, i, &s.across))
                        .collect();
                    js::download(
                        "报告汇总.csv",
                        "text/csv;charset=utf-8",
                        &summary_csv(&lines),
                        false,
                    );
                }
                "tables" => js::download(
                    "表格汇总.csv",
                    "text/csv;charset=utf-8",
                    &tables_csv(&s.entries),
                    false,
                ),
                _ => js::download(
                    "nianbao.sarif",
                    "application/sarif+json",
                    &sarif(&s.entries, &s.across),
                    false,
                ),
            }
        })
    };
    let header = |col: Col, zh: &'static str, en: &'static str| {
        let state = state.clone();
        let mark = match s.sort {
            Some((c, true)) if c == col => " ▲",
            Some((c, false)) if c == col => " ▼",
            _ => "",
        };
        let sort = match s.sort {
            Some((c, true)) if c == col => "ascending",
            Some((c, false)) if c == col => "descending",
            _ => "none",
        };
        html! {
            <th aria-sort={sort}>
                <button type="button" class="sort" onclick={Callback::from(move |_| state.dispatch(Action::Sort(col)))}>
                    { l.pick(zh, en) }{ mark }
                </button>
            </th>
        }
    };
    let on_filter = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                state.dispatch(Action::Filter(input.value()));
            }
        })
    };
    let on_only = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                state.dispatch(Action::OnlyProblems(input.checked()));
            }
        })
    };
    let on_clear = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Clear))
    };

    let rows = order.iter().filter_map(|&i| {
        let (r, e) = (lines.get(i)?, s.entries.get(i)?);
        let state_toggle = state.clone();
        let open_it = {
            let text = e.text.clone();
            Callback::from(move |_: MouseEvent| {
                storage::save_draft(&text);
                if let Some(w) = web_sys::window() {
                    let _ = w.location().set_href(checker_href());
                }
            })
        };
        let is_open = s.open == Some(i);
        let details = is_open.then(|| details(l, i, e, &s.entries, &s.across));
        Some(html! {
            <>
            <tr class={classes!("report", is_open.then_some("open"))} data-file={r.file.clone()}>
                <td class="file">
                    <button type="button" class="toggle" aria-expanded={is_open.to_string()}
                        onclick={Callback::from(move |_| state_toggle.dispatch(Action::Toggle(i)))}>
                        { &r.file }
                    </button>
                </td>
                <td>{ match &r.issuer {
                    Some(issuer) => html! { issuer.clone() },
                    // Zero findings must not read as a clean report.
                    None if not_a_report(e) => html! {
                        <span class="not-a-report">{ l.pick("未识别为年度报告，未作检查", "Not an annual report: not checked") }</span>
                    },
                    None => html! {},
                } }</td>
                <td>{ r.year.map(|y| y.to_string()).unwrap_or_default() }</td>
                <td>{ r.template.unwrap_or("") }</td>
                <td class={classes!("num", (r.errors > 0).then_some("sev-error"))}>{ r.errors }</td>
                <td class={classes!("num", (r.warnings > 0).then_some("sev-warning"))}>{ r.warnings }</td>
                <td class="num">{ r.infos }</td>
                <td class={classes!("num", "across", (r.across > 0).then_some("sev-warning"))}>{ r.across }</td>
                <td>{ if r.partial { l.pick("不完整", "partial") } else { "" } }</td>
                <td>
                    <button type="button" class="open-in-checker" onclick={open_it}>{ l.pick("在检查页打开", "Open in checker") }</button>
                    if let Some(last) = last_year(&s.entries, i) {
                        <button type="button" class="compare" onclick={
                            let state = state.clone();
                            Callback::from(move |_| state.dispatch(Action::Compare(Some((last, i)))))
                        }>{ l.pick("对比上年", "Compare with last year") }</button>
                    }
                </td>
            </tr>
            if let Some(d) = details {
                <tr class="details"><td colspan="10">{ d }</td></tr>
            }
            </>
        })
    });

    let empty = s.entries.is_empty();
    html! {
        <div class="app batch" data-reading={s.reading.to_string()} data-reports={s.entries.len().to_string()}>
            <header class="masthead">
                <h1>{ l.pick("批量检查年度报告", "Check many annual reports") }</h1>
                <p class="tagline">{ l.pick(
                    "拖入下属单位的报告或选择文件夹（.txt、.html、.docx），逐份检查并找出跨报告的问题。文件不会上传。",
                    "Drop your units' reports or choose a folder (.txt, .html, .docx): each is checked, and the batch for problems across reports. Nothing is uploaded.",
                ) }</p>
                <a class="nav" href={checker_href()}>{ l.pick("返回单份检查", "Back to the checker") }</a>
                <button type="button" class="lang" onclick={on_lang}>{ l.pick("English", "中文") }</button>
            </header>
            <section class="dropzone" ondrop={on_drop} ondragover={on_dragover}
                aria-label={l.pick("拖入文件", "Drop files")}>
                <p>{ l.pick("把报告文件或整个文件夹拖到这里，或：", "Drop report files or a whole folder here, or:") }</p>
                <label class="button">{ l.pick("选择文件", "Choose files") }
                    <input type="file" class="visually-hidden files" multiple=true
                        accept=".txt,.html,.htm,.docx" onchange={on_input.clone()} />
                </label>
                <label class="button">{ l.pick("选择文件夹", "Choose a folder") }
                    <input type="file" class="visually-hidden folder" webkitdirectory=true multiple=true onchange={on_input} />
                </label>
                if s.reading > 0 {
                    <p class="reading" role="status">{ format!("{} {}", l.pick("正在读取", "Reading"), s.reading) }</p>
                }
            </section>
            if !empty {
                <div class="batch-tools">
                    <input type="search" class="filter" placeholder={l.pick("按文件名或单位筛选", "Filter by file or body")}
                        value={s.filter.clone()} oninput={on_filter} />
                    <label><input type="checkbox" class="only-problems" checked={s.only_problems} onchange={on_only} />
                        { l.pick("只看有问题的", "Only with problems") }</label>
                    <button type="button" class="export-summary" onclick={export("summary")}>{ l.pick("导出汇总 CSV", "Summary CSV") }</button>
                    <button type="button" class="export-tables" onclick={export("tables")}>{ l.pick("导出表格汇总 CSV", "Tables CSV") }</button>
                    <button type="button" class="export-sarif" onclick={export("sarif")}>{ l.pick("导出 SARIF", "SARIF") }</button>
                    <button type="button" class="clear" onclick={on_clear}>{ l.pick("清空", "Clear") }</button>
                </div>
                <p class="batch-summary" role="status">{ totals_line(l, &lines, s.across.len()) }</p>
                <div class="table-wrap">
                <table class="batch-table">
                    <thead><tr>
                        { header(Col::File, "文件", "File") }
                        { header(Col::Issuer, "发文机关", "Issuer") }
                        { header(Col::Year, "年度", "Year") }
                        <th>{ l.pick("模板", "Template") }</th>
                        { header(Col::Errors, "错误", "Errors") }
                        { header(Col::Warnings, "警告", "Warnings") }
                        <th>{ l.pick("提示", "Notes") }</th>
                        { header(Col::Across, "跨报告", "Across") }
                        <th>{ l.pick("文本", "Text") }</th>
                        <th></th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                </div>
                if let Some((last, this)) = s.compare {
                    { compare_view(l, last, this, &s.entries, &s.across, state.clone()) }
                }
                if !s.across.is_empty() {
                    <section class="across-list">
                        <h2>{ l.pick("跨报告的问题", "Findings across reports") }</h2>
                        <ul>{ for s.across.iter().map(|f| across_item(l, f, &s.entries)) }</ul>
                    </section>
                }
            }
            if !s.failed.is_empty() {
                <section class="failed">
                    <h2>{ l.pick("无法读取的文件", "Files that could not be read") }</h2>
                    <ul>{ for s.failed.iter().map(|(n, why)| html! { <li>{ format!("{n}：{why}") }</li> }) }</ul>
                </section>
            }
        </div>
    }
}

/// The report of the same body for the year before (same issuer, year − 1), if dropped too.
fn last_year(entries: &[Entry], i: usize) -> Option<usize> {
    let key_year = |e: &Entry| {
        let r = &e.checked.report;
        Some((
            issuer_key(&r.issuer.as_ref()?.value),
            r.year.as_ref()?.value,
        ))
    };
    let (key, year) = key_year(entries.get(i)?)?;
    entries
        .iter()
        .position(|e| key_year(e).is_some_and(|(k, y)| k == key && y == year - 1))
}

/// 对比上年: the findings across the two reports, and every table value that differs, by key
/// (cells of the template both years have; a value one year did not read is shown as —).
fn compare_view(
    l: Lang,
    last: usize,
    this: usize,
    entries: &[Entry],
    across: &[AcrossFinding],
    state: UseReducerHandle<State>,
) -> Html {
    let (Some(a), Some(b)) = (entries.get(last), entries.get(this)) else {
        return Html::default();
    };
    let (ra, rb) = (TableRow::of(&a.checked), TableRow::of(&b.checked));
    let cols_a = columns(ra.template);
    let cols_b = columns(rb.template);
    let fmt = |v: Option<f64>| v.map_or_else(|| "—".to_string(), nianbao_core::fmt::fmt_num);
    let mut same = 0;
    let rows: Vec<Html> = cols_b
        .iter()
        .zip(&rb.values)
        .filter_map(|(c, vb)| {
            let key = c.key();
            let va = cols_a
                .iter()
                .position(|x| x.key() == key)
                .and_then(|k| ra.values.get(k).copied())?;
            if va == *vb {
                same += 1;
                return None;
            }
            Some(html! {
                <tr class="changed" data-key={key}>
                    <td>{ &c.label }</td>
                    <td class="num">{ fmt(va) }</td>
                    <td class="num">{ fmt(*vb) }</td>
                </tr>
            })
        })
        .collect();
    let findings = across
        .iter()
        .filter(|f| {
            let files = f.files();
            files.contains(&last) && files.contains(&this)
        })
        .map(|f| across_item(l, f, entries));
    let changed = rows.len();
    let close = Callback::from(move |_| state.dispatch(Action::Compare(None)));
    html! {
        <section class="compare-view" aria-label={l.pick("对比上年", "Compared with last year")}>
            <h2>{ format!("{}：{} → {}", l.pick("对比上年", "Compared with last year"), a.name, b.name) }</h2>
            <button type="button" class="close-compare" onclick={close}>{ l.pick("关闭对比", "Close") }</button>
            <ul>{ for findings }</ul>
            <p class="compare-count">{ match l {
                Lang::Zh => format!("表格中 {changed} 项数值与上年不同，{same} 项相同。"),
                Lang::En => format!("{changed} table values differ from last year's, {same} are the same."),
            } }</p>
            if changed > 0 {
                <div class="table-wrap">
                <table class="batch-table compare-table">
                    <thead><tr>
                        <th>{ l.pick("项目", "Cell") }</th>
                        <th>{ l.pick("上年", "Last year") }</th>
                        <th>{ l.pick("本年", "This year") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                </div>
            }
        </section>
    }
}

fn totals_line(l: Lang, lines: &[ReportLine], across: usize) -> String {
    let (e, w, i) = lines.iter().fold((0, 0, 0), |(e, w, i), r| {
        (e + r.errors, w + r.warnings, i + r.infos)
    });
    match l {
        Lang::Zh => format!(
            "{} 份报告：{e} 个错误，{w} 个警告，{i} 个提示；跨报告的问题 {across} 个",
            lines.len()
        ),
        Lang::En => format!(
            "{} reports: {e} errors, {w} warnings, {i} notes; {across} across reports",
            lines.len()
        ),
    }
}

fn message(l: Lang, zh: &str, en: &str) -> String {
    match l {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

/// One report's findings, then the findings across reports that name it.
fn details(l: Lang, i: usize, e: &Entry, entries: &[Entry], across: &[AcrossFinding]) -> Html {
    let index = LineIndex::new(&e.text);
    let own = e.checked.diagnostics.iter().map(|d| {
        let p = index.position(d.span.start);
        html! {
            <li class={sev_class(d.severity)}>
                <span class="code">{ d.code.as_str() }</span>
                { format!(" {}:{} ", p.line, p.column) }
                { message(l, &d.message, &d.message_en) }
            </li>
        }
    });
    let mine = across
        .iter()
        .filter(|f| f.files().contains(&i))
        .map(|f| across_item(l, f, entries));
    html! {
        <ul class="report-findings">{ for own }{ for mine }</ul>
    }
}

fn across_item(l: Lang, f: &AcrossFinding, entries: &[Entry]) -> Html {
    let name = |k: usize| entries.get(k).map_or("", |e| e.name.as_str()).to_string();
    let others: Vec<String> = f.files().into_iter().skip(1).map(&name).collect();
    html! {
        <li class={classes!("across-finding", sev_class(f.severity))} data-code={f.code.as_str()}>
            <span class="code">{ f.code.as_str() }</span>
            { format!(" {} ", name(f.file)) }
            { message(l, &f.message, &f.message_en) }
            if !others.is_empty() {
                <span class="others">{ format!(" （{}{}）", l.pick("另见 ", "see "), others.join("、")) }</span>
            }
        </li>
    }
}

/// The checker page next to this one: `nianbao.html` beside the single file
/// `nianbao-batch.html`, else the folder's index.
fn checker_href() -> &'static str {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    if path.ends_with("nianbao-batch.html") {
        "nianbao.html"
    } else {
        "./"
    }
}

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The files of a drop, dropped folders walked (helpers.js): a promise of File[].
    #[wasm_bindgen(js_namespace = nianbaoJs, js_name = droppedFiles)]
    fn dropped_files(data: &web_sys::DataTransfer) -> js_sys::Promise;
}

/// The name shown for a file: its path inside a chosen or dropped folder, else its name.
fn relative_name(file: &web_sys::File) -> String {
    ["webkitRelativePath", "nianbaoPath"]
        .into_iter()
        .filter_map(|key| js_sys::Reflect::get(file, &key.into()).ok())
        .filter_map(|v| v.as_string())
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| file.name())
}
