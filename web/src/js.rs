//! The few browser helpers written in JavaScript (`web/static/helpers.js`): pasted HTML and opened
//! files to text, positions in the highlight layer, downloads and the clipboard.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// Reveals the static failure message of index.html.
    #[wasm_bindgen(js_namespace = nianbaoJs)]
    pub fn failure(kind: &str, detail: &str);

    /// "page" (index.html, nianbao.html), "frame" (index.html?embed=1) or "element"
    /// (`<nianbao-checker>`): set by the script that starts the app.
    #[wasm_bindgen(js_namespace = nianbaoJs)]
    pub fn mode() -> String;

    #[wasm_bindgen(js_namespace = nianbaoJs, js_name = flattenHtml)]
    pub fn flatten_html(html: &str) -> String;

    #[wasm_bindgen(js_namespace = nianbaoJs, js_name = readFile)]
    fn read_file_promise(file: &web_sys::File) -> js_sys::Promise;

    #[wasm_bindgen(js_namespace = nianbaoJs, js_name = spanTop)]
    pub fn span_top(layer: &web_sys::Element, offset: u32) -> f64;

    #[wasm_bindgen(js_namespace = nianbaoJs)]
    pub fn download(name: &str, mime: &str, text: &str, bom: bool);

    #[wasm_bindgen(js_namespace = nianbaoJs, js_name = copyText)]
    fn copy_text_promise(text: &str) -> js_sys::Promise;

    #[wasm_bindgen(js_namespace = nianbaoJs, js_name = insertText)]
    pub fn insert_text(area: &web_sys::HtmlTextAreaElement, text: &str);

    /// Applies `[start, end, replacement, …]` (UTF-16) undoably; returns the new text.
    #[wasm_bindgen(js_namespace = nianbaoJs, js_name = applyEdits)]
    pub fn apply_edits(area: &web_sys::HtmlTextAreaElement, edits: &js_sys::Array) -> String;
}

/// The text of an opened or dropped file (.txt in UTF-8 or GB18030, .html, .docx). JavaScript
/// unzips a .docx; the core reads its XML, as the command line does.
pub async fn read_file(file: &web_sys::File) -> Result<String, String> {
    let value = JsFuture::from(read_file_promise(file))
        .await
        .map_err(|e| error_message(&e))?;
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    js_sys::Reflect::get(&value, &JsValue::from_str("docxXml"))
        .ok()
        .and_then(|xml| xml.as_string())
        .map(|xml| nianbao_core::docx::document_text(&xml))
        .ok_or_else(|| "文件内容无法读取".to_string())
}

pub async fn copy_text(text: &str) -> bool {
    JsFuture::from(copy_text_promise(text))
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

fn error_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "未知错误".to_string())
}
