//! The findings list, in text order, filterable by severity and family; ↑/↓ move, Enter (or a
//! click) selects the flagged text in the editor.

use std::rc::Rc;

use nianbao_core::{Code, Family, Severity};
use wasm_bindgen::JsCast;
use web_sys::{
    HtmlInputElement, HtmlSelectElement, Node, ScrollIntoViewOptions, ScrollLogicalPosition,
};
use yew::prelude::*;

use crate::analysis::{Analysis, Recognition};
use crate::dom;
use crate::export::short;
use crate::i18n::{severity_icon, Lang};
use crate::ignore::Waived;

const FAMILIES: [Family; 9] = [
    Family::Structure,
    Family::Tables,
    Family::Values,
    Family::Arithmetic,
    Family::Narrative,
    Family::Metadata,
    Family::Content,
    Family::Residue,
    Family::Hygiene,
];

/// Which findings are listed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Filter {
    pub errors: bool,
    pub warnings: bool,
    pub infos: bool,
    pub family: Option<Family>,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            errors: true,
            warnings: true,
            infos: true,
            family: None,
        }
    }
}

impl Filter {
    /// Whether findings of this severity are listed.
    pub fn on(&self, severity: Severity) -> bool {
        match severity {
            Severity::Error => self.errors,
            Severity::Warning => self.warnings,
            Severity::Info => self.infos,
        }
    }

    pub fn shows(&self, severity: Severity, code: &str) -> bool {
        self.on(severity) && self.family.is_none_or(|f| family_of(code) == Some(f))
    }

    fn toggled(mut self, severity: Severity) -> Filter {
        match severity {
            Severity::Error => self.errors = !self.errors,
            Severity::Warning => self.warnings = !self.warnings,
            Severity::Info => self.infos = !self.infos,
        }
        self
    }
}

