//! The editor: a textarea the page never rewrites while the clerk types, over a highlight layer
//! that renders the same text with `<mark>`s (same font, padding and wrapping; scroll-synced).

use std::cell::Cell;
use std::ops::Range;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_render::request_animation_frame;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, DragEvent, Element, HtmlTextAreaElement};
use yew::prelude::*;

use crate::analysis::Analysis;
use crate::highlight::{block_ends, pieces, Edit, Mark, Piece};
use crate::i18n::Lang;
use crate::ignore::Waived;
use crate::js;

/// When the text just typed should be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A paste: at once.
    Now,
    /// Typing: after a short pause.
    Soon,
    /// Inside an IME composition: not until it ends.
    Later,
    /// A whole new text (an example, a file, 清空, 撤销): at once, and not compared with the
    /// text before (a new report's findings are not "fixed" or "new").
    Load,
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub text_ref: NodeRef,
    pub layer_ref: NodeRef,
    /// The text as typed (what the layer shows).
    pub draft: Rc<String>,
    pub analysis: Option<Rc<Analysis>>,
    pub active: Option<usize>,
    /// Waived findings are not highlighted.
    pub waived: Rc<Waived>,
    pub on_text: Callback<(String, When)>,
    /// A click in the text: the caret's UTF-16 offset.
    pub on_caret: Callback<u32>,
    /// F8 / Shift+F8: the next / previous finding after the caret (true = previous).
    pub on_next: Callback<bool>,
    pub on_file: Callback<web_sys::File>,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or(Lang::Zh);
    let composing = use_mut_ref(|| Cell::new(false));
    let pasted = use_mut_ref(|| Cell::new(false));
    let dragging = use_state(|| false);

    let value = {
        let text_ref = props.text_ref.clone();
        move || {
            text_ref
                .cast::<HtmlTextAreaElement>()
                .map(|a| a.value())
                .unwrap_or_default()
        }
    };

    let oninput = {
        let (composing, pasted, on_text, value) = (
            composing.clone(),
            pasted.clone(),
            props.on_text.clone(),
            value.clone(),
        );
        Callback::from(move |_: InputEvent| {
            let when = if pasted.borrow().replace(false) {
                When::Now
            } else if composing.borrow().get() {
                When::Later
            } else {
                When::Soon
            };
            on_text.emit((value(), when));
        })
    };
    {
        // Yew has no composition listeners: IME composition is tracked on the element itself, so
        // nothing is checked (or re-rendered into the textarea) halfway through a word.
        let (text_ref, composing, on_text) = (
            props.text_ref.clone(),
            composing.clone(),
            props.on_text.clone(),
        );
        use_effect_with((), move |_| {
            let listeners = text_ref.cast::<HtmlTextAreaElement>().map(|area| {
                let start = {
                    let composing = composing.clone();
                    EventListener::new(&area, "compositionstart", move |_| {
                        composing.borrow().set(true)
                    })
                };
                let end = {
                    let target = area.clone();
                    EventListener::new(&area, "compositionend", move |_| {
                        composing.borrow().set(false);
                        on_text.emit((target.value(), When::Soon));
                    })
                };
                (start, end)
            });
            move || drop(listeners)
        });
    }
    let onpaste = {
        let (pasted, text_ref) = (pasted.clone(), props.text_ref.clone());
        Callback::from(move |e: Event| {
            pasted.borrow().set(true);
            let Some(e) = e.dyn_ref::<ClipboardEvent>() else {
                return;
            };
            let data = e.clipboard_data();
            let flavour = |kind: &str| {
                data.as_ref()
                    .and_then(|d| d.get_data(kind).ok())
                    .unwrap_or_default()
            };
            // Word, WPS and web pages give HTML: its tables become tab-separated rows.
            let html = flavour("text/html");
            let from_html = if html.trim().is_empty() {
                String::new()
            } else {
                js::flatten_html(&html)
            };
            let text = if from_html.trim().is_empty() {
                flavour("text/plain")
            } else {
                from_html
            };
            if let (false, Some(area)) = (text.is_empty(), text_ref.cast::<HtmlTextAreaElement>()) {
                e.prevent_default();
                js::insert_text(&area, &text);
            }
        })
    };
    let onclick = {
        let (text_ref, on_caret) = (props.text_ref.clone(), props.on_caret.clone());
        Callback::from(move |_: MouseEvent| {
            let caret = text_ref
                .cast::<HtmlTextAreaElement>()
                .and_then(|a| a.selection_start().ok().flatten());
            if let Some(caret) = caret {
                on_caret.emit(caret);
            }
        })
    };
    let onkeydown = {
        let on_next = props.on_next.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "F8" {
                e.prevent_default();
                on_next.emit(e.shift_key());
            }
        })
    };
    let onscroll = {
        let (text_ref, layer_ref) = (props.text_ref.clone(), props.layer_ref.clone());
        Callback::from(move |_: Event| sync_scroll(&text_ref, &layer_ref))
    };
    {
        // After every render the layer may have a new height: keep it aligned, in the next frame
        // before it is painted (reading the scroll position now would lay out the page twice).
        let (text_ref, layer_ref) = (props.text_ref.clone(), props.layer_ref.clone());
        use_effect(move || {
            let frame = request_animation_frame(move |_| sync_scroll(&text_ref, &layer_ref));
            move || drop(frame)
        });
    }
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (dragging, on_file) = (dragging.clone(), props.on_file.clone());
        Callback::from(move |e: DragEvent| {
            dragging.set(false);
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                e.prevent_default();
                on_file.emit(file);
            }
        })
    };

    let layer = layer_html(
        &props.draft,
        props.analysis.as_deref(),
        props.active,
        &props.waived,
    );
    let class = classes!("editor", dragging.then_some("dragging"));
    html! {
        <div {class} {ondragover} {ondragleave} {ondrop}>
            <div class="layer" ref={props.layer_ref.clone()} aria-hidden="true">
                { layer }
            </div>
            <textarea
                ref={props.text_ref.clone()}
                class="text"
                id="report-text"
                spellcheck="false"
                autocomplete="off"
                aria-label={lang.pick("年度报告全文", "Report text")}
                placeholder={lang.pick(
                    "在此粘贴政府信息公开工作年度报告全文（可直接从 Word、WPS 或网页复制，表格会自动转换），或把 .docx / .txt / .html 文件拖到这里。",
                    "Paste the full text of the annual report here (from Word, WPS or a web page; tables are converted), or drop a .docx / .txt / .html file.",
                )}
                {oninput} {onpaste} {onscroll} {onclick} {onkeydown}
            />
        </div>
    }
}

