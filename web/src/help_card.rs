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
                { " " }{ r.message.clone() }
            </li>
        }
    });
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
            if !family.is_empty() { <p class="family">{ lang.pick("类别：", "Family: ") }{ family }</p> }
            <p class="help">{ lang.pick(info.help_zh, info.help_en) }</p>
            if !d.related.is_empty() {
                <p class="related-head">{ lang.pick("相关位置（在原文中以虚线框标出）：", "Related places (outlined in the text):") }</p>
                <ul class="related-list">{ for related }</ul>
            }
        </aside>
    }
}