/// Keeps a finding in view as ↑/↓ move through a long list (not on clicks: a click shows the text).
fn scroll_into_view(anchor: &Node, id: &str) {
    let item = dom::by_id(anchor, id);
    if let Some(item) = item {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Nearest);
        item.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Scrolls the findings list (only the list, never the page) so finding `index` shows.
/// `anchor` is any node of the app (its tree holds the list).
pub fn reveal_in_list(anchor: &Node, index: usize) {
    let item = dom::by_id(anchor, &format!("f{index}"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let list = item
        .as_ref()
        .and_then(|i| i.parent_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let (Some(item), Some(list)) = (item, list) {
        let top = item.offset_top() - list.offset_top();
        let bottom = top + item.offset_height();
        if top < list.scroll_top() {
            list.set_scroll_top(top);
        } else if bottom > list.scroll_top() + list.client_height() {
            list.set_scroll_top(bottom - list.client_height());
        }
    }
}

pub fn family_of(code: &str) -> Option<Family> {
    Code::parse(code).map(|c| c.info().family)
}

pub fn family_name(f: Family, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => f.zh(),
        Lang::En => match f {
            Family::Structure => "Structure",
            Family::Tables => "Tables and template",
            Family::Values => "Cells",
            Family::Arithmetic => "Arithmetic",
            Family::Narrative => "Text vs tables",
            Family::Metadata => "Years and dates",
            Family::Content => "Required content",
            Family::Residue => "Copied leftovers",
            Family::Hygiene => "Conversion leftovers",
            Family::Across => "Across reports",
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub analysis: Rc<Analysis>,
    pub active: Option<usize>,
    pub filter: Filter,
    pub on_filter: Callback<Filter>,
    /// Makes a finding the active one (its help card shows, its related spans are outlined).
    pub on_activate: Callback<usize>,
    /// Selects a finding's text in the editor.
    pub on_select: Callback<usize>,
    /// Waived findings are listed apart, under 已忽略.
    pub waived: Rc<Waived>,
    /// Waives a finding with a reason (`Some`), or restores it (`None`).
    pub on_waive: Callback<(usize, Option<String>)>,
}

#[function_component(Findings)]
pub fn findings(props: &FindingsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Zh);
    let a = &props.analysis;
    let filter = props.filter;
    let waived = &props.waived;
    let reason_ref = use_node_ref();
    let shown: Vec<usize> = a
        .findings()
        .filter(|(i, _, d)| !waived.is(*i) && filter.shows(d.severity, d.code))
        .map(|(i, _, _)| i)
        .collect();

    let onkeydown = {
        let (shown, active) = (shown.clone(), props.active);
        let (on_activate, on_select) = (props.on_activate.clone(), props.on_select.clone());
        Callback::from(move |e: KeyboardEvent| {
            let at = active.and_then(|i| shown.iter().position(|&s| s == i));
            let next = match e.key().as_str() {
                "ArrowDown" => match at {
                    Some(p) => shown.get(p + 1).or(shown.last()),
                    None => shown.first(),
                },
                "ArrowUp" => match at {
                    Some(p) => shown.get(p.saturating_sub(1)),
                    None => shown.last(),
                },
                "Home" => shown.first(),
                "End" => shown.last(),
                "Enter" | " " => {
                    if let Some(i) = active.or(shown.first().copied()) {
                        e.prevent_default();
                        on_select.emit(i);
                    }
                    return;
                }
                _ => return,
            };
            if let Some(&i) = next {
                e.prevent_default();
                on_activate.emit(i);
                if let Some(anchor) = e.target().and_then(|t| t.dyn_into::<Node>().ok()) {
                    scroll_into_view(&anchor, &format!("f{i}"));
                }
            }
        })
    };

    let counts = |s: Severity| {
        a.findings()
            .filter(|(i, d, _)| d.severity == s && !waived.is(*i))
            .count()
    };
    let chip = |s: Severity| {
        let on_filter = props.on_filter.clone();
        let onchange = Callback::from(move |_: Event| on_filter.emit(filter.toggled(s)));
        let checked = filter.on(s);
        html! {
            <label class={classes!("chip", s.as_str(), (!checked).then_some("off"))}>
                <input type="checkbox" {checked} {onchange} />
                <span class="icon" aria-hidden="true">{ severity_icon(s) }</span>
                { lang.severity(s) }{ " " }<b>{ counts(s) }</b>
            </label>
        }
    };
    let on_family = {
        let on_filter = props.on_filter.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            let family = FAMILIES
                .iter()
                .copied()
                .find(|f| family_name(*f, Lang::En) == value);
            on_filter.emit(Filter { family, ..filter });
        })
    };
    let family_options = FAMILIES.iter().filter_map(|&f| {
        let n = a
            .findings()
            .filter(|(i, _, d)| !waived.is(*i) && family_of(d.code) == Some(f))
            .count();
        (n > 0).then(|| {
            html! {
                <option value={family_name(f, Lang::En)} selected={filter.family == Some(f)}>
                    { format!("{}（{n}）", family_name(f, lang)) }
                </option>
            }
        })
    });

    let items = shown.iter().filter_map(|&i| {
        let (diag, d) = a.finding(i)?;
        let active = props.active == Some(i);
        let onclick = {
            let (on_activate, on_select) = (props.on_activate.clone(), props.on_select.clone());
            Callback::from(move |_: MouseEvent| {
                on_activate.emit(i);
                on_select.emit(i);
            })
        };
        let title = Code::parse(d.code)
            .map(|c| lang.pick(c.info().title_zh, c.info().title_en))
            .unwrap_or(d.title);
        let message = match lang {
            Lang::En if !d.message_en.is_empty() => d.message_en.clone(),
            _ => d.message.clone(),
        };
        let excerpt = short(a.excerpt(diag), 24);
        let waive = |reason: Option<&'static str>| {
            let (on_waive, reason_ref) = (props.on_waive.clone(), reason_ref.clone());
            Callback::from(move |e: MouseEvent| {
                e.stop_propagation();
                let typed = reason_ref
                    .cast::<HtmlInputElement>()
                    .map(|i| i.value().trim().to_string())
                    .unwrap_or_default();
                let reason = reason.map_or(typed, str::to_string);
                if !reason.is_empty() {
                    on_waive.emit((i, Some(reason)));
                }
            })
        };
        let stop = Callback::from(|e: MouseEvent| e.stop_propagation());
        let on_key = {
            let (on_waive, reason_ref) = (props.on_waive.clone(), reason_ref.clone());
            Callback::from(move |e: KeyboardEvent| {
                e.stop_propagation(); // ↑ ↓ Enter here are typing, not list moves
                let typed = reason_ref
                    .cast::<HtmlInputElement>()
                    .map(|i| i.value().trim().to_string())
                    .unwrap_or_default();
                if e.key() == "Enter" && !typed.is_empty() {
                    on_waive.emit((i, Some(typed)));
                }
            })
        };
        Some(html! {
            <li id={format!("f{i}")} role="option" aria-selected={active.to_string()}
                class={classes!("finding", d.severity.as_str(), active.then_some("active"))}
                data-code={d.code} data-start={d.start.to_string()} data-end={d.end.to_string()}
                {onclick}>
                <div class="finding-head">
                    <span class={classes!("sev", d.severity.as_str())}>
                        <span class="icon" aria-hidden="true">{ severity_icon(d.severity) }</span>
                        { lang.severity(d.severity) }
                    </span>
                    <span class="code">{ d.code }</span>
                    <span class="title">{ title }</span>
                </div>
                <p class="message">{ message }</p>
                <p class="where">
                    { a.location(lang, d.start, d.line) }
                    if !excerpt.is_empty() { <span class="excerpt">{ format!("「{excerpt}」") }</span> }
                </p>
                if active {
                    <div class="ignore-form" role="group" aria-label={lang.pick("忽略此条", "Ignore this finding")}>
                        <span class="ignore-label">{ lang.pick("忽略此条：", "Ignore:") }</span>
                        <button type="button" class="waive" onclick={waive(Some(lang.pick("已核实", "Verified")))}>{ lang.pick("已核实", "Verified") }</button>
                        <button type="button" class="waive" onclick={waive(Some(lang.pick("不适用", "Not applicable")))}>{ lang.pick("不适用", "Not applicable") }</button>
                        <input type="text" class="reason" ref={reason_ref.clone()} onclick={stop} onkeydown={on_key}
                            placeholder={lang.pick("其他原因", "Other reason")} aria-label={lang.pick("忽略原因", "Reason")} />
                        <button type="button" class="waive other" onclick={waive(None)}>{ lang.pick("忽略", "Ignore") }</button>
                    </div>
                }
            </li>
        })
    });

    let total = a.output.diagnostics.len();
    let ignored = waived.count();
    let ignored_items = a.findings().filter_map(|(i, diag, d)| {
        let reason = waived.reason(i)?;
        let restore = {
            let on_waive = props.on_waive.clone();
            Callback::from(move |_: MouseEvent| on_waive.emit((i, None)))
        };
        let title = Code::parse(d.code)
            .map(|c| lang.pick(c.info().title_zh, c.info().title_en))
            .unwrap_or(d.title);
        Some(html! {
            <li class={classes!("waived", d.severity.as_str())} data-code={d.code}>
                <span class="code">{ d.code }</span>{ " " }<span class="title">{ title }</span>
                <span class="excerpt">{ format!("「{}」", short(a.excerpt(diag), 24)) }</span>
                <span class="why">{ lang.pick("原因：", "Reason: ") }{ reason }</span>
                <button type="button" class="restore" onclick={restore}>{ lang.pick("恢复", "Restore") }</button>
            </li>
        })
    });
    html! {
        <section class="findings" aria-label={lang.pick("检查结果", "Findings")}>
            <div class="filters" role="group" aria-label={lang.pick("筛选", "Filter")}>
                { chip(Severity::Error) }
                { chip(Severity::Warning) }
                { chip(Severity::Info) }
                <select class="family" onchange={on_family} aria-label={lang.pick("按类别筛选", "Filter by family")}>
                    <option value="" selected={filter.family.is_none()}>{ lang.pick("全部类别", "All families") }</option>
                    { for family_options }
                </select>
            </div>
            if a.recognition() == Recognition::Empty {
                <p class="list-empty">{ lang.pick("粘贴报告后，问题会列在这里。", "Findings of the pasted report are listed here.") }</p>
            } else if a.recognition() == Recognition::NotAReport && total == 0 {
                <p class="list-empty">{ lang.pick("文本未被识别为年度报告。", "The text was not recognised as an annual report.") }</p>
            } else if total == 0 {
                <p class="list-empty">{ lang.pick("没有发现问题。", "No findings.") }</p>
            } else if shown.is_empty() && ignored == total {
                <p class="list-empty">{ lang.pick("所有问题均已忽略，见下方列表。", "All findings are ignored.") }</p>
            } else if shown.is_empty() {
                <p class="list-empty">{ lang.pick("没有符合筛选条件的结果。", "No findings match the filter.") }</p>
            } else {
                <ol class="finding-list" role="listbox" tabindex="0" {onkeydown}
                    aria-label={lang.pick("问题列表（↑↓ 选择，回车定位到原文）", "Findings (↑↓ to move, Enter to show in text)")}
                    aria-activedescendant={props.active.map(|i| format!("f{i}"))}>
                    { for items }
                </ol>
            }
            if ignored > 0 {
                <section class="ignored">
                    <h3>{ match lang {
                        Lang::Zh => format!("已忽略 {ignored} 条（不计入统计）"),
                        Lang::En => format!("{ignored} ignored (not counted)"),
                    } }</h3>
                    <ul class="ignored-list">{ for ignored_items }</ul>
                </section>
            }
        </section>
    }
}
