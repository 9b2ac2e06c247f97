//! The help card of the active finding: the rule's title and help from the registry, the
//! message, and the related places (clickable).

use std::rc::Rc;

use nianbao_core::Code;
use yew::prelude::*;

use crate::analysis::Analysis;
use crate::findings::{family_name, family_of};
use crate::i18n::{severity_icon, Lang};

#[derive(Properties, PartialEq)]
pub struct HelpCardProps {
    pub analysis: Rc<Analysis>,
    pub index: usize,
    /// Selects a UTF-16 range of the text.
    pub on_select_span: Callback<(usize, usize)>,
    /// Applies the finding's fix to the text.
    pub on_fix: Callback<usize>,
    /// The text changed since this check: its offsets are stale, no fix is offered.
    pub pending: bool,
}

#[function_component(HelpCard)]
pub fn help_card(props: &HelpCardProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Zh);
    let Some((_, d)) = props.analysis.finding(props.index) else {
        return html! {};
    };
    let Some(info) = Code::parse(d.code).map(|c| c.info()) else {
        return html! {};
    };
    let family = family_of(d.code)
        .map(|f| family_name(f, lang))
        .unwrap_or("");
    let related = d.related.iter().map(|r| {
        let onclick = {
            let (on_select_span, start, end) = (props.on_select_span.clone(), r.start, r.end);
            Callback::from(move |_: MouseEvent| on_select_span.emit((start, end)))
        };
        html! {
            <li>
                <button type="button" class="link" {onclick}>
                    { props.analysis.location(lang, r.start, r.line) }
                </button>
                { " " }{ if lang == Lang::En && !r.message_en.is_empty() { &r.message_en } else { &r.message } }
            </li>
        }
    });
    let offered = !props.pending && props.analysis.fix_offered(props.index);
    let fix = offered.then(|| fix_html(&props.analysis, props.index, lang, &props.on_fix));
    html! {
        <aside class={classes!("help-card", d.severity.as_str())} aria-live="polite">
            <h3>
                <span class={classes!("sev", d.severity.as_str())}>
                    <span class="icon" aria-hidden="true">{ severity_icon(d.severity) }</span>
                    { lang.severity(d.severity) }
                </span>
                { " " }<span class="code">{ d.code }</span>{ " " }
                { lang.pick(info.title_zh, info.title_en) }
            </h3>
            { for fix }
            if !family.is_empty() { <p class="family">{ lang.pick("类别：", "Family: ") }{ family }</p> }
            <p class="help">{ lang.pick(info.help_zh, info.help_en) }</p>
            if !d.related.is_empty() {
                <p class="related-head">{ lang.pick("相关位置（在原文中以虚线框标出）：", "Related places (outlined in the text):") }</p>
                <ul class="related-list">{ for related }</ul>
            }
        </aside>
    }
}

/// The fix, previewed (the first few changes, where they are), and the button that applies it.
fn fix_html(a: &Analysis, index: usize, lang: Lang, on_fix: &Callback<usize>) -> Html {
    let Some((diag, d)) = a.finding(index) else {
        return html! {};
    };
    let n = d.fix.len();
    let first = d.fix.first().map(|e| e.replacement.as_str()).unwrap_or("");
    let same = d.fix.iter().all(|e| e.replacement == first);
    let label = match (lang, same, first.is_empty(), n) {
        (Lang::Zh, true, true, 1) => "删除".to_string(),
        (Lang::Zh, true, true, _) => format!("全部删除（{n} 处）"),
        (Lang::Zh, true, false, 1) => format!("改为“{first}”"),
        (Lang::Zh, true, false, _) => format!("全部改为“{first}”（{n} 处）"),
        (Lang::Zh, false, _, _) => format!("应用 {n} 处修改"),
        (Lang::En, true, true, 1) => "Delete it".to_string(),
        (Lang::En, true, true, _) => format!("Delete all {n}"),
        (Lang::En, true, false, 1) => format!("Change to “{first}”"),
        (Lang::En, true, false, _) => format!("Change all {n} to “{first}”"),
        (Lang::En, false, _, _) => format!("Apply {n} changes"),
    };
    let text = a.text.as_str();
    let preview = diag.fix.iter().zip(&d.fix).take(3).map(|(e, out)| {
        let old = text.get(e.span.start..e.span.end).unwrap_or("");
        let line = text
            .get(..e.span.start)
            .map_or(0, |t| t.matches('\n').count() + 1);
        html! {
            <li>
                <span class="where">{ a.location(lang, out.start, line) }</span>{ " " }
                <del>{ old }</del>{ " → " }
                if out.replacement.is_empty() {
                    <span class="deleted">{ lang.pick("（删除）", "(deleted)") }</span>
                } else {
                    <ins>{ out.replacement.clone() }</ins>
                }
            </li>
        }
    });
    let more = (n > 3).then(|| match lang {
        Lang::Zh => format!("……另有 {} 处", n - 3),
        Lang::En => format!("… and {} more", n - 3),
    });
    let onclick = {
        let on_fix = on_fix.clone();
        Callback::from(move |_: MouseEvent| on_fix.emit(index))
    };
    html! {
        <div class="fix">
            <p class="fix-head">
                <button type="button" class="apply-fix" {onclick}>{ label }</button>
                <span>{ lang.pick("一键修改原文，可撤销", "edits the text; can be undone") }</span>
            </p>
            <ul class="fix-preview">{ for preview }
                if let Some(more) = more { <li class="more">{ more }</li> }
            </ul>
        </div>
    }
}
