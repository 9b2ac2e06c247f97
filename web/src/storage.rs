//! The draft, the language and her waived findings survive a reload (localStorage); nothing is
//! sent anywhere.
//!
//! Values are stored JSON-encoded (as gloo-storage wrote them before), with the browser's own
//! `JSON`: no Rust JSON code in the wasm for two strings.

const DRAFT: &str = "nianbao.draft";
const LANG: &str = "nianbao.lang";
const IGNORED: &str = "nianbao.ignored";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn get(key: &str) -> String {
    local()
        .and_then(|s| s.get_item(key).ok().flatten())
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn set(key: &str, value: &str) {
    let json = js_sys::JSON::stringify(&value.into())
        .ok()
        .and_then(|s| s.as_string());
    if let (Some(storage), Some(json)) = (local(), json) {
        // A full storage (quota) only loses the draft, never the page.
        let _ = storage.set_item(key, &json);
    }
}

pub fn draft() -> String {
    get(DRAFT)
}

pub fn save_draft(text: &str) {
    set(DRAFT, text);
}

pub fn lang() -> String {
    get(LANG)
}

pub fn save_lang(tag: &str) {
    set(LANG, tag);
}

/// The waived findings ([`crate::ignore::Waivers`] in their stored form).
pub fn ignored() -> String {
    get(IGNORED)
}

pub fn save_ignored(stored: &str) {
    set(IGNORED, stored);
}
