//! The summary bar: counts by severity and what was understood, or a plain state when there is
//! nothing to report or the text is not an annual report.

use std::rc::Rc;

use nianbao_core::Severity;
use yew::prelude::*;

use crate::analysis::{rules_checked, Analysis, Recognition};
use crate::i18n::{severity_icon, Lang};
use crate::ignore::Waived;

#[derive(Properties, PartialEq)]
pub struct SummaryBarProps {
    pub analysis: Option<Rc<Analysis>>,
    /// The text changed and is about to be checked again.
    pub pending: bool,
    /// Waived findings leave the counts; how many were waived is said apart.
    pub waived: Rc<Waived>,
}

#[function_component(SummaryBar)]
pub fn summary_bar(props: &SummaryBarProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Zh);
    let Some(a) = props.analysis.as_ref() else {
        return html! { <div class="summary empty" role="status"></div> };
    };
    let status = if props.pending {
        html! { <span class="pending">{ lang.pick("正在检查…", "Checking…") }</span> }
    } else {
        html! {}
    };
    let mut s = a.output.summary;
    for (i, d, _) in a.findings() {
        if props.waived.is(i) {
            match d.severity {
                Severity::Error => s.errors = s.errors.saturating_sub(1),
                Severity::Warning => s.warnings = s.warnings.saturating_sub(1),
                Severity::Info => s.infos = s.infos.saturating_sub(1),
            }
        }
    }
    let ignored = props.waived.count();
    let status = if ignored > 0 {
        let text = match lang {
            Lang::Zh => format!("已忽略 {ignored} 条"),
            Lang::En => format!("{ignored} ignored"),
        };
        html! { <>{ status }<span class="ignored-count">{ text }</span></> }
    } else {
        status
    };
    // 已修复 3 处，新增 1 处: what the last edit changed.
    let status = match a.changes {
        Some((gone, new)) if gone + new > 0 && !props.pending => {
            let text = match lang {
                Lang::Zh if new == 0 => format!("已修复 {gone} 处"),
                Lang::Zh if gone == 0 => format!("新增 {new} 处"),
                Lang::Zh => format!("已修复 {gone} 处，新增 {new} 处"),
                Lang::En => format!("{gone} fixed, {new} new since the last check"),
            };
            html! { <>{ status }<span class="changes">{ text }</span></> }
        }
        _ => status,
    };
    match a.recognition() {
        Recognition::Empty => html! {
            <div class="summary empty" role="status">
                <span>{ lang.pick("粘贴或打开一份年度报告，检查结果会立即显示在这里。", "Paste or open an annual report; findings appear here at once.") }</span>
            </div>
        },
        Recognition::NotAReport => html! {
            <div class="summary unrecognised" role="status">
                <strong>{ lang.pick("无法识别为年度报告", "Not recognised as an annual report") }</strong>
                <span>{ lang.pick(
                    "没有找到“一、总体情况”等六个部分的标题，也没有找到统计表。请确认粘贴的是政府信息公开工作年度报告的全文。",
                    "No section headings (一、总体情况 …) and no statistics tables were found. Check that the full text of the report was pasted.",
                ) }</span>
                { status }
            </div>
        },
        Recognition::Report if s.errors + s.warnings == 0 => html! {
            <div class="summary clean" role="status">
                <strong>
                    <span class="icon" aria-hidden="true">{ "✓" }</span>
                    { match lang {
                        Lang::Zh => format!("未发现错误或警告（已检查 {} 条规则）", rules_checked()),
                        Lang::En => format!("No errors or warnings ({} rules checked)", rules_checked()),
                    } }
                </strong>
                if s.infos > 0 {
                    <span class="count info">{ match lang {
                        Lang::Zh => format!("另有 {} 条提示", s.infos),
                        Lang::En => format!("and {} {}", s.infos, lang.severities(Severity::Info, s.infos).to_lowercase()),
                    } }</span>
                }
                <span class="understood">{ a.understood(lang) }</span>
                { status }
            </div>
        },
        Recognition::Report => {
            let count = |sev: Severity, n: usize| {
                html! {
                    <span class={classes!("count", sev.as_str(), (n == 0).then_some("zero"))}>
                        <span class="icon" aria-hidden="true">{ severity_icon(sev) }</span>
                        <b>{ n }</b>{ " " }{ lang.severities(sev, n) }
                    </span>
                }
            };
            html! {
                <div class="summary problems" role="status">
                    { count(Severity::Error, s.errors) }
                    { count(Severity::Warning, s.warnings) }
                    { count(Severity::Info, s.infos) }
                    <span class="understood">{ a.understood(lang) }</span>
                    { status }
                </div>
            }
        }
    }
}
