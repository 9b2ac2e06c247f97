//! The rule catalogue, for supervising offices: every code with its severity, title and help,
//! straight from the core's registry.

use nianbao_core::ALL_CODES;
use yew::prelude::*;

use crate::findings::family_name;
use crate::i18n::{severity_icon, Lang};

#[function_component(RulesList)]
pub fn rules_list() -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Zh);
    let rows = ALL_CODES.iter().map(|code| {
        let info = code.info();
        html! {
            <tr>
                <td class="code">{ info.code }</td>
                <td>
                    <span class={classes!("sev", info.severity.as_str())}>
                        <span class="icon" aria-hidden="true">{ severity_icon(info.severity) }</span>
                        { lang.severity(info.severity) }
                    </span>
                </td>
                <td>{ family_name(info.family, lang) }</td>
                <td><strong>{ lang.pick(info.title_zh, info.title_en) }</strong><br />
                    <span class="rule-help">{ lang.pick(info.help_zh, info.help_en) }</span></td>
            </tr>
        }
    });
    html! {
        <details class="rules">
            <summary>{ match lang {
                Lang::Zh => format!("查看全部 {} 条检查规则", ALL_CODES.len()),
                Lang::En => format!("All {} rules", ALL_CODES.len()),
            } }</summary>
            <div class="table-scroll">
                <table class="rules-table">
                    <thead><tr>
                        <th scope="col">{ lang.pick("代码", "Code") }</th>
                        <th scope="col">{ lang.pick("严重程度", "Severity") }</th>
                        <th scope="col">{ lang.pick("类别", "Family") }</th>
                        <th scope="col">{ lang.pick("规则与说明", "Rule and help") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </details>
    }
}
