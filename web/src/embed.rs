//! The app inside a portal's page: mounted into the shadow root of `<nianbao-checker>`
//! (static/nianbao-checker.js) or into `index.html?embed=1` (static/frame.js). Both call
//! `mountChecker(root, options, onResult)` and steer the app through the returned `Checker`.
//! Embedded, the app shows no page chrome, reads no host page and touches no localStorage unless
//! the portal allows it for waived findings (`storeIgnored`).

use std::rc::Rc;

use nianbao_core::output::{DiagnosticOut, Summary};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlTextAreaElement};
use yew::{AppHandle, Callback};

use crate::analysis::Analysis;
use crate::app::{App, AppProps, Embed};
use crate::i18n::Lang;

/// `{summary, diagnostics}` of rules.md, offsets in UTF-16 code units.
#[derive(Serialize)]
struct CheckResult<'a> {
    summary: &'a Summary,
    diagnostics: &'a [DiagnosticOut],
}

fn result_js(summary: &Summary, diagnostics: &[DiagnosticOut]) -> JsValue {
    CheckResult {
        summary,
        diagnostics,
    }
    .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
    .unwrap_or(JsValue::NULL)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MountOptions {
    lang: Option<String>,
    compact: bool,
    value: Option<String>,
    #[serde(rename = "storeIgnored")]
    store_ignored: bool,
}

/// An embedded app, steered by the element or the frame.
#[wasm_bindgen]
pub struct Checker {
    root: Element,
    handle: AppHandle<App>,
    embed: Embed,
}

/// Renders the app into `root` (options: `{lang: "zh"|"en", compact, value, storeIgnored}`); `on_result`
/// receives `{summary, diagnostics}` after every check.
#[wasm_bindgen(js_name = mountChecker)]
pub fn mount_checker(
    root: Element,
    options: JsValue,
    on_result: js_sys::Function,
) -> Result<Checker, JsValue> {
    let options: MountOptions = if options.is_undefined() || options.is_null() {
        MountOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsValue::from_str(&format!("nianbao: invalid options: {e}")))?
    };
    let on_result = Callback::from(move |a: Rc<Analysis>| {
        let result = result_js(&a.output.summary, &a.output.diagnostics);
        let _ = on_result.call1(&JsValue::NULL, &result);
    });
    let embed = Embed {
        compact: options.compact,
        lang: Lang::from_tag(options.lang.as_deref().unwrap_or("zh")),
        store_ignored: options.store_ignored,
        value: (0, Rc::new(options.value.unwrap_or_default())),
        focus: None,
        on_result,
    };
    root.set_inner_html("");
    let props = AppProps {
        embed: Some(embed.clone()),
    };
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    Ok(Checker {
        root,
        handle,
        embed,
    })
}

#[wasm_bindgen]
impl Checker {
    /// Puts `text` into the editor and checks it.
    #[wasm_bindgen(js_name = setText)]
    pub fn set_text(&mut self, text: String) {
        // At once, so that `text()` and `check()` see it before the app renders it.
        if let Some(area) = self.editor() {
            area.set_value(&text);
        }
        self.embed.value = (self.embed.value.0 + 1, Rc::new(text));
        self.update();
    }

    /// The text in the editor now.
    pub fn text(&self) -> String {
        self.editor()
            .map(|area| area.value())
            .unwrap_or_else(|| self.embed.value.1.to_string())
    }

    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&mut self, tag: &str) {
        self.embed.lang = Lang::from_tag(tag);
        self.update();
    }

    #[wasm_bindgen(js_name = setCompact)]
    pub fn set_compact(&mut self, compact: bool) {
        self.embed.compact = compact;
        self.update();
    }

    /// Checks the editor's text now (the view follows) and returns `{summary, diagnostics}`.
    pub fn check(&mut self) -> JsValue {
        let text = self.text();
        let checked = nianbao_core::check_with(&text, &nianbao_core::Options::default());
        let output =
            nianbao_core::output::build(&text, &checked, nianbao_core::output::Offsets::Utf16);
        self.set_text(text);
        result_js(&output.summary, &output.diagnostics)
    }

    /// Selects the first finding with rule `code` in the editor (once the latest text is checked).
    pub fn focus(&mut self, code: String) {
        let number = self.embed.focus.as_ref().map_or(0, |f| f.0) + 1;
        self.embed.focus = Some((number, code));
        self.update();
    }
}

impl Checker {
    fn editor(&self) -> Option<HtmlTextAreaElement> {
        self.root
            .query_selector("textarea.text")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
    }

    fn update(&mut self) {
        self.handle.update(AppProps {
            embed: Some(self.embed.clone()),
        });
    }
}
