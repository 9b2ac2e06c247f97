//! The page: toolbar, summary, the editor beside the findings, the tables as understood.

use std::rc::Rc;

use gloo_render::request_animation_frame;
use gloo_timers::callback::Timeout;
use web_sys::{HtmlTextAreaElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::analysis::{rules_checked, Analysis};
use crate::editor::{Editor, When};
use crate::examples::EXAMPLES;
use crate::findings::{reveal_in_list, Filter, Findings};
use crate::help_card::HelpCard;
use crate::i18n::{severity_icon, Lang};
use crate::ignore::Waivers;
use crate::js;
use crate::print::PrintHead;
use crate::rules_list::RulesList;
use crate::state::{Action, Notice, State};
use crate::storage;
use crate::summary_bar::SummaryBar;
use crate::tables_view::TablesView;
use crate::toolbar::Toolbar;
use nianbao_core::Severity;

/// The pause after typing before the text is checked again.
const DEBOUNCE_MS: u32 = 200;

/// What a portal asked for (web/src/embed.rs mounts the app with it).
#[derive(Clone, PartialEq)]
pub struct Embed {
    /// Only the editor and the findings: no examples, exports, tables.
    pub compact: bool,
    pub lang: Lang,
    /// Whether waived findings ("忽略此条") are kept in this origin's localStorage. Off unless the
    /// portal asks (`store-ignored`): by default nothing goes into the host page's storage and
    /// waivers last as long as the element.
    pub store_ignored: bool,
    /// The text to load and check, numbered: loading the same text again checks it again.
    /// Number 0 is the initial text.
    pub value: (u32, Rc<String>),
    /// The rule code whose first finding to select, numbered like `value`.
    pub focus: Option<(u32, String)>,
    /// Called after every check (the first one included).
    pub on_result: Callback<Rc<Analysis>>,
}

/// The whole page by default; inside a portal's page (iframe or `<nianbao-checker>`) with `embed`.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub embed: Option<Embed>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let embed = props.embed.as_ref();
    // Embedded, nothing is read from or saved to the browser's storage.
    let embedded = embed.is_some();
    let compact = embed.is_some_and(|e| e.compact);
    // Her waivers are kept in the browser only where that is allowed (not embedded unless asked).
    let store_ignored = embed.is_none_or(|e| e.store_ignored);
    let state = use_reducer(|| {
        let (lang, text) = match embed {
            Some(e) => (e.lang, e.value.1.to_string()),
            None => (Lang::from_tag(&storage::lang()), storage::draft()),
        };
        let waivers = match store_ignored {
            true => Waivers::parse(&storage::ignored()),
            false => Waivers::default(),
        };
        State::new(lang, Rc::new(text), waivers)
    });
    let dispatcher = state.dispatcher();
    // Embedded, the portal sets the language (the element's `lang`, the frame's `lang=`).
    let l = embed.map_or(state.lang, |e| e.lang);
    let timer = use_mut_ref(|| None::<Timeout>);
    let text_ref = use_node_ref();
    let layer_ref = use_node_ref();

    {
        // The saved draft goes into the textarea once; after that only the clerk writes there.
        let (text_ref, initial) = (text_ref.clone(), state.draft.clone());
        use_effect_with((), move |_| {
            if let Some(area) = text_ref.cast::<HtmlTextAreaElement>() {
                area.set_value(&initial);
            }
        });
    }
    {
        let tag = state.lang.tag();
        use_effect_with(state.lang, move |_| {
            if embedded {
                return; // the portal's page is not ours to retitle
            }
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", tag);
            }
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(match tag {
                    "en" => "Annual report checker · open government information",
                    _ => "年报检查 · 政府信息公开工作年度报告",
                });
            }
        });
    }
    {
        // Notices fade after a few seconds.
        let dispatcher = dispatcher.clone();
        use_effect_with(state.notice.clone(), move |shown| {
            let timeout = shown
                .is_some()
                .then(|| Timeout::new(5000, move || dispatcher.dispatch(Action::Notice(None))));
            move || drop(timeout)
        });
    }
    {
        // Saved where allowed, whenever she waives or restores one.
        use_effect_with(state.waivers.clone(), move |waivers| {
            let stored = waivers.stored();
            if store_ignored && stored != storage::ignored() {
                storage::save_ignored(&stored);
            }
        });
    }

    // The callbacks handed to the panes stay the same object from render to render unless what
    // they read changes: a keystroke then re-renders the editor only, not the findings or tables.
    let on_text = {
        let (dispatcher, timer) = (dispatcher.clone(), timer.clone());
        use_callback(embedded, move |(value, when): (String, When), embedded| {
            let text = Rc::new(value);
            // Saved at every input (a reload right after typing keeps it), checked on the pause.
            if !*embedded {
                storage::save_draft(&text);
            }
            dispatcher.dispatch(Action::Typed(text.clone()));
            // Replacing the timer cancels the check it was waiting to run.
            *timer.borrow_mut() = None;
            let check = move |compare| Action::Check { text, compare };
            match when {
                When::Now => dispatcher.dispatch(check(true)),
                When::Load => dispatcher.dispatch(check(false)),
                When::Soon => {
                    let dispatcher = dispatcher.clone();
                    *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                        dispatcher.dispatch(check(true))
                    }));
                }
                When::Later => {}
            }
        })
    };
    let load = {
        let (text_ref, on_text) = (text_ref.clone(), on_text.clone());
        use_callback((), move |text: String, _| {
            if let Some(area) = text_ref.cast::<HtmlTextAreaElement>() {
                area.set_value(&text);
                area.set_scroll_top(0);
            }
            on_text.emit((text, When::Load));
        })
    };
    let on_example = {
        let load = load.clone();
        use_callback((), move |i: usize, _| {
            if let Some(ex) = EXAMPLES.get(i) {
                load.emit(ex.text.to_string());
            }
        })
    };
    let say = {
        let dispatcher = dispatcher.clone();
        use_callback((), move |notice: Notice, _| {
            dispatcher.dispatch(Action::Notice(Some(notice)))
        })
    };
    let on_file = {
        let (load, say) = (load.clone(), say.clone());
        use_callback(l, move |file: web_sys::File, lang| {
            let (load, say, lang) = (load.clone(), say.clone(), *lang);
            wasm_bindgen_futures::spawn_local(async move {
                match js::read_file(&file).await {
                    Ok(text) => {
                        load.emit(text);
                        say.emit(Notice::say(match lang {
                            Lang::Zh => format!("已打开 {}", file.name()),
                            Lang::En => format!("Opened {}", file.name()),
                        }));
                    }
                    Err(e) => say.emit(Notice::say(e)),
                }
            });
        })
    };
    let on_clear = {
        let (load, say, text_ref) = (load.clone(), say.clone(), text_ref.clone());
        use_callback(l, move |_: (), lang| {
            // What she sees in the editor is the draft.
            let before = text_ref
                .cast::<HtmlTextAreaElement>()
                .map(|area| area.value())
                .unwrap_or_default();
            load.emit(String::new());
            if !before.trim().is_empty() {
                say.emit(Notice {
                    text: lang.pick("已清空。", "Cleared.").to_string(),
                    undo: Some(Rc::new(before)),
                });
            }
        })
    };
    let on_undo = {
        let (load, dispatcher) = (load.clone(), dispatcher.clone());
        let undo = state.notice.as_ref().and_then(|n| n.undo.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = &undo {
                load.emit((**text).clone());
            }
            dispatcher.dispatch(Action::Notice(None));
        })
    };
    let on_fix = {
        let (text_ref, on_text, say) = (text_ref.clone(), on_text.clone(), say.clone());
        let deps = (state.analysis.clone(), state.pending(), l);
        use_callback(deps, move |i: usize, (analysis, pending, lang)| {
            if *pending {
                return; // the offsets are of the text last checked
            }
            let (Some((_, d)), Some(area)) =
                (analysis.finding(i), text_ref.cast::<HtmlTextAreaElement>())
            else {
                return;
            };
            let edits = js_sys::Array::new();
            for e in &d.fix {
                edits.push(&(e.start as f64).into());
                edits.push(&(e.end as f64).into());
                edits.push(&e.replacement.as_str().into());
            }
            let before = analysis.text.clone();
            let text = js::apply_edits(&area, &edits);
            on_text.emit((text, When::Now));
            say.emit(Notice {
                text: match lang {
                    Lang::Zh => format!("已修改 {} 处。", d.fix.len()),
                    Lang::En => format!("Changed {} place(s).", d.fix.len()),
                },
                undo: Some(before),
            });
        })
    };
    let on_lang = {
        let (dispatcher, lang) = (dispatcher.clone(), state.lang);
        Callback::from(move |_: MouseEvent| {
            let other = match lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            };
            storage::save_lang(other.tag());
            dispatcher.dispatch(Action::Lang(other));
        })
    };
    let on_notice = {
        let say = say.clone();
        use_callback((), move |n: String, _| say.emit(Notice::say(n)))
    };
    let select_span = {
        let (text_ref, layer_ref) = (text_ref.clone(), layer_ref.clone());
        use_callback((), move |(start, end): (usize, usize), _| {
            select_in_text(&text_ref, &layer_ref, start, end);
        })
    };
    let on_select = {
        let select_span = select_span.clone();
        use_callback(state.analysis.clone(), move |i: usize, analysis| {
            if let Some((_, d)) = analysis.finding(i) {
                select_span.emit((d.start, d.end));
            }
        })
    };
    let on_caret = {
        let (state, dispatcher, text_ref) = (state.clone(), dispatcher.clone(), text_ref.clone());
        Callback::from(move |caret: u32| {
            if let (Some(i), Some(area)) = (state.finding_at(caret as usize), text_ref.get()) {
                dispatcher.dispatch(Action::Activate(i));
                reveal_in_list(&area, i);
            }
        })
    };
    let on_next = {
        let (state, dispatcher, text_ref) = (state.clone(), dispatcher.clone(), text_ref.clone());
        let on_select = on_select.clone();
        Callback::from(move |previous: bool| {
            let Some(area) = text_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let at = |v: Result<Option<u32>, _>| v.ok().flatten().unwrap_or(0) as usize;
            let (start, end) = (at(area.selection_start()), at(area.selection_end()));
            if let Some(i) = state.step(start, end, previous) {
                dispatcher.dispatch(Action::Activate(i));
                on_select.emit(i);
                reveal_in_list(&area, i);
            }
        })
    };
    let on_activate = {
        let dispatcher = dispatcher.clone();
        use_callback((), move |i: usize, _| {
            dispatcher.dispatch(Action::Activate(i))
        })
    };
    let on_waive = {
        let dispatcher = dispatcher.clone();
        use_callback((), move |(i, reason): (usize, Option<String>), _| {
            dispatcher.dispatch(Action::Waive(i, reason))
        })
    };
    let on_filter = {
        let dispatcher = dispatcher.clone();
        use_callback((), move |f: Filter, _| {
            dispatcher.dispatch(Action::Filter(f))
        })
    };

    // The tables (below the editor) follow a check one frame later: the highlights and the
    // findings are painted first. `data-tables` on the page says which check they show.
    let tables = use_state_eq(|| state.analysis.clone());
    {
        let (tables, analysis) = (tables.setter(), state.analysis.clone());
        use_effect_with(analysis.revision, move |_| {
            let frame = request_animation_frame(move |_| {
                // After the frame with the highlights is painted.
                Timeout::new(0, move || tables.set(analysis)).forget();
            });
            move || drop(frame)
        });
    }
    {
        // The portal set a text: check it now.
        let (load, value) = (load.clone(), embed.map(|e| e.value.clone()));
        use_effect_with(value.as_ref().map(|v| v.0), move |_| {
            if let Some((number, text)) = value {
                if number > 0 {
                    load.emit(text.to_string());
                }
            }
        });
    }
    let focus_wanted = use_mut_ref(|| None::<String>);
    let focus = embed.and_then(|e| e.focus.clone());
    let focus_number = focus.as_ref().map(|f| f.0);
    {
        let focus_wanted = focus_wanted.clone();
        use_effect_with(focus_number, move |_| {
            if let Some((_, code)) = focus {
                *focus_wanted.borrow_mut() = Some(code);
            }
        });
    }
    {
        // The portal asked for a rule's first finding: select it once the text shown is checked.
        let (state, dispatcher, text_ref) = (state.clone(), dispatcher.clone(), text_ref.clone());
        let on_select = on_select.clone();
        use_effect_with((focus_number, state.analysis.revision), move |_| {
            let Some(area) = text_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            if state.stale_for(&area.value()) {
                return; // the check of the latest text is a moment away
            }
            let Some(code) = focus_wanted.borrow_mut().take() else {
                return;
            };
            if let Some(i) = state.first_of(&code) {
                dispatcher.dispatch(Action::Activate(i));
                on_select.emit(i);
                reveal_in_list(&area, i);
            }
        });
    }
    {
        let (on_result, checked) = (embed.map(|e| e.on_result.clone()), state.analysis.clone());
        use_effect_with(checked.revision, move |_| {
            if let Some(on_result) = on_result {
                on_result.emit(checked);
            }
        });
    }

    let a = state.analysis.clone();
    let waived = state.waived.clone();
    let (active, filter, pending) = (state.active, state.filter, state.pending());
    let chrome = !embedded;
    let legend = [Severity::Error, Severity::Warning, Severity::Info].map(|s| {
        html! {
            <span class={classes!("legend-item", s.as_str())}>
                <span class="swatch" aria-hidden="true">{ severity_icon(s) }</span>{ l.severity(s) }
            </span>
        }
    });
    html! {
        <ContextProvider<Lang> context={l}>
            <div class={classes!("app", embedded.then_some("embedded"), compact.then_some("compact"))} data-revision={a.revision.to_string()} data-pending={pending.to_string()} data-tables={tables.revision.to_string()}>
                if chrome {
                <header class="masthead">
                    <h1>{ l.pick("政府信息公开工作年度报告检查", "Annual report checker (open government information)") }</h1>
                    <p class="tagline">{ l.pick(
                        "粘贴年报全文，立即标出结构、表格、勾稽关系和正文中的问题。",
                        "Paste a report and see every problem in its structure, tables, sums and text at once.",
                    ) }</p>
                    <a class="nav" href={batch_href()}>{ l.pick("批量检查", "Many reports") }</a>
                    <button type="button" class="lang" onclick={on_lang} lang={l.pick("en", "zh-CN")}
                        title={l.pick("Switch to English", "切换到中文")}>
                        { l.pick("English", "中文") }
                    </button>
                </header>
                }
                if !embedded && !a.text.trim().is_empty() {
                    <PrintHead analysis={a.clone()} />
                }
                if !compact {
                    <Toolbar analysis={Some(a.clone())} waived={waived.clone()} {on_example} on_file={on_file.clone()} {on_clear} {on_notice} />
                }
                <SummaryBar analysis={Some(a.clone())} {pending} waived={waived.clone()} />
                <main class="workspace">
                    <div class="editor-pane">
                        <Editor text_ref={text_ref.clone()} layer_ref={layer_ref.clone()}
                            draft={state.draft.clone()} analysis={Some(a.clone())} {active} waived={waived.clone()}
                            {on_text} {on_file} {on_caret} {on_next} />
                        <p class="legend">{ for legend }</p>
                    </div>
                    <div class="side-pane">
                        <h2 class="pane-title">{ l.pick("检查结果", "Findings") }</h2>
                        <Findings analysis={a.clone()} {active} {filter} waived={waived.clone()}
                            {on_filter} {on_waive} {on_activate} {on_select} />
                        if let Some(i) = active {
                            <HelpCard analysis={a.clone()} index={i} on_select_span={select_span.clone()} {on_fix} {pending} />
                        } else if !a.output.diagnostics.is_empty() {
                            <p class="help-hint">{ l.pick(
                                "点击一条结果，可在原文中选中对应文字并查看说明；也可用 ↑ ↓ 键选择、回车定位，在正文中按 F8 跳到下一处问题。",
                                "Click a finding to select its text and read its help; or use ↑ ↓ and Enter, or F8 in the text for the next problem.",
                            ) }</p>
                        }
                    </div>
                </main>
                if !compact && !tables.text.trim().is_empty() {
                    <TablesView analysis={(*tables).clone()} on_select_span={select_span} />
                }
                if chrome {
                <RulesList />
                <footer class="footer">
                    <p><strong>{ l.pick("文本只在本机处理，不会上传。", "Your text is processed on this computer only and never uploaded.") }</strong></p>
                    <p class="meta">{ footer_meta(l, &a) }</p>
                </footer>
                }
                if let Some(n) = state.notice.clone() {
                    <div class="notice" role="status">
                        { n.text }
                        if n.undo.is_some() {
                            <button type="button" class="undo" onclick={on_undo}>{ l.pick("撤销", "Undo") }</button>
                        }
                    </div>
                }
            </div>
        </ContextProvider<Lang>>
    }
}

