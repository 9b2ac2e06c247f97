//! The toolbar: examples, open a file, clear, and the exports (text, JSON, CSV, print).

use std::rc::Rc;

use serde::Serialize;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::analysis::Analysis;
use crate::examples::EXAMPLES;
use crate::export;
use crate::i18n::Lang;
use crate::ignore::{fingerprint, Waived};
use crate::js;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub analysis: Option<Rc<Analysis>>,
    /// Her waivers go into every export.
    pub waived: Rc<Waived>,
    pub on_example: Callback<usize>,
    pub on_file: Callback<web_sys::File>,
    pub on_clear: Callback<()>,
    /// A short message for the clerk (copied, exported, a file could not be read).
    pub on_notice: Callback<String>,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Zh);

    let on_example = {
        let on_example = props.on_example.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            {
                if let Ok(i) = select.value().parse::<usize>() {
                    on_example.emit(i);
                }
                select.set_value("");
            }
        })
    };
    let on_open = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                if let Some(file) = input.files().and_then(|f| f.get(0)) {
                    on_file.emit(file);
                }
                input.set_value("");
            }
        })
    };
    let analysis = props.analysis.clone();
    let has_findings = analysis.as_ref().is_some_and(|a| !a.text.trim().is_empty());
    let on_copy = {
        let (analysis, on_notice) = (analysis.clone(), props.on_notice.clone());
        let waived = props.waived.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(a) = analysis.clone() else { return };
            let (on_notice, waived) = (on_notice.clone(), waived.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = export::text(&a, lang, &waived);
                let n = a.output.diagnostics.len();
                let notice = if js::copy_text(&text).await {
                    match lang {
                        Lang::Zh => format!("已复制 {n} 条检查结果。"),
                        Lang::En => format!("Copied {n} findings."),
                    }
                } else {
                    lang.pick(
                        "无法访问剪贴板，请改用导出。",
                        "The clipboard is not available; use an export instead.",
                    )
                    .to_string()
                };
                on_notice.emit(notice);
            });
        })
    };
    let on_json = {
        let (analysis, on_notice) = (analysis.clone(), props.on_notice.clone());
        let waived = props.waived.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(a) = analysis.as_ref() else { return };
            match to_json(a, &waived) {
                Some(json) => js::download("nianbao-report.json", "application/json", &json, false),
                None => on_notice.emit(lang.pick("导出失败。", "Export failed.").to_string()),
            }
        })
    };
    let on_csv = {
        let (analysis, waived) = (analysis.clone(), props.waived.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(a) = analysis.as_ref() {
                js::download(
                    "nianbao-findings.csv",
                    "text/csv;charset=utf-8",
                    &export::csv(a, lang, &waived),
                    true,
                );
            }
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let on_clear = {
        let on_clear = props.on_clear.clone();
        Callback::from(move |_: MouseEvent| on_clear.emit(()))
    };
    let examples = EXAMPLES.iter().enumerate().map(|(i, ex)| {
        html! { <option value={i.to_string()}>{ lang.pick(ex.name_zh, ex.name_en) }</option> }
    });

    html! {
        <div class="toolbar" role="toolbar" aria-label={lang.pick("工具栏", "Toolbar")}>
            <div class="group">
                <select class="examples" onchange={on_example} aria-label={lang.pick("载入示例", "Load an example")}>
                    <option value="" selected=true>{ lang.pick("载入示例…", "Load an example…") }</option>
                    { for examples }
                </select>
                <label class="button">
                    { lang.pick("打开文件", "Open file") }
                    <input type="file" class="visually-hidden" accept=".txt,.html,.htm,.docx,text/plain,text/html" onchange={on_open} />
                </label>
                <button type="button" class="clear" onclick={on_clear}>{ lang.pick("清空", "Clear") }</button>
            </div>
            <div class="group exports">
                <button type="button" onclick={on_copy} disabled={!has_findings}>{ lang.pick("复制结果", "Copy findings") }</button>
                <button type="button" onclick={on_json} disabled={!has_findings}>{ "JSON" }</button>
                <button type="button" onclick={on_csv} disabled={!has_findings}>{ "CSV" }</button>
                <button type="button" onclick={on_print} disabled={!has_findings}>{ lang.pick("打印", "Print") }</button>
            </div>
        </div>
    }
}

/// Waived findings in the JSON export: which (by index into `diagnostics`) and why.
#[derive(Serialize)]
struct Ignored<'a> {
    index: usize,
    code: &'a str,
    fingerprint: String,
    reason: &'a str,
}

/// The rules.md contract (offsets in UTF-16 code units), pretty-printed, with `ignored`: the
/// findings she waived and why (the summary still counts every finding).
fn to_json(a: &Analysis, waived: &Waived) -> Option<String> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = a.output.serialize(&serializer).ok()?;
    let ignored: Vec<Ignored> = a
        .findings()
        .filter_map(|(i, _, d)| {
            Some(Ignored {
                index: i,
                code: d.code,
                fingerprint: fingerprint(a, i),
                reason: waived.reason(i)?,
            })
        })
        .collect();
    let ignored = ignored.serialize(&serializer).ok()?;
    js_sys::Reflect::set(&value, &"ignored".into(), &ignored).ok()?;
    js_sys::JSON::stringify_with_replacer_and_space(&value, &wasm_bindgen::JsValue::NULL, &2.into())
        .ok()
        .and_then(|s| s.as_string())
}
