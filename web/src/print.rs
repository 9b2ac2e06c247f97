//! The head of the printed report (打印 / save as PDF), to attach to a 审核意见: who issued the
//! report, for which year, when it was checked and by what. Hidden on screen; the rest of the
//! printed page is the summary, the findings (with their lines and the waived ones with reasons)
//! and the tables as understood, laid out by `@media print` in style.css.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::{rules_checked, Analysis};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct PrintHeadProps {
    pub analysis: Rc<Analysis>,
}

#[function_component(PrintHead)]
pub fn print_head(props: &PrintHeadProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Zh);
    let r = &props.analysis.output.report;
    let missing = lang.pick("未识别", "not found");
    let issuer = r.issuer.clone().unwrap_or_else(|| missing.to_string());
    let year = match (r.year, lang) {
        (Some(y), Lang::Zh) => format!("{y} 年度"),
        (Some(y), Lang::En) => y.to_string(),
        (None, _) => missing.to_string(),
    };
    let today = js_sys::Date::new_0();
    let (y, m, d) = (
        today.get_full_year(),
        today.get_month() + 1,
        today.get_date(),
    );
    let checked = match lang {
        Lang::Zh => format!("{y}年{m}月{d}日"),
        Lang::En => format!("{y}-{m:02}-{d:02}"),
    };
    let row = |label: &'static str, value: String| {
        html! { <div><dt>{ label }</dt><dd>{ value }</dd></div> }
    };
    html! {
        <header class="print-head">
            <h1>{ lang.pick("政府信息公开工作年度报告检查结果", "Annual report check (open government information)") }</h1>
            <dl>
                { row(lang.pick("发布机关：", "Issuer: "), issuer) }
                { row(lang.pick("报告年度：", "Year: "), year) }
                { row(lang.pick("检查日期：", "Checked on: "), checked) }
                { row(lang.pick("检查工具：", "Checked with: "), match lang {
                    Lang::Zh => format!("nianbao {}（{} 条规则）", env!("CARGO_PKG_VERSION"), rules_checked()),
                    Lang::En => format!("nianbao {} ({} rules)", env!("CARGO_PKG_VERSION"), rules_checked()),
                }) }
            </dl>
        </header>
    }
}