fn sync_scroll(text_ref: &NodeRef, layer_ref: &NodeRef) {
    if let (Some(area), Some(layer)) = (
        text_ref.cast::<HtmlTextAreaElement>(),
        layer_ref.cast::<Element>(),
    ) {
        layer.set_scroll_top(area.scroll_top());
        layer.set_scroll_left(area.scroll_left());
    }
}

/// The layer's content: the draft with the last check's marks, moved past any edit since, in
/// blocks of [`crate::highlight::LINES_PER_BLOCK`] lines (a keystroke re-renders and lays out one of them).
fn layer_html(
    draft: &Rc<String>,
    analysis: Option<&Analysis>,
    active: Option<usize>,
    waived: &Waived,
) -> Html {
    let mut marks = Vec::new();
    let mut related = Vec::new();
    if let Some(a) = analysis {
        let edit = (a.text.as_str() != draft.as_str()).then(|| Edit::between(&a.text, draft));
        let moved = |span: std::ops::Range<usize>| match &edit {
            Some(e) => e.map(&span),
            None => Some(span),
        };
        for (index, d, _) in a.findings().filter(|(i, _, _)| !waived.is(*i)) {
            if let Some(span) = moved(d.span.start..d.span.end) {
                marks.push(Mark {
                    index,
                    severity: d.severity,
                    span,
                });
            }
            if active == Some(index) {
                related.extend(
                    d.related
                        .iter()
                        .filter_map(|r| moved(r.span.start..r.span.end)),
                );
            }
        }
    }
    let len = draft.len();
    let ends = block_ends(draft);
    let mut runs = pieces(len, &marks, &related, active, &ends)
        .into_iter()
        .peekable();
    let starts = std::iter::once(0).chain(ends.iter().copied());
    let blocks = starts
        .zip(ends.iter().copied().chain([len]))
        .map(|(start, end)| {
            let mut own = Vec::new();
            // A piece at a block's end belongs to the next block (a caret mark too), except at
            // the end of the text.
            while let Some(p) = runs.next_if(|p| p.span.start < end || end == len) {
                own.push(Piece {
                    span: p.span.start - start..p.span.end - start,
                    ..p
                });
            }
            html! {
                <Block text={draft.clone()} span={start..end} pieces={own} last={end == len} />
            }
        });
    html! { <>{ for blocks }</> }
}

#[derive(Properties)]
struct BlockProps {
    /// The whole draft; the block shows `span` of it.
    text: Rc<String>,
    span: Range<usize>,
    /// Pieces with spans relative to the block's start: an edit before the block leaves them
    /// equal, and the block is not rendered again.
    pieces: Vec<Piece>,
    last: bool,
}

impl PartialEq for BlockProps {
    fn eq(&self, other: &Self) -> bool {
        self.text.get(self.span.clone()) == other.text.get(other.span.clone())
            && self.pieces == other.pieces
            && self.last == other.last
    }
}

#[function_component(Block)]
fn block(props: &BlockProps) -> Html {
    let text = props.text.get(props.span.clone()).unwrap_or("");
    let body = props.pieces.iter().map(|p| {
        let piece = text.get(p.span.clone()).unwrap_or("").to_string();
        match &p.class {
            Some(class) => html! { <mark class={class.clone()} id={p.id.clone()}>{ piece }</mark> },
            None => html! { { piece } },
        }
    });
    html! {
        <div class="layer-block">
            { for body }
            // A trailing newline needs a character after it to take up its line, as in the
            // textarea.
            if props.last { { "\u{200b}" } }
        </div>
    }
}