/// Selects a UTF-16 range in the textarea and scrolls it into view (a third down the editor).
fn select_in_text(text_ref: &NodeRef, layer_ref: &NodeRef, start: usize, end: usize) {
    let Some(area) = text_ref.cast::<HtmlTextAreaElement>() else {
        return;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Nearest);
    area.scroll_into_view_with_scroll_into_view_options(&options);
    let _ = area.focus();
    let (start, end) = (clamp_u32(start), clamp_u32(end));
    let _ = area.set_selection_range(start, end);
    if let Some(layer) = layer_ref.cast::<web_sys::Element>() {
        let top = js::span_top(&layer, start);
        let target = top - f64::from(area.client_height()) / 3.0;
        area.set_scroll_top(target.max(0.0) as i32);
    }
}

/// 共 N 条检查规则 · 本次检查用时 … — the time only once something was checked.
fn footer_meta(l: Lang, a: &Analysis) -> String {
    let checked = !a.text.trim().is_empty();
    match (l, checked) {
        (Lang::Zh, true) => format!(
            "共 {} 条检查规则 · 本次检查用时 {:.0} 毫秒 · 草稿自动保存在本浏览器中",
            rules_checked(),
            a.millis
        ),
        (Lang::Zh, false) => format!(
            "共 {} 条检查规则 · 草稿自动保存在本浏览器中",
            rules_checked()
        ),
        (Lang::En, true) => format!(
            "{} rules · checked in {:.0} ms · the draft is saved in this browser",
            rules_checked(),
            a.millis
        ),
        (Lang::En, false) => format!(
            "{} rules · the draft is saved in this browser",
            rules_checked()
        ),
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The batch page (web/batch): `nianbao-batch.html` beside the single file `nianbao.html`, else
/// `batch.html` in the same folder.
fn batch_href() -> &'static str {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    if path.ends_with("nianbao.html") {
        "nianbao-batch.html"
    } else {
        "batch.html"
    }
}
